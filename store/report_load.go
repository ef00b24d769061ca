package store

import (
	"context"
	"sync"
)

// ExportLock is the file's writer lock (Lock) taken by a process that reads the file and writes nothing to
// it while it reads — the command-line export, which holds it from before it reads until its files are kept
// in the 报送存档 (the only write, its own, after the reading). Every process that writes the file (a window,
// a writing command) holds that lock while it has the file open, so while an ExportLock is held the file
// stands still: read transactions begun at different moments see the same data, and LoadReportLocked reads
// the figures and the lists side by side on two connections.
type ExportLock struct {
	path    string // RealPath of the database file
	mu      sync.Mutex
	release func() // nil once released
}

// LockForExport takes the writer lock of the database at dbPath for a process that will read it and not
// write it meanwhile (see ExportLock). It is refused as Lock is: ECONFLICT while a window has the file open.
func LockForExport(dbPath string) (*ExportLock, error) {
	real, err := RealPath(dbPath)
	if err != nil {
		return nil, err
	}
	release, err := Lock(dbPath)
	if err != nil {
		return nil, err
	}
	return &ExportLock{path: real, release: release}, nil
}

// Release releases the lock; calling it again, or on nil, does nothing.
func (l *ExportLock) Release() {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.release != nil {
		l.release()
		l.release = nil
	}
}

// holds reports whether l is held, on the file at path.
func (l *ExportLock) holds(path string) bool {
	if l == nil {
		return false
	}
	real, err := RealPath(path)
	if err != nil {
		return false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.release != nil && l.path == real
}

// standsStill reports whether nobody can write what db reads while l is held: the file is l's, or db reads
// a private upgraded copy of an older file (OpenReadOnly), which no other connection knows of.
func (db *DB) standsStill(l *ExportLock) bool {
	return db.tmp != "" || l.holds(db.path)
}

// LoadReportLocked is LoadReport for a process holding the file still with l (nil: not held). Then the
// figures (about 60% of the work) are counted in one read transaction while the lists and the basis of the
// 报送存档 are read in another, on a second connection, and both see the same state of the file because
// nobody writes it. Otherwise — l nil or released, or another file's — it reads in one transaction, as
// LoadReport does: the window itself writes while its 报表 export runs, and a command without the lock
// (a window has the file) cannot know that nobody writes between two transactions.
func (db *DB) LoadReportLocked(ctx context.Context, l *ExportLock, from, to, asOf Date) (ReportData, error) {
	rep := ReportData{Made: db.Now()}
	f, err := db.figurePeriod(from, to, asOf)
	if err != nil {
		return rep, err
	}
	if !db.standsStill(l) {
		rep.reads = 1
		err = db.view(ctx, func(tx *Tx) error {
			if err := tx.reportFigures(&rep, f); err != nil {
				return err
			}
			return tx.reportLists(&rep, f)
		})
		return rep, err
	}
	rep.reads = 2
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var counted ReportData
	var countErr error
	var wg sync.WaitGroup
	wg.Go(func() {
		if countErr = db.view(ctx, func(tx *Tx) error { return tx.reportFigures(&counted, f) }); countErr != nil {
			cancel()
		}
	})
	if err = db.view(ctx, func(tx *Tx) error { return tx.reportLists(&rep, f) }); err != nil {
		cancel()
	}
	wg.Wait()
	rep.Figures, rep.Records = counted.Figures, counted.Records
	if countErr != nil {
		return rep, countErr
	}
	return rep, err
}
