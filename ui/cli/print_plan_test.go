package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// `print compliance --year Y` on the demo: the table as of --today with the demo's gaps, and a year not begun
// refused with a message.
func TestPrintCompliance(t *testing.T) {
	db, dir := printDemo(t)
	t.Run("OK", func(t *testing.T) {
		out := filepath.Join(dir, "执行情况.pdf")
		code, stdout, errOut := run("print", "--db", db, "compliance", "--year", "2024", "--today", "2024-11-30", "--out", out)
		if code != ExitOK || !strings.Contains(stdout, "已生成工作规则执行情况") {
			t.Fatalf("exit %d, %q %q", code, stdout, errOut)
		}
		text := readPDF(t, out)
		for _, want := range []string{"青山镇人大主席团2024年度工作规则执行情况", "（统计截至2024年11月30日）",
			"2主席团会议每季度至少1次4400", "7家站点公示每月10日前12101110月", "主席团会议（每季度至少1次）：计入6次"} {
			if !strings.Contains(text, want) {
				t.Errorf("the PDF lacks 「%s」:\n%s", want, text)
			}
		}
	})
	t.Run("ErrYearNotBegun", func(t *testing.T) {
		code, _, errOut := run("print", "--db", db, "compliance", "--year", "2030", "--today", "2024-11-30", "--out", filepath.Join(dir, "x.pdf"))
		if code == ExitOK || !strings.Contains(errOut, "2030年还没有开始") {
			t.Fatalf("exit %d, %q", code, errOut)
		}
	})
}
