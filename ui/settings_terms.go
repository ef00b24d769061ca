package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// settingsTerms lists the terms (届) with a form for the chosen one.
type settingsTerms struct {
	*settingsList[store.Term]
}

func newSettingsTerms(t *settingsTab) *settingsTerms {
	m := &settingsTerms{&settingsList[store.Term]{t: t, kind: formTerm, what: "届次",
		hint: "在左侧选择一届，或点「新增」",
		id:   func(x store.Term) int64 { return x.ID },
		name: func(x store.Term) string { return x.FullName() },
		all:  func() ([]store.Term, error) { return t.d.db.Terms(t.d.ctx) },
		confirm: func(x store.Term) string {
			return fmt.Sprintf("确定要删除「%s」吗？\n这一届的代表和会议记录会保留，只是不再标明届次。\n删除后不能恢复。", x.FullName())
		},
		del: t.d.db.DeleteTerm,
	}}
	m.fresh = m.next
	m.form = m.termForm
	m.build([]column[store.Term]{
		{"层级", 60, "", func(x store.Term) string { return x.Level }},
		{"届次", 100, "", func(x store.Term) string { return x.Name() }},
		{"开始日期", 110, "", func(x store.Term) string { return string(x.Start) }},
		{"结束日期", 110, "", func(x store.Term) string { return string(x.End) }},
		{"本届", 60, "", func(x store.Term) string {
			if x.Current {
				return "是"
			}
			return ""
		}},
	})
	// 换届 (termchange.go): the wizard beside the list of terms.
	change := widget.NewButtonWithIcon("开始新一届…", theme.MediaSkipNextIcon(), func() { t.d.startTermChange() })
	m.content = container.NewBorder(container.NewHBox(change, widget.NewLabel("换届：新一届的届次和日期、代表连任或不再担任、新任代表，预览后一次保存")),
		nil, nil, nil, m.content)
	return m
}

// next proposes the term after the newest one.
func (m *settingsTerms) next() store.Term {
	x := store.Term{}
	all, err := m.t.d.db.Terms(m.t.d.ctx)
	if err != nil {
		m.t.d.showError(err)
	}
	if town := termsOf(all, store.LevelTown); len(town) > 0 {
		x.Number = town[0].Number + 1
	}
	return x
}

// termForm is the form of a term: the number (18 → 第十八届, shown as typed), dates and 本届.
func (m *settingsTerms) termForm(x store.Term) *formPane {
	db, ctx := m.t.d.db, m.t.d.ctx
	number := intEntry()
	named := widget.NewLabel("")
	number.OnChanged = func(s string) {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			named.SetText("")
			return
		}
		named.SetText(store.Term{Number: n}.Name())
	}
	if x.Number > 0 {
		number.SetText(strconv.Itoa(x.Number))
	}
	number.SetPlaceHolder("如 18(第十八届)")
	start, end := newDateEntry(false), newDateEntry(false)
	start.SetDate(x.Start)
	end.SetDate(x.End)
	level := newSelect(store.DeputyLevels, nil)
	level.SetSelected(x.Level)
	if x.Level == "" {
		level.SetSelected(store.LevelTown)
	}
	current := widget.NewCheck("当前这一届(每一级只能有一届是本届)", nil)
	current.SetChecked(x.Current)
	pane := newFormPane([]*widget.FormItem{
		widget.NewFormItem("届次", number),
		widget.NewFormItem("名称", named),
		widget.NewFormItem("开始日期", start),
		widget.NewFormItem("结束日期", end),
		widget.NewFormItem("本届", current),
		{Text: "层级", Widget: level, HintText: "镇人大的届次与县(区)人大的届次各自编号、各有起止日期"},
	}, nil)
	// build is the term as the form holds it (a 届次 that is not a number is the form's own problem).
	build := func() store.Term {
		y := x
		y.Level, y.Number, y.Start, y.End, y.Current = level.Selected, atoi(number), start.Typed(), end.Typed(), current.Checked
		return y
	}
	pane.check = func() error { y := build(); return y.Validate() }
	pane.require(store.Required(&store.Term{}))
	pane.onSave = func() error {
		y := build()
		if err := db.SaveTerm(ctx, &y); err != nil {
			return err
		}
		m.saved(y)
		return nil
	}
	if x.ID == 0 {
		pane.title.SetText("新增届次")
	} else {
		pane.title.SetText(x.FullName())
	}
	pane.first = number
	return pane
}
