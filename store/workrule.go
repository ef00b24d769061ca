package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// The year's work rules (issue 22, domain.md §3.13): how often the office must do what the rules mandate —
// 主席团会议 each quarter, 代表小组活动 each quarter in every group, training once a year, the stations' 公示 by
// the 10th of each month … A rule names what it counts (its measure) among the records the program keeps;
// compliance.go counts them at a date. The rules are seeded by migration 0015 and edited in 设置 → 工作规则.

// Rule periods.
const (
	RuleYear    = "年"
	RuleQuarter = "季"
	RuleMonth   = "月"
)

// RulePeriods lists the periods a rule can have.
var RulePeriods = []string{RuleYear, RuleQuarter, RuleMonth}

// The measures a rule can count besides a kind of meeting (MeasureMeeting + kind).
const (
	MeasureMeeting     = "meeting:"     // + a meeting kind: the meetings of that kind started in the period
	MeasureReportBack  = "report_back"  // 述职评议 records dated in the period
	MeasureNotice      = "notice"       // 家站点公示 posted in the period (notice_posts)
	MeasureOpinionCard = "opinion_card" // 征求意见卡 batches sent in the period
	MeasureBulletin    = "bulletin"     // 政情通报 issued in the period
	measureGroupKind   = MeetingGroup   // the one kind a rule can require of every deputy group
	ruleEntity         = "work_rule"    // history
	noticeEntity       = "notice_post"  // history
	maxRuleRequired    = 99             // more than 99 a period is not a frequency any seed names
	maxRuleDueDay      = 28             // every month has the 28th
	ruleMeasureField   = "计数对象"         // the form's label for Measure
	ruleRequiredField  = "每期至少(次)"      // … for Required
	ruleDueDayField    = "每月截止日"        // … for DueDay
	rulePerGroupField  = "每个代表小组"       // … for PerGroup
	rulePeriodField    = "周期"           // … for Period
	ruleNameField      = "规则名称"         // … for Name
	ruleMeasureUnknown = "不是可以统计的记录"    // the message for a measure the program cannot count
)

// WorkMeasures lists what a rule can count, in the order the form offers them.
func WorkMeasures() []string {
	var out []string
	for _, k := range MeetingKinds {
		out = append(out, MeasureMeeting+k)
	}
	return append(out, MeasureReportBack, MeasureNotice, MeasureOpinionCard, MeasureBulletin)
}

// MeasureLabel is a measure in the clerk's words: 「会议活动：主席团会议」, 「代表述职」.
func MeasureLabel(m string) string {
	if k, ok := strings.CutPrefix(m, MeasureMeeting); ok {
		return "会议活动：" + k
	}
	switch m {
	case MeasureReportBack:
		return "代表述职(述职评议记录)"
	case MeasureNotice:
		return "家站点公示(公示表打印或登记)"
	case MeasureOpinionCard:
		return "征求意见卡(发放记录)"
	case MeasureBulletin:
		return "政情通报(期数)"
	}
	return m
}

// MeasureOf is the measure a label of MeasureLabel names; "" when none does.
func MeasureOf(label string) string {
	for _, m := range WorkMeasures() {
		if MeasureLabel(m) == label {
			return m
		}
	}
	return ""
}

// WorkRule is a mandated frequency: at least Required of Measure each Period (each deputy group's own when
// PerGroup), due by DueDay of the month for a monthly rule.
type WorkRule struct {
	ID       int64
	Name     string `label:"规则名称"`
	Measure  string `label:"计数对象"`
	Period   string `label:"周期"`
	PerGroup bool   `label:"每个代表小组"`
	Required int    `label:"每期至少(次)"`
	DueDay   int    `label:"每月截止日"`
	Enabled  bool   `label:"启用"`
	Basis    string `label:"依据"`
	Sort     int
}

// Validate checks the rule and names the field at fault.
func (r *WorkRule) Validate() error {
	var c checker
	r.check(&c)
	return c.result()
}

// check runs the rule's checks on c (Required lists the fields it requires).
func (r *WorkRule) check(c *checker) {
	r.Name = cleanName(r.Name)
	r.Basis = strings.TrimSpace(r.Basis)
	c.required(ruleNameField, r.Name)
	c.maxLen(ruleNameField, r.Name, maxName)
	c.required(ruleMeasureField, r.Measure)
	if r.Measure != "" && !slices.Contains(WorkMeasures(), r.Measure) {
		c.fail(ruleMeasureField, "(%s)%s", r.Measure, ruleMeasureUnknown)
	}
	c.required(rulePeriodField, r.Period)
	c.oneOf(rulePeriodField, r.Period, RulePeriods)
	if r.Required < 1 || r.Required > maxRuleRequired {
		c.fail(ruleRequiredField, "应在1到%d之间", maxRuleRequired)
	}
	if r.DueDay < 0 || r.DueDay > maxRuleDueDay {
		c.fail(ruleDueDayField, "应在1到%d之间，不填表示月底", maxRuleDueDay)
	} else if r.DueDay != 0 && r.Period != RuleMonth {
		c.fail(ruleDueDayField, "只有每月的规则才有截止日")
	}
	if r.PerGroup && r.Measure != MeasureMeeting+measureGroupKind {
		c.fail(rulePerGroupField, "只有代表小组活动可以按每个代表小组要求")
	}
	c.maxLen("依据", r.Basis, maxLine)
}

// Phrase says the rule in a line: 「每季度至少1次」, 「每个代表小组每季度至少1次」, 「每月10日前」.
func (r WorkRule) Phrase() string {
	p := map[string]string{RuleYear: "每年", RuleQuarter: "每季度", RuleMonth: "每月"}[r.Period]
	if r.PerGroup {
		p = "每个代表小组" + p
	}
	if r.DueDay > 0 {
		p += fmt.Sprintf("%d日前", r.DueDay)
		if r.Required == 1 {
			return p
		}
	}
	return p + fmt.Sprintf("至少%d次", r.Required)
}

// WorkRules returns every rule, in their order, switched off ones too.
func (db *DB) WorkRules(ctx context.Context) (out []WorkRule, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, err = tx.workRules(0)
		return err
	})
	return out, err
}

func (tx *Tx) workRules(id int64) (out []WorkRule, err error) {
	w := &where{}
	if id != 0 {
		w.add("id = ?", id)
	}
	err = collect(tx, `SELECT id, name, measure, period, per_group, required, due_day, enabled, basis, sort
		FROM work_rules WHERE `+w.sql()+` ORDER BY sort, id`, w.args, func(sc scanner) error {
		var r WorkRule
		err := sc.Scan(&r.ID, &r.Name, &r.Measure, &r.Period, &r.PerGroup, &r.Required, &r.DueDay, &r.Enabled, &r.Basis, &r.Sort)
		out = append(out, r)
		return err
	})
	return out, err
}

// SaveWorkRule creates (ID 0, placed last) or updates a rule.
func (db *DB) SaveWorkRule(ctx context.Context, r *WorkRule) error {
	if err := r.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		var other int64
		switch err := tx.QueryRow(`SELECT id FROM work_rules WHERE name = ? AND id != ?`, r.Name, r.ID).Scan(&other); {
		case err == nil:
			return &Error{Code: ECONFLICT, Field: ruleNameField, Message: fmt.Sprintf("已经有名为「%s」的规则", r.Name)}
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		if r.ID == 0 {
			if err := tx.QueryRow(`SELECT coalesce(max(sort), 0) + 1 FROM work_rules`).Scan(&r.Sort); err != nil {
				return err
			}
			res, err := tx.Exec(`INSERT INTO work_rules (name, measure, period, per_group, required, due_day, enabled, basis, sort,
				created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.Name, r.Measure, r.Period, r.PerGroup, r.Required,
				r.DueDay, r.Enabled, r.Basis, r.Sort, tx.stamp(), tx.stamp())
			if err != nil {
				return fmt.Errorf("保存工作规则: %w", err)
			}
			r.ID, _ = res.LastInsertId()
			return tx.logHistory(ruleEntity, r.ID, ActionCreate, r.Name, describe(r))
		}
		olds, err := tx.workRules(r.ID)
		if err != nil {
			return err
		}
		if len(olds) == 0 {
			return Errorf(ENOTFOUND, "工作规则不存在")
		}
		r.Sort = olds[0].Sort
		changes := diff(olds[0], r)
		if changes == "" {
			return nil
		}
		if _, err := tx.Exec(`UPDATE work_rules SET name = ?, measure = ?, period = ?, per_group = ?, required = ?, due_day = ?,
			enabled = ?, basis = ?, updated_at = ? WHERE id = ?`, r.Name, r.Measure, r.Period, r.PerGroup, r.Required, r.DueDay,
			r.Enabled, r.Basis, tx.stamp(), r.ID); err != nil {
			return fmt.Errorf("保存工作规则: %w", err)
		}
		action := ActionUpdate
		if olds[0].Enabled != r.Enabled {
			action = ActionState // switched on or off
		}
		return tx.logHistory(ruleEntity, r.ID, action, r.Name, changes)
	})
}

// DeleteWorkRule removes a rule; the records it counted stay.
func (db *DB) DeleteWorkRule(ctx context.Context, id int64) error {
	return db.update(ctx, func(tx *Tx) error {
		olds, err := tx.workRules(id)
		if err != nil {
			return err
		}
		if len(olds) == 0 {
			return Errorf(ENOTFOUND, "工作规则不存在")
		}
		if _, err := tx.Exec(`DELETE FROM work_rules WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.logHistory(ruleEntity, id, ActionDelete, olds[0].Name, describe(olds[0]))
	})
}

// NoticePost is the day the stations' 公示表 of a month was posted (每月10日公示).
type NoticePost struct {
	ID     int64
	Posted Date   `label:"公示日期"`
	Month  Month  `label:"公示月份"`
	Notes  string `label:"备注"`
}

// Validate checks the post.
func (p *NoticePost) Validate() error {
	var c checker
	c.requiredDate("公示日期", p.Posted)
	if _, err := ParseMonth(string(p.Month)); err != nil {
		c.fail("公示月份", "应为 YYYY-MM，如 2024-10")
	}
	c.maxLen("备注", p.Notes, maxLine)
	return c.result()
}

// RecordNoticePost records that the 公示表 of p.Month was posted on p.Posted (printing or saving it from the
// program records it; the clerk may enter one posted by hand). A second post of the same month on the same
// day is not recorded again.
func (db *DB) RecordNoticePost(ctx context.Context, p *NoticePost) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		if p.Posted > DateOf(tx.now) {
			return fieldErr("公示日期", "(%s)不能晚于今天", p.Posted.Chinese())
		}
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM notice_posts WHERE posted = ? AND month = ?`, p.Posted, p.Month).Scan(&n); err != nil || n > 0 {
			return err
		}
		res, err := tx.Exec(`INSERT INTO notice_posts (posted, month, notes, created_at) VALUES (?, ?, ?, ?)`,
			p.Posted, p.Month, p.Notes, tx.stamp())
		if err != nil {
			return fmt.Errorf("登记公示: %w", err)
		}
		p.ID, _ = res.LastInsertId()
		return tx.logHistory(noticeEntity, p.ID, ActionCreate, p.Month.Chinese()+"公示", describe(p))
	})
}
