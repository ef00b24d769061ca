package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// The 值班与接待日 section lists the month's duty days of the station, flags a past duty day without a
// reception record until one is entered, and makes a month's schedule from the rules.
func TestStationDutySection(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.stations
	d.tabs.SelectIndex(2)
	ctx := d.ctx
	// A station with a November duty day that passed without a record.
	missed, err := d.db.DutyDays(ctx, store.DutyFilter{From: "2024-11-01", To: "2024-11-30", Kind: store.DutyKindStation, Missed: true, Today: testToday})
	if err != nil || len(missed) == 0 {
		t.Fatalf("the demo has no missed duty day in November 2024 (%v)", err)
	}
	day := missed[0]
	st, err := d.db.Station(ctx, day.StationID)
	if err != nil {
		t.Fatal(err)
	}
	tab.show(st)
	tab.sections.SelectIndex(3)
	page := tab.sections.Items[3].Content
	text := labelText(page)
	if !strings.Contains(text, "2024年11月共") || !strings.Contains(text, string(day.Date)) || !strings.Contains(text, "【未见接待记录】") {
		t.Fatalf("the section shows %q", text)
	}
	flags := strings.Count(text, "【未见接待记录】")

	// A reception entered for that day clears its flag.
	r := store.Reception{StationID: st.ID, Date: day.Date, Voters: 2, DeputyIDs: []int64{day.DeputyID}}
	if err := d.db.SaveReception(ctx, &r); err != nil {
		t.Fatal(err)
	}
	tab.receptionsChanged()
	if got := strings.Count(labelText(page), "【未见接待记录】"); got != flags-1 {
		t.Errorf("%d flags after the record, had %d", got, flags)
	}

	// Generating a month that has a schedule is refused unless the clerk asks to replace it.
	tab.duty.pick.SetSelected("2024年12月")
	test.Tap(findButton(page, "按规则生成"))
	dlg := topDialog(t, d)
	test.Tap(findButton(dlg, "确定"))
	if d.win.Canvas().Overlays().Top() != dlg || !strings.Contains(labelText(dlg), "重新生成") {
		t.Fatalf("generating over a schedule: %q", labelText(dlg))
	}
	walk(dlg, func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok {
			c.SetChecked(true)
		}
	})
	test.Tap(findButton(dlg, "确定"))
	if d.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the dialog stayed open: %q", labelText(dlg))
	}
	dec, _ := d.db.DutyDays(ctx, store.DutyFilter{From: "2024-12-01", To: "2024-12-31", StationID: st.ID})
	if len(dec) == 0 || !strings.Contains(labelText(page), fmt.Sprintf("2024年12月共 %d 个值班和接待日", len(dec))) {
		t.Errorf("after generating December the section shows %q (store: %d days)", labelText(page), len(dec))
	}
	// 周一, the weekday offered first; the demo has no holidays in December 2024 to move a day.
	for _, dd := range dec {
		if dd.Kind == store.DutyKindStation && dd.Date.Weekday() != time.Monday {
			t.Errorf("a duty day on %s (%s), not a Monday", dd.Date, dd.Date.Weekday())
		}
	}
}

// A reception rule added in the window: a market-day rule read from 「逢三、六、九」, refused without a name.
func TestReceptionRuleDialog(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.stations
	st, _ := tab.list.item(0)
	tab.show(st)
	before, _ := d.db.ReceptionRules(d.ctx)
	loaded := false
	tab.ruleDialog(store.ReceptionRule{Kind: store.RuleWeekly, Weekday: 1, Active: true}, func() { loaded = true })
	dlg := topDialog(t, d)
	wfField[*widget.Select](t, dlg, "方式").SetSelected(store.RuleMarket)
	wfField[*textEntry](t, dlg, "赶集日").SetText("逢三、六、九")
	wfField[*textEntry](t, dlg, "地点").SetText("镇人大办公室")
	test.Tap(findButton(dlg, "确定"))
	var form *fieldForm
	walk(dlg, func(o fyne.CanvasObject) {
		if f, ok := o.(*fieldForm); ok && form == nil {
			form = f
		}
	})
	if form == nil {
		t.Fatal("the rule dialog has no form")
	}
	if !strings.Contains(form.message("名称"), "名称") || loaded {
		t.Fatalf("a rule without a name: %q, under 名称 %q", labelText(dlg), form.message("名称"))
	}
	wfField[*textEntry](t, dlg, "名称").SetText("赶集日接待")
	test.Tap(findButton(dlg, "确定"))
	after, _ := d.db.ReceptionRules(d.ctx)
	if len(after) != len(before)+1 || !loaded {
		t.Fatalf("%d rules after, had %d: %q", len(after), len(before), labelText(dlg))
	}
	for _, r := range after {
		if r.Name == "赶集日接待" && (r.MarketDays != "3,6,9" || r.Describe() != "逢三、六、九赶集日" || r.Place != "镇人大办公室") {
			t.Errorf("saved %+v", r)
		}
	}
}
