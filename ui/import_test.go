package ui

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"rendadesk/store"
)

// rosterFile writes a small roster workbook: a title row, a header, then rows.
func rosterFile(t *testing.T, rows ...[]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetRow("Sheet1", "A1", &[]any{"青山镇人大代表名册"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"姓名", "性别", "出生年月", "民族", "联系电话", "代表层级"})
	for i, r := range rows {
		f.SetSheetRow("Sheet1", "A"+strconv.Itoa(i+3), &r)
	}
	path := filepath.Join(t.TempDir(), "名册.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// waitStep waits until the flow's work off the UI goroutine has been shown.
func waitStep(t *testing.T, f *importFlow, what string) {
	t.Helper()
	select {
	case <-f.step:
	case <-time.After(20 * time.Second):
		t.Fatalf("timed out waiting for %s", what)
	}
}

func TestImportButtonsInRecordTabs(t *testing.T) {
	d := testDesk(t, testDB(t, false))
	for _, c := range []struct {
		name string
		tab  recordTab
	}{{"代表", d.deputies}, {"联络站", d.stations}, {"建议", d.items}} {
		it := c.tab.tabItem()
		d.tabs.Select(it) // a tab's content is in it once chosen (lazytabs.go)
		if findButton(it.Content, "导入") == nil {
			t.Errorf("the %s tab has no 导入 button", c.name)
		}
	}
}

func TestImportPreviewAndConfirm(t *testing.T) {
	d := testDesk(t, testDB(t, false))
	old := store.Deputy{Name: "王建国", Birth: "1968-05", Levels: []string{store.LevelTown}}
	if err := d.db.SaveDeputy(d.ctx, &old); err != nil {
		t.Fatal(err)
	}
	path := rosterFile(t,
		[]any{"张三", "男", "1975.03", "汉族", "13800000001", "镇级"},
		[]any{"李四", "女", "1980年1月", "汉", "13800000002", "镇级、县级"},
		[]any{"王建国", "男", "1968.05", "汉族", "13900009999", "镇级"},
	)
	f := d.importFile(store.ImportDeputies, path)
	waitStep(t, f, "the preview")
	if f.result != "" {
		t.Fatalf("the file was refused: %s", f.result)
	}
	if got := f.counts.Text; got != "新增 2、更新 0、跳过 1、错误 0、警告 0" && got != "新增 2、更新 0、跳过 1、错误 0" {
		t.Fatalf("counts %q", got)
	}
	if f.confirm.Disabled() {
		t.Fatal("确认导入 is disabled for a clean file")
	}
	if text, _ := f.cell(2, 1); text != "跳过" {
		t.Fatalf("row 5 shows %q", text)
	}
	if text, _ := f.cell(2, 3); text != "王建国" || f.plan.Rows[2].Match != "姓名和出生年月相同" {
		t.Fatalf("row 5's existing record %q", text)
	}
	// One row can be the exception: select it, flip it.
	f.table.Select(widget.TableCellID{Row: 2, Col: 0})
	if f.flip.Hidden || f.flip.Text != "第5行改为更新" || !strings.Contains(f.detail.Text, "联系电话: (空) → 13900009999") {
		t.Fatalf("selected duplicate: flip %q hidden=%v, detail %q", f.flip.Text, f.flip.Hidden, f.detail.Text)
	}
	test.Tap(f.flip)
	if got := f.counts.Text; got != "新增 2、更新 1、跳过 0、错误 0" || f.flip.Text != "第5行改为跳过" {
		t.Fatalf("counts after flipping row 5: %q, flip %q", got, f.flip.Text)
	}
	test.Tap(f.flip)
	f.dupes.SetSelected(dupUpdate)
	if got := f.counts.Text; got != "新增 2、更新 1、跳过 0、错误 0" {
		t.Fatalf("counts after choosing update %q", got)
	}
	if text, _ := f.cell(2, 1); text != "更新" {
		t.Fatalf("row 5 shows %q after choosing update", text)
	}
	test.Tap(f.confirm)
	waitStep(t, f, "the import")
	if !strings.HasPrefix(f.result, "已导入代表：新增 2、更新 1、跳过 0。") {
		t.Fatalf("result %q", f.result)
	}
	if _, n, _ := d.db.Deputies(d.ctx, store.DeputyFilter{}); n != 3 {
		t.Fatalf("%d deputies after the import", n)
	}
	w, _ := d.db.Deputy(d.ctx, old.ID)
	if w.Phone != "13900009999" {
		t.Fatalf("王建国 not updated: %+v", w)
	}
	if d.deputies.list.total != 3 {
		t.Fatalf("the deputies tab shows %d rows: not refreshed", d.deputies.list.total)
	}
}

func TestImportErrorsDisableConfirm(t *testing.T) {
	d := testDesk(t, testDB(t, false))
	path := rosterFile(t,
		[]any{"张三", "男", "1975.03", "汉族", "", "镇级"},
		[]any{"李四", "女", "1980.13", "苗苗族"},
	)
	f := d.importFile(store.ImportDeputies, path)
	waitStep(t, f, "the preview")
	if !strings.HasPrefix(f.counts.Text, "新增 1、更新 0、跳过 0、错误 1") || !f.confirm.Disabled() {
		t.Fatalf("counts %q, confirm disabled %v", f.counts.Text, f.confirm.Disabled())
	}
	if text, _ := f.cell(1, 4); text != "「出生年月」：「1980.13」的月份应在1到12之间；「民族」：「苗苗族」不在民族字典中，请先在设置中添加；警告：「代表层级」未填写，按镇级代表导入" {
		t.Fatalf("problems shown %q", text)
	}
	f.onlyBad.SetChecked(true)
	if len(f.shown) != 1 {
		t.Fatalf("only-problems shows %d rows", len(f.shown))
	}
	test.Tap(f.confirm)
	f.apply() // even called directly, an errorful plan is not applied
	if _, n, _ := d.db.Deputies(d.ctx, store.DeputyFilter{}); n != 0 {
		t.Fatalf("%d deputies written from a file with errors", n)
	}
}

func TestImportBrokenFileShowsOneMessage(t *testing.T) {
	d := testDesk(t, testDB(t, false))
	f := d.importFile(store.ImportStations, filepath.Join(t.TempDir(), "无.xlsx"))
	waitStep(t, f, "the error")
	if f.result != "找不到文件「无.xlsx」" || f.preview != nil {
		t.Fatalf("result %q", f.result)
	}
	top := d.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(labelText(top), "找不到文件「无.xlsx」") {
		t.Fatal("the error is not shown")
	}
}

// A file with some bad rows: the preview offers 「修改文件后重新导入」 and 「跳过有错误的行，导入其余 N 行」; the
// second imports the good rows (after the backup) and writes the bad ones beside the file, and says where.
func TestImportSkipErrorRows(t *testing.T) {
	d := testDesk(t, testDB(t, false))
	path := rosterFile(t,
		[]any{"张三", "男", "1975.03", "汉族", "", "镇级"},
		[]any{"李四", "女", "1980.13", "苗苗族"},
		[]any{"王五", "男", "1971.02", "汉族", "", "镇级"},
	)
	f := d.importFile(store.ImportDeputies, path)
	waitStep(t, f, "the preview")
	if !f.confirm.Hidden || f.fix.Hidden || f.skip.Hidden || f.skip.Text != "跳过有错误的行，导入其余 2 行" {
		t.Fatalf("buttons: 确认 hidden %v, 修改 hidden %v, 跳过 %q hidden %v", f.confirm.Hidden, f.fix.Hidden, f.skip.Text, f.skip.Hidden)
	}
	if !strings.Contains(f.counts.Text, "名册-未导入的行.xlsx") {
		t.Errorf("counts %q", f.counts.Text)
	}
	test.Tap(f.skip)
	waitStep(t, f, "the import")
	skipped := filepath.Join(filepath.Dir(path), "名册-未导入的行.xlsx")
	if !strings.HasPrefix(f.result, "已导入代表：新增 2、更新 0、跳过 0。") || !strings.Contains(f.result, "有错误的 1 行没有导入，已另存到\n"+skipped) ||
		!strings.Contains(f.result, "导入前的数据已备份到") {
		t.Fatalf("result %q", f.result)
	}
	if _, n, _ := d.db.Deputies(d.ctx, store.DeputyFilter{}); n != 2 {
		t.Fatalf("%d deputies", n)
	}
	x, err := excelize.OpenFile(skipped)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, _ := x.GetRows(x.GetSheetList()[0])
	if len(rows) != 2 || rows[1][0] != "李四" || !strings.HasPrefix(rows[1][len(rows[1])-1], "原第4行：") {
		t.Fatalf("the workbook of the rows left out: %q", rows)
	}
	if list, _ := store.ListBackups(d.db.Path()); len(list) != 1 || list[0].Reason != store.BackupImport {
		t.Errorf("backups %+v", list)
	}
}

// 「修改文件后重新导入」: after the clerk corrects the file, 「重新读取文件」 shows the new preview.
func TestImportFixFileAndReadAgain(t *testing.T) {
	d := testDesk(t, testDB(t, false))
	path := rosterFile(t, []any{"李四", "女", "1980.13", "汉族"})
	f := d.importFile(store.ImportDeputies, path)
	waitStep(t, f, "the preview")
	if !f.skip.Hidden || f.fix.Hidden {
		t.Fatalf("a file of only errors: 跳过 hidden %v, 修改 hidden %v", f.skip.Hidden, f.fix.Hidden)
	}
	test.Tap(f.fix)
	top := topDialog(t, d)
	if !strings.Contains(labelText(top), "请在 Excel 中改正文件「名册.xlsx」") {
		t.Fatalf("the dialog says %q", labelText(top))
	}
	fixed := rosterFile(t, []any{"李四", "女", "1980.12", "汉族"})
	if err := os.Rename(fixed, path); err != nil {
		t.Fatal(err)
	}
	test.Tap(findButton(top, "重新读取文件"))
	// importFile opened a new flow; its preview is the top dialog once read.
	waitFor(t, "the new preview", func() bool {
		o := d.win.Canvas().Overlays().Top()
		return o != nil && findButton(o, "确认导入") != nil && strings.Contains(labelText(o), "新增 1、更新 0、跳过 0、错误 0")
	})
}
