package export

import (
	"context"
	"path/filepath"
	"testing"
)

// The workbook's 工作规则执行情况 sheet: the one session held counts for the yearly rule, the quarterly
// 主席团会议 with none held is short in every quarter, and a rule switched off is not listed.
func TestWorkbookCompliance(t *testing.T) {
	db, st := workbookData(t)
	ctx := context.Background()
	rules, err := db.WorkRules(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rules {
		if r.Name == "政情通报" {
			r.Enabled = false
			if err := db.SaveWorkRule(ctx, &r); err != nil {
				t.Fatal(err)
			}
		}
	}
	x, _ := writeYear(t, db, st, 2024, 1)
	sheet := TableName("T22") + " 工作规则执行"
	row := findRow(t, x, sheet, map[int]string{2: "人民代表大会会议"})
	wantNumber(t, x, sheet, "D", row, "1", "1")
	wantNumber(t, x, sheet, "E", row, "1", "1")
	wantNumber(t, x, sheet, "F", row, "0", "0")
	row = findRow(t, x, sheet, map[int]string{2: "主席团会议", 3: "每季度至少1次"})
	wantNumber(t, x, sheet, "D", row, "4", "4")
	wantNumber(t, x, sheet, "E", row, "0", "0")
	wantNumber(t, x, sheet, "F", row, "4", "4")
	if shown, _ := cellOf(t, x, sheet, "H", row); shown != "第一季度、第二季度、第三季度、第四季度" {
		t.Fatalf("主席团会议 missed %q", shown)
	}
	rows, err := x.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if len(r) > 1 && r[1] == "政情通报" {
			t.Fatal("a rule switched off is in the sheet")
		}
	}
}

// `print compliance`: the table and each rule's records, read back from the PDF.
func TestComplianceTablePDF(t *testing.T) {
	needPoppler(t)
	db, st := workbookData(t)
	ctx := context.Background()
	rows, err := db.Compliance(ctx, 2024, "2024-12-31")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "执行情况.pdf")
	if err := ComplianceTable(path, st, 2024, "2024-12-31", rows, "2025-01-05"); err != nil {
		t.Fatal(err)
	}
	checkPDF(t, path)
	text := squeeze(pdfText(t, path, "-raw"))
	wantIn(t, text, "青山镇人大主席团2024年度工作规则执行情况", "（统计截至2024年12月31日）",
		"2主席团会议每季度至少1次4040第一季度、第二季度、第三季度、第四季度",
		"人民代表大会会议（每年至少1次）：计入1次", "2024年1月20日青山镇第十八届人民代表大会第三次会议全年",
		"主席团会议（每季度至少1次）：计入0次", "2025年1月5日")
}

// The workbook's 履职积分 sheet: the one deputy, who led the 24 suggestions and did nothing else recorded,
// scores 24 × 5 = 120 by the seeded points, and the rules are printed under the table.
func TestWorkbookDutyScores(t *testing.T) {
	db, st := workbookData(t)
	x, _ := writeYear(t, db, st, 2024, 1)
	sheet := TableName("T23") + " 履职积分"
	row := findRow(t, x, sheet, map[int]string{1: "1", 2: "李堃"})
	wantNumber(t, x, sheet, "H", row, "24", "24") // 领衔提出建议(件)
	wantNumber(t, x, sheet, "N", row, "120", "120")
	rows, err := x.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var note string
	for _, r := range rows {
		if len(r) > 0 && len(r[0]) > 20 {
			note = r[0]
		}
	}
	wantIn(t, note, "积分规则：出席会议和活动每次2分", "缺席每次扣2分", "排名仅供评先评优参考")
}
