package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestStreamBufferReached fails when excelize's StreamWriter no longer keeps its sheet's XML where
// streamBuffer looks (an excelize other than v2.11.1): the workbook would still be right, but its sheets'
// buffers grown by doubling again, the cost streamBuffer is there to save.
func TestStreamBufferReached(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	b := streamBuffer(sw)
	if b == nil {
		t.Fatal("streamBuffer found no buffer in excelize's StreamWriter")
	}
	presizeStream(sw, 1<<20)
	if room := b.Cap() - b.Len(); room < 1<<20 {
		t.Errorf("presized for 1 MB, room for %d bytes", room)
	}
	before := b.Cap()
	if err := sw.SetRow("A1", []any{"代表建议办理情况"}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b.Bytes(), []byte("<t>代表建议办理情况</t>")) {
		t.Errorf("the row is not in the buffer streamBuffer found: %q", b.String())
	}
	if b.Cap() != before {
		t.Errorf("the buffer grew again (%d → %d bytes) for one short row", before, b.Cap())
	}
}

// TestSheetBufferSizedOnce: the ledger of a large year fits in the buffer sized for it before its rows went in
// (table's estimate of its XML), so the buffer is allocated once, not grown by doubling.
func TestSheetBufferSizedOnce(t *testing.T) {
	tables, r := benchTables()
	w, err := newWorkbook(r)
	if err != nil {
		t.Fatal(err)
	}
	defer w.f.Close()
	for _, tb := range tables {
		if err := w.table(tb); err != nil {
			t.Fatal(err)
		}
		if w.regrown != 0 {
			t.Fatalf("%s: the sheet's buffer grew after it was sized", tb.sheet())
		}
	}
}

// TestStreamRowsAsSetRow writes the same rows through excelize's SetRow and through streamRows (SetRow where it
// declines) and wants the same sheet XML byte for byte: text with XML's special characters, line breaks, tabs,
// empty and missing cells, whole numbers, rounded rates, heights. The rows streamRows must decline (edge spaces,
// excelize's 「_x」 escapes, characters XML cannot hold, a text longer than a cell holds, a float of more than
// 15 digits) go through SetRow between the others; the plain ones must not.
func TestStreamRowsAsSetRow(t *testing.T) {
	third := 1.0 / 3 // 0.3333333333333333: excelize cuts it to 15 digits
	plain := [][]any{
		{"2025-0001", "李堃", "关于加快推进村道硬化和路灯安装的建议", 3, 0.219},
		{"合计", nil, "", -12, 1.0},
		{"A&B <镇> \"城建\" '办'", "第一行\n第二行", "制\t表\r尾", 0, 0.5},
		{"—", "１２３", "😀 emoji", 1 << 40, 0.1234567},
		{"x_y", "_", "_X0041_ upper is not lower", 7, 100.0},
	}
	declined := [][]any{
		{" 前有空格", "a", "b", 1, 0.1},
		{"后有空格 ", "a", "b", 1, 0.1},
		{"\n开头换行", "a", "b", 1, 0.1},
		{"含_x0041_转义", "a", "b", 1, 0.1},
		{"控制\x01字符", "a", "b", 1, 0.1},
		{"坏\xffUTF-8", "a", "b", 1, 0.1},
		{"非字符\uFFFF", "a", "b", 1, 0.1},
		{strings.Repeat("长", excelize.TotalCellChars/3+1), "a", "b", 1, 0.1},
		{"小数", "a", "b", 1, third},
		{"整数类型", "a", "b", int64(5), 0.1},
	}
	heights := []float64{0, 17.5, 32, 409, 410}
	type row struct {
		cells []any
		fast  bool
		ht    float64
	}
	var rows []row
	for i, c := range plain {
		rows = append(rows, row{c, true, heights[i%len(heights)]})
		if i < len(declined) {
			rows = append(rows, row{declined[i], false, heights[(i+1)%len(heights)]})
		}
	}
	for _, c := range declined[len(plain):] {
		rows = append(rows, row{c, false, 0}, row{plain[0], true, 0})
	}
	sheetXML := func(useFast bool) []byte {
		f := excelize.NewFile()
		defer f.Close()
		style, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true}})
		if err != nil {
			t.Fatal(err)
		}
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			t.Fatal(err)
		}
		if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: style, Value: "标题"}}); err != nil {
			t.Fatal(err)
		}
		fast := newStreamRows(sw, 5)
		if useFast && fast == nil {
			t.Fatal("newStreamRows found no way into excelize's StreamWriter")
		}
		cells := make([]excelize.Cell, 5)
		line := make([]any, 5)
		for r, rw := range rows {
			for i, v := range rw.cells {
				cells[i] = excelize.Cell{StyleID: style + i%2, Value: v}
				line[i] = &cells[i]
			}
			n := r + 2
			if useFast {
				if took := fast.write(n, cells, rowOpts(rw.ht)); took != rw.fast {
					t.Errorf("row %d %q: written by streamRows %v, want %v", n, rw.cells[0], took, rw.fast)
				} else if took {
					continue
				}
			}
			if err := sw.SetRow(cellName(n), line, rowOpts(rw.ht)); err != nil {
				t.Fatalf("row %d: %v", n, err)
			}
		}
		if err := sw.SetRow(cellName(len(rows)+2), []any{excelize.Cell{StyleID: style, Value: "注：末行"}}); err != nil {
			t.Fatalf("the row after streamRows's: %v", err)
		}
		return bytes.Clone(streamBuffer(sw).Bytes())
	}
	want, got := sheetXML(false), sheetXML(true)
	if !bytes.Equal(got, want) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		from := max(i-80, 0)
		t.Errorf("streamRows wrote other XML than SetRow, from byte %d:\n got %q\nwant %q", i,
			got[from:min(i+120, len(got))], want[from:min(i+120, len(want))])
	}
}
