package export

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"rendadesk/store"
)

// The 选区 register leaves as a workbook and comes back: the file as exported imports as updates of the same
// 选区 (matched by number), an edited 名额 and a new row are written with history, and a file with a bad row
// names the row and the column and writes nothing.
func TestDistrictsRoundTrip(t *testing.T) {
	db, _ := districtsData(t) // 第1选区 (2 seats, 王一 and 李二), 第2选区 (1 seat)
	ctx := context.Background()
	rolls, err := db.DistrictRolls(ctx, "", 0, "2025-06-01")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "选区名册.xlsx")
	if err := DistrictsXLSX(path, DistrictsTitle("青山镇"), rolls); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := x.GetRows(x.GetSheetName(0))
	x.Close()
	if len(rows) != 4 || rows[0][0] != "青山镇人大代表选区名册" || strings.Join(rows[2][:8], "|") != "镇级|1|东片区|青山村、河东村|2||李二、王一|" ||
		strings.Join(rows[3][:7], "|") != "镇级|2|西片区|河西村|1||钱五" {
		t.Fatalf("the register reads %q", rows)
	}

	t.Run("AsExported", func(t *testing.T) {
		plan, err := db.PlanImport(ctx, readSheet(t, path, store.ImportDistricts))
		if err != nil {
			t.Fatal(err)
		}
		n := plan.Counts(store.ImportChoice{Duplicates: store.ImportUpdate})
		if n.New != 0 || n.Update != 2 || n.Error != 0 || len(plan.Notes) != 0 {
			t.Fatalf("the file as exported: %s, notes %q", n, plan.Notes)
		}
		for _, r := range plan.Rows {
			if r.Changes != "" {
				t.Errorf("row %d would change %q", r.Line, r.Changes)
			}
		}
	})

	t.Run("BadRowWritesNothing", func(t *testing.T) {
		bad := writeXLSX(t, "选区.xlsx", [][]any{
			{"选区编号", "片区名称", "所辖村(居)", "应选代表名额"},
			{"第3选区", "南片区", "河南村", "2"},
			{"4", "北片区", "河北村", "两名"},
			{"第1选区", "重复", "", "1"},
			{"1", "", "", "1"},
		})
		plan, err := db.PlanImport(ctx, readSheet(t, bad, store.ImportDistricts))
		if err != nil {
			t.Fatal(err)
		}
		text := problemText(plan.Problems(store.ImportChoice{}))
		for _, want := range []string{"第3行「应选代表名额」：「两名」应是数字", "第5行「选区编号」：第1选区与第4行重复"} {
			if !strings.Contains(text, want) {
				t.Errorf("problems %q lack %q", text, want)
			}
		}
		if _, err := db.ApplyImport(ctx, plan, store.ImportChoice{}); err == nil {
			t.Fatal("a file with errors was imported")
		}
		if ds, _ := db.Districts(ctx, ""); len(ds) != 2 {
			t.Fatalf("after a refused import the register has %d 选区", len(ds))
		}
	})

	t.Run("UpdateAndAdd", func(t *testing.T) {
		edit := writeXLSX(t, "选区.xlsx", [][]any{
			{"青山镇选区"},
			{"选区", "应选名额", "选民数", "所辖村"},
			{"第2选区", "2", "1,850", nil},
			{"3", "1", nil, "河南村"},
		})
		plan, err := db.PlanImport(ctx, readSheet(t, edit, store.ImportDistricts))
		if err != nil {
			t.Fatal(err)
		}
		res, err := db.ApplyImport(ctx, plan, store.ImportChoice{Duplicates: store.ImportUpdate})
		if err != nil || res.Created != 1 || res.Updated != 1 {
			t.Fatalf("import: %+v %v (%s)", res, err, problemText(plan.Problems(store.ImportChoice{})))
		}
		rolls, err := db.DistrictRolls(ctx, store.LevelTown, 0, "2025-06-01")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range rolls {
			got = append(got, r.Label()+"/"+r.Villages+"/"+strconv.Itoa(r.District.Seats)+"/"+strconv.Itoa(r.Voters)+"/缺"+strconv.Itoa(r.Vacant()))
		}
		// 第2选区 keeps its name and villages (empty cells change nothing) and now lacks one deputy.
		want := "第1选区(东片区)/青山村、河东村/2/0/缺0 第2选区(西片区)/河西村/2/1850/缺1 第3选区/河南村/1/0/缺1"
		if strings.Join(got, " ") != want {
			t.Errorf("register\n%s\nwant\n%s", strings.Join(got, " "), want)
		}
		h, _, err := db.History(ctx, store.HistoryFilter{Entity: "district"})
		if err != nil {
			t.Fatal(err)
		}
		if len(h) < 2 || !strings.Contains(h[0].Label+h[1].Label, "第2选区") || !strings.Contains(h[0].Changes+h[1].Changes, "应选代表名额: 1 → 2") {
			t.Errorf("history %+v", h[:min(2, len(h))])
		}
	})
}
