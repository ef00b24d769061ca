package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// A reception record's voters and issues (issue 18 §1). The voters are typed one a line in the record's form
// (姓名 村(居) 联系方式), so the form's guard and drafts keep them as any field; the issues are a page of their
// own beside the form, each added, changed or turned into a suggestion (转为建议) or a petition (转信访) one by
// one, and saved with the record at once.

// votersText is the voters one a line: 「张秀英 河东村 138…」.
func votersText(vs []store.ReceptionVoter) string {
	lines := make([]string, len(vs))
	for i, v := range vs {
		lines[i] = strings.TrimSpace(strings.Join([]string{v.Name, v.Village, v.Contact}, " "))
	}
	return strings.Join(lines, "\n")
}

// parseVoters reads the voters typed one a line: the name, then the village, then how to reach them, separated
// by spaces or commas. Blank lines are skipped.
func parseVoters(text string) []store.ReceptionVoter {
	var out []store.ReceptionVoter
	for _, line := range strings.Split(text, "\n") {
		f := strings.FieldsFunc(line, func(r rune) bool {
			return r == ' ' || r == '\t' || r == '\u3000' || r == ',' || r == '，' || r == '、'
		})
		if len(f) == 0 {
			continue
		}
		v := store.ReceptionVoter{Name: f[0]}
		if len(f) > 1 {
			v.Village = f[1]
		}
		if len(f) > 2 {
			v.Contact = strings.Join(f[2:], " ")
		}
		out = append(out, v)
	}
	return out
}

// issueLine is an issue as its row shows it: who, what, and how it was handled.
func issueLine(n int, i store.ReceptionIssue) string {
	who := ""
	if i.Voter != "" {
		who = "（" + i.Voter + "）"
	}
	return fmt.Sprintf("%d. %s%s\n处理：%s", n, strings.Join(strings.Fields(i.Content), " "), who, i.Handling())
}

// issuesTitle is the title of the issues page: 反映问题(3).
func issuesTitle(n int) string { return fmt.Sprintf("反映问题(%d)", n) }

// issuesPage is the 反映问题 page of a saved reception: the issues with their buttons, and 添加问题.
func (t *stationsTab) issuesPage() fyne.CanvasObject {
	t.issuesBox = container.NewStack()
	t.drawIssues()
	return t.issuesBox
}

// drawIssues redraws the issues of the record in the form.
func (t *stationsTab) drawIssues() {
	if t.issuesBox == nil {
		return
	}
	r := t.recCurrent
	rows := container.NewVBox()
	for k, i := range r.Issues {
		line := widget.NewLabel(issueLine(k+1, i))
		line.Wrapping = fyne.TextWrapWord
		buttons := container.NewHBox(widget.NewButtonWithIcon("修改", theme.DocumentCreateIcon(), func() { t.issueDialog(k) }))
		if i.SuggestionID == 0 && i.PetitionID == 0 {
			buttons.Add(widget.NewButtonWithIcon("转为建议", theme.MailForwardIcon(), func() { t.d.items.newFromIssue(t.current, t.recCurrent, i) }))
			buttons.Add(widget.NewButtonWithIcon("转信访", theme.MailForwardIcon(), func() { t.d.petitions.newFromIssue(t.current, t.recCurrent, i) }))
			buttons.Add(widget.NewButtonWithIcon("删除", theme.DeleteIcon(), func() { t.removeIssue(k) }))
		}
		rows.Add(container.NewBorder(nil, nil, nil, buttons, line))
		rows.Add(widget.NewSeparator())
	}
	head := fmt.Sprintf("反映问题共 %d 条", len(r.Issues))
	if len(r.Issues) == 0 {
		head = "还没有登记反映的问题"
	}
	add := widget.NewButtonWithIcon("添加问题", theme.ContentAddIcon(), func() { t.issueDialog(-1) })
	top := container.NewBorder(nil, nil, nil, add, boldLabel(head))
	t.issuesBox.Objects = []fyne.CanvasObject{container.NewBorder(top, nil, nil, nil, container.NewVScroll(rows))}
	t.issuesBox.Refresh()
	if t.recTabs != nil && len(t.recTabs.Items) == 2 {
		t.recTabs.Items[1].Text = issuesTitle(len(r.Issues))
		t.recTabs.Refresh()
	}
}

// issueDialog adds an issue (k < 0) or changes issue k of the record in the form, saving the record at once.
func (t *stationsTab) issueDialog(k int) {
	r := t.recCurrent
	var x store.ReceptionIssue
	if k >= 0 {
		x = r.Issues[k]
	}
	var names []string
	for _, v := range parseVoters(t.votersEntry.Text) {
		names = append(names, v.Name)
	}
	voter := widget.NewSelectEntry(names)
	voter.SetPlaceHolder("选择或填写，可不填")
	voter.SetText(x.Voter)
	content := requiredText("反映的问题", 4)
	content.SetText(x.Content)
	routes := append([]string{store.RouteLabel(store.RouteUndecided)}, store.IssueRoutes...)
	route := selectWith(routes, false)
	route.SetSelected(store.RouteLabel(x.Route))
	if x.SuggestionID != 0 || x.PetitionID != 0 {
		route.Disable() // what it became decides its route (store: keepIssueLinks)
	}
	to := newTextEntry()
	to.SetPlaceHolder("转村(居)时填写：哪个村(居)委会")
	to.SetText(x.ReferredTo)
	result := multiline(3)
	result.SetText(x.Result)
	items := []*widget.FormItem{
		widget.NewFormItem("反映人", voter), widget.NewFormItem("内容", content), widget.NewFormItem("处理方式", route),
		widget.NewFormItem("转交对象", to), widget.NewFormItem("处理结果", result),
	}
	title := "添加反映的问题"
	if k >= 0 {
		title = fmt.Sprintf("第%d条问题", k+1)
	}
	f := newStepForm(t.d.win, title, t.current.Name+" "+r.Date.Chinese()+"接待选民", nil, items, func() error {
		y := x
		y.Voter, y.Content, y.ReferredTo, y.Result = strings.TrimSpace(voter.Text), content.Text, to.Text, result.Text
		y.Route = route.Selected
		if y.Route == store.RouteLabel(store.RouteUndecided) {
			y.Route = store.RouteUndecided
		}
		rec := r
		rec.Issues = slices.Clone(r.Issues)
		if k >= 0 {
			rec.Issues[k] = y
		} else {
			rec.Issues = append(rec.Issues, y)
		}
		return t.saveIssues(rec)
	})
	f.after = func() { t.recPane.showInfo("已保存反映的问题") }
}

// removeIssue deletes issue k after a confirmation.
func (t *stationsTab) removeIssue(k int) {
	r := t.recCurrent
	t.d.confirmDelete("反映的问题", shortSubject(r.Issues[k].Content), nil, func() error {
		rec := r
		rec.Issues = slices.Delete(slices.Clone(r.Issues), k, k+1)
		return t.saveIssues(rec)
	})
}

// saveIssues saves the record as stored with its issues changed (the form's unsaved fields stay unsaved in
// the form) and redraws the issues and the list.
func (t *stationsTab) saveIssues(rec store.Reception) error {
	if err := t.d.db.SaveReception(t.d.ctx, &rec); err != nil {
		return err
	}
	t.issuesChanged()
	return nil
}

// issuesChanged re-reads the record in the form after its issues changed here or in another tab (a
// suggestion or petition registered from one of them), and redraws its issues and the list.
func (t *stationsTab) issuesChanged() {
	if t.recCurrent.ID == 0 {
		return
	}
	fresh, err := t.d.db.Reception(t.d.ctx, t.recCurrent.ID)
	if err != nil {
		logError("联络站: 读取接待记录", err) // deleted meanwhile: the list below no longer shows it
		return
	}
	t.recCurrent.Issues = fresh.Issues
	t.drawIssues()
	if t.current.ID != 0 {
		t.loadReceptions(t.current.ID)
	}
}

// raisedSaved redraws what a suggestion or petition was just registered from: the reception's issues in
// 联络站 and the deputy's visits in 代表.
func (d *desk) raisedSaved() {
	if d.stations != nil {
		d.stations.issuesChanged()
	}
	if d.deputies != nil && d.deputies.current.ID != 0 {
		d.deputies.loadVisits(d.deputies.current, d.today())
	}
}
