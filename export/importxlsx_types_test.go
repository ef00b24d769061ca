package export

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The one-pass reading of which cells are numbers and dates (numberCells) answers as excelize's per-cell
// questions do, for numbers, dates, text that looks like a number, booleans and formulas, on the first sheet
// and on a second one (found through the workbook's relations).
func TestNumberCellsAnswerAsExcelize(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cells.xlsx")
	f := excelize.NewFile()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err := f.NewSheet("名册")
	must(err)
	date, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(err)
	custom := "yyyy\"年\"m\"月\""
	month, err := f.NewStyle(&excelize.Style{CustomNumFmt: &custom})
	must(err)
	twoPlaces, err := f.NewStyle(&excelize.Style{NumFmt: 2})
	must(err)
	for _, sh := range []string{"Sheet1", "名册"} {
		must(f.SetCellValue(sh, "A1", "标题"))
		must(f.SetCellValue(sh, "B2", 45717))
		must(f.SetCellStyle(sh, "B2", "B2", date))
		must(f.SetCellValue(sh, "C2", 1968.1))
		must(f.SetCellStyle(sh, "C2", "C2", twoPlaces))
		must(f.SetCellValue(sh, "D2", "45000"))
		must(f.SetCellValue(sh, "E2", 13812345678))
		must(f.SetCellValue(sh, "F2", true))
		must(f.SetCellValue(sh, "G3", 25000))
		must(f.SetCellStyle(sh, "G3", "G3", month))
		must(f.SetCellFormula(sh, "H3", "1+1"))
	}
	must(f.SaveAs(path))
	must(f.Close())

	for _, sh := range []string{"Sheet1", "名册"} {
		g, err := excelize.OpenFile(path)
		must(err)
		defer g.Close()
		rows, err := g.GetRows(sh, excelize.Options{RawCellValue: true})
		must(err)
		fast := &xlsxImport{f: g, sheet: sh}
		slow := &xlsxImport{f: g, sheet: sh, typed: true} // ok false: excelize cell by cell
		numbers := 0
		for i, row := range rows {
			for j, raw := range row {
				a, b := fast.cellAt(raw, j, i+1), slow.cellAt(raw, j, i+1)
				if a != b {
					t.Errorf("%s row %d col %d (%q): one pass %+v, excelize %+v", sh, i+1, j+1, raw, a, b)
				}
				if a.isNum {
					numbers++
				}
			}
		}
		if !fast.ok {
			t.Errorf("%s: the worksheet's XML was not found", sh)
		}
		if numbers != 4 {
			t.Errorf("%s: %d numbers, want 4 (a date, 1968.10, a phone number, a month)", sh, numbers)
		}
	}
}
