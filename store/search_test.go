package store

import (
	"context"
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
