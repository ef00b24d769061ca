package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// 评先评优 (issue 22 part 4, domain.md §2.24, §3.10): 「采取代表小组推荐，镇人大办考察，镇人大主席团集体讨论确定的
// 方式」 and 「在人民代表大会上进行公开表彰」. A year's selection lists its award categories (先进代表小组, 优秀人大
// 代表, 优秀为民代表, 人大代表满意单位 …), each with its 名额 and the kind of candidate; the groups (or the
// presidium) nominate candidates with their 主要事迹; the office writes its 审核意见; the presidium decides at a
// 主席团会议 who is chosen (当选), never more than a category's 名额; the awards are announced at the 人代会.
// The 履职积分 ranking (dutyscore.go) and the groups' activity counts are shown to the clerk as a suggestion:
// nothing here nominates or chooses by itself.

// The kinds of candidate an award category is for.
const (
	CandidateDeputy  = "deputy"
	CandidateGroup   = "group"
	CandidateUnit    = "unit"
	CandidateStation = "station"
)

// CandidateKinds lists them in the order the form offers them.
var CandidateKinds = []string{CandidateDeputy, CandidateGroup, CandidateUnit, CandidateStation}

var candidateLabels = map[string]string{CandidateDeputy: "人大代表", CandidateGroup: "代表小组", CandidateUnit: "单位",
	CandidateStation: "家站点"}

// CandidateLabel is a kind of candidate in the clerk's words (人大代表, 代表小组, 单位, 家站点).
func CandidateLabel(kind string) string {
	if l, ok := candidateLabels[kind]; ok {
		return l
	}
	return kind
}

// CandidateOf is the kind a label of CandidateLabel names; "" when none does.
func CandidateOf(label string) string {
	for k, l := range candidateLabels {
		if l == label {
			return k
		}
	}
	return ""
}

// AwardNominatorPresidium is the nominator when the presidium itself nominates (a group's name otherwise).
const AwardNominatorPresidium = "主席团"

const (
	awardEntity        = "award"            // history of a selection, its decision and announcement
	nominationEntity   = "award_nomination" // history of a nomination
	maxAwardQuota      = 999
	awardCategoryField = "奖项"
	awardQuotaField    = "名额"
	awardKindField     = "评选对象"
	awardElectedField  = "当选"
	awardDecisionField = "决定会议"
	awardAnnounceField = "表彰会议"
	nominationWhoField = "推荐对象"
	nominatorField     = "推荐单位"
)

// AwardCategory is one award of a selection: its name, the kind of candidate and the 名额.
type AwardCategory struct {
	ID        int64
	Name      string `label:"奖项名称"`
	Candidate string `label:"评选对象"`
	Quota     int    `label:"名额"`
	Sort      int
}

// String is the category as history records it: 「优秀人大代表(人大代表，名额10)」.
func (c AwardCategory) String() string {
	return fmt.Sprintf("%s(%s，名额%d)", c.Name, CandidateLabel(c.Candidate), c.Quota)
}

// DefaultAwardCategories are the awards the seeds name for a township (domain.md §2.24), offered for a new
// year's selection; the clerk edits the list and the 名额.
func DefaultAwardCategories() []AwardCategory {
	return []AwardCategory{
		{Name: "先进代表小组", Candidate: CandidateGroup, Quota: 2},
		{Name: "优秀人大代表", Candidate: CandidateDeputy, Quota: 10},
		{Name: "优秀为民代表", Candidate: CandidateDeputy, Quota: 5},
		{Name: "人大代表满意单位", Candidate: CandidateUnit, Quota: 3},
	}
}

// AwardSelection is the 评先评优 of a year: its categories, the presidium's decision and the announcement.
type AwardSelection struct {
	ID         int64
	Year       int             `label:"年度"`
	Categories []AwardCategory `label:"奖项"`
	Notes      string          `label:"备注"`

	// The decision and the announcement are set by DecideAwards and AnnounceAwards, never by SaveAwardSelection.
	DecisionMeetingID int64  `label:"决定会议"`
	DecisionDate      Date   `label:"决定日期"`
	AnnounceMeetingID int64  `label:"表彰会议"`
	AnnounceDate      Date   `label:"表彰日期"`
	DecisionMeeting   string // read only: the meeting's title
	AnnounceMeeting   string // read only
}

// NewAwardSelection is a year's selection not yet saved, with the default categories.
func NewAwardSelection(year int) AwardSelection {
	return AwardSelection{Year: year, Categories: DefaultAwardCategories()}
}

// Decided reports whether the presidium has decided.
func (s AwardSelection) Decided() bool { return s.DecisionDate != "" }

// Announced reports whether the awards were announced at the 人代会.
func (s AwardSelection) Announced() bool { return s.AnnounceDate != "" }

// Category returns the category of an id.
func (s AwardSelection) Category(id int64) (AwardCategory, bool) {
	for _, c := range s.Categories {
		if c.ID == id {
			return c, true
		}
	}
	return AwardCategory{}, false
}

// Validate checks the year and the categories; a category's message names it.
func (s *AwardSelection) Validate() error {
	var c checker
	if s.Year < 1900 || s.Year > 2200 {
		c.fail("年度", "(%d)不是合理的年份", s.Year)
	}
	if len(s.Categories) == 0 {
		c.failMsg(awardCategoryField, "至少要有一个奖项")
	}
	seen := map[string]bool{}
	for i := range s.Categories {
		x := &s.Categories[i]
		x.Name = cleanName(x.Name)
		switch {
		case x.Name == "":
			c.failMsg(awardCategoryField, fmt.Sprintf("第%d个奖项的名称不能为空", i+1))
		case len([]rune(x.Name)) > maxName:
			c.failMsg(awardCategoryField, fmt.Sprintf("奖项名称「%s」不能超过%d个字", x.Name, maxName))
		case seen[x.Name]:
			c.failMsg(awardCategoryField, fmt.Sprintf("奖项「%s」重复了", x.Name))
		}
		seen[x.Name] = true
		if !slices.Contains(CandidateKinds, x.Candidate) {
			c.failMsg(awardKindField, fmt.Sprintf("奖项「%s」的评选对象应为人大代表、代表小组、单位或家站点", x.Name))
		}
		if x.Quota < 1 || x.Quota > maxAwardQuota {
			c.failMsg(awardQuotaField, fmt.Sprintf("奖项「%s」的名额应在1到%d之间", x.Name, maxAwardQuota))
		}
	}
	c.maxLen("备注", s.Notes, maxText)
	return c.result()
}

// AwardNomination is one candidate nominated for a category (推荐).
type AwardNomination struct {
	ID           int64
	CategoryID   int64  `label:"奖项"`
	CandidateID  int64  `label:"推荐对象"` // a deputy, group, unit or station by the category's kind
	Nominator    string `label:"推荐单位"` // a group's name, or 主席团
	Deeds        string `label:"主要事迹"`
	Opinion      string `label:"推荐单位意见"`
	Review       string `label:"审核意见"`
	Withdrawn    bool   `label:"已撤回"`
	WithdrawNote string `label:"撤回原因"`
	Elected      bool   `label:"当选"` // set only by DecideAwards

	// Read only.
	Year          int
	Category      string // the category's name
	Candidate     string // its kind of candidate
	CandidateName string // the candidate as now named (as named when nominated, if since deleted)
	CreatedAt     string
	UpdatedAt     string
}

// Status is the nomination's state in words: 已撤回, 当选, 未当选 (after the decision) or 推荐中.
func (n AwardNomination) Status(decided bool) string {
	switch {
	case n.Withdrawn:
		return "已撤回"
	case n.Elected:
		return "当选"
	case decided:
		return "未当选"
	}
	return "推荐中"
}

// Validate checks the nomination's own fields.
func (n *AwardNomination) Validate() error {
	var c checker
	n.Nominator = cleanName(n.Nominator)
	c.need(awardCategoryField, n.CategoryID == 0, "不能为空，请选择奖项")
	c.need(nominationWhoField, n.CandidateID == 0, "不能为空，请选择推荐对象")
	c.required(nominatorField, n.Nominator)
	c.maxLen(nominatorField, n.Nominator, maxLine)
	c.maxLen("主要事迹", n.Deeds, maxText)
	c.maxLen("推荐单位意见", n.Opinion, maxText)
	c.maxLen("审核意见", n.Review, maxText)
	c.maxLen("撤回原因", n.WithdrawNote, maxLine)
	if n.Withdrawn && n.Elected {
		c.fail(awardElectedField, "：已撤回的推荐不能当选")
	}
	return c.result()
}

// AwardYears lists the years that have a selection, latest first.
func (db *DB) AwardYears(ctx context.Context) (out []int, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		return collect(tx, `SELECT year FROM award_selections ORDER BY year DESC`, nil, func(sc scanner) error {
			var y int
			err := sc.Scan(&y)
			out = append(out, y)
			return err
		})
	})
	return out, err
}

// AwardSelection returns the selection of a year (ENOTFOUND when the year has none).
func (db *DB) AwardSelection(ctx context.Context, year int) (s AwardSelection, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		s, err = tx.awardSelection(year)
		return err
	})
	return s, err
}

func (tx *Tx) awardSelection(year int) (AwardSelection, error) {
	s := AwardSelection{Year: year}
	var dm, am sql.NullInt64
	err := tx.QueryRow(`SELECT a.id, a.decision_meeting_id, a.decision_date, a.announce_meeting_id, a.announce_date, a.notes,
		coalesce(d.title, ''), coalesce(m.title, '') FROM award_selections a
		LEFT JOIN meetings d ON d.id = a.decision_meeting_id LEFT JOIN meetings m ON m.id = a.announce_meeting_id
		WHERE a.year = ?`, year).Scan(&s.ID, &dm, &s.DecisionDate, &am, &s.AnnounceDate, &s.Notes, &s.DecisionMeeting, &s.AnnounceMeeting)
	if errors.Is(err, sql.ErrNoRows) {
		return s, Errorf(ENOTFOUND, "%d年度还没有评先评优", year)
	}
	if err != nil {
		return s, err
	}
	s.DecisionMeetingID, s.AnnounceMeetingID = dm.Int64, am.Int64
	err = collect(tx, `SELECT id, name, candidate, quota, sort FROM award_categories WHERE selection_id = ? ORDER BY sort, id`,
		[]any{s.ID}, func(sc scanner) error {
			var c AwardCategory
			err := sc.Scan(&c.ID, &c.Name, &c.Candidate, &c.Quota, &c.Sort)
			s.Categories = append(s.Categories, c)
			return err
		})
	return s, err
}

// SaveAwardSelection creates a year's selection or changes its categories and notes. A category that has
// nominations cannot be removed or given another kind of candidate, and its 名额 cannot fall below those
// already chosen.
func (db *DB) SaveAwardSelection(ctx context.Context, s *AwardSelection) error {
	if err := s.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		old, err := tx.awardSelection(s.Year)
		exists := err == nil
		if err != nil && ErrorCode(err) != ENOTFOUND {
			return err
		}
		label := fmt.Sprintf("%d年度评先评优", s.Year)
		if !exists {
			res, err := tx.Exec(`INSERT INTO award_selections (year, notes, created_at, updated_at) VALUES (?, ?, ?, ?)`,
				s.Year, s.Notes, tx.stamp(), tx.stamp())
			if err != nil {
				return fmt.Errorf("保存评先评优: %w", err)
			}
			s.ID, _ = res.LastInsertId()
		} else {
			s.ID = old.ID
			if _, err := tx.Exec(`UPDATE award_selections SET notes = ?, updated_at = ? WHERE id = ?`, s.Notes, tx.stamp(), s.ID); err != nil {
				return fmt.Errorf("保存评先评优: %w", err)
			}
		}
		if err := tx.saveAwardCategories(s, old.Categories); err != nil {
			return err
		}
		s.DecisionMeetingID, s.DecisionDate, s.AnnounceMeetingID, s.AnnounceDate = old.DecisionMeetingID, old.DecisionDate,
			old.AnnounceMeetingID, old.AnnounceDate
		s.DecisionMeeting, s.AnnounceMeeting = old.DecisionMeeting, old.AnnounceMeeting
		if !exists {
			return tx.logHistory(awardEntity, s.ID, ActionCreate, label, describe(s))
		}
		if changes := diff(old, s); changes != "" {
			return tx.logHistory(awardEntity, s.ID, ActionUpdate, label, changes)
		}
		return nil
	})
}

// saveAwardCategories writes s's categories over olds: updates those with an id, inserts the new ones, and
// deletes those left out, refusing a change that would strand a nomination.
func (tx *Tx) saveAwardCategories(s *AwardSelection, olds []AwardCategory) error {
	counts := map[int64][2]int{} // category → nominations, chosen
	if err := collect(tx, `SELECT n.category_id, count(*), sum(n.elected) FROM award_nominations n
		JOIN award_categories c ON c.id = n.category_id WHERE c.selection_id = ? GROUP BY n.category_id`, []any{s.ID},
		func(sc scanner) error {
			var id int64
			var n, e int
			err := sc.Scan(&id, &n, &e)
			counts[id] = [2]int{n, e}
			return err
		}); err != nil {
		return err
	}
	for _, o := range olds {
		if slices.ContainsFunc(s.Categories, func(c AwardCategory) bool { return c.ID == o.ID }) {
			continue
		}
		if counts[o.ID][0] > 0 {
			return &Error{Code: ECONFLICT, Field: awardCategoryField,
				Message: fmt.Sprintf("奖项「%s」已有%d个推荐对象，不能删除", o.Name, counts[o.ID][0])}
		}
		if _, err := tx.Exec(`DELETE FROM award_categories WHERE id = ?`, o.ID); err != nil {
			return err
		}
	}
	// Names are unique in a selection: park the kept ones under their ids first, so that two categories may
	// swap names in one save.
	if _, err := tx.Exec(`UPDATE award_categories SET name = '#' || id WHERE selection_id = ?`, s.ID); err != nil {
		return err
	}
	for i := range s.Categories {
		c := &s.Categories[i]
		c.Sort = i + 1
		if c.ID == 0 {
			res, err := tx.Exec(`INSERT INTO award_categories (selection_id, name, candidate, quota, sort) VALUES (?, ?, ?, ?, ?)`,
				s.ID, c.Name, c.Candidate, c.Quota, c.Sort)
			if err != nil {
				return fmt.Errorf("保存奖项「%s」: %w", c.Name, err)
			}
			c.ID, _ = res.LastInsertId()
			continue
		}
		i := slices.IndexFunc(olds, func(o AwardCategory) bool { return o.ID == c.ID })
		if i < 0 {
			return Errorf(ENOTFOUND, "奖项「%s」不属于%d年度评先评优", c.Name, s.Year)
		}
		if o := olds[i]; o.Candidate != c.Candidate && counts[c.ID][0] > 0 {
			return &Error{Code: ECONFLICT, Field: awardKindField,
				Message: fmt.Sprintf("奖项「%s」已有推荐对象，不能把评选对象从%s改为%s", c.Name, CandidateLabel(o.Candidate), CandidateLabel(c.Candidate))}
		}
		if e := counts[c.ID][1]; c.Quota < e {
			return &Error{Code: ECONFLICT, Field: awardQuotaField,
				Message: fmt.Sprintf("奖项「%s」已有%d名当选，名额不能少于%d", c.Name, e, e)}
		}
		if _, err := tx.Exec(`UPDATE award_categories SET name = ?, candidate = ?, quota = ?, sort = ? WHERE id = ?`,
			c.Name, c.Candidate, c.Quota, c.Sort, c.ID); err != nil {
			return fmt.Errorf("保存奖项「%s」: %w", c.Name, err)
		}
	}
	return nil
}

// nominationColumns reads a nomination with its category, year and candidate's current name.
const nominationColumns = `n.id, n.category_id, coalesce(n.deputy_id, n.group_id, n.unit_id, n.station_id, 0), n.nominator,
	n.deeds, n.opinion, n.review, n.withdrawn, n.withdraw_note, n.elected, a.year, c.name, c.candidate,
	coalesce(d.name, g.name, u.name, s.name, n.candidate_name), n.created_at, n.updated_at`

const nominationJoins = ` FROM award_nominations n JOIN award_categories c ON c.id = n.category_id
	JOIN award_selections a ON a.id = c.selection_id LEFT JOIN deputies d ON d.id = n.deputy_id
	LEFT JOIN deputy_groups g ON g.id = n.group_id LEFT JOIN units u ON u.id = n.unit_id LEFT JOIN stations s ON s.id = n.station_id`

func scanNomination(sc scanner) (AwardNomination, error) {
	var n AwardNomination
	err := sc.Scan(&n.ID, &n.CategoryID, &n.CandidateID, &n.Nominator, &n.Deeds, &n.Opinion, &n.Review, &n.Withdrawn,
		&n.WithdrawNote, &n.Elected, &n.Year, &n.Category, &n.Candidate, &n.CandidateName, &n.CreatedAt, &n.UpdatedAt)
	return n, err
}

// AwardNominations lists a year's nominations by category, then in the order they were made.
func (db *DB) AwardNominations(ctx context.Context, year int) (out []AwardNomination, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, err = tx.awardNominations(`a.year = ?`, year)
		return err
	})
	return out, err
}

func (tx *Tx) awardNominations(cond string, args ...any) (out []AwardNomination, err error) {
	err = collect(tx, `SELECT `+nominationColumns+nominationJoins+` WHERE `+cond+` ORDER BY c.sort, c.id, n.id`, args,
		func(sc scanner) error {
			n, err := scanNomination(sc)
			out = append(out, n)
			return err
		})
	return out, err
}

// AwardNomination returns one nomination.
func (db *DB) AwardNomination(ctx context.Context, id int64) (n AwardNomination, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		n, err = tx.awardNomination(id)
		return err
	})
	return n, err
}

func (tx *Tx) awardNomination(id int64) (AwardNomination, error) {
	ns, err := tx.awardNominations(`n.id = ?`, id)
	if err != nil {
		return AwardNomination{}, err
	}
	if len(ns) == 0 {
		return AwardNomination{}, Errorf(ENOTFOUND, "推荐记录不存在(编号%d)", id)
	}
	return ns[0], nil
}

// candidateTables are the table and the nomination column of each kind of candidate.
var candidateTables = map[string][2]string{CandidateDeputy: {"deputies", "deputy_id"}, CandidateGroup: {"deputy_groups", "group_id"},
	CandidateUnit: {"units", "unit_id"}, CandidateStation: {"stations", "station_id"}}

// SaveAwardNomination records a nomination or changes one (its candidate, nominator, 事迹 and opinions; not
// whether it is withdrawn or chosen). A candidate is nominated once in a category.
func (db *DB) SaveAwardNomination(ctx context.Context, n *AwardNomination) error {
	if err := n.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		var cat AwardCategory
		var year int
		err := tx.QueryRow(`SELECT c.id, c.name, c.candidate, c.quota, a.year FROM award_categories c
			JOIN award_selections a ON a.id = c.selection_id WHERE c.id = ?`, n.CategoryID).Scan(&cat.ID, &cat.Name, &cat.Candidate, &cat.Quota, &year)
		if errors.Is(err, sql.ErrNoRows) {
			return fieldErr(awardCategoryField, "不存在(编号%d)", n.CategoryID)
		}
		if err != nil {
			return err
		}
		t := candidateTables[cat.Candidate]
		var name string
		err = tx.QueryRow(`SELECT name FROM `+t[0]+` WHERE id = ?`, n.CandidateID).Scan(&name)
		if errors.Is(err, sql.ErrNoRows) {
			return fieldErr(nominationWhoField, "：没有这个%s(编号%d)", CandidateLabel(cat.Candidate), n.CandidateID)
		}
		if err != nil {
			return err
		}
		var other int64
		switch err := tx.QueryRow(`SELECT id FROM award_nominations WHERE category_id = ? AND `+t[1]+` = ? AND id != ? AND withdrawn = 0`,
			cat.ID, n.CandidateID, n.ID).Scan(&other); {
		case err == nil:
			return &Error{Code: ECONFLICT, Field: nominationWhoField, Message: fmt.Sprintf("「%s」已被推荐为%d年度「%s」", name, year, cat.Name)}
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		n.Year, n.Category, n.Candidate, n.CandidateName = year, cat.Name, cat.Candidate, name
		label := fmt.Sprintf("%d年度%s：%s", year, cat.Name, name)
		ids := map[string]any{"deputy_id": nil, "group_id": nil, "unit_id": nil, "station_id": nil}
		ids[t[1]] = n.CandidateID
		if n.ID == 0 {
			n.Withdrawn, n.WithdrawNote, n.Elected = false, "", false
			res, err := tx.Exec(`INSERT INTO award_nominations (category_id, deputy_id, group_id, unit_id, station_id, candidate_name,
				nominator, deeds, opinion, review, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				cat.ID, ids["deputy_id"], ids["group_id"], ids["unit_id"], ids["station_id"], name, n.Nominator, n.Deeds, n.Opinion,
				n.Review, tx.stamp(), tx.stamp())
			if err != nil {
				return fmt.Errorf("保存推荐: %w", err)
			}
			n.ID, _ = res.LastInsertId()
			return tx.logHistory(nominationEntity, n.ID, ActionCreate, label, describe(n))
		}
		old, err := tx.awardNomination(n.ID)
		if err != nil {
			return err
		}
		if old.Elected && (old.CategoryID != n.CategoryID || old.CandidateID != n.CandidateID) {
			return &Error{Code: ESTATE, Field: nominationWhoField,
				Message: fmt.Sprintf("「%s」已由主席团决定当选「%s」，不能改换奖项或推荐对象", old.CandidateName, old.Category)}
		}
		n.Withdrawn, n.WithdrawNote, n.Elected = old.Withdrawn, old.WithdrawNote, old.Elected
		changes := diff(old, n)
		if old.CandidateName != name {
			changes = strings.TrimSpace(changes + "\n推荐对象: " + old.CandidateName + " → " + name)
		}
		if changes == "" {
			return nil
		}
		if _, err := tx.Exec(`UPDATE award_nominations SET category_id = ?, deputy_id = ?, group_id = ?, unit_id = ?, station_id = ?,
			candidate_name = ?, nominator = ?, deeds = ?, opinion = ?, review = ?, updated_at = ? WHERE id = ?`,
			cat.ID, ids["deputy_id"], ids["group_id"], ids["unit_id"], ids["station_id"], name, n.Nominator, n.Deeds, n.Opinion,
			n.Review, tx.stamp(), n.ID); err != nil {
			return fmt.Errorf("保存推荐: %w", err)
		}
		return tx.logHistory(nominationEntity, n.ID, ActionUpdate, label, changes)
	})
}

// WithdrawAwardNomination withdraws a nomination with a reason (withdraw false takes it back in). A candidate
// the presidium has chosen cannot be withdrawn: change the decision first.
func (db *DB) WithdrawAwardNomination(ctx context.Context, id int64, withdraw bool, note string) error {
	note = strings.TrimSpace(note)
	if withdraw && note == "" {
		return fieldErr("撤回原因", "不能为空")
	}
	var c checker
	if c.maxLen("撤回原因", note, maxLine); !c.ok() {
		return c.result()
	}
	return db.update(ctx, func(tx *Tx) error {
		n, err := tx.awardNomination(id)
		if err != nil {
			return err
		}
		if n.Elected {
			return &Error{Code: ESTATE, Field: awardElectedField,
				Message: fmt.Sprintf("「%s」已由主席团决定当选「%s」，不能撤回；请先修改主席团决定", n.CandidateName, n.Category)}
		}
		if n.Withdrawn == withdraw {
			return nil
		}
		if !withdraw {
			note = ""
		}
		if _, err := tx.Exec(`UPDATE award_nominations SET withdrawn = ?, withdraw_note = ?, updated_at = ? WHERE id = ?`,
			withdraw, note, tx.stamp(), id); err != nil {
			return err
		}
		change := "撤回推荐：" + note
		if !withdraw {
			change = "恢复推荐"
		}
		return tx.logHistory(nominationEntity, id, ActionState, fmt.Sprintf("%d年度%s：%s", n.Year, n.Category, n.CandidateName), change)
	})
}

// DeleteAwardNomination removes a nomination entered by mistake; a chosen one cannot be removed.
func (db *DB) DeleteAwardNomination(ctx context.Context, id int64) error {
	return db.update(ctx, func(tx *Tx) error {
		n, err := tx.awardNomination(id)
		if err != nil {
			return err
		}
		if n.Elected {
			return &Error{Code: ESTATE, Field: awardElectedField,
				Message: fmt.Sprintf("「%s」已由主席团决定当选「%s」，不能删除；请先修改主席团决定", n.CandidateName, n.Category)}
		}
		if _, err := tx.Exec(`DELETE FROM award_nominations WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.logHistory(nominationEntity, id, ActionDelete, fmt.Sprintf("%d年度%s：%s", n.Year, n.Category, n.CandidateName), describe(n))
	})
}

// AwardDecision is the presidium's decision: the 主席团会议 that decided, its date, and the nominations chosen.
type AwardDecision struct {
	MeetingID int64
	Date      Date
	Elected   []int64 // nominations
}

// DecideAwards records the presidium's decision on a year's selection: the chosen nominations are marked 当选
// and the others not. It is refused when the meeting is not a 主席团会议, when a chosen nomination is withdrawn
// or of another year, or when a category would have more chosen than its 名额 (the message names it). Deciding
// again replaces the decision.
func (db *DB) DecideAwards(ctx context.Context, year int, d AwardDecision) error {
	var c checker
	c.need(awardDecisionField, d.MeetingID == 0, "不能为空，请选择作出决定的主席团会议")
	c.requiredDate("决定日期", d.Date)
	if err := c.result(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		s, err := tx.awardSelection(year)
		if err != nil {
			return err
		}
		m, err := tx.meeting(d.MeetingID)
		if err != nil {
			return err
		}
		if m.Kind != MeetingPresidium {
			return fieldErr(awardDecisionField, "「%s」是%s，评先评优应由主席团会议集体讨论决定", m.Title, m.Kind)
		}
		if d.Date < m.Start {
			return fieldErr("决定日期", "(%s)不能早于会议日期(%s)", d.Date.Chinese(), m.Start.Chinese())
		}
		if s.Announced() && s.AnnounceDate < d.Date {
			return fieldErr("决定日期", "(%s)不能晚于已登记的表彰日期(%s)", d.Date.Chinese(), s.AnnounceDate.Chinese())
		}
		ns, err := tx.awardNominations(`a.year = ?`, year)
		if err != nil {
			return err
		}
		chosen := map[int64]int{}
		var names []string
		for _, id := range d.Elected {
			i := slices.IndexFunc(ns, func(n AwardNomination) bool { return n.ID == id })
			if i < 0 {
				return Errorf(ENOTFOUND, "推荐记录(编号%d)不属于%d年度评先评优", id, year)
			}
			n := ns[i]
			if n.Withdrawn {
				return fieldErr(awardElectedField, "：「%s」的推荐已撤回，不能当选", n.CandidateName)
			}
			chosen[n.CategoryID]++
		}
		for _, cat := range s.Categories {
			if k := chosen[cat.ID]; k > cat.Quota {
				return &Error{Code: EINVALID, Field: awardElectedField,
					Message: fmt.Sprintf("奖项「%s」当选%d个，超过名额%d个，请减少当选对象或修改名额", cat.Name, k, cat.Quota)}
			}
		}
		for _, n := range ns {
			el := slices.Contains(d.Elected, n.ID)
			if el {
				names = append(names, n.Category+"："+n.CandidateName)
			}
			if el != n.Elected {
				if _, err := tx.Exec(`UPDATE award_nominations SET elected = ?, updated_at = ? WHERE id = ?`, el, tx.stamp(), n.ID); err != nil {
					return err
				}
			}
		}
		if _, err := tx.Exec(`UPDATE award_selections SET decision_meeting_id = ?, decision_date = ?, updated_at = ? WHERE id = ?`,
			d.MeetingID, d.Date, tx.stamp(), s.ID); err != nil {
			return err
		}
		return tx.logHistory(awardEntity, s.ID, ActionState, fmt.Sprintf("%d年度评先评优", year),
			fmt.Sprintf("主席团决定: %s %s\n当选: %s", m.Title, d.Date.Chinese(), orDash(strings.Join(names, "；"))))
	})
}

// AnnounceAwards records the announcement of a decided selection at a 人民代表大会会议 on date.
func (db *DB) AnnounceAwards(ctx context.Context, year int, meetingID int64, date Date) error {
	var c checker
	c.need(awardAnnounceField, meetingID == 0, "不能为空，请选择表彰的人民代表大会会议")
	c.requiredDate("表彰日期", date)
	if err := c.result(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		s, err := tx.awardSelection(year)
		if err != nil {
			return err
		}
		if !s.Decided() {
			return &Error{Code: ESTATE, Field: awardAnnounceField, Message: fmt.Sprintf("%d年度评先评优主席团尚未作出决定，不能登记表彰", year)}
		}
		m, err := tx.meeting(meetingID)
		if err != nil {
			return err
		}
		if m.Kind != MeetingCongress {
			return fieldErr(awardAnnounceField, "「%s」是%s，表彰应在人民代表大会会议上进行", m.Title, m.Kind)
		}
		if date < s.DecisionDate {
			return fieldErr("表彰日期", "(%s)不能早于主席团决定日期(%s)", date.Chinese(), s.DecisionDate.Chinese())
		}
		if _, err := tx.Exec(`UPDATE award_selections SET announce_meeting_id = ?, announce_date = ?, updated_at = ? WHERE id = ?`,
			meetingID, date, tx.stamp(), s.ID); err != nil {
			return err
		}
		return tx.logHistory(awardEntity, s.ID, ActionState, fmt.Sprintf("%d年度评先评优", year),
			fmt.Sprintf("表彰: %s %s", m.Title, date.Chinese()))
	})
}

// GroupActivity is a deputy group with the 代表小组活动 of a year counted as the work rules count them
// (compliance.go): one with a deputy of the group present, or with the group's name in its title.
type GroupActivity struct {
	Group Group
	Items []ComplianceItem
}

// GroupActivities lists the groups with their activities of a year, most active first (then as set up): the
// suggestion shown beside the 先进代表小组 nominations.
func (db *DB) GroupActivities(ctx context.Context, year int) (out []GroupActivity, err error) {
	if year < 1900 || year > 2200 {
		return nil, fieldErr("年度", "(%d)不是合理的年份", year)
	}
	err = db.view(ctx, func(tx *Tx) error {
		groups, err := tx.complianceGroups()
		if err != nil {
			return err
		}
		y := YearPeriod(year)
		items, of, err := tx.groupActivities(MeasureMeeting+MeetingGroup, y.From, y.To, groups)
		if err != nil {
			return err
		}
		for _, g := range groups {
			a := GroupActivity{Group: g}
			for _, it := range items {
				if slices.Contains(of[it.ID], g.ID) {
					a.Items = append(a.Items, it)
				}
			}
			out = append(out, a)
		}
		slices.SortStableFunc(out, func(a, b GroupActivity) int { return len(b.Items) - len(a.Items) })
		return nil
	})
	return out, err
}

func init() {
	EntityNames[awardEntity] = "评先评优"
	EntityNames[nominationEntity] = "评先评优推荐"
}
