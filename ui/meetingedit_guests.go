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
