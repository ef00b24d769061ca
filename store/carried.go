package store

// 「上届转入」 (issue 16): the items a 换届 carried into the new term (carried_items), as the 建议 list marks and
// filters them and T4 shows them.

// carriedCurrent is the condition for item s having been carried into the town's current term.
const carriedCurrent = `s.id IN (SELECT c.suggestion_id FROM carried_items c JOIN terms t ON t.id = c.term_id
	WHERE t.level = '镇级' AND t.is_current)`

// carriedOn returns, by item id, the name of the term (第十九届) each item was carried into, for the terms begun
// on or before day: T4 of a report dated before a 换届 shows none.
func (tx *Tx) carriedOn(day Date) (map[int64]string, error) {
	out := map[int64]string{}
	err := collect(tx, `SELECT c.suggestion_id, t.number FROM carried_items c JOIN terms t ON t.id = c.term_id
		WHERE coalesce(t.start_date, '') <= ? ORDER BY t.number`, []any{day}, func(s scanner) error {
		var id int64
		var n int
		err := s.Scan(&id, &n)
		out[id] = Term{Number: n}.Name()
		return err
	})
	return out, err
}
