package ui

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/export"
	"rendadesk/store"
)

// 评先评优 (issue 22 part 4), opened from the 代表 tab's toolbar beside 述职评议 and 意见卡与通报: the clerk looks
// for it where the deputies, their groups and their 履职档案 (with the 履职积分) already are, and most awards
// are for deputies and groups; the 主席团会议 that decides is only linked from here. The dialog shows a year's
// nominations by award, and beside them the suggestion — the deputies ranked by 履职积分, the groups by their
// activities — from which the clerk nominates by hand: nothing is nominated or chosen by the program. The
// presidium's decision, the announcement at the 人代会 and the printed 推荐表 and 表彰决定 are a button away.

// awardsDialog is the open 评先评优 dialog.
type awardsDialog struct {
	d       *desk
	dlg     dialog.Dialog
	year    *widget.Select
	head    *widget.Label
	actions *fyne.Container
	noms    *fyne.Container // the nominations, or the offer to set up the year
	hint    *fyne.Container // the suggestion pane

	sel     store.AwardSelection
	has     bool // the year has a selection
	list    []store.AwardNomination
	sugCat  *widget.Select
	current int // the year shown
	gen     int // the suggestion asked for last (showSuggestion)
	// shown is the gen of the suggestion on screen: the tests wait for it to equal gen (the test driver runs
	// fyne.Do on the counting goroutine, so a list still to come would replace the one being tapped).
	shown atomic.Int64
}

// showAwardsDialog opens 评先评优 on this year.
func (t *deputiesTab) showAwardsDialog() *awardsDialog {
	a := &awardsDialog{d: t.d, head: widget.NewLabel(""), actions: container.NewHBox(), noms: container.NewStack(),
		hint: container.NewStack()}
	a.head.Wrapping = fyne.TextWrapWord
	a.current = t.d.today().Year()
	a.year = newSelect(a.years(), func(v string) {
		var y int
		if _, err := fmt.Sscanf(v, "%d年度", &y); err == nil && y != a.current {
			a.current = y
			a.reload()
		}
	})
	a.year.SetSelected(fmt.Sprintf("%d年度", a.current))
	top := container.NewVBox(container.NewHBox(widget.NewLabel("年度"), a.year, a.actions), a.head)
	split := container.NewHSplit(a.noms, a.hint)
	split.Offset = 0.48
	a.reload()
	a.dlg = dialog.NewCustom("评先评优", "关闭", container.NewBorder(top, nil, nil, nil, split), t.d.win)
	a.dlg.Resize(fyne.NewSize(1180, 640))
	a.dlg.Show()
	return a
}

// years offers this year and the next, and back to the first year with a selection or with suggestions.
func (a *awardsDialog) years() []string {
	this := a.d.today().Year()
	first := this - 1
	ys, err := a.d.db.AwardYears(a.d.ctx)
	logError("评先评优: 读取年度", err)
	for _, y := range ys {
		first = min(first, y)
	}
	var out []string
	for y := this + 1; y >= first; y-- {
		out = append(out, fmt.Sprintf("%d年度", y))
	}
	return out
}

// reload re-reads the year's selection and nominations and redraws the dialog.
func (a *awardsDialog) reload() {
	db, ctx := a.d.db, a.d.ctx
	var err error
	a.sel, err = db.AwardSelection(ctx, a.current)
	a.has = err == nil
	if err != nil && store.ErrorCode(err) != store.ENOTFOUND {
		a.d.showError(err)
		return
	}
	a.list = nil
	if a.has {
		if a.list, err = db.AwardNominations(ctx, a.current); err != nil {
			a.d.showError(err)
		}
	}
	a.actions.RemoveAll()
	a.noms.RemoveAll()
	a.hint.RemoveAll()
	if !a.has {
		a.head.SetText(fmt.Sprintf("%d年度还没有评先评优。建立后，各代表小组和主席团的推荐在这里登记，由主席团会议集体讨论确定当选对象。", a.current))
		names := make([]string, 0, 4)
		for _, c := range store.DefaultAwardCategories() {
			names = append(names, fmt.Sprintf("%s(名额%d)", c.Name, c.Quota))
		}
		start := widget.NewButtonWithIcon(fmt.Sprintf("建立%d年度评选", a.current), theme.ContentAddIcon(), func() {
			a.categoriesForm(store.NewAwardSelection(a.current))
		})
		start.Importance = widget.HighImportance
		offer := widget.NewLabel("默认奖项：" + strings.Join(names, "、") + "，建立时可以修改。")
		offer.Wrapping = fyne.TextWrapWord
		a.noms.Add(container.NewVBox(start, offer))
		a.noms.Refresh()
		a.hint.Refresh()
		a.actions.Refresh()
		return
	}
	a.head.SetText(a.summary())
	add := widget.NewButtonWithIcon("新增推荐", theme.ContentAddIcon(), func() {
		a.nominationForm(store.AwardNomination{CategoryID: a.sel.Categories[0].ID, Nominator: store.AwardNominatorPresidium})
	})
	a.actions.Objects = []fyne.CanvasObject{add,
		widget.NewButtonWithIcon("奖项与名额", theme.SettingsIcon(), func() { a.categoriesForm(a.sel) }),
		widget.NewButtonWithIcon("主席团决定", theme.ConfirmIcon(), a.decisionForm),
		widget.NewButtonWithIcon("人代会表彰", theme.MailSendIcon(), a.announceForm),
		widget.NewButtonWithIcon("打印表彰决定", theme.DocumentPrintIcon(), func() { a.d.printTo(a.d.awardDecision(a.current)) }),
	}
	rows := make([]string, len(a.list))
	for i, n := range a.list {
		rows[i] = fmt.Sprintf("%s　%s　%s推荐　%s", n.Category, n.CandidateName, n.Nominator, n.Status(a.sel.Decided()))
	}
	a.noms.Add(simpleList(fmt.Sprintf("推荐对象 %d 个(点击查看、修改、撤回或打印推荐表)", len(rows)), rows, func(i int) {
		a.nominationForm(a.list[i])
	}))
	a.sugCat = newSelect(nil, func(string) { a.showSuggestion() })
	for _, c := range a.sel.Categories {
		a.sugCat.Options = append(a.sugCat.Options, c.Name)
	}
	a.sugCat.Selected = a.sel.Categories[0].Name
	a.showSuggestion()
	a.actions.Refresh()
	a.noms.Refresh()
}

// summary is the line under the year: each award's nominations and those chosen against its 名额, the
// decision and the announcement.
func (a *awardsDialog) summary() string {
	var parts []string
	for _, c := range a.sel.Categories {
		nom, el := 0, 0
		for _, n := range a.list {
			if n.CategoryID == c.ID && !n.Withdrawn {
				nom++
				if n.Elected {
					el++
				}
			}
		}
		parts = append(parts, fmt.Sprintf("%s推荐%d、当选%d(名额%d)", c.Name, nom, el, c.Quota))
	}
	s := strings.Join(parts, "；") + "。"
	if a.sel.Decided() {
		s += fmt.Sprintf("\n主席团决定：%s，%s。", a.sel.DecisionMeeting, a.sel.DecisionDate.Chinese())
	} else {
		s += "\n主席团尚未作出决定。"
	}
	if a.sel.Announced() {
		s += fmt.Sprintf("表彰：%s，%s。", a.sel.AnnounceMeeting, a.sel.AnnounceDate.Chinese())
	}
	return s
}

// category is the selection's category of a name.
func (a *awardsDialog) category(name string) (store.AwardCategory, bool) {
	for _, c := range a.sel.Categories {
		if c.Name == name {
			return c, true
		}
	}
	return store.AwardCategory{}, false
}

// standing says, for a row of the suggestion, the awards the candidate is already nominated for among list
// (not withdrawn): 「　[已推荐：优秀人大代表]」, or "".
func standing(list []store.AwardNomination, kind string, candidate int64) string {
	var cats []string
	for _, n := range list {
		if n.Candidate == kind && n.CandidateID == candidate && !n.Withdrawn {
			cats = append(cats, n.Category)
		}
	}
	if len(cats) == 0 {
		return ""
	}
	return "　[已推荐：" + strings.Join(cats, "、") + "]"
}

// showSuggestion fills the suggestion pane for the chosen award: the deputies of the year ranked by their
// 履职积分 with the breakdown, or the groups by their activities. Tapping one opens a nomination form with
// the candidate filled in; only saving it nominates. The ranking scores every deputy of the year (about a
// second on the stress database), so it is counted off the UI goroutine; a result for an award or year no
// longer shown is dropped.
func (a *awardsDialog) showSuggestion() {
	a.hint.RemoveAll()
	defer a.hint.Refresh()
	c, ok := a.category(a.sugCat.Selected)
	if !ok {
		return
	}
	note := reportHint("仅供参考：不会自动推荐或当选。点击一行打开推荐表单，保存后才登记推荐。")
	top := container.NewVBox(container.NewHBox(widget.NewLabel("推荐参考"), a.sugCat), note)
	if c.Candidate != store.CandidateDeputy && c.Candidate != store.CandidateGroup {
		a.hint.Add(container.NewVBox(top, widget.NewLabel(fmt.Sprintf("评选对象为%s的奖项没有排名参考，请点「新增推荐」选择。",
			store.CandidateLabel(c.Candidate)))))
		return
	}
	a.hint.Add(container.NewVBox(top, widget.NewLabel("正在计算……")))
	a.gen++
	gen, year, list := a.gen, a.current, a.list // reload replaces a.list, never changes it in place
	rankingOffUI(func() {
		var rows []string
		var open func(int)
		var head string
		var err error
		switch c.Candidate {
		case store.CandidateDeputy:
			var scores []store.DutyScore
			if scores, _, err = a.d.db.DutyScores(a.d.ctx, year); err != nil {
				break
			}
			for _, s := range scores {
				rows = append(rows, fmt.Sprintf("第%d名　%s　%d分　%s%s　%s", s.Rank, s.Record.Deputy.Name, s.Total,
					standing(list, store.CandidateDeputy, s.Record.Deputy.ID), orText(s.Record.Deputy.GroupName, "未分组"), scoreBrief(s)))
			}
			open = func(i int) {
				s := scores[i]
				by := s.Record.Deputy.GroupName
				if by == "" {
					by = store.AwardNominatorPresidium
				}
				a.nominationForm(store.AwardNomination{CategoryID: c.ID, CandidateID: s.Record.Deputy.ID, Nominator: by,
					Deeds: fmt.Sprintf("%d年度履职积分%d分：%s。", year, s.Total, scoreBrief(s))})
			}
			head = fmt.Sprintf("%d年度代表履职积分排名(%d名)", year, len(scores))
		case store.CandidateGroup:
			var acts []store.GroupActivity
			if acts, err = a.d.db.GroupActivities(a.d.ctx, year); err != nil {
				break
			}
			for _, g := range acts {
				rows = append(rows, fmt.Sprintf("%s　代表小组活动%d次%s", g.Group.Name, len(g.Items), standing(list, store.CandidateGroup, g.Group.ID)))
			}
			open = func(i int) {
				g := acts[i]
				a.nominationForm(store.AwardNomination{CategoryID: c.ID, CandidateID: g.Group.ID, Nominator: store.AwardNominatorPresidium,
					Deeds: fmt.Sprintf("%d年开展代表小组活动%d次。", year, len(g.Items))})
			}
			head = fmt.Sprintf("%d年度各代表小组活动次数(按工作规则的口径)", year)
		}
		fyne.Do(func() {
			if gen != a.gen {
				return
			}
			a.hint.RemoveAll()
			if err != nil {
				a.hint.Add(container.NewVBox(top, widget.NewLabel(store.ErrorMessage(err))))
			} else {
				a.hint.Add(container.NewBorder(top, nil, nil, nil, simpleList(head, rows, open)))
			}
			a.hint.Refresh()
			a.shown.Store(int64(gen))
		})
	})
}

// rankingOffUI runs the count behind the awards dialog's 推荐参考 off the UI goroutine; the count gives the
// window its rows through fyne.Do. The tests run it in place: Fyne's test driver runs fyne.Do's function on
// the calling goroutine, so a count finishing while the test taps the dialog changed its widgets from two
// goroutines at once (「concurrent map writes」 in a label's text cache).
var rankingOffUI = func(count func()) { go count() }

// scoreBrief is a score's lines in short: 「出席4次×2、领衔2件×5」.
func scoreBrief(s store.DutyScore) string {
	var parts []string
	for _, l := range s.Lines {
		if l.Count != 0 && l.Points != 0 {
			parts = append(parts, fmt.Sprintf("%s%d%s×%d", l.Key.Label(), l.Count, l.Key.Unit(), l.Points))
		}
	}
	if len(parts) == 0 {
		return "没有计分的履职记录"
	}
	return strings.Join(parts, "、")
}

// orText is s, or alt when s is blank.
func orText(s, alt string) string {
	if strings.TrimSpace(s) == "" {
		return alt
	}
	return s
}

// candidateOptions are the candidates of a kind, for the nomination form's picker.
func (a *awardsDialog) candidateOptions(kind string) []option {
	switch kind {
	case store.CandidateDeputy:
		return deputyOptions(a.d)
	case store.CandidateGroup:
		gs, err := a.d.db.Groups(a.d.ctx)
		if err != nil {
			a.d.showError(err)
			return nil
		}
		out := make([]option, len(gs))
		for i, g := range gs {
			out[i] = option{g.ID, g.Name}
		}
		return out
	case store.CandidateUnit:
		us, err := a.d.db.Units(a.d.ctx)
		if err != nil {
			a.d.showError(err)
			return nil
		}
		return unitOptions(us)
	case store.CandidateStation:
		return stationOptions(a.d)
	}
	return nil
}

// nominationForm records or changes a nomination; a saved one offers 撤回 (or 恢复), 删除 and 打印推荐表.
func (a *awardsDialog) nominationForm(n store.AwardNomination) *stepForm {
	db, ctx := a.d.db, a.d.ctx
	cats := make([]string, len(a.sel.Categories))
	for i, c := range a.sel.Categories {
		cats[i] = c.Name
	}
	var opts []option
	who := newFilterSelect(nil, false)
	setKind := func(name string) {
		c, _ := a.category(name)
		opts = a.candidateOptions(c.Candidate)
		labels := make([]string, len(opts))
		for i, o := range opts {
			labels[i] = o.Label
		}
		who.Options = labels
		who.ClearSelected()
		who.PlaceHolder = "选择" + store.CandidateLabel(c.Candidate)
		who.Refresh()
	}
	cat := newSelect(cats, setKind)
	if c, ok := a.sel.Category(n.CategoryID); ok {
		cat.Selected = c.Name
		setKind(c.Name)
	}
	for _, o := range opts {
		if o.ID == n.CandidateID {
			who.SetSelected(o.Label)
		}
	}
	groups, err := db.Groups(ctx)
	logError("评先评优: 读取代表小组", err)
	nominators := []string{store.AwardNominatorPresidium}
	for _, g := range groups {
		nominators = append(nominators, g.Name)
	}
	if n.Nominator != "" && !slices.Contains(nominators, n.Nominator) {
		nominators = append(nominators, n.Nominator) // a group renamed or removed since
	}
	by := newSelect(nominators, nil)
	by.Selected = n.Nominator
	deeds, opinion, review := multiline(5), multiline(2), multiline(2)
	deeds.SetText(n.Deeds)
	opinion.SetText(n.Opinion)
	review.SetText(n.Review)
	title := "新增推荐"
	var top fyne.CanvasObject
	var f *stepForm
	if n.ID != 0 {
		title = fmt.Sprintf("%s：%s(%s)", n.Category, n.CandidateName, n.Status(a.sel.Decided()))
		box := container.NewHBox(widget.NewButtonWithIcon("打印推荐表", theme.DocumentPrintIcon(), func() {
			a.d.printTo(a.d.awardNomination(n))
		}))
		if !n.Elected {
			if n.Withdrawn {
				box.Add(widget.NewButtonWithIcon("恢复推荐", theme.ContentUndoIcon(), func() {
					if err := db.WithdrawAwardNomination(ctx, n.ID, false, ""); err != nil {
						f.showError(err)
						return
					}
					a.reload()
					a.d.leave([]string{formNomination}, f.close, nil) // what was typed in the form is asked about
				}))
			} else {
				box.Add(widget.NewButtonWithIcon("撤回推荐", theme.ContentRemoveIcon(), func() { a.withdrawForm(n, f) }))
			}
			box.Add(widget.NewButtonWithIcon("删除", theme.DeleteIcon(), func() {
				a.d.confirmDelete("推荐", n.CandidateName, nil, func() error {
					if err := db.DeleteAwardNomination(ctx, n.ID); err != nil {
						return err
					}
					a.d.dropForms(formNomination) // what was typed in it goes with it
					f.close()
					a.reload()
					return nil
				})
			}))
		}
		if n.Withdrawn {
			box.Add(widget.NewLabel("撤回原因：" + n.WithdrawNote))
		}
		top = box
	}
	f = newStepForm(a.d.win, title, fmt.Sprintf("%d年度评先评优：代表小组或主席团推荐，镇人大办公室考察后填写审核意见。", a.current), top,
		[]*widget.FormItem{
			widget.NewFormItem("奖项", cat), widget.NewFormItem("推荐对象", who), widget.NewFormItem("推荐单位", by),
			widget.NewFormItem("主要事迹", deeds), widget.NewFormItem("推荐单位意见", opinion), widget.NewFormItem("审核意见", review),
		}, func() error {
			y := n
			y.CategoryID, y.CandidateID = 0, 0
			if c, ok := a.category(cat.Selected); ok {
				y.CategoryID = c.ID
			}
			for _, o := range opts {
				if o.Label == who.Selected {
					y.CandidateID = o.ID
				}
			}
			y.Nominator, y.Deeds, y.Opinion, y.Review = by.Selected, deeds.Text, opinion.Text, review.Text
			return db.SaveAwardNomination(ctx, &y)
		})
	f.form.setRequired([]string{"奖项", "推荐对象", "推荐单位"})
	f.after = a.reload
	base := n
	base.Year = a.current
	f.trackAs(a.d, formNomination, recordKey(n.ID), base, func() string {
		name := fmt.Sprintf("%d年度评先评优推荐", base.Year)
		if n.ID == 0 {
			name = "新增" + name
		}
		return name + quoted(who.Selected)
	}, "")
	return f
}

// showYear shows the nominations of year (a restored draft's).
func (a *awardsDialog) showYear(year int) {
	if year == 0 || year == a.current {
		return
	}
	a.current = year
	label := fmt.Sprintf("%d年度", year)
	if !slices.Contains(a.year.Options, label) {
		a.year.Options = append(a.year.Options, label)
	}
	a.year.Selected = label
	a.year.Refresh()
	a.reload()
}

// withdrawForm asks why a nomination is withdrawn and withdraws it.
func (a *awardsDialog) withdrawForm(n store.AwardNomination, parent *stepForm) {
	note := requiredEntry("撤回原因")
	f := newStepForm(a.d.win, "撤回推荐", fmt.Sprintf("撤回%s的「%s」推荐。撤回后不能当选，可以再恢复。", n.CandidateName, n.Category), nil,
		[]*widget.FormItem{widget.NewFormItem("撤回原因", note)}, func() error {
			return a.d.db.WithdrawAwardNomination(a.d.ctx, n.ID, true, note.Text)
		})
	f.trackAs(a.d, formWithdraw, recordKey(n.ID), nil, func() string {
		return fmt.Sprintf("%d年度%s推荐%s", n.Year, n.Category, quoted(n.CandidateName))
	}, "撤回原因")
	f.after = func() {
		a.reload()
		if parent.state != nil {
			a.d.leave([]string{parent.state.kind}, parent.close, nil)
		} else {
			parent.close()
		}
	}
}

// categoriesForm edits the year's awards: name, kind of candidate and 名额 of each, one a row.
func (a *awardsDialog) categoriesForm(s store.AwardSelection) {
	type row struct {
		id    int64
		name  *textEntry
		kind  *widget.Select
		quota *textEntry
	}
	var rows []*row
	var f *stepForm
	touched := func() { // a row typed in, added or deleted
		if f != nil && f.state != nil {
			f.state.touched()
		}
	}
	box := container.NewVBox()
	kinds := make([]string, len(store.CandidateKinds))
	for i, k := range store.CandidateKinds {
		kinds[i] = store.CandidateLabel(k)
	}
	var draw func()
	// A row as the draft keeps it: the quota as typed, so that 「十」 comes back as it was.
	type rowValue struct {
		ID    int64  `json:"id"`
		Name  string `json:"name"`
		Kind  string `json:"kind"`
		Quota string `json:"quota"`
	}
	addRow := func(v rowValue) {
		r := &row{id: v.ID, name: newTextEntry(), kind: newSelect(kinds, nil), quota: intEntry()}
		r.name.SetText(v.Name)
		r.name.SetPlaceHolder("奖项名称")
		r.kind.Selected = v.Kind
		r.quota.SetText(v.Quota)
		watchInputs(container.NewHBox(r.name, r.kind, r.quota), touched)
		rows = append(rows, r)
	}
	draw = func() {
		box.RemoveAll()
		box.Add(container.NewGridWithColumns(4, boldLabel("奖项名称"), boldLabel("评选对象"), boldLabel("名额"), widget.NewLabel("")))
		for i, r := range rows {
			box.Add(container.NewGridWithColumns(4, r.name, r.kind, r.quota, widget.NewButtonWithIcon("删除", theme.DeleteIcon(), func() {
				rows = slices.Delete(rows, i, i+1)
				draw()
				touched()
			})))
		}
		box.Refresh()
	}
	for _, c := range s.Categories {
		addRow(rowValue{c.ID, c.Name, store.CandidateLabel(c.Candidate), fmt.Sprint(c.Quota)})
	}
	draw()
	more := widget.NewButtonWithIcon("添加奖项", theme.ContentAddIcon(), func() {
		addRow(rowValue{Kind: store.CandidateLabel(store.CandidateDeputy), Quota: "1"})
		draw()
		touched()
	})
	top := container.NewVBox(box, container.NewHBox(more))
	f = newStepForm(a.d.win, fmt.Sprintf("%d年度评先评优：奖项与名额", s.Year),
		"每个奖项一行：名称、评选对象(人大代表、代表小组、单位或家站点)和名额。主席团决定的当选数不能超过名额。", top, nil, func() error {
			y := s
			y.Categories = nil
			for _, r := range rows {
				y.Categories = append(y.Categories, store.AwardCategory{ID: r.id, Name: r.name.Text,
					Candidate: store.CandidateOf(r.kind.Selected), Quota: atoi(r.quota)})
			}
			return a.d.db.SaveAwardSelection(a.d.ctx, &y)
		})
	f.width = 760
	f.fit()
	f.after = func() {
		a.year.Options = a.years()
		a.reload()
	}
	get := func() any {
		out := make([]rowValue, len(rows))
		for i, r := range rows {
			out[i] = rowValue{r.id, r.name.Text, r.kind.Selected, r.quota.Text}
		}
		return out
	}
	set := func(raw json.RawMessage) error {
		var vs []rowValue
		if err := json.Unmarshal(raw, &vs); err != nil {
			return err
		}
		rows = nil
		for _, v := range vs {
			addRow(v)
		}
		draw()
		f.fit()
		return nil
	}
	f.trackWith(a.d, formAwardCategories, fmt.Sprint(s.Year), s, func() string { return fmt.Sprintf("%d年度评先评优", s.Year) },
		"奖项与名额", get, set)
}

// decisionForm records the presidium's decision: the 主席团会议, its date, and a tick for each candidate chosen,
// with each award's 名额 and how many are ticked. More ticked than the 名额 is refused by the store, naming
// the award.
func (a *awardsDialog) decisionForm() {
	db, ctx := a.d.db, a.d.ctx
	meetings, _, err := db.Meetings(ctx, store.MeetingFilter{Kind: store.MeetingPresidium,
		From: store.YearPeriod(a.current).From, To: store.YearPeriod(a.current + 1).To})
	if err != nil {
		a.d.showError(err)
		return
	}
	if len(meetings) == 0 {
		a.d.showError(store.Errorf(store.EINVALID, "%d年至%d年还没有登记主席团会议：请先在「会议」中登记作出决定的主席团会议", a.current, a.current+1))
		return
	}
	date := dateField(a.sel.DecisionDate)
	meeting, titles := meetingChoice(meetings, a.sel.DecisionMeetingID, date)
	checks := map[int64]*widget.Check{}
	var f *stepForm
	box := container.NewVBox()
	for _, c := range a.sel.Categories {
		count := widget.NewLabel("")
		update := func() {
			k := 0
			for _, n := range a.list {
				if n.CategoryID == c.ID && checks[n.ID] != nil && checks[n.ID].Checked {
					k++
				}
			}
			count.SetText(fmt.Sprintf("%s(名额%d，已选%d)", c.Name, c.Quota, k))
			count.Importance = widget.MediumImportance
			if k > c.Quota {
				count.Importance = widget.DangerImportance
			}
			count.Refresh()
		}
		box.Add(count)
		grid := container.NewGridWithColumns(3)
		for _, n := range a.list {
			if n.CategoryID != c.ID || n.Withdrawn {
				continue
			}
			ch := widget.NewCheck(n.CandidateName+"("+n.Nominator+")", func(bool) {
				update()
				if f != nil && f.state != nil {
					f.state.touched()
				}
			})
			ch.Checked = n.Elected
			checks[n.ID] = ch
			grid.Add(ch)
		}
		if len(grid.Objects) == 0 {
			grid.Add(widget.NewLabel("没有推荐对象"))
		}
		box.Add(grid)
		update()
	}
	top := container.NewVScroll(box)
	top.SetMinSize(fyne.NewSize(700, 300))
	f = newStepForm(a.d.win, fmt.Sprintf("%d年度评先评优：主席团决定", a.current),
		"主席团会议集体讨论确定当选对象：勾选当选的推荐对象(每个奖项不超过名额)。", top, []*widget.FormItem{
			widget.NewFormItem("决定会议", meeting), widget.NewFormItem("决定日期", date),
		}, func() error {
			dec := store.AwardDecision{Date: date.Typed()}
			if i := slices.Index(titles, meeting.Selected); i >= 0 {
				dec.MeetingID = meetings[i].ID
			}
			for _, n := range a.list {
				if ch := checks[n.ID]; ch != nil && ch.Checked {
					dec.Elected = append(dec.Elected, n.ID)
				}
			}
			return db.DecideAwards(ctx, a.current, dec)
		})
	f.width = 760
	f.fit()
	f.form.setRequired([]string{"决定会议", "决定日期"})
	f.after = a.reload
	// The draft keeps the fields and the nominations ticked.
	type decisionValue struct {
		Fields  map[string]string `json:"fields"`
		Elected []int64           `json:"elected"`
	}
	get := func() any {
		v := decisionValue{Fields: formValues(f.items), Elected: []int64{}}
		for _, n := range a.list {
			if ch := checks[n.ID]; ch != nil && ch.Checked {
				v.Elected = append(v.Elected, n.ID)
			}
		}
		return v
	}
	set := func(raw json.RawMessage) error {
		var v decisionValue
		if err := json.Unmarshal(raw, &v); err != nil {
			return err
		}
		setFormValues(f.items, v.Fields)
		for id, ch := range checks {
			ch.SetChecked(slices.Contains(v.Elected, id))
		}
		return nil
	}
	year := a.current
	f.trackWith(a.d, formAwardDecision, fmt.Sprint(year), nil, func() string { return fmt.Sprintf("%d年度评先评优", year) },
		"主席团决定", get, set)
}

// announceForm records the announcement at a 人民代表大会会议.
func (a *awardsDialog) announceForm() {
	db, ctx := a.d.db, a.d.ctx
	meetings, _, err := db.Meetings(ctx, store.MeetingFilter{Kind: store.MeetingCongress,
		From: store.YearPeriod(a.current).From, To: store.YearPeriod(a.current + 1).To})
	if err != nil {
		a.d.showError(err)
		return
	}
	date := dateField(a.sel.AnnounceDate)
	meeting, titles := meetingChoice(meetings, a.sel.AnnounceMeetingID, date)
	f := newStepForm(a.d.win, fmt.Sprintf("%d年度评先评优：人代会表彰", a.current), "在人民代表大会会议上公开表彰主席团决定的当选对象。", nil,
		[]*widget.FormItem{widget.NewFormItem("表彰会议", meeting), widget.NewFormItem("表彰日期", date)}, func() error {
			var id int64
			if i := slices.Index(titles, meeting.Selected); i >= 0 {
				id = meetings[i].ID
			}
			return db.AnnounceAwards(ctx, a.current, id, date.Typed())
		})
	f.form.setRequired([]string{"表彰会议", "表彰日期"})
	f.after = a.reload
	year := a.current
	f.trackAs(a.d, formAnnounce, fmt.Sprint(year), nil, func() string { return fmt.Sprintf("%d年度评先评优", year) }, "人代会表彰")
}

// awardNomination is the 推荐表 of a nomination.
func (d *desk) awardNomination(n store.AwardNomination) document {
	return document{fmt.Sprintf("%d年度%s推荐表-%s", n.Year, n.Category, n.CandidateName), func(path string) error {
		doc, err := d.db.AwardNominationDoc(d.ctx, n.ID)
		if err != nil {
			return err
		}
		return export.AwardNominationForm(path, doc)
	}}
}

// awardDecision is the 表彰决定 of a year.
func (d *desk) awardDecision(year int) document {
	return document{fmt.Sprintf("%d年度评先评优表彰决定", year), func(path string) error {
		doc, err := d.db.AwardDecisionDoc(d.ctx, year)
		if err != nil {
			return err
		}
		return export.AwardDecision(path, doc)
	}}
}

// meetingChoice is the choice of the meeting that decided or announced, each 「日期　名称」, the one of
// chosenID selected; choosing one fills date with the meeting's day unless a day was typed. titles are the
// choices in the order of meetings.
func meetingChoice(meetings []store.Meeting, chosenID int64, date *dateEntry) (*widget.Select, []string) {
	titles := make([]string, len(meetings))
	for i, m := range meetings {
		titles[i] = m.Start.Chinese() + "　" + m.Title
	}
	meeting := newSelect(titles, func(v string) {
		if i := slices.Index(titles, v); i >= 0 && date.Typed() == "" {
			date.SetDate(meetings[i].Start)
		}
	})
	for i, m := range meetings {
		if m.ID == chosenID {
			meeting.Selected = titles[i]
		}
	}
	return meeting, titles
}
