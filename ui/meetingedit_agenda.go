package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// agendaRow is an agenda item being edited, with its position when last saved (0 for a new one), so that
// resolutions can follow their item when items move or go.
type agendaRow struct {
	From int
	Item store.AgendaItem
}

// agendaEditor is the 议程 section: numbered items with title, kind, report kind and presenter.
type agendaEditor struct {
	*cardList[agendaRow]
	r *meetingRecord
}

func newAgendaEditor(r *meetingRecord) *agendaEditor {
	e := &agendaEditor{r: r}
	e.cardList = newCardList("未登记议程", "议程共 %d 项", e.savedRows, e.card)
	e.frame("添加议程", func() *agendaRow { return &agendaRow{} }, "保存议程", e.save)
	return e
}

// savedRows are the items as last saved, each with its position.
func (e *agendaEditor) savedRows() []*agendaRow {
	var rows []*agendaRow
	for i, a := range e.r.saved.Agenda {
		rows = append(rows, &agendaRow{From: i + 1, Item: a})
	}
	return rows
}

func (e *agendaEditor) card(i int, row *agendaRow) fyne.CanvasObject {
	it := &row.Item
	title := newTextEntry()
	title.SetPlaceHolder("标题，如 审议镇人民政府工作报告")
	title.SetText(it.Title)
	title.OnChanged = func(s string) { it.Title = s }
	report := selectWith(store.ReportKinds, true)
	report.PlaceHolder = "报告类型"
	report.SetSelected(it.Report)
	report.OnChanged = func(s string) { it.Report = s }
	kind := newSelect(store.AgendaKinds, nil)
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
	presenter := newTextEntry()
	presenter.SetText(it.Presenter)
	presenter.OnChanged = func(s string) { it.Presenter = s }
	buttons := e.buttons(i, true)
	no := boldLabel(fmt.Sprintf("%d.", i+1))
	return container.NewVBox(
		container.NewBorder(nil, nil, no, buttons, title),
		container.NewGridWithColumns(3, kind, report, container.NewBorder(nil, nil, widget.NewLabel("报告人"), nil, presenter)),
	)
}

func (e *agendaEditor) save() error {
	sectionClear(e.msg)
	items := make([]store.AgendaItem, len(e.rows))
	moved := map[int64]int64{} // saved position → new position
	for i, row := range e.rows {
		it := row.Item
		it.Seq, it.Title, it.Presenter = i+1, strings.TrimSpace(it.Title), strings.TrimSpace(it.Presenter)
		if it.Kind != "审议报告" {
			it.Report = ""
		}
		items[i] = it
		if row.From > 0 {
			moved[int64(row.From)] = int64(i + 1)
		}
	}
	if err := e.r.save(e.msg, func(d *store.MeetingDetail) {
		d.Agenda = items
		d.Resolutions = followAgenda(d.Resolutions, moved)
	}); err != nil {
		return err
	}
	e.showSaved()
	e.r.res.agendaSaved(moved)
	return nil
}

// followAgenda returns copies of the resolutions pointing at their item's new position (0 when it was removed).
func followAgenda(rs []store.Resolution, moved map[int64]int64) []store.Resolution {
	out := slices.Clone(rs)
	for i := range out {
		out[i].AgendaItemID = moved[out[i].AgendaItemID]
	}
	return out
}
