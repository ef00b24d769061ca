package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"rendadesk/store"
)

// runReports is `rendadesk reports --db PATH [--year Y] [--diff]`: the kept versions of the exported reports
// (报送存档), newest first, each with its period, as-of date, when and by whom, and its files with their SHA-256;
// with --diff, how the same period counted today as of the same date differs, and which records made it.
func runReports(ctx context.Context, fs *flag.FlagSet, args []string, out io.Writer) error {
	dbPath := fs.String("db", "", "数据库文件")
	year := fs.Int("year", 0, "只列出这一年的版本")
	diff := fs.Bool("diff", false, "与今天按同一截至日期重新统计的结果比较")
	if err := parse(fs, args, dbPath); err != nil {
		return err
	}
	if *year != 0 && (*year < 1900 || *year > 2200) {
		return usageError{fmt.Sprintf("--year 应是年份，例如 --year 2025，而不是 %d", *year)}
	}
	if _, err := os.Stat(*dbPath); err != nil {
		return store.Errorf(store.ENOTFOUND, "找不到数据库文件 %s", *dbPath)
	}
	db, err := store.Open(*dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	vs, err := db.ReportVersions(ctx, store.ReportVersionFilter{Year: *year, Compare: *diff})
	if err != nil {
		return err
	}
	which := "报送存档"
	if *year != 0 {
		which = fmt.Sprintf("%d年的报送存档", *year)
	}
	if len(vs) == 0 {
		fmt.Fprintf(out, "%s中还没有版本(导出报表时自动记入)\n", which)
		return nil
	}
	fmt.Fprintf(out, "%s共 %d 个版本(新的在前)\n", which, len(vs))
	for _, v := range vs {
		writeVersion(out, v, *diff)
	}
	return nil
}

// writeVersion writes one version: a heading line, its files, and with diff what differs today.
func writeVersion(out io.Writer, v store.ReportVersion, diff bool) {
	by := ""
	if v.MadeBy != "" {
		by = "，制表人 " + v.MadeBy
	}
	fmt.Fprintf(out, "\n第 %d 号  %s(截至%s)  %s 导出(%s%s)\n", v.ID, v.PeriodName(), v.AsOf.Chinese(), v.MadeAt, v.Via, by)
	for _, f := range v.Files {
		fmt.Fprintf(out, "  文件 %s  %s  SHA-256 %s\n", f.Name, fileSize(f.Size), f.SHA256)
	}
	if !diff {
		return
	}
	switch {
	case v.Note != "":
		fmt.Fprintf(out, "  无法比较: %s\n", v.Note)
	case len(v.Changes) == 0:
		fmt.Fprintf(out, "  今天按截至%s重新统计，结果与这一版本相同\n", v.AsOf.Chinese())
	default:
		fmt.Fprintf(out, "  今天按截至%s重新统计，有 %d 项不同:\n", v.AsOf.Chinese(), len(v.Changes))
		for _, c := range v.Changes {
			if c.Was == "" && c.Now == "" {
				fmt.Fprintf(out, "  · %s有变化\n", c.Figure)
			} else {
				fmt.Fprintf(out, "  · %s  %s → %s\n", c.Figure, c.Was, c.Now)
			}
			for _, why := range c.Causes {
				fmt.Fprintf(out, "      %s\n", why)
			}
		}
	}
}

// fileSize is 12.3 KB or 1.2 MB.
func fileSize(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%.1f KB", float64(n)/1024)
}
