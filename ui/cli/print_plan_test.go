package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"rendadesk/store"
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

// `print duty-scores --year Y`: the rules first, then the ranking, its first place the store's.
func TestPrintDutyScores(t *testing.T) {
	db, dir := printDemo(t)
	out := filepath.Join(dir, "积分.pdf")
	code, stdout, errOut := run("print", "--db", db, "duty-scores", "--year", "2024", "--today", "2024-11-30", "--out", out)
	if code != ExitOK || !strings.Contains(stdout, "已生成代表履职积分排名") {
		t.Fatalf("exit %d, %q %q", code, stdout, errOut)
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	scores, _, err := s.DutyScores(context.Background(), 2024)
	s.Close()
	if err != nil || len(scores) == 0 {
		t.Fatalf("scores %v %v", scores, err)
	}
	text := readPDF(t, out)
	first := scores[0]
	for _, want := range []string{"青山镇人大主席团2024年度代表履职积分排名", "一、积分规则", "出席会议和活动每次+2", "缺席每次-2",
		"二、积分排名", "1" + first.Record.Deputy.Name, fmt.Sprint(first.Total)} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks 「%s」:\n%s", want, text)
		}
	}
	if strings.Index(text, "一、积分规则") > strings.Index(text, "二、积分排名") {
		t.Error("the rules are not printed before the ranking")
	}
}

// `print training --year Y`: each training with its 专题, 授课人 and hours, then each deputy's hours, and the new
// deputies who had no training before the term's first session.
func TestPrintTraining(t *testing.T) {
	db, dir := printDemo(t)
	out := filepath.Join(dir, "培训.pdf")
	code, stdout, errOut := run("print", "--db", db, "training", "--year", "2024", "--today", "2024-11-30", "--out", out)
	if code != ExitOK || !strings.Contains(stdout, "已生成培训学习情况表") {
		t.Fatalf("exit %d, %q %q", code, stdout, errOut)
	}
	text := readPDF(t, out)
	for _, want := range []string{"青山镇人大主席团2024年度代表培训学习情况表", "（统计截至2024年11月30日）", "预算审查监督业务",
		"学时", "授课人", "代表培训学时", "第十八届新任代表会前培训", "会前未培训", "人均学时"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks 「%s」:\n%s", want, text)
		}
	}
}

// `print publicity --year Y`: the levels against the quotas, then the year's pieces by level and the 《人大通讯》.
func TestPrintPublicity(t *testing.T) {
	db, dir := printDemo(t)
	out := filepath.Join(dir, "宣传.pdf")
	code, stdout, errOut := run("print", "--db", db, "publicity", "--year", "2024", "--today", "2024-11-30", "--out", out)
	if code != ExitOK || !strings.Contains(stdout, "已生成宣传信息统计表") {
		t.Fatalf("exit %d, %q %q", code, stdout, errOut)
	}
	text := readPDF(t, out)
	for _, want := range []string{"青山镇人大主席团2024年度宣传信息统计表", "（统计截至2024年11月30日）", "全年任务(篇)", "差额(篇)",
		"县级(", "发表人大宣传稿件", "编印《人大通讯》"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks 「%s」:\n%s", want, text)
		}
	}
}
