package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// The clerk enters a 选区 in 设置 → 选区, picks it on a deputy's town line, and when that deputy leaves the
// 概览 shows the district's vacant seat.
func TestDistrictRegisterAndVacancy(t *testing.T) {
	db := testDB(t, false)
	ctx := t.Context()
	term := store.Term{Number: 18, Start: "2021-12-01", Current: true}
	if err := db.SaveTerm(ctx, &term); err != nil {
		t.Fatal(err)
	}
	d := testDesk(t, db)
	m := d.settings.districts
	m.newRecord()
	p := m.pane
	type texter interface{ SetText(string) } // whatever entry type form.go's helpers make
	p.byLabel["选区编号"].(texter).SetText("3")
	p.byLabel["片区名称"].(texter).SetText("联霞片区")
	p.byLabel["应选代表名额"].(texter).SetText("x")
	p.form.OnSubmit()
	if !strings.Contains(p.msg.Text, "应选代表名额") {
		t.Fatalf("a bad 名额 says %q", p.msg.Text)
	}
	p.byLabel["应选代表名额"].(texter).SetText("1")
	p.form.OnSubmit()
	if m.current.ID == 0 {
		t.Fatalf("not saved: %q", p.msg.Text)
	}

	tab := d.deputies
	tab.newRecord()
	fp := tab.pane
	fp.byLabel["代表层级"].(*widget.CheckGroup).SetSelected([]string{"镇级"})
	fp.byLabel["届次"].(*widget.Select).SetSelected(term.Name())
	var picker *widget.Select
	walk(fp.byLabel["当选日期"], func(o fyne.CanvasObject) {
		if s, ok := o.(*widget.Select); ok && slices.Contains(s.Options, "第3选区(联霞片区)") {
			picker = s
		}
	})
	if picker == nil {
		t.Fatal("the town line offers no 第3选区(联霞片区)")
	}
	picker.SetSelected("第3选区(联霞片区)")
	fp.byLabel["姓名"].(texter).SetText("郑选区")
	fp.form.OnSubmit()
	ds, _, err := db.Deputies(ctx, store.DeputyFilter{Query: "郑选区"})
	if err != nil || len(ds) != 1 || ds[0].District != "第3选区" {
		t.Fatalf("saved %+v (%v); form says %q", ds, err, fp.msg.Text)
	}
	d.overview.refresh()
	if strings.Contains(d.overview.figures.deputies.Text, "缺额") {
		t.Fatalf("概览 shows a vacancy while the seat is held: %q", d.overview.figures.deputies.Text)
	}
	x := ds[0]
	x.Status, x.VacancyReason, x.VacancyDate = store.DeputyVacant, "调离", "2024-10-01"
	if err := db.SaveDeputy(ctx, &x); err != nil {
		t.Fatal(err)
	}
	d.overview.refresh()
	if !strings.Contains(d.overview.figures.deputies.Text, "缺额：第3选区 1名") {
		t.Fatalf("概览 after the deputy left: %q", d.overview.figures.deputies.Text)
	}
}
