package ui

import (
	"encoding/json"
	"errors"
	"fmt"
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
// the whole year in one transaction; until then the year is a form with unsaved changes (guard.go).
type settingsHolidays struct {
	t         *settingsTab
	year      int
	years     *widget.Select
	switching bool            // set while the year Select is put back after a cancelled switch
	entries   []store.Holiday // the year as edited, sorted by date
	state     *formState      // the year's, as a form of the window
	selected  int             // index in entries, -1 for none
	list      *recordList[settingsHolidayRow]
	empty     *fyne.Container
	status    *widget.Label
	unsaved   *widget.Label
	nothing   *widget.Label // why 保存 is disabled when it is
	msg       *widget.Label
	save      *widget.Button
	revert    *widget.Button
	date      *dateEntry
	kind      *widget.Select
	name      *textEntry
	from, to  *dateEntry
	rangeName *textEntry
	content   fyne.CanvasObject
}

func newSettingsHolidays(t *settingsTab) *settingsHolidays {
	x := &settingsHolidays{t: t, selected: -1}
	x.year = t.d.db.Now().Year()
	var years []string
	for y := x.year - 2; y <= x.year+2; y++ {
		years = append(years, fmt.Sprintf("%d年", y))
	}
	x.years = newSelect(years, x.chooseYear)
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
	x.nothing = widget.NewLabel("本年没有修改，无需保存")
	x.nothing.Importance = widget.LowImportance
	x.msg = widget.NewLabel("")
	x.msg.Wrapping = fyne.TextWrapWord
	x.say("", false)
	x.save = widget.NewButtonWithIcon("保存本年节假日", theme.DocumentSaveIcon(), func() {
		if x.state != nil {
			x.state.submit()
		} else {
			x.saveYear()
		}
	})
	x.save.Importance = widget.HighImportance
	x.revert = widget.NewButtonWithIcon("放弃修改", theme.ContentUndoIcon(), x.confirmRevert)
	del := widget.NewButtonWithIcon("删除", theme.DeleteIcon(), x.remove)

	x.date = newDateEntry(false)
	x.kind = newSelect([]string{settingsDayOff, settingsWorkday}, nil)
	x.kind.SetSelected(settingsDayOff)
	x.name = newTextEntry()
	x.name.SetPlaceHolder("如：国庆节")
	x.name.OnSubmitted = func(string) { x.add() }
	add := widget.NewButtonWithIcon("添加", theme.ContentAddIcon(), x.add)
	add.Importance = widget.HighImportance
	x.from, x.to = newDateEntry(false), newDateEntry(false)
	x.rangeName = newTextEntry()
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
	right := container.NewVScroll(container.NewVBox(
		boldLabel("添加一天"), one, container.NewHBox(add),
		widget.NewSeparator(),
		boldLabel("添加连续放假(每一天都记为放假)"), days, container.NewHBox(addRange),
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
			container.NewHBox(boldLabel("节假日"), widget.NewLabel("年份"), fixedWidth(110, x.years), x.status),
			container.NewHBox(x.unsaved, x.nothing, x.revert, x.save)),
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
	if !x.dirty() {
		x.load()
	}
}

// dirty reports whether the year as edited differs from the year as saved.
func (x *settingsHolidays) dirty() bool { return x.state != nil && x.state.dirty() }

// load reads the chosen year from the store, dropping any edits (and their draft).
func (x *settingsHolidays) load() {
	hs, err := x.t.d.db.Holidays(x.t.d.ctx, x.year)
	if err != nil {
		x.say(store.ErrorMessage(err), false)
	}
	x.entries = hs
	x.show()
	if x.state != nil && x.state.live && x.state.key == fmt.Sprint(x.year) {
		x.state.reset()
		return
	}
	year := x.year
	x.state = x.t.d.trackForm(&formState{kind: formHolidays, key: fmt.Sprint(year),
		name: func() string { return fmt.Sprintf("%d年节假日", year) },
		get:  func() any { return x.entries },
		set: func(raw json.RawMessage) error {
			var hs []store.Holiday
			err := json.Unmarshal(raw, &hs)
			x.entries = hs
			x.show()
			return err
		},
		save: x.saveYear, reveal: func() { x.t.showSection(x.content) }, mark: x.showUnsaved, root: x.content})
	x.showUnsaved(false)
}

// changed follows an edit of the year's list.
func (x *settingsHolidays) changed() {
	x.show()
	if x.state != nil {
		x.state.touched()
	}
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
	x.showUnsaved(x.dirty())
}

// showUnsaved shows whether the year holds unsaved changes: the mark, and 保存 and 放弃修改 usable or not
// (a disabled 保存 says why beside it).
func (x *settingsHolidays) showUnsaved(on bool) {
	if on {
		x.unsaved.Show()
		x.nothing.Hide()
		x.save.Enable()
		x.revert.Enable()
	} else {
		x.unsaved.Hide()
		x.nothing.Show()
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

// chooseYear switches to another year; unsaved edits of the current one are saved or dropped as the clerk
// answers (guard.go), and 取消 stays on the year.
func (x *settingsHolidays) chooseYear(v string) {
	if x.switching {
		return
	}
	y, err := strconv.Atoi(strings.TrimSuffix(v, "年"))
	if err != nil || y == x.year {
		return
	}
	old := x.year
	x.t.d.leave([]string{formHolidays}, func() {
		x.year = y
		x.say("", false)
		x.load()
	}, func() {
		x.switching = true
		x.years.SetSelected(fmt.Sprintf("%d年", old))
		x.switching = false
	})
}

// insert adds entries, keeps the list sorted by date and selects the first one added.
func (x *settingsHolidays) insert(hs ...store.Holiday) {
	x.entries = append(x.entries, hs...)
	slices.SortStableFunc(x.entries, func(a, b store.Holiday) int { return strings.Compare(string(a.Date), string(b.Date)) })
	x.changed()
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
	x.changed()
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
func (x *settingsHolidays) saveYear() error {
	if err := x.t.d.db.SetHolidays(x.t.d.ctx, x.year, x.entries); err != nil {
		x.say(store.ErrorMessage(err)+"。未保存，请改正后再保存", false)
		var se *store.Error
		var n int
		if errors.As(err, &se) {
			if _, err := fmt.Sscanf(se.Field, "第%d行日期", &n); err == nil && n >= 1 && n <= len(x.entries) {
				x.selectRow(n - 1)
			}
		}
		return err
	}
	x.load()
	x.say(fmt.Sprintf("已保存%d年节假日，共 %d 天", x.year, len(x.entries)), true)
	x.t.deadlines.updateExample()
	x.t.changed() // overdue and not-assigned-in-time flags count working days
	return nil
}
