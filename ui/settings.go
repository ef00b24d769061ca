package ui

import (
	"context"
	"errors"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// settingsTab is 设置: the office's names and counting rules, the deadline rules, the holiday calendar, the
// dictionaries, the handling units, the terms, the deputy groups, the data file, its backups, and the text
// size. The sections are listed down the left.
type settingsTab struct {
	item      *container.TabItem // made once (tabItem): the window selects the tab by it
	d         *desk
	sections  *container.AppTabs
	office    *settingsOffice
	deadlines *settingsDeadlines
	holidays  *settingsHolidays
	dict      *settingsDict
	units     *settingsUnits
	terms     *settingsTerms
	groups    *settingsGroups
	districts *settingsDistricts // issue 16
	rules     *settingsRules     // issue 22: 工作规则 (settings_rules.go)
	points    *settingsPoints    // issue 22: 履职积分 (settings_points.go)
	file      *settingsFile
	backups   *settingsBackups
	display   *settingsDisplay
	county    *settingsCounty // 报送与汇总 (issue 19)
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
	t.districts = newSettingsDistricts(t)
	t.rules = newSettingsRules(t)
	t.points = newSettingsPoints(t)
	t.file = newSettingsFile(t)
	t.backups = newSettingsBackups(t)
	t.display = newSettingsDisplay(t)
	t.county = newSettingsCounty(t)
	t.sections = container.NewAppTabs(
		container.NewTabItem("单位信息", t.office.content),
		container.NewTabItem("办理时限", t.deadlines.content),
		container.NewTabItem("节假日", t.holidays.content),
		container.NewTabItem("字典", t.dict.content),
		container.NewTabItem("承办单位", t.units.content),
		container.NewTabItem("届次", t.terms.content),
		container.NewTabItem("代表小组", t.groups.content),
		container.NewTabItem("选区", t.districts.content),
		container.NewTabItem("工作规则", t.rules.content),
		container.NewTabItem("履职积分", t.points.content),
		container.NewTabItem("数据文件", t.file.content),
		container.NewTabItem("备份", t.backups.content),
		container.NewTabItem("显示", t.display.content),
		container.NewTabItem("报送与汇总", t.county.content),
	)
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
	return t
}

// firstLoad puts the sections' names on the left and reads every section: what the tab needs before it is
// first shown, which the desk runs after the window's first frame (lazytabs.go). Setting the location
// refreshes the sections, which makes their renderers; not done in newSettingsTab for that reason.
func (t *settingsTab) firstLoad() {
	t.sections.SetTabLocation(container.TabLocationLeading)
	t.refresh()
}

func (t *settingsTab) tabItem() *container.TabItem { return onceTab(&t.item, "设置", t.sections) }

// refresh re-reads every section. After a change made elsewhere (demo data, an import) the open forms are
// reloaded too; after a change made here they are kept.
func (t *settingsTab) refresh() {
	if !t.own {
		t.office.load()
		t.deadlines.load()
		t.points.load()
		t.holidays.reload()
		t.county.load()
	}
	t.dict.reload()
	t.units.reload(!t.own)
	t.terms.reload(!t.own)
	t.groups.reload(!t.own)
	t.districts.reload(!t.own)
	t.rules.reload(!t.own)
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

// settingsList is a settings section over a short list of records (承办单位, 届次, 代表小组): 新增 and 删除 on
// top, the list with its count on the left, the chosen record's form on the right. Choosing another record or
// 新增 asks first when the form holds unsaved changes (guard.go). A section fills in what differs: its
// columns, how a record is read, named and deleted, and its form.
type settingsList[T any] struct {
	t       *settingsTab
	kind    string // the kind of its form (guard.go)
	what    string // the record, in the office's word: 承办单位
	hint    string // what the pane says before a record is chosen
	id      func(T) int64
	name    func(T) string
	all     func() ([]T, error)
	fresh   func() T                                  // the record 新增 starts from
	form    func(x T) *formPane                       // the form of x; its 保存 ends with saved
	confirm func(x T) string                          // the question before deleting x
	check   func(ctx context.Context, id int64) error // why x cannot be deleted, said before the question (may be nil)
	del     func(ctx context.Context, id int64) error

	list    *recordList[T]
	tools   *fyne.Container // 新增, 删除 and a section's own buttons
	current T
	pane    *formPane
	detail  *fyne.Container
	content fyne.CanvasObject
}

// build makes the list with its columns and lays the section out.
func (l *settingsList[T]) build(cols []column[T]) {
	l.list = newRecordList(cols, func(offset, limit int, _ string, _ bool) ([]T, int, error) {
		all, err := l.all()
		return settingsPage(all, offset, limit), len(all), err
	}, func(x T) { l.open(x, l.list.undoSelect) })
	l.detail = container.NewStack(emptyDetail(l.hint))
	add := widget.NewButtonWithIcon("新增", theme.ContentAddIcon(), l.newRecord)
	add.Importance = widget.HighImportance
	del := widget.NewButtonWithIcon("删除", theme.DeleteIcon(), l.remove)
	left := container.NewBorder(nil, l.list.status, nil, nil, l.list.table)
	split := container.NewHSplit(left, l.detail)
	split.Offset = 0.5
	l.tools = container.NewHBox(add, del)
	l.content = container.NewBorder(l.tools, nil, nil, nil, split)
}

// reload re-reads the list; reset also empties the form (after a change made elsewhere the record may be gone).
func (l *settingsList[T]) reload(reset bool) {
	l.list.reload()
	if reset {
		var none T
		l.current, l.pane = none, nil
		if s := l.t.d.form(l.kind); s != nil {
			l.t.d.retire(s)
		}
		l.detail.Objects = []fyne.CanvasObject{emptyDetail(l.hint)}
		l.detail.Refresh()
	}
}

// newRecord opens the form of a new record.
func (l *settingsList[T]) newRecord() { l.open(l.fresh(), nil) }

// open shows x's form once the form there holds no unsaved changes; cancel runs when the clerk stays. The
// record already in the form keeps it as it is.
func (l *settingsList[T]) open(x T, cancel func()) {
	if id := l.id(x); id != 0 && id == l.id(l.current) && l.pane != nil {
		return
	}
	l.t.d.leave([]string{l.kind}, func() { l.show(x) }, cancel)
}

// show puts x's form in the pane.
func (l *settingsList[T]) show(x T) {
	l.current = x
	p := l.form(x)
	l.pane = p
	p.track(l.t.d, l.kind, recordKey(l.id(x)), x, func() string {
		if l.id(x) != 0 {
			return l.what + quoted(l.name(x))
		}
		typed := ""
		switch e := p.first.(type) {
		case *textEntry:
			typed = e.Text
		case *widget.Entry:
			typed = e.Text
		}
		return "新增的" + l.what + quoted(typed)
	}, l.reveal)
	l.detail.Objects = []fyne.CanvasObject{p.content}
	l.detail.Refresh()
}

// saved follows a 保存 that went through: the list re-read, y in the form, 已保存, and the other tabs told.
func (l *settingsList[T]) saved(y T) {
	l.list.reload()
	l.show(y)
	l.pane.showInfo("已保存")
	l.t.changed()
}

// reveal shows the section in 设置.
func (l *settingsList[T]) reveal() { l.t.showSection(l.content) }

// remove deletes the chosen record after a confirmation that names it.
func (l *settingsList[T]) remove() {
	if l.id(l.current) == 0 {
		l.t.d.showError(errors.New("请先在列表中选择要删除的" + l.what))
		return
	}
	cur := l.current
	if l.check != nil {
		if err := l.check(l.t.d.ctx, l.id(cur)); err != nil {
			l.t.d.showError(err)
			return
		}
	}
	dialog.ShowConfirm("删除"+l.what, l.confirm(cur), func(ok bool) {
		if !ok {
			return
		}
		if err := l.del(l.t.d.ctx, l.id(cur)); err != nil {
			l.t.d.showError(err)
			return
		}
		l.t.d.dropForms(l.kind)
		l.reload(true)
		l.t.changed()
	}, l.t.d.win)
}

// showSection selects 设置 and its section whose content is o.
func (t *settingsTab) showSection(o fyne.CanvasObject) {
	t.d.showTab(t.sections)
	for _, it := range t.sections.Items {
		if it.Content == o {
			t.sections.Select(it)
		}
	}
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
