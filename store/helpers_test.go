package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// testToday is "today" in the store tests: every date check compares against it.
var testToday = time.Date(2024, 12, 31, 10, 0, 0, 0, time.Local)

// SQL returns the underlying handle, for benchmarks and tests that compare against raw SQL. It is declared
// here, not in db.go, so that only the tests have it.
func (db *DB) SQL() *sql.DB { return db.db }

// mustDate parses s and panics on error.
func mustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// mustOpen opens a fresh database in a temp folder (never :memory:, which database/sql would give one
// empty database per connection) with a fixed clock.
func mustOpen(tb testing.TB) *DB {
	tb.Helper()
	db, err := Open(filepath.Join(tb.TempDir(), "t.db"))
	if err != nil {
		tb.Fatal(err)
	}
	db.Now = func() time.Time { return testToday }
	tb.Cleanup(func() { db.Close() })
	return db
}

// fixture is a small office: villages, a term, two units, a group and three deputies.
type fixture struct {
	db                  *DB
	term                Term
	group               Group
	unitA, unitB, unitC Unit
	wang, li, zhao      Deputy
	session             Meeting
}

func newFixture(tb testing.TB) *fixture {
	tb.Helper()
	ctx := context.Background()
	f := &fixture{db: mustOpen(tb)}
	for _, v := range []string{"青山村", "河东村", "桥头社区"} {
		must(tb, f.db.AddDictValue(ctx, DictVillage, v))
	}
	f.term = Term{Number: 18, Start: "2021-12-01", Current: true}
	must(tb, f.db.SaveTerm(ctx, &f.term))
	f.group = Group{Name: "第一代表小组", Villages: "青山村、河东村"}
	must(tb, f.db.SaveGroup(ctx, &f.group))
	f.unitA = Unit{Name: "镇城建办", Kind: "镇属部门", Contact: "陈工", Phone: "0571-8888 1234"}
	f.unitB = Unit{Name: "镇农业农村办", Kind: "镇属部门"}
	f.unitC = Unit{Name: "县交通运输局", Kind: "上级部门"}
	for _, u := range []*Unit{&f.unitA, &f.unitB, &f.unitC} {
		must(tb, f.db.SaveUnit(ctx, u))
	}
	f.wang = Deputy{Name: "王建国", Gender: "男", Party: "中共党员", Village: "青山村", Levels: []string{LevelTown, LevelCounty},
		TermID: f.term.ID, GroupID: f.group.ID, Phone: "13812345678", Birth: "1968.05"}
	f.li = Deputy{Name: "李堃", Gender: "男", Levels: []string{LevelTown}, TermID: f.term.ID, GroupID: f.group.ID, Village: "河东村"}
	f.zhao = Deputy{Name: "赵喆", Gender: "女", Levels: []string{LevelTown}, TermID: f.term.ID, Village: "桥头社区"}
	for _, d := range []*Deputy{&f.wang, &f.li, &f.zhao} {
		must(tb, f.db.SaveDeputy(ctx, d))
	}
	f.session = Meeting{Kind: MeetingCongress, Title: CongressTitle("青山镇", 18, 3), TermID: f.term.ID, SessionNo: 3, Start: "2024-01-20"}
	must(tb, f.db.SaveMeeting(ctx, &f.session))
	return f
}

// item registers a between-session suggestion led by Wang and returns it.
func (f *fixture) item(tb testing.TB, title string, received Date) Suggestion {
	tb.Helper()
	s := Suggestion{Kind: KindSuggestion, Period: PeriodRecess, Source: "代表提出", LeadDeputyID: f.wang.ID,
		Title: title, Content: title + "。", Category: "城乡建设", Scope: LevelTown, Received: received}
	must(tb, f.db.SaveSuggestion(context.Background(), &s))
	return s
}

// get reloads a suggestion.
func (f *fixture) get(tb testing.TB, id int64) Suggestion {
	tb.Helper()
	s, err := f.db.Suggestion(context.Background(), id)
	must(tb, err)
	return s
}

func must(tb testing.TB, err error) {
	tb.Helper()
	if err != nil {
		tb.Fatal(err)
	}
}

// wantErr fails unless err has the code and its message contains every fragment.
func wantErr(tb testing.TB, err error, code string, fragments ...string) {
	tb.Helper()
	if err == nil {
		tb.Fatalf("want error %s %q, got nil", code, fragments)
	}
	if got := ErrorCode(err); got != code {
		tb.Fatalf("want code %q, got %q (%v)", code, got, err)
	}
	for _, f := range fragments {
		if !strings.Contains(ErrorMessage(err), f) {
			tb.Fatalf("message %q does not contain %q", ErrorMessage(err), f)
		}
	}
}
