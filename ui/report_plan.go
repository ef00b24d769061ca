package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/export"
	"rendadesk/store"
)

// The year's work plan in the 报表 tab (issue 22). The plan is edited where its execution is counted: under
// 工作规则执行情况, 「年度工作计划执行情况」 shows the year's items by quarter — planned, done, not done, open,
// cancelled — each number opening the items behind it, and 「编辑年度计划…」 opens the plan itself: the draft
// from the rules and last year, items added, changed, cancelled, linked to the record that did them, and the
// 年度工作要点 printed. It is not in 设置 (the plan changes through the year; 设置 holds what is set once) nor
// in 概览 (whose pages already overflow the window): the clerk links the year's meetings here, next to the
// figures they change, and the items due this month or quarter appear in 概览's 工作提醒.

// reportPlan is the part on screen.
type reportPlan struct {
	reportPart
	year int // the plan's year shown (the year of the figures' last day)

	// The dialogs last opened, for tests.
	editor   *planEditor
	itemsDlg dialog.Dialog
}

// planStatuses are the columns of the part, after 计划.
var planStatuses = []string{store.PlanDone, store.PlanMissed, store.PlanOpen, store.PlanCancelled}

// newPlanBox builds the part, empty until figures are shown.
func (t *reportTab) newPlanBox() fyne.CanvasObject {
	t.plan = &reportPlan{}
	edit := widget.NewButtonWithIcon("编辑年度计划…", theme.DocumentCreateIcon(), func() {
		year := t.plan.year
		if year == 0 {
			year = t.today().Year()
		}
		t.openPlan(year, t.refresh)
	})
	part, content := newReportPart("年度工作计划执行情况", edit)
	t.plan.reportPart = part
	return content
}

// showPlan fills the part with the figures' plan.
func (t *reportTab) showPlan(fig store.Figures) {
	p := t.plan
	p.box.RemoveAll()
	p.year = fig.Plan.Year
	if p.year == 0 {
		p.head.SetText("")
		return
	}
	p.head.SetText(fmt.Sprintf("%d年度，截至%s；点击数字查看计划项", p.year, fig.Plan.AsOf.Chinese()))
	if len(fig.Plan.Items) == 0 {
		p.box.Add(widget.NewLabel(fmt.Sprintf("%d年度还没有工作计划：点「编辑年度计划…」按工作规则生成草稿。", p.year)))
		return
	}
	cols := &reportColumns{widths: []float32{90, 60, 70, 70, 70, 70, 0}}
	head := []fyne.CanvasObject{boldLabel("时段"), boldLabel("计划")}
	for _, s := range planStatuses {
		head = append(head, boldLabel(s))
	}
	p.box.Add(container.New(cols, append(head, boldLabel("完成率"))...))
	for _, c := range append(fig.Plan.Rows, fig.Plan.Total) {
		row := []fyne.CanvasObject{widget.NewLabel(c.Label)}
		for _, s := range append([]string{""}, planStatuses...) {
			row = append(row, t.planCount(fig.Plan, c, s))
		}
		row = append(row, widget.NewLabel(c.DoneRate().Percent(fig.Precision)))
		p.box.Add(container.New(cols, row...))
	}
	def := widget.NewHyperlink("口径", nil)
	def.OnTapped = func() {
		dialog.ShowInformation("年度工作计划执行情况：口径", wrapLines(store.PlanDefinition+"完成率 = 已完成 ÷ (已完成 + 未完成)。", 40), t.d.win)
	}
	p.box.Add(container.NewHBox(def))
}

// planCount is one number of the part: a link to the items it counts (status "" for all the row plans).
func (t *reportTab) planCount(p store.PlanFigures, c store.PlanCount, status string) fyne.CanvasObject {
	n := c.Status(status)
	if n == 0 {
		return widget.NewLabel("0")
	}
	link := widget.NewHyperlink(fmt.Sprint(n), nil)
	link.OnTapped = func() {
		what := "计划"
		if status != "" {
			what = status
		}
		t.showPlanItems(fmt.Sprintf("%d年度%s：%s %d 项", p.Year, c.Label, what, n), p.ItemsIn(c.Quarter, status), p.AsOf)
	}
	return link
}

// wrapLines breaks a long sentence into lines of about n characters for an information dialog.
func wrapLines(s string, n int) string {
	var b strings.Builder
	for i, r := range []rune(s) {
		if i > 0 && i%n == 0 {
			b.WriteString("\n")
		}
		b.WriteRune(r)
	}
	return b.String()
}

// planLine is an item as the lists show it: 「[会议] 主席团会议　第一季度　已完成：2024年3月10日 主席团会议：…」.
func planLine(p store.PlanItem, asOf store.Date) string {
	s := fmt.Sprintf("[%s] %s　%s", p.Kind, p.Title, p.When())
	if p.Owner != "" {
		s += "　责任人：" + p.Owner
	}
	switch st := p.StatusOn(asOf); st {
	case store.PlanDone:
		s += "　已完成：" + p.LinkDate.Chinese() + " " + p.LinkTitle
	case store.PlanCancelled:
		s += "　已取消(" + p.CancelReason + ")"
	default:
		s += "　" + st
		if p.Linked() {
			s += "(关联记录日期 " + p.LinkDate.Chinese() + ")"
		}
	}
	return s
}

// showPlanItems lists the items behind a number; an item done opens its meeting in 会议.
func (t *reportTab) showPlanItems(title string, items []store.PlanItem, asOf store.Date) {
	d := t.d
	lines := make([]string, len(items))
	for i, p := range items {
		lines[i] = planLine(p, asOf)
	}
	var dlg dialog.Dialog
	list := simpleList("计划项(点击已完成的会议在「会议」中打开)", lines, func(i int) {
		p := items[i]
		if p.LinkKind != store.LinkMeeting || !p.Linked() {
			return
		}
		m, err := d.db.Meeting(d.ctx, p.LinkID)
		if err != nil {
			d.showError(err)
			return
		}
		dlg.Hide()
		d.showTab(d.meetings.content)
		d.meetings.show(m)
	})
	dlg = dialog.NewCustom(title, "关闭", list, d.win)
	dlg.Resize(fyne.NewSize(860, 480))
	dlg.Show()
	t.plan.itemsDlg = dlg
}

// planEditor is the year's plan being edited (the 「编辑年度计划…」 dialog).
type planEditor struct {
	d        *desk
	year     int
	items    []store.PlanItem
	selected int // -1: none
	list     *widget.List
	head     *widget.Label
	msg      *widget.Label
	dlg      dialog.Dialog
	after    func(error) // runs after each change: the list, the 报表 figures and 概览 are read again
	// The buttons that act on the selected item.
	edit, link, cancel, del *widget.Button

	// The item's dialog last opened (form, link or cancel), for tests: its confirming button, its fields by
	// label, its message line and the link dialog's list.
	form        *dialog.CustomDialog
	formSave    *widget.Button
	formEntries map[string]fyne.CanvasObject
	formMsg     *widget.Label
	formList    *widget.List
}

// openPlan opens the plan of a year; changed runs after each change (the 报表 figures are recomputed).
func (t *reportTab) openPlan(year int, changed func()) {
	d := t.d
	e := &planEditor{d: d, year: year, selected: -1, head: boldLabel(""), msg: widget.NewLabel("")}
	e.msg.Wrapping = fyne.TextWrapWord
	e.list = widget.NewList(func() int { return len(e.items) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(planLine(e.items[i], d.today()))
		})
	e.list.OnSelected = func(i widget.ListItemID) { e.selected = i; e.enable() }
	e.list.OnUnselected = func(widget.ListItemID) { e.selected = -1; e.enable() }
	after := func(err error) {
		if err != nil {
			d.showError(err)
			return
		}
		e.reload()
		if changed != nil {
			changed()
		}
		d.overview.refresh()
	}
	e.after = after
	draft := widget.NewButtonWithIcon("按规则生成草稿", theme.ContentAddIcon(), func() {
		rules, carried, err := d.db.DraftPlan(d.ctx, e.year)
		if err == nil {
			e.msg.SetText(fmt.Sprintf("按工作规则新增%d项，沿用上年计划%d项；已有的项目不重复添加。", rules, carried))
		}
		after(err)
	})
	add := widget.NewButtonWithIcon("新增…", theme.ContentAddIcon(), func() {
		e.itemForm(store.PlanItem{Year: e.year, Kind: store.PlanMeeting}, after)
	})
	printPlan := widget.NewButtonWithIcon("打印工作要点…", theme.DocumentPrintIcon(), func() { d.printTo(d.workPlanDoc(e.year)) })
	e.edit = widget.NewButton("修改…", func() { e.itemForm(e.items[e.selected], after) })
	e.link = widget.NewButton("关联完成记录…", func() { e.linkForm(e.items[e.selected], after) })
	e.cancel = widget.NewButton("取消…", func() {
		p := e.items[e.selected]
		if p.CancelledOn != "" {
			after(d.db.CancelPlanItem(d.ctx, p.ID, "", ""))
			return
		}
		e.cancelForm(p, after)
	})
	e.del = widget.NewButton("删除", func() {
		p := e.items[e.selected]
		d.confirmDelete("计划项", p.Title+"("+p.When()+")", nil, func() error {
			if err := d.db.DeletePlanItem(d.ctx, p.ID); err != nil {
				return err
			}
			after(nil)
			return nil
		})
	})
	hint := reportHint("草稿按「设置 → 工作规则」中启用的规则逐项生成，并沿用上年非规则生成的项目；完成后点「关联完成记录」选择对应的会议或记录。")
	top := container.NewVBox(container.NewBorder(nil, nil, e.head, container.NewHBox(draft, add, printPlan)), hint, e.msg)
	bottom := container.NewHBox(e.edit, e.link, e.cancel, e.del)
	e.dlg = dialog.NewCustom(fmt.Sprintf("%d年度工作计划", year), "关闭", container.NewBorder(top, bottom, nil, nil, e.list), d.win)
	e.dlg.Resize(fyne.NewSize(1000, 600))
	e.reload()
	e.dlg.Show()
	t.plan.editor = e
}

// reload reads the year's plan again.
func (e *planEditor) reload() {
	items, err := e.d.db.PlanItems(e.d.ctx, e.year)
	if err != nil {
		e.d.showError(err)
	}
	e.items = items
	e.selected = -1
	e.list.UnselectAll()
	e.list.Refresh()
	f := store.PlanFigures{}
	if len(items) > 0 {
		f, _ = e.d.db.PlanStatus(e.d.ctx, e.year, "")
	}
	e.head.SetText(fmt.Sprintf("%d年度工作计划：%d项(已完成%d，未完成%d，待完成%d，已取消%d)", e.year, len(items), f.Total.Done,
		f.Total.Missed, f.Total.Open, f.Total.Cancelled))
	if len(items) == 0 {
		e.head.SetText(fmt.Sprintf("%d年度还没有工作计划：点「按规则生成草稿」，再修改、补充", e.year))
	}
	e.enable()
}

// enable turns the item buttons on when an item is selected; 取消 reads 恢复 for an item cancelled.
func (e *planEditor) enable() {
	on := e.selected >= 0 && e.selected < len(e.items)
	for _, b := range []*widget.Button{e.edit, e.link, e.cancel, e.del} {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	e.cancel.SetText("取消…")
	e.link.SetText("关联完成记录…")
	if on {
		if e.items[e.selected].CancelledOn != "" {
			e.cancel.SetText("恢复")
			e.link.Disable()
		}
		if e.items[e.selected].Linked() {
			e.link.SetText("更改关联…")
		}
	}
}

// planTimes are the choices of an item's time: the year, a month, a quarter.
func planTimes() []string {
	out := []string{"全年"}
	for q := 1; q <= 4; q++ {
		out = append(out, "第"+store.ChineseNumber(q)+"季度")
	}
	for m := 1; m <= 12; m++ {
		out = append(out, fmt.Sprintf("%d月", m))
	}
	return out
}

// itemForm adds or changes an item in a dialog; 保存 refuses a bad item with the message naming the field.
func (e *planEditor) itemForm(p store.PlanItem, after func(error)) {
	d := e.d
	kind := selectWith(store.PlanKinds, false)
	kind.SetSelected(p.Kind)
	title := requiredEntry("工作内容")
	title.SetText(p.Title)
	when := selectWith(planTimes(), false)
	when.SetSelected(p.When())
	owner, notes := newTextEntry(), newTextEntry()
	owner.SetText(p.Owner)
	notes.SetText(p.Notes)
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem("类别", kind), widget.NewFormItem("工作内容", title),
		widget.NewFormItem("时间安排", when), widget.NewFormItem("责任人", owner), widget.NewFormItem("备注", notes))
	var dlg *dialog.CustomDialog
	var state *formState
	saveItem := func() error {
		q := p
		q.Kind, q.Title, q.Owner, q.Notes = kind.Selected, title.Text, owner.Text, notes.Text
		q.Month, q.Quarter = 0, 0
		for i, s := range planTimes() {
			if s == when.Selected {
				switch {
				case i >= 5:
					q.Month = i - 4
				case i >= 1:
					q.Quarter = i
				}
			}
		}
		if err := d.db.SavePlanItem(d.ctx, &q); err != nil {
			msg.SetText(store.ErrorMessage(err))
			return err
		}
		dlg.Hide()
		d.retire(state)
		after(nil)
		return nil
	}
	save := widget.NewButton("保存", func() { state.submit() })
	save.Importance = widget.HighImportance
	name := "新增计划项"
	if p.ID != 0 {
		name = "修改计划项"
	}
	box := container.NewVBox(form, msg, container.NewHBox(layout.NewSpacer(), widget.NewButton("取消", func() {
		// 取消 with changes asks first, as closing the window does.
		d.leave([]string{formPlanItem}, func() {
			dlg.Hide()
			d.retire(state)
		}, nil)
	}), save))
	dlg = dialog.NewCustomWithoutButtons(name, box, d.win)
	dlg.Resize(fyne.NewSize(560, 0))
	dlg.Show()
	get, set, watch := trackValues(func() []*widget.FormItem { return form.Items })
	state = d.trackForm(&formState{kind: formPlanItem, key: recordKey(p.ID), base: p, get: get, set: set, save: saveItem, root: box,
		name: func() string {
			if p.ID == 0 {
				return fmt.Sprintf("新增%d年度计划项", p.Year) + quoted(title.Text)
			}
			return fmt.Sprintf("%d年度计划项", p.Year) + quoted(p.Title)
		}})
	watch(state.touched)
	e.form = dlg
	e.formSave = save
	e.formEntries = map[string]fyne.CanvasObject{"类别": kind, "工作内容": title, "时间安排": when, "责任人": owner, "备注": notes}
	e.formMsg = msg
}

// linkForm offers the records that match an item; the clerk picks one and confirms with 关联.
func (e *planEditor) linkForm(p store.PlanItem, after func(error)) {
	d := e.d
	cands, err := d.db.PlanCandidates(d.ctx, p.ID)
	if err != nil {
		d.showError(err)
		return
	}
	lines := make([]string, len(cands))
	for i, c := range cands {
		lines[i] = c.Date.Chinese() + "　" + c.Title
		if c.LinkedTo != 0 {
			lines[i] += "　(已关联其他计划项)"
		}
	}
	chosen := -1
	var link, unlink *widget.Button
	list := widget.NewList(func() int { return len(lines) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(lines[i]) })
	list.OnSelected = func(i widget.ListItemID) {
		chosen = i
		if cands[i].LinkedTo != 0 {
			link.Disable()
		} else {
			link.Enable()
		}
	}
	var dlg *dialog.CustomDialog
	link = widget.NewButton("关联", func() {
		c := cands[chosen]
		err := d.db.LinkPlanItem(d.ctx, p.ID, c.Kind, c.ID)
		dlg.Hide()
		after(err)
	})
	link.Importance = widget.HighImportance
	link.Disable()
	unlink = widget.NewButton("解除关联", func() {
		err := d.db.LinkPlanItem(d.ctx, p.ID, "", 0)
		dlg.Hide()
		after(err)
	})
	if !p.Linked() {
		unlink.Hide()
	}
	head := fmt.Sprintf("「%s」(%s)：%s内的同类记录 %d 项，选择后点「关联」", p.Title, p.When(), p.Span().Chinese(), len(cands))
	if len(cands) == 0 {
		head = fmt.Sprintf("「%s」(%s)：%s内还没有同类记录。先在「会议」等处登记，再来关联。", p.Title, p.When(), p.Span().Chinese())
	}
	if p.Linked() {
		head += "\n现关联：" + p.LinkDate.Chinese() + " " + p.LinkTitle
	}
	top := widget.NewLabel(head)
	top.Wrapping = fyne.TextWrapWord
	dlg = dialog.NewCustomWithoutButtons("关联完成记录", container.NewBorder(top,
		container.NewHBox(unlink, layout.NewSpacer(), widget.NewButton("取消", func() { dlg.Hide() }), link), nil, nil, list), d.win)
	dlg.Resize(fyne.NewSize(720, 420))
	dlg.Show()
	e.form, e.formSave, e.formList = dlg, link, list
}

// cancelForm asks for the day and the reason of a cancellation.
func (e *planEditor) cancelForm(p store.PlanItem, after func(error)) {
	d := e.d
	on := newDateEntry(true)
	on.SetDate(d.today())
	reason := requiredEntry("取消原因")
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	var dlg *dialog.CustomDialog
	var state *formState
	cancelItem := func() error {
		if err := d.db.CancelPlanItem(d.ctx, p.ID, on.Typed(), reason.Text); err != nil {
			msg.SetText(store.ErrorMessage(err))
			return err
		}
		dlg.Hide()
		d.retire(state)
		after(nil)
		return nil
	}
	ok := widget.NewButton("取消该项", func() { state.submit() })
	ok.Importance = widget.WarningImportance
	form := widget.NewForm(widget.NewFormItem("取消日期", on), widget.NewFormItem("取消原因", reason))
	box := container.NewVBox(form, msg, container.NewHBox(layout.NewSpacer(), widget.NewButton("返回", func() {
		d.leave([]string{formPlanCancel}, func() {
			dlg.Hide()
			d.retire(state)
		}, nil)
	}), ok))
	dlg = dialog.NewCustomWithoutButtons(fmt.Sprintf("取消计划项「%s」", p.Title), box, d.win)
	dlg.Resize(fyne.NewSize(520, 0))
	dlg.Show()
	get, set, watch := trackValues(func() []*widget.FormItem { return form.Items })
	state = d.trackForm(&formState{kind: formPlanCancel, key: recordKey(p.ID), base: p, get: get, set: set, save: cancelItem,
		root: box, part: "取消原因", name: func() string { return fmt.Sprintf("%d年度计划项", p.Year) + quoted(p.Title) }})
	watch(state.touched)
	e.form, e.formSave = dlg, ok
	e.formEntries = map[string]fyne.CanvasObject{"取消原因": reason}
	e.formMsg = msg
}

// workPlanDoc is the 年度工作要点 of a year.
func (d *desk) workPlanDoc(year int) document {
	return document{fmt.Sprintf("%d年工作要点", year), func(path string) error {
		st, err := d.db.Settings(d.ctx)
		if err != nil {
			return err
		}
		items, err := d.db.PlanItems(d.ctx, year)
		if err != nil {
			return err
		}
		return export.WorkPlan(path, st, year, items, d.today())
	}}
}
