package store

import (
	"context"
	"strings"
	"testing"
)

// trainingFixture adds three 2024 trainings to the small office: 王建国 attends the first two, 李堃 asks for
// leave at the first and attends the second, 赵喆 is absent from the first; the third has no topics yet.
func trainingFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	f := newFixture(t)
	db := f.db
	training := func(title string, start Date, topics TrainingTopics, marks ...Attendance) Meeting {
		t.Helper()
		m := Meeting{Kind: MeetingTraining, Title: title, Start: start}
		must(t, db.SaveMeeting(ctx, &m))
		must(t, db.SaveMeetingDetail(ctx, m.ID, MeetingDetail{Attendance: marks}))
		if topics != nil {
			must(t, db.SaveTrainingTopics(ctx, m.ID, topics))
		}
		return m
	}
	training("代表履职培训", "2024-03-01", TrainingTopics{{Topic: "代表法解读", Trainer: "县人大法工委 周明", Hours: 2}, {Topic: "建议写作", Trainer: "镇人大办 刘芳", Hours: 1.5}},
		Attendance{DeputyID: f.wang.ID, Status: "出席"}, Attendance{DeputyID: f.li.ID, Status: "请假", Reason: "外出"},
		Attendance{DeputyID: f.zhao.ID, Status: "缺席"})
	training("法律法规培训", "2024-06-01", TrainingTopics{{Topic: "监督法", Hours: 2}},
		Attendance{DeputyID: f.wang.ID, Status: "出席"}, Attendance{DeputyID: f.li.ID, Status: "出席"})
	training("农业实用技术", "2024-09-01", nil, Attendance{DeputyID: f.wang.ID, Status: "请假"})
	return f
}

// Hours by hand: 王建国 出席 3.5 + 2 = 5.5 学时 (请假 at the third earns nothing), 李堃 请假 then 出席 = 2, 赵喆 0.
func TestTrainingHoursByHand(t *testing.T) {
	ctx := context.Background()
	f := trainingFixture(t)
	db := f.db
	t.Run("DeputyRecord", func(t *testing.T) {
		w, err := db.DeputyRecord(ctx, f.wang.ID, 2024)
		must(t, err)
		if w.Training.Sessions != 2 || w.Training.Hours != 5.5 {
			t.Fatalf("王建国: %d 次 %v 学时, want 2 次 5.5 学时", w.Training.Sessions, w.Training.Hours)
		}
		l, err := db.DeputyRecord(ctx, f.li.ID, 2024)
		must(t, err)
		if l.Training.Sessions != 1 || l.Training.Hours != 2 {
			t.Fatalf("李堃 (请假 then 出席): %d 次 %v 学时, want 1 次 2 学时", l.Training.Sessions, l.Training.Hours)
		}
	})
	t.Run("Figures", func(t *testing.T) {
		fig, err := db.YearFigures(ctx, 2024, "")
		must(t, err)
		tr := fig.Training
		if tr.Sessions() != 3 || tr.Attendances != 3 {
			t.Fatalf("培训次数 %d, 参训人次 %d; want 3, 3", tr.Sessions(), tr.Attendances)
		}
		if tr.DeputyHours() != 7.5 || len(tr.Trainees) != 3 || tr.PerDeputy() != 2.5 {
			t.Fatalf("学时合计 %v over %d deputies = %v; want 7.5 / 3 = 2.5", tr.DeputyHours(), len(tr.Trainees), tr.PerDeputy())
		}
		if h := tr.Trainings[0].Hours(); h != 3.5 || strings.Join(tr.Trainings[0].Trainers(), "、") != "县人大法工委 周明、镇人大办 刘芳" {
			t.Fatalf("first training: %v 学时, %q", h, tr.Trainings[0].Trainers())
		}
	})
	t.Run("DutyScoreCountsTheSameTrainings", func(t *testing.T) {
		scores, _, err := db.DutyScores(ctx, 2024)
		must(t, err)
		for _, s := range scores {
			for _, l := range s.Lines {
				if l.Key == DutyTraining && l.Count != s.Record.Training.Sessions {
					t.Fatalf("%s: 培训 points count %d, training table %d", s.Record.Deputy.Name, l.Count, s.Record.Training.Sessions)
				}
			}
			if s.Record.Deputy.ID == f.wang.ID && s.Lines[len(s.Lines)-1].Count != 2 {
				t.Fatalf("王建国's 培训 line %+v, want 2 (出席 only)", s.Lines[len(s.Lines)-1])
			}
		}
	})
}

func TestTrainingTopicsValidate(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	m := Meeting{Kind: MeetingTraining, Title: "代表履职培训", Start: "2024-03-01"}
	must(t, f.db.SaveMeeting(ctx, &m))
	t.Run("OK", func(t *testing.T) {
		must(t, f.db.SaveTrainingTopics(ctx, m.ID, TrainingTopics{{Topic: " 代表法 ", Hours: 1.5}}))
		got, err := f.db.TrainingTopics(ctx, m.ID)
		must(t, err)
		if len(got) != 1 || got[0].Topic != "代表法" || got[0].Hours != 1.5 {
			t.Fatalf("saved %+v", got)
		}
	})
	t.Run("ErrHoursNamesTheRow", func(t *testing.T) {
		err := f.db.SaveTrainingTopics(ctx, m.ID, TrainingTopics{{Topic: "代表法", Hours: 2}, {Topic: "选举法", Hours: 0}})
		wantErr(t, err, EINVALID, "专题第2行学时", "应大于0")
		err = f.db.SaveTrainingTopics(ctx, m.ID, TrainingTopics{{Topic: "代表法", Hours: 1.25}})
		wantErr(t, err, EINVALID, "专题第1行学时", "一位小数")
		err = f.db.SaveTrainingTopics(ctx, m.ID, TrainingTopics{{Topic: "", Hours: 1}})
		wantErr(t, err, EINVALID, "专题第1行专题")
		got, _ := f.db.TrainingTopics(ctx, m.ID)
		if len(got) != 1 || got[0].Topic != "代表法" {
			t.Fatalf("a refused save changed the topics: %+v", got)
		}
	})
	t.Run("ErrNotATraining", func(t *testing.T) {
		err := f.db.SaveTrainingTopics(ctx, f.session.ID, TrainingTopics{{Topic: "代表法", Hours: 1}})
		wantErr(t, err, EINVALID, "只有培训学习才登记专题")
	})
	t.Run("ParseHours", func(t *testing.T) {
		if h, err := ParseHours("1．5"); err != nil || h != 1.5 {
			t.Fatalf("1．5 → %v, %v", h, err)
		}
		if _, err := ParseHours("两小时"); err == nil {
			t.Fatal("两小时 parsed")
		}
	})
}

// The new term 19 begins on 5 January 2025 and holds its first session on 20 January. 孙新 attends a training
// on the 18th; 钱新 asks for leave then and attends one on the 25th, after the session (补训). 周连 is 连任.
func TestNewDeputyTrainingFlag(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	db := f.db
	term := Term{Number: 19, Start: "2025-01-05", Current: true}
	must(t, db.SaveTerm(ctx, &term))
	sun := Deputy{Name: "孙新", Gender: "男", Levels: []string{LevelTown}, TermID: term.ID, New: true, Village: "青山村"}
	qian := Deputy{Name: "钱新", Gender: "女", Levels: []string{LevelTown}, TermID: term.ID, New: true, Village: "河东村"}
	zhou := Deputy{Name: "周连", Gender: "男", Levels: []string{LevelTown}, TermID: term.ID, New: false, Village: "河东村"}
	for _, d := range []*Deputy{&sun, &qian, &zhou} {
		must(t, db.SaveDeputy(ctx, d))
	}
	session := Meeting{Kind: MeetingCongress, Title: CongressTitle("青山镇", 19, 1), TermID: term.ID, SessionNo: 1, Start: "2025-01-20"}
	must(t, db.SaveMeeting(ctx, &session))
	for _, tr := range []struct {
		start Date
		marks []Attendance
	}{
		{"2025-01-18", []Attendance{{DeputyID: sun.ID, Status: "出席"}, {DeputyID: qian.ID, Status: "请假"}}},
		{"2025-01-25", []Attendance{{DeputyID: qian.ID, Status: "出席"}}},
	} {
		m := Meeting{Kind: MeetingTraining, Title: "新任代表履职培训", Start: tr.start}
		must(t, db.SaveMeeting(ctx, &m))
		must(t, db.SaveMeetingDetail(ctx, m.ID, MeetingDetail{Attendance: tr.marks}))
	}
	names := func(ds []NewDeputy) string {
		var s []string
		for _, d := range ds {
			s = append(s, d.Name)
		}
		return strings.Join(s, "、")
	}
	reminder := func(t *testing.T, day Date) string {
		t.Helper()
		rs, err := db.Reminders(ctx, day)
		must(t, err)
		for _, r := range rs {
			if strings.Contains(r.Text, "新任代表") {
				return r.Text
			}
		}
		return ""
	}
	t.Run("BeforeTheTraining", func(t *testing.T) {
		c, err := db.NewDeputyCheck(ctx, "2025-01-10")
		must(t, err)
		if c.Term.ID != term.ID || c.FirstSession != "2025-01-20" || names(c.Deputies) != "钱新、孙新" && names(c.Deputies) != "孙新、钱新" {
			t.Fatalf("check %+v", c)
		}
		if len(c.Untrained()) != 2 || c.Missed() != nil {
			t.Fatalf("untrained %q, missed %q", names(c.Untrained()), names(c.Missed()))
		}
		if r := reminder(t, "2025-01-10"); !strings.Contains(r, "新任代表2人") || !strings.Contains(r, "第一次人代会前") || !strings.Contains(r, "还剩10天") {
			t.Fatalf("reminder %q", r)
		}
	})
	t.Run("DayBeforeTheSession", func(t *testing.T) {
		c, err := db.NewDeputyCheck(ctx, "2025-01-19")
		must(t, err)
		if names(c.Untrained()) != "钱新" || c.Missed() != nil {
			t.Fatalf("untrained %q, missed %q", names(c.Untrained()), names(c.Missed()))
		}
		if r := reminder(t, "2025-01-19"); !strings.Contains(r, "新任代表1人(钱新)") {
			t.Fatalf("reminder %q", r)
		}
	})
	t.Run("AfterTheSession", func(t *testing.T) {
		c, err := db.NewDeputyCheck(ctx, "2025-01-21")
		must(t, err)
		if names(c.Missed()) != "钱新" {
			t.Fatalf("missed %q, want 钱新 (孙新 trained on the 18th)", names(c.Missed()))
		}
		if r := reminder(t, "2025-01-21"); !strings.Contains(r, "钱新") || !strings.Contains(r, "未在第一次人代会") || !strings.Contains(r, "补训") {
			t.Fatalf("reminder %q", r)
		}
	})
	t.Run("AYearAfter", func(t *testing.T) {
		// Without the 补训 (钱新 absent from it), the reminder stays for a year after the session, then stops;
		// the check still names the deputy.
		must(t, db.SaveMeetingDetail(ctx, lastTraining(t, db), MeetingDetail{Attendance: []Attendance{{DeputyID: qian.ID, Status: "缺席"}}}))
		if r := reminder(t, "2025-12-31"); !strings.Contains(r, "钱新") {
			t.Fatalf("reminder within the year: %q", r)
		}
		if r := reminder(t, "2026-01-21"); r != "" {
			t.Fatalf("reminder a year after the session: %q", r)
		}
		c, err := db.NewDeputyCheck(ctx, "2026-01-21")
		must(t, err)
		if names(c.Missed()) != "钱新" {
			t.Fatalf("missed %q", names(c.Missed()))
		}
		must(t, db.SaveMeetingDetail(ctx, lastTraining(t, db), MeetingDetail{Attendance: []Attendance{{DeputyID: qian.ID, Status: "出席"}}}))
	})
	t.Run("AfterTheMakeUpTraining", func(t *testing.T) {
		c, err := db.NewDeputyCheck(ctx, "2025-01-26")
		must(t, err)
		if m := c.Missed(); len(m) != 1 || m[0].Later != "2025-01-25" {
			t.Fatalf("missed %+v, want 钱新 with 补训 on 2025-01-25", m)
		}
		if r := reminder(t, "2025-01-26"); r != "" {
			t.Fatalf("reminder after 补训: %q", r)
		}
	})
}

// lastTraining is the id of the latest training.
func lastTraining(t *testing.T, db *DB) int64 {
	t.Helper()
	ms, _, err := db.Meetings(context.Background(), MeetingFilter{Kind: MeetingTraining, Limit: 1})
	must(t, err)
	return ms[0].ID
}

// The pre-session window is inclusive at both ends: a training on the term's first day or on the session's day
// counts, one the day before the term does not, and one the day after the session is a 补训 (Later).
func TestNewDeputyTrainingWindowEnds(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	db := f.db
	term := Term{Number: 19, Start: "2025-01-05", Current: true}
	must(t, db.SaveTerm(ctx, &term))
	var ds []Deputy
	for _, name := range []string{"甲新", "乙新", "丙新"} {
		d := Deputy{Name: name, Gender: "男", Levels: []string{LevelTown}, TermID: term.ID, New: true, Village: "青山村"}
		must(t, db.SaveDeputy(ctx, &d))
		ds = append(ds, d)
	}
	session := Meeting{Kind: MeetingCongress, Title: CongressTitle("青山镇", 19, 1), TermID: term.ID, SessionNo: 1, Start: "2025-01-20"}
	must(t, db.SaveMeeting(ctx, &session))
	for _, tr := range []struct {
		start Date
		who   Deputy
	}{{"2025-01-05", ds[0]}, {"2025-01-20", ds[1]}, {"2025-01-04", ds[2]}, {"2025-01-21", ds[2]}} {
		m := Meeting{Kind: MeetingTraining, Title: "新任代表履职培训", Start: tr.start}
		must(t, db.SaveMeeting(ctx, &m))
		must(t, db.SaveMeetingDetail(ctx, m.ID, MeetingDetail{Attendance: []Attendance{{DeputyID: tr.who.ID, Status: "出席"}}}))
	}
	c, err := db.NewDeputyCheck(ctx, "2025-02-01")
	must(t, err)
	got := map[string]NewDeputy{}
	for _, d := range c.Deputies {
		got[d.Name] = d
	}
	if got["甲新"].Trained != "2025-01-05" || got["乙新"].Trained != "2025-01-20" {
		t.Errorf("trained on the term's first day / the session's day: %+v, %+v", got["甲新"], got["乙新"])
	}
	if d := got["丙新"]; d.Trained != "" || d.Later != "2025-01-21" {
		t.Errorf("丙新 (the day before the term, then the day after the session): %+v", d)
	}
	if m := c.Missed(); len(m) != 1 || m[0].Name != "丙新" {
		t.Errorf("missed %+v, want 丙新", m)
	}
}
