package store

import (
	"context"
	"fmt"
	"reflect"
	"testing"
)

// independentRecord counts a deputy's year the long way, through the list methods the tabs use, one record
// at a time: AttendanceOf, Suggestions{DeputyID}, Receptions{DeputyID} and ReportBacks.
func independentRecord(t *testing.T, db *DB, id int64, year int) DeputyRecord {
	t.Helper()
	ctx := context.Background()
	rec := DeputyRecord{Year: year, LedOutcomes: map[string]int{}}
	att, err := db.AttendanceOf(ctx, id, year)
	must(t, err)
	byKind := map[string]*AttendanceCount{}
	for _, a := range att {
		c := byKind[a.Kind]
		if c == nil {
			c = &AttendanceCount{Kind: a.Kind}
			byKind[a.Kind] = c
		}
		switch a.Status {
		case "出席":
			c.Present++
		case "请假":
			c.Leave++
		case "缺席":
			c.Absent++
		case "列席":
			c.NonVoting++
		default:
			t.Fatalf("unknown status %q", a.Status)
		}
		if a.Kind != MeetingCongress && (a.Status == "出席" || a.Status == "列席") {
			rec.Activities++
		}
	}
	rec.Total.Kind = AttendanceTotal
	for _, k := range MeetingKinds {
		if c := byKind[k]; c != nil {
			rec.Attendance = append(rec.Attendance, *c)
			rec.Total.Present += c.Present
			rec.Total.Leave += c.Leave
			rec.Total.Absent += c.Absent
			rec.Total.NonVoting += c.NonVoting
		}
	}
	items, _, err := db.Suggestions(ctx, SuggestionFilter{DeputyID: id, Year: year})
	must(t, err)
	for _, s := range items {
		if s.LeadDeputyID != id {
			rec.Cosigned++
			continue
		}
		rec.Led++
		if s.Period == PeriodSession {
			rec.LedSession++
		}
		if s.Outcome == "" {
			rec.LedOutcomes[OutcomeUnanswered]++
		} else {
			rec.LedOutcomes[s.Outcome]++
		}
	}
	recs, _, err := db.Receptions(ctx, ReceptionFilter{DeputyID: id})
	must(t, err)
	for _, r := range recs {
		if r.Date.Year() == year {
			rec.Receptions++
			rec.Voters += r.Voters
		}
	}
	backs, err := db.ReportBacks(ctx, year, id)
	must(t, err)
	rec.ReportBacks = backs
	return rec
}

// sameFigures compares the counted parts of two records (not the deputy's own fields).
func sameFigures(t *testing.T, what string, got, want DeputyRecord) {
	t.Helper()
	if !reflect.DeepEqual(got.Attendance, want.Attendance) {
		t.Errorf("%s: attendance %+v, want %+v", what, got.Attendance, want.Attendance)
	}
	if got.Total != want.Total || got.Activities != want.Activities {
		t.Errorf("%s: total %+v activities %d, want %+v %d", what, got.Total, got.Activities, want.Total, want.Activities)
	}
	if got.Led != want.Led || got.LedSession != want.LedSession || got.Cosigned != want.Cosigned {
		t.Errorf("%s: led %d (session %d) cosigned %d, want %d (%d) %d", what, got.Led, got.LedSession, got.Cosigned,
			want.Led, want.LedSession, want.Cosigned)
	}
	sum := 0
	for _, o := range RecordOutcomes {
		sum += got.LedOutcomes[o]
		if got.LedOutcomes[o] != want.LedOutcomes[o] {
			t.Errorf("%s: %s %d, want %d", what, o, got.LedOutcomes[o], want.LedOutcomes[o])
		}
	}
	if sum != got.Led {
		t.Errorf("%s: outcomes add up to %d, led %d", what, sum, got.Led)
	}
	if got.Receptions != want.Receptions || got.Voters != want.Voters {
		t.Errorf("%s: receptions %d voters %d, want %d %d", what, got.Receptions, got.Voters, want.Receptions, want.Voters)
	}
	if len(got.ReportBacks) != len(want.ReportBacks) {
		t.Errorf("%s: %d report-backs, want %d", what, len(got.ReportBacks), len(want.ReportBacks))
	} else {
		for i := range got.ReportBacks {
			if got.ReportBacks[i] != want.ReportBacks[i] {
				t.Errorf("%s: report-back %+v, want %+v", what, got.ReportBacks[i], want.ReportBacks[i])
			}
		}
	}
}

func TestDeputyRecordsMatchIndependentCounts(t *testing.T) {
	db, _ := demoDB(t, "township", 1, demoTestToday)
	ctx := context.Background()
	for _, year := range []int{2024, 2025} {
		recs, err := db.DeputyRecords(ctx, year)
		must(t, err)
		// Every deputy holding a seat on some day of the year, and no one else.
		want := demoCount(t, db, `SELECT count(*) FROM deputies WHERE status = '在任' OR vacancy_date > ?`, fmt.Sprintf("%d-01-01", year))
		if len(recs) != want || want < 70 {
			t.Fatalf("%d: %d records, %d deputies in office", year, len(recs), want)
		}
		// The figures must not all be zero, or the comparison below proves nothing.
		var seen struct{ kinds, led, solved, cosigned, receptions, backs, activities int }
		kinds := map[string]bool{}
		for _, r := range recs {
			what := fmt.Sprintf("%d %s", year, r.Deputy.Name)
			sameFigures(t, what, r, independentRecord(t, db, r.Deputy.ID, year))
			one, err := db.DeputyRecord(ctx, r.Deputy.ID, year)
			must(t, err)
			sameFigures(t, what+" (one)", one, r)
			if !reflect.DeepEqual(one.Deputy, r.Deputy) || !reflect.DeepEqual(one.Stations, r.Stations) || one.Year != year {
				t.Errorf("%s: DeputyRecord has %+v %v, DeputyRecords %+v %v", what, one.Deputy, one.Stations, r.Deputy, r.Stations)
			}
			if len(r.Stations) != len(r.Deputy.StationIDs) {
				t.Errorf("%s: stations %v for ids %v", what, r.Stations, r.Deputy.StationIDs)
			}
			for _, a := range r.Attendance {
				kinds[a.Kind] = true
			}
			seen.led += r.Led
			seen.solved += r.Solved()
			seen.cosigned += r.Cosigned
			seen.receptions += r.Receptions
			seen.backs += len(r.ReportBacks)
			seen.activities += r.Activities
		}
		seen.kinds = len(kinds)
		if seen.kinds < 5 || seen.led < 50 || seen.solved == 0 || seen.cosigned == 0 || seen.receptions == 0 || seen.backs == 0 || seen.activities == 0 {
			t.Fatalf("%d: the demo exercises too little of the record: %+v", year, seen)
		}
		// The led suggestions of the deputies in office are those of the year that have a lead deputy in office.
		var led int
		for _, r := range recs {
			led += r.Led
		}
		if n := demoCount(t, db, `SELECT count(*) FROM suggestions s JOIN deputies d ON d.id = s.lead_deputy_id
			WHERE s.year = ? AND (d.status = '在任' OR d.vacancy_date > ?)`, year, fmt.Sprintf("%d-01-01", year)); led != n {
			t.Errorf("%d: led %d, suggestions with a lead deputy in office %d", year, led, n)
		}
	}
}

func TestDeputyRecordOfHandMadeYear(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	db := f.db
	presidium := Meeting{Kind: MeetingPresidium, Title: "主席团第五次会议", Start: "2024-03-01"}
	inspect := Meeting{Kind: MeetingInspect, Title: "视察青山村道路", Start: "2024-05-10"}
	old := Meeting{Kind: MeetingInspect, Title: "去年的视察", Start: "2023-05-10"}
	for _, m := range []*Meeting{&presidium, &inspect, &old} {
		must(t, db.SaveMeeting(ctx, m))
	}
	must(t, db.SaveMeetingDetail(ctx, f.session.ID, MeetingDetail{Attendance: []Attendance{
		{DeputyID: f.wang.ID, Status: "出席"}, {DeputyID: f.li.ID, Status: "请假", Reason: "因病"}, {DeputyID: f.zhao.ID, Status: "缺席"}}}))
	must(t, db.SaveMeetingDetail(ctx, presidium.ID, MeetingDetail{Attendance: []Attendance{{DeputyID: f.wang.ID, Status: "列席"}}}))
	must(t, db.SaveMeetingDetail(ctx, inspect.ID, MeetingDetail{Attendance: []Attendance{
		{DeputyID: f.wang.ID, Status: "出席"}, {DeputyID: f.li.ID, Status: "出席"}}}))
	must(t, db.SaveMeetingDetail(ctx, old.ID, MeetingDetail{Attendance: []Attendance{{DeputyID: f.wang.ID, Status: "出席"}}}))
	a := f.item(t, "修缮青山村便民桥", "2024-02-01")
	a.CosignerIDs = []int64{f.li.ID}
	must(t, db.SaveSuggestion(ctx, &a))
	f.item(t, "增设路灯", "2024-06-01")
	f.item(t, "去年的建议", "2023-06-01")
	must(t, db.Assign(ctx, a.ID, AssignInput{MainUnitID: f.unitA.ID, Date: "2024-02-05"}))
	must(t, db.Reply(ctx, a.ID, ReplyInput{Date: "2024-03-01", Method: MethodWritten, Content: "已修缮。", Outcome: OutcomeSolved}))
	st := Station{Name: "青山村代表联络站", Type: "代表联络站", Status: "在用"}
	must(t, db.SaveStation(ctx, &st))
	for _, r := range []Reception{{StationID: st.ID, Date: "2024-04-10", Voters: 12, DeputyIDs: []int64{f.wang.ID, f.li.ID}},
		{StationID: st.ID, Date: "2024-09-10", Voters: 7, DeputyIDs: []int64{f.wang.ID}},
		{StationID: st.ID, Date: "2023-09-10", Voters: 30, DeputyIDs: []int64{f.wang.ID}}} {
		must(t, db.SaveReception(ctx, &r))
	}
	rb := ReportBack{DeputyID: f.wang.ID, Date: "2024-12-20", Form: "口头", Participants: 46, Excellent: 29, Competent: 16}
	must(t, db.SaveReportBack(ctx, &rb))

	wang, err := db.DeputyRecord(ctx, f.wang.ID, 2024)
	must(t, err)
	wantAtt := []AttendanceCount{{Kind: MeetingCongress, Present: 1}, {Kind: MeetingPresidium, NonVoting: 1}, {Kind: MeetingInspect, Present: 1}}
	if !reflect.DeepEqual(wang.Attendance, wantAtt) || wang.Total != (AttendanceCount{Kind: AttendanceTotal, Present: 2, NonVoting: 1}) {
		t.Errorf("attendance %+v total %+v", wang.Attendance, wang.Total)
	}
	if wang.Activities != 2 || wang.Led != 2 || wang.Solved() != 1 || wang.LedOutcomes[OutcomeUnanswered] != 1 || wang.LedRecess() != 2 || wang.Cosigned != 0 {
		t.Errorf("wang %+v", wang)
	}
	if wang.Receptions != 2 || wang.Voters != 19 || len(wang.ReportBacks) != 1 || wang.ReportBacks[0].Excellent != 29 {
		t.Errorf("wang receptions %d voters %d backs %+v", wang.Receptions, wang.Voters, wang.ReportBacks)
	}
	li, err := db.DeputyRecord(ctx, f.li.ID, 2024)
	must(t, err)
	if li.Kind(MeetingCongress).Leave != 1 || li.Activities != 1 || li.Cosigned != 1 || li.Led != 0 || li.Receptions != 1 || li.Voters != 12 {
		t.Errorf("li %+v", li)
	}
	if got := li.Kind(MeetingPresidium); got != (AttendanceCount{Kind: MeetingPresidium}) {
		t.Errorf("li presidium %+v", got)
	}

	// Zhao's seat fell vacant in 2023: her 2024 is not in the table, her 2023 is, and her own record still reads.
	zhao := f.zhao
	zhao.Status, zhao.VacancyReason, zhao.VacancyDate = DeputyVacant, "调离", "2023-08-01"
	must(t, db.SaveDeputy(ctx, &zhao))
	for year, want := range map[int]bool{2023: true, 2024: false} {
		recs, err := db.DeputyRecords(ctx, year)
		must(t, err)
		found := false
		for _, r := range recs {
			found = found || r.Deputy.ID == zhao.ID
		}
		if found != want || len(recs) < 2 {
			t.Errorf("%d: vacated deputy listed %v, want %v (%d records)", year, found, want, len(recs))
		}
	}
	z, err := db.DeputyRecord(ctx, zhao.ID, 2024)
	must(t, err)
	if z.Kind(MeetingCongress).Absent != 1 {
		t.Errorf("zhao %+v", z.Attendance)
	}
	_, err = db.DeputyRecord(ctx, 9999, 2024)
	wantErr(t, err, ENOTFOUND, "代表不存在")
	_, err = db.DeputyRecords(ctx, 24)
	wantErr(t, err, EINVALID, "不是合理的年份")
}

func TestReportBackPercent(t *testing.T) {
	r := ReportBack{Participants: 46, Excellent: 29, Competent: 16}
	for _, c := range []struct {
		n, prec int
		want    string
	}{{29, 1, "63.0%"}, {16, 1, "34.8%"}, {29, 0, "63%"}, {16, 0, "35%"}, {1, 2, "2.17%"}, {0, 1, "0.0%"}} {
		if got := r.Percent(c.n, c.prec); got != c.want {
			t.Errorf("%d of 46 at %d: %q, want %q", c.n, c.prec, got, c.want)
		}
	}
	// 1 of 8 at 0 decimals is 12.5%: half away from zero like every other rate (float formatting gave 12%).
	if got := (ReportBack{Participants: 8}).Percent(1, 0); got != "13%" {
		t.Errorf("1 of 8: %q, want 13%%", got)
	}
	if got := (ReportBack{}).Percent(0, 1); got != "—" {
		t.Errorf("no participants: %q", got)
	}
}

// recordsIn returns the records of the days from..to, as the report counts T10.
func recordsIn(t *testing.T, db *DB, from, to Date) []DeputyRecord {
	t.Helper()
	var out []DeputyRecord
	must(t, db.view(context.Background(), func(tx *Tx) error {
		var err error
		out, err = tx.deputyRecordsIn(from.Year(), string(from), string(to), string(DateOf(tx.now)), 0)
		return err
	}))
	return out
}

// The records of a period count its days: over a whole year they are DeputyRecords, and over half a year
// the led suggestions add up to those received in it.
func TestDeputyRecordsIn(t *testing.T) {
	db, _ := demoDB(t, "township", 3, demoTestToday)
	ctx := context.Background()
	year := demoTestToday.Year() - 1
	whole, err := db.DeputyRecords(ctx, year)
	must(t, err)
	same := recordsIn(t, db, Date(fmt.Sprintf("%d-01-01", year)), Date(fmt.Sprintf("%d-12-31", year)))
	if !reflect.DeepEqual(whole, same) {
		t.Fatal("the records of the whole year differ from DeputyRecords")
	}
	from, to := Date(fmt.Sprintf("%d-01-01", year)), Date(fmt.Sprintf("%d-06-30", year))
	half := recordsIn(t, db, from, to)
	led, wholeLed := 0, 0
	for _, r := range half {
		led += r.Led
	}
	for _, r := range whole {
		wholeLed += r.Led
	}
	var want int
	must(t, db.SQL().QueryRow(`SELECT count(*) FROM suggestions WHERE lead_deputy_id IS NOT NULL AND received BETWEEN ? AND ?`, from, to).Scan(&want))
	if led != want || led >= wholeLed || led == 0 {
		t.Errorf("led in the half year = %d, want %d (whole year %d)", led, want, wholeLed)
	}
}
