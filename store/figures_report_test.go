package store

import (
	"context"
	"testing"
	"time"
)

// What the yearly report's tables read besides the figures (LoadReport): T4's ledger, T9's stations and
// T10's records, each counted the way the figures count.

// stationOffice is the fixture with three stations and their receptions, all counted by hand below:
//
//	A 青山村代表联络站, opened 2020: receptions 2023-12-20 (4 voters, before the period), 2024-03-01 (10), 2024-07-01 (5);
//	  a voter's item collected 2024-03-02 and replied 2024-04-01, another collected 2024-05-20, not replied.
//	B 河东村代表联络站, opened 2020: reception 2024-05-01 (7); set to 撤销 in the program on 2025-03-01.
//	C 桥头社区代表联系点, opened 2024-09-01: receptions 2024-10-01 (3), 2025-01-10 (20).
type stationOffice struct {
	f       *fixture
	a, b, c Station
}

func newStationOffice(t *testing.T) *stationOffice {
	t.Helper()
	ctx := context.Background()
	o := &stationOffice{f: newFixture(t)}
	db := o.f.db
	db.Now = func() time.Time { return time.Date(2025, 12, 31, 10, 0, 0, 0, time.Local) }
	o.a = Station{Name: "青山村代表联络站", Type: "代表联络站", Village: "青山村", Opened: "2020-05-01", Haves: [6]bool{true, true, true, true, true, true}}
	o.b = Station{Name: "河东村代表联络站", Type: "代表联络站", Village: "河东村", Opened: "2020-05-01"}
	o.c = Station{Name: "桥头社区代表联系点", Type: "代表联系点", Village: "桥头社区", Opened: "2024-09-01"}
	for _, s := range []*Station{&o.a, &o.b, &o.c} {
		must(t, db.SaveStation(ctx, s))
	}
	for _, r := range []Reception{{StationID: o.a.ID, Date: "2023-12-20", Voters: 4}, {StationID: o.a.ID, Date: "2024-03-01", Voters: 10},
		{StationID: o.a.ID, Date: "2024-07-01", Voters: 5}, {StationID: o.b.ID, Date: "2024-05-01", Voters: 7},
		{StationID: o.c.ID, Date: "2024-10-01", Voters: 3}, {StationID: o.c.ID, Date: "2025-01-10", Voters: 20}} {
		r.Summary = "接待选民"
		must(t, db.SaveReception(ctx, &r))
	}
	voter := func(received Date) Suggestion {
		s := Suggestion{Kind: KindVoter, Period: PeriodRecess, Source: "家站点(选民)", StationID: o.a.ID, VoterName: "张三",
			Title: "村道路灯", Category: "农业农村", Scope: LevelVillage, Received: received}
		must(t, db.SaveSuggestion(ctx, &s))
		return s
	}
	v1 := voter("2024-03-02")
	must(t, db.Assign(ctx, v1.ID, AssignInput{MainUnitID: o.f.unitB.ID, Date: "2024-03-05"}))
	must(t, db.Reply(ctx, v1.ID, ReplyInput{Date: "2024-04-01", Method: MethodInPerson, Content: "已安装", Outcome: OutcomeSolved}))
	voter("2024-05-20")
	// B is closed in the program on 1 March 2025: the history dates the change.
	db.Now = func() time.Time { return time.Date(2025, 3, 1, 9, 0, 0, 0, time.Local) }
	o.b.Status = "撤销"
	must(t, db.SaveStation(ctx, &o.b))
	db.Now = func() time.Time { return time.Date(2025, 12, 31, 10, 0, 0, 0, time.Local) }
	h, _, err := db.History(ctx, HistoryFilter{Entity: "station", EntityID: o.b.ID, Limit: 1})
	must(t, err)
	if len(h) != 1 || h[0].At[:10] != "2025-03-01" || h[0].Changes != "状态: 在用 → 撤销" {
		t.Fatalf("the closing is recorded as %+v", h)
	}
	return o
}

// T9's rows are the period's: receptions, voters and collected items of the window, adding up to T1's figures;
// a station closed since still counts in the period it served, one opened later does not.
func TestReportStationsArePerPeriod(t *testing.T) {
	o := newStationOffice(t)
	ctx := context.Background()
	type row struct {
		status                                 string
		counted                                bool
		receptions, voters, collected, handled int
	}
	for _, c := range []struct {
		name           string
		from, to, asOf Date
		want           map[string]row
		total          int
	}{
		{"FirstHalf2024", "2024-01-01", "2024-06-30", "2024-06-30", map[string]row{
			o.a.Name: {"在用", true, 1, 10, 2, 1},
			o.b.Name: {"在用", true, 1, 7, 0, 0},
		}, 2},
		{"Year2024AsOfJanuary", "2024-01-01", "2024-12-31", "2025-01-15", map[string]row{
			o.a.Name: {"在用", true, 2, 15, 2, 1},
			o.b.Name: {"在用", true, 1, 7, 0, 0},
			o.c.Name: {"在用", true, 1, 3, 0, 0},
		}, 3},
		{"AfterTheClosing", "2025-04-01", "2025-12-31", "2025-12-31", map[string]row{
			o.a.Name: {"在用", true, 0, 0, 0, 0},
			o.c.Name: {"在用", true, 0, 0, 0, 0},
		}, 2},
		{"ClosedStationWithWork", "2025-01-01", "2025-12-31", "2025-12-31", map[string]row{
			o.a.Name: {"在用", true, 0, 0, 0, 0},
			o.b.Name: {"撤销", false, 0, 0, 0, 0},
			o.c.Name: {"在用", true, 1, 20, 0, 0},
		}, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.name == "ClosedStationWithWork" {
				// B received voters in 2025 before it closed: it is listed, though not counted on 31 December.
				r := Reception{StationID: o.b.ID, Date: "2025-02-10", Voters: 6, Summary: "接待选民"}
				must(t, o.f.db.SaveReception(ctx, &r))
				c.want[o.b.Name] = row{"撤销", false, 1, 6, 0, 0}
			}
			rep, err := o.f.db.LoadReport(ctx, c.from, c.to, c.asOf)
			must(t, err)
			got := map[string]row{}
			receptions, voters, counted := 0, 0, 0
			for _, s := range rep.Stations {
				got[s.Station.Name] = row{s.StatusOn, s.Counted, s.Receptions, s.Voters, s.Collected, s.Handled}
				receptions += s.Receptions
				voters += s.Voters
				if s.Counted {
					counted++
				}
			}
			if len(got) != len(c.want) {
				t.Errorf("stations %v, want %v", got, c.want)
			}
			for name, w := range c.want {
				if got[name] != w {
					t.Errorf("%s: %+v, want %+v", name, got[name], w)
				}
			}
			f := rep.Figures
			if receptions != f.Receptions || voters != f.ReceptionVoters {
				t.Errorf("T9 sums %d receptions, %d voters; T1 %d, %d", receptions, voters, f.Receptions, f.ReceptionVoters)
			}
			if counted != f.Stations.Total || f.Stations.Total != c.total {
				t.Errorf("counted %d rows, figures %d, want %d", counted, f.Stations.Total, c.total)
			}
			// The station list's filter and the 报送存档 count the same stations.
			list, n, err := o.f.db.Stations(ctx, StationFilter{CountedOn: f.CountedOn()})
			must(t, err)
			if n != c.total || len(list) != n || len(rep.Basis.Stations) != c.total {
				t.Errorf("station list %d, archive basis %d, want %d", n, len(rep.Basis.Stations), c.total)
			}
		})
	}
}

// An as-of date after the period's end changes T4's outcomes, evaluations and states exactly as it changes
// the figures, and T10's 领衔建议已解决 with them.
func TestLedgerAsOfFollowsTheFigures(t *testing.T) {
	h := newHandData(t)
	ctx := context.Background()
	db := h.f.db
	// The first half of 2024 as of its end, then as of later days: S12 and S13 were 列入计划解决 and solved
	// on 1 June (a follow-up); S9's second evaluation came on 15 August; R2 was answered on 1 June.
	for _, asOf := range []Date{"2024-05-31", "2024-06-01", "2024-07-15", "2024-08-15", "2024-12-31"} {
		t.Run(string(asOf), func(t *testing.T) {
			rep, err := db.LoadReport(ctx, "2024-01-01", "2024-05-31", asOf)
			must(t, err)
			f := rep.Figures
			if f.AsOf != asOf || f.CountedOn() != "2024-05-31" {
				t.Fatalf("as of %s, counted on %s", f.AsOf, f.CountedOn())
			}
			byOutcome, byGrade, byState := map[string]int{}, map[string]int{}, map[string]int{}
			replied, onTime, overdue := 0, 0, 0
			for _, it := range rep.Ledger {
				byOutcome[it.AsOf.Outcome]++
				byGrade[it.AsOf.Grade]++
				byState[it.AsOf.State]++
				if it.AsOf.FirstReply != "" {
					replied++
				}
				switch it.AsOf.OnTime {
				case "是":
					onTime++
				case "逾期未答复":
					overdue++
				}
			}
			a := f.All
			if len(rep.Ledger) != a.Received || replied != a.Replied || byOutcome[OutcomeSolved] != a.Solved ||
				byOutcome[OutcomeSolving] != a.Solving || byOutcome[OutcomePlanned] != a.Planned ||
				byOutcome[OutcomeReference] != a.Reference || byOutcome[""] != a.Unanswered {
				t.Errorf("ledger outcomes %v (%d replied of %d), figures %s", byOutcome, replied, len(rep.Ledger), counts(a))
			}
			if byGrade[GradeSatisfied] != a.GradeSatisfied || byGrade[GradeBasicSatisfied] != a.GradeBasic ||
				byGrade[GradeUnsatisfied] != a.GradeUnsatisfied {
				t.Errorf("ledger grades %v, figures %s", byGrade, counts(a))
			}
			if onTime != a.OnTime || onTime+overdue > a.Due {
				t.Errorf("ledger 按期 %d, 逾期未答复 %d; figures on time %d of %d due", onTime, overdue, a.OnTime, a.Due)
			}
			if byState[StateClosed] != a.Closed || byState[StateTerminated] != a.Terminated || byState[StatePending] != a.Pending {
				t.Errorf("ledger states %v, figures %s", byState, counts(a))
			}
			// T10: Li led S1–S23, Wang R1–R7; their 已解决 as of the day are the ledger's.
			solved := map[int64]int{}
			for _, it := range rep.Ledger {
				if it.AsOf.Outcome == OutcomeSolved {
					solved[it.LeadDeputyID]++
				}
			}
			for _, r := range rep.Records {
				if r.Solved() != solved[r.Deputy.ID] || r.AsOf != asOf {
					t.Errorf("T10 %s: %d solved as of %s, ledger %d", r.Deputy.Name, r.Solved(), r.AsOf, solved[r.Deputy.ID])
				}
			}
		})
	}
	// By hand: S12 and S13 solved from 1 June; S9 handled again (办理中) from 1 July and 已办结 after 15 August.
	state := func(asOf Date, id int64) ItemAsOf {
		t.Helper()
		rep, err := db.LoadReport(ctx, "2024-01-01", "2024-05-31", asOf)
		must(t, err)
		for _, it := range rep.Ledger {
			if it.ID == id {
				return it.AsOf
			}
		}
		t.Fatalf("item %d not in the ledger", id)
		return ItemAsOf{}
	}
	s9, s12 := h.session[8], h.session[11]
	if a := state("2024-05-31", s12); a.Outcome != OutcomePlanned || a.State != StateReplied || a.OnTime != "是" || a.ReplyMethod != MethodInPerson {
		t.Errorf("S12 on 31 May: %+v", a)
	}
	if a := state("2024-06-01", s12); a.Outcome != OutcomeSolved {
		t.Errorf("S12 on 1 June: %+v", a)
	}
	if a := state("2024-07-15", s9); a.State != StateHandling || a.Grade != GradeUnsatisfied || a.Outcome != OutcomeSolved {
		t.Errorf("S9 on 15 July: %+v", a)
	}
	if a := state("2024-08-15", s9); a.State != StateClosed || a.Grade != GradeSatisfied || a.ReplyMethod != MethodInPerson {
		t.Errorf("S9 on 15 August: %+v", a)
	}
	// Today's state is told apart: S12 stands otherwise today than on 31 May.
	rep, err := db.LoadReport(ctx, "2024-01-01", "2024-05-31", "2024-05-31")
	must(t, err)
	for _, it := range rep.Ledger {
		if it.ID == s12 && !it.Differs() {
			t.Errorf("S12 does not differ: today %s %s, on 31 May %+v", it.State, it.Outcome, it.AsOf)
		}
		if it.ID == h.session[13] && it.Differs() {
			t.Errorf("S14 differs: today %s %s %s, on 31 May %+v", it.State, it.Outcome, it.Evaluation, it.AsOf)
		}
	}
}

// The report date is a setting of its own: after the period's end it counts the whole period, before its
// start it is refused.
func TestFiguresAsOfAfterThePeriod(t *testing.T) {
	h := newHandData(t)
	ctx := context.Background()
	db := h.f.db
	f, err := db.Figures(ctx, "2024-01-01", "2024-05-31", "2024-12-31")
	must(t, err)
	if f.CountedOn() != "2024-05-31" || f.AsOf != "2024-12-31" || f.IsPast() || f.Today != "2024-12-31" {
		t.Errorf("counted on %s as of %s, today %s", f.CountedOn(), f.AsOf, f.Today)
	}
	// S12, S13 solved on 1 June count as solved; items received after 31 May do not count at all.
	if f.Session.Solved != 13 || f.Recess.Received != 3 {
		t.Errorf("session %s; recess %s", counts(f.Session), counts(f.Recess))
	}
	_, err = db.Figures(ctx, "2024-01-01", "2024-05-31", "2023-12-31")
	wantErr(t, err, EINVALID, "数据截至日期", "不能早于统计起始日期")
}

// The sessions of the period as T15 and the text read them: roll and attendance, reports, resolutions passed
// by the rule, elections, suggestions raised.
func TestFiguresSessions(t *testing.T) {
	db, _ := demoDB(t, "township", 1, demoTestToday)
	ctx := context.Background()
	f, err := db.YearFigures(ctx, 2024, "")
	must(t, err)
	if len(f.Sessions) != f.MeetingCount(MeetingCongress) || len(f.Sessions) == 0 {
		t.Fatalf("%d sessions, %d 人代会", len(f.Sessions), f.MeetingCount(MeetingCongress))
	}
	received := 0
	for _, s := range f.Sessions {
		q, err := db.Quorum(ctx, s.MeetingID)
		must(t, err)
		d, err := db.MeetingDetail(ctx, s.MeetingID)
		must(t, err)
		if s.Expected != q.Base || s.Present != q.Present || s.Expected == 0 || len(s.Reports) == 0 {
			t.Errorf("%s: 应到 %d 实到 %d, quorum %+v; reports %v", s.Title, s.Expected, s.Present, q, s.Reports)
		}
		passed := 0
		for _, r := range d.Resolutions {
			if ok, _ := q.ResolutionResult(r); ok {
				passed++
			}
		}
		if len(s.Passed) != passed {
			t.Errorf("%s: %d passed, by the rule %d", s.Title, len(s.Passed), passed)
		}
		received += s.Received
	}
	if received != f.Session.Received {
		t.Errorf("sessions received %d, the figures %d", received, f.Session.Received)
	}
}
