package store

import (
	"context"
	"strings"
	"testing"
)

func TestMeetingUpdateDelete(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	m := Meeting{Kind: MeetingInspect, Title: "视察农村道路建设", Start: "2024-04-10", Place: "河东村", Topic: "农村道路"}
	must(t, f.db.SaveMeeting(ctx, &m))
	m.Title, m.End = "视察农村道路建设和管护", "2024-04-11"
	must(t, f.db.SaveMeeting(ctx, &m))
	got, err := f.db.Meeting(ctx, m.ID)
	must(t, err)
	if got.Title != "视察农村道路建设和管护" || got.End != "2024-04-11" {
		t.Fatalf("after update %+v", got)
	}
	if list, _, _ := f.db.Meetings(ctx, MeetingFilter{Kind: MeetingInspect, Year: 2024}); len(list) != 1 {
		t.Fatalf("filter by kind and year: %d", len(list))
	}
	must(t, f.db.DeleteMeeting(ctx, m.ID))
	if _, err := f.db.Meeting(ctx, m.ID); ErrorCode(err) != ENOTFOUND {
		t.Fatalf("deleted meeting: %v", err)
	}
	h, _, _ := f.db.History(ctx, HistoryFilter{Entity: "meeting", EntityID: m.ID})
	if len(h) != 3 || h[0].Action != ActionDelete || h[1].Action != ActionUpdate || !strings.Contains(h[1].Changes, "名称: 视察农村道路建设 → 视察农村道路建设和管护") {
		t.Fatalf("history %+v", h)
	}
}

func TestAttendanceOf(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	must(t, f.db.SaveMeetingDetail(ctx, f.session.ID, MeetingDetail{Attendance: []Attendance{
		{DeputyID: f.wang.ID, Status: "出席"}, {DeputyID: f.li.ID, Status: "请假", Reason: "住院"}}}))
	rs, err := f.db.AttendanceOf(ctx, f.li.ID, 2024)
	must(t, err)
	if len(rs) != 1 || rs[0].Status != "请假" || rs[0].Reason != "住院" || rs[0].Kind != MeetingCongress {
		t.Fatalf("attendance %+v", rs)
	}
	if rs, _ = f.db.AttendanceOf(ctx, f.li.ID, 2023); len(rs) != 0 {
		t.Fatalf("2023 has %d rows", len(rs))
	}
}

func TestReceptionAndReportBackUpdateDelete(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	st := Station{Name: "桥头社区代表联系点", Type: "代表联系点", Village: "桥头社区"}
	must(t, f.db.SaveStation(ctx, &st))
	r := Reception{StationID: st.ID, Date: "2024-05-10", Voters: 3}
	must(t, f.db.SaveReception(ctx, &r))
	r.Voters, r.DeputyIDs = 8, []int64{f.zhao.ID}
	must(t, f.db.SaveReception(ctx, &r))
	list, _, _ := f.db.Receptions(ctx, ReceptionFilter{StationID: st.ID})
	if len(list) != 1 || list[0].Voters != 8 || len(list[0].DeputyIDs) != 1 {
		t.Fatalf("reception after update %+v", list)
	}
	must(t, f.db.DeleteReception(ctx, r.ID))
	wantErr(t, f.db.DeleteReception(ctx, r.ID), ENOTFOUND, "接待记录不存在")

	rb := ReportBack{DeputyID: f.li.ID, Date: "2024-11-01", Form: "书面", Participants: 85, Excellent: 52, Competent: 33}
	must(t, f.db.SaveReportBack(ctx, &rb))
	rb.Form = "口头"
	must(t, f.db.SaveReportBack(ctx, &rb))
	rs, _ := f.db.ReportBacks(ctx, 0, f.li.ID)
	if len(rs) != 1 || rs[0].Form != "口头" {
		t.Fatalf("report-back after update %+v", rs)
	}
	bad := ReportBack{DeputyID: f.li.ID, Date: "2024-11-01", Form: "视频"}
	wantErr(t, f.db.SaveReportBack(ctx, &bad), EINVALID, "述职方式「视频」无效")
	must(t, f.db.DeleteReportBack(ctx, rb.ID))
	if rs, _ = f.db.ReportBacks(ctx, 0, 0); len(rs) != 0 {
		t.Fatal("report-back not deleted")
	}
}

func TestSettingsAndDictionaries(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	s, err := db.Settings(ctx)
	must(t, err)
	if s != DefaultSettings() {
		t.Fatalf("a new database's settings %+v differ from the defaults", s)
	}
	s.OfficeName, s.Township, s.UpperWord, s.Precision, s.Initialized = "青山镇人大主席团", "青山镇", "区", 2, true
	must(t, db.SaveSettings(ctx, s))
	got, _ := db.Settings(ctx)
	if got != s {
		t.Fatalf("read back %+v, want %+v", got, s)
	}
	if got.LevelLabel(LevelCounty) != "区级" || got.LevelLabel(LevelTown) != "镇级" || got.LevelLabel(LevelCity) != "市级" {
		t.Fatal("level labels")
	}
	h, _, _ := db.History(ctx, HistoryFilter{Entity: "settings"})
	if len(h) != 1 || !strings.Contains(h[0].Changes, "单位名称:  → 青山镇人大主席团") || !strings.Contains(h[0].Changes, "百分比小数位数: 1 → 2") {
		t.Fatalf("settings history %+v", h)
	}
	for _, tc := range []struct {
		edit func(s *Settings)
		msg  string
	}{
		{func(s *Settings) { s.OfficeName = "" }, "单位名称不能为空"},
		{func(s *Settings) { s.Precision = 4 }, "百分比小数位数应在0到3之间"},
		{func(s *Settings) { s.MaxExtensionMonths = 3 }, "延期上限(月)应多于办理时限"},
		{func(s *Settings) { s.Numbering = "random" }, "编号方式只能是按年度或按会次"},
		{func(s *Settings) { s.TextSize = "巨大" }, "字号只能是标准、大或特大"},
		{func(s *Settings) { s.TownWord = " " }, "乡镇称谓不能为空"},
	} {
		bad := s
		tc.edit(&bad)
		wantErr(t, db.SaveSettings(ctx, bad), EINVALID, tc.msg)
	}
	must(t, db.AddDictValue(ctx, DictCategory, "安全生产"))
	cats, _ := db.Dict(ctx, DictCategory)
	if cats[len(cats)-2] != "安全生产" || cats[len(cats)-1] != "其他" {
		t.Fatalf("new category should come before 其他: %v", cats)
	}
	wantErr(t, db.AddDictValue(ctx, DictCategory, "安全生产"), ECONFLICT, "建议类别中已有「安全生产」")
	wantErr(t, db.AddDictValue(ctx, "colour", "红"), EINVALID, "未知的字典类型")
	wantErr(t, db.AddDictValue(ctx, DictVillage, strings.Repeat("村", 41)), EINVALID, "不能超过40个字")
	must(t, db.RemoveDictValue(ctx, DictCategory, "安全生产"))
	wantErr(t, db.RemoveDictValue(ctx, DictCategory, "安全生产"), ENOTFOUND)
}

func TestChoices(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	cs, err := f.db.DeputyChoices(ctx)
	must(t, err)
	if len(cs) != 3 || cs[0].Label != "李堃(第一代表小组)" || cs[2].Label != "赵喆" || DeputyLabel("张三", "第二代表小组", DeputyVacant) != "张三(第二代表小组·出缺)" {
		t.Fatalf("deputy choices %+v", cs)
	}
	st := Station{Name: "青山镇人大代表之家", Type: "代表之家"}
	must(t, f.db.SaveStation(ctx, &st))
	ss, err := f.db.StationChoices(ctx)
	must(t, err)
	if len(ss) != 1 || ss[0] != (Choice{st.ID, "青山镇人大代表之家"}) {
		t.Fatalf("station choices %+v", ss)
	}
}
