package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// 批量修改 changes the group, district, village and station of the ticked deputies and nobody else's, and a
// bad value leaves them all as they were with a message naming the deputy.
func TestDeputiesBulkEdit(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.deputies
	tab.filters.group.SetSelected(tab.groups[0].Name)
	b := tab.bulkEdit()
	if b == nil || len(b.deputies) != tab.list.total || len(b.deputies) < 3 {
		t.Fatalf("the dialog lists %v deputies, the list %d", b, tab.list.total)
	}
	if !b.save.Disabled() {
		t.Error("保存修改 enabled with nobody ticked")
	}
	var checks []*widget.Check
	walk(b.list, func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok && c.Text != "" {
			checks = append(checks, c)
		}
	})
	test.Tap(checks[0])
	test.Tap(checks[1])
	ticked := []store.Deputy{b.deputies[0], b.deputies[1]}
	other := b.deputies[2]
	target := tab.groups[len(tab.groups)-1]
	stations := tab.stationOptions()
	b.group.SetSelected(target.Name)
	b.setDistrict.SetChecked(true)
	b.district.SetText("第99选区")
	b.join.SetSelected(stations[0].Label)
	saveShot(t, d.win, "deputies-bulk")
	test.Tap(b.save)
	if msg := dialogText(d); !strings.Contains(msg, "已修改 2 位代表的信息") {
		t.Fatalf("the window says %q", msg)
	}
	for _, x := range ticked {
		y, _ := d.db.Deputy(d.ctx, x.ID)
		if y.GroupID != target.ID || y.District != "第99选区" || !slices.Contains(y.StationIDs, stations[0].ID) || y.Village != x.Village {
			t.Errorf("%s: group %d district %q stations %v village %q", y.Name, y.GroupID, y.District, y.StationIDs, y.Village)
		}
	}
	if y, _ := d.db.Deputy(d.ctx, other.ID); y.District == "第99选区" || y.GroupID == target.ID && other.GroupID != target.ID {
		t.Errorf("an unticked deputy changed: %+v", y)
	}
	// The list is read again: under the old group's filter the moved deputies are gone.
	if tab.list.total != len(b.deputies)-2 && target.ID != tab.groups[0].ID {
		t.Errorf("the list shows %d after moving 2 of %d out of the group", tab.list.total, len(b.deputies))
	}

	t.Run("ErrNothingWritten", func(t *testing.T) {
		b := tab.bulkEdit()
		b.all.SetChecked(true)
		b.setDistrict.SetChecked(true)
		b.district.SetText(strings.Repeat("很长的选区名", 40))
		test.Tap(b.save)
		if !b.msg.Visible() || !strings.Contains(b.msg.Text, "代表「") {
			t.Fatalf("message %q", b.msg.Text)
		}
		for _, x := range b.deputies {
			if y, _ := d.db.Deputy(d.ctx, x.ID); y.District != x.District {
				t.Fatalf("%s half written: %q", y.Name, y.District)
			}
		}
	})
}
