package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// 培训学习 in the window (issue 22 part 5): a training's 专题 page in its meeting's pane (the materials are the
// meeting's 附件), the year's training hours in the 代表 tab's 履职档案, and the 报表 tab's 培训学习 part with its
// 口径 and 明细 — the trainings, each deputy's hours and the new deputies without training before the term's
// first session. The figures are the store's (Figures.Training), the same the workbook and `print training` read.

// formTraining is the 专题 page of a training's pane as a form of the window (guard.go, drafts.go).
const formTraining = "meeting.training"

// trainingPage is the 专题 page's place among the pane's pages (meetingForms: after 列席人员, before 附件).
const trainingPage = 6

// topicRow is a topic as edited: the hours as typed, read when saving (「1.5」).
type topicRow struct {
	Topic, Trainer, Hours string
}

// topicEditor is the 专题 page: one line per topic — 专题, 授课人, 学时 — and 保存专题.
type topicEditor struct {
	*cardList[topicRow]
	r     *meetingRecord
	saved store.TrainingTopics
	total *widget.Label // 「共 3.5 学时；出席的代表每人计 3.5 学时」
}

// newTopicEditor reads the training's topics and builds the page; a read error leaves it empty, with the error.
func newTopicEditor(r *meetingRecord) (*topicEditor, error) {
	e := &topicEditor{r: r, total: reportHint("")}
	var err error
	e.saved, err = r.t.d.db.TrainingTopics(r.t.d.ctx, r.m.ID)
	e.cardList = newCardList("未登记培训专题", "培训专题共 %d 个", e.savedRows, e.line)
	e.columns = e.columnNames
	e.frame("添加专题", func() *topicRow { return &topicRow{} }, "保存专题", e.save)
	e.content = container.NewBorder(nil, e.total, nil, nil, e.content)
	e.showTotal()
	e.trackRows(r, formTraining, "培训专题", trainingPage)
	return e, err
}

// savedRows are the topics as last saved, as edited rows.
func (e *topicEditor) savedRows() []*topicRow {
	var rows []*topicRow
	for _, t := range e.saved {
		rows = append(rows, &topicRow{Topic: t.Topic, Trainer: t.Trainer, Hours: store.FormatHours(t.Hours)})
	}
	return rows
}

// columnNames head the lines: 专题, 授课人, 学时.
func (e *topicEditor) columnNames() fyne.CanvasObject {
	gap := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil).MinSize().Width
	return container.NewBorder(nil, nil, nil, fixedWidth(gap+90, boldLabel("学时")),
		container.NewGridWithColumns(2, boldLabel("专题"), boldLabel("授课人")))
}

// line is topic i: 专题, 授课人, 学时, and 删除.
func (e *topicEditor) line(i int, t *topicRow) fyne.CanvasObject {
	topic, trainer, hours := newTextEntry(), newTextEntry(), newTextEntry()
	topic.SetPlaceHolder("专题，如 代表法解读")
	trainer.SetPlaceHolder("授课人，如 县人大法工委 周明")
	hours.SetPlaceHolder("如 1.5")
	topic.SetText(t.Topic)
	trainer.SetText(t.Trainer)
	hours.SetText(t.Hours)
	topic.OnChanged = func(s string) { t.Topic = s }
	trainer.OnChanged = func(s string) { t.Trainer = s }
	hours.OnChanged = func(s string) { t.Hours = s }
	del := e.buttons(i, true)
	return container.NewBorder(nil, nil, nil, container.NewHBox(fixedWidth(80, hours), del),
		container.NewGridWithColumns(2, topic, trainer))
}

// topics reads the rows; an hours entry that is not a number is named as the store names its fields.
func (e *topicEditor) topics() (store.TrainingTopics, error) {
	out := make(store.TrainingTopics, len(e.rows))
	var errs store.FieldErrors
	for i, r := range e.rows {
		out[i] = store.TrainingTopic{Topic: strings.TrimSpace(r.Topic), Trainer: strings.TrimSpace(r.Trainer)}
		h, err := store.ParseHours(r.Hours)
		if err != nil {
			field := fmt.Sprintf("专题第%d行学时", i+1)
			errs = append(errs, &store.Error{Code: store.EINVALID, Field: field, Message: field + err.Error()})
			continue
		}
		out[i].Hours = h
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return out, nil
}

func (e *topicEditor) save() error {
	sectionClear(e.msg)
	ts, err := e.topics()
	if err == nil {
		err = e.r.t.d.db.SaveTrainingTopics(e.r.t.d.ctx, e.r.m.ID, ts)
	}
	if err == nil {
		e.saved, err = e.r.t.d.db.TrainingTopics(e.r.t.d.ctx, e.r.m.ID)
	}
	if err != nil {
		sectionError(e.msg, err)
		return err
	}
	e.showSaved()
	e.showTotal()
	return nil
}

// showTotal says the training's hours as saved and what each deputy present earns.
func (e *topicEditor) showTotal() {
	if len(e.saved) == 0 {
		e.total.SetText("登记专题和学时后，出席的代表计入培训学时(请假、缺席不计)。学习材料、照片在「附件」中添加。")
		return
	}
	h := store.FormatHours(e.saved.Hours())
	e.total.SetText(fmt.Sprintf("共 %s 学时：出席的代表每人计 %s 学时(请假、缺席不计)。学习材料、照片在「附件」中添加。", h, h))
}

// trainingLine is the 履职档案's line: 「参加培训学习 2 次，计 5.5 学时(只计出席)。」
func trainingLine(r store.DeputyRecord) string {
	if r.Training.Sessions == 0 {
		return "本年度没有出席培训学习的记录。"
	}
	return fmt.Sprintf("出席培训学习 %d 次，计 %s 学时(请假、缺席不计)。", r.Training.Sessions, store.FormatHours(r.Training.Hours))
}

// reportTraining is the 报表 tab's 培训学习 part: a line of figures, each a link to its 明细.
type reportTraining struct {
	reportPart
}

// newTrainingBox builds the part, empty until figures are shown.
func (t *reportTab) newTrainingBox() fyne.CanvasObject {
	part, content := newReportPart("培训学习", nil)
	t.training = &reportTraining{part}
	return content
}

// showTraining fills the part with the figures' training.
func (t *reportTab) showTraining(fig store.Figures) {
	p := t.training
	p.box.RemoveAll()
	if fig.From == "" {
		p.head.SetText("")
		return
	}
	f := fig.Training
	p.head.SetText("点击数字查看口径和明细")
	link := func(text string, open func()) *widget.Hyperlink {
		h := widget.NewHyperlink(text, nil)
		h.OnTapped = open
		return h
	}
	p.box.Add(container.NewHBox(
		widget.NewButtonWithIcon("打印培训学习情况表", theme.DocumentPrintIcon(), func() { t.d.printTo(t.d.trainingTable(fig.From.Year())) }),
		link(fmt.Sprintf("培训 %d 次", f.Sessions()), func() { t.explainTrainings(f) }),
		link(fmt.Sprintf("参训 %d 人次", f.Attendances), func() { t.explainTrainings(f) }),
		link(fmt.Sprintf("人均学时 %s", store.FormatHours(f.PerDeputy())), func() { t.explainHours(f) })))
	c := f.NewDeputies
	if len(c.Deputies) == 0 {
		return
	}
	untrained := c.Untrained()
	var text string
	switch {
	case len(untrained) == 0:
		text = fmt.Sprintf("%s新任代表 %d 人均已在第一次人代会前参加培训", c.Term.Name(), len(c.Deputies))
	case c.Held():
		text = fmt.Sprintf("%s新任代表 %d 人中 %d 人未在第一次人代会(%s)前参加培训", c.Term.Name(), len(c.Deputies), len(untrained), c.FirstSession.Chinese())
	default:
		text = fmt.Sprintf("%s新任代表 %d 人中 %d 人尚未参加培训(第一次人代会前应培训)", c.Term.Name(), len(c.Deputies), len(untrained))
	}
	l := widget.NewLabel(text)
	if c.Held() && len(untrained) > 0 {
		l.Importance = widget.DangerImportance
	}
	p.box.Add(container.NewHBox(l, link("查看名单", func() { t.explainNewDeputies(c) })))
}

// explainTraining shows a 明细 dialog: the 口径 over a list; tapping a line calls open (when set).
func (t *reportTab) explainTraining(title, head string, lines []string, open func(int)) {
	def := widget.NewLabel("口径：" + store.TrainingDefinition)
	def.Wrapping = fyne.TextWrapWord
	box := container.NewBorder(def, nil, nil, nil, simpleList(head, lines, open))
	dlg := dialog.NewCustom(title, "关闭", box, t.d.win)
	t.explainBox, t.explainDlg = box, dlg
	dlg.Resize(fyne.NewSize(820, 520))
	dlg.Show()
}

// explainTrainings lists the trainings; tapping one opens it in 会议.
func (t *reportTab) explainTrainings(f store.TrainingFigures) {
	lines := make([]string, len(f.Trainings))
	for i, tr := range f.Trainings {
		hours := "学时未登记"
		if len(tr.Topics) > 0 {
			hours = store.FormatHours(tr.Hours()) + " 学时"
		}
		lines[i] = fmt.Sprintf("%s　%s　%s，出席 %d 人、请假 %d 人、缺席 %d 人", tr.Meeting.Start.Chinese(), tr.Meeting.Title, hours,
			tr.Meeting.Present, tr.Meeting.Leave, tr.Meeting.Absent)
	}
	t.explainTraining("培训学习：口径和明细", fmt.Sprintf("培训 %d 次，参训 %d 人次(点击在「会议」中打开)", f.Sessions(), f.Attendances), lines, func(i int) {
		t.openMeeting(f.Trainings[i].Meeting)
	})
}

// explainHours lists each deputy's hours, most first.
func (t *reportTab) explainHours(f store.TrainingFigures) {
	rows := f.Trainees
	lines := make([]string, len(rows))
	for i, r := range rows {
		lines[i] = fmt.Sprintf("%s　%s　出席培训 %d 次，%s 学时", r.Name, r.GroupName, r.Sessions, store.FormatHours(r.Hours))
	}
	t.explainTraining("代表培训学时：口径和明细", fmt.Sprintf("在任代表 %d 人，学时合计 %s，人均 %s", len(rows),
		store.FormatHours(f.DeputyHours()), store.FormatHours(f.PerDeputy())), lines, nil)
}

// explainNewDeputies lists the new deputies without training before the first session.
func (t *reportTab) explainNewDeputies(c store.NewDeputyCheck) {
	untrained := c.Untrained()
	lines := make([]string, len(untrained))
	for i, n := range untrained {
		lines[i] = fmt.Sprintf("%s　%s　当选 %s", n.Name, n.GroupName, n.Start.Chinese())
		if n.Later != "" {
			lines[i] += "，" + n.Later.Chinese() + "补训"
		}
	}
	session := "第一次人代会尚未登记"
	if c.FirstSession != "" {
		session = "第一次人代会 " + c.FirstSession.Chinese()
	}
	t.explainTraining("新任代表会前培训：口径和明细", fmt.Sprintf("%s新任代表 %d 人，届次开始 %s，%s；未培训 %d 人", c.Term.Name(),
		len(c.Deputies), c.From.Chinese(), session, len(untrained)), lines, nil)
}

// openMeeting closes the 明细 and shows the meeting in 会议.
func (t *reportTab) openMeeting(m store.Meeting) {
	if t.explainDlg != nil {
		t.explainDlg.Hide()
	}
	t.d.showTab(t.d.meetings.content)
	t.d.meetings.show(m)
}
