package ui

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// The handling of an item (SPEC §4) from the 建议 tab: a row of buttons above the item's pages offers exactly
// the steps the store allows next (Suggestion.NextSteps), each opening a dialog with that step's fields. The
// store validates and records the step; the dialogs only collect what it needs and show its answer.

// stepLabel is the button text of a step: the step's own name, except that the reply to a forwarded item is
// the upper level's (上级答复).
func stepLabel(x store.Suggestion, step string) string {
	if step == store.StepReply && x.State == store.StateForwarded {
		return "上级答复"
	}
	return step
}

// actionBar builds the row of step buttons for x; empty (hidden) when nothing more can be done.
func (t *suggestionsTab) actionBar(x store.Suggestion) fyne.CanvasObject {
	t.actions = container.NewHBox()
	t.actionMsg = widget.NewLabel("")
	t.actionMsg.Importance = widget.SuccessImportance
	t.actionMsg.Truncation = fyne.TextTruncateEllipsis
	t.actionMsg.Hide()
	r, err := t.d.db.Rules(t.d.ctx)
	if err != nil {
		t.actionMsg.Importance = widget.DangerImportance
		t.actionMsg.SetText(store.ErrorMessage(err))
		t.actionMsg.Show()
		return container.NewBorder(nil, nil, t.actions, nil, t.actionMsg)
	}
	steps := x.NextSteps(r)
	for _, step := range steps {
		b := widget.NewButton(stepLabel(x, step), func() { t.openStep(x, step, r) })
		if step == steps[0] {
			b.Importance = widget.HighImportance // the usual next step
		}
		t.actions.Add(b)
	}
	row := container.NewBorder(nil, nil, t.actions, nil, t.actionMsg)
	if len(steps) == 0 {
		row.Hide()
	}
	return row
}

// openStep opens the dialog of one step on x, its typed values kept like a form's (guard.go): a draft while
// it is open, and a question before 取消 or closing the window throws them away.
func (t *suggestionsTab) openStep(x store.Suggestion, step string, r store.Rules) *stepForm {
	f := t.stepDialog(x, step, r)
	if f != nil {
		f.require(step)
		f.track(t.d, x, step)
	}
	return f
}

// stepDialog builds the dialog of one step on x.
func (t *suggestionsTab) stepDialog(x store.Suggestion, step string, r store.Rules) *stepForm {
	switch step {
	case store.StepAssign:
		return t.assignDialog(x, r)
	case store.StepForward:
		return t.forwardDialog(x)
	case store.StepReject, store.StepWithdraw:
		return t.terminateDialog(x, step)
	case store.StepReply:
		return t.replyDialog(x)
	case store.StepExtend:
		return t.extendDialog(x, r)
	case store.StepEvaluate:
		return t.evaluateDialog(x, r)
	case store.StepFollowUp:
		return t.followUpDialog(x)
	case store.StepFeedback:
		return t.dateStepDialog(x, step, "反馈日期", "已向选民反馈办理情况", func(d store.Date) error {
			return t.d.db.FeedbackVoter(t.d.ctx, x.ID, d)
		})
	case store.StepClose:
		return t.dateStepDialog(x, step, "办结日期", "已办结", func(d store.Date) error {
			return t.d.db.CloseVoterItem(t.d.ctx, x.ID, d)
		})
	}
	return nil
}

// stepDone shows the item as the store now has it: its list row, the pane (on 办理过程) and a line saying what
// was recorded.
func (t *suggestionsTab) stepDone(id int64, info string) {
	x, err := t.d.db.Suggestion(t.d.ctx, id)
	if err != nil {
		t.d.showError(err)
		return
	}
	t.replaceRow(x)
	t.display(x)
	if t.panes != nil {
		t.panes.SelectIndex(1)
	}
	t.actionMsg.SetText(info)
	t.actionMsg.Show()
}

// replaceRow updates an item's row in the loaded pages of the list without reloading it, so the clerk keeps
// the place in a long list. The row stays until the next reload even when the item now falls out of the filter.
func (t *suggestionsTab) replaceRow(x store.Suggestion) {
	for _, rows := range t.list.pages {
		for i := range rows {
			if rows[i].ID == x.ID {
				rows[i] = x
			}
		}
	}
	t.list.table.Refresh()
}

// stepForm is the dialog of one workflow step: a heading naming the item, the fields (fieldForm: ＊ for what
// the step requires, each problem under its field), a line for a problem that names no field, and 确定/取消.
// When the store refuses, the dialog stays open with every problem shown. The dialog is sized once for all
// its fields, those a choice shows included (重新办理时限 after 不满意), so that nothing under the mouse moves.
type stepForm struct {
	dlg    *dialog.CustomDialog
	form   *fieldForm
	items  []*widget.FormItem // every field, also those shown only for some answers (重新办理时限)
	msg    *widget.Label
	ok     *widget.Button
	cancel *widget.Button
	width  float32
	save   func() error
	after  func() // runs once the dialog has closed after a successful save
	state  *formState
	box    *fyne.Container
}

// newStepForm builds and shows a step dialog. top (may be nil) sits above the fields; save runs after the
// fields validate and returns the store's answer.
func newStepForm(win fyne.Window, title, head string, top fyne.CanvasObject, items []*widget.FormItem, save func() error) *stepForm {
	f := &stepForm{width: 600, items: items, save: save}
	f.form = newFieldForm(items)
	f.form.OnSubmit = func() { f.ok.OnTapped() }
	f.msg = widget.NewLabel("")
	f.msg.Importance = widget.DangerImportance
	f.msg.Wrapping = fyne.TextWrapWord
	heading := widget.NewLabel(head)
	heading.Wrapping = fyne.TextWrapWord
	f.box = container.NewVBox(heading)
	if top != nil {
		f.box.Add(top)
	}
	// The line for a problem that names no field keeps its place, empty or not.
	f.box.Add(f.form)
	f.box.Add(container.New(minHeight{lines: 2}, f.msg))
	f.ok = widget.NewButton("确定", func() {
		if f.state != nil {
			f.state.submit()
		} else {
			f.submit()
		}
	})
	f.ok.Importance = widget.HighImportance
	f.cancel = widget.NewButton("取消", func() {
		if f.state != nil {
			f.state.d.leave([]string{f.state.kind}, f.close, nil)
		} else {
			f.close()
		}
	})
	f.dlg = dialog.NewCustomWithoutButtons(title, f.box, win)
	f.dlg.SetButtons([]fyne.CanvasObject{f.cancel, f.ok})
	f.dlg.Show()
	f.fit()
	giveBackFocus(items)
	return f
}

// submit records the step; when the store agrees the dialog closes, else every problem shows. The store checks
// every field itself (dates are given as typed, so that it names one that is not a date); a problem an input
// finds in a field the store let pass is shown too.
func (f *stepForm) submit() error {
	f.clear()
	err := f.save()
	if err != nil {
		errs := store.ErrorsOf(err)
		if errs == nil {
			errs = []*store.Error{{Message: store.ErrorMessage(err)}}
		}
		errs = mergeErrors(errs, f.form.inputErrors())
		f.showError(store.FieldErrors(errs))
		return err
	}
	f.close()
	if f.after != nil {
		f.after()
	}
	return nil
}

// close hides the dialog; its form is no longer on screen.
func (f *stepForm) close() {
	f.dlg.Hide()
	if f.state != nil {
		f.state.d.retire(f.state)
	}
}

// track makes the dialog's fields a form of the window (guard.go): the step on item x, its draft kept
// until the step is recorded or the clerk lets it go.
func (f *stepForm) track(d *desk, x store.Suggestion, step string) {
	f.trackAs(d, formStep+step, recordKey(x.ID), nil, func() string { return "建议" + quoted(x.Number+" "+x.Title) },
		stepLabel(x, step))
}

// trackAs makes the dialog's fields a form of the window (guard.go) of kind for the record key, opened on base
// (kept with its draft), named by name, holding part of the record ("" for the record itself): closing it or
// the window with changes asks, and a draft is kept until it is saved or let go.
func (f *stepForm) trackAs(d *desk, kind, key string, base any, name func() string, part string) {
	f.trackWith(d, kind, key, base, name, part, nil, nil)
}

// trackWith is trackAs for a dialog that holds more than its fields (rows, ticks): get and set read and
// write all of it (nil for the fields alone); the dialog calls f.state.touched on the changes of the rest.
func (f *stepForm) trackWith(d *desk, kind, key string, base any, name func() string, part string, get func() any, set func(json.RawMessage) error) {
	if get == nil {
		get, set, _ = trackValues(func() []*widget.FormItem { return f.items })
	}
	f.state = d.trackForm(&formState{kind: kind, key: key, base: base, part: part, name: name, get: get, set: set,
		save: f.submit, root: f.box})
	for i, it := range f.items {
		watchInputs(it.Widget, func() {
			f.form.changed(i)
			f.state.touched()
		})
	}
}

// require marks with ＊ the fields the step cannot be recorded without, as the store's check of it says.
func (f *stepForm) require(step string) { f.form.setRequired(store.StepRequired(step)) }

// fit sizes the dialog to its content, every field a choice may show counted.
func (f *stepForm) fit() {
	f.dlg.Resize(fyne.NewSize(max(f.width, f.dlg.MinSize().Width), f.dlg.MinSize().Height))
}

// showError shows each problem under the field it names, and below the fields one that names none.
func (f *stepForm) showError(err error) {
	var rest []string
	for _, e := range f.form.setErrors(store.ErrorsOf(err)) {
		rest = append(rest, e.Message)
	}
	f.msg.SetText(strings.Join(rest, "\n"))
}

func (f *stepForm) clear() {
	f.msg.SetText("")
	f.form.clearErrors()
}

// minHeight keeps its object at least lines text lines tall, so that a message appearing in it does not make
// the dialog taller (a dialog is centred: growing would move every field).
type minHeight struct{ lines int }

// MinSize is the object's, at least lines lines tall.
func (m minHeight) MinSize(objects []fyne.CanvasObject) fyne.Size {
	s := objects[0].MinSize()
	line := fyne.MeasureText("国", theme.TextSize(), fyne.TextStyle{}).Height
	return fyne.NewSize(s.Width, fyne.Max(s.Height, float32(m.lines)*line+2*theme.InnerPadding()))
}

// Layout gives the object the whole space.
func (minHeight) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(size)
}

// giveBackFocus lets Esc and the window's shortcuts reach the window after the clerk picks in a dialog:
// Fyne focuses a choice (a radio button, a check box, a drop-down) when it is tapped, and such a widget
// keeps every key it does not use, Esc included.
func giveBackFocus(items []*widget.FormItem) {
	for _, it := range items {
		for _, in := range inputsIn(it.Widget) {
			switch x := in.(type) {
			case *widget.RadioGroup:
				prev := x.OnChanged
				x.OnChanged = func(v string) { callString(prev, v); unfocusChoice(x) }
			case *widget.Select:
				prev := x.OnChanged
				x.OnChanged = func(v string) { callString(prev, v); unfocusChoice(x) }
			case *widget.Check:
				prev := x.OnChanged
				x.OnChanged = func(v bool) {
					if prev != nil {
						prev(v)
					}
					unfocusChoice(x)
				}
			}
		}
	}
}

// unfocusChoice takes the focus from a choice widget, unless a text box has it.
func unfocusChoice(o fyne.CanvasObject) {
	c := canvasOf(o)
	if c == nil {
		return
	}
	switch c.Focused().(type) {
	case *textEntry, *dateEntry, *pickerSearch, *widget.Entry, nil:
		return
	}
	c.Unfocus()
}

// stepHead names the item in a step dialog: 2024-012 关于修复村口路灯的建议.
func stepHead(x store.Suggestion) string {
	return x.Number + "　" + x.Title
}

// dateField is a required date field showing d.
func dateField(d store.Date) *dateEntry {
	e := newDateEntry(true)
	e.SetDate(d)
	return e
}

// requiredText is a multi-line entry that must not be blank.
func requiredText(what string, rows int) *textEntry {
	e := multiline(rows)
	e.Validator = requiredEntry(what).Validator
	return e
}

// autoDate keeps a date field at a default computed from another date field until the clerk edits it: when
// the source date changes, the field follows as long as it still shows the previous default. changed (may
// be nil) runs after every change of the source date.
func autoDate(from, field *dateEntry, compute func(store.Date) store.Date, changed func()) {
	last := field.Text
	from.OnChanged = func(string) {
		if changed != nil {
			defer changed()
		}
		d := from.Date()
		if d == "" || (field.Text != last && field.Text != "") {
			return
		}
		last = string(compute(d))
		field.SetText(last)
	}
}

// deadlineNote is the line under a computed deadline that says how it was counted (the store's words), or
// that the clerk has changed it: 「交办之日起3个月，顺延至工作日：2025年3月3日(星期一；3月1日是星期六，顺延)」.
func deadlineNote() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord // in the text colour: a low-importance grey is too faint to read the rule by
	return l
}

// sayCounted puts into note how the default deadline c was counted, and whether field still shows it.
func sayCounted(note *widget.Label, field *dateEntry, c store.CountedDeadline) {
	if c.Date == "" {
		note.SetText("")
		return
	}
	text := "按规定：" + c.Explain()
	if d := field.Date(); d != "" && d != c.Date {
		text = "已改为" + d.Chinese() + "。" + text
	}
	note.SetText(text)
}

// unitOptions lists the handling units for the 协办单位 picker: 「镇农业农村办(镇属部门)」.
func unitOptions(units []store.Unit) []option {
	out := make([]option, len(units))
	for i, u := range units {
		out[i] = option{u.ID, u.Name + "(" + u.Kind + ")"}
	}
	return out
}

// assignFields are the fields of 交办, shared by one item's dialog and 批量交办.
type assignFields struct {
	units    []store.Unit
	main     *filterSelect
	assist   *idPicker
	date     *dateEntry
	deadline *dateEntry
	note     *widget.Label // how the default 办理时限 is counted
}

func newAssignFields(units []store.Unit, r store.Rules, today store.Date) *assignFields {
	f := &assignFields{units: units, note: deadlineNote()}
	var names []string
	for _, u := range units {
		names = append(names, u.Name)
	}
	// 42 units and more: the clerk types part of the name.
	f.main = newFilterSelect(names, false)
	f.assist = newIDPicker("选择协办单位", func() []option { return unitOptions(units) })
	f.assist.hint = "输入单位名称筛选"
	f.date = dateField(today)
	f.deadline = newDateEntry(false) // blank: the store counts the default
	f.deadline.SetDate(r.AssignDeadline(today))
	say := func() { sayCounted(f.note, f.deadline, r.CountAssignDeadline(f.date.Date())) }
	autoDate(f.date, f.deadline, r.AssignDeadline, say)
	f.deadline.OnChanged = func(string) { say() }
	say()
	return f
}

func (f *assignFields) items(r store.Rules) []*widget.FormItem {
	return []*widget.FormItem{
		widget.NewFormItem("主办单位", f.main),
		widget.NewFormItem("协办单位", f.assist),
		widget.NewFormItem("交办日期", f.date),
		{Text: "办理时限", Widget: f.deadline, HintText: fmt.Sprintf("可修改；最长不超过交办之日起%d个月", r.Settings.MaxExtensionMonths)},
		widget.NewFormItem("", f.note),
	}
}

// input is what the fields say, for the store (dates as typed, so that it names one that is not a date).
func (f *assignFields) input() store.AssignInput {
	in := store.AssignInput{AssistUnitIDs: f.assist.Selected(), Date: f.date.Typed(), Deadline: f.deadline.Typed()}
	for _, u := range f.units {
		if u.Name == f.main.Selected {
			in.MainUnitID = u.ID
		}
	}
	return in
}

func (t *suggestionsTab) assignDialog(x store.Suggestion, r store.Rules) *stepForm {
	f := newAssignFields(t.units, r, t.today())
	head := stepHead(x) + "\n收到日期：" + x.Received.Chinese()
	if x.AssignLate(r, t.today()) {
		head += fmt.Sprintf("(已超过%d个工作日未交办，应于%s前交办)", r.Settings.AssignWorkdays, r.AssignDue(x.Received).Chinese())
	}
	form := newStepForm(t.d.win, "交办", head, nil, f.items(r), func() error {
		in := f.input()
		if err := t.d.db.Assign(t.d.ctx, x.ID, in); err != nil {
			return err
		}
		t.stepDone(x.ID, "已交办，主办单位："+f.main.Selected)
		return nil
	})
	form.width = 640
	form.fit()
	return form
}

func (t *suggestionsTab) forwardDialog(x store.Suggestion) *stepForm {
	var targets []string
	if u := strings.TrimSpace(t.settings.UpperCongress); u != "" {
		targets = append(targets, u)
	}
	targets = append(targets, "市人大代表")
	to := widget.NewSelectEntry(targets)
	to.SetText(targets[0])
	to.Validator = requiredEntry("转交对象").Validator
	date := dateField(t.today())
	items := []*widget.FormItem{
		{Text: "转交对象", Widget: to, HintText: "可从列表中选，也可直接填写"},
		widget.NewFormItem("转交日期", date),
	}
	head := stepHead(x) + "\n涉及层面：" + t.settings.LevelLabel(x.Scope) + "，转交上级后由上级办理并答复"
	return newStepForm(t.d.win, "转交上级", head, nil, items, func() error {
		if err := t.d.db.Forward(t.d.ctx, x.ID, to.Text, date.Typed()); err != nil {
			return err
		}
		t.stepDone(x.ID, "已转交"+strings.TrimSpace(to.Text))
		return nil
	})
}

func (t *suggestionsTab) terminateDialog(x store.Suggestion, kind string) *stepForm {
	reason := requiredText(kind+"理由", 3)
	date := dateField(t.today())
	items := []*widget.FormItem{
		widget.NewFormItem(kind+"理由", reason),
		widget.NewFormItem(kind+"日期", date),
	}
	head := stepHead(x) + "\n" + kind + "后此件不再办理(状态为「已终止」)"
	return newStepForm(t.d.win, kind, head, nil, items, func() error {
		if err := t.d.db.Terminate(t.d.ctx, x.ID, kind, reason.Text, date.Typed()); err != nil {
			return err
		}
		t.stepDone(x.ID, "已"+strings.TrimPrefix(kind, "已"))
		return nil
	})
}

func (t *suggestionsTab) replyDialog(x store.Suggestion) *stepForm {
	title := stepLabel(x, store.StepReply)
	date := dateField(t.today())
	method := widget.NewRadioGroup(store.ReplyMethods, nil)
	method.Horizontal, method.Required = true, true
	method.SetSelected(store.MethodWritten)
	outcome := newSelect(store.Outcomes, nil)
	content := requiredText("答复内容", 6)
	items := []*widget.FormItem{
		widget.NewFormItem("答复日期", date),
		widget.NewFormItem("答复方式", method),
		{Text: "办理结果", Widget: outcome, HintText: "留作参考：因条件限制暂不能解决"},
		widget.NewFormItem("答复内容", content),
	}
	head := stepHead(x)
	switch {
	case x.State == store.StateForwarded:
		head += "\n转交：" + x.ForwardTo
	case x.MainUnitName != "":
		head += "\n主办单位：" + x.MainUnitName + "　办理时限：" + x.Deadline.Chinese()
	}
	if x.Round > 1 {
		head += fmt.Sprintf("\n第%d轮办理", x.Round)
	}
	f := newStepForm(t.d.win, title, head, nil, items, func() error {
		in := store.ReplyInput{Date: date.Typed(), Method: method.Selected, Content: content.Text, Outcome: outcome.Selected}
		if err := t.d.db.Reply(t.d.ctx, x.ID, in); err != nil {
			return err
		}
		t.stepDone(x.ID, "已记录"+title+"："+outcome.Selected)
		return nil
	})
	f.width = 640
	f.fit()
	return f
}

// evaluateDialog records the lead deputy's evaluation. Choosing 不满意 shows the next round and its deadline,
// with how that deadline is counted, in room kept for them from the start: the fields above never move.
func (t *suggestionsTab) evaluateDialog(x store.Suggestion, r store.Rules) *stepForm {
	date := dateField(t.today())
	grade := widget.NewRadioGroup(store.Grades, nil)
	grade.Horizontal, grade.Required = true, true
	comment := multiline(3)
	// The next round: an assigned item returns to its unit with a new deadline; a forwarded one to the upper
	// level, which sets its own.
	forwarded := x.MainUnitID == 0
	next := fmt.Sprintf("不满意：将进入第%d轮办理", x.Round+1)
	if forwarded {
		next += "，再次请" + x.ForwardTo + "办理"
	} else {
		next += "，由" + x.MainUnitName + "重新办理"
	}
	note := widget.NewLabel(next)
	note.Importance = widget.WarningImportance
	note.Wrapping = fyne.TextWrapWord
	rehandle := newDateEntry(false) // blank: the store counts the default
	rehandle.SetDate(r.RehandleDeadline(t.today()))
	counted := deadlineNote()
	say := func() { sayCounted(counted, rehandle, r.CountRehandleDeadline(x, date.Date())) }
	autoDate(date, rehandle, r.RehandleDeadline, say)
	rehandle.OnChanged = func(string) { say() }
	say()
	items := []*widget.FormItem{
		widget.NewFormItem("评价日期", date),
		widget.NewFormItem("评价结果", grade),
		widget.NewFormItem("评价意见", comment),
		// Shown only for 不满意, as rows of the same form so that the labels line up.
		widget.NewFormItem("下一轮", note),
	}
	if !forwarded {
		items = append(items, &widget.FormItem{Text: "重新办理时限", Widget: rehandle, HintText: "可修改"},
			widget.NewFormItem("时限说明", container.New(minHeight{lines: 3}, counted)))
	}
	branch := []string{"下一轮", "重新办理时限", "时限说明"}
	head := stepHead(x) + "\n领衔代表：" + x.LeadDeputyName
	if x.Outcome != "" {
		head += "　办理结果：" + x.Outcome
	}
	var f *stepForm
	grade.OnChanged = func(v string) {
		if f == nil {
			return
		}
		for _, label := range branch {
			f.form.showRow(label, v == store.GradeUnsatisfied, true)
		}
	}
	f = newStepForm(t.d.win, "代表评价", head, nil, items, func() error {
		in := store.EvaluateInput{Date: date.Typed(), Grade: grade.Selected, Comment: strings.TrimSpace(comment.Text)}
		if grade.Selected == store.GradeUnsatisfied && !forwarded {
			in.Deadline = rehandle.Typed()
		}
		if err := t.d.db.Evaluate(t.d.ctx, x.ID, in); err != nil {
			return err
		}
		info := "已记录代表评价：" + grade.Selected
		if grade.Selected == store.GradeUnsatisfied {
			info += fmt.Sprintf("，进入第%d轮办理", x.Round+1)
		}
		t.stepDone(x.ID, info)
		return nil
	})
	f.width = 640
	f.fit() // with every row of the 不满意 branch, then those rows are hidden in the room kept for them
	grade.OnChanged(grade.Selected)
	return f
}

// extendDialog moves the deadline, at most to the store's limit (交办之日起6个月).
func (t *suggestionsTab) extendDialog(x store.Suggestion, r store.Rules) *stepForm {
	limit := r.MaxExtension(x.Assigned)
	deadline := newDateEntry(true)
	// One more month, counted from today when the item is already overdue, never past the limit.
	today := store.DateOf(t.d.db.Now())
	deadline.SetDate(min(max(x.Deadline, today).AddMonths(1), limit))
	reason := requiredText("延期理由", 3)
	date := dateField(t.today())
	items := []*widget.FormItem{
		{Text: "延期后的办理时限", Widget: deadline, HintText: fmt.Sprintf("应晚于原办理时限，最迟不超过 %s (交办之日起%d个月)", limit.Chinese(), r.Settings.MaxExtensionMonths)},
		widget.NewFormItem("延期理由", reason),
		widget.NewFormItem("申请日期", date),
	}
	head := stepHead(x) + "\n主办单位：" + x.MainUnitName + "　交办日期：" + x.Assigned.Chinese() + "\n原办理时限：" + x.Deadline.Chinese()
	return newStepForm(t.d.win, "延期", head, nil, items, func() error {
		if err := t.d.db.Extend(t.d.ctx, x.ID, deadline.Typed(), reason.Text, date.Typed()); err != nil {
			return err
		}
		t.stepDone(x.ID, "已延期至"+deadline.Date().Chinese())
		return nil
	})
}

func (t *suggestionsTab) followUpDialog(x store.Suggestion) *stepForm {
	date := dateField(t.today())
	note := requiredText("跟踪情况", 4)
	outcome := widget.NewRadioGroup(append([]string{"不变"}, x.FollowUpOutcomes()...), nil)
	outcome.Horizontal, outcome.Required = true, true
	outcome.SetSelected("不变")
	items := []*widget.FormItem{
		widget.NewFormItem("跟踪日期", date),
		widget.NewFormItem("跟踪情况", note),
		widget.NewFormItem("新的办理结果", outcome),
	}
	head := stepHead(x) + "\n当前办理结果：" + x.Outcome
	return newStepForm(t.d.win, "跟踪办理", head, nil, items, func() error {
		in := store.FollowUpInput{Date: date.Typed(), Note: strings.TrimSpace(note.Text)}
		if outcome.Selected != "不变" {
			in.Outcome = outcome.Selected
		}
		if err := t.d.db.FollowUp(t.d.ctx, x.ID, in); err != nil {
			return err
		}
		info := "已记录跟踪办理"
		if in.Outcome != "" {
			info += "，办理结果改为" + in.Outcome
		}
		t.stepDone(x.ID, info)
		return nil
	})
}

// dateStepDialog is a step that records only a date (反馈选民, 办结).
func (t *suggestionsTab) dateStepDialog(x store.Suggestion, step, label, info string, save func(store.Date) error) *stepForm {
	date := dateField(t.today())
	head := stepHead(x)
	if x.VoterName != "" {
		head += "\n选民：" + x.VoterName
		if x.VoterContact != "" {
			head += "(" + x.VoterContact + ")"
		}
	}
	return newStepForm(t.d.win, step, head, nil, []*widget.FormItem{widget.NewFormItem(label, date)}, func() error {
		if err := save(date.Typed()); err != nil {
			return err
		}
		t.stepDone(x.ID, info)
		return nil
	})
}

// bulkAssign is 批量交办: after a session's 交办会, many 待交办 items go to one unit on one day. It lists the
// 待交办 items of the current filter to tick, and assigns them in one transaction (all or none); the result
// can be undone at once.
type bulkAssign struct {
	t       *suggestionsTab
	items   []store.Suggestion
	chosen  map[int64]bool
	list    *widget.List
	all     *widget.Check
	count   *widget.Label
	fields  *assignFields
	form    *stepForm
	done    dialog.Dialog // the result, with 撤销本次交办
	doneIDs []int64
}

// bulkAssignMax is how many 待交办 items the dialog lists at once.
const bulkAssignMax = 500

func (t *suggestionsTab) bulkAssign() *bulkAssign {
	db, ctx := t.d.db, t.d.ctx
	f := t.filter
	// 待交办 items have no unit or deadline yet: only the filters that can select them apply.
	f.States, f.UnitID, f.Overdue, f.DueWithin = []string{store.StatePending}, 0, false, 0
	f.Today, f.Sort, f.Desc, f.Offset, f.Limit = t.today(), "number", false, 0, bulkAssignMax
	items, total, err := db.Suggestions(ctx, f)
	if err != nil {
		t.d.showError(err)
		return nil
	}
	if total == 0 {
		dialog.ShowInformation("批量交办", "当前筛选条件下没有待交办的建议。", t.d.win)
		return nil
	}
	r, err := db.Rules(ctx)
	if err != nil {
		t.d.showError(err)
		return nil
	}
	b := &bulkAssign{t: t, items: items, chosen: map[int64]bool{}}
	b.count = widget.NewLabel("")
	b.list = widget.NewList(func() int { return len(b.items) },
		func() fyne.CanvasObject { return widget.NewCheck("", nil) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*widget.Check)
			x := b.items[i]
			c.OnChanged = nil
			c.SetText(bulkAssignLine(x))
			c.SetChecked(b.chosen[x.ID])
			c.OnChanged = func(on bool) { b.choose(x.ID, on) }
		})
	b.all = widget.NewCheck("全选", func(on bool) {
		for _, x := range b.items {
			b.chosen[x.ID] = on
		}
		b.list.Refresh()
		b.update()
	})
	b.update()
	shown := fmt.Sprintf("当前筛选条件下待交办 %d 件", total)
	if total > len(items) {
		shown += fmt.Sprintf("，列出前 %d 件(请用年度、类别等筛选缩小范围)", len(items))
	}
	b.fields = newAssignFields(t.units, r, t.today())
	list := container.NewBorder(container.NewBorder(nil, nil, b.all, b.count), nil, nil, nil, b.list)
	listBox := container.NewGridWrap(fyne.NewSize(820, 300), list)
	b.form = newStepForm(t.d.win, "批量交办", shown+"；勾选要交办给同一主办单位的建议：", listBox, b.fields.items(r), b.save)
	b.form.ok.SetText("交办")
	b.form.require(store.StepAssign)
	b.form.width = 860
	b.form.fit()
	return b
}

// bulkAssignLine is one item to tick: 「2024-012　关于修复村口路灯的建议　王建国　2024年3月5日收到」.
func bulkAssignLine(x store.Suggestion) string {
	return strings.Join([]string{x.Number, x.Title, x.Proposer(), x.Received.Chinese() + "收到"}, "　")
}

func (b *bulkAssign) choose(id int64, on bool) {
	b.chosen[id] = on
	b.update()
}

// selected returns the ticked items in list order.
func (b *bulkAssign) selected() []int64 {
	var ids []int64
	for _, x := range b.items {
		if b.chosen[x.ID] {
			ids = append(ids, x.ID)
		}
	}
	return ids
}

// update says how many are ticked, and keeps 全选 in step.
func (b *bulkAssign) update() {
	n := len(b.selected())
	b.count.SetText(fmt.Sprintf("已选 %d 件", n))
	all := n == len(b.items) && n > 0
	if b.all.Checked != all {
		f := b.all.OnChanged
		b.all.OnChanged = nil
		b.all.SetChecked(all)
		b.all.OnChanged = f
	}
}

func (b *bulkAssign) save() error {
	t := b.t
	ids := b.selected()
	in := b.fields.input()
	if err := t.d.db.AssignMany(t.d.ctx, ids, in); err != nil {
		return err
	}
	b.doneIDs = ids
	t.list.reload()
	if slices.Contains(ids, t.current.ID) {
		t.reshow()
	}
	msg := widget.NewLabel(fmt.Sprintf("已交办 %d 件\n主办单位：%s\n交办日期：%s　办理时限：%s", len(ids), b.fields.main.Selected,
		in.Date.Chinese(), b.fields.deadline.Date().Chinese()))
	undo := widget.NewButton("撤销本次交办", nil)
	closeBtn := widget.NewButton("关闭", nil)
	closeBtn.Importance = widget.HighImportance
	done := dialog.NewCustomWithoutButtons("批量交办完成", msg, t.d.win)
	done.SetButtons([]fyne.CanvasObject{undo, closeBtn})
	closeBtn.OnTapped = done.Hide
	undo.OnTapped = func() {
		if err := t.d.db.UndoAssign(t.d.ctx, ids); err != nil {
			t.d.showError(err)
			return
		}
		done.Hide()
		t.list.reload()
		if slices.Contains(ids, t.current.ID) {
			t.reshow()
		}
		dialog.ShowInformation("批量交办", fmt.Sprintf("已撤销本次交办，%d 件建议回到待交办。", len(ids)), t.d.win)
	}
	b.done = done
	b.form.after = done.Show // once the bulk dialog has closed: closing it would close what is above it too
	return nil
}

// reshow re-reads the item in the pane after a step taken on it from elsewhere (批量交办 and its undo); the
// pane must not keep offering the steps of the state it left.
func (t *suggestionsTab) reshow() {
	x, err := t.d.db.Suggestion(t.d.ctx, t.current.ID)
	if err != nil {
		t.d.showError(err)
		return
	}
	t.display(x)
}
