package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// entries returns the entries inside o in order (date entries included).
func entries(o fyne.CanvasObject) []*widget.Entry {
	var out []*widget.Entry
	walk(o, func(c fyne.CanvasObject) {
		switch e := c.(type) {
		case *widget.Entry:
			out = append(out, e)
		case *textEntry:
			out = append(out, &e.Entry)
		case *dateEntry:
			out = append(out, &e.Entry)
		}
	})
	return out
}

// From a deputy who left: 发起补选, 登记选举 (ballots, candidates), 确认当选; the new deputy is on the roll from
// the election day and not before.
func TestByElectionScreens(t *testing.T) {
	db := testDB(t, false)
	ctx := t.Context()
	term := store.Term{Number: 18, Start: "2021-12-01", Current: true}
	if err := db.SaveTerm(ctx, &term); err != nil {
		t.Fatal(err)
	}
	d3 := store.District{Number: 3, Name: "联霞片区", Seats: 1}
	if err := db.SaveDistrict(ctx, &d3); err != nil {
		t.Fatal(err)
	}
	gone := store.Deputy{Name: "赵调离", Gender: "女", Levels: []string{store.LevelTown}, TermID: term.ID,
		Seats: []store.Seat{{Level: store.LevelTown, DistrictID: d3.ID}}, Status: store.DeputyVacant, VacancyReason: "调离", VacancyDate: "2024-06-01"}
	if err := db.SaveDeputy(ctx, &gone); err != nil {
		t.Fatal(err)
	}
	d := testDesk(t, db)
	tab := d.deputies
	tab.show(gone)
	tab.byElection()
	top := d.win.Canvas().Overlays().Top()
	if top == nil || findButton(top, "发起补选") == nil {
		t.Fatal("no 发起补选 dialog")
	}
	es := entries(top)
	es[0].SetText("崇明区人大常委会")   // 批准机关
	es[1].SetText("2024-07-15") // 批准日期
	saveShot(t, d.win, "byelection-start")
	test.Tap(findButton(top, "发起补选"))
	top = d.win.Canvas().Overlays().Top()
	if top == nil || findButton(top, "登记选举") == nil {
		t.Fatalf("no 登记选举 step: %q", labelText(d.win.Canvas().Content()))
	}
	if !strings.Contains(labelText(top), "待选举") || !strings.Contains(labelText(top), "第3选区(联霞片区)") {
		t.Fatalf("the by-election shows %q", labelText(top))
	}
	es = entries(top)
	// 会议名称, 选举日期, 地点, 应到, 实到, 发出, 收回, 有效, then (姓名, 得票) × 4
	for i, v := range []string{"", "2024-09-10", "桥头社区会议室", "820", "760", "760", "758", "755", "孙补选", "702", "钱落选", "53"} {
		if v != "" {
			es[i].SetText(v)
		}
	}
	if !strings.HasPrefix(es[0].Text, "第3选区补选镇人大代表选民大会") {
		t.Errorf("the proposed meeting name %q", es[0].Text)
	}
	var elected *widget.Check
	walk(top, func(c fyne.CanvasObject) {
		if ch, ok := c.(*widget.Check); ok && ch.Text == "当选" && elected == nil {
			elected = ch
		}
	})
	elected.SetChecked(true)
	saveShot(t, d.win, "byelection-meeting")
	test.Tap(findButton(top, "登记选举"))
	top = d.win.Canvas().Overlays().Top()
	if top == nil || findButton(top, "确认当选") == nil {
		t.Fatalf("no 确认当选 step")
	}
	var gender *widget.Select
	walk(top, func(c fyne.CanvasObject) {
		if s, ok := c.(*widget.Select); ok && len(s.Options) == 2 && s.Options[0] == "男" {
			gender = s
		}
	})
	gender.SetSelected("男")
	saveShot(t, d.win, "byelection-fill")
	test.Tap(findButton(top, "确认当选"))
	top = d.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(labelText(top), "已补选") || !strings.Contains(labelText(top), "孙补选") {
		t.Fatalf("after 确认当选: %q", labelText(top))
	}
	saveShot(t, d.win, "byelection-done")
	for day, want := range map[store.Date]int{"2024-09-09": 0, "2024-09-10": 1} {
		_, n, err := db.Deputies(ctx, store.DeputyFilter{OnRoll: day, Level: store.LevelTown})
		if err != nil || n != want {
			t.Errorf("town deputies on %s: %d (%v), want %d", day, n, err, want)
		}
	}
}
