package cli

import (
	"context"
	"strconv"
	"strings"

	"rendadesk/export"
	"rendadesk/store"
)

// The deputies' documents of SPEC §6.6 join the print table: the 履职档案 of one deputy and the year's tables
// T10 (履职情况) and T11 (述职评议).
func init() {
	printKinds["deputy-file"] = printKind{"代表履职档案", []string{"id"}, []string{"year"}, printDeputyFile}
	printKinds["deputy-table"] = printKind{"代表履职情况统计表", []string{"year"}, nil, printDeputyTable}
	printKinds["report-back-table"] = printKind{"代表述职评议统计表", []string{"year"}, nil, printReportBackTable}
}

// findDeputy finds the deputy --id names: the internal id (a number) or the exact name. Two deputies of the
// same name are told apart by their ids, which the message lists.
func findDeputy(ctx context.Context, db *store.DB, ref string) (store.Deputy, error) {
	if n, err := strconv.ParseInt(ref, 10, 64); err == nil {
		return db.Deputy(ctx, n)
	}
	var same []store.Deputy
	// The search finds the name quickly; the whole roster is the fallback for a name it cannot tokenise.
	for _, f := range []store.DeputyFilter{{Query: ref}, {}} {
		list, _, err := db.Deputies(ctx, f)
		if err != nil {
			return store.Deputy{}, err
		}
		for _, d := range list {
			if d.Name == ref {
				same = append(same, d)
			}
		}
		if len(same) > 0 {
			break
		}
	}
	switch len(same) {
	case 1:
		return same[0], nil
	case 0:
		return store.Deputy{}, store.Errorf(store.ENOTFOUND, "没有名为「%s」的代表", ref)
	}
	var ids []string
	for _, d := range same {
		ids = append(ids, strconv.FormatInt(d.ID, 10)+"("+d.GroupName+")")
	}
	return store.Deputy{}, store.Errorf(store.EINVALID, "有%d位代表名为「%s」，请用编号指定: %s", len(same), ref, strings.Join(ids, "、"))
}

// yearOr is the year asked for, or the year of today when none was.
func yearOr(a printArgs) int {
	if a.year != 0 {
		return a.year
	}
	return a.today.Year()
}

func printDeputyFile(ctx context.Context, db *store.DB, a printArgs) error {
	st, err := db.Settings(ctx)
	if err != nil {
		return err
	}
	dep, err := findDeputy(ctx, db, a.id)
	if err != nil {
		return err
	}
	year := yearOr(a)
	rec, err := db.DeputyRecord(ctx, dep.ID, year)
	if err != nil {
		return err
	}
	return export.DeputyFile(a.out, st, []store.DeputyRecord{rec}, year, a.today)
}

func printDeputyTable(ctx context.Context, db *store.DB, a printArgs) error {
	st, err := db.Settings(ctx)
	if err != nil {
		return err
	}
	year := yearOr(a)
	recs, err := db.DeputyRecords(ctx, year)
	if err != nil {
		return err
	}
	if len(recs) == 0 {
		return store.Errorf(store.ENOTFOUND, "%d年没有在任的代表，未生成文件", year)
	}
	return export.DeputyTable(a.out, st, recs, year, a.today)
}

func printReportBackTable(ctx context.Context, db *store.DB, a printArgs) error {
	st, err := db.Settings(ctx)
	if err != nil {
		return err
	}
	year := yearOr(a)
	rows, err := db.ReportBacks(ctx, year, 0)
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		return store.Errorf(store.ENOTFOUND, "%d年没有述职评议记录，未生成文件", year)
	}
	return export.ReportBackTable(a.out, st, rows, year, a.today)
}
