package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/export"
	"rendadesk/store"
)

// document is one printed document the window offers: the file name proposed in the save dialog (without
// .pdf), and how to write it — read its data with one of the store's document loaders and hand it to the
// export writer that `rendadesk print` uses too.
type document struct {
	file  string
	write func(path string) error
}

// printTo offers doc to the printer or as a file: 「打印」 sends it to the printer where the system allows it
// (printer_*.go) and otherwise opens it in the PDF reader to print from there, 「另存为PDF」 asks where to
// save it.
func (d *desk) printTo(doc document) {
	copies := newTextEntry()
	copies.SetText("1")
	what := widget.NewLabel("「" + doc.file + "」")
	what.Wrapping = fyne.TextWrapWord
	hint := newRuledText() // lines broken as Chinese is: no line starting with 「，」
	hint.SetText(printerHint)
	var dlg dialog.Dialog
	paper := widget.NewButtonWithIcon("打印", theme.DocumentPrintIcon(), func() {
		n, err := strconv.Atoi(strings.TrimSpace(copies.Text))
		if err != nil || n < 1 || n > 99 {
			d.showError(store.Errorf(store.EINVALID, "打印份数应是 1 到 99 之间的整数，而不是「%s」", copies.Text))
			return
		}
		dlg.Hide()
		d.printOnPaper(doc, n)
	})
	paper.Importance = widget.HighImportance
	save := widget.NewButtonWithIcon("另存为PDF", theme.DocumentSaveIcon(), func() {
		dlg.Hide()
		d.saveAsPDF(doc)
	})
	cancel := widget.NewButton("取消", func() { dlg.Hide() })
	form := widget.NewForm(widget.NewFormItem("份数", fixedWidth(80, copies)))
	content := container.NewVBox(what, form, hint, container.NewHBox(layout.NewSpacer(), cancel, save, paper))
	dlg = dialog.NewCustomWithoutButtons("打印", content, d.win)
	dlg.Resize(fyne.NewSize(560, 300))
	dlg.Show()
}

// makePDF writes doc to path off the UI goroutine behind a progress dialog, then calls done on the UI
// goroutine with what went wrong, if anything.
func (d *desk) makePDF(doc document, path string, done func(err error)) {
	bar := widget.NewProgressBarInfinite()
	wait := dialog.NewCustomWithoutButtons("正在生成 PDF…", bar, d.win)
	wait.Show()
	go func() {
		var err error
		defer func() {
			// A failure inside the PDF library must not take the clerk's window down with it.
			if r := recover(); r != nil {
				err = fmt.Errorf("生成 PDF 时出错(%v)，请把这个提示告诉维护人员", r)
			}
			fyne.Do(func() {
				wait.Hide()
				done(err)
			})
		}()
		err = doc.write(path)
	}()
}

// saveAsPDF asks where to save doc, writes it, and offers to open it.
func (d *desk) saveAsPDF(doc document) {
	d.askSavePath(store.FolderPrints, doc.file, ".pdf", func(path string) {
		d.makePDF(doc, path, func(err error) {
			if err != nil {
				d.showError(err)
				return
			}
			d.showWritten("完成", "已生成", path)
		})
	})
}

// printOnPaper writes doc into the program's print folder and sends it to the printer, copies times; where
// the system has no way to (no lp, no PDF reader that prints), or the printer refuses it, the PDF opens in the
// system's reader with a hint to print it from there.
func (d *desk) printOnPaper(doc document, copies int) {
	path, err := printFile(doc.file, time.Now())
	if err != nil {
		d.showError(err)
		return
	}
	owner := nativeOwner(d.win)
	d.makePDF(doc, path, func(err error) {
		if err != nil {
			d.showError(err)
			return
		}
		go func() {
			job, sent, err := sendToPrinter(owner, path, doc.file, copies)
			fyne.Do(func() { d.showPrinted(doc.file, path, job, sent, err) })
		}()
	})
}

// showPrinted tells the clerk where the print went: to the printer, or into the PDF reader to print from.
func (d *desk) showPrinted(name, path, job string, sent bool, err error) {
	if sent {
		msg := "已把「" + name + "」送到打印机"
		if job != "" {
			msg += "(打印任务 " + job + ")"
		}
		msg += "。\n如果没有打印出来，请看打印机是否开机、有纸，或点「打开文件」在 PDF 阅读器中打印。"
		d.showWritten("已送打印机", msg, path)
		return
	}
	why := "这台电脑没有可以直接打印 PDF 的程序。"
	if err != nil {
		fyne.LogError("打印 "+path, err)
		why = "打印机没有接收这份文件(" + err.Error() + ")。"
	}
	if d.tryOpen(path) {
		d.showWritten("请在 PDF 阅读器中打印", why+"已在 PDF 阅读器中打开「"+name+"」，请在其中按 Ctrl+P 打印。", path)
		return
	}
	d.showWritten("请手动打印", why+"系统也没有打开它：请在文件管理器中打开下面的文件，再按 Ctrl+P 打印，或「另存为PDF」拷到别的电脑打印。", path)
}

// printFile is where a document printed on paper is written: the program's folder in the system's temporary
// folder, a name a clerk recognises in the printer queue. Files from earlier days are removed.
func printFile(name string, now time.Time) (string, error) {
	dir := filepath.Join(os.TempDir(), "rendadesk-print")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("无法建立打印用的临时文件夹 %s: %w", dir, err)
	}
	if old, err := os.ReadDir(dir); err == nil {
		for _, e := range old {
			if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > 24*time.Hour {
				os.Remove(filepath.Join(dir, e.Name())) // a reader may still hold a file of today's
			}
		}
	}
	// A title may hold a character no file name can (「/」 in 2024/2025年度…): it becomes 「_」.
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(badNameChars, r) || r < ' ' {
			return '_'
		}
		return r
	}, name)
	return filepath.Join(dir, name+now.Format("-150405")+".pdf"), nil
}

// today is the store's today, the date printed documents are dated with.
func (d *desk) today() store.Date { return store.DateOf(d.db.Now()) }

// The documents of SPEC §6.4–6.6, each as `rendadesk print` makes it (ui/cli/print*.go).

// assignForm is an item's 交办单, dated with its 交办 date.
func (d *desk) assignForm(x store.Suggestion) document {
	return document{x.Number + "交办单", func(path string) error {
		doc, err := d.db.SuggestionDoc(d.ctx, x.ID)
		if err != nil {
			return err
		}
		date := doc.Item.Assigned
		if date == "" {
			date = d.today()
		}
		return export.AssignForm(path, doc.Settings, doc.Item, date)
	}}
}

// satisfactionForm is an item's 代表意见征询表.
func (d *desk) satisfactionForm(x store.Suggestion) document {
	return document{x.Number + "征询意见表", func(path string) error {
		doc, err := d.db.SuggestionDoc(d.ctx, x.ID)
		if err != nil {
			return err
		}
		return export.SatisfactionForm(path, doc.Settings, doc.Item, doc.Handling)
	}}
}

// itemHistory is an item's 建议办理过程单.
func (d *desk) itemHistory(x store.Suggestion) document {
	return document{x.Number + "办理过程单", func(path string) error {
		doc, err := d.db.SuggestionDoc(d.ctx, x.ID)
		if err != nil {
			return err
		}
		return export.ItemHistory(path, doc.Settings, doc.Item, doc.Timeline, doc.Handling, d.today())
	}}
}

// assignList is the 交办清单 of a year, for every unit.
func (d *desk) assignList(year int) document {
	return document{fmt.Sprintf("%d年度代表建议交办清单", year), func(path string) error {
		doc, err := d.db.AssignListDoc(d.ctx, year, 0)
		if err != nil {
			return err
		}
		return export.AssignList(path, doc.Settings, year, doc.Sections, d.today())
	}}
}

// overdueNotice is the 督办通知 of every unit with an overdue item today.
func (d *desk) overdueNotice() document {
	return document{"逾期建议督办通知", func(path string) error {
		today := d.today()
		doc, err := d.db.OverdueDoc(d.ctx, today, 0)
		if err != nil {
			return err
		}
		return export.OverdueNotice(path, doc.Settings, doc.Sections, today)
	}}
}

// itemOverdueNotice is the 督办通知 of one overdue item: the letter to its main unit, listing the item alone.
func (d *desk) itemOverdueNotice(x store.Suggestion) document {
	return document{x.Number + "督办通知", func(path string) error {
		doc, err := d.db.SuggestionDoc(d.ctx, x.ID)
		if err != nil {
			return err
		}
		today := d.today()
		if !doc.Item.Overdue(today) {
			return store.Errorf(store.ESTATE, "建议「%s」当前状态为「%s」，办理时限%s，没有逾期，不需要督办", doc.Item.Number,
				doc.Item.State, doc.Item.Deadline.Chinese())
		}
		sec := store.UnitItems{Unit: doc.Item.MainUnitName, Items: []store.NamedSuggestion{doc.Item}}
		return export.OverdueNotice(path, doc.Settings, []store.UnitItems{sec}, today)
	}}
}

// meetingMaterials is the chosen parts of a meeting's materials, the ballots as many to a sheet and as many
// copies as asked.
func (d *desk) meetingMaterials(m store.Meeting, p export.MeetingPrint) document {
	return document{meetingMaterialsName(m.Title), func(path string) error {
		doc, err := d.db.MeetingDoc(d.ctx, m.ID)
		if err != nil {
			return err
		}
		return export.MeetingMaterials(path, doc.Settings, doc.Meeting, doc.Detail, doc.Quorum, doc.Expected, p)
	}}
}

// roster is the roster of the deputies in office; public leaves out birth dates and masks phones.
func (d *desk) roster(public bool) document {
	name := "代表名册"
	if public {
		name = "代表名册(公开版)"
	}
	return document{name, func(path string) error {
		doc, err := d.db.RosterDoc(d.ctx)
		if err != nil {
			return err
		}
		return export.Roster(path, doc.Settings, doc.Deputies, public, d.today())
	}}
}

// deputyFile is a deputy's 履职档案 of a year.
func (d *desk) deputyFile(x store.Deputy, year int) document {
	return document{fmt.Sprintf("%s%d年度履职档案", x.Name, year), func(path string) error {
		doc, err := d.db.DeputyFileDoc(d.ctx, x.ID, year)
		if err != nil {
			return err
		}
		return export.DeputyFile(path, doc.Settings, doc.Records, doc.Year, d.today())
	}}
}

// deputyTable is the 代表履职情况统计表 (T10) of a year.
func (d *desk) deputyTable(year int) document {
	return document{fmt.Sprintf("%d年度代表履职情况统计表", year), func(path string) error {
		doc, err := d.db.DeputyTableDoc(d.ctx, year)
		if err != nil {
			return err
		}
		return export.DeputyTable(path, doc.Settings, doc.Records, doc.Year, d.today())
	}}
}

// reportBackTable is the 代表述职评议统计表 (T11) of a year.
func (d *desk) reportBackTable(year int) document {
	return document{fmt.Sprintf("%d年度代表述职评议统计表", year), func(path string) error {
		doc, err := d.db.ReportBackDoc(d.ctx, year)
		if err != nil {
			return err
		}
		return export.ReportBackTable(path, doc.Settings, doc.Rows, doc.Year, d.today())
	}}
}

// showWritten tells where a file went (「已生成」 + the path), with 打开文件 and 打开所在文件夹.
func (d *desk) showWritten(title, what, path string) {
	open := d.openLocal
	msg := widget.NewLabel(what + "\n" + path)
	msg.Wrapping = fyne.TextWrapWord
	buttons := []fyne.CanvasObject{
		widget.NewButtonWithIcon("打开文件", theme.FileIcon(), func() { open(path) }),
		widget.NewButtonWithIcon("打开所在文件夹", theme.FolderOpenIcon(), func() { open(filepath.Dir(path)) }),
	}
	dlg := dialog.NewCustom(title, "关闭", container.NewVBox(msg, container.NewHBox(buttons...)), d.win)
	dlg.Resize(fyne.NewSize(480, 200))
	dlg.Show()
}

// printChoice is one document offered in a 打印 menu.
type printChoice struct {
	label string
	doc   document
}

// itemPrintChoices are the forms that make sense for an item in its state: 交办单 once assigned, 督办通知
// while it is overdue, 征询意见表 once replied, 办理过程单 always.
func (d *desk) itemPrintChoices(x store.Suggestion) []printChoice {
	var out []printChoice
	if x.Assigned != "" {
		out = append(out, printChoice{"交办单", d.assignForm(x)})
	}
	if d.db != nil && x.Overdue(d.today()) {
		out = append(out, printChoice{"督办通知", d.itemOverdueNotice(x)})
	}
	if x.LastReply != "" {
		out = append(out, printChoice{"代表意见征询表", d.satisfactionForm(x)})
	}
	return append(out, printChoice{"建议办理过程单", d.itemHistory(x)})
}

// showPrintMenu pops the choices up under the button b.
func showPrintMenu(b *widget.Button, choices []printChoice, print func(document)) {
	var items []*fyne.MenuItem
	for _, c := range choices {
		items = append(items, fyne.NewMenuItem(c.label, func() { print(c.doc) }))
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(b)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b).Add(fyne.NewPos(0, b.Size().Height))
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, pos)
}

// itemPrintButton offers the printed forms of one item in a menu, and for an overdue item 督办, which prints
// its 督办通知 to the main unit.
func (t *suggestionsTab) itemPrintButton(x store.Suggestion) fyne.CanvasObject {
	var b *widget.Button
	b = widget.NewButtonWithIcon("打印", theme.DocumentPrintIcon(), func() {
		showPrintMenu(b, t.d.itemPrintChoices(x), t.d.printTo)
	})
	if !x.Overdue(t.today()) {
		return b
	}
	urge := widget.NewButtonWithIcon("督办", theme.WarningIcon(), func() { t.d.printTo(t.d.itemOverdueNotice(x)) })
	urge.Importance = widget.DangerImportance
	return container.NewHBox(urge, b)
}
