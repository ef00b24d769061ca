package store

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
)

// fileState is what must not change when a file is only read: its bytes and which companions lie beside it.
type fileState struct {
	data     []byte
	wal, shm bool
}

func stateOf(t *testing.T, path string) fileState {
	t.Helper()
	data, err := os.ReadFile(path)
	must(t, err)
	_, werr := os.Stat(path + "-wal")
	_, serr := os.Stat(path + "-shm")
	return fileState{data, werr == nil, serr == nil}
}

func (s fileState) same(t *testing.T, path string) {
	t.Helper()
	now := stateOf(t, path)
	if !bytes.Equal(now.data, s.data) {
		t.Errorf("%s changed: %d bytes before, %d after", filepath.Base(path), len(s.data), len(now.data))
	}
	if now.wal != s.wal || now.shm != s.shm {
		t.Errorf("%s: -wal %v → %v, -shm %v → %v", filepath.Base(path), s.wal, now.wal, s.shm, now.shm)
	}
}

// oldDatabase makes a file of schema version v with one unit in it, as an earlier version left it.
func oldDatabase(t *testing.T, path string, v int) {
	t.Helper()
	raw, err := sql.Open("sqlite", dsn(path))
	must(t, err)
	old := &DB{db: raw, path: path}
	must(t, old.migrateTo(context.Background(), v))
	_, err = raw.Exec(`INSERT INTO units (name, kind, created_at, updated_at) VALUES ('镇城建办', '镇属部门', 'x', 'x')`)
	must(t, err)
	must(t, raw.Close())
}

func TestOpenReadOnlyLeavesTheFileAsItIs(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	t.Run("ZeroBytes", func(t *testing.T) {
		p := filepath.Join(dir, "empty.db")
		must(t, os.WriteFile(p, nil, 0o600))
		before := stateOf(t, p)
		_, err := OpenReadOnly(p)
		wantErr(t, err, ESCHEMA, "是空的(0字节)")
		before.same(t, p)
	})
	t.Run("Foreign", func(t *testing.T) {
		p := filepath.Join(dir, "other.db")
		o, err := sql.Open("sqlite", p)
		must(t, err)
		_, err = o.Exec(`CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('甲')`)
		must(t, err)
		o.Close()
		before := stateOf(t, p)
		_, err = OpenReadOnly(p)
		wantErr(t, err, ESCHEMA, "不是人大工作台的数据库")
		res, err := CheckFile(ctx, p)
		must(t, err)
		if res.OK {
			t.Error("check accepted a foreign file")
		}
		before.same(t, p)
		o, err = sql.Open("sqlite", p)
		must(t, err)
		defer o.Close()
		var mode string
		var tables int
		must(t, o.QueryRow(`PRAGMA journal_mode`).Scan(&mode))
		must(t, o.QueryRow(`SELECT count(*) FROM sqlite_schema`).Scan(&tables))
		if mode != "delete" || tables != 1 {
			t.Errorf("journal_mode %s and %d schema objects, want delete and 1", mode, tables)
		}
	})
	t.Run("OldSchema", func(t *testing.T) {
		p := filepath.Join(dir, "old.db")
		oldDatabase(t, p, SchemaVersion()-1)
		before := stateOf(t, p)
		db, err := OpenReadOnly(p)
		must(t, err)
		us, err := db.Units(ctx)
		must(t, err)
		if len(us) != 1 || us[0].Name != "镇城建办" {
			t.Errorf("units %+v", us)
		}
		if _, err := db.LoadReport(ctx, "2024-01-01", "2024-12-31", "2024-12-31"); err != nil {
			t.Errorf("report of an old file: %v", err)
		}
		out := filepath.Join(dir, "old-backup.db")
		must(t, db.Backup(ctx, out))
		if note := db.ReadOnlyNote(); !bytes.Contains([]byte(note), []byte("原文件没有改动")) {
			t.Errorf("note %q", note)
		}
		tmp := db.tmp
		must(t, db.Close())
		if _, err := os.Stat(tmp); err == nil {
			t.Errorf("the private copy %s is left behind", tmp)
		}
		before.same(t, p)
		if _, err := CheckFile(ctx, p); err != nil {
			t.Fatal(err)
		}
		before.same(t, p)
		if _, err := os.Stat(BackupDir(p)); err == nil {
			t.Error("reading made a backup folder (a migration backup?)")
		}
	})
	t.Run("CurrentWhileAWindowWrites", func(t *testing.T) {
		p := filepath.Join(dir, "cur.db")
		w, err := Open(p)
		must(t, err)
		defer w.Close()
		u := Unit{Name: "镇农业农村办", Kind: "镇属部门"}
		must(t, w.SaveUnit(ctx, &u))
		db, err := OpenReadOnly(p)
		must(t, err)
		defer db.Close()
		us, err := db.Units(ctx)
		must(t, err)
		if len(us) != 1 {
			t.Errorf("units %+v", us)
		}
		if err := db.SaveUnit(ctx, &Unit{Name: "不该写入", Kind: "镇属部门"}); err == nil {
			t.Error("a read-only database accepted a write")
		}
	})
}

// TestOpenReadOnlyMapsTheFile: a reading command's connections read the file mapped (mmap_size), on every
// connection of the pool (the yearly export reads on two side by side), and the file stays as it was.
func TestOpenReadOnlyMapsTheFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.db")
	db, err := Open(p)
	must(t, err)
	must(t, db.Close())
	before := stateOf(t, p)
	ro, err := OpenReadOnly(p)
	must(t, err)
	ctx := context.Background()
	var conns []*sql.Conn
	for range 2 {
		c, err := ro.db.Conn(ctx)
		must(t, err)
		conns = append(conns, c)
		var size int64
		must(t, c.QueryRowContext(ctx, `PRAGMA mmap_size`).Scan(&size))
		if size < 1<<30 {
			t.Errorf("connection %d: mmap_size %d, want the file mapped (1 GiB)", len(conns), size)
		}
	}
	for _, c := range conns {
		c.Close()
	}
	must(t, ro.Close())
	// The integrity check (CheckFile, the window's at start) reads every page once: not mapped, so that the
	// window's memory does not grow by the file.
	sqldb, closer, err := openReadOnly(ctx, p, false)
	must(t, err)
	var size int64
	must(t, sqldb.QueryRowContext(ctx, `PRAGMA mmap_size`).Scan(&size))
	if size != 0 {
		t.Errorf("the check's connection: mmap_size %d, want 0", size)
	}
	must(t, closer())
	before.same(t, p)
}
