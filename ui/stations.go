package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// stationsTab is 联络站: the liaison stations (家站点) with search and filters, and a pane with the station's
// form, its stationed deputies and its reception records.
type stationsTab struct {
	item     *container.TabItem // made once (tabItem): the window selects the tab by it
	d        *desk
	filter   store.StationFilter
	list     *recordList[store.Station]
	search   *searchEntry
	current  store.Station // the record in the pane; ID 0 for a new one
	pane     *formPane     // its form
	detail   *fyne.Container
	sections *container.AppTabs // 基本信息 / 进站代表 / 接待记录 of a saved station
	filters  struct{ kind, village, status *widget.Select }
	content  fyne.CanvasObject

	// The 接待记录 section of the current station.
	receptions []store.Reception
	recList    *fyne.Container // the list with its heading
	recForm    *fyne.Container // the form of the chosen record
	recPane    *formPane
	recCurrent store.Reception
	// The voters of the record in the form, one a line, and its 反映问题 page (stations_issues.go).
	votersEntry *textEntry
	issuesBox   *fyne.Container
	recTabs     *container.AppTabs // 接待情况 / 反映问题(n)
	duty        *dutySection       // the 值班与接待日 section (stations_duty.go)
}

// stationStarOptions are the choices of 星级, 0 to 5.
var stationStarOptions = []string{"0星", "1星", "2星", "3星", "4星", "5星"}

func newStationsTab(d *desk) *stationsTab {
	t := &stationsTab{d: d}
	cols := []column[store.Station]{
		{"名称", 150, "name", func(x store.Station) string { return x.Name }},
		{"类型", 90, "type", func(x store.Station) string { return x.Type }},
		{"村(居)", 80, "village", func(x store.Station) string { return x.Village }},
		{"建成日期", 90, "opened", func(x store.Station) string { return string(x.Opened) }},
		{"六个有", 55, "", stationHavesText},
		{"星级", 45, "stars", func(x store.Station) string { return stationStarsText(x.Stars) }},
		{"进站代表", 70, "", func(x store.Station) string { return fmt.Sprint(len(x.DeputyIDs)) }},
		{"接待人次", 70, "", func(x store.Station) string { return fmt.Sprint(x.Voters) }},
		{"状态", 45, "status", func(x store.Station) string { return x.Status }},
	}
	t.list = newRecordList(cols, func(offset, limit int, sort string, desc bool) ([]store.Station, int, error) {
		f := t.filter
		f.Offset, f.Limit, f.Sort, f.Desc = offset, limit, sort, desc
		return d.db.Stations(d.ctx, f)
	}, func(x store.Station) { t.open(x, t.list.undoSelect, nil) })
	t.search = newSearchEntry("搜索名称、村(居)、地址", func(q string) {
		t.filter.Query = q
		t.list.reload()
	})
	t.filters.kind = newSelect(append([]string{"全部"}, store.StationTypes...), func(v string) {
		t.filter.Type = allOr(v)
		t.list.reload()
	})
	t.filters.village = newSelect(nil, func(v string) {
		t.filter.Village = allOr(v)
		t.list.reload()
	})
	t.filters.status = newSelect(append([]string{"全部"}, store.StationStatuses...), func(v string) {
		t.filter.Status = allOr(v)
		t.list.reload()
	})
	for _, sel := range []*widget.Select{t.filters.kind, t.filters.village, t.filters.status} {
		sel.PlaceHolder = "全部"
	}
	t.detail = container.NewStack(emptyDetail("在左侧选择一个联络站，或点「新增」"))
	tb := newToolbar(t.newRecord, t.edit, t.remove, t.exportList)
	tb.addImport(d, store.ImportStations)
	t.content = recordFrame(tb, t.search, []fyne.CanvasObject{
		filterBox("类型", t.filters.kind, 130), filterBox("村(居)", t.filters.village, 120),
		filterBox("状态", t.filters.status, 90),
	}, t.list.table, t.list.status, t.detail)
	return t
}

func (t *stationsTab) tabItem() *container.TabItem { return onceTab(&t.item, "联络站", t.content) }

// refresh re-reads the villages for the filter and the list.
func (t *stationsTab) refresh() {
	villages, err := t.d.db.Dict(t.d.ctx, store.DictVillage)
	if err != nil {
		t.d.showError(err)
	}
	t.filters.village.SetOptions(append([]string{"全部"}, villages...))
	t.list.reload()
}

// stationHavesText renders 「六个有」 as met/6, e.g. 4/6.
func stationHavesText(x store.Station) string {
	n := 0
	for _, ok := range x.Haves {
		if ok {
			n++
		}
	}
	return fmt.Sprintf("%d/%d", n, len(x.Haves))
}

// stationStarsText renders a star rating as 4星. (The bundled CJK font has no ★ glyph.)
func stationStarsText(n int) string {
	if n < 0 || n >= len(stationStarOptions) {
		return fmt.Sprint(n)
	}
	return stationStarOptions[n]
}

// stationDeputyOptions lists every deputy for the pickers (「王建国(第一代表小组)」; vacant seats say so).
func stationDeputyOptions(d *desk) []option { return deputyOptions(d) }

func (t *stationsTab) newRecord() {
	t.open(store.Station{Type: "代表联络站", Status: store.StationStatuses[0]}, nil, t.list.unselect)
}

// edit moves the cursor into the form of the chosen station.
func (t *stationsTab) edit() {
	if t.current.ID == 0 {
		t.d.showError(fmt.Errorf("请先在列表中选择一个联络站"))
		return
	}
	if t.sections != nil {
		t.sections.SelectIndex(0)
	}
	t.pane.focus(t.d.win)
}

// remove deletes the chosen station after one question, which for a station with reception records says how
// many go with it (read first, so that the clerk is not asked twice).
func (t *stationsTab) remove() {
	if t.current.ID == 0 {
		t.d.showError(fmt.Errorf("请先在列表中选择要删除的联络站"))
		return
	}
	cur := t.current
	db, ctx := t.d.db, t.d.ctx
	fresh, err := db.Station(ctx, cur.ID)
	if err != nil {
		t.d.showError(err)
		return
	}
	del := func(force bool) func() error {
		return func() error {
			if err := db.DeleteStation(ctx, cur.ID, force); err != nil {
				return err
			}
			t.removed(cur)
			return nil
		}
	}
	if n := fresh.Receptions; n > 0 {
		t.d.askDelete("删除联络站及其接待记录", fmt.Sprintf("联络站「%s」有 %d 条接待记录。\n删除联络站会一并删除这 %d 条接待记录，删除后不能恢复。确定删除吗？",
			cur.Name, n, n), del(true))
		return
	}
	t.d.confirmDelete("联络站", cur.Name, nil, del(false))
}

// removed clears the pane after x was deleted.
func (t *stationsTab) removed(x store.Station) {
	t.current = store.Station{}
	t.sections = nil
	t.d.dropForms(stationForms...)
	t.detail.Objects = []fyne.CanvasObject{emptyDetail("已删除联络站「" + x.Name + "」")}
	t.detail.Refresh()
	t.list.reload()
}

func (t *stationsTab) exportList() { exportRecords(t.d, "联络站一览", t.list) }

// stationForms are the forms of a station's pane.
var stationForms = []string{formStation, formReception}

// show puts a station into the detail pane, once its forms hold no unsaved changes (guard.go).
func (t *stationsTab) show(x store.Station) { t.open(x, nil, nil) }

// open shows x as show does; cancel runs when the clerk stays on the form, then once x is shown. The station
// already shown is shown again at once, keeping what its forms hold.
func (t *stationsTab) open(x store.Station, cancel, then func()) {
	t.d.switchRecord(stationForms, x.ID != 0 && x.ID == t.current.ID, func() { t.display(x) }, cancel, then)
}

// display puts a station into the detail pane: the form, and for a saved station its deputies and receptions.
// The same station shown again (after a save) keeps the section on screen and the unsaved changes of its
// forms.
func (t *stationsTab) display(x store.Station) {
	rec := t.recCurrent
	keep, page := t.d.samePane(x.ID != 0 && x.ID == t.current.ID, t.sections, stationForms...)
	t.current = x
	form := t.form(x)
	var pane fyne.CanvasObject = form.content
	t.sections = nil
	if x.ID != 0 {
		t.sections = container.NewAppTabs(
			container.NewTabItem("基本信息", form.content),
			container.NewTabItem("进站代表", t.deputiesOf(x)),
			container.NewTabItem("接待记录", t.receptionsOf(x)),
			container.NewTabItem("值班与接待日", t.dutyOf(x)),
			t.d.attachmentsItem(t, store.Owner{Kind: store.OwnerStation, ID: x.ID}),
		)
		if kept(keep, formReception) {
			t.displayReception(rec)
		}
		t.sections.SelectIndex(page)
		pane = t.sections
	}
	t.detail.Objects = []fyne.CanvasObject{pane}
	t.detail.Refresh()
	t.d.putBack(keep)
	t.revealInList(x) // selected in the list, the filter cleared if it hides it
}

// reveal shows the station's section page (0 基本信息, 2 接待记录).
func (t *stationsTab) reveal(page int) { t.d.revealPage(t.content, t.sections, page) }

// form builds the station form filled with x; 保存 creates or updates.
func (t *stationsTab) form(x store.Station) *formPane {
	db, ctx := t.d.db, t.d.ctx
	villages, err := db.Dict(ctx, store.DictVillage)
	if err != nil {
		t.d.showError(err)
	}
	name := requiredEntry("名称")
	name.SetText(x.Name)
	kind := selectWith(store.StationTypes, false)
	kind.SetSelected(x.Type)
	village := newFilterSelect(villages, true)
	village.SetSelected(x.Village)
	address, contact, phone, schedule := newTextEntry(), newTextEntry(), newTextEntry(), newTextEntry()
	address.SetText(x.Address)
	contact.SetText(x.Contact)
	phone.SetText(x.Phone)
	schedule.SetPlaceHolder("例如：每月10日上午")
	schedule.SetText(x.Schedule)
	opened := newDateEntry(false)
	opened.SetDate(x.Opened)
	haves := make([]*widget.Check, len(store.SixHaves))
	haveBox := container.NewGridWithColumns(3)
	for i, h := range store.SixHaves {
		haves[i] = widget.NewCheck(h, nil)
		haves[i].SetChecked(x.Haves[i])
		haveBox.Add(haves[i])
	}
	stars := selectWith(stationStarOptions, false)
	stars.SetSelected(stationStarsText(x.Stars))
	status := selectWith(store.StationStatuses, false)
	status.SetSelected(x.Status)
	deputies := newIDPicker("选择进站代表", func() []option { return stationDeputyOptions(t.d) })
	deputies.SetSelected(x.DeputyIDs)
	notes := multiline(3)
	notes.SetText(x.Notes)

	var pane *formPane
	pane = newFormPane([]*widget.FormItem{
		widget.NewFormItem("名称", name),
		widget.NewFormItem("类型", kind),
		widget.NewFormItem("所在村(居)", village),
		widget.NewFormItem("地址", address),
		widget.NewFormItem("建成日期", opened),
		widget.NewFormItem("联系人", contact),
		widget.NewFormItem("联系电话", phone),
		widget.NewFormItem("接待安排", schedule),
		widget.NewFormItem("六个有", haveBox),
		widget.NewFormItem("星级", stars),
		widget.NewFormItem("状态", status),
		widget.NewFormItem("进站代表", deputies),
		widget.NewFormItem("备注", notes),
	}, nil)
	// build is the station as the form holds it.
	build := func() store.Station {
		y := x
		y.Name, y.Type, y.Village, y.Address = name.Text, kind.Selected, village.Selected, strings.TrimSpace(address.Text)
		y.Contact, y.Phone, y.Schedule = strings.TrimSpace(contact.Text), strings.TrimSpace(phone.Text), strings.TrimSpace(schedule.Text)
		y.Opened = opened.Typed()
		for i := range haves {
			y.Haves[i] = haves[i].Checked
		}
		y.Stars = 0
		for i, s := range stationStarOptions {
			if s == stars.Selected {
				y.Stars = i
			}
		}
		y.Status, y.Notes, y.DeputyIDs = status.Selected, notes.Text, deputies.Selected()
		return y
	}
	pane.check = func() error { y := build(); return y.Validate() }
	pane.require(store.Required(&store.Station{}))
	pane.onSave = func() error {
		y := build()
		if err := db.SaveStation(ctx, &y); err != nil {
			return err
		}
		fresh, err := db.Station(ctx, y.ID)
		logError("联络站: 保存后读取", err) // saved; the list below says so when the store fails
		if err == nil {
			y = fresh // with the read-only counts
		}
		t.list.reload()
		t.display(y)
		t.pane.showInfo("已保存")
		return nil
	}
	if x.ID == 0 {
		pane.title.SetText("新增联络站")
	} else {
		pane.title.SetText(x.Name)
	}
	pane.first = name
	t.pane = pane
	pane.track(t.d, formStation, recordKey(x.ID), x, func() string {
		if x.ID == 0 {
			return "新增联络站" + quoted(name.Text)
		}
		return "联络站" + quoted(x.Name)
	}, func() { t.reveal(0) })
	return pane
}

// deputiesOf lists the deputies stationed at x; tapping one opens them in the 代表 tab.
func (t *stationsTab) deputiesOf(x store.Station) fyne.CanvasObject {
	if len(x.DeputyIDs) == 0 {
		return simpleList("尚无进站代表", nil, nil)
	}
	ds, _, err := t.d.db.Deputies(t.d.ctx, store.DeputyFilter{StationID: x.ID})
	if err != nil {
		return widget.NewLabel(store.ErrorMessage(err))
	}
	rows := make([]string, len(ds))
	for i, p := range ds {
		line := p.Name
		for _, s := range []string{p.GroupName, p.Phone} {
			if s != "" {
				line += "　" + s
			}
		}
		if p.Status != store.DeputyActive {
			line += "　(" + p.Status + ")"
		}
		rows[i] = line
	}
	return simpleList(fmt.Sprintf("进站代表共 %d 人（点击姓名查看代表）", len(ds)), rows, func(i int) { t.openDeputy(ds[i]) })
}

// openDeputy switches to the 代表 tab with the deputy in its pane.
func (t *stationsTab) openDeputy(x store.Deputy) {
	for i, r := range t.d.records {
		if r == recordTab(t.d.deputies) {
			t.d.tabs.SelectIndex(i + 1) // after 概览
		}
	}
	t.d.deputies.show(x)
}

// receptionsOf is the 接待记录 section: the station's records newest first over the form of the chosen one.
func (t *stationsTab) receptionsOf(x store.Station) fyne.CanvasObject {
	t.recList = container.NewStack()
	t.recForm = container.NewStack(emptyDetail("选择一条接待记录查看或修改，或点「新增接待记录」"))
	t.recCurrent = store.Reception{}
	t.recPane = nil
	t.d.dropFormsQuietly(formReception) // the form of the station shown before
	t.loadReceptions(x.ID)
	add := widget.NewButtonWithIcon("新增接待记录", theme.ContentAddIcon(), func() {
		t.showReception(store.Reception{StationID: t.current.ID, Date: store.DateOf(t.d.db.Now())})
	})
	split := container.NewVSplit(t.recList, t.recForm)
	split.Offset = 0.4
	return container.NewBorder(container.NewHBox(add), nil, nil, nil, split)
}

// loadReceptions re-reads the station's reception records into the list.
func (t *stationsTab) loadReceptions(stationID int64) {
	db, ctx := t.d.db, t.d.ctx
	recs, _, err := db.Receptions(ctx, store.ReceptionFilter{StationID: stationID})
	if err != nil {
		t.recList.Objects = []fyne.CanvasObject{widget.NewLabel(store.ErrorMessage(err))}
		t.recList.Refresh()
		return
	}
	t.receptions = recs
	var ids []int64
	voters := 0
	for _, r := range recs {
		ids = append(ids, r.DeputyIDs...)
		voters += r.Voters
	}
	names, err := db.DeputyNames(ctx, ids)
	if err != nil {
		t.d.showError(err) // the records are listed without the names of the deputies on duty
	}
	rows := make([]string, len(recs))
	for i, r := range recs {
		rows[i] = stationReceptionLine(r, names)
	}
	head := fmt.Sprintf("接待记录共 %d 条，接待选民 %d 人次", len(recs), voters)
	t.recList.Objects = []fyne.CanvasObject{simpleList(head, rows, func(i int) { t.showReception(t.receptions[i]) })}
	t.recList.Refresh()
}

// stationReceptionLine renders a reception record as one line: date, 人次, the deputies on duty, the summary.
func stationReceptionLine(r store.Reception, names map[int64]string) string {
	var duty []string
	for _, id := range r.DeputyIDs {
		duty = append(duty, names[id])
	}
	dutyText := "(未记录值班代表)"
	if len(duty) > 0 {
		dutyText = strings.Join(duty, "、")
	}
	var issues []string
	for _, i := range r.Issues {
		issues = append(issues, strings.Join(strings.Fields(i.Content), " "))
	}
	summary := strings.Join(strings.Fields(r.Summary), " ")
	if len(issues) > 0 {
		summary = fmt.Sprintf("%d条问题：%s", len(issues), strings.Join(issues, "；"))
	}
	return fmt.Sprintf("%s　%d人次　%s　%s", r.Date, r.Voters, dutyText, summary)
}

// showReception puts a reception record (ID 0 for a new one) into the form under the list, once the form
// there holds no unsaved changes (guard.go).
func (t *stationsTab) showReception(r store.Reception) {
	if r.ID != 0 && r.ID == t.recCurrent.ID && t.recPane != nil {
		return // already in the form, as the clerk left it
	}
	t.d.leave([]string{formReception}, func() { t.displayReception(r) }, nil)
}

// displayReception puts a reception record into the form under the list.
func (t *stationsTab) displayReception(r store.Reception) {
	db, ctx := t.d.db, t.d.ctx
	if r.ID != 0 { // the issues as stored: a draft's record may predate issues saved on their own page
		if fresh, err := db.Reception(ctx, r.ID); err == nil {
			r.Issues = fresh.Issues
		}
	}
	t.recCurrent = r
	date := newDateEntry(true)
	date.SetDate(r.Date)
	voters := intEntry()
	voters.SetPlaceHolder("人次，如 12")
	if r.ID != 0 {
		voters.SetText(fmt.Sprint(r.Voters))
	}
	duty := newIDPicker("选择值班代表", t.dutyOptions)
	duty.SetSelected(r.DeputyIDs)
	people := multiline(4)
	people.SetPlaceHolder("留下姓名的选民，一行一位：姓名 村(居) 联系方式")
	people.SetText(votersText(r.People))
	t.votersEntry = people
	summary := multiline(2)
	summary.SetText(r.Summary)
	var pane *formPane
	pane = newFormPane([]*widget.FormItem{
		widget.NewFormItem("接待日期", date),
		widget.NewFormItem("接待选民(人次)", voters),
		widget.NewFormItem("值班代表", duty),
		widget.NewFormItem("选民", people),
		widget.NewFormItem("备注", summary),
	}, nil)
	// build is the record as the form holds it (a number that is not one is the form's own problem), with its
	// issues as saved on the 反映问题 page.
	build := func() store.Reception {
		y := t.recCurrent
		y.People = parseVoters(people.Text)
		y.StationID = t.current.ID
		y.Date = date.Typed()
		y.Voters, y.DeputyIDs, y.Summary = atoi(voters), duty.Selected(), strings.TrimSpace(summary.Text)
		return y
	}
	pane.check = func() error { y := build(); return y.Validate() }
	pane.require(store.Required(&store.Reception{StationID: t.current.ID}))
	pane.onSave = func() error {
		y := build()
		if err := db.SaveReception(ctx, &y); err != nil {
			return err
		}
		t.receptionsChanged()
		t.displayReception(y)
		t.recPane.showInfo("已保存")
		return nil
	}
	if r.ID == 0 {
		pane.title.SetText("新增接待记录")
	} else {
		pane.title.SetText("接待记录 " + r.Date.Chinese())
	}
	pane.first = date
	t.recPane = pane
	station := t.current
	pane.track(t.d, formReception, recordKey(r.ID), r, func() string {
		if r.ID == 0 {
			return "联络站「" + station.Name + "」新增的接待记录"
		}
		return "接待记录「" + station.Name + " " + r.Date.Chinese() + "」"
	}, func() { t.reveal(2) })
	var body fyne.CanvasObject = pane.content
	t.issuesBox, t.recTabs = nil, nil
	if r.ID != 0 {
		del := widget.NewButtonWithIcon("删除", theme.DeleteIcon(), t.removeReception)
		pane.addActions(del)
		// The issues are added, and each turned into a suggestion or a petition, on their own page; they are
		// saved with the record as it is stored, so only a saved record has them.
		page := t.issuesPage()
		t.recTabs = container.NewAppTabs(container.NewTabItem("接待情况", pane.content), container.NewTabItem(issuesTitle(len(r.Issues)), page))
		body = t.recTabs
	}
	t.recForm.Objects = []fyne.CanvasObject{body}
	t.recForm.Refresh()
}

// dutyOptions lists the deputies for 值班代表: those stationed here first, marked 本站, then everyone else.
func (t *stationsTab) dutyOptions() []option {
	all := stationDeputyOptions(t.d)
	var here, others []option
	for _, o := range all {
		if slices.Contains(t.current.DeputyIDs, o.ID) {
			name, rest, _ := strings.Cut(o.Label, "(")
			if rest != "" {
				o.Label = name + "(本站·" + rest
			} else {
				o.Label = name + "(本站)"
			}
			here = append(here, o)
		} else {
			others = append(others, o)
		}
	}
	return append(here, others...)
}

// removeReception deletes the reception record in the form after a confirmation.
func (t *stationsTab) removeReception() {
	r := t.recCurrent
	if r.ID == 0 {
		return
	}
	t.d.confirmDelete("接待记录", r.Date.Chinese(), nil, func() error {
		if err := t.d.db.DeleteReception(t.d.ctx, r.ID); err != nil {
			return err
		}
		t.recCurrent = store.Reception{}
		t.recPane = nil
		t.d.dropForms(formReception)
		t.recForm.Objects = []fyne.CanvasObject{emptyDetail("已删除" + r.Date.Chinese() + "的接待记录")}
		t.recForm.Refresh()
		t.receptionsChanged()
		return nil
	})
}

// receptionsChanged re-reads the reception list and the station's counts after a record was saved or deleted.
func (t *stationsTab) receptionsChanged() {
	t.loadReceptions(t.current.ID)
	fresh, err := t.d.db.Station(t.d.ctx, t.current.ID)
	logError("联络站: 读取接待次数", err) // the list below says so when the store fails
	if err == nil {
		t.current = fresh
	}
	t.list.reload()
	t.loadDuty() // a record on a duty day clears its flag
}
