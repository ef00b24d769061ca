package ui

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// Nothing typed is lost (SPEC §2.7). Every form on screen — a record's form, a section of a meeting's record,
// a handling dialog, a settings section — has a formState: what it held when it was loaded or last saved, and
// how to read, fill, save and show it. From that one place:
//
//   - the form knows when it holds unsaved changes (what it holds now differs from what was loaded) and shows
//     「未保存」;
//   - closing the window, choosing another record, opening an import or restoring a backup asks
//     「保存」/「不保存」/「取消」 naming the record (desk.leave);
//   - a few seconds after the last change the values are written to the drafts table off the UI goroutine,
//     and removed on save, on 不保存, or when the form is back as it was (drafts.go); the next start offers
//     what is left.

// The kinds of form. One form of each kind is on screen at a time; a kind and a record key name a draft.
const (
	formDeputy      = "deputy"
	formReportBack  = "reportback"
	formStation     = "station"
	formReception   = "reception"
	formSuggestion  = "suggestion"
	formStep        = "suggestion." // + the step (交办, 答复 …): a handling dialog
	formMeeting     = "meeting"
	formAttendance  = "meeting.attendance"
	formAgenda      = "meeting.agenda"
	formResolutions = "meeting.resolutions"
	formElections   = "meeting.elections"
	formGuests      = "meeting.guests"
	formOffice      = "settings.office"
	formDeadlines   = "settings.deadlines"
	formHolidays    = "settings.holidays"
	formDict        = "settings.dict"
	formUnit        = "settings.unit"
	formTerm        = "settings.term"
	formGroup       = "settings.group"
	formDistrict    = "settings.district"
	formCounty      = "settings.county" // 报送与汇总 (settings_county.go)
)

// draftDelay is how long after the last change a form's draft is written; tests shorten it.
var draftDelay = 3 * time.Second

// formState is what the window knows of one form on screen. The form supplies get and set (its values as a
// JSON-able value, and back), save (its 保存), reveal (bring it into view) and mark (show 「未保存」); the state
// compares, asks, and keeps the draft.
type formState struct {
	d      *desk
	kind   string        // one of the form… kinds
	key    string        // the record's id, or "new"
	name   func() string // names the record: 建议「2024-012 关于修复村口路灯的建议」
	part   string        // the part of the record the form holds (出席情况, 答复 …); "" for the record itself
	base   any           // the record the form was opened on, kept with its draft (a new item's links …)
	get    func() any
	set    func(json.RawMessage) error
	save   func() error // shows its own message when it fails
	reveal func()
	mark   func(unsaved bool)
	root   fyne.CanvasObject // what the form is drawn in: Ctrl+S saves the form the cursor is in (keys.go)

	saved   string // get() as loaded or last saved, as JSON
	written string // the values of the draft last written, as JSON; "" when none
	drafted bool   // a draft of this form and record may be in the store
	filling bool   // set while values are put back: those changes are not the clerk's
	saving  bool   // set while its save runs: a form rebuilt meanwhile must not carry it over
	live    bool   // on screen (registered with the desk)
	timer   *time.Timer
}

// trackForm registers s as the form of its kind now on screen (the previous one of the kind is let go) and
// takes what it holds as saved.
func (d *desk) trackForm(s *formState) *formState {
	s.d = d
	s.saved = s.snapshot()
	if old := d.form(s.kind); old != nil {
		d.retire(old)
	}
	s.live = true
	d.forms = append(d.forms, s)
	return s
}

// retire lets a form go without touching its draft: it was saved, discarded or carried over, or its record
// was deleted (dropForms).
func (d *desk) retire(s *formState) {
	s.live = false
	if s.timer != nil {
		s.timer.Stop()
	}
	d.forms = slices.DeleteFunc(d.forms, func(x *formState) bool { return x == s })
}

// form returns the form of kind on screen, or nil.
func (d *desk) form(kind string) *formState {
	for _, s := range d.forms {
		if s.kind == kind {
			return s
		}
	}
	return nil
}

// formsOf returns the forms on screen of the given kinds (all of them for none), in the order they opened.
func (d *desk) formsOf(kinds []string) []*formState {
	var out []*formState
	for _, s := range d.forms {
		if len(kinds) == 0 || slices.Contains(kinds, s.kind) {
			out = append(out, s)
		}
	}
	return out
}

// snapshot is what the form holds now, as JSON (map keys sorted, so equal values give equal text).
func (s *formState) snapshot() string {
	b, err := json.Marshal(s.get())
	if err != nil {
		fyne.LogError("读取表单内容", err) // only values of our own types are marshalled
	}
	return string(b)
}

// dirty reports whether the form holds changes that are not saved.
func (s *formState) dirty() bool { return s.snapshot() != s.saved }

// title is the record and part, as the question names it: 会议「…」的出席情况.
func (s *formState) title() string {
	if s.part == "" {
		return s.name()
	}
	return s.name() + "的" + s.part
}

// draftLabel is what the start-up offer lists: 建议「2024-012 …」的内容, 会议「…」的出席情况.
func (s *formState) draftLabel() string {
	if s.part == "" {
		return s.name() + "的内容"
	}
	return s.title()
}

// touched follows every change of the form: the 「未保存」 mark, and the draft written draftDelay after the
// last change (or removed when the form is back as it was saved).
func (s *formState) touched() {
	if s.filling || !s.live {
		return
	}
	if s.mark != nil {
		s.mark(s.dirty())
	}
	if s.timer != nil {
		s.timer.Stop()
	}
	s.timer = time.AfterFunc(draftDelay, func() { fyne.Do(s.flush) })
}

// flush writes the draft now, when the form holds something not saved and not written yet, or removes it
// when the form is back as it was saved.
func (s *formState) flush() {
	if !s.live {
		return
	}
	now := s.snapshot()
	switch {
	case now == s.saved:
		if s.drafted {
			s.d.drafts.remove(s.kind, s.key)
		}
		s.drafted, s.written = false, ""
	case now != s.written:
		fields, err := json.Marshal(struct {
			Base any             `json:"base,omitempty"`
			Form json.RawMessage `json:"form"`
		}{s.base, json.RawMessage(now)})
		if err != nil {
			fyne.LogError("写草稿", err)
			return
		}
		s.d.drafts.write(store.Draft{Kind: s.kind, Key: s.key, Label: s.draftLabel(), Fields: string(fields)})
		s.drafted, s.written = true, now
	}
}

// reset takes what the form holds as saved (after a save, or a load from the store) and removes its draft.
func (s *formState) reset() {
	if s.timer != nil {
		s.timer.Stop()
	}
	s.saved = s.snapshot()
	if s.mark != nil {
		s.mark(false)
	}
	if s.drafted {
		s.d.drafts.remove(s.kind, s.key)
	}
	s.drafted, s.written = false, ""
}

// submit runs the form's 保存; when it went through, the form is saved and its draft removed.
func (s *formState) submit() error {
	s.saving = true
	err := s.save()
	s.saving = false
	if err == nil {
		s.reset()
	}
	return err
}

// discard puts back what the form held when it was saved (不保存) and removes its draft.
func (s *formState) discard() {
	s.fill(json.RawMessage(s.saved))
	s.reset()
}

// fill puts values into the form (a draft, a carried-over form, the saved values) and marks it as the values
// say.
func (s *formState) fill(raw json.RawMessage) {
	s.filling = true
	err := s.set(raw)
	s.filling = false
	if err != nil {
		fyne.LogError("填回表单内容", err) // values written by snapshot; the form shows what could be read
	}
	s.touched()
}

// leave runs proceed once no form of the given kinds (every form for none) holds unsaved changes: for each
// that does, it shows the form and asks 「保存」/「不保存」/「取消」 naming the record. 保存 saves and goes on
// only when the save went through (a refused save keeps the clerk on the form with its message); 不保存 puts
// the saved values back and goes on; 取消 stays, and calls cancel (when set).
func (d *desk) leave(kinds []string, proceed, cancel func()) {
	d.leaveFrom(kinds, map[*formState]bool{}, proceed, cancel)
}

func (d *desk) leaveFrom(kinds []string, asked map[*formState]bool, proceed, cancel func()) {
	stop := func() {
		if cancel != nil {
			cancel()
		}
	}
	for _, s := range d.formsOf(kinds) {
		if asked[s] || !s.dirty() {
			continue
		}
		asked[s] = true
		if s.reveal != nil {
			s.reveal()
		}
		d.askSave(s, func(choice string) {
			switch choice {
			case choiceSave:
				if s.submit() != nil {
					if s.reveal != nil {
						s.reveal()
					}
					stop()
					return
				}
			case choiceDiscard:
				s.discard()
			default:
				stop()
				return
			}
			d.leaveFrom(kinds, asked, proceed, cancel)
		})
		return
	}
	proceed()
}

// switchRecord is how a tab puts another record in its pane: display runs once the forms of the pane hold no
// unsaved changes (leave), then then; cancel runs when the clerk stays. The record already shown (same) is
// displayed again at once: display carries its forms' unsaved values over.
func (d *desk) switchRecord(forms []string, same bool, display, cancel, then func()) {
	proceed := func() {
		display()
		if then != nil {
			then()
		}
	}
	if same {
		proceed()
		return
	}
	d.leave(forms, proceed, cancel)
}

// samePane is what a record's pane keeps when it is built again for the record it shows (same): the unsaved
// values of its forms, for putBack, and the section page on screen.
func (d *desk) samePane(same bool, sections *container.AppTabs, forms ...string) (keep []keptForm, page int) {
	if !same {
		return nil, 0
	}
	if sections != nil {
		page = sections.SelectedIndex()
	}
	return d.keepDirty(forms...), page
}

// revealPage shows the tab whose content is o and, when the record has its sections, the page.
func (d *desk) revealPage(o fyne.CanvasObject, sections *container.AppTabs, page int) {
	d.showTab(o)
	if sections != nil {
		sections.SelectIndex(page)
	}
}

// leaveAll runs proceed once no form in the window holds unsaved changes (before an import, a restore).
// The tab the clerk was on is shown again before proceed.
func (d *desk) leaveAll(proceed func()) {
	tab := d.tabs.Selected()
	d.leave(nil, func() {
		d.tabs.Select(tab)
		proceed()
	}, func() { d.tabs.Select(tab) })
}

// The answers of the question.
const (
	choiceSave    = "保存"
	choiceDiscard = "不保存"
	choiceCancel  = "取消"
)

// askSave asks whether to save the form's changes: 「建议「2024-012 …」有未保存的修改」 with 保存, 不保存, 取消.
func (d *desk) askSave(s *formState, answer func(choice string)) {
	msg := widget.NewLabel(s.title() + "有未保存的修改。")
	msg.Wrapping = fyne.TextWrapWord
	hint := widget.NewLabel("保存：保存后继续；不保存：放弃这些修改后继续；取消：回到表单。")
	hint.Wrapping = fyne.TextWrapWord
	dlg := dialog.NewCustomWithoutButtons("保存修改吗？", container.NewVBox(msg, hint), d.win)
	button := func(label string, icon fyne.Resource) *widget.Button {
		return widget.NewButtonWithIcon(label, icon, func() {
			dlg.Hide()
			answer(label)
		})
	}
	save := button(choiceSave, theme.DocumentSaveIcon())
	save.Importance = widget.HighImportance
	dlg.SetButtons([]fyne.CanvasObject{button(choiceCancel, theme.CancelIcon()), button(choiceDiscard, theme.DeleteIcon()), save})
	dlg.Show()
	// Wide enough for a long title on one line; then as tall as the wrapped text at that width.
	dlg.Resize(fyne.NewSize(600, dlg.MinSize().Height))
	dlg.Resize(fyne.NewSize(600, dlg.MinSize().Height))
}

// requestClose is the window's close intercept: the window closes once no form holds unsaved changes.
func (d *desk) requestClose() {
	d.leave(nil, d.win.Close, nil)
}

// dropForms lets the forms of kinds go and removes their drafts: their record was deleted.
func (d *desk) dropForms(kinds ...string) {
	for _, s := range d.formsOf(kinds) {
		d.retire(s)
		d.drafts.remove(s.kind, s.key)
	}
}

// keptForm is a form's unsaved values carried over while its record's pane is built afresh.
type keptForm struct {
	kind, key, values, written string
	drafted                    bool
}

// keepDirty takes the unsaved values of the forms of kinds, except one being saved, before their pane is
// rebuilt for the same record (after a save of another part of it, or a handling step); putBack fills them
// into the new forms.
func (d *desk) keepDirty(kinds ...string) []keptForm {
	var out []keptForm
	for _, s := range d.formsOf(kinds) {
		if !s.saving && s.dirty() {
			out = append(out, keptForm{s.kind, s.key, s.snapshot(), s.written, s.drafted})
		}
	}
	return out
}

// putBack fills kept values into the forms now on screen of the same kind and record.
func (d *desk) putBack(kept []keptForm) {
	for _, k := range kept {
		if s := d.form(k.kind); s != nil && s.key == k.key {
			s.fill(json.RawMessage(k.values))
			s.drafted, s.written = k.drafted, k.written
		}
	}
}

// kept reports whether kind is among the kept forms.
func kept(ks []keptForm, kind string) bool {
	return slices.ContainsFunc(ks, func(k keptForm) bool { return k.kind == kind })
}

// recordKey is a draft's record key: the id, or "new".
func recordKey(id int64) string {
	if id == 0 {
		return "new"
	}
	return fmt.Sprint(id)
}

// quoted is 「text」, shortened to a line: 「关于修复村口路灯和…」; "" stays "".
func quoted(text string) string {
	text = strings.Join(strings.Fields(text), " ")
	if text == "" {
		return ""
	}
	if r := []rune(text); len(r) > 20 {
		text = string(r[:19]) + "…"
	}
	return "「" + text + "」"
}

// showTab selects the tab whose content is o.
func (d *desk) showTab(o fyne.CanvasObject) {
	if d.tabs == nil {
		return
	}
	for _, it := range d.tabs.Items {
		if d.tabContent(it) == o { // a tab not chosen yet holds its content aside (lazytabs.go)
			d.tabs.Select(it)
		}
	}
}

// unsavedMark is the 「未保存」 line a form shows while it holds changes not saved.
func unsavedMark() *widget.Label {
	l := widget.NewLabelWithStyle("有未保存的修改", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Importance = widget.WarningImportance
	l.Hide()
	return l
}

// showMark shows or hides a 「未保存」 mark, and lays out again the row it is in (a row lays out only what is
// shown, so a mark shown later would otherwise be drawn over the row's first item).
func showMark(l *widget.Label, row *fyne.Container) func(bool) {
	return func(on bool) {
		if on == l.Visible() {
			return
		}
		if on {
			l.Show()
		} else {
			l.Hide()
		}
		row.Refresh()
	}
}

// ---- The values of a form's inputs, read and written by their labels ----

// watchInputs calls fn after every change the clerk makes in the inputs inside o (entries, selects, checks,
// pickers …), after what the input already does. Call it once the form has set its own handlers.
func watchInputs(o fyne.CanvasObject, fn func()) {
	for _, in := range inputsIn(o) {
		switch x := in.(type) {
		case *widget.Entry:
			prev := x.OnChanged
			x.OnChanged = func(v string) { callString(prev, v); fn() }
		case *textEntry:
			prev := x.OnChanged
			x.OnChanged = func(v string) { callString(prev, v); fn() }
		case *dateEntry:
			prev := x.OnChanged
			x.OnChanged = func(v string) { callString(prev, v); fn() }
		case *widget.SelectEntry:
			prev := x.OnChanged
			x.OnChanged = func(v string) { callString(prev, v); fn() }
		case *widget.Select:
			prev := x.OnChanged
			x.OnChanged = func(v string) { callString(prev, v); fn() }
		case *filterSelect:
			prev := x.OnChanged
			x.OnChanged = func(v string) { callString(prev, v); fn() }
		case *widget.RadioGroup:
			prev := x.OnChanged
			x.OnChanged = func(v string) { callString(prev, v); fn() }
		case *widget.Check:
			prev := x.OnChanged
			x.OnChanged = func(v bool) {
				if prev != nil {
					prev(v)
				}
				fn()
			}
		case *widget.CheckGroup:
			prev := x.OnChanged
			x.OnChanged = func(v []string) {
				if prev != nil {
					prev(v)
				}
				fn()
			}
		case *idPicker:
			prev := x.OnChange
			x.OnChange = func(v []int64) {
				if prev != nil {
					prev(v)
				}
				fn()
			}
		case *suggestionDeputyPicker:
			prev := x.OnChange
			x.OnChange = func(v int64) {
				if prev != nil {
					prev(v)
				}
				fn()
			}
		case *settingsChooser:
			prev := x.OnChange
			x.OnChange = func() {
				if prev != nil {
					prev()
				}
				fn()
			}
		}
	}
}

func callString(f func(string), v string) {
	if f != nil {
		f(v)
	}
}

// inputsIn returns the inputs inside o, in order: o itself when it is one, else those in its containers.
func inputsIn(o fyne.CanvasObject) []fyne.CanvasObject {
	switch x := o.(type) {
	case *widget.Entry, *textEntry, *dateEntry, *widget.SelectEntry, *widget.Select, *filterSelect, *widget.RadioGroup,
		*widget.Check, *widget.CheckGroup, *idPicker, *suggestionDeputyPicker, *settingsChooser:
		return []fyne.CanvasObject{o}
	case *fyne.Container:
		var out []fyne.CanvasObject
		for _, c := range x.Objects {
			out = append(out, inputsIn(c)...)
		}
		return out
	}
	return nil
}

// formInput is an input of a form with the key its value goes by: the item's label (「#3」 for an item
// without one), with 「/n」 for the n-th input of an item that holds several (六个有).
type formInput struct {
	key string
	in  fyne.CanvasObject
}

func formInputs(items []*widget.FormItem) []formInput {
	var out []formInput
	for i, it := range items {
		key := it.Text
		if key == "" {
			key = fmt.Sprintf("#%d", i)
		}
		ins := inputsIn(it.Widget)
		for k, in := range ins {
			if len(ins) == 1 {
				out = append(out, formInput{key, in})
			} else {
				out = append(out, formInput{fmt.Sprintf("%s/%d", key, k), in})
			}
		}
	}
	return out
}

// formValues reads the inputs of a form's items as text by key.
func formValues(items []*widget.FormItem) map[string]string {
	out := map[string]string{}
	for _, f := range formInputs(items) {
		out[f.key] = inputValue(f.in)
	}
	return out
}

// setFormValues puts values read by formValues back, item by item in the form's order, so that an input whose
// choice enables another (提出时段 → 人代会) is set before it.
func setFormValues(items []*widget.FormItem, values map[string]string) {
	for _, f := range formInputs(items) {
		if v, ok := values[f.key]; ok {
			setInputValue(f.in, v)
		}
	}
}

// inputValue is an input's value as text: lists one value a line (in the order of the choices, so that
// ticking in another order changes nothing), a chosen record as id and name.
func inputValue(o fyne.CanvasObject) string {
	switch x := o.(type) {
	case *widget.Entry:
		return x.Text
	case *textEntry:
		return x.Text
	case *dateEntry:
		return x.Text
	case *widget.SelectEntry:
		return x.Text
	case *widget.Select:
		return x.Selected
	case *filterSelect:
		return x.Selected
	case *widget.RadioGroup:
		return x.Selected
	case *widget.Check:
		if x.Checked {
			return "1"
		}
		return ""
	case *widget.CheckGroup:
		var on []string
		for _, opt := range x.Options {
			if slices.Contains(x.Selected, opt) {
				on = append(on, opt)
			}
		}
		return strings.Join(on, "\n")
	case *idPicker:
		ids := make([]string, len(x.selected))
		for i, id := range x.selected {
			ids[i] = fmt.Sprint(id)
		}
		return strings.Join(ids, ",")
	case *suggestionDeputyPicker:
		return chosenValue(x.id, x.name)
	case *settingsChooser:
		return chosenValue(x.id, x.name)
	}
	return ""
}

// chosenValue is a chosen record as text: 12	王建国; "" for none.
func chosenValue(id int64, name string) string {
	if id == 0 {
		return ""
	}
	return fmt.Sprintf("%d\t%s", id, name)
}

// parseChosen reads chosenValue.
func parseChosen(v string) (id int64, name string) {
	n, name, _ := strings.Cut(v, "\t")
	fmt.Sscan(n, &id)
	return id, name
}

// setInputValue puts a value read by inputValue back into the input.
func setInputValue(o fyne.CanvasObject, v string) {
	switch x := o.(type) {
	case *widget.Entry:
		x.SetText(v)
	case *textEntry:
		x.SetText(v)
	case *dateEntry:
		x.SetText(v)
	case *widget.SelectEntry:
		x.SetText(v)
	case *widget.Select:
		if v == "" {
			x.ClearSelected()
		} else {
			x.SetSelected(v)
		}
	case *filterSelect:
		if v == "" {
			x.ClearSelected()
		} else {
			x.SetSelected(v)
		}
	case *widget.RadioGroup:
		x.SetSelected(v)
	case *widget.Check:
		x.SetChecked(v != "")
	case *widget.CheckGroup:
		var on []string
		if v != "" {
			on = strings.Split(v, "\n")
		}
		x.SetSelected(on)
	case *idPicker:
		var ids []int64
		for _, s := range strings.Split(v, ",") {
			var id int64
			if _, err := fmt.Sscan(s, &id); err == nil {
				ids = append(ids, id)
			}
		}
		x.SetSelected(ids)
	case *suggestionDeputyPicker:
		x.SetDeputy(parseChosen(v))
	case *settingsChooser:
		x.SetSelected(parseChosen(v))
	}
}

// trackValues is the state of a form whose inputs are the given items: get and set read and write their
// values by label, and every change the clerk makes in them is followed.
func trackValues(items func() []*widget.FormItem) (get func() any, set func(json.RawMessage) error, watch func(fn func())) {
	get = func() any { return formValues(items()) }
	set = func(raw json.RawMessage) error {
		var v map[string]string
		if err := json.Unmarshal(raw, &v); err != nil {
			return err
		}
		setFormValues(items(), v)
		return nil
	}
	watch = func(fn func()) {
		for _, it := range items() {
			watchInputs(it.Widget, fn)
		}
	}
	return get, set, watch
}

// rowsState is get and set for a form that edits a list of rows held in *rows, then redrawn by redraw.
func rowsState[T any](rows *[]*T, redraw func()) (get func() any, set func(json.RawMessage) error) {
	get = func() any { return *rows }
	set = func(raw json.RawMessage) error {
		var v []*T
		if err := json.Unmarshal(raw, &v); err != nil {
			return err
		}
		*rows = v
		redraw()
		return nil
	}
	return get, set
}

// dropFormsQuietly lets the forms of kinds go, keeping their drafts: their pane was rebuilt for another
// record after the clerk was asked (or carried their values over).
func (d *desk) dropFormsQuietly(kinds ...string) {
	for _, s := range d.formsOf(kinds) {
		d.retire(s)
	}
}
