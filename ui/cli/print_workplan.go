package cli

import (
	"context"

	"rendadesk/export"
	"rendadesk/store"
)

// `rendadesk print work-plan --year Y`: the year's plan as the 年度工作要点 for the Party committee (issue 22).
func init() {
	printKinds["work-plan"] = printKind{"年度工作要点", []string{"year"}, nil, printWorkPlan}
}

// printWorkPlan prints the plan of --year; a year without a plan says how to make one.
func printWorkPlan(ctx context.Context, db *store.DB, a printArgs) error {
	st, err := db.Settings(ctx)
	if err != nil {
		return err
	}
	items, err := db.PlanItems(ctx, a.year)
	if err != nil {
		return err
	}
	if len(items) == 0 {
		return store.Errorf(store.EINVALID, "%d年度还没有工作计划：请先在「报表 → 年度工作计划」中按规则生成草稿并修改", a.year)
	}
	return export.WorkPlan(a.out, st, a.year, items, a.today)
}
