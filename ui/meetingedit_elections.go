package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// electionEditor is the 选举 section: each election with its ballots and candidates. The store checks the
// numbers (实到 not above 应到, votes not above the valid ballots …) and names the row that is wrong.
type electionEditor struct {
	*cardList[store.Election]
	r *meetingRecord
}

func newElectionEditor(r *meetingRecord) *electionEditor {
	e := &electionEditor{r: r}
	e.cardList = newCardList("未登记选举", "选举共 %d 项", e.savedRows, e.card)
	e.frame("添加选举", func() *store.Election { return &store.Election{Kind: "选举", Seats: 1} }, "保存选举", e.save)
	return e
}

// savedRows are copies of the elections as last saved, each with its own list of candidates.
func (e *electionEditor) savedRows() []*store.Election {
	var rows []*store.Election
	for _, x := range e.r.saved.Elections {
		x.Candidates = slices.Clone(x.Candidates)
		rows = append(rows, &x)
	}
	return rows
}

func (e *electionEditor) card(i int, x *store.Election) fyne.CanvasObject {
	row := fmt.Sprintf("选举第%d项", i+1)
	kind := newSelect(store.ElectionKinds, func(s string) { x.Kind = s })
	kind.PlaceHolder = "类型"
	kind.SetSelected(x.Kind)
	position := newTextEntry()
	position.SetPlaceHolder("职位，如 镇长、镇人大代表")
	position.SetText(x.Position)
	position.OnChanged = func(s string) { x.Position = s }
	del := e.buttons(i, false)
	num := func(label string, v *int) fyne.CanvasObject {
		en := numEntry(v, nil)
		e.checks = append(e.checks, numCheck{row + label, en})
		return container.NewBorder(nil, nil, widget.NewLabel(label), nil, en)
	}
	numbers := container.NewGridWithColumns(3,
		num("应选人数", &x.Seats), num("应到", &x.Expected), num("实到", &x.Present),
		num("发出选票", &x.BallotsIssued), num("收回选票", &x.BallotsReturned), num("有效票", &x.BallotsValid))

	cands := container.NewVBox()
	for j := range x.Candidates {
		c := &x.Candidates[j]
		name := newTextEntry()
		name.SetPlaceHolder("候选人姓名")
		name.SetText(c.Name)
		name.OnChanged = func(s string) { c.Name = s }
		votes := numEntry(&c.Votes, nil)
		e.checks = append(e.checks, numCheck{fmt.Sprintf("%s候选人第%d位得票", row, j+1), votes})
		elected := widget.NewCheck("当选", func(on bool) { c.Elected = on })
		elected.SetChecked(c.Elected)
		remove := rowButtons(j, len(x.Candidates), nil, func(j int) {
			x.Candidates = slices.Delete(x.Candidates, j, j+1)
			e.rebuild()
		})
		cands.Add(container.NewBorder(nil, nil, nil,
			container.NewHBox(widget.NewLabel("得票"), fixedWidth(64, votes), elected, remove), name))
	}
	addCand := widget.NewButtonWithIcon("添加候选人", theme.ContentAddIcon(), func() {
		x.Candidates = append(x.Candidates, store.Candidate{})
		e.rebuild()
	})
	candHead := container.NewBorder(nil, nil, widget.NewLabel(fmt.Sprintf("候选人 %d 名", len(x.Candidates))), addCand)
	notes := newTextEntry()
	notes.SetPlaceHolder("备注")
	notes.SetText(x.Notes)
	notes.OnChanged = func(s string) { x.Notes = s }
	return container.NewVBox(
		container.NewBorder(nil, nil, container.NewHBox(boldLabel(fmt.Sprintf("%d.", i+1)), fixedWidth(90, kind)), del, position),
		numbers,
		candHead,
		cands,
		notes,
	)
}

func (e *electionEditor) save() error {
	sectionClear(e.msg)
	if err := checkNumbers(e.checks); err != nil {
		sectionError(e.msg, err)
		return err
	}
	list := make([]store.Election, len(e.rows))
	for i, x := range e.rows {
		y := *x
		y.Position, y.Notes = strings.TrimSpace(y.Position), strings.TrimSpace(y.Notes)
		y.Candidates = slices.Clone(x.Candidates)
		for j := range y.Candidates {
			y.Candidates[j].Name = strings.TrimSpace(y.Candidates[j].Name)
		}
		list[i] = y
	}
	if err := e.r.save(e.msg, func(d *store.MeetingDetail) { d.Elections = list }); err != nil {
		return err
	}
	e.showSaved()
	return nil
}
