package store

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestRatePercent(t *testing.T) {
	for _, c := range []struct {
		r    Rate
		prec int
		want string
	}{
		{Rate{13, 23}, 1, "56.5%"}, // 56.52…
		{Rate{6, 23}, 1, "26.1%"},  // 26.08…
		{Rate{4, 23}, 1, "17.4%"},  // 17.39…
		{Rate{1, 8}, 0, "13%"},     // 12.5 exactly: half away from zero
		{Rate{1, 16}, 1, "6.3%"},   // 6.25
		{Rate{5, 8}, 1, "62.5%"},   // exact, no rounding
		{Rate{3, 8}, 0, "38%"},     // 37.5
		{Rate{29, 200}, 0, "15%"},  // 14.5: as a float 0.145*100 is 14.499999999999998
		{Rate{201, 20000}, 2, "1.01%"},
		{Rate{1, 400}, 1, "0.3%"}, // 0.25
		{Rate{1, 3}, 2, "33.33%"},
		{Rate{2, 3}, 0, "67%"},
		{Rate{1, 40}, 2, "2.50%"},
		{Rate{0, 5}, 1, "0.0%"},
		{Rate{7, 7}, 1, "100.0%"},
		{Rate{0, 0}, 1, "—"},
		{Rate{5, 0}, 0, "—"},
		{Rate{-1, 8}, 0, "-13%"},
	} {
		if got := c.r.Percent(c.prec); got != c.want {
			t.Errorf("%s at %d decimals = %q, want %q", c.r.Explain(), c.prec, got, c.want)
		}
	}
	if got := (Rate{13, 23}).Explain(); got != "13/23" {
		t.Errorf("Explain = %q", got)
	}
	if v, ok := (Rate{13, 23}).Rounded(1); !ok || fmt.Sprintf("%.4f", v) != "0.5650" {
		t.Errorf("Rounded = %v", v)
	}
}

// A rounded rate is the decimal Percent prints, digit for digit: what a spreadsheet cell holds and what its
// formula bar shows (0.219, never 0.21899999999999997 or Excel's 15-digit 0.218999999999999).
func TestRateRoundedIsTheDecimalPrinted(t *testing.T) {
	for prec := 0; prec <= 3; prec++ {
		for den := 1; den <= 400; den++ {
			for num := 0; num <= den; num++ {
				r := Rate{num, den}
				v, ok := r.Rounded(prec)
				if !ok {
					t.Fatalf("%s not rounded", r)
				}
				pct := strings.TrimSuffix(r.Percent(prec), "%")
				want, err := strconv.ParseFloat(pct, 64)
				if err != nil {
					t.Fatal(err)
				}
				// The shortest decimal of the cell's value, moved two places, is the percentage printed.
				got := strconv.FormatFloat(v, 'f', -1, 64)
				back, _ := strconv.ParseFloat(got, 64)
				if len(strings.TrimLeft(strings.ReplaceAll(got, ".", ""), "0")) > prec+3 ||
					strconv.FormatFloat(back*100, 'f', prec, 64) != pct || back*100-want > 1e-9 || want-back*100 > 1e-9 {
					t.Fatalf("%s at %d decimals: cell %s, printed %s%%", r, prec, got, pct)
				}
			}
		}
	}
	if v, _ := (Rate{219, 1000}).Rounded(1); strconv.FormatFloat(v, 'f', -1, 64) != "0.219" {
		t.Errorf("21.9%% is the cell %v", v)
	}
}

// sessionItems are the ids of the hand-counted dataset, in the order they were registered.
type handData struct {
	f       *fixture
	session []int64 // S1…S23, raised at the 2024 session
	recess  []int64 // R1…R7, between sessions
	old     int64   // received in 2023
}

// newHandData builds, through the workflow methods, 23 session items (13 已解决, 6 列入计划解决, 4 留作参考) and
// 7 between-session items whose every figure is counted by hand in the comments.
func newHandData(t *testing.T) *handData {
	t.Helper()
	ctx := context.Background()
	f := newFixture(t)
	h := &handData{f: f}
	db := f.db
	for i := 1; i <= 23; i++ {
		cat := "生态建设" // S1–S6
		switch {
		case i >= 16:
			cat = "社会保障和改善民生" // S16–S23
		case i >= 7:
			cat = "社会管理" // S7–S15
		}
		kind := KindSuggestion
		if i == 1 {
			kind = KindMotion
		}
		s := Suggestion{Kind: kind, Period: PeriodSession, SessionID: f.session.ID, Source: "代表提出", LeadDeputyID: f.li.ID,
			Title: fmt.Sprintf("会期建议%d", i), Category: cat, Scope: LevelTown, Received: "2024-01-20"}
		must(t, db.SaveSuggestion(ctx, &s))
		h.session = append(h.session, s.ID)
	}
	S := func(i int) int64 { return h.session[i-1] }
	must(t, db.AssignMany(ctx, h.session, AssignInput{MainUnitID: f.unitA.ID, Date: "2024-02-01"}))
	if dl := f.get(t, S(1)).FirstDeadline; dl != "2024-05-01" {
		t.Fatalf("deadline %s, want 2024-05-01", dl)
	}
	reply := func(id int64, date Date, method, outcome string) {
		t.Helper()
		must(t, db.Reply(ctx, id, ReplyInput{Date: date, Method: method, Content: "答复", Outcome: outcome}))
	}
	eval := func(id int64, date Date, grade string) {
		t.Helper()
		must(t, db.Evaluate(ctx, id, EvaluateInput{Date: date, Grade: grade}))
	}
	for i := 1; i <= 11; i++ {
		reply(S(i), "2024-03-01", MethodWritten, OutcomeSolved)
	}
	for i := 12; i <= 13; i++ { // 列入计划解决, solved on 6月1日
		reply(S(i), "2024-03-01", MethodInPerson, OutcomePlanned)
		must(t, db.FollowUp(ctx, S(i), FollowUpInput{Date: "2024-06-01", Note: "已完工", Outcome: OutcomeSolved}))
	}
	for i := 14; i <= 17; i++ {
		reply(S(i), "2024-04-01", MethodWritten, OutcomePlanned)
	}
	for i := 18; i <= 19; i++ { // late: after the 5月1日 deadline
		reply(S(i), "2024-05-10", MethodPhone, OutcomePlanned)
	}
	for i := 20; i <= 23; i++ {
		reply(S(i), "2024-04-15", MethodInPerson, OutcomeReference)
	}
	for i := 1; i <= 5; i++ {
		eval(S(i), "2024-07-01", GradeSatisfied)
	}
	for i := 6; i <= 8; i++ {
		eval(S(i), "2024-07-01", GradeBasicSatisfied)
	}
	eval(S(9), "2024-07-01", GradeUnsatisfied)               // handled again, then 满意
	reply(S(9), "2024-08-01", MethodInPerson, OutcomeSolved) // its first 见面 reply
	eval(S(9), "2024-08-15", GradeSatisfied)
	eval(S(10), "2024-07-01", GradeUnsatisfied) // back to 办理中, no new reply yet

	recess := func(title, kind, source, scope string, received Date) int64 {
		t.Helper()
		s := Suggestion{Kind: kind, Period: PeriodRecess, Source: source, Title: title, Category: "城乡建设", Scope: scope, Received: received}
		if kind == KindVoter {
			s.VoterName, s.Category = "张三", "农业农村"
		} else {
			s.LeadDeputyID = f.wang.ID
		}
		must(t, db.SaveSuggestion(ctx, &s))
		h.recess = append(h.recess, s.ID)
		return s.ID
	}
	r1 := recess("R1", KindSuggestion, "主席团成员联系代表", LevelTown, "2024-03-10")
	must(t, db.Assign(ctx, r1, AssignInput{MainUnitID: f.unitB.ID, Date: "2024-03-12"}))
	reply(r1, "2024-04-01", MethodPhone, OutcomeSolving)
	r2 := recess("R2", KindSuggestion, "主席团成员联系代表", LevelCounty, "2024-04-10")
	must(t, db.Forward(ctx, r2, "青川县人大常委会", "2024-04-12"))
	reply(r2, "2024-06-01", MethodWritten, OutcomeReference)
	r3 := recess("R3", KindSuggestion, "主席团成员联系代表", LevelCity, "2024-05-10")
	must(t, db.Forward(ctx, r3, "市人大常委会", "2024-05-12"))
	r4 := recess("R4", KindVoter, "家站点(选民)", LevelVillage, "2024-06-10")
	must(t, db.Assign(ctx, r4, AssignInput{MainUnitID: f.unitB.ID, Date: "2024-06-12"}))
	reply(r4, "2024-07-01", MethodInPerson, OutcomeSolved)
	must(t, db.FeedbackVoter(ctx, r4, "2024-07-05"))
	must(t, db.CloseVoterItem(ctx, r4, "2024-07-06"))
	recess("R5", KindVoter, "家站点(选民)", LevelTown, "2024-08-10") // still 待交办
	r6 := recess("R6", KindSuggestion, "代表提出", LevelTown, "2024-09-10")
	must(t, db.Terminate(ctx, r6, TerminateRejected, "不属于本级职权", "2024-09-12"))
	r7 := recess("R7", KindSuggestion, "代表提出", LevelTown, "2024-08-30")
	must(t, db.Assign(ctx, r7, AssignInput{MainUnitID: f.unitA.ID, Date: "2024-09-01"})) // overdue since December
	old := f.item(t, "去年的建议", "2023-12-20")
	h.old = old.ID
	return h
}

// counts renders the counts of every key, for a readable comparison.
func counts(c SuggestionFigures) string {
	var b strings.Builder
	for _, k := range FigureKeys {
		if n := c.Count(k); n != 0 {
			fmt.Fprintf(&b, "%s=%d ", k, n)
		}
	}
	return strings.TrimSpace(b.String())
}

func wantCounts(t *testing.T, what string, got SuggestionFigures, want map[FigureKey]int) {
	t.Helper()
	for _, k := range FigureKeys {
		if got.Count(k) != want[k] {
			t.Errorf("%s: %s = %d, want %d\n got %s", what, k, got.Count(k), want[k], counts(got))
		}
	}
}

// pct prints a rate with the precision the figures were made with, as the 报表 tab does.
func (f Figures) pct(r Rate) string { return r.Percent(f.Precision) }

func wantPct(t *testing.T, f Figures, what string, r Rate, want string) {
	t.Helper()
	if got := f.pct(r); got != want {
		t.Errorf("%s = %s (%s), want %s", what, got, r.Explain(), want)
	}
}

// The hand-counted dataset: every figure of SPEC §5 on the 23 session items and the 7 between sessions.
func TestFiguresHandCounted(t *testing.T) {
	h := newHandData(t)
	ctx := context.Background()
	db := h.f.db
	f, err := db.YearFigures(ctx, 2024, "")
	must(t, err)
	if f.AsOf != "2024-12-31" || f.From != "2024-01-01" || f.To != "2024-12-31" || f.Precision != 1 || !f.SatisfiedBasic {
		t.Fatalf("period %s–%s as of %s, precision %d, basic %v", f.From, f.To, f.AsOf, f.Precision, f.SatisfiedBasic)
	}
	wantCounts(t, "人代会期间", f.Session, map[FigureKey]int{FigReceived: 23, FigAssigned: 23, FigHanded: 23, FigReplied: 23,
		FigClosed: 9, FigDue: 23, FigOnTime: 21, FigSolved: 13, FigPlanned: 6, FigReference: 4, FigInPerson: 7,
		FigEvaluated: 10, FigSatisfied: 9, FigFirstSatisfied: 8, FigGradeSatisfied: 6, FigGradeBasic: 3, FigGradeUnsatisfied: 1})
	wantPct(t, f, "解决率", f.Session.SolveRate, "56.5%")
	wantPct(t, f, "列入计划解决占比", f.Session.PlannedShare, "26.1%")
	wantPct(t, f, "留作参考占比", f.Session.ReferenceShare, "17.4%")
	wantPct(t, f, "未答复占比", f.Session.UnansweredShare, "0.0%")
	wantPct(t, f, "答复率", f.Session.ReplyRate, "100.0%")
	wantPct(t, f, "办结率", f.Session.CloseRate, "39.1%")
	wantPct(t, f, "按期办结率", f.Session.OnTimeRate, "91.3%")
	wantPct(t, f, "见面率", f.Session.InPersonRate, "30.4%") // S12, S13, S20–S23, and S9 in its second round
	wantPct(t, f, "满意率", f.Session.SatisfactionRate, "90.0%")
	wantPct(t, f, "初次满意率", f.Session.FirstSatisfactionRate, "80.0%")

	wantCounts(t, "闭会期间", f.Recess, map[FigureKey]int{FigReceived: 7, FigAssigned: 3, FigForwarded: 2, FigHanded: 5,
		FigPending: 1, FigTerminated: 1, FigReplied: 3, FigUnanswered: 4, FigClosed: 1, FigDue: 3, FigOnTime: 2,
		FigSolved: 1, FigSolving: 1, FigReference: 1, FigInPerson: 1})
	wantPct(t, f, "闭会答复率", f.Recess.ReplyRate, "60.0%")
	wantPct(t, f, "闭会办结率", f.Recess.CloseRate, "20.0%")
	wantPct(t, f, "闭会按期办结率", f.Recess.OnTimeRate, "66.7%")
	wantPct(t, f, "闭会解决率", f.Recess.SolveRate, "14.3%")
	wantPct(t, f, "闭会办理或答复率", f.Recess.AnsweredShare, "42.9%")
	wantPct(t, f, "闭会满意率", f.Recess.SatisfactionRate, "—")

	if f.All.Received != 30 || f.All.Solved != 14 || f.pct(f.All.SolveRate) != "46.7%" {
		t.Errorf("all: %s", counts(f.All))
	}
	c := f.All
	if c.Solved+c.Solving+c.Planned+c.Reference+c.Unanswered != c.Received {
		t.Errorf("A+B+C+D+未答复 ≠ received: %s", counts(c))
	}

	byName := func(rows []Breakdown) map[string]Breakdown {
		m := map[string]Breakdown{}
		for _, r := range rows {
			m[r.Name] = r
		}
		return m
	}
	kinds := byName(f.ByKind)
	if kinds[KindMotion].All.Received != 1 || kinds[KindSuggestion].All.Received != 27 || kinds[KindVoter].All.Received != 2 || len(f.ByKind) != 3 {
		t.Errorf("by kind %+v", f.ByKind)
	}
	var cats []string
	for _, r := range f.ByCategory {
		cats = append(cats, fmt.Sprintf("%s%d/%d", r.Name, r.Session.Received, r.Recess.Received))
	}
	if got := strings.Join(cats, " "); got != "生态建设6/0 社会管理9/0 社会保障和改善民生8/0 经济发展0/0 城乡建设0/5 农业农村0/2 教育文化卫生0/0 其他0/0" {
		t.Errorf("by category (dictionary order): %s", got)
	}
	if r := byName(f.ByCategory)["生态建设"].Session; r.Solved != 6 || f.pct(r.SolveRate) != "100.0%" {
		t.Errorf("生态建设 %s", counts(r))
	}
	srcs := byName(f.BySource)
	if srcs["代表提出"].All.Received != 25 || srcs["主席团成员联系代表"].Recess.Received != 3 || srcs["家站点(选民)"].Recess.Received != 2 ||
		f.BySource[0].Name != "代表提出" || len(f.BySource) != 7 {
		t.Errorf("by source %+v", f.BySource)
	}
	scopes := byName(f.ByScope)
	if scopes[LevelTown].All.Received != 27 || scopes[LevelCounty].All.Received != 1 || scopes[LevelCity].All.Received != 1 || scopes[LevelVillage].All.Received != 1 {
		t.Errorf("by scope %+v", f.ByScope)
	}
	// T3: between sessions, source × scope.
	for _, x := range []struct {
		source, scope string
		n             int
	}{{"主席团成员联系代表", LevelCity, 1}, {"主席团成员联系代表", LevelCounty, 1}, {"主席团成员联系代表", LevelTown, 1},
		{"主席团成员联系代表", LevelVillage, 0}, {"家站点(选民)", LevelVillage, 1}, {"家站点(选民)", LevelTown, 1}} {
		if got := f.Sum(FigureSlice{Period: PeriodRecess, Source: x.source, Scope: x.scope}).Received; got != x.n {
			t.Errorf("T3 %s %s = %d, want %d", x.source, x.scope, got, x.n)
		}
	}
	if s := f.Sum(FigureSlice{Period: PeriodRecess, Source: "主席团成员联系代表"}); s.Handed != 3 || s.Replied != 2 || s.Forwarded != 2 {
		t.Errorf("T3 主席团成员联系代表 %s", counts(s))
	}
	// T5: per unit.
	// Both units are 镇属部门, so they come by name (as UnitStats lists them).
	if len(f.ByUnit) != 2 || f.ByUnit[0].Name != "镇农业农村办" || f.ByUnit[0].Assigned != 2 || f.ByUnit[1].Assigned != 24 {
		t.Fatalf("by unit %+v", f.ByUnit)
	}
	if u := f.ByUnit[1]; u.OnTime != 21 || u.Due != 24 || u.Solved != 13 || f.pct(u.OnTimeRate) != "87.5%" {
		t.Errorf("镇城建办 %s", counts(u.SuggestionFigures))
	}

	// The click-through lists exactly the items counted by hand.
	ids, err := db.FigureItems(ctx, f, FigureSlice{Period: PeriodSession}, FigSolved)
	must(t, err)
	want := slices.Clone(h.session[:13])
	if !slices.Equal(ids, want) {
		t.Errorf("已解决 items %v, want S1–S13 %v", ids, want)
	}
	ids, err = db.FigureItems(ctx, f, FigureSlice{Period: PeriodSession}, FigDue)
	must(t, err)
	if len(ids) != 23 {
		t.Errorf("due items %d", len(ids))
	}
	ids, err = db.FigureItems(ctx, f, FigureSlice{}, FigPending)
	must(t, err)
	if len(ids) != 1 || ids[0] != h.recess[4] {
		t.Errorf("pending %v, want R5", ids)
	}
	ids, err = db.FigureItems(ctx, f, FigureSlice{UnitID: h.f.unitB.ID}, FigReceived)
	must(t, err)
	if !slices.Equal(ids, []int64{h.recess[0], h.recess[3]}) {
		t.Errorf("unit B items %v", ids)
	}
	if _, err := db.FigureItems(ctx, f, FigureSlice{}, "nonsense"); ErrorCode(err) != EINVALID {
		t.Errorf("unknown key: %v", err)
	}
}

// The outcome, the evaluation and 办结 are counted as they stood on the report date.
func TestFiguresAsOf(t *testing.T) {
	h := newHandData(t)
	ctx := context.Background()
	db := h.f.db
	year := func(asOf Date) Figures {
		t.Helper()
		f, err := db.YearFigures(ctx, 2024, asOf)
		must(t, err)
		return f
	}
	t.Run("BeforeTheFollowUp", func(t *testing.T) {
		f := year("2024-05-31") // S12 and S13 still 列入计划解决
		if s := f.Session; s.Solved != 11 || s.Planned != 8 || s.Reference != 4 || s.Replied != 23 {
			t.Fatalf("%s", counts(s))
		}
		wantPct(t, f, "解决率", f.Session.SolveRate, "47.8%")
		wantPct(t, f, "列入计划解决占比", f.Session.PlannedShare, "34.8%")
		ids, err := db.FigureItems(ctx, f, FigureSlice{Period: PeriodSession}, FigPlanned)
		must(t, err)
		if len(ids) != 8 || ids[0] != h.session[11] {
			t.Errorf("planned items %v", ids)
		}
		// R2 was answered by the upper level on 6月1日: not yet.
		if r := f.Recess; r.Received != 3 || r.Replied != 1 || r.Forwarded != 2 || r.Reference != 0 {
			t.Errorf("recess %s", counts(r))
		}
	})
	t.Run("OnTheFollowUpDay", func(t *testing.T) {
		f := year("2024-06-01")
		if s := f.Session; s.Solved != 13 || s.Planned != 6 {
			t.Fatalf("%s", counts(s))
		}
	})
	t.Run("EarlyInTheYear", func(t *testing.T) {
		f := year("2024-03-31") // only the replies of 3月1日; R1 received but not answered
		if s := f.Session; s.Replied != 13 || s.Solved != 11 || s.Planned != 2 || s.Unanswered != 10 || s.Due != 13 || s.OnTime != 13 {
			t.Errorf("session %s", counts(s))
		}
		if r := f.Recess; r.Received != 1 || r.Assigned != 1 || r.Replied != 0 {
			t.Errorf("recess %s", counts(r))
		}
	})
	t.Run("OnTheDeadlineDay", func(t *testing.T) {
		f := year("2024-05-01") // the deadline day is still in time: S18 and S19 are not yet due
		if s := f.Session; s.Due != 21 || s.OnTime != 21 || s.Replied != 21 {
			t.Errorf("%s", counts(s))
		}
		f = year("2024-05-02")
		if s := f.Session; s.Due != 23 || s.OnTime != 21 {
			t.Errorf("the day after: %s", counts(s))
		}
		wantPct(t, f, "按期办结率", f.Session.OnTimeRate, "91.3%")
	})
	t.Run("BeforeTheForwarding", func(t *testing.T) {
		f := year("2024-05-11") // R3 was received on 5月10日 and forwarded on 5月12日
		if r := f.Recess; r.Received != 3 || r.Forwarded != 1 || r.Pending != 1 || r.Handed != 2 {
			t.Errorf("recess %s", counts(r))
		}
	})
	t.Run("BeforeTheTermination", func(t *testing.T) {
		f := year("2024-09-11") // R6 was received on 9月10日 and rejected on 9月12日
		if r := f.Recess; r.Received != 7 || r.Pending != 2 || r.Terminated != 0 || r.Assigned != 3 {
			t.Errorf("recess %s", counts(r))
		}
	})
	t.Run("BetweenEvaluations", func(t *testing.T) {
		f := year("2024-07-15") // S9 is 不满意 and handled again; its 满意 comes on 8月15日
		s := f.Session
		if s.Evaluated != 10 || s.Satisfied != 8 || s.FirstSatisfied != 8 || s.GradeUnsatisfied != 2 || s.Closed != 8 || s.InPerson != 6 {
			t.Errorf("%s", counts(s))
		}
		wantPct(t, f, "满意率", s.SatisfactionRate, "80.0%")
	})
	t.Run("BeforeAnyEvaluation", func(t *testing.T) {
		f := year("2024-06-30")
		if f.Session.Evaluated != 0 || f.pct(f.Session.SatisfactionRate) != "—" || f.pct(f.Session.FirstSatisfactionRate) != "—" {
			t.Errorf("%s", counts(f.Session))
		}
	})
	t.Run("LastYearAsOfToday", func(t *testing.T) {
		f, err := db.YearFigures(ctx, 2023, "")
		must(t, err)
		if f.AsOf != "2023-12-31" || f.All.Received != 1 || f.All.Pending != 1 {
			t.Errorf("2023 as of %s: %s", f.AsOf, counts(f.All))
		}
		// A period that runs into the future is counted as of today.
		g, err := db.Figures(ctx, "2024-06-01", "2025-05-31", "")
		must(t, err)
		if g.AsOf != "2024-12-31" {
			t.Errorf("as of %s, want today", g.AsOf)
		}
	})
	t.Run("BadPeriod", func(t *testing.T) {
		_, err := db.Figures(ctx, "2024-12-31", "2024-01-01", "")
		wantErr(t, err, EINVALID, "统计截止日期", "不能早于起始日期")
		_, err = db.Figures(ctx, "", "2024-01-01", "")
		wantErr(t, err, EINVALID, "统计起始日期")
		_, err = db.YearFigures(ctx, 24, "")
		wantErr(t, err, EINVALID, "年度")
	})
}

// A follow-up on the day of the reply counts after it, also when later events have changed the item since.
func TestFiguresSameDayFollowUp(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	s := f.item(t, "关于修桥的建议", "2024-02-01")
	must(t, f.db.Assign(ctx, s.ID, AssignInput{MainUnitID: f.unitA.ID, Date: "2024-02-02"}))
	must(t, f.db.Reply(ctx, s.ID, ReplyInput{Date: "2024-03-01", Method: MethodWritten, Content: "答复", Outcome: OutcomePlanned}))
	must(t, f.db.FollowUp(ctx, s.ID, FollowUpInput{Date: "2024-03-01", Note: "已开工", Outcome: OutcomeSolving}))
	must(t, f.db.FollowUp(ctx, s.ID, FollowUpInput{Date: "2024-04-01", Note: "已完工", Outcome: OutcomeSolved}))
	for asOf, want := range map[Date]FigureKey{"2024-02-29": FigUnanswered, "2024-03-01": FigSolving, "2024-03-31": FigSolving,
		"2024-04-01": FigSolved, "2024-12-31": FigSolved} {
		fig, err := f.db.YearFigures(ctx, 2024, asOf)
		must(t, err)
		if fig.All.Count(want) != 1 || fig.All.Received != 1 {
			t.Errorf("as of %s: %s, want %s", asOf, counts(fig.All), want)
		}
		ids, err := f.db.FigureItems(ctx, fig, FigureSlice{}, want)
		must(t, err)
		if len(ids) != 1 || ids[0] != s.ID {
			t.Errorf("as of %s: %s items %v", asOf, want, ids)
		}
	}
}

// 满意率 with and without 基本满意, and the click-through following the same setting.
func TestFiguresSatisfiedSetting(t *testing.T) {
	h := newHandData(t)
	ctx := context.Background()
	db := h.f.db
	for _, basic := range []bool{true, false} {
		st, err := db.Settings(ctx)
		must(t, err)
		st.SatisfiedBasic = basic
		must(t, db.SaveSettings(ctx, st))
		f, err := db.YearFigures(ctx, 2024, "")
		must(t, err)
		want, wantFirst, n := "90.0%", "80.0%", 9
		if !basic {
			want, wantFirst, n = "60.0%", "50.0%", 6 // S1–S5 and S9 (满意 at the second evaluation); first: S1–S5
		}
		wantPct(t, f, fmt.Sprintf("满意率(基本满意计入=%v)", basic), f.Session.SatisfactionRate, want)
		wantPct(t, f, fmt.Sprintf("初次满意率(基本满意计入=%v)", basic), f.Session.FirstSatisfactionRate, wantFirst)
		ids, err := db.FigureItems(ctx, f, FigureSlice{}, FigSatisfied)
		must(t, err)
		if len(ids) != n || f.SatisfiedBasic != basic {
			t.Errorf("basic=%v: %d satisfied items, want %d", basic, len(ids), n)
		}
	}
}

// An empty year: every count is 0 and every rate prints 「—」.
func TestFiguresEmptyYear(t *testing.T) {
	for name, db := range map[string]*DB{"EmptyDatabase": mustOpen(t), "YearWithoutItems": newFixture(t).db} {
		t.Run(name, func(t *testing.T) {
			f, err := db.YearFigures(context.Background(), 2023, "")
			must(t, err)
			for part, c := range map[string]SuggestionFigures{"all": f.All, "session": f.Session, "recess": f.Recess} {
				wantCounts(t, part, c, nil)
				for _, d := range RateDefs {
					if got := f.pct(c.RateOf(d)); got != "—" {
						t.Errorf("%s %s = %s", part, d.Name, got)
					}
				}
				if f.pct(c.SolveRate) != "—" || f.pct(c.SatisfactionRate) != "—" {
					t.Errorf("%s rate fields are not 「—」", part)
				}
			}
			if len(f.ByCategory) != 8 || len(f.ByUnit) != 0 || len(f.Meetings) != len(MeetingKinds) || f.Resolutions != 0 ||
				f.Receptions != 0 || f.Stations.Total != 0 || f.pct(f.Stations.SixHavesRate) != "—" {
				t.Errorf("empty year: %+v", f)
			}
			for _, b := range f.ByCategory {
				if b.All.Received != 0 || f.pct(b.All.SolveRate) != "—" {
					t.Errorf("category %s", b.Name)
				}
			}
		})
	}
}

// The office's precision applies, rounding .5 away from zero on the exact fraction.
func TestFiguresRoundingFromData(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	var ids []int64
	for i := 0; i < 8; i++ {
		ids = append(ids, f.item(t, fmt.Sprintf("建议%d", i), "2024-03-01").ID)
	}
	must(t, f.db.AssignMany(ctx, ids, AssignInput{MainUnitID: f.unitA.ID, Date: "2024-03-02"}))
	for i, id := range ids[:5] {
		outcome := OutcomePlanned
		if i == 0 {
			outcome = OutcomeSolved
		}
		must(t, f.db.Reply(ctx, id, ReplyInput{Date: "2024-03-10", Method: MethodWritten, Content: "答复", Outcome: outcome}))
	}
	for _, c := range []struct {
		prec           int
		solve, replied string
	}{{0, "13%", "63%"}, {1, "12.5%", "62.5%"}, {2, "12.50%", "62.50%"}} {
		st, err := f.db.Settings(ctx)
		must(t, err)
		st.Precision = c.prec
		must(t, f.db.SaveSettings(ctx, st))
		fig, err := f.db.YearFigures(ctx, 2024, "")
		must(t, err)
		wantPct(t, fig, fmt.Sprintf("解决率 at %d", c.prec), fig.All.SolveRate, c.solve)   // 1/8
		wantPct(t, fig, fmt.Sprintf("答复率 at %d", c.prec), fig.All.ReplyRate, c.replied) // 5/8
	}
}

// Every rate field is the one its RateDef describes.
func TestRateDefsMatchFields(t *testing.T) {
	c := SuggestionFigures{}
	for i, k := range FigureKeys {
		*c.field(k) = 3*i + 1
		if k.Label() == "" {
			t.Errorf("%s has no label", k)
		}
	}
	c.finish()
	fields := map[string]Rate{"答复率": c.ReplyRate, "办结率": c.CloseRate, "按期办结率": c.OnTimeRate, "解决率": c.SolveRate,
		"正在解决占比": c.SolvingShare, "列入计划解决占比": c.PlannedShare, "留作参考占比": c.ReferenceShare,
		"未答复占比": c.UnansweredShare, "办理或答复率": c.AnsweredShare, "见面率": c.InPersonRate, "满意率": c.SatisfactionRate,
		"初次满意率": c.FirstSatisfactionRate}
	if len(fields) != len(RateDefs) {
		t.Fatalf("%d rate fields, %d definitions", len(fields), len(RateDefs))
	}
	for _, d := range RateDefs {
		if got, ok := fields[d.Name]; !ok || got != c.RateOf(d) {
			t.Errorf("%s: field %v, definition %v", d.Name, got, c.RateOf(d))
		}
	}
}

// Meetings, resolutions, deputies, stations, receptions and report-backs of a small office, counted by hand.
func TestFiguresOfficeHandCounted(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	db := f.db
	// Wang (镇级 and 县级, 中共党员, born 1968-05) and Li (镇级) sit on the presidium; Zhao (镇级, 苗族, 初中,
	// 农民代表, born 1990-07, in no group) leaves on 10月1日.
	f.wang.Roles, f.li.Roles = []string{"主席团成员"}, []string{"主席团成员"}
	must(t, db.SaveDeputy(ctx, &f.wang))
	must(t, db.SaveDeputy(ctx, &f.li))
	f.zhao.Ethnicity, f.zhao.Education, f.zhao.Birth, f.zhao.Tags = "苗族", "初中", "1990-07", []string{"农民代表"}
	f.zhao.Status, f.zhao.VacancyReason, f.zhao.VacancyDate = DeputyVacant, "调离", "2024-10-01"
	must(t, db.SaveDeputy(ctx, &f.zhao))
	// Qian sat in the previous term and was never marked 出缺: after 换届 he holds no seat (the roll of
	// quorum.go), neither in the counts nor in the session's voting base.
	old := Term{Number: 17, Start: "2016-12-01", End: "2021-11-30"}
	must(t, db.SaveTerm(ctx, &old))
	qian := Deputy{Name: "钱多多", Gender: "男", Levels: []string{LevelTown}, TermID: old.ID, Roles: []string{"主席团成员"}}
	must(t, db.SaveDeputy(ctx, &qian))

	meeting := func(kind, title, law string, start Date, d MeetingDetail) {
		t.Helper()
		m := Meeting{Kind: kind, Title: title, Law: law, Start: start}
		must(t, db.SaveMeeting(ctx, &m))
		must(t, db.SaveMeetingDetail(ctx, m.ID, d))
	}
	special := AgendaItem{Seq: 1, Title: "听取专项工作报告", Kind: "审议报告", Report: "专项工作报告"}
	// The session: 3 town deputies in office, so a resolution needs 2 votes for.
	must(t, db.SaveMeetingDetail(ctx, f.session.ID, MeetingDetail{
		Agenda: []AgendaItem{{Seq: 1, Title: "政府工作报告", Kind: "审议报告", Report: "政府工作报告"}, special},
		Resolutions: []Resolution{{Seq: 1, Title: "《关于政府工作报告的决议》", Kind: "决议", For: 2, EnteredResult: "通过"},
			{Seq: 2, Title: "《关于民生实事的决定》", Kind: "决定", For: 1, EnteredResult: "通过"}, // fails by the rule
			{Seq: 3, Title: "审议意见", Kind: "审议意见", For: 3}}}))                        // not a 决议 or 决定
	// The presidium has 2 members: 2 votes pass, 1 does not.
	meeting(MeetingPresidium, "主席团第一次会议", "", "2024-03-01", MeetingDetail{Agenda: []AgendaItem{special},
		Resolutions: []Resolution{{Seq: 1, Title: "《决定一》", Kind: "决定", For: 2}, {Seq: 2, Title: "《决定二》", Kind: "决定", For: 1}}})
	meeting(MeetingPresidium, "主席团第二次会议", "", "2024-08-01", MeetingDetail{Agenda: []AgendaItem{special}})
	// An inspection has no voting base; its special report is not a 审议 at a 主席团会议 or 人代会.
	meeting(MeetingInspect, "视察农田水利", "", "2024-04-01", MeetingDetail{Agenda: []AgendaItem{special},
		Resolutions: []Resolution{{Seq: 1, Title: "《视察决议》", Kind: "决议", For: 3}}})
	meeting(MeetingLawCheck, "环保法执法检查(一)", "环境保护法", "2024-05-01", MeetingDetail{})
	meeting(MeetingLawCheck, "环保法执法检查(二)", "环境保护法", "2024-05-20", MeetingDetail{}) // the same law: one 项
	meeting(MeetingLawCheck, "食品安全法执法检查", "食品安全法", "2024-09-01", MeetingDetail{})
	meeting(MeetingResearch, "关于养老服务的调研", "", "2024-02-01", MeetingDetail{})
	meeting(MeetingResearch, "关于养老服务的调研", "", "2024-06-01", MeetingDetail{}) // the same topic
	meeting(MeetingResearch, "关于农村道路的调研", "", "2024-10-01", MeetingDetail{})
	meeting(MeetingPresidium, "去年的主席团会议", "", "2023-11-01", MeetingDetail{Agenda: []AgendaItem{special}})

	station := func(name, typ string, opened Date, status string, haves int) int64 {
		t.Helper()
		s := Station{Name: name, Type: typ, Opened: opened, Status: status}
		for i := 0; i < haves; i++ {
			s.Haves[i] = true
		}
		must(t, db.SaveStation(ctx, &s))
		return s.ID
	}
	home := station("青山代表之家", "代表之家", "2023-05-01", "在用", 6)
	station("河东代表联络站", "代表联络站", "2024-09-01", "在用", 5) // opened in September, five of six
	station("桥头联系点", "代表联系点", "", "筹建", 6)
	station("老街代表联络站", "代表联络站", "", "在用", 6) // no opening date: counted
	for _, r := range []Reception{{StationID: home, Date: "2024-03-10", Voters: 12, DeputyIDs: []int64{f.wang.ID}},
		{StationID: home, Date: "2024-07-10", Voters: 8}, {StationID: home, Date: "2023-12-10", Voters: 5}} {
		must(t, db.SaveReception(ctx, &r))
	}
	for _, r := range []ReportBack{{DeputyID: f.wang.ID, Date: "2024-03-15", Form: "口头"}, {DeputyID: f.wang.ID, Date: "2024-05-15", Form: "口头"}, {DeputyID: f.li.ID, Date: "2024-03-15", Form: "书面"},
		{DeputyID: f.li.ID, Date: "2024-11-15", Form: "口头"}, {DeputyID: f.zhao.ID, Date: "2024-04-01", Form: "书面"}} {
		must(t, db.SaveReportBack(ctx, &r))
	}

	for _, c := range []struct {
		asOf                                               Date
		presidium, research, lawChecks, tours, specialRpts int
		deputies, town, noGroup                            int
		ages, edu                                          [5]int
		stations, six                                      int
		sixRate                                            string
		receptions, voters, oral, written                  int
		townBacks                                          ReportBackLevel
	}{
		{"2024-06-30", 1, 2, 1, 2, 2, 3, 3, 1, [5]int{1, 0, 0, 1, 1}, [5]int{0, 0, 0, 1, 2}, 2, 2, "100.0%", 1, 12, 2, 2,
			ReportBackLevel{LevelTown, 3, 1, 2}},
		{"2024-12-31", 2, 3, 2, 3, 3, 2, 2, 0, [5]int{0, 0, 0, 1, 1}, [5]int{0, 0, 0, 0, 2}, 3, 2, "66.7%", 2, 20, 3, 2,
			ReportBackLevel{LevelTown, 3, 2, 1}},
	} {
		t.Run(string(c.asOf), func(t *testing.T) {
			fig, err := db.YearFigures(ctx, 2024, c.asOf)
			must(t, err)
			if fig.MeetingCount(MeetingCongress) != 1 || fig.MeetingCount(MeetingPresidium) != c.presidium ||
				fig.MeetingCount(MeetingResearch) != c.research || fig.MeetingCount(MeetingInspect) != 1 {
				t.Errorf("meetings %+v", fig.Meetings)
			}
			if fig.LawChecks != c.lawChecks || fig.InspectionsResearch != c.tours || fig.SpecialReports != c.specialRpts {
				t.Errorf("执法检查 %d 视察调研 %d 专项工作报告 %d", fig.LawChecks, fig.InspectionsResearch, fig.SpecialReports)
			}
			if fig.Resolutions != 2 || fig.ResolutionsEntered != 5 {
				t.Errorf("决议 %d passed of %d", fig.Resolutions, fig.ResolutionsEntered)
			}
			a := fig.Deputies.All
			if a.Deputies != c.deputies || a.Ages != c.ages || a.Education != c.edu || a.Presidium != 2 || a.CPC != 1 ||
				a.Male != 2 || a.Returning != c.deputies || a.Minority != c.deputies-2 {
				t.Errorf("deputies %+v", a)
			}
			if n := a.Tags[slices.IndexFunc(a.Tags, func(k KindCount) bool { return k.Name == "农民代表" })].Count; n != c.deputies-2 {
				t.Errorf("农民代表 %d", n)
			}
			lv := fig.Deputies.ByLevel
			if len(lv) != 2 || lv[0].Level != LevelTown || lv[0].Deputies != c.town || lv[1].Level != LevelCounty || lv[1].Deputies != 1 {
				t.Errorf("levels %+v", lv)
			}
			if d := fig.Deputies; d.Groups != 1 || d.ByGroup[0].Deputies != 2 || d.NoGroup != c.noGroup {
				t.Errorf("groups %+v no group %d", d.ByGroup, d.NoGroup)
			}
			st := fig.Stations
			if st.Total != c.stations || st.SixHaves != c.six || fig.pct(st.SixHavesRate) != c.sixRate || st.Building != 1 ||
				st.ByType[0].Stations != 1 || st.ByType[1].Type != "代表联络站" || st.ByType[1].Stations != c.stations-1 {
				t.Errorf("stations %+v", st)
			}
			if fig.Receptions != c.receptions || fig.ReceptionVoters != c.voters {
				t.Errorf("receptions %d, %d 人次", fig.Receptions, fig.ReceptionVoters)
			}
			if fig.ReportBacksOral != c.oral || fig.ReportBacksWritten != c.written || len(fig.ReportBackLevels) != 2 ||
				fig.ReportBackLevels[0] != c.townBacks || fig.ReportBackLevels[1] != (ReportBackLevel{LevelCounty, 1, 1, 0}) {
				t.Errorf("report-backs %d/%d %+v", fig.ReportBacksOral, fig.ReportBacksWritten, fig.ReportBackLevels)
			}
		})
	}
}

// ---- the demo office, counted independently ----

// itemFacts is what one item counts for as of a day, worked out from its record and its handling lists.
type itemFacts struct {
	s    Suggestion
	keys map[FigureKey]bool
	unit int64 // main unit when assigned by the day
}

func factsOf(s Suggestion, h Handling, asOf Date, basic bool) itemFacts {
	on := func(d Date) bool { return d != "" && d <= asOf }
	k := map[FigureKey]bool{FigReceived: true}
	assigned, forwarded := on(s.Assigned), on(s.Forwarded)
	k[FigAssigned], k[FigForwarded], k[FigHanded], k[FigTerminated] = assigned, forwarded, assigned || forwarded, on(s.Terminated)
	k[FigPending] = !assigned && !forwarded && !on(s.Terminated)
	var replies []Reply
	for _, r := range h.Replies {
		if on(r.Date) {
			replies = append(replies, r)
		}
	}
	replied := len(replies) > 0
	k[FigReplied], k[FigUnanswered], k[FigClosed] = replied, !replied, on(s.Closed)
	k[FigDue] = assigned && (replied || s.FirstDeadline < asOf)
	k[FigOnTime] = assigned && replied && h.Replies[0].Date <= s.FirstDeadline
	// The outcome: the latest reply or outcome-changing follow-up by the day; a follow-up on the day of a
	// reply comes after it.
	outcome, at, late := "", Date(""), -1
	for _, r := range replies {
		if r.Date > at || (r.Date == at && late <= 0) {
			outcome, at, late = r.Outcome, r.Date, 0
		}
		if r.Method == MethodInPerson {
			k[FigInPerson] = true
		}
	}
	for _, fu := range h.FollowUps {
		if on(fu.Date) && fu.Outcome != "" && fu.Date >= at {
			outcome, at, late = fu.Outcome, fu.Date, 1
		}
	}
	k[FigSolved], k[FigSolving] = outcome == OutcomeSolved, outcome == OutcomeSolving
	k[FigPlanned], k[FigReference] = outcome == OutcomePlanned, outcome == OutcomeReference
	sat := func(g string) bool { return g == GradeSatisfied || (basic && g == GradeBasicSatisfied) }
	var evals []Evaluation
	for _, e := range h.Evaluations {
		if on(e.Date) {
			evals = append(evals, e)
		}
	}
	if len(evals) > 0 {
		last := evals[len(evals)-1].Grade
		k[FigEvaluated], k[FigSatisfied], k[FigFirstSatisfied] = true, sat(last), sat(evals[0].Grade)
		k[FigGradeSatisfied], k[FigGradeBasic], k[FigGradeUnsatisfied] = last == GradeSatisfied, last == GradeBasicSatisfied, last == GradeUnsatisfied
	}
	fx := itemFacts{s: s, keys: k}
	if assigned {
		fx.unit = s.MainUnitID
	}
	return fx
}

func (x itemFacts) in(s FigureSlice) bool {
	return (s.Period == "" || s.Period == x.s.Period) && (s.Kind == "" || s.Kind == x.s.Kind) &&
		(s.Category == "" || s.Category == x.s.Category) && (s.Source == "" || s.Source == x.s.Source) &&
		(s.Scope == "" || s.Scope == x.s.Scope) && (s.UnitID == 0 || s.UnitID == x.unit)
}

// independentItems lists the items of a period with their facts, from db.Suggestions and db.Handling.
func independentItems(t *testing.T, db *DB, from, to, asOf Date, basic bool) []itemFacts {
	t.Helper()
	ctx := context.Background()
	items, _, err := db.Suggestions(ctx, SuggestionFilter{From: from, To: min(to, asOf)})
	must(t, err)
	out := make([]itemFacts, 0, len(items))
	for _, s := range items {
		h, err := db.Handling(ctx, s.ID)
		must(t, err)
		out = append(out, factsOf(s, h, asOf, basic))
	}
	return out
}

// figureDemo is a township demo office whose "today" is the tests' today (31 December 2024).
func figureDemo(t *testing.T) *DB {
	t.Helper()
	db, _ := demoDB(t, "township", 5, testToday)
	return db
}

// On a demo office, every suggestion figure of every slice equals a count made in Go from the listed items,
// and the click-through lists exactly those items.
func TestFiguresMatchDemoItems(t *testing.T) {
	db := figureDemo(t)
	ctx := context.Background()
	for _, c := range []struct {
		year int
		asOf Date
	}{{2024, ""}, {2024, "2024-06-30"}, {2023, ""}, {2023, "2024-12-31"}, {2022, "2023-03-31"}} {
		t.Run(fmt.Sprintf("%d_as_of_%s", c.year, c.asOf), func(t *testing.T) {
			f, err := db.YearFigures(ctx, c.year, c.asOf)
			must(t, err)
			facts := independentItems(t, db, f.From, f.To, f.AsOf, f.SatisfiedBasic)
			if f.All.Received < 100 || f.All.Received != len(facts) {
				t.Fatalf("received %d, listed %d", f.All.Received, len(facts))
			}
			slicesToCheck := []FigureSlice{{}, {Period: PeriodSession}, {Period: PeriodRecess}}
			for _, b := range f.ByKind {
				slicesToCheck = append(slicesToCheck, FigureSlice{Kind: b.Name}, FigureSlice{Kind: b.Name, Period: PeriodRecess})
			}
			for _, b := range f.ByCategory {
				slicesToCheck = append(slicesToCheck, FigureSlice{Category: b.Name, Period: PeriodSession})
			}
			for _, b := range f.BySource {
				for _, l := range ScopeLevels {
					slicesToCheck = append(slicesToCheck, FigureSlice{Source: b.Name, Scope: l, Period: PeriodRecess})
				}
			}
			for _, u := range f.ByUnit {
				slicesToCheck = append(slicesToCheck, FigureSlice{UnitID: u.UnitID})
			}
			nonZero := map[FigureKey]bool{}
			for _, sl := range slicesToCheck {
				got := f.Sum(sl)
				for _, k := range FigureKeys {
					var want []int64
					for _, x := range facts {
						if x.in(sl) && x.keys[k] {
							want = append(want, x.s.ID)
						}
					}
					if got.Count(k) != len(want) {
						t.Errorf("%+v %s = %d, counted %d", sl, k, got.Count(k), len(want))
					}
					if len(want) > 0 {
						nonZero[k] = true
					}
					// The click-through, on the main splits (each query re-reads the period).
					if sl.Category == "" && sl.Source == "" && sl.Kind == "" {
						ids, err := db.FigureItems(ctx, f, sl, k)
						must(t, err)
						slices.Sort(want)
						if !slices.Equal(ids, want) {
							t.Errorf("%+v %s: items %v, counted %v", sl, k, ids, want)
						}
					}
				}
				if got.Solved+got.Solving+got.Planned+got.Reference+got.Unanswered != got.Received {
					t.Errorf("%+v: A+B+C+D+未答复 ≠ received", sl)
				}
			}
			// A test that cannot fail is a defect: the demo year must exercise the figures.
			for _, k := range []FigureKey{FigForwarded, FigReplied, FigClosed, FigOnTime, FigSolved, FigPlanned, FigReference, FigInPerson, FigEvaluated} {
				if !nonZero[k] {
					t.Errorf("the demo year has no %s item", k)
				}
			}
			// The named rows are the sums of the cells.
			if f.All != f.Sum(FigureSlice{}) || f.Session != f.Sum(FigureSlice{Period: PeriodSession}) || f.ByCategory[0].Session != f.Sum(FigureSlice{Period: PeriodSession, Category: f.ByCategory[0].Name}) {
				t.Error("named rows differ from Sum")
			}
		})
	}
}

// FigureItems lists as many items as the figure counts, for every key and every breakdown row.
func TestFigureItemsCountEqualsFigure(t *testing.T) {
	db := figureDemo(t)
	ctx := context.Background()
	f, err := db.YearFigures(ctx, 2024, "2024-09-30")
	must(t, err)
	var sl []FigureSlice
	for _, b := range f.ByCategory {
		sl = append(sl, FigureSlice{Category: b.Name})
	}
	for _, b := range f.BySource {
		sl = append(sl, FigureSlice{Source: b.Name, Period: PeriodRecess})
	}
	for _, b := range f.ByScope {
		sl = append(sl, FigureSlice{Scope: b.Name})
	}
	for _, s := range sl {
		for _, k := range FigureKeys {
			ids, err := db.FigureItems(ctx, f, s, k)
			must(t, err)
			if len(ids) != f.Sum(s).Count(k) {
				t.Errorf("%+v %s: %d items, figure %d", s, k, len(ids), f.Sum(s).Count(k))
			}
		}
	}
	// Every rate's numerator and denominator, overall.
	for _, d := range RateDefs {
		num, err := db.FigureItems(ctx, f, FigureSlice{}, d.Num)
		must(t, err)
		den, err := db.FigureItems(ctx, f, FigureSlice{}, d.Den)
		must(t, err)
		if r := f.All.RateOf(d); len(num) != r.Num || len(den) != r.Den {
			t.Errorf("%s %s: items %d/%d", d.Name, r.Explain(), len(num), len(den))
		}
		for _, id := range num { // the numerator is part of the denominator
			if !slices.Contains(den, id) {
				t.Errorf("%s: item %d in the numerator, not in the denominator", d.Name, id)
				break
			}
		}
	}
}

// As of today the per-unit figures agree with UnitStats, the live view of the same definitions.
func TestFiguresByUnitAgreeWithUnitStats(t *testing.T) {
	db := figureDemo(t)
	ctx := context.Background()
	f, err := db.YearFigures(ctx, 2024, "")
	must(t, err)
	stats, err := db.UnitStats(ctx, "2024-01-01", "2024-12-31", f.AsOf)
	must(t, err)
	byID := map[int64]UnitStat{}
	for _, s := range stats {
		byID[s.UnitID] = s
	}
	if len(f.ByUnit) < 5 {
		t.Fatalf("%d units", len(f.ByUnit))
	}
	for _, u := range f.ByUnit {
		s := byID[u.UnitID]
		got := [...]int{u.Received, u.Replied, u.Due, u.OnTime, u.Solved, u.Solving, u.Planned, u.Reference, u.Evaluated, u.Satisfied, u.Closed}
		want := [...]int{s.Assigned, s.Replied, s.Due, s.OnTime, s.Solved, s.Solving, s.Planned, s.Reference, s.Evaluated, s.Satisfied, s.Closed}
		if got != want || u.Name != s.Name {
			t.Errorf("%s: figures %v, UnitStats %v", u.Name, got, want)
		}
	}
}

// Meetings, deputies, stations, receptions and report-backs against counts made from the listed records.
func TestFiguresOfficeMatchDemo(t *testing.T) {
	db := figureDemo(t)
	ctx := context.Background()
	for _, c := range []struct {
		year int
		asOf Date
	}{{2024, ""}, {2024, "2024-06-30"}, {2023, ""}, {2022, ""}} {
		t.Run(fmt.Sprintf("%d_as_of_%s", c.year, c.asOf), func(t *testing.T) {
			f, err := db.YearFigures(ctx, c.year, c.asOf)
			must(t, err)
			from, last := f.From, min(f.To, f.AsOf)

			ms, _, err := db.Meetings(ctx, MeetingFilter{From: from, To: last})
			must(t, err)
			kinds := map[string]int{}
			laws, tours := map[string]bool{}, map[string]bool{}
			special, passed, entered := 0, 0, 0
			for _, m := range ms {
				kinds[m.Kind]++
				switch m.Kind {
				case MeetingLawCheck:
					key := m.Law
					if key == "" {
						key = m.Title
					}
					laws[key] = true
				case MeetingInspect, MeetingResearch:
					tours[m.Kind+m.Title] = true
				}
				d, err := db.MeetingDetail(ctx, m.ID)
				must(t, err)
				if m.Kind == MeetingCongress || m.Kind == MeetingPresidium {
					for _, a := range d.Agenda {
						if a.Kind == "审议报告" && a.Report == "专项工作报告" {
							special++
						}
					}
				}
				q, err := db.Quorum(ctx, m.ID)
				must(t, err)
				for _, r := range d.Resolutions {
					if r.Kind != "决议" && r.Kind != "决定" {
						continue
					}
					entered++
					if ok, _ := q.ResolutionResult(r); ok {
						passed++
					}
				}
			}
			for _, k := range f.Meetings {
				if k.Count != kinds[k.Name] {
					t.Errorf("%s: %d, listed %d", k.Name, k.Count, kinds[k.Name])
				}
			}
			if f.MeetingCount(MeetingPresidium) == 0 || f.MeetingCount(MeetingCongress) == 0 {
				t.Errorf("no 主席团会议 or 人代会 in the demo year: %+v", f.Meetings)
			}
			if f.LawChecks != len(laws) || f.InspectionsResearch != len(tours) || f.SpecialReports != special ||
				f.Resolutions != passed || f.ResolutionsEntered != entered || passed == 0 {
				t.Errorf("执法检查 %d/%d 视察调研 %d/%d 专项报告 %d/%d 决议 %d/%d 录入 %d/%d", f.LawChecks, len(laws),
					f.InspectionsResearch, len(tours), f.SpecialReports, special, f.Resolutions, passed, f.ResolutionsEntered, entered)
			}

			deps, _, err := db.Deputies(ctx, DeputyFilter{})
			must(t, err)
			terms, err := db.Terms(ctx) // newest first
			must(t, err)
			var term int64
			for _, tm := range terms {
				if (tm.Start == "" || tm.Start <= f.AsOf) && (tm.End == "" || tm.End >= f.AsOf) {
					term = tm.ID
					break
				}
			}
			seated := func(d Deputy) bool {
				return (d.Status == DeputyActive || d.VacancyDate > f.AsOf) && (term == 0 || d.TermID == term || d.TermID == 0)
			}
			tags, err := db.Dict(ctx, DictComposition)
			must(t, err)
			rowOf := func(level string) DeputyRow {
				r := DeputyRow{Level: level}
				tagN := map[string]int{}
				for _, d := range deps {
					if !seated(d) || (level != "" && !d.HasLevel(level)) {
						continue
					}
					r.Deputies++
					switch d.Gender {
					case "男":
						r.Male++
					case "女":
						r.Female++
					}
					if d.Ethnicity != "" && d.Ethnicity != "汉族" {
						r.Minority++
					}
					if d.Party == "中共党员" || d.Party == "中共预备党员" {
						r.CPC++
					}
					if d.Official {
						r.Official++
					} else {
						r.NonOfficial++
					}
					if d.New {
						r.New++
					} else {
						r.Returning++
					}
					if slices.Contains(d.Roles, "主席团成员") {
						r.Presidium++
					}
					band := 4
					if len(d.Birth) == 7 {
						age := f.AsOf.Year() - mustDate(d.Birth+"-01").Year()
						if string(f.AsOf)[5:7] < d.Birth[5:7] {
							age--
						}
						band = 3
						for i, top := range []int{35, 45, 55} {
							if age <= top {
								band = i
								break
							}
						}
					}
					r.Ages[band]++
					edu := map[string]int{"研究生": 0, "大学本科": 0, "大学专科": 1, "高中": 2, "中专": 2, "初中": 3, "小学": 3}
					if b, ok := edu[d.Education]; ok {
						r.Education[b]++
					} else {
						r.Education[4]++
					}
					for _, tg := range d.Tags {
						tagN[tg]++
					}
				}
				for _, tg := range tags {
					r.Tags = append(r.Tags, KindCount{tg, tagN[tg]})
				}
				return r
			}
			same := func(a, b DeputyRow) bool {
				return fmt.Sprint(a) == fmt.Sprint(b)
			}
			if want := rowOf(""); !same(f.Deputies.All, want) || want.Deputies < 50 {
				t.Errorf("all deputies\n got %+v\nwant %+v", f.Deputies.All, want)
			}
			if len(f.Deputies.ByLevel) < 2 {
				t.Errorf("levels %+v", f.Deputies.ByLevel)
			}
			for _, r := range f.Deputies.ByLevel {
				if want := rowOf(r.Level); !same(r, want) {
					t.Errorf("%s\n got %+v\nwant %+v", r.Level, r, want)
				}
			}
			groups, err := db.Groups(ctx)
			must(t, err)
			inGroup := 0
			for i, g := range f.Deputies.ByGroup {
				n := 0
				for _, d := range deps {
					if d.GroupID == g.GroupID && seated(d) {
						n++
					}
				}
				inGroup += n
				if g.Deputies != n || groups[i].ID != g.GroupID {
					t.Errorf("group %s: %d, counted %d", g.Name, g.Deputies, n)
				}
			}
			if f.Deputies.Groups != len(groups) || inGroup+f.Deputies.NoGroup != f.Deputies.All.Deputies {
				t.Errorf("groups %d/%d, in groups %d + none %d ≠ %d", f.Deputies.Groups, len(groups), inGroup, f.Deputies.NoGroup, f.Deputies.All.Deputies)
			}

			sts, _, err := db.Stations(ctx, StationFilter{})
			must(t, err)
			byType := map[string][2]int{}
			total, six := 0, 0
			for _, s := range sts {
				if s.Status != "在用" || (s.Opened != "" && s.Opened > f.AsOf) {
					continue
				}
				c := byType[s.Type]
				c[0]++
				total++
				if s.SixHavesMet() {
					c[1]++
					six++
				}
				byType[s.Type] = c
			}
			if f.Stations.Total != total || f.Stations.SixHaves != six || f.Stations.SixHavesRate != (Rate{six, total}) || total == 0 {
				t.Errorf("stations %+v, counted %d (%d 六个有)", f.Stations, total, six)
			}
			for _, c := range f.Stations.ByType {
				if w := byType[c.Type]; c.Stations != w[0] || c.SixHaves != w[1] {
					t.Errorf("%s: %+v, counted %v", c.Type, c, w)
				}
			}

			recs, _, err := db.Receptions(ctx, ReceptionFilter{From: from, To: last})
			must(t, err)
			voters := 0
			for _, r := range recs {
				voters += r.Voters
			}
			if f.Receptions != len(recs) || f.ReceptionVoters != voters || voters == 0 {
				t.Errorf("receptions %d (%d 人次), listed %d (%d)", f.Receptions, f.ReceptionVoters, len(recs), voters)
			}

			backs, err := db.ReportBacks(ctx, c.year, 0)
			must(t, err)
			oral, written := 0, 0
			levelOf := map[int64][]string{}
			for _, d := range deps {
				levelOf[d.ID] = d.Levels
			}
			oralBy, allBy := map[string]map[int64]bool{}, map[string]map[int64]bool{}
			for _, b := range backs {
				if b.Date > last {
					continue
				}
				if b.Form == "口头" {
					oral++
				} else {
					written++
				}
				for _, l := range levelOf[b.DeputyID] {
					if allBy[l] == nil {
						allBy[l], oralBy[l] = map[int64]bool{}, map[int64]bool{}
					}
					allBy[l][b.DeputyID] = true
					if b.Form == "口头" {
						oralBy[l][b.DeputyID] = true
					}
				}
			}
			if f.ReportBacksOral != oral || f.ReportBacksWritten != written {
				t.Errorf("report-backs %d/%d, listed %d/%d", f.ReportBacksOral, f.ReportBacksWritten, oral, written)
			}
			if len(f.ReportBackLevels) != len(allBy) {
				t.Errorf("report-back levels %+v", f.ReportBackLevels)
			}
			for _, r := range f.ReportBackLevels {
				if r.Deputies != len(allBy[r.Level]) || r.Oral != len(oralBy[r.Level]) || r.Written != r.Deputies-r.Oral {
					t.Errorf("report-backs %s %+v: %d deputies, %d oral", r.Level, r, len(allBy[r.Level]), len(oralBy[r.Level]))
				}
			}
		})
	}
}

// BenchmarkYearFiguresStress times YearFigures on a copy of the stress database named by
// RENDADESK_STRESS_DB (for example /tmp/stress.db; the file itself is never opened for writing).
func BenchmarkYearFiguresStress(b *testing.B) {
	src := os.Getenv("RENDADESK_STRESS_DB")
	if src == "" {
		b.Skip("RENDADESK_STRESS_DB not set")
	}
	dst := filepath.Join(b.TempDir(), "stress.db")
	for _, suffix := range []string{"", "-wal"} {
		in, err := os.Open(src + suffix)
		if err != nil {
			if suffix != "" && os.IsNotExist(err) {
				continue
			}
			b.Fatal(err)
		}
		out, err := os.Create(dst + suffix)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := io.Copy(out, in); err != nil {
			b.Fatal(err)
		}
		in.Close()
		out.Close()
	}
	db, err := Open(dst)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	start := time.Now()
	f, err := db.YearFigures(ctx, 2024, "")
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("first YearFigures(2024): %v, %d items, %d cells, %d units", time.Since(start), f.All.Received, len(f.Cells), len(f.ByUnit))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := db.YearFigures(ctx, 2024, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// StationFilter.CountedOn lists exactly the stations the figures count on the day (T9 beside T1).
func TestStationsCountedOn(t *testing.T) {
	db, _ := demoDB(t, "township", 2, demoTestToday)
	ctx := context.Background()
	for _, day := range []Date{"2023-06-30", DateOf(demoTestToday)} {
		fig, err := db.Figures(ctx, Date(fmt.Sprintf("%d-01-01", day.Year())), day, day)
		must(t, err)
		list, n, err := db.Stations(ctx, StationFilter{CountedOn: day})
		must(t, err)
		_, all, err := db.Stations(ctx, StationFilter{})
		must(t, err)
		if n != fig.Stations.Total || len(list) != n || n == 0 || n == all {
			t.Errorf("%s: %d stations listed (of %d), figures count %d", day, n, all, fig.Stations.Total)
		}
	}
}
