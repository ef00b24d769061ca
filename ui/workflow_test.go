package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// wfButtons returns the labels of the step buttons shown for the item in the pane.
func wfButtons(tab *suggestionsTab) []string {
	var out []string
	if tab.actions == nil {
		return nil
	}
	for _, o := range tab.actions.Objects {
		if b, ok := o.(*widget.Button); ok && b.Visible() {
			out = append(out, b.Text)
		}
	}
	return out
}

// wfField returns the widget of the field labelled label in the forms inside o.
func wfField[W any](t *testing.T, o fyne.CanvasObject, label string) W {
	t.Helper()
	var found fyne.CanvasObject
	walk(o, func(c fyne.CanvasObject) {
		if f, ok := c.(*fieldForm); ok {
			for _, it := range f.Items {
				if it.Text == label && found == nil {
					found = it.Widget
				}
			}
		}
	})
	w, ok := found.(W)
	if !ok {
		t.Fatalf("the dialog has no field %s of the expected kind (found %T)", label, found)
	}
	return w
}

// wfTapStep taps the step button labelled label in the pane and returns the dialog it opened.
func wfTapStep(t *testing.T, d *desk, label string) fyne.CanvasObject {
	t.Helper()
	b := findButton(d.items.actions, label)
	if b == nil {
		t.Fatalf("no button %s among %v", label, wfButtons(d.items))
	}
	before := d.win.Canvas().Overlays().Top()
	test.Tap(b)
	top := topDialog(t, d)
	if top == before {
		t.Fatalf("%s opened no dialog", label)
	}
	if !strings.Contains(labelText(top), label) {
		t.Fatalf("the dialog of %s is titled otherwise: %q", label, labelText(top))
	}
	return top
}

func wfRules(t *testing.T, d *desk) store.Rules {
	t.Helper()
	r, err := d.db.Rules(d.ctx)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// For items in every state of the township demo, the buttons above the item's pages are exactly the steps
// the store allows next, in its order, with the reply of a forwarded item labelled 上级答复.
func TestStepButtonsAreTheLegalSteps(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.items
	r := wfRules(t, d)
	wfBranches(t, d, r)
	seen := map[string]bool{} // state and steps: each combination once
	for _, state := range store.States {
		items, _, err := d.db.Suggestions(d.ctx, store.SuggestionFilter{States: []string{state}, Limit: 400})
		if err != nil {
			t.Fatal(err)
		}
		if len(items) == 0 {
			t.Errorf("the demo has no item %s", state)
			continue
		}
		shown := 0
		for _, x := range items {
			steps := x.NextSteps(r)
			key := state + ":" + strings.Join(steps, ",")
			if seen[key] {
				continue
			}
			seen[key] = true
			shown++
			tab.show(x)
			want := make([]string, len(steps))
			for i, s := range steps {
				want[i] = s
				if s == store.StepReply && state == store.StateForwarded {
					want[i] = "上级答复"
				}
			}
			if got := wfButtons(tab); !slices.Equal(got, want) {
				t.Errorf("%s (%s, %s, outcome %q): buttons %v, legal steps %v", x.Number, state, x.Kind, x.Outcome, got, want)
			}
		}
		t.Logf("%s: %d combinations of steps", state, shown)
	}
	// The demo covers the branches that matter: a pending item that can be forwarded and one that cannot,
	// an item at the extension limit, follow-ups, voter items before and after feedback, and ended items.
	for _, want := range []string{
		"待交办:交办,转交上级,不予立案,撤回", "待交办:交办,不予立案,撤回", "办理中:答复,延期", "办理中:答复", "已转交:答复",
		"已答复:代表评价,跟踪办理", "已办结:跟踪办理",
		"已答复:代表评价", "已答复:反馈选民", "已终止:",
	} {
		if !seen[want] {
			t.Errorf("no item shows %s; seen %v", want, seen)
		}
	}
}

// wfBranches adds to the demo the branches it lacks: a pending 县级 item (转交上级 offered), a replied voter
// item with no deputy (only 反馈选民), and an item extended to the limit (延期 no longer offered).
func wfBranches(t *testing.T, d *desk, r store.Rules) {
	t.Helper()
	db, ctx := d.db, d.ctx
	cat := d.items.categories[0]
	county := store.Suggestion{Kind: store.KindVoter, Period: store.PeriodRecess, Source: store.SourceStation, VoterName: "陈玉梅",
		Title: "关于县道拓宽的意见", Category: cat, Scope: store.LevelCounty, Received: "2024-11-25"}
	voter := county
	voter.Title, voter.Scope = "关于村内路灯的意见", store.LevelTown
	limit := voter
	limit.Title = "关于垃圾清运的意见"
	for _, x := range []*store.Suggestion{&county, &voter, &limit} {
		if err := db.SaveSuggestion(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	unit := d.items.units[0].ID
	steps := []error{
		db.Assign(ctx, voter.ID, store.AssignInput{MainUnitID: unit, Date: "2024-11-26"}),
		db.Reply(ctx, voter.ID, store.ReplyInput{Date: "2024-11-28", Method: store.MethodPhone, Content: "已修复。", Outcome: store.OutcomeSolved}),
		db.Assign(ctx, limit.ID, store.AssignInput{MainUnitID: unit, Date: "2024-11-26"}),
		db.Extend(ctx, limit.ID, r.MaxExtension("2024-11-26"), "需协调县环卫部门", "2024-11-28"),
	}
	for i, err := range steps {
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
}

func mustFirst(t *testing.T, d *desk, state string) store.Suggestion {
	t.Helper()
	items, _, err := d.db.Suggestions(d.ctx, store.SuggestionFilter{States: []string{state}, Limit: 1})
	if err != nil || len(items) == 0 {
		t.Fatalf("no item %s: %v", state, err)
	}
	return items[0]
}

// wfPending returns a 待交办 item of the demo.
func wfPending(t *testing.T, d *desk) store.Suggestion {
	t.Helper()
	items, _, err := d.db.Suggestions(d.ctx, store.SuggestionFilter{States: []string{store.StatePending}, Sort: "received", Limit: 1})
	if err != nil || len(items) == 0 {
		t.Fatalf("no 待交办 item: %v", err)
	}
	return items[0]
}

func TestAssignThroughDialog(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.items
	r := wfRules(t, d)
	x := wfPending(t, d)
	tab.show(x)
	dlg := wfTapStep(t, d, "交办")
	main := wfField[*filterSelect](t, dlg, "主办单位")
	date := wfField[*dateEntry](t, dlg, "交办日期")
	deadline := wfField[*dateEntry](t, dlg, "办理时限")
	if date.Date() != testToday || deadline.Date() != r.AssignDeadline(testToday) {
		t.Fatalf("defaults: 交办日期 %q 办理时限 %q, want %s and %s", date.Text, deadline.Text, testToday, r.AssignDeadline(testToday))
	}
	// The deadline follows the date until the clerk edits it.
	earlier := max(x.Received, testToday.AddDays(-10))
	date.SetText(string(earlier))
	if deadline.Date() != r.AssignDeadline(earlier) {
		t.Fatalf("date %s: deadline %s, want %s", earlier, deadline.Text, r.AssignDeadline(earlier))
	}

	// Without a main unit the store refuses; the dialog stays open and says why.
	test.Tap(findButton(dlg, "确定"))
	if d.win.Canvas().Overlays().Top() != dlg || formIn(t, dlg).message("主办单位") != "主办单位不能为空" {
		t.Fatalf("refused 交办: dialog open=%v, says %q under 主办单位", d.win.Canvas().Overlays().Top() == dlg, formIn(t, dlg).message("主办单位"))
	}
	if s, _ := d.db.Suggestion(d.ctx, x.ID); s.State != store.StatePending {
		t.Fatalf("refused 交办 left the item %s", s.State)
	}

	unit := tab.units[0]
	main.SetSelected(unit.Name)
	test.Tap(findButton(dlg, "确定"))
	if d.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the dialog stayed open: %q", labelText(dlg))
	}
	s, err := d.db.Suggestion(d.ctx, x.ID)
	if err != nil {
		t.Fatal(err)
	}
	if s.State != store.StateHandling || s.MainUnitID != unit.ID || s.Assigned != earlier || s.Deadline != r.AssignDeadline(earlier) {
		t.Fatalf("after 交办: %s unit %d assigned %s deadline %s", s.State, s.MainUnitID, s.Assigned, s.Deadline)
	}
	// The pane and the list row show the new state, and the buttons are those of an item being handled.
	if want := []string{"答复", "延期"}; !slices.Equal(wfButtons(tab), want) {
		t.Fatalf("buttons after 交办 %v, want %v", wfButtons(tab), want)
	}
	if !strings.Contains(labelText(tab.panes.Items[1].Content), "主办单位："+unit.Name) || tab.panes.SelectedIndex() != 1 {
		t.Fatalf("办理过程 not shown with the unit: %q", labelText(tab.panes.Items[1].Content))
	}
	for row := 0; row < tab.list.total; row++ {
		if y, _ := tab.list.item(row); y.ID == x.ID && y.State != store.StateHandling {
			t.Fatalf("list row still says %s", y.State)
		}
	}
}

func TestEvaluateUnsatisfiedThroughDialogOpensRoundTwo(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.items
	r := wfRules(t, d)
	items, _, err := d.db.Suggestions(d.ctx, store.SuggestionFilter{States: []string{store.StateReplied}, Kind: store.KindSuggestion, Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(items, func(s store.Suggestion) bool { return s.LeadDeputyID != 0 && s.MainUnitID != 0 && s.Round == 1 })
	if i < 0 {
		t.Fatal("no replied item of a unit in round 1")
	}
	x := items[i]
	tab.show(x)
	dlg := wfTapStep(t, d, "代表评价")
	grade := wfField[*widget.RadioGroup](t, dlg, "评价结果")
	if formHas(dlg, "重新办理时限") {
		t.Fatal("重新办理时限 shown before 不满意 is chosen")
	}
	grade.SetSelected(store.GradeUnsatisfied)
	if !formHas(dlg, "重新办理时限") || !strings.Contains(labelText(dlg), "将进入第2轮办理") {
		t.Fatalf("不满意 does not show the next round: %q", labelText(dlg))
	}
	rehandle := wfField[*dateEntry](t, dlg, "重新办理时限")
	if rehandle.Date() != r.RehandleDeadline(testToday) {
		t.Fatalf("重新办理时限 %q, want %s", rehandle.Text, r.RehandleDeadline(testToday))
	}
	wfField[*textEntry](t, dlg, "评价意见").SetText("路面仍有积水")
	test.Tap(findButton(dlg, "确定"))
	if top := d.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("the dialog stayed open: %q", labelText(top))
	}
	s, _ := d.db.Suggestion(d.ctx, x.ID)
	if s.State != store.StateHandling || s.Round != 2 || s.Deadline != r.RehandleDeadline(testToday) || s.Evaluation != store.GradeUnsatisfied {
		t.Fatalf("after 不满意: %s round %d deadline %s evaluation %s", s.State, s.Round, s.Deadline, s.Evaluation)
	}
	if !strings.Contains(labelText(tab.panes.Items[1].Content), "第2轮办理") {
		t.Fatalf("办理过程 does not show round 2: %q", labelText(tab.panes.Items[1].Content))
	}
	if !slices.Equal(wfButtons(tab), s.NextSteps(r)) {
		t.Fatalf("buttons %v, want %v", wfButtons(tab), s.NextSteps(r))
	}
}

// formHas reports whether a form inside o shows a row labelled label.
func formHas(o fyne.CanvasObject, label string) bool {
	found := false
	walk(o, func(c fyne.CanvasObject) {
		if f, ok := c.(*fieldForm); ok {
			found = found || f.shown(label)
		}
	})
	return found
}

func TestStepRefusedKeepsDialogWithStoreMessage(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.items
	x := mustFirst(t, d, store.StateHandling)
	tab.show(x)
	dlg := wfTapStep(t, d, "答复")
	wfField[*widget.Select](t, dlg, "办理结果").SetSelected(store.OutcomeSolved)
	// A reply dated before the item was assigned: the store names the rule.
	wfField[*dateEntry](t, dlg, "答复日期").SetDate(x.Assigned.AddDays(-1))
	wfField[*textEntry](t, dlg, "答复内容").SetText("已安排施工。")
	test.Tap(findButton(dlg, "确定"))
	want := "答复日期(" + x.Assigned.AddDays(-1).Chinese() + ")不能早于交办日期(" + x.Assigned.Chinese() + ")"
	if d.win.Canvas().Overlays().Top() != dlg || formIn(t, dlg).message("答复日期") != want {
		t.Fatalf("dialog open=%v says %q under 答复日期, want %q", d.win.Canvas().Overlays().Top() == dlg, formIn(t, dlg).message("答复日期"), want)
	}
	if s, _ := d.db.Suggestion(d.ctx, x.ID); s.State != store.StateHandling {
		t.Fatalf("a refused reply moved the item to %s", s.State)
	}
	// An empty content is caught as typed, before the store.
	content := wfField[*textEntry](t, dlg, "答复内容")
	content.SetText("")
	if err := content.Validate(); err == nil || err.Error() != "答复内容不能为空" {
		t.Fatalf("content validation %v", err)
	}
	// 取消 with fields changed asks first; 不保存 closes the dialog.
	test.Tap(findButton(dlg, "取消"))
	if !strings.Contains(dialogText(d), "答复有未保存的修改") {
		t.Fatalf("取消 of a changed reply says %q", dialogText(d))
	}
	test.Tap(dialogButton(t, d, "不保存"))
	if d.win.Canvas().Overlays().Top() != nil {
		t.Fatal("取消 left the dialog open")
	}
}

func TestExtendDialogDefaultsWithinLimit(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.items
	r := wfRules(t, d)
	items, _, _ := d.db.Suggestions(d.ctx, store.SuggestionFilter{States: []string{store.StateHandling}, Limit: 200})
	i := slices.IndexFunc(items, func(s store.Suggestion) bool { return slices.Contains(s.NextSteps(r), store.StepExtend) })
	if i < 0 {
		t.Fatal("no item can be extended")
	}
	x := items[i]
	tab.show(x)
	dlg := wfTapStep(t, d, "延期")
	limit := r.MaxExtension(x.Assigned)
	deadline := wfField[*dateEntry](t, dlg, "延期后的办理时限")
	if want := min(x.Deadline.AddMonths(1), limit); deadline.Date() != want {
		t.Fatalf("default %s, want %s", deadline.Text, want)
	}
	if !strings.Contains(labelText(dlg)+formHints(dlg), "最迟不超过 "+limit.Chinese()) {
		t.Fatalf("the limit is not shown: %q", labelText(dlg)+formHints(dlg))
	}
	// Beyond the limit: the store's rule, under the field; the dialog stays.
	deadline.SetDate(limit.AddDays(1))
	wfField[*textEntry](t, dlg, "延期理由").SetText("涉及资金审批，需延期办理")
	test.Tap(findButton(dlg, "确定"))
	if msg := formIn(t, dlg).message("延期后的办理时限"); !strings.Contains(msg, "不能超过交办之日起") || d.win.Canvas().Overlays().Top() != dlg {
		t.Fatalf("a deadline beyond the limit: %q", msg)
	}
	deadline.SetDate(limit)
	test.Tap(findButton(dlg, "确定"))
	if s, _ := d.db.Suggestion(d.ctx, x.ID); s.Deadline != limit {
		t.Fatalf("deadline %s after 延期, want %s (%q)", s.Deadline, limit, labelText(dlg))
	}
	if slices.Contains(wfButtons(tab), "延期") {
		t.Fatalf("延期 still offered at the limit: %v", wfButtons(tab))
	}
}

// formHints joins the hint texts of the forms inside o.
func formHints(o fyne.CanvasObject) string {
	var sb strings.Builder
	walk(o, func(c fyne.CanvasObject) {
		if f, ok := c.(*fieldForm); ok {
			for _, it := range f.Items {
				sb.WriteString(it.HintText)
			}
		}
	})
	return sb.String()
}

func TestBulkAssignThenUndo(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.items
	r := wfRules(t, d)
	pending := countSuggestions(t, d, store.SuggestionFilter{States: []string{store.StatePending}})
	b := tab.bulkAssign()
	if b == nil {
		t.Fatal("no bulk dialog")
	}
	if len(b.items) != min(pending, bulkAssignMax) || pending < 3 {
		t.Fatalf("the dialog lists %d of %d pending items", len(b.items), pending)
	}
	b.all.SetChecked(true)
	if b.count.Text != fmt.Sprintf("已选 %d 件", len(b.items)) {
		t.Fatalf("全选: %q", b.count.Text)
	}
	b.all.SetChecked(false)
	ids := []int64{b.items[0].ID, b.items[1].ID, b.items[2].ID}
	for _, id := range ids {
		b.choose(id, true)
	}
	if b.count.Text != "已选 3 件" {
		t.Fatalf("count %q", b.count.Text)
	}
	unit := tab.units[1]
	b.fields.main.SetSelected(unit.Name)
	if b.fields.deadline.Date() != r.AssignDeadline(testToday) {
		t.Fatalf("default deadline %s", b.fields.deadline.Text)
	}
	test.Tap(b.form.ok)
	for _, id := range ids {
		s, _ := d.db.Suggestion(d.ctx, id)
		if s.State != store.StateHandling || s.MainUnitID != unit.ID || s.Deadline != r.AssignDeadline(testToday) {
			t.Fatalf("%s after 批量交办: %s unit %d deadline %s", s.Number, s.State, s.MainUnitID, s.Deadline)
		}
	}
	if n := countSuggestions(t, d, store.SuggestionFilter{States: []string{store.StatePending}}); n != pending-3 {
		t.Fatalf("%d pending after assigning 3 of %d", n, pending)
	}
	done := topDialog(t, d)
	if !strings.Contains(labelText(done), "已交办 3 件") {
		t.Fatalf("result says %q", labelText(done))
	}
	test.Tap(findButton(done, "撤销本次交办"))
	for _, id := range ids {
		s, _ := d.db.Suggestion(d.ctx, id)
		if s.State != store.StatePending || s.MainUnitID != 0 || s.Deadline != "" {
			t.Fatalf("%s after undo: %s unit %d deadline %s", s.Number, s.State, s.MainUnitID, s.Deadline)
		}
	}
	if top := topDialog(t, d); !strings.Contains(labelText(top), "已撤销本次交办，3 件") {
		t.Fatalf("undo says %q", labelText(top))
	}
}

func TestBulkAssignWithLateReceivedItemAssignsNone(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	b := d.items.bulkAssign()
	if b == nil {
		t.Fatal("no bulk dialog")
	}
	byReceived := slices.Clone(b.items)
	slices.SortStableFunc(byReceived, func(a, c store.Suggestion) int { return strings.Compare(string(a.Received), string(c.Received)) })
	early, late := byReceived[:2], byReceived[len(byReceived)-1]
	if late.Received <= early[1].Received {
		t.Fatal("the pending items were all received on the same day")
	}
	for _, x := range append(slices.Clone(early), late) {
		b.choose(x.ID, true)
	}
	b.fields.main.SetSelected(d.items.units[0].Name)
	date := late.Received.AddDays(-1) // after the early ones, before the late one
	b.fields.date.SetDate(date)
	test.Tap(b.form.ok)
	msg := b.form.form.message("交办日期") // the item's rule is about the date the items share
	if top := d.win.Canvas().Overlays().Top(); top == nil || msg == "" {
		t.Fatal("the refused bulk assignment closed the dialog or said nothing")
	}
	if !strings.Contains(msg, late.Number) || !strings.Contains(msg, "全部未交办") {
		t.Fatalf("message %q does not name %s", msg, late.Number)
	}
	for _, x := range append(slices.Clone(early), late) {
		if s, _ := d.db.Suggestion(d.ctx, x.ID); s.State != store.StatePending {
			t.Fatalf("%s is %s after a refused bulk assignment", s.Number, s.State)
		}
	}
}

func TestUnitViewMatchesStoreAndFiltersList(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.items
	v := tab.unitView()
	if v.chosen != 2024 || v.year.Selected != "2024年" {
		t.Fatalf("the view opens on %d (%q), want this year", v.chosen, v.year.Selected)
	}
	stats, err := d.db.UnitStats(d.ctx, "2024-01-01", "2024-12-31", testToday)
	if err != nil || len(stats) == 0 {
		t.Fatalf("store: %d units (%v)", len(stats), err)
	}
	s := stats[0]
	rate := func(n, d int) string {
		if d == 0 {
			return "—"
		}
		return fmt.Sprintf("%.1f%% (%d/%d)", float64(n)*100/float64(d), n, d)
	}
	want := []string{s.Name, fmt.Sprint(s.Assigned), fmt.Sprint(s.Replied), fmt.Sprint(s.Overdue), rate(s.OnTime, s.Due),
		fmt.Sprint(s.Solved), fmt.Sprint(s.Solving), fmt.Sprint(s.Planned), fmt.Sprint(s.Reference), rate(s.Satisfied, s.Evaluated),
		fmt.Sprint(s.AssistOnly)}
	var got, heads []string
	for col := range unitColumns {
		cell := v.table.CreateCell()
		v.table.UpdateCell(widget.TableCellID{Row: 0, Col: col}, cell)
		got = append(got, cell.(*widget.Label).Text)
		heads = append(heads, unitColumns[col].title)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("first row %v, store says %v", got, want)
	}
	if strings.Join(heads, " ") != "承办单位 主办件数 已答复 逾期 按期办结率 已解决 正在解决 列入计划 留作参考 满意率 协办件数" {
		t.Fatalf("headers %v", heads)
	}
	if rows, _ := v.table.Length(); rows != len(stats)+1 {
		t.Fatalf("%d rows for %d units and 合计", rows, len(stats))
	}
	// 1/8 at 0 decimals is 12.5%: half away from zero, as in the workbook (float formatting gave 12%).
	if unitRate(0, 0, 1) != "—" || unitRate(12, 14, 1) != "85.7% (12/14)" || unitRate(1, 8, 0) != "13% (1/8)" {
		t.Fatalf("rates %q %q", unitRate(0, 0, 1), unitRate(12, 14, 1))
	}

	// Clicking the unit closes the view and lists its 2024 items.
	v.table.Select(widget.TableCellID{Row: 0, Col: 0})
	if top := d.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("the view stayed open: %q", labelText(top))
	}
	if tab.filter.UnitID != s.UnitID || tab.filter.Year != 2024 || tab.filters.unit.Selected != s.Name {
		t.Fatalf("list filtered to unit %d year %d", tab.filter.UnitID, tab.filter.Year)
	}
	if want := countSuggestions(t, d, store.SuggestionFilter{UnitID: s.UnitID, Year: 2024}); tab.list.total != want || want < s.Assigned {
		t.Fatalf("list shows %d, store says %d (leads %d)", tab.list.total, want, s.Assigned)
	}
}

func TestNewFromReceptionPrefillsTheForm(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.items
	recs, _, err := d.db.Receptions(d.ctx, store.ReceptionFilter{Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(recs, func(r store.Reception) bool { return len(r.DeputyIDs) > 0 && r.Summary != "" })
	if i < 0 {
		t.Fatal("no reception with deputies on duty")
	}
	r := recs[i]
	st, err := d.db.Station(d.ctx, r.StationID)
	if err != nil {
		t.Fatal(err)
	}
	d.tabs.SelectIndex(0)
	tab.newFromReception(st, r)
	if d.tabs.Selected() != tab.tabItem() || tab.current.ID != 0 || !strings.HasPrefix(tab.pane.title.Text, "登记建议") {
		t.Fatalf("tab %q, pane %q", d.tabs.Selected().Text, tab.pane.title.Text)
	}
	p := tab.pane.byLabel
	for label, want := range map[string]string{"类型": store.KindVoter, "提出时段": store.PeriodRecess, "来源": store.SourceStation} {
		if got := p[label].(*widget.Select).Selected; got != want {
			t.Errorf("%s %q, want %q", label, got, want)
		}
	}
	if got := p["收到日期"].(*dateEntry).Date(); got != r.Date {
		t.Errorf("收到日期 %s, want %s", got, r.Date)
	}
	if got := p["领衔代表"].(*suggestionDeputyPicker).Deputy(); got != r.DeputyIDs[0] {
		t.Errorf("领衔代表 %d, want %d", got, r.DeputyIDs[0])
	}
	if got := p["内容"].(*textEntry).Text; got != r.Summary {
		t.Errorf("内容 %q", got)
	}
	if got := p["标题"].(*textEntry).Text; got != "" {
		t.Errorf("标题 %q", got)
	}
	// The clerk adds the voter and a title; the saved item keeps the station and the reception.
	p["选民姓名"].(*textEntry).SetText("刘秀兰")
	p["标题"].(*textEntry).SetText("关于修缮村口便民桥的意见")
	p["类别"].(*widget.Select).SetSelected(tab.categories[0])
	tab.pane.form.OnSubmit()
	if tab.current.ID == 0 {
		t.Fatalf("not saved: %s", tab.pane.msg.Text)
	}
	s, _ := d.db.Suggestion(d.ctx, tab.current.ID)
	if s.StationID != st.ID || s.ReceptionID != r.ID || s.Kind != store.KindVoter || s.Received != r.Date || s.VoterName != "刘秀兰" {
		t.Fatalf("saved %+v", s)
	}
}

// An item raised between sessions and not assigned in time is marked in the list, found by the 提醒 filter
// and listed on the overview.
func TestAssignLateIsMarkedFilteredAndListed(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.items
	x := store.Suggestion{Kind: store.KindVoter, Period: store.PeriodRecess, Source: store.SourceStation, VoterName: "周桂芳",
		Title: "关于清理河道垃圾的意见", Category: tab.categories[0], Scope: store.LevelTown, Received: "2024-11-01"}
	if err := d.db.SaveSuggestion(d.ctx, &x); err != nil {
		t.Fatal(err)
	}
	late := countSuggestions(t, d, store.SuggestionFilter{AssignLate: true, Today: testToday})
	tab.filters.remind.SetSelected(remindAssignLate)
	if tab.list.total != late || late == 0 {
		t.Fatalf("超时未交办 shows %d, store says %d", tab.list.total, late)
	}
	stateCol := slices.IndexFunc(tab.list.columns, func(c column[store.Suggestion]) bool { return c.title == "状态" })
	for row := 0; row < tab.list.total; row++ {
		y, _ := tab.list.item(row)
		if got := tab.list.columns[stateCol].text(y); got != "待交办·超时" {
			t.Fatalf("row %d (%s) 状态 %q", row, y.Number, got)
		}
	}
	// One received yesterday is within its working days: plain 待交办.
	fresh := x
	fresh.ID, fresh.Number, fresh.Title, fresh.Received = 0, "", "关于修缮村文化室的意见", "2024-11-29"
	if err := d.db.SaveSuggestion(d.ctx, &fresh); err != nil {
		t.Fatal(err)
	}
	tab.filters.remind.SetSelected(remindAll)
	for row := 0; row < tab.list.total; row++ {
		if y, _ := tab.list.item(row); y.ID == fresh.ID {
			if got := tab.list.columns[stateCol].text(y); got != store.StatePending {
				t.Fatalf("an item received yesterday shows %q", got)
			}
			break
		}
	}
	tab.filters.remind.SetSelected(remindDueSoon)
	if want := countSuggestions(t, d, store.SuggestionFilter{DueWithin: 15, Today: testToday}); tab.list.total != want {
		t.Fatalf("15天内到期 shows %d, store says %d", tab.list.total, want)
	}
	tab.filters.remind.SetSelected(remindAll)

	ov := d.overview
	ov.refresh()
	lateVoters := countSuggestions(t, d, store.SuggestionFilter{AssignLate: true, Today: testToday, Kind: store.KindVoter})
	if want := "超时未交办：" + store.CountText(late-lateVoters, lateVoters); !strings.HasPrefix(ov.assignLateHead.Text, want) {
		t.Fatalf("overview heading %q, want %q", ov.assignLateHead.Text, want)
	}
	i := slices.IndexFunc(ov.assignLate, func(s store.Suggestion) bool { return s.ID == x.ID })
	if i < 0 {
		t.Fatal("the overview does not list the late item")
	}
	if line := overviewItemLine(ov.assignLate[i]); !strings.Contains(line, "2024年11月1日收到") {
		t.Fatalf("line %q", line)
	}
	d.tabs.SelectIndex(0)
	ov.assignLateList.Select(i)
	if d.tabs.Selected() != tab.tabItem() || tab.current.ID != x.ID {
		t.Fatalf("tapping opened item %d, want %d", tab.current.ID, x.ID)
	}
	if !strings.Contains(labelText(tab.panes.Items[1].Content), "已超时未交办") {
		t.Fatalf("办理过程 does not say it is late: %q", labelText(tab.panes.Items[1].Content))
	}
}

func TestForwardThroughDialogThenUpperReply(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.items
	wfBranches(t, d, wfRules(t, d))
	items, _, err := d.db.Suggestions(d.ctx, store.SuggestionFilter{States: []string{store.StatePending}, Scope: store.LevelCounty, Limit: 1})
	if err != nil || len(items) == 0 {
		t.Fatalf("no pending 县级 item: %v", err)
	}
	x := items[0]
	tab.show(x)
	dlg := wfTapStep(t, d, "转交上级")
	to := wfField[*widget.SelectEntry](t, dlg, "转交对象")
	if to.Text != tab.settings.UpperCongress || to.Text == "" {
		t.Fatalf("转交对象 %q, want %q", to.Text, tab.settings.UpperCongress)
	}
	test.Tap(findButton(dlg, "确定"))
	s, _ := d.db.Suggestion(d.ctx, x.ID)
	if s.State != store.StateForwarded || s.ForwardTo != tab.settings.UpperCongress || s.Forwarded != testToday {
		t.Fatalf("after 转交: %s to %q on %s", s.State, s.ForwardTo, s.Forwarded)
	}
	if got := wfButtons(tab); !slices.Equal(got, []string{"上级答复"}) {
		t.Fatalf("buttons of a forwarded item %v", got)
	}
	dlg = wfTapStep(t, d, "上级答复")
	wfField[*widget.Select](t, dlg, "办理结果").SetSelected(store.OutcomePlanned)
	wfField[*textEntry](t, dlg, "答复内容").SetText("已列入明年县道改造计划。")
	test.Tap(findButton(dlg, "确定"))
	if s, _ := d.db.Suggestion(d.ctx, x.ID); s.State != store.StateReplied || s.Outcome != store.OutcomePlanned {
		t.Fatalf("after 上级答复: %s %s (%q)", s.State, s.Outcome, labelText(dlg))
	}
	if !strings.Contains(labelText(tab.panes.Items[1].Content), "上级答复") {
		t.Fatalf("办理过程 lacks the upper reply: %q", labelText(tab.panes.Items[1].Content))
	}
}
