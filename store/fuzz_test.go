package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The fuzz targets of SPEC §10: search input and dates. Their seed corpora are in testdata/fuzz/<Name> and
// run with every `go test` (the smoke run); `make fuzz` runs each target for FUZZTIME.

// searchFixture is the small office the search fuzzer queries: records whose titles hold the characters that
// matter to the search code (FTS5 and LIKE syntax, case, Han characters inside and outside the Basic
// Multilingual Plane, Kangxi radicals as they come out of copied PDF text), plus one scratch suggestion whose
// title the fuzzer rewrites.
type searchFixture struct {
	*fixture
	titles  map[string]map[int64]string // list → id → the title-like field the oracle looks in
	scratch Suggestion
}

var fuzzSuggestionTitles = []string{
	"关于修缮青山村至河东村道路的建议",
	"关于增设路灯的建议",
	`关于"美丽乡村"项目 AND 资金 OR 配套的问题`,
	"NEAR(路灯 照明) * ^ - : 的写法",
	"WiFi覆盖率达到95%_以上",
	`100%\_转义 'quote' "double"`,
	"⼀级公路改造（康熙部首⼀）",
	"关于县级道路养护的建议",
	"𠮷野家门前的积水",
	"ÉCOLE café ǅemo ß straße",
	"水",
	"a",
	"二〇二四年々学习",
}

var fuzzDeputyNames = []string{"欧阳娜娜", "Anna O'Neil", "阿卜杜·热合曼", "100%_李", "𠮷田"}

var fuzzStationNames = []string{"河东村代表联络站", `"代表之家" AND OR *`, "⼀号联系点", "Station_100%"}

var fuzzMeetingTitles = []string{"关于道路交通安全法的执法检查", `专题询问 "NEAR" -负面 ^开头`, "WiFi 培训 50%_"}

func newSearchFixture(tb testing.TB) *searchFixture {
	tb.Helper()
	ctx := context.Background()
	sf := &searchFixture{fixture: newFixture(tb), titles: map[string]map[int64]string{
		"suggestions": {}, "deputies": {}, "stations": {}, "meetings": {}}}
	for i, title := range fuzzSuggestionTitles {
		s := sf.item(tb, title, Date("2024-03-01").AddDays(i))
		sf.titles["suggestions"][s.ID] = s.Title
	}
	for _, name := range fuzzDeputyNames {
		d := Deputy{Name: name, Levels: []string{LevelTown}, TermID: sf.term.ID}
		must(tb, sf.db.SaveDeputy(ctx, &d))
	}
	for _, d := range []Deputy{sf.wang, sf.li, sf.zhao} {
		sf.titles["deputies"][d.ID] = d.Name
	}
	ds, _, err := sf.db.Deputies(ctx, DeputyFilter{})
	must(tb, err)
	for _, d := range ds {
		sf.titles["deputies"][d.ID] = d.Name
	}
	for _, name := range fuzzStationNames {
		st := Station{Name: name, Type: "代表联络站"}
		must(tb, sf.db.SaveStation(ctx, &st))
		sf.titles["stations"][st.ID] = st.Name
	}
	sf.titles["meetings"][sf.session.ID] = sf.session.Title
	for i, title := range fuzzMeetingTitles {
		m := Meeting{Kind: MeetingInspect, Title: title, Start: Date("2024-04-01").AddDays(i)}
		must(tb, sf.db.SaveMeeting(ctx, &m))
		sf.titles["meetings"][m.ID] = m.Title
	}
	sf.scratch = Suggestion{Kind: KindVoter, Period: PeriodRecess, Source: "家站点(选民)", VoterName: "选民",
		Title: "待改写", Category: "城乡建设", Scope: LevelTown, Received: "2024-06-01"}
	must(tb, sf.db.SaveSuggestion(ctx, &sf.scratch))
	sf.titles["suggestions"][sf.scratch.ID] = sf.scratch.Title
	return sf
}

// search runs q through the Query field of the four list filters and returns the ids each found. Any
// error that is not a clean *Error fails the test, and so does a total that differs from the rows returned.
func (sf *searchFixture) search(t *testing.T, q string) map[string][]int64 {
	t.Helper()
	ctx := context.Background()
	out := map[string][]int64{}
	check := func(list string, n, total int, err error, ids func() []int64) {
		t.Helper()
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("%s: query %q: %T %v", list, short(q), err, err)
			}
			return
		}
		if n != total {
			t.Fatalf("%s: query %q: total %d but %d rows", list, short(q), total, n)
		}
		out[list] = ids()
	}
	ss, total, err := sf.db.Suggestions(ctx, SuggestionFilter{Query: q})
	check("suggestions", len(ss), total, err, func() []int64 { return idsOf(ss, func(s Suggestion) int64 { return s.ID }) })
	ds, total, err := sf.db.Deputies(ctx, DeputyFilter{Query: q})
	check("deputies", len(ds), total, err, func() []int64 { return idsOf(ds, func(d Deputy) int64 { return d.ID }) })
	st, total, err := sf.db.Stations(ctx, StationFilter{Query: q})
	check("stations", len(st), total, err, func() []int64 { return idsOf(st, func(s Station) int64 { return s.ID }) })
	ms, total, err := sf.db.Meetings(ctx, MeetingFilter{Query: q})
	check("meetings", len(ms), total, err, func() []int64 { return idsOf(ms, func(m Meeting) int64 { return m.ID }) })
	return out
}

func idsOf[T any](xs []T, id func(T) int64) []int64 {
	out := make([]int64, len(xs))
	for i, x := range xs {
		out[i] = id(x)
	}
	return out
}

// plainQuery reports whether q is a query the oracle can judge with strings.Contains: valid UTF-8 with at
// least one term. (For invalid UTF-8 SQLite and Go disagree on where characters start.)
func plainQuery(q string) bool { return utf8.ValidString(q) && len(searchTerms(q)) > 0 }

// short cuts a long input down for a failure message.
func short(q string) string {
	if len(q) > 200 {
		return q[:200] + "…"
	}
	return q
}

// ftsTables names each list's search table: its columns hold exactly the text the list searches.
var ftsTables = map[string]string{"suggestions": "suggestion_fts", "deputies": "deputy_fts", "stations": "station_fts",
	"meetings": "meeting_fts"}

// wantOnlyMatches fails when a record was found although some term of q is in none of its searched columns
// (compared with case folded, as both trigram and LIKE ignore case): a search that finds too much.
func (sf *searchFixture) wantOnlyMatches(t *testing.T, q string, found map[string][]int64) {
	t.Helper()
	if !plainQuery(q) {
		return
	}
	terms := searchTerms(q)
	for list, ids := range found {
		for _, id := range ids {
			rows, err := sf.db.SQL().Query(`SELECT * FROM `+ftsTables[list]+` WHERE rowid = ?`, id)
			must(t, err)
			cols, _ := rows.Columns()
			vals := make([]sql.NullString, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			var texts []string
			for rows.Next() {
				must(t, rows.Scan(ptrs...))
				for _, v := range vals {
					texts = append(texts, fold(v.String))
				}
			}
			rows.Close()
			for _, term := range terms {
				ft := fold(term)
				if !slices.ContainsFunc(texts, func(x string) bool { return strings.Contains(x, ft) }) {
					t.Fatalf("%s: query %q found id %d, whose text %q lacks the term %q", list, short(q), id, texts, short(term))
				}
			}
		}
	}
}

// fold maps every character to the smallest of its case-folding orbit, so that text compares without case.
func fold(s string) string {
	return strings.Map(func(r rune) rune {
		m := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			m = min(m, f)
		}
		return m
	}, s)
}

// wantFound fails unless every record whose title contains q was found.
func (sf *searchFixture) wantFound(t *testing.T, q string, found map[string][]int64) {
	t.Helper()
	if !plainQuery(q) {
		return
	}
	for list, titles := range sf.titles {
		for id, title := range titles {
			if strings.Contains(title, q) && !slices.Contains(found[list], id) {
				t.Fatalf("%s: query %q does not find %q (id %d); found %v", list, short(q), short(title), id, found[list])
			}
		}
	}
}

// FuzzSearch feeds any query to the four searchable lists: no panic, no error other than a clean *Error, the
// total agrees with the rows, a query that is a substring of a title finds that record, and every record
// found holds every term (case aside). Then, for valid text, it stores the query as the scratch suggestion's
// title and searches for the whole title and a piece of it (chosen by from and n, in characters), which must
// find it: the indexing side of the same oracle. The fixture database is made once per fuzzing process.
func FuzzSearch(f *testing.F) {
	f.Add("道路", uint8(0), uint8(2))
	f.Add(`"美丽乡村" AND`, uint8(1), uint8(3))
	f.Add("⼀", uint8(0), uint8(1))
	sf := newSearchFixture(f)
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, q string, from, n uint8) {
		found := sf.search(t, q)
		sf.wantFound(t, q, found)
		sf.wantOnlyMatches(t, q, found)

		if !utf8.ValidString(q) || strings.TrimSpace(q) == "" {
			return
		}
		s := sf.scratch
		s.Title = q
		if err := sf.db.SaveSuggestion(ctx, &s); err != nil {
			if ErrorCode(err) != EINVALID {
				t.Fatalf("saving title %q: %T %v", short(q), err, err)
			}
			return
		}
		sf.scratch = s
		sf.titles["suggestions"][s.ID] = s.Title
		runes := []rune(s.Title)
		start := int(from) % len(runes)
		end := min(len(runes), start+1+int(n))
		for _, sub := range []string{s.Title, string(runes[start:end])} {
			found := sf.search(t, sub)
			sf.wantFound(t, sub, found)
			sf.wantOnlyMatches(t, sub, found)
		}
	})
}

// FuzzParseDate checks that ParseDate and ParseYearMonth never panic, that an accepted date is a real day
// in the ISO form that parses back to itself (and reads the same from its Chinese form), and that a refusal
// is a Chinese message quoting the input.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-03-05", "2024年2月29日", "2023年2月29日", "2024-13-01", "20240305", "1968.5", "", " 2024 / 3 / 5 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if d != "" {
				t.Fatalf("ParseDate(%q) = %q with error %v", s, d, err)
			}
			if !strings.Contains(err.Error(), "日期") {
				t.Fatalf("ParseDate(%q): message %q is not the Chinese one", s, err)
			}
		} else {
			if strings.TrimSpace(s) == "" {
				if d != "" {
					t.Fatalf("ParseDate(%q) = %q, want the zero Date", s, d)
				}
			} else {
				if !d.Valid() || len(d) != len(isoDay) {
					t.Fatalf("ParseDate(%q) = %q, not an ISO day", s, d)
				}
				for _, again := range []string{string(d), d.Chinese()} {
					if back, err := ParseDate(again); err != nil || back != d {
						t.Fatalf("ParseDate(%q) = %q, but ParseDate(%q) = %q, %v", s, d, again, back, err)
					}
				}
				if ym, err := ParseYearMonth(s); err != nil || ym != string(d)[:7] {
					t.Fatalf("ParseDate(%q) = %q, but ParseYearMonth = %q, %v", s, d, ym, err)
				}
			}
		}
		ym, err := ParseYearMonth(s)
		if err != nil {
			if ym != "" {
				t.Fatalf("ParseYearMonth(%q) = %q with error %v", s, ym, err)
			}
			if !strings.Contains(err.Error(), "年月") {
				t.Fatalf("ParseYearMonth(%q): message %q is not the Chinese one", s, err)
			}
			return
		}
		if ym == "" {
			if strings.TrimSpace(s) != "" {
				t.Fatalf("ParseYearMonth(%q) = \"\" without error", s)
			}
			return
		}
		if back, err := ParseYearMonth(ym); err != nil || back != ym {
			t.Fatalf("ParseYearMonth(%q) = %q, but ParseYearMonth(%q) = %q, %v", s, ym, ym, back, err)
		}
		if !Date(ym + "-01").Valid() {
			t.Fatalf("ParseYearMonth(%q) = %q, not a year and month", s, ym)
		}
	})
}
