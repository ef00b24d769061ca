package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// printDemo makes a demo database as of 2024-11-30 for the print tests.
func printDemo(t *testing.T) (db, dir string) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "t.db")
	if code, _, errOut := run("demo", "--db", db, "--seed", "1", "--today", "2024-11-30"); code != ExitOK {
		t.Fatalf("demo: %d %s", code, errOut)
	}
	return db, dir
}

// readPDF returns the text of a PDF with spaces removed, or skips when poppler-utils is missing.
func readPDF(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (apt-get install poppler-utils)")
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}

func TestPrintDocuments(t *testing.T) {
	db, dir := printDemo(t)
	for _, c := range []struct {
		args  []string
		wants []string
	}{
		// KIND after the flags, as in SPEC §8, and before them.
		{[]string{"print", "--db", db, "assign-list", "--year", "2024"}, []string{"承办代表建议交办清单", "（2024年度）", "第1页共"}},
		{[]string{"print", "assign-list", "--db", db, "--year", "2024", "--unit", "镇党政办"}, []string{"镇党政办承办代表建议交办清单", "第1页共"}},
		{[]string{"print", "--db", db, "assign-form", "--id", "2024-012"}, []string{"青山镇人大主席团选民意见建议交办单", "2024-012", "第1页共1页", "选民姓名黄群琳", "来源联络站凤凰村代表联络站"}},
		{[]string{"print", "--db", db, "assign-form", "--id", "1"}, []string{"交办单", "2022-001"}},
		{[]string{"print", "--db", db, "overdue-notice", "--today", "2024-11-30"}, []string{"关于督促办理逾期", "截至2024年11月30日", "2024年12月7日前书面答复代表", "2024年12月7日前答复选民并反馈青山镇人大主席团"}},
		// 2024-003 is a voter's opinion raised at a station: its forms are the voter's.
		{[]string{"print", "--db", db, "satisfaction-form", "--id", "2024-003"}, []string{"选民意见建议办理情况征询意见表", "2024-003", "☐满意", "选民签名"}},
		{[]string{"print", "--db", db, "item-history", "--id", "2024-003"}, []string{"选民意见建议办理过程单", "2024-003", "办理过程", "登记", "交办", "来源联络站"}},
	} {
		out := filepath.Join(dir, c.args[3]+".pdf")
		if c.args[1] != "--db" {
			out = filepath.Join(dir, c.args[1]+"-unit.pdf")
		}
		code, stdout, errOut := run(append(c.args, "--out", out)...)
		if code != ExitOK || !strings.Contains(stdout, "已生成") {
			t.Errorf("%v: exit %d, %q %q", c.args, code, stdout, errOut)
			continue
		}
		text := readPDF(t, out)
		for _, w := range c.wants {
			if !strings.Contains(text, w) {
				t.Errorf("%v: the PDF lacks %q", c.args, w)
			}
		}
	}
}

func TestPrintErrors(t *testing.T) {
	db, dir := printDemo(t)
	out := filepath.Join(dir, "x.pdf")
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"print", "--db", db, "--out", out}, ExitUsage, "缺少要打印的文件种类"},
		{[]string{"print", "--db", db, "frobnicate", "--out", out}, ExitUsage, "assign-list(交办清单)"},
		{[]string{"print", "--db", db, "frobnicate", "--out", out}, ExitUsage, "不认识的文件种类「frobnicate」"},
		{[]string{"print", "--db", db, "assign-form", "--out", out}, ExitUsage, "需要 --id"},
		{[]string{"print", "--db", db, "satisfaction-form", "--out", out}, ExitUsage, "需要 --id"},
		{[]string{"print", "--db", db, "assign-list", "--out", out}, ExitUsage, "需要 --year"},
		{[]string{"print", "--db", db, "assign-form", "--id", "1"}, ExitUsage, "缺少 --out"},
		{[]string{"print", "--db", db, "assign-form", "--id", "1", "--year", "2024", "--out", out}, ExitUsage, "不用 --year"},
		{[]string{"print", "--db", db, "assign-list", "--year", "24", "--out", out}, ExitUsage, "不是合理的年份"},
		{[]string{"print", "--db", db, "overdue-notice", "--today", "2024-13-01", "--out", out}, ExitUsage, "--today"},
		{[]string{"print", "--db", db, "assign-form", "--id", "1", "extra", "--out", out}, ExitUsage, "多余的参数"},
		{[]string{"print", "--db", db, "assign-form", "--id", "99999", "--out", out}, ExitError, "(error: not found)"},
		{[]string{"print", "--db", db, "item-history", "--id", "2031-001", "--out", out}, ExitError, "没有编号为「2031-001」的建议"},
		{[]string{"print", "--db", db, "assign-list", "--year", "2030", "--out", out}, ExitError, "2030年没有已交办的建议"},
		{[]string{"print", "--db", db, "assign-list", "--year", "2024", "--unit", "不存在的单位", "--out", out}, ExitError, "没有名为「不存在的单位」的承办单位"},
		{[]string{"print", "--db", db, "overdue-notice", "--today", "2022-01-01", "--out", out}, ExitError, "没有逾期未答复的建议"},
		{[]string{"print", "--db", filepath.Join(dir, "none.db"), "assign-form", "--id", "1", "--out", out}, ExitError, "找不到数据库文件"},
		{[]string{"print", "--db", db, "assign-form", "--id", "1", "--out", filepath.Join(dir, "没有", "x.pdf")}, ExitError, "无法在文件夹"},
	} {
		code, _, errOut := run(c.args...)
		if code != c.code || !strings.Contains(errOut, c.msg) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, want %d with %q; stderr %q", c.args[1:], code, c.code, c.msg, errOut)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("a failed print left %s", out)
	}
	// An item not yet replied to has no satisfaction form.
	code, _, errOut := run("print", "--db", db, "satisfaction-form", "--id", "2024-247", "--out", out)
	if code != ExitError || !strings.Contains(errOut, "还没有答复") {
		t.Errorf("satisfaction form of an item without a reply: exit %d, %q", code, errOut)
	}
}

func TestPrintInUsage(t *testing.T) {
	code, out, _ := run("help")
	if code != ExitOK || !strings.Contains(out, "rendadesk print --db PATH KIND") {
		t.Errorf("help does not show print: %q", out)
	}
}
