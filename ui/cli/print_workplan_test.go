package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// `print work-plan --year Y` on the demo: the 工作要点 with the kinds numbered and the rules' items merged, the
// demo's cancelled 督查 left out; a year without a plan refused with what to do.
func TestPrintWorkPlan(t *testing.T) {
	db, dir := printDemo(t)
	t.Run("OK", func(t *testing.T) {
		out := filepath.Join(dir, "要点.pdf")
		code, stdout, errOut := run("print", "--db", db, "work-plan", "--year", "2024", "--today", "2024-01-10", "--out", out)
		if code != ExitOK || !strings.Contains(stdout, "已生成年度工作要点") {
			t.Fatalf("exit %d, %q %q", code, stdout, errOut)
		}
		text := readPDF(t, out)
		for _, want := range []string{"青山镇人大主席团2024年工作要点", "一、会议", "主席团会议（每季度）。责任人：人大主席。",
			"二、代表活动", "三、监督", "六、其他1．编印代表履职手册（第二季度）", "家站点公示（每月）", "2024年1月10日", "第1页共"} {
			if !strings.Contains(text, want) {
				t.Errorf("the PDF lacks 「%s」:\n%s", want, text)
			}
		}
		if strings.Contains(text, "专项督查") {
			t.Error("the item cancelled in August is printed")
		}
	})
	t.Run("ErrNoPlan", func(t *testing.T) {
		code, _, errOut := run("print", "--db", db, "work-plan", "--year", "2030", "--today", "2024-11-30", "--out", filepath.Join(dir, "x.pdf"))
		if code == ExitOK || !strings.Contains(errOut, "2030年度还没有工作计划") {
			t.Fatalf("exit %d, %q", code, errOut)
		}
	})
}
