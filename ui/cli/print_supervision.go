package cli

import (
	"context"
	"fmt"
	"strconv"

	"rendadesk/export"
	"rendadesk/store"
)

// The documents of 监督 (issue 17) join the table of printed documents: a campaign's 测评票, 测评结果统计表,
// 评议结果通报 and 整改通知书 (--id the campaign's number), the year's 整改清单/销号台账, the 民生实事 票决票 and
// its 计票结果 (--year), and an inquiry's 两清单一要求 (--id the inquiry's number).
func init() {
	printKinds["evaluation-ballot"] = printKind{"测评票", []string{"id"}, []string{"copies"}, printEvalBallot}
	printKinds["evaluation-result"] = printKind{"测评结果统计表", []string{"id"}, nil, printEvalResult}
	printKinds["evaluation-notice"] = printKind{"评议结果通报", []string{"id"}, nil, printEvalNotice}
	printKinds["rectification-notice"] = printKind{"整改通知书", []string{"id"}, nil, printRectNotice}
	printKinds["rectification-ledger"] = printKind{"整改清单(销号台账)", []string{"year"}, nil, printRectLedger}
	printKinds["livelihood-ballot"] = printKind{"民生实事项目票决票", []string{"year"}, []string{"copies"}, printLivelihoodBallot}
	printKinds["livelihood-result"] = printKind{"民生实事项目票决结果", []string{"year"}, nil, printLivelihoodResult}
	printKinds["inquiry-lists"] = printKind{"两清单一要求", []string{"id"}, nil, printInquiryLists}
}

// recordID reads --id as the positive number of a record of kind (评议活动, 专题询问).
func recordID(a printArgs, kind string) (int64, error) {
	id, err := strconv.ParseInt(a.id, 10, 64)
	if err != nil || id <= 0 {
		return 0, usageError{fmt.Sprintf("--id 应是%s的编号(正整数)，而不是「%s」", kind, a.id)}
	}
	return id, nil
}

// evalDoc reads the campaign --id names.
func evalDoc(ctx context.Context, db *store.DB, a printArgs) (store.EvalDoc, error) {
	id, err := recordID(a, "评议活动")
	if err != nil {
		return store.EvalDoc{}, err
	}
	return db.EvalDoc(ctx, id)
}

// printEvalBallot prints the campaign's 测评票: --copies of them, by default one for each deputy at its 述职测评
// meeting (export.EvalBallots).
func printEvalBallot(ctx context.Context, db *store.DB, a printArgs) error {
	doc, err := evalDoc(ctx, db, a)
	if err != nil {
		return err
	}
	n := a.copies
	if n <= 0 {
		n = export.EvalBallots(doc)
	}
	return export.EvaluationBallot(a.out, doc, n)
}

func printEvalResult(ctx context.Context, db *store.DB, a printArgs) error {
	doc, err := evalDoc(ctx, db, a)
	if err != nil {
		return err
	}
	return export.EvaluationResult(a.out, doc, evalDate(doc, a.today))
}

func printEvalNotice(ctx context.Context, db *store.DB, a printArgs) error {
	doc, err := evalDoc(ctx, db, a)
	if err != nil {
		return err
	}
	return export.EvaluationNotice(a.out, doc, evalDate(doc, a.today))
}

// evalDate is the date a campaign's result documents bear: its 测评 date, or today before one is set.
func evalDate(doc store.EvalDoc, today store.Date) store.Date {
	if doc.Campaign.EvalDate != "" {
		return doc.Campaign.EvalDate
	}
	return today
}

func printRectNotice(ctx context.Context, db *store.DB, a printArgs) error {
	id, err := recordID(a, "评议活动")
	if err != nil {
		return err
	}
	doc, err := db.RectNoticeDoc(ctx, id)
	if err != nil {
		return err
	}
	return export.RectificationNotice(a.out, doc, doc.Issued(a.today))
}

func printRectLedger(ctx context.Context, db *store.DB, a printArgs) error {
	doc, err := db.RectLedgerDoc(ctx, a.year, a.today)
	if err != nil {
		return err
	}
	return export.RectificationLedger(a.out, doc)
}

// printLivelihoodBallot prints the year's 票决票: --copies of them, by default one for each deputy expected (应到)
// or each ballot issued, else one.
func printLivelihoodBallot(ctx context.Context, db *store.DB, a printArgs) error {
	doc, err := db.LivelihoodDoc(ctx, a.year)
	if err != nil {
		return err
	}
	n := a.copies
	if n <= 0 {
		n = max(doc.Vote.Expected, doc.Vote.Issued, 1)
	}
	return export.LivelihoodBallot(a.out, doc, n)
}

func printLivelihoodResult(ctx context.Context, db *store.DB, a printArgs) error {
	doc, err := db.LivelihoodDoc(ctx, a.year)
	if err != nil {
		return err
	}
	return export.LivelihoodResult(a.out, doc)
}

func printInquiryLists(ctx context.Context, db *store.DB, a printArgs) error {
	id, err := recordID(a, "专题询问")
	if err != nil {
		return err
	}
	doc, err := db.InquiryDoc(ctx, id)
	if err != nil {
		return err
	}
	return export.InquiryLists(a.out, doc, doc.Inquiry.Date)
}
