package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// overview shows the office at a glance: who and what is on record, and this year's items by state.
type overview struct {
	db      *store.DB
	title   *widget.Label
	records *widget.Label
	states  *widget.Label
	overdue *widget.Label
	content fyne.CanvasObject
}

func newOverview(db *store.DB) *overview {
	o := &overview{db: db,
		title:   widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		records: widget.NewLabel(""), states: widget.NewLabel(""), overdue: widget.NewLabel(""),
	}
	o.states.Wrapping = fyne.TextWrapWord
	o.overdue.Wrapping = fyne.TextWrapWord
	o.content = container.NewVBox(o.title, widget.NewSeparator(), o.records, o.states, o.overdue)
	return o
}

// refresh reads the counts again.
func (o *overview) refresh() {
	ctx := context.Background()
	s, err := o.db.Settings(ctx)
	if err != nil {
		o.title.SetText(store.ErrorMessage(err))
		return
	}
	o.title.SetText(s.OfficeName + " 概览")
	_, deputies, _ := o.db.Deputies(ctx, store.DeputyFilter{Status: store.DeputyActive, Limit: 1})
	_, stations, _ := o.db.Stations(ctx, store.StationFilter{Status: "在用", Limit: 1})
	_, meetings, _ := o.db.Meetings(ctx, store.MeetingFilter{Limit: 1})
	_, items, _ := o.db.Suggestions(ctx, store.SuggestionFilter{Limit: 1})
	o.records.SetText(fmt.Sprintf("在任代表 %d 人　在用联络站 %d 个　建议 %d 件　会议和活动 %d 次", deputies, stations, items, meetings))
	years, _ := o.db.SuggestionYears(ctx)
	if len(years) == 0 {
		o.states.SetText("尚无建议记录。")
		o.overdue.SetText("")
		return
	}
	var parts []string
	for _, st := range store.States {
		_, n, _ := o.db.Suggestions(ctx, store.SuggestionFilter{Year: years[0], States: []string{st}, Limit: 1})
		parts = append(parts, fmt.Sprintf("%s %d 件", st, n))
	}
	o.states.SetText(fmt.Sprintf("%d年建议：%s", years[0], strings.Join(parts, "，")))
	_, overdue, _ := o.db.Suggestions(ctx, store.SuggestionFilter{Overdue: true, Limit: 1})
	_, soon, _ := o.db.Suggestions(ctx, store.SuggestionFilter{DueWithin: 15, Limit: 1})
	o.overdue.SetText(fmt.Sprintf("逾期未答复 %d 件，15天内到期 %d 件。", overdue, soon))
}
