package export

import (
	"fmt"
	"strings"

	"rendadesk/store"
)

// The supervision of the yearly report (issue 17): its rows in T1, T12 工作评议(述职评议)测评结果表, T20 民生实事
// 和重点项目监督情况表 and T21 整改清单(销号台账). The counts come from Figures.Supervision, the lists from
// ReportData.Supervision, both read as of the report date.

// supervisionT1 are T1's supervision rows, numbered on from *n: the counts with what stands behind them, then
// the supervision rates over the year.
func (w Report) supervisionT1(n *int) []trow {
	s := w.Figures.Supervision
	if s.Counts == nil {
		return nil
	}
	var rows []trow
	count := func(k store.SupervisionKey, note string) {
		*n++
		d := k.Def()
		rows = append(rows, trow{cells: []any{fmt.Sprint(*n), d.Label, "", s.Count(k), d.Unit, nil, nil, note}})
	}
	var methods []string
	for _, m := range s.CampaignsByMethod {
		if m.Count > 0 {
			methods = append(methods, fmt.Sprintf("%s%d项", m.Name, m.Count))
		}
	}
	count(store.SupCampaigns, strings.Join(methods, "、"))
	count(store.SupTargets, fmt.Sprintf("单位%d个、人员%d名", s.Count(store.SupTargetUnits), s.Count(store.SupTargetPeople)))
	count(store.SupBallots, "")
	count(store.SupRectRaised, fmt.Sprintf("已销号%d条、整改中%d条、未整改%d条，逾期%d条；回头看%d条",
		s.Count(store.SupRectClosed), s.Count(store.SupRectActive), s.Count(store.SupRectOpen), s.Count(store.SupRectOverdue),
		s.Count(store.SupRectReviewed)))
	var lists []string
	for _, l := range s.InquiryLists {
		lists = append(lists, fmt.Sprintf("%s%d条", l.Name, l.Count))
	}
	count(store.SupInquiries, strings.Join(lists, "、"))
	count(store.SupVotes, fmt.Sprintf("候选%d项，确定%d项", s.Count(store.SupCandidates), s.Count(store.SupChosen)))
	count(store.SupProjects, fmt.Sprintf("已完成%d项，督查%d次", s.Count(store.SupCompleted), s.Count(store.SupChecks)))
	for _, d := range store.SupervisionRateDefs {
		*n++
		r := s.RateOf(d)
		rows = append(rows, trow{cells: []any{fmt.Sprint(*n), d.Name, "全年", r, "%", r.Num, r.Den, d.Definition}})
	}
	return rows
}

// t12 is 工作评议(民主评议/述职评议)测评结果表: every target of the period's campaigns with its ballots, result
// by its campaign's rule, and the rectification items raised on it with where they stood on the report date.
func (w Report) t12() rtable {
	headers := []string{"序号", "评议活动", "被评议单位/人员", "类别", "述职日期", "有效票", "满意(优秀)", "基本满意(合格)",
		"不满意(不合格)", "满意率/得分", "等次/称号", "名次", "整改意见(条)", "整改时限", "已销号(条)"}
	var rows []trow
	for _, c := range w.Supervision.Campaigns {
		for i, t := range c.Targets {
			r := c.Results[i]
			var value, grade, rank, due any
			if r.Counted {
				if c.Campaign.Scale == store.ScaleScore {
					value = fmt.Sprintf("%.1f", r.Score)
				} else {
					value = r.Rate
				}
				grade = strings.Join(append([]string{r.Grade}, r.Titles...), "；")
				rank = r.Rank
			}
			if c.Due[i] != "" {
				due = string(c.Due[i])
			}
			rows = append(rows, trow{cells: []any{fmt.Sprint(len(rows) + 1), c.Campaign.Title, t.Name(), t.Category,
				string(t.ReportDate), t.Valid, t.Top, t.Middle, t.Bottom, value, grade, rank, c.Raised[i], due, c.Closed[i]}})
		}
	}
	s := w.Figures.Supervision
	summary := fmt.Sprintf("合计 评议对象%d个；评为%s%d个、%s%d个、%s%d个；整改意见%d条", len(rows),
		"满意(优秀)", s.Count(store.SupTop), "基本满意(合格)", s.Count(store.SupMiddle), "不满意(不合格)", s.Count(store.SupBottom),
		sumInts(w.Supervision.Campaigns))
	rows = append(rows, trow{cells: []any{summary}, total: true})
	return rtable{name: "评议测评结果", heading: "工作评议(民主评议/述职评议)测评结果表", headers: headers, rows: rows,
		empty:     "本期没有评议活动。",
		landscape: true, wide: map[int]float64{1: 24, 2: 22, 10: 22},
		note:    "满意率 = 满意票(按评议活动的规则含基本满意票) ÷ 有效票；等次按各评议活动设定的等次线；整改意见为该评议活动对该对象提出的全部整改事项，已销号按统计日计。",
		pdfCols: []int{0, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 14}}
}

// sumInts adds up the items the campaigns raised on their targets.
func sumInts(cs []store.CampaignReport) int {
	n := 0
	for _, c := range cs {
		for _, r := range c.Raised {
			n += r
		}
	}
	return n
}

// t20 is 民生实事和重点项目监督情况表: the years' projects with their 票决 result, responsible unit and leader,
// status on the report date, 督查 and surveys.
func (w Report) t20() rtable {
	headers := []string{"序号", "年度", "类型", "项目名称", "赞成票", "票决结果", "责任单位", "责任领导", "实施状态", "完成日期",
		"督查(次)", "满意率", "知晓率"}
	var rows []trow
	asOf := w.Figures.AsOf
	for _, p := range w.Supervision.Projects {
		var votes, result any
		switch {
		case p.Kind == store.ProjectKey:
			result = "重点项目"
		case !p.Voted:
			result = "未经票决"
		default:
			votes = p.For
			switch {
			case p.Chosen:
				result = "确定"
			case p.Tied:
				result = "得票相同，另行表决"
			default:
				result = "未确定"
			}
		}
		status, done := p.Status, any(nil)
		if p.Completed != "" && (asOf == "" || p.Completed <= asOf) {
			done = string(p.Completed)
		} else if p.Status == store.ProjectDone {
			status = store.ProjectUnderway // completed after the report date
		}
		var sat, aware any
		if p.Respondents > 0 && (asOf == "" || p.SurveyDate <= asOf) {
			sat, aware = p.SatisfactionRate(), p.AwarenessRate()
		}
		checks := 0
		for _, k := range p.Checks {
			if asOf == "" || k.Date <= asOf {
				checks++
			}
		}
		if !p.Chosen {
			status = ""
		}
		rows = append(rows, trow{cells: []any{fmt.Sprint(len(rows) + 1), fmt.Sprint(p.Year), p.Kind, p.Name, votes, result,
			p.UnitName, p.Leader, status, done, checks, sat, aware}})
	}
	s := w.Figures.Supervision
	rows = append(rows, trow{cells: []any{fmt.Sprintf("合计 票决%d次，候选%d项，确定%d项；监督项目%d项，已完成%d项，督查%d次",
		s.Count(store.SupVotes), s.Count(store.SupCandidates), s.Count(store.SupChosen), s.Count(store.SupProjects),
		s.Count(store.SupCompleted), s.Count(store.SupChecks))}, total: true})
	return rtable{name: "民生实事", heading: "民生实事和重点项目监督情况表", headers: headers, rows: rows, landscape: true,
		empty: "本期没有民生实事票决和监督项目。",
		wide:  map[int]float64{3: 30, 6: 18},
		note:  "票决结果按票决规则：赞成票超过半数的候选项目按得票多少确定；实施状态、督查和满意率、知晓率按统计日计。"}
}

// t21 is 整改清单(销号台账): the items raised in the period with their source, unit, phase and where each stood
// on the report date.
func (w Report) t21() rtable {
	headers := []string{"序号", "提出日期", "来源", "整改事项", "责任单位", "整改阶段", "整改时限", "状态", "销号日期", "回头看"}
	var rows []trow
	asOf := w.Figures.AsOf
	for _, r := range w.Supervision.Rectifications {
		state := r.StateAsOf
		if state != store.RectClosed && r.DueAsOf != "" && asOf != "" && r.DueAsOf < asOf {
			state += "(逾期)"
		}
		source := r.Source
		if r.SourceName != "" {
			source += "：" + r.SourceName
		}
		rows = append(rows, trow{cells: []any{fmt.Sprint(len(rows) + 1), string(r.Raised), source, r.Text, r.UnitName, r.Phase,
			string(r.DueAsOf), state, string(r.ClosedAsOf), r.GradeAsOf}})
	}
	s := w.Figures.Supervision
	rows = append(rows, trow{cells: []any{fmt.Sprintf("合计 %d条：已销号%d条(已销号率%s)、整改中%d条、未整改%d条，逾期%d条；回头看%d条",
		s.Count(store.SupRectRaised), s.Count(store.SupRectClosed), s.RateOf(store.SupervisionRateDefs[0]).Percent(w.Settings.Precision),
		s.Count(store.SupRectActive), s.Count(store.SupRectOpen), s.Count(store.SupRectOverdue), s.Count(store.SupRectReviewed))}, total: true})
	return rtable{name: "整改销号台账", heading: "整改清单(销号台账)", headers: headers, rows: rows, landscape: true,
		empty: "本期没有提出整改事项。",
		wide:  map[int]float64{2: 24, 3: 40, 4: 16},
		note:  "按提出日期计入统计时段；状态、整改时限、销号和回头看均按统计日当天的情况。"}
}
