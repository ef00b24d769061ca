package ui

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// settingsDeadlines is the form over the deadline rules of SPEC §4, with an example computed from the saved
// rules and the holiday calendar, so that the clerk sees what a number means before an item is late by it.
type settingsDeadlines struct {
	t                                  *settingsTab
	deadline, rehandle, maxExt, assign *textEntry
	roll                               *widget.Check
	pane                               *formPane
	example                            *widget.Label
	content                            fyne.CanvasObject
}

func newSettingsDeadlines(t *settingsTab) *settingsDeadlines {
	x := &settingsDeadlines{t: t}
	x.deadline, x.rehandle, x.maxExt, x.assign = intEntry(), intEntry(), intEntry(), intEntry()
	x.roll = widget.NewCheck("到期日遇节假日、休息日顺延", nil)
	// The labels are the store's field labels, so that its message marks the field it names.
	item := func(label string, w fyne.CanvasObject, hint string) *widget.FormItem {
		it := widget.NewFormItem(label, w)
		it.HintText = hint
		return it
	}
	x.pane = newFormPane([]*widget.FormItem{
		item("办理时限(月)", x.deadline, "自交办日期起算，如 3：3月15日交办，6月15日到期"),
		item("重新办理时限(月)", x.rehandle, "代表评价不满意、重新办理时，自重新办理之日起算"),
		item("延期上限(月)", x.maxExt, "延期后的时限自交办日期起最多几个月，应多于办理时限"),
		item("闭会期间交办时限(工作日)", x.assign, "闭会期间收到的建议，收到后几个工作日内应当交办"),
		item("时限遇节假日顺延", x.roll, "交办日期起算，到期日遇法定节假日顺延至下一个工作日"),
	}, x.save)
	x.pane.title.SetText("办理时限")
	x.pane.check = func() error {
		s, err := x.build()
		if err != nil {
			return err
		}
		return s.Validate()
	}
	for _, e := range []*textEntry{x.deadline, x.rehandle, x.maxExt, x.assign} {
		e.OnChanged = func(string) { x.pane.clear() }
	}
	x.roll.OnChanged = func(bool) { x.pane.clear() }
	x.pane.first = x.deadline
	x.example = widget.NewLabel("")
	x.example.Wrapping = fyne.TextWrapWord
	note := widget.NewLabel("工作日按「节假日」中录入的放假和调休上班日期计算；没有录入的日子按周一至周五上班、周六周日休息计算。" +
		"已经交办的建议保留交办时定下的办理时限；延期上限和闭会期间交办时限按现在的设置计算。")
	note.Wrapping = fyne.TextWrapWord
	body := x.pane.scroll.Content.(*fyne.Container)
	body.Add(widget.NewSeparator())
	body.Add(boldLabel("按已保存的设置计算"))
	body.Add(x.example)
	body.Add(note)
	x.content = container.New(settingsNarrow{}, x.pane.content)
	x.pane.track(t.d, formDeadlines, "deadlines", nil, func() string { return "设置「办理时限」" }, func() { t.showSection(x.content) })
	return x
}

// load fills the form from the stored settings and recomputes the example.
func (x *settingsDeadlines) load() {
	s, err := x.t.d.db.Settings(x.t.d.ctx)
	if err != nil {
		x.pane.showError(err)
		return
	}
	x.deadline.SetText(strconv.Itoa(s.DeadlineMonths))
	x.rehandle.SetText(strconv.Itoa(s.RehandleMonths))
	x.maxExt.SetText(strconv.Itoa(s.MaxExtensionMonths))
	x.assign.SetText(strconv.Itoa(s.AssignWorkdays))
	x.roll.SetChecked(s.RollToWorkday)
	x.pane.clear()
	x.pane.state.reset() // the form holds what is stored
	x.updateExample()
}

// build is the stored settings with the form's rules over them (a number that is not one is the form's own
// problem, and reads as 0 here).
func (x *settingsDeadlines) build() (store.Settings, error) {
	s, err := x.t.d.db.Settings(x.t.d.ctx)
	if err != nil {
		return s, err
	}
	s.DeadlineMonths, s.RehandleMonths = atoi(x.deadline), atoi(x.rehandle)
	s.MaxExtensionMonths, s.AssignWorkdays = atoi(x.maxExt), atoi(x.assign)
	s.RollToWorkday = x.roll.Checked
	return s, nil
}

// save stores the four numbers and the check over the stored settings, keeping every other setting.
func (x *settingsDeadlines) save() error {
	s, err := x.build()
	if err != nil {
		return err
	}
	if err := x.t.d.db.SaveSettings(x.t.d.ctx, s); err != nil {
		return err
	}
	x.t.changed() // the 建议 and 概览 tabs count overdue items by these rules
	x.load()
	x.pane.showInfo("已保存")
	return nil
}

// updateExample recomputes the example from the saved rules and the holiday calendar.
func (x *settingsDeadlines) updateExample() {
	db, ctx := x.t.d.db, x.t.d.ctx
	r, err := db.Rules(ctx)
	if err != nil {
		x.example.SetText(store.ErrorMessage(err))
		return
	}
	x.example.SetText(settingsDeadlineExample(r, store.DateOf(db.Now())))
}

// settingsDeadlineExample says what the rules give for an item assigned, or received, today.
func settingsDeadlineExample(r store.Rules, today store.Date) string {
	day := func(d store.Date) string { return d.Chinese() + "(" + settingsWeekday(d) + ")" }
	// rolled says so when a deadline was moved off a day off: 2027年1月25日(星期一；1月23日是星期六，顺延).
	rolled := func(d, plain store.Date) string {
		if d == plain {
			return day(d)
		}
		t := plain.Time()
		return fmt.Sprintf("%s(%s；%d月%d日是%s，顺延)", d.Chinese(), settingsWeekday(d), int(t.Month()), t.Day(), settingsRestDay(r.Calendar, plain))
	}
	s := r.Settings
	return fmt.Sprintf("例：今天是 %s。\n"+
		"今天交办，办理时限为 %s，延期最迟到 %s；\n"+
		"代表不满意、今天重新办理，时限为 %s；\n"+
		"闭会期间今天收到的建议应在 %s前交办。",
		day(today), rolled(r.AssignDeadline(today), today.AddMonths(s.DeadlineMonths)), day(r.MaxExtension(today)),
		rolled(r.RehandleDeadline(today), today.AddMonths(s.RehandleMonths)), day(r.AssignDue(today)))
}

// settingsRestDay says why d is not worked: 节假日 when the clerk entered it, else its weekday (星期六).
func settingsRestDay(c store.Calendar, d store.Date) string {
	if _, ok := c[d]; ok {
		return "节假日"
	}
	return settingsWeekday(d)
}

// settingsNarrow lays its one object out no wider than a comfortable form (wider for a larger text size),
// on the left: a form of four small numbers stretched over a wide screen is hard to read.
type settingsNarrow struct{}

// MinSize is the object's own minimum size.
func (settingsNarrow) MinSize(objects []fyne.CanvasObject) fyne.Size { return objects[0].MinSize() }

// Layout puts the object at the left, the full height and no wider than 52 text sizes.
func (settingsNarrow) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	w := fyne.Min(size.Width, 52*theme.TextSize())
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(fyne.NewSize(w, size.Height))
}
