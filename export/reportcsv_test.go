package export

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The CSV files: one a table, named by the report and the table, UTF-8 with a BOM; the rows as the sheet
// has them, rates as printed; a title a spreadsheet would run as a formula kept as text; an empty table
// is its header.
func TestReportCSV(t *testing.T) {
	db, st := workbookData(t)
	r := yearReport(t, db, st, 2024)
	dir := t.TempDir()
	paths, err := WriteCSV(dir, r)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != len(reportTables) {
		t.Fatalf("%d files, want %d", len(paths), len(reportTables))
	}
	read := func(name string) [][]string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, "青山镇人大主席团2024年度工作统计-"+name+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte("\ufeff")) || !bytes.Contains(b, []byte("\r\n")) {
			t.Fatalf("%s: no BOM or CRLF", name)
		}
		recs, err := csv.NewReader(bytes.NewReader(b[3:])).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return recs
	}
	t2 := read("表2 会期建议分类及办理结果")
	if got := strings.Join(t2[len(t2)-1], ","); got != "合计,23,100.0%,13,0,6,4,0,56.5%,26.1%,17.4%" {
		t.Errorf("T2 合计 %s", got)
	}
	t4 := read("表4 办理情况一览表")
	found := false
	for _, rec := range t4 {
		found = found || rec[4] == "'"+formulaTitle
	}
	if !found || len(t4) != 25 {
		t.Errorf("T4: %d records, the formula-like title kept as text: %v", len(t4), found)
	}
	if t10 := read("表10 述职评议"); len(t10) != 1 || t10[0][1] != "代表姓名" {
		t.Errorf("the empty 述职评议: %v", t10)
	}
	for _, p := range paths {
		if filepath.Dir(p) != dir || !strings.HasSuffix(p, ".csv") {
			t.Errorf("path %s", p)
		}
	}
	checkNoTempFiles(t, paths[0])
}
