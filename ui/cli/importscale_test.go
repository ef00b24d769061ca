package cli

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"rendadesk/store"
)

// TestWriteImportBenchFile writes the file `make bench` imports at scale: RENDADESK_IMPORT_ROWS suggestion rows,
// as a clerk's sheet would have them (deputies, co-signers and units of the database RENDADESK_IMPORT_DB, a
// tenth of them assigned, a tenth from voters), into RENDADESK_IMPORT_OUT. Without those it skips.
func TestWriteImportBenchFile(t *testing.T) {
	src, out := os.Getenv("RENDADESK_IMPORT_DB"), os.Getenv("RENDADESK_IMPORT_OUT")
	n, _ := strconv.Atoi(os.Getenv("RENDADESK_IMPORT_ROWS"))
	if src == "" || out == "" || n <= 0 {
		t.Skip("RENDADESK_IMPORT_DB, RENDADESK_IMPORT_OUT and RENDADESK_IMPORT_ROWS not set")
	}
	if err := writeImportBenchFile(src, out, n); err != nil {
		t.Fatal(err)
	}
}

// writeImportBenchFile writes n suggestion rows referring to the records of the database at src.
func writeImportBenchFile(src, out string, n int) error {
	ctx := context.Background()
	db, err := store.OpenReadOnly(src)
	if err != nil {
		return err
	}
	defer db.Close()
	deps, _, err := db.Deputies(ctx, store.DeputyFilter{})
	if err != nil {
		return err
	}
	units, err := db.Units(ctx)
	if err != nil {
		return err
	}
	cats, err := db.Dict(ctx, store.DictCategory)
	if err != nil {
		return err
	}
	if len(deps) < 3 || len(cats) == 0 || len(units) == 0 {
		return fmt.Errorf("%s has too few deputies or units", src)
	}
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	// Dates as Excel keeps what a clerk types into a date column: a serial number under a date format.
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		return err
	}
	day := func(s string) any {
		t, _ := time.Parse("2006-01-02", s)
		serial, _ := excelize.ExcelDateToTime(0, false) // 1899-12-30 as excelize counts
		return excelize.Cell{StyleID: dateStyle, Value: t.Sub(serial).Hours() / 24}
	}
	head := []any{"标题", "类型", "提出时段", "领衔代表", "联名代表", "选民姓名", "内容", "类别", "涉及层面", "收到日期", "主办单位", "交办日期"}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		d := deps[i%len(deps)]
		co := deps[(i+1)%len(deps)].Name + "、" + deps[(i+2)%len(deps)].Name
		kind, voter := store.KindSuggestion, ""
		if i%10 == 9 {
			kind, voter, co = store.KindVoter, fmt.Sprintf("选民%d", i), ""
		}
		unit, assigned := "", any(nil)
		if i%10 == 3 {
			unit, assigned = units[i%len(units)].Name, day("2025-04-01")
		}
		row := []any{fmt.Sprintf("导入测试建议%06d：关于村道第%d段修缮的建议", i, i), kind, store.PeriodRecess, d.Name, co, voter,
			"村道破损严重，雨天积水，群众出行不便，建议尽快修缮。", cats[i%len(cats)], "镇级",
			day(fmt.Sprintf("2025-03-%02d", 1+i%28)), unit, assigned}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SaveAs(out)
}
