package ui

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/export"
	"rendadesk/store"
)

// countyTab is 汇总, the first tab of a county database (issue 19 §2–3): the townships' packages of a year
// taken in (a file or a whole folder), which townships have sent, sent a correction or not sent, and the
// townships side by side with the 合计, each figure opening the township's items behind it. The tables go out
// as the county's workbook, PDF and text (export.WriteCounty), like `rendadesk export` on a county database.
type countyTab struct {
	d    *desk
	item *container.TabItem

	year    *widget.Select
	summary *widget.Label
	towns   *widget.Table
	compare *widget.Table
	buttons []*widget.Button

	fig store.CountyFigures
	// shown and shownLines are the drill-down list on screen, for the tests.
	shown      []store.LedgerItem
	shownLines []string
}

// countyTownColumns are the register list's columns: title and width at the standard text size.
var countyTownColumns = []struct {
	title string
	width float32
}{{"乡镇", 90}, {"代码", 100}, {"状态", 110}, {"数据截至", 130}, {"制作时间", 160}, {"导入时间", 160}, {"文件", 360}}

// countyCompareColumn is a column of the comparison: its title and width, its text, and the figure a tap on it
// lists (the numerator; den names the denominator of a rate).
type countyCompareColumn struct {
	title    string
	width    float32
	text     func(r store.CountyRow, prec int) string
	num, den store.FigureKey
}

var countyCompareColumns = []countyCompareColumn{
	{"乡镇", 90, func(r store.CountyRow, _ int) string { return r.Name }, "", ""},
	{"收到建议", 80, func(r store.CountyRow, _ int) string { return strconv.Itoa(r.Received) }, store.FigReceived, ""},
	{"答复率", 80, func(r store.CountyRow, p int) string { return r.ReplyRate.Percent(p) }, store.FigReplied, store.FigHanded},
	{"办结率", 80, func(r store.CountyRow, p int) string { return r.CloseRate.Percent(p) }, store.FigClosed, store.FigHanded},
	{"按期办结率", 90, func(r store.CountyRow, p int) string { return r.OnTimeRate.Percent(p) }, store.FigOnTime, store.FigDue},
	{"解决率", 80, func(r store.CountyRow, p int) string { return r.SolveRate.Percent(p) }, store.FigSolved, store.FigReceived},
	{"满意率", 80, func(r store.CountyRow, p int) string { return r.SatisfactionRate.Percent(p) }, store.FigSatisfied, store.FigEvaluated},
	{"办结率排名", 90, func(r store.CountyRow, _ int) string { return rankText(r.CloseRank, r.Name) }, "", ""},
	{"满意率排名", 90, func(r store.CountyRow, _ int) string { return rankText(r.SatisfactionRank, r.Name) }, "", ""},
	{"主席团会议", 90, func(r store.CountyRow, _ int) string { return strconv.Itoa(r.Presidium) }, "", ""},
	{"家站点", 70, func(r store.CountyRow, _ int) string { return strconv.Itoa(r.Stations) }, "", ""},
	{"接待人次", 80, func(r store.CountyRow, _ int) string { return strconv.Itoa(r.ReceptionVoters) }, "", ""},
	{"在任代表", 80, func(r store.CountyRow, _ int) string { return strconv.Itoa(r.Deputies) }, "", ""},
	{"县级代表", 80, func(r store.CountyRow, _ int) string { return strconv.Itoa(r.CountyDeputies) }, "", ""},
}

func rankText(n int, name string) string {
	if name == "合计" {
		return ""
	}
	if n == 0 {
		return "—"
	}
	return strconv.Itoa(n)
}

func newCountyTab(d *desk) *countyTab {
	t := &countyTab{d: d}
	t.year = newSelect(nil, func(string) { t.refresh() })
	t.summary = widget.NewLabel("")
	t.summary.Wrapping = fyne.TextWrapWord
	button := func(label string, icon fyne.Resource, run func()) *widget.Button {
		b := widget.NewButtonWithIcon(label, icon, run)
		t.buttons = append(t.buttons, b)
		return b
	}
	importFile := button("导入报送包…", theme.FileIcon(), func() {
		d.askOpenPath(store.FolderImports, "选择乡镇的报送包", "报送包", []string{store.PackageExt}, func(p string) { t.merge([]string{p}) })
	})
	importFile.Importance = widget.HighImportance
	importDir := button("导入文件夹…", theme.FolderOpenIcon(), func() {
		d.askFolder(store.FolderImports, "选择存放报送包的文件夹", func(dir string) { t.merge([]string{dir}) })
	})
	register := button("登记乡镇…", theme.ContentAddIcon(), t.registerTownship)
	exportAll := button("导出汇总表…", theme.DownloadIcon(), func() {
		d.askFolder(store.FolderExports, "选择导出到的文件夹", t.exportTo)
	})
	t.towns = widget.NewTableWithHeaders(
		func() (int, int) { return len(t.fig.Townships), len(countyTownColumns) },
		func() fyne.CanvasObject { l := widget.NewLabel(""); l.Truncation = fyne.TextTruncateEllipsis; return l },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(t.townCell(id.Row, id.Col))
		})
	t.towns.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		if id.Row < 0 {
			l.SetText(countyTownColumns[id.Col].title)
			l.TextStyle.Bold = true
		} else {
			l.SetText(strconv.Itoa(id.Row + 1))
		}
	}
	t.towns.OnSelected = func(id widget.TableCellID) {
		t.towns.UnselectAll()
		if id.Row >= 0 && id.Row < len(t.fig.Townships) {
			t.showTownship(t.fig.Townships[id.Row])
		}
	}
	for i, c := range countyTownColumns {
		t.towns.SetColumnWidth(i, c.width)
	}
	t.compare = widget.NewTableWithHeaders(
		func() (int, int) { return t.compareRows(), len(countyCompareColumns) },
		func() fyne.CanvasObject { l := widget.NewLabel(""); l.Truncation = fyne.TextTruncateEllipsis; return l },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			r := t.compareRow(id.Row)
			l.TextStyle.Bold = r.Name == "合计"
			l.SetText(countyCompareColumns[id.Col].text(r, t.fig.Precision))
		})
	t.compare.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		if id.Row < 0 {
			l.SetText(countyCompareColumns[id.Col].title)
			l.TextStyle.Bold = true
		} else {
			l.SetText("")
		}
	}
	t.compare.OnSelected = func(id widget.TableCellID) {
		t.compare.UnselectAll()
		t.drill(id.Row, id.Col)
	}
	t.compare.ShowHeaderColumn = false // the township's name is the first column
	for i, c := range countyCompareColumns {
		t.compare.SetColumnWidth(i, c.width)
	}
	bar := container.NewHBox(labeled("年度", fixedWidth(110, t.year)), importFile, importDir, register, exportAll)
	hint := reportHint("乡镇报送包(.rdpkg)由各乡镇在「报表 → 生成报送包」中生成，用U盘或内网共享文件夹传来。" +
		"同一乡镇同一年度的新报送包取代旧的，并列出改动之处；同一个文件导入两次不会重复。点击下表中的件数或比率，列出该乡镇相应的建议。")
	top := container.NewVBox(bar, t.summary)
	split := container.NewVSplit(
		container.NewBorder(boldLabel("报送情况(点击一行查看报送包和更正内容)"), nil, nil, nil, t.towns),
		container.NewBorder(boldLabel("各乡镇主要数据对比"), hint, nil, nil, t.compare))
	split.SetOffset(0.45)
	t.item = container.NewTabItemWithIcon("汇总", theme.ListIcon(), container.NewBorder(top, nil, nil, nil, split))
	t.loadYears()
	return t
}

func (t *countyTab) tabItem() *container.TabItem { return t.item }

// loadYears fills the year choice: the years the county holds packages of, and last year (what the townships
// send in January) and this year; the latest with packages is chosen.
func (t *countyTab) loadYears() {
	periods, err := t.d.db.CountyPeriods(t.d.ctx)
	if err != nil {
		t.d.showError(err)
	}
	this := store.DateOf(t.d.db.Now()).Year()
	years := []int{this, this - 1}
	for _, p := range periods {
		if p.IsYear() && !slices.Contains(years, p.From.Year()) {
			years = append(years, p.From.Year())
		}
	}
	slices.SortFunc(years, func(a, b int) int { return b - a })
	var opts []string
	for _, y := range years {
		opts = append(opts, fmt.Sprintf("%d年", y))
	}
	pick := this - 1
	if len(periods) > 0 && periods[0].IsYear() {
		pick = periods[0].From.Year()
	}
	t.year.Options = opts
	t.year.SetSelected(fmt.Sprintf("%d年", pick)) // refreshes
}

// period is the chosen year.
func (t *countyTab) period() store.Period {
	y, _ := strconv.Atoi(strings.TrimSuffix(t.year.Selected, "年"))
	return store.YearPeriod(y)
}

// refresh reads the county's figures of the chosen year.
func (t *countyTab) refresh() {
	if t.year.Selected == "" {
		return
	}
	p := t.period()
	fig, err := t.d.db.CountyFigures(t.d.ctx, p.From, p.To)
	if err != nil {
		t.d.showError(err)
		return
	}
	t.fig = fig
	counts := map[string]int{}
	for _, tw := range fig.Townships {
		counts[tw.State]++
	}
	s := fmt.Sprintf("%d年：登记乡镇 %d 个，已报送 %d 个(其中报送后有更新 %d 个)，未报送 %d 个", p.From.Year(), len(fig.Townships),
		counts[store.TownshipSent]+counts[store.TownshipCorrected], counts[store.TownshipCorrected], counts[store.TownshipMissing])
	if len(fig.Unreported) > 0 {
		s += "：" + strings.Join(fig.Unreported, "、")
	}
	if len(fig.Townships) == 0 {
		s = fmt.Sprintf("%d年还没有导入报送包。点「导入报送包…」或「导入文件夹…」导入乡镇报来的文件。", p.From.Year())
	}
	t.summary.SetText(s)
	t.towns.Refresh()
	t.compare.Refresh()
}

func (t *countyTab) townCell(row, col int) string {
	tw := t.fig.Townships[row]
	p := tw.Current()
	switch col {
	case 0:
		return tw.Name
	case 1:
		return tw.Code
	case 2:
		return tw.State
	}
	if p == nil {
		return ""
	}
	switch col {
	case 3:
		return p.Manifest.AsOf.Chinese()
	case 4:
		return p.Manifest.MadeAt
	case 5:
		return p.ImportedAt
	}
	return p.File
}

// compareRows is the townships that sent and the 合计 (none when no township sent).
func (t *countyTab) compareRows() int {
	if len(t.fig.Rows) == 0 {
		return 0
	}
	return len(t.fig.Rows) + 1
}

func (t *countyTab) compareRow(i int) store.CountyRow {
	if i < len(t.fig.Rows) {
		return t.fig.Rows[i]
	}
	return t.fig.Total
}

// drill lists the items behind a township's count or rate: the numerator, and the denominator beside it.
func (t *countyTab) drill(row, col int) {
	c := countyCompareColumns[col]
	if row >= len(t.fig.Reports) {
		return
	}
	rep := t.fig.Reports[row]
	if c.num == "" {
		t.drillRecords(rep, c.title)
		return
	}
	num := rep.Report.ItemsCounted(c.num)
	t.shown = num
	title := fmt.Sprintf("%s · %s", rep.Name, c.title)
	tabs := container.NewAppTabs(container.NewTabItem(fmt.Sprintf("%s(%d 件)", c.num.Label(), len(num)), ledgerList(num)))
	if c.den != "" {
		den := rep.Report.ItemsCounted(c.den)
		tabs.Append(container.NewTabItem(fmt.Sprintf("%s(%d 件)", c.den.Label(), len(den)), ledgerList(den)))
	}
	note := reportHint(fmt.Sprintf("%s报送包中的建议，办理情况截至%s(报送时)。", rep.Name, rep.Report.Figures.AsOf.Chinese()))
	dlg := dialog.NewCustom(title, "关闭", container.NewBorder(nil, note, nil, nil, tabs), t.d.win)
	dlg.Resize(fyne.NewSize(940, 560))
	dlg.Show()
}

// drillRecords lists the records behind a township's count that is not of items: its 主席团会议, its stations
// (with the voters each received), its deputies in office or its county deputies, as its package has them.
func (t *countyTab) drillRecords(rep store.TownshipReport, column string) {
	var lines []string
	r := rep.Report
	switch column {
	case "主席团会议":
		for _, m := range r.Meetings {
			if m.Kind == store.MeetingPresidium {
				lines = append(lines, m.Start.Chinese()+"　"+m.Title)
			}
		}
	case "家站点", "接待人次":
		for _, st := range r.Stations {
			if column == "家站点" && st.Counted {
				lines = append(lines, st.Station.Name+"("+st.Station.Type+")")
			}
			if column == "接待人次" && st.Voters > 0 {
				lines = append(lines, fmt.Sprintf("%s：接待%d次，%d人次", st.Station.Name, st.Receptions, st.Voters))
			}
		}
	case "在任代表", "县级代表":
		for _, d := range r.Deputies {
			if column == "在任代表" || slices.Contains(d.Levels, store.LevelCounty) {
				lines = append(lines, d.Name+"　"+d.Gender+"　"+strings.Join(d.Levels, "、")+"　"+d.WorkUnit+d.Post)
			}
		}
	default:
		return
	}
	t.shownLines = lines
	var body fyne.CanvasObject = emptyDetail("没有记录")
	if len(lines) > 0 {
		text := widget.NewLabel(strings.Join(lines, "\n"))
		text.Wrapping = fyne.TextWrapWord
		body = container.NewVScroll(text)
	}
	note := reportHint(fmt.Sprintf("%s报送包中的记录(统计至%s)。", rep.Name, r.Figures.CountedOn().Chinese()))
	dlg := dialog.NewCustom(fmt.Sprintf("%s · %s(%d)", rep.Name, column, len(lines)), "关闭", container.NewBorder(nil, note, nil, nil, body), t.d.win)
	dlg.Resize(fyne.NewSize(760, 520))
	dlg.Show()
}

// ledgerList is a list of a package's items: 编号, 标题, 状态, 办理结果, 评价 as of the package's date.
func ledgerList(items []store.LedgerItem) fyne.CanvasObject {
	if len(items) == 0 {
		return emptyDetail("没有记录")
	}
	head, list := columnList([]float32{110, 0, 90, 110, 90}, []string{"编号", "标题", "办理状态", "办理结果", "评价"}, len(items), func(i int) []string {
		x := items[i]
		return []string{x.Number, x.Title, x.AsOf.State, x.AsOf.Outcome, x.AsOf.Grade}
	})
	return container.NewBorder(head, nil, nil, nil, list)
}

// showTownship shows what a township sent for the year: each package, newest first, with what it changed.
func (t *countyTab) showTownship(tw store.CountyTownship) {
	box := container.NewVBox()
	if len(tw.Packages) == 0 {
		box.Add(widget.NewLabel(fmt.Sprintf("%s %s未报送。", tw.Name, t.year.Selected)))
	}
	for i, p := range tw.Packages {
		state := "现用"
		if p.ReplacedBy != 0 {
			state = "已被更新的报送包取代"
		}
		head := boldLabel(fmt.Sprintf("%d. %s（%s）", i+1, p.File, state))
		head.Wrapping = fyne.TextWrapWord
		box.Add(head)
		info := widget.NewLabel(fmt.Sprintf("制作：%s %s　数据截至：%s　导入：%s\n%s\n校验值：%s", p.Manifest.MadeAt, p.Manifest.MadeBy,
			p.Manifest.AsOf.Chinese(), p.ImportedAt, p.Manifest.CountsText(), p.SHA256))
		info.Wrapping = fyne.TextWrapWord
		box.Add(info)
		if len(p.Changes) > 0 {
			ch := widget.NewLabel("与前一次报送相比：\n" + strings.Join(p.Changes, "\n"))
			ch.Wrapping = fyne.TextWrapWord
			box.Add(ch)
		}
		box.Add(widget.NewSeparator())
	}
	dlg := dialog.NewCustom(fmt.Sprintf("%s（%s）%s", tw.Name, tw.Code, tw.State), "关闭", container.NewVScroll(box), t.d.win)
	dlg.Resize(fyne.NewSize(760, 520))
	dlg.Show()
}

// merge takes the packages of paths (files, or folders of them) in off the UI goroutine and lists what became
// of each file.
func (t *countyTab) merge(paths []string) {
	for _, b := range t.buttons {
		b.Disable()
	}
	db, ctx := t.d.db, t.d.ctx
	go func() {
		files, empty, err := store.PackageFiles(paths)
		var outcomes []store.MergeOutcome
		if err == nil {
			outcomes = db.MergeFiles(ctx, files)
		}
		fyne.Do(func() {
			for _, b := range t.buttons {
				b.Enable()
			}
			if err != nil {
				t.d.showError(err)
				return
			}
			t.loadYears()
			t.showOutcomes(outcomes, empty)
		})
	}()
}

// showOutcomes lists each file's outcome: taken (new, replaced with its changes, unchanged) or refused and why.
func (t *countyTab) showOutcomes(outcomes []store.MergeOutcome, empty []string) {
	var lines []string
	for _, e := range empty {
		lines = append(lines, "文件夹 "+e+" 中没有报送包(.rdpkg)")
	}
	failed := 0
	for _, o := range outcomes {
		name := filepath.Base(o.File)
		if o.Err != nil {
			failed++
			lines = append(lines, "✗ 未导入 "+name+"："+store.ErrorMessage(o.Err))
			continue
		}
		lines = append(lines, "✓ "+name+"："+o.Result.String())
		for _, c := range o.Result.Changes {
			lines = append(lines, "　　"+c)
		}
	}
	title := fmt.Sprintf("导入了 %d 个报送包", len(outcomes)-failed)
	if failed > 0 {
		title += fmt.Sprintf("，%d 个未导入", failed)
	}
	text := widget.NewLabel(strings.Join(lines, "\n"))
	text.Wrapping = fyne.TextWrapWord
	dlg := dialog.NewCustom(title, "关闭", container.NewVScroll(text), t.d.win)
	dlg.Resize(fyne.NewSize(760, 460))
	dlg.Show()
}

// registerTownship puts a township on the register before it sends, so that it shows as 未报送.
func (t *countyTab) registerTownship() {
	code, name := newTextEntry(), newTextEntry()
	code.SetPlaceHolder("行政区划代码，如 510822101(可不填)")
	name.SetPlaceHolder("如 青山镇")
	dialog.ShowForm("登记乡镇", "登记", "取消", []*widget.FormItem{
		widget.NewFormItem("乡镇名称", name), widget.NewFormItem("乡镇代码", code),
	}, func(ok bool) {
		if !ok {
			return
		}
		if err := t.d.db.AddCountyTownship(t.d.ctx, code.Text, name.Text, 0); err != nil {
			t.d.showError(err)
			return
		}
		t.refresh()
	}, t.d.win)
}

// exportTo writes the county's workbook, PDF and text of the chosen year into dir and lists them.
func (t *countyTab) exportTo(dir string) {
	st, err := t.d.db.Settings(t.d.ctx)
	if err != nil {
		t.d.showError(err)
		return
	}
	c := export.County{Settings: st, Figures: t.fig, Made: t.d.db.Now()}
	for _, b := range t.buttons {
		b.Disable()
	}
	go func() {
		paths, err := export.WriteCounty(c, dir, export.ReportFormats)
		fyne.Do(func() {
			for _, b := range t.buttons {
				b.Enable()
			}
			if err != nil {
				t.d.showError(err)
				return
			}
			rows := container.NewVBox(widget.NewLabel(fmt.Sprintf("已导出 %d 个文件到\n%s", len(paths), dir)))
			for _, p := range paths {
				name := widget.NewLabel(filepath.Base(p))
				name.Truncation = fyne.TextTruncateEllipsis
				rows.Add(container.NewBorder(nil, nil, nil, widget.NewButtonWithIcon("打开文件", theme.FileIcon(), func() { t.d.openLocal(p) }), name))
			}
			dlg := dialog.NewCustom("导出完成", "关闭", rows, t.d.win)
			dlg.Resize(fyne.NewSize(620, 320))
			dlg.Show()
		})
	}()
}
