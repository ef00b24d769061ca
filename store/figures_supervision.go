package store

import (
	"fmt"
	"slices"
)

// The supervision figures of a period (issue 17): evaluation campaigns, rectification items, special inquiries
// and 民生实事, counted in the same window and as of the same report date as every other figure.
//
// Definitions (each also in SupervisionDefs, as the 报表 tab shows them):
//
//   - 评议活动 项: campaigns whose 测评日期 falls in the window; 评议对象 their targets (units and officials); 测评票
//     the valid ballots counted over those targets; grades and titles by each campaign's own rule (EvalCampaign.Result).
//   - 整改意见 条: rectification items raised (提出日期) in the window, from any source. Their state on the report date
//     is that of the latest step dated on or before it (a 回头看 不满意 that reopened an item after that day does not
//     change the figure); 已销号率 = 已销号 ÷ 整改意见; 逾期 = not 已销号 on the report date and past the due date
//     that held on it; 回头看 = items with a 回头看 by then, 回头看满意率 = the latest 回头看 satisfied (满意, and
//     基本满意 when the settings count it) ÷ 回头看.
//   - 专题询问 次: inquiries whose 询问 meeting falls in the window, with the entries of their three lists; the poll's
//     满意率 by the same setting.
//   - 民生实事: 票决 held in the window; 候选项目 the candidates of those years; 票决确定 those chosen by the rule
//     (LivelihoodVote.Tally). 监督项目 are the projects of the window's years under supervision: those chosen, a year's
//     民生实事 decided without a vote, and the 重点项目. 已完成 by the report date (完成日期); 满意率 and 知晓率 add
//     up the surveys made by then.

// SupervisionKey names a supervision count; SupervisionFigures.Items lists the records behind it.
type SupervisionKey string

// The supervision counts.
const (
	SupCampaigns    SupervisionKey = "campaigns"     // 评议活动
	SupTargets      SupervisionKey = "targets"       // 评议对象
	SupTargetUnits  SupervisionKey = "target_units"  // … of them units
	SupTargetPeople SupervisionKey = "target_people" // … officials
	SupCounted      SupervisionKey = "counted"       // targets whose ballots are counted
	SupBallots      SupervisionKey = "ballots"       // 测评票 (valid)
	SupTop          SupervisionKey = "grade_top"     // targets in the top grade
	SupMiddle       SupervisionKey = "grade_middle"
	SupBottom       SupervisionKey = "grade_bottom"
	SupAwarded      SupervisionKey = "awarded" // targets earning their campaign's title
	SupRectRaised   SupervisionKey = "rect_raised"
	SupRectClosed   SupervisionKey = "rect_closed"
	SupRectActive   SupervisionKey = "rect_active"
	SupRectOpen     SupervisionKey = "rect_open"
	SupRectOverdue  SupervisionKey = "rect_overdue"
	SupRectReviewed SupervisionKey = "rect_reviewed"
	SupRectReviewOK SupervisionKey = "rect_review_ok"
	SupInquiries    SupervisionKey = "inquiries"
	SupInquiryItems SupervisionKey = "inquiry_items"
	SupVotes        SupervisionKey = "votes"      // 票决
	SupCandidates   SupervisionKey = "candidates" // 民生实事候选项目
	SupChosen       SupervisionKey = "chosen"     // 票决确定
	SupProjects     SupervisionKey = "projects"   // 监督项目
	SupCompleted    SupervisionKey = "completed"
	SupChecks       SupervisionKey = "checks" // 督查
)

// SupervisionDef is a supervision count with its name, measure word and definition (口径).
type SupervisionDef struct {
	Key        SupervisionKey
	Label      string
	Unit       string
	Definition string
}

// SupervisionDefs lists the supervision counts in the order the 报表 tab shows them.
var SupervisionDefs = []SupervisionDef{
	{SupCampaigns, "开展工作评议、述职评议", "项", "测评日期在统计时段内的评议活动(工作评议、民主评议、述职评议)"},
	{SupTargets, "评议单位和人员", "个", "上述评议活动的评议对象：承办单位名册中的单位，或分管领导等人员"},
	{SupTargetUnits, "其中评议单位", "个", "评议对象中的单位"},
	{SupTargetPeople, "其中评议人员", "名", "评议对象中的人员(分管领导等)"},
	{SupBallots, "测评票数", "张", "各评议对象的有效测评票之和"},
	{SupTop, "评为最高等次", "个", "按各评议活动的规则(满意率或平均得分对照等次线)评为满意(优秀)等次的评议对象"},
	{SupMiddle, "评为基本满意(合格)", "个", "评为第二等次的评议对象"},
	{SupBottom, "评为不满意(不合格)", "个", "评为最低等次的评议对象"},
	{SupAwarded, "获得称号", "个", "获得评议活动所定称号(如“人大代表满意单位”)的评议对象"},
	{SupRectRaised, "整改意见", "条", "提出日期在统计时段内的整改事项(来自评议、视察调研执法检查、专题询问和审议意见)"},
	{SupRectClosed, "已销号", "条", "上述整改事项中，截至统计日已销号的(按截至统计日的最后一步计)"},
	{SupRectActive, "整改中", "条", "截至统计日正在整改的"},
	{SupRectOpen, "未整改", "条", "截至统计日尚未开始整改的"},
	{SupRectOverdue, "逾期未销号", "条", "截至统计日未销号且已过当时的整改时限的"},
	{SupRectReviewed, "开展回头看", "条", "截至统计日已开展整改“回头看”的"},
	{SupInquiries, "开展专题询问", "次", "询问会议日期在统计时段内的专题询问"},
	{SupInquiryItems, "两清单一要求", "条", "上述专题询问的问题清单、建议清单和具体要求条目之和"},
	{SupVotes, "民生实事代表票决", "次", "票决日期在统计时段内的民生实事票决"},
	{SupCandidates, "民生实事候选项目", "项", "上述票决年度的民生实事候选项目"},
	{SupChosen, "票决确定民生实事项目", "项", "按票决规则(赞成票过半数、按得票多少)确定的项目"},
	{SupProjects, "监督的民生实事和重点项目", "项", "统计时段所在年度经票决确定或未经票决确定的民生实事项目，以及重点项目"},
	{SupCompleted, "已完成项目", "项", "上述项目中截至统计日已完成的"},
	{SupChecks, "项目督查", "次", "统计时段内对上述项目的督查"},
}

// Def returns the definition of a key.
func (k SupervisionKey) Def() SupervisionDef {
	for _, d := range SupervisionDefs {
		if d.Key == k {
			return d
		}
	}
	return SupervisionDef{Key: k, Label: string(k)}
}

// SupervisionRateDef is a supervision rate by its numerator and denominator.
type SupervisionRateDef struct {
	Name       string
	Num, Den   SupervisionKey
	Definition string
}

// SupervisionRateDefs lists the supervision rates whose parts are counts of SupervisionDefs. The polls' and
// surveys' rates (of people, not records) are SupervisionFigures.InquiryPoll, Satisfaction and Awareness.
var SupervisionRateDefs = []SupervisionRateDef{
	{"已销号率", SupRectClosed, SupRectRaised, "截至统计日已销号的整改事项 ÷ 统计时段内提出的整改事项"},
	{"回头看满意率", SupRectReviewOK, SupRectReviewed, "最近一次回头看满意(按设置含基本满意)的整改事项 ÷ 已回头看的整改事项"},
	{"民生实事完成率", SupCompleted, SupProjects, "截至统计日已完成的项目 ÷ 监督的民生实事和重点项目"},
}

// SupervisionItem is a record behind a supervision count, as the 报表 tab lists it.
type SupervisionItem struct {
	Kind   string // 评议活动 / 评议对象 / 整改事项 / 专题询问 / 民生实事
	ID     int64  // the record (for a 评议对象: its campaign)
	Label  string
	Detail string
}

// KindCountOf returns the count of name in a list, 0 when absent.
func KindCountOf(l []KindCount, name string) int {
	for _, k := range l {
		if k.Name == name {
			return k.Count
		}
	}
	return 0
}

// MeetingRect counts the rectification items an activity raised in the window and how many were 已销号 by the
// report date, for T13.
type MeetingRect struct {
	MeetingID      int64
	Raised, Closed int
}

// CampaignSummary is a campaign of the window as the report text tells it.
type CampaignSummary struct {
	ID                               int64
	Title, Method                    string
	Date                             Date // 测评日期
	Plan                             Date // 实施方案日期
	Scale                            string
	Units, Persons                   int      // targets
	FirstUnits                       []string // the first targets' names, in the campaign's order (units first)
	Categories                       []KindCount
	Top, Middle, Bottom              int // targets by grade
	Grades                           [3]string
	Award                            string
	Awarded                          int
	Groups, Villages, Forums         int
	Interviews, Letters, Opinions    int
	Rectifications                   int // items the campaign raised (any date)
	PresentAtMeeting, BallotsCounted int
}

// InquirySummary is an inquiry of the window as the report text tells it.
type InquirySummary struct {
	Topic                               string
	Date                                Date
	Problems, Suggestions, Requirements int
	Rectifications                      int
}

// VoteSummary is a 票决 of the window as the report text tells it.
type VoteSummary struct {
	Year               int
	Date               Date
	Meeting            string
	Candidates, Chosen int
}

// SupervisionFigures are the supervision figures of a period.
type SupervisionFigures struct {
	Counts map[SupervisionKey]int

	Campaigns []CampaignSummary // by 测评日期
	Inquiries []InquirySummary
	Votes     []VoteSummary

	CampaignsByMethod []KindCount // EvalMethods order
	TargetsByCategory []KindCount // in the order first met
	// The investigation of the campaigns: 调查组, 走访村(居), 座谈会, 个别谈话人次, 征求意见函, 调查表, 收集意见建议.
	Groups, Villages, Forums, Interviews, Letters, Surveys, Opinions int
	Awards                                                           []KindCount // titles given, by title

	RectBySource  []KindCount // RectSources order
	RectByPhase   []KindCount // RectPhases order
	RectByMeeting []MeetingRect

	InquiryLists []KindCount // the entries by list (问题清单, 建议清单, 具体要求)
	InquiryPoll  Rate        // satisfied (by the setting) ÷ polled

	Satisfaction Rate // 民生实事 surveys: satisfied ÷ respondents
	Awareness    Rate // aware ÷ respondents

	items map[SupervisionKey][]SupervisionItem
}

// Count returns the count of a key.
func (s SupervisionFigures) Count(k SupervisionKey) int { return s.Counts[k] }

// RateOf computes a supervision rate.
func (s SupervisionFigures) RateOf(d SupervisionRateDef) Rate {
	return Rate{s.Count(d.Num), s.Count(d.Den)}
}

// Items returns the records behind a count, in the order they were counted.
func (s SupervisionFigures) Items(k SupervisionKey) []SupervisionItem { return s.items[k] }

func (s *SupervisionFigures) add(k SupervisionKey, it SupervisionItem) {
	s.Counts[k]++
	s.items[k] = append(s.items[k], it)
}

// supervisionFigures counts the supervision of f's window as of f.AsOf.
func (tx *Tx) supervisionFigures(f *Figures, st Settings) error {
	s := SupervisionFigures{Counts: map[SupervisionKey]int{}, items: map[SupervisionKey][]SupervisionItem{}}
	for _, k := range SupervisionDefs {
		s.Counts[k.Key] = 0
	}
	from, last, asOf := f.From, f.last(), f.AsOf
	if err := tx.campaignFigures(&s, from, last); err != nil {
		return err
	}
	if err := tx.rectFigures(&s, st, from, last, asOf); err != nil {
		return err
	}
	if err := tx.inquiryFigures(&s, st, from, last); err != nil {
		return err
	}
	if err := tx.livelihoodFigures(&s, from, last, asOf); err != nil {
		return err
	}
	f.Supervision = s
	return nil
}

func (tx *Tx) campaignFigures(s *SupervisionFigures, from, last Date) error {
	cs, _, err := tx.evalCampaigns(EvalCampaignFilter{Sort: "date"})
	if err != nil {
		return err
	}
	byMethod := map[string]int{}
	byCat := []KindCount{}
	awards := []KindCount{}
	bump := func(l *[]KindCount, name string) {
		for i := range *l {
			if (*l)[i].Name == name {
				(*l)[i].Count++
				return
			}
		}
		*l = append(*l, KindCount{name, 1})
	}
	for _, c := range cs {
		if c.EvalDate < from || c.EvalDate > last {
			continue
		}
		byMethod[c.Method]++
		s.add(SupCampaigns, SupervisionItem{Kind: "评议活动", ID: c.ID, Label: c.Title, Detail: c.Method + " " + c.EvalDate.Chinese()})
		s.Groups += c.Groups
		s.Villages += c.Villages
		s.Forums += c.Forums
		s.Interviews += c.Interview
		s.Letters += c.Letters
		s.Surveys += c.Surveys
		s.Opinions += c.Opinions
		ts, err := tx.evalTargets(c.ID)
		if err != nil {
			return err
		}
		g := c.Grades()
		sum := CampaignSummary{ID: c.ID, Title: c.Title, Method: c.Method, Date: c.EvalDate, Plan: c.PlanDate, Scale: c.Scale, Grades: g, Award: c.Award,
			Groups: c.Groups, Villages: c.Villages, Forums: c.Forums, Interviews: c.Interview, Letters: c.Letters, Opinions: c.Opinions,
			Rectifications: c.Rectifications}
		if c.MeetingID != 0 {
			m, err := tx.meeting(c.MeetingID)
			if err != nil {
				return err
			}
			sum.PresentAtMeeting = m.Present + m.NonVoting
		}
		for _, unitsFirst := range []bool{true, false} {
			for _, t := range ts {
				if (t.UnitID != 0) == unitsFirst && len(sum.FirstUnits) < 3 {
					sum.FirstUnits = append(sum.FirstUnits, t.Name())
				}
			}
		}
		for i, r := range c.Results(ts) {
			t := ts[i]
			if t.UnitID != 0 {
				sum.Units++
			} else {
				sum.Persons++
			}
			cat := t.Category
			if cat == "" {
				cat = "未分类"
			}
			bump(&sum.Categories, cat)
			if r.Counted {
				sum.BallotsCounted = max(sum.BallotsCounted, t.Valid)
				switch r.Grade {
				case g[0]:
					sum.Top++
				case g[1]:
					sum.Middle++
				case g[2]:
					sum.Bottom++
				}
				if c.Award != "" && slices.Contains(r.Titles, c.Award) {
					sum.Awarded++
				}
			}
			it := SupervisionItem{Kind: "评议对象", ID: c.ID, Label: t.Name(), Detail: c.Title}
			if r.Counted {
				it.Detail += "；" + r.Grade
			}
			s.add(SupTargets, it)
			if t.UnitID != 0 {
				s.add(SupTargetUnits, it)
			} else {
				s.add(SupTargetPeople, it)
			}
			bump(&byCat, cat)
			if !r.Counted {
				continue
			}
			s.add(SupCounted, it)
			s.Counts[SupBallots] += t.Valid
			s.items[SupBallots] = append(s.items[SupBallots], SupervisionItem{Kind: "评议对象", ID: c.ID, Label: t.Name(),
				Detail: fmt.Sprintf("%s；有效票%d张", c.Title, t.Valid)})
			switch r.Grade {
			case g[0]:
				s.add(SupTop, it)
			case g[1]:
				s.add(SupMiddle, it)
			case g[2]:
				s.add(SupBottom, it)
			}
			if slices.Contains(r.Titles, c.Award) && c.Award != "" {
				s.add(SupAwarded, SupervisionItem{Kind: "评议对象", ID: c.ID, Label: t.Name(), Detail: c.Title + "；" + c.Award})
			}
			for _, title := range r.Titles {
				bump(&awards, title)
			}
		}
		s.Campaigns = append(s.Campaigns, sum)
	}
	for _, m := range EvalMethods {
		s.CampaignsByMethod = append(s.CampaignsByMethod, KindCount{m, byMethod[m]})
	}
	s.TargetsByCategory, s.Awards = byCat, awards
	return nil
}

// rectFigures counts the items raised in the window by their steps on or before asOf.
func (tx *Tx) rectFigures(s *SupervisionFigures, st Settings, from, last, asOf Date) error {
	satisfied := []string{GradeSatisfied}
	if st.SatisfiedBasic {
		satisfied = append(satisfied, GradeBasicSatisfied)
	}
	bySource, byPhase := map[string]int{}, map[string]int{}
	byMeeting := map[int64]*MeetingRect{}
	var meetings []int64
	err := collect(tx, `SELECT r.id, r.source, r.phase, r.text, coalesce(u.name, ''), coalesce(r.meeting_id, 0),
		coalesce((SELECT x.to_state FROM rectification_steps x WHERE x.rectification_id = r.id AND x.date <= ?3 ORDER BY x.date DESC, x.id DESC LIMIT 1), ''),
		coalesce((SELECT x.due FROM rectification_steps x WHERE x.rectification_id = r.id AND x.date <= ?3 ORDER BY x.date DESC, x.id DESC LIMIT 1), ''),
		coalesce((SELECT x.grade FROM rectification_steps x WHERE x.rectification_id = r.id AND x.step = '回头看' AND x.date <= ?3 ORDER BY x.date DESC, x.id DESC LIMIT 1), '')
		FROM rectifications r LEFT JOIN units u ON u.id = r.unit_id WHERE r.raised BETWEEN ?1 AND ?2 ORDER BY r.raised, r.id`,
		[]any{from, last, asOf}, func(sc scanner) error {
			var id, meeting int64
			var source, phase, text, unit, state, due, grade string
			if err := sc.Scan(&id, &source, &phase, &text, &unit, &meeting, &state, &due, &grade); err != nil {
				return err
			}
			it := SupervisionItem{Kind: "整改事项", ID: id, Label: rectLabel(text), Detail: unit + "；" + state}
			s.add(SupRectRaised, it)
			bySource[source]++
			byPhase[phase]++
			if meeting != 0 {
				if byMeeting[meeting] == nil {
					byMeeting[meeting] = &MeetingRect{MeetingID: meeting}
					meetings = append(meetings, meeting)
				}
				byMeeting[meeting].Raised++
				if state == RectClosed {
					byMeeting[meeting].Closed++
				}
			}
			switch state {
			case RectClosed:
				s.add(SupRectClosed, it)
			case RectActive:
				s.add(SupRectActive, it)
			default:
				s.add(SupRectOpen, it)
			}
			if state != RectClosed && due != "" && Date(due) < asOf {
				s.add(SupRectOverdue, SupervisionItem{Kind: "整改事项", ID: id, Label: it.Label, Detail: unit + "；时限" + Date(due).Chinese()})
			}
			if grade != "" {
				s.add(SupRectReviewed, it)
				if slices.Contains(satisfied, grade) {
					s.add(SupRectReviewOK, it)
				}
			}
			return nil
		})
	if err != nil {
		return err
	}
	for _, x := range RectSources {
		s.RectBySource = append(s.RectBySource, KindCount{x, bySource[x]})
	}
	for _, x := range RectPhases {
		s.RectByPhase = append(s.RectByPhase, KindCount{x, byPhase[x]})
	}
	for _, m := range meetings {
		s.RectByMeeting = append(s.RectByMeeting, *byMeeting[m])
	}
	return nil
}

func (tx *Tx) inquiryFigures(s *SupervisionFigures, st Settings, from, last Date) error {
	lists := map[string]int{}
	polled, ok := 0, 0
	err := collect(tx, `SELECT q.id, q.topic, q.date, q.satisfied, q.basic, q.unsatisfied,
		(SELECT count(*) FROM inquiry_items i WHERE i.inquiry_id = q.id AND i.list = '问题清单'),
		(SELECT count(*) FROM inquiry_items i WHERE i.inquiry_id = q.id AND i.list = '建议清单'),
		(SELECT count(*) FROM inquiry_items i WHERE i.inquiry_id = q.id AND i.list = '具体要求'),
		(SELECT count(*) FROM rectifications r WHERE r.inquiry_id = q.id)
		FROM inquiries q WHERE q.date BETWEEN ? AND ? ORDER BY q.date, q.id`, []any{from, last}, func(sc scanner) error {
		var id int64
		var topic string
		var date Date
		var sat, basic, unsat, p, sg, rq, rects int
		if err := sc.Scan(&id, &topic, &date, &sat, &basic, &unsat, &p, &sg, &rq, &rects); err != nil {
			return err
		}
		it := SupervisionItem{Kind: "专题询问", ID: id, Label: topic,
			Detail: fmt.Sprintf("%s；问题%d个、建议%d条、具体要求%d条", date.Chinese(), p, sg, rq)}
		s.Inquiries = append(s.Inquiries, InquirySummary{Topic: topic, Date: date, Problems: p, Suggestions: sg, Requirements: rq, Rectifications: rects})
		s.add(SupInquiries, it)
		lists[InquiryProblems] += p
		lists[InquirySuggestions] += sg
		lists[InquiryRequirements] += rq
		if n := p + sg + rq; n > 0 {
			s.Counts[SupInquiryItems] += n
			s.items[SupInquiryItems] = append(s.items[SupInquiryItems], it)
		}
		polled += sat + basic + unsat
		ok += sat
		if st.SatisfiedBasic {
			ok += basic
		}
		return nil
	})
	for _, l := range InquiryLists {
		s.InquiryLists = append(s.InquiryLists, KindCount{l, lists[l]})
	}
	s.InquiryPoll = Rate{ok, polled}
	return err
}

func (tx *Tx) livelihoodFigures(s *SupervisionFigures, from, last, asOf Date) error {
	var years []int
	for y := from.Year(); y <= last.Year(); y++ {
		years = append(years, y)
	}
	// A year's projects may be voted on at the session early in that year or late in the one before.
	voted := map[int]LivelihoodVote{}
	for y := from.Year() - 1; y <= last.Year()+1; y++ {
		v, err := tx.livelihoodVote(y)
		if err != nil {
			return err
		}
		if v.Saved {
			voted[y] = v
		}
	}
	chosen := map[int64]bool{}
	for y := from.Year() - 1; y <= last.Year()+1; y++ {
		v, ok := voted[y]
		if !ok {
			continue
		}
		cands, _, err := tx.projects(ProjectFilter{Year: y, Kind: ProjectLivelihood})
		if err != nil {
			return err
		}
		t := v.Tally(cands)
		inWindow := v.Date >= from && v.Date <= last
		if inWindow {
			s.add(SupVotes, SupervisionItem{Kind: "民生实事", ID: int64(y), Label: fmt.Sprintf("%d年民生实事项目票决", y),
				Detail: fmt.Sprintf("%s；候选%d项，确定%d项", v.Date.Chinese(), len(cands), t.Chosen)})
			s.Votes = append(s.Votes, VoteSummary{Year: y, Date: v.Date, Meeting: v.MeetingTitle, Candidates: len(cands), Chosen: t.Chosen})
		}
		for _, row := range t.Rows {
			p := row.Project
			it := SupervisionItem{Kind: "民生实事", ID: p.ID, Label: p.Name, Detail: fmt.Sprintf("%d年；赞成%d票", p.Year, p.For)}
			if inWindow {
				s.add(SupCandidates, it)
				if row.Chosen {
					s.add(SupChosen, it)
				}
			}
			if row.Chosen {
				chosen[p.ID] = true
			}
		}
	}
	var satisfied, aware, respondents int
	for _, y := range years {
		ps, _, err := tx.projects(ProjectFilter{Year: y})
		if err != nil {
			return err
		}
		_, hasVote := voted[y]
		for _, p := range ps {
			supervised := p.Kind == ProjectKey || chosen[p.ID] || !hasVote
			if !supervised {
				continue
			}
			it := SupervisionItem{Kind: "民生实事", ID: p.ID, Label: p.Name, Detail: fmt.Sprintf("%d年%s；%s", p.Year, p.Kind, p.Status)}
			s.add(SupProjects, it)
			if p.Status == ProjectDone && p.Completed != "" && p.Completed <= asOf {
				s.add(SupCompleted, it)
			}
			if p.SurveyDate != "" && p.SurveyDate <= asOf {
				satisfied += p.Satisfied
				aware += p.Aware
				respondents += p.Respondents
			}
			checks, err := tx.livelihoodChecks(p.ID)
			if err != nil {
				return err
			}
			for _, k := range checks {
				if k.Date >= from && k.Date <= last {
					s.add(SupChecks, SupervisionItem{Kind: "民生实事", ID: p.ID, Label: p.Name, Detail: k.Date.Chinese() + "督查"})
				}
			}
		}
	}
	s.Satisfaction, s.Awareness = Rate{satisfied, respondents}, Rate{aware, respondents}
	return nil
}
