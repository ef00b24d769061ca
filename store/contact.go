package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// 代表联系选民 (issue 18 §4, domain.md §2.10): each deputy keeps in touch with a number of households (固定联系户,
// a count, and the voters listed by name as far as the office keeps them), visits them (入户走访, 电话联系 …) and
// hears what they raise; each item can become a suggestion the deputy leads (Suggestion.RaisedFrom). The
// settings ask for so many visits a year (VoterSettings.VisitNorm); a deputy with fewer than are due by a day
// is behind, shown on 概览, in the 履职档案 and in T10.

// VisitModes are the ways a deputy contacts voters.
var VisitModes = []string{"入户走访", "个别走访", "电话联系", "定期交流", "座谈"}

// ContactVoter is a voter (or household) a deputy keeps in touch with.
type ContactVoter struct {
	Name     string
	Village  string
	Contact  string
	Hardship bool // 重点困难户 / 帮带户
}

// String is the voter as the history records them.
func (v ContactVoter) String() string {
	s := textJoinSpace(v.Name, v.Village, v.Contact)
	if v.Hardship {
		s += "(困难户)"
	}
	return s
}

// VoterContact is whom a deputy keeps in touch with: the number of households and the voters listed.
type VoterContact struct {
	DeputyID   int64
	Households int            `label:"固定联系(户)"`
	Voters     []ContactVoter `label:"联系选民"`
}

// Validate checks the count and each voter listed.
func (c *VoterContact) Validate() error {
	var ch checker
	ch.nonNegative("固定联系(户)", c.Households)
	if c.Households > 10000 {
		ch.fail("固定联系(户)", "数值过大(%d)", c.Households)
	}
	for k := range c.Voters {
		v := &c.Voters[k]
		v.Name, v.Village, v.Contact = cleanName(v.Name), cleanName(v.Village), strings.TrimSpace(v.Contact)
		field := func(what string) string { return fmt.Sprintf("第%d位联系选民的%s", k+1, what) }
		ch.required(field("姓名"), v.Name)
		ch.maxLen(field("姓名"), v.Name, maxName)
		ch.maxLen(field("村(居)"), v.Village, maxName)
		ch.maxLen(field("联系方式"), v.Contact, maxLine)
	}
	return ch.result()
}

// HouseholdCount is the households the deputy keeps in touch with: the number given, or the voters listed
// when more are listed.
func (c VoterContact) HouseholdCount() int { return max(c.Households, len(c.Voters)) }

// VoterContactOf returns whom a deputy keeps in touch with.
func (db *DB) VoterContactOf(ctx context.Context, deputyID int64) (VoterContact, error) {
	var c VoterContact
	err := db.view(ctx, func(tx *Tx) error {
		var err error
		c, err = tx.voterContact(deputyID)
		return err
	})
	return c, err
}

func (tx *Tx) voterContact(deputyID int64) (VoterContact, error) {
	c := VoterContact{DeputyID: deputyID}
	if _, err := tx.deputy(deputyID); err != nil {
		return c, err
	}
	if err := tx.QueryRow(`SELECT households FROM contact_counts WHERE deputy_id = ?`, deputyID).Scan(&c.Households); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return c, err
	}
	err := collect(tx, `SELECT name, village, contact, hardship FROM contact_voters WHERE deputy_id = ? ORDER BY seq`, []any{deputyID},
		func(sc scanner) error {
			var v ContactVoter
			err := sc.Scan(&v.Name, &v.Village, &v.Contact, &v.Hardship)
			c.Voters = append(c.Voters, v)
			return err
		})
	return c, err
}

// SaveVoterContact replaces whom a deputy keeps in touch with.
func (db *DB) SaveVoterContact(ctx context.Context, c *VoterContact) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		old, err := tx.voterContact(c.DeputyID)
		if err != nil {
			return err
		}
		d, err := tx.deputy(c.DeputyID)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`INSERT INTO contact_counts (deputy_id, households) VALUES (?, ?)
			ON CONFLICT (deputy_id) DO UPDATE SET households = excluded.households`, c.DeputyID, c.Households); err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM contact_voters WHERE deputy_id = ?`, c.DeputyID); err != nil {
			return err
		}
		for k, v := range c.Voters {
			if _, err := tx.Exec(`INSERT INTO contact_voters (deputy_id, seq, name, village, contact, hardship) VALUES (?, ?, ?, ?, ?, ?)`,
				c.DeputyID, k+1, v.Name, v.Village, v.Contact, v.Hardship); err != nil {
				return err
			}
		}
		if ch := diff(old, c); ch != "" {
			return tx.logHistory("voter_contact", c.DeputyID, ActionUpdate, d.Name, ch)
		}
		return nil
	})
}

// VisitItem is one thing voters raised on a visit; it may become a suggestion the deputy leads.
type VisitItem struct {
	ID           int64
	Content      string
	SuggestionID int64 // kept by the store
	// Read only: the suggestion's number and state.
	SuggestionNumber, SuggestionState string
}

// String is the item as the history records it.
func (i VisitItem) String() string { return i.Content }

// VoterVisit is a deputy's contact with voters on a day (联系选民).
type VoterVisit struct {
	ID       int64
	DeputyID int64       `label:"代表"`
	Date     Date        `label:"日期"`
	Mode     string      `label:"方式"`
	Voters   int         `label:"联系选民(人次)"`
	Place    string      `label:"地点"`
	Notes    string      `label:"情况"`
	Items    []VisitItem `label:"反映意见"`

	DeputyName string // read only
	CreatedAt  string
	UpdatedAt  string
}

// Validate checks the visit and its items.
func (v *VoterVisit) Validate() error {
	var c checker
	v.Place, v.Notes = cleanName(v.Place), strings.TrimSpace(dropControls(v.Notes))
	if v.DeputyID == 0 {
		c.fail("代表", "不能为空")
	}
	c.requiredDate("日期", v.Date)
	c.required("方式", v.Mode)
	c.oneOf("方式", v.Mode, VisitModes)
	c.nonNegative("联系选民(人次)", v.Voters)
	if v.Voters > 10000 {
		c.fail("联系选民(人次)", "数值过大(%d)", v.Voters)
	}
	c.maxLen("地点", v.Place, maxLine)
	c.maxLen("情况", v.Notes, maxText)
	for k := range v.Items {
		it := &v.Items[k]
		it.Content = strings.TrimSpace(dropControls(it.Content))
		field := fmt.Sprintf("第%d条意见的内容", k+1)
		c.required(field, it.Content)
		c.maxLen(field, it.Content, maxText)
	}
	return c.result()
}

// VisitFilter selects visits.
type VisitFilter struct {
	DeputyID int64
	From, To Date
	Limit    int
}

// VoterVisits returns visits, newest first, with their items.
func (db *DB) VoterVisits(ctx context.Context, f VisitFilter) (out []VoterVisit, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, err = tx.voterVisits(f)
		return err
	})
	return out, err
}

func (tx *Tx) voterVisits(f VisitFilter) (out []VoterVisit, err error) {
	w := &where{}
	if f.DeputyID != 0 {
		w.add("v.deputy_id = ?", f.DeputyID)
	}
	if f.From != "" {
		w.add("v.date >= ?", f.From)
	}
	if f.To != "" {
		w.add("v.date <= ?", f.To)
	}
	at := map[int64]int{}
	err = collect(tx, `SELECT v.id, v.deputy_id, v.date, v.mode, v.voters, v.place, v.notes, d.name, v.created_at, v.updated_at
		FROM voter_visits v JOIN deputies d ON d.id = v.deputy_id WHERE `+w.sql()+` ORDER BY v.date DESC, v.id DESC`+page(0, f.Limit),
		w.args, func(sc scanner) error {
			var v VoterVisit
			err := sc.Scan(&v.ID, &v.DeputyID, &v.Date, &v.Mode, &v.Voters, &v.Place, &v.Notes, &v.DeputyName, &v.CreatedAt, &v.UpdatedAt)
			at[v.ID] = len(out)
			out = append(out, v)
			return err
		})
	if err != nil || len(out) == 0 {
		return out, err
	}
	ids := make([]int64, len(out))
	for k, v := range out {
		ids[k] = v.ID
	}
	for start := 0; start < len(ids); start += 500 {
		err = collect(tx, `SELECT i.visit_id, i.id, i.content, coalesce(i.suggestion_id, 0), coalesce(s.number, ''), coalesce(s.state, '')
			FROM visit_items i LEFT JOIN suggestions s ON s.id = i.suggestion_id
			WHERE i.visit_id IN (`+idList(ids[start:min(start+500, len(ids))])+`) ORDER BY i.visit_id, i.seq`, nil, func(sc scanner) error {
			var vid int64
			var it VisitItem
			err := sc.Scan(&vid, &it.ID, &it.Content, &it.SuggestionID, &it.SuggestionNumber, &it.SuggestionState)
			out[at[vid]].Items = append(out[at[vid]].Items, it)
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// SaveVoterVisit creates (ID 0) or updates a visit with its items; an item that became a suggestion keeps
// its link and cannot be removed.
func (db *DB) SaveVoterVisit(ctx context.Context, v *VoterVisit) error {
	if err := v.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		d, err := tx.deputy(v.DeputyID)
		if err != nil {
			return fieldErr("代表", "不存在")
		}
		if v.Date > DateOf(tx.now) {
			return fieldErr("日期", "(%s)不能晚于今天", v.Date.Chinese())
		}
		label := d.Name + " " + v.Date.Chinese()
		action, changes := ActionCreate, describe(v)
		if v.ID == 0 {
			res, err := tx.Exec(`INSERT INTO voter_visits (deputy_id, date, mode, voters, place, notes, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, v.DeputyID, v.Date, v.Mode, v.Voters, v.Place, v.Notes, tx.stamp(), tx.stamp())
			if err != nil {
				return fmt.Errorf("保存联系选民记录: %w", err)
			}
			v.ID, _ = res.LastInsertId()
			for k := range v.Items {
				v.Items[k].ID, v.Items[k].SuggestionID = 0, 0
			}
		} else {
			olds, err := tx.voterVisits(VisitFilter{DeputyID: v.DeputyID})
			if err != nil {
				return err
			}
			var old *VoterVisit
			for k := range olds {
				if olds[k].ID == v.ID {
					old = &olds[k]
				}
			}
			if old == nil {
				return Errorf(ENOTFOUND, "联系选民记录不存在")
			}
			if err := keepItemLinks(v, *old); err != nil {
				return err
			}
			if _, err := tx.Exec(`UPDATE voter_visits SET date = ?, mode = ?, voters = ?, place = ?, notes = ?, updated_at = ? WHERE id = ?`,
				v.Date, v.Mode, v.Voters, v.Place, v.Notes, tx.stamp(), v.ID); err != nil {
				return err
			}
			action, changes = ActionUpdate, diff(old, v)
		}
		if err := tx.saveVisitItems(v); err != nil {
			return err
		}
		if changes == "" {
			return nil
		}
		return tx.logHistory("voter_visit", v.ID, action, label, changes)
	})
}

// keepItemLinks copies the stored links onto the items of v of the same id and refuses a linked item's removal.
func keepItemLinks(v *VoterVisit, old VoterVisit) error {
	stored := map[int64]VisitItem{}
	for _, it := range old.Items {
		stored[it.ID] = it
	}
	kept := map[int64]bool{}
	for k := range v.Items {
		it := &v.Items[k]
		if it.ID == 0 {
			it.SuggestionID = 0
			continue
		}
		s, ok := stored[it.ID]
		if !ok {
			return Errorf(ECONFLICT, "第%d条意见已不在这次联系选民记录中，请重新打开", k+1)
		}
		kept[it.ID] = true
		it.SuggestionID, it.SuggestionNumber, it.SuggestionState = s.SuggestionID, s.SuggestionNumber, s.SuggestionState
	}
	for _, s := range old.Items {
		if !kept[s.ID] && s.SuggestionID != 0 {
			return &Error{Code: ECONFLICT, Field: "反映意见", Message: fmt.Sprintf("意见「%s」已登记为建议%s，不能删除", shortText(s.Content), s.SuggestionNumber)}
		}
	}
	return nil
}

func (tx *Tx) saveVisitItems(v *VoterVisit) error {
	var keep []int64
	for _, it := range v.Items {
		if it.ID != 0 {
			keep = append(keep, it.ID)
		}
	}
	q := `DELETE FROM visit_items WHERE visit_id = ?`
	if len(keep) > 0 {
		q += ` AND id NOT IN (` + idList(keep) + `)`
	}
	if _, err := tx.Exec(q, v.ID); err != nil {
		return err
	}
	for k := range v.Items {
		it := &v.Items[k]
		if it.ID == 0 {
			res, err := tx.Exec(`INSERT INTO visit_items (visit_id, seq, content) VALUES (?, ?, ?)`, v.ID, k+1, it.Content)
			if err != nil {
				return err
			}
			it.ID, _ = res.LastInsertId()
			continue
		}
		if _, err := tx.Exec(`UPDATE visit_items SET seq = ?, content = ? WHERE id = ? AND visit_id = ?`, k+1, it.Content, it.ID, v.ID); err != nil {
			return err
		}
	}
	return nil
}

// DeleteVoterVisit deletes a visit with its items; suggestions made from them keep their text.
func (db *DB) DeleteVoterVisit(ctx context.Context, id int64) error {
	return db.update(ctx, func(tx *Tx) error {
		var label string
		if err := tx.QueryRow(`SELECT d.name || ' ' || v.date FROM voter_visits v JOIN deputies d ON d.id = v.deputy_id WHERE v.id = ?`, id).Scan(&label); errors.Is(err, sql.ErrNoRows) {
			return Errorf(ENOTFOUND, "联系选民记录不存在")
		} else if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM voter_visits WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.logHistory("voter_visit", id, ActionDelete, label, "")
	})
}

// ContactStatus is one deputy's contact with voters in a year up to a day.
type ContactStatus struct {
	DeputyID   int64
	Name       string
	GroupName  string
	Households int // HouseholdCount
	Visits     int // visits in the year up to the day
	Voters     int // voters (人次) met on them
	Due        int // visits due by the day (VoterSettings.VisitsDue)
}

// Behind reports whether the deputy made fewer visits than were due.
func (s ContactStatus) Behind() bool { return s.Visits < s.Due }

// ContactStatuses returns, for every deputy on the roll of day (holding a seat of any level that day, counted
// once however many levels: the one set the contact norm is counted over, for 概览, the report text and T10), the year's visits up to day against the
// visits due by then, by group and name; behindOnly keeps those behind.
func (db *DB) ContactStatuses(ctx context.Context, day Date, behindOnly bool) (out []ContactStatus, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, err = tx.contactStatuses(day, behindOnly)
		return err
	})
	return out, err
}

func (tx *Tx) contactStatuses(day Date, behindOnly bool) ([]ContactStatus, error) {
	vs, err := tx.voterSettings()
	if err != nil {
		return nil, err
	}
	due := vs.VisitsDue(day)
	type row struct {
		ContactStatus
		noGroup bool
	}
	var rows []row
	// The year's visits are counted per deputy in one pass over the date index, and the list is ordered here:
	// the correlated counts and SQLite's sort of 5 000 names took 90 ms of 概览's refresh on the stress data.
	err = collect(tx, `SELECT d.id, d.name, coalesce(g.name, ''), g.id IS NULL,
			max(coalesce((SELECT households FROM contact_counts WHERE deputy_id = d.id), 0),
				(SELECT count(*) FROM contact_voters WHERE deputy_id = d.id)),
			coalesce(vv.n, 0), coalesce(vv.voters, 0)
		FROM deputies d LEFT JOIN deputy_groups g ON g.id = d.group_id
		LEFT JOIN (SELECT deputy_id, count(*) AS n, sum(voters) AS voters FROM voter_visits
			WHERE date BETWEEN ?2 AND ?1 GROUP BY deputy_id) vv ON vv.deputy_id = d.id
		WHERE `+deputyHeld("?1", "?1"), []any{day, YearPeriod(day.Year()).From}, func(sc scanner) error {
		r := row{ContactStatus: ContactStatus{Due: due}}
		if err := sc.Scan(&r.DeputyID, &r.Name, &r.GroupName, &r.noGroup, &r.Households, &r.Visits, &r.Voters); err != nil {
			return err
		}
		if !behindOnly || r.Behind() {
			rows = append(rows, r)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(rows, func(a, b row) int { return contactOrder(a.noGroup, b.noGroup, a.ContactStatus, b.ContactStatus) })
	out := make([]ContactStatus, len(rows))
	for i, r := range rows {
		out[i] = r.ContactStatus
	}
	return out, nil
}

// contactOrder orders the deputies by group (those without one last), then name (bytes, as SQLite's BINARY
// collation), then id.
func contactOrder(aNoGroup, bNoGroup bool, a, b ContactStatus) int {
	return cmp.Or(boolCmp(aNoGroup, bNoGroup), strings.Compare(a.GroupName, b.GroupName),
		strings.Compare(a.Name, b.Name), cmp.Compare(a.DeputyID, b.DeputyID))
}

// ContactShort is a deputy on the roll who made fewer visits to voters in the year than were due: a line of
// 概览's 联系选民不足 list.
type ContactShort struct {
	DeputyID  int64
	Name      string
	GroupName string
	Visits    int // visits in the year up to the day
	Due       int // visits due by the day (VoterSettings.VisitsDue)
}

// ContactsBehind returns the deputies ContactStatuses(ctx, day, true) returns, in its order, without the
// households and the voters met, which 概览 does not show: the visits are counted on the (deputy, date) index
// alone, and the households not read (half of 概览's 联系选民 read on the stress data).
func (db *DB) ContactsBehind(ctx context.Context, day Date) (out []ContactShort, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		vs, err := tx.voterSettings()
		if err != nil {
			return err
		}
		due := vs.VisitsDue(day)
		if due <= 0 {
			return nil // nobody is behind a norm of nothing
		}
		held, err := tx.seatHeldOn("?1", day)
		if err != nil {
			return err
		}
		type row struct {
			ContactStatus
			noGroup bool
		}
		var rows []row
		err = collect(tx, `SELECT d.id, d.name, coalesce(g.name, ''), g.id IS NULL,
				(SELECT count(*) FROM voter_visits WHERE deputy_id = d.id AND date BETWEEN ?2 AND ?1)
			FROM deputies d LEFT JOIN deputy_groups g ON g.id = d.group_id
			WHERE EXISTS (SELECT 1 FROM deputy_levels l WHERE l.deputy_id = d.id AND `+held+`)`,
			[]any{day, YearPeriod(day.Year()).From}, func(sc scanner) error {
				r := row{ContactStatus: ContactStatus{Due: due}}
				if err := sc.Scan(&r.DeputyID, &r.Name, &r.GroupName, &r.noGroup, &r.Visits); err != nil {
					return err
				}
				if r.Behind() {
					rows = append(rows, r)
				}
				return nil
			})
		if err != nil {
			return err
		}
		slices.SortFunc(rows, func(a, b row) int { return contactOrder(a.noGroup, b.noGroup, a.ContactStatus, b.ContactStatus) })
		out = make([]ContactShort, len(rows))
		for i, r := range rows {
			out[i] = ContactShort{DeputyID: r.DeputyID, Name: r.Name, GroupName: r.GroupName, Visits: r.Visits, Due: r.Due}
		}
		return nil
	})
	return out, err
}

// boolCmp orders false before true.
func boolCmp(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// recordContact fills the contact with voters of the records (index by deputy id) from from to to: the visits
// and voters met, the households kept in touch with, the yearly norm, and each deputy's standing against the
// norm on day to (statuses, read by the caller: contactStatuses(to, false), in office that day, the year's
// visits up to it against those due by it).
func (tx *Tx) recordContact(recs []DeputyRecord, index map[int64]*DeputyRecord, from, to string, statuses []ContactStatus) error {
	vs, err := tx.voterSettings()
	if err != nil {
		return err
	}
	for i := range recs {
		recs[i].VisitNorm = vs.VisitNorm
	}
	for _, s := range statuses {
		if r := index[s.DeputyID]; r != nil {
			r.Contact = &s
		}
	}
	if err := collect(tx, `SELECT deputy_id, count(*), coalesce(sum(voters), 0) FROM voter_visits WHERE date BETWEEN ? AND ? GROUP BY deputy_id`,
		[]any{from, to}, func(sc scanner) error {
			var id int64
			var n, v int
			err := sc.Scan(&id, &n, &v)
			if r := index[id]; r != nil {
				r.Visits, r.VisitVoters = n, v
			}
			return err
		}); err != nil {
		return err
	}
	return collect(tx, `SELECT d.id, max(coalesce((SELECT households FROM contact_counts WHERE deputy_id = d.id), 0),
		(SELECT count(*) FROM contact_voters WHERE deputy_id = d.id)) FROM deputies d`, nil, func(sc scanner) error {
		var id int64
		var n int
		err := sc.Scan(&id, &n)
		if r := index[id]; r != nil {
			r.Households = n
		}
		return err
	})
}

// VisitsBehind reports whether the deputy, in office on the record's counted day, made fewer visits in the year
// up to that day than were due by it: for a closed year the yearly norm, for the current year the norm to date
// (VoterSettings.VisitsDue). A deputy not in office that day is neither behind nor counted (ContactCounted).
func (r DeputyRecord) VisitsBehind() bool { return r.Contact != nil && r.Contact.Behind() }

// ContactCounted reports whether the deputy counts for the contact norm: in office on the record's counted day.
func (r DeputyRecord) ContactCounted() bool { return r.Contact != nil }
