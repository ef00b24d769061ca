package ui

import (
	"context"
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
// waits for in the window: building it with every tab filled (newDesk before the first frame, its first reads
// just after: lazytabs.go), each tab's refresh (its queries and the widgets they fill, as after an edit),
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
		cpu := store.ProcessCPU()
		for i := 0; i < b.N; i++ {
			start := time.Now()
			newDesk(a, w, db).loadPending()
			times = append(times, time.Since(start))
		}
		b.ReportMetric(benchCPUPerOp(b, cpu), "cpu-ms/op")
		b.ReportMetric(benchMedianMS(times), "median-ms")
	})
	d := newDesk(a, w, db)
	d.loadPending()
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
			cpu := store.ProcessCPU()
			for i := 0; i < b.N; i++ {
				start := time.Now()
				t.tab.refresh()
				times = append(times, time.Since(start))
			}
			b.ReportMetric(benchCPUPerOp(b, cpu), "cpu-ms/op")
			b.ReportMetric(benchMedianMS(times), "median-ms")
		})
	}
	for i, it := range d.tabs.Items {
		b.Run("select/"+it.Text, func(b *testing.B) {
			times := make([]time.Duration, 0, b.N)
			cpu := store.ProcessCPU()
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
			b.ReportMetric(benchCPUPerOp(b, cpu), "cpu-ms/op")
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
			cpu := store.ProcessCPU()
			for i := 0; i < b.N; i++ {
				v := tg.value
				if i%2 == 1 {
					v = "全部"
				}
				start := time.Now()
				sel.SetSelected(v)
				times = append(times, time.Since(start))
			}
			b.ReportMetric(benchCPUPerOp(b, cpu), "cpu-ms/op")
			b.ReportMetric(benchMedianMS(times), "median-ms")
			sel.SetSelected("全部")
		})
	}
}

// benchCPUPerOp is the process's CPU time per operation since cpu (store.ProcessCPU), in milliseconds.
func benchCPUPerOp(b *testing.B, cpu time.Duration) float64 {
	return float64((store.ProcessCPU() - cpu).Microseconds()) / 1000 / float64(b.N)
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

// BenchmarkStressSuggestions times, on the stress database, what the clerk waits for in the 建议 tab beyond a
// filter: scrolling far down the list (one page read), sorting by 办理时限, a search typed into its box (each
// operation one query of a fixed list, so the p95 is over them all), opening an item in the pane, and the
// lead-deputy picker's search.
func BenchmarkStressSuggestions(b *testing.B) {
	path := benchCopyDB(b, "RENDADESK_STRESS_DB")
	db, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	a, w := testWindow(b)
	d := &desk{app: a, win: w, db: db, ctx: context.Background()}
	d.items = newSuggestionsTab(d)
	tab := d.items
	timed := func(name string, op func(i int)) {
		b.Run(name, func(b *testing.B) {
			times := make([]time.Duration, 0, b.N)
			cpu := store.ProcessCPU()
			for i := 0; i < b.N; i++ {
				start := time.Now()
				op(i)
				times = append(times, time.Since(start))
			}
			b.ReportMetric(benchCPUPerOp(b, cpu), "cpu-ms/op")
			b.ReportMetric(benchMedianMS(times), "median-ms")
			slices.Sort(times)
			b.ReportMetric(float64(times[len(times)*95/100].Microseconds())/1000, "p95-ms")
		})
	}
	timed("scroll-5000", func(i int) {
		tab.list.reload() // a fresh page cache, so that each row 5000 is read again
		if _, ok := tab.list.item(5000 + i%50); !ok {
			b.Fatal("the stress database has fewer than 5 050 items")
		}
	})
	timed("sort-deadline", func(i int) {
		tab.list.sortBy([]string{"deadline", ""}[i%2])
	})
	tab.list.sortBy("")
	queries := []string{"路", "水", "道路", "河道", "王", "李", "河道保洁", "路灯", "关于加强", "垃圾清运", "建议", "村", "2024-0", "张伟", "乡村振兴"}
	timed("search", func(i int) {
		tab.search.SetText(queries[i%len(queries)])
		tab.search.fire()
	})
	tab.search.SetText("")
	tab.search.fire()
	first, _ := tab.list.item(0)
	timed("show-item", func(int) { tab.show(first) })
	timed("lead-deputy-search", func(i int) {
		tab.pane.field("领衔代表").(*suggestionDeputyPicker).search([]string{"王", "李", "张"}[i%3])
	})
}
