package export

import (
	"fmt"
	"slices"
	"strings"

	"rendadesk/store"
)

// The report's tables of the suggestions: T1 主要数据, T2 人代会期间, T3 闭会期间, T4 办理情况一览表, T5 承办单位.

// t1 is 主要数据: the key counts, then every rate of store.RateDefs for the whole period, the session and the
// recess, each with its numerator, denominator and definition. 执法检查 and 视察调研 are counted by topic
// (domain.md §4.1 B3), with their number of events on the row below; receptions by times and by voters.
func (w Report) t1() rtable {
	fig := w.Figures
	headers := []string{"序号", "项目", "口径", "数量/比率", "单位", "分子", "分母", "说明"}
	var rows []trow
	n := 0
	count := func(item, basis string, v int, unit, note string) {
		n++
		rows = append(rows, trow{cells: []any{fmt.Sprint(n), item, basis, v, unit, nil, nil, note}})
	}
	voters := fig.Sum(store.FigureSlice{Period: store.PeriodRecess, Kind: store.KindVoter}).Received
	var byType []string
	for _, s := range fig.Stations.ByType {
		byType = append(byType, fmt.Sprintf("%s%d个", s.Type, s.Stations))
	}
	count("召开"+w.Settings.TownWord+"人民代表大会会议", "", fig.MeetingCount(store.MeetingCongress), "次", "")
	count("召开人大"+w.Settings.BodyWord+"会议", "", fig.MeetingCount(store.MeetingPresidium), "次", "")
	count("审议专项工作报告", "", fig.SpecialReports, "项", "")
	count("开展执法检查", "按法律法规计", fig.LawChecks, "项", "同一部法律法规检查多次的计一项")
	count("开展执法检查", "按活动次数计", fig.LawCheckEvents(), "次", "")
	count("组织集中视察和集体调研", "按主题计", fig.InspectionsResearch, "项", "同一主题视察、调研多次的计一项")
	count("组织集中视察和集体调研", "按活动次数计", fig.InspectionEvents(), "次", "")
	count("作出决议、决定", "", fig.Resolutions, "项", fmt.Sprintf("按表决票数获过半数通过计(录入%d项)", fig.ResolutionsEntered))
	count("收到代表议案、建议、批评和意见(会期)", "", fig.Session.Received, store.MeasureWord(store.KindSuggestion), "")
	count("收到代表意见建议(闭会期间)", "", fig.Recess.Received-voters, store.MeasureWord(store.KindSuggestion), "")
	count("收到选民意见建议(家站点等)", "", voters, store.MeasureWord(store.KindVoter), "")
	count("代表向选民述职", "", fig.ReportBacksOral+fig.ReportBacksWritten, "次",
		fmt.Sprintf("口头%d次、书面%d次", fig.ReportBacksOral, fig.ReportBacksWritten))
	count("接待选民", "按次数计", fig.Receptions, "次", "各家站点合计，见"+TableName("T9"))
	count("接待选民", "按人次计", fig.ReceptionVoters, "人次", "各家站点合计，见"+TableName("T9"))
	count("代表“家站点”", "在用", fig.Stations.Total, "个", strings.Join(byType, "、"))
	count("代表小组", "", fig.Deputies.Groups, "个", "")
	count("在任代表", fig.CountedOn().Chinese(), fig.Deputies.All.Deputies, "名", "")
	total := "全年"
	if !(store.Period{From: fig.From, To: fig.To}).IsYear() {
		total = "合计"
	}
	rows = append(rows, w.supervisionT1(&n)...) // 监督 (report_supervision.go)
	periods := []struct {
		name string
		c    store.SuggestionFigures
	}{{total, fig.All}, {store.PeriodSession, fig.Session}, {store.PeriodRecess, fig.Recess}}
	for _, d := range store.RateDefs {
		for _, p := range periods {
			n++
			r := p.c.RateOf(d)
			rows = append(rows, trow{cells: []any{fmt.Sprint(n), d.Name, p.name, r, "%", r.Num, r.Den, d.Definition}})
		}
	}
	heading := "人大工作主要数据一览表"
	if total == "全年" {
		heading = "年度" + heading
	}
	return rtable{name: "主要数据", heading: heading, headers: headers, rows: rows, landscape: true, wide: map[int]float64{7: 44},
		note: "办理情况按数据截至日计；各比率的分子、分母和计算方法见本表。"}
}

// t2 is the session suggestions by category and outcome, with the outcome pie and the per-category bars.
func (w Report) t2() rtable {
	fig := w.Figures
	headers := []string{"类别", "件数", "占总数%", store.OutcomeSolved, store.OutcomeSolving, store.OutcomePlanned,
		store.OutcomeReference, store.OutcomeUnanswered, "解决率%", "列入计划解决%", "留作参考%"}
	total := fig.Session
	line := func(name string, c store.SuggestionFigures, isTotal bool) trow {
		return trow{total: isTotal, cells: []any{name, c.Received, store.Rate{Num: c.Received, Den: total.Received},
			c.Solved, c.Solving, c.Planned, c.Reference, c.Unanswered, c.SolveRate, c.PlannedShare, c.ReferenceShare}}
	}
	var rows []trow
	for _, b := range fig.ByCategory {
		if b.Session.Received > 0 {
			rows = append(rows, line(b.Name, b.Session, false))
		}
	}
	nCat := len(rows)
	rows = append(rows, line("合计", total, true))
	t := rtable{name: "会期建议分类及办理结果",
		heading: w.Settings.TownWord + "人代会期间代表书面意见分类及办理结果统计表",
		headers: headers, rows: rows, landscape: true,
		note: "各类别的百分比以该类别件数为分母；合计行以会期建议总数为分母，即报告中引用的解决率。办理结果按数据截至日计。"}
	if total.Received > 0 {
		t.charts = append(t.charts, rchart{kind: "pie", title: "会期建议办理结果占比", across: true, row: nCat, from: 3, to: 7})
		if nCat > 0 {
			t.charts = append(t.charts, rchart{kind: "col", title: "会期建议分类件数", col: 1, from: 0, to: nCat - 1})
		}
	}
	return t
}

// t3 is the between-session items by source and scope level, with the 合计 column and row.
func (w Report) t3() rtable {
	fig := w.Figures
	headers := []string{"来源", "合计"}
	var levels []string
	for _, b := range fig.ByScope {
		if slices.Contains(store.ScopeLevels, b.Name) || b.Recess.Received > 0 {
			levels = append(levels, b.Name)
			name := b.Name
			if name == "" {
				name = "未填"
			}
			headers = append(headers, name+"层面")
		}
	}
	headers = append(headers, "已转交(交办)", "已办理或答复", "办理或答复率%")
	line := func(name, source string, c store.SuggestionFigures, isTotal bool) trow {
		cells := []any{name, c.Received}
		for _, l := range levels {
			cells = append(cells, fig.Sum(store.FigureSlice{Period: store.PeriodRecess, Source: source, Scope: l}).Received)
		}
		cells = append(cells, c.Handed, c.Replied, c.AnsweredShare)
		return trow{cells: cells, total: isTotal}
	}
	var rows []trow
	for _, b := range fig.BySource {
		if b.Recess.Received > 0 {
			name := b.Name
			if name == "" {
				name = "未填"
			}
			rows = append(rows, line(name, b.Name, b.Recess, false))
		}
	}
	rows = append(rows, line("合计", "", fig.Recess, true))
	return rtable{name: "闭会期间来源及层面", heading: "闭会期间意见建议来源及层面统计表", headers: headers,
		rows: rows, landscape: true, note: "已转交(交办)、已办理或答复按数据截至日计。"}
}

// t4 is the county's ledger: one row per item, every value as text, the handling as it stood on the report
// date (store.ItemAsOf: the figures' own rows). When an item stands otherwise on the day the table is made, a
// last column says how it stands then, labelled with that day.
func (w Report) t4() rtable {
	headers := []string{"编号", "提出时段", "类型", "收到日期", "标题", "领衔代表", "选民", "来源", "类别", "涉及层面", "承办单位",
		"交办日期", "办理时限", "答复日期", "答复方式", "是否按期", "办理结果", "代表评价", "状态"}
	made := store.DateOf(w.made())
	today := false // whether some item stands otherwise on the day the table is made
	for _, it := range w.Ledger {
		today = today || (w.Figures.AsOf < made && it.Differs())
	}
	carried := false // whether some item was carried into a new term (「上届转入」, issue 16)
	for _, it := range w.Ledger {
		carried = carried || it.Carried != ""
	}
	if carried {
		headers = append(headers, "上届转入")
	}
	if today {
		headers = append(headers, "制表日("+string(made)+")现状")
	}
	rows := make([]trow, 0, len(w.Ledger))
	for _, it := range w.Ledger {
		s, a := it.Suggestion, it.AsOf
		unit := ""
		switch {
		case a.Assigned != "":
			unit = s.MainUnitName
		case a.Forwarded != "":
			unit = s.ForwardTo + "(转交)"
		}
		cells := []any{s.Number, s.Period, s.Kind, string(s.Received), s.Title, s.LeadDeputyName, s.VoterName, s.Source, s.Category, s.Scope, unit,
			string(a.Assigned), string(a.Deadline), string(a.FirstReply), a.ReplyMethod, a.OnTime, a.Outcome, a.Grade, a.State}
		if carried {
			var c any
			if it.Carried != "" {
				c = "转入" + it.Carried
			}
			cells = append(cells, c)
		}
		if today {
			now := ""
			if it.Differs() {
				now = strings.Join(slices.DeleteFunc([]string{s.State, s.Outcome, s.Evaluation}, func(x string) bool { return x == "" }), "，")
			}
			cells = append(cells, now)
		}
		rows = append(rows, trow{cells: cells})
	}
	note := "交办日期至状态各列为数据截至日(" + w.Figures.AsOf.Chinese() + ")的情况；是否按期：首次答复不晚于办理时限(含延期)为“是”。"
	if today {
		note += "截至日以后有变化的件，在最后一列注明制表日的状态、办理结果和代表评价，仅供参考。"
	}
	cols := []int{0, 1, 4, 5, 6, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18}
	if carried {
		cols = append(cols, 19)
		note += "上届转入：换届时尚未办结、编号和办理时限不变转入新一届继续办理的件。"
	}
	note += "PDF 中未列的类型、收到日期、来源、涉及层面"
	if today {
		note += "和制表日现状"
	}
	note += "见 Excel 工作簿。"
	return rtable{name: "办理情况一览表", heading: "代表建议、批评和意见办理情况一览表", headers: headers,
		rows: rows, landscape: true, wide: map[int]float64{4: 30}, keyCols: 1, empty: "本期没有收到代表建议和选民意见建议。",
		// On paper the columns a reader can do without give the title room.
		pdfCols: cols, note: note}
}

// t5 is the figures per handling unit (main unit), with the 合计 row over all units and the 按期办结率 bars.
func (w Report) t5() rtable {
	headers := []string{"承办单位", "单位类别", "交办件数", "已答复", "按期办结", "按期办结率%", store.OutcomeSolved, "交办件解决率%",
		"列入计划", "留作参考", "见面沟通", "见面率%", store.GradeSatisfied, store.GradeBasicSatisfied, store.GradeUnsatisfied, "满意率%"}
	line := func(name, kind string, c store.SuggestionFigures, isTotal bool) trow {
		return trow{total: isTotal, cells: []any{name, kind, c.Assigned, c.Replied, c.OnTime, c.OnTimeRate, c.Solved,
			store.Rate{Num: c.Solved, Den: c.Assigned}, c.Planned, c.Reference, c.InPerson, c.InPersonRate,
			c.GradeSatisfied, c.GradeBasic, c.GradeUnsatisfied, c.SatisfactionRate}}
	}
	var rows []trow
	sum := map[store.FigureKey]int{}
	for _, u := range w.Figures.ByUnit {
		rows = append(rows, line(u.Name, u.Kind, u.SuggestionFigures, false))
		for _, k := range store.FigureKeys {
			sum[k] += u.Count(k)
		}
	}
	t := store.SuggestionFigures{Assigned: sum[store.FigAssigned], Replied: sum[store.FigReplied], OnTime: sum[store.FigOnTime],
		Due: sum[store.FigDue], Solved: sum[store.FigSolved], Planned: sum[store.FigPlanned], Reference: sum[store.FigReference],
		InPerson: sum[store.FigInPerson], Evaluated: sum[store.FigEvaluated], Satisfied: sum[store.FigSatisfied],
		GradeSatisfied: sum[store.FigGradeSatisfied], GradeBasic: sum[store.FigGradeBasic], GradeUnsatisfied: sum[store.FigGradeUnsatisfied]}
	t.OnTimeRate = store.Rate{Num: t.OnTime, Den: t.Due}
	t.InPersonRate = store.Rate{Num: t.InPerson, Den: t.Replied}
	t.SatisfactionRate = store.Rate{Num: t.Satisfied, Den: t.Evaluated}
	rows = append(rows, line("合计", "", t, true))
	tab := rtable{name: "承办单位办理情况", heading: "承办单位办理情况统计表", headers: headers, rows: rows,
		landscape: true, note: "按主办单位统计，转交上级的件不计在内；交办件解决率 = 已解决 ÷ 交办件数(" + TableName("T1") +
			"的解决率以收到件数为分母)，见面率、满意率的分母为本表的已答复、已评价件数，故合计行与" + TableName("T1") +
			"的全年数可能不同。办理情况按数据截至日计。"}
	if n := len(w.Figures.ByUnit); n > 0 {
		// 按期办结率 per unit (a unit with nothing due shows no bar).
		tab.charts = append(tab.charts, rchart{kind: "bar", title: "各承办单位按期办结率", col: 5, from: 0, to: n - 1})
	}
	return tab
}
