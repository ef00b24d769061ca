package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
)

// station adds a 代表联络站 in 青山村 with Wang and Li stationed there.
func (f *fixture) station(tb testing.TB, name string) Station {
	tb.Helper()
	s := Station{Name: name, Type: "代表联络站", Village: "青山村", Phone: "0839-8821001", DeputyIDs: []int64{f.wang.ID, f.li.ID}}
	must(tb, f.db.SaveStation(context.Background(), &s))
	return s
}

// A reception holds several voters and several issues, each with its route: one becomes a suggestion, one a
// petition, one is answered on the spot; the issue and the new records point at each other, the counts (人次,
// 条) stay what the clerk entered, and a linked issue cannot be dropped from the record.
func TestReceptionIssuesToSuggestionAndPetition(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	st := f.station(t, "青山村代表联络站")
	r := Reception{StationID: st.ID, Date: "2024-11-10", Voters: 5, DeputyIDs: []int64{f.wang.ID},
		People: []ReceptionVoter{{Name: "张秀英", Village: "青山村"}, {Name: "李大娘", Contact: "13900001111"}},
		Issues: []ReceptionIssue{
			{Voter: "张秀英", Content: "村口路灯坏了三个月", Route: RouteExplained, Result: "已告知镇城建办本月内维修"},
			{Voter: "李大娘", Content: "希望修缮青山村至河东村道路"},
			{Voter: "李大娘", Content: "邻居占用宅基地纠纷"},
		}}
	must(t, f.db.SaveReception(ctx, &r))
	if len(r.Issues) != 3 || r.Issues[1].ID == 0 {
		t.Fatalf("issues not saved with ids: %+v", r.Issues)
	}

	t.Run("OneIssueBecomesASuggestion", func(t *testing.T) {
		s := Suggestion{Kind: KindVoter, Period: PeriodRecess, Source: SourceStation, StationID: st.ID, ReceptionID: r.ID,
			VoterName: "李大娘", Title: "关于修缮青山村至河东村道路的建议", Content: r.Issues[1].Content, Category: "城乡建设",
			Scope: LevelTown, Received: r.Date, RaisedFrom: RaisedRef{Kind: RaisedIssue, ID: r.Issues[1].ID}}
		must(t, f.db.SaveSuggestion(ctx, &s))
		got, err := f.db.Reception(ctx, r.ID)
		must(t, err)
		i := got.Issues[1]
		if i.Route != RouteSuggestion || i.SuggestionID != s.ID || i.SuggestionNumber != s.Number {
			t.Fatalf("issue after 转为建议: %+v", i)
		}
		if h := i.Handling(); h != "转为建议("+s.Number+"，待交办)" {
			t.Errorf("handling %q", h)
		}
		again := s
		again.ID, again.Number = 0, ""
		wantErr(t, f.db.SaveSuggestion(ctx, &again), ECONFLICT, "已登记为建议"+s.Number)
	})

	t.Run("AnotherIssueBecomesAPetition", func(t *testing.T) {
		p := Petition{Received: r.Date, Channel: ChannelStation, Visitors: 1, Subject: "宅基地纠纷", Content: r.Issues[2].Content,
			Petitioner: "李大娘", Category: "矛盾纠纷", FromIssue: r.Issues[2].ID}
		must(t, f.db.SavePetition(ctx, &p))
		if p.Number != "信2024-001" || p.State != PetitionNew {
			t.Fatalf("petition %s %s", p.Number, p.State)
		}
		got, err := f.db.Reception(ctx, r.ID)
		must(t, err)
		i := got.Issues[2]
		if i.Route != RoutePetition || i.PetitionID != p.ID || i.Handling() != "转信访(信2024-001，待处理)" {
			t.Fatalf("issue after 转信访: %+v %q", i, i.Handling())
		}
		steps, err := f.db.PetitionTimeline(ctx, p.ID)
		must(t, err)
		if len(steps) != 1 || !strings.Contains(steps[0].Detail, "青山村代表联络站2024年11月10日接待选民") {
			t.Errorf("registration step %+v", steps)
		}
		// The issue that became a suggestion cannot become a petition too.
		q := p
		q.ID, q.Number, q.FromIssue = 0, "", got.Issues[1].ID
		wantErr(t, f.db.SavePetition(ctx, &q), ECONFLICT, "不能再转信访")
	})

	t.Run("LinksSurviveAnEdit", func(t *testing.T) {
		got, err := f.db.Reception(ctx, r.ID)
		must(t, err)
		// The form sends what it shows; a link it does not know about stays.
		got.Issues[1].SuggestionID, got.Issues[2].PetitionID = 0, 0
		got.Issues[0].Result = "镇城建办已修复"
		must(t, f.db.SaveReception(ctx, &got))
		again, err := f.db.Reception(ctx, r.ID)
		must(t, err)
		if again.Issues[1].SuggestionID == 0 || again.Issues[2].PetitionID == 0 || again.Issues[0].Result != "镇城建办已修复" {
			t.Fatalf("after edit: %+v", again.Issues)
		}
		// Removing the issue that became a suggestion is refused, and nothing is written.
		drop := again
		drop.Issues = []ReceptionIssue{again.Issues[0], again.Issues[2]}
		wantErr(t, f.db.SaveReception(ctx, &drop), ECONFLICT, "已登记为建议", "不能从接待记录中删除")
		// Its route cannot be changed away from 转为建议 either.
		swap := again
		swap.Issues[1].Route = RouteVillage
		wantErr(t, f.db.SaveReception(ctx, &swap), EINVALID, "第2条问题已登记为建议", "只能是「转为建议」")
	})

	t.Run("BadRowsNamed", func(t *testing.T) {
		bad := Reception{StationID: st.ID, Date: "2024-11-11", Voters: 1, People: []ReceptionVoter{{Name: "甲"}, {Name: "乙"}}}
		wantErr(t, f.db.SaveReception(ctx, &bad), EINVALID, "接待选民(人次)(1)不能少于登记姓名的选民人数(2)")
		bad = Reception{StationID: st.ID, Date: "2024-11-11", Voters: 3, People: []ReceptionVoter{{Village: "河东村"}}}
		wantErr(t, f.db.SaveReception(ctx, &bad), EINVALID, "第1位选民的姓名不能为空")
		bad = Reception{StationID: st.ID, Date: "2024-11-11", Voters: 3, Issues: []ReceptionIssue{{Content: "有事"}, {Content: "  "}}}
		wantErr(t, f.db.SaveReception(ctx, &bad), EINVALID, "第2条问题的内容不能为空")
		bad.Issues = []ReceptionIssue{{Content: "有事", Route: "转县里"}}
		wantErr(t, f.db.SaveReception(ctx, &bad), EINVALID, "第1条问题的处理方式「转县里」无效")
		rs, n, err := f.db.Receptions(ctx, ReceptionFilter{StationID: st.ID})
		must(t, err)
		if n != 1 || len(rs) != 1 {
			t.Fatalf("a refused record was written: %d records", n)
		}
	})

	t.Run("CountsStayAsEntered", func(t *testing.T) {
		fig, err := f.db.YearFigures(ctx, 2024, "")
		must(t, err)
		if fig.Receptions != 1 || fig.ReceptionVoters != 5 {
			t.Errorf("receptions %d 人次 %d, want 1 and 5", fig.Receptions, fig.ReceptionVoters)
		}
		c := fig.Contact
		if c.N(CKIssues) != 3 || c.N(IssueRouteKey(RouteExplained)) != 1 || c.N(IssueRouteKey(RouteSuggestion)) != 1 ||
			c.N(IssueRouteKey(RoutePetition)) != 1 || c.N(IssueRouteKey(RouteUndecided)) != 0 {
			t.Errorf("issues by route: %v", c.Counts)
		}
		if c.N(CKReceptions) != fig.Receptions || c.Sum(CKReceptions) != fig.ReceptionVoters {
			t.Errorf("contact receptions %v disagree with %d/%d", c.Counts[CKReceptions], fig.Receptions, fig.ReceptionVoters)
		}
		nov := c.StationMonths[10]
		if nov.Month != "2024-11" || nov.Issues != 3 || nov.Voters != 5 || nov.ByRoute[0] != 1 || nov.ByRoute[3] != 1 || nov.ByRoute[4] != 1 {
			t.Errorf("November %+v", nov)
		}
		items, err := f.db.ContactItems(ctx, fig, IssueRouteKey(RoutePetition))
		must(t, err)
		if len(items) != 1 || items[0].ID != r.ID || !strings.Contains(items[0].Label, "宅基地") {
			t.Errorf("items behind 转信访: %+v", items)
		}
		// The voters' items from the station, as T1 counts them (条), are the suggestions: one.
		if n := fig.Sum(FigureSlice{Period: PeriodRecess, Kind: KindVoter}).Received; n != 1 {
			t.Errorf("voter items %d, want 1", n)
		}
	})
}

// migrationVersion is the number of the migration whose file name ends in _name.sql (the merge may renumber it).
func migrationVersion(tb testing.TB, name string) int {
	tb.Helper()
	ms, err := migrations()
	must(tb, err)
	for _, m := range ms {
		if m.name == name {
			return m.version
		}
	}
	tb.Fatalf("no migration %s", name)
	return 0
}

// The receptions recorded before issues existed keep their summary as one issue: linked to the suggestion
// registered from the reception (转为建议) when there is one, 未定 otherwise; the 人次 do not change.
func TestMigrateReceptionsToIssues(t *testing.T) {
	v := migrationVersion(t, "voters")
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := sql.Open("sqlite", dsn(path))
	must(t, err)
	db := &DB{db: old, path: path}
	must(t, db.migrateTo(context.Background(), v-1))
	for _, q := range []string{
		`INSERT INTO stations (id, name, type, created_at, updated_at) VALUES (1, '青山村代表联络站', '代表联络站', 'x', 'x')`,
		`INSERT INTO receptions (id, station_id, date, voters, summary, created_at, updated_at) VALUES
			(1, 1, '2024-03-10', 12, '接待选民12人次，主要反映道路维修、饮水安全等问题。', 'x', 'x'),
			(2, 1, '2024-04-10', 3, '反映路灯不亮', 'x', 'x'),
			(3, 1, '2024-05-10', 4, '', 'x', 'x')`,
		`INSERT INTO suggestions (id, number, year, seq, kind, period, source, reception_id, voter_name, title, category, scope, received, created_at, updated_at)
			VALUES (7, '2024-007', 2024, 7, '选民意见建议', '闭会期间', '家站点(选民)', 2, '王大爷', '关于修复路灯的建议', '城乡建设', '镇级', '2024-04-10', 'x', 'x')`,
	} {
		_, err := old.Exec(q)
		must(t, err)
	}
	old.Close()
	cur, err := Open(path)
	must(t, err)
	defer cur.Close()
	rs, _, err := cur.Receptions(context.Background(), ReceptionFilter{})
	must(t, err)
	byID := map[int64]Reception{}
	for _, r := range rs {
		byID[r.ID] = r
	}
	if r := byID[1]; len(r.Issues) != 1 || r.Issues[0].Content != "接待选民12人次，主要反映道路维修、饮水安全等问题。" ||
		r.Issues[0].Route != RouteUndecided || r.Summary != "" || r.Voters != 12 {
		t.Errorf("reception 1: %+v", r)
	}
	if r := byID[2]; len(r.Issues) != 1 || r.Issues[0].Route != RouteSuggestion || r.Issues[0].SuggestionID != 7 ||
		r.Issues[0].Handling() != "转为建议(2024-007，待交办)" {
		t.Errorf("reception 2: %+v", r.Issues)
	}
	if r := byID[3]; len(r.Issues) != 0 || r.Voters != 4 {
		t.Errorf("reception 3 without a summary: %+v", r)
	}
}
