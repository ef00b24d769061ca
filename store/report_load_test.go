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

// TestReportRecordsAsCountedAlone checks that the 履职档案 the report takes from its figures (T10 and 履职积分:
// the contact standings and what each deputy led, read once with the figures) are those deputyRecordsIn
// counts on its own for the same window, for a whole year and for a report date within it.
func TestReportRecordsAsCountedAlone(t *testing.T) {
	today := time.Date(2026, 6, 30, 12, 0, 0, 0, time.Local)
	db, _ := demoDB(t, DemoTownship, 1, today)
	ctx := context.Background()
	for _, c := range []struct {
		name           string
		from, to, asOf Date
	}{
		{"Year", "2025-01-01", "2025-12-31", "2025-12-31"},
		{"YearAsOfJune", "2025-01-01", "2025-12-31", "2025-06-30"},
		{"HalfYear", "2025-01-01", "2025-06-30", "2025-06-30"},
	} {
		t.Run(c.name, func(t *testing.T) {
			rep, err := db.LoadReport(ctx, c.from, c.to, c.asOf)
			must(t, err)
			var alone []DeputyRecord
			must(t, db.view(ctx, func(tx *Tx) error {
				var err error
				last := rep.Figures.CountedOn()
				alone, err = tx.deputyRecordsIn(c.from.Year(), string(c.from), string(last), string(rep.Figures.AsOf), 0)
				return err
			}))
			led := 0
			for _, r := range alone {
				led += r.Led
			}
			if len(alone) == 0 || led == 0 {
				t.Fatalf("the demo's records are empty: %d deputies, %d led", len(alone), led)
			}
			if !reflect.DeepEqual(rep.Records, alone) {
				for i := range alone {
					if i < len(rep.Records) && !reflect.DeepEqual(rep.Records[i], alone[i]) {
						t.Fatalf("%s's record differs: report %+v, alone %+v", alone[i].Deputy.Name, rep.Records[i], alone[i])
					}
				}
				t.Fatalf("the report has %d records, deputyRecordsIn %d", len(rep.Records), len(alone))
			}
		})
	}
}
