package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Restoring a backup in place of the database, and finishing a restore a crash interrupted.

// The steps of Restore after which files have changed, for RestoreStep.
const (
	RestoreCopied    = "copied"     // the checked copy 「<db>.恢复中.part」 is written beside the database
	RestoreKeptAside = "kept-aside" // the current file is also kept as 「<name>.恢复前-<time>.db」; it is still in place
	RestoreReplaced  = "replaced"   // the copy has taken the database's place
)

// RestoreStep, when set, is called after each step of a restore that changed files (RestoreCopied …): the
// fault-injection tests kill the process there and check what the next start finds. Nil in the program.
var RestoreStep func(step string)

func restoreStep(step string) {
	if RestoreStep != nil {
		RestoreStep(step)
	}
}

// RestorePart is the checked copy of a backup that a restore writes beside the database at dbPath before it
// takes the database's place: 「rendadesk.db.恢复中.part」. Found at start, it means a restore was interrupted.
func RestorePart(dbPath string) string { return dbPath + ".恢复中.part" }

// Restore puts the backup at backupPath in place of the database at dbPath and returns where the file it
// replaced was kept. The database must be closed, and no other process may have it open: the caller holds
// its Lock (the window's own, or the command line's).
//
// The backup is checked first (CheckFile: integrity, our schema, not newer than this program) and a bad one is
// refused with the reason, before anything changes. It is then copied with VACUUM INTO to a private file beside
// the database, RestorePart (so a backup that still has its -wal is copied whole), and checked again. Only then
// is the current file kept as 「<name>.恢复前-<time>.db」 beside it — never overwritten or deleted — and the copy
// renamed over it in one step, so that a kill or a power cut at any moment leaves a database file in place: the
// old one or the restored one (see keepAside and FinishRestore). A link (a symbolic link to the database) is
// followed: the file it names is restored.
func Restore(ctx context.Context, dbPath, backupPath string) (keptAside string, err error) {
	db, err := RealPath(dbPath)
	if err != nil {
		return "", err
	}
	src, err := filepath.Abs(backupPath)
	if err != nil {
		return "", err
	}
	if db == src {
		return "", Errorf(EINVALID, "要恢复的备份就是数据库文件本身")
	}
	name := filepath.Base(src)
	res, err := CheckFile(ctx, src)
	if err != nil {
		return "", &Error{Code: ErrorCode(err), Message: fmt.Sprintf("备份文件 %s 不能用，没有恢复：%s", name, ErrorMessage(err))}
	}
	if !res.OK {
		return "", Errorf(ECORRUPT, "备份文件 %s 不能用，没有恢复：%s", name, res.Summary())
	}
	if err := os.MkdirAll(filepath.Dir(db), 0o700); err != nil {
		return "", fmt.Errorf("创建数据库文件夹: %w", err)
	}
	tmp := RestorePart(db)
	if tmp == src {
		return FinishRestore(ctx, db)
	}
	os.Remove(tmp)
	if err := copyDatabase(ctx, src, tmp); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("复制备份 %s: %w", name, err)
	}
	if res, err := CheckFile(ctx, tmp); err != nil || !res.OK {
		os.Remove(tmp)
		if err == nil {
			err = Errorf(ECORRUPT, "%s", res.Summary())
		}
		return "", fmt.Errorf("复制的备份校验失败，没有恢复：%w", err)
	}
	syncFile(tmp)
	restoreStep(RestoreCopied)
	kept, err := replaceWith(ctx, db, tmp)
	if err != nil {
		return "", fmt.Errorf("恢复备份 %s: %w", name, err)
	}
	return kept, nil
}

// FinishRestore completes a restore that was interrupted after its checked copy (RestorePart) was written:
// the copy, checked again, takes the database's place as in Restore, the current file (if any) kept aside.
func FinishRestore(ctx context.Context, dbPath string) (keptAside string, err error) {
	db, err := RealPath(dbPath)
	if err != nil {
		return "", err
	}
	tmp := RestorePart(db)
	res, err := CheckFile(ctx, tmp)
	if err == nil && !res.OK {
		err = Errorf(ECORRUPT, "%s", res.Summary())
	}
	if err != nil {
		return "", fmt.Errorf("上次恢复时复制的备份 %s 不能用：%w", filepath.Base(tmp), err)
	}
	return replaceWith(ctx, db, tmp)
}

// replaceWith keeps the database at db aside (keepAside) and renames the checked copy tmp over it: one rename
// that replaces the target (os.Rename: rename(2); on Windows MoveFileEx with MOVEFILE_REPLACE_EXISTING), so
// the database's name is never without a file. The old file's -shm, which describes a log the new file does
// not have, is removed after.
func replaceWith(ctx context.Context, db, tmp string) (string, error) {
	kept, err := keepAside(ctx, db)
	if err != nil {
		os.Remove(tmp)
		return "", err
	}
	restoreStep(RestoreKeptAside)
	if err := os.Rename(tmp, db); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("用备份替换数据库文件失败(数据库没有改动): %w", err)
	}
	syncDir(filepath.Dir(db))
	os.Remove(db + "-shm")
	restoreStep(RestoreReplaced)
	return kept, nil
}

// keepAside keeps the database file at db as 「<name>.恢复前-<time>.db」 beside it, and leaves db in place (for
// the rename over it). It returns the kept name, "" when there is no file.
//
// A -wal beside the file holds committed changes not yet in it, and must never stay beside the restored file
// (SQLite would replay it into a different database). So the log is first written into the file and removed
// (a checkpoint, as SQLite does when the last connection closes) and the file, now whole, is kept by a hard
// link, or by a copy where the disk has no links (a FAT USB stick). When the log cannot be written into the
// file (a damaged file), it travels with the kept copy instead: renamed to 「….恢复前-<time>.db-wal」.
func keepAside(ctx context.Context, db string) (string, error) {
	if _, err := os.Lstat(db); errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	settled := checkpointAway(ctx, db)
	now := time.Now()
	var aside string
	for n := 1; ; n++ {
		aside = filepath.Join(filepath.Dir(db), backupBase(db)+"."+BackupRestore+"-"+now.Format(backupStamp))
		if n > 1 {
			aside += "-" + strconv.Itoa(n)
		}
		aside += ".db"
		if _, err := os.Lstat(aside); errors.Is(err, fs.ErrNotExist) {
			break
		}
	}
	if err := linkOrCopy(db, aside); err != nil {
		os.Remove(aside)
		return "", fmt.Errorf("保留现在的数据库为 %s 失败(没有恢复): %w", filepath.Base(aside), err)
	}
	if !settled {
		if err := os.Rename(db+"-wal", aside+"-wal"); err != nil && !errors.Is(err, fs.ErrNotExist) {
			os.Remove(aside)
			return "", fmt.Errorf("保留现在数据库的日志为 %s 失败(没有恢复): %w", filepath.Base(aside)+"-wal", err)
		}
	}
	syncDir(filepath.Dir(db))
	return aside, nil
}

// checkpointAway writes the -wal of the closed database at db into the file and removes it; true when no log
// with content is left beside it.
func checkpointAway(ctx context.Context, db string) bool {
	if st, err := os.Stat(db + "-wal"); err != nil || st.Size() == 0 {
		os.Remove(db + "-wal")
		return true
	}
	conn, err := sql.Open("sqlite", fileURI(db)+"?_pragma=busy_timeout(10000)")
	if err == nil {
		var busy, log, done int
		err = conn.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &log, &done)
		if err == nil && busy != 0 {
			err = errors.New("checkpoint busy")
		}
		conn.Close()
	}
	if st, serr := os.Stat(db + "-wal"); serr == nil && st.Size() > 0 || err != nil {
		return false
	}
	os.Remove(db + "-wal")
	return true
}

// linkOrCopy makes the new file dst with the content of src: a hard link when the file system has them, else
// a private copy flushed to disk.
func linkOrCopy(src, dst string) error {
	if err := os.Link(src, dst); err == nil {
		return nil
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// syncFile flushes a file to disk before it is renamed into place.
func syncFile(path string) {
	if f, err := os.OpenFile(path, os.O_RDWR, 0); err == nil {
		f.Sync()
		f.Close()
	}
}

// Leftovers is what an interrupted restore, or a database file gone missing, leaves for the next start to
// explain (ui/startup.go): the checked copy a restore did not get to put in place, and the files restores
// kept aside.
type Leftovers struct {
	// Part is RestorePart of the database when it is a good database (CheckFile); "" otherwise.
	Part string
	// Aside are the files restores kept aside (恢复前) that are good databases, newest first.
	Aside []BackupInfo
}

// RestoreLeftovers finds the Leftovers beside the database at dbPath. A leftover copy that is not a good
// database (the restore was killed while copying) is removed: the backup it was copied from is untouched.
func RestoreLeftovers(ctx context.Context, dbPath string) (Leftovers, error) {
	var out Leftovers
	db, err := RealPath(dbPath)
	if err != nil {
		return out, err
	}
	if part := RestorePart(db); fileExists(part) {
		if res, err := CheckFile(ctx, part); err == nil && res.OK {
			out.Part = part
		} else {
			os.Remove(part)
		}
	}
	list, err := ListBackups(db)
	for _, b := range list {
		if b.Reason != BackupRestore || filepath.Dir(b.Path) != filepath.Dir(db) {
			continue
		}
		if res, err := CheckFile(ctx, b.Path); err == nil && res.OK {
			out.Aside = append(out.Aside, b)
		}
	}
	return out, err
}

func fileExists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

// copyDatabase writes a consistent copy of the database file src (with its WAL, if any) to the new file dst,
// private from its first byte, through a read-only connection; src is not changed.
func copyDatabase(ctx context.Context, src, dst string) error {
	if err := createPrivate(dst); err != nil {
		return err
	}
	copyWith := func(query string) error {
		conn, err := sql.Open("sqlite", fileURI(src)+query)
		if err != nil {
			return err
		}
		defer conn.Close()
		_, err = conn.ExecContext(ctx, `VACUUM INTO ?`, dst)
		return err
	}
	err := copyWith("?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil && (strings.Contains(err.Error(), "readonly") || strings.Contains(err.Error(), "unable to open")) {
		// A backup on a write-protected stick, as in CheckFile: read it as an unchanging file.
		os.Remove(dst)
		if err := createPrivate(dst); err != nil {
			return err
		}
		err = copyWith("?mode=ro&immutable=1")
	}
	if err != nil {
		return err
	}
	return os.Chmod(dst, 0o600)
}

// syncDir flushes a folder's entries (the renames) to disk where the system allows it; failing is harmless.
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
}
