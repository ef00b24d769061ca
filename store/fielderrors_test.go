package store

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
)

// fields lists the fields err names, in order.
func fields(err error) []string {
	var out []string
	for _, e := range ErrorsOf(err) {
		out = append(out, e.Field)
	}
	return out
}

// A form shows every problem at once: Validate reports each field that breaks a rule, once, in the order of
// the record's fields, and still reads as its first error on the command line.
func TestValidateReportsEveryField(t *testing.T) {
	t.Run("BlankSuggestion", func(t *testing.T) {
		s := Suggestion{Title: strings.Repeat("路", maxTitle+1)}
		err := s.Validate()
		want := []string{"类型", "提出时段", "来源", "标题", "类别", "涉及层面", "收到日期", "领衔代表"}
		if got := fields(err); !slices.Equal(got, want) {
			t.Fatalf("fields %v, want %v", got, want)
		}
		if err.Error() != "类型不能为空" || ErrorMessage(err) != "类型不能为空" || ErrorCode(err) != EINVALID {
			t.Fatalf("reads as %q / %q / %q, want the first error", err.Error(), ErrorMessage(err), ErrorCode(err))
		}
		var first *Error
		if !errors.As(err, &first) || first.Field != "类型" {
			t.Fatalf("errors.As finds %+v, want the first", first)
		}
		if es := ErrorsOf(err); es[3].Message != "标题不能超过200个字(现有201个)" {
			t.Fatalf("标题: %q", es[3].Message)
		}
	})
	t.Run("OneErrorPerField", func(t *testing.T) {
		// 出缺原因 is both missing and not a known reason; the clerk is told the first.
		d := Deputy{Name: "王建国", Levels: []string{LevelTown}, Status: DeputyVacant, Phone: "abc"}
		got := ErrorsOf(d.Validate())
		var msgs []string
		for _, e := range got {
			msgs = append(msgs, e.Message)
		}
		want := []string{"联系电话「abc」不像电话号码，只能包含数字、空格和-", "出缺原因不能为空", "出缺日期不能为空"}
		if !slices.Equal(msgs, want) {
			t.Fatalf("messages %q, want %q", msgs, want)
		}
	})
	t.Run("Valid", func(t *testing.T) {
		d := Deputy{Name: "王建国", Levels: []string{LevelTown}}
		if err := d.Validate(); err != nil || ErrorsOf(err) != nil {
			t.Fatalf("valid deputy: %v", err)
		}
	})
	t.Run("NotAboutFields", func(t *testing.T) {
		if es := ErrorsOf(errors.New("disk full")); es != nil {
			t.Fatalf("a plain error has no fields: %v", es)
		}
	})
}

// The ＊ marks come from the records' own rules, filled in or not, and follow the choices that change them.
func TestRequired(t *testing.T) {
	for _, c := range []struct {
		name string
		v    validator
		want []string
	}{
		{"DeputySeated", &Deputy{}, []string{"姓名", "代表层级"}},
		{"DeputyFilledIn", &Deputy{Name: "王建国", Levels: []string{LevelTown}}, []string{"姓名", "代表层级"}},
		{"DeputyVacant", &Deputy{Status: DeputyVacant}, []string{"姓名", "代表层级", "出缺原因", "出缺日期"}},
		{"SuggestionOfDeputy", &Suggestion{Kind: KindSuggestion}, []string{"类型", "提出时段", "来源", "标题", "类别", "涉及层面", "收到日期", "领衔代表"}},
		{"SuggestionOfVoter", &Suggestion{Kind: KindVoter}, []string{"类型", "提出时段", "来源", "标题", "类别", "涉及层面", "收到日期", "选民姓名"}},
		{"SuggestionInSession", &Suggestion{Period: PeriodSession}, []string{"类型", "提出时段", "人代会", "来源", "标题", "类别", "涉及层面", "收到日期", "领衔代表"}},
		{"Congress", &Meeting{Kind: MeetingCongress}, []string{"类型", "名称", "开始日期", "届次", "会次"}},
		{"LawCheck", &Meeting{Kind: MeetingLawCheck}, []string{"类型", "名称", "开始日期", "检查的法律法规"}},
		{"Station", &Station{}, []string{"名称", "类型"}},
		{"Unit", &Unit{}, []string{"单位名称", "单位类型"}},
		{"ReportBack", &ReportBack{}, []string{"代表", "述职日期", "述职方式"}},
		{"Settings", &Settings{Initialized: true}, []string{"单位名称", "乡镇称谓", "上级称谓", "机构称谓"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := Required(c.v); !slices.Equal(got, c.want) {
				t.Fatalf("Required = %v, want %v", got, c.want)
			}
		})
	}
}

// A step dialog marks the fields its step cannot be recorded without, from the step's own check.
func TestStepRequired(t *testing.T) {
	for step, want := range map[string][]string{
		StepAssign:   {"主办单位", "交办日期"},
		StepForward:  {"转交对象", "转交日期"},
		StepReject:   {"不予立案理由", "不予立案日期"},
		StepReply:    {"答复日期", "答复方式", "答复内容", "办理结果"},
		StepEvaluate: {"评价日期", "评价结果"},
		StepExtend:   {"延期理由", "申请日期", "延期后的办理时限"},
		StepFollowUp: {"跟踪日期", "跟踪情况"},
		StepFeedback: {"反馈日期"},
		StepClose:    {"办结日期"},
	} {
		t.Run(step, func(t *testing.T) {
			if got := StepRequired(step); !slices.Equal(got, want) {
				t.Fatalf("StepRequired(%s) = %v, want %v", step, got, want)
			}
		})
	}
}

// A refused step names every field at once, the state-dependent rules included.
func TestStepReportsEveryField(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	s := f.item(t, "关于修复村口路灯的建议", "2024-03-01")
	t.Run("Assign", func(t *testing.T) {
		err := f.db.Assign(ctx, s.ID, AssignInput{AssistUnitIDs: []int64{f.unitA.ID, f.unitA.ID}, Date: "2024-02-01"})
		if got, want := fields(err), []string{"主办单位", "协办单位", "交办日期"}; !slices.Equal(got, want) {
			t.Fatalf("fields %v, want %v (%v)", got, want, err)
		}
		if es := ErrorsOf(err); es[2].Message != "交办日期(2024年2月1日)不能早于收到日期(2024年3月1日)" {
			t.Fatalf("交办日期: %q", es[2].Message)
		}
	})
	t.Run("AssignManySharedFields", func(t *testing.T) {
		err := f.db.AssignMany(ctx, []int64{s.ID}, AssignInput{})
		if got, want := fields(err), []string{"主办单位", "交办日期"}; !slices.Equal(got, want) {
			t.Fatalf("fields %v, want %v (%v)", got, want, err)
		}
	})
	t.Run("Reply", func(t *testing.T) {
		must(t, f.db.Assign(ctx, s.ID, AssignInput{MainUnitID: f.unitA.ID, Date: "2024-03-05"}))
		err := f.db.Reply(ctx, s.ID, ReplyInput{Date: "2024-03-01"})
		if got, want := fields(err), []string{"答复日期", "答复方式", "答复内容", "办理结果"}; !slices.Equal(got, want) {
			t.Fatalf("fields %v, want %v (%v)", got, want, err)
		}
		if got := f.get(t, s.ID); got.State != StateHandling {
			t.Fatalf("a refused reply changed the item: %s", got.State)
		}
	})
}

// The window asks whether a record can be deleted before asking whether to delete it.
func TestCheckDelete(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	s := f.item(t, "关于修复村口路灯的建议", "2024-03-01")
	must(t, f.db.Assign(ctx, s.ID, AssignInput{MainUnitID: f.unitA.ID, Date: "2024-03-05"}))
	free := Deputy{Name: "孙新", Levels: []string{LevelTown}}
	must(t, f.db.SaveDeputy(ctx, &free))
	t.Run("DeputyWithItems", func(t *testing.T) {
		err := f.db.CheckDeleteDeputy(ctx, f.wang.ID)
		wantErr(t, err, ECONFLICT)
		if want := "代表「王建国」已有1件领衔建议，不能删除；如已离任，请把状态改为出缺"; ErrorMessage(err) != want {
			t.Fatalf("%q, want %q (only the kinds there are)", ErrorMessage(err), want)
		}
		if _, err := f.db.Deputy(ctx, f.wang.ID); err != nil {
			t.Fatalf("the check deleted: %v", err)
		}
	})
	t.Run("DeputyFree", func(t *testing.T) {
		must(t, f.db.CheckDeleteDeputy(ctx, free.ID))
		if _, err := f.db.Deputy(ctx, free.ID); err != nil {
			t.Fatalf("the check deleted: %v", err)
		}
	})
	t.Run("UnitInUse", func(t *testing.T) {
		wantErr(t, f.db.CheckDeleteUnit(ctx, f.unitA.ID), ECONFLICT, "承办单位「镇城建办」承办或协办了1件建议，不能删除")
		must(t, f.db.CheckDeleteUnit(ctx, f.unitC.ID))
	})
	t.Run("SessionWithItems", func(t *testing.T) {
		in := Suggestion{Kind: KindSuggestion, Period: PeriodSession, SessionID: f.session.ID, Source: "代表提出", LeadDeputyID: f.li.ID,
			Title: "关于河道清淤的建议", Category: "城乡建设", Scope: LevelTown, Received: "2024-01-20"}
		must(t, f.db.SaveSuggestion(ctx, &in))
		wantErr(t, f.db.CheckDeleteMeeting(ctx, f.session.ID), ECONFLICT, "期间登记了1件建议，不能删除")
	})
	t.Run("NotFound", func(t *testing.T) {
		wantErr(t, f.db.CheckDeleteDeputy(ctx, 9999), ENOTFOUND)
	})
}

// A computed deadline says how it was counted, and why a new round's may come before the round answered.
func TestCountedDeadlines(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	must(t, db.SetHolidays(ctx, 2024, nationalDay2024()))
	r, err := db.Rules(ctx)
	must(t, err)
	t.Run("AssignRolled", func(t *testing.T) {
		c := r.CountAssignDeadline("2024-07-01")
		if c.Date != "2024-10-08" || c.Explain() != "交办之日起3个月，顺延至工作日：2024年10月8日(星期二；10月1日是节假日，顺延)" {
			t.Fatalf("%+v / %q", c, c.Explain())
		}
		if r.AssignDeadline("2024-07-01") != c.Date {
			t.Fatal("AssignDeadline differs from its count")
		}
	})
	t.Run("RehandleEarlierThanRound1", func(t *testing.T) {
		// Round 1 is due 6月5日; answered early and 不满意 on 4月25日: one month from the evaluation is
		// 5月25日, a Saturday, moved to Monday 5月27日 — before round 1's deadline, and the words say why.
		s := Suggestion{Round: 1, Deadline: "2024-06-05"}
		c := r.CountRehandleDeadline(s, "2024-04-25")
		want := "评价之日起1个月，顺延至工作日：2024年5月27日(星期一；5月25日是星期六，顺延)。" +
			"比第1轮的办理时限(2024年6月5日)早：重新办理时限从代表评价之日起算，不在原办理时限上延长"
		if c.Date != "2024-05-27" || c.Explain() != want {
			t.Fatalf("%+v\n got %q\nwant %q", c, c.Explain(), want)
		}
		if r.RehandleDeadline("2024-04-25") != c.Date {
			t.Fatal("RehandleDeadline differs from its count")
		}
	})
	t.Run("RehandleLater", func(t *testing.T) {
		c := r.CountRehandleDeadline(Suggestion{Round: 2, Deadline: "2024-05-27"}, "2024-05-28")
		if c.Note != "" || c.Explain() != "评价之日起1个月，顺延至工作日：2024年6月28日(星期五)" {
			t.Fatalf("%+v / %q", c, c.Explain())
		}
	})
	t.Run("BasisOnTheItemsPage", func(t *testing.T) {
		for _, c := range []struct {
			name string
			s    Suggestion
			want string
		}{
			{"Default", Suggestion{Round: 1, Assigned: "2024-07-01", Deadline: "2024-10-08"}, "交办之日起3个月，顺延至工作日"},
			{"ByHand", Suggestion{Round: 1, Assigned: "2024-07-01", Deadline: "2024-09-30"}, "交办时确定"},
			{"Extended", Suggestion{Round: 1, Assigned: "2024-07-01", Deadline: "2024-11-30", ExtensionReason: "资金未到位"}, "延期"},
			{"Round2Earlier", Suggestion{Round: 2, Assigned: "2024-02-05", FirstDeadline: "2024-06-05", Evaluated: "2024-04-25", Deadline: "2024-05-27"},
				"评价之日起1个月，顺延至工作日。比第1轮的办理时限(2024年6月5日)早：重新办理时限从代表评价之日起算，不在原办理时限上延长"},
			{"None", Suggestion{Round: 1}, ""},
		} {
			if got := r.DeadlineBasis(c.s, Handling{}); got != c.want {
				t.Errorf("%s: %q, want %q", c.name, got, c.want)
			}
		}
	})
	t.Run("BasisAfterTheNextEvaluation", func(t *testing.T) {
		// Round 2 began with the 不满意 of 2024-04-25; the item has been evaluated again (满意) since, and closed.
		s := Suggestion{Round: 2, State: StateClosed, Assigned: "2024-02-05", FirstDeadline: "2024-06-05", Evaluated: "2024-05-20", Deadline: "2024-05-27"}
		h := Handling{Evaluations: []Evaluation{{Round: 1, Date: "2024-04-25", Grade: GradeUnsatisfied}, {Round: 2, Date: "2024-05-20", Grade: GradeSatisfied}}}
		want := "评价之日起1个月，顺延至工作日。比第1轮的办理时限(2024年6月5日)早：重新办理时限从代表评价之日起算，不在原办理时限上延长"
		if got := r.DeadlineBasis(s, h); got != want {
			t.Fatalf("%q, want %q", got, want)
		}
	})
	t.Run("NoRolling", func(t *testing.T) {
		r := r
		r.Settings.RollToWorkday = false
		c := r.CountRehandleDeadline(Suggestion{}, "2024-04-25")
		if c.Date != "2024-05-25" || c.Explain() != "评价之日起1个月：2024年5月25日(星期六)" {
			t.Fatalf("%+v / %q", c, c.Explain())
		}
	})
}
