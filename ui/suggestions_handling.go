package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// handlingOf shows how an item has been handled: where it stands, the steps taken, and the full text of the
// replies, evaluations and follow-ups.
func (t *suggestionsTab) handlingOf(x store.Suggestion) fyne.CanvasObject {
	db, ctx := t.d.db, t.d.ctx
	steps, err := db.Timeline(ctx, x.ID)
	if err != nil {
		return widget.NewLabel(store.ErrorMessage(err))
	}
	h, err := db.Handling(ctx, x.ID)
	if err != nil {
		return widget.NewLabel(store.ErrorMessage(err))
	}
	box := container.NewVBox()
	add := func(o fyne.CanvasObject) { box.Add(o) }
	for i, line := range suggestionSummary(x, h, t.today(), t.rules, t.unitName) {
		l := suggestionText(line)
		if i == 0 {
			l.TextStyle.Bold = true
			switch {
			case x.Overdue(t.today()):
				l.Importance = widget.DangerImportance
			case x.DueWithin(t.today(), suggestionDueSoonDays):
				l.Importance = widget.WarningImportance
			}
		}
		add(l)
	}
	if x.AssignLate(t.rules, t.today()) {
		l := suggestionText(fmt.Sprintf("闭会期间收到的建议应在%d个工作日内(%s前)交办，已超时未交办",
			t.rules.Settings.AssignWorkdays, t.rules.AssignDue(x.Received).Chinese()))
		l.Importance = widget.DangerImportance
		add(l)
	}

	add(widget.NewSeparator())
	add(boldLabel("办理经过"))
	if len(steps) == 0 {
		add(suggestionText("(暂无记录)"))
	}
	for _, st := range steps {
		add(suggestionText(suggestionStepLine(st)))
	}

	if len(h.Replies) > 0 {
		add(widget.NewSeparator())
		add(boldLabel("答复内容"))
		for _, r := range h.Replies {
			head := fmt.Sprintf("第%d轮答复　%s", r.Round, r.Date.Chinese())
			if r.FromUpper {
				head += "　上级答复"
			}
			for _, v := range []string{r.Method, r.Outcome} {
				if v != "" {
					head += "　" + v
				}
			}
			add(boldLabel(head))
			if strings.TrimSpace(r.Content) != "" {
				add(suggestionText(r.Content))
			}
		}
	}
	if len(h.Evaluations) > 0 {
		add(widget.NewSeparator())
		add(boldLabel("代表评价"))
		for _, e := range h.Evaluations {
			line := fmt.Sprintf("第%d轮　%s　%s", e.Round, e.Date.Chinese(), e.Grade)
			if e.Comment != "" {
				line += "：" + e.Comment
			}
			add(suggestionText(line))
		}
	}
	if len(h.FollowUps) > 0 {
		add(widget.NewSeparator())
		add(boldLabel("跟踪办理"))
		for _, f := range h.FollowUps {
			line := f.Date.Chinese()
			if f.Outcome != "" {
				line += "　" + f.Outcome
			}
			if f.Note != "" {
				line += "：" + f.Note
			}
			add(suggestionText(line))
		}
	}
	return container.NewVScroll(container.NewPadded(box))
}

// unitName names a handling unit by id.
func (t *suggestionsTab) unitName(id int64) string {
	for _, u := range t.units {
		if u.ID == id {
			return u.Name
		}
	}
	return ""
}

// suggestionSummary is where an item stands: state and round, units, deadline, outcome and evaluation.
func suggestionSummary(x store.Suggestion, h store.Handling, today store.Date, r store.Rules, unitName func(int64) string) []string {
	state := "当前状态：" + x.State
	if x.Round > 1 {
		state += fmt.Sprintf("(第%d轮办理)", x.Round)
	}
	switch {
	case x.Overdue(today):
		state += fmt.Sprintf("，已逾期%d天", int(today.Time().Sub(x.Deadline.Time()).Hours()/24))
	case x.DueWithin(today, suggestionDueSoonDays):
		state += fmt.Sprintf("，%d天内到期", int(x.Deadline.Time().Sub(today.Time()).Hours()/24))
	}
	lines := []string{state}
	if x.MainUnitName != "" {
		u := "主办单位：" + x.MainUnitName
		var assist []string
		for _, id := range x.AssistUnitIDs {
			if n := unitName(id); n != "" {
				assist = append(assist, n)
			}
		}
		if len(assist) > 0 {
			u += "；协办单位：" + strings.Join(assist, "、")
		}
		lines = append(lines, u)
	}
	if x.ForwardTo != "" {
		lines = append(lines, fmt.Sprintf("转交：%s(%s)", x.ForwardTo, x.Forwarded.Chinese()))
	}
	if x.Deadline != "" {
		// How it came about, in the store's words: 办理时限：2025年2月28日(交办之日起3个月，顺延至工作日).
		d := "办理时限：" + x.Deadline.Chinese() + "(" + r.DeadlineBasis(x, h) + ")"
		if x.ExtensionReason != "" {
			d += "；延期理由：" + x.ExtensionReason
		}
		lines = append(lines, d)
	}
	if x.Outcome != "" {
		lines = append(lines, "办理结果："+x.Outcome)
	}
	if x.Evaluation != "" {
		e := "代表评价：" + x.Evaluation
		if x.Evaluated != "" {
			e += "(" + x.Evaluated.Chinese() + ")"
		}
		if x.FirstEvaluation != "" && x.FirstEvaluation != x.Evaluation {
			e += "，初次评价" + x.FirstEvaluation
		}
		lines = append(lines, e)
	}
	if x.VoterFeedback != "" {
		lines = append(lines, "反馈选民："+x.VoterFeedback.Chinese())
	}
	if x.Terminated != "" {
		lines = append(lines, fmt.Sprintf("%s：%s(%s)", x.TerminationKind, x.TerminationReason, x.Terminated.Chinese()))
	}
	return lines
}

// suggestionStepLine renders a timeline step: 2024年3月5日 交办 主办单位: …
func suggestionStepLine(st store.Step) string {
	line := st.Date.Chinese() + " " + st.Step
	if st.Round > 1 {
		line += fmt.Sprintf("(第%d轮)", st.Round)
	}
	if st.Detail != "" {
		line += " " + strings.ReplaceAll(st.Detail, "\n", "；")
	}
	return line
}

func suggestionText(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}
