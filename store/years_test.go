package store

import (
	"context"
	"slices"
	"testing"
)

func TestDataYears(t *testing.T) {
	ctx := context.Background()
	t.Run("Empty", func(t *testing.T) {
		db := mustOpen(t)
		years, err := db.DataYears(ctx)
		must(t, err)
		if len(years) != 0 {
			t.Fatalf("an empty database has years %v", years)
		}
	})
	t.Run("EveryRecordKind", func(t *testing.T) {
		f := newFixture(t) // a session on 2024-01-20
		f.item(t, "修缮村道", "2022-03-05")
		f.item(t, "增设路灯", "2022-07-01")
		st := Station{Name: "青山村代表联络站", Type: "代表联络站", Opened: "2019-05-01"}
		must(t, f.db.SaveStation(ctx, &st))
		must(t, f.db.SaveReception(ctx, &Reception{StationID: st.ID, Date: "2020-06-15", Voters: 12}))
		must(t, f.db.SaveReportBack(ctx, &ReportBack{DeputyID: f.wang.ID, Date: "2019-12-20", Form: "口头"}))
		years, err := f.db.DataYears(ctx)
		must(t, err)
		// 2021 has the term and the deputies only: nothing a yearly report counts.
		if want := []int{2024, 2022, 2020, 2019}; !slices.Equal(years, want) {
			t.Fatalf("years %v, want %v", years, want)
		}
	})
}
