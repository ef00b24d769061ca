package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// The backup folder: how backups are named, found and pruned (SPEC §10).

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
