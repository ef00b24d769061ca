package ui

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// cardList is the body of a meeting section that edits a list as cards, one under the other (议程, 决议, 选举,
// 列席人员): a heading that counts them with 添加… beside it, each card with its own 上移/下移/删除, and 保存…
// under them. Every change to the list draws the cards afresh from rows; nothing is written until 保存. An
// editor embeds it and draws the cards.
type cardList[T any] struct {
	section
	rows    []*T
	checks  []numCheck // the number entries of the cards on screen, checked before saving
	head    *widget.Label
	box     *fyne.Container
	content fyne.CanvasObject
	onSave  func() error

	none, count string                                // the heading without cards (未登记议程) and with n (议程共 %d 项)
	saved       func() []*T                           // the rows as last saved, copied for editing
	draw        func(i int, row *T) fyne.CanvasObject // card i, its buttons made by buttons
	// columns, when set, makes the cards one-line rows under a line of column names, with no line between them.
	columns func() fyne.CanvasObject
}

// newCardList makes the list with the two texts of its heading, the rows as last saved, and how a card is
// drawn; frame then lays the section out.
func newCardList[T any](none, count string, saved func() []*T, draw func(i int, row *T) fyne.CanvasObject) *cardList[T] {
	return &cardList[T]{section: newSection(), head: boldLabel(""), box: container.NewVBox(),
		none: none, count: count, saved: saved, draw: draw}
}

// frame lays the section out with its two buttons — add appends newRow() to the cards, save is the editor's
// 保存 — and shows the rows as last saved.
func (l *cardList[T]) frame(add string, newRow func() *T, save string, onSave func() error) {
	l.rows = l.saved()
	l.onSave = onSave
	addButton := widget.NewButtonWithIcon(add, theme.ContentAddIcon(), func() {
		l.rows = append(l.rows, newRow())
		l.rebuild()
	})
	saveButton := widget.NewButtonWithIcon(save, theme.DocumentSaveIcon(), l.submit(onSave))
	l.content = sectionFrame(l.head, []fyne.CanvasObject{addButton}, container.NewVScroll(l.box), l.msg, saveButton, &l.section)
	l.rebuild()
}

// trackRows makes the list a form of the window (guard.go): part (议程) of the meeting of r, on section page.
func (l *cardList[T]) trackRows(r *meetingRecord, kind, part string, page int) {
	get, set := rowsState(&l.rows, l.rebuild)
	l.track(r, kind, part, page, get, set, l.onSave)
}

// rebuild draws the cards of rows afresh and counts them in the heading.
func (l *cardList[T]) rebuild() {
	sectionClear(l.msg) // what is on screen is no longer what was saved
	l.box.Objects = nil
	l.checks = l.checks[:0]
	if l.columns != nil && len(l.rows) > 0 {
		l.box.Add(l.columns())
	}
	for i, row := range l.rows {
		card := l.draw(i, row)
		watchInputs(card, l.touched)
		l.box.Add(card)
		if l.columns == nil {
			l.box.Add(widget.NewSeparator())
		}
	}
	if len(l.rows) == 0 {
		l.head.SetText(l.none)
	} else {
		l.head.SetText(fmt.Sprintf(l.count, len(l.rows)))
	}
	l.box.Refresh()
	l.touched()
}

// buttons are 上移, 下移 and 删除 for card i; movable false leaves out the first two.
func (l *cardList[T]) buttons(i int, movable bool) fyne.CanvasObject {
	var move func(from, to int)
	if movable {
		move = func(from, to int) {
			moveItem(l.rows, from, to)
			l.rebuild()
		}
	}
	return rowButtons(i, len(l.rows), move, func(i int) {
		l.rows = slices.Delete(l.rows, i, i+1)
		l.rebuild()
	})
}

// showSaved follows a 保存 that went through: the cards show the rows as saved, and the message says 已保存.
func (l *cardList[T]) showSaved() {
	l.rows = l.saved()
	l.rebuild()
	sectionInfo(l.msg, "已保存")
}
