package store

import (
	"context"
	"strings"
)

// Choice is a record as a picker offers it: its id and a label.
type Choice struct {
	ID    int64
	Label string
}

// DeputyChoices returns every deputy labelled 「姓名(小组)」, with the status when not in office
// (「姓名(小组·出缺)」), in roster order: one light query for pickers, without the levels, tags and stations
// that Deputies loads.
func (db *DB) DeputyChoices(ctx context.Context) ([]Choice, error) {
	var out []Choice
	err := db.view(ctx, func(tx *Tx) error {
		return collect(tx, `SELECT d.id, d.name, coalesce(g.name, ''), d.status FROM deputies d
			LEFT JOIN deputy_groups g ON g.id = d.group_id ORDER BY coalesce(g.id, 1e18), d.name, d.id`, nil,
			func(s scanner) error {
				var c Choice
				var name, group, status string
				if err := s.Scan(&c.ID, &name, &group, &status); err != nil {
					return err
				}
				c.Label = DeputyLabel(name, group, status)
				out = append(out, c)
				return nil
			})
	})
	return out, err
}

// DeputyLabel names a deputy in a list of choices: 王建国(第一代表小组), 李四(出缺), 张三(第二代表小组·出缺).
func DeputyLabel(name, group, status string) string {
	var more []string
	if group != "" {
		more = append(more, group)
	}
	if status != "" && status != DeputyActive {
		more = append(more, status)
	}
	if len(more) == 0 {
		return name
	}
	return name + "(" + strings.Join(more, "·") + ")"
}

// StationChoices returns every station by name, in the station list's order.
func (db *DB) StationChoices(ctx context.Context) ([]Choice, error) {
	return db.choices(ctx, `SELECT id, name FROM stations
		ORDER BY CASE type WHEN '代表之家' THEN 1 WHEN '代表联络站' THEN 2 WHEN '代表联系点' THEN 3 ELSE 4 END, name`)
}

func (db *DB) choices(ctx context.Context, q string) ([]Choice, error) {
	var out []Choice
	err := db.view(ctx, func(tx *Tx) error {
		return collect(tx, q, nil, func(s scanner) error {
			var c Choice
			err := s.Scan(&c.ID, &c.Label)
			out = append(out, c)
			return err
		})
	})
	return out, err
}
