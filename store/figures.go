package store

import (
	"context"
	"fmt"
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
//     receptions and report-backs use the same window on their own dates. AsOf may also be after To: 「2025
//     items, handling as of 2026-01-15」 is the report offices write in January; the window is then the whole
//     period, and only the handling is counted on the later day. AsOf is never before From.
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
//   - Deputies: those on the roll of the last day counted (CountedOn: To, or AsOf when earlier) by the rule of
//     seat.go — elected to a level on or before that day (当选日期) and not vacated by it — in the term whose
//     dates cover the day (deputies recorded without a term count too), so that the previous term's deputies
//     still marked 在任 drop out after 换届. A deputy elected later, or recorded later with a later 当选日期,
//     does not change the period. A deputy holding several levels counts once in each level held that day and
//     once in the total. Age is taken on that day.
//   - Stations: those in use (在用) on the last day counted (CountedOn, as the deputies) and opened on or
//     before it (or with no opening date). A status has no date of its own; a status changed in the program
//     after that day counts as it was before the change (stationStatusOn), so a station closed since still
//     counts in a period it served. T9's per-station receptions and collected items are the window's.
//   - 人民代表大会会议 (Sessions, T15 and the text's session paragraph): each session started in the window with
//     its roll (quorum.go), the reports on its agenda, the resolutions passed by the rule and those elected.

// Figures are the figures of SPEC §5 for a period as of a report date.
type Figures struct {
	From, To Date // the period asked for (received dates, inclusive)
	AsOf     Date // the report date: everything is counted as it stood on that day
	// Today is the day the figures were counted (the store's clock): an AsOf before it is a past date, which
	// the report text names (「截至2025年12月31日」) instead of saying 「目前」.
	Today Date
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
	// NewTerm is the town term that began within the period (换届), nil when none did (issue 16,
	// figures_terms.go): the report text then says how many of the new term's deputies are 新任 and 连任.
	NewTerm  *Term
	Stations StationFigures

	Receptions      int // 接待选民 records in the window
	ReceptionVoters int // 接待选民 人次

	ReportBacksOral    int // 述职 records in the window, 口头
	ReportBacksWritten int // … 书面
	ReportBackLevels   []ReportBackLevel

	// Contact is the office's contact with the public: 信访, the stations' issues and duty days, the deputies'
	// contact with voters, the opinion cards and bulletins (figures_voters.go).
	Contact ContactFigures

	Sessions    []CongressSession  // 人民代表大会会议 started in the window, by date (T15)
	Supervision SupervisionFigures // 监督: evaluations, rectification, inquiries, 民生实事 (figures_supervision.go)

	// Compliance is the work rules measured over ComplianceYear, the year of CountedOn, up to that day
	// (issue 22, figures_compliance.go).
	Compliance     []ComplianceRow
	ComplianceYear int

	// Plan is the year's work plan (of the year of CountedOn) as it stood on that day (issue 22, figures_plan.go).
	Plan PlanFigures
	// Duty is the head of the period's 履职积分 ranking (issue 22, figures_duty.go).
	Duty DutyFigures
	// records are the 履职档案 Duty was scored from, for LoadReport's T10 (the same query, not run twice).
	records []DeputyRecord
	// contacts are the deputies' standings against the contact norm on CountedOn that Contact was counted
	// from, for the 履职档案 of the same day (read once, not twice).
	contacts *dayContacts
	// led is what each deputy led among the window's items, counted with the suggestion figures, for the
	// 履职档案 of the same window.
	led *windowLed

	// Training is the window's 培训学习: trainings, 参训人次, per-deputy hours and the new deputies' check
	// (issue 22 part 5, training.go).
	Training TrainingFigures

	// Publicity is the window's 宣传信息: pieces by level against the quotas, and 《人大通讯》 (issue 22 part 6,
	// publicity.go).
	Publicity PublicityFigures

	// Awards is the 评先评优 of the year of CountedOn, decisions counted up to AsOf (issue 22, figures_award.go).
	Awards AwardFigures
}

// LawCheckEvents is the number of 执法检查 held in the window (LawChecks counts the laws they checked).
func (f Figures) LawCheckEvents() int { return f.MeetingCount(MeetingLawCheck) }

// InspectionEvents is the number of 视察 and 调研 held in the window (InspectionsResearch counts their topics).
func (f Figures) InspectionEvents() int {
	return f.MeetingCount(MeetingInspect) + f.MeetingCount(MeetingResearch)
}

// IsPast reports whether the report date is before the day the figures were counted: the report then speaks
// of that date, not of 「目前」.
func (f Figures) IsPast() bool { return f.AsOf != "" && f.Today != "" && f.AsOf < f.Today }

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
	f.takeSettings(st)
	if err := tx.suggestionFigures(f); err != nil {
		return fmt.Errorf("统计建议办理情况: %w", err)
	}
	if err := tx.meetingFigures(f); err != nil {
		return fmt.Errorf("统计会议活动: %w", err)
	}
	if err := tx.deputyFigures(f); err != nil {
		return fmt.Errorf("统计代表情况: %w", err)
	}
	if err := tx.termFigures(f); err != nil { // issue 16
		return fmt.Errorf("统计换届: %w", err)
	}
	if err := tx.stationFigures(f); err != nil {
		return fmt.Errorf("统计家站点: %w", err)
	}
	if err := tx.contactFigures(f); err != nil {
		return fmt.Errorf("统计信访和联系群众: %w", err)
	}
	if err := tx.supervisionFigures(f, st); err != nil {
		return fmt.Errorf("统计监督工作: %w", err)
	}
	if err := tx.complianceFigures(f); err != nil { // issue 22
		return fmt.Errorf("统计工作规则执行情况: %w", err)
	}
	if err := tx.planFigures(f); err != nil { // issue 22: the work plan
		return fmt.Errorf("统计年度工作计划: %w", err)
	}
	if err := tx.dutyFigures(f); err != nil { // issue 22: 履职积分
		return fmt.Errorf("统计履职积分: %w", err)
	}
	if err := tx.trainingFigures(f); err != nil { // issue 22 part 5
		return fmt.Errorf("统计培训学习: %w", err)
	}
	if err := tx.publicityFigures(f); err != nil { // issue 22 part 6
		return fmt.Errorf("统计宣传信息: %w", err)
	}
	if err := tx.awardFigures(f); err != nil { // issue 22 part 4
		return fmt.Errorf("统计评先评优: %w", err)
	}
	return nil
}

// takeSettings sets the settings the figures are made with: the basis of LoadReport's lists, read in another
// transaction (report_load.go), needs them before the figures are done.
func (f *Figures) takeSettings(st Settings) {
	f.Precision, f.SatisfiedBasic = st.Precision, st.SatisfiedBasic
}

// figurePeriod checks a period and settles its report date.
func (db *DB) figurePeriod(from, to, asOf Date) (Figures, error) {
	var f Figures
	var c checker
	c.requiredDate("统计起始日期", from)
	c.requiredDate("统计截止日期", to)
	c.date("数据截至日期", asOf)
	if err := c.result(); err != nil {
		return f, err
	}
	if to < from {
		return f, fieldErr("统计截止日期", "(%s)不能早于起始日期(%s)", to.Chinese(), from.Chinese())
	}
	today := DateOf(db.Now())
	switch {
	case asOf == "":
		asOf = min(to, today) // a period not begun yet counts nothing: the window ends before it starts
	case asOf < from:
		return f, fieldErr("数据截至日期", "(%s)不能早于统计起始日期(%s)", asOf.Chinese(), from.Chinese())
	}
	f.From, f.To, f.AsOf, f.Today = from, to, asOf, today
	return f, nil
}

// CountedOn is the last day the figures count: the period's end, or the report date when earlier. The
// deputies are those in office on it.
func (f Figures) CountedOn() Date { return min(f.To, f.AsOf) }

// last is CountedOn, for the window's queries.
func (f Figures) last() Date { return f.CountedOn() }

// KindCount is a count under a name (a meeting kind, a tag, a station type …).
type KindCount struct {
	Name  string
	Count int
}
