package store

// The generated suggestions' handling: each item taken through the workflow, step by step, with the rules of
// workflow.go and the step functions of steps.go.

import (
	"fmt"
	"slices"
)

// legal checks a step the way the workflow methods do: NextSteps must offer it, the date must not be after
// Today nor before the dates it follows. A failure is a bug of the generator, reported by GenerateDemo.
func (g *demoGen) legal(it *demoItem, step string, date Date, notBefore ...Date) bool {
	if g.err != nil {
		return false
	}
	switch {
	case !slices.Contains(it.s.NextSteps(g.rules), step):
		g.err = stepRefused(it.s, step, whyNot(it.s, step))
	case date == "" || date > g.today:
		g.err = fmt.Errorf("%s: %s日期%s晚于今天", it.s.Number, step, date)
	default:
		for _, nb := range notBefore {
			if nb != "" && date < nb {
				g.err = fmt.Errorf("%s: %s日期%s早于%s", it.s.Number, step, date, nb)
			}
		}
	}
	return g.err == nil
}

// take records a legal step the way tx.transition does: apply changes it.s as the workflow method would (with
// the functions of steps.go) and gives the detail; the entry has the round and state before the step and the
// state after it. touch: the step changes the item's row, as every step but a follow-up without a new outcome.
func (it *demoItem) take(step string, date Date, touch bool, apply func(s *Suggestion) string) {
	from, round := it.s.State, it.s.Round
	detail := apply(&it.s)
	it.addStep(Step{Step: step, Date: date, Round: round, Detail: detail, FromState: from, ToState: it.s.State}, touch)
}

func (g *demoGen) unitName(id int64) string { return g.units[id-1].name }

func (g *demoGen) assign(it *demoItem, date Date, main int64, assist []int64) {
	if !g.legal(it, StepAssign, date, it.s.Received) {
		return
	}
	in := AssignInput{MainUnitID: main, AssistUnitIDs: assist, Date: date}
	deadline := g.rules.assignDeadline(in)
	if deadline > g.rules.MaxExtension(date) { // Assign refuses it
		g.err = fmt.Errorf("%s: 办理时限%s超过延期上限", it.s.Number, deadline)
		return
	}
	names := []string{g.unitName(main)}
	for _, u := range assist {
		names = append(names, g.unitName(u))
	}
	it.take(StepAssign, date, true, func(s *Suggestion) string { return s.applyAssign(in, deadline, names) })
}

func (g *demoGen) forward(it *demoItem, to string, date Date) {
	if !g.legal(it, StepForward, date, it.s.Received) {
		return
	}
	it.take(StepForward, date, true, func(s *Suggestion) string { return s.applyForward(to, date) })
}

func (g *demoGen) terminate(it *demoItem, kind, reason string, date Date) {
	if !g.legal(it, kind, date, it.s.Received) {
		return
	}
	it.take(kind, date, true, func(s *Suggestion) string { return s.applyTerminate(kind, reason, date) })
}

func (g *demoGen) reply(it *demoItem, date Date, method, outcome string) {
	fromUpper := it.s.State == StateForwarded
	ok := false
	if fromUpper {
		ok = g.legal(it, StepReply, date, it.s.Forwarded)
	} else {
		ok = g.legal(it, StepReply, date, it.s.Assigned, it.s.Evaluated)
	}
	if !ok {
		return
	}
	texts := demoReplyTexts[outcome]
	in := ReplyInput{Date: date, Method: method, Content: texts[g.r.IntN(len(texts))], Outcome: outcome}
	it.take(StepReply, date, true, func(s *Suggestion) string {
		rec, detail := s.applyReply(in)
		it.replies = append(it.replies, rec)
		return detail
	})
}

func (g *demoGen) evaluate(it *demoItem, date Date, grade, comment string) {
	if !g.legal(it, StepEvaluate, date, it.s.LastReply) {
		return
	}
	in := EvaluateInput{Date: date, Grade: grade, Comment: comment}
	it.take(StepEvaluate, date, true, func(s *Suggestion) string {
		rec, detail := s.applyEvaluate(in)
		it.evals = append(it.evals, rec)
		return detail
	})
	if it.s.State == StateClosed {
		return
	}
	// 不满意: the second step of the same save opens the next round, whose entry has the new round.
	from := it.s.State
	detail := it.s.applyRehandle(g.rules.rehandleDeadline(in))
	it.addStep(Step{Step: StepRehandle, Date: date, Round: it.s.Round, Detail: detail, FromState: from, ToState: it.s.State}, true)
}

func (g *demoGen) extend(it *demoItem, date, deadline Date, reason string) {
	if !g.legal(it, StepExtend, date, it.s.Assigned) {
		return
	}
	if deadline <= it.s.Deadline || deadline > g.rules.MaxExtension(it.s.Assigned) {
		g.err = fmt.Errorf("%s: 延期后的办理时限%s不合规", it.s.Number, deadline)
		return
	}
	it.take(StepExtend, date, true, func(s *Suggestion) string { return s.applyExtend(deadline, reason, date) })
}

func (g *demoGen) followUp(it *demoItem, date Date, note, outcome string) {
	if !g.legal(it, StepFollowUp, date, it.s.LastReply) {
		return
	}
	if outcome != "" && !slices.Contains(it.s.FollowUpOutcomes(), outcome) {
		g.err = fmt.Errorf("%s: 跟踪办理结果%s并不比%s更进一步", it.s.Number, outcome, it.s.Outcome)
		return
	}
	in := FollowUpInput{Date: date, Note: note, Outcome: outcome}
	it.take(StepFollowUp, date, outcome != "", func(s *Suggestion) string {
		rec, detail := s.applyFollowUp(in)
		it.follows = append(it.follows, rec)
		return detail
	})
}

func (g *demoGen) feedback(it *demoItem, date Date) {
	if !g.legal(it, StepFeedback, date, it.s.LastReply) {
		return
	}
	it.take(StepFeedback, date, true, func(s *Suggestion) string { return s.applyFeedback(date) })
}

func (g *demoGen) closeVoter(it *demoItem, date Date) {
	if !g.legal(it, StepClose, date, it.s.VoterFeedback) {
		return
	}
	it.take(StepClose, date, true, func(s *Suggestion) string { return s.applyClose(date) })
}

func (g *demoGen) method() string {
	return ReplyMethods[g.weighted(55, 35, 10)]
}

// replyDay is when the unit answers: mostly before the deadline, now and then late.
func (g *demoGen) replyDay(from, deadline Date, late float64) Date {
	if g.chance(late) {
		return g.workday(demoAdd(deadline, g.between(1, 30)))
	}
	span := demoDayNum(deadline) - demoDayNum(from)
	d := g.workday(demoAdd(from, g.between(min(10, span/2), max(1, span-1))))
	if d > deadline && deadline >= from {
		d = deadline
	}
	return d
}

// unitsFor picks the main unit and 0–2 assisting units for an item.
func (g *demoGen) unitsFor(it *demoItem) (int64, []int64) {
	var main *demoUnit
	switch {
	case it.s.Scope == LevelVillage && g.chance(0.45):
		main = g.villageCom[it.village]
	case (it.s.Scope == LevelCounty || it.s.Scope == LevelCity) && g.chance(0.5):
		var upper []*demoUnit
		for _, u := range g.units {
			if u.kind == "上级部门" {
				upper = append(upper, u)
			}
		}
		main = upper[g.r.IntN(len(upper))]
	}
	cands := demoCategoryUnits[it.s.Category]
	if main == nil {
		main = g.unitByName[cands[g.r.IntN(len(cands))]]
	}
	var assist []int64
	k := g.weighted(55, 35, 10)
	for tries := 0; len(assist) < k && tries < 20; tries++ {
		var u *demoUnit
		switch {
		case it.s.Scope == LevelVillage && tries == 0:
			u = g.villageCom[it.village]
		case g.chance(0.7):
			u = g.unitByName[cands[g.r.IntN(len(cands))]]
		default:
			u = g.units[g.r.IntN(len(g.units))]
		}
		if u.id == main.id || slices.Contains(assist, u.id) {
			continue
		}
		assist = append(assist, u.id)
	}
	slices.Sort(assist)
	return main.id, assist
}

// simulate takes an item from registration through the workflow as far as Today allows.
func (g *demoGen) simulate(it *demoItem) {
	it.s.CreatedAt = demoStamp(it.s.Received, 0)
	it.addStep(it.s.applyRegister(), true)
	cal := g.rules.Calendar
	high := it.s.Scope == LevelCity || it.s.Scope == LevelCounty
	switch {
	case g.chance(0.025):
		day := cal.AddWorkdays(it.s.Received, g.between(1, 8))
		if day > g.today {
			return
		}
		if g.chance(0.65) {
			g.terminate(it, TerminateRejected, g.pick(demoRejectReasons), day)
		} else {
			g.terminate(it, TerminateWithdrawn, g.pick(demoWithdrawReasons), day)
		}
		return
	case high && g.chance(0.5):
		day := cal.AddWorkdays(it.s.Received, g.between(1, 10))
		if day > g.today {
			return
		}
		g.forward(it, g.pick(demoForwardTargets[it.s.Scope]), day)
		if g.chance(0.12) {
			return // the upper level has not answered
		}
		rd := g.workday(demoAdd(day, g.between(20, 120)))
		if rd > g.today {
			return
		}
		g.reply(it, rd, g.method(), Outcomes[g.weighted(40, 8, 32, 20)])
		g.afterReply(it)
		return
	}
	var ad Date
	if it.s.Period == PeriodSession {
		if ad = it.assignOn; ad == "" {
			return // the 交办会 has not been held yet
		}
	} else {
		k := []int{g.between(1, 5), g.between(6, 10), g.between(11, 25)}[g.weighted(80, 15, 5)]
		ad = cal.AddWorkdays(it.s.Received, k)
	}
	if ad > g.today {
		return
	}
	main, assist := g.unitsFor(it)
	g.assign(it, ad, main, assist)
	if g.chance(0.04) && demoDayNum(g.today)-demoDayNum(ad) < 365 {
		return // the unit has not answered yet: overdue once the deadline passes
	}
	from := ad
	if g.chance(0.07) {
		ed := g.workday(demoAdd(ad, g.between(30, 75)))
		if ed > it.s.Deadline {
			ed = it.s.Deadline
		}
		nd := g.workday(it.s.Deadline.AddMonths(g.between(1, 3)))
		if max := g.rules.MaxExtension(ad); nd > max {
			nd = max
		}
		if ed <= g.today && nd > it.s.Deadline {
			g.extend(it, ed, nd, g.pick(demoExtensionReasons))
			from = ed
		}
	}
	rd := g.replyDay(from, it.s.Deadline, 0.08)
	if rd > g.today {
		return
	}
	g.reply(it, rd, g.method(), Outcomes[g.weighted(39, 4, 41, 16)])
	g.afterReply(it)
}

// afterReply: the lead deputy evaluates (不满意 starts another round), or the clerk feeds a voter's item back
// and closes it; answers 正在解决/列入计划解决 are followed up.
func (g *demoGen) afterReply(it *demoItem) {
	for g.err == nil {
		last := it.s.LastReply
		if it.s.Kind == KindVoter && (it.s.LeadDeputyID == 0 || g.chance(0.7)) {
			fd := g.workday(demoAdd(last, g.between(1, 14)))
			if fd > g.today {
				g.followUps(it, last)
				return
			}
			g.feedback(it, fd)
			end := fd
			if g.chance(0.93) {
				if cd := g.workday(demoAdd(fd, g.between(0, 7))); cd <= g.today {
					g.closeVoter(it, cd)
					end = cd
				}
			}
			g.followUps(it, end)
			return
		}
		if it.s.LeadDeputyID == 0 || g.chance(0.03) {
			g.followUps(it, last)
			return
		}
		ed := g.workday(demoAdd(last, g.between(3, 30)))
		if ed > g.today {
			g.followUps(it, last)
			return
		}
		grade := Grades[g.weighted(72, 22, 6)]
		if grade == GradeUnsatisfied && (it.s.Forwarded != "" || it.s.Round >= 3) {
			// A forwarded item sent back to 办理中 would have no unit to handle it; see the report.
			grade = GradeBasicSatisfied
		}
		cs := demoEvalComments[grade]
		g.evaluate(it, ed, grade, cs[g.r.IntN(len(cs))])
		if grade != GradeUnsatisfied {
			end := ed
			if it.s.Kind == KindVoter && g.chance(0.5) {
				if fd := g.workday(demoAdd(ed, g.between(1, 10))); fd <= g.today {
					g.feedback(it, fd)
					end = fd
				}
			}
			g.followUps(it, end)
			return
		}
		rd := g.replyDay(ed, it.s.Deadline, 0.1)
		if rd > g.today {
			return
		}
		g.reply(it, rd, g.method(), Outcomes[g.weighted(60, 10, 25, 5)])
	}
}

// followUps records progress on items answered 正在解决 or 列入计划解决, sometimes upgrading the outcome.
func (g *demoGen) followUps(it *demoItem, after Date) {
	if !g.chance(0.65) {
		return
	}
	for n := 0; n < 3 && (it.s.Outcome == OutcomeSolving || it.s.Outcome == OutcomePlanned) && g.err == nil; n++ {
		d := g.workday(demoAdd(after, g.between(25, 100)))
		if d > g.today {
			return
		}
		var better string
		u := g.r.Float64()
		switch {
		case it.s.Outcome == OutcomePlanned && u < 0.16:
			better = OutcomeSolved
		case it.s.Outcome == OutcomePlanned && u < 0.3:
			better = OutcomeSolving
		case it.s.Outcome == OutcomeSolving && u < 0.45:
			better = OutcomeSolved
		}
		g.followUp(it, d, g.pick(demoFollowNotes[better]), better)
		after = d
	}
}
