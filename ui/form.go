package ui

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// formPane is a record form in a detail pane: the fields, a line that says in Chinese what is wrong, and 保存.
// Entries validate as the clerk types; the store's own check on save names the field, and that field is
// marked too. Once tracked (track), it knows when it holds unsaved changes and says so beside its title.
type formPane struct {
	form    *widget.Form
	msg     *widget.Label
	title   *widget.Label
	unsaved *widget.Label
	header  *fyne.Container // the title with the 「未保存」 mark beside it
	byLabel map[string]fyne.CanvasObject
	content fyne.CanvasObject
	scroll  *container.Scroll
	first   fyne.Focusable // the field 编辑 puts the cursor in
	onSave  func() error
	state   *formState
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
	p.msg = widget.NewLabel("")
	p.msg.Importance = widget.DangerImportance
	p.msg.Wrapping = fyne.TextWrapWord
	p.msg.Hide()
	p.title = boldLabel("")
	p.unsaved = unsavedMark()
	p.onSave = onSave
	p.form = &widget.Form{Items: items, SubmitText: "保存"}
	p.form.OnSubmit = func() {
		if p.state != nil {
			p.state.submit()
		} else {
			p.save()
		}
	}
	// Scrolls both ways, so that a wide form never squeezes the list beside it.
	p.header = container.NewHBox(p.title, p.unsaved)
	p.scroll = container.NewScroll(container.NewVBox(p.header, p.msg, p.form))
	p.content = p.scroll
	return p
}

// save runs the form's 保存 and shows its message when the store refuses.
func (p *formPane) save() error {
	p.clear()
	err := p.onSave()
	if err != nil {
		p.showError(err)
	}
	return err
}

// track makes the form's state known to the window (guard.go) as the form of kind for the record key, opened
// on base (a new record's links, kept with its draft), named by name, brought into view by reveal. Call it
// once the fields hold the record and their own handlers are set.
func (p *formPane) track(d *desk, kind, key string, base any, name func() string, reveal func()) *formState {
	get, set, watch := trackValues(func() []*widget.FormItem { return p.form.Items })
	p.state = d.trackForm(&formState{kind: kind, key: key, base: base, name: name, get: get, set: set,
		save: p.save, reveal: reveal, mark: showMark(p.unsaved, p.header)})
	watch(p.state.touched)
	return p.state
}

// showError shows the message and marks the field it names.
func (p *formPane) showError(err error) {
	msg := store.ErrorMessage(err)
	p.msg.SetText(msg)
	p.msg.Show()
	p.scroll.ScrollToTop() // 保存 sits at the bottom of a long form; the message is at the top
	var se *store.Error
	if errors.As(err, &se) && se.Field != "" {
		if e, ok := p.byLabel[se.Field].(interface{ SetValidationError(error) }); ok {
			e.SetValidationError(errors.New(msg))
		}
	}
}

// showInfo shows a neutral line (已保存 …).
func (p *formPane) showInfo(msg string) {
	p.msg.Importance = widget.SuccessImportance
	p.msg.SetText(msg)
	p.msg.Show()
}

func (p *formPane) clear() {
	p.msg.Importance = widget.DangerImportance
	p.msg.SetText("")
	p.msg.Hide()
}

// selectWith returns a Select over options with a leading blank choice when optional.
func selectWith(options []string, optional bool) *widget.Select {
	if optional {
		options = append([]string{""}, options...)
	}
	s := widget.NewSelect(options, nil)
	s.PlaceHolder = "(请选择)"
	return s
}

// intEntry is an Entry for a whole number ≥ 0.
func intEntry() *widget.Entry {
	e := widget.NewEntry()
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
func atoi(e *widget.Entry) int {
	n, _ := strconv.Atoi(strings.TrimSpace(e.Text))
	return n
}

// requiredEntry is an Entry that must not be blank.
func requiredEntry(what string) *widget.Entry {
	e := widget.NewEntry()
	e.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(what + "不能为空")
		}
		return nil
	}
	return e
}

// multiline is a wrapped multi-line Entry.
func multiline(rows int) *widget.Entry {
	e := widget.NewMultiLineEntry()
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
