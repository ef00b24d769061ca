package ui

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// Forms that explain themselves (issue 14 §3): ＊ from the store's rules, every problem at once under its field
// without moving a field, 保存 in view, the keys, the pickers that filter, the deadlines that say how they were
// counted, and the refusal to delete before the question.

// ctrl is Ctrl+key, as the desktop driver reports it.
func ctrl(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

// pressShortcut sends s as Fyne's desktop driver does (internal/driver/glfw/window.go, triggersShortcut): to
// the focused widget alone when it takes shortcuts, else to the canvas.
func pressShortcut(c fyne.Canvas, s fyne.Shortcut) {
	if f, ok := c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	c.(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(s)
}

// pressKey sends a key as the driver does (processKeyPressed): to the focused widget, else to the canvas.
func pressKey(c fyne.Canvas, k fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: k}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

func TestTabShortcutsWhileTyping(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	c := d.win.Canvas()
	d.tabs.SelectIndex(1)
	d.deputies.newRecord()
	for name, box := range map[string]fyne.Focusable{
		"FormEntry":   paneEntry(d.deputies.pane, "姓名"),
		"DateEntry":   d.deputies.pane.field("出缺日期").(*dateEntry),
		"SearchEntry": d.deputies.search,
		"MultiLine":   paneEntry(d.deputies.pane, "备注"),
	} {
		t.Run(name, func(t *testing.T) {
			d.tabs.SelectIndex(1)
			c.Focus(box)
			test.Type(box, "王")
			for i, k := range []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7} {
				d.tabs.SelectIndex(1)
				c.Focus(box)
				pressShortcut(c, ctrl(k))
				if got := d.tabs.SelectedIndex(); got != i {
					t.Fatalf("Ctrl+%d with the cursor in the box: tab %d, want %d", i+1, got, i)
				}
			}
		})
	}
	t.Run("EntryKeepsItsOwnShortcuts", func(t *testing.T) {
		d.tabs.SelectIndex(1)
		name := paneEntry(d.deputies.pane, "姓名")
		name.SetText("王建国")
		c.Focus(name)
		pressShortcut(c, &fyne.ShortcutSelectAll{})
		if name.SelectedText() != "王建国" {
			t.Fatalf("Ctrl+A selected %q", name.SelectedText())
		}
	})
}

func TestCtrlSSavesTheFormInUse(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	c := d.win.Canvas()
	count := func() int {
		_, n, err := d.db.Deputies(d.ctx, store.DeputyFilter{Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	t.Run("CursorInAField", func(t *testing.T) {
		d.tabs.SelectIndex(1)
		d.deputies.newRecord()
		before := count()
		name := paneEntry(d.deputies.pane, "姓名")
		c.Focus(name)
		test.Type(name, "柯文新")
		pressShortcut(c, ctrl(fyne.KeyS))
		if count() != before+1 || d.deputies.current.Name != "柯文新" || d.deputies.pane.msg.Text != "已保存" {
			t.Fatalf("Ctrl+S: %d deputies (was %d), pane %q says %q", count(), before, d.deputies.current.Name, d.deputies.pane.msg.Text)
		}
	})
	t.Run("NoCursorSavesTheFormOnScreen", func(t *testing.T) {
		d.tabs.SelectIndex(1)
		d.deputies.newRecord()
		before := count()
		paneEntry(d.deputies.pane, "姓名").SetText("鲁一平")
		c.Unfocus()
		pressShortcut(c, ctrl(fyne.KeyS))
		if count() != before+1 || d.deputies.current.Name != "鲁一平" {
			t.Fatalf("Ctrl+S without a cursor: %d deputies (was %d)", count(), before)
		}
	})
	t.Run("RefusedShowsTheProblems", func(t *testing.T) {
		d.tabs.SelectIndex(1)
		d.deputies.newRecord()
		before := count()
		name := paneEntry(d.deputies.pane, "姓名")
		c.Focus(name)
		pressShortcut(c, ctrl(fyne.KeyS))
		if count() != before || d.deputies.pane.form.message("姓名") != "姓名不能为空" {
			t.Fatalf("Ctrl+S of a blank form: %d deputies (was %d), under 姓名 %q", count(), before, d.deputies.pane.form.message("姓名"))
		}
	})
	t.Run("InADialogSavesTheDialog", func(t *testing.T) {
		d.showTab(d.items.content)
		x := wfPending(t, d)
		d.items.show(x)
		title := paneEntry(d.items.pane, "标题")
		title.SetText(x.Title + "(改)") // the pane behind the dialog has unsaved changes: they stay unsaved
		dlg := wfTapStep(t, d, "交办")
		wfField[*filterSelect](t, dlg, "主办单位").SetSelected(d.items.units[0].Name)
		date := wfField[*dateEntry](t, dlg, "交办日期")
		c.Focus(date)
		pressShortcut(c, ctrl(fyne.KeyS))
		s, _ := d.db.Suggestion(d.ctx, x.ID)
		if s.State != store.StateHandling || s.Title != x.Title || c.Overlays().Top() != nil {
			t.Fatalf("Ctrl+S in the 交办 dialog: state %s, title %q, dialog open %v", s.State, s.Title, c.Overlays().Top() != nil)
		}
	})
}

func TestEscClosesDialogsAndTheCalendar(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	c := d.win.Canvas()
	d.showTab(d.items.content)
	x := wfPending(t, d)
	d.items.show(x)
	t.Run("StepDialogFromATextBox", func(t *testing.T) {
		dlg := wfTapStep(t, d, "交办")
		c.Focus(wfField[*dateEntry](t, dlg, "交办日期"))
		pressKey(c, fyne.KeyEscape)
		if c.Overlays().Top() != nil {
			t.Fatalf("Esc left the dialog open: %q", labelText(c.Overlays().Top()))
		}
		if s, _ := d.db.Suggestion(d.ctx, x.ID); s.State != store.StatePending {
			t.Fatalf("Esc recorded the step: %s", s.State)
		}
	})
	t.Run("ChangedStepDialogAsksFirst", func(t *testing.T) {
		dlg := wfTapStep(t, d, "交办")
		wfField[*filterSelect](t, dlg, "主办单位").SetSelected(d.items.units[0].Name)
		c.Unfocus()
		pressKey(c, fyne.KeyEscape)
		if !strings.Contains(dialogText(d), "有未保存的修改") {
			t.Fatalf("Esc of a changed dialog says %q", dialogText(d))
		}
		pressKey(c, fyne.KeyEscape) // Esc on the question is its 取消: back to the dialog
		if c.Overlays().Top() != dlg {
			t.Fatal("Esc on the question did not go back to the dialog")
		}
		pressKey(c, fyne.KeyEscape)
		test.Tap(dialogButton(t, d, "不保存"))
		if c.Overlays().Top() != nil {
			t.Fatal("不保存 left the dialog open")
		}
	})
	t.Run("AfterPickingARadio", func(t *testing.T) {
		y := mustFirst(t, d, store.StateHandling)
		d.items.show(y)
		dlg := wfTapStep(t, d, "答复")
		method := wfField[*widget.RadioGroup](t, dlg, "答复方式")
		// A tap on 见面 focuses the radio button (Fyne does so); a focused radio keeps every key, Esc too.
		var options []fyne.Tappable // the group's radio buttons
		walk(method, func(o fyne.CanvasObject) {
			if tp, ok := o.(interface {
				fyne.Tappable
				fyne.Focusable
			}); ok && o != fyne.CanvasObject(method) {
				options = append(options, tp)
			}
		})
		if len(options) != len(store.ReplyMethods) {
			t.Fatalf("%d radio buttons", len(options))
		}
		test.Tap(options[1])
		if method.Selected == store.MethodWritten {
			t.Fatalf("the tap did not choose another method: %q", method.Selected)
		}
		pressKey(c, fyne.KeyEscape)
		if !strings.Contains(dialogText(d), "答复有未保存的修改") {
			t.Fatalf("Esc after a tap on the radio: %q", dialogText(d))
		}
		test.Tap(dialogButton(t, d, "不保存"))
		if c.Overlays().Top() != nil {
			t.Fatal("the reply dialog stayed open")
		}
	})
	t.Run("Calendar", func(t *testing.T) {
		d.items.show(x)
		date := d.items.pane.field("收到日期").(*dateEntry)
		test.Tap(date.ActionItem.(*widget.Button))
		if !date.calendarOpen() || c.Overlays().Top() == nil {
			t.Fatal("the calendar did not open")
		}
		pressKey(c, fyne.KeyEscape) // the calendar has the keys while it is open
		if date.calendarOpen() || c.Overlays().Top() != nil {
			t.Fatal("Esc left the calendar open")
		}
		if c.Focused() != date {
			t.Fatalf("the cursor went to %T, want the date field", c.Focused())
		}
		test.Tap(date.ActionItem.(*widget.Button))
		c.Focus(date)
		pressKey(c, fyne.KeyEscape) // from the field itself
		if date.calendarOpen() {
			t.Fatal("Esc in the field left the calendar open")
		}
	})
	t.Run("Confirmation", func(t *testing.T) {
		d.items.remove()
		if !strings.Contains(dialogText(d), "删除后不能恢复") {
			t.Fatalf("no question: %q", dialogText(d))
		}
		pressKey(c, fyne.KeyEscape)
		if c.Overlays().Top() != nil {
			t.Fatal("Esc left the question open")
		}
		if _, err := d.db.Suggestion(d.ctx, x.ID); err != nil {
			t.Fatalf("Esc deleted: %v", err)
		}
	})
	t.Run("ProgressStays", func(t *testing.T) {
		// A dialog without buttons (work in progress) is not closed by Esc.
		if dismissButton(widget.NewProgressBarInfinite()) != nil {
			t.Fatal("a progress bar has a dismiss button")
		}
	})
}

func TestEveryProblemAtOnceUnderItsField(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	d.showTab(d.items.content)
	d.items.newRecord()
	p := d.items.pane
	// 登记建议 starts with a kind, a period, a scope and today's date: clear them, to have every problem at once.
	for _, label := range []string{"类型", "提出时段", "涉及层面"} {
		p.field(label).(*widget.Select).ClearSelected()
	}
	p.field("收到日期").(*dateEntry).SetText("")
	var before []fyne.Position
	for _, it := range p.form.Items {
		before = append(before, it.Widget.Position())
	}
	p.scroll.Offset.Y = 120 // the clerk has scrolled down a little
	p.scroll.Refresh()
	p.form.OnSubmit()
	want := map[string]string{
		"类型": "类型不能为空", "提出时段": "提出时段不能为空", "来源": "来源不能为空", "标题": "标题不能为空",
		"类别": "类别不能为空", "涉及层面": "涉及层面不能为空", "收到日期": "收到日期不能为空", "领衔代表": "领衔代表不能为空(选民意见建议除外)",
	}
	for label, msg := range want {
		if got := p.form.message(label); got != msg {
			t.Errorf("under %s: %q, want %q", label, got, msg)
		}
	}
	for _, label := range []string{"编号", "附议代表", "内容", "重点/一般"} {
		if got := p.form.message(label); got != "" {
			t.Errorf("under %s: %q, want nothing", label, got)
		}
	}
	// Beside 保存 the problems read top to bottom, as the form does (the title's own check runs first).
	order := []string{"类型", "提出时段", "来源", "领衔代表", "标题", "类别", "涉及层面", "收到日期"}
	var msgs []string
	for _, label := range order {
		msgs = append(msgs, want[label])
	}
	if summary := fmt.Sprintf("有%d处需要修改：%s", len(want), strings.Join(msgs, "；")); p.msg.Text != summary {
		t.Errorf("beside 保存: %q, want %q", p.msg.Text, summary)
	}
	// The 领衔代表 picker turns red; its message is said once, under it.
	if lead := p.field("领衔代表").(*suggestionDeputyPicker); lead.summary.Text != "(未选择)" || lead.summary.Importance != widget.DangerImportance {
		t.Errorf("the 领衔代表 picker says %q (importance %v)", lead.summary.Text, lead.summary.Importance)
	}
	for i, it := range p.form.Items {
		if it.Widget.Position() != before[i] {
			t.Errorf("%s moved from %v to %v when the messages appeared", it.Text, before[i], it.Widget.Position())
		}
	}
	if p.scroll.Offset.Y != 120 {
		t.Errorf("the form scrolled to %v, want it to stay at 120 (a field with a problem is in view)", p.scroll.Offset.Y)
	}
	// Typing in a field takes its message away; the others stay.
	test.Type(paneEntry(p, "标题"), "关于修复村口路灯的建议")
	if p.form.message("标题") != "" || p.form.message("类别") != "类别不能为空" {
		t.Errorf("after typing a title: under 标题 %q, under 类别 %q", p.form.message("标题"), p.form.message("类别"))
	}
	t.Run("InputProblemsWithTheStores", func(t *testing.T) {
		// A number that is not one keeps the record from the store; the store's check names the other fields.
		d.tabs.SelectIndex(1)
		d.deputies.show(deputyWithoutLinks(t, d))
		d.deputies.sections.SelectIndex(4)
		d.deputies.displayReportBack(store.ReportBack{})
		rb := d.deputies.rbPane
		rb.byLabel["称职"].(*textEntry).SetText("十六")
		rb.form.OnSubmit()
		if rb.form.message("称职") != "称职请填写0或正整数" || rb.form.message("述职日期") != "述职日期不能为空" ||
			rb.form.message("述职方式") != "述职方式不能为空" {
			t.Errorf("under 称职 %q, 述职日期 %q, 述职方式 %q", rb.form.message("称职"), rb.form.message("述职日期"), rb.form.message("述职方式"))
		}
	})
}

func TestRequiredMarksFollowTheStore(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	starred := func(f *fieldForm) []string {
		var out []string
		for _, r := range f.rows {
			if r.required && r.star.Visible() {
				out = append(out, r.item.Text)
			}
		}
		return out
	}
	d.tabs.SelectIndex(1)
	d.deputies.newRecord()
	p := d.deputies.pane
	if got := starred(p.form); !slices.Equal(got, []string{"姓名", "代表层级"}) {
		t.Fatalf("a deputy: %v", got)
	}
	p.field("状态").(*widget.Select).SetSelected(store.DeputyVacant)
	if got := starred(p.form); !slices.Equal(got, []string{"姓名", "代表层级", "出缺原因", "出缺日期"}) {
		t.Fatalf("a vacant seat: %v", got)
	}
	d.showTab(d.items.content)
	d.items.newRecord()
	q := d.items.pane
	q.field("类型").(*widget.Select).SetSelected(store.KindVoter)
	got := starred(q.form)
	if !slices.Contains(got, "选民姓名") || slices.Contains(got, "领衔代表") || !slices.Contains(got, "标题") {
		t.Fatalf("a voter's item: %v", got)
	}
	q.field("类型").(*widget.Select).SetSelected(store.KindSuggestion)
	q.field("提出时段").(*widget.Select).SetSelected(store.PeriodSession)
	got = starred(q.form)
	if slices.Contains(got, "选民姓名") || !slices.Contains(got, "领衔代表") || !slices.Contains(got, "人代会") {
		t.Fatalf("a deputy's item of a session: %v", got)
	}
}

func TestStepDialogMarksWhatTheStepRequires(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	d.showTab(d.items.content)
	d.items.show(mustFirst(t, d, store.StateHandling))
	dlg := wfTapStep(t, d, "答复")
	var got []string
	for _, r := range formIn(t, dlg).rows {
		if r.required && r.star.Visible() {
			got = append(got, r.item.Text)
		}
	}
	if !slices.Equal(got, []string{"答复日期", "答复方式", "办理结果", "答复内容"}) {
		t.Fatalf("答复: %v", got)
	}
}

func TestSaveBarStaysInView(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	d.tabs.SelectIndex(1)
	x, _ := d.deputies.list.item(0)
	d.deputies.show(x)
	p := d.deputies.pane
	if p.scroll.Content.MinSize().Height <= p.scroll.Size().Height {
		t.Fatalf("the deputy form (%v) fits its pane (%v): not a long form", p.scroll.Content.MinSize(), p.scroll.Size())
	}
	abs := func(o fyne.CanvasObject) fyne.Position {
		return fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	}
	win := d.win.Canvas().Size()
	at := abs(p.saveButton)
	if at.Y <= 0 || at.Y+p.saveButton.Size().Height > win.Height || !p.saveButton.Visible() {
		t.Fatalf("保存 at %v (%v) in a window %v", at, p.saveButton.Size(), win)
	}
	// Outside the scroll: scrolling the fields does not move it.
	for _, y := range []float32{0, 300, p.scroll.Content.MinSize().Height} {
		p.scroll.Offset.Y = y
		p.scroll.Refresh()
		if got := abs(p.saveButton); got != at {
			t.Fatalf("scrolled to %v: 保存 moved from %v to %v", y, at, got)
		}
	}
	walk(p.scroll, func(o fyne.CanvasObject) {
		if o == p.saveButton {
			t.Fatal("保存 is inside the scrolled fields")
		}
	})
	// The bottom of the pane is the bottom of the window's work area: the bar is at the bottom edge.
	if bottom := at.Y + p.saveButton.Size().Height; win.Height-bottom > 3*theme_padding() {
		t.Fatalf("保存 ends at %v, %v above the window's bottom", bottom, win.Height-bottom)
	}
}

// theme_padding is the theme's padding, for position checks.
func theme_padding() float32 { return currentFieldMetrics().pad }

func TestPickerFiltersAsYouType(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	c := d.win.Canvas()
	d.showTab(d.items.content)
	d.items.show(wfPending(t, d))
	dlg := wfTapStep(t, d, "交办")
	main := wfField[*filterSelect](t, dlg, "主办单位")
	if len(main.Options) < 40 {
		t.Fatalf("the demo has %d units, want the 40-odd of a township", len(main.Options))
	}
	main.Tapped(nil)
	if main.popup == nil || c.Focused() != main.search {
		t.Fatal("tapping did not open the choices with the cursor in the search box")
	}
	test.Type(main.search, "水利")
	var want []string
	for _, o := range main.Options {
		if strings.Contains(o, "水利") {
			want = append(want, o)
		}
	}
	if len(want) == 0 || !slices.Equal(main.shown, want) || main.list.Length() != len(want) {
		t.Fatalf("水利 shows %v, want %v", main.shown, want)
	}
	if main.count.Text != fmt.Sprintf("共 %d 项", len(want)) {
		t.Fatalf("count %q", main.count.Text)
	}
	pressKey(c, fyne.KeyReturn)
	if main.Selected != want[0] || main.popup != nil || c.Overlays().Top() != dlg {
		t.Fatalf("Enter chose %q (popup open %v), want %q", main.Selected, main.popup != nil, want[0])
	}
	// Typing while the field has the cursor opens the choices with what is typed; Esc closes them only.
	c.Focus(main)
	main.TypedRune('镇')
	if main.popup == nil || main.search.Text != "镇" {
		t.Fatalf("typing 镇 on the field: popup %v, search %q", main.popup != nil, main.search.Text)
	}
	test.Type(main.search, "不存在的单位")
	if len(main.shown) != 0 || !strings.Contains(main.count.Text, "没有包含") {
		t.Fatalf("no match: %v, %q", main.shown, main.count.Text)
	}
	pressKey(c, fyne.KeyEscape)
	if main.popup != nil || c.Overlays().Top() != dlg || main.Selected != want[0] {
		t.Fatalf("Esc: popup %v, top is the dialog %v, chosen %q", main.popup != nil, c.Overlays().Top() == dlg, main.Selected)
	}
	t.Run("AssistingUnits", func(t *testing.T) {
		assist := wfField[*idPicker](t, dlg, "协办单位")
		assist.open()
		pick := c.Overlays().Top()
		search, ok := c.Focused().(*textEntry)
		if !ok || search.PlaceHolder != "输入单位名称筛选" {
			t.Fatalf("the search box has not the cursor (%T)", c.Focused())
		}
		test.Type(search, "水利")
		var list *widget.List
		walk(pick, func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.List); ok {
				list = l
			}
		})
		if list == nil || list.Length() != len(want) {
			t.Fatalf("协办单位 filtered by 水利 shows %d, want %d", list.Length(), len(want))
		}
		pressKey(c, fyne.KeyEscape)
		if c.Overlays().Top() != dlg {
			t.Fatal("Esc did not close the 协办单位 list")
		}
	})
}

func TestDeadlinesSayHowTheyWereCounted(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	r := wfRules(t, d)
	d.showTab(d.items.content)
	note := func(dlg fyne.CanvasObject, label string) string {
		f := formIn(t, dlg)
		var text string
		walk(f.rowAt(label).item.Widget, func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok {
				text = l.Text
			}
		})
		return text
	}
	t.Run("Assign", func(t *testing.T) {
		d.items.show(wfPending(t, d))
		dlg := wfTapStep(t, d, "交办")
		// A row without a label under 办理时限 holds the words.
		f := formIn(t, dlg)
		var got string
		for _, it := range f.Items {
			if l, ok := it.Widget.(*widget.Label); ok && it.Text == "" {
				got = l.Text
			}
		}
		if want := "按规定：" + r.CountAssignDeadline(testToday).Explain(); got != want {
			t.Fatalf("under 办理时限: %q, want %q", got, want)
		}
		wfField[*dateEntry](t, dlg, "交办日期").SetDate("2024-11-01")
		for _, it := range f.Items {
			if l, ok := it.Widget.(*widget.Label); ok && it.Text == "" {
				got = l.Text
			}
		}
		if want := "按规定：" + r.CountAssignDeadline("2024-11-01").Explain(); got != want {
			t.Fatalf("after the date changed: %q, want %q", got, want)
		}
		pressKey(d.win.Canvas(), fyne.KeyEscape)
		if top := d.win.Canvas().Overlays().Top(); top != nil {
			test.Tap(dialogButton(t, d, "不保存"))
		}
	})
	t.Run("RehandleEarlierThanRound1", func(t *testing.T) {
		items, _, err := d.db.Suggestions(d.ctx, store.SuggestionFilter{States: []string{store.StateReplied}, Kind: store.KindSuggestion, Limit: 500})
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(items, func(s store.Suggestion) bool {
			return s.LeadDeputyID != 0 && s.MainUnitID != 0 && s.Round == 1 && r.RehandleDeadline(testToday) < s.Deadline
		})
		if i < 0 {
			t.Fatal("no replied item whose deadline is more than a month away")
		}
		x := items[i]
		d.items.show(x)
		dlg := wfTapStep(t, d, "代表评价")
		wfField[*widget.RadioGroup](t, dlg, "评价结果").SetSelected(store.GradeUnsatisfied)
		want := "按规定：" + r.CountRehandleDeadline(x, testToday).Explain()
		if got := note(dlg, "时限说明"); got != want || !strings.Contains(got, "评价之日起1个月") || !strings.Contains(got, "比第1轮的办理时限("+x.Deadline.Chinese()+")早") {
			t.Fatalf("under 重新办理时限: %q, want %q", got, want)
		}
		wfField[*dateEntry](t, dlg, "重新办理时限").SetDate(x.Deadline)
		if got := note(dlg, "时限说明"); !strings.HasPrefix(got, "已改为"+x.Deadline.Chinese()+"。按规定：") {
			t.Fatalf("after the clerk's own date: %q", got)
		}
		test.Tap(findButton(dlg, "确定"))
		s, _ := d.db.Suggestion(d.ctx, x.ID)
		if s.Round != 2 || s.Deadline != x.Deadline {
			t.Fatalf("round %d deadline %s", s.Round, s.Deadline)
		}
		// The item's page says how its deadline came about.
		lines := labelText(d.items.panes.Items[1].Content)
		if !strings.Contains(lines, "办理时限："+s.Deadline.Chinese()+"(重新办理时确定)") {
			t.Fatalf("办理过程: %q", lines)
		}
	})
}

// The 不满意 branch of 代表评价 opens in room kept for it: the dialog keeps its size and place, and the fields
// above do not move.
func TestEvaluateBranchKeepsTheLayout(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	d.showTab(d.items.content)
	items, _, _ := d.db.Suggestions(d.ctx, store.SuggestionFilter{States: []string{store.StateReplied}, Kind: store.KindSuggestion, Limit: 200})
	i := slices.IndexFunc(items, func(s store.Suggestion) bool { return s.LeadDeputyID != 0 && s.MainUnitID != 0 })
	if i < 0 {
		t.Fatal("no replied item of a unit")
	}
	d.items.show(items[i])
	dlg := wfTapStep(t, d, "代表评价")
	f := formIn(t, dlg)
	abs := func(o fyne.CanvasObject) fyne.Position {
		return fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	}
	type place struct {
		pos  fyne.Position
		size fyne.Size
	}
	snap := func() map[string]place {
		out := map[string]place{"dialog": {abs(dlg), dlg.Size()}}
		for _, it := range f.Items {
			out[it.Text] = place{abs(it.Widget), it.Widget.Size()}
		}
		return out
	}
	if formHas(dlg, "重新办理时限") {
		t.Fatal("重新办理时限 shown before 不满意")
	}
	before := snap()
	grade := wfField[*widget.RadioGroup](t, dlg, "评价结果")
	grade.SetSelected(store.GradeUnsatisfied)
	if !formHas(dlg, "重新办理时限") || !formHas(dlg, "时限说明") {
		t.Fatal("不满意 does not show the next round's deadline")
	}
	after := snap()
	for _, label := range []string{"dialog", "评价日期", "评价结果", "评价意见"} {
		if before[label] != after[label] {
			t.Errorf("%s moved: %v → %v", label, before[label], after[label])
		}
	}
	grade.SetSelected(store.GradeSatisfied)
	if formHas(dlg, "重新办理时限") || snap()["dialog"] != before["dialog"] {
		t.Error("满意 again: the branch stays, or the dialog changed")
	}
}

// deputyWithoutLinks adds a deputy no record refers to.
func deputyWithoutLinks(t *testing.T, d *desk) store.Deputy {
	t.Helper()
	x := store.Deputy{Name: "简单", Levels: []string{store.LevelTown}}
	if err := d.db.SaveDeputy(d.ctx, &x); err != nil {
		t.Fatal(err)
	}
	d.deputies.list.reload()
	return x
}

// A record that cannot be deleted says so at once; no "cannot be undone" question comes first.
func TestDeleteRefusalBeforeTheQuestion(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	d.tabs.SelectIndex(1)
	t.Run("DeputyWithSuggestions", func(t *testing.T) {
		items, _, _ := d.db.Suggestions(d.ctx, store.SuggestionFilter{Limit: 1, States: []string{store.StateClosed}})
		x, err := d.db.Deputy(d.ctx, items[0].LeadDeputyID)
		if err != nil {
			t.Fatal(err)
		}
		d.deputies.show(x)
		d.deputies.remove()
		text := dialogText(d)
		if !strings.Contains(text, "不能删除代表") || strings.Contains(text, "删除后不能恢复") || findButton(topDialog(t, d), "是") != nil {
			t.Fatalf("deleting %s says %q", x.Name, text)
		}
		// Only the kinds of record the deputy has are named.
		if regexp.MustCompile(`(^|[^0-9])0[件条次项]`).MatchString(text) {
			t.Fatalf("the refusal counts what is not there: %q", text)
		}
		pressKey(d.win.Canvas(), fyne.KeyEscape)
	})
	t.Run("DeputyFree", func(t *testing.T) {
		x := deputyWithoutLinks(t, d)
		d.deputies.show(x)
		d.deputies.remove()
		if text := dialogText(d); !strings.Contains(text, "确定要删除代表「简单」吗？") || !strings.Contains(text, "删除后不能恢复") {
			t.Fatalf("the question: %q", text)
		}
		test.Tap(dialogButton(t, d, "是"))
		if _, err := d.db.Deputy(d.ctx, x.ID); store.ErrorCode(err) != store.ENOTFOUND {
			t.Fatalf("after 是: %v", err)
		}
	})
	t.Run("SessionWithSuggestions", func(t *testing.T) {
		ms, _, _ := d.db.Meetings(d.ctx, store.MeetingFilter{Kind: store.MeetingCongress})
		for _, m := range ms {
			if n := countSuggestions(t, d, store.SuggestionFilter{MeetingID: m.ID}); n == 0 {
				continue
			}
			d.showTab(d.meetings.content)
			d.meetings.show(m)
			d.meetings.remove()
			if text := dialogText(d); !strings.Contains(text, "不能删除") || findButton(topDialog(t, d), "是") != nil {
				t.Fatalf("deleting %s says %q", m.Title, text)
			}
			pressKey(d.win.Canvas(), fyne.KeyEscape)
			return
		}
		t.Fatal("no 人代会 with suggestions in the demo")
	})
}

// Ctrl+S saves a meeting's section and a settings dictionary the cursor is in, like a record's form.
func TestCtrlSSavesSectionsToo(t *testing.T) {
	draftDelay = time1h
	defer func() { draftDelay = draftDelayDefault }()
	d := testDesk(t, testDB(t, true))
	c := d.win.Canvas()
	t.Run("MeetingAgenda", func(t *testing.T) {
		m := guardMeetingWithAll(t, d)
		tab := d.meetings
		tab.show(m)
		tab.sections.SelectIndex(2)
		e := firstEntry(tab.rec.agenda.box)
		c.Focus(e)
		typeInto(e)
		typed := tab.rec.agenda.rows[0].Item.Title
		pressShortcut(c, ctrl(fyne.KeyS))
		det, err := d.db.MeetingDetail(d.ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if det.Agenda[0].Title != typed || d.form(formAgenda).dirty() {
			t.Fatalf("Ctrl+S in the 议程: stored %q, typed %q, unsaved %v", det.Agenda[0].Title, typed, d.form(formAgenda).dirty())
		}
	})
	t.Run("Dictionary", func(t *testing.T) {
		st := d.settings
		d.tabs.SelectIndex(len(d.tabs.Items) - 1)
		st.showSection(st.dict.content)
		st.dict.kinds.SetSelected("村(居)")
		c.Focus(st.dict.entry)
		test.Type(st.dict.entry, "新民村")
		pressShortcut(c, ctrl(fyne.KeyS))
		vals, err := d.db.Dict(d.ctx, st.dict.kind)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(vals, "新民村") {
			t.Fatalf("Ctrl+S in the dictionary's box did not add 新民村 to %s", st.dict.kind)
		}
	})
}

// Esc in a text box of the welcome dialog is its 稍后再说: nothing is saved.
func TestEscInTheWelcomeDialog(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	c := d.win.Canvas()
	before, err := d.db.Settings(d.ctx)
	if err != nil {
		t.Fatal(err)
	}
	d.firstRun()
	var office *textEntry
	walk(c.Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*textEntry); ok && office == nil {
			office = e
		}
	})
	if office == nil {
		t.Fatal("no text box in the welcome dialog")
	}
	c.Focus(office)
	test.Type(office, "河西镇人大主席团")
	pressKey(c, fyne.KeyEscape)
	if c.Overlays().Top() != nil {
		t.Fatalf("Esc left the welcome dialog open: %q", dialogText(d))
	}
	if after, _ := d.db.Settings(d.ctx); after.OfficeName != before.OfficeName {
		t.Fatalf("Esc saved the office name %q", after.OfficeName)
	}
}
