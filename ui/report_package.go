package ui

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/export"
	"rendadesk/store"
)

// 生成报送包 (issue 19 §1): the period's exchange package for the county, and the usual workbook beside it for
// people, written into a folder the clerk picks (a USB stick, the intranet's shared folder) and kept in the
// 报送存档 like any export — `rendadesk package` from the window.

// packageButton is the 报表 tab's 「生成报送包…」.
func (t *reportTab) packageButton() *widget.Button {
	b := widget.NewButtonWithIcon("生成报送包…", theme.MailSendIcon(), func() {
		t.d.askFolder(store.FolderExports, "选择报送包存放的文件夹(如U盘)", t.writePackage)
	})
	t.exports = append(t.exports, b)
	return b
}

// writePackage makes the package of the chosen period and writes it and its workbook into dir off the UI
// goroutine, then lists them as an export does.
func (t *reportTab) writePackage(dir string) {
	p, err := t.period()
	if err != nil {
		t.d.showError(err)
		return
	}
	db, ctx := t.d.db, t.d.ctx
	t.runExport(dir, 2, "正在生成报送包…", "生成报送包", func() (paths []string, err error) {
		pkg, err := db.MakePackage(ctx, p.from, p.to, p.asOf)
		if err != nil {
			return
		}
		path := filepath.Join(dir, pkg.FileName())
		if err = store.WritePackage(pkg, path); err != nil {
			return
		}
		paths = append(paths, path)
		fyne.Do(func() {
			t.progress.SetValue(1)
			t.progressMsg.SetText("已生成报送包，正在生成 Excel 工作簿…")
		})
		xlsx, err := export.WriteReport(export.Report{ReportData: pkg.Report}, dir, []string{"xlsx"}, nil)
		paths = append(paths, xlsx...)
		if err != nil {
			return
		}
		if _, aerr := db.ArchiveReport(ctx, pkg.Report, paths, store.ArchiveViaWindow); aerr != nil {
			err = fmt.Errorf("报送包已生成，但未能记入报送存档：%s", store.ErrorMessage(aerr))
		}
		return
	})
}
