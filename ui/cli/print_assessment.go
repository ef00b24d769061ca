package cli

import (
	"context"

	"rendadesk/export"
	"rendadesk/store"
)

// `rendadesk print assessment-pack --year Y`: the year's 考评材料 in one PDF (issue 22).
func init() {
	printKinds["assessment-pack"] = printKind{"年度工作考评材料", []string{"year"}, nil, printAssessmentPack}
}

// printAssessmentPack prints the pack of --year as of --today (31 December for a past year).
func printAssessmentPack(ctx context.Context, db *store.DB, a printArgs) error {
	y := store.YearPeriod(a.year)
	if a.today < y.From {
		return store.Errorf(store.EINVALID, "%d年还没有开始，没有可供考评的材料", a.year)
	}
	rep, err := db.LoadReport(ctx, y.From, y.To, min(y.To, a.today))
	if err != nil {
		return err
	}
	return export.AssessmentPack(a.out, export.Report{ReportData: rep}, a.today)
}
