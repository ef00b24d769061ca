package export

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"rendadesk/store"
)

// WorkbookName is the file name of a calendar year's workbook: 「××镇人大主席团2024年度工作统计.xlsx」 (FileName: a
// long office name is shortened). ReportFileName names the workbook of any period.
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

// WorkbookYear writes the yearly work-report workbook (SPEC §6.1), or that of any period: one sheet for each
// table of Report.tables, numbered 表1 … in order — 主要数据, 会期建议分类及办理结果 (with the outcome pie and the
// per-category bar chart), 闭会期间来源及层面, 办理情况一览表, 承办单位 (with the 按期办结率 bars), 代表构成, 名册,
// 家站点, 代表履职, 述职评议, 视察调研执法检查, 主席团会议, 人代会. Counts are numbers, rates are numbers rounded as
// Rate.Percent rounds them under a percent format with the office's decimals (「—」 as text when the
// denominator is zero), and text is always written as text. Each sheet prints on A4 with nothing below
// minPrintPt (sheetLayout). The file is written beside path and renamed into place.
func WorkbookYear(path string, r Report) error {
	return writeWorkbook(path, r, r.tables(), reportTitle(r.Figures))
}

// writeWorkbook writes the tables as a workbook, a sheet each, with r's header block (the yearly report's, or
// the county's: county.go); title follows the office's name in each sheet's title.
func writeWorkbook(path string, r Report, tables []rtable, title string) error {
	w, err := newWorkbook(r)
	if err != nil {
		return err
	}
	w.docTitle = title
	defer w.f.Close()
	for _, t := range tables {
		if err := w.table(t); err != nil {
			return fmt.Errorf("生成工作簿「%s」: %w", t.sheet(), err)
		}
	}
	// A workbook of no tables keeps the placeholder sheet; otherwise the first table's sheet replaced it
	// (table) and is the active one.
	return saveAtomically(w.f, path)
}

// maxRowPt is the tallest row Excel takes (points).
const maxRowPt = 409

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
	title  int
	info   int
	head   int
	styles [kinds][2]int // [kind][bold]
	// docTitle follows the office's name in every sheet's title: 「2025年度工作统计」, or the county's title.
	docTitle string
}

func newWorkbook(r Report) (*workbook, error) {
	st, fig := r.Settings, r.Figures
	w := &workbook{f: excelize.NewFile(), st: st, fig: fig, made: r.made(), docTitle: reportTitle(fig)}
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
	w.info = add(&excelize.Style{Font: &excelize.Font{Family: "宋体", Size: infoPt},
		Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}})
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

// table writes one table as a sheet, with its charts below the rows. Everything about the sheet is worked out
// first (cells, widths, row heights, how it prints), then the rows go out in order through excelize's
// StreamWriter: set cell by cell, excelize cleared its calculation cache at every call and wrote the sheet's XML
// slowly, over half of a stress year's workbook. The stream writes the worksheet's elements before <sheetData>
// (sheetPr, dimension; sheet views and columns) when it starts and at its first row, the rest at Flush.
func (w *workbook) table(t rtable) error {
	sheet, headers, rows := SheetName(t.sheet()), t.headers, t.rows
	f := w.f
	last, _ := excelize.ColumnNumberToName(max(1, len(headers)))
	full := officeName(w.st) + w.docTitle + " — " + t.title()
	info := "单位：" + officeName(w.st) + "　" + periodLine(w.fig, "　")
	if w.st.ClerkName != "" {
		info += "　制表人：" + w.st.ClerkName
	}
	info += "　制表日期：" + store.DateOf(w.made).Chinese()

	// A header may wrap onto two lines: its column need only be half as wide as the header is long. A unit
	// in brackets goes on a line of its own (headerCell).
	widths := make([]float64, len(headers))
	cells := make([]string, len(headers))
	head := make([]any, len(headers))
	for i, h := range headers {
		var need float64
		cells[i], need = headerCell(h)
		head[i] = excelize.Cell{StyleID: w.head, Value: cells[i]}
		widths[i] = max(math.Ceil(need/wrapFit), 4) + 2
	}

	// The cells' kinds and display widths are worked out once, here, for the columns' widths; the rows' heights
	// (rowLines) and the cells as streamed (cellOf) read them again after the widths are known.
	cols := len(headers)
	kinds := make([]uint8, len(rows)*cols)
	shownW := make([]float64, len(rows)*cols) // display width of a one-line cell; -1 for text of several lines
	for r, row := range rows {
		if row.span {
			continue
		}
		for i := range headers {
			var v any
			if i < len(row.cells) {
				v = row.cells[i]
			}
			kind, dw := kText, 0.0
			multi := ""
			switch x := v.(type) {
			case nil:
			case string:
				if i > 0 {
					kind = kCenter
				}
				if strings.IndexByte(x, '\n') >= 0 {
					multi, dw = x, -1
				} else {
					dw = displayWidth(x)
				}
			case int:
				kind, dw = kInt, float64(intWidth(x))
			case store.Rate:
				if _, ok := x.Rounded(w.fig.Precision); ok {
					kind = kPct
				} else {
					kind = kCenter
				}
				if shown := x.Percent(w.fig.Precision); strings.IndexByte(shown, '\n') >= 0 {
					multi, dw = shown, -1
				} else {
					dw = displayWidth(shown)
				}
			default:
				return fmt.Errorf("表格单元格类型 %T", v)
			}
			kinds[r*cols+i], shownW[r*cols+i] = uint8(kind), dw
			if multi == "" {
				widths[i] = max(widths[i], min(math.Ceil(dw/wrapFit), textColWidth)+2)
				continue
			}
			for l := range strings.SplitSeq(multi, "\n") {
				widths[i] = max(widths[i], min(math.Ceil(displayWidth(l)/wrapFit), textColWidth)+2)
			}
		}
	}
	for col, wd := range t.wide {
		if col < len(widths) {
			widths[col] = wd
		}
	}
	for i := range widths {
		widths[i] = min(max(widths[i], 6), maxColWidth)
	}
	l := layoutSheet(widths, t.landscape, t.keyCols, chartsWidth(t, widths))
	// The title, the header block and the note span the columns of the first printed page: a sheet printed
	// in parts shows them whole on its first page.
	span := len(widths)
	if len(l.breaks) > 0 {
		span = l.breaks[0]
	}
	edge, _ := excelize.ColumnNumberToName(span)
	spanW := sum(widths[:span])
	lastRow := firstRow + len(rows) - 1
	below := firstRow + len(rows) + 1
	note := ""
	if t.note != "" {
		note = "注：" + t.note
		lastRow = below
		below += 2
	}

	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	// The placeholder sheet goes as soon as the first table's sheet is there: deleted after streamed sheets,
	// excelize would read every one of them back to mark the active tab (and the mark would not be kept).
	if i, _ := f.GetSheetIndex("Sheet1"); i >= 0 {
		if err := f.DeleteSheet("Sheet1"); err != nil {
			return err
		}
	}
	fit := l.fit
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	// The used range, as tools that trust the <dimension> element (instead of reading every row) see the sheet.
	if err := f.SetSheetDimension(sheet, fmt.Sprintf("A1:%s%d", last, max(lastRow, headRow))); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	// Right to left: excelize puts each column's width before those set already, and Excel wants them in order.
	for i := len(widths) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, widths[i]); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: headRow, TopLeftCell: fmt.Sprintf("A%d", firstRow),
		ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	for _, m := range []struct {
		row   int
		text  string
		style int
		ht    float64
	}{{1, full, w.title, textRowHeight(displayWidth(full), spanW, 16) + 6},
		{2, info, w.info, textRowHeight(displayWidth(info), spanW, infoPt)}} {
		line := make([]any, max(span, 1))
		for i := range line {
			line[i] = excelize.Cell{StyleID: m.style}
		}
		line[0] = excelize.Cell{StyleID: m.style, Value: m.text}
		if err := sw.SetRow(fmt.Sprintf("A%d", m.row), line, rowOpts(m.ht)); err != nil {
			return err
		}
	}
	if err := sw.SetRow(fmt.Sprintf("A%d", headRow), head, rowOpts(float64(wrappedLines(cells, widths))*14.5+6)); err != nil {
		return err
	}
	// One row's cells, reused from row to row: SetRow has written them before it returns. Pointers to Cells
	// and the table's own values (boxed already in trow.cells) put no new value on the heap for most cells.
	cells1 := make([]excelize.Cell, max(cols, 1))
	line := make([]any, max(cols, 1))
	for i := range cells1 {
		line[i] = &cells1[i]
	}
	for r, row := range rows {
		b := 0
		if row.total {
			b = 1
		}
		var ht float64
		n := line[:cols]
		if row.span { // one line across the table: merged, wrapped, not a column's width
			text, _ := row.cells[0].(string)
			for i := range cells1 {
				cells1[i] = excelize.Cell{StyleID: w.styles[kText][b]}
			}
			cells1[0].Value = text
			ht, n = linesHeight(wrappedLines([]string{text}, []float64{sum(widths)})), line
		} else {
			lines := 1
			for i := range cols {
				var v any
				if i < len(row.cells) {
					v = row.cells[i]
				}
				kind := kinds[r*cols+i]
				var val any
				switch x := v.(type) {
				case string, int:
					val = v
				case store.Rate:
					if rounded, ok := x.Rounded(w.fig.Precision); ok {
						// The rounded value as written, so that the formula bar and a sum show what prints.
						val = rounded
					} else {
						val = "—"
					}
				}
				cells1[i] = excelize.Cell{StyleID: w.styles[kind][b], Value: val}
				if s, ok := v.(string); ok && s != "" {
					room := max(widths[i]*wrapFit-1, 1)
					if dw := shownW[r*cols+i]; dw >= 0 {
						lines = max(lines, int(math.Ceil(dw/room)))
					} else {
						lines = max(lines, wrappedLines([]string{s}, widths[i:i+1]))
					}
				}
			}
			ht = linesHeight(lines)
		}
		if err := sw.SetRow(cellName(firstRow+r), n, rowOpts(ht)); err != nil {
			return err
		}
	}
	if note != "" {
		c := fmt.Sprintf("A%d", firstRow+len(rows)+1)
		ht := textRowHeight(displayWidth(note), spanW, infoPt)
		if err := sw.SetRow(c, []any{excelize.Cell{StyleID: w.info, Value: note}}, rowOpts(ht)); err != nil {
			return err
		}
	}
	merges := [][2]string{{"A1", edge + "1"}, {"A2", edge + "2"}}
	for r, row := range rows {
		if row.span {
			merges = append(merges, [2]string{fmt.Sprintf("A%d", firstRow+r), fmt.Sprintf("%s%d", last, firstRow+r)})
		}
	}
	if note != "" {
		n := firstRow + len(rows) + 1
		merges = append(merges, [2]string{fmt.Sprintf("A%d", n), fmt.Sprintf("%s%d", edge, n)})
	}
	for _, m := range merges {
		if err := sw.MergeCell(m[0], m[1]); err != nil {
			return err
		}
	}
	if err := w.printSetup(sheet, t, l); err != nil {
		return err
	}
	if err := w.charts(sheet, t, below, widths); err != nil {
		return err
	}
	return sw.Flush()
}

// rowOpts sets a row's height, or leaves Excel's when ht is 0 or more than Excel takes (as SetRowHeight
// refused such a height, and the row kept its own).
func rowOpts(ht float64) excelize.RowOpts {
	if ht > maxRowPt {
		return excelize.RowOpts{}
	}
	return excelize.RowOpts{Height: ht}
}

// textRowHeight is the height of a merged row holding text of the given display width across columns of the
// given total width, at size pt: one line, or as many as the text wraps to.
func textRowHeight(text, across, size float64) float64 {
	lines := max(1, math.Ceil(text*size/11/(across*wrapFit-1)))
	return lines*size*1.45 + 6
}

// charts adds the table's charts below it (at row below), side by side when there are two — the second
// from the first column clear of the first (chartColumns) — each reading its numbers from the sheet's own cells.
func (w *workbook) charts(sheet string, t rtable, below int, widths []float64) error {
	q := "'" + sheet + "'"
	col := func(i int) string { c, _ := excelize.ColumnNumberToName(i + 1); return c }
	one := false // one colour for every bar
	starts := chartColumns(t, widths)
	for i, c := range t.charts {
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
			Dimension: chartSize(c),
		}
		switch c.kind {
		case "pie":
			show := true
			ch.Type, ch.VaryColors = excelize.Pie, &show
			ch.Legend.Position = "right"
			// Counts, not Excel's own percentages: those are rounded to whole percents and would read
			// 57% beside the table's 56.5% (every percentage goes through Rate.Percent).
			ch.PlotArea = excelize.ChartPlotArea{ShowVal: true, ShowCatName: true}
		case "col":
			ch.Type, ch.VaryColors = excelize.Col, &one
		case "bar":
			ch.Type, ch.VaryColors = excelize.Bar, &one
		}
		if err := w.f.AddChart(sheet, fmt.Sprintf("%s%d", col(starts[i]), below), ch); err != nil {
			return err
		}
	}
	return nil
}

// chartSize is a chart's size in pixels.
func chartSize(c rchart) excelize.ChartDimension {
	switch c.kind {
	case "pie":
		return excelize.ChartDimension{Width: 520, Height: 300}
	case "bar":
		return excelize.ChartDimension{Width: 560, Height: uint(min(120+30*(c.to-c.from+1), 900))}
	}
	return excelize.ChartDimension{Width: 480, Height: 300}
}

// chartColumns are the columns (0-based) the charts are anchored at: the first at A, each next one at the first
// column that starts right of the one before it.
func chartColumns(t rtable, widths []float64) []int {
	out := make([]int, len(t.charts))
	right := 0.0 // points
	for i, c := range t.charts {
		if i > 0 {
			k, x := 0, 0.0
			for x < right+8 {
				if k < len(widths) {
					x += widths[k] * colPt
				} else {
					x += 8.43 * colPt // a column left at Excel's default width
				}
				k++
			}
			out[i], right = k, x
		}
		right += float64(chartSize(c).Width) * 0.75
	}
	return out
}

// wrappedLines is the number of lines the tallest of texts takes in its column. A unit of column width holds
// ~1.2 display units of text in LibreOffice and ~0.95 in Excel (wrapFit): rows are sized for Excel, so that
// no line is cut off there; LibreOffice shows them a little airier.
func wrappedLines(texts []string, widths []float64) int {
	lines := 1
	for i, s := range texts {
		if s == "" || i >= len(widths) {
			continue
		}
		room := max(widths[i]*wrapFit-1, 1)
		n := 0
		for l := range strings.SplitSeq(s, "\n") {
			n += max(1, int(math.Ceil(displayWidth(l)/room)))
		}
		lines = max(lines, n)
	}
	return lines
}

// headerCell is a column header as its cell holds it, and the display width its column needs. A header that
// ends in a unit in brackets, 「已完成(项)」, longer than a few characters, has the unit on a line of its own,
// 「已完成」 over 「(项)」: left to the office program, a narrow column broke inside the unit and put 「)」 alone on
// the last line (LibreOffice). The words before the unit keep one line when short, or wrap onto two; a very
// short header keeps one line.
func headerCell(h string) (string, float64) {
	open := strings.LastIndexAny(h, "(（")
	if open <= 0 || !(strings.HasSuffix(h, ")") || strings.HasSuffix(h, "）")) {
		return h, displayWidth(h) / 2
	}
	if displayWidth(h) <= 6 { // 「率(%)」: one line
		return h, displayWidth(h)
	}
	words, unit := strings.TrimSpace(h[:open]), h[open:]
	need := displayWidth(words)
	if need > 8 {
		need = math.Ceil(need / 2)
	}
	return words + "\n" + unit, max(need, displayWidth(unit))
}

// linesHeight is the height of a data row whose tallest cell wraps to the given number of lines, tall enough
// for it, or 0 for a row of one line (Excel's height). Excel fits such rows itself when the file is opened,
// LibreOffice does not, so the height is set from the number of lines each cell wraps to at its column's width.
func linesHeight(lines int) float64 {
	if lines > 1 {
		// Excel refuses a row taller than 409 points; a longer cell shows its beginning.
		return min(float64(lines)*14.5+3, maxRowPt)
	}
	return 0
}

// cellName is the name of the cell in column A of the given row: 「A12」.
func cellName(row int) string {
	return "A" + strconv.Itoa(row)
}

// intWidth is the display width of n as fmt.Sprint writes it.
func intWidth(n int) int {
	var buf [24]byte
	return len(strconv.AppendInt(buf[:0], int64(n), 10))
}

// Printing. Nothing on a printed sheet is smaller than minPrintPt: a sheet is fitted to the page's width only
// when the scale that takes keeps its smallest type (infoPt: the header block and the notes) at minPrintPt or
// more; otherwise it prints at splitScale percent with its columns in parts, one page wide each, the key
// columns (rtable.keyCols) and the header rows repeated on every page.
const (
	minPrintPt   = 8.0
	infoPt       = 10.0 // the smallest type on a sheet
	splitScale   = 85   // percent, for a sheet printed in parts: 10 pt prints at 8.5 pt
	maxColWidth  = 44.0 // Excel characters
	textColWidth = 22.0 // a column of longer text wraps at this width, unless the table sets its own (rtable.wide)
	wrapFit      = 0.9  // display units of 11 pt text a unit of column width holds, at the narrowest (Excel)

	// colPt is the printed width of one unit of Excel column width, taken at its widest: Excel with Calibri
	// prints 5.25 pt (7 px), LibreOffice without Calibri or Carlito (a Linux office PC) measures the unit in
	// DejaVu Sans and prints 7 pt. Laid out for 7 pt, a sheet prints no smaller anywhere.
	colPt = 7.0
	// The page: A4, margins of 0.4 inch left and right.
	a4ShortPt, a4LongPt = 595.28, 841.89
	sideMarginIn        = 0.4
)

// sheetLayout is how a sheet prints: fitted to the page's width, or at a fixed scale in parts split before
// the columns in breaks (0-based).
type sheetLayout struct {
	landscape bool
	fit       bool
	scale     int   // percent, when not fitted
	breaks    []int // columns that start a new page, when not fitted
}

// printableWidth is the width of the page inside its margins, in points.
func printableWidth(landscape bool) float64 {
	w := a4ShortPt
	if landscape {
		w = a4LongPt
	}
	return w - 2*sideMarginIn*72
}

// layoutSheet chooses how a sheet of the given column widths (Excel characters) prints, and how wide the
// charts below it reach (points from column A; they print with the sheet).
func layoutSheet(widths []float64, landscape bool, keyCols int, chartsPt float64) sheetLayout {
	l := sheetLayout{landscape: landscape}
	total := max(sum(widths)*colPt, chartsPt)
	page := printableWidth(landscape)
	// A little over the floor: LibreOffice rounds the scale it fits to.
	if total <= page || page/total*infoPt >= minPrintPt+0.2 {
		l.fit = true
		return l
	}
	l.scale = splitScale
	room := page * 100 / float64(splitScale)
	keyCols = min(max(keyCols, 0), len(widths)-1)
	key := sum(widths[:keyCols]) * colPt
	used := key
	for i := keyCols; i < len(widths); i++ {
		w := widths[i] * colPt
		if used+w > room && used > key {
			l.breaks = append(l.breaks, i)
			used = key
		}
		used += w
	}
	return l
}

// printSetup sets up printing: A4, the layout of layoutSheet (its fit-to-page flag is the sheet's property,
// set before the rows), rows 1–3 (and the key columns of a sheet printed in parts) repeated on every page.
func (w *workbook) printSetup(sheet string, t rtable, l sheetLayout) error {
	f := w.f
	orient := "portrait"
	if l.landscape {
		orient = "landscape"
	}
	a4 := 9
	opts := &excelize.PageLayoutOptions{Size: &a4, Orientation: &orient}
	if l.fit {
		opts.FitToWidth, opts.FitToHeight = intPtr(1), intPtr(0)
	} else {
		scale := uint(l.scale)
		opts.AdjustTo = &scale
	}
	if err := f.SetPageLayout(sheet, opts); err != nil {
		return err
	}
	center, side, top, foot := l.fit, sideMarginIn, 0.6, 0.3
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Horizontally: &center, Left: &side, Right: &side,
		Top: &top, Bottom: &top, Header: &foot, Footer: &foot}); err != nil {
		return err
	}
	for _, b := range l.breaks {
		col, _ := excelize.ColumnNumberToName(b + 1)
		if err := f.InsertPageBreak(sheet, col+"1"); err != nil {
			return err
		}
	}
	titles := fmt.Sprintf("'%s'!$1:$%d", sheet, headRow)
	if !l.fit && t.keyCols > 0 {
		key, _ := excelize.ColumnNumberToName(t.keyCols)
		titles = fmt.Sprintf("'%s'!$A:$%s,%s", sheet, key, titles)
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: titles, Scope: sheet})
}

// chartsWidth is how far right of column A the table's charts reach, in points (see chartColumns).
func chartsWidth(t rtable, widths []float64) float64 {
	out := 0.0
	for i, start := range chartColumns(t, widths) {
		left := 0.0
		for k := 0; k < start; k++ {
			if k < len(widths) {
				left += widths[k] * colPt
			} else {
				left += 8.43 * colPt
			}
		}
		out = max(out, left+float64(chartSize(t.charts[i]).Width)*0.75)
	}
	return out
}

// sum adds up widths.
func sum(ws []float64) float64 {
	s := 0.0
	for _, w := range ws {
		s += w
	}
	return s
}
