package cli

import (
	"context"

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

// yearOr is the year asked for, or the year of today when none was.
func yearOr(a printArgs) int {
	if a.year != 0 {
		return a.year
	}
	return a.today.Year()
}

func printDeputyFile(ctx context.Context, db *store.DB, a printArgs) error {
	dep, err := db.FindDeputy(ctx, a.id)
	if err != nil {
		return err
	}
	doc, err := db.DeputyFileDoc(ctx, dep.ID, yearOr(a))
	if err != nil {
		return err
	}
	return export.DeputyFile(a.out, doc.Settings, doc.Records, doc.Year, a.today)
}

func printDeputyTable(ctx context.Context, db *store.DB, a printArgs) error {
	doc, err := db.DeputyTableDoc(ctx, yearOr(a))
	if err != nil {
		return err
	}
	return export.DeputyTable(a.out, doc.Settings, doc.Records, doc.Year, a.today)
}

func printReportBackTable(ctx context.Context, db *store.DB, a printArgs) error {
	doc, err := db.ReportBackDoc(ctx, yearOr(a))
	if err != nil {
		return err
	}
	return export.ReportBackTable(a.out, doc.Settings, doc.Rows, doc.Year, a.today)
}
