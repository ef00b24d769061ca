package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// settingsUnits lists the handling units with a form for the chosen one.
type settingsUnits struct {
	*settingsList[store.Unit]
}

func newSettingsUnits(t *settingsTab) *settingsUnits {
	u := &settingsUnits{&settingsList[store.Unit]{t: t, kind: formUnit, what: "承办单位",
		hint:  "在左侧选择一个承办单位，或点「新增」",
		id:    func(x store.Unit) int64 { return x.ID },
		name:  func(x store.Unit) string { return x.Name },
		all:   func() ([]store.Unit, error) { return t.d.db.Units(t.d.ctx) },
		fresh: func() store.Unit { return store.Unit{} },
		confirm: func(x store.Unit) string {
			return fmt.Sprintf("确定要删除承办单位「%s」吗？\n删除后不能恢复。", x.Name)
		},
		check: t.d.db.CheckDeleteUnit,
		del:   t.d.db.DeleteUnit,
	}}
	u.form = u.unitForm
	u.build([]column[store.Unit]{
		{"单位名称", 190, "", func(x store.Unit) string { return x.Name }},
		{"单位类型", 100, "", func(x store.Unit) string { return x.Kind }},
		{"联系人", 80, "", func(x store.Unit) string { return x.Contact }},
		{"联系电话", 120, "", func(x store.Unit) string { return x.Phone }},
	})
	return u
}

// unitForm is the form of a unit; 保存 creates or updates it.
func (u *settingsUnits) unitForm(x store.Unit) *formPane {
	db, ctx := u.t.d.db, u.t.d.ctx
	name := requiredEntry("单位名称")
	name.SetText(x.Name)
	kinds, err := db.Dict(ctx, store.DictUnitKind)
	if err != nil {
		u.t.d.showError(err)
	}
	kind := selectWith(settingsWithValue(kinds, x.Kind), false)
	kind.SetSelected(x.Kind)
	contact, phone := newTextEntry(), newTextEntry()
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
	}, nil)
	build := func() store.Unit {
		y := x
		y.Name, y.Kind, y.Contact = name.Text, kind.Selected, strings.TrimSpace(contact.Text)
		y.Phone, y.Notes = strings.TrimSpace(phone.Text), notes.Text
		return y
	}
	pane.check = func() error { y := build(); return y.Validate() }
	pane.require(store.Required(&store.Unit{}))
	pane.onSave = func() error {
		y := build()
		if err := db.SaveUnit(ctx, &y); err != nil {
			return err
		}
		u.saved(y)
		return nil
	}
	if x.ID == 0 {
		pane.title.SetText("新增承办单位")
	} else {
		pane.title.SetText(x.Name)
	}
	pane.first = name
	return pane
}
