package export

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"rendadesk/store"
)

// WorkbookExtra carries the lists the yearly workbook prints that store.Figures does not hold. Every field is
// optional: a sheet whose list is absent is left out.
type WorkbookExtra struct {
	Ledger   []store.Suggestion // T4 办理情况一览表: the year's suggestions, in the order to print
	Deputies []store.Deputy     // T7 代表名册: the deputies to list
	Stations []store.Station    // T9 家站点建设情况
	Made     time.Time          // 制表日期; zero: now
}

// WorkbookName is the file name of a year's workbook: 「××镇人大主席团2024年度工作统计.xlsx」.
func WorkbookName(st store.Settings, year int) string {
	name := fmt.Sprintf("%s%d年度工作统计.xlsx", officeName(st), year)
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) {
			return '-'
		}
		return r
	}, name)
}

// officeName is the office as it heads every table.
func officeName(st store.Settings) string {
	if st.OfficeName != "" {
		return st.OfficeName
	}
	return st.Township + "人大" + st.BodyWord
}

// WorkbookYear writes the yearly work-report workbook (SPEC §6.1): the sheets of domain.md §5.1 that the
// figures and the extra lists can fill — T1 主要数据, T2 会期建议分类及办理结果 (with the outcome pie and the
// per-category bar chart), T3 闭会期间来源及层面, T4 办理情况一览表, T5 承办单位, T6 代表构成, T7 名册 and
// T9 家站点. Counts are numbers, rates are numbers rounded as Rate.Percent rounds them under a percent format
// with the office's decimals (「—」 as text when the denominator is zero), and text is always written as text.
// The file is written beside path and renamed into place.
func WorkbookYear(path string, st store.Settings, fig store.Figures, extra WorkbookExtra) error {
	w, err := newWorkbook(st, fig, extra)
	if err != nil {
		return err
	}
	defer w.f.Close()
	steps := []func() error{w.t1, w.t2, w.t3}
	if len(extra.Ledger) > 0 {
		steps = append(steps, w.t4)
	}
	steps = append(steps, w.t5, w.t6)
	if len(extra.Deputies) > 0 {
		steps = append(steps, w.t7)
	}
	if len(extra.Stations) > 0 {
		steps = append(steps, w.t9)
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return fmt.Errorf("生成工作簿: %w", err)
		}
	}
	if err := w.f.DeleteSheet("Sheet1"); err != nil {
		return err
	}
	w.f.SetActiveSheet(0)
	return saveAtomically(w.f, path)
}

// cell kinds, each with a plain and a bold (合计) style.
const (
	kText = iota
	kCenter
	kInt
	kPct
	kinds
)

type workbook struct {
	f      *excelize.File
	st     store.Settings
	fig    store.Figures
	extra  WorkbookExtra
	year   string
	title  int
	info   int
	head   int
	styles [kinds][2]int // [kind][bold]
}

func newWorkbook(st store.Settings, fig store.Figures, extra WorkbookExtra) (*workbook, error) {
	w := &workbook{f: excelize.NewFile(), st: st, fig: fig, extra: extra, year: string(fig.From)}
	if len(w.year) >= 4 {
		w.year = w.year[:4]
	}
	if w.extra.Made.IsZero() {
		w.extra.Made = time.Now()
	}
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	var err error
	add := func(s *excelize.Style) int {
		id, e := w.f.NewStyle(s)
		if e != nil && err == nil {
			err = e
		}
		return id
	}
	w.title = add(&excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 16, Bold: true},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	w.info = add(&excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 10},
		Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}})
	w.head = add(&excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 11, Bold: true}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Color: []string{"DDEBF7"}, Pattern: 1},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	pct := "0%"
	if p := min(max(fig.Precision, 0), 6); p > 0 {
		pct = "0." + strings.Repeat("0", p) + "%"
	}
	for b := 0; b < 2; b++ {
		font := &excelize.Font{Family: "宋体", Size: 11, Bold: b == 1}
		w.styles[kText][b] = add(&excelize.Style{Font: font, Border: border,
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
		w.styles[kCenter][b] = add(&excelize.Style{Font: font, Border: border,
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
		w.styles[kInt][b] = add(&excelize.Style{Font: font, Border: border, NumFmt: 1,
			Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}})
		w.styles[kPct][b] = add(&excelize.Style{Font: font, Border: border, CustomNumFmt: &pct,
			Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}})
	}
	if err != nil {
		w.f.Close()
		return nil, err
	}
	return w, nil
}

// trow is one row of a table: cells of string (text), int (a count), store.Rate (a percentage) or nil (blank).
type trow struct {
	cells []any
	total bool // 合计: bold
}

// The table layout: row 1 the merged title, row 2 the header block (单位, 统计时段, 制表人, 制表日期), row 3
// the column headers (frozen and repeated on every printed page), data from row 4.
const (
	headRow  = 3
	firstRow = 4
)

// table writes a sheet and returns its name.
func (w *workbook) table(name, title string, headers []string, rows []trow, landscape bool) (string, error) {
	sheet := SheetName(name)
	if _, err := w.f.NewSheet(sheet); err != nil {
		return "", err
	}
	f := w.f
	last, _ := excelize.ColumnNumberToName(max(1, len(headers)))
	full := fmt.Sprintf("%s%s年度工作统计 — %s", officeName(w.st), w.year, title)
	if err := f.SetCellStr(sheet, "A1", full); err != nil {
		return "", err
	}
	if err := f.MergeCell(sheet, "A1", last+"1"); err != nil {
		return "", err
	}
	f.SetCellStyle(sheet, "A1", last+"1", w.title)
	f.SetRowHeight(sheet, 1, 32)
	period := fmt.Sprintf("%s至%s", w.fig.From, w.fig.To)
	if w.fig.AsOf != "" && w.fig.AsOf != w.fig.To {
		period += fmt.Sprintf("(截至%s)", w.fig.AsOf)
	}
	info := fmt.Sprintf("单位:%s　统计时段:%s　制表人:%s　制表日期:%s", officeName(w.st), period, w.st.ClerkName,
		w.extra.Made.Format("2006-01-02"))
	f.SetCellStr(sheet, "A2", info)
	f.MergeCell(sheet, "A2", last+"2")
	f.SetCellStyle(sheet, "A2", last+"2", w.info)
	f.SetRowHeight(sheet, 2, 20)

	widths := make([]float64, len(headers))
	for i, h := range headers {
		c, _ := excelize.CoordinatesToCellName(i+1, headRow)
		if err := f.SetCellStr(sheet, c, h); err != nil {
			return "", err
		}
		widths[i] = min(displayWidth(h), 16) + 2
	}
	hc, _ := excelize.CoordinatesToCellName(len(headers), headRow)
	f.SetCellStyle(sheet, "A3", hc, w.head)
	f.SetRowHeight(sheet, headRow, 30)

	for r, row := range rows {
		b := 0
		if row.total {
			b = 1
		}
		for i := range headers {
			var v any
			if i < len(row.cells) {
				v = row.cells[i]
			}
			c, _ := excelize.CoordinatesToCellName(i+1, firstRow+r)
			kind, shown := kText, ""
			var err error
			switch x := v.(type) {
			case nil:
			case string:
				err, shown = f.SetCellStr(sheet, c, x), x
				if i > 0 {
					kind = kCenter
				}
			case int:
				err, shown, kind = f.SetCellInt(sheet, c, int64(x)), fmt.Sprint(x), kInt
			case store.Rate:
				if val, ok := x.Rounded(w.fig.Precision); ok {
					err, kind = f.SetCellFloat(sheet, c, val, -1, 64), kPct
				} else {
					err, kind = f.SetCellStr(sheet, c, "—"), kCenter
				}
				shown = x.Percent(w.fig.Precision)
			default:
				return "", fmt.Errorf("表格单元格类型 %T", v)
			}
			if err != nil {
				return "", err
			}
			if err := f.SetCellStyle(sheet, c, c, w.styles[kind][b]); err != nil {
				return "", err
			}
			widths[i] = max(widths[i], displayWidth(shown)+2)
		}
	}
	if err := w.finish(sheet, widths, landscape); err != nil {
		return "", err
	}
	return sheet, nil
}

// finish sets the column widths, freezes the header and sets up printing: A4, fit to width, rows 1–3 repeated.
func (w *workbook) finish(sheet string, widths []float64, landscape bool) error {
	f := w.f
	for i, wd := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, min(max(wd, 6), 50)); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: headRow, TopLeftCell: fmt.Sprintf("A%d", firstRow),
		ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	orient := "portrait"
	if landscape {
		orient = "landscape"
	}
	a4, fit := 9, true
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &orient,
		FitToWidth: intPtr(1), FitToHeight: intPtr(0)}); err != nil {
		return err
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	center := true
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Horizontally: &center}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!$1:$%d", sheet, headRow), Scope: sheet})
}

// t1 is 主要数据: the key counts, then every rate of store.RateDefs for the year, the session and the recess,
// each with its numerator, denominator and definition.
func (w *workbook) t1() error {
	fig := w.fig
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
	count("召开"+w.st.TownWord+"人民代表大会会议", fig.MeetingCount(store.MeetingCongress), "次", "")
	count("召开人大"+w.st.BodyWord+"会议", fig.MeetingCount(store.MeetingPresidium), "次", "")
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
	sheet, err := w.table("T1 主要数据", "T1 年度人大工作主要数据一览表", headers, rows, false)
	if err != nil {
		return err
	}
	return w.f.SetColWidth(sheet, "H", "H", 50)
}

// t2 is the session suggestions by category and outcome, with the outcome pie and the per-category bars.
func (w *workbook) t2() error {
	fig := w.fig
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
	sheet, err := w.table("T2 会期建议分类及办理结果", "T2 "+w.st.TownWord+"人代会期间代表书面意见分类及办理结果统计表",
		headers, rows, true)
	if err != nil || total.Received == 0 {
		return err
	}
	totalRow := firstRow + nCat
	below := fmt.Sprintf("A%d", totalRow+2)
	q := "'" + sheet + "'"
	show := true
	pie := &excelize.Chart{Type: excelize.Pie,
		Series: []excelize.ChartSeries{{Name: q + "!$A$" + fmt.Sprint(totalRow),
			Categories: fmt.Sprintf("%s!$D$%d:$H$%d", q, headRow, headRow),
			Values:     fmt.Sprintf("%s!$D$%d:$H$%d", q, totalRow, totalRow)}},
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "会期建议办理结果占比"}}},
		Legend:     excelize.ChartLegend{Position: "right"},
		PlotArea:   excelize.ChartPlotArea{ShowPercent: true, ShowCatName: false},
		VaryColors: &show,
		Dimension:  excelize.ChartDimension{Width: 480, Height: 300},
	}
	if err := w.f.AddChart(sheet, below, pie); err != nil {
		return err
	}
	if nCat == 0 {
		return nil
	}
	bar := &excelize.Chart{Type: excelize.Col,
		Series: []excelize.ChartSeries{{Name: fmt.Sprintf("%s!$B$%d", q, headRow),
			Categories: fmt.Sprintf("%s!$A$%d:$A$%d", q, firstRow, totalRow-1),
			Values:     fmt.Sprintf("%s!$B$%d:$B$%d", q, firstRow, totalRow-1)}},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "会期建议分类件数"}}},
		Legend:    excelize.ChartLegend{Position: "none"},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true},
		Dimension: excelize.ChartDimension{Width: 480, Height: 300},
	}
	return w.f.AddChart(sheet, fmt.Sprintf("F%d", totalRow+2), bar)
}

// t3 is the between-session items by source and scope level, with the 合计 column and row.
func (w *workbook) t3() error {
	fig := w.fig
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
	_, err := w.table("T3 闭会期间来源及层面", "T3 闭会期间意见建议来源及层面统计表", headers, rows, true)
	return err
}

// t4 is the county's ledger: one row per item, every value as text.
func (w *workbook) t4() error {
	headers := []string{"编号", "提出时段", "类型", "收到日期", "标题", "领衔代表", "来源", "类别", "涉及层面", "承办单位",
		"交办日期", "办理时限", "答复日期", "答复方式", "是否按期", "办理结果", "代表评价", "状态"}
	rows := make([]trow, 0, len(w.extra.Ledger))
	for _, s := range w.extra.Ledger {
		lead := s.LeadDeputyName
		if lead == "" && s.VoterName != "" {
			lead = s.VoterName + "(选民)"
		}
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
		} else if s.FirstReply == "" && s.FirstDeadline != "" && w.fig.AsOf != "" && s.FirstDeadline < w.fig.AsOf {
			onTime = "逾期未答复"
		}
		rows = append(rows, trow{cells: []any{s.Number, s.Period, s.Kind, string(s.Received), s.Title, lead, s.Source,
			s.Category, s.Scope, unit, string(s.Assigned), string(s.FirstDeadline), string(s.FirstReply), s.ReplyMethod,
			onTime, s.Outcome, s.Evaluation, s.State}})
	}
	sheet, err := w.table("T4 办理情况一览表", "T4 代表建议、批评和意见办理情况一览表", headers, rows, true)
	if err != nil {
		return err
	}
	return w.f.SetColWidth(sheet, "E", "E", 40)
}

// t5 is the figures per handling unit (main unit), with the 合计 row over all units.
func (w *workbook) t5() error {
	headers := []string{"承办单位", "单位类别", "交办件数", "已答复", "按期办结", "按期办结率%", store.OutcomeSolved, "解决率%",
		"列入计划", "留作参考", "见面沟通", "见面率%", store.GradeSatisfied, store.GradeBasicSatisfied, store.GradeUnsatisfied, "满意率%"}
	line := func(name, kind string, c store.SuggestionFigures, isTotal bool) trow {
		return trow{total: isTotal, cells: []any{name, kind, c.Assigned, c.Replied, c.OnTime, c.OnTimeRate, c.Solved,
			store.Rate{Num: c.Solved, Den: c.Assigned}, c.Planned, c.Reference, c.InPerson, c.InPersonRate,
			c.GradeSatisfied, c.GradeBasic, c.GradeUnsatisfied, c.SatisfactionRate}}
	}
	var rows []trow
	sum := map[store.FigureKey]int{}
	for _, u := range w.fig.ByUnit {
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
	sheet, err := w.table("T5 承办单位办理情况", "T5 承办单位办理情况统计表", headers, rows, true)
	if err != nil || len(w.fig.ByUnit) == 0 {
		return err
	}
	// 按期办结率 per unit, below the table (a unit with nothing due shows no bar).
	q, last := "'"+sheet+"'", firstRow+len(w.fig.ByUnit)-1
	bar := &excelize.Chart{Type: excelize.Bar,
		Series: []excelize.ChartSeries{{Name: fmt.Sprintf("%s!$F$%d", q, headRow),
			Categories: fmt.Sprintf("%s!$A$%d:$A$%d", q, firstRow, last),
			Values:     fmt.Sprintf("%s!$F$%d:$F$%d", q, firstRow, last)}},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "各承办单位按期办结率"}}},
		Legend:    excelize.ChartLegend{Position: "none"},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true},
		Dimension: excelize.ChartDimension{Width: 560, Height: uint(min(120+30*len(w.fig.ByUnit), 900))},
	}
	return w.f.AddChart(sheet, fmt.Sprintf("A%d", last+3), bar)
}

// t6 is the composition of the deputies in office on the report date, by level and in all.
func (w *workbook) t6() error {
	d := w.fig.Deputies
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
	_, err := w.table("T6 代表构成", "T6 人大代表基本情况统计表", headers, rows, true)
	return err
}

// t7 is the roster of the deputies given.
func (w *workbook) t7() error {
	headers := []string{"序号", "姓名", "性别", "民族", "出生年月", "政治面貌", "文化程度", "工作单位及职务", "代表层级",
		"选区", "代表小组", "联系电话", "状态", "备注"}
	var rows []trow
	for i, d := range w.extra.Deputies {
		work := strings.TrimSpace(d.WorkUnit + d.Post)
		rows = append(rows, trow{cells: []any{fmt.Sprint(i + 1), d.Name, d.Gender, d.Ethnicity, d.Birth, d.Party, d.Education,
			work, strings.Join(d.Levels, "、"), d.District, d.GroupName, d.Phone, d.Status, strings.Join(d.Roles, "、")}})
	}
	_, err := w.table("T7 代表名册", "T7 人大代表名册", headers, rows, true)
	return err
}

// t9 is the stations with their 「六个有」, and a 合计 row.
func (w *workbook) t9() error {
	headers := []string{"名称", "类型", "所在村(居)", "建成日期", "联系人", "进站代表数"}
	for _, h := range store.SixHaves {
		headers = append(headers, "有"+h)
	}
	headers = append(headers, "六个有达标", "星级", "状态", "接待次数", "接待选民人次")
	var rows []trow
	var deputies, met, receptions, voters int
	yes := func(b bool) string {
		if b {
			return "是"
		}
		return "否"
	}
	for _, s := range w.extra.Stations {
		cells := []any{s.Name, s.Type, s.Village, string(s.Opened), s.Contact, len(s.DeputyIDs)}
		for _, h := range s.Haves {
			cells = append(cells, yes(h))
		}
		cells = append(cells, yes(s.SixHavesMet()), s.Stars, s.Status, s.Receptions, s.Voters)
		rows = append(rows, trow{cells: cells})
		deputies += len(s.DeputyIDs)
		receptions += s.Receptions
		voters += s.Voters
		if s.SixHavesMet() {
			met++
		}
	}
	total := []any{fmt.Sprintf("合计 %d 个", len(w.extra.Stations)), nil, nil, nil, nil, deputies}
	for range store.SixHaves {
		total = append(total, nil)
	}
	total = append(total, fmt.Sprintf("%d 个", met), nil, nil, receptions, voters)
	rows = append(rows, trow{cells: total, total: true})
	_, err := w.table("T9 家站点建设情况", "T9 代表“家站点”建设情况统计表", headers, rows, true)
	return err
}
