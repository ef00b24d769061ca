package store

import (
	"context"
	"testing"
)

// The 2024 National Day holiday: 10月1日–7日 off; Sunday 9月29日 and Saturday 10月12日 are 调休 working days.
func nationalDay2024() []Holiday {
	hs := []Holiday{{Date: "2024-09-29", Workday: true, Name: "国庆节调休"}, {Date: "2024-10-12", Workday: true, Name: "国庆节调休"}}
	for d := Date("2024-10-01"); d <= "2024-10-07"; d = d.AddDays(1) {
		hs = append(hs, Holiday{Date: d, Name: "国庆节"})
	}
	return hs
}

func TestCalendarWorkdays(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	must(t, db.SetHolidays(ctx, 2024, nationalDay2024()))
	r, err := db.Rules(ctx)
	must(t, err)
	c := r.Calendar
	for d, want := range map[Date]bool{
		"2024-09-27": true,  // Friday
		"2024-09-28": false, // Saturday
		"2024-09-29": true,  // Sunday, 调休
		"2024-10-01": false, // National Day
		"2024-10-07": false, // Monday, still the holiday
		"2024-10-08": true,
		"2024-10-12": true,  // Saturday, 调休
		"2024-10-13": false, // Sunday
	} {
		if got := c.IsWorkday(d); got != want {
			t.Errorf("IsWorkday(%s) = %v, want %v", d, got, want)
		}
	}
	// Received Friday 9月27日: 5 working days are 9/29 (调休 Sunday), 9/30, 10/8, 10/9, 10/10.
	if got := r.AssignDue("2024-09-27"); got != "2024-10-10" {
		t.Errorf("AssignDue(2024-09-27) = %s, want 2024-10-10", got)
	}
	// Across a plain weekend: Thursday + 5 working days = next Thursday.
	if got := r.AssignDue("2024-03-07"); got != "2024-03-14" {
		t.Errorf("AssignDue(2024-03-07) = %s, want 2024-03-14", got)
	}
}

func TestDeadlines(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	must(t, db.SetHolidays(ctx, 2024, nationalDay2024()))
	r, err := db.Rules(ctx)
	must(t, err)
	for _, tc := range []struct {
		name          string
		assigned, got Date
		want          Date
	}{
		{"plain", "2024-03-15", r.AssignDeadline("2024-03-15"), "2024-06-17"},             // 6/15 is a Saturday → Monday
		{"holiday rolls", "2024-07-01", r.AssignDeadline("2024-07-01"), "2024-10-08"},     // 10/1 National Day → 10/8
		{"调休 Saturday stays", "2024-07-12", r.AssignDeadline("2024-07-12"), "2024-10-12"}, // 10/12 is worked
		{"month end clamps", "2024-11-30", r.AssignDeadline("2024-11-30"), "2025-02-28"},
		{"rehandle one month", "2024-09-01", r.RehandleDeadline("2024-09-01"), "2024-10-08"},
		{"max extension not rolled", "2024-04-01", r.MaxExtension("2024-04-01"), "2024-10-01"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: from %s got %s, want %s", tc.name, tc.assigned, tc.got, tc.want)
		}
	}
	s := r.Settings
	s.RollToWorkday = false
	must(t, db.SaveSettings(ctx, s))
	r, _ = db.Rules(ctx)
	if got := r.AssignDeadline("2024-07-01"); got != "2024-10-01" {
		t.Errorf("without rolling: %s, want 2024-10-01", got)
	}
	s.DeadlineMonths = 2
	must(t, db.SaveSettings(ctx, s))
	r, _ = db.Rules(ctx)
	if got := r.AssignDeadline("2024-03-15"); got != "2024-05-15" {
		t.Errorf("2-month rule: %s, want 2024-05-15", got)
	}
}

func TestSetHolidaysValidation(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	wantErr(t, db.SetHolidays(ctx, 2024, []Holiday{{Date: "2025-01-01"}}), EINVALID, "第1行日期", "不在2024年")
	wantErr(t, db.SetHolidays(ctx, 2024, []Holiday{{Date: "2024-10-01"}, {Date: "2024-10-01"}}), EINVALID, "第2行日期", "重复")
	must(t, db.SetHolidays(ctx, 2024, nationalDay2024()))
	must(t, db.SetHolidays(ctx, 2025, []Holiday{{Date: "2025-01-01", Name: "元旦"}}))
	hs, err := db.Holidays(ctx, 2024)
	must(t, err)
	if len(hs) != 9 {
		t.Fatalf("2024 has %d entries, want 9", len(hs))
	}
	must(t, db.SetHolidays(ctx, 2024, nil)) // replaces only 2024
	all, _ := db.Holidays(ctx, 0)
	if len(all) != 1 || all[0].Date != "2025-01-01" {
		t.Fatalf("after clearing 2024: %+v", all)
	}
}
