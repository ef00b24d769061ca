package store

import (
	"context"
	"slices"
	"testing"
)

// awardFixture is the fixture with a 2024 selection of two categories (优秀人大代表 for one deputy, 先进代表小组)
// and the presidium meeting that decides it.
type awardFixture struct {
	*fixture
	sel       AwardSelection
	presidium Meeting
}

func newAwardFixture(t *testing.T) *awardFixture {
	t.Helper()
	ctx := context.Background()
	f := &awardFixture{fixture: newFixture(t)}
	f.sel = AwardSelection{Year: 2024, Categories: []AwardCategory{
		{Name: "优秀人大代表", Candidate: CandidateDeputy, Quota: 1},
		{Name: "先进代表小组", Candidate: CandidateGroup, Quota: 1},
	}}
	must(t, f.db.SaveAwardSelection(ctx, &f.sel))
	f.presidium = Meeting{Kind: MeetingPresidium, Title: "第四季度主席团会议", Start: "2024-12-20"}
	must(t, f.db.SaveMeeting(ctx, &f.presidium))
	return f
}

func (f *awardFixture) nominate(t *testing.T, cat int, who int64, by string) AwardNomination {
	t.Helper()
	n := AwardNomination{CategoryID: f.sel.Categories[cat].ID, CandidateID: who, Nominator: by, Deeds: "积极履职。"}
	must(t, f.db.SaveAwardNomination(context.Background(), &n))
	return n
}

// More chosen than a category's 名额 is refused with a message naming the category, and nothing is marked.
func TestAwardQuota(t *testing.T) {
	ctx := context.Background()
	f := newAwardFixture(t)
	wang := f.nominate(t, 0, f.wang.ID, f.group.Name)
	zhao := f.nominate(t, 0, f.zhao.ID, AwardNominatorPresidium)
	t.Run("ErrOverQuota", func(t *testing.T) {
		err := f.db.DecideAwards(ctx, 2024, AwardDecision{MeetingID: f.presidium.ID, Date: "2024-12-20", Elected: []int64{wang.ID, zhao.ID}})
		wantErr(t, err, EINVALID, "奖项「优秀人大代表」当选2个，超过名额1个")
		ns, err := f.db.AwardNominations(ctx, 2024)
		must(t, err)
		for _, n := range ns {
			if n.Elected {
				t.Fatalf("%s marked 当选 by a refused decision", n.CandidateName)
			}
		}
		s, err := f.db.AwardSelection(ctx, 2024)
		must(t, err)
		if s.Decided() {
			t.Fatalf("refused decision recorded: %+v", s)
		}
	})
	t.Run("ErrNotPresidium", func(t *testing.T) {
		err := f.db.DecideAwards(ctx, 2024, AwardDecision{MeetingID: f.session.ID, Date: "2024-12-20", Elected: []int64{wang.ID}})
		wantErr(t, err, EINVALID, "评先评优应由主席团会议集体讨论决定")
	})
	t.Run("ErrWithdrawnChosen", func(t *testing.T) {
		must(t, f.db.WithdrawAwardNomination(ctx, zhao.ID, true, "本人申请"))
		err := f.db.DecideAwards(ctx, 2024, AwardDecision{MeetingID: f.presidium.ID, Date: "2024-12-20", Elected: []int64{zhao.ID}})
		wantErr(t, err, EINVALID, "「赵喆」的推荐已撤回")
		must(t, f.db.WithdrawAwardNomination(ctx, zhao.ID, false, ""))
	})
	t.Run("ErrQuotaBelowChosen", func(t *testing.T) {
		must(t, f.db.DecideAwards(ctx, 2024, AwardDecision{MeetingID: f.presidium.ID, Date: "2024-12-20", Elected: []int64{wang.ID}}))
		s := f.sel
		s.Categories = slices.Clone(s.Categories)
		s.Categories[0].Quota = 0
		wantErr(t, f.db.SaveAwardSelection(ctx, &s), EINVALID, "奖项「优秀人大代表」的名额应在1到999之间")
		s.Categories = s.Categories[1:]
		wantErr(t, f.db.SaveAwardSelection(ctx, &s), ECONFLICT, "奖项「优秀人大代表」已有2个推荐对象，不能删除")
	})
}

// The presidium's decision marks the chosen 当选, shows in the deputy's 履职档案 and in the figures, and the
// announcement at the 人代会 is recorded after it.
func TestAwardDecision(t *testing.T) {
	ctx := context.Background()
	f := newAwardFixture(t)
	wang := f.nominate(t, 0, f.wang.ID, f.group.Name)
	li := f.nominate(t, 0, f.li.ID, f.group.Name)
	grp := f.nominate(t, 1, f.group.ID, AwardNominatorPresidium)
	t.Run("ErrTwiceInACategory", func(t *testing.T) {
		n := AwardNomination{CategoryID: f.sel.Categories[0].ID, CandidateID: f.wang.ID, Nominator: AwardNominatorPresidium}
		wantErr(t, f.db.SaveAwardNomination(ctx, &n), ECONFLICT, "「王建国」已被推荐为2024年度「优秀人大代表」")
	})
	t.Run("ErrAnnounceBeforeDecision", func(t *testing.T) {
		wantErr(t, f.db.AnnounceAwards(ctx, 2024, f.session.ID, "2024-12-30"), ESTATE, "主席团尚未作出决定")
	})
	t.Run("NothingBeforeTheDecision", func(t *testing.T) {
		rec, err := f.db.DeputyRecord(ctx, f.wang.ID, 2024)
		must(t, err)
		if len(rec.Awards) != 0 {
			t.Fatalf("awards before any decision: %v", rec.Awards)
		}
	})
	must(t, f.db.DecideAwards(ctx, 2024, AwardDecision{MeetingID: f.presidium.ID, Date: "2024-12-20", Elected: []int64{wang.ID, grp.ID}}))
	t.Run("Chosen", func(t *testing.T) {
		ns, err := f.db.AwardNominations(ctx, 2024)
		must(t, err)
		got := map[string]string{}
		for _, n := range ns {
			got[n.CandidateName] = n.Status(true)
		}
		if got["王建国"] != "当选" || got["李堃"] != "未当选" || got["第一代表小组"] != "当选" {
			t.Fatalf("statuses %v", got)
		}
		wantErr(t, f.db.WithdrawAwardNomination(ctx, wang.ID, true, "x"), ESTATE, "已由主席团决定当选「优秀人大代表」")
		_ = li
	})
	t.Run("InTheDutyRecord", func(t *testing.T) {
		rec, err := f.db.DeputyRecord(ctx, f.wang.ID, 2024)
		must(t, err)
		if !slices.Equal(rec.Awards, []string{"2024年度优秀人大代表"}) {
			t.Fatalf("王建国's awards %v", rec.Awards)
		}
		other, err := f.db.DeputyRecord(ctx, f.li.ID, 2024)
		must(t, err)
		if len(other.Awards) != 0 {
			t.Fatalf("李堃 was not chosen: %v", other.Awards)
		}
	})
	t.Run("InTheFigures", func(t *testing.T) {
		fig, err := f.db.YearFigures(ctx, 2024, "")
		must(t, err)
		a := fig.Awards
		if a.Year != 2024 || !a.Decided || a.NominatedCount() != 3 || a.ElectedCount() != 2 {
			t.Fatalf("awards %+v", a)
		}
		if c := a.Categories[0]; c.Category.Name != "优秀人大代表" || len(c.Nominated) != 2 || len(c.Elected) != 1 || c.Elected[0].CandidateName != "王建国" {
			t.Fatalf("优秀人大代表 %+v", c)
		}
		// A report dated before the decision lists the nominations but nobody chosen.
		early, err := f.db.YearFigures(ctx, 2024, "2024-12-19")
		must(t, err)
		if early.Awards.Decided || early.Awards.ElectedCount() != 0 || early.Awards.NominatedCount() != 3 {
			t.Fatalf("before the decision %+v", early.Awards)
		}
	})
	t.Run("Announced", func(t *testing.T) {
		wantErr(t, f.db.AnnounceAwards(ctx, 2024, f.presidium.ID, "2024-12-30"), EINVALID, "表彰应在人民代表大会会议上进行")
		wantErr(t, f.db.AnnounceAwards(ctx, 2024, f.session.ID, "2024-12-01"), EINVALID, "不能早于主席团决定日期")
		must(t, f.db.AnnounceAwards(ctx, 2024, f.session.ID, "2024-12-30"))
		s, err := f.db.AwardSelection(ctx, 2024)
		must(t, err)
		if !s.Announced() || s.AnnounceMeeting != f.session.Title || s.DecisionMeeting != "第四季度主席团会议" {
			t.Fatalf("selection %+v", s)
		}
		h, _, err := f.db.History(ctx, HistoryFilter{Entity: awardEntity})
		must(t, err)
		if len(h) < 3 || h[0].Changes != "表彰: "+f.session.Title+" 2024年12月30日" {
			t.Fatalf("history %+v", h)
		}
	})
}

func TestAwardValidate(t *testing.T) {
	t.Run("ErrCategoryName", func(t *testing.T) {
		s := AwardSelection{Year: 2024, Categories: []AwardCategory{{Name: "优秀人大代表", Candidate: CandidateDeputy, Quota: 3},
			{Name: "优秀人大代表", Candidate: CandidateDeputy, Quota: 3}}}
		wantErr(t, s.Validate(), EINVALID, "奖项「优秀人大代表」重复了")
	})
	t.Run("ErrCandidateKind", func(t *testing.T) {
		s := AwardSelection{Year: 2024, Categories: []AwardCategory{{Name: "先进集体", Candidate: "office", Quota: 1}}}
		wantErr(t, s.Validate(), EINVALID, "奖项「先进集体」的评选对象")
	})
	t.Run("ErrNominationBlank", func(t *testing.T) {
		n := AwardNomination{CategoryID: 1}
		err := n.Validate()
		wantErr(t, err, EINVALID, "推荐对象不能为空")
		if fe := ErrorsOf(err); len(fe) != 2 || fe[1].Field != "推荐单位" {
			t.Fatalf("errors %v", fe)
		}
	})
	t.Run("OK", func(t *testing.T) {
		s := NewAwardSelection(2026)
		must(t, s.Validate())
	})
}
