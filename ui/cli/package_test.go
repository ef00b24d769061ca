package cli

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"rendadesk/store"
)

// TestPackageMergeExport is issue 19's path through the command line: a township's package and its workbook,
// the package merged into a new county database (twice: no change), the county's workbook read back, and a
// changed byte refused.
func TestPackageMergeExport(t *testing.T) {
	dir := t.TempDir()
	town := filepath.Join(dir, "town.db")
	mustRun(t, "demo", "--db", town, "--today", "2026-01-20")
	out := mustRun(t, "package", "--db", town, "--year", "2025", "--today", "2026-01-20", "--out", dir+string(os.PathSeparator))
	pkg := filepath.Join(dir, "青山镇人大主席团_2025年报送包.rdpkg")
	for _, want := range []string{"已生成报送包: " + pkg, "建议", "已记入报送存档", "工作统计.xlsx"} {
		if !strings.Contains(out, want) {
			t.Errorf("package output lacks %q:\n%s", want, out)
		}
	}
	// The workbook beside the package is the township's own, cell for cell.
	own := filepath.Join(dir, "own")
	mustRun(t, "export", "--db", town, "--year", "2025", "--today", "2026-01-20", "--format", "xlsx", "--out", own)
	a, b := sheetCells(t, filepath.Join(dir, "青山镇人大主席团2025年度工作统计.xlsx")), sheetCells(t, filepath.Join(own, "青山镇人大主席团2025年度工作统计.xlsx"))
	for sheet, rows := range b {
		if strings.Contains(sheet, "名册") { // the roster prints phone numbers, which stay home
			continue
		}
		if strings.Join(rows, "\n") != strings.Join(a[sheet], "\n") {
			t.Errorf("sheet %s differs between the package's workbook and the township's export", sheet)
		}
	}

	county := filepath.Join(dir, "county.db")
	out = mustRun(t, "merge", "--db", county, "--name", "青川县人大常委会", pkg)
	if !strings.Contains(out, "已新建县级汇总数据库") || !strings.Contains(out, "青山镇 2025年：新报送") {
		t.Errorf("merge:\n%s", out)
	}
	if out := mustRun(t, "merge", "--db", county, dir); !strings.Contains(out, "无变化（这个报送包已导入过）") {
		t.Errorf("merge again:\n%s", out)
	}
	mustRun(t, "export", "--db", county, "--year", "2025", "--today", "2026-01-20", "--format", "xlsx", "--out", dir)
	cells := sheetCells(t, filepath.Join(dir, "青川县人大常委会2025年度各乡镇人大工作汇总.xlsx"))
	db, err := store.OpenReadOnly(town)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := db.LoadReport(context.Background(), "2025-01-01", "2025-12-31", "2025-12-31")
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	compare := strings.Join(cells["表1 各乡镇主要数据对比"], "\n")
	wantRow := "青山镇\t2025年12月31日\t" + strconv.Itoa(rep.Figures.All.Received)
	if !strings.Contains(compare, wantRow) || !strings.Contains(compare, "合计\t\t"+strconv.Itoa(rep.Figures.All.Received)) {
		t.Errorf("表1 lacks %q:\n%s", wantRow, compare)
	}

	// A changed byte: refused, named, nothing merged.
	raw, err := os.ReadFile(pkg)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.LastIndex(string(raw), `"Received":`)
	raw[i+len(`"Received":`)] ^= 1
	bad := filepath.Join(dir, "bad.rdpkg")
	if err := os.WriteFile(bad, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := run("merge", "--db", county, bad)
	if code != ExitError || !strings.Contains(out, "未导入 bad.rdpkg：报送包 bad.rdpkg 的内容与校验值不符") {
		t.Errorf("tampered package: exit %d\n%s", code, out)
	}
}

// sheetCells reads every sheet of a workbook as tab-joined rows.
func sheetCells(t *testing.T, path string) map[string][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][]string{}
	for _, s := range f.GetSheetList() {
		rows, err := f.GetRows(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows[min(2, len(rows)):] { // the header block names the date made
			out[s] = append(out[s], strings.Join(r, "\t"))
		}
	}
	return out
}

// mustRun runs a command that must succeed and returns its output.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := run(args...)
	if code != ExitOK {
		t.Fatalf("%s: exit %d: %s", args[0], code, errOut)
	}
	return out
}
