package store

import (
	"context"
	"testing"
)

func TestUndoAssign(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	a := f.item(t, "关于修路的建议", "2024-03-01")
	b := f.item(t, "关于路灯的建议", "2024-03-01")
	must(t, f.db.AssignMany(ctx, []int64{a.ID, b.ID}, AssignInput{MainUnitID: f.unitA.ID, AssistUnitIDs: []int64{f.unitB.ID}, Date: "2024-03-05"}))
	must(t, f.db.Reply(ctx, b.ID, ReplyInput{Date: "2024-03-10", Method: MethodWritten, Content: "已办", Outcome: OutcomeSolved}))
	wantErr(t, f.db.UndoAssign(ctx, []int64{a.ID, b.ID}), ESTATE, "「2024-002」交办后已有后续办理", "全部未撤销")
	if got := f.get(t, a.ID); got.State != StateHandling {
		t.Fatalf("a refused undo changed %s", got.Number)
	}
	must(t, f.db.UndoAssign(ctx, []int64{a.ID}))
	got := f.get(t, a.ID)
	if got.State != StatePending || got.MainUnitID != 0 || got.Assigned != "" || got.Deadline != "" || len(got.AssistUnitIDs) != 0 {
		t.Fatalf("after undo %+v", got)
	}
	tl, _ := f.db.Timeline(ctx, a.ID)
	if len(tl) != 1 || tl[0].Step != StepRegister {
		t.Fatalf("timeline after undo %+v", tl)
	}
	h, _, _ := f.db.History(ctx, HistoryFilter{Entity: "suggestion", EntityID: a.ID})
	if h[0].Action != ActionState || h[0].Changes[:12] != "撤销交办" {
		t.Fatalf("history %+v", h[0])
	}
	must(t, f.db.Assign(ctx, a.ID, AssignInput{MainUnitID: f.unitB.ID, Date: "2024-03-06"})) // and it can be assigned again
	checkSuggestionInvariants(t, f.db)
}

func TestAssignLate(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	must(t, f.db.SetHolidays(ctx, 2024, nationalDay2024()))
	r, _ := f.db.Rules(ctx)
	// Received Friday 9月27日: due 10月10日 (5 working days over the National Day holiday).
	for today, want := range map[Date]bool{"2024-10-10": false, "2024-10-11": true} {
		s := Suggestion{State: StatePending, Period: PeriodRecess, Received: "2024-09-27"}
		if got := s.AssignLate(r, today); got != want {
			t.Errorf("late on %s = %v, want %v", today, got, want)
		}
	}
	// Saturday 9月28日 is due on 10月10日 too; Sunday 9月29日 (a 调休 working day) on 10月11日.
	if c := r.AssignCutoff("2024-10-11"); c != "2024-09-28" {
		t.Errorf("cutoff for 10月11日 = %s, want 2024-09-28", c)
	}
	late := f.item(t, "关于清理垃圾的建议", "2024-09-27")
	f.item(t, "关于修路的建议", "2024-12-30") // received yesterday: not late
	list, n, err := f.db.Suggestions(ctx, SuggestionFilter{AssignLate: true})
	must(t, err)
	if n != 1 || list[0].ID != late.ID {
		t.Fatalf("late filter found %d", n)
	}
	must(t, f.db.Assign(ctx, late.ID, AssignInput{MainUnitID: f.unitA.ID, Date: "2024-12-30"}))
	if _, n, _ = f.db.Suggestions(ctx, SuggestionFilter{AssignLate: true}); n != 0 {
		t.Fatalf("an assigned item is still flagged")
	}
}

// UnitStats against counts made independently from the listed items.
func TestUnitStatsMatchItems(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	if _, err := db.GenerateDemo(ctx, DemoOptions{Scale: "township", Seed: 3, Today: "2024-12-31"}); err != nil {
		t.Fatal(err)
	}
	today := Date("2024-12-31")
	stats, err := db.UnitStats(ctx, "2024-01-01", "2024-12-31", today)
	must(t, err)
	if len(stats) < 5 {
		t.Fatalf("only %d units", len(stats))
	}
	for _, st := range stats {
		items, _, err := db.Suggestions(ctx, SuggestionFilter{From: "2024-01-01", To: "2024-12-31"})
		must(t, err)
		var want UnitStat
		for _, s := range items {
			if s.MainUnitID != st.UnitID {
				for _, a := range s.AssistUnitIDs {
					if a == st.UnitID {
						want.AssistOnly++
					}
				}
				continue
			}
			want.Assigned++
			if s.FirstReply != "" {
				want.Replied++
			}
			if s.Overdue(today) {
				want.Overdue++
			}
			if s.FirstReply != "" || s.FirstDeadline < today {
				want.Due++
			}
			if s.FirstReply != "" && s.FirstReply <= s.FirstDeadline {
				want.OnTime++
			}
			switch s.Outcome {
			case OutcomeSolved:
				want.Solved++
			case OutcomeSolving:
				want.Solving++
			case OutcomePlanned:
				want.Planned++
			case OutcomeReference:
				want.Reference++
			}
			if s.Evaluation != "" {
				want.Evaluated++
			}
			if s.Evaluation == GradeSatisfied || s.Evaluation == GradeBasicSatisfied {
				want.Satisfied++
			}
			if s.State == StateClosed {
				want.Closed++
			}
		}
		want.UnitID, want.Name, want.Kind = st.UnitID, st.Name, st.Kind
		if want != st {
			t.Errorf("unit %s:\n got %+v\nwant %+v", st.Name, st, want)
		}
	}
}

// Regressions found in review.
func TestReviewRegressions(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	t.Run("DeleteDeputyWithReportBackRefused", func(t *testing.T) {
		d := Deputy{Name: "述职人", Levels: []string{LevelTown}}
		must(t, f.db.SaveDeputy(ctx, &d))
		rb := ReportBack{DeputyID: d.ID, Date: "2024-11-01", Form: "口头", Participants: 10, Excellent: 5}
		must(t, f.db.SaveReportBack(ctx, &rb))
		wantErr(t, f.db.DeleteDeputy(ctx, d.ID), ECONFLICT, "1条述职评议")
		if rs, _ := f.db.ReportBacks(ctx, 2024, d.ID); len(rs) != 1 {
			t.Fatal("the report-back was deleted")
		}
	})
	t.Run("CongressWithItemsKeepsItsKind", func(t *testing.T) {
		s := Suggestion{Kind: KindSuggestion, Period: PeriodSession, SessionID: f.session.ID, Source: "代表提出",
			LeadDeputyID: f.li.ID, Title: "关于建设文化礼堂的建议", Category: "教育文化卫生", Scope: LevelTown, Received: "2024-01-20"}
		must(t, f.db.SaveSuggestion(ctx, &s))
		m, _ := f.db.Meeting(ctx, f.session.ID)
		m.Kind, m.TermID, m.SessionNo = MeetingPresidium, 0, 0
		wantErr(t, f.db.SaveMeeting(ctx, &m), ECONFLICT, "登记了1件建议", "不能改为其他类型")
	})
	t.Run("NewRoundAsksVoterFeedbackAgain", func(t *testing.T) {
		v := Suggestion{Kind: KindVoter, Period: PeriodRecess, Source: "家站点(选民)", VoterName: "张大爷", LeadDeputyID: f.zhao.ID,
			Title: "关于修复村口路灯的意见", Category: "城乡建设", Scope: LevelVillage, Received: "2024-05-10"}
		must(t, f.db.SaveSuggestion(ctx, &v))
		must(t, f.db.Assign(ctx, v.ID, AssignInput{MainUnitID: f.unitA.ID, Date: "2024-05-12"}))
		must(t, f.db.Reply(ctx, v.ID, ReplyInput{Date: "2024-05-20", Method: MethodPhone, Content: "已报修。", Outcome: OutcomeSolving}))
		must(t, f.db.FeedbackVoter(ctx, v.ID, "2024-05-21"))
		must(t, f.db.Evaluate(ctx, v.ID, EvaluateInput{Date: "2024-05-22", Grade: GradeUnsatisfied}))
		must(t, f.db.Reply(ctx, v.ID, ReplyInput{Date: "2024-06-01", Method: MethodPhone, Content: "已修复。", Outcome: OutcomeSolved}))
		got := f.get(t, v.ID)
		if got.VoterFeedback != "" {
			t.Fatalf("round 2 kept round 1's feedback %s", got.VoterFeedback)
		}
		wantErr(t, f.db.CloseVoterItem(ctx, v.ID, "2024-06-02"), ESTATE, "请先反馈选民")
		checkSuggestionInvariants(t, f.db)
	})
	t.Run("LateExtensionKeepsTheJudgedDeadline", func(t *testing.T) {
		s := f.item(t, "关于清理沟渠的建议", "2024-01-02")
		must(t, f.db.Assign(ctx, s.ID, AssignInput{MainUnitID: f.unitB.ID, Date: "2024-01-05", Deadline: "2024-04-05"}))
		must(t, f.db.Extend(ctx, s.ID, "2024-07-05", "补办延期", "2024-05-20")) // after the deadline passed
		got := f.get(t, s.ID)
		if got.Deadline != "2024-07-05" || got.FirstDeadline != "2024-04-05" {
			t.Fatalf("late extension: deadline %s, judged on %s", got.Deadline, got.FirstDeadline)
		}
	})
}
