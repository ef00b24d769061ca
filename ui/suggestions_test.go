package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

func TestSuggestionSearchNarrowsList(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.items
	all := tab.list.total
	if all != countSuggestions(t, d, store.SuggestionFilter{}) || all < 500 {
		t.Fatalf("list shows %d items", all)
	}
	first, ok := tab.list.item(0)
	if !ok {
		t.Fatal("no first row")
	}
	q := string([]rune(first.Title)[:3])
	want := countSuggestions(t, d, store.SuggestionFilter{Query: q})
	if want == 0 || want >= all {
		t.Fatalf("the store finds %d of %d for %q", want, all, q)
	}
	test.Type(tab.search, q)
	tab.search.fire()
	if tab.list.total != want {
		t.Fatalf("search %q: list shows %d, store says %d", q, tab.list.total, want)
	}
	found := false
	for row := 0; row < tab.list.total; row++ {
		x, _ := tab.list.item(row)
		found = found || x.ID == first.ID
	}
	if !found {
		t.Fatalf("search %q lost %s %s", q, first.Number, first.Title)
	}
	if tab.list.status.Text != fmt.Sprintf("共 %d 条", want) {
		t.Fatalf("status %q", tab.list.status.Text)
	}

	// The same search narrowed by year and state, as the store counts it.
	tab.filters.year.SetSelected("2024年")
	tab.filters.state.SetSelected(store.StateClosed)
	want = countSuggestions(t, d, store.SuggestionFilter{Query: q, Year: 2024, States: []string{store.StateClosed}})
	if tab.list.total != want {
		t.Fatalf("search with year and state: list shows %d, store says %d", tab.list.total, want)
	}
	tab.filters.state.SetSelected("全部")
	tab.filters.year.SetSelected("全部")
	tab.search.SetText("")
	tab.search.fire()
	if tab.list.total != all {
		t.Fatalf("cleared search shows %d of %d", tab.list.total, all)
	}
}

func TestSuggestionOverdueFilter(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.items
	want := countSuggestions(t, d, store.SuggestionFilter{Overdue: true, Today: testToday})
	if want == 0 {
		t.Fatal("the demo has no overdue items")
	}
	tab.filters.remind.SetSelected(remindOverdue)
	if tab.list.total != want {
		t.Fatalf("仅看逾期 shows %d, store says %d", tab.list.total, want)
	}
	stateCol := slices.IndexFunc(tab.list.columns, func(c column[store.Suggestion]) bool { return c.title == "状态" })
	for row := 0; row < tab.list.total; row++ {
		x, _ := tab.list.item(row)
		if got := tab.list.columns[stateCol].text(x); got != "办理中·逾期" {
			t.Fatalf("row %d (%s) state column %q", row, x.Number, got)
		}
	}
	// With a unit chosen too, the list agrees with the store.
	unit := tab.units[0]
	for _, u := range tab.units {
		if countSuggestions(t, d, store.SuggestionFilter{Overdue: true, UnitID: u.ID}) > 0 {
			unit = u
			break
		}
	}
	tab.filters.unit.SetSelected(unit.Name)
	if want := countSuggestions(t, d, store.SuggestionFilter{Overdue: true, UnitID: unit.ID}); tab.list.total != want || want == 0 {
		t.Fatalf("overdue at %s: list shows %d, store says %d", unit.Name, tab.list.total, want)
	}
	tab.filters.remind.SetSelected(remindAll)
	tab.filters.unit.SetSelected("全部")
	if tab.list.total != countSuggestions(t, d, store.SuggestionFilter{}) {
		t.Fatalf("filters cleared, list shows %d", tab.list.total)
	}
}

func TestSuggestionStateText(t *testing.T) {
	today := testToday
	for _, c := range []struct {
		s    store.Suggestion
		want string
	}{
		{store.Suggestion{State: store.StateHandling, Deadline: "2024-11-29"}, "办理中·逾期"},
		{store.Suggestion{State: store.StateHandling, Deadline: "2024-12-15"}, "办理中·将到期"},
		{store.Suggestion{State: store.StateHandling, Deadline: "2024-12-16"}, "办理中"},
		{store.Suggestion{State: store.StateReplied, Deadline: "2024-01-01"}, "已答复"},
	} {
		if got := suggestionStateText(c.s, store.Rules{}, today); got != c.want {
			t.Errorf("%s %s: %q, want %q", c.s.State, c.s.Deadline, got, c.want)
		}
	}
	if got := (store.Suggestion{Kind: store.KindVoter, VoterName: "李大娘"}).Proposer(); got != "李大娘（选民）" {
		t.Errorf("voter item proposer %q", got)
	}
}

// suggestionTestFill fills the required fields of the form in the pane, except the title.
func suggestionTestFill(t *testing.T, d *desk) store.Deputy {
	t.Helper()
	tab := d.items
	ds, _, err := d.db.Deputies(d.ctx, store.DeputyFilter{Status: store.DeputyActive, Limit: 1})
	if err != nil || len(ds) == 0 {
		t.Fatalf("no deputy: %v", err)
	}
	tab.pane.byLabel["领衔代表"].(*suggestionDeputyPicker).set(ds[0].ID, ds[0].Name)
	tab.pane.byLabel["来源"].(*widget.Select).SetSelected(tab.sources[0])
	tab.pane.byLabel["类别"].(*widget.Select).SetSelected(tab.categories[0])
	tab.pane.byLabel["内容"].(*textEntry).SetText("村口路灯损坏已三个月，夜间通行不便。")
	return ds[0]
}

func TestRegisterSuggestionThroughForm(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.items
	last, _, err := d.db.Suggestions(d.ctx, store.SuggestionFilter{Year: 2024, Sort: "number", Desc: true, Limit: 1})
	if err != nil || len(last) == 0 {
		t.Fatalf("no 2024 items: %v", err)
	}
	next := fmt.Sprintf("2024-%03d", last[0].Seq+1)
	before := tab.list.total

	tab.newRecord()
	if tab.pane.title.Text != "登记建议" {
		t.Fatalf("title %q", tab.pane.title.Text)
	}
	for label, want := range map[string]string{"类型": store.KindSuggestion, "提出时段": store.PeriodRecess, "涉及层面": "镇级"} {
		if got := tab.pane.byLabel[label].(*widget.Select).Selected; got != want {
			t.Errorf("default %s %q, want %q", label, got, want)
		}
	}
	if got := tab.pane.byLabel["重点/一般"].(*widget.RadioGroup).Selected; got != "一般" {
		t.Errorf("default priority %q", got)
	}
	if got := tab.pane.byLabel["收到日期"].(*dateEntry).Text; got != "2024-11-30" {
		t.Errorf("default received %q", got)
	}
	if !tab.pane.byLabel["人代会"].(*widget.Select).Disabled() {
		t.Error("人代会 is enabled for an item raised between sessions")
	}
	lead := suggestionTestFill(t, d)
	test.Type(tab.pane.byLabel["标题"].(*textEntry), "关于修复村口路灯的建议")
	tab.pane.form.OnSubmit()
	if tab.pane.msg.Importance == widget.DangerImportance && tab.pane.msg.Visible() {
		t.Fatalf("save failed: %s", tab.pane.msg.Text)
	}
	got, n, err := d.db.Suggestions(d.ctx, store.SuggestionFilter{Query: "修复村口路灯"})
	if err != nil || n != 1 {
		t.Fatalf("saved %d items (%v)", n, err)
	}
	s := got[0]
	if s.Number != next || s.State != store.StatePending || s.LeadDeputyID != lead.ID || s.Received != testToday ||
		s.Scope != store.LevelTown || s.Priority != "一般" || s.Kind != store.KindSuggestion {
		t.Fatalf("saved %+v, want number %s", s, next)
	}
	if tab.current.ID != s.ID || tab.list.total != before+1 {
		t.Fatalf("pane shows id %d (want %d), list has %d (want %d)", tab.current.ID, s.ID, tab.list.total, before+1)
	}
	if !strings.Contains(tab.pane.title.Text, next) || tab.pane.msg.Text != "已登记，编号 "+next {
		t.Fatalf("pane title %q, message %q", tab.pane.title.Text, tab.pane.msg.Text)
	}
	if got := tab.pane.byLabel["编号"].(*textEntry).Text; got != next {
		t.Fatalf("编号 field shows %q", got)
	}

	// Correcting the title of the saved item updates it, keeping the number.
	title := tab.pane.byLabel["标题"].(*textEntry)
	title.SetText("关于尽快修复村口路灯的建议")
	tab.pane.form.OnSubmit()
	if s2, err := d.db.Suggestion(d.ctx, s.ID); err != nil || s2.Title != "关于尽快修复村口路灯的建议" || s2.Number != next {
		t.Fatalf("after edit: %+v %v", s2, err)
	}
	if tab.pane.msg.Text != "已保存" {
		t.Fatalf("message %q", tab.pane.msg.Text)
	}
}

func TestSuggestionEmptyTitleShowsMessageAndSavesNothing(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.items
	before := countSuggestions(t, d, store.SuggestionFilter{})
	tab.newRecord()
	suggestionTestFill(t, d)
	title := tab.pane.byLabel["标题"].(*textEntry)
	if err := title.Validate(); err == nil || err.Error() != "标题不能为空" {
		t.Fatalf("inline validation: %v", err)
	}
	tab.pane.form.OnSubmit()
	if !tab.pane.msg.Visible() || tab.pane.msg.Text != "标题不能为空" {
		t.Fatalf("message %q visible=%v", tab.pane.msg.Text, tab.pane.msg.Visible())
	}
	if n := countSuggestions(t, d, store.SuggestionFilter{}); n != before {
		t.Fatalf("%d items after a refused save, %d before", n, before)
	}
	if tab.current.ID != 0 {
		t.Fatalf("pane moved to item %d", tab.current.ID)
	}

	// A missing lead deputy marks the picker with the store's message. (The form refused above still holds
	// what was typed: 新增 asks first, and 不保存 lets it go.)
	tab.newRecord()
	test.Tap(dialogButton(t, d, "不保存"))
	tab.pane.byLabel["来源"].(*widget.Select).SetSelected(tab.sources[0])
	tab.pane.byLabel["类别"].(*widget.Select).SetSelected(tab.categories[0])
	tab.pane.byLabel["标题"].(*textEntry).SetText("没有领衔代表的建议")
	tab.pane.form.OnSubmit()
	picker := tab.pane.byLabel["领衔代表"].(*suggestionDeputyPicker)
	if !strings.HasPrefix(tab.pane.msg.Text, "领衔代表") || picker.summary.Importance != widget.DangerImportance {
		t.Fatalf("message %q, picker %q", tab.pane.msg.Text, picker.summary.Text)
	}
	if n := countSuggestions(t, d, store.SuggestionFilter{}); n != before {
		t.Fatalf("%d items after a refused save, %d before", n, before)
	}
}

func TestSuggestionSessionFollowsPeriod(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.items
	if len(tab.sessions) == 0 {
		t.Fatal("the demo has no 人代会")
	}
	tab.newRecord()
	period := tab.pane.byLabel["提出时段"].(*widget.Select)
	session := tab.pane.byLabel["人代会"].(*widget.Select)
	period.SetSelected(store.PeriodSession)
	if session.Disabled() {
		t.Fatal("人代会 stays disabled for 人代会期间")
	}
	session.SetSelected(tab.sessions[0].Title)
	period.SetSelected(store.PeriodRecess)
	if !session.Disabled() || session.Selected != "" {
		t.Fatalf("闭会期间 keeps 人代会 %q (disabled=%v)", session.Selected, session.Disabled())
	}
	for _, m := range tab.sessions {
		if m.Kind != store.MeetingCongress {
			t.Fatalf("%s (%s) offered as 人代会", m.Title, m.Kind)
		}
	}
}

func TestOpenSuggestionShowsItsNumberAndHandling(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	items, _, err := d.db.Suggestions(d.ctx, store.SuggestionFilter{States: []string{store.StateClosed}, Kind: store.KindSuggestion, Limit: 1})
	if err != nil || len(items) == 0 {
		t.Fatalf("no closed item: %v", err)
	}
	x := items[0]
	d.tabs.SelectIndex(0)
	d.openSuggestion(x.ID)
	if d.tabs.Selected() != d.items.tabItem() || d.tabs.Selected().Text != "建议" {
		t.Fatalf("selected tab %q", d.tabs.Selected().Text)
	}
	if d.items.current.ID != x.ID || !strings.Contains(d.items.pane.title.Text, x.Number) {
		t.Fatalf("pane shows %d %q, want %s", d.items.current.ID, d.items.pane.title.Text, x.Number)
	}
	if got := d.items.pane.byLabel["编号"].(*textEntry).Text; got != x.Number {
		t.Fatalf("编号 field %q", got)
	}
	handling := labelLines(d.items.panes.Items[1].Content)
	h, _ := d.db.Handling(d.ctx, x.ID)
	for _, want := range []string{"当前状态：已办结", "交办 主办单位: " + x.MainUnitName, "办理结果：" + x.Outcome,
		"代表评价：" + x.Evaluation, h.Replies[0].Content} {
		if !strings.Contains(handling, want) {
			t.Errorf("办理过程 lacks %q:\n%s", want, handling)
		}
	}
	if !strings.Contains(handling, x.Assigned.Chinese()+" 交办") {
		t.Errorf("办理过程 lacks the assignment date %s:\n%s", x.Assigned.Chinese(), handling)
	}
}

func TestSuggestionCosignersShownWithoutLoadingRoster(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.items
	var x store.Suggestion
	for row := 0; row < tab.list.total && len(x.CosignerIDs) < 2; row++ {
		x, _ = tab.list.item(row)
	}
	if len(x.CosignerIDs) < 2 {
		t.Fatal("no item with co-signers in the demo")
	}
	tab.show(x)
	picker := tab.pane.byLabel["联名代表"].(*idPicker)
	names, _ := d.db.DeputyNames(d.ctx, x.CosignerIDs)
	for _, id := range x.CosignerIDs {
		if !strings.Contains(picker.summary.Text, names[id]) {
			t.Fatalf("联名代表 shows %q, lacks %s", picker.summary.Text, names[id])
		}
	}
	if tab.deputies != nil {
		t.Fatal("showing an item read the whole roster")
	}
	if got := picker.options(); len(got) != 75 {
		t.Fatalf("the open picker offers %d deputies, want the roster of 75", len(got))
	}
	// Saving the item untouched keeps its co-signers.
	tab.pane.form.OnSubmit()
	after, err := d.db.Suggestion(d.ctx, x.ID)
	if err != nil || !slices.Equal(after.CosignerIDs, x.CosignerIDs) {
		t.Fatalf("co-signers %v after save, were %v (%v)", after.CosignerIDs, x.CosignerIDs, err)
	}
}
