package store

import (
	"context"
	"fmt"
)

// Quorum is a meeting's attendance as its totals state them, and what its votes are measured against (SPEC
// §3): for a 人民代表大会会议 the town deputies in office on its day, for a 主席团会议 the presidium members in
// office; other meetings have no base. CountAttendance is the one rule behind every count: the store's, the
// attendance sheet's while the clerk marks it, the sign-in sheet's and the report's.
type Quorum struct {
	Base      int    // 全体代表 / 全体主席团成员: the number a majority is counted from (0: no rule)
	BaseName  string // 全镇人大代表 / 主席团成员; "" for a meeting that does not vote
	Expected  int    // 应到: Base for a meeting that votes; otherwise the deputies marked 出席, 请假 or 缺席
	Present   int    // 实到: marked 出席 (among the roll, for a meeting that votes)
	Leave     int    // 请假
	Absent    int    // 缺席
	NonVoting int    // 列席: deputies attending without a vote, counted apart
	Unmarked  int    // on the roll of a meeting that votes, without a mark yet
}

// CountAttendance counts a meeting's attendance marks. For a meeting that votes (baseName ≠ "") only the marks
// of deputies on its roll count (onRoll), 应到 is the roll's size (base) and roll members without a mark are
// Unmarked; for any other meeting every mark counts and 应到 is the deputies marked 出席, 请假 or 缺席. 列席 is
// counted apart either way.
func CountAttendance(marks []Attendance, baseName string, base int, onRoll func(deputyID int64) bool) Quorum {
	q := Quorum{BaseName: baseName}
	voting := baseName != ""
	marked := 0
	for _, a := range marks {
		if a.Status == "列席" {
			q.NonVoting++
			continue
		}
		if voting && !onRoll(a.DeputyID) {
			continue
		}
		switch a.Status {
		case "出席":
			q.Present++
		case "请假":
			q.Leave++
		case "缺席":
			q.Absent++
		default:
			continue
		}
		marked++
	}
	q.Expected = q.Present + q.Leave + q.Absent
	if voting {
		q.Base, q.Expected, q.Unmarked = base, base, max(base-marked, 0)
	}
	return q
}

// Met reports whether more than half of the base attended (exactly half is not enough).
func (q Quorum) Met() bool { return q.Base > 0 && 2*q.Present > q.Base }

// Needed is the smallest number that is more than half of the base.
func (q Quorum) Needed() int { return q.Base/2 + 1 }

// Totals states the attendance: 「应到 72 人，实到 60 人，请假 10 人，缺席 2 人」, then 「，列席 3 人」 when there are
// any.
func (q Quorum) Totals() string {
	s := fmt.Sprintf("应到 %d 人，实到 %d 人，请假 %d 人，缺席 %d 人", q.Expected, q.Present, q.Leave, q.Absent)
	if q.NonVoting > 0 {
		s += fmt.Sprintf("，列席 %d 人", q.NonVoting)
	}
	return s
}

// Verdict says whether a meeting that votes has its quorum: 「超过半数，符合法定人数」, 「未超过半数(至少需要
// 37 人)，不符合法定人数」, or that there is nobody to count from; "" for a meeting that does not vote.
func (q Quorum) Verdict() string {
	switch {
	case q.BaseName == "":
		return ""
	case q.Base == 0:
		return "没有在任的" + q.BaseName + "，无法计算法定人数"
	case q.Met():
		return "超过半数，符合法定人数"
	}
	return fmt.Sprintf("未超过半数(至少需要 %d 人)，不符合法定人数", q.Needed())
}

// Describe says it in the clerk's words: 「应到 72 人，实到 60 人，请假 10 人，缺席 2 人，超过半数，符合法定人数」;
// "" for a meeting that does not vote.
func (q Quorum) Describe() string {
	if q.BaseName == "" || q.Base == 0 {
		return ""
	}
	return q.Totals() + "，" + q.Verdict()
}

// ResolutionResult is a resolution's outcome by the rule, and whether the clerk's entered result disagrees.
func (q Quorum) ResolutionResult(r Resolution) (passed bool, disagrees bool) {
	passed = r.Passed(q.Base)
	disagrees = r.EnteredResult != "" && (r.EnteredResult == "通过") != passed
	return passed, disagrees
}

// roll returns the SQL (selecting deputy ids) and arguments of the deputies a meeting is measured against:
// on its day holding a seat (seat.go: elected by then, not yet vacated, and of a term the next one has not
// replaced by then — each level its own terms). For a 人代会 they are
// the town deputies (holding the town level that day), for a 主席团会议 the presidium members, otherwise
// everyone (base is false then: no voting rule).
func (tx *Tx) roll(m Meeting) (q string, args []any, name string, base bool, err error) {
	args = []any{m.Start}
	switch m.Kind {
	case MeetingCongress:
		return `SELECT d.id FROM deputies d JOIN deputy_levels l ON l.deputy_id = d.id AND l.level = '镇级'
			WHERE ` + seatHeld("?1", "?1"), args, "全镇人大代表", true, nil
	case MeetingPresidium:
		return `SELECT d.id FROM deputies d JOIN deputy_roles r ON r.deputy_id = d.id AND r.role = '主席团成员'
			WHERE ` + deputyHeld("?1", "?1"), args, "主席团成员", true, nil
	}
	return `SELECT d.id FROM deputies d WHERE ` + deputyHeld("?1", "?1"), args, "", false, nil
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

// quorum is Quorum inside a transaction: the roll's ids and the marks, counted by CountAttendance.
func (tx *Tx) quorum(meetingID int64) (Quorum, error) {
	m, err := tx.meeting(meetingID)
	if err != nil {
		return Quorum{}, err
	}
	var marks []Attendance
	if err := collect(tx, `SELECT deputy_id, status FROM attendance WHERE meeting_id = ?`, []any{meetingID}, func(s scanner) error {
		var a Attendance
		err := s.Scan(&a.DeputyID, &a.Status)
		marks = append(marks, a)
		return err
	}); err != nil {
		return Quorum{}, err
	}
	members, args, name, base, err := tx.roll(m)
	if err != nil {
		return Quorum{}, err
	}
	if !base {
		return CountAttendance(marks, "", 0, nil), nil
	}
	roll := map[int64]bool{}
	if err := collect(tx, members, args, func(s scanner) error {
		var id int64
		err := s.Scan(&id)
		roll[id] = true
		return err
	}); err != nil {
		return Quorum{}, err
	}
	return CountAttendance(marks, name, len(roll), func(id int64) bool { return roll[id] }), nil
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
