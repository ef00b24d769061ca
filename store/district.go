package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// District is an electoral district (选区) of one level (domain.md §2.6): its number, the 片区 name, the
// villages it covers, how many deputies it elects (应选代表名额) and, when the office keeps it, its voters.
type District struct {
	ID       int64
	Level    string `label:"层级"` // "" when saving means 镇级
	Number   int    `label:"选区编号"`
	Name     string `label:"片区名称"`
	Villages string `label:"所辖村(居)"`
	Seats    int    `label:"应选代表名额"`
	Voters   int    `label:"选民数"` // 0: not kept
	Notes    string `label:"备注"`

	CreatedAt string
	UpdatedAt string
}

// DistrictName is 第3选区.
func DistrictName(n int) string { return "第" + strconv.Itoa(n) + "选区" }

// Label is 「第3选区」, or 「第3选区(联霞片区)」 with a 片区 name, prefixed by the level when not the town's.
func (d District) Label() string {
	s := DistrictName(d.Number)
	if d.Name != "" {
		s += "(" + d.Name + ")"
	}
	if d.Level != "" && d.Level != LevelTown {
		s = d.Level + s
	}
	return s
}

// Validate checks the district.
func (d *District) Validate() error {
	var c checker
	if d.Level == "" {
		d.Level = LevelTown
	}
	c.oneOf("层级", d.Level, DeputyLevels)
	if d.Number < 1 || d.Number > 999 {
		c.fail("选区编号", "应在1到999之间")
	}
	d.Name = cleanName(d.Name)
	c.maxLen("片区名称", d.Name, maxName)
	c.maxLen("所辖村(居)", d.Villages, maxLine)
	if d.Seats < 1 || d.Seats > 99 {
		c.fail("应选代表名额", "应在1到99之间")
	}
	c.nonNegative("选民数", d.Voters)
	c.maxLen("备注", d.Notes, maxText)
	return c.result()
}

// DistrictSeat is a seat elected in a district, for the register: who holds (or held) it and in which term.
type DistrictSeat struct {
	DeputyID int64
	Name     string
	Seat     Seat
}

// DistrictRoll is a district with the seats it elected in a term and how many of them are held on a day.
type DistrictRoll struct {
	District
	Seats []DistrictSeat // elected in the term (by-elections included), by start date
	Held  int            // of Seats, held on the day asked
}

// Vacant is how many of the district's 应选代表名额 nobody holds on the day asked (never below 0).
func (r DistrictRoll) Vacant() int { return max(0, r.District.Seats-r.Held) }

// Districts returns the districts of a level ("" for every level), by level and number.
func (db *DB) Districts(ctx context.Context, level string) ([]District, error) {
	var out []District
	err := db.view(ctx, func(tx *Tx) error {
		var err error
		out, err = tx.districts(level)
		return err
	})
	return out, err
}

func (tx *Tx) districts(level string) ([]District, error) {
	var out []District
	err := collect(tx, `SELECT id, level, number, name, villages, seats, coalesce(voters, 0), notes, created_at, updated_at
		FROM districts WHERE ?1 IN ('', level) ORDER BY level != '镇级', level, number`, []any{level}, func(s scanner) error {
		var d District
		err := s.Scan(&d.ID, &d.Level, &d.Number, &d.Name, &d.Villages, &d.Seats, &d.Voters, &d.Notes, &d.CreatedAt, &d.UpdatedAt)
		out = append(out, d)
		return err
	})
	return out, err
}

// DistrictRolls returns the districts of a level with the seats elected there in a term (termID; 0: the seats
// held on day, of any term) and how many are held on day. A district whose Vacant is above zero has a seat to
// fill (概览, 补选).
func (db *DB) DistrictRolls(ctx context.Context, level string, termID int64, day Date) ([]DistrictRoll, error) {
	var out []DistrictRoll
	err := db.view(ctx, func(tx *Tx) error {
		ds, err := tx.districts(level)
		if err != nil {
			return err
		}
		index := map[int64]int{}
		for i, d := range ds {
			index[d.ID] = i
			out = append(out, DistrictRoll{District: d})
		}
		return collect(tx, `SELECT l.district_id, d.id, d.name, l.id, l.level, coalesce(l.term_id, 0), l.start_date,
			coalesce(l.end_date, ''), l.end_reason, l.is_new, `+seatHeld("?2", "?2")+`
			FROM deputy_levels l JOIN deputies d ON d.id = l.deputy_id
			WHERE l.district_id IS NOT NULL AND (?1 = l.term_id OR ?1 = 0 AND `+seatHeld("?2", "?2")+`)`,
			[]any{termID, day}, func(s scanner) error {
				var dist int64
				var ds DistrictSeat
				var held bool
				err := s.Scan(&dist, &ds.DeputyID, &ds.Name, &ds.Seat.ID, &ds.Seat.Level, &ds.Seat.TermID, &ds.Seat.Start,
					&ds.Seat.End, &ds.Seat.EndReason, &ds.Seat.New, &held)
				ds.Seat.DistrictID = dist
				if i, ok := index[dist]; ok && err == nil {
					// A deputy who left the seat (出缺) shows with the deputy's vacancy as the seat's end.
					out[i].Seats = append(out[i].Seats, ds)
					if held {
						out[i].Held++
					}
				}
				return err
			})
	})
	if err != nil {
		return nil, fmt.Errorf("查询选区: %w", err)
	}
	// Each district's seats by start, then name (sorted here: SQLite's sort of every seat's name was most of
	// 概览's 缺额 line on the stress data).
	for _, r := range out {
		slices.SortFunc(r.Seats, func(a, b DistrictSeat) int {
			return cmp.Or(strings.Compare(string(a.Seat.Start), string(b.Seat.Start)), strings.Compare(a.Name, b.Name),
				cmp.Compare(a.Seat.ID, b.Seat.ID))
		})
	}
	return out, nil
}

// DistrictVacancy is a district with a seat nobody holds on a day: a part of 概览's 缺额 line (DeputyRoll).
type DistrictVacancy struct {
	Level  string
	Number int
	Vacant int // the district's 应选代表名额 less the seats held on the day (above 0)
}

// districtVacancies are the districts with fewer of the held seats than their 应选代表名额, as DistrictRolls(ctx,
// "", 0, day) counts them (Vacant above 0) and orders them, without reading every seat and its deputy's name.
func (tx *Tx) districtVacancies(held []heldSeat) (out []DistrictVacancy, err error) {
	n := map[int64]int{}
	for _, h := range held {
		if h.districtID != 0 {
			n[h.districtID]++
		}
	}
	err = collect(tx, `SELECT id, level, number, seats FROM districts ORDER BY level != '镇级', level, number`, nil, func(sc scanner) error {
		var id int64
		var v DistrictVacancy
		if err := sc.Scan(&id, &v.Level, &v.Number, &v.Vacant); err != nil {
			return err
		}
		if v.Vacant -= n[id]; v.Vacant > 0 {
			out = append(out, v)
		}
		return nil
	})
	return out, err
}

// SaveDistrict creates (ID 0) or updates a district.
func (db *DB) SaveDistrict(ctx context.Context, d *District) error {
	if err := d.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error { return tx.saveDistrict(d) })
}

// saveDistrict is SaveDistrict inside a transaction (the form and the import).
func (tx *Tx) saveDistrict(d *District) error {
	if err := d.Validate(); err != nil {
		return err
	}
	var dup int64
	if err := tx.QueryRow(`SELECT id FROM districts WHERE level = ? AND number = ? AND id != ?`, d.Level, d.Number, d.ID).Scan(&dup); err == nil {
		return &Error{Code: ECONFLICT, Field: "选区编号", Message: fmt.Sprintf("选区编号%d已经登记过(%s%s)", d.Number, d.Level, DistrictName(d.Number))}
	} else if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	args := []any{d.Level, d.Number, d.Name, d.Villages, d.Seats, nullInt(d.Voters), d.Notes, tx.stamp()}
	if d.ID == 0 {
		res, err := tx.Exec(`INSERT INTO districts (level, number, name, villages, seats, voters, notes, updated_at, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, append(args, tx.stamp())...)
		if err != nil {
			return fmt.Errorf("保存选区: %w", err)
		}
		d.ID, _ = res.LastInsertId()
		return tx.logHistory("district", d.ID, ActionCreate, d.Label(), describe(d))
	}
	old, err := tx.district(d.ID)
	if err != nil {
		return err
	}
	if old.Level != d.Level {
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM deputy_levels WHERE district_id = ?`, d.ID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fieldErr("层级", "已有%d名代表在该选区当选，不能改为%s的选区", n, d.Level)
		}
	}
	if _, err := tx.Exec(`UPDATE districts SET level = ?, number = ?, name = ?, villages = ?, seats = ?, voters = ?, notes = ?,
		updated_at = ? WHERE id = ?`, append(args, d.ID)...); err != nil {
		return fmt.Errorf("保存选区: %w", err)
	}
	if old.Number != d.Number {
		// The deputies' 选区 as lists show it follows the register.
		if _, err := tx.Exec(`UPDATE deputies SET district = ? WHERE id IN (SELECT deputy_id FROM deputy_levels
			WHERE district_id = ? AND level = '镇级')`, DistrictName(d.Number), d.ID); err != nil {
			return err
		}
	}
	if ch := diff(old, d); ch != "" {
		return tx.logHistory("district", d.ID, ActionUpdate, d.Label(), ch)
	}
	return nil
}

func (tx *Tx) district(id int64) (District, error) {
	var d District
	err := tx.QueryRow(`SELECT id, level, number, name, villages, seats, coalesce(voters, 0), notes, created_at, updated_at
		FROM districts WHERE id = ?`, id).Scan(&d.ID, &d.Level, &d.Number, &d.Name, &d.Villages, &d.Seats, &d.Voters, &d.Notes,
		&d.CreatedAt, &d.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return d, Errorf(ENOTFOUND, "选区不存在(编号%d)", id)
	}
	return d, err
}

// DeleteDistrict deletes a district nobody was elected in; one with deputies is refused, so that the
// register of past terms stays.
func (db *DB) DeleteDistrict(ctx context.Context, id int64) error {
	return db.update(ctx, func(tx *Tx) error {
		d, err := tx.district(id)
		if err != nil {
			return err
		}
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM deputy_levels WHERE district_id = ?`, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return Errorf(ECONFLICT, "%s已有%d名代表当选的记录，不能删除", d.Label(), n)
		}
		if _, err := tx.Exec(`DELETE FROM districts WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.logHistory("district", id, ActionDelete, d.Label(), describe(d))
	})
}

// districtOfLevel fails with a field error when a non-zero district is not a district of level.
func (tx *Tx) districtOfLevel(id int64, level string) error {
	if id == 0 {
		return nil
	}
	d, err := tx.district(id)
	if ErrorCode(err) == ENOTFOUND {
		return fieldErr("选区("+level+")", "引用的选区不存在(编号%d)", id)
	} else if err != nil {
		return err
	}
	if d.Level != level {
		return fieldErr("选区("+level+")", "%s是%s的选区，不是%s的", DistrictName(d.Number), d.Level, level)
	}
	return nil
}

// districtNumber finds the number in a 选区 as clerks write it: 第3选区, 3, 三选区, 第十二选区.
var districtNumber = regexp.MustCompile(`[0-9]+|[〇零一二三四五六七八九十百]+`)

// ParseDistrict returns the number of a 选区 written as 第3选区, 3 or 第十二选区 (0 when it has none).
func ParseDistrict(s string) int {
	m := districtNumber.FindString(s)
	if m == "" {
		return 0
	}
	if n, err := strconv.Atoi(m); err == nil {
		return n
	}
	return parseChineseNumber(m)
}

// parseChineseNumber reads 十二, 二十, 一百零五 (up to 999).
func parseChineseNumber(s string) int {
	digits := map[rune]int{'〇': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	n, cur := 0, 0
	for _, r := range s {
		switch r {
		case '十':
			n += max(cur, 1) * 10
			cur = 0
		case '百':
			n += max(cur, 1) * 100
			cur = 0
		default:
			cur = digits[r]
		}
	}
	return n + cur
}

// migrateDistricts is migration 0009's Go step: each 选区 the deputies' records name becomes a town district
// of the register (with as many seats as deputies were elected there, at least one), and the town seats of
// those deputies point at it. A text without a number keeps its words as the 片区 name under the next free
// number.
func migrateDistricts(ex execQuerier) error {
	rows, err := ex.Query(`SELECT district, count(*) FROM deputies d WHERE district != ''
		AND EXISTS (SELECT 1 FROM deputy_levels l WHERE l.deputy_id = d.id AND l.level = '镇级') GROUP BY district ORDER BY district`)
	if err != nil {
		return err
	}
	type text struct {
		s string
		n int
	}
	var texts []text
	for rows.Next() {
		var t text
		if err := rows.Scan(&t.s, &t.n); err != nil {
			rows.Close()
			return err
		}
		texts = append(texts, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	numbers := map[int]int64{}
	var used []int
	for _, t := range texts {
		if n := ParseDistrict(t.s); n > 0 && n <= 999 {
			used = append(used, n)
		}
	}
	next := 1
	for _, t := range texts {
		n, name := ParseDistrict(t.s), ""
		if n < 1 || n > 999 {
			for slices.Contains(used, next) {
				next++
			}
			n, name = next, strings.TrimSpace(t.s)
			used = append(used, n)
			if len([]rune(name)) > maxName {
				name = string([]rune(name)[:maxName])
			}
		}
		id, ok := numbers[n]
		if !ok {
			res, err := ex.Exec(`INSERT INTO districts (level, number, name, seats, created_at, updated_at)
				VALUES ('镇级', ?, ?, ?, datetime('now', 'localtime'), datetime('now', 'localtime'))`, n, name, min(max(t.n, 1), 99))
			if err != nil {
				return err
			}
			id, _ = res.LastInsertId()
			numbers[n] = id
		} else if _, err := ex.Exec(`UPDATE districts SET seats = min(99, seats + ?) WHERE id = ?`, t.n, id); err != nil {
			return err
		}
		if _, err := ex.Exec(`UPDATE deputy_levels SET district_id = ? WHERE level = '镇级'
			AND deputy_id IN (SELECT id FROM deputies WHERE district = ?)`, id, t.s); err != nil {
			return err
		}
	}
	return nil
}

// setTownDistrict puts deputy d's town seat in the 选区 written as text (第3选区, 3; "" for none), adding the
// district to the register when it is not there yet (as migration 0009 did with the 选区 the records named),
// so that a bulk change of 选区 and the register agree. A deputy without a town seat keeps the text only.
func (tx *Tx) setTownDistrict(d *Deputy, text string) error {
	text = strings.TrimSpace(text)
	i := slices.IndexFunc(d.Seats, func(s Seat) bool { return s.Level == LevelTown })
	if text == "" || i < 0 {
		d.District = text
		if i >= 0 {
			d.Seats[i].DistrictID = 0
		}
		return nil
	}
	n := ParseDistrict(text)
	if n < 1 || n > 999 {
		return fieldErr("选区", "「%s」不是选区编号，请写成「第3选区」或在 设置 → 选区 中登记", text)
	}
	var id int64
	err := tx.QueryRow(`SELECT id FROM districts WHERE level = '镇级' AND number = ?`, n).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		nd := District{Level: LevelTown, Number: n, Seats: 1}
		res, err := tx.Exec(`INSERT INTO districts (level, number, seats, created_at, updated_at) VALUES ('镇级', ?, 1, ?, ?)`, n, tx.stamp(), tx.stamp())
		if err != nil {
			return fmt.Errorf("保存选区: %w", err)
		}
		id, _ = res.LastInsertId()
		if err := tx.logHistory("district", id, ActionCreate, nd.Label(), describe(&nd)); err != nil {
			return err
		}
	} else if err != nil {
		return err
	}
	d.Seats[i].DistrictID, d.District = id, DistrictName(n)
	return nil
}
