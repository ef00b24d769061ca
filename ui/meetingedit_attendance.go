package ui

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

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
	section
	r       *meetingRecord
	ranks   map[string]int
	rows    []*attendanceRow
	lines   []attendanceLine
	list    *widget.List
	totals  *widget.Label
	quorum  *widget.Label
	add     *idPicker
	content fyne.CanvasObject
}

func newAttendanceSheet(r *meetingRecord, groups []store.Group) *attendanceSheet {
	s := &attendanceSheet{section: newSection(), r: r, ranks: map[string]int{}}
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
	all := widget.NewButton("全部出席", s.markAllPresent)
	clear := widget.NewButton("清空", s.clearMarks)
	s.add = newIDPicker("添加代表", s.others)
	s.add.summary.Hide()
	s.add.button.SetText("添加代表…")
	s.add.OnChange = s.addDeputies
	save := widget.NewButtonWithIcon("保存出席情况", theme.DocumentSaveIcon(), s.submit(s.save))
	head := container.NewVBox(container.NewHBox(all, clear, s.add), s.totals, s.quorum)
	if !r.voting {
		s.quorum.Hide()
	}
	s.content = sectionFrame(head, nil, s.list, s.msg, save, &s.section)
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
				name = "未编入小组"
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
	reason *textEntry
	row    *fyne.Container
	all    *fyne.Container
}

func newAttendanceItem() *attendanceItem {
	w := &attendanceItem{head: boldLabel(""), name: widget.NewLabel("")}
	w.name.Truncation = fyne.TextTruncateEllipsis
	w.radio = widget.NewRadioGroup(store.AttendanceStatuses, nil)
	w.radio.Horizontal = true
	w.reason = newTextEntry()
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
			s.touched()
		}
	}
}

// showReason opens the reason for a deputy on leave and closes (and hides) it otherwise.
func showReason(e *textEntry, row *attendanceRow) {
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
	s.touched()
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

func (s *attendanceSheet) save() error {
	sectionClear(s.msg)
	marks := s.marks()
	return s.r.save(s.msg, func(d *store.MeetingDetail) { d.Attendance = marks })
}

// attendanceMark is one deputy's mark as the sheet's state keeps it (guard.go).
type attendanceMark struct {
	ID     int64
	Status string
	Reason string `json:",omitempty"`
}

// trackMarks makes the sheet a form of the window: its values are the marks, by deputy.
func (s *attendanceSheet) trackMarks() {
	get := func() any {
		var out []attendanceMark
		for _, a := range s.marks() {
			out = append(out, attendanceMark{a.DeputyID, a.Status, a.Reason})
		}
		slices.SortFunc(out, func(a, b attendanceMark) int { return cmp.Compare(a.ID, b.ID) })
		return out
	}
	s.track(s.r, formAttendance, "出席情况", 1, get, s.setMarks, s.save)
}

// setMarks puts marks read by trackMarks back on the sheet, adding the deputies it does not list yet.
func (s *attendanceSheet) setMarks(raw json.RawMessage) error {
	var marks []attendanceMark
	if err := json.Unmarshal(raw, &marks); err != nil {
		return err
	}
	byID := map[int64]attendanceMark{}
	var missing []int64
	for _, m := range marks {
		byID[m.ID] = m
		if !slices.ContainsFunc(s.rows, func(r *attendanceRow) bool { return r.id == m.ID }) {
			missing = append(missing, m.ID)
		}
	}
	var err error
	if len(missing) > 0 {
		var ds []store.Deputy
		ds, _, err = s.r.t.d.db.Deputies(s.r.t.d.ctx, store.DeputyFilter{IDs: missing})
		s.addRows(ds, "")
	}
	for _, row := range s.rows {
		m := byID[row.id]
		row.status, row.reason = m.Status, m.Reason
	}
	s.list.Refresh()
	s.changed()
	return err
}
