package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Meeting is a meeting or activity: a 人民代表大会会议 (with its term and session number), a 主席团会议,
// an inspection, a group activity … (MeetingKinds).
type Meeting struct {
	ID        int64
	Kind      string `label:"类型"`
	Title     string `label:"名称"`
	TermID    int64  `label:"届次"`
	SessionNo int    `label:"会次"` // 第x次会议, for 人民代表大会会议
	Start     Date   `label:"开始日期"`
	End       Date   `label:"结束日期"`
	Time      string `label:"时间"`
	Place     string `label:"地点"`
	Host      string `label:"主持人"`
	Topic     string `label:"主题"`
	Law       string `label:"检查的法律法规"` // 执法检查
	Minutes   string `label:"纪要"`
	Problems  string `label:"发现的问题"`
	Notes     string `label:"备注"`

	Present, Leave, Absent, NonVoting int // read only: attendance counts
	CreatedAt                         string
	UpdatedAt                         string
}

// IsVoting reports whether the meeting votes: a 人民代表大会会议 or a 主席团会议, whose quorum and passing rule
// are counted against a base (SPEC §3: all town deputies in office, or all presidium members).
func (m Meeting) IsVoting() bool { return m.Kind == MeetingCongress || m.Kind == MeetingPresidium }

// Validate checks the meeting.
func (m *Meeting) Validate() error {
	var c checker
	m.check(&c)
	return c.result()
}

// check runs the meeting's rules on c.
func (m *Meeting) check(c *checker) {
	m.Title = cleanName(m.Title)
	c.required("类型", m.Kind)
	c.oneOf("类型", m.Kind, MeetingKinds)
	c.required("名称", m.Title)
	c.maxLen("名称", m.Title, maxTitle)
	c.requiredDate("开始日期", m.Start)
	c.date("结束日期", m.End)
	c.notBefore("结束日期", m.End, "开始日期", m.Start)
	if m.Kind == MeetingCongress {
		c.need("届次", m.TermID == 0, "人民代表大会会议必须选择届次")
		c.need("会次", m.SessionNo < 1 || m.SessionNo > 99, "人民代表大会会议必须填写第几次会议(1到99)")
	} else if m.SessionNo != 0 {
		c.fail("会次", "只有人民代表大会会议才有会次")
	}
	if m.Kind == MeetingLawCheck {
		c.required("检查的法律法规", m.Law)
	}
	c.maxLen("时间", m.Time, maxName)
	c.maxLen("地点", m.Place, maxLine)
	c.maxLen("主持人", m.Host, maxLine)
	c.maxLen("主题", m.Topic, maxTitle)
	c.maxLen("检查的法律法规", m.Law, maxTitle)
	c.maxLen("纪要", m.Minutes, maxLongText)
	c.maxLen("发现的问题", m.Problems, maxLongText)
	c.maxLen("备注", m.Notes, maxText)
}

// CongressTitle forms the title of a session: ××镇第十八届人民代表大会第三次会议.
func CongressTitle(township string, term, session int) string {
	return fmt.Sprintf("%s第%s届人民代表大会第%s次会议", township, ChineseNumber(term), ChineseNumber(session))
}

// SessionShort is the short form used in suggestion numbers: 十八届三次.
func SessionShort(term, session int) string {
	return ChineseNumber(term) + "届" + ChineseNumber(session) + "次"
}

const meetingColumns = `m.id, m.kind, m.title, m.term_id, m.session_no, m.start_date, m.end_date, m.time, m.place, m.host,
	m.topic, m.law, m.minutes, m.problems, m.notes, m.created_at, m.updated_at,
	(SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.status = '出席'),
	(SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.status = '请假'),
	(SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.status = '缺席'),
	(SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.status = '列席')`

func scanMeeting(r interface{ Scan(...any) error }, extra ...any) (Meeting, error) {
	var m Meeting
	var term, session sql.NullInt64
	dest := []any{&m.ID, &m.Kind, &m.Title, &term, &session, &m.Start, &m.End, &m.Time, &m.Place, &m.Host, &m.Topic,
		&m.Law, &m.Minutes, &m.Problems, &m.Notes, &m.CreatedAt, &m.UpdatedAt, &m.Present, &m.Leave, &m.Absent, &m.NonVoting}
	err := r.Scan(append(dest, extra...)...)
	m.TermID, m.SessionNo = term.Int64, int(session.Int64)
	return m, err
}

// Meeting returns one meeting.
func (db *DB) Meeting(ctx context.Context, id int64) (Meeting, error) {
	var m Meeting
	err := db.view(ctx, func(tx *Tx) error {
		var err error
		m, err = tx.meeting(id)
		return err
	})
	return m, err
}

func (tx *Tx) meeting(id int64) (Meeting, error) {
	m, err := scanMeeting(tx.QueryRow(`SELECT `+meetingColumns+` FROM meetings m WHERE m.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return m, Errorf(ENOTFOUND, "会议不存在(编号%d)", id)
	}
	return m, err
}

// MeetingFilter selects meetings.
type MeetingFilter struct {
	Query    string
	Kind     string
	Year     int
	From, To Date
	DeputyID int64 // meetings the deputy has an attendance row in
	Sort     string
	Desc     bool
	Offset   int
	Limit    int
}

// MeetingSortKeys maps the sortable columns of the meeting list to their SQL.
var MeetingSortKeys = map[string]string{"date": "m.start_date", "kind": "m.kind", "title": "m.title", "place": "m.place"}

// Meetings returns a page of meetings (newest first by default) and the number that match.
func (db *DB) Meetings(ctx context.Context, f MeetingFilter) (out []Meeting, total int, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, total, err = tx.meetings(f)
		return err
	})
	return out, total, err
}

// meetings is Meetings inside a transaction.
func (tx *Tx) meetings(f MeetingFilter) (out []Meeting, total int, err error) {
	w := &where{}
	w.match("m.id", "meeting_fts", []string{"title", "place", "topic"}, f.Query, "")
	if f.Kind != "" {
		w.add("m.kind = ?", f.Kind)
	}
	if f.Year != 0 {
		y := YearPeriod(f.Year)
		w.add("m.start_date BETWEEN ? AND ?", y.From, y.To)
	}
	if f.From != "" {
		w.add("m.start_date >= ?", f.From)
	}
	if f.To != "" {
		w.add("m.start_date <= ?", f.To)
	}
	if f.DeputyID != 0 {
		w.add("m.id IN (SELECT meeting_id FROM attendance WHERE deputy_id = ?)", f.DeputyID)
	}
	order := "m.start_date DESC, m.id DESC"
	if col, ok := MeetingSortKeys[f.Sort]; ok {
		order = col + desc(f.Desc) + ", m.id"
	}
	q := listQuery{idCol: "m.id", countFrom: "meetings m", from: "meetings m", order: order}
	out, total, err = listPage(tx, q, w, f.Offset, f.Limit,
		func(ids []int64) (map[int64]Meeting, error) {
			mm := map[int64]Meeting{}
			err := collect(tx, `SELECT `+meetingColumns+` FROM meetings m WHERE m.id IN (`+idList(ids)+`)`, nil, func(r scanner) error {
				m, err := scanMeeting(r)
				mm[m.ID] = m
				return err
			})
			return mm, err
		})
	if err != nil {
		return nil, 0, fmt.Errorf("查询会议: %w", err)
	}
	return out, total, nil
}

// SaveMeeting creates (ID 0) or updates a meeting's own fields.
func (db *DB) SaveMeeting(ctx context.Context, m *Meeting) error {
	if err := m.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error { return tx.saveMeeting(m) })
}

// saveMeeting is SaveMeeting inside a transaction, for m already validated (a by-election's meeting too).
func (tx *Tx) saveMeeting(m *Meeting) error {
	if err := tx.exists("terms", m.TermID, "届次"); err != nil {
		return err
	}
	if m.ID != 0 && m.Kind != MeetingCongress {
		// Items registered at a session point at it; it must stay a 人代会 while they do.
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM suggestions WHERE session_id = ?`, m.ID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return &Error{Code: ECONFLICT, Field: "类型", Message: fmt.Sprintf("这次人代会期间登记了%d件建议，不能改为其他类型的会议", n)}
		}
	}
	if m.Kind == MeetingCongress {
		var dup int64
		if err := tx.QueryRow(`SELECT id FROM meetings WHERE kind = ? AND term_id = ? AND session_no = ? AND id != ?`,
			MeetingCongress, m.TermID, m.SessionNo, m.ID).Scan(&dup); err == nil {
			return &Error{Code: ECONFLICT, Field: "会次", Message: fmt.Sprintf("本届第%s次会议已经登记过", ChineseNumber(m.SessionNo))}
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
	}
	args := []any{m.Kind, m.Title, nullID(m.TermID), nullID(int64(m.SessionNo)), m.Start, m.End, m.Time, m.Place, m.Host,
		m.Topic, m.Law, m.Minutes, m.Problems, m.Notes, tx.stamp()}
	if m.ID == 0 {
		res, err := tx.Exec(`INSERT INTO meetings (kind, title, term_id, session_no, start_date, end_date, time, place, host,
			topic, law, minutes, problems, notes, updated_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			append(args, tx.stamp())...)
		if err != nil {
			return fmt.Errorf("保存会议: %w", err)
		}
		m.ID, _ = res.LastInsertId()
		return tx.logHistory("meeting", m.ID, ActionCreate, m.Title, describe(m))
	}
	old, err := tx.meeting(m.ID)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(`UPDATE meetings SET kind = ?, title = ?, term_id = ?, session_no = ?, start_date = ?, end_date = ?,
		time = ?, place = ?, host = ?, topic = ?, law = ?, minutes = ?, problems = ?, notes = ?, updated_at = ? WHERE id = ?`,
		append(args, m.ID)...); err != nil {
		return fmt.Errorf("保存会议: %w", err)
	}
	if ch := diff(old, m); ch != "" {
		return tx.logHistory("meeting", m.ID, ActionUpdate, m.Title, ch)
	}
	return nil
}

// CheckDeleteMeeting returns why the meeting cannot be deleted (ECONFLICT: a 人代会 that suggestions were
// registered at), or nil. The window asks it before the question whether to delete; DeleteMeeting checks again.
func (db *DB) CheckDeleteMeeting(ctx context.Context, id int64) error {
	return db.view(ctx, func(tx *Tx) error {
		m, err := tx.meeting(id)
		if err != nil {
			return err
		}
		return tx.meetingLinks(m)
	})
}

// meetingLinks refuses a 人代会 that suggestions were registered at.
func (tx *Tx) meetingLinks(m Meeting) error {
	var n int
	if err := tx.QueryRow(`SELECT count(*) FROM suggestions WHERE session_id = ?`, m.ID).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return Errorf(ECONFLICT, "「%s」期间登记了%d件建议，不能删除", m.Title, n)
	}
	return nil
}

// DeleteMeeting deletes a meeting with its attendance, agenda, resolutions and elections. Suggestions raised
// at it keep their text but lose the link; a 人代会 that suggestions were registered at is refused.
func (db *DB) DeleteMeeting(ctx context.Context, id int64) error {
	return db.update(ctx, func(tx *Tx) error {
		m, err := tx.meeting(id)
		if err != nil {
			return err
		}
		if err := tx.meetingLinks(m); err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM meetings WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.logHistory("meeting", id, ActionDelete, m.Title, describe(m))
	})
}

// Attendance is one deputy's mark at a meeting.
type Attendance struct {
	DeputyID   int64
	Status     string // 出席 / 请假 / 缺席 / 列席
	Reason     string // for 请假
	DeputyName string // read only
	GroupName  string // read only
}

// Guest is a non-deputy attendee (列席人员).
type Guest struct {
	ID   int64
	Name string
	Unit string
	Post string
}

// AgendaItem is one item of a meeting's agenda.
type AgendaItem struct {
	ID        int64
	Seq       int
	Title     string
	Kind      string // AgendaKinds
	Report    string // ReportKinds, for 审议报告
	Presenter string
}

// Resolution is a resolution, decision or deliberation opinion with its vote.
type Resolution struct {
	ID            int64
	AgendaItemID  int64 // the 1-based position of its agenda item in MeetingDetail.Agenda; 0 for none
	Seq           int
	Title         string // 《关于…的决议》
	Kind          string // ResolutionKinds
	Text          string
	For           int
	Against       int
	Abstain       int
	EnteredResult string // 通过 / 未通过 / "" as the clerk entered it
}

// Passed reports whether the resolution passes: more than half of base votes for it, where base is the
// number of town deputies in office (人代会) or of presidium members (主席团会议). Exactly half is not enough.
func (r Resolution) Passed(base int) bool { return base > 0 && 2*r.For > base }

// Election is an election or by-election held at a meeting.
type Election struct {
	ID              int64
	Kind            string // 选举 / 补选
	Position        string
	Seats           int
	Expected        int // 应到
	Present         int // 实到
	BallotsIssued   int
	BallotsReturned int
	BallotsValid    int
	Notes           string
	Candidates      []Candidate
}

// Candidate is one candidate of an election.
type Candidate struct {
	ID       int64
	Name     string
	DeputyID int64
	Votes    int
	Elected  bool
}

// MeetingDetail is everything recorded at a meeting besides its own fields.
type MeetingDetail struct {
	Attendance  []Attendance
	Guests      []Guest
	Agenda      []AgendaItem
	Resolutions []Resolution
	Elections   []Election
}

// Validate checks the detail lists; messages name the row.
func (d *MeetingDetail) Validate() error {
	var c checker
	d.check(&c)
	return c.result()
}

// check runs the rules of the detail lists on c; messages name the row.
func (d *MeetingDetail) check(c *checker) {
	seen := map[int64]bool{}
	for i, a := range d.Attendance {
		row := fmt.Sprintf("出席情况第%d行", i+1)
		if seen[a.DeputyID] {
			c.fail(row, "代表重复")
		}
		seen[a.DeputyID] = true
		c.oneOf(row, a.Status, AttendanceStatuses)
		if a.Status == "" {
			c.fail(row, "未选择出席状态")
		}
		c.maxLen(row+"请假原因", a.Reason, maxLine)
	}
	for i, g := range d.Guests {
		row := fmt.Sprintf("列席人员第%d行", i+1)
		d.Guests[i].Name = cleanName(g.Name)
		g.Name = d.Guests[i].Name
		c.required(row+"姓名", g.Name)
		c.maxLen(row+"姓名", g.Name, maxName)
		c.maxLen(row+"单位", g.Unit, maxLine)
		c.maxLen(row+"职务", g.Post, maxLine)
	}
	for i, a := range d.Agenda {
		row := fmt.Sprintf("议程第%d项", i+1)
		c.required(row+"标题", a.Title)
		c.maxLen(row+"标题", a.Title, maxTitle)
		c.oneOf(row+"类型", a.Kind, AgendaKinds)
		c.oneOf(row+"报告类型", a.Report, ReportKinds)
		c.maxLen(row+"报告人", a.Presenter, maxLine)
	}
	for i, r := range d.Resolutions {
		row := fmt.Sprintf("决议第%d项", i+1)
		c.required(row+"标题", r.Title)
		c.maxLen(row+"标题", r.Title, maxTitle)
		c.oneOf(row+"类型", r.Kind, ResolutionKinds)
		c.maxLen(row+"正文", r.Text, maxLongText)
		c.nonNegative(row+"赞成票", r.For)
		c.nonNegative(row+"反对票", r.Against)
		c.nonNegative(row+"弃权票", r.Abstain)
		c.oneOf(row+"表决结果", r.EnteredResult, []string{"通过", "未通过"})
		if r.AgendaItemID < 0 || int(r.AgendaItemID) > len(d.Agenda) {
			c.fail(row+"对应议程", "不存在")
		}
	}
	for i, e := range d.Elections {
		row := fmt.Sprintf("选举第%d项", i+1)
		c.required(row+"职位", e.Position)
		c.oneOf(row+"类型", e.Kind, ElectionKinds)
		if e.Seats < 1 {
			c.fail(row+"应选人数", "至少为1")
		}
		for _, n := range []struct {
			f string
			v int
		}{{"应到", e.Expected}, {"实到", e.Present}, {"发出选票", e.BallotsIssued}, {"收回选票", e.BallotsReturned}, {"有效票", e.BallotsValid}} {
			c.nonNegative(row+n.f, n.v)
		}
		if e.Present > e.Expected {
			c.fail(row+"实到", "(%d)不能多于应到(%d)", e.Present, e.Expected)
		}
		if e.BallotsReturned > e.BallotsIssued {
			c.fail(row+"收回选票", "(%d)不能多于发出选票(%d)", e.BallotsReturned, e.BallotsIssued)
		}
		if e.BallotsValid > e.BallotsReturned {
			c.fail(row+"有效票", "(%d)不能多于收回选票(%d)", e.BallotsValid, e.BallotsReturned)
		}
		for j, cd := range e.Candidates {
			crow := fmt.Sprintf("%s候选人第%d位", row, j+1)
			c.required(crow+"姓名", cd.Name)
			c.nonNegative(crow+"得票", cd.Votes)
			if cd.Votes > e.BallotsValid {
				c.fail(crow+"得票", "(%d)不能多于有效票(%d)", cd.Votes, e.BallotsValid)
			}
		}
	}
}

// MeetingDetail returns the attendance (by group, then name), guests, agenda, resolutions and elections.
func (db *DB) MeetingDetail(ctx context.Context, id int64) (d MeetingDetail, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		d, err = tx.meetingDetail(id)
		return err
	})
	return d, err
}

// meetingDetail is MeetingDetail inside a transaction.
func (tx *Tx) meetingDetail(id int64) (d MeetingDetail, err error) {
	if _, err := tx.meeting(id); err != nil {
		return d, err
	}
	rows, err := tx.Query(`SELECT a.deputy_id, a.status, a.reason, d.name, coalesce(g.name, '') FROM attendance a
		JOIN deputies d ON d.id = a.deputy_id LEFT JOIN deputy_groups g ON g.id = d.group_id
		WHERE a.meeting_id = ? ORDER BY coalesce(g.id, 1e9), d.name`, id)
	if err != nil {
		return d, err
	}
	for rows.Next() {
		var a Attendance
		if err := rows.Scan(&a.DeputyID, &a.Status, &a.Reason, &a.DeputyName, &a.GroupName); err != nil {
			rows.Close()
			return d, err
		}
		d.Attendance = append(d.Attendance, a)
	}
	rows.Close()
	if err := collect(tx, `SELECT id, name, unit, post FROM meeting_guests WHERE meeting_id = ? ORDER BY id`, []any{id},
		func(s scanner) error {
			var g Guest
			err := s.Scan(&g.ID, &g.Name, &g.Unit, &g.Post)
			d.Guests = append(d.Guests, g)
			return err
		}); err != nil {
		return d, err
	}
	if err := collect(tx, `SELECT id, seq, title, kind, report, presenter FROM agenda_items WHERE meeting_id = ? ORDER BY seq, id`, []any{id},
		func(s scanner) error {
			var a AgendaItem
			err := s.Scan(&a.ID, &a.Seq, &a.Title, &a.Kind, &a.Report, &a.Presenter)
			d.Agenda = append(d.Agenda, a)
			return err
		}); err != nil {
		return d, err
	}
	if err := collect(tx, `SELECT id, coalesce(agenda_item_id, 0), seq, title, kind, text, votes_for, votes_against, votes_abstain, entered_result
		FROM resolutions WHERE meeting_id = ? ORDER BY seq, id`, []any{id},
		func(s scanner) error {
			var r Resolution
			err := s.Scan(&r.ID, &r.AgendaItemID, &r.Seq, &r.Title, &r.Kind, &r.Text, &r.For, &r.Against, &r.Abstain, &r.EnteredResult)
			d.Resolutions = append(d.Resolutions, r)
			return err
		}); err != nil {
		return d, err
	}
	if err := collect(tx, `SELECT id, kind, position, seats, expected, present, ballots_issued, ballots_returned, ballots_valid, notes
		FROM elections WHERE meeting_id = ? ORDER BY id`, []any{id},
		func(s scanner) error {
			var e Election
			err := s.Scan(&e.ID, &e.Kind, &e.Position, &e.Seats, &e.Expected, &e.Present, &e.BallotsIssued, &e.BallotsReturned, &e.BallotsValid, &e.Notes)
			d.Elections = append(d.Elections, e)
			return err
		}); err != nil {
		return d, err
	}
	// Resolutions point at their agenda item by position, the same way SaveMeetingDetail reads them.
	pos := map[int64]int64{}
	for i, a := range d.Agenda {
		pos[a.ID] = int64(i + 1)
	}
	for i := range d.Resolutions {
		d.Resolutions[i].AgendaItemID = pos[d.Resolutions[i].AgendaItemID]
	}
	for i := range d.Elections {
		e := &d.Elections[i]
		if err := collect(tx, `SELECT id, name, coalesce(deputy_id, 0), votes, elected FROM candidates WHERE election_id = ? ORDER BY votes DESC, id`, []any{e.ID},
			func(s scanner) error {
				var c Candidate
				err := s.Scan(&c.ID, &c.Name, &c.DeputyID, &c.Votes, &c.Elected)
				e.Candidates = append(e.Candidates, c)
				return err
			}); err != nil {
			return d, err
		}
	}
	return d, nil
}

// SaveMeetingDetail replaces the meeting's attendance, guests, agenda, resolutions and elections with d, in one
// transaction. A resolution's AgendaItemID is the 1-based position of its item in d.Agenda (0 for none).
func (db *DB) SaveMeetingDetail(ctx context.Context, meetingID int64, d MeetingDetail) error {
	if err := d.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error { return tx.saveMeetingDetail(meetingID, d) })
}

// saveMeetingDetail is SaveMeetingDetail inside a transaction, for d already validated.
func (tx *Tx) saveMeetingDetail(meetingID int64, d MeetingDetail) error {
	m, err := tx.meeting(meetingID)
	if err != nil {
		return err
	}
	for i, a := range d.Attendance {
		if err := tx.exists("deputies", a.DeputyID, fmt.Sprintf("出席情况第%d行代表", i+1)); err != nil {
			return err
		}
	}
	for _, t := range []string{"attendance", "meeting_guests", "resolutions", "elections"} {
		if _, err := tx.Exec(`DELETE FROM `+t+` WHERE meeting_id = ?`, meetingID); err != nil {
			return err
		}
	}
	for _, a := range d.Attendance {
		if _, err := tx.Exec(`INSERT INTO attendance (meeting_id, deputy_id, status, reason) VALUES (?, ?, ?, ?)`,
			meetingID, a.DeputyID, a.Status, a.Reason); err != nil {
			return err
		}
	}
	for _, g := range d.Guests {
		if _, err := tx.Exec(`INSERT INTO meeting_guests (meeting_id, name, unit, post) VALUES (?, ?, ?, ?)`, meetingID, g.Name, g.Unit, g.Post); err != nil {
			return err
		}
	}
	agendaIDs, err := tx.saveAgenda(meetingID, d.Agenda)
	if err != nil {
		return err
	}
	for i, r := range d.Resolutions {
		var item any
		if r.AgendaItemID > 0 {
			item = agendaIDs[r.AgendaItemID-1]
		}
		kind := r.Kind
		if kind == "" {
			kind = "决议"
		}
		if _, err := tx.Exec(`INSERT INTO resolutions (meeting_id, agenda_item_id, seq, title, kind, text, votes_for, votes_against, votes_abstain, entered_result)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, meetingID, item, i+1, r.Title, kind, r.Text, r.For, r.Against, r.Abstain, r.EnteredResult); err != nil {
			return err
		}
	}
	for _, e := range d.Elections {
		kind := e.Kind
		if kind == "" {
			kind = "选举"
		}
		res, err := tx.Exec(`INSERT INTO elections (meeting_id, kind, position, seats, expected, present, ballots_issued, ballots_returned, ballots_valid, notes)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, meetingID, kind, e.Position, e.Seats, e.Expected, e.Present, e.BallotsIssued, e.BallotsReturned, e.BallotsValid, e.Notes)
		if err != nil {
			return err
		}
		eid, _ := res.LastInsertId()
		for _, c := range e.Candidates {
			if _, err := tx.Exec(`INSERT INTO candidates (election_id, name, deputy_id, votes, elected) VALUES (?, ?, ?, ?, ?)`,
				eid, c.Name, nullID(c.DeputyID), c.Votes, c.Elected); err != nil {
				return err
			}
		}
	}
	return tx.logHistory("meeting", meetingID, ActionUpdate, m.Title, fmt.Sprintf("会议记录: 出席情况%d人, 列席人员%d人, 议程%d项, 决议%d项, 选举%d项",
		len(d.Attendance), len(d.Guests), len(d.Agenda), len(d.Resolutions), len(d.Elections)))
}

// saveAgenda replaces the meeting's agenda with items and returns their ids in order. An item that was there
// before (its ID) keeps its id, so that the files attached to it stay with it; an item no longer there is
// deleted, and its attachments go to the meeting (attachment_owner.go).
func (tx *Tx) saveAgenda(meetingID int64, items []AgendaItem) ([]int64, error) {
	had := map[int64]bool{}
	if err := collect(tx, `SELECT id FROM agenda_items WHERE meeting_id = ?`, []any{meetingID}, func(s scanner) error {
		var id int64
		err := s.Scan(&id)
		had[id] = true
		return err
	}); err != nil {
		return nil, err
	}
	keep := map[int64]bool{}
	for _, a := range items {
		if had[a.ID] {
			keep[a.ID] = true
		}
	}
	for id := range had {
		if !keep[id] {
			if _, err := tx.Exec(`DELETE FROM agenda_items WHERE id = ?`, id); err != nil {
				return nil, err
			}
		}
	}
	ids := make([]int64, len(items))
	for i, a := range items {
		kind := a.Kind
		if kind == "" {
			kind = "其他"
		}
		if keep[a.ID] {
			if _, err := tx.Exec(`UPDATE agenda_items SET seq = ?, title = ?, kind = ?, report = ?, presenter = ? WHERE id = ?`,
				i+1, a.Title, kind, a.Report, a.Presenter, a.ID); err != nil {
				return nil, err
			}
			ids[i] = a.ID
			delete(keep, a.ID) // an item listed twice is saved twice, as before
			continue
		}
		res, err := tx.Exec(`INSERT INTO agenda_items (meeting_id, seq, title, kind, report, presenter) VALUES (?, ?, ?, ?, ?, ?)`,
			meetingID, i+1, a.Title, kind, a.Report, a.Presenter)
		if err != nil {
			return nil, err
		}
		ids[i], _ = res.LastInsertId()
	}
	return ids, nil
}

// scanner is a row that can be scanned.
type scanner interface{ Scan(...any) error }

// collect runs a query and calls fn for every row.
func collect(tx *Tx, q string, args []any, fn func(scanner) error) error {
	rows, err := tx.Query(q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ReportBack is a deputy's report-back to voters with the voters' evaluation (述职评议).
type ReportBack struct {
	ID           int64
	DeputyID     int64  `label:"代表"`
	Date         Date   `label:"述职日期"`
	Form         string `label:"述职方式"` // 口头 / 书面
	Participants int    `label:"参加评议人数"`
	Excellent    int    `label:"优秀"`
	Competent    int    `label:"称职"`
	Incompetent  int    `label:"不称职"`
	Notes        string `label:"备注"`
	DeputyName   string // read only
	CreatedAt    string
	UpdatedAt    string
}

// Validate checks the record. Grades may add up to fewer than the participants (blank or invalid ballots),
// never to more.
func (r *ReportBack) Validate() error {
	var c checker
	r.check(&c)
	return c.result()
}

// check runs the record's rules on c.
func (r *ReportBack) check(c *checker) {
	c.need("代表", r.DeputyID == 0, "不能为空")
	c.requiredDate("述职日期", r.Date)
	c.required("述职方式", r.Form)
	c.oneOf("述职方式", r.Form, ReportBackForms)
	c.nonNegative("参加评议人数", r.Participants)
	c.nonNegative("优秀", r.Excellent)
	c.nonNegative("称职", r.Competent)
	c.nonNegative("不称职", r.Incompetent)
	if sum := r.Excellent + r.Competent + r.Incompetent; sum > r.Participants {
		c.fail("优秀、称职、不称职", "合计(%d)不能多于参加评议人数(%d)", sum, r.Participants)
	}
	c.maxLen("备注", r.Notes, maxText)
}

// ReportBacks returns the report-back records of a year (all when 0) or of one deputy (when deputyID ≠ 0).
func (db *DB) ReportBacks(ctx context.Context, year int, deputyID int64) (out []ReportBack, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, err = tx.reportBacks(year, deputyID)
		return err
	})
	return out, err
}

// reportBacks is ReportBacks inside a transaction.
func (tx *Tx) reportBacks(year int, deputyID int64) (out []ReportBack, err error) {
	w := &where{}
	if year != 0 {
		y := YearPeriod(year)
		w.add("r.date BETWEEN ? AND ?", y.From, y.To)
	}
	if deputyID != 0 {
		w.add("r.deputy_id = ?", deputyID)
	}
	err = collect(tx, `SELECT r.id, r.deputy_id, r.date, r.form, r.participants, r.excellent, r.competent, r.incompetent, r.notes,
		d.name, r.created_at, r.updated_at FROM report_backs r JOIN deputies d ON d.id = r.deputy_id WHERE `+w.sql()+` ORDER BY r.date, d.name`, w.args,
		func(s scanner) error {
			var r ReportBack
			err := s.Scan(&r.ID, &r.DeputyID, &r.Date, &r.Form, &r.Participants, &r.Excellent, &r.Competent, &r.Incompetent, &r.Notes, &r.DeputyName, &r.CreatedAt, &r.UpdatedAt)
			out = append(out, r)
			return err
		})
	return out, err
}

// SaveReportBack creates (ID 0) or updates a report-back record.
func (db *DB) SaveReportBack(ctx context.Context, r *ReportBack) error {
	if err := r.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		d, err := tx.deputy(r.DeputyID)
		if err != nil {
			return fieldErr("代表", "不存在")
		}
		label := d.Name + " " + r.Date.Chinese()
		if r.ID == 0 {
			res, err := tx.Exec(`INSERT INTO report_backs (deputy_id, date, form, participants, excellent, competent, incompetent, notes, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.DeputyID, r.Date, r.Form, r.Participants, r.Excellent, r.Competent, r.Incompetent, r.Notes, tx.stamp(), tx.stamp())
			if err != nil {
				return fmt.Errorf("保存述职评议: %w", err)
			}
			r.ID, _ = res.LastInsertId()
			return tx.logHistory("report_back", r.ID, ActionCreate, label, describe(r))
		}
		var old ReportBack
		if err := tx.QueryRow(`SELECT deputy_id, date, form, participants, excellent, competent, incompetent, notes FROM report_backs WHERE id = ?`, r.ID).
			Scan(&old.DeputyID, &old.Date, &old.Form, &old.Participants, &old.Excellent, &old.Competent, &old.Incompetent, &old.Notes); errors.Is(err, sql.ErrNoRows) {
			return Errorf(ENOTFOUND, "述职评议记录不存在")
		} else if err != nil {
			return err
		}
		if _, err := tx.Exec(`UPDATE report_backs SET deputy_id = ?, date = ?, form = ?, participants = ?, excellent = ?, competent = ?, incompetent = ?, notes = ?, updated_at = ? WHERE id = ?`,
			r.DeputyID, r.Date, r.Form, r.Participants, r.Excellent, r.Competent, r.Incompetent, r.Notes, tx.stamp(), r.ID); err != nil {
			return err
		}
		return tx.logHistory("report_back", r.ID, ActionUpdate, label, diff(old, r))
	})
}

// DeleteReportBack deletes a report-back record.
func (db *DB) DeleteReportBack(ctx context.Context, id int64) error {
	return db.update(ctx, func(tx *Tx) error {
		res, err := tx.Exec(`DELETE FROM report_backs WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return Errorf(ENOTFOUND, "述职评议记录不存在")
		}
		return tx.logHistory("report_back", id, ActionDelete, "", "")
	})
}

// AttendanceRecord is one meeting as seen from one deputy.
type AttendanceRecord struct {
	MeetingID int64
	Kind      string
	Title     string
	Date      Date
	Status    string
	Reason    string
}

// AttendanceOf returns a deputy's attendance rows, newest first; year 0 means all years.
func (db *DB) AttendanceOf(ctx context.Context, deputyID int64, year int) ([]AttendanceRecord, error) {
	var out []AttendanceRecord
	err := db.view(ctx, func(tx *Tx) error {
		w := &where{}
		w.add("a.deputy_id = ?", deputyID)
		if year != 0 {
			y := YearPeriod(year)
			w.add("m.start_date BETWEEN ? AND ?", y.From, y.To)
		}
		return collect(tx, `SELECT m.id, m.kind, m.title, m.start_date, a.status, a.reason FROM attendance a
			JOIN meetings m ON m.id = a.meeting_id WHERE `+w.sql()+` ORDER BY m.start_date DESC, m.id DESC`, w.args,
			func(s scanner) error {
				var r AttendanceRecord
				err := s.Scan(&r.MeetingID, &r.Kind, &r.Title, &r.Date, &r.Status, &r.Reason)
				out = append(out, r)
				return err
			})
	})
	return out, err
}
