package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// checksOf is a project's 督查 section: the visits by date (who went, the progress seen, what was found), with
// 「添加督查」; a visit clicked opens it to change or remove.
func (p *projectsPane) checksOf(x store.LivelihoodProject) fyne.CanvasObject {
	ks, err := p.d.db.LivelihoodChecks(p.d.ctx, x.ID)
	if err != nil {
		return widget.NewLabel(store.ErrorMessage(err))
	}
	lines := make([]string, len(ks))
	for i, k := range ks {
		lines[i] = k.Line()
	}
	p.checkLines = lines
	add := widget.NewButtonWithIcon("添加督查", theme.ContentAddIcon(), func() { p.checkDialog(x, ks, -1) })
	add.Importance = widget.HighImportance
	list := simpleList(fmt.Sprintf("督查 %d 次(点击一次督查修改或删除)", len(ks)), lines, func(i int) { p.checkDialog(x, ks, i) })
	return container.NewBorder(container.NewHBox(add), nil, nil, nil, list)
}

// checkDialog adds a 督查 to the project (at -1) or changes visit at of ks: its date, who went, the activity it
// was part of, the progress seen and what was found. The store's message stays in the dialog until the save
// goes through; 删除 asks first.
func (p *projectsPane) checkDialog(x store.LivelihoodProject, ks []store.LivelihoodCheck, at int) {
	k := store.LivelihoodCheck{Date: p.d.today(), Who: "镇人大主席团督查组"}
	if at >= 0 {
		k = ks[at]
	}
	date := newDateEntry(true)
	date.SetDate(k.Date)
	who := newTextEntry()
	who.SetText(k.Who)
	who.SetPlaceHolder("督查组或参加的代表")
	names, ids := []string{}, map[string]int64{}
	ms, _, err := p.d.db.Meetings(p.d.ctx, store.MeetingFilter{Year: k.Date.Year()})
	if err != nil {
		p.d.showError(err)
	}
	for _, m := range ms {
		if !slices.Contains([]string{store.MeetingInspect, store.MeetingResearch, store.MeetingLawCheck, store.MeetingSpecial}, m.Kind) {
			continue
		}
		n := string(m.Start) + " " + m.Title
		names = append(names, n)
		ids[n] = m.ID
	}
	meeting := selectWith(names, true)
	for n, id := range ids {
		if id == k.MeetingID && id != 0 {
			meeting.SetSelected(n)
		}
	}
	progress := intEntry()
	progress.SetPlaceHolder("0–100，可不填")
	if k.Progress != nil {
		progress.SetText(strconv.Itoa(*k.Progress))
	}
	finding := multiline(4)
	finding.SetText(k.Finding)
	finding.SetPlaceHolder("发现的问题和工程进展")
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem("督查日期", date),
		widget.NewFormItem("督查人员", who),
		widget.NewFormItem("督查活动", meeting),
		widget.NewFormItem("进度(%)", progress),
		widget.NewFormItem("发现的问题和进展", finding),
	)
	var dlg dialog.Dialog
	save := func(list []store.LivelihoodCheck) error {
		if err := p.d.db.SaveLivelihoodChecks(p.d.ctx, x.ID, list); err != nil {
			return err
		}
		dlg.Hide()
		fresh, err := p.d.db.LivelihoodProject(p.d.ctx, x.ID)
		if err != nil {
			p.d.showError(err)
			return nil
		}
		p.list.reload()
		p.display(fresh)
		p.sections.SelectIndex(1)
		return nil
	}
	ok := widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), func() {
		y := k
		y.Date, y.Who, y.MeetingID, y.Finding = date.Typed(), strings.TrimSpace(who.Text), ids[meeting.Selected], strings.TrimSpace(finding.Text)
		y.Progress = nil
		if s := strings.TrimSpace(progress.Text); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil {
				msg.SetText("进度应是0到100的整数")
				return
			}
			y.Progress = &n
		}
		list := slices.Clone(ks)
		if at >= 0 {
			list[at] = y
		} else {
			list = append(list, y)
		}
		slices.SortStableFunc(list, func(a, b store.LivelihoodCheck) int { return strings.Compare(string(a.Date), string(b.Date)) })
		if err := save(list); err != nil {
			if errs := store.ErrorsOf(err); len(errs) > 0 {
				msg.SetText(errorSummary(errs)) // every problem at once, as a form says them
			} else {
				msg.SetText(store.ErrorMessage(err))
			}
		}
	})
	ok.Importance = widget.HighImportance
	buttons := container.NewHBox(layout.NewSpacer(), widget.NewButton("取消", func() { dlg.Hide() }), ok)
	title := "添加督查"
	if at >= 0 {
		title = "督查(" + string(k.Date) + ")"
		del := widget.NewButtonWithIcon("删除", theme.DeleteIcon(), func() {
			p.d.confirmDelete("督查记录", string(k.Date)+" "+k.Who, nil, func() error {
				return save(slices.Delete(slices.Clone(ks), at, at+1))
			})
		})
		buttons.Objects = append([]fyne.CanvasObject{del}, buttons.Objects...)
	}
	head := widget.NewLabel(x.Name)
	head.Wrapping = fyne.TextWrapWord
	dlg = dialog.NewCustomWithoutButtons(title, container.NewVBox(head, form, msg, buttons), p.d.win)
	dlg.Resize(fyne.NewSize(560, 420))
	dlg.Show()
}
