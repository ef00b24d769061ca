package store

import (
	"context"
	"testing"
)

// Wang's 2024 score recomputed by hand from what he did, with the seeded points, then with points changed:
// the ranking follows.
func TestDutyScoreByHand(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	db := f.db
	att := func(m Meeting, marks ...Attendance) {
		t.Helper()
		must(t, db.SaveMeeting(ctx, &m))
		must(t, db.SaveMeetingDetail(ctx, m.ID, MeetingDetail{Attendance: marks}))
	}
	// The session: Wang present, Li absent. A presidium meeting: Wang on leave. A training: Wang present.
	must(t, db.SaveMeetingDetail(ctx, f.session.ID, MeetingDetail{Attendance: []Attendance{
		{DeputyID: f.wang.ID, Status: "出席"}, {DeputyID: f.li.ID, Status: "缺席"}}}))
	att(Meeting{Kind: MeetingPresidium, Title: "第二季度主席团会议", Start: "2024-05-10"}, Attendance{DeputyID: f.wang.ID, Status: "请假", Reason: "外出"})
	att(Meeting{Kind: MeetingTraining, Title: "代表履职培训", Start: "2024-06-01"}, Attendance{DeputyID: f.wang.ID, Status: "出席"})
	// Two suggestions led by Wang, one of them co-signed by Zhao; one led by Zhao co-signed by Wang.
	f.item(t, "修缮村道", "2024-03-01")
	s := Suggestion{Kind: KindSuggestion, Period: PeriodRecess, Source: "代表提出", LeadDeputyID: f.wang.ID, CosignerIDs: []int64{f.zhao.ID},
		Title: "增设路灯", Content: "增设路灯。", Category: "城乡建设", Scope: LevelTown, Received: "2024-04-01"}
	must(t, db.SaveSuggestion(ctx, &s))
	z := Suggestion{Kind: KindSuggestion, Period: PeriodRecess, Source: "代表提出", LeadDeputyID: f.zhao.ID, CosignerIDs: []int64{f.wang.ID},
		Title: "整治河道", Content: "整治河道。", Category: "生态建设", Scope: LevelTown, Received: "2024-05-01"}
	must(t, db.SaveSuggestion(ctx, &z))
	must(t, db.SaveReportBack(ctx, &ReportBack{DeputyID: f.wang.ID, Date: "2024-12-01", Form: "口头", Participants: 30, Excellent: 20, Competent: 10}))

	score := func(name string) DutyScore {
		t.Helper()
		scores, _, err := db.DutyScores(ctx, 2024)
		must(t, err)
		for _, s := range scores {
			if s.Record.Deputy.Name == name {
				return s
			}
		}
		t.Fatalf("no score for %s", name)
		return DutyScore{}
	}
	t.Run("SeededPoints", func(t *testing.T) {
		// 出席 2 次 × 2 + 请假 1 次 × 0 + 领衔 2 件 × 5 + 联名 1 件 × 2 + 述职 1 次 × 5 + 培训 1 次 × 3 = 24.
		w := score("王建国")
		if w.Total != 2*2+0+2*5+1*2+1*5+1*3 {
			t.Fatalf("王建国 %d: %+v", w.Total, w.Lines)
		}
		// 李堃: 缺席 1 次 × -2. 赵喆: 领衔 1 件 × 5 + 联名 1 件 × 2.
		if l, z := score("李堃"), score("赵喆"); l.Total != -2 || z.Total != 7 || w.Rank != 1 || z.Rank != 2 || l.Rank != 3 {
			t.Fatalf("李堃 %d (%d), 赵喆 %d (%d), 王建国 place %d", l.Total, l.Rank, z.Total, z.Rank, w.Rank)
		}
	})
	t.Run("PointsChanged", func(t *testing.T) {
		p, err := db.DutyPoints(ctx)
		must(t, err)
		for i := range p {
			switch p[i].Key {
			case DutyLed:
				p[i].Points = 1
			case DutyLeave:
				p[i].Points = -1
			}
		}
		must(t, db.SaveDutyPoints(ctx, p))
		// 2×2 − 1 + 2×1 + 1×2 + 5 + 3 = 15; 赵喆 1 + 2 = 3.
		if w, z := score("王建国"), score("赵喆"); w.Total != 15 || z.Total != 3 {
			t.Fatalf("王建国 %d, 赵喆 %d", w.Total, z.Total)
		}
		h, _, err := db.History(ctx, HistoryFilter{Entity: "settings"})
		must(t, err)
		if len(h) == 0 || h[0].Label != "履职积分" || h[0].Changes != "请假: 0 → -1\n领衔提出建议: 5 → 1" {
			t.Fatalf("history %+v", h)
		}
	})
	t.Run("ErrPointsOutOfRange", func(t *testing.T) {
		p, err := db.DutyPoints(ctx)
		must(t, err)
		p[3].Points = -200
		wantErr(t, db.SaveDutyPoints(ctx, p), EINVALID, "缺席", "-100到100")
	})
}
