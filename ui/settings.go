package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
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
