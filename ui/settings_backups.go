package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/export"
	"rendadesk/store"
)

// settingsBackups lists the backups of the database — the automatic ones in the 「备份」 folder beside it
// (每日, 导入前, 升级前), the clerk's own (手动), and the files a restore kept aside — and makes, copies out and
// restores them.
type settingsBackups struct {
	t        *settingsTab
	list     *recordList[store.BackupInfo]
	all      []store.BackupInfo
	selected store.BackupInfo
	folder   *widget.Label
	failed   *widget.Label // 「最近一次自动备份失败：…」, hidden when the last backup went well
	restore  *widget.Button
	content  fyne.CanvasObject
}

func newSettingsBackups(t *settingsTab) *settingsBackups {
	b := &settingsBackups{t: t}
	cols := []column[store.BackupInfo]{
		{"备份时间", 190, "", func(x store.BackupInfo) string { return backupTimeText(x.Time) }},
		{"原因", 190, "", func(x store.BackupInfo) string { return backupReasonText(x.Reason) }},
		{"大小", 90, "", func(x store.BackupInfo) string { return settingsSizeText(x.Size) }},
		{"文件", 420, "", func(x store.BackupInfo) string { return filepath.Base(x.Path) }},
	}
	b.list = newRecordList(cols, func(offset, limit int, _ string, _ bool) ([]store.BackupInfo, int, error) {
		return settingsPage(b.all, offset, limit), len(b.all), nil
	}, func(x store.BackupInfo) {
		b.selected = x
		b.restore.Enable()
	})
	now := widget.NewButtonWithIcon("立即备份", theme.DocumentSaveIcon(), b.backupNow)
	now.Importance = widget.HighImportance
	to := widget.NewButtonWithIcon("备份到…", theme.DownloadIcon(), b.chooseFolder)
	b.restore = widget.NewButtonWithIcon("恢复所选备份", theme.HistoryIcon(), b.confirmRestore)
	b.restore.Disable()
	open := widget.NewButtonWithIcon("打开备份文件夹", theme.FolderOpenIcon(), b.openFolder)
	head := boldLabel("备份")
	note := widget.NewLabel("每天第一次打开程序时自动备份一次，导入数据和升级数据库之前也先自动备份。" +
		"每日备份保留最近 10 份和以前每个月的最后一份；导入前、升级前的备份保留 90 天(每种至少留最近一份)；手动备份一直保留。" +
		"备份和数据库在同一台电脑上，电脑损坏时会一起丢失，请定期用「备份到…」复制到U盘或其他电脑。")
	note.Wrapping = fyne.TextWrapWord
	b.folder = widget.NewLabel("")
	b.folder.Wrapping = fyne.TextWrapBreak
	b.folder.Selectable = true
	b.failed = newBackupFailedLabel()
	top := container.NewVBox(head, note, b.failed, b.folder, container.NewHBox(now, to, b.restore, open))
	b.content = container.NewBorder(top, b.list.status, nil, nil, b.list.table)
	return b
}

// reload re-reads the backup folder.
func (b *settingsBackups) reload() {
	path := b.t.d.db.Path()
	b.folder.SetText("备份文件夹：" + store.BackupDir(path))
	showBackupFailure(b.t.d, b.failed, b.content)
	all, err := store.ListBackups(path)
	b.all = all
	b.selected = store.BackupInfo{}
	b.restore.Disable()
	b.list.reload()
	if err != nil {
		b.list.status.SetText("读取备份文件夹出错：" + store.ErrorMessage(err))
	}
}

// backupNow makes a backup into the folder (手动), off the UI goroutine.
func (b *settingsBackups) backupNow() {
	d := b.t.d
	settingsBusy(d, "正在备份…", func() (string, error) {
		return d.db.SafetyBackup(d.ctx, store.BackupManual)
	}, func(out string) {
		b.reload()
		d.showBackupFailure() // a backup into the folder went well: the failure is gone
		dialog.ShowInformation("备份完成", "已备份到\n"+out, d.win)
	})
}

// chooseFolder asks for a folder (a USB stick, another disk) and backs up into it.
func (b *settingsBackups) chooseFolder() {
	d := b.t.d
	d.askFolder(store.FolderBackups, "选择备份到的文件夹(例如U盘)", func(dir string) {
		settingsBusy(d, "正在备份…", func() (string, error) {
			return settingsBackup(d, dir, time.Now())
		}, func(out string) {
			dialog.ShowInformation("备份完成", "已备份到\n"+out, d.win)
		})
	})
}

// settingsBusy runs work off the UI goroutine behind a progress dialog, then shows its error or calls done.
func settingsBusy(d *desk, title string, work func() (string, error), done func(string)) {
	prog := dialog.NewCustomWithoutButtons(title, widget.NewProgressBarInfinite(), d.win)
	prog.Resize(fyne.NewSize(400, 100))
	prog.Show()
	go func() {
		out, err := work()
		fyne.Do(func() {
			prog.Hide()
			if err != nil {
				d.showError(err)
				return
			}
			done(out)
		})
	}()
}

// confirmRestore names the chosen backup and says what happens to the current file before restoring it.
// The window closes the database, restores and reopens it through the start-up path (session.restoreFrom):
// every tab is rebuilt on the restored file, so none can show or save the replaced data. Forms with unsaved
// changes are saved or let go first, as the clerk answers (guard.go).
func (b *settingsBackups) confirmRestore() {
	x := b.selected
	if x.Path == "" {
		b.t.d.showError(errors.New("请先在列表中选择要恢复的备份"))
		return
	}
	b.t.d.leaveAll(func() { b.askRestore(x) })
}

// askRestore asks before restoring x.
func (b *settingsBackups) askRestore(x store.BackupInfo) {
	msg := fmt.Sprintf("确定要恢复 %s 的备份(%s)吗？\n%s\n\n"+
		"恢复后，数据回到备份时的样子，之后所做的修改不在其中。\n"+
		"现在的数据库文件不会删除：它会改名为「%s.恢复前-日期时间.db」保留在原处，需要时还能在这里恢复回来。\n"+
		"恢复时程序会先关闭数据库，恢复完成后自动重新打开。",
		backupTimeText(x.Time), backupReasonText(x.Reason), filepath.Base(x.Path),
		strings.TrimSuffix(filepath.Base(b.t.d.db.Path()), filepath.Ext(b.t.d.db.Path())))
	label := widget.NewLabel(msg)
	label.Wrapping = fyne.TextWrapWord
	dlg := dialog.NewCustomConfirm("恢复备份", "恢复", "取消", label, func(ok bool) {
		if !ok {
			return
		}
		b.t.d.sessionOf().restoreFrom(x, func(nd *desk) { nd.settings.showBackups() })
	}, b.t.d.win)
	dlg.Resize(fyne.NewSize(600, 320))
	dlg.Show()
}

// openFolder shows the backup folder in the system's file manager (made first, so there is one to show).
func (b *settingsBackups) openFolder() {
	dir := store.BackupDir(b.t.d.db.Path())
	if err := os.MkdirAll(dir, 0o700); err != nil {
		b.t.d.showError(fmt.Errorf("创建备份文件夹: %w", err))
		return
	}
	b.t.d.openLocal(dir)
}

// showBackups selects 设置 → 备份 (after a restore, where the clerk was).
func (t *settingsTab) showBackups() {
	t.d.showTab(t.sections)
	for _, it := range t.sections.Items {
		if it.Content == t.backups.content {
			t.sections.Select(it)
		}
	}
}

// newBackupFailedLabel is the line that says the last automatic backup failed (showBackupFailure fills it).
func newBackupFailedLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.DangerImportance
	l.TextStyle = fyne.TextStyle{Bold: true}
	l.Hide()
	return l
}

// showBackupFailure shows in l 「最近一次自动备份失败：…（时间）」 while the database keeps a failure of the
// daily backup (store.LastBackupFailure: until a backup into the folder succeeds), and hides l otherwise.
// When that changes whether l is shown, around (what holds l) is laid out again: a line appearing in a box
// already on screen takes its room only then.
func showBackupFailure(d *desk, l *widget.Label, around fyne.CanvasObject) {
	f, ok, err := d.db.LastBackupFailure(d.ctx)
	logError("读取自动备份的情况", err)
	was := l.Visible()
	if ok {
		l.SetText(backupFailureText(f))
		l.Show()
	} else {
		l.Hide()
	}
	if was != ok && around != nil {
		around.Refresh()
	}
}

// backupFailureText is 「最近一次自动备份失败：磁盘空间不足(…)（2026年12月5日 09:30）。请…」.
func backupFailureText(f store.BackupFailure) string {
	return fmt.Sprintf("最近一次自动备份失败：%s（%s）。请检查磁盘空间和备份文件夹，然后在「设置」→「备份」中点「立即备份」。",
		strings.TrimRight(f.Message, "。"), backupTimeText(f.Time))
}

// showBackupFailure updates the lines of 概览 and 设置 → 备份 about the last automatic backup.
func (d *desk) showBackupFailure() {
	showBackupFailure(d, d.overview.backupFailed, d.overview.content)
	showBackupFailure(d, d.settings.backups.failed, d.settings.backups.content)
}

// settingsBackup backs the database up into dir as <office>-备份-YYYYMMDD-HHMMSS.db and returns the path.
func settingsBackup(d *desk, dir string, now time.Time) (string, error) {
	s, err := d.db.Settings(d.ctx)
	if err != nil {
		return "", err
	}
	out := filepath.Join(dir, settingsBackupName(s.OfficeName, now))
	if err := d.db.Backup(d.ctx, out); err != nil {
		return "", err
	}
	return out, nil
}

// settingsBackupName is 青山镇人大主席团-备份-20240305-143000.db; characters no file system accepts are
// replaced with _, and a long office name is shortened (export.FileName).
func settingsBackupName(office string, now time.Time) string {
	if office = strings.TrimSpace(office); office == "" {
		office = "人大工作台"
	}
	return export.FileName(office, "-备份-"+now.Format("20060102-150405"), ".db")
}
