package store

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// A database and backups that an older version, a copy or an unpacked archive left readable by everyone are
// made readable by the owner only: the database when a window (or a writing command) opens it, the backups
// at the day's backup.
func TestWiderPermissionsAreTightened(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows permissions are ACLs inherited from the folder")
	}
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "office.db")
	db, err := Open(path)
	must(t, err)
	manual, err := db.SafetyBackup(ctx, BackupManual)
	must(t, err)
	db.Close()
	aside := filepath.Join(dir, "office."+BackupRestore+"-20240101-090000.db")
	must(t, os.WriteFile(aside, nil, 0o644))
	for _, p := range []string{path, manual, aside} {
		must(t, os.Chmod(p, 0o644))
	}
	must(t, os.Chmod(BackupDir(path), 0o755))

	db, err = Open(path)
	must(t, err)
	defer db.Close()
	backupTestMode(t, path, 0o600)
	backupTestMode(t, manual, 0o644) // only the day's backup looks at the backups
	_, _, err = db.DailyBackup(ctx)
	must(t, err)
	backupTestMode(t, manual, 0o600)
	backupTestMode(t, aside, 0o600)
	backupTestMode(t, BackupDir(path), 0o700)

	// A read-only file stays read-only: only the group's and others' bits go.
	ro := filepath.Join(dir, "ro.db")
	o, err := Open(ro)
	must(t, err)
	o.Close()
	must(t, os.Chmod(ro, 0o444))
	tightenFiles(ro)
	backupTestMode(t, ro, 0o400)
}
