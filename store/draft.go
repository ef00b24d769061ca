package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
	"unicode/utf8"
)

// Draft is the unsaved content of a form open in the window: what the clerk typed and did not save yet, kept so
// that a crash or a power cut does not lose it (SPEC §2.7). The window writes it a few seconds after the last
// change and deletes it when the form is saved or its changes are discarded; the next start offers what is
// left. There is at most one draft per form kind and record.
type Draft struct {
	Kind      string    // the form: suggestion, meeting.attendance, suggestion.答复 …
	Key       string    // the record's id, or "new" for a record not saved yet
	Label     string    // what the clerk is shown: 建议「2024-012 关于修复村口路灯的建议」的内容
	Fields    string    // the form's values as JSON, as the window reads them back
	UpdatedAt time.Time // when it was last written (set by SaveDraft)
}

// maxDraftFields bounds a draft's values: far more than every field of the largest form at its longest, and
// small enough that a runaway form cannot fill the disk a few seconds at a time.
const maxDraftFields = 4 << 20

// draftStamp is how updated_at is stored: local time, as the clerk's clock showed it.
const draftStamp = "2006-01-02 15:04:05"

// Validate checks that a draft names its form, its record and itself, and that its values are JSON.
func (d *Draft) Validate() error {
	var c checker
	c.required("草稿类型", d.Kind)
	c.maxLen("草稿类型", d.Kind, maxLine) // a form's name, e.g. supervision.campaign.targets: never the clerk's text
	c.required("记录", d.Key)
	c.maxLen("记录", d.Key, maxName)
	c.required("草稿名称", d.Label)
	c.maxLen("草稿名称", d.Label, maxLine*2)
	if err := c.result(); err != nil {
		return err
	}
	if len(d.Fields) > maxDraftFields {
		return fieldErr("草稿内容", "太长(%d 字节，最多 %d 字节)", len(d.Fields), maxDraftFields)
	}
	if !utf8.ValidString(d.Fields) || !json.Valid([]byte(d.Fields)) {
		return fieldErr("草稿内容", "不是有效的 JSON")
	}
	return nil
}

// SaveDraft writes the draft of one form and record, replacing the one before; UpdatedAt is set to now.
func (db *DB) SaveDraft(ctx context.Context, d *Draft) error {
	if err := d.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		if _, err := tx.Exec(`INSERT INTO drafts (kind, record_key, label, fields, updated_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (kind, record_key) DO UPDATE SET label = excluded.label, fields = excluded.fields, updated_at = excluded.updated_at`,
			d.Kind, d.Key, d.Label, d.Fields, tx.stamp()); err != nil {
			return fmt.Errorf("保存草稿: %w", err)
		}
		d.UpdatedAt, _ = time.ParseInLocation(draftStamp, tx.stamp(), time.Local) // as Drafts reads it back
		return nil
	})
}

// DeleteDraft removes the draft of one form and record; there being none is not an error.
func (db *DB) DeleteDraft(ctx context.Context, kind, key string) error {
	return db.update(ctx, func(tx *Tx) error {
		if _, err := tx.Exec(`DELETE FROM drafts WHERE kind = ? AND record_key = ?`, kind, key); err != nil {
			return fmt.Errorf("删除草稿: %w", err)
		}
		return nil
	})
}

// Drafts returns every draft, oldest first.
func (db *DB) Drafts(ctx context.Context) (out []Draft, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		return collect(tx, `SELECT kind, record_key, label, fields, updated_at FROM drafts ORDER BY updated_at, kind, record_key`, nil,
			func(r scanner) error {
				var d Draft
				var at string
				if err := r.Scan(&d.Kind, &d.Key, &d.Label, &d.Fields, &at); err != nil {
					return err
				}
				d.UpdatedAt, _ = time.ParseInLocation(draftStamp, at, time.Local) // written by SaveDraft in this form
				out = append(out, d)
				return nil
			})
	})
	return out, err
}
