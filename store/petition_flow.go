package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// The handling of a petition (domain.md §3.9): 登记 → 当场答复 (a visit answered there and then: closed at once)
// or 转办 (to a unit, a responsible person, a deadline) → 催办 / 延期 while the unit works → 答复 (the unit's
// result) → 反馈信访人 → 办结; a case the upper congress referred is then 报告结果. The shape is the suggestion
// loop's (workflow.go) — states on the row, NextSteps for the legal steps, one method per step that refuses the
// others, a timeline — sized to the register.

// Petition states.
const (
	PetitionNew      = "待处理"
	PetitionHandling = "办理中"
	PetitionReplied  = "已答复"
	PetitionClosed   = "已办结"
)

// PetitionStates lists the states in order.
var PetitionStates = []string{PetitionNew, PetitionHandling, PetitionReplied, PetitionClosed}

// Petition steps (登记 is StepRegister, shared with the suggestions' timeline).
const (
	PStepOnSpot   = "当场答复"
	PStepRefer    = "转办"
	PStepUrge     = "催办"
	PStepExtend   = "延期"
	PStepReply    = "答复"
	PStepFeedback = "反馈信访人"
	PStepClose    = "办结"
	PStepReport   = "报告结果"
)

// FeedbackMethods are the ways a result reaches the petitioner.
var FeedbackMethods = []string{"当面", "电话", "书面", "短信"}

// NextSteps returns the steps the clerk may take next on p, in the order the window offers them; the step
// methods refuse every other.
func (p Petition) NextSteps() []string {
	var out []string
	switch p.State {
	case PetitionNew:
		if IsVisit(p.Channel) {
			out = append(out, PStepOnSpot)
		}
		out = append(out, PStepRefer)
	case PetitionHandling:
		out = append(out, PStepReply, PStepUrge, PStepExtend)
	case PetitionReplied:
		if p.Feedback == "" {
			out = append(out, PStepFeedback)
		} else {
			out = append(out, PStepClose)
		}
	}
	if p.Referral() && p.Reported == "" && p.State == PetitionClosed {
		out = append(out, PStepReport)
	}
	return out
}

// whyNotPetition explains the common refusals in the clerk's words.
func whyNotPetition(p Petition, step string) string {
	switch {
	case step == PStepOnSpot && p.State == PetitionNew:
		return "只有来访(来访、接待日、工作站)才能当场答复"
	case step == PStepClose && p.State == PetitionReplied:
		return "请先把办理结果反馈信访人"
	case step == PStepReport && !p.Referral():
		return "只有上级人大批转的信访件需要报告结果"
	case step == PStepReport && p.Reported != "":
		return "已于" + p.Reported.Chinese() + "报告结果"
	case step == PStepReport:
		return "办结后才能报告结果"
	}
	return ""
}

// PetitionStep is one entry of a petition's timeline.
type PetitionStep struct {
	ID        int64
	Step      string
	Date      Date
	Detail    string
	FromState string
	ToState   string
	At        string
}

// PetitionTimeline returns the steps of a petition in the order they were taken.
func (db *DB) PetitionTimeline(ctx context.Context, id int64) (out []PetitionStep, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, err = tx.petitionTimeline(id)
		return err
	})
	return out, err
}

func (tx *Tx) petitionTimeline(id int64) (out []PetitionStep, err error) {
	err = collect(tx, `SELECT id, step, date, detail, from_state, to_state, at FROM petition_steps WHERE petition_id = ? ORDER BY id`,
		[]any{id}, func(sc scanner) error {
			var s PetitionStep
			err := sc.Scan(&s.ID, &s.Step, &s.Date, &s.Detail, &s.FromState, &s.ToState, &s.At)
			out = append(out, s)
			return err
		})
	return out, err
}

func (tx *Tx) addPetitionStep(id int64, step string, date Date, detail, from, to string) error {
	_, err := tx.Exec(`INSERT INTO petition_steps (petition_id, step, date, detail, from_state, to_state, at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		id, step, date, detail, from, to, tx.stamp())
	return err
}

// petitionRules are what the steps need besides the case: the office's rules and the holiday calendar.
type petitionRules struct {
	settings VoterSettings
	calendar Calendar
}

// petitionTransition loads the case, checks that step is legal now, runs fn (which checks its input and
// updates the row), and records the step in the timeline and the history, in the caller's transaction.
func (tx *Tx) petitionTransition(id int64, step string, fn func(p *Petition, r petitionRules) (date Date, detail string, err error)) error {
	p, err := tx.petition(id)
	if err != nil {
		return err
	}
	if !slices.Contains(p.NextSteps(), step) {
		msg := fmt.Sprintf("信访件「%s」当前状态为「%s」，不能%s", p.Number, p.State, step)
		if why := whyNotPetition(p, step); why != "" {
			msg += "：" + why
		}
		return Errorf(ESTATE, "%s", msg)
	}
	var r petitionRules
	if r.settings, err = tx.voterSettings(); err != nil {
		return err
	}
	if r.calendar, err = tx.calendar(); err != nil {
		return err
	}
	from := p.State
	date, detail, err := fn(&p, r)
	if err != nil {
		return err
	}
	if date > DateOf(tx.now) {
		return fieldErr(step+"日期", "(%s)不能晚于今天", date.Chinese())
	}
	if _, err := tx.Exec(`UPDATE petitions SET state = ?, unit_id = ?, unit_name = ?, responsible = ?, referred = ?, deadline = ?,
		reply = ?, replied = ?, feedback = ?, feedback_how = ?, closed = ?, reported = ?, updated_at = ? WHERE id = ?`,
		p.State, nullID(p.UnitID), p.UnitName, p.Responsible, p.Referred, p.Deadline, p.Reply, p.Replied, p.Feedback,
		p.FeedbackHow, p.Closed, p.Reported, tx.stamp(), id); err != nil {
		return err
	}
	if err := tx.addPetitionStep(id, step, date, detail, from, p.State); err != nil {
		return err
	}
	if step == PStepRefer {
		if err := tx.reindexPetition(id); err != nil { // the unit and the responsible person are searched
			return err
		}
	}
	change := fmt.Sprintf("%s %s", step, date.Chinese())
	if from != p.State {
		change += fmt.Sprintf("\n状态: %s → %s", from, p.State)
	}
	if detail != "" {
		change += "\n" + detail
	}
	return tx.logHistory("petition", id, ActionState, p.Number, change)
}

// OnSpot records a visit answered there and then (当场答复): the answer reached the petitioner in person, so
// the case is closed on the day.
func (db *DB) OnSpot(ctx context.Context, id int64, date Date, reply string) error {
	return db.update(ctx, func(tx *Tx) error { return tx.onSpot(id, date, reply) })
}

func (tx *Tx) onSpot(id int64, date Date, reply string) error {
	return tx.petitionTransition(id, PStepOnSpot, func(p *Petition, r petitionRules) (Date, string, error) {
		var c checker
		reply = strings.TrimSpace(reply)
		c.requiredDate("答复日期", date)
		c.notBefore("答复日期", date, "收到日期", p.Received)
		c.required("答复内容", reply)
		c.maxLen("答复内容", reply, maxLongText)
		if err := c.result(); err != nil {
			return "", "", err
		}
		return date, p.applyOnSpot(date, reply), nil
	})
}

// ReferInput is what 转办 records.
type ReferInput struct {
	UnitID      int64
	UnitName    string // used when UnitID is 0: a body outside the units list (县信访局)
	Responsible string
	Date        Date
	Deadline    Date // empty: the configured working days from Date
}

// Refer hands a registered case to a unit with the person responsible and a deadline (转办).
func (db *DB) Refer(ctx context.Context, id int64, in ReferInput) error {
	return db.update(ctx, func(tx *Tx) error { return tx.refer(id, in) })
}

func (tx *Tx) refer(id int64, in ReferInput) error {
	return tx.petitionTransition(id, PStepRefer, func(p *Petition, r petitionRules) (Date, string, error) {
		var c checker
		in.UnitName, in.Responsible = cleanName(in.UnitName), cleanName(in.Responsible)
		if in.UnitID != 0 {
			if err := tx.QueryRow(`SELECT name FROM units WHERE id = ?`, in.UnitID).Scan(&in.UnitName); err != nil {
				return "", "", fieldErr("转办单位", "不存在")
			}
		}
		c.required("转办单位", in.UnitName)
		c.maxLen("转办单位", in.UnitName, maxLine)
		c.required("责任人", in.Responsible)
		c.maxLen("责任人", in.Responsible, maxName)
		c.requiredDate("转办日期", in.Date)
		c.notBefore("转办日期", in.Date, "收到日期", p.Received)
		if in.Deadline == "" && in.Date != "" && in.Date.Valid() {
			in.Deadline = r.settings.PetitionDeadline(r.calendar, in.Date)
		}
		c.date("办结时限", in.Deadline)
		if in.Deadline != "" && in.Date != "" && in.Deadline <= in.Date {
			c.fail("办结时限", "(%s)应晚于转办日期", in.Deadline.Chinese())
		}
		if err := c.result(); err != nil {
			return "", "", err
		}
		return in.Date, p.applyRefer(in), nil
	})
}

// Urge records a reminder to the unit (催办, 督办): the case stays with it.
func (db *DB) Urge(ctx context.Context, id int64, date Date, note string) error {
	return db.update(ctx, func(tx *Tx) error {
		return tx.petitionTransition(id, PStepUrge, func(p *Petition, r petitionRules) (Date, string, error) {
			var c checker
			note = strings.TrimSpace(note)
			c.requiredDate("催办日期", date)
			c.notBefore("催办日期", date, "转办日期", p.Referred)
			c.required("催办情况", note)
			c.maxLen("催办情况", note, maxText)
			if err := c.result(); err != nil {
				return "", "", err
			}
			return date, note, nil
		})
	})
}

// MaxPetitionDeadline is the latest deadline an extension may set: twice the configured working days from
// 转办 (one more period, as the 信访 rules allow one extension).
func (p Petition) MaxPetitionDeadline(s VoterSettings, cal Calendar) Date {
	return cal.AddWorkdays(p.Referred, 2*s.PetitionWorkdays)
}

// ExtendPetition moves the deadline of a case with a unit (延期), within one more period.
func (db *DB) ExtendPetition(ctx context.Context, id int64, deadline Date, reason string, date Date) error {
	return db.update(ctx, func(tx *Tx) error {
		return tx.petitionTransition(id, PStepExtend, func(p *Petition, r petitionRules) (Date, string, error) {
			var c checker
			reason = strings.TrimSpace(reason)
			c.requiredDate("申请日期", date)
			c.notBefore("申请日期", date, "转办日期", p.Referred)
			c.required("延期理由", reason)
			c.maxLen("延期理由", reason, maxText)
			c.requiredDate("延期后的办结时限", deadline)
			if err := c.result(); err != nil {
				return "", "", err
			}
			if deadline <= p.Deadline {
				return "", "", fieldErr("延期后的办结时限", "(%s)应晚于原办结时限(%s)", deadline.Chinese(), p.Deadline.Chinese())
			}
			if max := p.MaxPetitionDeadline(r.settings, r.calendar); deadline > max {
				return "", "", fieldErr("延期后的办结时限", "(%s)不能超过转办之日起%d个工作日(%s)", deadline.Chinese(),
					2*r.settings.PetitionWorkdays, max.Chinese())
			}
			return date, p.applyExtend(deadline, reason), nil
		})
	})
}

// ReplyPetition records the unit's result (答复).
func (db *DB) ReplyPetition(ctx context.Context, id int64, date Date, reply string) error {
	return db.update(ctx, func(tx *Tx) error { return tx.replyPetition(id, date, reply) })
}

func (tx *Tx) replyPetition(id int64, date Date, reply string) error {
	return tx.petitionTransition(id, PStepReply, func(p *Petition, r petitionRules) (Date, string, error) {
		var c checker
		reply = strings.TrimSpace(reply)
		c.requiredDate("答复日期", date)
		c.notBefore("答复日期", date, "转办日期", p.Referred)
		c.required("办理结果", reply)
		c.maxLen("办理结果", reply, maxLongText)
		if err := c.result(); err != nil {
			return "", "", err
		}
		return date, p.applyReply(date, reply), nil
	})
}

// Feedback records that the result reached the petitioner (反馈信访人), and how.
func (db *DB) Feedback(ctx context.Context, id int64, date Date, how string) error {
	return db.update(ctx, func(tx *Tx) error { return tx.feedback(id, date, how) })
}

func (tx *Tx) feedback(id int64, date Date, how string) error {
	return tx.petitionTransition(id, PStepFeedback, func(p *Petition, r petitionRules) (Date, string, error) {
		var c checker
		c.requiredDate("反馈日期", date)
		c.notBefore("反馈日期", date, "答复日期", p.Replied)
		c.required("反馈方式", how)
		c.oneOf("反馈方式", how, FeedbackMethods)
		if err := c.result(); err != nil {
			return "", "", err
		}
		return date, p.applyFeedback(date, how), nil
	})
}

// ClosePetition closes a case whose result reached the petitioner (办结).
func (db *DB) ClosePetition(ctx context.Context, id int64, date Date) error {
	return db.update(ctx, func(tx *Tx) error { return tx.closePetition(id, date) })
}

func (tx *Tx) closePetition(id int64, date Date) error {
	return tx.petitionTransition(id, PStepClose, func(p *Petition, r petitionRules) (Date, string, error) {
		var c checker
		c.requiredDate("办结日期", date)
		c.notBefore("办结日期", date, "反馈日期", p.Feedback)
		if err := c.result(); err != nil {
			return "", "", err
		}
		p.applyClose(date)
		return date, "", nil
	})
}

// ReportResult records that a referred case's result was reported to the upper congress (报告结果).
func (db *DB) ReportResult(ctx context.Context, id int64, date Date, note string) error {
	return db.update(ctx, func(tx *Tx) error {
		return tx.petitionTransition(id, PStepReport, func(p *Petition, r petitionRules) (Date, string, error) {
			var c checker
			note = strings.TrimSpace(note)
			c.requiredDate("报告日期", date)
			c.notBefore("报告日期", date, "办结日期", p.Closed)
			c.maxLen("报告情况", note, maxText)
			if err := c.result(); err != nil {
				return "", "", err
			}
			return date, p.applyReport(date, note), nil
		})
	})
}

// What each step does to a case: the columns it changes and the words of its timeline entry. The step methods
// above check the step and apply these; the demo generator (demo_petitions.go) applies them in memory, so that
// its timelines read exactly like the clerk's.

func (p *Petition) applyOnSpot(date Date, reply string) string {
	p.State, p.Reply, p.Replied, p.Feedback, p.FeedbackHow, p.Closed = PetitionClosed, reply, date, date, "当面", date
	return "当场答复并办结"
}

func (p *Petition) applyRefer(in ReferInput) string {
	p.State, p.UnitID, p.UnitName, p.Responsible = PetitionHandling, in.UnitID, in.UnitName, in.Responsible
	p.Referred, p.Deadline = in.Date, in.Deadline
	return fmt.Sprintf("转办单位: %s；责任人: %s；办结时限: %s", in.UnitName, in.Responsible, in.Deadline.Chinese())
}

func (p *Petition) applyExtend(deadline Date, reason string) string {
	detail := fmt.Sprintf("办结时限: %s → %s；理由: %s", p.Deadline.Chinese(), deadline.Chinese(), reason)
	p.Deadline = deadline
	return detail
}

func (p *Petition) applyReply(date Date, reply string) string {
	p.State, p.Reply, p.Replied = PetitionReplied, reply, date
	detail := p.UnitName + "答复"
	if p.Deadline != "" && date > p.Deadline {
		detail += fmt.Sprintf("(超过办结时限%d天)", int(date.Time().Sub(p.Deadline.Time()).Hours()/24))
	}
	return detail
}

func (p *Petition) applyFeedback(date Date, how string) string {
	p.Feedback, p.FeedbackHow = date, how
	who := p.Petitioner
	if who == "" {
		who = "信访人"
	}
	return fmt.Sprintf("%s反馈%s", how, who)
}

func (p *Petition) applyClose(date Date) { p.State, p.Closed = PetitionClosed, date }

func (p *Petition) applyReport(date Date, note string) string {
	p.Reported = date
	detail := "向" + p.ReferralFrom + "报告办理结果"
	if p.ReportDue != "" && date > p.ReportDue {
		detail += fmt.Sprintf("(超过报告期限%d天)", int(date.Time().Sub(p.ReportDue.Time()).Hours()/24))
	}
	if note != "" {
		detail += "；" + note
	}
	return detail
}
