package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Deputy is a people's deputy. One person may sit at several levels at once (Levels), e.g. a town deputy who
// is also a county deputy; figures per level count them in each level, per-person tables once.
type Deputy struct {
	ID            int64
	Name          string   `label:"姓名"`
	Gender        string   `label:"性别"`
	Ethnicity     string   `label:"民族"`
	Birth         string   `label:"出生年月"` // "1968-05"
	Party         string   `label:"政治面貌"`
	Education     string   `label:"文化程度"`
	WorkUnit      string   `label:"工作单位"`
	Post          string   `label:"职务"`
	Phone         string   `label:"联系电话"`
	Village       string   `label:"所在村(居)"`
	TermID        int64    `label:"届次"`
	District      string   `label:"选区"`
	GroupID       int64    `label:"代表小组"`
	Official      bool     `label:"职务代表"`
	New           bool     `label:"新任"`
	Status        string   `label:"状态"`
	VacancyReason string   `label:"出缺原因"`
	VacancyDate   Date     `label:"出缺日期"`
	Notes         string   `label:"备注"`
	Levels        []string `label:"代表层级"`
	Seats         []Seat   `label:"当选日期"` // one per level of Levels, in that order, after Validate (seat.go)
	Tags          []string `label:"代表构成"`
	Roles         []string `label:"职务角色"`
	StationIDs    []int64  `label:"进站"`

	// Former are the seats of earlier terms (a 连任 deputy's seat of the last term), oldest first: read only,
	// kept as they are when the deputy is saved, so that the old term's counts stay.
	Former    []Seat
	GroupName string // read only: the group's name
	CreatedAt string
	UpdatedAt string
}

// Validate checks the deputy's own fields; dictionary values and references are checked on save.
func (d *Deputy) Validate() error {
	var c checker
	d.check(&c)
	return c.result()
}

// check runs the deputy's rules on c.
func (d *Deputy) check(c *checker) {
	d.Name = cleanName(d.Name)
	c.required("姓名", d.Name)
	c.maxLen("姓名", d.Name, maxName)
	c.oneOf("性别", d.Gender, Genders)
	if d.Birth != "" {
		if ym, err := ParseYearMonth(d.Birth); err != nil {
			c.fail("出生年月", "%s", strings.TrimPrefix(err.Error(), "年月"))
		} else {
			d.Birth = ym
		}
	}
	c.maxLen("工作单位", d.WorkUnit, maxLine)
	c.maxLen("职务", d.Post, maxLine)
	c.phone("联系电话", d.Phone)
	c.maxLen("选区", d.District, maxName)
	c.need("代表层级", len(d.Levels) == 0, "至少选择一项")
	for _, l := range d.Levels {
		c.oneOf("代表层级", l, DeputyLevels)
	}
	if d.Status == "" {
		d.Status = DeputyActive
	}
	c.oneOf("状态", d.Status, DeputyStatuses)
	if d.Status == DeputyVacant {
		c.required("出缺原因", d.VacancyReason)
		c.oneOf("出缺原因", d.VacancyReason, VacancyReasons)
		c.requiredDate("出缺日期", d.VacancyDate)
	} else if d.Status == DeputyTermEnded { // the day the next term began without them; no reason to give
		c.requiredDate("出缺日期", d.VacancyDate)
		if d.VacancyReason != "" {
			c.fail("出缺原因", "任期届满的代表不填写出缺原因")
		}
	} else if d.VacancyReason != "" || d.VacancyDate != "" {
		c.fail("出缺原因", "只有出缺的代表才填写")
	}
	c.maxLen("备注", d.Notes, maxText)
	c.noDuplicates("进站", d.StationIDs)
	// Keep multi-selects in a stable order so that the history shows real changes only.
	slices.SortFunc(d.Levels, func(a, b string) int { return slices.Index(DeputyLevels, a) - slices.Index(DeputyLevels, b) })
	d.Levels = slices.Compact(d.Levels)
	d.reconcileSeats(c)
	slices.Sort(d.Tags)
	d.Tags = slices.Compact(d.Tags)
	slices.Sort(d.Roles)
	d.Roles = slices.Compact(d.Roles)
	slices.Sort(d.StationIDs)
}

// HasLevel reports whether the deputy sits at the given level.
func (d Deputy) HasLevel(level string) bool { return slices.Contains(d.Levels, level) }

// MaskPhone hides the middle of a phone number: 13812345678 → 138****5678; short numbers keep their last 2.
func MaskPhone(p string) string {
	r := []rune(strings.TrimSpace(p))
	switch {
	case len(r) == 0:
		return ""
	case len(r) >= 11:
		return string(r[:3]) + "****" + string(r[len(r)-4:])
	case len(r) > 4:
		return strings.Repeat("*", len(r)-2) + string(r[len(r)-2:])
	}
	return strings.Repeat("*", len(r))
}

// checkRefs checks dictionary values and references inside the transaction.
func (d *Deputy) checkRefs(tx *Tx) error {
	for _, x := range []struct{ kind, field, v string }{
		{DictEthnicity, "民族", d.Ethnicity}, {DictParty, "政治面貌", d.Party}, {DictEducation, "文化程度", d.Education},
		{DictVillage, "所在村(居)", d.Village},
	} {
		if err := tx.checkDict(x.kind, x.field, x.v); err != nil {
			return err
		}
	}
	for _, t := range d.Tags {
		if err := tx.checkDict(DictComposition, "代表构成", t); err != nil {
			return err
		}
	}
	for _, r := range d.Roles {
		if err := tx.checkDict(DictRole, "职务角色", r); err != nil {
			return err
		}
	}
	if err := tx.exists("terms", d.TermID, "届次"); err != nil {
		return err
	}
	if err := tx.exists("deputy_groups", d.GroupID, "代表小组"); err != nil {
		return err
	}
	for _, s := range d.StationIDs {
		if err := tx.exists("stations", s, "进站"); err != nil {
			return err
		}
	}
	return nil
}

// exists fails with a field error when a non-zero id is not in table.
func (tx *Tx) exists(table string, id int64, field string) error {
	if id == 0 {
		return nil
	}
	var n int
	if err := tx.QueryRow(`SELECT count(*) FROM `+table+` WHERE id = ?`, id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return fieldErr(field, "引用的记录不存在(编号%d)", id)
	}
	return nil
}

const deputyColumns = `d.id, d.name, d.gender, d.ethnicity, d.birth, d.party, d.education, d.work_unit, d.post, d.phone,
	d.village, d.term_id, d.district, d.group_id, d.is_official, d.is_new, d.status, d.vacancy_reason, d.vacancy_date,
	d.notes, d.created_at, d.updated_at, coalesce(g.name, ''),
	coalesce((SELECT group_concat(id || char(31) || level || char(31) || coalesce(term_id, 0) || char(31) || coalesce(district_id, 0)
		|| char(31) || start_date || char(31) || coalesce(end_date, '') || char(31) || end_reason || char(31) || is_new, char(30))
		FROM deputy_levels WHERE deputy_id = d.id), ''),
	coalesce((SELECT group_concat(tag, ',') FROM deputy_tags WHERE deputy_id = d.id), ''),
	coalesce((SELECT group_concat(role, ',') FROM deputy_roles WHERE deputy_id = d.id), ''),
	coalesce((SELECT group_concat(station_id, ',') FROM station_deputies WHERE deputy_id = d.id), '')`

// scanDeputy reads the deputyColumns of one row, then any extra columns into extra.
func scanDeputy(s interface{ Scan(...any) error }, extra ...any) (Deputy, error) {
	var d Deputy
	var term, group sql.NullInt64
	var levels, tags, roles, stations string
	dest := []any{&d.ID, &d.Name, &d.Gender, &d.Ethnicity, &d.Birth, &d.Party, &d.Education, &d.WorkUnit, &d.Post,
		&d.Phone, &d.Village, &term, &d.District, &group, &d.Official, &d.New, &d.Status, &d.VacancyReason,
		&d.VacancyDate, &d.Notes, &d.CreatedAt, &d.UpdatedAt, &d.GroupName, &levels, &tags, &roles, &stations}
	err := s.Scan(append(dest, extra...)...)
	d.TermID, d.GroupID = term.Int64, group.Int64
	d.Seats, d.Former = splitSeats(levels)
	for _, st := range d.Seats {
		d.Levels = append(d.Levels, st.Level)
	}
	d.Tags, d.Roles = sortedList(tags), sortedList(roles)
	d.StationIDs = splitIDs(stations)
	return d, err
}

// Deputy returns one deputy.
func (db *DB) Deputy(ctx context.Context, id int64) (Deputy, error) {
	var d Deputy
	err := db.view(ctx, func(tx *Tx) error {
		var err error
		d, err = tx.deputy(id)
		return err
	})
	return d, err
}

func (tx *Tx) deputy(id int64) (Deputy, error) {
	d, err := scanDeputy(tx.QueryRow(`SELECT `+deputyColumns+` FROM deputies d LEFT JOIN deputy_groups g ON g.id = d.group_id WHERE d.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return d, Errorf(ENOTFOUND, "代表不存在(编号%d)", id)
	}
	return d, err
}

// DeputyFilter selects deputies for a list. Zero fields do not filter.
type DeputyFilter struct {
	Query     string // full-text: name, work unit, post, village
	Level     string
	GroupID   int64
	Status    string
	StationID int64
	TermID    int64
	// DistrictID keeps the deputies elected in that 选区 to a seat not yet ended (issue 16).
	DistrictID int64
	// OnRoll keeps the deputies on the roll of that day: holding a seat then (of Level, when set) and of the term
	// covering it, as the figures count them (seat.go).
	OnRoll Date
	IDs    []int64 // only these
	Sort   string  // one of DeputySortKeys; "" = by group then name
	Desc   bool
	Offset int
	Limit  int // ≤ 0: all
}

// DeputySortKeys maps the sortable columns of the deputy list to their SQL.
var DeputySortKeys = map[string]string{
	"name": "d.name", "gender": "d.gender", "birth": "d.birth", "party": "d.party", "village": "d.village",
	"group": "coalesce(g.id, 1e18)", "status": "d.status", "unit": "d.work_unit",
	"district": "CAST(substr(d.district, 2) AS INTEGER)", // 第2选区 before 第10选区
}

// Deputies returns a page of deputies and the number that match the filter.
func (db *DB) Deputies(ctx context.Context, f DeputyFilter) (out []Deputy, total int, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, total, err = tx.deputies(f)
		return err
	})
	return out, total, err
}

// deputies is Deputies inside a transaction.
func (tx *Tx) deputies(f DeputyFilter) (out []Deputy, total int, err error) {
	w := &where{}
	if f.Query != "" {
		w.match("d.id", "deputy_fts", []string{"name", "work_unit", "village"}, f.Query, "")
	}
	held := ""
	if f.OnRoll != "" {
		// seatHeld(day, day) with the ended terms read once (seatHeldOn), not for every seat.
		if held, err = tx.seatHeldOn("x.day", f.OnRoll); err != nil {
			return nil, 0, fmt.Errorf("查询代表: %w", err)
		}
	}
	switch {
	case f.OnRoll != "" && f.Level != "":
		w.add(`EXISTS (SELECT 1 FROM deputy_levels l, (SELECT ? AS day) x WHERE l.deputy_id = d.id AND l.level = ? AND `+
			held+`)`, f.OnRoll, f.Level)
	case f.OnRoll != "":
		w.add(`EXISTS (SELECT 1 FROM deputy_levels l, (SELECT ? AS day) x WHERE l.deputy_id = d.id AND `+held+`)`, f.OnRoll)
	case f.Level != "":
		w.add("d.id IN (SELECT deputy_id FROM deputy_levels WHERE level = ?)", f.Level)
	}
	if f.GroupID != 0 {
		w.add("d.group_id = ?", f.GroupID)
	}
	if f.Status != "" {
		w.add("d.status = ?", f.Status)
	}
	if f.StationID != 0 {
		w.add("d.id IN (SELECT deputy_id FROM station_deputies WHERE station_id = ?)", f.StationID)
	}
	if f.TermID != 0 {
		w.add("d.term_id = ?", f.TermID)
	}
	if f.DistrictID != 0 {
		w.add("d.id IN (SELECT deputy_id FROM deputy_levels WHERE district_id = ? AND end_date IS NULL)", f.DistrictID)
	}
	if f.IDs != nil {
		w.addIDs("d.id", f.IDs)
	}
	order := "coalesce(g.id, 1e18), d.name, d.id" // groups in the order they were set up (第一, 第二 … 第十一)
	if col, ok := DeputySortKeys[f.Sort]; ok {
		order = col + desc(f.Desc) + ", d.id"
	}
	q := listQuery{idCol: "d.id", countFrom: "deputies d", from: "deputies d LEFT JOIN deputy_groups g ON g.id = d.group_id", order: order}
	out, total, err = listPage(tx, q, w, f.Offset, f.Limit,
		func(ids []int64) (map[int64]Deputy, error) {
			m := map[int64]Deputy{}
			err := collect(tx, `SELECT `+deputyColumns+` FROM deputies d LEFT JOIN deputy_groups g ON g.id = d.group_id WHERE d.id IN (`+idList(ids)+`)`, nil,
				func(r scanner) error {
					d, err := scanDeputy(r)
					m[d.ID] = d
					return err
				})
			return m, err
		})
	if err != nil {
		return nil, 0, fmt.Errorf("查询代表: %w", err)
	}
	return out, total, nil
}

// DeputyRollCounts returns how many deputies are on the roll of day (as DeputyFilter.OnRoll counts them) and
// how many of each level (DeputyFilter.OnRoll with Level): one pass, instead of a count per level.
func (db *DB) DeputyRollCounts(ctx context.Context, day Date) (total int, byLevel map[string]int, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		held, err := tx.heldSeats(day)
		total, byLevel = rollCounts(held)
		return err
	})
	if err != nil {
		return 0, nil, fmt.Errorf("统计在任代表: %w", err)
	}
	return total, byLevel, nil
}

// DeputyRoll is 概览's 代表 card on a day: DeputyRollCounts and DistrictVacancies from one read of the seats held.
type DeputyRoll struct {
	Total     int
	ByLevel   map[string]int
	Vacancies []DistrictVacancy
}

// DeputyRoll returns the deputies on the roll of day, by level, and the districts with a vacant seat that day,
// as DeputyRollCounts and DistrictVacancies do, reading the seats held once (each read of them was a tenth of
// 概览's refresh on the stress data).
func (db *DB) DeputyRoll(ctx context.Context, day Date) (r DeputyRoll, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		held, err := tx.heldSeats(day)
		if err != nil {
			return err
		}
		r.Total, r.ByLevel = rollCounts(held)
		r.Vacancies, err = tx.districtVacancies(held)
		return err
	})
	if err != nil {
		return DeputyRoll{}, fmt.Errorf("统计在任代表: %w", err)
	}
	return r, nil
}

// heldSeat is a seat held on a day: whose, of which level, in which district (0: none recorded).
type heldSeat struct {
	deputyID   int64
	level      string
	districtID int64
}

// heldSeats reads the seats held on day (seatHeld), in no particular order.
func (tx *Tx) heldSeats(day Date) (out []heldSeat, err error) {
	held, err := tx.seatHeldOn("?1", day)
	if err != nil {
		return nil, err
	}
	err = collect(tx, `SELECT l.deputy_id, l.level, coalesce(l.district_id, 0)
		FROM deputies d JOIN deputy_levels l ON l.deputy_id = d.id WHERE `+held,
		[]any{day}, func(sc scanner) error {
			var h heldSeat
			err := sc.Scan(&h.deputyID, &h.level, &h.districtID)
			out = append(out, h)
			return err
		})
	return out, err
}

// rollCounts counts the deputies holding the seats (each once) and those holding a seat of each level.
func rollCounts(held []heldSeat) (total int, byLevel map[string]int) {
	byLevel = map[string]int{}
	all := map[int64]bool{}
	of := map[string]map[int64]bool{}
	for _, h := range held {
		all[h.deputyID] = true
		if of[h.level] == nil {
			of[h.level] = map[int64]bool{}
		}
		of[h.level][h.deputyID] = true
	}
	for l, ids := range of {
		byLevel[l] = len(ids)
	}
	return len(all), byLevel
}

// SaveDeputy creates (ID 0) or updates a deputy with levels, tags, roles and stations, in one transaction.
func (db *DB) SaveDeputy(ctx context.Context, d *Deputy) error {
	if err := d.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error { return tx.saveDeputy(d) })
}

func (tx *Tx) saveDeputy(d *Deputy) error {
	if err := d.checkRefs(tx); err != nil {
		return err
	}
	args := []any{d.Name, d.Gender, d.Ethnicity, d.Birth, d.Party, d.Education, d.WorkUnit, d.Post, d.Phone, d.Village,
		nullID(d.TermID), d.District, nullID(d.GroupID), d.Official, d.New, d.Status, d.VacancyReason, d.VacancyDate, d.Notes, tx.stamp()}
	if d.ID == 0 {
		res, err := tx.Exec(`INSERT INTO deputies (name, gender, ethnicity, birth, party, education, work_unit, post, phone,
			village, term_id, district, group_id, is_official, is_new, status, vacancy_reason, vacancy_date, notes, updated_at, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, append(args, tx.stamp())...)
		if err != nil {
			return fmt.Errorf("保存代表: %w", err)
		}
		d.ID, _ = res.LastInsertId()
		if err := tx.saveDeputyLinks(d); err != nil {
			return err
		}
		return tx.logHistory("deputy", d.ID, ActionCreate, d.Name, describe(d))
	}
	old, err := tx.deputy(d.ID)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(`UPDATE deputies SET name = ?, gender = ?, ethnicity = ?, birth = ?, party = ?, education = ?,
		work_unit = ?, post = ?, phone = ?, village = ?, term_id = ?, district = ?, group_id = ?, is_official = ?, is_new = ?,
		status = ?, vacancy_reason = ?, vacancy_date = ?, notes = ?, updated_at = ? WHERE id = ?`, append(args, d.ID)...); err != nil {
		return fmt.Errorf("保存代表: %w", err)
	}
	if err := tx.saveDeputyLinks(d); err != nil {
		return err
	}
	if old.Name != d.Name {
		if err := tx.reindexSuggestionsOfDeputy(d.ID); err != nil {
			return err
		}
	}
	if ch := diff(old, d); ch != "" {
		return tx.logHistory("deputy", d.ID, ActionUpdate, d.Name, ch)
	}
	return nil
}

func (tx *Tx) saveDeputyLinks(d *Deputy) error {
	for _, q := range []string{`DELETE FROM deputy_tags WHERE deputy_id = ?`,
		`DELETE FROM deputy_roles WHERE deputy_id = ?`, `DELETE FROM station_deputies WHERE deputy_id = ?`} {
		if _, err := tx.Exec(q, d.ID); err != nil {
			return err
		}
	}
	if err := tx.saveSeats(d); err != nil {
		return err
	}
	for _, t := range d.Tags {
		if _, err := tx.Exec(`INSERT INTO deputy_tags (deputy_id, tag) VALUES (?, ?)`, d.ID, t); err != nil {
			return err
		}
	}
	for _, r := range d.Roles {
		if _, err := tx.Exec(`INSERT INTO deputy_roles (deputy_id, role) VALUES (?, ?)`, d.ID, r); err != nil {
			return err
		}
	}
	for _, s := range d.StationIDs {
		if _, err := tx.Exec(`INSERT INTO station_deputies (station_id, deputy_id) VALUES (?, ?)`, s, d.ID); err != nil {
			return err
		}
	}
	return nil
}

// CheckDeleteDeputy returns why the deputy cannot be deleted (ECONFLICT, naming the records that keep them), or
// nil. The window asks it before the question whether to delete; DeleteDeputy checks again.
func (db *DB) CheckDeleteDeputy(ctx context.Context, id int64) error {
	return db.view(ctx, func(tx *Tx) error {
		d, err := tx.deputy(id)
		if err != nil {
			return err
		}
		return tx.deputyLinks(d)
	})
}

// deputyLinks refuses a deputy whom any record that figures or past documents count refers to: deleting
// would silently change them (report-backs and reception duty would go with the deputy by ON DELETE CASCADE).
func (tx *Tx) deputyLinks(d Deputy) error {
	var led, att, co, rb, duty, cand int
	if err := tx.QueryRow(`SELECT (SELECT count(*) FROM suggestions WHERE lead_deputy_id = ?1),
		(SELECT count(*) FROM attendance WHERE deputy_id = ?1), (SELECT count(*) FROM suggestion_cosigners WHERE deputy_id = ?1),
		(SELECT count(*) FROM report_backs WHERE deputy_id = ?1), (SELECT count(*) FROM reception_deputies WHERE deputy_id = ?1),
		(SELECT count(*) FROM candidates WHERE deputy_id = ?1)`, d.ID).Scan(&led, &att, &co, &rb, &duty, &cand); err != nil {
		return err
	}
	var has []string // only the kinds there are: 「0条述职评议」 tells the clerk nothing
	for _, k := range []struct {
		n    int
		unit string
	}{{led, "件领衔建议"}, {co, "件联名建议"}, {att, "条出席记录"}, {rb, "条述职评议"}, {duty, "次进站接待"}, {cand, "项选举记录"}} {
		if k.n > 0 {
			has = append(has, fmt.Sprintf("%d%s", k.n, k.unit))
		}
	}
	if len(has) > 0 {
		return Errorf(ECONFLICT, "代表「%s」已有%s，不能删除；如已离任，请把状态改为出缺", d.Name, joinAnd(has))
	}
	return nil
}

// joinAnd joins items as a Chinese list: 「甲」, 「甲和乙」, 「甲、乙和丙」.
func joinAnd(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], "、") + "和" + items[len(items)-1]
}

// DeleteDeputy deletes a deputy. A deputy who led suggestions or has attendance records is refused: mark the
// seat 出缺 instead, so that past figures do not change.
func (db *DB) DeleteDeputy(ctx context.Context, id int64) error {
	return db.update(ctx, func(tx *Tx) error {
		d, err := tx.deputy(id)
		if err != nil {
			return err
		}
		if err := tx.deputyLinks(d); err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM deputies WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.logHistory("deputy", id, ActionDelete, d.Name, describe(d))
	})
}

// DeputyNames maps deputy ids to names, for labels.
func (db *DB) DeputyNames(ctx context.Context, ids []int64) (out map[int64]string, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, err = tx.namesOf("deputies", ids)
		return err
	})
	return out, err
}

// Group is a deputy group (代表小组).
type Group struct {
	ID              int64
	Name            string  `label:"小组名称"`
	Villages        string  `label:"联系村(居)"`
	LeaderID        int64   `label:"组长"`
	DeputyLeaderIDs []int64 `label:"副组长"`
	LiaisonID       int64   `label:"联系主席团成员"`
	Notes           string  `label:"备注"`
	Members         int     // read only: deputies in the group
	CreatedAt       string
	UpdatedAt       string
}

// Validate checks the group.
func (g *Group) Validate() error {
	var c checker
	g.check(&c)
	return c.result()
}

// check runs the group's rules on c.
func (g *Group) check(c *checker) {
	g.Name = cleanName(g.Name)
	c.required("小组名称", g.Name)
	c.maxLen("小组名称", g.Name, 40)
	c.maxLen("联系村(居)", g.Villages, maxLine)
	c.noDuplicates("副组长", g.DeputyLeaderIDs)
	if g.LeaderID != 0 && slices.Contains(g.DeputyLeaderIDs, g.LeaderID) {
		c.fail("副组长", "不能与组长是同一人")
	}
	c.maxLen("备注", g.Notes, maxText)
	slices.Sort(g.DeputyLeaderIDs)
}

// Groups returns all deputy groups by name with their member counts.
func (db *DB) Groups(ctx context.Context) ([]Group, error) {
	var out []Group
	err := db.view(ctx, func(tx *Tx) error {
		rows, err := tx.Query(`SELECT g.id, g.name, g.villages, g.leader_id, g.liaison_id, g.notes, g.created_at, g.updated_at,
			(SELECT count(*) FROM deputies d WHERE d.group_id = g.id),
			coalesce((SELECT group_concat(deputy_id, ',') FROM group_deputy_leaders WHERE group_id = g.id), '')
			FROM deputy_groups g ORDER BY g.id`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var g Group
			var leader, liaison sql.NullInt64
			var dl string
			if err := rows.Scan(&g.ID, &g.Name, &g.Villages, &leader, &liaison, &g.Notes, &g.CreatedAt, &g.UpdatedAt, &g.Members, &dl); err != nil {
				return err
			}
			g.LeaderID, g.LiaisonID, g.DeputyLeaderIDs = leader.Int64, liaison.Int64, splitIDs(dl)
			out = append(out, g)
		}
		return rows.Err()
	})
	return out, err
}

// SaveGroup creates (ID 0) or updates a deputy group.
func (db *DB) SaveGroup(ctx context.Context, g *Group) error {
	if err := g.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		for _, r := range []struct {
			id    int64
			field string
		}{{g.LeaderID, "组长"}, {g.LiaisonID, "联系主席团成员"}} {
			if err := tx.exists("deputies", r.id, r.field); err != nil {
				return err
			}
		}
		for _, id := range g.DeputyLeaderIDs {
			if err := tx.exists("deputies", id, "副组长"); err != nil {
				return err
			}
		}
		var dup int64
		if err := tx.QueryRow(`SELECT id FROM deputy_groups WHERE name = ? AND id != ?`, g.Name, g.ID).Scan(&dup); err == nil {
			return &Error{Code: ECONFLICT, Field: "小组名称", Message: fmt.Sprintf("代表小组「%s」已经存在", g.Name)}
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		action, changes := ActionCreate, describe(g)
		if g.ID == 0 {
			res, err := tx.Exec(`INSERT INTO deputy_groups (name, villages, leader_id, liaison_id, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
				g.Name, g.Villages, nullID(g.LeaderID), nullID(g.LiaisonID), g.Notes, tx.stamp(), tx.stamp())
			if err != nil {
				return fmt.Errorf("保存代表小组: %w", err)
			}
			g.ID, _ = res.LastInsertId()
		} else {
			var old Group
			var leader, liaison sql.NullInt64
			var dl string
			if err := tx.QueryRow(`SELECT name, villages, leader_id, liaison_id, notes,
				coalesce((SELECT group_concat(deputy_id, ',') FROM group_deputy_leaders WHERE group_id = g.id), '')
				FROM deputy_groups g WHERE id = ?`, g.ID).Scan(&old.Name, &old.Villages, &leader, &liaison, &old.Notes, &dl); errors.Is(err, sql.ErrNoRows) {
				return Errorf(ENOTFOUND, "代表小组不存在")
			} else if err != nil {
				return err
			}
			old.LeaderID, old.LiaisonID, old.DeputyLeaderIDs = leader.Int64, liaison.Int64, splitIDs(dl)
			if _, err := tx.Exec(`UPDATE deputy_groups SET name = ?, villages = ?, leader_id = ?, liaison_id = ?, notes = ?, updated_at = ? WHERE id = ?`,
				g.Name, g.Villages, nullID(g.LeaderID), nullID(g.LiaisonID), g.Notes, tx.stamp(), g.ID); err != nil {
				return fmt.Errorf("保存代表小组: %w", err)
			}
			action, changes = ActionUpdate, diff(old, g)
		}
		if _, err := tx.Exec(`DELETE FROM group_deputy_leaders WHERE group_id = ?`, g.ID); err != nil {
			return err
		}
		for _, id := range g.DeputyLeaderIDs {
			if _, err := tx.Exec(`INSERT INTO group_deputy_leaders (group_id, deputy_id) VALUES (?, ?)`, g.ID, id); err != nil {
				return err
			}
		}
		return tx.logHistory("group", g.ID, action, g.Name, changes)
	})
}

// DeleteGroup deletes a deputy group; its members stay, without a group.
func (db *DB) DeleteGroup(ctx context.Context, id int64) error {
	return db.update(ctx, func(tx *Tx) error {
		var name string
		if err := tx.QueryRow(`SELECT name FROM deputy_groups WHERE id = ?`, id).Scan(&name); errors.Is(err, sql.ErrNoRows) {
			return Errorf(ENOTFOUND, "代表小组不存在")
		} else if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM deputy_groups WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.logHistory("group", id, ActionDelete, name, "")
	})
}
