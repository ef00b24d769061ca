package store

import (
	"context"
	"slices"
	"strings"
	"testing"
)

func TestSuggestionRegistration(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	t.Run("NumbersPerYear", func(t *testing.T) {
		a := f.item(t, "关于修缮青山村至河东村道路的建议", "2024-03-01")
		b := f.item(t, "关于加强河东村河道保洁的建议", "2024-03-02")
		c := f.item(t, "关于增设路灯的建议", "2023-12-30")
		if a.Number != "2024-001" || b.Number != "2024-002" || c.Number != "2023-001" {
			t.Fatalf("numbers %s %s %s", a.Number, b.Number, c.Number)
		}
		if a.State != StatePending || a.Round != 1 || a.Year != 2024 {
			t.Fatalf("new item %+v", a)
		}
		tl, _ := f.db.Timeline(ctx, a.ID)
		if len(tl) != 1 || tl[0].Step != StepRegister || tl[0].ToState != StatePending {
			t.Fatalf("timeline %+v", tl)
		}
	})
	t.Run("NumbersPerSession", func(t *testing.T) {
		s, _ := f.db.Settings(ctx)
		s.Numbering = "session"
		must(t, f.db.SaveSettings(ctx, s))
		it := Suggestion{Kind: KindSuggestion, Period: PeriodSession, SessionID: f.session.ID, Source: "代表提出",
			LeadDeputyID: f.li.ID, Title: "关于建设文化礼堂的建议", Category: "教育文化卫生", Scope: LevelTown, Received: "2024-01-20"}
		must(t, f.db.SaveSuggestion(ctx, &it))
		if it.Number != "十八届三次-001" {
			t.Fatalf("session number %q", it.Number)
		}
		second := it
		second.ID, second.Number, second.Title = 0, "", "关于修建村级广场的建议"
		must(t, f.db.SaveSuggestion(ctx, &second))
		if second.Number != "十八届三次-002" {
			t.Fatalf("second session number %q", second.Number)
		}
	})
	t.Run("NumbersAfterTypedOnes", func(t *testing.T) {
		// A number typed by hand counts under its prefix: the next free one follows the highest; numbers of
		// another shape (no '-', a longer prefix) do not.
		for _, n := range []string{"2022-041", "2022-A-7", "2022041", "X2022-090"} {
			it := Suggestion{Number: n, Kind: KindSuggestion, Period: PeriodRecess, Source: "代表提出", LeadDeputyID: f.li.ID,
				Title: "手工编号" + n, Category: "其他", Scope: LevelTown, Received: "2022-04-01"}
			must(t, f.db.SaveSuggestion(ctx, &it))
		}
		if got := f.item(t, "关于2022年的又一件建议", "2022-05-01"); got.Number != "2022-042" {
			t.Fatalf("after 2022-041 and 2022-A-7: %s", got.Number)
		}
	})
	t.Run("NextNumberUsesTheIndex", func(t *testing.T) {
		// Without the index every save scanned all items: an import of n items took n² steps.
		rows, err := f.db.db.QueryContext(ctx, "EXPLAIN QUERY PLAN "+nextSeqQuery, "2024-")
		must(t, err)
		defer rows.Close()
		var plan []string
		for rows.Next() {
			var id, parent, notused int
			var detail string
			must(t, rows.Scan(&id, &parent, &notused, &detail))
			plan = append(plan, detail)
		}
		if !strings.Contains(strings.Join(plan, "\n"), "USING COVERING INDEX suggestions_number_prefix") {
			t.Fatalf("plan %q", plan)
		}
	})
	t.Run("ErrDuplicateNumber", func(t *testing.T) {
		it := Suggestion{Number: "2024-001", Kind: KindSuggestion, Period: PeriodRecess, Source: "代表提出", LeadDeputyID: f.li.ID,
			Title: "重复编号", Category: "其他", Scope: LevelTown, Received: "2024-04-01"}
		wantErr(t, f.db.SaveSuggestion(ctx, &it), ECONFLICT, "编号「2024-001」已被另一件建议使用")
	})
	for _, tc := range []struct {
		name string
		edit func(s *Suggestion)
		msg  string
	}{
		{"ErrTitle", func(s *Suggestion) { s.Title = "" }, "标题不能为空"},
		{"ErrTitleLong", func(s *Suggestion) { s.Title = strings.Repeat("路", 201) }, "标题不能超过200个字(现有201个)"},
		{"ErrContentLong", func(s *Suggestion) { s.Content = strings.Repeat("字", 20001) }, "内容不能超过20000个字"},
		{"ErrCategory", func(s *Suggestion) { s.Category = "航天" }, "类别「航天」不在建议类别字典中"},
		{"ErrSource", func(s *Suggestion) { s.Source = "梦里" }, "来源「梦里」不在建议来源字典中"},
		{"ErrScope", func(s *Suggestion) { s.Scope = "省级" }, "涉及层面「省级」无效"},
		{"ErrNoLead", func(s *Suggestion) { s.LeadDeputyID = 0 }, "领衔代表不能为空"},
		{"ErrVoterName", func(s *Suggestion) { s.Kind, s.LeadDeputyID = KindVoter, 0 }, "选民姓名不能为空"},
		{"ErrSessionMissing", func(s *Suggestion) { s.Period = PeriodSession }, "人代会期间提出的建议必须选择是哪次会议"},
		{"ErrReceivedFuture", func(s *Suggestion) { s.Received = "2025-01-02" }, "收到日期(2025年1月2日)不能晚于今天"},
		{"ErrReceivedBad", func(s *Suggestion) { s.Received = "2024-13-01" }, "收到日期「2024-13-01」不是有效日期"},
		{"ErrCosignerIsLead", func(s *Suggestion) { s.CosignerIDs = []int64{s.LeadDeputyID} }, "联名代表不能包含领衔代表本人"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := Suggestion{Kind: KindSuggestion, Period: PeriodRecess, Source: "代表提出", LeadDeputyID: f.wang.ID,
				Title: "一件建议", Category: "其他", Scope: LevelTown, Received: "2024-05-01"}
			tc.edit(&s)
			wantErr(t, f.db.SaveSuggestion(ctx, &s), EINVALID, tc.msg)
		})
	}
	t.Run("Update", func(t *testing.T) {
		list, _, _ := f.db.Suggestions(ctx, SuggestionFilter{Year: 2024, Sort: "number"})
		s := list[0]
		s.Title = "关于修缮青山村至河东村道路并加装护栏的建议"
		s.CosignerIDs = []int64{f.li.ID, f.zhao.ID}
		must(t, f.db.SaveSuggestion(ctx, &s))
		got := f.get(t, s.ID)
		if got.Title != s.Title || len(got.CosignerIDs) != 2 || got.Number != list[0].Number {
			t.Fatalf("after update %+v", got)
		}
		h, _, _ := f.db.History(ctx, HistoryFilter{Entity: "suggestion", EntityID: s.ID})
		if len(h) != 2 || !strings.Contains(h[0].Changes, "标题:") || strings.Contains(h[0].Changes, "状态") {
			t.Fatalf("history %+v", h[0])
		}
	})
}

// A whole life: satisfied at the first evaluation.
func TestLifecycleSatisfiedFirstTime(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	s := f.item(t, "关于修缮青山村至河东村道路的建议", "2024-03-01")
	must(t, f.db.Assign(ctx, s.ID, AssignInput{MainUnitID: f.unitA.ID, AssistUnitIDs: []int64{f.unitB.ID}, Date: "2024-03-05"}))
	got := f.get(t, s.ID)
	if got.State != StateHandling || got.Deadline != "2024-06-05" || got.FirstDeadline != "2024-06-05" || got.MainUnitName != "镇城建办" {
		t.Fatalf("after 交办 %+v", got)
	}
	must(t, f.db.Reply(ctx, s.ID, ReplyInput{Date: "2024-05-20", Method: MethodInPerson, Content: "已列入年度计划并完成修缮。", Outcome: OutcomeSolved}))
	must(t, f.db.Evaluate(ctx, s.ID, EvaluateInput{Date: "2024-05-25", Grade: GradeSatisfied, Comment: "很好"}))
	got = f.get(t, s.ID)
	if got.State != StateClosed || got.Closed != "2024-05-25" || got.Outcome != OutcomeSolved || got.FirstReply != "2024-05-20" ||
		got.Evaluation != GradeSatisfied || got.FirstEvaluation != GradeSatisfied || got.ReplyMethod != MethodInPerson {
		t.Fatalf("closed item %+v", got)
	}
	tl, _ := f.db.Timeline(ctx, s.ID)
	var steps []string
	for i, st := range tl {
		steps = append(steps, st.Step)
		if i > 0 && st.FromState != tl[i-1].ToState {
			t.Errorf("step %s starts from %s, previous ended in %s", st.Step, st.FromState, tl[i-1].ToState)
		}
	}
	if strings.Join(steps, ",") != "登记,交办,答复,代表评价" {
		t.Fatalf("timeline %v", steps)
	}
	if !strings.Contains(tl[1].Detail, "协办单位: 镇农业农村办") {
		t.Fatalf("assign detail %q", tl[1].Detail)
	}
	h, _, _ := f.db.History(ctx, HistoryFilter{Entity: "suggestion", EntityID: s.ID})
	if len(h) != 4 || h[0].Action != ActionState || !strings.Contains(h[0].Changes, "已答复 → 已办结") {
		t.Fatalf("history %+v", h)
	}
	if next := got.NextSteps(Rules{}); len(next) != 0 {
		t.Fatalf("a closed, solved item offers %v", next)
	}
}

// 不满意 → re-handle (round 2, new deadline) → 满意.
func TestLifecycleRehandled(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	s := f.item(t, "关于河东村饮水安全的建议", "2024-02-01")
	must(t, f.db.Assign(ctx, s.ID, AssignInput{MainUnitID: f.unitB.ID, Date: "2024-02-05", Deadline: "2024-04-30"}))
	must(t, f.db.Reply(ctx, s.ID, ReplyInput{Date: "2024-04-20", Method: MethodWritten, Content: "正在协调。", Outcome: OutcomePlanned}))
	must(t, f.db.Evaluate(ctx, s.ID, EvaluateInput{Date: "2024-04-25", Grade: GradeUnsatisfied, Comment: "进度太慢"}))
	got := f.get(t, s.ID)
	if got.State != StateHandling || got.Round != 2 || got.Deadline != "2024-05-27" || got.FirstDeadline != "2024-04-30" {
		// 4月25日 + 1 month = 5月25日, a Saturday → Monday 5月27日
		t.Fatalf("after 不满意 %+v", got)
	}
	wantErr(t, f.db.Reply(ctx, s.ID, ReplyInput{Date: "2024-04-24", Method: MethodWritten, Content: "x", Outcome: OutcomeSolved}),
		EINVALID, "答复日期(2024年4月24日)不能早于上次评价日期(2024年4月25日)")
	must(t, f.db.Reply(ctx, s.ID, ReplyInput{Date: "2024-05-20", Method: MethodInPerson, Content: "已完成改造。", Outcome: OutcomeSolved}))
	must(t, f.db.Evaluate(ctx, s.ID, EvaluateInput{Date: "2024-05-22", Grade: GradeBasicSatisfied}))
	got = f.get(t, s.ID)
	if got.State != StateClosed || got.Round != 2 || got.FirstReply != "2024-04-20" || got.LastReply != "2024-05-20" ||
		got.Evaluation != GradeBasicSatisfied || got.FirstEvaluation != GradeUnsatisfied || got.Outcome != OutcomeSolved {
		t.Fatalf("closed after round 2 %+v", got)
	}
	h, err := f.db.Handling(ctx, s.ID)
	must(t, err)
	if len(h.Replies) != 2 || h.Replies[1].Round != 2 || len(h.Evaluations) != 2 || h.Evaluations[0].Grade != GradeUnsatisfied {
		t.Fatalf("handling %+v", h)
	}
	tl, _ := f.db.Timeline(ctx, s.ID)
	var steps []string
	for _, st := range tl {
		steps = append(steps, st.Step)
	}
	if strings.Join(steps, ",") != "登记,交办,答复,代表评价,重新办理,答复,代表评价" {
		t.Fatalf("timeline %v", steps)
	}
	checkSuggestionInvariants(t, f.db)
}

// A county-level matter forwarded to the upper level and answered there.
func TestLifecycleForwarded(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	s := Suggestion{Kind: KindSuggestion, Period: PeriodRecess, Source: "代表提出", LeadDeputyID: f.wang.ID,
		Title: "关于拓宽县道X205的建议", Category: "城乡建设", Scope: LevelCounty, Received: "2024-03-01"}
	must(t, f.db.SaveSuggestion(ctx, &s))
	if !slices.Contains(s.NextSteps(Rules{}), StepForward) {
		t.Fatalf("county item does not offer 转交上级: %v", s.NextSteps(Rules{}))
	}
	must(t, f.db.Forward(ctx, s.ID, "青川县人大常委会代表工委", "2024-03-04"))
	got := f.get(t, s.ID)
	if got.State != StateForwarded || got.ForwardTo != "青川县人大常委会代表工委" {
		t.Fatalf("forwarded %+v", got)
	}
	if next := got.NextSteps(Rules{}); !slices.Equal(next, []string{StepReply}) {
		t.Fatalf("forwarded item offers %v", next)
	}
	must(t, f.db.Reply(ctx, s.ID, ReplyInput{Date: "2024-06-01", Method: MethodWritten, Content: "县交通运输局: 已列入明年计划。", Outcome: OutcomePlanned}))
	got = f.get(t, s.ID)
	h, _ := f.db.Handling(ctx, s.ID)
	if got.State != StateReplied || !h.Replies[0].FromUpper {
		t.Fatalf("upper reply %+v %+v", got, h)
	}
	// A second item: the deputy is not satisfied with the upper level's reply, so it goes back up.
	s2 := Suggestion{Kind: KindSuggestion, Period: PeriodRecess, Source: "代表提出", LeadDeputyID: f.li.ID,
		Title: "关于增开县城至青山镇公交的建议", Category: "城乡建设", Scope: LevelCity, Received: "2024-03-01"}
	must(t, f.db.SaveSuggestion(ctx, &s2))
	must(t, f.db.Forward(ctx, s2.ID, "市人大代表", "2024-03-04"))
	must(t, f.db.Reply(ctx, s2.ID, ReplyInput{Date: "2024-05-01", Method: MethodWritten, Content: "留作参考。", Outcome: OutcomeReference}))
	wantErr(t, f.db.Evaluate(ctx, s2.ID, EvaluateInput{Date: "2024-05-05", Grade: GradeUnsatisfied, Deadline: "2024-07-01"}),
		EINVALID, "转交上级的建议由上级办理")
	must(t, f.db.Evaluate(ctx, s2.ID, EvaluateInput{Date: "2024-05-05", Grade: GradeUnsatisfied}))
	got2 := f.get(t, s2.ID)
	if got2.State != StateForwarded || got2.Round != 2 || got2.Deadline != "" {
		t.Fatalf("forwarded and unsatisfied %+v", got2)
	}
	if next := got2.NextSteps(Rules{}); !slices.Equal(next, []string{StepReply}) {
		t.Fatalf("offers %v", next)
	}
	must(t, f.db.Reply(ctx, s2.ID, ReplyInput{Date: "2024-08-01", Method: MethodWritten, Content: "已列入计划。", Outcome: OutcomePlanned}))

	// Follow-up upgrades 列入计划解决 → 已解决 after the evaluation closed it.
	must(t, f.db.Evaluate(ctx, s.ID, EvaluateInput{Date: "2024-06-10", Grade: GradeBasicSatisfied}))
	wantErr(t, f.db.FollowUp(ctx, s.ID, FollowUpInput{Date: "2024-10-01", Note: "已开工", Outcome: OutcomeReference}), EINVALID, "新的办理结果「留作参考」无效")
	must(t, f.db.FollowUp(ctx, s.ID, FollowUpInput{Date: "2024-10-01", Note: "已开工", Outcome: OutcomeSolving}))
	wantErr(t, f.db.FollowUp(ctx, s.ID, FollowUpInput{Date: "2024-10-02", Note: "在建", Outcome: OutcomeSolving}), EINVALID, "「正在解决」并不比原结果「正在解决」更进一步")
	wantErr(t, f.db.FollowUp(ctx, s.ID, FollowUpInput{Date: "2024-09-30", Note: "补记", Outcome: OutcomeSolved}), EINVALID,
		"跟踪日期(2024年9月30日)不能早于上次跟踪日期(2024年10月1日)")
	must(t, f.db.FollowUp(ctx, s.ID, FollowUpInput{Date: "2024-12-01", Note: "已通车", Outcome: OutcomeSolved}))
	got = f.get(t, s.ID)
	if got.Outcome != OutcomeSolved || got.State != StateClosed || len(got.NextSteps(Rules{})) != 0 {
		t.Fatalf("after follow-ups %+v", got)
	}
	checkSuggestionInvariants(t, f.db)
}

func TestLifecycleTerminatedAndVoterItem(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	s := f.item(t, "关于为本人子女安排工作的建议", "2024-04-01")
	wantErr(t, f.db.Terminate(ctx, s.ID, TerminateRejected, "  ", "2024-04-03"), EINVALID, "不予立案理由不能为空")
	must(t, f.db.Terminate(ctx, s.ID, TerminateRejected, "属个人诉求，不属于代表建议范围", "2024-04-03"))
	got := f.get(t, s.ID)
	if got.State != StateTerminated || got.TerminationKind != TerminateRejected || len(got.NextSteps(Rules{})) != 0 {
		t.Fatalf("terminated %+v", got)
	}
	wantErr(t, f.db.Assign(ctx, s.ID, AssignInput{MainUnitID: f.unitA.ID, Date: "2024-04-05"}), ESTATE, "当前状态为「已终止」，不能交办")

	v := Suggestion{Kind: KindVoter, Period: PeriodRecess, Source: "家站点(选民)", VoterName: "张大爷", VoterContact: "青山村3组",
		Title: "关于修复村口路灯的意见", Category: "城乡建设", Scope: LevelVillage, Received: "2024-05-10"}
	must(t, f.db.SaveSuggestion(ctx, &v))
	must(t, f.db.Assign(ctx, v.ID, AssignInput{MainUnitID: f.unitA.ID, Date: "2024-05-12"}))
	must(t, f.db.Reply(ctx, v.ID, ReplyInput{Date: "2024-05-20", Method: MethodPhone, Content: "已修复。", Outcome: OutcomeSolved}))
	got = f.get(t, v.ID)
	if next := got.NextSteps(Rules{}); !slices.Equal(next, []string{StepFeedback}) {
		t.Fatalf("voter item without a deputy offers %v", next)
	}
	wantErr(t, f.db.Evaluate(ctx, v.ID, EvaluateInput{Date: "2024-05-21", Grade: GradeSatisfied}), ESTATE, "没有领衔代表")
	wantErr(t, f.db.CloseVoterItem(ctx, v.ID, "2024-05-21"), ESTATE, "请先反馈选民")
	must(t, f.db.FeedbackVoter(ctx, v.ID, "2024-05-21"))
	wantErr(t, f.db.CloseVoterItem(ctx, v.ID, "2024-05-20"), EINVALID, "办结日期(2024年5月20日)不能早于反馈选民日期")
	must(t, f.db.CloseVoterItem(ctx, v.ID, "2024-05-22"))
	got = f.get(t, v.ID)
	if got.State != StateClosed || got.VoterFeedback != "2024-05-21" || got.Closed != "2024-05-22" {
		t.Fatalf("voter item %+v", got)
	}
	checkSuggestionInvariants(t, f.db)
}

func TestExtension(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	s := f.item(t, "关于建设农贸市场的建议", "2024-03-01")
	must(t, f.db.Assign(ctx, s.ID, AssignInput{MainUnitID: f.unitA.ID, Date: "2024-03-04"}))
	wantErr(t, f.db.Extend(ctx, s.ID, "2024-09-05", "资金未到位", "2024-05-20"), EINVALID,
		"延期后的办理时限(2024年9月5日)不能超过交办之日起6个月(2024年9月4日)")
	wantErr(t, f.db.Extend(ctx, s.ID, "2024-06-01", "资金未到位", "2024-05-20"), EINVALID, "应晚于原办理时限")
	wantErr(t, f.db.Extend(ctx, s.ID, "2024-08-30", "", "2024-05-20"), EINVALID, "延期理由不能为空")
	must(t, f.db.Extend(ctx, s.ID, "2024-09-04", "资金未到位", "2024-05-20"))
	got := f.get(t, s.ID)
	if got.Deadline != "2024-09-04" || got.FirstDeadline != "2024-09-04" || got.ExtensionReason != "资金未到位" {
		t.Fatalf("extended %+v", got)
	}
	r, _ := f.db.Rules(ctx)
	if slices.Contains(got.NextSteps(r), StepExtend) {
		t.Fatal("延期 offered at the six-month limit")
	}
	wantErr(t, f.db.Extend(ctx, s.ID, "2024-09-04", "再延", "2024-06-01"), ESTATE, "办理时限已到延期上限")
	wantErr(t, f.db.Assign(ctx, s.ID, AssignInput{MainUnitID: f.unitB.ID, Date: "2024-03-05", Deadline: "2024-10-01"}), ESTATE, "不能交办")
}

func TestAssignValidationAndOverdue(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	s := f.item(t, "关于清理河道的建议", "2024-06-10")
	for _, tc := range []struct {
		in  AssignInput
		msg string
	}{
		{AssignInput{Date: "2024-06-12"}, "主办单位不能为空"},
		{AssignInput{MainUnitID: f.unitA.ID, AssistUnitIDs: []int64{f.unitA.ID}, Date: "2024-06-12"}, "协办单位不能包含主办单位"},
		{AssignInput{MainUnitID: f.unitA.ID, Date: "2024-06-09"}, "交办日期(2024年6月9日)不能早于收到日期(2024年6月10日)"},
		{AssignInput{MainUnitID: f.unitA.ID, Date: "2024-06-12", Deadline: "2024-06-12"}, "办理时限(2024年6月12日)应晚于交办日期"},
		{AssignInput{MainUnitID: f.unitA.ID, Date: "2024-06-12", Deadline: "2025-01-01"}, "不能超过交办之日起6个月"},
		{AssignInput{MainUnitID: 999, Date: "2024-06-12"}, "主办单位不存在"},
		{AssignInput{MainUnitID: f.unitA.ID, Date: "2025-01-05"}, "交办日期(2025年1月5日)不能晚于今天"},
	} {
		wantErr(t, f.db.Assign(ctx, s.ID, tc.in), EINVALID, tc.msg)
	}
	if got := f.get(t, s.ID); got.State != StatePending {
		t.Fatalf("refused assignments changed the state to %s", got.State)
	}
	must(t, f.db.Assign(ctx, s.ID, AssignInput{MainUnitID: f.unitA.ID, Date: "2024-06-12"}))
	got := f.get(t, s.ID)
	if got.Deadline != "2024-09-12" {
		t.Fatalf("deadline %s", got.Deadline)
	}
	if !got.Overdue("2024-09-13") || got.Overdue("2024-09-12") || !got.DueWithin("2024-09-01", 15) {
		t.Fatal("overdue/due-soon wrong")
	}
	_, n, _ := f.db.Suggestions(ctx, SuggestionFilter{Overdue: true}) // today is 2024-12-31
	if n != 1 {
		t.Fatalf("overdue filter found %d", n)
	}
	_, n, _ = f.db.Suggestions(ctx, SuggestionFilter{DueWithin: 15, Today: "2024-09-01"})
	if n != 1 {
		t.Fatalf("due-soon filter found %d", n)
	}
	must(t, f.db.Reply(ctx, s.ID, ReplyInput{Date: "2024-10-01", Method: MethodWritten, Content: "已清理。", Outcome: OutcomeSolved}))
	tl, _ := f.db.Timeline(ctx, s.ID)
	if !strings.Contains(tl[len(tl)-1].Detail, "超过办理时限19天") {
		t.Fatalf("late reply not noted: %q", tl[len(tl)-1].Detail)
	}
	if _, n, _ = f.db.Suggestions(ctx, SuggestionFilter{Overdue: true}); n != 0 {
		t.Fatalf("a replied item is still overdue")
	}
}

func TestAssignManyIsAtomic(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	var ids []int64
	for i, title := range []string{"关于修路的建议", "关于路灯的建议", "关于垃圾清运的建议"} {
		ids = append(ids, f.item(t, title, Date("2024-01-2"+string(rune('0'+i)))).ID)
	}
	// The third was received after the proposed 交办 date: nothing may be assigned.
	err := f.db.AssignMany(ctx, ids, AssignInput{MainUnitID: f.unitA.ID, Date: "2024-01-21"})
	wantErr(t, err, EINVALID, "第3件(2024-003)", "交办日期(2024年1月21日)不能早于收到日期(2024年1月22日)", "全部未交办")
	for _, id := range ids {
		if s := f.get(t, id); s.State != StatePending {
			t.Fatalf("%s was assigned by a failed bulk assignment", s.Number)
		}
	}
	must(t, f.db.AssignMany(ctx, ids, AssignInput{MainUnitID: f.unitA.ID, AssistUnitIDs: []int64{f.unitB.ID}, Date: "2024-01-25"}))
	list, n, _ := f.db.Suggestions(ctx, SuggestionFilter{UnitID: f.unitB.ID, States: []string{StateHandling}})
	if n != 3 || list[0].Deadline != "2024-04-25" {
		t.Fatalf("bulk assigned %d, deadline %s", n, list[0].Deadline)
	}
	wantErr(t, f.db.AssignMany(ctx, nil, AssignInput{}), EINVALID, "请先选择")
}

// Every step that is not in NextSteps is refused with ESTATE, in every state.
func TestIllegalTransitions(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	mk := map[string]func() Suggestion{
		StatePending: func() Suggestion { return f.item(t, "待交办件", "2024-03-01") },
		StateHandling: func() Suggestion {
			s := f.item(t, "办理中件", "2024-03-01")
			must(t, f.db.Assign(ctx, s.ID, AssignInput{MainUnitID: f.unitA.ID, Date: "2024-03-02"}))
			return s
		},
		StateReplied: func() Suggestion {
			s := f.item(t, "已答复件", "2024-03-01")
			must(t, f.db.Assign(ctx, s.ID, AssignInput{MainUnitID: f.unitA.ID, Date: "2024-03-02"}))
			must(t, f.db.Reply(ctx, s.ID, ReplyInput{Date: "2024-03-10", Method: MethodWritten, Content: "答复", Outcome: OutcomeReference}))
			return s
		},
		StateClosed: func() Suggestion {
			s := f.item(t, "已办结件", "2024-03-01")
			must(t, f.db.Assign(ctx, s.ID, AssignInput{MainUnitID: f.unitA.ID, Date: "2024-03-02"}))
			must(t, f.db.Reply(ctx, s.ID, ReplyInput{Date: "2024-03-10", Method: MethodWritten, Content: "答复", Outcome: OutcomeSolved}))
			must(t, f.db.Evaluate(ctx, s.ID, EvaluateInput{Date: "2024-03-12", Grade: GradeSatisfied}))
			return s
		},
		StateTerminated: func() Suggestion {
			s := f.item(t, "已终止件", "2024-03-01")
			must(t, f.db.Terminate(ctx, s.ID, TerminateWithdrawn, "代表撤回", "2024-03-02"))
			return s
		},
	}
	steps := map[string]func(id int64) error{
		StepAssign: func(id int64) error {
			return f.db.Assign(ctx, id, AssignInput{MainUnitID: f.unitA.ID, Date: "2024-03-20"})
		},
		StepForward:  func(id int64) error { return f.db.Forward(ctx, id, "县人大", "2024-03-20") },
		StepReject:   func(id int64) error { return f.db.Terminate(ctx, id, TerminateRejected, "理由", "2024-03-20") },
		StepWithdraw: func(id int64) error { return f.db.Terminate(ctx, id, TerminateWithdrawn, "理由", "2024-03-20") },
		StepReply: func(id int64) error {
			return f.db.Reply(ctx, id, ReplyInput{Date: "2024-03-20", Method: MethodWritten, Content: "x", Outcome: OutcomeSolved})
		},
		StepExtend: func(id int64) error { return f.db.Extend(ctx, id, "2024-08-01", "理由", "2024-03-20") },
		StepEvaluate: func(id int64) error {
			return f.db.Evaluate(ctx, id, EvaluateInput{Date: "2024-03-20", Grade: GradeSatisfied})
		},
		StepFollowUp: func(id int64) error {
			return f.db.FollowUp(ctx, id, FollowUpInput{Date: "2024-03-20", Note: "x", Outcome: OutcomeSolved})
		},
		StepFeedback: func(id int64) error { return f.db.FeedbackVoter(ctx, id, "2024-03-20") },
		StepClose:    func(id int64) error { return f.db.CloseVoterItem(ctx, id, "2024-03-20") },
	}
	r, _ := f.db.Rules(ctx)
	for state, make := range mk {
		for step, do := range steps {
			s := make()
			if s = f.get(t, s.ID); s.State != state {
				t.Fatalf("fixture for %s is in %s", state, s.State)
			}
			legal := slices.Contains(s.NextSteps(r), step)
			err := do(s.ID)
			if legal && err != nil {
				t.Errorf("%s in %s: legal step refused: %v", step, state, err)
			}
			if !legal {
				if ErrorCode(err) != ESTATE || !strings.Contains(ErrorMessage(err), "当前状态为「"+state+"」，不能"+step) {
					t.Errorf("%s in %s: want ESTATE refusal, got %v", step, state, err)
				}
				if after := f.get(t, s.ID); after.State != state || after.UpdatedAt != s.UpdatedAt {
					t.Errorf("%s in %s: refused step changed the item", step, state)
				}
			}
		}
	}
	checkSuggestionInvariants(t, f.db)
}

func TestFollowUpOutcomesOnlyBetter(t *testing.T) {
	for _, c := range []struct{ current, want string }{
		{OutcomePlanned, "正在解决 已解决"},
		{OutcomeSolving, "已解决"},
		{OutcomeSolved, ""},
	} {
		if got := strings.Join(Suggestion{Outcome: c.current}.FollowUpOutcomes(), " "); got != c.want {
			t.Errorf("after %s: %q, want %q", c.current, got, c.want)
		}
	}
}
