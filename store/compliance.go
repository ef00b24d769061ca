package store

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Compliance: the work rules (workrule.go) measured against the records at a date. Every rule is split into
// its periods of the year (one, four quarters or twelve months; for a rule of every deputy group, each period
// once per group), and each period counts the records of the rule's measure dated in it, up to the date.
//
// Definitions (口径, each also said by ComplianceDefinition):
//
//   - 会议活动: the meetings of the kind whose start date falls in the period. A group's 代表小组活动 is one with a
//     deputy of the group present (出席), or with the group's name in its title.
//   - 代表述职: 述职评议 records dated in the period. 征求意见卡: batches whose 发放日期 falls in it. 政情通报: issues
//     dated in it. 家站点公示: 公示表 printed, saved or entered as posted in the month.
//   - 已完成 counts, in each period, at most what the rule requires: a second meeting in the first quarter does
//     not stand for one missing in the second. 未完成 adds up the shortfall of the periods due on or before the
//     date (a period is due on its last day, or a monthly rule's 截止日: the table counts at the end of the
//     date, while the overview still says 「今天截止」 that day); 待完成 that of the periods not yet due.

// ComplianceItem is one record counted for a rule: a meeting, a report-back, an opinion-card batch, a bulletin
// or a 公示.
type ComplianceItem struct {
	Measure string // what it is (the rule's measure)
	ID      int64  // the record (a meeting's id for a meeting)
	Date    Date
	Title   string
}

// ComplianceUnit is one period of a rule (for one deputy group when the rule is each group's).
type ComplianceUnit struct {
	Label     string // 第三季度, 10月, 全年
	From, To  Date   // the period
	Due       Date   // the last day it is in time: To, or the monthly 截止日
	GroupID   int64
	GroupName string
	Required  int
	Done      int // records counted (may pass Required)
	Items     []ComplianceItem
}

// Short is what the period still lacks.
func (u ComplianceUnit) Short() int { return max(u.Required-u.Done, 0) }

// Where names the period and the group: 「第二代表小组第三季度」.
func (u ComplianceUnit) Where() string { return u.GroupName + u.Label }

// ComplianceRow is one rule over a year as of a date.
type ComplianceRow struct {
	Rule     WorkRule
	Units    []ComplianceUnit
	Required int // over the year
	Done     int // counted up to Required in each period
	Missed   int // short in the periods already due
	Open     int // still to do in the periods not yet due
}

// MissedUnits lists the periods due on or before asOf that fell short.
func (r ComplianceRow) MissedUnits(asOf Date) []ComplianceUnit {
	var out []ComplianceUnit
	for _, u := range r.Units {
		if u.Due <= asOf && u.Short() > 0 {
			out = append(out, u)
		}
	}
	return out
}

// Items lists every record the row counted, by date.
func (r ComplianceRow) Items() []ComplianceItem {
	var out []ComplianceItem
	seen := map[string]bool{}
	for _, u := range r.Units {
		for _, it := range u.Items {
			if k := fmt.Sprint(it.Measure, it.ID); !seen[k] {
				seen[k] = true
				out = append(out, it)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b ComplianceItem) int { return strings.Compare(string(a.Date), string(b.Date)) })
	return out
}

// ComplianceDefinition is the 口径 of a rule: what it counts and how.
func ComplianceDefinition(r WorkRule) string {
	var what string
	switch {
	case r.Measure == MeasureMeeting+measureGroupKind && r.PerGroup:
		what = "开始日期在期内的代表小组活动，有本组代表出席或名称含本组名称的计入该组"
	case strings.HasPrefix(r.Measure, MeasureMeeting):
		what = "开始日期在期内的" + strings.TrimPrefix(r.Measure, MeasureMeeting)
	case r.Measure == MeasureReportBack:
		what = "日期在期内的述职评议记录"
	case r.Measure == MeasureNotice:
		what = "当月打印、另存或登记的家站点公示表"
	case r.Measure == MeasureOpinionCard:
		what = "发放日期在期内的征求意见卡"
	case r.Measure == MeasureBulletin:
		what = "日期在期内的政情通报"
	}
	return fmt.Sprintf("%s：%s。每期计入的次数以要求的次数为限；到期末(每月规则为截止日)仍不足的计为未完成。", r.Phrase(), what)
}

// Compliance measures the enabled rules over a year as of asOf (empty: 31 December, or today within the year).
func (db *DB) Compliance(ctx context.Context, year int, asOf Date) (out []ComplianceRow, err error) {
	if year < 1900 || year > 2200 {
		return nil, fieldErr("年度", "(%d)不是合理的年份", year)
	}
	err = db.view(ctx, func(tx *Tx) error {
		if asOf == "" {
			asOf = min(YearPeriod(year).To, DateOf(tx.now))
		}
		out, err = tx.compliance(year, asOf)
		return err
	})
	return out, err
}

func (tx *Tx) compliance(year int, asOf Date) ([]ComplianceRow, error) {
	return tx.complianceUnits(year, asOf, false)
}

// complianceUnits is compliance; holding keeps only the periods that hold asOf (Reminders), whose records are
// then read from the earliest of those periods on: the year's earlier periods were most of 概览's refresh.
// The rows' year totals (Required, Done, Missed, Open) then count those periods only.
func (tx *Tx) complianceUnits(year int, asOf Date, holding bool) ([]ComplianceRow, error) {
	rules, err := tx.workRules(0)
	if err != nil {
		return nil, err
	}
	groups, err := tx.complianceGroups()
	if err != nil {
		return nil, err
	}
	var out []ComplianceRow
	for _, r := range rules {
		if !r.Enabled {
			continue
		}
		row := ComplianceRow{Rule: r}
		for _, p := range rulePeriods(r, year) {
			if holding && (p.From > asOf || p.To < asOf) {
				continue
			}
			if r.PerGroup {
				for _, g := range groups {
					u := p
					u.GroupID, u.GroupName = g.ID, g.Name
					row.Units = append(row.Units, u)
				}
				continue
			}
			row.Units = append(row.Units, p)
		}
		// The year's records are read once and dealt to the periods (and groups): a rule per group of a large
		// office has hundreds of group-quarters, and a query each took seconds on the stress database.
		perGroup := r.PerGroup && strings.HasPrefix(r.Measure, MeasureMeeting)
		var items []ComplianceItem
		var groupsOf map[int64][]int64
		if len(row.Units) > 0 && row.Units[0].From <= asOf {
			from, to := row.Units[0].From, min(row.Units[len(row.Units)-1].To, asOf)
			if perGroup {
				items, groupsOf, err = tx.groupActivities(r.Measure, from, to, groups)
			} else {
				items, err = tx.complianceItems(r.Measure, from, to)
			}
			if err != nil {
				return nil, fmt.Errorf("统计工作规则「%s」: %w", r.Name, err)
			}
		}
		for k := range row.Units {
			u := &row.Units[k]
			if u.From <= asOf {
				to := min(u.To, asOf)
				for _, it := range items {
					if it.Date >= u.From && it.Date <= to && (!perGroup || slices.Contains(groupsOf[it.ID], u.GroupID)) {
						u.Items = append(u.Items, it)
					}
				}
				u.Done = len(u.Items)
			}
			row.Required += u.Required
			row.Done += min(u.Done, u.Required)
			if u.Due <= asOf {
				row.Missed += u.Short()
			} else {
				row.Open += u.Short()
			}
		}
		out = append(out, row)
	}
	return out, nil
}

// rulePeriods are the periods of a rule in a year, each requiring r.Required.
func rulePeriods(r WorkRule, year int) []ComplianceUnit {
	first := Date(fmt.Sprintf("%04d-01-01", year))
	var out []ComplianceUnit
	switch r.Period {
	case RuleQuarter:
		for q := range 4 {
			from := first.AddMonths(3 * q)
			to := from.AddMonths(3).AddDays(-1)
			out = append(out, ComplianceUnit{Label: "第" + ChineseNumber(q+1) + "季度", From: from, To: to, Due: to})
		}
	case RuleMonth:
		for m := range 12 {
			from := first.AddMonths(m)
			to := from.AddMonths(1).AddDays(-1)
			due := to
			if r.DueDay > 0 {
				due = from.AddDays(r.DueDay - 1)
			}
			out = append(out, ComplianceUnit{Label: fmt.Sprintf("%d月", m+1), From: from, To: to, Due: due})
		}
	default:
		out = append(out, ComplianceUnit{Label: "全年", From: first, To: YearPeriod(year).To, Due: YearPeriod(year).To})
	}
	for k := range out {
		out[k].Required = r.Required
	}
	return out
}

// complianceGroups are the deputy groups, in the order they were set up (as 设置 lists them).
func (tx *Tx) complianceGroups() (out []Group, err error) {
	err = collect(tx, `SELECT id, name FROM deputy_groups ORDER BY id`, nil, func(sc scanner) error {
		var g Group
		err := sc.Scan(&g.ID, &g.Name)
		out = append(out, g)
		return err
	})
	return out, err
}

// complianceItems reads the records of a measure dated from from to to.
func (tx *Tx) complianceItems(measure string, from, to Date) (out []ComplianceItem, err error) {
	var q string
	args := []any{from, to}
	switch {
	case strings.HasPrefix(measure, MeasureMeeting):
		q = `SELECT m.id, m.start_date, m.title FROM meetings m WHERE m.start_date BETWEEN ? AND ? AND m.kind = ?
			ORDER BY m.start_date, m.id`
		args = append(args, strings.TrimPrefix(measure, MeasureMeeting))
	case measure == MeasureReportBack:
		q = `SELECT r.id, r.date, d.name || '述职(' || r.form || ')' FROM report_backs r JOIN deputies d ON d.id = r.deputy_id
			WHERE r.date BETWEEN ? AND ? ORDER BY r.date, r.id`
	case measure == MeasureNotice:
		q = `SELECT id, posted, month FROM notice_posts WHERE posted BETWEEN ? AND ? ORDER BY posted, id`
	case measure == MeasureOpinionCard:
		q = `SELECT id, sent_date, year || '年第' || quarter || '季度征求意见卡' FROM opinion_cards WHERE sent_date BETWEEN ? AND ? ORDER BY sent_date`
	case measure == MeasureBulletin:
		q = `SELECT id, date, '第' || issue_no || '期 ' || title FROM bulletins WHERE date BETWEEN ? AND ? ORDER BY date, issue_no`
	default:
		return nil, nil // Validate keeps other measures out
	}
	err = collect(tx, q, args, func(sc scanner) error {
		it := ComplianceItem{Measure: measure}
		err := sc.Scan(&it.ID, &it.Date, &it.Title)
		if measure == MeasureNotice {
			it.Title = Month(it.Title).Chinese() + "公示表"
		}
		out = append(out, it)
		return err
	})
	return out, err
}

// groupActivities reads the meetings of a measure (MeasureMeeting + kind) dated from from to to, with the groups
// each was an activity of: a group one of whose deputies attended (出席), or whose name is in the title.
func (tx *Tx) groupActivities(measure string, from, to Date, groups []Group) ([]ComplianceItem, map[int64][]int64, error) {
	var out []ComplianceItem
	of := map[int64][]int64{}
	err := collect(tx, `SELECT m.id, m.start_date, m.title, coalesce(d.group_id, 0) FROM meetings m
		LEFT JOIN attendance a ON a.meeting_id = m.id AND a.status = '出席' LEFT JOIN deputies d ON d.id = a.deputy_id
		WHERE m.start_date BETWEEN ? AND ? AND m.kind = ? GROUP BY m.id, coalesce(d.group_id, 0) ORDER BY m.start_date, m.id`,
		[]any{from, to, strings.TrimPrefix(measure, MeasureMeeting)}, func(sc scanner) error {
			it := ComplianceItem{Measure: measure}
			var group int64
			if err := sc.Scan(&it.ID, &it.Date, &it.Title, &group); err != nil {
				return err
			}
			if len(out) == 0 || out[len(out)-1].ID != it.ID {
				out = append(out, it)
				for _, g := range groups {
					if g.Name != "" && strings.Contains(it.Title, g.Name) {
						of[it.ID] = append(of[it.ID], g.ID)
					}
				}
			}
			if group != 0 && !slices.Contains(of[it.ID], group) {
				of[it.ID] = append(of[it.ID], group)
			}
			return nil
		})
	return out, of, err
}

// Reminder is what a rule still requires in the period that holds today: 「本季度尚未召开主席团会议（还剩18天）」.
type Reminder struct {
	RuleID int64
	// PlanItemID is the plan item a reminder is about (figures_plan.go), 0 for a rule's.
	PlanItemID int64
	Text       string
	Due        Date
	DaysLeft   int // to Due; negative when Due has passed
}

// Reminders lists, for every enabled rule, the periods holding today (each group's, for a group rule) that
// still fall short, and the work plan's items of this month or quarter not done yet, the nearest due first.
func (db *DB) Reminders(ctx context.Context, today Date) ([]Reminder, error) {
	if today.Year() < 1900 || today.Year() > 2200 {
		return nil, fieldErr("年度", "(%d)不是合理的年份", today.Year())
	}
	var rows []ComplianceRow
	err := db.view(ctx, func(tx *Tx) (err error) {
		rows, err = tx.complianceUnits(today.Year(), today, true)
		return err
	})
	if err != nil {
		return nil, err
	}
	var out []Reminder
	for _, r := range rows {
		for _, u := range r.Units {
			if u.From > today || u.To < today || u.Short() == 0 {
				continue
			}
			left := int(math.Round(u.Due.Time().Sub(today.Time()).Hours() / 24))
			out = append(out, Reminder{RuleID: r.Rule.ID, Text: reminderText(r.Rule, u, left), Due: u.Due, DaysLeft: left})
		}
	}
	err = db.view(ctx, func(tx *Tx) error { // issue 22: the plan's items of this month or quarter
		plan, err := tx.planReminders(today)
		out = append(out, plan...)
		return err
	})
	if err != nil {
		return nil, err
	}
	// Issue 22 part 5: the new deputies' training before the term's first session (training.go).
	trained, err := db.trainingReminders(ctx, today)
	if err != nil {
		return nil, err
	}
	out = append(out, trained...)
	slices.SortStableFunc(out, func(a, b Reminder) int { return a.DaysLeft - b.DaysLeft })
	return out, nil
}

// reminderText says what a period lacks and how long is left.
func reminderText(r WorkRule, u ComplianceUnit, left int) string {
	when := map[string]string{RuleYear: "本年度", RuleQuarter: "本季度", RuleMonth: "本月"}[r.Period]
	var tail string
	switch {
	case left > 0:
		tail = fmt.Sprintf("还剩%d天", left)
	case left == 0:
		tail = "今天截止"
	default:
		tail = fmt.Sprintf("已过%s，逾期%d天", u.Due.Chinese(), -left)
	}
	if r.DueDay > 0 && left >= 0 {
		tail = fmt.Sprintf("应于%s前，%s", u.Due.Chinese(), tail)
	}
	verb := reminderVerb(r.Measure)
	var text string
	switch {
	case r.Measure == MeasureNotice:
		text = u.Label + "公示尚未打印或登记"
	case r.PerGroup && u.Done == 0:
		text = u.GroupName + when + "尚无活动"
	case r.PerGroup:
		text = fmt.Sprintf("%s%s活动%d次，还应%d次", u.GroupName, when, u.Done, u.Short())
	case u.Done == 0:
		text = when + "尚未" + verb + r.Name
	default:
		text = fmt.Sprintf("%s%s已%s%d次，还应%s%d次", when, r.Name, verb, u.Done, verb, u.Short())
	}
	return text + "（" + tail + "）"
}

// reminderVerb is how the office does what a measure counts: 召开 a meeting, 发放 a card.
func reminderVerb(measure string) string {
	switch measure {
	case MeasureMeeting + MeetingCongress, MeasureMeeting + MeetingPresidium, MeasureMeeting + MeetingAssign, MeasureMeeting + MeetingForum:
		return "召开"
	case MeasureOpinionCard:
		return "发放"
	case MeasureBulletin:
		return "下发"
	}
	return "开展"
}

func init() {
	EntityNames[ruleEntity] = "工作规则"
	EntityNames[noticeEntity] = "公示"
}
