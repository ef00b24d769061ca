package store

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
)

func TestFreshDatabaseIsCurrent(t *testing.T) {
	db := mustOpen(t)
	var v int
	must(t, db.SQL().QueryRow(`PRAGMA user_version`).Scan(&v))
	if v != SchemaVersion() || v < 2 {
		t.Fatalf("user_version %d, want %d", v, SchemaVersion())
	}
	cats, err := db.Dict(context.Background(), DictCategory)
	must(t, err)
	if len(cats) != 8 || cats[0] != "生态建设" || cats[len(cats)-1] != "其他" {
		t.Fatalf("categories %v", cats)
	}
	var mode string
	must(t, db.SQL().QueryRow(`PRAGMA journal_mode`).Scan(&mode))
	var fk, sync int
	must(t, db.SQL().QueryRow(`PRAGMA foreign_keys`).Scan(&fk))
	must(t, db.SQL().QueryRow(`PRAGMA synchronous`).Scan(&sync))
	if mode != "wal" || fk != 1 || sync != 2 {
		t.Fatalf("journal_mode %s foreign_keys %d synchronous %d; want wal 1 2(FULL)", mode, fk, sync)
	}
}

// Every earlier schema version migrates to the current one, keeping its data.
func TestMigrateFromEachVersion(t *testing.T) {
	for from := 0; from < SchemaVersion(); from++ {
		t.Run(string(rune('0'+from)), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "old.db")
			old, err := sql.Open("sqlite", dsn(path))
			must(t, err)
			db := &DB{db: old, path: path}
			must(t, db.migrateTo(context.Background(), from))
			if from >= 1 {
				_, err := old.Exec(`INSERT INTO units (name, kind, created_at, updated_at) VALUES ('镇城建办', '镇属部门', 'x', 'x')`)
				must(t, err)
			}
			old.Close()
			var backups []int
			saved := BeforeMigrate
			BeforeMigrate = func(p string, f, to int) error { backups = append(backups, f); return saved(p, f, to) }
			defer func() { BeforeMigrate = saved }()
			cur, err := Open(path)
			must(t, err)
			defer cur.Close()
			var v int
			must(t, cur.SQL().QueryRow(`PRAGMA user_version`).Scan(&v))
			if v != SchemaVersion() {
				t.Fatalf("migrated to %d, want %d", v, SchemaVersion())
			}
			if from >= 1 {
				us, err := cur.Units(context.Background())
				must(t, err)
				if len(us) != 1 || us[0].Name != "镇城建办" {
					t.Fatalf("data lost in migration: %+v", us)
				}
				if len(backups) != 1 || backups[0] != from {
					t.Fatalf("BeforeMigrate calls %v, want [%d]", backups, from)
				}
				// The default hook left a checked copy of the old version in the backup folder.
				copies, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "备份", "old-*-升级前.db"))
				if len(copies) != 1 {
					t.Fatalf("pre-migration copies %v", copies)
				}
				res, err := CheckFile(context.Background(), copies[0])
				must(t, err)
				if res.Version != from || res.Counts["units"] != 1 {
					t.Fatalf("the copy is version %d with %d units, want %d and 1", res.Version, res.Counts["units"], from)
				}
			} else if len(backups) != 0 {
				t.Fatalf("a new database asked for a backup")
			}
			res, err := CheckFile(context.Background(), path)
			must(t, err)
			if !res.OK {
				t.Fatalf("check after migration: %v", res.Problems)
			}
		})
	}
}

func TestOpenRefusesForeignDamagedAndNewer(t *testing.T) {
	dir := t.TempDir()
	t.Run("Foreign", func(t *testing.T) {
		p := filepath.Join(dir, "other.db")
		o, _ := sql.Open("sqlite", p)
		_, err := o.Exec(`CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)`)
		must(t, err)
		o.Close()
		_, err = Open(p)
		wantErr(t, err, ESCHEMA, "不是人大工作台的数据库")
		res, err := CheckFile(context.Background(), p)
		must(t, err)
		if res.OK {
			t.Fatal("check accepted a foreign database")
		}
	})
	t.Run("Garbage", func(t *testing.T) {
		p := filepath.Join(dir, "garbage.db")
		must(t, os.WriteFile(p, []byte("这不是数据库文件。This is not a database, just some text that is long enough."), 0o600))
		_, err := Open(p)
		wantErr(t, err, ECORRUPT, "已损坏或不是数据库文件")
		_, err = CheckFile(context.Background(), p)
		wantErr(t, err, ECORRUPT)
	})
	t.Run("Newer", func(t *testing.T) {
		p := filepath.Join(dir, "newer.db")
		db, err := Open(p)
		must(t, err)
		_, err = db.SQL().Exec(`PRAGMA user_version = 99`)
		must(t, err)
		db.Close()
		_, err = Open(p)
		wantErr(t, err, ESCHEMA, "版本(99)比本程序", "新")
	})
}

func TestBackupAndCheck(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	f.item(t, "关于修缮青山村至河东村道路的建议", "2024-03-01")
	out := filepath.Join(t.TempDir(), "sub", "backup.db")
	must(t, f.db.Backup(ctx, out))
	st, err := os.Stat(out)
	must(t, err)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v, want 0600", st.Mode().Perm())
	}
	res, err := CheckFile(ctx, out)
	must(t, err)
	if !res.OK || res.Counts["suggestions"] != 1 || res.Counts["deputies"] != 3 || res.Version != SchemaVersion() {
		t.Fatalf("check of backup %+v", res)
	}
	wantErr(t, f.db.Backup(ctx, out), ECONFLICT, "已存在")
	wantErr(t, f.db.Backup(ctx, f.db.Path()), EINVALID, "不能是数据库文件本身")
	if _, err := os.Stat(out + ".part"); !os.IsNotExist(err) {
		t.Error("temporary file left behind")
	}

	// Overwrite bytes in the middle of a copy: integrity_check must notice.
	damaged := filepath.Join(t.TempDir(), "damaged.db")
	b, err := os.ReadFile(out)
	must(t, err)
	for i := 4096 + 100; i < 4096*3 && i < len(b); i++ {
		b[i] = 0xA5
	}
	must(t, os.WriteFile(damaged, b, 0o600))
	res, err = CheckFile(ctx, damaged)
	if err == nil && res.OK {
		t.Fatal("damaged file passed the check")
	}
	if _, err := CheckFile(ctx, filepath.Join(t.TempDir(), "missing.db")); ErrorCode(err) != ENOTFOUND {
		t.Fatalf("missing file: %v", err)
	}
}

// Migration 0005 dates the levels recorded before dates existed: a deputy of a term from the term's start; one
// without a term (or of a term without a start date) from the earliest day the records show them — never later
// than a meeting they attended or a suggestion they led, so that no past count loses them.
func TestMigrate0005FillsStartDates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v3.db")
	old, err := sql.Open("sqlite", dsn(path))
	must(t, err)
	db := &DB{db: old, path: path}
	must(t, db.migrateTo(context.Background(), 3))
	for _, q := range []string{
		`INSERT INTO terms (id, number, start_date, is_current, created_at, updated_at) VALUES (1, 18, '2021-12-01', 1, 'x', 'x'), (2, 17, NULL, 0, 'x', 'x')`,
		`INSERT INTO deputies (id, name, term_id, created_at, updated_at) VALUES
			(1, '有届', 1, '2024-05-01 10:00:00', 'x'),
			(2, '无届出席过', NULL, '2024-05-01 10:00:00', 'x'),
			(3, '无届', NULL, '2024-05-01 10:00:00', 'x'),
			(4, '届无日期', 2, '2024-05-01 10:00:00', 'x'),
			(5, '无届领衔', NULL, '2024-05-01 10:00:00', 'x')`,
		`INSERT INTO deputy_levels (deputy_id, level) VALUES (1, '镇级'), (1, '县级'), (2, '镇级'), (3, '镇级'), (4, '镇级'), (5, '镇级')`,
		`INSERT INTO meetings (id, kind, title, start_date, created_at, updated_at) VALUES (1, '视察', '视察道路', '2023-03-01', 'x', 'x')`,
		`INSERT INTO attendance (meeting_id, deputy_id, status) VALUES (1, 2, '出席')`,
		`INSERT INTO suggestions (number, year, seq, kind, period, source, lead_deputy_id, title, category, scope, received, created_at, updated_at)
			VALUES ('2022-001', 2022, 1, '建议、批评和意见', '闭会期间', '代表提出', 5, '关于路灯的建议', '城乡建设', '镇级', '2022-08-08', 'x', 'x')`,
	} {
		_, err := old.Exec(q)
		must(t, err)
	}
	old.Close()
	cur, err := Open(path)
	must(t, err)
	defer cur.Close()
	for _, c := range []struct {
		id    int64
		level string
		want  Date
	}{{1, LevelTown, "2021-12-01"}, {1, LevelCounty, "2021-12-01"}, {2, LevelTown, "2023-03-01"}, {3, LevelTown, "2024-05-01"},
		{4, LevelTown, "2024-05-01"}, {5, LevelTown, "2022-08-08"}} {
		d, err := cur.Deputy(context.Background(), c.id)
		must(t, err)
		if got := d.Start(c.level); got != c.want {
			t.Errorf("%s %s begins %q, want %s", d.Name, c.level, got, c.want)
		}
	}
	var n int
	must(t, cur.SQL().QueryRow(`SELECT count(*) FROM sqlite_schema WHERE name = 'deputy_levels_level'`).Scan(&n))
	if n != 1 {
		t.Error("the level index was not rebuilt")
	}
}
