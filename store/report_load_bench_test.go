package store

import (
	"context"
	"testing"
)

// BenchmarkYearReportLocked times LoadReportLocked for a year as `rendadesk export` reads it: a read-only open
// holding the export lock, the figures and the lists side by side on two connections. Its cpu-ms/op is the
// CPU of both sides, which is what the export's other work competes with on a two-core office PC.
//
//	RENDADESK_STRESS_DB=/tmp/stress.db RENDADESK_BENCH_YEAR=2025 go test ./store -run '^$' -bench YearReportLocked
func BenchmarkYearReportLocked(b *testing.B) {
	for _, ds := range []struct{ name, env string }{{"township", "RENDADESK_TOWNSHIP_DB"}, {"stress", "RENDADESK_STRESS_DB"}} {
		b.Run(ds.name, func(b *testing.B) {
			w := benchDB(b, ds.env)
			y := benchYear(b, w)
			path := w.Path()
			w.Close()
			db, err := OpenReadOnly(path)
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			l, err := LockForExport(path)
			if err != nil {
				b.Fatal(err)
			}
			defer l.Release()
			ctx := context.Background()
			p := YearPeriod(y)
			asOf := min(p.To, DateOf(db.Now()))
			rep, err := db.LoadReportLocked(ctx, l, p.From, p.To, asOf) // the first, with a cold statement cache
			if err != nil {
				b.Fatal(err)
			}
			if rep.reads != 2 {
				b.Fatalf("%d transactions, want 2 side by side", rep.reads)
			}
			benchTimed(b, func() error { _, err := db.LoadReportLocked(ctx, l, p.From, p.To, asOf); return err })
		})
	}
}
