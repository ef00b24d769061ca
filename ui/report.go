package ui

import (
	"fmt"
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
	supRows   []reportSupRow // 监督工作 (report_supervision.go)
	rules     *reportRules   // 工作规则执行情况 (issue 22, report_compliance.go)
	plan      *reportPlan    // 年度工作计划执行情况 (issue 22, report_plan.go)
	awards    *reportAwards  // 评先评优 (issue 22 part 4, report_award.go)
	tiles     []*reportTile
	rateHead  *widget.Label // 「全年」, or 「合计」 for a period that is not a whole year
	rates     [][]*reportRateCell
	text      *ruledText
	copyMsg   *widget.Label
	copyStamp int

	// Beside the text, 已报送版本: the versions of the year that exports kept (report_versions.go).
	side     *container.AppTabs
	versions *reportVersions

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

	// The 信访和联系群众 counts and the records of the last 明细 (report_contact.go).
	contactRows  []*reportContactRow
	contactItems []store.ContactRecord

	content fyne.CanvasObject

	// training is the 培训学习 part (issue 22 part 5, training.go).
	training *reportTraining
	// publicity is the 宣传信息 part (issue 22 part 6, publicity.go).
	publicity *reportPublicity
}

// reportPeriod is the period of the figures: suggestions received from from to to, as they stood on asOf.
type reportPeriod struct {
	span           string
	from, to, asOf store.Date
}

func newReportTab(d *desk) *reportTab {
	t := &reportTab{d: d}
	today := t.today()

	t.year = newSelect(nil, func(string) { t.periodChanged(true) })
	t.years = []int{today.Year()}
	t.year.Options = []string{reportYearLabel(today.Year())}
	t.year.Selected = t.year.Options[0]
	t.yearBox = container.NewHBox(widget.NewLabel("年度"), fixedWidth(110, t.year))
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
	t.custom = container.NewHBox(widget.NewLabel("自"), fixedWidth(170, t.from), widget.NewLabel("至"), fixedWidth(170, t.to))
	t.custom.Hide()
	t.quiet = true
	t.asOf.SetDate(t.defaultAsOf())
	t.quiet = false
	t.status = widget.NewLabel("")
	t.status.Truncation = fyne.TextTruncateEllipsis
	periodRow := container.NewHBox(t.yearBox, t.span, t.custom, widget.NewLabel("数据截至"), fixedWidth(170, t.asOf))
	top := container.NewVBox(periodRow, t.status, widget.NewSeparator())

	// The right padding keeps the last column of tiles clear of the scroll bar.
	left := container.NewVScroll(container.New(layout.NewCustomPaddedLayout(0, 0, 0, theme.Padding()*2), container.NewVBox(
		boldLabel("主要数据"), t.newTiles(),
		widget.NewSeparator(),
		container.NewBorder(nil, nil, boldLabel("建议办理情况"), nil, reportHint("点击百分比或「口径」查看计算方法和明细")),
		t.newRateTable(),
		reportHint("比率的分母为0时显示「—」；百分比的小数位数在「设置」中调整。"),
		widget.NewSeparator(),
		boldLabel("信访和联系群众"), t.newContactTable(), // issue 18 (report_contact.go)
		widget.NewSeparator(),
		container.NewBorder(nil, nil, boldLabel("监督工作"), nil, reportHint("点击数字查看口径和明细")),
		t.newSupervisionBox(),
		widget.NewSeparator(),
		t.newRulesBox(), // issue 22
		widget.NewSeparator(),
		t.newPlanBox(), // issue 22: the work plan (report_plan.go)
		widget.NewSeparator(),
		t.newTrainingBox(), // issue 22 part 5
		widget.NewSeparator(),
		t.newPublicityBox(), // issue 22 part 6
		widget.NewSeparator(),
		t.newAwardsBox(), // issue 22 part 4
	)))

	// Lines broken as the PDF breaks them (export.WrapText): no line starts with 「，」, numbers stay whole.
	t.text = newRuledText()
	t.copyMsg = widget.NewLabel("")
	t.copyMsg.Importance = widget.SuccessImportance
	copyBtn := widget.NewButtonWithIcon("复制", theme.ContentCopyIcon(), t.copyText)
	textHead := container.NewBorder(nil, nil, nil, container.NewHBox(t.copyMsg, copyBtn), reportHint("按所选期间和截至日期生成，可复制到工作报告中"))
	textBg := t.back()
	textArea := container.NewStack(textBg, container.NewVScroll(t.text))

	t.versions = newReportVersions(t)
	t.side = container.NewAppTabs(container.NewTabItem("报告文字稿", container.NewBorder(textHead, nil, nil, nil, textArea)),
		t.versions.item)
	right := container.NewBorder(nil, t.newExportBox(), nil, nil, t.side)
	split := container.NewHSplit(container.NewPadded(left), container.NewPadded(right))
	split.Offset = 0.56
	t.content = container.NewPadded(container.NewBorder(top, nil, nil, nil, split))
	t.showStatus()
	return t
}

func (t *reportTab) tabItem() *container.TabItem { return onceTab(&t.item, "报表", t.content) }

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
	t.versions.load(p.from.Year())
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
			} else {
				logError("报表: 读取有数据的年度", yerr) // the years offered stay as they were
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

// period reads the period from the widgets. The 截至 date is a setting of its own: it may be after the
// period's end (「2025年的建议，办理情况截至2026年1月15日」: the items and meetings are the period's, their
// handling is counted on the later day), never before its start nor after today. For 年初以来 it also ends
// the period.
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
	if p.asOf < p.from {
		return p, fmt.Errorf("截至日期(%s)不能早于统计期间的开始(%s)", p.asOf.Chinese(), p.from.Chinese())
	}
	if today := t.today(); p.asOf > today {
		return p, fmt.Errorf("截至日期(%s)不能晚于今天(%s)", p.asOf.Chinese(), today.Chinese())
	}
	if p.span == reportSpanToDate {
		p.to = min(p.asOf, p.to)
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
	t.showContact(fig)
	t.showSupervision(st, fig)
	t.showRules(fig)
	t.showPlan(fig)
	t.showTraining(fig)  // issue 22 part 5
	t.showPublicity(fig) // issue 22 part 6
	t.showAwards(fig)    // issue 22 part 4
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
	for _, r := range t.contactRows {
		r.value.SetText("—")
	}
	t.showSupervision(t.settings, store.Figures{})
	t.showRules(store.Figures{})
	t.showPlan(store.Figures{})
	t.showTraining(store.Figures{})
	t.showPublicity(store.Figures{})
	t.showAwards(store.Figures{}) // issue 22 part 4
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
	msg := fmt.Sprintf("统计时段：%s至%s收到的建议和举行的会议、活动　·　数据截至%s", p.from.Chinese(), p.to.Chinese(), p.asOf.Chinese())
	if p.asOf == t.today() {
		msg += "(今天)"
	}
	t.status.SetText(msg)
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

// ---- small parts ----

// reportYearLabel is 2024年.
func reportYearLabel(y int) string { return fmt.Sprintf("%d年", y) }

// reportTotalName names the column of the whole period: 全年 for a calendar year, 合计 otherwise.
func reportTotalName(p reportPeriod) string {
	if (store.Period{From: p.from, To: p.to}).IsYear() {
		return "全年"
	}
	return "合计"
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
	for end := time.Now().Add(limit); (t.applied.Load() != t.gen.Load() || t.versions.applied.Load() != t.versions.gen.Load()) &&
		time.Now().Before(end); {
		time.Sleep(20 * time.Millisecond)
	}
}
