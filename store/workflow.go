package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// Workflow steps (SPEC §4). Each is one method of DB; NextSteps says which are legal for an item.
const (
	StepRegister = "登记"
	StepAssign   = "交办"
	StepForward  = "转交上级"
	StepReject   = TerminateRejected  // 不予立案
	StepWithdraw = TerminateWithdrawn // 撤回
	StepReply    = "答复"
	StepExtend   = "延期"
	StepEvaluate = "代表评价"
	StepRehandle = "重新办理"
	StepFollowUp = "跟踪办理"
	StepFeedback = "反馈选民"
	StepClose    = "办结"
)

// StepRequired returns the labels of the fields a workflow step (交办, 答复 …, 不予立案) cannot be recorded
// without, as the step's own check says: the fields it reports left blank when every field is blank.
func StepRequired(step string) []string {
	var c checker
	var s Suggestion
	switch step {
	case StepAssign:
		AssignInput{}.check(&c, s, Rules{})
	case StepForward:
		checkForward(&c, s, "", "")
	case StepReject, StepWithdraw:
		checkTerminate(&c, s, step, "", "")
	case StepReply:
		ReplyInput{}.check(&c, s, "")
	case StepEvaluate:
		EvaluateInput{}.check(&c, s, "")
	case StepExtend:
		checkExtend(&c, s, Rules{}, "", "", "")
	case StepFollowUp:
		FollowUpInput{}.check(&c, s, "")
	case StepFeedback:
		checkFeedback(&c, s, "")
	case StepClose:
		checkClose(&c, s, "")
	}
	return c.requiredFields()
}

// Step is one entry of an item's timeline.
type Step struct {
	ID        int64
	Step      string
	Date      Date
	Round     int
	Detail    string
	FromState string
	ToState   string
	At        string // when it was recorded
}

// NextSteps returns the steps the clerk may take next on s, in the order the UI shows them.
// The workflow methods refuse every other step; this list is their mirror for the UI.
func (s Suggestion) NextSteps(r Rules) []string {
	var out []string
	switch s.State {
	case StatePending:
		out = append(out, StepAssign)
		if s.Scope == LevelCity || s.Scope == LevelCounty {
			out = append(out, StepForward)
		}
		out = append(out, StepReject, StepWithdraw)
	case StateHandling:
		out = append(out, StepReply)
		if s.Deadline < r.MaxExtension(s.Assigned) {
			out = append(out, StepExtend)
		}
	case StateForwarded:
		out = append(out, StepReply)
	case StateReplied:
		if s.LeadDeputyID != 0 {
			out = append(out, StepEvaluate)
		}
		if s.canFollowUp() {
			out = append(out, StepFollowUp)
		}
		if s.Kind == KindVoter && s.VoterFeedback == "" {
			out = append(out, StepFeedback)
		}
		if s.Kind == KindVoter && s.VoterFeedback != "" {
			out = append(out, StepClose)
		}
	case StateClosed:
		if s.canFollowUp() {
			out = append(out, StepFollowUp)
		}
		if s.Kind == KindVoter && s.VoterFeedback == "" {
			out = append(out, StepFeedback)
		}
	}
	return out
}

// FollowUpOutcomes are the outcomes a follow-up (跟踪办理) may move the item to: those further on than its
// current outcome, of 正在解决 and 已解决 (an item 列入计划解决 can become 正在解决 or 已解决; 正在解决 only 已解决).
func (s Suggestion) FollowUpOutcomes() []string {
	var out []string
	at := slices.Index(Outcomes, s.Outcome)
	for _, o := range []string{OutcomeSolving, OutcomeSolved} {
		if at < 0 || slices.Index(Outcomes, o) < at {
			out = append(out, o)
		}
	}
	return out
}

// canFollowUp: items answered 正在解决 or 列入计划解决 are followed up until solved.
func (s Suggestion) canFollowUp() bool {
	return s.Outcome == OutcomeSolving || s.Outcome == OutcomePlanned
}

// stepRefused is the Chinese message for a step that is not legal in the item's state.
func stepRefused(s Suggestion, step, why string) error {
	msg := fmt.Sprintf("建议「%s」当前状态为「%s」，不能%s", s.Number, s.State, step)
	if why != "" {
		msg += "：" + why
	}
	return Errorf(ESTATE, "%s", msg)
}

// transition loads the item, checks that step is legal now, runs fn (which validates and updates the row),
// records the step in the timeline and the state change in the history. All in the caller's transaction.
func (tx *Tx) transition(id int64, step string, fn func(s *Suggestion, r Rules) (date Date, detail string, err error)) error {
	s, err := tx.suggestion(id)
	if err != nil {
		return err
	}
	r, err := tx.rules()
	if err != nil {
		return err
	}
	if !slices.Contains(s.NextSteps(r), step) {
		return stepRefused(s, step, whyNot(s, step))
	}
	from, round := s.State, s.Round
	date, detail, err := fn(&s, r)
	if err != nil {
		return err
	}
	if date > DateOf(tx.now) {
		return fieldErr(step+"日期", "(%s)不能晚于今天", date.Chinese())
	}
	if err := tx.addStep(id, step, date, round, detail, from, s.State); err != nil {
		return err
	}
	change := fmt.Sprintf("%s %s", step, date.Chinese())
	if from != s.State {
		change += fmt.Sprintf("\n状态: %s → %s", from, s.State)
	}
	if detail != "" {
		change += "\n" + detail
	}
	return tx.logHistory("suggestion", id, ActionState, s.Number, change)
}

// whyNot explains the common refusals in the clerk's words.
func whyNot(s Suggestion, step string) string {
	switch {
	case step == StepForward && s.State == StatePending:
		return "只有涉及市级或县级层面的建议才能转交上级"
	case step == StepEvaluate && s.State == StateReplied && s.LeadDeputyID == 0:
		return "没有领衔代表，选民意见建议请反馈选民后办结"
	case step == StepFollowUp && (s.State == StateReplied || s.State == StateClosed):
		return "只有办理结果为「正在解决」或「列入计划解决」的建议需要跟踪办理"
	case step == StepExtend && s.State == StateHandling:
		return "办理时限已到延期上限"
	case (step == StepFeedback || step == StepClose) && s.Kind != KindVoter:
		return "只有选民意见建议需要反馈选民、由工作人员办结"
	case step == StepClose && s.VoterFeedback == "":
		return "请先反馈选民"
	}
	return ""
}

func (tx *Tx) addStep(id int64, step string, date Date, round int, detail, from, to string) error {
	_, err := tx.Exec(`INSERT INTO suggestion_steps (suggestion_id, step, date, round, detail, from_state, to_state, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		id, step, date, round, detail, from, to, tx.stamp())
	return err
}

// Timeline returns the steps of an item in the order they were taken.
func (db *DB) Timeline(ctx context.Context, id int64) (out []Step, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, err = tx.timeline(id)
		return err
	})
	return out, err
}

// timeline is Timeline inside a transaction.
func (tx *Tx) timeline(id int64) (out []Step, err error) {
	err = collect(tx, `SELECT id, step, date, round, detail, from_state, to_state, at FROM suggestion_steps WHERE suggestion_id = ? ORDER BY id`,
		[]any{id}, func(s scanner) error {
			var st Step
			err := s.Scan(&st.ID, &st.Step, &st.Date, &st.Round, &st.Detail, &st.FromState, &st.ToState, &st.At)
			out = append(out, st)
			return err
		})
	return out, err
}

// AssignInput is what 交办 records.
type AssignInput struct {
	MainUnitID    int64
	AssistUnitIDs []int64
	Date          Date
	Deadline      Date // empty: 交办日期 + the configured months
}

// Assign hands a 待交办 item to its main unit (and assisting units) with a deadline.
func (db *DB) Assign(ctx context.Context, id int64, in AssignInput) error {
	return db.update(ctx, func(tx *Tx) error { return tx.assign(id, in) })
}

// AssignMany assigns many items to the same units on the same day (the 交办会 after a session), in one
// transaction: if any item cannot be assigned, none is, and the message names the item.
func (db *DB) AssignMany(ctx context.Context, ids []int64, in AssignInput) error {
	if len(ids) == 0 {
		return Errorf(EINVALID, "请先选择要交办的建议")
	}
	return db.update(ctx, func(tx *Tx) error {
		// The fields the items share are checked once, each problem under its field; then each item.
		r, err := tx.rules()
		if err != nil {
			return err
		}
		var c checker
		in.check(&c, Suggestion{}, r)
		if err := c.result(); err != nil {
			return err
		}
		for i, id := range ids {
			if err := tx.assign(id, in); err != nil {
				var number string
				_ = tx.QueryRow(`SELECT number FROM suggestions WHERE id = ?`, id).Scan(&number)
				e := &Error{Code: ErrorCode(err), Message: fmt.Sprintf("第%d件(%s): %s；全部未交办", i+1, number, ErrorMessage(err))}
				if es := ErrorsOf(err); len(es) > 0 {
					e.Field = es[0].Field
				}
				return e
			}
		}
		return nil
	})
}

// check is the rules of 交办's fields on item s; it returns the deadline the step sets (the one given, else the
// configured months from the 交办日期).
func (in AssignInput) check(c *checker, s Suggestion, r Rules) Date {
	c.need("主办单位", in.MainUnitID == 0, "不能为空")
	c.noDuplicates("协办单位", in.AssistUnitIDs)
	if slices.Contains(in.AssistUnitIDs, in.MainUnitID) {
		c.fail("协办单位", "不能包含主办单位")
	}
	c.requiredDate("交办日期", in.Date)
	c.notBefore("交办日期", in.Date, "收到日期", s.Received)
	deadline := r.assignDeadline(in)
	c.date("办理时限", deadline)
	if deadline != "" && in.Date != "" && deadline <= in.Date {
		c.fail("办理时限", "(%s)应晚于交办日期", deadline.Chinese())
	}
	if in.Date != "" && in.Date.Valid() {
		if max := r.MaxExtension(in.Date); deadline > max {
			c.fail("办理时限", "(%s)不能超过交办之日起%d个月(%s)", deadline.Chinese(), r.Settings.MaxExtensionMonths, max.Chinese())
		}
	}
	return deadline
}

func (tx *Tx) assign(id int64, in AssignInput) error {
	return tx.transition(id, StepAssign, func(s *Suggestion, r Rules) (Date, string, error) {
		var c checker
		deadline := in.check(&c, *s, r)
		if err := c.result(); err != nil {
			return "", "", err
		}
		names, err := tx.unitNames(append([]int64{in.MainUnitID}, in.AssistUnitIDs...))
		if err != nil {
			return "", "", err
		}
		detail := s.applyAssign(in, deadline, names)
		if _, err := tx.Exec(`UPDATE suggestions SET state = ?, main_unit_id = ?, assigned = ?, deadline = ?, first_deadline = ?, updated_at = ? WHERE id = ?`,
			s.State, s.MainUnitID, s.Assigned, s.Deadline, s.FirstDeadline, tx.stamp(), id); err != nil {
			return "", "", err
		}
		if _, err := tx.Exec(`DELETE FROM suggestion_assist_units WHERE suggestion_id = ?`, id); err != nil {
			return "", "", err
		}
		for _, u := range s.AssistUnitIDs {
			if _, err := tx.Exec(`INSERT INTO suggestion_assist_units (suggestion_id, unit_id) VALUES (?, ?)`, id, u); err != nil {
				return "", "", err
			}
		}
		return in.Date, detail, nil
	})
}

// lastFollowUp returns the date of the item's latest follow-up, or "" when it has none: later replies,
// evaluations and follow-ups may not be dated before it, so the latest event always carries the outcome.
func (tx *Tx) lastFollowUp(id int64) (Date, error) {
	var d Date
	err := tx.QueryRow(`SELECT max(date) FROM followups WHERE suggestion_id = ?`, id).Scan(&d)
	return d, err
}

// unitNames returns the names of the given units in order, failing when one does not exist.
func (tx *Tx) unitNames(ids []int64) ([]string, error) {
	out := make([]string, len(ids))
	for i, id := range ids {
		if err := tx.QueryRow(`SELECT name FROM units WHERE id = ?`, id).Scan(&out[i]); err != nil {
			field := "协办单位"
			if i == 0 {
				field = "主办单位"
			}
			return nil, fieldErr(field, "不存在(编号%d)", id)
		}
	}
	return out, nil
}

// checkForward is the rules of 转交上级's fields on item s.
func checkForward(c *checker, s Suggestion, to string, date Date) {
	c.required("转交对象", to)
	c.maxLen("转交对象", to, maxLine)
	c.requiredDate("转交日期", date)
	c.notBefore("转交日期", date, "收到日期", s.Received)
}

// Forward sends a 待交办 item about a 市级 or 县级 matter to the upper level (转交上级).
func (db *DB) Forward(ctx context.Context, id int64, to string, date Date) error {
	return db.update(ctx, func(tx *Tx) error {
		return tx.transition(id, StepForward, func(s *Suggestion, r Rules) (Date, string, error) {
			var c checker
			to = strings.TrimSpace(to)
			checkForward(&c, *s, to, date)
			if err := c.result(); err != nil {
				return "", "", err
			}
			detail := s.applyForward(to, date)
			if _, err := tx.Exec(`UPDATE suggestions SET state = ?, forward_to = ?, forwarded = ?, updated_at = ? WHERE id = ?`,
				s.State, s.ForwardTo, s.Forwarded, tx.stamp(), id); err != nil {
				return "", "", err
			}
			return date, detail, nil
		})
	})
}

// checkTerminate is the rules of the fields of 不予立案 or 撤回 (kind) on item s.
func checkTerminate(c *checker, s Suggestion, kind, reason string, date Date) {
	c.required(kind+"理由", reason)
	c.maxLen(kind+"理由", reason, maxText)
	c.requiredDate(kind+"日期", date)
	c.notBefore(kind+"日期", date, "收到日期", s.Received)
}

// Terminate ends a 待交办 item without handling: 不予立案 or 撤回, with the reason.
func (db *DB) Terminate(ctx context.Context, id int64, kind, reason string, date Date) error {
	if !oneOf(kind, TerminationKinds) {
		return fieldErr("终止方式", "应为不予立案或撤回")
	}
	return db.update(ctx, func(tx *Tx) error {
		return tx.transition(id, kind, func(s *Suggestion, r Rules) (Date, string, error) {
			var c checker
			reason = strings.TrimSpace(reason)
			checkTerminate(&c, *s, kind, reason, date)
			if err := c.result(); err != nil {
				return "", "", err
			}
			detail := s.applyTerminate(kind, reason, date)
			if _, err := tx.Exec(`UPDATE suggestions SET state = ?, terminated = ?, termination_kind = ?, termination_reason = ?, updated_at = ? WHERE id = ?`,
				s.State, s.Terminated, s.TerminationKind, s.TerminationReason, tx.stamp(), id); err != nil {
				return "", "", err
			}
			return date, detail, nil
		})
	})
}

// ReplyInput is what 答复 records.
type ReplyInput struct {
	Date    Date
	Method  string // 书面 / 见面 / 电话
	Content string
	Outcome string // 已解决 / 正在解决 / 列入计划解决 / 留作参考
}

// check is the rules of 答复's fields on item s, whose latest follow-up was on last.
func (in ReplyInput) check(c *checker, s Suggestion, last Date) {
	c.requiredDate("答复日期", in.Date)
	if s.State == StateForwarded {
		c.notBefore("答复日期", in.Date, "转交日期", s.Forwarded)
	} else {
		c.notBefore("答复日期", in.Date, "交办日期", s.Assigned)
	}
	c.notBefore("答复日期", in.Date, "上次评价日期", s.Evaluated)
	c.notBefore("答复日期", in.Date, "上次跟踪日期", last)
	c.required("答复方式", in.Method)
	c.oneOf("答复方式", in.Method, ReplyMethods)
	c.required("答复内容", in.Content)
	c.maxLen("答复内容", in.Content, maxLongText)
	c.required("办理结果", in.Outcome)
	c.oneOf("办理结果", in.Outcome, Outcomes)
}

// Reply records the handling unit's reply (or, for a forwarded item, the upper level's reply).
func (db *DB) Reply(ctx context.Context, id int64, in ReplyInput) error {
	return db.update(ctx, func(tx *Tx) error {
		return tx.transition(id, StepReply, func(s *Suggestion, r Rules) (Date, string, error) {
			last, err := tx.lastFollowUp(id)
			if err != nil {
				return "", "", err
			}
			var c checker
			in.check(&c, *s, last)
			if err := c.result(); err != nil {
				return "", "", err
			}
			rec, detail := s.applyReply(in)
			if _, err := tx.Exec(`INSERT INTO replies (suggestion_id, round, date, method, content, outcome, from_upper) VALUES (?, ?, ?, ?, ?, ?, ?)`,
				id, rec.Round, rec.Date, rec.Method, rec.Content, rec.Outcome, rec.FromUpper); err != nil {
				return "", "", err
			}
			if _, err := tx.Exec(`UPDATE suggestions SET state = ?, first_reply = ?, last_reply = ?, reply_method = ?,
				outcome = ?, updated_at = ? WHERE id = ?`, s.State, s.FirstReply, s.LastReply, s.ReplyMethod, s.Outcome, tx.stamp(), id); err != nil {
				return "", "", err
			}
			return in.Date, detail, nil
		})
	})
}

// EvaluateInput is what 代表评价 records.
type EvaluateInput struct {
	Date    Date
	Grade   string // 满意 / 基本满意 / 不满意
	Comment string
	// Deadline of the new round when the grade is 不满意; empty: the date + the configured months.
	Deadline Date
}

// check is the rules of 代表评价's fields on item s, whose latest follow-up was on last.
func (in EvaluateInput) check(c *checker, s Suggestion, last Date) {
	c.requiredDate("评价日期", in.Date)
	c.notBefore("评价日期", in.Date, "答复日期", s.LastReply)
	c.notBefore("评价日期", in.Date, "上次跟踪日期", last)
	c.required("评价结果", in.Grade)
	c.oneOf("评价结果", in.Grade, Grades)
	c.maxLen("评价意见", in.Comment, maxText)
	if in.Grade != GradeUnsatisfied && in.Deadline != "" {
		c.fail("重新办理时限", "只有不满意时才需要")
	}
}

// Evaluate records the lead deputy's evaluation of the reply. 满意 or 基本满意 closes the item (已办结);
// 不满意 sends it back to 办理中 for another round with a new deadline (重新办理).
func (db *DB) Evaluate(ctx context.Context, id int64, in EvaluateInput) error {
	return db.update(ctx, func(tx *Tx) error {
		var rehandle *Suggestion
		var newDeadline Date
		err := tx.transition(id, StepEvaluate, func(s *Suggestion, r Rules) (Date, string, error) {
			last, err := tx.lastFollowUp(id)
			if err != nil {
				return "", "", err
			}
			var c checker
			in.check(&c, *s, last)
			if err := c.result(); err != nil {
				return "", "", err
			}
			rec, detail := s.applyEvaluate(in)
			if _, err := tx.Exec(`INSERT INTO evaluations (suggestion_id, round, date, grade, comment) VALUES (?, ?, ?, ?, ?)`,
				id, rec.Round, rec.Date, rec.Grade, rec.Comment); err != nil {
				return "", "", err
			}
			if _, err := tx.Exec(`UPDATE suggestions SET evaluation = ?, first_evaluation = ?, evaluated = ?, state = ?, closed = ?,
				updated_at = ? WHERE id = ?`, s.Evaluation, s.FirstEvaluation, s.Evaluated, s.State, s.Closed, tx.stamp(), id); err != nil {
				return "", "", err
			}
			if s.State == StateClosed {
				return in.Date, detail, nil
			}
			newDeadline = r.rehandleDeadline(in)
			if s.MainUnitID == 0 && in.Deadline != "" {
				return "", "", fieldErr("重新办理时限", "转交上级的建议由上级办理，不设本级时限")
			}
			if !newDeadline.Valid() || newDeadline <= in.Date {
				return "", "", fieldErr("重新办理时限", "应晚于评价日期")
			}
			rehandle = s
			return in.Date, detail, nil
		})
		if err != nil || rehandle == nil {
			return err
		}
		// 不满意: the second step of the same save opens the next round.
		from := rehandle.State
		detail := rehandle.applyRehandle(newDeadline)
		if _, err := tx.Exec(`UPDATE suggestions SET state = ?, round = ?, deadline = ?, voter_feedback = ?, updated_at = ? WHERE id = ?`,
			rehandle.State, rehandle.Round, rehandle.Deadline, rehandle.VoterFeedback, tx.stamp(), id); err != nil {
			return err
		}
		if err := tx.addStep(id, StepRehandle, in.Date, rehandle.Round, detail, from, rehandle.State); err != nil {
			return err
		}
		return tx.logHistory("suggestion", id, ActionState, rehandle.Number, fmt.Sprintf("%s %s\n状态: %s → %s\n%s",
			StepRehandle, in.Date.Chinese(), from, rehandle.State, detail))
	})
}

// checkExtend is the rules of 延期's fields on item s: the new deadline later than the one it replaces, and
// no later than the configured months (6) from 交办.
func checkExtend(c *checker, s Suggestion, r Rules, deadline Date, reason string, date Date) {
	const field = "延期后的办理时限"
	c.required("延期理由", reason)
	c.maxLen("延期理由", reason, maxText)
	c.requiredDate("申请日期", date)
	c.notBefore("申请日期", date, "交办日期", s.Assigned)
	c.requiredDate(field, deadline)
	if !c.has(field) && deadline <= s.Deadline {
		c.fail(field, "(%s)应晚于原办理时限(%s)", deadline.Chinese(), s.Deadline.Chinese())
	}
	if s.Assigned == "" {
		return
	}
	if max := r.MaxExtension(s.Assigned); !c.has(field) && deadline > max {
		c.fail(field, "(%s)不能超过交办之日起%d个月(%s)", deadline.Chinese(), r.Settings.MaxExtensionMonths, max.Chinese())
	}
}

// Extend moves the deadline of an item being handled (延期), never beyond the configured months (6) from 交办.
func (db *DB) Extend(ctx context.Context, id int64, deadline Date, reason string, date Date) error {
	return db.update(ctx, func(tx *Tx) error {
		return tx.transition(id, StepExtend, func(s *Suggestion, r Rules) (Date, string, error) {
			var c checker
			reason = strings.TrimSpace(reason)
			checkExtend(&c, *s, r, deadline, reason, date)
			if err := c.result(); err != nil {
				return "", "", err
			}
			detail := s.applyExtend(deadline, reason, date)
			if _, err := tx.Exec(`UPDATE suggestions SET deadline = ?, first_deadline = ?, extension_reason = ?, updated_at = ? WHERE id = ?`,
				s.Deadline, s.FirstDeadline, s.ExtensionReason, tx.stamp(), id); err != nil {
				return "", "", err
			}
			return date, detail, nil
		})
	})
}

// FollowUpInput is what 跟踪办理 records.
type FollowUpInput struct {
	Date    Date
	Note    string
	Outcome string // a better outcome from this date (已解决, or 正在解决 after 列入计划解决), or "" when unchanged
}

// check is the rules of 跟踪办理's fields on item s, whose latest follow-up was on last.
func (in FollowUpInput) check(c *checker, s Suggestion, last Date) {
	c.requiredDate("跟踪日期", in.Date)
	c.notBefore("跟踪日期", in.Date, "答复日期", s.LastReply)
	c.notBefore("跟踪日期", in.Date, "上次跟踪日期", last)
	c.required("跟踪情况", in.Note)
	c.maxLen("跟踪情况", in.Note, maxText)
	if in.Outcome != "" {
		c.oneOf("新的办理结果", in.Outcome, []string{OutcomeSolved, OutcomeSolving})
		if !c.has("新的办理结果") && !slices.Contains(s.FollowUpOutcomes(), in.Outcome) {
			c.fail("新的办理结果", "「%s」并不比原结果「%s」更进一步", in.Outcome, s.Outcome)
		}
	}
}

// FollowUp records progress on an item answered 正在解决 or 列入计划解决, possibly upgrading its outcome.
func (db *DB) FollowUp(ctx context.Context, id int64, in FollowUpInput) error {
	return db.update(ctx, func(tx *Tx) error {
		return tx.transition(id, StepFollowUp, func(s *Suggestion, r Rules) (Date, string, error) {
			last, err := tx.lastFollowUp(id)
			if err != nil {
				return "", "", err
			}
			var c checker
			in.check(&c, *s, last)
			if err := c.result(); err != nil {
				return "", "", err
			}
			rec, detail := s.applyFollowUp(in)
			if _, err := tx.Exec(`INSERT INTO followups (suggestion_id, date, note, outcome) VALUES (?, ?, ?, ?)`, id, rec.Date, rec.Note, rec.Outcome); err != nil {
				return "", "", err
			}
			if rec.Outcome != "" { // the item's row changes only when the outcome moves on
				if _, err := tx.Exec(`UPDATE suggestions SET outcome = ?, updated_at = ? WHERE id = ?`, s.Outcome, tx.stamp(), id); err != nil {
					return "", "", err
				}
			}
			return in.Date, detail, nil
		})
	})
}

// checkFeedback is the rule of 反馈选民's date on item s.
func checkFeedback(c *checker, s Suggestion, date Date) {
	c.requiredDate("反馈日期", date)
	c.notBefore("反馈日期", date, "答复日期", s.LastReply)
}

// FeedbackVoter records that the reply to a voter's item was fed back to the voter (反馈选民).
func (db *DB) FeedbackVoter(ctx context.Context, id int64, date Date) error {
	return db.update(ctx, func(tx *Tx) error {
		return tx.transition(id, StepFeedback, func(s *Suggestion, r Rules) (Date, string, error) {
			var c checker
			checkFeedback(&c, *s, date)
			if err := c.result(); err != nil {
				return "", "", err
			}
			detail := s.applyFeedback(date)
			if _, err := tx.Exec(`UPDATE suggestions SET voter_feedback = ?, updated_at = ? WHERE id = ?`, s.VoterFeedback, tx.stamp(), id); err != nil {
				return "", "", err
			}
			return date, detail, nil
		})
	})
}

// checkClose is the rule of 办结's date on a voter's item s.
func checkClose(c *checker, s Suggestion, date Date) {
	c.requiredDate("办结日期", date)
	c.notBefore("办结日期", date, "反馈选民日期", s.VoterFeedback)
}

// CloseVoterItem closes a voter's item after the reply was fed back to the voter (办结 by the clerk).
func (db *DB) CloseVoterItem(ctx context.Context, id int64, date Date) error {
	return db.update(ctx, func(tx *Tx) error {
		return tx.transition(id, StepClose, func(s *Suggestion, r Rules) (Date, string, error) {
			var c checker
			checkClose(&c, *s, date)
			if err := c.result(); err != nil {
				return "", "", err
			}
			detail := s.applyClose(date)
			if _, err := tx.Exec(`UPDATE suggestions SET state = ?, closed = ?, updated_at = ? WHERE id = ?`, s.State, s.Closed, tx.stamp(), id); err != nil {
				return "", "", err
			}
			return date, detail, nil
		})
	})
}

// Reply is one reply to an item.
type Reply struct {
	ID        int64
	Round     int
	Date      Date
	Method    string
	Content   string
	Outcome   string
	FromUpper bool
}

// Evaluation is one evaluation of an item by its lead deputy.
type Evaluation struct {
	ID      int64
	Round   int
	Date    Date
	Grade   string
	Comment string
}

// FollowUpRecord is one follow-up of an item.
type FollowUpRecord struct {
	ID      int64
	Date    Date
	Note    string
	Outcome string
}

// Handling is the full handling record of an item: replies, evaluations and follow-ups.
type Handling struct {
	Replies     []Reply
	Evaluations []Evaluation
	FollowUps   []FollowUpRecord
	// Attachments are the item's and its replies' attachments (Attachment.Owner says which), for the
	// 建议办理过程单; SuggestionDoc fills them, Handling does not.
	Attachments []Attachment
}

// Handling returns an item's replies, evaluations and follow-ups in date order.
func (db *DB) Handling(ctx context.Context, id int64) (h Handling, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		h, err = tx.handling(id)
		return err
	})
	return h, err
}

// handling is Handling inside a transaction.
func (tx *Tx) handling(id int64) (h Handling, err error) {
	if err := collect(tx, `SELECT id, round, date, method, content, outcome, from_upper FROM replies WHERE suggestion_id = ? ORDER BY date, id`, []any{id},
		func(s scanner) error {
			var r Reply
			err := s.Scan(&r.ID, &r.Round, &r.Date, &r.Method, &r.Content, &r.Outcome, &r.FromUpper)
			h.Replies = append(h.Replies, r)
			return err
		}); err != nil {
		return h, err
	}
	if err := collect(tx, `SELECT id, round, date, grade, comment FROM evaluations WHERE suggestion_id = ? ORDER BY date, id`, []any{id},
		func(s scanner) error {
			var e Evaluation
			err := s.Scan(&e.ID, &e.Round, &e.Date, &e.Grade, &e.Comment)
			h.Evaluations = append(h.Evaluations, e)
			return err
		}); err != nil {
		return h, err
	}
	err = collect(tx, `SELECT id, date, note, outcome FROM followups WHERE suggestion_id = ? ORDER BY date, id`, []any{id},
		func(s scanner) error {
			var f FollowUpRecord
			err := s.Scan(&f.ID, &f.Date, &f.Note, &f.Outcome)
			h.FollowUps = append(h.FollowUps, f)
			return err
		})
	return h, err
}

// UndoAssign takes back a 交办 (one item or a whole 交办会 batch), in one transaction: each item returns to
// 待交办 with its units, dates and the 交办 step removed. It is refused for an item that has moved on since
// (a reply, an extension …), naming it; then nothing is undone.
func (db *DB) UndoAssign(ctx context.Context, ids []int64) error {
	if len(ids) == 0 {
		return Errorf(EINVALID, "没有要撤销交办的建议")
	}
	return db.update(ctx, func(tx *Tx) error {
		for _, id := range ids {
			s, err := tx.suggestion(id)
			if err != nil {
				return err
			}
			var lastStep string
			var lastID int64
			if err := tx.QueryRow(`SELECT id, step FROM suggestion_steps WHERE suggestion_id = ? ORDER BY id DESC LIMIT 1`, id).Scan(&lastID, &lastStep); err != nil {
				return err
			}
			if s.State != StateHandling || lastStep != StepAssign {
				return Errorf(ESTATE, "建议「%s」交办后已有后续办理(当前状态「%s」)，不能撤销交办；全部未撤销", s.Number, s.State)
			}
			if _, err := tx.Exec(`DELETE FROM suggestion_steps WHERE id = ?`, lastID); err != nil {
				return err
			}
			if _, err := tx.Exec(`DELETE FROM suggestion_assist_units WHERE suggestion_id = ?`, id); err != nil {
				return err
			}
			if _, err := tx.Exec(`UPDATE suggestions SET state = ?, main_unit_id = NULL, assigned = NULL, deadline = NULL,
				first_deadline = NULL, updated_at = ? WHERE id = ?`, StatePending, tx.stamp(), id); err != nil {
				return err
			}
			if err := tx.logHistory("suggestion", id, ActionState, s.Number, fmt.Sprintf("撤销交办(原主办单位: %s，交办日期: %s)\n状态: %s → %s",
				s.MainUnitName, s.Assigned.Chinese(), StateHandling, StatePending)); err != nil {
				return err
			}
		}
		return nil
	})
}

// AssignLate reports whether an item raised between sessions is still 待交办 after the configured number of
// working days (SPEC §4: assign within 5 working days).
func (s Suggestion) AssignLate(r Rules, today Date) bool {
	return s.State == StatePending && s.Period == PeriodRecess && r.AssignDue(s.Received) < today
}

// AssignCutoff is the latest received date whose assignment is already late on today: items received on or
// before it and still 待交办 are flagged. AssignDue grows with the received date, so stepping back finds it.
func (r Rules) AssignCutoff(today Date) Date {
	d := today
	for i := 0; i < 400 && r.AssignDue(d) >= today; i++ {
		d = d.AddDays(-1)
	}
	return d
}
