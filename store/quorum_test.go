package store

import (
	"context"
	"testing"
)

func TestQuorumAndVotes(t *testing.T) {
	f := newFixture(t) // 王建国, 李堃, 赵喆: three town deputies in office
	ctx := context.Background()
	extra := Deputy{Name: "钱一", Levels: []string{LevelTown}, Status: DeputyVacant, VacancyReason: "调离", VacancyDate: "2023-06-30"}
	must(t, f.db.SaveDeputy(ctx, &extra)) // left before the session: not counted
	countyOnly := Deputy{Name: "孙二", Levels: []string{LevelCounty}}
	must(t, f.db.SaveDeputy(ctx, &countyOnly)) // not a town deputy: not counted
	later := Deputy{Name: "周三", Levels: []string{LevelTown}, Seats: []Seat{{Level: LevelTown, Start: "2021-12-01"}}, Status: DeputyVacant,
		VacancyReason: "辞职", VacancyDate: "2024-06-30"}
	must(t, f.db.SaveDeputy(ctx, &later)) // elected before and vacated after the session (2024-01-20): counted
	q, err := f.db.Quorum(ctx, f.session.ID)
	must(t, err)
	if q.Base != 4 || q.Needed() != 3 || q.Met() {
		t.Fatalf("base %+v", q)
	}
	mark := func(present ...int64) {
		var att []Attendance
		for _, id := range []int64{f.wang.ID, f.li.ID, f.zhao.ID, later.ID} {
			st := "缺席"
			for _, p := range present {
				if p == id {
					st = "出席"
				}
			}
			att = append(att, Attendance{DeputyID: id, Status: st})
		}
		must(t, f.db.SaveMeetingDetail(ctx, f.session.ID, MeetingDetail{Attendance: att}))
	}
	mark(f.wang.ID, f.li.ID) // exactly half of 4
	if q, _ = f.db.Quorum(ctx, f.session.ID); q.Met() || q.Present != 2 || q.Absent != 2 {
		t.Fatalf("exactly half met the quorum: %+v", q)
	}
	if d := q.Describe(); d != "应到 4 人，实到 2 人，请假 0 人，缺席 2 人，未超过半数(至少需要 3 人)，不符合法定人数" {
		t.Fatalf("describe %q", d)
	}
	mark(f.wang.ID, f.li.ID, f.zhao.ID)
	if q, _ = f.db.Quorum(ctx, f.session.ID); !q.Met() {
		t.Fatalf("3 of 4 did not meet the quorum: %+v", q)
	}
	for _, tc := range []struct {
		votes     int
		entered   string
		passed    bool
		disagrees bool
	}{{2, "通过", false, true}, {3, "通过", true, false}, {3, "未通过", true, true}, {2, "", false, false}} {
		p, d := q.ResolutionResult(Resolution{For: tc.votes, EnteredResult: tc.entered})
		if p != tc.passed || d != tc.disagrees {
			t.Errorf("%d votes of 4 entered %q: passed %v disagrees %v", tc.votes, tc.entered, p, d)
		}
	}
	exp, err := f.db.ExpectedAttendees(ctx, f.session.ID)
	must(t, err)
	if len(exp) != 4 {
		t.Fatalf("expected attendees %d", len(exp))
	}

	// A 主席团会议 counts presidium members.
	for _, d := range []*Deputy{&f.wang, &f.li} {
		x, _ := f.db.Deputy(ctx, d.ID)
		x.Roles = []string{"主席团成员"}
		must(t, f.db.SaveDeputy(ctx, &x))
	}
	pm := Meeting{Kind: MeetingPresidium, Title: "主席团会议", Start: "2024-03-01"}
	must(t, f.db.SaveMeeting(ctx, &pm))
	if q, _ = f.db.Quorum(ctx, pm.ID); q.Base != 2 || q.BaseName != "主席团成员" {
		t.Fatalf("presidium quorum %+v", q)
	}
	other := Meeting{Kind: MeetingInspect, Title: "视察", Start: "2024-03-02"}
	must(t, f.db.SaveMeeting(ctx, &other))
	if q, _ = f.db.Quorum(ctx, other.ID); q.Base != 0 || q.Describe() != "" {
		t.Fatalf("an inspection has a quorum %+v", q)
	}
}

// After 换届 the previous term's deputies, still marked 在任, do not count in the new term's quorum.
func TestQuorumCountsOnlyTheMeetingsTerm(t *testing.T) {
	f := newFixture(t) // term 18 with three town deputies
	ctx := context.Background()
	old := Term{Number: 17, Start: "2016-12-01", End: "2021-11-30"}
	must(t, f.db.SaveTerm(ctx, &old))
	for _, n := range []string{"老一", "老二", "老三", "老四"} {
		d := Deputy{Name: n, Levels: []string{LevelTown}, TermID: old.ID}
		must(t, f.db.SaveDeputy(ctx, &d))
	}
	q, err := f.db.Quorum(ctx, f.session.ID)
	must(t, err)
	if q.Base != 3 {
		t.Fatalf("18th-term session counts %d deputies, want 3", q.Base)
	}
	pm := Meeting{Kind: MeetingPresidium, Title: "主席团会议", Start: "2024-03-01"} // no term: the one covering the day
	must(t, f.db.SaveMeeting(ctx, &pm))
	exp, _ := f.db.ExpectedAttendees(ctx, pm.ID)
	if len(exp) != 0 {
		t.Fatalf("a presidium meeting expects %d (nobody holds the role)", len(exp))
	}
	insp := Meeting{Kind: MeetingInspect, Title: "视察", Start: "2024-03-02"}
	must(t, f.db.SaveMeeting(ctx, &insp))
	if exp, _ = f.db.ExpectedAttendees(ctx, insp.ID); len(exp) != 3 {
		t.Fatalf("an inspection in term 18 expects %d deputies, want 3", len(exp))
	}
}
