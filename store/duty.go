package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// 接待日 and the duty roster (issue 18 §3, domain.md §2.8, §2.20, §3.11). The 主席/副主席 receive the public on
// a rule's days — every Monday, a fixed day a month, or the market days (逢三、六、九) — and each station in
// use has one of its deputies on duty one day a week (每周一名代表轮流驻室). A month's duty days are generated
// from the rules and the stationed deputies, then edited; a past duty day with no reception record at its
// station (for a 接待日 without a station: no petition of the 接待日 channel that day) is flagged.

// The kinds of reception rule.
const (
	RuleWeekly  = "每周"
	RuleMonthly = "每月"
	RuleMarket  = "赶集日"
)

// RuleKinds lists the kinds of reception rule.
var RuleKinds = []string{RuleWeekly, RuleMonthly, RuleMarket}

// The kinds of duty day.
const (
	DutyKindStation   = "值班"  // a stationed deputy at the station
	DutyKindReception = "接待日" // a reception day of a rule
)

// DutyKinds lists the kinds of duty day.
var DutyKinds = []string{DutyKindStation, DutyKindReception}

// ReceptionRule is a rule of reception days (人大主席接待日): when, who receives, and where.
type ReceptionRule struct {
	ID         int64
	Name       string `label:"名称"`
	Kind       string `label:"方式"`
	Weekday    int    `label:"星期"`   // 每周: 1 Monday … 7 Sunday
	MonthDay   int    `label:"每月日期"` // 每月: 1 … 31, the month's last day when shorter
	MarketDays string `label:"赶集日"`  // 赶集日: the last digits, "3,6,9"
	HostID     int64  `label:"接待人"`  // 0: the 主席 and 副主席 in turn
	StationID  int64  `label:"联络站"`
	Place      string `label:"地点"`
	Active     bool   `label:"启用"`
	Notes      string `label:"备注"`

	HostName    string // read only
	StationName string // read only
	CreatedAt   string
	UpdatedAt   string
}

// Validate checks the rule.
func (r *ReceptionRule) Validate() error {
	var c checker
	r.Name, r.Place = cleanName(r.Name), cleanName(r.Place)
	c.required("名称", r.Name)
	c.maxLen("名称", r.Name, 50)
	c.required("方式", r.Kind)
	c.oneOf("方式", r.Kind, RuleKinds)
	switch r.Kind {
	case RuleWeekly:
		if r.Weekday < 1 || r.Weekday > 7 {
			c.fail("星期", "请选择星期几")
		}
		r.MonthDay, r.MarketDays = 0, ""
	case RuleMonthly:
		if r.MonthDay < 1 || r.MonthDay > 31 {
			c.fail("每月日期", "应在1到31日之间")
		}
		r.Weekday, r.MarketDays = 0, ""
	case RuleMarket:
		digits, err := parseMarketDays(r.MarketDays)
		if err != nil {
			c.fail("赶集日", "%s", err.Error())
		}
		r.MarketDays = digits
		r.Weekday, r.MonthDay = 0, 0
	}
	c.maxLen("地点", r.Place, maxLine)
	c.maxLen("备注", r.Notes, maxText)
	return c.result()
}

// parseMarketDays reads the market days as the last digits of the day of the month — 「3,6,9」, 「三六九」,
// 「逢1、4、7」 — and returns them as "1,4,7".
func parseMarketDays(s string) (string, error) {
	seen := map[int]bool{}
	for _, r := range strings.TrimPrefix(strings.TrimSpace(s), "逢") {
		n := -1
		switch {
		case r >= '0' && r <= '9':
			n = int(r - '0')
		case strings.ContainsRune("〇零", r):
			n = 0
		default:
			if i := slices.Index(chineseDigits, string(r)); i >= 0 {
				n = i
			} else if r == '十' {
				n = 0
			}
		}
		switch {
		case n >= 0:
			seen[n] = true
		case strings.ContainsRune(" ,，、;；", r):
		default:
			return "", fmt.Errorf("「%s」看不懂，请写成 3,6,9 (每月逢三、六、九)", s)
		}
	}
	if len(seen) == 0 {
		return "", errors.New("请填写赶集日，如 3,6,9 (每月逢三、六、九)")
	}
	var out []string
	for n := 0; n <= 9; n++ {
		if seen[n] {
			out = append(out, strconv.Itoa(n))
		}
	}
	return strings.Join(out, ","), nil
}

// Describe says the rule's days in the clerk's words: 每周一, 每月10日(遇节假日顺延), 逢三、六、九赶集日.
func (r ReceptionRule) Describe() string {
	switch r.Kind {
	case RuleWeekly:
		return "每" + WeekdayName(r.Weekday) + "(遇节假日不安排)"
	case RuleMonthly:
		return fmt.Sprintf("每月%d日(遇节假日顺延)", r.MonthDay)
	case RuleMarket:
		var ds []string
		for _, p := range strings.Split(r.MarketDays, ",") {
			n, _ := strconv.Atoi(p)
			ds = append(ds, chineseDigits[n])
		}
		return "逢" + strings.Join(ds, "、") + "赶集日"
	}
	return ""
}

// Days returns the rule's days in the month: every such weekday that is a working day; the day of the month
// (the last day of a shorter month) moved to the next working day, or back to the last one when the month
// ends first; the market days as they fall (markets keep their days).
func (r ReceptionRule) Days(m Month, cal Calendar) []Date {
	var out []Date
	switch r.Kind {
	case RuleWeekly:
		for _, d := range m.Days() {
			if isoWeekday(d) == r.Weekday && cal.IsWorkday(d) {
				out = append(out, d)
			}
		}
	case RuleMonthly:
		d := m.First().AddDays(r.MonthDay - 1)
		if MonthOf(d) != m {
			d = m.Last()
		}
		w := cal.NextWorkday(d)
		if MonthOf(w) != m { // the month ends first: the last working day before it
			for w = d; MonthOf(w) == m && !cal.IsWorkday(w); w = w.AddDays(-1) {
			}
			if MonthOf(w) != m {
				return nil
			}
		}
		out = append(out, w)
	case RuleMarket:
		for _, d := range m.Days() {
			if strings.Contains(","+r.MarketDays+",", ","+string(d[len(d)-1])+",") {
				out = append(out, d)
			}
		}
	}
	return out
}

const ruleColumns = `r.id, r.name, r.kind, r.weekday, r.month_day, r.market_days, coalesce(r.host_id, 0), coalesce(r.station_id, 0),
	r.place, r.active, r.notes, coalesce(d.name, ''), coalesce(s.name, ''), r.created_at, r.updated_at`

const ruleFrom = ` FROM reception_rules r LEFT JOIN deputies d ON d.id = r.host_id LEFT JOIN stations s ON s.id = r.station_id`

func scanRule(sc scanner) (ReceptionRule, error) {
	var r ReceptionRule
	err := sc.Scan(&r.ID, &r.Name, &r.Kind, &r.Weekday, &r.MonthDay, &r.MarketDays, &r.HostID, &r.StationID, &r.Place,
		&r.Active, &r.Notes, &r.HostName, &r.StationName, &r.CreatedAt, &r.UpdatedAt)
	return r, err
}

// ReceptionRules returns every reception rule, by name.
func (db *DB) ReceptionRules(ctx context.Context) (out []ReceptionRule, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, err = tx.receptionRules()
		return err
	})
	return out, err
}

func (tx *Tx) receptionRules() (out []ReceptionRule, err error) {
	err = collect(tx, `SELECT `+ruleColumns+ruleFrom+` ORDER BY r.name, r.id`, nil, func(sc scanner) error {
		r, err := scanRule(sc)
		out = append(out, r)
		return err
	})
	return out, err
}

// SaveReceptionRule creates (ID 0) or updates a reception rule.
func (db *DB) SaveReceptionRule(ctx context.Context, r *ReceptionRule) error {
	if err := r.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		if err := tx.exists("deputies", r.HostID, "接待人"); err != nil {
			return err
		}
		if err := tx.exists("stations", r.StationID, "联络站"); err != nil {
			return err
		}
		args := []any{r.Name, r.Kind, r.Weekday, r.MonthDay, r.MarketDays, nullID(r.HostID), nullID(r.StationID), r.Place, r.Active, r.Notes, tx.stamp()}
		action, changes := ActionCreate, describe(r)
		if r.ID == 0 {
			res, err := tx.Exec(`INSERT INTO reception_rules (name, kind, weekday, month_day, market_days, host_id, station_id, place, active,
				notes, updated_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, append(args, tx.stamp())...)
			if err != nil {
				return fmt.Errorf("保存接待日: %w", err)
			}
			r.ID, _ = res.LastInsertId()
		} else {
			old, err := scanRule(tx.QueryRow(`SELECT `+ruleColumns+ruleFrom+` WHERE r.id = ?`, r.ID))
			if errors.Is(err, sql.ErrNoRows) {
				return Errorf(ENOTFOUND, "接待日规则不存在")
			} else if err != nil {
				return err
			}
			if _, err := tx.Exec(`UPDATE reception_rules SET name = ?, kind = ?, weekday = ?, month_day = ?, market_days = ?, host_id = ?,
				station_id = ?, place = ?, active = ?, notes = ?, updated_at = ? WHERE id = ?`, append(args, r.ID)...); err != nil {
				return fmt.Errorf("保存接待日: %w", err)
			}
			action, changes = ActionUpdate, diff(old, r)
		}
		if changes == "" {
			return nil
		}
		return tx.logHistory("reception_rule", r.ID, action, r.Name, changes)
	})
}

// DeleteReceptionRule deletes a rule; the duty days made from it stay, as days.
func (db *DB) DeleteReceptionRule(ctx context.Context, id int64) error {
	return db.update(ctx, func(tx *Tx) error {
		var name string
		if err := tx.QueryRow(`SELECT name FROM reception_rules WHERE id = ?`, id).Scan(&name); errors.Is(err, sql.ErrNoRows) {
			return Errorf(ENOTFOUND, "接待日规则不存在")
		} else if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM reception_rules WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.logHistory("reception_rule", id, ActionDelete, name, "")
	})
}

// DutyDay is a day of the month's schedule: a deputy on duty at a station (值班) or a reception day of a rule
// (接待日).
type DutyDay struct {
	ID        int64
	Date      Date   `label:"日期"`
	Kind      string `label:"类型"`
	StationID int64  `label:"联络站"`
	RuleID    int64  `label:"接待日规则"`
	DeputyID  int64  `label:"值班代表"`
	Place     string `label:"地点"`
	Note      string `label:"备注"`

	StationName, DeputyName, RuleName string // read only
	// Recorded: a reception record at the station that day (for a 接待日 without a station: a petition received
	// that day by the 接待日 channel). Read only.
	Recorded bool
}

// Missed reports whether the day has passed (before today) without a record.
func (d DutyDay) Missed(today Date) bool { return d.Date < today && !d.Recorded }

// Where is where the duty is held: the station, or the rule's place.
func (d DutyDay) Where() string {
	if d.StationName != "" {
		return d.StationName
	}
	return d.Place
}

// Validate checks the day.
func (d *DutyDay) Validate() error {
	var c checker
	d.Place, d.Note = cleanName(d.Place), strings.TrimSpace(d.Note)
	c.requiredDate("日期", d.Date)
	c.required("类型", d.Kind)
	c.oneOf("类型", d.Kind, DutyKinds)
	if d.Kind == DutyKindStation {
		if d.StationID == 0 {
			c.fail("联络站", "不能为空")
		}
		if d.DeputyID == 0 {
			c.fail("值班代表", "不能为空")
		}
	}
	if d.Kind == DutyKindReception && d.StationID == 0 && d.Place == "" {
		c.fail("地点", "请选择联络站或填写地点")
	}
	c.maxLen("地点", d.Place, maxLine)
	c.maxLen("备注", d.Note, maxText)
	return c.result()
}

// dutyRecorded is the SQL of DutyDay.Recorded for the duty day u.
const dutyRecorded = `CASE WHEN u.station_id IS NOT NULL
		THEN EXISTS (SELECT 1 FROM receptions r WHERE r.station_id = u.station_id AND r.date = u.date)
		ELSE EXISTS (SELECT 1 FROM petitions p WHERE p.channel = '接待日' AND p.received = u.date) END`

const dutyColumns = `u.id, u.date, u.kind, coalesce(u.station_id, 0), coalesce(u.rule_id, 0), coalesce(u.deputy_id, 0), u.place,
	u.note, coalesce(s.name, ''), coalesce(d.name, ''), coalesce(r.name, ''), ` + dutyRecorded

const dutyFrom = ` FROM duty_days u LEFT JOIN stations s ON s.id = u.station_id LEFT JOIN deputies d ON d.id = u.deputy_id
	LEFT JOIN reception_rules r ON r.id = u.rule_id`

func scanDuty(sc scanner) (DutyDay, error) {
	var d DutyDay
	err := sc.Scan(&d.ID, &d.Date, &d.Kind, &d.StationID, &d.RuleID, &d.DeputyID, &d.Place, &d.Note, &d.StationName,
		&d.DeputyName, &d.RuleName, &d.Recorded)
	return d, err
}

// DutyFilter selects duty days.
type DutyFilter struct {
	From, To  Date
	StationID int64 // that station's days and the 接待日 without a station (held for the whole town)
	Kind      string
	Missed    bool // past (before Today) without a record
	Today     Date // "" = the real today
}

// DutyDays returns the duty days that match, by date, the 接待日 first on a day, then by station.
func (db *DB) DutyDays(ctx context.Context, f DutyFilter) (out []DutyDay, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, err = tx.dutyDays(f)
		return err
	})
	return out, err
}

func (tx *Tx) dutyDays(f DutyFilter) (out []DutyDay, err error) {
	w := &where{}
	if f.From != "" {
		w.add("u.date >= ?", f.From)
	}
	if f.To != "" {
		w.add("u.date <= ?", f.To)
	}
	if f.StationID != 0 {
		w.add("(u.station_id = ? OR u.station_id IS NULL)", f.StationID)
	}
	if f.Kind != "" {
		w.add("u.kind = ?", f.Kind)
	}
	if f.Missed {
		today := f.Today
		if today == "" {
			today = DateOf(tx.now)
		}
		w.add("u.date < ? AND NOT "+dutyRecorded, today)
	}
	err = collect(tx, `SELECT `+dutyColumns+dutyFrom+` WHERE `+w.sql()+` ORDER BY u.date, u.kind = '值班', coalesce(s.name, u.place), u.id`,
		w.args, func(sc scanner) error {
			d, err := scanDuty(sc)
			out = append(out, d)
			return err
		})
	return out, err
}

// SaveDutyDay creates (ID 0) or updates one day of the schedule.
func (db *DB) SaveDutyDay(ctx context.Context, d *DutyDay) error {
	if err := d.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		for _, r := range []struct {
			table string
			id    int64
			field string
		}{{"stations", d.StationID, "联络站"}, {"deputies", d.DeputyID, "值班代表"}, {"reception_rules", d.RuleID, "接待日规则"}} {
			if err := tx.exists(r.table, r.id, r.field); err != nil {
				return err
			}
		}
		args := []any{d.Date, d.Kind, nullID(d.StationID), nullID(d.RuleID), nullID(d.DeputyID), d.Place, d.Note}
		action, changes := ActionCreate, describe(d)
		if d.ID == 0 {
			res, err := tx.Exec(`INSERT INTO duty_days (date, kind, station_id, rule_id, deputy_id, place, note) VALUES (?, ?, ?, ?, ?, ?, ?)`, args...)
			if err != nil {
				return fmt.Errorf("保存值班安排: %w", err)
			}
			d.ID, _ = res.LastInsertId()
		} else {
			old, err := scanDuty(tx.QueryRow(`SELECT `+dutyColumns+dutyFrom+` WHERE u.id = ?`, d.ID))
			if errors.Is(err, sql.ErrNoRows) {
				return Errorf(ENOTFOUND, "这一天的值班安排已不存在")
			} else if err != nil {
				return err
			}
			if _, err := tx.Exec(`UPDATE duty_days SET date = ?, kind = ?, station_id = ?, rule_id = ?, deputy_id = ?, place = ?, note = ?
				WHERE id = ?`, append(args, d.ID)...); err != nil {
				return fmt.Errorf("保存值班安排: %w", err)
			}
			action, changes = ActionUpdate, diff(old, d)
		}
		if changes == "" {
			return nil
		}
		return tx.logHistory("duty", d.ID, action, d.Kind+" "+d.Date.Chinese(), changes)
	})
}

// DeleteDutyDay deletes one day of the schedule.
func (db *DB) DeleteDutyDay(ctx context.Context, id int64) error {
	return db.update(ctx, func(tx *Tx) error {
		d, err := scanDuty(tx.QueryRow(`SELECT `+dutyColumns+dutyFrom+` WHERE u.id = ?`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return Errorf(ENOTFOUND, "这一天的值班安排已不存在")
		} else if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM duty_days WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.logHistory("duty", id, ActionDelete, d.Kind+" "+d.Date.Chinese(), describe(&d))
	})
}

// GenerateDuty makes the schedule of a month: for each station in use with deputies stationed there, one
// duty day a week on weekday (1 Monday … 7 Sunday; a day off moves to the next working day of the same week),
// the stationed deputies in office that day in turn, continuing from the last one on duty before the month;
// and the days of every active reception rule, held by its host or else by the 主席 and 副主席 in turn. A month
// that has a schedule is refused unless replace is set (then its days are made anew). It returns the number of
// days made.
func (db *DB) GenerateDuty(ctx context.Context, m Month, weekday int, replace bool) (int, error) {
	if weekday < 1 || weekday > 7 {
		return 0, fieldErr("值班日", "请选择星期几")
	}
	n := 0
	err := db.update(ctx, func(tx *Tx) error {
		var have int
		if err := tx.QueryRow(`SELECT count(*) FROM duty_days WHERE date BETWEEN ? AND ?`, m.First(), m.Last()).Scan(&have); err != nil {
			return err
		}
		if have > 0 && !replace {
			return Errorf(ECONFLICT, "%s已有%d天的值班和接待日安排；要按规则重新生成，请选择「重新生成」(原有安排会被替换)", m.Chinese(), have)
		}
		if _, err := tx.Exec(`DELETE FROM duty_days WHERE date BETWEEN ? AND ?`, m.First(), m.Last()); err != nil {
			return err
		}
		days, err := tx.planDuty(m, weekday)
		if err != nil {
			return err
		}
		for _, d := range days {
			if _, err := tx.Exec(`INSERT INTO duty_days (date, kind, station_id, rule_id, deputy_id, place, note) VALUES (?, ?, ?, ?, ?, ?, '')`,
				d.Date, d.Kind, nullID(d.StationID), nullID(d.RuleID), nullID(d.DeputyID), d.Place); err != nil {
				return err
			}
		}
		n = len(days)
		return tx.logHistory("duty", 0, ActionCreate, m.Chinese()+"值班安排", fmt.Sprintf("按规则生成%d天(每%s值班)", n, WeekdayName(weekday)))
	})
	return n, err
}

// planDuty computes the days GenerateDuty writes.
func (tx *Tx) planDuty(m Month, weekday int) ([]DutyDay, error) {
	cal, err := tx.calendar()
	if err != nil {
		return nil, err
	}
	var out []DutyDay
	// The stations in use by the month's end, each with its stationed deputies.
	type station struct {
		id       int64
		deputies []int64
	}
	var stations []station
	if err := collect(tx, `SELECT s.id, coalesce((SELECT group_concat(deputy_id, ',') FROM station_deputies WHERE station_id = s.id), '')
		FROM stations s WHERE `+stationCounted("s.")+` ORDER BY s.id`, []any{m.Last()}, func(sc scanner) error {
		var st station
		var ids string
		err := sc.Scan(&st.id, &ids)
		st.deputies = splitIDs(ids)
		if len(st.deputies) > 0 {
			stations = append(stations, st)
		}
		return err
	}); err != nil {
		return nil, err
	}
	// The duty day of each week that has one in the month.
	var dutyDays []Date
	for d := m.First().AddDays(1 - isoWeekday(m.First())); d <= m.Last(); d = d.AddDays(7) {
		day := d.AddDays(weekday - 1)
		for !cal.IsWorkday(day) && day < d.AddDays(7) {
			day = day.AddDays(1)
		}
		if day < d.AddDays(7) && MonthOf(day) == m {
			dutyDays = append(dutyDays, day)
		}
	}
	// Who is in office on each duty day, read once a day for every station (not once a station and day:
	// thousands of stations at the stress scale).
	held := map[Date]map[int64]bool{}
	var all []int64
	for _, st := range stations {
		all = append(all, st.deputies...)
	}
	for _, day := range dutyDays {
		on, err := tx.inOfficeOn(all, day)
		if err != nil {
			return nil, err
		}
		held[day] = on
	}
	for _, st := range stations {
		var last int64
		err := tx.QueryRow(`SELECT coalesce(deputy_id, 0) FROM duty_days WHERE station_id = ? AND kind = ? AND date < ?
			ORDER BY date DESC, id DESC LIMIT 1`, st.id, DutyKindStation, m.First()).Scan(&last)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
		next := 0
		if i := slices.Index(st.deputies, last); i >= 0 {
			next = i + 1
		}
		for _, day := range dutyDays {
			on := held[day]
			// The next deputy in turn who is in office that day.
			for k := 0; k < len(st.deputies); k++ {
				id := st.deputies[(next+k)%len(st.deputies)]
				if on[id] {
					out = append(out, DutyDay{Date: day, Kind: DutyKindStation, StationID: st.id, DeputyID: id})
					next = (next + k + 1) % len(st.deputies)
					break
				}
			}
		}
	}
	rules, err := tx.receptionRules()
	if err != nil {
		return nil, err
	}
	for _, r := range rules {
		if !r.Active {
			continue
		}
		k := 0
		for _, day := range r.Days(m, cal) {
			host := r.HostID
			if host == 0 {
				leaders, err := tx.leadersOn(day)
				if err != nil {
					return nil, err
				}
				if len(leaders) > 0 {
					host = leaders[k%len(leaders)]
					k++
				}
			}
			out = append(out, DutyDay{Date: day, Kind: DutyKindReception, StationID: r.StationID, RuleID: r.ID, DeputyID: host, Place: r.Place})
		}
	}
	slices.SortStableFunc(out, func(a, b DutyDay) int { return strings.Compare(string(a.Date), string(b.Date)) })
	return out, nil
}

// inOfficeOn returns which of ids hold a seat on day.
func (tx *Tx) inOfficeOn(ids []int64, day Date) (map[int64]bool, error) {
	on := map[int64]bool{}
	if len(ids) == 0 {
		return on, nil
	}
	err := collect(tx, `SELECT d.id FROM deputies d WHERE d.id IN (`+idList(ids)+`) AND `+deputyHeld("?1", "?1"), []any{day},
		func(sc scanner) error {
			var id int64
			err := sc.Scan(&id)
			on[id] = true
			return err
		})
	return on, err
}

// leadersOn returns the 主席 and then the 副主席 in office on day, by id.
func (tx *Tx) leadersOn(day Date) ([]int64, error) {
	var out []int64
	err := collect(tx, `SELECT d.id FROM deputies d JOIN deputy_roles ro ON ro.deputy_id = d.id AND ro.role IN ('主席', '副主席')
		WHERE `+deputyHeld("?1", "?1")+` GROUP BY d.id ORDER BY max(ro.role = '主席') DESC, d.id`, []any{day}, func(sc scanner) error {
		var id int64
		err := sc.Scan(&id)
		out = append(out, id)
		return err
	})
	return out, err
}
