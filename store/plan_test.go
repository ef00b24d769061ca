package store

import (
	"context"
	"strings"
	"testing"
)

// planTitles lists a year's items as 「title@when」.
func planTitles(tb testing.TB, db *DB, year int) []string {
	tb.Helper()
	items, err := db.PlanItems(context.Background(), year)
	must(tb, err)
	var out []string
	for _, p := range items {
		out = append(out, p.Title+"@"+p.When())
	}
	return out
}

// countTitle counts the items of a title (any time).
func countTitle(items []string, title string) int {
	n := 0
	for _, s := range items {
		if strings.HasPrefix(s, title+"@") {
			n++
		}
	}
	return n
}

func TestPlanDraft(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	db := f.db

	t.Run("FromRules", func(t *testing.T) {
		fromRules, carried, err := db.DraftPlan(ctx, 2024)
		must(t, err)
		items := planTitles(t, db, 2024)
		if carried != 0 || fromRules != len(items) {
			t.Fatalf("added %d from rules and %d carried, the plan holds %d", fromRules, carried, len(items))
		}
		for _, q := range []string{"第一季度", "第二季度", "第三季度", "第四季度"} {
			for _, title := range []string{"主席团会议", "第一代表小组活动", "征求意见卡"} {
				if countTitle(items, title) != 4 || !strings.Contains(strings.Join(items, " "), title+"@"+q) {
					t.Fatalf("a quarterly rule makes one %s each quarter: %v", title, items)
				}
			}
		}
		if countTitle(items, "家站点公示") != 12 || countTitle(items, "人民代表大会会议") != 1 || countTitle(items, "代表述职") != 1 {
			t.Fatalf("monthly 12, yearly 1: %v", items)
		}
		// 9 rules: 1 + 4 + 4 (one group) + 1 + 1 + 1 + 12 + 4 + 12.
		if len(items) != 40 {
			t.Fatalf("%d items, want 40: %v", len(items), items)
		}
		plan, err := db.PlanItems(ctx, 2024)
		must(t, err)
		for _, p := range plan {
			if p.Title == "主席团会议" && p.Kind != PlanMeeting || p.Title == "代表视察" && p.Kind != PlanSupervision ||
				p.Title == "家站点公示" && p.Kind != PlanPublicity || p.Title == "代表培训学习" && p.Kind != PlanTraining {
				t.Fatalf("%s is of kind %s", p.Title, p.Kind)
			}
		}
	})

	t.Run("RunAgainAddsNothing", func(t *testing.T) {
		before := planTitles(t, db, 2024)
		fromRules, carried, err := db.DraftPlan(ctx, 2024)
		must(t, err)
		if fromRules != 0 || carried != 0 || len(planTitles(t, db, 2024)) != len(before) {
			t.Fatalf("the second draft added %d + %d", fromRules, carried)
		}
	})

	t.Run("SwitchedOffRuleMakesNone", func(t *testing.T) {
		r := ruleNamed(t, db, "主席团会议")
		r.Enabled = false
		must(t, db.SaveWorkRule(ctx, &r))
		t.Cleanup(func() { r.Enabled = true; must(t, db.SaveWorkRule(ctx, &r)) })
		_, _, err := db.DraftPlan(ctx, 2025)
		must(t, err)
		items := planTitles(t, db, 2025)
		if countTitle(items, "主席团会议") != 0 || countTitle(items, "家站点公示") != 12 {
			t.Fatalf("a switched-off rule drafted items: %v", items)
		}
	})

	t.Run("LastYearsItemsCarried", func(t *testing.T) {
		study := PlanItem{Year: 2025, Kind: PlanSupervision, Title: "农村人居环境整治专题调研", Month: 6, Owner: "李主席", Notes: "会同农业农村办"}
		dropped := PlanItem{Year: 2025, Kind: PlanOther, Title: "人大工作研讨会", Quarter: 3}
		for _, p := range []*PlanItem{&study, &dropped} {
			must(t, db.SavePlanItem(ctx, p))
		}
		must(t, db.CancelPlanItem(ctx, dropped.ID, "2025-07-01", "并入县人大统一安排"))
		m := Meeting{Kind: MeetingResearch, Title: "农村人居环境整治调研", Start: "2025-06-12"}
		must(t, db.SaveMeeting(ctx, &m))
		must(t, db.LinkPlanItem(ctx, study.ID, LinkMeeting, m.ID))

		fromRules, carried, err := db.DraftPlan(ctx, 2026)
		must(t, err)
		if carried != 1 {
			t.Fatalf("carried %d items from 2025, want the one not cancelled and not from a rule", carried)
		}
		items, err := db.PlanItems(ctx, 2026)
		must(t, err)
		var got *PlanItem
		for i, p := range items {
			if p.Title == study.Title {
				got = &items[i]
			}
			if p.Title == dropped.Title {
				t.Fatal("a cancelled item was carried over")
			}
		}
		if got == nil || got.Month != 6 || got.Owner != "李主席" || got.Notes != "会同农业农村办" || got.LinkKind != "" || got.Linked() {
			t.Fatalf("carried item: %+v", got)
		}
		// The rules' items of 2025 are not copied: 2026 has the rules' own (主席团会议 is on again), once each.
		if n := countTitle(planTitles(t, db, 2026), "主席团会议"); n != 4 || fromRules != 40 {
			t.Fatalf("2026: %d 主席团会议, %d from rules", n, fromRules)
		}
		if _, carried, _ := db.DraftPlan(ctx, 2026); carried != 0 {
			t.Fatal("the carried item was carried twice")
		}
	})
}

func TestPlanLinkAndFigures(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	db := f.db
	_, _, err := db.DraftPlan(ctx, 2024)
	must(t, err)
	items, err := db.PlanItems(ctx, 2024)
	must(t, err)
	find := func(title string, quarter int) PlanItem {
		for _, p := range items {
			if p.Title == title && p.Quarter == quarter {
				return p
			}
		}
		t.Fatalf("no %s in quarter %d", title, quarter)
		return PlanItem{}
	}
	q1, q2 := find("主席团会议", 1), find("主席团会议", 2)
	march := Meeting{Kind: MeetingPresidium, Title: "第一季度主席团会议", Start: "2024-03-10"}
	inspect := Meeting{Kind: MeetingInspect, Title: "视察道路建设", Start: "2024-03-12"}
	may := Meeting{Kind: MeetingPresidium, Title: "第二季度主席团会议", Start: "2024-05-20"}
	for _, m := range []*Meeting{&march, &inspect, &may} {
		must(t, db.SaveMeeting(ctx, m))
	}
	spare := PlanItem{Year: 2024, Kind: PlanOther, Title: "编印代表履职手册", Quarter: 1}
	must(t, db.SavePlanItem(ctx, &spare))

	t.Run("CandidatesOfTheKindInTheQuarter", func(t *testing.T) {
		c, err := db.PlanCandidates(ctx, q1.ID)
		must(t, err)
		if len(c) != 1 || c[0].ID != march.ID || c[0].Kind != LinkMeeting || !strings.Contains(c[0].Title, "第一季度主席团会议") {
			t.Fatalf("candidates of Q1's 主席团会议: %+v", c)
		}
	})

	t.Run("Link", func(t *testing.T) {
		must(t, db.LinkPlanItem(ctx, q1.ID, LinkMeeting, march.ID))
		wantErr(t, db.LinkPlanItem(ctx, q2.ID, LinkMeeting, march.ID), EINVALID, "已关联到计划项「主席团会议」")
		wantErr(t, db.LinkPlanItem(ctx, q2.ID, LinkMeeting, 99999), EINVALID, "不存在")
		must(t, db.LinkPlanItem(ctx, q2.ID, LinkMeeting, may.ID))
		c, err := db.PlanCandidates(ctx, q2.ID)
		must(t, err)
		if len(c) != 1 || c[0].LinkedTo != 0 {
			t.Fatalf("Q2's own meeting reads as taken by another: %+v", c)
		}
		h, _, err := db.History(ctx, HistoryFilter{Entity: planEntity, EntityID: q1.ID})
		must(t, err)
		if len(h) == 0 || !strings.Contains(h[0].Changes, "完成记录: (空) → 2024年3月10日 主席团会议：第一季度主席团会议") {
			t.Fatalf("history: %+v", h)
		}
	})

	t.Run("Cancel", func(t *testing.T) {
		wantErr(t, db.CancelPlanItem(ctx, spare.ID, "2024-02-01", ""), EINVALID, "取消原因")
		wantErr(t, db.CancelPlanItem(ctx, q1.ID, "2024-02-01", "不再召开"), EINVALID, "已关联完成记录")
		must(t, db.CancelPlanItem(ctx, spare.ID, "2024-02-01", "经费未落实"))
		wantErr(t, db.LinkPlanItem(ctx, spare.ID, LinkMeeting, inspect.ID), EINVALID, "已取消")
	})

	t.Run("FiguresAtTwoDates", func(t *testing.T) {
		// 15 February: Q1's 主席团会议 not held yet, the spare item cancelled on 1 February; January's 公示 and
		// 政情通报 are over and not linked.
		feb, err := db.YearFigures(ctx, 2024, "2024-02-15")
		must(t, err)
		first := feb.Plan.Rows[0]
		if feb.Plan.Year != 2024 || first.Done != 0 || first.Cancelled != 1 || first.Missed != 2 || first.Open != first.Planned-3 {
			t.Fatalf("Q1 on 15 February: %+v", first)
		}
		// 1 April: Q1's 主席团会议 done (3-10), every other Q1 item unlinked is 未完成; Q2's meeting still ahead.
		apr, err := db.YearFigures(ctx, 2024, "2024-04-01")
		must(t, err)
		first, second := apr.Plan.Rows[0], apr.Plan.Rows[1]
		if first.Done != 1 || first.Cancelled != 1 || first.Open != 0 || first.Missed != first.Planned-2 {
			t.Fatalf("Q1 on 1 April: %+v", first)
		}
		if second.Done != 0 || second.Missed != 0 || second.Open != second.Planned {
			t.Fatalf("Q2 on 1 April: %+v", second)
		}
		done := apr.Plan.ItemsIn(1, PlanDone)
		if len(done) != 1 || done[0].ID != q1.ID || done[0].LinkDate != "2024-03-10" {
			t.Fatalf("drill-down of Q1 done: %+v", done)
		}
		tot := apr.Plan.Total
		if tot.Planned != 41 || tot.Planned != tot.Done+tot.Missed+tot.Open+tot.Cancelled {
			t.Fatalf("total %+v", tot)
		}
		// The record deleted: the item reads as not done again.
		must(t, db.DeleteMeeting(ctx, march.ID))
		again, err := db.PlanStatus(ctx, 2024, "2024-04-01")
		must(t, err)
		if again.Rows[0].Done != 0 {
			t.Fatalf("a deleted meeting still counts: %+v", again.Rows[0])
		}
	})
}

func TestPlanItemValidate(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	for name, c := range map[string]struct {
		p    PlanItem
		want string
	}{
		"NoTitle":         {PlanItem{Year: 2024, Kind: PlanMeeting}, "工作内容"},
		"UnknownKind":     {PlanItem{Year: 2024, Kind: "聚餐", Title: "x"}, "类别"},
		"MonthAndQuarter": {PlanItem{Year: 2024, Kind: PlanMeeting, Title: "x", Month: 3, Quarter: 1}, "只能选其一"},
		"Month13":         {PlanItem{Year: 2024, Kind: PlanMeeting, Title: "x", Month: 13}, "月份应在1到12之间"},
	} {
		t.Run(name, func(t *testing.T) {
			wantErr(t, db.SavePlanItem(ctx, &c.p), EINVALID, c.want)
			if items, _ := db.PlanItems(ctx, 2024); len(items) != 0 {
				t.Fatal("a bad item was saved")
			}
		})
	}
}

func TestPlanReminders(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	db := f.db
	visit := PlanItem{Year: 2024, Kind: PlanSupervision, Title: "视察敬老院", Month: 11}
	yearly := PlanItem{Year: 2024, Kind: PlanOther, Title: "修订代表活动制度"}
	for _, p := range []*PlanItem{&visit, &yearly} {
		must(t, db.SavePlanItem(ctx, p))
	}
	t.Run("DueThisMonth", func(t *testing.T) {
		texts := reminderTexts(t, db, "2024-11-20")
		if !hasText(texts, "年度计划本月安排的「视察敬老院」尚未完成（还剩10天）") || hasText(texts, "修订代表活动制度") {
			t.Fatalf("reminders on 20 November: %v", texts)
		}
	})
	t.Run("NotBeforeItsMonth", func(t *testing.T) {
		if texts := reminderTexts(t, db, "2024-10-20"); hasText(texts, "视察敬老院") {
			t.Fatalf("reminded in October: %v", texts)
		}
	})
	t.Run("RuleItemsLeftToTheRule", func(t *testing.T) {
		_, _, err := db.DraftPlan(ctx, 2024)
		must(t, err)
		texts := reminderTexts(t, db, "2024-11-20")
		if hasText(texts, "年度计划本季度安排的「主席团会议」") || !hasText(texts, "本季度尚未召开主席团会议") {
			t.Fatalf("a rule's item reminded beside its rule: %v", texts)
		}
	})
	t.Run("DoneIsNotReminded", func(t *testing.T) {
		m := Meeting{Kind: MeetingInspect, Title: "视察敬老院", Start: "2024-11-05"}
		must(t, db.SaveMeeting(ctx, &m))
		must(t, db.LinkPlanItem(ctx, visit.ID, LinkMeeting, m.ID))
		if texts := reminderTexts(t, db, "2024-11-20"); hasText(texts, "视察敬老院") {
			t.Fatalf("a done item reminded: %v", texts)
		}
	})
}
