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

	"rendadesk/export"
	"rendadesk/store"
)

// meetingsTab is 会议: meetings and activities with search and filters, and a pane with the meeting's form,
// its attendance, agenda, resolutions, elections and non-deputy attendees.
type meetingsTab struct {
	item     *container.TabItem // made once (tabItem): the window selects the tab by it
	d        *desk
	filter   store.MeetingFilter
	list     *recordList[store.Meeting]
	search   *searchEntry
	current  store.Meeting // the record in the pane; ID 0 for a new one
	pane     *formPane     // its form
	detail   *fyne.Container
	sections *container.AppTabs // the sections of a saved meeting
	rec      *meetingRecord     // what was recorded at it, with the editors of the sections
	filters  struct{ kind, year *widget.Select }
	content  fyne.CanvasObject

	// print prints the chosen parts of a meeting's materials (打印 or 另存为PDF); replaced in tests.
	print func(m store.Meeting, p export.MeetingPrint)
}

func newMeetingsTab(d *desk) *meetingsTab {
	t := &meetingsTab{d: d}
	t.print = func(m store.Meeting, p export.MeetingPrint) { d.printTo(d.meetingMaterials(m, p)) }
	count := func(n int) string { return strconv.Itoa(n) }
	cols := []column[store.Meeting]{
		{"日期", 95, "date", func(x store.Meeting) string { return string(x.Start) }},
		{"类型", 105, "kind", func(x store.Meeting) string { return x.Kind }},
		{"名称", 245, "title", func(x store.Meeting) string { return x.Title }},
		{"地点", 115, "place", func(x store.Meeting) string { return x.Place }},
		{"出席", 45, "", func(x store.Meeting) string { return count(x.Present) }},
		{"请假", 45, "", func(x store.Meeting) string { return count(x.Leave) }},
		{"缺席", 45, "", func(x store.Meeting) string { return count(x.Absent) }},
	}
	t.list = newRecordList(cols, func(offset, limit int, sort string, desc bool) ([]store.Meeting, int, error) {
		f := t.filter
		f.Offset, f.Limit, f.Sort, f.Desc = offset, limit, sort, desc
		return d.db.Meetings(d.ctx, f)
	}, func(x store.Meeting) { t.open(x, t.list.undoSelect, nil) })
	// Newest first, as the store lists them by default; set here so the 日期 header shows the arrow.
	t.list.sort, t.list.desc = "date", true
	t.search = newSearchEntry("搜索名称、地点、主题", func(q string) {
		t.filter.Query = q
		t.list.reload()
	})
	t.filters.kind = newSelect(append([]string{"全部"}, store.MeetingKinds...), func(v string) {
		t.filter.Kind = allOr(v)
		t.list.reload()
	})
	t.filters.year = newSelect(nil, func(v string) {
		t.filter.Year, _ = strconv.Atoi(strings.TrimSuffix(v, "年"))
		t.list.reload()
	})
	for _, sel := range []*widget.Select{t.filters.kind, t.filters.year} {
		sel.PlaceHolder = "全部"
	}
	t.detail = container.NewStack(emptyDetail("在左侧选择一个会议或活动，或点「新增」"))
	tb := newToolbar(t.newRecord, t.edit, t.remove, t.exportList)
	tb.box.Add(widget.NewButtonWithIcon("宣传信息", theme.MailSendIcon(), func() { t.showPublicity() })) // issue 22 (publicity.go)
	t.content = recordFrame(tb, t.search, []fyne.CanvasObject{
		filterBox("类型", t.filters.kind, 170), filterBox("年度", t.filters.year, 100),
	}, t.list.table, t.list.status, t.detail)
	return t
}

func (t *meetingsTab) tabItem() *container.TabItem { return onceTab(&t.item, "会议", t.content) }

// refresh re-reads the years for the filter and the list.
func (t *meetingsTab) refresh() {
	opts := []string{"全部"}
	for _, y := range t.years() {
		opts = append(opts, fmt.Sprintf("%d年", y))
	}
	t.filters.year.SetOptions(opts)
	t.list.reload()
}

// years lists the years to filter by, newest first: from this year (or the latest meeting's, when later)
// back to the year of the earliest meeting.
func (t *meetingsTab) years() []int {
	db, ctx := t.d.db, t.d.ctx
	// A failure is the store's, and the list read after this says so in its status line.
	first, _, err := db.Meetings(ctx, store.MeetingFilter{Sort: "date", Limit: 1})
	if err != nil || len(first) == 0 {
		logError("会议: 读取最早的会议", err)
		return nil
	}
	last, _, err := db.Meetings(ctx, store.MeetingFilter{Sort: "date", Desc: true, Limit: 1})
	logError("会议: 读取最近的会议", err)
	top := db.Now().Year()
	if len(last) > 0 && last[0].Start.Year() > top {
		top = last[0].Start.Year()
	}
	var out []int
	for y := top; y >= first[0].Start.Year() && y > 0; y-- {
		out = append(out, y)
	}
	return out
}

func (t *meetingsTab) newRecord() {
	t.open(store.Meeting{Kind: store.MeetingPresidium, Start: store.DateOf(t.d.db.Now())}, nil, t.list.unselect)
}

// edit moves the cursor into the form of the chosen meeting.
func (t *meetingsTab) edit() {
	if t.current.ID == 0 {
		t.d.showError(fmt.Errorf("请先在列表中选择一个会议"))
		return
	}
	if t.sections != nil {
		t.sections.SelectIndex(0)
	}
	t.pane.focus(t.d.win)
}

func (t *meetingsTab) remove() {
	if t.current.ID == 0 {
		t.d.showError(fmt.Errorf("请先在列表中选择要删除的会议"))
		return
	}
	cur := t.current
	t.d.confirmDelete("会议", cur.Title, func() error { return t.d.db.CheckDeleteMeeting(t.d.ctx, cur.ID) }, func() error {
		if err := t.d.db.DeleteMeeting(t.d.ctx, cur.ID); err != nil {
			return err
		}
		t.current = store.Meeting{}
		t.sections, t.rec = nil, nil
		t.d.dropForms(meetingForms...)
		t.detail.Objects = []fyne.CanvasObject{emptyDetail("已删除会议「" + cur.Title + "」")}
		t.detail.Refresh()
		t.list.reload()
		return nil
	})
}

func (t *meetingsTab) exportList() { exportRecords(t.d, "会议活动一览", t.list) }

// meetingForms are the forms of a meeting's pane: its own and one per section of its record.
var meetingForms = []string{formMeeting, formAttendance, formAgenda, formResolutions, formElections, formGuests,
	formTraining} // a training's 专题 (issue 22, training.go), page trainingPage

// show puts a meeting into the detail pane, once its forms hold no unsaved changes (guard.go).
func (t *meetingsTab) show(x store.Meeting) { t.open(x, nil, nil) }

// open shows x as show does; cancel runs when the clerk stays on the form, then once x is shown. The meeting
// already shown is shown again at once, keeping what its forms hold.
func (t *meetingsTab) open(x store.Meeting, cancel, then func()) {
	t.d.switchRecord(meetingForms, x.ID != 0 && x.ID == t.current.ID, func() { t.display(x) }, cancel, then)
}

// display puts a meeting into the detail pane: the form, and for a saved meeting what was recorded at it. The
// same meeting shown again (after a save of its form) keeps the unsaved changes of its sections.
func (t *meetingsTab) display(x store.Meeting) {
	keep, _ := t.d.samePane(x.ID != 0 && x.ID == t.current.ID, nil, meetingForms...)
	t.current = x
	form := t.form(x)
	var pane fyne.CanvasObject = form.content
	if x.ID != 0 {
		// The clerk going down the list keeps looking at the same section of each meeting.
		page := 0
		if t.sections != nil {
			page = t.sections.SelectedIndex()
		}
		rec, err := newMeetingRecord(t, x)
		if err != nil {
			t.d.showError(err)
		}
		t.rec = rec
		t.sections = container.NewAppTabs(
			container.NewTabItem("基本信息", form.content),
			container.NewTabItem("出席情况", rec.att.content),
			container.NewTabItem("议程", rec.agenda.content),
			container.NewTabItem("决议", rec.res.content),
			container.NewTabItem("选举", rec.elect.content),
			container.NewTabItem("列席人员", rec.guests.content),
			t.d.attachmentsItem(t, store.Owner{Kind: store.OwnerMeeting, ID: x.ID}),
		)
		if rec.topics != nil { // a training's 专题 before its 附件 (the materials): page trainingPage
			t.sections.Items = slices.Insert(t.sections.Items, trainingPage, container.NewTabItem("培训专题", rec.topics.content))
		}
		t.sections.SelectIndex(page)
		pane = container.NewBorder(t.meetingActions(x), nil, nil, nil, t.sections)
	} else {
		t.rec, t.sections = nil, nil
		t.d.dropFormsQuietly(meetingForms[1:]...) // the sections of the meeting shown before
	}
	t.detail.Objects = []fyne.CanvasObject{pane}
	t.detail.Refresh()
	t.d.putBack(keep)
	t.revealInList(x) // selected in the list, the filter cleared if it hides it
}

// reveal shows the meeting's section page (0 基本信息, 1 出席情况 … 5 列席人员).
func (t *meetingsTab) reveal(page int) { t.d.revealPage(t.content, t.sections, page) }

// form builds the meeting form filled with x; 保存 creates or updates.
func (t *meetingsTab) form(x store.Meeting) *formPane {
	db, ctx := t.d.db, t.d.ctx
	terms, err := db.Terms(ctx)
	if err != nil {
		t.d.showError(err)
	}
	terms = termsOf(terms, store.LevelTown) // 人代会 are the town's
	termNames := make([]string, len(terms))
	for i, tm := range terms {
		termNames[i] = tm.Name()
	}
	kind := newSelect(store.MeetingKinds, nil)
	term := selectWith(termNames, true)
	for _, tm := range terms {
		if tm.ID == x.TermID {
			term.SetSelected(tm.Name())
		}
	}
	session := intEntry()
	session.SetPlaceHolder("第几次会议，如 3")
	if x.SessionNo > 0 {
		session.SetText(strconv.Itoa(x.SessionNo))
	}
	title := requiredEntry("名称")
	title.SetText(x.Title)
	start := newDateEntry(true)
	start.SetDate(x.Start)
	end := newDateEntry(false)
	end.SetPlaceHolder("一天的会议可不填")
	end.SetDate(x.End)
	at, place, host, topic, law := newTextEntry(), newTextEntry(), newTextEntry(), newTextEntry(), newTextEntry()
	at.SetPlaceHolder("例如：上午9:00")
	at.SetText(x.Time)
	place.SetText(x.Place)
	host.SetText(x.Host)
	topic.SetText(x.Topic)
	law.SetPlaceHolder("执法检查时填写，如《中华人民共和国土地管理法》")
	law.SetText(x.Law)
	minutes := multiline(5)
	minutes.SetText(x.Minutes)
	problems := multiline(3)
	problems.SetText(x.Problems)
	notes := multiline(2)
	notes.SetText(x.Notes)

	var pane *formPane
	makeTitle := widget.NewButton("生成标题", func() {
		pane.clear()
		var number int
		for _, tm := range terms {
			if tm.Name() == term.Selected {
				number = tm.Number
			}
		}
		n := atoi(session)
		if number == 0 || n < 1 {
			pane.showError(fmt.Errorf("请先选择届次并填写会次，再生成标题"))
			return
		}
		s, err := db.Settings(ctx)
		if err != nil {
			pane.showError(err)
			return
		}
		title.SetText(store.CongressTitle(s.Township, number, n))
	})
	// 届次, 会次 and 生成标题 belong to a 人民代表大会会议, 检查的法律法规 to a 执法检查.
	kind.OnChanged = func(k string) {
		for _, w := range []fyne.Disableable{term, session, makeTitle} {
			if k == store.MeetingCongress {
				w.Enable()
			} else {
				w.Disable()
			}
		}
		if k == store.MeetingLawCheck {
			law.Enable()
		} else {
			law.Disable()
		}
		if k == store.MeetingCongress && term.Selected == "" {
			t.suggestSession(terms, term, session)
		}
		if pane != nil {
			// The labels of disabled fields are greyed, and ＊ follows the store's rule for the kind.
			pane.require(store.Required(&store.Meeting{Kind: k}))
		}
	}
	kind.SetSelected(x.Kind)
	kind.OnChanged(x.Kind) // SetSelected does not fire when the value is unchanged

	pane = newFormPane([]*widget.FormItem{
		widget.NewFormItem("类型", kind),
		widget.NewFormItem("届次", term),
		widget.NewFormItem("会次", session),
		widget.NewFormItem("", container.NewHBox(makeTitle)),
		widget.NewFormItem("名称", title),
		widget.NewFormItem("开始日期", start),
		widget.NewFormItem("结束日期", end),
		widget.NewFormItem("时间", at),
		widget.NewFormItem("地点", place),
		widget.NewFormItem("主持人", host),
		widget.NewFormItem("主题", topic),
		widget.NewFormItem("检查的法律法规", law),
		widget.NewFormItem("纪要", minutes),
		widget.NewFormItem("发现的问题", problems),
		widget.NewFormItem("备注", notes),
	}, nil)
	// build is the meeting as the form holds it (a 会次 that is not a number is the form's own problem).
	build := func() store.Meeting {
		y := x
		y.Kind, y.Title = kind.Selected, title.Text
		y.Start, y.End = start.Typed(), end.Typed()
		y.Time, y.Place, y.Host = strings.TrimSpace(at.Text), strings.TrimSpace(place.Text), strings.TrimSpace(host.Text)
		y.Topic, y.Law = strings.TrimSpace(topic.Text), strings.TrimSpace(law.Text)
		y.Minutes, y.Problems, y.Notes = minutes.Text, problems.Text, notes.Text
		y.SessionNo = 0
		if y.Kind == store.MeetingCongress {
			y.SessionNo = atoi(session)
			y.TermID = 0
			for _, tm := range terms {
				if tm.Name() == term.Selected {
					y.TermID = tm.ID
				}
			}
		}
		if y.Kind != store.MeetingLawCheck && x.Kind != store.MeetingLawCheck {
			y.Law = x.Law // the field is disabled: keep what was there
		}
		return y
	}
	pane.check = func() error { y := build(); return y.Validate() }
	pane.require(store.Required(&store.Meeting{Kind: kind.Selected}))
	pane.onSave = func() error {
		y := build()
		if err := db.SaveMeeting(ctx, &y); err != nil {
			return err
		}
		fresh, err := db.Meeting(ctx, y.ID)
		logError("会议: 保存后读取出席人数", err) // saved; the list below says so when the store fails
		if err == nil {
			y = fresh // with the read-only counts
		}
		t.list.reload()
		t.display(y)
		t.pane.showInfo("已保存")
		return nil
	}
	if x.ID == 0 {
		pane.title.SetText("新增会议")
	} else {
		pane.title.SetText(x.Title)
	}
	pane.first = title
	t.pane = pane
	pane.track(t.d, formMeeting, recordKey(x.ID), x, func() string {
		if x.ID == 0 {
			return "新增会议" + quoted(title.Text)
		}
		return "会议" + quoted(x.Title)
	}, func() { t.reveal(0) })
	return pane
}

// suggestSession fills in, for a new 人代会, the current term and the session after its last recorded one.
func (t *meetingsTab) suggestSession(terms []store.Term, term *widget.Select, session *textEntry) {
	for _, tm := range terms {
		if !tm.Current {
			continue
		}
		term.SetSelected(tm.Name())
		if strings.TrimSpace(session.Text) != "" {
			return
		}
		ms, _, err := t.d.db.Meetings(t.d.ctx, store.MeetingFilter{Kind: store.MeetingCongress})
		if err != nil {
			t.d.showError(err) // the clerk types the 会次
			return
		}
		last := 0
		for _, m := range ms {
			if m.TermID == tm.ID && m.SessionNo > last {
				last = m.SessionNo
			}
		}
		session.SetText(strconv.Itoa(last + 1))
	}
}
