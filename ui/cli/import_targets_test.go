package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"rendadesk/store"
)

// TestImportEvaluationTargets imports a campaign's targets with their 测评 counts from the sheet a clerk keeps:
// a unit not in the register, a count that is no number and 有效 above 收回 are each named by row and column
// and nothing is written; the corrected sheet adds the units and an official, whose results follow the
// campaign's rule; imported again with --duplicates update it updates the counts.
func TestImportEvaluationTargets(t *testing.T) {
	db, _ := superCase(t)
	ctx := context.Background()
	d, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	c := store.NewEvalCampaign(2024, "2024-11-20")
	c.Title, c.Method = "2024年度站所工作评议", store.EvalWork
	if err := d.SaveEvalCampaign(ctx, &c); err != nil {
		t.Fatal(err)
	}
	d.Close()
	dir := t.TempDir()
	write := func(name string, rows ...[]any) string {
		t.Helper()
		f := excelize.NewFile()
		defer f.Close()
		f.SetSheetRow("Sheet1", "A1", &[]any{"2024年度工作评议测评票统计"})
		f.SetSheetRow("Sheet1", "A2", &[]any{"序号", "单位", "职务", "发出", "收回", "有效", "满意", "基本满意", "不满意"})
		for i, r := range rows {
			f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", 3+i), &r)
		}
		path := filepath.Join(dir, name)
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		return path
	}
	targets := func() []store.EvalTarget {
		t.Helper()
		d, err := store.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		ts, err := d.EvalTargets(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		return ts
	}
	id := fmt.Sprint(c.ID)

	t.Run("without a campaign", func(t *testing.T) {
		file := write("无活动.xlsx", []any{1, "国土所", "", 40, 40, 40, 30, 8, 2})
		code, out, errOut := run("import", "--db", db, "evaluation-targets", file)
		if code == ExitOK || !strings.Contains(out+errOut, "--campaign") {
			t.Fatalf("exit %d\n%s%s", code, out, errOut)
		}
	})
	t.Run("bad cells named, nothing written", func(t *testing.T) {
		bad := write("有错.xlsx",
			[]any{1, "国土所", "", 40, 40, 40, 30, 8, 2},
			[]any{2, "镇交通站", "", 40, 40, 40, 30, 8, 2},
			[]any{3, "农技站", "", "四十", 40, 40, 30, 8, 2},
			[]any{4, "镇城建所", "", 40, 38, 39, 20, 10, 8})
		code, out, errOut := run("import", "--db", db, "evaluation-targets", "--campaign", id, bad)
		all := out + errOut
		for _, want := range []string{"第4行「被评议单位」：「镇交通站」不在承办单位名册中", "第5行「发出票数」：「四十」应是0或正整数",
			"第6行「有效票数」(39)不能多于收回票数(38)", "有3行错误，未导入任何评议对象"} {
			if !strings.Contains(all, want) {
				t.Errorf("the report lacks %q:\n%s", want, all)
			}
		}
		if code == ExitOK || len(targets()) != 0 {
			t.Fatalf("exit %d, %d targets after a refused import", code, len(targets()))
		}
	})
	good := write("测评票统计.xlsx",
		[]any{1, "国土所", "", 40, 40, 40, 30, 8, 2},
		[]any{2, "农技站", "", 40, 40, 40, 20, 10, 10},
		[]any{3, "镇城建所", "", 40, 39, 38, 10, 12, 16},
		[]any{4, "李明", "分管农业副镇长", 40, 40, 40, 35, 5, 0})
	t.Run("imported with counts and results", func(t *testing.T) {
		code, out, errOut := run("import", "--db", db, "evaluation-targets", "--campaign", id, good)
		if code != ExitOK || !strings.Contains(out, "已导入评议对象：新增 4、更新 0、跳过 0") {
			t.Fatalf("exit %d\n%s%s", code, out, errOut)
		}
		ts := targets()
		if len(ts) != 4 || ts[0].Name() != "国土所" || ts[3].Name() != "李明(分管农业副镇长)" || ts[3].Category != store.CategoryLeader ||
			ts[2].Valid != 38 || ts[2].Bottom != 16 || ts[0].ReportDate != "2024-11-20" {
			t.Fatalf("imported %+v", ts)
		}
		rs := c.Results(ts)
		if got := rs[2].Rate.Percent(1); got != "57.9%" || rs[2].Grade != c.Grades()[2] {
			t.Fatalf("镇城建所: %s %s", got, rs[2].Grade)
		}
		d, err := store.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		hs, _, err := d.History(ctx, store.HistoryFilter{Entity: "eval_campaign", EntityID: c.ID})
		if err != nil || len(hs) == 0 || !strings.Contains(hs[0].Changes, "新增「李明(分管农业副镇长)」") {
			t.Fatalf("history %+v, %v", hs, err)
		}
	})
	t.Run("again: skipped, or counts updated", func(t *testing.T) {
		code, out, errOut := run("import", "--db", db, "evaluation-targets", "--campaign", id, good)
		if code != ExitOK || !strings.Contains(out, "新增 0、更新 0、跳过 4") || len(targets()) != 4 {
			t.Fatalf("exit %d, %d targets\n%s%s", code, len(targets()), out, errOut)
		}
		recount := write("复核.xlsx", []any{1, "镇城建所", "", 40, 40, 40, 12, 12, 16})
		code, out, errOut = run("import", "--db", db, "evaluation-targets", "--campaign", id, "--duplicates", "update", recount)
		if ts := targets(); code != ExitOK || len(ts) != 4 || ts[2].Valid != 40 || ts[2].Top != 12 {
			t.Fatalf("exit %d, %+v\n%s%s", code, ts, out, errOut)
		}
	})
}
