package store

import (
	"cmp"
	"fmt"
	"slices"
)

// T4, the county's ledger (办理情况一览表): every suggestion of the window with its handling as it stood on the
// report date. The outcome, the evaluation, 答复 and 按期 are read from the figures' own rows (figureRows), so
// that the ledger lists exactly what the figures count; the state is the timeline's.

// ItemAsOf is an item's handling as it stood on the report date.
type ItemAsOf struct {
	State       string // the state after the last step of the timeline dated on or before the day
	Assigned    Date   // 交办日期, when assigned by the day
	Deadline    Date   // 办理时限 of round 1 (after any extension), when assigned by the day
	Forwarded   Date   // 转交上级, when forwarded by the day
	FirstReply  Date   // the first reply, when made by the day
	ReplyMethod string // the method of the latest reply by the day
	OnTime      string // 是 / 否 for an assigned item replied by the day; 逾期未答复 when its deadline passed unreplied
	Outcome     string // 办理结果 as the figures count it on the day ("" when not replied)
	Grade       string // the latest evaluation by the day
}

// LedgerItem is one row of T4: the suggestion as recorded today and its handling on the report date.
type LedgerItem struct {
	Suggestion
	AsOf ItemAsOf
	// Carried is the term the item was carried into at a 换届 (「上届转入」) begun by the report date; "" for none.
	Carried string
}

// Differs reports whether the item stands differently today than on the report date (state, outcome or
// evaluation): what T4's column of today's state is for.
func (it LedgerItem) Differs() bool {
	return it.State != it.AsOf.State || it.Outcome != it.AsOf.Outcome || it.Evaluation != it.AsOf.Grade
}

// itemFigures is what the figures' own row of an item (figureRows) says of it, for the ledger: its outcome and
// grade, and the mask of the keys it counts in (ArchivedItem.Mask over FigureKeys).
type itemFigures struct {
	outcome, grade string
	mask           uint64
}

// ledger reads the suggestions of the window in number order, each with its handling on f.AsOf; figs holds
// the figures' row of each (basisItems, read in the same transaction): the ledger does not count them again.
// One statement reads the items and their dated columns, where a page of ids and then the rows 500 at a time
// (listPage, made for the tabs' pages) took 20.
func (tx *Tx) ledger(f Figures, figs map[int64]itemFigures) ([]LedgerItem, error) {
	carried, err := tx.carriedOn(f.AsOf)
	if err != nil {
		return nil, err
	}
	bit := func(k FigureKey) uint64 { return 1 << slices.Index(FigureKeys, k) }
	replied, due, onTime := bit(FigReplied), bit(FigDue), bit(FigOnTime)
	// The items are the basis's (the same window): sized once, where growing a slice of rows this wide
	// copied them over and over.
	out := make([]LedgerItem, 0, len(figs))
	err = collect(tx, `SELECT `+suggestionColumns+`,
			coalesce(CASE WHEN s.assigned <= ?1 THEN s.assigned END, ''),
			coalesce(CASE WHEN s.assigned <= ?1 THEN s.first_deadline END, ''),
			coalesce(CASE WHEN s.forwarded <= ?1 THEN s.forwarded END, ''),
			coalesce(CASE WHEN s.first_reply <= ?1 THEN s.first_reply END, ''),
			coalesce((SELECT r.method FROM replies r WHERE r.suggestion_id = s.id AND r.date <= ?1 ORDER BY r.date DESC, r.id DESC LIMIT 1), ''),
			coalesce((SELECT st.to_state FROM suggestion_steps st WHERE st.suggestion_id = s.id AND st.date <= ?1 AND st.to_state != ''
				ORDER BY st.date DESC, st.id DESC LIMIT 1), '')`+suggestionFrom+`
		WHERE s.received BETWEEN ?2 AND ?3`, []any{f.AsOf, f.From, f.last()},
		func(sc scanner) error {
			var a ItemAsOf
			s, err := scanSuggestion(sc, &a.Assigned, &a.Deadline, &a.Forwarded, &a.FirstReply, &a.ReplyMethod, &a.State)
			if err != nil {
				return err
			}
			fig := figs[s.ID]
			a.Outcome, a.Grade = fig.outcome, fig.grade
			switch {
			case fig.mask&replied != 0 && a.Assigned != "":
				a.OnTime = "否"
				if fig.mask&onTime != 0 {
					a.OnTime = "是"
				}
			case fig.mask&due != 0:
				a.OnTime = "逾期未答复"
			}
			if a.State == "" {
				a.State = StatePending
			}
			out = append(out, LedgerItem{Suggestion: s, AsOf: a, Carried: carried[s.ID]})
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("查询建议: %w", err)
	}
	// In number order (SuggestionSortKeys' "number", then id), sorted here: SQLite's sorter carried every
	// column of the rows, the contents included, and took longer than reading them.
	slices.SortFunc(out, func(a, b LedgerItem) int {
		return cmp.Or(cmp.Compare(a.Year, b.Year), cmp.Compare(a.Seq, b.Seq), cmp.Compare(a.ID, b.ID))
	})
	return out, nil
}
