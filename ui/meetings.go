package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// meetingsTab is 会议: meetings and activities with search and filters, and a pane with the meeting's form,
// its attendance, agenda, resolutions, elections and non-deputy attendees.
type meetingsTab struct {
	d        *desk
	filter   store.MeetingFilter
	list     *recordList[store.Meeting]
	search   *searchEntry
	current  store.Meeting // the record in the pane; ID 0 for a new one
	pane     *formPane     // its form
	detail   *fyne.Container
	sections *container.AppTabs // the sections of a saved meeting
	filters  struct{ kind, year *widget.Select }
	content  fyne.CanvasObject
}

func newMeetingsTab(d *desk) *meetingsTab {
	t := &meetingsTab{d: d}
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
	}, t.show)
	// Newest first, as the store lists them by default; set here so the 日期 header shows the arrow.
	t.list.sort, t.list.desc = "date", true
	t.search = newSearchEntry("搜索名称、地点、主题", func(q string) {
		t.filter.Query = q
		t.list.reload()
	})
	t.filters.kind = widget.NewSelect(append([]string{"全部"}, store.MeetingKinds...), func(v string) {
		t.filter.Kind = allOr(v)
		t.list.reload()
	})
	t.filters.year = widget.NewSelect(nil, func(v string) {
		t.filter.Year, _ = strconv.Atoi(strings.TrimSuffix(v, "年"))
		t.list.reload()
	})
	for _, sel := range []*widget.Select{t.filters.kind, t.filters.year} {
		sel.PlaceHolder = "全部"
	}
	t.detail = container.NewStack(emptyDetail("在左侧选择一个会议或活动，或点「新增」"))
	tb := newToolbar(t.newRecord, t.edit, t.remove, t.exportList)
	t.content = recordFrame(tb, t.search, []fyne.CanvasObject{
		labeled("类型", stationFilterBox(t.filters.kind, 170)), labeled("年度", stationFilterBox(t.filters.year, 100)),
	}, t.list.table, t.list.status, t.detail)
	t.refresh()
	return t
}

func (t *meetingsTab) tabItem() *container.TabItem { return container.NewTabItem("会议", t.content) }

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
	first, _, err := db.Meetings(ctx, store.MeetingFilter{Sort: "date", Limit: 1})
	if err != nil || len(first) == 0 {
		return nil
	}
	last, _, _ := db.Meetings(ctx, store.MeetingFilter{Sort: "date", Desc: true, Limit: 1})
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
	t.list.table.UnselectAll()
	t.show(store.Meeting{Kind: store.MeetingPresidium, Start: store.DateOf(t.d.db.Now())})
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
	t.d.confirmDelete("会议", cur.Title, func() error {
		if err := t.d.db.DeleteMeeting(t.d.ctx, cur.ID); err != nil {
			return err
		}
		t.current = store.Meeting{}
		t.sections = nil
		t.detail.Objects = []fyne.CanvasObject{emptyDetail("已删除会议「" + cur.Title + "」")}
		t.detail.Refresh()
		t.list.reload()
		return nil
	})
}

func (t *meetingsTab) exportList() {
	rows, err := t.list.all()
	if err != nil {
		t.d.showError(err)
		return
	}
	h, cells := t.list.rowsText(rows)
	t.d.exportList("会议活动一览", h, cells)
}

// show puts a meeting into the detail pane: the form, and for a saved meeting what was recorded at it.
func (t *meetingsTab) show(x store.Meeting) {
	t.current = x
	form := t.form(x)
	var pane fyne.CanvasObject = form.content
	t.sections = nil
	if x.ID != 0 {
		det, err := t.d.db.MeetingDetail(t.d.ctx, x.ID)
		if err != nil {
			t.d.showError(err)
		}
		t.sections = container.NewAppTabs(
			container.NewTabItem("基本信息", form.content),
			container.NewTabItem("出席情况", meetingAttendanceView(det.Attendance)),
			container.NewTabItem("议程", meetingAgendaView(det.Agenda)),
			container.NewTabItem("决议", meetingResolutionsView(x, det)),
			container.NewTabItem("选举", meetingElectionsView(det.Elections)),
			container.NewTabItem("列席人员", meetingGuestsView(det.Guests)),
		)
		pane = t.sections
	}
	t.detail.Objects = []fyne.CanvasObject{pane}
	t.detail.Refresh()
}

// form builds the meeting form filled with x; 保存 creates or updates.
func (t *meetingsTab) form(x store.Meeting) *formPane {
	db, ctx := t.d.db, t.d.ctx
	terms, err := db.Terms(ctx)
	if err != nil {
		t.d.showError(err)
	}
	termNames := make([]string, len(terms))
	for i, tm := range terms {
		termNames[i] = tm.Name()
	}
	kind := widget.NewSelect(store.MeetingKinds, nil)
	kind.PlaceHolder = "(请选择)"
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
	at, place, host, topic, law := widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
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
			pane.form.Refresh() // the labels of disabled fields are greyed on refresh
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
	}, func() error {
		y := x
		y.Kind, y.Title = kind.Selected, title.Text
		y.Start, y.End = meetingDateOf(start), meetingDateOf(end)
		y.Time, y.Place, y.Host = strings.TrimSpace(at.Text), strings.TrimSpace(place.Text), strings.TrimSpace(host.Text)
		y.Topic, y.Law = strings.TrimSpace(topic.Text), strings.TrimSpace(law.Text)
		y.Minutes, y.Problems, y.Notes = minutes.Text, problems.Text, notes.Text
		y.SessionNo = 0
		if y.Kind == store.MeetingCongress {
			if err := session.Validate(); err != nil {
				return &store.Error{Code: store.EINVALID, Field: "会次", Message: "会次" + err.Error()}
			}
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
		if err := db.SaveMeeting(ctx, &y); err != nil {
			return err
		}
		if fresh, err := db.Meeting(ctx, y.ID); err == nil {
			y = fresh // with the read-only counts
		}
		t.list.reload()
		t.show(y)
		t.pane.showInfo("已保存")
		return nil
	})
	if x.ID == 0 {
		pane.title.SetText("新增会议")
	} else {
		pane.title.SetText(x.Title)
	}
	pane.first = title
	t.pane = pane
	return pane
}

// suggestSession fills in, for a new 人代会, the current term and the session after its last recorded one.
func (t *meetingsTab) suggestSession(terms []store.Term, term *widget.Select, session *widget.Entry) {
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

// meetingDateOf reads a date field: the parsed date, or the raw text for the store to reject by name.
func meetingDateOf(e *dateEntry) store.Date {
	if d, err := store.ParseDate(e.Text); err == nil {
		return d
	}
	return store.Date(strings.TrimSpace(e.Text))
}

// meetingAttendanceCounts counts the attendance marks; 应到 are the deputies expected to vote, i.e. every
// row but 列席.
type meetingAttendanceCounts struct{ expected, present, leave, absent, nonVoting int }

func countMeetingAttendance(att []store.Attendance) meetingAttendanceCounts {
	var c meetingAttendanceCounts
	for _, a := range att {
		switch a.Status {
		case "出席":
			c.present++
		case "请假":
			c.leave++
		case "缺席":
			c.absent++
		case "列席":
			c.nonVoting++
		}
	}
	c.expected = c.present + c.leave + c.absent
	return c
}

// meetingAttendanceLine is the totals line over the attendance list.
func meetingAttendanceLine(att []store.Attendance) string {
	c := countMeetingAttendance(att)
	return fmt.Sprintf("应到 %d 人，实到 %d 人，请假 %d 人，缺席 %d 人，列席 %d 人", c.expected, c.present, c.leave, c.absent, c.nonVoting)
}

// meetingAttendanceView lists the attendance by deputy group (the store's order): 组名 姓名 状态(原因).
func meetingAttendanceView(att []store.Attendance) fyne.CanvasObject {
	rows := make([]string, len(att))
	for i, a := range att {
		group := a.GroupName
		if group == "" {
			group = "未分组"
		}
		status := a.Status
		if a.Reason != "" {
			status += "(" + a.Reason + ")"
		}
		rows[i] = fmt.Sprintf("%s　%s　%s", group, a.DeputyName, status)
	}
	head := meetingAttendanceLine(att)
	if len(att) == 0 {
		head = "未登记出席情况"
	}
	return simpleList(head, rows, nil)
}

// meetingBlocks is a heading over entries of wrapped text, for lists whose lines are too long for one row
// (agenda titles, resolutions, elections with their candidates).
func meetingBlocks(head string, blocks []string) fyne.CanvasObject {
	box := container.NewVBox(widget.NewLabelWithStyle(head, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, b := range blocks {
		l := widget.NewLabel(b)
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
		box.Add(widget.NewSeparator())
	}
	return container.NewVScroll(box)
}

// meetingAgendaView lists the agenda: seq, title, kind, presenter.
func meetingAgendaView(items []store.AgendaItem) fyne.CanvasObject {
	rows := make([]string, len(items))
	for i, a := range items {
		kind := a.Kind
		if a.Report != "" {
			kind += "·" + a.Report
		}
		line := fmt.Sprintf("%d. %s　[%s]", a.Seq, a.Title, kind)
		if a.Presenter != "" {
			line += "　报告人：" + a.Presenter
		}
		rows[i] = line
	}
	head := fmt.Sprintf("议程共 %d 项", len(items))
	if len(items) == 0 {
		head = "未登记议程"
	}
	return meetingBlocks(head, rows)
}

// meetingResolutionLines renders the resolutions with their votes and the entered result. When the
// attendance roll is recorded, its 应到 (all town deputies in office at a 人代会, the members at a 主席团会议)
// is the base of the passing rule, and a result that disagrees with the rule is flagged.
func meetingResolutionLines(m store.Meeting, det store.MeetingDetail) []string {
	base := 0
	if m.Kind == store.MeetingCongress || m.Kind == store.MeetingPresidium {
		base = countMeetingAttendance(det.Attendance).expected
	}
	rows := make([]string, len(det.Resolutions))
	for i, r := range det.Resolutions {
		result := r.EnteredResult
		if result == "" {
			result = "未录入"
		}
		line := fmt.Sprintf("%d. %s（%s）\n赞成 %d 票，反对 %d 票，弃权 %d 票；表决结果：%s", i+1, r.Title, r.Kind, r.For, r.Against, r.Abstain, result)
		if base > 0 && r.EnteredResult != "" && (r.EnteredResult == "通过") != r.Passed(base) {
			want := "未通过"
			if r.Passed(base) {
				want = "通过"
			}
			line += fmt.Sprintf("\n【注意】应到 %d 人，赞成票须过半数，按规则应为「%s」，与录入的结果不符", base, want)
		}
		rows[i] = line
	}
	return rows
}

// meetingResolutionsView lists the resolutions (see meetingResolutionLines).
func meetingResolutionsView(m store.Meeting, det store.MeetingDetail) fyne.CanvasObject {
	rows := meetingResolutionLines(m, det)
	head := fmt.Sprintf("决议、决定共 %d 项", len(rows))
	if len(rows) == 0 {
		head = "未登记决议"
	}
	return meetingBlocks(head, rows)
}

// meetingElectionsView lists each election with its ballots and its candidates with their votes.
func meetingElectionsView(es []store.Election) fyne.CanvasObject {
	rows := make([]string, len(es))
	for i, e := range es {
		text := fmt.Sprintf("%d. %s：%s（应选 %d 名）\n应到 %d 人，实到 %d 人；发出选票 %d 张，收回 %d 张，有效 %d 张",
			i+1, e.Kind, e.Position, e.Seats, e.Expected, e.Present, e.BallotsIssued, e.BallotsReturned, e.BallotsValid)
		for _, c := range e.Candidates {
			text += fmt.Sprintf("\n　　候选人 %s　得票 %d", c.Name, c.Votes)
			if c.Elected {
				text += "　当选"
			}
		}
		if e.Notes != "" {
			text += "\n备注：" + e.Notes
		}
		rows[i] = text
	}
	head := fmt.Sprintf("选举共 %d 项", len(es))
	if len(es) == 0 {
		head = "未登记选举"
	}
	return meetingBlocks(head, rows)
}

// meetingGuestsView lists the non-deputy attendees: name, unit, post.
func meetingGuestsView(gs []store.Guest) fyne.CanvasObject {
	rows := make([]string, len(gs))
	for i, g := range gs {
		rows[i] = strings.TrimRight(fmt.Sprintf("%s　%s　%s", g.Name, g.Unit, g.Post), "　")
	}
	head := fmt.Sprintf("列席人员共 %d 人", len(gs))
	if len(gs) == 0 {
		head = "未登记列席人员"
	}
	return simpleList(head, rows, nil)
}
