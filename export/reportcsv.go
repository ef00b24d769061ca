package export

import (
	"bytes"
	"encoding/csv"
	"io"
	"path/filepath"
	"strings"
)

// CSVFileName is the file one table of the report is saved as for a county that collects CSV: the report's
// name and the table's, 「××镇人大主席团2025年度工作统计-表4 办理情况一览表.csv」 (named by its period as
// ReportFileName names the workbook).
func CSVFileName(r Report, t rtable) string {
	return FileName(officeName(r.Settings), reportTitle(r.Figures)+"-"+t.sheet(), ".csv")
}

// WriteCSV writes every table of the report as a CSV file of its own into dir (the workbook's tables, in its
// order and with its numbers) and returns the paths. Each file is UTF-8 with a byte-order mark (Excel on a
// Chinese Windows reads a file without one as GBK), the header row first, then the rows as the sheet has
// them: counts as digits, rates as printed (Rate.Percent: 「56.5%」, 「—」 when the denominator is 0). The
// period is in the file name; the header block and the notes of the sheet are not repeated in the file.
// Each file is written aside and renamed into place.
func WriteCSV(dir string, r Report) ([]string, error) {
	var paths []string
	for _, t := range r.tables() {
		path := filepath.Join(dir, CSVFileName(r, t))
		if err := writeAtomically(path, func(f io.Writer) error {
			_, err := f.Write(tableCSV(t, r.Figures.Precision))
			return err
		}); err != nil {
			return paths, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}

// tableCSV is one table as CSV bytes, with the BOM.
func tableCSV(t rtable, precision int) []byte {
	var b bytes.Buffer
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	w.UseCRLF = true // what Excel writes, and what a county's Windows tools expect
	w.Write(t.headers)
	for _, row := range t.rows {
		if row.span && len(t.rows) == 1 && row.cells[0] == t.empty {
			continue // 「本期没有…」 is for the eye; the file of an empty table is its header
		}
		rec := make([]string, len(t.headers))
		for i := range rec {
			if i < len(row.cells) {
				rec[i] = csvCell(row.cells[i], precision)
			}
		}
		w.Write(rec)
	}
	w.Flush()
	return b.Bytes()
}

// csvCell is a cell as the CSV holds it: the printed text; a text that a spreadsheet would run as a formula
// (=, +, -, @ first: a title 「=1+2 修路」) gets a leading apostrophe, as Excel itself shows such text.
func csvCell(v any, precision int) string {
	s := cellText(v, precision)
	if _, text := v.(string); text && s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}
