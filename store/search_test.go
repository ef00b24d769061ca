package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestSearch(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	road := f.item(t, "关于修缮青山村至河东村道路的建议", "2024-03-01")
	light := Suggestion{Kind: KindSuggestion, Period: PeriodRecess, Source: "代表提出", LeadDeputyID: f.li.ID,
		CosignerIDs: []int64{f.zhao.ID}, Title: "关于增设路灯的建议", Content: "桥头社区夜间照明不足，存在安全隐患。",
		Category: "城乡建设", Scope: LevelVillage, Received: "2024-03-02"}
	must(t, f.db.SaveSuggestion(ctx, &light))
	voter := Suggestion{Kind: KindVoter, Period: PeriodRecess, Source: "家站点(选民)", VoterName: "欧阳娜娜",
		Title: "关于垃圾清运的意见", Category: "生态建设", Scope: LevelVillage, Received: "2024-03-03"}
	must(t, f.db.SaveSuggestion(ctx, &voter))

	find := func(q string) []string {
		t.Helper()
		list, n, err := f.db.Suggestions(ctx, SuggestionFilter{Query: q, Sort: "number"})
		if err != nil {
			t.Fatalf("search %q: %v", q, err)
		}
		if n != len(list) {
			t.Fatalf("search %q: total %d, rows %d", q, n, len(list))
		}
		var out []string
		for _, s := range list {
			out = append(out, s.Number)
		}
		return out
	}
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"河东村道路", []string{road.Number}},               // ≥ 3 characters: trigram MATCH
		{"道路", []string{road.Number}},                  // 2 characters: LIKE fallback
		{"灯", []string{light.Number}},                  // 1 character
		{"照明不足", []string{light.Number}},               // in the content
		{"王建国", []string{road.Number}},                 // the lead deputy's name finds their items
		{"李堃", []string{light.Number}},                 // a 2-character name with a rare character
		{"赵喆", []string{light.Number}},                 // a co-signer
		{"欧阳娜娜", []string{voter.Number}},               // a voter
		{road.Number, []string{road.Number}},           // the number
		{"关于 建议", []string{road.Number, light.Number}}, // all terms must match
		{"照明不足 路灯", []string{light.Number}},            // long and short terms together
		{"照明不足 道路", nil},
		{"不存在的内容", nil},
		{`"`, nil}, {`*`, nil}, {`a OR b`, nil}, {`%`, nil}, {`_`, nil}, {`\`, nil}, {"NEAR(", nil}, // FTS and LIKE syntax is literal
		{"   ", []string{road.Number, light.Number, voter.Number}}, // blank: no filter
	} {
		got := find(tc.q)
		if len(got) != len(tc.want) {
			t.Errorf("search %q = %v, want %v", tc.q, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("search %q = %v, want %v", tc.q, got, tc.want)
			}
		}
	}
	// Renaming a deputy re-indexes the items they are on.
	d, _ := f.db.Deputy(ctx, f.wang.ID)
	d.Name = "王建军"
	must(t, f.db.SaveDeputy(ctx, &d))
	if got := find("王建军"); len(got) != 1 {
		t.Errorf("after rename: %v", got)
	}
	if got := find("王建国"); len(got) != 0 {
		t.Errorf("old name still found: %v", got)
	}
	// Deleting an item removes it from the index.
	must(t, f.db.DeleteSuggestion(ctx, light.ID))
	if got := find("路灯"); len(got) != 0 {
		t.Errorf("deleted item found: %v", got)
	}

	// Deputies, stations and meetings.
	if ds, _, _ := f.db.Deputies(ctx, DeputyFilter{Query: "堃"}); len(ds) != 1 || ds[0].Name != "李堃" {
		t.Errorf("deputy search 堃: %+v", ds)
	}
	if ds, _, _ := f.db.Deputies(ctx, DeputyFilter{Query: "桥头社区"}); len(ds) != 1 {
		t.Errorf("deputy search by village: %+v", ds)
	}
	st := Station{Name: "河东村代表联络站", Type: "代表联络站", Village: "河东村", Address: "河东村村委会二楼"}
	must(t, f.db.SaveStation(ctx, &st))
	if ss, _, _ := f.db.Stations(ctx, StationFilter{Query: "村委会二楼"}); len(ss) != 1 {
		t.Errorf("station search: %+v", ss)
	}
	if ms, _, _ := f.db.Meetings(ctx, MeetingFilter{Query: "第十八届"}); len(ms) != 1 {
		t.Errorf("meeting search: %+v", ms)
	}
	if ms, _, _ := f.db.Meetings(ctx, MeetingFilter{Query: "会议"}); len(ms) != 1 {
		t.Errorf("meeting 2-char search: %+v", ms)
	}
	must(t, f.db.update(ctx, func(tx *Tx) error { return tx.rebuildSearch() }))
	if got := find("河东村道路"); len(got) != 1 {
		t.Errorf("after rebuild: %v", got)
	}
}

func TestGrams(t *testing.T) {
	got := grams("关于修缮道路的建议", "Road-12 道路", "王堃")
	for _, want := range []string{"关", "关于", "道路", "路", "road", "12", "王堃", "堃"} {
		if !strings.Contains(" "+got+" ", " "+want+" ") {
			t.Errorf("grams lack %q: %s", want, got)
		}
	}
	if strings.Count(" "+got+" ", " 道路 ") != 1 {
		t.Errorf("repeated gram: %s", got)
	}
	if strings.Contains(got, "议王") {
		t.Errorf("a pair across two fields: %s", got)
	}
	for term, want := range map[string]bool{"王": true, "道路": true, "道路修": false, "ab": false, "王a": false, "": false} {
		if isShortHan(term) != want {
			t.Errorf("isShortHan(%q) != %v", term, want)
		}
	}
}

// TestSearchWindows checks that a search matching many records lists the same page, in the same order, as
// the plain page query: textWindows reads the list's order a window at a time (see search.go).
func TestSearchWindows(t *testing.T) {
	db, _ := demoDB(t, DemoTownship, 1, demoTestToday)
	ctx := context.Background()
	const walk = `SELECT id FROM suggestions INDEXED BY suggestions_received ORDER BY received DESC, id DESC`
	queries := []string{"的", "关于", "建议", "路", "村", "的建议", "关于 建议", "关于加强 的", "水 路", "不存在的内容"}
	// plain is the page query listPage runs without textWindows: the first n matches in the list's order.
	plain := func(tx *Tx, w *where, n int) []int64 {
		t.Helper()
		var ids []int64
		if err := collect(tx, `SELECT s.id FROM suggestions s WHERE `+w.sql()+` ORDER BY s.received DESC, s.id DESC LIMIT ?`,
			append(slices.Clip(w.args), n), func(s scanner) error {
				var id int64
				err := s.Scan(&id)
				ids = append(ids, id)
				return err
			}); err != nil {
			t.Fatal(err)
		}
		return ids
	}
	// compare checks the windows against the plain query; wantOK says whether the windows must answer
	// ("" whichever).
	compare := func(t *testing.T, wantOK string) {
		t.Helper()
		err := db.view(ctx, func(tx *Tx) error {
			for _, q := range queries {
				w := tx.suggestionWhere(SuggestionFilter{Query: q})
				for _, n := range []int{1, 100, 300, 5000} {
					got, ok, err := textWindows(tx, walk, w.text, n)
					if err != nil {
						return err
					}
					if wantOK != "" && fmt.Sprint(ok) != wantOK {
						t.Fatalf("%q, first %d: windows used %v, want %s", q, n, ok, wantOK)
					}
					if want := plain(tx, w, n); ok && !slices.Equal(got, want) {
						t.Errorf("%q, first %d: windows give %d ids %v…, the plain query %d ids %v…", q, n, len(got),
							got[:min(5, len(got))], len(want), want[:min(5, len(want))])
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	t.Run("entered in order", func(t *testing.T) { compare(t, "true") })

	// The tab's list (Suggestions) with the windows from the first match on: the same pages as without them.
	pages := func(t *testing.T) {
		t.Helper()
		defer func(v int) { textWindowsFrom = v }(textWindowsFrom)
		for _, q := range []string{"的", "关于 建议", "路"} {
			for _, off := range []int{0, 150, 640} {
				f := SuggestionFilter{Query: q, Offset: off, Limit: 100}
				textWindowsFrom = 1 << 62
				want, wantN, err := db.Suggestions(ctx, f)
				must(t, err)
				textWindowsFrom = 1
				got, n, err := db.Suggestions(ctx, f)
				must(t, err)
				if n != wantN || len(got) != len(want) {
					t.Fatalf("%q from %d: %d of %d rows, want %d of %d", q, off, len(got), n, len(want), wantN)
				}
				for i := range got {
					if got[i].Number != want[i].Number {
						t.Fatalf("%q from %d: row %d is %s, want %s", q, off, i+1, got[i].Number, want[i].Number)
					}
				}
			}
		}
	}
	t.Run("the list's pages", pages)

	// An item registered long after it was received (an old letter found in a drawer) sits far from its id
	// in the list's order: the windows still list it in its place.
	if _, err := db.SQL().Exec(`UPDATE suggestions SET received = date(received, '-200 days') WHERE id % 97 = 0`); err != nil {
		t.Fatal(err)
	}
	t.Run("a few entered late", func(t *testing.T) { compare(t, "true"); pages(t) })

	// Received dates unrelated to the order of entry: the windows are still right.
	if _, err := db.SQL().Exec(`UPDATE suggestions SET received = date('2023-01-01', '+' || ((id * 7919) % 1000) || ' days')`); err != nil {
		t.Fatal(err)
	}
	t.Run("entered in no order", func(t *testing.T) { compare(t, ""); pages(t) })

	// The newest item with an id far from the others' (a window's ids spanning much more than the window):
	// the windows give up and the plain query answers.
	var cols []string
	must(t, db.view(ctx, func(tx *Tx) error {
		return collect(tx, `SELECT name FROM pragma_table_info('suggestions') WHERE name NOT IN ('id', 'number', 'received') ORDER BY cid`,
			nil, func(s scanner) error {
				var c string
				err := s.Scan(&c)
				cols = append(cols, c)
				return err
			})
	}))
	list := strings.Join(cols, ", ")
	if _, err := db.SQL().Exec(`INSERT INTO suggestions (id, number, received, ` + list + `) SELECT 1000000, number || '补', '2025-10-15', ` +
		list + ` FROM suggestions WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	must(t, db.update(ctx, func(tx *Tx) error { return tx.reindexSuggestions([]int64{1000000}) }))
	t.Run("an id far from the others", func(t *testing.T) { compare(t, "false"); pages(t) })
}
