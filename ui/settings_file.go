package ui

import (
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// settingsFile shows where the data lives (its backups have their own section, 备份).
type settingsFile struct {
	t       *settingsTab
	path    *widget.Label
	size    *widget.Label
	attach  *widget.Label // what the attachments take of the file (issue 20)
	content fyne.CanvasObject
}

func newSettingsFile(t *settingsTab) *settingsFile {
	f := &settingsFile{t: t}
	f.path = widget.NewLabel(t.d.db.Path())
	f.path.Wrapping = fyne.TextWrapBreak
	f.path.Selectable = true
	f.size = widget.NewLabel("")
	f.attach = widget.NewLabel("")
	open := widget.NewButtonWithIcon("打开所在文件夹", theme.FolderOpenIcon(), f.openFolder)
	note := widget.NewLabel("全部数据都保存在上面这一个文件中。程序每天自动备份到它旁边的「备份」文件夹；" +
		"请再定期用「备份」中的「备份到…」复制到U盘或其他电脑。")
	note.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem("数据库文件", f.path),
		widget.NewFormItem("文件大小", f.size),
		widget.NewFormItem("其中附件", f.attach),
	)
	head := boldLabel("数据文件")
	f.content = container.NewVScroll(container.NewVBox(head, form, container.NewHBox(open), note))
	return f
}

// update re-reads the file size.
func (f *settingsFile) update() {
	f.path.SetText(f.t.d.db.Path())
	f.size.SetText(settingsFileSize(f.t.d.db.Path()))
	f.attach.SetText(f.attachmentsText())
}

// attachmentsText is what the attachments take: 「35 个，共 120.4 MB（相同的文件只存一份，省下 2.1 MB）」.
func (f *settingsFile) attachmentsText() string {
	t, err := f.t.d.db.AttachmentTotals(f.t.d.ctx)
	if err != nil {
		logError("读取附件的大小", err)
		return "(无法读取)"
	}
	if t.Count == 0 {
		return "没有附件"
	}
	s := fmt.Sprintf("%d 个，共 %s", t.Count, store.SizeText(t.Bytes))
	if t.Saved > 0 {
		s += fmt.Sprintf("（相同的文件只存一份，省下 %s）", store.SizeText(t.Saved))
	}
	return s
}

// settingsFileSize is the size of the database with its write-ahead log, e.g. 「2.4 MB」.
func settingsFileSize(path string) string {
	st, err := os.Stat(path)
	if err != nil {
		return "(无法读取)"
	}
	n := st.Size()
	if wal, err := os.Stat(path + "-wal"); err == nil {
		n += wal.Size()
	}
	return settingsSizeText(n)
}

// settingsSizeText is a size in bytes as the clerk reads it: 「2.4 MB」, 「512 KB」.
func settingsSizeText(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d 字节", n)
}

// openFolder asks the system's file manager to show the folder of the database.
func (f *settingsFile) openFolder() { f.t.d.openLocal(filepath.Dir(f.t.d.db.Path())) }
