package ui

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// fileChooser is the file dialog where the system offers none we can use (Linux: GTK's would have to be
// linked in): our own, because Fyne's dialog names its places in English (Home, Computer, Documents), asks
// 「Overwrite?」 in English before the extension is added, and truncates the file it hands back. Places on the
// left (主文件夹, 桌面, 文档, 下载, the USB sticks, 计算机), the folder's path, its folders and files of the
// requested types, and for saving a name; a double click opens a folder or chooses a file.
type fileChooser struct {
	req  fileRequest
	win  fyne.Window
	done func(string) // called once: the path, or "" when cancelled

	dir      string
	entries  []chooserEntry
	selected int // the entry chosen in the list, -1 for none

	dlg     dialog.Dialog
	path    *textEntry
	list    *widget.List
	places  []chooserPlace
	name    *textEntry    // saveFile
	picked  *widget.Label // openFile: the file chosen
	msg     *widget.Label
	ok      *widget.Button
	closing bool
}

// chooserEntry is a folder or file in the folder shown.
type chooserEntry struct {
	name  string
	dir   bool
	size  int64
	mtime time.Time
}

// chooserPlace is a place on the left.
type chooserPlace struct {
	label string
	path  string
	icon  fyne.Resource
}

// showFileChooser opens the chooser for req over win; done gets the chosen path, or "" when cancelled.
func showFileChooser(win fyne.Window, req fileRequest, done func(string)) *fileChooser {
	c := &fileChooser{req: req, win: win, done: done, selected: -1}
	c.places = chooserPlaces()
	c.msg = widget.NewLabel("")
	c.msg.Importance = widget.DangerImportance
	c.msg.Wrapping = fyne.TextWrapWord
	c.msg.Hide()

	c.path = newTextEntry()
	c.path.OnSubmitted = func(p string) { c.open(strings.TrimSpace(p)) }
	up := widget.NewButtonWithIcon("上一级", theme.MoveUpIcon(), func() { c.open(filepath.Dir(c.dir)) })
	newFolder := widget.NewButtonWithIcon("新建文件夹", theme.FolderNewIcon(), c.askNewFolder)
	top := container.NewBorder(nil, nil, up, newFolder, c.path)

	placeList := widget.NewList(func() int { return len(c.places) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, widget.NewIcon(theme.FolderIcon()), nil, truncLabel(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[1].(*widget.Icon).SetResource(c.places[i].icon)
			row.Objects[0].(*widget.Label).SetText(c.places[i].label)
		})
	placeList.OnSelected = func(i widget.ListItemID) {
		c.open(c.places[i].path)
		placeList.UnselectAll()
	}

	c.list = widget.NewList(func() int { return len(c.entries) }, c.newRow, c.updateRow)
	c.list.OnSelected = c.choose
	c.list.OnUnselected = func(widget.ListItemID) { c.selected = -1 }
	head := container.NewBorder(nil, nil, nil, container.NewHBox(fixedWidth(140, boldLabel("修改日期")),
		fixedWidth(80, boldLabel("大小"))), boldLabel("名称"))
	files := container.NewBorder(head, nil, nil, nil, c.list)
	split := container.NewHSplit(placeList, files)
	split.Offset = 0.22

	okText := map[fileMode]string{openFile: "打开", saveFile: "保存", pickFolder: "选择文件夹"}[req.mode]
	c.ok = widget.NewButton(okText, c.confirm)
	c.ok.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", c.cancel)
	var bottom fyne.CanvasObject
	switch req.mode {
	case saveFile:
		c.name = newTextEntry()
		c.name.SetText(req.name)
		c.name.OnSubmitted = func(string) { c.confirm() }
		form := widget.NewForm(widget.NewFormItem("文件名", c.name), widget.NewFormItem("保存类型", widget.NewLabel(req.typeLine())))
		bottom = form
	case openFile:
		c.picked = truncLabel("")
		c.ok.Disable()
		bottom = widget.NewForm(widget.NewFormItem("文件", c.picked), widget.NewFormItem("文件类型", widget.NewLabel(req.typeLine())))
	default:
		bottom = widget.NewLabel("打开要选择的文件夹后点「选择文件夹」，或在列表中选中一个文件夹。")
	}
	buttons := container.NewHBox(layout.NewSpacer(), cancel, c.ok)
	content := container.NewBorder(top, container.NewVBox(bottom, c.msg, buttons), nil, nil, split)

	c.dlg = dialog.NewCustomWithoutButtons(req.title, content, win)
	size := win.Canvas().Size()
	c.dlg.Resize(fyne.NewSize(min(940, size.Width*0.92), min(620, size.Height*0.92)))
	start := existingDir(req.dir)
	if start == "" {
		start = defaultFolder()
	}
	c.open(start)
	c.dlg.Show()
	if c.name != nil {
		win.Canvas().Focus(c.name)
		// The cursor before the extension, where a clerk changes a proposed name.
		c.name.CursorColumn = len([]rune(strings.TrimSuffix(req.name, filepath.Ext(req.name))))
		c.name.Refresh()
	}
	return c
}

// truncLabel is a label that ends in … when it is too long for its place.
func truncLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// chooserRow is a line of the file list: it opens a folder or chooses a file on a double click.
type chooserRow struct {
	widget.BaseWidget
	c                *fileChooser
	id               int
	icon             *widget.Icon
	name, date, size *widget.Label
}

func (c *fileChooser) newRow() fyne.CanvasObject {
	r := &chooserRow{c: c, icon: widget.NewIcon(theme.FileIcon()), name: truncLabel(""), date: widget.NewLabel(""), size: widget.NewLabel("")}
	r.size.Alignment = fyne.TextAlignTrailing
	r.ExtendBaseWidget(r)
	return r
}

func (r *chooserRow) CreateRenderer() fyne.WidgetRenderer {
	right := container.NewHBox(fixedWidth(140, r.date), fixedWidth(80, r.size))
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, r.icon, right, r.name))
}

// Tapped selects the row in the list.
func (r *chooserRow) Tapped(*fyne.PointEvent) { r.c.list.Select(r.id) }

// DoubleTapped opens the folder or chooses the file.
func (r *chooserRow) DoubleTapped(*fyne.PointEvent) {
	if r.id >= len(r.c.entries) {
		return
	}
	e := r.c.entries[r.id]
	if e.dir {
		r.c.open(filepath.Join(r.c.dir, e.name))
		return
	}
	r.c.list.Select(r.id)
	r.c.confirm()
}

func (c *fileChooser) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	r := o.(*chooserRow)
	r.id = i
	e := c.entries[i]
	r.name.SetText(e.name)
	r.date.SetText(e.mtime.Format("2006-01-02 15:04"))
	if e.dir {
		r.icon.SetResource(theme.FolderIcon())
		r.size.SetText("")
	} else {
		r.icon.SetResource(theme.FileIcon())
		r.size.SetText(fileSizeText(e.size))
	}
}

// fileSizeText is 「12 KB」, 「1.5 MB」.
func fileSizeText(n int64) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d 字节", n)
	case n < 1024*1024:
		return fmt.Sprintf("%d KB", (n+1023)/1024)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1024*1024))
}

// open shows the folder dir, or says why it cannot and stays where it was.
func (c *fileChooser) open(dir string) {
	if dir == "" {
		return
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	list, err := os.ReadDir(dir)
	if err != nil {
		c.showMsg(folderError(dir, err))
		c.path.SetText(c.dir)
		return
	}
	var entries []chooserEntry
	for _, de := range list {
		name := de.Name()
		if strings.HasPrefix(name, ".") {
			continue // hidden, as in the system's dialogs
		}
		info, err := de.Info()
		if err != nil {
			continue // gone since the folder was read
		}
		isDir := info.IsDir()
		if info.Mode()&fs.ModeSymlink != 0 {
			if st, err := os.Stat(filepath.Join(dir, name)); err == nil {
				isDir, info = st.IsDir(), st
			}
		}
		if !isDir && (c.req.mode == pickFolder || !c.matches(name)) {
			continue
		}
		entries = append(entries, chooserEntry{name: name, dir: isDir, size: info.Size(), mtime: info.ModTime()})
	}
	slices.SortFunc(entries, func(a, b chooserEntry) int {
		if a.dir != b.dir {
			if a.dir {
				return -1
			}
			return 1
		}
		return strings.Compare(strings.ToLower(a.name), strings.ToLower(b.name))
	})
	c.dir, c.entries, c.selected = dir, entries, -1
	c.path.SetText(dir)
	c.list.UnselectAll()
	c.list.Refresh()
	c.list.ScrollToTop()
	c.hideMsg()
	if c.picked != nil {
		c.picked.SetText("")
		c.ok.Disable()
	}
}

// matches reports whether a file name has one of the requested extensions.
func (c *fileChooser) matches(name string) bool {
	if len(c.req.exts) == 0 {
		return true
	}
	ext := strings.ToLower(filepath.Ext(name))
	return slices.Contains(c.req.exts, ext)
}

// folderError says in Chinese why a folder cannot be shown.
func folderError(dir string, err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Sprintf("文件夹「%s」不存在。", dir)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Sprintf("没有权限打开文件夹「%s」。", dir)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) && strings.Contains(pe.Err.Error(), "not a directory") {
		return fmt.Sprintf("「%s」不是文件夹。", dir)
	}
	fyne.LogError("打开文件夹 "+dir, err)
	return fmt.Sprintf("无法打开文件夹「%s」。", dir)
}

// choose follows a row chosen in the list: a file's name goes into the name box (saving) or becomes the
// file to open; a folder is only marked (a double click opens it).
func (c *fileChooser) choose(i widget.ListItemID) {
	if i >= len(c.entries) {
		return
	}
	c.selected = i
	e := c.entries[i]
	if e.dir {
		return
	}
	switch c.req.mode {
	case saveFile:
		c.name.SetText(e.name)
	case openFile:
		c.picked.SetText(e.name)
		c.ok.Enable()
	}
}

// confirm acts on 保存, 打开 or 选择文件夹.
func (c *fileChooser) confirm() {
	var sel *chooserEntry
	if c.selected >= 0 && c.selected < len(c.entries) {
		sel = &c.entries[c.selected]
	}
	switch c.req.mode {
	case pickFolder:
		dir := c.dir
		if sel != nil && sel.dir {
			dir = filepath.Join(c.dir, sel.name)
		}
		c.finish(dir)
	case openFile:
		if sel == nil {
			c.showMsg("请先在列表中选择一个文件。")
			return
		}
		if sel.dir {
			c.open(filepath.Join(c.dir, sel.name))
			return
		}
		c.finish(filepath.Join(c.dir, sel.name))
	case saveFile:
		name := strings.TrimSpace(c.name.Text)
		if err := checkFileName(name); err != nil {
			c.showMsg(err.Error())
			return
		}
		ext := ""
		if len(c.req.exts) > 0 {
			ext = c.req.exts[0]
		}
		confirmSavePath(c.win, filepath.Join(c.dir, name), ext, c.finish)
	}
}

// finish closes the chooser with a path.
func (c *fileChooser) finish(path string) {
	if c.closing {
		return
	}
	c.closing = true
	c.dlg.Hide()
	c.done(path)
}

// cancel closes the chooser without a path.
func (c *fileChooser) cancel() {
	if c.closing {
		return
	}
	c.closing = true
	c.dlg.Hide()
	c.done("")
}

func (c *fileChooser) showMsg(s string) {
	c.msg.SetText(s)
	c.msg.Show()
}

func (c *fileChooser) hideMsg() {
	c.msg.SetText("")
	c.msg.Hide()
}

// askNewFolder asks for a name and creates the folder inside the one shown, then opens it.
func (c *fileChooser) askNewFolder() {
	name := newTextEntry()
	name.SetText("新建文件夹")
	dialog.ShowForm("新建文件夹", "新建", "取消", []*widget.FormItem{widget.NewFormItem("名称", name)}, func(ok bool) {
		if !ok {
			return
		}
		n := strings.TrimSpace(name.Text)
		if err := checkFileName(n); err != nil {
			c.showMsg(strings.Replace(err.Error(), "文件名", "文件夹名", 1))
			return
		}
		dir := filepath.Join(c.dir, n)
		if err := os.Mkdir(dir, 0o755); err != nil {
			switch {
			case errors.Is(err, fs.ErrExist):
				c.showMsg(fmt.Sprintf("「%s」已经存在。", n))
			case errors.Is(err, fs.ErrPermission):
				c.showMsg(fmt.Sprintf("没有权限在「%s」里新建文件夹。", c.dir))
			default:
				fyne.LogError("新建文件夹 "+dir, err)
				c.showMsg(fmt.Sprintf("无法新建文件夹「%s」。", n))
			}
			return
		}
		c.open(dir)
	}, c.win)
}

// chooserPlaces are the places on the left: the home folder and its desktop, documents and downloads, the
// removable disks (U盘) the desktop mounted, and the whole computer.
func chooserPlaces() []chooserPlace {
	var out []chooserPlace
	add := func(label, path string, icon fyne.Resource) {
		if path == "" || existingDir(path) != path {
			return
		}
		for _, p := range out {
			if p.path == path {
				return
			}
		}
		out = append(out, chooserPlace{label, path, icon})
	}
	home, _ := os.UserHomeDir()
	add("主文件夹", home, theme.HomeIcon())
	add("桌面", userPlace("DESKTOP"), theme.ComputerIcon())
	add("文档", userPlace("DOCUMENTS"), theme.DocumentIcon())
	add("下载", userPlace("DOWNLOAD"), theme.DownloadIcon())
	for _, m := range removableDisks() {
		add("U盘 "+filepath.Base(m), m, theme.StorageIcon())
	}
	if runtime.GOOS == "windows" {
		for c := 'C'; c <= 'Z'; c++ {
			add(fmt.Sprintf("磁盘 (%c:)", c), string(c)+`:\`, theme.StorageIcon())
		}
	} else {
		add("计算机", "/", theme.ComputerIcon())
	}
	return out
}

// userPlace is one of the desktop's user folders (DESKTOP, DOCUMENTS, DOWNLOAD) as ~/.config/user-dirs.dirs
// names it (桌面, 文档 … on a Chinese desktop), else its English name under home; "" when it does not exist.
func userPlace(key string) string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	if f, err := os.Open(filepath.Join(home, ".config", "user-dirs.dirs")); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			v, ok := strings.CutPrefix(line, "XDG_"+key+"_DIR=")
			if !ok {
				continue
			}
			v = strings.ReplaceAll(strings.Trim(v, `"`), "$HOME", home)
			if v != home && existingDir(v) == v {
				return v
			}
		}
	}
	english := map[string]string{"DESKTOP": "Desktop", "DOCUMENTS": "Documents", "DOWNLOAD": "Downloads"}[key]
	for _, name := range []string{english, map[string]string{"DESKTOP": "桌面", "DOCUMENTS": "文档", "DOWNLOAD": "下载"}[key]} {
		if p := filepath.Join(home, name); name != "" && existingDir(p) == p {
			return p
		}
	}
	return ""
}

// removableDisks are the folders where the desktop mounts USB sticks and other removable disks for the user:
// /media/USER/*, /run/media/USER/* (and /media/* on older systems).
func removableDisks() []string {
	name := ""
	if u, err := user.Current(); err == nil {
		name = u.Username
	}
	var out []string
	for _, root := range []string{filepath.Join("/media", name), filepath.Join("/run/media", name), "/media"} {
		list, err := os.ReadDir(root)
		if err != nil {
			continue
		}
		for _, de := range list {
			p := filepath.Join(root, de.Name())
			if de.IsDir() && p != filepath.Join("/media", name) && !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}
