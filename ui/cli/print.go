package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"rendadesk/export"
	"rendadesk/store"
)

// printUsage is the synopsis of `rendadesk print`.
const printUsage = "print --db PATH KIND [--id N | --year Y | --unit NAME] [--parts A,B] [--today YYYY-MM-DD] --out FILE.pdf"

// printArgs are the options of `rendadesk print` after parsing.
type printArgs struct {
	id    string // the item: its internal id or its number (2024-012)
	year  int
	unit  string
	today store.Date
	out   string
	parts []string        // for documents made of parts (meeting materials): which ones; empty = all
	set   map[string]bool // the flags given on the command line
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
	a := printArgs{id: strings.TrimSpace(*id), year: *year, unit: strings.TrimSpace(*unit), out: *outPath, set: map[string]bool{}}
	for _, p := range strings.FieldsFunc(*parts, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
		a.parts = append(a.parts, strings.TrimSpace(p))
	}
	fs.Visit(func(f *flag.Flag) { a.set[f.Name] = true })
	for _, f := range kind.needs {
		if !a.set[f] {
			return usageError{fmt.Sprintf("打印%s需要 --%s", kind.name, f)}
		}
	}
	for _, f := range []string{"id", "year", "unit", "parts"} {
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
	if _, err := os.Stat(*dbPath); err != nil {
		return store.Errorf(store.ENOTFOUND, "找不到数据库文件 %s", *dbPath)
	}
	db, err := store.Open(*dbPath)
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
	fmt.Fprintf(out, "已生成%s: %s\n", kind.name, a.out)
	return nil
}

// findItem finds the item --id names: its internal id (a number) or its number (2024-012).
func findItem(ctx context.Context, db *store.DB, ref string) (store.Suggestion, error) {
	if n, err := strconv.ParseInt(ref, 10, 64); err == nil {
		// A number made only of digits is an internal id, unless there is none: then try it as a typed number.
		if s, err := db.Suggestion(ctx, n); err == nil || store.ErrorCode(err) != store.ENOTFOUND {
			return s, err
		}
	}
	list, _, err := db.Suggestions(ctx, store.SuggestionFilter{Query: ref})
	if err != nil {
		return store.Suggestion{}, err
	}
	for _, s := range list {
		if s.Number == ref {
			return s, nil
		}
	}
	return store.Suggestion{}, store.Errorf(store.ENOTFOUND, "没有编号为「%s」的建议", ref)
}

// names resolves the deputies and units an item refers to, for printing.
type names struct {
	units map[int64]string
	db    *store.DB
}

func newNames(ctx context.Context, db *store.DB) (*names, error) {
	units, err := db.Units(ctx)
	if err != nil {
		return nil, err
	}
	n := &names{units: map[int64]string{}, db: db}
	for _, u := range units {
		n.units[u.ID] = u.Name
	}
	return n, nil
}

// item adds the names of the co-signers and assisting units to s.
func (n *names) item(ctx context.Context, s store.Suggestion) (export.Item, error) {
	it := export.Item{Suggestion: s}
	if len(s.CosignerIDs) > 0 {
		deputies, err := n.db.DeputyNames(ctx, s.CosignerIDs)
		if err != nil {
			return it, err
		}
		for _, id := range s.CosignerIDs {
			it.Cosigners = append(it.Cosigners, deputies[id])
		}
	}
	for _, id := range s.AssistUnitIDs {
		it.AssistUnits = append(it.AssistUnits, n.units[id])
	}
	return it, nil
}

// loadItem reads the item --id names with the names it refers to.
func loadItem(ctx context.Context, db *store.DB, ref string) (export.Item, store.Settings, error) {
	var it export.Item
	st, err := db.Settings(ctx)
	if err != nil {
		return it, st, err
	}
	s, err := findItem(ctx, db, ref)
	if err != nil {
		return it, st, err
	}
	n, err := newNames(ctx, db)
	if err != nil {
		return it, st, err
	}
	it, err = n.item(ctx, s)
	return it, st, err
}

func printAssignForm(ctx context.Context, db *store.DB, a printArgs) error {
	it, st, err := loadItem(ctx, db, a.id)
	if err != nil {
		return err
	}
	date := it.Assigned
	if date == "" {
		date = a.today
	}
	return export.AssignForm(a.out, st, it, date)
}

func printSatisfactionForm(ctx context.Context, db *store.DB, a printArgs) error {
	it, st, err := loadItem(ctx, db, a.id)
	if err != nil {
		return err
	}
	h, err := db.Handling(ctx, it.ID)
	if err != nil {
		return err
	}
	if len(h.Replies) == 0 {
		return store.Errorf(store.ESTATE, "建议「%s」当前状态为「%s」，还没有答复，不能打印征询意见表", it.Number, it.State)
	}
	return export.SatisfactionForm(a.out, st, it, h)
}

func printItemHistory(ctx context.Context, db *store.DB, a printArgs) error {
	it, st, err := loadItem(ctx, db, a.id)
	if err != nil {
		return err
	}
	steps, err := db.Timeline(ctx, it.ID)
	if err != nil {
		return err
	}
	h, err := db.Handling(ctx, it.ID)
	if err != nil {
		return err
	}
	return export.ItemHistory(a.out, st, it, steps, h, a.today)
}

// findUnit finds the unit --unit names: by its exact name, or by a part of it that only one unit has.
func findUnit(ctx context.Context, db *store.DB, name string) (store.Unit, error) {
	units, err := db.Units(ctx)
	if err != nil {
		return store.Unit{}, err
	}
	var like []store.Unit
	for _, u := range units {
		if u.Name == name {
			return u, nil
		}
		if strings.Contains(u.Name, name) {
			like = append(like, u)
		}
	}
	switch len(like) {
	case 1:
		return like[0], nil
	case 0:
		return store.Unit{}, store.Errorf(store.ENOTFOUND, "没有名为「%s」的承办单位", name)
	}
	var ns []string
	for _, u := range like {
		ns = append(ns, u.Name)
	}
	return store.Unit{}, store.Errorf(store.EINVALID, "「%s」可以指%s，请写出完整的单位名称", name, strings.Join(ns, "、"))
}

// unitSections groups items by unit in the units' order: each unit's items as main unit and, when assisting
// is set, those it assists. Units without items are left out; only is the one unit asked for, or 0.
func unitSections(ctx context.Context, db *store.DB, items []store.Suggestion, only int64, assisting bool) ([]export.UnitItems, error) {
	units, err := db.Units(ctx)
	if err != nil {
		return nil, err
	}
	n, err := newNames(ctx, db)
	if err != nil {
		return nil, err
	}
	byID := map[int64]export.Item{}
	for _, s := range items {
		it, err := n.item(ctx, s)
		if err != nil {
			return nil, err
		}
		byID[s.ID] = it
	}
	var out []export.UnitItems
	for _, u := range units {
		if only != 0 && u.ID != only {
			continue
		}
		sec := export.UnitItems{Unit: u.Name}
		for _, s := range items {
			switch {
			case s.MainUnitID == u.ID:
				sec.Items = append(sec.Items, byID[s.ID])
			case assisting && slices.Contains(s.AssistUnitIDs, u.ID):
				sec.Assisting = append(sec.Assisting, byID[s.ID])
			}
		}
		if len(sec.Items)+len(sec.Assisting) > 0 {
			out = append(out, sec)
		}
	}
	return out, nil
}

func printAssignList(ctx context.Context, db *store.DB, a printArgs) error {
	st, err := db.Settings(ctx)
	if err != nil {
		return err
	}
	f := store.SuggestionFilter{Year: a.year, Sort: "number"}
	var unit store.Unit
	if a.unit != "" {
		if unit, err = findUnit(ctx, db, a.unit); err != nil {
			return err
		}
		f.UnitID = unit.ID
	}
	all, _, err := db.Suggestions(ctx, f)
	if err != nil {
		return err
	}
	var assigned []store.Suggestion
	for _, s := range all {
		if s.MainUnitID != 0 {
			assigned = append(assigned, s)
		}
	}
	sections, err := unitSections(ctx, db, assigned, unit.ID, true)
	if err != nil {
		return err
	}
	if len(sections) == 0 {
		if unit.ID != 0 {
			return store.Errorf(store.ENOTFOUND, "%d年没有交办给「%s」的建议，未生成文件", a.year, unit.Name)
		}
		return store.Errorf(store.ENOTFOUND, "%d年没有已交办的建议，未生成文件", a.year)
	}
	return export.AssignList(a.out, st, a.year, sections, a.today)
}

func printOverdueNotice(ctx context.Context, db *store.DB, a printArgs) error {
	st, err := db.Settings(ctx)
	if err != nil {
		return err
	}
	f := store.SuggestionFilter{Overdue: true, Today: a.today, Sort: "number"}
	var unit store.Unit
	if a.unit != "" {
		if unit, err = findUnit(ctx, db, a.unit); err != nil {
			return err
		}
		f.UnitID = unit.ID
	}
	items, _, err := db.Suggestions(ctx, f)
	if err != nil {
		return err
	}
	sections, err := unitSections(ctx, db, items, unit.ID, false)
	if err != nil {
		return err
	}
	if len(sections) == 0 {
		who := ""
		if unit.ID != 0 {
			who = "「" + unit.Name + "」"
		}
		return store.Errorf(store.ENOTFOUND, "截至%s%s没有逾期未答复的建议，未生成文件", a.today.Chinese(), who)
	}
	return export.OverdueNotice(a.out, st, sections, a.today)
}

// PrintOptions chooses what Print prints: an item (ID: its internal id or its number 2024-012), a year, a unit
// (empty: every unit), the parts of a document made of parts (empty: all), and the day the document is dated
// (empty: today).
type PrintOptions struct {
	ID    string
	Year  int
	Unit  string
	Parts []string
	Today store.Date
}

// Print writes one document of kind (assign-form, assign-list, overdue-notice, satisfaction-form,
// item-history) to the PDF file out. It is the one path behind `rendadesk print` and the window's 打印 buttons.
func Print(ctx context.Context, db *store.DB, kind string, o PrintOptions, out string) error {
	k, ok := printKinds[kind]
	if !ok {
		return store.Errorf(store.EINVALID, "不认识的文件种类「%s」，可以是: %s", kind, printKindList())
	}
	today := o.Today
	if today == "" {
		today = store.DateOf(db.Now())
	}
	return k.run(ctx, db, printArgs{id: o.ID, year: o.Year, unit: o.Unit, parts: o.Parts, today: today, out: out, set: map[string]bool{}})
}
