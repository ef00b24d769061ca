package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// suggestionDeputyPicker chooses one deputy (the lead deputy) from a roster that can hold thousands: it shows
// the chosen name and opens a dialog that searches the store as the clerk types.
type suggestionDeputyPicker struct {
	widget.BaseWidget
	d        *desk
	id       int64
	name     string
	summary  *widget.Label
	choose   *widget.Button
	clear    *widget.Button
	OnChange func(id int64)
}

func newSuggestionDeputyPicker(d *desk) *suggestionDeputyPicker {
	p := &suggestionDeputyPicker{d: d}
	p.summary = widget.NewLabel("")
	p.summary.Truncation = fyne.TextTruncateEllipsis
	p.choose = widget.NewButton("选择…", p.open)
	p.clear = widget.NewButton("清除", func() { p.set(0, "") })
	p.ExtendBaseWidget(p)
	p.render()
	return p
}

// Deputy returns the chosen deputy's id, 0 when none.
func (p *suggestionDeputyPicker) Deputy() int64 { return p.id }

// SetDeputy shows a deputy as chosen.
func (p *suggestionDeputyPicker) SetDeputy(id int64, name string) {
	p.id, p.name = id, name
	p.render()
}

// SetValidationError marks the picker in red when saving names it; the message itself is the form's, on the
// line under the field (fieldForm), so it is not said twice.
func (p *suggestionDeputyPicker) SetValidationError(err error) {
	p.render()
	if err != nil {
		p.summary.Importance = widget.DangerImportance
		p.summary.Refresh()
	}
}

func (p *suggestionDeputyPicker) set(id int64, name string) {
	p.SetDeputy(id, name)
	if p.OnChange != nil {
		p.OnChange(id)
	}
}

func (p *suggestionDeputyPicker) render() {
	p.summary.Importance = widget.MediumImportance
	if p.id == 0 {
		p.summary.SetText("(未选择)")
		p.clear.Hide()
		return
	}
	p.summary.SetText(p.name)
	p.clear.Show()
}

// search returns up to 200 deputies matching q (all deputies when q is blank), in the roster's order.
func (p *suggestionDeputyPicker) search(q string) ([]store.Deputy, int, error) {
	return p.d.db.Deputies(p.d.ctx, store.DeputyFilter{Query: strings.TrimSpace(q), Limit: 200})
}

func (p *suggestionDeputyPicker) open() {
	var shown []store.Deputy
	count := widget.NewLabel("")
	var dlg dialog.Dialog
	list := widget.NewList(func() int { return len(shown) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(suggestionDeputyLabel(shown[i]))
		})
	list.OnSelected = func(i widget.ListItemID) {
		p.set(shown[i].ID, shown[i].Name)
		dlg.Hide()
	}
	load := func(q string) {
		ds, n, err := p.search(q)
		if err != nil {
			count.SetText(store.ErrorMessage(err))
			return
		}
		shown = ds
		if n > len(ds) {
			count.SetText(fmt.Sprintf("共 %d 人，显示前 %d 人，请输入姓名缩小范围", n, len(ds)))
		} else {
			count.SetText(fmt.Sprintf("共 %d 人", n))
		}
		list.UnselectAll()
		list.Refresh()
		list.ScrollToTop()
	}
	search := newSearchEntry("输入姓名、单位或村(居)筛选", load)
	load("")
	content := container.NewBorder(search, count, nil, nil, list)
	dlg = dialog.NewCustom("选择领衔代表", "取消", content, p.d.win)
	dlg.Resize(fyne.NewSize(420, 520))
	dlg.Show()
	p.d.win.Canvas().Focus(search)
}

// CreateRenderer shows the name and the buttons.
func (p *suggestionDeputyPicker) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, container.NewHBox(p.clear, p.choose), p.summary))
}

// suggestionDeputyLabel names a deputy in a picker: 王建国(第一代表小组), with the status when not in office.
func suggestionDeputyLabel(x store.Deputy) string {
	return store.DeputyLabel(x.Name, x.GroupName, x.Status)
}
