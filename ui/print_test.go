package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rendadesk/export"
	"rendadesk/store"
)

func TestItemPrintChoicesFollowTheState(t *testing.T) {
	kinds := func(x store.Suggestion) string {
		var k []string
		for _, c := range (&desk{}).itemPrintChoices(x) {
			k = append(k, c.label)
		}
		return strings.Join(k, ",")
	}
	for _, tc := range []struct {
		x    store.Suggestion
		want string
	}{
		{store.Suggestion{Number: "2024-001", State: store.StatePending}, "建议办理过程单"},
		{store.Suggestion{Number: "2024-002", State: store.StateHandling, Assigned: "2024-03-01"}, "交办单,建议办理过程单"},
		{store.Suggestion{Number: "2024-003", State: store.StateReplied, Assigned: "2024-03-01", LastReply: "2024-04-01"}, "交办单,代表意见征询表,建议办理过程单"},
		{store.Suggestion{Number: "2024-004", State: store.StateReplied, Forwarded: "2024-03-01", LastReply: "2024-04-01"}, "代表意见征询表,建议办理过程单"},
	} {
		if got := kinds(tc.x); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.x.Number, got, tc.want)
		}
	}
}

// The 办理过程单 the window offers writes the item's form readably.
func TestWindowPrintPathWritesForm(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	d := testDesk(t, testDB(t, true))
	items, _, err := d.db.Suggestions(d.ctx, store.SuggestionFilter{States: []string{store.StateClosed}, Limit: 1})
	if err != nil || len(items) == 0 {
		t.Fatalf("no closed item: %v", err)
	}
	x := items[0]
	out := filepath.Join(t.TempDir(), "过程单.pdf")
	choices := d.itemPrintChoices(x)
	if err := choices[len(choices)-1].doc.write(out); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command("pdftotext", "-raw", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(text)), "")
	if !strings.Contains(flat, x.Number) || !strings.Contains(flat, strings.Join(strings.Fields(x.Title), "")) {
		t.Fatalf("the form lacks %s %s:\n%s", x.Number, x.Title, text)
	}
	if st, _ := os.Stat(out); st.Size() < 10000 {
		t.Fatalf("suspiciously small PDF: %d bytes", st.Size())
	}
}

// fakeLP puts an lp on PATH that records its arguments in a file and answers as CUPS does, or fails with
// fail on stderr; it returns the file.
func fakeLP(t *testing.T, fail string) string {
	t.Helper()
	dir := t.TempDir()
	args := filepath.Join(dir, "args")
	script := "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> " + args + "; done\n"
	if fail != "" {
		script += "echo '" + fail + "' >&2\nexit 1\n"
	} else {
		script += "echo 'request id is Office_Printer-42 (1 file(s))'\n"
	}
	if err := os.WriteFile(filepath.Join(dir, "lp"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	return args
}

// closedItem is a closed item of the demo, with a form worth printing.
func closedItem(t *testing.T, d *desk) store.Suggestion {
	t.Helper()
	items, _, err := d.db.Suggestions(d.ctx, store.SuggestionFilter{States: []string{store.StateClosed}, Limit: 1})
	if err != nil || len(items) == 0 {
		t.Fatalf("no closed item: %v", err)
	}
	return items[0]
}

// printOnPaperVia opens the print choice for doc, sets the copies and taps 打印, then waits for what the
// window says about it.
func printOnPaperVia(t *testing.T, d *desk, doc document, copies string) fyne.CanvasObject {
	t.Helper()
	d.printTo(doc)
	choice := topDialog(t, d)
	if findButton(choice, "另存为PDF") == nil {
		t.Fatalf("the print choice lacks 另存为PDF: %q", buttonsText(choice))
	}
	saveShot(t, d.win, "print-choice")
	findEntry(choice, func(s string) bool { return s == "1" }).SetText(copies)
	test.Tap(findButton(choice, "打印"))
	var done fyne.CanvasObject
	waitUpTo(t, 20*time.Second, "the print to finish", func() bool {
		done = d.win.Canvas().Overlays().Top()
		return done != nil && findButton(done, "打开文件") != nil
	})
	return done
}

// 打印 sends the PDF to CUPS' lp with the copies asked for, and says so.
func TestPrintSendsToLP(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	args := fakeLP(t, "")
	d := testDesk(t, testDB(t, true))
	x := closedItem(t, d)
	done := printOnPaperVia(t, d, d.itemHistory(x), "2")
	b, err := os.ReadFile(args)
	if err != nil {
		t.Fatalf("lp was not called: %v", err)
	}
	got := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(got) != 5 || got[0] != "-n" || got[1] != "2" || got[2] != "-t" || got[3] != x.Number+"办理过程单" || !strings.HasSuffix(got[4], ".pdf") {
		t.Fatalf("lp %q", got)
	}
	text, err := exec.Command("pdftotext", got[4], "-").Output()
	if err != nil || !strings.Contains(string(text), x.Number) {
		t.Fatalf("the printed file %s: %v\n%s", got[4], err, text)
	}
	if msg := labelText(done); !strings.Contains(msg, "已把「"+x.Number+"办理过程单」送到打印机(打印任务 Office_Printer-42)") {
		t.Errorf("the window says %q", msg)
	}
	saveShot(t, d.win, "print-sent")
}

// Without a printer the PDF opens in the reader with a hint to press Ctrl+P; lp's own reason is given.
func TestPrintFallsBackToReader(t *testing.T) {
	t.Run("LPRefuses", func(t *testing.T) {
		fakeLP(t, "lp: Error - No default destination.")
		d := testDesk(t, testDB(t, true))
		done := printOnPaperVia(t, d, d.itemHistory(closedItem(t, d)), "1")
		msg := labelText(done)
		if !strings.Contains(msg, "No default destination") || !strings.Contains(msg, "按 Ctrl+P 打印") {
			t.Errorf("the window says %q", msg)
		}
	})
	t.Run("NoLP", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		d := testDesk(t, testDB(t, true))
		done := printOnPaperVia(t, d, d.itemHistory(closedItem(t, d)), "1")
		if msg := labelText(done); !strings.Contains(msg, "没有可以直接打印 PDF 的程序") || !strings.Contains(msg, "按 Ctrl+P 打印") {
			t.Errorf("the window says %q", msg)
		}
	})
	t.Run("ErrCopies", func(t *testing.T) {
		d := testDesk(t, testDB(t, true))
		d.printTo(d.itemHistory(closedItem(t, d)))
		choice := topDialog(t, d)
		findEntry(choice, func(s string) bool { return s == "1" }).SetText("两份")
		test.Tap(findButton(choice, "打印"))
		if msg := dialogText(d); !strings.Contains(msg, "打印份数应是 1 到 99 之间的整数，而不是「两份」") {
			t.Errorf("the window says %q", msg)
		}
	})
}

// 另存为PDF saves where the clerk chooses, in the folder last used for prints.
func TestPrintSaveAsPDF(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	dir := t.TempDir()
	d.rememberFolder(store.FolderPrints, dir)
	x := closedItem(t, d)
	d.printTo(d.itemHistory(x))
	test.Tap(findButton(topDialog(t, d), "另存为PDF"))
	test.Tap(findButton(topDialog(t, d), "保存"))
	out := filepath.Join(dir, x.Number+"办理过程单.pdf")
	waitUpTo(t, 20*time.Second, "the PDF", func() bool {
		top := d.win.Canvas().Overlays().Top()
		return top != nil && findButton(top, "打开所在文件夹") != nil
	})
	if st, err := os.Stat(out); err != nil || st.Size() < 10000 {
		t.Fatalf("%s: %v %v", out, st, err)
	}
}

// The meeting print dialog offers 2 or 4 ballots to a sheet and as many copies as deputies are expected.
func TestMeetingPrintBallotOptions(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	m := showMeetingSection(t, d, store.MeetingCongress, "基本信息")
	q, err := d.db.Quorum(d.ctx, m.ID)
	if err != nil || q.Expected == 0 {
		t.Fatalf("quorum %+v %v", q, err)
	}
	var got export.MeetingPrint
	d.meetings.print = func(_ store.Meeting, p export.MeetingPrint) { got = p }
	test.Tap(findButton(d.meetings.detail, "打印会议材料"))
	dlg := topDialog(t, d)
	copies := findEntry(dlg, func(s string) bool { return s == strconv.Itoa(q.Expected) })
	if copies == nil {
		t.Fatalf("no copies box showing 应到 %d", q.Expected)
	}
	var per *widget.Select
	walk(dlg, func(c fyne.CanvasObject) {
		if s, ok := c.(*widget.Select); ok {
			per = s
		}
	})
	per.SetSelected(perSheetLabel(4))
	saveShot(t, d.win, "meeting-print")
	test.Tap(findButton(dlg, "生成"))
	if got.PerSheet != 4 || got.Copies != q.Expected || len(got.Parts) == 0 {
		t.Fatalf("printed %+v", got)
	}
	test.Tap(findButton(d.meetings.detail, "打印会议材料"))
	dlg = topDialog(t, d)
	findEntry(dlg, func(s string) bool { return s == strconv.Itoa(q.Expected) }).SetText("0")
	got = export.MeetingPrint{}
	test.Tap(findButton(dlg, "生成"))
	if got.Parts != nil || !strings.Contains(dialogText(d), "份数应是 1 到 2000 之间的整数") {
		t.Fatalf("printed %+v; window says %q", got, dialogText(d))
	}
}

// An overdue item has 督办, which prints its 督办通知 to its main unit, listing that item alone; an item on
// time has none.
func TestOverdueItemHasUrgeAction(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	d := testDesk(t, testDB(t, true))
	overdue, _, err := d.db.Suggestions(d.ctx, store.SuggestionFilter{Overdue: true, Today: testToday, Limit: 2})
	if err != nil || len(overdue) < 2 {
		t.Fatalf("overdue items %d: %v", len(overdue), err)
	}
	x := overdue[0]
	d.openSuggestion(x.ID)
	urge := findButton(d.items.detail, "督办")
	if urge == nil {
		t.Fatal("no 督办 on an overdue item")
	}
	dir := t.TempDir()
	d.rememberFolder(store.FolderPrints, dir)
	test.Tap(urge)
	test.Tap(findButton(topDialog(t, d), "另存为PDF"))
	test.Tap(findButton(topDialog(t, d), "保存"))
	out := filepath.Join(dir, x.Number+"督办通知.pdf")
	waitUpTo(t, 20*time.Second, "the notice", func() bool { _, err := os.Stat(out); return err == nil })
	text, err := exec.Command("pdftotext", "-raw", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(text)), "")
	if !strings.Contains(flat, "关于督促办理逾期") || !strings.Contains(flat, x.Number) || !strings.Contains(flat, x.MainUnitName+"：") ||
		strings.Contains(flat, overdue[1].Number) {
		t.Fatalf("the notice for %s (%s):\n%s", x.Number, x.MainUnitName, text)
	}

	onTime, _, _ := d.db.Suggestions(d.ctx, store.SuggestionFilter{States: []string{store.StateClosed}, Limit: 1})
	d.openSuggestion(onTime[0].ID)
	if findButton(d.items.detail, "督办") != nil {
		t.Error("督办 on a closed item")
	}
}

// A document whose name holds a character no file name can is still printed, under a name that can.
func TestPrintFileNameIsSafe(t *testing.T) {
	path, err := printFile("2024/2025年度:交办清单", time.Date(2024, 11, 30, 9, 5, 7, 0, time.Local))
	if err != nil {
		t.Fatal(err)
	}
	if base := filepath.Base(path); base != "2024_2025年度_交办清单-090507.pdf" {
		t.Fatalf("file %q", base)
	}
}
