package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// settingsCounty is 设置 → 报送与汇总 (issue 19): what this office is — a township's presidium that sends a
// package each period, or a county's standing committee that merges them — the township's code in the
// county's list, and whether the deputies' phone numbers go into the package.
type settingsCounty struct {
	t       *settingsTab
	kind    *widget.Select
	code    *textEntry
	phones  *widget.Check
	pane    *formPane
	content fyne.CanvasObject
}

func newSettingsCounty(t *settingsTab) *settingsCounty {
	c := &settingsCounty{t: t}
	c.kind = newSelect(store.OfficeKinds, nil)
	c.code = newTextEntry()
	c.code.SetPlaceHolder("行政区划代码，如 510822102(县里按它认出本乡镇)")
	c.phones = widget.NewCheck("报送包中包括代表的联系电话(默认不包括)", nil)
	c.pane = newFormPane([]*widget.FormItem{
		widget.NewFormItem("本单位是", c.kind),
		widget.NewFormItem("乡镇代码", c.code),
		widget.NewFormItem("代表电话", c.phones),
	}, c.save)
	c.pane.title.SetText("报送与汇总")
	c.pane.check = func() error {
		s := c.build()
		return s.Validate()
	}
	edited := func(string) { c.pane.clear() }
	c.kind.OnChanged, c.code.OnChanged = edited, edited
	c.phones.OnChanged = func(bool) { c.pane.clear() }
	c.pane.first = c.code
	note := reportHint("乡镇人大：在「报表」中生成报送包，交县人大。县(区)人大常委会：窗口只有「汇总」和「设置」，导入各乡镇的报送包并汇总。" +
		"改变单位类型后，重新打开程序生效。")
	note.Wrapping = fyne.TextWrapWord
	c.content = container.NewBorder(nil, note, nil, nil, c.pane.content)
	c.pane.track(t.d, formCounty, "county", nil, func() string { return "设置「报送与汇总」" }, func() { t.showSection(c.content) })
	return c
}

// load fills the form from the stored settings.
func (c *settingsCounty) load() {
	s, err := c.t.d.db.CountySettings(c.t.d.ctx)
	if err != nil {
		c.pane.showError(err)
		return
	}
	c.pane.clear()
	c.kind.SetSelected(s.OfficeKind)
	c.code.SetText(s.TownshipCode)
	c.phones.SetChecked(s.PackagePhones)
	c.pane.state.reset()
}

func (c *settingsCounty) build() store.CountySettings {
	return store.CountySettings{OfficeKind: c.kind.Selected, TownshipCode: strings.TrimSpace(c.code.Text), PackagePhones: c.phones.Checked}
}

// save stores the settings; a change of the office's kind takes effect when the program is opened again.
func (c *settingsCounty) save() error {
	old, err := c.t.d.db.CountySettings(c.t.d.ctx)
	if err != nil {
		return err
	}
	s := c.build()
	if err := c.t.d.db.SaveCountySettings(c.t.d.ctx, s); err != nil {
		return err
	}
	c.load()
	if old.OfficeKind != s.OfficeKind {
		c.pane.showInfo("已保存。请关闭并重新打开程序，窗口将按「" + s.OfficeKind + "」显示")
		return nil
	}
	c.pane.showInfo("已保存")
	return nil
}
