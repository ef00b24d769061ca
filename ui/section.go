package ui

import (
	"encoding/json"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// The small parts the sections of a meeting's record (meetingedit_*.go) are built of: the message line over
// 保存, the frame, the checked number entries and the buttons of a row. cardList (cardlist.go) puts them together
// for the sections that are lists.

// sectionMsg is the line over a section's 保存 button: the store's message in red, or 已保存 in green.
func sectionMsg() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// sectionError shows in the line, in red, every problem the store names in err (「有3处需要修改：议程第1项标题不能
// 为空；…」), or its message. The line is under the rows, beside 保存: it never moves a row.
func sectionError(l *widget.Label, err error) {
	l.Importance = widget.DangerImportance
	if errs := store.ErrorsOf(err); len(errs) > 1 {
		l.SetText(errorSummary(errs))
	} else {
		l.SetText(store.ErrorMessage(err))
	}
	l.Show()
}

// sectionInfo shows text in the line, in green.
func sectionInfo(l *widget.Label, text string) {
	l.Importance = widget.SuccessImportance
	l.SetText(text)
	l.Show()
}

// sectionClear empties and hides the line.
func sectionClear(l *widget.Label) {
	l.SetText("")
	l.Hide()
}

// sectionFrame lays out a section: a heading line with its actions, the body, and the message over 保存 with
// the section's 「未保存」 mark beside it.
func sectionFrame(head fyne.CanvasObject, actions []fyne.CanvasObject, body fyne.CanvasObject, msg *widget.Label, save *widget.Button, s *section) fyne.CanvasObject {
	save.Importance = widget.HighImportance
	top := container.NewBorder(nil, nil, nil, container.NewHBox(actions...), head)
	s.bar.Objects = []fyne.CanvasObject{save, s.unsaved}
	bottom := container.NewVBox(widget.NewSeparator(), msg, s.bar)
	s.root = container.NewBorder(top, bottom, nil, nil, body)
	return s.root
}

// section is what every section of a meeting's record shares: its message line, its 「未保存」 mark and its
// state as a form of the window (guard.go).
type section struct {
	msg     *widget.Label
	unsaved *widget.Label
	bar     *fyne.Container   // 保存 and the mark
	root    fyne.CanvasObject // the section as drawn (sectionFrame): Ctrl+S in it saves it
	state   *formState
}

func newSection() section {
	return section{msg: sectionMsg(), unsaved: unsavedMark(), bar: container.NewHBox()}
}

// track makes the section a form of the window: kind, the part of meeting m it holds (议程), its values read
// and written by get and set, saved by save.
func (s *section) track(r *meetingRecord, kind, part string, page int, get func() any, set func(json.RawMessage) error, save func() error) {
	t, m := r.t, r.m
	s.state = t.d.trackForm(&formState{kind: kind, key: recordKey(m.ID), part: part,
		name: func() string { return "会议" + quoted(m.Title) }, get: get, set: set, save: save,
		reveal: func() { t.reveal(page) }, mark: showMark(s.unsaved, s.bar), root: s.root})
}

// touched follows a change of the section (before it is tracked, nothing).
func (s *section) touched() {
	if s.state != nil {
		s.state.touched()
	}
}

// submit is the section's 保存 button: its save, through its state when tracked.
func (s *section) submit(save func() error) func() {
	return func() {
		if s.state != nil {
			s.state.submit()
		} else {
			save()
		}
	}
}

// numCheck is a whole-number entry of an edited row, checked before saving: 「决议第1项赞成票请填写0或正整数」.
type numCheck struct {
	name  string
	entry *textEntry
}

// checkNumbers returns every entry that does not hold a whole number, as the store would name it.
func checkNumbers(checks []numCheck) error {
	var errs store.FieldErrors
	for _, c := range checks {
		if err := c.entry.Validate(); err != nil {
			errs = append(errs, &store.Error{Code: store.EINVALID, Field: c.name, Message: c.name + err.Error()})
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// numEntry is an intEntry bound to *v: it shows the number (blank for 0) and writes back what is typed.
func numEntry(v *int, changed func()) *textEntry {
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
