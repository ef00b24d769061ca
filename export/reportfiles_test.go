package export

import (
	"reflect"
	"strings"
	"testing"

	"rendadesk/store"
)

// A panic on one of WriteReport's goroutines comes back as an error instead of ending the program.
func TestParallelRecovers(t *testing.T) {
	err := parallel([]func() error{func() error { return nil }, func() error { panic("坏数据") }})
	if err == nil || !strings.Contains(err.Error(), "坏数据") {
		t.Fatalf("err = %v", err)
	}
}

// The files are named by their period: a calendar year by the year, any other period by its dates, a period
// not over on its report date with that date; so no other period's files take, or replace, the year's.
func TestReportFileName(t *testing.T) {
	for _, c := range []struct {
		name           string
		from, to, asOf store.Date
		want           string // the name without the extension; the text's 工作统计 reads 工作报告文字稿
	}{
		{"Year", "2024-01-01", "2024-12-31", "2024-12-31", "青山镇人大主席团2024年度工作统计"},
		{"YearAsOfJanuary", "2024-01-01", "2024-12-31", "2025-01-15", "青山镇人大主席团2024年度工作统计"},
		{"HalfYear", "2026-01-01", "2026-06-30", "2026-06-30", "青山镇人大主席团2026年1月1日至6月30日工作统计"},
		{"YearNotOver", "2026-01-01", "2026-12-31", "2026-11-30", "青山镇人大主席团2026年度工作统计(截至11月30日)"},
		{"AcrossYears", "2025-07-01", "2026-06-30", "2026-06-30", "青山镇人大主席团2025年7月1日至2026年6月30日工作统计"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := Report{ReportData: store.ReportData{Settings: store.Settings{OfficeName: "青山镇人大主席团"},
				Figures: store.Figures{From: c.from, To: c.to, AsOf: c.asOf}}}
			txt := strings.Replace(c.want, "工作统计", "工作报告文字稿", 1)
			for format, want := range map[string]string{"xlsx": c.want + ".xlsx", "pdf": c.want + ".pdf", "txt": txt + ".txt"} {
				if got := ReportFileName(r, format); got != want {
					t.Errorf("%s: %s, want %s", format, got, want)
				}
			}
		})
	}
}

// The tables WriteReport builds once on every core (buildTables) are those each file would build for itself,
// in their order and numbered (run with -race: the builders share the report).
func TestBuildTablesAsTables(t *testing.T) {
	db := demoStore(t)
	rep, err := db.LoadReport(ctx, "2024-01-01", "2024-12-31", "2024-11-30")
	if err != nil {
		t.Fatal(err)
	}
	r := Report{ReportData: rep}
	got, err := r.buildTables()
	if err != nil {
		t.Fatal(err)
	}
	want := r.tables()
	if len(got) != len(reportTables) || !reflect.DeepEqual(got, want) {
		t.Fatalf("%d tables built on every core, %d one by one; equal: %v", len(got), len(want), reflect.DeepEqual(got, want))
	}
	rows := 0
	for i, tb := range got {
		if tb.no != i+1 || tb.code != reportTables[i] {
			t.Errorf("table %d is %s no %d", i, tb.code, tb.no)
		}
		rows += len(tb.rows)
	}
	if rows < 100 {
		t.Errorf("the demo year's tables hold %d rows", rows)
	}
}
