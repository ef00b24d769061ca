package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/export"
	"rendadesk/store"
)

// projectsPane is the 民生实事 page of 监督: a year's 民生实事 candidates and 重点项目, the year's 票决 (its
// ballots, the tally by the rule, the printed ballot and result), and for the chosen project its form with
// the follow-up (responsible unit and leader, status, surveys) and its 督查.
type projectsPane struct {
	t       *supervisionTab
	d       *desk
	year    int
	query   string
	years   *widget.Select
	search  *searchEntry
	list    *recordList[store.LivelihoodProject]
	current store.LivelihoodProject
	pane    *formPane // the project's form
	vote    *formPane // the year's 票决, when shown
	tally   []string  // its tally's lines
	// checkLines are the 督查 section's lines (supervision_checks.go).
	checkLines []string
	detail     *fyne.Container
	sections   *container.AppTabs // 项目 / 督查 of a saved project
	content    fyne.CanvasObject
}

var projectForms = []string{formProject, formVote}

func newProjectsPane(t *supervisionTab) *projectsPane {
	d := t.d
	p := &projectsPane{t: t, d: d, year: d.today().Year()}
	cols := []column[store.LivelihoodProject]{
		{"序号", 45, "", func(x store.LivelihoodProject) string { return fmt.Sprint(x.Seq) }},
		{"类型", 70, "", func(x store.LivelihoodProject) string { return x.Kind }},
		{"项目名称", longTextWidth, "", func(x store.LivelihoodProject) string { return x.Name }},
		{"赞成票", 60, "", func(x store.LivelihoodProject) string { return fmt.Sprint(x.For) }},
		{"责任单位", 110, "", func(x store.LivelihoodProject) string { return x.UnitName }},
		{"状态", 70, "", func(x store.LivelihoodProject) string { return x.Status }},
		{"督查", 45, "", func(x store.LivelihoodProject) string { return fmt.Sprint(x.Checks) }},
	}
	p.list = newRecordList(cols, func(offset, limit int, sort string, desc bool) ([]store.LivelihoodProject, int, error) {
		return d.db.LivelihoodProjects(d.ctx, store.ProjectFilter{Year: p.year, Query: p.query, Offset: offset, Limit: limit})
	}, func(x store.LivelihoodProject) { p.open(x, p.list.undoSelect, nil) })
	var opts []string
	for y := p.year + 1; y >= p.year-5; y-- {
		opts = append(opts, strconv.Itoa(y))
	}
	p.years = newSelect(opts, func(v string) {
		y, _ := strconv.Atoi(v)
		if y != 0 && y != p.year {
			p.year = y
			p.list.reload()
			p.showVote()
		}
	})
	p.years.SetSelected(strconv.Itoa(p.year))
	p.detail = container.NewStack(emptyDetail("在左侧选择一个项目，或点「票决」登记本年度的代表票决"))
	tb := newToolbar(p.newRecord, func() {
		if p.pane != nil {
			p.pane.focus(d.win)
		}
	}, p.remove, func() { exportRecords(d, fmt.Sprintf("%d年民生实事项目", p.year), p.list) })
	vote := widget.NewButtonWithIcon("票决", theme.ConfirmIcon(), func() {
		p.d.leave(projectForms, p.showVote, nil)
	})
	var printB *widget.Button
	printB = widget.NewButtonWithIcon("打印…", theme.DocumentPrintIcon(), func() {
		showPrintMenu(printB, []printChoice{{"票决票", p.d.livelihoodBallot(p.year)}, {"计票结果", p.d.livelihoodResult(p.year)}}, p.d.printTo)
	})
	tb.box.Add(vote)
	tb.box.Add(printB)
	p.search = newSearchEntry("搜索项目名称", func(q string) {
		p.query = q
		p.list.reload()
	})
	p.content = recordFrame(tb, p.search, []fyne.CanvasObject{labeled("年度", p.years)}, p.list.table, p.list.status, p.detail)
	return p
}

// livelihoodBallot is the year's 票决票, one for each deputy expected at the session.
func (d *desk) livelihoodBallot(year int) document {
	return document{fmt.Sprintf("%d年民生实事项目票决票", year), func(path string) error {
		doc, err := d.db.LivelihoodDoc(d.ctx, year)
		if err != nil {
			return err
		}
		return export.LivelihoodBallot(path, doc, max(doc.Vote.Expected, doc.Vote.Issued, 1))
	}}
}

// livelihoodResult is the year's 票决计票结果.
func (d *desk) livelihoodResult(year int) document {
	return document{fmt.Sprintf("%d年民生实事项目票决结果", year), func(path string) error {
		doc, err := d.db.LivelihoodDoc(d.ctx, year)
		if err != nil {
			return err
		}
		return export.LivelihoodResult(path, doc)
	}}
}

func (p *projectsPane) refresh() { p.list.reload() }

// showYear lists the projects of year (the year filter follows without showing the 票决 itself).
func (p *projectsPane) showYear(year int) {
	if year == p.year {
		return
	}
	p.year = year
	opts := p.years.Options
	if y := strconv.Itoa(year); !slices.Contains(opts, y) {
		p.years.Options = append(opts, y)
	}
	p.years.SetSelected(strconv.Itoa(year)) // the callback sees the year already shown
	p.list.reload()
}

func (p *projectsPane) newRecord() {
	p.open(store.LivelihoodProject{Year: p.year, Kind: store.ProjectLivelihood, Status: store.ProjectNotStarted}, nil, p.list.unselect)
}

func (p *projectsPane) remove() {
	if p.current.ID == 0 {
		p.d.showError(fmt.Errorf("请先在列表中选择要删除的项目"))
		return
	}
	cur := p.current
	p.d.confirmDelete("项目", cur.Name, nil, func() error {
		if err := p.d.db.DeleteLivelihoodProject(p.d.ctx, cur.ID); err != nil {
			return err
		}
		p.current, p.pane = store.LivelihoodProject{}, nil
		p.d.dropForms(projectForms...)
		p.detail.Objects = []fyne.CanvasObject{emptyDetail("已删除项目「" + cur.Name + "」")}
		p.detail.Refresh()
		p.list.reload()
		return nil
	})
}

func (p *projectsPane) open(x store.LivelihoodProject, cancel, then func()) {
	p.d.switchRecord(projectForms, x.ID != 0 && x.ID == p.current.ID, func() { p.display(x) }, cancel, then)
}

func (p *projectsPane) display(x store.LivelihoodProject) {
	keep, page := p.d.samePane(x.ID != 0 && x.ID == p.current.ID, p.sections, formProject)
	p.d.dropFormsQuietly(formVote)
	p.current = x
	form := p.form(x)
	var body fyne.CanvasObject = form.content
	p.sections = nil
	if x.ID != 0 {
		p.sections = container.NewAppTabs(container.NewTabItem("项目", form.content), container.NewTabItem("督查", p.checksOf(x)))
		p.sections.SelectIndex(page)
		body = p.sections
	}
	p.detail.Objects = []fyne.CanvasObject{body}
	p.detail.Refresh()
	p.d.putBack(keep)
	p.list.reveal(func(q store.LivelihoodProject) bool { return q.ID == x.ID && x.ID != 0 })
}

func (p *projectsPane) form(x store.LivelihoodProject) *formPane {
	db, ctx := p.d.db, p.d.ctx
	units, err := db.Units(ctx)
	if err != nil {
		p.d.showError(err)
	}
	var unitNames []string
	unitIDs := map[string]int64{}
	for _, u := range units {
		unitNames = append(unitNames, u.Name)
		unitIDs[u.Name] = u.ID
	}
	kind := selectWith(store.ProjectKinds, false)
	kind.SetSelected(x.Kind)
	name := requiredEntry("项目名称")
	name.SetText(x.Name)
	content := multiline(3)
	content.SetText(x.Content)
	budget := lineEntry(x.Budget)
	if x.Budget == 0 {
		budget.SetText("")
	}
	votes := []*textEntry{numberEntry(x.For, true), numberEntry(x.Against, true), numberEntry(x.Abstain, true)}
	unit := selectWith(unitNames, true)
	unit.SetSelected(x.UnitName)
	leader, person := newTextEntry(), newTextEntry()
	leader.SetText(x.Leader)
	person.SetText(x.Person)
	status := selectWith(store.ProjectStatuses, false)
	status.SetSelected(x.Status)
	completed, survey := newDateEntry(false), newDateEntry(false)
	completed.SetDate(x.Completed)
	survey.SetDate(x.SurveyDate)
	progress := multiline(2)
	progress.SetText(x.Progress)
	polls := []*textEntry{numberEntry(x.Respondents, true), numberEntry(x.Satisfied, true), numberEntry(x.Aware, true)}
	notes := multiline(2)
	notes.SetText(x.Notes)
	var pane *formPane
	pane = newFormPane([]*widget.FormItem{
		widget.NewFormItem("类型", kind),
		widget.NewFormItem("项目名称", name),
		widget.NewFormItem("主要内容", content),
		widget.NewFormItem("投资(万元)", fixedWidth(100, budget)),
		widget.NewFormItem("赞成票", fixedWidth(80, votes[0])),
		widget.NewFormItem("反对票", fixedWidth(80, votes[1])),
		widget.NewFormItem("弃权票", fixedWidth(80, votes[2])),
		widget.NewFormItem("责任单位", unit),
		widget.NewFormItem("责任领导", leader),
		widget.NewFormItem("具体责任人", person),
		widget.NewFormItem("实施状态", status),
		widget.NewFormItem("完成日期", completed),
		widget.NewFormItem("进度情况", progress),
		widget.NewFormItem("测评日期", survey),
		widget.NewFormItem("测评人数", fixedWidth(80, polls[0])),
		widget.NewFormItem("满意人数", fixedWidth(80, polls[1])),
		widget.NewFormItem("知晓人数", fixedWidth(80, polls[2])),
		widget.NewFormItem("备注", notes),
	}, func() error {
		for _, e := range append(votes, polls...) {
			if err := e.Validate(); err != nil {
				return store.Errorf(store.EINVALID, "票数和人数应是整数")
			}
		}
		y := x
		y.Kind, y.Name, y.Content = kind.Selected, strings.TrimSpace(name.Text), content.Text
		y.Budget = 0
		if s := strings.TrimSpace(budget.Text); s != "" {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				return &store.Error{Code: store.EINVALID, Field: "投资(万元)", Message: "投资(万元)应是数字"}
			}
			y.Budget = v
		}
		y.For, y.Against, y.Abstain = atoi(votes[0]), atoi(votes[1]), atoi(votes[2])
		y.UnitID, y.Leader, y.Person, y.Status = unitIDs[unit.Selected], leader.Text, person.Text, status.Selected
		y.Completed, y.Progress, y.SurveyDate = completed.Typed(), progress.Text, survey.Typed()
		y.Respondents, y.Satisfied, y.Aware, y.Notes = atoi(polls[0]), atoi(polls[1]), atoi(polls[2]), notes.Text
		if err := db.SaveLivelihoodProject(ctx, &y); err != nil {
			return err
		}
		if fresh, err := db.LivelihoodProject(ctx, y.ID); err == nil {
			y = fresh
		}
		p.list.reload()
		p.display(y)
		p.pane.showInfo("已保存")
		return nil
	})
	if x.ID == 0 {
		pane.title.SetText(fmt.Sprintf("新增%d年项目", x.Year))
	} else {
		pane.title.SetText(x.Name)
	}
	pane.first = name
	p.pane = pane
	pane.track(p.d, formProject, recordKey(x.ID), x, func() string { return "项目" + quoted(name.Text) }, func() { p.t.reveal(3, nil, 0) })
	return pane
}

// showVote puts the year's 票决 into the pane: its form (date, session, how many to choose, ballots) over the
// tally by the rule.
func (p *projectsPane) showVote() {
	db, ctx := p.d.db, p.d.ctx
	p.d.dropFormsQuietly(projectForms...)
	p.current, p.pane = store.LivelihoodProject{}, nil
	p.list.unselect()
	v, err := db.LivelihoodVote(ctx, p.year)
	if err != nil {
		p.d.showError(err)
		return
	}
	doc, err := db.LivelihoodDoc(ctx, p.year)
	if err != nil && store.ErrorCode(err) != store.ENOTFOUND {
		p.d.showError(err)
	}
	date := newDateEntry(true)
	date.SetDate(v.Date)
	names, ids := []string{}, map[string]int64{}
	ms, _, err := db.Meetings(ctx, store.MeetingFilter{Kind: store.MeetingCongress})
	if err != nil {
		p.d.showError(err)
	}
	for _, m := range ms {
		n := string(m.Start) + " " + m.Title
		names = append(names, n)
		ids[n] = m.ID
	}
	meeting := selectWith(names, true)
	for n, id := range ids {
		if id == v.MeetingID && id != 0 {
			meeting.SetSelected(n)
		}
	}
	toChoose := numberEntry(v.ToChoose, true)
	nums := []*textEntry{numberEntry(v.Expected, true), numberEntry(v.Issued, true), numberEntry(v.Returned, true), numberEntry(v.Valid, true)}
	notes := multiline(2)
	notes.SetText(v.Notes)
	var pane *formPane
	pane = newFormPane([]*widget.FormItem{
		widget.NewFormItem("票决日期", date),
		widget.NewFormItem("票决会议", meeting),
		widget.NewFormItem("应选项目数", fixedWidth(80, toChoose)),
		widget.NewFormItem("应到代表", fixedWidth(80, nums[0])),
		widget.NewFormItem("发出选票", fixedWidth(80, nums[1])),
		widget.NewFormItem("收回选票", fixedWidth(80, nums[2])),
		widget.NewFormItem("有效票", fixedWidth(80, nums[3])),
		widget.NewFormItem("备注", notes),
	}, func() error {
		for _, e := range append(nums, toChoose) {
			if err := e.Validate(); err != nil {
				return store.Errorf(store.EINVALID, "票数应是整数")
			}
		}
		y := v
		y.Date, y.MeetingID, y.ToChoose, y.Notes = date.Typed(), ids[meeting.Selected], atoi(toChoose), notes.Text
		y.Expected, y.Issued, y.Returned, y.Valid = atoi(nums[0]), atoi(nums[1]), atoi(nums[2]), atoi(nums[3])
		if err := db.SaveLivelihoodVote(ctx, &y); err != nil {
			return err
		}
		p.list.reload()
		p.showVote()
		return nil
	})
	pane.title.SetText(fmt.Sprintf("%d年民生实事项目代表票决", p.year))
	p.vote = pane
	pane.track(p.d, formVote, recordKey(int64(p.year)), p.year, func() string { return fmt.Sprintf("%d年民生实事票决", p.year) },
		func() { p.t.reveal(3, nil, 0) })
	var lines []string
	t := doc.Tally
	for _, r := range t.Rows {
		line := fmt.Sprintf("%d. %s　赞成%d票", r.Project.Seq, r.Project.Name, r.Project.For)
		switch {
		case r.Chosen:
			line += "　确定"
		case r.Tied:
			line += "　得票相同，另行表决"
		case !r.Passed:
			line += "　未过半数"
		default:
			line += "　未确定"
		}
		lines = append(lines, line)
	}
	head := "计票结果"
	if v.Saved {
		head = fmt.Sprintf("计票结果：候选%d项，确定%d项　%s", len(t.Rows), t.Chosen, v.Rule())
	} else if len(t.Rows) > 0 {
		head = fmt.Sprintf("候选项目%d项，票决尚未登记", len(t.Rows))
	}
	p.tally = lines
	split := container.NewVSplit(pane.content, simpleList(head, lines, nil))
	split.Offset = 0.5
	p.detail.Objects = []fyne.CanvasObject{split}
	p.detail.Refresh()
}
