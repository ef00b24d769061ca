package ui

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// checkFirstMax is the size of the largest file checked (store.CheckFile: integrity_check, foreign keys)
// before it is opened. A township's file is a few MB and checks in well under a second; the stress dataset
// (≈ 250 MB) takes several seconds, which would break the cold-start budget of SPEC §9, so a larger file opens
// at once and is checked in the background, the window giving way to the problem dialog if it is damaged.
// (A file too damaged to open at all is caught by store.Open either way.)
var checkFirstMax int64 = 16 << 20

// lateCheckDelay lets the window paint and settle before the background work (the check of a large file, the
// daily backup) starts reading the whole file; tests set it to 0.
var lateCheckDelay = 3 * time.Second

// session is one window's hold on one database file: its lock, the open store and the desk built on it. The
// start, 「选择其他数据库文件…」 and every restore go through open, so a restored or chosen file gets the same
// checks as the one the program started with, and a restore simply builds a new desk on the restored file
// (no tab keeps a handle to the old store).
type session struct {
	app     fyne.App
	win     fyne.Window
	ctx     context.Context
	cancel  context.CancelFunc
	path    string
	release func() // the lock of path; nil when not held (headless tests)
	db      *store.DB
	desk    *desk
	// stopDB cancels the background work on db (the late check, the daily backup) when it is closed.
	stopDB  context.CancelFunc
	quit    func() // app.Quit; tests replace it
	problem error  // what the problem dialog on screen is about
	// background counts the goroutines of the session (restores, the late check, the daily backup), so
	// that tests can wait for them.
	background sync.WaitGroup
	// filled is set once the window shows something: the placeholder or the desk (fillWindow).
	filled bool
	// waitPaint is set until the window's first frame is on the screen (painted), while a desk's first
	// reads wait for it; only Start sets it.
	waitPaint bool
}

// newSession makes the window: the title, icon, size and, until a database supplies the clerk's text size,
// the standard theme with the bundled Chinese font.
func newSession(a fyne.App, path string) *session {
	registerTranslations()
	a.SetIcon(appIcon)
	a.Settings().SetTheme(newTheme(""))
	w := a.NewWindow("人大工作台")
	w.Resize(fyne.NewSize(1280, 720)) // fits the 1366×768 screens common in offices
	ctx, cancel := context.WithCancel(context.Background())
	s := &session{app: a, win: w, ctx: ctx, cancel: cancel, path: path, quit: a.Quit}
	return s
}

// Start runs the start-up of SPEC §10 for the database at path and returns the window to show and the
// function that closes the database and releases its lock once the window is gone:
//
//  1. take the single-instance lock (store.Lock); another window on the same file → a message and 退出;
//  2. when the file exists, store.CheckFile (integrity, our schema, not newer; see checkFirstMax);
//  3. a damaged, foreign or newer file → the problem dialog: 「恢复最近的完好备份」, 「选择其他数据库文件…」, 「退出」;
//     nothing is overwritten, and a restore keeps the current file aside;
//  4. store.Open, the desk, and the day's backup (store.DailyBackup) off the UI goroutine; a failure is shown
//     on 概览 and 设置 → 备份 until a backup succeeds.
func Start(a fyne.App, path string) (fyne.Window, func()) {
	// The window's live heap is small (≈ 50 MB with every tab of the stress database built: the fonts, the
	// pages of the lists) and it allocates in bursts (a tab's first read and paint). At Go's default of 100
	// the runtime keeps up to twice the live heap from the system, and the freed spans return slowly: 50
	// keeps ~35 MB less resident for a little more collecting (make bench). The command line keeps 100.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
	// Unpack the embedded fonts while the database is being opened (they are needed for the first frame;
	// on two cores this hides most of the ~0.1 s it takes).
	fontRegular.prefetch()
	fontBold.prefetch()
	s := startUnpainted(a, path)
	a.Lifecycle().SetOnStarted(s.painted)
	return s.win, s.close
}

// startUnpainted makes the session of a window about to be shown for the first time: its desk's first reads
// wait for painted (lazytabs.go). A window that is never shown (the tests' start) reads at once.
func startUnpainted(a fyne.App, path string) *session {
	s := newSession(a, path)
	s.waitPaint = true
	s.begin()
	return s
}

// start makes the session of a window that reads its tabs at once (the tests').
func start(a fyne.App, path string) *session {
	s := newSession(a, path)
	s.begin()
	return s
}

// benchStarted is what `make bench` runs once the first frame is on the screen, before anything else
// (benchhook.go sets it; nil in the clerk's build).
var benchStarted func()

// painted runs when the window's first frame is on the screen: Fyne's GLFW driver paints it inside Show and
// calls the lifecycle's started hook as its event loop starts, before it handles any event or fyne.Do.
// The desk's first reads run here, so the clerk sees the window at once, 概览's figures a moment later, and
// no click reaches a tab not yet read.
func (s *session) painted() {
	if benchStarted != nil {
		benchStarted()
	}
	s.waitPaint = false
	if s.desk != nil {
		s.desk.loadPending()
	}
}

// begin locks, checks and opens the file and fills the window.
func (s *session) begin() {
	defer s.fillWindow()
	release, err := store.Lock(s.path)
	if err != nil {
		s.refuse(err)
		return
	}
	s.release = release
	s.open()
}

// fillWindow shows the placeholder when the start did not put the desk or a problem in the window. The
// placeholder is not put there first: setting a window's content measures its text, which would wait for
// the fonts before the database is even opened, instead of unpacking them while it is.
func (s *session) fillWindow() {
	if !s.filled {
		s.showPlaceholder("")
	}
}

// close closes the database and releases the lock; background work is cancelled.
func (s *session) close() {
	s.cancel()
	cleanViewerCopies() // the attachments' read-only copies opened with the system viewer
	if db := s.takeDB(); db != nil {
		logError("关闭数据库", db.Close()) // the window is gone: the log is the only place left to say it
	}
	if s.release != nil {
		s.release()
		s.release = nil
	}
}

// takeDB takes the database away from the session and the desk (which must no longer be used) and cancels
// the background work on it; the caller closes it.
func (s *session) takeDB() *store.DB {
	db := s.db
	if s.desk != nil {
		s.desk.drafts.stop() // the drafts asked for are written before the database closes
	}
	s.db, s.desk = nil, nil
	if s.stopDB != nil {
		s.stopDB()
		s.stopDB = nil
	}
	return db
}

// showPlaceholder fills the window while there is no desk (behind a dialog, during a restore). The text wraps
// at the window's width and the whole scrolls, so that no text (a long path, a long reason) sets the
// window's size: content wider or taller than the screen once grew the window off it.
func (s *session) showPlaceholder(text string) {
	title := widget.NewLabelWithStyle("人大工作台", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	msg := widget.NewLabelWithStyle(text, fyne.TextAlignCenter, fyne.TextStyle{})
	msg.Wrapping = fyne.TextWrapWord
	s.win.SetContent(container.NewVScroll(container.NewVBox(layout.NewSpacer(), title, msg, layout.NewSpacer())))
	s.filled = true
}

// open checks the file at s.path, opens it and builds the desk; a problem shows the problem dialog instead,
// and what an interrupted restore left (restoreLeftovers) is explained and offered first.
func (s *session) open() {
	if s.restoreLeftovers() {
		return
	}
	late := false
	if st, err := os.Stat(s.path); err == nil && !st.IsDir() && st.Size() > checkFirstMax {
		late = true
	} else if err == nil {
		// The check reads the whole file on one core while this goroutine parses the window's fonts, which
		// the desk's first text waits for anyway.
		checked := make(chan error, 1)
		go func() { checked <- checkFile(s.ctx, s.path) }()
		if s.waitPaint {
			parseFonts()
		}
		if problem := <-checked; problem != nil {
			s.showProblem(problem)
			return
		}
	}
	db, err := store.Open(s.path)
	if err != nil {
		s.showProblem(err)
		return
	}
	s.db = db
	s.showDesk()
	s.afterOpen(db, late)
}

// checkFile runs store.CheckFile on path and returns what is wrong with it, as a coded error, or nil.
func checkFile(ctx context.Context, path string) error {
	res, err := store.CheckFile(ctx, path)
	if err != nil {
		return err
	}
	if res.OK || res.Empty {
		return nil
	}
	code := store.ECORRUPT
	if res.Version > res.Current || strings.Contains(strings.Join(res.Problems, ""), "不是人大工作台的数据库") {
		code = store.ESCHEMA
	}
	p := &checkProblem{err: store.Errorf(code, "%s", res.Summary())}
	if res.Findings > 0 {
		p.details = res.Problems
	}
	return p
}

// checkProblem is what the check found wrong with a file: a short Chinese summary (「完整性检查发现 37 处问题」)
// for the clerk, and the findings in SQLite's words for whoever repairs the file, shown collapsed.
type checkProblem struct {
	err     *store.Error
	details []string
}

func (p *checkProblem) Error() string { return p.err.Error() }

// Unwrap gives store.ErrorCode and store.ErrorMessage the coded summary.
func (p *checkProblem) Unwrap() error { return p.err }

// showDesk builds the desk on s.db; a database never set up gets the first-run dialog.
func (s *session) showDesk() {
	s.problem = nil
	s.desk = newDesk(s.app, s.win, s.db)
	s.filled = true
	s.desk.session = s
	if !s.waitPaint {
		s.desk.loadPending() // a restore or another file, in a window already shown
	}
	st, err := s.db.Settings(s.ctx)
	logError("读取设置", err) // newDesk has shown it (applySettings)
	if err == nil && !st.Initialized {
		// Shown once the window is up, so the dialog is centred on it.
		go fyne.Do(s.desk.firstRun)
	}
	s.desk.offerDrafts() // what a crash left unsaved, before the clerk works (drafts.go)
}

// afterOpen starts the background work on a freshly opened db, once the window has settled: for a large file
// the check that start-up skipped, then the day's backup. Neither stops the clerk; a failed backup is shown
// on 概览 and 设置 → 备份 (and logged); a program closed within those seconds makes its backup at the next start.
func (s *session) afterOpen(db *store.DB, late bool) {
	ctx, stop := context.WithCancel(s.ctx)
	s.stopDB = stop
	path := s.path
	s.background.Add(1)
	go func() {
		defer s.background.Done()
		select {
		case <-time.After(lateCheckDelay):
		case <-ctx.Done():
			return
		}
		if late {
			if problem := checkFile(ctx, path); problem != nil && ctx.Err() == nil {
				fyne.DoAndWait(func() {
					if ctx.Err() == nil { // db is still the session's
						logError("关闭损坏的数据库", s.takeDB().Close()) // the problem dialog says what matters
						s.showProblem(problem)
					}
				})
				return
			}
		}
		if _, _, err := db.DailyBackup(ctx); err != nil && ctx.Err() == nil {
			fyne.LogError("每日自动备份失败", err)
			// The store keeps the failure; 概览 and 设置 → 备份 say so until a backup succeeds.
			fyne.Do(func() {
				if ctx.Err() == nil && s.desk != nil {
					s.desk.showBackupFailure()
				}
			})
		}
	}()
}

// refuse tells the clerk that another window has the database (or that it cannot be locked) and offers only
// 退出: two windows on one file would overwrite each other's work.
func (s *session) refuse(err error) {
	title := "无法打开数据库"
	if store.ErrorCode(err) == store.ECONFLICT {
		title = "人大工作台已经打开"
	}
	s.showChoices(title, store.ErrorMessage(err), 240, []startupChoice{{"退出", theme.LogoutIcon(), func() { s.quit() }}})
}

// startupChoice is one button of a start-up dialog.
type startupChoice struct {
	label  string
	icon   fyne.Resource
	action func()
}

// showChoices shows a dialog, height tall, that only its buttons close; each button hides it and then acts.
// Shown from the UI goroutine once the window is up, so it is centred on the window.
func (s *session) showChoices(title, message string, height float32, choices []startupChoice) {
	s.showChoicesWithDetails(title, message, nil, height, choices)
}

// startupDetailsHeight is the height of the findings' list when it is opened: the dialog is made that much
// taller up front, so opening it changes neither the dialog's size nor the window's.
const startupDetailsHeight = 180

// showChoicesWithDetails is showChoices with details under the message: collapsed under 「详细信息」, and
// scrolling within a fixed height when opened, however many lines there are.
func (s *session) showChoicesWithDetails(title, message string, details []string, height float32, choices []startupChoice) {
	msg := widget.NewLabel(message)
	msg.Wrapping = fyne.TextWrapWord
	var body fyne.CanvasObject = container.NewVScroll(msg)
	if len(details) > 0 {
		lines := widget.NewLabel(strings.Join(details, "\n"))
		lines.Wrapping = fyne.TextWrapBreak
		lines.Selectable = true // the clerk can copy them for whoever repairs the file
		scroll := container.NewVScroll(lines)
		scroll.SetMinSize(fyne.NewSize(0, startupDetailsHeight))
		more := widget.NewAccordion(widget.NewAccordionItem(fmt.Sprintf("详细信息(检查结果原文，%d 行)", len(details)), scroll))
		body = container.NewBorder(nil, more, nil, nil, body)
		height += startupDetailsHeight + 40
	}
	dlg := dialog.NewCustomWithoutButtons(title, body, s.win)
	var buttons []fyne.CanvasObject
	for i, c := range choices {
		c := c
		b := widget.NewButtonWithIcon(c.label, c.icon, func() {
			dlg.Hide()
			c.action()
		})
		if i == 0 {
			b.Importance = widget.HighImportance
		}
		buttons = append(buttons, b)
	}
	dlg.SetButtons(buttons)
	go fyne.Do(func() {
		dlg.Show()
		dlg.Resize(fyne.NewSize(680, height))
	})
}

// showProblem explains why the file cannot be opened and offers the way out: the newest good backup, another
// file, or 退出. The file itself is left as it is.
func (s *session) showProblem(problem error) {
	if problem == errLeftovers {
		s.open()
		return
	}
	s.problem = problem
	// The window behind the dialog says it too.
	s.showPlaceholder(fmt.Sprintf("无法打开数据库文件：\n%s\n\n%s", s.path, store.ErrorMessage(problem)))
	title := "无法打开数据库文件"
	switch store.ErrorCode(problem) {
	case store.ECORRUPT:
		title = "数据库文件已损坏"
	case store.ESCHEMA:
		title = "不能用本程序打开这个数据库文件"
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "数据库文件：%s\n原因：%s\n\n", s.path, store.ErrorMessage(problem))
	if store.ErrorCode(problem) != store.ECORRUPT {
		// A newer program's file, another program's file, a folder without permission: the file is not
		// damaged, and putting an older backup in its place would lose the newer work.
		if store.ErrorCode(problem) == store.ESCHEMA {
			sb.WriteString("这个文件本身没有损坏，所以不提供恢复备份：如果它是新版人大工作台用过的，请用新版程序打开。\n")
		}
		sb.WriteString("可以选择其他数据库文件打开，或者退出程序。")
		s.showChoices(title, sb.String(), 300, []startupChoice{
			{"选择其他数据库文件…", theme.FolderOpenIcon(), s.chooseOther},
			{"退出", theme.LogoutIcon(), func() { s.quit() }},
		})
		return
	}
	var details []string
	var cp *checkProblem
	if errors.As(problem, &cp) {
		details = cp.details
	}
	backups, err := startupBackups(s.path)
	switch {
	case err != nil:
		fmt.Fprintf(&sb, "读取备份文件夹出错：%s\n", store.ErrorMessage(err))
	case len(backups) == 0:
		fmt.Fprintf(&sb, "没有找到这个数据库的备份(备份文件夹：%s)。\n", store.BackupDir(s.path))
	default:
		fmt.Fprintf(&sb, "最近的备份是 %s(%s)，共有 %d 份备份。\n", backupTimeText(backups[0].Time), backupReasonText(backups[0].Reason), len(backups))
		sb.WriteString("「恢复最近的完好备份」会找出最近一份检查无误的备份换上；现在的文件不会删除，会改名保留在原处。\n")
	}
	sb.WriteString("也可以选择其他数据库文件打开，或者退出程序。")
	s.showChoicesWithDetails(title, sb.String(), details, 380, []startupChoice{
		{"恢复最近的完好备份", theme.HistoryIcon(), s.restoreNewestGood},
		{"选择其他数据库文件…", theme.FolderOpenIcon(), s.chooseOther},
		{"退出", theme.LogoutIcon(), func() { s.quit() }},
	})
}

// restoreNewestGood restores the newest backup that passes store.CheckFile and opens it; when there is none,
// it says so and shows the problem dialog again.
//
// Files an earlier restore kept aside (恢复前) are not candidates: after a restore made on purpose from 设置 the
// kept file holds the data the clerk chose to leave, and bringing it back unasked would undo that choice.
// They stay in 设置 → 备份 for a deliberate restore.
func (s *session) restoreNewestGood() {
	bar := widget.NewProgressBarInfinite()
	prog := dialog.NewCustomWithoutButtons("正在查找并恢复最近的完好备份…", bar, s.win)
	prog.Resize(fyne.NewSize(420, 100))
	prog.Show()
	problem := s.problem
	s.background.Add(1)
	go func() {
		defer s.background.Done()
		var chosen store.BackupInfo
		var kept string
		var failed []string
		backups, err := startupBackups(s.path)
		for _, b := range backups {
			if err != nil {
				break
			}
			if res, cerr := store.CheckFile(s.ctx, b.Path); cerr != nil || !res.OK {
				logError("检查备份 "+b.Path, cerr) // the clerk is told which backups failed, the log why
				failed = append(failed, filepath.Base(b.Path))
				continue
			}
			if kept, err = store.Restore(s.ctx, s.path, b.Path); err == nil {
				chosen = b
			}
			break
		}
		fyne.Do(func() {
			prog.Hide()
			if err == nil && chosen.Path == "" {
				msg := "没有找到完好的备份，数据库没有改动。"
				if len(failed) > 0 {
					msg = fmt.Sprintf("%d 份备份都检查不通过(%s)，数据库没有改动。", len(failed), strings.Join(failed, "、"))
				}
				err = errors.New(msg)
			}
			if err != nil {
				s.problem = problem
				s.showError(err, func() { s.showProblem(problem) })
				return
			}
			s.open()
			if s.db != nil {
				s.tellRestored(chosen, kept)
			}
		})
	}()
}

// restoreLeftovers looks for what a restore that was interrupted (killed, a power cut) leaves beside the
// database, and when there is something, explains it and offers the data back, and returns true:
//
//   - the database is missing, but a copy of the backup being restored (恢复中) or a file a restore kept aside
//     (恢复前) lies beside it: never a new empty database (and its offer of demo data) in its place;
//   - the database is there, and so is the checked copy of the backup a restore did not get to put in place:
//     the restore can be finished, or the current data kept.
func (s *session) restoreLeftovers() bool {
	real, err := store.RealPath(s.path)
	if err != nil {
		return false
	}
	_, statErr := os.Stat(real)
	missing := errors.Is(statErr, fs.ErrNotExist)
	if _, err := os.Stat(store.RestorePart(real)); !missing && err != nil {
		return false // the usual start: a database and no copy left over (checked without reading any file)
	}
	left, err := store.RestoreLeftovers(s.ctx, s.path)
	logError("查找上次恢复留下的文件", err)
	if missing && left.Part == "" && len(left.Aside) == 0 || !missing && left.Part == "" {
		return false
	}
	var sb strings.Builder
	var choices []startupChoice
	title := "上次恢复备份没有完成"
	if missing {
		title = "数据库文件不见了"
		fmt.Fprintf(&sb, "数据库文件：%s\n这个文件不存在，但它旁边有恢复备份时留下的文件：上次恢复备份没有完成(例如程序被强行关闭或者停电)。数据都还在，请选择要用哪一份：\n\n", s.path)
	} else {
		fmt.Fprintf(&sb, "数据库文件：%s\n上次恢复备份时程序被中断了(例如被强行关闭或者停电)，数据库仍是恢复之前的样子；要恢复的那份备份已经复制好，并且检查完好。\n\n", s.path)
	}
	if left.Part != "" {
		sb.WriteString("·「完成上次的恢复」：换上上次要恢复的那份备份。\n")
		choices = append(choices, startupChoice{"完成上次的恢复", theme.HistoryIcon(), func() {
			s.repair("正在完成上次的恢复…", func() (string, error) { return store.FinishRestore(s.ctx, s.path) },
				"已完成上次的恢复，换上了上次要恢复的那份备份。")
		}})
	}
	if missing && len(left.Aside) > 0 {
		aside := left.Aside[0]
		fmt.Fprintf(&sb, "·「恢复为恢复前的数据」：换回上次恢复之前的数据库(%s 保留的 %s)。\n", backupTimeText(aside.Time), filepath.Base(aside.Path))
		choices = append(choices, startupChoice{"恢复为恢复前的数据", theme.HistoryIcon(), func() {
			s.repair("正在恢复…", func() (string, error) { return store.Restore(s.ctx, s.path, aside.Path) },
				"已换回上次恢复之前的数据库("+filepath.Base(aside.Path)+"，这个文件仍保留在原处)。")
		}})
	}
	if missing {
		sb.WriteString("\n程序不会在这里新建空的数据库。也可以选择其他数据库文件打开，或者退出程序。")
		choices = append(choices, startupChoice{"选择其他数据库文件…", theme.FolderOpenIcon(), s.chooseOther})
	} else {
		sb.WriteString("·「不恢复，继续使用现在的数据」：删除复制好的那份(原来的备份文件不受影响)，照常打开。\n")
		choices = append(choices, startupChoice{"不恢复，继续使用现在的数据", theme.CancelIcon(), func() {
			logError("删除上次恢复留下的副本", os.Remove(store.RestorePart(real)))
			s.open()
		}})
	}
	choices = append(choices, startupChoice{"退出", theme.LogoutIcon(), func() { s.quit() }})
	s.problem = errLeftovers
	s.showPlaceholder(title)
	s.showChoices(title, sb.String(), 380, choices)
	return true
}

// errLeftovers is the session's problem while the dialog of restoreLeftovers is up: going back to it (from
// 「选择其他数据库文件…」) looks again.
var errLeftovers = errors.New("上次恢复备份没有完成")

// repair runs a restore off the UI goroutine behind a progress bar, then opens the result as at start and
// says done (and where the replaced file was kept); a failure says why and goes back to the start's choices.
func (s *session) repair(busy string, restore func() (string, error), done string) {
	bar := widget.NewProgressBarInfinite()
	prog := dialog.NewCustomWithoutButtons(busy, bar, s.win)
	prog.Resize(fyne.NewSize(420, 100))
	prog.Show()
	s.background.Add(1)
	go func() {
		defer s.background.Done()
		kept, err := restore()
		fyne.Do(func() {
			prog.Hide()
			if err != nil {
				s.showError(err, s.open)
				return
			}
			s.open()
			if s.db != nil {
				msg := done
				if kept != "" {
					msg += "\n原来的数据库文件没有删除，已改名保留为：\n" + kept
				}
				dialog.ShowInformation("恢复完成", msg, s.win)
			}
		})
	}()
}

// startupBackups lists the backups the problem dialog offers: all but the files kept aside by a restore.
func startupBackups(path string) ([]store.BackupInfo, error) {
	all, err := store.ListBackups(path)
	var out []store.BackupInfo
	for _, b := range all {
		if b.Reason != store.BackupRestore {
			out = append(out, b)
		}
	}
	return out, err
}

// tellRestored says which backup is now in place and where the replaced file was kept.
func (s *session) tellRestored(b store.BackupInfo, kept string) {
	msg := fmt.Sprintf("已恢复 %s 的备份(%s)。", backupTimeText(b.Time), backupReasonText(b.Reason))
	if kept != "" {
		msg += "\n原来的数据库文件没有删除，已改名保留为：\n" + kept
	}
	dialog.ShowInformation("恢复完成", msg, s.win)
}

// showError shows an error in Chinese; then runs when it is closed.
func (s *session) showError(err error, then func()) {
	d := dialog.NewError(errors.New(store.ErrorMessage(err)), s.win)
	d.SetOnClosed(then)
	d.Show()
}

// chooseOther lets the clerk pick another database file; cancelling goes back to the problem dialog.
func (s *session) chooseOther() {
	problem := s.problem
	back := func() { s.showProblem(problem) }
	req := fileRequest{mode: openFile, title: "选择数据库文件", exts: []string{".db"}, typeName: "数据库文件",
		dir: filepath.Dir(absPath(s.path))}
	chooseFile(s.win, req, func(path string) {
		if path == "" {
			back()
			return
		}
		s.switchTo(path, back)
	})
}

// switchTo moves the session to the database at path: its lock first (the old one is kept until then), then
// the same checks as at start. A refused lock calls back.
func (s *session) switchTo(path string, back func()) {
	if absPath(path) != absPath(s.path) || s.release == nil {
		release, err := store.Lock(path)
		if err != nil {
			s.showError(err, back)
			return
		}
		if s.release != nil {
			s.release()
		}
		s.release = release
	}
	s.path = path
	s.open()
}

func absPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}

// restoreFrom puts the backup b in place of the open database: it checks b first (a bad one is refused while
// everything stays open), then takes the desk down, closes the database, store.Restore keeps the current file
// aside and copies b in, and open builds a new desk on the result, as at start. A failed restore reopens the
// file as it was. done, when set, runs on the new desk.
func (s *session) restoreFrom(b store.BackupInfo, done func(*desk)) {
	bar := widget.NewProgressBarInfinite()
	prog := dialog.NewCustomWithoutButtons("正在恢复备份…", bar, s.win)
	prog.Resize(fyne.NewSize(420, 100))
	prog.Show()
	s.background.Add(1)
	go func() {
		defer s.background.Done()
		res, err := store.CheckFile(s.ctx, b.Path)
		if err == nil && !res.OK {
			err = store.Errorf(store.ECORRUPT, "备份文件 %s 不能用，没有恢复：%s", filepath.Base(b.Path), res.Summary())
		}
		if err != nil {
			fyne.Do(func() {
				prog.Hide()
				s.showError(err, nil)
			})
			return
		}
		var old *store.DB
		fyne.DoAndWait(func() {
			// No tab may touch the store while it is closed and replaced.
			old = s.takeDB()
			s.showPlaceholder("正在恢复备份…")
		})
		if old != nil {
			logError("恢复备份前关闭数据库", old.Close()) // store.Restore says whether the file could be replaced
		}
		kept, err := store.Restore(s.ctx, s.path, b.Path)
		fyne.Do(func() {
			prog.Hide()
			s.open()
			if err != nil {
				s.showError(err, nil)
				return
			}
			if s.desk != nil && done != nil {
				done(s.desk)
			}
			s.tellRestored(b, kept)
		})
	}()
}

// sessionOf returns the session of a desk, making one for a desk built without (headless tests).
func (d *desk) sessionOf() *session {
	if d.session == nil {
		ctx, cancel := context.WithCancel(context.Background())
		d.session = &session{app: d.app, win: d.win, ctx: ctx, cancel: cancel, path: d.db.Path(), db: d.db, desk: d, quit: d.app.Quit}
	}
	return d.session
}

// backupTimeText is 2026年11月23日 09:30.
func backupTimeText(t time.Time) string {
	return store.DateOf(t).Chinese() + " " + t.Format("15:04")
}

// backupReasonText says why a backup was made, in a clerk's words.
func backupReasonText(reason string) string {
	switch reason {
	case store.BackupDaily:
		return "每日自动备份"
	case store.BackupImport:
		return "导入前自动备份"
	case store.BackupMigrate:
		return "升级前自动备份"
	case store.BackupManual:
		return "手动备份"
	case store.BackupRestore:
		return "恢复备份前保留的原文件"
	}
	return reason
}
