package store

import (
	"context"
	"time"
)

// ReportData is everything the yearly outputs print for a period (SPEC §6.1–6.3): the one figures computation
// and the lists it does not hold. The 报表 tab and `rendadesk export` both read it with LoadReport, so they
// print the same numbers.
type ReportData struct {
	Settings    Settings
	Figures     Figures
	Ledger      []LedgerItem    // T4 办理情况一览表: the period's suggestions, by number, with their handling on AsOf
	Deputies    []Deputy        // T7 代表名册: the deputies in office on Figures.CountedOn, as T6 counts them
	Stations    []ReportStation // T9 家站点建设情况: the stations counted, and any other that worked in the period
	Records     []DeputyRecord  // T10 代表履职情况: the period's days, outcomes on AsOf
	Points      DutyPoints      // 履职积分's points, scoring Records (RankScores) for its table (issue 22)
	ReportBacks []ReportBack    // T11 述职评议: the report-backs of the window, by date
	Meetings    []ReportMeeting
	// Supervision lists the period's campaigns, rectification items and projects (report_supervision.go).
	Supervision SupervisionReport
	Made        time.Time // 制表日期; zero: now
	// Basis is what stands behind the figures, read in the same transaction, for the 报送存档 (ArchiveReport).
	Basis ArchiveBasis

	// reads is how many read transactions LoadReportLocked used (1, or 2 side by side), for its tests.
	reads int
}

// ReportMeeting is a meeting of the period with what T14 and T15 print of it: the agenda, resolutions,
// elections and guests, and the quorum (应到/实到) — filled for the meetings that vote (IsVoting).
type ReportMeeting struct {
	Meeting
	Detail MeetingDetail
	Quorum Quorum
}

// reportBacksIn returns the report-backs dated from..to, by date and name (T11).
func (tx *Tx) reportBacksIn(from, to Date) ([]ReportBack, error) {
	var out []ReportBack
	err := collect(tx, `SELECT r.id, r.deputy_id, r.date, r.form, r.participants, r.excellent, r.competent, r.incompetent, r.notes,
		d.name, r.created_at, r.updated_at FROM report_backs r JOIN deputies d ON d.id = r.deputy_id
		WHERE r.date BETWEEN ? AND ? ORDER BY r.date, d.name, r.id`, []any{from, to}, func(s scanner) error {
		var r ReportBack
		err := s.Scan(&r.ID, &r.DeputyID, &r.Date, &r.Form, &r.Participants, &r.Excellent, &r.Competent, &r.Incompetent, &r.Notes,
			&r.DeputyName, &r.CreatedAt, &r.UpdatedAt)
		out = append(out, r)
		return err
	})
	return out, err
}

// Year is the report's year, from the start of its period.
func (r ReportData) Year() int { return r.Figures.From.Year() }

// LoadReport reads everything the yearly outputs print for the period from..to as it stood on asOf, in one
// read transaction: an edit saved while an export runs is either in every table or in none. A process that
// holds the file still (ExportLock) reads faster with LoadReportLocked, as LoadReport itself does on the
// private copy of an older file, which nobody else writes.
func (db *DB) LoadReport(ctx context.Context, from, to, asOf Date) (ReportData, error) {
	return db.LoadReportLocked(ctx, nil, from, to, asOf)
}

// reportFigures counts the figures of f's period into rep (and the 履职档案 they scored, for T10).
func (tx *Tx) reportFigures(rep *ReportData, f Figures) error {
	if err := tx.figures(&f); err != nil {
		return err
	}
	rep.Figures = f
	// The figures read the same records for the 履职积分 (figures_duty.go): taken, not read twice.
	if rep.Records = f.records; rep.Records == nil {
		var err error
		last := f.CountedOn()
		if rep.Records, err = tx.deputyRecordsIn(f.From.Year(), string(f.From), string(last), string(f.AsOf), 0); err != nil {
			return err
		}
	}
	return nil
}

// reportLists reads into rep what the tables print beside the figures of f's period: the settings, the basis
// of the 报送存档 and the lists. It needs of f only the period (figurePeriod) and the settings it reads.
func (tx *Tx) reportLists(rep *ReportData, f Figures) error {
	var err error
	if rep.Settings, err = readSettings(tx); err != nil {
		return err
	}
	f.takeSettings(rep.Settings)
	// The basis reads the figures' row of every item (figureRows): the ledger takes its outcome, grade and 按期
	// from there rather than computing the rows again.
	figs := map[int64]itemFigures{}
	if rep.Basis, err = tx.archiveBasisAnd(f, func(it ArchivedItem, outcome, grade string) {
		figs[it.ID] = itemFigures{outcome, grade, it.Mask}
	}); err != nil {
		return err
	}
	last := f.CountedOn()
	if rep.Ledger, err = tx.ledger(f, figs); err != nil {
		return err
	}
	if rep.Deputies, _, err = tx.deputies(DeputyFilter{OnRoll: last}); err != nil {
		return err
	}
	if rep.Stations, err = tx.reportStations(f); err != nil {
		return err
	}
	if rep.Points, err = tx.dutyPoints(); err != nil { // issue 22: 履职积分 from the same records
		return err
	}
	if rep.ReportBacks, err = tx.reportBacksIn(f.From, last); err != nil {
		return err
	}
	if rep.Supervision, err = tx.supervisionReport(f); err != nil {
		return err
	}
	meetings, _, err := tx.meetings(MeetingFilter{From: f.From, To: last, Sort: "date"})
	if err != nil {
		return err
	}
	rep.Meetings = make([]ReportMeeting, len(meetings))
	for i, m := range meetings {
		rep.Meetings[i].Meeting = m
		if !m.IsVoting() {
			continue
		}
		if rep.Meetings[i].Detail, err = tx.meetingDetail(m.ID); err != nil {
			return err
		}
		if rep.Meetings[i].Quorum, err = tx.quorum(m.ID); err != nil {
			return err
		}
	}
	return nil
}
