package store

import (
	"context"
	"fmt"
)

// Quorum is what a meeting's votes and attendance are measured against (SPEC §3): for a 人民代表大会会议 the
// town deputies in office on its day, for a 主席团会议 the presidium members in office; other meetings have none.
type Quorum struct {
	Base     int    // 全体代表 / 全体主席团成员: the number a majority is counted from (0: no rule)
	BaseName string // 全镇人大代表 / 主席团成员
	Present  int    // 实到: attendance marked 出席 among them
	Leave    int    // 请假
	Absent   int    // 缺席
}

// Met reports whether more than half of the base attended (exactly half is not enough).
func (q Quorum) Met() bool { return q.Base > 0 && 2*q.Present > q.Base }

// Needed is the smallest number that is more than half of the base.
func (q Quorum) Needed() int { return q.Base/2 + 1 }

// Describe says it in the clerk's words: 「应到 72 人，实到 60 人，请假 10 人，缺席 2 人，超过半数，符合法定人数」.
func (q Quorum) Describe() string {
	if q.Base == 0 {
		return ""
	}
	s := fmt.Sprintf("应到 %d 人，实到 %d 人，请假 %d 人，缺席 %d 人", q.Base, q.Present, q.Leave, q.Absent)
	if q.Met() {
		return s + "，超过半数，符合法定人数"
	}
	return s + fmt.Sprintf("，未超过半数(至少需要 %d 人)，不符合法定人数", q.Needed())
}

// ResolutionResult is a resolution's outcome by the rule, and whether the clerk's entered result disagrees.
func (q Quorum) ResolutionResult(r Resolution) (passed bool, disagrees bool) {
	passed = r.Passed(q.Base)
	disagrees = r.EnteredResult != "" && (r.EnteredResult == "通过") != passed
	return passed, disagrees
}

// inOfficeOn is the SQL condition for a deputy (alias d) holding a seat on day ?: in office, or vacated after.
const inOfficeOn = `(d.status = '在任' OR d.vacancy_date > ?)`

// roll returns the SQL (selecting deputy ids) and arguments of the deputies a meeting is measured against:
// holding a seat on its day (in office, or vacated later) in its term — the meeting's own, or else the term
// whose dates cover the day; deputies recorded without a term count too. For a 人代会 they are the town
// deputies, for a 主席团会议 the presidium members, otherwise everyone (base is false then: no voting rule).
func (tx *Tx) roll(m Meeting) (q string, args []any, name string, base bool, err error) {
	term := m.TermID
	if term == 0 {
		err = tx.QueryRow(`SELECT coalesce((SELECT id FROM terms WHERE (start_date IS NULL OR start_date <= ?1)
			AND (end_date IS NULL OR end_date >= ?1) ORDER BY number DESC LIMIT 1), 0)`, m.Start).Scan(&term)
		if err != nil {
			return "", nil, "", false, err
		}
	}
	cond, args := inOfficeOn, []any{m.Start}
	if term != 0 {
		cond += ` AND (d.term_id = ? OR d.term_id IS NULL)`
		args = append(args, term)
	}
	switch m.Kind {
	case MeetingCongress:
		return `SELECT d.id FROM deputies d JOIN deputy_levels l ON l.deputy_id = d.id AND l.level = '镇级' WHERE ` + cond, args, "全镇人大代表", true, nil
	case MeetingPresidium:
		return `SELECT d.id FROM deputies d JOIN deputy_roles r ON r.deputy_id = d.id AND r.role = '主席团成员' WHERE ` + cond, args, "主席团成员", true, nil
	}
	return `SELECT d.id FROM deputies d WHERE ` + cond, args, "", false, nil
}

// Quorum returns the meeting's quorum: its base from the roll on the meeting's day, and the attendance
// marked among those deputies.
func (db *DB) Quorum(ctx context.Context, meetingID int64) (q Quorum, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		q, err = tx.quorum(meetingID)
		return err
	})
	return q, err
}

// quorum is Quorum inside a transaction.
func (tx *Tx) quorum(meetingID int64) (q Quorum, err error) {
	m, err := tx.meeting(meetingID)
	if err != nil {
		return q, err
	}
	members, args, name, base, err := tx.roll(m)
	if err != nil || !base {
		return q, err
	}
	q.BaseName = name
	if err := tx.QueryRow(`SELECT count(*) FROM (`+members+`)`, args...).Scan(&q.Base); err != nil {
		return q, err
	}
	err = tx.QueryRow(`SELECT coalesce(sum(a.status = '出席'), 0), coalesce(sum(a.status = '请假'), 0), coalesce(sum(a.status = '缺席'), 0)
		FROM attendance a WHERE a.meeting_id = ? AND a.deputy_id IN (`+members+`)`, append([]any{meetingID}, args...)...).Scan(&q.Present, &q.Leave, &q.Absent)
	return q, err
}

// ExpectedAttendees returns the deputies expected at a meeting (its roll: town deputies of its term holding a
// seat on its day for a 人代会, presidium members for a 主席团会议; for other meetings every deputy of the term),
// by group and name, for the attendance sheet and the sign-in sheet.
func (db *DB) ExpectedAttendees(ctx context.Context, meetingID int64) (ds []Deputy, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		m, err := tx.meeting(meetingID)
		if err != nil {
			return err
		}
		ds, err = tx.expectedAttendees(m)
		return err
	})
	return ds, err
}

// expectedAttendees is ExpectedAttendees inside a transaction.
func (tx *Tx) expectedAttendees(m Meeting) ([]Deputy, error) {
	q, args, _, _, err := tx.roll(m)
	if err != nil {
		return nil, err
	}
	var ids []int64
	if err := collect(tx, q, args, func(s scanner) error {
		var id int64
		err := s.Scan(&id)
		ids = append(ids, id)
		return err
	}); err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, nil
	}
	ds, _, err := tx.deputies(DeputyFilter{IDs: ids})
	return ds, err
}
