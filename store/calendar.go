package store

import (
	"context"
	"fmt"
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

// restDay says why d is not worked: 节假日 when the clerk entered it as a day off, else its weekday (星期六).
func (c Calendar) restDay(d Date) string {
	if w, ok := c[d]; ok && !w {
		return "节假日"
	}
	return d.ChineseWeekday()
}

// CountedDeadline is a default deadline with the words that say how it was counted, for the clerk to read
// beside it: the rule (评价之日起1个月，顺延至工作日), the day it came to (2024年5月22日(星期三；5月18日是星期六，
// 顺延)) and, for a new round, why it may come before the deadline of the round answered (Note).
type CountedDeadline struct {
	Date   Date
	Rule   string
	Result string
	Note   string
}

// Explain is the whole of it in a sentence: 「评价之日起1个月，顺延至工作日：2024年5月22日(…)。比第1轮…」.
func (d CountedDeadline) Explain() string {
	s := d.Rule + "：" + d.Result
	if d.Note != "" {
		s += "。" + d.Note
	}
	return s
}

// count is the deadline months after from, the day of what (交办, 评价), moved off a day off when the
// settings ask for it, with how it was counted.
func (r Rules) count(from Date, what string, months int) CountedDeadline {
	plain := from.AddMonths(months)
	d := r.roll(plain)
	c := CountedDeadline{Date: d, Rule: fmt.Sprintf("%s之日起%d个月", what, months)}
	if r.Settings.RollToWorkday {
		c.Rule += "，顺延至工作日"
	}
	c.Result = d.Chinese() + "(" + d.ChineseWeekday() + ")"
	if d != plain {
		t := plain.Time()
		c.Result = fmt.Sprintf("%s(%s；%d月%d日是%s，顺延)", d.Chinese(), d.ChineseWeekday(), int(t.Month()), t.Day(), r.Calendar.restDay(plain))
	}
	return c
}

// CountAssignDeadline is the default 办理时限 of an item assigned on the given day, + DeadlineMonths (3), with
// how it was counted.
func (r Rules) CountAssignDeadline(assigned Date) CountedDeadline {
	return r.count(assigned, "交办", r.Settings.DeadlineMonths)
}

// AssignDeadline is the default 办理时限 of an item assigned on the given day: + DeadlineMonths (3).
func (r Rules) AssignDeadline(assigned Date) Date { return r.CountAssignDeadline(assigned).Date }

// CountRehandleDeadline is the default deadline of the round that a 不满意 given on the day evaluated opens
// on item s, + RehandleMonths (1) from the evaluation, with how it was counted. It is counted from the
// evaluation, not from the deadline of the round answered, so an early reply and evaluation give a deadline
// before that one: Note then says so.
func (r Rules) CountRehandleDeadline(s Suggestion, evaluated Date) CountedDeadline {
	c := r.count(evaluated, "评价", r.Settings.RehandleMonths)
	if s.Deadline != "" && c.Date < s.Deadline {
		c.Note = earlierNote(s.Round, s.Deadline)
	}
	return c
}

// earlierNote says why a new round's deadline comes before the deadline of round.
func earlierNote(round int, deadline Date) string {
	return fmt.Sprintf("比第%d轮的办理时限(%s)早：重新办理时限从代表评价之日起算，不在原办理时限上延长", round, deadline.Chinese())
}

// DeadlineBasis says, for the item's page, how the current deadline of s came about: the rule when it is the
// default of its round (交办之日起3个月，顺延至工作日; 评价之日起1个月，顺延至工作日), an extension, or a
// deadline set at 交办 or 评价; in a later round, why it comes before round 1's when it does. h is the item's
// handling: a later round is counted from the 不满意 evaluation that began it, not from the item's latest
// evaluation (a closed round-2 item has been evaluated again since). "" when s has no deadline. The rules are
// today's settings: a deadline counted under other settings reads as set.
func (r Rules) DeadlineBasis(s Suggestion, h Handling) string {
	if s.Deadline == "" {
		return ""
	}
	var why string
	began := h.roundBegan(s.Round)
	if began == "" {
		began = s.Evaluated
	}
	switch {
	case s.Round <= 1 && s.Assigned != "" && s.Deadline == r.CountAssignDeadline(s.Assigned).Date:
		why = r.CountAssignDeadline(s.Assigned).Rule
	case s.Round <= 1 && s.ExtensionReason != "":
		why = "延期"
	case s.Round <= 1:
		why = "交办时确定"
	case began != "" && s.Deadline == r.CountRehandleDeadline(Suggestion{}, began).Date:
		why = r.CountRehandleDeadline(Suggestion{}, began).Rule
	case began != "" && s.ExtensionReason != "" && s.Deadline > r.CountRehandleDeadline(Suggestion{}, began).Date:
		why = "延期"
	default:
		why = "重新办理时确定"
	}
	if s.Round > 1 && s.FirstDeadline != "" && s.Deadline < s.FirstDeadline {
		why += "。" + earlierNote(1, s.FirstDeadline)
	}
	return why
}

// roundBegan is the day round began: the date of the last evaluation of the round before it (the 不满意 one);
// "" in round 1 or when h holds no such evaluation.
func (h Handling) roundBegan(round int) Date {
	var d Date
	for _, e := range h.Evaluations {
		if e.Round == round-1 && e.Date > d {
			d = e.Date
		}
	}
	return d
}

// RehandleDeadline is the default deadline of a new round begun on the given day (the evaluation): +
// RehandleMonths (1).
func (r Rules) RehandleDeadline(from Date) Date {
	return r.CountRehandleDeadline(Suggestion{}, from).Date
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
