package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"rendadesk/export"
	"rendadesk/store"
)

// isDistrictsExport reports whether an export's arguments name the 选区 register (`export --db P districts
// --out F`) rather than a year: a bare word districts that is not the value of a flag.
func isDistrictsExport(args []string) bool {
	for i, a := range args {
		if a == "districts" && (i == 0 || !strings.HasPrefix(args[i-1], "-") || strings.Contains(args[i-1], "=")) {
			return true
		}
	}
	return false
}

// runExportDistricts is `rendadesk export --db PATH districts --out FILE.xlsx [--today D]`: the 选区 register
// with who holds each seat on that day, in the columns `import districts` reads back.
func runExportDistricts(ctx context.Context, fs *flag.FlagSet, args []string, out io.Writer) error {
	dbPath := fs.String("db", "", "数据库文件")
	outPath := fs.String("out", "", "输出的 Excel 文件")
	todayS := fs.String("today", "", "现任代表按哪一天(默认今天)")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || pos[0] != "districts" {
		return usageError{fmt.Sprintf("多余的参数 %q", pos)}
	}
	if *outPath == "" {
		return usageError{"缺少 --out 输出文件，例如 --out 选区名册.xlsx"}
	}
	if !strings.HasSuffix(strings.ToLower(*outPath), ".xlsx") {
		return usageError{"--out 应是 .xlsx 文件"}
	}
	today, err := store.ParseDate(*todayS)
	if err != nil {
		return usageError{"--today: " + err.Error()}
	}
	if *dbPath == "" {
		if *dbPath, err = DefaultDatabase(); err != nil {
			return err
		}
	}
	db, err := openToRead(*dbPath, out)
	if err != nil {
		return err
	}
	defer db.Close()
	today = reportToday(db, today)
	rolls, err := db.DistrictRolls(ctx, "", 0, today)
	if err != nil {
		return err
	}
	st, err := db.Settings(ctx)
	if err != nil {
		return err
	}
	if err := export.DistrictsXLSX(*outPath, export.DistrictsTitle(st.Township), rolls); err != nil {
		return err
	}
	fmt.Fprintf(out, "已导出 %d 个选区到 %s\n", len(rolls), nativePath(*outPath))
	return nil
}
