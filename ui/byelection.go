package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"rendadesk/export"
	"rendadesk/store"
)

// byElection is 「补选」 on the chosen deputy of the 代表 tab: the by-election of their vacated seat when one
// was started, else 「发起补选」 for a deputy who left (出缺, or a level ended).
func (t *deputiesTab) byElection() {
	x := t.current
	if x.ID == 0 {
		t.d.showError(fmt.Errorf("请先在列表中选择一位出缺的代表"))
		return
	}
	all, err := t.d.db.ByElections(t.d.ctx)
	if err != nil {
		t.d.showError(err)
		return
	}
	if i := slices.IndexFunc(all, func(b store.ByElection) bool { return b.VacatedID == x.ID }); i >= 0 {
		t.d.showByElection(all[i].ID)
		return
	}
	t.d.startByElection(x)
}

// startByElection asks for the level whose seat is filled and the upper congress's approval, then records it.
func (d *desk) startByElection(x store.Deputy) {
	st, err := d.db.Settings(d.ctx)
	if err != nil {
		d.showError(err)
		return
	}
	level := newSelect(x.Levels, nil)
	level.PlaceHolder = "选择层级"
	if len(x.Levels) > 0 {
		level.SetSelected(x.Levels[0])
	}
	by := newTextEntry()
	by.SetText(st.UpperCongress)
	by.SetPlaceHolder("如 崇明区人大常委会")
	approved := newDateEntry(true)
	approved.SetDate(store.DateOf(d.db.Now()))
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	what := fmt.Sprintf("代表「%s」", x.Name)
	if x.Status == store.DeputyVacant {
		what += fmt.Sprintf("于%s因%s出缺", x.VacancyDate.Chinese(), x.VacancyReason)
	}
	form := widget.NewForm(
		widget.NewFormItem("出缺代表", widget.NewLabel(what)),
		widget.NewFormItem("补选层级", level),
		widget.NewFormItem("批准机关", by),
		widget.NewFormItem("批准日期", approved),
	)
	var dlg dialog.Dialog
	start := widget.NewButton("发起补选", func() {
		seat, err := d.db.VacatedSeat(d.ctx, x.ID, level.Selected)
		if err != nil {
			msg.SetText(store.ErrorMessage(err))
			return
		}
		b := store.ByElection{VacatedSeatID: seat.ID, ApprovedBy: by.Text, Approved: approved.Typed()}
		if err := d.db.StartByElection(d.ctx, &b); err != nil {
			msg.SetText(store.ErrorMessage(err))
			return
		}
		dlg.Hide()
		d.refreshAll()
		d.showByElection(b.ID)
	})
	start.Importance = widget.HighImportance
	content := container.NewVBox(widget.NewLabel("补选出缺的代表：先记录上级人大的批准，再登记选举会议，最后确认当选。"), form, msg,
		container.NewHBox(layout.NewSpacer(), widget.NewButton("取消", func() { dlg.Hide() }), start))
	dlg = dialog.NewCustomWithoutButtons("发起补选", content, d.win)
	dlg.Resize(fyne.NewSize(560, 340))
	dlg.Show()
}

// showByElection shows where a by-election stands with the form of its next step: 登记选举 (the meeting, the
// ballots and the candidates' votes), 确认当选 (a new deputy or one already recorded), then the 资格审查 date and
// the printed 补选结果报告.
func (d *desk) showByElection(id int64) {
	b, err := d.db.ByElection(d.ctx, id)
	if err != nil {
		d.showError(err)
		return
	}
	var dlg dialog.Dialog
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	fail := func(err error) { msg.SetText(store.ErrorMessage(err)) }
	next := func() { dlg.Hide(); d.refreshAll(); d.showByElection(id) }

	district := b.District
	if district == "" {
		district = "(未记录选区)"
	}
	facts := widget.NewForm(
		widget.NewFormItem("状态", boldLabel(b.Status())),
		widget.NewFormItem("出缺", widget.NewLabel(fmt.Sprintf("%s，%s，%s", b.VacatedName, b.VacancyReason, b.VacancyDate.Chinese()))),
		widget.NewFormItem("选区", widget.NewLabel(district+"，"+b.Level)),
		widget.NewFormItem("批准", widget.NewLabel(b.ApprovedBy+"，"+b.Approved.Chinese())),
	)
	var step fyne.CanvasObject
	var action *widget.Button
	switch {
	case b.MeetingID == 0:
		step, action = d.byElectionMeetingStep(b, fail, next)
	case b.FilledSeatID == 0:
		facts.Append("选举会议", widget.NewLabel(b.MeetingTitle+"，"+b.MeetingDate.Chinese()))
		step, action = d.byElectionFillStep(b, fail, next)
	default:
		facts.Append("选举会议", widget.NewLabel(b.MeetingTitle+"，"+b.MeetingDate.Chinese()))
		facts.Append("当选", widget.NewLabel(fmt.Sprintf("%s(%s起为%s)", b.ElectedName, b.MeetingDate.Chinese(), deputyWord(b.Level))))
		qualified := newDateEntry(true)
		qualified.SetDate(b.Qualified)
		if b.Qualified == "" {
			qualified.SetDate(store.DateOf(d.db.Now()))
		}
		step = widget.NewForm(widget.NewFormItem("资格审查日期", qualified))
		action = widget.NewButton("保存资格审查日期", func() {
			if err := d.db.SaveByElectionQualified(d.ctx, id, qualified.Typed()); err != nil {
				fail(err)
				return
			}
			next()
		})
	}
	action.Importance = widget.HighImportance
	buttons := []fyne.CanvasObject{layout.NewSpacer(), widget.NewButton("关闭", func() { dlg.Hide() })}
	if b.MeetingID != 0 {
		buttons = append(buttons, widget.NewButton("打印补选结果报告", func() { d.printTo(d.byElectionDoc(id)) }))
	}
	buttons = append(buttons, action)
	content := container.NewBorder(facts, container.NewVBox(msg, container.NewHBox(buttons...)), nil, nil, container.NewVScroll(step))
	dlg = dialog.NewCustomWithoutButtons("补选："+b.VacatedName+"出缺", content, d.win)
	dlg.Resize(fyne.NewSize(760, 620))
	dlg.Show()
}

// byElectionMeetingStep is the form of the election: the meeting, 应到/实到, the ballots and up to four
// candidates with their votes.
func (d *desk) byElectionMeetingStep(b store.ByElection, fail func(error), next func()) (fyne.CanvasObject, *widget.Button) {
	title := newTextEntry()
	title.SetText(strings.SplitN(b.District, "(", 2)[0] + "补选" + deputyWord(b.Level) + "选民大会")
	day := newDateEntry(true)
	place := newTextEntry()
	nums := map[string]*textEntry{}
	form := widget.NewForm(widget.NewFormItem("会议名称", title), widget.NewFormItem("选举日期", day), widget.NewFormItem("地点", place))
	for _, l := range []string{"应到", "实到", "发出选票", "收回选票", "有效选票"} {
		nums[l] = newTextEntry()
		nums[l].SetPlaceHolder("人数/张数")
		form.Append(l, fixedWidth(120, nums[l]))
	}
	type cand struct {
		name, votes *textEntry
		elected     *widget.Check
	}
	var cands []cand
	rows := container.NewVBox(boldLabel("候选人(姓名、得票数、是否当选)"))
	for i := 0; i < 4; i++ {
		c := cand{newTextEntry(), newTextEntry(), widget.NewCheck("当选", nil)}
		c.name.SetPlaceHolder(fmt.Sprintf("候选人%d", i+1))
		c.votes.SetPlaceHolder("得票")
		cands = append(cands, c)
		rows.Add(container.NewBorder(nil, nil, nil, container.NewHBox(fixedWidth(100, c.votes), c.elected), c.name))
	}
	save := widget.NewButton("登记选举", func() {
		var bad error
		n := func(l string) int {
			v, err := atoiField(l, nums[l].Text, false)
			if bad == nil {
				bad = err
			}
			return v
		}
		e := store.Election{Position: deputyWord(b.Level), Seats: 1, Expected: n("应到"), Present: n("实到"), BallotsIssued: n("发出选票"),
			BallotsReturned: n("收回选票"), BallotsValid: n("有效选票")}
		for _, c := range cands {
			if strings.TrimSpace(c.name.Text) == "" {
				continue
			}
			v, err := atoiField("候选人「"+strings.TrimSpace(c.name.Text)+"」的得票数", c.votes.Text, false)
			if bad == nil {
				bad = err
			}
			e.Candidates = append(e.Candidates, store.Candidate{Name: strings.TrimSpace(c.name.Text), Votes: v, Elected: c.elected.Checked})
		}
		if bad != nil {
			fail(bad)
			return
		}
		m := store.Meeting{Title: title.Text, Start: day.Typed(), Place: place.Text}
		if err := d.db.ByElectionMeeting(d.ctx, b.ID, &m, e); err != nil {
			fail(err)
			return
		}
		next()
	})
	return container.NewVBox(boldLabel("第二步：登记选举会议"), form, rows), save
}

// byElectionFillStep confirms who was elected: a new deputy (name from the election, gender), or a deputy
// already recorded gaining this level.
func (d *desk) byElectionFillStep(b store.ByElection, fail func(error), next func()) (fyne.CanvasObject, *widget.Button) {
	r, err := d.db.ByElectionReport(d.ctx, b.ID)
	if err != nil {
		return widget.NewLabel(store.ErrorMessage(err)), widget.NewButton("确认当选", func() { fail(err) })
	}
	var elected []string
	for _, c := range r.Election.Candidates {
		if c.Elected {
			elected = append(elected, c.Name)
		}
	}
	who := newSelect(elected, nil)
	if len(elected) > 0 {
		who.SetSelected(elected[0])
	}
	kind := widget.NewRadioGroup([]string{"新代表", "已登记的代表(增加这一级)"}, nil)
	kind.SetSelected("新代表")
	gender := newSelect(store.Genders, nil)
	ds, _, err := d.db.Deputies(d.ctx, store.DeputyFilter{OnRoll: r.MeetingDate})
	if err != nil {
		fail(err)
	}
	var names []string
	for _, x := range ds {
		names = append(names, x.Name)
	}
	existing := newSelect(names, nil)
	existing.PlaceHolder = "选择代表"
	who.PlaceHolder, gender.PlaceHolder = "选择当选人", "选择性别"
	form := widget.NewForm(widget.NewFormItem("当选人", who), widget.NewFormItem("登记为", kind),
		widget.NewFormItem("性别(新代表)", gender), widget.NewFormItem("已登记的代表", existing))
	hint := widget.NewLabel(fmt.Sprintf("当选人从选举日期(%s)起计为%s；在此之前该席位计为缺额。新代表的其他信息保存后在「代表」中补充。",
		r.MeetingDate.Chinese(), deputyWord(b.Level)))
	hint.Wrapping = fyne.TextWrapWord
	save := widget.NewButton("确认当选", func() {
		f := store.ByElectionFill{Candidate: who.Selected}
		if kind.Selected == "新代表" {
			f.New = &store.Deputy{Name: who.Selected, Gender: gender.Selected}
		} else if i := slices.Index(names, existing.Selected); i >= 0 {
			f.DeputyID = ds[i].ID
		}
		if err := d.db.FillByElection(d.ctx, b.ID, f); err != nil {
			fail(err)
			return
		}
		next()
	})
	return container.NewVBox(boldLabel("第三步：确认当选"), form, hint), save
}

// byElectionDoc is the 补选结果报告 with its 代表资格审查报告, as `rendadesk print by-election-report` makes it.
func (d *desk) byElectionDoc(id int64) document {
	return document{"补选结果报告", func(path string) error {
		st, err := d.db.Settings(d.ctx)
		if err != nil {
			return err
		}
		r, err := d.db.ByElectionReport(d.ctx, id)
		if err != nil {
			return err
		}
		return export.ByElectionReport(path, st, r, store.DateOf(d.db.Now()))
	}}
}

// deputyWord is 「镇人大代表」 for 镇级, 「县人大代表」 for 县级 …
func deputyWord(level string) string { return strings.TrimSuffix(level, "级") + "人大代表" }
