package store

import (
	"context"
	"database/sql"
	"encoding/json"

	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// demoTownshipDB makes a township database of generated data named town, with code, at size, "today" 2026-01-20.
func demoTownshipDB(t *testing.T, town, code string, seed int64, size float64) *DB {
	t.Helper()
	db, err := Open(filepath.Join(t.TempDir(), code+".db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.Now = func() time.Time { return time.Date(2026, 1, 20, 9, 0, 0, 0, time.Local) }
	if _, err := db.GenerateDemo(context.Background(), DemoOptions{Seed: seed, Today: "2026-01-20", Township: town, Code: code, Size: size}); err != nil {
		t.Fatal(err)
	}
	return db
}

func countyDB(t *testing.T) *DB {
	t.Helper()
	db := mustOpen(t)
	cs := DefaultCountySettings()
	cs.OfficeKind = OfficeCounty
	must(t, db.SaveCountySettings(context.Background(), cs))
	return db
}

func writtenPackage(t *testing.T, db *DB, asOf Date) (Package, string) {
	t.Helper()
	p, err := db.MakePackage(context.Background(), "2025-01-01", "2025-12-31", asOf)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), p.FileName())
	must(t, WritePackage(p, path))
	return p, path
}

func TestPackageRoundTrip(t *testing.T) {
	ctx := context.Background()
	town := demoTownshipDB(t, "青山镇", "510822101", 1, 1)
	p, path := writtenPackage(t, town, "2025-12-31")
	if !strings.HasSuffix(path, "青山镇人大主席团_510822101_2025年报送包.rdpkg") {
		t.Errorf("file name %s", filepath.Base(path))
	}
	got, err := ReadPackage(path)
	if err != nil {
		t.Fatal(err)
	}
	if got.SHA256 != p.SHA256 || got.Manifest.Township != "青山镇" || got.Manifest.TownshipCode != "510822101" {
		t.Errorf("manifest %+v sha %s", got.Manifest, got.SHA256)
	}
	t.Run("the figures are the township's own", func(t *testing.T) {
		own, err := town.LoadReport(ctx, "2025-01-01", "2025-12-31", "2025-12-31")
		if err != nil {
			t.Fatal(err)
		}
		a, _ := json.Marshal(own.Figures)
		b, _ := json.Marshal(got.Report.Figures)
		if string(a) != string(b) {
			t.Error("the package's figures differ from the township's")
		}
		if len(got.Report.Ledger) != len(own.Ledger) || got.Report.Ledger[0].Number != own.Ledger[0].Number || len(own.Ledger) == 0 {
			t.Errorf("ledger %d items, township %d", len(got.Report.Ledger), len(own.Ledger))
		}
		if got.Manifest.Counts[2] != (PackageCount{"建议", len(own.Ledger)}) {
			t.Errorf("counts %v", got.Manifest.Counts)
		}
	})
	t.Run("phone numbers stay home", func(t *testing.T) {
		for _, d := range got.Report.Deputies {
			if d.Phone != "" {
				t.Fatalf("%s's phone %s is in the package", d.Name, d.Phone)
			}
		}
		for _, it := range got.Report.Ledger {
			if it.VoterContact != "" {
				t.Fatalf("item %s's voter contact is in the package", it.Number)
			}
		}
	})
}

func TestPackageRefused(t *testing.T) {
	town := demoTownshipDB(t, "青山镇", "510822101", 1, 0.4)
	_, path := writtenPackage(t, town, "2025-12-31")
	t.Run("tampered", func(t *testing.T) {
		conn, err := sql.Open("sqlite", fileURI(path))
		if err != nil {
			t.Fatal(err)
		}
		_, err = conn.Exec(`UPDATE package SET report = replace(report, '"Received":', '"Received":1')`)
		conn.Close()
		if err != nil {
			t.Fatal(err)
		}
		_, err = ReadPackage(path)
		if ErrorCode(err) != ECORRUPT || !strings.Contains(err.Error(), "校验值不符") {
			t.Errorf("tampered package: %v", err)
		}
	})
	t.Run("a database is not a package", func(t *testing.T) {
		_, err := ReadPackage(town.Path())
		if ErrorCode(err) != ESCHEMA || !strings.Contains(err.Error(), "是人大工作台的数据库文件，不是报送包") {
			t.Errorf("database: %v", err)
		}
	})
	t.Run("a county has nothing to send", func(t *testing.T) {
		_, err := countyDB(t).MakePackage(context.Background(), "2025-01-01", "2025-12-31", "2025-12-31")
		if ErrorCode(err) != EINVALID {
			t.Errorf("county package: %v", err)
		}
	})
	t.Run("a township does not merge", func(t *testing.T) {
		p, err := ReadPackage(writtenPath(t, town))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := town.MergePackage(context.Background(), p, "x"); ErrorCode(err) != EINVALID {
			t.Errorf("township merge: %v", err)
		}
	})
}

func writtenPath(t *testing.T, db *DB) string {
	_, path := writtenPackage(t, db, "2025-12-31")
	return path
}

func TestMergePackages(t *testing.T) {
	ctx := context.Background()
	a := demoTownshipDB(t, "青山镇", "510822101", 1, 0.5)
	b := demoTownshipDB(t, "白水镇", "510822102", 2, 0.4)
	county := countyDB(t)
	must(t, county.AddCountyTownship(ctx, "510822103", "红岩乡", 0))
	read := func(db *DB) Package {
		p, err := ReadPackage(writtenPath(t, db))
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	pa, pb := read(a), read(b)
	for _, p := range []Package{pa, pb} {
		res, err := county.MergePackage(ctx, p, p.FileName())
		if err != nil || res.Outcome != MergeNew {
			t.Fatalf("%s: %v %v", p.Manifest.Township, res, err)
		}
	}
	history := func() int {
		_, n, err := county.History(ctx, HistoryFilter{})
		must(t, err)
		return n
	}
	t.Run("the same package twice changes nothing", func(t *testing.T) {
		before := history()
		res, err := county.MergePackage(ctx, pa, "copy.rdpkg")
		if err != nil || res.Outcome != MergeUnchanged {
			t.Fatalf("%v %v", res, err)
		}
		if history() != before {
			t.Error("history grew")
		}
	})
	t.Run("totals are the sum of the townships", func(t *testing.T) {
		cf, err := county.CountyFigures(ctx, "2025-01-01", "2025-12-31")
		if err != nil {
			t.Fatal(err)
		}
		fa, fb := pa.Report.Figures.All, pb.Report.Figures.All
		if len(cf.Rows) != 2 || cf.Rows[0].Name != "青山镇" || cf.Rows[1].Name != "白水镇" {
			t.Fatalf("rows %+v", cf.Rows)
		}
		if cf.Total.Received != fa.Received+fb.Received || cf.Total.Received == 0 {
			t.Errorf("received %d, townships %d + %d", cf.Total.Received, fa.Received, fb.Received)
		}
		want := Rate{fa.Closed + fb.Closed, fa.Handed + fb.Handed}
		if cf.Total.CloseRate != want {
			t.Errorf("办结率 %v, want %v (recomputed from the counts)", cf.Total.CloseRate, want)
		}
		if want := (Rate{fa.Satisfied + fb.Satisfied, fa.Evaluated + fb.Evaluated}); cf.Total.SatisfactionRate != want {
			t.Errorf("满意率 %v, want %v", cf.Total.SatisfactionRate, want)
		}
		if len(cf.Ledger) != len(pa.Report.Ledger)+len(pb.Report.Ledger) || cf.Ledger[0].Township != "青山镇" {
			t.Errorf("ledger %d items", len(cf.Ledger))
		}
		if !slices.Equal(cf.Unreported, []string{"红岩乡"}) {
			t.Errorf("unreported %v", cf.Unreported)
		}
		if cf.Rows[0].CloseRank == 0 || cf.Rows[1].CloseRank == 0 {
			t.Errorf("ranks %d %d", cf.Rows[0].CloseRank, cf.Rows[1].CloseRank)
		}
	})
	t.Run("a corrected package replaces the old one and names what changed", func(t *testing.T) {
		items, _, err := a.Suggestions(ctx, SuggestionFilter{From: "2025-01-01", To: "2025-12-31", Sort: "number"})
		if err != nil || len(items) == 0 {
			t.Fatal(err)
		}
		it := items[0]
		it.Title = "（更正）" + it.Title
		must(t, a.SaveSuggestion(ctx, &it))
		a.Now = func() time.Time { return time.Date(2026, 1, 22, 15, 0, 0, 0, time.Local) }
		corrected := read(a)
		res, err := county.MergePackage(ctx, corrected, corrected.FileName())
		if err != nil || res.Outcome != MergeReplaced {
			t.Fatalf("%v %v", res, err)
		}
		if len(res.Changes) != 1 || !strings.Contains(res.Changes[0], "建议 "+it.Number+"：标题") {
			t.Errorf("changes %q", res.Changes)
		}
		ts, err := county.CountyTownships(ctx, "2025-01-01", "2025-12-31")
		if err != nil {
			t.Fatal(err)
		}
		if ts[0].State != TownshipCorrected || len(ts[0].Packages) != 2 || ts[0].Current().SHA256 != corrected.SHA256 {
			t.Errorf("青山镇 %s, %d packages", ts[0].State, len(ts[0].Packages))
		}
		if ts[1].State != TownshipSent || ts[2].State != TownshipMissing {
			t.Errorf("states %s %s", ts[1].State, ts[2].State)
		}
		cf, err := county.CountyFigures(ctx, "2025-01-01", "2025-12-31")
		must(t, err)
		if cf.Ledger[0].Title != it.Title {
			t.Errorf("the county reads the old package: %s", cf.Ledger[0].Title)
		}
		t.Run("the first package again changes nothing", func(t *testing.T) {
			res, err := county.MergePackage(ctx, pa, "old.rdpkg")
			if err != nil || res.Outcome != MergeUnchanged || !strings.Contains(res.Note, "已被更新的报送包取代") {
				t.Errorf("first package again: %v %v", res, err)
			}
		})
		t.Run("an older package does not undo it", func(t *testing.T) {
			a.Now = func() time.Time { return time.Date(2026, 1, 21, 15, 0, 0, 0, time.Local) }
			older := read(a)
			_, err := county.MergePackage(ctx, older, "older.rdpkg")
			if ErrorCode(err) != ECONFLICT || !strings.Contains(err.Error(), "比已导入的") {
				t.Errorf("older package: %v", err)
			}
		})
	})
}

func TestCountyDeputiesAndRanks(t *testing.T) {
	dep := func(name, birth string, levels ...string) Deputy {
		return Deputy{Name: name, Gender: "女", Birth: birth, Levels: levels}
	}
	rep := func(name string, closed, handed int, ds ...Deputy) TownshipReport {
		r := TownshipReport{Code: name, Name: name}
		r.Report.Figures.All = SuggestionFigures{Received: handed, Handed: handed, Closed: closed}
		r.Report.Deputies = ds
		return r
	}
	cf := CountyFigures{Reports: []TownshipReport{
		rep("甲镇", 9, 10, dep("王芳", "1970-01", LevelTown, LevelCounty), dep("李四", "1980-02", LevelTown)),
		rep("乙镇", 18, 20, dep("王芳", "1970-01", LevelCounty), dep("王芳", "1990-05", LevelCounty)),
		rep("丙镇", 7, 10),
		rep("丁镇", 0, 0),
	}}
	cf.compute()
	if len(cf.Deputies) != 2 || !slices.Equal(cf.Deputies[0].Townships, []string{"甲镇", "乙镇"}) {
		t.Errorf("county deputies %+v", cf.Deputies)
	}
	var ranks []int
	for _, r := range cf.Rows {
		ranks = append(ranks, r.CloseRank)
	}
	if !slices.Equal(ranks, []int{1, 1, 3, 0}) {
		t.Errorf("ranks %v, want 90%% and 90%% first, 70%% third, no items unranked", ranks)
	}
	if cf.Total.CloseRate != (Rate{34, 40}) || cf.Total.CountyDeputies != 2 {
		t.Errorf("total %+v", cf.Total)
	}
}

func TestGenerateCountyDemo(t *testing.T) {
	db := mustOpen(t)
	dir := filepath.Join(t.TempDir(), "报送包")
	res, err := db.GenerateCountyDemo(context.Background(), CountyDemoOptions{Seed: 1, Today: "2026-01-20", Packages: dir})
	if err != nil {
		t.Fatal(err)
	}
	if res.Year != 2025 || res.Townships != 20 || len(res.Packages) != 21 {
		t.Fatalf("%+v", res)
	}
	ts, err := db.CountyTownships(context.Background(), "2025-01-01", "2025-12-31")
	if err != nil {
		t.Fatal(err)
	}
	states := map[string]int{}
	for _, tw := range ts {
		states[tw.State]++
		if tw.Name == res.Corrected && len(tw.Packages) != 3 {
			t.Errorf("%s sent %d packages", tw.Name, len(tw.Packages))
		}
	}
	if states[TownshipSent] != 18 || states[TownshipCorrected] != 1 || states[TownshipMissing] != 1 {
		t.Errorf("states %v", states)
	}
	cf, err := db.CountyFigures(context.Background(), "2025-01-01", "2025-12-31")
	if err != nil {
		t.Fatal(err)
	}
	small, large := cf.Rows[0].Received, cf.Rows[0].Received
	for _, r := range cf.Rows {
		small, large = min(small, r.Received), max(large, r.Received)
	}
	if large < 2*small {
		t.Errorf("townships of one size: %d to %d items", small, large)
	}
}
