package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// formWorkRule is the kind of the 工作规则 form (guard.go, drafts.go).
const formWorkRule = "settings.work_rule"

// settingsRules is 设置 → 工作规则 (issue 22): the mandated frequencies the 概览 reminds of and the year's
// compliance table measures, each editable or switched off, with 「登记公示」 for a 公示表 posted without
// printing it here. The rules sit in 设置 because the clerk sets them once a year; their results are in 概览
// and 报表, where the clerk looks every day.
type settingsRules struct {
	*settingsList[store.WorkRule]
}

// rulePeriodNames are the periods as the form offers them.
var rulePeriodNames = map[string]string{store.RuleYear: "每年", store.RuleQuarter: "每季度", store.RuleMonth: "每月"}

func newSettingsRules(t *settingsTab) *settingsRules {
	r := &settingsRules{&settingsList[store.WorkRule]{t: t, kind: formWorkRule, what: "工作规则",
		hint:  "在左侧选择一条工作规则修改或停用，或点「新增」",
		id:    func(x store.WorkRule) int64 { return x.ID },
		name:  func(x store.WorkRule) string { return x.Name },
		all:   func() ([]store.WorkRule, error) { return t.d.db.WorkRules(t.d.ctx) },
		fresh: func() store.WorkRule { return store.WorkRule{Period: store.RuleYear, Required: 1, Enabled: true} },
		confirm: func(x store.WorkRule) string {
			return fmt.Sprintf("确定要删除工作规则「%s」吗？\n不再检查时也可以只取消「启用」。已有的会议、记录不受影响。", x.Name)
		},
		del: t.d.db.DeleteWorkRule,
	}}
	r.form = r.ruleForm
	r.build([]column[store.WorkRule]{
		{"规则", 130, "", func(x store.WorkRule) string { return x.Name }},
		{"要求", 210, "", func(x store.WorkRule) string { return x.Phrase() }},
		{"启用", 50, "", func(x store.WorkRule) string { return map[bool]string{true: "是", false: "否"}[x.Enabled] }},
		{"计数对象", 180, "", func(x store.WorkRule) string { return store.MeasureLabel(x.Measure) }},
	})
	post := widget.NewButtonWithIcon("登记公示…", theme.DocumentCreateIcon(), r.recordNotice)
	note := widget.NewLabel("概览按这些规则提醒本期尚未完成的工作；报表的「工作规则执行情况」按年统计。")
	note.Wrapping = fyne.TextWrapWord
	r.content = container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, nil, post, note)), nil, nil, r.content)
	return r
}

// ruleForm is the form of a rule; 保存 creates or updates it.
func (r *settingsRules) ruleForm(x store.WorkRule) *formPane {
	db, ctx := r.t.d.db, r.t.d.ctx
	name := requiredEntry("规则名称")
	name.SetText(x.Name)
	var measures []string
	for _, m := range store.WorkMeasures() {
		measures = append(measures, store.MeasureLabel(m))
	}
	measure := selectWith(measures, false)
	measure.SetSelected(store.MeasureLabel(x.Measure))
	period := selectWith([]string{"每年", "每季度", "每月"}, false)
	period.SetSelected(rulePeriodNames[x.Period])
	required, due := intEntry(), intEntry()
	required.SetText(strconv.Itoa(x.Required))
	if x.DueDay > 0 {
		due.SetText(strconv.Itoa(x.DueDay))
	}
	perGroup := widget.NewCheck("每个代表小组分别计算", nil)
	perGroup.SetChecked(x.PerGroup)
	enabled := widget.NewCheck("启用(取消后不再提醒，也不列入执行情况表)", nil)
	enabled.SetChecked(x.Enabled)
	basis := newTextEntry()
	basis.SetText(x.Basis)
	item := func(label string, w fyne.CanvasObject, hint string) *widget.FormItem {
		it := widget.NewFormItem(label, w)
		it.HintText = hint
		return it
	}
	pane := newFormPane([]*widget.FormItem{
		item("规则名称", name, "如：主席团会议"),
		item("计数对象", measure, "按哪种记录统计完成情况"),
		item("周期", period, ""),
		item("每期至少(次)", required, ""),
		item("每月截止日", due, "每月规则可填，如 10 表示每月10日前；不填为月底"),
		item("每个代表小组", perGroup, "只用于代表小组活动"),
		item("启用", enabled, ""),
		item("依据", basis, "制度或文件中的规定"),
	}, nil)
	build := func() store.WorkRule {
		y := x
		y.Name, y.Measure, y.Basis = name.Text, store.MeasureOf(measure.Selected), strings.TrimSpace(basis.Text)
		for k, v := range rulePeriodNames {
			if v == period.Selected {
				y.Period = k
			}
		}
		y.Required, y.DueDay, y.PerGroup, y.Enabled = atoi(required), atoi(due), perGroup.Checked, enabled.Checked
		return y
	}
	pane.check = func() error { y := build(); return y.Validate() }
	pane.require(store.Required(&store.WorkRule{}))
	pane.onSave = func() error {
		y := build()
		if err := db.SaveWorkRule(ctx, &y); err != nil {
			return err
		}
		r.saved(y)
		return nil
	}
	if x.ID == 0 {
		pane.title.SetText("新增工作规则")
	} else {
		pane.title.SetText(x.Name + "：" + x.Phrase())
	}
	pane.first = name
	return pane
}

// recordNotice asks for the day a 公示表 was posted (by default today, the previous month's receptions) and
// records it for the 家站点公示 rule.
func (r *settingsRules) recordNotice() {
	d := r.t.d
	today := d.today()
	posted := newDateEntry(true)
	posted.SetDate(today)
	month := newTextEntry()
	month.SetText(string(store.MonthOf(today).Prev()))
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem("公示日期", posted), widget.NewFormItem("公示月份", month))
	var dlg *dialog.CustomDialog
	ok := widget.NewButton("登记", func() {
		m, err := store.ParseMonth(strings.TrimSpace(month.Text))
		if err != nil {
			msg.SetText("公示月份：应为 YYYY-MM，如 2024-10")
			return
		}
		p := store.NoticePost{Posted: posted.Typed(), Month: m}
		if err := d.db.RecordNoticePost(d.ctx, &p); err != nil {
			msg.SetText(store.ErrorMessage(err))
			return
		}
		dlg.Hide()
		d.refreshAll()
	})
	ok.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", func() { dlg.Hide() })
	hint := widget.NewLabel("家站点公示表没有从本程序打印时，在这里登记张贴的日期。公示月份是公示表所列接待情况的月份。")
	hint.Wrapping = fyne.TextWrapWord
	dlg = dialog.NewCustomWithoutButtons("登记家站点公示", container.NewVBox(hint, form, msg, container.NewHBox(cancel, ok)), d.win)
	dlg.Resize(fyne.NewSize(480, 0))
	dlg.Show()
}

// noticePrinted records the 公示 of today when the 公示表 just printed or saved (off the UI goroutine) is that of
// last month or this month — the one posted now; reprinting an older month's table is not a new 公示.
func (d *desk) noticePrinted(m store.Month) {
	today := d.today()
	if m != store.MonthOf(today) && m != store.MonthOf(today).Prev() {
		return
	}
	if err := d.db.RecordNoticePost(d.ctx, &store.NoticePost{Posted: today, Month: m}); err != nil {
		logError("登记公示", err)
		return
	}
	fyne.Do(func() { d.overview.refresh() })
}
