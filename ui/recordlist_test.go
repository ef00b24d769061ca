package ui

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// visibleCells are the list cells the table draws now.
func visibleCells(tbl *widget.Table) []*tipLabel {
	var out []*tipLabel
	walk(tbl, func(o fyne.CanvasObject) {
		if c, ok := o.(*tipLabel); ok && c.Visible() && c.Text != "" {
			out = append(out, c)
		}
	})
	return out
}

var dateText = regexp.MustCompile(`^\d{4}-\d{2}(-\d{2})?$`)

// At 特大 the short columns (numbers, dates, states, names) are as wide as what they hold: no 「2026-1…」.
func TestListColumnsFitTheTextSize(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	d.settings.display.size.SetSelected("特大")
	for _, tc := range []struct {
		index int
		table *widget.Table
	}{{3, d.items.list.table}, {1, d.deputies.list.table}, {4, d.meetings.list.table}} {
		d.tabs.SelectIndex(tc.index)
		cells := visibleCells(tc.table)
		if len(cells) < 20 {
			t.Fatalf("%s: %d cells drawn", d.tabs.Items[tc.index].Text, len(cells))
		}
		dates := 0
		for _, c := range cells {
			short := utf8.RuneCountInString(c.Text) <= 7 || dateText.MatchString(c.Text)
			if short && c.truncated() {
				t.Errorf("%s: %q is cut at 特大 (cell %.0f wide)", d.tabs.Items[tc.index].Text, c.Text, c.Size().Width)
			}
			if dateText.MatchString(c.Text) {
				dates++
			}
		}
		if dates == 0 {
			t.Errorf("%s: no date drawn", d.tabs.Items[tc.index].Text)
		}
	}
	d.tabs.SelectIndex(3)
	saveShot(t, d.win, "list-tedai")
}

// 编号, 标题, 状态 and 办理时限 of the 建议 list are in sight beside the detail pane, at 特大 too.
func TestSuggestionEssentialColumnsVisible(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	d.win.Resize(fyne.NewSize(1366, 768))
	d.settings.display.size.SetSelected("特大")
	d.tabs.SelectIndex(3)
	x, _ := d.items.list.item(0)
	d.items.show(x)
	want := map[string]bool{x.Number: false, string(x.Deadline): false, suggestionStateText(x, d.items.rules, testToday): false}
	tbl := d.items.list.table
	right := fyne.CurrentApp().Driver().AbsolutePositionForObject(tbl).X + tbl.Size().Width
	for _, c := range visibleCells(tbl) {
		if _, ok := want[c.Text]; ok {
			end := fyne.CurrentApp().Driver().AbsolutePositionForObject(c).X + c.Size().Width
			want[c.Text] = end <= right+1
		}
	}
	for text, seen := range want {
		if !seen && text != "" {
			t.Errorf("%q is not in sight beside the detail pane", text)
		}
	}
	saveShot(t, d.win, "suggestions-tedai")
}

// A cell too narrow for its text shows the whole of it in a tip on hover, without taking the clicks.
func TestListCellTipShowsFullText(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	d.tabs.SelectIndex(3)
	var long *tipLabel
	for _, c := range visibleCells(d.items.list.table) {
		if c.truncated() {
			long = c
			break
		}
	}
	if long == nil {
		t.Fatal("no cut cell in the 建议 list")
	}
	test.MoveMouse(d.win.Canvas(), fyne.CurrentApp().Driver().AbsolutePositionForObject(long).AddXY(5, 5))
	layer := tableTips[d.items.list.table]
	if layer == nil || !layer.box.Visible() || layer.text.Text != long.Text {
		t.Fatalf("tip %v shows %q, want %q", layer != nil && layer.box.Visible(), layer.text.Text, long.Text)
	}
	saveShot(t, d.win, "list-tip")
	if strings.HasSuffix(layer.text.Text, "…") {
		t.Error("the tip is cut too")
	}
	test.MoveMouse(d.win.Canvas(), fyne.NewPos(5, 5))
	if layer.box.Visible() {
		t.Error("the tip stays after the pointer left")
	}
}

// A filter that brings longer entries into a short column widens it.
func TestListColumnWidensAfterFilter(t *testing.T) {
	_, w := testWindow(t)
	rows := []string{"调研", "视察"}
	l := newRecordList([]column[string]{{"类型", 60, "", func(s string) string { return s }}},
		func(offset, limit int, _ string, _ bool) ([]string, int, error) { return rows, len(rows), nil }, nil)
	w.SetContent(l.view())
	l.reload()
	rows = []string{"人民代表大会会议", "主席团会议"} // the clerk filters by another kind
	l.reload()
	found := false
	for _, c := range visibleCells(l.table) {
		if c.Text == "人民代表大会会议" {
			found = true
			if c.truncated() {
				t.Fatalf("%q cut after filtering (cell %.0f wide)", c.Text, c.Size().Width)
			}
		}
	}
	if !found {
		t.Fatal("no 人民代表大会会议 cell drawn")
	}
}
