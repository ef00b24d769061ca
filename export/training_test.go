package export

import (
	"context"
	"path/filepath"
	"testing"

	"rendadesk/store"
)

// addTraining records a training of two topics (2 + 1.5 学时) that the one deputy of workbookData attended, and
// one without topics he asked for leave at.
func addTraining(t *testing.T, db *store.DB) {
	t.Helper()
	ctx := context.Background()
	deps, _, err := db.Deputies(ctx, store.DeputyFilter{})
	if err != nil || len(deps) != 1 {
		t.Fatalf("deputies %v %v", deps, err)
	}
	for _, x := range []struct {
		title  string
		start  store.Date
		status string
		topics store.TrainingTopics
	}{
		{"代表履职培训", "2024-03-01", "出席", store.TrainingTopics{{Topic: "代表法解读", Trainer: "县人大法工委 周明", Hours: 2}, {Topic: "建议写作", Hours: 1.5}}},
		{"农业实用技术", "2024-09-01", "请假", nil},
	} {
		m := store.Meeting{Kind: store.MeetingTraining, Title: x.title, Start: x.start}
		if err := db.SaveMeeting(ctx, &m); err != nil {
			t.Fatal(err)
		}
		if err := db.SaveMeetingDetail(ctx, m.ID, store.MeetingDetail{Attendance: []store.Attendance{{DeputyID: deps[0].ID, Status: x.status}}}); err != nil {
			t.Fatal(err)
		}
		if x.topics != nil {
			if err := db.SaveTrainingTopics(ctx, m.ID, x.topics); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// The workbook's 培训学习 sheet: each training with its topics, trainers, hours and attendance, the 合计 row and
// the summary with 人均学时 under it.
func TestWorkbookTraining(t *testing.T) {
	db, st := workbookData(t)
	addTraining(t, db)
	x, _ := writeYear(t, db, st, 2024, 1)
	sheet := TableName("TTraining") + " 培训学习"
	if TableNumber("TTraining") != TableNumber("T24")+1 {
		t.Fatalf("培训学习 is 表%d, 年度计划执行 表%d: the new tables go at the end", TableNumber("TTraining"), TableNumber("T24"))
	}
	row := findRow(t, x, sheet, map[int]string{3: "代表履职培训"})
	if shown, _ := cellOf(t, x, sheet, "D", row); shown != "代表法解读(2学时)；建议写作(1.5学时)" {
		t.Fatalf("专题 %q", shown)
	}
	if shown, _ := cellOf(t, x, sheet, "F", row); shown != "3.5" {
		t.Fatalf("学时 %q", shown)
	}
	wantNumber(t, x, sheet, "G", row, "1", "1")
	row = findRow(t, x, sheet, map[int]string{3: "农业实用技术"})
	if shown, _ := cellOf(t, x, sheet, "F", row); shown != "未登记" {
		t.Fatalf("a training without topics: 学时 %q", shown)
	}
	wantNumber(t, x, sheet, "H", row, "1", "1") // 请假
	rows, err := x.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var note string
	for _, r := range rows {
		if len(r) > 0 && len(r[0]) > 40 {
			note = r[0]
		}
	}
	wantIn(t, note, "培训2次，参训1人次；代表学时合计3.5，期内在任代表1人，人均学时3.5。", "请假、缺席不计")
}

// `print training`: the trainings, then the deputy's hours (出席 counts, 请假 does not), read back from the PDF.
func TestTrainingTablePDF(t *testing.T) {
	needPoppler(t)
	db, st := workbookData(t)
	addTraining(t, db)
	f, err := db.Training(context.Background(), "2024-01-01", "2024-12-31")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "培训.pdf")
	if err := TrainingTable(path, st, 2024, "2024-12-31", f, "2025-01-05"); err != nil {
		t.Fatal(err)
	}
	checkPDF(t, path)
	text := squeeze(pdfText(t, path, "-raw"))
	wantIn(t, text, "青山镇人大主席团2024年度代表培训学习情况表", "（统计截至2024年12月31日）",
		"12024年3月1日代表履职培训代表法解读(2学时)；建议写作(1.5学时)县人大法工委周明3.51000",
		"22024年9月1日农业实用技术未登记0100", "代表培训学时", "1李堃13.5", "第1页共1页", "2025年1月5日")
}

// The printed 履职档案 says the trainings attended and their hours (出席 only: the 请假 one is not counted).
func TestDeputyFileTrainingHours(t *testing.T) {
	needPoppler(t)
	db, st := workbookData(t)
	addTraining(t, db)
	recs, err := db.DeputyRecords(context.Background(), 2024)
	if err != nil || len(recs) != 1 {
		t.Fatalf("records %d %v", len(recs), err)
	}
	path := filepath.Join(t.TempDir(), "履职档案.pdf")
	if err := DeputyFile(path, st, recs, 2024, "2024-12-31"); err != nil {
		t.Fatal(err)
	}
	wantIn(t, squeeze(pdfText(t, path, "-raw")), "其中出席培训学习1次、计3.5学时。")
}
