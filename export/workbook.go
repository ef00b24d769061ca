package export

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"rendadesk/store"
)

// WorkbookName is the file name of a year's workbook: 「××镇人大主席团2024年度工作统计.xlsx」 (FileName: a long
// office name is shortened).
func WorkbookName(st store.Settings, year int) string {
	return FileName(officeName(st), fmt.Sprintf("%d年度工作统计", year), ".xlsx")
}

// officeName is the office as it heads every table.
func officeName(st store.Settings) string {
	if st.OfficeName != "" {
		return st.OfficeName
	}
	return st.Township + "人大" + st.BodyWord
}

// WorkbookYear writes the yearly work-report workbook (SPEC §6.1): one sheet for each table of domain.md §5.1
// that the report's data can fill — T1 主要数据, T2 会期建议分类及办理结果 (with the outcome pie and the
// per-category bar chart), T3 闭会期间来源及层面, T4 办理情况一览表, T5 承办单位 (with the 按期办结率 bars),
// T6 代表构成, T7 名册, T9 家站点, T10 代表履职, T13 视察调研执法检查, T14 主席团会议, T15 人代会. Counts are
// numbers, rates are numbers rounded as Rate.Percent rounds them under a percent format with the office's
// decimals (「—」 as text when the denominator is zero), and text is always written as text. The file is
// written beside path and renamed into place.
func WorkbookYear(path string, r Report) error {
	w, err := newWorkbook(r)
	if err != nil {
		return err
	}
	defer w.f.Close()
	for _, t := range r.tables() {
		if err := w.table(t); err != nil {
			return fmt.Errorf("生成工作簿「%s」: %w", t.sheet, err)
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
	made   time.Time
	year   string
	title  int
	info   int
	head   int
	styles [kinds][2]int // [kind][bold]
}

func newWorkbook(r Report) (*workbook, error) {
	st, fig := r.Settings, r.Figures
	w := &workbook{f: excelize.NewFile(), st: st, fig: fig, made: r.made(), year: fmt.Sprint(r.Year())}
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

// The table layout: row 1 the merged title, row 2 the header block (单位, 统计时段, 制表人, 制表日期), row 3
// the column headers (frozen and repeated on every printed page), data from row 4.
const (
	headRow  = 3
	firstRow = 4
)

// table writes one table as a sheet, with its charts below the rows.
func (w *workbook) table(t rtable) error {
	sheet, title, headers, rows := SheetName(t.sheet), t.title, t.headers, t.rows
	if _, err := w.f.NewSheet(sheet); err != nil {
		return err
	}
	f := w.f
	last, _ := excelize.ColumnNumberToName(max(1, len(headers)))
	full := fmt.Sprintf("%s%s年度工作统计 — %s", officeName(w.st), w.year, title)
	if err := f.SetCellStr(sheet, "A1", full); err != nil {
		return err
	}
	if err := f.MergeCell(sheet, "A1", last+"1"); err != nil {
		return err
	}
	f.SetCellStyle(sheet, "A1", last+"1", w.title)
	f.SetRowHeight(sheet, 1, 32)
	period := fmt.Sprintf("%s至%s", w.fig.From, w.fig.To)
	if w.fig.AsOf != "" && w.fig.AsOf != w.fig.To {
		period += fmt.Sprintf("(截至%s)", w.fig.AsOf)
	}
	info := fmt.Sprintf("单位:%s　统计时段:%s　制表人:%s　制表日期:%s", officeName(w.st), period, w.st.ClerkName,
		w.made.Format("2006-01-02"))
	f.SetCellStr(sheet, "A2", info)
	f.MergeCell(sheet, "A2", last+"2")
	f.SetCellStyle(sheet, "A2", last+"2", w.info)
	f.SetRowHeight(sheet, 2, 20)

	widths := make([]float64, len(headers))
	for i, h := range headers {
		c, _ := excelize.CoordinatesToCellName(i+1, headRow)
		if err := f.SetCellStr(sheet, c, h); err != nil {
			return err
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
				return fmt.Errorf("表格单元格类型 %T", v)
			}
			if err != nil {
				return err
			}
			if err := f.SetCellStyle(sheet, c, c, w.styles[kind][b]); err != nil {
				return err
			}
			for _, line := range strings.Split(shown, "\n") {
				widths[i] = max(widths[i], displayWidth(line)+2)
			}
		}
	}
	for col, wd := range t.wide {
		if col < len(widths) {
			widths[col] = wd
		}
	}
	below := firstRow + len(rows) + 1
	if t.note != "" {
		c := fmt.Sprintf("A%d", below)
		f.SetCellStr(sheet, c, "注："+t.note)
		f.MergeCell(sheet, c, fmt.Sprintf("%s%d", last, below))
		f.SetCellStyle(sheet, c, c, w.info)
		below += 2
	}
	if err := w.finish(sheet, widths, t.landscape); err != nil {
		return err
	}
	if err := w.rowHeights(sheet, t, widths); err != nil {
		return err
	}
	return w.charts(sheet, t, below)
}

// charts adds the table's charts below it (at row below), side by side when there are two, each reading its
// numbers from the sheet's own cells.
func (w *workbook) charts(sheet string, t rtable, below int) error {
	q := "'" + sheet + "'"
	col := func(i int) string { c, _ := excelize.ColumnNumberToName(i + 1); return c }
	anchor := "A"
	one := false // one colour for every bar
	for _, c := range t.charts {
		var series excelize.ChartSeries
		if c.across {
			r := firstRow + c.row
			series = excelize.ChartSeries{Name: fmt.Sprintf("%s!$A$%d", q, r),
				Categories: fmt.Sprintf("%s!$%s$%d:$%s$%d", q, col(c.from), headRow, col(c.to), headRow),
				Values:     fmt.Sprintf("%s!$%s$%d:$%s$%d", q, col(c.from), r, col(c.to), r)}
		} else {
			series = excelize.ChartSeries{Name: fmt.Sprintf("%s!$%s$%d", q, col(c.col), headRow),
				Categories: fmt.Sprintf("%s!$A$%d:$A$%d", q, firstRow+c.from, firstRow+c.to),
				Values:     fmt.Sprintf("%s!$%s$%d:$%s$%d", q, col(c.col), firstRow+c.from, col(c.col), firstRow+c.to)}
		}
		ch := &excelize.Chart{Series: []excelize.ChartSeries{series},
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.title}}},
			Legend:    excelize.ChartLegend{Position: "none"},
			PlotArea:  excelize.ChartPlotArea{ShowVal: true},
			Dimension: excelize.ChartDimension{Width: 480, Height: 300},
		}
		switch c.kind {
		case "pie":
			show := true
			ch.Type, ch.VaryColors = excelize.Pie, &show
			ch.Legend.Position = "right"
			// Counts, not Excel's own percentages: those are rounded to whole percents and would read
			// 57% beside the table's 56.5% (every percentage goes through Rate.Percent).
			ch.PlotArea = excelize.ChartPlotArea{ShowVal: true, ShowCatName: true}
			ch.Dimension = excelize.ChartDimension{Width: 520, Height: 300}
		case "col":
			ch.Type, ch.VaryColors = excelize.Col, &one
		case "bar":
			ch.Type, ch.VaryColors = excelize.Bar, &one
			ch.Dimension = excelize.ChartDimension{Width: 560, Height: uint(min(120+30*(c.to-c.from+1), 900))}
		}
		if err := w.f.AddChart(sheet, fmt.Sprintf("%s%d", anchor, below), ch); err != nil {
			return err
		}
		anchor = "G" // a second chart beside the first
	}
	return nil
}

// rowHeights makes rows whose text wraps tall enough for it. Excel fits such rows itself when the file is
// opened, LibreOffice does not, so the height is set from the number of lines each cell wraps to at its
// column's width (the same widths finish sets).
func (w *workbook) rowHeights(sheet string, t rtable, widths []float64) error {
	for r, row := range t.rows {
		lines := 1
		for i, v := range row.cells {
			s, ok := v.(string)
			if !ok || s == "" || i >= len(widths) || len(row.cells) == 1 {
				continue
			}
			room := max(min(max(widths[i], 6), 44)*1.2-1, 1) // measured: LibreOffice fits ~1.2 display units per width unit
			n := 0
			for _, l := range strings.Split(s, "\n") {
				n += max(1, int(math.Ceil(displayWidth(l)/room)))
			}
			lines = max(lines, n)
		}
		if lines > 1 {
			if err := w.f.SetRowHeight(sheet, firstRow+r, float64(lines)*14.5+3); err != nil {
				return err
			}
		}
	}
	return nil
}

// finish sets the column widths, freezes the header and sets up printing: A4, fit to width, rows 1–3 repeated.
func (w *workbook) finish(sheet string, widths []float64, landscape bool) error {
	f := w.f
	for i, wd := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, min(max(wd, 6), 44)); err != nil {
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
