package ui

import (
	"fmt"
	"strings"
	"testing"

	"rendadesk/store"
)

func TestOverviewShowsOverdueAndOpensItems(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	ov := d.overview
	ov.refresh()
	overdue := countSuggestions(t, d, store.SuggestionFilter{Overdue: true, Today: testToday})
	if overdue == 0 {
		t.Fatal("the demo has no overdue items")
	}
	if want := fmt.Sprintf("逾期未答复 %d 件", overdue); !strings.HasPrefix(ov.overdueHead.Text, want) {
		t.Fatalf("overdue heading %q, want %q", ov.overdueHead.Text, want)
	}
	if len(ov.overdue) != min(overdue, overviewListMax) {
		t.Fatalf("overdue list has %d lines for %d items", len(ov.overdue), overdue)
	}
	for i := 1; i < len(ov.overdue); i++ {
		if ov.overdue[i].Deadline < ov.overdue[i-1].Deadline {
			t.Fatalf("overdue list not by deadline at %d", i)
		}
	}
	soon := countSuggestions(t, d, store.SuggestionFilter{DueWithin: 15, Today: testToday})
	if want := fmt.Sprintf("15天内到期 %d 件", soon); !strings.HasPrefix(ov.dueSoonHead.Text, want) {
		t.Fatalf("due-soon heading %q, want %q", ov.dueSoonHead.Text, want)
	}
	first := ov.overdue[0]
	line := overviewItemLine(first)
	for _, part := range []string{first.Number, first.Title, first.MainUnitName, first.Deadline.Chinese()} {
		if !strings.Contains(line, part) {
			t.Fatalf("line %q lacks %q", line, part)
		}
	}

	// Tapping the first overdue line opens it in 建议.
	d.tabs.SelectIndex(0)
	ov.overdueList.Select(0)
	if d.tabs.Selected().Text != "建议" || d.items.current.ID != first.ID || !strings.Contains(d.items.pane.title.Text, first.Number) {
		t.Fatalf("tab %q shows item %d %q, want %s", d.tabs.Selected().Text, d.items.current.ID, d.items.pane.title.Text, first.Number)
	}
}

func TestOverviewFigures(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	ov := d.overview
	ov.refresh()
	s, _ := d.db.Settings(d.ctx)
	if got := ov.heading.String(); got != s.OfficeName || got == "" {
		t.Fatalf("heading %q, office %q", got, s.OfficeName)
	}
	_, town, _ := d.db.Deputies(d.ctx, store.DeputyFilter{Status: store.DeputyActive, Level: store.LevelTown, Limit: 1})
	if want := fmt.Sprintf("镇级 %d人", town); town == 0 || !strings.Contains(ov.figures.deputies.Text, want) {
		t.Fatalf("deputies %q, want %q", ov.figures.deputies.Text, want)
	}
	_, homes, _ := d.db.Stations(d.ctx, store.StationFilter{Type: "代表之家", Status: "在用", Limit: 1})
	if want := fmt.Sprintf("代表之家 %d个", homes); homes == 0 || !strings.Contains(ov.figures.stations.Text, want) {
		t.Fatalf("stations %q, want %q", ov.figures.stations.Text, want)
	}
	year := countSuggestions(t, d, store.SuggestionFilter{Year: 2024})
	handling := countSuggestions(t, d, store.SuggestionFilter{Year: 2024, States: []string{store.StateHandling}})
	for _, want := range []string{fmt.Sprintf("2024年共收到 %d 件", year), fmt.Sprintf("办理中 %d", handling)} {
		if !strings.Contains(ov.figures.items.Text, want) {
			t.Fatalf("items %q lacks %q", ov.figures.items.Text, want)
		}
	}

	// A registration shows up at the top of 最近修改 on the next refresh.
	x := store.Suggestion{Kind: store.KindVoter, Period: store.PeriodRecess, Source: d.items.sources[0], VoterName: "李大娘",
		Title: "关于增设公交站台的意见", Category: d.items.categories[0], Scope: store.LevelTown, Received: testToday}
	if err := d.db.SaveSuggestion(d.ctx, &x); err != nil {
		t.Fatal(err)
	}
	ov.refresh()
	if len(ov.recent) == 0 {
		t.Fatal("no recent changes")
	}
	if got := overviewHistoryLine(ov.recent[0]); !strings.Contains(got, "建议　新增　"+x.Number) || !strings.HasPrefix(got, "2024-11-30 12:00") {
		t.Fatalf("latest change %q", got)
	}
	if strings.Contains(ov.figures.items.Text, fmt.Sprintf("2024年共收到 %d 件", year)) {
		t.Fatalf("figures not refreshed: %q", ov.figures.items.Text)
	}
}
