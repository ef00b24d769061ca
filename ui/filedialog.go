package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"rendadesk/export"
)

// The file dialogs of the window. On Windows they are the system's own (filedialog_windows.go: the Explorer
// dialog with 桌面, 此电脑 and the USB stick); elsewhere our Fyne chooser (filechooser.go), in Chinese. Either
// way a dialog only yields a path: nothing is opened or created by it, and only our atomic writer
// (export.writeAtomically) writes — Fyne's own save dialog truncated the chosen file before we had written
// anything, so a full disk left an earlier export at 0 bytes. Each kind of file (store.FolderExports …) opens
// where the clerk last saved or opened one.

// fileMode is what a file dialog asks for.
type fileMode int

const (
	openFile   fileMode = iota // an existing file
	saveFile                   // a name to save under; an existing file only after the clerk agrees
	pickFolder                 // a folder
)

// fileRequest describes one file dialog.
type fileRequest struct {
	mode     fileMode
	title    string   // the dialog's title
	name     string   // saveFile: the proposed name, with its extension
	exts     []string // the extensions offered, with the dot; saveFile adds exts[0] to a name without it
	typeName string   // what the files are, for the type line: 「Excel 工作簿」
	dir      string   // where the dialog opens; the desktop or home folder when "" or gone
}

// typeLine is 「Excel 工作簿 (*.xlsx)」.
func (r fileRequest) typeLine() string {
	pats := make([]string, len(r.exts))
	for i, e := range r.exts {
		pats[i] = "*" + e
	}
	name := r.typeName
	if name == "" {
		name = "文件"
	}
	return fmt.Sprintf("%s (%s)", name, strings.Join(pats, ";"))
}

// fileTypeNames are the type lines of the extensions the program writes and reads.
var fileTypeNames = map[string]string{".xlsx": "Excel 工作簿", ".pdf": "PDF 文件", ".txt": "文本文件", ".db": "数据库文件"}

// withExt adds ext to name unless name already ends with it (in any case): 「名册」 → 「名册.xlsx」.
func withExt(name, ext string) string {
	if ext == "" || strings.EqualFold(filepath.Ext(name), ext) {
		return name
	}
	return name + ext
}

// badNameChars are the characters a file name cannot hold on Windows (and "/" anywhere).
const badNameChars = `\/:*?"<>|`

// checkFileName says in Chinese what is wrong with a typed file name, or returns nil.
func checkFileName(name string) error {
	switch {
	case strings.TrimSpace(name) == "":
		return errors.New("请输入文件名")
	case strings.ContainsAny(name, badNameChars):
		return fmt.Errorf("文件名不能包含下列字符：%s", strings.Join(strings.Split(badNameChars, ""), " "))
	case name == "." || name == "..":
		return errors.New("请输入文件名")
	}
	return nil
}

// existingDir returns dir when it is a folder, else its nearest existing parent, else "".
func existingDir(dir string) string {
	for dir != "" {
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	return ""
}

// defaultFolder is where a dialog opens the first time: the desktop, where a clerk keeps what they work on,
// else the home folder.
func defaultFolder() string {
	if p := userPlace("DESKTOP"); p != "" {
		return p
	}
	home, _ := os.UserHomeDir()
	return home
}

// startFolder is where a dialog for files of kind opens: the folder last used for them, else the default.
func (d *desk) startFolder(kind string) string {
	dir, err := d.db.Folder(d.ctx, kind)
	logError("读取上次使用的文件夹", err) // the dialog opens in the default folder instead
	if dir = existingDir(dir); dir != "" {
		return dir
	}
	return defaultFolder()
}

// rememberFolder keeps dir as the folder of files of kind, for the next dialog.
func (d *desk) rememberFolder(kind, dir string) {
	logError("记住文件夹", d.db.SetFolder(d.ctx, kind, dir)) // only a convenience: the file is written anyway
}

// askSavePath asks where to save a file of kind (store.FolderExports …) with the extension ext (".xlsx",
// ".pdf"), proposing fileName in the folder last used for the kind, and calls then with the chosen path: the
// extension added before an existing file is asked about, nothing opened or created.
func (d *desk) askSavePath(kind, fileName, ext string, then func(path string)) {
	// A long title or office name is shortened, characters no file system takes replaced.
	req := fileRequest{mode: saveFile, title: "另存为 " + fileTypeName(ext), name: withExt(export.FileName(fileName, "", ext), ext),
		exts: []string{ext}, typeName: fileTypeName(ext), dir: d.startFolder(kind)}
	chooseFile(d.win, req, func(path string) {
		if path == "" {
			return
		}
		d.rememberFolder(kind, filepath.Dir(path))
		then(path)
	})
}

// askOpenPath asks for an existing file of kind with one of exts, starting in the folder last used for the
// kind, and calls then with its path.
func (d *desk) askOpenPath(kind, title, typeName string, exts []string, then func(path string)) {
	req := fileRequest{mode: openFile, title: title, exts: exts, typeName: typeName, dir: d.startFolder(kind)}
	chooseFile(d.win, req, func(path string) {
		if path == "" {
			return
		}
		d.rememberFolder(kind, filepath.Dir(path))
		then(path)
	})
}

// askFolder asks for a folder for files of kind, starting in the one last used, and calls then with it.
func (d *desk) askFolder(kind, title string, then func(dir string)) {
	req := fileRequest{mode: pickFolder, title: title, dir: d.startFolder(kind)}
	chooseFile(d.win, req, func(dir string) {
		if dir == "" {
			return
		}
		d.rememberFolder(kind, dir)
		then(dir)
	})
}

// fileTypeName is the clerk's name of a kind of file by its extension.
func fileTypeName(ext string) string {
	if n, ok := fileTypeNames[strings.ToLower(ext)]; ok {
		return n
	}
	return strings.TrimPrefix(ext, ".") + " 文件"
}

// confirmSavePath finishes a save dialog's choice: it adds the extension, refuses a folder's name, and when
// the file exists asks in Chinese, naming it, whether to replace it; then calls done with the path (or does
// nothing when the clerk keeps the file). The file itself is left untouched.
func confirmSavePath(win fyne.Window, path, ext string, done func(path string)) {
	path = withExt(path, ext)
	st, err := os.Stat(path)
	switch {
	case err != nil:
		done(path)
	case st.IsDir():
		dialog.ShowInformation("不能保存", fmt.Sprintf("「%s」是一个文件夹，请换一个文件名。", filepath.Base(path)), win)
	default:
		msg := widget.NewLabel(fmt.Sprintf("文件「%s」已经存在于\n%s\n\n要用新文件替换它吗？", filepath.Base(path), filepath.Dir(path)))
		msg.Wrapping = fyne.TextWrapWord
		ask := dialog.NewCustomConfirm("替换文件", "替换", "取消", msg, func(ok bool) {
			if ok {
				done(path)
			}
		}, win)
		ask.Resize(fyne.NewSize(520, 220))
		ask.Show()
	}
}
