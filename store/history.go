package store

import (
	"context"
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// History actions.
const (
	ActionCreate = "新增"
	ActionUpdate = "修改"
	ActionDelete = "删除"
	ActionState  = "状态"
)

// HistoryEntry is one recorded change.
type HistoryEntry struct {
	ID       int64
	At       string // "2006-01-02 15:04:05", local time
	Entity   string // deputy, station, suggestion, meeting, unit, term, group, reception, report_back, settings …
	EntityID int64
	Action   string
	Label    string // the record's name or number
	Changes  string // one line per field: 字段: 旧 → 新
}

// EntityNames maps entity keys to Chinese names.
var EntityNames = map[string]string{
	"deputy": "代表", "station": "联络站", "suggestion": "建议", "meeting": "会议", "unit": "承办单位",
	"term": "届次", "group": "代表小组", "reception": "接待记录", "report_back": "述职评议",
	"settings": "设置", "dict": "字典", "calendar": "节假日", "database": "数据库",
	"district": "选区", "by_election": "补选", "term_change": "换届", // issue 16
	// 监督 (issue 17)
	"eval_campaign": "评议活动", "rectification": "整改事项", "inquiry": "专题询问", "livelihood": "民生实事",
	"livelihood_vote": "民生实事票决",
}

func (tx *Tx) logHistory(entity string, id int64, action, label, changes string) error {
	_, err := tx.Exec(`INSERT INTO history (at, entity, entity_id, action, label, changes) VALUES (?, ?, ?, ?, ?, ?)`,
		tx.stamp(), entity, id, action, label, changes)
	if err != nil {
		return fmt.Errorf("记录历史: %w", err)
	}
	return nil
}

// HistoryFilter selects history entries.
type HistoryFilter struct {
	Entity   string // "" for all
	EntityID int64  // 0 for all
	Offset   int
	Limit    int // 0 means 50
}

// History returns history entries, newest first, and the total that match.
func (db *DB) History(ctx context.Context, f HistoryFilter) ([]HistoryEntry, int, error) {
	var out []HistoryEntry
	total := 0
	err := db.view(ctx, func(tx *Tx) error {
		where, args := []string{"1"}, []any{}
		if f.Entity != "" {
			where = append(where, "entity = ?")
			args = append(args, f.Entity)
		}
		if f.EntityID != 0 {
			where = append(where, "entity_id = ?")
			args = append(args, f.EntityID)
		}
		limit := f.Limit
		if limit <= 0 {
			limit = 50
		}
		args = append(args, limit, f.Offset)
		rows, err := tx.Query(`SELECT id, at, entity, entity_id, action, label, changes, count(*) OVER ()
			FROM history WHERE `+strings.Join(where, " AND ")+` ORDER BY id DESC LIMIT ? OFFSET ?`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var h HistoryEntry
			if err := rows.Scan(&h.ID, &h.At, &h.Entity, &h.EntityID, &h.Action, &h.Label, &h.Changes, &total); err != nil {
				return err
			}
			out = append(out, h)
		}
		return rows.Err()
	})
	return out, total, err
}

// describe renders every labelled field of a record for a 新增/删除 history entry.
func describe(v any) string {
	rv := reflect.Indirect(reflect.ValueOf(v))
	var lines []string
	for i := 0; i < rv.NumField(); i++ {
		label := rv.Type().Field(i).Tag.Get("label")
		if label == "" {
			continue
		}
		if s := fieldText(rv.Field(i)); s != "" {
			lines = append(lines, label+": "+s)
		}
	}
	return strings.Join(lines, "\n")
}

// diff lists the labelled fields that differ between two values of the same struct type, as 字段: 旧 → 新.
func diff(old, new any) string {
	ov, nv := reflect.Indirect(reflect.ValueOf(old)), reflect.Indirect(reflect.ValueOf(new))
	var lines []string
	for i := 0; i < nv.NumField(); i++ {
		label := nv.Type().Field(i).Tag.Get("label")
		if label == "" {
			continue
		}
		o, n := fieldText(ov.Field(i)), fieldText(nv.Field(i))
		if o != n {
			lines = append(lines, fmt.Sprintf("%s: %s → %s", label, orDash(o), orDash(n)))
		}
	}
	return strings.Join(lines, "\n")
}

func orDash(s string) string {
	if s == "" {
		return "(空)"
	}
	return s
}

func fieldText(v reflect.Value) string {
	switch v.Kind() {
	case reflect.String:
		return v.String()
	case reflect.Int, reflect.Int64:
		if v.Int() == 0 {
			return ""
		}
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Float64:
		if v.Float() == 0 {
			return ""
		}
		return strconv.FormatFloat(v.Float(), 'f', -1, 64)
	case reflect.Bool:
		if v.Bool() {
			return "是"
		}
		return "否"
	case reflect.Slice, reflect.Array:
		parts := make([]string, v.Len())
		for i := range parts {
			parts[i] = fieldText(v.Index(i))
		}
		return strings.Join(parts, "、")
	}
	return fmt.Sprint(v.Interface())
}
