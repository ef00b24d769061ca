package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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
	voters := countSuggestions(t, d, store.SuggestionFilter{Overdue: true, Today: testToday, Kind: store.KindVoter})
	if want := "逾期未答复：" + store.CountText(overdue-voters, voters); !strings.HasPrefix(ov.overdueHead.Text, want) {
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
	if want := fmt.Sprintf("15天内到期 (%d)", soon); ov.attention.Items[1].Text != want {
		t.Fatalf("due-soon tab %q, want %q", ov.attention.Items[1].Text, want)
	}
	soonVoters := countSuggestions(t, d, store.SuggestionFilter{DueWithin: 15, Today: testToday, Kind: store.KindVoter})
	if want := "15天内到期：" + store.CountText(soon-soonVoters, soonVoters); !strings.HasPrefix(ov.dueSoonHead.Text, want) {
		t.Fatalf("due-soon heading %q, want %q", ov.dueSoonHead.Text, want)
	}
	first := ov.overdue[0]
	line := overviewItemLine(first)
	for _, part := range []string{first.Number, first.Title, first.MainUnitName, first.Deadline.Chinese()} {
		if !strings.Contains(line, part) {
			t.Fatalf("line %q lacks %q", line, part)
		}
	}

	// Tapping an overdue line opens it in 建议, whose list shows the overdue items with that one selected,
	// whatever the clerk had filtered it by before.
	d.items.filters.state.SetSelected(store.StateClosed)
	d.tabs.SelectIndex(0)
	pick := ov.overdue[min(3, len(ov.overdue)-1)]
	ov.overdueList.Select(min(3, len(ov.overdue)-1))
	if d.tabs.Selected().Text != "建议" || d.items.current.ID != pick.ID || !strings.Contains(d.items.pane.title.Text, pick.Number) {
		t.Fatalf("tab %q shows item %d %q, want %s", d.tabs.Selected().Text, d.items.current.ID, d.items.pane.title.Text, pick.Number)
	}
	if d.items.filters.remind.Selected != remindOverdue || d.items.list.total != overdue {
		t.Fatalf("建议 lists %d items under 提醒 %q, want the %d overdue", d.items.list.total, d.items.filters.remind.Selected, overdue)
	}
	if sel := selectedItem(t, d.items.list); sel.ID != pick.ID {
		t.Fatalf("the list has %s selected, want %s", sel.Number, pick.Number)
	}
}

// selectedItem is the record selected in l.
func selectedItem[T any](t *testing.T, l *recordList[T]) T {
	t.Helper()
	var zero T
	if l.chosen < 0 {
		t.Fatal("nothing selected in the list")
		return zero
	}
	r, ok := l.item(l.chosen)
	if !ok {
		t.Fatalf("row %d of %d not readable", l.chosen, l.total)
	}
	return r
}

// The attention lists show at least 8 rows each at the standard text size in the program's window.
func TestOverviewListsShowEightRows(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	d.win.Resize(fyne.NewSize(1366, 768))
	d.tabs.SelectIndex(0)
	d.overview.refresh()
	for i, l := range []*widget.List{d.overview.overdueList, d.overview.dueSoonList, d.overview.assignLateList} {
		d.overview.attention.SelectIndex(i)
		h := newTipLabel(nil).MinSize().Height + theme.Padding() // a row and the line between rows
		if rows := l.Size().Height / h; rows < 8 {
			t.Errorf("%s: %.1f rows fit (list %.0f high, row %.0f)", d.overview.attention.Items[i].Text, rows, l.Size().Height, h)
		}
	}
	saveShot(t, d.win, "overview")
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
	yearVoters := countSuggestions(t, d, store.SuggestionFilter{Year: 2024, Kind: store.KindVoter})
	handling := countSuggestions(t, d, store.SuggestionFilter{Year: 2024, States: []string{store.StateHandling}})
	for _, want := range []string{"2024年收到" + store.CountText(year-yearVoters, yearVoters), fmt.Sprintf("办理中 %d", handling)} {
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
	if strings.Contains(ov.figures.items.Text, "2024年收到"+store.CountText(year-yearVoters, yearVoters)+"\n") {
		t.Fatalf("figures not refreshed: %q", ov.figures.items.Text)
	}
}

// TestOverviewContactBehind: 概览's 联系选民不足 page lists the deputies behind on visits, as the deputy's own
// 联系选民 section counts them (store.ContactStatuses), each with group and the visits made and due.
func TestOverviewContactBehind(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	ov := d.overview
	ov.refresh()
	want, err := d.db.ContactStatuses(d.ctx, testToday, true)
	if err != nil || len(want) == 0 {
		t.Fatalf("the demo has no deputy behind on visits (%v)", err)
	}
	if head := fmt.Sprintf("联系选民次数不足：%d 名代表（到今天应有 %d 次）", len(want), want[0].Due); ov.contact.behindHead.Text != head {
		t.Errorf("heading %q, want %q", ov.contact.behindHead.Text, head)
	}
	if tab := ov.attention.Items[5].Text; tab != fmt.Sprintf("联系选民不足 (%d)", len(want)) {
		t.Errorf("tab %q for %d deputies", tab, len(want))
	}
	if len(ov.contact.behind) != len(want) {
		t.Fatalf("%d lines for %d deputies", len(ov.contact.behind), len(want))
	}
	for i, s := range want {
		line := ov.contact.behindList.CreateItem()
		ov.contact.behindList.UpdateItem(i, line)
		if got, w := line.(*tipLabel).Text, strings.Join([]string{s.Name, s.GroupName, fmt.Sprintf("今年联系选民%d次，应有%d次", s.Visits, s.Due)}, "　"); got != w {
			t.Fatalf("line %d %q, want %q", i, got, w)
		}
	}
}
