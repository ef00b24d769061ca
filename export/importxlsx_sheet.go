package export

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"rendadesk/store"
)

// Finding the header of an import sheet — in the first rows, under any name of a column, with (必填) and *
// markers and full-width characters folded away — and reading the rows below it.

// parseImportRows reads rows of text (the first a header or a title above it) as an import sheet of the
// given kind: what ReadImport does once the workbook is open, without its knowledge of numeric cells. The
// fuzz test feeds it.
func parseImportRows(kind store.ImportKind, name string, rows [][]string) (store.ImportSheet, error) {
	if !kind.Valid() {
		return store.ImportSheet{}, store.Errorf(store.EINVALID, "未知的导入类型「%s」", kind)
	}
	return parseImport(kind, name, "Sheet1", rows, nil)
}

// headerScan is how many rows from the top may hold the header (a title, notes, a blank row above it).
const headerScan = 30

// parseImport finds the header in rows and reads every row below it.
func parseImport(kind store.ImportKind, name, sheet string, rows [][]string, x *xlsxImport) (store.ImportSheet, error) {
	cols := importColumns(kind)
	best, bestLine := map[string][]int(nil), -1
	var bestIgnored []string
	for i := 0; i < min(len(rows), headerScan); i++ {
		m, ignored := matchHeader(kind, rows[i])
		if len(m) > len(best) && (len(m) >= 2 || m[keyColumn(kind)] != nil) {
			best, bestLine, bestIgnored = m, i, ignored
		}
	}
	if bestLine < 0 {
		return store.ImportSheet{}, store.Errorf(store.EINVALID,
			"文件「%s」的工作表「%s」中找不到表头：前%d行里没有「%s」等栏目名称；请对照模板(可在导入窗口「下载模板」)修改表头",
			name, sheet, headerScan, strings.Join(templateHeaders(kind, 4), "」「"))
	}
	if best[keyColumn(kind)] == nil {
		return store.ImportSheet{}, store.Errorf(store.EINVALID, "文件「%s」的表头(第%d行)中没有「%s」栏，无法导入%s", name, bestLine+1, keyColumn(kind), kind.Label())
	}
	out := store.ImportSheet{Kind: kind, File: name, Sheet: sheet, HeaderLine: bestLine + 1, Ignored: bestIgnored,
		Header: slices.Clone(rows[bestLine])}
	for _, c := range cols {
		if best[c.label] != nil {
			out.Columns = append(out.Columns, c.label)
		}
	}
	slices.SortStableFunc(out.Columns, func(a, b string) int { return best[a][0] - best[b][0] })
	for i := bestLine + 1; i < len(rows); i++ {
		line := i + 1
		cells := rows[i]
		filled := 0
		first := ""
		for _, v := range cells {
			if trimCell(v) != "" {
				filled++
				if first == "" {
					first = trimCell(v)
				}
			}
		}
		if filled == 0 {
			continue
		}
		key := importCellText(cells, best[keyColumn(kind)])
		if key == "" && filled == 1 {
			out.Notes = append(out.Notes, fmt.Sprintf("第%d行只有一格有内容(「%s」)，不是%s，已跳过", line, clipImport(first, 20), kind.Label()))
			continue
		}
		if strings.HasSuffix(fullWidthParens.Replace(key), "(示例)") {
			out.Notes = append(out.Notes, fmt.Sprintf("第%d行是模板中的示例，已跳过", line))
			continue
		}
		out.Rows = append(out.Rows, parseRow(kind, cols, best, cells, line, x))
	}
	if len(out.Rows) == 0 {
		return out, store.Errorf(store.EINVALID, "文件「%s」的表头(第%d行)下面没有%s数据", name, bestLine+1, kind.Label())
	}
	return out, nil
}

func clipImport(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// templateHeaders returns the first n headers of a kind's template.
func templateHeaders(kind store.ImportKind, n int) []string {
	var out []string
	for _, c := range importColumns(kind) {
		if c.template && len(out) < n {
			out = append(out, c.label)
		}
	}
	return out
}

// silentHeaders are headers that carry nothing to import and are not worth a note: row numbers, and the
// reason column of the workbook of rows an import left out (WriteSkippedRows), imported again once corrected.
var silentHeaders = []string{"序号", "编号", "no", "no.", "#", normHeader(SkippedReasonHeader),
	districtHoldersHeader, districtVacantHeader} // the 选区 register as DistrictsXLSX writes it

// matchHeader maps the cells of a candidate header row to columns: label → cell indexes (several when a
// file has, say, both 手机 and 办公电话). Unrecognised non-empty cells are returned as ignored.
func matchHeader(kind store.ImportKind, row []string) (map[string][]int, []string) {
	m := map[string][]int{}
	var ignored []string
	for i, cell := range row {
		h := normHeader(cell)
		if h == "" {
			continue
		}
		c, ok := findColumn(kind, h)
		if !ok {
			if !slices.Contains(silentHeaders, h) && len(ignored) < 50 {
				ignored = append(ignored, clipImport(trimCell(cell), 20))
			}
			continue
		}
		m[c.label] = append(m[c.label], i)
	}
	return m, ignored
}

// headerIndex maps every normalised header (label and aliases) of each kind to its column.
var headerIndex = func() map[store.ImportKind]map[string]importColumn {
	out := map[store.ImportKind]map[string]importColumn{}
	for _, k := range store.ImportKinds {
		out[k] = map[string]importColumn{}
		for _, c := range importColumns(k) {
			for _, h := range append([]string{c.label}, c.aliases...) {
				if _, dup := out[k][normHeader(h)]; !dup {
					out[k][normHeader(h)] = c
				}
			}
		}
	}
	return out
}()

// findColumn finds the column a normalised header names: by label or alias, then without a bracketed note
// (出生年月(年.月) → 出生年月).
func findColumn(kind store.ImportKind, h string) (importColumn, bool) {
	if c, ok := headerIndex[kind][h]; ok {
		return c, true
	}
	if short := bracketed.ReplaceAllString(h, ""); short != "" && short != h {
		c, ok := headerIndex[kind][short]
		return c, ok
	}
	return importColumn{}, false
}

var (
	bracketed      = regexp.MustCompile(`\([^)]*\)|【[^】]*】|\[[^\]]*\]`)
	requiredMarker = regexp.MustCompile(`\((必填|选填|必须填写|可选|必填项)\)|【(必填|选填)】|必填|选填|[*＊※]`)
)

// normHeader reduces a header to what identifies it: no spaces or line breaks, half-width brackets, without
// (必填) or * markers and a trailing colon, lower case.
func normHeader(s string) string {
	s = foldFullWidth(s)
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			return -1
		}
		return r
	}, s)
	s = requiredMarker.ReplaceAllString(s, "")
	s = strings.TrimRight(s, ":：")
	return strings.ToLower(s)
}

// foldFullWidth turns full-width ASCII (２０２４，（）) into half-width and the ideographic space into a space.
func foldFullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			return r - 0xFEE0
		case r == 0x3000:
			return ' '
		}
		return r
	}, s)
}

// trimCell trims spaces of every kind (the ideographic space, no-break space, zero-width marks) from both ends.
func trimCell(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u00a0'
	})
}

// importCellText returns the first non-empty of a row's cells at idx, cleaned.
func importCellText(cells []string, idx []int) string {
	for _, i := range idx {
		if i < len(cells) {
			if v := trimCell(cells[i]); v != "" {
				return v
			}
		}
	}
	return ""
}

// fullWidthParens folds full-width parentheses to ASCII ones.
var fullWidthParens = strings.NewReplacer("（", "(", "）", ")")
