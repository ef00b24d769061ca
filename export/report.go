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
}

// rtable is one table of the report, as both the workbook (one sheet) and the PDF (one section) print it.
type rtable struct {
	sheet     string // the sheet's name: 「T1 主要数据」
	title     string // the heading: 「T1 年度人大工作主要数据一览表」
	headers   []string
	rows      []trow
	landscape bool
	wide      map[int]float64 // column (0-based) → width in Excel characters, where content alone misleads
	charts    []rchart
	note      string // a line under the table (the PDF prints it; the workbook puts it below the rows)
	pdfCols   []int  // the columns the PDF prints, when a full-width sheet would not fit a page; nil: all
}

// only returns the table with just the given columns (charts, which refer to columns, are dropped).
func (t rtable) only(cols []int) rtable {
	out := t
	out.headers, out.rows, out.charts = nil, make([]trow, len(t.rows)), nil
	for _, c := range cols {
		out.headers = append(out.headers, t.headers[c])
	}
	for r, row := range t.rows {
		out.rows[r].total = row.total
		if row.total && len(row.cells) == 1 {
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

// tables builds every table the report's data can fill, in print order.
func (r Report) tables() []rtable {
	out := []rtable{r.t1(), r.t2(), r.t3()}
	if len(r.Ledger) > 0 {
		out = append(out, r.t4())
	}
	out = append(out, r.t5(), r.t6())
	if len(r.Deputies) > 0 {
		out = append(out, r.t7())
	}
	if len(r.Stations) > 0 {
		out = append(out, r.t9())
	}
	if len(r.Records) > 0 {
		out = append(out, r.t10())
	}
	if r.Meetings != nil {
		out = append(out, r.t13(), r.t14(), r.t15())
	}
	return out
}

// t1 is 主要数据: the key counts, then every rate of store.RateDefs for the year, the session and the recess,
// each with its numerator, denominator and definition.
func (w Report) t1() rtable {
	fig := w.Figures
	headers := []string{"序号", "项目", "口径", "数量/比率", "单位", "分子", "分母", "说明"}
	var rows []trow
	n := 0
	count := func(item string, v int, unit, note string) {
		n++
		rows = append(rows, trow{cells: []any{fmt.Sprint(n), item, "", v, unit, nil, nil, note}})
	}
	voters := fig.Sum(store.FigureSlice{Period: store.PeriodRecess, Kind: store.KindVoter}).Received
	var byType []string
	for _, s := range fig.Stations.ByType {
		byType = append(byType, fmt.Sprintf("%s%d个", s.Type, s.Stations))
	}
	count("召开"+w.Settings.TownWord+"人民代表大会会议", fig.MeetingCount(store.MeetingCongress), "次", "")
	count("召开人大"+w.Settings.BodyWord+"会议", fig.MeetingCount(store.MeetingPresidium), "次", "")
	count("审议专项工作报告", fig.SpecialReports, "项", "")
	count("开展执法检查", fig.LawChecks, "项", "按法律法规计")
	count("组织集中视察和集体调研", fig.InspectionsResearch, "项", "按主题计")
	count("作出决议、决定", fig.Resolutions, "项", fmt.Sprintf("按表决票数获过半数通过计(录入%d项)", fig.ResolutionsEntered))
	count("收到代表议案、建议、批评和意见(会期)", fig.Session.Received, "件", "")
	count("收到代表意见建议(闭会期间)", fig.Recess.Received-voters, "条", "")
	count("收到选民意见建议(家站点等)", voters, "条", "")
	count("代表向选民述职", fig.ReportBacksOral+fig.ReportBacksWritten, "次",
		fmt.Sprintf("口头%d次、书面%d次", fig.ReportBacksOral, fig.ReportBacksWritten))
	count("接待选民", fig.Receptions, "次", fmt.Sprintf("接待选民%d人次", fig.ReceptionVoters))
	count("代表“家站点”", fig.Stations.Total, "个", strings.Join(byType, "、"))
	count("代表小组", fig.Deputies.Groups, "个", "")
	count("在任代表", fig.Deputies.All.Deputies, "名", "")
	periods := []struct {
		name string
		c    store.SuggestionFigures
	}{{"全年", fig.All}, {store.PeriodSession, fig.Session}, {store.PeriodRecess, fig.Recess}}
	for _, d := range store.RateDefs {
		for _, p := range periods {
			n++
			r := p.c.RateOf(d)
			rows = append(rows, trow{cells: []any{fmt.Sprint(n), d.Name, p.name, r, "%", r.Num, r.Den, d.Definition}})
		}
	}
	return rtable{sheet: "T1 主要数据", title: "T1 年度人大工作主要数据一览表", headers: headers, rows: rows,
		landscape: true, wide: map[int]float64{7: 44}}
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
	t := rtable{sheet: "T2 会期建议分类及办理结果",
		title:   "T2 " + w.Settings.TownWord + "人代会期间代表书面意见分类及办理结果统计表",
		headers: headers, rows: rows, landscape: true,
		note: "各类别的百分比以该类别件数为分母；合计行以会期建议总数为分母，即报告中引用的解决率。"}
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
	return rtable{sheet: "T3 闭会期间来源及层面", title: "T3 闭会期间意见建议来源及层面统计表", headers: headers,
		rows: rows, landscape: true}
}

// t4 is the county's ledger: one row per item, every value as text.
func (w Report) t4() rtable {
	headers := []string{"编号", "提出时段", "类型", "收到日期", "标题", "领衔代表", "选民", "来源", "类别", "涉及层面", "承办单位",
		"交办日期", "办理时限", "答复日期", "答复方式", "是否按期", "办理结果", "代表评价", "状态"}
	rows := make([]trow, 0, len(w.Ledger))
	for _, s := range w.Ledger {
		unit := s.MainUnitName
		if unit == "" && s.ForwardTo != "" {
			unit = s.ForwardTo + "(转交)"
		}
		onTime := ""
		if s.FirstReply != "" && s.FirstDeadline != "" {
			onTime = "是"
			if s.FirstReply > s.FirstDeadline {
				onTime = "否"
			}
		} else if s.FirstReply == "" && s.FirstDeadline != "" && w.Figures.AsOf != "" && s.FirstDeadline < w.Figures.AsOf {
			onTime = "逾期未答复"
		}
		rows = append(rows, trow{cells: []any{s.Number, s.Period, s.Kind, string(s.Received), s.Title, s.LeadDeputyName, s.VoterName, s.Source,
			s.Category, s.Scope, unit, string(s.Assigned), string(s.FirstDeadline), string(s.FirstReply), s.ReplyMethod,
			onTime, s.Outcome, s.Evaluation, s.State}})
	}
	return rtable{sheet: "T4 办理情况一览表", title: "T4 代表建议、批评和意见办理情况一览表", headers: headers,
		rows: rows, landscape: true, wide: map[int]float64{4: 40},
		// On paper the four columns a reader can do without (类型, 收到日期, 来源, 涉及层面) give the title room.
		pdfCols: []int{0, 1, 4, 5, 6, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18},
		note: "是否按期：首次答复不晚于办理时限(含延期)为“是”；办理结果、代表评价和状态为制表时的情况(其他各表按统计截止日计)；" +
			"PDF 中未列的类型、收到日期、来源和涉及层面见 Excel 工作簿。"}
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
	tab := rtable{sheet: "T5 承办单位办理情况", title: "T5 承办单位办理情况统计表", headers: headers, rows: rows,
		landscape: true, note: "按主办单位统计，转交上级的件不计在内；交办件解决率 = 已解决 ÷ 交办件数(T1 的解决率以收到件数为分母)，" +
			"见面率、满意率的分母为本表的已答复、已评价件数，故合计行与 T1 的全年数可能不同。"}
	if n := len(w.Figures.ByUnit); n > 0 {
		// 按期办结率 per unit (a unit with nothing due shows no bar).
		tab.charts = append(tab.charts, rchart{kind: "bar", title: "各承办单位按期办结率", col: 5, from: 0, to: n - 1})
	}
	return tab
}

// t6 is the composition of the deputies in office on the last day counted, by level and in all.
func (w Report) t6() rtable {
	d := w.Figures.Deputies
	headers := []string{"代表层级", "人数", "男", "女", "少数民族", "中共党员", "非中共党员"}
	headers = append(headers, store.AgeBands...)
	for _, e := range store.EducationBands {
		headers = append(headers, "学历"+e)
	}
	headers = append(headers, "职务代表", "非职务代表", "新任", "连任", "主席团成员")
	for _, t := range d.All.Tags {
		headers = append(headers, t.Name)
	}
	line := func(name string, r store.DeputyRow, isTotal bool) trow {
		cells := []any{name, r.Deputies, r.Male, r.Female, r.Minority, r.CPC, r.Deputies - r.CPC}
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
		rows = append(rows, line(r.Level+"代表", r, false))
	}
	rows = append(rows, line("合计(每人计一次)", d.All, true))
	return rtable{sheet: "T6 代表构成", title: "T6 人大代表基本情况统计表", headers: headers, rows: rows,
		landscape: true, note: "统计" + w.Figures.CountedOn().Chinese() + "在任的代表(按各级当选日期和出缺日期)。" +
			"一名代表同时是几级代表的，在各层级行中分别计入，在合计行中只计一次。"}
}

// t7 is the roster of the deputies given: those in office on the last day the report counts, with the day each
// began (a deputy who has left since is still on it; one elected since is not).
func (w Report) t7() rtable {
	headers := []string{"序号", "姓名", "性别", "民族", "出生年月", "政治面貌", "文化程度", "工作单位及职务", "代表层级",
		"选区", "代表小组", "联系电话", "当选日期", "备注"}
	var rows []trow
	for i, d := range w.Deputies {
		work := strings.TrimSpace(d.WorkUnit + d.Post)
		rows = append(rows, trow{cells: []any{fmt.Sprint(i + 1), d.Name, d.Gender, d.Ethnicity, d.Birth, d.Party, d.Education,
			work, strings.Join(d.Levels, "、"), d.District, d.GroupName, d.Phone, seatStarts(d), strings.Join(d.Roles, "、")}})
	}
	return rtable{sheet: "T7 代表名册", title: "T7 人大代表名册", headers: headers, rows: rows, landscape: true,
		note: "名册为" + w.Figures.CountedOn().Chinese() + "在任的代表。"}
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

// t9 is the stations with their 「六个有」, and a 合计 row.
func (w Report) t9() rtable {
	headers := []string{"名称", "类型", "所在村(居)", "建成日期", "联系人", "进站代表数"}
	for _, h := range store.SixHaves {
		headers = append(headers, "有"+h)
	}
	headers = append(headers, "六个有达标", "星级", "状态", "接待次数", "接待选民人次")
	var rows []trow
	var deputies, met, receptions, voters int
	for _, s := range w.Stations {
		cells := []any{s.Name, s.Type, s.Village, string(s.Opened), s.Contact, len(s.DeputyIDs)}
		for _, h := range s.Haves {
			cells = append(cells, yesNo(h))
		}
		cells = append(cells, yesNo(s.SixHavesMet()), s.Stars, s.Status, s.Receptions, s.Voters)
		rows = append(rows, trow{cells: cells})
		deputies += len(s.DeputyIDs)
		receptions += s.Receptions
		voters += s.Voters
		if s.SixHavesMet() {
			met++
		}
	}
	total := []any{fmt.Sprintf("合计 %d 个", len(w.Stations)), nil, nil, nil, nil, deputies}
	for range store.SixHaves {
		total = append(total, nil)
	}
	total = append(total, fmt.Sprintf("%d 个", met), nil, nil, receptions, voters)
	rows = append(rows, trow{cells: total, total: true})
	return rtable{sheet: "T9 家站点建设情况", title: "T9 代表“家站点”建设情况统计表", headers: headers, rows: rows,
		landscape: true}
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
		"联名建议", "领衔建议已解决", "进站接待次数", "接待选民人次", "述职评议结果"}
	var rows []trow
	var sum [10]int
	backs := 0
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
		rows = append(rows, trow{cells: cells})
	}
	total := []any{"合计", fmt.Sprintf("%d人", len(w.Records)), nil}
	for _, n := range sum {
		total = append(total, n)
	}
	total = append(total, fmt.Sprintf("%d人述职", backs))
	rows = append(rows, trow{cells: total, total: true})
	return rtable{sheet: "T10 代表履职情况", title: "T10 人大代表履职情况统计表", headers: headers, rows: rows,
		landscape: true, wide: map[int]float64{13: 24},
		note: "活动参加次数为出席或列席人代会以外各类会议和活动的次数；请假、缺席为各类会议和活动合计；建议按收到日期计入年度。"}
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
	rows = append(rows, trow{cells: []any{summary}, total: true})
	return rtable{sheet: "T13 视察调研执法检查", title: "T13 视察、调研、执法检查及专项监督活动一览表",
		headers: headers, rows: rows, landscape: true, wide: map[int]float64{3: 30, 8: 30, 9: 20}}
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
	rows = append(rows, trow{cells: []any{fmt.Sprintf("合计 %d 次", len(rows))}, total: true})
	return rtable{sheet: "T14 主席团会议", title: "T14 人大" + w.Settings.BodyWord + "会议情况一览表", headers: headers,
		rows: rows, landscape: true, wide: map[int]float64{2: 24, 6: 20, 7: 36, 8: 30, 9: 22}}
}

// t15 lists the period's sessions of the people's congress.
func (w Report) t15() rtable {
	headers := []string{"届次", "会议日期", "应到代表", "实到代表", "请假", "列席人员", "听取审议的报告", "通过的决议", "选举/补选结果",
		"收到代表建议(件)"}
	received := map[int64]int{}
	for _, s := range w.Ledger {
		if s.SessionID != 0 {
			received[s.SessionID]++
		}
	}
	var rows []trow
	for _, m := range w.Meetings {
		if m.Kind != store.MeetingCongress {
			continue
		}
		var guests, reports, elected []string
		for _, g := range m.Detail.Guests {
			guests = append(guests, g.Name)
		}
		for _, a := range m.Detail.Agenda {
			if a.Kind == "审议报告" || a.Report != "" {
				reports = append(reports, a.Title)
			}
		}
		for _, e := range m.Detail.Elections {
			var names []string
			for _, c := range e.Candidates {
				if c.Elected {
					names = append(names, c.Name)
				}
			}
			if len(names) > 0 {
				elected = append(elected, fmt.Sprintf("%s%s：%s", e.Kind, e.Position, strings.Join(names, "、")))
			}
		}
		var passed []string
		for _, r := range m.Detail.Resolutions {
			if ok, _ := m.Quorum.ResolutionResult(r); ok {
				passed = append(passed, r.Title)
			}
		}
		titles := strings.Join(passed, "\n")
		var got any
		if w.Ledger != nil {
			got = received[m.ID]
		}
		rows = append(rows, trow{cells: []any{m.Title, meetingDate(m.Meeting), m.Quorum.Base, m.Quorum.Present, m.Quorum.Leave,
			strings.Join(guests, "、"), strings.Join(reports, "\n"), titles, strings.Join(elected, "\n"), got}})
	}
	rows = append(rows, trow{cells: []any{fmt.Sprintf("合计 %d 次", len(rows))}, total: true})
	return rtable{sheet: "T15 人民代表大会会议", title: "T15 " + w.Settings.TownWord + "人民代表大会会议情况表",
		headers: headers, rows: rows, landscape: true, wide: map[int]float64{0: 30, 5: 20, 6: 34, 7: 30, 8: 26}}
}
