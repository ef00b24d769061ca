package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/export"
)

// ruledText is running Chinese text broken into lines by export.WrapText, the rules the PDFs are set by: no
// line starts with 「，」 or 「。」, a number such as 56.5% or a date is not split. Fyne's own wrapping either
// breaks anywhere (TextWrapBreak) or only at spaces, which Chinese has none of. It re-breaks its lines when
// its width changes, and asks for little width so a split pane can still be narrowed.
type ruledText struct {
	widget.BaseWidget
	Text  string        // the text as given, without the line breaks added for the width
	label *widget.Label // the broken lines
	width float32       // the width the lines were broken for
	size  float32       // and the text size
	// widths caches the measured width of each piece (a Han character, a number) at size.
	widths map[string]float64
}

func newRuledText() *ruledText {
	r := &ruledText{label: widget.NewLabel(""), widths: map[string]float64{}}
	r.label.Selectable = true
	r.ExtendBaseWidget(r)
	return r
}

// SetText shows text, broken for the current width.
func (r *ruledText) SetText(text string) {
	r.Text = text
	r.rewrap(r.Size().Width, true)
}

// Resize breaks the lines again for a new width.
func (r *ruledText) Resize(s fyne.Size) {
	r.rewrap(s.Width, false)
	r.BaseWidget.Resize(s)
}

// MinSize is as high as the broken lines and narrow, so the text follows the width it is given.
func (r *ruledText) MinSize() fyne.Size {
	return fyne.NewSize(100, r.label.MinSize().Height)
}

func (r *ruledText) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(r.label)
}

// Refresh breaks the lines again when the text size changed (the 字号 setting).
func (r *ruledText) Refresh() {
	r.rewrap(r.Size().Width, false)
	r.BaseWidget.Refresh()
}

// rewrap breaks the text for width w, when w, the text size or (force) the text changed.
func (r *ruledText) rewrap(w float32, force bool) {
	th := r.Theme()
	size := th.Size(theme.SizeNameText)
	if !force && w == r.width && size == r.size {
		return
	}
	if size != r.size {
		r.widths = map[string]float64{}
	}
	r.width, r.size = w, size
	inner := float64(w - 2*th.Size(theme.SizeNameInnerPadding) - 2)
	if w <= 0 || inner <= 0 {
		r.label.SetText(r.Text)
		return
	}
	measure := func(s string) float64 {
		if v, ok := r.widths[s]; ok {
			return v
		}
		v := float64(fyne.MeasureText(s, size, fyne.TextStyle{}).Width)
		r.widths[s] = v
		return v
	}
	r.label.SetText(strings.Join(export.WrapText(measure, r.Text, inner), "\n"))
}
