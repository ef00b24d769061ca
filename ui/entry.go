package ui

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// textEntry is the text box of every form. Fyne gives a key combination to the focused widget alone when it
// takes shortcuts (internal/driver/glfw/window.go, triggersShortcut), and an Entry silently keeps every one
// it has not registered, so the window's shortcuts (Ctrl+S, Ctrl+N, Ctrl+1…7) would do nothing while the
// clerk types. textEntry hands the window's shortcuts and Esc on to the window; everything else is the
// Entry's.
type textEntry struct {
	widget.Entry
}

// newTextEntry is a one-line textEntry.
func newTextEntry() *textEntry {
	e := &textEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut runs the window's shortcut when it is one, else the Entry's own (copy, paste, undo …).
func (e *textEntry) TypedShortcut(s fyne.Shortcut) {
	if !passShortcut(e, s) {
		e.Entry.TypedShortcut(s)
	}
}

// TypedKey hands Esc to the window (it closes the dialog the entry is in); other keys are the Entry's.
func (e *textEntry) TypedKey(k *fyne.KeyEvent) {
	if !passKey(e, k) {
		e.Entry.TypedKey(k)
	}
}

// windowShortcuts are the names of the shortcuts the window has added to its canvas (desk.addShortcuts).
var windowShortcuts sync.Map // ShortcutName() → true

// passShortcut runs s on the canvas of o when the window has it, and reports whether it did.
func passShortcut(o fyne.CanvasObject, s fyne.Shortcut) bool {
	if _, ok := windowShortcuts.Load(s.ShortcutName()); !ok {
		return false
	}
	c, ok := canvasOf(o).(interface{ TypedShortcut(fyne.Shortcut) })
	if !ok {
		return false
	}
	c.TypedShortcut(s)
	return true
}

// passKey hands Esc to the canvas of o (the window's key handler, desk.typedKey), and reports whether it did.
func passKey(o fyne.CanvasObject, k *fyne.KeyEvent) bool {
	if k.Name != fyne.KeyEscape {
		return false
	}
	c := canvasOf(o)
	if c == nil || c.OnTypedKey() == nil {
		return false
	}
	c.OnTypedKey()(k)
	return true
}

// canvasOf is the canvas o is drawn on, or nil.
func canvasOf(o fyne.CanvasObject) fyne.Canvas {
	if app := fyne.CurrentApp(); app != nil {
		return app.Driver().CanvasForObject(o)
	}
	return nil
}

// lightPopups are the pop-ups Esc closes, each with how to close it (the date picker's calendar, a picker's
// choices): *widget.PopUp → func().
var lightPopups sync.Map
