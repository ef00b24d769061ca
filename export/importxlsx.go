package export

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"rendadesk/store"
)

// This file reads the clerk's import workbooks (SPEC §6.7) into store.ImportSheet values and writes the
// downloadable templates. Columns are found by their header, in any order, under the field's label (the
// `label` tags of store.Deputy, store.Station and store.Suggestion) or a word a clerk would write for it.
// Here the workbook is opened and its cells typed; the columns are listed in importxlsx_columns.go, the header
// and the rows found in importxlsx_sheet.go, a row read in importxlsx_row.go and a cell in importxlsx_cells.go;
// the templates are written by importxlsx_template.go.

// maxImportBytes bounds what is read into memory: a township's roster is a few dozen kilobytes, the stress
// data set's suggestions a few megabytes.
const maxImportBytes = 64 << 20

// ReadImportFile reads the import file at path (see ReadImport).
func ReadImportFile(path string, kind store.ImportKind) (store.ImportSheet, error) {
	name := filepath.Base(path)
	f, err := os.Open(path)
	switch {
	case os.IsNotExist(err):
		return store.ImportSheet{}, store.Errorf(store.ENOTFOUND, "找不到文件「%s」", name)
	case os.IsPermission(err):
		return store.ImportSheet{}, store.Errorf(store.EINVALID, "没有权限读取文件「%s」；如果文件正在 Excel 中打开，请先关闭", name)
	case err != nil:
		return store.ImportSheet{}, store.Errorf(store.EINVALID, "无法打开文件「%s」(%v)", name, cause(err))
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		f.Close()
		return store.ImportSheet{}, store.Errorf(store.EINVALID, "「%s」是文件夹，请选择一个 .xlsx 文件", name)
	}
	defer f.Close()
	return ReadImport(f, name, kind)
}

// ReadImport reads an import workbook (.xlsx) of the given kind; name is the file's name for messages. It
// reads the sheet named like the template, else the first sheet whose header it recognises; the header may
// be below a title. A file that is not an .xlsx workbook (a .csv or .xls renamed, a truncated copy), an
// empty file or one without a recognisable header gives one Chinese error naming the file.
func ReadImport(r io.Reader, name string, kind store.ImportKind) (sheet store.ImportSheet, err error) {
	defer func() {
		// A damaged workbook must never take the program down: excelize has panicked on malformed files before.
		if p := recover(); p != nil {
			sheet, err = store.ImportSheet{}, store.Errorf(store.ECORRUPT, "文件「%s」已损坏，无法读取(%v)；请在 Excel 中打开后重新保存再导入", name, p)
		}
	}()
	if !kind.Valid() {
		return store.ImportSheet{}, store.Errorf(store.EINVALID, "未知的导入类型「%s」", kind)
	}
	data, err := io.ReadAll(io.LimitReader(r, maxImportBytes+1))
	if err != nil {
		return store.ImportSheet{}, store.Errorf(store.ECORRUPT, "读取文件「%s」失败(%v)", name, cause(err))
	}
	if len(data) > maxImportBytes {
		return store.ImportSheet{}, store.Errorf(store.EINVALID, "文件「%s」太大(超过%dMB)，请分成几个文件导入", name, maxImportBytes>>20)
	}
	if err := sniffWorkbook(data, name); err != nil {
		return store.ImportSheet{}, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: 512 << 20, UnzipXMLSizeLimit: 128 << 20})
	if err != nil {
		return store.ImportSheet{}, store.Errorf(store.ECORRUPT, "文件「%s」已损坏或不完整(可能没有复制完)，无法读取；请在 Excel 中打开后重新保存再导入", name)
	}
	defer f.Close()
	x := &xlsxImport{f: f}
	if p, err := f.GetWorkbookProps(); err == nil && p.Date1904 != nil {
		x.date1904 = *p.Date1904
	}
	sheets := f.GetSheetList()
	if i := slices.Index(sheets, templateSheet(kind)); i > 0 {
		sheets = append([]string{sheets[i]}, slices.Delete(slices.Clone(sheets), i, i+1)...)
	}
	var firstErr error
	empty := true
	for _, sh := range sheets {
		if visible, _ := f.GetSheetVisible(sh); sh == listSheet && !visible {
			continue // the template's hidden drop-down lists, whose headers are column labels too
		}
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			return store.ImportSheet{}, store.Errorf(store.ECORRUPT, "文件「%s」的工作表「%s」已损坏，无法读取", name, sh)
		}
		if len(rows) == 0 {
			continue
		}
		internCells(rows)
		empty = false
		x.sheet = sh
		out, err := parseImport(kind, name, sh, rows, x)
		if err == nil {
			return out, nil
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	if empty {
		return store.ImportSheet{}, store.Errorf(store.EINVALID, "文件「%s」是空的，没有任何内容", name)
	}
	return store.ImportSheet{}, firstErr
}

// internCells makes equal cells share one string. excelize gives every cell a string of its own, also for the
// shared strings a column repeats (a category, a unit, 镇级, the same day); the rows' cells and records keep
// them through the whole import: at 50 000 suggestion rows about 10 MB less for the collector to hold and scan.
func internCells(rows [][]string) {
	seen := map[string]string{}
	for _, row := range rows {
		for i, v := range row {
			if s, ok := seen[v]; ok {
				row[i] = s
			} else {
				seen[v] = v
			}
		}
	}
}

// sniffWorkbook tells a clerk what a file is when it is not an .xlsx workbook.
func sniffWorkbook(data []byte, name string) error {
	switch {
	case len(data) == 0:
		return store.Errorf(store.EINVALID, "文件「%s」是空的(0字节)", name)
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return nil
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return store.Errorf(store.EINVALID, "文件「%s」是旧版 Excel(.xls)文件或设置了密码；请在 Excel 中「另存为」Excel 工作簿(.xlsx)并取消密码后再导入", name)
	case looksLikeText(data):
		return store.Errorf(store.EINVALID, "文件「%s」实际上是文本(CSV)文件，不是 Excel 工作簿；请用 Excel 打开后「另存为」Excel 工作簿(.xlsx)再导入", name)
	case bytes.HasPrefix(data, []byte("PK")):
		return store.Errorf(store.ECORRUPT, "文件「%s」已损坏或不完整(可能没有复制完)，无法读取；请在 Excel 中打开后重新保存再导入", name)
	}
	return store.Errorf(store.EINVALID, "文件「%s」不是 Excel 工作簿(.xlsx)，无法导入", name)
}

// looksLikeText reports whether the start of data is text (UTF-8, or GBK as Chinese Excel saves CSV): no
// control characters other than tabs and line ends.
func looksLikeText(data []byte) bool {
	head := data[:min(len(data), 4096)]
	for _, b := range head {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' {
			return false
		}
	}
	return true
}

// xlsxImport gives the parser what only the workbook knows: which numeric cells are dates.
type xlsxImport struct {
	f        *excelize.File
	sheet    string
	date1904 bool
	// numbers is the style of each cell of the sheet that holds a number (numberCells), read on the first
	// question; typed says it was read, ok that it could be (else excelize is asked cell by cell).
	numbers   map[cellKey]int
	typed, ok bool
	dates     map[int]bool // whether a style shows a date, by style id
}

// importCell is one cell as the parser sees it.
type importCell struct {
	text    string  // the value as text (a number as Excel displays it)
	num     float64 // the number, when isNum
	isNum   bool    // a numeric cell
	dateFmt bool    // formatted as a date in Excel
	// date1904: the workbook counts serial dates from 1904 (older Mac Excel), not 1900; 4 years apart.
	date1904 bool
}

// cellAt returns the cell at (col, line) of the sheet; text is its raw value.
func (x *xlsxImport) cellAt(raw string, col, line int) importCell {
	c := importCell{text: raw}
	if x == nil || raw == "" {
		return c
	}
	c.date1904 = x.date1904
	ref, err := excelize.CoordinatesToCellName(col+1, line)
	if err != nil {
		return c
	}
	n, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		return c // a number's raw value always parses: this is text
	}
	if !x.typed {
		x.typed = true
		x.numbers, x.ok = numberCells(x.f, x.sheet)
		x.dates = map[int]bool{}
	}
	if x.ok {
		style, isNum := x.numbers[cellKey{line, col + 1}]
		if !isNum {
			return c
		}
		c.num, c.isNum = n, true
		date, known := x.dates[style]
		if !known {
			if st, err := x.f.GetStyle(style); err == nil {
				date = isDateFormat(st)
			}
			x.dates[style] = date
		}
		c.dateFmt = date
	} else {
		if t, err := x.f.GetCellType(x.sheet, ref); err != nil || (t != excelize.CellTypeNumber && t != excelize.CellTypeUnset && t != excelize.CellTypeDate) {
			return c
		}
		c.num, c.isNum = n, true
		if id, err := x.f.GetCellStyle(x.sheet, ref); err == nil {
			if st, err := x.f.GetStyle(id); err == nil {
				c.dateFmt = isDateFormat(st)
			}
		}
	}
	if !c.dateFmt {
		// Excel shows it by its number format (1968.10 under 0.00, not the raw 1968.1): excelize formats it
		// from the whole worksheet, read now, for the files that have such cells (a roster's birth months).
		if shown, err := x.f.GetCellValue(x.sheet, ref); err == nil && shown != "" {
			c.text = shown
		}
	}
	return c
}

// builtInDateFormats are Excel's built-in number formats that show a date (not a time alone).
var builtInDateFormats = []int{14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58}

var quotedOrBracketed = regexp.MustCompile(`"[^"]*"|\[[^\]]*\]|\\.`)

func isDateFormat(st *excelize.Style) bool {
	if st == nil {
		return false
	}
	if st.CustomNumFmt == nil {
		return slices.Contains(builtInDateFormats, st.NumFmt)
	}
	f := strings.ToLower(quotedOrBracketed.ReplaceAllString(*st.CustomNumFmt, ""))
	return strings.ContainsAny(f, "yd") || strings.Contains(*st.CustomNumFmt, "年") || strings.Contains(*st.CustomNumFmt, "日")
}
