package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// settingsUnits lists the handling units with a form for the chosen one.
type settingsUnits struct {
	t       *settingsTab
	list    *recordList[store.Unit]
	current store.Unit
	pane    *formPane
	detail  *fyne.Container
	content fyne.CanvasObject
}

func newSettingsUnits(t *settingsTab) *settingsUnits {
	u := &settingsUnits{t: t}
	cols := []column[store.Unit]{
		{"单位名称", 190, "", func(x store.Unit) string { return x.Name }},
		{"单位类型", 100, "", func(x store.Unit) string { return x.Kind }},
		{"联系人", 80, "", func(x store.Unit) string { return x.Contact }},
		{"联系电话", 120, "", func(x store.Unit) string { return x.Phone }},
	}
	u.list = newRecordList(cols, func(offset, limit int, _ string, _ bool) ([]store.Unit, int, error) {
		all, err := t.d.db.Units(t.d.ctx)
		return settingsPage(all, offset, limit), len(all), err
	}, u.show)
	u.detail = container.NewStack(emptyDetail("在左侧选择一个承办单位，或点「新增」"))
	u.content = settingsSection(u.newRecord, u.remove, u.list.table, u.list.status, u.detail)
	return u
}

// reload re-reads the list; reset also empties the form (the record may be gone).
func (u *settingsUnits) reload(reset bool) {
	u.list.reload()
	if reset {
		u.current = store.Unit{}
		u.detail.Objects = []fyne.CanvasObject{emptyDetail("在左侧选择一个承办单位，或点「新增」")}
		u.detail.Refresh()
	}
}

func (u *settingsUnits) newRecord() { u.show(store.Unit{}) }

func (u *settingsUnits) remove() {
	if u.current.ID == 0 {
		u.t.d.showError(errors.New("请先在列表中选择要删除的承办单位"))
		return
	}
	cur := u.current
	u.t.d.confirmDelete("承办单位", cur.Name, func() error {
		if err := u.t.d.db.DeleteUnit(u.t.d.ctx, cur.ID); err != nil {
			return err
		}
		u.reload(true)
		u.t.changed()
		return nil
	})
}

// show puts a unit's form in the pane; 保存 creates or updates it.
func (u *settingsUnits) show(x store.Unit) {
	db, ctx := u.t.d.db, u.t.d.ctx
	u.current = x
	name := requiredEntry("单位名称")
	name.SetText(x.Name)
	kinds, err := db.Dict(ctx, store.DictUnitKind)
	if err != nil {
		u.t.d.showError(err)
	}
	kind := selectWith(settingsWithValue(kinds, x.Kind), false)
	kind.SetSelected(x.Kind)
	contact, phone := widget.NewEntry(), widget.NewEntry()
	contact.SetText(x.Contact)
	phone.SetText(x.Phone)
	notes := multiline(3)
	notes.SetText(x.Notes)
	pane := newFormPane([]*widget.FormItem{
		widget.NewFormItem("单位名称", name),
		widget.NewFormItem("单位类型", kind),
		widget.NewFormItem("联系人", contact),
		widget.NewFormItem("联系电话", phone),
		widget.NewFormItem("备注", notes),
	}, func() error {
		y := x
		y.Name, y.Kind, y.Contact = name.Text, kind.Selected, strings.TrimSpace(contact.Text)
		y.Phone, y.Notes = strings.TrimSpace(phone.Text), notes.Text
		if err := db.SaveUnit(ctx, &y); err != nil {
			return err
		}
		u.list.reload()
		u.show(y)
		u.pane.showInfo("已保存")
		u.t.changed()
		return nil
	})
	if x.ID == 0 {
		pane.title.SetText("新增承办单位")
	} else {
		pane.title.SetText(x.Name)
	}
	pane.first = name
	u.pane = pane
	u.detail.Objects = []fyne.CanvasObject{pane.content}
	u.detail.Refresh()
}
