package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// seatDates is the deputy form's seats: one line per level ticked in 代表层级, each with the term of that level
// the seat belongs to (the town's is the deputy's 届次), the day the deputy began (当选日期, or 补选日期 after
// a by-election) and the 选区 that elected them; and, in ends, the day a seat ended and why (届满, 调离 …)
// when it ended before the deputy left altogether. A level without a date of its own shows the default the
// store would give it — the chosen term's start date, or today without one — so the clerk sees from when the
// deputy will be counted, and changes it for a by-election.
type seatDates struct {
	box     *fyne.Container
	ends    *fyne.Container
	label   func(level string) string // 镇级 in the office's words
	entries map[string]*dateEntry     // by level; kept when a level is unticked and ticked again
	lines   map[string]*seatLine      // the rest of each level's line, kept likewise
	levels  []string                  // the levels shown, in store.DeputyLevels order
	def     store.Date                // the default date shown in a line nobody changed

	terms     []store.Term     // every level's terms (register)
	districts []store.District // every level's districts (register)
}

// seatLine is the part of a level's line besides its date.
type seatLine struct {
	term     *widget.Select // nil for the town level (the deputy's 届次)
	district *widget.Select
	end      *dateEntry
	reason   *widget.Select
}

func newSeatDates(label func(string) string, def store.Date) *seatDates {
	return &seatDates{box: container.NewVBox(), ends: container.NewVBox(), label: label, entries: map[string]*dateEntry{},
		lines: map[string]*seatLine{}, def: def}
}

// register gives the lines the terms and districts to pick from (call before show).
func (s *seatDates) register(terms []store.Term, districts []store.District) {
	s.terms, s.districts = terms, districts
}

// show lays out a line for each of levels, with the date of its seat in seats, else the default.
func (s *seatDates) show(levels []string, seats []store.Seat) {
	s.levels = levels
	s.box.Objects = nil
	s.ends.Objects = nil
	for _, st := range store.SeatsOf(levels, seats) {
		e, ok := s.entries[st.Level]
		if !ok {
			e = newDateEntry(true)
			e.SetDate(st.Start)
			if st.Start == "" {
				e.SetDate(s.def)
			}
			s.entries[st.Level] = e
			s.lines[st.Level] = s.newLine(st)
		}
		ln := s.lines[st.Level]
		name := widget.NewLabel(s.label(st.Level))
		left := []fyne.CanvasObject{fixedWidth(70, name)}
		if ln.term != nil {
			left = append(left, fixedWidth(150, ln.term))
		}
		s.box.Add(container.NewBorder(nil, nil, container.NewHBox(left...), fixedWidth(190, ln.district), e))
		s.ends.Add(container.NewBorder(nil, nil, fixedWidth(70, widget.NewLabel(s.label(st.Level))), fixedWidth(120, ln.reason), ln.end))
	}
	if len(levels) == 0 {
		s.box.Add(widget.NewLabel("(先勾选代表层级)"))
	}
	s.box.Refresh()
	s.ends.Refresh()
}

// newLine makes the selects and end date of a level's line, showing seat st.
func (s *seatDates) newLine(st store.Seat) *seatLine {
	ln := &seatLine{end: newDateEntry(false), reason: selectWith(store.SeatEndReasons, true)}
	ln.end.SetPlaceHolder("仍在任不填")
	ln.end.SetDate(st.End)
	ln.reason.PlaceHolder = "原因"
	ln.reason.SetSelected(st.EndReason)
	if st.Level != store.LevelTown {
		var names []string
		chosen := ""
		for _, t := range s.terms {
			if t.Level == st.Level {
				names = append(names, t.FullName())
				// A new seat is of the level's current term.
				if t.ID == st.TermID || st.TermID == 0 && st.ID == 0 && t.Current {
					chosen = t.FullName()
				}
			}
		}
		ln.term = selectWith(names, true)
		ln.term.PlaceHolder = "届次"
		ln.term.SetSelected(chosen)
	}
	var names []string
	chosen := ""
	for _, d := range s.districts {
		if d.Level == st.Level {
			names = append(names, d.Label())
			if d.ID == st.DistrictID {
				chosen = d.Label()
			}
		}
	}
	ln.district = selectWith(names, true)
	ln.district.PlaceHolder = "选区(设置→选区)"
	ln.district.SetSelected(chosen)
	return ln
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
		st := store.Seat{Level: l, Start: s.entries[l].Typed()}
		if ln := s.lines[l]; ln != nil {
			if ln.term != nil {
				if i := slices.IndexFunc(s.terms, func(t store.Term) bool { return t.Level == l && t.FullName() == ln.term.Selected }); i >= 0 {
					st.TermID = s.terms[i].ID
				}
			}
			if i := slices.IndexFunc(s.districts, func(d store.District) bool { return d.Level == l && d.Label() == ln.district.Selected }); i >= 0 {
				st.DistrictID = s.districts[i].ID
			}
			st.End, st.EndReason = ln.end.Typed(), ln.reason.Selected
		}
		out = append(out, st)
	}
	return out
}

// townDistrict is the 选区 label chosen on the town line ("" when none), for the deputy's 选区 as lists show it.
func (s *seatDates) townDistrict() string {
	if ln := s.lines[store.LevelTown]; ln != nil && slices.Contains(s.levels, store.LevelTown) {
		return ln.district.Selected
	}
	return ""
}
