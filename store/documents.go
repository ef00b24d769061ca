package store

import (
	"context"
	"slices"
)

// The data behind each printed document (SPEC §6.4–6.6), each read in one transaction so that a document never
// mixes two states of the file. The window's 打印 buttons and `rendadesk print` call the same loader and hand
// its result to the same writer in export.

// SuggestionDoc is what the forms of one item print (交办单, 代表意见征询表, 建议办理过程单): the item with the
// names beside it, its handling record and its timeline, and the office settings they are headed with.
type SuggestionDoc struct {
	Settings Settings
	Item     NamedSuggestion
	Handling Handling
	Timeline []Step
}

// SuggestionDoc reads the forms' data of the item with internal id id.
func (db *DB) SuggestionDoc(ctx context.Context, id int64) (doc SuggestionDoc, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		if doc.Settings, err = readSettings(tx); err != nil {
			return err
		}
		s, err := tx.suggestion(id)
		if err != nil {
			return err
		}
		named, err := tx.named([]Suggestion{s})
		if err != nil {
			return err
		}
		doc.Item = named[0]
		if doc.Handling, err = tx.handling(id); err != nil {
			return err
		}
		files, err := tx.attachments(Owner{OwnerSuggestion, id})
		if err != nil {
			return err
		}
		doc.Handling.Attachments = files.Items
		doc.Timeline, err = tx.timeline(id)
		return err
	})
	return doc, err
}

// UnitItems is one handling unit's section of a 交办清单 or 督办通知.
type UnitItems struct {
	Unit      string
	Items     []NamedSuggestion // the unit is the main unit (主办)
	Assisting []NamedSuggestion // the unit assists (协办); the 交办清单 lists them after its own
}

// UnitListDoc is a list of items by handling unit, in the units' order: the 交办清单 or the 督办通知.
type UnitListDoc struct {
	Settings Settings
	Sections []UnitItems // units without items are left out
}

// AssignListDoc reads the 交办清单 of a year: every assigned item of the year under its main unit and, after
// them, the items each unit assists with. unitID ≠ 0 keeps that one unit. A year (or unit) without an
// assigned item is an ENOTFOUND error that says so.
func (db *DB) AssignListDoc(ctx context.Context, year int, unitID int64) (doc UnitListDoc, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		unit, err := tx.unitOrAll(unitID)
		if err != nil {
			return err
		}
		items, _, err := tx.suggestions(SuggestionFilter{Year: year, UnitID: unitID, Sort: "number"})
		if err != nil {
			return err
		}
		items = slices.DeleteFunc(items, func(s Suggestion) bool { return s.MainUnitID == 0 })
		if doc, err = tx.unitListDoc(items, unitID, true); err != nil {
			return err
		}
		if len(doc.Sections) == 0 {
			if unitID != 0 {
				return Errorf(ENOTFOUND, "%d年没有交办给「%s」的建议，未生成文件", year, unit.Name)
			}
			return Errorf(ENOTFOUND, "%d年没有已交办的建议，未生成文件", year)
		}
		return nil
	})
	return doc, err
}

// OverdueDoc reads the 督办通知: the items overdue on today (being handled, deadline passed, no reply) under
// their main unit. unitID ≠ 0 keeps that one unit. None is an ENOTFOUND error that says so.
func (db *DB) OverdueDoc(ctx context.Context, today Date, unitID int64) (doc UnitListDoc, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		unit, err := tx.unitOrAll(unitID)
		if err != nil {
			return err
		}
		items, _, err := tx.suggestions(SuggestionFilter{Overdue: true, Today: today, UnitID: unitID, Sort: "number"})
		if err != nil {
			return err
		}
		if doc, err = tx.unitListDoc(items, unitID, false); err != nil {
			return err
		}
		if len(doc.Sections) == 0 {
			who := ""
			if unitID != 0 {
				who = "「" + unit.Name + "」"
			}
			return Errorf(ENOTFOUND, "截至%s%s没有逾期未答复的建议，未生成文件", today.Chinese(), who)
		}
		return nil
	})
	return doc, err
}

// unitOrAll returns the unit with id unitID, or the zero Unit for 0 (every unit).
func (tx *Tx) unitOrAll(unitID int64) (Unit, error) {
	if unitID == 0 {
		return Unit{}, nil
	}
	units, err := tx.units()
	if err != nil {
		return Unit{}, err
	}
	for _, u := range units {
		if u.ID == unitID {
			return u, nil
		}
	}
	return Unit{}, Errorf(ENOTFOUND, "承办单位不存在(编号%d)", unitID)
}

// unitListDoc groups items by unit in the units' order: each unit's items as main unit and, when assisting is
// set, those it assists. only ≠ 0 keeps that one unit.
func (tx *Tx) unitListDoc(items []Suggestion, only int64, assisting bool) (UnitListDoc, error) {
	var doc UnitListDoc
	st, err := readSettings(tx)
	if err != nil {
		return doc, err
	}
	doc.Settings = st
	units, err := tx.units()
	if err != nil {
		return doc, err
	}
	named, err := tx.named(items)
	if err != nil {
		return doc, err
	}
	for _, u := range units {
		if only != 0 && u.ID != only {
			continue
		}
		sec := UnitItems{Unit: u.Name}
		for _, it := range named {
			switch {
			case it.MainUnitID == u.ID:
				sec.Items = append(sec.Items, it)
			case assisting && slices.Contains(it.AssistUnitIDs, u.ID):
				sec.Assisting = append(sec.Assisting, it)
			}
		}
		if len(sec.Items)+len(sec.Assisting) > 0 {
			doc.Sections = append(doc.Sections, sec)
		}
	}
	return doc, nil
}

// MeetingDoc is what a meeting's printed materials show: the meeting, its attendance, agenda, resolutions and
// elections, its quorum, and the deputies its sign-in sheet lists.
type MeetingDoc struct {
	Settings Settings
	Meeting  Meeting
	Detail   MeetingDetail
	Quorum   Quorum
	Expected []Deputy // the sign-in sheet's rows: see SignInRoll
}

// MeetingDoc reads the materials' data of the meeting with id id.
func (db *DB) MeetingDoc(ctx context.Context, id int64) (doc MeetingDoc, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		if doc.Settings, err = readSettings(tx); err != nil {
			return err
		}
		if doc.Meeting, err = tx.meeting(id); err != nil {
			return err
		}
		if doc.Detail, err = tx.meetingDetail(id); err != nil {
			return err
		}
		if doc.Quorum, err = tx.quorum(id); err != nil {
			return err
		}
		doc.Expected, err = tx.signInRoll(doc.Meeting, doc.Quorum, doc.Detail)
		return err
	})
	return doc, err
}

// signInRoll is who a meeting's sign-in sheet lists: for a meeting with a voting base (人代会, 主席团会议) its
// roll on the meeting's day; for any other meeting whose attendance is recorded, the deputies recorded (an
// inspection expects the deputies invited, not every deputy in office); otherwise the whole roll.
func (tx *Tx) signInRoll(m Meeting, q Quorum, d MeetingDetail) ([]Deputy, error) {
	if q.Base > 0 || len(d.Attendance) == 0 {
		return tx.expectedAttendees(m)
	}
	ids := make([]int64, len(d.Attendance))
	for i, a := range d.Attendance {
		ids[i] = a.DeputyID
	}
	ds, _, err := tx.deputies(DeputyFilter{IDs: ids})
	return ds, err
}

// RosterDoc is the roster of the deputies in office (代表名册), by group and then name.
type RosterDoc struct {
	Settings Settings
	Deputies []Deputy
}

// RosterDoc reads the roster of the deputies in office (在任) with a seat not ended by today, so that after a
// 换届 the deputies who did not continue (their seats ended 届满) are not listed. None is an ENOTFOUND error.
func (db *DB) RosterDoc(ctx context.Context) (doc RosterDoc, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		if doc.Settings, err = readSettings(tx); err != nil {
			return err
		}
		if doc.Deputies, _, err = tx.deputies(DeputyFilter{Status: DeputyActive}); err != nil {
			return err
		}
		today := DateOf(tx.now)
		doc.Deputies = slices.DeleteFunc(doc.Deputies, func(d Deputy) bool {
			return len(d.Seats) > 0 && !slices.ContainsFunc(d.Seats, func(s Seat) bool { return s.End == "" || s.End > today })
		})
		if len(doc.Deputies) == 0 {
			return Errorf(ENOTFOUND, "没有在任的代表，未生成代表名册")
		}
		return nil
	})
	return doc, err
}

// DeputyDoc is the 履职档案 of one deputy or the 履职情况统计表 (T10) of all, for a year.
type DeputyDoc struct {
	Settings Settings
	Year     int
	Records  []DeputyRecord
}

// DeputyFileDoc reads one deputy's 履职档案 of a year, whether or not the deputy held a seat all year, with the
// deputy's photo when one is attached.
func (db *DB) DeputyFileDoc(ctx context.Context, deputyID int64, year int) (doc DeputyDoc, err error) {
	doc.Year = year
	err = db.view(ctx, func(tx *Tx) error {
		if doc.Settings, err = readSettings(tx); err != nil {
			return err
		}
		if _, err := tx.deputy(deputyID); err != nil {
			return err
		}
		doc.Records, err = tx.deputyRecords(year, deputyID)
		if err == nil && len(doc.Records) != 1 {
			err = Errorf(ENOTFOUND, "代表不存在(编号%d)", deputyID)
		}
		if err == nil {
			doc.Records[0].Photo, err = tx.photoOf(Owner{OwnerDeputy, deputyID}, deputyPhotoSide)
		}
		return err
	})
	return doc, err
}

// DeputyTableDoc reads the records of a year of every deputy who held a seat during it. None is an ENOTFOUND
// error.
func (db *DB) DeputyTableDoc(ctx context.Context, year int) (doc DeputyDoc, err error) {
	doc.Year = year
	err = db.view(ctx, func(tx *Tx) error {
		if doc.Settings, err = readSettings(tx); err != nil {
			return err
		}
		if doc.Records, err = tx.deputyRecords(year, 0); err != nil {
			return err
		}
		if len(doc.Records) == 0 {
			return Errorf(ENOTFOUND, "%d年没有在任的代表，未生成文件", year)
		}
		return nil
	})
	return doc, err
}

// ReportBackDoc is the 述职评议统计表 (T11) of a year.
type ReportBackDoc struct {
	Settings Settings
	Year     int
	Rows     []ReportBack
}

// ReportBackDoc reads the year's report-backs. None is an ENOTFOUND error.
func (db *DB) ReportBackDoc(ctx context.Context, year int) (doc ReportBackDoc, err error) {
	doc.Year = year
	err = db.view(ctx, func(tx *Tx) error {
		if doc.Settings, err = readSettings(tx); err != nil {
			return err
		}
		if doc.Rows, err = tx.reportBacks(year, 0); err != nil {
			return err
		}
		if len(doc.Rows) == 0 {
			return Errorf(ENOTFOUND, "%d年没有述职评议记录，未生成文件", year)
		}
		return nil
	})
	return doc, err
}
