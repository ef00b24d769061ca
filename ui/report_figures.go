package ui

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

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

// ---- rates ----

// reportRateWidths are the columns of the rate table: the rate's name, 全年, 人代会期间, 闭会期间, 口径.
var reportRateWidths = []float32{150, 135, 135, 135, 0}

// newRateTable builds one row per store.RateDefs: the rate over the whole period, the session and between
// sessions, each tappable, and a 口径 button.
func (t *reportTab) newRateTable() fyne.CanvasObject {
	cols := &reportColumns{widths: reportRateWidths}
	t.rateHead = boldLabel("全年")
	rows := container.NewVBox(container.New(cols, boldLabel("指标"), t.rateHead, boldLabel("人代会期间"), boldLabel("闭会期间"), boldLabel("")))
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
	rows := container.NewVBox(container.New(cols,
		boldLabel("范围"), boldLabel("比率"), boldLabel("分子："+def.Num.Label()), boldLabel("分母："+def.Den.Label())))
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
	head, list := columnList(reportItemWidths, []string{"编号", "标题", "状态", "办理结果", "承办单位"}, len(items), func(i int) []string {
		x := items[i]
		return []string{x.Number, x.Title, x.State, x.Outcome, x.MainUnitName}
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

// columnList is a list of n rows in columns of the given widths (0: what is left), each cell a truncated label
// with cells(i)'s text, and its header row of bold titles to put above it.
func columnList(widths []float32, titles []string, n int, cells func(i int) []string) (fyne.CanvasObject, *widget.List) {
	cols := &reportColumns{widths: widths}
	heads := make([]fyne.CanvasObject, len(titles))
	for i, h := range titles {
		heads[i] = boldLabel(h)
	}
	list := widget.NewList(func() int { return n },
		func() fyne.CanvasObject {
			objs := make([]fyne.CanvasObject, len(widths))
			for i := range objs {
				l := widget.NewLabel("")
				l.Truncation = fyne.TextTruncateEllipsis
				objs[i] = l
			}
			return container.New(cols, objs...)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			for k, s := range cells(i) {
				o.(*fyne.Container).Objects[k].(*widget.Label).SetText(s)
			}
		})
	return container.New(cols, heads...), list
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
