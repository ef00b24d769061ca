package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// 设置 → 选区 has 导入 and 导出 beside 新增, and its search box finds a 选区 by number, 片区 or village.
func TestDistrictRegisterSearch(t *testing.T) {
	db := testDB(t, false)
	ctx := t.Context()
	for _, x := range []store.District{{Number: 1, Name: "东片区", Villages: "青山村", Seats: 2},
		{Number: 2, Villages: "河西村、河口村", Seats: 1}, {Number: 12, Name: "北片区", Seats: 1}} {
		if err := db.SaveDistrict(ctx, &x); err != nil {
			t.Fatal(err)
		}
	}
	d := testDesk(t, db)
	m := d.settings.districts
	var buttons []string
	walk(m.tools, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok {
			buttons = append(buttons, b.Text)
		}
	})
	if len(buttons) < 4 || buttons[2] != "导入" || buttons[3] != "导出" {
		t.Errorf("the register's buttons are %q", buttons)
	}
	d.tabs.SelectIndex(8) // 设置
	d.settings.sections.SelectIndex(7)
	saveShot(t, d.win, "district-register")
	for q, want := range map[string]int{"": 3, "河口": 1, "2": 1, "第12选区": 1, "片区": 2, "河东": 0} {
		m.search.OnSearch(q)
		if m.list.total != want {
			t.Errorf("search %q shows %d 选区, want %d", q, m.list.total, want)
		}
	}
}
