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
