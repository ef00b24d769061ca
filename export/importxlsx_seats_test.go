package export

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"rendadesk/store"
)

// The 当选日期 column of a deputies sheet: one day for every level, a day per level, an Excel date, the header
// 补选日期; a cell that names no level is a row error naming the column. Imported, each level is counted from
// its day.
func TestImportDeputySeatDates(t *testing.T) {
	path := writeXLSX(t, "名册.xlsx", [][]any{
		{"姓名", "代表层级", "补选日期"},
		{"张一", "镇级、县级", "2025-06-01"},
		{"张二", "镇级、县级", "镇级2021-12-01、县级 2023年3月5日"},
		{"张三", "镇级", time.Date(2024, 9, 10, 0, 0, 0, 0, time.UTC)},
		{"张四", "镇级", "补选2023.6.1"},
		{"张五", "镇级", nil},
	})
	s := readSheet(t, path, store.ImportDeputies)
	if !strings.Contains(strings.Join(s.Columns, ","), "当选日期") {
		t.Fatalf("columns %v: 补选日期 not read as 当选日期", s.Columns)
	}
	seats := func(i int) string { return fmt.Sprint(s.Rows[i].Deputy.Seats) }
	for i, want := range []string{"[ 2025-06-01]", "[镇级 2021-12-01 县级 2023-03-05]", "[ 2024-09-10]", "[]", "[]"} {
		if got := seats(i); got != want {
			t.Errorf("row %d: seats %s, want %s", i+2, got, want)
		}
	}
	if got := problemText(s.Rows[3].Problems); !strings.Contains(got, "第5行「当选日期」：「补选2023.6.1」看不出是哪一级的日期") {
		t.Errorf("row 5 problems %q", got)
	}

	db := importDB(t) // term 18 from 2021-12-01; today 2024-12-31
	ctx := context.Background()
	s.Rows = append(s.Rows[:3], s.Rows[4]) // 张四 fixed by leaving him out
	p, err := db.PlanImport(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	if n := p.Counts(store.ImportChoice{}); n.New != 4 || n.Error != 0 {
		t.Fatalf("counts %+v: %s", n, problemText(p.Problems(store.ImportChoice{})))
	}
	if got := problemText(p.Problems(store.ImportChoice{})); !strings.Contains(got, "第6行「当选日期」未填写，按2021年12月1日计；补选的代表请填写补选日期") {
		t.Errorf("the default is not pointed out: %q", got)
	}
	if _, err := db.ApplyImport(ctx, p, store.ImportChoice{}); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"张一": "[镇级 2025-06-01 县级 2025-06-01]", "张二": "[镇级 2021-12-01 县级 2023-03-05]",
		"张三": "[镇级 2024-09-10]", "张五": "[镇级 2021-12-01]"} {
		ds, _, err := db.Deputies(ctx, store.DeputyFilter{Query: name})
		if err != nil || len(ds) != 1 {
			t.Fatalf("%s: %v %v", name, ds, err)
		}
		if got := fmt.Sprint(ds[0].Seats); got != want {
			t.Errorf("%s imported with %s, want %s", name, got, want)
		}
	}
	// Counted from those days: on 2024-09-10 王建国 and 张二 (from 2021-12-01), 张五 (the default) and 张三; not
	// 张一, elected in 2025.
	fig, err := db.Figures(ctx, "2024-01-01", "2024-09-10", "2024-09-10")
	if err != nil {
		t.Fatal(err)
	}
	if fig.Deputies.All.Deputies != 4 {
		t.Errorf("deputies on 2024-09-10: %d, want 4", fig.Deputies.All.Deputies)
	}
}
