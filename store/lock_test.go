package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A symbolic link to the database (or to its folder) is the same file: a second window through it is refused.
func TestLockFollowsSymlinks(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "data", "office.db")
	db, err := Open(path)
	must(t, err)
	db.Close()
	fileLink := filepath.Join(dir, "快捷方式.db")
	must(t, os.Symlink(path, fileLink))
	dirLink := filepath.Join(dir, "link-to-data")
	must(t, os.Symlink(filepath.Join(dir, "data"), dirLink))
	for _, c := range []struct{ name, first, second string }{
		{"FileLinkAfterFile", path, fileLink},
		{"FileAfterFileLink", fileLink, path},
		{"FolderLinkAfterFileLink", fileLink, filepath.Join(dirLink, "office.db")},
	} {
		t.Run(c.name, func(t *testing.T) {
			release, err := Lock(c.first)
			must(t, err)
			defer release()
			if _, err := Lock(c.second); ErrorCode(err) != ECONFLICT {
				t.Fatalf("Lock(%s) while %s is locked: %v", c.second, c.first, err)
			}
		})
	}
	if _, err := os.Stat(fileLink + ".lock"); err == nil {
		t.Errorf("a lock file beside the link: the lock must be the real file's")
	}
}

// A window opened while an export command holds the file (LockForExport, for the whole export) is told that a
// command may be what holds it, and to wait for it, not only to look for another window.
func TestLockHeldByACommandSaysSo(t *testing.T) {
	db := mustOpen(t)
	path := db.Path()
	db.Close()
	l, err := LockForExport(path)
	must(t, err)
	defer l.Release()
	_, err = Lock(path)
	if msg := ErrorMessage(err); ErrorCode(err) != ECONFLICT || !strings.Contains(msg, "正被导入、导出等命令使用") || !strings.Contains(msg, "请等命令结束后再试") {
		t.Fatalf("Lock while an export holds the file: %v", err)
	}
}
