package export

import (
	"bytes"
	"compress/zlib"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"rendadesk/store"
)

// pdfPages returns the text of every page of a PDF, through pdftotext (poppler-utils; `make test` installs it).
func pdfPages(t *testing.T, path string) []string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (apt install poppler-utils)")
	}
	b, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(b), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// yearReport is the report of a year of the hand-counted data, with every list, as the 报表 tab and
// `rendadesk export` read it, printed with the settings st.
func yearReport(t *testing.T, db *store.DB, st store.Settings, year int) Report {
	t.Helper()
	rep, err := db.LoadReport(context.Background(), store.Date(fmt.Sprintf("%d-01-01", year)), store.Date(fmt.Sprintf("%d-12-31", year)), "")
	if err != nil {
		t.Fatal(err)
	}
	rep.Settings, rep.Made = st, time.Date(2025, 1, 6, 9, 0, 0, 0, time.Local)
	return Report{ReportData: rep}
}

var pageFooter = regexp.MustCompile(`第 (\d+) 页 共 (\d+) 页`)

// checkFooters checks 「第 i 页 共 n 页」 on every page.
func checkFooters(t *testing.T, pages []string) {
	t.Helper()
	for i, p := range pages {
		m := pageFooter.FindStringSubmatch(p)
		if m == nil || m[1] != strconv.Itoa(i+1) || m[2] != strconv.Itoa(len(pages)) {
			t.Errorf("page %d footer %v, want 第 %d 页 共 %d 页", i+1, m, i+1, len(pages))
		}
	}
}

// The hand-counted year in the PDF: the cover, T2's 合计 row with 解决率 56.5%, 列入计划 26.1%, 留作参考 17.4%
// (the same strings as the workbook and the text), every table, and the page numbers.
func TestReportPDFHandCounted(t *testing.T) {
	db, st := workbookData(t)
	r := yearReport(t, db, st, 2024)
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := ReportPDF(path, r); err != nil {
		t.Fatal(err)
	}
	pages := pdfPages(t, path)
	checkFooters(t, pages)
	all := strings.Join(pages, "\n")
	cover := pages[0]
	for _, want := range []string{"青山镇人大主席团", "2024年度工作统计报表", "统计时段：    2024年1月1日至12月31日", "数据截至：    2024年12月31日",
		"陈文", "2025年1月6日", "目", "表14 镇人民代表大会会议情况表", "表15 群众来信来访情况统计表", "表16 代表“家站点”接待选民情况统计表", "表18 整改清单(销号台账)"} {
		if !strings.Contains(cover, want) {
			t.Errorf("cover lacks %q:\n%s", want, cover)
		}
	}
	t2 := regexp.MustCompile(`合计\s+23\s+100\.0%\s+13\s+0\s+6\s+4\s+0\s+56\.5%\s+26\.1%\s+17\.4%`)
	if !t2.MatchString(all) {
		t.Errorf("T2 合计 row not found with 23 items and 56.5%%/26.1%%/17.4%%")
	}
	for _, tab := range r.tables() {
		if !strings.Contains(all, tab.title()) {
			t.Errorf("no %s in the PDF", tab.title())
		}
	}
	// The rates in the report text are in the PDF.
	text := ReportText(st, r.Figures)
	if !strings.Contains(text, "解决率为56.5%") || !strings.Contains(all, "56.5%") {
		t.Errorf("text and PDF disagree on 解决率")
	}
	// The ledger row of the formula-like title is printed as written.
	if !strings.Contains(all, formulaTitle) {
		t.Errorf("the title %q is missing from the ledger", formulaTitle)
	}
	// The pie's legend gives the shares by the same rounding.
	if !regexp.MustCompile(`已解决\s+13件\s+56\.5%`).MatchString(all) {
		t.Errorf("the pie legend lacks 已解决 13件 56.5%%")
	}
}

// An empty year: every rate prints 「—」 and nothing breaks.
func TestReportPDFEmptyYear(t *testing.T) {
	db, st := workbookData(t)
	r := yearReport(t, db, st, 2023)
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := ReportPDF(path, r); err != nil {
		t.Fatal(err)
	}
	pages := pdfPages(t, path)
	checkFooters(t, pages)
	all := strings.Join(pages, "\n")
	if !regexp.MustCompile(`合计\s+0\s+—\s+0\s+0\s+0\s+0\s+0\s+—\s+—\s+—`).MatchString(all) {
		t.Errorf("T2 合计 of an empty year should read 0 and —")
	}
	if strings.Contains(all, "NaN") || strings.Contains(all, "Inf") {
		t.Errorf("an empty year prints NaN or Inf")
	}
}

// A 1 000-row ledger runs over many pages, each starting with the header row; no row is lost.
func TestReportPDFLongLedger(t *testing.T) {
	st := store.Settings{OfficeName: "青山镇人大主席团", Township: "青山镇", TownWord: "镇", BodyWord: "主席团", Precision: 1}
	r := Report{ReportData: store.ReportData{Settings: st, Figures: store.Figures{From: "2024-01-01", To: "2024-12-31", AsOf: "2024-12-31", Precision: 1}}}
	for i := 1; i <= 1000; i++ {
		r.Ledger = append(r.Ledger, store.LedgerItem{Suggestion: store.Suggestion{Number: fmt.Sprintf("2024-%04d", i), Period: store.PeriodRecess,
			Kind: store.KindSuggestion, Received: "2024-03-01", Title: fmt.Sprintf("关于第%d条道路硬化和路灯安装的建议", i),
			LeadDeputyName: "李堃", Category: "城乡建设", MainUnitName: "镇城建办", State: "办理中"},
			AsOf: store.ItemAsOf{State: "办理中", Assigned: "2024-03-05"}})
	}
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := ReportPDF(path, r); err != nil {
		t.Fatal(err)
	}
	pages := pdfPages(t, path)
	checkFooters(t, pages)
	seen := map[string]bool{}
	ledgerPages := 0
	number := regexp.MustCompile(`2024-\d{4}`)
	for i, p := range pages {
		nums := number.FindAllString(p, -1)
		if len(nums) == 0 {
			continue
		}
		ledgerPages++
		head := strings.Index(p, "编号")
		first := strings.Index(p, nums[0])
		// The header row: its first and last columns (a narrow header such as 办理结果 may wrap).
		if head < 0 || head > first || !strings.Contains(p[head:first], "状态") {
			t.Errorf("page %d: ledger rows without the header row above them", i+1)
		}
		for _, n := range nums {
			seen[n] = true
		}
	}
	if len(seen) != 1000 {
		t.Errorf("%d distinct numbers printed, want 1000", len(seen))
	}
	if ledgerPages < 20 {
		t.Errorf("the ledger took %d pages; 1 000 rows should take more than 20", ledgerPages)
	}
}

// The same 1 000-row ledger in the workbook: every row a row, and rows 1–3 repeated on every printed page.
func TestWorkbookLongLedger(t *testing.T) {
	st := store.Settings{OfficeName: "青山镇人大主席团", Township: "青山镇", TownWord: "镇", BodyWord: "主席团", Precision: 1}
	r := Report{ReportData: store.ReportData{Settings: st, Figures: store.Figures{From: "2024-01-01", To: "2024-12-31", AsOf: "2024-12-31", Precision: 1}}}
	for i := 1; i <= 1000; i++ {
		r.Ledger = append(r.Ledger, store.LedgerItem{Suggestion: store.Suggestion{Number: fmt.Sprintf("2024-%04d", i), Title: "=SUM(A1:A9)"}})
	}
	path := filepath.Join(t.TempDir(), "r.xlsx")
	if err := WorkbookYear(path, r); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows(sheetT4)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 1003 || rows[1002][0] != "2024-1000" || len(rows[1003]) > 0 && rows[1003][0] != "" {
		t.Fatalf("T4 has %d rows", len(rows))
	}
	if f, _ := x.GetCellFormula(sheetT4, "E1003"); f != "" {
		t.Errorf("a title became the formula %q", f)
	}
	ok := false
	for _, dn := range x.GetDefinedName() {
		ok = ok || dn.Name == "_xlnm.Print_Titles" && dn.Scope == sheetT4 && strings.HasSuffix(dn.RefersTo, "!$1:$3")
	}
	if !ok {
		t.Error("T4 does not repeat its header rows on printed pages")
	}
}

// pdfFontSizes reads the type sizes a PDF draws text at: the size of the last 「/F1 9.00 Tf」 before each text
// shown (Tj, TJ) in its page streams, inflated. A size set and not drawn with (fpdf sets one to measure
// strings) does not count.
func pdfFontSizes(t *testing.T, path string) []float64 {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	op := regexp.MustCompile(`/F\w+ ([0-9.]+) Tf|\)\s*Tj|\]\s*TJ`)
	var sizes []float64
	for rest := b; ; {
		i := bytes.Index(rest, []byte("stream\n"))
		if i < 0 {
			break
		}
		rest = rest[i+len("stream\n"):]
		j := bytes.Index(rest, []byte("endstream"))
		if j < 0 {
			break
		}
		body := rest[:j]
		rest = rest[j+len("endstream"):]
		if r, err := zlib.NewReader(bytes.NewReader(body)); err == nil {
			if inflated, err := io.ReadAll(r); err == nil {
				body = inflated
			}
		}
		size := -1.0
		for _, m := range op.FindAllSubmatch(body, -1) {
			if len(m[1]) > 0 {
				size, _ = strconv.ParseFloat(string(m[1]), 64)
			} else if size >= 0 {
				sizes = append(sizes, size)
			}
		}
	}
	return sizes
}

// Nothing in the report's PDF is set below 8 pt: the demo township's year, whose wide tables (T4, T6, T7, T9)
// print with their columns in parts rather than smaller.
func TestReportPDFNothingBelowMinimum(t *testing.T) {
	db := demoStore(t)
	rep, err := db.LoadReport(context.Background(), "2024-01-01", "2024-12-31", "2024-11-30")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := ReportPDF(path, Report{ReportData: rep}); err != nil {
		t.Fatal(err)
	}
	sizes := pdfFontSizes(t, path)
	if len(sizes) < 100 {
		t.Fatalf("only %d type sizes read from the PDF", len(sizes))
	}
	smallest := slices.Min(sizes)
	if smallest < minPrintPt {
		t.Errorf("type set at %.2f pt", smallest)
	}
	t.Logf("%d type settings, the smallest %.2f pt", len(sizes), smallest)
	// The wide tables are printed in parts, each part saying so.
	all := strings.Join(pdfPages(t, path), "\n")
	if !strings.Contains(all, "(续，第2部分，") {
		t.Errorf("no table printed in parts")
	}
}
