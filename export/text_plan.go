package export

import (
	"fmt"
	"strings"

	"rendadesk/store"
)

// The report text's sentences of issue 22: the work rules kept (「全年应召开主席团会议4次，实际召开4次」), the
// year's plan carried out, and the deputies first in the 履职积分 ranking — from the same figures as 表19, 表20
// and 表21.

// textMissedShown is how many short periods a rule's sentence names before it counts the rest.
const textMissedShown = 3

// workRules is the paragraph of the work rules and the plan: each enabled rule's requirement over the year
// with what was held (every record counted, not capped per period), the periods that fell short, then the plan.
func (r reportWriter) workRules() string {
	f := r.f
	var parts []string
	last := f.CountedOn()
	for _, row := range f.Compliance {
		if row.Required > 0 { // a rule of every group, without groups
			parts = append(parts, ruleSentence(row, last, last >= store.YearPeriod(f.ComplianceYear).To))
		}
	}
	var s string
	if len(parts) > 0 {
		s = fmt.Sprintf("按照工作规则，%d年", f.ComplianceYear) + strings.Join(parts, "；") + "。"
	}
	return s + r.planSentence()
}

// ruleSentence is one rule: 「全年应召开主席团会议4次，实际召开6次」, 「各代表小组应开展活动28次，实际开展25次（第二代表
// 小组第三季度等3个时段未开展）」; before the year's end 「实际」 reads 「已」.
func ruleSentence(row store.ComplianceRow, asOf store.Date, yearOver bool) string {
	rule := row.Rule
	verb := store.RuleVerb(rule.Measure)
	held := len(row.Items())
	did := "实际"
	if !yearOver {
		did = "已"
	}
	var s string
	switch {
	case rule.PerGroup:
		held = 0
		for _, u := range row.Units {
			held += u.Done
		}
		s = fmt.Sprintf("各代表小组全年应%s活动%d次，%s%s%d次", verb, row.Required, did, verb, held)
	case rule.Measure == store.MeasureNotice:
		verb = "公示"
		s = fmt.Sprintf("家站点全年应按月公示%d次，%s公示%d次", row.Required, did, held)
	default:
		s = fmt.Sprintf("全年应%s%s%d次，%s%s%d次", verb, rule.Name, row.Required, did, verb, held)
	}
	missed := row.MissedUnits(asOf)
	if len(missed) == 0 {
		return s
	}
	var names []string
	for _, u := range missed[:min(len(missed), textMissedShown)] {
		names = append(names, u.Where())
	}
	where := strings.Join(names, "、")
	if len(missed) > textMissedShown {
		where += fmt.Sprintf("等%d个时段", len(missed))
	}
	if rule.Period == store.RuleYear && !rule.PerGroup {
		return s + "，未达到要求"
	}
	return s + "（" + where + "未" + verb + "）"
}

// planSentence is the year's plan: 「年度工作计划共安排工作42项，已完成35项，未完成3项，取消1项，另有3项尚未到期，
// 完成率92.1%。」; "" without a plan.
func (r reportWriter) planSentence() string {
	p := r.f.Plan
	if p.Total.Planned == 0 {
		return ""
	}
	c := p.Total
	s := fmt.Sprintf("%d年度工作计划共安排工作%d项，", p.Year, c.Planned)
	s += textJoin("，", textCount("已完成", c.Done, "项"), textCount("未完成", c.Missed, "项"), textCount("取消", c.Cancelled, "项"),
		textCount("另有", c.Open, "项尚未到期"))
	if c.DoneRate().Den > 0 {
		s += "，完成率" + r.pct(c.DoneRate())
	}
	return s + "。"
}

// dutyScores names the deputies first in the 履职积分 ranking: 「按履职积分排名，73名代表中排在前三名的是王建国
// (48分)、李堃(40分)、赵喆(36分)。」 (equal totals share a place; 「依次为…」 when that names every deputy); ""
// when no deputy scored above zero.
func (r reportWriter) dutyScores() string {
	d := r.f.Duty
	var names []string
	for _, s := range d.Top {
		if s.Total > 0 {
			names = append(names, fmt.Sprintf("%s(%d分)", s.Record.Deputy.Name, s.Total))
		}
	}
	if len(names) == 0 {
		return ""
	}
	switch last := d.Top[len(d.Top)-1].Rank; {
	case len(names) >= d.Scored:
		return "按履职积分排名，依次为" + strings.Join(names, "、") + "。"
	case last == 1 && len(names) > 1:
		return fmt.Sprintf("按履职积分排名，%d名代表中并列第一的是%s。", d.Scored, strings.Join(names, "、"))
	default:
		return fmt.Sprintf("按履职积分排名，%d名代表中排在前%s名的是%s。", d.Scored, store.ChineseNumber(len(names)), strings.Join(names, "、"))
	}
}
