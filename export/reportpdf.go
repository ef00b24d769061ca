package export

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"rendadesk/store"
)

// ReportPDF writes the yearly report (or that of any period) as a PDF for printing (SPEC §6.2): a cover
// (title, office, period and report date, date made, the tables it holds), then each table of Report.tables
// on pages of its own — portrait or landscape as the table needs — with the header repeated on every page,
// 合计 rows in bold, a note where the table has one, and its charts drawn under it; 「第 x 页 共 y 页」 at the
// foot of every page. Nothing is set below minPrintPt: a table too wide for the page at that size prints its
// columns in parts (splitColumns). The numbers are the workbook's: both print Report.tables, and every rate
// through Rate.Percent.
func ReportPDF(path string, r Report) error {
	return tablesPDF(path, r, r.tables(), reportTitle(r.Figures), ReportPeriodName(r.Figures)+"工作统计报表")
}

// tablesPDF prints the tables after a cover named coverTitle, each table from a new page with r's header line;
// title is the document's (its metadata and running header).
func tablesPDF(path string, r Report, tables []rtable, title, coverTitle string) error {
	st, fig := r.Settings, r.Figures
	d := newDocument(officeName(st), title, false)
	reportCover(d, r, tables, coverTitle)
	for _, t := range tables {
		d.newPage(t.landscape)
		d.pdf.Bookmark(clean(t.title()), 0, -1)
		d.title(t.title())
		d.moveDown(-3)
		reportMeta(d, r)
		reportTable(d, t, fig.Precision)
		if t.note != "" {
			d.moveDown(2)
			d.paragraph("注："+t.note, paraStyle{size: 9.5})
		}
		drawCharts(d, t, fig.Precision)
	}
	return d.save(path)
}

// newPage starts a page in the given orientation; the page geometry follows it.
func (d *document) newPage(landscape bool) {
	orientation := "P"
	w, h := 210.0, 297.0
	if landscape {
		orientation, w, h = "L", 297.0, 210.0
	}
	d.right, d.bottom, d.width, d.orientation = w-marginMM, h-marginMM, w-2*marginMM, orientation
	d.addPage()
}

// reportMeta is the line under each table's title: office, period, report date, clerk, date made.
func reportMeta(d *document, r Report) {
	parts := []string{"单位：" + officeName(r.Settings), periodLine(r.Figures, "　　")}
	if r.Settings.ClerkName != "" {
		parts = append(parts, "制表人："+r.Settings.ClerkName)
	}
	parts = append(parts, "制表日期："+store.DateOf(r.made()).Chinese())
	d.paragraph(strings.Join(parts, "　　"), paraStyle{size: 10, after: 2})
}

// reportCover is the first page: the title in large type, the office, the period, the clerk and the date,
// and the list of tables that follow.
func reportCover(d *document, r Report, tables []rtable, coverTitle string) {
	st := r.Settings
	d.pdf.Bookmark("封面", 0, -1)
	d.moveDown(38)
	d.font(true, 26)
	lh := lineHeight(26)
	for _, l := range d.wrap(officeName(st), d.width) {
		d.text(d.left, d.y(), d.width, lh, l, "C")
		d.moveDown(lh)
	}
	d.moveDown(4)
	d.font(true, 30)
	for _, l := range d.wrap(coverTitle, d.width) {
		d.text(d.left, d.y(), d.width, lineHeight(30), l, "C")
		d.moveDown(lineHeight(30))
	}
	if c := reportCutOff(r.Figures); c != "" {
		d.font(true, 16)
		d.text(d.left, d.y(), d.width, lineHeight(16), c, "C")
		d.moveDown(lineHeight(16))
	}
	d.moveDown(26)

	d.font(false, 14)
	lh = lineHeight(14) * 1.3
	lines := [][2]string{{"统计时段", periodWords(r.Figures.From, r.Figures.To)}, {"数据截至", r.Figures.AsOf.Chinese()}}
	if st.ClerkName != "" {
		lines = append(lines, [2]string{"制 表 人", st.ClerkName})
	}
	lines = append(lines, [2]string{"制表日期", store.DateOf(r.made()).Chinese()})
	x := d.left + d.width*0.18
	for _, l := range lines {
		d.text(x, d.y(), 30, lh, l[0]+"：", "L")
		d.text(x+30, d.y(), d.width*0.64-30, lh, l[1], "L")
		d.moveDown(lh)
	}
	d.moveDown(14)
	d.font(true, 13)
	d.text(x, d.y(), d.width*0.64, lineHeight(13), "目　录", "L")
	d.moveDown(lineHeight(13) + 2)
	d.font(false, 11.5)
	lh = lineHeight(11.5) * 1.1
	// One column while the list fits the cover; past about twenty tables, two narrower columns from the margin.
	colW, cols, top := d.width*0.64, []float64{x + 4}, d.y()
	if float64(len(tables))*lh > d.room() {
		colW, cols = d.width/2-4, []float64{d.left, d.left + d.width/2}
	}
	perCol := (len(tables) + len(cols) - 1) / len(cols)
	for i, t := range tables {
		if i > 0 && i%perCol == 0 {
			d.pdf.SetY(top)
		}
		for _, l := range d.wrap(t.title(), colW-4) {
			d.text(cols[i/perCol], d.y(), colW-4, lh, l, "L")
			d.moveDown(lh)
		}
	}
}

// cellText is how a table cell prints: counts as digits, rates through Rate.Percent, blanks empty.
func cellText(v any, precision int) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int:
		return itoa(x)
	case store.Rate:
		return x.Percent(precision)
	}
	return fmt.Sprint(v)
}

// Table type sizes: the largest of these at which the table fits across the page with its columns at
// their natural widths, else the smallest with the widest columns wrapping. The smallest is minPrintPt:
// nothing of a table prints smaller (a table that does not fit at it is printed in parts, splitColumns).
var reportSizes = []float64{10.5, 10, 9, 8.5, minPrintPt}

// reportTable draws one table: the header repeated on every page, 合计 rows in bold; a table too wide for
// the page is printed in parts, each with the key columns and its share of the others, one after the other.
func reportTable(d *document, t rtable, precision int) {
	if t.pdfCols != nil {
		t = t.only(t.pdfCols)
	}
	lay := layoutTable(d, t, precision)
	if lay.fits || len(t.headers) < 2 {
		drawTable(d, t, lay)
		return
	}
	parts := splitColumns(d, t, lay.widths)
	for k, part := range parts {
		if k > 0 {
			d.moveDown(6)
			d.ensure(3 * (lineHeight(minPrintPt) + 2*cellPadY))
			d.paragraph(fmt.Sprintf("%s(续，第%d部分，共%d部分)", t.title(), k+1, len(parts)), paraStyle{size: 10.5, bold: true, after: 1})
		}
		drawTable(d, part, layoutTable(d, part, precision))
	}
}

// tableLayout is a table measured for the page (columnWidths): its cells as they print, which columns hold
// only numbers, the type size and the column widths, and whether the least widths fit the page at all (when
// not, widths are the least ones, unscaled).
type tableLayout struct {
	rows    [][]string
	numeric []bool
	size    float64
	widths  []float64
	fits    bool
}

// layoutTable measures t once for both deciding whether it is printed in parts and drawing it.
func layoutTable(d *document, t rtable, precision int) tableLayout {
	rows, numeric := tableTexts(t, precision)
	size, widths, fits := columnWidths(d, t.headers, fitRows(t, rows))
	return tableLayout{rows: rows, numeric: numeric, size: size, widths: widths, fits: fits}
}

// tableTexts renders a table's cells as they print, and which columns hold only numbers.
func tableTexts(t rtable, precision int) ([][]string, []bool) {
	rows := make([][]string, len(t.rows))
	numeric := make([]bool, len(t.headers))
	for i := range numeric {
		numeric[i] = true
	}
	for r, row := range t.rows {
		rows[r] = make([]string, len(t.headers))
		for i := range t.headers {
			var v any
			if i < len(row.cells) {
				v = row.cells[i]
			}
			rows[r][i] = cellText(v, precision)
			if _, ok := v.(string); ok && !row.total && !row.span && rows[r][i] != "" {
				numeric[i] = false
			}
		}
	}
	return rows, numeric
}

// fitRows are the rows that size the columns: all but the lines across the table.
func fitRows(t rtable, rows [][]string) [][]string {
	fit := make([][]string, 0, len(rows))
	for r, row := range rows {
		if !t.rows[r].span { // a summary line spans the table: not a column's width
			fit = append(fit, row)
		}
	}
	return fit
}

// splitColumns divides a table whose least widths do not fit the page at minPrintPt into parts: each the key
// columns (rtable.keyCols) and as many of the others, in order, as fit beside them.
func splitColumns(d *document, t rtable, least []float64) []rtable {
	key := min(max(t.keyCols, 1), len(t.headers)-1)
	keyW := sum(least[:key])
	var parts []rtable
	var cols []int
	used := keyW
	flush := func() {
		if len(cols) > 0 {
			all := make([]int, 0, key+len(cols))
			for i := 0; i < key; i++ {
				all = append(all, i)
			}
			parts = append(parts, t.only(append(all, cols...)))
		}
		cols, used = nil, keyW
	}
	for i := key; i < len(t.headers); i++ {
		if used+least[i] > d.width && len(cols) > 0 {
			flush()
		}
		cols = append(cols, i)
		used += least[i]
	}
	flush()
	return parts
}

// drawTable draws one table that fits the page, measured by layoutTable: the header repeated on every page,
// 合计 rows in bold.
func drawTable(d *document, t rtable, lay tableLayout) {
	rows, numeric, size, widths := lay.rows, lay.numeric, lay.size, lay.widths
	if !lay.fits { // the least widths, scaled to the page
		widths = slices.Clone(widths)
		total := sum(widths)
		for i := range widths {
			widths[i] *= d.width / total
		}
	}
	// Text columns that are wide are set flush left; short text, counts and rates are centred.
	align := make([]string, len(t.headers))
	for i := range align {
		align[i] = "C"
		if !numeric[i] && widths[i] > 34 {
			align[i] = "L"
		}
	}
	measure := d.measureAt(size)
	head := make([]cell, len(t.headers)) // wrapped once, drawn again at the top of every page
	for i, h := range t.headers {
		head[i] = cell{w: widths[i], text: h, align: "C", bold: true, shade: true}
		head[i].lines = wrapText(measure, clean(h), widths[i]-2*cellPadX)
	}
	header := func() { d.row(head, size, false) }
	d.ensure(2 * (lineHeight(size) + 2*cellPadY))
	header()
	d.onPageBreak = header
	defer func() { d.onPageBreak = nil }()
	all := make([][]cell, len(rows))
	for r, row := range rows {
		cells := make([]cell, len(row))
		for i, v := range row {
			a := align[i]
			if t.rows[r].total && i == 0 {
				a = "C"
			}
			cells[i] = cell{w: widths[i], text: v, align: a, bold: t.rows[r].total}
		}
		if t.rows[r].span {
			// A summary line (「合计 12 次：视察3次…」, 「本期没有…」) spans the whole table.
			cells = []cell{{w: sum(widths), text: row[0], align: "L", bold: t.rows[r].total}}
		}
		all[r] = cells
	}
	wrapped := wrapAhead(all, measure)
	for r := range all {
		wrapped.wait(r)
		d.row(all[r], size, false)
	}
}

// rowsWrapped are a table's rows whose cells' lines are being wrapped on a goroutine of its own, ahead of the
// drawing: fpdf's drawing is one goroutine's work, the wrapping (a tenth of a long table's time) the other
// core's. Row r may be drawn once wait(r) returns; the rows handed over are not touched again by the wrapper.
type rowsWrapped struct {
	progress <-chan int // how many rows are wrapped, sent every wrapBatch rows and at the end
	ready    int
}

const wrapBatch = 64

// wrapAhead starts wrapping every cell of rows (cell.lines) with measure, the type size's measure.
func wrapAhead(rows [][]cell, measure func(string) float64) *rowsWrapped {
	progress := make(chan int, len(rows)/wrapBatch+1)
	go func() {
		defer close(progress)
		defer func() { _ = recover() }() // a wrapping that fails here fails again in row, on the drawing goroutine: reported there
		for r := range rows {
			for i := range rows[r] {
				c := &rows[r][i]
				c.lines = wrapText(measure, clean(c.text), c.w-2*cellPadX)
			}
			if (r+1)%wrapBatch == 0 || r+1 == len(rows) {
				progress <- r + 1
			}
		}
	}()
	return &rowsWrapped{progress: progress}
}

// wait returns when row r is wrapped, or when the wrapper has stopped (row wraps what it left).
func (w *rowsWrapped) wait(r int) {
	for r >= w.ready {
		n, ok := <-w.progress
		if !ok {
			w.ready = math.MaxInt
			return
		}
		w.ready = n
	}
}

// columnWidths measures a table: the size it prints at and its column widths (natural widths stretched to
// the page when they fit at a size of reportSizes; else, at the smallest size, the widths that fit the page
// with the wide columns wrapping), and whether the least widths fit at all (when not, the widths returned
// are the least ones, unscaled, which splitColumns divides into parts and drawTable scales to the page).
// Each column is as wide as its widest line (a header may wrap onto up to three lines; a long text column
// is capped and wraps), at the largest of reportSizes that fits the page width; what is left over is shared
// out in proportion. At the smallest size the columns wider than their least width give way.
func columnWidths(d *document, headers []string, rows [][]string) (float64, []float64, bool) {
	const textCap = 62.0 // mm: wider text wraps
	n := len(headers)
	// A string's width is proportional to the type size, so each cell is measured once, at 1 pt: its widest
	// line and its widest word (a date, a number, which must not break).
	const pad = 2*cellPadX + 0.6
	maxLine, maxWord := make([]float64, n), make([]float64, n)
	d.font(false, 1)
	for _, r := range rows {
		for i := 0; i < n && i < len(r); i++ {
			if r[i] == "" {
				continue
			}
			line, word := measureCell(d.pdf.GetStringWidth, clean(r[i]))
			maxLine[i], maxWord[i] = max(maxLine[i], line), max(maxWord[i], word)
		}
	}
	var size float64
	var natural, least []float64
	for _, size = range reportSizes {
		natural, least = make([]float64, n), make([]float64, n)
		d.font(true, size)
		two := d.pdf.GetStringWidth("汉字") + pad
		for i, h := range headers {
			widest := 0.0
			for _, l := range strings.Split(clean(h), "\n") {
				widest = max(widest, d.pdf.GetStringWidth(l))
			}
			// A header wraps onto at most three lines.
			least[i] = max(two, widest/3+2*cellPadX+1)
			natural[i] = max(least[i], min(widest+pad, two*2))
		}
		d.font(false, size)
		// A column gives way no further than its longest word or a short value whole (已办结, 镇城建办).
		short := d.pdf.GetStringWidth("汉字汉字") + pad
		for i := range natural {
			if maxLine[i] == 0 {
				continue
			}
			line := maxLine[i]*size + pad
			natural[i] = max(natural[i], min(line, textCap))
			least[i] = max(least[i], min(line, short), min(maxWord[i]*size+pad, textCap))
		}
		total := sum(natural)
		if total <= d.width {
			extra := (d.width - total) / total
			for i := range natural {
				natural[i] *= 1 + extra
			}
			return size, natural, true
		}
	}
	// Still too wide at the smallest size: the columns wider than their least width give way in proportion.
	total, flex := sum(natural), 0.0
	for i := range natural {
		flex += natural[i] - least[i]
	}
	over := total - d.width
	if over >= flex { // even the least widths are too wide
		return size, least, false
	}
	for i := range natural {
		if flex > 0 {
			natural[i] -= over * (natural[i] - least[i]) / flex
		}
	}
	return size, natural, true
}

// chartColors are the fills of pie sectors and bars: muted, distinguishable in greyscale print.
var chartColors = [][3]int{{47, 94, 150}, {222, 132, 56}, {107, 164, 88}, {196, 78, 82}, {128, 114, 179},
	{147, 120, 96}, {210, 180, 70}, {90, 170, 180}}

// drawCharts draws a table's charts below it: pies and column charts side by side in one band (on a new
// page when the rest of this one is too short), then bar charts across the page, continuing over pages.
func drawCharts(d *document, t rtable, precision int) {
	var band, bars []rchart
	for _, c := range t.charts {
		if c.kind == "bar" {
			bars = append(bars, c)
		} else {
			band = append(band, c)
		}
	}
	if len(band) > 0 {
		const height = 92.0
		d.ensure(height + 8)
		d.moveDown(8)
		top := d.y()
		w := d.width / float64(len(band))
		for i, c := range band {
			x := d.left + w*float64(i)
			switch c.kind {
			case "pie":
				drawPie(d, t, c, precision, x, top, w)
			case "col":
				drawColumns(d, t, c, x, top, w)
			}
		}
		d.pdf.SetXY(d.left, top+height)
	}
	for _, c := range bars {
		drawBars(d, t, c, precision)
	}
}

// boxTitle writes a chart's title centred over its box and returns the y below it.
func (d *document) boxTitle(s string, x, y, w float64) float64 {
	d.font(true, 12)
	d.text(x, y, w, lineHeight(12), s, "C")
	return y + lineHeight(12) + 4
}

func (d *document) chartTitle(s string, room float64) {
	d.ensure(room)
	d.moveDown(6)
	d.font(true, 12)
	d.text(d.left, d.y(), d.width, lineHeight(12), s, "C")
	d.moveDown(lineHeight(12) + 3)
}

// drawPie draws the outcome shares as a pie with a legend giving each part's count and share (Rate.Percent
// of the whole, the same figure as the table's).
func drawPie(d *document, t rtable, c rchart, precision int, x0, y0, boxW float64) {
	labels := c.labels(t)
	var counts []int
	total := 0
	for i := c.from; i <= c.to; i++ {
		n, _ := t.rows[c.row].cells[i].(int)
		counts = append(counts, n)
		total += n
	}
	if total == 0 {
		return
	}
	const radius = 32.0
	top := d.boxTitle(c.title, x0, y0, boxW)
	p := d.pdf
	cx, cy := x0+max(radius+4, boxW/2-45), top+radius+2
	angle := -math.Pi / 2 // start at twelve o'clock, clockwise
	for i, n := range counts {
		if n == 0 {
			continue
		}
		sweep := 2 * math.Pi * float64(n) / float64(total)
		pts := []fpdf.PointType{{X: cx, Y: cy}}
		steps := max(2, int(sweep/(math.Pi/90)))
		for s := 0; s <= steps; s++ {
			a := angle + sweep*float64(s)/float64(steps)
			pts = append(pts, fpdf.PointType{X: cx + radius*math.Cos(a), Y: cy + radius*math.Sin(a)})
		}
		col := chartColors[i%len(chartColors)]
		p.SetFillColor(col[0], col[1], col[2])
		p.SetDrawColor(255, 255, 255)
		p.SetLineWidth(0.4)
		p.Polygon(pts, "FD")
		angle += sweep
	}
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.25)
	// The legend, right of the pie.
	d.font(false, 10.5)
	lh := lineHeight(10.5) * 1.25
	x := cx + radius + 14
	y := cy - float64(len(counts))*lh/2
	for i, n := range counts {
		col := chartColors[i%len(chartColors)]
		p.SetFillColor(col[0], col[1], col[2])
		p.Rect(x, y+lh/2-1.8, 3.6, 3.6, "F")
		share := store.Rate{Num: n, Den: total}.Percent(precision)
		d.text(x+6, y, 90, lh, fmt.Sprintf("%s　%d件　%s", labels[i], n, share), "L")
		y += lh
	}
}

// drawColumns draws counts as vertical bars with the count above each bar and the category below it.
func drawColumns(d *document, t rtable, c rchart, x, y, boxW float64) {
	labels, values := c.labels(t), c.values(t, 0)
	if len(values) == 0 {
		return
	}
	const plotH = 55.0
	p := d.pdf
	top := d.boxTitle(c.title, x, y, boxW) + 5
	base := top + plotH
	peak := 0.0
	for _, v := range values {
		peak = max(peak, v)
	}
	if peak <= 0 {
		peak = 1
	}
	plotW := min(boxW-6, float64(len(values))*28+10)
	x0 := x + (boxW-plotW)/2
	slot := (plotW - 10) / float64(len(values))
	p.SetDrawColor(120, 120, 120)
	p.Line(x0, base, x0+plotW, base)
	d.font(false, 9)
	for i, v := range values {
		h := plotH * v / peak
		col := chartColors[0]
		p.SetFillColor(col[0], col[1], col[2])
		bx := x0 + 5 + slot*float64(i) + slot*0.2
		bw := slot * 0.6
		if h > 0 {
			p.Rect(bx, base-h, bw, h, "F")
		}
		d.text(bx-slot*0.2, base-h-lineHeight(9), slot, lineHeight(9), fmt.Sprint(int(v)), "C")
		ly := base + 1
		lines := d.wrap(labels[i], slot-1)
		for _, l := range lines[:min(3, len(lines))] {
			d.text(bx-slot*0.2, ly, slot, lineHeight(8.5), l, "C")
			ly += lineHeight(8.5)
		}
	}
	p.SetDrawColor(0, 0, 0)
}

// drawBars draws rates as horizontal bars on a 0–100% scale, one line per category with its name at the left
// and its percentage (Rate.Percent, or 「—」 when nothing was due) at the end of the bar; a long list
// continues on the next page under the title again.
func drawBars(d *document, t rtable, c rchart, precision int) {
	labels := c.labels(t)
	const rowH = 6.5
	d.chartTitle(c.title, 4*rowH+20)
	p := d.pdf
	d.font(false, 9)
	labelW := 0.0
	for _, l := range labels {
		labelW = max(labelW, d.pdf.GetStringWidth(clean(l)))
	}
	labelW = min(labelW+3, d.width*0.3)
	x0 := d.left + labelW + 2
	plotW := d.width - labelW - 24
	axis := func() {
		d.font(false, 8)
		p.SetDrawColor(190, 190, 190)
		for k := 0; k <= 4; k++ {
			x := x0 + plotW*float64(k)/4
			d.text(x-8, d.y(), 16, lineHeight(8), fmt.Sprintf("%d%%", k*25), "C")
		}
		d.moveDown(lineHeight(8))
		p.SetDrawColor(0, 0, 0)
	}
	axis()
	for i := c.from; i <= c.to; i++ {
		if d.room() < rowH {
			d.breakPage()
			d.font(true, 12)
			d.text(d.left, d.y(), d.width, lineHeight(12), c.title+"(续)", "C")
			d.moveDown(lineHeight(12) + 3)
			axis()
		}
		y := d.y()
		rate, _ := t.rows[i].cells[c.col].(store.Rate)
		d.font(false, 9)
		name := d.wrap(labels[i-c.from], labelW)
		if len(name) > 0 {
			d.text(d.left, y, labelW, rowH, name[0], "R")
		}
		if v, ok := rate.Rounded(precision); ok {
			col := chartColors[0]
			p.SetFillColor(col[0], col[1], col[2])
			w := plotW * min(max(v, 0), 1)
			if w > 0 {
				p.Rect(x0, y+1.2, w, rowH-2.4, "F")
			}
			d.text(x0+w+1.5, y, 22, rowH, rate.Percent(precision), "L")
		} else {
			d.text(x0+1.5, y, 22, rowH, rate.Percent(precision), "L")
		}
		d.pdf.SetXY(d.left, y+rowH)
	}
}

// measureCell is the width of a cell's widest line and of its widest word (a run of Latin letters, digits
// and ASCII punctuation longer than three bytes: a date, a number, which must not break; the runs tokenize
// keeps whole), found without splitting the text: a yearly report measures hundreds of thousands of cells.
func measureCell(measure func(string) float64, s string) (line, word float64) {
	for len(s) > 0 {
		l := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			l, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		line = max(line, measure(l))
		start := -1 // of the current run
		for i, r := range l {
			if isWordRune(r) {
				if start < 0 {
					start = i
				}
				continue
			}
			if start >= 0 && i-start > 3 {
				word = max(word, measure(l[start:i]))
			}
			start = -1
		}
		if start >= 0 && len(l)-start > 3 {
			word = max(word, measure(l[start:]))
		}
	}
	return line, word
}
