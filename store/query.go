package store

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// where builds the WHERE clause of a list query from optional conditions.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

// addIDs restricts col to ids (an empty list matches nothing).
func (w *where) addIDs(col string, ids []int64) {
	if len(ids) == 0 {
		w.add("0")
		return
	}
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	w.add(col + " IN (" + strings.Join(parts, ",") + ")")
}

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return "1"
	}
	return strings.Join(w.conds, " AND ")
}

func desc(d bool) string {
	if d {
		return " DESC"
	}
	return ""
}

// page renders LIMIT/OFFSET; limit ≤ 0 means no limit.
func page(offset, limit int) string {
	if limit <= 0 {
		if offset > 0 {
			return fmt.Sprintf(" LIMIT -1 OFFSET %d", offset)
		}
		return ""
	}
	return fmt.Sprintf(" LIMIT %d OFFSET %d", limit, offset)
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

func sortedList(s string) []string {
	l := splitList(s)
	slices.Sort(l)
	return l
}

func splitIDs(s string) []int64 {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, ",")
	out := make([]int64, 0, len(parts))
	for _, p := range parts {
		if id, err := strconv.ParseInt(p, 10, 64); err == nil {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

// listPage fetches one page of a list in the shape that stays fast on 100 000 rows: count(*) over the filter
// alone, then one page of ids in order, then the full rows of those ids only — so that the correlated
// subqueries of a row (co-signers, attendance counts …) are computed for the page, not for every match.
// countFrom is the filter's table; from adds the joins that the ORDER BY needs; fetch loads rows by id.
func listPage[T any](tx *Tx, idCol, countFrom, from string, w *where, order string, offset, limit int,
	fetch func(ids []int64) (map[int64]T, error)) ([]T, int, error) {
	var total int
	if err := tx.QueryRow(`SELECT count(*) FROM `+countFrom+` WHERE `+w.sql(), w.args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	if total == 0 || (limit > 0 && offset >= total) {
		return nil, total, nil
	}
	rows, err := tx.Query(`SELECT `+idCol+` FROM `+from+` WHERE `+w.sql()+` ORDER BY `+order+page(offset, limit), w.args...)
	if err != nil {
		return nil, 0, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, 0, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	out := make([]T, 0, len(ids))
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		got, err := fetch(chunk)
		if err != nil {
			return nil, 0, err
		}
		for _, id := range chunk {
			if v, ok := got[id]; ok {
				out = append(out, v)
			}
		}
	}
	return out, total, nil
}

// idList renders ids for an IN (…) clause; they are integers, so no quoting is needed.
func idList(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(parts, ",")
}
