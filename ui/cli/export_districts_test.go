package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rendadesk/store"
)

// `export districts` writes the register; `import districts` reads the same file back as updates (--dry-run
// writes nothing), and a usage mistake is told as one.
func TestExportImportDistricts(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	d, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range []store.District{{Number: 1, Name: "东片区", Seats: 2}, {Number: 2, Villages: "河西村", Seats: 1}} {
		if err := d.SaveDistrict(context.Background(), &x); err != nil {
			t.Fatal(err)
		}
	}
	d.Close()
	file := filepath.Join(dir, "选区名册.xlsx")
	code, out, errOut := run("export", "--db", db, "districts", "--out", file)
	if code != ExitOK || !strings.Contains(out, "已导出 2 个选区到") {
		t.Fatalf("export districts: %d %q %q", code, out, errOut)
	}
	if _, err := os.Stat(file); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = run("import", "--db", db, "districts", file, "--dry-run", "--duplicates", "update")
	if code != ExitOK || !strings.Contains(out, "选区 2 行") || !strings.Contains(out, "更新 2") {
		t.Fatalf("import districts --dry-run: %d %q %q", code, out, errOut)
	}
	for _, args := range [][]string{
		{"export", "--db", db, "districts"},
		{"export", "--db", db, "districts", "--out", filepath.Join(dir, "x.pdf")},
		{"export", "--db", db, "districts", "voters", "--out", file},
	} {
		if code, _, _ := run(args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}
