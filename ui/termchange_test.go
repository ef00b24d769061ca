package ui

import (
	"strings"
	"testing"
	"time"

	"rendadesk/store"
)

// The 换届 wizard lists the town deputies with 连任 by default, shows a preview, and only then confirms; the
// new term's roll is the continuing and the new deputies.
func TestTermChangeWizard(t *testing.T) {
	db := testDB(t, false)
	ctx := t.Context()
	term := store.Term{Number: 18, Start: "2021-12-01", End: "2024-11-30", Current: true}
	if err := db.SaveTerm(ctx, &term); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"甲连任", "乙连任", "丙离任"} {
		x := store.Deputy{Name: n, Gender: "男", Levels: []string{store.LevelTown}, TermID: term.ID}
		if err := db.SaveDeputy(ctx, &x); err != nil {
			t.Fatal(err)
		}
	}
	d := testDesk(t, db)
	w := d.startTermChange()
	if w.number.Text != "19" || w.start.Text != "2024-12-01" || len(w.choices) != 3 {
		t.Fatalf("the wizard proposes %q from %q with %d deputies", w.number.Text, w.start.Text, len(w.choices))
	}
	if !w.confirm.Disabled() {
		t.Fatal("确认换届 is enabled before a preview")
	}
	for i, x := range w.deputies {
		if x.Name == "丙离任" {
			w.choices[i].SetSelected(store.TermLeave)
		}
	}
	w.newOnes.SetText("丁新任 女\n戊新任 男")
	w.showPreview()
	for _, want := range []string{"第十九届，2024年12月1日起", "连任2名", "不再担任1名：丙离任", "新任2名：丁新任、戊新任"} {
		if !strings.Contains(w.preview.Text, want) {
			t.Errorf("the preview lacks %q: %q (%s)", want, w.preview.Text, w.msg.Text)
		}
	}
	saveShot(t, d.win, "termchange-wizard")
	if w.confirm.Disabled() {
		t.Fatalf("确认换届 stays disabled after the preview: %q", w.msg.Text)
	}
	w.newOnes.SetText("丁新任 女")
	w.apply()
	if !strings.Contains(w.msg.Text, "重新预览") {
		t.Fatalf("a change after the preview was confirmed: %q", w.msg.Text)
	}
	w.newOnes.SetText("丁新任 女\n戊新任 男")
	w.showPreview()
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
}
