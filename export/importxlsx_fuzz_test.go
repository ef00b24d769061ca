package export

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"rendadesk/store"
)

var yearMonth = regexp.MustCompile(`^\d{4}-\d{2}$`)

// FuzzImportRow feeds a header and two rows (cells separated by tabs) of any kind to the import parser, then
// validates the records it makes. Whatever the cells hold, the parser must not panic, must either refuse the
// whole file with a Chinese message naming it or read every non-blank row below the header, must name each
// problem's row as Excel numbers it, and must only ever produce real dates and birth months. The seed corpus
// is in testdata/fuzz/FuzzImportRow and runs with every `go test`.
func FuzzImportRow(f *testing.F) {
	f.Add(byte(0), "姓名\t出生年月\t联系电话\t代表层级", "张三\t1968.05\t13812345678\t镇级、县级", "李四\t1968.13\t\t乡级")
	f.Add(byte(2), "编号\t标题\t收到日期\t类别\t涉及层面", "2024-001\t关于路灯的建议\t2024年2月30日\t城乡建设\t村级层面", "")
	f.Fuzz(func(t *testing.T, k byte, header, row1, row2 string) {
		kind := store.ImportKinds[int(k)%len(store.ImportKinds)]
		split := func(s string) []string { return strings.Split(s, "\t") }
		rows := [][]string{split(header), split(row1), split(row2)}
		sheet, err := parseImportRows(kind, "模糊.xlsx", rows)
		if err != nil {
			if !strings.Contains(err.Error(), "模糊.xlsx") || store.ErrorCode(err) == "" {
				t.Fatalf("refusal %q does not name the file or is not a store error", err)
			}
			return
		}
		if sheet.HeaderLine < 1 || sheet.HeaderLine > len(rows) || len(sheet.Rows) == 0 {
			t.Fatalf("header at %d, %d rows", sheet.HeaderLine, len(sheet.Rows))
		}
		for _, r := range sheet.Rows {
			if r.Line <= sheet.HeaderLine || r.Line > len(rows) {
				t.Fatalf("row line %d with the header at %d", r.Line, sheet.HeaderLine)
			}
			for _, p := range r.Problems {
				if !strings.HasPrefix(p.Message, "第"+strconv.Itoa(r.Line)+"行") || !utf8.ValidString(p.Field) {
					t.Fatalf("problem %q of line %d", p.Message, r.Line)
				}
			}
			var dates []store.Date
			switch kind {
			case store.ImportDeputies:
				d := r.Deputy
				if d == nil {
					t.Fatal("no deputy")
				}
				if d.Birth != "" && !yearMonth.MatchString(d.Birth) {
					t.Fatalf("birth %q", d.Birth)
				}
				dates = append(dates, d.VacancyDate)
				_ = d.Validate()
			case store.ImportStations:
				s := r.Station
				if s == nil {
					t.Fatal("no station")
				}
				dates = append(dates, s.Opened)
				_ = s.Validate()
			case store.ImportSuggestions:
				s := r.Suggestion
				if s == nil {
					t.Fatal("no suggestion")
				}
				dates = append(dates, s.Received, s.Assigned, s.Deadline)
				_ = s.Validate()
			}
			for _, d := range dates {
				if !d.Valid() || (d != "" && (d.Year() < 1900 || d.Year() > 2200)) {
					t.Fatalf("date %q", d)
				}
			}
			for label := range r.Given {
				if label == "" {
					t.Fatal("an empty label given")
				}
			}
		}
	})
}

// FuzzImportFile feeds bytes to the workbook reader: a real small workbook and what the fuzzer makes of it.
// Whatever the bytes, reading must end in a sheet or in one Chinese error naming the file, never a panic.
func FuzzImportFile(f *testing.F) {
	for _, rows := range [][][]any{
		{{"代表名册"}, {"姓名", "出生年月", "代表层级"}, {"张三", 1968.05, "镇级"}, {"李四", "1970年1月", "乡级"}},
		{{"标题", "收到日期"}, {"关于路灯的建议", 45356}},
	} {
		x := excelize.NewFile()
		for i, r := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			x.SetSheetRow("Sheet1", cell, &r)
		}
		var b bytes.Buffer
		if err := x.Write(&b); err != nil {
			f.Fatal(err)
		}
		x.Close()
		f.Add(b.Bytes())
	}
	f.Add([]byte("姓名,性别\n张三,男\n"))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, k := range store.ImportKinds {
			sheet, err := ReadImport(bytes.NewReader(data), "模糊.xlsx", k)
			if err != nil {
				if !strings.Contains(err.Error(), "模糊.xlsx") || store.ErrorCode(err) == "" {
					t.Fatalf("refusal %q does not name the file or is not a store error", err)
				}
				continue
			}
			if len(sheet.Rows) == 0 || sheet.HeaderLine < 1 {
				t.Fatalf("a sheet of %d rows, header at %d", len(sheet.Rows), sheet.HeaderLine)
			}
		}
	})
}
