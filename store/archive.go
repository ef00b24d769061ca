package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// 报送存档 (SPEC §2.6, issue 13 §3): what was sent stays known. Every export of the yearly report, or of any
// period, keeps a version: the period and its as-of date, when and by whom, the whole figures result, the
// records behind each count (ArchiveBasis), and each file's name, size and SHA-256. A version can later be
// compared with the same period counted today (archive_compare.go), naming the records that make a number
// differ — what a county asking "why does your number differ from January's" needs.

// ArchiveVersion is the format of the figures and the basis a version keeps. Raise it when a field is added
// to Figures or ArchiveBasis; a comparison leaves out the figures an older version did not have (figureLine.since)
// instead of reading them as zero.
const ArchiveVersion = 1

// Where an export was made, as a version records it.
const (
	ArchiveViaWindow  = "报表"  // the 报表 tab
	ArchiveViaCommand = "命令行" // rendadesk export
)

// ReportVersion is one kept export (已报送版本).
type ReportVersion struct {
	ID             int64
	From, To, AsOf Date   // the period and the day it was counted as of
	MadeAt         string // when, local time 2006-01-02 15:04:05
	MadeBy         string // 制表人 in the settings of the day
	Via            string // ArchiveViaWindow or ArchiveViaCommand
	Version        int    // ArchiveVersion of the program that kept it
	Files          []ArchivedFile
	Figures        Figures // as exported

	// Compared is set when the version was counted again today (ReportVersionFilter.Compare); Changes then
	// lists the figures that differ now (none: today's count agrees), and Note says why a comparison could not
	// be made.
	Compared bool
	Changes  []FigureChange
	Note     string

	basis ArchiveBasis
}

// ArchivedFile is a file an export wrote, as it was written.
type ArchivedFile struct {
	Name   string // base name
	Size   int64
	SHA256 string // lower-case hex
}

// PeriodName is 「2025年」 for a calendar year, else 「2025年1月1日至2025年6月30日」.
func (v ReportVersion) PeriodName() string {
	if (Period{From: v.From, To: v.To}).IsYear() {
		return fmt.Sprintf("%d年", v.From.Year())
	}
	return v.From.Chinese() + "至" + v.To.Chinese()
}

// FileNames lists the files' names, 「、」 between them.
func (v ReportVersion) FileNames() string {
	names := make([]string, len(v.Files))
	for i, f := range v.Files {
		names[i] = f.Name
	}
	return strings.Join(names, "、")
}

// ArchiveBasis is what stands behind a version's counts: every suggestion of the window with the slice it fell
// in and the figure keys it counted in, the deputies in office on the day counted with their levels, and the
// meetings, stations, receptions and report-backs counted. Comparing it with today's names the records that
// entered or left a count.
type ArchiveBasis struct {
	HistoryID   int64            // the newest history entry when counted; later ones tell what changed
	Keys        []FigureKey      // the keys of ArchivedItem.Mask, bit i for Keys[i]
	Items       []ArchivedItem   // the suggestions received in the window, by id
	Deputies    []ArchivedRecord // on the roll of the day counted; Kind lists the levels held, 「、」 between
	Meetings    []ArchivedRecord // started in the window; Kind is the meeting's kind
	Stations    []ArchivedRecord // counted on the day counted (Figures.CountedOn)
	Receptions  []ArchivedRecord // in the window
	ReportBacks []ArchivedRecord // in the window
}

// ArchivedItem is a suggestion as a version counted it. Short JSON names: a year of a large county keeps
// thousands of them.
type ArchivedItem struct {
	ID       int64  `json:"id"`
	Number   string `json:"no"`
	Period   string `json:"p"`
	Kind     string `json:"k"`
	Category string `json:"c"`
	Source   string `json:"s"`
	Scope    string `json:"l"`
	UnitID   int64  `json:"u,omitempty"` // main unit among the items assigned by the as-of date
	Mask     uint64 `json:"m"`           // the keys it counted in
}

// ArchivedRecord is a deputy, meeting, station, reception or report-back a version counted.
type ArchivedRecord struct {
	ID    int64  `json:"id"`
	Label string `json:"n"`
	Kind  string `json:"k,omitempty"`
}

// has reports whether the item counted in key k (false for a key the version did not know).
func (b ArchiveBasis) has(it ArchivedItem, k FigureKey) bool {
	i := slices.Index(b.Keys, k)
	return i >= 0 && it.Mask&(1<<i) != 0
}

// basisItems reads the items of the window (figureRows) by id, each with the mask of the keys it counts in
// (bit i for keys[i], figureMask), and hands each one's outcome and grade (figureRows' own) to also when it
// is not nil. The rows are computed once (MATERIALIZED): each key's condition reads x.outcome or x.grade
// again, and a flattened subquery recomputed their correlated subqueries for every reference.
func (tx *Tx) basisItems(f Figures, keys []FigureKey, also func(it ArchivedItem, outcome, grade string)) ([]ArchivedItem, error) {
	var items []ArchivedItem
	err := collect(tx, `WITH x AS MATERIALIZED (`+figureRows+`)
		SELECT x.id, s.number, x.period, x.kind, x.category, x.source, x.scope, coalesce(x.unit_id, 0), x.outcome, x.grade, `+
		figureMask(f.SatisfiedBasic, keys)+` FROM x JOIN suggestions s ON s.id = x.id ORDER BY x.id`,
		[]any{f.AsOf, f.From, f.last()}, func(s scanner) error {
			var it ArchivedItem
			var outcome, grade string
			var mask int64
			if err := s.Scan(&it.ID, &it.Number, &it.Period, &it.Kind, &it.Category, &it.Source, &it.Scope, &it.UnitID,
				&outcome, &grade, &mask); err != nil {
				return err
			}
			it.Mask = uint64(mask)
			items = append(items, it)
			if also != nil {
				also(it, outcome, grade)
			}
			return nil
		})
	return items, err
}

// archiveBasis reads the records behind the figures f inside the transaction that counted them.
func (tx *Tx) archiveBasis(f Figures) (ArchiveBasis, error) { return tx.archiveBasisAnd(f, nil) }

// archiveBasisAnd is archiveBasis handing each item's figures (basisItems) to also, when it is not nil.
func (tx *Tx) archiveBasisAnd(f Figures, also func(it ArchivedItem, outcome, grade string)) (ArchiveBasis, error) {
	b := ArchiveBasis{Keys: slices.Clone(FigureKeys)}
	if len(b.Keys) > 64 {
		return b, fmt.Errorf("too many figure keys for a mask: %d", len(b.Keys))
	}
	err := tx.QueryRow(`SELECT coalesce(max(id), 0) FROM history`).Scan(&b.HistoryID)
	if err != nil {
		return b, err
	}
	if b.Items, err = tx.basisItems(f, b.Keys, also); err != nil {
		return b, fmt.Errorf("记录统计明细: %w", err)
	}
	day := f.CountedOn()
	held, err := tx.seatHeldOn("?1", day) // seatHeld(?1, ?1), the ended terms read once
	if err != nil {
		return b, err
	}
	records := func(q string, args []any, into *[]ArchivedRecord) error {
		return collect(tx, q, args, func(s scanner) error {
			var r ArchivedRecord
			err := s.Scan(&r.ID, &r.Label, &r.Kind)
			*into = append(*into, r)
			return err
		})
	}
	for _, r := range []struct {
		q    string
		args []any
		into *[]ArchivedRecord
	}{
		{`SELECT d.id, d.name, group_concat(l.level, '、') FROM deputies d JOIN deputy_levels l ON l.deputy_id = d.id
			WHERE ` + held + ` GROUP BY d.id ORDER BY d.id`, []any{day}, &b.Deputies},
		{`SELECT id, title, kind FROM meetings WHERE start_date BETWEEN ? AND ? ORDER BY id`, []any{f.From, day}, &b.Meetings},
		{`SELECT s.id, s.name, s.type FROM stations s WHERE ` + stationCounted("s.") + ` ORDER BY s.id`, []any{day}, &b.Stations},
		{`SELECT r.id, s.name || ' ' || r.date, '' FROM receptions r JOIN stations s ON s.id = r.station_id
			WHERE r.date BETWEEN ? AND ? ORDER BY r.id`, []any{f.From, day}, &b.Receptions},
		{`SELECT b.id, d.name || ' ' || b.date, b.form FROM report_backs b JOIN deputies d ON d.id = b.deputy_id
			WHERE b.date BETWEEN ? AND ? ORDER BY b.id`, []any{f.From, day}, &b.ReportBacks},
	} {
		if err := records(r.q, r.args, r.into); err != nil {
			return b, fmt.Errorf("记录统计明细: %w", err)
		}
	}
	return b, nil
}

// ArchiveReport keeps a version of an export: rep as LoadReport read it (its figures and their basis) and the
// files written from it, by path. via says where it was made (ArchiveViaWindow, ArchiveViaCommand). The files
// are read for their size and SHA-256 before anything is written; a file that cannot be read keeps nothing.
func (db *DB) ArchiveReport(ctx context.Context, rep ReportData, paths []string, via string) (ReportVersion, error) {
	v, err := newVersion(rep, via)
	if err != nil {
		return v, err
	}
	if v.Files, err = hashFiles(paths); err != nil {
		return v, err
	}
	tx, err := db.beginVersion(ctx, &v, rep)
	if err != nil {
		return v, err
	}
	defer tx.Rollback()
	return v, tx.keepVersion(v)
}

// ArchiveReportWhile keeps a version of an export as ArchiveReport does, while write makes the files and
// returns their paths: the figures and their basis are turned into JSON and written into the version's row
// (the bulk of the work: 7 MB for the stress year) while the files are being made, leaving only their
// checksums and the commit for after. It is one write transaction, committed once the files are written and
// read: when write fails nothing is kept and its error is returned; it is always waited for.
func (db *DB) ArchiveReportWhile(ctx context.Context, rep ReportData, via string, write func() ([]string, error)) (ReportVersion, error) {
	type written struct {
		paths []string
		err   error
	}
	done := make(chan written, 1)
	go func() {
		paths, err := write()
		done <- written{paths, err}
	}()
	v, err := newVersion(rep, via)
	var tx *Tx
	if err == nil {
		tx, err = db.beginVersion(ctx, &v, rep)
	}
	w := <-done
	if tx != nil {
		defer tx.Rollback()
	}
	if w.err != nil {
		return v, w.err
	}
	if err != nil {
		return v, err
	}
	if v.Files, err = hashFiles(w.paths); err != nil {
		return v, err
	}
	return v, tx.keepVersion(v)
}

// newVersion is the version of rep made via, without its files; an export without a period keeps nothing.
func newVersion(rep ReportData, via string) (ReportVersion, error) {
	f := rep.Figures
	v := ReportVersion{From: f.From, To: f.To, AsOf: f.AsOf, MadeBy: rep.Settings.ClerkName, Via: via,
		Version: ArchiveVersion, Figures: f, basis: rep.Basis}
	if f.From == "" || f.To == "" || f.AsOf == "" {
		return v, Errorf(EINVALID, "没有统计期间，无法记入报送存档")
	}
	return v, nil
}

// hashFiles reads the files at paths for their names, sizes and SHA-256, side by side.
func hashFiles(paths []string) ([]ArchivedFile, error) {
	if len(paths) == 0 {
		return nil, Errorf(EINVALID, "没有导出的文件，无法记入报送存档")
	}
	files := make([]ArchivedFile, len(paths))
	errs := make([]error, len(paths))
	var wg sync.WaitGroup
	for i, p := range paths {
		wg.Go(func() {
			if files[i], errs[i] = hashFile(p); errs[i] != nil {
				errs[i] = fmt.Errorf("计算文件 %s 的校验值: %w", filepath.Base(p), errs[i])
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}

// beginVersion begins the write transaction that keeps v and writes v's row (its figures and basis as JSON),
// setting v.ID and v.MadeAt; the caller commits it with keepVersion or rolls it back.
func (db *DB) beginVersion(ctx context.Context, v *ReportVersion, rep ReportData) (*Tx, error) {
	figures, err := json.Marshal(v.Figures)
	if err != nil {
		return nil, err
	}
	basis, err := json.Marshal(rep.Basis)
	if err != nil {
		return nil, err
	}
	tx, err := db.begin(ctx)
	if err != nil {
		return nil, err
	}
	v.MadeAt = tx.stamp()
	res, err := tx.Exec(`INSERT INTO report_archives (period_from, period_to, as_of, made_at, made_by, via, version, history_id,
		figures, basis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, v.From, v.To, v.AsOf, v.MadeAt, v.MadeBy, v.Via, v.Version,
		rep.Basis.HistoryID, string(figures), string(basis))
	if err != nil {
		tx.Rollback()
		return nil, fmt.Errorf("记入报送存档: %w", err)
	}
	v.ID, _ = res.LastInsertId()
	return tx, nil
}

// keepVersion writes v's files and commits the transaction beginVersion began.
func (tx *Tx) keepVersion(v ReportVersion) error {
	for i, af := range v.Files {
		if _, err := tx.Exec(`INSERT INTO report_archive_files (archive_id, seq, name, size, sha256) VALUES (?, ?, ?, ?, ?)`,
			v.ID, i+1, af.Name, af.Size, af.SHA256); err != nil {
			return fmt.Errorf("记入报送存档: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("记入报送存档: %w", err)
	}
	return nil
}

// hashFile reads a written file for its name, size and SHA-256.
func hashFile(path string) (ArchivedFile, error) {
	af := ArchivedFile{Name: filepath.Base(path)}
	fh, err := os.Open(path)
	if err != nil {
		return af, err
	}
	defer fh.Close()
	h := sha256.New()
	if af.Size, err = io.Copy(h, fh); err != nil {
		return af, err
	}
	af.SHA256 = hex.EncodeToString(h.Sum(nil))
	return af, nil
}

// ReportVersionFilter selects kept versions.
type ReportVersionFilter struct {
	Year    int  // versions whose period begins in that year; 0: all
	Compare bool // count each version's period again as of its date and list what differs (Changes)
}

// ReportVersions returns the kept versions, newest first. With Compare, each is compared with the same period
// counted today as of the same date, all in one read transaction.
func (db *DB) ReportVersions(ctx context.Context, f ReportVersionFilter) ([]ReportVersion, error) {
	var out []ReportVersion
	err := db.view(ctx, func(tx *Tx) error {
		var err error
		if out, err = tx.reportVersions(f.Year); err != nil {
			return err
		}
		if f.Compare {
			return tx.compareVersions(out)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("读取报送存档: %w", err)
	}
	return out, nil
}

// reportVersions reads the versions of a year (0: all), newest first, with their files.
func (tx *Tx) reportVersions(year int) ([]ReportVersion, error) {
	var out []ReportVersion
	w := &where{}
	if year != 0 {
		w.add(`substr(period_from, 1, 4) = ?`, fmt.Sprintf("%04d", year))
	}
	if err := collect(tx, `SELECT id, period_from, period_to, as_of, made_at, made_by, via, version, history_id, figures, basis
		FROM report_archives WHERE `+w.sql()+` ORDER BY id DESC`, w.args, func(s scanner) error {
		var v ReportVersion
		var figures, basis string
		if err := s.Scan(&v.ID, &v.From, &v.To, &v.AsOf, &v.MadeAt, &v.MadeBy, &v.Via, &v.Version, &v.basis.HistoryID,
			&figures, &basis); err != nil {
			return err
		}
		// Unknown fields (a newer program's) are skipped and missing ones stay zero: an old version still reads.
		if err := json.Unmarshal([]byte(figures), &v.Figures); err != nil {
			return Errorf(ECORRUPT, "报送存档第%d条的统计数据已损坏(%v)", v.ID, err)
		}
		if err := json.Unmarshal([]byte(basis), &v.basis); err != nil {
			return Errorf(ECORRUPT, "报送存档第%d条的统计明细已损坏(%v)", v.ID, err)
		}
		out = append(out, v)
		return nil
	}); err != nil {
		return nil, err
	}
	index := map[int64]*ReportVersion{}
	for i := range out {
		index[out[i].ID] = &out[i]
	}
	if len(out) == 0 {
		return out, nil
	}
	ids := make([]int64, len(out))
	for i, v := range out {
		ids[i] = v.ID
	}
	err := collect(tx, `SELECT archive_id, name, size, sha256 FROM report_archive_files WHERE archive_id IN (`+idList(ids)+`)
		ORDER BY archive_id, seq`, nil, func(s scanner) error {
		var id int64
		var af ArchivedFile
		if err := s.Scan(&id, &af.Name, &af.Size, &af.SHA256); err != nil {
			return err
		}
		if v := index[id]; v != nil {
			v.Files = append(v.Files, af)
		}
		return nil
	})
	return out, err
}
