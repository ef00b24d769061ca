package store

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"slices"
	"testing"
	"time"
)

// The reads behind 概览 that count less than the full reads they stand for must agree with them.

// overviewTestDays are days of the demo's last year and the one before it: each month's first, middle and last
// day (periods beginning and ending), and a few days around the term's change.
func overviewTestDays() []Date {
	var out []Date
	for _, y := range []int{2025, 2026} {
		for m := 1; m <= 12; m++ {
			first := Date(fmt.Sprintf("%04d-%02d-01", y, m))
			out = append(out, first, first.AddDays(14), first.AddMonths(1).AddDays(-1))
		}
	}
	return append(out, "2021-12-31", "2022-01-01", "2022-01-02") // the demo's 17th term ends, the 18th begins
}

// TestDeputyRoll: 概览's 代表 card read once says what DeputyRollCounts (itself checked against the deputy list's
// filter, TestDeputyRollCounts) and the full district register (DistrictRolls, 缺额 where Vacant > 0) say.
func TestDeputyRoll(t *testing.T) {
	db, _ := demoDB(t, DemoTownship, 1, time.Date(2026, 11, 20, 12, 0, 0, 0, time.Local))
	ctx := context.Background()
	// want is the 缺额 of the full register: DistrictRolls with Vacant above 0.
	want := func(day Date) []DistrictVacancy {
		rolls, err := db.DistrictRolls(ctx, "", 0, day)
		if err != nil {
			t.Fatal(err)
		}
		var out []DistrictVacancy
		for _, r := range rolls {
			if r.Vacant() > 0 {
				out = append(out, DistrictVacancy{Level: r.Level, Number: r.Number, Vacant: r.Vacant()})
			}
		}
		return out
	}
	check := func(t *testing.T, days []Date) (vacant int) {
		for _, day := range days {
			got, err := db.DeputyRoll(ctx, day)
			if err != nil {
				t.Fatal(err)
			}
			w := want(day)
			if !reflect.DeepEqual(got.Vacancies, w) {
				t.Errorf("%s: DeputyRoll's vacancies %v, DistrictRolls %v", day, got.Vacancies, w)
			}
			total, byLevel, err := db.DeputyRollCounts(ctx, day)
			if err != nil {
				t.Fatal(err)
			}
			if got.Total != total || !reflect.DeepEqual(got.ByLevel, byLevel) {
				t.Errorf("%s: DeputyRoll %d %v, DeputyRollCounts %d %v", day, got.Total, got.ByLevel, total, byLevel)
			}
			vacant += len(w)
		}
		return vacant
	}
	t.Run("demo data", func(t *testing.T) {
		check(t, append(overviewTestDays(), "2026-11-20", "1990-01-01"))
	})
	t.Run("a seat left vacant", func(t *testing.T) {
		// The first deputy holding a district's seat today leaves it: the district lacks one from that day on.
		var deputyID, seatID int64
		var level string
		var number int
		err := db.SQL().QueryRow(`SELECT l.deputy_id, l.id, s.level, s.number FROM deputy_levels l
			JOIN districts s ON s.id = l.district_id WHERE l.end_date IS NULL ORDER BY l.id LIMIT 1`).Scan(&deputyID, &seatID, &level, &number)
		must(t, err)
		before := len(want("2026-11-20"))
		if _, err := db.SQL().Exec(`UPDATE deputy_levels SET end_date = '2026-10-01', end_reason = '辞职' WHERE id = ?`, seatID); err != nil {
			t.Fatal(err)
		}
		if n := check(t, []Date{"2026-09-30", "2026-10-01", "2026-11-20"}); n == 0 {
			t.Fatal("no district has a vacant seat after the deputy left")
		}
		after := want("2026-11-20")
		if !slices.ContainsFunc(after, func(v DistrictVacancy) bool { return v.Level == level && v.Number == number }) || len(after) < before {
			t.Errorf("%s第%d选区 not vacant after its deputy left: %v", level, number, after)
		}
	})
}

// TestRemindersCurrentPeriods: Reminders reads only the periods holding the day, and only this month's and this
// quarter's plan items; it must say what the full year's Compliance and the whole plan say about that day.
func TestRemindersCurrentPeriods(t *testing.T) {
	db, _ := demoDB(t, DemoTownship, 1, time.Date(2026, 11, 20, 12, 0, 0, 0, time.Local))
	ctx := context.Background()
	// want is Reminders as it was computed before: from the year's compliance rows and the year's whole plan.
	want := func(today Date) []Reminder {
		rows, err := db.Compliance(ctx, today.Year(), today)
		if err != nil {
			t.Fatal(err)
		}
		var out []Reminder
		for _, r := range rows {
			for _, u := range r.Units {
				if u.From > today || u.To < today || u.Short() == 0 {
					continue
				}
				left := int(math.Round(u.Due.Time().Sub(today.Time()).Hours() / 24))
				out = append(out, Reminder{RuleID: r.Rule.ID, Text: reminderText(r.Rule, u, left), Due: u.Due, DaysLeft: left})
			}
		}
		items, err := db.PlanItems(ctx, today.Year())
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range items {
			if (p.Month == 0 && p.Quarter == 0) || p.RuleID != 0 || p.StatusOn(today) != PlanOpen || p.Span().From > today {
				continue
			}
			span := p.Span()
			left := int(math.Round(span.To.Time().Sub(today.Time()).Hours() / 24))
			when, tail := "本月", fmt.Sprintf("还剩%d天", left)
			if p.Quarter != 0 {
				when = "本季度"
			}
			if left == 0 {
				tail = "今天截止"
			}
			out = append(out, Reminder{PlanItemID: p.ID, Text: fmt.Sprintf("年度计划%s安排的「%s」尚未完成（%s）", when, p.Title, tail),
				Due: span.To, DaysLeft: left})
		}
		trained, err := db.trainingReminders(ctx, today)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, trained...)
		slices.SortStableFunc(out, func(a, b Reminder) int { return a.DaysLeft - b.DaysLeft })
		return out
	}
	var rules, plan int
	for _, day := range overviewTestDays() {
		got, err := db.Reminders(ctx, day)
		if err != nil {
			t.Fatal(err)
		}
		w := want(day)
		if !reflect.DeepEqual(got, w) {
			t.Errorf("%s: Reminders\n%v\nthe full year's compliance and plan\n%v", day, got, w)
		}
		for _, r := range w {
			if r.RuleID != 0 {
				rules++
			}
			if r.PlanItemID != 0 {
				plan++
			}
		}
	}
	if rules == 0 || plan == 0 {
		t.Errorf("the demo's days gave %d reminders of rules and %d of plan items; the test needs both", rules, plan)
	}
}

// TestContactsBehind: 概览's list of deputies behind their visits is ContactStatuses(day, true) without the
// households and voters, the same deputies in the same order with the same counts.
func TestContactsBehind(t *testing.T) {
	db, _ := demoDB(t, DemoTownship, 1, time.Date(2026, 11, 20, 12, 0, 0, 0, time.Local))
	ctx := context.Background()
	behind := 0
	for _, day := range append(overviewTestDays(), "1990-01-01") {
		full, err := db.ContactStatuses(ctx, day, true)
		if err != nil {
			t.Fatal(err)
		}
		want := []ContactShort{}
		for _, s := range full {
			want = append(want, ContactShort{DeputyID: s.DeputyID, Name: s.Name, GroupName: s.GroupName, Visits: s.Visits, Due: s.Due})
		}
		got, err := db.ContactsBehind(ctx, day)
		if err != nil {
			t.Fatal(err)
		}
		if got == nil {
			got = []ContactShort{}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: ContactsBehind %d deputies %v…, ContactStatuses %d %v…", day, len(got), got[:min(3, len(got))], len(want), want[:min(3, len(want))])
		}
		behind += len(want)
	}
	if behind == 0 {
		t.Error("nobody behind on any of the demo's days; the test needs some")
	}
}

// TestOverviewReadsNewTerm: once a newer term of a level has begun, the seats of the older term are no longer
// held (seatTermLasts, read beforehand as a list of ended terms by the reads of 概览); the new reads must count
// them out as the full reads do.
func TestOverviewReadsNewTerm(t *testing.T) {
	db, _ := demoDB(t, DemoTownship, 1, time.Date(2026, 11, 20, 12, 0, 0, 0, time.Local))
	ctx := context.Background()
	if _, err := db.SQL().Exec(`INSERT INTO terms (level, number, start_date, created_at, updated_at)
		SELECT level, number + 1, '2026-07-01', 'x', 'x' FROM terms WHERE level = ? ORDER BY number DESC LIMIT 1`, LevelTown); err != nil {
		t.Fatal(err)
	}
	var totals []int
	for _, day := range []Date{"2026-06-30", "2026-07-01", "2026-11-20"} {
		roll, err := db.DeputyRoll(ctx, day)
		if err != nil {
			t.Fatal(err)
		}
		_, total, err := db.Deputies(ctx, DeputyFilter{OnRoll: day, Limit: CountOnly})
		if err != nil {
			t.Fatal(err)
		}
		if roll.Total != total {
			t.Errorf("%s: DeputyRoll counts %d on the roll, the deputy list %d", day, roll.Total, total)
		}
		for _, l := range DeputyLevels {
			_, n, err := db.Deputies(ctx, DeputyFilter{OnRoll: day, Level: l, Limit: CountOnly})
			if err != nil {
				t.Fatal(err)
			}
			if roll.ByLevel[l] != n {
				t.Errorf("%s %s: DeputyRoll %d, the deputy list %d", day, l, roll.ByLevel[l], n)
			}
		}
		rolls, err := db.DistrictRolls(ctx, "", 0, day)
		if err != nil {
			t.Fatal(err)
		}
		var vacant []DistrictVacancy
		for _, r := range rolls {
			if r.Vacant() > 0 {
				vacant = append(vacant, DistrictVacancy{Level: r.Level, Number: r.Number, Vacant: r.Vacant()})
			}
		}
		if !reflect.DeepEqual(roll.Vacancies, vacant) {
			t.Errorf("%s: DeputyRoll's vacancies %d districts, DistrictRolls %d", day, len(roll.Vacancies), len(vacant))
		}
		full, err := db.ContactStatuses(ctx, day, true)
		if err != nil {
			t.Fatal(err)
		}
		short, err := db.ContactsBehind(ctx, day)
		if err != nil {
			t.Fatal(err)
		}
		if len(short) != len(full) {
			t.Errorf("%s: ContactsBehind %d deputies, ContactStatuses %d", day, len(short), len(full))
		}
		for i := range min(len(short), len(full)) {
			if short[i].DeputyID != full[i].DeputyID || short[i].Visits != full[i].Visits {
				t.Errorf("%s: deputy %d: ContactsBehind %+v, ContactStatuses %+v", day, i, short[i], full[i])
				break
			}
		}
		totals = append(totals, roll.Total)
	}
	if totals[0] == 0 || totals[1] >= totals[0] {
		t.Errorf("deputies on the roll the day before the new term and its first day: %v; the old term's seats should end", totals)
	}
}
