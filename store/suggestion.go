package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Suggestion is a deputy's motion, suggestion, criticism or opinion, or a voter's opinion brought in through a
// station (SPEC §3). The registration fields are edited with SaveSuggestion; the handling fields change only
// through the workflow methods (Assign, Reply, Evaluate …), which enforce SPEC §4.
type Suggestion struct {
	ID              int64
	Number          string  `label:"编号"` // 2024-012, or 十八届三次-012; assigned on registration when empty
	Kind            string  `label:"类型"`
	Period          string  `label:"提出时段"`
	SessionID       int64   `label:"人代会"` // the 人民代表大会会议 it was raised at (人代会期间)
	Source          string  `label:"来源"`
	SourceMeetingID int64   `label:"来源活动"`
	StationID       int64   `label:"来源联络站"`
	ReceptionID     int64   `label:"接待记录"`
	LeadDeputyID    int64   `label:"领衔代表"`
	CosignerIDs     []int64 `label:"联名代表"`
	VoterName       string  `label:"选民姓名"`
	VoterContact    string  `label:"选民联系方式"`
	Title           string  `label:"标题"`
	Content         string  `label:"内容"`
	Category        string  `label:"类别"`
	Scope           string  `label:"涉及层面"`
	Priority        string  `label:"重点/一般"`
	Received        Date    `label:"收到日期"`

	// Handling, changed only by the workflow methods.
	Year              int
	Seq               int
	State             string
	Round             int
	MainUnitID        int64
	AssistUnitIDs     []int64
	Assigned          Date
	Deadline          Date // of the current round
	FirstDeadline     Date // of round 1, after any extension: 按期 is judged on it
	ExtensionReason   string
	ForwardTo         string
	Forwarded         Date
	FirstReply        Date
	LastReply         Date
	ReplyMethod       string
	Outcome           string
	Evaluation        string
	FirstEvaluation   string
	Evaluated         Date
	VoterFeedback     Date
	Closed            Date
	Terminated        Date
	TerminationKind   string
	TerminationReason string

	// RaisedFrom is the reception issue, visit or opinion card item it is registered from (raised.go); read
	// on registration only, which links the item to it.
	RaisedFrom RaisedRef

	LeadDeputyName string // read only
	MainUnitName   string // read only
	CreatedAt      string
	UpdatedAt      string
}

// FromVoter reports whether a voter raised the item: a 选民意见建议 with the voter's name (even when a deputy
// brought it in), or any item with a voter and no lead deputy.
func (s Suggestion) FromVoter() bool {
	return s.VoterName != "" && (s.Kind == KindVoter || s.LeadDeputyName == "")
}

// Proposer is who raised the item, as lists and tables name them: 「李大娘（选民）」 for a voter's item,
// otherwise the lead deputy.
func (s Suggestion) Proposer() string {
	if s.FromVoter() {
		return s.VoterName + "（选民）"
	}
	return s.LeadDeputyName
}

// Overdue reports whether the item is being handled and its deadline has passed without a reply.
func (s Suggestion) Overdue(today Date) bool {
	return s.State == StateHandling && s.Deadline != "" && s.Deadline < today
}

// DueWithin reports whether the item is being handled and its deadline falls within the next days days.
func (s Suggestion) DueWithin(today Date, days int) bool {
	return s.State == StateHandling && s.Deadline >= today && s.Deadline <= today.AddDays(days)
}

// Validate checks the registration fields; dictionaries and references are checked on save.
func (s *Suggestion) Validate() error {
	var c checker
	s.check(&c)
	return c.result()
}

// check runs the item's rules on c.
func (s *Suggestion) check(c *checker) {
	s.Title = cleanName(dropControls(s.Title))
	s.Number = cleanName(dropControls(s.Number))
	s.Content = dropControls(s.Content)
	s.VoterName = cleanName(dropControls(s.VoterName))
	c.maxLen("编号", s.Number, 30)
	c.required("类型", s.Kind)
	c.oneOf("类型", s.Kind, SuggestionKinds)
	c.required("提出时段", s.Period)
	c.oneOf("提出时段", s.Period, Periods)
	if s.Period == PeriodSession {
		c.needMsg("人代会", s.SessionID == 0, "人代会期间提出的建议必须选择是哪次会议")
	}
	if s.Period == PeriodRecess && s.SessionID != 0 {
		c.failMsg("人代会", "闭会期间提出的建议不应选择人代会")
	}
	c.required("来源", s.Source)
	c.required("标题", s.Title)
	c.maxLen("标题", s.Title, maxTitle)
	c.maxLen("内容", s.Content, maxLongText)
	c.required("类别", s.Category)
	c.required("涉及层面", s.Scope)
	c.oneOf("涉及层面", s.Scope, ScopeLevels)
	if s.Priority == "" {
		s.Priority = "一般"
	}
	c.oneOf("重点/一般", s.Priority, Priorities)
	c.requiredDate("收到日期", s.Received)
	if s.Kind == KindVoter {
		c.required("选民姓名", s.VoterName)
	} else {
		c.need("领衔代表", s.LeadDeputyID == 0, "不能为空(选民意见建议除外)")
	}
	c.maxLen("选民姓名", s.VoterName, maxName)
	c.maxLen("选民联系方式", s.VoterContact, maxLine)
	c.noDuplicates("联名代表", s.CosignerIDs)
	if s.LeadDeputyID != 0 && slices.Contains(s.CosignerIDs, s.LeadDeputyID) {
		c.fail("联名代表", "不能包含领衔代表本人")
	}
	slices.Sort(s.CosignerIDs)
}

// dropControls removes the control characters other than tab and line breaks from the text the search
// indexes: they are invisible, and a NUL hides the rest of the field from search (SQLite's LIKE stops there).
func dropControls(t string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' {
			return -1
		}
		return r
	}, t)
}

func (s *Suggestion) checkRefs(tx *Tx) error {
	if err := tx.checkDict(DictSource, "来源", s.Source); err != nil {
		return err
	}
	if err := tx.checkDict(DictCategory, "类别", s.Category); err != nil {
		return err
	}
	if s.Received > DateOf(tx.now) {
		return fieldErr("收到日期", "(%s)不能晚于今天", s.Received.Chinese())
	}
	if s.SessionID != 0 {
		m, err := tx.meeting(s.SessionID)
		if err != nil {
			return fieldErr("人代会", "不存在")
		}
		if m.Kind != MeetingCongress {
			return fieldErr("人代会", "「%s」不是人民代表大会会议", m.Title)
		}
	}
	for _, r := range []struct {
		table string
		id    int64
		field string
	}{{"meetings", s.SourceMeetingID, "来源活动"}, {"stations", s.StationID, "来源联络站"}, {"receptions", s.ReceptionID, "接待记录"},
		{"deputies", s.LeadDeputyID, "领衔代表"}} {
		if err := tx.exists(r.table, r.id, r.field); err != nil {
			return err
		}
	}
	for _, id := range s.CosignerIDs {
		if err := tx.exists("deputies", id, "联名代表"); err != nil {
			return err
		}
	}
	return nil
}

const suggestionColumns = `s.id, s.number, s.year, s.seq, s.kind, s.period, s.session_id, s.source, s.source_meeting_id,
	s.station_id, s.reception_id, s.lead_deputy_id, s.voter_name, s.voter_contact, s.title, s.content, s.category, s.scope,
	s.priority, s.received, s.state, s.round, s.main_unit_id, s.assigned, s.deadline, s.first_deadline, s.extension_reason,
	s.forward_to, s.forwarded, s.first_reply, s.last_reply, s.reply_method, s.outcome, s.evaluation, s.first_evaluation,
	s.evaluated, s.voter_feedback, s.closed, s.terminated, s.termination_kind, s.termination_reason, s.created_at, s.updated_at,
	coalesce(d.name, ''), coalesce(u.name, ''),
	coalesce((SELECT group_concat(deputy_id, ',') FROM suggestion_cosigners WHERE suggestion_id = s.id), ''),
	coalesce((SELECT group_concat(unit_id, ',') FROM suggestion_assist_units WHERE suggestion_id = s.id), '')`

const suggestionFrom = ` FROM suggestions s LEFT JOIN deputies d ON d.id = s.lead_deputy_id LEFT JOIN units u ON u.id = s.main_unit_id`

func scanSuggestion(r scanner, extra ...any) (Suggestion, error) {
	var s Suggestion
	var session, srcMeeting, station, reception, lead, unit sql.NullInt64
	var cos, assist string
	dest := []any{&s.ID, &s.Number, &s.Year, &s.Seq, &s.Kind, &s.Period, &session, &s.Source, &srcMeeting,
		&station, &reception, &lead, &s.VoterName, &s.VoterContact, &s.Title, &s.Content, &s.Category, &s.Scope,
		&s.Priority, &s.Received, &s.State, &s.Round, &unit, &s.Assigned, &s.Deadline, &s.FirstDeadline, &s.ExtensionReason,
		&s.ForwardTo, &s.Forwarded, &s.FirstReply, &s.LastReply, &s.ReplyMethod, &s.Outcome, &s.Evaluation, &s.FirstEvaluation,
		&s.Evaluated, &s.VoterFeedback, &s.Closed, &s.Terminated, &s.TerminationKind, &s.TerminationReason, &s.CreatedAt, &s.UpdatedAt,
		&s.LeadDeputyName, &s.MainUnitName, &cos, &assist}
	err := r.Scan(append(dest, extra...)...)
	s.SessionID, s.SourceMeetingID, s.StationID, s.ReceptionID = session.Int64, srcMeeting.Int64, station.Int64, reception.Int64
	s.LeadDeputyID, s.MainUnitID = lead.Int64, unit.Int64
	s.CosignerIDs, s.AssistUnitIDs = splitIDs(cos), splitIDs(assist)
	return s, err
}

// Suggestion returns one suggestion.
func (db *DB) Suggestion(ctx context.Context, id int64) (Suggestion, error) {
	var s Suggestion
	err := db.view(ctx, func(tx *Tx) error {
		var err error
		s, err = tx.suggestion(id)
		return err
	})
	return s, err
}

func (tx *Tx) suggestion(id int64) (Suggestion, error) {
	s, err := scanSuggestion(tx.QueryRow(`SELECT `+suggestionColumns+suggestionFrom+` WHERE s.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return s, Errorf(ENOTFOUND, "建议不存在(编号%d)", id)
	}
	return s, err
}

// SuggestionFilter selects suggestions. Zero fields do not filter.
type SuggestionFilter struct {
	Query     string // number, title, content, names of the lead deputy, co-signers and voter
	Year      int    // year received
	From, To  Date   // received between
	States    []string
	Kind      string
	Period    string
	Category  string
	Source    string
	Scope     string
	UnitID    int64 // main or assisting unit
	DeputyID  int64 // lead deputy or co-signer
	StationID int64
	MeetingID int64 // the session or activity it came from
	Overdue   bool  // being handled with the deadline passed (as of Today)
	// AssignLate: raised between sessions and still 待交办 after the configured working days (as of Today).
	AssignLate bool
	DueWithin  int // being handled with the deadline within this many days (as of Today)
	// Carried keeps the items carried into the current term at its 换届 (「上届转入」, carried.go).
	Carried bool
	Today   Date // "today" for Overdue and DueWithin; empty = the real today
	IDs     []int64
	Sort    string // one of SuggestionSortKeys; "" = newest number first
	Desc    bool
	Offset  int
	Limit   int // ≤ 0: all
}

// SuggestionSortKeys maps the sortable columns of the suggestion list to their SQL.
var SuggestionSortKeys = map[string]string{
	"number": "s.year, s.seq", "title": "s.title", "kind": "s.kind", "category": "s.category", "state": "s.state",
	"received": "s.received", "deadline": "s.deadline", "unit": "u.name", "deputy": "d.name", "outcome": "s.outcome",
}

// Suggestions returns a page of suggestions and the number that match.
func (db *DB) Suggestions(ctx context.Context, f SuggestionFilter) (out []Suggestion, total int, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, total, err = tx.suggestions(f)
		return err
	})
	return out, total, err
}

// suggestions is Suggestions inside a transaction.
func (tx *Tx) suggestions(f SuggestionFilter) (out []Suggestion, total int, err error) {
	w := tx.suggestionWhere(f)
	order := "s.received DESC, s.id DESC"
	if col, ok := SuggestionSortKeys[f.Sort]; ok {
		order = strings.ReplaceAll(col, ",", desc(f.Desc)+",") + desc(f.Desc) + ", s.id"
	}
	q := listQuery{idCol: "s.id", countFrom: "suggestions s", from: strings.TrimPrefix(suggestionFrom, " FROM "), order: order}
	if f.Sort == "" { // the default order (received DESC, id DESC) is the order of suggestions_received
		q.bigFrom = strings.Replace(q.from, "suggestions s", "suggestions s INDEXED BY suggestions_received", 1)
		q.walk = `SELECT id FROM suggestions INDEXED BY suggestions_received ORDER BY received DESC, id DESC`
	}
	out, total, err = listPage(tx, q, w, f.Offset, f.Limit,
		func(ids []int64) (map[int64]Suggestion, error) {
			m := map[int64]Suggestion{}
			err := collect(tx, `SELECT `+suggestionColumns+suggestionFrom+` WHERE s.id IN (`+idList(ids)+`)`, nil, func(r scanner) error {
				s, err := scanSuggestion(r)
				m[s.ID] = s
				return err
			})
			return m, err
		})
	if err != nil {
		return nil, 0, fmt.Errorf("查询建议: %w", err)
	}
	return out, total, nil
}

func (tx *Tx) suggestionWhere(f SuggestionFilter) *where {
	w := &where{}
	w.match("s.id", "suggestion_fts", []string{"number", "title", "content", "names"}, f.Query, "suggestion_grams")
	if f.Year != 0 {
		w.add("s.year = ?", f.Year)
	}
	if f.From != "" {
		w.add("s.received >= ?", f.From)
	}
	if f.To != "" {
		w.add("s.received <= ?", f.To)
	}
	if len(f.States) > 0 {
		w.add("s.state IN ("+strings.TrimSuffix(strings.Repeat("?,", len(f.States)), ",")+")", anySlice(f.States)...)
	}
	for _, x := range []struct{ col, v string }{{"s.kind", f.Kind}, {"s.period", f.Period}, {"s.category", f.Category},
		{"s.source", f.Source}, {"s.scope", f.Scope}} {
		if x.v != "" {
			w.add(x.col+" = ?", x.v)
		}
	}
	if f.UnitID != 0 {
		w.add("(s.main_unit_id = ? OR s.id IN (SELECT suggestion_id FROM suggestion_assist_units WHERE unit_id = ?))", f.UnitID, f.UnitID)
	}
	if f.DeputyID != 0 {
		w.add("(s.lead_deputy_id = ? OR s.id IN (SELECT suggestion_id FROM suggestion_cosigners WHERE deputy_id = ?))", f.DeputyID, f.DeputyID)
	}
	if f.StationID != 0 {
		w.add("s.station_id = ?", f.StationID)
	}
	if f.MeetingID != 0 {
		w.add("(s.session_id = ? OR s.source_meeting_id = ?)", f.MeetingID, f.MeetingID)
	}
	today := f.Today
	if today == "" {
		today = DateOf(tx.now)
	}
	if f.Overdue {
		w.add("s.state = ? AND s.deadline < ?", StateHandling, today)
	}
	if f.AssignLate {
		if r, err := tx.rules(); err == nil {
			w.add("s.state = ? AND s.period = ? AND s.received <= ?", StatePending, PeriodRecess, r.AssignCutoff(today))
		}
	}
	if f.Carried {
		w.add(carriedCurrent)
	}
	if f.DueWithin > 0 {
		w.add("s.state = ? AND s.deadline BETWEEN ? AND ?", StateHandling, today, today.AddDays(f.DueWithin))
	}
	if f.IDs != nil {
		w.addIDs("s.id", f.IDs)
	}
	return w
}

func anySlice(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// SuggestionYears returns the years that have suggestions, newest first.
func (db *DB) SuggestionYears(ctx context.Context) ([]int, error) {
	var out []int
	err := db.view(ctx, func(tx *Tx) error {
		return collect(tx, `SELECT DISTINCT year FROM suggestions ORDER BY year DESC`, nil, func(s scanner) error {
			var y int
			err := s.Scan(&y)
			out = append(out, y)
			return err
		})
	})
	return out, err
}

// SaveSuggestion registers (ID 0) or corrects a suggestion's registration fields. A new item gets the next
// number (per year, or per session when the settings say so) unless the clerk typed one, and starts 待交办.
func (db *DB) SaveSuggestion(ctx context.Context, s *Suggestion) error {
	if err := s.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error { return tx.saveSuggestion(s) })
}

func (tx *Tx) saveSuggestion(s *Suggestion) error {
	if err := s.checkRefs(tx); err != nil {
		return err
	}
	if s.ID != 0 {
		return tx.updateSuggestion(s)
	}
	if s.Number == "" {
		n, seq, err := tx.nextNumber(s)
		if err != nil {
			return err
		}
		s.Number, s.Seq = n, seq
	} else {
		s.Seq = trailingNumber(s.Number)
	}
	if err := tx.uniqueNumber(s.Number, 0); err != nil {
		return err
	}
	first := s.applyRegister()
	res, err := tx.Exec(`INSERT INTO suggestions (number, year, seq, kind, period, session_id, source, source_meeting_id,
		station_id, reception_id, lead_deputy_id, voter_name, voter_contact, title, content, category, scope, priority, received,
		state, round, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		s.Number, s.Year, s.Seq, s.Kind, s.Period, nullID(s.SessionID), s.Source, nullID(s.SourceMeetingID), nullID(s.StationID),
		nullID(s.ReceptionID), nullID(s.LeadDeputyID), s.VoterName, s.VoterContact, s.Title, s.Content, s.Category, s.Scope,
		s.Priority, s.Received, s.State, s.Round, tx.stamp(), tx.stamp())
	if err != nil {
		return fmt.Errorf("保存建议: %w", err)
	}
	s.ID, _ = res.LastInsertId()
	if s.RaisedFrom.ID != 0 {
		if err := tx.linkRaised(s.RaisedFrom, s.ID); err != nil {
			return err
		}
	}
	if err := tx.saveCosigners(s); err != nil {
		return err
	}
	if err := tx.addStep(s.ID, first.Step, first.Date, first.Round, first.Detail, first.FromState, first.ToState); err != nil {
		return err
	}
	if err := tx.reindexSuggestion(s.ID); err != nil {
		return err
	}
	return tx.logHistory("suggestion", s.ID, ActionCreate, s.Number, describe(s))
}

func (tx *Tx) updateSuggestion(s *Suggestion) error {
	old, err := tx.suggestion(s.ID)
	if err != nil {
		return err
	}
	if s.Number == "" {
		s.Number = old.Number
	}
	if s.Number != old.Number {
		if err := tx.uniqueNumber(s.Number, s.ID); err != nil {
			return err
		}
		s.Seq = trailingNumber(s.Number)
	} else {
		s.Seq = old.Seq
	}
	for _, d := range []struct {
		name string
		d    Date
	}{{"交办日期", old.Assigned}, {"转交日期", old.Forwarded}, {"终止日期", old.Terminated}} {
		if d.d != "" && s.Received > d.d {
			return fieldErr("收到日期", "(%s)不能晚于%s(%s)", s.Received.Chinese(), d.name, d.d.Chinese())
		}
	}
	if old.State == StateForwarded && !oneOf(s.Scope, []string{LevelCity, LevelCounty}) {
		return fieldErr("涉及层面", "已转交上级的建议只能是市级或%s层面", "县级")
	}
	s.Year = s.Received.Year()
	if _, err := tx.Exec(`UPDATE suggestions SET number = ?, year = ?, seq = ?, kind = ?, period = ?, session_id = ?, source = ?,
		source_meeting_id = ?, station_id = ?, reception_id = ?, lead_deputy_id = ?, voter_name = ?, voter_contact = ?, title = ?,
		content = ?, category = ?, scope = ?, priority = ?, received = ?, updated_at = ? WHERE id = ?`,
		s.Number, s.Year, s.Seq, s.Kind, s.Period, nullID(s.SessionID), s.Source, nullID(s.SourceMeetingID), nullID(s.StationID),
		nullID(s.ReceptionID), nullID(s.LeadDeputyID), s.VoterName, s.VoterContact, s.Title, s.Content, s.Category, s.Scope,
		s.Priority, s.Received, tx.stamp(), s.ID); err != nil {
		return fmt.Errorf("保存建议: %w", err)
	}
	if err := tx.saveCosigners(s); err != nil {
		return err
	}
	if err := tx.reindexSuggestion(s.ID); err != nil {
		return err
	}
	// Handling fields carry no label tag, so the diff shows only what the clerk edited.
	ch := diff(old, s)
	if *s, err = tx.suggestion(s.ID); err != nil {
		return err
	}
	if ch != "" {
		return tx.logHistory("suggestion", s.ID, ActionUpdate, s.Number, ch)
	}
	return nil
}

func (tx *Tx) saveCosigners(s *Suggestion) error {
	if _, err := tx.Exec(`DELETE FROM suggestion_cosigners WHERE suggestion_id = ?`, s.ID); err != nil {
		return err
	}
	for _, id := range s.CosignerIDs {
		if _, err := tx.Exec(`INSERT INTO suggestion_cosigners (suggestion_id, deputy_id) VALUES (?, ?)`, s.ID, id); err != nil {
			return err
		}
	}
	return nil
}

func (tx *Tx) uniqueNumber(number string, id int64) error {
	var other int64
	err := tx.QueryRow(`SELECT id FROM suggestions WHERE number = ? AND id != ?`, number, id).Scan(&other)
	if err == nil {
		return &Error{Code: ECONFLICT, Field: "编号", Message: fmt.Sprintf("编号「%s」已被另一件建议使用", number)}
	}
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	return err
}

var trailingDigits = regexp.MustCompile(`(\d+)$`)

func trailingNumber(n string) int {
	m := trailingDigits.FindStringSubmatch(n)
	if m == nil {
		return 0
	}
	v, _ := strconv.Atoi(m[1])
	return v
}

// NumberPrefix returns the prefix of the numbers of an item: "2024-" by year, or "十八届三次-" by session
// for items raised at a session when the settings number per session.
func (tx *Tx) numberPrefix(s *Suggestion) (string, error) {
	st, err := readSettings(tx)
	if err != nil {
		return "", err
	}
	if st.Numbering == "session" && s.SessionID != 0 {
		var term, session int
		if err := tx.QueryRow(`SELECT coalesce(t.number, 0), coalesce(m.session_no, 0) FROM meetings m
			LEFT JOIN terms t ON t.id = m.term_id WHERE m.id = ?`, s.SessionID).Scan(&term, &session); err != nil {
			return "", err
		}
		if term > 0 && session > 0 {
			return SessionShort(term, session) + "-", nil
		}
	}
	return yearPrefix(s.Received), nil
}

// yearPrefix is the number prefix of an item numbered by the year it was received in: 「2024-」.
func yearPrefix(received Date) string { return fmt.Sprintf("%d-", received.Year()) }

// numbered is the item number with the given prefix and sequence number: 2024-001, 十八届三次-012.
func numbered(prefix string, seq int) string { return fmt.Sprintf("%s%03d", prefix, seq) }

// nextSeqQuery reads the highest seq under a number prefix (see nextNumber).
const nextSeqQuery = `SELECT coalesce(max(seq), 0) FROM suggestions WHERE substr(number, 1, instr(number, '-')) = ?`

// nextNumber returns the next free number under the item's prefix: 2024-001, 2024-002 …
func (tx *Tx) nextNumber(s *Suggestion) (string, int, error) {
	prefix, err := tx.numberPrefix(s)
	if err != nil {
		return "", 0, err
	}
	var max int
	// The prefix holds one '-', at its end, so the numbers that begin with it are those whose text up to the
	// first '-' is the prefix: the expression of the index suggestions_number_prefix (migration 0010), which
	// this query must repeat word for word for SQLite to use it.
	if err := tx.QueryRow(nextSeqQuery, prefix).Scan(&max); err != nil {
		return "", 0, err
	}
	return numbered(prefix, max+1), max + 1, nil
}

// DeleteSuggestion deletes a suggestion with its whole handling record.
func (db *DB) DeleteSuggestion(ctx context.Context, id int64) error {
	return db.update(ctx, func(tx *Tx) error {
		s, err := tx.suggestion(id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM suggestions WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.logHistory("suggestion", id, ActionDelete, s.Number, describe(&s))
	})
}
