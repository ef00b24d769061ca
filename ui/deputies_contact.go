package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// The 联系选民 section of a deputy (issue 18 §4): the households or voters the deputy keeps in touch with, the
// year's visits against the norm from the settings, and each visit with what voters raised — an item can
// become a suggestion the deputy leads.

// formContact is the kind of the deputy's 固定联系选民 form (guard.go).
const formContact = "deputy.contact"

// contactVotersText is the voters one a line: 「张秀英 河东村 138… 困难户」.
func contactVotersText(vs []store.ContactVoter) string {
	lines := make([]string, len(vs))
	for i, v := range vs {
		parts := []string{v.Name, v.Village, v.Contact}
		if v.Hardship {
			parts = append(parts, "困难户")
		}
		lines[i] = strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
	}
	return strings.Join(lines, "\n")
}

// parseContactVoters reads the voters one a line; a trailing 困难户 marks a household in hardship.
func parseContactVoters(text string) []store.ContactVoter {
	var out []store.ContactVoter
	for _, v := range parseVoters(text) {
		c := store.ContactVoter{Name: v.Name, Village: v.Village, Contact: v.Contact}
		if f := strings.Fields(c.Contact); len(f) > 0 && f[len(f)-1] == "困难户" {
			c.Hardship, c.Contact = true, strings.Join(f[:len(f)-1], " ")
		} else if c.Village == "困难户" {
			c.Hardship, c.Village = true, ""
		}
		out = append(out, c)
	}
	return out
}

// contactOf builds the section for the deputy x.
func (t *deputiesTab) contactOf(x store.Deputy) fyne.CanvasObject {
	db, ctx := t.d.db, t.d.ctx
	today := t.d.today()
	c, err := db.VoterContactOf(ctx, x.ID)
	if err != nil {
		return widget.NewLabel(store.ErrorMessage(err))
	}
	households := intEntry()
	households.SetPlaceHolder("户数；下面列出姓名时可不填")
	if c.Households > 0 {
		households.SetText(fmt.Sprint(c.Households))
	}
	voters := multiline(4)
	voters.SetPlaceHolder("一行一位：姓名 村(居) 联系方式，困难户在末尾写「困难户」")
	voters.SetText(contactVotersText(c.Voters))
	pane := newFormPane([]*widget.FormItem{
		widget.NewFormItem("固定联系(户)", households),
		widget.NewFormItem("联系选民", voters),
	}, func() error {
		if err := households.Validate(); err != nil {
			return &store.Error{Code: store.EINVALID, Field: "固定联系(户)", Message: "固定联系(户)" + err.Error()}
		}
		y := store.VoterContact{DeputyID: x.ID, Households: atoi(households), Voters: parseContactVoters(voters.Text)}
		if err := db.SaveVoterContact(ctx, &y); err != nil {
			return err
		}
		t.contactPane.showInfo("已保存")
		t.loadRecord()
		return nil
	})
	pane.title.SetText("固定联系的选民")
	t.contactPane = pane
	pane.track(t.d, formContact, recordKey(x.ID), c, func() string { return "代表" + quoted(x.Name) + "的联系选民" }, func() { t.reveal(5) })

	t.visitsBox = container.NewStack()
	t.loadVisits(x, today)
	add := widget.NewButtonWithIcon("登记联系选民", theme.ContentAddIcon(), func() {
		t.visitDialog(x, store.VoterVisit{DeputyID: x.ID, Date: today, Mode: store.VisitModes[0]})
	})
	visits := container.NewBorder(container.NewHBox(add), nil, nil, nil, t.visitsBox)
	split := container.NewVSplit(pane.content, visits)
	split.Offset = 0.4
	return split
}

// loadVisits lists the deputy's visits of this year with the norm.
func (t *deputiesTab) loadVisits(x store.Deputy, today store.Date) {
	if t.visitsBox == nil {
		return
	}
	y := store.YearPeriod(today.Year())
	visits, err := t.d.db.VoterVisits(t.d.ctx, store.VisitFilter{DeputyID: x.ID, From: y.From, To: today})
	if err != nil {
		t.visitsBox.Objects = []fyne.CanvasObject{widget.NewLabel(store.ErrorMessage(err))}
		t.visitsBox.Refresh()
		return
	}
	vs, err := t.d.db.VoterSettings(t.d.ctx)
	logError("代表: 读取联系选民的要求", err)
	due := vs.VisitsDue(today)
	people := 0
	rows := make([]string, len(visits))
	for i, v := range visits {
		people += v.Voters
		rows[i] = visitLine(v)
	}
	head := fmt.Sprintf("%d年联系选民 %d 次、%d 人次；到今天应有 %d 次(每年不少于 %d 次)", today.Year(), len(visits), people, due, vs.VisitNorm)
	if len(visits) < due {
		head += "，尚差 " + fmt.Sprint(due-len(visits)) + " 次"
	}
	t.visitsBox.Objects = []fyne.CanvasObject{simpleList(head, rows, func(i int) { t.visitDialog(x, visits[i]) })}
	t.visitsBox.Refresh()
}

// visitLine is 「2026-03-12　入户走访　8人次　河东村3组　2条意见(1条已转为建议)」.
func visitLine(v store.VoterVisit) string {
	parts := []string{string(v.Date), v.Mode, fmt.Sprintf("%d人次", v.Voters)}
	if v.Place != "" {
		parts = append(parts, v.Place)
	}
	if n := len(v.Items); n > 0 {
		made := 0
		for _, it := range v.Items {
			if it.SuggestionID != 0 {
				made++
			}
		}
		s := fmt.Sprintf("%d条意见", n)
		if made > 0 {
			s += fmt.Sprintf("(%d条已转为建议)", made)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "　")
}

// visitDialog records or changes a visit: the day, how, how many voters, where, what happened, and the items
// raised one a line. A saved visit's items that are not yet suggestions each offer 转为建议.
func (t *deputiesTab) visitDialog(x store.Deputy, v store.VoterVisit) {
	db, ctx := t.d.db, t.d.ctx
	date := dateField(v.Date)
	mode := selectWith(store.VisitModes, false)
	mode.SetSelected(v.Mode)
	voters := intEntry()
	if v.Voters > 0 {
		voters.SetText(fmt.Sprint(v.Voters))
	}
	place := newTextEntry()
	place.SetText(v.Place)
	notes := multiline(2)
	notes.SetText(v.Notes)
	items := multiline(4)
	items.SetPlaceHolder("选民反映的意见，一行一条")
	var lines []string
	for _, it := range v.Items {
		lines = append(lines, it.Content)
	}
	items.SetText(strings.Join(lines, "\n"))
	var f *stepForm
	var top fyne.CanvasObject
	if v.ID != 0 {
		box := container.NewVBox()
		for _, it := range v.Items {
			if it.SuggestionID != 0 {
				box.Add(widget.NewLabel("已转为建议 " + it.SuggestionNumber + "：" + shortSubject(it.Content)))
				continue
			}
			box.Add(widget.NewButtonWithIcon("转为建议："+shortSubject(it.Content), theme.MailForwardIcon(), func() {
				f.close()
				t.d.items.newFromVisit(x, v, it)
			}))
		}
		if len(box.Objects) > 0 {
			top = box
		}
	}
	title := "登记联系选民"
	if v.ID != 0 {
		title = "联系选民 " + v.Date.Chinese()
	}
	f = newStepForm(t.d.win, title, x.Name, top, []*widget.FormItem{
		widget.NewFormItem("日期", date), widget.NewFormItem("方式", mode), widget.NewFormItem("联系选民(人次)", voters),
		widget.NewFormItem("地点", place), widget.NewFormItem("情况", notes), widget.NewFormItem("反映意见", items),
	}, func() error {
		if err := voters.Validate(); err != nil {
			return &store.Error{Code: store.EINVALID, Field: "联系选民(人次)", Message: "联系选民(人次)" + err.Error()}
		}
		y := v
		y.Date, y.Mode, y.Voters, y.Place, y.Notes = date.Typed(), mode.Selected, atoi(voters), place.Text, notes.Text
		// The items keep their ids (and links) line by line when their text is unchanged.
		kept := map[string]store.VisitItem{}
		for _, it := range v.Items {
			kept[it.Content] = it
		}
		y.Items = nil
		for _, l := range strings.Split(items.Text, "\n") {
			if l = strings.TrimSpace(l); l == "" {
				continue
			}
			it, ok := kept[l]
			if !ok {
				it = store.VisitItem{Content: l}
			}
			y.Items = append(y.Items, it)
		}
		return db.SaveVoterVisit(ctx, &y)
	})
	f.after = func() {
		t.loadVisits(x, t.d.today())
		t.loadRecord()
	}
}

// newFromVisit switches to 建议 and opens the 登记建议 form for an item a deputy heard on a visit to voters: a
// 代表建议 between sessions led by the deputy, received on the day of the visit, with the item as its content.
// Saving it links the item to the suggestion.
func (t *suggestionsTab) newFromVisit(x store.Deputy, v store.VoterVisit, it store.VisitItem) {
	s := store.Suggestion{
		Kind: store.KindSuggestion, Period: store.PeriodRecess, Source: store.SourceIn(store.SourceDeputy, t.sources), Scope: store.LevelTown,
		Priority: "一般", LeadDeputyID: x.ID, LeadDeputyName: x.Name, Received: v.Date, Content: it.Content,
		RaisedFrom: store.RaisedRef{Kind: store.RaisedVisit, ID: it.ID},
	}
	if t.d.tabs != nil {
		t.d.tabs.Select(t.tabItem())
	}
	t.open(s, nil, func() {
		t.pane.title.SetText("登记建议(来自" + x.Name + " " + v.Date.Chinese() + "联系选民)")
		if f, ok := t.pane.field("标题").(fyne.Focusable); ok {
			t.pane.first = f
		}
		t.pane.focus(t.d.win)
	})
}
