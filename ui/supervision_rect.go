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

// rectsPane is the 整改事项 page of 监督: the rectification items with filters (状态, 来源, 逾期), and for the
// chosen one its form, the steps it can take now (开始整改, 进展, 延期, 销号, 回头看) and its timeline.
type rectsPane struct {
	t        *supervisionTab
	d        *desk
	filter   store.RectificationFilter
	list     *recordList[store.Rectification]
	search   *searchEntry
	current  store.Rectification
	pane     *formPane
	detail   *fyne.Container
	sections *container.AppTabs // 整改事项 / 附件 of a saved item
	filters  struct {
		state, source *widget.Select
		overdue       *widget.Check
	}
	content fyne.CanvasObject
}

func newRectsPane(t *supervisionTab) *rectsPane {
	d := t.d
	p := &rectsPane{t: t, d: d}
	cols := []column[store.Rectification]{
		{"提出日期", 90, "raised", func(x store.Rectification) string { return string(x.Raised) }},
		{"整改事项", longTextWidth, "", func(x store.Rectification) string { return x.Text }},
		{"责任单位", 110, "unit", func(x store.Rectification) string { return x.UnitName }},
		{"阶段", 70, "phase", func(x store.Rectification) string { return x.Phase }},
		{"整改时限", 90, "due", func(x store.Rectification) string { return string(x.Due) }},
		{"状态", 90, "state", func(x store.Rectification) string { return rectStateLabel(x, d.today()) }},
		{"来源", 120, "", func(x store.Rectification) string { return x.Source + " " + x.SourceName }},
	}
	p.list = newRecordList(cols, func(offset, limit int, sort string, desc bool) ([]store.Rectification, int, error) {
		f := p.filter
		f.Offset, f.Limit, f.Sort, f.Desc, f.Today = offset, limit, sort, desc, d.today()
		if f.Sort == "" {
			f.Sort, f.Desc = "raised", true
		}
		return d.db.Rectifications(d.ctx, f)
	}, func(x store.Rectification) { p.open(x, p.list.undoSelect, nil) })
	p.search = newSearchEntry("搜索整改事项、责任单位", func(q string) {
		p.filter.Query = q
		p.list.reload()
	})
	p.filters.state = newSelect(append([]string{"全部"}, store.RectStates...), func(v string) {
		p.filter.State = allOr(v)
		p.list.reload()
	})
	p.filters.source = newSelect(append([]string{"全部"}, store.RectSources...), func(v string) {
		p.filter.Source = allOr(v)
		p.list.reload()
	})
	p.filters.state.PlaceHolder, p.filters.source.PlaceHolder = "全部", "全部"
	p.filters.overdue = widget.NewCheck("只看逾期", func(on bool) {
		p.filter.Overdue = on
		p.list.reload()
	})
	p.detail = container.NewStack(emptyDetail("在左侧选择一条整改事项，或点「新增」"))
	tb := newToolbar(p.newRecord, p.edit, p.remove, func() { exportRecords(d, "整改事项一览", p.list) })
	ledger := widget.NewButtonWithIcon("销号台账", theme.DocumentPrintIcon(), func() { d.printTo(d.rectLedger(d.today().Year())) })
	tb.box.Add(ledger)
	tb.addImport(d, store.ImportRectifications)
	p.content = recordFrame(tb, p.search, []fyne.CanvasObject{
		filterBox("状态", p.filters.state, 90), filterBox("来源", p.filters.source, 140), p.filters.overdue,
	}, p.list.table, p.list.status, p.detail)
	return p
}

// rectStateLabel is an item's state with 「(逾期)」 when it is past its due date today.
func rectStateLabel(x store.Rectification, today store.Date) string {
	if x.Overdue(today) {
		return x.State + "(逾期)"
	}
	return x.State
}

// rectLedger is the year's 整改清单(销号台账) for the 主席团.
func (d *desk) rectLedger(year int) document {
	return document{fmt.Sprintf("%d年整改清单(销号台账)", year), func(path string) error {
		doc, err := d.db.RectLedgerDoc(d.ctx, year, d.today())
		if err != nil {
			return err
		}
		return export.RectificationLedger(path, doc)
	}}
}

func (p *rectsPane) refresh() { p.list.reload() }

func (p *rectsPane) newRecord() {
	p.newFrom(store.Rectification{Source: store.RectFromOther, Raised: p.d.today()})
}

// newFrom opens a new item with its source filled in (a campaign's 提出整改意见).
func (p *rectsPane) newFrom(x store.Rectification) {
	p.open(x, nil, func() {
		p.list.unselect()
		p.t.reveal(1, nil, 0)
	})
}

func (p *rectsPane) edit() {
	if p.current.ID == 0 && p.pane == nil {
		p.d.showError(fmt.Errorf("请先在列表中选择一条整改事项"))
		return
	}
	p.pane.focus(p.d.win)
}

func (p *rectsPane) remove() {
	if p.current.ID == 0 {
		p.d.showError(fmt.Errorf("请先在列表中选择要删除的整改事项"))
		return
	}
	cur := p.current
	p.d.confirmDelete("整改事项", cur.Text, nil, func() error {
		if err := p.d.db.DeleteRectification(p.d.ctx, cur.ID); err != nil {
			return err
		}
		p.current, p.pane = store.Rectification{}, nil
		p.d.dropForms(formRect)
		p.detail.Objects = []fyne.CanvasObject{emptyDetail("已删除整改事项")}
		p.detail.Refresh()
		p.list.reload()
		p.t.campaigns.refresh()
		return nil
	})
}

func (p *rectsPane) open(x store.Rectification, cancel, then func()) {
	p.d.switchRecord([]string{formRect}, x.ID != 0 && x.ID == p.current.ID, func() { p.display(x) }, cancel, then)
}

// display puts an item into the pane: the form, and for a saved item its state, steps and timeline.
func (p *rectsPane) display(x store.Rectification) {
	keep, page := p.d.samePane(x.ID != 0 && x.ID == p.current.ID, p.sections, formRect)
	p.current = x
	form := p.form(x)
	var body fyne.CanvasObject = form.content
	p.sections = nil
	if x.ID != 0 {
		split := container.NewVSplit(form.content, p.timelineOf(x))
		split.Offset = 0.6
		// The unit's 整改情况报告 that a 销号 rests on is the typical attachment (issue 20).
		p.sections = container.NewAppTabs(container.NewTabItem("整改事项", split),
			p.d.attachmentsItem(p.t, store.Owner{Kind: store.OwnerRectification, ID: x.ID}))
		p.sections.SelectIndex(page)
		body = container.NewBorder(p.stepBar(x), nil, nil, nil, p.sections)
	}
	p.detail.Objects = []fyne.CanvasObject{body}
	p.detail.Refresh()
	p.d.putBack(keep)
	p.list.reveal(func(r store.Rectification) bool { return r.ID == x.ID && x.ID != 0 })
}

// form builds the item's form. The source's link (campaign, activity, inquiry) stays as it was opened.
func (p *rectsPane) form(x store.Rectification) *formPane {
	db, ctx := p.d.db, p.d.ctx
	units, err := db.Units(ctx)
	if err != nil {
		p.d.showError(err)
	}
	var unitNames []string
	unitIDs := map[string]int64{}
	for _, u := range units {
		unitNames = append(unitNames, u.Name)
		unitIDs[u.Name] = u.ID
	}
	source := selectWith(store.RectSources, false)
	source.SetSelected(x.Source)
	from := widget.NewLabel(x.SourceName)
	if x.TargetName != "" {
		from.SetText(x.SourceName + "　评议对象：" + x.TargetName)
	}
	from.Wrapping = fyne.TextWrapWord
	text := multiline(3)
	text.SetText(x.Text)
	req := multiline(2)
	req.SetText(x.Requirement)
	unit := selectWith(unitNames, false)
	unit.SetSelected(x.UnitName)
	phase := selectWith(store.RectPhases, false)
	phase.SetSelected(x.Phase)
	raised, due := newDateEntry(true), newDateEntry(false)
	raised.SetDate(x.Raised)
	due.SetDate(x.Due)
	due.SetPlaceHolder("空着按整改阶段推算")
	notes := multiline(2)
	notes.SetText(x.Notes)
	items := []*widget.FormItem{
		widget.NewFormItem("来源", source),
	}
	if x.SourceName != "" {
		items = append(items, widget.NewFormItem("来自", from))
	}
	items = append(items,
		widget.NewFormItem("整改事项", text),
		widget.NewFormItem("整改要求", req),
		widget.NewFormItem("责任单位", unit),
		widget.NewFormItem("整改阶段", phase),
		widget.NewFormItem("提出日期", raised),
		widget.NewFormItem("整改时限", due),
		widget.NewFormItem("备注", notes),
	)
	var pane *formPane
	pane = newFormPane(items, func() error {
		y := x
		y.Source, y.Text, y.Requirement = source.Selected, strings.TrimSpace(text.Text), strings.TrimSpace(req.Text)
		y.UnitID, y.Phase, y.Raised, y.Due, y.Notes = unitIDs[unit.Selected], phase.Selected, raised.Typed(), due.Typed(), notes.Text
		if err := db.SaveRectification(ctx, &y); err != nil {
			return err
		}
		if fresh, err := db.Rectification(ctx, y.ID); err == nil {
			y = fresh
		}
		p.list.reload()
		p.t.campaigns.refresh()
		p.display(y)
		p.pane.showInfo("已保存")
		return nil
	})
	if x.ID == 0 {
		pane.title.SetText("新增整改事项")
	} else {
		pane.title.SetText("整改事项　" + rectStateLabel(x, p.d.today()))
	}
	pane.first = text
	p.pane = pane
	pane.track(p.d, formRect, recordKey(x.ID), x, func() string {
		if x.ID == 0 {
			return "新增整改事项" + quoted(text.Text)
		}
		return "整改事项" + quoted(x.Text)
	}, func() { p.t.reveal(1, p.sections, 0) })
	return pane
}

// stepBar offers the steps the item can take in its state.
func (p *rectsPane) stepBar(x store.Rectification) fyne.CanvasObject {
	box := container.NewHBox(boldLabel(rectStateLabel(x, p.d.today())))
	if x.Round > 1 {
		box.Add(widget.NewLabel(fmt.Sprintf("第%d轮整改", x.Round)))
	}
	for _, s := range x.RectNextSteps() {
		b := widget.NewButton(s, func() { p.stepDialog(x, s) })
		if s == store.RectStepClose {
			b.Importance = widget.HighImportance
		}
		box.Add(b)
	}
	return box
}

// stepDialog asks for what the step needs — its date, the note (the unit's report for 销号, the finding of a
// 回头看), the grade of a 回头看, the new due date of 延期 — and takes it; the store's message stays in the
// dialog until the step goes through.
func (p *rectsPane) stepDialog(x store.Rectification, step string) {
	date := newDateEntry(true)
	date.SetDate(p.d.today())
	note := multiline(3)
	grade := selectWith([]string{store.GradeSatisfied, store.GradeBasicSatisfied, store.GradeUnsatisfied}, false)
	due := newDateEntry(false)
	noteLabel := map[string]string{store.RectStepClose: "整改情况报告", store.RectStepReview: "回头看情况",
		store.RectStepExtend: "延期理由", store.RectStepStart: "整改措施"}[step]
	if noteLabel == "" {
		noteLabel = "情况"
	}
	items := []*widget.FormItem{widget.NewFormItem("日期", date), widget.NewFormItem(noteLabel, note)}
	switch step {
	case store.RectStepReview:
		due.SetPlaceHolder("不满意时重新整改的时限(空着为三个月)")
		items = append(items, widget.NewFormItem("满意度", grade), widget.NewFormItem("新的整改时限", due))
	case store.RectStepExtend:
		items = append(items, widget.NewFormItem("新的整改时限", due))
	}
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(items...)
	var dlg dialog.Dialog
	ok := widget.NewButton(step, func() {
		in := store.RectStepInput{Date: date.Typed(), Note: strings.TrimSpace(note.Text), Due: due.Typed(), Grade: grade.Selected}
		if err := p.d.db.RectStep(p.d.ctx, x.ID, step, in); err != nil {
			msg.SetText(store.ErrorMessage(err))
			return
		}
		dlg.Hide()
		fresh, err := p.d.db.Rectification(p.d.ctx, x.ID)
		if err != nil {
			p.d.showError(err)
			return
		}
		p.list.reload()
		p.t.campaigns.refresh()
		p.d.dropFormsQuietly(formRect)
		p.current = store.Rectification{}
		p.display(fresh)
	})
	ok.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", func() { dlg.Hide() })
	content := container.NewVBox(widget.NewLabel(x.Text), form, msg, container.NewHBox(layout.NewSpacer(), cancel, ok))
	dlg = dialog.NewCustomWithoutButtons(step, content, p.d.win)
	dlg.Resize(fyne.NewSize(520, 360))
	dlg.Show()
}

// timelineOf lists the item's steps, oldest first.
func (p *rectsPane) timelineOf(x store.Rectification) fyne.CanvasObject {
	steps, err := p.d.db.RectTimeline(p.d.ctx, x.ID)
	if err != nil {
		return widget.NewLabel(store.ErrorMessage(err))
	}
	lines := make([]string, len(steps))
	for i, s := range steps {
		line := fmt.Sprintf("%s　%s", s.Date, s.Step)
		if s.FromState != s.ToState && s.ToState != "" {
			line += "　→ " + s.ToState
		}
		if s.Detail != "" {
			line += "　" + strings.Join(strings.Fields(s.Detail), " ")
		}
		lines[i] = line
	}
	return simpleList(fmt.Sprintf("办理过程 %d 步", len(steps)), lines, nil)
}
