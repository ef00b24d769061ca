package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// guestEditor is the 列席人员 section: non-deputy attendees with unit and post.
type guestEditor struct {
	*cardList[store.Guest]
	r *meetingRecord
}

func newGuestEditor(r *meetingRecord) *guestEditor {
	e := &guestEditor{r: r}
	e.cardList = newCardList("未登记列席人员", "列席人员共 %d 人", e.savedRows, e.line)
	e.columns = e.columnNames
	e.frame("添加列席人员", func() *store.Guest { return &store.Guest{} }, "保存列席人员", e.save)
	return e
}

// savedRows are copies of the attendees as last saved.
func (e *guestEditor) savedRows() []*store.Guest {
	var rows []*store.Guest
	for _, g := range e.r.saved.Guests {
		rows = append(rows, &g)
	}
	return rows
}

// columnNames head the lines: 姓名, 单位, 职务.
func (e *guestEditor) columnNames() fyne.CanvasObject {
	// The headings line up with the entries: room on the right for the 删除 button.
	gap := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil).MinSize().Width
	return container.NewBorder(nil, nil, nil, fixedWidth(gap, widget.NewLabel("")),
		container.NewGridWithColumns(3, boldLabel("姓名"), boldLabel("单位"), boldLabel("职务")))
}

// line is attendee i: name, unit and post, and 删除.
func (e *guestEditor) line(i int, g *store.Guest) fyne.CanvasObject {
	name, unit, post := newTextEntry(), newTextEntry(), newTextEntry()
	name.SetPlaceHolder("姓名")
	unit.SetPlaceHolder("单位")
	post.SetPlaceHolder("职务")
	name.SetText(g.Name)
	unit.SetText(g.Unit)
	post.SetText(g.Post)
	name.OnChanged = func(s string) { g.Name = s }
	unit.OnChanged = func(s string) { g.Unit = s }
	post.OnChanged = func(s string) { g.Post = s }
	del := e.buttons(i, false)
	return container.NewBorder(nil, nil, nil, del, container.NewGridWithColumns(3, name, unit, post))
}

func (e *guestEditor) save() error {
	sectionClear(e.msg)
	list := make([]store.Guest, len(e.rows))
	for i, g := range e.rows {
		list[i] = store.Guest{Name: strings.TrimSpace(g.Name), Unit: strings.TrimSpace(g.Unit), Post: strings.TrimSpace(g.Post)}
	}
	if err := e.r.save(e.msg, func(d *store.MeetingDetail) { d.Guests = list }); err != nil {
		return err
	}
	e.showSaved()
	return nil
}
