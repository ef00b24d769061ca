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
	text  []subquery // the full-text conditions among conds, each "id IN (text[i])"
}

// subquery is a SELECT of record ids with its arguments.
type subquery struct {
	sql  string
	args []any
}

// onlyText reports whether every condition is a full-text match: the count can then be taken from the
// search indexes alone, without visiting the records.
func (w *where) onlyText() bool { return len(w.text) > 0 && len(w.text) == len(w.conds) }

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

// listQuery describes a list query for listPage.
type listQuery struct {
	idCol     string // s.id
	countFrom string // the filter's table: "suggestions s"
	from      string // with the joins the ORDER BY needs
	// bigFrom, when set, is used instead of from once the filter matches at least bigResult rows: typically
	// the table forced onto the index that already holds the list's order ("INDEXED BY …"), so that SQLite
	// walks it and stops after one page instead of sorting every match. For a handful of matches sorting is
	// cheaper, so the choice waits for the count.
	bigFrom string
	order   string
	// walk, when set, selects the ids of the whole table in the list's order (bigFrom's index): a search
	// alone matching at least textWindowsFrom records then takes its first pages from textWindows.
	walk string
}

// bigResult is the match count from which listQuery.bigFrom pays off (measured on 100 000 suggestions:
// at 3 000 matches walking the index takes 2 ms against 10 ms for sorting; at 4 matches 10 ms against 0.1).
const bigResult = 1000

// CountOnly, as a list filter's Limit, asks for the number of matches and no rows: the count query alone,
// without the page's sort and fetch (概览's counts ran a whole sort of 5 000 deputies for a page of one).
const CountOnly = -1

// listPage fetches one page of a list in the shape that stays fast on 100 000 rows: count(*) over the filter
// alone, then one page of ids in order, then the full rows of those ids only — so that the correlated
// subqueries of a row (co-signers, attendance counts …) are computed for the page, not for every match.
// fetch loads rows by id.
func listPage[T any](tx *Tx, q listQuery, w *where, offset, limit int, fetch func(ids []int64) (map[int64]T, error)) ([]T, int, error) {
	var total int
	if w.onlyText() {
		// Every search-index row belongs to a record (deleted with it), so counting the index is exact.
		parts := make([]string, len(w.text))
		var args []any
		for i, t := range w.text {
			parts[i] = t.sql
			args = append(args, t.args...)
		}
		if err := tx.QueryRow(`SELECT count(*) FROM (`+strings.Join(parts, " INTERSECT ")+`)`, args...).Scan(&total); err != nil {
			return nil, 0, err
		}
	} else if err := tx.QueryRow(`SELECT count(*) FROM `+q.countFrom+` WHERE `+w.sql(), w.args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	if total == 0 || limit == CountOnly || (limit > 0 && offset >= total) {
		return nil, total, nil
	}
	if q.walk != "" && w.onlyText() && total >= textWindowsFrom && limit > 0 && offset+limit <= textWindowsUpTo {
		ids, ok, err := textWindows(tx, q.walk, w.text, offset+limit)
		if err != nil {
			return nil, 0, err
		}
		if ok {
			return fetchPage(ids[min(offset, len(ids)):], fetch, total)
		}
	}
	from := q.from
	if q.bigFrom != "" && total >= bigResult && limit > 0 {
		from = q.bigFrom
	}
	rows, err := tx.Query(`SELECT `+q.idCol+` FROM `+from+` WHERE `+w.sql()+` ORDER BY `+q.order+page(offset, limit), w.args...)
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
	return fetchPage(ids, fetch, total)
}

// fetchPage loads the rows of a page's ids, in their order, 500 at a time.
func fetchPage[T any](ids []int64, fetch func(ids []int64) (map[int64]T, error), total int) ([]T, int, error) {
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
