package export

import (
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"

	"rendadesk/assets"
)

// reply300 is a unit's reply of more than 300 characters mixing Chinese, numbers, Latin words, an e-mail
// address and every kind of punctuation the wrapper treats specially.
const reply300 = "关于您提出的《关于加快青山村人居环境整治的建议》（编号2024-012），我单位高度重视，于2024年3月5日组织" +
	"镇城建办、镇生态环境办等部门赴现场调研。经核实，青山村现有垃圾收集点12处，清运车辆2台，日均清运量约3.5吨；" +
	"部分村民组距离收集点超过800米，群众投放不便。下一步，我们将：一是新增分类收集点6处，预计投入资金18.6万元；" +
	"二是协调县生态环境局，争取“美丽乡村”项目资金支持——力争年底前完成；三是建立“村收集、镇转运、县处理”长效" +
	"机制，群众满意度调查目标为95%以上……同时在村委会开通WiFi和“青山通”APP报事功能。如有疑问，请联系经办人" +
	"王明，电话13812345678，或发送邮件至wangming@qingshan.gov.cn。感谢您对我镇工作的关心和支持！"

// mixedText has several paragraphs, empty lines, spaces between Latin words and a long unbreakable run.
const mixedText = "　　青山镇人大主席团：\n\n" + reply300 + "\n" +
	"English words such as accountability, transparency and participation stay whole (see section 3.2, p. 45).\n" +
	"网址 https://www.qingshan.gov.cn/renda/jianyi/2024/012/reply-detail-page.html 太长时按字符断开。\n" +
	"【附件】《办理情况表》「一式两份」『存档』〔2024〕12号……——完。\n"

// fontMeasure measures strings in the bundled regular font at size points, in millimetres.
func fontMeasure(tb testing.TB, size float64) func(string) float64 {
	tb.Helper()
	p := fpdf.New("P", "mm", "A4", "")
	p.AddUTF8FontFromBytes(fontFamily, "", assets.FontRegular())
	p.SetFont(fontFamily, "", size)
	if err := p.Error(); err != nil {
		tb.Fatal(err)
	}
	return p.GetStringWidth
}

// unitMeasure is a font-free measure for the fuzzer and the exact examples: a CJK character is 1 wide, ASCII
// 0.5, combining marks 0, anything else 0.7.
func unitMeasure(s string) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case r >= 0x2E80:
			w += 1
		case r < 0x80:
			w += 0.5
		case unicode.Is(unicode.Mn, r):
		default:
			w += 0.7
		}
	}
	return w
}

// checkWrap checks what must hold for any text and width: every "\n" ends a line, the lines of each
// paragraph join to exactly that paragraph, and no line is wider than width unless it is one character.
func checkWrap(t *testing.T, measure func(string) float64, text string, width float64, lines []string) {
	t.Helper()
	i := 0
	for pi, para := range strings.Split(text, "\n") {
		pos := 0
		for first := true; first || pos < len(para); first = false {
			if i >= len(lines) {
				t.Fatalf("width %v: lines end in paragraph %d %q; lines %q", width, pi, para, lines)
			}
			l := lines[i]
			if !strings.HasPrefix(para[pos:], l) || (l == "" && para != "") {
				t.Fatalf("width %v: paragraph %d: line %q does not continue %q", width, pi, l, para[pos:])
			}
			pos += len(l)
			i++
		}
	}
	if i != len(lines) {
		t.Fatalf("width %v: %d lines left over: %q", width, len(lines)-i, lines[i:])
	}
	for _, l := range lines {
		v := visible(l)
		if w := measure(v); w > width+1e-9 && utf8.RuneCountInString(v) > 1 {
			t.Errorf("width %v: line %q is %v wide", width, l, w)
		}
	}
}

// checkKinsoku checks 避头尾: inside a paragraph no line starts with closing punctuation and none ends with
// opening punctuation.
func checkKinsoku(t *testing.T, width float64, lines []string) {
	t.Helper()
	for i, l := range lines {
		if i > 0 && lines[i-1] != "" && l != "" && startsClosing(l) {
			t.Errorf("width %v: line %d starts with closing punctuation: %q (after %q)", width, i, l, lines[i-1])
		}
		if i+1 < len(lines) && lines[i+1] != "" && endsOpening(visible(l)) {
			t.Errorf("width %v: line %d ends with opening punctuation: %q", width, i, l)
		}
	}
}

func TestWrapKeepsEveryCharacter(t *testing.T) {
	measure := fontMeasure(t, 11)
	for _, text := range []string{reply300, mixedText, strings.Repeat(reply300, 7), ""} {
		for width := 12.0; width <= 180; width += 3.7 {
			lines := wrapText(measure, text, width)
			checkWrap(t, measure, text, width, lines)
			if got, want := strings.Join(lines, ""), strings.ReplaceAll(text, "\n", ""); got != want {
				t.Fatalf("width %v: joined lines differ from the text", width)
			}
		}
	}
	if utf8.RuneCountInString(reply300) < 300 {
		t.Fatalf("the reply has only %d characters", utf8.RuneCountInString(reply300))
	}
}

func TestWrapPunctuation(t *testing.T) {
	measure := fontMeasure(t, 11)
	// Widths from 4 characters up: narrow enough that many breaks fall next to punctuation.
	for width := 30.0; width <= 170; width += 0.7 {
		lines := wrapText(measure, mixedText, width)
		checkKinsoku(t, width, lines)
		if t.Failed() {
			t.Fatalf("lines %q", lines)
		}
	}
}

func TestWrapKeepsLatinWhole(t *testing.T) {
	measure := fontMeasure(t, 11)
	words := []string{"2024-012", "13812345678", "WiFi", "APP", "3.5", "18.6", "95%", "wangming@qingshan.gov.cn。",
		"accountability,", "transparency", "participation", "3.2,", "800"}
	for width := 30.0; width <= 170; width += 2.9 {
		lines := wrapText(measure, mixedText, width)
		for _, w := range words {
			if measure(w) > width {
				continue
			}
			found := false
			for _, l := range lines {
				if strings.Contains(l, strings.TrimSuffix(w, "。")) {
					found = true
				}
			}
			if !found {
				t.Errorf("width %v: %q was split: %q", width, w, lines)
			}
		}
	}
	// A run wider than the line is broken between characters, every piece within the width.
	url := "https://www.qingshan.gov.cn/renda/jianyi/2024/012/reply-detail-page.html"
	lines := wrapText(measure, url, 40)
	if len(lines) < 3 {
		t.Fatalf("a long address in 40 mm: %q", lines)
	}
	checkWrap(t, measure, url, 40, lines)
}

func TestWrapExamples(t *testing.T) {
	for _, c := range []struct {
		text  string
		width float64
		want  []string
	}{
		{"", 5, []string{""}},
		{"甲\n\n乙\n", 5, []string{"甲", "", "乙", ""}},
		{"一二三四五六七八", 4, []string{"一二三四", "五六七八"}},
		// 。 may not start a line: 五 comes down with it.
		{"一二三四五。六七", 5, []string{"一二三四", "五。六七"}},
		// Two closing marks in a row: both stay with the character before them.
		{"一二三四五）。六", 5, []string{"一二三四", "五）。六"}},
		// （ may not end a line: it goes down with what it opens.
		{"一二三（四五六", 4, []string{"一二三", "（四五六"}},
		{"一二三“四”五", 4, []string{"一二三", "“四”五"}},
		// —— and …… are one run and never start a line.
		{"一二三四——五", 5, []string{"一二三", "四——五"}},
		// Numbers and words stay whole; spaces hang at the end of the line.
		{"电话13812345678", 6, []string{"电话", "13812345678"}},
		{"abc defgh", 3, []string{"abc ", "defgh"}},
		{"编号2024-012的建议", 5, []string{"编号", "2024-012的", "建议"}},
		// A run wider than the line is broken by characters.
		{"abcdefghij", 2, []string{"abcd", "efgh", "ij"}},
		// A character wider than the line has a line of its own.
		{"一二", 0.5, []string{"一", "二"}},
		// An address too wide to go down with its 。 is broken so the 。 does not start a line.
		{"邮件a@b.cn。", 3, []string{"邮件", "a@b.c", "n。"}},
		// Punctuation alone cannot be kept off the line start; nothing is lost.
		{"。。。。。。", 2, []string{"。。", "。。", "。。"}},
	} {
		got := wrapText(unitMeasure, c.text, c.width)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("wrapText(%q, %v) = %q, want %q", c.text, c.width, got, c.want)
		}
	}
}

// FuzzWrap checks on any text and width that wrapping never panics, never loses or adds a byte, ends a
// line at every "\n", and keeps lines within the width except single characters. The seed corpus is in
// testdata/fuzz/FuzzWrap and runs with every `go test`.
func FuzzWrap(f *testing.F) {
	f.Add(reply300, 40.0)
	f.Add("一二三（四五六", 4.0)
	f.Add("a\r\nb\t𠮷\xff\u200b", 1.0)
	f.Add("编号2024号，邮箱ab@c.cn\nabcd", 12.0)
	f.Add("第2024号", 5.0)
	measure := fontMeasure(f, 11)
	f.Fuzz(func(t *testing.T, text string, width float64) {
		lines := wrapText(unitMeasure, text, width)
		if !math.IsNaN(width) {
			checkWrap(t, unitMeasure, text, width, lines)
		}
		// The real path: the clerk's text cleaned for the font, measured with it.
		c := clean(text)
		if !utf8.ValidString(c) {
			t.Fatalf("clean(%q) is not valid UTF-8", text)
		}
		for _, r := range c {
			if r != '\n' && !covered(r) && r != ' ' {
				t.Fatalf("clean left %U the font cannot draw", r)
			}
		}
		mm := math.Abs(width)
		if math.IsNaN(mm) || math.IsInf(mm, 0) {
			mm = 50
		}
		lines = wrapText(measure, c, mm)
		checkWrap(t, measure, c, mm, lines)
		// The widths columnWidths sizes a column by: those of the lines and of the tokens kept whole.
		var line, word float64
		for _, l := range strings.Split(c, "\n") {
			line = max(line, measure(l))
			for _, tok := range tokenize(l) {
				if !tok.space && len(tok.text) > 3 {
					word = max(word, measure(tok.text))
				}
			}
		}
		if gotLine, gotWord := measureCell(measure, c); gotLine != line || gotWord != word {
			t.Fatalf("measureCell(%q) = %v, %v; its lines and tokens measure %v, %v", c, gotLine, gotWord, line, word)
		}
		// A paragraph that fits is taken whole without its tokens: the same lines as placing them.
		for _, para := range strings.Split(c, "\n") {
			for _, w := range []float64{mm, measure(para), measure(para) * 0.95} {
				if got, want := wrapParagraph(nil, measure, para, w), wrapTokens(nil, measure, para, w); !reflect.DeepEqual(got, want) {
					t.Fatalf("wrapParagraph(%q, %v) = %q, placing its tokens gives %q", para, w, got, want)
				}
			}
		}
	})
}

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"a\r\nb\rc":    "a\nb\nc",
		"甲\t乙":         "甲 乙",
		"𠮷野家":          "□野家", // beyond U+FFFF: fpdf would panic
		"bad\xffbyte":  "bad□byte",
		"零\u200b宽\x00": "零宽",
		"☐满意 ☑ ☒":      "☐满意 ☑ ☒",
		"共\uE000页":     "共□页", // the page-count alias never comes from the text
		"（编号2024-012）": "（编号2024-012）",
	} {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
}

// Wrapping takes time in proportion to the text: each piece is measured once, whatever the width. These
// inputs took minutes with a wrapper that re-measured the line for every piece.
func TestWrapLongInputs(t *testing.T) {
	for _, c := range []struct {
		text  string
		width float64
	}{
		{strings.Repeat("一二三四五六七八九十", 30000), math.Inf(1)},
		{strings.Repeat(" ", 300000) + "尾", 5},
		{strings.Repeat("。", 300000), 3},
		{strings.Repeat("ab ", 100000), 0.1},
		{"a" + strings.Repeat("\u0301", 300000) + "。", 0.7},
	} {
		checkWrap(t, unitMeasure, c.text, c.width, wrapText(unitMeasure, c.text, c.width))
	}
}

// TestMeasureAtAsFpdf checks the measure the report tables are wrapped with off the drawing goroutine against
// fpdf's own, to the last bit: every character the font has, text with characters it lacks, an invalid byte.
func TestMeasureAtAsFpdf(t *testing.T) {
	d := newDocument("某镇人大主席团", "测试", false)
	var all strings.Builder
	for r := rune(0); r < 0x10000; r++ {
		if r < 0xD800 || r > 0xDFFF {
			all.WriteRune(r)
		}
	}
	texts := []string{"", "人大代表建议办理情况2025年", "a\xffb", "𠮷野家", all.String(), reply300}
	for _, size := range append(slices.Clone(reportSizes), bodySize, titleSize, 1) {
		measure := d.measureAt(size)
		d.font(false, size)
		for _, s := range texts {
			if got, want := measure(s), d.pdf.GetStringWidth(s); got != want {
				t.Errorf("at %v pt measureAt(%.20q) = %v, fpdf measures %v", size, s, got, want)
			}
		}
		for r := rune(0x20); r < 0x10000; r += 7 {
			if got, want := measure(string(r)), d.pdf.GetStringWidth(string(r)); got != want {
				t.Fatalf("at %v pt %U measures %v, fpdf %v", size, r, got, want)
			}
		}
	}
}

// TestWrapAheadAsRow checks that a table's cells wrapped ahead of the drawing (wrapAhead) are wrapped as row
// wraps them, over several batches, each row ready when wait returns (run with -race too).
func TestWrapAheadAsRow(t *testing.T) {
	d := newDocument("某镇人大主席团", "测试", false)
	text := []rune(reply300)
	var rows [][]cell
	for r := 0; r < 3*wrapBatch+5; r++ {
		rows = append(rows, []cell{
			{w: 18 + float64(r%7), text: strings.Repeat("代表", r%4) + strconv.Itoa(r)},
			{w: 45, text: string(text[:r*5%len(text)])},
		})
	}
	wrapped := wrapAhead(rows, d.measureAt(10))
	for r := range rows {
		wrapped.wait(r)
		for _, c := range rows[r] {
			d.font(false, 10)
			if want := d.wrap(c.text, c.w-2*cellPadX); !reflect.DeepEqual(c.lines, want) {
				t.Fatalf("row %d: wrapped ahead %q, row wraps %q", r, c.lines, want)
			}
		}
	}
}
