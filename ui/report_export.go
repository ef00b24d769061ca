package ui

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/export"
	"rendadesk/store"
)

// newExportBox builds the export buttons and the progress line under them.
func (t *reportTab) newExportBox() fyne.CanvasObject {
	button := func(label string, icon fyne.Resource, formats []string) *widget.Button {
		b := widget.NewButtonWithIcon(label, icon, func() { t.chooseFolder(formats) })
		t.exports = append(t.exports, b)
		return b
	}
	all := button("全部导出", theme.DownloadIcon(), export.ReportFormats)
	all.Importance = widget.HighImportance
	var buttons fyne.CanvasObject = container.NewGridWithColumns(4,
		button("导出 Excel", theme.GridIcon(), []string{"xlsx"}),
		button("导出 PDF", theme.DocumentPrintIcon(), []string{"pdf"}),
		button("导出文字稿", theme.DocumentIcon(), []string{"txt"}),
		all)
	t.progress = widget.NewProgressBar()
	t.progressMsg = widget.NewLabel("")
	t.progressMsg.Truncation = fyne.TextTruncateEllipsis
	t.progressBox = container.NewVBox(t.progressMsg, t.progress)
	t.progressBox.Hide()
	// 报送包 for the county (report_package.go), on a line of its own under the exports.
	// 考评材料 beside it (issue 22, report_assessment.go).
	buttons = container.NewVBox(buttons, container.NewHBox(t.packageButton(), t.assessmentButton()))
	note := reportHint("Excel 工作簿含各统计表和图表；PDF 供打印；文字稿为纯文本；报送包是报给县人大的数据文件(附 Excel)，县里用人大工作台汇总。文件按当前选择的期间和截至日期生成。")
	// Wrapped, not cut: Fyne 2.7's RichText panics (index out of range in updateRowBounds) laying out a label
	// that both wraps and truncates once the 字号 grows, which took the window down from 设置 → 显示.
	note.Truncation = fyne.TextTruncateOff
	note.Wrapping = fyne.TextWrapBreak
	return container.NewVBox(widget.NewSeparator(), boldLabel("导出"), buttons, t.progressBox, note)
}

// chooseFolder asks for the folder to write into, starting where the last report went, and exports there.
func (t *reportTab) chooseFolder(formats []string) {
	t.d.askFolder(store.FolderExports, "选择导出到的文件夹", func(dir string) { t.exportTo(dir, formats) })
}

// exportTo reads the report of the period (store.LoadReport, as `rendadesk export` does) and writes the
// formats into dir off the UI goroutine (export.WriteReport makes the files side by side); the progress bar steps
// as the data is read and as each file is finished, and the line above it names what is still being made.
// Then it lists what was written.
func (t *reportTab) exportTo(dir string, formats []string) {
	p, err := t.period()
	if err != nil {
		t.d.showError(err)
		return
	}
	db, ctx := t.d.db, t.d.ctx
	// Reading the data, then one step per file.
	t.runExport(dir, len(formats)+1, "正在读取数据…", "导出报表", func() (paths []string, err error) {
		data, err := db.LoadReport(ctx, p.from, p.to, p.asOf)
		rep := export.Report{ReportData: data}
		if err != nil {
			err = fmt.Errorf("读取报表数据：%s", store.ErrorMessage(err))
			return
		}
		var pending []string         // the files not finished yet, as the clerk will see them in the folder
		files := map[string]string{} // the clerk's name of a format → its file
		for _, f := range formats {
			file := export.ReportFileName(rep, f)
			files[export.ReportFormatNames[f]] = file
			pending = append(pending, file)
		}
		fyne.Do(func() {
			t.progress.SetValue(1)
			t.progressMsg.SetText("正在生成：" + strings.Join(pending, "、"))
		})
		paths, err = export.WriteReport(rep, dir, formats, func(done int, name string) {
			fyne.Do(func() {
				pending = slices.DeleteFunc(pending, func(s string) bool { return s == files[name] })
				t.progress.SetValue(float64(done + 1))
				msg := fmt.Sprintf("已生成%s(%d/%d)", name, done, len(formats))
				if len(pending) > 0 {
					msg += "，正在生成：" + strings.Join(pending, "、")
				}
				t.progressMsg.SetText(msg)
			})
		})
		if err != nil {
			err = fmt.Errorf("导出报表：%s", store.ErrorMessage(err))
			return
		}
		// 报送存档: what was written is kept with its figures and checksums (已报送版本).
		if _, aerr := db.ArchiveReport(ctx, data, paths, store.ArchiveViaWindow); aerr != nil {
			err = fmt.Errorf("文件已导出，但未能记入报送存档：%s", store.ErrorMessage(aerr))
		}
		return
	})
}

// runExport runs work, which writes files into dir, off the UI goroutine with the export buttons disabled and
// the progress bar of steps steps showing first; what (「导出报表」) names the work if it panics — a failure inside
// the Excel or PDF library must not take the clerk's window down with it. exportDone shows the outcome.
func (t *reportTab) runExport(dir string, steps int, first, what string, work func() ([]string, error)) {
	for _, b := range t.exports {
		b.Disable()
	}
	t.progress.Max = float64(steps)
	t.progress.SetValue(0)
	t.progressMsg.SetText(first)
	t.progressBox.Show()
	go func() {
		var paths []string
		var err error
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("%s时出错(%v)，请把这个提示告诉维护人员", what, r)
			}
			fyne.Do(func() { t.exportDone(paths, dir, err) })
		}()
		paths, err = work()
	}()
}

// exportDone ends an export on the UI goroutine: the buttons come back, and the files or the error are shown.
func (t *reportTab) exportDone(paths []string, dir string, err error) {
	defer t.exported.Add(1)
	t.written = paths
	t.progress.SetValue(t.progress.Max)
	t.progressBox.Hide()
	for _, b := range t.exports {
		b.Enable()
	}
	t.versions.load(t.versions.year) // a new version, or none if the export failed
	if err != nil {
		if len(paths) > 0 {
			err = fmt.Errorf("%s\n\n已写好的文件：\n%s", store.ErrorMessage(err), strings.Join(paths, "\n"))
		}
		t.d.showError(err)
		return
	}
	t.showWrittenFiles(dir, paths)
}

// showWrittenFiles lists the files written, each with 打开文件, and 打开所在文件夹.
func (t *reportTab) showWrittenFiles(dir string, paths []string) {
	head := widget.NewLabel(fmt.Sprintf("已导出 %d 个文件到\n%s\n并记入报送存档(见「已报送版本」)", len(paths), dir))
	head.Wrapping = fyne.TextWrapWord
	rows := container.NewVBox(head)
	for _, p := range paths {
		name := widget.NewLabel(filepath.Base(p))
		name.Truncation = fyne.TextTruncateEllipsis
		open := widget.NewButtonWithIcon("打开文件", theme.FileIcon(), func() { t.d.openLocal(p) })
		rows.Add(container.NewBorder(nil, nil, nil, open, name))
	}
	folder := widget.NewButtonWithIcon("打开所在文件夹", theme.FolderOpenIcon(), func() { t.d.openLocal(dir) })
	rows.Add(container.NewHBox(folder))
	dlg := dialog.NewCustom("导出完成", "关闭", rows, t.d.win)
	dlg.Resize(fyne.NewSize(620, 190+float32(len(paths))*44))
	dlg.Show()
}
