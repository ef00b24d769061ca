package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"rendadesk/store"
)

// importFixture makes a database with a group, and a roster file of two deputies.
func importFixture(t *testing.T, rows ...[]any) (db, file string) {
	t.Helper()
	dir := t.TempDir()
	db = filepath.Join(dir, "t.db")
	d, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	g := store.Group{Name: "第一代表小组"}
	if err := d.SaveGroup(context.Background(), &g); err != nil {
		t.Fatal(err)
	}
	d.Close()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetRow("Sheet1", "A1", &[]any{"青山镇代表名册"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"姓名", "性别", "出生年月", "民族", "代表小组"})
	for i, r := range rows {
		f.SetSheetRow("Sheet1", "A"+string(rune('3'+i)), &r)
	}
	file = filepath.Join(dir, "名册.xlsx")
	if err := f.SaveAs(file); err != nil {
		t.Fatal(err)
	}
	return db, file
}

func deputyCount(t *testing.T, db string) int {
	t.Helper()
	d, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	_, n, err := d.Deputies(context.Background(), store.DeputyFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestImportCommandWithErrorsWritesNothing(t *testing.T) {
	db, file := importFixture(t, []any{"张三", "男", "1968.05", "汉族", "第一小组"}, []any{"李四", "女", "1970.13", "苗苗族"})
	code, out, errOut := run("import", "--db", db, "deputies", file)
	want := "文件「名册.xlsx」工作表「Sheet1」，表头在第2行，代表 2 行\n" +
		"新增 1、更新 0、跳过 0、错误 1\n" +
		"第4行「出生年月」：「1970.13」的月份应在1到12之间\n" +
		"第4行「民族」：「苗苗族」不在民族字典中，请先在设置中添加\n" +
		"说明：文件中没有「代表层级」栏：新增的代表都按镇级代表导入\n" +
		"说明：文件中没有「当选日期」栏：新增的代表从所在届次的开始日期起计入在任代表；补选的代表请加上这一栏，填写补选日期\n"
	if code != ExitError || out != want {
		t.Fatalf("exit %d, out:\n%s\nwant:\n%s", code, out, want)
	}
	if errOut != "错误: 有1行错误，未导入任何代表；请改正文件后重新导入(或加 --skip-errors 先导入其余 1 行) (error: invalid input)\n" {
		t.Fatalf("stderr %q", errOut)
	}
	if n := deputyCount(t, db); n != 0 {
		t.Fatalf("%d deputies written", n)
	}
	if entries, _ := os.ReadDir(store.BackupDir(db)); len(entries) > 0 {
		t.Fatalf("a backup was made for an import that wrote nothing: %v", entries)
	}
}

// --skip-errors imports the good rows (after the backup, in one transaction) and writes the others beside
// the file; the command says where. Without it, the same file writes nothing (above).
func TestImportCommandSkipErrors(t *testing.T) {
	db, file := importFixture(t, []any{"张三", "男", "1968.05", "汉族", "第一小组"}, []any{"李四", "女", "1970.13", "苗苗族"},
		[]any{"王五", "男", "1971.02", "汉"})
	skipped := filepath.Join(filepath.Dir(file), "名册-未导入的行.xlsx")
	code, out, errOut := run("import", "--db", db, "deputies", file, "--skip-errors", "--dry-run")
	if code != ExitOK || !strings.Contains(out, "将导入其余 2 行，有错误的 1 行将另存到 "+skipped) {
		t.Fatalf("dry run: %d %q %q", code, out, errOut)
	}
	if _, err := os.Stat(skipped); err == nil || deputyCount(t, db) != 0 {
		t.Fatal("--dry-run wrote")
	}
	code, out, errOut = run("import", "--db", db, "deputies", file, "--skip-errors")
	if code != ExitOK || !strings.Contains(out, "已导入代表：新增 2、更新 0、跳过 0\n") || !strings.Contains(out, "导入前已备份到 ") ||
		!strings.Contains(out, "有错误的 1 行未导入，已另存到 "+skipped) {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	if n := deputyCount(t, db); n != 2 {
		t.Fatalf("%d deputies", n)
	}
	f, err := excelize.OpenFile(skipped)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(f.GetSheetList()[0])
	if len(rows) != 2 || strings.Join(rows[0], "|") != "姓名|性别|出生年月|民族|代表小组|错误原因" ||
		rows[1][0] != "李四" || !strings.Contains(rows[1][5], "原第4行：「出生年月」") || !strings.Contains(rows[1][5], "苗苗族") {
		t.Fatalf("the rows left out: %q", rows)
	}
	// A file of nothing but errors imports nothing, even with --skip-errors.
	db2, bad := importFixture(t, []any{"李四", "女", "1970.13"})
	if code, _, errOut = run("import", "--db", db2, "deputies", bad, "--skip-errors"); code != ExitError || !strings.Contains(errOut, "没有可以导入的代表") {
		t.Fatalf("only errors: %d %q", code, errOut)
	}
}

func TestImportCommand(t *testing.T) {
	db, file := importFixture(t, []any{"张三", "男", "1968.05", "汉族", "第一小组"}, []any{"李四", "女", "1970.01", "汉"})
	code, out, errOut := run("import", "--db", db, "deputies", file, "--dry-run")
	if code != ExitOK || !strings.Contains(out, "新增 2、更新 0、跳过 0、错误 0\n") || !strings.Contains(out, "--dry-run") {
		t.Fatalf("dry run: exit %d %q %q", code, out, errOut)
	}
	if deputyCount(t, db) != 0 {
		t.Fatal("--dry-run wrote")
	}
	code, out, errOut = run("import", "--db", db, "deputies", file)
	if code != ExitOK || !strings.Contains(out, "已导入代表：新增 2、更新 0、跳过 0\n") || !strings.Contains(out, "导入前已备份到 ") {
		t.Fatalf("import: exit %d %q %q", code, out, errOut)
	}
	backup := strings.TrimSpace(strings.SplitN(strings.SplitN(out, "导入前已备份到 ", 2)[1], "\n", 2)[0])
	if _, err := os.Stat(backup); err != nil {
		t.Fatalf("backup %q: %v", backup, err)
	}
	if deputyCount(t, db) != 2 {
		t.Fatal("not written")
	}
	// Again: both are duplicates now, skipped by default, updated when asked.
	if code, out, _ = run("import", "--db", db, "deputies", file); code != ExitOK || !strings.Contains(out, "新增 0、更新 0、跳过 2") {
		t.Fatalf("second import: %d %q", code, out)
	}
	if code, out, _ = run("import", "--duplicates", "update", "--db", db, "deputies", file); code != ExitOK || !strings.Contains(out, "已导入代表：新增 0、更新 2、跳过 0") {
		t.Fatalf("update: %d %q", code, out)
	}
	if deputyCount(t, db) != 2 {
		t.Fatal("duplicates were added")
	}
}

func TestImportCommandTemplateAndUsage(t *testing.T) {
	db, file := importFixture(t)
	out := filepath.Join(t.TempDir(), "模板")
	code, stdout, errOut := run("import", "--db", db, "--template", "deputies", "--out", out)
	if code != ExitOK || !strings.Contains(stdout, "已生成代表导入模板") {
		t.Fatalf("template: %d %q %q", code, stdout, errOut)
	}
	f, err := excelize.OpenFile(out + ".xlsx")
	if err != nil {
		t.Fatal(err)
	}
	head, _ := f.GetCellValue("代表导入", "A3")
	f.Close()
	if head != "姓名(必填)" {
		t.Fatalf("template header %q", head)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"import", "--db", db, "people", file}, "导入类型只能是 deputies、stations、suggestions、rectifications、evaluation-targets、petitions、districts 或 articles"},
		{[]string{"import", "--db", db, "deputies"}, "需要导入类型"},
		{[]string{"import", "--db", db, "deputies", file, "--duplicates", "merge"}, "--duplicates 只能是 update 或 skip"},
		{[]string{"import", "--template", "deputies"}, "缺少 --out 模板文件"},
	} {
		code, _, errOut := run(c.args...)
		if code != ExitUsage || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d %q", c.args, code, errOut)
		}
	}
	code, _, errOut = run("import", "--db", db, "deputies", filepath.Join(t.TempDir(), "无.xlsx"))
	if code != ExitError || errOut != "错误: 找不到文件「无.xlsx」 (error: not found)\n" {
		t.Fatalf("missing file: %d %q", code, errOut)
	}
	var usage strings.Builder
	Usage(&usage)
	if !strings.Contains(usage.String(), "rendadesk import --db PATH deputies|stations|suggestions|rectifications|petitions|districts|articles FILE.xlsx") ||
		!strings.Contains(usage.String(), "--template") {
		t.Fatalf("usage does not list import:\n%s", usage.String())
	}
}
