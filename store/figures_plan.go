package store

import (
	"context"
	"fmt"
	"math"
)

// The work plan's figures (issue 22): how the year's plan stands at a date — planned, done, not done, still
// open and cancelled — by quarter, beside the other figures so that the 报表 tab, the workbook and the report
// text read the same numbers. Like the compliance table, the plan is of the calendar year holding the last day
// counted (CountedOn), counted up to that day.
//
// Definition (口径, also said by PlanDefinition): 计划 counts every item of the year's plan; 已完成 those linked
// to a record dated on or before the day; 已取消 those cancelled on or before it (and not done); 未完成 those
// whose month, quarter or year ended on or before it with nothing linked; 待完成 the rest. Planned = done +
// cancelled + not done + open. An item of a month counts in that month's quarter; 全年 holds the items planned
// for the year without a month or quarter.

// PlanCount is the plan's counts in a quarter (or the year).
type PlanCount struct {
	Label     string // 第一季度 … 第四季度, 全年安排, 合计
	Quarter   int    // 1–4; 0 for the items of the whole year; -1 for the total
	Planned   int
	Done      int
	Missed    int
	Open      int
	Cancelled int
}

// PlanFigures is the plan of Year as of AsOf.
type PlanFigures struct {
	Year  int
	AsOf  Date
	Items []PlanItem  // the year's plan, in its order
	Rows  []PlanCount // the four quarters, then 全年安排 (items of the whole year)
	Total PlanCount
}

// PlanDefinition is the 口径 of the plan's figures.
const PlanDefinition = "计划项为年度工作计划中的全部项目；已完成为关联了完成记录且记录日期不晚于统计日的；已取消为统计日前已取消的；" +
	"未完成为所安排的月份、季度或年度已到期仍未关联完成记录的；待完成为尚未到期的。计划 = 已完成 + 已取消 + 未完成 + 待完成；" +
	"按月安排的项目计入所在季度。"

// DoneRate is 完成率: done over the items due or done by the day and not cancelled.
func (c PlanCount) DoneRate() Rate { return Rate{Num: c.Done, Den: c.Done + c.Missed} }

// Status is the count of one status.
func (c PlanCount) Status(s string) int {
	switch s {
	case PlanDone:
		return c.Done
	case PlanMissed:
		return c.Missed
	case PlanOpen:
		return c.Open
	case PlanCancelled:
		return c.Cancelled
	}
	return c.Planned
}

// ItemsIn lists the items a cell counts: of a quarter (0: the whole year's; -1: all) with a status ("": any).
func (f PlanFigures) ItemsIn(quarter int, status string) []PlanItem {
	var out []PlanItem
	for _, p := range f.Items {
		if (quarter < 0 || p.QuarterOf() == quarter) && (status == "" || p.StatusOn(f.AsOf) == status) {
			out = append(out, p)
		}
	}
	return out
}

// countPlan counts items at asOf.
func countPlan(year int, asOf Date, items []PlanItem) PlanFigures {
	f := PlanFigures{Year: year, AsOf: asOf, Items: items, Total: PlanCount{Label: "合计", Quarter: -1}}
	for q := 1; q <= 4; q++ {
		f.Rows = append(f.Rows, PlanCount{Label: "第" + ChineseNumber(q) + "季度", Quarter: q})
	}
	f.Rows = append(f.Rows, PlanCount{Label: "全年安排", Quarter: 0})
	for _, p := range items {
		row := &f.Rows[4]
		if q := p.QuarterOf(); q > 0 {
			row = &f.Rows[q-1]
		}
		for _, c := range []*PlanCount{row, &f.Total} {
			c.Planned++
			switch p.StatusOn(asOf) {
			case PlanDone:
				c.Done++
			case PlanCancelled:
				c.Cancelled++
			case PlanMissed:
				c.Missed++
			default:
				c.Open++
			}
		}
	}
	return f
}

// planFigures fills in f.Plan: the plan of the year holding the last day counted, up to that day.
func (tx *Tx) planFigures(f *Figures) error {
	last := f.CountedOn()
	if last < f.From {
		return nil
	}
	items, err := tx.planItems(last.Year(), 0)
	if err != nil {
		return err
	}
	f.Plan = countPlan(last.Year(), last, items)
	return nil
}

// PlanStatus returns the plan of a year as of asOf (empty: 31 December, or today within the year).
func (db *DB) PlanStatus(ctx context.Context, year int, asOf Date) (out PlanFigures, err error) {
	if year < 1900 || year > 2200 {
		return out, fieldErr(planYearField, "(%d)不是合理的年份", year)
	}
	err = db.view(ctx, func(tx *Tx) error {
		if asOf == "" {
			asOf = min(YearPeriod(year).To, DateOf(tx.now))
		}
		items, err := tx.planItems(year, 0)
		out = countPlan(year, asOf, items)
		return err
	})
	return out, err
}

// planReminders are the plan's items of today's month or quarter not done yet, for 工作提醒. An item made
// from a work rule is left to the rule: its own reminder says the same, and a rule switched off in 设置 is one
// the clerk no longer wants to be reminded of (an item whose rule was deleted reminds like any other).
func (tx *Tx) planReminders(today Date) ([]Reminder, error) {
	// Only this month's and this quarter's items not made from a rule can be open today: read just those
	// (the year's whole plan, with its links, took a tenth of 概览's refresh on the stress data).
	w := &where{}
	w.add("p.year = ?", today.Year())
	w.add("coalesce(p.rule_id, 0) = 0")
	month := int(today.Time().Month())
	w.add("(p.month = ? OR p.quarter = ?)", month, (month-1)/3+1)
	items, err := tx.planItemsWhere(w)
	if err != nil {
		return nil, err
	}
	var out []Reminder
	for _, p := range items {
		if (p.Month == 0 && p.Quarter == 0) || p.RuleID != 0 || p.StatusOn(today) != PlanOpen {
			continue
		}
		span := p.Span()
		if span.From > today {
			continue
		}
		left := int(math.Round(span.To.Time().Sub(today.Time()).Hours() / 24))
		when := "本月"
		if p.Quarter != 0 {
			when = "本季度"
		}
		tail := fmt.Sprintf("还剩%d天", left)
		if left == 0 {
			tail = "今天截止"
		}
		out = append(out, Reminder{PlanItemID: p.ID, Text: fmt.Sprintf("年度计划%s安排的「%s」尚未完成（%s）", when, p.Title, tail),
			Due: span.To, DaysLeft: left})
	}
	return out, nil
}
