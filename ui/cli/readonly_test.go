package cli

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"rendadesk/store"
)

// folderState is every file of a folder with its bytes: what a command that only reads must leave as it was.
func folderState(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			out[e.Name()+"/"] = nil
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = b
	}
	return out
}

func sameFolder(t *testing.T, what string, before, after map[string][]byte) {
	t.Helper()
	var diffs []string
	for name, b := range before {
		if a, ok := after[name]; !ok {
			diffs = append(diffs, name+" removed")
		} else if !bytes.Equal(a, b) {
			diffs = append(diffs, name+" changed")
		}
	}
	for name := range after {
		if _, ok := before[name]; !ok && !strings.HasSuffix(name, ".lock") {
			diffs = append(diffs, name+" added")
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		t.Errorf("after %s: %s", what, strings.Join(diffs, ", "))
	}
}

// oldSchemaFile makes a database of an earlier schema version (4), as an earlier version of
// the program left it (from the migrations in store/migrations), with an office name and a unit.
func oldSchemaFile(t *testing.T, path string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "store", "migrations", "*.sql"))
	if err != nil || len(files) != store.SchemaVersion() {
		t.Fatalf("migrations %v (%v), want %d", files, err, store.SchemaVersion())
	}
	sort.Strings(files)
	db, err := sql.Open("sqlite", path+"?_pragma=journal_mode(WAL)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// Version 4: before 0005 gave deputy levels a 当选日期, so the insert below is what such a file held.
	old := files[:4]
	for _, f := range old {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(string(b)); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}
	for _, q := range []string{
		`PRAGMA user_version = ` + strings.TrimLeft(filepath.Base(old[len(old)-1])[:4], "0"),
		`INSERT INTO settings (key, value) VALUES ('office_name', '青山镇人大主席团'), ('township', '青山镇'), ('initialized', '1')
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
		`INSERT INTO units (name, kind, created_at, updated_at) VALUES ('镇城建办', '镇属部门', 'x', 'x')`,
		`INSERT INTO deputies (id, name, gender, created_at, updated_at) VALUES (1, '王建国', '男', 'x', 'x')`,
		`INSERT INTO deputy_levels (deputy_id, level) VALUES (1, '` + store.LevelTown + `')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// The commands that only read (check, export, print, backup, the import template) leave the database file,
// and the folder it is in, as they found them: no journal switched to WAL, no schema written into an empty
// file, no migration in place; only the lock file may be new.
func TestReadOnlyCommandsLeaveTheFile(t *testing.T) {
	commands := func(db, out string) [][]string {
		return [][]string{
			{"check", "--db", db},
			{"export", "--db", db, "--year", "2024", "--format", "txt", "--out", filepath.Join(out, "报表")},
			{"print", "--db", db, "roster", "--out", filepath.Join(out, "名册.pdf")},
			{"backup", "--db", db, "--out", filepath.Join(out, "备份.db")},
			{"import", "--db", db, "--template", "deputies", "--out", filepath.Join(out, "模板.xlsx")},
		}
	}
	t.Run("ZeroBytes", func(t *testing.T) {
		dir, out := t.TempDir(), t.TempDir()
		db := filepath.Join(dir, "empty.db")
		if err := os.WriteFile(db, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		before := folderState(t, dir)
		for _, args := range commands(db, out) {
			code, _, errOut := run(args...)
			if code != ExitError || !strings.Contains(errOut, "empty.db") {
				t.Errorf("%s: exit %d, %q", args[0], code, errOut)
			}
			sameFolder(t, args[0], before, folderState(t, dir))
		}
	})
	t.Run("ForeignSQLiteFile", func(t *testing.T) {
		dir, out := t.TempDir(), t.TempDir()
		db := filepath.Join(dir, "客户.db")
		o, err := sql.Open("sqlite", db)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := o.Exec(`CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('甲')`); err != nil {
			t.Fatal(err)
		}
		o.Close()
		before := folderState(t, dir)
		for _, args := range commands(db, out) {
			code, _, errOut := run(args...)
			if code != ExitError || !strings.Contains(errOut, "不是人大工作台的数据库") {
				t.Errorf("%s: exit %d, %q", args[0], code, errOut)
			}
			sameFolder(t, args[0], before, folderState(t, dir))
		}
		o, err = sql.Open("sqlite", db)
		if err != nil {
			t.Fatal(err)
		}
		defer o.Close()
		var mode string
		var objects int
		if err := o.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil {
			t.Fatal(err)
		}
		if err := o.QueryRow(`SELECT count(*) FROM sqlite_schema`).Scan(&objects); err != nil {
			t.Fatal(err)
		}
		if mode != "delete" || objects != 1 {
			t.Errorf("journal_mode %s, %d schema objects; want delete and 1", mode, objects)
		}
	})
	t.Run("OldSchema", func(t *testing.T) {
		dir, out := t.TempDir(), t.TempDir()
		db := filepath.Join(dir, "old.db")
		oldSchemaFile(t, db)
		before := folderState(t, dir)
		for _, args := range commands(db, out) {
			code, stdout, errOut := run(args...)
			if code != ExitOK {
				t.Errorf("%s: exit %d, %q %q", args[0], code, stdout, errOut)
			}
			if args[0] == "check" && !strings.Contains(stdout, "打开时将升级到版本") {
				t.Errorf("check says %q", stdout)
			}
			if args[0] == "export" && !strings.Contains(stdout, "原文件没有改动") {
				t.Errorf("export does not say it read an upgraded copy: %q", stdout)
			}
			sameFolder(t, args[0], before, folderState(t, dir))
		}
		if text := readPDF(t, filepath.Join(out, "名册.pdf")); !strings.Contains(text, "王建国") {
			t.Errorf("the roster of the old file: %q", text)
		}
		if code, stdout, _ := run("check", "--db", filepath.Join(out, "备份.db")); code != ExitOK {
			t.Errorf("check of its backup: %q", stdout)
		}
	})
}
