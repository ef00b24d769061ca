package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// 征求意见卡 and 政情通报 (issue 18 §6, domain.md §2.23): the office sends the deputies an opinion card every
// quarter (「每个季度向代表发放征求意见卡」) and counts the cards sent and returned; each opinion written on one
// can become a suggestion the deputy leads (source 征求意见卡); and it briefs the deputies on the government's
// work (政情通报, monthly), each bulletin by its issue number. Both are counted in T1 and checked against
// their frequency.

// OpinionCardItem is one opinion written on a card, with the deputy who wrote it.
type OpinionCardItem struct {
	ID           int64
	DeputyID     int64
	Content      string
	SuggestionID int64 // kept by the store
	// Read only.
	DeputyName, SuggestionNumber, SuggestionState string
}

// String is the opinion as the history records it.
func (i OpinionCardItem) String() string { return textJoinSpace(i.DeputyName, i.Content) }

// OpinionCard is one quarter's batch of opinion cards.
type OpinionCard struct {
	ID       int64
	Year     int               `label:"年度"`
	Quarter  int               `label:"季度"`
	SentDate Date              `label:"发放日期"`
	Sent     int               `label:"发放(张)"`
	Returned int               `label:"收回(张)"`
	Notes    string            `label:"备注"`
	Items    []OpinionCardItem `label:"意见"`

	CreatedAt string
	UpdatedAt string
}

// Label is 「2024年第二季度征求意见卡」.
func (c OpinionCard) Label() string {
	return fmt.Sprintf("%d年第%s季度征求意见卡", c.Year, ChineseNumber(c.Quarter))
}

// Validate checks the batch and its opinions.
func (c *OpinionCard) Validate() error {
	var ch checker
	if c.Quarter < 1 || c.Quarter > 4 {
		ch.fail("季度", "应为第一至第四季度")
	}
	ch.requiredDate("发放日期", c.SentDate)
	if c.SentDate != "" && c.SentDate.Valid() {
		if c.Year == 0 {
			c.Year = c.SentDate.Year()
		}
		if c.SentDate.Year() != c.Year {
			ch.fail("发放日期", "(%s)不在%d年", c.SentDate.Chinese(), c.Year)
		}
	}
	ch.nonNegative("发放(张)", c.Sent)
	ch.nonNegative("收回(张)", c.Returned)
	if c.Returned > c.Sent {
		ch.fail("收回(张)", "(%d)不能多于发放的张数(%d)", c.Returned, c.Sent)
	}
	if c.Sent > 100000 {
		ch.fail("发放(张)", "数值过大(%d)", c.Sent)
	}
	ch.maxLen("备注", c.Notes, maxText)
	for k := range c.Items {
		it := &c.Items[k]
		it.Content = strings.TrimSpace(dropControls(it.Content))
		field := fmt.Sprintf("第%d条意见的内容", k+1)
		ch.required(field, it.Content)
		ch.maxLen(field, it.Content, maxText)
	}
	return ch.result()
}

// OpinionCards returns the batches of a year (every year for 0), newest first, with their opinions.
func (db *DB) OpinionCards(ctx context.Context, year int) (out []OpinionCard, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, err = tx.opinionCards(year, 0)
		return err
	})
	return out, err
}

func (tx *Tx) opinionCards(year int, id int64) (out []OpinionCard, err error) {
	w := &where{}
	if year != 0 {
		w.add("c.year = ?", year)
	}
	if id != 0 {
		w.add("c.id = ?", id)
	}
	at := map[int64]int{}
	if err := collect(tx, `SELECT c.id, c.year, c.quarter, c.sent_date, c.sent, c.returned, c.notes, c.created_at, c.updated_at
		FROM opinion_cards c WHERE `+w.sql()+` ORDER BY c.year DESC, c.quarter DESC`, w.args, func(sc scanner) error {
		var c OpinionCard
		err := sc.Scan(&c.ID, &c.Year, &c.Quarter, &c.SentDate, &c.Sent, &c.Returned, &c.Notes, &c.CreatedAt, &c.UpdatedAt)
		at[c.ID] = len(out)
		out = append(out, c)
		return err
	}); err != nil || len(out) == 0 {
		return out, err
	}
	err = collect(tx, `SELECT i.card_id, i.id, coalesce(i.deputy_id, 0), i.content, coalesce(i.suggestion_id, 0), coalesce(d.name, ''),
		coalesce(s.number, ''), coalesce(s.state, '') FROM opinion_card_items i JOIN opinion_cards c ON c.id = i.card_id
		LEFT JOIN deputies d ON d.id = i.deputy_id LEFT JOIN suggestions s ON s.id = i.suggestion_id
		WHERE `+w.sql()+` ORDER BY i.card_id, i.seq`, w.args, func(sc scanner) error {
		var cid int64
		var it OpinionCardItem
		err := sc.Scan(&cid, &it.ID, &it.DeputyID, &it.Content, &it.SuggestionID, &it.DeputyName, &it.SuggestionNumber, &it.SuggestionState)
		if k, ok := at[cid]; ok {
			out[k].Items = append(out[k].Items, it)
		}
		return err
	})
	return out, err
}

// SaveOpinionCard creates (ID 0) or updates a quarter's batch with its opinions; an opinion that became a
// suggestion keeps its link and cannot be removed.
func (db *DB) SaveOpinionCard(ctx context.Context, c *OpinionCard) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		if c.SentDate > DateOf(tx.now) {
			return fieldErr("发放日期", "(%s)不能晚于今天", c.SentDate.Chinese())
		}
		for k, it := range c.Items {
			if err := tx.exists("deputies", it.DeputyID, fmt.Sprintf("第%d条意见的代表", k+1)); err != nil {
				return err
			}
		}
		var other int64
		if err := tx.QueryRow(`SELECT id FROM opinion_cards WHERE year = ? AND quarter = ? AND id != ?`, c.Year, c.Quarter, c.ID).Scan(&other); err == nil {
			return &Error{Code: ECONFLICT, Field: "季度", Message: fmt.Sprintf("%d年第%s季度的征求意见卡已经登记过", c.Year, ChineseNumber(c.Quarter))}
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		action, changes := ActionCreate, describe(c)
		if c.ID == 0 {
			res, err := tx.Exec(`INSERT INTO opinion_cards (year, quarter, sent_date, sent, returned, notes, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, c.Year, c.Quarter, c.SentDate, c.Sent, c.Returned, c.Notes, tx.stamp(), tx.stamp())
			if err != nil {
				return fmt.Errorf("保存征求意见卡: %w", err)
			}
			c.ID, _ = res.LastInsertId()
			for k := range c.Items {
				c.Items[k].ID, c.Items[k].SuggestionID = 0, 0
			}
		} else {
			olds, err := tx.opinionCards(0, c.ID)
			if err != nil {
				return err
			}
			if len(olds) == 0 {
				return Errorf(ENOTFOUND, "征求意见卡记录不存在")
			}
			old := olds[0]
			if err := keepCardLinks(c, old); err != nil {
				return err
			}
			if _, err := tx.Exec(`UPDATE opinion_cards SET year = ?, quarter = ?, sent_date = ?, sent = ?, returned = ?, notes = ?,
				updated_at = ? WHERE id = ?`, c.Year, c.Quarter, c.SentDate, c.Sent, c.Returned, c.Notes, tx.stamp(), c.ID); err != nil {
				return err
			}
			action, changes = ActionUpdate, diff(old, c)
		}
		if err := tx.saveCardItems(c); err != nil {
			return err
		}
		if changes == "" {
			return nil
		}
		return tx.logHistory("opinion_card", c.ID, action, c.Label(), changes)
	})
}

func keepCardLinks(c *OpinionCard, old OpinionCard) error {
	stored := map[int64]OpinionCardItem{}
	for _, it := range old.Items {
		stored[it.ID] = it
	}
	kept := map[int64]bool{}
	for k := range c.Items {
		it := &c.Items[k]
		if it.ID == 0 {
			it.SuggestionID = 0
			continue
		}
		s, ok := stored[it.ID]
		if !ok {
			return Errorf(ECONFLICT, "第%d条意见已不在这批征求意见卡中，请重新打开", k+1)
		}
		kept[it.ID] = true
		it.SuggestionID, it.SuggestionNumber, it.SuggestionState = s.SuggestionID, s.SuggestionNumber, s.SuggestionState
	}
	for _, s := range old.Items {
		if !kept[s.ID] && s.SuggestionID != 0 {
			return &Error{Code: ECONFLICT, Field: "意见", Message: fmt.Sprintf("意见「%s」已登记为建议%s，不能删除", shortText(s.Content), s.SuggestionNumber)}
		}
	}
	return nil
}

func (tx *Tx) saveCardItems(c *OpinionCard) error {
	var keep []int64
	for _, it := range c.Items {
		if it.ID != 0 {
			keep = append(keep, it.ID)
		}
	}
	q := `DELETE FROM opinion_card_items WHERE card_id = ?`
	if len(keep) > 0 {
		q += ` AND id NOT IN (` + idList(keep) + `)`
	}
	if _, err := tx.Exec(q, c.ID); err != nil {
		return err
	}
	for k := range c.Items {
		it := &c.Items[k]
		if it.ID == 0 {
			res, err := tx.Exec(`INSERT INTO opinion_card_items (card_id, seq, deputy_id, content) VALUES (?, ?, ?, ?)`,
				c.ID, k+1, nullID(it.DeputyID), it.Content)
			if err != nil {
				return err
			}
			it.ID, _ = res.LastInsertId()
			continue
		}
		if _, err := tx.Exec(`UPDATE opinion_card_items SET seq = ?, deputy_id = ?, content = ? WHERE id = ? AND card_id = ?`,
			k+1, nullID(it.DeputyID), it.Content, it.ID, c.ID); err != nil {
			return err
		}
	}
	return nil
}

// DeleteOpinionCard deletes a batch with its opinions; suggestions made from them keep their text.
func (db *DB) DeleteOpinionCard(ctx context.Context, id int64) error {
	return db.update(ctx, func(tx *Tx) error {
		cs, err := tx.opinionCards(0, id)
		if err != nil {
			return err
		}
		if len(cs) == 0 {
			return Errorf(ENOTFOUND, "征求意见卡记录不存在")
		}
		if _, err := tx.Exec(`DELETE FROM opinion_cards WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.logHistory("opinion_card", id, ActionDelete, cs[0].Label(), "")
	})
}

// Bulletin is one issue of the 政情通报 sent to the deputies.
type Bulletin struct {
	ID         int64
	Year       int    // of Date
	IssueNo    int    `label:"期号"`
	Date       Date   `label:"日期"`
	Title      string `label:"标题"`
	Recipients int    `label:"发送代表(人)"`
	Notes      string `label:"备注"`

	CreatedAt string
	UpdatedAt string
}

// Label is 「2024年第3期 关于……」.
func (b Bulletin) Label() string { return fmt.Sprintf("%d年第%d期 %s", b.Year, b.IssueNo, b.Title) }

// Validate checks the bulletin.
func (b *Bulletin) Validate() error {
	var c checker
	b.Title = cleanName(dropControls(b.Title))
	c.requiredDate("日期", b.Date)
	if b.IssueNo < 1 || b.IssueNo > 999 {
		c.fail("期号", "应在1到999之间")
	}
	c.required("标题", b.Title)
	c.maxLen("标题", b.Title, maxTitle)
	c.nonNegative("发送代表(人)", b.Recipients)
	if b.Recipients > 100000 {
		c.fail("发送代表(人)", "数值过大(%d)", b.Recipients)
	}
	c.maxLen("备注", b.Notes, maxText)
	if b.Date.Valid() {
		b.Year = b.Date.Year()
	}
	return c.result()
}

// Bulletins returns the bulletins of a year (every year for 0), newest first.
func (db *DB) Bulletins(ctx context.Context, year int) (out []Bulletin, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		w := &where{}
		if year != 0 {
			w.add("year = ?", year)
		}
		return collect(tx, `SELECT id, year, issue_no, date, title, recipients, notes, created_at, updated_at FROM bulletins
			WHERE `+w.sql()+` ORDER BY year DESC, issue_no DESC`, w.args, func(sc scanner) error {
			var b Bulletin
			err := sc.Scan(&b.ID, &b.Year, &b.IssueNo, &b.Date, &b.Title, &b.Recipients, &b.Notes, &b.CreatedAt, &b.UpdatedAt)
			out = append(out, b)
			return err
		})
	})
	return out, err
}

// NextBulletinNo is the issue number a new bulletin of the year gets: one after the highest.
func (db *DB) NextBulletinNo(ctx context.Context, year int) (n int, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		return tx.QueryRow(`SELECT coalesce(max(issue_no), 0) + 1 FROM bulletins WHERE year = ?`, year).Scan(&n)
	})
	return n, err
}

// SaveBulletin creates (ID 0) or updates a bulletin; two bulletins of a year cannot share an issue number.
func (db *DB) SaveBulletin(ctx context.Context, b *Bulletin) error {
	if err := b.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		if b.Date > DateOf(tx.now) {
			return fieldErr("日期", "(%s)不能晚于今天", b.Date.Chinese())
		}
		var other int64
		if err := tx.QueryRow(`SELECT id FROM bulletins WHERE year = ? AND issue_no = ? AND id != ?`, b.Year, b.IssueNo, b.ID).Scan(&other); err == nil {
			return &Error{Code: ECONFLICT, Field: "期号", Message: fmt.Sprintf("%d年已有第%d期政情通报", b.Year, b.IssueNo)}
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		action, changes := ActionCreate, describe(b)
		if b.ID == 0 {
			res, err := tx.Exec(`INSERT INTO bulletins (year, issue_no, date, title, recipients, notes, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, b.Year, b.IssueNo, b.Date, b.Title, b.Recipients, b.Notes, tx.stamp(), tx.stamp())
			if err != nil {
				return fmt.Errorf("保存政情通报: %w", err)
			}
			b.ID, _ = res.LastInsertId()
		} else {
			var old Bulletin
			if err := tx.QueryRow(`SELECT id, year, issue_no, date, title, recipients, notes FROM bulletins WHERE id = ?`, b.ID).Scan(
				&old.ID, &old.Year, &old.IssueNo, &old.Date, &old.Title, &old.Recipients, &old.Notes); errors.Is(err, sql.ErrNoRows) {
				return Errorf(ENOTFOUND, "政情通报不存在")
			} else if err != nil {
				return err
			}
			if _, err := tx.Exec(`UPDATE bulletins SET year = ?, issue_no = ?, date = ?, title = ?, recipients = ?, notes = ?, updated_at = ?
				WHERE id = ?`, b.Year, b.IssueNo, b.Date, b.Title, b.Recipients, b.Notes, tx.stamp(), b.ID); err != nil {
				return err
			}
			action, changes = ActionUpdate, diff(old, b)
		}
		if changes == "" {
			return nil
		}
		return tx.logHistory("bulletin", b.ID, action, b.Label(), changes)
	})
}

// DeleteBulletin deletes a bulletin.
func (db *DB) DeleteBulletin(ctx context.Context, id int64) error {
	return db.update(ctx, func(tx *Tx) error {
		var b Bulletin
		if err := tx.QueryRow(`SELECT year, issue_no, title FROM bulletins WHERE id = ?`, id).Scan(&b.Year, &b.IssueNo, &b.Title); errors.Is(err, sql.ErrNoRows) {
			return Errorf(ENOTFOUND, "政情通报不存在")
		} else if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM bulletins WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.logHistory("bulletin", id, ActionDelete, b.Label(), "")
	})
}
