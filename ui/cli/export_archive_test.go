package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rendadesk/store"
)

// An archived export leaves the database's folder as a closed database leaves it: its version committed into
// the file, no -wal or -shm beside it for the next open to read through, and the file's lock free again.
func TestExportArchivedLeavesTheFileClosed(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	if code, _, errOut := run("demo", "--db", db, "--seed", "1", "--today", "2024-11-30"); code != ExitOK {
		t.Fatalf("demo: %s", errOut)
	}
	for i, want := range []string{"第 1 号", "第 2 号"} {
		code, stdout, errOut := run("export", "--db", db, "--year", "2023", "--format", "txt", "--out", filepath.Join(dir, "out"))
		if code != ExitOK || !strings.Contains(stdout, "已记入报送存档") || !strings.Contains(stdout, want) {
			t.Fatalf("export %d: exit %d, %q %q", i+1, code, stdout, errOut)
		}
		for _, suffix := range []string{"-wal", "-shm"} {
			if st, err := os.Stat(db + suffix); err == nil {
				t.Errorf("after export %d the file's %s is left beside it (%d bytes)", i+1, suffix, st.Size())
			}
		}
	}
	release, err := store.Lock(db)
	if err != nil {
		t.Fatalf("the lock after the export: %v", err)
	}
	release()
	if code, out, _ := run("reports", "--db", db); code != ExitOK || !strings.Contains(out, "2023年") {
		t.Errorf("reports after the exports: exit %d, %q", code, out)
	}
}
