package ui

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// A quarter's cards with two opinions, one naming a deputy not on the roll (refused, naming them); an opinion
// turned into a suggestion the deputy leads; a bulletin numbered after the year's last.
func TestCardsAndBulletins(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	deps, _, _ := d.db.Deputies(d.ctx, store.DeputyFilter{Limit: 1})
	dep := deps[0]
	d.tabs.SelectIndex(1)
	test.Tap(findButton(d.deputies.content, "意见卡与通报"))
	dlg := topDialog(t, d)
	before, _ := d.db.OpinionCards(d.ctx, 0)

	test.Tap(findButton(dlg, "登记一批征求意见卡"))
	form := topDialog(t, d)
	// A quarter the demo has no cards for.
	wfField[*dateEntry](t, form, "发放日期").SetText("2020-05-10")
	wfField[*widget.Select](t, form, "季度").SetSelected("第二季度")
	wfField[*textEntry](t, form, "发放(张)").SetText("40")
	wfField[*textEntry](t, form, "收回(张)").SetText("35")
	items := wfField[*textEntry](t, form, "意见")
	items.SetText("无此人：修缮村小学围墙\n" + dep.Name + "：增设村口减速带")
	test.Tap(findButton(form, "确定"))
	if !strings.Contains(labelText(form), "代表「无此人」不在代表名册中") {
		t.Fatalf("an unknown deputy: %q", labelText(form))
	}
	items.SetText(dep.Name + "：增设村口减速带\n村民普遍希望增加公交班次")
	test.Tap(findButton(form, "确定"))
	cards, _ := d.db.OpinionCards(d.ctx, 0)
	if len(cards) != len(before)+1 {
		t.Fatalf("%d batches, had %d: %q", len(cards), len(before), labelText(form))
	}
	var card store.OpinionCard
	for _, c := range cards {
		if c.Sent == 40 {
			card = c
		}
	}
	if card.Returned != 35 || len(card.Items) != 2 || card.Items[0].DeputyID != dep.ID || card.Items[1].DeputyID != 0 {
		t.Fatalf("saved %+v", card)
	}

	// 转为建议 on the deputy's opinion: the 建议 form, led by the deputy, from 征求意见卡; saving links it.
	test.Tap(findButton(dlg, "关闭"))
	c := d.deputies.showCardsDialog()
	c.cardForm(card)
	form = topDialog(t, d)
	if findButton(form, "转为建议：村民普遍希望增加公交班次") == nil {
		t.Error("the opinion without a deputy offers no 转为建议")
	}
	test.Tap(findButton(form, "转为建议：增设村口减速带"))
	if d.tabs.Selected().Text != "建议" || d.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("转为建议 left tab %s with a dialog open", d.tabs.Selected().Text)
	}
	ip := d.items.pane.byLabel
	if ip["来源"].(*widget.Select).Selected != store.SourceCard || ip["内容"].(*textEntry).Text != "增设村口减速带" {
		t.Fatalf("the form holds 来源 %q, 内容 %q", ip["来源"].(*widget.Select).Selected, ip["内容"].(*textEntry).Text)
	}
	ip["标题"].(*textEntry).SetText("关于增设村口减速带的建议")
	ip["类别"].(*widget.Select).SetSelected(d.items.categories[0])
	d.items.pane.form.OnSubmit()
	item := d.items.current
	if item.ID == 0 || item.LeadDeputyID != dep.ID {
		t.Fatalf("saved %+v: %s", item, d.items.pane.msg.Text)
	}
	cards, _ = d.db.OpinionCards(d.ctx, card.Year)
	for _, c := range cards {
		if c.ID == card.ID && c.Items[0].SuggestionID != item.ID {
			t.Errorf("the opinion is not linked: %+v", c.Items[0])
		}
	}

	// A bulletin: the number offered is one after the year's last.
	year := testToday.Year()
	next, _ := d.db.NextBulletinNo(d.ctx, year)
	c = d.deputies.showCardsDialog()
	walk(topDialog(t, d), func(o fyne.CanvasObject) {
		if tabs, ok := o.(*container.AppTabs); ok {
			tabs.SelectIndex(1) // 政情通报
		}
	})
	test.Tap(findButton(topDialog(t, d), "登记政情通报"))
	form = topDialog(t, d)
	if got := wfField[*textEntry](t, form, "期号").Text; got != strconv.Itoa(next) {
		t.Errorf("期号 offered %s, want %d", got, next)
	}
	wfField[*textEntry](t, form, "标题").SetText("全镇秋粮收购情况")
	test.Tap(findButton(form, "确定"))
	bs, _ := d.db.Bulletins(d.ctx, year)
	if len(bs) == 0 || bs[0].IssueNo != next || bs[0].Title != "全镇秋粮收购情况" {
		t.Fatalf("bulletins %+v", bs)
	}
	if !strings.Contains(labelText(c.bullList), "全镇秋粮收购情况") {
		t.Error("the list does not show the new bulletin")
	}
}
