package store

import (
	"context"
	"maps"
	"strings"
	"testing"
)

// TestBadInput feeds the bad input of SPEC §10 through the real API — wrong dates, values missing from a
// dictionary, duplicate numbers, over-long text — and checks the exact Chinese message the clerk sees, its
// code, and that nothing was half written: every table keeps its row count.
func TestBadInput(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	existing := f.item(t, "关于修缮青山村道路的建议", "2024-03-01")
	second := f.item(t, "关于增设路灯的建议", "2024-03-02")
	must(t, f.db.Assign(ctx, second.ID, AssignInput{MainUnitID: f.unitA.ID, Date: "2024-03-05"}))

	suggestion := func(edit func(s *Suggestion)) func() error {
		return func() error {
			s := Suggestion{Kind: KindSuggestion, Period: PeriodRecess, Source: "代表提出", LeadDeputyID: f.wang.ID,
				CosignerIDs: []int64{f.li.ID, f.zhao.ID}, Title: "关于村口积水的建议", Content: "雨后积水。", Category: "城乡建设",
				Scope: LevelTown, Received: "2024-04-01"}
			edit(&s)
			return f.db.SaveSuggestion(ctx, &s)
		}
	}
	deputy := func(edit func(d *Deputy)) func() error {
		return func() error {
			d := Deputy{Name: "孙立新", Gender: "男", Ethnicity: "汉族", Party: "中共党员", Village: "青山村",
				Levels: []string{LevelTown}, TermID: f.term.ID, GroupID: f.group.ID}
			edit(&d)
			return f.db.SaveDeputy(ctx, &d)
		}
	}
	parse := func(s string) func() error {
		return func() error { _, err := ParseDate(s); return err }
	}
	tables := []string{"suggestions", "suggestion_cosigners", "suggestion_steps", "suggestion_assist_units",
		"suggestion_fts", "deputies", "deputy_levels", "deputy_tags", "dict", "history"}
	counts := func(t *testing.T) map[string]int {
		t.Helper()
		out := map[string]int{}
		for _, table := range tables {
			var n int
			must(t, f.db.SQL().QueryRow(`SELECT count(*) FROM `+table).Scan(&n))
			out[table] = n
		}
		return out
	}
	long := strings.Repeat("长", 10000)

	// badCase is one refusal: run must fail with code and exactly msg.
	type badCase struct {
		name, code, msg string
		run             func() error
	}
	for _, group := range []struct {
		name  string
		cases []badCase
	}{
		{"WrongDate", []badCase{
			{"ParseDate2024-13-01", "", "日期「2024-13-01」的月份应在1到12之间", parse("2024-13-01")},
			{"ParseDate2024年2月30日", "", "日期「2024年2月30日」不存在(2024年2月没有30日)", parse("2024年2月30日")},
			{"SuggestionReceived2024-13-01", EINVALID, "收到日期「2024-13-01」不是有效日期",
				suggestion(func(s *Suggestion) { s.Received = "2024-13-01" })},
			{"SuggestionReceived2024年2月30日", EINVALID, "收到日期「2024年2月30日」不是有效日期",
				suggestion(func(s *Suggestion) { s.Received = "2024年2月30日" })},
			{"SuggestionReceivedAfterToday", EINVALID, "收到日期(2025年1月1日)不能晚于今天",
				suggestion(func(s *Suggestion) { s.Received = "2025-01-01" })},
			{"DeputyBirth2024-13-01", EINVALID, "出生年月「2024-13-01」格式不对，请写成 1968-05 或 1968年5月",
				deputy(func(d *Deputy) { d.Birth = "2024-13-01" })},
			{"DeputyBirth2024年2月30日", EINVALID, "出生年月「2024年2月30日」格式不对，请写成 1968-05 或 1968年5月",
				deputy(func(d *Deputy) { d.Birth = "2024年2月30日" })},
			{"DeputyBirthMonth13", EINVALID, "出生年月「1968-13」的月份应在1到12之间",
				deputy(func(d *Deputy) { d.Birth = "1968-13" })},
			{"DeputyVacancyDate2024年2月30日", EINVALID, "出缺日期「2024年2月30日」不是有效日期",
				deputy(func(d *Deputy) {
					d.Status, d.VacancyReason, d.VacancyDate = DeputyVacant, VacancyReasons[0], "2024年2月30日"
				})},
		}},
		{"UnknownDictionaryValue", []badCase{
			{"SuggestionCategory", EINVALID, "类别「星际交通」不在建议类别字典中，请先在设置中添加",
				suggestion(func(s *Suggestion) { s.Category = "星际交通" })},
			{"SuggestionSource", EINVALID, "来源「飞鸽传书」不在建议来源字典中，请先在设置中添加",
				suggestion(func(s *Suggestion) { s.Source = "飞鸽传书" })},
			{"SuggestionKind", EINVALID, "类型「提案」无效，应为议案、建议、批评和意见、选民意见建议之一",
				suggestion(func(s *Suggestion) { s.Kind = "提案" })},
			{"DeputyEthnicity", EINVALID, "民族「火星族」不在民族字典中，请先在设置中添加",
				deputy(func(d *Deputy) { d.Ethnicity = "火星族" })},
			{"DeputyParty", EINVALID, "政治面貌「无党籍人士」不在政治面貌字典中，请先在设置中添加",
				deputy(func(d *Deputy) { d.Party = "无党籍人士" })},
			{"DeputyVillage", EINVALID, "所在村(居)「月亮湾村」不在村(居)字典中，请先在设置中添加",
				deputy(func(d *Deputy) { d.Village = "月亮湾村" })},
			{"DeputyComposition", EINVALID, "代表构成「宇航员」不在代表构成字典中，请先在设置中添加",
				deputy(func(d *Deputy) { d.Tags = []string{"宇航员"} })},
			{"DeputyGender", EINVALID, "性别「未知」无效，应为男、女之一",
				deputy(func(d *Deputy) { d.Gender = "未知" })},
		}},
		{"DuplicateNumber", []badCase{
			{"NewSuggestion", ECONFLICT, "编号「" + existing.Number + "」已被另一件建议使用",
				suggestion(func(s *Suggestion) { s.Number = existing.Number })},
			{"NewSuggestionPaddedNumber", ECONFLICT, "编号「" + existing.Number + "」已被另一件建议使用",
				suggestion(func(s *Suggestion) { s.Number = "  " + existing.Number + " " })},
			{"EditedSuggestion", ECONFLICT, "编号「" + existing.Number + "」已被另一件建议使用",
				func() error {
					s := f.get(t, second.ID)
					s.Number = existing.Number
					return f.db.SaveSuggestion(ctx, &s)
				}},
			{"DictValue", ECONFLICT, "建议类别中已有「城乡建设」",
				func() error { return f.db.AddDictValue(ctx, DictCategory, "城乡建设") }},
		}},
		{"OverlongText", []badCase{
			{"SuggestionTitle10000", EINVALID, "标题不能超过200个字(现有10000个)",
				suggestion(func(s *Suggestion) { s.Title = long })},
			{"SuggestionContent20001", EINVALID, "内容不能超过20000个字(现有20001个)",
				suggestion(func(s *Suggestion) { s.Content = strings.Repeat("长", 20001) })},
			{"SuggestionNumber", EINVALID, "编号不能超过30个字(现有10000个)",
				suggestion(func(s *Suggestion) { s.Number = long })},
			{"SuggestionVoterContact", EINVALID, "选民联系方式不能超过100个字(现有10000个)",
				suggestion(func(s *Suggestion) {
					s.Kind, s.LeadDeputyID, s.CosignerIDs, s.VoterName, s.VoterContact = KindVoter, 0, nil, "张三", long
				})},
			{"DeputyName", EINVALID, "姓名不能超过20个字(现有10000个)",
				deputy(func(d *Deputy) { d.Name = long })},
			{"DeputyNotes10000", EINVALID, "备注不能超过5000个字(现有10000个)",
				deputy(func(d *Deputy) { d.Notes = long })},
			{"DeputyWorkUnit", EINVALID, "工作单位不能超过100个字(现有10000个)",
				deputy(func(d *Deputy) { d.WorkUnit = long })},
			{"DictValue", EINVALID, "建议类别的值不能超过40个字(现有10000个)",
				func() error { return f.db.AddDictValue(ctx, DictCategory, long) }},
		}},
		{"ManyAtOnce", []badCase{
			// The second item is already being handled: neither is assigned, and the message names it.
			{"AssignManySecondFails", ESTATE, "第2件(" + second.Number + "): 建议「" + second.Number + "」当前状态为「办理中」，不能交办；全部未交办",
				func() error {
					return f.db.AssignMany(ctx, []int64{existing.ID, second.ID}, AssignInput{MainUnitID: f.unitB.ID, Date: "2024-03-06"})
				}},
		}},
	} {
		t.Run(group.name, func(t *testing.T) {
			for _, c := range group.cases {
				t.Run(c.name, func(t *testing.T) {
					before := counts(t)
					err := c.run()
					if err == nil {
						t.Fatal("accepted")
					}
					if ErrorMessage(err) != c.msg {
						t.Errorf("message\n got %s\nwant %s", ErrorMessage(err), c.msg)
					}
					if ErrorCode(err) != c.code {
						t.Errorf("code %q, want %q (%v)", ErrorCode(err), c.code, err)
					}
					if after := counts(t); !maps.Equal(before, after) {
						t.Errorf("rows changed by a refused save: before %v, after %v", before, after)
					}
				})
			}
		})
	}

	t.Run("AssignManyLeavesFirstPending", func(t *testing.T) {
		if s := f.get(t, existing.ID); s.State != StatePending || s.MainUnitID != 0 {
			t.Errorf("after the refused AssignMany the first item is %s with unit %d", s.State, s.MainUnitID)
		}
	})
	// Where the limits lie: a 10 000-character content is a long reply, not an error.
	t.Run("Content10000IsAccepted", func(t *testing.T) {
		must(t, suggestion(func(s *Suggestion) { s.Content = long })())
	})
}
