package ui

import (
	"slices"
	"testing"

	"rendadesk/store"
)

// The roster shows each deputy's 选区, sorts 第2选区 before 第10选区, and the 选区 filter keeps the deputies
// elected there.
func TestDeputyListByDistrict(t *testing.T) {
	db := testDB(t, false)
	ctx := t.Context()
	term := store.Term{Number: 18, Start: "2021-12-01", Current: true}
	if err := db.SaveTerm(ctx, &term); err != nil {
		t.Fatal(err)
	}
	d2 := store.District{Number: 2, Name: "西片区", Seats: 2}
	d10 := store.District{Number: 10, Seats: 1}
	for _, x := range []*store.District{&d2, &d10} {
		if err := db.SaveDistrict(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	for _, x := range []struct {
		name     string
		district int64
	}{{"甲十", d10.ID}, {"乙二", d2.ID}, {"丙二", d2.ID}} {
		dep := store.Deputy{Name: x.name, Levels: []string{store.LevelTown}, TermID: term.ID,
			Seats: []store.Seat{{Level: store.LevelTown, DistrictID: x.district}}}
		if err := db.SaveDeputy(ctx, &dep); err != nil {
			t.Fatal(err)
		}
	}
	d := testDesk(t, db)
	tab := d.deputies
	tab.refresh()
	shown := func() (names, districts []string) {
		all, err := tab.list.all()
		if err != nil {
			t.Fatal(err)
		}
		headers, cells := tab.list.rowsText(all)
		col := slices.Index(headers, "选区")
		if col < 0 {
			t.Fatalf("the list has no 选区 column: %v", headers)
		}
		for _, row := range cells {
			names, districts = append(names, row[0]), append(districts, row[col])
		}
		return names, districts
	}
	tab.list.sortBy("district")
	if _, ds := shown(); !slices.Equal(ds, []string{"第2选区", "第2选区", "第10选区"}) {
		t.Errorf("sorted by 选区: %v", ds)
	}
	if !slices.Contains(tab.filters.district.Options, "第2选区(西片区)") {
		t.Fatalf("the 选区 filter offers %v", tab.filters.district.Options)
	}
	d.tabs.SelectIndex(1) // 代表
	tab.filters.district.SetSelected("第2选区(西片区)")
	saveShot(t, d.win, "deputies-district-filter")
	if names, _ := shown(); len(names) != 2 || slices.Contains(names, "甲十") {
		t.Errorf("filtered to 第2选区: %v", names)
	}
	tab.filters.district.SetSelected("全部")
	if names, _ := shown(); len(names) != 3 {
		t.Errorf("全部: %v", names)
	}
}
