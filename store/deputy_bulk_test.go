package store

import (
	"context"
	"slices"
	"strings"
	"testing"
)

func TestUpdateDeputies(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	db := f.db
	st := Station{Name: "桥头社区代表联络站", Type: "代表联络站", Village: "桥头社区", Status: "在用"}
	must(t, db.SaveStation(ctx, &st))
	g2 := Group{Name: "第二代表小组", Villages: "桥头社区"}
	must(t, db.SaveGroup(ctx, &g2))
	ids := []int64{f.wang.ID, f.li.ID}

	t.Run("OK", func(t *testing.T) {
		district, village := "第3选区", "桥头社区"
		must(t, db.UpdateDeputies(ctx, ids, DeputyChange{GroupID: &g2.ID, District: &district, Village: &village, AddStation: st.ID}))
		for _, id := range ids {
			d, err := db.Deputy(ctx, id)
			must(t, err)
			if d.GroupID != g2.ID || d.District != district || d.Village != village || !slices.Contains(d.StationIDs, st.ID) {
				t.Errorf("%s after the change: group %d district %q village %q stations %v", d.Name, d.GroupID, d.District, d.Village, d.StationIDs)
			}
		}
		zhao, _ := db.Deputy(ctx, f.zhao.ID)
		if zhao.GroupID == g2.ID || zhao.District == district {
			t.Errorf("an unticked deputy changed: %+v", zhao)
		}
		h, _, _ := db.History(ctx, HistoryFilter{Entity: "deputy", Limit: 10})
		found := 0
		for _, e := range h {
			if e.Action == ActionUpdate && strings.Contains(e.Changes, district) {
				found++
			}
		}
		if found != 2 {
			t.Errorf("%d history entries record the change, want 2", found)
		}
	})
	t.Run("OnlyWhatIsSet", func(t *testing.T) {
		before, _ := db.Deputy(ctx, f.wang.ID)
		must(t, db.UpdateDeputies(ctx, []int64{f.wang.ID}, DeputyChange{RemoveStation: st.ID}))
		after, _ := db.Deputy(ctx, f.wang.ID)
		if slices.Contains(after.StationIDs, st.ID) || after.GroupID != before.GroupID || after.Village != before.Village {
			t.Errorf("before %+v\nafter %+v", before, after)
		}
	})
	t.Run("ErrUnknownVillageNothingWritten", func(t *testing.T) {
		before, _ := db.Deputy(ctx, f.li.ID)
		district, village := "第9选区", "不存在村"
		err := db.UpdateDeputies(ctx, ids, DeputyChange{District: &district, Village: &village})
		if ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), "代表「") || !strings.Contains(ErrorMessage(err), "不存在村") {
			t.Fatalf("err = %v", err)
		}
		after, _ := db.Deputy(ctx, f.li.ID)
		if after.District != before.District {
			t.Errorf("half written: 选区 %q → %q", before.District, after.District)
		}
	})
	t.Run("ErrNothingTicked", func(t *testing.T) {
		district := "第1选区"
		if err := db.UpdateDeputies(ctx, nil, DeputyChange{District: &district}); ErrorMessage(err) != "请先勾选要修改的代表" {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("ErrNothingToChange", func(t *testing.T) {
		if err := db.UpdateDeputies(ctx, ids, DeputyChange{}); ErrorMessage(err) != "请至少选择一项要修改的内容" {
			t.Fatalf("err = %v", err)
		}
	})
}
