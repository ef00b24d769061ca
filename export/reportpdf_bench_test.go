package export

import (
	"path/filepath"
	"strings"
	"testing"

	"rendadesk/store"
)

// BenchmarkReportTablesPDF prints tables of the shape of a large office's year as the yearly report's PDF, without
// a database: a 10 000-row ledger (text of every length and characters fpdf escapes, counts, rates, a bold 合计
// row and a summary line across the table), a 2 000-row roster in landscape and a small table with two charts.
// The drawing is one goroutine's work, the rows are wrapped ahead on another and the pages compressed on every
// core: it times the PDF alone, the branch of the yearly export that BenchmarkYearExport (ui/cli) times with the
// workbook beside it; cpu-ms/op is the process's CPU.
func BenchmarkReportTablesPDF(b *testing.B) {
	// The workbook's tables, with titles that have characters fpdf escapes, the ledger upright.
	tables, r := benchTables(strings.Repeat("关于加快推进村道硬化(不含国道)和路灯安装的建议，", 4))
	tables[1].landscape = false
	dir := b.TempDir()
	cpu := store.ProcessCPU()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := tablesPDF(filepath.Join(dir, "report.pdf"), r, tables, "2025年度工作统计", "2025年度工作统计报表"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((store.ProcessCPU()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}
