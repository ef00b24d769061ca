package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
)

// ByElection is a 补选 (domain.md §2.4, §3.5): a seat fell vacant (出缺), the upper congress approved filling
// it, a meeting of the 选区's voters (or the congress, for a county seat) held the election — recorded as the
// meeting's 补选 election with candidates, votes and ballots — and the person elected holds the seat from the
// election day: a new deputy, or a deputy of another level gaining this one. Until then the 选区 shows the
// seat as vacant.
type ByElection struct {
	ID            int64
	VacatedSeatID int64  `label:"出缺席位"`
	Level         string `label:"层级"`
	DistrictID    int64  `label:"选区"`
	TermID        int64  `label:"届次"`
	ApprovedBy    string `label:"批准机关"` // 上级人大: ××区人大常委会
	Approved      Date   `label:"批准日期"`
	MeetingID     int64  `label:"选举会议"`
	FilledSeatID  int64  `label:"当选席位"`
	Qualified     Date   `label:"资格审查日期"` // 代表资格审查: the presidium confirmed the qualification
	Notes         string `label:"备注"`

	// Read only.
	VacatedID     int64  // the deputy who left
	VacatedName   string // 赵某
	VacancyReason string
	VacancyDate   Date
	District      string // 第3选区(联霞片区)
	MeetingTitle  string
	MeetingDate   Date // the election day
	ElectedID     int64
	ElectedName   string
	CreatedAt     string
	UpdatedAt     string
}

// Status is where the by-election stands: 待选举 (approved, no meeting yet), 待确认当选 (a meeting recorded),
// 已补选 (the elected person holds the seat).
func (b ByElection) Status() string {
	switch {
	case b.FilledSeatID != 0:
		return "已补选"
	case b.MeetingID != 0:
		return "待确认当选"
	}
	return "待选举"
}

// Validate checks the by-election's own fields.
func (b *ByElection) Validate() error {
	var c checker
	if b.VacatedSeatID == 0 {
		c.fail("出缺席位", "请选择出缺的代表及其层级")
	}
	b.ApprovedBy = cleanName(b.ApprovedBy)
	c.required("批准机关", b.ApprovedBy)
	c.maxLen("批准机关", b.ApprovedBy, maxLine)
	c.requiredDate("批准日期", b.Approved)
	c.date("资格审查日期", b.Qualified)
	c.maxLen("备注", b.Notes, maxText)
	return c.result()
}

const byElectionColumns = `b.id, coalesce(b.vacated_id, 0), b.level, coalesce(b.district_id, 0), coalesce(b.term_id, 0), b.approved_by,
	coalesce(b.approved_date, ''), coalesce(b.meeting_id, 0), coalesce(b.filled_id, 0), coalesce(b.qualified, ''), b.notes,
	coalesce(v.id, 0), coalesce(v.name, ''), coalesce(v.vacancy_reason, ''), coalesce(vl.end_date, v.vacancy_date, ''),
	coalesce(ds.number, 0), coalesce(ds.name, ''), coalesce(m.title, ''), coalesce(m.start_date, ''),
	coalesce(e.id, 0), coalesce(e.name, ''), b.created_at, b.updated_at`

const byElectionFrom = `by_elections b LEFT JOIN deputy_levels vl ON vl.id = b.vacated_id LEFT JOIN deputies v ON v.id = vl.deputy_id
	LEFT JOIN districts ds ON ds.id = b.district_id LEFT JOIN meetings m ON m.id = b.meeting_id
	LEFT JOIN deputy_levels fl ON fl.id = b.filled_id LEFT JOIN deputies e ON e.id = fl.deputy_id`

func scanByElection(s scanner) (ByElection, error) {
	var b ByElection
	var number int
	var dname string
	err := s.Scan(&b.ID, &b.VacatedSeatID, &b.Level, &b.DistrictID, &b.TermID, &b.ApprovedBy, &b.Approved, &b.MeetingID,
		&b.FilledSeatID, &b.Qualified, &b.Notes, &b.VacatedID, &b.VacatedName, &b.VacancyReason, &b.VacancyDate, &number, &dname,
		&b.MeetingTitle, &b.MeetingDate, &b.ElectedID, &b.ElectedName, &b.CreatedAt, &b.UpdatedAt)
	if number > 0 {
		b.District = District{Level: b.Level, Number: number, Name: dname}.Label()
	}
	return b, err
}

// ByElections returns every by-election, newest approval first.
func (db *DB) ByElections(ctx context.Context) ([]ByElection, error) {
	var out []ByElection
	err := db.view(ctx, func(tx *Tx) error {
		return collect(tx, `SELECT `+byElectionColumns+` FROM `+byElectionFrom+` ORDER BY b.approved_date DESC, b.id DESC`, nil,
			func(s scanner) error {
				b, err := scanByElection(s)
				out = append(out, b)
				return err
			})
	})
	return out, err
}

// ByElection returns one by-election.
func (db *DB) ByElection(ctx context.Context, id int64) (b ByElection, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		b, err = tx.byElection(id)
		return err
	})
	return b, err
}

func (tx *Tx) byElection(id int64) (ByElection, error) {
	b, err := scanByElection(tx.QueryRow(`SELECT `+byElectionColumns+` FROM `+byElectionFrom+` WHERE b.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return b, Errorf(ENOTFOUND, "补选记录不存在(编号%d)", id)
	}
	return b, err
}

// VacatedSeat is the seat of level a deputy left (出缺, or ended at this level alone), for 「发起补选」.
func (db *DB) VacatedSeat(ctx context.Context, deputyID int64, level string) (Seat, error) {
	var st Seat
	err := db.view(ctx, func(tx *Tx) error {
		d, err := tx.deputy(deputyID)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(d.Seats, func(s Seat) bool { return s.Level == level })
		if i < 0 {
			return Errorf(EINVALID, "代表「%s」没有%s的席位", d.Name, level)
		}
		st = d.Seats[i]
		if d.Status != DeputyVacant && (st.End == "" || st.EndReason == SeatTermEnded) {
			if d.Status == DeputyTermEnded || st.EndReason == SeatTermEnded {
				// A seat that ended with its term is filled by the next term's election, not by a by-election.
				return Errorf(EINVALID, "代表「%s」的%s任期已届满，届满的席位由换届选举产生，不能发起补选", d.Name, level)
			}
			return Errorf(EINVALID, "代表「%s」仍在任，不能发起补选：请先把状态改为出缺(或填写这一级的任期终止)", d.Name)
		}
		return nil
	})
	return st, err
}

// StartByElection records 「发起补选」: the vacated seat and the upper congress's approval. The level, 选区
// and term are the vacated seat's. A seat has one by-election.
func (db *DB) StartByElection(ctx context.Context, b *ByElection) error {
	if err := b.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		var deputyID int64
		var start, end, vacancy sql.NullString
		var term, district sql.NullInt64
		var name, status string
		if err := tx.QueryRow(`SELECT l.deputy_id, l.level, l.term_id, l.district_id, l.start_date, l.end_date, d.name, d.status, d.vacancy_date
			FROM deputy_levels l JOIN deputies d ON d.id = l.deputy_id WHERE l.id = ?`, b.VacatedSeatID).
			Scan(&deputyID, &b.Level, &term, &district, &start, &end, &name, &status, &vacancy); errors.Is(err, sql.ErrNoRows) {
			return fieldErr("出缺席位", "引用的席位不存在(编号%d)", b.VacatedSeatID)
		} else if err != nil {
			return err
		}
		left := end.String
		if status == DeputyVacant && (left == "" || vacancy.String < left) {
			left = vacancy.String
		}
		if left == "" {
			return fieldErr("出缺席位", "代表「%s」的%s席位没有出缺，不能补选", name, b.Level)
		}
		if b.Approved < Date(left) {
			return fieldErr("批准日期", "(%s)不能早于出缺日期(%s)", b.Approved.Chinese(), Date(left).Chinese())
		}
		var dup int64
		if err := tx.QueryRow(`SELECT id FROM by_elections WHERE vacated_id = ?`, b.VacatedSeatID).Scan(&dup); err == nil {
			return Errorf(ECONFLICT, "「%s」的%s席位已经发起过补选", name, b.Level)
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		b.TermID, b.DistrictID = term.Int64, district.Int64
		res, err := tx.Exec(`INSERT INTO by_elections (vacated_id, level, district_id, term_id, approved_by, approved_date, qualified, notes,
			created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, b.VacatedSeatID, b.Level, nullID(b.DistrictID), nullID(b.TermID),
			b.ApprovedBy, b.Approved, b.Qualified, b.Notes, tx.stamp(), tx.stamp())
		if err != nil {
			return fmt.Errorf("保存补选: %w", err)
		}
		b.ID, _ = res.LastInsertId()
		return tx.logHistory("by_election", b.ID, ActionCreate, name+"出缺补选", describe(b))
	})
}

// ByElectionMeeting records the election of a by-election: a new meeting (m, kind 其他 unless given) with its
// 补选 election e (candidates, votes, 应到/实到, ballots), in one transaction; the meeting can be edited later in
// 会议 like any other. A by-election already filled keeps its meeting.
func (db *DB) ByElectionMeeting(ctx context.Context, id int64, m *Meeting, e Election) error {
	if m.Kind == "" {
		m.Kind = MeetingOther
	}
	e.Kind = "补选"
	if err := m.Validate(); err != nil {
		return err
	}
	detail := MeetingDetail{Elections: []Election{e}}
	if err := detail.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		b, err := tx.byElection(id)
		if err != nil {
			return err
		}
		if b.FilledSeatID != 0 {
			return Errorf(ECONFLICT, "这次补选已确认当选，不能再登记选举会议")
		}
		if m.Start < b.Approved {
			return fieldErr("开始日期", "(%s)不能早于上级人大批准补选的日期(%s)", m.Start.Chinese(), b.Approved.Chinese())
		}
		if err := tx.saveMeeting(m); err != nil {
			return err
		}
		if err := tx.saveMeetingDetail(m.ID, detail); err != nil {
			return err
		}
		if _, err := tx.Exec(`UPDATE by_elections SET meeting_id = ?, updated_at = ? WHERE id = ?`, m.ID, tx.stamp(), id); err != nil {
			return err
		}
		return tx.logHistory("by_election", id, ActionUpdate, b.VacatedName+"出缺补选", "选举会议: "+m.Title)
	})
}

// ByElectionFill is who the elected candidate is: a deputy already recorded (of another level, gaining this
// one), or a new deputy (New, with the person's own fields; level, seat and 新任 are the by-election's).
type ByElectionFill struct {
	Candidate string // the elected candidate's name as the election records it
	DeputyID  int64
	New       *Deputy
}

// FillByElection records 「确认当选」: the elected candidate of the by-election's meeting holds the vacated
// seat's level, 选区 and term from the election day (the meeting's start), 新任. Before that day the seat is
// vacant in every count; from it the new deputy counts.
func (db *DB) FillByElection(ctx context.Context, id int64, f ByElectionFill) error {
	if f.New != nil {
		if f.New.Name == "" {
			f.New.Name = f.Candidate
		}
		if len(f.New.Levels) == 0 {
			f.New.Levels = []string{LevelTown} // replaced below by the by-election's level; Validate wants one
		}
		if err := f.New.Validate(); err != nil {
			return err
		}
	}
	return db.update(ctx, func(tx *Tx) error {
		b, err := tx.byElection(id)
		if err != nil {
			return err
		}
		if b.FilledSeatID != 0 {
			return Errorf(ECONFLICT, "这次补选已确认%s当选", b.ElectedName)
		}
		if b.MeetingID == 0 {
			return Errorf(EINVALID, "请先登记补选的选举会议(候选人、票数)")
		}
		var electionID int64
		var elected bool
		err = tx.QueryRow(`SELECT e.id, c.elected FROM elections e JOIN candidates c ON c.election_id = e.id
			WHERE e.meeting_id = ? AND e.kind = '补选' AND c.name = ? ORDER BY c.elected DESC LIMIT 1`, b.MeetingID, f.Candidate).
			Scan(&electionID, &elected)
		if errors.Is(err, sql.ErrNoRows) {
			return fieldErr("当选人", "「%s」不是这次补选的候选人", f.Candidate)
		} else if err != nil {
			return err
		}
		if !elected {
			return fieldErr("当选人", "「%s」在选举记录中没有标为当选", f.Candidate)
		}
		day := b.MeetingDate
		seat := Seat{Level: b.Level, TermID: b.TermID, DistrictID: b.DistrictID, Start: day, New: true}
		deputyID := f.DeputyID
		switch {
		case f.New != nil:
			d := f.New
			d.ID, d.New, d.Levels, d.Seats = 0, true, []string{b.Level}, []Seat{seat}
			if b.Level == LevelTown {
				d.TermID = b.TermID
			}
			if err := tx.saveDeputy(d); err != nil {
				return err
			}
			deputyID, seat.ID = d.ID, d.Seats[0].ID
		case deputyID != 0:
			d, err := tx.deputy(deputyID)
			if err != nil {
				return err
			}
			if d.Status == DeputyVacant {
				return fieldErr("当选人", "代表「%s」已出缺，请作为新代表登记", d.Name)
			}
			if i := slices.IndexFunc(d.Seats, func(s Seat) bool { return s.Level == b.Level }); i >= 0 && (d.Seats[i].End == "" || d.Seats[i].End > day) {
				return fieldErr("当选人", "「%s」在%s已经是%s代表", d.Name, day.Chinese(), b.Level)
			}
			// A seat of its own, beside the person's earlier seats of this level (which stay as they were).
			res, err := tx.Exec(`INSERT INTO deputy_levels (deputy_id, level, term_id, district_id, start_date, is_new) VALUES (?, ?, ?, ?, ?, 1)`,
				deputyID, b.Level, nullID(b.TermID), nullID(b.DistrictID), day)
			if err != nil {
				return seatConflict(&seat, err)
			}
			seat.ID, _ = res.LastInsertId()
			if err := tx.logHistory("deputy", deputyID, ActionUpdate, d.Name, fmt.Sprintf("补选当选: %s", seat)); err != nil {
				return err
			}
		default:
			return fieldErr("当选人", "请选择已登记的代表，或作为新代表登记")
		}
		if _, err := tx.Exec(`UPDATE candidates SET deputy_id = ? WHERE election_id = ? AND name = ?`, deputyID, electionID, f.Candidate); err != nil {
			return err
		}
		if _, err := tx.Exec(`UPDATE by_elections SET filled_id = ?, updated_at = ? WHERE id = ?`, seat.ID, tx.stamp(), id); err != nil {
			return err
		}
		return tx.logHistory("by_election", id, ActionUpdate, b.VacatedName+"出缺补选", fmt.Sprintf("%s当选(%s)", f.Candidate, day.Chinese()))
	})
}

// SaveByElectionQualified records the 代表资格审查 date of a filled by-election (the presidium's review).
func (db *DB) SaveByElectionQualified(ctx context.Context, id int64, day Date) error {
	var c checker
	c.requiredDate("资格审查日期", day)
	if c.result() != nil {
		return c.result()
	}
	return db.update(ctx, func(tx *Tx) error {
		b, err := tx.byElection(id)
		if err != nil {
			return err
		}
		if b.FilledSeatID == 0 {
			return Errorf(EINVALID, "补选尚未确认当选，不能审查代表资格")
		}
		if day < b.MeetingDate {
			return fieldErr("资格审查日期", "(%s)不能早于选举日期(%s)", day.Chinese(), b.MeetingDate.Chinese())
		}
		if _, err := tx.Exec(`UPDATE by_elections SET qualified = ?, updated_at = ? WHERE id = ?`, day, tx.stamp(), id); err != nil {
			return err
		}
		return tx.logHistory("by_election", id, ActionUpdate, b.VacatedName+"出缺补选", fmt.Sprintf("资格审查日期: %s → %s", b.Qualified, day))
	})
}

// ByElectionResult is what the printed 补选结果报告 and 代表资格审查报告 show: the by-election and its election.
type ByElectionResult struct {
	ByElection
	Meeting  Meeting
	Election Election
	Elected  Deputy // the person elected, once confirmed
	// Presidium are the presidium members in office on the day of the qualification review (or of the
	// election, before one), who sign the 代表资格审查报告.
	Presidium []string
}

// ByElectionReport returns a by-election with its meeting and 补选 election, for printing.
func (db *DB) ByElectionReport(ctx context.Context, id int64) (r ByElectionResult, err error) {
	r.ByElection, err = db.ByElection(ctx, id)
	if err != nil {
		return r, err
	}
	if r.MeetingID == 0 {
		return r, Errorf(EINVALID, "这次补选还没有登记选举会议，没有结果可以打印")
	}
	if r.Meeting, err = db.Meeting(ctx, r.MeetingID); err != nil {
		return r, err
	}
	detail, err := db.MeetingDetail(ctx, r.MeetingID)
	if err != nil {
		return r, err
	}
	i := slices.IndexFunc(detail.Elections, func(e Election) bool { return e.Kind == "补选" })
	if i < 0 {
		return r, Errorf(EINVALID, "会议「%s」没有补选的选举记录", r.Meeting.Title)
	}
	r.Election = detail.Elections[i]
	if r.ElectedID != 0 {
		if r.Elected, err = db.Deputy(ctx, r.ElectedID); err != nil {
			return r, err
		}
	}
	day := r.Qualified
	if day == "" {
		day = r.MeetingDate
	}
	members, _, err := db.Deputies(ctx, DeputyFilter{OnRoll: day})
	if err != nil {
		return r, err
	}
	for _, m := range members {
		if slices.Contains(m.Roles, "主席团成员") {
			r.Presidium = append(r.Presidium, m.Name)
		}
	}
	return r, nil
}
