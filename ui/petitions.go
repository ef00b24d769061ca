package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/export"
	"rendadesk/store"
)

// formPetition is the kind of the 信访 registration form (guard.go).
const formPetition = "petition"

// The reminders of the 信访 list's 提醒 filter.
const (
	petitionRemindOverdue = "逾期未办结"
	petitionRemindReport  = "批转件逾期未报告"
	petitionRemindKey     = "重点督办"
)

// petitionsTab is 信访: the register of letters and visits (issue 18 §2) with search and filters, and a pane
// with the registration form, the handling (state, the legal next steps, the timeline) and the printed forms.
type petitionsTab struct {
	d        *desk
	filter   store.PetitionFilter
	list     *recordList[store.Petition]
	search   *searchEntry
	current  store.Petition
	pane     *formPane
	detail   *fyne.Container
	sections *container.AppTabs // 登记 / 办理 of a saved case
	filters  struct{ year, state, channel, remind *widget.Select }
	content  fyne.CanvasObject
	item     *container.TabItem
}

func newPetitionsTab(d *desk) *petitionsTab {
	t := &petitionsTab{d: d}
	cols := []column[store.Petition]{
		{"编号", 90, "number", func(x store.Petition) string { return x.Number }},
		{"收到日期", 90, "received", func(x store.Petition) string { return string(x.Received) }},
		{"渠道", 80, "channel", func(x store.Petition) string { return x.Channel }},
		{"事由", 220, "subject", func(x store.Petition) string { return x.Subject }},
		{"信访人", 70, "", func(x store.Petition) string { return x.Petitioner }},
		{"人次", 40, "", func(x store.Petition) string { return petitionVisitors(x) }},
		{"承办单位", 110, "unit", func(x store.Petition) string { return x.UnitName }},
		{"办结时限", 90, "deadline", func(x store.Petition) string { return string(x.Deadline) }},
		{"状态", 60, "state", func(x store.Petition) string { return petitionStateText(x, t.d.today()) }},
	}
	t.list = newRecordList(cols, func(offset, limit int, sort string, desc bool) ([]store.Petition, int, error) {
		f := t.filter
		f.Offset, f.Limit, f.Sort, f.Desc, f.Today = offset, limit, sort, desc, d.today()
		return d.db.Petitions(d.ctx, f)
	}, func(x store.Petition) { t.open(x, t.list.undoSelect, nil) })
	t.search = newSearchEntry("搜索编号、事由、内容、信访人、承办单位", func(q string) {
		t.filter.Query = q
		t.list.reload()
	})
	t.filters.year = newSelect(nil, func(v string) {
		t.filter.Year = 0
		fmt.Sscan(v, &t.filter.Year) // 「全部」 reads as no year
		t.list.reload()
	})
	t.filters.state = newSelect(append([]string{"全部"}, store.PetitionStates...), func(v string) {
		t.filter.State = allOr(v)
		t.list.reload()
	})
	t.filters.channel = newSelect(append([]string{"全部"}, store.PetitionChannels...), func(v string) {
		t.filter.Channel = allOr(v)
		t.list.reload()
	})
	t.filters.remind = newSelect([]string{"全部", petitionRemindOverdue, petitionRemindReport, petitionRemindKey}, func(v string) {
		t.filter.Overdue, t.filter.ReportOverdue, t.filter.KeyCase = v == petitionRemindOverdue, v == petitionRemindReport, v == petitionRemindKey
		t.list.reload()
	})
	for _, sel := range []*widget.Select{t.filters.year, t.filters.state, t.filters.channel, t.filters.remind} {
		sel.PlaceHolder = "全部"
	}
	t.detail = container.NewStack(emptyDetail("在左侧选择一件信访，或点「新增」登记"))
	tb := newToolbar(t.newRecord, t.edit, t.remove, t.exportList)
	tb.addImport(d, store.ImportPetitions)
	t.content = recordFrame(tb, t.search, []fyne.CanvasObject{
		filterBox("年度", t.filters.year, 80), filterBox("状态", t.filters.state, 90),
		filterBox("渠道", t.filters.channel, 120), filterBox("提醒", t.filters.remind, 150),
	}, t.list.table, t.list.status, t.detail)
	return t
}

func (t *petitionsTab) tabItem() *container.TabItem { return onceTab(&t.item, "信访", t.content) }

// refresh re-reads the years for the filter and the list.
func (t *petitionsTab) refresh() {
	years, err := t.d.db.PetitionYears(t.d.ctx)
	logError("信访: 读取年度", err) // the filter offers 全部 only
	opts := []string{"全部"}
	for _, y := range years {
		opts = append(opts, fmt.Sprint(y))
	}
	t.filters.year.SetOptions(opts)
	t.list.reload()
}

// petitionVisitors is 人次 as the list shows it: empty for a letter.
func petitionVisitors(x store.Petition) string {
	if x.Visitors == 0 {
		return ""
	}
	s := fmt.Sprint(x.Visitors)
	if x.GroupVisit {
		s += "(集体)"
	}
	return s
}

// petitionStateText is the state, with 逾期 for a case past its deadline.
func petitionStateText(x store.Petition, today store.Date) string {
	if x.Overdue(today) {
		return x.State + "·逾期"
	}
	if x.ReportOverdue(today) {
		return x.State + "·未报告"
	}
	return x.State
}

func (t *petitionsTab) newRecord() {
	t.open(store.Petition{Received: t.d.today(), Channel: store.ChannelLetter}, nil, t.list.unselect)
}

// newFromIssue switches to 信访 and opens the registration form for an issue raised at a reception (转信访):
// received at the station on the reception day, from the voter who raised it, with the issue as its content.
func (t *petitionsTab) newFromIssue(st store.Station, r store.Reception, i store.ReceptionIssue) {
	x := store.Petition{Received: r.Date, Channel: store.ChannelStation, Visitors: 1, Subject: shortSubject(i.Content),
		Content: i.Content, Petitioner: i.Voter, FromIssue: i.ID}
	for _, v := range r.People {
		if v.Name == i.Voter {
			x.Village, x.Contact = v.Village, v.Contact
		}
	}
	t.d.tabs.Select(t.tabItem())
	t.open(x, nil, func() {
		t.pane.title.SetText("登记信访(来自" + st.Name + " " + r.Date.Chinese() + "接待选民)")
		t.pane.focus(t.d.win)
	})
}

// shortSubject is the first clause of a text, for a 事由 the clerk then shortens or keeps.
func shortSubject(s string) string {
	s = strings.Join(strings.Fields(s), "")
	if i := strings.IndexAny(s, "，。；,;"); i > 0 {
		s = s[:i]
	}
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40])
	}
	return s
}

// edit moves the cursor into the form of the chosen case.
func (t *petitionsTab) edit() {
	if t.current.ID == 0 {
		t.d.showError(fmt.Errorf("请先在列表中选择一件信访"))
		return
	}
	if t.sections != nil {
		t.sections.SelectIndex(0)
	}
	t.pane.focus(t.d.win)
}

// remove deletes the chosen case after a confirmation.
func (t *petitionsTab) remove() {
	cur := t.current
	if cur.ID == 0 {
		t.d.showError(fmt.Errorf("请先在列表中选择要删除的信访件"))
		return
	}
	t.d.confirmDelete("信访件", cur.Number+" "+cur.Subject, nil, func() error {
		if err := t.d.db.DeletePetition(t.d.ctx, cur.ID); err != nil {
			return err
		}
		t.current = store.Petition{}
		t.sections = nil
		t.d.dropForms(formPetition)
		t.detail.Objects = []fyne.CanvasObject{emptyDetail("已删除信访件「" + cur.Number + "」")}
		t.detail.Refresh()
		t.list.reload()
		return nil
	})
}

// exportList writes the 信访登记台账 of the list's filter and sort, in the columns of the import template, so
// that the ledger kept in Excel imports again without registering a case twice.
func (t *petitionsTab) exportList() {
	ps, err := t.list.all()
	if err != nil {
		t.d.showError(err)
		return
	}
	h, rows := export.PetitionLedger(ps)
	t.d.exportList("信访登记台账", h, rows)
}

// open puts x into the pane once the registration form holds no unsaved changes; cancel runs when the clerk
// stays, then once x is shown.
func (t *petitionsTab) open(x store.Petition, cancel, then func()) {
	t.d.switchRecord([]string{formPetition}, x.ID != 0 && x.ID == t.current.ID, func() { t.display(x) }, cancel, then)
}

// display builds the pane: the registration form, and for a saved case its handling.
func (t *petitionsTab) display(x store.Petition) {
	keep, page := t.d.samePane(x.ID != 0 && x.ID == t.current.ID, t.sections, formPetition)
	t.current = x
	form := t.form(x)
	var pane fyne.CanvasObject = form.content
	t.sections = nil
	if x.ID != 0 {
		t.sections = container.NewAppTabs(
			container.NewTabItem("登记", form.content),
			container.NewTabItem("办理", t.handling(x)),
			t.d.attachmentsItem(t, store.Owner{Kind: store.OwnerPetition, ID: x.ID}), // the letter as scanned (issue 20)
		)
		t.sections.SelectIndex(page)
		pane = t.sections
	}
	t.detail.Objects = []fyne.CanvasObject{pane}
	t.detail.Refresh()
	t.d.putBack(keep)
}

// form is the registration form of x; 保存 registers or updates it.
func (t *petitionsTab) form(x store.Petition) *formPane {
	db, ctx := t.d.db, t.d.ctx
	categories, err := db.Dict(ctx, store.DictPetitionCategory)
	if err != nil {
		t.d.showError(err)
	}
	number := newTextEntry()
	number.SetPlaceHolder("不填则自动编号，如 信2026-003")
	number.SetText(x.Number)
	received := newDateEntry(true)
	received.SetDate(x.Received)
	channel := selectWith(store.PetitionChannels, false)
	channel.SetSelected(x.Channel)
	visitors := intEntry()
	visitors.SetPlaceHolder("来访人数；来信不填")
	if x.Visitors > 0 {
		visitors.SetText(fmt.Sprint(x.Visitors))
	}
	group := widget.NewCheck("集体访(5人以上)", nil)
	group.SetChecked(x.GroupVisit)
	subject := requiredEntry("事由")
	subject.SetText(x.Subject)
	content := multiline(5)
	content.SetText(x.Content)
	category := selectWith(categories, true)
	category.SetSelected(x.Category)
	petitioner, village, contact := newTextEntry(), newTextEntry(), newTextEntry()
	petitioner.SetText(x.Petitioner)
	village.SetText(x.Village)
	contact.SetText(x.Contact)
	key := widget.NewCheck("重点督办", nil)
	key.SetChecked(x.KeyCase)
	leap := widget.NewCheck("越级上访", nil)
	leap.SetChecked(x.Leapfrog)
	from, refNo := newTextEntry(), newTextEntry()
	from.SetPlaceHolder("上级人大批转时填写，如 县人大常委会")
	from.SetText(x.ReferralFrom)
	refNo.SetText(x.ReferralNo)
	due := newDateEntry(false)
	due.SetDate(x.ReportDue)
	due.SetPlaceHolder("不填则按设置的工作日计算")

	pane := newFormPane([]*widget.FormItem{
		widget.NewFormItem("编号", number),
		widget.NewFormItem("收到日期", received),
		widget.NewFormItem("来源渠道", channel),
		widget.NewFormItem("人次", container.NewGridWithColumns(2, visitors, group)),
		widget.NewFormItem("事由", subject),
		widget.NewFormItem("内容", content),
		widget.NewFormItem("类别", category),
		widget.NewFormItem("信访人", petitioner),
		widget.NewFormItem("村(居)", village),
		widget.NewFormItem("联系方式", contact),
		widget.NewFormItem("督办", container.NewHBox(key, leap)),
		widget.NewFormItem("批转机关", from),
		widget.NewFormItem("批转文号", refNo),
		widget.NewFormItem("报告期限", due),
	}, func() error {
		y := x
		if err := visitors.Validate(); err != nil {
			return &store.Error{Code: store.EINVALID, Field: "人次", Message: "人次" + err.Error()}
		}
		y.Number, y.Received, y.Channel, y.Visitors, y.GroupVisit = strings.TrimSpace(number.Text), received.Typed(), channel.Selected, atoi(visitors), group.Checked
		y.Subject, y.Content, y.Category = subject.Text, content.Text, category.Selected
		y.Petitioner, y.Village, y.Contact = petitioner.Text, village.Text, contact.Text
		y.KeyCase, y.Leapfrog, y.ReferralFrom, y.ReferralNo, y.ReportDue = key.Checked, leap.Checked, from.Text, refNo.Text, due.Typed()
		if err := db.SavePetition(ctx, &y); err != nil {
			return err
		}
		t.saved(y.ID, "已保存")
		return nil
	})
	if x.ID == 0 {
		pane.title.SetText("登记信访")
	} else {
		pane.title.SetText(x.Number + "　" + x.Subject)
	}
	pane.first = received
	t.pane = pane
	pane.track(t.d, formPetition, recordKey(x.ID), x, func() string {
		if x.ID == 0 {
			return "新登记的信访" + quoted(subject.Text)
		}
		return "信访件" + quoted(x.Number)
	}, func() {
		t.d.revealPage(t.content, t.sections, 0)
	})
	return pane
}

// saved re-reads the case after a save or a step, shows it and says info.
func (t *petitionsTab) saved(id int64, info string) {
	fresh, err := t.d.db.Petition(t.d.ctx, id)
	if err != nil {
		t.d.showError(err)
		return
	}
	t.list.reload()
	t.refreshYears()
	t.display(fresh)
	t.pane.showInfo(info)
	t.d.raisedSaved() // an issue turned into this case shows its number
}

// refreshYears re-reads the year filter's choices, keeping the choice.
func (t *petitionsTab) refreshYears() {
	sel := t.filters.year.Selected
	years, err := t.d.db.PetitionYears(t.d.ctx)
	logError("信访: 读取年度", err)
	opts := []string{"全部"}
	for _, y := range years {
		opts = append(opts, fmt.Sprint(y))
	}
	t.filters.year.Options = opts
	t.filters.year.Selected = sel
	t.filters.year.Refresh()
}

// handling is the 办理 page: where the case stands, the steps it may take now, its timeline and its forms.
func (t *petitionsTab) handling(x store.Petition) fyne.CanvasObject {
	today := t.d.today()
	lines := []string{"状态：" + petitionStateText(x, today)}
	if x.UnitName != "" {
		lines = append(lines, fmt.Sprintf("承办单位：%s　责任人：%s", x.UnitName, x.Responsible),
			fmt.Sprintf("转办日期：%s　办结时限：%s", x.Referred.Chinese(), x.Deadline.Chinese()))
	}
	if x.Overdue(today) {
		lines = append(lines, fmt.Sprintf("已超过办结时限 %d 天，请催办", int(today.Time().Sub(x.Deadline.Time()).Hours()/24)))
	}
	if x.Reply != "" {
		lines = append(lines, "办理结果("+x.Replied.Chinese()+")："+x.Reply)
	}
	if x.Feedback != "" {
		lines = append(lines, "反馈信访人："+x.Feedback.Chinese()+" "+x.FeedbackHow)
	}
	if x.Closed != "" {
		lines = append(lines, "办结日期："+x.Closed.Chinese())
	}
	if x.Referral() {
		s := "批转件报告期限：" + x.ReportDue.Chinese()
		if x.Reported != "" {
			s += "　已于" + x.Reported.Chinese() + "报告结果"
		} else if x.ReportOverdue(today) {
			s += "　已逾期未报告"
		}
		lines = append(lines, s)
	}
	status := widget.NewLabel(strings.Join(lines, "\n"))
	status.Wrapping = fyne.TextWrapWord

	steps := container.NewHBox()
	for _, s := range x.NextSteps() {
		b := widget.NewButton(s, func() { t.stepDialog(x, s) })
		if len(steps.Objects) == 0 {
			b.Importance = widget.HighImportance
		}
		steps.Add(b)
	}
	if len(steps.Objects) == 0 {
		steps.Add(widget.NewLabel("已办结，没有待办的步骤"))
	}
	var print *widget.Button
	print = widget.NewButtonWithIcon("打印", theme.DocumentPrintIcon(), func() {
		showPrintMenu(print, t.d.petitionPrintChoices(x), t.d.printTo)
	})
	steps.Add(print)

	timeline, err := t.d.db.PetitionTimeline(t.d.ctx, x.ID)
	rows := make([]string, len(timeline))
	for i, s := range timeline {
		rows[i] = fmt.Sprintf("%s　%s　%s", s.Date, s.Step, strings.Join(strings.Fields(s.Detail), " "))
	}
	var list fyne.CanvasObject = simpleList(fmt.Sprintf("办理过程共 %d 步", len(rows)), rows, nil)
	if err != nil {
		list = widget.NewLabel(store.ErrorMessage(err))
	}
	return container.NewBorder(container.NewVBox(status, steps), nil, nil, nil, list)
}

// stepDialog asks for what the step records and takes it; the store refuses an illegal step or bad input
// naming the field.
func (t *petitionsTab) stepDialog(x store.Petition, step string) {
	db, ctx, today := t.d.db, t.d.ctx, t.d.today()
	date := dateField(today)
	text := func(what string) *textEntry { return requiredText(what, 4) }
	var items []*widget.FormItem
	var save func() error
	switch step {
	case store.PStepOnSpot:
		reply := text("答复内容")
		items = []*widget.FormItem{widget.NewFormItem("答复日期", date), widget.NewFormItem("答复内容", reply)}
		save = func() error { return db.OnSpot(ctx, x.ID, date.Typed(), reply.Text) }
	case store.PStepRefer:
		units, err := db.Units(ctx)
		if err != nil {
			t.d.showError(err)
			return
		}
		names := make([]string, len(units))
		for i, u := range units {
			names[i] = u.Name
		}
		unit := widget.NewSelectEntry(names)
		unit.SetPlaceHolder("选择或填写，如 县信访局")
		who := newTextEntry()
		deadline := newDateEntry(false)
		deadline.SetPlaceHolder("不填则按设置的工作日计算(节假日顺延)")
		items = []*widget.FormItem{widget.NewFormItem("转办单位", unit), widget.NewFormItem("责任人", who),
			widget.NewFormItem("转办日期", date), widget.NewFormItem("办结时限", deadline)}
		save = func() error {
			in := store.ReferInput{UnitName: strings.TrimSpace(unit.Text), Responsible: who.Text, Date: date.Typed(), Deadline: deadline.Typed()}
			for _, u := range units {
				if u.Name == in.UnitName {
					in.UnitID = u.ID
				}
			}
			return db.Refer(ctx, x.ID, in)
		}
	case store.PStepUrge:
		note := text("催办情况")
		items = []*widget.FormItem{widget.NewFormItem("催办日期", date), widget.NewFormItem("催办情况", note)}
		save = func() error { return db.Urge(ctx, x.ID, date.Typed(), note.Text) }
	case store.PStepExtend:
		deadline := newDateEntry(true)
		reason := text("延期理由")
		items = []*widget.FormItem{widget.NewFormItem("申请日期", date), widget.NewFormItem("延期后的办结时限", deadline),
			widget.NewFormItem("延期理由", reason)}
		save = func() error { return db.ExtendPetition(ctx, x.ID, deadline.Typed(), reason.Text, date.Typed()) }
	case store.PStepReply:
		reply := text("办理结果")
		items = []*widget.FormItem{widget.NewFormItem("答复日期", date), widget.NewFormItem("办理结果", reply)}
		save = func() error { return db.ReplyPetition(ctx, x.ID, date.Typed(), reply.Text) }
	case store.PStepFeedback:
		how := selectWith(store.FeedbackMethods, false)
		how.SetSelected(store.FeedbackMethods[0])
		items = []*widget.FormItem{widget.NewFormItem("反馈日期", date), widget.NewFormItem("反馈方式", how)}
		save = func() error { return db.Feedback(ctx, x.ID, date.Typed(), how.Selected) }
	case store.PStepClose:
		items = []*widget.FormItem{widget.NewFormItem("办结日期", date)}
		save = func() error { return db.ClosePetition(ctx, x.ID, date.Typed()) }
	case store.PStepReport:
		note := newTextEntry()
		note.SetPlaceHolder("报告方式、文号等(可不填)")
		items = []*widget.FormItem{widget.NewFormItem("报告日期", date), widget.NewFormItem("说明", note)}
		save = func() error { return db.ReportResult(ctx, x.ID, date.Typed(), note.Text) }
	default:
		return
	}
	f := newStepForm(t.d.win, step, x.Number+"　"+x.Subject, nil, items, save)
	f.after = func() { t.saved(x.ID, "已"+step) }
}

// petitionPrintChoices are the forms of a case: the 登记表 always, the 转办单 once referred, the 反馈单 once
// the unit has replied.
func (d *desk) petitionPrintChoices(x store.Petition) []printChoice {
	read := func(write func(path string, doc store.PetitionDoc) error) func(string) error {
		return func(path string) error {
			doc, err := d.db.PetitionDoc(d.ctx, x.ID)
			if err != nil {
				return err
			}
			return write(path, doc)
		}
	}
	out := []printChoice{{"信访登记表", document{x.Number + "信访登记表", read(export.PetitionRegister)}}}
	if x.UnitName != "" {
		out = append(out, printChoice{"转办单", document{x.Number + "转办单", read(func(path string, doc store.PetitionDoc) error {
			return export.PetitionReferral(path, doc, x.Referred)
		})}})
	}
	if x.Reply != "" {
		out = append(out, printChoice{"反馈单", document{x.Number + "反馈单", read(func(path string, doc store.PetitionDoc) error {
			date := x.Replied
			if date == "" {
				date = d.today()
			}
			return export.PetitionFeedback(path, doc, date)
		})}})
	}
	return out
}

// voterDraftTarget is draftTarget for the forms of issue 18: a petition's registration (new: from its base,
// which keeps the issue it comes from) and a deputy's 联系选民.
func (d *desk) voterDraftTarget(kind string, id int64, isNew bool, base func(any) bool, missing func(error, string) string) (func(then, cancel func()), string) {
	if kind == formContact {
		x, err := d.db.Deputy(d.ctx, id)
		if err != nil {
			return nil, missing(err, "这位代表")
		}
		return func(then, cancel func()) {
			d.showTab(d.deputies.content)
			d.deputies.open(x, cancel, func() {
				d.deputies.reveal(5)
				then()
			})
		}, ""
	}
	var x store.Petition
	if isNew {
		base(&x)
	} else if y, err := d.db.Petition(d.ctx, id); err != nil {
		return nil, missing(err, "这件信访")
	} else {
		x = y
	}
	return func(then, cancel func()) {
		d.showTab(d.petitions.content)
		d.petitions.open(x, cancel, then)
	}, ""
}
