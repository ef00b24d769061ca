package store

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// backupTestUnits returns the names of the units in the database file at path, read through a fresh Open.
func backupTestUnits(t *testing.T, path string) []string {
	t.Helper()
	db, err := Open(path)
	must(t, err)
	defer db.Close()
	us, err := db.Units(context.Background())
	must(t, err)
	var names []string
	for _, u := range us {
		names = append(names, u.Name)
	}
	return names
}

// backupTestMode fails when path is not exactly mode on Unix (Windows has no such bits).
func backupTestMode(t *testing.T, path string, mode os.FileMode) {
	t.Helper()
	if runtime.GOOS == "windows" {
		return
	}
	st, err := os.Stat(path)
	must(t, err)
	if st.Mode().Perm() != mode {
		t.Errorf("%s has mode %v, want %v", filepath.Base(path), st.Mode().Perm(), mode)
	}
}

func TestBackupDirAndNames(t *testing.T) {
	if got := BackupDir(filepath.FromSlash("/x/rendadesk.db")); got != filepath.FromSlash("/x/备份") {
		t.Errorf("BackupDir = %s", got)
	}
	at := time.Date(2026, 11, 23, 9, 30, 0, 0, time.Local)
	for _, c := range []struct {
		reason string
		n      int
		want   string
	}{
		{BackupDaily, 1, "rendadesk-20261123-093000-每日.db"},
		{BackupImport, 2, "rendadesk-20261123-093000-导入前-2.db"},
	} {
		name := backupName("rendadesk", c.reason, at, c.n)
		if name != c.want {
			t.Errorf("backupName = %s, want %s", name, c.want)
		}
		got, reason, seq, ok := parseBackupName("rendadesk", name)
		if !ok || !got.Equal(at) || reason != c.reason || seq != max(c.n, 1) {
			t.Errorf("parseBackupName(%s) = %v %q %v", name, got, reason, ok)
		}
	}
	for _, name := range []string{
		"rendadesk-2-20261123-093000-每日.db", // the backups of rendadesk-2.db share the folder
		"rendadesk-20261123-093000-每日.db.part",
		"rendadesk-20261323-093000-每日.db",
		"rendadesk-20261123-093000-.db",
		"其他-20261123-093000-每日.db",
	} {
		if _, _, _, ok := parseBackupName("rendadesk", name); ok {
			t.Errorf("%s was taken for a backup of rendadesk.db", name)
		}
	}
	for name, reason := range map[string]string{
		"rendadesk.v2-升级前备份-20261123-093000.db": BackupMigrate,
		"rendadesk.恢复前-20261123-093000.db":      BackupRestore,
		"rendadesk.恢复前-20261123-093000-2.db":    BackupRestore,
	} {
		if got, r, _, ok := parseBesideName("rendadesk", name); !ok || r != reason || !got.Equal(at) {
			t.Errorf("parseBesideName(%s) = %v %q %v", name, got, r, ok)
		}
	}
	if got := cleanReason("导入/前 ../x"); got != "导入前x" {
		t.Errorf("cleanReason = %q", got)
	}
	if got := cleanReason(" "); got != BackupManual {
		t.Errorf("cleanReason of nothing = %q", got)
	}
}

func TestSafetyBackup(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	must(t, db.SaveUnit(ctx, &Unit{Name: "镇城建办", Kind: "镇属部门"}))
	first, err := db.SafetyBackup(ctx, BackupImport)
	must(t, err)
	dir := filepath.Join(filepath.Dir(db.Path()), "备份")
	if want := filepath.Join(dir, "t-20241231-100000-导入前.db"); first != want {
		t.Fatalf("backup at %s, want %s", first, want)
	}
	backupTestMode(t, first, 0o600)
	backupTestMode(t, dir, 0o700)
	backupTestMode(t, db.Path(), 0o600)
	res, err := CheckFile(ctx, first)
	if err != nil || !res.OK || res.Counts["units"] != 1 {
		t.Fatalf("the backup checks %+v, %v", res, err)
	}
	// The same second again: a second file, not a refusal and not an overwrite.
	second, err := db.SafetyBackup(ctx, BackupImport)
	must(t, err)
	if filepath.Base(second) != "t-20241231-100000-导入前-2.db" {
		t.Fatalf("second backup %s", second)
	}
	db.Now = func() time.Time { return testToday.Add(time.Hour) }
	manual, err := db.SafetyBackup(ctx, BackupManual)
	must(t, err)
	list, err := ListBackups(db.Path())
	must(t, err)
	var got []string
	for _, b := range list {
		got = append(got, fmt.Sprintf("%s %s", filepath.Base(b.Path), b.Reason))
		if b.Size == 0 {
			t.Errorf("%s has size 0", b.Path)
		}
	}
	want := []string{filepath.Base(manual) + " 手动", filepath.Base(second) + " 导入前", filepath.Base(first) + " 导入前"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("ListBackups = %v, want %v (newest first)", got, want)
	}
	if !list[0].Time.Equal(testToday.Add(time.Hour).Truncate(time.Second)) {
		t.Errorf("time %v", list[0].Time)
	}
}

func TestListBackupsOfMissingFolder(t *testing.T) {
	list, err := ListBackups(filepath.Join(t.TempDir(), "none.db"))
	if err != nil || len(list) != 0 {
		t.Fatalf("ListBackups = %v, %v", list, err)
	}
}

func TestDailyBackupOncePerDayAndPrunes(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	day := time.Date(2024, 9, 1, 9, 0, 0, 0, time.Local)
	db.Now = func() time.Time { return day }
	// A manual and an old pre-import backup are there already; so is another database's backup.
	manual, err := db.SafetyBackup(ctx, BackupManual)
	must(t, err)
	day = day.Add(time.Minute)
	importFirst, err := db.SafetyBackup(ctx, BackupImport)
	must(t, err)
	day = day.Add(time.Minute)
	importLast, err := db.SafetyBackup(ctx, BackupImport)
	must(t, err)
	stranger := filepath.Join(BackupDir(db.Path()), "其他-20240101-000000-每日.db")
	must(t, os.WriteFile(stranger, []byte("x"), 0o600))

	for i := 0; i < 75; i++ { // 1 September … 14 November
		day = time.Date(2024, 9, 1+i, 9, 0, 0, 0, time.Local)
		path, made, err := db.DailyBackup(ctx)
		must(t, err)
		if !made || !strings.HasSuffix(path, day.Format("20060102")+"-090000-每日.db") {
			t.Fatalf("day %d: %s made=%v", i, path, made)
		}
		day = day.Add(3 * time.Hour)
		again, made, err := db.DailyBackup(ctx)
		must(t, err)
		if made || again != path {
			t.Fatalf("day %d: a second daily backup %s (made=%v)", i, again, made)
		}
	}
	list, err := ListBackups(db.Path())
	must(t, err)
	var dailies []string
	for _, b := range list {
		if b.Reason == BackupDaily {
			dailies = append(dailies, b.Time.Format("0102"))
		}
	}
	// The last 10 days, and the newest of September and of October.
	want := "1114 1113 1112 1111 1110 1109 1108 1107 1106 1105 1031 0930"
	if strings.Join(dailies, " ") != want {
		t.Errorf("daily backups kept: %v\nwant %s", dailies, want)
	}
	for _, p := range []string{manual, importFirst, importLast, stranger} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was pruned", filepath.Base(p))
		}
	}
	// 90 days on, the older pre-import copy goes; the newest of its reason stays.
	day = time.Date(2024, 12, 15, 9, 0, 0, 0, time.Local)
	_, _, err = db.DailyBackup(ctx)
	must(t, err)
	if _, err := os.Stat(importFirst); !os.IsNotExist(err) {
		t.Errorf("the older pre-import backup of 1 September is still there on 15 December")
	}
	if _, err := os.Stat(importLast); err != nil {
		t.Errorf("the newest pre-import backup was pruned")
	}
}

func TestPruneBackups(t *testing.T) {
	now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.Local)
	b := func(date, reason string) BackupInfo {
		at, err := time.ParseInLocation("2006-01-02 15:04", date, time.Local)
		if err != nil {
			t.Fatal(err)
		}
		return BackupInfo{Path: date + " " + reason, Time: at, Reason: reason}
	}
	days := func(from string, n int) []BackupInfo {
		start, _ := time.ParseInLocation("2006-01-02", from, time.Local)
		var out []BackupInfo
		for i := 0; i < n; i++ {
			out = append(out, b(start.AddDate(0, 0, i).Format("2006-01-02")+" 09:00", BackupDaily))
		}
		return out
	}
	for _, c := range []struct {
		name string
		list []BackupInfo
		want []string // the paths removed, newest first
	}{
		{"Empty", nil, nil},
		{"TenDailiesStay", days("2026-11-14", 10), nil},
		{"EleventhOfSameMonthGoes", days("2026-11-13", 11), []string{"2026-11-13 09:00 每日"}},
		{"NewestOfEachOlderMonthStays", append(days("2026-09-29", 3), days("2026-11-14", 10)...),
			[]string{"2026-09-29 09:00 每日"}},
		{"MonthOfTheTenIsNotKeptTwice", append(days("2026-11-01", 2), days("2026-11-14", 10)...),
			[]string{"2026-11-02 09:00 每日", "2026-11-01 09:00 每日"}},
		{"YearsOfMonthsStay", []BackupInfo{b("2023-01-31 09:00", BackupDaily), b("2023-01-30 09:00", BackupDaily), b("2024-05-02 09:00", BackupDaily)},
			nil},
		{"ManualStaysForEver", []BackupInfo{b("2020-01-01 09:00", BackupManual), b("2019-01-01 09:00", BackupManual)}, nil},
		{"ImportsYoungerThan90DaysStay", []BackupInfo{b("2026-11-20 09:00", BackupImport), b("2026-08-26 09:00", BackupImport)}, nil},
		{"OldImportsGoButTheNewest", []BackupInfo{b("2026-06-01 09:00", BackupImport), b("2026-05-01 09:00", BackupImport), b("2026-04-01 09:00", BackupMigrate)},
			[]string{"2026-05-01 09:00 导入前"}},
		{"FutureCountsAsYoung", []BackupInfo{b("2027-01-01 09:00", BackupImport), b("2026-11-01 09:00", BackupImport)}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, x := range pruneBackups(c.list, now) {
				got = append(got, x.Path)
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("removed %v, want %v", got, c.want)
			}
		})
	}
}

func TestRestore(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	path := db.Path()
	must(t, db.SaveUnit(ctx, &Unit{Name: "镇城建办", Kind: "镇属部门"}))
	backup, err := db.SafetyBackup(ctx, BackupManual)
	must(t, err)
	must(t, db.SaveUnit(ctx, &Unit{Name: "备份之后的单位", Kind: "镇属部门"}))
	must(t, db.Close())

	t.Run("ErrDamagedBackup", func(t *testing.T) {
		bad := filepath.Join(t.TempDir(), "bad.db")
		raw, err := os.ReadFile(backup)
		must(t, err)
		for i := 4096; i < len(raw); i++ { // every page after the first
			raw[i] = 0xFF
		}
		must(t, os.WriteFile(bad, raw, 0o600))
		before, _ := os.ReadFile(path)
		_, err = Restore(ctx, path, bad)
		if ErrorCode(err) != ECORRUPT || !strings.Contains(ErrorMessage(err), "备份文件 bad.db 不能用，没有恢复") {
			t.Fatalf("a damaged backup gives %v", err)
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
			t.Fatal("a refused restore changed the database")
		}
		garbage := filepath.Join(t.TempDir(), "garbage.db")
		must(t, os.WriteFile(garbage, bytes.Repeat([]byte("不是数据库"), 2000), 0o600))
		if _, err := Restore(ctx, path, garbage); ErrorCode(err) != ECORRUPT || !strings.Contains(ErrorMessage(err), "没有恢复") {
			t.Fatalf("garbage gives %v", err)
		}
	})
	t.Run("ErrNewerBackup", func(t *testing.T) {
		newer := filepath.Join(t.TempDir(), "newer.db")
		raw, err := os.ReadFile(backup)
		must(t, err)
		must(t, os.WriteFile(newer, raw, 0o600))
		conn, err := sql.Open("sqlite", newer)
		must(t, err)
		_, err = conn.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, SchemaVersion()+1))
		must(t, err)
		conn.Close()
		if _, err := Restore(ctx, path, newer); err == nil || !strings.Contains(ErrorMessage(err), "比本程序") {
			t.Fatalf("a newer backup gives %v", err)
		}
	})
	t.Run("ErrItself", func(t *testing.T) {
		if _, err := Restore(ctx, path, path); ErrorCode(err) != EINVALID {
			t.Fatalf("restoring the file onto itself gives %v", err)
		}
	})
	t.Run("OK", func(t *testing.T) {
		kept, err := Restore(ctx, path, backup)
		must(t, err)
		if !strings.HasPrefix(filepath.Base(kept), "t.恢复前-") || filepath.Dir(kept) != filepath.Dir(path) {
			t.Fatalf("kept aside as %s", kept)
		}
		if got := backupTestUnits(t, path); strings.Join(got, ",") != "镇城建办" {
			t.Errorf("after the restore the units are %v", got)
		}
		if got := backupTestUnits(t, kept); len(got) != 2 {
			t.Errorf("the file kept aside has units %v, want both", got)
		}
		backupTestMode(t, path, 0o600)
		backupTestMode(t, kept, 0o600)
		if _, err := os.Stat(backup); err != nil {
			t.Errorf("the backup is gone: %v", err)
		}
		list, err := ListBackups(path)
		must(t, err)
		if len(list) != 2 || list[0].Path != kept || list[0].Reason != BackupRestore {
			t.Errorf("ListBackups after a restore: %+v", list)
		}
		// A second restore in the same second keeps the first kept file.
		kept2, err := Restore(ctx, path, backup)
		must(t, err)
		if kept2 == kept {
			t.Fatal("the second restore overwrote the first kept file")
		}
		if got := backupTestUnits(t, kept); len(got) != 2 {
			t.Errorf("the first kept file changed: %v", got)
		}
	})
	t.Run("NoCurrentFile", func(t *testing.T) {
		fresh := filepath.Join(t.TempDir(), "sub", "new.db")
		kept, err := Restore(ctx, fresh, backup)
		if err != nil || kept != "" {
			t.Fatalf("Restore into a new place: %q, %v", kept, err)
		}
		if got := backupTestUnits(t, fresh); strings.Join(got, ",") != "镇城建办" {
			t.Errorf("units %v", got)
		}
	})
}

// A backup chosen while it is still open elsewhere (its last writes only in its -wal) is copied whole.
func TestRestoreCopiesTheLog(t *testing.T) {
	ctx := context.Background()
	src := mustOpen(t)
	must(t, src.SaveUnit(ctx, &Unit{Name: "只在日志里的单位", Kind: "镇属部门"}))
	if st, err := os.Stat(src.Path() + "-wal"); err != nil || st.Size() == 0 {
		t.Skip("no write-ahead log to test with")
	}
	dst := filepath.Join(t.TempDir(), "d.db")
	_, err := Restore(ctx, dst, src.Path())
	must(t, err)
	if got := backupTestUnits(t, dst); strings.Join(got, ",") != "只在日志里的单位" {
		t.Errorf("restored units %v", got)
	}
}

func TestLockRefusesSecondHolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "office.db")
	release, err := Lock(path)
	must(t, err)
	backupTestMode(t, path+".lock", 0o600)
	_, err = Lock(path)
	if ErrorCode(err) != ECONFLICT || !strings.Contains(ErrorMessage(err), "已被另一个人大工作台窗口打开") {
		t.Fatalf("a second lock in the same process gives %v", err)
	}
	// Another spelling of the same file finds the same lock.
	if _, err := Lock(filepath.Join(filepath.Dir(path), ".", "office.db")); ErrorCode(err) != ECONFLICT {
		t.Fatalf("the same file by another path gives %v", err)
	}
	release()
	release() // twice is harmless
	again, err := Lock(path)
	must(t, err)
	again()
}

// lockChildEnv tells the test binary, re-run as a child, to hold the lock of the database it names.
const lockChildEnv = "RENDADESK_TEST_LOCK_HOLDER"

// TestLockHelperProcess is not a test: run as a child by TestLockHeldByAnotherProcess, it takes the lock,
// says so and waits to be killed.
func TestLockHelperProcess(t *testing.T) {
	path := os.Getenv(lockChildEnv)
	if path == "" {
		t.Skip("only run as a child process")
	}
	if _, err := Lock(path); err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	fmt.Println("locked")
	time.Sleep(time.Minute)
	os.Exit(0)
}

// A second process is refused while the first holds the lock; when the first dies without releasing it
// (a crash), the operating system frees it and the database opens again.
func TestLockHeldByAnotherProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "office.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockHelperProcess$")
	cmd.Env = append(os.Environ(), lockChildEnv+"="+path)
	out, err := cmd.StdoutPipe()
	must(t, err)
	must(t, cmd.Start())
	defer cmd.Process.Kill()
	line := make([]byte, 64)
	n, _ := out.Read(line)
	if !strings.HasPrefix(string(line[:n]), "locked") {
		t.Fatalf("the child says %q", line[:n])
	}
	_, err = Lock(path)
	if ErrorCode(err) != ECONFLICT || !strings.Contains(ErrorMessage(err), path) {
		t.Fatalf("while another process holds it: %v", err)
	}
	must(t, cmd.Process.Kill())
	cmd.Wait()
	release, err := Lock(path)
	if err != nil {
		t.Fatalf("after the holder died: %v", err)
	}
	release()
}

// A file with nothing in it (made by a crash before the first migration, or by hand) is not a database of
// ours, but start-up may open it as a new one.
func TestCheckFileEmpty(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.db")
	must(t, os.WriteFile(path, nil, 0o600))
	res, err := CheckFile(context.Background(), path)
	if err != nil || res.OK || !res.Empty {
		t.Fatalf("empty file: %+v, %v", res, err)
	}
	db := mustOpen(t)
	res, err = CheckFile(context.Background(), db.Path())
	if err != nil || !res.OK || res.Empty {
		t.Fatalf("a database of ours: %+v, %v", res, err)
	}
}

// A damaged file whose check lists many findings is summed up in one short sentence; the findings are kept,
// a bounded number of them.
func TestCheckFileSummarisesManyFindings(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	for i := 0; i < 300; i++ {
		must(t, db.SaveUnit(ctx, &Unit{Name: fmt.Sprintf("单位%03d", i), Kind: "镇属部门"}))
	}
	must(t, db.Close())
	// The index on units' names now points at another index's pages: every row is missing from it.
	raw, err := sql.Open("sqlite", db.Path())
	must(t, err)
	var otherRoot int
	must(t, raw.QueryRow(`SELECT rootpage FROM sqlite_schema WHERE name = 'deputies_name'`).Scan(&otherRoot))
	_, err = raw.Exec(`PRAGMA writable_schema = ON; UPDATE sqlite_schema SET rootpage = ? WHERE name = 'sqlite_autoindex_units_1'`, otherRoot)
	must(t, err)
	raw.Close()
	res, err := CheckFile(ctx, db.Path())
	must(t, err)
	if res.OK || res.Findings < 300 || len(res.Problems) != maxCheckLines+1 {
		t.Fatalf("OK %v, %d findings, %d lines kept", res.OK, res.Findings, len(res.Problems))
	}
	if got := res.Summary(); got != fmt.Sprintf("完整性检查发现 %d 处问题", res.Findings) {
		t.Errorf("Summary() = %q", got)
	}
	if !strings.HasPrefix(res.Problems[0], "完整性检查: ") || !strings.HasPrefix(res.Problems[maxCheckLines], "……") {
		t.Errorf("problems %q … %q", res.Problems[0], res.Problems[len(res.Problems)-1])
	}
}

// A daily backup that fails is kept, across a restart, until a backup into the folder succeeds.
func TestDailyBackupFailureIsKeptUntilABackupSucceeds(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	path := db.Path()
	if _, ok, err := db.LastBackupFailure(ctx); ok || err != nil {
		t.Fatalf("a new database has a failure: %v %v", ok, err)
	}
	// Something that is not a folder where the backup folder should be: the backup cannot be written.
	must(t, os.WriteFile(BackupDir(path), []byte("不是文件夹"), 0o600))
	if _, _, err := db.DailyBackup(ctx); err == nil {
		t.Fatal("the daily backup succeeded")
	}
	f, ok, err := db.LastBackupFailure(ctx)
	if !ok || err != nil || !f.Time.Equal(testToday) || !strings.Contains(f.Message, "备份") {
		t.Fatalf("after the failure: %+v %v %v", f, ok, err)
	}
	must(t, db.Close())
	db, err = Open(path)
	must(t, err)
	defer db.Close()
	if again, ok, _ := db.LastBackupFailure(ctx); !ok || again.Message != f.Message || !again.Time.Equal(f.Time) {
		t.Fatalf("after a restart: %+v %v", again, ok)
	}
	must(t, os.Remove(BackupDir(path)))
	if _, _, err := db.DailyBackup(ctx); err != nil {
		t.Fatal(err)
	}
	if f, ok, _ := db.LastBackupFailure(ctx); ok {
		t.Errorf("still a failure after a good backup: %+v", f)
	}
}
