package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// settingsTerms lists the terms (届) with a form for the chosen one.
type settingsTerms struct {
	t       *settingsTab
	list    *recordList[store.Term]
	current store.Term
	pane    *formPane
	detail  *fyne.Container
	content fyne.CanvasObject
}

func newSettingsTerms(t *settingsTab) *settingsTerms {
	m := &settingsTerms{t: t}
	cols := []column[store.Term]{
		{"届次", 100, "", func(x store.Term) string { return x.Name() }},
		{"开始日期", 110, "", func(x store.Term) string { return string(x.Start) }},
		{"结束日期", 110, "", func(x store.Term) string { return string(x.End) }},
		{"本届", 60, "", func(x store.Term) string {
			if x.Current {
				return "是"
			}
			return ""
		}},
	}
	m.list = newRecordList(cols, func(offset, limit int, _ string, _ bool) ([]store.Term, int, error) {
		all, err := t.d.db.Terms(t.d.ctx)
		return settingsPage(all, offset, limit), len(all), err
	}, m.show)
	m.detail = container.NewStack(emptyDetail("在左侧选择一届，或点「新增」"))
	m.content = settingsSection(m.newRecord, m.remove, m.list.table, m.list.status, m.detail)
	return m
}

func (m *settingsTerms) reload(reset bool) {
	m.list.reload()
	if reset {
		m.current = store.Term{}
		m.detail.Objects = []fyne.CanvasObject{emptyDetail("在左侧选择一届，或点「新增」")}
		m.detail.Refresh()
	}
}

// newRecord proposes the term after the newest one.
func (m *settingsTerms) newRecord() {
	x := store.Term{}
	all, err := m.t.d.db.Terms(m.t.d.ctx)
	if err != nil {
		m.t.d.showError(err)
	}
	if len(all) > 0 {
		x.Number = all[0].Number + 1
	}
	m.show(x)
}

func (m *settingsTerms) remove() {
	if m.current.ID == 0 {
		m.t.d.showError(errors.New("请先在列表中选择要删除的届次"))
		return
	}
	cur := m.current
	dialog.ShowConfirm("删除届次",
		fmt.Sprintf("确定要删除「%s」吗？\n这一届的代表和会议记录会保留，只是不再标明届次。\n删除后不能恢复。", cur.Name()),
		func(ok bool) {
			if !ok {
				return
			}
			if err := m.t.d.db.DeleteTerm(m.t.d.ctx, cur.ID); err != nil {
				m.t.d.showError(err)
				return
			}
			m.reload(true)
			m.t.changed()
		}, m.t.d.win)
}

// show puts a term's form in the pane: the number (18 → 第十八届, shown as typed), dates and 本届.
func (m *settingsTerms) show(x store.Term) {
	db, ctx := m.t.d.db, m.t.d.ctx
	m.current = x
	number := intEntry()
	named := widget.NewLabel("")
	number.OnChanged = func(s string) {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			named.SetText("")
			return
		}
		named.SetText(store.Term{Number: n}.Name())
	}
	if x.Number > 0 {
		number.SetText(strconv.Itoa(x.Number))
	}
	number.SetPlaceHolder("如 18(第十八届)")
	start, end := newDateEntry(false), newDateEntry(false)
	start.SetDate(x.Start)
	end.SetDate(x.End)
	current := widget.NewCheck("当前这一届(只能有一届是本届)", nil)
	current.SetChecked(x.Current)
	pane := newFormPane([]*widget.FormItem{
		widget.NewFormItem("届次", number),
		widget.NewFormItem("名称", named),
		widget.NewFormItem("开始日期", start),
		widget.NewFormItem("结束日期", end),
		widget.NewFormItem("本届", current),
	}, func() error {
		y := x
		n, err := strconv.Atoi(strings.TrimSpace(number.Text))
		if err != nil {
			return &store.Error{Code: store.EINVALID, Field: "届次", Message: "届次请填写数字，如 18 表示第十八届"}
		}
		y.Number, y.Start, y.End, y.Current = n, start.Typed(), end.Typed(), current.Checked
		if err := db.SaveTerm(ctx, &y); err != nil {
			return err
		}
		m.list.reload()
		m.show(y)
		m.pane.showInfo("已保存")
		m.t.changed()
		return nil
	})
	if x.ID == 0 {
		pane.title.SetText("新增届次")
	} else {
		pane.title.SetText(x.Name())
	}
	pane.first = number
	m.pane = pane
	m.detail.Objects = []fyne.CanvasObject{pane.content}
	m.detail.Refresh()
}
