package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// settingsOffice is the form over the office's names and counting rules. The deadline rules and the holiday
// calendar are kept as stored (they have their own sections).
type settingsOffice struct {
	t                              *settingsTab
	office, township, upper, clerk *textEntry
	townWord, upperWord, bodyWord  *widget.SelectEntry
	precision, numbering           *widget.Select
	satisfiedBasic                 *widget.Check
	pane                           *formPane
	content                        fyne.CanvasObject
}

// settingsPrecisions are the choices of 百分比小数位数, index = number of decimals.
var settingsPrecisions = []string{"0位(如 85%)", "1位(如 85.3%)", "2位(如 85.27%)", "3位(如 85.273%)"}

// settingsNumberings maps the 编号方式 choices to their stored codes.
var settingsNumberings = []struct{ code, label string }{
	{"year", "按年度(如 2024-012)"},
	{"session", "按会次(如 十八届三次-012)"},
}

func newSettingsOffice(t *settingsTab) *settingsOffice {
	o := &settingsOffice{t: t}
	o.office = requiredEntry("单位名称")
	o.office.SetPlaceHolder("例如：青山镇人大主席团")
	o.township = newTextEntry()
	o.township.SetPlaceHolder("例如：青山镇")
	o.upper = newTextEntry()
	o.upper.SetPlaceHolder("例如：青川县人大常委会")
	o.clerk = newTextEntry()
	o.clerk.SetPlaceHolder("报表上署名的制表人")
	o.townWord = widget.NewSelectEntry([]string{"镇", "乡", "街道"})
	o.upperWord = widget.NewSelectEntry([]string{"县", "区"})
	o.bodyWord = widget.NewSelectEntry([]string{"主席团", "人大工委"})
	o.precision = newSelect(settingsPrecisions, nil)
	var numberings []string
	for _, n := range settingsNumberings {
		numberings = append(numberings, n.label)
	}
	o.numbering = newSelect(numberings, nil)
	o.satisfiedBasic = widget.NewCheck("计入基本满意(不勾选则只计满意)", nil)
	o.pane = newFormPane([]*widget.FormItem{
		widget.NewFormItem("单位名称", o.office),
		widget.NewFormItem("乡镇名称", o.township),
		widget.NewFormItem("上级人大名称", o.upper),
		widget.NewFormItem("制表人", o.clerk),
		widget.NewFormItem("乡镇称谓", o.townWord),
		widget.NewFormItem("上级称谓", o.upperWord),
		widget.NewFormItem("机构称谓", o.bodyWord),
		widget.NewFormItem("百分比小数位数", o.precision),
		widget.NewFormItem("满意率含基本满意", o.satisfiedBasic),
		widget.NewFormItem("编号方式", o.numbering),
	}, o.save)
	o.pane.title.SetText("单位信息")
	o.pane.check = func() error {
		s, err := o.build()
		if err != nil {
			return err
		}
		return s.Validate()
	}
	o.pane.require(store.Required(&store.Settings{Initialized: true}))
	// 已保存 (or an old error) goes away as soon as the clerk edits again.
	edited := func(string) { o.pane.clear() }
	for _, e := range []*textEntry{o.office, o.township, o.upper, o.clerk} {
		e.OnChanged = edited
	}
	for _, e := range []*widget.SelectEntry{o.townWord, o.upperWord, o.bodyWord} {
		e.OnChanged = edited
	}
	o.precision.OnChanged, o.numbering.OnChanged = edited, edited
	o.satisfiedBasic.OnChanged = func(bool) { o.pane.clear() }
	o.pane.first = o.office
	o.content = o.pane.content
	o.pane.track(t.d, formOffice, "office", nil, func() string { return "设置「单位信息」" }, func() { t.showSection(o.content) })
	return o
}

// load fills the form from the stored settings.
func (o *settingsOffice) load() {
	s, err := o.t.d.db.Settings(o.t.d.ctx)
	if err != nil {
		o.pane.showError(err)
		return
	}
	o.pane.clear()
	o.office.SetText(s.OfficeName)
	o.township.SetText(s.Township)
	o.upper.SetText(s.UpperCongress)
	o.clerk.SetText(s.ClerkName)
	o.townWord.SetText(s.TownWord)
	o.upperWord.SetText(s.UpperWord)
	o.bodyWord.SetText(s.BodyWord)
	if s.Precision >= 0 && s.Precision < len(settingsPrecisions) {
		o.precision.SetSelected(settingsPrecisions[s.Precision])
	}
	o.satisfiedBasic.SetChecked(s.SatisfiedBasic)
	for _, n := range settingsNumberings {
		if n.code == s.Numbering {
			o.numbering.SetSelected(n.label)
		}
	}
	o.pane.state.reset() // the form holds what is stored
}

// build is the stored settings with what the form holds over them (the fields this form does not show kept).
func (o *settingsOffice) build() (store.Settings, error) {
	s, err := o.t.d.db.Settings(o.t.d.ctx)
	if err != nil {
		return s, err
	}
	s.OfficeName = strings.TrimSpace(o.office.Text)
	s.Township = strings.TrimSpace(o.township.Text)
	s.UpperCongress = strings.TrimSpace(o.upper.Text)
	s.ClerkName = strings.TrimSpace(o.clerk.Text)
	s.TownWord = strings.TrimSpace(o.townWord.Text)
	s.UpperWord = strings.TrimSpace(o.upperWord.Text)
	s.BodyWord = strings.TrimSpace(o.bodyWord.Text)
	s.Precision = slices.Index(settingsPrecisions, o.precision.Selected)
	s.SatisfiedBasic = o.satisfiedBasic.Checked
	s.Numbering = ""
	for _, n := range settingsNumberings {
		if n.label == o.numbering.Selected {
			s.Numbering = n.code
		}
	}
	return s, nil
}

// save stores the form over the stored settings, then retitles the window and refreshes the tabs that print
// the office's names.
func (o *settingsOffice) save() error {
	s, err := o.build()
	if err != nil {
		return err
	}
	if err := o.t.d.db.SaveSettings(o.t.d.ctx, s); err != nil {
		return err
	}
	o.t.d.applySettings()
	o.t.changed()
	o.load()
	o.pane.showInfo("已保存")
	return nil
}
