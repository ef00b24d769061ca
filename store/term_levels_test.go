package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
)

// A deputy of the town and of the county holds each level in that level's own term: the county's 换届 (on
// its own date) ends the county seat and not the town seat, and the town's 换届 ends the town seat.
func TestTermsPerLevel(t *testing.T) {
	f := newFixture(t) // town 第十八届 from 2021-12-01; Wang holds 镇级 and 县级, Li and Zhao 镇级
	ctx := context.Background()
	county17 := Term{Level: LevelCounty, Number: 17, Start: "2021-10-01", Current: true}
	must(t, f.db.SaveTerm(ctx, &county17))
	sun := Deputy{Name: "孙两级", Gender: "男", Levels: []string{LevelTown, LevelCounty}, TermID: f.term.ID,
		Seats: []Seat{{Level: LevelTown, Start: "2021-12-01"}, {Level: LevelCounty, TermID: county17.ID, Start: "2021-10-01"}}}
	must(t, f.db.SaveDeputy(ctx, &sun))
	f.wang.Seats[1].TermID = county17.ID // Wang's county seat, saved before the county's terms were entered
	must(t, f.db.SaveDeputy(ctx, &f.wang))

	counts := func(t *testing.T, day Date) (all, town, county int) {
		t.Helper()
		fig, err := f.db.Figures(ctx, day, day, day)
		must(t, err)
		for _, r := range fig.Deputies.ByLevel {
			switch r.Level {
			case LevelTown:
				town = r.Deputies
			case LevelCounty:
				county = r.Deputies
			}
		}
		return fig.Deputies.All.Deputies, town, county
	}
	onRoll := func(t *testing.T, day Date, level string) []string {
		t.Helper()
		ds, _, err := f.db.Deputies(ctx, DeputyFilter{OnRoll: day, Level: level, Sort: "name"})
		must(t, err)
		var names []string
		for _, d := range ds {
			names = append(names, d.Name)
		}
		return names
	}

	t.Run("BeforeTheTownTerm", func(t *testing.T) {
		// Elected to the county on 10月1日, to the town on 12月1日; Wang's county seat took the town term's date.
		if all, town, county := counts(t, "2021-10-15"); all != 1 || town != 0 || county != 1 {
			t.Errorf("on 2021-10-15: %d deputies, %d town, %d county; want 1, 0, 1", all, town, county)
		}
		if got := onRoll(t, "2021-10-15", LevelCounty); len(got) != 1 || got[0] != "孙两级" {
			t.Errorf("county roll on 2021-10-15: %v", got)
		}
	})
	county18 := Term{Level: LevelCounty, Number: 18, Start: "2026-10-01", Current: true}
	must(t, f.db.SaveTerm(ctx, &county18))
	zhou := Deputy{Name: "周县代", Gender: "女", Levels: []string{LevelCounty}, Seats: []Seat{{Level: LevelCounty, TermID: county18.ID, Start: "2026-10-01"}}}
	must(t, f.db.SaveDeputy(ctx, &zhou))
	t.Run("CountyChangedTownNot", func(t *testing.T) {
		if all, town, county := counts(t, "2026-09-30"); all != 4 || town != 4 || county != 2 {
			t.Errorf("on 2026-09-30: %d deputies, %d town, %d county; want 4, 4, 2 (Wang and Sun at the county)", all, town, county)
		}
		// The county's 第十八届 began: Sun and Wang (seats of the county's 第十七届) are no longer county deputies,
		// Zhou is; the town's 第十八届 still has all four.
		if all, town, county := counts(t, "2026-10-15"); all != 5 || town != 4 || county != 1 {
			t.Errorf("on 2026-10-15: %d deputies, %d town, %d county; want 5, 4, 1", all, town, county)
		}
		if got := onRoll(t, "2026-10-15", LevelCounty); len(got) != 1 || got[0] != "周县代" {
			t.Errorf("county roll on 2026-10-15: %v, want [周县代]", got)
		}
	})
	t.Run("TownChanged", func(t *testing.T) {
		town19 := Term{Number: 19, Start: "2026-12-01", Current: true}
		must(t, f.db.SaveTerm(ctx, &town19))
		if all, town, county := counts(t, "2026-12-15"); all != 1 || town != 0 || county != 1 {
			t.Errorf("on 2026-12-15: %d deputies, %d town, %d county; want 1, 0, 1 (only Zhou, of the county's new term)", all, town, county)
		}
		if all, town, _ := counts(t, "2024-06-30"); all != 4 || town != 4 {
			t.Errorf("the old term's day 2024-06-30 now counts %d deputies, %d town; want 4, 4", all, town)
		}
	})
	t.Run("ErrTermOfAnotherLevel", func(t *testing.T) {
		d := Deputy{Name: "吴错届", Levels: []string{LevelCounty}, Seats: []Seat{{Level: LevelCounty, TermID: f.term.ID}}}
		err := f.db.SaveDeputy(ctx, &d)
		if err == nil || !strings.HasPrefix(ErrorMessage(err), "届次(县级)") {
			t.Fatalf("a county seat in the town's term: %v", err)
		}
	})
	t.Run("TermsNumberedPerLevel", func(t *testing.T) {
		dup := Term{Level: LevelCounty, Number: 18}
		if err := f.db.SaveTerm(ctx, &dup); ErrorCode(err) != ECONFLICT {
			t.Fatalf("a second county 第十八届: %v", err)
		}
		cur, err := f.db.CurrentTermOf(ctx, LevelCounty)
		must(t, err)
		town, err := f.db.CurrentTerm(ctx)
		must(t, err)
		if cur.ID != county18.ID || town.Number != 19 || cur.FullName() != "县级第十八届" {
			t.Fatalf("current terms: county %+v, town %+v", cur, town)
		}
	})
}

// A database of the version before terms' migration (0009_terms_districts) keeps its counts: its terms become the town's, the 选区 its deputies name become
// the register's, and a county seat of a deputy whose town term was followed by a newer one ends then.
func TestMigrateTermsAndDistricts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v8.db")
	old, err := sql.Open("sqlite", dsn(path))
	must(t, err)
	db := &DB{db: old, path: path}
	must(t, db.migrateTo(context.Background(), 8)) // the version before 0009_terms_districts
	for _, q := range []string{
		`INSERT INTO terms (id, number, start_date, is_current, created_at, updated_at) VALUES (1, 17, '2016-12-01', 0, 'x', 'x'), (2, 18, '2021-12-01', 1, 'x', 'x')`,
		`INSERT INTO deputies (id, name, term_id, district, created_at, updated_at) VALUES (1, '甲', 2, '第3选区', 'x', 'x'),
			(2, '乙', 2, '第三选区', 'x', 'x'), (3, '丙', 1, '联霞片区', 'x', 'x'), (4, '丁', 2, '', 'x', 'x')`,
		`INSERT INTO deputy_levels (deputy_id, level, start_date) VALUES (1, '镇级', '2021-12-01'), (2, '镇级', '2021-12-01'),
			(3, '镇级', '2016-12-01'), (3, '县级', '2016-12-01'), (4, '县级', '2021-12-01')`,
	} {
		_, err := old.Exec(q)
		must(t, err)
	}
	old.Close()
	cur, err := Open(path)
	must(t, err)
	defer cur.Close()
	ctx := context.Background()
	ds, err := cur.Districts(ctx, LevelTown)
	must(t, err)
	if len(ds) != 2 || ds[0].Number != 1 || ds[0].Name != "联霞片区" || ds[1].Number != 3 || ds[1].Seats != 2 {
		t.Fatalf("districts %+v; want 第1选区(联霞片区) with 1 seat and 第3选区 with 2", ds)
	}
	jia, err := cur.Deputy(ctx, 1)
	must(t, err)
	if jia.Seats[0].DistrictID != ds[1].ID || jia.Seats[0].TermID != 2 {
		t.Fatalf("甲's seat %+v", jia.Seats)
	}
	bing, err := cur.Deputy(ctx, 3)
	must(t, err)
	if county := bing.Seats[1]; county.Level != LevelCounty || county.End != "2021-12-01" || county.EndReason != SeatTermEnded {
		t.Fatalf("丙's county seat %+v; want ended 2021-12-01 届满", county)
	}
	ts, err := cur.Terms(ctx)
	must(t, err)
	if len(ts) != 2 || ts[0].Level != LevelTown || ts[0].Number != 18 || !ts[0].Current {
		t.Fatalf("terms %+v", ts)
	}
	for _, c := range []struct {
		day         Date
		all, county int
		description string
	}{{"2020-06-30", 1, 1, "丙 in the 17th term"}, {"2024-06-30", 3, 1, "甲 乙 and 丁 (丙's seats ended)"}} {
		fig, err := cur.Figures(ctx, c.day, c.day, c.day)
		must(t, err)
		county := 0
		for _, r := range fig.Deputies.ByLevel {
			if r.Level == LevelCounty {
				county = r.Deputies
			}
		}
		if fig.Deputies.All.Deputies != c.all || county != c.county {
			t.Errorf("on %s: %d deputies, %d county; want %d, %d (%s)", c.day, fig.Deputies.All.Deputies, county, c.all, c.county, c.description)
		}
	}
}
