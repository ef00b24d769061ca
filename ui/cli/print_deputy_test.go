package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"rendadesk/store"
)

func TestPrintDeputyDocuments(t *testing.T) {
	db, dir := printDemo(t)
	ctx := context.Background()
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	dep, err := s.Deputy(ctx, 7)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := s.DeputyRecord(ctx, dep.ID, 2023)
	if err != nil {
		t.Fatal(err)
	}
	rec24, err := s.DeputyRecord(ctx, dep.ID, 2024)
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args  []string
		wants []string
	}{
		{[]string{"deputy-file", "--id", dep.Name, "--year", "2023"}, []string{"青山镇人大代表履职档案（2023年度）", "姓名" + dep.Name,
			fmt.Sprintf("领衔提出建议%d件", rec.Led), fmt.Sprintf("进站接待选民%d次，接待选民%d人次", rec.Receptions, rec.Voters), "第1页共1页"}},
		// By id, and without --year: the year of --today.
		{[]string{"deputy-file", "--id", "7"}, []string{"履职档案（2024年度）", "姓名" + dep.Name,
			fmt.Sprintf("领衔提出建议%d件", rec24.Led), "制表日期：2024年11月30日"}},
		{[]string{"deputy-table", "--year", "2024"}, []string{"青山镇人大代表履职情况统计表", "（2024年度）", dep.Name, "合计", "第1页共"}},
		{[]string{"report-back-table", "--year", "2023"}, []string{"青山镇人大代表述职评议测评结果统计表", "（2023年度）", "优秀(%)", "合计"}},
	} {
		out := filepath.Join(dir, c.args[0]+c.args[2]+".pdf")
		args := append([]string{"print", "--db", db}, c.args...)
		code, stdout, errOut := run(append(args, "--today", "2024-11-30", "--out", out)...)
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

func TestPrintDeputyErrors(t *testing.T) {
	db, dir := printDemo(t)
	out := filepath.Join(dir, "x.pdf")
	// A second deputy named like the first makes a name ambiguous.
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	first, err := s.Deputy(context.Background(), 1)
	if err == nil {
		twin := store.Deputy{Name: first.Name, Levels: []string{store.LevelTown}}
		err = s.SaveDeputy(context.Background(), &twin)
	}
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"deputy-file", "--year", "2024"}, ExitUsage, "打印代表履职档案需要 --id"},
		{[]string{"deputy-file", "--id", ""}, ExitUsage, "--id 不能为空"},
		{[]string{"deputy-file", "--id", "1", "--unit", "镇党政办"}, ExitUsage, "不用 --unit"},
		{[]string{"deputy-file", "--id", "1", "--year", "99"}, ExitUsage, "不是合理的年份"},
		{[]string{"deputy-table"}, ExitUsage, "打印代表履职情况统计表需要 --year"},
		{[]string{"deputy-table", "--year", "2024", "--id", "1"}, ExitUsage, "不用 --id"},
		{[]string{"report-back-table"}, ExitUsage, "需要 --year"},
		{[]string{"report-back-table", "--year", "abc"}, ExitUsage, "invalid value"},
		{[]string{"deputy-file", "--id", "不存在的人"}, ExitError, "没有名为「不存在的人」的代表"},
		{[]string{"deputy-file", "--id", "99999"}, ExitError, "代表不存在(编号99999)"},
		{[]string{"deputy-file", "--id", first.Name}, ExitError, fmt.Sprintf("有2位代表名为「%s」，请用编号指定", first.Name)},
		{[]string{"report-back-table", "--year", "2030"}, ExitError, "2030年没有述职评议记录"},
	} {
		args := append([]string{"print", "--db", db}, c.args...)
		code, _, errOut := run(append(args, "--out", out)...)
		if code != c.code || !strings.Contains(errOut, c.msg) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, want %d with %q; stderr %q", c.args, code, c.code, c.msg, errOut)
		}
	}
	if code, _, errOut := run("help"); code != ExitOK {
		t.Errorf("help: %d %s", code, errOut)
	}
	if _, _, errOut := run("print", "--db", db, "frobnicate", "--out", out); !strings.Contains(errOut, "deputy-file(代表履职档案)") {
		t.Errorf("the kind list lacks deputy-file: %q", errOut)
	}
}
