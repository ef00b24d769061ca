package store

import (
	"context"
	"strings"
	"testing"
)

// Zhao (town, 第3选区) leaves on 2024-06-01; the county approves a by-election; the voters' meeting of 2024-09-10
// elects 孙补选, who counts from that day and not before; the 选区 shows the seat vacant until then.
func TestByElection(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	d3 := District{Number: 3, Seats: 1}
	must(t, f.db.SaveDistrict(ctx, &d3))
	f.zhao.Seats[0].DistrictID = d3.ID
	must(t, f.db.SaveDeputy(ctx, &f.zhao))

	t.Run("ErrStillInOffice", func(t *testing.T) {
		if _, err := f.db.VacatedSeat(ctx, f.zhao.ID, LevelTown); err == nil || !strings.Contains(err.Error(), "仍在任") {
			t.Fatalf("a by-election for a deputy in office: %v", err)
		}
	})
	t.Run("ErrTermEnded", func(t *testing.T) {
		// 李's seat ended with the term (换届): not 「仍在任」, and not a seat for a by-election.
		if _, err := f.db.SQL().Exec(`UPDATE deputies SET status = ? WHERE id = ?`, DeputyTermEnded, f.li.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := f.db.SQL().Exec(`UPDATE deputy_levels SET end_date = '2026-12-31', end_reason = ? WHERE deputy_id = ?`,
			SeatTermEnded, f.li.ID); err != nil {
			t.Fatal(err)
		}
		_, err := f.db.VacatedSeat(ctx, f.li.ID, LevelTown)
		if err == nil || !strings.Contains(err.Error(), "任期已届满") || strings.Contains(err.Error(), "仍在任") {
			t.Fatalf("a by-election for a seat whose term ended: %v", err)
		}
		must(t, f.db.SaveDeputy(ctx, &f.li)) // 李 as the fixture made him, for the counts below
	})
	f.zhao.Status, f.zhao.VacancyReason, f.zhao.VacancyDate = DeputyVacant, "调离", "2024-06-01"
	must(t, f.db.SaveDeputy(ctx, &f.zhao))
	seat, err := f.db.VacatedSeat(ctx, f.zhao.ID, LevelTown)
	must(t, err)
	t.Run("ErrApprovedBeforeVacancy", func(t *testing.T) {
		b := ByElection{VacatedSeatID: seat.ID, ApprovedBy: "崇明区人大常委会", Approved: "2024-05-20"}
		err := f.db.StartByElection(ctx, &b)
		if err == nil || !strings.HasPrefix(ErrorMessage(err), "批准日期") {
			t.Fatalf("approved before the vacancy: %v", err)
		}
	})
	b := ByElection{VacatedSeatID: seat.ID, ApprovedBy: "崇明区人大常委会", Approved: "2024-07-15"}
	must(t, f.db.StartByElection(ctx, &b))
	if b.Level != LevelTown || b.DistrictID != d3.ID || b.TermID != f.term.ID {
		t.Fatalf("the by-election took %+v from the vacated seat", b)
	}
	if dup := (ByElection{VacatedSeatID: seat.ID, ApprovedBy: "x", Approved: "2024-07-16"}); ErrorCode(f.db.StartByElection(ctx, &dup)) != ECONFLICT {
		t.Fatal("a second by-election for the same seat was accepted")
	}
	m := Meeting{Title: "第3选区补选镇人大代表选民大会", Start: "2024-09-10", Place: "桥头社区会议室"}
	e := Election{Position: "第3选区镇人大代表", Seats: 1, Expected: 820, Present: 760, BallotsIssued: 760, BallotsReturned: 758,
		BallotsValid: 755, Candidates: []Candidate{{Name: "孙补选", Votes: 702, Elected: true}, {Name: "钱落选", Votes: 53}}}
	must(t, f.db.ByElectionMeeting(ctx, b.ID, &m, e))

	t.Run("ErrNotElected", func(t *testing.T) {
		err := f.db.FillByElection(ctx, b.ID, ByElectionFill{Candidate: "钱落选", New: &Deputy{Gender: "男"}})
		if err == nil || !strings.Contains(err.Error(), "没有标为当选") {
			t.Fatalf("filling with a candidate not elected: %v", err)
		}
	})
	must(t, f.db.FillByElection(ctx, b.ID, ByElectionFill{Candidate: "孙补选", New: &Deputy{Gender: "男", Village: "桥头社区"}}))

	town := func(day Date) int {
		t.Helper()
		fig, err := f.db.Figures(ctx, day, day, day)
		must(t, err)
		for _, r := range fig.Deputies.ByLevel {
			if r.Level == LevelTown {
				return r.Deputies
			}
		}
		return 0
	}
	vacant := func(day Date) int {
		t.Helper()
		rolls, err := f.db.DistrictRolls(ctx, LevelTown, f.term.ID, day)
		must(t, err)
		return rolls[0].Vacant()
	}
	for _, c := range []struct {
		day          Date
		town, vacant int
	}{{"2024-05-31", 3, 0}, {"2024-06-01", 2, 1}, {"2024-09-09", 2, 1}, {"2024-09-10", 3, 0}} {
		if got, v := town(c.day), vacant(c.day); got != c.town || v != c.vacant {
			t.Errorf("on %s: %d town deputies, 第3选区 %d vacant; want %d, %d", c.day, got, v, c.town, c.vacant)
		}
	}
	got, err := f.db.ByElectionReport(ctx, b.ID)
	must(t, err)
	if got.Status() != "已补选" || got.ElectedName != "孙补选" || got.MeetingDate != "2024-09-10" || got.Election.BallotsValid != 755 ||
		got.District != "第3选区" || got.VacatedName != "赵喆" {
		t.Fatalf("report %+v", got)
	}
	ds, _, err := f.db.Deputies(ctx, DeputyFilter{Query: "孙补选"})
	must(t, err)
	if len(ds) != 1 || !ds[0].New || ds[0].District != "第3选区" || ds[0].Start(LevelTown) != "2024-09-10" {
		t.Fatalf("the new deputy %+v", ds)
	}
	if err := f.db.SaveByElectionQualified(ctx, b.ID, "2024-09-01"); err == nil {
		t.Fatal("a qualification review before the election was accepted")
	}
	must(t, f.db.SaveByElectionQualified(ctx, b.ID, "2024-09-20"))

	t.Run("ExistingPersonGainsLevel", func(t *testing.T) {
		// Wang's county seat falls vacant (he stays a town deputy); Li, a town deputy, is elected to it.
		f.wang.Seats[1].End, f.wang.Seats[1].EndReason = "2024-03-01", "辞职"
		must(t, f.db.SaveDeputy(ctx, &f.wang))
		vs, err := f.db.VacatedSeat(ctx, f.wang.ID, LevelCounty)
		must(t, err)
		cb := ByElection{VacatedSeatID: vs.ID, ApprovedBy: "崇明区人大常委会", Approved: "2024-03-20"}
		must(t, f.db.StartByElection(ctx, &cb))
		cm := Meeting{Kind: MeetingCongress, Title: "青山镇第十八届人民代表大会第四次会议", TermID: f.term.ID, SessionNo: 4, Start: "2024-04-15"}
		must(t, f.db.ByElectionMeeting(ctx, cb.ID, &cm, Election{Position: "区人大代表", Seats: 1, Expected: 3, Present: 3, BallotsIssued: 3, BallotsReturned: 3, BallotsValid: 3,
			Candidates: []Candidate{{Name: "李堃", Votes: 3, Elected: true}}}))
		must(t, f.db.FillByElection(ctx, cb.ID, ByElectionFill{Candidate: "李堃", DeputyID: f.li.ID}))
		li, err := f.db.Deputy(ctx, f.li.ID)
		must(t, err)
		if !li.HasLevel(LevelCounty) || li.Start(LevelCounty) != "2024-04-15" || li.Start(LevelTown) != "2021-12-01" {
			t.Fatalf("Li's seats %+v", li.Seats)
		}
		county := func(day Date) int {
			fig, err := f.db.Figures(ctx, day, day, day)
			must(t, err)
			for _, r := range fig.Deputies.ByLevel {
				if r.Level == LevelCounty {
					return r.Deputies
				}
			}
			return 0
		}
		if a, b, c := county("2024-02-29"), county("2024-04-14"), county("2024-04-15"); a != 1 || b != 0 || c != 1 {
			t.Fatalf("county deputies %d, %d, %d on 02-29, 04-14, 04-15; want 1, 0, 1", a, b, c)
		}
	})
}
