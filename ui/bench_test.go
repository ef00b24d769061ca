package ui

import (
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"rendadesk/store"
)

// The benchmarks of this file are run by `make bench` (.ci/bench) on the demo datasets it makes, named by
// RENDADESK_STRESS_DB and RENDADESK_TOWNSHIP_DB; without them they
// skip. Each works on a copy of the database.

// benchCopyDB copies the database named by env (and its -wal) into a temporary folder, or skips.
func benchCopyDB(b *testing.B, env string) string {
	b.Helper()
	src := os.Getenv(env)
	if src == "" {
		b.Skip(env + " not set")
	}
	return testCopyDB(b, src)
}

// BenchmarkStressDesk times, on the stress database and Fyne's test driver (no painting), what the clerk
// waits for in the window: building it with every tab filled (before the first frame), each tab's refresh (its queries and the widgets they fill, as after an edit),
// choosing each tab (from the next one; 概览 and 报表 refresh when chosen) and a filter chosen in a tab's
// drop-down (each operation switches the filter on or back off, both reload the list).
func BenchmarkStressDesk(b *testing.B) {
	path := benchCopyDB(b, "RENDADESK_STRESS_DB")
	db, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	a, w := testWindow(b)
	// The window with every tab filled: what the program does before its first frame.
	b.Run("new-window", func(b *testing.B) {
		times := make([]time.Duration, 0, b.N)
		for i := 0; i < b.N; i++ {
			start := time.Now()
			newDesk(a, w, db)
			times = append(times, time.Since(start))
		}
		b.ReportMetric(benchMedianMS(times), "median-ms")
	})
	d := newDesk(a, w, db)
	year := os.Getenv("RENDADESK_BENCH_YEAR")
	if year == "" {
		year = strconv.Itoa(store.DateOf(db.Now()).Year() - 1)
	}
	tabs := []struct {
		name string
		tab  interface{ refresh() }
	}{{"overview", d.overview}, {"deputies", d.deputies}, {"stations", d.stations}, {"suggestions", d.items}, {"meetings", d.meetings}}
	for i, t := range tabs {
		b.Run("refresh/"+t.name, func(b *testing.B) {
			d.tabs.SelectIndex(i)
			times := make([]time.Duration, 0, b.N)
			for i := 0; i < b.N; i++ {
				start := time.Now()
				t.tab.refresh()
				times = append(times, time.Since(start))
			}
			b.ReportMetric(benchMedianMS(times), "median-ms")
		})
	}
	for i, it := range d.tabs.Items {
		b.Run("select/"+it.Text, func(b *testing.B) {
			times := make([]time.Duration, 0, b.N)
			for n := 0; n < b.N; n++ {
				d.tabs.SelectIndex((i + 1) % len(d.tabs.Items))
				d.report.waitIdle(10 * time.Second)
				start := time.Now()
				d.tabs.SelectIndex(i)
				times = append(times, time.Since(start))
				// 报表 computes off the UI goroutine; the test driver applies its result from that goroutine,
				// so the next step waits for it rather than race it (the real driver runs it on the UI thread).
				d.report.waitIdle(10 * time.Second)
			}
			b.ReportMetric(benchMedianMS(times), "median-ms")
			b.ReportMetric(float64(slices.Max(times).Microseconds())/1000, "max-ms")
		})
	}
	d.tabs.SelectIndex(0)
	toggles := []struct {
		name, value string
		tab         int
		sel         func() interface{ SetSelected(string) }
	}{
		{"deputies-level", store.LevelCounty, 1, func() interface{ SetSelected(string) } { return d.deputies.filters.level }},
		{"suggestions-year", year + "年", 3, func() interface{ SetSelected(string) } { return d.items.filters.year }},
		{"suggestions-state", store.StateHandling, 3, func() interface{ SetSelected(string) } { return d.items.filters.state }},
		{"meetings-year", year + "年", 4, func() interface{ SetSelected(string) } { return d.meetings.filters.year }},
	}
	for _, tg := range toggles {
		b.Run("filter/"+tg.name, func(b *testing.B) {
			d.tabs.SelectIndex(tg.tab)
			sel := tg.sel()
			times := make([]time.Duration, 0, b.N)
			for i := 0; i < b.N; i++ {
				v := tg.value
				if i%2 == 1 {
					v = "全部"
				}
				start := time.Now()
				sel.SetSelected(v)
				times = append(times, time.Since(start))
			}
			b.ReportMetric(benchMedianMS(times), "median-ms")
			sel.SetSelected("全部")
		})
	}
}

// benchMedianMS is the median of ts in milliseconds.
func benchMedianMS(ts []time.Duration) float64 {
	if len(ts) == 0 {
		return 0
	}
	s := slices.Clone(ts)
	slices.Sort(s)
	return float64(s[(len(s)-1)/2].Microseconds()) / 1000
}
