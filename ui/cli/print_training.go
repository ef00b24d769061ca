package cli

import (
	"context"

	"rendadesk/export"
	"rendadesk/store"
)

// The 培训学习情况表 (issue 22 part 5) joins the table of printed documents.
func init() {
	printKinds["training"] = printKind{"培训学习情况表", []string{"year"}, nil, printTraining}
}

// printTraining prints the year's trainings and each deputy's hours as of --today (31 December for a past year).
func printTraining(ctx context.Context, db *store.DB, a printArgs) error {
	y := store.YearPeriod(a.year)
	asOf := min(y.To, a.today)
	if asOf < y.From {
		return store.Errorf(store.EINVALID, "%d年还没有开始，没有可统计的培训学习", a.year)
	}
	st, err := db.Settings(ctx)
	if err != nil {
		return err
	}
	f, err := db.Training(ctx, y.From, asOf)
	if err != nil {
		return err
	}
	return export.TrainingTable(a.out, st, a.year, asOf, f, a.today)
}
