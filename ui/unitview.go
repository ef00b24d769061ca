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

// unitView is 承办单位办理情况: for a year, how each handling unit has done with the items it leads — replies,
// overdue items, 按期办结率, outcomes and 满意率 — from store.UnitStats. Clicking a unit lists its items in 建议.
type unitView struct {
	t      *suggestionsTab
	dlg    *dialog.CustomDialog
	year   *widget.Select
	table  *widget.Table
	stats  []store.UnitStat
	total  store.UnitStat // the 合计 row
	chosen int            // the year shown; 0 = all years
	prec   int            // decimals of a percentage (设置)
	err    *widget.Label
}

// unitColumn is one column of the unit table.
type unitColumn struct {
	title string
	width float32
	text  func(v *unitView, s store.UnitStat) string
}

func unitCount(f func(store.UnitStat) int) func(*unitView, store.UnitStat) string {
	return func(_ *unitView, s store.UnitStat) string { return strconv.Itoa(f(s)) }
}

var unitColumns = []unitColumn{
	{"承办单位", 190, func(_ *unitView, s store.UnitStat) string { return s.Name }},
	{"主办件数", 80, unitCount(func(s store.UnitStat) int { return s.Assigned })},
	{"已答复", 70, unitCount(func(s store.UnitStat) int { return s.Replied })},
	{"逾期", 60, unitCount(func(s store.UnitStat) int { return s.Overdue })},
	{"按期办结率", 130, func(v *unitView, s store.UnitStat) string { return unitRate(s.OnTime, s.Due, v.prec) }},
	{"已解决", 70, unitCount(func(s store.UnitStat) int { return s.Solved })},
	{"正在解决", 80, unitCount(func(s store.UnitStat) int { return s.Solving })},
	{"列入计划", 80, unitCount(func(s store.UnitStat) int { return s.Planned })},
	{"留作参考", 80, unitCount(func(s store.UnitStat) int { return s.Reference })},
	{"满意率", 130, func(v *unitView, s store.UnitStat) string { return unitRate(s.Satisfied, s.Evaluated, v.prec) }},
	{"协办件数", 80, unitCount(func(s store.UnitStat) int { return s.AssistOnly })},
}

// unitRate shows a rate with what it is made of: 「85.7% (12/14)」, or 「—」 when there is nothing to divide by.
// unitRate shows a rate as 「85.7% (12/14)」 through store.Rate, the formatter the workbook and the report
// text use too, so the same figure reads the same everywhere (「—」 for an empty denominator).
func unitRate(n, d, prec int) string {
	r := store.Rate{Num: n, Den: d}
	if d == 0 {
		return r.Percent(prec)
	}
	return r.Percent(prec) + " (" + r.Explain() + ")"
}

// unitView opens 承办单位办理情况 on the year the list is filtered to (or this year).
func (t *suggestionsTab) unitView() *unitView {
	v := &unitView{t: t, prec: t.settings.Precision}
	years := []string{"全部年度"}
	for _, y := range t.years {
		years = append(years, fmt.Sprintf("%d年", y))
	}
	v.year = newSelect(years, func(s string) {
		v.chosen, _ = strconv.Atoi(strings.TrimSuffix(s, "年")) // 全部年度 → 0
		v.load()
	})
	v.err = widget.NewLabel("")
	v.err.Importance = widget.DangerImportance
	v.err.Hide()
	v.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(v.stats) + 1, len(unitColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			s, total := v.row(id.Row)
			l.TextStyle.Bold = total
			l.Alignment = fyne.TextAlignTrailing
			if id.Col == 0 {
				l.Alignment = fyne.TextAlignLeading
			}
			l.SetText(unitColumns[id.Col].text(v, s))
		})
	v.table.ShowHeaderColumn = false
	v.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	}
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(unitColumns) {
			o.(*widget.Label).SetText(unitColumns[id.Col].title)
		}
	}
	for i, c := range unitColumns {
		v.table.SetColumnWidth(i, c.width)
	}
	v.table.OnSelected = func(id widget.TableCellID) {
		v.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(v.stats) {
			v.open(v.stats[id.Row])
		}
	}

	satisfied := "满意"
	if t.settings.SatisfiedBasic {
		satisfied = "满意和基本满意"
	}
	note := widget.NewLabel("统计所选年度收到、由该单位主办的建议。按期办结率 = 在办理时限内首次答复的件数 ÷ 已到办理时限或已答复的件数；" +
		"满意率 = 代表最近一次评价为" + satisfied + "的件数 ÷ 已评价件数；逾期 = 截至今天超过办理时限仍未答复。点击单位查看它承办的建议。")
	note.Wrapping = fyne.TextWrapWord
	printList := widget.NewButtonWithIcon("打印交办清单", theme.DocumentPrintIcon(), func() {
		t.d.printTo(t.d.assignList(v.selectedYear()))
	})
	printNotice := widget.NewButtonWithIcon("打印督办通知", theme.DocumentPrintIcon(), func() {
		t.d.printTo(t.d.overdueNotice())
	})
	top := container.NewHBox(widget.NewLabel("年度"), fixedWidth(120, v.year), v.err,
		layout.NewSpacer(), printList, printNotice)
	content := container.NewBorder(top, note, nil, nil, v.table)
	v.dlg = dialog.NewCustom("承办单位办理情况", "关闭", content, t.d.win)

	year := t.filter.Year
	if year == 0 {
		year = t.today().Year()
	}
	if s := fmt.Sprintf("%d年", year); slices.Contains(years, s) {
		v.year.SetSelected(s)
	} else {
		v.year.SetSelected(years[0])
	}
	v.dlg.Resize(fyne.NewSize(1220, 640))
	v.dlg.Show()
	return v
}

// row returns the figures of a table row: a unit, or 合计 on the last row.
func (v *unitView) row(i int) (store.UnitStat, bool) {
	if i >= 0 && i < len(v.stats) {
		return v.stats[i], false
	}
	return v.total, true
}

// load reads the figures of the chosen year as of today.
// selectedYear is the chosen year, or this year when 全部年度 is chosen (a 交办清单 is per year).
func (v *unitView) selectedYear() int {
	if v.chosen != 0 {
		return v.chosen
	}
	return v.t.today().Year()
}

func (v *unitView) load() {
	var p store.Period
	if v.chosen != 0 {
		p = store.YearPeriod(v.chosen)
	}
	stats, err := v.t.d.db.UnitStats(v.t.d.ctx, p.From, p.To, v.t.today())
	v.err.Hide()
	if err != nil {
		v.err.SetText(store.ErrorMessage(err))
		v.err.Show()
		stats = nil
	}
	v.stats = stats
	v.total = store.UnitStat{Name: fmt.Sprintf("合计(%d个单位)", len(stats))}
	for _, s := range stats {
		v.total.Assigned += s.Assigned
		v.total.Replied += s.Replied
		v.total.Overdue += s.Overdue
		v.total.Due += s.Due
		v.total.OnTime += s.OnTime
		v.total.Solved += s.Solved
		v.total.Solving += s.Solving
		v.total.Planned += s.Planned
		v.total.Reference += s.Reference
		v.total.Evaluated += s.Evaluated
		v.total.Satisfied += s.Satisfied
		v.total.Closed += s.Closed
		v.total.AssistOnly += s.AssistOnly
	}
	v.table.Refresh()
	v.table.ScrollToTop()
}

// open closes the view and lists the unit's items of the year in 建议.
func (v *unitView) open(s store.UnitStat) {
	v.dlg.Hide()
	v.t.showUnitItems(s.Name, v.chosen)
}

// showUnitItems filters the list to the items a unit leads or assists, received in year (0: all years).
func (t *suggestionsTab) showUnitItems(unit string, year int) {
	if t.d.tabs != nil {
		t.d.tabs.Select(t.tabItem())
	}
	t.filters.state.SetSelected("全部")
	t.filters.remind.SetSelected(remindAll)
	if year == 0 {
		t.filters.year.SetSelected("全部")
	} else {
		t.filters.year.SetSelected(fmt.Sprintf("%d年", year))
	}
	t.filters.unit.SetSelected(unit)
}
