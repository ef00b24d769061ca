package store

import (
	"context"
	"testing"
)

// zw wraps a name in the characters that ride along with pasted text: a zero-width space inside, bidi
// controls around it, a BOM in front.
func zw(name string) string {
	r := []rune(name)
	return "\ufeff\u202e" + string(r[:1]) + "\u200b\u200d" + string(r[1:]) + "\u2066\u2069\u200f"
}

func TestNamesDropInvisibleCharacters(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	db := f.db
	t.Run("Deputy", func(t *testing.T) {
		d := Deputy{Name: zw("孙立"), Levels: []string{LevelTown}, TermID: f.term.ID}
		must(t, db.SaveDeputy(ctx, &d))
		got, err := db.Deputy(ctx, d.ID)
		must(t, err)
		if got.Name != "孙立" {
			t.Errorf("姓名 = %q", got.Name)
		}
	})
	t.Run("Group", func(t *testing.T) {
		g := Group{Name: zw("第二代表小组")}
		must(t, db.SaveGroup(ctx, &g))
		gs, err := db.Groups(ctx)
		must(t, err)
		found := false
		for _, x := range gs {
			found = found || x.Name == "第二代表小组"
		}
		if !found {
			t.Errorf("groups = %+v", gs)
		}
	})
	t.Run("Station", func(t *testing.T) {
		s := Station{Name: zw("青山村代表联络站"), Type: StationTypes[1], Contact: zw("王芳")}
		must(t, db.SaveStation(ctx, &s))
		got, err := db.Station(ctx, s.ID)
		must(t, err)
		if got.Name != "青山村代表联络站" || got.Contact != "王芳" {
			t.Errorf("名称 = %q, 联系人 = %q", got.Name, got.Contact)
		}
	})
	t.Run("Unit", func(t *testing.T) {
		u := Unit{Name: zw("镇水利站"), Kind: "镇属部门", Contact: zw("陈工")}
		must(t, db.SaveUnit(ctx, &u))
		us, err := db.Units(ctx)
		must(t, err)
		for _, x := range us {
			if x.ID == u.ID && (x.Name != "镇水利站" || x.Contact != "陈工") {
				t.Errorf("单位 = %q, 联系人 = %q", x.Name, x.Contact)
			}
		}
	})
	t.Run("Meeting", func(t *testing.T) {
		m := Meeting{Kind: MeetingPresidium, Title: zw("主席团第一次会议"), Start: "2024-03-01"}
		must(t, db.SaveMeeting(ctx, &m))
		got, err := db.Meeting(ctx, m.ID)
		must(t, err)
		if got.Title != "主席团第一次会议" {
			t.Errorf("名称 = %q", got.Title)
		}
		must(t, db.SaveMeetingDetail(ctx, m.ID, MeetingDetail{Guests: []Guest{{Name: zw("周列席")}}}))
		det, err := db.MeetingDetail(ctx, m.ID)
		must(t, err)
		if len(det.Guests) != 1 || det.Guests[0].Name != "周列席" {
			t.Errorf("列席人员 = %+v", det.Guests)
		}
	})
	t.Run("Suggestion", func(t *testing.T) {
		s := f.item(t, zw("修缮村道"), "2024-05-06")
		got := f.get(t, s.ID)
		if got.Title != "修缮村道" {
			t.Errorf("标题 = %q", got.Title)
		}
	})
	t.Run("Settings", func(t *testing.T) {
		st, err := db.Settings(ctx)
		must(t, err)
		st.OfficeName, st.Township, st.ClerkName = zw("青山镇人大主席团"), zw("青山镇"), zw("李文")
		must(t, db.SaveSettings(ctx, st))
		got, err := db.Settings(ctx)
		must(t, err)
		if got.OfficeName != "青山镇人大主席团" || got.Township != "青山镇" || got.ClerkName != "李文" {
			t.Errorf("settings = %q %q %q", got.OfficeName, got.Township, got.ClerkName)
		}
	})
	t.Run("OnlyInvisibleIsEmpty", func(t *testing.T) {
		d := Deputy{Name: "\u200b\u202e", Levels: []string{LevelTown}}
		wantErr(t, db.SaveDeputy(ctx, &d), EINVALID, "姓名不能为空")
	})
}
