package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// The 报表 tab's 工作规则执行情况 part (issue 22): each enabled rule of 设置 → 工作规则 with what the year of
// the period required, what was done and the gap, from the same figures as the workbook's sheet; tapping a
// rule shows its 口径, the periods that fell short and the records counted (a meeting opens in 会议).

// reportRules is the part on screen: rebuilt for the figures shown, since the rules are the clerk's.
type reportRules struct {
	reportPart
}

// newRulesBox builds the part, empty until figures are shown.
func (t *reportTab) newRulesBox() fyne.CanvasObject {
	part, content := newReportPart("工作规则执行情况", nil)
	t.rules = &reportRules{part}
	return content
}

// showRules fills the part with the figures' compliance rows.
func (t *reportTab) showRules(fig store.Figures) {
	r := t.rules
	r.box.RemoveAll()
	if fig.ComplianceYear == 0 {
		r.head.SetText("")
		return
	}
	last := fig.CountedOn()
	r.head.SetText(fmt.Sprintf("%d年度，截至%s；点击规则查看口径和明细", fig.ComplianceYear, last.Chinese()))
	if len(fig.Compliance) == 0 {
		r.box.Add(widget.NewLabel("没有启用的工作规则(在「设置 → 工作规则」中启用)。"))
		return
	}
	cols := &reportColumns{widths: []float32{150, 170, 0}}
	for _, row := range fig.Compliance {
		name := widget.NewHyperlink(row.Rule.Name, nil)
		name.OnTapped = func() { t.explainRule(row, last) }
		value := widget.NewLabel(reportRuleLine(row))
		if row.Missed > 0 {
			value.Importance = widget.DangerImportance
		}
		r.box.Add(container.New(cols, name, widget.NewLabel(row.Rule.Phrase()), value))
	}
}

// reportRuleLine is 「应4次，已完成3次，未完成1次，待完成0次」.
func reportRuleLine(r store.ComplianceRow) string {
	return fmt.Sprintf("应%d次，已完成%d次，未完成%d次，待完成%d次", r.Required, r.Done, r.Missed, r.Open)
}

// explainRule shows a rule's 口径, the periods short by last, and the records it counted.
func (t *reportTab) explainRule(r store.ComplianceRow, last store.Date) {
	var missed []string
	for _, u := range r.MissedUnits(last) {
		missed = append(missed, fmt.Sprintf("%s(%d/%d)", u.Where(), u.Done, u.Required))
	}
	text := "口径：" + store.ComplianceDefinition(r.Rule) + fmt.Sprintf("统计截至%s。\n%s。", last.Chinese(), reportRuleLine(r))
	if len(missed) > 0 {
		text += "\n未完成的时段：" + strings.Join(missed, "、")
	}
	def := widget.NewLabel(text)
	def.Wrapping = fyne.TextWrapWord
	items := r.Items()
	lines := make([]string, len(items))
	for i, it := range items {
		lines[i] = it.Date.Chinese() + "　" + it.Title
	}
	var dlg dialog.Dialog
	list := simpleList(fmt.Sprintf("计入的记录 %d 项(点击会议在「会议」中打开)", len(items)), lines, func(i int) {
		it := items[i]
		if !strings.HasPrefix(it.Measure, store.MeasureMeeting) {
			return
		}
		m, err := t.d.db.Meeting(t.d.ctx, it.ID)
		if err != nil {
			t.d.showError(err)
			return
		}
		dlg.Hide()
		t.d.showTab(t.d.meetings.content)
		t.d.meetings.show(m)
	})
	dlg = dialog.NewCustom(r.Rule.Name+"：口径和明细", "关闭", container.NewBorder(def, nil, nil, nil, list), t.d.win)
	dlg.Resize(fyne.NewSize(820, 480))
	dlg.Show()
}
