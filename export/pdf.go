package export

import (
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/sfnt"

	"rendadesk/assets"
)

// The PDF documents share one page layout: A4, 20 mm margins, the bundled Noto Sans CJK SC subset embedded,
// the office name at the top of every page and 「第 x 页 共 y 页」 at the bottom. Text is wrapped by wrapText
// and drawn line by line with CellFormat; tables draw their own borders.

const (
	fontFamily = "noto"
	ptMM       = 25.4 / 72 // one point in millimetres

	marginMM = 20.0 // left, right and bottom margins
	topMM    = 22.0 // where the body starts, under the page header

	titleSize = 18.0 // 小二
	bodySize  = 12.0 // 小四
	cellSize  = 11.0 // table text
	smallSize = 9.0  // page header and footer

	cellPadX = 1.8 // horizontal padding inside table cells
	cellPadY = 1.6 // vertical padding inside table cells
)

// pageAlias stands for the page count until the document is closed. It is made of private-use characters,
// which clean never lets through from the clerk's text, so only the footer contains it; fpdf substitutes it in
// the UTF-16 text of the pages, which works with our UTF-8 font (every form test reads 「第 i 页 共 n 页」 back
// with pdftotext). A document printed in parts (meeting materials) numbers each part on its own, with its own
// alias (partAlias).
//
// fpdf looks for an alias's bytes anywhere in a page, not only at character boundaries. The alias was once
// U+E000 alone: its bytes E0 00 are also the end of 章 (7A E0) and the start of 「)」 (00 29), so 「(盖章)」
// printed as 「(盖稀ㄩ」. Two characters from U+E0E0 on cannot be found across two others: the bytes E0 E0 E0 xx
// (or, as UTF-8, EE 83 A0 EE …) would need a private-use character in the text.
const pageAlias = "\uE0E0\uE0E0"

// partAlias is the alias of part n (from 1) of a document printed in parts.
func partAlias(n int) string { return "\uE0E0" + string(rune(0xE100+n)) }

// isAlias reports whether r may be part of a page count alias: any private-use character, which clean keeps
// out of text (the font has none).
func isAlias(r rune) bool { return r >= 0xE000 && r <= 0xF8FF }

// lineHeight is the distance between baselines for text of size pt: 1.45 times the size, airy enough for
// Chinese.
func lineHeight(pt float64) float64 { return pt * ptMM * 1.45 }

// document is one PDF being written: fpdf and the page geometry, with the writers the forms are built from.
// Page breaks are ours (fpdf's automatic break is off), so a table row is never split and its header is
// repeated.
type document struct {
	pdf           *fpdf.Fpdf
	paper         string  // "A4"; "A3" for a poster (newPaperDocument)
	scale         float64 // an A3 poster is laid out as A4 and enlarged by this factor (√2); 0 for none
	scaled        bool    // the page's scale is in force (begun by pageHeader)
	office        string  // the page header, left
	name          string  // the page header, right: what the document is
	left, right   float64
	top, bottom   float64 // the body runs from top to bottom
	width         float64 // right - left
	onPageBreak   func()  // redraws a table header after a page break inside a table
	pageStartedAt float64 // y where the body of the current page starts
	orientation   string  // of the current page: "P" or "L"; a page break keeps it
	images        int     // images registered so far (drawImage names them by number)
	bold          bool    // text is drawn bold (the regular outline filled and stroked: see text)

	// A document in parts (startPart): the part's alias for its page count and its first page; partAlias ""
	// numbers the pages of the whole document.
	parts     int
	partAlias string
	partFirst int

	fpdf  *fpdfPages // fpdf's pages, for the fast save (pdfstreams.go); nil when this fpdf's are out of reach
	cells *fpdfCells // fpdf's state, for the fast text and boxes (pdfcell.go); nil likewise
}

// newDocument starts an A4 document (landscape when asked) with its first page.
func newDocument(office, name string, landscape bool) *document {
	return newPaperDocument(office, name, "A4", landscape)
}

// newPaperDocument starts a document on paper ("A4" or "A3") with its first page. An A3 document is an A4
// document enlarged to the sheet, type and all, as a poster for the wall should be: the layout code stays the
// same and every page is drawn under a √2 scale.
func newPaperDocument(office, name, paper string, landscape bool) *document {
	orientation := "P"
	if landscape {
		orientation = "L"
	}
	pdf := takeFpdf(orientation, paper)
	pdf.SetCompression(false) // the pages are compressed at save (pdfstreams.go), the same bytes for less work
	pdf.SetMargins(marginMM, topMM, marginMM)
	pdf.SetAutoPageBreak(false, marginMM)
	pdf.SetCellMargin(0)
	pdf.AliasNbPages(pageAlias)
	pdf.SetTitle(name, true)
	pdf.SetAuthor(office, true)
	pdf.SetCreator("人大工作台 rendadesk", true)
	pdf.SetLineWidth(0.25)
	pdf.SetDrawColor(0, 0, 0)
	w, h := pdf.GetPageSize()
	scale := 0.0
	if paper == "A3" {
		scale = math.Sqrt2
		w, h = w/scale, h/scale
	}
	d := &document{pdf: pdf, paper: paper, scale: scale, office: clean(office), name: clean(name), left: marginMM, right: w - marginMM,
		top: topMM, bottom: h - marginMM, width: w - 2*marginMM, orientation: orientation}
	d.fpdf = fpdfPagesOf(pdf)
	d.cells = fpdfCellsOf(pdf)
	pdf.SetHeaderFunc(func() {
		d.fpdf.sizePage()
		d.pageHeader()
	})
	pdf.SetFooterFunc(d.pageFooter)
	d.addPage()
	return d
}

// newFpdf is fpdf's document with the printing font added: the font's tables read and its metrics hashed
// (fpdf's font id), about 0.1 s.
func newFpdf(orientation, paper string) *fpdf.Fpdf {
	pdf := fpdf.New(orientation, "mm", paper, "")
	pdf.AddUTF8FontFromBytes(fontFamily, "", assets.FontRegular())
	return pdf
}

// prepared is an A4 portrait newFpdf begun ahead by PreparePDF, or nil.
var prepared struct {
	sync.Mutex
	pdf chan *fpdf.Fpdf
}

// PreparePDF begins, on its own goroutine, the fpdf document an A4 portrait PDF (the yearly report's tables)
// will be drawn on, so that the embedded font is unpacked and parsed while the caller loads the data. The next
// A4 portrait document takes it, waiting for it if it is not ready; the others begin their own.
func PreparePDF() {
	ch := make(chan *fpdf.Fpdf, 1)
	go func() { ch <- newFpdf("P", "A4") }()
	prepared.Lock()
	prepared.pdf = ch
	prepared.Unlock()
}

// takeFpdf is the prepared document when it fits, otherwise a new one.
func takeFpdf(orientation, paper string) *fpdf.Fpdf {
	if orientation == "P" && paper == "A4" {
		prepared.Lock()
		ch := prepared.pdf
		prepared.pdf = nil
		prepared.Unlock()
		if ch != nil {
			return <-ch
		}
	}
	return newFpdf(orientation, paper)
}

func (d *document) pageHeader() {
	p := d.pdf
	d.beginScale()
	p.SetFont(fontFamily, "", smallSize)
	p.SetTextColor(90, 90, 90)
	y := 11.0
	d.cell(d.left, y, d.width/2, 5, d.office, "L")
	d.cell(d.left+d.width/2, y, d.width/2, 5, d.name, "R")
	p.SetDrawColor(150, 150, 150)
	p.SetLineWidth(0.2)
	p.Line(d.left, y+6, d.right, y+6)
	p.SetDrawColor(0, 0, 0)
	p.SetTextColor(0, 0, 0)
}

// beginScale puts the A3 enlargement in force for what is drawn next; endScale ends it. fpdf refuses to close a
// document with a transformation open, and it draws the last page's footer after that check, so the body's
// scale is ended before saving and the footer scales itself.
func (d *document) beginScale() {
	if d.scale != 0 && !d.scaled {
		d.pdf.TransformBegin()
		d.pdf.TransformScale(d.scale*100, d.scale*100, 0, 0)
		d.scaled = true
	}
}

func (d *document) endScale() {
	if d.scaled {
		d.pdf.TransformEnd()
		d.scaled = false
	}
}

func (d *document) pageFooter() {
	p := d.pdf
	d.beginScale()
	defer d.endScale()
	p.SetFont(fontFamily, "", smallSize)
	p.SetTextColor(60, 60, 60)
	// Centre the text as it will read once the alias becomes the page count (assumed 2 digits wide).
	page, alias := p.PageNo(), pageAlias
	if d.partAlias != "" {
		page, alias = p.PageNo()-d.partFirst+1, d.partAlias
	}
	text := fmt.Sprintf("第 %d 页 共 %s 页", page, alias)
	w := p.GetStringWidth(text) - p.GetStringWidth(alias) + p.GetStringWidth("00")
	// The page's own size, not the document's geometry: a report switching between portrait and landscape sets
	// the next page's geometry before fpdf draws this page's footer.
	pw, ph := p.GetPageSize()
	if d.scale != 0 {
		pw, ph = pw/d.scale, ph/d.scale
	}
	d.cell(marginMM+(pw-2*marginMM-w)/2, ph-13, w+10, 5, text, "L")
	p.SetTextColor(0, 0, 0)
}

// addPage starts a new page; the header and footer are drawn by fpdf's callbacks.
func (d *document) addPage() {
	d.pdf.AddPageFormat(d.orientation, d.pdf.GetPageSizeStr(d.paper))
	d.pdf.SetXY(d.left, d.top)
	d.pageStartedAt = d.top
}

// startPart begins a part of the document named name (the page header says it) on a new page unless the
// document has only its empty first page: each part is numbered on its own, 「第 1 页 共 1 页」 for a one-page
// agenda rather than 1 of 5 across the parts.
func (d *document) startPart(name string) {
	d.name = clean(name) // the header of the page about to start
	if d.parts > 0 {
		d.endPart()
		d.addPage() // the footer of the last page is drawn with the part it belongs to
	}
	d.parts++
	d.partAlias = partAlias(d.parts)
	d.partFirst = d.pdf.PageNo()
}

// endPart fixes the page count of the current part, once its last page is started.
func (d *document) endPart() {
	if d.partAlias != "" {
		d.pdf.RegisterAlias(d.partAlias, strconv.Itoa(d.pdf.PageNo()-d.partFirst+1))
	}
}

// breakPage starts a new page and lets a table in progress redraw its header.
func (d *document) breakPage() {
	d.addPage()
	if d.onPageBreak != nil {
		d.onPageBreak()
	}
	d.pageStartedAt = d.y()
}

func (d *document) y() float64         { return d.pdf.GetY() }
func (d *document) room() float64      { return d.bottom - d.y() }
func (d *document) freshPage() bool    { return d.y() <= d.pageStartedAt+0.01 }
func (d *document) moveDown(h float64) { d.pdf.SetXY(d.left, d.y()+h) }

// ensure starts a new page unless h millimetres are left on this one.
func (d *document) ensure(h float64) {
	if d.room() < h && !d.freshPage() {
		d.breakPage()
	}
}

// font sets the text size and weight for what is drawn next.
func (d *document) font(bold bool, size float64) {
	d.bold = bold
	if d.pdf.GetFontFamily() == fontFamily && fontSizePt(d.pdf) == size {
		return // fpdf writes a font change into the page even when nothing changes
	}
	d.pdf.SetFont(fontFamily, "", size)
}

// boldStroke is the outline stroked around bold text, as a fraction of the type size: it widens each stem by
// about the difference between Noto Sans CJK's regular and bold weights. The binary carries no bold TrueType
// font (5.7 MB: see assets), and office printers render stroked text as well as a bold face.
const boldStroke = 0.035

// glyphWidths are the printing font's advance widths as fpdf measures them (its Cw table, in thousandths of
// the type size; fpdf's GetStringSymbolWidth), read once, so that text can be measured off the drawing
// goroutine (fpdf's measuring reads the document's current font and size). beyond is the width fpdf gives a
// character past its table (after clean there is none).
var glyphWidths struct {
	once   sync.Once
	w      []int
	beyond int
}

// measureAt is the width of a string at size pt in the printing font, in mm: fpdf's GetStringWidth at that size,
// to the last bit (TestMeasureAtAsFpdf), but safe on any goroutine.
func (d *document) measureAt(size float64) func(string) float64 {
	glyphWidths.once.Do(func() {
		p := d.pdf
		if p.GetFontFamily() != fontFamily { // every document has drawn its page header by now: never so
			bold := d.bold
			d.font(false, bodySize)
			d.bold = bold
		}
		w := make([]int, 0x10000)
		for r := range w {
			w[r] = p.GetStringSymbolWidth(string(rune(r)))
		}
		glyphWidths.w, glyphWidths.beyond = w, p.GetStringSymbolWidth("\U00010001") // fpdf indexes past its table at U+10000 itself
	})
	unit := size / d.pdf.GetConversionRatio() // the size in mm, as fpdf's SetFontSize works it out
	return func(s string) float64 {
		w := 0
		for _, r := range s {
			if int(r) < len(glyphWidths.w) {
				w += glyphWidths.w[r]
			} else {
				w += glyphWidths.beyond
			}
		}
		return float64(w) * unit / 1000
	}
}

// wrap cleans text and wraps it to width in the current font.
func (d *document) wrap(text string, width float64) []string {
	return wrapText(d.pdf.GetStringWidth, clean(text), width)
}

// text draws one line at (x, y) in a box w wide and h high, aligned L, C or R.
// Every string goes through clean here, whoever calls: fpdf panics on characters outside the font's BMP
// table (a rare name character such as 𠮷), and one missed call site once crashed the ballots.
func (d *document) text(x, y, w, h float64, s, align string) {
	s = clean(s)
	if !d.bold {
		d.cell(x, y, w, h, s, align)
		return
	}
	p := d.pdf
	lw := p.GetLineWidth()
	dr, dg, db := p.GetDrawColor()
	p.SetDrawColor(p.GetTextColor())
	p.SetLineWidth(fontSizePt(p) * boldStroke * 25.4 / 72)
	d.renderingMode(2) // fill, then stroke
	d.cell(x, y, w, h, s, align)
	d.renderingMode(0)
	p.SetLineWidth(lw)
	p.SetDrawColor(dr, dg, db)
}

// cell draws the clean line s at (x, y) in a box w wide and h high: fpdf's SetXY and CellFormat, written the
// fast way when it can be (pdfcell.go), the same operators either way.
func (d *document) cell(x, y, w, h float64, s, align string) {
	if !d.cells.text(x, y, w, h, s, align) {
		d.pdf.SetXY(x, y)
		d.pdf.CellFormat(w, h, s, "", 0, align, false, 0, "")
	}
}

// renderingMode sets how text is drawn (0 filled, 2 filled and stroked): fpdf's SetTextRenderingMode, written
// the fast way when it can be.
func (d *document) renderingMode(mode int) {
	if !d.cells.op(renderingModes[mode]) {
		d.pdf.SetTextRenderingMode(mode)
	}
}

// renderingModes are the operators of the text rendering modes we use.
var renderingModes = map[int]string{0: "0 Tr", 2: "2 Tr"}

// box draws the border of a table cell, filled with the fill colour first when fill is set: fpdf's Rect,
// written the fast way when it can be.
func (d *document) box(x, y, w, h float64, fill bool) {
	op, style := "S", "D"
	if fill {
		op, style = "B", "FD"
	}
	if !d.cells.rect(x, y, w, h, op) {
		d.pdf.Rect(x, y, w, h, style)
	}
}

// title writes the centred bold title (18 pt), wrapped when long, with room after it.
func (d *document) title(s string) {
	d.font(true, titleSize)
	lh := lineHeight(titleSize) * 1.05
	lines := d.wrap(s, d.width-10)
	d.ensure(float64(len(lines))*lh + 40) // never a title alone at the foot of a page
	d.moveDown(2)
	for _, l := range lines {
		d.text(d.left, d.y(), d.width, lh, l, "C")
		d.moveDown(lh)
	}
	d.moveDown(6)
}

// subtitle writes a centred line under the title (the year, a date).
func (d *document) subtitle(s string) {
	d.font(false, bodySize)
	lh := lineHeight(bodySize)
	d.moveDown(-3)
	for _, l := range d.wrap(s, d.width) {
		d.text(d.left, d.y(), d.width, lh, l, "C")
		d.moveDown(lh)
	}
	d.moveDown(4)
}

// heading writes a bold section heading, kept with at least a few lines of what follows.
func (d *document) heading(s string) {
	d.font(true, 13)
	lh := lineHeight(13)
	lines := d.wrap(s, d.width)
	d.ensure(float64(len(lines))*lh + 30)
	d.moveDown(5)
	for _, l := range lines {
		d.text(d.left, d.y(), d.width, lh, l, "L")
		d.moveDown(lh)
	}
	d.moveDown(2)
}

// paraStyle is how a paragraph is set.
type paraStyle struct {
	size   float64 // 0: bodySize
	bold   bool
	indent bool   // indent the first line by two characters, as Chinese prose is
	align  string // L (default), C or R
	after  float64
}

// paragraph writes wrapped text, breaking pages between lines.
func (d *document) paragraph(s string, st paraStyle) {
	if st.size == 0 {
		st.size = bodySize
	}
	if st.align == "" {
		st.align = "L"
	}
	if st.indent {
		s = "\u3000\u3000" + s
	}
	d.font(st.bold, st.size)
	lh := lineHeight(st.size) * 1.15 // prose is set looser than table cells
	for _, l := range d.wrap(s, d.width) {
		if d.room() < lh {
			d.breakPage()
			d.font(st.bold, st.size)
		}
		d.text(d.left, d.y(), d.width, lh, l, st.align)
		d.moveDown(lh)
	}
	d.moveDown(st.after)
}

// signature writes the sender and the date at the bottom right, each line centred on the other, as a
// Chinese office signs a letter.
func (d *document) signature(lines ...string) {
	d.font(false, bodySize)
	lh := lineHeight(bodySize) * 1.2
	d.ensure(float64(len(lines))*lh + 6)
	d.moveDown(6)
	w := 0.0
	for _, l := range lines {
		w = max(w, d.pdf.GetStringWidth(clean(l)))
	}
	w = min(w+4, d.width)
	x := d.right - w - 8
	for _, l := range lines {
		for _, part := range d.wrap(l, w) {
			d.text(x, d.y(), w, lh, part, "C")
			d.moveDown(lh)
		}
	}
}

// cell is one box of a table row.
type cell struct {
	w      float64
	text   string
	align  string // L, C or R
	bold   bool
	shade  bool // a label or header: light grey background
	repeat bool // when the row is split over pages, print the text again on the next page
	min    int  // the least number of lines the cell is high: room for a long text on a form
	middle bool // a cell with min, centred vertically (a row made taller beside a photo) rather than set from the top
	lines  []string
}

// row draws cells side by side with one height that fits the tallest. A row that does not fit on the
// rest of the page goes to the next page whole; when split is set, or when the row would not fit even on
// an empty page, it is split between lines instead, each part with its borders.
func (d *document) row(cells []cell, size float64, split bool) {
	lh := lineHeight(size)
	n := 0
	for i := range cells {
		if cells[i].lines == nil { // not wrapped ahead (a report table's rows and header: drawTable)
			d.font(cells[i].bold, size)
			cells[i].lines = d.wrap(cells[i].text, cells[i].w-2*cellPadX)
		}
		n = max(n, len(cells[i].lines))
	}
	height := func(lines int) float64 { return 2*cellPadY + float64(lines)*lh }
	for _, c := range cells { // grow to the minimum, as far as the page allows
		if c.min > n {
			n = max(n, min(c.min, int(math.Floor((d.room()-2*cellPadY)/lh))))
		}
	}
	from := 0 // lines already drawn
	for from < n {
		left := n - from
		if height(left) <= d.room() {
			d.drawRowPart(cells, size, from, n, height(left))
			return
		}
		fit := int(math.Floor((d.room() - 2*cellPadY) / lh))
		minPart := 3
		if d.freshPage() {
			minPart = 1 // it does not fit on a whole page: split it however little fits
			fit = max(fit, 1)
		}
		if (split || d.freshPage()) && fit >= minPart {
			d.drawRowPart(cells, size, from, from+fit, height(fit))
			from += fit
		}
		d.breakPage()
	}
}

// drawRowPart draws lines [from, to) of each cell in boxes h high. A cell shorter than the row is centred
// vertically in the first part; in later parts it is empty unless it repeats.
func (d *document) drawRowPart(cells []cell, size float64, from, to int, h float64) {
	lh := lineHeight(size)
	p := d.pdf
	x, y := d.left, d.y()
	for _, c := range cells {
		if c.shade {
			p.SetFillColor(238, 238, 238)
		}
		d.box(x, y, c.w, h, c.shade)
		var lines []string
		continued := false // the rest of a long cell, set from the top
		switch {
		case len(c.lines) > from:
			lines = c.lines[from:min(to, len(c.lines))]
			continued = from > 0
		case c.repeat:
			lines = c.lines[:min(len(c.lines), to-from)]
		}
		top := y + cellPadY
		if !continued && (c.min == 0 || c.middle) && len(lines) < to-from { // centre a short cell
			top = y + (h-float64(len(lines))*lh)/2
		}
		d.font(c.bold, size)
		for i, l := range lines {
			d.text(x+cellPadX, top+float64(i)*lh, c.w-2*cellPadX, lh, l, c.align)
		}
		x += c.w
	}
	p.SetXY(d.left, y+h)
}

// fieldLabelW is the width of the label cells of a form.
const fieldLabelW = 30.0

// field is a label and its value in a form box.
type field struct{ label, value string }

// fields draws the boxes of a form: each row holds one field across the page or two side by side, a
// shaded label cell and a value cell that grows to fit its wrapped text. A long value continues on the
// next page with its label repeated.
func (d *document) fields(rows ...[]field) {
	labelW := fieldLabelW
	for _, r := range rows {
		var cells []cell
		valueW := (d.width - labelW*float64(len(r))) / float64(len(r))
		for _, f := range r {
			cells = append(cells,
				cell{w: labelW, text: f.label, align: "C", bold: true, shade: true, repeat: true},
				cell{w: valueW, text: f.value, align: "L"})
		}
		d.row(cells, cellSize, len(r) == 1)
	}
}

// boxHeight estimates the height of rows single-line form rows and the first maxLines lines of a text box
// holding text, so a group of boxes can be kept together on a page (a longer text box may then continue on
// the next).
func (d *document) boxHeight(rows int, text string, maxLines int) float64 {
	d.font(false, cellSize)
	lines := min(maxLines, len(d.wrap(text, d.width-fieldLabelW-2*cellPadX)))
	lh := lineHeight(cellSize)
	return float64(rows)*(lh+2*cellPadY) + float64(lines)*lh + 2*cellPadY
}

// textBox draws a form box for a long text (建议内容, 答复内容) across the page: at least minLines high, so
// the form keeps its shape, but never so high that the minimum alone pushes it to the next page.
func (d *document) textBox(label, value string, minLines int) {
	d.row([]cell{{w: fieldLabelW, text: label, align: "C", bold: true, shade: true, repeat: true},
		{w: d.width - fieldLabelW, text: value, align: "L", min: minLines}}, cellSize, true)
}

// column is one column of a data table: its header, its share of the page width and its alignment. A
// column of weight 0 is as wide as its widest entry (dates, numbers, names), up to maxFitWidth; the
// columns with a weight share what is left.
type column struct {
	title  string
	weight float64
	align  string
}

const maxFitWidth = 45.0

// columnWidths sizes the columns of a table to the page width.
func (d *document) columnWidths(cols []column, rows [][]string) []float64 {
	widths := make([]float64, len(cols))
	fixed, weights := 0.0, 0.0
	for i, c := range cols {
		if c.weight > 0 {
			weights += c.weight
			continue
		}
		d.font(true, cellSize)
		w := d.pdf.GetStringWidth(clean(c.title))
		d.font(false, cellSize)
		for _, r := range rows {
			if i < len(r) {
				w = max(w, d.pdf.GetStringWidth(clean(r[i])))
			}
		}
		widths[i] = min(w+2*cellPadX+0.6, maxFitWidth)
		fixed += widths[i]
	}
	flexible := d.width - fixed
	// The fitted columns give way when they leave the others less than 30% of the page; without other
	// columns they share the whole width.
	if minFlexible := d.width * 0.3; weights == 0 || flexible < minFlexible {
		if weights == 0 {
			minFlexible = 0
		}
		scale := (d.width - minFlexible) / fixed
		for i, c := range cols {
			if c.weight == 0 {
				widths[i] *= scale
			}
		}
		flexible = minFlexible
	}
	for i, c := range cols {
		if c.weight > 0 {
			widths[i] = flexible * c.weight / weights
		}
	}
	return widths
}

// table draws a data table with a shaded header row that is repeated at the top of every page; a row is
// never split between pages (unless it is taller than a page).
func (d *document) table(cols []column, rows [][]string) {
	widths := d.columnWidths(cols, rows)
	header := func() {
		cells := make([]cell, len(cols))
		for i, c := range cols {
			cells[i] = cell{w: widths[i], text: c.title, align: "C", bold: true, shade: true}
		}
		d.row(cells, cellSize, false)
	}
	d.ensure(2 * (lineHeight(cellSize) + 2*cellPadY)) // the header and at least one row together
	header()
	d.onPageBreak = header
	defer func() { d.onPageBreak = nil }()
	for _, r := range rows {
		cells := make([]cell, len(cols))
		for i, c := range cols {
			v := ""
			if i < len(r) {
				v = r[i]
			}
			cells[i] = cell{w: widths[i], text: v, align: c.align}
		}
		d.row(cells, cellSize, false)
	}
}

// ruledLines draws n empty lines to write on by hand, gap millimetres apart.
func (d *document) ruledLines(x float64, n int, gap float64) {
	p := d.pdf
	p.SetDrawColor(120, 120, 120)
	p.SetLineWidth(0.2)
	for i := 0; i < n; i++ {
		d.ensure(gap)
		d.moveDown(gap)
		p.Line(x, d.y(), d.right, d.y())
	}
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.25)
}

// save writes the PDF beside path and renames it into place, so a failure never leaves half a file.
func (d *document) save(path string) error {
	d.endPart()
	d.endScale()
	pages, fast := finishPages(d.pdf, d.fpdf, d.pageFooter)
	if err := d.pdf.Error(); err != nil {
		return fmt.Errorf("生成 %s 失败: %v", filepath.Base(path), err)
	}
	return writeAtomically(path, func(w io.Writer) error {
		if fast {
			return d.pdf.Output(&pdfMarker{w: w, pages: pages})
		}
		return d.pdf.Output(&pdfCompressor{w: w})
	})
}

// missingGlyph stands in for a character the bundled font cannot draw (a rare name character outside the
// Basic Multilingual Plane, an emoji): the 缺字 box printers have always used.
const missingGlyph = '□'

var (
	coverageOnce sync.Once
	coverage     []bool // coverage[r]: the bundled font has a glyph for rune r (BMP only)
)

// covered reports whether the bundled font can draw r.
func covered(r rune) bool {
	coverageOnce.Do(func() {
		coverage = make([]bool, 0x10000)
		f, err := sfnt.Parse(assets.FontRegular())
		if err != nil {
			for r := range coverage { // cannot happen with the embedded font; be safe, not blank
				coverage[r] = r < 0x80
			}
			return
		}
		var buf sfnt.Buffer
		for r := range coverage {
			if gi, err := f.GlyphIndex(&buf, rune(r)); err == nil && gi != 0 {
				coverage[r] = true
			}
		}
	})
	return r >= 0 && r < 0x10000 && coverage[r]
}

// clean makes the clerk's text safe for fpdf: line ends become "\n", tabs spaces, other control characters
// go, and characters the font lacks (fpdf would panic on those beyond U+FFFF) become □.
func clean(s string) string {
	if isClean(s) {
		return s
	}
	s = strings.ToValidUTF8(s, string(missingGlyph))
	s = lineEnds.Replace(s)
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == ' ':
			return r
		case unicode.IsControl(r) || r == '\u200b' || r == '\ufeff':
			return -1
		case unicode.IsSpace(r):
			if covered(r) {
				return r
			}
			return ' '
		case !covered(r) || isAlias(r):
			return missingGlyph
		}
		return r
	}, s)
}

var lineEnds = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\t", " ")

// isClean reports whether clean would leave s as it is: the common case of printable ASCII and characters
// the font has, checked without allocating (a yearly report cleans hundreds of thousands of cells).
func isClean(s string) bool {
	for _, r := range s {
		switch {
		case r >= 0x20 && r < 0x7f, r == '\n':
		case r == utf8.RuneError, r < 0x20, r == 0x7f, r == '\u200b', r == '\ufeff', unicode.IsSpace(r), unicode.IsControl(r):
			return false
		case !covered(r) || isAlias(r):
			return false
		}
	}
	return true
}

// itoa is strconv.Itoa, short for the forms.
func itoa(n int) string { return strconv.Itoa(n) }

func fontSizePt(p *fpdf.Fpdf) float64 {
	pt, _ := p.GetFontSize()
	return pt
}
