package ui

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// breakIndexes rotates the root pages of the indexes of three large tables among themselves: the file opens,
// and PRAGMA integrity_check lists a finding for nearly every row — many hundreds of lines of SQLite's English.
func breakIndexes(t *testing.T, path string) {
	t.Helper()
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	rows, err := raw.Query(`SELECT name, rootpage FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL
		AND tbl_name IN ('attendance', 'suggestions', 'history') ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	var roots []int
	for rows.Next() {
		var n string
		var r int
		if err := rows.Scan(&n, &r); err != nil {
			t.Fatal(err)
		}
		names, roots = append(names, n), append(roots, r)
	}
	rows.Close()
	if _, err := raw.Exec(`PRAGMA writable_schema = ON`); err != nil {
		t.Fatal(err)
	}
	for i, n := range names {
		if _, err := raw.Exec(`UPDATE sqlite_schema SET rootpage = ? WHERE name = ?`, roots[(i+1)%len(roots)], n); err != nil {
			t.Fatal(err)
		}
	}
}

// A damaged file whose check lists many lines gets a short Chinese summary with the lines collapsed and
// scrolling in a fixed height: neither the dialog nor the window behind it takes its size from them.
func TestStartupIntegrityDialogSummarises(t *testing.T) {
	db := testDB(t, true)
	path := db.Path()
	if _, _, err := db.DailyBackup(context.Background()); err != nil {
		t.Fatal(err)
	}
	db.Close()
	breakIndexes(t, path)
	res, err := store.CheckFile(context.Background(), path)
	if err != nil || res.Findings < 500 {
		t.Fatalf("the damage gives %d findings (%v)", res.Findings, err)
	}
	s := startupTestStart(t, path)
	s.win.Resize(fyne.NewSize(1280, 720))
	top := startupTestDialog(t, s.win, "恢复最近的完好备份")
	text := labelText(top)
	if !strings.Contains(text, "原因："+res.Summary()) || !strings.HasPrefix(res.Summary(), "完整性检查发现 ") {
		t.Errorf("the dialog says %q", text[:min(len(text), 300)])
	}
	var acc *widget.Accordion
	walk(top, func(o fyne.CanvasObject) {
		if a, ok := o.(*widget.Accordion); ok {
			acc = a
		}
	})
	if acc == nil || len(acc.Items) != 1 || acc.Items[0].Open || !strings.Contains(acc.Items[0].Title, "详细信息") {
		t.Fatalf("the details are not a collapsed 「详细信息」: %+v", acc)
	}
	if !strings.Contains(labelText(acc.Items[0].Detail), "missing from index") {
		t.Errorf("the details do not hold the findings")
	}
	before := top.Size()
	acc.Open(0)
	if top.MinSize().Height > s.win.Canvas().Size().Height || top.MinSize().Width > s.win.Canvas().Size().Width {
		t.Errorf("opened, the dialog needs %v in a window of %v", top.MinSize(), s.win.Canvas().Size())
	}
	if after := top.Size(); after != before {
		t.Errorf("opening the details resized the dialog from %v to %v", before, after)
	}
	if min := s.win.Content().MinSize(); min.Width > 700 || min.Height > 400 {
		t.Errorf("the window's content asks for %v: it would grow the window", min)
	}
	if strings.Contains(labelText(s.win.Content()), "missing from index") {
		t.Error("the findings are behind the dialog, in the window itself")
	}
}

// restoreKillEnv tells the test binary, re-run as a child, to restore a backup and be killed after a step:
// "step|database|backup".
const restoreKillEnv = "RENDADESK_UI_TEST_RESTORE_KILL"

// TestRestoreKillChild is not a test: run as a child by the restore-gap tests, it restores and is killed
// (SIGKILL, as the task manager or a power cut ends it) right after the step named.
func TestRestoreKillChild(t *testing.T) {
	spec := os.Getenv(restoreKillEnv)
	if spec == "" {
		t.Skip("only run as a child process")
	}
	parts := strings.Split(spec, "|")
	store.RestoreStep = func(step string) {
		if step == parts[0] {
			p, _ := os.FindProcess(os.Getpid())
			p.Kill()
			select {}
		}
	}
	_, err := store.Restore(context.Background(), parts[1], parts[2])
	fmt.Println("not killed:", err)
	os.Exit(3)
}

func killRestore(t *testing.T, step, db, backup string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestRestoreKillChild$")
	cmd.Env = append(os.Environ(), restoreKillEnv+"="+step+"|"+db+"|"+backup)
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(err.Error(), "killed") {
		t.Fatalf("the restore was not killed at %s: %v\n%s", step, err, out)
	}
}

// The restore gap: a restore killed between keeping the current file aside and renaming the copy into place.
// The next start tells the clerk and offers both: finish the restore (the backup's data), or keep the data.
func TestStartupAfterRestoreKilledBetweenRenames(t *testing.T) {
	for _, c := range []struct{ choice, units, says string }{
		{"完成上次的恢复", "镇城建办", "已完成上次的恢复"},
		{"不恢复，继续使用现在的数据", "备份之后的单位,镇城建办", ""},
	} {
		t.Run(c.choice, func(t *testing.T) {
			path := startupTestFile(t)
			list, err := store.ListBackups(path)
			if err != nil || len(list) != 1 {
				t.Fatalf("backups %v %v", list, err)
			}
			killRestore(t, store.RestoreKeptAside, path, list[0].Path)
			s := startupTestStart(t, path)
			top := startupTestDialog(t, s.win, c.choice)
			if text := labelText(top); !strings.Contains(text, "上次恢复备份时程序被中断") {
				t.Errorf("the dialog says %q", text)
			}
			if s.db != nil {
				t.Fatal("the database was opened before the clerk chose")
			}
			test.Tap(findButton(top, c.choice))
			waitUpTo(t, startupLimit, "the desk", func() bool { return s.desk != nil })
			if got := startupTestUnits(t, s.db); got != c.units {
				t.Errorf("the units are %s, want %s", got, c.units)
			}
			if c.says != "" {
				if text := labelText(startupTestDialog(t, s.win, "确定")); !strings.Contains(text, c.says) {
					t.Errorf("the message says %q", text)
				}
			}
			if _, err := os.Stat(store.RestorePart(path)); err == nil {
				t.Error("the copy is still there")
			}
		})
	}
}

// A database file gone, with what a restore leaves beside it (here as the previous version left it when
// killed between its two renames: the file renamed to 恢复前, the copy not yet in place): the clerk is told,
// and offered the data back — never a new empty database with the offer of demo data.
func TestStartupMissingDatabaseOffersTheDataBack(t *testing.T) {
	for _, c := range []struct{ choice, units string }{
		{"完成上次的恢复", "镇城建办"},
		{"恢复为恢复前的数据", "备份之后的单位,镇城建办"},
	} {
		t.Run(c.choice, func(t *testing.T) {
			path := startupTestFile(t)
			list, _ := store.ListBackups(path)
			killRestore(t, store.RestoreCopied, path, list[0].Path)
			aside := filepath.Join(filepath.Dir(path), "office.恢复前-20241130-120000.db")
			if err := os.Rename(path, aside); err != nil {
				t.Fatal(err)
			}
			s := startupTestStart(t, path)
			top := startupTestDialog(t, s.win, c.choice)
			text := labelText(top)
			if !strings.Contains(text, "这个文件不存在") || !strings.Contains(text, "不会在这里新建空的数据库") {
				t.Errorf("the dialog says %q", text)
			}
			for _, b := range []string{"完成上次的恢复", "恢复为恢复前的数据", "选择其他数据库文件…", "退出"} {
				if findButton(top, b) == nil {
					t.Errorf("no 「%s」", b)
				}
			}
			if _, err := os.Stat(path); err == nil {
				t.Fatal("a new database file was made")
			}
			test.Tap(findButton(top, c.choice))
			waitUpTo(t, startupLimit, "the desk", func() bool { return s.desk != nil })
			if got := startupTestUnits(t, s.db); got != c.units {
				t.Errorf("the units are %s, want %s", got, c.units)
			}
			if info := startupTestDialog(t, s.win, "确定"); !strings.Contains(labelText(info), "恢复") {
				t.Errorf("the message says %q", labelText(info))
			}
			if _, err := os.Stat(aside); err != nil {
				t.Errorf("the file kept aside is gone: %v", err)
			}
		})
	}
}

// A daily backup that fails is shown on 概览 and in 设置 → 备份, not only logged, until a backup succeeds.
func TestStartupShowsAFailedDailyBackup(t *testing.T) {
	path := startupTestFile(t)
	dir := store.BackupDir(path)
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir, []byte("一个文件占了备份文件夹的名字"), 0o600); err != nil {
		t.Fatal(err)
	}
	s := startupTestStart(t, path)
	s.background.Wait()
	d := s.desk
	over, set := d.overview.backupFailed, d.settings.backups.failed
	waitUpTo(t, startupLimit, "the failure on 概览", func() bool { return over.Visible() })
	if !strings.HasPrefix(over.Text, "最近一次自动备份失败：") || !strings.Contains(over.Text, "（") {
		t.Errorf("概览 says %q", over.Text)
	}
	if over.Size().Height < 20 {
		t.Errorf("the line is shown but has no room (%v): the overview was not laid out again", over.Size())
	}
	showSettingsSection(t, d, "备份")
	if !set.Visible() || set.Text != over.Text {
		t.Errorf("设置 → 备份 says %q (visible %v)", set.Text, set.Visible())
	}
	// Still said after a restart, before the day's backup is tried again.
	s.close()
	s2 := startupTestStart(t, path)
	if !s2.desk.overview.backupFailed.Visible() {
		t.Error("the failure is forgotten at the next start")
	}
	s2.background.Wait()
	if err := os.Remove(dir); err != nil {
		t.Fatal(err)
	}
	d = s2.desk
	showSettingsSection(t, d, "备份")
	test.Tap(findButton(d.settings.backups.content, "立即备份"))
	test.Tap(findButton(startupTestDialog(t, s2.win, "确定"), "确定"))
	if d.overview.backupFailed.Visible() || d.settings.backups.failed.Visible() {
		t.Errorf("after a good backup: 概览 %q, 设置 %q", d.overview.backupFailed.Text, d.settings.backups.failed.Text)
	}
}
