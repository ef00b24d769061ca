package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestExportYear(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	if code, _, errOut := run("demo", "--db", db, "--seed", "1", "--today", "2024-11-30"); code != ExitOK {
		t.Fatalf("demo: %s", errOut)
	}
	out := filepath.Join(dir, "out")
	code, stdout, errOut := run("export", "--db", db, "--year", "2024", "--today", "2024-11-30", "--format", "all", "--out", out)
	if code != ExitOK {
		t.Fatalf("export exit %d: %s", code, errOut)
	}
	// The year is not over on 30 November: its files say so, and do not take the year's own names.
	xlsx := filepath.Join(out, "青山镇人大主席团2024年度工作统计(截至11月30日).xlsx")
	txt := filepath.Join(out, "青山镇人大主席团2024年度工作报告文字稿(截至11月30日).txt")
	if !strings.Contains(stdout, xlsx) || !strings.Contains(stdout, txt) {
		t.Fatalf("output %q", stdout)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if len(f.GetSheetList()) < 5 {
		t.Fatalf("sheets %v", f.GetSheetList())
	}
	b, err := os.ReadFile(txt)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	if !strings.HasPrefix(text, "\ufeff") || !strings.Contains(text, "\r\n") || !strings.Contains(text, "解决率为") || strings.Contains(text, "—") {
		t.Fatalf("report text: %q", text[:min(len(text), 300)])
	}
	// The session 解决率 in the text is the one in the workbook's T1 (same figures, same rounding).
	i := strings.Index(text, "解决率为")
	pct := text[i+len("解决率为") : i+len("解决率为")+strings.Index(text[i+len("解决率为"):], "%")+1]
	found := false
	for _, sh := range f.GetSheetList() {
		rows, _ := f.GetRows(sh)
		for _, r := range rows {
			for _, c := range r {
				if c == pct {
					found = true
				}
			}
		}
	}
	if !found {
		t.Fatalf("the text's 解决率 %s is nowhere in the workbook", pct)
	}
	// … and in the PDF.
	pdf := filepath.Join(out, "青山镇人大主席团2024年度工作统计(截至11月30日).pdf")
	if !strings.Contains(stdout, pdf) {
		t.Fatalf("output %q", stdout)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		b, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), pct) || !strings.Contains(string(b), "第 1 页 共") {
			t.Fatalf("the PDF lacks %s or its page numbers", pct)
		}
	}
	for _, args := range [][]string{
		{"export", "--db", db, "--format", "xlsx", "--out", out},
		{"export", "--db", db, "--year", "2024", "--format", "docx", "--out", out},
		{"export", "--db", db, "--year", "2024"},
		{"export", "--db", db, "--year", "2024", "--from", "2023-05-01", "--out", out},
		{"export", "--db", db, "--year", "2024", "--as-of", "2023-12-31", "--out", out},
		{"export", "--db", db, "--year", "2024", "--today", "2024-11-30", "--as-of", "2024-12-31", "--out", out},
	} {
		if code, _, _ := run(args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

// The --out folder is made as `mkdir -p` would; one that cannot be made is named in the message.
func TestExportMakesOutFolder(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	if code, _, errOut := run("demo", "--db", db, "--seed", "1", "--today", "2024-11-30"); code != ExitOK {
		t.Fatalf("demo: %s", errOut)
	}
	out := filepath.Join(dir, "新文件夹", "报表")
	if code, _, errOut := run("export", "--db", db, "--year", "2024", "--format", "txt", "--out", out); code != ExitOK {
		t.Fatalf("export into a new folder: %s", errOut)
	}
	if es, err := os.ReadDir(out); err != nil || len(es) != 1 || !strings.HasSuffix(es[0].Name(), ".txt") {
		t.Fatalf("the new folder holds %v (%v), want the one report text", es, err)
	}
	if os.Geteuid() == 0 {
		t.Skip("running as root, which writes into a read-only folder anyway")
	}
	parent := filepath.Join(dir, "只读文件夹")
	if err := os.Mkdir(parent, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(parent, 0o700) })
	code, _, errOut := run("export", "--db", db, "--year", "2024", "--format", "txt", "--out", filepath.Join(parent, "新文件夹"))
	if code != ExitError || !strings.Contains(errOut, "无法创建输出文件夹 "+filepath.Join(parent, "新文件夹")) {
		t.Fatalf("exit %d, %q: want 无法创建输出文件夹", code, errOut)
	}
	if es, _ := os.ReadDir(parent); len(es) != 0 {
		t.Errorf("left behind: %v", es)
	}
}
