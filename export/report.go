package export

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"rendadesk/store"
)

// Report is the report data the yearly outputs print (store.LoadReport reads it): the workbook, the PDF and
// the text all build their tables from it, so one number reads the same everywhere. Every list is optional: a
// table whose list is absent is left out.
type Report struct {
	store.ReportData
}

// made is the 制表日期.
func (r Report) made() time.Time {
	if r.Made.IsZero() {
		return time.Now()
	}
	return r.Made
}

// trow is one row of a table: cells of string (text), int (a count), store.Rate (a percentage) or nil (blank).
type trow struct {
	cells []any
	total bool // 合计: bold
	span  bool // one text cell across the whole table: a summary line (「合计 12 次：…」) or 「本期没有…」
}

// rtable is one table of the report, as the workbook (one sheet), the PDF (one section) and the CSV files print
// it. The builders name it without a number; tables numbers it by its place in the workbook.
type rtable struct {
	code      string // the table of domain.md §5.1 it is (T1 …): ours, never printed
	no        int    // its number in the workbook (表1 …), from its place in reportTables
	name      string // the sheet's name after the number: 「主要数据」
	heading   string // the heading after the number: 「年度人大工作主要数据一览表」
	headers   []string
	rows      []trow
	landscape bool
	wide      map[int]float64 // column (0-based) → width in Excel characters, where content alone misleads
	charts    []rchart
	note      string // a line under the table (the PDF prints it; the workbook puts it below the rows)
	pdfCols   []int  // the columns the PDF prints, when a full-width sheet would not fit a page; nil: all
	keyCols   int    // the leading columns that name a row, repeated on every page when the table is split across pages
	empty     string // the line printed when the table has no rows: 「本期没有…」
}

// sheet is the sheet's name: 「表1 主要数据」.
func (t rtable) sheet() string { return fmt.Sprintf("表%d %s", t.no, t.name) }

// title is the heading with the number: 「表1 年度人大工作主要数据一览表」.
func (t rtable) title() string { return fmt.Sprintf("表%d %s", t.no, t.heading) }

// only returns the table with just the given columns (charts, which refer to columns, are dropped).
func (t rtable) only(cols []int) rtable {
	out := t
	out.headers, out.rows, out.charts = nil, make([]trow, len(t.rows)), nil
	for _, c := range cols {
		out.headers = append(out.headers, t.headers[c])
	}
	out.keyCols = 0
	for i, c := range cols {
		if c < t.keyCols && c == i {
			out.keyCols++
		}
	}
	for r, row := range t.rows {
		out.rows[r].total, out.rows[r].span = row.total, row.span
		if row.span {
			out.rows[r].cells = row.cells
			continue
		}
		for _, c := range cols {
			var v any
			if c < len(row.cells) {
				v = row.cells[c]
			}
			out.rows[r].cells = append(out.rows[r].cells, v)
		}
	}
	return out
}

// withRows is the table as it prints: its rows, or the one line saying it has none.
func (t rtable) withRows() rtable {
	if len(t.rows) == 0 && t.empty != "" {
		t.rows = []trow{{cells: []any{t.empty}, span: true}}
	}
	return t
}

// rchart is a chart drawn from a table's own cells: either across one row (a pie over the 合计 row, categories
// from the headers of columns from..to) or down one column (bars, categories from column 0 of rows from..to).
type rchart struct {
	kind   string // "pie", "col" (vertical bars) or "bar" (horizontal bars)
	title  string
	across bool // across row `row`, columns from..to; otherwise down column `col`, rows from..to
	row    int
	col    int
	from   int
	to     int
}

// labels and values return the chart's categories and numbers (a store.Rate as its percentage, a rate with no
// denominator as -1: no bar).
func (c rchart) labels(t rtable) []string {
	var out []string
	for i := c.from; i <= c.to; i++ {
		if c.across {
			out = append(out, t.headers[i])
		} else {
			out = append(out, fmt.Sprint(t.rows[i].cells[0]))
		}
	}
	return out
}

func (c rchart) values(t rtable, precision int) []float64 {
	var out []float64
	for i := c.from; i <= c.to; i++ {
		var v any
		if c.across {
			v = t.rows[c.row].cells[i]
		} else {
			v = t.rows[i].cells[c.col]
		}
		switch x := v.(type) {
		case int:
			out = append(out, float64(x))
		case store.Rate:
			if f, ok := x.Rounded(precision); ok {
				out = append(out, f*100)
			} else {
				out = append(out, -1)
			}
		default:
			out = append(out, 0)
		}
	}
	return out
}

// reportTables are the report's tables in workbook order, by their code in domain.md §5.1. The clerk and the
// county see only their numbers (表1 …, by place here, without gaps); a table added here (and in build) is
// numbered by its place, and the menus that name a table (TableName) follow.
var reportTables = []string{"T1", "T2", "T3", "T4", "T5", "T6", "T7", "T9", "T10", "T11", "T12", "T13", "T14", "T15", "T16", "T17", "T20", "T21", "T22", "T23"}

// build builds the table of a code.
func (r Report) build(code string) rtable {
	switch code {
	case "T1":
		return r.t1()
	case "T2":
		return r.t2()
	case "T3":
		return r.t3()
	case "T4":
		return r.t4()
	case "T5":
		return r.t5()
	case "T6":
		return r.t6()
	case "T7":
		return r.t7()
	case "T9":
		return r.t9()
	case "T10":
		return r.t10()
	case "T11":
		return r.t11()
	case "T12": // 监督 (report_supervision.go)
		return r.t12()
	case "T13":
		return r.t13()
	case "T14":
		return r.t14()
	case "T15":
		return r.t15()
	case "T16": // 信访 and the stations' receptions (report_voters.go)
		return r.t16()
	case "T17":
		return r.t17()
	case "T20":
		return r.t20()
	case "T21":
		return r.t21()
	case "T22": // 工作规则执行情况 (issue 22, compliance.go)
		return r.t22()
	case "T23": // 履职积分 (issue 22, compliance.go)
		return r.t23()
	}
	panic("export: no table " + code)
}

// TableNumber is the number of a table of domain.md §5.1 (by its code, T10) in the yearly workbook, the PDF
// and the CSV files: its place among them (9 for T10); 0 for a table the report does not hold.
func TableNumber(code string) int {
	return slices.Index(reportTables, code) + 1
}

// TableCount is how many tables the report holds (a sheet, a PDF section and a CSV file each).
func TableCount() int { return len(reportTables) }

// TableName is how the clerk sees a table named: 「表9」 for T10, as the workbook's sheet and the PDF call it;
// "" for a table the report does not hold.
func TableName(code string) string {
	if n := TableNumber(code); n > 0 {
		return fmt.Sprintf("表%d", n)
	}
	return ""
}

// tables builds every table of the report, numbered, in print order. Each is there whatever the data (a table
// without rows says so), so that a table keeps its number from one year to the next.
func (r Report) tables() []rtable {
	out := make([]rtable, len(reportTables))
	for i, code := range reportTables {
		out[i] = r.build(code).withRows()
		out[i].code, out[i].no = code, i+1
		if out[i].keyCols == 0 {
			out[i].keyCols = 1
		}
	}
	return out
}

// periodWords names a period: 「2025年1月1日至12月31日」, the year said once when both ends are in it.
func periodWords(from, to store.Date) string {
	if from.Year() == to.Year() {
		return from.Chinese() + "至" + strings.TrimPrefix(to.Chinese(), fmt.Sprintf("%d年", to.Year()))
	}
	return from.Chinese() + "至" + to.Chinese()
}

// ReportPeriodName names the report's period as its files and titles do: 「2025年度」 for a calendar year,
// otherwise the period (「2026年1月1日至6月30日」), so that a half-year's files never take the year's name.
func ReportPeriodName(f store.Figures) string {
	if (store.Period{From: f.From, To: f.To}).IsYear() {
		return fmt.Sprintf("%d年度", f.From.Year())
	}
	return periodWords(f.From, f.To)
}

// reportCutOff is 「(截至2026年11月30日)」 for a period not over on its report date, appended to the files'
// names and titles: a year's report made in November is not the year's report, and does not replace it.
func reportCutOff(f store.Figures) string {
	if f.AsOf == "" || f.AsOf >= f.To {
		return ""
	}
	d := f.AsOf.Chinese()
	if f.AsOf.Year() == f.From.Year() {
		d = strings.TrimPrefix(d, fmt.Sprintf("%d年", f.AsOf.Year()))
	}
	return "(截至" + d + ")"
}

// reportTitle is the report's name: 「2025年度工作统计」, 「2026年1月1日至6月30日工作统计」, 「2026年度工作统计(截至11月30日)」.
func reportTitle(f store.Figures) string {
	return ReportPeriodName(f) + "工作统计" + reportCutOff(f)
}

// periodLine states the two dates of the report as every table's header says them:
// 「统计时段：2025年1月1日至12月31日　数据截至：2026年1月15日」.
func periodLine(f store.Figures, sep string) string {
	s := "统计时段：" + periodWords(f.From, f.To)
	if f.AsOf != "" {
		s += sep + "数据截至：" + f.AsOf.Chinese()
	}
	return s
}

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

// t6 is the composition of the deputies in office on the last day counted, by level and in all, then by 选区
// (issue 16) with each 选区's 应选名额 and 缺额 on that day.
func (w Report) t6() rtable {
	d := w.Figures.Deputies
	headers := []string{"代表层级", "人数", "应选名额", "缺额", "男", "女", "少数民族", "中共党员", "非中共党员"}
	headers = append(headers, store.AgeBands...)
	for _, e := range store.EducationBands {
		headers = append(headers, "学历"+e)
	}
	headers = append(headers, "职务代表", "非职务代表", "新任", "连任", "主席团成员")
	for _, t := range d.All.Tags {
		headers = append(headers, t.Name)
	}
	// seats and vacant are the 应选名额 and 缺额 cells: nil where they mean nothing (合计, no register).
	line := func(name string, r store.DeputyRow, seats, vacant any, isTotal bool) trow {
		cells := []any{name, r.Deputies, seats, vacant, r.Male, r.Female, r.Minority, r.CPC, r.Deputies - r.CPC}
		for _, a := range r.Ages {
			cells = append(cells, a)
		}
		for _, e := range r.Education {
			cells = append(cells, e)
		}
		cells = append(cells, r.Official, r.NonOfficial, r.New, r.Returning, r.Presidium)
		for _, t := range d.All.Tags {
			n := 0
			for _, x := range r.Tags {
				if x.Name == t.Name {
					n = x.Count
				}
			}
			cells = append(cells, n)
		}
		return trow{cells: cells, total: isTotal}
	}
	var rows []trow
	for _, r := range d.ByLevel {
		var seats, vacant any
		if n, v, ok := d.DistrictSeats(r.Level); ok {
			seats, vacant = n, v
		}
		rows = append(rows, line(r.Level+"代表", r, seats, vacant, false))
	}
	rows = append(rows, line("合计(每人计一次)", d.All, nil, nil, true))
	note := "统计" + w.Figures.CountedOn().Chinese() + "在任的代表(按各级当选日期和出缺日期)。" +
		"一名代表同时是几级代表的，在各层级行中分别计入，在合计行中只计一次。"
	if len(d.ByDistrict) > 0 {
		rows = append(rows, trow{cells: []any{"按选区(代表计入当选的选区；应选名额按选区登记，缺额为应选名额减在任人数)"}, span: true})
		for _, f := range d.ByDistrict {
			var seats, vacant any
			if f.District.ID != 0 {
				seats, vacant = f.District.Seats, f.Vacant()
			}
			rows = append(rows, line(f.Label(), f.Row, seats, vacant, false))
		}
		note += "层级行的应选名额、缺额为该层级各选区之和。"
	}
	return rtable{name: "代表构成", heading: "人大代表基本情况统计表", headers: headers, rows: rows,
		landscape: true, wide: map[int]float64{0: 22}, note: note}
}

// t7 is the roster of the deputies given: those in office on the last day the report counts, with the day each
// began (a deputy who has left since is still on it; one elected since is not). With a 选区 register the
// roster is grouped by the town 选区 each deputy held a seat of that day, each group headed by its 应选名额,
// 在任 and 缺额, and a 选区 nobody held is listed with its vacancy.
func (w Report) t7() rtable {
	headers := []string{"序号", "姓名", "性别", "民族", "出生年月", "政治面貌", "文化程度", "工作单位及职务", "代表层级",
		"选区", "代表小组", "联系电话", "当选日期", "备注"}
	var rows []trow
	n := 0
	add := func(d store.Deputy, district string) {
		n++
		work := strings.TrimSpace(d.WorkUnit + d.Post)
		rows = append(rows, trow{cells: []any{fmt.Sprint(n), d.Name, d.Gender, d.Ethnicity, d.Birth, d.Party, d.Education,
			work, strings.Join(d.Levels, "、"), district, d.GroupName, d.Phone, seatStarts(d), strings.Join(d.Roles, "、")}})
	}
	var groups []store.DistrictFigure
	for _, f := range w.Figures.Deputies.ByDistrict {
		if f.District.Level == store.LevelTown {
			groups = append(groups, f)
		}
	}
	if len(groups) == 0 {
		for _, d := range w.Deputies {
			add(d, d.District)
		}
	} else {
		placed := map[int64]bool{}
		for _, g := range groups {
			head := fmt.Sprintf("%s：应选%d名，在任%d名", g.Label(), g.District.Seats, g.Row.Deputies)
			if g.District.ID == 0 {
				head = fmt.Sprintf("%s：在任%d名", g.Label(), g.Row.Deputies)
			} else if v := g.Vacant(); v > 0 {
				head += fmt.Sprintf("，缺额%d名", v)
			}
			rows = append(rows, trow{cells: []any{head}, span: true})
			in := map[int64]bool{}
			for _, id := range g.DeputyIDs {
				in[id] = true
			}
			label := ""
			if g.District.ID != 0 {
				label = store.DistrictName(g.District.Number)
			}
			for _, d := range w.Deputies { // the roster's own order within the group
				if in[d.ID] && !placed[d.ID] {
					placed[d.ID] = true
					add(d, label)
				}
			}
		}
		var rest []store.Deputy
		for _, d := range w.Deputies {
			if !placed[d.ID] {
				rest = append(rest, d)
			}
		}
		if len(rest) > 0 {
			rows = append(rows, trow{cells: []any{fmt.Sprintf("非镇级代表：%d名", len(rest))}, span: true})
			for _, d := range rest {
				add(d, d.District)
			}
		}
	}
	note := "名册为" + w.Figures.CountedOn().Chinese() + "在任的代表"
	if len(groups) > 0 {
		note += "，按当日所在的镇级选区分组"
	}
	return rtable{name: "代表名册", heading: "人大代表名册", headers: headers, rows: rows, landscape: true, keyCols: 2,
		empty: "没有在任的代表。", note: note + "。"}
}

// seatStarts is the 当选日期 column: one day when every level began on it, else 「镇级2021-12-01、县级2022-03-05」.
func seatStarts(d store.Deputy) string {
	var parts []string
	same := true
	for _, s := range d.Seats {
		same = same && s.Start == d.Seats[0].Start
		parts = append(parts, s.Level+string(s.Start))
	}
	if same && len(d.Seats) > 0 {
		return string(d.Seats[0].Start)
	}
	return strings.Join(parts, "、")
}

// t9 is the stations with their 「六个有」 and their status on the day counted, and each one's work in the
// period: receptions, voters received and suggestions collected (the figures' window, so that the 合计 row is
// T1's), with a 合计 row.
func (w Report) t9() rtable {
	fig := w.Figures
	headers := []string{"名称", "类型", "所在村(居)", "建成日期", "联系人", "进站代表数"}
	for _, h := range store.SixHaves {
		headers = append(headers, "有"+h)
	}
	headers = append(headers, "六个有达标", "星级", "状态", "接待次数", "接待选民人次", "收集意见建议(条)", "已办理或答复")
	var rows []trow
	var deputies, met, counted, receptions, voters, collected, handled int
	for _, rs := range w.Stations {
		s := rs.Station
		cells := []any{s.Name, s.Type, s.Village, string(s.Opened), s.Contact, len(s.DeputyIDs)}
		for _, h := range s.Haves {
			cells = append(cells, yesNo(h))
		}
		cells = append(cells, yesNo(s.SixHavesMet()), s.Stars, rs.StatusOn, rs.Receptions, rs.Voters, rs.Collected, rs.Handled)
		rows = append(rows, trow{cells: cells})
		deputies += len(s.DeputyIDs)
		receptions += rs.Receptions
		voters += rs.Voters
		collected += rs.Collected
		handled += rs.Handled
		if rs.Counted {
			counted++
			if s.SixHavesMet() {
				met++
			}
		}
	}
	total := []any{"合计", fmt.Sprintf("在用 %d 个", counted), nil, nil, nil, deputies}
	for range store.SixHaves {
		total = append(total, nil)
	}
	total = append(total, fmt.Sprintf("%d 个", met), nil, nil, receptions, voters, collected, handled)
	rows = append(rows, trow{cells: total, total: true})
	return rtable{name: "家站点建设情况", heading: "代表“家站点”建设情况统计表", headers: headers, rows: rows,
		landscape: true, note: "状态为" + fig.CountedOn().Chinese() + "的情况(在用的计入合计)，“六个有”按现有记录(没有历史)；接待次数、接待选民人次和收集意见建议为统计时段内的数字，" +
			"合计与" + TableName("T1") + "一致；已办理或答复按数据截至日计。"}
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

// t10 is every deputy's year (履职情况), the same columns as the printed T10 (DeputyTable), with a 合计 row.
func (w Report) t10() rtable {
	headers := []string{"序号", "姓名", "代表小组", "人代会出席", "活动参加次数", "其中主席团会议", "请假", "缺席", "领衔建议",
		"联名建议", "领衔建议已解决", "进站接待次数", "接待选民人次", "述职评议结果",
		"联系选民次数", "联系选民达标"} // issue 18: after 述职评议结果; the printed T10 (DeputyTable) has them too
	var rows []trow
	var sum [10]int
	backs, visits, met := 0, 0, 0
	for i, r := range w.Records {
		v := [10]int{r.Kind(store.MeetingCongress).Present, r.Activities, r.Kind(store.MeetingPresidium).TookPart(),
			r.Total.Leave, r.Total.Absent, r.Led, r.Cosigned, r.Solved(), r.Receptions, r.Voters}
		cells := []any{fmt.Sprint(i + 1), r.Deputy.Name, r.Deputy.GroupName}
		for j, n := range v {
			cells = append(cells, n)
			sum[j] += n
		}
		cells = append(cells, reportBackResult(r.ReportBacks, w.Settings.Precision))
		if len(r.ReportBacks) > 0 {
			backs++
		}
		met1 := "—" // not in office on the counted day: not counted for the norm
		if r.ContactCounted() {
			met1 = yesNo(!r.VisitsBehind())
			if !r.VisitsBehind() {
				met++
			}
		}
		cells = append(cells, r.Visits, met1)
		visits += r.Visits
		rows = append(rows, trow{cells: cells})
	}
	total := []any{"合计", fmt.Sprintf("%d人", len(w.Records)), nil}
	for _, n := range sum {
		total = append(total, n)
	}
	total = append(total, fmt.Sprintf("%d人述职", backs), visits, fmt.Sprintf("%d人达标", met))
	rows = append(rows, trow{cells: total, total: true})
	// 联系选民达标: the one rule of store (ContactKeyDef(CKContactMet)); the heading says which norm.
	c := w.Figures.Contact
	headers[len(headers)-1] = fmt.Sprintf("联系选民达标(每年%d次)", c.VisitNorm)
	contactNote := fmt.Sprintf("联系选民达标按%s在任的代表计(不在任的为「—」)，要求为每年联系选民不少于%d次。", c.ContactOn.Chinese(), c.VisitNorm)
	if !c.YearClosed() {
		headers[len(headers)-1] = fmt.Sprintf("联系选民达标(截至%s应有%d次)", monthDay(c.ContactOn), c.VisitsDue)
		contactNote = fmt.Sprintf("年度未结束：联系选民达标按%s在任的代表、截至当日应有的次数计(每年%d次按月折算为%d次)，不在任的为「—」。",
			c.ContactOn.Chinese(), c.VisitNorm, c.VisitsDue)
	}
	return rtable{name: "代表履职情况", heading: "人大代表履职情况统计表", headers: headers, rows: rows,
		landscape: true, wide: map[int]float64{13: 24}, keyCols: 2,
		note: "活动参加次数为出席或列席人代会以外各类会议和活动的次数；请假、缺席为各类会议和活动合计；建议按收到日期计入统计时段，" +
			"领衔建议已解决按数据截至日(" + w.Figures.AsOf.Chinese() + ")的办理结果计。" + contactNote}
}

// monthDay is a day as 11月30日.
func monthDay(d store.Date) string {
	t := d.Time()
	return fmt.Sprintf("%d月%d日", t.Month(), t.Day())
}

// t11 is the report-backs of the period (述职评议测评结果, domain.md §5.1 T11): each with its participants and
// the three grades, each as a count and as a share of the participants (「—」 when nobody took part), the
// ballots left blank or invalid, and a 合计 row.
func (w Report) t11() rtable {
	headers := []string{"序号", "代表姓名", "代表层级", "选区", "述职日期", "述职形式", "参加评议人数", "优秀(人)", "优秀(%)",
		"称职(人)", "称职(%)", "不称职(人)", "不称职(%)", "弃权或无效", "备注"}
	who := map[int64]store.Deputy{}
	for _, r := range w.Records {
		who[r.Deputy.ID] = r.Deputy
	}
	for _, d := range w.Deputies {
		who[d.ID] = d
	}
	var rows []trow
	var sum store.ReportBack
	deputies := map[int64]bool{}
	line := func(seq, name, levels, district, date, form string, b store.ReportBack, notes string, total bool) trow {
		share := func(n int) store.Rate { return store.Rate{Num: n, Den: max(b.Participants, 0)} }
		if form != "" {
			form += "述职"
		}
		return trow{total: total, cells: []any{seq, name, levels, district, date, form, b.Participants, b.Excellent, share(b.Excellent),
			b.Competent, share(b.Competent), b.Incompetent, share(b.Incompetent),
			b.Participants - b.Excellent - b.Competent - b.Incompetent, notes}}
	}
	for i, b := range w.ReportBacks {
		d := who[b.DeputyID]
		rows = append(rows, line(fmt.Sprint(i+1), b.DeputyName, strings.Join(d.Levels, "、"), d.District, string(b.Date), b.Form, b,
			b.Notes, false))
		deputies[b.DeputyID] = true
		sum.Participants += b.Participants
		sum.Excellent += b.Excellent
		sum.Competent += b.Competent
		sum.Incompetent += b.Incompetent
	}
	if len(rows) > 0 {
		rows = append(rows, line("合计", fmt.Sprintf("%d人", len(deputies)), "", "", "", "", sum, "", true))
	}
	return rtable{name: "述职评议", heading: "代表述职评议测评结果统计表", headers: headers, rows: rows, landscape: true,
		keyCols: 2, empty: "本期没有代表述职评议记录。",
		note: "百分比为该等次人数占参加评议人数的比例；弃权或无效为参加评议人数减去三个等次人数之和。"}
}

// supervision are the meeting kinds T13 lists: inspections, research, law checks and special supervision.
var supervision = []string{store.MeetingInspect, store.MeetingResearch, store.MeetingLawCheck, store.MeetingSpecial,
	store.MeetingInquiry, store.MeetingWorkEval, store.MeetingReportEval}

// meetingDate is a meeting's date or date range.
func meetingDate(m store.Meeting) string {
	if m.End != "" && m.End != m.Start {
		return string(m.Start) + "至" + string(m.End)
	}
	return string(m.Start)
}

// t13 lists the period's inspections, research, law checks and supervision activities.
func (w Report) t13() rtable {
	headers := []string{"序号", "日期", "类型", "主题/依据法规", "地点", "主持人", "出席代表", "请假", "发现问题", "备注"}
	var rows []trow
	counts := map[string]int{}
	for _, m := range w.Meetings {
		if !slices.Contains(supervision, m.Kind) {
			continue
		}
		counts[m.Kind]++
		topic := strings.TrimSpace(m.Topic)
		if topic == "" {
			topic = m.Title
		}
		if m.Law != "" {
			topic += "(" + m.Law + ")"
		}
		rows = append(rows, trow{cells: []any{fmt.Sprint(len(rows) + 1), meetingDate(m.Meeting), m.Kind, topic, m.Place, m.Host,
			m.Present + m.NonVoting, m.Leave, m.Problems, m.Notes}})
	}
	var parts []string
	for _, k := range supervision {
		if counts[k] > 0 {
			parts = append(parts, fmt.Sprintf("%s%d次", k, counts[k]))
		}
	}
	summary := "合计 0 次"
	if len(rows) > 0 {
		summary = fmt.Sprintf("合计 %d 次：%s", len(rows), strings.Join(parts, "、"))
	}
	rows = append(rows, trow{cells: []any{summary}, total: true, span: true})
	return rtable{name: "视察调研执法检查", heading: "视察、调研、执法检查及专项监督活动一览表",
		headers: headers, rows: rows, landscape: true, wide: map[int]float64{3: 26, 8: 26, 9: 18}}
}

// agendaText lists a meeting's agenda, one item a line.
func agendaText(d store.MeetingDetail) string {
	var lines []string
	for i, a := range d.Agenda {
		lines = append(lines, fmt.Sprintf("%d. %s", i+1, a.Title))
	}
	return strings.Join(lines, "\n")
}

// resolutionText lists a meeting's resolutions with their votes and result by the rule.
func resolutionText(d store.MeetingDetail, q store.Quorum) (titles, votes string) {
	var t, v []string
	for _, r := range d.Resolutions {
		t = append(t, r.Title)
		result := "未通过"
		if passed, _ := q.ResolutionResult(r); passed {
			result = "通过"
		}
		if q.Base == 0 { // no roll to count a majority from: the clerk's entry, said to be one
			result = "未核定"
			if r.EnteredResult != "" {
				result = r.EnteredResult + "(按录入)"
			}
		}
		v = append(v, strings.TrimSpace(fmt.Sprintf("赞成%d、反对%d、弃权%d %s", r.For, r.Against, r.Abstain, result)))
	}
	return strings.Join(t, "\n"), strings.Join(v, "\n")
}

// t14 lists the period's presidium meetings.
func (w Report) t14() rtable {
	headers := []string{"次序", "日期", "会议名称", "主持人", "应到", "出席", "列席人员", "议题", "通过的决议、决定", "表决结果"}
	var rows []trow
	for _, m := range w.Meetings {
		if m.Kind != store.MeetingPresidium {
			continue
		}
		var guests []string
		for _, g := range m.Detail.Guests {
			guests = append(guests, g.Name)
		}
		titles, votes := resolutionText(m.Detail, m.Quorum)
		var expected any
		if m.Quorum.Base > 0 {
			expected = m.Quorum.Base
		}
		rows = append(rows, trow{cells: []any{fmt.Sprintf("第%d次", len(rows)+1), meetingDate(m.Meeting), m.Title, m.Host,
			expected, m.Present, strings.Join(guests, "、"), agendaText(m.Detail), titles, votes}})
	}
	rows = append(rows, trow{cells: []any{fmt.Sprintf("合计 %d 次", len(rows))}, total: true, span: true})
	return rtable{name: "主席团会议", heading: "人大" + w.Settings.BodyWord + "会议情况一览表", headers: headers,
		rows: rows, landscape: true, wide: map[int]float64{2: 20, 6: 18, 7: 30, 8: 26, 9: 20}}
}

// t15 lists the period's sessions of the people's congress as the figures hold them (store.CongressSession:
// the report text's session paragraph reads the same).
func (w Report) t15() rtable {
	headers := []string{"届次", "会议日期", "应到代表", "实到代表", "请假", "列席人员", "听取审议的报告", "通过的决议、决定", "选举/补选结果",
		"收到代表建议(件)"}
	var rows []trow
	for _, m := range w.Figures.Sessions {
		var elected []string
		for _, e := range m.Elections {
			elected = append(elected, fmt.Sprintf("%s%s：%s", e.Kind, e.Position, strings.Join(e.Elected, "、")))
		}
		rows = append(rows, trow{cells: []any{m.Title, meetingDate(store.Meeting{Start: m.Start, End: m.End}), m.Expected, m.Present,
			m.Leave, strings.Join(m.Guests, "、"), strings.Join(m.Reports, "\n"), strings.Join(m.Passed, "\n"),
			strings.Join(elected, "\n"), m.Received}})
	}
	rows = append(rows, trow{cells: []any{fmt.Sprintf("合计 %d 次", len(rows))}, total: true, span: true})
	return rtable{name: "人民代表大会会议", heading: w.Settings.TownWord + "人民代表大会会议情况表",
		headers: headers, rows: rows, landscape: true, wide: map[int]float64{0: 24, 5: 16, 6: 26, 7: 26, 8: 20},
		note: "应到代表为会议当日在任的" + w.Settings.TownWord + "人大代表；通过的决议、决定按表决票数获全体代表过半数计。"}
}
