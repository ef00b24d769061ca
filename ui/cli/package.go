package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"rendadesk/export"
	"rendadesk/store"
)

// runPackage is `rendadesk package --db P --year Y [--as-of D] [--today D] --out F` (issue 19 §1): the
// period's exchange package for the county, and the usual workbook beside it for people, both kept in the
// 报送存档. --out is the package's file, or a folder to write it in under its usual name.
func runPackage(ctx context.Context, fs *flag.FlagSet, args []string, out io.Writer) error {
	dbPath := fs.String("db", "", "数据库文件")
	year := fs.Int("year", 0, "年度")
	asOfS := fs.String("as-of", "", "数据截至日期(默认12月31日，年度未结束时为今天)")
	todayS := fs.String("today", "", "以哪一天为“今天”(默认今天)")
	outPath := fs.String("out", "", "报送包文件(.rdpkg)，或存放它的文件夹")
	if err := parse(fs, args, dbPath); err != nil {
		return err
	}
	if *year < 1900 || *year > 2200 {
		return usageError{"需要 --year，例如 --year 2025"}
	}
	if *outPath == "" {
		return usageError{"缺少 --out 报送包文件或文件夹"}
	}
	asOf, err := store.ParseDate(*asOfS)
	if err != nil {
		return usageError{"--as-of: " + err.Error()}
	}
	today, err := store.ParseDate(*todayS)
	if err != nil {
		return usageError{"--today: " + err.Error()}
	}
	db, err := openToRead(*dbPath, out)
	if err != nil {
		return err
	}
	defer db.Close()
	if today != "" {
		day := today.Time()
		db.Now = func() time.Time { return time.Date(day.Year(), day.Month(), day.Day(), 12, 0, 0, 0, time.Local) }
	}
	today = reportToday(db, today)
	period := store.YearPeriod(*year)
	if asOf == "" {
		asOf = min(period.To, today)
	}
	if asOf < period.From || asOf > today {
		return usageError{fmt.Sprintf("--as-of(%s)应在%d年1月1日和今天(%s)之间", asOf, *year, today)}
	}
	p, err := db.MakePackage(ctx, period.From, period.To, asOf)
	if err != nil {
		return err
	}
	path := nativePath(*outPath)
	if st, err := os.Stat(path); (err == nil && st.IsDir()) || strings.HasSuffix(*outPath, string(os.PathSeparator)) {
		if err := os.MkdirAll(path, 0o755); err != nil {
			return store.Errorf(store.EINVALID, "无法创建文件夹 %s(%v)", path, err)
		}
		path = filepath.Join(path, p.FileName())
	} else if filepath.Ext(path) != store.PackageExt {
		return usageError{"--out 应是 .rdpkg 文件或文件夹，而不是 " + *outPath}
	}
	if err := store.WritePackage(p, path); err != nil {
		return err
	}
	fmt.Fprintf(out, "已生成报送包: %s\n  %s %s，截至%s；%s\n  校验值(SHA-256): %s\n", path, p.Manifest.Office,
		p.Manifest.PeriodName(), p.Manifest.AsOf.Chinese(), p.Manifest.CountsText(), p.SHA256)
	paths, err := export.WriteReport(export.Report{ReportData: p.Report}, filepath.Dir(path), []string{"xlsx"}, nil)
	for _, x := range paths {
		fmt.Fprintf(out, "已生成: %s\n", x)
	}
	if err != nil {
		return err
	}
	return archiveExport(ctx, db, *dbPath, p.Report, append([]string{path}, paths...), out)
}

// runMerge is `rendadesk merge --db COUNTY.db [--name 青川县人大常委会] FILE|FOLDER…` (issue 19 §2): each township
// package (a folder: every .rdpkg in it) verified and taken into the county database, which is made when the
// path does not exist yet. A bad file is named and skipped; the others are still taken; the exit code says
// whether every file was.
func runMerge(ctx context.Context, fs *flag.FlagSet, args []string, out io.Writer) error {
	dbPath := fs.String("db", "", "县级汇总数据库文件(不存在时新建)")
	name := fs.String("name", "", "新建时的单位名称，如 青川县人大常委会")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if *dbPath == "" {
		return usageError{"缺少 --db 县级汇总数据库文件"}
	}
	*dbPath = nativePath(*dbPath)
	if fs.NArg() == 0 {
		return usageError{"缺少报送包文件或文件夹"}
	}
	args = fs.Args()
	for i := range args {
		args[i] = nativePath(args[i])
	}
	files, empty, err := store.PackageFiles(args)
	if err != nil {
		return err
	}
	for _, e := range empty {
		fmt.Fprintf(out, "文件夹 %s 中没有报送包(.rdpkg)\n", e)
	}
	_, statErr := os.Stat(*dbPath)
	fresh := os.IsNotExist(statErr)
	db, done, err := openToWrite(*dbPath)
	if err != nil {
		return err
	}
	defer done()
	if fresh {
		if err := newCountyDatabase(ctx, db, *name); err != nil {
			return err
		}
		fmt.Fprintf(out, "已新建县级汇总数据库: %s\n", *dbPath)
	}
	failed := 0
	for _, o := range db.MergeFiles(ctx, files) {
		if o.Err != nil {
			failed++
			fmt.Fprintf(out, "未导入 %s：%s\n", filepath.Base(o.File), store.ErrorMessage(o.Err))
			continue
		}
		fmt.Fprintf(out, "%s：%s\n", filepath.Base(o.File), o.Result)
		for _, c := range o.Result.Changes {
			fmt.Fprintf(out, "  %s\n", c)
		}
	}
	if failed > 0 {
		return store.Errorf(store.EINVALID, "%d 个文件未导入(见上)", failed)
	}
	return nil
}

// newCountyDatabase makes a just-created database a county's: the office kind, its name, initialized.
func newCountyDatabase(ctx context.Context, db *store.DB, name string) error {
	cs := store.DefaultCountySettings()
	cs.OfficeKind = store.OfficeCounty
	if err := db.SaveCountySettings(ctx, cs); err != nil {
		return err
	}
	s, err := db.Settings(ctx)
	if err != nil {
		return err
	}
	s.OfficeName = strings.TrimSpace(name)
	if s.OfficeName == "" {
		s.OfficeName = "县人大常委会"
	}
	s.UpperCongress, s.BodyWord, s.TownWord, s.Initialized = s.OfficeName, "常委会", "乡镇", true
	return db.SaveSettings(ctx, s)
}

// demoCounty is `rendadesk demo --scale townships`: a county database with its townships' packages of last
// year, written to packages (default: a folder 报送包 beside the database) and merged.
func demoCounty(ctx context.Context, dbPath string, seed int64, todayS, packages string, out io.Writer) error {
	today, err := store.ParseDate(todayS)
	if err != nil {
		return usageError{"--today: " + err.Error()}
	}
	if packages == "" {
		packages = filepath.Join(filepath.Dir(dbPath), "报送包")
	}
	db, done, err := openToWrite(dbPath)
	if err != nil {
		return err
	}
	defer done()
	start := time.Now()
	res, err := db.GenerateCountyDemo(ctx, store.CountyDemoOptions{Seed: seed, Today: today, Packages: nativePath(packages)})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "已生成县级汇总示例数据到 %s，用时 %.1f 秒：%d 个乡镇，%d 年；%s未报送，%s报送后更正了两次\n",
		db.Path(), time.Since(start).Seconds(), res.Townships, res.Year, res.Missing, res.Corrected)
	for i, m := range res.Merged {
		fmt.Fprintf(out, "  %s：%s\n", filepath.Base(res.Packages[i]), m)
	}
	return nil
}

// exportCounty is `rendadesk export` on a county database: the townships' tables of the period (the county
// has no report of its own to archive). csv is not offered for the county.
func exportCounty(ctx context.Context, db *store.DB, from, to store.Date, formats []string, dir string, out io.Writer) error {
	if slices.Contains(formats, "csv") {
		return usageError{"县级汇总数据库的导出只有 xlsx、pdf、txt"}
	}
	st, err := db.Settings(ctx)
	if err != nil {
		return err
	}
	cf, err := db.CountyFigures(ctx, from, to)
	if err != nil {
		return err
	}
	paths, err := export.WriteCounty(export.County{Settings: st, Figures: cf, Made: db.Now()}, dir, formats)
	for _, p := range paths {
		fmt.Fprintf(out, "已生成: %s\n", p)
	}
	return err
}
