package export

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"rendadesk/store"
)

// rtCell is one cell of hand-built figures; the rates are computed by Figures.Sum.
func rtCell(period, kind, category, source, scope string, sf store.SuggestionFigures) store.FigureCell {
	return store.FigureCell{Period: period, Kind: kind, Category: category, Source: source, Scope: scope, SuggestionFigures: sf}
}

// rtFigures makes the figures of 2024 from cells, as the store would return them.
func rtFigures(cells ...store.FigureCell) store.Figures {
	f := store.Figures{From: "2024-01-01", To: "2024-12-31", AsOf: "2024-12-31", Precision: 1, SatisfiedBasic: true, Cells: cells}
	f.All = f.Sum(store.FigureSlice{})
	f.Session = f.Sum(store.FigureSlice{Period: store.PeriodSession})
	f.Recess = f.Sum(store.FigureSlice{Period: store.PeriodRecess})
	return f
}

// rtReplied is n items assigned, replied on time and evaluated satisfied, with the outcomes given.
func rtReplied(solved, planned, reference int) store.SuggestionFigures {
	n := solved + planned + reference
	return store.SuggestionFigures{Received: n, Assigned: n, Handed: n, Replied: n, Due: n, OnTime: n,
		Solved: solved, Planned: planned, Reference: reference, Evaluated: n, Satisfied: n}
}

// rtHand is the hand-counted year: 23 session items (生态建设 6, 社会管理 9, 社会保障和改善民生 8; 13 已解决,
// 6 列入计划解决, 4 留作参考, all replied) and between sessions 6 deputies' items (市级 1, 县级 2, 镇级 3) and
// 6 voters' items (镇级 2, 村级 4), all replied.
func rtHand() store.Figures {
	s, r := store.PeriodSession, store.PeriodRecess
	sug, voter := store.KindSuggestion, store.KindVoter
	f := rtFigures(
		rtCell(s, sug, "生态建设", "代表提出", store.LevelTown, rtReplied(6, 0, 0)),
		rtCell(s, sug, "社会管理", "代表提出", store.LevelTown, rtReplied(7, 2, 0)),
		rtCell(s, sug, "社会保障和改善民生", "代表提出", store.LevelTown, rtReplied(0, 4, 4)),
		rtCell(r, sug, "城乡建设", "主席团成员联系代表", store.LevelCity, rtReplied(0, 0, 1)),
		rtCell(r, sug, "城乡建设", "主席团成员联系代表", store.LevelCounty, rtReplied(1, 1, 0)),
		rtCell(r, sug, "城乡建设", "主席团成员联系代表", store.LevelTown, rtReplied(3, 0, 0)),
		rtCell(r, voter, "农业农村", "家站点(选民)", store.LevelTown, rtReplied(2, 0, 0)),
		rtCell(r, voter, "农业农村", "家站点(选民)", store.LevelVillage, rtReplied(4, 0, 0)),
	)
	f.Meetings = []store.KindCount{{Name: store.MeetingPresidium, Count: 6}, {Name: store.MeetingCongress, Count: 1},
		{Name: store.MeetingLawCheck, Count: 3}, {Name: store.MeetingInspect, Count: 2}, {Name: store.MeetingResearch, Count: 2}}
	f.SpecialReports, f.LawChecks, f.InspectionsResearch, f.Resolutions = 4, 2, 3, 5
	f.Stations = store.StationFigures{Total: 14, SixHaves: 14, ByType: []store.StationTypeCount{
		{Type: "代表之家", Stations: 1, SixHaves: 1}, {Type: "代表联络站", Stations: 10, SixHaves: 10},
		{Type: "代表联系点", Stations: 3, SixHaves: 3}, {Type: "代表工作室"}}}
	f.Deputies = store.DeputyFigures{Groups: 5, ByLevel: []store.DeputyRow{
		{Level: store.LevelTown, Deputies: 45}, {Level: store.LevelCounty, Deputies: 12}}}
	f.ReportBackLevels = []store.ReportBackLevel{
		{Level: store.LevelTown, Deputies: 20, Oral: 15, Written: 5}, {Level: store.LevelCounty, Deputies: 3, Oral: 3}}
	return f
}

func rtSettings() store.Settings {
	st := store.DefaultSettings()
	st.OfficeName, st.Township = "青山镇人大主席团", "青山镇"
	return st
}

func wantIn(t *testing.T, text string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(text, p) {
			t.Errorf("text lacks 「%s」:\n%s", p, text)
		}
	}
}

func wantNotIn(t *testing.T, text string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if strings.Contains(text, p) {
			t.Errorf("text has 「%s」:\n%s", p, text)
		}
	}
}

// zeroClause finds a clause counting nothing: 「0件」, 「0条」 … (not the 0 of 10件 or of 0.5%).
var zeroClause = regexp.MustCompile(`(^|[^0-9.])0(件|条|次|项|个|名|位|人次)`)

// percents are the percentages printed in a text.
var percents = regexp.MustCompile(`[0-9]+(\.[0-9]+)?%`)

// rtAllPercents is every rate of RateDefs, printed at the precision, over the slices the text speaks of.
func rtAllPercents(f store.Figures, precision int) map[string]bool {
	out := map[string]bool{}
	for _, sl := range []store.FigureSlice{{}, {Period: store.PeriodSession}, {Period: store.PeriodRecess},
		{Period: store.PeriodRecess, Kind: store.KindVoter}} {
		sf := f.Sum(sl)
		for _, d := range store.RateDefs {
			out[sf.RateOf(d).Percent(precision)] = true
		}
	}
	sup := f.Supervision // 监督's rates (text_supervision.go)
	for _, d := range store.SupervisionRateDefs {
		out[sup.RateOf(d).Percent(precision)] = true
	}
	for _, r := range []store.Rate{sup.Satisfaction, sup.Awareness, sup.InquiryPoll} {
		out[r.Percent(precision)] = true
	}
	out[f.Plan.Total.DoneRate().Percent(precision)] = true // the plan's 完成率 (issue 22, text_plan.go)
	return out
}

func TestReportTextSessionSentence(t *testing.T) {
	f := rtHand()
	text := ReportText(rtSettings(), f)
	t.Log("\n" + text)
	wantIn(t, text,
		"2024年，镇人代会期间，共收到镇人大代表书面意见23件，其中涉及生态建设6件，社会管理9件，社会保障和改善民生8件。",
		"目前均已办理答复，其中已经解决的有13件，解决率为56.5%；列入计划解决的6件，占26.1%；留作参考的4件，占17.4%。",
		"2024年，共召开镇人民代表大会会议1次，召开人大主席团会议6次，审议专项工作报告4项，开展执法检查2项（按检查的法律法规计，共开展检查3次），"+
			"组织集中视察和集体调研3项（按主题计，共开展4次），作出决议、决定5项。",
		"闭会期间，共收到代表意见建议6件，按来源分，通过主席团成员联系代表收集6件；按层面分，涉及市级层面1件、县级层面2件、镇级层面3件。目前均已转交相关部门，并全部得到办理或答复。",
		"通过“家站点”等平台，共收到来自选民的意见建议6条，其中涉及镇级层面2条、村级层面4条。",
		"目前全镇已建成1个代表之家、10个代表联络站、3个代表联系点，均做到了“六个有”",
		"我们把全镇45名镇人大代表、12名县人大代表，划分成5个代表活动小组。",
		"其中3位县人大代表、15位镇人大代表向选民进行了口头述职，5位镇人大代表进行了书面述职。",
		"2024年收到的各类意见建议，答复率为100.0%，办结率为0.0%，按期办结率为100.0%，见面率为0.0%，代表满意率（含基本满意）为100.0%。",
	)
	wantNotIn(t, text, "—", "0个代表工作室", "NaN")
	if m := zeroClause.FindString(text); m != "" {
		t.Errorf("a zero clause 「%s」:\n%s", m, text)
	}
}

func TestReportTextPrecisionFromSettings(t *testing.T) {
	st := rtSettings()
	st.Precision = 0
	text := ReportText(st, rtHand())
	wantIn(t, text, "解决率为57%", "占26%", "占17%")
	wantNotIn(t, text, "56.5%")
}

// Every percentage in the text is Rate.Percent of a figure at the office's precision.
func TestReportTextPercentsAreFigures(t *testing.T) {
	for _, prec := range []int{0, 1, 2} {
		st := rtSettings()
		st.Precision = prec
		f := rtHand()
		text := ReportText(st, f)
		want := rtAllPercents(f, prec)
		found := percents.FindAllString(text, -1)
		if len(found) < 8 {
			t.Errorf("precision %d: only %d percentages in\n%s", prec, len(found), text)
		}
		for _, p := range found {
			if !want[p] {
				t.Errorf("precision %d: %s is no figure's Rate.Percent", prec, p)
			}
		}
	}
}

func TestReportTextEmptyYear(t *testing.T) {
	text := ReportText(rtSettings(), rtFigures())
	t.Log("\n" + text)
	wantIn(t, text, "2024年，镇人代会期间未收到代表议案和建议。", "闭会期间，未收到代表和选民的意见建议。")
	wantNotIn(t, text, "—", "全部", "均已", "%", "NaN", "六个有", "代表活动小组", "述职")
	if m := zeroClause.FindString(text); m != "" {
		t.Errorf("a zero clause 「%s」:\n%s", m, text)
	}
}

// 「均已」/「全部」 only when every item was replied: one unanswered item turns them into counts.
func TestReportTextAllRepliedOnlyWhenTrue(t *testing.T) {
	s, r := store.PeriodSession, store.PeriodRecess
	open := rtReplied(0, 0, 3) // 社会保障和改善民生 with the cell before: 7 replied (4 planned, 3 reference), 1 unanswered
	open.Received, open.Assigned, open.Handed, open.Unanswered = 4, 4, 4, 1
	pending := store.SuggestionFigures{Received: 1, Pending: 1, Unanswered: 1} // a voter's item not yet assigned
	f := rtFigures(
		rtCell(s, store.KindSuggestion, "生态建设", "代表提出", store.LevelTown, rtReplied(6, 0, 0)),
		rtCell(s, store.KindSuggestion, "社会管理", "代表提出", store.LevelTown, rtReplied(7, 2, 0)),
		rtCell(s, store.KindSuggestion, "社会保障和改善民生", "代表提出", store.LevelTown, rtReplied(0, 4, 0)),
		rtCell(s, store.KindSuggestion, "社会保障和改善民生", "代表提出", store.LevelTown, open),
		rtCell(r, store.KindSuggestion, "城乡建设", "主席团成员联系代表", store.LevelTown, rtReplied(2, 0, 0)),
		rtCell(r, store.KindVoter, "农业农村", "家站点(选民)", store.LevelVillage, rtReplied(1, 0, 0)),
		rtCell(r, store.KindVoter, "农业农村", "家站点(选民)", store.LevelVillage, pending),
	)
	f.Stations = store.StationFigures{Total: 12, SixHaves: 9, ByType: []store.StationTypeCount{
		{Type: "代表之家", Stations: 1, SixHaves: 1}, {Type: "代表联络站", Stations: 11, SixHaves: 8}}}
	f.Deputies = store.DeputyFigures{Groups: 4, NoGroup: 2, ByLevel: []store.DeputyRow{{Level: store.LevelTown, Deputies: 40}}}
	text := ReportText(rtSettings(), f)
	t.Log("\n" + text)
	wantIn(t, text,
		"共收到镇人大代表书面意见23件",
		"目前已办理答复22件，尚在办理1件。截至目前，已经解决的有13件，解决率为56.5%；列入计划解决的6件，占26.1%；留作参考的3件，占13.0%。",
		"闭会期间，共收到代表意见建议2件，按来源分，通过主席团成员联系代表收集2件；按层面分，涉及镇级层面2件。目前均已转交相关部门，并全部得到办理或答复。",
		"共收到来自选民的意见建议2条，其中涉及村级层面2条。目前已办理答复1条，尚待交办1条。",
		"目前全镇已建成1个代表之家、11个代表联络站，其中9个做到了“六个有”。",
		"全镇现有40名镇人大代表，组建了4个代表活动小组，尚有2名代表未编入小组。",
	)
	session := strings.Split(text, "\n")[0]
	wantNotIn(t, session, "均已", "全部")
	wantNotIn(t, text, "均做到", "划分成")
	// The same data with the last item answered says 「均已办理答复」.
	f.Cells[3].SuggestionFigures = rtReplied(0, 0, 4)
	wantIn(t, ReportText(rtSettings(), rtFigures(f.Cells...)), "目前均已办理答复，其中已经解决的有13件")
}

func TestReportTextTerminology(t *testing.T) {
	st := rtSettings()
	st.TownWord, st.UpperWord, st.BodyWord = "乡", "区", "人大工委"
	text := ReportText(st, rtHand())
	t.Log("\n" + text)
	wantIn(t, text, "乡人代会期间", "共收到乡人大代表书面意见23件", "召开乡人民代表大会会议1次", "召开人大工委会议6次",
		"涉及市级层面1件、区级层面2件、乡级层面3件", "涉及乡级层面2条、村级层面4条", "目前全乡已建成",
		"我们把全乡45名乡人大代表、12名区人大代表", "3位区人大代表、15位乡人大代表")
	wantNotIn(t, text, "镇", "县", "人大主席团会议")
}

// A township's demo year through the store: the text has no 「—」 and its percentages are the figures'.
func TestReportTextDemoYear(t *testing.T) {
	db := demoStore(t)
	st, err := db.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	f, err := db.YearFigures(ctx, 2024, "")
	if err != nil {
		t.Fatal(err)
	}
	text := ReportText(st, f)
	t.Log("\n" + text)
	wantNotIn(t, text, "—", "NaN")
	if f.Session.Received > 0 {
		wantIn(t, text, "书面意见"+strconv.Itoa(f.Session.Received)+"件", "解决率为"+f.Session.SolveRate.Percent(st.Precision))
	}
	if m := zeroClause.FindString(text); m != "" {
		t.Errorf("a zero clause 「%s」", m)
	}
	want := rtAllPercents(f, st.Precision)
	for _, p := range percents.FindAllString(text, -1) {
		if !want[p] {
			t.Errorf("%s is no figure's Rate.Percent", p)
		}
	}
	if (f.Session.Replied == f.Session.Received) != strings.Contains(text, "目前均已办理答复") {
		t.Errorf("「均已办理答复」 with %d of %d replied", f.Session.Replied, f.Session.Received)
	}
}
