package export

import (
	"fmt"
	"path/filepath"
	"slices"
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
	r := yearReport2025()
	r.Ledger = []store.LedgerItem{it}
	f := writeYearWorkbook(t, r)
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

// TestHeaderUnitOnItsOwnLine: a column header ending in a unit, 「已完成(项)」, holds the unit on a line of its
// own, and its column is wide enough for each line: LibreOffice printed 「已完成(项」 over a lone 「)」.
func TestHeaderUnitOnItsOwnLine(t *testing.T) {
	for h, want := range map[string]string{
		"已完成(项)":    "已完成\n(项)",
		"上级人大批转(件)": "上级人大批转\n(件)",
		"来访(人次)":    "来访\n(人次)",
		"率(%)":      "率(%)",
		"完成率":       "完成率",
		"(项)":       "(项)",
	} {
		got, need := headerCell(h)
		if got != want {
			t.Errorf("headerCell(%q) = %q, want %q", h, got, want)
		}
		for _, line := range strings.Split(got, "\n")[1:] {
			if displayWidth(line) > need {
				t.Errorf("headerCell(%q): the unit %q is wider than the column needs (%v)", h, line, need)
			}
		}
	}

	f := writeYearWorkbook(t, yearReport2025())
	found := 0
	for _, s := range f.GetSheetList() {
		rows, _ := f.GetRows(s)
		if len(rows) < headRow {
			continue
		}
		for i, h := range rows[headRow-1] {
			if !strings.HasSuffix(h, ")") || displayWidth(h) <= 6 {
				continue
			}
			found++
			if !strings.Contains(h, "\n(") {
				t.Errorf("%s: header %q keeps its unit on the same line", s, h)
			}
			col, _ := excelize.ColumnNumberToName(i + 1)
			wd, _ := f.GetColWidth(s, col)
			for _, line := range strings.Split(h, "\n")[1:] {
				if room := (wd - 2) * wrapFit; displayWidth(line) > room+0.01 {
					t.Errorf("%s: column %s (%v wide) holds %v units, the unit %q needs %v", s, col, wd, room, line, displayWidth(line))
				}
			}
		}
	}
	if found == 0 {
		t.Error("no sheet has a header with a unit")
	}
}

// TestWorkbooksShareCompressors: workbooks written at once reuse the finished parts' compressors (fastZip)
// and each still opens with every sheet and its cells.
func TestWorkbooksShareCompressors(t *testing.T) {
	r := yearReport2025()
	dir := t.TempDir()
	fns := make([]func() error, 4)
	for i := range fns {
		fns[i] = func() error { return WorkbookYear(filepath.Join(dir, fmt.Sprintf("%d.xlsx", i)), r) }
	}
	if err := parallel(fns); err != nil {
		t.Fatal(err)
	}
	var first []string
	for i := range fns {
		f, err := excelize.OpenFile(filepath.Join(dir, fmt.Sprintf("%d.xlsx", i)))
		if err != nil {
			t.Fatalf("workbook %d: %v", i, err)
		}
		var cells []string
		for _, s := range f.GetSheetList() {
			rows, err := f.GetRows(s)
			if err != nil {
				t.Fatalf("workbook %d, %s: %v", i, s, err)
			}
			for _, row := range rows {
				cells = append(cells, strings.Join(row, "|"))
			}
		}
		f.Close()
		if i == 0 {
			first = cells
		} else if !slices.Equal(cells, first) {
			t.Errorf("workbook %d differs from workbook 0", i)
		}
	}
	if len(first) < 20 {
		t.Errorf("workbook 0 holds %d rows", len(first))
	}
}

// yearReport2025 is the report of an office with no records for 2025.
func yearReport2025() Report {
	return Report{ReportData: store.ReportData{Settings: store.DefaultSettings(),
		Figures: store.Figures{From: "2025-01-01", To: "2025-12-31", AsOf: "2025-12-31", Precision: 1}}}
}

// writeYearWorkbook writes r's yearly workbook and opens it (closed when the test ends).
func writeYearWorkbook(t *testing.T, r Report) *excelize.File {
	t.Helper()
	path := filepath.Join(t.TempDir(), "t.xlsx")
	if err := WorkbookYear(path, r); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}
