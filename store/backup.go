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
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
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
	sqldb, closer, err := openReadOnly(ctx, abs)
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

// ---- The backup folder and automatic backups (SPEC §10) ----

// backupFolder is the folder beside the database that holds its backups.
const backupFolder = "备份"

// The reasons a backup is made, as they appear in its file name.
const (
	BackupDaily   = "每日"  // the first start of a day
	BackupImport  = "导入前" // before an import changes records
	BackupMigrate = "升级前" // before a schema migration
	BackupManual  = "手动"  // 设置 → 备份 → 立即备份
	BackupRestore = "恢复前" // the file a restore set aside, beside the database (not in the folder)
	backupStamp   = "20060102-150405"
)

// Retention of the backup folder (see pruneBackups).
const (
	keepDailyBackups = 10
	keepOtherBackups = 90 * 24 * time.Hour
)

// BackupDir is the folder that holds the backups of the database at dbPath: 「备份」 beside the file
// (/x/rendadesk.db → /x/备份). It goes with the database: a portable data folder on a USB stick keeps its
// backups on the stick.
func BackupDir(dbPath string) string {
	if abs, err := filepath.Abs(dbPath); err == nil {
		dbPath = abs
	}
	return filepath.Join(filepath.Dir(dbPath), backupFolder)
}

// BackupInfo is one backup of a database, as ListBackups finds it.
type BackupInfo struct {
	Path   string
	Time   time.Time // when it was made (local time, from its file name)
	Size   int64     // bytes
	Reason string    // 每日, 导入前, 升级前, 手动, 恢复前 …
	seq    int       // 2 for the second backup made in the same second for the same reason
}

// backupBase is the database's file name without its extension, the start of its backups' names.
func backupBase(dbPath string) string {
	name := filepath.Base(dbPath)
	return strings.TrimSuffix(name, filepath.Ext(name))
}

// backupName is rendadesk-20261123-093000-每日.db: sorted by name is sorted by time, and the clerk can read
// when and why. The n-th backup of the same second and reason gets -n (n ≥ 2).
func backupName(base, reason string, t time.Time, n int) string {
	name := base + "-" + t.Format(backupStamp) + "-" + reason
	if n > 1 {
		name += "-" + strconv.Itoa(n)
	}
	return name + ".db"
}

// cleanReason keeps the letters and digits of a reason (no separators, dots or dashes that would confuse a
// file system or parseBackupName), at most 16 of them.
func cleanReason(reason string) string {
	var b strings.Builder
	n := 0
	for _, r := range reason {
		if (unicode.IsLetter(r) || unicode.IsDigit(r)) && n < 16 {
			b.WriteRune(r)
			n++
		}
	}
	if b.Len() == 0 {
		return BackupManual
	}
	return b.String()
}

// parseBackupName reads the time, reason and counter out of a name made by backupName for base; ok is false
// for any other file (another database's backups may share the folder).
func parseBackupName(base, name string) (t time.Time, reason string, seq int, ok bool) {
	rest, found := strings.CutPrefix(name, base+"-")
	if !found || !strings.HasSuffix(rest, ".db") {
		return t, "", 0, false
	}
	rest = strings.TrimSuffix(rest, ".db")
	if len(rest) < len(backupStamp)+2 || rest[len(backupStamp)] != '-' {
		return t, "", 0, false
	}
	t, err := time.ParseInLocation(backupStamp, rest[:len(backupStamp)], time.Local)
	if err != nil {
		return t, "", 0, false
	}
	reason, seq = splitCounter(rest[len(backupStamp)+1:])
	return t, reason, seq, reason != ""
}

// splitCounter splits 导入前-2 into 导入前 and 2 (the same second's second file); without a counter it is 1.
func splitCounter(s string) (string, int) {
	if i := strings.LastIndexByte(s, '-'); i >= 0 {
		if n, err := strconv.Atoi(s[i+1:]); err == nil && n > 1 {
			return s[:i], n
		}
	}
	return s, 1
}

// parseBesideName reads the files kept beside the database rather than in the folder: the pre-migration copies
// of earlier versions (rendadesk.v2-升级前备份-20261123-093000.db) and the files a restore set aside
// (rendadesk.恢复前-20261123-093000.db). They are listed, so they can be restored, but never pruned.
func parseBesideName(base, name string) (t time.Time, reason string, seq int, ok bool) {
	rest, found := strings.CutPrefix(name, base+".")
	if !found || !strings.HasSuffix(rest, ".db") {
		return t, "", 0, false
	}
	rest = strings.TrimSuffix(rest, ".db")
	var stamp string
	switch {
	case strings.HasPrefix(rest, BackupRestore+"-"):
		stamp, reason = strings.TrimPrefix(rest, BackupRestore+"-"), BackupRestore
	case strings.HasPrefix(rest, "v") && strings.Contains(rest, "-升级前备份-"):
		_, stamp, _ = strings.Cut(rest, "-升级前备份-")
		reason = BackupMigrate
	default:
		return t, "", 0, false
	}
	seq = 1
	if len(stamp) > len(backupStamp) && stamp[len(backupStamp)] == '-' {
		var err error
		if seq, err = strconv.Atoi(stamp[len(backupStamp)+1:]); err != nil {
			return t, "", 0, false
		}
		stamp = stamp[:len(backupStamp)]
	}
	t, err := time.ParseInLocation(backupStamp, stamp, time.Local)
	return t, reason, seq, err == nil
}

// ListBackups lists the backups of the database at dbPath, newest first: those in its backup folder, and
// the pre-migration copies and set-aside files beside it. A missing folder is no backups, not an error.
func ListBackups(dbPath string) ([]BackupInfo, error) {
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return nil, err
	}
	base := backupBase(abs)
	var out []BackupInfo
	for _, place := range []struct {
		dir   string
		parse func(base, name string) (time.Time, string, int, bool)
	}{{BackupDir(abs), parseBackupName}, {filepath.Dir(abs), parseBesideName}} {
		entries, err := os.ReadDir(place.dir)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("读取备份文件夹 %s: %w", place.dir, err)
		}
		for _, e := range entries {
			t, reason, seq, ok := place.parse(base, e.Name())
			if !ok || !e.Type().IsRegular() {
				continue
			}
			st, err := e.Info()
			if err != nil {
				continue // removed meanwhile
			}
			out = append(out, BackupInfo{Path: filepath.Join(place.dir, e.Name()), Time: t, Size: st.Size(), Reason: reason, seq: seq})
		}
	}
	sortBackups(out)
	return out, nil
}

// sortBackups sorts newest first; of two made in the same second, -2 comes before the first.
func sortBackups(bs []BackupInfo) {
	sort.SliceStable(bs, func(i, j int) bool {
		if !bs[i].Time.Equal(bs[j].Time) {
			return bs[i].Time.After(bs[j].Time)
		}
		return bs[i].seq > bs[j].seq
	})
}

// SafetyBackup writes a backup into the backup folder now, named for reason (导入前, 手动 …), and returns its
// path. It is a checked copy made by Backup, readable by the owner only; readers and writers may go on
// meanwhile. Callers about to change many records (an import) stop when it fails.
func (db *DB) SafetyBackup(ctx context.Context, reason string) (string, error) {
	dir := BackupDir(db.path)
	reason = cleanReason(reason)
	now := db.Now()
	for n := 1; ; n++ {
		out := filepath.Join(dir, backupName(backupBase(db.path), reason, now, n))
		err := db.Backup(ctx, out)
		if err == nil {
			db.clearBackupFailure(ctx)
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
	db.failureMu.Lock()
	db.failure = nil
	db.failureMu.Unlock()
	if db.readOnly {
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

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// pruneFolder deletes what pruneBackups lets go from the backup folder, and the temporary files of copies
// interrupted (by a crash or power cut) more than an hour ago. Files beside the database are never touched.
func pruneFolder(dbPath string, list []BackupInfo, now time.Time) error {
	dir := BackupDir(dbPath)
	var inFolder []BackupInfo
	for _, b := range list {
		if filepath.Dir(b.Path) == dir {
			inFolder = append(inFolder, b)
		}
	}
	var first error
	for _, b := range pruneBackups(inFolder, now) {
		if err := os.Remove(b.Path); err != nil && !errors.Is(err, fs.ErrNotExist) && first == nil {
			first = fmt.Errorf("删除旧备份 %s: %w", filepath.Base(b.Path), err)
		}
	}
	parts, _ := filepath.Glob(filepath.Join(dir, globEscape(backupBase(dbPath))+"-*.db.part"))
	for _, p := range parts {
		if st, err := os.Stat(p); err == nil && now.Sub(st.ModTime()) > time.Hour {
			os.Remove(p)
		}
	}
	return first
}

// globEscape quotes the characters filepath.Match treats specially.
func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteRune('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// pruneBackups returns the backups of the folder that retention lets go, given all of them and the time now.
// The rules (SPEC §10: the last 10 daily plus one per month):
//   - 每日: the newest 10 are kept, and the newest of every calendar month, for ever (a township's file is a
//     few MB, so a month's copy costs little and lets the clerk go back years);
//   - 手动: kept for ever; the clerk made it on purpose and deletes it by hand;
//   - every other reason (导入前, 升级前 …): kept for 90 days; older ones go, except the newest of each reason,
//     so that the copy from before the last upgrade or import stays however long ago it was.
//
// A backup dated in the future (the clock was wrong) counts as young. It is a pure function, so the rules
// are tested on names and dates alone.
func pruneBackups(list []BackupInfo, now time.Time) []BackupInfo {
	bs := slices.Clone(list)
	sortBackups(bs)
	var out []BackupInfo
	dailies := 0
	months := map[string]bool{}
	newestOf := map[string]bool{}
	for _, b := range bs {
		switch b.Reason {
		case BackupDaily:
			month := b.Time.Format("2006-01")
			keep := dailies < keepDailyBackups || !months[month]
			dailies++
			months[month] = true
			if !keep {
				out = append(out, b)
			}
		case BackupManual:
		default:
			newest := !newestOf[b.Reason]
			newestOf[b.Reason] = true
			if !newest && now.Sub(b.Time) > keepOtherBackups {
				out = append(out, b)
			}
		}
	}
	return out
}

// ---- Restore ----

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
