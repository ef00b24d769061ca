// Package cli is the command-line face of rendadesk: the subcommands of SPEC §8 (demo, check, backup …), run
// headless by the same binary. It uses store and export and never Fyne, so scripts and tests can drive every
// main job without a display.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"time"

	"rendadesk/store"
)

// Exit codes (SPEC §8).
const (
	ExitOK    = 0
	ExitError = 1
	ExitUsage = 2
)

// EnvDB names the environment variable that chooses the database when --db is not given.
const EnvDB = "RENDADESK_DB"

// DefaultDatabase resolves the database path when --db is not given: RENDADESK_DB; else a "data" folder beside
// the executable (portable mode, e.g. on a USB stick); else the user's config folder.
func DefaultDatabase() (string, error) {
	if p := os.Getenv(EnvDB); p != "" {
		return p, nil
	}
	if exe, err := os.Executable(); err == nil {
		// Beside the program itself (a symlink resolved), or else beside the path it was started by: on Windows
		// EvalSymlinks fails on some drives (a RAM disk, a volume mounted without a drive letter), and a
		// portable copy must not then quietly use the user's folder instead.
		dirs := []string{filepath.Dir(exe)}
		if real, err := filepath.EvalSymlinks(exe); err == nil {
			dirs = append([]string{filepath.Dir(real)}, dirs...)
		}
		for _, dir := range dirs {
			data := filepath.Join(dir, "data")
			if st, err := os.Stat(data); err == nil && st.IsDir() {
				return filepath.Join(data, "rendadesk.db"), nil
			}
		}
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("找不到用户配置文件夹: %w", err)
	}
	return filepath.Join(dir, "rendadesk", "rendadesk.db"), nil
}

// IsCommand reports whether args start with a subcommand (rather than GUI flags such as --db).
func IsCommand(args []string) bool {
	return len(args) > 0 && !strings.HasPrefix(args[0], "-")
}

type command struct {
	usage string // the synopsis after "rendadesk"
	help  string // one line, Chinese
	run   func(ctx context.Context, fs *flag.FlagSet, args []string, out io.Writer) error
}

var commands = map[string]command{
	"demo":    {"demo --db PATH [--scale township|county|stress|townships] [--seed N] [--today YYYY-MM-DD] [--attachments-gb N] [--packages DIR]", "生成示例数据(只能载入空数据库；--attachments-gb 另加约 N GB 的照片和扫描件，也可加到已有的示例数据库；townships 生成县级汇总数据库和20个乡镇的报送包)", runDemo},
	"check":   {"check --db PATH", "检查数据库完整性和版本", runCheck},
	"backup":  {"backup --db PATH --out FILE", "备份数据库到文件", runBackup},
	"restore": {"restore --db PATH --from BACKUP.db", "用备份恢复数据库(先检查备份；现在的文件改名保留，不删除)", runRestore},
	"export":  {"export --db PATH --year Y [--from D --to D] --format xlsx|pdf|txt|all --out DIR  或  export --db PATH districts --out FILE.xlsx", "导出年度工作统计表(Excel、PDF)和报告文字稿(txt)，并记入报送存档；districts 导出选区名册(改后可用 import districts 导入)", runExport},
	"reports": {"reports --db PATH [--year Y] [--diff]", "列出已报送版本(报送存档)；--diff 与今天按同一截至日期重新统计的结果比较", runReports},
	"print":   {printUsage, "打印文件(PDF)，KIND 可以是:", runPrint},
	"import":  {importUsage, importHelp, runImport},
	// 报送与县级汇总 (issue 19)
	"package": {"package --db PATH --year Y [--as-of D] --out FILE.rdpkg|DIR", "生成报送县人大的报送包(另附 Excel)，并记入报送存档", runPackage},
	"merge":   {"merge --db COUNTY.db [--name 青川县人大常委会] FILE|DIR…", "县级汇总：导入各乡镇的报送包(数据库不存在时新建县级汇总数据库)", runMerge},
}

// Usage writes the list of commands.
func Usage(w io.Writer) {
	fmt.Fprintln(w, "用法 (usage):")
	fmt.Fprintln(w, "  rendadesk [--db PATH]          打开人大工作台窗口")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  rendadesk %s\n      %s\n", commands[n].usage, commands[n].help)
		if n == "print" { // the kinds are registered by several files' init(), so list them now
			fmt.Fprintf(w, "      %s\n", printKindList())
		}
	}
}

// usageError is a bad command line: exit 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// Run runs one subcommand and returns the exit code. Errors go to stderr as one line, Chinese then English.
func Run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		Usage(stderr)
		return ExitUsage
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "--help" {
		Usage(stdout)
		return ExitOK
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "未知命令「%s」(unknown command %q)\n", name, name)
		Usage(stderr)
		return ExitUsage
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	err := cmd.run(context.Background(), fs, args[1:], stdout)
	var ue usageError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "用法错误: %s (usage: rendadesk %s)\n", ue.msg, cmd.usage)
		return ExitUsage
	default:
		fmt.Fprintf(stderr, "错误: %s (error: %s)\n", oneLine(store.ErrorMessage(err)), english(err))
		return ExitError
	}
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", "；")), " ")
}

// english names the kind of failure for the English half of an error line.
func english(err error) string {
	switch store.ErrorCode(err) {
	case store.EINVALID:
		return "invalid input"
	case store.ENOTFOUND:
		return "not found"
	case store.ECONFLICT:
		return "conflict"
	case store.ESTATE:
		return "step not allowed in this state"
	case store.ECORRUPT:
		return "database damaged"
	case store.ESCHEMA:
		return "not a rendadesk database or newer schema"
	}
	return "failed"
}

// parse parses flags and refuses positional arguments and a missing --db.
func parse(fs *flag.FlagSet, args []string, db *string) error {
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("多余的参数 %q", fs.Args())}
	}
	if db != nil && *db == "" {
		p, err := DefaultDatabase()
		if err != nil {
			return err
		}
		*db = p
	}
	if db != nil {
		*db = nativePath(*db)
	}
	return nil
}

func runDemo(ctx context.Context, fs *flag.FlagSet, args []string, out io.Writer) error {
	dbPath := fs.String("db", "", "数据库文件")
	scale := fs.String("scale", store.DemoTownship, "规模: "+strings.Join(store.DemoScales, "|"))
	seed := fs.Int64("seed", 1, "随机种子")
	today := fs.String("today", "", "示例数据的“今天”(默认今天)")
	attachGB := fs.Float64("attachments-gb", 0, "另加约 N GB 的附件示例数据(照片、扫描件)，供性能测试")
	packages := fs.String("packages", "", "--scale townships：各乡镇报送包存放的文件夹(默认数据库旁的“报送包”文件夹)")
	if err := parse(fs, args, dbPath); err != nil {
		return err
	}
	if *scale == store.DemoLinkScale {
		return demoCounty(ctx, *dbPath, *seed, *today, *packages, out)
	}
	if !slices.Contains(store.DemoScales, *scale) {
		return usageError{fmt.Sprintf("--scale 只能是 %s 或 %s，而不是 %q", strings.Join(store.DemoScales, "、"), store.DemoLinkScale, *scale)}
	}
	t, err := store.ParseDate(*today)
	if err != nil {
		return usageError{"--today: " + err.Error()}
	}
	// Writers take the lock a window holds (store.Lock): a window open on the file would not see the new
	// records and could save over them.
	db, done, err := openToWrite(*dbPath)
	if err != nil {
		return err
	}
	defer done()
	start := time.Now()
	stats, err := db.GenerateDemo(ctx, store.DemoOptions{Scale: *scale, Seed: *seed, Today: t})
	if err != nil && *attachGB > 0 && store.ErrorCode(err) == store.ECONFLICT {
		return demoAttachments(ctx, db, *attachGB, *seed, out) // only the attachments, to a demo made before
	}
	if err != nil {
		return err
	}

	elapsed := time.Since(start)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(out, "已生成示例数据(%s, 种子 %d)到 %s，用时 %.2f 秒\n", *scale, *seed, db.Path(), elapsed.Seconds())
	names := make([]string, 0, len(stats.Rows))
	for n := range stats.Rows {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(out, "  %-24s %d\n", n, stats.Rows[n])
	}
	if *attachGB > 0 {
		return demoAttachments(ctx, db, *attachGB, *seed, out)
	}
	return nil
}

func runCheck(ctx context.Context, fs *flag.FlagSet, args []string, out io.Writer) error {
	dbPath := fs.String("db", "", "数据库文件")
	if err := parse(fs, args, dbPath); err != nil {
		return err
	}
	res, err := store.CheckFile(ctx, *dbPath)
	if err != nil {
		if store.ErrorCode(err) == store.ENOTFOUND {
			return &store.Error{Code: store.ENOTFOUND, Message: store.ErrorMessage(err) + leftoversHint(ctx, *dbPath)}
		}
		return &store.Error{Code: store.ErrorCode(err), Message: store.ErrorMessage(err) + restoreHint(*dbPath)}
	}
	if !res.OK {
		// The findings (SQLite's words, possibly hundreds of lines) go to stdout; the error line sums them up.
		if res.Findings > 0 {
			for _, p := range res.Problems {
				fmt.Fprintln(out, p)
			}
		}
		return store.Errorf(store.ECORRUPT, "数据库 %s 有问题: %s%s", *dbPath, res.Summary(), restoreHint(*dbPath))
	}
	status := "最新"
	if res.Version < res.Current {
		status = fmt.Sprintf("打开时将升级到版本 %d", res.Current)
	}
	fmt.Fprintf(out, "ok: 数据库完整，版本 %d(%s)；代表 %d 人，联络站 %d 个，建议 %d 件，会议活动 %d 次\n",
		res.Version, status, res.Counts["deputies"], res.Counts["stations"], res.Counts["suggestions"], res.Counts["meetings"])
	if line := attachmentsChecked(res); line != "" {
		fmt.Fprintln(out, line)
	}
	fmt.Fprintln(out, newestBackup(*dbPath))
	return nil
}

// newestBackup is the line of check about the backups: the newest, or where they would be.
func newestBackup(dbPath string) string {
	list, err := store.ListBackups(dbPath)
	switch {
	case err != nil:
		return "备份: " + store.ErrorMessage(err)
	case len(list) == 0:
		return "备份: 还没有备份(自动备份在 " + store.BackupDir(dbPath) + ")"
	}
	b := list[0]
	return fmt.Sprintf("备份: 共 %d 份，最近一份 %s(%s，%.1f MB) %s", len(list), b.Time.Format("2006-01-02 15:04"), b.Reason, float64(b.Size)/1e6, b.Path)
}

// leftoversHint tells a check of a missing database what an interrupted restore left beside it, and how to
// put it in place.
func leftoversHint(ctx context.Context, dbPath string) string {
	left, err := store.RestoreLeftovers(ctx, dbPath)
	switch {
	case err != nil:
		return ""
	case len(left.Aside) > 0:
		return fmt.Sprintf("；旁边有上次恢复备份前保留的文件 %s，可以用 rendadesk restore --db %s --from %s 换回", left.Aside[0].Path, dbPath, left.Aside[0].Path)
	case left.Part != "":
		return fmt.Sprintf("；旁边有上次恢复时复制好的备份 %s，可以用 rendadesk restore --db %s --from %s 完成恢复", left.Part, dbPath, left.Part)
	}
	return ""
}

// restoreHint tells a check that failed how to get back the newest backup that passes the check, when there
// is one.
func restoreHint(dbPath string) string {
	list, err := store.ListBackups(dbPath)
	if err != nil {
		return ""
	}
	for _, b := range list {
		if b.Reason == store.BackupRestore {
			continue // kept aside by a restore: data the clerk chose to leave
		}
		if res, err := store.CheckFile(context.Background(), b.Path); err == nil && res.OK {
			return fmt.Sprintf("；最近的完好备份是 %s(%s)，可以用 rendadesk restore --db %s --from %s 恢复",
				b.Time.Format("2006-01-02 15:04"), b.Reason, dbPath, b.Path)
		}
	}
	return ""
}

func runBackup(ctx context.Context, fs *flag.FlagSet, args []string, out io.Writer) error {
	dbPath := fs.String("db", "", "数据库文件")
	outPath := fs.String("out", "", "备份文件")
	if err := parse(fs, args, dbPath); err != nil {
		return err
	}
	if *outPath == "" {
		return usageError{"缺少 --out 备份文件"}
	}
	db, err := openToRead(*dbPath, out)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Backup(ctx, *outPath); err != nil {
		return err
	}
	st, _ := os.Stat(*outPath)
	fmt.Fprintf(out, "已备份到 %s(%.1f MB)\n", nativePath(*outPath), float64(st.Size())/1e6)
	return nil
}

// openToRead opens the database for a command that only reads it (export, print, backup, the template's lists):
// store.OpenReadOnly, which never changes the file and needs no lock, so it works while a window has the file
// open. A file of an older version is read through an upgraded copy, and the command says so.
// openToWrite takes the lock a window holds (store.Lock) and opens the database for a writing command: a window
// open on the file would not see the new records and could save over them, so it is refused while one is.
// done closes the database, then releases the lock.
func openToWrite(dbPath string) (db *store.DB, done func(), err error) {
	release, err := store.Lock(dbPath)
	if err != nil {
		return nil, nil, err
	}
	if db, err = store.Open(dbPath); err != nil {
		release()
		return nil, nil, err
	}
	return db, func() { db.Close(); release() }, nil
}

func openToRead(dbPath string, out io.Writer) (*store.DB, error) {
	db, err := store.OpenReadOnly(dbPath)
	if err != nil {
		return nil, err
	}
	if note := db.ReadOnlyNote(); note != "" {
		fmt.Fprintln(out, "说明："+note)
	}
	return db, nil
}

// runRestore puts a backup in place of the database: it takes the database's lock (refused while a window has
// it open), and store.Restore checks the backup before anything changes and keeps the current file aside.
func runRestore(ctx context.Context, fs *flag.FlagSet, args []string, out io.Writer) error {
	dbPath := fs.String("db", "", "数据库文件")
	from := fs.String("from", "", "备份文件")
	if err := parse(fs, args, dbPath); err != nil {
		return err
	}
	if *from == "" {
		return usageError{"缺少 --from 备份文件"}
	}
	release, err := store.Lock(*dbPath)
	if err != nil {
		return err
	}
	defer release()
	kept, err := store.Restore(ctx, *dbPath, *from)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "已用 %s 恢复数据库 %s\n", nativePath(*from), *dbPath)
	if kept != "" {
		fmt.Fprintf(out, "原来的数据库文件保留为 %s\n", nativePath(kept))
	}
	return nil
}
