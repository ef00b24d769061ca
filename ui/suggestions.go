package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
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
	deputies   []option    // co-signer choices, loaded when first needed
	rules      store.Rules // deadline rules, read once per reload of the list (for 待交办·超时)
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
	cols := []column[store.Suggestion]{
		{"编号", 100, "number", func(x store.Suggestion) string { return x.Number }},
		{"标题", 210, "title", func(x store.Suggestion) string { return x.Title }},
		{"领衔代表", 95, "deputy", store.Suggestion.Proposer},
		{"类别", 100, "category", func(x store.Suggestion) string { return x.Category }},
		{"收到日期", 90, "received", func(x store.Suggestion) string { return string(x.Received) }},
		{"承办单位", 115, "unit", func(x store.Suggestion) string { return x.MainUnitName }},
		{"办理时限", 90, "deadline", func(x store.Suggestion) string { return string(x.Deadline) }},
		{"状态", 110, "state", func(x store.Suggestion) string { return suggestionStateText(x, t.rules, t.today()) }},
		{"办理结果", 95, "outcome", func(x store.Suggestion) string { return x.Outcome }},
	}
	t.list = newRecordList(cols, func(offset, limit int, sort string, desc bool) ([]store.Suggestion, int, error) {
		if offset == 0 {
			// A reload: the rules may have changed in 设置 since the last one.
			t.rules, _ = d.db.Rules(d.ctx)
		}
		f := t.filter
		f.Today = t.today()
		f.Offset, f.Limit, f.Sort, f.Desc = offset, limit, sort, desc
		return d.db.Suggestions(d.ctx, f)
	}, t.show)
	t.search = newSearchEntry("搜索编号、标题、内容、代表或选民姓名", func(q string) {
		t.filter.Query = strings.TrimSpace(q)
		t.list.reload()
	})
	t.filters.year = widget.NewSelect(nil, func(v string) {
		t.filter.Year, _ = strconv.Atoi(strings.TrimSuffix(v, "年")) // 全部 → 0
		t.list.reload()
	})
	t.filters.state = widget.NewSelect(append([]string{"全部"}, store.States...), func(v string) {
		t.filter.States = nil
		if v := allOr(v); v != "" {
			t.filter.States = []string{v}
		}
		t.list.reload()
	})
	t.filters.category = widget.NewSelect(nil, func(v string) {
		t.filter.Category = allOr(v)
		t.list.reload()
	})
	t.filters.unit = widget.NewSelect(nil, func(v string) {
		t.filter.UnitID = 0
		for _, u := range t.units {
			if u.Name == v {
				t.filter.UnitID = u.ID
			}
		}
		t.list.reload()
	})
	t.filters.source = widget.NewSelect(nil, func(v string) {
		t.filter.Source = allOr(v)
		t.list.reload()
	})
	t.filters.remind = widget.NewSelect(remindChoices, func(v string) {
		t.filter.Overdue, t.filter.DueWithin, t.filter.AssignLate = v == remindOverdue, 0, v == remindAssignLate
		if v == remindDueSoon {
			t.filter.DueWithin = suggestionDueSoonDays
		}
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
		suggestionFilter("年度", t.filters.year, 90), suggestionFilter("状态", t.filters.state, 100),
		suggestionFilter("类别", t.filters.category, 160), suggestionFilter("承办单位", t.filters.unit, 170),
		suggestionFilter("来源", t.filters.source, 160), suggestionFilter("提醒", t.filters.remind, 120),
	}, t.list.table, t.list.status, t.detail)
	t.refresh()
	return t
}

// suggestionFilter is a labelled filter wide enough for its longer choices (a Select is only as wide as
// its placeholder, 全部, and would cut 社会保障和改善民生 to 社…).
func suggestionFilter(label string, sel *widget.Select, width float32) fyne.CanvasObject {
	return labeled(label, container.NewGridWrap(fyne.NewSize(width, sel.MinSize().Height), sel))
}

func (t *suggestionsTab) tabItem() *container.TabItem {
	if t.item == nil {
		t.item = container.NewTabItem("建议", t.content)
	}
	return t.item
}

// today is the office's today (the store's clock, so tests can fix it).
func (t *suggestionsTab) today() store.Date { return store.DateOf(t.d.db.Now()) }

// refresh re-reads the filter and form choices, then the list.
func (t *suggestionsTab) refresh() {
	db, ctx := t.d.db, t.d.ctx
	t.settings, _ = db.Settings(ctx)
	t.years, _ = db.SuggestionYears(ctx)
	t.units, _ = db.Units(ctx)
	t.categories, _ = db.Dict(ctx, store.DictCategory)
	t.sources, _ = db.Dict(ctx, store.DictSource)
	t.sessions, _, _ = db.Meetings(ctx, store.MeetingFilter{Kind: store.MeetingCongress, Sort: "date", Desc: true})
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

// newFromReception switches to 建议 and opens the 登记建议 form for a voter's issue raised at a reception:
// a 选民意见建议 between sessions from the station, received on the reception day, led by the first deputy
// on duty, with the reception summary as its content. The clerk adds the voter's name and a title and saves.
func (t *suggestionsTab) newFromReception(st store.Station, r store.Reception) {
	x := store.Suggestion{
		Kind: store.KindVoter, Period: store.PeriodRecess, Source: store.SourceIn(store.SourceStation, t.sources), Scope: store.LevelTown, Priority: "一般",
		StationID: st.ID, ReceptionID: r.ID, Received: r.Date, Content: r.Summary,
	}
	if len(r.DeputyIDs) > 0 {
		x.LeadDeputyID = r.DeputyIDs[0]
		if names, err := t.d.db.DeputyNames(t.d.ctx, r.DeputyIDs[:1]); err == nil {
			x.LeadDeputyName = names[x.LeadDeputyID]
		}
	}
	if t.d.tabs != nil {
		t.d.tabs.Select(t.tabItem())
	}
	t.show(x)
	t.pane.title.SetText("登记建议(来自" + st.Name + " " + r.Date.Chinese() + "接待选民)")
	if v, ok := t.pane.byLabel["选民姓名"].(fyne.Focusable); ok {
		t.pane.first = v
	}
	t.pane.focus(t.d.win)
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
		x.Period, x.SessionID = store.PeriodSession, m.ID
		if !slices.ContainsFunc(t.sessions, func(s store.Meeting) bool { return s.ID == m.ID }) {
			// A session recorded since the last refresh.
			t.sessions, _, _ = t.d.db.Meetings(t.d.ctx, store.MeetingFilter{Kind: store.MeetingCongress, Sort: "date", Desc: true})
		}
	}
	if t.d.tabs != nil {
		t.d.tabs.Select(t.tabItem())
	}
	t.list.table.UnselectAll()
	t.show(x)
	t.pane.title.SetText("登记建议(来自" + m.Title + ")")
	t.pane.focus(t.d.win)
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
	t.d.confirmDelete("建议", cur.Number+" "+cur.Title, func() error {
		if err := t.d.db.DeleteSuggestion(t.d.ctx, cur.ID); err != nil {
			return err
		}
		t.current, t.panes = store.Suggestion{}, nil
		t.detail.Objects = []fyne.CanvasObject{emptyDetail("已删除建议「" + cur.Number + " " + cur.Title + "」")}
		t.detail.Refresh()
		t.list.reload()
		return nil
	})
}

// exportList writes every item of the current filter and sort, as the list shows them.
func (t *suggestionsTab) exportList() { exportRecords(t.d, "建议办理情况", t.list) }

// show puts an item into the detail pane: the registration form, and for a saved item its handling record.
func (t *suggestionsTab) show(x store.Suggestion) {
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
		)
		t.panes.SelectIndex(page)
		top := container.NewBorder(nil, nil, nil, t.itemPrintButton(x), t.actionBar(x))
		pane = container.NewBorder(top, nil, nil, nil, t.panes)
	}
	t.detail.Objects = []fyne.CanvasObject{pane}
	t.detail.Refresh()
}

// deputyOptions lists every deputy for the co-signer picker, read once per refresh.
func (t *suggestionsTab) deputyOptions() []option {
	if t.deputies == nil {
		t.deputies = deputyOptions(t.d)
	}
	return t.deputies
}

// suggestionDeputyLabel names a deputy in a picker: 王建国(第一代表小组), with the status when not in office.
func suggestionDeputyLabel(x store.Deputy) string {
	return store.DeputyLabel(x.Name, x.GroupName, x.Status)
}

// form builds the registration form filled with x; 保存 registers or corrects the item.
func (t *suggestionsTab) form(x store.Suggestion) *formPane {
	// Sessions and deputies may have been added in other tabs since the last refresh: re-read the sessions
	// (a handful of rows) and let the co-signer picker reload the roster when it next opens.
	t.sessions, _, _ = t.d.db.Meetings(t.d.ctx, store.MeetingFilter{Kind: store.MeetingCongress, Sort: "date", Desc: true})
	t.deputies = nil
	db, ctx := t.d.db, t.d.ctx
	s := t.settings
	number := widget.NewEntry()
	number.SetText(x.Number)
	numberHint := "可更正编号，但不能与其他建议重复"
	if x.ID == 0 {
		number.SetPlaceHolder("留空则保存时自动编号")
		numberHint = "新登记的建议留空即可，保存时按顺序自动编号"
	}
	kind := widget.NewSelect(store.SuggestionKinds, nil)
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
	period := widget.NewSelect(store.Periods, func(v string) {
		if v == store.PeriodSession {
			session.Enable()
		} else {
			session.ClearSelected()
			session.Disable()
		}
		if pane != nil {
			pane.form.Refresh() // the label follows its field's state
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
		names, _ := db.DeputyNames(ctx, x.CosignerIDs)
		for _, id := range x.CosignerIDs {
			chosen = append(chosen, option{id, names[id]})
		}
	}
	roster := false
	cosigners := newIDPicker("选择附议代表", func() []option {
		if roster {
			return t.deputyOptions()
		}
		return chosen
	})
	cosigners.SetSelected(x.CosignerIDs)
	roster = true
	voter, contact := widget.NewEntry(), widget.NewEntry()
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
	scope := widget.NewSelect(scopeLabels, nil)
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
		widget.NewFormItem("附议代表", cosigners),
		{Text: "选民姓名", Widget: voter, HintText: "选民意见建议必填"},
		widget.NewFormItem("选民联系方式", contact),
		widget.NewFormItem("标题", title),
		widget.NewFormItem("内容", content),
		widget.NewFormItem("类别", category),
		widget.NewFormItem("涉及层面", scope),
		widget.NewFormItem("重点/一般", priority),
		widget.NewFormItem("收到日期", received),
	}, func() error {
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
		y.Received = store.Date(strings.TrimSpace(received.Text))
		if d, err := store.ParseDate(received.Text); err == nil {
			y.Received = d
		}
		if err := db.SaveSuggestion(ctx, &y); err != nil {
			// The message shows above the form; bring it into view.
			if sc, ok := pane.content.(*container.Scroll); ok {
				sc.ScrollToTop()
			}
			return err
		}
		if x.ID == 0 {
			// Show the new item as the list would, with the names the store fills in.
			if saved, err := db.Suggestion(ctx, y.ID); err == nil {
				y = saved
			}
			if !slices.Contains(t.years, y.Year) {
				t.refresh()
			}
		}
		t.list.reload()
		t.show(y)
		if x.ID == 0 {
			t.pane.showInfo("已登记，编号 " + y.Number)
		} else {
			t.pane.showInfo("已保存")
		}
		return nil
	})
	if x.ID == 0 {
		pane.title.SetText("登记建议")
	} else {
		pane.title.SetText(x.Number + "　" + x.Title)
	}
	pane.first = title
	t.pane = pane
	return pane
}

// handlingOf shows how an item has been handled: where it stands, the steps taken, and the full text of the
// replies, evaluations and follow-ups.
func (t *suggestionsTab) handlingOf(x store.Suggestion) fyne.CanvasObject {
	db, ctx := t.d.db, t.d.ctx
	steps, err := db.Timeline(ctx, x.ID)
	if err != nil {
		return widget.NewLabel(store.ErrorMessage(err))
	}
	h, err := db.Handling(ctx, x.ID)
	if err != nil {
		return widget.NewLabel(store.ErrorMessage(err))
	}
	box := container.NewVBox()
	add := func(o fyne.CanvasObject) { box.Add(o) }
	for i, line := range suggestionSummary(x, t.today(), t.unitName) {
		l := suggestionText(line)
		if i == 0 {
			l.TextStyle.Bold = true
			switch {
			case x.Overdue(t.today()):
				l.Importance = widget.DangerImportance
			case x.DueWithin(t.today(), suggestionDueSoonDays):
				l.Importance = widget.WarningImportance
			}
		}
		add(l)
	}
	if x.AssignLate(t.rules, t.today()) {
		l := suggestionText(fmt.Sprintf("闭会期间收到的建议应在%d个工作日内(%s前)交办，已超时未交办",
			t.rules.Settings.AssignWorkdays, t.rules.AssignDue(x.Received).Chinese()))
		l.Importance = widget.DangerImportance
		add(l)
	}

	add(widget.NewSeparator())
	add(suggestionHeading("办理经过"))
	if len(steps) == 0 {
		add(suggestionText("(暂无记录)"))
	}
	for _, st := range steps {
		add(suggestionText(suggestionStepLine(st)))
	}

	if len(h.Replies) > 0 {
		add(widget.NewSeparator())
		add(suggestionHeading("答复内容"))
		for _, r := range h.Replies {
			head := fmt.Sprintf("第%d轮答复　%s", r.Round, r.Date.Chinese())
			if r.FromUpper {
				head += "　上级答复"
			}
			for _, v := range []string{r.Method, r.Outcome} {
				if v != "" {
					head += "　" + v
				}
			}
			add(widget.NewLabelWithStyle(head, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
			if strings.TrimSpace(r.Content) != "" {
				add(suggestionText(r.Content))
			}
		}
	}
	if len(h.Evaluations) > 0 {
		add(widget.NewSeparator())
		add(suggestionHeading("代表评价"))
		for _, e := range h.Evaluations {
			line := fmt.Sprintf("第%d轮　%s　%s", e.Round, e.Date.Chinese(), e.Grade)
			if e.Comment != "" {
				line += "：" + e.Comment
			}
			add(suggestionText(line))
		}
	}
	if len(h.FollowUps) > 0 {
		add(widget.NewSeparator())
		add(suggestionHeading("跟踪办理"))
		for _, f := range h.FollowUps {
			line := f.Date.Chinese()
			if f.Outcome != "" {
				line += "　" + f.Outcome
			}
			if f.Note != "" {
				line += "：" + f.Note
			}
			add(suggestionText(line))
		}
	}
	return container.NewVScroll(container.NewPadded(box))
}

// unitName names a handling unit by id.
func (t *suggestionsTab) unitName(id int64) string {
	for _, u := range t.units {
		if u.ID == id {
			return u.Name
		}
	}
	return ""
}

// suggestionSummary is where an item stands: state and round, units, deadline, outcome and evaluation.
func suggestionSummary(x store.Suggestion, today store.Date, unitName func(int64) string) []string {
	state := "当前状态：" + x.State
	if x.Round > 1 {
		state += fmt.Sprintf("(第%d轮办理)", x.Round)
	}
	switch {
	case x.Overdue(today):
		state += fmt.Sprintf("，已逾期%d天", int(today.Time().Sub(x.Deadline.Time()).Hours()/24))
	case x.DueWithin(today, suggestionDueSoonDays):
		state += fmt.Sprintf("，%d天内到期", int(x.Deadline.Time().Sub(today.Time()).Hours()/24))
	}
	lines := []string{state}
	if x.MainUnitName != "" {
		u := "主办单位：" + x.MainUnitName
		var assist []string
		for _, id := range x.AssistUnitIDs {
			if n := unitName(id); n != "" {
				assist = append(assist, n)
			}
		}
		if len(assist) > 0 {
			u += "；协办单位：" + strings.Join(assist, "、")
		}
		lines = append(lines, u)
	}
	if x.ForwardTo != "" {
		lines = append(lines, fmt.Sprintf("转交：%s(%s)", x.ForwardTo, x.Forwarded.Chinese()))
	}
	if x.Deadline != "" {
		d := "办理时限：" + x.Deadline.Chinese()
		if x.ExtensionReason != "" {
			d += "(延期：" + x.ExtensionReason + ")"
		}
		lines = append(lines, d)
	}
	if x.Outcome != "" {
		lines = append(lines, "办理结果："+x.Outcome)
	}
	if x.Evaluation != "" {
		e := "代表评价：" + x.Evaluation
		if x.Evaluated != "" {
			e += "(" + x.Evaluated.Chinese() + ")"
		}
		if x.FirstEvaluation != "" && x.FirstEvaluation != x.Evaluation {
			e += "，初次评价" + x.FirstEvaluation
		}
		lines = append(lines, e)
	}
	if x.VoterFeedback != "" {
		lines = append(lines, "反馈选民："+x.VoterFeedback.Chinese())
	}
	if x.Terminated != "" {
		lines = append(lines, fmt.Sprintf("%s：%s(%s)", x.TerminationKind, x.TerminationReason, x.Terminated.Chinese()))
	}
	return lines
}

// suggestionStepLine renders a timeline step: 2024年3月5日 交办 主办单位: …
func suggestionStepLine(st store.Step) string {
	line := st.Date.Chinese() + " " + st.Step
	if st.Round > 1 {
		line += fmt.Sprintf("(第%d轮)", st.Round)
	}
	if st.Detail != "" {
		line += " " + strings.ReplaceAll(st.Detail, "\n", "；")
	}
	return line
}

func suggestionHeading(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func suggestionText(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// suggestionDeputyPicker chooses one deputy (the lead deputy) from a roster that can hold thousands: it shows
// the chosen name and opens a dialog that searches the store as the clerk types.
type suggestionDeputyPicker struct {
	widget.BaseWidget
	d        *desk
	id       int64
	name     string
	summary  *widget.Label
	choose   *widget.Button
	clear    *widget.Button
	OnChange func(id int64)
}

func newSuggestionDeputyPicker(d *desk) *suggestionDeputyPicker {
	p := &suggestionDeputyPicker{d: d}
	p.summary = widget.NewLabel("")
	p.summary.Truncation = fyne.TextTruncateEllipsis
	p.choose = widget.NewButton("选择…", p.open)
	p.clear = widget.NewButton("清除", func() { p.set(0, "") })
	p.ExtendBaseWidget(p)
	p.render()
	return p
}

// Deputy returns the chosen deputy's id, 0 when none.
func (p *suggestionDeputyPicker) Deputy() int64 { return p.id }

// SetDeputy shows a deputy as chosen.
func (p *suggestionDeputyPicker) SetDeputy(id int64, name string) {
	p.id, p.name = id, name
	p.render()
}

// SetValidationError marks the picker when saving names it (formPane.showError).
func (p *suggestionDeputyPicker) SetValidationError(err error) {
	if err != nil {
		p.summary.Importance = widget.DangerImportance
		p.summary.SetText(store.ErrorMessage(err))
		return
	}
	p.render()
}

func (p *suggestionDeputyPicker) set(id int64, name string) {
	p.SetDeputy(id, name)
	if p.OnChange != nil {
		p.OnChange(id)
	}
}

func (p *suggestionDeputyPicker) render() {
	p.summary.Importance = widget.MediumImportance
	if p.id == 0 {
		p.summary.SetText("(未选择)")
		p.clear.Hide()
		return
	}
	p.summary.SetText(p.name)
	p.clear.Show()
}

// search returns up to 200 deputies matching q (all deputies when q is blank), in the roster's order.
func (p *suggestionDeputyPicker) search(q string) ([]store.Deputy, int, error) {
	return p.d.db.Deputies(p.d.ctx, store.DeputyFilter{Query: strings.TrimSpace(q), Limit: 200})
}

func (p *suggestionDeputyPicker) open() {
	var shown []store.Deputy
	count := widget.NewLabel("")
	var dlg dialog.Dialog
	list := widget.NewList(func() int { return len(shown) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(suggestionDeputyLabel(shown[i]))
		})
	list.OnSelected = func(i widget.ListItemID) {
		p.set(shown[i].ID, shown[i].Name)
		dlg.Hide()
	}
	load := func(q string) {
		ds, n, err := p.search(q)
		if err != nil {
			count.SetText(store.ErrorMessage(err))
			return
		}
		shown = ds
		if n > len(ds) {
			count.SetText(fmt.Sprintf("共 %d 人，显示前 %d 人，请输入姓名缩小范围", n, len(ds)))
		} else {
			count.SetText(fmt.Sprintf("共 %d 人", n))
		}
		list.UnselectAll()
		list.Refresh()
		list.ScrollToTop()
	}
	search := newSearchEntry("输入姓名、单位或村(居)筛选", load)
	load("")
	content := container.NewBorder(search, count, nil, nil, list)
	dlg = dialog.NewCustom("选择领衔代表", "取消", content, p.d.win)
	dlg.Resize(fyne.NewSize(420, 520))
	dlg.Show()
	p.d.win.Canvas().Focus(search)
}

// CreateRenderer shows the name and the buttons.
func (p *suggestionDeputyPicker) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, container.NewHBox(p.clear, p.choose), p.summary))
}
