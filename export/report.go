package export

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"rendadesk/store"
)

// Report is the report data the yearly outputs print (store.LoadReport reads it): the workbook, the PDF and
// the text all build their tables from it, so one number reads the same everywhere. Every list is optional: a
// table whose list is absent is left out.
type Report struct {
	store.ReportData
	built []rtable // the tables built once for every file written of them (WriteReport); nil: built when asked
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
var reportTables = []string{"T1", "T2", "T3", "T4", "T5", "T6", "T7", "T9", "T10", "T11", "T12", "T13", "T14", "T15", "T16", "T17", "T20", "T21", "T22", "T23",
	"T24",        // issue 22 parts 1, 8: 年度计划执行 (plan.go)
	"TTraining",  // issue 22 part 5: 培训学习 (training.go)
	"TPublicity", // issue 22 part 6: 宣传信息 (publicity.go)
	"T19",        // 评先评优 (issue 22 part 4, award.go): after the tables it came after in time, so that none is renumbered
}

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
	case "T24": // 年度计划执行 (issue 22, plan.go)
		return r.t24()
	case "TTraining": // 培训学习 (issue 22 part 5, training.go)
		return r.tTraining()
	case "TPublicity": // 宣传信息 (issue 22 part 6, publicity.go)
		return r.tPublicity()
	case "T19": // 评先评优 (issue 22 part 4, award.go)
		return r.t19()
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
	if r.built != nil {
		return r.built
	}
	out := make([]rtable, len(reportTables))
	for i := range reportTables {
		out[i] = r.numbered(i)
	}
	return out
}

// numbered builds the table at place i of reportTables, numbered.
func (r Report) numbered(i int) rtable {
	code := reportTables[i]
	t := r.build(code).withRows()
	t.code, t.no = code, i+1
	if t.keyCols == 0 {
		t.keyCols = 1
	}
	return t
}

// buildTables is tables built on every core (each table reads the report and nothing else), for the files
// written of them all (WriteReport). A table that cannot be built (a panic: a bug on odd data) is an error,
// as it is for each file (parallel).
func (r Report) buildTables() ([]rtable, error) {
	out := make([]rtable, len(reportTables))
	var next atomic.Int32
	fns := make([]func() error, min(runtime.GOMAXPROCS(0), len(out)))
	for w := range fns {
		fns[w] = func() error {
			for i := int(next.Add(1)) - 1; i < len(out); i = int(next.Add(1)) - 1 {
				out[i] = r.numbered(i)
			}
			return nil
		}
	}
	if err := parallel(fns); err != nil {
		return nil, err
	}
	return out, nil
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
