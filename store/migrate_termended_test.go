package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

// Migration 0013: a database where a 换届 was made before 任期届满 existed — its leavers left 在任 with the
// town seat ended 届满 — reads them 任期届满 from that day; a deputy still holding a county seat stays 在任.
func TestMigrateTermEnded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := sql.Open("sqlite", dsn(path))
	must(t, err)
	db := &DB{db: old, path: path}
	must(t, db.migrateTo(context.Background(), 12))
	for _, q := range []string{
		`INSERT INTO deputies (id, name, created_at, updated_at) VALUES (1, '吴离任', 'x', 'x'), (2, '郑县级', 'x', 'x'), (3, '王连任', 'x', 'x')`,
		`INSERT INTO deputy_levels (deputy_id, level, start_date, end_date, end_reason) VALUES
			(1, '镇级', '2021-12-01', '2026-12-01', '届满'),
			(2, '镇级', '2021-12-01', '2026-12-01', '届满'), (2, '县级', '2022-01-01', NULL, ''),
			(3, '镇级', '2021-12-01', '2026-12-01', '届满'), (3, '镇级', '2026-12-01', NULL, '')`,
	} {
		_, err := old.Exec(q)
		must(t, err)
	}
	old.Close()
	cur, err := Open(path)
	must(t, err)
	defer cur.Close()
	for id, want := range map[int64]string{1: DeputyTermEnded + " 2026-12-01", 2: DeputyActive + " ", 3: DeputyActive + " "} {
		d, err := cur.Deputy(context.Background(), id)
		must(t, err)
		if got := d.Status + " " + string(d.VacancyDate); got != want {
			t.Errorf("%s after the migration: %q, want %q", d.Name, got, want)
		}
	}
}
