package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// option is one choice of an idPicker.
type option struct {
	ID    int64
	Label string // 王建国(第一代表小组)
}

// idPicker chooses several records (co-signers, stationed deputies …) from a list too long for check boxes:
// it shows the chosen names and opens a searchable check list.
type idPicker struct {
	widget.BaseWidget
	title    string
	options  func() []option
	selected []int64
	names    map[int64]string
	summary  *widget.Label
	button   *widget.Button
	OnChange func([]int64)
}

func newIDPicker(title string, options func() []option) *idPicker {
	p := &idPicker{title: title, options: options, names: map[int64]string{}}
	p.summary = widget.NewLabel("")
	p.summary.Wrapping = fyne.TextWrapWord
	p.button = widget.NewButton("选择…", p.open)
	p.ExtendBaseWidget(p)
	p.render()
	return p
}

// Selected returns the chosen ids in ascending order.
func (p *idPicker) Selected() []int64 { return slices.Clone(p.selected) }

// SetSelected sets the chosen ids; names come from the options.
func (p *idPicker) SetSelected(ids []int64) {
	p.selected = slices.Clone(ids)
	slices.Sort(p.selected)
	if len(ids) > 0 {
		for _, o := range p.options() {
			p.names[o.ID] = o.Label
		}
	}
	p.render()
}

func (p *idPicker) render() {
	if len(p.selected) == 0 {
		p.summary.SetText("(未选择)")
		return
	}
	var names []string
	for _, id := range p.selected {
		names = append(names, strings.SplitN(p.names[id], "(", 2)[0])
	}
	text := strings.Join(names, "、")
	if len(names) > 8 {
		text = strings.Join(names[:8], "、") + fmt.Sprintf(" 等%d人", len(names))
	}
	p.summary.SetText(text)
}

func (p *idPicker) open() {
	all := p.options()
	chosen := map[int64]bool{}
	for _, id := range p.selected {
		chosen[id] = true
	}
	shown := all
	list := widget.NewList(func() int { return len(shown) },
		func() fyne.CanvasObject { return widget.NewCheck("", nil) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*widget.Check)
			opt := shown[i]
			c.OnChanged = nil
			c.SetText(opt.Label)
			c.SetChecked(chosen[opt.ID])
			c.OnChanged = func(on bool) { chosen[opt.ID] = on }
		})
	search := widget.NewEntry()
	search.SetPlaceHolder("输入姓名筛选")
	search.OnChanged = func(q string) {
		shown = filterOptions(all, q)
		list.Refresh()
	}
	content := container.NewBorder(search, nil, nil, nil, list)
	c := fyne.CurrentApp().Driver().CanvasForObject(p)
	win := windowFor(c)
	if win == nil {
		return
	}
	d := dialog.NewCustomConfirm(p.title, "确定", "取消", content, func(ok bool) {
		if !ok {
			return
		}
		p.selected = p.selected[:0]
		for _, o := range all {
			if chosen[o.ID] {
				p.selected = append(p.selected, o.ID)
				p.names[o.ID] = o.Label
			}
		}
		slices.Sort(p.selected)
		p.render()
		if p.OnChange != nil {
			p.OnChange(p.Selected())
		}
	}, win)
	d.Resize(fyne.NewSize(420, 520))
	d.Show()
}

// CreateRenderer shows the names and the button.
func (p *idPicker) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, p.button, p.summary))
}

// filterOptions keeps the options whose label contains q (all of them for a blank q).
func filterOptions(all []option, q string) []option {
	q = strings.TrimSpace(q)
	if q == "" {
		return all
	}
	var out []option
	for _, o := range all {
		if strings.Contains(o.Label, q) {
			out = append(out, o)
		}
	}
	return out
}

// deputyOptions lists every deputy for a picker (「王建国(第一代表小组)」).
func deputyOptions(d *desk) []option {
	return choiceOptions(d, d.db.DeputyChoices)
}

// stationOptions lists every station for a picker or a filter.
func stationOptions(d *desk) []option {
	return choiceOptions(d, d.db.StationChoices)
}

func choiceOptions(d *desk, load func(context.Context) ([]store.Choice, error)) []option {
	cs, err := load(d.ctx)
	if err != nil {
		d.showError(err)
		return nil
	}
	out := make([]option, len(cs))
	for i, c := range cs {
		out[i] = option{c.ID, c.Label}
	}
	return out
}

// windowFor finds the window showing canvas c.
func windowFor(c fyne.Canvas) fyne.Window {
	for _, w := range fyne.CurrentApp().Driver().AllWindows() {
		if w.Canvas() == c {
			return w
		}
	}
	return nil
}
