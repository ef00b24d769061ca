package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rendadesk/store"
)

func TestRestoreAndCheckNameTheBackup(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	if code, _, errOut := run("demo", "--db", db, "--seed", "3", "--today", "2024-11-30"); code != ExitOK {
		t.Fatalf("demo: %s", errOut)
	}
	if code, out, _ := run("check", "--db", db); code != ExitOK || !strings.Contains(out, "备份: 还没有备份") {
		t.Fatalf("check without backups: %d %q", code, out)
	}
	backup := filepath.Join(store.BackupDir(db), "t-20241130-120000-手动.db")
	if code, _, errOut := run("backup", "--db", db, "--out", backup); code != ExitOK {
		t.Fatalf("backup: %s", errOut)
	}
	if code, out, _ := run("check", "--db", db); code != ExitOK || !strings.Contains(out, "最近一份 2024-11-30 12:00(手动") {
		t.Fatalf("check with a backup: %d %q", code, out)
	}

	// A damaged database: check fails and names the backup to restore.
	raw, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	copy(raw, strings.Repeat("坏", 40))
	if err := os.WriteFile(db, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := run("check", "--db", db)
	if code != ExitError || !strings.Contains(errOut, "rendadesk restore --db "+db+" --from "+backup) || strings.Count(errOut, "\n") != 1 {
		t.Fatalf("check of the damaged file: %d %q", code, errOut)
	}

	t.Run("ErrUsage", func(t *testing.T) {
		if code, _, errOut := run("restore", "--db", db); code != ExitUsage || !strings.Contains(errOut, "--from") {
			t.Errorf("restore without --from: %d %q", code, errOut)
		}
	})
	t.Run("ErrBadBackup", func(t *testing.T) {
		code, _, errOut := run("restore", "--db", db, "--from", db+".nope")
		if code != ExitError || !strings.Contains(errOut, "没有恢复") {
			t.Errorf("restore from a missing file: %d %q", code, errOut)
		}
	})
	t.Run("ErrLocked", func(t *testing.T) {
		release, err := store.Lock(db)
		if err != nil {
			t.Fatal(err)
		}
		defer release()
		code, _, errOut := run("restore", "--db", db, "--from", backup)
		if code != ExitError || !strings.Contains(errOut, "已被另一个人大工作台窗口打开") || !strings.Contains(errOut, "(error: conflict)") {
			t.Errorf("restore under an open window: %d %q", code, errOut)
		}
	})
	code, out, errOut := run("restore", "--db", db, "--from", backup)
	if code != ExitOK || !strings.Contains(out, "原来的数据库文件保留为 "+filepath.Join(dir, "t.恢复前-")) {
		t.Fatalf("restore: %d %q %q", code, out, errOut)
	}
	if code, out, _ := run("check", "--db", db); code != ExitOK || !strings.Contains(out, "代表 75 人") {
		t.Fatalf("check after the restore: %d %q", code, out)
	}
}

// A database gone with a file a restore kept aside beside it: check says how to put it back, and restore does.
func TestCheckOfMissingDatabaseNamesTheKeptFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	if code, _, errOut := run("demo", "--db", db, "--seed", "3", "--today", "2024-11-30"); code != ExitOK {
		t.Fatalf("demo: %s", errOut)
	}
	aside := filepath.Join(dir, "t.恢复前-20241130-120000.db")
	if err := os.Rename(db, aside); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := run("check", "--db", db)
	if code != ExitError || !strings.Contains(errOut, "找不到数据库文件") || !strings.Contains(errOut, "rendadesk restore --db "+db+" --from "+aside) {
		t.Fatalf("check: %d %q", code, errOut)
	}
	if code, out, errOut := run("restore", "--db", db, "--from", aside); code != ExitOK {
		t.Fatalf("restore: %d %q %q", code, out, errOut)
	}
	if code, out, _ := run("check", "--db", db); code != ExitOK || !strings.Contains(out, "代表 ") {
		t.Fatalf("check after: %d %q", code, out)
	}
}
