package ui

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"rendadesk/store"
)

// startupOffer waits for the start-up offer of drafts and returns its text.
func startupOffer(t *testing.T, s *session) string {
	t.Helper()
	top := startupTestDialog(t, s.win, "以后再说")
	text := labelText(top)
	if !strings.Contains(text, "上次有未保存的内容：") {
		t.Fatalf("the start shows %q", text)
	}
	return text
}

// restoredItem checks that the 建议 tab shows item id with content in its form, marked unsaved.
func restoredItem(t *testing.T, s *session, id int64, content string) {
	t.Helper()
	d := s.desk
	if d.tabContent(d.tabs.Selected()) != d.items.content || d.items.current.ID != id {
		t.Fatalf("恢复 shows tab %q, item %d; want 建议 %d", d.tabs.Selected().Text, d.items.current.ID, id)
	}
	if got := paneEntry(d.items.pane, "内容").Text; !strings.Contains(got, content) {
		t.Fatalf("the restored 内容 is %q, want it to hold %q", got, content)
	}
	if !d.items.pane.unsaved.Visible() || !d.form(formSuggestion).dirty() {
		t.Fatal("the restored form is not marked unsaved")
	}
}

func TestStartOffersDraftsOfLastSession(t *testing.T) {
	draftDelay = time1h
	defer func() { draftDelay = draftDelayDefault }()
	db := testDB(t, true)
	// Two windows of the last session each left an item typed into and unsaved (two forms of one kind are
	// never open in one window); the second item was deleted afterwards.
	d := testDesk(t, db)
	x, content := openFirstItem(t, d)
	test.Type(content, "断电前输入的内容")
	d.flushDrafts()
	d.drafts.stop()
	d2 := testDesk(t, db)
	gone, _ := d2.items.list.item(1)
	d2.showTab(d2.items.content)
	d2.items.show(gone)
	typeInto(paneEntry(d2.items.pane, "内容"))
	d2.flushDrafts()
	d2.drafts.stop()
	if err := db.DeleteSuggestion(d.ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	if ds := draftsOf(t, d); len(ds) != 2 {
		t.Fatalf("%d drafts before the start, want 2", len(ds))
	}
	path := db.Path()
	db.Close()

	s := startupTestStart(t, path)
	text := startupOffer(t, s)
	// The time the draft was written, by the test database's clock (with its year, not this year's).
	first := "建议" + quoted(x.Number+" "+x.Title) + "的内容（" + draftWhen(time.Date(2024, 11, 30, 12, 0, 0, 0, time.Local), time.Now()) + "）"
	if !strings.Contains(text, first) || !strings.Contains(text, "这件建议已删除") {
		t.Fatalf("the offer says %q, want %q and the deleted one", text, first)
	}
	top := s.win.Canvas().Overlays().Top()
	if n := len(findButtons(top, "恢复")); n != 1 {
		t.Fatalf("%d 恢复 buttons, want 1 (the deleted item's draft can only be discarded)", n)
	}
	test.Tap(findButton(top, "恢复"))
	restoredItem(t, s, x.ID, "断电前输入的内容")
	// The rest is offered again; 丢弃 removes it.
	top = startupTestDialog(t, s.win, "丢弃")
	if strings.Contains(labelText(top), first) {
		t.Fatal("the restored draft is offered again")
	}
	test.Tap(findButton(top, "丢弃"))
	if top := s.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("after the last 丢弃 %q is open", labelText(top))
	}
	ds := draftsOf(t, s.desk)
	if len(ds) != 1 || ds[0].Key != recordKey(x.ID) {
		t.Fatalf("drafts after 丢弃: %+v, want only the restored item's (until it is saved)", ds)
	}
	s.desk.items.pane.form.OnSubmit()
	if ds := draftsOf(t, s.desk); len(ds) != 0 {
		t.Fatalf("drafts after saving the restored item: %+v", ds)
	}
	if got, _ := s.db.Suggestion(s.ctx, x.ID); !strings.Contains(got.Content, "断电前输入的内容") {
		t.Fatalf("saved content %q", got.Content)
	}
}

// The kill test of issue 13: a child process runs the window's code (Fyne's test driver, the real start-up
// path, the real 3 s pause) on a temporary database, types into an item's 内容, waits until the draft is in the
// file and is killed with SIGKILL; the next start offers the draft and 恢复 puts the text back into the form.

const (
	envDraftKillDB   = "RENDADESK_DRAFT_KILL_DB"   // set for the child: the database
	envDraftKillItem = "RENDADESK_DRAFT_KILL_ITEM" // the item whose 内容 it types into
)

// draftKillText is what the child types.
const draftKillText = "村口至小学路段路灯全部损坏，夜间学生上学存在安全隐患"

// TestDraftKillChild is the child process of TestDraftSurvivesKill; on its own it does nothing. It prints
// "typed" once it has typed and "drafted N" once the draft is in the file, N ms after the last keystroke,
// then waits to be killed.
func TestDraftKillChild(t *testing.T) {
	path := os.Getenv(envDraftKillDB)
	if path == "" {
		t.Skip("the child process of TestDraftSurvivesKill; runs only when it starts it")
	}
	id, _ := strconv.ParseInt(os.Getenv(envDraftKillItem), 10, 64)
	lateCheckDelay = time.Hour // no daily backup in the seconds it lives
	s := start(test.NewTempApp(t), path)
	if s.desk == nil {
		t.Fatalf("the window did not open %s", path)
	}
	d := s.desk
	d.openSuggestion(id)
	test.Type(paneEntry(d.items.pane, "内容"), draftKillText)
	typed := time.Now()
	fmt.Println("typed")
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		ds, err := d.db.Drafts(d.ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(ds) > 0 {
			fmt.Println("drafted", time.Since(typed).Milliseconds())
			select {} // until killed
		}
	}
	t.Fatal("no draft within 30 s")
}

func TestDraftSurvivesKill(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the kill test needs SIGKILL, which Windows does not have")
	}
	if os.Getenv(envDraftKillDB) != "" {
		t.Skip("inside the child")
	}
	db := testDB(t, true)
	x, _, err := db.Suggestions(t.Context(), store.SuggestionFilter{Limit: 1, States: []string{store.StateHandling}})
	if err != nil || len(x) == 0 {
		t.Fatalf("no item: %v", err)
	}
	item := x[0]
	path := db.Path()
	db.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^TestDraftKillChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), envDraftKillDB+"="+path, envDraftKillItem+"="+fmt.Sprint(item.ID))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	var after int
	timeout := time.After(60 * time.Second)
	for after == 0 {
		select {
		case line, ok := <-lines:
			if !ok {
				cmd.Wait()
				t.Fatalf("the child ended before its draft was written\n%s", stderr.String())
			}
			if ms, found := strings.CutPrefix(line, "drafted "); found {
				after, _ = strconv.Atoi(ms)
				after = max(after, 1)
			}
		case <-timeout:
			cmd.Process.Kill()
			t.Fatalf("no draft from the child within 60 s\n%s", stderr.String())
		}
	}
	// Not before the pause after the last keystroke: a debounced write, not one per keystroke.
	if time.Duration(after)*time.Millisecond < draftDelayDefault {
		t.Errorf("the draft was written %d ms after the last keystroke, before the %v pause", after, draftDelayDefault)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || !ee.Sys().(syscall.WaitStatus).Signaled() {
		t.Fatalf("the child was not killed: %v\n%s", err, stderr.String())
	}

	// The next start: the lock of the killed child is gone, the draft is offered and restored.
	s := startupTestStart(t, path)
	text := startupOffer(t, s)
	if want := "建议" + quoted(item.Number+" "+item.Title) + "的内容（"; !strings.Contains(text, want) {
		t.Fatalf("the offer says %q, want %q", text, want)
	}
	test.Tap(findButton(s.win.Canvas().Overlays().Top(), "恢复"))
	restoredItem(t, s, item.ID, draftKillText)
	if got, _ := s.db.Suggestion(s.ctx, item.ID); strings.Contains(got.Content, draftKillText) {
		t.Fatal("the draft was saved as the item's content without the clerk's 保存")
	}
}

// restoreCase is a form whose draft TestRestoreDraftOfEachKindOfForm writes in one window and restores in the
// next.
type restoreCase struct {
	name  string
	label string // the start of the offer's line
	edit  func(t *testing.T, d *desk) string
	check func(t *testing.T, d *desk, typed string)
}

func TestRestoreDraftOfEachKindOfForm(t *testing.T) {
	draftDelay = time1h
	defer func() { draftDelay = draftDelayDefault }()
	db := testDB(t, true)
	ctx := t.Context()
	// A reception record of the demo, a handled item, a deputy, a 人代会.
	st, _, _ := db.Stations(ctx, store.StationFilter{Limit: 1})
	recs, _, _ := db.Receptions(ctx, store.ReceptionFilter{StationID: st[0].ID})
	handling, _, _ := db.Suggestions(ctx, store.SuggestionFilter{States: []string{store.StateHandling}, Sort: "number", Limit: 1})
	deps, _, _ := db.Deputies(ctx, store.DeputyFilter{Limit: 1})
	congress, _, _ := db.Meetings(ctx, store.MeetingFilter{Kind: store.MeetingCongress, Sort: "date", Desc: true, Limit: 1})
	if len(recs) == 0 || len(recs[0].Issues) == 0 || len(handling) == 0 || len(deps) == 0 || len(congress) == 0 {
		t.Fatal("the demo lacks a record this test needs")
	}
	x, dep, m := handling[0], deps[0], congress[0]
	cases := []restoreCase{
		{
			name: "登记建议(来自接待记录)", label: "新登记的建议「选民反映村口路灯不亮」的内容",
			edit: func(t *testing.T, d *desk) string {
				d.items.newFromIssue(st[0], recs[0], recs[0].Issues[0])
				paneEntry(d.items.pane, "标题").SetText("选民反映村口路灯不亮")
				return "选民反映村口路灯不亮"
			},
			check: func(t *testing.T, d *desk, typed string) {
				if d.items.current.ReceptionID != recs[0].ID || d.items.current.StationID != st[0].ID ||
					d.items.current.RaisedFrom.ID != recs[0].Issues[0].ID ||
					paneEntry(d.items.pane, "标题").Text != typed {
					t.Fatalf("restored %+v with title %q", d.items.current, paneEntry(d.items.pane, "标题").Text)
				}
			},
		},
		{
			name: "答复", label: "建议" + quoted(x.Number+" "+x.Title) + "的答复",
			edit: func(t *testing.T, d *desk) string {
				d.showTab(d.items.content)
				d.items.show(x)
				dlg := wfTapStep(t, d, store.StepReply)
				test.Type(wfField[*textEntry](t, dlg, "答复内容"), "已列入明年计划")
				return "已列入明年计划"
			},
			check: func(t *testing.T, d *desk, typed string) {
				top := topDialog(t, d)
				if !strings.Contains(labelText(top), "答复") || wfField[*textEntry](t, top, "答复内容").Text != typed {
					t.Fatalf("the restored reply dialog says %q", labelText(top))
				}
			},
		},
		{
			name: "登记信访(来自接待记录)", label: "新登记的信访「反映村口路灯不亮」的内容",
			edit: func(t *testing.T, d *desk) string {
				d.petitions.newFromIssue(st[0], recs[0], recs[0].Issues[0])
				paneEntry(d.petitions.pane, "事由").SetText("反映村口路灯不亮")
				return "反映村口路灯不亮"
			},
			check: func(t *testing.T, d *desk, typed string) {
				if d.petitions.current.FromIssue != recs[0].Issues[0].ID || paneEntry(d.petitions.pane, "事由").Text != typed {
					t.Fatalf("restored %+v with 事由 %q", d.petitions.current, paneEntry(d.petitions.pane, "事由").Text)
				}
			},
		},
		{
			name: "出席情况", label: "会议" + quoted(m.Title) + "的出席情况",
			edit: func(t *testing.T, d *desk) string {
				d.showTab(d.meetings.content)
				d.meetings.show(m)
				test.Tap(findButton(d.meetings.rec.att.content, "清空"))
				return "0"
			},
			check: func(t *testing.T, d *desk, typed string) {
				if d.meetings.current.ID != m.ID || fmt.Sprint(len(d.meetings.rec.att.marks())) != typed ||
					!d.meetings.rec.att.unsaved.Visible() || d.meetings.sections.SelectedIndex() != 1 {
					t.Fatalf("restored meeting %d with %d marks", d.meetings.current.ID, len(d.meetings.rec.att.marks()))
				}
			},
		},
		{
			name: "节假日", label: "2025年节假日的内容",
			edit: func(t *testing.T, d *desk) string {
				h := d.settings.holidays
				h.years.SetSelected("2025年")
				h.date.SetText("2025-10-08")
				test.Tap(findButton(h.content, "添加"))
				return "2025-10-08"
			},
			check: func(t *testing.T, d *desk, typed string) {
				h := d.settings.holidays
				if h.year != 2025 || !slices.ContainsFunc(h.entries, func(x store.Holiday) bool { return string(x.Date) == typed }) ||
					!h.unsaved.Visible() {
					t.Fatalf("restored year %d with %d days", h.year, len(h.entries))
				}
			},
		},
		{
			name: "新增述职评议", label: "代表「" + dep.Name + "」新增的述职评议的内容",
			edit: func(t *testing.T, d *desk) string {
				d.showTab(d.deputies.content)
				d.deputies.show(dep)
				d.deputies.sections.SelectIndex(4)
				test.Tap(findButton(d.deputies.detail, "新增述职评议"))
				typeInto(paneEntry(d.deputies.rbPane, "备注"))
				return paneEntry(d.deputies.rbPane, "备注").Text
			},
			check: func(t *testing.T, d *desk, typed string) {
				if d.deputies.current.ID != dep.ID || d.deputies.rbCurrent.DeputyID != dep.ID ||
					paneEntry(d.deputies.rbPane, "备注").Text != typed {
					t.Fatalf("restored deputy %d, report-back of %d", d.deputies.current.ID, d.deputies.rbCurrent.DeputyID)
				}
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := testDesk(t, db)
			typed := c.edit(t, d)
			d.flushDrafts()
			d.drafts.stop()
			d2 := testDesk(t, db)
			d2.offerDrafts()
			var top fyne.CanvasObject
			waitFor(t, "the offer", func() bool {
				top = d2.win.Canvas().Overlays().Top()
				return top != nil && findButton(top, "恢复") != nil
			})
			if text := labelText(top); !strings.Contains(text, c.label+"（") {
				t.Fatalf("the offer says %q, want %q", text, c.label)
			}
			test.Tap(findButton(top, "恢复"))
			c.check(t, d2, typed)
			for _, dr := range draftsOf(t, d2) {
				if err := db.DeleteDraft(ctx, dr.Kind, dr.Key); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}
