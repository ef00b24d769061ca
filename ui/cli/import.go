package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"runtime/debug"
	"strings"

	"rendadesk/export"
	"rendadesk/store"
)

const importUsage = "import --db PATH deputies|stations|suggestions|rectifications|petitions|districts|articles FILE.xlsx [--dry-run] [--duplicates update|skip] [--skip-errors]\n" +
	"      rendadesk import --db PATH evaluation-targets --campaign ID FILE.xlsx [同上选项]"

const importHelp = "从 Excel 导入代表、联络站、建议、整改事项、信访登记台账、选区、宣传稿件或一项评议活动的评议对象(--campaign 评议活动编号，可带测评票数)：先检查并报告每一行，有错误时什么都不写入；--dry-run 只报告；" +
	"与已有记录重复的行默认跳过(--duplicates update 则更新)；--skip-errors 跳过有错误的行、导入其余的行，" +
	"有错误的行另存为原文件旁的「原文件名-未导入的行.xlsx」(原来的各栏加「错误原因」)，改正后可再导入。\n" +
	"      rendadesk import [--db PATH] --template deputies|stations|suggestions|rectifications|evaluation-targets|petitions|districts|articles --out FILE.xlsx  生成导入模板"

// runImport is `rendadesk import --db PATH KIND FILE.xlsx [--dry-run] [--duplicates update|skip] [--skip-errors]`:
// the file is read and checked row by row by writing it in one transaction (store.BeginImport), the report
// printed, and — unless there are errors or --dry-run, which roll it back — a safety backup made and the
// transaction committed. With --skip-errors the rows with errors are left out: written first to a workbook
// beside the file (export.WriteSkippedRows), then the backup and the commit of the other rows.
// `--template KIND --out FILE` writes the template.
func runImport(ctx context.Context, fs *flag.FlagSet, args []string, out io.Writer) error {
	dbPath := fs.String("db", "", "数据库文件")
	dryRun := fs.Bool("dry-run", false, "只检查并报告，不写入")
	dups := fs.String("duplicates", "skip", "与已有记录重复的行: update(更新) 或 skip(跳过)")
	skipErrors := fs.Bool("skip-errors", false, "跳过有错误的行，导入其余的行；有错误的行另存到原文件旁")
	tmpl := fs.String("template", "", "生成导入模板: deputies|stations|suggestions|rectifications|evaluation-targets|petitions|districts|articles")
	campaign := fs.Int64("campaign", 0, "评议对象导入到哪项评议活动(编号)")
	outPath := fs.String("out", "", "模板文件(与 --template 一起用)")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if *dbPath == "" {
		if *dbPath, err = DefaultDatabase(); err != nil {
			return err
		}
	}
	if *tmpl != "" {
		if len(pos) > 0 {
			return usageError{fmt.Sprintf("--template 不需要其他参数 %q", pos)}
		}
		return writeImportTemplate(ctx, *dbPath, *tmpl, *outPath, out)
	}
	if len(pos) != 2 {
		return usageError{"需要导入类型(deputies、stations、suggestions、rectifications、evaluation-targets、petitions、districts 或 articles)和 Excel 文件"}
	}
	kind := store.ImportKind(pos[0])
	if !kind.Valid() {
		return usageError{fmt.Sprintf("导入类型只能是 deputies、stations、suggestions、rectifications、evaluation-targets、petitions、districts 或 articles，而不是 %q", pos[0])}
	}
	if (kind == store.ImportEvalTargets) != (*campaign != 0) {
		if *campaign == 0 {
			return usageError{"导入评议对象要用 --campaign 指定评议活动的编号"}
		}
		return usageError{"--campaign 只用于导入评议对象(evaluation-targets)"}
	}
	choice := store.ImportChoice{Duplicates: store.ImportSkip, SkipErrors: *skipErrors}
	switch *dups {
	case "skip":
	case "update":
		choice.Duplicates = store.ImportUpdate
	default:
		return usageError{fmt.Sprintf("--duplicates 只能是 update 或 skip，而不是 %q", *dups)}
	}
	if _, err := os.Stat(*dbPath); err != nil {
		return store.Errorf(store.ENOTFOUND, "找不到数据库文件 %s", *dbPath)
	}
	defer limitMemory(importMemoryLimit)()
	sheet, err := export.ReadImportFile(pos[1], kind)
	if err != nil {
		return err
	}
	sheet.CampaignID = *campaign
	// An import is a writer: it takes the lock a window holds (store.Lock), so it is refused while the
	// database is open in a window, which would not see the new records and could save over them.
	db, done, err := openToWrite(*dbPath)
	if err != nil {
		return err
	}
	defer done()
	// Checked by writing it, in a transaction that stays open until the backup is made and then commits (or
	// is rolled back on any way out): the rows are saved once, not once to check and once to write.
	pending, err := db.BeginImport(ctx, &sheet, choice)
	if err != nil {
		return err
	}
	defer pending.Rollback()
	plan := pending.Plan
	n := plan.Counts(choice)
	printImportReport(out, sheet, plan, choice)
	if n.Error > 0 && (!*skipErrors || n.New+n.Update == 0) {
		if *skipErrors {
			return store.Errorf(store.EINVALID, "%d行都有错误，没有可以导入的%s；请改正文件后重新导入", n.Error, kind.Label())
		}
		return store.Errorf(store.EINVALID, "有%d行错误，未导入任何%s；请改正文件后重新导入(或加 --skip-errors 先导入其余 %d 行)",
			n.Error, kind.Label(), n.New+n.Update)
	}
	skipped := ""
	if n.Error > 0 {
		skipped = export.SkippedRowsPath(pos[1])
	}
	if *dryRun {
		if skipped != "" {
			fmt.Fprintf(out, "(--dry-run：只检查，未写入；将导入其余 %d 行，有错误的 %d 行将另存到 %s)\n", n.New+n.Update, n.Error, skipped)
		} else {
			fmt.Fprintln(out, "(--dry-run：只检查，未写入)")
		}
		return nil
	}
	if n.New+n.Update == 0 {
		fmt.Fprintln(out, "没有需要写入的记录")
		return nil
	}
	if skipped != "" {
		// Written before anything changes: a folder that cannot take it stops the import, with nothing written.
		if err := export.WriteSkippedRows(skipped, sheet, plan.ErrorRows(choice)); err != nil {
			return fmt.Errorf("有错误的行无法另存，未导入: %w", err)
		}
	}
	// Taken on another connection while the import's transaction is open: it holds the database as it was.
	backup, err := pending.SafetyBackup(ctx, "导入前")
	if err == nil {
		fmt.Fprintf(out, "导入前已备份到 %s\n", backup)
	} else {
		err = fmt.Errorf("导入前备份失败，未导入: %w", err)
	}
	var res store.ImportResult
	if err == nil {
		res, err = pending.Commit(ctx)
	}
	if err != nil {
		if skipped != "" {
			os.Remove(skipped) // nothing was imported: the rows left out are all of them again
		}
		return err
	}
	fmt.Fprintf(out, "已导入%s：新增 %d、更新 %d、跳过 %d\n", kind.Label(), res.Created, res.Updated, res.Skipped)
	if skipped != "" {
		fmt.Fprintf(out, "有错误的 %d 行未导入，已另存到 %s (原来的各栏加「错误原因」；改正后可以再导入这个文件)\n", res.Failed, skipped)
	}
	return nil
}

// printImportReport prints the counts, then each problem on its own line, then the notes about the file.
func printImportReport(out io.Writer, sheet store.ImportSheet, plan *store.ImportPlan, choice store.ImportChoice) {
	fmt.Fprintf(out, "文件「%s」工作表「%s」，表头在第%d行，%s %d 行\n", sheet.File, sheet.Sheet, sheet.HeaderLine, sheet.Kind.Label(), len(plan.Rows))
	fmt.Fprintln(out, plan.Counts(choice))
	for _, p := range plan.Problems(choice) {
		if p.Warning {
			fmt.Fprintln(out, "警告："+p.Message)
		} else {
			fmt.Fprintln(out, p.Message)
		}
	}
	for _, s := range plan.Notes {
		fmt.Fprintln(out, "说明："+s)
	}
}

// writeImportTemplate writes a kind's template, with the drop-down lists of the database when there is one.
func writeImportTemplate(ctx context.Context, dbPath, kindName, outPath string, out io.Writer) error {
	kind := store.ImportKind(kindName)
	if !kind.Valid() {
		return usageError{fmt.Sprintf("--template 只能是 deputies、stations、suggestions、rectifications、evaluation-targets、petitions、districts 或 articles，而不是 %q", kindName)}
	}
	if outPath == "" {
		return usageError{"缺少 --out 模板文件，例如 --out " + export.TemplateName(kind)}
	}
	if !strings.HasSuffix(strings.ToLower(outPath), ".xlsx") {
		outPath += ".xlsx"
	}
	var lists map[string][]string
	if _, err := os.Stat(dbPath); err == nil {
		db, err := openToRead(dbPath, out)
		if err != nil {
			return err
		}
		defer db.Close()
		if lists, err = db.ImportLists(ctx, kind); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(out, "没有找到数据库 %s：模板中的下拉列表只有固定选项\n", nativePath(dbPath))
	}
	if err := export.ImportTemplate(outPath, kind, lists); err != nil {
		return err
	}
	fmt.Fprintf(out, "已生成%s导入模板 %s\n", kind.Label(), nativePath(outPath))
	return nil
}

// parseInterleaved parses flags that may come before, between or after the positional arguments
// (`import deputies 名册.xlsx --dry-run`), which flag.Parse alone stops at, and returns the positionals.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usageError{err.Error()}
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// importMemoryLimit is the soft limit on the Go heap while a file is imported. The rows read stay alive until
// they are planned (≈110 MB at 50 000 suggestion rows), and the collector's default pacing lets the heap grow
// to twice that between collections: 276-364 MB of RSS for 50 000 suggestions without it, 234-241 MB with it,
// for the same CPU (GNU time on the township demo). It used to bind through the whole write, when the sheet's
// records lived beside the plan's (160 MB live, a collection every few MB: a third of the CPU and most of the
// spread between runs); with store.BeginImport the write holds ≈90 MB and the limit is rarely reached.
const importMemoryLimit = 200 << 20

// limitMemory sets a soft memory limit for the process, unless one was set (GOMEMLIMIT), and returns what
// puts the previous limit back.
func limitMemory(limit int64) (restore func()) {
	prev := debug.SetMemoryLimit(-1)
	if prev != math.MaxInt64 {
		return func() {}
	}
	debug.SetMemoryLimit(limit)
	return func() { debug.SetMemoryLimit(prev) }
}

// collectLess has the collector run at percent (GOGC) under a memory limit (limitMemory), unless GOGC was
// set, and returns what puts the previous pacing back.
func collectLess(percent int) (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	prev := debug.SetGCPercent(percent)
	return func() { debug.SetGCPercent(prev) }
}
