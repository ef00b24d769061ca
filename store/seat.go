package store

import (
	"database/sql"
	"errors"
	"slices"
)

// Dated membership (SPEC §2.6, "the past stays the past"). A deputy holds each level from the day they were
// elected to it (当选日期, or 补选日期 after a by-election) until they leave office (出缺日期). Every count of the
// deputies in office on a day — the figures (T1, T6, T7, T10), the report text, the overview, a meeting's roll,
// quorum and sign-in sheet, the 履职档案 — is taken with the SQL conditions of this file, and only these, so
// that a deputy added today with today's date leaves a closed period's numbers as they were.
//
// The start date lives on the level's row (deputy_levels.start_date), so that issue 16 can give each level its
// own term, end date and reason there without moving it again.

// Seat is a deputy's office at one level and the day it began; the deputy's 出缺日期 ends it.
type Seat struct {
	Level string
	// Start is the 当选日期 (补选日期 for a by-election). Empty when saving means the default: the start date of
	// the deputy's term, or the day the level is recorded when the term has none.
	Start Date
}

// String is 「镇级 2021-12-01」, as the history records it.
func (s Seat) String() string { return s.Level + " " + string(s.Start) }

// SeatsOf returns the seats of levels in order, each with its date in seats (or no date when seats has none
// for it, so that it gets the default when saved): what a form that ticks levels and edits their dates keeps.
func SeatsOf(levels []string, seats []Seat) []Seat {
	out := make([]Seat, 0, len(levels))
	for _, l := range levels {
		s := Seat{Level: l}
		if i := slices.IndexFunc(seats, func(x Seat) bool { return x.Level == l }); i >= 0 {
			s.Start = seats[i].Start
		}
		out = append(out, s)
	}
	return out
}

// Start returns the day the deputy began at level ("" when the deputy does not hold it or it is not saved yet).
func (d Deputy) Start(level string) Date {
	for _, s := range d.Seats {
		if s.Level == level {
			return s.Start
		}
	}
	return ""
}

// reconcileSeats makes d.Seats one seat per level of d.Levels, in that order, and checks their dates. A seat
// without a level (an import row's one 当选日期 for every level) dates the levels that have no date of their
// own; a dated seat of a level the deputy does not hold is an error rather than silently dropped.
func (d *Deputy) reconcileSeats(c *checker) {
	var all Date
	for _, s := range d.Seats {
		switch {
		case s.Level == "":
			all = s.Start
		case !slices.Contains(d.Levels, s.Level) && s.Start != "":
			c.fail("当选日期", "填写了%s的日期，但代表层级中没有%s", s.Level, s.Level)
		}
	}
	seats := SeatsOf(d.Levels, d.Seats)
	for i := range seats {
		if seats[i].Start == "" {
			seats[i].Start = all
		}
		field := "当选日期(" + seats[i].Level + ")"
		c.date(field, seats[i].Start)
		if seats[i].Start != "" && d.VacancyDate != "" && seats[i].Start >= d.VacancyDate {
			c.fail(field, "(%s)应早于出缺日期(%s)", seats[i].Start.Chinese(), d.VacancyDate.Chinese())
		}
	}
	d.Seats = seats
}

// defaultSeatStart is the 当选日期 of a level saved without one: the start date of the deputy's term, or else
// the day it is recorded (the same rule migration 0005 applied to the deputies recorded before dates existed).
func (tx *Tx) defaultSeatStart(termID int64) (Date, error) {
	if termID != 0 {
		var start sql.NullString
		err := tx.QueryRow(`SELECT start_date FROM terms WHERE id = ?`, termID).Scan(&start)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return "", err
		}
		if start.String != "" {
			return Date(start.String), nil
		}
	}
	return DateOf(tx.now), nil
}

// seatHeld is THE condition for the seat l (a deputy_levels row) of deputy d being held on some day from from
// to to (SQL expressions; the same one twice for a single day): begun on or before to, and not ended by a
// vacancy on or before from. A deputy vacated on a day no longer counts on that day.
func seatHeld(from, to string) string {
	return `(l.start_date <= ` + to + ` AND (d.status = '在任' OR d.vacancy_date > ` + from + `))`
}

// deputyHeld is the condition for deputy d holding some seat (any level) on some day from from to to.
func deputyHeld(from, to string) string {
	return `EXISTS (SELECT 1 FROM deputy_levels l WHERE l.deputy_id = d.id AND ` + seatHeld(from, to) + `)`
}

// inTerm is the condition for deputy d being of the term term (an SQL expression; 0: no term counts) or
// recorded without one, so that the deputies of an earlier term still marked 在任 drop out after 换届.
func inTerm(term string) string {
	return `(d.term_id IS NULL OR ` + term + ` IN (0, d.term_id))`
}

// termOn is the SQL expression of the term whose roll day (an SQL expression) is counted in: the newest term
// whose dates cover it, or 0 when none does.
// The day is named once, so that it can be a single positional parameter.
func termOn(day string) string {
	return `coalesce((SELECT t.id FROM terms t JOIN (SELECT ` + day + ` AS day) x
		WHERE (t.start_date IS NULL OR t.start_date <= x.day) AND (t.end_date IS NULL OR t.end_date >= x.day)
		ORDER BY t.number DESC LIMIT 1), 0)`
}
