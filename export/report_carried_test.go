package export

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"rendadesk/store"
)

// T4 of a year whose open items a 换届 carried over has a 上届转入 column naming the new term, in the workbook
// and on paper; a year without a 换届 has no such column.
func TestLedgerCarried(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.Now = func() time.Time { return time.Date(2024, 12, 10, 12, 0, 0, 0, time.Local) }
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	term := store.Term{Number: 18, Start: "2021-12-01", Current: true}
	must(db.SaveTerm(ctx, &term))
	dep := store.Deputy{Name: "甲代表", Gender: "男", Levels: []string{store.LevelTown}, TermID: term.ID}
	must(db.SaveDeputy(ctx, &dep))
	item := store.Suggestion{Kind: store.KindVoter, Period: store.PeriodRecess, Source: store.SourceStation, VoterName: "陈玉梅",
		Title: "关于村内路灯的意见", Category: "城乡建设", Scope: store.LevelTown, Received: "2024-11-25"}
	must(db.SaveSuggestion(ctx, &item))

	before := loadReport(t, db, "2024-01-01", "2024-12-31").t4()
	if slices.Contains(before.headers, "上届转入") {
		t.Fatalf("T4 before any 换届 has a 上届转入 column: %v", before.headers)
	}
	c := store.TermChange{Term: store.Term{Number: 19, Start: "2024-12-01"}, Choices: []store.TermChoice{{DeputyID: dep.ID, Choice: store.TermContinue}}}
	_, err = db.ChangeTerm(ctx, &c)
	must(err)
	tab := loadReport(t, db, "2024-01-01", "2024-12-31").t4()
	col := slices.Index(tab.headers, "上届转入")
	if col < 0 || len(tab.rows) != 1 || tab.rows[0].cells[col] != "转入第十九届" || !slices.Contains(tab.pdfCols, col) {
		t.Fatalf("T4 after the 换届: headers %v, rows %v, PDF columns %v", tab.headers, tab.rows, tab.pdfCols)
	}
}
