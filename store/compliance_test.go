package store

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// ruleNamed returns the seeded rule of that name.
func ruleNamed(tb testing.TB, db *DB, name string) WorkRule {
	tb.Helper()
	rules, err := db.WorkRules(context.Background())
	must(tb, err)
	for _, r := range rules {
		if r.Name == name {
			return r
		}
	}
	tb.Fatalf("no rule %s among %v", name, rules)
	return WorkRule{}
}

// complianceRow returns the row of a rule in the year's compliance as of asOf; ok false when it is absent.
func complianceRow(tb testing.TB, db *DB, year int, asOf Date, name string) (ComplianceRow, bool) {
	tb.Helper()
	rows, err := db.Compliance(context.Background(), year, asOf)
	must(tb, err)
	for _, r := range rows {
		if r.Rule.Name == name {
			return r, true
		}
	}
	return ComplianceRow{}, false
}

// reminderTexts are the overview's reminders on a day.
func reminderTexts(tb testing.TB, db *DB, today Date) []string {
	tb.Helper()
	rs, err := db.Reminders(context.Background(), today)
	must(tb, err)
	var out []string
	for _, r := range rs {
		out = append(out, r.Text)
	}
	return out
}

func hasText(texts []string, want string) bool {
	return slices.ContainsFunc(texts, func(s string) bool { return strings.Contains(s, want) })
}

func TestComplianceRules(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	db := f.db
	meeting := func(kind, title string, start Date, present ...int64) {
		t.Helper()
		m := Meeting{Kind: kind, Title: title, Start: start}
		must(t, db.SaveMeeting(ctx, &m))
		if len(present) > 0 {
			var att []Attendance
			for _, id := range present {
				att = append(att, Attendance{DeputyID: id, Status: "出席"})
			}
			must(t, db.SaveMeetingDetail(ctx, m.ID, MeetingDetail{Attendance: att}))
		}
	}
	second := Group{Name: "第二代表小组", Villages: "桥头社区"}
	must(t, db.SaveGroup(ctx, &second))
	zhao := f.zhao
	zhao.GroupID = second.ID
	must(t, db.SaveDeputy(ctx, &zhao))

	t.Run("Quarterly", func(t *testing.T) {
		meeting(MeetingPresidium, "第二季度主席团会议", "2024-05-10")
		row, ok := complianceRow(t, db, 2024, "2024-12-31", "主席团会议")
		if !ok {
			t.Fatal("主席团会议 rule missing")
		}
		if row.Required != 4 || row.Done != 1 || row.Missed != 3 || row.Open != 0 {
			t.Fatalf("required %d done %d missed %d open %d, want 4 1 3 0", row.Required, row.Done, row.Missed, row.Open)
		}
		var missed []string
		for _, u := range row.MissedUnits("2024-12-31") {
			missed = append(missed, u.Label)
		}
		if strings.Join(missed, "、") != "第一季度、第三季度、第四季度" {
			t.Fatalf("missed %v", missed)
		}
		if items := row.Items(); len(items) != 1 || items[0].Title != "第二季度主席团会议" {
			t.Fatalf("drill-down %+v", items)
		}
		// In the middle of the year the quarters not yet ended are still to do, not missed.
		row, _ = complianceRow(t, db, 2024, "2024-08-15", "主席团会议")
		if row.Missed != 1 || row.Open != 2 {
			t.Fatalf("as of 8月15日: missed %d open %d, want 1 2", row.Missed, row.Open)
		}
	})

	t.Run("QuarterlyEachGroup", func(t *testing.T) {
		meeting(MeetingGroup, "第一小组视察村道", "2024-08-01", f.wang.ID)
		meeting(MeetingGroup, "第二代表小组走访选民", "2024-11-03")
		row, _ := complianceRow(t, db, 2024, "2024-12-31", "代表小组活动")
		if row.Required != 8 || row.Done != 2 || row.Missed != 6 {
			t.Fatalf("required %d done %d missed %d, want 8 2 6", row.Required, row.Done, row.Missed)
		}
		done := map[string]bool{}
		for _, u := range row.Units {
			if u.Done > 0 {
				done[u.Where()] = true
			}
		}
		if !done["第一代表小组第三季度"] || !done["第二代表小组第四季度"] || len(done) != 2 {
			t.Fatalf("periods done %v", done)
		}
		texts := reminderTexts(t, db, "2024-09-12")
		if !hasText(texts, "第二代表小组本季度尚无活动（还剩18天）") || hasText(texts, "第一代表小组本季度尚无活动") {
			t.Fatalf("reminders on 9月12日: %v", texts)
		}
	})

	t.Run("MonthlyByTheTenth", func(t *testing.T) {
		must(t, db.RecordNoticePost(ctx, &NoticePost{Posted: "2024-11-08", Month: "2024-10"}))
		row, _ := complianceRow(t, db, 2024, "2024-12-05", "家站点公示")
		if row.Required != 12 || row.Done != 1 || row.Missed != 10 || row.Open != 1 {
			t.Fatalf("required %d done %d missed %d open %d, want 12 1 10 1", row.Required, row.Done, row.Missed, row.Open)
		}
		if texts := reminderTexts(t, db, "2024-12-05"); !hasText(texts, "12月公示尚未打印或登记（应于2024年12月10日前，还剩5天）") {
			t.Fatalf("reminders on 12月5日: %v", texts)
		}
		if texts := reminderTexts(t, db, "2024-11-20"); hasText(texts, "公示") {
			t.Fatalf("November's 公示 was posted, yet: %v", texts)
		}
		if texts := reminderTexts(t, db, "2024-10-15"); !hasText(texts, "10月公示尚未打印或登记（已过2024年10月10日，逾期5天）") {
			t.Fatalf("reminders on 10月15日: %v", texts)
		}
	})

	t.Run("Yearly", func(t *testing.T) {
		if texts := reminderTexts(t, db, "2024-12-05"); !hasText(texts, "本年度尚未开展代表培训学习（还剩26天）") {
			t.Fatalf("reminders without training: %v", texts)
		}
		meeting(MeetingTraining, "新任代表履职培训", "2024-03-15")
		row, _ := complianceRow(t, db, 2024, "2024-12-31", "代表培训学习")
		if row.Required != 1 || row.Done != 1 || row.Missed != 0 {
			t.Fatalf("training: required %d done %d missed %d", row.Required, row.Done, row.Missed)
		}
		if texts := reminderTexts(t, db, "2024-12-05"); hasText(texts, "培训") {
			t.Fatalf("training held, yet: %v", texts)
		}
		// A yearly rule asking twice says how many are still due.
		r := ruleNamed(t, db, "代表培训学习")
		r.Required = 2
		must(t, db.SaveWorkRule(ctx, &r))
		if texts := reminderTexts(t, db, "2024-12-05"); !hasText(texts, "本年度代表培训学习已开展1次，还应开展1次（还剩26天）") {
			t.Fatalf("reminders with one of two: %v", texts)
		}
	})

	t.Run("InTheFigures", func(t *testing.T) {
		fig, err := db.YearFigures(ctx, 2024, "")
		must(t, err)
		if fig.ComplianceYear != 2024 || len(fig.Compliance) == 0 || fig.Compliance[1].Rule.Name != "主席团会议" || fig.Compliance[1].Done != 1 {
			t.Fatalf("figures' compliance of %d: %+v", fig.ComplianceYear, fig.Compliance)
		}
		// A year not begun yet (the clock stands at 2024-12-31) has no compliance to show.
		fig, err = db.YearFigures(ctx, 2025, "")
		must(t, err)
		if fig.ComplianceYear != 0 || len(fig.Compliance) != 0 {
			t.Fatalf("2025 counted as %d: %+v", fig.ComplianceYear, fig.Compliance)
		}
	})
	t.Run("SwitchedOff", func(t *testing.T) {
		if texts := reminderTexts(t, db, "2024-12-05"); !hasText(texts, "本月尚未下发政情通报") {
			t.Fatalf("政情通报 reminder missing: %v", texts)
		}
		r := ruleNamed(t, db, "政情通报")
		r.Enabled = false
		must(t, db.SaveWorkRule(ctx, &r))
		if _, ok := complianceRow(t, db, 2024, "2024-12-31", "政情通报"); ok {
			t.Fatal("a rule switched off is still measured")
		}
		if texts := reminderTexts(t, db, "2024-12-05"); hasText(texts, "政情通报") {
			t.Fatalf("a rule switched off still reminds: %v", texts)
		}
		h, _, err := db.History(ctx, HistoryFilter{Entity: ruleEntity, EntityID: r.ID})
		must(t, err)
		if len(h) == 0 || h[0].Action != ActionState || !strings.Contains(h[0].Changes, "启用: 是 → 否") {
			t.Fatalf("history %+v", h)
		}
	})
}

// The overview's reminders on both sides of a quarter's end: the quarter's own until its last day, the next
// quarter's from its first, and the quarter missed shows in the year's table.
func TestRemindersAroundQuarterEnd(t *testing.T) {
	ctx := context.Background()
	db := newFixture(t).db
	m := Meeting{Kind: MeetingPresidium, Title: "第二季度主席团会议", Start: "2024-06-20"}
	must(t, db.SaveMeeting(ctx, &m))

	t.Run("BeforeTheEnd", func(t *testing.T) {
		texts := reminderTexts(t, db, "2024-09-12")
		if !hasText(texts, "本季度尚未召开主席团会议（还剩18天）") {
			t.Fatalf("reminders on 9月12日: %v", texts)
		}
	})
	t.Run("LastDay", func(t *testing.T) {
		if texts := reminderTexts(t, db, "2024-09-30"); !hasText(texts, "本季度尚未召开主席团会议（今天截止）") {
			t.Fatalf("reminders on 9月30日: %v", texts)
		}
	})
	t.Run("AfterTheEnd", func(t *testing.T) {
		texts := reminderTexts(t, db, "2024-10-01")
		if !hasText(texts, "本季度尚未召开主席团会议（还剩91天）") {
			t.Fatalf("reminders on 10月1日: %v", texts)
		}
		row, _ := complianceRow(t, db, 2024, "2024-10-01", "主席团会议")
		var missed []string
		for _, u := range row.MissedUnits("2024-10-01") {
			missed = append(missed, u.Label)
		}
		if strings.Join(missed, "、") != "第一季度、第三季度" || row.Open != 1 {
			t.Fatalf("as of 10月1日 missed %v, open %d", missed, row.Open)
		}
	})
	t.Run("HeldLater", func(t *testing.T) {
		late := Meeting{Kind: MeetingPresidium, Title: "第三季度主席团会议", Start: "2024-09-20"}
		must(t, db.SaveMeeting(ctx, &late))
		// A meeting held on the 20th does not count on the 12th: the reminder stands that day.
		if texts := reminderTexts(t, db, "2024-09-12"); !hasText(texts, "本季度尚未召开主席团会议") {
			t.Fatalf("reminders on 9月12日: %v", texts)
		}
		if texts := reminderTexts(t, db, "2024-09-25"); hasText(texts, "主席团会议") {
			t.Fatalf("reminders on 9月25日: %v", texts)
		}
	})
}

func TestWorkRuleValidate(t *testing.T) {
	ok := WorkRule{Name: "主席团学习", Measure: MeasureMeeting + MeetingTraining, Period: RuleQuarter, Required: 1, Enabled: true}
	cases := []struct {
		name  string
		edit  func(r *WorkRule)
		field string
		frag  string
	}{
		{"ErrNameRequired", func(r *WorkRule) { r.Name = " " }, "规则名称", "不能为空"},
		{"ErrMeasureUnknown", func(r *WorkRule) { r.Measure = "meeting:茶话会" }, "计数对象", "不是可以统计的记录"},
		{"ErrRequiredZero", func(r *WorkRule) { r.Required = 0 }, "每期至少(次)", "1到99"},
		{"ErrDueDayNotMonthly", func(r *WorkRule) { r.DueDay = 10 }, "每月截止日", "只有每月"},
		{"ErrDueDay31", func(r *WorkRule) { r.Period, r.DueDay = RuleMonth, 31 }, "每月截止日", "1到28"},
		{"ErrPerGroupNotGroupActivity", func(r *WorkRule) { r.PerGroup = true }, "每个代表小组", "只有代表小组活动"},
		{"ErrPeriod", func(r *WorkRule) { r.Period = "周" }, "周期", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ok
			c.edit(&r)
			err := r.Validate()
			wantErr(t, err, EINVALID, c.field, c.frag)
		})
	}
	t.Run("OK", func(t *testing.T) {
		db := mustOpen(t)
		r := ok
		must(t, db.SaveWorkRule(context.Background(), &r))
		dup := ok
		wantErr(t, db.SaveWorkRule(context.Background(), &dup), ECONFLICT, "主席团学习")
		if r.Phrase() != "每季度至少1次" {
			t.Fatalf("phrase %q", r.Phrase())
		}
	})
}
