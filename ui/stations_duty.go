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

// The 值班与接待日 section of a station (issue 18 §3 and §5): the month's duty days at the station and the town's
// reception days, each flagged when it passed without a reception record; 按规则生成 makes a month's schedule
// for every station from the rules and the stationed deputies; a day is changed, added or removed by hand; the
// 值班表 and the station's monthly 公示表 are printed from here.

// dutySection is the section's state for the station shown.
type dutySection struct {
	month store.Month
	pick  *widget.Select
	list  *fyne.Container
}

// dutyMonths are the months the section offers: last month, this one and the next two.
func dutyMonths(today store.Date) []store.Month {
	m := store.MonthOf(today).Prev()
	out := make([]store.Month, 4)
	for i := range out {
		out[i] = m
		m = m.Next()
	}
	return out
}

// dutyOf builds the section for the station x, on this month.
func (t *stationsTab) dutyOf(x store.Station) fyne.CanvasObject {
	today := t.d.today()
	s := &dutySection{month: store.MonthOf(today), list: container.NewStack()}
	t.duty = s
	var labels []string
	months := dutyMonths(today)
	for _, m := range months {
		labels = append(labels, m.Chinese())
	}
	s.pick = newSelect(labels, func(v string) {
		for _, m := range months {
			if m.Chinese() == v {
				s.month = m
			}
		}
		t.loadDuty()
	})
	s.pick.PlaceHolder = "选择月份"
	s.pick.SetSelected(s.month.Chinese())
	generate := widget.NewButtonWithIcon("按规则生成", theme.ViewRefreshIcon(), t.generateDuty)
	add := widget.NewButtonWithIcon("添加值班日", theme.ContentAddIcon(), func() {
		t.dutyDialog(store.DutyDay{Kind: store.DutyKindStation, StationID: x.ID, Date: s.month.First()})
	})
	var print *widget.Button
	print = widget.NewButtonWithIcon("打印", theme.DocumentPrintIcon(), func() {
		showPrintMenu(print, t.dutyPrintChoices(x, s.month), t.d.printTo)
	})
	rules := widget.NewButtonWithIcon("接待日规则", theme.SettingsIcon(), t.showRulesDialog)
	bar := container.NewHBox(fixedWidth(130, s.pick), generate, add, rules, print)
	t.loadDuty()
	return container.NewBorder(bar, nil, nil, nil, s.list)
}

// dutyPrintChoices are the station's documents of month m: the 值班表 of the month, and the 公示表 of the
// month (its issues, next month's roster) on A4 or A3.
func (t *stationsTab) dutyPrintChoices(x store.Station, m store.Month) []printChoice {
	d := t.d
	roster := document{x.Name + m.Chinese() + "值班表", func(path string) error {
		doc, err := d.db.DutyDoc(d.ctx, m, x.ID)
		if err != nil {
			return err
		}
		return export.DutyRoster(path, doc, d.today())
	}}
	notice := func(paper string) document {
		return document{x.Name + m.Chinese() + "公示表" + paper, func(path string) error {
			doc, err := d.db.StationNoticeDoc(d.ctx, m, x.ID)
			if err != nil {
				return err
			}
			if err := export.StationNotices(path, doc, paper); err != nil {
				return err
			}
			d.noticePrinted(m) // issue 22: the month's 公示 for the work rules
			return nil
		}}
	}
	return []printChoice{{m.Chinese() + "值班表", roster}, {m.Chinese() + "公示表(A4)", notice("A4")}, {m.Chinese() + "公示表(A3)", notice("A3")}}
}

// loadDuty re-reads the month's days of the station shown.
func (t *stationsTab) loadDuty() {
	s := t.duty
	if s == nil || s.list == nil {
		return
	}
	today := t.d.today()
	days, err := t.d.db.DutyDays(t.d.ctx, store.DutyFilter{From: s.month.First(), To: s.month.Last(), StationID: t.current.ID})
	if err != nil {
		s.list.Objects = []fyne.CanvasObject{widget.NewLabel(store.ErrorMessage(err))}
		s.list.Refresh()
		return
	}
	rows := make([]string, len(days))
	missed := 0
	for i, dd := range days {
		rows[i] = dutyLine(dd, today)
		if dd.Missed(today) {
			missed++
		}
	}
	head := fmt.Sprintf("%s共 %d 个值班和接待日", s.month.Chinese(), len(days))
	if missed > 0 {
		head += fmt.Sprintf("，其中 %d 天没有接待记录", missed)
	}
	if len(days) == 0 {
		head = s.month.Chinese() + "还没有值班安排，点「按规则生成」"
	}
	s.list.Objects = []fyne.CanvasObject{simpleList(head, rows, func(i int) { t.dutyDialog(days[i]) })}
	s.list.Refresh()
}

// dutyLine is 「2026-12-01 周二　值班　段柏帆　东风村代表联络站」, flagged 「未见接待记录」 once passed without one.
func dutyLine(dd store.DutyDay, today store.Date) string {
	who := dd.DeputyName
	if who == "" {
		who = "主席、副主席轮流"
	}
	parts := []string{string(dd.Date) + " " + store.WeekdayName(isoWeekdayOf(dd.Date)), dd.Kind, who, dd.Where()}
	if dd.RuleName != "" {
		parts[1] = dd.RuleName
	}
	if dd.Note != "" {
		parts = append(parts, dd.Note)
	}
	if dd.Missed(today) {
		parts = append(parts, "【未见接待记录】")
	}
	return strings.Join(parts, "　")
}

// isoWeekdayOf is 1 for Monday … 7 for Sunday.
func isoWeekdayOf(d store.Date) int {
	n := int(d.Weekday())
	if n == 0 {
		return 7
	}
	return n
}

// generateDuty asks for the weekday of the stations' duty and makes the month's schedule for every station,
// replacing the month's days only when the clerk ticks it.
func (t *stationsTab) generateDuty() {
	m := t.duty.month
	names := make([]string, 7)
	for i := range names {
		names[i] = store.WeekdayName(i + 1)
	}
	weekday := selectWith(names, false)
	weekday.SetSelected(names[0])
	replace := widget.NewCheck("替换本月已有的安排(手工修改会丢失)", nil)
	items := []*widget.FormItem{widget.NewFormItem("每周值班日", weekday), widget.NewFormItem("", replace)}
	head := m.Chinese() + "：为每个在用的联络站按进站代表轮流排班(每周一天，遇节假日顺延)，并按启用的接待日规则安排主席、副主席接待日。"
	var made int
	f := newStepForm(t.d.win, "按规则生成值班安排", head, nil, items, func() error {
		n := 0
		for i, name := range names {
			if name == weekday.Selected {
				n = i + 1
			}
		}
		var err error
		made, err = t.d.db.GenerateDuty(t.d.ctx, m, n, replace.Checked)
		return err
	})
	f.after = func() {
		t.loadDuty()
		t.pane.showInfo(fmt.Sprintf("已生成%s的值班和接待日 %d 天", m.Chinese(), made))
	}
}

// dutyDialog changes a day of the schedule (ID 0: adds one at the station): the date, the deputy on duty and a
// note; 删除 removes it.
func (t *stationsTab) dutyDialog(dd store.DutyDay) {
	date := dateField(dd.Date)
	opts := t.dutyOptions()
	labels := make([]string, len(opts))
	for i, o := range opts {
		labels[i] = o.Label
	}
	deputy := selectWith(labels, dd.Kind == store.DutyKindReception)
	for _, o := range opts {
		if o.ID == dd.DeputyID {
			deputy.SetSelected(o.Label)
		}
	}
	note := newTextEntry()
	note.SetText(dd.Note)
	label := "值班代表"
	if dd.Kind == store.DutyKindReception {
		label = "接待人"
	}
	items := []*widget.FormItem{widget.NewFormItem("日期", date), widget.NewFormItem(label, deputy), widget.NewFormItem("备注", note)}
	var top fyne.CanvasObject
	var f *stepForm
	if dd.ID != 0 {
		top = container.NewHBox(widget.NewButtonWithIcon("删除这一天", theme.DeleteIcon(), func() {
			if err := t.d.db.DeleteDutyDay(t.d.ctx, dd.ID); err != nil {
				f.showError(err)
				return
			}
			f.close()
			t.loadDuty()
		}))
	}
	title := "修改" + dd.Kind
	if dd.ID == 0 {
		title = "添加值班日"
	}
	f = newStepForm(t.d.win, title, t.current.Name, top, items, func() error {
		y := dd
		y.Date, y.Note, y.DeputyID = date.Typed(), note.Text, 0
		for _, o := range opts {
			if o.Label == deputy.Selected {
				y.DeputyID = o.ID
			}
		}
		return t.d.db.SaveDutyDay(t.d.ctx, &y)
	})
	f.after = t.loadDuty
}
