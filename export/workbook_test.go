package export

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"rendadesk/store"
)

// formulaTitle is a suggestion title that a spreadsheet would take for a formula if written carelessly.
const formulaTitle = "=1+2 修路"

// workbookData builds, through the workflow, 23 session items of 2024 (13 已解决, 6 列入计划解决, 4 留作参考:
// 解决率 13/23 = 56.5%) in three categories (6 生态建设, 9 社会管理, 8 社会保障和改善民生) and one
// between-session item whose title starts with "=", still 待交办.
func workbookData(t *testing.T) (*store.DB, store.Settings) {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.Now = func() time.Time { return time.Date(2024, 12, 31, 10, 0, 0, 0, time.Local) }
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	st, err := db.Settings(ctx)
	must(err)
	st.OfficeName, st.Township, st.ClerkName, st.Precision = "青山镇人大主席团", "青山镇", "陈文", 1
	must(db.SaveSettings(ctx, st))
	term := store.Term{Number: 18, Start: "2021-12-01", Current: true}
	must(db.SaveTerm(ctx, &term))
	unit := store.Unit{Name: "镇城建办", Kind: "镇属部门"}
	must(db.SaveUnit(ctx, &unit))
	dep := store.Deputy{Name: "李堃", Gender: "男", Levels: []string{store.LevelTown}, TermID: term.ID, Phone: "13812345678"}
	must(db.SaveDeputy(ctx, &dep))
	session := store.Meeting{Kind: store.MeetingCongress, Title: store.CongressTitle("青山镇", 18, 3), TermID: term.ID,
		SessionNo: 3, Start: "2024-01-20"}
	must(db.SaveMeeting(ctx, &session))
	station := store.Station{Name: "青山村代表联络站", Type: "代表联络站", Opened: "2022-05-01", Stars: 3,
		Haves: [6]bool{true, true, true, true, true, true}, DeputyIDs: []int64{dep.ID}}
	must(db.SaveStation(ctx, &station))
	var ids []int64
	for i := 1; i <= 23; i++ {
		cat := "生态建设"
		switch {
		case i >= 16:
			cat = "社会保障和改善民生"
		case i >= 7:
			cat = "社会管理"
		}
		s := store.Suggestion{Kind: store.KindSuggestion, Period: store.PeriodSession, SessionID: session.ID, Source: "代表提出",
			LeadDeputyID: dep.ID, Title: fmt.Sprintf("会期建议%d", i), Category: cat, Scope: store.LevelTown, Received: "2024-01-20"}
		must(db.SaveSuggestion(ctx, &s))
		ids = append(ids, s.ID)
	}
	must(db.AssignMany(ctx, ids, store.AssignInput{MainUnitID: unit.ID, Date: "2024-02-01"}))
	for i, id := range ids {
		outcome := store.OutcomeSolved // S1–S13
		switch {
		case i >= 19:
			outcome = store.OutcomeReference // S20–S23
		case i >= 13:
			outcome = store.OutcomePlanned // S14–S19
		}
		must(db.Reply(ctx, id, store.ReplyInput{Date: "2024-03-01", Method: store.MethodWritten, Content: "答复", Outcome: outcome}))
	}
	odd := store.Suggestion{Kind: store.KindSuggestion, Period: store.PeriodRecess, Source: "代表提出", LeadDeputyID: dep.ID,
		Title: formulaTitle, Category: "城乡建设", Scope: store.LevelTown, Received: "2024-03-10"}
	must(db.SaveSuggestion(ctx, &odd))
	return db, st
}

// writeYear writes the workbook of a year as the 报表 tab does (store.LoadReport) and opens it again.
func writeYear(t *testing.T, db *store.DB, st store.Settings, year int, precision int) (*excelize.File, string) {
	t.Helper()
	rep, err := db.LoadReport(context.Background(), store.YearPeriod(year).From, store.YearPeriod(year).To, "")
	if err != nil {
		t.Fatal(err)
	}
	rep.Settings, rep.Figures.Precision = st, precision
	path := filepath.Join(t.TempDir(), WorkbookName(st, year))
	if err := WorkbookYear(path, Report{ReportData: rep}); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("the workbook does not open again: %v", err)
	}
	t.Cleanup(func() { x.Close() })
	return x, path
}

// findRow returns the 1-based row whose cells in the given columns (1-based) equal the values, or 0.
func findRow(t *testing.T, x *excelize.File, sheet string, match map[int]string) int {
	t.Helper()
	rows, err := x.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
next:
	for r, row := range rows {
		for c, v := range match {
			if c > len(row) || row[c-1] != v {
				continue next
			}
		}
		return r + 1
	}
	t.Fatalf("%s: no row with %v", sheet, match)
	return 0
}

// cellOf returns the shown value, the raw value and the formula of a cell.
func cellOf(t *testing.T, x *excelize.File, sheet string, col string, row int) (shown, raw string) {
	t.Helper()
	c := fmt.Sprintf("%s%d", col, row)
	shown, err := x.GetCellValue(sheet, c)
	if err != nil {
		t.Fatal(err)
	}
	raw, err = x.GetCellValue(sheet, c, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if f, _ := x.GetCellFormula(sheet, c); f != "" {
		t.Errorf("%s!%s holds a formula %q", sheet, c, f)
	}
	return shown, raw
}

func wantNumber(t *testing.T, x *excelize.File, sheet, col string, row int, raw, shown string) {
	t.Helper()
	s, r := cellOf(t, x, sheet, col, row)
	if r != raw || s != shown {
		t.Errorf("%s!%s%d = %q (raw %q), want %q (raw %q)", sheet, col, row, s, r, shown, raw)
	}
	if typ, _ := x.GetCellType(sheet, fmt.Sprintf("%s%d", col, row)); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("%s!%s%d is of type %v, want a number", sheet, col, row, typ)
	}
}

const (
	sheetT1 = "表1 主要数据"
	sheetT2 = "表2 会期建议分类及办理结果"
	sheetT4 = "表4 办理情况一览表"
)

// The hand-counted year in the cells: T2's 合计 row and its rates, the same rates in T1, percent cells as
// numbers shown with the office's decimals.
func TestWorkbookYearHandCounted(t *testing.T) {
	db, st := workbookData(t)
	x, path := writeYear(t, db, st, 2024, 1)
	if got := filepath.Base(path); got != "青山镇人大主席团2024年度工作统计.xlsx" {
		t.Errorf("file name %q", got)
	}

	title, _ := x.GetCellValue(sheetT2, "A1")
	if !strings.HasPrefix(title, "青山镇人大主席团2024年度工作统计 — 表2 ") {
		t.Errorf("T2 title %q", title)
	}
	r := findRow(t, x, sheetT2, map[int]string{1: "合计"})
	// 类别 件数 占总数% 已解决 正在解决 列入计划解决 留作参考 未答复 解决率% 列入计划解决% 留作参考%
	for col, want := range map[string]string{"B": "23", "D": "13", "E": "0", "F": "6", "G": "4", "H": "0"} {
		wantNumber(t, x, sheetT2, col, r, want, want)
	}
	wantNumber(t, x, sheetT2, "C", r, "1", "100.0%")
	wantNumber(t, x, sheetT2, "I", r, "0.565", "56.5%")
	wantNumber(t, x, sheetT2, "J", r, "0.261", "26.1%")
	wantNumber(t, x, sheetT2, "K", r, "0.174", "17.4%")
	// A category row: 社会管理 has S7–S13 已解决 and S14–S15 列入计划: 7/9 = 77.8%.
	cr := findRow(t, x, sheetT2, map[int]string{1: "社会管理"})
	wantNumber(t, x, sheetT2, "B", cr, "9", "9")
	wantNumber(t, x, sheetT2, "I", cr, "0.778", "77.8%")
	if cr >= r {
		t.Errorf("category row %d after the 合计 row %d", cr, r)
	}
	if style, _ := x.GetCellStyle(sheetT2, fmt.Sprintf("A%d", r)); style != 0 {
		if s, err := x.GetStyle(style); err != nil || s.Font == nil || !s.Font.Bold || s.Font.Family != "宋体" {
			t.Errorf("合计 row style: %+v %v", s, err)
		}
	} else {
		t.Error("合计 row unstyled")
	}

	// T1: the session's 解决率 with its numerator and denominator, and the definition.
	r1 := findRow(t, x, sheetT1, map[int]string{2: "解决率", 3: store.PeriodSession})
	wantNumber(t, x, sheetT1, "D", r1, "0.565", "56.5%")
	wantNumber(t, x, sheetT1, "F", r1, "13", "13")
	wantNumber(t, x, sheetT1, "G", r1, "23", "23")
	if def, _ := x.GetCellValue(sheetT1, fmt.Sprintf("H%d", r1)); def != store.RateDefs[3].Definition {
		t.Errorf("T1 definition %q", def)
	}
	r1 = findRow(t, x, sheetT1, map[int]string{2: "列入计划解决占比", 3: store.PeriodSession})
	wantNumber(t, x, sheetT1, "D", r1, "0.261", "26.1%")
	r1 = findRow(t, x, sheetT1, map[int]string{2: "收到代表议案、建议、批评和意见(会期)"})
	wantNumber(t, x, sheetT1, "D", r1, "23", "23")

	// T5: one unit with the 23 items, all answered on time.
	r5 := findRow(t, x, "表5 承办单位办理情况", map[int]string{1: "镇城建办"})
	wantNumber(t, x, "表5 承办单位办理情况", "C", r5, "23", "23")
	wantNumber(t, x, "表5 承办单位办理情况", "F", r5, "1", "100.0%")
	wantNumber(t, x, "表5 承办单位办理情况", "H", r5, "0.565", "56.5%")
	if v, _ := x.GetCellValue("表5 承办单位办理情况", fmt.Sprintf("P%d", r5)); v != "—" {
		t.Errorf("T5 满意率 with nothing evaluated = %q, want —", v)
	}

	// T3: the one between-session item, 镇级, 待交办.
	r3 := findRow(t, x, "表3 闭会期间来源及层面", map[int]string{1: "合计"})
	wantNumber(t, x, "表3 闭会期间来源及层面", "B", r3, "1", "1")
	wantNumber(t, x, "表3 闭会期间来源及层面", "E", r3, "1", "1") // 市级 县级 镇级 …
	if v, _ := x.GetCellValue("表3 闭会期间来源及层面", fmt.Sprintf("C%d", 3)); v != "市级层面" {
		t.Errorf("T3 C3 = %q", v)
	}
	if v, _ := x.GetCellValue("表3 闭会期间来源及层面", fmt.Sprintf("I%d", r3)); v != "0.0%" {
		t.Errorf("T3 办理或答复率 = %q, want 0.0%%", v)
	}
}

// Two decimals in the settings show two decimals, from the same rounding as Rate.Percent.
func TestWorkbookYearPrecision(t *testing.T) {
	db, st := workbookData(t)
	x, _ := writeYear(t, db, st, 2024, 2)
	r := findRow(t, x, sheetT2, map[int]string{1: "合计"})
	wantNumber(t, x, sheetT2, "I", r, "0.5652", "56.52%")
	x0, _ := writeYear(t, db, st, 2024, 0)
	wantNumber(t, x0, sheetT2, "I", r, "0.57", "57%")
}

// A year without items: every rate is the text 「—」, never 0% or NaN.
func TestWorkbookYearEmpty(t *testing.T) {
	db, st := workbookData(t)
	x, _ := writeYear(t, db, st, 2023, 1)
	r := findRow(t, x, sheetT2, map[int]string{1: "合计"})
	wantNumber(t, x, sheetT2, "B", r, "0", "0")
	for _, col := range []string{"C", "I", "J", "K"} {
		shown, raw := cellOf(t, x, sheetT2, col, r)
		if shown != "—" || raw != "—" {
			t.Errorf("empty year T2 %s%d = %q (raw %q), want —", col, r, shown, raw)
		}
	}
	for _, d := range store.RateDefs {
		r1 := findRow(t, x, sheetT1, map[int]string{2: d.Name, 3: "全年"})
		if v, _ := x.GetCellValue(sheetT1, fmt.Sprintf("D%d", r1)); v != "—" {
			t.Errorf("empty year T1 %s = %q, want —", d.Name, v)
		}
	}
	// Every table keeps its sheet and number; the ledger says it has nothing.
	if len(x.GetSheetList()) != len(reportTables) {
		t.Errorf("sheets %v", x.GetSheetList())
	}
	findRow(t, x, sheetT4, map[int]string{1: "本期没有收到代表建议和选民意见建议。"})
}

// Text starting with "=" stays text; the sheets are valid and set up; the charts are native chart parts.
func TestWorkbookYearStructure(t *testing.T) {
	db, st := workbookData(t)
	x, path := writeYear(t, db, st, 2024, 1)

	r := findRow(t, x, sheetT4, map[int]string{5: formulaTitle})
	cell := fmt.Sprintf("E%d", r)
	if f, err := x.GetCellFormula(sheetT4, cell); err != nil || f != "" {
		t.Errorf("ledger title became a formula %q (%v)", f, err)
	}
	if v, _ := x.GetCellValue(sheetT4, cell, excelize.Options{RawCellValue: true}); v != formulaTitle {
		t.Errorf("ledger title = %q", v)
	}
	if typ, _ := x.GetCellType(sheetT4, cell); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
		t.Errorf("ledger title type %v, want a string", typ)
	}
	if n := len(findAll(t, x, sheetT4, 2)); n != 24 {
		t.Errorf("ledger rows = %d, want 24", n)
	}

	// T6, T7, T9: the one deputy in office and the one station meeting all of 「六个有」.
	r6 := findRow(t, x, "表6 代表构成", map[int]string{1: "合计(每人计一次)"})
	wantNumber(t, x, "表6 代表构成", "B", r6, "1", "1")
	wantNumber(t, x, "表6 代表构成", "E", r6, "1", "1") // 男
	findRow(t, x, "表7 代表名册", map[int]string{2: "李堃", 12: "13812345678"})
	r9 := findRow(t, x, "表8 家站点建设情况", map[int]string{1: "青山村代表联络站"})
	wantNumber(t, x, "表8 家站点建设情况", "F", r9, "1", "1")
	if v, _ := x.GetCellValue("表8 家站点建设情况", fmt.Sprintf("M%d", r9)); v != "是" {
		t.Errorf("T9 六个有达标 = %q", v)
	}
	findRow(t, x, "表8 家站点建设情况", map[int]string{1: "合计", 2: "在用 1 个", 13: "1 个"})

	// Every table has its sheet, numbered without gaps in workbook order; the T-codes are not printed.
	want := []string{sheetT1, sheetT2, "表3 闭会期间来源及层面", sheetT4, "表5 承办单位办理情况", "表6 代表构成", "表7 代表名册",
		"表8 家站点建设情况", "表9 代表履职情况", "表10 述职评议", "表11 评议测评结果", "表12 视察调研执法检查", "表13 主席团会议", "表14 人民代表大会会议",
		"表15 信访情况", "表16 家站点接待", "表17 民生实事", "表18 整改销号台账", "表19 工作规则执行", "表20 履职积分",
		"表21 年度计划执行", "表22 培训学习", "表23 宣传信息", "表24 评先评优"} // issue 22
	got := x.GetSheetList()
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sheets %q, want %q", got, want)
	}
	names := map[string]bool{}
	for _, dn := range x.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			names[dn.Scope] = true
			if !strings.HasSuffix(dn.RefersTo, "!$1:$3") {
				t.Errorf("print titles of %s: %s", dn.Scope, dn.RefersTo)
			}
		}
	}
	for _, s := range got {
		if len([]rune(s)) > 31 || strings.ContainsAny(s, `:\/?*[]：`) || SheetName(s) != s {
			t.Errorf("invalid sheet name %q", s)
		}
		if !names[s] {
			t.Errorf("%s: no repeated header rows for printing", s)
		}
		panes, err := x.GetPanes(s)
		if err != nil || !panes.Freeze || panes.YSplit != 3 {
			t.Errorf("%s: header not frozen: %+v %v", s, panes, err)
		}
		merged, _ := x.GetMergeCells(s)
		if !slices.ContainsFunc(merged, func(m excelize.MergeCell) bool { return m.GetStartAxis() == "A1" }) {
			t.Errorf("%s: title not merged: %v", s, merged)
		}
		if v, _ := x.GetCellValue(s, "A1"); regexp.MustCompile(`T\d`).MatchString(v) {
			t.Errorf("%s: the title names an internal code: %q", s, v)
		}
		// A4, fitted to the width or at a fixed scale in parts (TestWorkbookPrintsNothingBelowMinimum checks the size).
		layout, err := x.GetPageLayout(s)
		fit := layout.FitToWidth != nil && *layout.FitToWidth == 1
		scaled := layout.AdjustTo != nil && *layout.AdjustTo >= splitScale
		if err != nil || layout.Size == nil || *layout.Size != 9 || !fit && !scaled {
			t.Errorf("%s: not set up for A4: %+v %v", s, layout, err)
		}
		if w, _ := x.GetColWidth(s, "B"); w < 6 {
			t.Errorf("%s: column B width %v", s, w)
		}
	}
	// The 会期建议分类 column holds 「社会保障和改善民生」 (9 Chinese characters): wide enough for it.
	if w, _ := x.GetColWidth(sheetT2, "A"); w < displayWidth("社会保障和改善民生") {
		t.Errorf("T2 column A width %v too narrow", w)
	}

	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	parts := map[string]string{}
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "xl/charts/") || strings.HasPrefix(f.Name, "xl/drawings/") {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
			parts[f.Name] = string(b)
		}
	}
	for _, p := range []string{"xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/charts/chart3.xml", "xl/drawings/drawing1.xml",
		"xl/drawings/drawing2.xml"} {
		if _, ok := parts[p]; !ok {
			t.Errorf("no %s in the package (parts: %v)", p, keys(parts))
		}
	}
	if c := parts["xl/charts/chart1.xml"]; !strings.Contains(c, "pieChart") || !strings.Contains(c, "$D$3:$H$3") {
		t.Errorf("chart1 is not the outcome pie over the T2 header")
	}
	if c := parts["xl/charts/chart2.xml"]; !strings.Contains(c, "barChart") {
		t.Errorf("chart2 is not the category bar chart")
	}
	if c := parts["xl/charts/chart3.xml"]; !strings.Contains(c, "barChart") || !strings.Contains(c, "$F$4:$F$4") {
		t.Errorf("chart3 is not the per-unit 按期办结率 bar chart")
	}

	// LibreOffice, when installed, converts it without complaint.
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Log("soffice not installed: conversion to PDF not checked")
		return
	}
	out := t.TempDir()
	cmd := exec.Command(soffice, "--headless", "--convert-to", "pdf", "--outdir", out, path)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	pdf := filepath.Join(out, strings.TrimSuffix(filepath.Base(path), ".xlsx")+".pdf")
	if fi, err := os.Stat(pdf); err != nil || fi.Size() == 0 {
		t.Errorf("no PDF from soffice: %v", err)
	}
}

// findAll returns the data rows (from row 4) whose cell in col (1-based) is not empty.
func findAll(t *testing.T, x *excelize.File, sheet string, col int) []int {
	t.Helper()
	rows, err := x.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var out []int
	for r := 3; r < len(rows); r++ {
		if col <= len(rows[r]) && rows[r][col-1] != "" {
			out = append(out, r+1)
		}
	}
	return out
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// The package as Excel reads it, beyond what excelize forgives: each sheet's column widths in column order
// (Excel offers to repair a file whose <col> elements are out of order), and the workbook opening on 表1 —
// its tab the one selected, and no other.
func TestWorkbookYearOpensOnFirstSheet(t *testing.T) {
	db, st := workbookData(t)
	x, path := writeYear(t, db, st, 2024, 1)
	if i := x.GetActiveSheetIndex(); i != 0 {
		t.Errorf("active sheet %d, want 0 (表1)", i)
	}
	read := func(name string) string { return partOf(t, path, name) }
	rels := read("xl/_rels/workbook.xml.rels")
	target := map[string]string{} // relationship id → part
	for _, m := range regexp.MustCompile(`<Relationship [^>]*>`).FindAllString(rels, -1) {
		id := regexp.MustCompile(`Id="([^"]+)"`).FindStringSubmatch(m)
		to := regexp.MustCompile(`Target="([^"]+)"`).FindStringSubmatch(m)
		if id != nil && to != nil {
			target[id[1]] = "xl/" + strings.TrimPrefix(to[1], "/xl/")
		}
	}
	sheets := regexp.MustCompile(`<sheet [^>]*r:id="([^"]+)"`).FindAllStringSubmatch(read("xl/workbook.xml"), -1)
	if len(sheets) != len(reportTables) {
		t.Fatalf("%d sheets in workbook.xml, want %d", len(sheets), len(reportTables))
	}
	for i, s := range sheets {
		part := target[s[1]]
		xml := read(part)
		selected := regexp.MustCompile(`<sheetView [^>]*tabSelected="(1|true)"`).MatchString(xml)
		if selected != (i == 0) {
			t.Errorf("sheet %d (%s): tab selected %v", i+1, part, selected)
		}
		if err := colsInOrder(xml); err != nil {
			t.Errorf("sheet %d (%s): %v", i+1, part, err)
		}
	}
}

// partOf is the text of one part of the package at path.
func partOf(t *testing.T, path, name string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatalf("no %s in %s", name, path)
	return ""
}

// colsInOrder checks that a worksheet's column widths (<col min max>) come in column order without overlap, as
// Excel expects them, and that there are some.
func colsInOrder(sheetXML string) error {
	prev := 0
	for _, m := range regexp.MustCompile(`<col [^>]*>`).FindAllString(sheetXML, -1) {
		var lo, hi int
		if v := regexp.MustCompile(` min="(\d+)"`).FindStringSubmatch(m); v != nil {
			fmt.Sscan(v[1], &lo)
		}
		if v := regexp.MustCompile(` max="(\d+)"`).FindStringSubmatch(m); v != nil {
			fmt.Sscan(v[1], &hi)
		}
		if lo <= prev || hi < lo {
			return fmt.Errorf("column widths out of order: %s after column %d", m, prev)
		}
		prev = hi
	}
	if prev == 0 {
		return fmt.Errorf("no column widths")
	}
	return nil
}
