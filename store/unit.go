package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Unit is a handling unit (承办单位): a town department, a station, a village, or an upper-level department.
type Unit struct {
	ID        int64
	Name      string `label:"单位名称"`
	Kind      string `label:"单位类型"`
	Contact   string `label:"联系人"`
	Phone     string `label:"联系电话"`
	Notes     string `label:"备注"`
	CreatedAt string
	UpdatedAt string
}

// Validate checks the unit's own fields; the kind is checked against its dictionary on save.
func (u *Unit) Validate() error {
	var c checker
	u.check(&c)
	return c.result()
}

// check runs the unit's rules on c.
func (u *Unit) check(c *checker) {
	u.Name, u.Contact = cleanName(u.Name), cleanName(u.Contact)
	c.required("单位名称", u.Name)
	c.maxLen("单位名称", u.Name, 50)
	c.required("单位类型", u.Kind)
	c.maxLen("联系人", u.Contact, maxName)
	c.phone("联系电话", u.Phone)
	c.maxLen("备注", u.Notes, maxText)
}

// Units returns all handling units by kind and name.
func (db *DB) Units(ctx context.Context) (out []Unit, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, err = tx.units()
		return err
	})
	return out, err
}

// units is Units inside a transaction.
func (tx *Tx) units() (out []Unit, err error) {
	err = collect(tx, `SELECT u.id, u.name, u.kind, u.contact, u.phone, u.notes, u.created_at, u.updated_at
		FROM units u LEFT JOIN dict d ON d.kind = 'unit_kind' AND d.value = u.kind ORDER BY coalesce(d.sort, 999), u.name`, nil,
		func(r scanner) error {
			var u Unit
			err := r.Scan(&u.ID, &u.Name, &u.Kind, &u.Contact, &u.Phone, &u.Notes, &u.CreatedAt, &u.UpdatedAt)
			out = append(out, u)
			return err
		})
	return out, err
}

// SaveUnit creates (ID 0) or updates a handling unit.
func (db *DB) SaveUnit(ctx context.Context, u *Unit) error {
	if err := u.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		if err := tx.checkDict(DictUnitKind, "单位类型", u.Kind); err != nil {
			return err
		}
		var dup int64
		if err := tx.QueryRow(`SELECT id FROM units WHERE name = ? AND id != ?`, u.Name, u.ID).Scan(&dup); err == nil {
			return &Error{Code: ECONFLICT, Field: "单位名称", Message: fmt.Sprintf("承办单位「%s」已经存在", u.Name)}
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if u.ID == 0 {
			res, err := tx.Exec(`INSERT INTO units (name, kind, contact, phone, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
				u.Name, u.Kind, u.Contact, u.Phone, u.Notes, tx.stamp(), tx.stamp())
			if err != nil {
				return fmt.Errorf("保存承办单位: %w", err)
			}
			u.ID, _ = res.LastInsertId()
			return tx.logHistory("unit", u.ID, ActionCreate, u.Name, describe(u))
		}
		var old Unit
		if err := tx.QueryRow(`SELECT name, kind, contact, phone, notes FROM units WHERE id = ?`, u.ID).
			Scan(&old.Name, &old.Kind, &old.Contact, &old.Phone, &old.Notes); errors.Is(err, sql.ErrNoRows) {
			return Errorf(ENOTFOUND, "承办单位不存在")
		} else if err != nil {
			return err
		}
		if _, err := tx.Exec(`UPDATE units SET name = ?, kind = ?, contact = ?, phone = ?, notes = ?, updated_at = ? WHERE id = ?`,
			u.Name, u.Kind, u.Contact, u.Phone, u.Notes, tx.stamp(), u.ID); err != nil {
			return fmt.Errorf("保存承办单位: %w", err)
		}
		return tx.logHistory("unit", u.ID, ActionUpdate, u.Name, diff(old, u))
	})
}

// CheckDeleteUnit returns why the handling unit cannot be deleted (ECONFLICT: suggestions refer to it), or nil.
// The window asks it before the question whether to delete; DeleteUnit checks again.
func (db *DB) CheckDeleteUnit(ctx context.Context, id int64) error {
	return db.view(ctx, func(tx *Tx) error {
		_, err := tx.unitInUse(id)
		return err
	})
}

// unitInUse returns the unit's name, refusing a unit that suggestions are assigned to, as main or assisting unit.
func (tx *Tx) unitInUse(id int64) (string, error) {
	var name string
	if err := tx.QueryRow(`SELECT name FROM units WHERE id = ?`, id).Scan(&name); errors.Is(err, sql.ErrNoRows) {
		return "", Errorf(ENOTFOUND, "承办单位不存在")
	} else if err != nil {
		return "", err
	}
	var n int
	if err := tx.QueryRow(`SELECT (SELECT count(*) FROM suggestions WHERE main_unit_id = ?) + (SELECT count(*) FROM suggestion_assist_units WHERE unit_id = ?)`, id, id).Scan(&n); err != nil {
		return "", err
	}
	if n > 0 {
		return "", Errorf(ECONFLICT, "承办单位「%s」承办或协办了%d件建议，不能删除", name, n)
	}
	if err := tx.QueryRow(`SELECT (SELECT count(*) FROM eval_targets WHERE unit_id = ?1) + (SELECT count(*) FROM rectifications WHERE unit_id = ?1)
		+ (SELECT count(*) FROM inquiry_items WHERE unit_id = ?1) + (SELECT count(*) FROM livelihood_projects WHERE unit_id = ?1)`, id).Scan(&n); err != nil {
		return "", err
	}
	if n > 0 {
		return "", Errorf(ECONFLICT, "承办单位「%s」在监督工作(评议对象、整改事项、询问清单或民生实事)中被引用%d次，不能删除", name, n)
	}
	return name, nil
}

// DeleteUnit deletes a handling unit that no suggestion refers to.
func (db *DB) DeleteUnit(ctx context.Context, id int64) error {
	return db.update(ctx, func(tx *Tx) error {
		name, err := tx.unitInUse(id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM units WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.logHistory("unit", id, ActionDelete, name, "")
	})
}

// UnitStat is how one handling unit has done with the items it leads (主办) among those received in a period.
type UnitStat struct {
	UnitID     int64
	Name       string
	Kind       string
	Assigned   int // items it leads
	Replied    int // replied at least once
	Overdue    int // 办理中 past the deadline as of the given day
	Due        int // deadline passed or replied: the denominator of 按期
	OnTime     int // first reply on or before the (extended) round-1 deadline
	Solved     int // 已解决
	Solving    int // 正在解决
	Planned    int // 列入计划解决
	Reference  int // 留作参考
	Evaluated  int // with a deputy's evaluation
	Satisfied  int // latest evaluation 满意, or 满意/基本满意 when the settings count 基本满意
	Closed     int // 已办结
	AssistOnly int // items it only assists (协办)
}

// UnitStats returns, for every unit that leads or assists an item received between from and to (inclusive;
// empty means open-ended), its handling figures as of today, by unit order.
func (db *DB) UnitStats(ctx context.Context, from, to, today Date) ([]UnitStat, error) {
	var out []UnitStat
	err := db.view(ctx, func(tx *Tx) error {
		st, err := readSettings(tx)
		if err != nil {
			return err
		}
		satisfied := `s.evaluation = '满意'`
		if st.SatisfiedBasic {
			satisfied = `s.evaluation IN ('满意', '基本满意')`
		}
		if from == "" {
			from = "0000-01-01"
		}
		if to == "" {
			to = "9999-12-31"
		}
		return collect(tx, `WITH s AS (SELECT * FROM suggestions WHERE received BETWEEN ?1 AND ?2)
			SELECT u.id, u.name, u.kind,
				count(s.id),
				count(s.first_reply),
				coalesce(sum(s.state = '办理中' AND s.deadline < ?3), 0),
				coalesce(sum(s.first_reply IS NOT NULL OR s.first_deadline < ?3), 0),
				coalesce(sum(s.first_reply IS NOT NULL AND s.first_reply <= s.first_deadline), 0),
				coalesce(sum(s.outcome = '已解决'), 0), coalesce(sum(s.outcome = '正在解决'), 0),
				coalesce(sum(s.outcome = '列入计划解决'), 0), coalesce(sum(s.outcome = '留作参考'), 0),
				coalesce(sum(s.evaluation != ''), 0), coalesce(sum(`+satisfied+`), 0),
				coalesce(sum(s.state = '已办结'), 0),
				(SELECT count(*) FROM suggestion_assist_units a JOIN s s2 ON s2.id = a.suggestion_id WHERE a.unit_id = u.id)
			FROM units u LEFT JOIN s ON s.main_unit_id = u.id
			LEFT JOIN dict d ON d.kind = 'unit_kind' AND d.value = u.kind
			GROUP BY u.id HAVING count(s.id) > 0 OR (SELECT count(*) FROM suggestion_assist_units a JOIN s s2 ON s2.id = a.suggestion_id WHERE a.unit_id = u.id) > 0
			ORDER BY coalesce(min(d.sort), 999), u.name`, []any{from, to, today},
			func(sc scanner) error {
				var x UnitStat
				err := sc.Scan(&x.UnitID, &x.Name, &x.Kind, &x.Assigned, &x.Replied, &x.Overdue, &x.Due, &x.OnTime,
					&x.Solved, &x.Solving, &x.Planned, &x.Reference, &x.Evaluated, &x.Satisfied, &x.Closed, &x.AssistOnly)
				out = append(out, x)
				return err
			})
	})
	return out, err
}
