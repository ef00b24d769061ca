package store

import (
	"context"
	"time"
)

// Calendar is the clerk's holiday calendar: an entry true marks a 调休 working day (a weekend day that is
// worked), false a statutory day off. Days without an entry follow the week: Monday to Friday work.
type Calendar map[Date]bool

// IsWorkday reports whether d is a working day.
func (c Calendar) IsWorkday(d Date) bool {
	if w, ok := c[d]; ok {
		return w
	}
	wd := d.Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// AddWorkdays returns the n-th working day after d (n ≥ 1); with n = 0 it returns d.
func (c Calendar) AddWorkdays(d Date, n int) Date {
	for n > 0 {
		d = d.AddDays(1)
		if c.IsWorkday(d) {
			n--
		}
	}
	return d
}

// NextWorkday returns d if it is a working day, otherwise the first working day after it.
func (c Calendar) NextWorkday(d Date) Date {
	for !c.IsWorkday(d) {
		d = d.AddDays(1)
	}
	return d
}

// Rules computes deadlines from the settings and the calendar (SPEC §4 "Deadlines").
type Rules struct {
	Settings Settings
	Calendar Calendar
}

// roll moves a deadline that falls on a day off to the next working day, when the setting asks for it.
func (r Rules) roll(d Date) Date {
	if r.Settings.RollToWorkday {
		return r.Calendar.NextWorkday(d)
	}
	return d
}

// AssignDeadline is the default 办理时限 of an item assigned on the given day: + DeadlineMonths (3).
func (r Rules) AssignDeadline(assigned Date) Date {
	return r.roll(assigned.AddMonths(r.Settings.DeadlineMonths))
}

// RehandleDeadline is the default deadline of a new round begun on the given day: + RehandleMonths (1).
func (r Rules) RehandleDeadline(from Date) Date {
	return r.roll(from.AddMonths(r.Settings.RehandleMonths))
}

// MaxExtension is the latest deadline an extension may set: 交办日期 + MaxExtensionMonths (6), not rolled,
// so that an extension never goes beyond six months.
func (r Rules) MaxExtension(assigned Date) Date {
	return assigned.AddMonths(r.Settings.MaxExtensionMonths)
}

// AssignDue is the day by which an item received between sessions should be assigned:
// AssignWorkdays (5) working days after it was received.
func (r Rules) AssignDue(received Date) Date {
	return r.Calendar.AddWorkdays(received, r.Settings.AssignWorkdays)
}

// Rules reads the settings and the holiday calendar.
func (db *DB) Rules(ctx context.Context) (Rules, error) {
	var r Rules
	err := db.view(ctx, func(tx *Tx) error {
		var err error
		r, err = tx.rules()
		return err
	})
	return r, err
}

func (tx *Tx) rules() (Rules, error) {
	s, err := readSettings(tx)
	if err != nil {
		return Rules{}, err
	}
	c, err := tx.calendar()
	if err != nil {
		return Rules{}, err
	}
	return Rules{Settings: s, Calendar: c}, nil
}
