package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// seatDates is the deputy form's 当选日期: one line per level ticked in 代表层级, each with the day the deputy
// began at that level (当选日期, or 补选日期 after a by-election). A level without a date of its own shows the
// default the store would give it — the chosen term's start date, or today without one — so the clerk sees
// from when the deputy will be counted, and changes it for a by-election.
type seatDates struct {
	box     *fyne.Container
	label   func(level string) string // 镇级 in the office's words
	entries map[string]*dateEntry     // by level; kept when a level is unticked and ticked again
	levels  []string                  // the levels shown, in store.DeputyLevels order
	def     store.Date                // the default date shown in a line nobody changed
}

func newSeatDates(label func(string) string, def store.Date) *seatDates {
	return &seatDates{box: container.NewVBox(), label: label, entries: map[string]*dateEntry{}, def: def}
}

// show lays out a line for each of levels, with the date of its seat in seats, else the default.
func (s *seatDates) show(levels []string, seats []store.Seat) {
	s.levels = levels
	s.box.Objects = nil
	for _, st := range store.SeatsOf(levels, seats) {
		e, ok := s.entries[st.Level]
		if !ok {
			e = newDateEntry(true)
			e.SetDate(st.Start)
			if st.Start == "" {
				e.SetDate(s.def)
			}
			s.entries[st.Level] = e
		}
		name := widget.NewLabel(s.label(st.Level))
		s.box.Add(container.NewBorder(nil, nil, fixedWidth(70, name), nil, e))
	}
	if len(levels) == 0 {
		s.box.Add(widget.NewLabel("(先勾选代表层级)"))
	}
	s.box.Refresh()
}

// setDefault changes the default (another term was chosen): lines still showing the old default follow.
func (s *seatDates) setDefault(def store.Date) {
	for _, e := range s.entries {
		if e.Date() == s.def {
			e.SetDate(def)
		}
	}
	s.def = def
}

// seats returns the seats of the levels shown, with the dates as typed (the store names a bad one).
func (s *seatDates) seats() []store.Seat {
	out := make([]store.Seat, 0, len(s.levels))
	for _, l := range s.levels {
		out = append(out, store.Seat{Level: l, Start: s.entries[l].Typed()})
	}
	return out
}
