package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// overviewListMax is how many overdue or due-soon items the overview lists; the heading gives the full count.
const overviewListMax = 50

// rulesPage is the place of 工作提醒 among 概览's attention tabs: after the three of suggestions, 逾期整改 and the two
// of voter contact.
const rulesPage = 6

// overviewTab is 概览: the office at a glance — deputies, stations and this year's suggestions counted, the
// items whose deadline has passed or is near, and the latest changes. refresh runs whenever the tab is
// selected, so the numbers are those of the moment.
type overviewTab struct {
	item    *container.TabItem // made once (tabItem): the window selects the tab by it
	d       *desk
	heading *widget.RichText
	today   *widget.Label
	figures struct{ deputies, stations, items *widget.Label }

	// backupFailed says 「最近一次自动备份失败：…」 until a backup succeeds; hidden otherwise.
	backupFailed *widget.Label

	overdue, dueSoon           []store.Suggestion
	overdueTotal, dueSoonTotal int
	overdueHead, dueSoonHead   *widget.Label
	overdueList, dueSoonList   *widget.List
	// attention holds the three lists of items needing attention, a tab each (逾期未答复, 15天内到期,
	// 超时未交办), so each has the height of the window for its rows; the tab titles count them.
	attention *container.AppTabs
	// Items raised between sessions and not assigned within the working days the rules allow.
	assignLate      []store.Suggestion
	assignLateTotal int
	assignLateHead  *widget.Label
	assignLateList  *widget.List
	rects           *overviewRects // 逾期整改 (overview_supervision.go)
	// contact holds the overdue petitions and the deputies behind on visits (overview_voters.go).
	contact    *overviewVoters
	rules      *overviewRules // 工作提醒 (issue 22, overview_compliance.go)
	recent     []store.HistoryEntry
	recentList *widget.List
	content    fyne.CanvasObject
}

func newOverviewTab(d *desk) *overviewTab {
	t := &overviewTab{d: d}
	t.heading = widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyleHeading})
	t.today = widget.NewLabel("")
	t.backupFailed = newBackupFailedLabel()
	figure := func() *widget.Label {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	t.figures.deputies, t.figures.stations, t.figures.items = figure(), figure(), figure()
	t.overdueHead = boldLabel("")
	t.overdueHead.Importance = widget.DangerImportance
	t.dueSoonHead = boldLabel("")
	t.dueSoonHead.Importance = widget.WarningImportance
	t.assignLateHead = boldLabel("")
	t.assignLateHead.Importance = widget.DangerImportance
	t.overdueList = overviewItemList(&t.overdue, d, remindOverdue, "deadline")
	t.assignLateList = overviewItemList(&t.assignLate, d, remindAssignLate, "received")
	t.dueSoonList = overviewItemList(&t.dueSoon, d, remindDueSoon, "deadline")
	t.rects = newOverviewRects(d)
	t.recentList = widget.NewList(func() int { return len(t.recent) },
		func() fyne.CanvasObject { return newTipLabel(func() *tipLayer { return tableTips[t.recentList] }) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*tipLabel).SetText(overviewHistoryLine(t.recent[i]))
		})
	t.recentList.OnSelected = func(i widget.ListItemID) {
		if h := t.recent[i]; h.Entity == "suggestion" && h.Action != store.ActionDelete {
			d.openSuggestion(h.EntityID)
		}
		t.recentList.UnselectAll()
	}

	add := widget.NewButtonWithIcon("登记建议", theme.ContentAddIcon(), func() {
		d.tabs.Select(d.items.tabItem())
		d.items.newRecord()
	})
	add.Importance = widget.HighImportance
	showOverdue := widget.NewButtonWithIcon("查看全部逾期建议", theme.WarningIcon(), func() {
		d.tabs.Select(d.items.tabItem())
		d.items.filters.remind.SetSelected(remindOverdue)
	})
	actions := container.NewVBox(container.NewHBox(add, showOverdue))
	// issue 22: its line under the date, its page among the attention tabs (the last: rulesPage)
	t.rules = newOverviewRules(func() { t.attention.SelectIndex(rulesPage) })
	head := container.NewBorder(nil, nil, nil, actions, container.NewVBox(t.heading, t.today, t.rules.line, t.backupFailed))
	figures := container.NewGridWithColumns(3,
		overviewFigure("在任代表", t.figures.deputies),
		overviewFigure("家站点(在用)", t.figures.stations),
		overviewFigure("本年度建议", t.figures.items),
	)
	pages := []*container.TabItem{
		container.NewTabItem("逾期未答复", overviewCard(t.overdueHead, withTips(t.overdueList))),
		container.NewTabItem("15天内到期", overviewCard(t.dueSoonHead, withTips(t.dueSoonList))),
		container.NewTabItem("超时未交办", overviewCard(t.assignLateHead, withTips(t.assignLateList))),
		container.NewTabItem("逾期整改", overviewCard(t.rects.head, t.rects.list)),
	}
	t.contact = newOverviewVoters(d)
	pages = append(pages, t.contact.tabs()...)
	pages = append(pages, container.NewTabItem("工作提醒", overviewCard(t.rules.head, t.rules.list)))
	// Given at once: AppTabs.Append refreshes the tabs, which makes their renderers and measures every
	// page before the window has laid them out.
	t.attention = container.NewAppTabs(pages...)
	recent := overviewCard(boldLabel("最近修改"), withTips(t.recentList))
	lists := container.NewHSplit(t.attention, recent)
	lists.Offset = 0.58
	t.content = container.NewPadded(container.NewBorder(container.NewVBox(head, figures), nil, nil, nil, lists))
	t.showCounting()
	return t
}

// overviewCounting stands where 概览's figures go until refresh has read them (the first read waits for the
// window's first frame: lazytabs.go).
const overviewCounting = "正在统计…"

// showCounting fills what 概览 shows before its first read: the office's name and the date (from the settings
// the window has read already), and 「正在统计…」 for the figures, the first list and the line of 工作提醒.
// Widgets not yet rendered take the texts without being refreshed.
func (t *overviewTab) showCounting() {
	name := "人大工作台"
	if s, err := t.d.db.Settings(t.d.ctx); err == nil && s.OfficeName != "" {
		name = s.OfficeName
	}
	t.heading.Segments[0].(*widget.TextSegment).Text = name
	t.today.Text = "今天是" + store.DateOf(t.d.db.Now()).Chinese()
	// Two lines, as most figures have: the lists below stay where they are when the figures come.
	for _, l := range []*widget.Label{t.figures.deputies, t.figures.stations, t.figures.items} {
		l.Text = overviewCounting + "\n"
	}
	t.overdueHead.Text = overviewCounting
	t.rules.lineText.Text = "工作提醒：" + overviewCounting // hidden by the first read when nothing is due
}

func (t *overviewTab) tabItem() *container.TabItem { return onceTab(&t.item, "概览", t.content) }

// overviewCard is a heading over a list, framed like a card.
func overviewCard(head *widget.Label, body fyne.CanvasObject) fyne.CanvasObject {
	return widget.NewCard("", "", container.NewBorder(head, nil, nil, nil, body))
}

// overviewFigure is a key figure: its name in bold over the lines that count it, compact so that the lists
// under it keep their rows.
func overviewFigure(name string, body *widget.Label) fyne.CanvasObject {
	return widget.NewCard("", "", container.NewVBox(boldLabel(name), body))
}

// overviewItemList lists suggestions as 「编号 标题 承办单位 时限」; tapping one opens it in 建议, whose list then
// shows the same items (remind) in the same order (sort) with the one tapped selected.
func overviewItemList(items *[]store.Suggestion, d *desk, remind, sort string) *widget.List {
	var l *widget.List
	l = widget.NewList(func() int { return len(*items) },
		func() fyne.CanvasObject { return newTipLabel(func() *tipLayer { return tableTips[l] }) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*tipLabel).SetText(overviewItemLine((*items)[i]))
		})
	l.OnSelected = func(i widget.ListItemID) {
		x := (*items)[i]
		l.UnselectAll()
		if d.tabs != nil {
			d.tabs.Select(d.items.tabItem())
		}
		d.items.listFrom(remind, sort)
		d.openSuggestion(x.ID)
	}
	return l
}

// overviewItemLine is 「2024-012　修缮村道　镇农业农村办　时限2024年9月1日」.
func overviewItemLine(s store.Suggestion) string {
	parts := []string{s.Number, s.Title}
	if s.MainUnitName != "" {
		parts = append(parts, s.MainUnitName)
	}
	if s.Deadline != "" {
		parts = append(parts, "时限"+s.Deadline.Chinese())
	} else if s.State == store.StatePending {
		parts = append(parts, s.Received.Chinese()+"收到")
	}
	return strings.Join(parts, "　")
}

// overviewHistoryLine is 「2024-11-30 10:12　建议　修改　2024-012」.
func overviewHistoryLine(h store.HistoryEntry) string {
	at := h.At
	if len(at) >= 16 {
		at = at[:16]
	}
	entity := store.EntityNames[h.Entity]
	if entity == "" {
		entity = "其他"
	}
	return strings.Join([]string{at, entity, h.Action, h.Label}, "　")
}

// refresh re-reads every number and list.
func (t *overviewTab) refresh() {
	db, ctx := t.d.db, t.d.ctx
	s, err := db.Settings(ctx)
	if err != nil {
		t.d.showError(err)
		return
	}
	name := s.OfficeName
	if name == "" {
		name = "人大工作台"
	}
	t.heading.Segments[0].(*widget.TextSegment).Text = name
	t.heading.Refresh()
	today := store.DateOf(db.Now())
	t.today.SetText("今天是" + today.Chinese())
	showBackupFailure(t.d, t.backupFailed, t.content)

	t.figures.deputies.SetText(t.deputyFigures(s))
	t.figures.stations.SetText(t.stationFigures())
	t.figures.items.SetText(t.itemFigures(today))

	overdue := store.SuggestionFilter{Overdue: true, Today: today}
	t.overdue, t.overdueTotal = t.items(overdue)
	t.overdueHead.SetText(overviewListHead("逾期未答复", t.overdueTotal, t.voters(overdue, t.overdue, t.overdueTotal)))
	t.overdueList.Refresh()
	soon := store.SuggestionFilter{DueWithin: suggestionDueSoonDays, Today: today}
	t.dueSoon, t.dueSoonTotal = t.items(soon)
	t.dueSoonHead.SetText(overviewListHead(fmt.Sprintf("%d天内到期", suggestionDueSoonDays), t.dueSoonTotal, t.voters(soon, t.dueSoon, t.dueSoonTotal)))
	t.dueSoonList.Refresh()
	late := store.SuggestionFilter{AssignLate: true, Today: today}
	t.assignLate, t.assignLateTotal = t.itemsBy(late, "received")
	t.assignLateHead.SetText(overviewListHeadBy("超时未交办", "收到日期", t.assignLateTotal, t.voters(late, t.assignLate, t.assignLateTotal)))
	t.assignLateList.Refresh()
	for i, n := range []int{t.overdueTotal, t.dueSoonTotal, t.assignLateTotal} {
		t.attention.Items[i].Text = fmt.Sprintf("%s (%d)", remindChoices[i+1], n)
	}
	t.rects.refresh(t.d, today)
	t.attention.Items[3].Text = fmt.Sprintf("逾期整改 (%d)", t.rects.total)
	t.contact.refresh(t.d, today, t.attention.Items[4:6])
	t.rules.refresh(t.d, today, t.attention.Items[rulesPage])
	t.attention.Refresh()

	t.recent, _, err = db.History(ctx, store.HistoryFilter{Limit: 20})
	if err != nil {
		logError("概览: 读取最近的修改", err)
		t.recent = nil
	}
	t.recentList.Refresh()
}

func overviewListHead(what string, total, voters int) string {
	return overviewListHeadBy(what, "时限", total, voters)
}

// overviewListHeadBy is 「超时未交办：代表建议 52 件、选民意见建议 8 条(按收到日期先后列出前50项)」, or 「逾期未答复：无」.
func overviewListHeadBy(what, order string, total, voters int) string {
	if total == 0 {
		return what + "：无"
	}
	head := what + "：" + store.CountText(total-voters, voters)
	if total > overviewListMax {
		head += fmt.Sprintf("(按%s先后列出前%d项)", order, overviewListMax)
	}
	return head
}

// voters counts the voters' opinions (选民意见建议) among the total items of f, counted in 条: from the items
// listed when they are all of them, else with one more query.
func (t *overviewTab) voters(f store.SuggestionFilter, listed []store.Suggestion, total int) int {
	if len(listed) >= total {
		_, v := store.CountKinds(listed)
		return v
	}
	f.Kind = store.KindVoter
	return overviewCount(func() ([]store.Suggestion, int, error) {
		f.Limit = store.CountOnly
		return t.d.db.Suggestions(t.d.ctx, f)
	})
}

// items returns the first items of a filter by deadline, and how many match.
func (t *overviewTab) items(f store.SuggestionFilter) ([]store.Suggestion, int) {
	return t.itemsBy(f, "deadline")
}

// itemsBy returns the first items of a filter in the order of a sort key, and how many match.
func (t *overviewTab) itemsBy(f store.SuggestionFilter, sort string) ([]store.Suggestion, int) {
	f.Sort, f.Limit = sort, overviewListMax
	items, n, err := t.d.db.Suggestions(t.d.ctx, f)
	if err != nil {
		logError("概览: 读取建议", err)
		return nil, 0
	}
	return items, n
}

// count runs a list query for its total only; a failure counts 0 and goes to the log (the overview is
// re-read each time it is shown, and a dialog for each of its dozen counts would bury the window).
func overviewCount[T any](list func() ([]T, int, error)) int {
	_, n, err := list()
	if err != nil {
		logError("概览: 统计", err)
		return 0
	}
	return n
}

// deputyFigures is 「共 85 人\n镇级 73人 · 县级 12人 · 市级 2人」 (one deputy may hold several levels): the deputies
// on today's roll, counted as the 报表 counts a day (elected by today, not vacated, of the current term).
func (t *overviewTab) deputyFigures(s store.Settings) string {
	db, ctx := t.d.db, t.d.ctx
	today := store.DateOf(db.Now())
	roll, err := db.DeputyRoll(ctx, today)
	if err != nil {
		logError("概览: 统计", err)
	}
	total, byLevel := roll.Total, roll.ByLevel
	var parts []string
	for _, l := range store.DeputyLevels {
		if n := byLevel[l]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d人", s.LevelLabel(l), n))
		}
	}
	text := fmt.Sprintf("共 %d 人\n%s", total, strings.Join(parts, " · "))
	if total == 0 {
		text = "暂无在任代表"
	}
	if v := vacantDistricts(roll.Vacancies); v != "" { // issue 16: a 选区 with a vacant seat
		text += "\n" + v
	}
	return text
}

// stationFigures is 「共 30 个\n代表之家 3个 · 代表联络站 12个 …」.
func (t *overviewTab) stationFigures() string {
	db, ctx := t.d.db, t.d.ctx
	total := 0
	var parts []string
	for _, ty := range store.StationTypes {
		n := overviewCount(func() ([]store.Station, int, error) {
			return db.Stations(ctx, store.StationFilter{Type: ty, Status: "在用", Limit: store.CountOnly})
		})
		total += n
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d个", ty, n))
		}
	}
	if total == 0 {
		return "暂无在用的家站点"
	}
	return fmt.Sprintf("共 %d 个\n%s", total, strings.Join(parts, " · "))
}

// itemFigures is 「2024年收到代表建议 230 件、选民意见建议 20 条\n待交办 3 · 办理中 20 …」 for the current year.
func (t *overviewTab) itemFigures(today store.Date) string {
	db, ctx := t.d.db, t.d.ctx
	year := today.Year()
	total := 0
	var parts []string
	for _, st := range store.States {
		n := overviewCount(func() ([]store.Suggestion, int, error) {
			return db.Suggestions(ctx, store.SuggestionFilter{Year: year, States: []string{st}, Limit: store.CountOnly})
		})
		total += n
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", st, n))
		}
	}
	if total == 0 {
		return fmt.Sprintf("%d年尚未收到建议", year)
	}
	voters := overviewCount(func() ([]store.Suggestion, int, error) {
		return db.Suggestions(ctx, store.SuggestionFilter{Year: year, Kind: store.KindVoter, Limit: store.CountOnly})
	})
	return fmt.Sprintf("%d年收到%s\n%s", year, store.CountText(total-voters, voters), strings.Join(parts, " · "))
}

// openSuggestion shows an item in 建议: selects the tab and puts the item in its detail pane.
func (d *desk) openSuggestion(id int64) {
	s, err := d.db.Suggestion(d.ctx, id)
	if err != nil {
		d.showError(err)
		return
	}
	if d.tabs != nil {
		d.tabs.Select(d.items.tabItem())
	}
	d.items.show(s)
}
