package store

import (
	"context"
	"strconv"
	"strings"
	"testing"
)

func TestFindByTypedNames(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	a := f.item(t, "关于修缮村道的建议", "2024-03-01")
	t.Run("SuggestionByNumberOrID", func(t *testing.T) {
		for _, ref := range []string{a.Number, " " + a.Number + " ", strconv.FormatInt(a.ID, 10)} {
			s, err := f.db.FindSuggestion(ctx, ref)
			if err != nil || s.ID != a.ID {
				t.Errorf("%q: %+v %v", ref, s.ID, err)
			}
		}
		_, err := f.db.FindSuggestion(ctx, "2024-999")
		wantErr(t, err, ENOTFOUND, "2024-999")
	})
	t.Run("DeputyByNameOrID", func(t *testing.T) {
		d, err := f.db.FindDeputy(ctx, "李堃")
		if err != nil || d.ID != f.li.ID {
			t.Fatalf("%+v %v", d, err)
		}
		_, err = f.db.FindDeputy(ctx, "钱七")
		wantErr(t, err, ENOTFOUND, "钱七")
		namesake := Deputy{Name: "李堃", Gender: "女", Levels: []string{LevelTown}, TermID: f.term.ID, Village: "青山村"}
		must(t, f.db.SaveDeputy(ctx, &namesake))
		_, err = f.db.FindDeputy(ctx, "李堃")
		wantErr(t, err, EINVALID, "有2位代表名为「李堃」", strconv.FormatInt(f.li.ID, 10)+"(第一代表小组)", strconv.FormatInt(namesake.ID, 10)+"()")
	})
	t.Run("UnitByNameOrUniquePart", func(t *testing.T) {
		u, err := f.db.FindUnit(ctx, "交通")
		if err != nil || u.ID != f.unitC.ID {
			t.Fatalf("%+v %v", u, err)
		}
		_, err = f.db.FindUnit(ctx, "镇")
		wantErr(t, err, EINVALID, "镇城建办", "镇农业农村办")
		_, err = f.db.FindUnit(ctx, "县财政局")
		wantErr(t, err, ENOTFOUND, "县财政局")
	})
}

// Who raised an item reads the same in every list: a voter's item names the voter, even when a deputy
// brought it in.
func TestProposer(t *testing.T) {
	for _, c := range []struct {
		s    Suggestion
		want string
	}{
		{Suggestion{Kind: KindSuggestion, LeadDeputyName: "王建国"}, "王建国"},
		{Suggestion{Kind: KindVoter, VoterName: "李大娘"}, "李大娘（选民）"},
		{Suggestion{Kind: KindVoter, VoterName: "李大娘", LeadDeputyName: "王建国"}, "李大娘（选民）"},
		{Suggestion{Kind: KindSuggestion, VoterName: "李大娘"}, "李大娘（选民）"},
		{Suggestion{Kind: KindSuggestion, VoterName: "李大娘", LeadDeputyName: "王建国"}, "王建国"},
	} {
		if got := c.s.Proposer(); got != c.want {
			t.Errorf("%s lead %q voter %q: %q, want %q", c.s.Kind, c.s.LeadDeputyName, c.s.VoterName, got, c.want)
		}
	}
}

func TestDocumentLoaders(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	t.Run("AssignListByUnitThenAssisting", func(t *testing.T) {
		_, err := f.db.AssignListDoc(ctx, 2024, 0)
		wantErr(t, err, ENOTFOUND, "2024年没有已交办的建议")
		a := f.item(t, "关于修缮村道的建议", "2024-03-01")
		b := f.item(t, "关于增设路灯的建议", "2024-03-02")
		f.item(t, "关于尚未交办的建议", "2024-03-03")
		a.CosignerIDs = []int64{f.li.ID, f.zhao.ID}
		must(t, f.db.SaveSuggestion(ctx, &a))
		must(t, f.db.Assign(ctx, a.ID, AssignInput{MainUnitID: f.unitA.ID, AssistUnitIDs: []int64{f.unitC.ID}, Date: "2024-03-10"}))
		must(t, f.db.Assign(ctx, b.ID, AssignInput{MainUnitID: f.unitC.ID, Date: "2024-03-10"}))
		doc, err := f.db.AssignListDoc(ctx, 2024, 0)
		must(t, err)
		if len(doc.Sections) != 2 || doc.Sections[0].Unit != "镇城建办" || doc.Sections[1].Unit != "县交通运输局" {
			t.Fatalf("sections %+v", doc.Sections)
		}
		if it := doc.Sections[0].Items; len(it) != 1 || strings.Join(it[0].Cosigners, "、") != "李堃、赵喆" ||
			strings.Join(it[0].AssistUnits, "、") != "县交通运输局" {
			t.Errorf("镇城建办 %+v", it)
		}
		if sec := doc.Sections[1]; len(sec.Items) != 1 || sec.Items[0].ID != b.ID || len(sec.Assisting) != 1 || sec.Assisting[0].ID != a.ID {
			t.Errorf("县交通运输局 handles %v, assists %v", sec.Items, sec.Assisting)
		}
		one, err := f.db.AssignListDoc(ctx, 2024, f.unitA.ID)
		must(t, err)
		if len(one.Sections) != 1 || one.Sections[0].Unit != "镇城建办" {
			t.Errorf("one unit: %+v", one.Sections)
		}
		_, err = f.db.AssignListDoc(ctx, 2024, f.unitB.ID)
		wantErr(t, err, ENOTFOUND, "2024年没有交办给「镇农业农村办」的建议")
		_, err = f.db.OverdueDoc(ctx, "2024-06-01", 0)
		wantErr(t, err, ENOTFOUND, "截至2024年6月1日没有逾期未答复的建议")
		late, err := f.db.OverdueDoc(ctx, "2024-06-11", 0)
		must(t, err)
		if len(late.Sections) != 2 || len(late.Sections[0].Assisting) != 0 {
			t.Errorf("overdue on 2024-06-11: %+v", late.Sections)
		}
	})
	t.Run("SignInRoll", func(t *testing.T) {
		inspect := Meeting{Kind: MeetingInspect, Title: "视察村道建设", Start: "2024-05-08"}
		must(t, f.db.SaveMeeting(ctx, &inspect))
		doc, err := f.db.MeetingDoc(ctx, inspect.ID)
		must(t, err)
		if len(doc.Expected) != 3 {
			t.Errorf("an inspection with no attendance lists the whole roll: %d", len(doc.Expected))
		}
		must(t, f.db.SaveMeetingDetail(ctx, inspect.ID, MeetingDetail{Attendance: []Attendance{
			{DeputyID: f.wang.ID, Status: "出席"}, {DeputyID: f.zhao.ID, Status: "列席"}}}))
		doc, err = f.db.MeetingDoc(ctx, inspect.ID)
		must(t, err)
		if len(doc.Expected) != 2 || doc.Quorum.Expected != 1 || doc.Quorum.NonVoting != 1 || doc.Quorum.Base != 0 {
			t.Errorf("an inspection lists those recorded: %d deputies, %+v", len(doc.Expected), doc.Quorum)
		}
		must(t, f.db.SaveMeetingDetail(ctx, f.session.ID, MeetingDetail{Attendance: []Attendance{{DeputyID: f.wang.ID, Status: "出席"}}}))
		doc, err = f.db.MeetingDoc(ctx, f.session.ID)
		must(t, err)
		if len(doc.Expected) != 3 || doc.Quorum.Expected != 3 || doc.Quorum.Unmarked != 2 {
			t.Errorf("a 人代会 lists its roll: %d deputies, %+v", len(doc.Expected), doc.Quorum)
		}
	})
}

// The one count of a meeting's attendance, for a meeting that votes and one that does not.
func TestCountAttendance(t *testing.T) {
	marks := []Attendance{{DeputyID: 1, Status: "出席"}, {DeputyID: 2, Status: "请假"}, {DeputyID: 3, Status: "缺席"},
		{DeputyID: 4, Status: "列席"}, {DeputyID: 5, Status: "出席"}, {DeputyID: 6, Status: ""}}
	roll := map[int64]bool{1: true, 2: true, 3: true, 6: true, 7: true}
	q := CountAttendance(marks, "全镇人大代表", 5, func(id int64) bool { return roll[id] })
	if q != (Quorum{Base: 5, BaseName: "全镇人大代表", Expected: 5, Present: 1, Leave: 1, Absent: 1, NonVoting: 1, Unmarked: 2}) {
		t.Errorf("voting: %+v", q)
	}
	if got := q.Describe(); got != "应到 5 人，实到 1 人，请假 1 人，缺席 1 人，列席 1 人，未超过半数(至少需要 3 人)，不符合法定人数" {
		t.Errorf("describe %q", got)
	}
	q = CountAttendance(marks, "", 0, nil)
	if q != (Quorum{Expected: 4, Present: 2, Leave: 1, Absent: 1, NonVoting: 1}) || q.Verdict() != "" || q.Describe() != "" {
		t.Errorf("not voting: %+v", q)
	}
	if got := q.Totals(); got != "应到 4 人，实到 2 人，请假 1 人，缺席 1 人，列席 1 人" {
		t.Errorf("totals %q", got)
	}
	if v := CountAttendance(nil, "主席团成员", 0, nil).Verdict(); v != "没有在任的主席团成员，无法计算法定人数" {
		t.Errorf("no members: %q", v)
	}
}
