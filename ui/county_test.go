package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rendadesk/store"
)

// TestCountyWindow: a county database opens on 汇总 and 设置 only; a folder of two townships' packages is taken
// in from the window; the list says who sent and who did not; the comparison shows each township and the 合计
// recomputed from the counts; a tap on a township's 办结率 lists the items behind it.
func TestCountyWindow(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	packages := filepath.Join(dir, "报送包")
	var closed [2]int
	if err := os.MkdirAll(packages, 0o755); err != nil {
		t.Fatal(err)
	}
	for i, town := range []struct{ name, code string }{{"青山镇", "510822101"}, {"白水镇", "510822102"}} {
		db, err := store.Open(filepath.Join(dir, town.code+".db"))
		if err != nil {
			t.Fatal(err)
		}
		db.Now = func() time.Time { return time.Date(2026, 1, 20, 9, i, 0, 0, time.Local) }
		if _, err := db.GenerateDemo(ctx, store.DemoOptions{Seed: int64(i + 1), Today: "2026-01-20", Township: town.name, Code: town.code, Size: 0.4}); err != nil {
			t.Fatal(err)
		}
		p, err := db.MakePackage(ctx, "2025-01-01", "2025-12-31", "2025-12-31")
		if err != nil {
			t.Fatal(err)
		}
		closed[i] = p.Report.Figures.All.Closed
		if err := store.WritePackage(p, filepath.Join(packages, p.FileName())); err != nil {
			t.Fatal(err)
		}
		db.Close()
	}
	county := testDB(t, false)
	cs := store.DefaultCountySettings()
	cs.OfficeKind = store.OfficeCounty
	if err := county.SaveCountySettings(ctx, cs); err != nil {
		t.Fatal(err)
	}
	if err := county.AddCountyTownship(ctx, "510822103", "红岩乡", 0); err != nil {
		t.Fatal(err)
	}
	county.Now = func() time.Time { return time.Date(2026, 1, 25, 9, 0, 0, 0, time.Local) }

	d := testDesk(t, county)
	if n := len(d.tabs.Items); n != 2 || d.tabs.Items[0].Text != "汇总" || d.tabs.Items[1].Text != "设置" {
		t.Fatalf("county window tabs: %d, first %q", n, d.tabs.Items[0].Text)
	}
	c := d.county
	if c.year.Selected != "2025年" || !strings.Contains(c.summary.Text, "未报送 1 个：红岩乡") {
		t.Errorf("before: %s %q", c.year.Selected, c.summary.Text)
	}
	c.merge([]string{packages})
	waitFor(t, "the packages merged", func() bool { return strings.Contains(c.summary.Text, "已报送 2 个") })
	if got := c.townCell(0, 2) + " " + c.townCell(2, 2); got != "已报送 未报送" {
		t.Errorf("states %q", got)
	}
	if n := c.compareRows(); n != 3 {
		t.Fatalf("comparison rows %d, want 2 townships and 合计", n)
	}
	total := c.compareRow(2)
	if total.Name != "合计" || total.Closed != closed[0]+closed[1] {
		t.Errorf("合计 %+v, closed %v", total, closed)
	}
	if want := (store.Rate{Num: total.Closed, Den: total.Handed}).Percent(1); countyCompareColumns[3].text(total, 1) != want {
		t.Errorf("合计办结率 %s, want %s", countyCompareColumns[3].text(total, 1), want)
	}
	c.drill(1, 3) // 白水镇 · 办结率
	if len(c.shown) != closed[1] || closed[1] == 0 {
		t.Errorf("drill-down lists %d items, 白水镇 closed %d", len(c.shown), closed[1])
	}
	for _, it := range c.shown {
		if it.AsOf.State != store.StateClosed {
			t.Errorf("item %s listed as closed is %s", it.Number, it.AsOf.State)
		}
	}
	row := c.compareRow(0)
	for col, want := range map[int]int{9: row.Presidium, 10: row.Stations, 12: row.Deputies, 13: row.CountyDeputies} {
		c.shownLines = nil
		c.drill(0, col)
		if len(c.shownLines) != want || want == 0 {
			t.Errorf("%s of 青山镇: %d lines listed, the table says %d", countyCompareColumns[col].title, len(c.shownLines), want)
		}
	}
}

// TestReportWritesPackage: 报表 → 生成报送包 writes the package and its workbook and keeps both in the 报送存档.
func TestReportWritesPackage(t *testing.T) {
	d := reportTestDesk(t, false)
	r := reportOpen(t, d)
	dir := t.TempDir()
	r.writePackage(dir)
	for end := time.Now().Add(2 * time.Minute); r.exported.Load() == 0; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatal("the package was not written")
		}
	}
	if len(r.written) != 2 || filepath.Ext(r.written[0]) != store.PackageExt || filepath.Ext(r.written[1]) != ".xlsx" {
		t.Fatalf("written %v", r.written)
	}
	p, err := store.ReadPackage(r.written[0])
	if err != nil {
		t.Fatal(err)
	}
	if p.Manifest.Township != "青山镇" || p.Manifest.From != "2024-01-01" {
		t.Errorf("manifest %+v", p.Manifest)
	}
	versions, err := d.db.ReportVersions(d.ctx, store.ReportVersionFilter{})
	if err != nil || len(versions) != 1 || !strings.Contains(versions[0].FileNames(), store.PackageExt) {
		t.Errorf("报送存档 %v %v", versions, err)
	}
}

// TestSettingsCounty: 设置 → 报送与汇总 names a bad code and stores a good one and the office's kind.
func TestSettingsCounty(t *testing.T) {
	d := testDesk(t, testDB(t, false))
	showSettingsSection(t, d, "报送与汇总")
	c := d.settings.county
	if c.kind.Selected != store.OfficeTownship {
		t.Fatalf("a new database is %q", c.kind.Selected)
	}
	c.code.SetText("51 08")
	if err := c.pane.check(); err == nil || !strings.Contains(err.Error(), "乡镇代码") {
		t.Errorf("bad code: %v", err)
	}
	c.code.SetText("510822102")
	c.kind.SetSelected(store.OfficeCounty)
	if err := c.save(); err != nil {
		t.Fatal(err)
	}
	cs, err := d.db.CountySettings(d.ctx)
	if err != nil || cs.TownshipCode != "510822102" || !cs.IsCounty() {
		t.Errorf("stored %+v %v", cs, err)
	}
}

// TestFirstRunCounty: choosing 县(区)人大常委会 at the first run (blank start) turns the window into 汇总 and 设置.
func TestFirstRunCounty(t *testing.T) {
	d := testDesk(t, testDB(t, false))
	d.startCounty("青川县人大常委会", false)
	if n := len(d.tabs.Items); n != 2 || d.tabs.Selected().Text != "汇总" {
		t.Fatalf("tabs %d, selected %q", n, d.tabs.Selected().Text)
	}
	cs, _ := d.db.CountySettings(d.ctx)
	s, _ := d.db.Settings(d.ctx)
	if !cs.IsCounty() || s.OfficeName != "青川县人大常委会" || s.TownWord != "乡镇" || !s.Initialized {
		t.Errorf("settings %+v %+v", cs, s)
	}
	if !strings.Contains(d.county.summary.Text, "还没有导入报送包") {
		t.Errorf("summary %q", d.county.summary.Text)
	}
}
