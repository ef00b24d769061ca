package cli

import (
	"context"
	"strconv"

	"rendadesk/export"
	"rendadesk/store"
)

// The documents of issue 16 join the print table: the 选区名册 and a by-election's 补选结果报告 with its
// 代表资格审查报告.
func init() {
	printKinds["districts"] = printKind{"选区名册", nil, nil, printDistricts}
	printKinds["by-election-report"] = printKind{"补选结果报告", []string{"id"}, nil, printByElectionReport}
}

func printDistricts(ctx context.Context, db *store.DB, a printArgs) error {
	st, err := db.Settings(ctx)
	if err != nil {
		return err
	}
	rolls, err := db.DistrictRolls(ctx, "", 0, a.today)
	if err != nil {
		return err
	}
	if len(rolls) == 0 {
		return store.Errorf(store.ENOTFOUND, "还没有登记选区(设置 → 选区)")
	}
	return export.DistrictRoster(a.out, st, rolls, a.today)
}

func printByElectionReport(ctx context.Context, db *store.DB, a printArgs) error {
	id, err := strconv.ParseInt(a.id, 10, 64)
	if err != nil || id <= 0 {
		return usageError{"--id 应为补选记录的编号(数字)"}
	}
	st, err := db.Settings(ctx)
	if err != nil {
		return err
	}
	r, err := db.ByElectionReport(ctx, id)
	if err != nil {
		return err
	}
	return export.ByElectionReport(a.out, st, r, a.today)
}
