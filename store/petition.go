package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// The 信访 register (issue 18 §2, domain.md §2.20): letters, visits, the deputies' mailboxes, the 接待日, the
// stations and the cases the upper congress refers down (上级人大批转). A petition is registered, then answered
// on the spot or referred (转办) to a unit with a responsible person and a deadline counted in working days on
// the holiday calendar; the unit's answer is fed back to the petitioner and the case closed. A referred case's
// result is reported back up (报告结果). Like the suggestion loop it is a small state machine: NextSteps says
// which steps are legal, each step is one method that refuses any other, and every step is a timeline entry
// (petition_flow.go).

// DictPetitionCategory is the dictionary of petition categories (信访类别).
const DictPetitionCategory = "petition_category"

func init() { DictKinds[DictPetitionCategory] = "信访类别" }

// The channels a petition comes by.
const (
	ChannelLetter   = "来信"
	ChannelVisit    = "来访"
	ChannelMailbox  = "代表信箱"
	ChannelDay      = "接待日"
	ChannelStation  = "工作站"
	ChannelReferral = "上级人大批转"
)

// PetitionChannels lists the channels in the order the form offers them.
var PetitionChannels = []string{ChannelLetter, ChannelVisit, ChannelMailbox, ChannelDay, ChannelStation, ChannelReferral}

// IsVisit reports whether a channel brings people in person (来访, 接待日, 工作站): counted in 起 and 人次.
func IsVisit(channel string) bool {
	return channel == ChannelVisit || channel == ChannelDay || channel == ChannelStation
}

// IsLetter reports whether a channel brings a letter (来信, 代表信箱): counted in 件.
func IsLetter(channel string) bool { return channel == ChannelLetter || channel == ChannelMailbox }

// groupVisitMin is the least number of people of a group visit (集体访: 五人以上).
const groupVisitMin = 5

// Petition is one case of the 信访 register. The registration fields are edited with SavePetition; the
// handling fields change only through the steps (petition_flow.go).
type Petition struct {
	ID           int64
	Number       string `label:"编号"` // 信2024-003; given on registration when empty
	Received     Date   `label:"收到日期"`
	Channel      string `label:"来源渠道"`
	Visitors     int    `label:"人次"`
	GroupVisit   bool   `label:"集体访"`
	Subject      string `label:"事由"`
	Content      string `label:"内容"`
	Category     string `label:"类别"`
	Petitioner   string `label:"信访人"`
	Village      string `label:"村(居)"`
	Contact      string `label:"联系方式"`
	KeyCase      bool   `label:"重点督办"`
	Leapfrog     bool   `label:"越级上访"`
	ReferralFrom string `label:"批转机关"`
	ReferralNo   string `label:"批转文号"`
	ReportDue    Date   `label:"报告期限"`

	// Handling, changed only by the steps.
	Year, Seq   int
	State       string
	UnitID      int64
	UnitName    string
	Responsible string
	Referred    Date
	Deadline    Date
	Reply       string
	Replied     Date
	Feedback    Date
	FeedbackHow string
	Closed      Date
	Reported    Date

	// FromIssue is the reception issue it is registered from (转信访); read on registration only.
	FromIssue int64
	CreatedAt string
	UpdatedAt string
}

// Referral reports whether the upper congress referred the case (上级人大批转).
func (p Petition) Referral() bool { return p.Channel == ChannelReferral }

// Overdue reports whether the case is with a unit and its deadline has passed.
func (p Petition) Overdue(today Date) bool {
	return p.State == PetitionHandling && p.Deadline != "" && p.Deadline < today
}

// ReportOverdue reports whether a referred case's result has not been reported by its due day.
func (p Petition) ReportOverdue(today Date) bool {
	return p.Referral() && p.Reported == "" && p.ReportDue != "" && p.ReportDue < today
}

// Validate checks the registration fields; the dictionary and the dates against today are checked on save.
func (p *Petition) Validate() error {
	var c checker
	p.Number = cleanName(dropControls(p.Number))
	p.Subject = cleanName(dropControls(p.Subject))
	p.Content = dropControls(p.Content)
	p.Petitioner, p.Village = cleanName(p.Petitioner), cleanName(p.Village)
	p.Contact = strings.TrimSpace(p.Contact)
	p.ReferralFrom, p.ReferralNo = cleanName(p.ReferralFrom), cleanName(p.ReferralNo)
	c.maxLen("编号", p.Number, 30)
	c.requiredDate("收到日期", p.Received)
	c.required("来源渠道", p.Channel)
	c.oneOf("来源渠道", p.Channel, PetitionChannels)
	c.nonNegative("人次", p.Visitors)
	switch {
	case p.Visitors > 10000:
		c.fail("人次", "数值过大(%d)", p.Visitors)
	case IsVisit(p.Channel) && p.Visitors < 1:
		c.fail("人次", "来访至少1人次")
	case p.GroupVisit && !IsVisit(p.Channel):
		c.fail("集体访", "只有来访(来访、接待日、工作站)才是集体访")
	case p.GroupVisit && p.Visitors < groupVisitMin:
		c.fail("集体访", "应为%d人以上(现为%d人次)", groupVisitMin, p.Visitors)
	}
	c.required("事由", p.Subject)
	c.maxLen("事由", p.Subject, maxTitle)
	c.maxLen("内容", p.Content, maxLongText)
	c.maxLen("信访人", p.Petitioner, maxName)
	c.maxLen("村(居)", p.Village, maxName)
	c.maxLen("联系方式", p.Contact, maxLine)
	c.maxLen("批转机关", p.ReferralFrom, maxLine)
	c.maxLen("批转文号", p.ReferralNo, 50)
	c.date("报告期限", p.ReportDue)
	if p.Referral() {
		c.required("批转机关", p.ReferralFrom)
		c.notBefore("报告期限", p.ReportDue, "收到日期", p.Received)
	} else if p.ReferralFrom != "" || p.ReferralNo != "" || p.ReportDue != "" {
		c.fail("批转机关", "只有上级人大批转的信访件才填写批转机关、文号和报告期限")
	}
	return c.result()
}

// PetitionFilter selects petitions. Zero fields do not filter.
type PetitionFilter struct {
	Query    string // number, subject, content, petitioner, unit
	Year     int
	From, To Date // received between
	Channel  string
	State    string
	KeyCase  bool
	Referral bool
	// Overdue: with a unit and past its deadline (as of Today). ReportOverdue: a referred case not reported
	// by its due day (as of Today).
	Overdue       bool
	ReportOverdue bool
	Today         Date // "" = the real today
	IDs           []int64
	Sort          string // one of PetitionSortKeys; "" = newest first
	Desc          bool
	Offset        int
	Limit         int
}

// PetitionSortKeys maps the sortable columns of the petition list to their SQL.
var PetitionSortKeys = map[string]string{
	"number": "p.year, p.seq", "received": "p.received", "channel": "p.channel", "subject": "p.subject",
	"state": "p.state", "deadline": "p.deadline", "unit": "p.unit_name",
}

const petitionColumns = `p.id, p.number, p.year, p.seq, p.received, p.channel, p.visitors, p.group_visit, p.subject,
	p.content, p.category, p.petitioner, p.village, p.contact, p.key_case, p.leapfrog, p.referral_from, p.referral_no,
	p.report_due, p.state, coalesce(p.unit_id, 0), p.unit_name, p.responsible, p.referred, p.deadline, p.reply,
	p.replied, p.feedback, p.feedback_how, p.closed, p.reported, p.created_at, p.updated_at`

func scanPetition(sc scanner, extra ...any) (Petition, error) {
	var p Petition
	err := sc.Scan(append([]any{&p.ID, &p.Number, &p.Year, &p.Seq, &p.Received, &p.Channel, &p.Visitors, &p.GroupVisit,
		&p.Subject, &p.Content, &p.Category, &p.Petitioner, &p.Village, &p.Contact, &p.KeyCase, &p.Leapfrog,
		&p.ReferralFrom, &p.ReferralNo, &p.ReportDue, &p.State, &p.UnitID, &p.UnitName, &p.Responsible, &p.Referred,
		&p.Deadline, &p.Reply, &p.Replied, &p.Feedback, &p.FeedbackHow, &p.Closed, &p.Reported, &p.CreatedAt,
		&p.UpdatedAt}, extra...)...)
	return p, err
}

// Petition returns one petition.
func (db *DB) Petition(ctx context.Context, id int64) (Petition, error) {
	var p Petition
	err := db.view(ctx, func(tx *Tx) error {
		var err error
		p, err = tx.petition(id)
		return err
	})
	return p, err
}

func (tx *Tx) petition(id int64) (Petition, error) {
	p, err := scanPetition(tx.QueryRow(`SELECT `+petitionColumns+` FROM petitions p WHERE p.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return p, Errorf(ENOTFOUND, "信访件不存在(编号%d)", id)
	}
	return p, err
}

// FindPetition finds a petition by its number (信2024-003) or its internal id.
func (db *DB) FindPetition(ctx context.Context, ref string) (Petition, error) {
	ref = strings.TrimSpace(ref)
	var p Petition
	err := db.view(ctx, func(tx *Tx) error {
		var err error
		p, err = scanPetition(tx.QueryRow(`SELECT `+petitionColumns+` FROM petitions p WHERE p.number = ? OR CAST(p.id AS TEXT) = ?
			ORDER BY p.number = ? DESC LIMIT 1`, ref, ref, ref))
		if errors.Is(err, sql.ErrNoRows) {
			return Errorf(ENOTFOUND, "找不到信访件「%s」", ref)
		}
		return err
	})
	return p, err
}

// Petitions returns a page of petitions and the number that match.
func (db *DB) Petitions(ctx context.Context, f PetitionFilter) (out []Petition, total int, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, total, err = tx.petitions(f)
		return err
	})
	return out, total, err
}

func (tx *Tx) petitions(f PetitionFilter) (out []Petition, total int, err error) {
	w := &where{}
	w.match("p.id", "petition_fts", []string{"number", "subject", "content", "names"}, f.Query, "petition_grams")
	if f.Year != 0 {
		w.add("p.year = ?", f.Year)
	}
	if f.From != "" {
		w.add("p.received >= ?", f.From)
	}
	if f.To != "" {
		w.add("p.received <= ?", f.To)
	}
	if f.Channel != "" {
		w.add("p.channel = ?", f.Channel)
	}
	if f.State != "" {
		w.add("p.state = ?", f.State)
	}
	if f.KeyCase {
		w.add("p.key_case = 1")
	}
	if f.Referral {
		w.add("p.channel = ?", ChannelReferral)
	}
	today := f.Today
	if today == "" {
		today = DateOf(tx.now)
	}
	if f.Overdue {
		w.add("p.state = ? AND p.deadline < ?", PetitionHandling, today)
	}
	if f.ReportOverdue {
		w.add("p.channel = ? AND p.reported IS NULL AND p.report_due < ?", ChannelReferral, today)
	}
	if f.IDs != nil {
		w.addIDs("p.id", f.IDs)
	}
	order := "p.received DESC, p.id DESC"
	if col, ok := PetitionSortKeys[f.Sort]; ok {
		order = strings.ReplaceAll(col, ",", desc(f.Desc)+",") + desc(f.Desc) + ", p.id"
	}
	q := listQuery{idCol: "p.id", countFrom: "petitions p", from: "petitions p", order: order}
	out, total, err = listPage(tx, q, w, f.Offset, f.Limit, func(ids []int64) (map[int64]Petition, error) {
		m := map[int64]Petition{}
		err := collect(tx, `SELECT `+petitionColumns+` FROM petitions p WHERE p.id IN (`+idList(ids)+`)`, nil, func(sc scanner) error {
			p, err := scanPetition(sc)
			m[p.ID] = p
			return err
		})
		return m, err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("查询信访件: %w", err)
	}
	return out, total, nil
}

// PetitionYears returns the years that have petitions, newest first.
func (db *DB) PetitionYears(ctx context.Context) ([]int, error) {
	var out []int
	err := db.view(ctx, func(tx *Tx) error {
		return collect(tx, `SELECT DISTINCT year FROM petitions ORDER BY year DESC`, nil, func(sc scanner) error {
			var y int
			err := sc.Scan(&y)
			out = append(out, y)
			return err
		})
	})
	return out, err
}

// SavePetition registers (ID 0) or corrects a petition's registration fields. A new case gets the next number
// of its year unless the clerk typed one, and starts 待处理; registered from a reception issue (FromIssue), the
// issue's route becomes 转信访 and points at it, in the same transaction.
func (db *DB) SavePetition(ctx context.Context, p *Petition) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error { return tx.savePetition(p) })
}

func (tx *Tx) savePetition(p *Petition) error {
	if err := tx.checkDict(DictPetitionCategory, "类别", p.Category); err != nil {
		return err
	}
	if p.Received > DateOf(tx.now) {
		return fieldErr("收到日期", "(%s)不能晚于今天", p.Received.Chinese())
	}
	if p.Referral() && p.ReportDue == "" {
		vs, err := tx.voterSettings()
		if err != nil {
			return err
		}
		cal, err := tx.calendar()
		if err != nil {
			return err
		}
		p.ReportDue = vs.ReportDue(cal, p.Received)
	}
	if p.ID != 0 {
		return tx.updatePetition(p)
	}
	if p.Number == "" {
		p.Seq = 1
		if err := tx.QueryRow(`SELECT coalesce(max(seq), 0) + 1 FROM petitions WHERE year = ?`, p.Received.Year()).Scan(&p.Seq); err != nil {
			return err
		}
		p.Number = fmt.Sprintf("信%d-%03d", p.Received.Year(), p.Seq)
	} else {
		p.Seq = trailingNumber(p.Number)
	}
	if err := tx.uniquePetitionNumber(p.Number, 0); err != nil {
		return err
	}
	p.Year, p.State = p.Received.Year(), PetitionNew
	res, err := tx.Exec(`INSERT INTO petitions (number, year, seq, received, channel, visitors, group_visit, subject, content,
		category, petitioner, village, contact, key_case, leapfrog, referral_from, referral_no, report_due, state, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		p.Number, p.Year, p.Seq, p.Received, p.Channel, p.Visitors, p.GroupVisit, p.Subject, p.Content, p.Category,
		p.Petitioner, p.Village, p.Contact, p.KeyCase, p.Leapfrog, p.ReferralFrom, p.ReferralNo, p.ReportDue, p.State,
		tx.stamp(), tx.stamp())
	if err != nil {
		return fmt.Errorf("保存信访件: %w", err)
	}
	p.ID, _ = res.LastInsertId()
	p.CreatedAt, p.UpdatedAt = tx.stamp(), tx.stamp()
	detail := p.Channel
	if p.FromIssue != 0 {
		d, err := tx.linkIssuePetition(p.FromIssue, p.ID)
		if err != nil {
			return err
		}
		detail += "；" + d
	}
	if err := tx.addPetitionStep(p.ID, StepRegister, p.Received, detail, "", p.State); err != nil {
		return err
	}
	if err := tx.reindexPetition(p.ID); err != nil {
		return err
	}
	return tx.logHistory("petition", p.ID, ActionCreate, p.Number, describe(p))
}

// linkIssuePetition makes the reception issue id point at the petition and its route 转信访; it returns the
// timeline's words for where the case came from.
func (tx *Tx) linkIssuePetition(issueID, petitionID int64) (string, error) {
	i, rid, err := tx.issue(issueID)
	if err != nil {
		return "", err
	}
	switch {
	case i.PetitionID != 0:
		return "", Errorf(ECONFLICT, "这条问题已登记为信访件%s", i.PetitionNumber)
	case i.SuggestionID != 0:
		return "", Errorf(ECONFLICT, "这条问题已登记为建议%s，不能再转信访", i.SuggestionNumber)
	}
	if _, err := tx.Exec(`UPDATE reception_issues SET petition_id = ?, route = ? WHERE id = ?`, petitionID, RoutePetition, issueID); err != nil {
		return "", err
	}
	r, err := tx.reception(rid)
	if err != nil {
		return "", err
	}
	if err := tx.logHistory("reception", rid, ActionUpdate, r.StationName+" "+r.Date.Chinese(),
		fmt.Sprintf("问题「%s」转信访", shortText(i.Content))); err != nil {
		return "", err
	}
	return "来自" + r.StationName + r.Date.Chinese() + "接待选民", nil
}

func (tx *Tx) updatePetition(p *Petition) error {
	old, err := tx.petition(p.ID)
	if err != nil {
		return err
	}
	if p.Number == "" {
		p.Number = old.Number
	}
	if p.Number != old.Number {
		if err := tx.uniquePetitionNumber(p.Number, p.ID); err != nil {
			return err
		}
		p.Seq = trailingNumber(p.Number)
	} else {
		p.Seq = old.Seq
	}
	for _, d := range []struct {
		name string
		d    Date
	}{{"转办日期", old.Referred}, {"答复日期", old.Replied}} {
		if d.d != "" && p.Received > d.d {
			return fieldErr("收到日期", "(%s)不能晚于%s(%s)", p.Received.Chinese(), d.name, d.d.Chinese())
		}
	}
	if old.Referral() != p.Referral() && old.State != PetitionNew {
		return fieldErr("来源渠道", "已开始办理的信访件不能改为或改出「上级人大批转」")
	}
	p.Year = p.Received.Year()
	if _, err := tx.Exec(`UPDATE petitions SET number = ?, year = ?, seq = ?, received = ?, channel = ?, visitors = ?,
		group_visit = ?, subject = ?, content = ?, category = ?, petitioner = ?, village = ?, contact = ?, key_case = ?,
		leapfrog = ?, referral_from = ?, referral_no = ?, report_due = ?, updated_at = ? WHERE id = ?`,
		p.Number, p.Year, p.Seq, p.Received, p.Channel, p.Visitors, p.GroupVisit, p.Subject, p.Content, p.Category,
		p.Petitioner, p.Village, p.Contact, p.KeyCase, p.Leapfrog, p.ReferralFrom, p.ReferralNo, p.ReportDue, tx.stamp(), p.ID); err != nil {
		return fmt.Errorf("保存信访件: %w", err)
	}
	if err := tx.reindexPetition(p.ID); err != nil {
		return err
	}
	ch := diff(old, p)
	if *p, err = tx.petition(p.ID); err != nil {
		return err
	}
	if ch == "" {
		return nil
	}
	return tx.logHistory("petition", p.ID, ActionUpdate, p.Number, ch)
}

func (tx *Tx) uniquePetitionNumber(number string, id int64) error {
	var other int64
	err := tx.QueryRow(`SELECT id FROM petitions WHERE number = ? AND id != ?`, number, id).Scan(&other)
	if err == nil {
		return &Error{Code: ECONFLICT, Field: "编号", Message: fmt.Sprintf("编号「%s」已被另一件信访件使用", number)}
	}
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	return err
}

// DeletePetition deletes a petition with its timeline; a reception issue it came from keeps its route.
func (db *DB) DeletePetition(ctx context.Context, id int64) error {
	return db.update(ctx, func(tx *Tx) error {
		p, err := tx.petition(id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM petitions WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.logHistory("petition", id, ActionDelete, p.Number, describe(&p))
	})
}

// reindexPetition rewrites the search rows of one petition: number, subject, content, and the names of the
// petitioner, the unit and the responsible person.
func (tx *Tx) reindexPetition(id int64) error {
	p, err := tx.petition(id)
	if err != nil {
		return err
	}
	return writePetitionIndex(tx, p, true)
}

// writePetitionIndex writes the trigram and gram rows of p, first deleting its old ones when replace is set.
func writePetitionIndex(ex execQuerier, p Petition, replace bool) error {
	names := textJoinSpace(p.Petitioner, p.UnitName, p.Responsible, p.Village)
	if replace {
		if _, err := ex.Exec(`DELETE FROM petition_fts WHERE rowid = ?`, p.ID); err != nil {
			return err
		}
		if _, err := ex.Exec(`DELETE FROM petition_grams WHERE rowid = ?`, p.ID); err != nil {
			return err
		}
	}
	if _, err := ex.Exec(`INSERT INTO petition_fts (rowid, number, subject, content, names) VALUES (?, ?, ?, ?, ?)`,
		p.ID, p.Number, p.Subject, p.Content, names); err != nil {
		return err
	}
	_, err := ex.Exec(`INSERT INTO petition_grams (rowid, grams) VALUES (?, ?)`, p.ID, grams(p.Number, p.Subject, p.Content, names))
	return err
}

// rebuildPetitionSearch rebuilds both petition indexes from the records (after the demo's bulk load).
func (tx *Tx) rebuildPetitionSearch() error {
	if _, err := tx.Exec(`DELETE FROM petition_fts`); err != nil {
		return err
	}
	if _, err := tx.Exec(`DELETE FROM petition_grams`); err != nil {
		return err
	}
	var ps []Petition
	if err := collect(tx, `SELECT `+petitionColumns+` FROM petitions p ORDER BY p.id`, nil, func(sc scanner) error {
		p, err := scanPetition(sc)
		ps = append(ps, p)
		return err
	}); err != nil {
		return err
	}
	for _, p := range ps {
		if err := writePetitionIndex(tx, p, false); err != nil {
			return err
		}
	}
	return nil
}

// PetitionLabel is a petition as lists name it: 「信2024-003 反映村道破损」, the subject cut to a line.
func (p Petition) PetitionLabel() string {
	s := p.Subject
	if utf8.RuneCountInString(s) > 24 {
		s = string([]rune(s)[:23]) + "…"
	}
	return p.Number + " " + s
}
