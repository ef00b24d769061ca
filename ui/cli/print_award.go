package cli

import (
	"context"
	"strconv"

	"rendadesk/export"
	"rendadesk/store"
)

// The papers of 评先评优 (issue 22 part 4) join the table of printed documents: the 推荐表 of a nomination and
// the year's 表彰决定.
func init() {
	printKinds["award-nomination"] = printKind{"评先评优推荐表", []string{"id"}, nil, func(ctx context.Context, db *store.DB, a printArgs) error {
		id, err := strconv.ParseInt(a.id, 10, 64)
		if err != nil || id <= 0 {
			return usageError{"--id 应为推荐记录的编号(数字)"}
		}
		doc, err := db.AwardNominationDoc(ctx, id)
		if err != nil {
			return err
		}
		return export.AwardNominationForm(a.out, doc)
	}}
	printKinds["award-decision"] = printKind{"表彰决定", []string{"year"}, nil, func(ctx context.Context, db *store.DB, a printArgs) error {
		doc, err := db.AwardDecisionDoc(ctx, a.year)
		if err != nil {
			return err
		}
		return export.AwardDecision(a.out, doc)
	}}
}
