package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// CheckFile: whether a file is a sound database of this program, read-only (for backups, restores and
// `rendadesk check`).

// CheckResult is what CheckFile found.
type CheckResult struct {
	OK       bool
	Version  int      // PRAGMA user_version
	Current  int      // the schema version this program writes
	Problems []string // integrity_check and foreign_key_check findings, in Chinese where we can
	Counts   map[string]int
	// Empty is set for a SQLite file with nothing in it yet (version 0, no tables, e.g. 0 bytes): not a
	// database of ours, but Open turns it into a new one, so start-up need not refuse it.
	Empty bool
	// Findings counts what integrity_check and foreign_key_check listed; Problems keeps the first
	// maxCheckLines of them (a damaged file may list thousands), and more is set when the count stopped at
	// the check's limit.
	Findings int
	more     bool
}

// Limits of CheckFile's findings: how many integrity_check may list, how many Problems keeps.
const (
	maxIntegrityFindings = 1000
	maxCheckLines        = 200
)

// Summary says in one short Chinese sentence what is wrong: 「完整性检查发现 37 处问题」 for a damaged file
// (the findings themselves are in Problems), the problem itself otherwise; "" when the file is good.
func (r CheckResult) Summary() string {
	var parts []string
	if r.Findings > 0 {
		more := ""
		if r.more {
			more = "以上"
		}
		parts = append(parts, fmt.Sprintf("完整性检查发现 %d 处%s问题", r.Findings, more))
	}
	for _, p := range r.Problems {
		if !strings.HasPrefix(p, checkFindingPrefix) && !strings.HasPrefix(p, fkFindingPrefix) && !strings.HasPrefix(p, "……") && !isAttachmentFinding(p) {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "；")
}

// The prefixes of the findings in CheckResult.Problems.
const (
	checkFindingPrefix = "完整性检查: "
	fkFindingPrefix    = "外键检查: "
)

// finding adds a finding of the checks, keeping the first maxCheckLines.
func (r *CheckResult) finding(s string) {
	r.Findings++
	switch {
	case r.Findings <= maxCheckLines:
		r.Problems = append(r.Problems, s)
	case r.Findings == maxCheckLines+1:
		r.Problems = append(r.Problems, "……(其余问题未列出)")
	}
}

// CheckFile checks a database file without changing it (read-only): that it is a SQLite database of this
// program, its schema version, PRAGMA integrity_check and foreign_key_check, and every attachment's file
// against its SHA-256 (checkAttachments). A damaged file gives
// OK = false with the findings; a file that cannot be read at all gives an error.
func CheckFile(ctx context.Context, path string) (CheckResult, error) {
	res := CheckResult{Current: SchemaVersion(), Counts: map[string]int{}}
	st, err := os.Stat(path)
	if err != nil {
		return res, Errorf(ENOTFOUND, "找不到数据库文件 %s", path)
	}
	if st.IsDir() {
		return res, Errorf(EINVALID, "%s 是文件夹，不是数据库文件", path)
	}
	abs, _ := filepath.Abs(path)
	sqldb, closer, err := openReadOnly(ctx, abs, false)
	if err != nil {
		return res, err
	}
	defer closer()
	if err := sqldb.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&res.Version); err != nil {
		return res, notADatabase(path, err)
	}
	rows, err := sqldb.QueryContext(ctx, fmt.Sprintf(`PRAGMA integrity_check(%d)`, maxIntegrityFindings))
	if err != nil {
		return res, notADatabase(path, err)
	}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return res, notADatabase(path, err)
		}
		if s != "ok" {
			res.finding(checkFindingPrefix + s)
		}
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return res, notADatabase(path, err)
	}
	rows.Close()
	res.more = res.Findings >= maxIntegrityFindings
	var ours int
	if err := sqldb.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('settings', 'suggestions', 'deputies')`).Scan(&ours); err != nil {
		return res, notADatabase(path, err)
	}
	switch {
	case res.Version == 0 && ours == 0:
		var objects int
		if err := sqldb.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema`).Scan(&objects); err == nil && objects == 0 {
			res.Empty = len(res.Problems) == 0
		}
		res.Problems = append(res.Problems, "不是人大工作台的数据库(没有数据表)")
	case ours != 3:
		res.Problems = append(res.Problems, "不是人大工作台的数据库")
	case res.Version > res.Current:
		res.Problems = append(res.Problems, fmt.Sprintf("数据库版本(%d)比本程序(%d)新，请使用新版程序", res.Version, res.Current))
	}
	if ours == 3 && len(res.Problems) == 0 {
		fk, err := sqldb.QueryContext(ctx, `PRAGMA foreign_key_check`)
		if err != nil {
			return res, notADatabase(path, err)
		}
		for fk.Next() {
			var table, parent string
			var rowid sql.NullInt64
			var idx int
			if err := fk.Scan(&table, &rowid, &parent, &idx); err != nil {
				fk.Close()
				return res, err
			}
			res.finding(fmt.Sprintf(fkFindingPrefix+"表 %s 第 %d 行引用的 %s 不存在", table, rowid.Int64, parent))
		}
		fk.Close()
		for _, t := range []string{"deputies", "stations", "units", "suggestions", "meetings", "attendance", "history"} {
			var n int
			if err := sqldb.QueryRowContext(ctx, `SELECT count(*) FROM `+t).Scan(&n); err != nil {
				return res, notADatabase(path, err)
			}
			res.Counts[t] = n
		}
		if err := checkAttachments(ctx, sqldb, &res); err != nil {
			return res, notADatabase(path, err)
		}
	}
	res.OK = len(res.Problems) == 0
	return res, nil
}
