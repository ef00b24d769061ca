package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestZZLook(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	c := d.win.Canvas()
	d.showTab(d.items.content)
	x := wfPending(t, d)
	d.items.show(x)
	date := d.items.pane.field("收到日期").(*dateEntry)
	test.Tap(date.ActionItem.(*widget.Button))
	t.Logf("open %v top %T focused %T", date.calendarOpen(), c.Overlays().Top(), c.Focused())
	_, ok := lightPopups.Load(c.Overlays().Top())
	t.Logf("registered %v", ok)
}
