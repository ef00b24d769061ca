package store

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// TestLoadReportLocked reads a demo office's year the way `rendadesk export` does (a read-only open) with and
// without the export lock: held, the figures and the lists come from two transactions side by side and must
// be exactly what one transaction reads; not held (a window has the file, the lock released, another file's
// lock) it must read in one transaction.
func TestLoadReportLocked(t *testing.T) {
	today := time.Date(2026, 6, 30, 12, 0, 0, 0, time.Local)
	w, _ := demoDB(t, DemoTownship, 1, today)
	path := w.Path()
	w.Close()
	ctx := context.Background()
	db, err := OpenReadOnly(path)
	must(t, err)
	defer db.Close()
	db.Now = func() time.Time { return today }
	from, to := YearPeriod(2025).From, YearPeriod(2025).To

	one, err := db.LoadReport(ctx, from, to, to)
	must(t, err)
	if one.reads != 1 {
		t.Fatalf("LoadReport used %d transactions, want 1", one.reads)
	}
	if one.Figures.All.Received == 0 || len(one.Ledger) == 0 || len(one.Records) == 0 || len(one.Basis.Items) == 0 ||
		len(one.Meetings) == 0 || len(one.Stations) == 0 || len(one.Deputies) == 0 {
		t.Fatalf("the demo year reads empty: %d received, %d ledger, %d records, %d basis items, %d meetings",
			one.Figures.All.Received, len(one.Ledger), len(one.Records), len(one.Basis.Items), len(one.Meetings))
	}
	load := func(t *testing.T, l *ExportLock) ReportData {
		t.Helper()
		rep, err := db.LoadReportLocked(ctx, l, from, to, to)
		must(t, err)
		return rep
	}
	same := func(t *testing.T, rep ReportData) {
		t.Helper()
		rep.reads = one.reads
		if !reflect.DeepEqual(rep, one) {
			a, _ := json.Marshal(one)
			b, _ := json.Marshal(rep)
			t.Fatalf("the report differs from one transaction's (JSON %d and %d bytes, equal: %v)", len(a), len(b), string(a) == string(b))
		}
	}

	t.Run("Held", func(t *testing.T) {
		l, err := LockForExport(path)
		must(t, err)
		defer l.Release()
		rep := load(t, l)
		if rep.reads != 2 {
			t.Fatalf("held: %d transactions, want 2 side by side", rep.reads)
		}
		same(t, rep)
	})
	t.Run("HeldThroughALink", func(t *testing.T) {
		link := filepath.Join(t.TempDir(), "link.db")
		if err := os.Symlink(path, link); err != nil {
			t.Skip("no symbolic links here:", err)
		}
		l, err := LockForExport(link)
		must(t, err)
		defer l.Release()
		if rep := load(t, l); rep.reads != 2 {
			t.Fatalf("held through a link: %d transactions, want 2", rep.reads)
		}
	})
	t.Run("WindowHasTheFile", func(t *testing.T) {
		release, err := Lock(path)
		must(t, err)
		defer release()
		l, err := LockForExport(path)
		if err == nil || ErrorCode(err) != ECONFLICT {
			l.Release()
			t.Fatalf("LockForExport while a window has the file: %v, want ECONFLICT", err)
		}
		rep := load(t, nil)
		if rep.reads != 1 {
			t.Fatalf("not held: %d transactions, want 1", rep.reads)
		}
		same(t, rep)
	})
	t.Run("Released", func(t *testing.T) {
		l, err := LockForExport(path)
		must(t, err)
		l.Release()
		if rep := load(t, l); rep.reads != 1 {
			t.Fatalf("released: %d transactions, want 1", rep.reads)
		}
		// Released, the lock is free for a window again.
		release, err := Lock(path)
		must(t, err)
		release()
	})
	t.Run("AnotherFilesLock", func(t *testing.T) {
		other := mustOpen(t)
		l, err := LockForExport(other.Path())
		must(t, err)
		defer l.Release()
		if rep := load(t, l); rep.reads != 1 {
			t.Fatalf("another file's lock: %d transactions, want 1", rep.reads)
		}
	})
	t.Run("OlderFileReadThroughItsCopy", func(t *testing.T) {
		// An older file is read through a private upgraded copy, which nobody else writes: side by side, on two
		// of the copy's connections, without the lock.
		old := filepath.Join(t.TempDir(), "old.db")
		oldDatabase(t, old, SchemaVersion()-1)
		odb, err := OpenReadOnly(old)
		must(t, err)
		defer odb.Close()
		if odb.ReadOnlyNote() == "" {
			t.Fatal("the older file was not read through a copy")
		}
		odb.Now = db.Now
		single, err := odb.LoadReport(ctx, from, to, to)
		must(t, err)
		rep, err := odb.LoadReportLocked(ctx, nil, from, to, to)
		must(t, err)
		if single.reads != 2 || rep.reads != 2 {
			t.Fatalf("the copy: %d and %d transactions, want 2", single.reads, rep.reads)
		}
		if !reflect.DeepEqual(rep, single) {
			t.Fatal("the copy read twice differs")
		}
	})
}
