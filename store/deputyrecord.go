package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// A deputy's duty record (履职档案, domain.md §2.16) is a derived view: one deputy's year, counted from
// attendance, suggestions, reception duty and report-backs. The same figures feed the 代表 tab, the one-page
// 履职档案 PDF and the all-deputies table T10, so they are computed here once.
//
// What a year holds: meetings that start in it, suggestions received in it (Suggestion.Year), receptions and
// report-backs dated in it. Outcomes are counted as of a day (DeputyRecord.AsOf) by the figures' own rule
// (figureRows): today for the 代表 tab and its printouts, the report date for the yearly report's T10.

// AttendanceCount is how often a deputy was marked at the meetings of one kind (出席/请假/缺席/列席).
type AttendanceCount struct {
	Kind      string // a MeetingKinds value; AttendanceTotal for the sum over kinds
	Present   int    // 出席
	Leave     int    // 请假
	Absent    int    // 缺席
	NonVoting int    // 列席
}

// AttendanceTotal is the Kind of the sum over every kind.
const AttendanceTotal = "合计"

// Marked is the number of meetings the deputy has a mark at.
func (a AttendanceCount) Marked() int { return a.Present + a.Leave + a.Absent + a.NonVoting }

// TookPart counts 出席 and 列席: the meetings the deputy was at.
func (a AttendanceCount) TookPart() int { return a.Present + a.NonVoting }

func (a *AttendanceCount) add(b AttendanceCount) {
	a.Present += b.Present
	a.Leave += b.Leave
	a.Absent += b.Absent
	a.NonVoting += b.NonVoting
}

// OutcomeUnanswered is the outcome bucket of items without a reply (not yet replied, forwarded without an
// answer, or terminated), so that the buckets of RecordOutcomes add up to the items led.
const OutcomeUnanswered = "未答复"

// RecordOutcomes are the outcome buckets of a deputy's led suggestions, in print order (A–D, then 未答复).
var RecordOutcomes = []string{OutcomeSolved, OutcomeSolving, OutcomePlanned, OutcomeReference, OutcomeUnanswered}

// DeputyRecord is one deputy's year (履职档案).
type DeputyRecord struct {
	Deputy   Deputy
	Year     int
	Stations []string // names of the stations the deputy is stationed at (进站), by name

	// Attendance per meeting kind, in MeetingKinds order, only kinds the deputy has a mark at; Total sums them.
	Attendance []AttendanceCount
	Total      AttendanceCount
	// Activities is how many meetings and activities other than the 人民代表大会会议 the deputy took part in
	// (出席 or 列席): 主席团会议, 视察, 调研, 代表小组活动, 培训学习 …
	Activities int

	Led         int            // suggestions the deputy led (领衔), received in the year, of every kind
	LedSession  int            // of which raised during a 人代会 (the rest between sessions)
	LedOutcomes map[string]int // Led by outcome on AsOf; keys RecordOutcomes, adding up to Led
	AsOf        Date           // the day the outcomes are counted on
	Cosigned    int            // suggestions the deputy co-signed (联名)

	Receptions int // receptions at a station with the deputy on duty (进站接待)
	Voters     int // voters received at those receptions (人次)

	// Contact with voters (联系选民, contact.go): the year's visits and the voters met on them, the households
	// the deputy keeps in touch with, and the visits the settings ask for in a year.
	Visits, VisitVoters, Households, VisitNorm int
	// Contact is the deputy's standing against the norm on the record's counted day (the period's last day, or
	// the data date when earlier), by the one rule of contactStatuses that 概览 and the report text use too;
	// nil when the deputy holds no seat that day (not counted for the norm).
	Contact *ContactStatus

	ReportBacks []ReportBack // the year's report-backs to voters (述职评议), by date

	// Training is the trainings attended (出席) in the year and their hours (issue 22, training.go).
	Training TraineeHours
	// Awards are the year's awards the presidium chose the deputy for (评先评优, figures_award.go):
	// 「2026年度优秀人大代表」.
	Awards []string

	Photo *PrintImage // the deputy's photo for the 履职档案 (DeputyFileDoc reads it), nil when there is none
}

// Kind returns the attendance at meetings of one kind (zero when the deputy has no mark at any).
func (r DeputyRecord) Kind(kind string) AttendanceCount {
	for _, a := range r.Attendance {
		if a.Kind == kind {
			return a
		}
	}
	return AttendanceCount{Kind: kind}
}

// Solved is the number of led suggestions whose outcome on AsOf is 已解决.
func (r DeputyRecord) Solved() int { return r.LedOutcomes[OutcomeSolved] }

// LedRecess is the number of led suggestions raised between sessions.
func (r DeputyRecord) LedRecess() int { return r.Led - r.LedSession }

// Percent renders n as a share of the participants with prec decimals (63.0%), or 「—」 when nobody took part:
// the percentages of a report-back are of 参加评议人数, not of the grades' sum (domain.md §2.17).
func (r ReportBack) Percent(n, prec int) string {
	return Rate{Num: n, Den: max(r.Participants, 0)}.Percent(prec) // the one rounding: half away from zero
}

// DeputyRecord returns one deputy's record of a year, whether or not the deputy held a seat all year.
func (db *DB) DeputyRecord(ctx context.Context, deputyID int64, year int) (DeputyRecord, error) {
	var rec DeputyRecord
	err := db.view(ctx, func(tx *Tx) error {
		if _, err := tx.deputy(deputyID); err != nil {
			return err
		}
		recs, err := tx.deputyRecords(year, deputyID)
		if err != nil {
			return err
		}
		if len(recs) != 1 {
			return Errorf(ENOTFOUND, "代表不存在(编号%d)", deputyID)
		}
		rec = recs[0]
		return nil
	})
	return rec, err
}

// DeputyRecords returns the records of a year of every deputy who held a seat during it (elected by 31
// December and not vacated by 1 January: seat.go), by group and name as the roster lists them.
func (db *DB) DeputyRecords(ctx context.Context, year int) ([]DeputyRecord, error) {
	var out []DeputyRecord
	err := db.view(ctx, func(tx *Tx) error {
		var err error
		out, err = tx.deputyRecords(year, 0)
		return err
	})
	return out, err
}

// deputyRecords computes the records of one deputy (deputyID ≠ 0) or of every deputy in office during the
// year with a handful of grouped queries, whatever the number of deputies.
func (tx *Tx) deputyRecords(year int, deputyID int64) ([]DeputyRecord, error) {
	if year < 1900 || year > 2200 {
		return nil, fieldErr("年度", "(%d)不是合理的年份", year)
	}
	y := YearPeriod(year)
	return tx.deputyRecordsIn(year, string(y.From), string(y.To), string(DateOf(tx.now)), deputyID)
}

// deputyRecordsIn computes the records of the days from..to, with the led suggestions' outcomes as of asOf;
// year labels them. The report counts T10 with it over its own period and report date (within one year:
// 年初以来, or a 报表 period of the clerk's choosing), so that T10 counts the same days, and the same
// outcomes, as the rest of the report.
func (tx *Tx) deputyRecordsIn(year int, from, to, asOf string, deputyID int64) ([]DeputyRecord, error) {
	return tx.deputyRecordsKnowing(year, from, to, asOf, deputyID, nil)
}

// dayContacts are the deputies' standings against the contact norm on a day (contactStatuses(day, false)).
type dayContacts struct {
	day  Date
	list []ContactStatus
}

// deputyRecordsKnowing is deputyRecordsIn taking from known, the figures counted just before in the same
// transaction (nil: none), what they read for the same window: the contact standings of the day the records
// are counted on, and what each deputy led (suggestionFigures), so that neither is read twice.
func (tx *Tx) deputyRecordsKnowing(year int, from, to, asOf string, deputyID int64, known *Figures) ([]DeputyRecord, error) {

	// only restricts a grouped query to the one deputy; for all deputies the rows of deputies out of office
	// are simply not looked up.
	only := func(col string) (string, []any) {
		if deputyID == 0 {
			return "", nil
		}
		return " AND " + col + " = ?", []any{deputyID}
	}

	var recs []DeputyRecord
	index := map[int64]*DeputyRecord{}
	cond, args := deputyHeld("?1", "?2"), []any{from, to}
	if deputyID != 0 {
		cond, args = `d.id = ?`, []any{deputyID}
	}
	if err := collect(tx, `SELECT `+deputyColumns+` FROM deputies d LEFT JOIN deputy_groups g ON g.id = d.group_id
		WHERE `+cond+` ORDER BY coalesce(g.id, 1e18), d.name, d.id`, args, func(s scanner) error {
		d, err := scanDeputy(s)
		recs = append(recs, DeputyRecord{Deputy: d, Year: year, LedOutcomes: map[string]int{}, AsOf: Date(asOf)})
		return err
	}); err != nil {
		return nil, fmt.Errorf("查询代表: %w", err)
	}
	for i := range recs {
		index[recs[i].Deputy.ID] = &recs[i]
	}

	extra, xargs := only("sd.deputy_id")
	if err := collect(tx, `SELECT sd.deputy_id, s.name FROM station_deputies sd JOIN stations s ON s.id = sd.station_id
		WHERE 1`+extra+` ORDER BY s.name`, xargs, func(s scanner) error {
		var id int64
		var name string
		if err := s.Scan(&id, &name); err != nil {
			return err
		}
		if r := index[id]; r != nil {
			r.Stations = append(r.Stations, name)
		}
		return nil
	}); err != nil {
		return nil, fmt.Errorf("查询进站情况: %w", err)
	}

	extra, xargs = only("a.deputy_id")
	// Counted here, one row per mark: SQL's GROUP BY sorted 28 000 marks of the stress year into 17 000 groups
	// of six columns, which took twice as long as reading the marks.
	if err := collect(tx, `SELECT a.deputy_id, m.kind, a.status FROM attendance a JOIN meetings m ON m.id = a.meeting_id
		WHERE m.start_date BETWEEN ? AND ?`+extra, append([]any{from, to}, xargs...),
		func(s scanner) error {
			var id int64
			var kind, status string
			if err := s.Scan(&id, &kind, &status); err != nil {
				return err
			}
			r := index[id]
			if r == nil {
				return nil
			}
			i := slices.IndexFunc(r.Attendance, func(c AttendanceCount) bool { return c.Kind == kind })
			if i < 0 {
				r.Attendance = append(r.Attendance, AttendanceCount{Kind: kind})
				i = len(r.Attendance) - 1
			}
			switch c := &r.Attendance[i]; status {
			case "出席":
				c.Present++
			case "请假":
				c.Leave++
			case "缺席":
				c.Absent++
			case "列席":
				c.NonVoting++
			}
			return nil
		}); err != nil {
		return nil, fmt.Errorf("统计出席情况: %w", err)
	}

	// The outcome on asOf is the figures' (figureRows: ?1 the day, ?2–?3 the received dates); the other
	// arguments follow as ?4 on.
	if l := known.ledIn(asOf, from, to); l != nil && deputyID == 0 {
		for id, c := range l.byDeputy {
			if r := index[id]; r != nil {
				r.Led, r.LedSession = c.led, c.session
				for i, o := range Outcomes {
					r.LedOutcomes[o] = c.outcomes[i]
				}
				r.LedOutcomes[OutcomeUnanswered] = c.led - c.outcomes[0] - c.outcomes[1] - c.outcomes[2] - c.outcomes[3]
			}
		}
	} else if err := tx.recordLed(index, asOf, from, to, deputyID); err != nil {
		return nil, err
	}

	extra, xargs = only("c.deputy_id")
	if err := collect(tx, `SELECT c.deputy_id, count(*) FROM suggestion_cosigners c JOIN suggestions s ON s.id = c.suggestion_id
		WHERE s.received BETWEEN ? AND ?`+extra+` GROUP BY c.deputy_id`, append([]any{from, to}, xargs...), func(s scanner) error {
		var id int64
		var n int
		if err := s.Scan(&id, &n); err != nil {
			return err
		}
		if r := index[id]; r != nil {
			r.Cosigned = n
		}
		return nil
	}); err != nil {
		return nil, fmt.Errorf("统计联名建议: %w", err)
	}

	extra, xargs = only("rd.deputy_id")
	if err := collect(tx, `SELECT rd.deputy_id, count(*), coalesce(sum(r.voters), 0) FROM reception_deputies rd
		JOIN receptions r ON r.id = rd.reception_id WHERE r.date BETWEEN ? AND ?`+extra+` GROUP BY rd.deputy_id`,
		append([]any{from, to}, xargs...), func(s scanner) error {
			var id int64
			var n, voters int
			if err := s.Scan(&id, &n, &voters); err != nil {
				return err
			}
			if r := index[id]; r != nil {
				r.Receptions, r.Voters = n, voters
			}
			return nil
		}); err != nil {
		return nil, fmt.Errorf("统计进站接待: %w", err)
	}

	extra, xargs = only("r.deputy_id")
	if err := collect(tx, `SELECT r.id, r.deputy_id, r.date, r.form, r.participants, r.excellent, r.competent, r.incompetent,
		r.notes, d.name, r.created_at, r.updated_at FROM report_backs r JOIN deputies d ON d.id = r.deputy_id
		WHERE r.date BETWEEN ? AND ?`+extra+` ORDER BY r.date, r.id`, append([]any{from, to}, xargs...), func(s scanner) error {
		var b ReportBack
		if err := s.Scan(&b.ID, &b.DeputyID, &b.Date, &b.Form, &b.Participants, &b.Excellent, &b.Competent, &b.Incompetent,
			&b.Notes, &b.DeputyName, &b.CreatedAt, &b.UpdatedAt); err != nil {
			return err
		}
		if r := index[b.DeputyID]; r != nil {
			r.ReportBacks = append(r.ReportBacks, b)
		}
		return nil
	}); err != nil {
		return nil, fmt.Errorf("查询述职评议: %w", err)
	}

	if err := tx.recordTraining(index, from, to, deputyID); err != nil { // issue 22: 培训学时
		return nil, err
	}
	var statuses []ContactStatus
	if known != nil && known.contacts != nil && known.contacts.day == Date(min(to, asOf)) {
		statuses = known.contacts.list
	} else {
		var err error
		if statuses, err = tx.contactStatuses(Date(min(to, asOf)), false); err != nil {
			return nil, fmt.Errorf("统计联系选民: %w", err)
		}
	}
	if err := tx.recordContact(recs, index, from, min(to, asOf), statuses); err != nil {
		return nil, fmt.Errorf("统计联系选民: %w", err)
	}
	if err := tx.recordAwards(year, asOf, index); err != nil { // issue 22 part 4
		return nil, fmt.Errorf("查询评先评优: %w", err)
	}

	for i := range recs {
		r := &recs[i]
		slices.SortFunc(r.Attendance, func(a, b AttendanceCount) int {
			if d := kindOrder(a.Kind) - kindOrder(b.Kind); d != 0 {
				return d
			}
			return strings.Compare(a.Kind, b.Kind)
		})
		r.Total = AttendanceCount{Kind: AttendanceTotal}
		for _, a := range r.Attendance {
			r.Total.add(a)
			if a.Kind != MeetingCongress {
				r.Activities += a.TookPart()
			}
		}
	}
	return recs, nil
}

// recordLed fills what the deputies of index led among the items received from..to, their outcomes on asOf
// (the figures' own rows, figureRows), for one deputy when deputyID is not 0.
func (tx *Tx) recordLed(index map[int64]*DeputyRecord, asOf, from, to string, deputyID int64) error {
	only := func(col string) (string, []any) {
		if deputyID == 0 {
			return "", nil
		}
		return " AND " + col + " = ?", []any{deputyID}
	}
	extra, xargs := only("s.lead_deputy_id")
	// For every deputy the window's rows are computed once (MATERIALIZED): flattened, each of the four sums
	// of x.outcome recomputed the outcome's correlated subqueries. For one deputy, flattened, only that
	// deputy's items are looked at.
	materialized := " MATERIALIZED"
	if deputyID != 0 {
		materialized = ""
	}
	if err := collect(tx, `WITH x AS`+materialized+` (`+figureRows+`)
		SELECT s.lead_deputy_id, count(*), sum(x.period = ?), sum(x.outcome = ?), sum(x.outcome = ?),
		sum(x.outcome = ?), sum(x.outcome = ?) FROM x JOIN suggestions s ON s.id = x.id
		WHERE s.lead_deputy_id IS NOT NULL`+extra+` GROUP BY s.lead_deputy_id`,
		append([]any{asOf, from, to, PeriodSession, OutcomeSolved, OutcomeSolving, OutcomePlanned, OutcomeReference}, xargs...),
		func(s scanner) error {
			var id int64
			var led, session, a, b, c, d int
			if err := s.Scan(&id, &led, &session, &a, &b, &c, &d); err != nil {
				return err
			}
			if r := index[id]; r != nil {
				r.Led, r.LedSession = led, session
				r.LedOutcomes[OutcomeSolved], r.LedOutcomes[OutcomeSolving] = a, b
				r.LedOutcomes[OutcomePlanned], r.LedOutcomes[OutcomeReference] = c, d
				r.LedOutcomes[OutcomeUnanswered] = led - a - b - c - d
			}
			return nil
		}); err != nil {
		return fmt.Errorf("统计领衔建议: %w", err)
	}

	return nil
}

// ledIn is what the figures f counted each deputy to have led in the window of figureRows' arguments asOf,
// from and to; nil when f is nil or counted another window.
func (f *Figures) ledIn(asOf, from, to string) *windowLed {
	if f == nil || f.led == nil || f.led.asOf != asOf || f.led.from != from || f.led.to != to {
		return nil
	}
	return f.led
}

// kindOrder places a meeting kind in MeetingKinds order; a kind no longer listed goes last.
func kindOrder(kind string) int {
	if i := slices.Index(MeetingKinds, kind); i >= 0 {
		return i
	}
	return len(MeetingKinds)
}
