package store

import (
	"context"
	"strings"
	"testing"
)

func TestDistricts(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	d3 := District{Number: 3, Name: "联霞片区", Villages: "青山村、河东村", Seats: 2, Voters: 1850}
	must(t, f.db.SaveDistrict(ctx, &d3))

	t.Run("Errors", func(t *testing.T) {
		for _, c := range []struct {
			name  string
			d     District
			field string
		}{
			{"ErrNumber", District{Number: 0, Seats: 1}, "选区编号"},
			{"ErrSeats", District{Number: 4, Seats: 0}, "应选代表名额"},
			{"ErrVoters", District{Number: 4, Seats: 1, Voters: -3}, "选民数"},
			{"ErrLevel", District{Level: "乡级", Number: 4, Seats: 1}, "层级"},
			{"ErrDuplicate", District{Number: 3, Seats: 1}, "选区编号"},
		} {
			t.Run(c.name, func(t *testing.T) {
				err := f.db.SaveDistrict(ctx, &c.d)
				if err == nil || !strings.HasPrefix(ErrorMessage(err), c.field) {
					t.Fatalf("%+v: %v, want an error naming %s", c.d, err, c.field)
				}
			})
		}
	})
	t.Run("DeputyPicksDistrict", func(t *testing.T) {
		f.wang.Seats[0].DistrictID = d3.ID
		must(t, f.db.SaveDeputy(ctx, &f.wang))
		f.zhao.Seats[0].DistrictID = d3.ID
		must(t, f.db.SaveDeputy(ctx, &f.zhao))
		got, err := f.db.Deputy(ctx, f.wang.ID)
		must(t, err)
		if got.District != "第3选区" || got.Seats[0].DistrictID != d3.ID {
			t.Fatalf("Wang's 选区 %q %+v", got.District, got.Seats)
		}
		// A county seat cannot be elected in a town district.
		f.wang.Seats[1].DistrictID = d3.ID
		err = f.db.SaveDeputy(ctx, &f.wang)
		if err == nil || !strings.HasPrefix(ErrorMessage(err), "选区(县级)") || !strings.Contains(ErrorMessage(err), "镇级的选区") {
			t.Fatalf("county seat in a town district: %v", err)
		}
		f.wang.Seats[1].DistrictID = 0
	})
	t.Run("VacantSeatShows", func(t *testing.T) {
		rolls, err := f.db.DistrictRolls(ctx, LevelTown, f.term.ID, "2024-06-30")
		must(t, err)
		if len(rolls) != 1 || len(rolls[0].Seats) != 2 || rolls[0].Held != 2 || rolls[0].Vacant() != 0 {
			t.Fatalf("before the vacancy: %+v", rolls)
		}
		f.zhao.Status, f.zhao.VacancyReason, f.zhao.VacancyDate = DeputyVacant, "调离", "2024-10-01"
		must(t, f.db.SaveDeputy(ctx, &f.zhao))
		rolls, err = f.db.DistrictRolls(ctx, LevelTown, f.term.ID, "2024-10-01")
		must(t, err)
		if rolls[0].Held != 1 || rolls[0].Vacant() != 1 {
			t.Fatalf("after Zhao left: held %d vacant %d, want 1 and 1", rolls[0].Held, rolls[0].Vacant())
		}
		rolls, err = f.db.DistrictRolls(ctx, LevelTown, f.term.ID, "2024-09-30")
		must(t, err)
		if rolls[0].Vacant() != 0 {
			t.Fatalf("the day before Zhao left shows %d vacant", rolls[0].Vacant())
		}
	})
	t.Run("RenumberFollows", func(t *testing.T) {
		d3.Number = 5
		must(t, f.db.SaveDistrict(ctx, &d3))
		got, err := f.db.Deputy(ctx, f.wang.ID)
		must(t, err)
		if got.District != "第5选区" {
			t.Fatalf("after renumbering Wang's 选区 is %q", got.District)
		}
	})
	t.Run("ErrDeleteWithDeputies", func(t *testing.T) {
		if err := f.db.DeleteDistrict(ctx, d3.ID); ErrorCode(err) != ECONFLICT {
			t.Fatalf("deleting a district with deputies: %v", err)
		}
		empty := District{Number: 9, Seats: 1}
		must(t, f.db.SaveDistrict(ctx, &empty))
		must(t, f.db.DeleteDistrict(ctx, empty.ID))
	})
	t.Run("ParseDistrict", func(t *testing.T) {
		for s, want := range map[string]int{"第3选区": 3, "12": 12, "第十二选区": 12, "第二十选区": 20, "三选区": 3, "联霞片区": 0} {
			if got := ParseDistrict(s); got != want {
				t.Errorf("ParseDistrict(%q) = %d, want %d", s, got, want)
			}
		}
	})
}
