package store

// The suggestion figures by name: the keys a count is made of (FigureKey), the rates built from them (RateDefs),
// SuggestionFigures holding both, and the slices (FigureSlice, FigureCell, Breakdown, UnitFigures) that Figures
// splits them into. How each key is counted is in figures_suggestions.go.

// FigureKey names a count of suggestions that a figure, a numerator or a denominator is made of.
// FigureItems lists the items behind any of them.
type FigureKey string

// The countable suggestion figures.
const (
	FigReceived         FigureKey = "received"          // 收到件数
	FigAssigned         FigureKey = "assigned"          // 交办本级承办单位
	FigForwarded        FigureKey = "forwarded"         // 转交上级
	FigHanded           FigureKey = "handed"            // 已交办(含转交上级): the denominator of 答复率, 办结率
	FigPending          FigureKey = "pending"           // 待交办
	FigTerminated       FigureKey = "terminated"        // 不予立案或撤回
	FigReplied          FigureKey = "replied"           // 已答复
	FigUnanswered       FigureKey = "unanswered"        // 未答复
	FigClosed           FigureKey = "closed"            // 已办结
	FigDue              FigureKey = "due"               // 应按期答复: deadline passed or replied
	FigOnTime           FigureKey = "on_time"           // 按期答复
	FigSolved           FigureKey = "solved"            // 已解决 (A)
	FigSolving          FigureKey = "solving"           // 正在解决 (B)
	FigPlanned          FigureKey = "planned"           // 列入计划解决 (C)
	FigReference        FigureKey = "reference"         // 留作参考 (D)
	FigInPerson         FigureKey = "in_person"         // 见面答复
	FigEvaluated        FigureKey = "evaluated"         // 已评价
	FigSatisfied        FigureKey = "satisfied"         // 满意 (+基本满意 by the setting) at the latest evaluation
	FigFirstSatisfied   FigureKey = "first_satisfied"   // the same at the first evaluation
	FigGradeSatisfied   FigureKey = "grade_satisfied"   // latest evaluation 满意
	FigGradeBasic       FigureKey = "grade_basic"       // latest evaluation 基本满意
	FigGradeUnsatisfied FigureKey = "grade_unsatisfied" // latest evaluation 不满意
)

// FigureKeys lists every countable suggestion figure, in the order the 报表 tab explains them.
var FigureKeys = []FigureKey{FigReceived, FigAssigned, FigForwarded, FigHanded, FigPending, FigTerminated,
	FigReplied, FigUnanswered, FigClosed, FigDue, FigOnTime, FigSolved, FigSolving, FigPlanned, FigReference,
	FigInPerson, FigEvaluated, FigSatisfied, FigFirstSatisfied, FigGradeSatisfied, FigGradeBasic, FigGradeUnsatisfied}

var figureLabels = map[FigureKey]string{
	FigReceived: "收到件数", FigAssigned: "交办本级承办单位", FigForwarded: "转交上级", FigHanded: "已交办(含转交上级)",
	FigPending: "待交办", FigTerminated: "不予立案或撤回", FigReplied: "已答复", FigUnanswered: "未答复",
	FigClosed: "已办结", FigDue: "办理时限已到或已答复", FigOnTime: "按期答复", FigSolved: OutcomeSolved,
	FigSolving: OutcomeSolving, FigPlanned: OutcomePlanned, FigReference: OutcomeReference, FigInPerson: "见面答复",
	FigEvaluated: "已评价", FigSatisfied: "满意", FigFirstSatisfied: "初次评价满意", FigGradeSatisfied: GradeSatisfied,
	FigGradeBasic: GradeBasicSatisfied, FigGradeUnsatisfied: GradeUnsatisfied,
}

// Label is the key's name in the clerk's words.
func (k FigureKey) Label() string { return figureLabels[k] }

// RateDef defines a rate of SPEC §5 by its numerator and denominator.
type RateDef struct {
	Name       string // 解决率
	Num, Den   FigureKey
	Definition string // how it is counted, for the 报表 tab
}

// RateDefs lists the rates of SuggestionFigures, in report order. SuggestionFigures.RateOf computes one.
var RateDefs = []RateDef{
	{"答复率", FigReplied, FigHanded, "截至统计日已答复的件数 ÷ 已交办件数(含转交上级)"},
	{"办结率", FigClosed, FigHanded, "截至统计日已办结的件数 ÷ 已交办件数(含转交上级)"},
	{"按期办结率", FigOnTime, FigDue, "首次答复不晚于办理时限(含延期)的件数 ÷ 交办本级单位且时限已到或已答复的件数"},
	{"解决率", FigSolved, FigReceived, "截至统计日办理结果为已解决的件数 ÷ 收到件数"},
	{"正在解决占比", FigSolving, FigReceived, "办理结果为正在解决的件数 ÷ 收到件数"},
	{"列入计划解决占比", FigPlanned, FigReceived, "办理结果为列入计划解决的件数 ÷ 收到件数"},
	{"留作参考占比", FigReference, FigReceived, "办理结果为留作参考的件数 ÷ 收到件数"},
	{"未答复占比", FigUnanswered, FigReceived, "截至统计日尚未答复的件数 ÷ 收到件数"},
	{"办理或答复率", FigReplied, FigReceived, "截至统计日已答复的件数 ÷ 收到件数"},
	{"见面率", FigInPerson, FigReplied, "有见面答复的件数 ÷ 已答复件数"},
	{"满意率", FigSatisfied, FigEvaluated, "最近一次评价满意(按设置含基本满意)的件数 ÷ 已评价件数"},
	{"初次满意率", FigFirstSatisfied, FigEvaluated, "首次评价满意(按设置含基本满意)的件数 ÷ 已评价件数"},
}

// SuggestionFigures are the counts and rates of a set of suggestions as of the report date.
type SuggestionFigures struct {
	Received   int // received in the window
	Assigned   int // assigned (交办) to a town unit by AsOf
	Forwarded  int // forwarded to the upper level (转交上级) by AsOf
	Handed     int // Assigned + Forwarded: 已交办, the denominator of 答复率 and 办结率
	Pending    int // neither handed nor terminated by AsOf (待交办)
	Terminated int // 不予立案 or 撤回 by AsOf
	Replied    int // at least one reply by AsOf
	Unanswered int // Received − Replied (未答复)
	Closed     int // 已办结 by AsOf
	Due        int // assigned, and the round-1 deadline passed or replied by AsOf
	OnTime     int // first reply on or before the round-1 deadline (after extensions)
	Solved     int // outcome as of AsOf: 已解决 (A)
	Solving    int // 正在解决 (B)
	Planned    int // 列入计划解决 (C)
	Reference  int // 留作参考 (D)
	InPerson   int // some reply by AsOf was made 见面
	Evaluated  int // evaluated by AsOf
	// Satisfied: the latest evaluation by AsOf is 满意 (or 基本满意 when the settings count it).
	Satisfied        int
	FirstSatisfied   int // the first evaluation is satisfied, by the same rule
	GradeSatisfied   int // the latest evaluation is 满意
	GradeBasic       int // … 基本满意
	GradeUnsatisfied int // … 不满意

	ReplyRate             Rate // 答复率 = Replied / Handed
	CloseRate             Rate // 办结率 = Closed / Handed
	OnTimeRate            Rate // 按期办结率 = OnTime / Due
	SolveRate             Rate // 解决率 = Solved / Received
	SolvingShare          Rate // Solving / Received
	PlannedShare          Rate // 列入计划解决占比 = Planned / Received
	ReferenceShare        Rate // 留作参考占比 = Reference / Received
	UnansweredShare       Rate // Unanswered / Received
	AnsweredShare         Rate // 办理或答复率 = Replied / Received (T3, 「全部得到办理或答复」)
	InPersonRate          Rate // 见面率 = InPerson / Replied
	SatisfactionRate      Rate // 满意率 = Satisfied / Evaluated
	FirstSatisfactionRate Rate // 初次满意率 = FirstSatisfied / Evaluated
}

// field points at the count of a key (nil for an unknown key).
func (c *SuggestionFigures) field(k FigureKey) *int {
	switch k {
	case FigReceived:
		return &c.Received
	case FigAssigned:
		return &c.Assigned
	case FigForwarded:
		return &c.Forwarded
	case FigHanded:
		return &c.Handed
	case FigPending:
		return &c.Pending
	case FigTerminated:
		return &c.Terminated
	case FigReplied:
		return &c.Replied
	case FigUnanswered:
		return &c.Unanswered
	case FigClosed:
		return &c.Closed
	case FigDue:
		return &c.Due
	case FigOnTime:
		return &c.OnTime
	case FigSolved:
		return &c.Solved
	case FigSolving:
		return &c.Solving
	case FigPlanned:
		return &c.Planned
	case FigReference:
		return &c.Reference
	case FigInPerson:
		return &c.InPerson
	case FigEvaluated:
		return &c.Evaluated
	case FigSatisfied:
		return &c.Satisfied
	case FigFirstSatisfied:
		return &c.FirstSatisfied
	case FigGradeSatisfied:
		return &c.GradeSatisfied
	case FigGradeBasic:
		return &c.GradeBasic
	case FigGradeUnsatisfied:
		return &c.GradeUnsatisfied
	}
	return nil
}

// Count returns the count of a key (0 for an unknown key).
func (c SuggestionFigures) Count(k FigureKey) int {
	if p := c.field(k); p != nil {
		return *p
	}
	return 0
}

// RateOf computes a rate from its definition.
func (c SuggestionFigures) RateOf(d RateDef) Rate { return Rate{c.Count(d.Num), c.Count(d.Den)} }

// add adds the counts of o (the rates are recomputed by finish).
func (c *SuggestionFigures) add(o SuggestionFigures) {
	for _, k := range FigureKeys {
		*c.field(k) += o.Count(k)
	}
}

// finish computes the rates from the counts.
func (c *SuggestionFigures) finish() {
	c.ReplyRate = Rate{c.Replied, c.Handed}
	c.CloseRate = Rate{c.Closed, c.Handed}
	c.OnTimeRate = Rate{c.OnTime, c.Due}
	c.SolveRate = Rate{c.Solved, c.Received}
	c.SolvingShare = Rate{c.Solving, c.Received}
	c.PlannedShare = Rate{c.Planned, c.Received}
	c.ReferenceShare = Rate{c.Reference, c.Received}
	c.UnansweredShare = Rate{c.Unanswered, c.Received}
	c.AnsweredShare = Rate{c.Replied, c.Received}
	c.InPersonRate = Rate{c.InPerson, c.Replied}
	c.SatisfactionRate = Rate{c.Satisfied, c.Evaluated}
	c.FirstSatisfactionRate = Rate{c.FirstSatisfied, c.Evaluated}
}

// FigureSlice selects part of the period's suggestions; zero fields do not filter.
type FigureSlice struct {
	Period   string // 人代会期间 / 闭会期间
	Kind     string // 议案 / 建议、批评和意见 / 选民意见建议
	Category string
	Source   string
	Scope    string // 涉及层面
	UnitID   int64  // main unit (主办), among the items assigned by AsOf
}

// FigureCell is the figures of the suggestions that share a period, kind, category, source and scope:
// the finest grain Figures keeps, from which Sum adds up any other split.
type FigureCell struct {
	Period, Kind, Category, Source, Scope string
	SuggestionFigures
}

func (c FigureCell) in(s FigureSlice) bool {
	return (s.Period == "" || s.Period == c.Period) && (s.Kind == "" || s.Kind == c.Kind) &&
		(s.Category == "" || s.Category == c.Category) && (s.Source == "" || s.Source == c.Source) &&
		(s.Scope == "" || s.Scope == c.Scope)
}

// Breakdown is one row of a split (a category, a source …) with its figures overall and per period.
type Breakdown struct {
	Name    string
	All     SuggestionFigures
	Session SuggestionFigures // 人代会期间
	Recess  SuggestionFigures // 闭会期间
}

// UnitFigures is one handling unit's figures over the items assigned to it as main unit (T5).
type UnitFigures struct {
	UnitID int64
	Name   string
	Kind   string
	SuggestionFigures
}

// MeasureWord is the measure word a kind of suggestion is counted in, in the report text, T1 and the 报表 tab
// alike (domain.md §8 note 4, seed 000): 条 for voters' opinions (选民意见建议), 件 for the deputies' motions
// and suggestions.
func MeasureWord(kind string) string {
	if kind == KindVoter {
		return "条"
	}
	return "件"
}
