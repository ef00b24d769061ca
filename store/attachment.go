package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// Attachments (附件, issue 20): files kept with the records in the database itself, so that the one file is the
// whole office — its backups, a restore and the portable USB folder carry them. Each distinct file is stored
// once, under the SHA-256 of its bytes (attachment_contents); an attachment links it to a record with what the
// lists show (attachments). Lists read only the links: a file's bytes are read to open, save or print it, and
// by the check of the whole file (CheckFile).

// History actions of attachments, logged with the record they belong to.
const (
	ActionAttach = "添加附件"
	ActionDetach = "删除附件"
)

// Attachment is a file attached to a record or a part of one.
type Attachment struct {
	ID       int64
	Owner    Owner
	Part     string // read only: the name of the record or part it is attached to
	SHA256   string // lower-case hex of the content
	FileName string `label:"文件"`
	Type     string // one of AttachmentTypes
	Size     int64
	Pages    int // a PDF's pages when they could be counted; 1 for an image; 0 otherwise
	Width    int // an image's pixels, upright
	Height   int
	Caption  string `label:"说明"`
	Date     Date   `label:"日期"`
	Photo    bool   `label:"照片"` // the record's photo on printed documents
	AddedAt  string
}

// IsImage reports whether the attachment is a picture (JPG or PNG).
func (a Attachment) IsImage() bool { return a.Type == TypeJPG || a.Type == TypePNG }

// Title is what the attachment is called: its caption, or its file name without the extension.
func (a Attachment) Title() string {
	if strings.TrimSpace(a.Caption) != "" {
		return a.Caption
	}
	return strings.TrimSuffix(a.FileName, filepath.Ext(a.FileName))
}

// Listed is the attachment as a printed form lists it: 「盖章答复（2页）」, the pages when they are known.
func (a Attachment) Listed() string {
	if a.Pages > 0 {
		return fmt.Sprintf("%s（%d页）", a.Title(), a.Pages)
	}
	return a.Title()
}

// Facts is the attachment in the words of a history entry: the file, where, its caption, date, type, size and
// hash, one per line.
func (a Attachment) Facts() string {
	kind := TypeName(a.Type)
	switch {
	case a.IsImage():
		kind += fmt.Sprintf("，%d×%d 像素", a.Width, a.Height)
	case a.Pages > 0:
		kind += fmt.Sprintf("，%d页", a.Pages)
	}
	lines := []string{"文件: " + a.FileName}
	if a.Part != "" {
		lines = append(lines, "附于: "+a.Part)
	}
	lines = append(lines, "说明: "+orDash(a.Caption), "日期: "+orDash(a.Date.Chinese()), "类型: "+kind,
		"大小: "+SizeText(a.Size), "SHA-256: "+a.SHA256)
	return strings.Join(lines, "\n")
}

// NewAttachment is a file to attach.
type NewAttachment struct {
	Owner    Owner
	FileName string // the name it had on the clerk's disk (a path is reduced to its base name)
	Data     []byte
	Caption  string // "": the file name without its extension
	Date     Date   // "": the photo's date, else the date of the record or part, else today
}

// Validate checks the file (InspectFile, the size limit) and the caption and date, and returns what InspectFile
// learned of the file.
func (n *NewAttachment) Validate() (FileInfo, error) {
	info, err := InspectFile(n.FileName, n.Data)
	if err != nil {
		return info, err
	}
	if err := info.LimitError(); err != nil {
		return info, err
	}
	var c checker
	n.Caption = strings.TrimSpace(cleanName(n.Caption))
	c.maxLen("说明", n.Caption, maxLine)
	c.date("日期", n.Date)
	if err := c.result(); err != nil {
		return info, err
	}
	return info, nil
}

// AddedAttachment is an attachment AddAttachments made; Reused is set when the same file was already stored
// (attached to another record) and so took no more room.
type AddedAttachment struct {
	Attachment
	Reused bool
}

// prepared is a new attachment checked and hashed, with its thumbnail, ready to be written.
type prepared struct {
	in    NewAttachment
	info  FileInfo
	sum   string
	thumb []byte
}

// AddAttachments attaches files in one transaction: all of them or, when one is refused (a type that cannot be
// attached, a file over the size limit, a record that is not there, the same file already attached to the same
// record), none. A file already stored for another record is not stored again. The first image attached to a
// record that prints a photo (a deputy, a station) becomes its photo. Each is logged in its record's history.
func (db *DB) AddAttachments(ctx context.Context, files []NewAttachment) ([]AddedAttachment, error) {
	if len(files) == 0 {
		return nil, Errorf(EINVALID, "没有要添加的附件")
	}
	// Checking, hashing and making thumbnails take a while for photos: done before the write lock is taken.
	ps := make([]prepared, len(files))
	for i, f := range files {
		info, err := f.Validate()
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(f.Data)
		thumb, err := thumbnail(info, f.Data)
		if err != nil {
			return nil, err
		}
		ps[i] = prepared{in: f, info: info, sum: hex.EncodeToString(sum[:]), thumb: thumb}
	}
	var out []AddedAttachment
	err := db.update(ctx, func(tx *Tx) error {
		for _, p := range ps {
			a, err := tx.addAttachment(p)
			if err != nil {
				return err
			}
			out = append(out, a)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// addAttachment writes one prepared attachment.
func (tx *Tx) addAttachment(p prepared) (AddedAttachment, error) {
	part, err := tx.owner(p.in.Owner)
	if err != nil {
		return AddedAttachment{}, err
	}
	var dupCaption, dupAt string
	err = tx.QueryRow(`SELECT caption, added_at FROM attachments WHERE owner_kind = ? AND owner_id = ? AND sha256 = ?`,
		part.Kind, part.ID, p.sum).Scan(&dupCaption, &dupAt)
	if err == nil {
		return AddedAttachment{}, Errorf(ECONFLICT, "文件「%s」已经附在%s上了(说明「%s」，%s 添加)，不再重复添加",
			p.info.Name, part.Label, dupCaption, dupAt[:min(len(dupAt), 10)])
	} else if !errors.Is(err, sql.ErrNoRows) {
		return AddedAttachment{}, err
	}
	a := AddedAttachment{Attachment: Attachment{Owner: part.Owner, Part: part.Label, SHA256: p.sum, FileName: p.info.Name,
		Type: p.info.Type, Size: p.info.Size, Pages: p.info.Pages, Width: p.info.Width, Height: p.info.Height,
		Caption: p.in.Caption, Date: p.in.Date, AddedAt: tx.stamp()}}
	if a.Caption == "" {
		a.Caption = strings.TrimSuffix(a.FileName, filepath.Ext(a.FileName))
	}
	if a.Date == "" {
		a.Date = p.info.Taken
	}
	if a.Date == "" {
		a.Date = part.Date
	}
	if a.Date == "" {
		a.Date = DateOf(tx.now)
	}
	var n int
	if err := tx.QueryRow(`SELECT count(*) FROM attachment_contents WHERE sha256 = ?`, p.sum).Scan(&n); err != nil {
		return a, err
	}
	a.Reused = n > 0
	if !a.Reused {
		if _, err := tx.Exec(`INSERT INTO attachment_contents (sha256, size, thumb, data) VALUES (?, ?, ?, ?)`,
			p.sum, p.info.Size, p.thumb, p.in.Data); err != nil {
			return a, fmt.Errorf("保存附件「%s」: %w", a.FileName, err)
		}
	}
	res, err := tx.Exec(`INSERT INTO attachments (owner_kind, owner_id, sha256, file_name, type, size, pages, width, height, caption, date, added_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, a.Owner.Kind, a.Owner.ID, a.SHA256, a.FileName, a.Type, a.Size, a.Pages,
		a.Width, a.Height, a.Caption, a.Date, a.AddedAt)
	if err != nil {
		return a, fmt.Errorf("保存附件「%s」: %w", a.FileName, err)
	}
	a.ID, _ = res.LastInsertId()
	if a.Photo, err = tx.ensurePhoto(a.Owner, a.ID); err != nil {
		return a, err
	}
	return a, tx.logAttachment(a.Attachment, ActionAttach, a.Facts())
}

// ensurePhoto makes the first image of a record that prints a photo its photo when it has none, and reports
// whether the attachment id is now the photo.
func (tx *Tx) ensurePhoto(o Owner, id int64) (bool, error) {
	if k, _ := kindOf(o.Kind); !k.photo {
		return false, nil
	}
	if _, err := tx.Exec(`UPDATE attachments SET photo = 1 WHERE id = (SELECT id FROM attachments
		WHERE owner_kind = ?1 AND owner_id = ?2 AND type IN ('jpg', 'png') ORDER BY id LIMIT 1)
		AND NOT EXISTS (SELECT 1 FROM attachments WHERE owner_kind = ?1 AND owner_id = ?2 AND photo = 1)`, o.Kind, o.ID); err != nil {
		return false, err
	}
	var photo bool
	err := tx.QueryRow(`SELECT photo FROM attachments WHERE id = ?`, id).Scan(&photo)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return photo, err
}

// logAttachment writes a history entry of an attachment with the record it belongs to.
func (tx *Tx) logAttachment(a Attachment, action, changes string) error {
	entity, id, label, err := tx.historyOf(a.Owner)
	if err != nil {
		return err
	}
	return tx.logHistory(entity, id, action, label, changes)
}

// attachmentColumns are the columns an Attachment is read from (never the file's bytes).
const attachmentColumns = `id, owner_kind, owner_id, sha256, file_name, type, size, pages, width, height, caption, coalesce(date, ''), photo, added_at`

func scanAttachment(s scanner) (Attachment, error) {
	var a Attachment
	err := s.Scan(&a.ID, &a.Owner.Kind, &a.Owner.ID, &a.SHA256, &a.FileName, &a.Type, &a.Size, &a.Pages, &a.Width, &a.Height,
		&a.Caption, &a.Date, &a.Photo, &a.AddedAt)
	return a, err
}

// attachment reads one attachment with the name of what it is attached to.
func (tx *Tx) attachment(id int64) (Attachment, error) {
	a, err := scanAttachment(tx.QueryRow(`SELECT `+attachmentColumns+` FROM attachments WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, Errorf(ENOTFOUND, "附件不存在(编号%d)，可能已被删除", id)
	}
	if err != nil {
		return a, err
	}
	p, err := tx.owner(a.Owner)
	a.Part = p.Label
	return a, err
}

// AttachmentList is what the 附件 strip of a record shows: the record and its parts, and their attachments.
type AttachmentList struct {
	Parts []OwnerPart  // the record first, then its parts (OwnerParts)
	Items []Attachment // the record's attachments, then each part's, each in the order they were added
}

// Attachments lists the attachments of the record rec and of its parts (an item's replies, a meeting's agenda
// items). It reads the links only, never a file.
func (db *DB) Attachments(ctx context.Context, rec Owner) (l AttachmentList, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		l, err = tx.attachments(rec)
		return err
	})
	return l, err
}

func (tx *Tx) attachments(rec Owner) (l AttachmentList, err error) {
	if l.Parts, err = tx.parts(rec); err != nil {
		return l, err
	}
	for _, p := range l.Parts {
		if err := collect(tx, `SELECT `+attachmentColumns+` FROM attachments WHERE owner_kind = ? AND owner_id = ? ORDER BY id`,
			[]any{p.Kind, p.ID}, func(s scanner) error {
				a, err := scanAttachment(s)
				a.Part = p.Label
				l.Items = append(l.Items, a)
				return err
			}); err != nil {
			return l, err
		}
	}
	return l, nil
}

// AttachmentContent reads an attachment and its file, checked against its SHA-256: a file whose bytes changed
// since it was attached (a damaged disk) is an ECORRUPT error rather than a wrong document.
func (db *DB) AttachmentContent(ctx context.Context, id int64) (a Attachment, data []byte, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		if a, err = tx.attachment(id); err != nil {
			return err
		}
		data, err = tx.content(a)
		return err
	})
	return a, data, err
}

// content reads the bytes of a's file and checks them.
func (tx *Tx) content(a Attachment) ([]byte, error) {
	var data []byte
	if err := tx.QueryRow(`SELECT data FROM attachment_contents WHERE sha256 = ?`, a.SHA256).Scan(&data); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, Errorf(ECORRUPT, "附件「%s」的文件内容不见了(数据库可能已损坏，请运行检查)", a.FileName)
		}
		return nil, err
	}
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != a.SHA256 {
		return nil, Errorf(ECORRUPT, "附件「%s」的文件内容与添加时的校验值(SHA-256)不符，文件已损坏；请从备份中恢复", a.FileName)
	}
	return data, nil
}

// AttachmentThumbs returns the thumbnails kept for the images among shas (by SHA-256), small JPEGs; files
// without one (not an image) are left out.
func (db *DB) AttachmentThumbs(ctx context.Context, shas []string) (out map[string][]byte, err error) {
	out = map[string][]byte{}
	if len(shas) == 0 {
		return out, nil
	}
	err = db.view(ctx, func(tx *Tx) error {
		q := `SELECT sha256, thumb FROM attachment_contents WHERE thumb IS NOT NULL AND sha256 IN (?` + strings.Repeat(", ?", len(shas)-1) + `)`
		return collect(tx, q, anySlice(shas), func(s scanner) error {
			var sha string
			var b []byte
			err := s.Scan(&sha, &b)
			out[sha] = b
			return err
		})
	})
	return out, err
}

// DeleteAttachment removes an attachment; its file goes too when no other record has it. The history of its
// record keeps the fact: the file's name, caption, date, size and SHA-256.
func (db *DB) DeleteAttachment(ctx context.Context, id int64) error {
	return db.update(ctx, func(tx *Tx) error {
		a, err := tx.attachment(id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM attachments WHERE id = ?`, id); err != nil {
			return err
		}
		if a.Photo {
			if _, err := tx.ensurePhoto(a.Owner, 0); err != nil {
				return err
			}
		}
		return tx.logAttachment(a, ActionDetach, a.Facts())
	})
}

// UpdateAttachment changes an attachment's caption and date.
func (db *DB) UpdateAttachment(ctx context.Context, id int64, caption string, date Date) error {
	n := NewAttachment{Caption: caption, Date: date}
	var c checker
	n.Caption = strings.TrimSpace(cleanName(n.Caption))
	c.maxLen("说明", n.Caption, maxLine)
	c.date("日期", n.Date)
	if err := c.result(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		a, err := tx.attachment(id)
		if err != nil {
			return err
		}
		b := a
		b.Caption, b.Date = n.Caption, n.Date
		changes := diff(&a, &b)
		if changes == "" {
			return nil
		}
		if _, err := tx.Exec(`UPDATE attachments SET caption = ?, date = ? WHERE id = ?`, b.Caption, b.Date, id); err != nil {
			return err
		}
		entity, rid, label, err := tx.historyOf(a.Owner)
		if err != nil {
			return err
		}
		return tx.logHistory(entity, rid, ActionUpdate, label, "附件「"+a.FileName+"」\n"+changes)
	})
}

// SetAttachmentPhoto makes an image attachment its record's photo on printed documents (the 履职档案 of a
// deputy), in place of the one before.
func (db *DB) SetAttachmentPhoto(ctx context.Context, id int64) error {
	return db.update(ctx, func(tx *Tx) error {
		a, err := tx.attachment(id)
		if err != nil {
			return err
		}
		k, _ := kindOf(a.Owner.Kind)
		switch {
		case !k.photo:
			return Errorf(EINVALID, "%s没有照片，打印时不用", k.label)
		case !a.IsImage():
			return Errorf(EINVALID, "「%s」不是图片，不能用作照片", a.FileName)
		case a.Photo:
			return nil
		}
		if _, err := tx.Exec(`UPDATE attachments SET photo = 0 WHERE owner_kind = ? AND owner_id = ? AND photo = 1`, a.Owner.Kind, a.Owner.ID); err != nil {
			return err
		}
		if _, err := tx.Exec(`UPDATE attachments SET photo = 1 WHERE id = ?`, id); err != nil {
			return err
		}
		entity, rid, label, err := tx.historyOf(a.Owner)
		if err != nil {
			return err
		}
		return tx.logHistory(entity, rid, ActionUpdate, label, "照片: "+a.FileName)
	})
}

// AttachmentTotals is what the attachments take in the file.
type AttachmentTotals struct {
	Count int   // attachments
	Files int   // distinct files stored
	Bytes int64 // the files' size, each counted once
	Saved int64 // what storing each file once saved: the size of the attachments beyond Bytes
}

// AttachmentTotals counts the attachments and the room their files take, from the links alone.
func (db *DB) AttachmentTotals(ctx context.Context) (t AttachmentTotals, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		var all int64
		if err := tx.QueryRow(`SELECT count(*), coalesce(sum(size), 0) FROM attachments`).Scan(&t.Count, &all); err != nil {
			return err
		}
		if err := tx.QueryRow(`SELECT count(*), coalesce(sum(size), 0) FROM (SELECT sha256, max(size) AS size FROM attachments GROUP BY sha256)`).
			Scan(&t.Files, &t.Bytes); err != nil {
			return err
		}
		t.Saved = all - t.Bytes
		return nil
	})
	return t, err
}

// photoOf reads the photo of the record o ready to print (side: its longest side in pixels), or nil when it
// has none.
func (tx *Tx) photoOf(o Owner, side int) (*PrintImage, error) {
	a, err := scanAttachment(tx.QueryRow(`SELECT `+attachmentColumns+` FROM attachments WHERE owner_kind = ? AND owner_id = ? AND photo = 1`, o.Kind, o.ID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return tx.printable(a, side)
}

// printable reads an image attachment ready to print.
func (tx *Tx) printable(a Attachment, side int) (*PrintImage, error) {
	data, err := tx.content(a)
	if err != nil {
		return nil, err
	}
	info, err := InspectFile(a.FileName, data)
	if err != nil {
		return nil, err
	}
	return printImage(info, data, side)
}
