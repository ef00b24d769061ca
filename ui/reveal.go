package ui

import (
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// A record shown in a tab's detail pane is also selected in its list: after it is saved (a new one too),
// when it is opened from 概览 or from another tab. When the tab's filter hides it, the filter is cleared and
// the status line says so, so the clerk never edits a record the list does not show.

// clearSelects empties filter choices without running their OnChanged (each would re-read the list).
func clearSelects(sels ...*widget.Select) {
	for _, s := range sels {
		s.Selected = ""
		s.Refresh()
	}
}

// setQuiet sets the search text without starting a search.
func (e *searchEntry) setQuiet(text string) {
	changed := e.OnChanged
	e.OnChanged = nil
	e.SetText(text)
	e.OnChanged = changed
}

// revealRecord selects the record of id in l; when the filter hides it, clear resets the filter (only when
// filtered says there is one) and the list is read again, with a note naming what.
func revealRecord[T any](l *recordList[T], id int64, idOf func(T) int64, filtered bool, clear func(), what string) {
	if id == 0 {
		return
	}
	match := func(x T) bool { return idOf(x) == id }
	if l.reveal(match) || !filtered {
		return
	}
	clear()
	l.reload()
	if l.reveal(match) {
		l.note = "已清除筛选条件，以显示" + what
		l.updateStatus()
	}
}

// revealInList selects the item in the 建议 list, clearing the filter when it hides the item.
func (t *suggestionsTab) revealInList(x store.Suggestion) {
	f := t.filter
	filtered := f.Query != "" || f.Year != 0 || len(f.States) > 0 || f.Category != "" || f.UnitID != 0 || f.Source != "" ||
		f.Overdue || f.DueWithin != 0 || f.AssignLate
	revealRecord(t.list, x.ID, func(s store.Suggestion) int64 { return s.ID }, filtered, func() {
		t.filter = store.SuggestionFilter{}
		t.search.setQuiet("")
		fs := t.filters
		clearSelects(fs.year, fs.state, fs.category, fs.unit, fs.source, fs.remind)
	}, "「"+x.Number+"」")
}

// listFrom shows the 建议 list as an attention list of 概览 shows its items — filtered by remind (逾期未答复 …)
// and sorted by sort, nothing else — so the item opened from it is found near the top.
func (t *suggestionsTab) listFrom(remind, sort string) {
	t.filter = store.SuggestionFilter{}
	t.search.setQuiet("")
	fs := t.filters
	clearSelects(fs.year, fs.state, fs.category, fs.unit, fs.source)
	fs.remind.Selected = remind
	fs.remind.Refresh()
	t.filter.Overdue, t.filter.AssignLate = remind == remindOverdue, remind == remindAssignLate
	if remind == remindDueSoon {
		t.filter.DueWithin = suggestionDueSoonDays
	}
	t.list.sort, t.list.desc = sort, false
	t.list.reload()
}

// revealInList selects the deputy in the 代表 list, clearing the filter when it hides them.
func (t *deputiesTab) revealInList(x store.Deputy) {
	f := t.filter
	filtered := f.Query != "" || f.Level != "" || f.GroupID != 0 || f.Status != "" || f.StationID != 0
	revealRecord(t.list, x.ID, func(d store.Deputy) int64 { return d.ID }, filtered, func() {
		t.filter = store.DeputyFilter{}
		t.search.setQuiet("")
		fs := t.filters
		clearSelects(fs.level, fs.group, fs.status, fs.station)
	}, "代表「"+x.Name+"」")
}

// revealInList selects the station in the 联络站 list, clearing the filter when it hides it.
func (t *stationsTab) revealInList(x store.Station) {
	f := t.filter
	filtered := f.Query != "" || f.Type != "" || f.Village != "" || f.Status != ""
	revealRecord(t.list, x.ID, func(s store.Station) int64 { return s.ID }, filtered, func() {
		t.filter = store.StationFilter{}
		t.search.setQuiet("")
		fs := t.filters
		clearSelects(fs.kind, fs.village, fs.status)
	}, "「"+x.Name+"」")
}

// revealInList selects the meeting in the 会议 list, clearing the filter when it hides it.
func (t *meetingsTab) revealInList(x store.Meeting) {
	f := t.filter
	filtered := f.Query != "" || f.Kind != "" || f.Year != 0
	revealRecord(t.list, x.ID, func(m store.Meeting) int64 { return m.ID }, filtered, func() {
		t.filter = store.MeetingFilter{}
		t.search.setQuiet("")
		clearSelects(t.filters.kind, t.filters.year)
	}, "「"+x.Title+"」")
}
