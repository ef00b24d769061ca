package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/export"
	"rendadesk/store"
)

// The 导入 flow of a record tab (SPEC §6.7): choose a file or download the template; a preview of every row
// with what will happen to it and why; 「确认导入」 when no row has an error, and otherwise the choice between
// 「修改文件后重新导入」 and 「跳过有错误的行，导入其余 N 行」 (the rows left out written first to a workbook
// beside the file, to be corrected and imported in turn); a safety backup, then every row written in one
// transaction with a progress bar; the result, and the tabs re-read. Reading, checking and writing run off
// the UI goroutine.

// addImport puts an 「导入」 button for kind before the toolbar's 「导出」.
func (t *toolbar) addImport(d *desk, kind store.ImportKind) {
	// Forms with unsaved changes are saved or let go first (guard.go): the import may change their records.
	b := widget.NewButtonWithIcon("导入", theme.UploadIcon(), func() { d.leaveAll(func() { d.showImport(kind) }) })
	i := slices.Index(t.box.Objects, fyne.CanvasObject(t.export))
	if i < 0 {
		i = len(t.box.Objects)
	}
	t.box.Objects = slices.Insert(t.box.Objects, i, fyne.CanvasObject(b))
}

// importFlow is one run of the flow.
type importFlow struct {
	d      *desk
	kind   store.ImportKind
	file   string
	sheet  store.ImportSheet
	plan   *store.ImportPlan
	choice store.ImportChoice
	shown  []int // the plan rows the table shows (all, or only those with problems)

	busy    dialog.Dialog // reading or writing
	bar     *widget.ProgressBar
	preview dialog.Dialog
	counts  *widget.Label
	detail  *widget.Label
	table   *widget.Table
	dupes   *widget.RadioGroup
	onlyBad *widget.Check
	confirm *widget.Button
	fix     *widget.Button // 「修改文件后重新导入」, when some rows have errors
	skip    *widget.Button // 「跳过有错误的行，导入其余 N 行」, when some rows have errors and some have none
	buttons *fyne.Container
	flip    *widget.Button // switches the selected duplicate row between 跳过 and 更新
	current int            // the plan row selected in the table; -1 for none
	result  string         // the message shown when the import is done (or failed)
	skipped string         // where the rows left out were written, when they were
	step    chan struct{}  // closed when the work off the UI goroutine has been shown (tests wait on it)
	into    importInto     // where the rows go, for a kind that goes into a record (评议对象 of a campaign)
}

// importInto is the record an import goes into (the 评议活动 whose 评议对象 are imported), and what to show
// again once it is done.
type importInto struct {
	campaign int64
	note     string // what the first step adds for it (the campaign's name, how its rows are matched)
	done     func()
}

// Choices of the duplicates radio group.
const (
	dupSkip   = "跳过"
	dupUpdate = "更新已有记录"
)

// showImport opens the first step: what the import does, 「选择文件…」 and 「下载模板…」.
func (d *desk) showImport(kind store.ImportKind) { d.showImportInto(kind, importInto{}) }

// showImportInto is showImport for the rows of a record (into).
func (d *desk) showImportInto(kind store.ImportKind, into importInto) {
	what := map[store.ImportKind]string{
		store.ImportDeputies:    "「姓名」「出生年月」「代表小组」",
		store.ImportStations:    "「名称」「类型」「所在村(居)」",
		store.ImportSuggestions: "「标题」「领衔代表」「类别」「收到日期」",
		// 整改事项 (issue 17).
		store.ImportRectifications: "「整改事项」「责任单位」「整改阶段」「提出日期」",
		store.ImportEvalTargets:    "「被评议单位」「类别」「职务」「发出票数」「有效票数」「满意(优秀)票」",
		// 信访登记台账 (issue 18).
		store.ImportPetitions: "「登记日期」「渠道」「信访人」「内容摘要」「转办单位」「办结日期」",
		// 选区 (issue 16).
		store.ImportDistricts: "「选区编号」「片区名称」「所辖村(居)」「应选代表名额」",
		store.ImportArticles:  "「刊发日期」「标题」「媒体/平台」「级别」「作者」", // issue 22 part 6
	}[kind]
	text := widget.NewLabel(fmt.Sprintf("从 Excel 文件(.xlsx)导入%s。\n\n"+
		"·可以先下载模板填写，也可以用自己的表格：第一行或标题下面一行写栏目名称，如%s，顺序不限。\n"+
		"·选择文件后先预览每一行，确认后才写入；有错误的行可以在文件里改正后重新导入，也可以先跳过它们、导入其余的行"+
		"(跳过的行另存为原文件旁的「原文件名-未导入的行.xlsx」，改正后再导入)。\n"+
		"·与已有记录重复的行，可以选择跳过或更新；更新时空着的单元格不会清除原有内容。%s", kind.Label(), what, into.note))
	text.Wrapping = fyne.TextWrapWord
	var dlg dialog.Dialog
	choose := widget.NewButtonWithIcon("选择文件…", theme.FolderOpenIcon(), func() {
		dlg.Hide()
		d.chooseImportFile(kind, into)
	})
	choose.Importance = widget.HighImportance
	tmpl := widget.NewButtonWithIcon("下载模板…", theme.DownloadIcon(), func() {
		dlg.Hide()
		d.saveImportTemplate(kind)
	})
	dlg = dialog.NewCustom("导入"+kind.Label(), "取消", container.NewVBox(text, container.NewHBox(choose, tmpl)), d.win)
	dlg.Resize(fyne.NewSize(640, 300))
	dlg.Show()
}

// chooseImportFile asks for the file, then reads and checks it.
func (d *desk) chooseImportFile(kind store.ImportKind, into importInto) {
	// .xls and .csv are offered too, so that the clerk who has one is told what to do rather than not seeing it.
	d.askOpenPath(store.FolderImports, "选择要导入的"+kind.Label()+"文件", "表格文件", []string{".xlsx", ".xlsm", ".xls", ".csv"},
		func(path string) { d.importFileInto(kind, into, path) })
}

// saveImportTemplate asks where to save the template and writes it with the office's lists.
func (d *desk) saveImportTemplate(kind store.ImportKind) {
	name := strings.TrimSuffix(export.TemplateName(kind), ".xlsx")
	d.askSavePath(store.FolderImports, name, ".xlsx", func(path string) {
		lists, err := d.db.ImportLists(d.ctx, kind)
		if err == nil {
			err = export.ImportTemplate(path, kind, lists)
		}
		if err != nil {
			d.showError(err)
			return
		}
		d.showWritten("模板已保存", fmt.Sprintf("已保存%s导入模板(填好后点「导入」→「选择文件…」)到", kind.Label()), path)
	})
}

// importFile reads and checks the file off the UI goroutine, then shows the preview (or the file's error).
func (d *desk) importFile(kind store.ImportKind, path string) *importFlow {
	return d.importFileInto(kind, importInto{}, path)
}

// importFileInto is importFile for the rows of a record (into).
func (d *desk) importFileInto(kind store.ImportKind, into importInto, path string) *importFlow {
	f := &importFlow{d: d, kind: kind, file: path, choice: store.ImportChoice{Duplicates: store.ImportSkip}, step: make(chan struct{}),
		into: into}
	f.showBusy("正在读取和检查文件…", false)
	go func() {
		sheet, err := export.ReadImportFile(path, kind)
		sheet.CampaignID = into.campaign
		var plan *store.ImportPlan
		if err == nil {
			plan, err = d.db.PlanImport(d.ctx, sheet)
		}
		fyne.Do(func() {
			defer close(f.step)
			f.busy.Hide()
			if err != nil {
				f.result = store.ErrorMessage(err)
				d.showError(err)
				return
			}
			f.sheet, f.plan = sheet, plan
			f.showPreview()
		})
	}()
	return f
}

func (f *importFlow) showBusy(title string, progress bool) {
	var body fyne.CanvasObject = widget.NewProgressBarInfinite()
	if progress {
		f.bar = widget.NewProgressBar()
		body = f.bar
	}
	f.busy = dialog.NewCustomWithoutButtons(title, body, f.d.win)
	f.busy.Resize(fyne.NewSize(420, 110))
	f.busy.Show()
}

// importColumns are the preview table's columns.
var importPreviewColumns = []struct {
	title string
	width float32
}{{"行号", 60}, {"处理", 100}, {"内容", 260}, {"已有记录", 210}, {"问题与说明", 430}}

// showPreview shows every row with its status and problems, the counts, the choice for duplicates and
// 「确认导入」, enabled only when no row has an error.
func (f *importFlow) showPreview() {
	p := f.plan
	head := widget.NewLabel(fmt.Sprintf("文件「%s」(工作表「%s」，表头在第%d行)：%s %d 行", f.sheet.File, f.sheet.Sheet, f.sheet.HeaderLine, f.kind.Label(), len(p.Rows)))
	f.counts = widget.NewLabel("")
	f.counts.TextStyle = fyne.TextStyle{Bold: true}
	f.counts.Wrapping = fyne.TextWrapWord // a long file name must not widen the dialog
	notes := widget.NewLabel(strings.Join(p.Notes, "\n"))
	notes.Wrapping = fyne.TextWrapWord
	notes.Hidden = len(p.Notes) == 0
	f.detail = widget.NewLabel("点选一行可在这里看到它的全部问题。")
	f.detail.Wrapping = fyne.TextWrapWord

	f.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(f.shown), len(importPreviewColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			if id.Row >= len(f.shown) {
				l.SetText("")
				return
			}
			text, style := f.cell(f.shown[id.Row], id.Col)
			l.TextStyle = style
			l.SetText(text)
		})
	f.table.ShowHeaderColumn = false
	f.table.CreateHeader = func() fyne.CanvasObject {
		return boldLabel("")
	}
	f.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(importPreviewColumns) {
			o.(*widget.Label).SetText(importPreviewColumns[id.Col].title)
		}
	}
	for i, c := range importPreviewColumns {
		f.table.SetColumnWidth(i, c.width)
	}
	f.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(f.shown) {
			f.current = f.shown[id.Row]
			f.showCurrent()
		}
	}
	f.current = -1
	f.flip = widget.NewButton("", f.flipCurrent)
	f.flip.Hide()

	f.dupes = widget.NewRadioGroup([]string{dupSkip, dupUpdate}, func(v string) {
		f.choice.Rows = nil // a choice for all rows replaces the choices made row by row
		f.choice.Duplicates = store.ImportSkip
		if v == dupUpdate {
			f.choice.Duplicates = store.ImportUpdate
		}
		f.refresh()
	})
	f.dupes.Horizontal = true
	f.dupes.Required = true
	dupRow := container.NewHBox(widget.NewLabel("与已有记录重复的行："), f.dupes)
	dupRow.Hidden = !slices.ContainsFunc(p.Rows, func(r store.PlanRow) bool { return r.ExistingID != 0 })
	f.onlyBad = widget.NewCheck("只看有问题的行", func(bool) { f.refresh() })

	f.confirm = widget.NewButtonWithIcon("确认导入", theme.ConfirmIcon(), f.apply)
	f.confirm.Importance = widget.HighImportance
	f.fix = widget.NewButtonWithIcon("修改文件后重新导入", theme.DocumentCreateIcon(), f.fixFile)
	f.skip = widget.NewButtonWithIcon("", theme.ConfirmIcon(), f.applySkippingErrors)
	f.skip.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("取消", theme.CancelIcon(), func() { f.preview.Hide() })

	top := container.NewVBox(head, f.counts, notes, container.NewHBox(dupRow, f.onlyBad))
	detail := container.NewVScroll(f.detail)
	detail.SetMinSize(fyne.NewSize(0, 120))
	f.buttons = container.NewHBox(f.flip, layout.NewSpacer(), cancel, f.fix, f.skip, f.confirm)
	bottom := container.NewVBox(widget.NewSeparator(), detail, f.buttons)
	f.dupes.SetSelected(dupSkip) // refreshes
	f.preview = dialog.NewCustomWithoutButtons("导入"+f.kind.Label()+" — 预览", container.NewBorder(top, bottom, nil, nil, f.table), f.d.win)
	f.preview.Resize(fyne.NewSize(1120, 690))
	f.preview.Show()
}

// refresh recounts under the current choice and redraws the table.
func (f *importFlow) refresh() {
	if f.counts == nil {
		return
	}
	n := f.plan.Counts(f.choice)
	text := n.String()
	switch {
	case n.Error > 0 && n.New+n.Update > 0:
		text += fmt.Sprintf("　—　有%d行错误：可以在文件中改正后重新导入，也可以先跳过这些行，导入其余%d行"+
			"(有错误的行另存为「%s」，改正后再导入)", n.Error, n.New+n.Update, filepath.Base(export.SkippedRowsPath(f.file)))
	case n.Error > 0:
		text += fmt.Sprintf("　—　有%d行错误，没有可以导入的行：请在文件中改正后重新导入", n.Error)
	case n.New+n.Update == 0:
		text += "　—　没有需要写入的记录"
	}
	f.counts.SetText(text)
	f.shown = f.shown[:0]
	for i, r := range f.plan.Rows {
		if !f.onlyBad.Checked || len(r.Errors)+len(r.Warnings) > 0 {
			f.shown = append(f.shown, i)
		}
	}
	if n.Error > 0 || n.New+n.Update == 0 {
		f.confirm.Disable()
	} else {
		f.confirm.Enable()
	}
	f.confirm.Hidden = n.Error > 0
	f.fix.Hidden = n.Error == 0
	f.skip.Hidden = n.Error == 0 || n.New+n.Update == 0
	f.skip.SetText(fmt.Sprintf("跳过有错误的行，导入其余 %d 行", n.New+n.Update))
	if f.buttons != nil {
		f.buttons.Refresh() // which buttons are shown changed
	}
	f.table.Refresh()
	f.showCurrent()
}

// cell is the text of row i of the plan in column col.
func (f *importFlow) cell(i, col int) (string, fyne.TextStyle) {
	r := f.plan.Rows[i]
	switch col {
	case 0:
		return fmt.Sprintf("第%d行", r.Line), fyne.TextStyle{}
	case 1:
		st := f.plan.Status(i, f.choice)
		s := string(st)
		if len(r.Warnings) > 0 && st != store.ImportFailed && st != store.ImportSkip {
			s += "·警告"
		}
		if st == store.ImportUpdate && r.Changes == "" {
			s = "无变化"
		}
		return s, fyne.TextStyle{Bold: st == store.ImportFailed}
	case 2:
		return r.Label, fyne.TextStyle{}
	case 3:
		if r.ExistingID == 0 {
			return "", fyne.TextStyle{}
		}
		return r.Existing, fyne.TextStyle{}
	}
	text := f.problemsText(r, "；")
	if f.plan.Status(i, f.choice) == store.ImportUpdate && r.Changes != "" {
		var fields []string
		for _, line := range strings.Split(r.Changes, "\n") {
			field, _, _ := strings.Cut(line, ": ")
			fields = append(fields, field)
		}
		text = strings.TrimPrefix(text+"；将修改："+strings.Join(fields, "、"), "；")
	}
	return text, fyne.TextStyle{}
}

// problemsText lists a row's problems without the 第N行 that the table's first column already says.
func (f *importFlow) problemsText(r store.PlanRow, sep string) string {
	var out []string
	prefix := fmt.Sprintf("第%d行", r.Line)
	for _, p := range r.Errors {
		out = append(out, strings.TrimPrefix(strings.TrimPrefix(p.Message, prefix), "："))
	}
	for _, p := range r.Warnings {
		out = append(out, "警告："+strings.TrimPrefix(strings.TrimPrefix(p.Message, prefix), "："))
	}
	return strings.Join(out, sep)
}

// showCurrent shows the selected row in the detail pane, with the button that flips a duplicate's choice.
func (f *importFlow) showCurrent() {
	if f.current < 0 {
		return
	}
	f.detail.SetText(f.rowDetail(f.current))
	r := f.plan.Rows[f.current]
	if r.ExistingID == 0 {
		f.flip.Hide()
		return
	}
	if f.plan.Status(f.current, f.choice) == store.ImportSkip {
		f.flip.SetText(fmt.Sprintf("第%d行改为更新", r.Line))
	} else {
		f.flip.SetText(fmt.Sprintf("第%d行改为跳过", r.Line))
	}
	f.flip.Show()
}

// flipCurrent makes the selected duplicate row the exception to the choice for all rows.
func (f *importFlow) flipCurrent() {
	if f.current < 0 {
		return
	}
	line := f.plan.Rows[f.current].Line
	if f.choice.Rows == nil {
		f.choice.Rows = map[int]store.ImportStatus{}
	}
	if f.plan.Status(f.current, f.choice) == store.ImportSkip {
		f.choice.Rows[line] = store.ImportUpdate
	} else {
		f.choice.Rows[line] = store.ImportSkip
	}
	f.refresh()
}

// rowDetail describes row i in full: its status, the record it duplicates, its problems and what an update
// changes.
func (f *importFlow) rowDetail(i int) string {
	r := f.plan.Rows[i]
	s := fmt.Sprintf("第%d行 %s：%s", r.Line, r.Label, f.plan.Status(i, f.choice))
	if r.ExistingID != 0 {
		s += fmt.Sprintf("(与已有的「%s」%s)", r.Existing, r.Match)
	}
	if t := f.problemsText(r, "\n"); t != "" {
		s += "\n" + t
	}
	if r.ExistingID != 0 && f.plan.Status(i, f.choice) != store.ImportFailed {
		if r.Changes == "" {
			s += "\n与已有记录完全相同。"
		} else {
			s += "\n选择「更新已有记录」时将修改：\n" + r.Changes
		}
	}
	return s
}

// apply (「确认导入」) makes the safety backup and writes the plan, with a progress bar, then says what was done.
// A plan with errors is not applied.
func (f *importFlow) apply() {
	if n := f.plan.Counts(f.choice); n.Error == 0 {
		f.write(false)
	}
}

// applySkippingErrors (「跳过有错误的行，导入其余 N 行」) writes the rows with errors to a workbook beside the file
// first (a folder that cannot take it stops everything, nothing written), then imports the others as apply.
func (f *importFlow) applySkippingErrors() {
	if n := f.plan.Counts(f.choice); n.Error > 0 {
		f.write(true)
	}
}

// write runs the import of apply and applySkippingErrors off the UI goroutine.
func (f *importFlow) write(skipErrors bool) {
	n := f.plan.Counts(f.choice)
	if n.New+n.Update == 0 {
		return
	}
	f.preview.Hide()
	f.step = make(chan struct{})
	f.showBusy(fmt.Sprintf("正在导入%s…", f.kind.Label()), true)
	choice := f.choice
	choice.SkipErrors = skipErrors
	choice.Progress = func(done, total int) {
		fyne.Do(func() { f.bar.SetValue(float64(done) / float64(max(total, 1))) })
	}
	go func() {
		var err error
		skipped := ""
		if choice.SkipErrors {
			skipped = export.SkippedRowsPath(f.file)
			if err = export.WriteSkippedRows(skipped, f.sheet, f.plan.ErrorRows(choice)); err != nil {
				err = fmt.Errorf("有错误的行无法另存，未导入任何记录：%s", store.ErrorMessage(err))
			}
		}
		var backup string
		if err == nil {
			if backup, err = f.d.db.SafetyBackup(f.d.ctx, "导入前"); err != nil {
				err = fmt.Errorf("导入前备份失败，未导入任何记录：%s", store.ErrorMessage(err))
			}
		}
		var res store.ImportResult
		if err == nil {
			res, err = f.d.db.ApplyImport(f.d.ctx, f.plan, choice)
		}
		if err != nil && skipped != "" {
			os.Remove(skipped) // nothing was imported: the rows left out are all of them again
		}
		fyne.Do(func() {
			defer close(f.step)
			f.busy.Hide()
			if err != nil {
				f.result = store.ErrorMessage(err)
				f.d.showError(err)
				return
			}
			f.d.refreshAll()
			if f.into.done != nil {
				f.into.done()
			}
			f.result = fmt.Sprintf("已导入%s：新增 %d、更新 %d、跳过 %d。", f.kind.Label(), res.Created, res.Updated, res.Skipped)
			if skipped != "" {
				f.skipped = skipped
				f.result += fmt.Sprintf("\n有错误的 %d 行没有导入，已另存到\n%s\n(原来的各栏加「错误原因」；在其中改正后，可以再导入这个文件。)", res.Failed, skipped)
			}
			f.result += "\n导入前的数据已备份到\n" + backup
			dialog.ShowInformation("导入完成", f.result, f.d.win)
		})
	}()
}

// fixFile closes the preview and waits for the clerk to correct the file in Excel, then reads it again.
func (f *importFlow) fixFile() {
	f.preview.Hide()
	msg := widget.NewLabel(fmt.Sprintf("请在 Excel 中改正文件「%s」中有错误的行(预览里列出的问题)，保存并关闭文件，然后点「重新读取文件」。\n\n%s",
		filepath.Base(f.file), f.file))
	msg.Wrapping = fyne.TextWrapWord
	var dlg *dialog.CustomDialog
	again := widget.NewButtonWithIcon("重新读取文件", theme.ViewRefreshIcon(), func() {
		dlg.Hide()
		f.d.importFileInto(f.kind, f.into, f.file)
	})
	again.Importance = widget.HighImportance
	dlg = dialog.NewCustomWithoutButtons("修改文件后重新导入", msg, f.d.win)
	dlg.SetButtons([]fyne.CanvasObject{widget.NewButtonWithIcon("关闭", theme.CancelIcon(), func() { dlg.Hide() }), again})
	dlg.Resize(fyne.NewSize(560, 240))
	dlg.Show()
}
