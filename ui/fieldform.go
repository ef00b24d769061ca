package ui

import (
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// fieldForm lays out a form's fields the way the clerk reads them: the label, with a red ＊ when the store will
// not save without the field, beside the input, and under every input a line of its own for what is wrong
// with it (or a hint). The line is kept whether or not it says anything, so that a message appearing never
// moves a field under the mouse; a refused save shows every problem at once, each under its field. Fyne's
// own Form shows an input's message only in some states, one line that may be cut, and disables its submit
// button without saying why.
type fieldForm struct {
	widget.BaseWidget
	Items    []*widget.FormItem
	OnSubmit func() // the form's 保存 (the pane's button, Ctrl+S)

	rows    []*formRow
	byLabel map[string]*formRow
}

// formRow is one field of a fieldForm.
type formRow struct {
	item     *widget.FormItem
	label    *canvas.Text
	star     *canvas.Text
	msg      *canvas.Text // nil for a row without an input (a note)
	required bool
	err      string // the message of the last refused save, until the field changes
	live     string // the input's own check, once the clerk has changed it
	hidden   bool   // not shown now
	reserve  bool   // a hidden row keeps its place (rows a choice shows must not move the others)
}

// newFieldForm builds a form of the items. The items are fixed: a field shown only for some choices is
// hidden and shown with showRow.
func newFieldForm(items []*widget.FormItem) *fieldForm {
	f := &fieldForm{Items: items, byLabel: map[string]*formRow{}}
	for _, it := range items {
		r := &formRow{item: it}
		r.label = canvas.NewText(it.Text, theme.Color(theme.ColorNameForeground))
		r.label.TextStyle = fyne.TextStyle{Bold: true}
		r.star = canvas.NewText("＊", theme.Color(theme.ColorNameError))
		r.star.Hide()
		if len(inputsIn(it.Widget)) > 0 {
			r.msg = canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder))
		}
		f.rows = append(f.rows, r)
		if it.Text != "" {
			f.byLabel[it.Text] = r
		}
	}
	f.ExtendBaseWidget(f)
	return f
}

// setRequired marks with ＊ the fields whose labels are given (the store's Required), and unmarks the others.
func (f *fieldForm) setRequired(labels []string) {
	for _, r := range f.rows {
		r.required = r.item.Text != "" && slices.Contains(labels, r.item.Text)
	}
	f.Refresh()
}

// showRow shows or hides the field labelled label; a hidden field keeps its place when reserve is set.
func (f *fieldForm) showRow(label string, on, reserve bool) {
	if r := f.byLabel[label]; r != nil {
		r.hidden, r.reserve = !on, reserve
		f.Refresh()
	}
}

// shown reports whether the field labelled label is on screen.
func (f *fieldForm) shown(label string) bool {
	r := f.byLabel[label]
	return r != nil && !r.hidden
}

// changed follows a change the clerk made in row i: the message of the last save goes, and the input's own
// check speaks for it.
func (f *fieldForm) changed(i int) {
	r := f.rows[i]
	r.err = ""
	r.live = ""
	if err := rowCheck(r); err != nil {
		r.live = err.Error()
	}
	f.Refresh()
}

// inputErrors are the problems the inputs themselves find (a number that is not one, a date that is not
// one …) in the fields on screen, named as the store names its own: by the field's label.
func (f *fieldForm) inputErrors() []*store.Error {
	var out []*store.Error
	for _, r := range f.rows {
		if r.hidden {
			continue
		}
		if err := rowCheck(r); err != nil {
			out = append(out, &store.Error{Code: store.EINVALID, Field: r.item.Text, Message: labelled(r.item.Text, err.Error())})
		}
	}
	return out
}

// rowCheck runs the checks of the row's enabled inputs and returns the first problem.
func rowCheck(r *formRow) error {
	for _, in := range inputsIn(r.item.Widget) {
		if d, ok := in.(fyne.Disableable); ok && d.Disabled() {
			continue
		}
		if v, ok := in.(interface{ Validate() error }); ok {
			if err := v.Validate(); err != nil {
				return err
			}
		}
	}
	return nil
}

// labelled is msg as a sentence that names the field: 「会次请填写0或正整数」.
func labelled(label, msg string) string {
	if label == "" || strings.HasPrefix(msg, label) {
		return msg
	}
	return label + msg
}

// setErrors shows each problem under the field it names, marking the field's input, and returns those that
// name no field on screen (the pane says them beside 保存). Earlier messages go.
func (f *fieldForm) setErrors(errs []*store.Error) (elsewhere []*store.Error) {
	f.clearMarks()
	for _, e := range errs {
		r := f.byLabel[e.Field]
		if e.Field == "" || r == nil || r.hidden || r.msg == nil {
			elsewhere = append(elsewhere, e)
			continue
		}
		if r.err != "" {
			continue // the first problem of a field is the one to fix first
		}
		r.err = e.Message
		for _, in := range inputsIn(r.item.Widget) {
			if v, ok := in.(interface{ SetValidationError(error) }); ok {
				v.SetValidationError(errors.New(e.Message))
			}
		}
	}
	f.Refresh()
	return elsewhere
}

// inFormOrder is errs in the order of the fields they name, top to bottom, so that the summary beside 保存
// reads as the form does; problems that name no field of the form come last, as given.
func (f *fieldForm) inFormOrder(errs []*store.Error) []*store.Error {
	at := func(e *store.Error) int {
		if r := f.byLabel[e.Field]; r != nil && e.Field != "" {
			return slices.Index(f.rows, r)
		}
		return len(f.rows)
	}
	out := slices.Clone(errs)
	slices.SortStableFunc(out, func(a, b *store.Error) int { return at(a) - at(b) })
	return out
}

// clearErrors takes every message of the last save away.
func (f *fieldForm) clearErrors() {
	f.clearMarks()
	f.Refresh()
}

func (f *fieldForm) clearMarks() {
	for _, r := range f.rows {
		if r.err == "" {
			continue
		}
		r.err = ""
		for _, in := range inputsIn(r.item.Widget) {
			if v, ok := in.(interface{ SetValidationError(error) }); ok {
				v.SetValidationError(nil)
			}
		}
	}
}

// message is what the line under the field labelled label says now: its problem, or "" (tests read it).
func (f *fieldForm) message(label string) string {
	r := f.byLabel[label]
	if r == nil {
		return ""
	}
	return r.problem()
}

// problem is the row's message: the last save's, else the input's own check.
func (r *formRow) problem() string {
	if r.err != "" {
		return r.err
	}
	return r.live
}

// rowAt returns the row of the field labelled label, or nil.
func (f *fieldForm) rowAt(label string) *formRow { return f.byLabel[label] }

// CreateRenderer lays the rows out.
func (f *fieldForm) CreateRenderer() fyne.WidgetRenderer {
	r := &fieldFormRenderer{f: f}
	for _, row := range f.rows {
		r.objects = append(r.objects, row.star, row.label, row.item.Widget)
		if row.msg != nil {
			r.objects = append(r.objects, row.msg)
		}
	}
	r.Refresh()
	return r
}

type fieldFormRenderer struct {
	f       *fieldForm
	objects []fyne.CanvasObject
}

func (r *fieldFormRenderer) Destroy() {}

func (r *fieldFormRenderer) Objects() []fyne.CanvasObject { return r.objects }

// metrics are the sizes the layout is made of, from the theme (the clerk's text size).
type fieldMetrics struct {
	pad, inner, text, caption float32
	lineH, captionH, inputH   float32
	starW                     float32
}

func currentFieldMetrics() fieldMetrics {
	m := fieldMetrics{pad: theme.Padding(), inner: theme.InnerPadding(), text: theme.TextSize(), caption: theme.CaptionTextSize()}
	m.lineH = fyne.MeasureText("国", m.text, fyne.TextStyle{Bold: true}).Height
	m.captionH = fyne.MeasureText("国", m.caption, fyne.TextStyle{}).Height
	m.inputH = m.lineH + 2*m.inner
	m.starW = fyne.MeasureText("＊", m.text, fyne.TextStyle{}).Width
	return m
}

// labelWidth is the width of the label column: the longest label, with room for ＊ when any field has one.
func (r *fieldFormRenderer) labelWidth(m fieldMetrics) float32 {
	var w float32
	star := false
	for _, row := range r.f.rows {
		w = fyne.Max(w, fyne.MeasureText(row.item.Text, m.text, row.label.TextStyle).Width)
		star = star || row.required
	}
	if star {
		w += m.starW
	}
	return w + 2*m.inner
}

// rowHeight is the height of a row: its input with the message line under it, or its label when taller.
func (r *fieldFormRenderer) rowHeight(row *formRow, m fieldMetrics) float32 {
	h := row.item.Widget.MinSize().Height
	if row.msg != nil {
		h += m.captionH
	}
	return fyne.Max(h, m.inputH)
}

// counts reports whether a row takes room: shown, or hidden with its place kept.
func (row *formRow) counts() bool { return !row.hidden || row.reserve }

func (r *fieldFormRenderer) MinSize() fyne.Size {
	m := currentFieldMetrics()
	lw := r.labelWidth(m)
	var w, h float32
	n := 0
	for _, row := range r.f.rows {
		if !row.counts() {
			continue
		}
		w = fyne.Max(w, row.item.Widget.MinSize().Width)
		h += r.rowHeight(row, m)
		n++
	}
	if n > 1 {
		h += float32(n-1) * m.pad
	}
	return fyne.NewSize(lw+m.pad+w, h)
}

func (r *fieldFormRenderer) Layout(size fyne.Size) {
	m := currentFieldMetrics()
	lw := r.labelWidth(m)
	x := lw + m.pad
	cw := fyne.Max(0, size.Width-x)
	y := float32(0)
	for _, row := range r.f.rows {
		if !row.counts() {
			continue
		}
		h := r.rowHeight(row, m)
		wh := row.item.Widget.MinSize().Height
		if row.msg == nil {
			wh = h
		}
		row.item.Widget.Move(fyne.NewPos(x, y))
		row.item.Widget.Resize(fyne.NewSize(cw, wh))
		// The label sits level with the first line of its input.
		ly := y + (fyne.Min(wh, m.inputH)-row.label.MinSize().Height)/2
		lwidth := row.label.MinSize().Width
		row.label.Move(fyne.NewPos(lw-m.inner-lwidth, ly))
		row.label.Resize(row.label.MinSize())
		row.star.Move(fyne.NewPos(lw-m.inner-lwidth-m.starW, ly))
		row.star.Resize(row.star.MinSize())
		if row.msg != nil {
			row.msg.Text = fitText(row.msgText(), m.caption, cw-m.inner)
			row.msg.Move(fyne.NewPos(x+m.inner, y+wh))
			row.msg.Resize(fyne.NewSize(cw-m.inner, m.captionH))
			row.msg.Refresh()
		}
		y += h + m.pad
	}
}

// msgText is what the line under the row says: its problem, else its hint.
func (row *formRow) msgText() string {
	if p := row.problem(); p != "" {
		return p
	}
	return row.item.HintText
}

// Refresh follows the theme, the text size, the rows' states and the inputs' enabled state.
func (r *fieldFormRenderer) Refresh() {
	m := currentFieldMetrics()
	for _, row := range r.f.rows {
		row.label.TextSize, row.star.TextSize = m.text, m.text
		row.label.Color = theme.Color(theme.ColorNameForeground)
		if rowDisabled(row) {
			row.label.Color = theme.Color(theme.ColorNameDisabled)
		}
		row.star.Color = theme.Color(theme.ColorNameError)
		visible := []fyne.CanvasObject{row.label, row.item.Widget}
		if row.msg != nil {
			row.msg.TextSize = m.caption
			row.msg.Color = theme.Color(theme.ColorNamePlaceHolder)
			if row.problem() != "" {
				row.msg.Color = theme.Color(theme.ColorNameError)
			}
			visible = append(visible, row.msg)
		}
		for _, o := range visible {
			if row.hidden {
				o.Hide()
			} else {
				o.Show()
			}
		}
		if row.required && !row.hidden {
			row.star.Show()
		} else {
			row.star.Hide()
		}
		row.label.Refresh()
		row.star.Refresh()
	}
	r.Layout(r.f.Size())
	canvas.Refresh(r.f)
}

// rowDisabled reports whether every input of the row is disabled (its label is greyed, as Fyne's Form does).
func rowDisabled(row *formRow) bool {
	ins := inputsIn(row.item.Widget)
	if len(ins) == 0 {
		return false
	}
	for _, in := range ins {
		if d, ok := in.(fyne.Disableable); !ok || !d.Disabled() {
			return false
		}
	}
	return true
}

// fitText cuts s to fit width at the text size, ending it with …; the whole message is also beside 保存.
func fitText(s string, size, width float32) string {
	if s == "" || fyne.MeasureText(s, size, fyne.TextStyle{}).Width <= width {
		return s
	}
	rs := []rune(s)
	lo, hi := 0, len(rs)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(rs[:mid])+"…", size, fyne.TextStyle{}).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(rs[:lo]) + "…"
}
