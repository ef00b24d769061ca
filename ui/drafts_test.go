package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// draftsOf lists the drafts in the store once the writer has done what it was asked.
func draftsOf(t *testing.T, d *desk) []store.Draft {
	t.Helper()
	d.drafts.wait()
	ds, err := d.db.Drafts(d.ctx)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// waitDrafts waits for the store to hold n drafts, and returns them.
func waitDrafts(t *testing.T, d *desk, n int) []store.Draft {
	t.Helper()
	var ds []store.Draft
	waitUpTo(t, 10*time.Second, "drafts", func() bool {
		ds = draftsOf(t, d)
		return len(ds) == n
	})
	return ds
}

// openFirstItem shows the first item of the 建议 list and returns it with its 内容 entry.
func openFirstItem(t *testing.T, d *desk) (store.Suggestion, *textEntry) {
	t.Helper()
	x, ok := d.items.list.item(0)
	if !ok {
		t.Fatal("no item")
	}
	d.showTab(d.items.content)
	d.items.show(x)
	return x, paneEntry(d.items.pane, "内容")
}

func TestDraftWrittenAfterPauseAndRemovedOnSave(t *testing.T) {
	draftDelay = 300 * time.Millisecond
	defer func() { draftDelay = draftDelayDefault }()
	d := testDesk(t, testDB(t, true))
	x, content := openFirstItem(t, d)
	original := content.Text

	t.Run("NeverForAnUnchangedForm", func(t *testing.T) {
		// Forms loaded, rebuilt and shown again, settings loaded: nothing the clerk typed, no draft.
		d.items.show(x)
		d.refreshAll()
		time.Sleep(3 * draftDelay)
		if ds := draftsOf(t, d); len(ds) != 0 {
			t.Fatalf("drafts of unchanged forms: %+v", ds)
		}
	})

	t.Run("AfterThePause", func(t *testing.T) {
		content = paneEntry(d.items.pane, "内容") // the form shown again above
		test.Type(content, "村口路灯已坏三盏")
		if ds := draftsOf(t, d); len(ds) != 0 {
			t.Fatalf("a draft before the pause: %+v", ds)
		}
		ds := waitDrafts(t, d, 1)
		want := "建议" + quoted(x.Number+" "+x.Title) + "的内容"
		if ds[0].Kind != formSuggestion || ds[0].Key != recordKey(x.ID) || ds[0].Label != want ||
			!strings.Contains(ds[0].Fields, "村口路灯已坏三盏") {
			t.Fatalf("draft %+v, want %s of %s with the typed text", ds[0], want, recordKey(x.ID))
		}
	})

	t.Run("RemovedWhenBackAsSaved", func(t *testing.T) {
		content.SetText(original)
		waitDrafts(t, d, 0)
	})

	t.Run("RemovedOnSave", func(t *testing.T) {
		test.Type(content, "补充")
		waitDrafts(t, d, 1)
		d.items.pane.form.OnSubmit()
		if s, _ := d.db.Suggestion(d.ctx, x.ID); !strings.Contains(s.Content, "补充") {
			t.Fatalf("not saved: %q (message %q)", s.Content, d.items.pane.msg.Text)
		}
		if ds := draftsOf(t, d); len(ds) != 0 {
			t.Fatalf("drafts after 保存: %+v", ds)
		}
	})

	t.Run("RemovedOn不保存", func(t *testing.T) {
		_, content := openFirstItem(t, d)
		test.Type(content, "又补充")
		waitDrafts(t, d, 1)
		d.items.newRecord()
		test.Tap(dialogButton(t, d, "不保存"))
		if ds := draftsOf(t, d); len(ds) != 0 {
			t.Fatalf("drafts after 不保存: %+v", ds)
		}
	})

	t.Run("RemovedWithTheRecord", func(t *testing.T) {
		y, content := openFirstItem(t, d)
		test.Type(content, "再补充")
		waitDrafts(t, d, 1)
		d.items.remove()
		test.Tap(dialogButton(t, d, "是"))
		if _, err := d.db.Suggestion(d.ctx, y.ID); store.ErrorCode(err) != store.ENOTFOUND {
			t.Fatalf("not deleted: %v", err)
		}
		if ds := draftsOf(t, d); len(ds) != 0 {
			t.Fatalf("drafts after deleting the item: %+v", ds)
		}
	})
}

// closeTestWindow is a window whose close button the test presses: it keeps the close intercept the
// program sets, and whether the window closed.
type closeTestWindow struct {
	fyne.Window
	intercept func()
	closed    bool
}

func (w *closeTestWindow) SetCloseIntercept(f func()) { w.intercept = f; w.Window.SetCloseIntercept(f) }
func (w *closeTestWindow) Close()                     { w.closed = true; w.Window.Close() }

// pressClose is the clerk pressing the window's close button: the intercept when one is set.
func (w *closeTestWindow) pressClose(t *testing.T) {
	t.Helper()
	if w.intercept == nil {
		t.Fatal("the window has no close intercept")
	}
	w.intercept()
}

func TestWindowCloseAsksAboutUnsavedForms(t *testing.T) {
	draftDelay = time1h
	defer func() { draftDelay = draftDelayDefault }()
	db := testDB(t, true)
	newWindow := func() (*desk, *closeTestWindow) {
		a, w := testWindow(t)
		cw := &closeTestWindow{Window: w}
		d := newDesk(a, cw, db)
		d.loadPending() // as after the first frame
		t.Cleanup(d.drafts.stop)
		return d, cw
	}

	t.Run("CleanClosesAtOnce", func(t *testing.T) {
		d, w := newWindow()
		openFirstItem(t, d)
		w.pressClose(t)
		if !w.closed || dialogText(d) != "" {
			t.Fatalf("closed %v, dialog %q", w.closed, dialogText(d))
		}
	})

	t.Run("取消Then保存", func(t *testing.T) {
		d, w := newWindow()
		x, content := openFirstItem(t, d)
		test.Type(content, "关窗前输入的内容")
		typed := content.Text
		d.showTab(d.deputies.content) // the clerk went on to another tab: nothing is asked for that
		if dialogText(d) != "" {
			t.Fatalf("a tab switch asks %q", dialogText(d))
		}
		w.pressClose(t)
		if q := dialogText(d); !strings.Contains(q, "建议"+quoted(x.Number+" "+x.Title)+"有未保存的修改") {
			t.Fatalf("close asks %q", q)
		}
		if d.tabContent(d.tabs.Selected()) != d.items.content {
			t.Fatal("the question is asked away from the form it is about")
		}
		test.Tap(dialogButton(t, d, "取消"))
		if w.closed || content.Text != typed {
			t.Fatalf("取消: closed %v, text %q", w.closed, content.Text)
		}
		w.pressClose(t)
		test.Tap(dialogButton(t, d, "保存"))
		if !w.closed {
			t.Fatal("保存 did not close the window")
		}
		if s, _ := d.db.Suggestion(d.ctx, x.ID); s.Content != typed {
			t.Fatalf("stored %q, want %q", s.Content, typed)
		}
	})

	t.Run("TwoFormsOneRefused", func(t *testing.T) {
		d, w := newWindow()
		x, _ := openFirstItem(t, d)
		paneEntry(d.items.pane, "标题").SetText("") // the store refuses an item without a title
		dep, _ := d.deputies.list.item(0)
		d.deputies.show(dep)
		typeInto(paneEntry(d.deputies.pane, "备注"))
		w.pressClose(t)
		// Asked in the order the forms opened: the item first.
		test.Tap(dialogButton(t, d, "保存"))
		if w.closed || d.items.pane.msg.Text != "标题不能为空" || d.tabContent(d.tabs.Selected()) != d.items.content {
			t.Fatalf("a refused save: closed %v, message %q", w.closed, d.items.pane.msg.Text)
		}
		w.pressClose(t)
		test.Tap(dialogButton(t, d, "不保存"))
		if q := dialogText(d); !strings.Contains(q, "代表「"+dep.Name+"」有未保存的修改") {
			t.Fatalf("the second question is %q", q)
		}
		test.Tap(dialogButton(t, d, "不保存"))
		if !w.closed {
			t.Fatal("the window stayed open")
		}
		if s, _ := d.db.Suggestion(d.ctx, x.ID); s.Title != x.Title {
			t.Fatalf("不保存 stored the title %q", s.Title)
		}
		if got, _ := d.db.Deputy(d.ctx, dep.ID); got.Notes != dep.Notes {
			t.Fatalf("不保存 stored the notes %q", got.Notes)
		}
	})
}

// stepCase is a handling dialog for TestEveryHandlingDialogAsksBeforeClosing.
type stepCase struct {
	step  string
	state string // the state of the item it is taken on
	match func(store.Suggestion) bool
	fill  func(t *testing.T, d *desk, dlg fyne.CanvasObject) // makes the step valid, typing into a field
	after string                                             // the item's state once recorded
}

func TestEveryHandlingDialogAsksBeforeClosing(t *testing.T) {
	draftDelay = time1h
	defer func() { draftDelay = draftDelayDefault }()
	d := testDesk(t, testDB(t, true))
	r := wfRules(t, d)
	typeText := func(label string) func(t *testing.T, d *desk, dlg fyne.CanvasObject) {
		return func(t *testing.T, d *desk, dlg fyne.CanvasObject) {
			test.Type(wfField[*textEntry](t, dlg, label), "经核实，已安排")
		}
	}
	cases := []stepCase{
		{step: store.StepAssign, state: store.StatePending, after: store.StateHandling,
			fill: func(t *testing.T, d *desk, dlg fyne.CanvasObject) {
				wfField[*filterSelect](t, dlg, "主办单位").SetSelected(d.items.units[0].Name)
			}},
		{step: store.StepForward, state: store.StatePending, after: store.StateForwarded,
			match: func(x store.Suggestion) bool { return x.Scope == store.LevelCounty || x.Scope == store.LevelCity },
			fill: func(t *testing.T, d *desk, dlg fyne.CanvasObject) {
				test.Type(wfField[*widget.SelectEntry](t, dlg, "转交对象"), "(转)")
			}},
		{step: store.StepReject, state: store.StatePending, after: store.StateTerminated, fill: typeText("不予立案理由")},
		{step: store.StepReply, state: store.StateHandling, after: store.StateReplied,
			fill: func(t *testing.T, d *desk, dlg fyne.CanvasObject) {
				wfField[*widget.Select](t, dlg, "办理结果").SetSelected(store.OutcomeSolved)
				typeText("答复内容")(t, d, dlg)
			}},
		{step: store.StepExtend, state: store.StateHandling, after: store.StateHandling, fill: typeText("延期理由"),
			match: func(x store.Suggestion) bool { return x.Deadline < r.MaxExtension(x.Assigned) && !x.Overdue(testToday) }},
		{step: store.StepEvaluate, state: store.StateReplied, after: store.StateClosed,
			match: func(x store.Suggestion) bool { return x.LeadDeputyID != 0 },
			fill: func(t *testing.T, d *desk, dlg fyne.CanvasObject) {
				wfField[*widget.RadioGroup](t, dlg, "评价结果").SetSelected(store.GradeSatisfied)
				test.Type(wfField[*textEntry](t, dlg, "评价意见"), "满意")
			}},
		{step: store.StepFollowUp, state: store.StateReplied, fill: typeText("跟踪情况"),
			match: func(x store.Suggestion) bool { return len(x.FollowUpOutcomes()) > 0 }},
	}
	for _, c := range cases {
		t.Run(c.step, func(t *testing.T) {
			closeDialogs(d)
			items, _, err := d.db.Suggestions(d.ctx, store.SuggestionFilter{States: []string{c.state}, Sort: "number"})
			if err != nil {
				t.Fatal(err)
			}
			var x store.Suggestion
			for _, y := range items {
				if (c.match == nil || c.match(y)) && slices.Contains(y.NextSteps(r), c.step) {
					x = y
					break
				}
			}
			if x.ID == 0 && c.step == store.StepForward && len(items) > 0 {
				// The demo's pending items are all of the town's level: one becomes the county's.
				x = items[len(items)-1]
				x.Scope = store.LevelCounty
				if err := d.db.SaveSuggestion(d.ctx, &x); err != nil {
					t.Fatal(err)
				}
			}
			if x.ID == 0 {
				t.Fatalf("no %s item to %s", c.state, c.step)
			}
			d.items.show(x)
			dlg := wfTapStep(t, d, c.step)
			c.fill(t, d, dlg)
			test.Tap(findButton(dlg, "取消"))
			want := "建议" + quoted(x.Number+" "+x.Title) + "的" + c.step + "有未保存的修改"
			if q := dialogText(d); !strings.Contains(q, want) {
				t.Fatalf("取消 asks %q, want %q", q, want)
			}
			test.Tap(dialogButton(t, d, "取消"))
			if d.win.Canvas().Overlays().Top() != dlg {
				t.Fatal("取消 of the question closed the dialog")
			}
			test.Tap(findButton(dlg, "取消"))
			test.Tap(dialogButton(t, d, "不保存"))
			if top := d.win.Canvas().Overlays().Top(); top != nil {
				t.Fatalf("不保存 left %q open", labelText(top))
			}
			if y, _ := d.db.Suggestion(d.ctx, x.ID); y.State != x.State || y.Deadline != x.Deadline || y.Round != x.Round {
				t.Fatalf("不保存 recorded the step: %s", y.State)
			}
			dlg = wfTapStep(t, d, c.step)
			c.fill(t, d, dlg)
			test.Tap(findButton(dlg, "取消"))
			test.Tap(dialogButton(t, d, "保存"))
			if top := d.win.Canvas().Overlays().Top(); top != nil {
				t.Fatalf("保存 left %q open", labelText(top))
			}
			y, _ := d.db.Suggestion(d.ctx, x.ID)
			after := c.after
			if after == "" {
				after = x.State
			}
			if y.State != after || (c.step == store.StepExtend && y.Deadline == x.Deadline) {
				t.Fatalf("保存: state %s deadline %s, want %s", y.State, y.Deadline, after)
			}
			if c.step == store.StepFollowUp {
				if tl, _ := d.db.Timeline(d.ctx, x.ID); !strings.Contains(tl[len(tl)-1].Detail, "经核实") {
					t.Fatalf("the follow-up is not recorded: %+v", tl[len(tl)-1])
				}
			}
		})
	}
}

func TestDraftWhen(t *testing.T) {
	at := time.Date(2026, 12, 2, 9, 41, 30, 0, time.Local)
	if got := draftWhen(at, at.AddDate(0, 0, 3)); got != "12月2日 9:41" {
		t.Errorf("this year: %q", got)
	}
	if got := draftWhen(at, at.AddDate(0, 1, 0)); got != "2026年12月2日 9:41" {
		t.Errorf("last year: %q", got)
	}
}
