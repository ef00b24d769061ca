package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// A deputy's 联系选民 section: the households kept, a visit recorded with two items, the count against the
// norm in the section and the 履职档案, and an item turned into a suggestion the deputy leads.
func TestDeputyVoterContact(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.deputies
	d.tabs.SelectIndex(1)
	// A deputy behind on visits this year (the overview lists them).
	behind, err := d.db.ContactStatuses(d.ctx, testToday, true)
	if err != nil || len(behind) == 0 {
		t.Fatalf("no deputy behind on visits in the demo (%v)", err)
	}
	s := behind[0]
	x, _ := d.db.Deputy(d.ctx, s.DeputyID)
	tab.show(x)
	tab.sections.SelectIndex(5)
	page := tab.sections.Items[5].Content
	if !strings.Contains(labelText(page), "尚差") {
		t.Fatalf("the section does not say the deputy is behind: %q", labelText(page))
	}

	// The households, with a list of voters; a hardship household marked at the end of its line.
	p := tab.contactPane
	p.byLabel["固定联系(户)"].(*textEntry).SetText("12")
	p.byLabel["联系选民"].(*textEntry).SetText("张秀英 河东村 13800001111 困难户\n李四 河西村")
	p.form.OnSubmit()
	c, _ := d.db.VoterContactOf(d.ctx, x.ID)
	if c.Households != 12 || len(c.Voters) != 2 || !c.Voters[0].Hardship || c.Voters[0].Contact != "13800001111" || c.Voters[1].Hardship {
		t.Fatalf("saved %+v", c)
	}

	// Enough visits to catch up, the last with two items.
	for k := s.Visits; k < s.Due; k++ {
		test.Tap(findButton(page, "登记联系选民"))
		dlg := topDialog(t, d)
		wfField[*dateEntry](t, dlg, "日期").SetText(string(testToday.AddDays(-k)))
		wfField[*textEntry](t, dlg, "联系选民(人次)").SetText("6")
		wfField[*textEntry](t, dlg, "反映意见").SetText("村道路灯不亮\n\n灌溉渠淤塞")
		test.Tap(findButton(dlg, "确定"))
		if d.win.Canvas().Overlays().Top() != nil {
			t.Fatalf("the visit dialog stayed open: %q", labelText(dlg))
		}
	}
	if strings.Contains(labelText(page), "尚差") {
		t.Errorf("still behind after the visits: %q", labelText(page))
	}
	rec, _ := d.db.DeputyRecord(d.ctx, x.ID, testToday.Year())
	if rec.Visits != s.Due || rec.VisitsBehind() {
		t.Errorf("the record counts %d visits (due %d)", rec.Visits, s.Due)
	}
	tab.sections.SelectIndex(3)
	if !strings.Contains(labelText(tab.sections.Items[3].Content), "联系选民") {
		t.Errorf("the 履职档案 does not show the contact with voters")
	}

	// An item of the last visit becomes a suggestion the deputy leads.
	visits, _ := d.db.VoterVisits(d.ctx, store.VisitFilter{DeputyID: x.ID, Limit: 1})
	if len(visits) == 0 || len(visits[0].Items) != 2 {
		t.Fatalf("the visit's items: %+v", visits)
	}
	v := visits[0]
	tab.sections.SelectIndex(5)
	tab.visitDialog(x, v)
	dlg := topDialog(t, d)
	test.Tap(findButton(dlg, "转为建议：村道路灯不亮"))
	if d.tabs.Selected().Text != "建议" {
		t.Fatalf("转为建议 left the window on %s", d.tabs.Selected().Text)
	}
	ip := d.items.pane.byLabel
	ip["标题"].(*textEntry).SetText("关于修复村道路灯的建议")
	ip["类别"].(*widget.Select).SetSelected(d.items.categories[0])
	d.items.pane.form.OnSubmit()
	item := d.items.current
	if item.ID == 0 || item.LeadDeputyID != x.ID {
		t.Fatalf("saved %+v: %s", item, d.items.pane.msg.Text)
	}
	visits, _ = d.db.VoterVisits(d.ctx, store.VisitFilter{DeputyID: x.ID, Limit: 1})
	if visits[0].Items[0].SuggestionID != item.ID {
		t.Errorf("the item is not linked to %s: %+v", item.Number, visits[0].Items[0])
	}
}
