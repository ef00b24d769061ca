package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"rendadesk/store"
)

// After a 换届 the 建议 list marks the items carried into the new term 「上届转入」 in their 状态, and the
// 上届转入 filter keeps only them.
func TestSuggestionsCarriedOver(t *testing.T) {
	db := testDB(t, false)
	db.Now = func() time.Time { return time.Date(2024, 12, 10, 12, 0, 0, 0, time.Local) }
	ctx := t.Context()
	term := store.Term{Number: 18, Start: "2021-12-01", Current: true}
	if err := db.SaveTerm(ctx, &term); err != nil {
		t.Fatal(err)
	}
	dep := store.Deputy{Name: "甲代表", Gender: "男", Levels: []string{store.LevelTown}, TermID: term.ID}
	if err := db.SaveDeputy(ctx, &dep); err != nil {
		t.Fatal(err)
	}
	old := store.Suggestion{Kind: store.KindVoter, Period: store.PeriodRecess, Source: store.SourceStation, VoterName: "陈玉梅",
		Title: "关于村内路灯的意见", Category: "城乡建设", Scope: store.LevelTown, Received: "2024-11-25"}
	if err := db.SaveSuggestion(ctx, &old); err != nil {
		t.Fatal(err)
	}
	c := store.TermChange{Term: store.Term{Number: 19, Start: "2024-12-01"}, Choices: []store.TermChoice{{DeputyID: dep.ID, Choice: store.TermContinue}}}
	if _, err := db.ChangeTerm(ctx, &c); err != nil {
		t.Fatal(err)
	}
	fresh := old
	fresh.ID, fresh.Number, fresh.Title, fresh.Received = 0, "", "关于垃圾清运的意见", "2024-12-05"
	if err := db.SaveSuggestion(ctx, &fresh); err != nil {
		t.Fatal(err)
	}
	d := testDesk(t, db)
	tab := d.items
	tab.refresh()
	shown := func() map[string]string {
		all, err := tab.list.all()
		if err != nil {
			t.Fatal(err)
		}
		headers, cells := tab.list.rowsText(all)
		title, state := slices.Index(headers, "标题"), slices.Index(headers, "状态")
		out := map[string]string{}
		for _, row := range cells {
			out[row[title]] = row[state]
		}
		return out
	}
	got := shown()
	if !strings.HasSuffix(got["关于村内路灯的意见"], "·上届转入") || strings.Contains(got["关于垃圾清运的意见"], "上届转入") {
		t.Errorf("the list's 状态: %v", got)
	}
	d.tabs.SelectIndex(3) // 建议
	saveShot(t, d.win, "suggestions-carried")
	tab.filters.carried.SetChecked(true)
	if got := shown(); len(got) != 1 || got["关于村内路灯的意见"] == "" {
		t.Errorf("the 上届转入 filter shows %v", got)
	}
}
