package export

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"maps"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"rendadesk/store"
)

// cellCase is one line of text drawn in a state of the document: what fpdfCells must write as CellFormat
// does.
type cellCase struct {
	name  string
	setup func(d *document) // the state it is drawn in (colours, weight, size)
	x, y  float64
	w, h  float64
	text  string
	align string
	fast  bool // drawn the fast way (false: left to CellFormat)
	raw   bool // drawn as the page footer draws its text with the page count alias: not cleaned (cell, not text)
}

// Characters whose UTF-16 bytes fpdf escapes: 小 (5C 0F: a backslash), 不 (4E 0D: a carriage return), 丨
// (4E 28) and 穩 (7A 29) (parentheses); and ASCII parentheses and a backslash of their own.
const escapedText = `小不丨穩 (盖章) a\b`

var cellCases = []cellCase{
	{name: "Left", x: 20, y: 40, w: 60, h: 5.6, text: "代表建议办理情况", align: "L", fast: true},
	{name: "Centre", x: 80.5, y: 40, w: 33.3, h: 5.6, text: "2025-0001", align: "C", fast: true},
	{name: "Right", x: 113.8, y: 40, w: 20, h: 5.6, text: "98.5%", align: "R", fast: true},
	{name: "NoAlign", x: 20, y: 45, w: 40, h: 5.6, text: "王秀英", align: "", fast: true},
	{name: "Empty", x: 20, y: 50, w: 40, h: 5.6, text: "", align: "C", fast: true},
	{name: "Escaped", x: 20, y: 60, w: 120, h: 6.2, text: escapedText, align: "L", fast: true},
	{name: "EscapedCentre", x: 20, y: 66, w: 120, h: 6.2, text: escapedText, align: "C", fast: true},
	{name: "Rare", x: 20, y: 72, w: 170, h: 6.2, text: "堃淼犇龘喆瓛 𠮷 ① ㎡ — “引号” ½ é ñ ß Ω", align: "L", fast: true},
	{name: "Long", x: 20, y: 80, w: 170, h: 6.2, text: strings.Repeat("关于加快推进村道硬化和路灯安装的建议，", 12), align: "L", fast: true},
	{name: "Bold", setup: func(d *document) { d.font(true, 13) }, x: 20, y: 90, w: 170, h: 6.8, text: "合计", align: "C", fast: true},
	{name: "GreyText", setup: func(d *document) { d.pdf.SetTextColor(90, 90, 90) }, x: 20, y: 100, w: 80, h: 5, text: "青山镇人大主席团", align: "R", fast: true},
	{name: "ShadeSet", setup: func(d *document) { d.pdf.SetFillColor(238, 238, 238) }, x: 20, y: 110, w: 80, h: 5.6, text: "提出人", align: "C", fast: true},
	{name: "ColourText", setup: func(d *document) { d.pdf.SetTextColor(200, 30, 30) }, x: 20, y: 120, w: 80, h: 5.6, text: "已超期", align: "L", fast: true},
	{name: "SmallSize", setup: func(d *document) { d.font(false, 7.5) }, x: 20, y: 130, w: 20, h: 4, text: "社会保障和改善民生", align: "C", fast: true},
	{name: "FractionalPosition", x: 20.004999, y: 140.125, w: 30.333333, h: 5.55555, text: "1,234", align: "R", fast: true},
	{name: "AliasCentre", x: 20, y: 145, w: 60, h: 5, text: "第 3 页 共 " + pageAlias + " 页", align: "C", fast: true, raw: true},
	{name: "AliasRight", x: 20, y: 145, w: 60, h: 5, text: partAlias(2), align: "R", fast: true, raw: true},
	{name: "Underline", setup: func(d *document) { d.pdf.SetFont(fontFamily, "U", cellSize) }, x: 20, y: 150, w: 60, h: 5.6, text: "下划线", align: "L"},
	{name: "Justified", x: 20, y: 160, w: 60, h: 5.6, text: "两端 对齐", align: "J"},
	{name: "BelowBreak", x: 20, y: 272, w: 60, h: 6, text: "页脚以下", align: "L"},
}

// drawCase draws c on d from a fresh state (black text, the body size) and returns what it wrote to the
// page and fpdf's position and last cell height after it.
func drawCase(d *document, c cellCase) (ops string, x, y, lasth float64) {
	d.pdf.SetTextColor(0, 0, 0)
	d.pdf.SetFillColor(0, 0, 0)
	d.pdf.SetFont(fontFamily, "", bodySize)
	d.bold = false
	if c.setup != nil {
		c.setup(d)
	}
	page := (*d.fpdf.pages)[d.pdf.PageNo()]
	before := page.Len()
	if c.raw {
		d.cell(c.x, c.y, c.w, c.h, c.text, c.align)
	} else {
		d.text(c.x, c.y, c.w, c.h, c.text, c.align)
	}
	ops = page.String()[before:]
	st := fpdfState(d)
	return ops, d.pdf.GetX(), d.pdf.GetY(), *st.lasth
}

// fpdfState reaches d's fpdf's state whichever way d draws.
func fpdfState(d *document) *fpdfCells {
	was := fastCells
	fastCells = true
	defer func() { fastCells = was }()
	return fpdfCellsOf(d.pdf)
}

// cellDocuments makes two documents, one drawing the fast way and one with CellFormat.
func cellDocuments(t *testing.T) (fast, slow *document) {
	t.Helper()
	fast = fixedDates(newDocument("青山镇人大主席团", "测试", false))
	fastCells = false
	slow = fixedDates(newDocument("青山镇人大主席团", "测试", false))
	fastCells = true
	if fast.cells == nil || slow.cells != nil || fast.fpdf == nil || slow.fpdf == nil {
		t.Fatal("fpdf's fields were not found: TestFastCellsTaken tells more")
	}
	return fast, slow
}

// Each cell drawn the fast way writes CellFormat's operators, byte for byte, and leaves fpdf where CellFormat
// does; the cells the fast way does not cover are left to CellFormat.
func TestFastCellsAsCellFormat(t *testing.T) {
	fast, slow := cellDocuments(t)
	for _, c := range cellCases {
		t.Run(c.name, func(t *testing.T) {
			n := fast.cells.fast
			got, gx, gy, gh := drawCase(fast, c)
			want, wx, wy, wh := drawCase(slow, c)
			if got != want {
				t.Errorf("the fast way wrote\n%q\nCellFormat\n%q", got, want)
			}
			if gx != wx || gy != wy || gh != wh {
				t.Errorf("fpdf left at (%v, %v), last height %v; CellFormat at (%v, %v), %v", gx, gy, gh, wx, wy, wh)
			}
			if taken := fast.cells.fast > n; taken != c.fast {
				t.Errorf("drawn the fast way: %v, want %v", taken, c.fast)
			}
		})
	}
	t.Run("UsedRunes", func(t *testing.T) {
		got, want := *fpdfState(fast).usedRunes, *fpdfState(slow).usedRunes
		if !maps.Equal(got, want) || len(got) < 100 {
			t.Errorf("the font subset keeps %d runes drawn the fast way, %d with CellFormat", len(got), len(want))
		}
	})
	t.Run("Boxes", func(t *testing.T) {
		var pages [2]string
		for i, d := range []*document{fast, slow} {
			page := (*d.fpdf.pages)[d.pdf.PageNo()]
			before := page.Len()
			d.box(20, 30.333, 45.55, 7.125, false)
			d.pdf.SetFillColor(238, 238, 238)
			d.box(65.55, 30.333, 12.005, 7.125, true)
			d.box(0.004, 287.995, 210, 9.99, false)
			pages[i] = page.String()[before:]
		}
		if pages[0] != pages[1] || !strings.Contains(pages[0], " re B\n") {
			t.Errorf("the fast way drew\n%q\nRect\n%q", pages[0], pages[1])
		}
	})
}

// The fpdf in go.mod is drawn the fast way: every field fpdfCellsOf needs is where it looks for it, and a
// table's cells, bold text, and the pages' headers and footers are written by it, none left to CellFormat. When this fails after fpdf is upgraded, the
// documents are still the same (drawn by CellFormat, slower), and pdfcell.go is to be brought up to the new
// fpdf.
func TestFastCellsTaken(t *testing.T) {
	if _, ok := cellOffsets(); !ok {
		t.Fatal("fpdf's fields for the fast text were not found: every cell is drawn by CellFormat")
	}
	d := newDocument("青山镇人大主席团", "代表名册", false)
	if d.cells == nil {
		t.Fatal("the document draws with CellFormat")
	}
	rows := [][]string{{"李堃", "", "(0571)123"}}
	for range 100 {
		rows = append(rows, []string{"王秀英", "青山镇青山村党支部书记、村委会主任", "13812345678"})
	}
	d.table([]column{{title: "姓名"}, {title: "工作单位及职务", weight: 1}, {title: "电话", align: "C"}}, rows)
	d.font(true, bodySize)
	d.text(d.left, d.y(), d.width, 8, "合计 101 人", "C") // bold
	if d.pdf.PageNo() < 3 {
		t.Fatalf("the table is on %d pages, meant to be on several (headers, footers)", d.pdf.PageNo())
	}
	if d.cells.fast < 300 || d.cells.slow != 0 {
		t.Fatalf("%d cells drawn the fast way, %d by CellFormat", d.cells.fast, d.cells.slow)
	}
}

// reportDocument is a report table of many pages drawn as the yearly report draws it: a shaded bold header
// repeated on every page, text that wraps, rare and escaped characters, a bold 合计 row and a summary line
// across the table.
func reportDocument(t *testing.T) *document {
	d := fixedDates(newDocument("青山镇人大主席团", "2025年度工作统计", false))
	ledger := rtable{no: 4, name: "办理情况一览表", heading: "代表建议办理情况一览表", keyCols: 1,
		headers: []string{"编号", "提出人", "标题", "承办单位", "满意度(%)", "件数(件)"}}
	long := strings.Repeat("关于加快推进村道硬化(不含国道)和路灯安装的建议，", 3)
	for i := range 300 {
		ledger.rows = append(ledger.rows, trow{cells: []any{fmt.Sprintf("2025-%04d", i+1), "李堃" + string([]rune("小丨穩淼")[i%4]),
			long[:3*(10+i%40)], "镇城建办\\规划所", store.Rate{Num: i % 7, Den: 7}, i % 5}})
	}
	ledger.rows = append(ledger.rows, trow{cells: []any{"合计", nil, nil, nil, store.Rate{Num: 5, Den: 9}, 600}, total: true},
		trow{cells: []any{"合计 300 件：已解决 200 件，列入计划解决 60 件，留作参考 40 件。"}, span: true})
	d.title("代表建议办理情况一览表")
	reportTable(d, ledger, 1)
	return d
}

// A document drawn the fast way is the file drawn with CellFormat, byte for byte: the report's tables and
// every kind of document the fast save is tested on. The report's text reads back whole with pdftotext, from
// a font subset holding every character drawn.
func TestFastCellsSameFile(t *testing.T) {
	docs := maps.Clone(saveDocuments)
	docs["Report"] = reportDocument
	dir := t.TempDir()
	for name, make := range docs {
		t.Run(name, func(t *testing.T) {
			var files [2][]byte
			for i, way := range []bool{true, false} {
				fastCells = way
				d := make(t)
				fastCells = true
				if (d.cells != nil) != way {
					t.Fatal("the document was not drawn the way asked")
				}
				path := filepath.Join(dir, fmt.Sprintf("%s-%v.pdf", name, way))
				if err := d.save(path); err != nil {
					t.Fatal(err)
				}
				files[i], _ = os.ReadFile(path)
			}
			if len(files[1]) == 0 || !bytes.Equal(files[0], files[1]) {
				t.Fatalf("drawn the fast way (%d bytes), the file differs from CellFormat's (%d bytes)", len(files[0]), len(files[1]))
			}
		})
	}
	t.Run("ReportReads", func(t *testing.T) {
		path := filepath.Join(dir, "Report-true.pdf")
		checkFonts(t, path)
		text := squeeze(strings.Join(pdfPages(t, path), ""))
		// pdftotext reads the text through fpdf's ToUnicode map, which holds every character of the font: a
		// character whose glyph the subset lacks reads back, but prints blank. Its glyph is in the subset when
		// the font's CIDToGIDMap gives it one.
		gids := cidToGIDMap(t, path)
		for _, r := range text {
			if int(r) >= len(gids)/2 || gids[2*r] == 0 && gids[2*r+1] == 0 {
				t.Errorf("%q is drawn, the font subset has no glyph for it", r)
			}
		}
		for _, want := range []string{"代表建议办理情况一览表", "满意度(%)", "李堃小", "李堃丨", "李堃穩", "李堃淼", "(不含国道)",
			"镇城建办\\规划所", "合计300件：已解决200件", "2025-0300"} {
			if !strings.Contains(text, want) {
				t.Errorf("%q is not read back from the report", want)
			}
		}
	})
}

// cidToGIDMap is the CIDToGIDMap of the PDF at path, whose one font is fpdf's subset of ours: for each
// character (its CID), two bytes, the glyph it is drawn with in the subset, 0 for none.
func cidToGIDMap(t *testing.T, path string) []byte {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`<</Length (\d+)/Filter /FlateDecode>>\nstream\n`).FindAllSubmatchIndex(raw, -1) {
		n, _ := strconv.Atoi(string(raw[m[2]:m[3]]))
		zr, err := zlib.NewReader(bytes.NewReader(raw[m[1] : m[1]+n]))
		if err != nil {
			continue
		}
		if b, err := io.ReadAll(zr); err == nil && len(b) == 2<<16 {
			return b
		}
	}
	t.Fatal("no CIDToGIDMap in the PDF")
	return nil
}

// appendFixed2 writes what strconv (fmt's %.2f, fpdf's numbers) writes: for ties and near-ties in binary,
// negative values rounding to zero, the page's coordinates, and a million values of every magnitude.
func TestAppendFixed2(t *testing.T) {
	values := []float64{0, math.Copysign(0, -1), 0.125, 0.375, 1.005, 2.675, 1.015, -1.005, -0.001, -0.005, 0.005,
		0.0049999999, 0.995, 9.995, 99.995, 841.89, 595.28, 1<<20 - 0.005, 1 << 20, -(1 << 20), 1e300, math.Inf(1),
		math.Inf(-1), math.NaN(), 5e-324, 123456.785, 0.284999999, 0.285, 56.69291338582677}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 1_000_000 {
		scale := math.Pow(10, float64(rng.IntN(9)-3))
		v := (rng.Float64()*2 - 1) * scale
		values = append(values, v, math.Round(v*1000)/1000, math.Round(v*200)/200) // the last two near ties
	}
	for x := 0.0; x < 300; x += 0.01 {
		values = append(values, x*72/25.4, (297-x)*72/25.4)
	}
	for _, v := range values {
		if got, want := string(appendFixed2(nil, v)), strconv.FormatFloat(v, 'f', 2, 64); got != want {
			t.Fatalf("appendFixed2(%v) = %q, strconv %q", v, got, want)
		}
	}
}
