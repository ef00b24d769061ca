package export

import (
	"bytes"
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
