package ui

import (
	"strings"
	"testing"

	"rendadesk/store"
)

// A record saved under a filter that hides it is still shown selected in its list: the filter is cleared
// and the status line says so. A record the filter shows keeps the filter.
func TestSavedRecordStaysInTheList(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.items
	d.tabs.Select(tab.tabItem())
	tab.filters.state.SetSelected(store.StateClosed)
	closed := tab.list.total
	x := store.Suggestion{Kind: store.KindVoter, Period: store.PeriodRecess, Source: tab.sources[0], VoterName: "李大娘",
		Title: "关于增设公交站台的意见", Category: tab.categories[0], Scope: store.LevelTown, Received: testToday, Priority: "一般"}
	if err := d.db.SaveSuggestion(d.ctx, &x); err != nil {
		t.Fatal(err)
	}
	// What 保存 does after registering: read the list again and show the item.
	tab.list.reload()
	tab.show(x)
	if tab.filters.state.Selected != "" || tab.filter.States != nil {
		t.Errorf("the 状态 filter still says %q", tab.filters.state.Selected)
	}
	if sel := selectedItem(t, tab.list); sel.ID != x.ID {
		t.Fatalf("the list has %s selected, want the new %s", sel.Number, x.Number)
	}
	if tab.list.total <= closed || !strings.Contains(tab.list.status.Text, "已清除筛选条件，以显示「"+x.Number+"」") {
		t.Errorf("status %q (list of %d)", tab.list.status.Text, tab.list.total)
	}

	// Shown by the filter: it stays.
	tab.filters.state.SetSelected(store.StatePending)
	tab.list.reload()
	tab.show(x)
	if tab.filters.state.Selected != store.StatePending || selectedItem(t, tab.list).ID != x.ID {
		t.Errorf("filter %q, selected %v", tab.filters.state.Selected, selectedItem(t, tab.list).Number)
	}
	if strings.Contains(tab.list.status.Text, "已清除") {
		t.Errorf("status %q", tab.list.status.Text)
	}
}

// A deputy opened from another tab is selected in 代表, which opens on those in office.
func TestDeputyOpenedElsewhereIsSelected(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	vacant, _, err := d.db.Deputies(d.ctx, store.DeputyFilter{Status: store.DeputyVacant, Limit: 1})
	if err != nil || len(vacant) == 0 {
		t.Fatalf("no vacant seat in the demo: %v", err)
	}
	tab := d.deputies
	d.tabs.SelectIndex(1)
	tab.show(vacant[0])
	if tab.filters.status.Selected != "" || selectedItem(t, tab.list).ID != vacant[0].ID {
		t.Fatalf("状态 %q; selected %s, want %s", tab.filters.status.Selected, selectedItem(t, tab.list).Name, vacant[0].Name)
	}
	if !strings.Contains(tab.list.status.Text, "代表「"+vacant[0].Name+"」") {
		t.Errorf("status %q", tab.list.status.Text)
	}
}
