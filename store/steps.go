package store

import (
	"fmt"
	"strings"
)

// What each workflow step does to an item: the handling columns it changes and the words of its timeline entry.
// These are pure functions on a Suggestion, shared by the workflow methods (workflow.go, suggestion.go), which
// check the step, apply it and write the changed columns, and by the demo generator (demo_handling.go), which
// applies them in memory for speed: so generated timelines read exactly like the clerk's.

// applyRegister sets what registering an item (登记) decides: its year, the state 待交办 and round 1. It returns
// the item's first timeline entry.
func (s *Suggestion) applyRegister() Step {
	s.Year, s.State, s.Round = s.Received.Year(), StatePending, 1
	return Step{Step: StepRegister, Date: s.Received, Round: s.Round, Detail: s.Source, ToState: s.State}
}

// assignDeadline is the 办理时限 a 交办 sets: the one the clerk gave, else the configured months from the 交办日期.
func (r Rules) assignDeadline(in AssignInput) Date {
	if in.Deadline == "" && in.Date != "" && in.Date.Valid() {
		return r.AssignDeadline(in.Date)
	}
	return in.Deadline
}

// applyAssign hands s to its units (交办) with the deadline; units are the names of the main unit and the
// assisting units, in the order of in. It returns the timeline detail.
func (s *Suggestion) applyAssign(in AssignInput, deadline Date, units []string) string {
	s.State, s.MainUnitID, s.AssistUnitIDs = StateHandling, in.MainUnitID, in.AssistUnitIDs
	s.Assigned, s.Deadline, s.FirstDeadline = in.Date, deadline, deadline
	detail := "主办单位: " + units[0]
	if len(units) > 1 {
		detail += "；协办单位: " + strings.Join(units[1:], "、")
	}
	return detail + "；办理时限: " + deadline.Chinese()
}

// applyForward sends s to the upper level (转交上级) and returns the timeline detail.
func (s *Suggestion) applyForward(to string, date Date) string {
	s.State, s.ForwardTo, s.Forwarded = StateForwarded, to, date
	return "转交: " + to
}

// applyTerminate ends s without handling (不予立案 or 撤回) and returns the timeline detail.
func (s *Suggestion) applyTerminate(kind, reason string, date Date) string {
	s.State, s.Terminated, s.TerminationKind, s.TerminationReason = StateTerminated, date, kind, reason
	return "理由: " + reason
}

// applyReply records the unit's reply (or, for a forwarded item, the upper level's) on s. It returns the reply
// as stored and the timeline detail: how it was answered, the outcome, and the days past the deadline if late.
func (s *Suggestion) applyReply(in ReplyInput) (Reply, string) {
	fromUpper := s.State == StateForwarded
	rec := Reply{Round: s.Round, Date: in.Date, Method: in.Method, Content: in.Content, Outcome: in.Outcome, FromUpper: fromUpper}
	detail := fmt.Sprintf("%s答复，办理结果: %s", in.Method, in.Outcome)
	if fromUpper {
		detail = "上级" + detail
	}
	if !fromUpper && s.Deadline != "" && in.Date > s.Deadline {
		detail += fmt.Sprintf("(超过办理时限%d天)", int(in.Date.Time().Sub(s.Deadline.Time()).Hours()/24))
	}
	s.State = StateReplied
	if s.FirstReply == "" {
		s.FirstReply = in.Date
	}
	s.LastReply, s.ReplyMethod, s.Outcome = in.Date, in.Method, in.Outcome
	return rec, detail
}

// applyEvaluate records the lead deputy's evaluation (代表评价) on s: 满意 or 基本满意 closes it (已办结); after
// 不满意 it stays 已答复 until applyRehandle opens the next round. It returns the evaluation as stored and the
// timeline detail.
func (s *Suggestion) applyEvaluate(in EvaluateInput) (Evaluation, string) {
	rec := Evaluation{Round: s.Round, Date: in.Date, Grade: in.Grade, Comment: in.Comment}
	s.Evaluation, s.Evaluated = in.Grade, in.Date
	if s.FirstEvaluation == "" {
		s.FirstEvaluation = in.Grade
	}
	if in.Grade != GradeUnsatisfied {
		s.State, s.Closed = StateClosed, in.Date
	}
	detail := "评价: " + in.Grade
	if in.Comment != "" {
		detail += "；意见: " + in.Comment
	}
	return rec, detail
}

// rehandleDeadline is the deadline of the round a 不满意 opens: the one given, else the configured months from
// the evaluation.
func (r Rules) rehandleDeadline(in EvaluateInput) Date {
	if in.Deadline == "" {
		return r.RehandleDeadline(in.Date)
	}
	return in.Deadline
}

// applyRehandle opens the next round of s after 不满意 (重新办理) and returns the timeline detail.
func (s *Suggestion) applyRehandle(deadline Date) string {
	// A forwarded item goes back to the upper level (已转交), an assigned one back to its unit (办理中) with the
	// new deadline.
	s.Round++
	s.State, s.Deadline = StateHandling, deadline
	detail := fmt.Sprintf("第%d轮办理；办理时限: %s", s.Round, deadline.Chinese())
	if s.MainUnitID == 0 && s.Forwarded != "" {
		s.State, s.Deadline = StateForwarded, ""
		detail = fmt.Sprintf("第%d轮办理；再次请%s办理", s.Round, s.ForwardTo)
	}
	// The new round's reply has not reached the voter yet: 反馈选民 is asked again.
	s.VoterFeedback = ""
	return detail
}

// applyExtend moves the deadline of s (延期), applied for on date, and returns the timeline detail.
func (s *Suggestion) applyExtend(deadline Date, reason string, date Date) string {
	detail := fmt.Sprintf("办理时限: %s → %s；理由: %s", s.Deadline.Chinese(), deadline.Chinese(), reason)
	// In round 1 an extension granted before the deadline also moves the deadline that 按期办结率 is
	// judged on; one granted after it has passed does not turn a late item into an on-time one.
	if s.Round == 1 && date <= s.Deadline {
		s.FirstDeadline = deadline
	}
	s.Deadline, s.ExtensionReason = deadline, reason
	return detail
}

// applyFollowUp records progress on s (跟踪办理), moving its outcome on when in.Outcome is set. It returns the
// follow-up as stored and the timeline detail.
func (s *Suggestion) applyFollowUp(in FollowUpInput) (FollowUpRecord, string) {
	rec := FollowUpRecord{Date: in.Date, Note: in.Note, Outcome: in.Outcome}
	if in.Outcome == "" {
		return rec, in.Note
	}
	detail := fmt.Sprintf("办理结果: %s → %s；%s", s.Outcome, in.Outcome, in.Note)
	s.Outcome = in.Outcome
	return rec, detail
}

// applyFeedback records that the reply to a voter's item reached the voter (反馈选民) and returns the timeline
// detail.
func (s *Suggestion) applyFeedback(date Date) string {
	s.VoterFeedback = date
	return "已向选民" + s.VoterName + "反馈办理情况"
}

// applyClose closes a voter's item (办结 by the clerk) and returns the timeline detail, which is empty.
func (s *Suggestion) applyClose(date Date) string {
	s.State, s.Closed = StateClosed, date
	return ""
}
