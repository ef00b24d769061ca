package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestArchiveReportWhile keeps a version while its files are written, as `rendadesk export` does: the version
// is what ArchiveReport keeps of the same files, it is seen by no one until the files are written and read,
// and a failed write or an unreadable file keeps nothing.
func TestArchiveReportWhile(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	setClock(f.db, "2024-12-31 09:00")
	a := f.item(t, "关于修缮青山村道路的建议", "2024-03-01")
	must(t, f.db.Assign(ctx, a.ID, AssignInput{MainUnitID: f.unitA.ID, Date: "2024-03-05"}))
	must(t, f.db.Reply(ctx, a.ID, ReplyInput{Date: "2024-05-10", Method: "书面", Content: "已修缮。", Outcome: OutcomeSolved}))
	setClock(f.db, "2025-01-10 10:30")
	y := YearPeriod(2024)
	rep, err := f.db.LoadReport(ctx, y.From, y.To, "")
	must(t, err)
	dir := t.TempDir()
	names := []string{"青山镇人大主席团2024年度工作统计.pdf", "青山镇人大主席团2024年度工作统计.xlsx", "报告文字稿.txt"}
	rewrite := func() ([]string, error) {
		var paths []string
		for i, name := range names {
			p := filepath.Join(dir, name)
			paths = append(paths, p)
			if err := os.WriteFile(p, []byte(strings.Repeat(name, 1000*(i+1))), 0o600); err != nil {
				return paths, err
			}
		}
		return paths, nil
	}
	// writeFiles writes the files as an export does, checking first that no version of the year can be read
	// while they are written.
	writeFiles := func(t *testing.T) ([]string, error) {
		if vs, err := f.db.ReportVersions(ctx, ReportVersionFilter{Year: 2024}); err != nil || len(vs) != 0 {
			t.Errorf("while the files are written, %d versions can be read (%v)", len(vs), err)
		}
		return rewrite()
	}
	versions := func(t *testing.T) []ReportVersion {
		t.Helper()
		vs, err := f.db.ReportVersions(ctx, ReportVersionFilter{Year: 2024})
		must(t, err)
		return vs
	}

	t.Run("WriteFails", func(t *testing.T) {
		full := errors.New("磁盘已满")
		_, err := f.db.ArchiveReportWhile(ctx, rep, ArchiveViaCommand, func() ([]string, error) {
			paths, _ := writeFiles(t)
			return paths, full
		})
		if !errors.Is(err, full) {
			t.Fatalf("a failed write: %v, want its error", err)
		}
		if vs := versions(t); len(vs) != 0 {
			t.Fatalf("a failed write kept %d versions", len(vs))
		}
	})
	t.Run("ErrUnreadableFile", func(t *testing.T) {
		_, err := f.db.ArchiveReportWhile(ctx, rep, ArchiveViaCommand, func() ([]string, error) {
			paths, err := writeFiles(t)
			return append(paths, filepath.Join(dir, "没有这个文件.txt")), err
		})
		if err == nil || !strings.Contains(err.Error(), "没有这个文件.txt") {
			t.Fatalf("an unreadable file: %v", err)
		}
		if vs := versions(t); len(vs) != 0 {
			t.Fatalf("an unreadable file kept %d versions", len(vs))
		}
	})
	t.Run("Kept", func(t *testing.T) {
		v, err := f.db.ArchiveReportWhile(ctx, rep, ArchiveViaCommand, func() ([]string, error) { return writeFiles(t) })
		must(t, err)
		vs := versions(t)
		if len(vs) != 1 || vs[0].ID != v.ID || vs[0].MadeAt != "2025-01-10 10:30:00" || vs[0].Via != ArchiveViaCommand ||
			vs[0].Figures.All.Received != 1 || vs[0].Figures.All.Solved != 1 || len(vs[0].Files) != len(names) {
			t.Fatalf("kept %+v", vs)
		}
		for i, af := range vs[0].Files {
			body, err := os.ReadFile(filepath.Join(dir, names[i]))
			must(t, err)
			sum := sha256.Sum256(body)
			if af.Name != names[i] || af.Size != int64(len(body)) || af.SHA256 != hex.EncodeToString(sum[:]) {
				t.Fatalf("file %d kept as %+v, written %d bytes", i+1, af, len(body))
			}
		}
		// The same files kept by ArchiveReport (the window's way) make the same version.
		paths, _ := rewrite()
		w, err := f.db.ArchiveReport(ctx, rep, paths, ArchiveViaCommand)
		must(t, err)
		vs = versions(t)
		if len(vs) != 2 || vs[0].ID != w.ID {
			t.Fatalf("%d versions after ArchiveReport", len(vs))
		}
		vs[0].ID = vs[1].ID
		if !reflect.DeepEqual(vs[0], vs[1]) {
			t.Fatalf("ArchiveReport kept %+v, ArchiveReportWhile %+v", vs[0], vs[1])
		}
	})
}
