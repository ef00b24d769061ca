// Package ui is the Fyne window of 人大工作台: theme, translations, the tabs (one file each), a few custom
// widgets and dialogs. It calls store for data and export for files, and holds no business rule that the
// command line also needs.
package ui

import (
	"cmp"
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/export"
	"rendadesk/store"
)

// recordTab is what every record tab offers the window.
type recordTab interface {
	tabItem() *container.TabItem
	newRecord() // Ctrl+N
	refresh()   // re-read from the store
}

// desk holds the window's parts.
type desk struct {
	app      fyne.App
	win      fyne.Window
	db       *store.DB
	ctx      context.Context
	tabs     *container.AppTabs
	overview *overviewTab
	records  []recordTab
	deputies *deputiesTab
	stations *stationsTab
	items    *suggestionsTab
	// petitions is 信访 (issue 18), after 建议.
	petitions *petitionsTab
	meetings  *meetingsTab
	super     *supervisionTab // 监督 (supervision.go)
	report    *reportTab
	settings  *settingsTab
	// county is 汇总, the window of a county database (county.go): it and 设置 are its only tabs.
	county *countyTab
	// session is the window's hold on the database file (startup.go); a restore goes through it.
	session *session
	// forms are the forms on screen, each with what it held when loaded or saved (guard.go); drafts writes
	// their unsaved values (drafts.go).
	forms  []*formState
	drafts *draftWriter
	// attach is the 附件 section of each record tab and the thumbnails decoded (attachments.go).
	attach attachState
	// deferred holds the content of each tab not yet chosen, put in when it first is (lazytabs.go).
	deferred map[*container.TabItem]fyne.CanvasObject
	// pending holds every tab's first read until the window's first frame is on the screen (lazytabs.go).
	pending []pendingLoad
}

func newDesk(a fyne.App, w fyne.Window, db *store.DB) *desk {
	d := &desk{app: a, win: w, db: db, ctx: context.Background(), deferred: map[*container.TabItem]fyne.CanvasObject{}}
	d.drafts = newDraftWriter(d.ctx, db)
	d.applySettings()
	d.overview = newOverviewTab(d)
	d.deputies = newDeputiesTab(d)
	d.stations = newStationsTab(d)
	d.items = newSuggestionsTab(d)
	d.petitions = newPetitionsTab(d)
	d.meetings = newMeetingsTab(d)
	d.super = newSupervisionTab(d)
	d.report = newReportTab(d)
	d.settings = newSettingsTab(d)
	d.records = []recordTab{d.deputies, d.stations, d.items, d.petitions, d.meetings, d.super}
	// The tabs are given to AppTabs at once, and every tab but the first with an empty page for its content
	// (lazytabs.go): its widgets are measured and rendered only when the tab is first chosen, at the size
	// the window then gives it.
	items := []*container.TabItem{d.overview.tabItem()}
	for _, t := range d.records {
		items = append(items, t.tabItem())
	}
	items = append(items, d.report.tabItem(), d.settings.tabItem())
	d.tabs = container.NewAppTabs(d.deferTabs(items)...)
	// Every tab's first read waits for loadPending (session.painted, after the first frame; lazytabs.go).
	d.addPending(d.overview.tabItem(), d.overview.refresh)
	for _, t := range d.records {
		d.addPending(t.tabItem(), t.refresh)
	}
	d.addPending(d.settings.tabItem(), d.settings.firstLoad)
	if cs, err := db.CountySettings(d.ctx); err == nil && cs.IsCounty() {
		d.becomeCounty()
	}
	d.tabs.OnSelected = func(it *container.TabItem) {
		d.buildTab(it)
		switch {
		case d.county != nil:
			if it == d.county.tabItem() {
				d.county.refresh()
			}
		case d.tabs.SelectedIndex() == 0:
			d.overview.refresh()
		case it == d.report.tabItem():
			d.report.refresh()
		}
	}
	w.SetContent(d.tabs)
	// Closing the window asks about every form with unsaved changes first (guard.go); a tab switch keeps
	// the forms as they are, so it need not ask.
	w.SetCloseIntercept(d.requestClose)
	w.SetOnDropped(d.dropFiles) // files dropped on the window are attached to the record shown (attachments.go)
	d.addShortcuts()
	d.maybeCaptureAndQuit() // RENDADESK_SCREENSHOTS=dir: make screenshot (-tags shots; else a no-op)
	return d
}

// onceTab is a tab's item, made on the first call: the window selects a tab by its item, so every call must
// give the one the window holds (a new item per call selected nothing). The item holds the content in a
// tabPage (tabpage.go); desk.tabContent finds it there.
func onceTab(item **container.TabItem, title string, content fyne.CanvasObject) *container.TabItem {
	if *item == nil {
		*item = container.NewTabItem(title, newTabPage(content))
	}
	return *item
}

// becomeCounty shows the window of a county database: 汇总 and 设置 only, since a county's database holds the
// townships' packages, not records of its own (issue 19).
func (d *desk) becomeCounty() {
	if d.county == nil {
		d.county = newCountyTab(d)
	}
	d.records = nil
	d.pending = slices.DeleteFunc(d.pending, func(p pendingLoad) bool { return p.item != d.settings.tabItem() })
	d.tabs.SetItems([]*container.TabItem{d.county.tabItem(), d.settings.tabItem()})
	d.tabs.SelectIndex(0)
	d.county.refresh()
}

// addShortcuts: Ctrl+N creates a record in the current tab; Ctrl+1…9 switch tabs, in their order; Ctrl+S saves
// the form the cursor is in (or the one on screen); Esc closes the dialog or pop-up on top (keys.go). They work
// while a text box has the cursor too: the window's text boxes hand them on (entry.go).
func (d *desk) addShortcuts() {
	d.addShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}, func() {
		if t := d.currentRecordTab(); t != nil {
			t.newRecord()
		}
	})
	for i, k := range []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9} {
		i := i
		d.addShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}, func() {
			if i < len(d.tabs.Items) {
				d.tabs.SelectIndex(i)
			}
		})
	}
	d.addShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}, d.saveShortcut)
	d.win.Canvas().SetOnTypedKey(d.typedKey)
}

// addShortcut adds s to the window, and makes it one the text boxes hand on.
func (d *desk) addShortcut(s fyne.Shortcut, run func()) {
	windowShortcuts.Store(s.ShortcutName(), true)
	d.win.Canvas().AddShortcut(s, func(fyne.Shortcut) { run() })
}

func (d *desk) currentRecordTab() recordTab {
	i := d.tabs.SelectedIndex() - 1
	if i >= 0 && i < len(d.records) {
		return d.records[i]
	}
	return nil
}

// applySettings sets the title and the theme (字号, 主题) from the office settings.
func (d *desk) applySettings() {
	s, err := d.db.Settings(d.ctx)
	if err != nil {
		d.showError(err)
		return
	}
	title := "人大工作台"
	if s.OfficeName != "" {
		title += " — " + s.OfficeName
	}
	d.win.SetTitle(title)
	d.app.Settings().SetTheme(settingsTheme(s))
}

// refreshAll re-reads every tab (after demo data, an import, a restore …).
func (d *desk) refreshAll() {
	d.loadPending() // the first reads still waiting (settings' layout too), then every tab is read again
	d.applySettings()
	for _, t := range d.records {
		t.refresh()
	}
	d.settings.refresh()
	d.overview.refresh()
	d.report.refreshIfShown()
}

// showError shows an error once, in Chinese.
func (d *desk) showError(err error) {
	dialog.ShowError(fmt.Errorf("%s", store.ErrorMessage(err)), d.win)
}

// logError logs err, when there is one, saying what was being read or done. It is for the failures a dialog
// would be wrong for: a refresh the clerk did not ask for, a re-read of counts after a save that went through,
// closing the database on the way out. What the clerk acts on shows its errors (showError, a form's message).
func logError(what string, err error) {
	if err != nil {
		fyne.LogError(what, err)
	}
}

// confirmDelete asks before deleting, naming the record; cancel keeps it. check (may be nil) says first
// whether the record can be deleted at all: a refusal (代表 with suggestions, a unit in use …) is said at once,
// before any question, and nothing is asked.
func (d *desk) confirmDelete(what, name string, check, del func() error) {
	if check != nil {
		if err := check(); store.ErrorCode(err) == store.ECONFLICT {
			// A refusal is an answer, not a failure: titled as one, and the message says what to do instead.
			dialog.ShowInformation("不能删除"+what, store.ErrorMessage(err), d.win)
			return
		} else if err != nil {
			d.showError(err)
			return
		}
	}
	d.askDelete("删除"+what, fmt.Sprintf("确定要删除%s「%s」吗？\n删除后不能恢复。", what, name), del)
}

// askDelete asks the question, and deletes when the clerk agrees; an error of the deletion is shown.
func (d *desk) askDelete(title, question string, del func() error) {
	dialog.ShowConfirm(title, question, func(ok bool) {
		if !ok {
			return
		}
		if err := del(); err != nil {
			d.showError(err)
		}
	}, d.win)
}

// openLocal asks the desktop to open a local file or folder (nothing goes over a network); when it cannot,
// the clerk is told where it is.
func (d *desk) openLocal(path string) {
	if !d.tryOpen(path) {
		dialog.ShowInformation("请手动打开", "系统没有打开它，请在文件管理器中打开：\n"+path, d.win)
	}
}

// tryOpen asks the desktop to open a local file or folder and reports whether it did; the system's reason
// when it did not (no file manager, …) is in English and goes to the log.
func (d *desk) tryOpen(path string) bool {
	if openNative(path) { // Windows: ShellExecute with the native path (open_windows.go)
		return true
	}
	u, err := url.Parse(storage.NewFileURI(path).String())
	if err == nil {
		err = d.app.OpenURL(u)
	}
	if err != nil {
		fyne.LogError("打开 "+path, err)
		return false
	}
	return true
}

// exportList asks where to save and writes the records as an .xlsx sheet, then offers to open it.
func (d *desk) exportList(title string, headers []string, rows [][]string) {
	d.askSavePath(store.FolderExports, title, ".xlsx", func(path string) {
		if err := export.ListXLSX(path, title, headers, rows); err != nil {
			d.showError(err)
			return
		}
		d.showWritten("导出完成", fmt.Sprintf("已导出 %d 条记录到", len(rows)), path)
	})
}

// exportRecords writes every record of a list's current filter and sort, as the list shows them.
func exportRecords[T any](d *desk, title string, l *recordList[T]) {
	rows, err := l.all()
	if err != nil {
		d.showError(err)
		return
	}
	h, cells := l.rowsText(rows)
	d.exportList(title, h, cells)
}

// toolbar is the row of buttons above a record list.
type toolbar struct {
	add, edit, del, export *widget.Button
	box                    *fyne.Container
}

func newToolbar(onAdd, onEdit, onDelete, onExport func()) *toolbar {
	t := &toolbar{
		add:    widget.NewButtonWithIcon("新增", theme.ContentAddIcon(), onAdd),
		edit:   widget.NewButtonWithIcon("编辑", theme.DocumentCreateIcon(), onEdit),
		del:    widget.NewButtonWithIcon("删除", theme.DeleteIcon(), onDelete),
		export: widget.NewButtonWithIcon("导出", theme.DownloadIcon(), onExport),
	}
	t.add.Importance = widget.HighImportance
	t.box = container.NewHBox(t.add, t.edit, t.del, t.export)
	return t
}

// recordFrame lays out a record tab: toolbar and search on top, filters under them, the list with its count
// on the left, the detail pane on the right.
func recordFrame(tb *toolbar, search *searchEntry, filters []fyne.CanvasObject, list fyne.CanvasObject, status *widget.Label, detail *fyne.Container) fyne.CanvasObject {
	if t, ok := list.(*widget.Table); ok {
		list = withTips(t) // a cell's whole text on hover
	}
	top := container.NewBorder(nil, nil, tb.box, nil, search)
	// The filters scroll sideways rather than widen the window: 建议's six filters are wider than the 1280
	// points the window opens at (1 372, more at a larger text size), and a window wider than the office's
	// 1366×768 screen hides its right edge (TestTabsFitTheWindow).
	filterRow := container.NewHScroll(container.NewHBox(filters...))
	left := container.NewBorder(nil, status, nil, nil, list)
	split := container.NewHSplit(left, detail)
	split.Offset = 0.55
	return container.NewBorder(container.NewVBox(top, filterRow), nil, nil, nil, split)
}

// labeled puts a small label before a filter widget, giving the widget room for its longest value
// (a Select is otherwise only as wide as 「全部」).
func labeled(label string, o fyne.CanvasObject) fyne.CanvasObject {
	min := o.MinSize()
	return container.NewHBox(widget.NewLabel(label), container.NewGridWrap(fyne.NewSize(max(150, min.Width), min.Height), o))
}

// filterBox is a labelled filter wide enough for its longer choices (a Select is only as wide as its
// placeholder, 全部, and would cut 社会保障和改善民生 to 社…): width, and at least 110 (「不予立案」, 「2026」
// with the select's arrow). Not labeled's 150: 建议's six filters then fit the window's 1280 points.
func filterBox(label string, sel *widget.Select, width float32) fyne.CanvasObject {
	return container.NewHBox(widget.NewLabel(label), fixedWidth(max(width, 110), sel))
}

// firstRun asks for the office name and the upper congress, then offers demo data or a blank start.
func (d *desk) firstRun() {
	office := newTextEntry() // our entry: Esc reaches the window (稍后再说) from the text box too
	office.SetPlaceHolder("例如：青山镇人大主席团")
	upper := newTextEntry()
	upper.SetPlaceHolder("例如：青川县人大常委会")
	kind := widget.NewRadioGroup(store.OfficeKinds, nil)
	kind.Horizontal = true
	kind.SetSelected(store.OfficeTownship)
	choice := widget.NewRadioGroup([]string{"载入示例数据", "空白开始"}, nil)
	choice.SetSelected("载入示例数据")
	const townshipNote = "示例数据是一个虚构乡镇三年的代表、联络站、建议和会议，便于先熟悉软件；正式使用请选择空白开始。"
	note := widget.NewLabel(townshipNote)
	note.Wrapping = fyne.TextWrapWord
	kind.OnChanged = func(k string) {
		if k == store.OfficeCounty {
			office.SetPlaceHolder("例如：青川县人大常委会")
			note.SetText("县(区)人大常委会用本程序汇总各乡镇的报送包。示例数据是一个虚构县20个乡镇上一年的报送包，便于先熟悉汇总；正式使用请选择空白开始。")
		} else {
			office.SetPlaceHolder("例如：青山镇人大主席团")
			note.SetText(townshipNote)
		}
	}
	items := []*widget.FormItem{
		widget.NewFormItem("本单位是", kind),
		widget.NewFormItem("单位名称", office),
		widget.NewFormItem("上级人大", upper),
		widget.NewFormItem("开始方式", choice),
		widget.NewFormItem("", note),
	}
	dlg := dialog.NewForm("欢迎使用人大工作台", "开始", "稍后再说", items, func(ok bool) {
		if !ok {
			return
		}
		if kind.Selected == store.OfficeCounty {
			d.startCounty(strings.TrimSpace(office.Text), choice.Selected == "载入示例数据")
			return
		}
		d.startWith(strings.TrimSpace(office.Text), strings.TrimSpace(upper.Text), choice.Selected == "载入示例数据")
	}, d.win)
	dlg.Resize(fyne.NewSize(600, 400))
	dlg.Show()
}

// startWith saves the office names and, when asked, loads the township demo off the UI goroutine.
func (d *desk) startWith(office, upper string, demo bool) {
	save := func() error {
		s, err := d.db.Settings(d.ctx)
		if err != nil {
			return err
		}
		if office != "" {
			s.OfficeName = office
		}
		if upper != "" {
			s.UpperCongress = upper
		}
		if s.OfficeName == "" {
			s.OfficeName = "本镇人大主席团"
		}
		s.Initialized = true
		return d.db.SaveSettings(d.ctx, s)
	}
	if !demo {
		if err := save(); err != nil {
			d.showError(err)
		}
		d.refreshAll()
		return
	}
	bar := widget.NewProgressBar()
	prog := dialog.NewCustomWithoutButtons("正在生成示例数据…", bar, d.win)
	prog.Resize(fyne.NewSize(400, 100))
	prog.Show()
	go func() {
		_, err := d.db.GenerateDemo(d.ctx, store.DemoOptions{Scale: store.DemoTownship, Seed: 1, Progress: func(done, total int) {
			fyne.Do(func() { bar.SetValue(float64(done) / float64(total)) })
		}})
		if err == nil {
			err = save()
		}
		fyne.Do(func() {
			prog.Hide()
			if err != nil {
				d.showError(fmt.Errorf("生成示例数据: %s", store.ErrorMessage(err)))
			}
			d.refreshAll()
		})
	}()
}

// startCounty makes the database a county's and shows its window; with the demo, the demo's townships'
// packages are written to a folder 报送包示例 beside the database and merged, off the UI goroutine.
func (d *desk) startCounty(office string, demo bool) {
	if !demo {
		cs := store.DefaultCountySettings()
		cs.OfficeKind = store.OfficeCounty
		err := d.db.SaveCountySettings(d.ctx, cs)
		if err == nil {
			var s store.Settings
			if s, err = d.db.Settings(d.ctx); err == nil {
				s.OfficeName = cmp.Or(office, "县人大常委会")
				s.UpperCongress, s.TownWord, s.BodyWord, s.Initialized = s.OfficeName, "乡镇", "常委会", true
				err = d.db.SaveSettings(d.ctx, s)
			}
		}
		if err != nil {
			d.showError(err)
		}
		d.applySettings()
		d.becomeCounty()
		return
	}
	bar := widget.NewProgressBar()
	prog := dialog.NewCustomWithoutButtons("正在生成示例数据(20个乡镇的报送包)…", bar, d.win)
	prog.Resize(fyne.NewSize(460, 100))
	prog.Show()
	dir := filepath.Join(filepath.Dir(d.db.Path()), "报送包示例")
	go func() {
		_, err := d.db.GenerateCountyDemo(d.ctx, store.CountyDemoOptions{Seed: 1, Packages: dir, Progress: func(done, total int) {
			fyne.Do(func() { bar.SetValue(float64(done) / float64(total)) })
		}})
		if err == nil && office != "" {
			var s store.Settings
			if s, err = d.db.Settings(d.ctx); err == nil {
				s.OfficeName, s.UpperCongress = office, office
				err = d.db.SaveSettings(d.ctx, s)
			}
		}
		fyne.Do(func() {
			prog.Hide()
			if err != nil {
				d.showError(fmt.Errorf("生成示例数据: %s", store.ErrorMessage(err)))
			}
			d.applySettings()
			d.becomeCounty()
			d.settings.refresh()
		})
	}()
}
