package store

import (
	"context"
	"fmt"
)

// DataYears returns the years that have any record the yearly report counts — a suggestion received, a
// meeting or activity held, a reception or a report-back — newest first. The 报表 tab offers them as its
// periods; a year with deputies and stations only has nothing to report on, so it is not listed.
func (db *DB) DataYears(ctx context.Context) ([]int, error) {
	var out []int
	err := db.view(ctx, func(tx *Tx) error {
		// Each part reads an index on the date (or the year), so the query stays quick at 100 000 items.
		return collect(tx, `SELECT year FROM suggestions
			UNION SELECT CAST(substr(start_date, 1, 4) AS INTEGER) FROM meetings
			UNION SELECT CAST(substr(date, 1, 4) AS INTEGER) FROM receptions
			UNION SELECT CAST(substr(date, 1, 4) AS INTEGER) FROM report_backs
			UNION SELECT year FROM petitions
			ORDER BY 1 DESC`, nil, func(s scanner) error {
			var y int
			err := s.Scan(&y)
			if err == nil && y > 0 {
				out = append(out, y)
			}
			return err
		})
	})
	if err != nil {
		return nil, fmt.Errorf("查询有数据的年度: %w", err)
	}
	return out, nil
}
