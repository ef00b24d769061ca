package export

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rendadesk/store"
)

// BenchmarkWorkbookTables writes a workbook of the shape of a large office's year, without a database: a
// 10 000-row ledger (text of every length, counts, rates, a 合计 row and a summary line across the table),
// a 2 000-row roster and a small table with two charts. It times the workbook alone, the branch of the
// yearly export that BenchmarkYearExport (ui/cli) times with the PDF beside it; cpu-ms/op is the process's CPU.
func BenchmarkWorkbookTables(b *testing.B) {
	tables, r := benchTables(strings.Repeat("关于加快推进村道硬化和路灯安装的建议，", 4))
	dir := b.TempDir()
	cpu := store.ProcessCPU()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := writeWorkbook(filepath.Join(dir, "wb.xlsx"), r, tables, "2025年度工作统计"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((store.ProcessCPU()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// benchTables are the tables and report of BenchmarkWorkbookTables and BenchmarkReportTablesPDF: a large office's
// year in three tables, the ledger's titles cut from long.
func benchTables(long string) ([]rtable, Report) {
	ledger := rtable{no: 4, name: "办理情况一览表", heading: "代表建议办理情况一览表", landscape: true, keyCols: 1,
		headers: []string{"编号", "提出人", "标题", "类别", "承办单位", "交办日期", "办结日期", "办理结果", "满意度(%)", "件数(件)"}}
	for i := 0; i < 10000; i++ {
		ledger.rows = append(ledger.rows, trow{cells: []any{fmt.Sprintf("2025-%04d", i+1), "李堃", long[:3*(10+i%40)],
			"社会保障和改善民生", "镇城建办", "2025-03-01", "2025-06-30", "已解决", store.Rate{Num: i % 7, Den: 7}, i % 5}})
	}
	ledger.rows = append(ledger.rows, trow{cells: []any{"合计", nil, nil, nil, nil, nil, nil, nil, store.Rate{Num: 5, Den: 9}, 20000},
		total: true}, trow{cells: []any{"合计 10000 件：已解决 7000 件，列入计划解决 2000 件，留作参考 1000 件。"}, span: true})
	roster := rtable{no: 7, name: "代表名册", heading: "代表名册", landscape: true, keyCols: 2,
		headers: []string{"序号", "姓名", "性别", "出生年月", "民族", "政治面貌", "工作单位及职务", "选区", "联系电话"}}
	for i := 0; i < 2000; i++ {
		roster.rows = append(roster.rows, trow{cells: []any{i + 1, "王秀英", "女", "1975-03", "汉族", "中共党员",
			"青山镇青山村党支部书记、村委会主任", fmt.Sprintf("第%d选区", i%30+1), "13812345678"}})
	}
	small := rtable{no: 2, name: "会期建议分类及办理结果", heading: "会期建议分类及办理结果",
		headers: []string{"类别", "件数", "已解决", "列入计划解决", "留作参考", "解决率"},
		charts: []rchart{{kind: "pie", title: "办理结果", across: true, row: 3, from: 2, to: 4},
			{kind: "bar", title: "各类别件数", col: 1, from: 0, to: 2}}}
	for _, c := range []string{"生态建设", "社会管理", "社会保障和改善民生"} {
		small.rows = append(small.rows, trow{cells: []any{c, 9, 5, 3, 1, store.Rate{Num: 5, Den: 9}}})
	}
	small.rows = append(small.rows, trow{cells: []any{"合计", 27, 15, 9, 3, store.Rate{Num: 15, Den: 27}}, total: true})
	var r Report
	r.Settings.OfficeName, r.Settings.ClerkName, r.Figures.Precision = "青山镇人大主席团", "陈文", 1
	r.Made = time.Date(2026, 1, 5, 9, 0, 0, 0, time.Local)
	return []rtable{small, ledger, roster}, r
}
