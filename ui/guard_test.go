package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// In the guard tests no draft is written (time1h); the draft tests set draftDelay themselves.
const time1h = time.Hour

// draftDelayDefault is the delay the program runs with.
var draftDelayDefault = draftDelay

// guardCase is one kind of form for the guard tests: how to show a record in it, change it as the clerk
// would, read back what it shows and what the store holds, and leave it (another row, 新增, another year …).
type guardCase struct {
	name   string
	kind   string
	ask    func() string // the record as the question names it
	open   func(t *testing.T, d *desk)
	change func(t *testing.T, d *desk) // the clerk's change
	shown  func(d *desk) string        // what the form shows in the changed field
	stored func(t *testing.T, d *desk) string
	leave  func(t *testing.T, d *desk)
}

// closeDialogs removes whatever a failed case left open.
func closeDialogs(d *desk) {
	for top := d.win.Canvas().Overlays().Top(); top != nil; top = d.win.Canvas().Overlays().Top() {
		d.win.Canvas().Overlays().Remove(top)
	}
}

// runGuard checks one form: a change and a move away ask, naming the record; 取消 keeps the change on screen
// and unsaved; 不保存 moves on with the store unchanged and the form as saved; 保存 moves on with the change
// in the store.
func runGuard(t *testing.T, d *desk, c guardCase) {
	t.Helper()
	closeDialogs(d)
	c.open(t, d)
	before := c.stored(t, d)
	c.change(t, d)
	changed := c.shown(d)
	if changed == before {
		t.Fatalf("the change left %q as it was", changed)
	}
	if s := d.form(c.kind); s == nil || !s.dirty() {
		t.Fatalf("the form of kind %s does not know it changed", c.kind)
	}

	c.leave(t, d)
	q := dialogText(d)
	if want := c.ask() + "有未保存的修改"; !strings.Contains(q, want) {
		t.Fatalf("leaving asks %q, want %q", q, want)
	}
	test.Tap(dialogButton(t, d, "取消"))
	if top := d.win.Canvas().Overlays().Top(); top != nil && strings.Contains(labelText(top), "有未保存的修改") {
		t.Fatal("取消 left the question open")
	}
	if got := c.shown(d); got != changed {
		t.Fatalf("after 取消 the form shows %q, want %q", got, changed)
	}
	if got := c.stored(t, d); got != before {
		t.Fatalf("取消 wrote %q (was %q)", got, before)
	}

	c.leave(t, d)
	test.Tap(dialogButton(t, d, "不保存"))
	if got := c.stored(t, d); got != before {
		t.Fatalf("不保存 wrote %q (was %q)", got, before)
	}
	if s := d.form(c.kind); s != nil && s.dirty() {
		t.Fatalf("after 不保存 the form still holds changes")
	}
	c.open(t, d)
	if got := c.shown(d); got != before {
		t.Fatalf("opened again after 不保存 the form shows %q, want the stored %q", got, before)
	}

	c.change(t, d)
	changed = c.shown(d)
	c.leave(t, d)
	test.Tap(dialogButton(t, d, "保存"))
	if q := dialogText(d); strings.Contains(q, "有未保存的修改") || strings.Contains(q, "错误") {
		t.Fatalf("after 保存 the window says %q", q)
	}
	if got := c.stored(t, d); got != changed {
		t.Fatalf("保存 stored %q, want %q", got, changed)
	}
}

// guardRow selects row of a record list as the clerk's click does; the list must be on screen.
func guardRow[T any](t *testing.T, l *recordList[T], row int) {
	t.Helper()
	l.table.Select(widget.TableCellID{Row: row, Col: 0})
	if l.chosen != row {
		t.Fatalf("row %d was not chosen (is the list on screen?)", row)
	}
}

// guardOpenRow shows the record on row afresh: the selection cleared first, as after 新增.
func guardOpenRow[T any](t *testing.T, d *desk, content fyne.CanvasObject, l *recordList[T], row int) T {
	t.Helper()
	d.showTab(content)
	l.unselect()
	guardRow(t, l, row)
	x, _ := l.item(row)
	return x
}

// typeInto appends text to an entry as the clerk types it.
func typeInto(e fyne.Focusable) { test.Type(e, "补充") }

// paneEntry is the entry labelled label in a form pane.
func paneEntry(p *formPane, label string) *textEntry { return p.byLabel[label].(*textEntry) }

func TestEveryRecordFormAsksBeforeLeaving(t *testing.T) {
	draftDelay = time1h // the drafts are another test's
	defer func() { draftDelay = draftDelayDefault }()
	d := testDesk(t, testDB(t, true))
	ctx := d.ctx

	var deputy store.Deputy
	var station store.Station
	var item store.Suggestion
	var meeting store.Meeting
	cases := []guardCase{
		{
			name: "代表", kind: formDeputy,
			ask: func() string { return "代表「" + deputy.Name + "」" },
			open: func(t *testing.T, d *desk) {
				deputy = guardOpenRow(t, d, d.deputies.content, d.deputies.list, 0)
			},
			change: func(t *testing.T, d *desk) { typeInto(paneEntry(d.deputies.pane, "备注")) },
			shown:  func(d *desk) string { return paneEntry(d.deputies.pane, "备注").Text },
			stored: func(t *testing.T, d *desk) string { x, _ := d.db.Deputy(ctx, deputy.ID); return x.Notes },
			leave:  func(t *testing.T, d *desk) { guardRow(t, d.deputies.list, 1) },
		},
		{
			name: "联络站", kind: formStation,
			ask: func() string { return "联络站「" + station.Name + "」" },
			open: func(t *testing.T, d *desk) {
				station = guardOpenRow(t, d, d.stations.content, d.stations.list, 0)
			},
			change: func(t *testing.T, d *desk) { typeInto(paneEntry(d.stations.pane, "地址")) },
			shown:  func(d *desk) string { return paneEntry(d.stations.pane, "地址").Text },
			stored: func(t *testing.T, d *desk) string { x, _ := d.db.Station(ctx, station.ID); return x.Address },
			leave:  func(t *testing.T, d *desk) { guardRow(t, d.stations.list, 1) },
		},
		{
			name: "建议", kind: formSuggestion,
			ask: func() string { return "建议" + quoted(item.Number+" "+item.Title) },
			open: func(t *testing.T, d *desk) {
				item = guardOpenRow(t, d, d.items.content, d.items.list, 0)
			},
			change: func(t *testing.T, d *desk) { typeInto(paneEntry(d.items.pane, "内容")) },
			shown:  func(d *desk) string { return paneEntry(d.items.pane, "内容").Text },
			stored: func(t *testing.T, d *desk) string { x, _ := d.db.Suggestion(ctx, item.ID); return x.Content },
			leave:  func(t *testing.T, d *desk) { d.items.newRecord() }, // 新增 while editing
		},
		{
			name: "会议", kind: formMeeting,
			ask: func() string { return "会议" + quoted(meeting.Title) },
			open: func(t *testing.T, d *desk) {
				meeting = guardOpenRow(t, d, d.meetings.content, d.meetings.list, 0)
			},
			change: func(t *testing.T, d *desk) { typeInto(paneEntry(d.meetings.pane, "地点")) },
			shown:  func(d *desk) string { return paneEntry(d.meetings.pane, "地点").Text },
			stored: func(t *testing.T, d *desk) string { x, _ := d.db.Meeting(ctx, meeting.ID); return x.Place },
			leave:  func(t *testing.T, d *desk) { guardRow(t, d.meetings.list, 1) },
		},
	}

	// A station with two reception records, and a deputy with two report-backs: the sub-forms switch
	// between them.
	var recStation store.Station
	var recs []store.Reception
	for row := 0; row < d.stations.list.total && len(recs) < 2; row++ {
		recStation, _ = d.stations.list.item(row)
		recs, _, _ = d.db.Receptions(ctx, store.ReceptionFilter{StationID: recStation.ID})
	}
	if len(recs) < 2 {
		t.Fatal("the demo has no station with two reception records")
	}
	cases = append(cases, guardCase{
		name: "接待记录", kind: formReception,
		ask: func() string { return "接待记录「" + recStation.Name + " " + recs[0].Date.Chinese() + "」" },
		open: func(t *testing.T, d *desk) {
			d.showTab(d.stations.content)
			d.stations.show(recStation)
			d.stations.sections.SelectIndex(2)
			d.stations.showReception(recs[0])
		},
		change: func(t *testing.T, d *desk) { typeInto(paneEntry(d.stations.recPane, "备注")) },
		shown:  func(d *desk) string { return paneEntry(d.stations.recPane, "备注").Text },
		stored: func(t *testing.T, d *desk) string {
			rs, _, _ := d.db.Receptions(ctx, store.ReceptionFilter{StationID: recStation.ID})
			for _, r := range rs {
				if r.ID == recs[0].ID {
					return r.Summary
				}
			}
			return "(gone)"
		},
		leave: func(t *testing.T, d *desk) { d.stations.showReception(recs[1]) },
	})
	all, err := d.db.ReportBacks(ctx, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	var backs []store.ReportBack
	for _, b := range all {
		if bs, _ := d.db.ReportBacks(ctx, 0, b.DeputyID); len(bs) >= 2 {
			backs = bs
			break
		}
	}
	if len(backs) < 2 {
		t.Fatal("the demo has no deputy with two report-backs")
	}
	cases = append(cases, guardCase{
		name: "述职评议", kind: formReportBack,
		ask: func() string { return "述职评议「" + backs[0].DeputyName + " " + backs[0].Date.Chinese() + "」" },
		open: func(t *testing.T, d *desk) {
			x, err := d.db.Deputy(ctx, backs[0].DeputyID)
			if err != nil {
				t.Fatal(err)
			}
			d.showTab(d.deputies.content)
			d.deputies.show(x)
			d.deputies.sections.SelectIndex(4)
			d.deputies.showReportBack(backs[0])
		},
		change: func(t *testing.T, d *desk) { typeInto(paneEntry(d.deputies.rbPane, "备注")) },
		shown:  func(d *desk) string { return paneEntry(d.deputies.rbPane, "备注").Text },
		stored: func(t *testing.T, d *desk) string {
			bs, _ := d.db.ReportBacks(ctx, 0, backs[0].DeputyID)
			for _, b := range bs {
				if b.ID == backs[0].ID {
					return b.Notes
				}
			}
			return "(gone)"
		},
		leave: func(t *testing.T, d *desk) { test.Tap(findButton(d.deputies.detail, "新增述职评议")) },
	})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { runGuard(t, d, c) })
	}
}

// guardMeetingWithAll finds a 人代会 of the demo with elections and guests, shows it on page 基本信息 and
// returns it.
func guardMeetingWithAll(t *testing.T, d *desk) store.Meeting {
	t.Helper()
	tab := d.meetings
	d.showTab(tab.content)
	tab.filters.kind.SetSelected(store.MeetingCongress)
	for row := 0; row < tab.list.total; row++ {
		m, _ := tab.list.item(row)
		det, err := d.db.MeetingDetail(d.ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(det.Elections) > 0 && len(det.Guests) > 0 && len(det.Resolutions) > 0 && len(det.Agenda) > 0 && len(det.Attendance) > 0 {
			return m
		}
	}
	t.Fatal("the demo has no 人代会 with every section filled")
	return store.Meeting{}
}

// firstEntry is the first entry of the first card of a section.
func firstEntry(box *fyne.Container) *textEntry {
	var out *textEntry
	walk(box, func(c fyne.CanvasObject) {
		if e, ok := c.(*textEntry); ok && out == nil {
			out = e
		}
	})
	return out
}

func TestEveryMeetingSectionAsksBeforeLeaving(t *testing.T) {
	draftDelay = time1h
	defer func() { draftDelay = draftDelayDefault }()
	d := testDesk(t, testDB(t, true))
	m := guardMeetingWithAll(t, d)
	tab := d.meetings
	other := store.Meeting{}
	for row := 0; row < tab.list.total; row++ {
		if x, _ := tab.list.item(row); x.ID != m.ID {
			other = x
			break
		}
	}
	detail := func(t *testing.T, d *desk) store.MeetingDetail {
		det, err := d.db.MeetingDetail(d.ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		return det
	}
	section := func(page int) func(t *testing.T, d *desk) {
		return func(t *testing.T, d *desk) {
			d.showTab(tab.content)
			tab.show(m)
			tab.sections.SelectIndex(page)
		}
	}
	leave := func(t *testing.T, d *desk) { tab.show(other) }
	ask := func(part string) func() string {
		return func() string { return "会议" + quoted(m.Title) + "的" + part }
	}
	cases := []guardCase{
		{
			name: "出席情况", kind: formAttendance, ask: ask("出席情况"), open: section(1),
			change: func(t *testing.T, d *desk) { test.Tap(findButton(tab.rec.att.content, "清空")) },
			shown:  func(d *desk) string { return fmt.Sprint(len(tab.rec.att.marks())) },
			stored: func(t *testing.T, d *desk) string { return fmt.Sprint(len(detail(t, d).Attendance)) },
			leave:  leave,
		},
		{
			name: "议程", kind: formAgenda, ask: ask("议程"), open: section(2),
			change: func(t *testing.T, d *desk) { typeInto(firstEntry(tab.rec.agenda.box)) },
			shown:  func(d *desk) string { return tab.rec.agenda.rows[0].Item.Title },
			stored: func(t *testing.T, d *desk) string { return detail(t, d).Agenda[0].Title },
			leave:  leave,
		},
		{
			name: "决议", kind: formResolutions, ask: ask("决议"), open: section(3),
			change: func(t *testing.T, d *desk) { typeInto(firstEntry(tab.rec.res.box)) },
			shown:  func(d *desk) string { return tab.rec.res.rows[0].Title },
			stored: func(t *testing.T, d *desk) string { return detail(t, d).Resolutions[0].Title },
			leave:  leave,
		},
		{
			name: "选举", kind: formElections, ask: ask("选举"), open: section(4),
			change: func(t *testing.T, d *desk) { typeInto(firstEntry(tab.rec.elect.box)) },
			shown:  func(d *desk) string { return tab.rec.elect.rows[0].Position },
			stored: func(t *testing.T, d *desk) string { return detail(t, d).Elections[0].Position },
			leave:  leave,
		},
		{
			name: "列席人员", kind: formGuests, ask: ask("列席人员"), open: section(5),
			change: func(t *testing.T, d *desk) { typeInto(firstEntry(tab.rec.guests.box)) },
			shown:  func(d *desk) string { return tab.rec.guests.rows[0].Name },
			stored: func(t *testing.T, d *desk) string { return detail(t, d).Guests[0].Name },
			leave:  leave,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { runGuard(t, d, c) })
	}

	// Saving the meeting's own form rebuilds the pane; a section's unsaved changes are carried over.
	t.Run("CarriedOverASave", func(t *testing.T) {
		closeDialogs(d)
		section(3)(t, d)
		typeInto(firstEntry(tab.rec.res.box))
		typed := tab.rec.res.rows[0].Title
		tab.sections.SelectIndex(0)
		typeInto(paneEntry(tab.pane, "地点"))
		tab.pane.form.OnSubmit()
		if got := tab.rec.res.rows[0].Title; got != typed || !d.form(formResolutions).dirty() {
			t.Fatalf("after saving 基本信息 the resolution reads %q (want %q), unsaved %v", got, typed, d.form(formResolutions).dirty())
		}
		if got := detail(t, d).Resolutions[0].Title; got == typed {
			t.Fatal("saving 基本信息 saved the resolution too")
		}
	})
}

// settingsListCase is the guard case of a settings list: the record on row 0 is changed by change (shown
// shows the field, stored reads it from the record as stored), then the clerk chooses row 1, or 新增 when
// leaveNew.
func settingsListCase[T any](st *settingsTab, l *settingsList[T], name, kind string, leaveNew bool,
	change func(*formPane), shown func(*formPane) string, stored func(T) string) guardCase {
	var cur T
	return guardCase{
		name: name, kind: kind,
		ask: func() string { return l.what + quoted(l.name(cur)) },
		open: func(t *testing.T, d *desk) {
			st.showSection(l.content)
			l.list.unselect()
			guardRow(t, l.list, 0)
			cur = l.current
		},
		change: func(t *testing.T, d *desk) { change(l.pane) },
		shown:  func(d *desk) string { return shown(l.pane) },
		stored: func(t *testing.T, d *desk) string {
			all, err := l.all()
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range all {
				if l.id(x) == l.id(cur) {
					return stored(x)
				}
			}
			return "(gone)"
		},
		leave: func(t *testing.T, d *desk) {
			if leaveNew {
				l.newRecord()
			} else {
				guardRow(t, l.list, 1)
			}
		},
	}
}

func TestEverySettingsSectionAsksBeforeLeaving(t *testing.T) {
	draftDelay = time1h
	defer func() { draftDelay = draftDelayDefault }()
	d := testDesk(t, testDB(t, true))
	ctx := d.ctx
	st := d.settings
	settings := func(t *testing.T) store.Settings {
		s, err := d.db.Settings(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	// Leaving 单位信息 and 办理时限, which are one form each, is what 导入 and 恢复备份 do.
	proceeded := false
	leaveAll := func(t *testing.T, d *desk) { d.leaveAll(func() { proceeded = true }) }
	var dictValue = "新民村"
	cases := []guardCase{
		{
			name: "单位信息", kind: formOffice, ask: func() string { return "设置「单位信息」" },
			open:   func(t *testing.T, d *desk) { st.showSection(st.office.content) },
			change: func(t *testing.T, d *desk) { typeInto(st.office.clerk) },
			shown:  func(d *desk) string { return st.office.clerk.Text },
			stored: func(t *testing.T, d *desk) string { return settings(t).ClerkName },
			leave:  leaveAll,
		},
		{
			name: "办理时限", kind: formDeadlines, ask: func() string { return "设置「办理时限」" },
			open:   func(t *testing.T, d *desk) { st.showSection(st.deadlines.content) },
			change: func(t *testing.T, d *desk) { test.Tap(st.deadlines.roll) },
			shown:  func(d *desk) string { return fmt.Sprint(st.deadlines.roll.Checked) },
			stored: func(t *testing.T, d *desk) string { return fmt.Sprint(settings(t).RollToWorkday) },
			leave:  leaveAll,
		},
		{
			name: "节假日", kind: formHolidays, ask: func() string { return "2024年节假日" },
			open: func(t *testing.T, d *desk) {
				st.showSection(st.holidays.content)
				st.holidays.years.SetSelected("2024年")
			},
			change: func(t *testing.T, d *desk) {
				x := st.holidays
				for day := store.Date("2024-03-01"); ; day = day.AddDays(1) {
					if !slices.ContainsFunc(x.entries, func(h store.Holiday) bool { return h.Date == day }) {
						x.date.SetText(string(day))
						break
					}
				}
				test.Tap(findButton(x.content, "添加"))
			},
			shown: func(d *desk) string { return fmt.Sprint(len(st.holidays.entries)) },
			stored: func(t *testing.T, d *desk) string {
				hs, _ := d.db.Holidays(ctx, 2024)
				return fmt.Sprint(len(hs))
			},
			leave: func(t *testing.T, d *desk) { st.holidays.years.SetSelected("2025年") },
		},
		{
			name: "字典", kind: formDict, ask: func() string { return "字典「村(居)」的新值" },
			open: func(t *testing.T, d *desk) {
				st.showSection(st.dict.content)
				st.dict.kinds.SetSelected("村(居)")
			},
			change: func(t *testing.T, d *desk) { test.Type(st.dict.entry, dictValue) },
			shown:  func(d *desk) string { return st.dict.entry.Text },
			stored: func(t *testing.T, d *desk) string {
				vs, _ := d.db.Dict(ctx, store.DictVillage)
				if slices.Contains(vs, dictValue) {
					return dictValue
				}
				return ""
			},
			leave: func(t *testing.T, d *desk) { st.dict.kinds.SetSelected("建议类别") },
		},
		settingsListCase(st, st.units.settingsList, "承办单位", formUnit, false,
			func(p *formPane) { typeInto(paneEntry(p, "联系人")) },
			func(p *formPane) string { return paneEntry(p, "联系人").Text },
			func(x store.Unit) string { return x.Contact }),
		settingsListCase(st, st.terms.settingsList, "届次", formTerm, true,
			func(p *formPane) {
				e := p.byLabel["结束日期"].(*dateEntry)
				e.SetText(string(store.Date(e.Text).AddDays(1)))
			},
			func(p *formPane) string { return p.byLabel["结束日期"].(*dateEntry).Text },
			func(x store.Term) string { return string(x.End) }),
		settingsListCase(st, st.groups.settingsList, "代表小组", formGroup, false,
			func(p *formPane) { typeInto(paneEntry(p, "备注")) },
			func(p *formPane) string { return paneEntry(p, "备注").Text },
			func(x store.Group) string { return x.Notes }),
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			runGuard(t, d, c)
			if (c.kind == formOffice || c.kind == formDeadlines) && !proceeded {
				t.Fatal("导入 did not go on after the answers")
			}
			proceeded = false
		})
	}
	t.Run("取消KeepsTheYear", func(t *testing.T) {
		closeDialogs(d)
		x := st.holidays
		st.showSection(x.content)
		x.years.SetSelected("2024年")
		x.date.SetText("2024-03-04")
		test.Tap(findButton(x.content, "添加"))
		x.years.SetSelected("2026年")
		test.Tap(dialogButton(t, d, "取消"))
		if x.year != 2024 || x.years.Selected != "2024年" || !x.unsaved.Visible() {
			t.Fatalf("after 取消 the year is %d (%q), unsaved mark %v", x.year, x.years.Selected, x.unsaved.Visible())
		}
	})
}

// 导入 and 恢复所选备份 change records a form may hold: they ask first, and go on only after 保存 or 不保存.
func TestImportAndRestoreAskFirst(t *testing.T) {
	draftDelay = time1h
	defer func() { draftDelay = draftDelayDefault }()
	d := testDesk(t, testDB(t, true))
	x, content := openFirstItem(t, d)
	test.Type(content, "导入前输入的内容")
	question := "建议" + quoted(x.Number+" "+x.Title) + "有未保存的修改"

	d.showTab(d.deputies.content)
	test.Tap(findButton(d.deputies.content, "导入"))
	if q := dialogText(d); !strings.Contains(q, question) {
		t.Fatalf("导入 with an unsaved item shows %q", q)
	}
	test.Tap(dialogButton(t, d, "取消"))
	if top := d.win.Canvas().Overlays().Top(); top != nil || d.tabContent(d.tabs.Selected()) != d.deputies.content {
		t.Fatalf("after 取消: dialog %v, tab %q", top != nil, d.tabs.Selected().Text)
	}
	test.Tap(findButton(d.deputies.content, "导入"))
	test.Tap(dialogButton(t, d, "不保存"))
	if q := dialogText(d); !strings.Contains(q, "从 Excel 文件(.xlsx)导入") || d.tabContent(d.tabs.Selected()) != d.deputies.content {
		t.Fatalf("after 不保存 the window shows %q on tab %q", q, d.tabs.Selected().Text)
	}
	closeDialogs(d)

	if _, err := d.db.SafetyBackup(d.ctx, store.BackupManual); err != nil {
		t.Fatal(err)
	}
	_, content = openFirstItem(t, d)
	test.Type(content, "恢复前输入的内容")
	showSettingsSection(t, d, "备份")
	b := d.settings.backups
	b.reload()
	b.list.table.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(b.restore)
	if q := dialogText(d); !strings.Contains(q, question) {
		t.Fatalf("恢复所选备份 with an unsaved item shows %q", q)
	}
	test.Tap(dialogButton(t, d, "保存"))
	if q := dialogText(d); !strings.Contains(q, "确定要恢复") {
		t.Fatalf("after 保存 the window shows %q", q)
	}
	if s, _ := d.db.Suggestion(d.ctx, x.ID); !strings.Contains(s.Content, "恢复前输入的内容") {
		t.Fatalf("保存 before the restore stored %q", s.Content)
	}
}

// A handling step shows the item again with its new steps; what the clerk typed in its registration form and
// did not save stays there, unsaved.
func TestStepKeepsUnsavedRegistration(t *testing.T) {
	draftDelay = time1h
	defer func() { draftDelay = draftDelayDefault }()
	d := testDesk(t, testDB(t, true))
	x := wfPending(t, d)
	d.showTab(d.items.content)
	d.items.show(x)
	typeInto(paneEntry(d.items.pane, "内容"))
	typed := paneEntry(d.items.pane, "内容").Text
	dlg := wfTapStep(t, d, store.StepAssign)
	wfField[*filterSelect](t, dlg, "主办单位").SetSelected(d.items.units[0].Name)
	test.Tap(findButton(dlg, "确定"))
	if y, _ := d.db.Suggestion(d.ctx, x.ID); y.State != store.StateHandling {
		t.Fatalf("not assigned: %s", y.State)
	}
	if got := paneEntry(d.items.pane, "内容").Text; got != typed || !d.form(formSuggestion).dirty() || !d.items.pane.unsaved.Visible() {
		t.Fatalf("after 交办 the form shows %q (typed %q), unsaved %v", got, typed, d.form(formSuggestion).dirty())
	}
	if !slices.Contains(wfButtons(d.items), store.StepReply) {
		t.Fatalf("the pane offers %v after 交办", wfButtons(d.items))
	}
}
