package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
)

// Station is a liaison station (家站点): a 代表之家, 代表联络站, 代表联系点 or 代表工作室.
type Station struct {
	ID        int64
	Name      string  `label:"名称"`
	Type      string  `label:"类型"`
	Village   string  `label:"所在村(居)"`
	Address   string  `label:"地址"`
	Opened    Date    `label:"建成日期"`
	Contact   string  `label:"联系人"`
	Phone     string  `label:"联系电话"`
	Schedule  string  `label:"接待安排"` // 每月10日
	Haves     [6]bool `label:"六个有"`  // in the order of SixHaves
	Stars     int     `label:"星级"`
	Status    string  `label:"状态"`
	Notes     string  `label:"备注"`
	DeputyIDs []int64 `label:"进站代表"`

	Receptions int // read only: reception records
	Voters     int // read only: voters received in all, 人次
	CreatedAt  string
	UpdatedAt  string
}

// SixHavesMet reports whether every item of 「六个有」 is met.
func (s Station) SixHavesMet() bool { return !slices.Contains(s.Haves[:], false) }

// Validate checks the station.
func (s *Station) Validate() error {
	var c checker
	s.check(&c)
	return c.result()
}

// check runs the station's rules on c.
func (s *Station) check(c *checker) {
	s.Name, s.Contact = cleanName(s.Name), cleanName(s.Contact)
	c.required("名称", s.Name)
	c.maxLen("名称", s.Name, 50)
	c.required("类型", s.Type)
	c.oneOf("类型", s.Type, StationTypes)
	c.maxLen("地址", s.Address, maxLine)
	c.date("建成日期", s.Opened)
	c.maxLen("联系人", s.Contact, maxName)
	c.phone("联系电话", s.Phone)
	c.maxLen("接待安排", s.Schedule, maxLine)
	if s.Stars < 0 || s.Stars > 5 {
		c.fail("星级", "应在0到5之间")
	}
	if s.Status == "" {
		s.Status = StationStatuses[0]
	}
	c.oneOf("状态", s.Status, StationStatuses)
	c.maxLen("备注", s.Notes, maxText)
	c.noDuplicates("进站代表", s.DeputyIDs)
	slices.Sort(s.DeputyIDs)
}

const stationColumns = `s.id, s.name, s.type, s.village, s.address, s.opened, s.contact, s.phone, s.schedule,
	s.has_place, s.has_sign, s.has_info, s.has_rules, s.has_plan, s.has_ledger, s.stars, s.status, s.notes,
	s.created_at, s.updated_at,
	coalesce((SELECT group_concat(deputy_id, ',') FROM station_deputies WHERE station_id = s.id), ''),
	(SELECT count(*) FROM receptions r WHERE r.station_id = s.id),
	(SELECT coalesce(sum(voters), 0) FROM receptions r WHERE r.station_id = s.id)`

func scanStation(r interface{ Scan(...any) error }, extra ...any) (Station, error) {
	var s Station
	var deps string
	h := &s.Haves
	dest := []any{&s.ID, &s.Name, &s.Type, &s.Village, &s.Address, &s.Opened, &s.Contact, &s.Phone, &s.Schedule,
		&h[0], &h[1], &h[2], &h[3], &h[4], &h[5], &s.Stars, &s.Status, &s.Notes, &s.CreatedAt, &s.UpdatedAt,
		&deps, &s.Receptions, &s.Voters}
	err := r.Scan(append(dest, extra...)...)
	s.DeputyIDs = splitIDs(deps)
	return s, err
}

// Station returns one station.
func (db *DB) Station(ctx context.Context, id int64) (Station, error) {
	var s Station
	err := db.view(ctx, func(tx *Tx) error {
		var err error
		s, err = tx.station(id)
		return err
	})
	return s, err
}

func (tx *Tx) station(id int64) (Station, error) {
	s, err := scanStation(tx.QueryRow(`SELECT `+stationColumns+` FROM stations s WHERE s.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return s, Errorf(ENOTFOUND, "联络站不存在(编号%d)", id)
	}
	return s, err
}

// StationFilter selects stations.
type StationFilter struct {
	Query   string
	Type    string
	Village string
	Status  string
	// CountedOn, when set, keeps the stations the figures count on that day: in use and opened by then
	// (StationFigures; T9 of the yearly report lists the same).
	CountedOn Date
	Sort      string // one of StationSortKeys
	Desc      bool
	Offset    int
	Limit     int
}

// StationSortKeys maps the sortable columns of the station list to their SQL.
var StationSortKeys = map[string]string{
	"name": "s.name", "type": "s.type", "village": "s.village", "opened": "s.opened", "stars": "s.stars", "status": "s.status",
}

// Stations returns a page of stations and the number that match.
func (db *DB) Stations(ctx context.Context, f StationFilter) (out []Station, total int, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, total, err = tx.stations(f)
		return err
	})
	return out, total, err
}

// stations is Stations inside a transaction.
func (tx *Tx) stations(f StationFilter) (out []Station, total int, err error) {
	w := &where{}
	w.match("s.id", "station_fts", []string{"name", "village", "address"}, f.Query, "")
	if f.Type != "" {
		w.add("s.type = ?", f.Type)
	}
	if f.Village != "" {
		w.add("s.village = ?", f.Village)
	}
	if f.Status != "" {
		w.add("s.status = ?", f.Status)
	}
	if f.CountedOn != "" {
		w.add(stationCounted("s."), f.CountedOn)
	}
	order := "CASE s.type WHEN '代表之家' THEN 1 WHEN '代表联络站' THEN 2 WHEN '代表联系点' THEN 3 ELSE 4 END, s.name"
	if col, ok := StationSortKeys[f.Sort]; ok {
		order = col + desc(f.Desc) + ", s.id"
	}
	q := listQuery{idCol: "s.id", countFrom: "stations s", from: "stations s", order: order}
	out, total, err = listPage(tx, q, w, f.Offset, f.Limit,
		func(ids []int64) (map[int64]Station, error) {
			m := map[int64]Station{}
			err := collect(tx, `SELECT `+stationColumns+` FROM stations s WHERE s.id IN (`+idList(ids)+`)`, nil, func(r scanner) error {
				s, err := scanStation(r)
				m[s.ID] = s
				return err
			})
			return m, err
		})
	if err != nil {
		return nil, 0, fmt.Errorf("查询联络站: %w", err)
	}
	return out, total, nil
}

// SaveStation creates (ID 0) or updates a station and its stationed deputies.
func (db *DB) SaveStation(ctx context.Context, s *Station) error {
	if err := s.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error { return tx.saveStation(s) })
}

// saveStation checks a validated station's references and writes it with its stationed deputies and a
// history entry; SaveStation and the importer share it.
func (tx *Tx) saveStation(s *Station) error {
	if err := tx.checkDict(DictVillage, "所在村(居)", s.Village); err != nil {
		return err
	}
	for _, id := range s.DeputyIDs {
		if err := tx.exists("deputies", id, "进站代表"); err != nil {
			return err
		}
	}
	var dup int64
	if err := tx.QueryRow(`SELECT id FROM stations WHERE name = ? AND id != ?`, s.Name, s.ID).Scan(&dup); err == nil {
		return &Error{Code: ECONFLICT, Field: "名称", Message: fmt.Sprintf("联络站「%s」已经存在", s.Name)}
	} else if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	h := s.Haves
	args := []any{s.Name, s.Type, s.Village, s.Address, s.Opened, s.Contact, s.Phone, s.Schedule,
		h[0], h[1], h[2], h[3], h[4], h[5], s.Stars, s.Status, s.Notes, tx.stamp()}
	action, changes := ActionCreate, describe(s)
	if s.ID == 0 {
		res, err := tx.Exec(`INSERT INTO stations (name, type, village, address, opened, contact, phone, schedule,
			has_place, has_sign, has_info, has_rules, has_plan, has_ledger, stars, status, notes, updated_at, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, append(args, tx.stamp())...)
		if err != nil {
			return fmt.Errorf("保存联络站: %w", err)
		}
		s.ID, _ = res.LastInsertId()
	} else {
		old, err := tx.station(s.ID)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`UPDATE stations SET name = ?, type = ?, village = ?, address = ?, opened = ?, contact = ?,
			phone = ?, schedule = ?, has_place = ?, has_sign = ?, has_info = ?, has_rules = ?, has_plan = ?, has_ledger = ?,
			stars = ?, status = ?, notes = ?, updated_at = ? WHERE id = ?`, append(args, s.ID)...); err != nil {
			return fmt.Errorf("保存联络站: %w", err)
		}
		action, changes = ActionUpdate, diff(old, s)
	}
	if _, err := tx.Exec(`DELETE FROM station_deputies WHERE station_id = ?`, s.ID); err != nil {
		return err
	}
	for _, id := range s.DeputyIDs {
		if _, err := tx.Exec(`INSERT INTO station_deputies (station_id, deputy_id) VALUES (?, ?)`, s.ID, id); err != nil {
			return err
		}
	}
	if changes == "" {
		return nil
	}
	return tx.logHistory("station", s.ID, action, s.Name, changes)
}

// DeleteStation deletes a station with its reception records; suggestions that came from it keep their text
// but lose the link. A station with reception records is refused unless force is set (the UI asks first).
func (db *DB) DeleteStation(ctx context.Context, id int64, force bool) error {
	return db.update(ctx, func(tx *Tx) error {
		s, err := tx.station(id)
		if err != nil {
			return err
		}
		if s.Receptions > 0 && !force {
			return Errorf(ECONFLICT, "联络站「%s」有%d条接待记录，删除会一并删除这些记录", s.Name, s.Receptions)
		}
		if _, err := tx.Exec(`DELETE FROM stations WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.logHistory("station", id, ActionDelete, s.Name, describe(s))
	})
}

// Reception is a record of deputies receiving voters at a station (接待选民记录).
type Reception struct {
	ID        int64
	StationID int64   `label:"联络站"`
	Date      Date    `label:"接待日期"`
	Voters    int     `label:"接待选民(人次)"`
	Summary   string  `label:"主要内容"`
	DeputyIDs []int64 `label:"值班代表"`

	StationName string // read only
	CreatedAt   string
	UpdatedAt   string
}

// Validate checks the reception record.
func (r *Reception) Validate() error {
	var c checker
	r.check(&c)
	return c.result()
}

// check runs the reception record's rules on c.
func (r *Reception) check(c *checker) {
	c.need("联络站", r.StationID == 0, "不能为空")
	c.requiredDate("接待日期", r.Date)
	c.nonNegative("接待选民(人次)", r.Voters)
	if r.Voters > 10000 {
		c.fail("接待选民(人次)", "数值过大(%d)", r.Voters)
	}
	c.maxLen("主要内容", r.Summary, maxText)
	c.noDuplicates("值班代表", r.DeputyIDs)
	slices.Sort(r.DeputyIDs)
}

// ReceptionFilter selects reception records.
type ReceptionFilter struct {
	StationID int64
	DeputyID  int64
	From, To  Date
	Offset    int
	Limit     int
}

// Receptions returns reception records, newest first, and the number that match.
func (db *DB) Receptions(ctx context.Context, f ReceptionFilter) ([]Reception, int, error) {
	var out []Reception
	total := 0
	err := db.view(ctx, func(tx *Tx) error {
		w := &where{}
		if f.StationID != 0 {
			w.add("r.station_id = ?", f.StationID)
		}
		if f.DeputyID != 0 {
			w.add("r.id IN (SELECT reception_id FROM reception_deputies WHERE deputy_id = ?)", f.DeputyID)
		}
		if f.From != "" {
			w.add("r.date >= ?", f.From)
		}
		if f.To != "" {
			w.add("r.date <= ?", f.To)
		}
		rows, err := tx.Query(`SELECT r.id, r.station_id, r.date, r.voters, r.summary, r.created_at, r.updated_at, s.name,
			coalesce((SELECT group_concat(deputy_id, ',') FROM reception_deputies WHERE reception_id = r.id), ''), count(*) OVER ()
			FROM receptions r JOIN stations s ON s.id = r.station_id WHERE `+w.sql()+` ORDER BY r.date DESC, r.id DESC`+page(f.Offset, f.Limit), w.args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r Reception
			var deps string
			if err := rows.Scan(&r.ID, &r.StationID, &r.Date, &r.Voters, &r.Summary, &r.CreatedAt, &r.UpdatedAt, &r.StationName, &deps, &total); err != nil {
				return err
			}
			r.DeputyIDs = splitIDs(deps)
			out = append(out, r)
		}
		return rows.Err()
	})
	return out, total, err
}

// SaveReception creates (ID 0) or updates a reception record.
func (db *DB) SaveReception(ctx context.Context, r *Reception) error {
	if err := r.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		st, err := tx.station(r.StationID)
		if err != nil {
			return fieldErr("联络站", "不存在")
		}
		for _, id := range r.DeputyIDs {
			if err := tx.exists("deputies", id, "值班代表"); err != nil {
				return err
			}
		}
		if r.Date > DateOf(tx.now) {
			return fieldErr("接待日期", "(%s)不能晚于今天", r.Date.Chinese())
		}
		label := st.Name + " " + r.Date.Chinese()
		action, changes := ActionCreate, describe(r)
		if r.ID == 0 {
			res, err := tx.Exec(`INSERT INTO receptions (station_id, date, voters, summary, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
				r.StationID, r.Date, r.Voters, r.Summary, tx.stamp(), tx.stamp())
			if err != nil {
				return fmt.Errorf("保存接待记录: %w", err)
			}
			r.ID, _ = res.LastInsertId()
		} else {
			var old Reception
			var deps string
			if err := tx.QueryRow(`SELECT station_id, date, voters, summary,
				coalesce((SELECT group_concat(deputy_id, ',') FROM reception_deputies WHERE reception_id = r.id), '')
				FROM receptions r WHERE id = ?`, r.ID).Scan(&old.StationID, &old.Date, &old.Voters, &old.Summary, &deps); errors.Is(err, sql.ErrNoRows) {
				return Errorf(ENOTFOUND, "接待记录不存在")
			} else if err != nil {
				return err
			}
			old.DeputyIDs = splitIDs(deps)
			if _, err := tx.Exec(`UPDATE receptions SET station_id = ?, date = ?, voters = ?, summary = ?, updated_at = ? WHERE id = ?`,
				r.StationID, r.Date, r.Voters, r.Summary, tx.stamp(), r.ID); err != nil {
				return err
			}
			action, changes = ActionUpdate, diff(old, r)
		}
		if _, err := tx.Exec(`DELETE FROM reception_deputies WHERE reception_id = ?`, r.ID); err != nil {
			return err
		}
		for _, id := range r.DeputyIDs {
			if _, err := tx.Exec(`INSERT INTO reception_deputies (reception_id, deputy_id) VALUES (?, ?)`, r.ID, id); err != nil {
				return err
			}
		}
		return tx.logHistory("reception", r.ID, action, label, changes)
	})
}

// DeleteReception deletes a reception record; suggestions raised there keep their text.
func (db *DB) DeleteReception(ctx context.Context, id int64) error {
	return db.update(ctx, func(tx *Tx) error {
		var label string
		if err := tx.QueryRow(`SELECT s.name || ' ' || r.date FROM receptions r JOIN stations s ON s.id = r.station_id WHERE r.id = ?`, id).Scan(&label); errors.Is(err, sql.ErrNoRows) {
			return Errorf(ENOTFOUND, "接待记录不存在")
		} else if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM receptions WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.logHistory("reception", id, ActionDelete, label, "")
	})
}
