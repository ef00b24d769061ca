package cli

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rendadesk/store"
)

// `export` keeps a version; `reports` lists it with the files' checksums and, with --diff, says how today's
// count differs and why.
func TestReportsCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	if code, _, errOut := run("demo", "--db", db, "--seed", "1", "--today", "2024-11-30"); code != ExitOK {
		t.Fatalf("demo: %s", errOut)
	}
	if code, out, _ := run("reports", "--db", db); code != ExitOK || out != "报送存档中还没有版本(导出报表时自动记入)\n" {
		t.Fatalf("before any export: exit %d, %q", code, out)
	}
	out := filepath.Join(dir, "out")
	code, stdout, errOut := run("export", "--db", db, "--year", "2023", "--format", "txt", "--out", out)
	if code != ExitOK || !strings.Contains(stdout, "已记入报送存档: 2023年(截至2023年12月31日)，第 1 号") {
		t.Fatalf("export: exit %d, %q %q", code, stdout, errOut)
	}
	txt := filepath.Join(out, "青山镇人大主席团2023年度工作报告文字稿.txt")
	b, err := os.ReadFile(txt)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)

	code, stdout, _ = run("reports", "--db", db, "--year", "2023", "--diff")
	for _, want := range []string{"2023年的报送存档共 1 个版本", "第 1 号  2023年(截至2023年12月31日)", "导出(命令行",
		"文件 青山镇人大主席团2023年度工作报告文字稿.txt", "SHA-256 " + hex.EncodeToString(sum[:]),
		"今天按截至2023年12月31日重新统计，结果与这一版本相同"} {
		if code != ExitOK || !strings.Contains(stdout, want) {
			t.Errorf("reports --diff (exit %d) does not say %q:\n%s", code, want, stdout)
		}
	}

	// A deputy by-elected on 2023-06-01, entered now; and one elected today, who changes nothing of 2023.
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []store.Deputy{
		{Name: "周补选", Levels: []string{store.LevelTown}, Seats: []store.Seat{{Level: store.LevelTown, Start: "2023-06-01"}}},
		{Name: "钱今天", Levels: []string{store.LevelTown}},
	} {
		if err := s.SaveDeputy(context.Background(), &d); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	code, stdout, _ = run("reports", "--db", db, "--diff")
	for _, want := range []string{"有 2 项不同", "· 在任代表  ", "· 在任镇级代表  ", "代表「周补选」：", "新增(当选日期: 镇级 2023-06-01)"} {
		if code != ExitOK || !strings.Contains(stdout, want) {
			t.Errorf("reports --diff (exit %d) does not say %q:\n%s", code, want, stdout)
		}
	}
	if strings.Contains(stdout, "钱今天") {
		t.Errorf("a deputy elected today changed 2023:\n%s", stdout)
	}
	if code, stdout, _ = run("reports", "--db", db, "--year", "2024"); code != ExitOK || !strings.Contains(stdout, "2024年的报送存档中还没有版本") {
		t.Errorf("2024: exit %d, %q", code, stdout)
	}

	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"reports", "--db", db, "--year", "24"}, ExitUsage, "--year 应是年份"},
		{[]string{"reports", "--db", db, "2024"}, ExitUsage, "多余的参数"},
		{[]string{"reports", "--db", filepath.Join(dir, "没有.db")}, ExitError, "找不到数据库文件"},
	} {
		if code, _, errOut := run(c.args...); code != c.code || !strings.Contains(errOut, c.msg) {
			t.Errorf("%v: exit %d, %q", c.args, code, errOut)
		}
	}
}

// An export while a window holds the file still writes the files, and says it is not in the archive; so does an
// export of an older file, which is read without being changed.
func TestExportNotArchivedWhenItMayNotWrite(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	if code, _, errOut := run("demo", "--db", db, "--seed", "1", "--today", "2024-11-30"); code != ExitOK {
		t.Fatalf("demo: %s", errOut)
	}
	release, err := store.Lock(db) // as the window holds it
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	code, stdout, errOut := run("export", "--db", db, "--year", "2023", "--format", "txt", "--out", out)
	release()
	if code != ExitOK || !strings.Contains(stdout, "未记入报送存档") || !strings.Contains(stdout, "在窗口的「报表」中导出会自动记入") {
		t.Fatalf("export beside a window: exit %d, %q %q", code, stdout, errOut)
	}
	if _, err := os.Stat(filepath.Join(out, "青山镇人大主席团2023年度工作报告文字稿.txt")); err != nil {
		t.Errorf("the file was not written: %v", err)
	}
	if code, out, _ := run("reports", "--db", db); code != ExitOK || !strings.Contains(out, "还没有版本") {
		t.Errorf("reports after an unarchived export: exit %d, %q", code, out)
	}

	old := filepath.Join(dir, "old.db")
	oldSchemaFile(t, old)
	code, stdout, errOut = run("export", "--db", old, "--year", "2024", "--format", "txt", "--out", filepath.Join(dir, "out2"))
	if code != ExitOK || !strings.Contains(stdout, "未记入报送存档：数据库文件是旧版本") {
		t.Errorf("export of an older file: exit %d, %q %q", code, stdout, errOut)
	}
}
