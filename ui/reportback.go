package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/export"
	"rendadesk/store"
)

// The deputies' report-backs to the voters (述职评议): a section of the deputy's pane to enter them, and a
// dialog with the year's table T11 on screen. The 代表 tab's 打印 menu is here too.

// reportBackLine renders a report-back as one line: 2024年12月20日 口头述职，参加评议 46 人：优秀 29 人(63.0%)…
func reportBackLine(b store.ReportBack, prec int) string {
	return fmt.Sprintf("%s　%s述职，参加评议 %d 人：优秀 %d 人(%s)、称职 %d 人(%s)、不称职 %d 人(%s)",
		b.Date.Chinese(), b.Form, b.Participants, b.Excellent, b.Percent(b.Excellent, prec),
		b.Competent, b.Percent(b.Competent, prec), b.Incompetent, b.Percent(b.Incompetent, prec))
}

// reportBacksOf is the 述职评议 section: the deputy's report-backs over the form of the chosen one.
func (t *deputiesTab) reportBacksOf(x store.Deputy) fyne.CanvasObject {
	t.rbList = container.NewStack()
	t.rbForm = container.NewStack(emptyDetail("选择一条述职评议记录查看或修改，或点「新增述职评议」"))
	t.rbCurrent = store.ReportBack{}
	t.rbPane = nil
	t.d.dropFormsQuietly(formReportBack) // the form of the deputy shown before
	t.loadReportBacks()
	t.rbAdd = widget.NewButtonWithIcon("新增述职评议", theme.ContentAddIcon(), func() {
		t.showReportBack(store.ReportBack{DeputyID: t.current.ID, Date: store.DateOf(t.d.db.Now()), Form: "口头"})
	})
	split := container.NewVSplit(t.rbList, t.rbForm)
	split.Offset = 0.35
	return container.NewBorder(container.NewHBox(t.rbAdd), nil, nil, nil, split)
}

// loadReportBacks re-reads the current deputy's report-backs (all years, oldest first) into the list.
func (t *deputiesTab) loadReportBacks() {
	rows, err := t.d.db.ReportBacks(t.d.ctx, 0, t.current.ID)
	if err != nil {
		t.rbList.Objects = []fyne.CanvasObject{widget.NewLabel(store.ErrorMessage(err))}
		t.rbList.Refresh()
		return
	}
	t.backs = rows
	lines := make([]string, len(rows))
	for i, b := range rows {
		lines[i] = reportBackLine(b, t.settings.Precision)
	}
	head := fmt.Sprintf("述职评议记录共 %d 条", len(rows))
	t.rbList.Objects = []fyne.CanvasObject{simpleList(head, lines, func(i int) { t.showReportBack(t.backs[i]) })}
	t.rbList.Refresh()
}

// showReportBack puts a report-back (ID 0 for a new one) into the form under the list, once the form there
// holds no unsaved changes (guard.go).
func (t *deputiesTab) showReportBack(r store.ReportBack) {
	if r.ID != 0 && r.ID == t.rbCurrent.ID && t.rbPane != nil {
		return // already in the form, as the clerk left it
	}
	t.d.leave([]string{formReportBack}, func() { t.displayReportBack(r) }, nil)
}

// displayReportBack puts a report-back into the form under the list. The labels are the store's, so that its
// messages name the field the clerk sees.
func (t *deputiesTab) displayReportBack(r store.ReportBack) {
	t.rbCurrent = r
	date := newDateEntry(true)
	date.SetDate(r.Date)
	form := newSelect(store.ReportBackForms, nil)
	form.SetSelected(r.Form)
	counts := map[string]*textEntry{}
	values := map[string]int{"参加评议人数": r.Participants, "优秀": r.Excellent, "称职": r.Competent, "不称职": r.Incompetent}
	for _, label := range []string{"参加评议人数", "优秀", "称职", "不称职"} {
		e := intEntry()
		e.SetPlaceHolder("人数")
		if r.ID != 0 {
			e.SetText(fmt.Sprint(values[label]))
		}
		counts[label] = e
	}
	notes := multiline(2)
	notes.SetText(r.Notes)
	var pane *formPane
	pane = newFormPane([]*widget.FormItem{
		widget.NewFormItem("述职日期", date),
		widget.NewFormItem("述职方式", form),
		widget.NewFormItem("参加评议人数", counts["参加评议人数"]),
		widget.NewFormItem("优秀", counts["优秀"]),
		widget.NewFormItem("称职", counts["称职"]),
		widget.NewFormItem("不称职", counts["不称职"]),
		widget.NewFormItem("备注", notes),
	}, nil)
	// build is the record as the form holds it (a count that is not a number is the form's own problem).
	build := func() store.ReportBack {
		y := r
		y.DeputyID = t.current.ID
		y.Date = date.Typed()
		y.Form = form.Selected
		y.Participants, y.Excellent = atoi(counts["参加评议人数"]), atoi(counts["优秀"])
		y.Competent, y.Incompetent = atoi(counts["称职"]), atoi(counts["不称职"])
		y.Notes = strings.TrimSpace(notes.Text)
		return y
	}
	pane.check = func() error { y := build(); return y.Validate() }
	pane.require(store.Required(&store.ReportBack{DeputyID: t.current.ID}))
	pane.onSave = func() error {
		y := build()
		if err := t.d.db.SaveReportBack(t.d.ctx, &y); err != nil {
			return err
		}
		t.reportBacksChanged()
		t.displayReportBack(y)
		t.rbPane.showInfo("已保存")
		return nil
	}
	if r.ID == 0 {
		pane.title.SetText("新增述职评议")
	} else {
		pane.title.SetText("述职评议 " + r.Date.Chinese())
	}
	pane.first = date
	t.rbPane = pane
	deputy := t.current
	pane.track(t.d, formReportBack, recordKey(r.ID), r, func() string {
		if r.ID == 0 {
			return "代表「" + deputy.Name + "」新增的述职评议"
		}
		return "述职评议「" + deputy.Name + " " + r.Date.Chinese() + "」"
	}, func() { t.reveal(4) })
	if r.ID != 0 {
		pane.addActions(widget.NewButtonWithIcon("删除", theme.DeleteIcon(), t.removeReportBack))
	}
	t.rbForm.Objects = []fyne.CanvasObject{pane.content}
	t.rbForm.Refresh()
}

// removeReportBack deletes the report-back in the form after a confirmation.
func (t *deputiesTab) removeReportBack() {
	r := t.rbCurrent
	if r.ID == 0 {
		return
	}
	t.d.confirmDelete("述职评议记录", r.Date.Chinese(), nil, func() error {
		if err := t.d.db.DeleteReportBack(t.d.ctx, r.ID); err != nil {
			return err
		}
		t.rbCurrent = store.ReportBack{}
		t.rbPane = nil
		t.d.dropForms(formReportBack)
		t.rbForm.Objects = []fyne.CanvasObject{emptyDetail("已删除" + r.Date.Chinese() + "的述职评议记录")}
		t.rbForm.Refresh()
		t.reportBacksChanged()
		return nil
	})
}

// reportBacksChanged re-reads the list and the 履职档案, which counts the report-backs too.
func (t *deputiesTab) reportBacksChanged() {
	t.loadReportBacks()
	t.loadRecord()
}

// tableYear is the year of the tables T10 and T11: the year last chosen in a 履职档案, or this year.
func (t *deputiesTab) tableYear() int {
	var y int
	if _, err := fmt.Sscanf(t.recordYearPick, "%d年", &y); err != nil || y == 0 {
		y = t.thisYear()
	}
	return y
}

// printChoices are the documents of the 代表 tab's 打印 menu: the rosters and the tables T10 and T11 of the
// tableYear, named in the menu.
func (t *deputiesTab) printChoices() []printChoice {
	y := t.tableYear()
	return []printChoice{
		{"代表名册", t.d.roster(false)},
		{"代表名册(公开版)", t.d.roster(true)},
		// Named as the yearly workbook numbers the same tables (表9, 表10), so that the clerk can tell them apart.
		{fmt.Sprintf("%s 代表履职情况统计表，%d年", export.TableName("T10"), y), t.d.deputyTable(y)},
		{fmt.Sprintf("%s 代表述职评议统计表，%d年", export.TableName("T11"), y), t.d.reportBackTable(y)},
	}
}

// printButton offers the printChoices in a menu under the button.
func (t *deputiesTab) printButton() *widget.Button {
	var b *widget.Button
	b = widget.NewButtonWithIcon("打印", theme.DocumentPrintIcon(), func() {
		showPrintMenu(b, t.printChoices(), t.d.printTo)
	})
	return b
}

// reportBackHeaders are the columns of T11 on screen and in its export.
var reportBackHeaders = []string{"代表", "述职日期", "述职方式", "参加评议人数", "优秀", "称职", "不称职"}

// reportBackRows renders report-backs as the T11 dialog shows them: each grade as 29 (63.0%).
func reportBackRows(rows []store.ReportBack, prec int) [][]string {
	out := make([][]string, len(rows))
	grade := func(b store.ReportBack, n int) string { return fmt.Sprintf("%d (%s)", n, b.Percent(n, prec)) }
	for i, b := range rows {
		out[i] = []string{b.DeputyName, string(b.Date), b.Form, fmt.Sprint(b.Participants),
			grade(b, b.Excellent), grade(b, b.Competent), grade(b, b.Incompetent)}
	}
	return out
}

// reportBackDialog is the 述职评议 dialog: a year, the year's report-backs as T11, 导出 and 打印.
type reportBackDialog struct {
	t       *deputiesTab
	year    *widget.Select
	summary *widget.Label
	table   *widget.Table
	cells   [][]string
	dlg     dialog.Dialog
}

// showReportBackDialog opens the 述职评议 dialog on the tableYear.
func (t *deputiesTab) showReportBackDialog() {
	v := &reportBackDialog{t: t, summary: widget.NewLabel("")}
	v.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(v.cells), len(reportBackHeaders) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			text := ""
			if id.Row < len(v.cells) && id.Col < len(v.cells[id.Row]) {
				text = v.cells[id.Row][id.Col]
			}
			o.(*widget.Label).SetText(text)
		})
	v.table.ShowHeaderColumn = false
	v.table.CreateHeader = func() fyne.CanvasObject {
		return boldLabel("")
	}
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(reportBackHeaders) {
			o.(*widget.Label).SetText(reportBackHeaders[id.Col])
		}
	}
	for i, w := range []float32{100, 110, 80, 110, 120, 120, 120} {
		v.table.SetColumnWidth(i, w)
	}
	v.year = newSelect(t.recordYears(), func(string) { v.load() })
	export := widget.NewButtonWithIcon("导出", theme.DownloadIcon(), func() {
		t.d.exportList(fmt.Sprintf("%d年度代表述职评议统计", v.selectedYear()), reportBackHeaders, v.cells)
	})
	printBtn := widget.NewButtonWithIcon("打印", theme.DocumentPrintIcon(), func() {
		t.d.printTo(t.d.reportBackTable(v.selectedYear()))
	})
	top := container.NewVBox(container.NewHBox(widget.NewLabel("年度"), v.year, export, printBtn), v.summary)
	if y := fmt.Sprintf("%d年", t.tableYear()); slices.Contains(v.year.Options, y) {
		v.year.SetSelected(y)
	} else {
		v.year.SetSelectedIndex(0)
	}
	v.dlg = dialog.NewCustom("代表述职评议统计表", "关闭", container.NewBorder(top, nil, nil, nil, v.table), t.d.win)
	v.dlg.Resize(fyne.NewSize(940, 560))
	v.dlg.Show()
	t.rbDialog = v
}

func (v *reportBackDialog) selectedYear() int {
	var y int
	fmt.Sscanf(v.year.Selected, "%d年", &y)
	return y
}

// load reads the chosen year's report-backs into the table and the summary line.
func (v *reportBackDialog) load() {
	rows, err := v.t.d.db.ReportBacks(v.t.d.ctx, v.selectedYear(), 0)
	if err != nil {
		v.summary.SetText(store.ErrorMessage(err))
		v.cells = nil
		v.table.Refresh()
		return
	}
	v.cells = reportBackRows(rows, v.t.settings.Precision)
	oral, deputies := 0, map[int64]bool{}
	for _, b := range rows {
		deputies[b.DeputyID] = true
		if b.Form == "口头" {
			oral++
		}
	}
	if len(rows) == 0 {
		v.summary.SetText(fmt.Sprintf("%d年没有述职评议记录", v.selectedYear()))
	} else {
		v.summary.SetText(fmt.Sprintf("共 %d 名代表述职 %d 场，其中口头述职 %d 场、书面述职 %d 场", len(deputies), len(rows), oral, len(rows)-oral))
	}
	v.table.Refresh()
}
