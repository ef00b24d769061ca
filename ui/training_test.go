package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// 培训学习 in the window: a training's 培训专题 page saves its topics (a bad hours entry named by its row), the
// deputies present earn its hours in their 履职档案, and 报表 shows the figures with their 明细 and the new deputies
// who had no training before the term's first session.
func TestTrainingInTheWindow(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	ms, _, err := d.db.Meetings(d.ctx, store.MeetingFilter{Kind: store.MeetingTraining, Year: 2024, Limit: 1})
	if err != nil || len(ms) == 0 {
		t.Fatalf("the demo has no 2024 training: %v", err)
	}
	m := ms[0]
	det, err := d.db.MeetingDetail(d.ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	var present store.Attendance
	for _, a := range det.Attendance {
		if a.Status == "出席" {
			present = a
			break
		}
	}
	if present.DeputyID == 0 {
		t.Fatalf("nobody attended %s", m.Title)
	}
	d.tabs.SelectIndex(5) // 会议
	d.meetings.show(m)
	tabs := d.meetings.sections
	if tabs.Items[trainingPage].Text != "培训专题" || tabs.Items[trainingPage+1].Text != "附件" {
		t.Fatalf("the training's pages: %q, %q", tabs.Items[trainingPage].Text, tabs.Items[trainingPage+1].Text)
	}
	tabs.SelectIndex(trainingPage)
	e := d.meetings.rec.topics

	t.Run("ErrHoursNamed", func(t *testing.T) {
		e.rows = []*topicRow{{Topic: "代表法解读", Trainer: "县人大法工委 周明", Hours: "2"}, {Topic: "建议写作", Hours: "两小时"}}
		e.rebuild()
		e.submit(e.save)() // 保存专题, as the button does
		if !strings.Contains(e.msg.Text, "专题第2行学时") {
			t.Fatalf("saving 两小时: message %q", e.msg.Text)
		}
	})
	t.Run("Saved", func(t *testing.T) {
		e.rows = []*topicRow{{Topic: "代表法解读", Trainer: "县人大法工委 周明", Hours: "2"}, {Topic: "建议写作", Hours: "1.5"}}
		e.rebuild()
		e.submit(e.save)()
		if !strings.Contains(e.total.Text, "共 3.5 学时") {
			t.Fatalf("the page says %q", e.total.Text)
		}
		planShot(t, d, "training-topics")
		ts, err := d.db.TrainingTopics(d.ctx, m.ID)
		if err != nil || ts.Hours() != 3.5 || ts[0].Trainer != "县人大法工委 周明" {
			t.Fatalf("stored %+v %v", ts, err)
		}
	})
	t.Run("NotATraining", func(t *testing.T) {
		other, _, err := d.db.Meetings(d.ctx, store.MeetingFilter{Kind: store.MeetingPresidium, Limit: 1})
		if err != nil || len(other) == 0 {
			t.Fatal(err)
		}
		d.meetings.show(other[0])
		for _, it := range d.meetings.sections.Items {
			if it.Text == "培训专题" {
				t.Fatal("a 主席团会议 has a 培训专题 page")
			}
		}
	})

	t.Run("DeputyRecord", func(t *testing.T) {
		rec, err := d.db.DeputyRecord(d.ctx, present.DeputyID, 2024)
		if err != nil {
			t.Fatal(err)
		}
		dep, err := d.db.Deputy(d.ctx, present.DeputyID)
		if err != nil {
			t.Fatal(err)
		}
		tab := d.deputies
		d.tabs.SelectIndex(1)
		tab.show(dep)
		tab.sections.SelectIndex(3)
		text := labelText(tab.sections.Items[3].Content)
		want := fmt.Sprintf("出席培训学习 %d 次，计 %s 学时", rec.Training.Sessions, store.FormatHours(rec.Training.Hours))
		if !strings.Contains(text, want) || rec.Training.Hours < 3.5 {
			t.Fatalf("the 履职档案 lacks 「%s」 (at least the 3.5 学时 just saved):\n%s", want, text)
		}
		planShot(t, d, "training-deputy")
	})

	t.Run("Report", func(t *testing.T) {
		r := reportOpen(t, d)
		r.refresh()
		reportWait(t, r)
		f := r.fig.Training
		part := labelText(r.training.box)
		walk(r.training.box, func(o fyne.CanvasObject) {
			if h, ok := o.(*widget.Hyperlink); ok {
				part += h.Text
			}
		})
		for _, want := range []string{fmt.Sprintf("培训 %d 次", f.Sessions()), fmt.Sprintf("参训 %d 人次", f.Attendances),
			"人均学时 " + store.FormatHours(f.PerDeputy()), "第十八届新任代表 39 人中 8 人未在第一次人代会(2022年1月21日)前参加培训"} {
			if !strings.Contains(part, want) {
				t.Fatalf("报表's 培训学习 lacks 「%s」: %s", want, part)
			}
		}
		if f.Sessions() == 0 || f.PerDeputy() <= 0 {
			t.Fatalf("figures %+v", f)
		}
		r.explainNewDeputies(f.NewDeputies)
		list := labelText(r.explainBox)
		for _, n := range f.NewDeputies.Missed() {
			if !strings.Contains(list, n.Name) {
				t.Fatalf("the list lacks %s:\n%s", n.Name, list)
			}
		}
		planShot(t, d, "training-report-new")
		r.explainDlg.Hide()
		r.explainTrainings(f)
		planShot(t, d, "training-report-list")
		r.openMeeting(f.Trainings[0].Meeting)
		if d.meetings.current.ID != f.Trainings[0].Meeting.ID {
			t.Fatalf("tapping a training opened meeting %d", d.meetings.current.ID)
		}
	})
}
