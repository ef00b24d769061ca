package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Term is a 届 of one level's congress: the town's 第十八届, or the county's (issue 16: each level has its own
// terms, dates and current term).
type Term struct {
	ID        int64
	Level     string `label:"层级"` // a DeputyLevels value; "" when saving means 镇级
	Number    int    `label:"届次"` // 18 for 第十八届
	Start     Date   `label:"开始日期"`
	End       Date   `label:"结束日期"`
	Current   bool   `label:"本届"` // the current term of its level
	CreatedAt string
	UpdatedAt string
}

// Name returns 第十八届.
func (t Term) Name() string { return "第" + ChineseNumber(t.Number) + "届" }

// FullName returns 第十八届 for the town and 县级第十八届 for another level.
func (t Term) FullName() string {
	if t.Level == "" || t.Level == LevelTown {
		return t.Name()
	}
	return t.Level + t.Name()
}

// Validate checks the term.
func (t *Term) Validate() error {
	var c checker
	t.check(&c)
	return c.result()
}

// check runs the term's rules on c; a term saved without a level is the town's.
func (t *Term) check(c *checker) {
	if t.Level == "" {
		t.Level = LevelTown
	}
	c.oneOf("层级", t.Level, DeputyLevels)
	c.need("届次", t.Number < 1 || t.Number > 99, "应在1到99之间")
	c.date("开始日期", t.Start)
	c.date("结束日期", t.End)
	if t.End != "" && t.Start != "" && t.End <= t.Start {
		c.fail("结束日期", "应晚于开始日期")
	}
}

// Terms returns all terms, newest first.
func (db *DB) Terms(ctx context.Context) ([]Term, error) {
	var out []Term
	err := db.view(ctx, func(tx *Tx) error {
		rows, err := tx.Query(`SELECT id, level, number, start_date, end_date, is_current, created_at, updated_at FROM terms
			ORDER BY level != '镇级', level, number DESC`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var t Term
			if err := rows.Scan(&t.ID, &t.Level, &t.Number, &t.Start, &t.End, &t.Current, &t.CreatedAt, &t.UpdatedAt); err != nil {
				return err
			}
			out = append(out, t)
		}
		return rows.Err()
	})
	return out, err
}

// CurrentTerm returns the town's current term, or ENOTFOUND when none is marked.
func (db *DB) CurrentTerm(ctx context.Context) (Term, error) {
	return db.CurrentTermOf(ctx, LevelTown)
}

// CurrentTermOf returns the current term of a level, or ENOTFOUND when none is marked.
func (db *DB) CurrentTermOf(ctx context.Context, level string) (Term, error) {
	ts, err := db.Terms(ctx)
	if err != nil {
		return Term{}, err
	}
	for _, t := range ts {
		if t.Current && t.Level == level {
			return t, nil
		}
	}
	return Term{}, Errorf(ENOTFOUND, "尚未设置本届届次")
}

// SaveTerm creates (ID 0) or updates a term. Marking it current unmarks the others.
func (db *DB) SaveTerm(ctx context.Context, t *Term) error {
	if err := t.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		var dup int64
		err := tx.QueryRow(`SELECT id FROM terms WHERE level = ? AND number = ? AND id != ?`, t.Level, t.Number, t.ID).Scan(&dup)
		if err == nil {
			return Errorf(ECONFLICT, "%s已经存在", t.FullName())
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if t.Current {
			if _, err := tx.Exec(`UPDATE terms SET is_current = 0 WHERE id != ? AND level = ?`, t.ID, t.Level); err != nil {
				return err
			}
		}
		if t.ID == 0 {
			res, err := tx.Exec(`INSERT INTO terms (level, number, start_date, end_date, is_current, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
				t.Level, t.Number, t.Start, t.End, t.Current, tx.stamp(), tx.stamp())
			if err != nil {
				return fmt.Errorf("保存届次: %w", err)
			}
			t.ID, _ = res.LastInsertId()
			return tx.logHistory("term", t.ID, ActionCreate, t.FullName(), describe(t))
		}
		var old Term
		if err := tx.QueryRow(`SELECT id, level, number, start_date, end_date, is_current FROM terms WHERE id = ?`, t.ID).
			Scan(&old.ID, &old.Level, &old.Number, &old.Start, &old.End, &old.Current); errors.Is(err, sql.ErrNoRows) {
			return Errorf(ENOTFOUND, "届次不存在")
		} else if err != nil {
			return err
		}
		if _, err := tx.Exec(`UPDATE terms SET level = ?, number = ?, start_date = ?, end_date = ?, is_current = ?, updated_at = ? WHERE id = ?`,
			t.Level, t.Number, t.Start, t.End, t.Current, tx.stamp(), t.ID); err != nil {
			return fmt.Errorf("保存届次: %w", err)
		}
		return tx.logHistory("term", t.ID, ActionUpdate, t.FullName(), diff(old, t))
	})
}

// DeleteTerm deletes a term; deputies and meetings of that term keep their records without a term.
func (db *DB) DeleteTerm(ctx context.Context, id int64) error {
	return db.update(ctx, func(tx *Tx) error {
		var t Term
		if err := tx.QueryRow(`SELECT level, number FROM terms WHERE id = ?`, id).Scan(&t.Level, &t.Number); errors.Is(err, sql.ErrNoRows) {
			return Errorf(ENOTFOUND, "届次不存在")
		} else if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM terms WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.logHistory("term", id, ActionDelete, t.FullName(), "")
	})
}
