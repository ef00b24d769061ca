package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// chooserEntry finds the text box of the dialog on top whose text is text.
func findEntry(o fyne.CanvasObject, match func(string) bool) *widget.Entry {
	var out *widget.Entry
	walk(o, func(c fyne.CanvasObject) {
		e, ok := c.(*widget.Entry)
		if t, isText := c.(*textEntry); isText {
			e, ok = &t.Entry, true
		}
		if ok && out == nil && match(e.Text) {
			out = e
		}
	})
	return out
}

// englishWords are what Fyne's own file dialog showed a Chinese clerk.
var englishWords = regexp.MustCompile(`Home|Computer|Overwrite|Open File|Save File|Desktop|Documents|Downloads|Cancel|Create Folder`)

func TestSaveDialog(t *testing.T) {
	d := testDesk(t, testDB(t, false))
	dir := t.TempDir()
	old := filepath.Join(dir, "代表名册.xlsx")
	if err := os.WriteFile(old, []byte("上次导出的名册"), 0o644); err != nil {
		t.Fatal(err)
	}
	d.rememberFolder(store.FolderExports, dir)
	var got []string
	open := func() fyne.CanvasObject {
		d.askSavePath(store.FolderExports, "代表名册", ".xlsx", func(p string) { got = append(got, p) })
		return topDialog(t, d)
	}
	unchanged := func() {
		t.Helper()
		if b, err := os.ReadFile(old); err != nil || string(b) != "上次导出的名册" {
			t.Fatalf("the existing file became %q (%v): the dialog must not touch it", b, err)
		}
	}

	t.Run("StartsInRememberedFolderInChinese", func(t *testing.T) {
		dlg := open()
		saveShot(t, d.win, "filedialog-save")
		if findEntry(dlg, func(s string) bool { return s == dir }) == nil {
			t.Errorf("the dialog does not show the remembered folder %s", dir)
		}
		text := labelText(dlg)
		walk(dlg, func(c fyne.CanvasObject) {
			if f, ok := c.(*widget.Form); ok {
				text += "|" + f.Items[0].Text
			}
		})
		for _, want := range []string{"另存为 Excel 工作簿", "主文件夹", "计算机", "|文件名", "Excel 工作簿 (*.xlsx)", "代表名册.xlsx"} {
			if !strings.Contains(text, want) {
				t.Errorf("the dialog lacks %q:\n%s", want, text)
			}
		}
		if w := englishWords.FindString(text + buttonsText(dlg)); w != "" {
			t.Errorf("English %q in the dialog", w)
		}
		test.Tap(dialogButton(t, d, "取消"))
		if len(got) != 0 {
			t.Fatalf("cancel chose %v", got)
		}
	})
	t.Run("ExtensionAddedBeforeAskingAboutReplacing", func(t *testing.T) {
		dlg := open()
		findEntry(dlg, func(s string) bool { return s == "代表名册.xlsx" }).SetText("代表名册") // typed without .xlsx
		test.Tap(findButton(dlg, "保存"))
		ask := dialogText(d)
		if !strings.Contains(ask, "「代表名册.xlsx」已经存在") || !strings.Contains(ask, "要用新文件替换它吗") {
			t.Fatalf("the question is %q, want it to name 代表名册.xlsx", ask)
		}
		saveShot(t, d.win, "filedialog-replace")
		unchanged()
		test.Tap(dialogButton(t, d, "取消"))
		if len(got) != 0 {
			t.Fatalf("keeping the file chose %v", got)
		}
		unchanged()
		test.Tap(findButton(dlg, "保存"))
		test.Tap(dialogButton(t, d, "替换"))
		if len(got) != 1 || got[0] != old {
			t.Fatalf("chose %v, want %s", got, old)
		}
		unchanged() // the dialog only yields the path; the atomic writer writes
	})
	t.Run("NewNameNotCreated", func(t *testing.T) {
		got = nil
		dlg := open()
		findEntry(dlg, func(s string) bool { return s == "代表名册.xlsx" }).SetText("2024年名册")
		test.Tap(findButton(dlg, "保存"))
		want := filepath.Join(dir, "2024年名册.xlsx")
		if len(got) != 1 || got[0] != want {
			t.Fatalf("chose %v, want %s without a question (%q)", got, want, dialogText(d))
		}
		if _, err := os.Stat(want); !os.IsNotExist(err) {
			t.Fatalf("the dialog created %s: %v", want, err)
		}
	})
	t.Run("ErrBadName", func(t *testing.T) {
		got = nil
		dlg := open()
		findEntry(dlg, func(s string) bool { return s == "代表名册.xlsx" }).SetText("名册/2024")
		test.Tap(findButton(dlg, "保存"))
		if len(got) != 0 || !strings.Contains(labelText(dlg), "文件名不能包含下列字符") {
			t.Fatalf("chose %v; dialog says %q", got, labelText(dlg))
		}
		test.Tap(findButton(dlg, "取消"))
	})
	t.Run("ErrFolderMissing", func(t *testing.T) {
		dlg := open()
		path := findEntry(dlg, func(s string) bool { return s == dir })
		path.SetText(filepath.Join(dir, "没有这个文件夹"))
		path.OnSubmitted(path.Text)
		if !strings.Contains(labelText(dlg), "文件夹「"+filepath.Join(dir, "没有这个文件夹")+"」不存在") {
			t.Fatalf("dialog says %q", labelText(dlg))
		}
		if path.Text != dir {
			t.Errorf("the path box shows %q, want it back at %s", path.Text, dir)
		}
		test.Tap(findButton(dlg, "取消"))
	})
	t.Run("RemembersTheFolder", func(t *testing.T) {
		sub := filepath.Join(dir, "报表")
		if err := os.Mkdir(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		got = nil
		dlg := open()
		path := findEntry(dlg, func(s string) bool { return s == dir })
		path.SetText(sub)
		path.OnSubmitted(sub)
		test.Tap(findButton(dlg, "保存"))
		if len(got) != 1 || got[0] != filepath.Join(sub, "代表名册.xlsx") {
			t.Fatalf("chose %v", got)
		}
		if f, _ := d.db.Folder(d.ctx, store.FolderExports); f != sub {
			t.Errorf("remembered %q, want %s", f, sub)
		}
		if f, _ := d.db.Folder(d.ctx, store.FolderPrints); f != "" {
			t.Errorf("prints remembered %q from an export", f)
		}
	})
}

// buttonsText joins the text of every button inside o.
func buttonsText(o fyne.CanvasObject) string {
	var sb strings.Builder
	walk(o, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok {
			sb.WriteString(b.Text + " ")
		}
	})
	return sb.String()
}

func TestOpenDialogShowsOnlyItsTypes(t *testing.T) {
	d := testDesk(t, testDB(t, false))
	dir := t.TempDir()
	for _, name := range []string{"名册.xlsx", "说明.docx", "旧表.XLS", ".隐藏.xlsx"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "子文件夹"), 0o755); err != nil {
		t.Fatal(err)
	}
	d.rememberFolder(store.FolderImports, dir)
	var got string
	d.askOpenPath(store.FolderImports, "选择要导入的文件", "表格文件", []string{".xlsx", ".xls"}, func(p string) { got = p })
	dlg := topDialog(t, d)
	var rows []string
	walk(dlg, func(c fyne.CanvasObject) {
		if r, ok := c.(*chooserRow); ok && r.name.Text != "" {
			rows = append(rows, r.name.Text)
		}
	})
	if strings.Join(rows, ",") != "子文件夹,名册.xlsx,旧表.XLS" {
		t.Fatalf("rows %v, want the folder first, then the .xlsx and .xls files only", rows)
	}
	if b := findButton(dlg, "打开"); !b.Disabled() {
		t.Error("打开 is enabled before a file is chosen")
	}
	var list *widget.List
	walk(dlg, func(c fyne.CanvasObject) {
		if l, ok := c.(*widget.List); ok && l.Length() == 3 {
			list = l
		}
	})
	list.Select(1)
	test.Tap(findButton(dlg, "打开"))
	if want := filepath.Join(dir, "名册.xlsx"); got != want {
		t.Fatalf("opened %q, want %s", got, want)
	}
}

func TestFolderDialogChoosesTheFolderShown(t *testing.T) {
	d := testDesk(t, testDB(t, false))
	dir := t.TempDir()
	d.rememberFolder(store.FolderBackups, dir)
	var got string
	d.askFolder(store.FolderBackups, "选择备份到的文件夹", func(p string) { got = p })
	dlg := topDialog(t, d)
	test.Tap(findButton(dlg, "新建文件夹"))
	findEntry(topDialog(t, d), func(s string) bool { return s == "新建文件夹" }).SetText("U盘备份")
	test.Tap(dialogButton(t, d, "新建"))
	if findEntry(dlg, func(s string) bool { return s == filepath.Join(dir, "U盘备份") }) == nil {
		t.Fatalf("the new folder is not shown: %q", labelText(dlg))
	}
	test.Tap(findButton(dlg, "选择文件夹"))
	if want := filepath.Join(dir, "U盘备份"); got != want {
		t.Fatalf("chose %q, want %s", got, want)
	}
	if f, _ := d.db.Folder(d.ctx, store.FolderBackups); f != got {
		t.Errorf("remembered %q", f)
	}
}

// An exported list is written by our writer to the chosen path, and the clerk is offered to open it.
func TestExportListOffersToOpen(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	dir := t.TempDir()
	d.rememberFolder(store.FolderExports, dir)
	d.deputies.exportList()
	test.Tap(findButton(topDialog(t, d), "保存"))
	out := filepath.Join(dir, "代表名册.xlsx")
	if st, err := os.Stat(out); err != nil || st.Size() < 1000 {
		t.Fatalf("export wrote %v (%v)", st, err)
	}
	done := topDialog(t, d)
	if !strings.Contains(labelText(done), out) || findButton(done, "打开文件") == nil || findButton(done, "打开所在文件夹") == nil {
		t.Fatalf("after the export: %q %q", labelText(done), buttonsText(done))
	}
}
