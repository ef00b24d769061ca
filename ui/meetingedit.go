package ui

import (
	"errors"
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
	topics *topicEditor // 培训专题, for a 培训学习 only (issue 22, training.go)
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
	// Each section is a form of the window, on its page of the meeting's pane (meetingsTab.display).
	r.att.trackMarks()
	r.agenda.trackRows(r, formAgenda, "议程", 2)
	r.res.trackRows(r, formResolutions, "决议", 3)
	r.elect.trackRows(r, formElections, "选举", 4)
	r.guests.trackRows(r, formGuests, "列席人员", 5)
	if m.Kind == store.MeetingTraining { // issue 22 part 5: its 专题 page
		topics, err := newTopicEditor(r)
		r.topics, errs = topics, append(errs, err)
	}
	return r, errors.Join(errs...)
}

// save writes the detail as last saved with change applied, then reads it back. The store's message, or
// 已保存, shows in msg.
func (r *meetingRecord) save(msg *widget.Label, change func(*store.MeetingDetail)) error {
	db, ctx := r.t.d.db, r.t.d.ctx
	d := r.saved
	change(&d)
	if err := db.SaveMeetingDetail(ctx, r.m.ID, d); err != nil {
		sectionError(msg, err)
		return err
	}
	fresh, err := db.MeetingDetail(ctx, r.m.ID)
	if err != nil {
		sectionError(msg, err)
		return err
	}
	r.saved = fresh
	r.t.countsChanged(r.m.ID)
	sectionInfo(msg, "已保存")
	return nil
}

// countsChanged re-reads the attendance counts of the meeting in the pane and of the list, keeping the
// list's scroll position and selection.
func (t *meetingsTab) countsChanged(id int64) {
	m, err := t.d.db.Meeting(t.d.ctx, id)
	logError("会议: 读取出席人数", err) // saved; the list below says so when the store fails
	if err == nil && t.current.ID == id {
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

// printMaterials asks which parts to print (those without data cannot be chosen), how many ballots go on a
// sheet and how many of each (as many as deputies are expected), and prints them.
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
	ballots := newBallotOptions(r.quorum, len(r.expected))
	note := widget.NewLabel("按已保存的内容生成；没有内容的部分不能选择。")
	note.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(note, container.NewGridWithColumns(2, checks...), widget.NewSeparator(), ballots.form)
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
		p, err := ballots.options(parts)
		if err != nil {
			t.d.showError(err)
			return
		}
		t.print(r.m, p)
	}, t.d.win)
	dlg.Resize(fyne.NewSize(460, 420))
	dlg.Show()
}
