package store

import (
	"context"
	"strings"
	"testing"
)

func TestReceptionRuleDays(t *testing.T) {
	cal := Calendar{}
	for _, h := range nationalDay2024() {
		cal[h.Date] = h.Workday
	}
	for _, tc := range []struct {
		name string
		rule ReceptionRule
		m    Month
		want string
	}{
		// Mondays of October 2024: 7 is in the holiday, so no reception then.
		{"EveryMondaySkipsTheHoliday", ReceptionRule{Kind: RuleWeekly, Weekday: 1}, "2024-10", "2024-10-14,2024-10-21,2024-10-28"},
		// 10 November 2024 is a Sunday: the next working day.
		{"MonthDayMovesToAWorkday", ReceptionRule{Kind: RuleMonthly, MonthDay: 10}, "2024-11", "2024-11-11"},
		// The 31st in a month of 30 days is its last day; 30 November 2024 is a Saturday, and December begins
		// after it: the last working day, Friday the 29th.
		{"ShortMonthBacksUp", ReceptionRule{Kind: RuleMonthly, MonthDay: 31}, "2024-11", "2024-11-29"},
		{"MarketDaysKeepTheirDays", ReceptionRule{Kind: RuleMarket, MarketDays: "3,6,9"}, "2024-10",
			"2024-10-03,2024-10-06,2024-10-09,2024-10-13,2024-10-16,2024-10-19,2024-10-23,2024-10-26,2024-10-29"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, d := range tc.rule.Days(tc.m, cal) {
				got = append(got, string(d))
			}
			if strings.Join(got, ",") != tc.want {
				t.Errorf("days %v, want %s", got, tc.want)
			}
		})
	}
	t.Run("MarketDaysInChinese", func(t *testing.T) {
		r := ReceptionRule{Name: "赶集日接访", Kind: RuleMarket, MarketDays: "逢三、六、九"}
		must(t, r.Validate())
		if r.MarketDays != "3,6,9" || r.Describe() != "逢三、六、九赶集日" {
			t.Errorf("%q %q", r.MarketDays, r.Describe())
		}
		r.MarketDays = "初三"
		wantErr(t, r.Validate(), EINVALID, "赶集日「初三」看不懂")
	})
}

// A month's schedule: the stationed deputies in office take the station's weekly duty day in turn, continuing
// from the month before; the 主席 holds the weekly 接待日; a passed day without a reception there is flagged.
func TestGenerateDutyAndCheckAgainstReceptions(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	must(t, f.db.SetHolidays(ctx, 2024, nationalDay2024()))
	st := f.station(t, "青山村代表联络站")
	f.zhao.Roles = []string{"主席"}
	must(t, f.db.SaveDeputy(ctx, &f.zhao))
	rule := ReceptionRule{Name: "人大主席接待日", Kind: RuleWeekly, Weekday: 1, Place: "镇人大代表之家", Active: true}
	must(t, f.db.SaveReceptionRule(ctx, &rule))

	n, err := f.db.GenerateDuty(ctx, "2024-10", 2, false)
	must(t, err)
	days, err := f.db.DutyDays(ctx, DutyFilter{From: "2024-10-01", To: "2024-10-31"})
	must(t, err)
	var duty, reception []string
	for _, d := range days {
		if d.Kind == DutyKindStation {
			duty = append(duty, string(d.Date)+" "+d.DeputyName)
		} else {
			reception = append(reception, string(d.Date)+" "+d.DeputyName+" "+d.Place)
		}
	}
	// Tuesdays: 1 October is a holiday, the week's next working day is the 8th; then 8, 15, 22, 29. Wang and Li
	// alternate (stationed: Wang, Li).
	if got := strings.Join(duty, ","); got != "2024-10-08 王建国,2024-10-15 李堃,2024-10-22 王建国,2024-10-29 李堃" {
		t.Errorf("duty days %s", got)
	}
	if got := strings.Join(reception, ","); got != "2024-10-14 赵喆 镇人大代表之家,2024-10-21 赵喆 镇人大代表之家,2024-10-28 赵喆 镇人大代表之家" {
		t.Errorf("reception days %s", got)
	}
	if n != len(days) {
		t.Errorf("made %d, listed %d", n, len(days))
	}

	t.Run("AMonthWithAScheduleIsKept", func(t *testing.T) {
		_, err := f.db.GenerateDuty(ctx, "2024-10", 2, false)
		wantErr(t, err, ECONFLICT, "2024年10月已有7天", "重新生成")
	})

	t.Run("NextMonthContinuesTheTurn", func(t *testing.T) {
		_, err := f.db.GenerateDuty(ctx, "2024-11", 2, false)
		must(t, err)
		nov, err := f.db.DutyDays(ctx, DutyFilter{From: "2024-11-01", To: "2024-11-30", Kind: DutyKindStation})
		must(t, err)
		if len(nov) == 0 || nov[0].DeputyName != "王建国" || nov[0].Date != "2024-11-05" {
			t.Errorf("November begins with %+v", nov[0])
		}
	})

	t.Run("MissedDaysFlagged", func(t *testing.T) {
		rec := Reception{StationID: st.ID, Date: "2024-10-15", Voters: 2, DeputyIDs: []int64{f.li.ID}}
		must(t, f.db.SaveReception(ctx, &rec))
		p := Petition{Received: "2024-10-21", Channel: ChannelDay, Visitors: 1, Subject: "主席接待日来访"}
		must(t, f.db.SavePetition(ctx, &p))
		missed, err := f.db.DutyDays(ctx, DutyFilter{From: "2024-10-01", To: "2024-10-31", Missed: true, Today: "2024-10-23"})
		must(t, err)
		var got []string
		for _, d := range missed {
			got = append(got, string(d.Date)+d.Kind)
		}
		// Passed by the 23rd: duty 8th (missed), 15th (recorded), 22nd (missed); 接待日 14th (missed), 21st (a
		// petition that day: kept).
		if strings.Join(got, ",") != "2024-10-08值班,2024-10-14接待日,2024-10-22值班" {
			t.Errorf("missed %v", got)
		}
		fig, err := f.db.Figures(ctx, "2024-10-01", "2024-10-31", "2024-10-23")
		must(t, err)
		if fig.Contact.N(CKDutyDays) != 5 || fig.Contact.N(CKDutyMissed) != 3 {
			t.Errorf("duty figures %v", fig.Contact.Counts)
		}
	})

	t.Run("EditOneDay", func(t *testing.T) {
		d := days[0]
		d.DeputyID = f.li.ID
		d.Note = "王建国外出，与李堃调换"
		must(t, f.db.SaveDutyDay(ctx, &d))
		d.DeputyID = 0
		wantErr(t, f.db.SaveDutyDay(ctx, &d), EINVALID, "值班代表不能为空")
	})
}

// The deputies' contact with voters: behind when fewer visits were made than are due by the day (the yearly
// norm spread over the months), counted in the figures and in the 履职档案.
func TestVoterContact(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c := VoterContact{DeputyID: f.wang.ID, Households: 50, Voters: []ContactVoter{{Name: "张秀英", Village: "青山村", Hardship: true}}}
	must(t, f.db.SaveVoterContact(ctx, &c))
	bad := VoterContact{DeputyID: f.wang.ID, Voters: []ContactVoter{{Village: "河东村"}}}
	wantErr(t, f.db.SaveVoterContact(ctx, &bad), EINVALID, "第1位联系选民的姓名不能为空")
	v := VoterVisit{DeputyID: f.wang.ID, Date: "2024-03-05", Mode: "入户走访", Voters: 8, Place: "青山村三组",
		Items: []VisitItem{{Content: "三组灌溉水渠淤塞"}, {Content: "希望增设公交站"}}}
	must(t, f.db.SaveVoterVisit(ctx, &v))
	wantErr(t, f.db.SaveVoterVisit(ctx, &VoterVisit{DeputyID: f.wang.ID, Date: "2024-03-05", Mode: "飞信"}), EINVALID, "方式「飞信」无效")

	// One item becomes a suggestion Wang leads.
	s := Suggestion{Kind: KindSuggestion, Period: PeriodRecess, Source: SourceDeputy, LeadDeputyID: f.wang.ID, Title: "关于疏浚三组灌溉水渠的建议",
		Category: "农业农村", Scope: LevelVillage, Received: "2024-03-06", RaisedFrom: RaisedRef{Kind: RaisedVisit, ID: v.Items[0].ID}}
	must(t, f.db.SaveSuggestion(ctx, &s))
	vs, err := f.db.VoterVisits(ctx, VisitFilter{DeputyID: f.wang.ID})
	must(t, err)
	if vs[0].Items[0].SuggestionNumber != s.Number {
		t.Fatalf("item not linked: %+v", vs[0].Items)
	}
	drop := vs[0]
	drop.Items = drop.Items[1:]
	wantErr(t, f.db.SaveVoterVisit(ctx, &drop), ECONFLICT, "已登记为建议")

	// By 30 June one visit is due (norm 2): Wang has made it, Li and Zhao have not.
	st, err := f.db.ContactStatuses(ctx, "2024-06-30", true)
	must(t, err)
	if len(st) != 2 || st[0].Due != 1 {
		t.Fatalf("behind on 6月30日: %+v", st)
	}
	// By 31 December two are due: Wang too is behind.
	fig, err := f.db.YearFigures(ctx, 2024, "")
	must(t, err)
	cf := fig.Contact
	if cf.ContactDeputies != 3 || cf.ContactMet != 0 || cf.VisitsDue != 2 || cf.Households != 50 || cf.N(CKVoterVisits) != 1 ||
		cf.Sum(CKVoterVisits) != 8 || cf.N(CKVisitItems) != 2 {
		t.Errorf("contact figures %+v", cf)
	}
	recs, err := f.db.DeputyRecords(ctx, 2024)
	must(t, err)
	for _, r := range recs {
		if r.Deputy.ID == f.wang.ID && (r.Visits != 1 || r.VisitVoters != 8 || r.Households != 50 || !r.VisitsBehind()) {
			t.Errorf("Wang's record %+v", r)
		}
	}
}

func TestOpinionCardsAndBulletins(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c := OpinionCard{Quarter: 2, SentDate: "2024-04-08", Sent: 60, Returned: 52,
		Items: []OpinionCardItem{{DeputyID: f.li.ID, Content: "建议镇卫生院延长周末门诊时间"}}}
	must(t, f.db.SaveOpinionCard(ctx, &c))
	dup := OpinionCard{Quarter: 2, SentDate: "2024-05-08", Sent: 1}
	wantErr(t, f.db.SaveOpinionCard(ctx, &dup), ECONFLICT, "2024年第二季度的征求意见卡已经登记过")
	wantErr(t, f.db.SaveOpinionCard(ctx, &OpinionCard{Quarter: 3, SentDate: "2024-07-01", Sent: 10, Returned: 11}), EINVALID, "收回(张)(11)不能多于发放的张数(10)")
	s := Suggestion{Kind: KindSuggestion, Period: PeriodRecess, Source: SourceCard, LeadDeputyID: f.li.ID, Title: "关于延长卫生院周末门诊时间的建议",
		Category: "教育文化卫生", Scope: LevelTown, Received: "2024-04-20", RaisedFrom: RaisedRef{Kind: RaisedCard, ID: c.Items[0].ID}}
	must(t, f.db.SaveSuggestion(ctx, &s))

	b := Bulletin{IssueNo: 1, Date: "2024-01-15", Title: "2023年全镇经济社会发展情况", Recipients: 68}
	must(t, f.db.SaveBulletin(ctx, &b))
	wantErr(t, f.db.SaveBulletin(ctx, &Bulletin{IssueNo: 1, Date: "2024-02-15", Title: "x"}), ECONFLICT, "2024年已有第1期政情通报")
	if n, err := f.db.NextBulletinNo(ctx, 2024); err != nil || n != 2 {
		t.Errorf("next issue %d %v", n, err)
	}
	fig, err := f.db.YearFigures(ctx, 2024, "")
	must(t, err)
	cf := fig.Contact
	if cf.N(CKCardBatches) != 1 || cf.CardsSent != 60 || cf.CardsReturned != 52 || cf.N(CKCardItems) != 1 || cf.N(CKBulletins) != 1 ||
		cf.CardQuarters != 4 || cf.CardQuartersDone != 1 || cf.BulletinMonths != 12 || cf.BulletinMonthsDone != 1 {
		t.Errorf("card and bulletin figures %+v", cf)
	}
	cards, err := f.db.OpinionCards(ctx, 2024)
	must(t, err)
	if cards[0].Items[0].SuggestionNumber != s.Number || cards[0].Items[0].DeputyName != "李堃" {
		t.Errorf("card item %+v", cards[0].Items[0])
	}
}

func TestMaskName(t *testing.T) {
	for in, want := range map[string]string{"张秀英": "张**", "李堃": "李**", "欧阳娜娜": "欧阳**", "欧阳": "欧**", "": "", " 王 ": "王**"} {
		if got := MaskName(in); got != want {
			t.Errorf("MaskName(%q) = %q, want %q", in, got, want)
		}
	}
}
