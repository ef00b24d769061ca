package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"rendadesk/store"
)

// onScreen reports whether o is in the window's tree, shown, and laid out at a real size (a pane the clerk
// can see and type into, not one waiting aside with no size).
func onScreen(d *desk, o fyne.CanvasObject) bool {
	found := false
	walk(d.win.Canvas().Content(), func(c fyne.CanvasObject) {
		if c == o {
			found = true
		}
	})
	return found && o.Visible() && o.Size().Width > 200 && o.Size().Height > 200
}

func TestLazyTabs(t *testing.T) {
	db := testDB(t, true)

	t.Run("OnlyTheFirstTabBuiltAtStart", func(t *testing.T) {
		d := testDesk(t, db)
		if !onScreen(d, d.overview.content) {
			t.Fatal("概览 is not on screen at start")
		}
		// The other tabs' widgets wait aside: not in the window, so not measured, rendered or kept rendered.
		for i, o := range []fyne.CanvasObject{d.deputies.content, d.items.content, d.settings.sections} {
			for _, it := range d.tabs.Items {
				if it.Content.(*tabPage).content() == o {
					t.Fatalf("tab %d's content is in the window before it is chosen", i)
				}
			}
		}
		pressShortcut(d.win.Canvas(), ctrl(fyne.Key2))
		if d.tabs.Selected().Text != "代表" || !onScreen(d, d.deputies.content) {
			t.Fatalf("Ctrl+2 shows %q; 代表 on screen: %v", d.tabs.Selected().Text, onScreen(d, d.deputies.content))
		}
		first, _ := d.deputies.list.item(0)
		if first.Name == "" || !strings.Contains(labelText(d.win.Canvas().Content()), first.Name) {
			t.Fatalf("the roster does not show its first deputy %q", first.Name)
		}
	})

	t.Run("CtrlNOnUnbuiltTab", func(t *testing.T) {
		d := testDesk(t, db)
		c := d.win.Canvas()
		pressShortcut(c, ctrl(fyne.Key3)) // 联络站, never shown before
		pressShortcut(c, ctrl(fyne.KeyN))
		if d.tabs.Selected().Text != "联络站" || d.stations.current.ID != 0 || !strings.HasPrefix(d.stations.pane.title.Text, "新增") {
			t.Fatalf("Ctrl+3 Ctrl+N: tab %q, pane %q", d.tabs.Selected().Text, d.stations.pane.title.Text)
		}
		if !onScreen(d, d.stations.pane.scroll) {
			t.Fatalf("the new 联络站 form is not on screen (size %v)", d.stations.pane.scroll.Size())
		}
	})

	t.Run("ListEntryOpensRecordInUnbuiltTab", func(t *testing.T) {
		// 概览's 逾期未答复 list opens the item tapped in 建议, a tab never shown.
		d := testDesk(t, db)
		if len(d.overview.overdue) == 0 {
			t.Fatal("the demo has no overdue item on 概览")
		}
		x := d.overview.overdue[0]
		d.overview.overdueList.Select(0)
		if d.tabs.Selected().Text != "建议" || d.items.current.ID != x.ID || !strings.Contains(d.items.pane.title.Text, x.Number) {
			t.Fatalf("tapping %s on 概览 shows tab %q, item %d (%q)", x.Number, d.tabs.Selected().Text, d.items.current.ID, d.items.pane.title.Text)
		}
		if !onScreen(d, d.items.content) || !onScreen(d, d.items.list.table) {
			t.Fatalf("建议 and its list are not laid out on screen (list %v)", d.items.list.table.Size())
		}
	})

	t.Run("FormOpenedBeforeItsTabIsChosen", func(t *testing.T) {
		// A jump that fills a tab's form first and chooses the tab after (showTab by its content).
		d := testDesk(t, db)
		x, _ := d.items.list.item(0)
		d.items.show(x)
		d.showTab(d.items.content)
		if d.tabs.Selected().Text != "建议" || !onScreen(d, d.items.pane.scroll) {
			t.Fatalf("showTab(建议) shows %q; form on screen: %v", d.tabs.Selected().Text, onScreen(d, d.items.pane.scroll))
		}
		if !strings.Contains(labelText(d.win.Canvas().Content()), x.Title) {
			t.Fatalf("the window does not show the item's title %q", x.Title)
		}
	})

	t.Run("DraftRestoredIntoUnbuiltTab", func(t *testing.T) {
		draftDelay = time.Hour
		defer func() { draftDelay = draftDelayDefault }()
		d := testDesk(t, db)
		x, content := openFirstItem(t, d)
		test.Type(content, "停电前打的字")
		d.flushDrafts()
		d.drafts.stop()

		d2 := testDesk(t, db) // a new window: 建议 not built
		if onScreen(d2, d2.items.content) {
			t.Fatal("建议 is on screen before the draft is restored")
		}
		d2.offerDrafts()
		test.Tap(findButton(startupTestDialog(t, d2.win, "恢复"), "恢复"))
		if d2.tabs.Selected().Text != "建议" || d2.items.current.ID != x.ID {
			t.Fatalf("恢复 shows tab %q, item %d; want 建议 %d", d2.tabs.Selected().Text, d2.items.current.ID, x.ID)
		}
		if got := paneEntry(d2.items.pane, "内容"); !strings.Contains(got.Text, "停电前打的字") || !onScreen(d2, got) && got.Size().Width == 0 {
			t.Fatalf("the restored 内容 %q (size %v)", got.Text, got.Size())
		}
		if !onScreen(d2, d2.items.content) {
			t.Fatal("the 建议 tab with the restored form is not on screen")
		}
	})
}

// TestStartReadsTabsAfterFirstFrame follows the program's start: the first frame shows 概览 with 「正在统计…」
// for its figures and no tab read yet; once it is painted, the figures and every tab arrive.
func TestStartReadsTabsAfterFirstFrame(t *testing.T) {
	db := testDB(t, true)
	path := db.Path()
	db.Close()
	lateCheckDelay = 0
	startUnpaintedTest := func(t *testing.T) *session {
		s := startUnpainted(test.NewTempApp(t), path)
		t.Cleanup(func() {
			s.background.Wait()
			s.close()
		})
		if s.desk == nil {
			t.Fatal("no desk after the start")
		}
		return s
	}

	t.Run("FiguresArriveAfterFirstFrame", func(t *testing.T) {
		s := startUnpaintedTest(t)
		d := s.desk
		total, _, err := s.db.DeputyRollCounts(d.ctx, store.DateOf(s.db.Now()))
		if err != nil || total == 0 {
			t.Fatalf("the demo's deputies on today's roll: %d, %v", total, err)
		}
		shown := labelText(d.win.Canvas().Content())
		if !strings.Contains(shown, overviewCounting) || d.overview.heading.String() != "青山镇人大主席团" {
			t.Fatalf("the first frame shows %q under %q; want %s under the office's name", shown, d.overview.heading.String(), overviewCounting)
		}
		if d.deputies.list.total != 0 {
			t.Fatalf("代表 read %d deputies before the first frame", d.deputies.list.total)
		}
		s.painted()
		shown = labelText(d.win.Canvas().Content())
		if want := fmt.Sprintf("共 %d 人", total); !strings.Contains(shown, want) || strings.Contains(shown, overviewCounting) {
			t.Fatalf("after the first frame 概览 shows %q; want %q and no %s", shown, want, overviewCounting)
		}
		if !strings.Contains(shown, "逾期未答复：") {
			t.Fatalf("after the first frame 概览 shows no 逾期未答复 head: %q", shown)
		}
		if d.deputies.list.total == 0 || len(d.pending) != 0 {
			t.Fatalf("after the first frame: 代表 read %d deputies, %d tabs still waiting", d.deputies.list.total, len(d.pending))
		}
		pressShortcut(d.win.Canvas(), ctrl(fyne.Key9))
		if !onScreen(d, d.settings.sections) || d.settings.sections.Items[0].Text != "单位信息" ||
			d.settings.office.office.Text != "青山镇人大主席团" {
			t.Fatalf("设置 on screen: %v, its office name %q", onScreen(d, d.settings.sections), d.settings.office.office.Text)
		}
	})

	t.Run("TabChosenBeforeItsReadReadsItself", func(t *testing.T) {
		s := startUnpaintedTest(t)
		d := s.desk
		pressShortcut(d.win.Canvas(), ctrl(fyne.Key2))
		first, _ := d.deputies.list.item(0)
		if first.Name == "" || !strings.Contains(labelText(d.win.Canvas().Content()), first.Name) {
			t.Fatalf("代表 chosen before the first reads does not show its first deputy %q", first.Name)
		}
		s.painted()
		if !onScreen(d, d.deputies.content) || !strings.Contains(labelText(d.win.Canvas().Content()), first.Name) {
			t.Fatal("代表 lost its roster when the other tabs were read")
		}
	})
}
