package ui

import (
	"testing"

	"fyne.io/fyne/v2/container"
)

// TestTabItemsAreTheWindowsTabs: every tab's tabItem is the item in the window, so that a jump from one tab to
// another (概览's 联系选民不足 → 代表, a card → 建议 …) selects it; a new item per call selected nothing.
func TestTabItemsAreTheWindowsTabs(t *testing.T) {
	d := testDesk(t, testDB(t, false))
	for name, item := range map[string]*container.TabItem{
		"概览": d.overview.tabItem(), "代表": d.deputies.tabItem(), "联络站": d.stations.tabItem(), "建议": d.items.tabItem(),
		"信访": d.petitions.tabItem(), "会议": d.meetings.tabItem(), "监督": d.super.tabItem(), "报表": d.report.tabItem(),
		"设置": d.settings.tabItem(),
	} {
		d.tabs.SelectIndex(0)
		d.tabs.Select(item)
		if got := d.tabs.Selected(); got != item || got.Text != name {
			t.Errorf("selecting %s's item selects %q", name, got.Text)
		}
	}
}

// TestTabsFitTheWindow: no tab is wider or taller than the window opens (1280×720, for the offices' 1366×768
// screens), at the standard text size and at 特大: a tab wider than that widened the window past the screen's
// edge (建议's six filters, 1 372 points; its 打印 button out of sight).
func TestTabsFitTheWindow(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	check := func(d *desk, size string) {
		t.Helper()
		for _, it := range d.tabs.Items {
			if m := d.tabContent(it).MinSize(); m.Width > 1280 || m.Height > 720-48 {
				t.Errorf("%s, text size %s: the tab needs %.0f×%.0f, the window is 1280×720", it.Text, size, m.Width, m.Height)
			}
		}
	}
	check(d, "标准")
	d.settings.display.size.SetSelected("特大")
	big := newDesk(d.app, d.app.NewWindow("特大"), d.db)
	big.loadPending()
	check(big, "特大")
}
