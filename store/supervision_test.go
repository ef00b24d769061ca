package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// evalCase is a campaign end to end (issue 17): six stations and offices evaluated at a 述职评议 on 2024-06-26,
// ballots counted (three 满意 — one of them exactly at the 90% line — two 基本满意 and one 不满意), the 不满意 unit and
// one other given four rectification items, taken to 销号 and a 回头看 (one 不满意 sends its item back for a second
// round); one item stays 未整改 and one 整改中 past their due dates.
type evalCase struct {
	*fixture
	meeting  Meeting
	campaign EvalCampaign
	targets  []EvalTarget
	units    map[string]Unit
	items    []Rectification // 0 派出所 closed & reviewed 满意; 1 派出所 closed, reviewed 不满意, closed again; 2 派出所 overdue; 3 城建办 整改中
}

// evalTargetRows: unit, issued, returned, valid, 满意, 基本满意, 不满意.
var evalTargetRows = []struct {
	unit                                    string
	issued, returned, valid, top, mid, bott int
}{
	{"乡财政所", 40, 40, 39, 30, 7, 2},   // 37/39 94.9% 满意
	{"国土所", 40, 40, 40, 28, 10, 2},   // 38/40 95.0% 满意
	{"农技站", 40, 39, 39, 20, 12, 7},   // 32/39 82.1% 基本满意
	{"镇党政办", 40, 40, 40, 25, 11, 4},  // 36/40 90.0% 满意 (on the line)
	{"镇城建所", 40, 40, 38, 15, 12, 11}, // 27/38 71.1% 基本满意
	{"镇派出所", 40, 40, 40, 8, 12, 20},  // 20/40 50.0% 不满意
}

func newEvalCase(t *testing.T) *evalCase {
	t.Helper()
	ctx := context.Background()
	c := &evalCase{fixture: newFixture(t), units: map[string]Unit{}}
	db := c.db
	for _, r := range evalTargetRows {
		u := Unit{Name: r.unit, Kind: "站所"}
		must(t, db.SaveUnit(ctx, &u))
		c.units[r.unit] = u
	}
	c.meeting = Meeting{Kind: MeetingWorkEval, Title: "2024年度站所述职评议大会", Start: "2024-06-26", Place: "镇政府大会议室"}
	must(t, db.SaveMeeting(ctx, &c.meeting))
	must(t, db.SaveMeetingDetail(ctx, c.meeting.ID, MeetingDetail{Attendance: []Attendance{
		{DeputyID: c.wang.ID, Status: "出席"}, {DeputyID: c.li.ID, Status: "出席"}, {DeputyID: c.zhao.ID, Status: "请假", Reason: "外出"}}}))
	c.campaign = NewEvalCampaign(2024, "2024-06-26")
	c.campaign.Title, c.campaign.Method, c.campaign.Selection = "2024年度站所述职评议", EvalReport, "党政联席会票决"
	c.campaign.PlanDate, c.campaign.MeetingID = "2024-04-10", c.meeting.ID
	c.campaign.Groups, c.campaign.Villages, c.campaign.Forums, c.campaign.Interview = 2, 9, 20, 100
	c.campaign.Letters, c.campaign.Opinions = 60, 100
	c.campaign.MemberIDs = []int64{c.wang.ID, c.li.ID}
	must(t, db.SaveEvalCampaign(ctx, &c.campaign))
	for _, r := range evalTargetRows {
		c.targets = append(c.targets, EvalTarget{UnitID: c.units[r.unit].ID, Category: "基层站所", ReportDate: "2024-06-26",
			Issued: r.issued, Returned: r.returned, Valid: r.valid, Top: r.top, Middle: r.mid, Bottom: r.bott})
	}
	must(t, db.SaveEvalTargets(ctx, c.campaign.ID, c.targets))
	var err error
	c.targets, err = db.EvalTargets(ctx, c.campaign.ID)
	must(t, err)
	police, works := c.targets[5], c.targets[4]
	for i, x := range []struct {
		text   string
		target EvalTarget
		phase  string
	}{
		{"群众办事排队时间长，窗口服务效率不高", police, PhaseAtOnce},
		{"辖区夜间巡逻不到位，村民反映治安隐患", police, PhaseNearTerm},
		{"交通事故多发路段缺少警示标志", police, PhaseThisYear},
		{"农房建设审批材料要求不一，群众多跑路", works, PhaseNearTerm},
	} {
		r := Rectification{Source: RectFromCampaign, CampaignID: c.campaign.ID, TargetID: x.target.ID, Text: x.text,
			UnitID: x.target.UnitID, Phase: x.phase, Raised: "2024-06-28"}
		if i == 2 {
			r.Due = "2024-10-31"
		}
		must(t, db.SaveRectification(ctx, &r))
		c.items = append(c.items, r)
	}
	step := func(i int, s string, in RectStepInput) {
		t.Helper()
		must(t, db.RectStep(ctx, c.items[i].ID, s, in))
	}
	step(0, RectStepStart, RectStepInput{Date: "2024-07-01", Note: "增设便民窗口"})
	step(0, RectStepClose, RectStepInput{Date: "2024-07-10", Note: "已增设两个窗口，推行预约办理，平均等候时间缩短到10分钟"})
	step(0, RectStepReview, RectStepInput{Date: "2024-12-20", Note: "群众反映排队明显减少", Grade: GradeSatisfied})
	step(1, RectStepStart, RectStepInput{Date: "2024-07-05"})
	step(1, RectStepClose, RectStepInput{Date: "2024-09-20", Note: "已调整巡逻班次"})
	step(1, RectStepReview, RectStepInput{Date: "2024-11-15", Note: "部分村夜间仍无巡逻", Grade: GradeUnsatisfied, Due: "2024-12-20"})
	step(1, RectStepClose, RectStepInput{Date: "2024-12-18", Note: "各村夜间巡逻全覆盖，群众认可"})
	step(3, RectStepStart, RectStepInput{Date: "2024-08-01", Note: "梳理审批材料清单"})
	for i := range c.items {
		c.items[i], err = db.Rectification(ctx, c.items[i].ID)
		must(t, err)
	}
	return c
}

func TestEvaluationCampaignEndToEnd(t *testing.T) {
	ctx := context.Background()
	c := newEvalCase(t)
	db := c.db

	t.Run("ResultsByTheRule", func(t *testing.T) {
		got, err := db.EvalCampaign(ctx, c.campaign.ID)
		must(t, err)
		if got.Targets != 6 || got.Counted != 6 || got.Rectifications != 4 || got.MeetingTitle != c.meeting.Title ||
			!slices.Equal(got.MemberIDs, []int64{c.wang.ID, c.li.ID}) {
			t.Fatalf("campaign %+v", got)
		}
		res := got.Results(c.targets)
		want := []struct {
			rate, grade string
			rank        int
		}{{"94.9%", "满意", 2}, {"95.0%", "满意", 1}, {"82.1%", "基本满意", 4}, {"90.0%", "满意", 3}, {"71.1%", "基本满意", 5}, {"50.0%", "不满意", 6}}
		for i, w := range want {
			r := res[i]
			if r.Rate.Percent(1) != w.rate || r.Grade != w.grade || r.Rank != w.rank {
				t.Errorf("%s: %s %s rank %d, want %s %s %d", c.targets[i].Name(), r.Rate.Percent(1), r.Grade, r.Rank, w.rate, w.grade, w.rank)
			}
			if hasAward := slices.Contains(r.Titles, "人大代表满意单位"); hasAward != (w.grade == "满意") {
				t.Errorf("%s titles %v", c.targets[i].Name(), r.Titles)
			}
		}
		only := got
		only.RateBasic = false // 满意 only: the 财政所 falls to 30/39 = 76.9%, 基本满意
		if r := only.Result(c.targets[0]); r.Rate.Percent(1) != "76.9%" || r.Grade != "基本满意" {
			t.Errorf("满意-only rule: %s %s", r.Rate.Percent(1), r.Grade)
		}
		if !strings.Contains(got.Rule(), "满意率 = (满意票+基本满意票) ÷ 有效票；满意率达到90%为满意") {
			t.Errorf("rule %q", got.Rule())
		}
	})

	t.Run("Rectification", func(t *testing.T) {
		it := c.items
		if it[0].State != RectClosed || it[0].ReviewGrade != GradeSatisfied || it[0].Report == "" {
			t.Errorf("item 0 %+v", it[0])
		}
		if it[1].State != RectClosed || it[1].Round != 2 || it[1].Closed != "2024-12-18" || it[1].ReviewGrade != GradeUnsatisfied {
			t.Errorf("item 1 %+v", it[1])
		}
		if it[2].State != RectOpen || !it[2].Overdue("2024-12-31") || it[2].Overdue("2024-10-31") {
			t.Errorf("item 2 %+v", it[2])
		}
		if it[3].State != RectActive || it[3].Due != "2024-09-28" && it[3].Due != "2024-09-30" {
			t.Errorf("item 3 (近期整改: three months, rolled to a working day) %+v", it[3])
		}
		if it[0].Due != "2024-07-12" { // 即知即改: 10 working days after Friday 28 June
			t.Errorf("即知即改 due %s", it[0].Due)
		}
		steps, err := db.RectTimeline(ctx, it[1].ID)
		must(t, err)
		var names []string
		for _, s := range steps {
			names = append(names, s.Step+":"+s.FromState+"→"+s.ToState)
		}
		want := "登记:→未整改 开始整改:未整改→整改中 销号:整改中→已销号 回头看:已销号→已销号 重新整改:已销号→整改中 销号:整改中→已销号"
		if strings.Join(names, " ") != want {
			t.Errorf("timeline %v", names)
		}
		h, _, err := db.History(ctx, HistoryFilter{Entity: "rectification", EntityID: it[1].ID, Limit: 20})
		must(t, err)
		if len(h) != 5 || h[0].Action != ActionState || !strings.Contains(h[0].Changes, "状态: 整改中 → 已销号") ||
			!strings.Contains(h[1].Changes, "回头看 2024年11月15日\n满意度: 不满意；部分村夜间仍无巡逻\n重新整改") {
			t.Errorf("history %+v", h)
		}
	})

	t.Run("IllegalStepsRefused", func(t *testing.T) {
		wantErr(t, db.RectStep(ctx, c.items[2].ID, RectStepReview, RectStepInput{Date: "2024-12-30", Note: "x", Grade: "满意"}),
			ESTATE, "当前状态为「未整改」，不能回头看")
		wantErr(t, db.RectStep(ctx, c.items[0].ID, RectStepClose, RectStepInput{Date: "2024-12-30", Note: "x"}),
			ESTATE, "已销号的事项只能回头看")
		wantErr(t, db.RectStep(ctx, c.items[3].ID, RectStepClose, RectStepInput{Date: "2024-12-30"}), EINVALID, "整改情况不能为空")
		wantErr(t, db.RectStep(ctx, c.items[3].ID, RectStepProgress, RectStepInput{Date: "2024-07-01", Note: "x"}),
			EINVALID, "不能早于上一步的日期")
		wantErr(t, db.RectStep(ctx, c.items[3].ID, RectStepExtend, RectStepInput{Date: "2024-12-30", Due: "2024-09-01", Note: "资金未到位"}),
			EINVALID, "新的整改时限", "应晚于现在的整改时限")
	})

	t.Run("BadTargetsNamed", func(t *testing.T) {
		bad := slices.Clone(c.targets)
		bad[2].Valid = 40 // more than the 39 returned
		wantErr(t, db.SaveEvalTargets(ctx, c.campaign.ID, bad), EINVALID, "评议对象第3行有效票数(40)不能多于收回票数(39)")
		bad = slices.Clone(c.targets)
		bad[1].Top = 35 // 35 + 10 + 2 > 40
		wantErr(t, db.SaveEvalTargets(ctx, c.campaign.ID, bad), EINVALID, "评议对象第2行有效票数(40)少于各档票数之和(47)")
		bad = append(slices.Clone(c.targets), EvalTarget{UnitID: c.targets[0].UnitID})
		wantErr(t, db.SaveEvalTargets(ctx, c.campaign.ID, bad), EINVALID, "评议对象第7行被评议单位与第1行重复")
		bad = slices.Clone(c.targets[:5]) // the 派出所 has rectification items
		wantErr(t, db.SaveEvalTargets(ctx, c.campaign.ID, bad), ECONFLICT, "评议对象「镇派出所」有3条整改意见，不能删除")
		wantErr(t, db.DeleteEvalCampaign(ctx, c.campaign.ID), ECONFLICT, "提出了4条整改意见，不能删除")
		wantErr(t, db.DeleteUnit(ctx, c.units["农技站"].ID), ECONFLICT, "在监督工作", "被引用1次")
		after, err := db.EvalTargets(ctx, c.campaign.ID)
		must(t, err)
		if len(after) != 6 || after[2].Valid != 39 {
			t.Fatalf("a refused save changed the targets: %+v", after)
		}
	})

	t.Run("Figures", func(t *testing.T) {
		f, err := db.YearFigures(ctx, 2024, "")
		must(t, err)
		s := f.Supervision
		for k, want := range map[SupervisionKey]int{SupCampaigns: 1, SupTargets: 6, SupTargetUnits: 6, SupBallots: 236, SupTop: 3,
			SupMiddle: 2, SupBottom: 1, SupAwarded: 3, SupRectRaised: 4, SupRectClosed: 2, SupRectActive: 1, SupRectOpen: 1,
			SupRectOverdue: 2, SupRectReviewed: 2, SupRectReviewOK: 1} {
			if got := s.Count(k); got != want {
				t.Errorf("%s (%s) = %d, want %d", k, k.Def().Label, got, want)
			}
			if k != SupBallots && len(s.Items(k)) != want {
				t.Errorf("%s lists %d records, counts %d", k, len(s.Items(k)), want)
			}
		}
		if r := s.RateOf(SupervisionRateDefs[0]); r.Percent(1) != "50.0%" {
			t.Errorf("已销号率 %s", r.Percent(1))
		}
		if s.Forums != 20 || s.Interviews != 100 || s.Villages != 9 || s.Groups != 2 || s.Opinions != 100 {
			t.Errorf("investigation %+v", s)
		}
		if KindCountOf(s.CampaignsByMethod, EvalReport) != 1 || KindCountOf(s.RectBySource, RectFromCampaign) != 4 {
			t.Errorf("by method %v by source %v", s.CampaignsByMethod, s.RectBySource)
		}
		if it := s.Items(SupBottom); it[0].Label != "镇派出所" || it[0].Kind != "评议对象" {
			t.Errorf("不满意 items %+v", it)
		}
	})

	t.Run("FiguresAsOfAnEarlierDay", func(t *testing.T) {
		// On 30 September item 1 had been closed (reopened only in November), item 0 too; item 2 was not yet
		// overdue (due 31 October); nothing was reviewed.
		f, err := db.Figures(ctx, "2024-01-01", "2024-12-31", "2024-09-30")
		must(t, err)
		s := f.Supervision
		if s.Count(SupRectClosed) != 2 || s.Count(SupRectOverdue) != 0 || s.Count(SupRectReviewed) != 0 || s.Count(SupRectOpen) != 1 {
			t.Errorf("as of 30 September: closed %d overdue %d reviewed %d open %d", s.Count(SupRectClosed),
				s.Count(SupRectOverdue), s.Count(SupRectReviewed), s.Count(SupRectOpen))
		}
		f, err = db.Figures(ctx, "2024-01-01", "2024-12-31", "2024-11-30")
		must(t, err)
		if got := f.Supervision.Count(SupRectClosed); got != 1 { // item 1 reopened on 15 November
			t.Errorf("as of 30 November closed %d, want 1", got)
		}
	})

	t.Run("Search", func(t *testing.T) {
		for q, want := range map[string]int{"巡逻": 1, "夜间巡逻": 1, "群众": 3, "预约办理": 1} {
			_, n, err := db.Rectifications(ctx, RectificationFilter{Query: q})
			must(t, err)
			if n != want {
				t.Errorf("search %q: %d, want %d", q, n, want)
			}
		}
		_, n, err := db.Rectifications(ctx, RectificationFilter{Overdue: true, Today: "2024-12-31"})
		must(t, err)
		if n != 2 {
			t.Errorf("overdue %d", n)
		}
		_, n, err = db.EvalCampaigns(ctx, EvalCampaignFilter{Query: "站所述职"})
		must(t, err)
		if n != 1 {
			t.Errorf("campaign search %d", n)
		}
	})
}

func TestRectificationValidation(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	for _, c := range []struct {
		name string
		r    Rectification
		want []string
	}{
		{"TextRequired", Rectification{Source: RectFromOther, UnitID: f.unitA.ID, Phase: PhaseNearTerm, Raised: "2024-05-01"}, []string{"整改事项不能为空"}},
		{"UnitRequired", Rectification{Source: RectFromOther, Text: "x", Phase: PhaseNearTerm, Raised: "2024-05-01"}, []string{"责任单位不能为空"}},
		{"PhaseUnknown", Rectification{Source: RectFromOther, Text: "x", UnitID: f.unitA.ID, Phase: "马上", Raised: "2024-05-01"}, []string{"整改阶段「马上」无效"}},
		{"CampaignNeeded", Rectification{Source: RectFromCampaign, Text: "x", UnitID: f.unitA.ID, Phase: PhaseNearTerm, Raised: "2024-05-01"}, []string{"请选择评议活动"}},
		{"ActivityNeeded", Rectification{Source: RectFromActivity, Text: "x", UnitID: f.unitA.ID, Phase: PhaseNearTerm, Raised: "2024-05-01"}, []string{"请选择提出它的会议或活动"}},
		{"DueBeforeRaised", Rectification{Source: RectFromOther, Text: "x", UnitID: f.unitA.ID, Phase: PhaseNearTerm, Raised: "2024-05-01", Due: "2024-04-01"}, []string{"整改时限", "不能早于提出日期"}},
		{"ActivityOfTheWrongKind", Rectification{Source: RectFromActivity, Text: "x", UnitID: f.unitA.ID, Phase: PhaseNearTerm, Raised: "2024-05-01", MeetingID: f.session.ID}, []string{"来源会议活动", "应选视察"}},
		{"FutureDay", Rectification{Source: RectFromOther, Text: "x", UnitID: f.unitA.ID, Phase: PhaseNearTerm, Raised: "2025-05-01"}, []string{"提出日期", "不能晚于今天"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := c.r
			wantErr(t, f.db.SaveRectification(ctx, &r), EINVALID, c.want...)
		})
	}
	_, n, err := f.db.Rectifications(ctx, RectificationFilter{})
	must(t, err)
	if n != 0 {
		t.Fatalf("%d items written by refused saves", n)
	}
}

// TestLivelihoodVote is a 票决 of 12 candidates with 10 to choose: 11 pass the half of the 60 deputies expected,
// and the 10 with most votes are chosen; the 12th fails. A tie across the cut is left for another vote.
func TestLivelihoodVote(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	db := f.db
	votes := []int{58, 57, 55, 55, 54, 52, 50, 49, 47, 45, 40, 25} // the 11th passes but is 11th; the 12th fails (25 ≤ 30)
	for i, v := range votes {
		p := LivelihoodProject{Year: 2024, Kind: ProjectLivelihood, Name: fmt.Sprintf("民生实事候选项目%02d", i+1), For: v, Against: 60 - v - 1, Abstain: 1}
		must(t, db.SaveLivelihoodProject(ctx, &p))
	}
	key := LivelihoodProject{Year: 2024, Kind: ProjectKey, Name: "镇区污水管网改造"}
	must(t, db.SaveLivelihoodProject(ctx, &key))
	v := LivelihoodVote{Year: 2024, Date: "2024-01-20", MeetingID: f.session.ID, ToChoose: 10, Expected: 60, Issued: 60, Returned: 60, Valid: 60}
	must(t, db.SaveLivelihoodVote(ctx, &v))
	doc, err := db.LivelihoodDoc(ctx, 2024)
	must(t, err)
	tl := doc.Tally
	if len(doc.Candidates) != 12 || tl.Chosen != 10 || tl.Passed != 11 || tl.Tie || tl.Base != 60 {
		t.Fatalf("tally: %d candidates, chosen %d passed %d tie %v base %d", len(doc.Candidates), tl.Chosen, tl.Passed, tl.Tie, tl.Base)
	}
	if tl.Rows[10].Chosen || !tl.Rows[10].Passed || tl.Rows[11].Passed || !tl.Rows[9].Chosen || tl.Rows[2].Rank != 3 || tl.Rows[3].Rank != 3 {
		t.Fatalf("rows %+v", tl.Rows)
	}
	fig, err := db.YearFigures(ctx, 2024, "")
	must(t, err)
	s := fig.Supervision
	if s.Count(SupVotes) != 1 || s.Count(SupCandidates) != 12 || s.Count(SupChosen) != 10 || s.Count(SupProjects) != 11 {
		t.Errorf("figures: votes %d candidates %d chosen %d projects %d", s.Count(SupVotes), s.Count(SupCandidates),
			s.Count(SupChosen), s.Count(SupProjects))
	}

	t.Run("TieAcrossTheCut", func(t *testing.T) {
		tied := v
		tied.ToChoose = 3 // the 3rd and 4th have 55 votes each
		tt := tied.Tally(doc.Candidates)
		if tt.Chosen != 2 || !tt.Tie || !tt.Rows[2].Tied || !tt.Rows[3].Tied || tt.Rows[2].Chosen {
			t.Fatalf("tie: chosen %d tie %v rows %+v", tt.Chosen, tt.Tie, tt.Rows[:4])
		}
	})
	t.Run("VotesBeyondTheBallots", func(t *testing.T) {
		bad := v
		bad.Valid, bad.Returned = 50, 50
		wantErr(t, db.SaveLivelihoodVote(ctx, &bad), EINVALID, "有效票(50)少于候选项目", "合计(60)")
		p := doc.Candidates[0]
		p.For = 61
		wantErr(t, db.SaveLivelihoodProject(ctx, &p), EINVALID, "赞成、反对、弃权票合计(63)不能多于2024年票决的有效票(60)")
		k := key
		k.For = 3
		wantErr(t, db.SaveLivelihoodProject(ctx, &k), EINVALID, "重点项目不经代表票决")
		done := doc.Candidates[0]
		done.Status = ProjectDone
		wantErr(t, db.SaveLivelihoodProject(ctx, &done), EINVALID, "请填写完成日期")
	})
}

func TestInquiryLists(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	db := f.db
	m := Meeting{Kind: MeetingInquiry, Title: "关于物业管理的专题询问会", Start: "2024-05-20"}
	must(t, db.SaveMeeting(ctx, &m))
	q := Inquiry{Topic: "物业管理", Date: "2024-05-20", MeetingID: m.ID, Surveys: 300, Satisfied: 30, Basic: 8, Unsatisfied: 2}
	must(t, db.SaveInquiry(ctx, &q))
	items := []InquiryItem{
		{List: InquiryProblems, Text: "老旧小区无物业管理", UnitID: f.unitA.ID}, {List: InquiryProblems, Text: "维修资金使用难"},
		{List: InquirySuggestions, Text: "推行物业服务质量评价"}, {List: InquiryRequirements, Text: "年内完成老旧小区物业全覆盖"},
	}
	must(t, db.SaveInquiryItems(ctx, q.ID, items))
	got, err := db.InquiryItems(ctx, q.ID)
	must(t, err)
	if len(got) != 4 || got[1].Seq != 2 || got[2].Seq != 1 || got[0].UnitName != "镇城建办" {
		t.Fatalf("items %+v", got)
	}
	r := Rectification{Source: RectFromInquiry, InquiryID: q.ID, InquiryItemID: got[0].ID, Text: got[0].Text, UnitID: f.unitA.ID,
		Phase: PhaseThisYear, Raised: "2024-05-25"}
	must(t, db.SaveRectification(ctx, &r))
	if r.Due != "2024-12-31" {
		t.Errorf("年内整改 due %s", r.Due)
	}
	wantErr(t, db.SaveInquiryItems(ctx, q.ID, got[1:]), ECONFLICT, "问题清单第1条「老旧小区无物业管理」已转为整改事项")
	wantErr(t, db.SaveInquiryItems(ctx, q.ID, []InquiryItem{{List: InquirySuggestions, Text: " "}}), EINVALID, "建议清单第1条不能为空")
	wantErr(t, db.DeleteInquiry(ctx, q.ID), ECONFLICT, "有1条整改事项")
	fig, err := db.YearFigures(ctx, 2024, "")
	must(t, err)
	s := fig.Supervision
	if s.Count(SupInquiries) != 1 || s.Count(SupInquiryItems) != 4 || s.InquiryPoll.Percent(1) != "95.0%" ||
		KindCountOf(s.InquiryLists, InquiryProblems) != 2 || KindCountOf(s.RectBySource, RectFromInquiry) != 1 {
		t.Errorf("inquiry figures %+v", s)
	}
	bad := Meeting{Kind: MeetingPresidium, Title: "主席团会议", Start: "2024-05-01"}
	must(t, db.SaveMeeting(ctx, &bad))
	q2 := Inquiry{Topic: "x", Date: "2024-05-01", MeetingID: bad.ID}
	wantErr(t, db.SaveInquiry(ctx, &q2), EINVALID, "询问会议应为专题询问会议")
}
