package store

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// A 换届 with 3 连任, 2 不再担任 and 4 新任: the old term's figures stay as they were, the new term's roll is the
// 7, an open item keeps its number and deadline and is marked 上届转入, and numbering by session goes on.
func TestChangeTerm(t *testing.T) {
	f := newFixture(t) // 第十八届 from 2021-12-01: Wang, Li, Zhao
	ctx := context.Background()
	f.db.Now = func() time.Time { return time.Date(2026, 12, 20, 10, 0, 0, 0, time.Local) }
	must(t, f.db.SaveSettings(ctx, func() Settings { s, _ := f.db.Settings(ctx); s.Numbering = "session"; return s }()))
	zhou := Deputy{Name: "周连任", Gender: "女", Levels: []string{LevelTown}, TermID: f.term.ID}
	wu := Deputy{Name: "吴离任", Gender: "男", Levels: []string{LevelTown}, TermID: f.term.ID}
	must(t, f.db.SaveDeputy(ctx, &zhou))
	must(t, f.db.SaveDeputy(ctx, &wu))
	// An item raised at the 18th term's third session, assigned and still open at the change.
	open := Suggestion{Kind: KindSuggestion, Period: PeriodSession, SessionID: f.session.ID, Source: "代表提出", LeadDeputyID: f.li.ID,
		Title: "修缮村道", Content: "修缮村道。", Category: "城乡建设", Scope: LevelTown, Received: "2024-01-20"}
	must(t, f.db.SaveSuggestion(ctx, &open))
	must(t, f.db.Assign(ctx, open.ID, AssignInput{MainUnitID: f.unitA.ID, Date: "2026-10-09"}))
	open = f.get(t, open.ID)
	if !strings.HasPrefix(open.Number, "十八届三次-") || open.State != StateHandling {
		t.Fatalf("the open item %s %s", open.Number, open.State)
	}

	before, err := f.db.YearFigures(ctx, 2024, "2024-12-31")
	must(t, err)
	beforeDay, err := f.db.Figures(ctx, "2026-11-30", "2026-11-30", "2026-11-30")
	must(t, err)

	c := TermChange{Term: Term{Number: 19, Start: "2026-12-01"},
		Choices: []TermChoice{{f.wang.ID, TermContinue}, {f.li.ID, TermContinue}, {zhou.ID, TermContinue},
			{f.zhao.ID, TermLeave}, {wu.ID, TermLeave}},
		NewDeputies: []Deputy{{Name: "新甲", Gender: "男"}, {Name: "新乙", Gender: "女"}, {Name: "新丙", Gender: "女"}, {Name: "新丁", Gender: "男"}}}

	t.Run("ErrMissingChoice", func(t *testing.T) {
		short := c
		short.Choices = c.Choices[:4]
		short.NewDeputies = slices.Clone(c.NewDeputies)
		if _, err := f.db.ChangeTerm(ctx, &short); err == nil || !strings.Contains(err.Error(), "吴离任") {
			t.Fatalf("a change without 吴离任's choice: %v", err)
		}
	})
	p, err := f.db.PreviewTermChange(ctx, c)
	must(t, err)
	lines := strings.Join(p.Lines(c), "\n")
	for _, w := range []string{"第十九届，2026年12月1日起；第十八届于2026年11月30日届满", "连任3名", "不再担任2名：吴离任、赵喆",
		"新任4名：新甲、新乙、新丙、新丁", "上届转入的建议1件"} {
		if !strings.Contains(lines, w) {
			t.Errorf("the preview lacks %q:\n%s", w, lines)
		}
	}
	_, err = f.db.ChangeTerm(ctx, &c)
	must(t, err)

	t.Run("BackupFirst", func(t *testing.T) {
		copies, _ := filepath.Glob(filepath.Join(BackupDir(f.db.Path()), "*换届前*.db"))
		if len(copies) != 1 {
			t.Fatalf("backups before the change: %v", copies)
		}
		if st, err := os.Stat(copies[0]); err != nil || st.Size() == 0 {
			t.Fatalf("the backup %v", err)
		}
	})
	t.Run("OldTermUnchanged", func(t *testing.T) {
		after, err := f.db.YearFigures(ctx, 2024, "2024-12-31")
		must(t, err)
		if !reflect.DeepEqual(before.Deputies, after.Deputies) || before.Resolutions != after.Resolutions {
			t.Errorf("2024's deputies changed:\nbefore %+v\nafter  %+v", before.Deputies, after.Deputies)
		}
		afterDay, err := f.db.Figures(ctx, "2026-11-30", "2026-11-30", "2026-11-30")
		must(t, err)
		if !reflect.DeepEqual(beforeDay.Deputies, afterDay.Deputies) {
			t.Errorf("the old term's last day changed:\nbefore %+v\nafter  %+v", beforeDay.Deputies, afterDay.Deputies)
		}
		if beforeDay.Deputies.All.Deputies != 5 {
			t.Errorf("the old term's last day counts %d deputies, want 5", beforeDay.Deputies.All.Deputies)
		}
	})
	t.Run("NewRoll", func(t *testing.T) {
		ds, _, err := f.db.Deputies(ctx, DeputyFilter{OnRoll: "2026-12-15", Level: LevelTown, Sort: "name"})
		must(t, err)
		var names []string
		for _, d := range ds {
			names = append(names, d.Name)
		}
		slices.Sort(names)
		want := []string{"周连任", "新丁", "新丙", "新乙", "新甲", "李堃", "王建国"}
		slices.Sort(want)
		if !slices.Equal(names, want) {
			t.Fatalf("the 19th term's roll %v, want %v", names, want)
		}
		fig, err := f.db.Figures(ctx, "2026-12-15", "2026-12-15", "2026-12-15")
		must(t, err)
		town := fig.Deputies.ByLevel[0]
		if town.Level != LevelTown || town.New != 4 || town.Returning != 3 {
			t.Fatalf("the new term's town deputies: %d 新任 %d 连任, want 4 and 3", town.New, town.Returning)
		}
		cur, err := f.db.CurrentTerm(ctx)
		must(t, err)
		ts, err := f.db.Terms(ctx)
		must(t, err)
		if cur.Number != 19 || ts[1].Number != 18 || ts[1].End != "2026-11-30" || ts[1].Current {
			t.Fatalf("terms after the change %+v", ts)
		}
		li, err := f.db.Deputy(ctx, f.li.ID)
		must(t, err)
		if len(li.Former) != 1 || li.Former[0].End != "2026-12-01" || li.Former[0].EndReason != SeatTermEnded ||
			li.Start(LevelTown) != "2026-12-01" || li.TermID != c.Term.ID {
			t.Fatalf("Li's seats %+v former %+v", li.Seats, li.Former)
		}
	})
	t.Run("FiguresOfTheChangeYear", func(t *testing.T) {
		fig, err := f.db.YearFigures(ctx, 2026, "2026-12-20")
		must(t, err)
		if fig.NewTerm == nil || fig.NewTerm.Number != 19 {
			t.Fatalf("2026's figures name the new term %+v", fig.NewTerm)
		}
		old, err := f.db.YearFigures(ctx, 2025, "2025-12-31")
		must(t, err)
		if old.NewTerm != nil {
			t.Fatalf("2025 had no 换届 but names %+v", old.NewTerm)
		}
		t6, err := f.db.TermDeputyFigures(ctx, c.Term.ID)
		must(t, err)
		if t6.ByLevel[0].Deputies != 7 || t6.ByLevel[0].New != 4 || t6.ByLevel[0].Returning != 3 {
			t.Fatalf("T6 of the 19th term %+v", t6.ByLevel[0])
		}
		t18, err := f.db.TermDeputyFigures(ctx, f.term.ID)
		must(t, err)
		if t18.All.Deputies != 5 || t18.ByLevel[0].Returning != 5 {
			t.Fatalf("T6 of the 18th term as it began %+v, want its 5 deputies, none 新任 (saved so)", t18.ByLevel[0])
		}
	})
	t.Run("RosterOfTheNewTerm", func(t *testing.T) {
		doc, err := f.db.RosterDoc(ctx)
		must(t, err)
		var names []string
		for _, d := range doc.Deputies {
			names = append(names, d.Name)
		}
		if len(names) != 7 || slices.Contains(names, "赵喆") || slices.Contains(names, "吴离任") || !slices.Contains(names, "新丁") {
			t.Fatalf("the roster after the change: %v", names)
		}
	})
	t.Run("OpenItemCarried", func(t *testing.T) {
		got := f.get(t, open.ID)
		if got.Number != open.Number || got.Deadline != open.Deadline || got.State != StateHandling {
			t.Fatalf("the carried item %s %s %s, was %s %s", got.Number, got.Deadline, got.State, open.Number, open.Deadline)
		}
		carried, err := f.db.CarriedOver(ctx)
		must(t, err)
		if !carried[open.ID] || len(carried) != 1 {
			t.Fatalf("上届转入 %v", carried)
		}
	})
	t.Run("LeaversReadTermEnded", func(t *testing.T) {
		for _, id := range []int64{f.zhao.ID, wu.ID} {
			x, err := f.db.Deputy(ctx, id)
			must(t, err)
			if x.Status != DeputyTermEnded || x.VacancyDate != "2026-12-01" || x.VacancyReason != "" {
				t.Errorf("%s after the 换届: %s %s %q", x.Name, x.Status, x.VacancyDate, x.VacancyReason)
			}
		}
		_, active, err := f.db.Deputies(ctx, DeputyFilter{Status: DeputyActive})
		must(t, err)
		if active != 7 {
			t.Errorf("在任 lists %d deputies, want the new term's 7", active)
		}
		_, eve, err := f.db.Deputies(ctx, DeputyFilter{OnRoll: "2026-11-30", Level: LevelTown})
		must(t, err)
		if eve != 5 {
			t.Errorf("the old term's last day lists %d deputies, want 5", eve)
		}
		h, _, err := f.db.History(ctx, HistoryFilter{Entity: "deputy", EntityID: wu.ID})
		must(t, err)
		if len(h) == 0 || !strings.Contains(h[0].Changes, "状态: 在任 → 任期届满(2026年12月1日起)") {
			t.Errorf("吴离任's history %+v", h)
		}
	})
	t.Run("CarriedFilterAndLedger", func(t *testing.T) {
		items, n, err := f.db.Suggestions(ctx, SuggestionFilter{Carried: true})
		must(t, err)
		if n != 1 || items[0].ID != open.ID {
			t.Fatalf("the 上届转入 filter keeps %d items %+v", n, items)
		}
		// T4 of 2024, where the item was received: marked once the report's date is on or after the change.
		for _, c := range []struct {
			asOf Date
			want string
		}{{"2026-11-30", ""}, {"2026-12-20", "第十九届"}} {
			rep, err := f.db.LoadReport(ctx, "2024-01-01", "2024-12-31", c.asOf)
			must(t, err)
			i := slices.IndexFunc(rep.Ledger, func(it LedgerItem) bool { return it.ID == open.ID })
			if i < 0 || rep.Ledger[i].Carried != c.want {
				t.Errorf("T4 as of %s: item %d carried %q, want %q", c.asOf, i, rep.Ledger[min(max(i, 0), len(rep.Ledger)-1)].Carried, c.want)
			}
		}
	})
	t.Run("NumberingGoesOn", func(t *testing.T) {
		first := Meeting{Kind: MeetingCongress, Title: CongressTitle("青山镇", 19, 1), TermID: c.Term.ID, SessionNo: 1, Start: "2026-12-01"}
		must(t, f.db.SaveMeeting(ctx, &first))
		s := Suggestion{Kind: KindSuggestion, Period: PeriodSession, SessionID: first.ID, Source: "代表提出", LeadDeputyID: f.li.ID,
			Title: "新一届的建议", Content: "内容。", Category: "其他", Scope: LevelTown, Received: "2026-12-01"}
		must(t, f.db.SaveSuggestion(ctx, &s))
		if s.Number != "十九届一次-001" {
			t.Fatalf("the first item of the 19th term's first session is %s", s.Number)
		}
		again := Suggestion{Kind: KindSuggestion, Period: PeriodSession, SessionID: f.session.ID, Source: "代表提出", LeadDeputyID: f.li.ID,
			Title: "补登上届的建议", Content: "内容。", Category: "其他", Scope: LevelTown, Received: "2024-01-20"}
		must(t, f.db.SaveSuggestion(ctx, &again))
		if again.Number != "十八届三次-002" {
			t.Fatalf("an item of the 18th term's third session entered late is %s", again.Number)
		}
	})
}
