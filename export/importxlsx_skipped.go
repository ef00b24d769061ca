package export

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/xuri/excelize/v2"

	"rendadesk/store"
)

// The rows an import left out for their errors (「跳过有错误的行」) are written to a workbook beside the file the
// clerk imported: the file's own header and cells, as read, and the reason in a last column, so that the clerk
// corrects them there and imports that workbook in turn.

// SkippedReasonHeader is the header of the reason column. The importer passes over it without a note.
const SkippedReasonHeader = "错误原因"

// skippedSuffix ends the name of the workbook of rows left out: 「名册-未导入的行.xlsx」.
const skippedSuffix = "-未导入的行"

var skippedNameRe = regexp.MustCompile(regexp.QuoteMeta(skippedSuffix) + `(\(\d+\))?$`)

// SkippedRowsPath is where the rows an import of source left out are written: beside it, 「名册-未导入的行.xlsx」
// for 名册.xlsx, or 「名册-未导入的行(2).xlsx」 … when that name is taken. An existing file is never replaced: it may
// be the very file being imported, or one the clerk is correcting. Importing 「名册-未导入的行.xlsx」 again
// gives 「名册-未导入的行(2).xlsx」, not a name that grows each time.
func SkippedRowsPath(source string) string {
	dir, name := filepath.Dir(source), filepath.Base(source)
	base := skippedNameRe.ReplaceAllString(strings.TrimSuffix(name, filepath.Ext(name)), "")
	for n := 1; ; n++ {
		tail := skippedSuffix
		if n > 1 {
			tail += fmt.Sprintf("(%d)", n)
		}
		p := filepath.Join(dir, FileName(base, tail, ".xlsx"))
		if _, err := os.Lstat(p); os.IsNotExist(err) || n >= 999 {
			return p
		}
	}
}

// WriteSkippedRows writes the rows an import left out (store.ImportPlan.ErrorRows) to path: one sheet named as
// the file's, its header as the file had it plus 「错误原因」, and each row's cells as read (ImportRow.Cells) with
// its reason, all as text so that what the clerk typed stays as typed. The file is written beside path and
// renamed into place.
func WriteSkippedRows(path string, sheet store.ImportSheet, rows []store.ImportErrorRow) error {
	cells := map[int][]string{}
	width := len(sheet.Header)
	for _, r := range sheet.Rows {
		cells[r.Line] = r.Cells
		width = max(width, len(r.Cells))
	}
	f := excelize.NewFile()
	defer f.Close()
	name := SheetName(sheet.Sheet)
	if err := f.SetSheetName("Sheet1", name); err != nil {
		return err
	}
	text := 49 // Excel's built-in number format 「@」: text
	font := &excelize.Font{Family: "宋体", Size: 11}
	head, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 11, Bold: true}, NumFmt: text,
		Fill: excelize.Fill{Type: "pattern", Color: []string{"DDEBF7"}, Pattern: 1}})
	body, _ := f.NewStyle(&excelize.Style{Font: font, NumFmt: text})
	reason, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 11, Color: "C00000"}, NumFmt: text,
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	widths := make([]float64, width+1)
	put := func(col, row int, v string, style int) error {
		ref, err := excelize.CoordinatesToCellName(col+1, row)
		if err != nil {
			return err
		}
		if err := f.SetCellStr(name, ref, v); err != nil {
			return err
		}
		widths[col] = max(widths[col], min(displayWidth(v)+2, 40))
		return f.SetCellStyle(name, ref, ref, style)
	}
	for i := 0; i < width; i++ {
		h := ""
		if i < len(sheet.Header) {
			h = sheet.Header[i]
		}
		if err := put(i, 1, h, head); err != nil {
			return err
		}
	}
	if err := put(width, 1, SkippedReasonHeader, head); err != nil {
		return err
	}
	for n, r := range rows {
		line := n + 2
		for i, v := range cells[r.Line] {
			if err := put(i, line, v, body); err != nil {
				return err
			}
		}
		if err := put(width, line, "原第"+fmt.Sprint(r.Line)+"行："+r.Reason, reason); err != nil {
			return err
		}
	}
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if i == width {
			w = 60
		}
		if err := f.SetColWidth(name, col, col, max(w, 8)); err != nil {
			return err
		}
	}
	if err := f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := saveAtomically(f, path); err != nil {
		return fmt.Errorf("保存未导入的行到 %s: %w", filepath.Base(path), err)
	}
	return nil
}
