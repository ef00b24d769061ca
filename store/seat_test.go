package store

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"
)

// loadYear is LoadReport of a whole year as `rendadesk export` makes it after the year (as of 31 December),
// with the time it was made and the newest history entry cleared so that two loads compare equal.
func loadYear(tb testing.TB, db *DB, year int) ReportData {
	tb.Helper()
	y := YearPeriod(year)
	rep, err := db.LoadReport(context.Background(), y.From, y.To, y.To)
	must(tb, err)
	rep.Made = time.Time{}
	rep.Basis.HistoryID = 0 // the history grows with every edit; the records behind the counts must not
	return rep
}

// The rule of issue 13: exporting a closed period today gives the figures it gave before today's new records —
// deputies added and imported with today's date, suggestions registered today, a meeting held today — unless a
// record dated inside the period changed.
func TestClosedPeriodStaysPut(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	att := []Attendance{{DeputyID: f.wang.ID, Status: "出席"}, {DeputyID: f.li.ID, Status: "出席"}, {DeputyID: f.zhao.ID, Status: "请假"}}
	must(t, f.db.SaveMeetingDetail(ctx, f.session.ID, MeetingDetail{Attendance: att,
		Resolutions: []Resolution{{Title: "关于2024年预算的决议", Kind: "决议", For: 2}}}))
	f.item(t, "关于修缮青山村道路的建议", "2024-03-01")
	f.db.Now = func() time.Time { return time.Date(2026, 1, 20, 9, 30, 0, 0, time.Local) }
	today := Date("2026-01-20")

	before := loadYear(t, f.db, 2024)
	before25 := loadYear(t, f.db, 2025)
	quorum, err := f.db.Quorum(ctx, f.session.ID)
	must(t, err)
	roll, err := f.db.ExpectedAttendees(ctx, f.session.ID)
	must(t, err)
	if before.Figures.Deputies.All.Deputies != 3 || quorum.Base != 3 || quorum.Expected != 3 || len(roll) != 3 || len(before.Deputies) != 3 {
		t.Fatalf("before: %d deputies in T6, %d in T7, quorum %+v, roll %d", before.Figures.Deputies.All.Deputies, len(before.Deputies), quorum, len(roll))
	}
	if before.Figures.Resolutions != 1 {
		t.Fatalf("2 of 3 votes passed %d resolutions, want 1", before.Figures.Resolutions)
	}

	// Today's records, dated today.
	added := Deputy{Name: "钱新", Gender: "男", Levels: []string{LevelTown, LevelCounty}, TermID: f.term.ID,
		Seats: []Seat{{Start: today}}, Roles: []string{"主席团成员"}}
	must(t, f.db.SaveDeputy(ctx, &added))
	if added.Start(LevelTown) != today || added.Start(LevelCounty) != today {
		t.Fatalf("one date for every level gave %v", added.Seats)
	}
	p := plan(t, f.db, ImportSheet{Kind: ImportDeputies, Columns: []string{"姓名", "代表层级", "当选日期"}, Rows: []ImportRow{
		deputyRow(3, Deputy{Name: "孙补", Levels: []string{LevelTown}, Seats: []Seat{{Start: today}}}, nil, "姓名", "代表层级", "当选日期"),
	}})
	if _, err := f.db.ApplyImport(ctx, p, ImportChoice{}); err != nil {
		t.Fatal(err)
	}
	sess := Meeting{Kind: MeetingCongress, Title: CongressTitle("青山镇", 18, 4), TermID: f.term.ID, SessionNo: 4, Start: today}
	must(t, f.db.SaveMeeting(ctx, &sess))
	must(t, f.db.SaveMeetingDetail(ctx, sess.ID, MeetingDetail{Attendance: []Attendance{{DeputyID: added.ID, Status: "出席"}}}))
	s := Suggestion{Kind: KindSuggestion, Period: PeriodSession, SessionID: sess.ID, Source: "代表提出", LeadDeputyID: added.ID,
		Title: "关于新建文化广场的建议", Category: "城乡建设", Scope: LevelTown, Received: today}
	must(t, f.db.SaveSuggestion(ctx, &s))

	t.Run("YearReportUnchanged", func(t *testing.T) {
		if after := loadYear(t, f.db, 2024); !reflect.DeepEqual(before, after) {
			t.Errorf("the 2024 report changed: deputies %d → %d, T7 %d → %d, T10 %d → %d", before.Figures.Deputies.All.Deputies,
				after.Figures.Deputies.All.Deputies, len(before.Deputies), len(after.Deputies), len(before.Records), len(after.Records))
		}
		if after := loadYear(t, f.db, 2025); !reflect.DeepEqual(before25, after) {
			t.Errorf("the 2025 report changed: deputies %d → %d", before25.Figures.Deputies.All.Deputies, after.Figures.Deputies.All.Deputies)
		}
	})
	t.Run("PastMeetingUnchanged", func(t *testing.T) {
		q, err := f.db.Quorum(ctx, f.session.ID)
		must(t, err)
		r, err := f.db.ExpectedAttendees(ctx, f.session.ID)
		must(t, err)
		doc, err := f.db.MeetingDoc(ctx, f.session.ID)
		must(t, err)
		if q != quorum || len(r) != len(roll) || len(doc.Expected) != 3 || doc.Quorum != quorum {
			t.Errorf("the 2024 session's quorum %+v → %+v, roll %d → %d, sign-in sheet %d", quorum, q, len(roll), len(r), len(doc.Expected))
		}
	})
	t.Run("TodayCountsThem", func(t *testing.T) {
		q, err := f.db.Quorum(ctx, sess.ID)
		must(t, err)
		if q.Base != 5 || q.Unmarked != 4 {
			t.Errorf("today's session: %+v, want 5 deputies on the roll (3 + 2 new), 4 unmarked", q)
		}
		_, n, err := f.db.Deputies(ctx, DeputyFilter{OnRoll: today, Level: LevelCounty})
		must(t, err)
		if n != 2 {
			t.Errorf("county deputies on today's roll: %d, want 2 (王建国, 钱新)", n)
		}
	})
	t.Run("DatedInsideChanges", func(t *testing.T) {
		// A by-election inside 2024 entered today: the 2024 report rightly changes, from that day.
		by := Deputy{Name: "周补选", Levels: []string{LevelTown}, TermID: f.term.ID, Seats: []Seat{{Level: LevelTown, Start: "2024-06-01"}}}
		must(t, f.db.SaveDeputy(ctx, &by))
		if after := loadYear(t, f.db, 2024); after.Figures.Deputies.All.Deputies != 4 || len(after.Deputies) != 4 {
			t.Errorf("2024 after a by-election dated 2024-06-01: %d deputies, T7 %d; want 4", after.Figures.Deputies.All.Deputies, len(after.Deputies))
		}
		if q, _ := f.db.Quorum(ctx, f.session.ID); q != quorum {
			t.Errorf("the session of 2024-01-20, before the by-election, changed: %+v", q)
		}
	})
}

// A deputy counts from the day each level began and until the day of leaving office (出缺日期), in the figures,
// in a meeting's roll and in the year's 履职 table.
func TestSeatDates(t *testing.T) {
	f := newFixture(t) // three deputies of the term begun 2021-12-01
	ctx := context.Background()
	figuresOn := func(t *testing.T, to Date) DeputyFigures {
		t.Helper()
		fig, err := f.db.Figures(ctx, "2024-01-01", to, to)
		must(t, err)
		return fig.Deputies
	}
	byLevel := func(d DeputyFigures, level string) int {
		for _, r := range d.ByLevel {
			if r.Level == level {
				return r.Deputies
			}
		}
		return 0
	}
	session := 4
	congress := func(t *testing.T, day Date) Quorum {
		t.Helper()
		session++
		m := Meeting{Kind: MeetingCongress, Title: CongressTitle("青山镇", 18, session), TermID: f.term.ID, SessionNo: session, Start: day}
		must(t, f.db.SaveMeeting(ctx, &m))
		q, err := f.db.Quorum(ctx, m.ID)
		must(t, err)
		return q
	}

	t.Run("StartInsidePeriod", func(t *testing.T) {
		d := Deputy{Name: "吴七月", Levels: []string{LevelTown, LevelCounty}, TermID: f.term.ID,
			Seats: []Seat{{Level: LevelTown, Start: "2024-07-01"}, {Level: LevelCounty, Start: "2024-09-15"}}}
		must(t, f.db.SaveDeputy(ctx, &d))
		if got := figuresOn(t, "2024-06-30"); got.All.Deputies != 3 || byLevel(got, LevelTown) != 3 {
			t.Errorf("on 2024-06-30, before the election: %d deputies, %d town; want 3, 3", got.All.Deputies, byLevel(got, LevelTown))
		}
		if got := figuresOn(t, "2024-07-01"); got.All.Deputies != 4 || byLevel(got, LevelTown) != 4 || byLevel(got, LevelCounty) != 1 {
			t.Errorf("on 2024-07-01: %d deputies, %d town, %d county; want 4, 4, 1 (county from 09-15)", got.All.Deputies,
				byLevel(got, LevelTown), byLevel(got, LevelCounty))
		}
		if got := figuresOn(t, "2024-12-31"); byLevel(got, LevelCounty) != 2 {
			t.Errorf("on 2024-12-31: %d county deputies, want 2", byLevel(got, LevelCounty))
		}
		if q := congress(t, "2024-05-01"); q.Base != 3 {
			t.Errorf("a session before the election counted %d, want 3", q.Base)
		}
		if q := congress(t, "2024-07-01"); q.Base != 4 {
			t.Errorf("a session on the election day counted %d, want 4", q.Base)
		}
		recs, err := f.db.DeputyRecords(ctx, 2023)
		must(t, err)
		if len(recs) != 3 {
			t.Errorf("T10 of 2023 lists %d deputies, want the 3 in office then", len(recs))
		}
		must(t, f.db.DeleteDeputy(ctx, d.ID))
	})
	t.Run("VacatedCountedUntilVacancy", func(t *testing.T) {
		d := f.zhao
		d.Status, d.VacancyReason, d.VacancyDate = DeputyVacant, "调离", "2024-09-30"
		must(t, f.db.SaveDeputy(ctx, &d))
		if got := figuresOn(t, "2024-09-29"); got.All.Deputies != 3 {
			t.Errorf("the day before leaving: %d deputies, want 3", got.All.Deputies)
		}
		if got := figuresOn(t, "2024-09-30"); got.All.Deputies != 2 {
			t.Errorf("on the day of leaving: %d deputies, want 2", got.All.Deputies)
		}
		if q := congress(t, "2024-09-29"); q.Base != 3 {
			t.Errorf("a session the day before she left counted %d, want 3", q.Base)
		}
		if q := congress(t, "2024-10-08"); q.Base != 2 {
			t.Errorf("a session after she left counted %d, want 2", q.Base)
		}
		recs, err := f.db.DeputyRecords(ctx, 2024)
		must(t, err)
		if len(recs) != 3 {
			t.Errorf("T10 of 2024 lists %d deputies, want 3 (she held a seat until 09-30)", len(recs))
		}
		if recs, _ := f.db.DeputyRecords(ctx, 2025); len(recs) != 2 {
			t.Errorf("T10 of 2025 lists %d deputies, want 2", len(recs))
		}
	})
	t.Run("Defaults", func(t *testing.T) {
		d := Deputy{Name: "郑届", Levels: []string{LevelTown}, TermID: f.term.ID}
		must(t, f.db.SaveDeputy(ctx, &d))
		got, err := f.db.Deputy(ctx, d.ID)
		must(t, err)
		if got.Start(LevelTown) != "2021-12-01" {
			t.Errorf("with a term: %v, want the term's start 2021-12-01", got.Seats)
		}
		d = Deputy{Name: "冯无届", Levels: []string{LevelTown}}
		must(t, f.db.SaveDeputy(ctx, &d))
		if got, _ = f.db.Deputy(ctx, d.ID); got.Start(LevelTown) != DateOf(testToday) {
			t.Errorf("without a term: %v, want today %s", got.Seats, DateOf(testToday))
		}
		// Adding a level keeps the date of the one held; the new one gets the default.
		got.Levels = append(got.Levels, LevelCounty)
		got.Seats[0].Start = "2023-03-01"
		got.TermID = f.term.ID
		must(t, f.db.SaveDeputy(ctx, &got))
		again, _ := f.db.Deputy(ctx, d.ID)
		if again.Start(LevelTown) != "2023-03-01" || again.Start(LevelCounty) != "2021-12-01" {
			t.Errorf("after adding a level: %v", again.Seats)
		}
		hs, _, _ := f.db.History(ctx, HistoryFilter{Entity: "deputy", EntityID: d.ID, Limit: 1})
		if len(hs) != 1 || hs[0].Changes != "届次: (空) → "+fmt.Sprint(f.term.ID)+"\n代表层级: 镇级 → 镇级、县级\n当选日期: 镇级 2024-12-31 → 镇级 2023-03-01、县级 2021-12-01" {
			t.Errorf("history %q", hs[0].Changes)
		}
	})
	t.Run("ErrStartAfterVacancy", func(t *testing.T) {
		d := Deputy{Name: "褚错", Levels: []string{LevelTown}, Seats: []Seat{{Level: LevelTown, Start: "2024-05-01"}}, Status: DeputyVacant,
			VacancyReason: "辞职", VacancyDate: "2024-04-30"}
		wantErr(t, f.db.SaveDeputy(ctx, &d), EINVALID, "当选日期(镇级)", "应早于出缺日期(2024年4月30日)")
	})
	t.Run("ErrLevelNotHeld", func(t *testing.T) {
		d := Deputy{Name: "卫错", Levels: []string{LevelTown}, Seats: []Seat{{Level: LevelCounty, Start: "2024-05-01"}}}
		wantErr(t, f.db.SaveDeputy(ctx, &d), EINVALID, "当选日期", "填写了县级的日期，但代表层级中没有县级")
	})
	t.Run("ErrBadDate", func(t *testing.T) {
		d := Deputy{Name: "蒋错", Levels: []string{LevelTown}, Seats: []Seat{{Level: LevelTown, Start: "2024-02-30"}}}
		wantErr(t, f.db.SaveDeputy(ctx, &d), EINVALID, "当选日期(镇级)")
	})
}
