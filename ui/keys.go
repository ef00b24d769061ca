package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The window's keys beyond the tab shortcuts: Ctrl+S saves the form the clerk is working in, and Esc closes
// what is on top — a dialog as its 取消 (or 关闭) button would, the date picker's calendar, a picker's list.

// saveShortcut is Ctrl+S: it saves the form the cursor is in; with the cursor in none, the form on screen
// (the one with unsaved changes, when several are). Over a dialog, only a form in that dialog is saved.
func (d *desk) saveShortcut() {
	if s := d.formToSave(); s != nil {
		s.submit()
	}
}

// formToSave is the form Ctrl+S saves, or nil.
func (d *desk) formToSave() *formState {
	c := d.win.Canvas()
	roots := map[fyne.CanvasObject]*formState{}
	for _, s := range d.forms {
		if s.root != nil {
			roots[s.root] = s
		}
	}
	var area fyne.CanvasObject = c.Content()
	if top := c.Overlays().Top(); top != nil {
		area = top // a dialog is up: the window behind it is not being worked in
	}
	focused := fyne.CanvasObject(nil)
	if f := c.Focused(); f != nil {
		focused = f.(fyne.CanvasObject)
	}
	var shown []*formState // in the order they are drawn
	var open []*formState  // the forms around the object being visited
	var inFocus *formState
	walkShown(area, func(o fyne.CanvasObject) {
		if s := roots[o]; s != nil {
			shown = append(shown, s)
			open = append(open, s)
		}
		if focused != nil && o == focused && len(open) > 0 {
			inFocus = open[len(open)-1]
		}
	}, func(o fyne.CanvasObject) {
		if roots[o] != nil && len(open) > 0 {
			open = open[:len(open)-1]
		}
	})
	if inFocus != nil {
		return inFocus
	}
	for _, s := range shown {
		if s.dirty() {
			return s
		}
	}
	if len(shown) > 0 {
		return shown[0]
	}
	return nil
}

// typedKey is the window's handler of the keys no widget took (a text box hands it Esc).
func (d *desk) typedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		escape(d.win.Canvas())
	}
}

// escape closes what is on top of canvas c: a pop-up of ours (the date picker's calendar, a picker's list)
// as it closes itself, a dialog by its 取消, 关闭 or 否 button, or by its only button (确定 of a message).
// A dialog without buttons (progress) stays. It reports whether it closed something.
func escape(c fyne.Canvas) bool {
	top := c.Overlays().Top()
	if top == nil {
		return false
	}
	if hide, ok := lightPopups.Load(top); ok {
		hide.(func())()
		return true
	}
	pop, ok := top.(*widget.PopUp)
	if !ok {
		return false
	}
	if b := dismissButton(pop.Content); b != nil {
		b.OnTapped()
		return true
	}
	return false
}

// dismissButton finds the button that closes a dialog without doing anything: 取消, 关闭 or 否, the one with
// the cancel icon, or the only one.
// Fyne lays a dialog out as icon, background, content, buttons and title (dialog/base.go, create): the row of
// buttons is looked in first, so that a 取消 inside the content is not taken for the dialog's.
func dismissButton(content fyne.CanvasObject) *widget.Button {
	area := content
	if box, ok := content.(*fyne.Container); ok && len(box.Objects) == 5 {
		area = box.Objects[3]
	}
	var buttons []*widget.Button
	var collect func(o fyne.CanvasObject)
	collect = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Button:
			if x.Visible() && !x.Disabled() && x.OnTapped != nil {
				buttons = append(buttons, x)
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				collect(c)
			}
		}
	}
	collect(area)
	for _, text := range []string{"取消", "关闭", "否"} {
		for _, b := range buttons {
			if b.Text == text {
				return b
			}
		}
	}
	// Fyne's form, confirm and custom dialogs give their dismiss button the cancel icon, whatever it says
	// (「稍后再说」 of the welcome dialog).
	for _, b := range buttons {
		if b.Icon != nil && b.Icon.Name() == theme.CancelIcon().Name() {
			return b
		}
	}
	if len(buttons) == 1 {
		return buttons[0]
	}
	return nil
}

// walkShown visits o and what is shown inside it, depth first: before on the way in, after on the way out.
// It goes into containers and into the widgets that hold others in the window (tabs show their selected
// page, a split both sides, a scroll its content, a form its fields, a pop-up its content); anything hidden
// is left out with what it holds. (Fyne's own walker is internal to its drivers.)
func walkShown(o fyne.CanvasObject, before, after func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	before(o)
	var inside []fyne.CanvasObject
	switch x := o.(type) {
	case *fyne.Container:
		inside = x.Objects
	case *container.AppTabs:
		if it := x.Selected(); it != nil {
			inside = []fyne.CanvasObject{it.Content}
		}
	case *tabPage:
		inside = []fyne.CanvasObject{x.box}
	case *container.Split:
		inside = []fyne.CanvasObject{x.Leading, x.Trailing}
	case *container.Scroll:
		inside = []fyne.CanvasObject{x.Content}
	case *widget.PopUp:
		inside = []fyne.CanvasObject{x.Content}
	case *fieldForm:
		for _, r := range x.rows {
			if !r.hidden {
				inside = append(inside, r.item.Widget)
			}
		}
	}
	for _, c := range inside {
		walkShown(c, before, after)
	}
	after(o)
}
