package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// settingsTab is 设置: the office's names and counting rules, the deadline rules, the holiday calendar, the
// dictionaries, the handling units, the terms, the deputy groups, the data file, its backups, and the text
// size. The sections are listed down the left.
type settingsTab struct {
	d         *desk
	sections  *container.AppTabs
	office    *settingsOffice
	deadlines *settingsDeadlines
	holidays  *settingsHolidays
	dict      *settingsDict
	units     *settingsUnits
	terms     *settingsTerms
	groups    *settingsGroups
	file      *settingsFile
	backups   *settingsBackups
	display   *settingsDisplay
	// own is set while a change made in this tab refreshes the window: refresh then keeps the forms the
	// clerk has open here instead of reloading them.
	own bool
}

func newSettingsTab(d *desk) *settingsTab {
	t := &settingsTab{d: d}
	t.office = newSettingsOffice(t)
	t.deadlines = newSettingsDeadlines(t)
	t.holidays = newSettingsHolidays(t)
	t.dict = newSettingsDict(t)
	t.units = newSettingsUnits(t)
	t.terms = newSettingsTerms(t)
	t.groups = newSettingsGroups(t)
	t.file = newSettingsFile(t)
	t.backups = newSettingsBackups(t)
	t.display = newSettingsDisplay(t)
	t.sections = container.NewAppTabs(
		container.NewTabItem("单位信息", t.office.content),
		container.NewTabItem("办理时限", t.deadlines.content),
		container.NewTabItem("节假日", t.holidays.content),
		container.NewTabItem("字典", t.dict.content),
		container.NewTabItem("承办单位", t.units.content),
		container.NewTabItem("届次", t.terms.content),
		container.NewTabItem("代表小组", t.groups.content),
		container.NewTabItem("数据文件", t.file.content),
		container.NewTabItem("备份", t.backups.content),
		container.NewTabItem("显示", t.display.content),
	)
	t.sections.SetTabLocation(container.TabLocationLeading)
	t.sections.OnSelected = func(it *container.TabItem) {
		switch it.Content {
		case t.file.content:
			t.file.update() // the file grows while the clerk works
		case t.backups.content:
			t.backups.reload() // the day's backup is made in the background
		case t.deadlines.content:
			t.deadlines.updateExample() // 「今天」 moves on
		}
	}
	t.refresh()
	return t
}

func (t *settingsTab) tabItem() *container.TabItem { return container.NewTabItem("设置", t.sections) }

// refresh re-reads every section. After a change made elsewhere (demo data, an import) the open forms are
// reloaded too; after a change made here they are kept.
func (t *settingsTab) refresh() {
	if !t.own {
		t.office.load()
		t.deadlines.load()
		t.holidays.reload()
	}
	t.dict.reload()
	t.units.reload(!t.own)
	t.terms.reload(!t.own)
	t.groups.reload(!t.own)
	t.file.update()
	t.backups.reload()
	t.display.load()
}

// changed tells the other tabs that something they show (a dictionary, a unit, a group, the office's names)
// has changed.
func (t *settingsTab) changed() {
	t.own = true
	defer func() { t.own = false }()
	t.d.refreshAll()
}

// settingsSection lays out a list section: 新增 and 删除 on top, the list with its count on the left, the
// form on the right.
func settingsSection(onAdd, onDelete func(), table fyne.CanvasObject, status *widget.Label, detail *fyne.Container) fyne.CanvasObject {
	add := widget.NewButtonWithIcon("新增", theme.ContentAddIcon(), onAdd)
	add.Importance = widget.HighImportance
	del := widget.NewButtonWithIcon("删除", theme.DeleteIcon(), onDelete)
	left := container.NewBorder(nil, status, nil, nil, table)
	split := container.NewHSplit(left, detail)
	split.Offset = 0.5
	return container.NewBorder(container.NewHBox(add, del), nil, nil, nil, split)
}

// settingsPage cuts one page out of a short list already in memory (units, terms, groups), for recordList.
func settingsPage[T any](all []T, offset, limit int) []T {
	if offset >= len(all) {
		return nil
	}
	all = all[offset:]
	if limit > 0 && limit < len(all) {
		all = all[:limit]
	}
	return all
}

// settingsWithValue returns options with v added when v is set and missing (a value since removed from its
// dictionary still shows on the record that has it).
func settingsWithValue(options []string, v string) []string {
	if v != "" && !slices.Contains(options, v) {
		return append(slices.Clone(options), v)
	}
	return options
}

// ---- 单位信息 ----

// settingsOffice is the form over the office's names and counting rules. The deadline rules and the holiday
// calendar are kept as stored (they have their own sections).
type settingsOffice struct {
	t                              *settingsTab
	office, township, upper, clerk *widget.Entry
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
	o.township = widget.NewEntry()
	o.township.SetPlaceHolder("例如：青山镇")
	o.upper = widget.NewEntry()
	o.upper.SetPlaceHolder("例如：青川县人大常委会")
	o.clerk = widget.NewEntry()
	o.clerk.SetPlaceHolder("报表上署名的制表人")
	o.townWord = widget.NewSelectEntry([]string{"镇", "乡", "街道"})
	o.upperWord = widget.NewSelectEntry([]string{"县", "区"})
	o.bodyWord = widget.NewSelectEntry([]string{"主席团", "人大工委"})
	o.precision = widget.NewSelect(settingsPrecisions, nil)
	o.precision.PlaceHolder = "(请选择)"
	var numberings []string
	for _, n := range settingsNumberings {
		numberings = append(numberings, n.label)
	}
	o.numbering = widget.NewSelect(numberings, nil)
	o.numbering.PlaceHolder = "(请选择)"
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
	// 已保存 (or an old error) goes away as soon as the clerk edits again.
	edited := func(string) { o.pane.clear() }
	for _, e := range []*widget.Entry{o.office, o.township, o.upper, o.clerk, &o.townWord.Entry, &o.upperWord.Entry, &o.bodyWord.Entry} {
		e.OnChanged = edited
	}
	o.precision.OnChanged, o.numbering.OnChanged = edited, edited
	o.satisfiedBasic.OnChanged = func(bool) { o.pane.clear() }
	o.pane.first = o.office
	o.content = o.pane.content
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
}

// save stores the form over the stored settings (keeping the fields this form does not show), then
// retitles the window and refreshes the tabs that print the office's names.
func (o *settingsOffice) save() error {
	db, ctx := o.t.d.db, o.t.d.ctx
	s, err := db.Settings(ctx)
	if err != nil {
		return err
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
	if err := db.SaveSettings(ctx, s); err != nil {
		return err
	}
	o.t.d.applySettings()
	o.t.changed()
	o.load()
	o.pane.showInfo("已保存")
	return nil
}

// ---- 办理时限 ----

// settingsDeadlines is the form over the deadline rules of SPEC §4, with an example computed from the saved
// rules and the holiday calendar, so that the clerk sees what a number means before an item is late by it.
type settingsDeadlines struct {
	t                                  *settingsTab
	deadline, rehandle, maxExt, assign *widget.Entry
	roll                               *widget.Check
	pane                               *formPane
	example                            *widget.Label
	content                            fyne.CanvasObject
}

func newSettingsDeadlines(t *settingsTab) *settingsDeadlines {
	x := &settingsDeadlines{t: t}
	x.deadline, x.rehandle, x.maxExt, x.assign = intEntry(), intEntry(), intEntry(), intEntry()
	x.roll = widget.NewCheck("到期日遇节假日、休息日顺延", nil)
	// The labels are the store's field labels, so that its message marks the field it names.
	item := func(label string, w fyne.CanvasObject, hint string) *widget.FormItem {
		it := widget.NewFormItem(label, w)
		it.HintText = hint
		return it
	}
	x.pane = newFormPane([]*widget.FormItem{
		item("办理时限(月)", x.deadline, "自交办日期起算，如 3：3月15日交办，6月15日到期"),
		item("重新办理时限(月)", x.rehandle, "代表评价不满意、重新办理时，自重新办理之日起算"),
		item("延期上限(月)", x.maxExt, "延期后的时限自交办日期起最多几个月，应多于办理时限"),
		item("闭会期间交办时限(工作日)", x.assign, "闭会期间收到的建议，收到后几个工作日内应当交办"),
		item("时限遇节假日顺延", x.roll, "交办日期起算，到期日遇法定节假日顺延至下一个工作日"),
	}, x.save)
	x.pane.title.SetText("办理时限")
	for _, e := range []*widget.Entry{x.deadline, x.rehandle, x.maxExt, x.assign} {
		e.OnChanged = func(string) { x.pane.clear() }
	}
	x.roll.OnChanged = func(bool) { x.pane.clear() }
	x.pane.first = x.deadline
	x.example = widget.NewLabel("")
	x.example.Wrapping = fyne.TextWrapWord
	note := widget.NewLabel("工作日按「节假日」中录入的放假和调休上班日期计算；没有录入的日子按周一至周五上班、周六周日休息计算。" +
		"已经交办的建议保留交办时定下的办理时限；延期上限和闭会期间交办时限按现在的设置计算。")
	note.Wrapping = fyne.TextWrapWord
	body := x.pane.scroll.Content.(*fyne.Container)
	body.Add(widget.NewSeparator())
	body.Add(widget.NewLabelWithStyle("按已保存的设置计算", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	body.Add(x.example)
	body.Add(note)
	x.content = container.New(settingsNarrow{}, x.pane.content)
	return x
}

// load fills the form from the stored settings and recomputes the example.
func (x *settingsDeadlines) load() {
	s, err := x.t.d.db.Settings(x.t.d.ctx)
	if err != nil {
		x.pane.showError(err)
		return
	}
	x.deadline.SetText(strconv.Itoa(s.DeadlineMonths))
	x.rehandle.SetText(strconv.Itoa(s.RehandleMonths))
	x.maxExt.SetText(strconv.Itoa(s.MaxExtensionMonths))
	x.assign.SetText(strconv.Itoa(s.AssignWorkdays))
	x.roll.SetChecked(s.RollToWorkday)
	x.pane.clear()
	x.updateExample()
}

// save stores the four numbers and the check over the stored settings, keeping every other setting.
func (x *settingsDeadlines) save() error {
	db, ctx := x.t.d.db, x.t.d.ctx
	s, err := db.Settings(ctx)
	if err != nil {
		return err
	}
	for _, f := range []struct {
		label string
		e     *widget.Entry
		v     *int
	}{
		{"办理时限(月)", x.deadline, &s.DeadlineMonths},
		{"重新办理时限(月)", x.rehandle, &s.RehandleMonths},
		{"延期上限(月)", x.maxExt, &s.MaxExtensionMonths},
		{"闭会期间交办时限(工作日)", x.assign, &s.AssignWorkdays},
	} {
		n, err := strconv.Atoi(strings.TrimSpace(f.e.Text))
		if err != nil {
			return &store.Error{Code: store.EINVALID, Field: f.label, Message: f.label + "请填写整数，如 3"}
		}
		*f.v = n
	}
	s.RollToWorkday = x.roll.Checked
	if err := db.SaveSettings(ctx, s); err != nil {
		return err
	}
	x.t.changed() // the 建议 and 概览 tabs count overdue items by these rules
	x.load()
	x.pane.showInfo("已保存")
	return nil
}

// updateExample recomputes the example from the saved rules and the holiday calendar.
func (x *settingsDeadlines) updateExample() {
	db, ctx := x.t.d.db, x.t.d.ctx
	r, err := db.Rules(ctx)
	if err != nil {
		x.example.SetText(store.ErrorMessage(err))
		return
	}
	x.example.SetText(settingsDeadlineExample(r, store.DateOf(db.Now())))
}

// settingsDeadlineExample says what the rules give for an item assigned, or received, today.
func settingsDeadlineExample(r store.Rules, today store.Date) string {
	day := func(d store.Date) string { return d.Chinese() + "(" + settingsWeekday(d) + ")" }
	// rolled says so when a deadline was moved off a day off: 2027年1月25日(星期一；1月23日是星期六，顺延).
	rolled := func(d, plain store.Date) string {
		if d == plain {
			return day(d)
		}
		t := plain.Time()
		return fmt.Sprintf("%s(%s；%d月%d日是%s，顺延)", d.Chinese(), settingsWeekday(d), int(t.Month()), t.Day(), settingsRestDay(r.Calendar, plain))
	}
	s := r.Settings
	return fmt.Sprintf("例：今天是 %s。\n"+
		"今天交办，办理时限为 %s，延期最迟到 %s；\n"+
		"代表不满意、今天重新办理，时限为 %s；\n"+
		"闭会期间今天收到的建议应在 %s前交办。",
		day(today), rolled(r.AssignDeadline(today), today.AddMonths(s.DeadlineMonths)), day(r.MaxExtension(today)),
		rolled(r.RehandleDeadline(today), today.AddMonths(s.RehandleMonths)), day(r.AssignDue(today)))
}

// settingsRestDay says why d is not worked: 节假日 when the clerk entered it, else its weekday (星期六).
func settingsRestDay(c store.Calendar, d store.Date) string {
	if _, ok := c[d]; ok {
		return "节假日"
	}
	return settingsWeekday(d)
}

// settingsNarrow lays its one object out no wider than a comfortable form (wider for a larger text size),
// on the left: a form of four small numbers stretched over a wide screen is hard to read.
type settingsNarrow struct{}

func (settingsNarrow) MinSize(objects []fyne.CanvasObject) fyne.Size { return objects[0].MinSize() }

func (settingsNarrow) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	w := fyne.Min(size.Width, 52*theme.TextSize())
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(fyne.NewSize(w, size.Height))
}

// ---- 节假日 ----

// settingsWeekdays names the days of the week, Sunday first as time.Weekday counts.
var settingsWeekdays = []string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}

// settingsWeekday returns 星期六 for a Saturday.
func settingsWeekday(d store.Date) string { return settingsWeekdays[d.Weekday()] }

// The two kinds of calendar entry.
const (
	settingsDayOff  = "放假"
	settingsWorkday = "调休上班"
)

// settingsHolidayRow is a calendar entry with its row number, which is how the store's messages name it.
type settingsHolidayRow struct {
	n int
	store.Holiday
}

func settingsHolidayKind(h store.Holiday) string {
	if h.Workday {
		return settingsWorkday
	}
	return settingsDayOff
}

// settingsHolidays edits the holiday calendar one year at a time. The State Council publishes each year's
// arrangement; the clerk types it in, we guess nothing. Edits stay in memory until 「保存本年节假日」 writes
// the whole year in one transaction.
type settingsHolidays struct {
	t         *settingsTab
	year      int
	years     *widget.Select
	switching bool            // set while the year Select is put back after a cancelled switch
	entries   []store.Holiday // the year as edited, sorted by date
	dirty     bool
	selected  int // index in entries, -1 for none
	list      *recordList[settingsHolidayRow]
	empty     *fyne.Container
	status    *widget.Label
	unsaved   *widget.Label
	msg       *widget.Label
	save      *widget.Button
	revert    *widget.Button
	date      *dateEntry
	kind      *widget.Select
	name      *widget.Entry
	from, to  *dateEntry
	rangeName *widget.Entry
	content   fyne.CanvasObject
}

func newSettingsHolidays(t *settingsTab) *settingsHolidays {
	x := &settingsHolidays{t: t, selected: -1}
	x.year = t.d.db.Now().Year()
	var years []string
	for y := x.year - 2; y <= x.year+2; y++ {
		years = append(years, fmt.Sprintf("%d年", y))
	}
	x.years = widget.NewSelect(years, x.chooseYear)
	cols := []column[settingsHolidayRow]{
		{"序号", 50, "", func(r settingsHolidayRow) string { return strconv.Itoa(r.n) }},
		{"日期", 130, "", func(r settingsHolidayRow) string { return r.Date.Chinese() }},
		{"星期", 70, "", func(r settingsHolidayRow) string { return settingsWeekday(r.Date) }},
		{"类型", 90, "", func(r settingsHolidayRow) string { return settingsHolidayKind(r.Holiday) }},
		{"名称", 150, "", func(r settingsHolidayRow) string { return r.Name }},
	}
	x.list = newRecordList(cols, func(offset, limit int, _ string, _ bool) ([]settingsHolidayRow, int, error) {
		rows := make([]settingsHolidayRow, len(x.entries))
		for i, h := range x.entries {
			rows[i] = settingsHolidayRow{i + 1, h}
		}
		return settingsPage(rows, offset, limit), len(rows), nil
	}, func(r settingsHolidayRow) { x.selected = r.n - 1 })
	x.empty = container.NewCenter(widget.NewLabel(""))

	x.status = widget.NewLabel("")
	x.unsaved = widget.NewLabelWithStyle("有未保存的修改", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	x.unsaved.Importance = widget.WarningImportance
	x.unsaved.Hide()
	x.msg = widget.NewLabel("")
	x.msg.Wrapping = fyne.TextWrapWord
	x.say("", false)
	x.save = widget.NewButtonWithIcon("保存本年节假日", theme.DocumentSaveIcon(), x.saveYear)
	x.save.Importance = widget.HighImportance
	x.revert = widget.NewButtonWithIcon("放弃修改", theme.ContentUndoIcon(), x.confirmRevert)
	del := widget.NewButtonWithIcon("删除", theme.DeleteIcon(), x.remove)

	x.date = newDateEntry(false)
	x.kind = widget.NewSelect([]string{settingsDayOff, settingsWorkday}, nil)
	x.kind.SetSelected(settingsDayOff)
	x.name = widget.NewEntry()
	x.name.SetPlaceHolder("如：国庆节")
	x.name.OnSubmitted = func(string) { x.add() }
	add := widget.NewButtonWithIcon("添加", theme.ContentAddIcon(), x.add)
	add.Importance = widget.HighImportance
	x.from, x.to = newDateEntry(false), newDateEntry(false)
	x.rangeName = widget.NewEntry()
	x.rangeName.SetPlaceHolder("如：春节")
	addRange := widget.NewButtonWithIcon("添加连续放假", theme.ContentAddIcon(), x.addRange)

	one := widget.NewForm(
		widget.NewFormItem("日期", x.date),
		widget.NewFormItem("类型", x.kind),
		widget.NewFormItem("名称", x.name),
	)
	days := widget.NewForm(
		widget.NewFormItem("从", x.from),
		widget.NewFormItem("到", x.to),
		widget.NewFormItem("名称", x.rangeName),
	)
	note := widget.NewLabel("每年国务院办公厅公布放假安排后，请把放假的日子和调休上班的周末逐一录入。" +
		"没有录入的日子按周一至周五上班、周六周日休息计算。办理时限遇节假日顺延和闭会期间交办时限都按这里的日历计算。")
	note.Wrapping = fyne.TextWrapWord
	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	right := container.NewVScroll(container.NewVBox(
		bold("添加一天"), one, container.NewHBox(add),
		widget.NewSeparator(),
		bold("添加连续放假(每一天都记为放假)"), days, container.NewHBox(addRange),
		widget.NewSeparator(),
		note,
	))
	left := container.NewBorder(nil, container.NewHBox(del), nil, nil, container.NewStack(x.list.table, x.empty))
	split := container.NewHSplit(left, right)
	split.Offset = 0.5
	// The message line is always there (a hint when there is nothing to say), so that the forms below do not
	// jump while the clerk types into them.
	top := container.NewVBox(
		container.NewBorder(nil, nil,
			container.NewHBox(bold("节假日"), widget.NewLabel("年份"), container.NewGridWrap(fyne.NewSize(110, x.years.MinSize().Height), x.years), x.status),
			container.NewHBox(x.unsaved, x.revert, x.save)),
		x.msg,
	)
	x.content = container.NewBorder(top, nil, nil, nil, split)
	x.switching = true
	x.years.SetSelected(fmt.Sprintf("%d年", x.year))
	x.switching = false
	return x // settingsTab.refresh loads the year
}

// reload re-reads the year from the store unless the clerk has unsaved edits.
func (x *settingsHolidays) reload() {
	if !x.dirty {
		x.load()
	}
}

// load reads the chosen year from the store, dropping any edits.
func (x *settingsHolidays) load() {
	hs, err := x.t.d.db.Holidays(x.t.d.ctx, x.year)
	if err != nil {
		x.say(store.ErrorMessage(err), false)
	}
	x.entries = hs
	x.dirty = false
	x.show()
}

// show redraws the list, the counts and the unsaved mark after a change.
func (x *settingsHolidays) show() {
	x.selected = -1
	x.list.reload()
	off := 0
	for _, h := range x.entries {
		if !h.Workday {
			off++
		}
	}
	for _, e := range []*dateEntry{x.date, x.from, x.to} {
		e.SetPlaceHolder(fmt.Sprintf("例如 %d-10-01", x.year))
	}
	if len(x.entries) == 0 {
		x.status.SetText("")
		x.empty.Objects[0].(*widget.Label).SetText("本年尚未录入节假日，周六、周日按休息日计算")
		x.empty.Show()
		x.list.table.Hide()
	} else {
		x.status.SetText(fmt.Sprintf("共 %d 天：放假 %d 天，调休上班 %d 天", len(x.entries), off, len(x.entries)-off))
		x.empty.Hide()
		x.list.table.Show()
	}
	if x.dirty {
		x.unsaved.Show()
		x.save.Enable()
		x.revert.Enable()
	} else {
		x.unsaved.Hide()
		x.save.Disable()
		x.revert.Disable()
	}
}

// settingsHolidayHint is what the message line says when there is nothing else to say.
const settingsHolidayHint = "在右侧添加放假的日子和调休上班的日子，录完后点「保存本年节假日」"

// say shows a line under the toolbar: an error in red, a confirmation in green; "" puts the hint back.
func (x *settingsHolidays) say(msg string, ok bool) {
	switch {
	case msg == "":
		x.msg.Importance = widget.MediumImportance
		msg = settingsHolidayHint
	case ok:
		x.msg.Importance = widget.SuccessImportance
	default:
		x.msg.Importance = widget.DangerImportance
	}
	x.msg.SetText(msg)
}

// warn shows a line in orange: done, but the clerk should look again.
func (x *settingsHolidays) warn(msg string) {
	x.msg.Importance = widget.WarningImportance
	x.msg.SetText(msg)
}

// chooseYear switches to another year; unsaved edits of the current one are dropped only when the clerk agrees.
func (x *settingsHolidays) chooseYear(v string) {
	if x.switching {
		return
	}
	y, err := strconv.Atoi(strings.TrimSuffix(v, "年"))
	if err != nil || y == x.year {
		return
	}
	to := func() {
		x.year = y
		x.say("", false)
		x.load()
	}
	if !x.dirty {
		to()
		return
	}
	old := x.year
	dialog.ShowConfirm("放弃未保存的修改",
		fmt.Sprintf("%d年的节假日有未保存的修改，切换到%d年会放弃这些修改。\n确定切换吗？", old, y),
		func(ok bool) {
			if ok {
				to()
				return
			}
			x.switching = true
			x.years.SetSelected(fmt.Sprintf("%d年", old))
			x.switching = false
		}, x.t.d.win)
}

// insert adds entries, keeps the list sorted by date and selects the first one added.
func (x *settingsHolidays) insert(hs ...store.Holiday) {
	x.entries = append(x.entries, hs...)
	slices.SortStableFunc(x.entries, func(a, b store.Holiday) int { return strings.Compare(string(a.Date), string(b.Date)) })
	x.dirty = true
	x.show()
	if len(hs) > 0 {
		x.selectDate(hs[0].Date)
	}
}

// selectDate selects and shows the last row of date d.
func (x *settingsHolidays) selectDate(d store.Date) {
	for i := len(x.entries) - 1; i >= 0; i-- {
		if x.entries[i].Date == d {
			x.selectRow(i)
			return
		}
	}
}

func (x *settingsHolidays) selectRow(i int) {
	x.list.table.Select(widget.TableCellID{Row: i, Col: 0})
	x.list.table.ScrollTo(widget.TableCellID{Row: i, Col: 0})
	x.selected = i
}

// dayOfYear reads a date field that must hold a day of the chosen year.
func (x *settingsHolidays) dayOfYear(e *dateEntry, what string) (store.Date, error) {
	if strings.TrimSpace(e.Text) == "" {
		return "", fmt.Errorf("请填写%s", what)
	}
	d, err := store.ParseDate(e.Text)
	if err != nil {
		return "", err
	}
	if d.Year() != x.year {
		return "", fmt.Errorf("%s不在%d年。要录入%d年的节假日，请先在上方选择%d年", d.Chinese(), x.year, d.Year(), d.Year())
	}
	return d, nil
}

// add puts one day into the list. A date already there is added all the same (the clerk may mean to delete
// the other row) but said at once; saving refuses the duplicate.
func (x *settingsHolidays) add() {
	d, err := x.dayOfYear(x.date, "日期")
	if err != nil {
		x.say(err.Error(), false)
		return
	}
	if x.kind.Selected == "" {
		x.say("请选择类型：放假或调休上班", false)
		return
	}
	h := store.Holiday{Date: d, Workday: x.kind.Selected == settingsWorkday, Name: strings.TrimSpace(x.name.Text)}
	dup := slices.ContainsFunc(x.entries, func(e store.Holiday) bool { return e.Date == d })
	x.insert(h)
	x.date.SetText("")
	wd := d.Weekday()
	weekend := wd == time.Saturday || wd == time.Sunday
	switch {
	case dup:
		x.warn(fmt.Sprintf("%s已经在列表中，现在有两行，请删除其中一行再保存", d.Chinese()))
	case h.Workday && !weekend:
		x.warn(fmt.Sprintf("已添加%s(%s)调休上班。注意：%s本来就是工作日，调休上班一般是周六或周日", d.Chinese(), settingsWeekday(d), settingsWeekday(d)))
	default:
		x.say(fmt.Sprintf("已添加%s(%s)%s，尚未保存", d.Chinese(), settingsWeekday(d), settingsHolidayKind(h)), true)
	}
}

// addRange adds every day from–to as a day off; days already in the list are left as they are.
func (x *settingsHolidays) addRange() {
	from, err := x.dayOfYear(x.from, "开始日期")
	if err == nil {
		var to store.Date
		if to, err = x.dayOfYear(x.to, "结束日期"); err == nil {
			err = x.addDays(from, to, strings.TrimSpace(x.rangeName.Text))
		}
	}
	if err != nil {
		x.say(err.Error(), false)
		return
	}
	x.from.SetText("")
	x.to.SetText("")
}

// addDays adds the days off from–to and says what it did.
func (x *settingsHolidays) addDays(from, to store.Date, name string) error {
	if to < from {
		return fmt.Errorf("结束日期%s早于开始日期%s", to.Chinese(), from.Chinese())
	}
	if n := int(to.Time().Sub(from.Time()).Hours()/24) + 1; n > 31 {
		return fmt.Errorf("%s至%s共%d天，超过一个月，请检查日期", from.Chinese(), to.Chinese(), n)
	}
	var added []store.Holiday
	kept := 0
	for d := from; d <= to; d = d.AddDays(1) {
		if slices.ContainsFunc(x.entries, func(e store.Holiday) bool { return e.Date == d }) {
			kept++
			continue
		}
		added = append(added, store.Holiday{Date: d, Name: name})
	}
	if len(added) == 0 {
		return fmt.Errorf("%s至%s已经全部在列表中", from.Chinese(), to.Chinese())
	}
	x.insert(added...)
	msg := fmt.Sprintf("已添加%s放假 %d 天(%s至%s)", name, len(added), from.Chinese(), to.Chinese())
	if kept > 0 {
		msg += fmt.Sprintf("，其中 %d 天原来已在列表中，保持不变", kept)
	}
	x.say(msg+"，尚未保存", true)
	return nil
}

// remove takes the selected row out of the list (kept in memory until saved).
func (x *settingsHolidays) remove() {
	if x.selected < 0 || x.selected >= len(x.entries) {
		x.say("请先在列表中选择要删除的一天", false)
		return
	}
	h := x.entries[x.selected]
	x.entries = slices.Delete(x.entries, x.selected, x.selected+1)
	x.dirty = true
	x.show()
	x.say(fmt.Sprintf("已删除%s(%s)%s，尚未保存", h.Date.Chinese(), settingsWeekday(h.Date), settingsHolidayKind(h)), true)
}

func (x *settingsHolidays) confirmRevert() {
	dialog.ShowConfirm("放弃修改", fmt.Sprintf("放弃对%d年节假日的修改，恢复为上次保存的内容吗？", x.year), func(ok bool) {
		if ok {
			x.load()
			x.say("已恢复为上次保存的内容", true)
		}
	}, x.t.d.win)
}

// saveYear writes the year's entries in one transaction. The store names a bad row 「第N行日期…」; that row
// is selected so the clerk sees which.
func (x *settingsHolidays) saveYear() {
	if err := x.t.d.db.SetHolidays(x.t.d.ctx, x.year, x.entries); err != nil {
		x.say(store.ErrorMessage(err)+"。未保存，请改正后再保存", false)
		var se *store.Error
		var n int
		if errors.As(err, &se) {
			if _, err := fmt.Sscanf(se.Field, "第%d行日期", &n); err == nil && n >= 1 && n <= len(x.entries) {
				x.selectRow(n - 1)
			}
		}
		return
	}
	x.load()
	x.say(fmt.Sprintf("已保存%d年节假日，共 %d 天", x.year, len(x.entries)), true)
	x.t.deadlines.updateExample()
	x.t.changed() // overdue and not-assigned-in-time flags count working days
}

// ---- 字典 ----

// settingsDictOrder lists the dictionaries in the order the clerk meets them.
var settingsDictOrder = []string{store.DictCategory, store.DictSource, store.DictParty, store.DictEducation,
	store.DictEthnicity, store.DictComposition, store.DictRole, store.DictUnitKind, store.DictVillage}

// settingsDict edits one dictionary at a time: choose it, see its values, add or delete one.
type settingsDict struct {
	t        *settingsTab
	kinds    *widget.Select
	kind     string // the chosen dictionary's code
	values   []string
	selected int // index in values, -1 for none
	list     *widget.List
	entry    *widget.Entry
	msg      *widget.Label
	content  fyne.CanvasObject
}

func newSettingsDict(t *settingsTab) *settingsDict {
	x := &settingsDict{t: t, selected: -1, kind: settingsDictOrder[0]}
	var names []string
	for _, k := range settingsDictOrder {
		names = append(names, store.DictKinds[k])
	}
	x.kinds = widget.NewSelect(names, func(name string) {
		for _, k := range settingsDictOrder {
			if store.DictKinds[k] == name {
				x.kind = k
			}
		}
		x.say("", false)
		x.reload()
	})
	x.kinds.PlaceHolder = "(请选择)"
	x.list = widget.NewList(func() int { return len(x.values) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(x.values[i]) })
	x.list.OnSelected = func(i widget.ListItemID) { x.selected = i }
	x.list.OnUnselected = func(widget.ListItemID) { x.selected = -1 }
	x.entry = widget.NewEntry()
	x.entry.SetPlaceHolder("输入新的值，按回车或点「添加」")
	x.entry.OnSubmitted = func(string) { x.add() }
	add := widget.NewButtonWithIcon("添加", theme.ContentAddIcon(), x.add)
	add.Importance = widget.HighImportance
	del := widget.NewButtonWithIcon("删除", theme.DeleteIcon(), x.remove)
	x.msg = widget.NewLabel("")
	x.msg.Wrapping = fyne.TextWrapWord
	x.msg.Hide()
	note := widget.NewLabel("这些值是各表单下拉框中的选项。删除一个值不会改动已经填写了它的记录。")
	note.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel("字典"), nil, x.kinds),
		note,
	)
	bottom := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(add, del), x.entry),
		x.msg,
	)
	x.content = container.NewBorder(top, bottom, nil, nil, x.list)
	x.kinds.SetSelected(store.DictKinds[x.kind])
	return x
}

// reload re-reads the chosen dictionary.
func (x *settingsDict) reload() {
	vals, err := x.t.d.db.Dict(x.t.d.ctx, x.kind)
	if err != nil {
		x.say(store.ErrorMessage(err), false)
	}
	x.values = vals
	x.selected = -1
	x.list.UnselectAll()
	x.list.Refresh()
}

// say shows a line under the entry: an error in red, a confirmation in green; "" hides it.
func (x *settingsDict) say(msg string, ok bool) {
	x.msg.Importance = widget.DangerImportance
	if ok {
		x.msg.Importance = widget.SuccessImportance
	}
	x.msg.SetText(msg)
	if msg == "" {
		x.msg.Hide()
	} else {
		x.msg.Show()
	}
}

func (x *settingsDict) add() {
	v := strings.TrimSpace(x.entry.Text)
	if err := x.t.d.db.AddDictValue(x.t.d.ctx, x.kind, v); err != nil {
		x.say(store.ErrorMessage(err), false)
		x.scrollTo(v) // a duplicate: show the value already there
		return
	}
	x.entry.SetText("")
	x.reload()
	x.say(fmt.Sprintf("已在%s中添加「%s」", store.DictKinds[x.kind], v), true)
	x.scrollTo(v)
	x.t.changed()
}

// scrollTo brings v into view when it is in the list.
func (x *settingsDict) scrollTo(v string) {
	if i := slices.Index(x.values, v); i >= 0 {
		x.list.ScrollTo(i)
	}
}

func (x *settingsDict) remove() {
	if x.selected < 0 || x.selected >= len(x.values) {
		x.say("请先在列表中选择要删除的值", false)
		return
	}
	kind, v := x.kind, x.values[x.selected]
	name := store.DictKinds[kind]
	dialog.ShowConfirm("删除字典值",
		fmt.Sprintf("确定要从「%s」中删除「%s」吗？\n已经填写了「%s」的记录会保留原来的文字，\n只是以后不能再从下拉框中选择它。", name, v, v),
		func(ok bool) {
			if !ok {
				return
			}
			if err := x.t.d.db.RemoveDictValue(x.t.d.ctx, kind, v); err != nil {
				x.say(store.ErrorMessage(err), false)
				return
			}
			x.reload()
			x.say(fmt.Sprintf("已从%s中删除「%s」", name, v), true)
			x.t.changed()
		}, x.t.d.win)
}

// ---- 承办单位 ----

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
	kinds, _ := db.Dict(ctx, store.DictUnitKind)
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

// ---- 届次 ----

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
	if all, err := m.t.d.db.Terms(m.t.d.ctx); err == nil && len(all) > 0 {
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
		y.Number, y.Start, y.End, y.Current = n, settingsDate(start), settingsDate(end), current.Checked
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

// settingsDate reads a date field: the parsed date, or the text as typed so that the store names the field
// when it is not a date.
func settingsDate(e *dateEntry) store.Date {
	if d, err := store.ParseDate(e.Text); err == nil {
		return d
	}
	return store.Date(strings.TrimSpace(e.Text))
}

// ---- 代表小组 ----

// settingsGroups lists the deputy groups with a form for the chosen one.
type settingsGroups struct {
	t       *settingsTab
	list    *recordList[store.Group]
	names   map[int64]string // deputy id → name, for the 组长 column
	current store.Group
	pane    *formPane
	detail  *fyne.Container
	content fyne.CanvasObject
}

func newSettingsGroups(t *settingsTab) *settingsGroups {
	g := &settingsGroups{t: t, names: map[int64]string{}}
	cols := []column[store.Group]{
		{"小组名称", 130, "", func(x store.Group) string { return x.Name }},
		{"组长", 80, "", func(x store.Group) string { return g.names[x.LeaderID] }},
		{"成员", 60, "", func(x store.Group) string { return fmt.Sprintf("%d人", x.Members) }},
		{"联系村(居)", 220, "", func(x store.Group) string { return x.Villages }},
	}
	g.list = newRecordList(cols, func(offset, limit int, _ string, _ bool) ([]store.Group, int, error) {
		all, err := t.d.db.Groups(t.d.ctx)
		return settingsPage(all, offset, limit), len(all), err
	}, g.show)
	g.detail = container.NewStack(emptyDetail("在左侧选择一个代表小组，或点「新增」"))
	g.content = settingsSection(g.newRecord, g.remove, g.list.table, g.list.status, g.detail)
	return g
}

func (g *settingsGroups) reload(reset bool) {
	g.names = map[int64]string{}
	for _, o := range g.deputies(false, 0) {
		g.names[o.ID] = strings.SplitN(o.Label, "(", 2)[0]
	}
	g.list.reload()
	if reset {
		g.current = store.Group{}
		g.detail.Objects = []fyne.CanvasObject{emptyDetail("在左侧选择一个代表小组，或点「新增」")}
		g.detail.Refresh()
	}
}

// deputies returns the deputies as choices, 王建国(第一代表小组); only those in office when active, and the
// members of group first (a leader usually comes from the group itself).
func (g *settingsGroups) deputies(active bool, group int64) []option {
	f := store.DeputyFilter{}
	if active {
		f.Status = store.DeputyActive
	}
	ds, _, err := g.t.d.db.Deputies(g.t.d.ctx, f)
	if err != nil {
		return nil
	}
	if group != 0 {
		slices.SortStableFunc(ds, func(a, b store.Deputy) int {
			switch inA, inB := a.GroupID == group, b.GroupID == group; {
			case inA == inB:
				return 0
			case inA:
				return -1
			}
			return 1
		})
	}
	out := make([]option, len(ds))
	for i, x := range ds {
		label := x.Name
		if x.GroupName != "" {
			label += "(" + x.GroupName + ")"
		}
		out[i] = option{x.ID, label}
	}
	return out
}

// presidium returns the deputies in office who sit on the presidium (主席团成员, 主席, 副主席), or all
// deputies in office when no one is marked so yet.
func (g *settingsGroups) presidium() []option {
	ds, _, err := g.t.d.db.Deputies(g.t.d.ctx, store.DeputyFilter{Status: store.DeputyActive})
	if err != nil {
		return nil
	}
	var out []option
	for _, x := range ds {
		if slices.ContainsFunc(x.Roles, func(r string) bool { return strings.Contains(r, "主席") }) {
			out = append(out, option{x.ID, x.Name + "(" + strings.Join(x.Roles, "、") + ")"})
		}
	}
	if len(out) == 0 {
		return g.deputies(true, 0)
	}
	return out
}

func (g *settingsGroups) newRecord() { g.show(store.Group{}) }

func (g *settingsGroups) remove() {
	if g.current.ID == 0 {
		g.t.d.showError(errors.New("请先在列表中选择要删除的代表小组"))
		return
	}
	cur := g.current
	dialog.ShowConfirm("删除代表小组",
		fmt.Sprintf("确定要删除代表小组「%s」吗？\n小组的%d名代表会保留，只是不再属于任何小组。\n删除后不能恢复。", cur.Name, cur.Members),
		func(ok bool) {
			if !ok {
				return
			}
			if err := g.t.d.db.DeleteGroup(g.t.d.ctx, cur.ID); err != nil {
				g.t.d.showError(err)
				return
			}
			g.reload(true)
			g.t.changed()
		}, g.t.d.win)
}

// show puts a group's form in the pane; 保存 creates or updates it.
func (g *settingsGroups) show(x store.Group) {
	db, ctx, win := g.t.d.db, g.t.d.ctx, g.t.d.win
	g.current = x
	name := requiredEntry("小组名称")
	name.SetText(x.Name)
	villages := widget.NewEntry()
	// The action button must be set before SetText, which builds the entry's renderer.
	villages.ActionItem = widget.NewButtonWithIcon("", theme.ListIcon(), func() { g.chooseVillages(villages) })
	villages.SetPlaceHolder("如：青山村、河口村，或点右侧按钮从字典中选择")
	villages.SetText(x.Villages)
	leader := newSettingsChooser("选择组长", func() []option { return g.deputies(true, x.ID) }, win)
	leader.SetSelected(x.LeaderID, g.names[x.LeaderID])
	deputyLeaders := newIDPicker("选择副组长", func() []option { return g.deputies(true, x.ID) })
	deputyLeaders.SetSelected(x.DeputyLeaderIDs)
	liaison := newSettingsChooser("选择联系的主席团成员", g.presidium, win)
	liaison.SetSelected(x.LiaisonID, g.names[x.LiaisonID])
	notes := multiline(3)
	notes.SetText(x.Notes)
	pane := newFormPane([]*widget.FormItem{
		widget.NewFormItem("小组名称", name),
		widget.NewFormItem("联系村(居)", villages),
		widget.NewFormItem("组长", leader),
		widget.NewFormItem("副组长", deputyLeaders),
		widget.NewFormItem("联系主席团成员", liaison),
		widget.NewFormItem("备注", notes),
	}, func() error {
		y := x
		y.Name, y.Villages, y.Notes = name.Text, strings.TrimSpace(villages.Text), notes.Text
		y.LeaderID, y.DeputyLeaderIDs, y.LiaisonID = leader.Selected(), deputyLeaders.Selected(), liaison.Selected()
		if err := db.SaveGroup(ctx, &y); err != nil {
			return err
		}
		g.reload(false)
		gs, _ := db.Groups(ctx)
		for _, z := range gs {
			if z.ID == y.ID {
				y.Members = z.Members
			}
		}
		g.show(y)
		g.pane.showInfo("已保存")
		g.t.changed()
		return nil
	})
	if x.ID == 0 {
		pane.title.SetText("新增代表小组")
	} else {
		pane.title.SetText(fmt.Sprintf("%s(%d名代表)", x.Name, x.Members))
	}
	pane.first = name
	g.pane = pane
	g.detail.Objects = []fyne.CanvasObject{pane.content}
	g.detail.Refresh()
}

// chooseVillages ticks villages of the 村(居) dictionary into the entry, joined with 、.
func (g *settingsGroups) chooseVillages(e *widget.Entry) {
	all, _ := g.t.d.db.Dict(g.t.d.ctx, store.DictVillage)
	cur := strings.FieldsFunc(e.Text, func(r rune) bool { return r == '、' || r == ',' || r == '，' || r == ' ' })
	for _, v := range cur {
		all = settingsWithValue(all, v)
	}
	checks := widget.NewCheckGroup(all, nil)
	checks.Selected = cur
	d := dialog.NewCustomConfirm("选择联系村(居)", "确定", "取消", container.NewVScroll(checks), func(ok bool) {
		if !ok {
			return
		}
		var out []string
		for _, v := range all { // dictionary order, not the order of ticking
			if slices.Contains(checks.Selected, v) {
				out = append(out, v)
			}
		}
		e.SetText(strings.Join(out, "、"))
	}, g.t.d.win)
	d.Resize(fyne.NewSize(360, 480))
	d.Show()
}

// settingsChooser picks one deputy (组长, 联系主席团成员): it shows the name and opens a list that filters as
// the clerk types, which beats scrolling a Select of every deputy.
type settingsChooser struct {
	widget.BaseWidget
	title   string
	options func() []option
	win     fyne.Window
	id      int64
	label   *widget.Label
	choose  *widget.Button
	clear   *widget.Button
}

func newSettingsChooser(title string, options func() []option, win fyne.Window) *settingsChooser {
	c := &settingsChooser{title: title, options: options, win: win}
	c.label = widget.NewLabel("")
	c.choose = widget.NewButton("选择…", c.open)
	c.clear = widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() { c.SetSelected(0, "") })
	c.ExtendBaseWidget(c)
	c.SetSelected(0, "")
	return c
}

// Selected returns the chosen deputy's id, 0 for none.
func (c *settingsChooser) Selected() int64 { return c.id }

// SetSelected shows the deputy id named name (0: nobody).
func (c *settingsChooser) SetSelected(id int64, name string) {
	c.id = id
	switch {
	case id == 0:
		c.label.SetText("(未选择)")
	case name == "":
		c.label.SetText(fmt.Sprintf("(编号%d)", id))
	default:
		c.label.SetText(name)
	}
}

func (c *settingsChooser) open() {
	all := c.options()
	shown := all
	var dlg dialog.Dialog
	list := widget.NewList(func() int { return len(shown) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(shown[i].Label) })
	list.OnSelected = func(i widget.ListItemID) {
		c.SetSelected(shown[i].ID, strings.SplitN(shown[i].Label, "(", 2)[0])
		dlg.Hide()
	}
	search := widget.NewEntry()
	search.SetPlaceHolder("输入姓名筛选")
	search.OnChanged = func(q string) {
		shown = filterOptions(all, q)
		list.UnselectAll()
		list.Refresh()
	}
	dlg = dialog.NewCustom(c.title, "取消", container.NewBorder(search, nil, nil, nil, list), c.win)
	dlg.Resize(fyne.NewSize(420, 520))
	dlg.Show()
	c.win.Canvas().Focus(search)
}

// CreateRenderer shows the name, 选择… and a clear button.
func (c *settingsChooser) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, container.NewHBox(c.choose, c.clear), c.label))
}

// ---- 数据文件 ----

// settingsFile shows where the data lives (its backups have their own section, 备份).
type settingsFile struct {
	t       *settingsTab
	path    *widget.Label
	size    *widget.Label
	content fyne.CanvasObject
}

func newSettingsFile(t *settingsTab) *settingsFile {
	f := &settingsFile{t: t}
	f.path = widget.NewLabel(t.d.db.Path())
	f.path.Wrapping = fyne.TextWrapBreak
	f.path.Selectable = true
	f.size = widget.NewLabel("")
	open := widget.NewButtonWithIcon("打开所在文件夹", theme.FolderOpenIcon(), f.openFolder)
	note := widget.NewLabel("全部数据都保存在上面这一个文件中。程序每天自动备份到它旁边的「备份」文件夹；" +
		"请再定期用「备份」中的「备份到…」复制到U盘或其他电脑。")
	note.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem("数据库文件", f.path),
		widget.NewFormItem("文件大小", f.size),
	)
	head := widget.NewLabelWithStyle("数据文件", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.content = container.NewVScroll(container.NewVBox(head, form, container.NewHBox(open), note))
	return f
}

// update re-reads the file size.
func (f *settingsFile) update() {
	f.path.SetText(f.t.d.db.Path())
	f.size.SetText(settingsFileSize(f.t.d.db.Path()))
}

// settingsFileSize is the size of the database with its write-ahead log, e.g. 「2.4 MB」.
func settingsFileSize(path string) string {
	st, err := os.Stat(path)
	if err != nil {
		return "(无法读取)"
	}
	n := st.Size()
	if wal, err := os.Stat(path + "-wal"); err == nil {
		n += wal.Size()
	}
	return settingsSizeText(n)
}

// settingsSizeText is a size in bytes as the clerk reads it: 「2.4 MB」, 「512 KB」.
func settingsSizeText(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d 字节", n)
}

// openFolder asks the system's file manager to show the folder of the database.
func (f *settingsFile) openFolder() { f.t.d.openLocal(filepath.Dir(f.t.d.db.Path())) }

// settingsBackup backs the database up into dir as <office>-备份-YYYYMMDD-HHMMSS.db and returns the path.
func settingsBackup(d *desk, dir string, now time.Time) (string, error) {
	s, err := d.db.Settings(d.ctx)
	if err != nil {
		return "", err
	}
	out := filepath.Join(dir, settingsBackupName(s.OfficeName, now))
	if err := d.db.Backup(d.ctx, out); err != nil {
		return "", err
	}
	return out, nil
}

// settingsBackupName is 青山镇人大主席团-备份-20240305-143000.db; characters no file system accepts are
// replaced with _.
func settingsBackupName(office string, now time.Time) string {
	office = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '_'
		}
		return r
	}, strings.TrimSpace(office))
	if office == "" {
		office = "人大工作台"
	}
	return office + "-备份-" + now.Format("20060102-150405") + ".db"
}

// ---- 备份 ----

// settingsBackups lists the backups of the database — the automatic ones in the 「备份」 folder beside it
// (每日, 导入前, 升级前), the clerk's own (手动), and the files a restore kept aside — and makes, copies out and
// restores them.
type settingsBackups struct {
	t        *settingsTab
	list     *recordList[store.BackupInfo]
	all      []store.BackupInfo
	selected store.BackupInfo
	folder   *widget.Label
	restore  *widget.Button
	content  fyne.CanvasObject
}

func newSettingsBackups(t *settingsTab) *settingsBackups {
	b := &settingsBackups{t: t}
	cols := []column[store.BackupInfo]{
		{"备份时间", 190, "", func(x store.BackupInfo) string { return backupTimeText(x.Time) }},
		{"原因", 190, "", func(x store.BackupInfo) string { return backupReasonText(x.Reason) }},
		{"大小", 90, "", func(x store.BackupInfo) string { return settingsSizeText(x.Size) }},
		{"文件", 420, "", func(x store.BackupInfo) string { return filepath.Base(x.Path) }},
	}
	b.list = newRecordList(cols, func(offset, limit int, _ string, _ bool) ([]store.BackupInfo, int, error) {
		return settingsPage(b.all, offset, limit), len(b.all), nil
	}, func(x store.BackupInfo) {
		b.selected = x
		b.restore.Enable()
	})
	now := widget.NewButtonWithIcon("立即备份", theme.DocumentSaveIcon(), b.backupNow)
	now.Importance = widget.HighImportance
	to := widget.NewButtonWithIcon("备份到…", theme.DownloadIcon(), b.chooseFolder)
	b.restore = widget.NewButtonWithIcon("恢复所选备份", theme.HistoryIcon(), b.confirmRestore)
	b.restore.Disable()
	open := widget.NewButtonWithIcon("打开备份文件夹", theme.FolderOpenIcon(), b.openFolder)
	head := widget.NewLabelWithStyle("备份", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	note := widget.NewLabel("每天第一次打开程序时自动备份一次，导入数据和升级数据库之前也先自动备份。" +
		"每日备份保留最近 10 份和以前每个月的最后一份；导入前、升级前的备份保留 90 天(每种至少留最近一份)；手动备份一直保留。" +
		"备份和数据库在同一台电脑上，电脑损坏时会一起丢失，请定期用「备份到…」复制到U盘或其他电脑。")
	note.Wrapping = fyne.TextWrapWord
	b.folder = widget.NewLabel("")
	b.folder.Wrapping = fyne.TextWrapBreak
	b.folder.Selectable = true
	top := container.NewVBox(head, note, b.folder, container.NewHBox(now, to, b.restore, open))
	b.content = container.NewBorder(top, b.list.status, nil, nil, b.list.table)
	return b
}

// reload re-reads the backup folder.
func (b *settingsBackups) reload() {
	path := b.t.d.db.Path()
	b.folder.SetText("备份文件夹：" + store.BackupDir(path))
	all, err := store.ListBackups(path)
	b.all = all
	b.selected = store.BackupInfo{}
	b.restore.Disable()
	b.list.reload()
	if err != nil {
		b.list.status.SetText("读取备份文件夹出错：" + store.ErrorMessage(err))
	}
}

// backupNow makes a backup into the folder (手动), off the UI goroutine.
func (b *settingsBackups) backupNow() {
	d := b.t.d
	settingsBusy(d, "正在备份…", func() (string, error) {
		return d.db.SafetyBackup(d.ctx, store.BackupManual)
	}, func(out string) {
		b.reload()
		dialog.ShowInformation("备份完成", "已备份到\n"+out, d.win)
	})
}

// chooseFolder asks for a folder (a USB stick, another disk) and backs up into it.
func (b *settingsBackups) chooseFolder() {
	d := b.t.d
	dlg := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			d.showError(err)
			return
		}
		if dir == nil {
			return
		}
		settingsBusy(d, "正在备份…", func() (string, error) {
			return settingsBackup(d, dir.Path(), time.Now())
		}, func(out string) {
			dialog.ShowInformation("备份完成", "已备份到\n"+out, d.win)
		})
	}, d.win)
	showFileDialog(dlg, "")
}

// settingsBusy runs work off the UI goroutine behind a progress dialog, then shows its error or calls done.
func settingsBusy(d *desk, title string, work func() (string, error), done func(string)) {
	prog := dialog.NewCustomWithoutButtons(title, widget.NewProgressBarInfinite(), d.win)
	prog.Resize(fyne.NewSize(400, 100))
	prog.Show()
	go func() {
		out, err := work()
		fyne.Do(func() {
			prog.Hide()
			if err != nil {
				d.showError(err)
				return
			}
			done(out)
		})
	}()
}

// confirmRestore names the chosen backup and says what happens to the current file before restoring it.
// The window closes the database, restores and reopens it through the start-up path (session.restoreFrom):
// every tab is rebuilt on the restored file, so none can show or save the replaced data.
func (b *settingsBackups) confirmRestore() {
	x := b.selected
	if x.Path == "" {
		b.t.d.showError(errors.New("请先在列表中选择要恢复的备份"))
		return
	}
	msg := fmt.Sprintf("确定要恢复 %s 的备份(%s)吗？\n%s\n\n"+
		"恢复后，数据回到备份时的样子，之后所做的修改不在其中。\n"+
		"现在的数据库文件不会删除：它会改名为「%s.恢复前-日期时间.db」保留在原处，需要时还能在这里恢复回来。\n"+
		"恢复时程序会先关闭数据库，恢复完成后自动重新打开。",
		backupTimeText(x.Time), backupReasonText(x.Reason), filepath.Base(x.Path),
		strings.TrimSuffix(filepath.Base(b.t.d.db.Path()), filepath.Ext(b.t.d.db.Path())))
	label := widget.NewLabel(msg)
	label.Wrapping = fyne.TextWrapWord
	dlg := dialog.NewCustomConfirm("恢复备份", "恢复", "取消", label, func(ok bool) {
		if !ok {
			return
		}
		b.t.d.sessionOf().restoreFrom(x, func(nd *desk) { nd.settings.showBackups() })
	}, b.t.d.win)
	dlg.Resize(fyne.NewSize(600, 320))
	dlg.Show()
}

// openFolder shows the backup folder in the system's file manager (made first, so there is one to show).
func (b *settingsBackups) openFolder() {
	dir := store.BackupDir(b.t.d.db.Path())
	if err := os.MkdirAll(dir, 0o700); err != nil {
		b.t.d.showError(fmt.Errorf("创建备份文件夹: %w", err))
		return
	}
	b.t.d.openLocal(dir)
}

// showBackups selects 设置 → 备份 (after a restore, where the clerk was).
func (t *settingsTab) showBackups() {
	for _, it := range t.d.tabs.Items {
		if it.Content == t.sections {
			t.d.tabs.Select(it)
		}
	}
	for _, it := range t.sections.Items {
		if it.Content == t.backups.content {
			t.sections.Select(it)
		}
	}
}

// ---- 显示 ----

// settingsDisplay is the text size (字号); a choice takes effect at once.
type settingsDisplay struct {
	t       *settingsTab
	size    *widget.RadioGroup
	msg     *widget.Label
	loading bool
	content fyne.CanvasObject
}

func newSettingsDisplay(t *settingsTab) *settingsDisplay {
	x := &settingsDisplay{t: t}
	x.size = widget.NewRadioGroup(store.TextSizes, x.save)
	x.size.Required = true
	x.msg = widget.NewLabel("")
	x.msg.Importance = widget.DangerImportance
	x.msg.Hide()
	head := widget.NewLabelWithStyle("字号", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	note := widget.NewLabel("选择后立即生效，所有窗口和对话框的文字都会随之放大。")
	note.Wrapping = fyne.TextWrapWord
	x.content = container.NewVScroll(container.NewVBox(head, x.size, note, x.msg))
	return x
}

func (x *settingsDisplay) load() {
	s, err := x.t.d.db.Settings(x.t.d.ctx)
	if err != nil || x.size.Selected == s.TextSize {
		return
	}
	x.loading = true
	x.size.SetSelected(s.TextSize)
	x.loading = false
}

// save stores the chosen size and applies the theme at once.
func (x *settingsDisplay) save(size string) {
	if x.loading || size == "" {
		return
	}
	db, ctx := x.t.d.db, x.t.d.ctx
	s, err := db.Settings(ctx)
	if err == nil && s.TextSize == size {
		return
	}
	if err == nil {
		s.TextSize = size
		err = db.SaveSettings(ctx, s)
	}
	if err != nil {
		x.msg.SetText(store.ErrorMessage(err))
		x.msg.Show()
		return
	}
	x.msg.Hide()
	x.t.d.applySettings()
}
