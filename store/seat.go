package store

import (
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Dated membership (SPEC §2.6, "the past stays the past"). A deputy holds each level from the day they were
// elected to it (当选日期, or 补选日期 after a by-election) until they leave office (出缺日期). Every count of the
// deputies in office on a day — the figures (T1, T6, T7, T10), the report text, the overview, a meeting's roll,
// quorum and sign-in sheet, the 履职档案 — is taken with the SQL conditions of this file, and only these, so
// that a deputy added today with today's date leaves a closed period's numbers as they were.
//
// The start date lives on the level's row (deputy_levels.start_date), so that issue 16 can give each level its
// own term, end date and reason there without moving it again.

// Seat is a deputy's office at one level in one term (issue 16): from the day it began to the day it ended,
// elected in a 选区. The deputy's 出缺日期 ends every seat they hold; a seat's own end ends that level only
// (届满 when the next term began without them, or a vacancy at this level alone).
type Seat struct {
	ID    int64 // 0 until saved; saving matches seats by level, so forms need not carry it
	Level string
	// TermID is the term of Level the seat belongs to (0: none; a town seat takes the deputy's 届次).
	TermID int64
	// DistrictID is the 选区 (of Level) that elected the deputy; 0 when not recorded.
	DistrictID int64
	// Start is the 当选日期 (补选日期 for a by-election). Empty when saving means the default: the start date of
	// the seat's term, or the day the level is recorded when the term has none.
	Start Date
	// End is the first day the seat is no longer held ("" while held); EndReason says why (SeatEndReasons).
	End       Date
	EndReason string
	New       bool // 新任 in this term (false: 连任); read only: saving sets it from the deputy's 新任
}

// String is 「镇级 2021-12-01」 (「镇级 2021-12-01至2026-12-31 届满」 once ended), as the history records it.
func (s Seat) String() string {
	if s.End != "" {
		return s.Level + " " + string(s.Start) + "至" + string(s.End) + " " + s.EndReason
	}
	return s.Level + " " + string(s.Start)
}

// SeatTermEnded is the reason of a seat that ended because the next term began without the deputy.
const SeatTermEnded = "届满"

// SeatEndReasons lists why a seat ends: the vacancy reasons and 届满.
var SeatEndReasons = append(slices.Clone(VacancyReasons), SeatTermEnded)

// SeatsOf returns the seats of levels in order, each with its date in seats (or no date when seats has none
// for it, so that it gets the default when saved): what a form that ticks levels and edits their dates keeps.
func SeatsOf(levels []string, seats []Seat) []Seat {
	out := make([]Seat, 0, len(levels))
	for _, l := range levels {
		s := Seat{Level: l}
		if i := slices.IndexFunc(seats, func(x Seat) bool { return x.Level == l }); i >= 0 {
			s = seats[i]
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
		if st := seats[i]; st.End != "" || st.EndReason != "" {
			end := "终止日期(" + st.Level + ")"
			c.requiredDate(end, st.End)
			c.required("终止原因("+st.Level+")", st.EndReason)
			c.oneOf("终止原因("+st.Level+")", st.EndReason, SeatEndReasons)
			if st.Start != "" && st.End != "" && st.End <= st.Start {
				c.fail(end, "(%s)应晚于当选日期(%s)", st.End.Chinese(), st.Start.Chinese())
			}
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
// to to (SQL expressions; the same one twice for a single day): begun on or before to, not ended (by its own
// end or by the deputy's vacancy) on or before from, and of a term not yet followed by a newer term of its
// level begun on or before from — a deputy's office lasts until the next term's first day (代表法: 任期到下届
// 人代会举行第一次会议为止), so a term without an end date, or one whose end passed before the 换届 was
// entered, still counts its deputies. Each level follows its own terms.
func seatHeld(from, to string) string {
	return `(l.start_date <= ` + to + ` AND (l.end_date IS NULL OR l.end_date > ` + from + `)
		AND (d.status = '在任' OR d.vacancy_date > ` + from + `) AND ` + seatTermLasts(from) + `)`
}

// seatTermLasts is the condition for seat l's term not being followed by a newer term of its level on day
// from (a newer term without a start date follows it always, as before terms had levels).
func seatTermLasts(from string) string {
	return `(l.term_id IS NULL OR NOT EXISTS (SELECT 1 FROM terms st JOIN terms sn ON sn.level = st.level AND sn.number > st.number
		WHERE st.id = l.term_id AND coalesce(sn.start_date, '') <= ` + from + `))`
}

// seatHeldOn is seatHeld(at, at) for one day (at is the SQL naming it, day its value), with the terms followed
// by a newer one read first and named in the condition: seatTermLasts's subquery for every seat was most of
// the reads of the seats held on 概览 (5 000 seats of the stress data, for a table of a few terms).
func (tx *Tx) seatHeldOn(at string, day Date) (string, error) {
	var ended []int64
	err := collect(tx, `SELECT st.id FROM terms st WHERE EXISTS (SELECT 1 FROM terms sn
		WHERE sn.level = st.level AND sn.number > st.number AND coalesce(sn.start_date, '') <= ?)`, []any{day}, func(sc scanner) error {
		var id int64
		err := sc.Scan(&id)
		ended = append(ended, id)
		return err
	})
	lasts := "TRUE"
	if len(ended) > 0 {
		lasts = `(l.term_id IS NULL OR l.term_id NOT IN (` + idList(ended) + `))`
	}
	return `(l.start_date <= ` + at + ` AND (l.end_date IS NULL OR l.end_date > ` + at + `)
		AND (d.status = '在任' OR d.vacancy_date > ` + at + `) AND ` + lasts + `)`, err
}

// deputyHeld is the condition for deputy d holding some seat (any level) on some day from from to to.
func deputyHeld(from, to string) string {
	return `EXISTS (SELECT 1 FROM deputy_levels l WHERE l.deputy_id = d.id AND ` + seatHeld(from, to) + `)`
}

// splitSeats reads the seats of deputyColumns (fields joined by char(31), seats by char(30)): the latest seat
// of each level in DeputyLevels order, and the earlier ones oldest first.
func splitSeats(s string) (current, former []Seat) {
	if s == "" {
		return nil, nil
	}
	var all []Seat
	for _, row := range strings.Split(s, "\x1e") {
		f := strings.Split(row, "\x1f")
		if len(f) != 8 {
			continue
		}
		id, _ := strconv.ParseInt(f[0], 10, 64)
		term, _ := strconv.ParseInt(f[2], 10, 64)
		district, _ := strconv.ParseInt(f[3], 10, 64)
		all = append(all, Seat{ID: id, Level: f[1], TermID: term, DistrictID: district, Start: Date(f[4]), End: Date(f[5]),
			EndReason: f[6], New: f[7] == "1"})
	}
	slices.SortFunc(all, func(a, b Seat) int {
		if c := slices.Index(DeputyLevels, a.Level) - slices.Index(DeputyLevels, b.Level); c != 0 {
			return c
		}
		return strings.Compare(string(b.Start), string(a.Start)) // latest first
	})
	for i, st := range all {
		if i == 0 || all[i-1].Level != st.Level {
			current = append(current, st)
		} else {
			former = append(former, st)
		}
	}
	slices.SortFunc(former, func(a, b Seat) int { return strings.Compare(string(a.Start), string(b.Start)) })
	return current, former
}

// saveSeats writes the deputy's current seats (d.Seats, one per level of d.Levels): each updates the latest
// seat of its level, or adds one; a level no longer held loses its latest seat. Earlier terms' seats stay.
// A town seat belongs to the deputy's 届次; a seat of another level without a term gets its level's current
// term. The 选区 of the town seat is also the deputy's 选区 as lists show it.
func (tx *Tx) saveSeats(d *Deputy) error {
	var held string
	if err := tx.QueryRow(`SELECT coalesce(group_concat(id || char(31) || level || char(31) || coalesce(term_id, 0) || char(31)
		|| coalesce(district_id, 0) || char(31) || start_date || char(31) || coalesce(end_date, '') || char(31) || end_reason
		|| char(31) || is_new, char(30)), '') FROM deputy_levels WHERE deputy_id = ?`, d.ID).Scan(&held); err != nil {
		return err
	}
	existing, _ := splitSeats(held)
	d.Seats = SeatsOf(d.Levels, d.Seats)
	// A 选区 given as text only (an import, a record of before the register) joins the register.
	if i := slices.IndexFunc(d.Seats, func(s Seat) bool { return s.Level == LevelTown }); i >= 0 && d.Seats[i].DistrictID == 0 {
		if n := ParseDistrict(d.District); n >= 1 && n <= 999 {
			if err := tx.setTownDistrict(d, d.District); err != nil {
				return err
			}
		}
	}
	for i := range d.Seats {
		st := &d.Seats[i]
		st.New = d.New
		if st.Level == LevelTown {
			st.TermID = d.TermID
		} else if st.TermID == 0 {
			if err := tx.QueryRow(`SELECT coalesce((SELECT id FROM terms WHERE level = ? AND is_current), 0)`, st.Level).Scan(&st.TermID); err != nil {
				return err
			}
		} else if err := tx.termOfLevel(st.TermID, st.Level); err != nil {
			return err
		}
		if err := tx.districtOfLevel(st.DistrictID, st.Level); err != nil {
			return err
		}
		if st.Start == "" {
			term := st.TermID
			if term == 0 { // a level without terms of its own yet: the day the deputy's term began, as before
				term = d.TermID
			}
			start, err := tx.defaultSeatStart(term)
			if err != nil {
				return err
			}
			st.Start = start
		}
		args := []any{nullID(st.TermID), nullID(st.DistrictID), st.Start, st.End, st.EndReason, st.New}
		if j := slices.IndexFunc(existing, func(x Seat) bool { return x.Level == st.Level }); j >= 0 {
			st.ID = existing[j].ID
			if _, err := tx.Exec(`UPDATE deputy_levels SET term_id = ?, district_id = ?, start_date = ?, end_date = ?, end_reason = ?,
				is_new = ? WHERE id = ?`, append(args, st.ID)...); err != nil {
				return seatConflict(st, err)
			}
			continue
		}
		res, err := tx.Exec(`INSERT INTO deputy_levels (term_id, district_id, start_date, end_date, end_reason, is_new, deputy_id, level)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, append(args, d.ID, st.Level)...)
		if err != nil {
			return seatConflict(st, err)
		}
		st.ID, _ = res.LastInsertId()
	}
	for _, st := range existing {
		if !slices.Contains(d.Levels, st.Level) {
			if _, err := tx.Exec(`DELETE FROM deputy_levels WHERE id = ?`, st.ID); err != nil {
				return err
			}
		}
	}
	if i := slices.IndexFunc(d.Seats, func(s Seat) bool { return s.Level == LevelTown && s.DistrictID != 0 }); i >= 0 {
		var n int
		if err := tx.QueryRow(`SELECT number FROM districts WHERE id = ?`, d.Seats[i].DistrictID).Scan(&n); err != nil {
			return err
		}
		d.District = DistrictName(n)
		if _, err := tx.Exec(`UPDATE deputies SET district = ? WHERE id = ?`, d.District, d.ID); err != nil {
			return err
		}
	}
	return nil
}

// seatConflict names the seat when another seat of the same level begins the same day.
func seatConflict(st *Seat, err error) error {
	if strings.Contains(err.Error(), "UNIQUE") {
		return fieldErr("当选日期("+st.Level+")", "该代表已有一个%s起的%s席位", st.Start.Chinese(), st.Level)
	}
	return fmt.Errorf("保存代表层级: %w", err)
}

// termOfLevel fails with a field error when term is not a term of level.
func (tx *Tx) termOfLevel(term int64, level string) error {
	var l string
	if err := tx.QueryRow(`SELECT level FROM terms WHERE id = ?`, term).Scan(&l); errors.Is(err, sql.ErrNoRows) {
		return fieldErr("届次("+level+")", "引用的届次不存在(编号%d)", term)
	} else if err != nil {
		return err
	}
	if l != level {
		return fieldErr("届次("+level+")", "选择的是%s的届次，不是%s的", l, level)
	}
	return nil
}
