package store

import "slices"

// The figures of the meetings and activities of a period: meetings by kind, special reports, law checks,
// inspections and research, resolutions passed, receptions and report-backs.

// CongressSession is a 人民代表大会会议 of the period as T15 and the report text state it.
type CongressSession struct {
	MeetingID  int64
	Title      string // 青山镇第十八届人民代表大会第三次会议
	Start, End Date
	Expected   int      // 应到: the town deputies on its roll that day (quorum.go); 0 when nobody is on it
	Present    int      // 实到 among them
	Leave      int      // 请假
	Guests     []string // 列席人员
	Reports    []string // the agenda items deliberating a report (审议报告), in agenda order
	Passed     []string // the resolutions and decisions passed by the rule (quorum.go), in order
	Elections  []SessionElection
	Received   int // suggestions raised at it (人代会期间, this session) received in the window
}

// SessionElection is an election or by-election of a session with those elected.
type SessionElection struct {
	Kind     string // 选举 / 补选
	Position string
	Elected  []string
}

// ReportBackLevel counts the deputies of one level who reported back to voters in the period: Oral gave at
// least one oral report-back, Written only written ones.
type ReportBackLevel struct {
	Level    string
	Deputies int
	Oral     int
	Written  int
}

// meetingFigures counts the meetings and activities of the window, their special reports and resolutions,
// and the receptions and report-backs.
func (tx *Tx) meetingFigures(f *Figures) error {
	from, last := f.From, f.last()
	byKind := map[string]int{}
	if err := collect(tx, `SELECT kind, count(*) FROM meetings WHERE start_date BETWEEN ? AND ? GROUP BY kind`, []any{from, last},
		func(s scanner) error {
			var k string
			var n int
			err := s.Scan(&k, &n)
			byKind[k] = n
			return err
		}); err != nil {
		return err
	}
	f.Meetings = nil
	for _, k := range MeetingKinds {
		f.Meetings = append(f.Meetings, KindCount{k, byKind[k]})
	}
	var others []string
	for k := range byKind {
		if !slices.Contains(MeetingKinds, k) {
			others = append(others, k)
		}
	}
	slices.Sort(others)
	for _, k := range others {
		f.Meetings = append(f.Meetings, KindCount{k, byKind[k]})
	}

	// 项 counts topics: a law checked (or an inspection made) on several days is one 项.
	if err := tx.QueryRow(`SELECT
		(SELECT count(DISTINCT CASE WHEN law != '' THEN law ELSE title END) FROM meetings WHERE kind = ?3 AND start_date BETWEEN ?1 AND ?2),
		(SELECT count(DISTINCT kind || char(31) || title) FROM meetings WHERE kind IN (?4, ?5) AND start_date BETWEEN ?1 AND ?2),
		(SELECT count(*) FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE m.kind IN (?6, ?7)
			AND a.kind = '审议报告' AND a.report = '专项工作报告' AND m.start_date BETWEEN ?1 AND ?2)`,
		from, last, MeetingLawCheck, MeetingInspect, MeetingResearch, MeetingPresidium, MeetingCongress).
		Scan(&f.LawChecks, &f.InspectionsResearch, &f.SpecialReports); err != nil {
		return err
	}

	// A resolution passes when more than half of the meeting's roll voted for it (tx.roll in quorum.go): the
	// town deputies of its term (its own, or the one covering its day) holding a seat on its day for a 人代会,
	// the presidium members for a 主席团会议; other meetings have no voting base. One base per meeting.
	if err := tx.QueryRow(`WITH mt AS MATERIALIZED (
			SELECT m.id, m.kind, m.start_date
			FROM meetings m WHERE m.kind IN (?3, ?4) AND m.start_date BETWEEN ?1 AND ?2),
		mb AS MATERIALIZED (
			SELECT mt.id, CASE mt.kind
				WHEN ?3 THEN (SELECT count(*) FROM deputies d JOIN deputy_levels l ON l.deputy_id = d.id AND l.level = '镇级'
					WHERE `+seatHeld("mt.start_date", "mt.start_date")+`)
				ELSE (SELECT count(*) FROM deputies d JOIN deputy_roles ro ON ro.deputy_id = d.id AND ro.role = '主席团成员'
					WHERE `+deputyHeld("mt.start_date", "mt.start_date")+`)
				END AS base
			FROM mt WHERE mt.id IN (SELECT meeting_id FROM resolutions WHERE kind IN ('决议', '决定')))
		SELECT count(*), coalesce(sum(coalesce(mb.base, 0) > 0 AND 2 * r.votes_for > mb.base), 0)
		FROM resolutions r JOIN meetings m ON m.id = r.meeting_id LEFT JOIN mb ON mb.id = r.meeting_id
		WHERE r.kind IN ('决议', '决定') AND m.start_date BETWEEN ?1 AND ?2`,
		from, last, MeetingCongress, MeetingPresidium).Scan(&f.ResolutionsEntered, &f.Resolutions); err != nil {
		return err
	}

	if err := tx.QueryRow(`SELECT count(*), coalesce(sum(voters), 0) FROM receptions WHERE date BETWEEN ? AND ?`, from, last).
		Scan(&f.Receptions, &f.ReceptionVoters); err != nil {
		return err
	}
	if err := tx.QueryRow(`SELECT coalesce(sum(form = '口头'), 0), coalesce(sum(form = '书面'), 0) FROM report_backs WHERE date BETWEEN ? AND ?`,
		from, last).Scan(&f.ReportBacksOral, &f.ReportBacksWritten); err != nil {
		return err
	}
	levels := map[string]ReportBackLevel{}
	if err := collect(tx, `SELECT l.level, count(DISTINCT rb.deputy_id), count(DISTINCT CASE WHEN rb.form = '口头' THEN rb.deputy_id END)
		FROM report_backs rb JOIN deputy_levels l ON l.deputy_id = rb.deputy_id WHERE rb.date BETWEEN ? AND ? GROUP BY l.level`,
		[]any{from, last}, func(s scanner) error {
			var r ReportBackLevel
			err := s.Scan(&r.Level, &r.Deputies, &r.Oral)
			r.Written = r.Deputies - r.Oral
			levels[r.Level] = r
			return err
		}); err != nil {
		return err
	}
	f.ReportBackLevels = nil
	for _, l := range DeputyLevels {
		if r, ok := levels[l]; ok {
			f.ReportBackLevels = append(f.ReportBackLevels, r)
		}
	}
	return tx.sessionFigures(f)
}

// sessionFigures reads the sessions of the window (a few a year): each one's roll and attendance, the reports
// on its agenda, the resolutions passed by the rule, the elections and the suggestions raised at it.
func (tx *Tx) sessionFigures(f *Figures) error {
	f.Sessions = nil
	var ids []int64
	if err := collect(tx, `SELECT id FROM meetings WHERE kind = ? AND start_date BETWEEN ? AND ? ORDER BY start_date, id`,
		[]any{MeetingCongress, f.From, f.last()}, func(s scanner) error {
			var id int64
			err := s.Scan(&id)
			ids = append(ids, id)
			return err
		}); err != nil {
		return err
	}
	for _, id := range ids {
		m, err := tx.meeting(id)
		if err != nil {
			return err
		}
		d, err := tx.meetingDetail(id)
		if err != nil {
			return err
		}
		q, err := tx.quorum(id)
		if err != nil {
			return err
		}
		cs := CongressSession{MeetingID: id, Title: m.Title, Start: m.Start, End: m.End, Expected: q.Base, Present: q.Present,
			Leave: q.Leave}
		for _, g := range d.Guests {
			cs.Guests = append(cs.Guests, g.Name)
		}
		for _, a := range d.Agenda {
			if a.Kind == "审议报告" || a.Report != "" {
				cs.Reports = append(cs.Reports, a.Title)
			}
		}
		for _, r := range d.Resolutions {
			if passed, _ := q.ResolutionResult(r); passed {
				cs.Passed = append(cs.Passed, r.Title)
			}
		}
		for _, e := range d.Elections {
			se := SessionElection{Kind: e.Kind, Position: e.Position}
			for _, c := range e.Candidates {
				if c.Elected {
					se.Elected = append(se.Elected, c.Name)
				}
			}
			if len(se.Elected) > 0 {
				cs.Elections = append(cs.Elections, se)
			}
		}
		if err := tx.QueryRow(`SELECT count(*) FROM suggestions WHERE session_id = ? AND period = ? AND received BETWEEN ? AND ?`,
			id, PeriodSession, f.From, f.last()).Scan(&cs.Received); err != nil {
			return err
		}
		f.Sessions = append(f.Sessions, cs)
	}
	return nil
}
