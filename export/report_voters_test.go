package export

import (
	"fmt"
	"strings"
	"testing"

	"rendadesk/store"
)

// The contact paragraph says the seeds' sentence from the figures, leaves out what is 0, and says 「均已办结」
// only when every case is closed.
func TestReportTextContact(t *testing.T) {
	f := rtHand()
	c := store.ContactFigures{Counts: map[store.ContactKey]store.ContactCount{
		store.CKPetitions: {Count: 46, Sum: 57}, store.CKLetters: {Count: 18}, store.CKVisits: {Count: 26, Sum: 57},
		store.CKOnSpot: {Count: 10}, store.CKReferred: {Count: 36}, store.CKPetitionClosed: {Count: 44}, store.CKOverdue: {Count: 1},
		store.CKReceptions: {Count: 40, Sum: 300}, store.CKIssues: {Count: 55},
		store.IssueRouteKey(store.RouteExplained): {Count: 30}, store.IssueRouteKey(store.RouteSuggestion): {Count: 20},
		store.IssueRouteKey(store.RoutePetition): {Count: 5},
		store.CKVoterVisits:                      {Count: 90, Sum: 400}, store.CKBulletins: {Count: 12},
	}, ContactDeputies: 45, ContactMet: 40, VisitNorm: 2, VisitsDue: 2, ContactOn: "2024-12-31"}
	f.Contact = c
	text := ReportText(rtSettings(), f)
	t.Log("\n" + text)
	wantIn(t, text, "2024年，受理群众来信18件，接待来访26起57人次，其中当场答复10件，转交有关单位办理36件，已办结44件，尚有1件超过办结时限。",
		"各家站点接待选民40次，收集意见建议55条，其中当场解释答复30条、转为建议20条、转信访5条。",
		"代表联系选民90次400人次，在任的45名代表(兼任各级的计一人)中有40名达到每年联系选民不少于2次的要求。", "编发政情通报12期。")
	wantNotIn(t, text, "集体访", "批转", "征求意见卡", "均已办结", "转村(居)")
	if m := zeroClause.FindString(text); m != "" {
		t.Errorf("a zero clause 「%s」", m)
	}
	// Every case closed: 「均已办结」, and no count of the overdue.
	c.Counts[store.CKPetitionClosed] = store.ContactCount{Count: 46}
	c.Counts[store.CKOverdue] = store.ContactCount{}
	f.Contact = c
	wantIn(t, ReportText(rtSettings(), f), "转交有关单位办理36件，均已办结。")
	// A year not yet over is counted against the norm to date, and the sentence says so.
	c.ContactOn, c.VisitsDue = "2024-06-30", 1
	f.Contact = c
	wantIn(t, ReportText(rtSettings(), f), "在任的45名代表(兼任各级的计一人)中有40名达到截至6月应有的联系选民次数(每年不少于2次，按月折算为1次)。")
	// A year without any contact record says nothing of it.
	wantNotIn(t, ReportText(rtSettings(), rtFigures()), "来信", "来访", "联系选民")
}

// T16 and T17 of the demo year add up to the year's counts, month by month.
func TestReportContactTables(t *testing.T) {
	db := demoStore(t)
	data, err := db.LoadReport(ctx, "2024-01-01", "2024-12-31", "")
	if err != nil {
		t.Fatal(err)
	}
	c := data.Figures.Contact
	var t16, t17 *rtable
	tabs := Report{ReportData: data}.tables()
	for i := range tabs {
		switch tabs[i].code {
		case "T16":
			t16 = &tabs[i]
		case "T17":
			t17 = &tabs[i]
		}
	}
	if t16 == nil || t17 == nil {
		t.Fatal("the report has no T16 or T17")
	}
	if n := len(t16.rows); n != len(c.Months)+1 || len(c.Months) < 11 {
		t.Fatalf("T16 has %d rows for %d months, want every month to the report date and 合计", n, len(c.Months))
	}
	total := t16.rows[len(t16.rows)-1].cells
	if total[1] != c.N(store.CKLetters) || total[2] != c.N(store.CKVisits) || total[3] != c.Sum(store.CKVisits) || total[8] != c.N(store.CKPetitionClosed) {
		t.Errorf("T16 合计 %v, figures 来信 %d 来访 %d起%d人次 办结 %d", total, c.N(store.CKLetters), c.N(store.CKVisits),
			c.Sum(store.CKVisits), c.N(store.CKPetitionClosed))
	}
	total = t17.rows[len(t17.rows)-1].cells
	if total[1] != c.N(store.CKReceptions) || total[2] != c.Sum(store.CKReceptions) || total[3] != c.N(store.CKIssues) {
		t.Errorf("T17 合计 %v, figures 接待 %d次%d人次 问题 %d", total, c.N(store.CKReceptions), c.Sum(store.CKReceptions), c.N(store.CKIssues))
	}
	routes := 0
	for i := range store.IssueRoutes {
		routes += total[4+i].(int)
	}
	if routes+total[4+len(store.IssueRoutes)].(int) != c.N(store.CKIssues) {
		t.Errorf("T17's routes add up to %d of %d issues", routes, c.N(store.CKIssues))
	}
	if c.N(store.CKLetters) == 0 || c.N(store.CKIssues) == 0 {
		t.Errorf("the demo year has no letters or issues: %s", fmt.Sprint(c.Counts))
	}
	// Both tables keep their numbers (表15, 表16) and their names carry no T-code.
	if t16.no != TableNumber("T16") || t17.no != t16.no+1 || strings.Contains(t16.title()+t17.title()+t16.sheet()+t17.sheet(), "T1") {
		t.Errorf("T16 and T17 are 「%s」 and 「%s」", t16.title(), t17.title())
	}
}

// A period without petitions, receptions or duty days still has T16 and T17, each with its 「本期没有…」 line.
func TestReportContactTablesEmpty(t *testing.T) {
	tabs := Report{ReportData: store.ReportData{Figures: rtFigures(), Settings: rtSettings()}}.tables()
	for _, code := range []string{"T16", "T17"} {
		i := TableNumber(code) - 1
		if i < 0 || tabs[i].code != code {
			t.Fatalf("no %s among the tables", code)
		}
		if r := tabs[i].rows; len(r) != 1 || !r[0].span || !strings.HasPrefix(fmt.Sprint(r[0].cells[0]), "本期没有") {
			t.Errorf("%s of an empty period has rows %v", code, r)
		}
	}
}
