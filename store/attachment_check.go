package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"
)

// attachmentFindingPrefix begins the lines of CheckResult.Problems about single attachments; Summary sums
// them up in one sentence.
const attachmentFindingPrefix = "附件: "

// maxAttachmentFindings is how many attachments CheckFile names; the rest are counted.
const maxAttachmentFindings = 20

// checkAttachments is CheckFile's part for attachments: every stored file's bytes against the SHA-256 it was
// stored under and its size, and every attachment's record. It counts the attachments (Counts["attachments"],
// ["attachment_files"], ["attachment_bytes"]). A file of a version without attachments has nothing to check.
func checkAttachments(ctx context.Context, sqldb *sql.DB, res *CheckResult) error {
	var n int
	if err := sqldb.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('attachments', 'attachment_contents')`).Scan(&n); err != nil || n != 2 {
		return err
	}
	var bad []string // SHA-256 of the files that do not match
	rows, err := sqldb.QueryContext(ctx, `SELECT sha256, size, data FROM attachment_contents`)
	if err != nil {
		return err
	}
	files, bytes := 0, int64(0)
	for rows.Next() {
		var sum string
		var size int64
		var data sql.RawBytes // read in place: a file is hashed without a copy of it
		if err := rows.Scan(&sum, &size, &data); err != nil {
			rows.Close()
			return err
		}
		got := sha256.Sum256(data)
		if hex.EncodeToString(got[:]) != sum || int64(len(data)) != size {
			bad = append(bad, sum)
		}
		files++
		bytes += int64(len(data))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	res.Counts["attachment_files"], res.Counts["attachment_bytes"] = files, int(bytes)
	if err := sqldb.QueryRowContext(ctx, `SELECT count(*) FROM attachments`).Scan(&n); err != nil {
		return err
	}
	res.Counts["attachments"] = n

	var lines []string
	damaged := 0
	for _, sum := range bad {
		err := collectRows(ctx, sqldb, `SELECT file_name, owner_kind, owner_id FROM attachments WHERE sha256 = ? ORDER BY id`, []any{sum},
			func(s scanner) error {
				var name, kind string
				var id int64
				if err := s.Scan(&name, &kind, &id); err != nil {
					return err
				}
				damaged++
				lines = append(lines, fmt.Sprintf("%s「%s」(%s)的文件内容与校验值(SHA-256)不符，已损坏", attachmentFindingPrefix, name, ownerText(kind, id)))
				return nil
			})
		if err != nil {
			return err
		}
	}
	orphans := 0
	for _, k := range ownerKinds {
		var has int
		if err := sqldb.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?`, k.table).Scan(&has); err != nil {
			return err
		}
		if has == 0 {
			continue
		}
		err := collectRows(ctx, sqldb, `SELECT a.file_name, a.owner_id FROM attachments a WHERE a.owner_kind = ?
			AND NOT EXISTS (SELECT 1 FROM `+k.table+` r WHERE r.id = a.owner_id) ORDER BY a.id`, []any{k.kind}, func(s scanner) error {
			var name string
			var id int64
			if err := s.Scan(&name, &id); err != nil {
				return err
			}
			orphans++
			lines = append(lines, fmt.Sprintf("%s「%s」所属的%s不存在", attachmentFindingPrefix, name, ownerText(k.kind, id)))
			return nil
		})
		if err != nil {
			return err
		}
	}
	if damaged > 0 {
		res.Problems = append(res.Problems, fmt.Sprintf("%d 个附件的文件内容已损坏(与添加时的校验值不符)", damaged))
	}
	if orphans > 0 {
		res.Problems = append(res.Problems, fmt.Sprintf("%d 个附件所属的记录不存在", orphans))
	}
	if len(lines) > maxAttachmentFindings {
		lines = append(lines[:maxAttachmentFindings], fmt.Sprintf("%s……另有 %d 个未列出", attachmentFindingPrefix, len(lines)-maxAttachmentFindings))
	}
	res.Problems = append(res.Problems, lines...)
	return nil
}

// ownerText names a record by its kind and id for check's findings: 「代表(编号12)」.
func ownerText(kind string, id int64) string {
	label := kind
	if k, ok := kindOf(kind); ok {
		label = k.label
	}
	return fmt.Sprintf("%s(编号%d)", label, id)
}

// collectRows is collect for a plain connection.
func collectRows(ctx context.Context, db *sql.DB, q string, args []any, fn func(scanner) error) error {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// isAttachmentFinding reports whether a line of CheckResult.Problems names one attachment.
func isAttachmentFinding(p string) bool { return strings.HasPrefix(p, attachmentFindingPrefix) }
