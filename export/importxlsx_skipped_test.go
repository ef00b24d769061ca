package export

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"rendadesk/store"
)

// The rows left out of an import are written beside the file with the file's columns as read and the reason;
// corrected there, the workbook imports again.
func TestSkippedRowsWorkbook(t *testing.T) {
	db := importDB(t)
	ctx := context.Background()
	src := writeXLSX(t, "青山镇名册.xlsx", [][]any{
		{"青山镇人大代表名册"},
		{"序号", "姓名", "性别", "民族", "出生年月", "联系电话", "备注"},
		{1, "张三", "男", "汉", time.Date(1968, 5, 1, 0, 0, 0, 0, time.UTC), 13812345678, "=不是公式"},
		{2, "李四", "男", "苗苗族", time.Date(1970, 2, 1, 0, 0, 0, 0, time.UTC), "", ""},
		{3, "赵五", "女", "汉", "1968.13", "", "村主任"},
	})
	sheet := readSheet(t, src, store.ImportDeputies)
	plan, err := db.PlanImport(ctx, sheet)
	if err != nil {
		t.Fatal(err)
	}
	choice := store.ImportChoice{SkipErrors: true}
	rows := plan.ErrorRows(choice)
	if len(rows) != 2 {
		t.Fatalf("error rows %+v", rows)
	}
	out := SkippedRowsPath(src)
	if filepath.Dir(out) != filepath.Dir(src) || filepath.Base(out) != "青山镇名册-未导入的行.xlsx" {
		t.Fatalf("written to %s", out)
	}
	if err := WriteSkippedRows(out, sheet, rows); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	got, err := f.GetRows(f.GetSheetList()[0])
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"序号", "姓名", "性别", "民族", "出生年月", "联系电话", "备注", "错误原因"},
		{"2", "李四", "男", "苗苗族", "1970.02", "", "", "原第4行：「民族」：「苗苗族」不在民族字典中，请先在设置中添加"},
		{"3", "赵五", "女", "汉", "1968.13", "", "村主任", "原第5行：「出生年月」：「1968.13」的月份应在1到12之间"},
	}
	if len(got) != len(want) {
		t.Fatalf("rows:\n%q", got)
	}
	for i := range want {
		for len(got[i]) < len(want[i]) {
			got[i] = append(got[i], "")
		}
		if strings.Join(got[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d:\n got %q\nwant %q", i+1, got[i], want[i])
		}
	}
	// The file is never overwritten, and a second round does not grow the name.
	if again := SkippedRowsPath(src); filepath.Base(again) != "青山镇名册-未导入的行(2).xlsx" {
		t.Errorf("with the first taken: %s", again)
	}
	if next := SkippedRowsPath(out); filepath.Base(next) != "青山镇名册-未导入的行(2).xlsx" {
		t.Errorf("for the workbook itself: %s", next)
	}
	// Corrected, it imports: the reason column passes without a note.
	f, _ = excelize.OpenFile(out)
	name := f.GetSheetList()[0]
	f.SetCellStr(name, "D2", "苗族")
	f.SetCellStr(name, "E3", "1968.12")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	again := readSheet(t, out, store.ImportDeputies)
	if len(again.Ignored) != 0 || len(again.Rows) != 2 {
		t.Fatalf("ignored %q, %d rows", again.Ignored, len(again.Rows))
	}
	p2, err := db.PlanImport(ctx, again)
	if err != nil {
		t.Fatal(err)
	}
	if n := p2.Counts(store.ImportChoice{}); n.Error != 0 || n.New != 2 {
		t.Errorf("the corrected rows: %+v %q", n, problemText(p2.Problems(store.ImportChoice{})))
	}
	if _, err := os.Stat(src); err != nil {
		t.Error("the source is gone")
	}
}
