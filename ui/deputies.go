package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// deputiesTab is 代表: the roster with search and filters, and a pane with the deputy's form, their
// suggestions and their attendance.
type deputiesTab struct {
	item     *container.TabItem // made once (tabItem): the window selects the tab by it
	d        *desk
	filter   store.DeputyFilter
	list     *recordList[store.Deputy]
	search   *searchEntry
	current  store.Deputy // the record in the pane; ID 0 for a new one
	pane     *formPane    // its form
	detail   *fyne.Container
	groups   []store.Group
	settings store.Settings // for the words 镇/乡, 县/区 in level labels; re-read on refresh
	filters  struct{ level, group, status, station, district *widget.Select }
	// districts are the town 选区 of the register, for the 选区 filter (issue 16).
	districts []store.District
	content   fyne.CanvasObject
	sections  *container.AppTabs // 基本信息 / 相关建议 / 出席情况 / 履职档案 / 述职评议 / 联系选民 of a saved deputy

	// The 履职档案 section of the current deputy: a year and the record of that year.
	recordYear     *widget.Select
	recordYearPick string // the year last chosen, kept from one deputy to the next
	recordBox      *fyne.Container
	record         store.DeputyRecord

	// The 述职评议 section of the current deputy (reportback.go).
	backs     []store.ReportBack
	rbAdd     *widget.Button
	rbList    *fyne.Container // the list with its heading
	rbForm    *fyne.Container // the form of the chosen record
	rbPane    *formPane
	rbCurrent store.ReportBack
	rbDialog  *reportBackDialog // the 述职评议 dialog last opened

	// The 联系选民 section of the current deputy (deputies_contact.go).
	contactPane *formPane
	visitsBox   *fyne.Container
}

func newDeputiesTab(d *desk) *deputiesTab {
	t := &deputiesTab{d: d}
	s := &t.settings
	cols := []column[store.Deputy]{
		{"姓名", 90, "name", func(x store.Deputy) string { return x.Name }},
		{"性别", 50, "gender", func(x store.Deputy) string { return x.Gender }},
		{"出生年月", 80, "birth", func(x store.Deputy) string { return x.Birth }},
		{"代表层级", 110, "", func(x store.Deputy) string { return levelsText(*s, x.Levels) }},
		{"选区", 70, "district", func(x store.Deputy) string { return x.District }},
		{"代表小组", 110, "group", func(x store.Deputy) string { return x.GroupName }},
		{"村(居)", 90, "village", func(x store.Deputy) string { return x.Village }},
		{"工作单位及职务", 200, "unit", func(x store.Deputy) string { return strings.TrimSpace(x.WorkUnit + " " + x.Post) }},
		{"联系电话", 110, "", func(x store.Deputy) string { return x.Phone }},
		{"状态", 60, "status", func(x store.Deputy) string { return x.Status }},
	}
	t.list = newRecordList(cols, func(offset, limit int, sort string, desc bool) ([]store.Deputy, int, error) {
		f := t.filter
		f.Offset, f.Limit, f.Sort, f.Desc = offset, limit, sort, desc
		return d.db.Deputies(d.ctx, f)
	}, func(x store.Deputy) { t.open(x, t.list.undoSelect, nil) })
	t.search = newSearchEntry("搜索姓名、单位、村(居)", func(q string) {
		t.filter.Query = q
		t.list.reload()
	})
	t.filters.level = newSelect(append([]string{"全部"}, store.DeputyLevels...), func(v string) {
		t.filter.Level = allOr(v)
		t.list.reload()
	})
	t.filters.status = newSelect(append([]string{"全部"}, store.DeputyStatuses...), func(v string) {
		t.filter.Status = allOr(v)
		t.list.reload()
	})
	t.filters.group = newSelect(nil, func(v string) {
		t.filter.GroupID = 0
		for _, g := range t.groups {
			if g.Name == v {
				t.filter.GroupID = g.ID
			}
		}
		t.list.reload()
	})
	t.filters.station = newSelect(nil, func(v string) {
		t.filter.StationID = 0
		for _, o := range t.stationOptions() {
			if o.Label == v {
				t.filter.StationID = o.ID
			}
		}
		t.list.reload()
	})
	t.filters.district = newSelect(nil, func(v string) {
		t.filter.DistrictID = 0
		for _, x := range t.districts {
			if x.Label() == v {
				t.filter.DistrictID = x.ID
			}
		}
		t.list.reload()
	})
	for _, sel := range []*widget.Select{t.filters.level, t.filters.group, t.filters.status, t.filters.station, t.filters.district} {
		sel.PlaceHolder = "全部"
	}
	// The roster opens on the deputies in office (在任); 出缺, 任期届满 and 全部 are a choice away.
	t.filters.status.Selected, t.filter.Status = store.DeputyActive, store.DeputyActive
	t.detail = container.NewStack(emptyDetail("在左侧选择一位代表，或点「新增」"))
	tb := newToolbar(t.newRecord, t.edit, t.remove, t.exportList)
	tb.addImport(d, store.ImportDeputies)
	tb.box.Add(widget.NewButtonWithIcon("批量修改", theme.ListIcon(), func() { t.bulkEdit() }))
	tb.box.Add(t.printButton())
	tb.box.Add(widget.NewButtonWithIcon("述职评议", theme.ListIcon(), t.showReportBackDialog))
	tb.box.Add(widget.NewButtonWithIcon("意见卡与通报", theme.MailComposeIcon(), func() { t.showCardsDialog() })) // issue 18 (cards.go)
	tb.box.Add(widget.NewButtonWithIcon("补选", theme.AccountIcon(), t.byElection))                           // issue 16 (byelection.go)
	// Issue 22 part 4: 评先评优 (awards.go).
	tb.box.Add(widget.NewButtonWithIcon("评先评优", theme.RadioButtonCheckedIcon(), func() { t.showAwardsDialog() }))
	t.content = recordFrame(tb, t.search, []fyne.CanvasObject{
		labeled("层级", t.filters.level), labeled("小组", t.filters.group), labeled("状态", t.filters.status),
		labeled("联络站", t.filters.station), labeled("选区", t.filters.district),
	}, t.list.table, t.list.status, t.detail)
	return t
}

func (t *deputiesTab) tabItem() *container.TabItem { return onceTab(&t.item, "代表", t.content) }

// refresh re-reads the filter choices and the list.
func (t *deputiesTab) refresh() {
	var err error
	t.settings, err = t.d.db.Settings(t.d.ctx)
	logError("代表: 读取设置", err) // applySettings has shown it
	t.groups, err = t.d.db.Groups(t.d.ctx)
	logError("代表: 读取代表小组", err) // the list below fails alike and says so
	names := []string{"全部"}
	for _, g := range t.groups {
		names = append(names, g.Name)
	}
	t.filters.group.SetOptions(names)
	st := []string{"全部"}
	for _, o := range t.stationOptions() {
		st = append(st, o.Label)
	}
	t.filters.station.SetOptions(st)
	t.districts, err = t.d.db.Districts(t.d.ctx, store.LevelTown)
	logError("代表: 读取选区", err) // the filter then offers 全部 only
	ds := []string{"全部"}
	for _, x := range t.districts {
		ds = append(ds, x.Label())
	}
	t.filters.district.SetOptions(ds)
	t.list.reload()
}

func allOr(v string) string {
	if v == "全部" {
		return ""
	}
	return v
}

func levelsText(s store.Settings, levels []string) string {
	out := make([]string, len(levels))
	for i, l := range levels {
		out[i] = s.LevelLabel(l)
	}
	return strings.Join(out, "、")
}

func (t *deputiesTab) stationOptions() []option { return stationOptions(t.d) }

func (t *deputiesTab) newRecord() {
	t.show(store.Deputy{Status: store.DeputyActive, Levels: []string{store.LevelTown}, New: true})
}

// edit moves the cursor into the form of the chosen deputy.
func (t *deputiesTab) edit() {
	if t.current.ID == 0 {
		t.d.showError(fmt.Errorf("请先在列表中选择一位代表"))
		return
	}
	t.pane.focus(t.d.win)
}

func (t *deputiesTab) remove() {
	if t.current.ID == 0 {
		t.d.showError(fmt.Errorf("请先在列表中选择要删除的代表"))
		return
	}
	cur := t.current
	t.d.confirmDelete("代表", cur.Name, func() error { return t.d.db.CheckDeleteDeputy(t.d.ctx, cur.ID) }, func() error {
		if err := t.d.db.DeleteDeputy(t.d.ctx, cur.ID); err != nil {
			return err
		}
		t.current = store.Deputy{}
		t.d.dropForms(formDeputy, formReportBack)
		t.detail.Objects = []fyne.CanvasObject{emptyDetail("已删除代表「" + cur.Name + "」")}
		t.detail.Refresh()
		t.list.reload()
		return nil
	})
}

func (t *deputiesTab) exportList() { exportRecords(t.d, "代表名册", t.list) }

// deputyForms are the forms of a deputy's pane.
var deputyForms = []string{formDeputy, formReportBack, formContact}

// show puts a deputy into the detail pane, once its forms hold no unsaved changes (guard.go).
func (t *deputiesTab) show(x store.Deputy) { t.open(x, nil, nil) }

// open shows x as show does; cancel runs when the clerk stays on the form, then once x is shown. The deputy
// already shown is shown again at once, keeping what its forms hold.
func (t *deputiesTab) open(x store.Deputy, cancel, then func()) {
	t.d.switchRecord(deputyForms, x.ID != 0 && x.ID == t.current.ID, func() { t.display(x) }, cancel, then)
}

// display puts a deputy into the detail pane: the form, and for a saved deputy their suggestions, attendance,
// the year's 履职档案 and the report-backs. The same deputy shown again (after a save) keeps the section on
// screen and the unsaved changes of its forms.
func (t *deputiesTab) display(x store.Deputy) {
	rb := t.rbCurrent
	keep, page := t.d.samePane(x.ID != 0 && x.ID == t.current.ID, t.sections, deputyForms...)
	t.current = x
	form := t.form(x)
	var pane fyne.CanvasObject = form.content
	t.sections = nil
	if x.ID != 0 {
		t.sections = container.NewAppTabs(
			container.NewTabItem("基本信息", form.content),
			container.NewTabItem("相关建议", t.suggestionsOf(x)),
			container.NewTabItem("出席情况", t.attendanceOf(x)),
			container.NewTabItem("履职档案", t.recordOf(x)),
			container.NewTabItem("述职评议", t.reportBacksOf(x)),
			container.NewTabItem("联系选民", t.contactOf(x)),
			t.d.attachmentsItem(t, store.Owner{Kind: store.OwnerDeputy, ID: x.ID}),
		)
		if kept(keep, formReportBack) {
			t.displayReportBack(rb)
		}
		t.sections.SelectIndex(page)
		pane = t.sections
	}
	t.detail.Objects = []fyne.CanvasObject{pane}
	t.detail.Refresh()
	t.d.putBack(keep)
	t.revealInList(x) // selected in the list, the filter cleared if it hides it
}

// reveal shows the deputy's section page (0 基本信息, 4 述职评议).
func (t *deputiesTab) reveal(page int) { t.d.revealPage(t.content, t.sections, page) }

// form builds the deputy form filled with x; 保存 creates or updates.
func (t *deputiesTab) form(x store.Deputy) *formPane {
	db, ctx := t.d.db, t.d.ctx
	// The form opens with what could be read; the first read that failed is shown once.
	var readErr error
	read := func(err error) {
		if readErr == nil {
			readErr = err
		}
	}
	s, err := db.Settings(ctx)
	read(err)
	dict := func(kind string) []string { v, err := db.Dict(ctx, kind); read(err); return v }
	name := requiredEntry("姓名")
	name.SetText(x.Name)
	gender := selectWith(store.Genders, true)
	gender.SetSelected(x.Gender)
	ethnicity := newFilterSelect(dict(store.DictEthnicity), true)
	ethnicity.SetSelected(x.Ethnicity)
	birth := newTextEntry()
	birth.SetPlaceHolder("1968-05")
	birth.SetText(x.Birth)
	birth.Validator = func(v string) error {
		if _, err := store.ParseYearMonth(v); err != nil {
			return errors.New(strings.TrimPrefix(err.Error(), "年月")) // as the store says it: 出生年月「…」…
		}
		return nil
	}
	party := selectWith(dict(store.DictParty), true)
	party.SetSelected(x.Party)
	edu := selectWith(dict(store.DictEducation), true)
	edu.SetSelected(x.Education)
	unit, post, phone := newTextEntry(), newTextEntry(), newTextEntry()
	unit.SetText(x.WorkUnit)
	post.SetText(x.Post)
	phone.SetText(x.Phone)
	village := newFilterSelect(dict(store.DictVillage), true)
	village.SetSelected(x.Village)
	allTerms, err := db.Terms(ctx)
	read(err)
	terms := termsOf(allTerms, store.LevelTown) // the deputy's 届次 is the town's; other levels' are on their seat lines
	districts, err := db.Districts(ctx, "")
	read(err)
	termNames := []string{}
	for _, tm := range terms {
		termNames = append(termNames, tm.Name())
	}
	term := selectWith(termNames, true)
	for _, tm := range terms {
		if tm.ID == x.TermID {
			term.SetSelected(tm.Name())
		}
	}
	groupNames := []string{}
	for _, g := range t.groups {
		groupNames = append(groupNames, g.Name)
	}
	group := newFilterSelect(groupNames, true)
	for _, g := range t.groups {
		if g.ID == x.GroupID {
			group.SetSelected(g.Name)
		}
	}
	levelLabels := make([]string, len(store.DeputyLevels))
	for i, l := range store.DeputyLevels {
		levelLabels[i] = s.LevelLabel(l)
	}
	levels := widget.NewCheckGroup(levelLabels, nil)
	levels.Horizontal = true
	for _, l := range x.Levels {
		levels.Selected = append(levels.Selected, s.LevelLabel(l))
	}
	ticked := func() []string {
		var out []string
		for _, l := range store.DeputyLevels {
			if slices.Contains(levels.Selected, s.LevelLabel(l)) {
				out = append(out, l)
			}
		}
		return out
	}
	// 当选日期, one line per level ticked; a level without a date shows the chosen term's start (or today).
	termStart := func() store.Date {
		for _, tm := range terms {
			if tm.Name() == term.Selected && tm.Start != "" {
				return tm.Start
			}
		}
		return store.DateOf(db.Now())
	}
	seats := newSeatDates(s.LevelLabel, termStart())
	seats.register(allTerms, districts)
	seats.show(ticked(), x.Seats)
	levels.OnChanged = func([]string) { seats.show(ticked(), nil) }
	term.OnChanged = func(string) { seats.setDefault(termStart()) }
	tags := widget.NewCheckGroup(dict(store.DictComposition), nil)
	tags.Selected = slices.Clone(x.Tags)
	roles := widget.NewCheckGroup(dict(store.DictRole), nil)
	roles.Selected = slices.Clone(x.Roles)
	stations := newIDPicker("选择进站的联络站", t.stationOptions)
	stations.SetSelected(x.StationIDs)
	official := widget.NewCheck("职务代表", nil)
	official.SetChecked(x.Official)
	isNew := widget.NewCheck("新任(不勾选为连任)", nil)
	isNew.SetChecked(x.New)
	status := newSelect(store.DeputyStatuses, nil)
	status.SetSelected(x.Status)
	reason := selectWith(store.VacancyReasons, true)
	reason.SetSelected(x.VacancyReason)
	vdate := newDateEntry(false)
	vdate.SetDate(x.VacancyDate)
	notes := multiline(3)
	notes.SetText(x.Notes)

	var pane *formPane
	pane = newFormPane([]*widget.FormItem{
		widget.NewFormItem("姓名", name),
		widget.NewFormItem("性别", gender),
		widget.NewFormItem("民族", ethnicity),
		widget.NewFormItem("出生年月", birth),
		widget.NewFormItem("政治面貌", party),
		widget.NewFormItem("文化程度", edu),
		widget.NewFormItem("工作单位", unit),
		widget.NewFormItem("职务", post),
		widget.NewFormItem("联系电话", phone),
		widget.NewFormItem("所在村(居)", village),
		widget.NewFormItem("代表层级", levels),
		widget.NewFormItem("届次", term),
		{Text: "当选日期", Widget: seats.box, HintText: "每级一行：届次、当选日期、选区。日期默认为所选届次的开始日期(未选届次时为今天)；补选的代表请改为补选日期"},
		{Text: "任期终止", Widget: seats.ends, HintText: "某一级不再担任(届满、调离等)时填写；代表出缺请用下面的状态"},
		widget.NewFormItem("代表小组", group),
		widget.NewFormItem("进站", stations),
		widget.NewFormItem("代表构成", tags),
		widget.NewFormItem("职务角色", roles),
		widget.NewFormItem("", container.NewHBox(official, isNew)),
		widget.NewFormItem("状态", status),
		widget.NewFormItem("出缺原因", reason),
		widget.NewFormItem("出缺日期", vdate),
		widget.NewFormItem("备注", notes),
	}, nil)
	// build is the deputy as the form holds it.
	build := func() store.Deputy {
		y := x
		y.Name, y.Gender, y.Ethnicity, y.Birth = name.Text, gender.Selected, ethnicity.Selected, birth.Text
		y.Party, y.Education, y.WorkUnit, y.Post, y.Phone = party.Selected, edu.Selected, unit.Text, post.Text, strings.TrimSpace(phone.Text)
		y.Village, y.Official, y.New = village.Selected, official.Checked, isNew.Checked
		y.District = seats.townDistrict() // the register's; none clears it
		y.Status, y.VacancyReason, y.VacancyDate, y.Notes = status.Selected, reason.Selected, vdate.Typed(), notes.Text
		y.TermID, y.GroupID = 0, 0
		for _, tm := range terms {
			if tm.Name() == term.Selected {
				y.TermID = tm.ID
			}
		}
		for _, g := range t.groups {
			if g.Name == group.Selected {
				y.GroupID = g.ID
			}
		}
		y.Levels, y.Seats = ticked(), seats.seats()
		y.Tags, y.Roles, y.StationIDs = slices.Clone(tags.Selected), slices.Clone(roles.Selected), stations.Selected()
		return y
	}
	pane.check = func() error { y := build(); return y.Validate() }
	pane.onSave = func() error {
		y := build()
		if err := db.SaveDeputy(ctx, &y); err != nil {
			return err
		}
		t.list.reload()
		t.display(y)
		t.pane.showInfo("已保存")
		return nil
	}
	// ＊ follows the store's rule: 出缺 asks for its reason and date too.
	required := func() { pane.require(store.Required(&store.Deputy{Status: status.Selected})) }
	status.OnChanged = func(string) { required() }
	required()
	if x.ID == 0 {
		pane.title.SetText("新增代表")
	} else {
		pane.title.SetText(x.Name)
	}
	pane.first = name
	t.pane = pane
	pane.track(t.d, formDeputy, recordKey(x.ID), x, func() string {
		if x.ID == 0 {
			return "新增代表" + quoted(name.Text)
		}
		return "代表" + quoted(x.Name)
	}, func() { t.reveal(0) })
	if readErr != nil {
		t.d.showError(readErr)
	}
	return pane
}

// suggestionsOf lists the suggestions the deputy led or co-signed.
func (t *deputiesTab) suggestionsOf(x store.Deputy) fyne.CanvasObject {
	items, n, err := t.d.db.Suggestions(t.d.ctx, store.SuggestionFilter{DeputyID: x.ID, Limit: 500})
	if err != nil {
		return widget.NewLabel(store.ErrorMessage(err))
	}
	rows := make([]string, len(items))
	for i, s := range items {
		role := "联名"
		if s.LeadDeputyID == x.ID {
			role = "领衔"
		}
		rows[i] = fmt.Sprintf("%s　%s　[%s·%s]", s.Number, s.Title, role, s.State)
	}
	return simpleList(fmt.Sprintf("领衔或联名的建议共 %d 件", n), rows, func(i int) { t.d.openSuggestion(items[i].ID) })
}

// attendanceOf lists the meetings the deputy was counted at, with totals.
func (t *deputiesTab) attendanceOf(x store.Deputy) fyne.CanvasObject {
	recs, err := t.d.db.AttendanceOf(t.d.ctx, x.ID, 0)
	if err != nil {
		return widget.NewLabel(store.ErrorMessage(err))
	}
	count := map[string]int{}
	rows := make([]string, len(recs))
	for i, r := range recs {
		count[r.Status]++
		line := fmt.Sprintf("%s　%s　%s", r.Date, r.Title, r.Status)
		if r.Reason != "" {
			line += "(" + r.Reason + ")"
		}
		rows[i] = line
	}
	head := fmt.Sprintf("出席 %d 次，请假 %d 次，缺席 %d 次，列席 %d 次", count["出席"], count["请假"], count["缺席"], count["列席"])
	return simpleList(head, rows, nil)
}

// simpleList is a heading over a list of text lines; tapping a line calls open (when set).
func simpleList(head string, rows []string, open func(int)) fyne.CanvasObject {
	l := widget.NewList(func() int { return len(rows) },
		func() fyne.CanvasObject {
			lb := widget.NewLabel("")
			lb.Truncation = fyne.TextTruncateEllipsis
			return lb
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(rows[i]) })
	if open != nil {
		l.OnSelected = func(i widget.ListItemID) { open(i); l.UnselectAll() }
	}
	return container.NewBorder(boldLabel(head), nil, nil, nil, l)
}

// thisYear is the year of the store's today.
func (t *deputiesTab) thisYear() int { return store.DateOf(t.d.db.Now()).Year() }

// recordYears are the years a 履职档案 can be shown for: this year back to the first year with suggestions.
func (t *deputiesTab) recordYears() []string {
	first := t.thisYear()
	ys, err := t.d.db.SuggestionYears(t.d.ctx)
	if err != nil {
		t.d.showError(err) // only this year is offered
	}
	for _, y := range ys {
		first = min(first, y)
	}
	var out []string
	for y := t.thisYear(); y >= first; y-- {
		out = append(out, fmt.Sprintf("%d年", y))
	}
	return out
}

// recordOf is the 履职档案 section: a year (this year first) and the deputy's record of it, with a button that
// prints the one-page PDF of the same figures.
func (t *deputiesTab) recordOf(x store.Deputy) fyne.CanvasObject {
	t.recordBox = container.NewVBox()
	t.recordYear = newSelect(t.recordYears(), func(v string) {
		t.recordYearPick = v
		t.loadRecord()
	})
	printBtn := widget.NewButtonWithIcon("打印履职档案", theme.DocumentPrintIcon(), func() {
		t.d.printTo(t.d.deputyFile(x, t.selectedYear()))
	})
	// The year chosen for the last deputy stays chosen, so the clerk can go through the deputies of a year.
	if slices.Contains(t.recordYear.Options, t.recordYearPick) {
		t.recordYear.SetSelected(t.recordYearPick)
	} else {
		t.recordYear.SetSelectedIndex(0)
	}
	top := container.NewHBox(widget.NewLabel("年度"), t.recordYear, printBtn)
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(t.recordBox))
}

// selectedYear is the year chosen in the 履职档案 section (this year when none is).
func (t *deputiesTab) selectedYear() int {
	var y int
	if t.recordYear != nil {
		fmt.Sscanf(t.recordYear.Selected, "%d年", &y)
	}
	if y == 0 {
		y = t.thisYear()
	}
	return y
}

// loadRecord reads the current deputy's record of the chosen year into the section.
func (t *deputiesTab) loadRecord() {
	if t.recordBox == nil || t.current.ID == 0 {
		return
	}
	rec, err := t.d.db.DeputyRecord(t.d.ctx, t.current.ID, t.selectedYear())
	if err != nil {
		t.recordBox.Objects = []fyne.CanvasObject{widget.NewLabel(store.ErrorMessage(err))}
		t.recordBox.Refresh()
		return
	}
	t.record = rec
	view := recordView(rec, t.settings.Precision)
	t.recordBox.Objects = append(append(view[:1:1], t.recordScore(rec)...), view[1:]...) // issue 22: 履职积分 under the title
	t.recordBox.Refresh()
}

// recordView lays out a DeputyRecord as the clerk reads it: a sentence per part, and the attendance by kind
// as a small table.
func recordView(r store.DeputyRecord, prec int) []fyne.CanvasObject {
	line := func(s string) fyne.CanvasObject {
		l := widget.NewLabel(s)
		// Break anywhere: a Chinese sentence is one "word" to TextWrapWord, which would make the pane as wide
		// as the sentence and squeeze the list beside it.
		l.Wrapping = fyne.TextWrapBreak
		return l
	}
	out := []fyne.CanvasObject{boldLabel(fmt.Sprintf("%s　%d年度履职档案", r.Deputy.Name, r.Year))}
	if len(r.Awards) > 0 { // issue 22 part 4: 评先评优 (awards.go), under the title and the score
		aw := boldLabel("表彰：" + strings.Join(r.Awards, "、"))
		aw.Importance = widget.SuccessImportance
		out = append(out, aw)
	}
	out = append(out, boldLabel("参加会议和活动"))
	tt := r.Total
	if tt.Marked() == 0 {
		out = append(out, line("本年度没有参加会议和活动的记录。"))
	} else {
		out = append(out, line(fmt.Sprintf("应参加或列席 %d 次：出席 %d 次、列席 %d 次，请假 %d 次，缺席 %d 次；参加人代会以外的会议和活动 %d 次。",
			tt.Marked(), tt.Present, tt.NonVoting, tt.Leave, tt.Absent, r.Activities)))
		// A small table as columns side by side, each as wide as its widest entry (a grid of equal columns
		// would be six times the widest kind name).
		cols := make([]*fyne.Container, 6)
		for i, h := range []string{"类型", "出席", "列席", "请假", "缺席", "合计"} {
			cols[i] = container.NewVBox(widget.NewLabelWithStyle(h, fyne.TextAlignCenter, fyne.TextStyle{Bold: true}))
		}
		rows := append(slices.Clone(r.Attendance), tt)
		for k, a := range rows {
			bold := fyne.TextStyle{Bold: k == len(rows)-1}
			for i, v := range []string{a.Kind, fmt.Sprint(a.Present), fmt.Sprint(a.NonVoting), fmt.Sprint(a.Leave), fmt.Sprint(a.Absent), fmt.Sprint(a.Marked())} {
				align := fyne.TextAlignCenter
				if i == 0 {
					align = fyne.TextAlignLeading
				}
				cols[i].Add(widget.NewLabelWithStyle(v, align, bold))
			}
		}
		table := container.NewHBox()
		for _, c := range cols {
			table.Add(c)
		}
		out = append(out, table)
	}
	out = append(out, boldLabel("培训学习"), line(trainingLine(r))) // issue 22 part 5 (training.go)
	out = append(out, boldLabel("提出建议"))
	led := fmt.Sprintf("领衔 %d 件", r.Led)
	if r.Led > 0 {
		var parts []string
		for _, o := range store.RecordOutcomes {
			parts = append(parts, fmt.Sprintf("%s %d 件", o, r.LedOutcomes[o]))
		}
		led += fmt.Sprintf("（人代会期间 %d 件、闭会期间 %d 件）：%s", r.LedSession, r.LedRecess(), strings.Join(parts, "、"))
	}
	out = append(out, line(led+"。"), line(fmt.Sprintf("联名 %d 件。", r.Cosigned)))
	out = append(out, boldLabel("进站接待选民"), line(fmt.Sprintf("进站接待 %d 次，接待选民 %d 人次。", r.Receptions, r.Voters)))
	if len(r.Stations) > 0 {
		out = append(out, line("进站："+strings.Join(r.Stations, "、")))
	}
	contact := fmt.Sprintf("联系选民 %d 次、%d 人次(每年应不少于 %d 次)", r.Visits, r.VisitVoters, r.VisitNorm)
	if r.Households > 0 {
		contact += fmt.Sprintf("，固定联系 %d 户", r.Households)
	}
	if r.VisitsBehind() {
		contact += fmt.Sprintf("，未达到要求(到统计日应有 %d 次)", r.Contact.Due)
	}
	out = append(out, boldLabel("联系选民"), line(contact+"。"))
	out = append(out, boldLabel("向选民述职和评议"))
	if len(r.ReportBacks) == 0 {
		out = append(out, line("本年度没有向选民述职的记录。"))
	}
	for _, b := range r.ReportBacks {
		out = append(out, line(reportBackLine(b, prec)))
	}
	return out
}
