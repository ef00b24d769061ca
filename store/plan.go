package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// The year's work plan (年度工作计划, issue 22, domain.md §2.27): what the presidium plans to do in a year, each
// item with its kind, its month or quarter, who is responsible and, once done, the record that did it. The
// clerk makes a draft from the work rules (workrule.go: one item per required occurrence) and last year's plan
// (DraftPlan), edits it, prints it as the 年度工作要点 for the Party committee, and links each item to what was
// done when it is done (the window offers the matching records; nothing links by itself). An item no longer
// wanted is cancelled with a reason; the year's figures (figures_plan.go) count planned, done, not done and
// cancelled items at a date.

// Plan item kinds: the groups of the 年度工作要点.
const (
	PlanMeeting     = "会议"
	PlanActivity    = "代表活动"
	PlanSupervision = "监督"
	PlanTraining    = "培训"
	PlanPublicity   = "宣传"
	PlanOther       = "其他"
)

// PlanKinds lists the kinds of plan item, in the order the 工作要点 groups them.
var PlanKinds = []string{PlanMeeting, PlanActivity, PlanSupervision, PlanTraining, PlanPublicity, PlanOther}

// The records a plan item can be linked to (PlanItem.LinkKind).
const (
	LinkMeeting     = "meeting"      // meetings and activities (会议)
	LinkCampaign    = "campaign"     // evaluation campaigns (监督 → 评议)
	LinkBulletin    = "bulletin"     // 政情通报
	LinkOpinionCard = "opinion_card" // 征求意见卡
	LinkNotice      = "notice"       // 家站点公示
)

// The statuses of a plan item at a date (PlanItem.StatusOn).
const (
	PlanDone      = "已完成"
	PlanCancelled = "已取消"
	PlanMissed    = "未完成" // its month or quarter is over and nothing is linked
	PlanOpen      = "待完成" // its month or quarter is not over yet
)

const (
	planEntity       = "plan_item" // history
	planKindField    = "类别"
	planTitleField   = "工作内容"
	planWhenField    = "时间安排"
	planReasonField  = "取消原因"
	planYearField    = "年度"
	planLinkField    = "完成记录"
	planCancelledMsg = "已取消的计划项不能关联完成记录，请先恢复"
)

// planMeetingKinds are the meeting kinds each plan kind takes its records from; a kind not listed is 其他.
var planMeetingKinds = map[string][]string{
	PlanMeeting:     {MeetingCongress, MeetingPresidium, MeetingAssign, MeetingForum},
	PlanActivity:    {MeetingGroup, MeetingReportEval},
	PlanSupervision: {MeetingInspect, MeetingResearch, MeetingLawCheck, MeetingSpecial, MeetingInquiry, MeetingWorkEval},
	PlanTraining:    {MeetingTraining},
	PlanOther:       {MeetingOther},
}

// PlanKindOfMeeting is the plan kind a meeting of kind k does: 主席团会议 → 会议, 视察 → 监督.
func PlanKindOfMeeting(k string) string {
	for _, pk := range PlanKinds {
		if slices.Contains(planMeetingKinds[pk], k) {
			return pk
		}
	}
	return PlanOther
}

// planKindOfMeasure is the plan kind of what a work rule counts.
func planKindOfMeasure(m string) string {
	if k, ok := strings.CutPrefix(m, MeasureMeeting); ok {
		return PlanKindOfMeeting(k)
	}
	switch m {
	case MeasureReportBack, MeasureOpinionCard:
		return PlanActivity
	case MeasureNotice, MeasureBulletin:
		return PlanPublicity
	}
	return PlanOther
}

// PlanItem is one thing the year's plan sets out to do. Month (1–12) or Quarter (1–4) places it; neither set
// means some time in the year.
type PlanItem struct {
	ID      int64
	Year    int    `label:"年度"`
	Kind    string `label:"类别"`
	Title   string `label:"工作内容"`
	Month   int    `label:"月份"`
	Quarter int    `label:"季度"`
	Owner   string `label:"责任人"`
	Notes   string `label:"备注"`
	RuleID  int64  // the work rule the draft made it from (0: entered or carried over)
	GroupID int64  // the deputy group of a group's activity
	Sort    int

	// The record that did it (set by LinkPlanItem); LinkTitle and LinkDate are read with the item, empty when
	// nothing is linked or the record has been deleted since.
	LinkKind  string
	LinkID    int64
	LinkTitle string
	LinkDate  Date

	CancelledOn  Date   `label:"取消日期"`
	CancelReason string `label:"取消原因"`
}

// Validate checks the item and names the field at fault.
func (p *PlanItem) Validate() error {
	var c checker
	p.Title = cleanName(p.Title)
	p.Owner = strings.TrimSpace(p.Owner)
	p.Notes = strings.TrimSpace(p.Notes)
	if p.Year < 1900 || p.Year > 2200 {
		c.fail(planYearField, "(%d)不是合理的年份", p.Year)
	}
	c.required(planKindField, p.Kind)
	c.oneOf(planKindField, p.Kind, PlanKinds)
	c.required(planTitleField, p.Title)
	c.maxLen(planTitleField, p.Title, maxTitle)
	switch {
	case p.Month < 0 || p.Month > 12:
		c.fail(planWhenField, "月份应在1到12之间")
	case p.Quarter < 0 || p.Quarter > 4:
		c.fail(planWhenField, "季度应在1到4之间")
	case p.Month != 0 && p.Quarter != 0:
		c.fail(planWhenField, "按月或按季度安排，只能选其一")
	}
	c.maxLen("责任人", p.Owner, maxLine)
	c.maxLen("备注", p.Notes, maxText)
	return c.result()
}

// When says the item's time: 「3月」, 「第二季度」, 「全年」.
func (p PlanItem) When() string {
	switch {
	case p.Month != 0:
		return fmt.Sprintf("%d月", p.Month)
	case p.Quarter != 0:
		return "第" + ChineseNumber(p.Quarter) + "季度"
	}
	return "全年"
}

// Span is the item's month, quarter or year as dates.
func (p PlanItem) Span() Period {
	first := Date(fmt.Sprintf("%04d-01-01", p.Year))
	switch {
	case p.Month != 0:
		from := first.AddMonths(p.Month - 1)
		return Period{From: from, To: from.AddMonths(1).AddDays(-1)}
	case p.Quarter != 0:
		from := first.AddMonths(3 * (p.Quarter - 1))
		return Period{From: from, To: from.AddMonths(3).AddDays(-1)}
	}
	return YearPeriod(p.Year)
}

// QuarterOf is the quarter the item falls in (1–4), 0 for an item of the whole year.
func (p PlanItem) QuarterOf() int {
	if p.Month != 0 {
		return (p.Month-1)/3 + 1
	}
	return p.Quarter
}

// Linked reports whether a record that still exists is linked.
func (p PlanItem) Linked() bool { return p.LinkKind != "" && p.LinkDate != "" }

// StatusOn is the item's status at the end of asOf: 已完成 when the linked record is dated on or before it,
// 已取消 when cancelled on or before it, 未完成 when its month, quarter or year ended on or before it, otherwise
// 待完成.
func (p PlanItem) StatusOn(asOf Date) string {
	switch {
	case p.Linked() && p.LinkDate <= asOf:
		return PlanDone
	case p.CancelledOn != "" && p.CancelledOn <= asOf:
		return PlanCancelled
	case p.Span().To <= asOf:
		return PlanMissed
	}
	return PlanOpen
}

// planKey is what makes two items of a year the same item for the draft: kind, title and time.
func (p PlanItem) planKey() string {
	return fmt.Sprint(p.Kind, "|", p.Title, "|", p.Month, "|", p.Quarter)
}

// planItemColumns and planItemJoins read an item with the title and date of its linked record.
const planItemColumns = `p.id, p.year, p.kind, p.title, p.month, p.quarter, p.owner, p.notes, coalesce(p.rule_id, 0),
	coalesce(p.group_id, 0), p.sort, p.link_kind, p.link_id, p.cancelled_on, p.cancel_reason,
	coalesce(m.kind || '：' || m.title, c.title, '第' || b.issue_no || '期政情通报 ' || b.title,
		o.year || '年第' || o.quarter || '季度征求意见卡', substr(n.month, 1, 4) || '年' || CAST(substr(n.month, 6, 2) AS INTEGER) || '月公示表', ''),
	coalesce(m.start_date, c.eval_date, b.date, o.sent_date, n.posted, '')`

const planItemJoins = ` FROM plan_items p
	LEFT JOIN meetings m ON p.link_kind = 'meeting' AND m.id = p.link_id
	LEFT JOIN eval_campaigns c ON p.link_kind = 'campaign' AND c.id = p.link_id
	LEFT JOIN bulletins b ON p.link_kind = 'bulletin' AND b.id = p.link_id
	LEFT JOIN opinion_cards o ON p.link_kind = 'opinion_card' AND o.id = p.link_id
	LEFT JOIN notice_posts n ON p.link_kind = 'notice' AND n.id = p.link_id`

// planItems reads the items of a year (id 0) or one item, in their order.
func (tx *Tx) planItems(year int, id int64) (out []PlanItem, err error) {
	w := &where{}
	if year != 0 {
		w.add("p.year = ?", year)
	}
	if id != 0 {
		w.add("p.id = ?", id)
	}
	return tx.planItemsWhere(w)
}

// planItemsWhere reads the items matching w, in their order.
func (tx *Tx) planItemsWhere(w *where) (out []PlanItem, err error) {
	err = collect(tx, `SELECT `+planItemColumns+planItemJoins+` WHERE `+w.sql()+` ORDER BY p.sort, p.id`, w.args, func(sc scanner) error {
		var p PlanItem
		err := sc.Scan(&p.ID, &p.Year, &p.Kind, &p.Title, &p.Month, &p.Quarter, &p.Owner, &p.Notes, &p.RuleID, &p.GroupID, &p.Sort,
			&p.LinkKind, &p.LinkID, &p.CancelledOn, &p.CancelReason, &p.LinkTitle, &p.LinkDate)
		if p.LinkDate == "" {
			p.LinkTitle = "" // the record is gone: the item reads as not done
		}
		out = append(out, p)
		return err
	})
	return out, err
}

// PlanItems returns the plan of a year, in its order.
func (db *DB) PlanItems(ctx context.Context, year int) (out []PlanItem, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, err = tx.planItems(year, 0)
		return err
	})
	return out, err
}

// PlanYears lists the years that have a plan, latest first.
func (db *DB) PlanYears(ctx context.Context) (out []int, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		return collect(tx, `SELECT DISTINCT year FROM plan_items ORDER BY year DESC`, nil, func(sc scanner) error {
			var y int
			err := sc.Scan(&y)
			out = append(out, y)
			return err
		})
	})
	return out, err
}

// planItem reads one item, ENOTFOUND when it is gone.
func (tx *Tx) planItem(id int64) (PlanItem, error) {
	items, err := tx.planItems(0, id)
	if err != nil {
		return PlanItem{}, err
	}
	if len(items) == 0 {
		return PlanItem{}, Errorf(ENOTFOUND, "计划项不存在")
	}
	return items[0], nil
}

// SavePlanItem creates (ID 0, placed last in its year) or updates an item's own fields; the link and the
// cancellation are changed by LinkPlanItem and CancelPlanItem.
func (db *DB) SavePlanItem(ctx context.Context, p *PlanItem) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		if p.ID == 0 {
			return tx.insertPlanItem(p)
		}
		old, err := tx.planItem(p.ID)
		if err != nil {
			return err
		}
		if old.Year != p.Year {
			return fieldErr(planYearField, "计划项不能移到另一年度，请在%d年度新增", p.Year)
		}
		keep := *p
		keep.LinkKind, keep.LinkID, keep.LinkTitle, keep.LinkDate = old.LinkKind, old.LinkID, old.LinkTitle, old.LinkDate
		keep.CancelledOn, keep.CancelReason, keep.RuleID, keep.GroupID, keep.Sort = old.CancelledOn, old.CancelReason, old.RuleID, old.GroupID, old.Sort
		changes := diff(old, keep)
		*p = keep
		if changes == "" {
			return nil
		}
		if _, err := tx.Exec(`UPDATE plan_items SET kind = ?, title = ?, month = ?, quarter = ?, owner = ?, notes = ?, updated_at = ?
			WHERE id = ?`, p.Kind, p.Title, p.Month, p.Quarter, p.Owner, p.Notes, tx.stamp(), p.ID); err != nil {
			return fmt.Errorf("保存计划项: %w", err)
		}
		return tx.logHistory(planEntity, p.ID, ActionUpdate, p.historyLabel(), changes)
	})
}

// historyLabel names the item in the history: 「2025年 主席团会议(第一季度)」.
func (p PlanItem) historyLabel() string {
	return fmt.Sprintf("%d年 %s(%s)", p.Year, p.Title, p.When())
}

// insertPlanItem writes a new item last in its year.
func (tx *Tx) insertPlanItem(p *PlanItem) error {
	if err := tx.QueryRow(`SELECT coalesce(max(sort), 0) + 1 FROM plan_items WHERE year = ?`, p.Year).Scan(&p.Sort); err != nil {
		return err
	}
	res, err := tx.Exec(`INSERT INTO plan_items (year, kind, title, month, quarter, owner, notes, rule_id, group_id, sort,
		created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, p.Year, p.Kind, p.Title, p.Month, p.Quarter, p.Owner,
		p.Notes, nullID(p.RuleID), nullID(p.GroupID), p.Sort, tx.stamp(), tx.stamp())
	if err != nil {
		return fmt.Errorf("保存计划项: %w", err)
	}
	p.ID, _ = res.LastInsertId()
	return tx.logHistory(planEntity, p.ID, ActionCreate, p.historyLabel(), describe(p))
}

// DeletePlanItem removes an item entered by mistake (a plan item given up is cancelled instead).
func (db *DB) DeletePlanItem(ctx context.Context, id int64) error {
	return db.update(ctx, func(tx *Tx) error {
		old, err := tx.planItem(id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM plan_items WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.logHistory(planEntity, id, ActionDelete, old.historyLabel(), describe(old))
	})
}

// CancelPlanItem cancels an item on a day with a reason (取消); an empty day restores it (恢复).
func (db *DB) CancelPlanItem(ctx context.Context, id int64, on Date, reason string) error {
	reason = strings.TrimSpace(reason)
	if on != "" {
		var c checker
		c.date("取消日期", on)
		c.required(planReasonField, reason)
		c.maxLen(planReasonField, reason, maxLine)
		if err := c.result(); err != nil {
			return err
		}
	} else {
		reason = ""
	}
	return db.update(ctx, func(tx *Tx) error {
		old, err := tx.planItem(id)
		if err != nil {
			return err
		}
		if on != "" && old.Linked() {
			return fieldErr(planReasonField, "「%s」已关联完成记录，不能取消；请先解除关联", old.Title)
		}
		now := old
		now.CancelledOn, now.CancelReason = on, reason
		changes := diff(old, now)
		if changes == "" {
			return nil
		}
		if _, err := tx.Exec(`UPDATE plan_items SET cancelled_on = ?, cancel_reason = ?, updated_at = ? WHERE id = ?`,
			on, reason, tx.stamp(), id); err != nil {
			return fmt.Errorf("取消计划项: %w", err)
		}
		return tx.logHistory(planEntity, id, ActionState, old.historyLabel(), changes)
	})
}

// PlanRecord is a record a plan item can be linked to: a meeting, a campaign, a bulletin, an opinion-card batch
// or a 公示.
type PlanRecord struct {
	Kind  string // LinkMeeting …
	ID    int64
	Date  Date
	Title string // 「主席团会议：第一季度主席团会议」
	// LinkedTo is the item of the same year already linked to it (0: none).
	LinkedTo int64
}

// PlanCandidates lists the records that match an item: of its kind (an item made from a rule: what the rule
// counts; a group's activity: one of that group first), dated in its month, quarter or year, by date.
func (db *DB) PlanCandidates(ctx context.Context, id int64) (out []PlanRecord, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		p, err := tx.planItem(id)
		if err != nil {
			return err
		}
		out, err = tx.planCandidates(p)
		return err
	})
	return out, err
}

func (tx *Tx) planCandidates(p PlanItem) ([]PlanRecord, error) {
	span := p.Span()
	kinds := planMeetingKinds[p.Kind]
	var sources []string
	switch p.Kind {
	case PlanSupervision:
		sources = []string{LinkMeeting, LinkCampaign}
	case PlanActivity:
		sources = []string{LinkMeeting, LinkOpinionCard}
	case PlanPublicity:
		sources = []string{LinkBulletin, LinkNotice}
	default:
		sources = []string{LinkMeeting}
	}
	if p.RuleID != 0 {
		rules, err := tx.workRules(p.RuleID)
		if err != nil {
			return nil, err
		}
		if len(rules) == 1 && planKindOfMeasure(rules[0].Measure) == p.Kind {
			switch m := rules[0].Measure; {
			case strings.HasPrefix(m, MeasureMeeting):
				sources, kinds = []string{LinkMeeting}, []string{strings.TrimPrefix(m, MeasureMeeting)}
			case m == MeasureOpinionCard:
				sources = []string{LinkOpinionCard}
			case m == MeasureBulletin:
				sources = []string{LinkBulletin}
			case m == MeasureNotice:
				sources = []string{LinkNotice}
			}
		}
	}
	var out []PlanRecord
	add := func(kind, q string, args ...any) error {
		return collect(tx, q, append([]any{span.From, span.To}, args...), func(sc scanner) error {
			r := PlanRecord{Kind: kind}
			err := sc.Scan(&r.ID, &r.Date, &r.Title)
			out = append(out, r)
			return err
		})
	}
	for _, s := range sources {
		var err error
		switch s {
		case LinkMeeting:
			if len(kinds) == 0 {
				continue
			}
			marks := strings.TrimSuffix(strings.Repeat("?, ", len(kinds)), ", ")
			args := make([]any, len(kinds))
			for i, k := range kinds {
				args[i] = k
			}
			err = add(s, `SELECT id, start_date, kind || '：' || title FROM meetings WHERE start_date BETWEEN ? AND ?
				AND kind IN (`+marks+`) ORDER BY start_date, id`, args...)
		case LinkCampaign:
			err = add(s, `SELECT id, eval_date, method || '：' || title FROM eval_campaigns WHERE eval_date BETWEEN ? AND ? ORDER BY eval_date, id`)
		case LinkBulletin:
			err = add(s, `SELECT id, date, '第' || issue_no || '期政情通报 ' || title FROM bulletins WHERE date BETWEEN ? AND ? ORDER BY date, id`)
		case LinkOpinionCard:
			err = add(s, `SELECT id, sent_date, year || '年第' || quarter || '季度征求意见卡' FROM opinion_cards WHERE sent_date BETWEEN ? AND ? ORDER BY sent_date`)
		case LinkNotice:
			err = add(s, `SELECT id, posted, month FROM notice_posts WHERE posted BETWEEN ? AND ? ORDER BY posted, id`)
		}
		if err != nil {
			return nil, err
		}
	}
	for i := range out {
		if out[i].Kind == LinkNotice {
			out[i].Title = Month(out[i].Title).Chinese() + "公示表"
		}
	}
	// Which are taken by another item of the year, and a group's own activities first.
	taken := map[string]int64{}
	err := collect(tx, `SELECT id, link_kind, link_id FROM plan_items WHERE year = ? AND link_kind != ''`, []any{p.Year}, func(sc scanner) error {
		var id, link int64
		var kind string
		err := sc.Scan(&id, &kind, &link)
		taken[fmt.Sprint(kind, link)] = id
		return err
	})
	if err != nil {
		return nil, err
	}
	for i := range out {
		if id := taken[fmt.Sprint(out[i].Kind, out[i].ID)]; id != p.ID {
			out[i].LinkedTo = id
		}
	}
	if p.GroupID != 0 {
		var name string
		if err := tx.QueryRow(`SELECT name FROM deputy_groups WHERE id = ?`, p.GroupID).Scan(&name); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
		if name != "" {
			slices.SortStableFunc(out, func(a, b PlanRecord) int {
				return boolRank(!strings.Contains(a.Title, name)) - boolRank(!strings.Contains(b.Title, name))
			})
		}
	}
	return out, nil
}

// boolRank orders false before true.
func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// LinkPlanItem links an item to the record that did it (kind "" unlinks). The record must exist and be dated
// in the item's year; a record already linked to another item of the year is refused, so that one meeting
// does not stand for two planned ones.
func (db *DB) LinkPlanItem(ctx context.Context, id int64, kind string, recordID int64) error {
	return db.update(ctx, func(tx *Tx) error {
		old, err := tx.planItem(id)
		if err != nil {
			return err
		}
		now := old
		now.LinkKind, now.LinkID, now.LinkTitle, now.LinkDate = kind, recordID, "", ""
		if kind != "" {
			if old.CancelledOn != "" {
				return fieldErr(planLinkField, "%s", planCancelledMsg)
			}
			var other int64
			switch err := tx.QueryRow(`SELECT id FROM plan_items WHERE year = ? AND link_kind = ? AND link_id = ? AND id != ?`,
				old.Year, kind, recordID, id).Scan(&other); {
			case err == nil:
				o, _ := tx.planItem(other)
				return fieldErr(planLinkField, "该记录已关联到计划项「%s」", o.Title)
			case !errors.Is(err, sql.ErrNoRows):
				return err
			}
			if _, err := tx.Exec(`UPDATE plan_items SET link_kind = ?, link_id = ? WHERE id = ?`, kind, recordID, id); err != nil {
				return err
			}
			linked, err := tx.planItem(id)
			if err != nil {
				return err
			}
			if !linked.Linked() {
				return fieldErr(planLinkField, "要关联的记录不存在")
			}
			if linked.LinkDate.Year() != old.Year {
				return fieldErr(planLinkField, "「%s」(%s)不在%d年度", linked.LinkTitle, linked.LinkDate.Chinese(), old.Year)
			}
			now = linked
		}
		if old.LinkKind == now.LinkKind && old.LinkID == now.LinkID {
			return nil
		}
		if _, err := tx.Exec(`UPDATE plan_items SET link_kind = ?, link_id = ?, updated_at = ? WHERE id = ?`,
			now.LinkKind, now.LinkID, tx.stamp(), id); err != nil {
			return fmt.Errorf("关联完成记录: %w", err)
		}
		change := fmt.Sprintf("%s: %s → %s", planLinkField, orDash(linkWords(old)), orDash(linkWords(now)))
		return tx.logHistory(planEntity, id, ActionState, old.historyLabel(), change)
	})
}

// linkWords names an item's linked record for the history.
func linkWords(p PlanItem) string {
	if !p.Linked() {
		return ""
	}
	return p.LinkDate.Chinese() + " " + p.LinkTitle
}

// DraftPlan adds to a year's plan the items the enabled work rules require — one per required occurrence
// (a quarterly rule: four; each group's rule: each group's four) — and last year's items that no rule made
// (copied without their link or cancellation), leaving out any item the year already has (same kind, title
// and time), so that running it twice adds nothing. It returns how many it added from the rules and from last
// year.
func (db *DB) DraftPlan(ctx context.Context, year int) (fromRules, carried int, err error) {
	if year < 1900 || year > 2200 {
		return 0, 0, fieldErr(planYearField, "(%d)不是合理的年份", year)
	}
	err = db.update(ctx, func(tx *Tx) error {
		have, err := tx.planItems(year, 0)
		if err != nil {
			return err
		}
		seen := map[string]bool{}
		for _, p := range have {
			seen[p.planKey()] = true
		}
		add := func(p PlanItem) (bool, error) {
			if seen[p.planKey()] {
				return false, nil
			}
			seen[p.planKey()] = true
			return true, tx.insertPlanItem(&p)
		}
		draft, err := tx.ruleDraft(year)
		if err != nil {
			return err
		}
		for _, p := range draft {
			ok, err := add(p)
			if err != nil {
				return err
			}
			if ok {
				fromRules++
			}
		}
		last, err := tx.planItems(year-1, 0)
		if err != nil {
			return err
		}
		for _, p := range last {
			if p.RuleID != 0 || p.CancelledOn != "" {
				continue // the rules make their own items again; a cancelled item is not planned again
			}
			ok, err := add(PlanItem{Year: year, Kind: p.Kind, Title: p.Title, Month: p.Month, Quarter: p.Quarter,
				Owner: p.Owner, Notes: p.Notes, GroupID: p.GroupID})
			if err != nil {
				return err
			}
			if ok {
				carried++
			}
		}
		return nil
	})
	return fromRules, carried, err
}

// ruleDraft is the items the enabled rules require in a year.
func (tx *Tx) ruleDraft(year int) ([]PlanItem, error) {
	rules, err := tx.workRules(0)
	if err != nil {
		return nil, err
	}
	groups, err := tx.complianceGroups()
	if err != nil {
		return nil, err
	}
	var out []PlanItem
	for _, r := range rules {
		if !r.Enabled {
			continue
		}
		kind := planKindOfMeasure(r.Measure)
		for i, u := range rulePeriods(r, year) {
			p := PlanItem{Year: year, Kind: kind, RuleID: r.ID, Notes: r.Basis}
			switch r.Period {
			case RuleQuarter:
				p.Quarter = i + 1
			case RuleMonth:
				p.Month = i + 1
			}
			targets := []Group{{}}
			if r.PerGroup {
				targets = groups
			}
			for _, g := range targets {
				for n := 1; n <= u.Required; n++ {
					q := p
					q.Title, q.GroupID = r.Name, g.ID
					if g.ID != 0 {
						q.Title = g.Name + "活动"
					}
					if u.Required > 1 {
						q.Title += fmt.Sprintf("(第%d次)", n)
					}
					out = append(out, q)
				}
			}
		}
	}
	return out, nil
}

func init() {
	EntityNames[planEntity] = "工作计划"
}
