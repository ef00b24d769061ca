package export

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"rendadesk/store"
)

// TestWorkbookVeryLongCell: a cell whose text wraps past Excel's tallest row (409 points) — a stress office's
// list of short periods, an item pasted with a whole letter as its title — still gives a workbook, the row at
// the tallest height Excel takes. It failed with 「the height of the row must be less than or equal to 409
// points」 on the stress year.
func TestWorkbookVeryLongCell(t *testing.T) {
	it := store.LedgerItem{}
	it.Number, it.Title = "2025-001", strings.Repeat("关于修复村口道路和路灯的建议，", 300)
	r := Report{ReportData: store.ReportData{Settings: store.DefaultSettings(),
		Figures: store.Figures{From: "2025-01-01", To: "2025-12-31", AsOf: "2025-12-31", Precision: 1},
		Ledger:  []store.LedgerItem{it}}}
	path := filepath.Join(t.TempDir(), "t.xlsx")
	if err := WorkbookYear(path, r); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var sheet string
	for _, s := range f.GetSheetList() {
		if strings.Contains(s, "办理情况一览") {
			sheet = s
		}
	}
	rows, _ := f.GetRows(sheet)
	for i, row := range rows {
		if len(row) > 1 && row[1] == "2025-001" || len(row) > 0 && row[0] == "2025-001" {
			if h, err := f.GetRowHeight(sheet, i+1); err != nil || h != maxRowPt {
				t.Errorf("%s: the long item's row %d is %v points (%v), want %d", sheet, i+1, h, err, maxRowPt)
			}
			return
		}
	}
	t.Errorf("%s has no row of item 2025-001", sheet)
}
