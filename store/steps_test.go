package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// The clerk reads each step of the timeline in these words; the demo generator writes them with the same
// functions (see TestDemoMatchesWorkflowReplay), so this pins both.
func TestTimelineWords(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	timeline := func(id int64) string {
		t.Helper()
		tl, err := f.db.Timeline(ctx, id)
		must(t, err)
		var lines []string
		for _, st := range tl {
			lines = append(lines, fmt.Sprintf("%s %s 第%d轮 %s→%s %s", st.Date, st.Step, st.Round, st.FromState, st.ToState, st.Detail))
		}
		return strings.Join(lines, "\n")
	}
	check := func(name string, id int64, want ...string) {
		t.Helper()
		if got := timeline(id); got != strings.Join(want, "\n") {
			t.Errorf("%s: timeline\n%s\nwant\n%s", name, got, strings.Join(want, "\n"))
		}
	}

	t.Run("Assigned", func(t *testing.T) {
		s := f.item(t, "关于修缮青山村至河东村道路的建议", "2024-03-01")
		must(t, f.db.Assign(ctx, s.ID, AssignInput{MainUnitID: f.unitA.ID, AssistUnitIDs: []int64{f.unitB.ID, f.unitC.ID}, Date: "2024-03-05"}))
		must(t, f.db.Extend(ctx, s.ID, "2024-07-05", "需要协调资金", "2024-06-01"))
		must(t, f.db.Reply(ctx, s.ID, ReplyInput{Date: "2024-07-10", Method: MethodWritten, Content: "正在施工。", Outcome: OutcomeSolving}))
		must(t, f.db.Evaluate(ctx, s.ID, EvaluateInput{Date: "2024-07-15", Grade: GradeUnsatisfied, Comment: "进度慢"}))
		must(t, f.db.Reply(ctx, s.ID, ReplyInput{Date: "2024-08-01", Method: MethodInPerson, Content: "已列入计划。", Outcome: OutcomePlanned}))
		must(t, f.db.Evaluate(ctx, s.ID, EvaluateInput{Date: "2024-08-05", Grade: GradeBasicSatisfied}))
		must(t, f.db.FollowUp(ctx, s.ID, FollowUpInput{Date: "2024-09-01", Note: "已开工", Outcome: OutcomeSolving}))
		must(t, f.db.FollowUp(ctx, s.ID, FollowUpInput{Date: "2024-10-01", Note: "在建"}))
		check("assigned item", s.ID,
			"2024-03-01 登记 第1轮 →待交办 代表提出",
			"2024-03-05 交办 第1轮 待交办→办理中 主办单位: 镇城建办；协办单位: 镇农业农村办、县交通运输局；办理时限: 2024年6月5日",
			"2024-06-01 延期 第1轮 办理中→办理中 办理时限: 2024年6月5日 → 2024年7月5日；理由: 需要协调资金",
			"2024-07-10 答复 第1轮 办理中→已答复 书面答复，办理结果: 正在解决(超过办理时限5天)",
			"2024-07-15 代表评价 第1轮 已答复→已答复 评价: 不满意；意见: 进度慢",
			"2024-07-15 重新办理 第2轮 已答复→办理中 第2轮办理；办理时限: 2024年8月15日",
			"2024-08-01 答复 第2轮 办理中→已答复 见面答复，办理结果: 列入计划解决",
			"2024-08-05 代表评价 第2轮 已答复→已办结 评价: 基本满意",
			"2024-09-01 跟踪办理 第2轮 已办结→已办结 办理结果: 列入计划解决 → 正在解决；已开工",
			"2024-10-01 跟踪办理 第2轮 已办结→已办结 在建")
		got := f.get(t, s.ID)
		if got.FirstDeadline != "2024-07-05" || got.Deadline != "2024-08-15" || got.FirstReply != "2024-07-10" ||
			got.FirstEvaluation != GradeUnsatisfied || got.Outcome != OutcomeSolving || got.Closed != "2024-08-05" {
			t.Errorf("assigned item's columns %+v", got)
		}
	})

	t.Run("Forwarded", func(t *testing.T) {
		s := Suggestion{Kind: KindSuggestion, Period: PeriodRecess, Source: "代表提出", LeadDeputyID: f.li.ID,
			Title: "关于拓宽县道X205的建议", Category: "城乡建设", Scope: LevelCounty, Received: "2024-03-01"}
		must(t, f.db.SaveSuggestion(ctx, &s))
		must(t, f.db.Forward(ctx, s.ID, "青川县人大常委会", "2024-03-04"))
		must(t, f.db.Reply(ctx, s.ID, ReplyInput{Date: "2024-05-01", Method: MethodWritten, Content: "留作参考。", Outcome: OutcomeReference}))
		must(t, f.db.Evaluate(ctx, s.ID, EvaluateInput{Date: "2024-05-05", Grade: GradeUnsatisfied}))
		check("forwarded item", s.ID,
			"2024-03-01 登记 第1轮 →待交办 代表提出",
			"2024-03-04 转交上级 第1轮 待交办→已转交 转交: 青川县人大常委会",
			"2024-05-01 答复 第1轮 已转交→已答复 上级书面答复，办理结果: 留作参考",
			"2024-05-05 代表评价 第1轮 已答复→已答复 评价: 不满意",
			"2024-05-05 重新办理 第2轮 已答复→已转交 第2轮办理；再次请青川县人大常委会办理")
	})

	t.Run("Terminated", func(t *testing.T) {
		s := f.item(t, "关于为本人子女安排工作的建议", "2024-04-01")
		must(t, f.db.Terminate(ctx, s.ID, TerminateWithdrawn, "代表撤回", "2024-04-03"))
		check("withdrawn item", s.ID,
			"2024-04-01 登记 第1轮 →待交办 代表提出",
			"2024-04-03 撤回 第1轮 待交办→已终止 理由: 代表撤回")
	})

	t.Run("Voter", func(t *testing.T) {
		v := Suggestion{Kind: KindVoter, Period: PeriodRecess, Source: "家站点(选民)", VoterName: "张大爷",
			Title: "关于修复村口路灯的意见", Category: "城乡建设", Scope: LevelVillage, Received: "2024-05-10"}
		must(t, f.db.SaveSuggestion(ctx, &v))
		must(t, f.db.Assign(ctx, v.ID, AssignInput{MainUnitID: f.unitA.ID, Date: "2024-05-13", Deadline: "2024-06-30"}))
		must(t, f.db.Reply(ctx, v.ID, ReplyInput{Date: "2024-05-20", Method: MethodPhone, Content: "已修复。", Outcome: OutcomeSolved}))
		must(t, f.db.FeedbackVoter(ctx, v.ID, "2024-05-21"))
		must(t, f.db.CloseVoterItem(ctx, v.ID, "2024-05-22"))
		check("voter's item", v.ID,
			"2024-05-10 登记 第1轮 →待交办 家站点(选民)",
			"2024-05-13 交办 第1轮 待交办→办理中 主办单位: 镇城建办；办理时限: 2024年6月30日",
			"2024-05-20 答复 第1轮 办理中→已答复 电话答复，办理结果: 已解决",
			"2024-05-21 反馈选民 第1轮 已答复→已答复 已向选民张大爷反馈办理情况",
			"2024-05-22 办结 第1轮 已答复→已办结 ")
	})
}
