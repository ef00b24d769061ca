package ui

import (
	"os"
	"slices"
	"testing"
	"time"

	"rendadesk/store"
)

// TestStressTimings measures, on a large database named by RENDADESK_PERF_DB, what the clerk waits for: the
// window built with every tab loaded, each tab's refresh, a filter, and searches typed into the 建议 tab.
// It reports numbers and asserts nothing about time (SPEC §9: speed is reported by make bench, never a
// timed test). Run: RENDADESK_PERF_DB=/tmp/stress.db go test ./ui -run StressTimings -v
func TestStressTimings(t *testing.T) {
	src := os.Getenv("RENDADESK_PERF_DB")
	if src == "" || testing.Short() {
		t.Skip("set RENDADESK_PERF_DB to a stress database")
	}
	// Work on a copy: opening migrates, and the measurement must not change the caller's file.
	db, err := store.Open(testCopyDB(t, src))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	a, w := testWindow(t)
	start := time.Now()
	d := newDesk(a, w, db)
	t.Logf("window with every tab loaded: %v", time.Since(start).Round(time.Millisecond))
	for _, tab := range d.records {
		start := time.Now()
		tab.refresh()
		t.Logf("refresh %-24T %v", tab, time.Since(start).Round(100*time.Microsecond))
	}
	start = time.Now()
	d.deputies.filters.level.SetSelected(store.LevelCounty)
	t.Logf("deputies filter 县级: %v (%d rows)", time.Since(start).Round(100*time.Microsecond), d.deputies.list.total)

	var times []time.Duration
	for _, q := range []string{"路", "水", "道路", "河道", "王", "李", "河道保洁", "路灯", "关于加强", "垃圾清运", "建议", "村", "2024-0", "张伟", "乡村振兴"} {
		start := time.Now()
		d.deputies.search.OnSearch(q)
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	t.Logf("deputy searches: p50 %v p95 %v max %v", times[len(times)/2], times[len(times)*95/100], times[len(times)-1])
	d.deputies.search.OnSearch("")

	times = times[:0]
	for _, q := range []string{"路", "水", "道路", "河道", "王", "李", "河道保洁", "路灯", "关于加强", "垃圾清运", "村", "2024-0",
		"张伟", "乡村振兴", "饮水", "桥梁", "修缮", "学校", "卫生院", "王建"} {
		start := time.Now()
		d.items.search.OnSearch(q)
		el := time.Since(start)
		times = append(times, el)
		t.Logf("  suggestion search %-6s %8v  %6d rows", q, el.Round(100*time.Microsecond), d.items.list.total)
	}
	slices.Sort(times)
	t.Logf("suggestion searches: p50 %v p95 %v max %v", times[len(times)/2], times[len(times)*95/100], times[len(times)-1])
}
