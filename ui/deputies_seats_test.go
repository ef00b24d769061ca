package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// seatLines reads the form's 当选日期: 「镇级 2021-12-01」 per line.
func seatLines(p *formPane) []string {
	var out []string
	walk(p.byLabel["当选日期"], func(o fyne.CanvasObject) {
		if e, ok := o.(*dateEntry); ok {
			out = append(out, e.Text)
		}
	})
	return out
}

// The deputy form shows one 当选日期 per level ticked, filled with the chosen term's start until the clerk types
// another (a by-election), and saves them.
func TestDeputyFormSeatDates(t *testing.T) {
	db := testDB(t, false)
	term := store.Term{Number: 18, Start: "2021-12-01", Current: true}
	if err := db.SaveTerm(t.Context(), &term); err != nil {
		t.Fatal(err)
	}
	d := testDesk(t, db)
	tab := d.deputies
	tab.newRecord()
	p := tab.pane
	if got := strings.Join(seatLines(p), ","); got != string(testToday) {
		t.Fatalf("a new deputy without a term: %q, want today %s", got, testToday)
	}
	levels := p.byLabel["代表层级"].(*widget.CheckGroup)
	levels.SetSelected([]string{"镇级", "县级"})
	p.byLabel["届次"].(*widget.Select).SetSelected(term.Name())
	if got := strings.Join(seatLines(p), ","); got != "2021-12-01,2021-12-01" {
		t.Fatalf("two levels of the 18th term: %q", got)
	}
	// The county seat came with a by-election.
	var county *dateEntry
	walk(p.byLabel["当选日期"], func(o fyne.CanvasObject) {
		if e, ok := o.(*dateEntry); ok {
			county = e
		}
	})
	county.SetText("")
	test.Type(county, "2023年3月5日")
	test.Type(p.byLabel["姓名"].(*textEntry), "吴补选")
	p.form.OnSubmit()
	ds, _, err := db.Deputies(d.ctx, store.DeputyFilter{Query: "吴补选"})
	if err != nil || len(ds) != 1 {
		t.Fatalf("saved %v (%v); form says %q", ds, err, p.msg.Text)
	}
	if ds[0].Start(store.LevelTown) != "2021-12-01" || ds[0].Start(store.LevelCounty) != "2023-03-05" {
		t.Fatalf("saved seats %v", ds[0].Seats)
	}
	// Shown again, the dates are the saved ones; a date after the 出缺日期 is refused with the field named.
	tab.show(ds[0])
	p = tab.pane
	if got := strings.Join(seatLines(p), ","); got != "2021-12-01,2023-03-05" {
		t.Fatalf("shown again: %q", got)
	}
	p.byLabel["状态"].(*widget.Select).SetSelected(store.DeputyVacant)
	p.byLabel["出缺原因"].(*widget.Select).SetSelected("调离")
	p.byLabel["出缺日期"].(*dateEntry).SetText("2022-06-30")
	p.form.OnSubmit()
	if !strings.Contains(p.msg.Text, "当选日期(县级)") || !strings.Contains(p.msg.Text, "应早于出缺日期(2022年6月30日)") {
		t.Fatalf("message %q", p.msg.Text)
	}
}
