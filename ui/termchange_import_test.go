package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"rendadesk/store"
)

// newDeputiesFile writes a roster in the 代表 import's columns.
func newDeputiesFile(t *testing.T, rows ...[]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetRow("Sheet1", "A1", &[]any{"第十九届新当选代表名单"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"姓名", "性别", "出生年月", "选区", "联系电话"})
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+3)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	path := filepath.Join(t.TempDir(), "新任代表.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func waitDone(t *testing.T, done <-chan struct{}) {
	t.Helper()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("the file was not read in 30 s")
	}
}

// In the 换届 wizard the new deputies come from a roster file: a file with a bad row or a deputy already
// recorded adds nobody and says which row; a good one lists its deputies as 新任, writes nothing, and
// 确认换届 writes them with everything the file gave.
func TestTermChangeWizardImport(t *testing.T) {
	db := testDB(t, false)
	ctx := t.Context()
	term := store.Term{Number: 18, Start: "2021-12-01", End: "2024-11-30", Current: true}
	if err := db.SaveTerm(ctx, &term); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"甲连任", "乙连任"} {
		x := store.Deputy{Name: n, Gender: "男", Levels: []string{store.LevelTown}, TermID: term.ID}
		if err := db.SaveDeputy(ctx, &x); err != nil {
			t.Fatal(err)
		}
	}
	d := testDesk(t, db)
	w := d.startTermChange()

	waitDone(t, w.importNewDeputies(newDeputiesFile(t, []any{"丁新任", "女", "1970.13"}, []any{"甲连任", "男"})))
	for _, want := range []string{"没有导入", "第3行「出生年月」", "第4行「姓名」：「甲连任」与已有代表"} {
		if !strings.Contains(w.msg.Text, want) {
			t.Errorf("a bad file says %q, want %q in it", w.msg.Text, want)
		}
	}
	if len(w.imported) != 0 {
		t.Fatalf("a bad file added %d deputies", len(w.imported))
	}

	waitDone(t, w.importNewDeputies(newDeputiesFile(t, []any{"丁新任", "女", "1980.05", "第2选区", "13900000001"},
		[]any{"戊新任", "男", "1975.03", "第1选区"})))
	var shown []string
	walk(w.importedBox, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			shown = append(shown, l.Text)
		}
	})
	if got := strings.Join(shown, "|"); !strings.Contains(got, "新任　丁新任 女 1980-05 第2选区") || !strings.Contains(got, "新任　戊新任 男 1975-03 第1选区") {
		t.Fatalf("the wizard lists %q (%s)", got, w.msg.Text)
	}
	if h := w.importedBox.Size().Height; h < 60 { // laid out, not only listed: two lines and the heading
		t.Errorf("the imported list is %v high in the dialog", h)
	}
	if _, n, _ := db.Deputies(ctx, store.DeputyFilter{}); n != 2 {
		t.Fatalf("reading the file wrote deputies: %d on record", n)
	}
	w.showPreview()
	if !strings.Contains(w.preview.Text, "新任2名：丁新任、戊新任") {
		t.Fatalf("the preview: %q (%s)", w.preview.Text, w.msg.Text)
	}
	saveShot(t, d.win, "termchange-import")
	w.apply()
	var cur store.Term
	for i := 0; i < 100 && cur.Number != 19; i++ {
		time.Sleep(50 * time.Millisecond)
		cur, _ = db.CurrentTerm(ctx)
	}
	if cur.Number != 19 {
		t.Fatalf("no 19th term after 确认换届: %q", w.msg.Text)
	}
	ds, _, err := db.Deputies(ctx, store.DeputyFilter{OnRoll: "2024-12-01", Level: store.LevelTown, Sort: "name"})
	if err != nil || len(ds) != 4 {
		t.Fatalf("the 19th term's roll %v (%v)", ds, err)
	}
	for _, x := range ds {
		if x.Name == "丁新任" && (x.Birth != "1980-05" || x.District != "第2选区" || x.Phone != "13900000001" || !x.New || x.TermID != cur.ID) {
			t.Errorf("丁新任 saved as %+v", x)
		}
	}
}
