package export

import (
	"context"
	"path/filepath"
	"testing"

	"rendadesk/store"
)

// The workbook's 评先评优 sheet: the year's nominations with the chosen first, the presidium's decision and
// the 口径 under the table; a decision after the report date is not yet a result.
func TestWorkbookAwards(t *testing.T) {
	db, st := workbookData(t)
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	deps, _, err := db.Deputies(ctx, store.DeputyFilter{})
	must(err)
	units, err := db.Units(ctx)
	must(err)
	sel := store.AwardSelection{Year: 2024, Categories: []store.AwardCategory{
		{Name: "优秀人大代表", Candidate: store.CandidateDeputy, Quota: 1},
		{Name: "人大代表满意单位", Candidate: store.CandidateUnit, Quota: 1}}}
	must(db.SaveAwardSelection(ctx, &sel))
	dep := store.AwardNomination{CategoryID: sel.Categories[0].ID, CandidateID: deps[0].ID, Nominator: store.AwardNominatorPresidium,
		Review: "经考察，情况属实。"}
	must(db.SaveAwardNomination(ctx, &dep))
	unit := store.AwardNomination{CategoryID: sel.Categories[1].ID, CandidateID: units[0].ID, Nominator: store.AwardNominatorPresidium}
	must(db.SaveAwardNomination(ctx, &unit))
	presidium := store.Meeting{Kind: store.MeetingPresidium, Title: "第四季度主席团会议", Start: "2024-12-20"}
	must(db.SaveMeeting(ctx, &presidium))
	must(db.DecideAwards(ctx, 2024, store.AwardDecision{MeetingID: presidium.ID, Date: "2024-12-20", Elected: []int64{dep.ID}}))

	x, _ := writeYear(t, db, st, 2024, 1)
	sheet := TableName("T19") + " 评先评优"
	findRow(t, x, sheet, map[int]string{1: "1", 2: "优秀人大代表", 3: deps[0].Name, 4: "主席团", 5: "经考察，情况属实。", 6: "当选",
		7: "2024年12月20日 第四季度主席团会议"})
	findRow(t, x, sheet, map[int]string{1: "2", 2: "人大代表满意单位", 3: units[0].Name, 6: "未当选"})

	// As of 19 December the presidium had not decided: the rows say 推荐中.
	f, err := db.YearFigures(ctx, 2024, "2024-12-19")
	must(err)
	tb := Report{ReportData: store.ReportData{Figures: f}}.t19()
	if len(tb.rows) != 2 || tb.rows[0].cells[5] != "推荐中" || tb.rows[0].cells[6] != "" {
		t.Fatalf("before the decision: %+v", tb.rows)
	}
	wantIn(t, tb.note, "2024年度评先评优", "只计决定日期不晚于数据截至日期的决定")

	t.Run("InThePrintedDutyRecord", func(t *testing.T) {
		needPoppler(t)
		doc, err := db.DeputyFileDoc(ctx, deps[0].ID, 2024)
		must(err)
		path := filepath.Join(t.TempDir(), "履职档案.pdf")
		must(DeputyFile(path, doc.Settings, doc.Records, doc.Year, "2024-12-31"))
		wantIn(t, squeeze(pdfText(t, path, "-raw")), "表彰：2024年度优秀人大代表。")
	})
}
