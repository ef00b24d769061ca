package export_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rendadesk/export"
	"rendadesk/store"
)

// Bad output folders (SPEC §10): a read-only folder, or one that does not exist, gets a Chinese message that
// names the folder, and leaves no file behind — neither the output nor the temporary file it is written to
// before the rename. The three writers are the list workbook, a PDF form, and the report text.

// writers returns each writer as a function of the output path.
func writers(t *testing.T) map[string]func(path string) error {
	st := store.DefaultSettings()
	st.OfficeName = "青山镇人大主席团"
	it := store.NamedSuggestion{Suggestion: store.Suggestion{Number: "2024-007", Title: "关于村口积水的建议", VoterName: "张三",
		Category: "城乡建设", Scope: store.LevelTown, Received: "2024-03-01", Content: "雨后积水。", Kind: store.KindVoter}}
	db, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	figures, err := db.YearFigures(context.Background(), 2024, "")
	if err != nil {
		t.Fatal(err)
	}
	return map[string]func(string) error{
		"ListXLSX": func(path string) error {
			return export.ListXLSX(path, "代表名册", []string{"姓名", "电话"}, [][]string{{"王建国", "13812345678"}})
		},
		"AssignFormPDF": func(path string) error { return export.AssignForm(path, st, it, "2024-03-05") },
		"ReportText":    func(path string) error { return export.WriteText(path, export.ReportText(st, figures)) },
	}
}

// files lists what is in dir, hidden temporary files included.
func files(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func TestReadOnlyOutputFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, which writes into a read-only folder anyway; run as an ordinary user to test this")
	}
	for name, write := range writers(t) {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "只读文件夹")
			if err := os.Mkdir(dir, 0o500); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(dir, 0o700) })
			err := write(filepath.Join(dir, "输出"+ext(name)))
			if err == nil {
				t.Fatal("wrote into a read-only folder")
			}
			msg := err.Error()
			if !strings.Contains(msg, "无法在文件夹 "+dir+" 中写入") || !strings.Contains(msg, "请换一个文件夹") {
				t.Errorf("message %q does not name the folder %s in Chinese", msg, dir)
			}
			if got := files(t, dir); len(got) != 0 {
				t.Errorf("left behind in the folder: %q", got)
			}
			t.Logf("%s", strings.TrimSpace(msg))
		})
	}
}

func TestMissingOutputFolder(t *testing.T) {
	for name, write := range writers(t) {
		t.Run(name, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "不存在的文件夹")
			err := write(filepath.Join(dir, "输出"+ext(name)))
			if err == nil {
				t.Fatal("wrote into a folder that does not exist")
			}
			msg := err.Error()
			if !strings.Contains(msg, "无法在文件夹 "+dir+" 中写入") || !strings.Contains(msg, "请换一个文件夹") {
				t.Errorf("message %q does not name the folder %s in Chinese", msg, dir)
			}
			if got := files(t, parent); len(got) != 0 {
				t.Errorf("left behind: %q", got)
			}
			t.Logf("%s", msg)
		})
	}
}

func ext(writer string) string {
	switch writer {
	case "ListXLSX":
		return ".xlsx"
	case "ReportText":
		return ".txt"
	}
	return ".pdf"
}
