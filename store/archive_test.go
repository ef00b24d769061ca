package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// archiveYear exports a year the way the 报表 tab and `rendadesk export` do — LoadReport, files written from it —
// and keeps the version.
func archiveYear(tb testing.TB, db *DB, year int, via string) ReportVersion {
	tb.Helper()
	y := YearPeriod(year)
	rep, err := db.LoadReport(context.Background(), y.From, y.To, "")
	must(tb, err)
	dir := tb.TempDir()
	var paths []string
	for _, name := range []string{"青山镇人大主席团2024年度工作统计.xlsx", "报告文字稿.txt"} {
		p := filepath.Join(dir, name)
		must(tb, os.WriteFile(p, []byte(name+" 内容"), 0o600))
		paths = append(paths, p)
	}
	v, err := db.ArchiveReport(context.Background(), rep, paths, via)
	must(tb, err)
	return v
}

func setClock(db *DB, day string) {
	t, _ := time.ParseInLocation("2006-01-02 15:04", day, time.Local)
	db.Now = func() time.Time { return t }
}

func TestReportArchive(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	st, err := f.db.Settings(ctx)
	must(t, err)
	st.ClerkName = "刘秘书"
	must(t, f.db.SaveSettings(ctx, st))
	setClock(f.db, "2024-12-31 09:00")
	a := f.item(t, "关于修缮青山村道路的建议", "2024-03-01")
	b := f.item(t, "关于增设路灯的建议", "2024-04-01")
	must(t, f.db.Assign(ctx, a.ID, AssignInput{MainUnitID: f.unitA.ID, Date: "2024-03-05"}))
	must(t, f.db.Reply(ctx, a.ID, ReplyInput{Date: "2024-05-10", Method: "书面", Content: "正在施工。", Outcome: OutcomeSolving}))
	must(t, f.db.Assign(ctx, b.ID, AssignInput{MainUnitID: f.unitB.ID, Date: "2024-04-03"}))
	must(t, f.db.Reply(ctx, b.ID, ReplyInput{Date: "2024-06-10", Method: "见面", Content: "已安装。", Outcome: OutcomeSolved}))

	setClock(f.db, "2025-01-10 10:30")
	kept := archiveYear(t, f.db, 2024, ArchiveViaCommand)

	t.Run("Kept", func(t *testing.T) {
		vs, err := f.db.ReportVersions(ctx, ReportVersionFilter{Year: 2024, Compare: true})
		must(t, err)
		if len(vs) != 1 {
			t.Fatalf("%d versions of 2024, want 1", len(vs))
		}
		v := vs[0]
		sum := sha256.Sum256([]byte("报告文字稿.txt 内容"))
		if v.ID != kept.ID || v.PeriodName() != "2024年" || v.AsOf != "2024-12-31" || v.MadeAt != "2025-01-10 10:30:00" ||
			v.MadeBy != "刘秘书" || v.Via != ArchiveViaCommand || len(v.Files) != 2 || v.Files[1].Name != "报告文字稿.txt" ||
			v.Files[1].SHA256 != hex.EncodeToString(sum[:]) || v.Files[1].Size != int64(len("报告文字稿.txt 内容")) {
			t.Fatalf("kept %+v", v)
		}
		if v.Figures.All.Received != 2 || v.Figures.All.SolveRate != (Rate{1, 2}) {
			t.Fatalf("kept figures: received %d, 解决率 %v", v.Figures.All.Received, v.Figures.All.SolveRate)
		}
		if !v.Compared || len(v.Changes) != 0 {
			t.Fatalf("nothing changed, yet %v", v.Changes)
		}
		if vs, _ := f.db.ReportVersions(ctx, ReportVersionFilter{Year: 2025}); len(vs) != 0 {
			t.Fatalf("2025 has %d versions", len(vs))
		}
	})

	t.Run("TodaysRecordsChangeNothing", func(t *testing.T) {
		setClock(f.db, "2025-01-15 09:00")
		d := Deputy{Name: "钱新", Levels: []string{LevelTown}, TermID: f.term.ID, Seats: []Seat{{Level: LevelTown, Start: "2025-01-15"}}}
		must(t, f.db.SaveDeputy(ctx, &d))
		f.item(t, "关于新建广场的建议", "2025-01-15")
		vs, err := f.db.ReportVersions(ctx, ReportVersionFilter{Year: 2024, Compare: true})
		must(t, err)
		if len(vs[0].Changes) != 0 {
			t.Fatalf("records of 2025 changed the kept 2024: %v", vs[0].Changes)
		}
	})

	t.Run("ChangeInsideThePeriodIsNamed", func(t *testing.T) {
		// On 2025-01-20 the clerk records that the road was finished on 2024-12-20, and a by-election of 2024-06-01.
		setClock(f.db, "2025-01-20 14:00")
		must(t, f.db.FollowUp(ctx, a.ID, FollowUpInput{Date: "2024-12-20", Note: "道路已修好。", Outcome: OutcomeSolved}))
		by := Deputy{Name: "周补选", Levels: []string{LevelTown}, TermID: f.term.ID, Seats: []Seat{{Level: LevelTown, Start: "2024-06-01"}}}
		must(t, f.db.SaveDeputy(ctx, &by))
		vs, err := f.db.ReportVersions(ctx, ReportVersionFilter{Compare: true})
		must(t, err)
		var lines []string
		for _, c := range vs[0].Changes {
			lines = append(lines, c.String())
		}
		got := strings.Join(lines, "\n")
		for _, want := range []string{
			"解决率(全年) 50.0%(1/2) → 100.0%(2/2)：建议2024-001：2025-01-20录入跟踪办理 2024年12月20日：办理结果: 正在解决 → 已解决；道路已修好。",
			"正在解决占比(闭会期间) 50.0%(1/2) → 0.0%(0/2)：建议2024-001",
			"在任代表 3 → 4：代表「周补选」：2025-01-20新增(当选日期: 镇级 2024-06-01)",
			"在任镇级代表 3 → 4：代表「周补选」",
		} {
			if !strings.Contains(got, want) {
				t.Errorf("the changes do not say %q:\n%s", want, got)
			}
		}
		for _, not := range []string{"钱新", "收到件数", "2025-002"} {
			if strings.Contains(got, not) {
				t.Errorf("the changes name %q, which is of 2025:\n%s", not, got)
			}
		}
	})

	t.Run("DeletedAndRegrouped", func(t *testing.T) {
		setClock(f.db, "2025-01-21 09:00")
		s := f.get(t, b.ID)
		s.Category = "农业农村"
		must(t, f.db.SaveSuggestion(ctx, &s))
		vs, err := f.db.ReportVersions(ctx, ReportVersionFilter{Year: 2024, Compare: true})
		must(t, err)
		last := vs[0].Changes[len(vs[0].Changes)-1]
		if !strings.Contains(last.String(), "分项数字(类别、来源、层面、单位)有变化：建议2024-002：2025-01-21修改：类别: 城乡建设 → 农业农村") {
			t.Errorf("a category changed: %s", last)
		}
		must(t, f.db.DeleteSuggestion(ctx, b.ID))
		vs, err = f.db.ReportVersions(ctx, ReportVersionFilter{Year: 2024, Compare: true})
		must(t, err)
		if got := vs[0].Changes[0].String(); !strings.HasPrefix(got, "收到件数(全年) 2 → 1：建议2024-002：") || !strings.HasSuffix(got, "2025-01-21删除") {
			t.Errorf("a deleted item: %s", got)
		}
	})

	t.Run("VersionsOfOtherFormats", func(t *testing.T) {
		// A later program added a field: this one still reads the version. A version of a newer format is listed
		// but not compared.
		_, err := f.db.SQL().Exec(`UPDATE report_archives SET figures = json_set(figures, '$.FieldOfTheFuture', 7)`)
		must(t, err)
		vs, err := f.db.ReportVersions(ctx, ReportVersionFilter{Compare: true})
		must(t, err)
		if len(vs) != 1 || vs[0].Figures.All.Received != 2 || len(vs[0].Changes) == 0 {
			t.Fatalf("a version with an unknown field: %+v", vs)
		}
		_, err = f.db.SQL().Exec(`UPDATE report_archives SET version = ?`, ArchiveVersion+1)
		must(t, err)
		vs, err = f.db.ReportVersions(ctx, ReportVersionFilter{Compare: true})
		must(t, err)
		if len(vs) != 1 || vs[0].Changes != nil || !strings.Contains(vs[0].Note, "较新版本") {
			t.Fatalf("a version of a newer format: %+v", vs[0].Note)
		}
	})

	t.Run("ErrMissingFile", func(t *testing.T) {
		y := YearPeriod(2024)
		rep, err := f.db.LoadReport(ctx, y.From, y.To, "")
		must(t, err)
		_, err = f.db.ArchiveReport(ctx, rep, []string{filepath.Join(t.TempDir(), "没有这个文件.xlsx")}, ArchiveViaWindow)
		if err == nil || !strings.Contains(err.Error(), "没有这个文件.xlsx") {
			t.Fatalf("a missing file: %v", err)
		}
		if vs, _ := f.db.ReportVersions(ctx, ReportVersionFilter{}); len(vs) != 1 {
			t.Fatalf("a failed archive kept a version: %d", len(vs))
		}
	})
}
