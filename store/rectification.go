package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Rectification items (整改, domain.md §2.19, §3.2): a problem or opinion from an evaluation campaign, a 视察/调研/
// 执法检查, a 专题询问 or a 主席团 审议意见, handed to the unit that must put it right, in one of four phases with a
// due date, and followed 未整改 → 整改中 → 已销号 with the unit's report; at the end of the year a 回头看 checks
// it, and a 不满意 回头看 sends it back for another round (「监督—落实—再监督—再落实」). Like a suggestion (workflow.go)
// it has legal steps (RectNextSteps mirrors what the methods accept) and a timeline of every step.

// Rectification states.
const (
	RectOpen   = "未整改"
	RectActive = "整改中"
	RectClosed = "已销号"
)

// RectStates lists the states in order.
var RectStates = []string{RectOpen, RectActive, RectClosed}

// Rectification phases (整改阶段).
const (
	PhaseAtOnce   = "即知即改"
	PhaseNearTerm = "近期整改"
	PhaseThisYear = "年内整改"
	PhaseLongTerm = "长期整改"
)

// RectPhases lists the phases, shortest first.
var RectPhases = []string{PhaseAtOnce, PhaseNearTerm, PhaseThisYear, PhaseLongTerm}

// Where a rectification item comes from.
const (
	RectFromCampaign   = "工作评议"
	RectFromActivity   = "视察调研执法检查"
	RectFromInquiry    = "专题询问"
	RectFromDeliberate = "审议意见"
	RectFromOther      = "其他"
)

// RectSources lists the sources of an item.
var RectSources = []string{RectFromCampaign, RectFromActivity, RectFromInquiry, RectFromDeliberate, RectFromOther}

// The steps of an item.
const (
	RectStepRegister = "登记"
	RectStepStart    = "开始整改"
	RectStepProgress = "进展"
	RectStepExtend   = "延期"
	RectStepClose    = "销号"
	RectStepReview   = "回头看"
	RectStepReopen   = "重新整改"
)

// Rectification is one item to put right.
type Rectification struct {
	ID            int64
	Source        string `label:"来源"`
	CampaignID    int64  `label:"评议活动"`
	TargetID      int64  `label:"评议对象"`
	MeetingID     int64  `label:"来源会议活动"`
	InquiryID     int64  `label:"专题询问"`
	InquiryItemID int64  `label:"询问清单条目"`
	Text          string `label:"整改事项"`
	Requirement   string `label:"整改要求"`
	UnitID        int64  `label:"责任单位"`
	Phase         string `label:"整改阶段"`
	Raised        Date   `label:"提出日期"`
	Due           Date   `label:"整改时限"`
	Notes         string `label:"备注"`

	// Handling, changed only by the steps.
	State       string
	Round       int
	Started     Date
	Closed      Date
	Report      string
	Reviewed    Date
	Review      string
	ReviewGrade string
	Extension   string

	UnitName     string // read only
	SourceName   string // read only: the campaign, meeting or inquiry it came from
	CampaignName string // read only
	TargetName   string // read only
	CreatedAt    string
	UpdatedAt    string
}

// Overdue reports whether the item is not yet 已销号 and its due date has passed on today.
func (r Rectification) Overdue(today Date) bool {
	return r.State != RectClosed && r.Due != "" && r.Due < today
}

// Validate checks the item's own fields; its links are checked on save.
func (r *Rectification) Validate() error {
	var c checker
	r.Text, r.Requirement = strings.TrimSpace(r.Text), strings.TrimSpace(r.Requirement)
	c.required("来源", r.Source)
	c.oneOf("来源", r.Source, RectSources)
	c.required("整改事项", r.Text)
	c.maxLen("整改事项", r.Text, maxText)
	c.maxLen("整改要求", r.Requirement, maxText)
	if r.UnitID == 0 {
		c.fail("责任单位", "不能为空")
	}
	c.required("整改阶段", r.Phase)
	c.oneOf("整改阶段", r.Phase, RectPhases)
	c.requiredDate("提出日期", r.Raised)
	c.date("整改时限", r.Due)
	c.notBefore("整改时限", r.Due, "提出日期", r.Raised)
	c.maxLen("备注", r.Notes, maxText)
	switch r.Source {
	case RectFromCampaign:
		if r.CampaignID == 0 {
			c.fail("评议活动", "来源为工作评议的整改事项，请选择评议活动")
		}
	case RectFromInquiry:
		if r.InquiryID == 0 {
			c.fail("专题询问", "来源为专题询问的整改事项，请选择专题询问")
		}
	case RectFromActivity, RectFromDeliberate:
		if r.MeetingID == 0 {
			c.fail("来源会议活动", "来源为%s的整改事项，请选择提出它的会议或活动", r.Source)
		}
	}
	if r.Source != RectFromCampaign && (r.CampaignID != 0 || r.TargetID != 0) {
		c.fail("评议活动", "只有来源为工作评议的整改事项才关联评议活动")
	}
	if r.Source != RectFromInquiry && (r.InquiryID != 0 || r.InquiryItemID != 0) {
		c.fail("专题询问", "只有来源为专题询问的整改事项才关联专题询问")
	}
	return c.result()
}

// RectDue is the default 整改时限 of an item raised on a day in a phase (the clerk may set another): 即知即改 within
// 10 working days on the holiday calendar, 近期整改 three months, 年内整改 the last working day of the year (of the
// next year when raised in December), 长期整改 one year; a date that falls on a day off moves to the next working
// day when the settings roll deadlines.
func (r Rules) RectDue(phase string, raised Date) Date {
	if raised == "" || !raised.Valid() {
		return ""
	}
	switch phase {
	case PhaseAtOnce:
		return r.Calendar.AddWorkdays(raised, 10)
	case PhaseNearTerm:
		return r.roll(raised.AddMonths(3))
	case PhaseThisYear:
		y := raised.Year()
		if raised.Time().Month() == 12 {
			y++
		}
		d := YearPeriod(y).To
		for !r.Calendar.IsWorkday(d) {
			d = d.AddDays(-1)
		}
		return d
	case PhaseLongTerm:
		return r.roll(raised.AddMonths(12))
	}
	return ""
}

// RectNextSteps returns the steps the clerk may take next on r, in the order the window offers them; the step
// methods refuse every other.
func (r Rectification) RectNextSteps() []string {
	switch r.State {
	case RectOpen:
		return []string{RectStepStart, RectStepClose, RectStepExtend}
	case RectActive:
		return []string{RectStepProgress, RectStepClose, RectStepExtend}
	case RectClosed:
		return []string{RectStepReview}
	}
	return nil
}

// RectStep is one entry of an item's timeline.
type RectStep struct {
	ID        int64
	Step      string
	Date      Date
	Round     int
	Detail    string
	FromState string
	ToState   string
	At        string
}

const rectColumns = `r.id, r.source, coalesce(r.campaign_id, 0), coalesce(r.target_id, 0), coalesce(r.meeting_id, 0),
	coalesce(r.inquiry_id, 0), coalesce(r.inquiry_item_id, 0), r.text, r.requirement, r.unit_id, r.phase, r.raised, r.due,
	r.notes, r.state, r.round, r.started, r.closed, r.report, r.reviewed, r.review, r.review_grade, r.extension,
	r.created_at, r.updated_at, coalesce(u.name, ''), coalesce(c.title, m.title, q.topic, ''), coalesce(c.title, ''),
	coalesce(tu.name, t.person, '')`

const rectFrom = `rectifications r LEFT JOIN units u ON u.id = r.unit_id LEFT JOIN eval_campaigns c ON c.id = r.campaign_id
	LEFT JOIN meetings m ON m.id = r.meeting_id LEFT JOIN inquiries q ON q.id = r.inquiry_id
	LEFT JOIN eval_targets t ON t.id = r.target_id LEFT JOIN units tu ON tu.id = t.unit_id`

func scanRect(s scanner) (Rectification, error) {
	var r Rectification
	err := s.Scan(&r.ID, &r.Source, &r.CampaignID, &r.TargetID, &r.MeetingID, &r.InquiryID, &r.InquiryItemID, &r.Text,
		&r.Requirement, &r.UnitID, &r.Phase, &r.Raised, &r.Due, &r.Notes, &r.State, &r.Round, &r.Started, &r.Closed,
		&r.Report, &r.Reviewed, &r.Review, &r.ReviewGrade, &r.Extension, &r.CreatedAt, &r.UpdatedAt, &r.UnitName,
		&r.SourceName, &r.CampaignName, &r.TargetName)
	return r, err
}

// Rectification returns one item.
func (db *DB) Rectification(ctx context.Context, id int64) (r Rectification, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		r, err = tx.rectification(id)
		return err
	})
	return r, err
}

func (tx *Tx) rectification(id int64) (Rectification, error) {
	r, err := scanRect(tx.QueryRow(`SELECT `+rectColumns+` FROM `+rectFrom+` WHERE r.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return r, Errorf(ENOTFOUND, "整改事项不存在(编号%d)", id)
	}
	return r, err
}

// RectificationFilter selects items.
type RectificationFilter struct {
	Query      string
	Year       int // raised in the year
	State      string
	Source     string
	UnitID     int64
	CampaignID int64
	MeetingID  int64
	InquiryID  int64
	Overdue    bool // not 已销号 and past the due date on Today
	Today      Date
	IDs        []int64
	Sort       string
	Desc       bool
	Offset     int
	Limit      int
}

// RectificationSortKeys maps the sortable columns of the list to their SQL.
var RectificationSortKeys = map[string]string{"raised": "r.raised", "due": "r.due", "state": "r.state", "phase": "r.phase",
	"unit": "r.unit_id", "text": "r.text"}

// Rectifications returns a page of items (the latest raised first by default) and how many match.
func (db *DB) Rectifications(ctx context.Context, f RectificationFilter) (out []Rectification, total int, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, total, err = tx.rectifications(f)
		return err
	})
	return out, total, err
}

func (tx *Tx) rectifications(f RectificationFilter) ([]Rectification, int, error) {
	w := &where{}
	w.match("r.id", "rectification_fts", []string{"text", "requirement", "report", "review"}, f.Query, "")
	if f.Year != 0 {
		y := YearPeriod(f.Year)
		w.add("r.raised BETWEEN ? AND ?", y.From, y.To)
	}
	if f.State != "" {
		w.add("r.state = ?", f.State)
	}
	if f.Source != "" {
		w.add("r.source = ?", f.Source)
	}
	for _, x := range []struct {
		col string
		id  int64
	}{{"r.unit_id", f.UnitID}, {"r.campaign_id", f.CampaignID}, {"r.meeting_id", f.MeetingID}, {"r.inquiry_id", f.InquiryID}} {
		if x.id != 0 {
			w.add(x.col+" = ?", x.id)
		}
	}
	if f.Overdue {
		today := f.Today
		if today == "" {
			today = DateOf(tx.now)
		}
		w.add("r.state != ? AND r.due < ?", RectClosed, today)
	}
	if f.IDs != nil {
		w.addIDs("r.id", f.IDs)
	}
	order := "r.raised DESC, r.id DESC"
	if f.Sort == "unit" {
		order = "(SELECT name FROM units WHERE id = r.unit_id)" + desc(f.Desc) + ", r.raised, r.id"
	} else if col, ok := RectificationSortKeys[f.Sort]; ok {
		order = col + desc(f.Desc) + ", r.id"
	}
	q := listQuery{idCol: "r.id", countFrom: "rectifications r", from: "rectifications r", order: order}
	out, total, err := listPage(tx, q, w, f.Offset, f.Limit, func(ids []int64) (map[int64]Rectification, error) {
		m := map[int64]Rectification{}
		err := collect(tx, `SELECT `+rectColumns+` FROM `+rectFrom+` WHERE r.id IN (`+idList(ids)+`)`, nil, func(s scanner) error {
			r, err := scanRect(s)
			m[r.ID] = r
			return err
		})
		return m, err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("查询整改事项: %w", err)
	}
	return out, total, nil
}

// SaveRectification registers (ID 0: state 未整改, the 登记 step) or edits an item's own fields; a due date
// left empty is set by the phase (Rules.RectDue). The handling fields change only through the steps.
func (db *DB) SaveRectification(ctx context.Context, r *Rectification) error {
	if err := r.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error { return tx.saveRectification(r) })
}

func (tx *Tx) saveRectification(r *Rectification) error {
	if r.Due == "" {
		rules, err := tx.rules()
		if err != nil {
			return err
		}
		r.Due = rules.RectDue(r.Phase, r.Raised)
	}
	if err := tx.checkRectLinks(r); err != nil {
		return err
	}
	if r.Raised > DateOf(tx.now) {
		return fieldErr("提出日期", "(%s)不能晚于今天", r.Raised.Chinese())
	}
	args := []any{r.Source, nullID(r.CampaignID), nullID(r.TargetID), nullID(r.MeetingID), nullID(r.InquiryID),
		nullID(r.InquiryItemID), r.Text, r.Requirement, r.UnitID, r.Phase, r.Raised, r.Due, r.Notes, tx.stamp()}
	if r.ID == 0 {
		r.State, r.Round = RectOpen, 1
		res, err := tx.Exec(`INSERT INTO rectifications (source, campaign_id, target_id, meeting_id, inquiry_id, inquiry_item_id,
			text, requirement, unit_id, phase, raised, due, notes, updated_at, created_at, state, round)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`, append(args, tx.stamp(), RectOpen)...)
		if err != nil {
			return fmt.Errorf("保存整改事项: %w", err)
		}
		r.ID, _ = res.LastInsertId()
		var unit string
		if err := tx.QueryRow(`SELECT name FROM units WHERE id = ?`, r.UnitID).Scan(&unit); err != nil {
			return err
		}
		detail := fmt.Sprintf("来源: %s；责任单位: %s；%s，整改时限: %s", r.Source, unit, r.Phase, r.Due.Chinese())
		if err := tx.addRectStep(r.ID, RectStepRegister, r.Raised, 1, detail, "", RectOpen, r.Due, ""); err != nil {
			return err
		}
		return tx.logHistory("rectification", r.ID, ActionCreate, rectLabel(r.Text), describe(r))
	}
	old, err := tx.rectification(r.ID)
	if err != nil {
		return err
	}
	if old.Started != "" && r.Raised > old.Started {
		return fieldErr("提出日期", "(%s)不能晚于开始整改的日期(%s)", r.Raised.Chinese(), old.Started.Chinese())
	}
	if _, err := tx.Exec(`UPDATE rectifications SET source = ?, campaign_id = ?, target_id = ?, meeting_id = ?, inquiry_id = ?,
		inquiry_item_id = ?, text = ?, requirement = ?, unit_id = ?, phase = ?, raised = ?, due = ?, notes = ?, updated_at = ?
		WHERE id = ?`, append(args, r.ID)...); err != nil {
		return fmt.Errorf("保存整改事项: %w", err)
	}
	// The 登记 step carries the date it was raised; a corrected due date holds from the step that last set one.
	if _, err := tx.Exec(`UPDATE rectification_steps SET date = ? WHERE rectification_id = ? AND step = ?`, r.Raised, r.ID, RectStepRegister); err != nil {
		return err
	}
	if _, err := tx.Exec(`UPDATE rectification_steps SET due = ?1 WHERE rectification_id = ?2 AND id >= (SELECT max(id)
		FROM rectification_steps WHERE rectification_id = ?2 AND step IN (?3, ?4, ?5))`, r.Due, r.ID, RectStepRegister, RectStepExtend, RectStepReopen); err != nil {
		return err
	}
	if ch := diff(old, r); ch != "" {
		return tx.logHistory("rectification", r.ID, ActionUpdate, rectLabel(r.Text), ch)
	}
	return nil
}

// checkRectLinks checks that what the item refers to exists and belongs together: the target to the campaign,
// the inquiry item to the inquiry, the meeting of a 视察调研执法检查 to such an activity, of a 审议意见 to a 主席团会议
// or 人代会.
func (tx *Tx) checkRectLinks(r *Rectification) error {
	for _, x := range []struct {
		table, field string
		id           int64
	}{{"units", "责任单位", r.UnitID}, {"eval_campaigns", "评议活动", r.CampaignID}, {"meetings", "来源会议活动", r.MeetingID},
		{"inquiries", "专题询问", r.InquiryID}} {
		if err := tx.exists(x.table, x.id, x.field); err != nil {
			return err
		}
	}
	if r.TargetID != 0 {
		var c int64
		if err := tx.QueryRow(`SELECT campaign_id FROM eval_targets WHERE id = ?`, r.TargetID).Scan(&c); errors.Is(err, sql.ErrNoRows) {
			return fieldErr("评议对象", "引用的记录不存在(编号%d)", r.TargetID)
		} else if err != nil {
			return err
		}
		if c != r.CampaignID {
			return fieldErr("评议对象", "不属于所选的评议活动")
		}
	}
	if r.InquiryItemID != 0 {
		var q int64
		if err := tx.QueryRow(`SELECT inquiry_id FROM inquiry_items WHERE id = ?`, r.InquiryItemID).Scan(&q); errors.Is(err, sql.ErrNoRows) {
			return fieldErr("询问清单条目", "引用的记录不存在(编号%d)", r.InquiryItemID)
		} else if err != nil {
			return err
		}
		if q != r.InquiryID {
			return fieldErr("询问清单条目", "不属于所选的专题询问")
		}
	}
	if r.MeetingID != 0 {
		m, err := tx.meeting(r.MeetingID)
		if err != nil {
			return err
		}
		var kinds []string
		switch r.Source {
		case RectFromActivity:
			kinds = []string{MeetingInspect, MeetingResearch, MeetingLawCheck, MeetingSpecial}
		case RectFromDeliberate:
			kinds = []string{MeetingPresidium, MeetingCongress}
		}
		if kinds != nil && !slices.Contains(kinds, m.Kind) {
			return fieldErr("来源会议活动", "「%s」是%s，来源为%s的整改事项应选%s", m.Title, m.Kind, r.Source, strings.Join(kinds, "、"))
		}
	}
	return nil
}

// rectLabel is an item's name in the history: its text, cut to a line.
func rectLabel(text string) string {
	r := []rune(strings.Join(strings.Fields(text), " "))
	if len(r) > 30 {
		return string(r[:30]) + "…"
	}
	return string(r)
}

// DeleteRectification deletes an item with its timeline.
func (db *DB) DeleteRectification(ctx context.Context, id int64) error {
	return db.update(ctx, func(tx *Tx) error {
		r, err := tx.rectification(id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM rectifications WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.logHistory("rectification", id, ActionDelete, rectLabel(r.Text), describe(r))
	})
}

// addRectStep records a step with the due date from it on and, for a 回头看, its grade.
func (tx *Tx) addRectStep(id int64, step string, date Date, round int, detail, from, to string, due Date, grade string) error {
	_, err := tx.Exec(`INSERT INTO rectification_steps (rectification_id, step, date, round, detail, from_state, to_state, due, grade, at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, step, date, round, detail, from, to, due, grade, tx.stamp())
	return err
}

// RectTimeline returns the steps of an item in the order they were taken.
func (db *DB) RectTimeline(ctx context.Context, id int64) (out []RectStep, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, err = tx.rectTimeline(id)
		return err
	})
	return out, err
}

func (tx *Tx) rectTimeline(id int64) (out []RectStep, err error) {
	err = collect(tx, `SELECT id, step, date, round, detail, from_state, to_state, at FROM rectification_steps
		WHERE rectification_id = ? ORDER BY id`, []any{id}, func(s scanner) error {
		var st RectStep
		err := s.Scan(&st.ID, &st.Step, &st.Date, &st.Round, &st.Detail, &st.FromState, &st.ToState, &st.At)
		out = append(out, st)
		return err
	})
	return out, err
}

// RectStepInput is what a step records. Which fields a step needs: 开始整改 Date (and Note: the measures);
// 进展 Date and Note; 延期 Date (applied on), Due and Note (the reason); 销号 Date and Note (the unit's report);
// 回头看 Date, Note (the finding), Grade, and for 不满意 Due (the new round's, default three months).
type RectStepInput struct {
	Date  Date
	Note  string
	Due   Date
	Grade string
}

// RectStep takes a step on item id: it checks that the step is legal now and its input, updates the item,
// records the step in the timeline and the change in the history — all in one transaction.
func (db *DB) RectStep(ctx context.Context, id int64, step string, in RectStepInput) error {
	return db.update(ctx, func(tx *Tx) error { return tx.rectStep(id, step, in) })
}

func (tx *Tx) rectStep(id int64, step string, in RectStepInput) error {
	r, err := tx.rectification(id)
	if err != nil {
		return err
	}
	if !slices.Contains(r.RectNextSteps(), step) {
		msg := fmt.Sprintf("整改事项「%s」当前状态为「%s」，不能%s", rectLabel(r.Text), r.State, step)
		if r.State == RectClosed && step != RectStepReview {
			msg += "：已销号的事项只能回头看"
		}
		return Errorf(ESTATE, "%s", msg)
	}
	in.Note = strings.TrimSpace(in.Note)
	var c checker
	c.requiredDate(step+"日期", in.Date)
	c.maxLen(step+"情况", in.Note, maxText)
	if err := c.result(); err != nil {
		return err
	}
	if in.Date > DateOf(tx.now) {
		return fieldErr(step+"日期", "(%s)不能晚于今天", in.Date.Chinese())
	}
	last, err := tx.lastRectStepDate(id)
	if err != nil {
		return err
	}
	if in.Date < last {
		return fieldErr(step+"日期", "(%s)不能早于上一步的日期(%s)", in.Date.Chinese(), last.Chinese())
	}
	from, round := r.State, r.Round
	var detail string
	prefix := "" // the 回头看 a 重新整改 follows, for the history entry of both
	switch step {
	case RectStepStart:
		r.State, r.Started = RectActive, in.Date
		detail = in.Note
	case RectStepProgress:
		if in.Note == "" {
			return fieldErr(step+"情况", "不能为空")
		}
		detail = in.Note
	case RectStepExtend:
		var c checker
		c.requiredDate("新的整改时限", in.Due)
		c.required("延期理由", in.Note)
		if err := c.result(); err != nil {
			return err
		}
		if in.Due <= r.Due {
			return fieldErr("新的整改时限", "(%s)应晚于现在的整改时限(%s)", in.Due.Chinese(), r.Due.Chinese())
		}
		detail = fmt.Sprintf("整改时限: %s → %s；理由: %s", r.Due.Chinese(), in.Due.Chinese(), in.Note)
		r.Due, r.Extension = in.Due, in.Note
	case RectStepClose:
		if in.Note == "" {
			return fieldErr("整改情况", "不能为空：销号前请录入责任单位报告的整改情况")
		}
		if r.Started == "" {
			r.Started = in.Date
		}
		r.State, r.Closed, r.Report = RectClosed, in.Date, in.Note
		detail = "整改情况: " + in.Note
		if r.Due != "" && in.Date > r.Due {
			detail += fmt.Sprintf("(超过整改时限%d天)", int(in.Date.Time().Sub(r.Due.Time()).Hours()/24))
		}
	case RectStepReview:
		var c checker
		c.required("回头看满意度", in.Grade)
		c.oneOf("回头看满意度", in.Grade, Grades)
		c.required("回头看情况", in.Note)
		if err := c.result(); err != nil {
			return err
		}
		r.Reviewed, r.Review, r.ReviewGrade = in.Date, in.Note, in.Grade
		detail = fmt.Sprintf("满意度: %s；%s", in.Grade, in.Note)
		if in.Grade == GradeUnsatisfied {
			// 不满意: back to the unit for another round (再监督—再落实), with its own due date.
			due := in.Due
			if due == "" {
				rules, err := tx.rules()
				if err != nil {
					return err
				}
				due = rules.RectDue(PhaseNearTerm, in.Date)
			}
			if due <= in.Date {
				return fieldErr("新的整改时限", "(%s)应晚于回头看的日期(%s)", due.Chinese(), in.Date.Chinese())
			}
			if err := tx.addRectStep(id, RectStepReview, in.Date, round, detail, from, from, r.Due, in.Grade); err != nil {
				return err
			}
			reviewed := fmt.Sprintf("%s %s\n%s\n", RectStepReview, in.Date.Chinese(), detail)
			step, detail = RectStepReopen, fmt.Sprintf("第%d轮整改；整改时限: %s", round+1, due.Chinese())
			prefix = reviewed
			r.Round++
			r.State, r.Due, r.Closed = RectActive, due, ""
		}
	}
	if _, err := tx.Exec(`UPDATE rectifications SET state = ?, round = ?, started = ?, closed = ?, report = ?, reviewed = ?,
		review = ?, review_grade = ?, due = ?, extension = ?, updated_at = ? WHERE id = ?`, r.State, r.Round, r.Started, r.Closed,
		r.Report, r.Reviewed, r.Review, r.ReviewGrade, r.Due, r.Extension, tx.stamp(), id); err != nil {
		return err
	}
	grade := ""
	if step == RectStepReview {
		grade = in.Grade
	}
	if err := tx.addRectStep(id, step, in.Date, round, detail, from, r.State, r.Due, grade); err != nil {
		return err
	}
	change := prefix + fmt.Sprintf("%s %s", step, in.Date.Chinese())
	if from != r.State {
		change += fmt.Sprintf("\n状态: %s → %s", from, r.State)
	}
	if detail != "" {
		change += "\n" + detail
	}
	return tx.logHistory("rectification", id, ActionState, rectLabel(r.Text), change)
}

func (tx *Tx) lastRectStepDate(id int64) (Date, error) {
	var d sql.NullString
	err := tx.QueryRow(`SELECT max(date) FROM rectification_steps WHERE rectification_id = ?`, id).Scan(&d)
	return Date(d.String), err
}

// RectUnitNotice is one unit's 整改通知书: its open items.
type RectUnitNotice struct {
	Unit  string
	Items []Rectification
}

// RectNoticeDoc is the 整改通知书 of a campaign: for every unit (or official's unit) with items the campaign
// raised, those items; and the ledger (整改清单/销号台账) of a year.
type RectNoticeDoc struct {
	Settings Settings
	Campaign EvalCampaign
	Units    []RectUnitNotice
}

// Issued is the date the notices bear: the day the campaign's items were raised (the latest, when on several
// days), as they are handed over then; today when none has a date.
func (doc RectNoticeDoc) Issued(today Date) Date {
	var d Date
	for _, u := range doc.Units {
		for _, it := range u.Items {
			d = max(d, it.Raised)
		}
	}
	if d == "" {
		return today
	}
	return d
}

// RectNoticeDoc reads the 整改通知书 of campaign id: its items grouped by responsible unit, in the units' order.
// A campaign that raised no items is an ENOTFOUND error that says so.
func (db *DB) RectNoticeDoc(ctx context.Context, campaignID int64) (doc RectNoticeDoc, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		if doc.Settings, err = readSettings(tx); err != nil {
			return err
		}
		if doc.Campaign, err = tx.evalCampaign(campaignID); err != nil {
			return err
		}
		items, _, err := tx.rectifications(RectificationFilter{CampaignID: campaignID, Sort: "unit"})
		if err != nil {
			return err
		}
		if len(items) == 0 {
			return Errorf(ENOTFOUND, "评议活动「%s」还没有整改意见，未生成整改通知书", doc.Campaign.Title)
		}
		for _, it := range items {
			if n := len(doc.Units); n == 0 || doc.Units[n-1].Unit != it.UnitName {
				doc.Units = append(doc.Units, RectUnitNotice{Unit: it.UnitName})
			}
			doc.Units[len(doc.Units)-1].Items = append(doc.Units[len(doc.Units)-1].Items, it)
		}
		return nil
	})
	return doc, err
}

// RectLedgerDoc is the 整改清单/销号台账 of a year for the 主席团: every item raised in the year with where it
// stands on Today.
type RectLedgerDoc struct {
	Settings Settings
	Year     int
	Today    Date
	Items    []Rectification
}

// RectLedgerDoc reads the ledger of the items raised in year. A year without items is an ENOTFOUND error.
func (db *DB) RectLedgerDoc(ctx context.Context, year int, today Date) (doc RectLedgerDoc, err error) {
	doc.Year, doc.Today = year, today
	err = db.view(ctx, func(tx *Tx) error {
		if doc.Settings, err = readSettings(tx); err != nil {
			return err
		}
		doc.Items, _, err = tx.rectifications(RectificationFilter{Year: year, Sort: "raised"})
		if err == nil && len(doc.Items) == 0 {
			return Errorf(ENOTFOUND, "%d年没有登记整改事项，未生成销号台账", year)
		}
		return err
	})
	return doc, err
}
