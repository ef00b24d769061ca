package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"rendadesk/export"
	"rendadesk/store"
)

// exportFormats are the yearly outputs `rendadesk export` writes so far; "all" writes each of them.
var exportFormats = []string{"xlsx", "txt"}

// runExport is `rendadesk export --db PATH --year Y [--from D --to D] [--today D] --format xlsx|txt|all --out DIR`:
// the year's workbook and report text, from the one figures computation.
func runExport(ctx context.Context, fs *flag.FlagSet, args []string, out io.Writer) error {
	dbPath := fs.String("db", "", "数据库文件")
	year := fs.Int("year", 0, "年度")
	fromS := fs.String("from", "", "统计起始日期(默认1月1日)")
	toS := fs.String("to", "", "统计截止日期(默认12月31日)")
	todayS := fs.String("today", "", "以哪一天为“今天”(默认今天)")
	format := fs.String("format", "all", "xlsx|txt|all")
	outDir := fs.String("out", "", "输出文件夹")
	if err := parse(fs, args, dbPath); err != nil {
		return err
	}
	if *year < 1900 || *year > 2200 {
		return usageError{"需要 --year，例如 --year 2024"}
	}
	if *outDir == "" {
		return usageError{"缺少 --out 输出文件夹"}
	}
	formats := exportFormats
	if *format != "all" {
		if !strings.Contains(","+strings.Join(exportFormats, ",")+",", ","+*format+",") {
			return usageError{fmt.Sprintf("--format 只能是 %s 或 all，而不是 %q", strings.Join(exportFormats, "、"), *format)}
		}
		formats = []string{*format}
	}
	var from, to, today store.Date
	for name, p := range map[string]struct {
		s *string
		d *store.Date
	}{"--from": {fromS, &from}, "--to": {toS, &to}, "--today": {todayS, &today}} {
		d, err := store.ParseDate(*p.s)
		if err != nil {
			return usageError{name + ": " + err.Error()}
		}
		*p.d = d
	}
	if from == "" {
		from = store.Date(fmt.Sprintf("%04d-01-01", *year))
	}
	if to == "" {
		to = store.Date(fmt.Sprintf("%04d-12-31", *year))
	}
	if from.Year() != *year || to.Year() != *year || to < from {
		return usageError{fmt.Sprintf("--from/--to 应在 %d 年内，且起始不晚于截止", *year)}
	}
	if _, err := os.Stat(*dbPath); err != nil {
		return store.Errorf(store.ENOTFOUND, "找不到数据库文件 %s", *dbPath)
	}
	if err := os.MkdirAll(*outDir, 0o755); err != nil {
		return store.Errorf(store.EINVALID, "无法创建输出文件夹 %s(%v)", *outDir, err)
	}
	db, err := store.Open(*dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	if today == "" {
		today = store.DateOf(db.Now())
	}
	asOf := min(to, today) // a year still running is reported as it stands today
	st, err := db.Settings(ctx)
	if err != nil {
		return err
	}
	f, err := db.Figures(ctx, from, to, asOf)
	if err != nil {
		return err
	}
	for _, fm := range formats {
		var path string
		switch fm {
		case "xlsx":
			ledger, _, err := db.Suggestions(ctx, store.SuggestionFilter{From: from, To: asOf, Sort: "number"})
			if err != nil {
				return err
			}
			deputies, _, err := db.Deputies(ctx, store.DeputyFilter{Status: store.DeputyActive})
			if err != nil {
				return err
			}
			stations, _, err := db.Stations(ctx, store.StationFilter{})
			if err != nil {
				return err
			}
			path = filepath.Join(*outDir, export.WorkbookName(st, *year))
			if err := export.WorkbookYear(path, st, f, export.WorkbookExtra{Ledger: ledger, Deputies: deputies, Stations: stations}); err != nil {
				return err
			}
		case "txt":
			path = filepath.Join(*outDir, strings.TrimSuffix(export.WorkbookName(st, *year), "工作统计.xlsx")+"工作报告文字稿.txt")
			if err := writeText(path, export.ReportText(st, f)); err != nil {
				return err
			}
		}
		fmt.Fprintf(out, "已生成: %s\n", path)
	}
	return nil
}

// writeText writes text as UTF-8 with a byte-order mark and Windows line endings, so that Notepad on an
// office PC shows it right, beside path first and then renamed into place.
func writeText(path, text string) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".rendadesk-*.txt")
	if err != nil {
		return store.Errorf(store.EINVALID, "无法在文件夹 %s 中写入文件(%v)，请换一个文件夹", dir, err)
	}
	name := tmp.Name()
	body := "\ufeff" + strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\n", "\r\n")
	if _, err := tmp.WriteString(body); err != nil {
		tmp.Close()
		os.Remove(name)
		return fmt.Errorf("写入 %s 失败: %w", filepath.Base(path), err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return fmt.Errorf("写入 %s 失败: %w", filepath.Base(path), err)
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return fmt.Errorf("保存 %s 失败: %w", filepath.Base(path), err)
	}
	return nil
}
