package ui

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/export"
	"rendadesk/store"
)

// meetingRecord is what was recorded at the meeting in the pane — as the store holds it (saved) — and the
// editor of each section. A section saves the whole MeetingDetail, its own list as edited and the others as
// last saved, because SaveMeetingDetail replaces every list in one transaction; unsaved edits in one section
// are never written by another section's 保存.
type meetingRecord struct {
	t        *meetingsTab
	m        store.Meeting
	saved    store.MeetingDetail
	quorum   store.Quorum // its Base and BaseName; the counts come from the marks on screen
	voting   bool         // a 人代会 or 主席团会议: the quorum and the passing rule apply (SPEC §3)
	expected []store.Deputy

	att    *attendanceSheet
	agenda *agendaEditor
	res    *resolutionEditor
	elect  *electionEditor
	guests *guestEditor
}

// newMeetingRecord loads the meeting's detail, quorum base and expected attendees and builds the editors.
// On a read error it still returns usable (possibly empty) editors, with the error.
func newMeetingRecord(t *meetingsTab, m store.Meeting) (*meetingRecord, error) {
	db, ctx := t.d.db, t.d.ctx
	r := &meetingRecord{t: t, m: m, voting: m.IsVoting()}
	var errs []error
	var err error
	if r.saved, err = db.MeetingDetail(ctx, m.ID); err != nil {
		errs = append(errs, err)
	}
	if r.quorum, err = db.Quorum(ctx, m.ID); err != nil {
		errs = append(errs, err)
	}
	if r.expected, err = db.ExpectedAttendees(ctx, m.ID); err != nil {
		errs = append(errs, err)
	}
	groups, err := db.Groups(ctx)
	if err != nil {
		errs = append(errs, err)
	}
	r.att = newAttendanceSheet(r, groups)
	r.agenda = newAgendaEditor(r)
	r.res = newResolutionEditor(r)
	r.elect = newElectionEditor(r)
	r.guests = newGuestEditor(r)
	return r, errors.Join(errs...)
}

// save writes the detail as last saved with change applied, then reads it back. The store's message, or
// 已保存, shows in msg.
func (r *meetingRecord) save(msg *widget.Label, change func(*store.MeetingDetail)) bool {
	db, ctx := r.t.d.db, r.t.d.ctx
	d := r.saved
	change(&d)
	if err := db.SaveMeetingDetail(ctx, r.m.ID, d); err != nil {
		sectionError(msg, err)
		return false
	}
	fresh, err := db.MeetingDetail(ctx, r.m.ID)
	if err != nil {
		sectionError(msg, err)
		return false
	}
	r.saved = fresh
	r.t.countsChanged(r.m.ID)
	sectionInfo(msg, "已保存")
	return true
}

// countsChanged re-reads the attendance counts of the meeting in the pane and of the list, keeping the
// list's scroll position and selection.
func (t *meetingsTab) countsChanged(id int64) {
	if m, err := t.d.db.Meeting(t.d.ctx, id); err == nil && t.current.ID == id {
		t.current = m
	}
	t.list.pages = map[int][]store.Meeting{}
	t.list.table.Refresh()
}

// meetingActions are the buttons over the sections of a saved meeting.
func (t *meetingsTab) meetingActions(m store.Meeting) fyne.CanvasObject {
	suggest := widget.NewButtonWithIcon("据此登记建议", theme.ContentAddIcon(), func() {
		t.d.items.newFromMeeting(t.current)
	})
	printing := widget.NewButtonWithIcon("打印会议材料", theme.DocumentPrintIcon(), t.printMaterials)
	return container.NewHBox(layout.NewSpacer(), suggest, printing)
}

// meetingMaterialsName is the file name of the materials: 「…第五次会议材料」, 「…视察会议材料」.
func meetingMaterialsName(title string) string {
	if strings.HasSuffix(title, "会议") {
		return title + "材料"
	}
	return title + "会议材料"
}

// printMaterials asks which parts to print (those without data cannot be chosen) and prints them.
func (t *meetingsTab) printMaterials() {
	r := t.rec
	if r == nil {
		return
	}
	// The sign-in sheet lists the expected deputies, or for a meeting without a roll those marked.
	signIn := max(len(r.expected), len(r.saved.Attendance))
	checks := make([]fyne.CanvasObject, len(export.MeetingParts))
	for i, p := range export.MeetingParts {
		c := widget.NewCheck(p, nil)
		if export.MeetingPartHas(p, r.saved, signIn) {
			c.SetChecked(true)
		} else {
			c.Disable()
		}
		checks[i] = c
	}
	note := widget.NewLabel("按已保存的内容生成；没有内容的部分不能选择。")
	note.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(note, container.NewGridWithColumns(2, checks...))
	dlg := dialog.NewCustomConfirm("打印会议材料", "生成", "取消", content, func(ok bool) {
		if !ok {
			return
		}
		var parts []string
		for i, c := range checks {
			if c.(*widget.Check).Checked {
				parts = append(parts, export.MeetingParts[i])
			}
		}
		if len(parts) == 0 {
			t.d.showError(errors.New("请至少选择一项要打印的材料"))
			return
		}
		t.print(r.m, parts)
	}, t.d.win)
	dlg.Resize(fyne.NewSize(420, 300))
	dlg.Show()
}

// sectionMsg is the line over a section's 保存 button: the store's message in red, or 已保存 in green.
func sectionMsg() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

func sectionError(l *widget.Label, err error) {
	l.Importance = widget.DangerImportance
	l.SetText(store.ErrorMessage(err))
	l.Show()
}

func sectionInfo(l *widget.Label, text string) {
	l.Importance = widget.SuccessImportance
	l.SetText(text)
	l.Show()
}

func sectionClear(l *widget.Label) {
	l.SetText("")
	l.Hide()
}

// sectionFrame lays out a section: a heading line with its actions, the body, and the message over 保存.
func sectionFrame(head fyne.CanvasObject, actions []fyne.CanvasObject, body fyne.CanvasObject, msg *widget.Label, save *widget.Button) fyne.CanvasObject {
	save.Importance = widget.HighImportance
	top := container.NewBorder(nil, nil, nil, container.NewHBox(actions...), head)
	bottom := container.NewVBox(widget.NewSeparator(), msg, container.NewHBox(save))
	return container.NewBorder(top, bottom, nil, nil, body)
}

func boldLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// numCheck is a whole-number entry of an edited row, checked before saving: 「决议第1项赞成票请填写0或正整数」.
type numCheck struct {
	name  string
	entry *widget.Entry
}

func checkNumbers(checks []numCheck) error {
	for _, c := range checks {
		if err := c.entry.Validate(); err != nil {
			return &store.Error{Code: store.EINVALID, Field: c.name, Message: c.name + err.Error()}
		}
	}
	return nil
}

// numEntry is an intEntry bound to *v: it shows the number (blank for 0) and writes back what is typed.
func numEntry(v *int, changed func()) *widget.Entry {
	e := intEntry()
	if *v != 0 {
		e.SetText(strconv.Itoa(*v))
	}
	e.OnChanged = func(s string) {
		*v, _ = strconv.Atoi(strings.TrimSpace(s))
		if changed != nil {
			changed()
		}
	}
	return e
}

// fixedWidth gives o a fixed width (a Select or Entry in an HBox is otherwise only as wide as its placeholder).
func fixedWidth(w float32, o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o)
}

// rowButtons are 上移, 下移 and 删除 for row i of n; up/down are left out when move is nil.
func rowButtons(i, n int, move func(from, to int), remove func(int)) fyne.CanvasObject {
	box := container.NewHBox()
	if move != nil {
		up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { move(i, i-1) })
		down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { move(i, i+1) })
		if i == 0 {
			up.Disable()
		}
		if i == n-1 {
			down.Disable()
		}
		up.Importance, down.Importance = widget.LowImportance, widget.LowImportance
		box.Add(up)
		box.Add(down)
	}
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { remove(i) })
	del.Importance = widget.LowImportance
	box.Add(del)
	return box
}

// moveItem moves s[from] to position to.
func moveItem[T any](s []T, from, to int) {
	if from < 0 || to < 0 || from >= len(s) || to >= len(s) {
		return
	}
	s[from], s[to] = s[to], s[from]
}

// ——— 出席情况 ———

// attendanceRow is one deputy on the attendance sheet.
type attendanceRow struct {
	id     int64
	name   string
	group  string
	rank   int  // the group's place in the roster
	member bool // expected at the meeting (for a 人代会 or 主席团会议: counted in its quorum)
	status string
	reason string // kept while the clerk tries other marks; saved for 请假 only
}

// attendanceLine is one line of the sheet: a group heading or a deputy.
type attendanceLine struct {
	heading string
	row     *attendanceRow
}

// attendanceSheet is the 出席情况 section: every expected deputy plus anyone else marked, by group, in a
// widget.List so a 75-deputy roll stays light.
type attendanceSheet struct {
	r       *meetingRecord
	ranks   map[string]int
	rows    []*attendanceRow
	lines   []attendanceLine
	list    *widget.List
	totals  *widget.Label
	quorum  *widget.Label
	msg     *widget.Label
	add     *idPicker
	content fyne.CanvasObject
}

func newAttendanceSheet(r *meetingRecord, groups []store.Group) *attendanceSheet {
	s := &attendanceSheet{r: r, ranks: map[string]int{}}
	for i, g := range groups {
		s.ranks[g.Name] = i
	}
	on := map[int64]*attendanceRow{}
	for _, x := range r.expected {
		row := &attendanceRow{id: x.ID, name: x.Name, group: x.GroupName, rank: s.rank(x.GroupName), member: true}
		on[x.ID] = row
		s.rows = append(s.rows, row)
	}
	for _, a := range r.saved.Attendance {
		row, ok := on[a.DeputyID]
		if !ok {
			row = &attendanceRow{id: a.DeputyID, name: a.DeputyName, group: a.GroupName, rank: s.rank(a.GroupName)}
			on[a.DeputyID] = row
			s.rows = append(s.rows, row)
		}
		row.status, row.reason = a.Status, a.Reason
	}
	s.layoutLines()

	s.list = widget.NewList(func() int { return len(s.lines) }, func() fyne.CanvasObject { return newAttendanceItem() }, s.updateLine)
	s.list.OnSelected = func(id widget.ListItemID) { s.list.Unselect(id) } // lines are edited, not chosen
	s.totals = boldLabel("")
	s.totals.Wrapping = fyne.TextWrapWord
	s.quorum = widget.NewLabel("")
	s.msg = sectionMsg()
	all := widget.NewButton("全部出席", s.markAllPresent)
	clear := widget.NewButton("清空", s.clearMarks)
	s.add = newIDPicker("添加代表", s.others)
	s.add.summary.Hide()
	s.add.button.SetText("添加代表…")
	s.add.OnChange = s.addDeputies
	save := widget.NewButtonWithIcon("保存出席情况", theme.DocumentSaveIcon(), s.save)
	head := container.NewVBox(container.NewHBox(all, clear, s.add), s.totals, s.quorum)
	if !r.voting {
		s.quorum.Hide()
	}
	s.content = sectionFrame(head, nil, s.list, s.msg, save)
	s.updateTotals()
	return s
}

// rank is a group's place: the roster's order, ungrouped deputies last.
func (s *attendanceSheet) rank(group string) int {
	if n, ok := s.ranks[group]; ok {
		return n
	}
	if group == "" {
		return len(s.ranks) + 1
	}
	return len(s.ranks)
}

// layoutLines sorts the rows by group and name and puts a heading over each group.
func (s *attendanceSheet) layoutLines() {
	sort.SliceStable(s.rows, func(i, j int) bool {
		a, b := s.rows[i], s.rows[j]
		if a.rank != b.rank {
			return a.rank < b.rank
		}
		return a.name < b.name
	})
	count := map[string]int{}
	for _, row := range s.rows {
		count[row.group]++
	}
	s.lines = s.lines[:0]
	for i, row := range s.rows {
		if i == 0 || row.group != s.rows[i-1].group {
			name := row.group
			if name == "" {
				name = "未分组"
			}
			s.lines = append(s.lines, attendanceLine{heading: fmt.Sprintf("%s（%d 人）", name, count[row.group])})
		}
		s.lines = append(s.lines, attendanceLine{row: row})
	}
}

// attendanceItem is a line of the sheet's list: a group heading, or a deputy with the marks and a reason.
type attendanceItem struct {
	widget.BaseWidget
	head   *widget.Label
	name   *widget.Label
	radio  *widget.RadioGroup
	reason *widget.Entry
	row    *fyne.Container
	all    *fyne.Container
}

func newAttendanceItem() *attendanceItem {
	w := &attendanceItem{head: boldLabel(""), name: widget.NewLabel("")}
	w.name.Truncation = fyne.TextTruncateEllipsis
	w.radio = widget.NewRadioGroup(store.AttendanceStatuses, nil)
	w.radio.Horizontal = true
	w.reason = widget.NewEntry()
	w.reason.SetPlaceHolder("请假原因")
	w.row = container.NewBorder(nil, nil, container.NewHBox(fixedWidth(80, w.name), w.radio), nil, w.reason)
	w.all = container.NewStack(w.head, w.row)
	w.ExtendBaseWidget(w)
	return w
}

// CreateRenderer shows the heading or the row.
func (w *attendanceItem) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(w.all) }

func (s *attendanceSheet) updateLine(id widget.ListItemID, o fyne.CanvasObject) {
	w := o.(*attendanceItem)
	ln := s.lines[id]
	if ln.row == nil {
		w.head.SetText(ln.heading)
		w.head.Show()
		w.row.Hide()
		return
	}
	w.head.Hide()
	w.row.Show()
	row := ln.row
	w.name.SetText(row.name)
	w.radio.OnChanged = nil
	w.reason.OnChanged = nil
	w.radio.SetSelected(row.status)
	showReason(w.reason, row)
	w.radio.OnChanged = func(v string) {
		row.status = v
		showReason(w.reason, row)
		s.changed()
	}
	w.reason.OnChanged = func(v string) {
		if row.status == "请假" && row.reason != v {
			row.reason = v
			sectionClear(s.msg)
		}
	}
}

// showReason opens the reason for a deputy on leave and closes (and hides) it otherwise.
func showReason(e *widget.Entry, row *attendanceRow) {
	if row.status == "请假" {
		e.SetText(row.reason)
		e.Enable()
		e.Show()
		return
	}
	e.SetText("")
	e.Disable()
	e.Hide()
}

// attendanceTotalsText is the totals line of the sheet as it stands, counted by store.CountAttendance like the
// saved marks, with 尚未标记 when expected deputies have no mark; and, for a 人代会 or 主席团会议, whether the
// quorum is met.
func attendanceTotalsText(rows []*attendanceRow, voting bool, base store.Quorum) (line, quorum string, met bool) {
	marks := make([]store.Attendance, 0, len(rows))
	member := map[int64]bool{}
	for _, row := range rows {
		marks = append(marks, store.Attendance{DeputyID: row.id, Status: row.status})
		member[row.id] = row.member
	}
	baseName := ""
	if voting {
		baseName = base.BaseName
	}
	q := store.CountAttendance(marks, baseName, base.Base, func(id int64) bool { return member[id] })
	line = q.Totals()
	if q.Unmarked > 0 {
		line += fmt.Sprintf("；尚未标记 %d 人", q.Unmarked)
	}
	return line, q.Verdict(), q.Met()
}

// changed follows an edit of the marks: new totals, and 已保存 no longer holds.
func (s *attendanceSheet) changed() {
	sectionClear(s.msg)
	s.updateTotals()
}

func (s *attendanceSheet) updateTotals() {
	line, quorum, met := attendanceTotalsText(s.rows, s.r.voting, s.r.quorum)
	s.totals.SetText(line)
	s.quorum.Importance = widget.DangerImportance
	if met {
		s.quorum.Importance = widget.SuccessImportance
	}
	s.quorum.SetText(quorum)
}

// markAllPresent marks everyone 出席 but those attending as 列席; the clerk then changes the exceptions.
func (s *attendanceSheet) markAllPresent() {
	for _, row := range s.rows {
		if row.status != "列席" {
			row.status, row.reason = "出席", ""
		}
	}
	s.list.Refresh()
	s.changed()
}

// clearMarks removes every mark.
func (s *attendanceSheet) clearMarks() {
	for _, row := range s.rows {
		row.status, row.reason = "", ""
	}
	s.list.Refresh()
	s.changed()
}

// others are the deputies not on the sheet, for 添加代表.
func (s *attendanceSheet) others() []option {
	on := map[int64]bool{}
	for _, row := range s.rows {
		on[row.id] = true
	}
	var out []option
	for _, o := range deputyOptions(s.r.t.d) {
		if !on[o.ID] {
			out = append(out, o)
		}
	}
	return out
}

// addDeputies puts the chosen deputies on the sheet: marked 列席 at a 人代会 or 主席团会议 (they are not
// among those expected to vote), 出席 elsewhere.
func (s *attendanceSheet) addDeputies(ids []int64) {
	defer s.add.SetSelected(nil)
	if len(ids) == 0 {
		return
	}
	ds, _, err := s.r.t.d.db.Deputies(s.r.t.d.ctx, store.DeputyFilter{IDs: ids})
	if err != nil {
		sectionError(s.msg, err)
		return
	}
	status := "出席"
	if s.r.voting {
		status = "列席"
	}
	s.addRows(ds, status)
}

func (s *attendanceSheet) addRows(ds []store.Deputy, status string) {
	first := int64(0)
	for _, x := range ds {
		if slices.ContainsFunc(s.rows, func(r *attendanceRow) bool { return r.id == x.ID }) {
			continue
		}
		s.rows = append(s.rows, &attendanceRow{id: x.ID, name: x.Name, group: x.GroupName, rank: s.rank(x.GroupName), status: status})
		if first == 0 {
			first = x.ID
		}
	}
	s.layoutLines()
	s.list.Refresh()
	for i, ln := range s.lines {
		if ln.row != nil && ln.row.id == first {
			s.list.ScrollTo(i)
		}
	}
	s.changed()
}

// marks are the sheet's marks as the store keeps them: marked deputies only, a reason for 请假 only.
func (s *attendanceSheet) marks() []store.Attendance {
	var out []store.Attendance
	for _, row := range s.rows {
		if row.status == "" {
			continue
		}
		a := store.Attendance{DeputyID: row.id, Status: row.status}
		if row.status == "请假" {
			a.Reason = strings.TrimSpace(row.reason)
		}
		out = append(out, a)
	}
	return out
}

func (s *attendanceSheet) save() {
	sectionClear(s.msg)
	marks := s.marks()
	s.r.save(s.msg, func(d *store.MeetingDetail) { d.Attendance = marks })
}

// ——— 议程 ———

// agendaRow is an agenda item being edited, with its position when last saved (0 for a new one), so that
// resolutions can follow their item when items move or go.
type agendaRow struct {
	from int
	item store.AgendaItem
}

// agendaEditor is the 议程 section: numbered items with title, kind, report kind and presenter.
type agendaEditor struct {
	r       *meetingRecord
	rows    []*agendaRow
	head    *widget.Label
	box     *fyne.Container
	msg     *widget.Label
	content fyne.CanvasObject
}

func newAgendaEditor(r *meetingRecord) *agendaEditor {
	e := &agendaEditor{r: r, head: boldLabel(""), box: container.NewVBox(), msg: sectionMsg()}
	e.load()
	add := widget.NewButtonWithIcon("添加议程", theme.ContentAddIcon(), func() {
		e.rows = append(e.rows, &agendaRow{})
		e.rebuild()
	})
	save := widget.NewButtonWithIcon("保存议程", theme.DocumentSaveIcon(), e.save)
	e.content = sectionFrame(e.head, []fyne.CanvasObject{add}, container.NewVScroll(e.box), e.msg, save)
	e.rebuild()
	return e
}

func (e *agendaEditor) load() {
	e.rows = e.rows[:0]
	for i, a := range e.r.saved.Agenda {
		e.rows = append(e.rows, &agendaRow{from: i + 1, item: a})
	}
}

func (e *agendaEditor) rebuild() {
	sectionClear(e.msg) // what is on screen is no longer what was saved
	e.box.Objects = nil
	for i, row := range e.rows {
		e.box.Add(e.card(i, row))
		e.box.Add(widget.NewSeparator())
	}
	if len(e.rows) == 0 {
		e.head.SetText("未登记议程")
	} else {
		e.head.SetText(fmt.Sprintf("议程共 %d 项", len(e.rows)))
	}
	e.box.Refresh()
}

func (e *agendaEditor) card(i int, row *agendaRow) fyne.CanvasObject {
	it := &row.item
	title := widget.NewEntry()
	title.SetPlaceHolder("标题，如 审议镇人民政府工作报告")
	title.SetText(it.Title)
	title.OnChanged = func(s string) { it.Title = s }
	report := selectWith(store.ReportKinds, true)
	report.PlaceHolder = "报告类型"
	report.SetSelected(it.Report)
	report.OnChanged = func(s string) { it.Report = s }
	kind := widget.NewSelect(store.AgendaKinds, nil)
	kind.PlaceHolder = "类型"
	kind.SetSelected(it.Kind)
	kind.OnChanged = func(s string) {
		it.Kind = s
		if s == "审议报告" {
			report.Enable()
		} else {
			report.ClearSelected()
			report.Disable()
		}
	}
	if it.Kind != "审议报告" {
		report.Disable()
	}
	presenter := widget.NewEntry()
	presenter.SetText(it.Presenter)
	presenter.OnChanged = func(s string) { it.Presenter = s }
	buttons := rowButtons(i, len(e.rows), func(from, to int) {
		moveItem(e.rows, from, to)
		e.rebuild()
	}, func(i int) {
		e.rows = slices.Delete(e.rows, i, i+1)
		e.rebuild()
	})
	no := boldLabel(fmt.Sprintf("%d.", i+1))
	return container.NewVBox(
		container.NewBorder(nil, nil, no, buttons, title),
		container.NewGridWithColumns(3, kind, report, container.NewBorder(nil, nil, widget.NewLabel("报告人"), nil, presenter)),
	)
}

func (e *agendaEditor) save() {
	sectionClear(e.msg)
	items := make([]store.AgendaItem, len(e.rows))
	moved := map[int64]int64{} // saved position → new position
	for i, row := range e.rows {
		it := row.item
		it.Seq, it.Title, it.Presenter = i+1, strings.TrimSpace(it.Title), strings.TrimSpace(it.Presenter)
		if it.Kind != "审议报告" {
			it.Report = ""
		}
		items[i] = it
		if row.from > 0 {
			moved[int64(row.from)] = int64(i + 1)
		}
	}
	if !e.r.save(e.msg, func(d *store.MeetingDetail) {
		d.Agenda = items
		d.Resolutions = followAgenda(d.Resolutions, moved)
	}) {
		return
	}
	e.load()
	e.rebuild()
	sectionInfo(e.msg, "已保存")
	e.r.res.agendaSaved(moved)
}

// followAgenda returns copies of the resolutions pointing at their item's new position (0 when it was removed).
func followAgenda(rs []store.Resolution, moved map[int64]int64) []store.Resolution {
	out := slices.Clone(rs)
	for i := range out {
		out[i].AgendaItemID = moved[out[i].AgendaItemID]
	}
	return out
}

// ——— 决议 ———

// resolutionEditor is the 决议 section: each resolution with its votes, the entered result, and the result
// by the rule (SPEC §3) beside it.
type resolutionEditor struct {
	r       *meetingRecord
	rows    []*store.Resolution
	checks  []numCheck
	head    *widget.Label
	box     *fyne.Container
	msg     *widget.Label
	content fyne.CanvasObject
}

// resultNone is the entered result when the clerk has not entered one.
const resultNone = "(未填)"

func newResolutionEditor(r *meetingRecord) *resolutionEditor {
	e := &resolutionEditor{r: r, head: boldLabel(""), box: container.NewVBox(), msg: sectionMsg()}
	e.load()
	add := widget.NewButtonWithIcon("添加决议", theme.ContentAddIcon(), func() {
		e.rows = append(e.rows, &store.Resolution{Kind: "决议"})
		e.rebuild()
	})
	save := widget.NewButtonWithIcon("保存决议", theme.DocumentSaveIcon(), e.save)
	e.content = sectionFrame(e.head, []fyne.CanvasObject{add}, container.NewVScroll(e.box), e.msg, save)
	e.rebuild()
	return e
}

func (e *resolutionEditor) load() {
	e.rows = e.rows[:0]
	for _, x := range e.r.saved.Resolutions {
		e.rows = append(e.rows, &x)
	}
}

// agendaSaved follows the agenda after it was saved: items moved or removed.
func (e *resolutionEditor) agendaSaved(moved map[int64]int64) {
	for _, x := range e.rows {
		x.AgendaItemID = moved[x.AgendaItemID]
	}
	e.rebuild()
}

func (e *resolutionEditor) rebuild() {
	sectionClear(e.msg) // what is on screen is no longer what was saved
	e.box.Objects = nil
	e.checks = e.checks[:0]
	for i, x := range e.rows {
		e.box.Add(e.card(i, x))
		e.box.Add(widget.NewSeparator())
	}
	if len(e.rows) == 0 {
		e.head.SetText("未登记决议")
	} else {
		e.head.SetText(fmt.Sprintf("决议、决定共 %d 项", len(e.rows)))
	}
	e.box.Refresh()
}

// agendaChoices are the saved agenda items as the 对应议程 choices: 「(不对应议程)」, 「1. 审议…」.
func (e *resolutionEditor) agendaChoices() []string {
	out := []string{"(不对应议程)"}
	for i, a := range e.r.saved.Agenda {
		title := []rune(a.Title)
		if len(title) > 24 {
			title = append(title[:23], '…')
		}
		out = append(out, fmt.Sprintf("%d. %s", i+1, string(title)))
	}
	return out
}

// resolutionRule is the result by the rule beside a resolution, and whether the entered result disagrees.
func resolutionRule(voting bool, q store.Quorum, x store.Resolution) (rule string, disagrees bool) {
	if !voting {
		return "本类会议不适用表决规则", false
	}
	if q.Base == 0 {
		return "没有在任的" + q.BaseName + "，无法按规则判断", false
	}
	passed, disagrees := q.ResolutionResult(x)
	if passed {
		return fmt.Sprintf("按规则：通过(赞成 %d 票，超过全体 %d 人的半数)", x.For, q.Base), disagrees
	}
	return fmt.Sprintf("按规则：未通过(赞成 %d 票，未超过全体 %d 人的半数)", x.For, q.Base), disagrees
}

func (e *resolutionEditor) card(i int, x *store.Resolution) fyne.CanvasObject {
	row := fmt.Sprintf("决议第%d项", i+1)
	title := widget.NewEntry()
	title.SetPlaceHolder("《关于…的决议》")
	title.SetText(x.Title)
	title.OnChanged = func(s string) { x.Title = s }
	kind := widget.NewSelect(store.ResolutionKinds, func(s string) { x.Kind = s })
	kind.PlaceHolder = "类型"
	kind.SetSelected(x.Kind)
	choices := e.agendaChoices()
	agenda := widget.NewSelect(choices, nil)
	agenda.PlaceHolder = "对应议程"
	if n := int(x.AgendaItemID); n > 0 && n < len(choices) {
		agenda.SetSelected(choices[n])
	}
	agenda.OnChanged = func(s string) { x.AgendaItemID = int64(max(0, slices.Index(choices, s))) }
	text := multiline(3)
	text.SetPlaceHolder("决议正文")
	text.SetText(x.Text)
	text.OnChanged = func(s string) { x.Text = s }

	rule := widget.NewLabel("")
	rule.Wrapping = fyne.TextWrapWord
	warn := widget.NewLabel("录入的结果与规则不符")
	warn.Importance = widget.DangerImportance
	update := func() {
		line, disagrees := resolutionRule(e.r.voting, e.r.quorum, *x)
		rule.SetText(line)
		if disagrees {
			warn.Show()
		} else {
			warn.Hide()
		}
	}
	votes := container.NewHBox()
	for _, v := range []struct {
		label string
		n     *int
	}{{"赞成", &x.For}, {"反对", &x.Against}, {"弃权", &x.Abstain}} {
		en := numEntry(v.n, update)
		e.checks = append(e.checks, numCheck{row + v.label + "票", en})
		votes.Add(widget.NewLabel(v.label))
		votes.Add(fixedWidth(64, en))
	}
	result := widget.NewSelect([]string{"通过", "未通过", resultNone}, nil)
	result.PlaceHolder = "表决结果"
	if x.EnteredResult != "" {
		result.SetSelected(x.EnteredResult)
	}
	result.OnChanged = func(s string) {
		x.EnteredResult = s
		if s == resultNone {
			x.EnteredResult = ""
		}
		update()
	}
	votes.Add(widget.NewLabel("结果"))
	votes.Add(fixedWidth(96, result))
	update()

	buttons := rowButtons(i, len(e.rows), func(from, to int) {
		moveItem(e.rows, from, to)
		e.rebuild()
	}, func(i int) {
		e.rows = slices.Delete(e.rows, i, i+1)
		e.rebuild()
	})
	return container.NewVBox(
		container.NewBorder(nil, nil, boldLabel(fmt.Sprintf("%d.", i+1)), buttons, title),
		container.NewGridWithColumns(2, kind, agenda),
		text,
		votes,
		rule,
		warn,
	)
}

func (e *resolutionEditor) save() {
	sectionClear(e.msg)
	if err := checkNumbers(e.checks); err != nil {
		sectionError(e.msg, err)
		return
	}
	list := make([]store.Resolution, len(e.rows))
	for i, x := range e.rows {
		list[i] = *x
		list[i].Seq, list[i].Title = i+1, strings.TrimSpace(x.Title)
	}
	if e.r.save(e.msg, func(d *store.MeetingDetail) { d.Resolutions = list }) {
		e.load()
		e.rebuild()
		sectionInfo(e.msg, "已保存")
	}
}

// ——— 选举 ———

// electionEditor is the 选举 section: each election with its ballots and candidates. The store checks the
// numbers (实到 not above 应到, votes not above the valid ballots …) and names the row that is wrong.
type electionEditor struct {
	r       *meetingRecord
	rows    []*store.Election
	checks  []numCheck
	head    *widget.Label
	box     *fyne.Container
	msg     *widget.Label
	content fyne.CanvasObject
}

func newElectionEditor(r *meetingRecord) *electionEditor {
	e := &electionEditor{r: r, head: boldLabel(""), box: container.NewVBox(), msg: sectionMsg()}
	e.load()
	add := widget.NewButtonWithIcon("添加选举", theme.ContentAddIcon(), func() {
		e.rows = append(e.rows, &store.Election{Kind: "选举", Seats: 1})
		e.rebuild()
	})
	save := widget.NewButtonWithIcon("保存选举", theme.DocumentSaveIcon(), e.save)
	e.content = sectionFrame(e.head, []fyne.CanvasObject{add}, container.NewVScroll(e.box), e.msg, save)
	e.rebuild()
	return e
}

func (e *electionEditor) load() {
	e.rows = e.rows[:0]
	for _, x := range e.r.saved.Elections {
		x.Candidates = slices.Clone(x.Candidates)
		e.rows = append(e.rows, &x)
	}
}

func (e *electionEditor) rebuild() {
	sectionClear(e.msg) // what is on screen is no longer what was saved
	e.box.Objects = nil
	e.checks = e.checks[:0]
	for i, x := range e.rows {
		e.box.Add(e.card(i, x))
		e.box.Add(widget.NewSeparator())
	}
	if len(e.rows) == 0 {
		e.head.SetText("未登记选举")
	} else {
		e.head.SetText(fmt.Sprintf("选举共 %d 项", len(e.rows)))
	}
	e.box.Refresh()
}

func (e *electionEditor) card(i int, x *store.Election) fyne.CanvasObject {
	row := fmt.Sprintf("选举第%d项", i+1)
	kind := widget.NewSelect(store.ElectionKinds, func(s string) { x.Kind = s })
	kind.PlaceHolder = "类型"
	kind.SetSelected(x.Kind)
	position := widget.NewEntry()
	position.SetPlaceHolder("职位，如 镇长、镇人大代表")
	position.SetText(x.Position)
	position.OnChanged = func(s string) { x.Position = s }
	del := rowButtons(i, len(e.rows), nil, func(i int) {
		e.rows = slices.Delete(e.rows, i, i+1)
		e.rebuild()
	})
	num := func(label string, v *int) fyne.CanvasObject {
		en := numEntry(v, nil)
		e.checks = append(e.checks, numCheck{row + label, en})
		return container.NewBorder(nil, nil, widget.NewLabel(label), nil, en)
	}
	numbers := container.NewGridWithColumns(3,
		num("应选人数", &x.Seats), num("应到", &x.Expected), num("实到", &x.Present),
		num("发出选票", &x.BallotsIssued), num("收回选票", &x.BallotsReturned), num("有效票", &x.BallotsValid))

	cands := container.NewVBox()
	for j := range x.Candidates {
		c := &x.Candidates[j]
		name := widget.NewEntry()
		name.SetPlaceHolder("候选人姓名")
		name.SetText(c.Name)
		name.OnChanged = func(s string) { c.Name = s }
		votes := numEntry(&c.Votes, nil)
		e.checks = append(e.checks, numCheck{fmt.Sprintf("%s候选人第%d位得票", row, j+1), votes})
		elected := widget.NewCheck("当选", func(on bool) { c.Elected = on })
		elected.SetChecked(c.Elected)
		remove := rowButtons(j, len(x.Candidates), nil, func(j int) {
			x.Candidates = slices.Delete(x.Candidates, j, j+1)
			e.rebuild()
		})
		cands.Add(container.NewBorder(nil, nil, nil,
			container.NewHBox(widget.NewLabel("得票"), fixedWidth(64, votes), elected, remove), name))
	}
	addCand := widget.NewButtonWithIcon("添加候选人", theme.ContentAddIcon(), func() {
		x.Candidates = append(x.Candidates, store.Candidate{})
		e.rebuild()
	})
	candHead := container.NewBorder(nil, nil, widget.NewLabel(fmt.Sprintf("候选人 %d 名", len(x.Candidates))), addCand)
	notes := widget.NewEntry()
	notes.SetPlaceHolder("备注")
	notes.SetText(x.Notes)
	notes.OnChanged = func(s string) { x.Notes = s }
	return container.NewVBox(
		container.NewBorder(nil, nil, container.NewHBox(boldLabel(fmt.Sprintf("%d.", i+1)), fixedWidth(90, kind)), del, position),
		numbers,
		candHead,
		cands,
		notes,
	)
}

func (e *electionEditor) save() {
	sectionClear(e.msg)
	if err := checkNumbers(e.checks); err != nil {
		sectionError(e.msg, err)
		return
	}
	list := make([]store.Election, len(e.rows))
	for i, x := range e.rows {
		y := *x
		y.Position, y.Notes = strings.TrimSpace(y.Position), strings.TrimSpace(y.Notes)
		y.Candidates = slices.Clone(x.Candidates)
		for j := range y.Candidates {
			y.Candidates[j].Name = strings.TrimSpace(y.Candidates[j].Name)
		}
		list[i] = y
	}
	if e.r.save(e.msg, func(d *store.MeetingDetail) { d.Elections = list }) {
		e.load()
		e.rebuild()
		sectionInfo(e.msg, "已保存")
	}
}

// ——— 列席人员 ———

// guestEditor is the 列席人员 section: non-deputy attendees with unit and post.
type guestEditor struct {
	r       *meetingRecord
	rows    []*store.Guest
	head    *widget.Label
	box     *fyne.Container
	msg     *widget.Label
	content fyne.CanvasObject
}

func newGuestEditor(r *meetingRecord) *guestEditor {
	e := &guestEditor{r: r, head: boldLabel(""), box: container.NewVBox(), msg: sectionMsg()}
	e.load()
	add := widget.NewButtonWithIcon("添加列席人员", theme.ContentAddIcon(), func() {
		e.rows = append(e.rows, &store.Guest{})
		e.rebuild()
	})
	save := widget.NewButtonWithIcon("保存列席人员", theme.DocumentSaveIcon(), e.save)
	e.content = sectionFrame(e.head, []fyne.CanvasObject{add}, container.NewVScroll(e.box), e.msg, save)
	e.rebuild()
	return e
}

func (e *guestEditor) load() {
	e.rows = e.rows[:0]
	for _, g := range e.r.saved.Guests {
		e.rows = append(e.rows, &g)
	}
}

func (e *guestEditor) rebuild() {
	sectionClear(e.msg) // what is on screen is no longer what was saved
	e.box.Objects = nil
	if len(e.rows) > 0 {
		// The headings line up with the entries: room on the right for the 删除 button.
		gap := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil).MinSize().Width
		e.box.Add(container.NewBorder(nil, nil, nil, fixedWidth(gap, widget.NewLabel("")),
			container.NewGridWithColumns(3, boldLabel("姓名"), boldLabel("单位"), boldLabel("职务"))))
	}
	for i, g := range e.rows {
		name, unit, post := widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
		name.SetPlaceHolder("姓名")
		unit.SetPlaceHolder("单位")
		post.SetPlaceHolder("职务")
		name.SetText(g.Name)
		unit.SetText(g.Unit)
		post.SetText(g.Post)
		name.OnChanged = func(s string) { g.Name = s }
		unit.OnChanged = func(s string) { g.Unit = s }
		post.OnChanged = func(s string) { g.Post = s }
		del := rowButtons(i, len(e.rows), nil, func(i int) {
			e.rows = slices.Delete(e.rows, i, i+1)
			e.rebuild()
		})
		e.box.Add(container.NewBorder(nil, nil, nil, del, container.NewGridWithColumns(3, name, unit, post)))
	}
	if len(e.rows) == 0 {
		e.head.SetText("未登记列席人员")
	} else {
		e.head.SetText(fmt.Sprintf("列席人员共 %d 人", len(e.rows)))
	}
	e.box.Refresh()
}

func (e *guestEditor) save() {
	sectionClear(e.msg)
	list := make([]store.Guest, len(e.rows))
	for i, g := range e.rows {
		list[i] = store.Guest{Name: strings.TrimSpace(g.Name), Unit: strings.TrimSpace(g.Unit), Post: strings.TrimSpace(g.Post)}
	}
	if e.r.save(e.msg, func(d *store.MeetingDetail) { d.Guests = list }) {
		e.load()
		e.rebuild()
		sectionInfo(e.msg, "已保存")
	}
}
