package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"rendadesk/export"
	"rendadesk/store"
)

// printUsage is the synopsis of `rendadesk print`.
const printUsage = "print --db PATH KIND [--id N | --year Y | --unit NAME] [--parts A,B] [--per-sheet 1|2|4] [--copies N] [--today YYYY-MM-DD] --out FILE.pdf"

// printArgs are the options of `rendadesk print` after parsing.
type printArgs struct {
	id    string // the item: its internal id or its number (2024-012)
	year  int
	unit  string
	today store.Date
	out   string
	parts []string // for documents made of parts (meeting materials): which ones; empty = all
	// perSheet and copies are the ballots of meeting materials on one A4 sheet and of each (0: the default).
	perSheet, copies int
	set              map[string]bool // the flags given on the command line
}

// printKind is one document `rendadesk print` makes (SPEC §6.4–6.6).
type printKind struct {
	name  string   // Chinese, for messages
	needs []string // required flags besides --db and --out
	takes []string // optional flags besides --db, --out and --today
	run   func(ctx context.Context, db *store.DB, a printArgs) error
}

// printKinds are the documents of the suggestion workflow (SPEC §6.5). The meeting, roster and deputy
// documents of §6.4 and §6.6 join this table when they are built.
var printKinds = map[string]printKind{
	"assign-form":       {"交办单", []string{"id"}, nil, printAssignForm},
	"assign-list":       {"交办清单", []string{"year"}, []string{"unit"}, printAssignList},
	"overdue-notice":    {"督办通知", nil, []string{"unit"}, printOverdueNotice},
	"satisfaction-form": {"代表意见征询表", []string{"id"}, nil, printSatisfactionForm},
	"item-history":      {"建议办理过程单", []string{"id"}, nil, printItemHistory},
}

// printKindList names the kinds for usage messages: "assign-form(交办单)、assign-list(交办清单)…".
func printKindList() string {
	names := make([]string, 0, len(printKinds))
	for n := range printKinds {
		names = append(names, n)
	}
	slices.Sort(names)
	for i, n := range names {
		names[i] = n + "(" + printKinds[n].name + ")"
	}
	return strings.Join(names, "、")
}

// runPrint is `rendadesk print --db PATH KIND …`. The flag package stops at the first positional argument,
// so the flags before KIND are parsed, then KIND is taken, then the flags after it.
func runPrint(ctx context.Context, fs *flag.FlagSet, args []string, out io.Writer) error {
	dbPath := fs.String("db", "", "数据库文件")
	id := fs.String("id", "", "记录: 建议的内部编号或编号(如 2024-012)、会议编号、代表编号或姓名")
	year := fs.Int("year", 0, "年度")
	unit := fs.String("unit", "", "承办单位名称")
	today := fs.String("today", "", "以哪一天为“今天”(默认今天)")
	outPath := fs.String("out", "", "输出的 PDF 文件")
	parts := fs.String("parts", "", "只打印其中几部分，用逗号分隔(会议材料)")
	perSheet := fs.Int("per-sheet", 0, "每张A4纸印几张表决票或选票: 1、2 或 4(会议材料，默认 2)")
	copies := fs.Int("copies", 0, "每种表决票或选票印几份(会议材料，默认为应到人数)")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if fs.NArg() == 0 {
		return usageError{"缺少要打印的文件种类，可以是: " + printKindList()}
	}
	name := fs.Arg(0)
	kind, ok := printKinds[name]
	if !ok {
		return usageError{fmt.Sprintf("不认识的文件种类「%s」，可以是: %s", name, printKindList())}
	}
	if err := parse(fs, fs.Args()[1:], dbPath); err != nil {
		return err
	}
	a := printArgs{id: strings.TrimSpace(*id), year: *year, unit: strings.TrimSpace(*unit), out: *outPath, set: map[string]bool{},
		perSheet: *perSheet, copies: *copies}
	for _, p := range strings.FieldsFunc(*parts, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
		a.parts = append(a.parts, strings.TrimSpace(p))
	}
	fs.Visit(func(f *flag.Flag) { a.set[f.Name] = true })
	for _, f := range kind.needs {
		if !a.set[f] {
			return usageError{fmt.Sprintf("打印%s需要 --%s", kind.name, f)}
		}
	}
	for _, f := range []string{"id", "year", "unit", "parts", "per-sheet", "copies"} {
		if a.set[f] && !slices.Contains(kind.needs, f) && !slices.Contains(kind.takes, f) {
			return usageError{fmt.Sprintf("打印%s不用 --%s", kind.name, f)}
		}
	}
	if a.set["year"] && (a.year < 1900 || a.year > 2200) {
		return usageError{fmt.Sprintf("--year %d 不是合理的年份", a.year)}
	}
	if a.set["id"] && a.id == "" {
		return usageError{"--id 不能为空"}
	}
	if a.out == "" {
		return usageError{"缺少 --out 输出的 PDF 文件"}
	}
	t, err := store.ParseDate(*today)
	if err != nil {
		return usageError{"--today: " + err.Error()}
	}
	db, err := openToRead(*dbPath, out)
	if err != nil {
		return err
	}
	defer db.Close()
	if t == "" {
		t = store.DateOf(db.Now())
	}
	a.today = t
	if err := kind.run(ctx, db, a); err != nil {
		return err
	}
	fmt.Fprintf(out, "已生成%s: %s\n", kind.name, nativePath(a.out))
	return nil
}

// findItem finds the item --id names: its internal id or its number (2024-012).
func findItem(ctx context.Context, db *store.DB, ref string) (store.SuggestionDoc, error) {
	s, err := db.FindSuggestion(ctx, ref)
	if err != nil {
		return store.SuggestionDoc{}, err
	}
	return db.SuggestionDoc(ctx, s.ID)
}

// unitID is the id of the unit --unit names, or 0 when none is named (every unit).
func unitID(ctx context.Context, db *store.DB, name string) (int64, error) {
	if name == "" {
		return 0, nil
	}
	u, err := db.FindUnit(ctx, name)
	return u.ID, err
}

func printAssignForm(ctx context.Context, db *store.DB, a printArgs) error {
	doc, err := findItem(ctx, db, a.id)
	if err != nil {
		return err
	}
	date := doc.Item.Assigned
	if date == "" {
		date = a.today
	}
	return export.AssignForm(a.out, doc.Settings, doc.Item, date)
}

func printSatisfactionForm(ctx context.Context, db *store.DB, a printArgs) error {
	doc, err := findItem(ctx, db, a.id)
	if err != nil {
		return err
	}
	return export.SatisfactionForm(a.out, doc.Settings, doc.Item, doc.Handling)
}

func printItemHistory(ctx context.Context, db *store.DB, a printArgs) error {
	doc, err := findItem(ctx, db, a.id)
	if err != nil {
		return err
	}
	return export.ItemHistory(a.out, doc.Settings, doc.Item, doc.Timeline, doc.Handling, a.today)
}

func printAssignList(ctx context.Context, db *store.DB, a printArgs) error {
	unit, err := unitID(ctx, db, a.unit)
	if err != nil {
		return err
	}
	doc, err := db.AssignListDoc(ctx, a.year, unit)
	if err != nil {
		return err
	}
	return export.AssignList(a.out, doc.Settings, a.year, doc.Sections, a.today)
}

func printOverdueNotice(ctx context.Context, db *store.DB, a printArgs) error {
	unit, err := unitID(ctx, db, a.unit)
	if err != nil {
		return err
	}
	doc, err := db.OverdueDoc(ctx, a.today, unit)
	if err != nil {
		return err
	}
	return export.OverdueNotice(a.out, doc.Settings, doc.Sections, a.today)
}
