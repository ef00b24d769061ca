package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/export"
	"rendadesk/store"
)

// campaignsPane is the 评议活动 page of 监督: the campaigns, and for the chosen one its form (基本信息) and its
// targets with their ballots and results (测评), with the campaign's printed documents.
type campaignsPane struct {
	t       *supervisionTab
	d       *desk
	filter  store.EvalCampaignFilter
	list    *recordList[store.EvalCampaign]
	search  *searchEntry
	current store.EvalCampaign
	pane    *formPane
	targets *formPane
	rows    []targetRow // the 测评 section's lines, by target
	adder   struct {
		unit         *widget.Select
		person, post *textEntry
		add          *widget.Button
	}
	results     *fyne.Container // the results by the rule
	resultLines []string
	detail      *fyne.Container
	sections    *container.AppTabs
	content     fyne.CanvasObject
}

// campaignForms are the forms of a campaign's pane.
var campaignForms = []string{formCampaign, formTargets}

func newCampaignsPane(t *supervisionTab) *campaignsPane {
	d := t.d
	p := &campaignsPane{t: t, d: d}
	cols := []column[store.EvalCampaign]{
		{"年度", 50, "year", func(x store.EvalCampaign) string { return fmt.Sprint(x.Year) }},
		{"名称", longTextWidth, "title", func(x store.EvalCampaign) string { return x.Title }},
		{"方式", 80, "method", func(x store.EvalCampaign) string { return x.Method }},
		{"测评日期", 90, "date", func(x store.EvalCampaign) string { return string(x.EvalDate) }},
		{"评议对象", 70, "", func(x store.EvalCampaign) string { return fmt.Sprint(x.Targets) }},
		{"已计票", 60, "", func(x store.EvalCampaign) string { return fmt.Sprint(x.Counted) }},
		{"整改意见", 70, "", func(x store.EvalCampaign) string { return fmt.Sprint(x.Rectifications) }},
	}
	p.list = newRecordList(cols, func(offset, limit int, sort string, desc bool) ([]store.EvalCampaign, int, error) {
		f := p.filter
		f.Offset, f.Limit, f.Sort, f.Desc = offset, limit, sort, desc
		if f.Sort == "" {
			f.Sort, f.Desc = "date", true
		}
		return d.db.EvalCampaigns(d.ctx, f)
	}, func(x store.EvalCampaign) { p.open(x, p.list.undoSelect, nil) })
	p.search = newSearchEntry("搜索评议活动名称", func(q string) {
		p.filter.Query = q
		p.list.reload()
	})
	p.detail = container.NewStack(emptyDetail("在左侧选择一项评议活动，或点「新增」"))
	tb := newToolbar(p.newRecord, p.edit, p.remove, func() { exportRecords(d, "评议活动一览", p.list) })
	p.content = recordFrame(tb, p.search, nil, p.list.table, p.list.status, p.detail)
	return p
}

func (p *campaignsPane) refresh() { p.list.reload() }

func (p *campaignsPane) newRecord() {
	today := p.d.today()
	c := store.NewEvalCampaign(today.Year(), "")
	p.open(c, nil, p.list.unselect)
}

func (p *campaignsPane) edit() {
	if p.current.ID == 0 {
		p.d.showError(fmt.Errorf("请先在列表中选择一项评议活动"))
		return
	}
	p.reveal(0)
	p.pane.focus(p.d.win)
}

func (p *campaignsPane) remove() {
	if p.current.ID == 0 {
		p.d.showError(fmt.Errorf("请先在列表中选择要删除的评议活动"))
		return
	}
	cur := p.current
	p.d.confirmDelete("评议活动", cur.Title, nil, func() error {
		if err := p.d.db.DeleteEvalCampaign(p.d.ctx, cur.ID); err != nil {
			return err
		}
		p.current, p.sections = store.EvalCampaign{}, nil
		p.d.dropForms(campaignForms...)
		p.detail.Objects = []fyne.CanvasObject{emptyDetail("已删除评议活动「" + cur.Title + "」")}
		p.detail.Refresh()
		p.list.reload()
		return nil
	})
}

func (p *campaignsPane) reveal(section int) { p.t.reveal(0, p.sections, section) }

// open shows x once the pane's forms hold no unsaved changes (guard.go).
func (p *campaignsPane) open(x store.EvalCampaign, cancel, then func()) {
	p.d.switchRecord(campaignForms, x.ID != 0 && x.ID == p.current.ID, func() { p.display(x) }, cancel, then)
}

// display puts a campaign into the pane: its form, and for a saved one the 测评 of its targets.
func (p *campaignsPane) display(x store.EvalCampaign) {
	keep, page := p.d.samePane(x.ID != 0 && x.ID == p.current.ID, p.sections, campaignForms...)
	p.current = x
	form := p.form(x)
	var body fyne.CanvasObject = form.content
	p.sections = nil
	if x.ID != 0 {
		p.sections = container.NewAppTabs(
			container.NewTabItem("基本信息", form.content),
			container.NewTabItem("测评", p.targetsOf(x)),
			p.d.attachmentsItem(p.t, store.Owner{Kind: store.OwnerCampaign, ID: x.ID}), // the 实施方案, the signed tally (issue 20)
		)
		p.sections.SelectIndex(page)
		body = container.NewBorder(nil, p.printButtons(x), nil, nil, p.sections)
	}
	p.detail.Objects = []fyne.CanvasObject{body}
	p.detail.Refresh()
	p.d.putBack(keep)
	p.list.reveal(func(c store.EvalCampaign) bool { return c.ID == x.ID && x.ID != 0 })
}

// printButtons are the campaign's printed documents: 测评票, 测评结果统计表, 评议结果通报, 整改通知书.
func (p *campaignsPane) printButtons(x store.EvalCampaign) fyne.CanvasObject {
	var b *widget.Button
	b = widget.NewButtonWithIcon("打印…", theme.DocumentPrintIcon(), func() {
		showPrintMenu(b, p.d.campaignPrintChoices(x), p.d.printTo)
	})
	rect := widget.NewButtonWithIcon("提出整改意见", theme.ContentAddIcon(), func() {
		p.t.rects.newFrom(store.Rectification{Source: store.RectFromCampaign, CampaignID: x.ID, Raised: p.d.today(),
			CampaignName: x.Title, SourceName: x.Title})
	})
	return container.NewHBox(b, rect)
}

// campaignPrintChoices are a campaign's documents, as `rendadesk print evaluation-…` writes them.
func (d *desk) campaignPrintChoices(x store.EvalCampaign) []printChoice {
	doc := func(write func(path string, doc store.EvalDoc) error) func(string) error {
		return func(path string) error {
			ed, err := d.db.EvalDoc(d.ctx, x.ID)
			if err != nil {
				return err
			}
			return write(path, ed)
		}
	}
	date := func(ed store.EvalDoc) store.Date {
		if ed.Campaign.EvalDate != "" {
			return ed.Campaign.EvalDate
		}
		return d.today()
	}
	return []printChoice{
		{"测评票", document{x.Title + "测评票", doc(func(path string, ed store.EvalDoc) error {
			return export.EvaluationBallot(path, ed, export.EvalBallots(ed))
		})}},
		{"测评结果统计表", document{x.Title + "测评结果统计表", doc(func(path string, ed store.EvalDoc) error {
			return export.EvaluationResult(path, ed, date(ed))
		})}},
		{"评议结果通报", document{x.Title + "结果通报", doc(func(path string, ed store.EvalDoc) error {
			return export.EvaluationNotice(path, ed, date(ed))
		})}},
		{"整改通知书", document{x.Title + "整改通知书", func(path string) error {
			nd, err := d.db.RectNoticeDoc(d.ctx, x.ID)
			if err != nil {
				return err
			}
			return export.RectificationNotice(path, nd, nd.Issued(d.today()))
		}}},
	}
}

// numberEntry is an entry for a whole number, filled with v (blank for 0 when blank0).
func numberEntry(v int, blank0 bool) *textEntry {
	e := intEntry()
	if v != 0 || !blank0 {
		e.SetText(strconv.Itoa(v))
	}
	return e
}

// lineEntry is an entry for a grade line (90, 60, 85.5).
func lineEntry(v float64) *textEntry {
	e := newTextEntry()
	e.SetText(strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", v), "0"), "."))
	e.Validator = func(s string) error {
		if _, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err != nil && strings.TrimSpace(s) != "" {
			return fmt.Errorf("请填写数字")
		}
		return nil
	}
	return e
}

// evalMeetingOptions are the 工作评议/述职评议 meetings a campaign's 测评 can be held at.
func (p *campaignsPane) evalMeetingOptions() ([]string, map[string]int64) {
	ids := map[string]int64{}
	var names []string
	for _, kind := range []string{store.MeetingWorkEval, store.MeetingReportEval} {
		ms, _, err := p.d.db.Meetings(p.d.ctx, store.MeetingFilter{Kind: kind})
		if err != nil {
			p.d.showError(err)
			continue
		}
		for _, m := range ms {
			n := string(m.Start) + " " + m.Title
			names = append(names, n)
			ids[n] = m.ID
		}
	}
	return names, ids
}

// form builds the campaign's form; 保存 creates or updates.
func (p *campaignsPane) form(x store.EvalCampaign) *formPane {
	db, ctx := p.d.db, p.d.ctx
	year := numberEntry(x.Year, true)
	title := requiredEntry("名称")
	title.SetText(x.Title)
	method := selectWith(store.EvalMethods, false)
	method.SetSelected(x.Method)
	selection := selectWith(store.EvalSelections, true)
	selection.SetSelected(x.Selection)
	plan, eval := newDateEntry(false), newDateEntry(false)
	plan.SetDate(x.PlanDate)
	eval.SetDate(x.EvalDate)
	names, ids := p.evalMeetingOptions()
	meeting := selectWith(names, true)
	for n, id := range ids {
		if id == x.MeetingID && x.MeetingID != 0 {
			meeting.SetSelected(n)
		}
	}
	scale := selectWith(store.EvalScales, false)
	scale.SetSelected(x.Scale)
	basic := widget.NewCheck("满意率含基本满意(合格)票", nil)
	basic.SetChecked(x.RateBasic)
	good, pass := lineEntry(x.GoodLine), lineEntry(x.PassLine)
	award := newTextEntry()
	award.SetText(x.Award)
	members := newIDPicker("选择调查组成员", func() []option { return deputyOptions(p.d) })
	members.SetSelected(x.MemberIDs)
	counts := []*textEntry{numberEntry(x.Groups, true), numberEntry(x.Villages, true), numberEntry(x.Forums, true),
		numberEntry(x.Interview, true), numberEntry(x.Letters, true), numberEntry(x.Surveys, true), numberEntry(x.Opinions, true)}
	countLabels := []string{"评议调查组(个)", "走访村(居)(个)", "座谈会(个)", "个别谈话(人次)", "征求意见函(份)", "调查表(份)", "收集意见建议(条)"}
	notes := multiline(3)
	notes.SetText(x.Notes)
	items := []*widget.FormItem{
		widget.NewFormItem("评议年度", fixedWidth(80, year)),
		widget.NewFormItem("名称", title),
		widget.NewFormItem("评议方式", method),
		widget.NewFormItem("对象确定方式", selection),
		widget.NewFormItem("实施方案日期", plan),
		widget.NewFormItem("测评日期", eval),
		widget.NewFormItem("述职测评会议", meeting),
		widget.NewFormItem("测评档次", scale),
		widget.NewFormItem("满意率", basic),
		widget.NewFormItem("满意等次线", fixedWidth(80, good)),
		widget.NewFormItem("基本满意等次线", fixedWidth(80, pass)),
		widget.NewFormItem("满意等次称号", award),
		widget.NewFormItem("调查组成员", members),
	}
	for i, e := range counts {
		items = append(items, widget.NewFormItem(countLabels[i], fixedWidth(80, e)))
	}
	items = append(items, widget.NewFormItem("备注", notes))
	var pane *formPane
	pane = newFormPane(items, func() error {
		y := x
		for _, e := range append([]*textEntry{year}, counts...) {
			if err := e.Validate(); err != nil {
				return store.Errorf(store.EINVALID, "请在数字栏中填写整数")
			}
		}
		y.Year, y.Title, y.Method, y.Selection = atoi(year), strings.TrimSpace(title.Text), method.Selected, selection.Selected
		y.PlanDate, y.EvalDate, y.MeetingID = plan.Typed(), eval.Typed(), ids[meeting.Selected]
		y.Scale, y.RateBasic, y.Award = scale.Selected, basic.Checked, strings.TrimSpace(award.Text)
		var err error
		if y.GoodLine, err = strconv.ParseFloat(strings.TrimSpace(good.Text), 64); err != nil {
			return &store.Error{Code: store.EINVALID, Field: "满意等次线", Message: "满意等次线应是数字"}
		}
		if y.PassLine, err = strconv.ParseFloat(strings.TrimSpace(pass.Text), 64); err != nil {
			return &store.Error{Code: store.EINVALID, Field: "基本满意等次线", Message: "基本满意等次线应是数字"}
		}
		y.MemberIDs = members.Selected()
		y.Groups, y.Villages, y.Forums, y.Interview = atoi(counts[0]), atoi(counts[1]), atoi(counts[2]), atoi(counts[3])
		y.Letters, y.Surveys, y.Opinions, y.Notes = atoi(counts[4]), atoi(counts[5]), atoi(counts[6]), notes.Text
		if err := db.SaveEvalCampaign(ctx, &y); err != nil {
			return err
		}
		if fresh, err := db.EvalCampaign(ctx, y.ID); err == nil {
			y = fresh
		}
		p.list.reload()
		p.display(y)
		p.pane.showInfo("已保存")
		return nil
	})
	if x.ID == 0 {
		pane.title.SetText("新增评议活动")
	} else {
		pane.title.SetText(x.Title)
	}
	pane.first = title
	p.pane = pane
	pane.track(p.d, formCampaign, recordKey(x.ID), x, func() string {
		if x.ID == 0 {
			return "新增评议活动" + quoted(title.Text)
		}
		return "评议活动" + quoted(x.Title)
	}, func() { p.reveal(0) })
	return pane
}

// targetRow is one target's line in the 测评 section: its 类别 and ballots.
type targetRow struct {
	cat                           *widget.Select
	iss, ret, valid, top, mid, bt *textEntry
	score                         *textEntry
	del                           *widget.Button // takes the target off the list
}

// ballotEntry is a count of ballots on a target's line: a bare entry, checked on 保存 (a valid-mark beside
// each of six numbers would leave no room for the numbers in the pane).
func ballotEntry(v int) *textEntry {
	e := intEntry()
	e.Validator = nil // before the text: a validator that saw it leaves its mark beside the number
	if v != 0 {
		e.SetText(strconv.Itoa(v))
	}
	return e
}

// targetsOf is the 测评 section: one line per target with its 类别 and ballots (发出、收回、有效 and the three
// grades, or the average score), saved together; under it the results by the campaign's rule; a unit from the
// 承办单位 register or a named official is added to the list (and saved with it).
func (p *campaignsPane) targetsOf(x store.EvalCampaign) fyne.CanvasObject {
	db, ctx := p.d.db, p.d.ctx
	p.d.dropFormsQuietly(formTargets)
	ts, err := db.EvalTargets(ctx, x.ID)
	if err != nil {
		return widget.NewLabel(store.ErrorMessage(err))
	}
	units, err := db.Units(ctx)
	if err != nil {
		p.d.showError(err)
	}
	g := x.Grades()
	rows := make([]targetRow, len(ts))
	p.rows = rows
	scored := x.Scale == store.ScaleScore
	head := []string{"类别", "发出", "收回", "有效", g[0], g[1], g[2]}
	if scored {
		head = []string{"类别", "发出", "收回", "有效", "平均得分"}
	}
	var headBox []fyne.CanvasObject
	for i, h := range head {
		w := float32(62)
		if i == 0 {
			w = 110
		}
		headBox = append(headBox, fixedWidth(w, widget.NewLabel(h)))
	}
	items := []*widget.FormItem{widget.NewFormItem("评议对象", container.NewHBox(headBox...))}
	var removeAt func(i int) // takes target i off the list (and its ballots) once the clerk confirms
	for i, t := range ts {
		r := targetRow{cat: selectWith(store.EvalCategories, true), iss: ballotEntry(t.Issued), ret: ballotEntry(t.Returned),
			valid: ballotEntry(t.Valid), top: ballotEntry(t.Top), mid: ballotEntry(t.Middle), bt: ballotEntry(t.Bottom)}
		r.cat.SetSelected(t.Category)
		r.score = lineEntry(t.Score)
		if t.Score == 0 {
			r.score.SetText("")
		}
		rows[i] = r
		box := []fyne.CanvasObject{fixedWidth(110, r.cat)}
		ins := []*textEntry{r.iss, r.ret, r.valid, r.top, r.mid, r.bt}
		if scored {
			ins = []*textEntry{r.iss, r.ret, r.valid, r.score}
		}
		for _, e := range ins {
			box = append(box, fixedWidth(62, e))
		}
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { removeAt(i) })
		del.Importance = widget.LowImportance
		rows[i].del = del
		box = append(box, del)
		items = append(items, widget.NewFormItem(fmt.Sprintf("%d. %s", i+1, t.Name()), container.NewHBox(box...)))
	}
	read := func() ([]store.EvalTarget, error) {
		out := make([]store.EvalTarget, len(ts))
		for i, t := range ts {
			r := rows[i]
			for _, e := range []*textEntry{r.iss, r.ret, r.valid, r.top, r.mid, r.bt} {
				if n, err := strconv.Atoi(strings.TrimSpace(e.Text)); strings.TrimSpace(e.Text) != "" && (err != nil || n < 0) {
					return nil, store.Errorf(store.EINVALID, "评议对象第%d行(%s)：票数应是整数", i+1, t.Name())
				}
			}
			t.Category = r.cat.Selected
			t.Issued, t.Returned, t.Valid = atoi(r.iss), atoi(r.ret), atoi(r.valid)
			t.Top, t.Middle, t.Bottom = atoi(r.top), atoi(r.mid), atoi(r.bt)
			t.Score = 0
			if s := strings.TrimSpace(r.score.Text); s != "" {
				v, err := strconv.ParseFloat(s, 64)
				if err != nil {
					return nil, store.Errorf(store.EINVALID, "评议对象第%d行(%s)：平均得分应是数字", i+1, t.Name())
				}
				t.Score = v
			}
			out[i] = t
		}
		return out, nil
	}
	save := func(list []store.EvalTarget) error {
		if err := db.SaveEvalTargets(ctx, x.ID, list); err != nil {
			return err
		}
		fresh, err := db.EvalCampaign(ctx, x.ID)
		if err == nil {
			p.current = fresh
		}
		p.list.reload()
		p.display(p.current)
		return nil
	}
	removeAt = func(i int) {
		p.d.confirmDelete("评议对象", ts[i].Name(), nil, func() error {
			list, err := read()
			if err != nil {
				return err
			}
			return save(append(list[:i:i], list[i+1:]...))
		})
	}
	var pane *formPane
	pane = newFormPane(items, func() error {
		list, err := read()
		if err != nil {
			return err
		}
		if err := save(list); err != nil {
			return err
		}
		p.targets.showInfo("已保存测评票数")
		return nil
	})
	pane.title.SetText(fmt.Sprintf("评议对象 %d 个", len(ts)))
	rule := widget.NewLabel(x.Rule())
	rule.Wrapping = fyne.TextWrapWord
	p.targets = pane
	pane.track(p.d, formTargets, recordKey(x.ID), x.ID, func() string { return "评议活动" + quoted(x.Title) },
		func() { p.reveal(1) }).part = "测评票数"

	// Adding a target saves the list with it, ballots typed so far included.
	unitSel := newSelect(nil, nil)
	unitSel.PlaceHolder = "选择承办单位"
	var unitNames []string
	unitIDs := map[string]int64{}
	for _, u := range units {
		unitNames = append(unitNames, u.Name)
		unitIDs[u.Name] = u.ID
	}
	unitSel.SetOptions(unitNames)
	person, post := newTextEntry(), newTextEntry()
	person.SetPlaceHolder("或人员姓名")
	post.SetPlaceHolder("职务，如分管农业副镇长")
	add := widget.NewButtonWithIcon("加入", theme.ContentAddIcon(), func() {
		list, err := read()
		if err != nil {
			pane.showError(err)
			return
		}
		t := store.EvalTarget{UnitID: unitIDs[unitSel.Selected], ReportDate: x.EvalDate}
		if t.UnitID == 0 {
			t.Person, t.Post, t.Category = strings.TrimSpace(person.Text), strings.TrimSpace(post.Text), "分管领导"
		}
		if err := save(append(list, t)); err != nil {
			pane.showError(err)
		}
	})
	adder := container.NewHBox(fixedWidth(160, unitSel), fixedWidth(100, person), fixedWidth(170, post), add)
	p.adder.unit, p.adder.person, p.adder.post, p.adder.add = unitSel, person, post, add

	// The results by the rule.
	var lines []string
	for i, r := range x.Results(ts) {
		line := fmt.Sprintf("%d. %s　", i+1, ts[i].Name())
		if !r.Counted {
			lines = append(lines, line+"未计票")
			continue
		}
		if scored {
			line += fmt.Sprintf("平均得分%.1f", r.Score)
		} else {
			line += x.RateName() + r.Rate.Percent(p.d.precision())
		}
		line += "　" + r.Grade
		if len(r.Titles) > 0 {
			line += "　" + strings.Join(r.Titles, "、")
		}
		lines = append(lines, line+fmt.Sprintf("　第%d名", r.Rank))
	}
	p.resultLines = lines
	exportB := widget.NewButtonWithIcon("导出", theme.DownloadIcon(), func() { p.exportTargets(x, ts) })
	importB := widget.NewButtonWithIcon("导入评议对象…", theme.UploadIcon(), func() { p.importTargets(x) })
	p.results = container.NewStack(simpleList("测评结果(按本活动的规则)", lines, nil))
	split := container.NewVSplit(pane.content, p.results)
	split.Offset = 0.65
	return container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(importB, exportB), adder), rule),
		nil, nil, nil, split)
}

// importTargets reads the campaign's targets (and their 测评 counts, when the sheet has them) from an .xlsx
// sheet through the import flow, once the window's forms are saved or let go; the 测评 section then shows them.
func (p *campaignsPane) importTargets(x store.EvalCampaign) {
	p.d.leaveAll(func() {
		note := "\n·导入到评议活动「" + x.Title + "」。单位按名称对应「设置→承办单位」名册，不在名册中的单位不会自动添加(请先在名册中添加，" +
			"以免写法不同成了两个单位)；评议分管领导等人员时，填姓名并填写「职务」。"
		p.d.showImportInto(store.ImportEvalTargets, importInto{campaign: x.ID, note: note, done: func() {
			fresh, err := p.d.db.EvalCampaign(p.d.ctx, x.ID)
			if err != nil {
				p.d.showError(err)
				return
			}
			p.current = store.EvalCampaign{} // built anew: the imported targets are new lines
			p.display(fresh)
			p.reveal(1)
		}})
	})
}

// exportTargets writes the campaign's targets with their ballots and results as an .xlsx sheet, as the 测评结果
// 统计表 lists them.
func (p *campaignsPane) exportTargets(x store.EvalCampaign, ts []store.EvalTarget) {
	g := x.Grades()
	headers := []string{"序号", "被评议单位(人员)", "类别", "述职日期", "发出", "收回", "有效", g[0], g[1], g[2], x.RateName(), "等次", "称号", "名次"}
	prec := p.d.precision()
	var rows [][]string
	for i, r := range x.Results(ts) {
		t := ts[i]
		row := []string{fmt.Sprint(i + 1), t.Name(), t.Category, string(t.ReportDate), fmt.Sprint(t.Issued), fmt.Sprint(t.Returned),
			fmt.Sprint(t.Valid), fmt.Sprint(t.Top), fmt.Sprint(t.Middle), fmt.Sprint(t.Bottom), "", "", "", ""}
		if r.Counted {
			row[10] = r.Rate.Percent(prec)
			if x.Scale == store.ScaleScore {
				row[10] = fmt.Sprintf("%.1f", r.Score)
			}
			row[11], row[12], row[13] = r.Grade, strings.Join(r.Titles, "、"), fmt.Sprint(r.Rank)
		}
		rows = append(rows, row)
	}
	p.d.exportList(x.Title+"测评结果", headers, rows)
}
