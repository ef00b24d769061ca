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
