package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"rendadesk/export"
	"rendadesk/store"
)

// runExport is `rendadesk export --db PATH --year Y [--from D --to D] [--as-of D] [--today D]
// --format xlsx|pdf|txt|csv|all --out DIR`: the period's workbook, PDF and report text (or its tables as CSV
// files), all from one store.LoadReport, then kept in the 报送存档. The period (--from/--to, default the whole
// year) and the day its handling is counted on (--as-of) are two settings: --as-of defaults to the period's
// end, or today while the period is not over, and may be later than the end (「2025年的建议，办理情况截至
// 2026年1月15日」).
func runExport(ctx context.Context, fs *flag.FlagSet, args []string, out io.Writer) error {
	if isDistrictsExport(args) { // the 选区 register (issue 16, export_districts.go)
		return runExportDistricts(ctx, fs, args, out)
	}
	dbPath := fs.String("db", "", "数据库文件")
	year := fs.Int("year", 0, "年度")
	fromS := fs.String("from", "", "统计起始日期(默认1月1日)")
	toS := fs.String("to", "", "统计截止日期(默认12月31日)")
	asOfS := fs.String("as-of", "", "数据截至日期(默认统计截止日期，期间未结束时为今天；可晚于截止日期)")
	todayS := fs.String("today", "", "以哪一天为“今天”(默认今天)")
	format := fs.String("format", "all", "xlsx|pdf|txt|csv|all(all 不含 csv)")
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
	formats := export.ReportFormats
	if *format != "all" {
		known := append(slices.Clone(export.ReportFormats), "csv")
		if !slices.Contains(known, *format) {
			return usageError{fmt.Sprintf("--format 只能是 %s 或 all，而不是 %q", strings.Join(known, "、"), *format)}
		}
		formats = []string{*format}
	}
	var from, to, asOf, today store.Date
	for name, p := range map[string]struct {
		s *string
		d *store.Date
	}{"--from": {fromS, &from}, "--to": {toS, &to}, "--as-of": {asOfS, &asOf}, "--today": {todayS, &today}} {
		d, err := store.ParseDate(*p.s)
		if err != nil {
			return usageError{name + ": " + err.Error()}
		}
		*p.d = d
	}
	if from == "" {
		from = store.YearPeriod(*year).From
	}
	if to == "" {
		to = store.YearPeriod(*year).To
	}
	if from.Year() != *year || to.Year() != *year || to < from {
		return usageError{fmt.Sprintf("--from/--to 应在 %d 年内，且起始不晚于截止", *year)}
	}
	if slices.Contains(formats, "pdf") {
		// The PDF needs the embedded font, unpacked (~0.1 s) and parsed (~0.1 s): done while the data loads.
		export.PreparePDF()
	}
	db, err := openToRead(*dbPath, out)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := os.MkdirAll(*outDir, 0o755); err != nil {
		return store.Errorf(store.EINVALID, "无法创建输出文件夹 %s(%v)", *outDir, err)
	}
	if today != "" { // the figures, the text (「目前」 or 「截至…」) and the 制表日期 take that day as today
		day := today.Time()
		db.Now = func() time.Time { return time.Date(day.Year(), day.Month(), day.Day(), 12, 0, 0, 0, time.Local) }
	}
	today = reportToday(db, today)
	if asOf == "" {
		asOf = min(to, today) // a period still running is reported as it stands today
	}
	if asOf < from || asOf > today {
		return usageError{fmt.Sprintf("--as-of(%s)应在统计起始日期(%s)和今天(%s)之间", asOf, from, today)}
	}
	if cs, err := db.CountySettings(ctx); err != nil {
		return err
	} else if cs.IsCounty() {
		return exportCounty(ctx, db, from, to, formats, *outDir, out)
	}
	defer limitMemory(exportMemoryLimit)()
	// The report read, its tables and the PDF's pages stay alive to the end (see exportMemoryLimit): at the
	// default pacing the collector ran often, on both cores, while the PDF and the workbook were written. At
	// 200, under the same limit, the stress export takes ≈0.1 s less (2.88–2.99 → 2.73–2.96 s, GNU time, back
	// to back) for ≈60 MB more at its peak (≈450 MB, what it was before the PDF's save was made lighter).
	defer collectLess(200)()
	// The file's lock, held from before the reading until the archive: nobody writes the file meanwhile, so
	// the figures and the lists are read side by side (store.LoadReportLocked) and the archive keeps the state
	// the files print. An older file is read through a private copy and not archived: no lock file beside it.
	var lock *store.ExportLock
	lockErr := errOlderFile
	if db.ReadOnlyNote() == "" {
		lock, lockErr = store.LockForExport(*dbPath)
		// Released before db.Close (deferred earlier): the read connection tidies its -shm only when it is free.
		defer lock.Release()
	}
	rep, err := db.LoadReportLocked(ctx, lock, from, to, asOf)
	if err != nil {
		return err
	}
	rep.Made = db.Now()
	// Closed before the archive's connection opens (the deferred Close is then a no-op): the last connection to
	// close checkpoints the file and removes its -wal and -shm, which a read-only one cannot do; left open, it
	// made the archive's connection leave its row (7.5 MB for the stress year) in a WAL that the next open read
	// through and the next export's row was added to.
	db.Close()
	return writeAndArchive(ctx, *dbPath, lockErr, rep, func() ([]string, error) {
		paths, err := export.WriteReport(export.Report{ReportData: rep}, *outDir, formats, nil)
		for _, p := range paths {
			fmt.Fprintf(out, "已生成: %s\n", p)
		}
		return paths, err
	}, out)
}

// errOlderFile is why an export of a file of an older version is not archived (see writeAndArchive).
var errOlderFile = errors.New("older file")

// archiveExport keeps what was written in the 报送存档 (see `rendadesk reports`), with its figures and checksums,
// for a command that read the file without its lock and wrote its files (`rendadesk package`): it takes the
// lock now, as writeAndArchive describes.
func archiveExport(ctx context.Context, read *store.DB, dbPath string, rep store.ReportData, paths []string, out io.Writer) error {
	lockErr := errOlderFile
	if read.ReadOnlyNote() == "" {
		var lock *store.ExportLock
		lock, lockErr = store.LockForExport(dbPath)
		defer lock.Release()
	}
	return writeAndArchive(ctx, dbPath, lockErr, rep, func() ([]string, error) { return paths, nil }, out)
}

// writeAndArchive runs write, which makes the export's files from rep and returns their paths, and keeps them in
// the 报送存档 (see `rendadesk reports`) with their figures and checksums; the version's row is written while
// the files are made (store.ArchiveReportWhile). The export read the file read-only, so that it never changes
// a file it cannot safely write (an older schema, read through an upgraded copy: lockErr is errOlderFile); the
// archive is one more row, written only when the file is of this version and the export holds its lock
// (lockErr nil; a window's own 报表 export archives there). Otherwise the files stand and the clerk is told
// why this export is not in the archive.
func writeAndArchive(ctx context.Context, dbPath string, lockErr error, rep store.ReportData, write func() ([]string, error),
	out io.Writer) error {
	if lockErr != nil {
		if _, err := write(); err != nil {
			return err
		}
		if lockErr == errOlderFile {
			fmt.Fprintln(out, "未记入报送存档：数据库文件是旧版本，本次只读取而没有改动它；用程序窗口打开一次(自动升级)后再导出即可记入。")
		} else {
			fmt.Fprintf(out, "未记入报送存档：%s。在窗口的「报表」中导出会自动记入。\n", store.ErrorMessage(lockErr))
		}
		return nil
	}
	db, err := store.Open(dbPath)
	if err != nil {
		if _, werr := write(); werr != nil {
			return werr
		}
		return fmt.Errorf("文件已生成，但未能记入报送存档: %w", err)
	}
	defer db.Close()
	var writeErr error
	v, err := db.ArchiveReportWhile(ctx, rep, store.ArchiveViaCommand, func() ([]string, error) {
		paths, err := write()
		writeErr = err
		return paths, err
	})
	if writeErr != nil {
		return writeErr
	}
	if err != nil {
		return fmt.Errorf("文件已生成，但未能记入报送存档: %w", err)
	}
	fmt.Fprintf(out, "已记入报送存档: %s(截至%s)，第 %d 号\n", v.PeriodName(), v.AsOf.Chinese(), v.ID)
	return nil
}

// exportMemoryLimit is the soft limit on the Go heap while the yearly files are written (see limitMemory). The
// stress year's PDF (2 539 pages, held until written) and workbook are ≈300 MB alive together; with the
// default pacing the process peaked at 775 MB, under this limit at 463 MB for 4% more CPU (GNU time).
const exportMemoryLimit = 400 << 20
