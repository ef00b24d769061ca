package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"rendadesk/store"
	"slices"
	"strconv"
	"testing"
	"time"
)

// BenchmarkYearExport times `rendadesk export --year Y --format F` run in-process (Run, the code the binary
// runs, without starting a process): opening the database, the figures, the lists behind the tables and
// writing the files. `make bench` (.ci/bench) runs it on the demo datasets named by RENDADESK_TOWNSHIP_DB and
// RENDADESK_STRESS_DB; Y is RENDADESK_BENCH_YEAR, F is RENDADESK_BENCH_FORMAT (default all). Without them it
// skips. It works on a copy made by `rendadesk backup`.
func BenchmarkYearExport(b *testing.B) {
	format := os.Getenv("RENDADESK_BENCH_FORMAT")
	if format == "" {
		format = "all"
	}
	for _, ds := range []struct{ name, env string }{{"township", "RENDADESK_TOWNSHIP_DB"}, {"stress", "RENDADESK_STRESS_DB"}} {
		b.Run(ds.name, func(b *testing.B) {
			src := os.Getenv(ds.env)
			if src == "" {
				b.Skip(ds.env + " not set")
			}
			year := os.Getenv("RENDADESK_BENCH_YEAR")
			if _, err := strconv.Atoi(year); err != nil {
				b.Fatal("RENDADESK_BENCH_YEAR must name the year to export")
			}
			var stderr bytes.Buffer
			path := filepath.Join(b.TempDir(), filepath.Base(src))
			if code := Run([]string{"backup", "--db", src, "--out", path}, io.Discard, &stderr); code != ExitOK {
				b.Fatalf("backup %s: exit %d: %s", src, code, stderr.String())
			}
			args := []string{"export", "--db", path, "--year", year, "--format", format, "--out", b.TempDir()}
			if code := Run(args, io.Discard, &stderr); code != ExitOK { // once, with a cold cache
				b.Fatalf("rendadesk %v: exit %d: %s", args, code, stderr.String())
			}
			times := make([]time.Duration, 0, b.N)
			cpu := store.ProcessCPU()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				start := time.Now()
				if code := Run(args, io.Discard, &stderr); code != ExitOK {
					b.Fatalf("exit %d: %s", code, stderr.String())
				}
				times = append(times, time.Since(start))
			}
			slices.Sort(times)
			b.ReportMetric(float64(times[(len(times)-1)/2].Microseconds())/1000, "median-ms")
			b.ReportMetric(float64((store.ProcessCPU()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}
