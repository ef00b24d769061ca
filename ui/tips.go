package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Fyne 2.7 has no tooltips. A list cell too narrow for its text (a long 标题, a unit's full name) shows the
// whole text in a box under it while the pointer rests on it: the box is drawn in a layer stacked over the
// list, a plain container that takes no events, so clicks and scrolling still reach the table below (a
// pop-up or a canvas overlay would take every event while shown).

// tipMaxWidth is how wide a tip grows before its text wraps.
const tipMaxWidth = 460

// tipLayer is the layer over a list where its tips are drawn.
type tipLayer struct {
	root *fyne.Container // without layout: the tip is placed by hand
	box  *fyne.Container
	bg   *canvas.Rectangle
	text *widget.Label
}

// tableTips finds the tip layer of a table or list laid out by withTips: the cells know their table, not the
// layer recordFrame puts over it. Entries live as long as the program's window; only tests make many.
var tableTips = map[fyne.CanvasObject]*tipLayer{}

// withTips stacks a tip layer over the table or list t and registers it for t's cells.
func withTips(t fyne.CanvasObject) fyne.CanvasObject {
	if l, ok := tableTips[t]; ok {
		return container.NewStack(t, l.root)
	}
	l := &tipLayer{bg: canvas.NewRectangle(color.Transparent), text: widget.NewLabel("")}
	l.bg.StrokeWidth = 1
	l.bg.CornerRadius = 4
	l.text.Wrapping = fyne.TextWrapBreak // Chinese runs have no spaces to wrap at
	l.box = container.NewStack(l.bg, l.text)
	l.box.Hide()
	l.root = container.NewWithoutLayout(l.box)
	tableTips[t] = l
	return container.NewStack(t, l.root)
}

// show puts text in a box under (or, near the bottom, over) the object o.
func (l *tipLayer) show(o fyne.CanvasObject, text string) {
	d := fyne.CurrentApp().Driver()
	th := theme.Current()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	l.bg.FillColor = th.Color(theme.ColorNameOverlayBackground, v)
	l.bg.StrokeColor = th.Color(theme.ColorNameShadow, v)
	l.text.SetText(text)
	pad := 2 * th.Size(theme.SizeNameInnerPadding)
	w := min(fyne.MeasureText(text, th.Size(theme.SizeNameText), fyne.TextStyle{}).Width+pad+2, tipMaxWidth, l.root.Size().Width)
	l.text.Resize(fyne.NewSize(w, 0))
	h := l.text.MinSize().Height
	at := d.AbsolutePositionForObject(o).Subtract(d.AbsolutePositionForObject(l.root))
	pos := fyne.NewPos(at.X, at.Y+o.Size().Height+2)
	if pos.Y+h > l.root.Size().Height {
		pos.Y = max(0, at.Y-h-2)
	}
	pos.X = max(0, min(pos.X, l.root.Size().Width-w))
	l.box.Move(pos)
	l.box.Resize(fyne.NewSize(w, h))
	l.box.Show()
	l.root.Refresh()
}

func (l *tipLayer) hide() {
	if l.box.Visible() {
		l.box.Hide()
		l.root.Refresh()
	}
}

// tipLabel is a list cell: a label ending in … when too narrow, whose whole text shows in a tip on hover.
type tipLabel struct {
	widget.Label
	layer func() *tipLayer // nil, or returning nil: no tips
}

func newTipLabel(layer func() *tipLayer) *tipLabel {
	l := &tipLabel{layer: layer}
	l.Truncation = fyne.TextTruncateEllipsis
	l.ExtendBaseWidget(l)
	return l
}

// SetText sets the text, with 「…」 only when it does not fit (fitTruncation).
func (l *tipLabel) SetText(text string) {
	l.Text = text
	l.fitTruncation()
	l.Refresh()
}

// Resize sizes the label, with 「…」 only when its text does not fit at the new size (fitTruncation).
func (l *tipLabel) Resize(size fyne.Size) {
	was := l.Truncation
	l.Label.Resize(size)
	if l.fitTruncation(); l.Truncation != was {
		l.Refresh()
	}
}

// fitTruncation turns the ellipsis on only for a text wider than the label (or a label not yet sized).
// Fyne's truncation shapes and wraps the whole text again at every layout (widget.truncateLimit): in a big
// table's cells that was most of the CPU time and a third of the garbage of showing the tabs, while the
// measure of a text that fits is cached.
func (l *tipLabel) fitTruncation() {
	if l.Size().Width > 0 && !l.truncated() {
		l.Truncation = fyne.TextTruncateOff
	} else {
		l.Truncation = fyne.TextTruncateEllipsis
	}
}

// truncated reports whether the label shows less than its whole text.
func (l *tipLabel) truncated() bool {
	th := l.Theme()
	full := fyne.MeasureText(l.Text, th.Size(theme.SizeNameText), l.TextStyle).Width
	return full > l.Size().Width-2*th.Size(theme.SizeNameInnerPadding)
}

// MouseIn shows the whole text when the cell cuts it.
func (l *tipLabel) MouseIn(*desktop.MouseEvent) {
	if l.layer == nil || l.Text == "" || !l.truncated() {
		return
	}
	if layer := l.layer(); layer != nil {
		layer.show(l, l.Text)
	}
}

// MouseMoved keeps the tip as it is.
func (l *tipLabel) MouseMoved(*desktop.MouseEvent) {}

// MouseOut hides the tip.
func (l *tipLabel) MouseOut() {
	if l.layer == nil {
		return
	}
	if layer := l.layer(); layer != nil {
		layer.hide()
	}
}
