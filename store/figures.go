package store

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// The figures of SPEC §5: one computation for the 报表 tab, the workbook, the PDF and the report text.
// Figures returns plain data; every percentage is a Rate, printed by Rate.Percent, so that the same number
// reads the same everywhere.
//
// Definitions (the rulebook; each is also stated where it is computed):
//
//   - Window. A period [From, To] counts the suggestions received from From to To inclusive, as of a report
//     date AsOf (default: To, or today when To is in the future). Items received after AsOf are not counted
//     (on the report date they did not exist yet), so the effective window is [From, min(To, AsOf)]. Meetings,
//     receptions and report-backs use the same window on their own dates.
//   - As of AsOf. Every handling fact is taken from its date, not from the item's current state: 交办 from the
//     assigned date, 转交上级 from the forwarded date, 答复 from the reply dates, 办结 from the closed date
//     (closing is final in the workflow), the outcome and the evaluation from the dated replies, follow-ups
//     and evaluations. A report for last year made today therefore reads as it did on 31 December.
//   - 交办 (the denominator of 答复率 and 办结率) counts the items assigned to a town unit on or before AsOf
//     plus those forwarded to the upper level (转交上级) on or before AsOf. Both are handed over for handling
//     (「均已转交相关部门」); the upper level's reply is recorded as a reply, so leaving forwarded items out
//     would let 答复率 pass 100%. An item is never both (Forward and Assign each start from 待交办).
//     Assigned and Forwarded are also reported apart.
//   - 答复: at least one reply dated on or before AsOf (first_reply ≤ AsOf; replies are recorded in date order).
//   - 按期办结率: first reply on or before the round-1 deadline after any extension (first_deadline), over the
//     items assigned to a town unit whose deadline has passed as of AsOf (deadline < AsOf: the deadline day
//     itself still counts as in time) or that were replied by AsOf. Forwarded items have no town deadline
//     and are outside this rate. An extension moves first_deadline only when granted before the deadline
//     (workflow.go) and before the reply, so one granted after AsOf cannot change a figure as of AsOf.
//   - Outcome as of AsOf: the outcome of the latest reply or outcome-changing follow-up dated on or before
//     AsOf; on the same day a follow-up counts after the reply (a follow-up follows a reply). When nothing
//     after AsOf exists the item's current outcome column is used, which is the same value.
//     A (已解决) + B (正在解决) + C (列入计划解决) + D (留作参考) + 未答复 = received.
//   - 解决率 and the shares of B, C, D and 未答复 are over all received items (seed 000, domain.md §4.1 A1–A3).
//   - 见面率: items with any reply made 见面 on or before AsOf (in any round), over the replied items.
//     「见面沟通」 is about whether the unit met the deputy at all, not how it answered last.
//   - 满意率: the latest evaluation on or before AsOf is satisfied — 满意, plus 基本满意 when
//     Settings.SatisfiedBasic — over the items evaluated by AsOf. 初次满意率: the first evaluation is satisfied
//     by the same rule, over the same evaluated items.
//   - Per unit (ByUnit): items assigned to the unit as main unit (主办) by AsOf. store.UnitStats is the live
//     view of the same counts (as of today, every item the unit leads); the two agree when AsOf is today.
//   - Meetings: 次 counts meetings by kind started in the window. 审议专项工作报告 项: agenda items of kind
//     审议报告 with report 专项工作报告 at a 主席团会议 or 人民代表大会会议. 执法检查, 视察, 调研 项 count
//     topics, not site visits (domain.md §4.1 B3): distinct laws for 执法检查 (the title when no law is
//     named), distinct titles for 视察 and 调研.
//   - 决议 项 (作出决议、决定): resolutions of kind 决议 or 决定 that pass by the rule of quorum.go — more than
//     half of the meeting's roll voted for: the town deputies of its term holding a seat on its day (人代会),
//     or its presidium members (主席团会议); other meetings have no voting base, so nothing passes there.
//     The clerk's entered result is not trusted over the votes; ResolutionsEntered counts them all.
//   - Deputies: those holding a seat on AsOf by the roll of quorum.go — 在任, or vacated after AsOf — in the
//     term whose dates cover AsOf (deputies recorded without a term count too), so that the previous term's
//     deputies still marked 在任 drop out after 换届. A deputy holding several levels counts once in each
//     level and once in the total. Age is taken at AsOf.
//   - Stations: in use (在用) and opened on or before AsOf (or with no opening date). Their status has no
//     history, so a station closed since is not counted.

// Rate is a fraction of two counts: a numerator and a denominator that the clerk can check and click through.
type Rate struct {
	Num, Den int
}

// Value returns Num/Den as a fraction (0.565 for 13/23), and false when the denominator is zero.
func (r Rate) Value() (float64, bool) {
	if r.Den == 0 {
		return 0, false
	}
	return float64(r.Num) / float64(r.Den), true
}

// Rounded returns the fraction rounded the way Percent prints it (0.565 for 13/23 at one decimal), for a
// spreadsheet cell with a percent format that must show the same digits; false when the denominator is zero.
func (r Rate) Rounded(precision int) (float64, bool) {
	if r.Den == 0 {
		return 0, false
	}
	q, scale := r.scaled(precision)
	return float64(q) / float64(scale) / 100, true
}

// scaled returns round(Num/Den × 100 × 10^precision), rounding half away from zero, computed on integers so
// that 12.5% is exactly half and never 12.4999… as a float would have it.
func (r Rate) scaled(precision int) (int64, int64) {
	precision = min(max(precision, 0), 6)
	scale := int64(1)
	for i := 0; i < precision; i++ {
		scale *= 10
	}
	num, den := int64(r.Num)*100*scale, int64(r.Den)
	neg := (num < 0) != (den < 0)
	num, den = abs64(num), abs64(den)
	q, rem := num/den, num%den
	if 2*rem >= den {
		q++
	}
	if neg {
		q = -q
	}
	return q, scale
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// Percent prints the rate as a percentage with the given decimals, rounded half away from zero:
// 「56.5%」; 「—」 when the denominator is zero (never NaN or 0%).
func (r Rate) Percent(precision int) string {
	if r.Den == 0 {
		return "—"
	}
	q, scale := r.scaled(precision)
	sign := ""
	if q < 0 {
		sign, q = "-", -q
	}
	if scale == 1 {
		return fmt.Sprintf("%s%d%%", sign, q)
	}
	digits := len(fmt.Sprint(scale)) - 1
	return fmt.Sprintf("%s%d.%0*d%%", sign, q/scale, digits, q%scale)
}

// Explain shows the numerator over the denominator: 「13/23」.
func (r Rate) Explain() string { return fmt.Sprintf("%d/%d", r.Num, r.Den) }

// String is Explain.
func (r Rate) String() string { return r.Explain() }

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

// KindCount is a count under a name (a meeting kind, a tag, a station type …).
type KindCount struct {
	Name  string
	Count int
}

// DeputyRow describes the deputies of one level, or all of them (T6).
type DeputyRow struct {
	Level       string // a DeputyLevels value; "" for the row of all deputies
	Deputies    int
	Male        int
	Female      int
	Minority    int // ethnicity given and not 汉族
	CPC         int // 中共党员 and 中共预备党员
	Official    int // 职务代表
	NonOfficial int
	New         int         // 新任
	Returning   int         // 连任
	Presidium   int         // 主席团成员
	Ages        [5]int      // by AgeBands, age at AsOf
	Education   [5]int      // by EducationBands
	Tags        []KindCount // by composition tag, in dictionary order (all tags, zero included)
}

// AgeBands are the age bands of T6 (inferred in domain.md; the last counts deputies without a birth month).
var AgeBands = []string{"35岁及以下", "36至45岁", "46至55岁", "56岁及以上", "未填"}

// EducationBands are the education bands of T6 over the education dictionary; the last is 未填/其他.
var EducationBands = []string{"大学及以上", "大专", "高中/中专", "初中及以下", "未填"}

// GroupCount is a deputy group with its deputies in office.
type GroupCount struct {
	GroupID  int64
	Name     string
	Deputies int
}

// DeputyFigures describes the deputies in office on the report date.
type DeputyFigures struct {
	All     DeputyRow   // every deputy in office, each once
	ByLevel []DeputyRow // by DeputyLevels order; only levels someone holds
	ByGroup []GroupCount
	NoGroup int // deputies in office in no group
	Groups  int // deputy groups (代表小组)
}

// StationTypeCount is the stations of one type and how many meet all of 「六个有」.
type StationTypeCount struct {
	Type     string
	Stations int
	SixHaves int
}

// StationFigures describes the stations in use on the report date.
type StationFigures struct {
	Total        int
	SixHaves     int                // stations meeting all six items of 「六个有」
	SixHavesRate Rate               // SixHaves / Total
	ByType       []StationTypeCount // StationTypes order, zero included
	Building     int                // 筹建
}

// ReportBackLevel counts the deputies of one level who reported back to voters in the period: Oral gave at
// least one oral report-back, Written only written ones.
type ReportBackLevel struct {
	Level    string
	Deputies int
	Oral     int
	Written  int
}

// Figures are the figures of SPEC §5 for a period as of a report date.
type Figures struct {
	From, To Date // the period asked for (received dates, inclusive)
	AsOf     Date // the report date: everything is counted as it stood on that day
	// Precision and SatisfiedBasic are the settings the figures were made with.
	Precision      int
	SatisfiedBasic bool

	All     SuggestionFigures // every suggestion received in the window
	Session SuggestionFigures // 人代会期间
	Recess  SuggestionFigures // 闭会期间

	ByKind     []Breakdown // SuggestionKinds order
	ByCategory []Breakdown // category dictionary order (zero rows included), then values no longer listed
	BySource   []Breakdown // source dictionary order, likewise
	ByScope    []Breakdown // ScopeLevels order
	ByUnit     []UnitFigures
	Cells      []FigureCell // the finest grain, for Sum

	Meetings            []KindCount // 次 by kind started in the window, MeetingKinds order (zero included)
	SpecialReports      int         // 审议专项工作报告 项
	LawChecks           int         // 执法检查 项 (laws)
	InspectionsResearch int         // 视察和调研 项 (topics)
	Resolutions         int         // 决议、决定 passed by the rule
	ResolutionsEntered  int         // 决议、决定 recorded, passed or not

	Deputies DeputyFigures
	Stations StationFigures

	Receptions      int // 接待选民 records in the window
	ReceptionVoters int // 接待选民 人次

	ReportBacksOral    int // 述职 records in the window, 口头
	ReportBacksWritten int // … 书面
	ReportBackLevels   []ReportBackLevel
}

// Pct prints a rate with the office's precision.
func (f Figures) Pct(r Rate) string { return r.Percent(f.Precision) }

// MeetingCount returns the number of meetings of a kind in the window.
func (f Figures) MeetingCount(kind string) int {
	for _, m := range f.Meetings {
		if m.Name == kind {
			return m.Count
		}
	}
	return 0
}

// Sum adds up the figures of a slice of the period's suggestions (any combination of period, kind,
// category, source and scope). A slice naming a unit returns that unit's figures (its other fields are not
// applied: per-unit figures are kept per unit only).
func (f Figures) Sum(s FigureSlice) SuggestionFigures {
	var out SuggestionFigures
	if s.UnitID != 0 {
		for _, u := range f.ByUnit {
			if u.UnitID == s.UnitID {
				return u.SuggestionFigures
			}
		}
		out.finish()
		return out
	}
	for _, c := range f.Cells {
		if c.in(s) {
			out.add(c.SuggestionFigures)
		}
	}
	out.finish()
	return out
}

// YearFigures returns the figures of a calendar year as of asOf (empty: 31 December, or today within the year).
func (db *DB) YearFigures(ctx context.Context, year int, asOf Date) (Figures, error) {
	if year < 1900 || year > 2200 {
		return Figures{}, fieldErr("年度", "(%d)不是合理的年份", year)
	}
	y := YearPeriod(year)
	return db.Figures(ctx, y.From, y.To, asOf)
}

// Figures returns the figures of the suggestions received from from to to (inclusive) and of the meetings,
// receptions and report-backs of the period, as they stood on asOf (empty: to, or today when to is later).
// A handful of grouped queries, whatever the number of records.
func (db *DB) Figures(ctx context.Context, from, to, asOf Date) (Figures, error) {
	f, err := db.figurePeriod(from, to, asOf)
	if err != nil {
		return f, err
	}
	err = db.view(ctx, func(tx *Tx) error { return tx.figures(&f) })
	return f, err
}

// figures fills in the figures of f's period (settled by figurePeriod) inside a transaction.
func (tx *Tx) figures(f *Figures) error {
	st, err := readSettings(tx)
	if err != nil {
		return err
	}
	f.Precision, f.SatisfiedBasic = st.Precision, st.SatisfiedBasic
	if err := tx.suggestionFigures(f); err != nil {
		return fmt.Errorf("统计建议办理情况: %w", err)
	}
	if err := tx.meetingFigures(f); err != nil {
		return fmt.Errorf("统计会议活动: %w", err)
	}
	if err := tx.deputyFigures(f); err != nil {
		return fmt.Errorf("统计代表情况: %w", err)
	}
	if err := tx.stationFigures(f); err != nil {
		return fmt.Errorf("统计家站点: %w", err)
	}
	return nil
}

// figurePeriod checks a period and settles its report date.
func (db *DB) figurePeriod(from, to, asOf Date) (Figures, error) {
	var f Figures
	var c checker
	c.requiredDate("统计起始日期", from)
	c.requiredDate("统计截止日期", to)
	c.date("统计日期", asOf)
	if c.err != nil {
		return f, c.err
	}
	if to < from {
		return f, fieldErr("统计截止日期", "(%s)不能早于起始日期(%s)", to.Chinese(), from.Chinese())
	}
	if asOf == "" {
		asOf = min(to, DateOf(db.Now()))
	}
	f.From, f.To, f.AsOf = from, to, asOf
	return f, nil
}

// last is the last day counted: To, or AsOf when earlier.
func (f Figures) last() Date { return min(f.To, f.AsOf) }

// figureRows is one row per suggestion received in the window with its state as of the report date:
// the columns the figures count. ?1 = AsOf, ?2 = From, ?3 = the last day counted.
// The outcome, the evaluations and 见面 look into the dated tables only when the item's current columns
// could differ from their value on AsOf (something happened after it), or, for 见面, when it had several
// rounds: a second reply needs a 不满意 evaluation, which opens round 2, so in round 1 the reply on the row
// (reply_method, the latest reply's method) is the only one.
const figureRows = `SELECT s.id, s.period, s.kind, s.category, s.source, s.scope,
	CASE WHEN s.assigned <= ?1 THEN s.main_unit_id END AS unit_id,
	coalesce(s.assigned <= ?1, 0) AS assigned,
	coalesce(s.forwarded <= ?1, 0) AS forwarded,
	coalesce(s.terminated <= ?1, 0) AS terminated,
	coalesce(s.first_reply <= ?1, 0) AS replied,
	coalesce(s.closed <= ?1, 0) AS closed,
	coalesce(s.assigned <= ?1 AND (s.first_reply <= ?1 OR s.first_deadline < ?1), 0) AS due,
	coalesce(s.assigned <= ?1 AND s.first_reply <= ?1 AND s.first_reply <= s.first_deadline, 0) AS on_time,
	CASE
		WHEN s.first_reply IS NULL OR s.first_reply > ?1 THEN ''
		WHEN s.last_reply <= ?1 AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.suggestion_id = s.id AND f.date > ?1)
			THEN s.outcome
		ELSE coalesce(
			(SELECT f.outcome FROM followups f WHERE f.suggestion_id = s.id AND f.outcome != '' AND f.date <= ?1
				AND f.date >= (SELECT max(r.date) FROM replies r WHERE r.suggestion_id = s.id AND r.date <= ?1)
				ORDER BY f.date DESC, f.id DESC LIMIT 1),
			(SELECT r.outcome FROM replies r WHERE r.suggestion_id = s.id AND r.date <= ?1 ORDER BY r.date DESC, r.id DESC LIMIT 1), '')
	END AS outcome,
	CASE
		WHEN s.evaluated IS NULL THEN ''
		WHEN s.evaluated <= ?1 THEN s.evaluation
		ELSE coalesce((SELECT e.grade FROM evaluations e WHERE e.suggestion_id = s.id AND e.date <= ?1
			ORDER BY e.date DESC, e.id DESC LIMIT 1), '')
	END AS grade,
	CASE
		WHEN s.evaluated IS NULL THEN ''
		WHEN s.evaluated <= ?1 OR (SELECT min(e.date) FROM evaluations e WHERE e.suggestion_id = s.id) <= ?1 THEN s.first_evaluation
		ELSE ''
	END AS first_grade,
	CASE
		WHEN s.first_reply IS NULL OR s.first_reply > ?1 THEN 0
		WHEN s.last_reply <= ?1 AND s.reply_method = '见面' THEN 1
		WHEN s.last_reply <= ?1 AND s.round = 1 THEN 0 -- one round, one reply: the one on the row
		ELSE EXISTS (SELECT 1 FROM replies r WHERE r.suggestion_id = s.id AND r.method = '见面' AND r.date <= ?1)
	END AS in_person
	FROM suggestions s WHERE s.received BETWEEN ?2 AND ?3`

// figureConds is the SQL condition of each key over a row of figureRows (alias x): the aggregate is
// sum(condition), the click-through is WHERE condition, so the two cannot disagree.
func figureConds(satisfiedBasic bool) map[FigureKey]string {
	sat := `('满意')`
	if satisfiedBasic {
		sat = `('满意', '基本满意')`
	}
	return map[FigureKey]string{
		FigReceived:         `1`,
		FigAssigned:         `x.assigned`,
		FigForwarded:        `x.forwarded`,
		FigHanded:           `(x.assigned OR x.forwarded)`,
		FigPending:          `NOT (x.assigned OR x.forwarded OR x.terminated)`,
		FigTerminated:       `x.terminated`,
		FigReplied:          `x.replied`,
		FigUnanswered:       `NOT x.replied`,
		FigClosed:           `x.closed`,
		FigDue:              `x.due`,
		FigOnTime:           `x.on_time`,
		FigSolved:           `x.outcome = '已解决'`,
		FigSolving:          `x.outcome = '正在解决'`,
		FigPlanned:          `x.outcome = '列入计划解决'`,
		FigReference:        `x.outcome = '留作参考'`,
		FigInPerson:         `x.in_person`,
		FigEvaluated:        `x.grade != ''`,
		FigSatisfied:        `x.grade IN ` + sat,
		FigFirstSatisfied:   `x.first_grade IN ` + sat,
		FigGradeSatisfied:   `x.grade = '满意'`,
		FigGradeBasic:       `x.grade = '基本满意'`,
		FigGradeUnsatisfied: `x.grade = '不满意'`,
	}
}

// suggestionFigures fills the suggestion figures with one statement: the rows of the window computed once,
// grouped by period, kind, category, source and scope (at most a few hundred cells) and by main unit.
func (tx *Tx) suggestionFigures(f *Figures) error {
	conds := figureConds(f.SatisfiedBasic)
	aggs := make([]string, len(FigureKeys))
	for i, k := range FigureKeys {
		aggs[i] = "coalesce(sum(" + conds[k] + "), 0)"
	}
	agg := strings.Join(aggs, ", ")
	q := `WITH x AS MATERIALIZED (` + figureRows + `)
		SELECT 0, x.period, x.kind, x.category, x.source, x.scope, 0, '', '', ` + agg + ` FROM x
			GROUP BY x.period, x.kind, x.category, x.source, x.scope
		UNION ALL
		SELECT 1, '', '', '', '', '', u.id, u.name, u.kind, ` + agg + ` FROM x JOIN units u ON u.id = x.unit_id GROUP BY u.id`
	f.Cells, f.ByUnit = nil, nil
	err := collect(tx, q, []any{f.AsOf, f.From, f.last()}, func(s scanner) error {
		var part int
		var c FigureCell
		var u UnitFigures
		dest := []any{&part, &c.Period, &c.Kind, &c.Category, &c.Source, &c.Scope, &u.UnitID, &u.Name, &u.Kind}
		for _, k := range FigureKeys {
			dest = append(dest, c.field(k))
		}
		if err := s.Scan(dest...); err != nil {
			return err
		}
		c.finish()
		if part == 0 {
			f.Cells = append(f.Cells, c)
		} else {
			u.SuggestionFigures = c.SuggestionFigures
			f.ByUnit = append(f.ByUnit, u)
		}
		return nil
	})
	if err != nil {
		return err
	}
	unitKinds, err := tx.dict(DictUnitKind)
	if err != nil {
		return err
	}
	sort.SliceStable(f.ByUnit, func(i, j int) bool {
		a, b := dictRank(unitKinds, f.ByUnit[i].Kind), dictRank(unitKinds, f.ByUnit[j].Kind)
		if a != b {
			return a < b
		}
		return f.ByUnit[i].Name < f.ByUnit[j].Name
	})

	f.All = f.Sum(FigureSlice{})
	f.Session = f.Sum(FigureSlice{Period: PeriodSession})
	f.Recess = f.Sum(FigureSlice{Period: PeriodRecess})
	categories, err := tx.dict(DictCategory)
	if err != nil {
		return err
	}
	sources, err := tx.dict(DictSource)
	if err != nil {
		return err
	}
	f.ByKind = f.breakdown(SuggestionKinds, func(c FigureCell) string { return c.Kind }, func(s *FigureSlice, v string) { s.Kind = v })
	f.ByCategory = f.breakdown(categories, func(c FigureCell) string { return c.Category }, func(s *FigureSlice, v string) { s.Category = v })
	f.BySource = f.breakdown(sources, func(c FigureCell) string { return c.Source }, func(s *FigureSlice, v string) { s.Source = v })
	f.ByScope = f.breakdown(ScopeLevels, func(c FigureCell) string { return c.Scope }, func(s *FigureSlice, v string) { s.Scope = v })
	return nil
}

// breakdown splits the suggestions by one dimension: the listed values in order (zero rows included), then
// any other value the items carry (a dictionary value removed since), by name.
func (f Figures) breakdown(listed []string, dim func(FigureCell) string, set func(*FigureSlice, string)) []Breakdown {
	names := slices.Clone(listed)
	var extra []string
	for _, c := range f.Cells {
		if v := dim(c); !slices.Contains(names, v) && !slices.Contains(extra, v) {
			extra = append(extra, v)
		}
	}
	slices.Sort(extra)
	names = append(names, extra...)
	out := make([]Breakdown, len(names))
	for i, n := range names {
		var all, session, recess FigureSlice
		set(&all, n)
		set(&session, n)
		set(&recess, n)
		session.Period, recess.Period = PeriodSession, PeriodRecess
		out[i] = Breakdown{Name: n, All: f.Sum(all), Session: f.Sum(session), Recess: f.Sum(recess)}
	}
	return out
}

// dictRank is the position of v in a dictionary, after every listed value when it is not listed.
func dictRank(dict []string, v string) int {
	if i := slices.Index(dict, v); i >= 0 {
		return i
	}
	return len(dict)
}

// FigureItems returns the ids of the suggestions behind a count of f — a figure, or the numerator or the
// denominator of a rate (RateDef.Num, RateDef.Den) — within a slice of the period, as of f's report date and
// with f's 满意率 setting, in id order. len(ids) equals f.Sum(slice).Count(key).
func (db *DB) FigureItems(ctx context.Context, f Figures, slice FigureSlice, key FigureKey) ([]int64, error) {
	cond, ok := figureConds(f.SatisfiedBasic)[key]
	if !ok {
		return nil, Errorf(EINVALID, "未知的统计项「%s」", key)
	}
	if _, err := db.figurePeriod(f.From, f.To, f.AsOf); err != nil {
		return nil, err
	}
	w := &where{}
	w.add(cond)
	for _, d := range []struct{ col, v string }{{"x.period", slice.Period}, {"x.kind", slice.Kind},
		{"x.category", slice.Category}, {"x.source", slice.Source}, {"x.scope", slice.Scope}} {
		if d.v != "" {
			w.add(d.col+" = ?", d.v)
		}
	}
	if slice.UnitID != 0 {
		w.add("x.unit_id = ?", slice.UnitID)
	}
	var ids []int64
	err := db.view(ctx, func(tx *Tx) error {
		return collect(tx, `SELECT x.id FROM (`+figureRows+`) x WHERE `+w.sql()+` ORDER BY x.id`,
			append([]any{f.AsOf, f.From, f.last()}, w.args...), func(s scanner) error {
				var id int64
				err := s.Scan(&id)
				ids = append(ids, id)
				return err
			})
	})
	if err != nil {
		return nil, fmt.Errorf("查询统计明细: %w", err)
	}
	return ids, nil
}

// meetingFigures counts the meetings and activities of the window, their special reports and resolutions,
// and the receptions and report-backs.
func (tx *Tx) meetingFigures(f *Figures) error {
	from, last := f.From, f.last()
	byKind := map[string]int{}
	if err := collect(tx, `SELECT kind, count(*) FROM meetings WHERE start_date BETWEEN ? AND ? GROUP BY kind`, []any{from, last},
		func(s scanner) error {
			var k string
			var n int
			err := s.Scan(&k, &n)
			byKind[k] = n
			return err
		}); err != nil {
		return err
	}
	f.Meetings = nil
	for _, k := range MeetingKinds {
		f.Meetings = append(f.Meetings, KindCount{k, byKind[k]})
	}
	var others []string
	for k := range byKind {
		if !slices.Contains(MeetingKinds, k) {
			others = append(others, k)
		}
	}
	slices.Sort(others)
	for _, k := range others {
		f.Meetings = append(f.Meetings, KindCount{k, byKind[k]})
	}

	// 项 counts topics: a law checked (or an inspection made) on several days is one 项.
	if err := tx.QueryRow(`SELECT
		(SELECT count(DISTINCT CASE WHEN law != '' THEN law ELSE title END) FROM meetings WHERE kind = ?3 AND start_date BETWEEN ?1 AND ?2),
		(SELECT count(DISTINCT kind || char(31) || title) FROM meetings WHERE kind IN (?4, ?5) AND start_date BETWEEN ?1 AND ?2),
		(SELECT count(*) FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE m.kind IN (?6, ?7)
			AND a.kind = '审议报告' AND a.report = '专项工作报告' AND m.start_date BETWEEN ?1 AND ?2)`,
		from, last, MeetingLawCheck, MeetingInspect, MeetingResearch, MeetingPresidium, MeetingCongress).
		Scan(&f.LawChecks, &f.InspectionsResearch, &f.SpecialReports); err != nil {
		return err
	}

	// A resolution passes when more than half of the meeting's roll voted for it (tx.roll in quorum.go): the
	// town deputies of its term (its own, or the one covering its day) holding a seat on its day for a 人代会,
	// the presidium members for a 主席团会议; other meetings have no voting base. One base per meeting.
	if err := tx.QueryRow(`WITH mt AS MATERIALIZED (
			SELECT m.id, m.kind, m.start_date, coalesce(m.term_id, (SELECT t.id FROM terms t WHERE `+termCovers("m.start_date")+`
				ORDER BY t.number DESC LIMIT 1), 0) AS term
			FROM meetings m WHERE m.kind IN (?3, ?4) AND m.start_date BETWEEN ?1 AND ?2),
		mb AS MATERIALIZED (
			SELECT mt.id, CASE mt.kind
				WHEN ?3 THEN (SELECT count(*) FROM deputies d JOIN deputy_levels l ON l.deputy_id = d.id AND l.level = '镇级'
					WHERE `+onRoll("mt.start_date", "mt.term")+`)
				ELSE (SELECT count(*) FROM deputies d JOIN deputy_roles ro ON ro.deputy_id = d.id AND ro.role = '主席团成员'
					WHERE `+onRoll("mt.start_date", "mt.term")+`)
				END AS base
			FROM mt WHERE mt.id IN (SELECT meeting_id FROM resolutions WHERE kind IN ('决议', '决定')))
		SELECT count(*), coalesce(sum(coalesce(mb.base, 0) > 0 AND 2 * r.votes_for > mb.base), 0)
		FROM resolutions r JOIN meetings m ON m.id = r.meeting_id LEFT JOIN mb ON mb.id = r.meeting_id
		WHERE r.kind IN ('决议', '决定') AND m.start_date BETWEEN ?1 AND ?2`,
		from, last, MeetingCongress, MeetingPresidium).Scan(&f.ResolutionsEntered, &f.Resolutions); err != nil {
		return err
	}

	if err := tx.QueryRow(`SELECT count(*), coalesce(sum(voters), 0) FROM receptions WHERE date BETWEEN ? AND ?`, from, last).
		Scan(&f.Receptions, &f.ReceptionVoters); err != nil {
		return err
	}
	if err := tx.QueryRow(`SELECT coalesce(sum(form = '口头'), 0), coalesce(sum(form = '书面'), 0) FROM report_backs WHERE date BETWEEN ? AND ?`,
		from, last).Scan(&f.ReportBacksOral, &f.ReportBacksWritten); err != nil {
		return err
	}
	levels := map[string]ReportBackLevel{}
	if err := collect(tx, `SELECT l.level, count(DISTINCT rb.deputy_id), count(DISTINCT CASE WHEN rb.form = '口头' THEN rb.deputy_id END)
		FROM report_backs rb JOIN deputy_levels l ON l.deputy_id = rb.deputy_id WHERE rb.date BETWEEN ? AND ? GROUP BY l.level`,
		[]any{from, last}, func(s scanner) error {
			var r ReportBackLevel
			err := s.Scan(&r.Level, &r.Deputies, &r.Oral)
			r.Written = r.Deputies - r.Oral
			levels[r.Level] = r
			return err
		}); err != nil {
		return err
	}
	f.ReportBackLevels = nil
	for _, l := range DeputyLevels {
		if r, ok := levels[l]; ok {
			f.ReportBackLevels = append(f.ReportBackLevels, r)
		}
	}
	return nil
}

// termCovers is the SQL condition for a term t whose dates cover day (an SQL expression); the roll of a day is
// taken in the newest such term, as tx.roll does.
func termCovers(day string) string {
	return `(t.start_date IS NULL OR t.start_date <= ` + day + `) AND (t.end_date IS NULL OR t.end_date >= ` + day + `)`
}

// onRoll is the SQL condition for a deputy d holding a seat on day in term (0: any term), as tx.roll has it:
// in office or vacated after the day, and of that term or recorded without one.
func onRoll(day, term string) string {
	return `(d.status = '在任' OR d.vacancy_date > ` + day + `) AND (` + term + ` = 0 OR d.term_id = ` + term + ` OR d.term_id IS NULL)`
}

// deputyColumnsT6 are the sums of a DeputyRow over deputies d in office; ?1 = AsOf (for the age).
const deputyColumnsT6 = `count(*), coalesce(sum(d.gender = '男'), 0), coalesce(sum(d.gender = '女'), 0),
	coalesce(sum(d.ethnicity NOT IN ('', '汉族')), 0), coalesce(sum(d.party IN ('中共党员', '中共预备党员')), 0),
	coalesce(sum(d.is_official), 0), coalesce(sum(NOT d.is_official), 0), coalesce(sum(d.is_new), 0), coalesce(sum(NOT d.is_new), 0),
	coalesce(sum(EXISTS (SELECT 1 FROM deputy_roles ro WHERE ro.deputy_id = d.id AND ro.role = '主席团成员')), 0),
	coalesce(sum(` + deputyAge + ` <= 35), 0), coalesce(sum(` + deputyAge + ` BETWEEN 36 AND 45), 0),
	coalesce(sum(` + deputyAge + ` BETWEEN 46 AND 55), 0), coalesce(sum(` + deputyAge + ` >= 56), 0), coalesce(sum(length(d.birth) < 7), 0),
	coalesce(sum(d.education IN ('研究生', '大学本科')), 0), coalesce(sum(d.education = '大学专科'), 0),
	coalesce(sum(d.education IN ('高中', '中专')), 0), coalesce(sum(d.education IN ('初中', '小学')), 0),
	coalesce(sum(d.education NOT IN ('研究生', '大学本科', '大学专科', '高中', '中专', '初中', '小学')), 0)`

// deputyAge is the age in whole years on ?1 of a deputy d ('YYYY-MM' birth month; NULL without one, so that
// no age band counts the deputy).
const deputyAge = `(CASE WHEN length(d.birth) >= 7 THEN CAST(substr(?1, 1, 4) AS INTEGER) - CAST(substr(d.birth, 1, 4) AS INTEGER)
	- (substr(?1, 6, 2) < substr(d.birth, 6, 2)) END)`

func scanDeputyRow(s scanner, r *DeputyRow, extra ...any) error {
	dest := append(extra, &r.Deputies, &r.Male, &r.Female, &r.Minority, &r.CPC, &r.Official, &r.NonOfficial, &r.New,
		&r.Returning, &r.Presidium)
	for i := range r.Ages {
		dest = append(dest, &r.Ages[i])
	}
	for i := range r.Education {
		dest = append(dest, &r.Education[i])
	}
	return s.Scan(dest...)
}

// deputyFigures describes the deputies holding a seat on AsOf: all of them, by level, by composition tag and
// by group. ?1 = AsOf, ?2 = the term covering it (0: none).
func (tx *Tx) deputyFigures(f *Figures) error {
	var term int64
	if err := tx.QueryRow(`SELECT coalesce((SELECT t.id FROM terms t WHERE `+termCovers("?1")+` ORDER BY t.number DESC LIMIT 1), 0)`,
		f.AsOf).Scan(&term); err != nil {
		return err
	}
	inOffice := onRoll("?1", "?2")
	var d DeputyFigures
	if err := scanDeputyRow(tx.QueryRow(`SELECT `+deputyColumnsT6+` FROM deputies d WHERE `+inOffice, f.AsOf, term), &d.All); err != nil {
		return err
	}
	byLevel := map[string]*DeputyRow{}
	var extra []string
	if err := collect(tx, `SELECT l.level, `+deputyColumnsT6+` FROM deputies d JOIN deputy_levels l ON l.deputy_id = d.id
		WHERE `+inOffice+` GROUP BY l.level`, []any{f.AsOf, term}, func(s scanner) error {
		var r DeputyRow
		if err := scanDeputyRow(s, &r, &r.Level); err != nil {
			return err
		}
		byLevel[r.Level] = &r
		if !slices.Contains(DeputyLevels, r.Level) {
			extra = append(extra, r.Level)
		}
		return nil
	}); err != nil {
		return err
	}
	tags, err := tx.dict(DictComposition)
	if err != nil {
		return err
	}
	tagCounts := map[[2]string]int{}
	if err := collect(tx, `SELECT '', t.tag, count(*) FROM deputies d JOIN deputy_tags t ON t.deputy_id = d.id WHERE `+inOffice+` GROUP BY t.tag
		UNION ALL SELECT l.level, t.tag, count(*) FROM deputies d JOIN deputy_levels l ON l.deputy_id = d.id
			JOIN deputy_tags t ON t.deputy_id = d.id WHERE `+inOffice+` GROUP BY l.level, t.tag`, []any{f.AsOf, term}, func(s scanner) error {
		var level, tag string
		var n int
		err := s.Scan(&level, &tag, &n)
		tagCounts[[2]string{level, tag}] = n
		if err == nil && !slices.Contains(tags, tag) {
			tags = append(tags, tag)
		}
		return err
	}); err != nil {
		return err
	}
	tagsOf := func(level string) []KindCount {
		out := make([]KindCount, len(tags))
		for i, t := range tags {
			out[i] = KindCount{t, tagCounts[[2]string{level, t}]}
		}
		return out
	}
	d.All.Tags = tagsOf("")
	slices.Sort(extra)
	for _, l := range append(slices.Clone(DeputyLevels), extra...) {
		if r := byLevel[l]; r != nil {
			r.Tags = tagsOf(l)
			d.ByLevel = append(d.ByLevel, *r)
		}
	}
	if err := collect(tx, `SELECT g.id, g.name, count(d.id) FROM deputy_groups g
		LEFT JOIN deputies d ON d.group_id = g.id AND `+inOffice+` GROUP BY g.id ORDER BY g.id`, []any{f.AsOf, term}, func(s scanner) error {
		var g GroupCount
		err := s.Scan(&g.GroupID, &g.Name, &g.Deputies)
		d.ByGroup = append(d.ByGroup, g)
		return err
	}); err != nil {
		return err
	}
	d.Groups = len(d.ByGroup)
	if err := tx.QueryRow(`SELECT count(*) FROM deputies d WHERE d.group_id IS NULL AND `+inOffice, f.AsOf, term).Scan(&d.NoGroup); err != nil {
		return err
	}
	f.Deputies = d
	return nil
}

// stationFigures counts the stations in use on AsOf by type, with their 「六个有」 compliance.
// stationCounted is the rule for a station the figures count on a day (the one argument): in use and opened
// by then; prefix qualifies the columns ("s.").
func stationCounted(prefix string) string {
	return prefix + "status = '在用' AND (" + prefix + "opened IS NULL OR " + prefix + "opened = '' OR " + prefix + "opened <= ?)"
}

func (tx *Tx) stationFigures(f *Figures) error {
	var st StationFigures
	byType := map[string]StationTypeCount{}
	var extra []string
	if err := collect(tx, `SELECT type, count(*), coalesce(sum(has_place AND has_sign AND has_info AND has_rules AND has_plan AND has_ledger), 0)
		FROM stations WHERE `+stationCounted("")+` GROUP BY type`, []any{f.AsOf}, func(s scanner) error {
		var c StationTypeCount
		err := s.Scan(&c.Type, &c.Stations, &c.SixHaves)
		byType[c.Type] = c
		st.Total += c.Stations
		st.SixHaves += c.SixHaves
		if !slices.Contains(StationTypes, c.Type) {
			extra = append(extra, c.Type)
		}
		return err
	}); err != nil {
		return err
	}
	slices.Sort(extra)
	for _, t := range append(slices.Clone(StationTypes), extra...) {
		c := byType[t]
		c.Type = t
		st.ByType = append(st.ByType, c)
	}
	st.SixHavesRate = Rate{st.SixHaves, st.Total}
	if err := tx.QueryRow(`SELECT count(*) FROM stations WHERE status = '筹建'`).Scan(&st.Building); err != nil {
		return err
	}
	f.Stations = st
	return nil
}
