package cli

import (
	"context"

	"rendadesk/export"
	"rendadesk/store"
)

// The documents of the year's work rules and plan (issue 22) join the table of printed documents.
func init() {
	printKinds["compliance"] = printKind{"工作规则执行情况", []string{"year"}, nil, printCompliance}
	printKinds["duty-scores"] = printKind{"代表履职积分排名", []string{"year"}, nil, func(ctx context.Context, db *store.DB, a printArgs) error {
		st, err := db.Settings(ctx)
		if err != nil {
			return err
		}
		scores, points, err := db.DutyScores(ctx, a.year)
		if err != nil {
			return err
		}
		return export.DutyScores(a.out, st, a.year, scores, points, a.today)
	}}
}

// printCompliance prints the year's compliance table as of --today (31 December for a past year).
func printCompliance(ctx context.Context, db *store.DB, a printArgs) error {
	asOf := min(store.YearPeriod(a.year).To, a.today)
	if asOf < store.YearPeriod(a.year).From {
		return store.Errorf(store.EINVALID, "%d年还没有开始，没有可统计的工作规则执行情况", a.year)
	}
	st, err := db.Settings(ctx)
	if err != nil {
		return err
	}
	rows, err := db.Compliance(ctx, a.year, asOf)
	if err != nil {
		return err
	}
	return export.ComplianceTable(a.out, st, a.year, asOf, rows, a.today)
}
