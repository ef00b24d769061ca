package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// formField is the input labelled label in the widget.Form of dialog o.
func formField[W any](t *testing.T, o fyne.CanvasObject, label string) W {
	t.Helper()
	var found fyne.CanvasObject
	walk(o, func(c fyne.CanvasObject) {
		if f, ok := c.(*widget.Form); ok {
			for _, it := range f.Items {
				if it.Text == label && found == nil {
					found = it.Widget
				}
			}
		}
	})
	w, ok := found.(W)
	if !ok {
		t.Fatalf("no field %q in the dialog", label)
	}
	return w
}

// TestLivelihoodChecksInThePane adds a 督查 to a project in its 督查 section, is told what is wrong with a
// progress of 120 and an empty finding, changes the visit and removes it; the list and the history follow.
func TestLivelihoodChecksInThePane(t *testing.T) {
	db := testDB(t, false)
	ctx := t.Context()
	x := store.LivelihoodProject{Year: 2024, Kind: store.ProjectLivelihood, Name: "青山村至河东村道路硬化", Status: store.ProjectUnderway}
	if err := db.SaveLivelihoodProject(ctx, &x); err != nil {
		t.Fatal(err)
	}
	d := testDesk(t, db)
	p := d.super.projects
	d.showTab(d.super.content)
	d.super.pages.SelectIndex(3)
	p.open(x, nil, nil)
	p.sections.SelectIndex(1)
	test.Tap(findButton(p.detail, "添加督查"))
	dlg := topDialog(t, d)
	formField[*dateEntry](t, dlg, "督查日期").SetText("2024-09-12")
	test.Type(formField[*textEntry](t, dlg, "进度(%)"), "120")
	test.Tap(findButton(dlg, "保存"))
	if text := labelText(dlg); !strings.Contains(text, "督查第1次发现的问题和进展不能为空") || !strings.Contains(text, "进度应在0到100之间(现为120)") {
		t.Fatalf("the dialog says %q", text)
	}
	superShot(t, d, "check-dialog-errors")
	progress := formField[*textEntry](t, dlg, "进度(%)")
	progress.SetText("60")
	test.Type(formField[*textEntry](t, dlg, "发现的问题和进展"), "路基已完成，资金拨付需加快")
	test.Tap(findButton(dlg, "保存"))
	want := "2024-09-12　镇人大主席团督查组　进度60%　路基已完成，资金拨付需加快"
	superShot(t, d, "checks-section")
	if len(p.checkLines) != 1 || p.checkLines[0] != want || p.sections.SelectedIndex() != 1 {
		t.Fatalf("the 督查 section lists %q on page %d", p.checkLines, p.sections.SelectedIndex())
	}
	if got := p.list.total; got != 1 {
		t.Fatalf("the list has %d projects", got)
	}
	if fresh, _ := db.LivelihoodProject(ctx, x.ID); fresh.Checks != 1 {
		t.Fatalf("the project counts %d 督查", fresh.Checks)
	}

	// Change it: another group, 80%.
	var list *widget.List
	walk(p.detail, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.List); ok {
			list = l
		}
	})
	list.Select(0)
	dlg = topDialog(t, d)
	who := formField[*textEntry](t, dlg, "督查人员")
	who.SetText("县人大代表视察组")
	formField[*textEntry](t, dlg, "进度(%)").SetText("80")
	test.Tap(findButton(dlg, "保存"))
	if len(p.checkLines) != 1 || !strings.Contains(p.checkLines[0], "县人大代表视察组　进度80%") {
		t.Fatalf("after the change the section lists %q", p.checkLines)
	}
	hs, _, err := db.History(ctx, store.HistoryFilter{Entity: "livelihood", EntityID: x.ID})
	if err != nil || len(hs) == 0 || !strings.Contains(hs[0].Changes, "县人大代表视察组　进度80%") {
		t.Fatalf("history %+v, %v", hs, err)
	}

	// Remove it.
	walk(p.detail, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.List); ok {
			list = l
		}
	})
	list.Select(0)
	test.Tap(findButton(topDialog(t, d), "删除"))
	test.Tap(dialogButton(t, d, "是"))
	if len(p.checkLines) != 0 {
		t.Fatalf("after 删除 the section lists %q", p.checkLines)
	}
	if ks, _ := db.LivelihoodChecks(ctx, x.ID); len(ks) != 0 {
		t.Fatalf("%d 督查 left in the store", len(ks))
	}
}
