package cli

import (
	"context"
	"fmt"
	"strconv"

	"rendadesk/export"
	"rendadesk/store"
)

// The 活动记录 of a meeting or activity, with its attached photos (issue 20), joins the printed documents.
func init() {
	printKinds["activity-record"] = printKind{"活动记录", []string{"id"}, nil, printActivityRecord}
}

// printActivityRecord prints the 活动记录 of the meeting whose number --id is.
func printActivityRecord(ctx context.Context, db *store.DB, a printArgs) error {
	id, err := strconv.ParseInt(a.id, 10, 64)
	if err != nil || id <= 0 {
		return usageError{fmt.Sprintf("打印活动记录需要 --id 会议或活动的编号(正整数)，而不是「%s」", a.id)}
	}
	doc, err := db.ActivityDoc(ctx, id)
	if err != nil {
		return err
	}
	return export.ActivityRecord(a.out, doc, a.today)
}
