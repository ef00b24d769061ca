package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// suggestionDueSoonDays is how near a deadline must be for the list to say 将到期.
const suggestionDueSoonDays = 15

// suggestionsTab is 建议: the register of deputies' and voters' suggestions with search and filters, and a
// pane with the registration form and the handling record of the chosen item. The list pages through the
// store, so it stays fast with 100 000 items.
type suggestionsTab struct {
	d       *desk
	filter  store.SuggestionFilter
	list    *recordList[store.Suggestion]
	search  *searchEntry
	current store.Suggestion // the item in the pane; ID 0 for a new one
	pane    *formPane        // its registration form
	panes   *container.AppTabs
	detail  *fyne.Container
	item    *container.TabItem
	filters struct {
		year, state, category, unit, source *widget.Select
		remind                              *widget.Select // 提醒: 逾期未答复 / 15天内到期 / 超时未交办
		carried                             *widget.Check  // 上届转入 (issue 16)
	}
	content fyne.CanvasObject

	// The step buttons of the item in the pane (workflow.go) and the line saying what was recorded.
	actions   *fyne.Container
	actionMsg *widget.Label

	// Read once per refresh: the choices of the filters and the form.
	settings   store.Settings
	years      []int
	units      []store.Unit
	categories []string
	sources    []string
	sessions   []store.Meeting
	deputies   []option       // co-signer choices, loaded when first needed
	rules      store.Rules    // deadline rules, read once per reload of the list (for 待交办·超时)
	carried    map[int64]bool // the items carried into the current term (「上届转入」), read with the rules
}

// The choices of the 提醒 filter.
var (
	remindAll        = "全部"
	remindOverdue    = "逾期未答复"
	remindDueSoon    = fmt.Sprintf("%d天内到期", suggestionDueSoonDays)
	remindAssignLate = "超时未交办"
	remindChoices    = []string{remindAll, remindOverdue, remindDueSoon, remindAssignLate}
)

func newSuggestionsTab(d *desk) *suggestionsTab {
	t := &suggestionsTab{d: d}
	// 编号, 标题, 状态 and 办理时限 first: they stay in sight beside the detail pane.
	cols := []column[store.Suggestion]{
		{"编号", 80, "number", func(x store.Suggestion) string { return x.Number }},
		{"标题", 210, "title", func(x store.Suggestion) string { return x.Title }},
		{"状态", 100, "state", func(x store.Suggestion) string {
			if t.carried[x.ID] {
				return suggestionStateText(x, t.rules, t.today()) + "·上届转入"
			}
			return suggestionStateText(x, t.rules, t.today())
		}},
		{"办理时限", 85, "deadline", func(x store.Suggestion) string { return string(x.Deadline) }},
		{"领衔代表", 70, "deputy", func(x store.Suggestion) string { return x.LeadDeputyName }},
		{"选民", 60, "", func(x store.Suggestion) string { return x.VoterName }},
		{"类别", 100, "category", func(x store.Suggestion) string { return x.Category }},
		{"收到日期", 85, "received", func(x store.Suggestion) string { return string(x.Received) }},
		{"承办单位", 115, "unit", func(x store.Suggestion) string { return x.MainUnitName }},
		{"办理结果", 85, "outcome", func(x store.Suggestion) string { return x.Outcome }},
	}
	t.list = newRecordList(cols, func(offset, limit int, sort string, desc bool) ([]store.Suggestion, int, error) {
		if offset == 0 {
			// A reload: the rules may have changed in 设置 since the last one.
			var err error
			t.rules, err = d.db.Rules(d.ctx)
			logError("建议: 读取办理时限规则", err) // the list is read next and says so when the store fails
			t.carried, err = d.db.CarriedOver(d.ctx)
			logError("建议: 读取上届转入的建议", err)
		}
		f := t.filter
		f.Today = t.today()
		f.Offset, f.Limit, f.Sort, f.Desc = offset, limit, sort, desc
		return d.db.Suggestions(d.ctx, f)
	}, func(x store.Suggestion) { t.open(x, t.list.undoSelect, nil) })
	t.search = newSearchEntry("搜索编号、标题、内容、代表或选民姓名", func(q string) {
		t.filter.Query = strings.TrimSpace(q)
		t.list.reload()
	})
	t.filters.year = newSelect(nil, func(v string) {
		t.filter.Year, _ = strconv.Atoi(strings.TrimSuffix(v, "年")) // 全部 → 0
		t.list.reload()
	})
	t.filters.state = newSelect(append([]string{"全部"}, store.States...), func(v string) {
		t.filter.States = nil
		if v := allOr(v); v != "" {
			t.filter.States = []string{v}
		}
		t.list.reload()
	})
	t.filters.category = newSelect(nil, func(v string) {
		t.filter.Category = allOr(v)
		t.list.reload()
	})
	t.filters.unit = newSelect(nil, func(v string) {
		t.filter.UnitID = 0
		for _, u := range t.units {
			if u.Name == v {
				t.filter.UnitID = u.ID
			}
		}
		t.list.reload()
	})
	t.filters.source = newSelect(nil, func(v string) {
		t.filter.Source = allOr(v)
		t.list.reload()
	})
	t.filters.remind = newSelect(remindChoices, func(v string) {
		t.filter.Overdue, t.filter.DueWithin, t.filter.AssignLate = v == remindOverdue, 0, v == remindAssignLate
		if v == remindDueSoon {
			t.filter.DueWithin = suggestionDueSoonDays
		}
		t.list.reload()
	})
	t.filters.carried = widget.NewCheck("上届转入", func(b bool) {
		t.filter.Carried = b
		t.list.reload()
	})
	for _, sel := range []*widget.Select{t.filters.year, t.filters.state, t.filters.category, t.filters.unit, t.filters.source, t.filters.remind} {
		sel.PlaceHolder = "全部"
	}
	t.detail = container.NewStack(emptyDetail("在左侧选择一件建议，或点「新增」登记"))
	tb := newToolbar(t.newRecord, t.edit, t.remove, t.exportList)
	tb.addImport(d, store.ImportSuggestions)
	tb.box.Add(widget.NewButtonWithIcon("批量交办", theme.MailForwardIcon(), func() { t.bulkAssign() }))
	tb.box.Add(widget.NewButtonWithIcon("承办单位", theme.GridIcon(), func() { t.unitView() }))
	t.content = recordFrame(tb, t.search, []fyne.CanvasObject{
		filterBox("年度", t.filters.year, 90), filterBox("状态", t.filters.state, 100),
		filterBox("类别", t.filters.category, 160), filterBox("承办单位", t.filters.unit, 170),
		filterBox("来源", t.filters.source, 160), filterBox("提醒", t.filters.remind, 120), t.filters.carried,
	}, t.list.table, t.list.status, t.detail)
	return t
}

func (t *suggestionsTab) tabItem() *container.TabItem { return onceTab(&t.item, "建议", t.content) }

// today is the office's today (the store's clock, so tests can fix it).
func (t *suggestionsTab) today() store.Date { return store.DateOf(t.d.db.Now()) }

// refresh re-reads the filter and form choices, then the list.
func (t *suggestionsTab) refresh() {
	db, ctx := t.d.db, t.d.ctx
	// A failure here is the store's, and the list read below says so in its status line.
	var err error
	t.settings, err = db.Settings(ctx)
	logError("建议: 读取设置", err)
	t.years, err = db.SuggestionYears(ctx)
	logError("建议: 读取年度", err)
	t.units, err = db.Units(ctx)
	logError("建议: 读取承办单位", err)
	t.categories, err = db.Dict(ctx, store.DictCategory)
	logError("建议: 读取类别", err)
	t.sources, err = db.Dict(ctx, store.DictSource)
	logError("建议: 读取来源", err)
	t.sessions, _, err = db.Meetings(ctx, store.MeetingFilter{Kind: store.MeetingCongress, Sort: "date", Desc: true})
	logError("建议: 读取人代会", err)
	t.deputies = nil
	years := []string{"全部"}
	for _, y := range t.years {
		years = append(years, fmt.Sprintf("%d年", y))
	}
	t.filters.year.SetOptions(years)
	units := []string{"全部"}
	for _, u := range t.units {
		units = append(units, u.Name)
	}
	t.filters.unit.SetOptions(units)
	t.filters.category.SetOptions(append([]string{"全部"}, t.categories...))
	t.filters.source.SetOptions(append([]string{"全部"}, t.sources...))
	t.list.reload()
}

// suggestionStateText is the 状态 column: the state, for items being handled whether the deadline has
// passed (逾期) or is near (将到期), and for items raised between sessions whether they wait too long to be
// assigned (超时).
func suggestionStateText(s store.Suggestion, r store.Rules, today store.Date) string {
	switch {
	case s.AssignLate(r, today):
		return "待交办·超时"
	case s.Overdue(today):
		return "办理中·逾期"
	case s.DueWithin(today, suggestionDueSoonDays):
		return "办理中·将到期"
	}
	return s.State
}

func (t *suggestionsTab) newRecord() {
	t.show(store.Suggestion{
		Kind: store.KindSuggestion, Period: store.PeriodRecess, Scope: store.LevelTown, Priority: "一般",
		Received: t.today(),
	})
}

// newFromIssue switches to 建议 and opens the 登记建议 form for an issue raised at a reception (转为建议): a
// 选民意见建议 between sessions from the station, received on the reception day, led by the first deputy on
// duty, from the voter who raised it, with the issue as its content. Saving it links the issue to the item
// (Suggestion.RaisedFrom). The clerk adds a title and saves.
func (t *suggestionsTab) newFromIssue(st store.Station, r store.Reception, i store.ReceptionIssue) {
	x := store.Suggestion{
		Kind: store.KindVoter, Period: store.PeriodRecess, Source: store.SourceIn(store.SourceStation, t.sources), Scope: store.LevelTown, Priority: "一般",
		StationID: st.ID, ReceptionID: r.ID, Received: r.Date, Content: i.Content, VoterName: i.Voter,
		RaisedFrom: store.RaisedRef{Kind: store.RaisedIssue, ID: i.ID},
	}
	for _, v := range r.People {
		if v.Name == i.Voter && i.Voter != "" {
			x.VoterContact = strings.TrimSpace(v.Village + " " + v.Contact)
		}
	}
	if len(r.DeputyIDs) > 0 {
		x.LeadDeputyID = r.DeputyIDs[0]
		names, err := t.d.db.DeputyNames(t.d.ctx, r.DeputyIDs[:1])
		if err != nil {
			t.d.showError(err) // the form opens all the same, the lead deputy chosen but unnamed
		}
		x.LeadDeputyName = names[x.LeadDeputyID]
	}
	if t.d.tabs != nil {
		t.d.tabs.Select(t.tabItem())
	}
	t.open(x, nil, func() {
		t.pane.title.SetText("登记建议(来自" + st.Name + " " + r.Date.Chinese() + "接待选民)")
		if v, ok := t.pane.field("标题").(fyne.Focusable); ok {
			t.pane.first = v
		}
		t.pane.focus(t.d.win)
	})
}

// newFromMeeting switches to 建议 and opens the 登记建议 form for a suggestion raised at a meeting or
// activity: from an inspection, survey, law check or special supervision (视察调研执法检查), a group activity
// (代表小组活动) or elsewhere (其他), received on the meeting's first day, with the problems found there as its
// content. Raised at a 人民代表大会会议 it belongs to that session, otherwise to the time between sessions.
// The clerk chooses the lead deputy, adds a title and a category, and saves.
func (t *suggestionsTab) newFromMeeting(m store.Meeting) {
	x := store.Suggestion{
		Kind: store.KindSuggestion, Period: store.PeriodRecess, Source: store.SourceIn(store.SourceOfMeeting(m.Kind), t.sources), SourceMeetingID: m.ID,
		Scope: store.LevelTown, Priority: "一般", Received: m.Start, Content: m.Problems,
	}
	if m.Kind == store.MeetingCongress {
		x.Period, x.SessionID = store.PeriodSession, m.ID // the form re-reads the sessions, so a new one is among them
	}
	if t.d.tabs != nil {
		t.d.tabs.Select(t.tabItem())
	}
	t.open(x, nil, func() {
		t.list.unselect()
		t.pane.title.SetText("登记建议(来自" + m.Title + ")")
		t.pane.focus(t.d.win)
	})
}

// edit moves the cursor into the form of the chosen item.
func (t *suggestionsTab) edit() {
	if t.current.ID == 0 {
		t.d.showError(fmt.Errorf("请先在列表中选择一件建议"))
		return
	}
	if t.panes != nil {
		t.panes.SelectIndex(0)
	}
	t.pane.focus(t.d.win)
}

func (t *suggestionsTab) remove() {
	if t.current.ID == 0 {
		t.d.showError(fmt.Errorf("请先在列表中选择要删除的建议"))
		return
	}
	cur := t.current
	t.d.confirmDelete("建议", cur.Number+" "+cur.Title, nil, func() error {
		if err := t.d.db.DeleteSuggestion(t.d.ctx, cur.ID); err != nil {
			return err
		}
		t.current, t.panes = store.Suggestion{}, nil
		t.d.dropForms(formSuggestion)
		t.detail.Objects = []fyne.CanvasObject{emptyDetail("已删除建议「" + cur.Number + " " + cur.Title + "」")}
		t.detail.Refresh()
		t.list.reload()
		return nil
	})
}

// exportList writes every item of the current filter and sort, as the list shows them.
func (t *suggestionsTab) exportList() { exportRecords(t.d, "建议办理情况", t.list) }

// show puts an item into the detail pane, once the form there holds no unsaved changes (guard.go).
func (t *suggestionsTab) show(x store.Suggestion) { t.open(x, nil, nil) }

// open shows x as show does; cancel runs when the clerk stays on the form, then once x is shown. The item
// already shown is shown again at once, keeping what its form holds.
func (t *suggestionsTab) open(x store.Suggestion, cancel, then func()) {
	t.d.switchRecord([]string{formSuggestion}, x.ID != 0 && x.ID == t.current.ID, func() { t.display(x) }, cancel, then)
}

// display puts an item into the detail pane: the registration form, and for a saved item its handling record.
// The same item shown again (after a handling step or a save) keeps its form's unsaved changes.
func (t *suggestionsTab) display(x store.Suggestion) {
	keep, _ := t.d.samePane(x.ID != 0 && x.ID == t.current.ID, nil, formSuggestion)
	t.current = x
	form := t.form(x)
	var pane fyne.CanvasObject = form.content
	if x.ID == 0 {
		t.panes = nil
	} else {
		// The clerk going down the list keeps looking at the same page of each item.
		page := 0
		if t.panes != nil {
			page = t.panes.SelectedIndex()
		}
		t.panes = container.NewAppTabs(
			container.NewTabItem("登记信息", form.content),
			container.NewTabItem("办理过程", t.handlingOf(x)),
			t.d.attachmentsItem(t, store.Owner{Kind: store.OwnerSuggestion, ID: x.ID}),
		)
		t.panes.SelectIndex(page)
		top := container.NewBorder(nil, nil, nil, t.itemPrintButton(x), t.actionBar(x))
		pane = container.NewBorder(top, nil, nil, nil, t.panes)
	}
	t.detail.Objects = []fyne.CanvasObject{pane}
	t.detail.Refresh()
	t.d.putBack(keep)
	t.revealInList(x) // selected in the list, the filter cleared if it hides it
}

// deputyOptions lists every deputy for the co-signer picker, read once per refresh.
func (t *suggestionsTab) deputyOptions() []option {
	if t.deputies == nil {
		t.deputies = deputyOptions(t.d)
	}
	return t.deputies
}

// form builds the registration form filled with x; 保存 registers or corrects the item.
func (t *suggestionsTab) form(x store.Suggestion) *formPane {
	// Sessions and deputies may have been added in other tabs since the last refresh: re-read the sessions
	// (a handful of rows) and let the co-signer picker reload the roster when it next opens.
	// The form opens with what could be read; the first read that failed is shown once.
	var readErr error
	t.sessions, _, readErr = t.d.db.Meetings(t.d.ctx, store.MeetingFilter{Kind: store.MeetingCongress, Sort: "date", Desc: true})
	t.deputies = nil
	db, ctx := t.d.db, t.d.ctx
	s := t.settings
	number := newTextEntry()
	number.SetText(x.Number)
	numberHint := "可更正编号，但不能与其他建议重复"
	if x.ID == 0 {
		number.SetPlaceHolder("留空则保存时自动编号")
		numberHint = "新登记的建议留空即可，保存时按顺序自动编号"
	}
	kind := newSelect(store.SuggestionKinds, nil)
	kind.SetSelected(x.Kind)
	sessionNames := []string{}
	for _, m := range t.sessions {
		sessionNames = append(sessionNames, m.Title)
	}
	session := selectWith(sessionNames, true)
	for _, m := range t.sessions {
		if m.ID == x.SessionID {
			session.SetSelected(m.Title)
		}
	}
	var pane *formPane
	var required func() // marks what the store requires (below)
	period := newSelect(store.Periods, func(v string) {
		if v == store.PeriodSession {
			session.Enable()
		} else {
			session.ClearSelected()
			session.Disable()
		}
		if pane != nil {
			required() // the label follows its field's state, and 人代会 is required in a session
		}
	})
	period.SetSelected(x.Period)
	if x.Period != store.PeriodSession {
		session.Disable()
	}
	source := selectWith(t.sources, true)
	source.SetSelected(x.Source)
	lead := newSuggestionDeputyPicker(t.d)
	lead.SetDeputy(x.LeadDeputyID, x.LeadDeputyName)
	// Showing the chosen co-signers needs only their names; the whole roster (5 000 at stress scale) is read
	// when the picker first opens.
	var chosen []option
	if len(x.CosignerIDs) > 0 {
		names, err := db.DeputyNames(ctx, x.CosignerIDs)
		if readErr == nil {
			readErr = err
		}
		for _, id := range x.CosignerIDs {
			chosen = append(chosen, option{id, names[id]})
		}
	}
	roster := false
	cosigners := newIDPicker("选择联名代表", func() []option {
		if roster {
			return t.deputyOptions()
		}
		return chosen
	})
	cosigners.SetSelected(x.CosignerIDs)
	roster = true
	voter, contact := newTextEntry(), newTextEntry()
	voter.SetText(x.VoterName)
	contact.SetText(x.VoterContact)
	title := requiredEntry("标题")
	title.SetText(x.Title)
	content := multiline(5)
	content.SetText(x.Content)
	category := selectWith(t.categories, true)
	category.SetSelected(x.Category)
	scopeLabels := make([]string, len(store.ScopeLevels))
	for i, l := range store.ScopeLevels {
		scopeLabels[i] = s.LevelLabel(l)
	}
	scope := newSelect(scopeLabels, nil)
	if x.Scope != "" {
		scope.SetSelected(s.LevelLabel(x.Scope))
	}
	priority := widget.NewRadioGroup(store.Priorities, nil)
	priority.Horizontal = true
	priority.Required = true
	priority.SetSelected(x.Priority)
	received := newDateEntry(true)
	received.SetDate(x.Received)

	pane = newFormPane([]*widget.FormItem{
		{Text: "编号", Widget: number, HintText: numberHint},
		widget.NewFormItem("类型", kind),
		widget.NewFormItem("提出时段", period),
		widget.NewFormItem("人代会", session),
		widget.NewFormItem("来源", source),
		widget.NewFormItem("领衔代表", lead),
		widget.NewFormItem("联名代表", cosigners),
		{Text: "选民姓名", Widget: voter, HintText: "选民意见建议必填"},
		widget.NewFormItem("选民联系方式", contact),
		widget.NewFormItem("标题", title),
		widget.NewFormItem("内容", content),
		widget.NewFormItem("类别", category),
		widget.NewFormItem("涉及层面", scope),
		widget.NewFormItem("重点/一般", priority),
		widget.NewFormItem("收到日期", received),
	}, nil)
	// build is the item as the form holds it.
	build := func() store.Suggestion {
		y := x
		y.Number, y.Kind, y.Period, y.Source = strings.TrimSpace(number.Text), kind.Selected, period.Selected, source.Selected
		y.SessionID = 0
		for _, m := range t.sessions {
			if m.Title == session.Selected && period.Selected == store.PeriodSession {
				y.SessionID = m.ID
			}
		}
		y.LeadDeputyID, y.CosignerIDs = lead.Deputy(), cosigners.Selected()
		y.VoterName, y.VoterContact = strings.TrimSpace(voter.Text), strings.TrimSpace(contact.Text)
		y.Title, y.Content, y.Category = title.Text, content.Text, category.Selected
		y.Scope = ""
		for i, l := range scopeLabels {
			if l == scope.Selected {
				y.Scope = store.ScopeLevels[i]
			}
		}
		y.Priority = priority.Selected
		y.Received = received.Typed()
		return y
	}
	pane.check = func() error { y := build(); return y.Validate() }
	pane.onSave = func() error {
		y := build()
		if err := db.SaveSuggestion(ctx, &y); err != nil {
			return err
		}
		if x.RaisedFrom.ID != 0 {
			t.d.raisedSaved() // the issue or visit it came from now shows the item's number
		}
		if x.ID == 0 {
			// Show the new item as the list would, with the names the store fills in.
			saved, err := db.Suggestion(ctx, y.ID)
			logError("建议: 登记后读取", err) // registered; the form shows it as typed
			if err == nil {
				y = saved
			}
			if !slices.Contains(t.years, y.Year) {
				t.refresh()
			}
		}
		t.list.reload()
		t.display(y)
		if x.ID == 0 {
			t.pane.showInfo("已登记，编号 " + y.Number)
		} else {
			t.pane.showInfo("已保存")
		}
		return nil
	}
	// ＊ follows the store's rule: a voter's item needs the voter, an item of a session the session.
	required = func() {
		pane.require(store.Required(&store.Suggestion{Kind: kind.Selected, Period: period.Selected}))
	}
	kind.OnChanged = func(string) { required() }
	required()
	if x.ID == 0 {
		pane.title.SetText("登记建议")
	} else {
		pane.title.SetText(x.Number + "　" + x.Title)
	}
	pane.first = title
	t.pane = pane
	pane.track(t.d, formSuggestion, recordKey(x.ID), x, func() string {
		if x.ID == 0 {
			return "新登记的建议" + quoted(title.Text)
		}
		return "建议" + quoted(x.Number+" "+x.Title)
	}, func() {
		t.d.showTab(t.content)
		if t.panes != nil {
			t.panes.SelectIndex(0)
		}
	})
	if readErr != nil {
		t.d.showError(readErr)
	}
	return pane
}
