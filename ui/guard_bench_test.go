package ui

import (
	"testing"

	"rendadesk/store"
)

// BenchmarkFormKeystroke is what every keystroke costs the guard (guard.go): the form's values read and
// compared with what was saved, the 「未保存」 mark updated and the draft timer reset, on the registration form
// of an item and on the attendance sheet of a 人代会 (the largest form: every deputy's mark).
func BenchmarkFormKeystroke(b *testing.B) {
	draftDelay = time1h
	defer func() { draftDelay = draftDelayDefault }()
	d := testDesk(b, testDB(b, true))
	x, _ := d.items.list.item(0)
	d.items.show(x)
	b.Run("建议", func(b *testing.B) {
		s := d.form(formSuggestion)
		for b.Loop() {
			s.touched()
		}
	})
	d.meetings.filters.kind.SetSelected(store.MeetingCongress)
	m, _ := d.meetings.list.item(0)
	d.meetings.show(m)
	b.Run("出席情况", func(b *testing.B) {
		s := d.form(formAttendance)
		b.ReportMetric(float64(len(d.meetings.rec.att.rows)), "rows")
		for b.Loop() {
			s.touched()
		}
	})
}
