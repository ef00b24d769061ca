package export

import (
	"fmt"
	"slices"
	"strings"

	"rendadesk/store"
)

// The year's work plan (issue 22): the plan's execution as a sheet of the workbook (T24, beside the rules'
// compliance), and the plan itself as the 年度工作要点 the presidium sends to the Party committee for approval
// (`rendadesk print work-plan --year Y`): the items grouped by kind, numbered, with their month or quarter.

// planHeaders are the columns of the plan's execution table.
var planHeaders = []string{"时段", "计划(项)", "已完成(项)", "未完成(项)", "待完成(项)", "已取消(项)", "完成率"}

// planCells is one row of the execution table.
func planCells(c store.PlanCount) []any {
	return []any{c.Label, c.Planned, c.Done, c.Missed, c.Open, c.Cancelled, c.DoneRate()}
}

// planNote is the line under the table: the year, the day counted and the 口径.
func planNote(p store.PlanFigures) string {
	return fmt.Sprintf("%d年度工作计划，统计截至%s。%s完成率 = 已完成 ÷ (已完成 + 未完成)。", p.Year, p.AsOf.Chinese(), store.PlanDefinition)
}

// t24 is 年度计划执行情况: the year's plan by quarter — planned, done, not done, open, cancelled.
func (w Report) t24() rtable {
	p := w.Figures.Plan
	t := rtable{name: "年度计划执行", heading: "年度工作计划执行情况表", headers: planHeaders, keyCols: 1,
		empty: "本年度还没有工作计划(在「报表 → 年度工作计划」中编制)。", wide: map[int]float64{0: 12}}
	if p.Year == 0 || len(p.Items) == 0 {
		return t
	}
	for _, c := range p.Rows {
		t.rows = append(t.rows, trow{cells: planCells(c)})
	}
	t.rows = append(t.rows, trow{cells: planCells(p.Total), total: true})
	t.note = planNote(p)
	return t
}

// PlanLine is one numbered item of the 工作要点: items of the same kind and title are one line with their
// times (「主席团会议（每季度）」).
type PlanLine struct {
	Title  string
	When   string // 每季度, 第一、三季度, 3月、6月, 全年
	Owners string
}

// PlanLines groups a year's plan (cancelled items left out) by kind in store.PlanKinds order, one line per
// title with its times; kinds without items are absent.
func PlanLines(items []store.PlanItem) (kinds []string, lines map[string][]PlanLine) {
	type acc struct {
		title            string
		months, quarters []int
		year             bool
		owners           []string
	}
	byKind := map[string][]*acc{}
	for _, p := range items {
		if p.CancelledOn != "" {
			continue
		}
		var a *acc
		for _, x := range byKind[p.Kind] {
			if x.title == p.Title {
				a = x
			}
		}
		if a == nil {
			a = &acc{title: p.Title}
			byKind[p.Kind] = append(byKind[p.Kind], a)
		}
		switch {
		case p.Month != 0:
			a.months = append(a.months, p.Month)
		case p.Quarter != 0:
			a.quarters = append(a.quarters, p.Quarter)
		default:
			a.year = true
		}
		if p.Owner != "" && !slices.Contains(a.owners, p.Owner) {
			a.owners = append(a.owners, p.Owner)
		}
	}
	lines = map[string][]PlanLine{}
	for _, k := range store.PlanKinds {
		for _, a := range byKind[k] {
			lines[k] = append(lines[k], PlanLine{Title: a.title, When: planWhen(a.months, a.quarters, a.year),
				Owners: strings.Join(a.owners, "、")})
		}
		if len(lines[k]) > 0 {
			kinds = append(kinds, k)
		}
	}
	return kinds, lines
}

// planWhen says an item's times: every month → 每月, every quarter → 每季度, otherwise the list.
func planWhen(months, quarters []int, year bool) string {
	slices.Sort(months)
	months = slices.Compact(months)
	slices.Sort(quarters)
	quarters = slices.Compact(quarters)
	var parts []string
	switch {
	case len(months) == 12:
		parts = append(parts, "每月")
	case len(months) > 0:
		var ms []string
		for _, m := range months {
			ms = append(ms, fmt.Sprintf("%d月", m))
		}
		parts = append(parts, strings.Join(ms, "、"))
	}
	switch {
	case len(quarters) == 4:
		parts = append(parts, "每季度")
	case len(quarters) > 0:
		var qs []string
		for _, q := range quarters {
			qs = append(qs, store.ChineseNumber(q))
		}
		parts = append(parts, "第"+strings.Join(qs, "、")+"季度")
	}
	if year || len(parts) == 0 {
		parts = append(parts, "全年")
	}
	return strings.Join(parts, "、")
}

// WorkPlan prints the year's plan as the 年度工作要点 (公文: A4, the office in the header, 「第 x 页 共 y
// 页」): 「青山镇人大主席团2025年工作要点」, the items grouped by kind (一、会议 …) and numbered, each with its
// month or quarter and who is responsible, signed by the office on signed.
func WorkPlan(path string, st store.Settings, year int, items []store.PlanItem, signed store.Date) error {
	d := newDocument(st.OfficeName, "年度工作要点", false)
	d.title(fmt.Sprintf("%s%d年工作要点", st.OfficeName, year))
	d.writePlan(year, items)
	d.signature(st.OfficeName, signed.Chinese())
	return d.save(path)
}

// writePlan writes the 要点's body: the opening line and the items by kind.
func (d *document) writePlan(year int, items []store.PlanItem) {
	kinds, lines := PlanLines(items)
	if len(kinds) == 0 {
		d.paragraph(fmt.Sprintf("%d年度还没有编制工作计划。", year), paraStyle{indent: true})
		return
	}
	d.paragraph(fmt.Sprintf("根据法律规定和镇党委的工作部署，结合工作规则和上年工作情况，%d年人大主席团主要安排以下工作：", year),
		paraStyle{indent: true, after: 2})
	for i, k := range kinds {
		d.heading(fmt.Sprintf("%s、%s", store.ChineseNumber(i+1), k))
		for n, l := range lines[k] {
			s := fmt.Sprintf("%d．%s（%s）。", n+1, l.Title, l.When)
			if l.Owners != "" {
				s += "责任人：" + l.Owners + "。"
			}
			d.paragraph(s, paraStyle{indent: true, after: 1})
		}
	}
}
