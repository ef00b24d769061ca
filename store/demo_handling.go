package store

// The generated suggestions' handling: each item taken through the workflow, step by step, with the rules of
// workflow.go.

import (
	"fmt"
	"slices"
	"strings"
)

// legal checks a step the way the workflow methods do: NextSteps must offer it, the date must not be after
// Today nor before the dates it follows. A failure is a bug of the generator, reported by GenerateDemo.
func (g *demoGen) legal(it *demoItem, step string, date Date, notBefore ...Date) bool {
	if g.err != nil {
		return false
	}
	s := Suggestion{Number: it.number, State: it.state, Scope: it.scope, Deadline: it.deadline, Assigned: it.assigned,
		LeadDeputyID: it.lead, Outcome: it.outcome, Kind: it.kind, VoterFeedback: it.voterFeedback}
	switch {
	case !slices.Contains(s.NextSteps(g.rules), step):
		g.err = stepRefused(s, step, whyNot(s, step))
	case date == "" || date > g.today:
		g.err = fmt.Errorf("%s: %s日期%s晚于今天", it.number, step, date)
	default:
		for _, nb := range notBefore {
			if nb != "" && date < nb {
				g.err = fmt.Errorf("%s: %s日期%s早于%s", it.number, step, date, nb)
			}
		}
	}
	return g.err == nil
}

func (g *demoGen) unitName(id int64) string { return g.units[id-1].name }

func (g *demoGen) assign(it *demoItem, date Date, main int64, assist []int64) {
	if !g.legal(it, StepAssign, date, it.received) {
		return
	}
	deadline := g.rules.AssignDeadline(date)
	if max := g.rules.MaxExtension(date); deadline > max {
		deadline = max
	}
	from, round := it.state, it.round
	it.state, it.mainUnit, it.assist, it.assigned, it.deadline, it.firstDl = StateHandling, main, assist, date, deadline, deadline
	detail := "主办单位: " + g.unitName(main)
	if len(assist) > 0 {
		var names []string
		for _, u := range assist {
			names = append(names, g.unitName(u))
		}
		detail += "；协办单位: " + strings.Join(names, "、")
	}
	it.addStep(StepAssign, date, round, detail+"；办理时限: "+deadline.Chinese(), from, it.state, true)
}

func (g *demoGen) forward(it *demoItem, to string, date Date) {
	if !g.legal(it, StepForward, date, it.received) {
		return
	}
	from, round := it.state, it.round
	it.state, it.forwardTo, it.forwarded = StateForwarded, to, date
	it.addStep(StepForward, date, round, "转交: "+to, from, it.state, true)
}

func (g *demoGen) terminate(it *demoItem, kind, reason string, date Date) {
	if !g.legal(it, kind, date, it.received) {
		return
	}
	from, round := it.state, it.round
	it.state, it.terminated, it.terminationKind, it.terminationRs = StateTerminated, date, kind, reason
	it.addStep(kind, date, round, "理由: "+reason, from, it.state, true)
}

func (g *demoGen) reply(it *demoItem, date Date, method, outcome string) {
	fromUpper := it.state == StateForwarded
	ok := false
	if fromUpper {
		ok = g.legal(it, StepReply, date, it.forwarded)
	} else {
		ok = g.legal(it, StepReply, date, it.assigned, it.evaluated)
	}
	if !ok {
		return
	}
	texts := demoReplyTexts[outcome]
	content := texts[g.r.IntN(len(texts))]
	from, round := it.state, it.round
	it.replies = append(it.replies, demoReply{round: round, date: date, method: method, content: content, outcome: outcome, fromUpper: fromUpper})
	it.state = StateReplied
	if it.firstReply == "" {
		it.firstReply = date
	}
	it.lastReply, it.replyMethod, it.outcome = date, method, outcome
	detail := fmt.Sprintf("%s答复，办理结果: %s", method, outcome)
	if fromUpper {
		detail = "上级" + detail
	}
	if !fromUpper && it.deadline != "" && date > it.deadline {
		detail += fmt.Sprintf("(超过办理时限%d天)", int(date.Time().Sub(it.deadline.Time()).Hours()/24))
	}
	it.addStep(StepReply, date, round, detail, from, it.state, true)
}

func (g *demoGen) evaluate(it *demoItem, date Date, grade, comment string) {
	if !g.legal(it, StepEvaluate, date, it.lastReply) {
		return
	}
	from, round := it.state, it.round
	it.evals = append(it.evals, demoEval{round: round, date: date, grade: grade, comment: comment})
	it.evaluation, it.evaluated = grade, date
	if it.firstEvaluation == "" {
		it.firstEvaluation = grade
	}
	detail := "评价: " + grade
	if comment != "" {
		detail += "；意见: " + comment
	}
	if grade != GradeUnsatisfied {
		it.state, it.closed = StateClosed, date
		it.addStep(StepEvaluate, date, round, detail, from, it.state, true)
		return
	}
	it.addStep(StepEvaluate, date, round, detail, from, it.state, true)
	deadline := g.rules.RehandleDeadline(date)
	it.round++
	it.state, it.deadline = StateHandling, deadline
	it.addStep(StepRehandle, date, it.round, fmt.Sprintf("第%d轮办理；办理时限: %s", it.round, deadline.Chinese()), StateReplied, StateHandling, true)
}

func (g *demoGen) extend(it *demoItem, date, deadline Date, reason string) {
	if !g.legal(it, StepExtend, date, it.assigned) {
		return
	}
	if deadline <= it.deadline || deadline > g.rules.MaxExtension(it.assigned) {
		g.err = fmt.Errorf("%s: 延期后的办理时限%s不合规", it.number, deadline)
		return
	}
	from, round := it.state, it.round
	detail := fmt.Sprintf("办理时限: %s → %s；理由: %s", it.deadline.Chinese(), deadline.Chinese(), reason)
	if it.round == 1 {
		it.firstDl = deadline
	}
	it.deadline, it.extensionReason = deadline, reason
	it.addStep(StepExtend, date, round, detail, from, it.state, true)
}

func (g *demoGen) followUp(it *demoItem, date Date, note, outcome string) {
	if !g.legal(it, StepFollowUp, date, it.lastReply) {
		return
	}
	if outcome != "" && slices.Index(Outcomes, outcome) >= slices.Index(Outcomes, it.outcome) {
		g.err = fmt.Errorf("%s: 跟踪办理结果%s并不比%s更进一步", it.number, outcome, it.outcome)
		return
	}
	it.follows = append(it.follows, demoFollow{date: date, note: note, outcome: outcome})
	detail := note
	if outcome != "" {
		detail = fmt.Sprintf("办理结果: %s → %s；%s", it.outcome, outcome, note)
		it.outcome = outcome
	}
	it.addStep(StepFollowUp, date, it.round, detail, it.state, it.state, outcome != "")
}

func (g *demoGen) feedback(it *demoItem, date Date) {
	if !g.legal(it, StepFeedback, date, it.lastReply) {
		return
	}
	it.voterFeedback = date
	it.addStep(StepFeedback, date, it.round, "已向选民"+it.voterName+"反馈办理情况", it.state, it.state, true)
}

func (g *demoGen) closeVoter(it *demoItem, date Date) {
	if !g.legal(it, StepClose, date, it.voterFeedback) {
		return
	}
	from := it.state
	it.state, it.closed = StateClosed, date
	it.addStep(StepClose, date, it.round, "", from, it.state, true)
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
	case it.scope == LevelVillage && g.chance(0.45):
		main = g.villageCom[it.village]
	case (it.scope == LevelCounty || it.scope == LevelCity) && g.chance(0.5):
		var upper []*demoUnit
		for _, u := range g.units {
			if u.kind == "上级部门" {
				upper = append(upper, u)
			}
		}
		main = upper[g.r.IntN(len(upper))]
	}
	cands := demoCategoryUnits[it.category]
	if main == nil {
		main = g.unitByName[cands[g.r.IntN(len(cands))]]
	}
	var assist []int64
	k := g.weighted(55, 35, 10)
	for tries := 0; len(assist) < k && tries < 20; tries++ {
		var u *demoUnit
		switch {
		case it.scope == LevelVillage && tries == 0:
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
	it.state, it.round = StatePending, 1
	it.createdAt = demoStamp(it.received, 0)
	it.addStep(StepRegister, it.received, 1, it.source, "", StatePending, true)
	cal := g.rules.Calendar
	high := it.scope == LevelCity || it.scope == LevelCounty
	switch {
	case g.chance(0.025):
		day := cal.AddWorkdays(it.received, g.between(1, 8))
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
		day := cal.AddWorkdays(it.received, g.between(1, 10))
		if day > g.today {
			return
		}
		g.forward(it, g.pick(demoForwardTargets[it.scope]), day)
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
	if it.period == PeriodSession {
		if ad = it.assignOn; ad == "" {
			return // the 交办会 has not been held yet
		}
	} else {
		k := []int{g.between(1, 5), g.between(6, 10), g.between(11, 25)}[g.weighted(80, 15, 5)]
		ad = cal.AddWorkdays(it.received, k)
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
		if ed > it.deadline {
			ed = it.deadline
		}
		nd := g.workday(it.deadline.AddMonths(g.between(1, 3)))
		if max := g.rules.MaxExtension(ad); nd > max {
			nd = max
		}
		if ed <= g.today && nd > it.deadline {
			g.extend(it, ed, nd, g.pick(demoExtensionReasons))
			from = ed
		}
	}
	rd := g.replyDay(from, it.deadline, 0.08)
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
		last := it.lastReply
		if it.kind == KindVoter && (it.lead == 0 || g.chance(0.7)) {
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
		if it.lead == 0 || g.chance(0.03) {
			g.followUps(it, last)
			return
		}
		ed := g.workday(demoAdd(last, g.between(3, 30)))
		if ed > g.today {
			g.followUps(it, last)
			return
		}
		grade := Grades[g.weighted(72, 22, 6)]
		if grade == GradeUnsatisfied && (it.forwarded != "" || it.round >= 3) {
			// A forwarded item sent back to 办理中 would have no unit to handle it; see the report.
			grade = GradeBasicSatisfied
		}
		cs := demoEvalComments[grade]
		g.evaluate(it, ed, grade, cs[g.r.IntN(len(cs))])
		if grade != GradeUnsatisfied {
			end := ed
			if it.kind == KindVoter && g.chance(0.5) {
				if fd := g.workday(demoAdd(ed, g.between(1, 10))); fd <= g.today {
					g.feedback(it, fd)
					end = fd
				}
			}
			g.followUps(it, end)
			return
		}
		rd := g.replyDay(ed, it.deadline, 0.1)
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
	for n := 0; n < 3 && (it.outcome == OutcomeSolving || it.outcome == OutcomePlanned) && g.err == nil; n++ {
		d := g.workday(demoAdd(after, g.between(25, 100)))
		if d > g.today {
			return
		}
		var better string
		u := g.r.Float64()
		switch {
		case it.outcome == OutcomePlanned && u < 0.16:
			better = OutcomeSolved
		case it.outcome == OutcomePlanned && u < 0.3:
			better = OutcomeSolving
		case it.outcome == OutcomeSolving && u < 0.45:
			better = OutcomeSolved
		}
		g.followUp(it, d, g.pick(demoFollowNotes[better]), better)
		after = d
	}
}
