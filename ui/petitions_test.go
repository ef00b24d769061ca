package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// A letter registered in the 信访 tab goes through its steps from the 办理 page: only the legal steps are
// offered, 转办 fills in the deadline from the working-day calendar, and a case past it shows on 概览.
func TestPetitionStepsInTheWindow(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.petitions
	d.tabs.Select(tab.tabItem())
	tab.newRecord()
	p := tab.pane.byLabel
	p["收到日期"].(*dateEntry).SetText("2024-10-08")
	p["来源渠道"].(*widget.Select).SetSelected(store.ChannelVisit)
	p["事由"].(*textEntry).SetText("反映河东村饮水管道破裂")
	p["信访人"].(*textEntry).SetText("张秀英")

	// A visit without 人次 is refused, naming the field, and nothing is registered.
	tab.pane.form.OnSubmit()
	if tab.current.ID != 0 || !strings.Contains(tab.pane.msg.Text, "来访至少1人次") {
		t.Fatalf("saved %d, message %q", tab.current.ID, tab.pane.msg.Text)
	}
	p["人次"].(*fyne.Container).Objects[0].(*textEntry).SetText("2")
	tab.pane.form.OnSubmit()
	x := tab.current
	if x.ID == 0 || x.State != store.PetitionNew || !strings.HasPrefix(x.Number, "信2024-") {
		t.Fatalf("registered %+v: %s", x, tab.pane.msg.Text)
	}
	handling := tab.sections.Items[1].Content
	tab.sections.SelectIndex(1)
	for _, want := range []string{store.PStepOnSpot, store.PStepRefer} {
		if findButton(handling, want) == nil {
			t.Errorf("a new visit does not offer %s", want)
		}
	}
	if findButton(handling, store.PStepClose) != nil {
		t.Error("a new case offers 办结")
	}

	// 转办 with the deadline left empty: the configured working days from the day.
	test.Tap(findButton(handling, store.PStepRefer))
	dlg := topDialog(t, d)
	wfField[*widget.SelectEntry](t, dlg, "转办单位").SetText("镇城建办")
	wfField[*textEntry](t, dlg, "责任人").SetText("陈工")
	wfField[*dateEntry](t, dlg, "转办日期").SetText("2024-10-09")
	test.Tap(findButton(dlg, "确定"))
	if d.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the 转办 dialog stayed open: %q", labelText(dlg))
	}
	x, _ = d.db.Petition(d.ctx, x.ID)
	rules, _ := d.db.Rules(d.ctx)
	vs, _ := d.db.VoterSettings(d.ctx)
	if x.State != store.PetitionHandling || x.Deadline != vs.PetitionDeadline(rules.Calendar, "2024-10-09") || x.UnitName != "镇城建办" {
		t.Fatalf("after 转办: %s, deadline %s, unit %s", x.State, x.Deadline, x.UnitName)
	}
	// Past its deadline on the test's today (2024-11-30): 逾期 in the list and on 概览.
	if !x.Overdue(testToday) {
		t.Fatalf("deadline %s is not past %s", x.Deadline, testToday)
	}
	handling = tab.sections.Items[1].Content
	if !strings.Contains(labelText(handling), "已超过办结时限") {
		t.Errorf("the 办理 page does not say the case is overdue: %q", labelText(handling))
	}
	d.tabs.SelectIndex(0)
	ov := d.overview
	if !strings.Contains(ov.contact.petitionsHead.Text, "信访逾期未办结") || !containsPetition(ov.contact.petitions, x.ID) {
		t.Errorf("概览 does not list the overdue case: %q", ov.contact.petitionsHead.Text)
	}

	// 答复, 反馈信访人, 办结, each from its button; the timeline lists them.
	d.tabs.Select(tab.tabItem())
	for _, step := range []struct {
		name   string
		fill   func(dlg fyne.CanvasObject)
		wanted string
	}{
		{store.PStepReply, func(dlg fyne.CanvasObject) {
			wfField[*textEntry](t, dlg, "办理结果").SetText("已更换管道，恢复供水")
		}, store.PetitionReplied},
		{store.PStepFeedback, func(dlg fyne.CanvasObject) {}, store.PetitionReplied},
		{store.PStepClose, func(dlg fyne.CanvasObject) {}, store.PetitionClosed},
	} {
		b := findButton(tab.sections.Items[1].Content, step.name)
		if b == nil {
			t.Fatalf("no %s button in state %s", step.name, tab.current.State)
		}
		test.Tap(b)
		dlg := topDialog(t, d)
		step.fill(dlg)
		test.Tap(findButton(dlg, "确定"))
		if d.win.Canvas().Overlays().Top() != nil {
			t.Fatalf("the %s dialog stayed open: %q", step.name, labelText(dlg))
		}
		if tab.current.State != step.wanted {
			t.Fatalf("after %s: %s", step.name, tab.current.State)
		}
	}
	text := labelText(tab.sections.Items[1].Content)
	for _, want := range []string{"办理过程共 5 步", "登记", "转办", "答复", "反馈信访人", "办结", "已办结，没有待办的步骤"} {
		if !strings.Contains(text, want) {
			t.Errorf("the 办理 page lacks %q", want)
		}
	}
	// The printed forms follow the case: 登记表, 转办单 and 反馈单 once it has a reply.
	var labels []string
	for _, c := range d.petitionPrintChoices(tab.current) {
		labels = append(labels, c.label)
	}
	if strings.Join(labels, ",") != "信访登记表,转办单,反馈单" {
		t.Errorf("print choices %v", labels)
	}
}

func containsPetition(ps []store.Petition, id int64) bool {
	for _, p := range ps {
		if p.ID == id {
			return true
		}
	}
	return false
}
