package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// dateEntry is a date field: the clerk types 2024-03-05 or 2024年3月5日, or picks a day from a Chinese
// calendar (Fyne's own calendar titles its months in English). It validates as you type.
type dateEntry struct {
	widget.Entry
	required bool
	popup    *widget.PopUp
}

func newDateEntry(required bool) *dateEntry {
	e := &dateEntry{required: required}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder("例如 2024-03-05")
	e.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			if e.required {
				return fmt.Errorf("不能为空") // as the store says it: 收到日期不能为空
			}
			return nil
		}
		_, err := store.ParseDate(s)
		return err
	}
	e.ActionItem = widget.NewButtonWithIcon("", theme.CalendarIcon(), e.showCalendar)
	return e
}

// Date returns the parsed date, or "" when empty or invalid (Validate tells which).
func (e *dateEntry) Date() store.Date {
	d, _ := store.ParseDate(e.Text)
	return d
}

// Typed returns the date for the store: the parsed date, or the text as typed when it is not one, so that the
// store's check names the field.
func (e *dateEntry) Typed() store.Date {
	if d, err := store.ParseDate(e.Text); err == nil {
		return d
	}
	return store.Date(strings.TrimSpace(e.Text))
}

// SetDate shows d in ISO form.
func (e *dateEntry) SetDate(d store.Date) { e.SetText(string(d)) }

// TypedShortcut runs the window's shortcut when it is one (Ctrl+S …), else the Entry's own (textEntry).
func (e *dateEntry) TypedShortcut(s fyne.Shortcut) {
	if !passShortcut(e, s) {
		e.Entry.TypedShortcut(s)
	}
}

// TypedKey closes the calendar on Esc when it is open, else hands Esc to the window; other keys are the
// Entry's.
func (e *dateEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.calendarOpen() {
		e.closeCalendar()
		return
	}
	if !passKey(e, k) {
		e.Entry.TypedKey(k)
	}
}

// calendarOpen reports whether the calendar is showing.
func (e *dateEntry) calendarOpen() bool { return e.popup != nil && e.popup.Visible() }

func (e *dateEntry) showCalendar() {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil {
		return
	}
	start := e.Date()
	if start == "" {
		start = store.DateOf(time.Now())
	}
	cal := newChineseCalendar(start, func(d store.Date) {
		e.SetDate(d)
		e.closeCalendar()
	})
	cal.onEscape = e.closeCalendar
	e.popup = widget.NewPopUp(cal, c)
	lightPopups.Store(e.popup, e.closeCalendar)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e).Add(fyne.NewPos(0, e.Size().Height))
	e.popup.ShowAtPosition(pos)
	c.Focus(cal) // Esc reaches the calendar even when the field did not have the cursor
}

// closeCalendar hides the calendar and gives the cursor back to the field.
func (e *dateEntry) closeCalendar() {
	if e.popup == nil {
		return
	}
	lightPopups.Delete(e.popup)
	e.popup.Hide()
	e.popup = nil
	if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
		c.Focus(e)
	}
}

// chineseCalendar is a month grid titled 2024年3月, weeks starting on Monday (一 … 日).
type chineseCalendar struct {
	widget.BaseWidget
	month    time.Time
	selected store.Date
	onPick   func(store.Date)
	onEscape func() // Esc closes the calendar
	title    *widget.Label
	grid     *fyne.Container
}

func newChineseCalendar(selected store.Date, onPick func(store.Date)) *chineseCalendar {
	t := selected.Time()
	c := &chineseCalendar{month: time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC), selected: selected, onPick: onPick}
	c.title = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	c.grid = container.NewGridWithColumns(7)
	c.ExtendBaseWidget(c)
	c.build()
	return c
}

// FocusGained is part of fyne.Focusable: the calendar takes the keys while it is open.
func (c *chineseCalendar) FocusGained() {}

// FocusLost is part of fyne.Focusable.
func (c *chineseCalendar) FocusLost() {}

// TypedRune is part of fyne.Focusable; the calendar takes no text.
func (c *chineseCalendar) TypedRune(rune) {}

// TypedKey closes the calendar on Esc; PageUp and PageDown turn the month.
func (c *chineseCalendar) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape:
		if c.onEscape != nil {
			c.onEscape()
		}
	case fyne.KeyPageUp:
		c.move(-1)
	case fyne.KeyPageDown:
		c.move(1)
	}
}

// move shows the month n months away.
func (c *chineseCalendar) move(n int) {
	c.month = c.month.AddDate(0, n, 0)
	c.build()
}

func (c *chineseCalendar) build() {
	c.title.SetText(fmt.Sprintf("%d年%d月", c.month.Year(), int(c.month.Month())))
	var cells []fyne.CanvasObject
	for _, w := range []string{"一", "二", "三", "四", "五", "六", "日"} {
		cells = append(cells, widget.NewLabelWithStyle(w, fyne.TextAlignCenter, fyne.TextStyle{Bold: true}))
	}
	lead := (int(c.month.Weekday()) + 6) % 7 // Monday first
	for i := 0; i < lead; i++ {
		cells = append(cells, layout.NewSpacer())
	}
	for d := c.month; d.Month() == c.month.Month(); d = d.AddDate(0, 0, 1) {
		day := store.DateOf(d)
		b := widget.NewButton(fmt.Sprint(d.Day()), func() { c.onPick(day) })
		b.Importance = widget.LowImportance
		if day == c.selected {
			b.Importance = widget.HighImportance
		}
		cells = append(cells, b)
	}
	c.grid.Objects = cells
	c.grid.Refresh()
}

// CreateRenderer lays out ‹ 2024年3月 › above the grid.
func (c *chineseCalendar) CreateRenderer() fyne.WidgetRenderer {
	prevY := widget.NewButtonWithIcon("", theme.MediaFastRewindIcon(), func() { c.move(-12) })
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { c.move(-1) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { c.move(1) })
	nextY := widget.NewButtonWithIcon("", theme.MediaFastForwardIcon(), func() { c.move(12) })
	head := container.NewBorder(nil, nil, container.NewHBox(prevY, prev), container.NewHBox(next, nextY), c.title)
	return widget.NewSimpleRenderer(container.NewBorder(head, nil, nil, nil, c.grid))
}
