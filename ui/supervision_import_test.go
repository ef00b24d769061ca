package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"rendadesk/store"
)

// TestImportTargetsIntoCampaign goes through 「导入评议对象…」 of a campaign's 测评 section as the clerk does: the
// file chosen in the dialog, the preview, 确认导入; the 测评 grid then shows the imported units with their counts.
func TestImportTargetsIntoCampaign(t *testing.T) {
	db := testDB(t, false)
	ctx := t.Context()
	for _, n := range superUnits {
		u := store.Unit{Name: n, Kind: "站所"}
		if err := db.SaveUnit(ctx, &u); err != nil {
			t.Fatal(err)
		}
	}
	c := store.NewEvalCampaign(2024, "2024-06-26")
	c.Title = "2024年度站所工作评议"
	if err := db.SaveEvalCampaign(ctx, &c); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"被评议单位", "类别", "发出", "收回", "有效", "满意", "基本满意", "不满意"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"国土所", "基层站所", 40, 40, 40, 28, 10, 2})
	f.SetSheetRow("Sheet1", "A3", &[]any{"镇派出所", "基层站所", 40, 40, 38, 8, 12, 18})
	if err := f.SaveAs(filepath.Join(dir, "评议对象.xlsx")); err != nil {
		t.Fatal(err)
	}
	f.Close()

	d := testDesk(t, db)
	d.rememberFolder(store.FolderImports, dir)
	p := d.super.campaigns
	d.showTab(d.super.content)
	p.open(c, nil, nil)
	p.reveal(1)
	test.Tap(findButton(p.detail, "导入评议对象…"))
	if text := labelText(topDialog(t, d)); !strings.Contains(text, "导入到评议活动「2024年度站所工作评议」") ||
		!strings.Contains(text, "不在名册中的单位不会自动添加") {
		t.Fatalf("the first step says %q", text)
	}
	test.Tap(findButton(topDialog(t, d), "选择文件…"))
	chooser := topDialog(t, d)
	walk(chooser, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.List); ok && l.Length() == 1 {
			l.Select(0)
		}
	})
	test.Tap(findButton(chooser, "打开"))
	var preview fyne.CanvasObject
	waitUpTo(t, 20e9, "the preview", func() bool {
		preview = d.win.Canvas().Overlays().Top()
		return preview != nil && findButton(preview, "确认导入") != nil
	})
	if text := labelText(preview); !strings.Contains(text, "新增 2、更新 0、跳过 0、错误 0") {
		t.Fatalf("the preview says %q", text)
	}
	superShot(t, d, "import-targets-preview")
	test.Tap(findButton(preview, "确认导入"))
	waitUpTo(t, 20e9, "the 测评 grid with the imported targets", func() bool {
		top := d.win.Canvas().Overlays().Top()
		return top != nil && strings.Contains(labelText(top), "已导入评议对象：新增 2")
	})
	d.win.Canvas().Overlays().Remove(d.win.Canvas().Overlays().Top())
	superShot(t, d, "import-targets-grid")
	if p.rows[1].valid.Text != "38" || p.rows[1].bt.Text != "18" || p.sections.SelectedIndex() != 1 {
		t.Fatalf("镇派出所's line: 有效 %q, 不满意 %q; page %d", p.rows[1].valid.Text, p.rows[1].bt.Text, p.sections.SelectedIndex())
	}
	if got := strings.Join(p.resultLines, "\n"); !strings.Contains(got, "2. 镇派出所　满意率52.6%　不满意") {
		t.Fatalf("the results read %q", got)
	}
	if fresh, _ := db.EvalCampaign(ctx, c.ID); fresh.Targets != 2 || fmt.Sprint(p.list.total) != "1" {
		t.Fatalf("campaign lists %d targets", fresh.Targets)
	}
}
