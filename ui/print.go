package ui

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
	"rendadesk/ui/cli"
)

// printTo asks where to save, writes the document through cli.Print (the same path as `rendadesk print`),
// and offers to open it. Writing runs off the UI goroutine.
func (d *desk) printTo(kind, fileName string, o cli.PrintOptions) {
	d.askSavePath(fileName, ".pdf", func(path string) {
		bar := widget.NewProgressBarInfinite()
		wait := dialog.NewCustomWithoutButtons("正在生成 PDF…", bar, d.win)
		wait.Show()
		go func() {
			var err error
			defer func() {
				// A failure inside the PDF library must not take the clerk's window down with it.
				if r := recover(); r != nil {
					err = fmt.Errorf("生成 PDF 时出错(%v)，请把这个提示告诉维护人员", r)
					fyne.Do(func() { wait.Hide(); d.showError(err) })
				}
			}()
			err = cli.Print(d.ctx, d.db, kind, o, path)
			fyne.Do(func() {
				wait.Hide()
				if err != nil {
					d.showError(err)
					return
				}
				d.showWritten(path)
			})
		}()
	})
}

// showWritten tells where a file went, with 打开文件 and 打开所在文件夹.
func (d *desk) showWritten(path string) {
	open := d.openLocal
	msg := widget.NewLabel("已生成:\n" + path)
	msg.Wrapping = fyne.TextWrapWord
	buttons := []fyne.CanvasObject{
		widget.NewButtonWithIcon("打开文件", theme.FileIcon(), func() { open(path) }),
		widget.NewButtonWithIcon("打开所在文件夹", theme.FolderOpenIcon(), func() { open(filepath.Dir(path)) }),
	}
	dlg := dialog.NewCustom("完成", "关闭", container.NewVBox(msg, container.NewHBox(buttons...)), d.win)
	dlg.Resize(fyne.NewSize(480, 200))
	dlg.Show()
}

// printChoice is one printed form offered for an item.
type printChoice struct {
	label, kind, file string
}

// itemPrintChoices are the forms that make sense for an item in its state: 交办单 once assigned, 征询意见表
// once replied, 办理过程单 always.
func itemPrintChoices(x store.Suggestion) []printChoice {
	var out []printChoice
	if x.Assigned != "" {
		out = append(out, printChoice{"交办单", "assign-form", x.Number + "交办单"})
	}
	if x.LastReply != "" {
		out = append(out, printChoice{"代表意见征询表", "satisfaction-form", x.Number + "征询意见表"})
	}
	return append(out, printChoice{"建议办理过程单", "item-history", x.Number + "办理过程单"})
}

// itemPrintButton offers the printed forms of one item in a menu.
func (t *suggestionsTab) itemPrintButton(x store.Suggestion) fyne.CanvasObject {
	var b *widget.Button
	b = widget.NewButtonWithIcon("打印", theme.DocumentPrintIcon(), func() {
		var items []*fyne.MenuItem
		for _, c := range itemPrintChoices(x) {
			items = append(items, fyne.NewMenuItem(c.label, func() {
				t.d.printTo(c.kind, c.file, cli.PrintOptions{ID: fmt.Sprint(x.ID)})
			}))
		}
		c := fyne.CurrentApp().Driver().CanvasForObject(b)
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b).Add(fyne.NewPos(0, b.Size().Height))
		widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, pos)
	})
	return b
}
