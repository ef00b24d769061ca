package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// `print assessment-pack --year Y` on the demo: one PDF with the contents and every section; a year not begun
// refused with a message.
func TestPrintAssessmentPack(t *testing.T) {
	db, dir := printDemo(t)
	t.Run("OK", func(t *testing.T) {
		out := filepath.Join(dir, "考评材料.pdf")
		code, stdout, errOut := run("print", "--db", db, "assessment-pack", "--year", "2024", "--today", "2024-11-30", "--out", out)
		if code != ExitOK || !strings.Contains(stdout, "已生成年度工作考评材料") {
			t.Fatalf("exit %d, %q %q", code, stdout, errOut)
		}
		text := readPDF(t, out)
		for _, want := range []string{"青山镇人大主席团2024年度工作考评材料", "（统计截至2024年11月30日）", "一、工作规则执行情况第",
			"六、代表履职积分排名第", "二、年度工作计划执行情况", "三、会议和活动一览", "四、代表建议办理情况", "五、家站点「六个有」建设情况",
			"主席团会议（每季度至少1次）：计入6次"} {
			if !strings.Contains(text, want) {
				t.Errorf("the PDF lacks 「%s」", want)
			}
		}
	})
	t.Run("ErrYearNotBegun", func(t *testing.T) {
		code, _, errOut := run("print", "--db", db, "assessment-pack", "--year", "2030", "--today", "2024-11-30", "--out", filepath.Join(dir, "x.pdf"))
		if code == ExitOK || !strings.Contains(errOut, "2030年还没有开始") {
			t.Fatalf("exit %d, %q", code, errOut)
		}
	})
}
