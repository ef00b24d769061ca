package ui

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// startupTestFile makes an office database with one unit, its daily backup, and then a second unit that only
// the file has; it returns the path, closed.
func startupTestFile(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "office.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := db.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.OfficeName, s.Initialized = "青山镇人大主席团", true
	for _, err := range []error{
		db.SaveSettings(ctx, s),
		db.SaveUnit(ctx, &store.Unit{Name: "镇城建办", Kind: "镇属部门"}),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := db.DailyBackup(ctx); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveUnit(ctx, &store.Unit{Name: "备份之后的单位", Kind: "镇属部门"}); err != nil {
		t.Fatal(err)
	}
	return path
}

// startupTestStart runs the start-up path headless and cleans up after it: the database closed, the lock
// released, the background backup finished.
func startupTestStart(t *testing.T, path string) *session {
	t.Helper()
	lateCheckDelay = 0
	a := test.NewTempApp(t)
	s := start(a, path)
	t.Cleanup(func() {
		s.background.Wait()
		s.close()
	})
	return s
}

// startupTestUnits lists the units of the open database.
func startupTestUnits(t *testing.T, db *store.DB) string {
	t.Helper()
	us, err := db.Units(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, u := range us {
		names = append(names, u.Name)
	}
	return strings.Join(names, ",")
}

// startupLimit is how long the start-up tests wait: a restore checks and copies files and builds a whole new
// desk, which takes a while on a busy machine.
const startupLimit = 20 * time.Second

// startupTestDialog waits for the dialog on top of the window to offer the button named want.
func startupTestDialog(t *testing.T, w fyne.Window, want string) fyne.CanvasObject {
	t.Helper()
	var top fyne.CanvasObject
	waitUpTo(t, startupLimit, "a dialog with 「"+want+"」", func() bool {
		top = w.Canvas().Overlays().Top()
		return top != nil && findButton(top, want) != nil
	})
	return top
}

// damage overwrites part of a file: every page after the first with 0xFF, or the header with text.
func damage(t *testing.T, path string, header bool) []byte {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if header {
		copy(raw, bytes.Repeat([]byte("坏"), 40))
	} else {
		for i := 4096; i < len(raw); i++ {
			raw[i] = 0xFF
		}
	}
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	return raw
}

func TestStartupOpensGoodFileAndBacksUp(t *testing.T) {
	path := startupTestFile(t)
	if err := os.RemoveAll(store.BackupDir(path)); err != nil {
		t.Fatal(err)
	}
	s := startupTestStart(t, path)
	if _, ok := s.win.Content().(*container.AppTabs); !ok || s.db == nil {
		t.Fatalf("the window shows %T", s.win.Content())
	}
	if top := s.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("a dialog over a good file: %q", labelText(top))
	}
	s.background.Wait()
	list, err := store.ListBackups(path)
	if err != nil || len(list) != 1 || list[0].Reason != store.BackupDaily {
		t.Fatalf("after start the backups are %+v, %v", list, err)
	}
}

func TestStartupDamagedFileOffersRestore(t *testing.T) {
	for _, c := range []struct {
		name   string
		header bool
	}{{"Pages", false}, {"Header", true}} {
		t.Run(c.name, func(t *testing.T) {
			path := startupTestFile(t)
			damaged := damage(t, path, c.header)
			s := startupTestStart(t, path)
			top := startupTestDialog(t, s.win, "恢复最近的完好备份")
			for _, b := range []string{"选择其他数据库文件…", "退出"} {
				if findButton(top, b) == nil {
					t.Errorf("the dialog has no 「%s」", b)
				}
			}
			if text := labelText(top); !strings.Contains(text, "已损坏") || !strings.Contains(text, "最近的备份是") {
				t.Errorf("the dialog says %q", text)
			}
			if s.db != nil {
				t.Fatal("the damaged file was opened")
			}
			test.Tap(findButton(top, "恢复最近的完好备份"))
			waitUpTo(t, startupLimit, "the desk on the restored file", func() bool { return s.desk != nil })
			if got := startupTestUnits(t, s.db); got != "镇城建办" {
				t.Errorf("after the restore the units are %s, want the backup's", got)
			}
			if _, ok := s.win.Content().(*container.AppTabs); !ok {
				t.Errorf("the window shows %T, not the desk", s.win.Content())
			}
			info := startupTestDialog(t, s.win, "确定")
			if text := labelText(info); !strings.Contains(text, "已恢复") || !strings.Contains(text, ".恢复前-") {
				t.Errorf("the message after the restore says %q", text)
			}
			// The damaged file was kept aside as it was, not overwritten.
			kept, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "office.恢复前-*.db"))
			if len(kept) != 1 {
				t.Fatalf("kept aside: %v", kept)
			}
			if raw, _ := os.ReadFile(kept[0]); !bytes.Equal(raw, damaged) {
				t.Error("the kept file is not the damaged file as it was")
			}
		})
	}
}

// A newer program's file is not damaged: no restore is offered (an older backup would lose the newer work).
func TestStartupNewerFileOffersNoRestore(t *testing.T) {
	path := startupTestFile(t)
	conn, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, store.SchemaVersion()+1)); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	before, _ := os.ReadFile(path)
	s := startupTestStart(t, path)
	top := startupTestDialog(t, s.win, "选择其他数据库文件…")
	if text := labelText(top); !strings.Contains(text, "比本程序") || !strings.Contains(text, "新版程序") {
		t.Errorf("the dialog says %q", text)
	}
	if findButton(top, "恢复最近的完好备份") != nil {
		t.Error("restore is offered for a file that is not damaged")
	}
	// 退出 leaves the file as it was.
	quit := false
	s.quit = func() { quit = true }
	test.Tap(findButton(top, "退出"))
	if !quit {
		t.Error("退出 did not quit")
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the newer file was changed")
	}
}

func TestStartupWithoutGoodBackupSaysSo(t *testing.T) {
	path := startupTestFile(t)
	list, _ := store.ListBackups(path)
	for _, b := range list {
		damage(t, b.Path, false)
	}
	damaged := damage(t, path, false)
	s := startupTestStart(t, path)
	test.Tap(findButton(startupTestDialog(t, s.win, "恢复最近的完好备份"), "恢复最近的完好备份"))
	msg := startupTestDialog(t, s.win, "确定")
	if text := labelText(msg); !strings.Contains(text, "检查不通过") || !strings.Contains(text, "没有改动") {
		t.Errorf("the message says %q", text)
	}
	test.Tap(findButton(msg, "确定"))
	startupTestDialog(t, s.win, "选择其他数据库文件…") // back to the choices
	if raw, _ := os.ReadFile(path); !bytes.Equal(raw, damaged) {
		t.Error("the damaged file was changed")
	}
}

func TestStartupSwitchToOtherFile(t *testing.T) {
	path := startupTestFile(t)
	damage(t, path, true)
	other := startupTestFile(t)
	s := startupTestStart(t, path)
	startupTestDialog(t, s.win, "选择其他数据库文件…")
	s.switchTo(other, func() { t.Error("the other file was refused") })
	if s.db == nil || s.db.Path() != other {
		t.Fatalf("the session has %v", s.db)
	}
	// The lock moved with it: the damaged file is free, the other one held.
	if release, err := store.Lock(path); err != nil {
		t.Errorf("the first file is still locked: %v", err)
	} else {
		release()
	}
	if _, err := store.Lock(other); store.ErrorCode(err) != store.ECONFLICT {
		t.Errorf("the chosen file is not locked: %v", err)
	}
}

func TestStartupSecondWindowIsRefused(t *testing.T) {
	path := startupTestFile(t)
	release, err := store.Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	s := startupTestStart(t, path)
	top := startupTestDialog(t, s.win, "退出")
	if text := labelText(top); !strings.Contains(text, "已被另一个人大工作台窗口打开") {
		t.Errorf("the dialog says %q", text)
	}
	if findButton(top, "恢复最近的完好备份") != nil || s.db != nil {
		t.Error("a locked database was offered for restore or opened")
	}
}

// A large file opens at once and is checked in the background; a problem found there replaces the desk with
// the dialog.
func TestStartupLateCheckOfLargeFile(t *testing.T) {
	path := startupTestFile(t)
	conn, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	// A row pointing at a unit that does not exist: Open accepts the file, foreign_key_check does not.
	if _, err := conn.Exec(`INSERT INTO deputy_levels (deputy_id, level, start_date) VALUES (9999, '乡镇', '2024-01-01')`); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	saved := checkFirstMax
	checkFirstMax = 0
	defer func() { checkFirstMax = saved }()
	s := startupTestStart(t, path)
	top := startupTestDialog(t, s.win, "恢复最近的完好备份")
	if text := labelText(top); !strings.Contains(text, "外键检查") {
		t.Errorf("the dialog says %q", text)
	}
	if s.db != nil {
		t.Error("the database stayed open")
	}
}

func TestSettingsBackupsNowAndRestore(t *testing.T) {
	path := startupTestFile(t)
	s := startupTestStart(t, path)
	s.background.Wait() // the daily backup exists already; nothing new
	d := s.desk
	showSettingsSection(t, d, "备份")
	b := d.settings.backups
	if b.list.total != 1 || !strings.Contains(b.folder.Text, store.BackupDir(path)) {
		t.Fatalf("the list has %d backups, folder %q", b.list.total, b.folder.Text)
	}
	test.Tap(findButton(b.content, "立即备份"))
	test.Tap(findButton(startupTestDialog(t, s.win, "确定"), "确定"))
	if b.list.total != 2 {
		t.Fatalf("after 立即备份 the list has %d", b.list.total)
	}
	manual, _ := b.list.item(0)
	if size := b.list.columns[2].text(manual); manual.Reason != store.BackupManual || b.list.columns[1].text(manual) != "手动备份" ||
		!(strings.HasSuffix(size, " KB") || strings.HasSuffix(size, " MB")) { // the demo office is about 1 MB
		t.Fatalf("newest backup %+v", manual)
	}
	if err := d.db.SaveUnit(d.ctx, &store.Unit{Name: "恢复后应当消失", Kind: "镇属部门"}); err != nil {
		t.Fatal(err)
	}
	if !b.restore.Disabled() {
		t.Error("恢复所选备份 is enabled with nothing chosen")
	}
	daily, _ := b.list.item(1)
	b.list.table.Select(widget.TableCellID{Row: 1, Col: 0})
	test.Tap(b.restore)
	top := startupTestDialog(t, s.win, "恢复")
	if text := labelText(top); !strings.Contains(text, filepath.Base(daily.Path)) || !strings.Contains(text, "不会删除") {
		t.Errorf("the confirmation says %q", text)
	}
	test.Tap(findButton(top, "恢复"))
	info := startupTestDialog(t, s.win, "确定") // said once the new desk is up
	if text := labelText(info); !strings.Contains(text, "已恢复") || !strings.Contains(text, "office.恢复前-") {
		t.Errorf("the message after the restore says %q", text)
	}
	if s.desk == nil || s.desk == d {
		t.Fatal("no new desk after the restore")
	}
	if got := startupTestUnits(t, s.db); got != "镇城建办" {
		t.Errorf("after restoring the daily backup the units are %s", got)
	}
	nd := s.desk
	var reasons []string
	for i := 0; i < nd.settings.backups.list.total; i++ {
		x, _ := nd.settings.backups.list.item(i)
		reasons = append(reasons, x.Reason)
	}
	if len(reasons) != 3 || !slices.Contains(reasons, store.BackupRestore) { // daily, manual, and the file kept aside
		t.Errorf("the new list has %v", reasons)
	}
	if it := nd.settings.sections.Selected(); it == nil || it.Text != "备份" {
		t.Errorf("after the restore the settings show %v", it)
	}
}

// A refused restore (a damaged backup) leaves the desk as it was, open.
func TestSettingsRestoreRefusesDamagedBackup(t *testing.T) {
	d := testDesk(t, testDB(t, false))
	bad := filepath.Join(store.BackupDir(d.db.Path()), "t-20241130-120000-手动.db")
	if err := os.MkdirAll(filepath.Dir(bad), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, bytes.Repeat([]byte("坏"), 5000), 0o600); err != nil {
		t.Fatal(err)
	}
	showSettingsSection(t, d, "备份")
	b := d.settings.backups
	b.list.table.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(b.restore)
	test.Tap(findButton(startupTestDialog(t, d.win, "恢复"), "恢复"))
	msg := startupTestDialog(t, d.win, "确定")
	if text := labelText(msg); !strings.Contains(text, "没有恢复") && !strings.Contains(text, "损坏") {
		t.Errorf("the message says %q", text)
	}
	if d.session.desk != d || d.db == nil {
		t.Error("the desk was replaced")
	}
	if _, err := d.db.Settings(d.ctx); err != nil {
		t.Errorf("the database is no longer usable: %v", err)
	}
}
