package export

import (
	"bytes"
	"math"
	"reflect"
	"strconv"
	"sync"
	"unicode/utf8"
	"unsafe"

	"codeberg.org/go-pdf/fpdf"
)

// Every line of text in our documents is one fpdf CellFormat call, and every table cell a Rect: the stress
// year's report (2 539 pages) draws hundreds of thousands of each. CellFormat formats its operators with
// fmt.Sprintf (several calls per cell, each boxing its floats), converts the text to UTF-16 and escapes it in
// three more strings, then copies the result once more into the page: about 0.6 s of the export's drawing,
// which runs on one goroutine beside the workbook, and Rect 0.2 s more. fpdfCells writes the same bytes
// straight into the page's buffer, the numbers by appendFixed2 (the bytes of %.2f), and keeps fpdf's state as
// CellFormat leaves it: the position, the last cell's height, and the runes the font subset must hold.
//
// It is reached as fpdfPagesOf reaches the pages (pdfstreams.go): fpdf's unexported fields, each checked by
// name and type. A document whose fpdf does not keep them all as v0.12.0 does draws with CellFormat, the
// same pages, and TestFastCellsTaken fails so that the upgrade is noticed. A cell the fast way does not
// cover (a link, a border, word spacing, underline, a character past the font's width table…) is drawn by
// CellFormat too.

// fpdfCells is what the fast text needs of one fpdf document.
type fpdfCells struct {
	err              *error
	fontName         *string      // currentFont.Name: "" before a font is set
	widths           *[]int       // currentFont.Cw: advance widths, in thousandths of the size
	missingWidth     *int         // currentFont.Desc.MissingWidth: the width of a character without one
	usedRunes        *map[int]int // currentFont.usedRunes: the runes the font subset keeps
	utf8, rtl        *bool        // isCurrentUTF8, isRTL
	underline        *bool        // underline
	strikeout        *bool        // strikeout
	inHeader         *bool        // inHeader
	inFooter         *bool        // inFooter
	colorFlag        *bool        // colorFlag: text and fill colours differ (text drawn inside q … Q)
	textColor        *string      // color.text.str: the text colour's operator
	page, state      *int         // the page drawn on; 2 while a page is open
	pages            *[]*bytes.Buffer
	k, pageH         *float64 // points per mm; the page's height in mm
	x, y             *float64
	lasth            *float64
	fontSize         *float64 // in mm
	cMargin, ws      *float64
	pageBreakTrigger *float64

	buf  []byte // the operators of one cell, reused
	txt  []byte // its text in UTF-16, escaped, reused
	seen struct {
		runes unsafe.Pointer // the usedRunes map the set below belongs to
		set   []uint64       // runes already put in usedRunes, a bit each
	}

	fast, slow int // cells drawn each way (TestFastCellsTaken)
}

// fastCells is false in tests that draw with CellFormat to compare.
var fastCells = true

// cellFields are fpdfCells' fields: each one's path in fpdf.Fpdf and its type in v0.12.0.
var cellFields = []struct {
	path []string
	typ  reflect.Type
}{
	{[]string{"err"}, reflect.TypeFor[error]()},
	{[]string{"currentFont", "Name"}, reflect.TypeFor[string]()},
	{[]string{"currentFont", "Cw"}, reflect.TypeFor[[]int]()},
	{[]string{"currentFont", "usedRunes"}, reflect.TypeFor[map[int]int]()},
	{[]string{"isCurrentUTF8"}, reflect.TypeFor[bool]()},
	{[]string{"isRTL"}, reflect.TypeFor[bool]()},
	{[]string{"underline"}, reflect.TypeFor[bool]()},
	{[]string{"strikeout"}, reflect.TypeFor[bool]()},
	{[]string{"inHeader"}, reflect.TypeFor[bool]()},
	{[]string{"inFooter"}, reflect.TypeFor[bool]()},
	{[]string{"colorFlag"}, reflect.TypeFor[bool]()},
	{[]string{"color", "text", "str"}, reflect.TypeFor[string]()},
	{[]string{"page"}, reflect.TypeFor[int]()},
	{[]string{"state"}, reflect.TypeFor[int]()},
	{[]string{"pages"}, reflect.TypeFor[[]*bytes.Buffer]()},
	{[]string{"k"}, reflect.TypeFor[float64]()},
	{[]string{"h"}, reflect.TypeFor[float64]()},
	{[]string{"x"}, reflect.TypeFor[float64]()},
	{[]string{"y"}, reflect.TypeFor[float64]()},
	{[]string{"lasth"}, reflect.TypeFor[float64]()},
	{[]string{"fontSize"}, reflect.TypeFor[float64]()},
	{[]string{"cMargin"}, reflect.TypeFor[float64]()},
	{[]string{"ws"}, reflect.TypeFor[float64]()},
	{[]string{"pageBreakTrigger"}, reflect.TypeFor[float64]()},
	{[]string{"currentFont", "Desc", "MissingWidth"}, reflect.TypeFor[int]()},
}

// cellOffsets are where cellFields are in an fpdf.Fpdf, found once; ok is false when one is missing or of
// another type.
var cellOffsets = sync.OnceValues(func() ([]uintptr, bool) {
	t := reflect.TypeFor[fpdf.Fpdf]()
	offsets := make([]uintptr, len(cellFields))
	for i, f := range cellFields {
		off, typ, ok := fieldOffset(t, f.path...)
		if !ok || typ != f.typ {
			return nil, false
		}
		offsets[i] = off
	}
	return offsets, true
})

// fpdfCellsOf reaches what the fast text needs in pdf, or is nil when this fpdf does not keep it as v0.12.0
// does.
func fpdfCellsOf(pdf *fpdf.Fpdf) *fpdfCells {
	off, ok := cellOffsets()
	if !fastCells || !ok || pdf == nil {
		return nil
	}
	at := func(i int) unsafe.Pointer { return unsafe.Add(unsafe.Pointer(pdf), off[i]) }
	return &fpdfCells{
		err: (*error)(at(0)), fontName: (*string)(at(1)), widths: (*[]int)(at(2)), usedRunes: (*map[int]int)(at(3)),
		utf8: (*bool)(at(4)), rtl: (*bool)(at(5)), underline: (*bool)(at(6)), strikeout: (*bool)(at(7)),
		inHeader: (*bool)(at(8)), inFooter: (*bool)(at(9)), colorFlag: (*bool)(at(10)), textColor: (*string)(at(11)),
		page: (*int)(at(12)), state: (*int)(at(13)), pages: (*[]*bytes.Buffer)(at(14)),
		k: (*float64)(at(15)), pageH: (*float64)(at(16)), x: (*float64)(at(17)), y: (*float64)(at(18)),
		lasth: (*float64)(at(19)), fontSize: (*float64)(at(20)), cMargin: (*float64)(at(21)), ws: (*float64)(at(22)),
		pageBreakTrigger: (*float64)(at(23)), missingWidth: (*int)(at(24)),
	}
}

// pageBuffer is the open page's contents, or nil when fpdf would not write to a page (no page open).
func (c *fpdfCells) pageBuffer() *bytes.Buffer {
	if *c.state != 2 || *c.page < 1 || *c.page >= len(*c.pages) || *c.err != nil {
		return nil
	}
	return (*c.pages)[*c.page]
}

// text draws s at (x, y) in a box w wide and h high, aligned L, C or R ("" is L), as fpdf's SetXY(x, y)
// and then CellFormat(w, h, s, "", 0, align, false, 0, "") would: the same operators in the page and the
// same state after. It reports false, having done nothing, for a cell it does not draw as CellFormat would;
// the caller then draws it with CellFormat.
func (c *fpdfCells) text(x, y, w, h float64, s, align string) bool {
	if c == nil {
		return false
	}
	page := c.pageBuffer()
	if page == nil || *c.fontName == "" || !*c.utf8 || *c.rtl || *c.ws != 0 || *c.underline || *c.strikeout ||
		(align != "L" && align != "C" && align != "R" && align != "") || x < 0 || y < 0 || w <= 0 {
		c.slow++
		return false
	}
	// CellFormat breaks the page here when fpdf's automatic break accepts it (ours is off): leave that to it.
	if y+h > *c.pageBreakTrigger && !*c.inHeader && !*c.inFooter {
		c.slow++
		return false
	}
	k := *c.k
	if s == "" {
		*c.x, *c.y = x, y
		*c.lasth = h
		*c.x += w
		c.fast++
		return true
	}
	// The text in UTF-16 (fpdf's utf8toutf16 for the BMP), escaped as fpdf's escape does it (backslash,
	// parentheses and CR, byte by byte), and its width as GetStringSymbolWidth sums it.
	cw, missing := *c.widths, *c.missingWidth
	if missing == 0 {
		missing = 500
	}
	txt, width := c.txt[:0], 0
	for _, r := range s {
		if r == utf8.RuneError || r > 0xFFFF || int(r) >= len(cw) {
			c.slow++ // an invalid or astral character, or one past the widths fpdf has: CellFormat's
			return false
		}
		switch {
		case cw[r] <= 0: // a character of no width of its own (the page count alias)
			width += missing
		case cw[r] != 65535:
			width += cw[r]
		}
		txt = appendEscaped(appendEscaped(txt, byte(r>>8)), byte(r))
	}
	c.txt = txt
	fontSize := *c.fontSize
	var dx, dy float64
	switch align {
	case "R":
		dx = w - *c.cMargin - float64(width)*fontSize/1000
	case "C":
		dx = (w - float64(width)*fontSize/1000) / 2
	default:
		dx = *c.cMargin
	}
	bt := (x + dx) * k
	td := (*c.pageH - (y + dy + .5*h + .3*fontSize)) * k
	if math.IsInf(bt, 0) || math.IsNaN(bt) || math.IsInf(td, 0) || math.IsNaN(td) {
		c.slow++ // fmt's %.2f writes +Inf as Inf, strconv as +Inf
		return false
	}
	b := c.buf[:0]
	if *c.colorFlag {
		b = append(append(append(b, "q "...), *c.textColor...), ' ')
	}
	b = append(b, "BT "...)
	b = appendFixed2(b, bt)
	b = append(b, ' ')
	b = appendFixed2(b, td)
	b = append(append(append(b, " Td ("...), txt...), ")Tj ET"...)
	if *c.colorFlag {
		b = append(b, " Q"...)
	}
	b = append(b, '\n')
	c.buf = b
	page.Write(b)
	c.useRunes(s)
	*c.x, *c.y = x+w, y
	*c.lasth = h
	c.fast++
	return true
}

// appendEscaped appends the byte b of a UTF-16 string as fpdf's escape leaves it.
func appendEscaped(dst []byte, b byte) []byte {
	switch b {
	case '\\', '(', ')':
		return append(dst, '\\', b)
	case '\r':
		return append(dst, '\\', 'r')
	}
	return append(dst, b)
}

// useRunes puts the runes of s in the font's used runes, as CellFormat does, so the subset embedded has
// their glyphs; a rune already put there by this fpdfCells is not put again (a map write each, otherwise).
func (c *fpdfCells) useRunes(s string) {
	m := *c.usedRunes
	if p := reflect.ValueOf(m).UnsafePointer(); p != c.seen.runes { // another font: its own runes
		c.seen.runes = p
		c.seen.set = make([]uint64, 0x10000/64)
	}
	set := c.seen.set
	for _, r := range s { // every r is of the BMP: text checked it
		if set[r>>6]&(1<<(r&63)) == 0 {
			set[r>>6] |= 1 << (r & 63)
			m[int(r)] = int(r)
		}
	}
}

// op writes the operator s on its own line, as fpdf's out does for a setting with no state of its own (the
// text rendering mode). It reports false, having done nothing, for "" or when no page is open.
func (c *fpdfCells) op(s string) bool {
	if c == nil || s == "" {
		return false
	}
	page := c.pageBuffer()
	if page == nil {
		return false
	}
	page.WriteString(s)
	page.WriteByte('\n')
	return true
}

// rect draws a rectangle's outline (op "S") or fills and outlines it ("B"), as fpdf's Rect with "D" or "FD"
// does: the same operator, "x y w -h re op", into the page. It reports false, having done nothing, when no
// page is open to draw on.
func (c *fpdfCells) rect(x, y, w, h float64, op string) bool {
	if c == nil {
		return false
	}
	page := c.pageBuffer()
	if page == nil || (op != "S" && op != "B") {
		return false
	}
	k := *c.k
	b := appendFixed2(c.buf[:0], x*k)
	b = append(b, ' ')
	b = appendFixed2(b, (*c.pageH-y)*k)
	b = append(b, ' ')
	b = appendFixed2(b, w*k)
	b = append(b, ' ')
	b = appendFixed2(b, -h*k)
	b = append(append(append(b, " re "...), op...), '\n')
	c.buf = b
	page.Write(b)
	return true
}

// appendFixed2 appends v with two decimals: strconv.AppendFloat(dst, v, 'f', 2, 64), which is fmt's %.2f and
// fpdf's, to the byte (TestAppendFixed2), in a fraction of its time. The hundredths n nearest to v are found
// in floating point and checked: math.FMA gives v×100 − n with a single rounding, so n is the nearest (what
// strconv's correctly rounded digits are) when that is clearly under ½; any other v (a tie or near one, a
// huge or non-finite value) is left to strconv.
func appendFixed2(dst []byte, v float64) []byte {
	if !(v > -1<<20 && v < 1<<20) {
		return strconv.AppendFloat(dst, v, 'f', 2, 64)
	}
	n := math.Round(v * 100)
	if r := math.FMA(v, 100, -n); !(r > -0.4999 && r < 0.4999) {
		return strconv.AppendFloat(dst, v, 'f', 2, 64)
	}
	if math.Signbit(v) { // strconv keeps the sign of a value that rounds to zero: -0.001 is "-0.00"
		dst = append(dst, '-')
		n = -n
	}
	u := uint64(n)
	dst = strconv.AppendUint(dst, u/100, 10)
	return append(dst, '.', byte('0'+u/10%10), byte('0'+u%10))
}
