package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
)

// The 换届 (domain.md §3.6): the town's new term begins. Every town deputy of the old term either 连任 (a new
// seat in the new term, 连任) or 不再担任 (the old seat ends 届满 the day the new term begins); the newly
// elected 新任 deputies are added with seats from that day. The old term's seats, meetings, items and the
// figures of its days stay as they were: the old seats keep their dates, and a day before the change still
// counts the old term. Items still open are carried into the new term with their numbers and deadlines.

// Term change choices for a deputy of the old term.
const (
	TermContinue = "连任"
	TermLeave    = "不再担任"
)

// TermChoices lists what can happen to a deputy of the old term at a 换届.
var TermChoices = []string{TermContinue, TermLeave}

// TermChoice is what happens to one deputy of the old term.
type TermChoice struct {
	DeputyID int64
	Choice   string // TermContinue or TermLeave
}

// TermChange is a 换届 as the wizard collects it.
type TermChange struct {
	Term        Term         // the new town term (number, start, end); it becomes current
	Choices     []TermChoice // one per town deputy of the old term (TermPreview lists them)
	NewDeputies []Deputy     // 新任: their town seat begins with the term (other levels as given)
	// ClearGroups and ClearStations empty the 代表小组 and 进站 of the deputies who continue (the new term
	// regroups); those who leave keep theirs, as the old term's records show them.
	ClearGroups, ClearStations bool
}

// TermPreview is what a 换届 will do, shown before the clerk confirms.
type TermPreview struct {
	Old        Term     // the town's current term (ID 0: none)
	Deputies   []Deputy // the town deputies on the old term's roll the day before the new term begins
	Continuing []string // names, as the choices say
	Leaving    []string
	New        []string
	Carried    []CarriedItem // the open items carried over
	Missing    []string      // deputies of the old term without a choice
}

// CarriedItem is an open item carried into a new term.
type CarriedItem struct {
	ID       int64
	Number   string
	Title    string
	State    string
	Deadline Date
}

// Lines is the preview as the wizard shows it, one line each.
func (p TermPreview) Lines(c TermChange) []string {
	old := "(无)"
	if p.Old.ID != 0 {
		old = p.Old.Name()
	}
	out := []string{
		fmt.Sprintf("新的一届：%s，%s起；%s于%s届满", c.Term.Name(), c.Term.Start.Chinese(), old, c.Term.Start.AddDays(-1).Chinese()),
		fmt.Sprintf("连任%d名：%s", len(p.Continuing), listOrNone(p.Continuing)),
		fmt.Sprintf("不再担任%d名：%s", len(p.Leaving), listOrNone(p.Leaving)),
		fmt.Sprintf("新任%d名：%s", len(p.New), listOrNone(p.New)),
		fmt.Sprintf("上届转入的建议%d件(编号、办理时限不变)", len(p.Carried)),
	}
	if c.ClearGroups {
		out = append(out, "连任代表的代表小组清空(小组不按日期记录：以往报表中的小组人数会随之改变)")
	}
	if c.ClearStations {
		out = append(out, "连任代表的进站安排清空")
	}
	if len(p.Missing) > 0 {
		out = append(out, fmt.Sprintf("尚未选择连任或不再担任的%d名：%s", len(p.Missing), listOrNone(p.Missing)))
	}
	return out
}

func listOrNone(names []string) string {
	if len(names) == 0 {
		return "无"
	}
	return joinWords(names)
}

func joinWords(names []string) string {
	out := ""
	for i, n := range names {
		if i > 0 {
			out += "、"
		}
		out += n
	}
	return out
}

// Validate checks the change as far as it can without the database.
func (c *TermChange) Validate() error {
	c.Term.Level, c.Term.Current = LevelTown, true
	if err := c.Term.Validate(); err != nil {
		return err
	}
	var ch checker
	ch.requiredDate("开始日期", c.Term.Start)
	seen := map[int64]bool{}
	for i, x := range c.Choices {
		ch.oneOf(fmt.Sprintf("第%d名代表的去留", i+1), x.Choice, TermChoices)
		if seen[x.DeputyID] {
			ch.fail("连任/不再担任", "同一名代表选择了两次(编号%d)", x.DeputyID)
		}
		seen[x.DeputyID] = true
	}
	if ch.result() != nil {
		return ch.result()
	}
	for i := range c.NewDeputies {
		d := &c.NewDeputies[i]
		if !slices.Contains(d.Levels, LevelTown) {
			d.Levels = append(d.Levels, LevelTown)
		}
		if err := d.Validate(); err != nil {
			return fmt.Errorf("新任代表第%d名(%s)：%w", i+1, d.Name, err)
		}
	}
	return nil
}

// PreviewTermChange tells what c would do, without changing anything.
func (db *DB) PreviewTermChange(ctx context.Context, c TermChange) (p TermPreview, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		p, err = tx.previewTermChange(c)
		return err
	})
	return p, err
}

func (tx *Tx) previewTermChange(c TermChange) (TermPreview, error) {
	var p TermPreview
	if err := tx.QueryRow(`SELECT id, number, coalesce(start_date, ''), coalesce(end_date, '') FROM terms WHERE level = '镇级' AND is_current`).
		Scan(&p.Old.ID, &p.Old.Number, &p.Old.Start, &p.Old.End); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return p, err
	}
	p.Old.Level = LevelTown
	eve := c.Term.Start.AddDays(-1)
	var err error
	p.Deputies, _, err = tx.deputies(DeputyFilter{OnRoll: eve, Level: LevelTown})
	if err != nil {
		return p, err
	}
	for _, d := range p.Deputies {
		i := slices.IndexFunc(c.Choices, func(x TermChoice) bool { return x.DeputyID == d.ID })
		switch {
		case i < 0:
			p.Missing = append(p.Missing, d.Name)
		case c.Choices[i].Choice == TermContinue:
			p.Continuing = append(p.Continuing, d.Name)
		default:
			p.Leaving = append(p.Leaving, d.Name)
		}
	}
	for _, d := range c.NewDeputies {
		p.New = append(p.New, d.Name)
	}
	err = collect(tx, `SELECT id, number, title, state, coalesce(deadline, '') FROM suggestions WHERE state IN (?, ?, ?) AND received < ?
		ORDER BY received, id`, []any{StatePending, StateHandling, StateReplied, c.Term.Start}, func(s scanner) error {
		var it CarriedItem
		err := s.Scan(&it.ID, &it.Number, &it.Title, &it.State, &it.Deadline)
		p.Carried = append(p.Carried, it)
		return err
	})
	return p, err
}

// ChangeTerm carries out a 换届 in one transaction after a backup (备份/…-换届前.db): the new town term,
// current from its start; the old term's end the day before (when it had none); for each deputy of the old
// term 连任 or 不再担任; the 新任 deputies; groups and stations as chosen; the open items carried over. Every
// deputy of the old term's roll must have a choice.
func (db *DB) ChangeTerm(ctx context.Context, c *TermChange) (TermPreview, error) {
	if err := c.Validate(); err != nil {
		return TermPreview{}, err
	}
	p, err := db.PreviewTermChange(ctx, *c)
	if err != nil {
		return p, err
	}
	if len(p.Missing) > 0 {
		return p, Errorf(EINVALID, "还有%d名代表没有选择连任或不再担任：%s", len(p.Missing), joinWords(p.Missing))
	}
	if p.Old.ID != 0 && p.Old.Start != "" && c.Term.Start <= p.Old.Start {
		return p, fieldErr("开始日期", "(%s)应晚于%s的开始日期(%s)", c.Term.Start.Chinese(), p.Old.Name(), p.Old.Start.Chinese())
	}
	if _, err := db.SafetyBackup(ctx, "换届前"); err != nil {
		return p, err
	}
	err = db.update(ctx, func(tx *Tx) error {
		p, err = tx.previewTermChange(*c) // again inside the transaction: what is written is what was checked
		if err != nil {
			return err
		}
		if len(p.Missing) > 0 {
			return Errorf(EINVALID, "还有%d名代表没有选择连任或不再担任：%s", len(p.Missing), joinWords(p.Missing))
		}
		return tx.changeTerm(c, p)
	})
	return p, err
}

func (tx *Tx) changeTerm(c *TermChange, p TermPreview) error {
	start := c.Term.Start
	if p.Old.ID != 0 && p.Old.End == "" {
		if _, err := tx.Exec(`UPDATE terms SET end_date = ?, updated_at = ? WHERE id = ?`, start.AddDays(-1), tx.stamp(), p.Old.ID); err != nil {
			return err
		}
	}
	var dup int64
	if err := tx.QueryRow(`SELECT count(*) FROM terms WHERE level = '镇级' AND number = ?`, c.Term.Number).Scan(&dup); err != nil {
		return err
	} else if dup > 0 {
		return &Error{Code: ECONFLICT, Field: "届次", Message: c.Term.Name() + "已经存在"}
	}
	if _, err := tx.Exec(`UPDATE terms SET is_current = 0 WHERE level = '镇级'`); err != nil {
		return err
	}
	res, err := tx.Exec(`INSERT INTO terms (level, number, start_date, end_date, is_current, created_at, updated_at) VALUES ('镇级', ?, ?, ?, 1, ?, ?)`,
		c.Term.Number, start, c.Term.End, tx.stamp(), tx.stamp())
	if err != nil {
		return fmt.Errorf("保存届次: %w", err)
	}
	c.Term.ID, _ = res.LastInsertId()
	if err := tx.logHistory("term", c.Term.ID, ActionCreate, c.Term.Name(), describe(&c.Term)); err != nil {
		return err
	}
	for _, d := range p.Deputies {
		i := slices.IndexFunc(c.Choices, func(x TermChoice) bool { return x.DeputyID == d.ID })
		seat := d.Seats[slices.IndexFunc(d.Seats, func(s Seat) bool { return s.Level == LevelTown })]
		// The old seat ends the day the new term begins, whatever the choice: its term is over.
		if _, err := tx.Exec(`UPDATE deputy_levels SET end_date = ?, end_reason = ? WHERE id = ? AND (end_date IS NULL OR end_date > ?)`,
			start, SeatTermEnded, seat.ID, start); err != nil {
			return err
		}
		change := "换届: " + TermLeave
		if c.Choices[i].Choice == TermLeave {
			// Out of office from the new term's first day, unless a seat of another level goes on.
			res, err := tx.Exec(`UPDATE deputies SET status = ?, vacancy_date = ?, vacancy_reason = '', updated_at = ?
				WHERE id = ? AND status = ? AND NOT EXISTS (SELECT 1 FROM deputy_levels l WHERE l.deputy_id = deputies.id
					AND l.level != '镇级' AND (l.end_date IS NULL OR l.end_date > ?))`,
				DeputyTermEnded, start, tx.stamp(), d.ID, DeputyActive, start)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n > 0 {
				change += "\n状态: " + DeputyActive + " → " + DeputyTermEnded + "(" + start.Chinese() + "起)"
			}
		}
		if c.Choices[i].Choice == TermContinue {
			if _, err := tx.Exec(`INSERT INTO deputy_levels (deputy_id, level, term_id, district_id, start_date, is_new) VALUES (?, '镇级', ?, ?, ?, 0)`,
				d.ID, c.Term.ID, nullID(seat.DistrictID), start); err != nil {
				return seatConflict(&Seat{Level: LevelTown, Start: start}, err)
			}
			if _, err := tx.Exec(`UPDATE deputies SET term_id = ?, is_new = 0, updated_at = ? WHERE id = ?`, c.Term.ID, tx.stamp(), d.ID); err != nil {
				return err
			}
			if c.ClearGroups {
				if _, err := tx.Exec(`UPDATE deputies SET group_id = NULL WHERE id = ?`, d.ID); err != nil {
					return err
				}
			}
			if c.ClearStations {
				if _, err := tx.Exec(`DELETE FROM station_deputies WHERE deputy_id = ?`, d.ID); err != nil {
					return err
				}
			}
			change = "换届: " + TermContinue + c.Term.Name()
		}
		if err := tx.logHistory("deputy", d.ID, ActionUpdate, d.Name, change); err != nil {
			return err
		}
	}
	for i := range c.NewDeputies {
		d := &c.NewDeputies[i]
		d.ID, d.TermID, d.New = 0, c.Term.ID, true
		d.Seats = SeatsOf(d.Levels, d.Seats)
		for j := range d.Seats {
			if d.Seats[j].Level == LevelTown && d.Seats[j].Start == "" {
				d.Seats[j].Start = start
			}
		}
		if err := tx.saveDeputy(d); err != nil {
			return fmt.Errorf("新任代表第%d名(%s)：%w", i+1, d.Name, err)
		}
	}
	for _, it := range p.Carried {
		if _, err := tx.Exec(`INSERT INTO carried_items (term_id, suggestion_id) VALUES (?, ?)`, c.Term.ID, it.ID); err != nil {
			return err
		}
	}
	return tx.logHistory("term_change", c.Term.ID, ActionCreate, c.Term.Name()+"换届",
		fmt.Sprintf("连任%d名，不再担任%d名，新任%d名，上届转入建议%d件", len(p.Continuing), len(p.Leaving), len(c.NewDeputies), len(p.Carried)))
}

// CarriedOver returns the ids of the items carried into the town's current term at its 换届 (「上届转入」).
func (db *DB) CarriedOver(ctx context.Context) (map[int64]bool, error) {
	out := map[int64]bool{}
	err := db.view(ctx, func(tx *Tx) error {
		return collect(tx, `SELECT c.suggestion_id FROM carried_items c JOIN terms t ON t.id = c.term_id WHERE t.level = '镇级' AND t.is_current`,
			nil, func(s scanner) error {
				var id int64
				err := s.Scan(&id)
				out[id] = true
				return err
			})
	})
	return out, err
}
