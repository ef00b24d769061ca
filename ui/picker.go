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
	hint     string // what the search box says: 输入姓名筛选
	options  func() []option
	selected []int64
	names    map[int64]string
	summary  *widget.Label
	button   *widget.Button
	OnChange func([]int64)
}

func newIDPicker(title string, options func() []option) *idPicker {
	p := &idPicker{title: title, hint: "输入姓名筛选", options: options, names: map[int64]string{}}
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
	var refocus func()
	list := widget.NewList(func() int { return len(shown) },
		func() fyne.CanvasObject { return widget.NewCheck("", nil) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*widget.Check)
			opt := shown[i]
			c.OnChanged = nil
			c.SetText(opt.Label)
			c.SetChecked(chosen[opt.ID])
			c.OnChanged = func(on bool) {
				chosen[opt.ID] = on
				refocus() // a ticked box would keep Esc and the typing
			}
		})
	search := newTextEntry()
	refocus = func() {
		if c := canvasOf(search); c != nil {
			c.Focus(search)
		}
	}
	search.SetPlaceHolder(p.hint)
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
	win.Canvas().Focus(search) // typing filters at once
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

// filterSelect is a Select over many choices (42 承办单位, 56 民族, the villages) that filters as the clerk
// types: tapping it, or typing while it has the cursor, opens the choices under a search box; the choices
// that contain what is typed stay, ↓ and ↑ move the highlight, Enter takes it, a tap takes a choice, Esc
// closes. It is a widget.Select otherwise (Selected, SetSelected, OnChanged, PlaceHolder).
type filterSelect struct {
	widget.Select
	popup  *widget.PopUp
	search *pickerSearch
	list   *widget.List
	count  *widget.Label
	shown  []string
	hi     int // the highlighted choice in shown
}

// newFilterSelect is a filterSelect over options, with a leading blank choice when optional (as selectWith).
func newFilterSelect(options []string, optional bool) *filterSelect {
	if optional {
		options = append([]string{""}, options...)
	}
	s := &filterSelect{}
	s.Options = options
	s.PlaceHolder = selectPlaceHolder
	s.ExtendBaseWidget(s)
	return s
}

// Tapped opens the choices with the search box.
func (s *filterSelect) Tapped(*fyne.PointEvent) {
	if !s.Disabled() {
		s.open("")
	}
}

// TypedKey opens the choices on Space, Enter, ↑ or ↓, hands Esc to the window, and leaves ← → to the Select.
func (s *filterSelect) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter, fyne.KeyUp, fyne.KeyDown:
		s.open("")
	default:
		if !passKey(s, k) {
			s.Select.TypedKey(k)
		}
	}
}

// TypedRune opens the choices filtered by the character typed.
func (s *filterSelect) TypedRune(r rune) {
	if !s.Disabled() {
		s.open(string(r))
	}
}

// open shows the choices under the field, filtered by q, with the cursor in the search box.
func (s *filterSelect) open(q string) {
	c := canvasOf(s)
	if c == nil {
		return
	}
	s.search = newPickerSearch()
	s.search.SetPlaceHolder("输入文字筛选")
	s.count = widget.NewLabel("")
	s.list = widget.NewList(func() int { return len(s.shown) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			text := s.shown[i]
			if text == "" {
				text = "(不选)"
			}
			l.Importance = widget.MediumImportance
			l.TextStyle = fyne.TextStyle{}
			if i == s.hi {
				l.Importance = widget.HighImportance
				l.TextStyle = fyne.TextStyle{Bold: true}
			}
			l.SetText(text)
		})
	s.list.OnSelected = func(i widget.ListItemID) { s.pick(i) }
	s.search.OnChanged = s.filter
	s.search.onKey = func(k *fyne.KeyEvent) bool {
		switch k.Name {
		case fyne.KeyDown:
			s.move(1)
		case fyne.KeyUp:
			s.move(-1)
		case fyne.KeyReturn, fyne.KeyEnter:
			s.pick(s.hi)
		case fyne.KeyEscape:
			s.close()
		default:
			return false
		}
		return true
	}
	s.popup = widget.NewPopUp(container.NewBorder(s.search, s.count, nil, nil, s.list), c)
	lightPopups.Store(s.popup, s.close)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(s).Add(fyne.NewPos(0, s.Size().Height))
	s.popup.ShowAtPosition(pos)
	s.popup.Resize(fyne.NewSize(fyne.Max(s.Size().Width, 320), 320))
	s.search.SetText(q)
	s.filter(q)
	c.Focus(s.search)
	s.search.CursorColumn = len([]rune(q))
}

// filter keeps the choices that contain q and highlights the chosen one, else the first.
func (s *filterSelect) filter(q string) {
	q = strings.TrimSpace(q)
	s.shown = s.shown[:0]
	for _, o := range s.Options {
		if q == "" || (o != "" && strings.Contains(o, q)) {
			s.shown = append(s.shown, o)
		}
	}
	s.hi = max(0, slices.Index(s.shown, s.Selected))
	if q != "" && len(s.shown) > 0 {
		s.hi = 0
	}
	if len(s.shown) == 0 {
		s.count.SetText("没有包含「" + q + "」的选项")
	} else {
		s.count.SetText(fmt.Sprintf("共 %d 项", len(s.shown)))
	}
	s.list.Refresh()
	s.list.ScrollTo(s.hi)
}

// move moves the highlight by n.
func (s *filterSelect) move(n int) {
	if len(s.shown) == 0 {
		return
	}
	s.hi = (s.hi + n + len(s.shown)) % len(s.shown)
	s.list.Refresh()
	s.list.ScrollTo(s.hi)
}

// pick takes the i-th choice shown and closes the choices.
func (s *filterSelect) pick(i int) {
	if i < 0 || i >= len(s.shown) {
		return
	}
	v := s.shown[i]
	s.close()
	if v == "" {
		s.ClearSelected()
	} else {
		s.SetSelected(v)
	}
}

// close hides the choices and gives the cursor back to the field.
func (s *filterSelect) close() {
	if s.popup == nil {
		return
	}
	lightPopups.Delete(s.popup)
	s.popup.Hide()
	s.popup = nil
	if c := canvasOf(s); c != nil {
		c.Focus(s)
	}
}

// pickerSearch is the search box of a picker: a textEntry whose arrow keys, Enter and Esc the picker takes.
type pickerSearch struct {
	textEntry
	onKey func(*fyne.KeyEvent) bool // reports whether the picker used the key
}

func newPickerSearch() *pickerSearch {
	e := &pickerSearch{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey gives the picker its keys first.
func (e *pickerSearch) TypedKey(k *fyne.KeyEvent) {
	if e.onKey != nil && e.onKey(k) {
		return
	}
	e.textEntry.TypedKey(k)
}
