package store

import (
	"context"
	"os"
	"strings"
	"testing"
)

func TestOpenCreatesPrivateFileAndRefusesMemory(t *testing.T) {
	db := mustOpen(t)
	st, err := os.Stat(db.Path())
	must(t, err)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("database mode %v, want 0600", st.Mode().Perm())
	}
	if _, err := Open(":memory:"); ErrorCode(err) != EINVALID {
		t.Errorf(":memory: accepted: %v", err)
	}
}

func TestDeputyCRUD(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	t.Run("OK", func(t *testing.T) {
		got, err := f.db.Deputy(ctx, f.wang.ID)
		must(t, err)
		if got.Name != "王建国" || got.Birth != "1968-05" || got.GroupName != "第一代表小组" {
			t.Fatalf("read back %+v", got)
		}
		if strings.Join(got.Levels, ",") != "镇级,县级" {
			t.Fatalf("levels %v", got.Levels)
		}
		if got.Status != DeputyActive {
			t.Fatalf("default status %q", got.Status)
		}
		if m := MaskPhone(got.Phone); m != "138****5678" {
			t.Fatalf("masked %q", m)
		}
	})
	t.Run("Update", func(t *testing.T) {
		d, _ := f.db.Deputy(ctx, f.li.ID)
		d.Post = "村委会主任"
		d.Tags = []string{"一线代表", "农民代表"}
		d.Roles = []string{"小组组长"}
		must(t, f.db.SaveDeputy(ctx, &d))
		got, _ := f.db.Deputy(ctx, f.li.ID)
		if got.Post != "村委会主任" || len(got.Tags) != 2 || got.Roles[0] != "小组组长" {
			t.Fatalf("after update %+v", got)
		}
		h, _, err := f.db.History(ctx, HistoryFilter{Entity: "deputy", EntityID: f.li.ID})
		must(t, err)
		if len(h) != 2 || h[0].Action != ActionUpdate || !strings.Contains(h[0].Changes, "职务: (空) → 村委会主任") {
			t.Fatalf("history %+v", h)
		}
	})
	t.Run("Vacancy", func(t *testing.T) {
		d, _ := f.db.Deputy(ctx, f.zhao.ID)
		d.Status = DeputyVacant
		wantErr(t, f.db.SaveDeputy(ctx, &d), EINVALID, "出缺原因不能为空")
		d.VacancyReason, d.VacancyDate = "调离", "2024-06-30"
		must(t, f.db.SaveDeputy(ctx, &d))
		_, n, _ := f.db.Deputies(ctx, DeputyFilter{Status: DeputyActive})
		if n != 2 {
			t.Fatalf("%d deputies in office, want 2", n)
		}
	})
	t.Run("Filters", func(t *testing.T) {
		for _, tc := range []struct {
			name string
			f    DeputyFilter
			want int
		}{
			{"level county", DeputyFilter{Level: LevelCounty}, 1},
			{"group", DeputyFilter{GroupID: f.group.ID}, 2},
			{"all", DeputyFilter{}, 3},
			{"page", DeputyFilter{Limit: 1}, 3},
		} {
			list, total, err := f.db.Deputies(ctx, tc.f)
			must(t, err)
			if total != tc.want {
				t.Errorf("%s: total %d want %d", tc.name, total, tc.want)
			}
			if tc.f.Limit == 1 && len(list) != 1 {
				t.Errorf("%s: page has %d rows", tc.name, len(list))
			}
		}
		list, _, _ := f.db.Deputies(ctx, DeputyFilter{Sort: "name", Desc: true})
		if list[0].Name < list[len(list)-1].Name {
			t.Errorf("not sorted descending: %s … %s", list[0].Name, list[len(list)-1].Name)
		}
	})
	t.Run("Delete", func(t *testing.T) {
		d := Deputy{Name: "钱多多", Levels: []string{LevelTown}}
		must(t, f.db.SaveDeputy(ctx, &d))
		must(t, f.db.DeleteDeputy(ctx, d.ID))
		if _, err := f.db.Deputy(ctx, d.ID); ErrorCode(err) != ENOTFOUND {
			t.Fatalf("deleted deputy still there: %v", err)
		}
		h, _, _ := f.db.History(ctx, HistoryFilter{Entity: "deputy", EntityID: d.ID})
		if len(h) != 2 || h[0].Action != ActionDelete || h[0].Label != "钱多多" {
			t.Fatalf("history %+v", h)
		}
		f.item(t, "关于修缮青山村道路的建议", "2024-05-01")
		wantErr(t, f.db.DeleteDeputy(ctx, f.wang.ID), ECONFLICT, "王建国", "1件领衔建议", "出缺")
	})
}

func TestDeputyValidation(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	base := func() Deputy { return Deputy{Name: "孙立", Levels: []string{LevelTown}} }
	for _, tc := range []struct {
		name string
		edit func(d *Deputy)
		msg  string
	}{
		{"ErrNameRequired", func(d *Deputy) { d.Name = "  " }, "姓名不能为空"},
		{"ErrNameTooLong", func(d *Deputy) { d.Name = strings.Repeat("名", 21) }, "姓名不能超过20个字(现有21个)"},
		{"ErrNoLevel", func(d *Deputy) { d.Levels = nil }, "代表层级至少选择一项"},
		{"ErrBadLevel", func(d *Deputy) { d.Levels = []string{"乡级"} }, "代表层级「乡级」无效"},
		{"ErrGender", func(d *Deputy) { d.Gender = "未知" }, "性别「未知」无效"},
		{"ErrBirth", func(d *Deputy) { d.Birth = "1968.13" }, "出生年月"},
		{"ErrPhone", func(d *Deputy) { d.Phone = "电话号码" }, "联系电话「电话号码」不像电话号码"},
		{"ErrParty", func(d *Deputy) { d.Party = "其他党" }, "政治面貌「其他党」不在政治面貌字典中"},
		{"ErrVillage", func(d *Deputy) { d.Village = "不存在村" }, "所在村(居)「不存在村」不在村(居)字典中"},
		{"ErrTag", func(d *Deputy) { d.Tags = []string{"神仙代表"} }, "代表构成「神仙代表」不在代表构成字典中"},
		{"ErrGroup", func(d *Deputy) { d.GroupID = 999 }, "代表小组引用的记录不存在"},
		{"ErrVacancyOnActive", func(d *Deputy) { d.VacancyReason = "辞职" }, "出缺原因只有出缺的代表才填写"},
		{"ErrStationDup", func(d *Deputy) { d.StationIDs = []int64{1, 1} }, "进站有重复项"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := base()
			tc.edit(&d)
			err := f.db.SaveDeputy(ctx, &d)
			wantErr(t, err, EINVALID, tc.msg)
			if d.ID != 0 {
				t.Fatal("an invalid deputy got an id")
			}
		})
	}
	_, n, _ := f.db.Deputies(ctx, DeputyFilter{})
	if n != 3 {
		t.Fatalf("invalid saves left %d deputies, want 3", n)
	}
}

func TestGroupsTermsUnits(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	t.Run("Group", func(t *testing.T) {
		g := f.group
		g.LeaderID, g.DeputyLeaderIDs, g.LiaisonID = f.wang.ID, []int64{f.li.ID}, f.zhao.ID
		must(t, f.db.SaveGroup(ctx, &g))
		gs, err := f.db.Groups(ctx)
		must(t, err)
		if len(gs) != 1 || gs[0].LeaderID != f.wang.ID || gs[0].Members != 2 || len(gs[0].DeputyLeaderIDs) != 1 {
			t.Fatalf("groups %+v", gs)
		}
		g.DeputyLeaderIDs = []int64{f.wang.ID}
		wantErr(t, f.db.SaveGroup(ctx, &g), EINVALID, "副组长不能与组长是同一人")
		dup := Group{Name: "第一代表小组"}
		wantErr(t, f.db.SaveGroup(ctx, &dup), ECONFLICT, "代表小组「第一代表小组」已经存在")
		must(t, f.db.DeleteGroup(ctx, g.ID))
		d, _ := f.db.Deputy(ctx, f.wang.ID)
		if d.GroupID != 0 {
			t.Fatalf("member still in deleted group")
		}
	})
	t.Run("Term", func(t *testing.T) {
		t19 := Term{Number: 19, Start: "2026-12-01", Current: true}
		must(t, f.db.SaveTerm(ctx, &t19))
		cur, err := f.db.CurrentTerm(ctx)
		must(t, err)
		if cur.Number != 19 || cur.Name() != "第十九届" {
			t.Fatalf("current %+v", cur)
		}
		ts, _ := f.db.Terms(ctx)
		if len(ts) != 2 || ts[1].Current {
			t.Fatalf("old term still current: %+v", ts)
		}
		dup := Term{Number: 18}
		wantErr(t, f.db.SaveTerm(ctx, &dup), ECONFLICT, "第十八届已经存在")
		bad := Term{Number: 20, Start: "2030-01-01", End: "2029-01-01"}
		wantErr(t, f.db.SaveTerm(ctx, &bad), EINVALID, "结束日期应晚于开始日期")
	})
	t.Run("Unit", func(t *testing.T) {
		u := Unit{Name: "镇城建办", Kind: "镇属部门"}
		wantErr(t, f.db.SaveUnit(ctx, &u), ECONFLICT, "承办单位「镇城建办」已经存在")
		u = Unit{Name: "镇文化站", Kind: "文化部门"}
		wantErr(t, f.db.SaveUnit(ctx, &u), EINVALID, "单位类型「文化部门」不在承办单位类型字典中")
		s := f.item(t, "关于整修河东村文化广场的建议", "2024-06-01")
		must(t, f.db.Assign(ctx, s.ID, AssignInput{MainUnitID: f.unitA.ID, AssistUnitIDs: []int64{f.unitB.ID}, Date: "2024-06-05"}))
		wantErr(t, f.db.DeleteUnit(ctx, f.unitB.ID), ECONFLICT, "镇农业农村办", "1件建议")
		must(t, f.db.DeleteUnit(ctx, f.unitC.ID))
		us, _ := f.db.Units(ctx)
		if len(us) != 2 {
			t.Fatalf("%d units left", len(us))
		}
	})
}

func TestStationsAndReceptions(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	s := Station{Name: "青山村代表联络站", Type: "代表联络站", Village: "青山村", Opened: "2022-05-01", Stars: 4,
		Haves: [6]bool{true, true, true, true, true, true}, DeputyIDs: []int64{f.li.ID, f.wang.ID}, Schedule: "每月10日"}
	must(t, f.db.SaveStation(ctx, &s))
	got, err := f.db.Station(ctx, s.ID)
	must(t, err)
	if !got.SixHavesMet() || len(got.DeputyIDs) != 2 || got.Status != "在用" {
		t.Fatalf("station %+v", got)
	}
	d, _ := f.db.Deputy(ctx, f.wang.ID)
	if len(d.StationIDs) != 1 || d.StationIDs[0] != s.ID {
		t.Fatalf("deputy's stations %v", d.StationIDs)
	}
	for _, tc := range []struct {
		edit func(s *Station)
		msg  string
	}{
		{func(s *Station) { s.Type = "代表之屋" }, "类型「代表之屋」无效"},
		{func(s *Station) { s.Stars = 6 }, "星级应在0到5之间"},
		{func(s *Station) { s.Opened = "2024-02-30" }, "建成日期「2024-02-30」不是有效日期"},
		{func(s *Station) { s.Name = "" }, "名称不能为空"},
	} {
		bad := s
		bad.ID = 0
		bad.Name = "另一个站"
		tc.edit(&bad)
		wantErr(t, f.db.SaveStation(ctx, &bad), EINVALID, tc.msg)
	}
	r := Reception{StationID: s.ID, Date: "2024-03-10", Voters: 12, Summary: "群众反映道路破损", DeputyIDs: []int64{f.wang.ID}}
	must(t, f.db.SaveReception(ctx, &r))
	future := Reception{StationID: s.ID, Date: "2025-03-10", Voters: 1}
	wantErr(t, f.db.SaveReception(ctx, &future), EINVALID, "接待日期", "不能晚于今天")
	neg := Reception{StationID: s.ID, Date: "2024-03-11", Voters: -1}
	wantErr(t, f.db.SaveReception(ctx, &neg), EINVALID, "接待选民(人次)不能为负数")
	list, n, err := f.db.Receptions(ctx, ReceptionFilter{DeputyID: f.wang.ID})
	must(t, err)
	if n != 1 || list[0].StationName != "青山村代表联络站" || list[0].Voters != 12 {
		t.Fatalf("receptions %+v", list)
	}
	got, _ = f.db.Station(ctx, s.ID)
	if got.Receptions != 1 || got.Voters != 12 {
		t.Fatalf("station totals %d/%d", got.Receptions, got.Voters)
	}
	wantErr(t, f.db.DeleteStation(ctx, s.ID, false), ECONFLICT, "1条接待记录")
	must(t, f.db.DeleteStation(ctx, s.ID, true))
	if _, n, _ := f.db.Receptions(ctx, ReceptionFilter{}); n != 0 {
		t.Fatalf("receptions survived their station")
	}
}

func TestMeetingsAndDetail(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	t.Run("Title", func(t *testing.T) {
		if got := CongressTitle("青山镇", 18, 3); got != "青山镇第十八届人民代表大会第三次会议" {
			t.Fatalf("title %q", got)
		}
		if got := SessionShort(18, 3); got != "十八届三次" {
			t.Fatalf("short %q", got)
		}
	})
	t.Run("Validation", func(t *testing.T) {
		m := Meeting{Kind: MeetingCongress, Title: "x", Start: "2024-03-01"}
		wantErr(t, f.db.SaveMeeting(ctx, &m), EINVALID, "届次", "必须选择届次")
		m = Meeting{Kind: MeetingCongress, Title: "x", TermID: f.term.ID, SessionNo: 3, Start: "2024-03-01"}
		wantErr(t, f.db.SaveMeeting(ctx, &m), ECONFLICT, "第三次会议已经登记过")
		m = Meeting{Kind: MeetingLawCheck, Title: "食品安全执法检查", Start: "2024-03-01"}
		wantErr(t, f.db.SaveMeeting(ctx, &m), EINVALID, "检查的法律法规不能为空")
		m = Meeting{Kind: MeetingPresidium, Title: "主席团会议", Start: "2024-03-05", End: "2024-03-04"}
		wantErr(t, f.db.SaveMeeting(ctx, &m), EINVALID, "结束日期", "不能早于开始日期")
	})
	t.Run("Detail", func(t *testing.T) {
		d := MeetingDetail{
			Attendance: []Attendance{{DeputyID: f.wang.ID, Status: "出席"}, {DeputyID: f.li.ID, Status: "请假", Reason: "外出"}, {DeputyID: f.zhao.ID, Status: "缺席"}},
			Guests:     []Guest{{Name: "周镇长", Unit: "镇人民政府", Post: "镇长"}},
			Agenda: []AgendaItem{{Title: "审议政府工作报告", Kind: "审议报告", Report: "政府工作报告", Presenter: "周镇长"},
				{Title: "表决决议", Kind: "表决"}},
			Resolutions: []Resolution{{AgendaItemID: 1, Title: "关于政府工作报告的决议", Kind: "决议", For: 2, Against: 0, Abstain: 0, EnteredResult: "通过"}},
			Elections: []Election{{Kind: "补选", Position: "副镇长", Seats: 1, Expected: 3, Present: 2, BallotsIssued: 2, BallotsReturned: 2, BallotsValid: 2,
				Candidates: []Candidate{{Name: "吴敏", Votes: 2, Elected: true}}}},
		}
		must(t, f.db.SaveMeetingDetail(ctx, f.session.ID, d))
		got, err := f.db.MeetingDetail(ctx, f.session.ID)
		must(t, err)
		if len(got.Attendance) != 3 || len(got.Agenda) != 2 || len(got.Resolutions) != 1 || len(got.Elections) != 1 ||
			len(got.Elections[0].Candidates) != 1 || got.Resolutions[0].AgendaItemID != 1 {
			t.Fatalf("detail %+v", got)
		}
		m, _ := f.db.Meeting(ctx, f.session.ID)
		if m.Present != 1 || m.Leave != 1 || m.Absent != 1 {
			t.Fatalf("counts %d/%d/%d", m.Present, m.Leave, m.Absent)
		}
		list, _, _ := f.db.Meetings(ctx, MeetingFilter{DeputyID: f.li.ID})
		if len(list) != 1 {
			t.Fatalf("deputy's meetings %d", len(list))
		}
		// What is read back saves back unchanged.
		must(t, f.db.SaveMeetingDetail(ctx, f.session.ID, got))
		again, _ := f.db.MeetingDetail(ctx, f.session.ID)
		if again.Resolutions[0].AgendaItemID != 1 || again.Resolutions[0].Title != got.Resolutions[0].Title || len(again.Attendance) != 3 {
			t.Fatalf("round trip %+v", again)
		}
		bad := d
		bad.Elections = []Election{{Kind: "选举", Position: "镇长", Seats: 1, Expected: 3, Present: 4}}
		wantErr(t, f.db.SaveMeetingDetail(ctx, f.session.ID, bad), EINVALID, "选举第1项实到", "不能多于应到")
		bad.Elections = nil
		bad.Attendance = append(bad.Attendance, Attendance{DeputyID: f.wang.ID, Status: "出席"})
		wantErr(t, f.db.SaveMeetingDetail(ctx, f.session.ID, bad), EINVALID, "出席情况第4行代表重复")
		after, _ := f.db.MeetingDetail(ctx, f.session.ID)
		if len(after.Elections) != 1 {
			t.Fatal("a refused save changed the detail")
		}
	})
	t.Run("PassRule", func(t *testing.T) {
		for _, tc := range []struct {
			votes, base int
			want        bool
		}{{5, 10, false}, {6, 10, true}, {4, 7, true}, {3, 7, false}, {0, 0, false}} {
			if got := (Resolution{For: tc.votes}).Passed(tc.base); got != tc.want {
				t.Errorf("%d of %d passed = %v, want %v", tc.votes, tc.base, got, tc.want)
			}
		}
	})
	t.Run("ReportBack", func(t *testing.T) {
		r := ReportBack{DeputyID: f.wang.ID, Date: "2024-11-20", Form: "口头", Participants: 46, Excellent: 29, Competent: 16}
		must(t, f.db.SaveReportBack(ctx, &r))
		bad := r
		bad.ID, bad.Competent = 0, 20
		wantErr(t, f.db.SaveReportBack(ctx, &bad), EINVALID, "合计(49)不能多于参加评议人数(46)")
		rs, err := f.db.ReportBacks(ctx, 2024, 0)
		must(t, err)
		if len(rs) != 1 || rs[0].DeputyName != "王建国" {
			t.Fatalf("report-backs %+v", rs)
		}
	})
	t.Run("DeleteRefusedWithItems", func(t *testing.T) {
		s := Suggestion{Kind: KindSuggestion, Period: PeriodSession, SessionID: f.session.ID, Source: "代表提出",
			LeadDeputyID: f.li.ID, Title: "关于建设文化礼堂的建议", Category: "教育文化卫生", Scope: LevelTown, Received: "2024-01-20"}
		must(t, f.db.SaveSuggestion(ctx, &s))
		wantErr(t, f.db.DeleteMeeting(ctx, f.session.ID), ECONFLICT, "登记了1件建议")
	})
}
