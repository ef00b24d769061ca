package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// The kinds of record an attachment can belong to. An attachment names its record by kind and id (Owner), so
// one table serves every kind; ownerKinds below says, for each kind, where its records are and how they are
// named. A part (a reply of an item, an agenda item of a meeting) is shown, found and logged with its record.
const (
	OwnerDeputy     = "deputy"     // 代表: a photo for the 履职档案 and the 公示表, certificates …
	OwnerStation    = "station"    // 联络站: photos of the 「六个有」
	OwnerSuggestion = "suggestion" // 建议: the deputy's signed text, the scene …
	OwnerReply      = "reply"      // 答复 of an item: the unit's stamped written reply
	OwnerMeeting    = "meeting"    // 会议与活动: photos, the signed 测评 tally …
	OwnerAgenda     = "agenda"     // 议程 item of a meeting: the report it deliberated
	// The owner kinds of issues 17 and 18, whose triggers migration 0012 makes.
	OwnerCampaign      = "campaign"      // 评议活动: the 实施方案, the signed 测评 tally, the 通报
	OwnerRectification = "rectification" // 整改事项: the unit's 整改情况报告 that the 销号 rests on
	OwnerPetition      = "petition"      // 信访件: the letter as scanned, the reply sent
)

// ownerKind says where the records of one kind are, for attachments. Every SQL expression reads the record as
// r (a row of table).
type ownerKind struct {
	kind  string // stored in attachments.owner_kind
	label string // the kind in Chinese, for messages
	table string // the records' table; its key is id
	name  string // SQL naming a record: what the strip, the history and the command line show
	ref   string // the column a record can be found by on the command line besides its id ("" for id only)
	date  string // SQL for the record's date, the default date of what is attached to it ("" for none)
	// A part of a record of the kind parent: found as 「record/n」 (its position in order), shown and logged
	// with that record, and its attachments go to the record when the part is removed but the record stays.
	parent, parentCol, order string
	history                  string // the entity of the record's history entries (history.go)
	photo                    bool   // the record has a photo on printed documents (Attachment.Photo)
}

// ownerKinds are the kinds of record attachments can belong to, records before their parts. Adding a kind is
// one line here and, for a table made after migration 0008, attachmentTriggers as the Go step of a new
// migration (0012 does it for 评议活动, 整改事项 and 信访件): it makes the trigger that removes a record's
// attachments with the record, for every kind whose table exists by then.
var ownerKinds = []ownerKind{
	{kind: OwnerDeputy, label: "代表", table: "deputies", name: "r.name", ref: "name", history: "deputy", photo: true},
	{kind: OwnerStation, label: "联络站", table: "stations", name: "r.name", ref: "name", date: "r.opened", history: "station", photo: true},
	{kind: OwnerSuggestion, label: "建议", table: "suggestions", name: "r.number", ref: "number", date: "r.received", history: "suggestion"},
	{kind: OwnerReply, label: "答复", table: "replies", name: "'第' || r.round || '轮答复(' || r.date || '，' || r.method || ')'", date: "r.date",
		parent: OwnerSuggestion, parentCol: "suggestion_id", order: "r.date, r.id", history: "suggestion"},
	{kind: OwnerMeeting, label: "会议活动", table: "meetings", name: "r.title", ref: "title", date: "r.start_date", history: "meeting"},
	{kind: OwnerAgenda, label: "议程", table: "agenda_items", name: "'议程' || r.seq || '：' || r.title",
		date: "(SELECT start_date FROM meetings WHERE id = r.meeting_id)", parent: OwnerMeeting, parentCol: "meeting_id", order: "r.seq, r.id", history: "meeting"},
	{kind: OwnerCampaign, label: "评议活动", table: "eval_campaigns", name: "r.title", ref: "title", date: "r.eval_date", history: "eval_campaign"},
	{kind: OwnerRectification, label: "整改事项", table: "rectifications", name: "substr(r.text, 1, 30)", date: "r.raised", history: "rectification"},
	{kind: OwnerPetition, label: "信访件", table: "petitions", name: "r.number", ref: "number", date: "r.received", history: "petition"},
}

// kindOf returns the registered kind k.
func kindOf(k string) (ownerKind, bool) {
	for _, o := range ownerKinds {
		if o.kind == k {
			return o, true
		}
	}
	return ownerKind{}, false
}

// Owner is the record (or part of one) an attachment belongs to.
type Owner struct {
	Kind string // one of the Owner* kinds
	ID   int64
}

// OwnerKind describes a kind of record attachments can belong to, for the command line's usage and messages.
type OwnerKind struct {
	Kind   string
	Label  string
	Parent string // the kind this is a part of, "" for a record
	Photo  bool   // its records have a photo on printed documents
}

// OwnerKinds lists the kinds of record attachments can belong to, records before their parts.
func OwnerKinds() []OwnerKind {
	out := make([]OwnerKind, len(ownerKinds))
	for i, o := range ownerKinds {
		out[i] = OwnerKind{Kind: o.kind, Label: o.label, Parent: o.parent, Photo: o.photo}
	}
	return out
}

// OwnerPart is a record or one of its parts, as the 附件 strip offers them to attach to: the item and each of
// its replies, the meeting and each agenda item.
type OwnerPart struct {
	Owner
	Label string // the record's or part's name
	Date  Date   // its date, the default date of a new attachment ("" when it has none)
}

func (k ownerKind) known(kind string) error {
	if k.kind == "" {
		var names []string
		for _, o := range ownerKinds {
			names = append(names, o.kind+"("+o.label+")")
		}
		return Errorf(EINVALID, "附件不能加在「%s」上，可以是: %s", kind, strings.Join(names, "、"))
	}
	return nil
}

// part reads one record or part of the kind k: its name and date.
func (tx *Tx) part(k ownerKind, id int64) (OwnerPart, error) {
	date := "NULL"
	if k.date != "" {
		date = k.date
	}
	p := OwnerPart{Owner: Owner{k.kind, id}}
	var d sql.NullString
	err := tx.QueryRow(`SELECT coalesce(`+k.name+`, ''), `+date+` FROM `+k.table+` r WHERE r.id = ?`, id).Scan(&p.Label, &d)
	if errors.Is(err, sql.ErrNoRows) {
		return p, Errorf(ENOTFOUND, "%s不存在(编号%d)", k.label, id)
	}
	p.Date = Date(d.String)
	return p, err
}

// owner checks that the record o exists and returns it named.
func (tx *Tx) owner(o Owner) (OwnerPart, error) {
	k, _ := kindOf(o.Kind)
	if err := k.known(o.Kind); err != nil {
		return OwnerPart{}, err
	}
	return tx.part(k, o.ID)
}

// record returns the record o belongs to: o itself, or for a part the record it is part of.
func (tx *Tx) record(o Owner) (Owner, error) {
	k, _ := kindOf(o.Kind)
	if err := k.known(o.Kind); err != nil || k.parent == "" {
		return o, err
	}
	var id int64
	err := tx.QueryRow(`SELECT `+k.parentCol+` FROM `+k.table+` WHERE id = ?`, o.ID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return o, Errorf(ENOTFOUND, "%s不存在(编号%d)", k.label, o.ID)
	}
	return Owner{k.parent, id}, err
}

// parts returns the record rec and, after it, its parts of every kind, each kind in its order.
func (tx *Tx) parts(rec Owner) ([]OwnerPart, error) {
	first, err := tx.owner(rec)
	if err != nil {
		return nil, err
	}
	out := []OwnerPart{first}
	for _, k := range ownerKinds {
		if k.parent != rec.Kind {
			continue
		}
		date := "NULL"
		if k.date != "" {
			date = k.date
		}
		if err := collect(tx, `SELECT r.id, coalesce(`+k.name+`, ''), `+date+` FROM `+k.table+` r WHERE r.`+k.parentCol+` = ? ORDER BY `+k.order,
			[]any{rec.ID}, func(s scanner) error {
				p := OwnerPart{Owner: Owner{Kind: k.kind}}
				var d sql.NullString
				err := s.Scan(&p.ID, &p.Label, &d)
				p.Date = Date(d.String)
				out = append(out, p)
				return err
			}); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// AttachmentParts returns the record rec and its parts (an item's replies, a meeting's agenda), the places a
// file can be attached to in its pane.
func (db *DB) AttachmentParts(ctx context.Context, rec Owner) (out []OwnerPart, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, err = tx.parts(rec)
		return err
	})
	return out, err
}

// historyOf is where the history of an attachment of o is kept: the entity and id of its record and the
// record's name.
func (tx *Tx) historyOf(o Owner) (entity string, id int64, label string, err error) {
	rec, err := tx.record(o)
	if err != nil {
		return "", 0, "", err
	}
	p, err := tx.owner(rec)
	if err != nil {
		return "", 0, "", err
	}
	k, _ := kindOf(rec.Kind)
	return k.history, rec.ID, p.Label, nil
}

// FindOwner finds the record (or part) of kind a command line names with --id: a record by its internal id or
// by its number or name (an item's 2024-012, a deputy's or a station's name, a meeting's title); a part as
// its record and its position, 「2024-012/1」 for the item's first reply, 「12/3」 for the third agenda item
// of meeting 12.
func (db *DB) FindOwner(ctx context.Context, kind, ref string) (o Owner, err error) {
	k, _ := kindOf(kind)
	if err := k.known(kind); err != nil {
		return Owner{}, err
	}
	ref = strings.TrimSpace(ref)
	err = db.view(ctx, func(tx *Tx) error {
		o, err = tx.findOwner(k, ref)
		return err
	})
	return o, err
}

func (tx *Tx) findOwner(k ownerKind, ref string) (Owner, error) {
	if k.parent != "" {
		recRef, nth, ok := strings.Cut(ref, "/")
		n, err := strconv.Atoi(strings.TrimSpace(nth))
		if !ok || err != nil || n < 1 {
			pk, _ := kindOf(k.parent)
			return Owner{}, Errorf(EINVALID, "%s要写成「%s的编号/第几项」，例如 %s/1，而不是「%s」", k.label, pk.label, examples[k.parent], ref)
		}
		pk, _ := kindOf(k.parent)
		rec, err := tx.findOwner(pk, strings.TrimSpace(recRef))
		if err != nil {
			return Owner{}, err
		}
		var id int64
		err = tx.QueryRow(`SELECT r.id FROM `+k.table+` r WHERE r.`+k.parentCol+` = ? ORDER BY `+k.order+` LIMIT 1 OFFSET ?`, rec.ID, n-1).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			p, _ := tx.owner(rec)
			return Owner{}, Errorf(ENOTFOUND, "%s「%s」没有第%d项%s", pk.label, p.Label, n, k.label)
		}
		return Owner{k.kind, id}, err
	}
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		// Digits are an internal id, unless there is none: then they may be a name or a number as typed.
		if _, err := tx.part(k, id); err == nil || ErrorCode(err) != ENOTFOUND || k.ref == "" {
			return Owner{k.kind, id}, err
		}
	}
	if k.ref == "" {
		return Owner{}, Errorf(EINVALID, "%s要用编号指定，而不是「%s」", k.label, ref)
	}
	var ids []int64
	if err := collect(tx, `SELECT id FROM `+k.table+` WHERE `+k.ref+` = ? ORDER BY id`, []any{ref}, func(s scanner) error {
		var id int64
		err := s.Scan(&id)
		ids = append(ids, id)
		return err
	}); err != nil {
		return Owner{}, err
	}
	switch len(ids) {
	case 0:
		return Owner{}, Errorf(ENOTFOUND, "没有「%s」这个%s", ref, k.label)
	case 1:
		return Owner{k.kind, ids[0]}, nil
	}
	var s []string
	for _, id := range ids {
		s = append(s, strconv.FormatInt(id, 10))
	}
	return Owner{}, Errorf(EINVALID, "有%d个%s都是「%s」，请用编号指定：%s", len(ids), k.label, ref, strings.Join(s, "、"))
}

// examples are the --id examples of the records parts belong to.
var examples = map[string]string{OwnerSuggestion: "2024-012", OwnerMeeting: "12"}

// attachmentTriggers makes, for every kind of ownerKinds whose table exists, the trigger that removes the
// attachments of a record when the record is deleted, writing a history entry for each, and moves those of a
// part to its record when only the part goes (an agenda item taken off a meeting keeps its report with the
// meeting). It is the Go step of migration 0008 and can be the step of any later migration that adds a
// kind's table: a trigger already there is left as it is.
func attachmentTriggers(ex execQuerier) error {
	for _, k := range ownerKinds {
		var n int
		rows, err := ex.Query(`SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?`, k.table)
		if err != nil {
			return err
		}
		for rows.Next() {
			err = rows.Scan(&n)
		}
		rows.Close()
		if err != nil {
			return err
		}
		if n == 0 {
			continue
		}
		if _, err := ex.Exec(triggerSQL(k)); err != nil {
			return fmt.Errorf("附件: %s 的触发器: %w", k.table, err)
		}
	}
	return nil
}

// triggerSQL is the AFTER DELETE trigger of k's table (see attachmentTriggers).
func triggerSQL(k ownerKind) string {
	q := func(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
	this := `owner_kind = ` + q(k.kind) + ` AND owner_id = OLD.id`
	var b strings.Builder
	fmt.Fprintf(&b, "CREATE TRIGGER IF NOT EXISTS attachments_of_%s AFTER DELETE ON %s BEGIN\n", k.table, k.table)
	historyID := "OLD.id"
	if k.parent != "" {
		pk, _ := kindOf(k.parent)
		historyID = "OLD." + k.parentCol
		fmt.Fprintf(&b, "UPDATE attachments SET owner_kind = %s, owner_id = OLD.%s WHERE %s AND EXISTS (SELECT 1 FROM %s WHERE id = OLD.%s);\n",
			q(k.parent), k.parentCol, this, pk.table, k.parentCol)
	}
	// The record is gone: its name is read from OLD (r in the name expression).
	name := strings.ReplaceAll(k.name, "r.", "OLD.")
	fmt.Fprintf(&b, `INSERT INTO history (at, entity, entity_id, action, label, changes)
SELECT strftime('%%Y-%%m-%%d %%H:%%M:%%S', 'now', 'localtime'), %s, %s, %s, file_name,
  '随' || %s || '「' || coalesce(%s, '') || '」一并删除' || char(10) || '说明: ' || caption || char(10) || '大小: ' || size || ' 字节' || char(10) || 'SHA-256: ' || sha256
FROM attachments WHERE %s;
`, q(k.history), historyID, q(ActionDetach), q(k.label), name, this)
	fmt.Fprintf(&b, "DELETE FROM attachments WHERE %s;\nEND", this)
	return b.String()
}
