package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Special inquiries (专题询问, domain.md §2.19): a topic, the 询问 meeting, the 两清单一要求 it produced — a list of
// problems, a list of suggestions and the specific requirements, each item countable and each able to become a
// rectification item — and the satisfaction poll (满意度测评) on how the government answered.

// The three lists of 两清单一要求.
const (
	InquiryProblems     = "问题清单"
	InquirySuggestions  = "建议清单"
	InquiryRequirements = "具体要求"
)

// InquiryLists lists them in their order.
var InquiryLists = []string{InquiryProblems, InquirySuggestions, InquiryRequirements}

// Inquiry is one special inquiry.
type Inquiry struct {
	ID          int64
	Topic       string `label:"询问主题"`
	Date        Date   `label:"询问会议日期"`
	MeetingID   int64  `label:"询问会议"`
	Plan        string `label:"询问方案"`
	Surveys     int    `label:"问卷调查"`
	Satisfied   int    `label:"满意度测评满意"`
	Basic       int    `label:"满意度测评基本满意"`
	Unsatisfied int    `label:"满意度测评不满意"`
	Notes       string `label:"备注"`

	MeetingTitle   string // read only
	Problems       int    // read only: items of each list
	Suggestions    int
	Requirements   int
	Rectifications int // read only: rectification items made of it
	CreatedAt      string
	UpdatedAt      string
}

// Polled is how many took part in the satisfaction poll.
func (q Inquiry) Polled() int { return q.Satisfied + q.Basic + q.Unsatisfied }

// Validate checks the inquiry's own fields.
func (q *Inquiry) Validate() error {
	var c checker
	q.Topic = cleanName(q.Topic)
	c.required("询问主题", q.Topic)
	c.maxLen("询问主题", q.Topic, maxTitle)
	c.requiredDate("询问会议日期", q.Date)
	c.maxLen("询问方案", q.Plan, maxText)
	for _, n := range []struct {
		f string
		v int
	}{{"问卷调查", q.Surveys}, {"满意度测评满意", q.Satisfied}, {"满意度测评基本满意", q.Basic}, {"满意度测评不满意", q.Unsatisfied}} {
		c.nonNegative(n.f, n.v)
	}
	c.maxLen("备注", q.Notes, maxText)
	return c.result()
}

// InquiryItem is one entry of a list of 两清单一要求.
type InquiryItem struct {
	ID     int64
	List   string // InquiryLists
	Seq    int
	Text   string
	UnitID int64 // the unit it concerns, when one

	UnitName        string // read only
	RectificationID int64  // read only: the rectification item made of it
}

// ValidateInquiryItems checks the lists' entries, each message naming its list and line.
func ValidateInquiryItems(items []InquiryItem) error {
	var c checker
	n := map[string]int{}
	for i := range items {
		it := &items[i]
		it.Text = strings.TrimSpace(it.Text)
		n[it.List]++
		row := fmt.Sprintf("%s第%d条", it.List, n[it.List])
		if it.List == "" {
			row = fmt.Sprintf("清单第%d条", i+1)
		}
		c.required(row+"清单", it.List)
		c.oneOf(row+"清单", it.List, InquiryLists)
		c.required(row, it.Text)
		c.maxLen(row, it.Text, maxText)
	}
	return c.result()
}

const inquiryColumns = `q.id, q.topic, q.date, coalesce(q.meeting_id, 0), q.plan, q.surveys, q.satisfied, q.basic, q.unsatisfied,
	q.notes, q.created_at, q.updated_at, coalesce(m.title, ''),
	(SELECT count(*) FROM inquiry_items i WHERE i.inquiry_id = q.id AND i.list = '问题清单'),
	(SELECT count(*) FROM inquiry_items i WHERE i.inquiry_id = q.id AND i.list = '建议清单'),
	(SELECT count(*) FROM inquiry_items i WHERE i.inquiry_id = q.id AND i.list = '具体要求'),
	(SELECT count(*) FROM rectifications r WHERE r.inquiry_id = q.id)`

const inquiryFrom = `inquiries q LEFT JOIN meetings m ON m.id = q.meeting_id`

func scanInquiry(s scanner) (Inquiry, error) {
	var q Inquiry
	err := s.Scan(&q.ID, &q.Topic, &q.Date, &q.MeetingID, &q.Plan, &q.Surveys, &q.Satisfied, &q.Basic, &q.Unsatisfied,
		&q.Notes, &q.CreatedAt, &q.UpdatedAt, &q.MeetingTitle, &q.Problems, &q.Suggestions, &q.Requirements, &q.Rectifications)
	return q, err
}

// Inquiry returns one inquiry.
func (db *DB) Inquiry(ctx context.Context, id int64) (q Inquiry, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		q, err = tx.inquiry(id)
		return err
	})
	return q, err
}

func (tx *Tx) inquiry(id int64) (Inquiry, error) {
	q, err := scanInquiry(tx.QueryRow(`SELECT `+inquiryColumns+` FROM `+inquiryFrom+` WHERE q.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return q, Errorf(ENOTFOUND, "专题询问不存在(编号%d)", id)
	}
	return q, err
}

// InquiryFilter selects inquiries.
type InquiryFilter struct {
	Query  string
	Year   int
	Offset int
	Limit  int
}

// Inquiries returns a page of inquiries, the latest first, and how many match.
func (db *DB) Inquiries(ctx context.Context, f InquiryFilter) (out []Inquiry, total int, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		w := &where{}
		w.match("q.id", "inquiry_fts", []string{"topic", "plan", "notes"}, f.Query, "")
		if f.Year != 0 {
			y := YearPeriod(f.Year)
			w.add("q.date BETWEEN ? AND ?", y.From, y.To)
		}
		q := listQuery{idCol: "q.id", countFrom: "inquiries q", from: "inquiries q", order: "q.date DESC, q.id DESC"}
		out, total, err = listPage(tx, q, w, f.Offset, f.Limit, func(ids []int64) (map[int64]Inquiry, error) {
			m := map[int64]Inquiry{}
			err := collect(tx, `SELECT `+inquiryColumns+` FROM `+inquiryFrom+` WHERE q.id IN (`+idList(ids)+`)`, nil, func(s scanner) error {
				q, err := scanInquiry(s)
				m[q.ID] = q
				return err
			})
			return m, err
		})
		return err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("查询专题询问: %w", err)
	}
	return out, total, nil
}

// SaveInquiry creates (ID 0) or updates an inquiry's own fields.
func (db *DB) SaveInquiry(ctx context.Context, q *Inquiry) error {
	if err := q.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		if q.MeetingID != 0 {
			m, err := tx.meeting(q.MeetingID)
			if err != nil {
				return fieldErr("询问会议", "引用的记录不存在(编号%d)", q.MeetingID)
			}
			if m.Kind != MeetingInquiry {
				return fieldErr("询问会议", "应为专题询问会议(「%s」是%s)", m.Title, m.Kind)
			}
		}
		args := []any{q.Topic, q.Date, nullID(q.MeetingID), q.Plan, q.Surveys, q.Satisfied, q.Basic, q.Unsatisfied, q.Notes, tx.stamp()}
		if q.ID == 0 {
			res, err := tx.Exec(`INSERT INTO inquiries (topic, date, meeting_id, plan, surveys, satisfied, basic, unsatisfied, notes,
				updated_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, append(args, tx.stamp())...)
			if err != nil {
				return fmt.Errorf("保存专题询问: %w", err)
			}
			q.ID, _ = res.LastInsertId()
			return tx.logHistory("inquiry", q.ID, ActionCreate, q.Topic, describe(q))
		}
		old, err := tx.inquiry(q.ID)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`UPDATE inquiries SET topic = ?, date = ?, meeting_id = ?, plan = ?, surveys = ?, satisfied = ?,
			basic = ?, unsatisfied = ?, notes = ?, updated_at = ? WHERE id = ?`, append(args, q.ID)...); err != nil {
			return fmt.Errorf("保存专题询问: %w", err)
		}
		if ch := diff(old, q); ch != "" {
			return tx.logHistory("inquiry", q.ID, ActionUpdate, q.Topic, ch)
		}
		return nil
	})
}

// DeleteInquiry deletes an inquiry with its lists; one whose items became rectification items is refused.
func (db *DB) DeleteInquiry(ctx context.Context, id int64) error {
	return db.update(ctx, func(tx *Tx) error {
		q, err := tx.inquiry(id)
		if err != nil {
			return err
		}
		if q.Rectifications > 0 {
			return Errorf(ECONFLICT, "专题询问「%s」有%d条整改事项，不能删除(请先删除这些整改事项)", q.Topic, q.Rectifications)
		}
		if _, err := tx.Exec(`DELETE FROM inquiries WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.logHistory("inquiry", id, ActionDelete, q.Topic, describe(q))
	})
}

// InquiryItems returns the entries of an inquiry's three lists, list by list in their order.
func (db *DB) InquiryItems(ctx context.Context, inquiryID int64) (out []InquiryItem, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, err = tx.inquiryItems(inquiryID)
		return err
	})
	return out, err
}

func (tx *Tx) inquiryItems(inquiryID int64) (out []InquiryItem, err error) {
	err = collect(tx, `SELECT i.id, i.list, i.seq, i.text, coalesce(i.unit_id, 0), coalesce(u.name, ''),
		coalesce((SELECT min(r.id) FROM rectifications r WHERE r.inquiry_item_id = i.id), 0)
		FROM inquiry_items i LEFT JOIN units u ON u.id = i.unit_id WHERE i.inquiry_id = ?
		ORDER BY CASE i.list WHEN '问题清单' THEN 1 WHEN '建议清单' THEN 2 ELSE 3 END, i.seq, i.id`, []any{inquiryID},
		func(s scanner) error {
			var it InquiryItem
			err := s.Scan(&it.ID, &it.List, &it.Seq, &it.Text, &it.UnitID, &it.UnitName, &it.RectificationID)
			out = append(out, it)
			return err
		})
	return out, err
}

// SaveInquiryItems makes items the inquiry's lists in one transaction: entries with an ID are updated, new ones
// added, and saved ones not in items removed — unless a rectification item was made of one, which is refused.
// Each list is numbered in the order given.
func (db *DB) SaveInquiryItems(ctx context.Context, inquiryID int64, items []InquiryItem) error {
	if err := ValidateInquiryItems(items); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		q, err := tx.inquiry(inquiryID)
		if err != nil {
			return err
		}
		old, err := tx.inquiryItems(inquiryID)
		if err != nil {
			return err
		}
		known := map[int64]bool{}
		for _, o := range old {
			known[o.ID] = true
		}
		kept := map[int64]bool{}
		seq := map[string]int{}
		for i := range items {
			it := &items[i]
			seq[it.List]++
			it.Seq = seq[it.List]
			if err := tx.exists("units", it.UnitID, fmt.Sprintf("%s第%d条涉及单位", it.List, it.Seq)); err != nil {
				return err
			}
			if it.ID != 0 && known[it.ID] {
				kept[it.ID] = true
				if _, err := tx.Exec(`UPDATE inquiry_items SET list = ?, seq = ?, text = ?, unit_id = ? WHERE id = ?`,
					it.List, it.Seq, it.Text, nullID(it.UnitID), it.ID); err != nil {
					return err
				}
				continue
			}
			res, err := tx.Exec(`INSERT INTO inquiry_items (inquiry_id, list, seq, text, unit_id) VALUES (?, ?, ?, ?, ?)`,
				inquiryID, it.List, it.Seq, it.Text, nullID(it.UnitID))
			if err != nil {
				return err
			}
			it.ID, _ = res.LastInsertId()
		}
		for _, o := range old {
			if kept[o.ID] {
				continue
			}
			if o.RectificationID != 0 {
				return Errorf(ECONFLICT, "%s第%d条「%s」已转为整改事项，不能删除", o.List, o.Seq, rectLabel(o.Text))
			}
			if _, err := tx.Exec(`DELETE FROM inquiry_items WHERE id = ?`, o.ID); err != nil {
				return err
			}
		}
		return tx.logHistory("inquiry", inquiryID, ActionUpdate, q.Topic, fmt.Sprintf("两清单一要求: 问题%d个、建议%d条、具体要求%d条",
			seq[InquiryProblems], seq[InquirySuggestions], seq[InquiryRequirements]))
	})
}

// InquiryDoc is what the printed 两清单一要求 of an inquiry needs.
type InquiryDoc struct {
	Settings Settings
	Inquiry  Inquiry
	Items    []InquiryItem
}

// InquiryDoc reads the inquiry id with its lists.
func (db *DB) InquiryDoc(ctx context.Context, id int64) (doc InquiryDoc, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		if doc.Settings, err = readSettings(tx); err != nil {
			return err
		}
		if doc.Inquiry, err = tx.inquiry(id); err != nil {
			return err
		}
		doc.Items, err = tx.inquiryItems(id)
		if err == nil && len(doc.Items) == 0 {
			return Errorf(ENOTFOUND, "专题询问「%s」还没有登记问题清单、建议清单和具体要求，未生成文件", doc.Inquiry.Topic)
		}
		return err
	})
	return doc, err
}
