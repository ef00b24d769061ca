package export

import (
	"strings"
	"testing"

	"rendadesk/store"
)

// A report as of a past day names that day wherever the hand-counted year says 「目前」: the handling, the
// rates, the stations and the deputies of the period's last day.
func TestReportTextPastAsOf(t *testing.T) {
	f := rtHand()
	f.Deputies.NoGroup = 2 // the sentence that names the roll's day
	f.Today = "2024-12-31"
	today := ReportText(rtSettings(), f)
	wantIn(t, today, "目前均已办理答复", "目前全镇已建成", "全镇现有45名镇人大代表")
	wantNotIn(t, today, "截至2024年12月31日，")

	f.Today = "2025-01-15" // the year's report made in January, as of its end
	past := ReportText(rtSettings(), f)
	t.Log("\n" + past)
	wantIn(t, past,
		"截至2024年12月31日，均已办理答复，其中已经解决的有13件",
		"2024年收到的各类意见建议，截至2024年12月31日，答复率为100.0%",
		"截至2024年12月31日，全镇已建成1个代表之家",
		"截至2024年12月31日，全镇共有45名镇人大代表",
		"（统计时段：2024年1月1日至12月31日，数据截至2024年12月31日。）")
	wantNotIn(t, past, "目前", "现有")

	// 「2024年的建议，办理情况截至2025年1月15日」: the handling is dated by the as-of day, the roll and the
	// stations by the period's last day.
	f.AsOf, f.Today = "2025-01-15", "2025-06-01"
	later := ReportText(rtSettings(), f)
	wantIn(t, later, "截至2025年1月15日，均已办理答复", "截至2024年12月31日，全镇已建成", "数据截至2025年1月15日")
	wantNotIn(t, later, "目前")

	// With items open, the sentence of counts is dated too, never 「截至目前」.
	open := rtHand()
	open.Cells[2].SuggestionFigures.Replied--
	open.Cells[2].SuggestionFigures.Unanswered++
	open.Cells[2].SuggestionFigures.Reference--
	open = rtFigures(open.Cells...)
	open.Today = "2025-01-15"
	text := ReportText(rtSettings(), open)
	wantIn(t, text, "截至2024年12月31日，已办理答复22件，尚在办理1件；已经解决的有13件")
	wantNotIn(t, text, "目前", "均已办理答复，其中")
}

// Sources and levels read as Chinese inside a sentence, 件 for deputies' items and 条 for voters'.
func TestReportTextSourcesInWords(t *testing.T) {
	r := store.PeriodRecess
	f := rtFigures(
		rtCell(r, store.KindSuggestion, "城乡建设", "视察调研执法检查", store.LevelTown, rtReplied(10, 8, 0)),
		rtCell(r, store.KindSuggestion, "城乡建设", "代表提出", store.LevelCounty, rtReplied(2, 0, 0)),
		rtCell(r, store.KindSuggestion, "城乡建设", "代表小组活动", store.LevelTown, rtReplied(1, 0, 0)),
		rtCell(r, store.KindSuggestion, "城乡建设", "", store.LevelTown, rtReplied(1, 0, 0)),
		rtCell(r, store.KindVoter, "农业农村", "家站点(选民)", store.LevelVillage, rtReplied(3, 0, 0)),
	)
	text := ReportText(rtSettings(), f)
	t.Log("\n" + text)
	wantIn(t, text, "闭会期间，共收到代表意见建议22件，按来源分，在视察、调研和执法检查中提出18件，代表直接提出2件，在代表小组活动中提出1件，来源未注明的1件；",
		"按层面分，涉及县级层面2件、镇级层面20件", "共收到来自选民的意见建议3条，其中涉及村级层面3条")
	wantNotIn(t, text, "视察调研执法检查18件", "代表小组活动1件", "3件")
}

// The session paragraph from the 人代会 data (T15): the roll, the reports deliberated, the resolutions passed
// and those elected; what a session lacks is left out, never said as 0.
func TestReportTextSessionParagraph(t *testing.T) {
	f := rtHand()
	f.Sessions = []store.CongressSession{{Title: "青山镇第十八届人民代表大会第三次会议", Start: "2024-01-20", End: "2024-01-21",
		Expected: 45, Present: 43, Reports: []string{"听取和审议镇人民政府工作报告", "审查和批准2024年财政预算"},
		Passed:    []string{"关于镇人民政府工作报告的决议", "《关于2024年财政预算的决议》"},
		Elections: []store.SessionElection{{Kind: "补选", Position: "镇人民代表大会主席团主席", Elected: []string{"张三"}}},
		Received:  23}}
	text := ReportText(rtSettings(), f)
	t.Log("\n" + text)
	wantIn(t, text, "2024年1月20日至1月21日，召开了青山镇第十八届人民代表大会第三次会议，应到代表45名，实到43名。"+
		"会议组织代表认真审议了《镇人民政府工作报告》《2024年财政预算》，表决通过了《关于镇人民政府工作报告的决议》《关于2024年财政预算的决议》，"+
		"补选张三为镇人民代表大会主席团主席。会议期间共收到代表议案、建议23件。")

	// A session recorded with nothing but its date: one sentence, no 0 and no empty list.
	f.Sessions = []store.CongressSession{{Title: "青山镇第十八届人民代表大会第四次会议", Start: "2024-09-01"}}
	text = ReportText(rtSettings(), f)
	wantIn(t, text, "\n　　2024年9月1日，召开了青山镇第十八届人民代表大会第四次会议。\n") // the next paragraph follows
	wantNotIn(t, text, "应到代表0名", "审议了，", "《》", "会议期间共收到代表议案、建议0件", "会议。会议")
	if m := zeroClause.FindString(text); m != "" {
		t.Errorf("a zero clause 「%s」", m)
	}
}

// The opening counts law checks and inspections by law and by topic and says so, with the events beside
// them; a count of 0 is left out with its events.
func TestReportTextTopicsAndEvents(t *testing.T) {
	f := rtHand()
	wantIn(t, ReportText(rtSettings(), f), "开展执法检查2项（按检查的法律法规计，共开展检查3次）", "组织集中视察和集体调研3项（按主题计，共开展4次）")
	f.LawChecks, f.Meetings = 0, []store.KindCount{{Name: store.MeetingPresidium, Count: 6}}
	text := ReportText(rtSettings(), f)
	wantNotIn(t, text, "执法检查", "共开展")
	wantIn(t, text, "组织集中视察和集体调研3项（按主题计）")
	if !strings.Contains(text, "召开人大主席团会议6次") {
		t.Errorf("opening %q", text)
	}
}
