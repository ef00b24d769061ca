package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
)

// 民生实事 and 重点项目 (domain.md §2.28): the government's yearly 民生实事 candidates, the deputies' vote on them at
// the 人代会 (民生实事代表票决制: a ballot with every candidate, the tally, the projects chosen by the rule), and
// then each chosen project — and each 重点项目 the office supervises — with its responsible unit and leader, the
// 督查 visits and what they found, its status, and the 满意率/知晓率 survey.

// Kinds of supervised project.
const (
	ProjectLivelihood = "民生实事"
	ProjectKey        = "重点项目"
)

// ProjectKinds lists them.
var ProjectKinds = []string{ProjectLivelihood, ProjectKey}

// Project statuses.
const (
	ProjectNotStarted = "未开工"
	ProjectUnderway   = "实施中"
	ProjectDone       = "已完成"
	ProjectDropped    = "未实施"
)

// ProjectStatuses lists them in order.
var ProjectStatuses = []string{ProjectNotStarted, ProjectUnderway, ProjectDone, ProjectDropped}

// LivelihoodVote is the 票决 of a year's 民生实事 candidates.
type LivelihoodVote struct {
	Year      int    `label:"年度"`
	Date      Date   `label:"票决日期"`
	MeetingID int64  `label:"票决会议"`
	ToChoose  int    `label:"应选项目数"`
	Expected  int    `label:"应到代表"`
	Issued    int    `label:"发出选票"`
	Returned  int    `label:"收回选票"`
	Valid     int    `label:"有效票"`
	Notes     string `label:"备注"`

	MeetingTitle string // read only
	Saved        bool   // read only: the vote is recorded
}

// Validate checks the vote's own fields.
func (v *LivelihoodVote) Validate() error {
	var c checker
	if v.Year < 1900 || v.Year > 2200 {
		c.fail("年度", "(%d)不是合理的年份", v.Year)
	}
	c.requiredDate("票决日期", v.Date)
	if v.ToChoose < 1 {
		c.fail("应选项目数", "至少为1")
	}
	for _, n := range []struct {
		f string
		x int
	}{{"应到代表", v.Expected}, {"发出选票", v.Issued}, {"收回选票", v.Returned}, {"有效票", v.Valid}} {
		c.nonNegative(n.f, n.x)
	}
	if v.Returned > v.Issued {
		c.fail("收回选票", "(%d)不能多于发出选票(%d)", v.Returned, v.Issued)
	}
	if v.Valid > v.Returned {
		c.fail("有效票", "(%d)不能多于收回选票(%d)", v.Valid, v.Returned)
	}
	if v.Expected > 0 && v.Issued > v.Expected {
		c.fail("发出选票", "(%d)不能多于应到代表(%d)", v.Issued, v.Expected)
	}
	c.maxLen("备注", v.Notes, maxText)
	return c.result()
}

// Base is what a candidate must win more than half of: the deputies expected (应到), or the valid ballots when
// the expected number is not recorded.
func (v LivelihoodVote) Base() (n int, name string) {
	if v.Expected > 0 {
		return v.Expected, "应到代表"
	}
	return v.Valid, "有效票"
}

// Rule says the rule in words.
func (v LivelihoodVote) Rule() string {
	_, name := v.Base()
	return fmt.Sprintf("赞成票超过%s半数的候选项目，按赞成票多少确定前%d项为%d年民生实事项目；得票相同而超出应选项目数的，另行表决。",
		name, v.ToChoose, v.Year)
}

// LivelihoodProject is a 民生实事 candidate (with its votes) or a 重点项目, and its follow-up.
type LivelihoodProject struct {
	ID          int64
	Year        int     `label:"年度"`
	Seq         int     `label:"序号"`
	Kind        string  `label:"类型"`
	Name        string  `label:"项目名称"`
	Content     string  `label:"主要内容"`
	Budget      float64 `label:"投资(万元)"`
	For         int     `label:"赞成票"`
	Against     int     `label:"反对票"`
	Abstain     int     `label:"弃权票"`
	UnitID      int64   `label:"责任单位"`
	Leader      string  `label:"责任领导"`
	Person      string  `label:"具体责任人"`
	Status      string  `label:"实施状态"`
	Completed   Date    `label:"完成日期"`
	Progress    string  `label:"进度情况"`
	SurveyDate  Date    `label:"测评日期"`
	Respondents int     `label:"测评人数"`
	Satisfied   int     `label:"满意人数"`
	Aware       int     `label:"知晓人数"`
	Notes       string  `label:"备注"`

	UnitName  string // read only
	Checks    int    // read only: 督查 visits recorded
	CreatedAt string
	UpdatedAt string
}

// SatisfactionRate is the survey's 满意率: satisfied ÷ respondents.
func (p LivelihoodProject) SatisfactionRate() Rate { return Rate{p.Satisfied, p.Respondents} }

// AwarenessRate is the survey's 知晓率: aware ÷ respondents.
func (p LivelihoodProject) AwarenessRate() Rate { return Rate{p.Aware, p.Respondents} }

// Validate checks the project's own fields.
func (p *LivelihoodProject) Validate() error {
	var c checker
	p.Name, p.Leader, p.Person = cleanName(p.Name), cleanName(p.Leader), cleanName(p.Person)
	if p.Year < 1900 || p.Year > 2200 {
		c.fail("年度", "(%d)不是合理的年份", p.Year)
	}
	c.required("类型", p.Kind)
	c.oneOf("类型", p.Kind, ProjectKinds)
	c.required("项目名称", p.Name)
	c.maxLen("项目名称", p.Name, maxTitle)
	c.maxLen("主要内容", p.Content, maxText)
	if p.Budget < 0 || math.IsNaN(p.Budget) || math.IsInf(p.Budget, 0) {
		c.fail("投资(万元)", "不能为负数")
	}
	for _, n := range []struct {
		f string
		x int
	}{{"赞成票", p.For}, {"反对票", p.Against}, {"弃权票", p.Abstain}, {"测评人数", p.Respondents}, {"满意人数", p.Satisfied}, {"知晓人数", p.Aware}} {
		c.nonNegative(n.f, n.x)
	}
	if p.Kind == ProjectKey && p.For+p.Against+p.Abstain > 0 {
		c.fail("赞成票", "重点项目不经代表票决，不填票数")
	}
	c.maxLen("责任领导", p.Leader, maxName)
	c.maxLen("具体责任人", p.Person, maxName)
	if p.Status == "" {
		p.Status = ProjectNotStarted
	}
	c.oneOf("实施状态", p.Status, ProjectStatuses)
	c.date("完成日期", p.Completed)
	if p.Status == ProjectDone && p.Completed == "" {
		c.fail("完成日期", "实施状态为已完成时，请填写完成日期")
	}
	if p.Status != ProjectDone && p.Completed != "" {
		c.fail("完成日期", "只有已完成的项目才有完成日期(实施状态为%s)", p.Status)
	}
	c.maxLen("进度情况", p.Progress, maxText)
	c.date("测评日期", p.SurveyDate)
	if p.Satisfied > p.Respondents {
		c.fail("满意人数", "(%d)不能多于测评人数(%d)", p.Satisfied, p.Respondents)
	}
	if p.Aware > p.Respondents {
		c.fail("知晓人数", "(%d)不能多于测评人数(%d)", p.Aware, p.Respondents)
	}
	if p.Respondents > 0 && p.SurveyDate == "" {
		c.fail("测评日期", "填写了测评人数时，请填写测评日期")
	}
	c.maxLen("备注", p.Notes, maxText)
	return c.result()
}

// TallyRow is one candidate as the tally of a 票决 counts it.
type TallyRow struct {
	Project LivelihoodProject
	Passed  bool // more than half of the base voted for it
	Chosen  bool // passed, and among the ToChoose with most votes
	Tied    bool // passed, but tied with others across the cut: to be voted on again
	Rank    int  // by votes among the passed (equal votes share a rank); 0 when not passed
}

// Tally is the result of a 票决 by its rule.
type Tally struct {
	Vote     LivelihoodVote
	Base     int
	BaseName string
	Rows     []TallyRow // the candidates in their order (Seq)
	Chosen   int
	Passed   int
	Tie      bool // some passed candidates tie across the cut
}

// Tally counts the vote on the candidates (the 民生实事 projects of the year, in their order) by the rule: those
// with more than half of the base in favour pass; the ToChoose passed with most votes are chosen; candidates
// with equal votes that straddle the cut are left for another vote (Tied), never picked by their order.
func (v LivelihoodVote) Tally(candidates []LivelihoodProject) Tally {
	t := Tally{Vote: v}
	t.Base, t.BaseName = v.Base()
	var passed []int
	for i, p := range candidates {
		row := TallyRow{Project: p, Passed: t.Base > 0 && 2*p.For > t.Base}
		t.Rows = append(t.Rows, row)
		if row.Passed {
			passed = append(passed, i)
			t.Passed++
		}
	}
	sort.SliceStable(passed, func(a, b int) bool { return candidates[passed[a]].For > candidates[passed[b]].For })
	for k, i := range passed {
		votes := candidates[i].For
		if k > 0 && candidates[passed[k-1]].For == votes {
			t.Rows[i].Rank = t.Rows[passed[k-1]].Rank
		} else {
			t.Rows[i].Rank = k + 1
		}
		more, atLeast := 0, 0
		for _, j := range passed {
			if candidates[j].For > votes {
				more++
			}
			if candidates[j].For >= votes {
				atLeast++
			}
		}
		switch {
		case atLeast <= v.ToChoose:
			t.Rows[i].Chosen = true
			t.Chosen++
		case more < v.ToChoose:
			t.Rows[i].Tied, t.Tie = true, true
		}
	}
	return t
}

const projectColumns = `p.id, p.year, p.seq, p.kind, p.name, p.content, coalesce(p.budget, 0), p.votes_for, p.votes_against,
	p.votes_abstain, coalesce(p.unit_id, 0), p.leader, p.person, p.status, p.completed, p.progress, p.survey_date,
	p.respondents, p.satisfied, p.aware, p.notes, p.created_at, p.updated_at, coalesce(u.name, ''),
	(SELECT count(*) FROM livelihood_checks k WHERE k.project_id = p.id)`

const projectFrom = `livelihood_projects p LEFT JOIN units u ON u.id = p.unit_id`

func scanProject(s scanner) (LivelihoodProject, error) {
	var p LivelihoodProject
	err := s.Scan(&p.ID, &p.Year, &p.Seq, &p.Kind, &p.Name, &p.Content, &p.Budget, &p.For, &p.Against, &p.Abstain, &p.UnitID,
		&p.Leader, &p.Person, &p.Status, &p.Completed, &p.Progress, &p.SurveyDate, &p.Respondents, &p.Satisfied, &p.Aware,
		&p.Notes, &p.CreatedAt, &p.UpdatedAt, &p.UnitName, &p.Checks)
	return p, err
}

// LivelihoodProject returns one project.
func (db *DB) LivelihoodProject(ctx context.Context, id int64) (p LivelihoodProject, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		p, err = tx.project(id)
		return err
	})
	return p, err
}

func (tx *Tx) project(id int64) (LivelihoodProject, error) {
	p, err := scanProject(tx.QueryRow(`SELECT `+projectColumns+` FROM `+projectFrom+` WHERE p.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return p, Errorf(ENOTFOUND, "民生实事项目不存在(编号%d)", id)
	}
	return p, err
}

// ProjectFilter selects projects.
type ProjectFilter struct {
	Query  string
	Year   int
	Kind   string
	Status string
	IDs    []int64
	Offset int
	Limit  int
}

// LivelihoodProjects returns a page of projects (by year, newest first, then in their order) and how many match.
func (db *DB) LivelihoodProjects(ctx context.Context, f ProjectFilter) (out []LivelihoodProject, total int, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, total, err = tx.projects(f)
		return err
	})
	return out, total, err
}

func (tx *Tx) projects(f ProjectFilter) ([]LivelihoodProject, int, error) {
	w := &where{}
	w.match("p.id", "livelihood_fts", []string{"name", "content", "leader"}, f.Query, "")
	if f.Year != 0 {
		w.add("p.year = ?", f.Year)
	}
	if f.Kind != "" {
		w.add("p.kind = ?", f.Kind)
	}
	if f.Status != "" {
		w.add("p.status = ?", f.Status)
	}
	if f.IDs != nil {
		w.addIDs("p.id", f.IDs)
	}
	q := listQuery{idCol: "p.id", countFrom: "livelihood_projects p", from: "livelihood_projects p",
		order: "p.year DESC, CASE p.kind WHEN '民生实事' THEN 1 ELSE 2 END, p.seq, p.id"}
	out, total, err := listPage(tx, q, w, f.Offset, f.Limit, func(ids []int64) (map[int64]LivelihoodProject, error) {
		m := map[int64]LivelihoodProject{}
		err := collect(tx, `SELECT `+projectColumns+` FROM `+projectFrom+` WHERE p.id IN (`+idList(ids)+`)`, nil, func(s scanner) error {
			p, err := scanProject(s)
			m[p.ID] = p
			return err
		})
		return m, err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("查询民生实事项目: %w", err)
	}
	return out, total, nil
}

// SaveLivelihoodProject creates (ID 0; numbered after the year's last) or updates a project. The votes of a
// candidate cannot add up to more than the year's valid ballots.
func (db *DB) SaveLivelihoodProject(ctx context.Context, p *LivelihoodProject) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error { return tx.saveProject(p) })
}

func (tx *Tx) saveProject(p *LivelihoodProject) error {
	if err := tx.exists("units", p.UnitID, "责任单位"); err != nil {
		return err
	}
	if p.Completed != "" && p.Completed > DateOf(tx.now) {
		return fieldErr("完成日期", "(%s)不能晚于今天", p.Completed.Chinese())
	}
	v, err := tx.livelihoodVote(p.Year)
	if err != nil {
		return err
	}
	if v.Saved && v.Valid > 0 && p.For+p.Against+p.Abstain > v.Valid {
		return &Error{Code: EINVALID, Field: "赞成票", Message: fmt.Sprintf("赞成、反对、弃权票合计(%d)不能多于%d年票决的有效票(%d)",
			p.For+p.Against+p.Abstain, p.Year, v.Valid)}
	}
	var dup int64
	if err := tx.QueryRow(`SELECT id FROM livelihood_projects WHERE year = ? AND name = ? AND id != ?`, p.Year, p.Name, p.ID).Scan(&dup); err == nil {
		return &Error{Code: ECONFLICT, Field: "项目名称", Message: fmt.Sprintf("%d年已有项目「%s」", p.Year, p.Name)}
	} else if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if p.ID == 0 && p.Seq == 0 {
		if err := tx.QueryRow(`SELECT coalesce(max(seq), 0) + 1 FROM livelihood_projects WHERE year = ?`, p.Year).Scan(&p.Seq); err != nil {
			return err
		}
	}
	args := []any{p.Year, p.Seq, p.Kind, p.Name, p.Content, nullScore(p.Budget), p.For, p.Against, p.Abstain, nullID(p.UnitID),
		p.Leader, p.Person, p.Status, p.Completed, p.Progress, p.SurveyDate, p.Respondents, p.Satisfied, p.Aware, p.Notes, tx.stamp()}
	label := fmt.Sprintf("%d年 %s", p.Year, p.Name)
	if p.ID == 0 {
		res, err := tx.Exec(`INSERT INTO livelihood_projects (year, seq, kind, name, content, budget, votes_for, votes_against,
			votes_abstain, unit_id, leader, person, status, completed, progress, survey_date, respondents, satisfied, aware, notes,
			updated_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, append(args, tx.stamp())...)
		if err != nil {
			return fmt.Errorf("保存民生实事项目: %w", err)
		}
		p.ID, _ = res.LastInsertId()
		return tx.logHistory("livelihood", p.ID, ActionCreate, label, describe(p))
	}
	old, err := tx.project(p.ID)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(`UPDATE livelihood_projects SET year = ?, seq = ?, kind = ?, name = ?, content = ?, budget = ?,
		votes_for = ?, votes_against = ?, votes_abstain = ?, unit_id = ?, leader = ?, person = ?, status = ?, completed = ?,
		progress = ?, survey_date = ?, respondents = ?, satisfied = ?, aware = ?, notes = ?, updated_at = ? WHERE id = ?`,
		append(args, p.ID)...); err != nil {
		return fmt.Errorf("保存民生实事项目: %w", err)
	}
	action := ActionUpdate
	if old.Status != p.Status {
		action = ActionState
	}
	if ch := diff(old, p); ch != "" {
		return tx.logHistory("livelihood", p.ID, action, label, ch)
	}
	return nil
}

// DeleteLivelihoodProject deletes a project with its 督查 records.
func (db *DB) DeleteLivelihoodProject(ctx context.Context, id int64) error {
	return db.update(ctx, func(tx *Tx) error {
		p, err := tx.project(id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM livelihood_projects WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.logHistory("livelihood", id, ActionDelete, fmt.Sprintf("%d年 %s", p.Year, p.Name), describe(p))
	})
}

// LivelihoodVote returns the 票决 of a year; Saved is false when none is recorded.
func (db *DB) LivelihoodVote(ctx context.Context, year int) (v LivelihoodVote, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		v, err = tx.livelihoodVote(year)
		return err
	})
	return v, err
}

func (tx *Tx) livelihoodVote(year int) (LivelihoodVote, error) {
	v := LivelihoodVote{Year: year}
	err := tx.QueryRow(`SELECT v.date, coalesce(v.meeting_id, 0), v.to_choose, v.expected, v.issued, v.returned, v.valid, v.notes,
		coalesce(m.title, '') FROM livelihood_votes v LEFT JOIN meetings m ON m.id = v.meeting_id WHERE v.year = ?`, year).
		Scan(&v.Date, &v.MeetingID, &v.ToChoose, &v.Expected, &v.Issued, &v.Returned, &v.Valid, &v.Notes, &v.MeetingTitle)
	if errors.Is(err, sql.ErrNoRows) {
		return v, nil
	}
	v.Saved = err == nil
	return v, err
}

// SaveLivelihoodVote records (or corrects) the 票决 of v.Year. The session it was held at must be a 人代会, and
// no candidate may have more votes than the valid ballots.
func (db *DB) SaveLivelihoodVote(ctx context.Context, v *LivelihoodVote) error {
	if err := v.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error { return tx.saveLivelihoodVote(v) })
}

func (tx *Tx) saveLivelihoodVote(v *LivelihoodVote) error {
	if v.MeetingID != 0 {
		m, err := tx.meeting(v.MeetingID)
		if err != nil {
			return fieldErr("票决会议", "引用的记录不存在(编号%d)", v.MeetingID)
		}
		if m.Kind != MeetingCongress {
			return fieldErr("票决会议", "应为人民代表大会会议(「%s」是%s)", m.Title, m.Kind)
		}
	}
	if v.Date > DateOf(tx.now) {
		return fieldErr("票决日期", "(%s)不能晚于今天", v.Date.Chinese())
	}
	var most int
	var name string
	if err := tx.QueryRow(`SELECT coalesce(max(votes_for + votes_against + votes_abstain), 0), coalesce((SELECT name FROM livelihood_projects
		WHERE year = ?1 ORDER BY votes_for + votes_against + votes_abstain DESC LIMIT 1), '') FROM livelihood_projects WHERE year = ?1`,
		v.Year).Scan(&most, &name); err != nil {
		return err
	}
	if v.Valid > 0 && most > v.Valid {
		return fieldErr("有效票", "(%d)少于候选项目「%s」的赞成、反对、弃权票合计(%d)", v.Valid, name, most)
	}
	old, err := tx.livelihoodVote(v.Year)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(`INSERT INTO livelihood_votes (year, date, meeting_id, to_choose, expected, issued, returned, valid, notes,
		created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (year) DO UPDATE SET date = excluded.date, meeting_id = excluded.meeting_id, to_choose = excluded.to_choose,
		expected = excluded.expected, issued = excluded.issued, returned = excluded.returned, valid = excluded.valid,
		notes = excluded.notes, updated_at = excluded.updated_at`,
		v.Year, v.Date, nullID(v.MeetingID), v.ToChoose, v.Expected, v.Issued, v.Returned, v.Valid, v.Notes, tx.stamp(), tx.stamp()); err != nil {
		return fmt.Errorf("保存民生实事票决: %w", err)
	}
	label := fmt.Sprintf("%d年民生实事票决", v.Year)
	if !old.Saved {
		v.Saved = true
		return tx.logHistory("livelihood_vote", int64(v.Year), ActionCreate, label, describe(v))
	}
	v.Saved = true
	if ch := diff(old, v); ch != "" {
		return tx.logHistory("livelihood_vote", int64(v.Year), ActionUpdate, label, ch)
	}
	return nil
}

// LivelihoodCheck is one 督查 of a project: when, who went, the visit (an activity, when recorded), what it
// found and the progress it saw.
type LivelihoodCheck struct {
	ID           int64
	Date         Date
	MeetingID    int64
	Who          string // 督查人员: the 督查组 or the deputies who went
	Finding      string
	Progress     *int   // 进度 0–100 %, nil when not given
	MeetingTitle string // read only
}

// Line is the check as the project's 督查 list and history show it: 2024-05-10　镇人大主席团督查组　进度60%　路基已完成.
func (k LivelihoodCheck) Line() string {
	parts := []string{string(k.Date)}
	if k.Who != "" {
		parts = append(parts, k.Who)
	} else if k.MeetingTitle != "" {
		parts = append(parts, k.MeetingTitle)
	}
	if k.Progress != nil {
		parts = append(parts, fmt.Sprintf("进度%d%%", *k.Progress))
	}
	return strings.Join(append(parts, strings.Join(strings.Fields(k.Finding), " ")), "　")
}

// LivelihoodChecks returns a project's 督查 records by date.
func (db *DB) LivelihoodChecks(ctx context.Context, projectID int64) (out []LivelihoodCheck, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, err = tx.livelihoodChecks(projectID)
		return err
	})
	return out, err
}

func (tx *Tx) livelihoodChecks(projectID int64) (out []LivelihoodCheck, err error) {
	err = collect(tx, `SELECT k.id, k.date, coalesce(k.meeting_id, 0), k.who, k.finding, k.progress, coalesce(m.title, '')
		FROM livelihood_checks k LEFT JOIN meetings m ON m.id = k.meeting_id WHERE k.project_id = ? ORDER BY k.date, k.id`, []any{projectID},
		func(s scanner) error {
			var k LivelihoodCheck
			var progress sql.NullInt64
			err := s.Scan(&k.ID, &k.Date, &k.MeetingID, &k.Who, &k.Finding, &progress, &k.MeetingTitle)
			if progress.Valid {
				n := int(progress.Int64)
				k.Progress = &n
			}
			out = append(out, k)
			return err
		})
	return out, err
}

// SaveLivelihoodChecks replaces a project's 督查 records with ks in one transaction; the history lists them.
func (db *DB) SaveLivelihoodChecks(ctx context.Context, projectID int64, ks []LivelihoodCheck) error {
	var c checker
	for i := range ks {
		row := fmt.Sprintf("督查第%d次", i+1)
		ks[i].Finding, ks[i].Who = strings.TrimSpace(ks[i].Finding), strings.TrimSpace(ks[i].Who)
		c.requiredDate(row+"日期", ks[i].Date)
		c.maxLen(row+"督查人员", ks[i].Who, maxLine)
		c.required(row+"发现的问题和进展", ks[i].Finding)
		c.maxLen(row+"发现的问题和进展", ks[i].Finding, maxText)
		if p := ks[i].Progress; p != nil && (*p < 0 || *p > 100) {
			c.fail(row+"进度", "应在0到100之间(现为%d)", *p)
		}
	}
	if err := c.result(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		p, err := tx.project(projectID)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM livelihood_checks WHERE project_id = ?`, projectID); err != nil {
			return err
		}
		lines := []string{fmt.Sprintf("督查记录: %d次", len(ks))}
		for i, k := range ks {
			if err := tx.exists("meetings", k.MeetingID, fmt.Sprintf("督查第%d次督查活动", i+1)); err != nil {
				return err
			}
			if k.Date > DateOf(tx.now) {
				return fieldErr(fmt.Sprintf("督查第%d次日期", i+1), "(%s)不能晚于今天", k.Date.Chinese())
			}
			var progress any
			if k.Progress != nil {
				progress = *k.Progress
			}
			if _, err := tx.Exec(`INSERT INTO livelihood_checks (project_id, date, meeting_id, who, finding, progress) VALUES (?, ?, ?, ?, ?, ?)`,
				projectID, k.Date, nullID(k.MeetingID), k.Who, k.Finding, progress); err != nil {
				return err
			}
			lines = append(lines, k.Line())
		}
		return tx.logHistory("livelihood", projectID, ActionUpdate, fmt.Sprintf("%d年 %s", p.Year, p.Name), strings.Join(lines, "\n"))
	})
}

// LivelihoodDoc is what the 票决 documents of a year need: the vote, its candidates in order and the tally.
type LivelihoodDoc struct {
	Settings   Settings
	Vote       LivelihoodVote
	Candidates []LivelihoodProject
	Tally      Tally
}

// LivelihoodDoc reads the 票决 of year. A year without 民生实事 candidates is an ENOTFOUND error. Without a
// recorded vote the ballot can still be printed (Vote.Saved false).
func (db *DB) LivelihoodDoc(ctx context.Context, year int) (doc LivelihoodDoc, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		if doc.Settings, err = readSettings(tx); err != nil {
			return err
		}
		if doc.Vote, err = tx.livelihoodVote(year); err != nil {
			return err
		}
		all, _, err := tx.projects(ProjectFilter{Year: year, Kind: ProjectLivelihood})
		if err != nil {
			return err
		}
		if len(all) == 0 {
			return Errorf(ENOTFOUND, "%d年没有登记民生实事候选项目，未生成文件", year)
		}
		doc.Candidates = all
		doc.Tally = doc.Vote.Tally(all)
		return nil
	})
	return doc, err
}
