package export

import (
	"context"
	"path/filepath"
	"testing"

	"rendadesk/store"
)

// workPlanData is the workbook's office with the 2024 plan drafted from the rules, one 主席团会议 held and
// linked, a topic added by hand and one item cancelled.
func workPlanData(t *testing.T) (*store.DB, store.Settings, []store.PlanItem) {
	t.Helper()
	db, st := workbookData(t)
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, _, err := db.DraftPlan(ctx, 2024)
	must(err)
	topic := store.PlanItem{Year: 2024, Kind: store.PlanSupervision, Title: "视察农村公路建设", Month: 5, Owner: "张副主席"}
	dropped := store.PlanItem{Year: 2024, Kind: store.PlanOther, Title: "人大工作研讨会", Quarter: 3}
	must(db.SavePlanItem(ctx, &topic))
	must(db.SavePlanItem(ctx, &dropped))
	must(db.CancelPlanItem(ctx, dropped.ID, "2024-07-01", "并入县人大统一安排"))
	m := store.Meeting{Kind: store.MeetingPresidium, Title: "第一季度主席团会议", Start: "2024-03-10"}
	must(db.SaveMeeting(ctx, &m))
	items, err := db.PlanItems(ctx, 2024)
	must(err)
	for _, p := range items {
		if p.Title == "主席团会议" && p.Quarter == 1 {
			must(db.LinkPlanItem(ctx, p.ID, store.LinkMeeting, m.ID))
		}
		if p.Title == "人民代表大会会议" {
			c, err := db.PlanCandidates(ctx, p.ID) // the session of workbookData
			must(err)
			must(db.LinkPlanItem(ctx, p.ID, c[0].Kind, c[0].ID))
		}
	}
	items, err = db.PlanItems(ctx, 2024)
	must(err)
	return db, st, items
}

// The workbook's 年度计划执行 sheet at the year's end: by quarter, the rules' 36 items (the office has no
// deputy group) and the two added; the
// 主席团会议 of March done, the session of January done, the item cancelled in July.
func TestWorkbookPlan(t *testing.T) {
	db, st, _ := workPlanData(t)
	x, _ := writeYear(t, db, st, 2024, 1)
	sheet := TableName("T24") + " 年度计划执行"
	if TableName("T24") != "表21" {
		t.Fatalf("the plan's table is %s, want 表21, after 表20 履职积分", TableName("T24"))
	}
	q1 := findRow(t, x, sheet, map[int]string{1: "第一季度"})
	wantNumber(t, x, sheet, "B", q1, "8", "8") // 主席团会议, 征求意见卡, 3 × (公示, 通报)
	wantNumber(t, x, sheet, "C", q1, "1", "1")
	wantNumber(t, x, sheet, "D", q1, "7", "7")
	wantNumber(t, x, sheet, "G", q1, "0.125", "12.5%")
	q3 := findRow(t, x, sheet, map[int]string{1: "第三季度"})
	wantNumber(t, x, sheet, "G", q3, "0", "0.0%")
	wantNumber(t, x, sheet, "F", q3, "1", "1")
	year := findRow(t, x, sheet, map[int]string{1: "全年安排"})
	wantNumber(t, x, sheet, "B", year, "4", "4") // 人代会, 培训, 视察, 述职
	wantNumber(t, x, sheet, "C", year, "1", "1")
	total := findRow(t, x, sheet, map[int]string{1: "合计"})
	wantNumber(t, x, sheet, "B", total, "38", "38")
	wantNumber(t, x, sheet, "C", total, "2", "2")
	wantNumber(t, x, sheet, "D", total, "35", "35")
	wantNumber(t, x, sheet, "E", total, "0", "0")
	wantNumber(t, x, sheet, "F", total, "1", "1")
}

// `print work-plan`: the 工作要点 read back — the title, the kinds numbered 一、二…, the quarterly rule one line
// 「每季度」, the monthly 「每月」, the hand-added topic with its month and who is responsible, the cancelled item
// absent, the page numbers.
func TestWorkPlanPDF(t *testing.T) {
	needPoppler(t)
	_, st, items := workPlanData(t)
	path := filepath.Join(t.TempDir(), "工作要点.pdf")
	if err := WorkPlan(path, st, 2024, items, "2024-01-15"); err != nil {
		t.Fatal(err)
	}
	checkPDF(t, path)
	text := squeeze(pdfText(t, path, "-raw"))
	wantIn(t, text, "青山镇人大主席团2024年工作要点", "一、会议", "1．人民代表大会会议（全年）", "2．主席团会议（每季度）",
		"二、代表活动", "1．代表述职（全年）", "2．征求意见卡（每季度）", "三、监督", "1．代表视察（全年）", "2．视察农村公路建设（5月）。责任人：张副主席。",
		"四、培训", "五、宣传", "家站点公示（每月）", "第1页共1页", "2024年1月15日")
	wantNotIn(t, text, "人大工作研讨会", "六、其他")
}
