package store

import (
	"context"
	"database/sql"
	"errors"
)

// termFigures finds the town term that began within the period (a 换届 year), for the report text's 新任/连任
// sentence; the counts themselves are T6's (DeputyFigures.ByLevel, 新任 and 连任 per seat of its term).
func (tx *Tx) termFigures(f *Figures) error {
	var t Term
	err := tx.QueryRow(`SELECT id, level, number, coalesce(start_date, ''), coalesce(end_date, ''), is_current FROM terms
		WHERE level = '镇级' AND start_date BETWEEN ? AND ? ORDER BY start_date DESC LIMIT 1`, f.From, f.CountedOn()).
		Scan(&t.ID, &t.Level, &t.Number, &t.Start, &t.End, &t.Current)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	f.NewTerm = &t
	return nil
}

// TermDeputyFigures is T6 for a term: the deputies of the term as it began (on its start date, each level
// within its own terms), the 代表构成 a 换届 report describes. T6 for a date is Figures' Deputies.
func (db *DB) TermDeputyFigures(ctx context.Context, termID int64) (DeputyFigures, error) {
	var start sql.NullString
	if err := db.db.QueryRowContext(ctx, `SELECT start_date FROM terms WHERE id = ?`, termID).Scan(&start); errors.Is(err, sql.ErrNoRows) {
		return DeputyFigures{}, Errorf(ENOTFOUND, "届次不存在(编号%d)", termID)
	} else if err != nil {
		return DeputyFigures{}, err
	}
	if !start.Valid || start.String == "" {
		return DeputyFigures{}, Errorf(EINVALID, "这一届没有填写开始日期，无法统计当届代表构成")
	}
	day := Date(start.String)
	f, err := db.Figures(ctx, day, day, day)
	return f.Deputies, err
}
