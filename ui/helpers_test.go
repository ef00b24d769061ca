package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// The helpers the ui tests share: a database, the window built on it, and ways to find what the clerk sees
// in it.

// testToday is the "today" of the test databases: the day the township demo is made for.
var testToday = store.Date("2024-11-30")

// testDB opens a temp-file database whose clock stands at noon of testToday and, when demo is set, fills it
// with the township demo (seed 1).
func testDB(t testing.TB, demo bool) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return time.Date(2024, 11, 30, 12, 0, 0, 0, time.Local) }
	t.Cleanup(func() { db.Close() })
	if demo {
		if _, err := db.GenerateDemo(context.Background(), store.DemoOptions{Scale: store.DemoTownship, Seed: 1, Today: testToday}); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

// testCopyDB copies the database file src (and its -wal, when there is one) into a temporary folder and
// returns the copy's path: opening a file may migrate it, and a measurement must not change the caller's file.
func testCopyDB(t testing.TB, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), filepath.Base(src))
	for _, suffix := range []string{"", "-wal"} {
		data, err := os.ReadFile(src + suffix)
		if err != nil {
			if suffix != "" && os.IsNotExist(err) {
				continue
			}
			t.Fatal(err)
		}
		if err := os.WriteFile(dst+suffix, data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// testWindow is Fyne's headless test app and a window of the program's size, with the translations
// registered as the program registers them (Fyne's own dialogs say 是/否).
func testWindow(t testing.TB) (fyne.App, fyne.Window) {
	a := test.NewTempApp(t)
	registerTranslations()
	w := a.NewWindow("t")
	w.Resize(fyne.NewSize(1280, 720))
	return a, w
}

// testDesk builds the whole window headless on db, its tabs read as after the first frame (lazytabs.go).
func testDesk(t testing.TB, db *store.DB) *desk {
	t.Helper()
	a, w := testWindow(t)
	d := newDesk(a, w, db)
	d.loadPending()
	t.Cleanup(d.drafts.stop) // before the database closes (cleanups run last first)
	return d
}

// countSuggestions asks the store how many items match f.
func countSuggestions(t *testing.T, d *desk, f store.SuggestionFilter) int {
	t.Helper()
	f.Limit = 1
	_, n, err := d.db.Suggestions(d.ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// showSettingsSection selects 设置 and one of its sections, so that its lists are laid out and draw their rows.
func showSettingsSection(t *testing.T, d *desk, name string) {
	t.Helper()
	d.tabs.SelectIndex(len(d.tabs.Items) - 1)
	for _, it := range d.settings.sections.Items {
		if it.Text == name {
			d.settings.sections.Select(it)
			return
		}
	}
	t.Fatalf("设置 has no section %q", name)
}

// walk calls fn on o and everything inside it: container children and widgets' rendered objects.
func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walk(c, fn)
		}
	}
}

// findButton returns the first button with the given text inside o.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	if bs := findButtons(o, text); len(bs) > 0 {
		return bs[0]
	}
	return nil
}

// findButtons returns the buttons with the given text inside o, in order.
func findButtons(o fyne.CanvasObject, text string) []*widget.Button {
	var out []*widget.Button
	walk(o, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok && b.Text == text {
			out = append(out, b)
		}
	})
	return out
}

// labelText joins the text of every label inside o (list cells too).
func labelText(o fyne.CanvasObject) string {
	var sb strings.Builder
	walk(o, func(c fyne.CanvasObject) {
		switch l := c.(type) {
		case *widget.Label:
			sb.WriteString(l.Text)
		case *tipLabel:
			sb.WriteString(l.Text)
		}
	})
	return sb.String()
}

// labelLines is the text of every label inside o, a line each.
func labelLines(o fyne.CanvasObject) string {
	var sb strings.Builder
	walk(o, func(c fyne.CanvasObject) {
		switch l := c.(type) {
		case *widget.Label:
			sb.WriteString(l.Text + "\n")
		case *tipLabel:
			sb.WriteString(l.Text + "\n")
		}
	})
	return sb.String()
}

// topDialog returns the dialog on top of the window, and fails the test when none is open.
func topDialog(t testing.TB, d *desk) fyne.CanvasObject {
	t.Helper()
	top := d.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	return top
}

// dialogText returns the text of the labels in the dialog on top of the window ("" when none is open).
func dialogText(d *desk) string {
	if top := d.win.Canvas().Overlays().Top(); top != nil {
		return labelText(top)
	}
	return ""
}

// dialogButton finds a button of the dialog on top of the window by its text.
func dialogButton(t testing.TB, d *desk, text string) *widget.Button {
	t.Helper()
	b := findButton(topDialog(t, d), text)
	if b == nil {
		t.Fatalf("no button %q in the dialog", text)
	}
	return b
}

// waitFor polls cond for up to two seconds (debounced searches fire from a timer).
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	waitUpTo(t, 2*time.Second, what, cond)
}

// waitUpTo polls cond for up to limit.
func waitUpTo(t testing.TB, limit time.Duration, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(limit); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// formIn returns the first field form inside o (a dialog's, a pane's).
func formIn(t testing.TB, o fyne.CanvasObject) *fieldForm {
	t.Helper()
	var f *fieldForm
	walk(o, func(c fyne.CanvasObject) {
		if x, ok := c.(*fieldForm); ok && f == nil {
			f = x
		}
	})
	if f == nil {
		t.Fatal("no form")
	}
	return f
}
