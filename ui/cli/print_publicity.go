package cli

import (
	"context"

	"rendadesk/export"
	"rendadesk/store"
)

// The 宣传信息统计表 (issue 22 part 6) joins the table of printed documents.
func init() {
	printKinds["publicity"] = printKind{"宣传信息统计表", []string{"year"}, nil, printPublicity}
}

// printPublicity prints the year's pieces by level against the quotas as of --today (31 December for a past year).
func printPublicity(ctx context.Context, db *store.DB, a printArgs) error {
	y := store.YearPeriod(a.year)
	asOf := min(y.To, a.today)
	if asOf < y.From {
		return store.Errorf(store.EINVALID, "%d年还没有开始，没有可统计的宣传信息", a.year)
	}
	st, err := db.Settings(ctx)
	if err != nil {
		return err
	}
	f, err := db.Publicity(ctx, y.From, asOf)
	if err != nil {
		return err
	}
	return export.PublicityList(a.out, st, a.year, asOf, f, a.today)
}
