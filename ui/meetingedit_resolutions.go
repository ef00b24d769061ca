package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// resolutionEditor is the 决议 section: each resolution with its votes, the entered result, and the result
// by the rule (SPEC §3) beside it.
type resolutionEditor struct {
	*cardList[store.Resolution]
	r *meetingRecord
}

// resultNone is the entered result when the clerk has not entered one.
const resultNone = "(未填)"

func newResolutionEditor(r *meetingRecord) *resolutionEditor {
	e := &resolutionEditor{r: r}
	e.cardList = newCardList("未登记决议", "决议、决定共 %d 项", e.savedRows, e.card)
	e.frame("添加决议", func() *store.Resolution { return &store.Resolution{Kind: "决议"} }, "保存决议", e.save)
	return e
}

// savedRows are copies of the resolutions as last saved.
func (e *resolutionEditor) savedRows() []*store.Resolution {
	var rows []*store.Resolution
	for _, x := range e.r.saved.Resolutions {
		rows = append(rows, &x)
	}
	return rows
}

// agendaSaved follows the agenda after it was saved: items moved or removed. The resolutions as saved moved
// with them, so a section without changes of its own stays without.
func (e *resolutionEditor) agendaSaved(moved map[int64]int64) {
	unsaved := e.state != nil && e.state.dirty()
	for _, x := range e.rows {
		x.AgendaItemID = moved[x.AgendaItemID]
	}
	e.rebuild()
	if e.state != nil && !unsaved {
		e.state.reset()
	}
}

// agendaChoices are the saved agenda items as the 对应议程 choices: 「(不对应议程)」, 「1. 审议…」.
func (e *resolutionEditor) agendaChoices() []string {
	out := []string{"(不对应议程)"}
	for i, a := range e.r.saved.Agenda {
		title := []rune(a.Title)
		if len(title) > 24 {
			title = append(title[:23], '…')
		}
		out = append(out, fmt.Sprintf("%d. %s", i+1, string(title)))
	}
	return out
}

// resolutionRule is the result by the rule beside a resolution, and whether the entered result disagrees.
func resolutionRule(voting bool, q store.Quorum, x store.Resolution) (rule string, disagrees bool) {
	if !voting {
		return "本类会议不适用表决规则", false
	}
	if q.Base == 0 {
		return "没有在任的" + q.BaseName + "，无法按规则判断", false
	}
	passed, disagrees := q.ResolutionResult(x)
	if passed {
		return fmt.Sprintf("按规则：通过(赞成 %d 票，超过全体 %d 人的半数)", x.For, q.Base), disagrees
	}
	return fmt.Sprintf("按规则：未通过(赞成 %d 票，未超过全体 %d 人的半数)", x.For, q.Base), disagrees
}

func (e *resolutionEditor) card(i int, x *store.Resolution) fyne.CanvasObject {
	row := fmt.Sprintf("决议第%d项", i+1)
	title := newTextEntry()
	title.SetPlaceHolder("《关于…的决议》")
	title.SetText(x.Title)
	title.OnChanged = func(s string) { x.Title = s }
	kind := newSelect(store.ResolutionKinds, func(s string) { x.Kind = s })
	kind.PlaceHolder = "类型"
	kind.SetSelected(x.Kind)
	choices := e.agendaChoices()
	agenda := newSelect(choices, nil)
	agenda.PlaceHolder = "对应议程"
	if n := int(x.AgendaItemID); n > 0 && n < len(choices) {
		agenda.SetSelected(choices[n])
	}
	agenda.OnChanged = func(s string) { x.AgendaItemID = int64(max(0, slices.Index(choices, s))) }
	text := multiline(3)
	text.SetPlaceHolder("决议正文")
	text.SetText(x.Text)
	text.OnChanged = func(s string) { x.Text = s }

	rule := widget.NewLabel("")
	rule.Wrapping = fyne.TextWrapWord
	warn := widget.NewLabel("录入的结果与规则不符")
	warn.Importance = widget.DangerImportance
	update := func() {
		line, disagrees := resolutionRule(e.r.voting, e.r.quorum, *x)
		rule.SetText(line)
		if disagrees {
			warn.Show()
		} else {
			warn.Hide()
		}
	}
	votes := container.NewHBox()
	for _, v := range []struct {
		label string
		n     *int
	}{{"赞成", &x.For}, {"反对", &x.Against}, {"弃权", &x.Abstain}} {
		en := numEntry(v.n, update)
		e.checks = append(e.checks, numCheck{row + v.label + "票", en})
		votes.Add(widget.NewLabel(v.label))
		votes.Add(fixedWidth(64, en))
	}
	result := newSelect([]string{"通过", "未通过", resultNone}, nil)
	result.PlaceHolder = "表决结果"
	if x.EnteredResult != "" {
		result.SetSelected(x.EnteredResult)
	}
	result.OnChanged = func(s string) {
		x.EnteredResult = s
		if s == resultNone {
			x.EnteredResult = ""
		}
		update()
	}
	votes.Add(widget.NewLabel("结果"))
	votes.Add(fixedWidth(96, result))
	update()

	buttons := e.buttons(i, true)
	return container.NewVBox(
		container.NewBorder(nil, nil, boldLabel(fmt.Sprintf("%d.", i+1)), buttons, title),
		container.NewGridWithColumns(2, kind, agenda),
		text,
		votes,
		rule,
		warn,
	)
}

func (e *resolutionEditor) save() error {
	sectionClear(e.msg)
	if err := checkNumbers(e.checks); err != nil {
		sectionError(e.msg, err)
		return err
	}
	list := make([]store.Resolution, len(e.rows))
	for i, x := range e.rows {
		list[i] = *x
		list[i].Seq, list[i].Title = i+1, strings.TrimSpace(x.Title)
	}
	if err := e.r.save(e.msg, func(d *store.MeetingDetail) { d.Resolutions = list }); err != nil {
		return err
	}
	e.showSaved()
	return nil
}
