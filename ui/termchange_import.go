package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/export"
	"rendadesk/store"
)

// The 换届 wizard's 「从表格导入…」 (issue 16): the newly elected deputies from a roster file in the columns of
// the 代表 import (its template too), read and checked as that import checks them, listed in the wizard as
// 新任 and written only by 确认换届, in the change's one transaction. A file with a bad row adds nobody.

// importBar is the 新任代表 heading's button and the list of the deputies taken from a file.
func (w *termChangeWizard) importBar() fyne.CanvasObject {
	w.importedBox = container.NewVBox()
	pick := widget.NewButtonWithIcon("从表格导入…", theme.UploadIcon(), func() {
		w.d.askOpenPath(store.FolderImports, "选择新任代表名册", "表格文件", []string{".xlsx", ".xlsm", ".xls", ".csv"},
			func(path string) { w.importNewDeputies(path) })
	})
	return container.NewVBox(container.NewHBox(boldLabel("新任代表"), pick,
		widget.NewLabel("(表格的栏目与「代表 → 导入」相同，可先在那里下载模板)")), w.importedBox)
}

// importNewDeputies reads and checks path off the UI goroutine, then lists its deputies as 新任 in place of any
// taken from a file before, or says which rows are wrong. The returned channel is closed once that is shown.
func (w *termChangeWizard) importNewDeputies(path string) <-chan struct{} {
	done := make(chan struct{})
	w.msg.SetText("正在读取和检查「" + filepath.Base(path) + "」…")
	go func() {
		sheet, err := export.ReadImportFile(path, store.ImportDeputies)
		var plan *store.ImportPlan
		if err == nil {
			plan, err = w.d.db.PlanImport(w.d.ctx, sheet)
		}
		fyne.Do(func() {
			defer close(done)
			if err != nil {
				w.msg.SetText(store.ErrorMessage(err))
				return
			}
			deputies, problems := plan.TermNewDeputies()
			if len(problems) > 0 {
				var lines []string
				for i, p := range problems {
					if i == 5 {
						lines = append(lines, fmt.Sprintf("……共%d处", len(problems)))
						break
					}
					lines = append(lines, p.Message)
				}
				w.msg.SetText("「" + filepath.Base(path) + "」没有导入，请改正后重新导入：\n" + strings.Join(lines, "\n"))
				return
			}
			w.msg.SetText("")
			w.setImported(deputies, filepath.Base(path))
		})
	}()
	return done
}

// setImported lists the deputies taken from a file (none: the list is emptied); a preview made before is no
// longer valid.
func (w *termChangeWizard) setImported(ds []store.Deputy, file string) {
	w.imported = ds
	w.confirm.Disable()
	w.importedBox.Objects = nil
	if len(ds) > 0 {
		grid := container.NewGridWithColumns(2)
		for _, x := range ds {
			grid.Add(widget.NewLabel("新任　" + newDeputyLine(x)))
		}
		clear := widget.NewButtonWithIcon("移除导入的名单", theme.DeleteIcon(), func() { w.setImported(nil, "") })
		w.importedBox.Objects = []fyne.CanvasObject{
			container.NewHBox(widget.NewLabel(fmt.Sprintf("从「%s」导入%d名：", file, len(ds))), clear), grid}
	}
	w.importedBox.Refresh()
	w.scroll.Refresh()
}

// newDeputyLine is 「王五 女 1975.03 第3选区」: what the clerk checks an imported deputy by.
func newDeputyLine(x store.Deputy) string {
	parts := []string{x.Name}
	for _, s := range []string{x.Gender, x.Birth, x.District, x.Village} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " ")
}
