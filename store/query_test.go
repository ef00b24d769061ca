package store

import (
	"context"
	"testing"
	"time"
)

// TestCountOnly: a list asked for CountOnly answers the number of matches a full listing has, and no rows —
// for the filters 概览 counts with (deputies on a day's roll, by level; stations by type; a year's suggestions
// by state).
func TestCountOnly(t *testing.T) {
	db, _ := demoDB(t, "township", 1, time.Date(2026, 11, 20, 12, 0, 0, 0, time.Local))
	ctx := context.Background()
	day := Date("2026-11-20")
	check := func(name string, rows, all []int, n int, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(rows) != 0 {
			t.Errorf("%s: %d rows, want none", name, len(rows))
		}
		if n != len(all) || n == 0 {
			t.Errorf("%s: count %d, full listing %d (want equal, not 0)", name, n, len(all))
		}
	}
	ids := func(n int) []int { return make([]int, n) }
	for _, f := range []DeputyFilter{{OnRoll: day}, {OnRoll: day, Level: LevelTown}, {Status: DeputyActive}} {
		all, _, err := db.Deputies(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		f.Limit = CountOnly
		rows, n, err := db.Deputies(ctx, f)
		check("代表", ids(len(rows)), ids(len(all)), n, err)
	}
	for _, f := range []StationFilter{{Status: "在用"}, {Type: "代表联络站", Status: "在用"}} {
		all, _, err := db.Stations(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		f.Limit = CountOnly
		rows, n, err := db.Stations(ctx, f)
		check("联络站", ids(len(rows)), ids(len(all)), n, err)
	}
	for _, f := range []SuggestionFilter{{Year: 2026}, {Year: 2026, States: []string{StateClosed}}} {
		all, _, err := db.Suggestions(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		f.Limit = CountOnly
		rows, n, err := db.Suggestions(ctx, f)
		check("建议", ids(len(rows)), ids(len(all)), n, err)
	}
}

// TestDeputyRollCounts: 概览's one-pass counts of the deputies on a day's roll equal the deputy list's filter
// (DeputyFilter.OnRoll, with and without Level) — one rule, two ways of asking.
func TestDeputyRollCounts(t *testing.T) {
	db, _ := demoDB(t, "township", 1, time.Date(2026, 11, 20, 12, 0, 0, 0, time.Local))
	ctx := context.Background()
	for _, day := range []Date{"2026-11-20", "2024-03-01", "1990-01-01"} {
		total, byLevel, err := db.DeputyRollCounts(ctx, day)
		if err != nil {
			t.Fatal(err)
		}
		_, want, err := db.Deputies(ctx, DeputyFilter{OnRoll: day, Limit: CountOnly})
		if err != nil {
			t.Fatal(err)
		}
		if total != want {
			t.Errorf("%s: total %d, the list's filter %d", day, total, want)
		}
		levels := 0
		for _, l := range DeputyLevels {
			_, n, err := db.Deputies(ctx, DeputyFilter{OnRoll: day, Level: l, Limit: CountOnly})
			if err != nil {
				t.Fatal(err)
			}
			if byLevel[l] != n {
				t.Errorf("%s %s: %d, the list's filter %d", day, l, byLevel[l], n)
			}
			if n > 0 {
				levels++
			}
		}
		if day == "2026-11-20" && (total == 0 || levels < 2) {
			t.Errorf("%s: %d deputies in %d levels; the demo has more", day, total, levels)
		}
	}
}
