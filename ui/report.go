package ui

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/export"
	"rendadesk/store"
)

// The choices of the period: a whole calendar year, the year up to the 截至 date, or any two dates.
const (
	reportSpanYear   = "全年"
	reportSpanToDate = "年初以来"
	reportSpanCustom = "自定义"
)

// reportFolderPref is the Preferences key of the folder the last report was exported to.
const reportFolderPref = "report.exportFolder"

// reportPeriods are the three columns of the rate table: every suggestion of the period, those received
// during the session (人代会期间) and those received between sessions (闭会期间).
var reportPeriods = []struct {
	name  string
	slice store.FigureSlice
}{
	{"全年", store.FigureSlice{}},
	{"人代会期间", store.FigureSlice{Period: store.PeriodSession}},
	{"闭会期间", store.FigureSlice{Period: store.PeriodRecess}},
}

// reportTab is 报表: the figures of SPEC §5 for a period the clerk picks, as they stood on a 截至 date — the
// key counts, every rate with its definition, numerator and denominator (and the items behind each), the
// 报告文字稿 — and the yearly outputs written into a folder. The figures are recomputed off the UI goroutine
// whenever the tab is selected or the period changes; a result for a period no longer asked for is dropped.
type reportTab struct {
	d    *desk
	item *container.TabItem

	// The period.
	year     *widget.Select
	yearBox  *fyne.Container // 年度 and its select, hidden for 自定义
	span     *widget.RadioGroup
	from, to *dateEntry
	custom   *fyne.Container // 自 … 至 …, shown for 自定义
	asOf     *dateEntry
	status   *widget.Label
	years    []int
	quiet    bool // the period widgets are being set from code: their callbacks do not recompute

	// What is shown: the figures last computed and what they were computed for.
	shown     reportPeriod
	settings  store.Settings
	fig       store.Figures
	tiles     []*reportTile
	rateHead  *widget.Label // 「全年」, or 「合计」 for a period that is not a whole year
	rates     [][]*reportRateCell
	text      *widget.Label
	copyMsg   *widget.Label
	copyStamp int

	// Export.
	exports     []*widget.Button
	progress    *widget.ProgressBar
	progressMsg *widget.Label
	progressBox *fyne.Container

	// gen counts the recomputations asked for, applied the last one shown (or refused); exported counts the
	// exports finished. Tests wait on them; the UI goroutine is the only writer of what they guard.
	gen, applied, exported atomic.Int64
	written                []string // the files of the last export

	// The 口径 and 明细 dialogs last opened, for tests.
	explainBox fyne.CanvasObject
	explainDlg dialog.Dialog
	itemsShown []store.Suggestion
	itemsList  *widget.List
	itemsDlg   dialog.Dialog

	// The tinted backgrounds of the tiles and the text: recoloured on each refresh, so that they follow a
	// change between the system's light and dark looks.
	backs []*canvas.Rectangle

	content fyne.CanvasObject
}

// reportPeriod is the period of the figures: suggestions received from from to to, as they stood on asOf.
type reportPeriod struct {
	span           string
	from, to, asOf store.Date
}

// reportTile is one key count: a caption over a big number and its measure word.
type reportTile struct {
	caption string
	unit    string
	count   func(f store.Figures) int
	name    func(st store.Settings) string // the caption in the office's words, when it depends on them
	value   *widget.RichText
	label   *widget.Label
}

// reportRateCell is one rate in the table: the percentage (tap it for its 口径) and its fraction.
type reportRateCell struct {
	value *widget.Hyperlink
	frac  *widget.Label
}

func newReportTab(d *desk) *reportTab {
	t := &reportTab{d: d}
	today := t.today()

	t.year = widget.NewSelect(nil, func(string) { t.periodChanged(true) })
	t.years = []int{today.Year()}
	t.year.Options = []string{reportYearLabel(today.Year())}
	t.year.Selected = t.year.Options[0]
	t.yearBox = container.NewHBox(widget.NewLabel("年度"), reportFixed(110, t.year))
	t.span = widget.NewRadioGroup([]string{reportSpanYear, reportSpanToDate, reportSpanCustom}, func(string) {
		t.spanChanged()
	})
	t.span.Horizontal = true
	t.span.Required = true
	t.span.Selected = reportSpanYear
	t.from, t.to, t.asOf = newDateEntry(true), newDateEntry(true), newDateEntry(true)
	for _, e := range []*dateEntry{t.from, t.to, t.asOf} {
		e.OnChanged = func(string) { t.dateChanged(e) }
	}
	t.custom = container.NewHBox(widget.NewLabel("自"), reportFixed(170, t.from), widget.NewLabel("至"), reportFixed(170, t.to))
	t.custom.Hide()
	t.quiet = true
	t.asOf.SetDate(t.defaultAsOf())
	t.quiet = false
	t.status = widget.NewLabel("")
	t.status.Truncation = fyne.TextTruncateEllipsis
	periodRow := container.NewHBox(t.yearBox, t.span, t.custom, widget.NewLabel("截至"), reportFixed(170, t.asOf))
	top := container.NewVBox(periodRow, t.status, widget.NewSeparator())

	// The right padding keeps the last column of tiles clear of the scroll bar.
	left := container.NewVScroll(container.New(layout.NewCustomPaddedLayout(0, 0, 0, theme.Padding()*2), container.NewVBox(
		reportHeading("主要数据"), t.newTiles(),
		widget.NewSeparator(),
		container.NewBorder(nil, nil, reportHeading("建议办理情况"), nil, reportHint("点击百分比或「口径」查看计算方法和明细")),
		t.newRateTable(),
		reportHint("比率的分母为0时显示「—」；百分比的小数位数在「设置」中调整。"),
	)))

	t.text = widget.NewLabel("")
	// Break anywhere: Chinese has no spaces, and word wrapping would put a paragraph's indent 「　　」 on a line of
	// its own.
	t.text.Wrapping = fyne.TextWrapBreak
	t.text.Selectable = true
	t.copyMsg = widget.NewLabel("")
	t.copyMsg.Importance = widget.SuccessImportance
	copyBtn := widget.NewButtonWithIcon("复制", theme.ContentCopyIcon(), t.copyText)
	textHead := container.NewBorder(nil, nil, reportHeading("报告文字稿"), container.NewHBox(t.copyMsg, copyBtn))
	textBg := t.back()
	textArea := container.NewStack(textBg, container.NewVScroll(t.text))

	right := container.NewBorder(textHead, t.newExportBox(), nil, nil, textArea)
	split := container.NewHSplit(container.NewPadded(left), container.NewPadded(right))
	split.Offset = 0.56
	t.content = container.NewPadded(container.NewBorder(top, nil, nil, nil, split))
	t.showStatus()
	return t
}

func (t *reportTab) tabItem() *container.TabItem {
	if t.item == nil {
		t.item = container.NewTabItem("报表", t.content)
	}
	return t.item
}

// today is the office's today (the store's clock, so tests can fix it).
func (t *reportTab) today() store.Date { return store.DateOf(t.d.db.Now()) }

// refreshIfShown recomputes when the tab is the one on screen (after demo data, an import, a restore …);
// otherwise selecting it will.
func (t *reportTab) refreshIfShown() {
	if t.d.tabs != nil && t.d.tabs.Selected() == t.tabItem() {
		t.refresh()
	}
}

// refresh recomputes the figures of the period off the UI goroutine and shows them when they arrive, unless
// the period has changed meanwhile. It also re-reads the years that have data.
func (t *reportTab) refresh() {
	gen := t.gen.Add(1)
	p, err := t.period()
	if err != nil {
		t.clear()
		t.status.Importance = widget.DangerImportance
		t.status.SetText(err.Error())
		t.applied.Store(gen)
		return
	}
	t.status.Importance = widget.MediumImportance
	t.status.SetText("正在统计…")
	db, ctx := t.d.db, t.d.ctx
	go func() {
		years, yerr := db.DataYears(ctx)
		st, err := db.Settings(ctx)
		var fig store.Figures
		if err == nil {
			fig, err = db.Figures(ctx, p.from, p.to, p.asOf)
		}
		fyne.Do(func() {
			if t.gen.Load() != gen {
				return // a newer period was asked for; its result will come
			}
			defer t.applied.Store(gen)
			if yerr == nil {
				t.setYears(years)
			}
			if err != nil {
				t.clear()
				t.status.Importance = widget.DangerImportance
				t.status.SetText("无法统计：" + store.ErrorMessage(err))
				return
			}
			t.show(p, st, fig)
		})
	}()
}

// periodChanged follows a new year: the 截至 date goes back to its default (today, or the period's end when
// that is earlier), and the figures are recomputed.
func (t *reportTab) periodChanged(resetAsOf bool) {
	if t.quiet {
		return
	}
	if resetAsOf {
		t.quiet = true
		t.asOf.SetDate(t.defaultAsOf())
		t.quiet = false
	}
	t.refresh()
}

// spanChanged shows the year or the two dates of 自定义 (filled from the year the first time) and recomputes.
func (t *reportTab) spanChanged() {
	if t.quiet {
		return
	}
	custom := t.span.Selected == reportSpanCustom
	if custom {
		y := t.selectedYear()
		t.quiet = true
		if t.from.Date() == "" {
			t.from.SetDate(store.YearPeriod(y).From)
		}
		if t.to.Date() == "" {
			t.to.SetDate(store.YearPeriod(y).To)
		}
		t.quiet = false
		t.yearBox.Hide()
		t.custom.Show()
	} else {
		t.custom.Hide()
		t.yearBox.Show()
	}
	t.periodChanged(true)
}

// dateChanged recomputes once a typed date is complete; a new end of a custom period resets 截至.
func (t *reportTab) dateChanged(e *dateEntry) {
	if t.quiet || (e.Date() == "" && strings.TrimSpace(e.Text) != "") {
		return // still typing
	}
	t.periodChanged(e == t.to)
}

// selectedYear is the year chosen in 年度.
func (t *reportTab) selectedYear() int {
	y, err := strconv.Atoi(strings.TrimSuffix(t.year.Selected, "年"))
	if err != nil {
		return t.today().Year()
	}
	return y
}

// periodEnd is the last day the chosen period can count: 31 December of the year, or the end of 自定义.
func (t *reportTab) periodEnd() store.Date {
	if t.span.Selected == reportSpanCustom {
		return t.to.Date()
	}
	return store.YearPeriod(t.selectedYear()).To
}

// defaultAsOf is today, or the end of the period when it is over.
func (t *reportTab) defaultAsOf() store.Date {
	today, end := t.today(), t.periodEnd()
	if end == "" || today < end {
		return today
	}
	return end
}

// period reads the period from the widgets; the 截至 date is clamped to the period's end (a report on a
// period cannot be made as of a later day than its end: the counts would include what came after).
func (t *reportTab) period() (reportPeriod, error) {
	p := reportPeriod{span: t.span.Selected}
	if p.span == reportSpanCustom {
		p.from, p.to = t.from.Date(), t.to.Date()
		switch {
		case p.from == "":
			return p, fmt.Errorf("请填写起始日期(例如 2024-01-01)")
		case p.to == "":
			return p, fmt.Errorf("请填写截止日期(例如 2024-06-30)")
		case p.to < p.from:
			return p, fmt.Errorf("截止日期(%s)不能早于起始日期(%s)", p.to.Chinese(), p.from.Chinese())
		}
	} else {
		y := t.selectedYear()
		p.from, p.to = store.YearPeriod(y).From, store.YearPeriod(y).To
	}
	p.asOf = t.asOf.Date()
	if p.asOf == "" {
		return p, fmt.Errorf("请填写截至日期(例如 %s)", t.today())
	}
	p.asOf = min(p.asOf, p.to)
	if p.asOf < p.from {
		return p, fmt.Errorf("截至日期(%s)不能早于统计期间的开始(%s)", p.asOf.Chinese(), p.from.Chinese())
	}
	if p.span == reportSpanToDate {
		p.to = p.asOf
	}
	return p, nil
}

// setYears offers the years that have data and this year, newest first, keeping the one chosen.
func (t *reportTab) setYears(years []int) {
	chosen := t.selectedYear()
	all := slices.Clone(years)
	for _, y := range []int{t.today().Year(), chosen} {
		if !slices.Contains(all, y) {
			all = append(all, y)
		}
	}
	slices.SortFunc(all, func(a, b int) int { return b - a })
	if slices.Equal(all, t.years) {
		return
	}
	t.years = all
	opts := make([]string, len(all))
	for i, y := range all {
		opts[i] = reportYearLabel(y)
	}
	t.quiet = true
	t.year.SetOptions(opts)
	t.year.SetSelected(reportYearLabel(chosen))
	t.quiet = false
}

// show puts computed figures on screen.
func (t *reportTab) show(p reportPeriod, st store.Settings, fig store.Figures) {
	t.shown, t.settings, t.fig = p, st, fig
	for _, b := range t.backs {
		b.FillColor = theme.Color(theme.ColorNameInputBackground)
		b.Refresh()
	}
	for _, tile := range t.tiles {
		if tile.name != nil {
			tile.label.SetText(tile.name(st))
		}
		tile.set(tile.count(fig))
	}
	t.rateHead.SetText(reportTotalName(p))
	parts := []store.SuggestionFigures{fig.All, fig.Session, fig.Recess}
	for i, def := range store.RateDefs {
		for j, sf := range parts {
			r := sf.RateOf(def)
			c := t.rates[i][j]
			c.value.SetText(r.Percent(st.Precision))
			c.frac.SetText("")
			if r.Den != 0 {
				c.frac.SetText(r.Explain())
			}
		}
	}
	text := export.ReportText(st, fig)
	if strings.TrimSpace(text) == "" {
		text = "(这一期间还没有可以写进报告的数据。)"
	}
	t.text.SetText(text)
	t.showStatus()
}

// clear empties the figures when the period cannot be computed, so that no number of another period stays.
func (t *reportTab) clear() {
	t.shown = reportPeriod{}
	for _, tile := range t.tiles {
		tile.set(-1)
	}
	for _, row := range t.rates {
		for _, c := range row {
			c.value.SetText("—")
			c.frac.SetText("")
		}
	}
	t.text.SetText("")
}

// showStatus says what the figures shown are of.
func (t *reportTab) showStatus() {
	t.status.Importance = widget.MediumImportance
	p := t.shown
	if p.from == "" {
		t.status.SetText("选择统计期间后显示数据")
		return
	}
	msg := fmt.Sprintf("统计期间：%s至%s收到的建议和举行的会议、活动　·　数据截至%s", p.from.Chinese(), p.to.Chinese(), p.asOf.Chinese())
	if p.asOf == t.today() {
		msg += "(今天)"
	}
	t.status.SetText(msg)
}

// ---- key figures ----

// newTiles builds the grid of key counts.
func (t *reportTab) newTiles() fyne.CanvasObject {
	received := func(s store.FigureSlice) func(store.Figures) int {
		return func(f store.Figures) int { return f.Sum(s).Received }
	}
	meetings := func(kind string) func(store.Figures) int {
		return func(f store.Figures) int { return f.MeetingCount(kind) }
	}
	t.tiles = []*reportTile{
		{caption: "收到建议合计", unit: "件", count: received(store.FigureSlice{})},
		{caption: "人代会期间收到", unit: "件", count: received(store.FigureSlice{Period: store.PeriodSession})},
		{caption: "闭会期间收到", unit: "件", count: received(store.FigureSlice{Period: store.PeriodRecess})},
		// As T1 and the report text count them: the voters' items between sessions.
		{caption: "其中选民意见建议", unit: "条", count: received(store.FigureSlice{Period: store.PeriodRecess, Kind: store.KindVoter})},
		{caption: "人代会", unit: "次", count: meetings(store.MeetingCongress)},
		{caption: "主席团会议", unit: "次", count: meetings(store.MeetingPresidium), name: func(st store.Settings) string {
			if st.BodyWord == "" {
				return "主席团会议"
			}
			return st.BodyWord + "会议" // 人大工委会议
		}},
		{caption: "审议专项工作报告", unit: "项", count: func(f store.Figures) int { return f.SpecialReports }},
		{caption: "执法检查", unit: "项", count: func(f store.Figures) int { return f.LawChecks }},
		{caption: "视察和调研", unit: "项", count: func(f store.Figures) int { return f.InspectionsResearch }},
		{caption: "作出决议、决定", unit: "项", count: func(f store.Figures) int { return f.Resolutions }},
		{caption: "在任代表", unit: "人", count: func(f store.Figures) int { return f.Deputies.All.Deputies }},
		{caption: "家站点(在用)", unit: "个", count: func(f store.Figures) int { return f.Stations.Total }},
		{caption: "接待选民", unit: "人次", count: func(f store.Figures) int { return f.ReceptionVoters }},
		{caption: "代表述职", unit: "人次", count: func(f store.Figures) int {
			return f.ReportBacksOral + f.ReportBacksWritten
		}},
		{caption: "已交办(含转交上级)", unit: "件", count: func(f store.Figures) int { return f.All.Handed }},
	}
	grid := container.NewGridWithColumns(5)
	for _, tile := range t.tiles {
		grid.Add(tile.build(t.back()))
	}
	return grid
}

// back is a tinted, rounded background.
func (t *reportTab) back() *canvas.Rectangle {
	r := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	r.CornerRadius = theme.InputRadiusSize()
	t.backs = append(t.backs, r)
	return r
}

// build lays the tile out on bg: a tinted card with the caption over the number.
func (c *reportTile) build(bg *canvas.Rectangle) fyne.CanvasObject {
	c.label = widget.NewLabel(c.caption)
	c.label.Truncation = fyne.TextTruncateEllipsis
	c.label.SizeName = theme.SizeNameCaptionText
	c.value = widget.NewRichText()
	c.set(-1)
	return container.NewStack(bg, container.New(layout.NewCustomPaddedLayout(0, 0, 2, 2),
		container.NewVBox(c.label, container.New(layout.NewCustomPaddedLayout(-12, 0, 0, 0), c.value))))
}

// set shows a count as 「23 件」, or 「—」 for none (-1).
func (c *reportTile) set(n int) {
	text := "—"
	if n >= 0 {
		text = strconv.Itoa(n)
	}
	c.value.Segments = []widget.RichTextSegment{
		&widget.TextSegment{Text: text, Style: widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameHeadingText,
			ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Bold: true}}},
		&widget.TextSegment{Text: " " + c.unit, Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameForeground}},
	}
	c.value.Refresh()
}

// text is the count as shown (「23」), for tests.
func (c *reportTile) text() string {
	return c.value.Segments[0].(*widget.TextSegment).Text
}

// ---- rates ----

// reportRateWidths are the columns of the rate table: the rate's name, 全年, 人代会期间, 闭会期间, 口径.
var reportRateWidths = []float32{150, 135, 135, 135, 0}

// newRateTable builds one row per store.RateDefs: the rate over the whole period, the session and between
// sessions, each tappable, and a 口径 button.
func (t *reportTab) newRateTable() fyne.CanvasObject {
	cols := &reportColumns{widths: reportRateWidths}
	head := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.rateHead = head("全年")
	rows := container.NewVBox(container.New(cols, head("指标"), t.rateHead, head("人代会期间"), head("闭会期间"), head("")))
	t.rates = make([][]*reportRateCell, len(store.RateDefs))
	for i, def := range store.RateDefs {
		cells := []fyne.CanvasObject{widget.NewLabel(def.Name)}
		for j := range reportPeriods {
			c := &reportRateCell{frac: widget.NewLabel("")}
			c.value = widget.NewHyperlink("—", nil)
			c.value.TextStyle.Bold = true
			c.value.OnTapped = func() { t.explain(def, j) }
			c.frac.Importance = widget.LowImportance
			t.rates[i] = append(t.rates[i], c)
			cells = append(cells, container.NewHBox(c.value, c.frac))
		}
		explain := widget.NewButtonWithIcon("口径", theme.InfoIcon(), func() { t.explain(def, 0) })
		explain.Importance = widget.LowImportance
		cells = append(cells, container.NewHBox(explain))
		rows.Add(container.New(cols, cells...))
	}
	return rows
}

// explain opens the 口径 of a rate: its definition and, for the whole period, the session and between
// sessions, the rate with its numerator and denominator, each with 查看明细. period is the column tapped; its
// row is in bold.
func (t *reportTab) explain(def store.RateDef, period int) {
	if t.shown.from == "" {
		return // nothing computed yet
	}
	prec := t.settings.Precision
	def0 := widget.NewLabel("口径：" + def.Definition)
	def0.Wrapping = fyne.TextWrapWord
	cols := &reportColumns{widths: []float32{110, 90, 260, 260}}
	bold := fyne.TextStyle{Bold: true}
	rows := container.NewVBox(container.New(cols,
		widget.NewLabelWithStyle("范围", fyne.TextAlignLeading, bold),
		widget.NewLabelWithStyle("比率", fyne.TextAlignLeading, bold),
		widget.NewLabelWithStyle("分子："+def.Num.Label(), fyne.TextAlignLeading, bold),
		widget.NewLabelWithStyle("分母："+def.Den.Label(), fyne.TextAlignLeading, bold)))
	for j, per := range reportPeriods {
		sf := t.fig.Sum(per.slice)
		r := sf.RateOf(def)
		name := per.name
		if j == 0 {
			name = reportTotalName(t.shown)
		}
		style := fyne.TextStyle{Bold: j == period}
		count := func(key store.FigureKey, n int) fyne.CanvasObject {
			l := widget.NewLabelWithStyle(fmt.Sprintf("%d 件", n), fyne.TextAlignLeading, style)
			b := widget.NewButtonWithIcon("查看明细", theme.ListIcon(), func() { t.showItems(def, j, key) })
			b.Importance = widget.LowImportance
			if n == 0 {
				b.Disable()
			}
			return container.NewHBox(l, b)
		}
		rows.Add(container.New(cols,
			widget.NewLabelWithStyle(name, fyne.TextAlignLeading, style),
			widget.NewLabelWithStyle(r.Percent(prec), fyne.TextAlignLeading, style),
			count(def.Num, r.Num), count(def.Den, r.Den)))
	}
	note := reportHint(fmt.Sprintf("比率 = 分子 ÷ 分母，保留%d位小数；分母为0时显示「—」。统计截至%s。", prec, t.shown.asOf.Chinese()))
	t.explainBox = container.NewVBox(def0, widget.NewSeparator(), rows, note)
	t.explainDlg = dialog.NewCustom(def.Name+"口径", "关闭", t.explainBox, t.d.win)
	t.explainDlg.Resize(fyne.NewSize(820, 330))
	t.explainDlg.Show()
}

// showItems lists the suggestions behind a numerator or denominator (store.FigureItems, as of the report
// date); tapping one opens it in 建议. The list is read off the UI goroutine.
func (t *reportTab) showItems(def store.RateDef, period int, key store.FigureKey) {
	fig, shown := t.fig, t.shown
	per := reportPeriods[period]
	name := per.name
	if period == 0 {
		name = reportTotalName(shown)
	}
	title := fmt.Sprintf("%s · %s · %s", def.Name, name, key.Label())
	db, ctx := t.d.db, t.d.ctx
	go func() {
		ids, err := db.FigureItems(ctx, fig, per.slice, key)
		var items []store.Suggestion
		if err == nil && len(ids) > 0 {
			items, _, err = db.Suggestions(ctx, store.SuggestionFilter{IDs: ids, Sort: "number"})
		}
		fyne.Do(func() {
			if err != nil {
				t.d.showError(err)
				return
			}
			t.itemsShown = items
			t.itemsDialog(fmt.Sprintf("%s(%d 件)", title, len(items)), items, shown.asOf)
		})
	}()
}

// reportItemWidths are the columns of the 明细 list: 编号, 标题, 状态, 办理结果, 承办单位.
var reportItemWidths = []float32{110, 0, 90, 110, 160}

// itemsDialog shows the items of a count; a tap closes the dialogs and opens the item in 建议.
func (t *reportTab) itemsDialog(title string, items []store.Suggestion, asOf store.Date) {
	cols := &reportColumns{widths: reportItemWidths}
	bold := fyne.TextStyle{Bold: true}
	head := container.New(cols, widget.NewLabelWithStyle("编号", fyne.TextAlignLeading, bold),
		widget.NewLabelWithStyle("标题", fyne.TextAlignLeading, bold), widget.NewLabelWithStyle("状态", fyne.TextAlignLeading, bold),
		widget.NewLabelWithStyle("办理结果", fyne.TextAlignLeading, bold), widget.NewLabelWithStyle("承办单位", fyne.TextAlignLeading, bold))
	list := widget.NewList(func() int { return len(items) },
		func() fyne.CanvasObject {
			cells := make([]fyne.CanvasObject, len(reportItemWidths))
			for i := range cells {
				l := widget.NewLabel("")
				l.Truncation = fyne.TextTruncateEllipsis
				cells[i] = l
			}
			return container.New(cols, cells...)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			x := items[i]
			for k, s := range []string{x.Number, x.Title, x.State, x.Outcome, x.MainUnitName} {
				o.(*fyne.Container).Objects[k].(*widget.Label).SetText(s)
			}
		})
	t.itemsList = list
	list.OnSelected = func(i widget.ListItemID) {
		list.UnselectAll()
		t.itemsDlg.Hide()
		if t.explainDlg != nil {
			t.explainDlg.Hide()
		}
		t.d.openSuggestion(items[i].ID)
	}
	hint := "点击一件建议，在「建议」中打开。"
	if asOf < t.today() {
		hint += "列表中的状态和办理结果是现在的情况；统计按截至" + asOf.Chinese() + "的情况计算。"
	}
	var body fyne.CanvasObject = list
	if len(items) == 0 {
		body = emptyDetail("没有记录")
	}
	content := container.NewBorder(head, reportHint(hint), nil, nil, body)
	t.itemsDlg = dialog.NewCustom(title, "关闭", content, t.d.win)
	t.itemsDlg.Resize(fyne.NewSize(900, 560))
	t.itemsDlg.Show()
}

// ---- text ----

// copyText puts the 报告文字稿 on the clipboard and says so for a few seconds.
func (t *reportTab) copyText() {
	if t.shown.from == "" {
		return
	}
	t.d.app.Clipboard().SetContent(t.text.Text)
	t.copyStamp++
	stamp := t.copyStamp
	t.copyMsg.SetText("已复制到剪贴板")
	time.AfterFunc(3*time.Second, func() {
		fyne.Do(func() {
			if t.copyStamp == stamp {
				t.copyMsg.SetText("")
			}
		})
	})
}

// ---- export ----

// newExportBox builds the export buttons and the progress line under them.
func (t *reportTab) newExportBox() fyne.CanvasObject {
	button := func(label string, icon fyne.Resource, formats []string) *widget.Button {
		b := widget.NewButtonWithIcon(label, icon, func() { t.chooseFolder(formats) })
		t.exports = append(t.exports, b)
		return b
	}
	all := button("全部导出", theme.DownloadIcon(), export.ReportFormats)
	all.Importance = widget.HighImportance
	buttons := container.NewGridWithColumns(4,
		button("导出 Excel", theme.GridIcon(), []string{"xlsx"}),
		button("导出 PDF", theme.DocumentPrintIcon(), []string{"pdf"}),
		button("导出文字稿", theme.DocumentIcon(), []string{"txt"}),
		all)
	t.progress = widget.NewProgressBar()
	t.progressMsg = widget.NewLabel("")
	t.progressMsg.Truncation = fyne.TextTruncateEllipsis
	t.progressBox = container.NewVBox(t.progressMsg, t.progress)
	t.progressBox.Hide()
	note := reportHint("Excel 工作簿含各统计表和图表；PDF 供打印；文字稿为纯文本。文件按当前选择的期间和截至日期生成。")
	note.Wrapping = fyne.TextWrapWord
	return container.NewVBox(widget.NewSeparator(), reportHeading("导出"), buttons, t.progressBox, note)
}

// chooseFolder asks for the folder to write into, starting where the last report went, and exports there.
func (t *reportTab) chooseFolder(formats []string) {
	prefs := t.d.app.Preferences()
	dlg := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			t.d.showError(err)
			return
		}
		if dir == nil {
			return
		}
		prefs.SetString(reportFolderPref, dir.Path())
		t.exportTo(dir.Path(), formats)
	}, t.d.win)
	showFileDialog(dlg, prefs.String(reportFolderPref))
}

// exportTo reads the report of the period (store.LoadReport, as `rendadesk export` does) and writes the
// formats into dir off the UI goroutine (export.WriteReport makes the files side by side); the progress bar steps
// as the data is read and as each file is finished, and the line above it names what is still being made.
// Then it lists what was written.
func (t *reportTab) exportTo(dir string, formats []string) {
	p, err := t.period()
	if err != nil {
		t.d.showError(err)
		return
	}
	for _, b := range t.exports {
		b.Disable()
	}
	t.progress.Max = float64(len(formats) + 1) // reading the data, then one step per file
	t.progress.SetValue(0)
	t.progressMsg.SetText("正在读取数据…")
	t.progressBox.Show()
	db, ctx := t.d.db, t.d.ctx
	go func() {
		var paths []string
		var err error
		defer func() {
			// A failure inside the Excel or PDF library must not take the clerk's window down with it.
			if r := recover(); r != nil {
				err = fmt.Errorf("导出报表时出错(%v)，请把这个提示告诉维护人员", r)
			}
			fyne.Do(func() { t.exportDone(paths, dir, err) })
		}()
		data, err := db.LoadReport(ctx, p.from, p.to, p.asOf)
		rep := export.Report{ReportData: data}
		if err != nil {
			err = fmt.Errorf("读取报表数据：%s", store.ErrorMessage(err))
			return
		}
		var pending []string         // the files not finished yet, as the clerk will see them in the folder
		files := map[string]string{} // the clerk's name of a format → its file
		for _, f := range formats {
			file := export.ReportFileName(rep, f)
			files[export.ReportFormatNames[f]] = file
			pending = append(pending, file)
		}
		fyne.Do(func() {
			t.progress.SetValue(1)
			t.progressMsg.SetText("正在生成：" + strings.Join(pending, "、"))
		})
		paths, err = export.WriteReport(rep, dir, formats, func(done int, name string) {
			fyne.Do(func() {
				pending = slices.DeleteFunc(pending, func(s string) bool { return s == files[name] })
				t.progress.SetValue(float64(done + 1))
				msg := fmt.Sprintf("已生成%s(%d/%d)", name, done, len(formats))
				if len(pending) > 0 {
					msg += "，正在生成：" + strings.Join(pending, "、")
				}
				t.progressMsg.SetText(msg)
			})
		})
		if err != nil {
			err = fmt.Errorf("导出报表：%s", store.ErrorMessage(err))
		}
	}()
}

// exportDone ends an export on the UI goroutine: the buttons come back, and the files or the error are shown.
func (t *reportTab) exportDone(paths []string, dir string, err error) {
	defer t.exported.Add(1)
	t.written = paths
	t.progress.SetValue(t.progress.Max)
	t.progressBox.Hide()
	for _, b := range t.exports {
		b.Enable()
	}
	if err != nil {
		if len(paths) > 0 {
			err = fmt.Errorf("%s\n\n已写好的文件：\n%s", store.ErrorMessage(err), strings.Join(paths, "\n"))
		}
		t.d.showError(err)
		return
	}
	t.showWrittenFiles(dir, paths)
}

// showWrittenFiles lists the files written, each with 打开文件, and 打开所在文件夹.
func (t *reportTab) showWrittenFiles(dir string, paths []string) {
	head := widget.NewLabel(fmt.Sprintf("已导出 %d 个文件到\n%s", len(paths), dir))
	head.Wrapping = fyne.TextWrapWord
	rows := container.NewVBox(head)
	for _, p := range paths {
		name := widget.NewLabel(filepath.Base(p))
		name.Truncation = fyne.TextTruncateEllipsis
		open := widget.NewButtonWithIcon("打开文件", theme.FileIcon(), func() { t.d.openLocal(p) })
		rows.Add(container.NewBorder(nil, nil, nil, open, name))
	}
	folder := widget.NewButtonWithIcon("打开所在文件夹", theme.FolderOpenIcon(), func() { t.d.openLocal(dir) })
	rows.Add(container.NewHBox(folder))
	dlg := dialog.NewCustom("导出完成", "关闭", rows, t.d.win)
	dlg.Resize(fyne.NewSize(620, 160+float32(len(paths))*44))
	dlg.Show()
}

// ---- small parts ----

func reportYearLabel(y int) string { return fmt.Sprintf("%d年", y) }
func reportFixed(w float32, o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o)
}

// reportTotalName names the column of the whole period: 全年 for a calendar year, 合计 otherwise.
func reportTotalName(p reportPeriod) string {
	if (store.Period{From: p.from, To: p.to}).IsYear() {
		return "全年"
	}
	return "合计"
}

// reportHeading is a section title.
func reportHeading(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// reportHint is a line of small explanatory text.
func reportHint(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.SizeName = theme.SizeNameCaptionText
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// waitIdle waits, off the UI goroutine, until the figures last asked for are on screen (or the time is up):
// for the screenshots, which must not photograph 「正在统计…」.
func (t *reportTab) waitIdle(limit time.Duration) {
	for end := time.Now().Add(limit); t.applied.Load() != t.gen.Load() && time.Now().Before(end); {
		time.Sleep(20 * time.Millisecond)
	}
}

// reportColumns lays a row's objects out in columns of fixed widths, so that the rows of a table line up;
// a width of 0 takes what is left (or the object's own width when nothing is).
type reportColumns struct {
	widths []float32
}

// MinSize is the sum of the widths (a flexible column counts its object's minimum) and the tallest object.
func (c *reportColumns) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	pad := theme.Padding()
	for i, o := range objects {
		m := o.MinSize()
		w := m.Width
		if i < len(c.widths) && c.widths[i] > 0 {
			w = c.widths[i]
		}
		if i > 0 {
			s.Width += pad
		}
		s.Width += w
		s.Height = max(s.Height, m.Height)
	}
	return s
}

// Layout places each object in its column, the full height of the row.
func (c *reportColumns) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	fixed, flexible := float32(0), 0
	for i := range objects {
		if i > 0 {
			fixed += pad
		}
		if i < len(c.widths) && c.widths[i] > 0 {
			fixed += c.widths[i]
		} else {
			flexible++
		}
	}
	flex := float32(0)
	if flexible > 0 {
		flex = max(0, (size.Width-fixed)/float32(flexible))
	}
	x := float32(0)
	for i, o := range objects {
		w := flex
		if i < len(c.widths) && c.widths[i] > 0 {
			w = c.widths[i]
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + pad
	}
}
