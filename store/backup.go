package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
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
	return writeBackup(ctx, db.db, out)
}

// writeBackup copies the database behind conn to out: VACUUM INTO a private temporary file beside out, checked
// with CheckFile, then renamed to out. An existing out is refused (ECONFLICT), a failed copy leaves nothing.
func writeBackup(ctx context.Context, conn *sql.DB, out string) error {
	if _, err := os.Stat(out); err == nil {
		return Errorf(ECONFLICT, "备份文件 %s 已存在，请换一个文件名", out)
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o700); err != nil {
		return fmt.Errorf("创建备份文件夹: %w", err)
	}
	tmp := out + ".part"
	os.Remove(tmp)
	// VACUUM INTO accepts an empty file: creating it first makes the copy private from its first byte.
	if err := createPrivate(tmp); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
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
			err = Errorf(ECORRUPT, "备份文件校验失败: %s", res.Summary())
		}
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("保存备份 %s: %w", out, err)
	}
	return nil
}

// SafetyBackup writes a backup into the backup folder now, named for reason (导入前, 手动 …), and returns its
// path. It is a checked copy made by Backup, readable by the owner only; readers and writers may go on
// meanwhile. Callers about to change many records (an import) stop when it fails.
func (db *DB) SafetyBackup(ctx context.Context, reason string) (string, error) {
	return db.safetyBackup(ctx, reason, db.clearBackupFailure)
}

// safetyBackup is SafetyBackup, with cleared called once the backup is made (a failure on record is over).
func (db *DB) safetyBackup(ctx context.Context, reason string, cleared func(context.Context)) (string, error) {
	dir := BackupDir(db.path)
	reason = cleanReason(reason)
	now := db.Now()
	for n := 1; ; n++ {
		out := filepath.Join(dir, backupName(backupBase(db.path), reason, now, n))
		err := db.Backup(ctx, out)
		if err == nil {
			cleared(ctx)
			return out, nil
		}
		if ErrorCode(err) != ECONFLICT || n >= 99 {
			return "", fmt.Errorf("备份(%s): %w", reason, err)
		}
	}
}

// DailyBackup makes the day's backup unless the folder already holds one from today (by db.Now), then prunes
// the folder (pruneBackups). It returns the day's backup and whether it was made now. Start-up runs it off
// the UI goroutine. A failure is kept (LastBackupFailure) until a backup into the folder succeeds, so that
// the window can say so rather than only the log.
func (db *DB) DailyBackup(ctx context.Context) (path string, made bool, err error) {
	list, err := ListBackups(db.path)
	if err != nil {
		db.noteBackupFailure(ctx, err)
		return "", false, err
	}
	now := db.Now()
	for _, b := range list {
		if b.Reason == BackupDaily && sameDay(b.Time, now) && filepath.Dir(b.Path) == BackupDir(db.path) {
			path = b.Path
			break
		}
	}
	if path == "" {
		if path, err = db.SafetyBackup(ctx, BackupDaily); err != nil {
			if ctx.Err() == nil {
				db.noteBackupFailure(ctx, err)
			}
			return "", false, err
		}
		made = true
		if list, err = ListBackups(db.path); err != nil {
			return path, made, err
		}
	}
	tightenBackups(db.path, list)
	return path, made, pruneFolder(db.path, list, now)
}

// tightenBackups makes the backup folder and every backup of the database readable by the owner only where
// the system has such permissions (see tightenFiles): a backup is the whole database.
func tightenBackups(dbPath string, list []BackupInfo) {
	if st, err := os.Stat(BackupDir(dbPath)); err == nil && st.IsDir() && st.Mode().Perm()&0o077 != 0 && runtime.GOOS != "windows" {
		os.Chmod(BackupDir(dbPath), st.Mode().Perm()&^0o077)
	}
	for _, b := range list {
		tightenFiles(b.Path, b.Path+"-wal", b.Path+"-shm")
	}
}

// BackupFailure is an automatic backup that failed: when, and the message (in Chinese, the system's cause
// said first; see ErrorMessage).
type BackupFailure struct {
	Time    time.Time
	Message string
}

// backupFailureKey is the row of the settings table that keeps the last failure of the daily backup (not a
// field of Settings: it is the program's note, not the office's choice).
const backupFailureKey = "backup_failure"

// LastBackupFailure returns the last failure of the automatic daily backup, if no backup into the backup
// folder has succeeded since. It is kept in the database, so it is still shown at the next start, and in
// memory too, for a failure that could not even be written down (a full disk).
func (db *DB) LastBackupFailure(ctx context.Context) (BackupFailure, bool, error) {
	db.failureMu.Lock()
	f := db.failure
	db.failureMu.Unlock()
	if f != nil {
		return *f, true, nil
	}
	var v string
	err := db.view(ctx, func(tx *Tx) error {
		return tx.QueryRow(`SELECT value FROM settings WHERE key = ?`, backupFailureKey).Scan(&v)
	})
	if errors.Is(err, sql.ErrNoRows) {
		return BackupFailure{}, false, nil
	}
	if err != nil {
		return BackupFailure{}, false, err
	}
	stamp, msg, _ := strings.Cut(v, "\t")
	t, err := time.ParseInLocation("2006-01-02 15:04:05", stamp, time.Local)
	if err != nil {
		return BackupFailure{}, false, nil // not a note of ours
	}
	return BackupFailure{Time: t, Message: msg}, true, nil
}

// noteBackupFailure keeps err as the last failure of the automatic backup (see LastBackupFailure).
func (db *DB) noteBackupFailure(ctx context.Context, err error) {
	f := BackupFailure{Time: db.Now(), Message: ErrorMessage(err)}
	db.failureMu.Lock()
	db.failure = &f
	db.failureMu.Unlock()
	if db.readOnly {
		return
	}
	db.update(ctx, func(tx *Tx) error { // best effort: the note in memory stands for it meanwhile
		_, err := tx.Exec(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
			backupFailureKey, f.Time.Format("2006-01-02 15:04:05")+"\t"+f.Message)
		return err
	})
}

// clearBackupFailure forgets the last failure once a backup into the folder has succeeded.
func (db *DB) clearBackupFailure(ctx context.Context) {
	if db.forgetBackupFailure() {
		return
	}
	var n int
	if err := db.view(ctx, func(tx *Tx) error {
		return tx.QueryRow(`SELECT count(*) FROM settings WHERE key = ?`, backupFailureKey).Scan(&n)
	}); err != nil || n == 0 {
		return
	}
	db.update(ctx, func(tx *Tx) error {
		_, err := tx.Exec(`DELETE FROM settings WHERE key = ?`, backupFailureKey)
		return err
	})
}

// forgetBackupFailure forgets the failure this process knows of, and reports whether the file's note of one
// is out of reach (a read-only file).
func (db *DB) forgetBackupFailure() (readOnly bool) {
	db.failureMu.Lock()
	db.failure = nil
	db.failureMu.Unlock()
	return db.readOnly
}
