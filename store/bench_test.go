package store

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"
	"unicode"
)

// The benchmarks of this file measure SPEC §9 on the demo datasets and are run by `make bench` (.ci/bench),
// which makes the datasets once and names them here:
//
//	RENDADESK_STRESS_DB    a `rendadesk demo --scale stress` database
//	RENDADESK_TOWNSHIP_DB  a `rendadesk demo --scale township` database
//	RENDADESK_BENCH_YEAR   the year to report on (default: the last complete year of suggestions)
//
// Without them they skip. They work on a copy: opening a database may migrate it.
//
//	RENDADESK_STRESS_DB=/tmp/stress.db go test ./store -run '^$' -bench 'Stress' -benchtime 300x

// benchDB opens a private copy of the database named by the environment variable env, or skips.
func benchDB(b *testing.B, env string) *DB {
	b.Helper()
	src := os.Getenv(env)
	if src == "" {
		b.Skip(env + " not set")
	}
	dst := filepath.Join(b.TempDir(), filepath.Base(src))
	for _, suffix := range []string{"", "-wal"} {
		if err := benchCopy(src+suffix, dst+suffix); err != nil {
			if suffix != "" && os.IsNotExist(err) {
				continue
			}
			b.Fatal(err)
		}
	}
	db, err := Open(dst)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

func benchCopy(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// benchYear is RENDADESK_BENCH_YEAR, or the last complete year of the database's suggestions.
func benchYear(b *testing.B, db *DB) int {
	if y, err := strconv.Atoi(os.Getenv("RENDADESK_BENCH_YEAR")); err == nil {
		return y
	}
	years, err := db.SuggestionYears(context.Background())
	if err != nil || len(years) == 0 {
		b.Fatal("no suggestions in the database", err)
	}
	if len(years) > 1 {
		return years[1]
	}
	return years[0]
}

// BenchmarkFigures times the SQL aggregates of a yearly report, db.Figures for a whole year as
// `rendadesk export --year Y` asks for them: the "raw SQL" that the yearly export is compared with (SPEC §9).
func BenchmarkFigures(b *testing.B) {
	for _, ds := range []struct{ name, env string }{{"township", "RENDADESK_TOWNSHIP_DB"}, {"stress", "RENDADESK_STRESS_DB"}} {
		b.Run(ds.name, func(b *testing.B) {
			db := benchDB(b, ds.env)
			ctx := context.Background()
			y := benchYear(b, db)
			p := YearPeriod(y)
			asOf := min(p.To, DateOf(db.Now()))
			f, err := db.Figures(ctx, p.From, p.To, asOf) // the first, with a cold statement cache
			if err != nil {
				b.Fatal(err)
			}
			b.Logf("%s %d: %d items received", ds.name, y, f.All.Received)
			benchTimed(b, func() error { _, err := db.Figures(ctx, p.From, p.To, asOf); return err })
		})
	}
}

// benchTimed runs op b.N times and reports the median wall time and the CPU time per operation.
func benchTimed(b *testing.B, op func() error) {
	b.Helper()
	times := make([]time.Duration, 0, b.N)
	cpu := ProcessCPU()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		if err := op(); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	b.ReportMetric(benchPercentile(times, 50), "median-ms")
	b.ReportMetric(float64((ProcessCPU()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// benchQuery is one search typed into a tab.
type benchQuery struct {
	group string // 1ch, 2ch, 3ch, 5ch (a piece of a title), name (a deputy's name)
	tab   string // suggestions or deputies
	text  string
}

// BenchmarkYearReportSQL times LoadReport for a year: every query the yearly outputs need (the figures and the
// lists behind the tables), without writing a file — the export's SQL, to set beside BenchmarkYearExport
// (ui/cli).
func BenchmarkYearReportSQL(b *testing.B) {
	for _, ds := range []struct{ name, env string }{{"township", "RENDADESK_TOWNSHIP_DB"}, {"stress", "RENDADESK_STRESS_DB"}} {
		b.Run(ds.name, func(b *testing.B) {
			db := benchDB(b, ds.env)
			ctx := context.Background()
			y := benchYear(b, db)
			p := YearPeriod(y)
			asOf := min(p.To, DateOf(db.Now()))
			if _, err := db.LoadReport(ctx, p.From, p.To, asOf); err != nil { // the first, with a cold statement cache
				b.Fatal(err)
			}
			benchTimed(b, func() error { _, err := db.LoadReport(ctx, p.From, p.To, asOf); return err })
		})
	}
}

// benchQueries draws searches from the data, reproducibly: n pieces of 1, 2, 3 and 5 Chinese characters cut
// from suggestion titles, typed into the 建议 tab, and n deputies' names, typed into the 代表 tab and into the
// 建议 tab (it searches the names of the lead deputy and the co-signers).
func benchQueries(b *testing.B, db *DB, n int) []benchQuery {
	var titles, names []string
	err := db.view(context.Background(), func(tx *Tx) error {
		if err := collect(tx, `SELECT title FROM suggestions ORDER BY id`, nil, func(s scanner) error {
			var t string
			err := s.Scan(&t)
			titles = append(titles, t)
			return err
		}); err != nil {
			return err
		}
		return collect(tx, `SELECT name FROM deputies ORDER BY id`, nil, func(s scanner) error {
			var t string
			err := s.Scan(&t)
			names = append(names, t)
			return err
		})
	})
	if err != nil || len(titles) == 0 || len(names) == 0 {
		b.Fatalf("no titles or names to draw searches from (%v)", err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var qs []benchQuery
	for _, k := range []int{1, 2, 3, 5} {
		for got, tries := 0, 0; got < n && tries < 100*n; tries++ {
			r := []rune(titles[rng.IntN(len(titles))])
			if len(r) < k {
				continue
			}
			at := rng.IntN(len(r) - k + 1)
			piece := r[at : at+k]
			if slices.ContainsFunc(piece, func(c rune) bool { return !unicode.Is(unicode.Han, c) }) {
				continue
			}
			qs = append(qs, benchQuery{fmt.Sprintf("%dch", k), "suggestions", string(piece)})
			got++
		}
	}
	for i := 0; i < n; i++ {
		name := names[rng.IntN(len(names))]
		qs = append(qs, benchQuery{"name", "deputies", name}, benchQuery{"name", "suggestions", name})
	}
	return qs
}

// BenchmarkStressSearch times search as you type on the stress database: each operation is one search from
// benchQueries, asked as the tab asks it (the first page of 100 in the default order, with the total). It
// reports the median and the 95th percentile over the searches of the run (-benchtime 300x runs each of the
// 300 searches once).
func BenchmarkStressSearch(b *testing.B) {
	db := benchDB(b, "RENDADESK_STRESS_DB")
	ctx := context.Background()
	qs := benchQueries(b, db, 50)
	today := DateOf(db.Now())
	run := func(q benchQuery) (int, error) {
		if q.tab == "deputies" {
			_, n, err := db.Deputies(ctx, DeputyFilter{Query: q.text, Limit: 100})
			return n, err
		}
		_, n, err := db.Suggestions(ctx, SuggestionFilter{Query: q.text, Today: today, Limit: 100})
		return n, err
	}
	times := make([]time.Duration, 0, b.N)
	byGroup := map[string][]time.Duration{}
	b.ResetTimer()
	cpu := ProcessCPU()
	for i := 0; i < b.N; i++ {
		q := qs[i%len(qs)]
		start := time.Now()
		if _, err := run(q); err != nil {
			b.Fatalf("search %q: %v", q.text, err)
		}
		el := time.Since(start)
		times = append(times, el)
		byGroup[q.group] = append(byGroup[q.group], el)
	}
	b.StopTimer()
	b.ReportMetric(float64((ProcessCPU()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	b.ReportMetric(benchPercentile(times, 50), "p50-ms")
	b.ReportMetric(benchPercentile(times, 95), "p95-ms")
	b.ReportMetric(benchPercentile(times, 100), "max-ms")
	for g, ts := range byGroup {
		b.ReportMetric(benchPercentile(ts, 95), "p95-"+g+"-ms")
	}
	if b.N >= len(qs) {
		// The slowest searches, to say what misses and why.
		type slow struct {
			q  benchQuery
			el time.Duration
		}
		var all []slow
		for i := 0; i < len(qs); i++ {
			all = append(all, slow{qs[i], times[i]})
		}
		slices.SortFunc(all, func(x, y slow) int { return int(y.el - x.el) })
		for _, s := range all[:min(5, len(all))] {
			n, _ := run(s.q)
			b.Logf("slow: %-11s %-5s %-12s %7.1f ms  %d rows", s.q.tab, s.q.group, s.q.text, float64(s.el.Microseconds())/1000, n)
		}
	}
}

// benchPercentile returns the p-th percentile of ts in milliseconds (nearest rank).
func benchPercentile(ts []time.Duration, p int) float64 {
	if len(ts) == 0 {
		return 0
	}
	s := slices.Clone(ts)
	slices.Sort(s)
	i := (len(s)*p+99)/100 - 1
	i = max(0, min(i, len(s)-1))
	return float64(s[i].Microseconds()) / 1000
}

// BenchmarkStressTab times, on the stress database, the store queries behind opening each tab (its lists and
// counts, as ui's refresh asks for them) and behind applying a filter in it.
func BenchmarkStressTab(b *testing.B) {
	db := benchDB(b, "RENDADESK_STRESS_DB")
	ctx := context.Background()
	today := DateOf(db.Now())
	year := benchYear(b, db)
	units, err := db.Units(ctx)
	if err != nil || len(units) == 0 {
		b.Fatal("no units", err)
	}
	page := func(err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
	cases := []struct {
		name string
		run  func()
	}{
		{"open/overview", func() {
			_, err := db.Settings(ctx)
			page(err)
			for _, l := range append([]string{""}, DeputyLevels...) {
				_, _, err := db.Deputies(ctx, DeputyFilter{Status: DeputyActive, Level: l, Limit: 1})
				page(err)
			}
			for _, ty := range append([]string{""}, StationTypes...) {
				_, _, err := db.Stations(ctx, StationFilter{Type: ty, Status: "在用", Limit: 1})
				page(err)
			}
			for _, st := range States {
				_, _, err := db.Suggestions(ctx, SuggestionFilter{Year: today.Year(), States: []string{st}, Limit: 1})
				page(err)
			}
			for _, f := range []SuggestionFilter{{Overdue: true, Sort: "deadline"}, {DueWithin: 7, Sort: "deadline"}, {AssignLate: true, Sort: "received"}} {
				f.Today, f.Limit = today, 50
				_, _, err := db.Suggestions(ctx, f)
				page(err)
			}
			_, _, err = db.History(ctx, HistoryFilter{Limit: 20})
			page(err)
		}},
		{"open/deputies", func() {
			_, err := db.Groups(ctx)
			page(err)
			_, err = db.StationChoices(ctx)
			page(err)
			_, _, err = db.Deputies(ctx, DeputyFilter{Limit: 100})
			page(err)
		}},
		{"open/stations", func() {
			_, err := db.Dict(ctx, DictVillage)
			page(err)
			_, _, err = db.Stations(ctx, StationFilter{Limit: 100})
			page(err)
		}},
		{"open/suggestions", func() {
			_, err := db.SuggestionYears(ctx)
			page(err)
			_, err = db.Units(ctx)
			page(err)
			_, _, err = db.Meetings(ctx, MeetingFilter{Kind: MeetingCongress, Sort: "date", Desc: true})
			page(err)
			_, err = db.Rules(ctx)
			page(err)
			_, _, err = db.Suggestions(ctx, SuggestionFilter{Today: today, Limit: 100})
			page(err)
		}},
		{"open/meetings", func() {
			_, _, err := db.Meetings(ctx, MeetingFilter{Sort: "date", Limit: 1})
			page(err)
			_, _, err = db.Meetings(ctx, MeetingFilter{Sort: "date", Desc: true, Limit: 1})
			page(err)
			_, _, err = db.Meetings(ctx, MeetingFilter{Limit: 100})
			page(err)
		}},
		{"filter/deputies-level", func() {
			_, _, err := db.Deputies(ctx, DeputyFilter{Level: LevelCounty, Limit: 100})
			page(err)
		}},
		{"filter/suggestions-year", func() {
			_, _, err := db.Suggestions(ctx, SuggestionFilter{Year: year, Today: today, Limit: 100})
			page(err)
		}},
		{"filter/suggestions-state", func() {
			_, _, err := db.Suggestions(ctx, SuggestionFilter{States: []string{StateHandling}, Today: today, Limit: 100})
			page(err)
		}},
		{"filter/suggestions-unit-year", func() {
			_, _, err := db.Suggestions(ctx, SuggestionFilter{Year: year, UnitID: units[0].ID, Today: today, Limit: 100})
			page(err)
		}},
		{"filter/suggestions-overdue", func() {
			_, _, err := db.Suggestions(ctx, SuggestionFilter{Overdue: true, Today: today, Limit: 100})
			page(err)
		}},
		{"filter/suggestions-sort-deadline", func() {
			_, _, err := db.Suggestions(ctx, SuggestionFilter{Today: today, Sort: "deadline", Limit: 100})
			page(err)
		}},
		{"filter/meetings-year", func() {
			_, _, err := db.Meetings(ctx, MeetingFilter{Year: year, Limit: 100})
			page(err)
		}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			c.run() // warm the statement cache
			times := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			cpu := ProcessCPU()
			for i := 0; i < b.N; i++ {
				start := time.Now()
				c.run()
				times = append(times, time.Since(start))
			}
			b.ReportMetric(float64((ProcessCPU()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
			b.ReportMetric(benchPercentile(times, 50), "median-ms")
			b.ReportMetric(benchPercentile(times, 100), "max-ms")
		})
	}
}
