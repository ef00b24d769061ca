package ui

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// searchDelay is how long typing must pause before a search runs (after supersonic's SearchEntry).
var searchDelay = 200 * time.Millisecond

// searchEntry is an Entry that calls OnSearch once typing pauses, and at once on Enter, so that a list is
// not re-queried on every keystroke of a Chinese input method.
type searchEntry struct {
	widget.Entry
	OnSearch func(query string)

	mu    sync.Mutex
	timer *time.Timer
}

func newSearchEntry(placeholder string, onSearch func(string)) *searchEntry {
	e := &searchEntry{OnSearch: onSearch}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder(placeholder)
	e.ActionItem = widget.NewButtonWithIcon("", theme.SearchIcon(), func() { e.fire() })
	e.OnChanged = func(string) { e.debounce() }
	e.OnSubmitted = func(string) { e.fire() }
	return e
}

func (e *searchEntry) debounce() {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.timer != nil {
		e.timer.Stop()
	}
	e.timer = time.AfterFunc(searchDelay, func() { fyne.Do(e.fire) })
}

// fire runs the search now with the current text.
func (e *searchEntry) fire() {
	e.mu.Lock()
	if e.timer != nil {
		e.timer.Stop()
		e.timer = nil
	}
	e.mu.Unlock()
	if e.OnSearch != nil {
		e.OnSearch(e.Text)
	}
}

// TypedShortcut hands the window's shortcuts (Ctrl+1…7, Ctrl+N) on while the clerk types here (entry.go).
func (e *searchEntry) TypedShortcut(s fyne.Shortcut) {
	if !passShortcut(e, s) {
		e.Entry.TypedShortcut(s)
	}
}

// TypedKey hands Esc on to the window (it closes the dialog the box is in).
func (e *searchEntry) TypedKey(k *fyne.KeyEvent) {
	if !passKey(e, k) {
		e.Entry.TypedKey(k)
	}
}
