package ui

import (
	"encoding/json"
	"fmt"
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

// 宣传信息 (issue 22 part 6), opened from the 会议 tab's toolbar: the pieces published (宣传稿件, 人大信息) with their
// outlet and level, the issues of 《人大通讯》, and the year's quotas per level with what is done. It sits with the
// meetings because that is what the pieces report — the clerk who has just recorded a 视察 or a 人代会 writes it up
// — and where the assessment's 查阅记录 looks for the office's activities; as 意见卡与通报 beside the deputies, it is a
// dialog rather than a tab of its own.

// publicityDialog is the dialog with its three pages.
type publicityDialog struct {
	d      *desk
	dlg    dialog.Dialog
	year   *widget.Select
	level  *widget.Select
	search *widget.Entry

	articles    []store.Article
	newsletters []store.Newsletter
	figures     store.PublicityFigures
	artList     *fyne.Container
	newsList    *fyne.Container
	summary     *widget.Label // the year's counts against the quotas, over the list
	quotas      map[string]*textEntry
	quotaDone   map[string]*widget.Label
	quotaMsg    *widget.Label
	quotaMark   func(bool) // shows 「有未保存的修改」 beside 保存宣传任务
	quotaState  *formState
	tabs        *container.AppTabs
}

// selectedYear is the year chosen (this year when none).
func (p *publicityDialog) selectedYear() int {
	if y, err := strconv.Atoi(strings.TrimSuffix(p.year.Selected, "年")); err == nil {
		return y
	}
	return p.d.today().Year()
}

// showPublicity opens 宣传信息 on this year.
func (t *meetingsTab) showPublicity() *publicityDialog {
	d := t.d
	p := &publicityDialog{d: d, artList: container.NewStack(), newsList: container.NewStack(), summary: widget.NewLabel(""),
		quotas: map[string]*textEntry{}, quotaDone: map[string]*widget.Label{}, quotaMsg: sectionMsg()}
	p.summary.Wrapping = fyne.TextWrapWord
	this := d.today().Year()
	var years []string
	for y := this; y >= this-5; y-- {
		years = append(years, fmt.Sprintf("%d年", y))
	}
	p.year = newSelect(years, func(string) { p.reload() })
	p.year.Selected = years[0]
	p.level = newSelect(append([]string{"全部"}, store.OutletLevels...), func(string) { p.reload() })
	p.level.Selected = "全部"
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder("搜索标题、媒体、作者")
	p.search.OnChanged = func(string) { p.reload() }

	add := widget.NewButtonWithIcon("登记稿件", theme.ContentAddIcon(), func() {
		p.articleForm(store.Article{Kind: store.ArticlePublicity, Date: d.today()})
	})
	add.Importance = widget.HighImportance
	imp := widget.NewButtonWithIcon("导入…", theme.UploadIcon(), func() {
		d.leave([]string{formQuotas}, func() {
			p.close()
			d.showImport(store.ImportArticles)
		}, nil)
	})
	exp := widget.NewButtonWithIcon("导出…", theme.DownloadIcon(), func() {
		h, rows := export.ArticleList(p.articles)
		d.exportList(fmt.Sprintf("%d年宣传稿件", p.selectedYear()), h, rows)
	})
	prt := widget.NewButtonWithIcon("打印统计表", theme.DocumentPrintIcon(), func() { d.printTo(d.publicityList(p.selectedYear())) })
	filters := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel("年度"), fixedWidth(100, p.year),
		widget.NewLabel("级别"), fixedWidth(100, p.level)), nil, p.search)
	articles := container.NewBorder(container.NewVBox(container.NewHBox(add, imp, exp, prt), filters, p.summary), nil, nil, nil, p.artList)

	addNews := widget.NewButtonWithIcon("登记《人大通讯》", theme.ContentAddIcon(), func() {
		today := d.today()
		n, err := d.db.NextNewsletterNo(d.ctx, today.Year())
		logError("人大通讯: 读取期号", err) // the clerk types the number
		p.newsletterForm(store.Newsletter{Date: today, IssueNo: n})
	})
	news := container.NewBorder(container.NewHBox(addNews), nil, nil, nil, p.newsList)

	p.tabs = container.NewAppTabs(
		container.NewTabItem("稿件与信息", articles),
		container.NewTabItem("《人大通讯》", news),
		container.NewTabItem("宣传任务", p.quotaPage()),
	)
	p.reload()
	// 关闭 asks first when the 宣传任务 page holds changes not saved.
	closeButton := widget.NewButton("关闭", func() { d.leave([]string{formQuotas}, p.close, nil) })
	dlg := dialog.NewCustomWithoutButtons("宣传信息", p.tabs, d.win)
	dlg.SetButtons([]fyne.CanvasObject{closeButton})
	p.dlg = dlg
	p.dlg.Resize(fyne.NewSize(1000, 600))
	p.dlg.Show()
	p.trackQuotas()
	return p
}

// close hides the dialog; its 宣传任务 page is no longer on screen.
func (p *publicityDialog) close() {
	p.dlg.Hide()
	if p.quotaState != nil {
		p.d.retire(p.quotaState)
	}
}

// trackQuotas makes the 宣传任务 page a form of the window (guard.go): the quotas typed and not saved are asked
// about and kept as a draft.
func (p *publicityDialog) trackQuotas() {
	get := func() any {
		out := map[string]string{}
		for l, e := range p.quotas {
			out[l] = e.Text
		}
		return out
	}
	set := func(raw json.RawMessage) error {
		var v map[string]string
		if err := json.Unmarshal(raw, &v); err != nil {
			return err
		}
		for l, text := range v {
			if e := p.quotas[l]; e != nil {
				e.SetText(text)
			}
		}
		return nil
	}
	p.quotaState = p.d.trackForm(&formState{kind: formQuotas, key: "all", name: func() string { return "宣传信息" }, part: "宣传任务",
		get: get, set: set, save: p.saveQuotas, reveal: func() { p.tabs.SelectIndex(2) }, mark: p.quotaMark, root: p.tabs})
	for _, l := range store.OutletLevels {
		watchInputs(p.quotas[l], p.quotaState.touched)
	}
}

// reload re-reads the year's pieces (as filtered), its counts and the issues.
func (p *publicityDialog) reload() {
	d := p.d
	y := p.selectedYear()
	period := store.YearPeriod(y)
	var err error
	if p.figures, err = d.db.Publicity(d.ctx, period.From, period.To); err != nil {
		d.showError(err)
	}
	f := store.ArticleFilter{Year: y, Level: allOr(p.level.Selected), Query: p.search.Text}
	if p.articles, err = d.db.Articles(d.ctx, f); err != nil {
		d.showError(err)
	}
	var levels []string
	for _, l := range p.figures.ByLevel {
		levels = append(levels, export.PublicityLevelLine(l))
	}
	p.summary.SetText(fmt.Sprintf("%d年合计 %d 篇：%s", y, p.figures.Total(), strings.Join(levels, "；")))
	rows := make([]string, len(p.articles))
	for i, a := range p.articles {
		rows[i] = fmt.Sprintf("%s　%s　%s　%s　%s　%s", a.Date, a.Level, a.Title, a.Outlet, a.Kind, a.Authors)
	}
	p.artList.Objects = []fyne.CanvasObject{simpleList(fmt.Sprintf("列出 %d 篇(点击修改)", len(rows)), rows, func(i int) { p.articleForm(p.articles[i]) })}
	p.artList.Refresh()

	if p.newsletters, err = d.db.Newsletters(d.ctx, 0); err != nil {
		d.showError(err)
	}
	rows = make([]string, len(p.newsletters))
	for i, n := range p.newsletters {
		rows[i] = fmt.Sprintf("%s　%s", n.Label(), n.Date)
	}
	p.newsList.Objects = []fyne.CanvasObject{simpleList(fmt.Sprintf("《人大通讯》共 %d 期", len(rows)), rows, func(i int) { p.newsletterForm(p.newsletters[i]) })}
	p.newsList.Refresh()
	p.showQuotas()
}

// articleForm registers or edits a piece (删除 for a saved one).
func (p *publicityDialog) articleForm(a store.Article) {
	db, ctx := p.d.db, p.d.ctx
	kind := newSelect(store.ArticleKinds, nil)
	kind.SetSelected(a.Kind)
	title := requiredEntry("标题")
	title.SetText(a.Title)
	outlet := requiredEntry("媒体/平台")
	outlet.SetText(a.Outlet)
	outlet.SetPlaceHolder("如 县人大网、人民代表报")
	level := newSelect(store.OutletLevels, nil)
	level.SetSelected(a.Level)
	date := dateField(a.Date)
	authors := newTextEntry()
	authors.SetText(a.Authors)
	authors.SetPlaceHolder("代表或工作人员，多人用顿号分开")
	notes := newTextEntry()
	notes.SetText(a.Notes)
	head := "登记宣传稿件"
	if a.ID != 0 {
		head = a.Title
	}
	var f *stepForm
	var top fyne.CanvasObject
	if a.ID != 0 {
		top = container.NewHBox(widget.NewButtonWithIcon("删除这篇稿件", theme.DeleteIcon(), func() {
			if err := db.DeleteArticle(ctx, a.ID); err != nil {
				f.showError(err)
				return
			}
			p.d.dropForms(formArticle) // what was typed in it goes with it
			f.close()
			p.reload()
		}))
	}
	f = newStepForm(p.d.win, head, "发表的宣传稿件或被采用的人大信息", top, []*widget.FormItem{
		widget.NewFormItem("类型", kind), widget.NewFormItem("标题", title), widget.NewFormItem("媒体/平台", outlet),
		widget.NewFormItem("级别", level), widget.NewFormItem("刊发日期", date), widget.NewFormItem("作者", authors),
		widget.NewFormItem("备注", notes),
	}, func() error {
		y := a
		y.Kind, y.Title, y.Outlet, y.Level, y.Date, y.Authors, y.Notes = kind.Selected, title.Text, outlet.Text, level.Selected,
			date.Typed(), authors.Text, notes.Text
		return db.SaveArticle(ctx, &y)
	})
	f.after = p.reload
	f.trackAs(p.d, formArticle, recordKey(a.ID), a, func() string {
		if a.ID == 0 {
			return "新增宣传稿件" + quoted(title.Text)
		}
		return "宣传稿件" + quoted(a.Title)
	}, "")
}

// newsletterForm registers or edits an issue of 《人大通讯》.
func (p *publicityDialog) newsletterForm(n store.Newsletter) {
	db, ctx := p.d.db, p.d.ctx
	no := intEntry()
	no.SetText(fmt.Sprint(n.IssueNo))
	date := dateField(n.Date)
	title := requiredEntry("本期要目")
	title.SetText(n.Title)
	contents := newTextEntry()
	contents.MultiLine = true
	contents.SetText(n.Contents)
	head := "登记《人大通讯》"
	if n.ID != 0 {
		head = "《人大通讯》" + n.Label()
	}
	var f *stepForm
	var top fyne.CanvasObject
	if n.ID != 0 {
		top = container.NewHBox(widget.NewButtonWithIcon("删除这一期", theme.DeleteIcon(), func() {
			if err := db.DeleteNewsletter(ctx, n.ID); err != nil {
				f.showError(err)
				return
			}
			p.d.dropForms(formNewsletter)
			f.close()
			p.reload()
		}))
	}
	f = newStepForm(p.d.win, head, "镇人大编印的刊物(向代表下发的政情通报在「代表 → 意见卡与通报」中登记)", top, []*widget.FormItem{
		widget.NewFormItem("期号", no), widget.NewFormItem("日期", date), widget.NewFormItem("本期要目", title),
		widget.NewFormItem("内容", contents),
	}, func() error {
		y := n
		y.IssueNo, y.Date, y.Title, y.Contents = atoi(no), date.Typed(), title.Text, contents.Text
		return db.SaveNewsletter(ctx, &y)
	})
	f.after = p.reload
	f.trackAs(p.d, formNewsletter, recordKey(n.ID), n, func() string {
		if n.ID == 0 {
			return "新增《人大通讯》" + quoted(title.Text)
		}
		return fmt.Sprintf("《人大通讯》%d年第%d期", n.Year, n.IssueNo)
	}, "")
}

// quotaPage is the 宣传任务 page: each level's yearly quota beside what the chosen year has, and 保存.
func (p *publicityDialog) quotaPage() fyne.CanvasObject {
	grid := container.NewGridWithColumns(3, boldLabel("级别"), boldLabel("全年任务(篇，0为不设)"), boldLabel("所选年度已发表"))
	for _, l := range store.OutletLevels {
		e := intEntry()
		p.quotas[l] = e
		p.quotaDone[l] = widget.NewLabel("")
		grid.Add(widget.NewLabel(l))
		grid.Add(e)
		grid.Add(p.quotaDone[l])
	}
	q, err := p.d.db.PublicityQuotas(p.d.ctx)
	if err != nil {
		p.d.showError(err)
	}
	for _, x := range q {
		p.quotas[x.Level].SetText(fmt.Sprint(x.Quota))
	}
	save := widget.NewButtonWithIcon("保存宣传任务", theme.DocumentSaveIcon(), func() {
		if p.quotaState != nil {
			p.quotaState.submit()
		} else {
			p.saveQuotas()
		}
	})
	mark := unsavedMark()
	row := container.NewHBox(save, mark)
	p.quotaMark = showMark(mark, row)
	note := widget.NewLabel("任务数按年度计，差额为任务数减已发表篇数。依据：全年被市以上媒体采用不少于7篇；在县级人大信息等发稿20篇以上(各地要求不同，请按本地考评细则填写)。")
	note.Wrapping = fyne.TextWrapWord
	return container.NewVBox(note, grid, container.NewBorder(nil, nil, row, nil, p.quotaMsg))
}

// saveQuotas stores the quotas; a quota that is not a whole number is named by its level.
func (p *publicityDialog) saveQuotas() error {
	sectionClear(p.quotaMsg)
	var q store.PublicityQuotas
	for _, l := range store.OutletLevels {
		n, err := strconv.Atoi(strings.TrimSpace(p.quotas[l].Text))
		if err != nil {
			err = &store.Error{Code: store.EINVALID, Field: l + "任务数", Message: l + "任务数请填写0或正整数"}
			sectionError(p.quotaMsg, err)
			return err
		}
		q = append(q, store.PublicityQuota{Level: l, Quota: n})
	}
	if err := p.d.db.SavePublicityQuotas(p.d.ctx, q); err != nil {
		sectionError(p.quotaMsg, err)
		return err
	}
	p.reload()
	sectionInfo(p.quotaMsg, "已保存")
	return nil
}

// showQuotas puts the chosen year's counts beside the quotas.
func (p *publicityDialog) showQuotas() {
	for _, l := range p.figures.ByLevel {
		if lb := p.quotaDone[l.Level]; lb != nil {
			lb.SetText(export.PublicityLevelLine(l))
		}
	}
}

// publicityList is the 宣传信息统计表 of a year, as `rendadesk print publicity` prints it.
func (d *desk) publicityList(year int) document {
	return document{fmt.Sprintf("%d年度宣传信息统计表", year), func(path string) error {
		y := store.YearPeriod(year)
		asOf := min(y.To, d.today())
		st, err := d.db.Settings(d.ctx)
		if err != nil {
			return err
		}
		f, err := d.db.Publicity(d.ctx, y.From, asOf)
		if err != nil {
			return err
		}
		return export.PublicityList(path, st, year, asOf, f, d.today())
	}}
}

// trainingTable is the 培训学习情况表 of a year, as `rendadesk print training` prints it.
func (d *desk) trainingTable(year int) document {
	return document{fmt.Sprintf("%d年度代表培训学习情况表", year), func(path string) error {
		y := store.YearPeriod(year)
		asOf := min(y.To, d.today())
		st, err := d.db.Settings(d.ctx)
		if err != nil {
			return err
		}
		f, err := d.db.Training(d.ctx, y.From, asOf)
		if err != nil {
			return err
		}
		return export.TrainingTable(path, st, year, asOf, f, d.today())
	}}
}

// reportPublicity is the 报表 tab's 宣传信息 part: the window's pieces by level against the quotas, each a link to
// the pieces of that level, and the 《人大通讯》 issued.
type reportPublicity struct {
	reportPart
}

// newPublicityBox builds the part, empty until figures are shown.
func (t *reportTab) newPublicityBox() fyne.CanvasObject {
	part, content := newReportPart("宣传信息", nil)
	t.publicity = &reportPublicity{part}
	return content
}

// showPublicity fills the part with the figures' publicity.
func (t *reportTab) showPublicity(fig store.Figures) {
	p := t.publicity
	p.box.RemoveAll()
	if fig.From == "" {
		p.head.SetText("")
		return
	}
	f := fig.Publicity
	p.head.SetText("点击级别查看稿件；任务数在「会议 → 宣传信息 → 宣传任务」中修改")
	total := widget.NewHyperlink(fmt.Sprintf("发表 %d 篇", f.Total()), nil)
	total.OnTapped = func() { t.explainPublicity(f, "") }
	row := container.NewHBox(total)
	for _, l := range f.ByLevel {
		h := widget.NewHyperlink(export.PublicityLevelLine(l), nil)
		h.OnTapped = func() { t.explainPublicity(f, l.Level) }
		row.Add(h)
	}
	p.box.Add(row)
	if n := len(f.Newsletters); n > 0 {
		p.box.Add(widget.NewLabel(fmt.Sprintf("编印《人大通讯》%d 期", n)))
	}
}

// explainPublicity lists the pieces of a level (all for ""), with the 口径.
func (t *reportTab) explainPublicity(f store.PublicityFigures, level string) {
	var lines []string
	for _, a := range f.Articles {
		if level == "" || a.Level == level {
			lines = append(lines, fmt.Sprintf("%s　%s　%s　%s　%s　%s", a.Date.Chinese(), a.Level, a.Title, a.Outlet, a.Kind, a.Authors))
		}
	}
	def := widget.NewLabel("口径：" + store.PublicityDefinition)
	def.Wrapping = fyne.TextWrapWord
	what := "全部稿件"
	if level != "" {
		what = level + "稿件"
	}
	box := container.NewBorder(def, nil, nil, nil, simpleList(fmt.Sprintf("%s %d 篇", what, len(lines)), lines, nil))
	dlg := dialog.NewCustom("宣传信息：口径和明细", "关闭", box, t.d.win)
	t.explainBox, t.explainDlg = box, dlg
	dlg.Resize(fyne.NewSize(880, 520))
	dlg.Show()
}
