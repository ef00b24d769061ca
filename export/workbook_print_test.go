package export

import (
	"archive/zip"
	"context"
	"encoding/xml"
	"io"
	"math"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"rendadesk/store"
)

// How the workbook prints, read back from the file as a spreadsheet program reads it: the page setup, the
// column widths and breaks, the charts' anchors, the fonts of the cells, the <dimension> of each sheet and
// the values in the cells.

// printedColPt is the most a unit of Excel column width prints as: LibreOffice measures the unit in DejaVu
// Sans where Calibri is missing (a Linux office PC) and prints it 7 pt wide; Excel with Calibri prints 5.25 pt.
const printedColPt = 7.0

// sheetPackage is what the test reads from a workbook's XML for one sheet.
type sheetPackage struct {
	xml       string
	dimension string    // <dimension ref="…">
	breaks    []int     // <colBreaks>: the 0-based columns a new page starts at
	chartsTo  []float64 // the right edge of each chart, from its anchor: points from column A
}

// readPackage reads every sheet's XML, column breaks and chart anchors (widths gives the column widths the
// anchors are measured with).
func readPackage(t *testing.T, file string, widths func(sheet string, col int) float64) map[string]sheetPackage {
	t.Helper()
	zr, err := zip.OpenReader(file)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = string(b)
	}
	type rel struct {
		ID     string `xml:"Id,attr"`
		Target string `xml:"Target,attr"`
	}
	rels := func(name string) map[string]string {
		var r struct {
			Rels []rel `xml:"Relationship"`
		}
		if err := xml.Unmarshal([]byte(parts[name]), &r); err != nil && parts[name] != "" {
			t.Fatalf("%s: %v", name, err)
		}
		out := map[string]string{}
		for _, x := range r.Rels {
			out[x.ID] = x.Target
		}
		return out
	}
	resolve := func(dir, target string) string {
		if strings.HasPrefix(target, "/") {
			return strings.TrimPrefix(target, "/")
		}
		return path.Clean(path.Join(dir, target))
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal([]byte(parts["xl/workbook.xml"]), &wb); err != nil {
		t.Fatal(err)
	}
	wbRels := rels("xl/_rels/workbook.xml.rels")
	dimRE := regexp.MustCompile(`<dimension ref="([^"]+)"`)
	brkRE := regexp.MustCompile(`<brk id="(\d+)"`)
	colBreaks := regexp.MustCompile(`<colBreaks.*?</colBreaks>`)
	anchorRE := regexp.MustCompile(`<xdr:to><xdr:col>(\d+)</xdr:col><xdr:colOff>(\d+)</xdr:colOff>`)
	out := map[string]sheetPackage{}
	for _, s := range wb.Sheets {
		name := resolve("xl", wbRels[s.RID])
		p := sheetPackage{xml: parts[name]}
		if m := dimRE.FindStringSubmatch(p.xml); m != nil {
			p.dimension = m[1]
		}
		for _, m := range brkRE.FindAllStringSubmatch(colBreaks.FindString(p.xml), -1) {
			n, _ := strconv.Atoi(m[1])
			p.breaks = append(p.breaks, n)
		}
		for _, target := range rels(path.Join(path.Dir(name), "_rels", path.Base(name)+".rels")) {
			if !strings.Contains(target, "drawing") {
				continue
			}
			for _, m := range anchorRE.FindAllStringSubmatch(parts[resolve(path.Dir(name), target)], -1) {
				col, _ := strconv.Atoi(m[1])
				off, _ := strconv.Atoi(m[2])
				x := float64(off) / 12700 // EMU
				for c := 1; c <= col; c++ {
					x += widths(s.Name, c) * printedColPt
				}
				p.chartsTo = append(p.chartsTo, x)
			}
		}
		out[s.Name] = p
	}
	return out
}

// demoWorkbook writes the demo township's 2024 workbook as the 报表 tab does and opens it again.
func demoWorkbook(t *testing.T) (*excelize.File, string, store.ReportData) {
	t.Helper()
	db := demoStore(t)
	rep, err := db.LoadReport(context.Background(), "2024-01-01", "2024-12-31", "2024-11-30")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "demo.xlsx")
	if err := WorkbookYear(file, Report{ReportData: rep}); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return x, file, rep
}

// colWidth is a column's width as the file sets it (Excel's default when it does not).
func colWidth(x *excelize.File, sheet string, col int) float64 {
	name, _ := excelize.ColumnNumberToName(col)
	w, err := x.GetColWidth(sheet, name)
	if err != nil {
		return 8.43
	}
	return w
}

// Nothing on any sheet prints below 8 pt: from each sheet's page setup (A4, orientation, side margins, fit to
// width or a fixed scale with column breaks and repeated key columns), its column widths, its charts and the
// fonts of its cells, the smallest type as printed is at least 8 pt, and each printed page's columns fit
// the paper.
func TestWorkbookPrintsNothingBelowMinimum(t *testing.T) {
	x, file, _ := demoWorkbook(t)
	pkg := readPackage(t, file, func(sheet string, col int) float64 { return colWidth(x, sheet, col) })
	titles := map[string]string{}
	for _, dn := range x.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles[dn.Scope] = dn.RefersTo
		}
	}
	for _, sheet := range x.GetSheetList() {
		t.Run(sheet, func(t *testing.T) {
			p := pkg[sheet]
			layout, err := x.GetPageLayout(sheet)
			if err != nil || layout.Size == nil || *layout.Size != 9 {
				t.Fatalf("not A4: %+v %v", layout, err)
			}
			paper := 595.28
			if layout.Orientation != nil && *layout.Orientation == "landscape" {
				paper = 841.89
			}
			margins, err := x.GetPageMargins(sheet)
			if err != nil || margins.Left == nil || margins.Right == nil {
				t.Fatalf("margins %+v %v", margins, err)
			}
			page := paper - (*margins.Left+*margins.Right)*72
			_, lastCol, lastRow := dimensionOf(t, p.dimension)
			widths := make([]float64, lastCol+1) // 1-based
			for c := 1; c <= lastCol; c++ {
				widths[c] = colWidth(x, sheet, c)
			}
			span := func(from, to int) float64 { // columns from..to-1, 0-based
				s := 0.0
				for c := from; c < to; c++ {
					s += widths[c+1] * printedColPt
				}
				return s
			}
			content := span(0, lastCol)
			for _, right := range p.chartsTo {
				content = max(content, right)
			}

			// The smallest type of any cell of the used range.
			smallest := math.Inf(1)
			for r := 1; r <= lastRow; r++ {
				for c := 1; c <= lastCol; c++ {
					cell, _ := excelize.CoordinatesToCellName(c, r)
					v, _ := x.GetCellValue(sheet, cell)
					if v == "" {
						continue
					}
					size := 11.0 // the workbook's default font
					if id, err := x.GetCellStyle(sheet, cell); err == nil && id != 0 {
						if st, err := x.GetStyle(id); err == nil && st.Font != nil && st.Font.Size > 0 {
							size = st.Font.Size
						}
					}
					smallest = min(smallest, size)
				}
			}

			var scale float64
			fit := layout.FitToWidth != nil && *layout.FitToWidth == 1
			switch {
			case fit:
				if len(p.breaks) > 0 {
					t.Errorf("fitted to the width with column breaks %v", p.breaks)
				}
				scale = min(1, page/content)
			case layout.AdjustTo != nil:
				scale = float64(*layout.AdjustTo) / 100
				// Each page: the repeated key columns and its own share, inside the paper at this scale.
				key := 0
				if m := regexp.MustCompile(`\$A:\$([A-Z]+)`).FindStringSubmatch(titles[sheet]); m != nil {
					key, _ = excelize.ColumnNameToNumber(m[1])
				}
				starts := append([]int{0}, p.breaks...)
				for i, from := range starts {
					to := lastCol
					if i+1 < len(starts) {
						to = starts[i+1]
					}
					w := span(from, to)
					if from > 0 {
						w += span(0, key)
					}
					if w*scale > page+0.5 {
						t.Errorf("page of columns %d–%d is %.0f pt wide at %.0f%%, the paper holds %.0f pt", from+1, to, w*scale, scale*100, page)
					}
				}
				if len(p.breaks) > 0 && key == 0 {
					t.Errorf("printed in parts without repeated key columns: %q", titles[sheet])
				}
			default:
				t.Fatalf("neither fitted to width nor scaled: %+v", layout)
			}
			t.Logf("%s: %.0f%% (%s), smallest type %.1f pt prints at %.1f pt; %d column breaks", sheet, scale*100,
				map[bool]string{true: "fit to width", false: "fixed scale"}[fit], smallest, smallest*scale, len(p.breaks))
			if smallest*scale < minPrintPt-0.01 {
				t.Errorf("the smallest type (%.1f pt) prints at %.1f pt (scale %.0f%%, content %.0f pt on %.0f pt)",
					smallest, smallest*scale, scale*100, content, page)
			}
		})
	}
}

// dimensionOf reads a <dimension> reference 「A1:S28」: its first cell and its last column and row.
func dimensionOf(t *testing.T, ref string) (string, int, int) {
	t.Helper()
	first, last, ok := strings.Cut(ref, ":")
	if !ok {
		last = first
	}
	c, r, err := excelize.CellNameToCoordinates(last)
	if err != nil {
		t.Fatalf("dimension %q: %v", ref, err)
	}
	return first, c, r
}

// Each sheet's <dimension> covers exactly its cells (a tool that trusts it, instead of reading every row,
// sees the whole table); every rate is written as the rounded value it prints, so that the formula bar and a
// county's sum show what was printed.
func TestWorkbookDimensionAndRoundedCells(t *testing.T) {
	x, file, rep := demoWorkbook(t)
	pkg := readPackage(t, file, func(sheet string, col int) float64 { return colWidth(x, sheet, col) })
	prec := rep.Figures.Precision
	rates := 0
	for _, sheet := range x.GetSheetList() {
		t.Run(sheet, func(t *testing.T) {
			first, lastCol, lastRow := dimensionOf(t, pkg[sheet].dimension)
			rows, err := x.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			usedRow, usedCol := 0, 0
			for r, row := range rows {
				for c, v := range row {
					if v != "" {
						usedRow, usedCol = max(usedRow, r+1), max(usedCol, c+1)
					}
				}
			}
			if merged, err := x.GetMergeCells(sheet); err == nil {
				for _, m := range merged {
					c, r, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
					usedRow, usedCol = max(usedRow, r), max(usedCol, c)
				}
			}
			if first != "A1" || lastRow != usedRow || lastCol != usedCol {
				t.Errorf("dimension %s, the cells reach %s", pkg[sheet].dimension, mustCell(usedCol, usedRow))
			}
			// Rates: a number cell under a percent format holds at most prec+2 decimals, as Rate.Rounded.
			for r := 1; r <= lastRow; r++ {
				for c := 1; c <= lastCol; c++ {
					cell := mustCell(c, r)
					if typ, _ := x.GetCellType(sheet, cell); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
						continue
					}
					shown, _ := x.GetCellValue(sheet, cell)
					if !strings.HasSuffix(shown, "%") {
						continue
					}
					raw, _ := x.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
					rates++
					if _, frac, _ := strings.Cut(raw, "."); len(frac) > prec+2 {
						t.Errorf("%s holds %s (shown %s): not the rounded value", cell, raw, shown)
					}
					v, err := strconv.ParseFloat(raw, 64)
					if err != nil || strconv.FormatFloat(v*100, 'f', prec, 64)+"%" != shown {
						t.Errorf("%s holds %s, shown %s", cell, raw, shown)
					}
				}
			}
		})
	}
	if rates < 20 {
		t.Errorf("only %d rate cells in the demo workbook", rates)
	}
}

func mustCell(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}
