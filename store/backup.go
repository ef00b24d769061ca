package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Backup writes a consistent copy of the database to out with VACUUM INTO (readers and writers may go on
// meanwhile). The copy is written beside out under a temporary name, checked with integrity_check, made
// readable by the owner only, and only then renamed to out; an existing out is never overwritten.
func (db *DB) Backup(ctx context.Context, out string) error {
	out, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	if out == db.path {
		return Errorf(EINVALID, "备份文件不能是数据库文件本身")
	}
	if _, err := os.Stat(out); err == nil {
		return Errorf(ECONFLICT, "备份文件 %s 已存在，请换一个文件名", out)
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o700); err != nil {
		return fmt.Errorf("创建备份文件夹: %w", err)
	}
	tmp := out + ".part"
	os.Remove(tmp)
	if _, err := db.db.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("备份到 %s: %w", out, err)
	}
	if err := os.Chmod(tmp, 0o600); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("设置备份文件权限: %w", err)
	}
	res, err := CheckFile(ctx, tmp)
	if err != nil || !res.OK {
		os.Remove(tmp)
		if err == nil {
			err = Errorf(ECORRUPT, "备份文件校验失败: %s", strings.Join(res.Problems, "；"))
		}
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("保存备份 %s: %w", out, err)
	}
	return nil
}

// CheckResult is what CheckFile found.
type CheckResult struct {
	OK       bool
	Version  int      // PRAGMA user_version
	Current  int      // the schema version this program writes
	Problems []string // integrity_check and foreign_key_check findings, in Chinese where we can
	Counts   map[string]int
}

// CheckFile checks a database file without changing it (read-only): that it is a SQLite database of this
// program, its schema version, PRAGMA integrity_check and foreign_key_check. A damaged file gives
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
	sqldb, err := sql.Open("sqlite", fileURI(abs)+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		return res, err
	}
	defer func() { sqldb.Close() }()
	if err := sqldb.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&res.Version); err != nil {
		// A WAL file in a folder we cannot write (a write-protected USB stick) cannot even be opened
		// read-only, because SQLite wants its -shm file; read it as an unchanging file instead.
		msg := err.Error()
		if !strings.Contains(msg, "readonly") && !strings.Contains(msg, "unable to open") {
			return res, notADatabase(path, err)
		}
		sqldb.Close()
		if sqldb, err = sql.Open("sqlite", fileURI(abs)+"?mode=ro&immutable=1"); err != nil {
			return res, err
		}
		if err := sqldb.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&res.Version); err != nil {
			return res, notADatabase(path, err)
		}
	}
	rows, err := sqldb.QueryContext(ctx, `PRAGMA integrity_check`)
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
			res.Problems = append(res.Problems, "完整性检查: "+s)
		}
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return res, notADatabase(path, err)
	}
	rows.Close()
	var ours int
	if err := sqldb.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('settings', 'suggestions', 'deputies')`).Scan(&ours); err != nil {
		return res, notADatabase(path, err)
	}
	switch {
	case res.Version == 0 && ours == 0:
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
			res.Problems = append(res.Problems, fmt.Sprintf("外键检查: 表 %s 第 %d 行引用的 %s 不存在", table, rowid.Int64, parent))
		}
		fk.Close()
		for _, t := range []string{"deputies", "stations", "units", "suggestions", "meetings", "attendance", "history"} {
			var n int
			if err := sqldb.QueryRowContext(ctx, `SELECT count(*) FROM `+t).Scan(&n); err != nil {
				return res, notADatabase(path, err)
			}
			res.Counts[t] = n
		}
	}
	res.OK = len(res.Problems) == 0
	return res, nil
}
