package ui

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// formPane is a record form in a detail pane: a title, the fields (fieldForm: ＊ for what the store requires, a
// message under each field), and under them a bar that stays in view however long the form — 保存, the
// pane's other actions, and a line saying 已保存 or what keeps the record from being saved. A refused save
// shows every problem at once, each under its field; nothing jumps. Once tracked (track), the pane knows
// when it holds unsaved changes and says so beside its title.
type formPane struct {
	form       *fieldForm
	byLabel    map[string]fyne.CanvasObject // the input of each field, by its label
	msg        *widget.Label                // the line beside 保存
	saveButton *widget.Button
	actions    *fyne.Container // 保存 and the pane's other buttons
	bar        *fyne.Container // the actions and msg, under the fields
	title      *widget.Label
	unsaved    *widget.Label
	header     *fyne.Container // the title with the 「未保存」 mark beside it
	content    fyne.CanvasObject
	scroll     *container.Scroll
	first      fyne.Focusable // the field 编辑 puts the cursor in
	onSave     func() error
	// check is the store's own check of what the fields hold (the record's Validate), without saving. When
	// an input finds a problem of its own, saving waits, and check names the other fields' problems with it.
	check func() error
	state *formState
}

// focus puts the cursor in the first field.
func (p *formPane) focus(w fyne.Window) {
	if p.first != nil {
		w.Canvas().Focus(p.first)
	}
}

func newFormPane(items []*widget.FormItem, onSave func() error) *formPane {
	p := &formPane{byLabel: map[string]fyne.CanvasObject{}}
	for _, it := range items {
		p.byLabel[it.Text] = it.Widget
	}
	p.form = newFieldForm(items)
	p.msg = widget.NewLabel("")
	p.msg.Wrapping = fyne.TextWrapWord
	p.msg.Hide()
	p.title = boldLabel("")
	p.unsaved = unsavedMark()
	p.onSave = onSave
	p.form.OnSubmit = func() {
		if p.state != nil {
			p.state.submit()
		} else {
			p.save()
		}
	}
	p.saveButton = widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), func() { p.form.OnSubmit() })
	p.saveButton.Importance = widget.HighImportance
	p.actions = container.NewHBox(p.saveButton)
	p.header = container.NewHBox(p.title, p.unsaved)
	// Scrolls both ways, so that a wide form never squeezes the list beside it; 保存 stays under it, in view.
	p.scroll = container.NewScroll(container.NewVBox(p.header, p.form))
	// The buttons keep to the bottom when a long message makes the bar taller: the one under the mouse stays.
	p.bar = container.NewBorder(widget.NewSeparator(), nil, container.NewVBox(layout.NewSpacer(), p.actions), nil, p.msg)
	p.content = container.NewBorder(nil, p.bar, nil, nil, p.scroll)
	return p
}

// field is the input of the field labelled label, or nil.
func (p *formPane) field(label string) fyne.CanvasObject { return p.byLabel[label] }

// addActions puts more buttons beside 保存 (删除, 转为建议 …).
func (p *formPane) addActions(buttons ...fyne.CanvasObject) {
	for _, b := range buttons {
		p.actions.Add(b)
	}
}

// require marks with ＊ the fields the store requires (store.Required of the record as the form holds it).
func (p *formPane) require(labels []string) { p.form.setRequired(labels) }

// save runs the form's 保存 and shows what keeps it from going through. Inputs that cannot say what they hold
// (a number that is not one) keep the record from the store; the store's own check then names the other
// fields' problems, so that all show at once.
func (p *formPane) save() error {
	p.clear()
	if errs := p.form.inputErrors(); len(errs) > 0 {
		if p.check != nil {
			errs = mergeErrors(errs, store.ErrorsOf(p.check()))
		}
		fe := store.FieldErrors(errs)
		p.showError(fe)
		return fe
	}
	err := p.onSave()
	if err != nil {
		p.showError(err)
	}
	return err
}

// mergeErrors adds to first the problems of fields it does not name, in the form's order as the store gives it.
func mergeErrors(first, more []*store.Error) []*store.Error {
	out := slices.Clone(first)
	for _, e := range more {
		if !slices.ContainsFunc(out, func(x *store.Error) bool { return x.Field == e.Field }) {
			out = append(out, e)
		}
	}
	return out
}

// track makes the form's state known to the window (guard.go) as the form of kind for the record key, opened
// on base (a new record's links, kept with its draft), named by name, brought into view by reveal. Call it
// once the fields hold the record and their own handlers are set.
func (p *formPane) track(d *desk, kind, key string, base any, name func() string, reveal func()) *formState {
	get, set, _ := trackValues(func() []*widget.FormItem { return p.form.Items })
	p.state = d.trackForm(&formState{kind: kind, key: key, base: base, name: name, get: get, set: set,
		save: p.save, reveal: reveal, mark: showMark(p.unsaved, p.header), root: p.content})
	for i, it := range p.form.Items {
		watchInputs(it.Widget, func() {
			p.form.changed(i)
			p.state.touched()
		})
	}
	return p.state
}

// showError shows each problem of err under the field it names, and beside 保存 what the form must change:
// the message itself when there is one, else how many and which. A field out of view is scrolled to, when
// none of those named is in view; the form never jumps to the top.
func (p *formPane) showError(err error) {
	errs := store.ErrorsOf(err)
	if errs == nil {
		errs = []*store.Error{{Message: store.ErrorMessage(err)}}
	}
	errs = p.form.inFormOrder(errs)
	p.form.setErrors(errs)
	p.say(widget.DangerImportance, errorSummary(errs))
	p.revealError()
}

// errorSummary is the line beside 保存 for the problems: the one message, or 「有3处需要修改：…；…」.
func errorSummary(errs []*store.Error) string {
	if len(errs) == 1 {
		return errs[0].Message
	}
	msgs := make([]string, len(errs))
	for i, e := range errs {
		msgs[i] = e.Message
	}
	return fmt.Sprintf("有%d处需要修改：%s", len(errs), strings.Join(msgs, "；"))
}

// revealError scrolls the first field with a problem into view, unless one such field is in view already.
func (p *formPane) revealError() {
	view := p.scroll.Size().Height
	if view <= 0 {
		return
	}
	top, bottom := p.scroll.Offset.Y, p.scroll.Offset.Y+view
	first := float32(-1)
	for _, r := range p.form.rows {
		if r.hidden || r.err == "" {
			continue
		}
		y := p.form.Position().Y + r.item.Widget.Position().Y
		if y >= top && y+r.item.Widget.Size().Height <= bottom {
			return
		}
		if first < 0 {
			first = y
		}
	}
	if first >= 0 {
		p.scroll.Offset.Y = fyne.Max(0, first-theme.Padding()*4)
		p.scroll.Refresh()
	}
}

// showInfo shows a neutral line (已保存 …).
func (p *formPane) showInfo(msg string) { p.say(widget.SuccessImportance, msg) }

// say shows text beside 保存; "" hides the line.
func (p *formPane) say(importance widget.Importance, text string) {
	p.msg.Importance = importance
	p.msg.SetText(text)
	if text == "" {
		p.msg.Hide()
	} else {
		p.msg.Show()
	}
	p.bar.Refresh() // a Border lays out only what is shown: the line shown now needs its place
}

// clear takes the messages away: beside 保存 and under the fields.
func (p *formPane) clear() {
	p.say(widget.DangerImportance, "")
	p.form.clearErrors()
}

// selectWith returns a Select over options with a leading blank choice when optional.
func selectWith(options []string, optional bool) *widget.Select {
	if optional {
		options = append([]string{""}, options...)
	}
	return newSelect(options, nil)
}

// newSelect is widget.NewSelect with a Chinese placeholder: Fyne's own reads 「(Select one)」 and is not translated.
// Every select of the window is made here (TestSelectsAreMadeByNewSelect).
func newSelect(options []string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, changed)
	s.PlaceHolder = selectPlaceHolder
	return s
}

// selectPlaceHolder is what an empty select shows.
const selectPlaceHolder = "(请选择)"

// intEntry is an Entry for a whole number ≥ 0.
func intEntry() *textEntry {
	e := newTextEntry()
	e.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err != nil || n < 0 {
			return errors.New("请填写0或正整数")
		}
		return nil
	}
	return e
}

// atoi reads an intEntry (0 when empty).
func atoi(e *textEntry) int {
	n, _ := strconv.Atoi(strings.TrimSpace(e.Text))
	return n
}

// requiredEntry is an Entry that must not be blank.
func requiredEntry(what string) *textEntry {
	e := newTextEntry()
	e.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(what + "不能为空")
		}
		return nil
	}
	return e
}

// multiline is a wrapped multi-line Entry.
func multiline(rows int) *textEntry {
	e := newTextEntry()
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(rows)
	return e
}

// emptyDetail is what a detail pane shows before a record is chosen.
func emptyDetail(hint string) fyne.CanvasObject {
	l := widget.NewLabel(hint)
	l.Alignment = fyne.TextAlignCenter
	return container.NewCenter(l)
}

// boldLabel is a heading: a label in bold.
func boldLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// fixedWidth gives o a fixed width (a Select or Entry in an HBox is otherwise only as wide as its placeholder,
// and would cut a long choice such as 人民代表大会会议 or 社会保障和改善民生 to one character).
func fixedWidth(w float32, o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o)
}
