package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
)

// Evaluation of government units and officials (工作评议 / 民主评议 / 述职评议, domain.md §2.18, §3.7): a campaign
// of a year with how its targets were chosen, its investigation (调查组, 走访, 座谈会 …), the 述职 meeting, and per
// target the counted ballots of the secret 测评 vote, from which the rule of the campaign gives a rate, a grade,
// the titles and the ranking. The problems the campaign found become rectification items (rectification.go).

// Evaluation methods (评议方式).
const (
	EvalWork       = "工作评议"
	EvalDemocratic = "民主评议"
	EvalReport     = "述职评议"
)

// EvalMethods lists the methods of a campaign.
var EvalMethods = []string{EvalWork, EvalDemocratic, EvalReport}

// EvalSelections lists how a campaign's targets are chosen (domain.md §3.7); the clerk may write another.
var EvalSelections = []string{"党政联席会票决", "人代会民主测评", "末位再评", "上级安排"}

// The 测评 scales: three grades of satisfaction or of merit, or a score out of 100.
const (
	ScaleSatisfaction = "满意/基本满意/不满意"
	ScaleMerit        = "优秀/合格/不合格"
	ScaleScore        = "打分"
)

// EvalScales lists the scales a campaign can vote on.
var EvalScales = []string{ScaleSatisfaction, ScaleMerit, ScaleScore}

// EvalCategories lists the usual kinds of target (the clerk may write another).
var EvalCategories = []string{"基层站所", "镇属办公室", "服务部门", "分管领导", "村委会"}

// EvalCampaign is one evaluation campaign.
type EvalCampaign struct {
	ID        int64
	Year      int     `label:"评议年度"`
	Title     string  `label:"名称"`
	Method    string  `label:"评议方式"`
	Selection string  `label:"对象确定方式"`
	PlanDate  Date    `label:"实施方案日期"`
	EvalDate  Date    `label:"测评日期"`
	MeetingID int64   `label:"述职测评会议"`
	Scale     string  `label:"测评档次"`
	RateBasic bool    `label:"满意率含基本满意"`
	GoodLine  float64 `label:"满意等次线"`
	PassLine  float64 `label:"基本满意等次线"`
	Award     string  `label:"满意等次称号"`
	MemberIDs []int64 `label:"调查组成员"`
	Groups    int     `label:"评议调查组"`
	Villages  int     `label:"走访村(居)"`
	Forums    int     `label:"座谈会"`
	Interview int     `label:"个别谈话人次"`
	Letters   int     `label:"征求意见函"`
	Surveys   int     `label:"调查表"`
	Opinions  int     `label:"收集意见建议"`
	Notes     string  `label:"备注"`

	MeetingTitle   string // read only
	Targets        int    // read only: how many targets
	Counted        int    // read only: targets whose ballots are counted
	Rectifications int    // read only: rectification items raised by the campaign
	CreatedAt      string
	UpdatedAt      string
}

// NewEvalCampaign is a new campaign with the usual rule: three grades of satisfaction, 满意率 counting 基本满意,
// 90% for 满意 and 60% for 基本满意, the 「人大代表满意单位」 title.
func NewEvalCampaign(year int, date Date) EvalCampaign {
	return EvalCampaign{Year: year, Method: EvalWork, EvalDate: date, Scale: ScaleSatisfaction, RateBasic: true,
		GoodLine: 90, PassLine: 60, Award: "人大代表满意单位"}
}

// Grades are the three grades of the campaign's scale, best first: 满意, 基本满意, 不满意 (or 优秀, 合格, 不合格).
func (c EvalCampaign) Grades() [3]string {
	if c.Scale == ScaleSatisfaction {
		return [3]string{GradeSatisfied, GradeBasicSatisfied, GradeUnsatisfied}
	}
	return [3]string{"优秀", "合格", "不合格"}
}

// RateName is what the campaign's rate is called: 满意率 (or 优秀率 on the merit scale; 平均得分 when scored).
func (c EvalCampaign) RateName() string {
	switch c.Scale {
	case ScaleScore:
		return "平均得分"
	case ScaleMerit:
		if c.RateBasic {
			return "优秀及合格率"
		}
		return "优秀率"
	}
	return "满意率"
}

// Rule says in words how the campaign's grades are given, for the printed results and the 报表 tab.
func (c EvalCampaign) Rule() string {
	g := c.Grades()
	line := func(v float64) string { return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", v), "0"), ".") }
	if c.Scale == ScaleScore {
		return fmt.Sprintf("按平均得分评定等次：%s分及以上为%s，%s分至%s分为%s，%s分以下为%s。", line(c.GoodLine), g[0],
			line(c.PassLine), line(c.GoodLine), g[1], line(c.PassLine), g[2])
	}
	num := g[0] + "票"
	if c.RateBasic {
		num = "(" + g[0] + "票+" + g[1] + "票)"
	}
	return fmt.Sprintf("%s = %s ÷ 有效票；%s达到%s%%为%s，%s%%至%s%%为%s，低于%s%%为%s。", c.RateName(), num, c.RateName(),
		line(c.GoodLine), g[0], line(c.PassLine), line(c.GoodLine), g[1], line(c.PassLine), g[2])
}

// Validate checks the campaign's own fields.
func (c *EvalCampaign) Validate() error {
	var ck checker
	c.Title = cleanName(c.Title)
	c.Selection, c.Award = strings.TrimSpace(c.Selection), strings.TrimSpace(c.Award)
	if c.Year < 1900 || c.Year > 2200 {
		ck.fail("评议年度", "(%d)不是合理的年份", c.Year)
	}
	ck.required("名称", c.Title)
	ck.maxLen("名称", c.Title, maxTitle)
	ck.required("评议方式", c.Method)
	ck.oneOf("评议方式", c.Method, EvalMethods)
	ck.maxLen("对象确定方式", c.Selection, maxLine)
	ck.date("实施方案日期", c.PlanDate)
	ck.requiredDate("测评日期", c.EvalDate)
	ck.notBefore("测评日期", c.EvalDate, "实施方案日期", c.PlanDate)
	ck.required("测评档次", c.Scale)
	ck.oneOf("测评档次", c.Scale, EvalScales)
	if c.GoodLine <= 0 || c.GoodLine > 100 {
		ck.fail("满意等次线", "应在0到100之间(现为%g)", c.GoodLine)
	}
	if c.PassLine < 0 || c.PassLine > c.GoodLine {
		ck.fail("基本满意等次线", "应在0到满意等次线(%g)之间(现为%g)", c.GoodLine, c.PassLine)
	}
	ck.maxLen("满意等次称号", c.Award, maxLine)
	ck.noDuplicates("调查组成员", c.MemberIDs)
	for _, n := range []struct {
		f string
		v int
	}{{"评议调查组", c.Groups}, {"走访村(居)", c.Villages}, {"座谈会", c.Forums}, {"个别谈话人次", c.Interview},
		{"征求意见函", c.Letters}, {"调查表", c.Surveys}, {"收集意见建议", c.Opinions}} {
		ck.nonNegative(n.f, n.v)
	}
	ck.maxLen("备注", c.Notes, maxText)
	return ck.result()
}

// EvalTarget is one unit or official a campaign evaluates, with the counted ballots of the 测评.
type EvalTarget struct {
	ID         int64
	CampaignID int64
	Seq        int
	UnitID     int64   `label:"被评议单位"`
	Person     string  `label:"被评议人员"`
	Post       string  `label:"职务"`
	Category   string  `label:"类别"`
	ReportDate Date    `label:"述职日期"`
	Issued     int     `label:"发出票数"`
	Returned   int     `label:"收回票数"`
	Valid      int     `label:"有效票数"`
	Top        int     `label:"满意(优秀)票"`
	Middle     int     `label:"基本满意(合格)票"`
	Bottom     int     `label:"不满意(不合格)票"`
	Score      float64 `label:"平均得分"` // 打分 only; 0 when not scored
	Title      string  `label:"其他称号"`
	Notes      string  `label:"备注"`

	UnitName string // read only
}

// Name is how the target is called: the unit's name, or 「张三(分管农业副镇长)」.
func (t EvalTarget) Name() string {
	if t.UnitID != 0 || t.Person == "" {
		return t.UnitName
	}
	if t.Post != "" {
		return t.Person + "(" + t.Post + ")"
	}
	return t.Person
}

// validate checks the target, row naming it in the campaign's list (「评议对象第2行」).
func (t *EvalTarget) validate(c *checker, row string, scale string) {
	t.Person, t.Post, t.Category = cleanName(t.Person), strings.TrimSpace(t.Post), strings.TrimSpace(t.Category)
	t.Title = strings.TrimSpace(t.Title)
	switch {
	case t.UnitID == 0 && t.Person == "":
		c.failMsg(row+"被评议单位", row+"请选择被评议单位，或填写被评议人员的姓名")
	case t.UnitID != 0 && t.Person != "":
		c.failMsg(row+"被评议人员", row+"被评议单位和被评议人员只能填一项(评议分管领导时填人员，评议单位时选单位)")
	}
	c.maxLen(row+"被评议人员", t.Person, maxName)
	c.maxLen(row+"职务", t.Post, maxLine)
	c.maxLen(row+"类别", t.Category, maxName)
	c.date(row+"述职日期", t.ReportDate)
	for _, n := range []struct {
		f string
		v int
	}{{"发出票数", t.Issued}, {"收回票数", t.Returned}, {"有效票数", t.Valid}, {"满意(优秀)票", t.Top},
		{"基本满意(合格)票", t.Middle}, {"不满意(不合格)票", t.Bottom}} {
		c.nonNegative(row+n.f, n.v)
	}
	if t.Returned > t.Issued {
		c.fail(row+"收回票数", "(%d)不能多于发出票数(%d)", t.Returned, t.Issued)
	}
	if t.Valid > t.Returned {
		c.fail(row+"有效票数", "(%d)不能多于收回票数(%d)", t.Valid, t.Returned)
	}
	if sum := t.Top + t.Middle + t.Bottom; sum > t.Valid {
		c.fail(row+"有效票数", "(%d)少于各档票数之和(%d)：满意、基本满意、不满意票加起来不能多于有效票", t.Valid, sum)
	}
	if scale == ScaleScore {
		if t.Score < 0 || t.Score > 100 || math.IsNaN(t.Score) {
			c.fail(row+"平均得分", "应在0到100之间(现为%g)", t.Score)
		}
	} else if t.Score != 0 {
		c.fail(row+"平均得分", "只有按打分测评时才填写")
	}
	c.maxLen(row+"其他称号", t.Title, maxLine)
	c.maxLen(row+"备注", t.Notes, maxText)
}

// ValidateTargets checks the targets of campaign c: each row, and that no unit or person is listed twice.
func ValidateTargets(c EvalCampaign, ts []EvalTarget) error {
	var ck checker
	seen := map[string]int{}
	for i := range ts {
		row := fmt.Sprintf("评议对象第%d行", i+1)
		ts[i].validate(&ck, row, c.Scale)
		key := fmt.Sprintf("u%d", ts[i].UnitID)
		if ts[i].UnitID == 0 {
			key = "p" + ts[i].Person + "\x00" + ts[i].Post
		}
		if j, ok := seen[key]; ok && (ts[i].UnitID != 0 || ts[i].Person != "") {
			ck.fail(row+"被评议单位", "与第%d行重复", j)
		}
		seen[key] = i + 1
	}
	return ck.result()
}

// EvalResult is what the campaign's rule makes of a target's ballots.
type EvalResult struct {
	Counted bool    // the ballots are counted (有效票 > 0), or the target is scored
	Rate    Rate    // 满意率: (top + middle, or top) ÷ valid
	Score   float64 // 打分: the average score
	Grade   string  // one of Grades(), "" when not counted
	Titles  []string
	Rank    int // 1 for the best; equal results share a rank; 0 when not counted
}

// Result applies the campaign's rule to a target: the rate (or score) against the two lines gives the grade,
// and the top grade earns the campaign's award besides any title of the target's own.
func (c EvalCampaign) Result(t EvalTarget) EvalResult {
	var r EvalResult
	g := c.Grades()
	value := 0.0
	switch {
	case c.Scale == ScaleScore:
		r.Counted, r.Score, value = t.Score > 0, t.Score, t.Score
	default:
		num := t.Top
		if c.RateBasic {
			num += t.Middle
		}
		r.Rate = Rate{num, t.Valid}
		r.Counted = t.Valid > 0
		if r.Counted {
			// Compared on integers, as Percent rounds: 90% of 40 votes is 36, and 36 is enough.
			value = float64(num) * 100 / float64(t.Valid)
		}
	}
	if !r.Counted {
		if t.Title != "" {
			r.Titles = []string{t.Title}
		}
		return r
	}
	const eps = 1e-9
	switch {
	case value+eps >= c.GoodLine:
		r.Grade = g[0]
	case value+eps >= c.PassLine:
		r.Grade = g[1]
	default:
		r.Grade = g[2]
	}
	if r.Grade == g[0] && c.Award != "" {
		r.Titles = append(r.Titles, c.Award)
	}
	if t.Title != "" && t.Title != c.Award {
		r.Titles = append(r.Titles, t.Title)
	}
	return r
}

// Results applies the rule to every target and ranks those counted: the higher rate (or score) first, then
// more top-grade votes; equal results share a rank (1, 2, 2, 4).
func (c EvalCampaign) Results(ts []EvalTarget) []EvalResult {
	out := make([]EvalResult, len(ts))
	var order []int
	for i, t := range ts {
		out[i] = c.Result(t)
		if out[i].Counted {
			order = append(order, i)
		}
	}
	better := func(a, b int) int { // > 0 when a is better than b
		ra, rb := out[a], out[b]
		if c.Scale == ScaleScore {
			switch {
			case ra.Score > rb.Score:
				return 1
			case ra.Score < rb.Score:
				return -1
			}
			return 0
		}
		// Compare the fractions exactly: num_a/den_a against num_b/den_b.
		if x, y := int64(ra.Rate.Num)*int64(rb.Rate.Den), int64(rb.Rate.Num)*int64(ra.Rate.Den); x != y {
			if x > y {
				return 1
			}
			return -1
		}
		if x, y := int64(ts[a].Top)*int64(ts[b].Valid), int64(ts[b].Top)*int64(ts[a].Valid); x != y {
			if x > y {
				return 1
			}
			return -1
		}
		return 0
	}
	sort.SliceStable(order, func(i, j int) bool { return better(order[i], order[j]) > 0 })
	for k, i := range order {
		if k > 0 && better(order[k-1], i) == 0 {
			out[i].Rank = out[order[k-1]].Rank
		} else {
			out[i].Rank = k + 1
		}
	}
	return out
}

const evalCampaignColumns = `c.id, c.year, c.title, c.method, c.selection, c.plan_date, c.eval_date, coalesce(c.meeting_id, 0),
	c.scale, c.rate_basic, c.good_line, c.pass_line, c.award, c.groups, c.villages, c.forums, c.interviews, c.letters,
	c.surveys, c.opinions, c.notes, c.created_at, c.updated_at, coalesce(m.title, ''),
	(SELECT count(*) FROM eval_targets t WHERE t.campaign_id = c.id),
	(SELECT count(*) FROM eval_targets t WHERE t.campaign_id = c.id AND (t.valid > 0 OR t.score > 0)),
	(SELECT count(*) FROM rectifications r WHERE r.campaign_id = c.id),
	coalesce((SELECT group_concat(deputy_id) FROM eval_campaign_members x WHERE x.campaign_id = c.id), '')`

const evalCampaignFrom = `eval_campaigns c LEFT JOIN meetings m ON m.id = c.meeting_id`

func scanEvalCampaign(s scanner) (EvalCampaign, error) {
	var c EvalCampaign
	var members string
	err := s.Scan(&c.ID, &c.Year, &c.Title, &c.Method, &c.Selection, &c.PlanDate, &c.EvalDate, &c.MeetingID, &c.Scale,
		&c.RateBasic, &c.GoodLine, &c.PassLine, &c.Award, &c.Groups, &c.Villages, &c.Forums, &c.Interview, &c.Letters,
		&c.Surveys, &c.Opinions, &c.Notes, &c.CreatedAt, &c.UpdatedAt, &c.MeetingTitle, &c.Targets, &c.Counted,
		&c.Rectifications, &members)
	c.MemberIDs = splitIDs(members)
	return c, err
}

// EvalCampaign returns one campaign.
func (db *DB) EvalCampaign(ctx context.Context, id int64) (c EvalCampaign, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		c, err = tx.evalCampaign(id)
		return err
	})
	return c, err
}

func (tx *Tx) evalCampaign(id int64) (EvalCampaign, error) {
	c, err := scanEvalCampaign(tx.QueryRow(`SELECT `+evalCampaignColumns+` FROM `+evalCampaignFrom+` WHERE c.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, Errorf(ENOTFOUND, "评议活动不存在(编号%d)", id)
	}
	return c, err
}

// EvalCampaignFilter selects campaigns.
type EvalCampaignFilter struct {
	Query  string
	Year   int // by the 测评日期
	Method string
	Sort   string
	Desc   bool
	Offset int
	Limit  int
}

// EvalCampaignSortKeys maps the sortable columns of the campaign list to their SQL.
var EvalCampaignSortKeys = map[string]string{"date": "c.eval_date", "title": "c.title", "method": "c.method", "year": "c.year"}

// EvalCampaigns returns a page of campaigns (the latest 测评 first by default) and how many match.
func (db *DB) EvalCampaigns(ctx context.Context, f EvalCampaignFilter) (out []EvalCampaign, total int, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, total, err = tx.evalCampaigns(f)
		return err
	})
	return out, total, err
}

func (tx *Tx) evalCampaigns(f EvalCampaignFilter) ([]EvalCampaign, int, error) {
	w := &where{}
	w.match("c.id", "eval_campaign_fts", []string{"title", "notes"}, f.Query, "")
	if f.Year != 0 {
		y := YearPeriod(f.Year)
		w.add("c.eval_date BETWEEN ? AND ?", y.From, y.To)
	}
	if f.Method != "" {
		w.add("c.method = ?", f.Method)
	}
	order := "c.eval_date DESC, c.id DESC"
	if col, ok := EvalCampaignSortKeys[f.Sort]; ok {
		order = col + desc(f.Desc) + ", c.id"
	}
	q := listQuery{idCol: "c.id", countFrom: "eval_campaigns c", from: "eval_campaigns c", order: order}
	out, total, err := listPage(tx, q, w, f.Offset, f.Limit, func(ids []int64) (map[int64]EvalCampaign, error) {
		m := map[int64]EvalCampaign{}
		err := collect(tx, `SELECT `+evalCampaignColumns+` FROM `+evalCampaignFrom+` WHERE c.id IN (`+idList(ids)+`)`, nil,
			func(s scanner) error {
				c, err := scanEvalCampaign(s)
				m[c.ID] = c
				return err
			})
		return m, err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("查询评议活动: %w", err)
	}
	return out, total, nil
}

// SaveEvalCampaign creates (ID 0) or updates a campaign with its investigation group's members.
func (db *DB) SaveEvalCampaign(ctx context.Context, c *EvalCampaign) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error { return tx.saveEvalCampaign(c) })
}

func (tx *Tx) saveEvalCampaign(c *EvalCampaign) error {
	if err := tx.exists("meetings", c.MeetingID, "述职测评会议"); err != nil {
		return err
	}
	if c.MeetingID != 0 {
		m, err := tx.meeting(c.MeetingID)
		if err != nil {
			return err
		}
		if m.Kind != MeetingWorkEval && m.Kind != MeetingReportEval {
			return fieldErr("述职测评会议", "应为工作评议或述职评议会议(「%s」是%s)", m.Title, m.Kind)
		}
	}
	for i, id := range c.MemberIDs {
		if err := tx.exists("deputies", id, fmt.Sprintf("调查组成员第%d位", i+1)); err != nil {
			return err
		}
	}
	if c.Scale != ScaleScore && c.ID != 0 {
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM eval_targets WHERE campaign_id = ? AND score > 0`, c.ID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fieldErr("测评档次", "不能改为「%s」：已有%d个评议对象按打分录入了得分", c.Scale, n)
		}
	}
	args := []any{c.Year, c.Title, c.Method, c.Selection, c.PlanDate, c.EvalDate, nullID(c.MeetingID), c.Scale, c.RateBasic,
		c.GoodLine, c.PassLine, c.Award, c.Groups, c.Villages, c.Forums, c.Interview, c.Letters, c.Surveys, c.Opinions,
		c.Notes, tx.stamp()}
	if c.ID == 0 {
		res, err := tx.Exec(`INSERT INTO eval_campaigns (year, title, method, selection, plan_date, eval_date, meeting_id, scale,
			rate_basic, good_line, pass_line, award, groups, villages, forums, interviews, letters, surveys, opinions, notes,
			updated_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, append(args, tx.stamp())...)
		if err != nil {
			return fmt.Errorf("保存评议活动: %w", err)
		}
		c.ID, _ = res.LastInsertId()
		if err := tx.setCampaignMembers(c); err != nil {
			return err
		}
		return tx.logHistory("eval_campaign", c.ID, ActionCreate, c.Title, describe(c))
	}
	old, err := tx.evalCampaign(c.ID)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(`UPDATE eval_campaigns SET year = ?, title = ?, method = ?, selection = ?, plan_date = ?, eval_date = ?,
		meeting_id = ?, scale = ?, rate_basic = ?, good_line = ?, pass_line = ?, award = ?, groups = ?, villages = ?, forums = ?,
		interviews = ?, letters = ?, surveys = ?, opinions = ?, notes = ?, updated_at = ? WHERE id = ?`, append(args, c.ID)...); err != nil {
		return fmt.Errorf("保存评议活动: %w", err)
	}
	if err := tx.setCampaignMembers(c); err != nil {
		return err
	}
	slices.Sort(c.MemberIDs)
	if ch := diff(old, c); ch != "" {
		return tx.logHistory("eval_campaign", c.ID, ActionUpdate, c.Title, ch)
	}
	return nil
}

func (tx *Tx) setCampaignMembers(c *EvalCampaign) error {
	if _, err := tx.Exec(`DELETE FROM eval_campaign_members WHERE campaign_id = ?`, c.ID); err != nil {
		return err
	}
	for _, id := range c.MemberIDs {
		if _, err := tx.Exec(`INSERT INTO eval_campaign_members (campaign_id, deputy_id) VALUES (?, ?)`, c.ID, id); err != nil {
			return err
		}
	}
	return nil
}

// DeleteEvalCampaign deletes a campaign with its targets. One that raised rectification items is refused: they
// are records of their own, to be deleted first.
func (db *DB) DeleteEvalCampaign(ctx context.Context, id int64) error {
	return db.update(ctx, func(tx *Tx) error {
		c, err := tx.evalCampaign(id)
		if err != nil {
			return err
		}
		if c.Rectifications > 0 {
			return Errorf(ECONFLICT, "评议活动「%s」提出了%d条整改意见，不能删除(请先删除这些整改事项)", c.Title, c.Rectifications)
		}
		if _, err := tx.Exec(`DELETE FROM eval_campaigns WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.logHistory("eval_campaign", id, ActionDelete, c.Title, describe(c))
	})
}

const evalTargetColumns = `t.id, t.campaign_id, t.seq, coalesce(t.unit_id, 0), t.person, t.post, t.category, t.report_date,
	t.issued, t.returned, t.valid, t.top, t.middle, t.bottom, coalesce(t.score, 0), t.title, t.notes, coalesce(u.name, '')`

func scanEvalTarget(s scanner) (EvalTarget, error) {
	var t EvalTarget
	err := s.Scan(&t.ID, &t.CampaignID, &t.Seq, &t.UnitID, &t.Person, &t.Post, &t.Category, &t.ReportDate, &t.Issued,
		&t.Returned, &t.Valid, &t.Top, &t.Middle, &t.Bottom, &t.Score, &t.Title, &t.Notes, &t.UnitName)
	return t, err
}

// EvalTargets returns a campaign's targets in their order.
func (db *DB) EvalTargets(ctx context.Context, campaignID int64) (out []EvalTarget, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, err = tx.evalTargets(campaignID)
		return err
	})
	return out, err
}

func (tx *Tx) evalTargets(campaignID int64) (out []EvalTarget, err error) {
	err = collect(tx, `SELECT `+evalTargetColumns+` FROM eval_targets t LEFT JOIN units u ON u.id = t.unit_id
		WHERE t.campaign_id = ? ORDER BY t.seq, t.id`, []any{campaignID}, func(s scanner) error {
		t, err := scanEvalTarget(s)
		out = append(out, t)
		return err
	})
	return out, err
}

// SaveEvalTargets makes ts the campaign's targets, in their order, in one transaction: a target with an ID is
// updated, one without is added, and a saved target not in ts is removed — unless rectification items were
// raised on it, which is refused naming it. The history records what changed.
func (db *DB) SaveEvalTargets(ctx context.Context, campaignID int64, ts []EvalTarget) error {
	return db.update(ctx, func(tx *Tx) error { return tx.saveEvalTargets(campaignID, ts) })
}

func (tx *Tx) saveEvalTargets(campaignID int64, ts []EvalTarget) error {
	c, err := tx.evalCampaign(campaignID)
	if err != nil {
		return err
	}
	if err := ValidateTargets(c, ts); err != nil {
		return err
	}
	old, err := tx.evalTargets(campaignID)
	if err != nil {
		return err
	}
	byID := map[int64]EvalTarget{}
	for _, o := range old {
		byID[o.ID] = o
	}
	kept := map[int64]bool{}
	var lines []string
	for i := range ts {
		t := &ts[i]
		if err := tx.exists("units", t.UnitID, fmt.Sprintf("评议对象第%d行被评议单位", i+1)); err != nil {
			return err
		}
		if t.UnitID != 0 {
			if err := tx.QueryRow(`SELECT name FROM units WHERE id = ?`, t.UnitID).Scan(&t.UnitName); err != nil {
				return err
			}
		}
		t.CampaignID, t.Seq = campaignID, i+1
		args := []any{nullID(t.UnitID), t.Person, t.Post, t.Category, t.ReportDate, t.Issued, t.Returned, t.Valid, t.Top,
			t.Middle, t.Bottom, nullScore(t.Score), t.Title, t.Notes, t.Seq}
		if o, ok := byID[t.ID]; ok && t.ID != 0 {
			kept[t.ID] = true
			if _, err := tx.Exec(`UPDATE eval_targets SET unit_id = ?, person = ?, post = ?, category = ?, report_date = ?,
				issued = ?, returned = ?, valid = ?, top = ?, middle = ?, bottom = ?, score = ?, title = ?, notes = ?, seq = ?
				WHERE id = ?`, append(args, t.ID)...); err != nil {
				return fmt.Errorf("保存评议对象: %w", err)
			}
			if ch := diff(o, t); ch != "" {
				lines = append(lines, "「"+t.Name()+"」"+strings.ReplaceAll(ch, "\n", "；"))
			}
			continue
		}
		res, err := tx.Exec(`INSERT INTO eval_targets (unit_id, person, post, category, report_date, issued, returned, valid,
			top, middle, bottom, score, title, notes, seq, campaign_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			append(args, campaignID)...)
		if err != nil {
			return fmt.Errorf("保存评议对象: %w", err)
		}
		t.ID, _ = res.LastInsertId()
		lines = append(lines, "新增「"+t.Name()+"」")
	}
	for _, o := range old {
		if kept[o.ID] {
			continue
		}
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM rectifications WHERE target_id = ?`, o.ID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return Errorf(ECONFLICT, "评议对象「%s」有%d条整改意见，不能删除", o.Name(), n)
		}
		if _, err := tx.Exec(`DELETE FROM eval_targets WHERE id = ?`, o.ID); err != nil {
			return err
		}
		lines = append(lines, "删除「"+o.Name()+"」")
	}
	if len(lines) == 0 {
		return nil
	}
	return tx.logHistory("eval_campaign", campaignID, ActionUpdate, c.Title, "评议对象: "+strings.Join(lines, "\n"))
}

// nullScore writes a score of 0 (not scored) as NULL.
func nullScore(v float64) any {
	if v == 0 {
		return nil
	}
	return v
}

// EvalDoc is what the printed documents of a campaign need: the campaign with its targets and their results,
// the investigation group's members and the rectification items it raised.
type EvalDoc struct {
	Settings       Settings
	Campaign       EvalCampaign
	Targets        []EvalTarget
	Results        []EvalResult // by Targets
	Members        []string     // the investigation group's deputies
	Meeting        Meeting      // the 述职测评 meeting, when linked (ID 0 otherwise)
	Attendees      int          // its deputies present or attending (出席、列席): how many ballots to print
	Rectifications []Rectification
}

// EvalDoc reads the documents' data of campaign id.
func (db *DB) EvalDoc(ctx context.Context, id int64) (doc EvalDoc, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		if doc.Settings, err = readSettings(tx); err != nil {
			return err
		}
		if doc.Campaign, err = tx.evalCampaign(id); err != nil {
			return err
		}
		if doc.Targets, err = tx.evalTargets(id); err != nil {
			return err
		}
		doc.Results = doc.Campaign.Results(doc.Targets)
		if err := collect(tx, `SELECT d.name FROM eval_campaign_members x JOIN deputies d ON d.id = x.deputy_id
			LEFT JOIN deputy_groups g ON g.id = d.group_id WHERE x.campaign_id = ? ORDER BY coalesce(g.id, 1e18), d.name`,
			[]any{id}, func(s scanner) error {
				var n string
				err := s.Scan(&n)
				doc.Members = append(doc.Members, n)
				return err
			}); err != nil {
			return err
		}
		if doc.Campaign.MeetingID != 0 {
			if doc.Meeting, err = tx.meeting(doc.Campaign.MeetingID); err != nil {
				return err
			}
			doc.Attendees = doc.Meeting.Present + doc.Meeting.NonVoting
		}
		doc.Rectifications, _, err = tx.rectifications(RectificationFilter{CampaignID: id, Sort: "unit"})
		return err
	})
	return doc, err
}
