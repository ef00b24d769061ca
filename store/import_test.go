package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// deputyRow builds an import row of a deputy as export would read it; given lists the labels filled.
func deputyRow(line int, d Deputy, names map[string][]string, given ...string) ImportRow {
	r := ImportRow{Line: line, Deputy: &d, Given: map[string]bool{}, Names: names}
	for _, g := range given {
		r.Given[g] = true
	}
	if r.Names == nil {
		r.Names = map[string][]string{}
	}
	return r
}

func plan(tb testing.TB, db *DB, sheet ImportSheet) *ImportPlan {
	tb.Helper()
	if sheet.File == "" {
		sheet.File = "测试.xlsx"
	}
	p, err := db.PlanImport(context.Background(), sheet)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// messages returns the problem sentences of a plan under a choice.
func messages(p *ImportPlan, c ImportChoice) []string {
	var out []string
	for _, x := range p.Problems(c) {
		out = append(out, x.Message)
	}
	return out
}

func countRows(tb testing.TB, db *DB, table string) int {
	tb.Helper()
	var n int
	if err := db.SQL().QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return n
}

func TestRowProblem(t *testing.T) {
	for _, c := range []struct {
		field, detail, want string
	}{
		{"姓名", "姓名不能为空", "第5行「姓名」不能为空"},
		{"出生年月", "「1968.13」的月份应在1到12之间", "第5行「出生年月」：「1968.13」的月份应在1到12之间"},
		{"民族", "民族「苗苗族」不在民族字典中，请先在设置中添加", "第5行「民族」：「苗苗族」不在民族字典中，请先在设置中添加"},
		{"收到日期", "收到日期(2025年1月1日)不能晚于今天", "第5行「收到日期」(2025年1月1日)不能晚于今天"},
		{"人代会", "人代会期间提出的建议必须选择是哪次会议", "第5行「人代会」：人代会期间提出的建议必须选择是哪次会议"},
		{"", "保存失败", "第5行：保存失败"},
	} {
		if got := RowProblem(5, c.field, c.detail, false).Message; got != c.want {
			t.Errorf("RowProblem(%q, %q) = %q, want %q", c.field, c.detail, got, c.want)
		}
	}
}

func TestParseChineseInt(t *testing.T) {
	for s, want := range map[string]int{"18": 18, "十八": 18, "十": 10, "三": 3, "二十一": 21, "一百零五": 105, "两": 2} {
		if n, ok := parseChineseInt(s); !ok || n != want {
			t.Errorf("parseChineseInt(%q) = %d, %v", s, n, ok)
		}
	}
	for _, s := range []string{"", "一二", "x", "十八届"} {
		if _, ok := parseChineseInt(s); ok {
			t.Errorf("parseChineseInt(%q) accepted", s)
		}
	}
}

func TestImportDeputiesNewAndUpdate(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	sheet := ImportSheet{Kind: ImportDeputies, Columns: []string{"姓名", "出生年月", "联系电话", "代表小组", "民族", "代表层级"}, Rows: []ImportRow{
		deputyRow(3, Deputy{Name: "张三", Birth: "1975-03", Ethnicity: "汉", Levels: []string{LevelTown}},
			map[string][]string{"代表小组": {"第一小组"}}, "姓名", "出生年月", "民族", "代表层级"),
		deputyRow(4, Deputy{Name: "王建国", Birth: "1968-05", Phone: "13900001111"}, nil, "姓名", "出生年月", "联系电话"),
	}}
	p := plan(t, f.db, sheet)
	skip, update := ImportChoice{}, ImportChoice{Duplicates: ImportUpdate}
	if n := p.Counts(skip); n.New != 1 || n.Skip != 1 || n.Error != 0 {
		t.Fatalf("skip counts %+v; problems %v", n, messages(p, skip))
	}
	if n := p.Counts(update); n.String() != "新增 1、更新 1、跳过 0、错误 0" {
		t.Fatalf("update counts %s", n)
	}
	if p.Rows[1].ExistingID != f.wang.ID || p.Rows[1].Match != "姓名和出生年月相同" {
		t.Fatalf("王建国 matched %d (%s)", p.Rows[1].ExistingID, p.Rows[1].Match)
	}
	if p.Rows[1].Changes != "联系电话: 13812345678 → 13900001111" {
		t.Fatalf("changes of 王建国: %q", p.Rows[1].Changes)
	}
	if p.Rows[0].Deputy.GroupID != f.group.ID || p.Rows[0].Deputy.Ethnicity != "汉族" || p.Rows[0].Deputy.TermID != f.term.ID {
		t.Fatalf("张三 resolved to %+v", p.Rows[0].Deputy)
	}
	if countRows(t, f.db, "deputies") != 3 {
		t.Fatal("planning wrote to the database")
	}
	res, err := f.db.ApplyImport(ctx, p, update)
	if err != nil {
		t.Fatal(err)
	}
	if res != (ImportResult{Created: 1, Updated: 1}) {
		t.Fatalf("result %+v", res)
	}
	w, _ := f.db.Deputy(ctx, f.wang.ID)
	if w.Phone != "13900001111" || w.Party != "中共党员" || w.GroupID != f.group.ID || len(w.Levels) != 2 {
		t.Fatalf("the update lost or missed fields: %+v", w)
	}
	hs, _, _ := f.db.History(ctx, HistoryFilter{Entity: "deputy", EntityID: f.wang.ID})
	if len(hs) == 0 || hs[0].Action != ActionUpdate || !strings.Contains(hs[0].Changes, "联系电话:  → 13900001111") && !strings.Contains(hs[0].Changes, "13900001111") {
		t.Fatalf("no history of the update: %+v", hs)
	}
	all, _, _ := f.db.History(ctx, HistoryFilter{Entity: "database"})
	if len(all) == 0 || all[0].Label != "导入代表" || !strings.Contains(all[0].Changes, "新增 1、更新 1、跳过 0") {
		t.Fatalf("no history entry for the import: %+v", all)
	}
}

func TestImportErrorsWriteNothing(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	sheet := ImportSheet{Kind: ImportDeputies, Columns: []string{"姓名", "民族", "代表小组"}, Rows: []ImportRow{
		deputyRow(3, Deputy{Name: "张三", Ethnicity: "苗苗族"}, nil, "姓名", "民族"),
		deputyRow(4, Deputy{Name: "李四"}, map[string][]string{"代表小组": {"第九小组"}}, "姓名"),
		deputyRow(5, Deputy{Name: "赵六", Levels: []string{"乡级人大"}}, nil, "姓名", "代表层级"),
		deputyRow(6, Deputy{Name: "孙七"}, nil, "姓名"),
	}}
	p := plan(t, f.db, sheet)
	got := messages(p, ImportChoice{})
	want := []string{
		"第3行「民族」：「苗苗族」不在民族字典中，请先在设置中添加",
		"第4行「代表小组」：「第九小组」不存在(现有：第一代表小组)；请改正，或先在设置中添加这个小组",
		"第5行「代表层级」：「乡级人大」无效，应为镇级、县级、市级、省级、全国之一",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The plan's message is the form's message with the row in front.
	d := Deputy{Name: "张三", Ethnicity: "苗苗族", Levels: []string{LevelTown}}
	if err := f.db.SaveDeputy(ctx, &d); err == nil || "第3行「民族」："+strings.TrimPrefix(err.Error(), "民族") != want[0] {
		t.Fatalf("the form says %v", err)
	}
	if n := p.Counts(ImportChoice{}); n.Error != 3 || n.New != 1 {
		t.Fatalf("counts %+v", n)
	}
	before := countRows(t, f.db, "history")
	if _, err := f.db.ApplyImport(ctx, p, ImportChoice{}); err == nil || err.Error() != "有3行错误，未导入任何代表；请改正文件后重新导入" {
		t.Fatalf("apply with errors: %v", err)
	}
	if countRows(t, f.db, "deputies") != 3 || countRows(t, f.db, "history") != before {
		t.Fatal("an import with errors wrote something")
	}
}

func TestImportDeputyDuplicatesInFile(t *testing.T) {
	f := newFixture(t)
	sheet := ImportSheet{Kind: ImportDeputies, Rows: []ImportRow{
		deputyRow(3, Deputy{Name: "张三", Birth: "1975-03"}, nil, "姓名", "出生年月"),
		deputyRow(4, Deputy{Name: "张三", Birth: "1980-01"}, nil, "姓名", "出生年月"), // a namesake
		deputyRow(5, Deputy{Name: "张三"}, nil, "姓名"),
		deputyRow(6, Deputy{Name: "李堃"}, nil, "姓名"),
		deputyRow(7, Deputy{Name: "李堃", Phone: "13800000000"}, nil, "姓名", "联系电话"),
	}}
	p := plan(t, f.db, sheet)
	got := strings.Join(messages(p, ImportChoice{Duplicates: ImportUpdate}), "\n")
	want := "第5行「姓名」：「张三」与第3行重复；如确是两位同名代表，请分别填写出生年月\n" +
		"第7行「姓名」：「李堃」与第6行重复；如确是两位同名代表，请分别填写出生年月"
	if got != want {
		t.Fatalf("problems:\n%s", got)
	}
	if p.Rows[3].ExistingID != f.li.ID || p.Rows[3].Match != "同名" {
		t.Fatalf("李堃 matched %d %q", p.Rows[3].ExistingID, p.Rows[3].Match)
	}
}

func TestImportStations(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	old := Station{Name: "青山村代表联络站", Type: "代表联络站", Village: "青山村", Address: "村委会二楼", Haves: [6]bool{true, true}}
	must(t, f.db.SaveStation(ctx, &old))
	upd := Station{Name: "青山村代表联络站", Haves: [6]bool{2: true, 3: false}}
	neu := Station{Name: "河东村代表联系点", Type: "代表联系点", Village: "河东", Stars: 3}
	sheet := ImportSheet{Kind: ImportStations, Rows: []ImportRow{
		{Line: 3, Station: &upd, Given: map[string]bool{"名称": true, "六个有·代表信息": true, "六个有·健全制度": true},
			Names: map[string][]string{"进站代表": {"王建国", "李堃(第一代表小组)", "无此人"}}},
		{Line: 4, Station: &neu, Given: map[string]bool{"名称": true, "类型": true, "所在村(居)": true, "星级": true}},
	}}
	p := plan(t, f.db, sheet)
	c := ImportChoice{Duplicates: ImportUpdate}
	if got := strings.Join(messages(p, c), "\n"); got != "第4行「所在村(居)」：「河东」不在村(居)字典中，请先在设置中添加\n第3行「进站代表」：代表「无此人」不存在，未设置" {
		t.Fatalf("problems:\n%s", got)
	}
	sheet.Rows[1].Station.Village = "河东村"
	p = plan(t, f.db, sheet)
	if _, err := f.db.ApplyImport(ctx, p, c); err != nil {
		t.Fatal(err)
	}
	if got := p.Rows[0].Changes; got != "六个有: 是、是、否、否、否、否 → 是、是、是、否、否、否\n进站代表: (空) → 王建国、李堃" {
		t.Fatalf("changes of the station: %q", got)
	}
	s, _ := f.db.Station(ctx, old.ID)
	if s.Haves != [6]bool{true, true, true, false, false, false} || s.Address != "村委会二楼" || len(s.DeputyIDs) != 2 {
		t.Fatalf("merged station %+v", s)
	}
	if _, n, _ := f.db.Stations(ctx, StationFilter{}); n != 2 {
		t.Fatalf("%d stations", n)
	}
}

// suggestionRow builds an import row of a deputy's suggestion led by 王建国.
func suggestionRow(line int, number, title string, received Date) ImportRow {
	s := Suggestion{Number: number, Title: title, Category: "城乡建设", Scope: LevelTown, Received: received}
	return ImportRow{Line: line, Suggestion: &s,
		Given: map[string]bool{"编号": number != "", "标题": true, "类别": true, "涉及层面": true, "收到日期": true},
		Names: map[string][]string{"领衔代表": {"王建国"}}}
}

func TestImportSuggestionNumbers(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	existing := f.item(t, "关于修缮村道的建议", "2024-03-01") // numbered 2024-001
	sheet := ImportSheet{Kind: ImportSuggestions, Columns: []string{"编号", "标题", "领衔代表", "类别", "涉及层面", "收到日期"}, Rows: []ImportRow{
		suggestionRow(3, "2024-001", "关于增设路灯的建议", "2024-04-01"),
		suggestionRow(4, "2024-010", "关于整治河道的建议", "2024-04-02"),
		suggestionRow(5, "2024-010", "关于整治垃圾的建议", "2024-04-03"),
		suggestionRow(6, "", "关于修缮村道的建议", "2024-03-01"), // the existing item, without its number
		suggestionRow(7, "", "关于新建公园的建议", "2024-05-01"),
	}}
	p := plan(t, f.db, sheet)
	c := ImportChoice{Duplicates: ImportUpdate}
	got := strings.Join(messages(p, c), "\n")
	want := "第3行「编号」：「2024-001」已被另一件建议「关于修缮村道的建议」使用；请改用其他编号，或清空编号由系统自动编号\n" +
		"第5行「编号」：「2024-010」与第4行重复"
	if got != want {
		t.Fatalf("problems:\n%s\nwant:\n%s", got, want)
	}
	if p.Rows[3].ExistingID != existing.ID || p.Rows[3].Match != "标题、提出人和收到日期相同" {
		t.Fatalf("row 6 matched %d %q", p.Rows[3].ExistingID, p.Rows[3].Match)
	}
	// Without the two bad rows, the rest goes in; the new item without a number is numbered after 2024-010.
	sheet.Rows = []ImportRow{sheet.Rows[1], sheet.Rows[3], sheet.Rows[4]}
	p = plan(t, f.db, sheet)
	res, err := f.db.ApplyImport(ctx, p, c)
	if err != nil {
		t.Fatal(err)
	}
	if res != (ImportResult{Created: 2, Updated: 1}) {
		t.Fatalf("result %+v", res)
	}
	items, _, _ := f.db.Suggestions(ctx, SuggestionFilter{Sort: "number"})
	var nums []string
	for _, s := range items {
		nums = append(nums, s.Number+" "+s.Title)
	}
	if strings.Join(nums, "|") != "2024-001 关于修缮村道的建议|2024-010 关于整治河道的建议|2024-011 关于新建公园的建议" {
		t.Fatalf("numbers %v", nums)
	}
	// The search finds what was imported (its rows are written once, at the end of the import), by three
	// characters and more (trigram) and by one or two (the gram index), and the updated item once.
	for q, want := range map[string]int{"新建公园": 1, "河道": 1, "园": 1, "修缮村道": 1, "王建国": 3, "2024-011": 1} {
		if _, n, err := f.db.Suggestions(ctx, SuggestionFilter{Query: q}); err != nil || n != want {
			t.Errorf("search %q: %d items %v, want %d", q, n, err, want)
		}
	}
	// The same number and title again is the same item: an update or a skip, never an error.
	p = plan(t, f.db, ImportSheet{Kind: ImportSuggestions, Rows: []ImportRow{suggestionRow(3, "2024-010", "关于整治河道的建议", "2024-04-02")}})
	if n := p.Counts(ImportChoice{}); n.Skip != 1 || n.Error != 0 {
		t.Fatalf("counts %+v %v", n, messages(p, ImportChoice{}))
	}
}

func TestImportSuggestionDefaultsAndAssignment(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	r := suggestionRow(3, "", "关于修缮村道的建议", "2024-03-01")
	r.Names["人代会"] = []string{"十八届三次"}
	r.Names["主办单位"] = []string{"镇城建办"}
	r.Names["协办单位"] = []string{"镇农业农村办"}
	r.Suggestion.Assigned = "2024-03-05"
	r.Given["交办日期"] = true
	voter := Suggestion{Title: "关于增设公交站的建议", VoterName: "陈大爷", Category: "城乡建设", Scope: LevelVillage, Received: "2024-06-01"}
	rv := ImportRow{Line: 4, Suggestion: &voter, Given: map[string]bool{"标题": true, "选民姓名": true, "类别": true, "涉及层面": true, "收到日期": true},
		Names: map[string][]string{"来源联络站": {"不存在的站"}}}
	sheet := ImportSheet{Kind: ImportSuggestions, Columns: []string{"标题", "类型"}, Rows: []ImportRow{r, rv}}
	p := plan(t, f.db, sheet)
	got := strings.Join(messages(p, ImportChoice{}), "\n")
	want := "第4行「来源联络站」：联络站「不存在的站」不存在\n" +
		"第3行「类型」未填写，按「建议、批评和意见」导入\n第4行「类型」未填写，按「选民意见建议」导入"
	if got != want {
		t.Fatalf("problems:\n%s\nwant:\n%s", got, want)
	}
	delete(sheet.Rows[1].Names, "来源联络站")
	p = plan(t, f.db, sheet)
	if _, err := f.db.ApplyImport(ctx, p, ImportChoice{}); err != nil {
		t.Fatal(err)
	}
	items, _, _ := f.db.Suggestions(ctx, SuggestionFilter{Sort: "received"})
	a, v := items[0], items[1]
	if a.Period != PeriodSession || a.SessionID != f.session.ID || a.State != StateHandling || a.MainUnitID != f.unitA.ID ||
		a.Deadline != "2024-06-05" || len(a.AssistUnitIDs) != 1 || a.Source != "代表提出" {
		t.Fatalf("assigned item %+v", a)
	}
	if v.Kind != KindVoter || v.Source != "家站点(选民)" || v.Period != PeriodRecess || v.State != StatePending {
		t.Fatalf("voter item %+v", v)
	}
}

func TestImportSuggestionBadInput(t *testing.T) {
	f := newFixture(t)
	long := suggestionRow(3, "", strings.Repeat("长", 10000), "2024-03-01")
	future := suggestionRow(4, "", "关于明年的建议", "2025-02-01")
	cat := suggestionRow(5, "", "关于分类的建议", "2024-03-01")
	cat.Suggestion.Category = "水利"
	unit := suggestionRow(6, "", "关于交办的建议", "2024-03-01")
	unit.Names["主办单位"] = []string{"镇水利站"}
	unit.Suggestion.Assigned = "2024-03-02"
	unit.Given["交办日期"] = true
	noDate := suggestionRow(7, "", "关于没有交办日期的建议", "2024-03-01")
	noDate.Names["主办单位"] = []string{"镇城建办"}
	early := suggestionRow(8, "", "关于先交办后收到的建议", "2024-03-01")
	early.Names["主办单位"] = []string{"镇城建办"}
	early.Suggestion.Assigned = "2024-02-01"
	early.Given["交办日期"] = true
	p := plan(t, f.db, ImportSheet{Kind: ImportSuggestions, Rows: []ImportRow{long, future, cat, unit, noDate, early}})
	got := strings.Join(messages(p, ImportChoice{}), "\n")
	want := strings.Join([]string{
		"第3行「标题」不能超过200个字(现有10000个)",
		"第4行「收到日期」(2025年2月1日)不能晚于今天",
		"第5行「类别」：「水利」不在建议类别字典中，请先在设置中添加",
		"第6行「主办单位」：「镇水利站」不存在，请先在设置的「承办单位」中添加",
		"第7行「交办日期」：填写了主办单位时不能为空",
		"第8行「交办日期」(2024年2月1日)不能早于收到日期(2024年3月1日)",
	}, "\n")
	if got != want {
		t.Fatalf("problems:\n%s\nwant:\n%s", got, want)
	}
	if countRows(t, f.db, "suggestions") != 0 || countRows(t, f.db, "suggestion_steps") != 0 {
		t.Fatal("the trial run was not rolled back")
	}
}

func TestImportApplyRefusesWhatChangedSincePlan(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	g := Group{Name: "第二代表小组"}
	must(t, f.db.SaveGroup(ctx, &g))
	sheet := ImportSheet{Kind: ImportDeputies, Rows: []ImportRow{
		deputyRow(3, Deputy{Name: "张三"}, nil, "姓名"),
		deputyRow(4, Deputy{Name: "李四"}, map[string][]string{"代表小组": {"第二代表小组"}}, "姓名"),
	}}
	p := plan(t, f.db, sheet)
	if n := p.Counts(ImportChoice{}); n.New != 2 {
		t.Fatalf("counts %+v %v", n, messages(p, ImportChoice{}))
	}
	must(t, f.db.DeleteGroup(ctx, g.ID))
	_, err := f.db.ApplyImport(ctx, p, ImportChoice{})
	if err == nil || !strings.HasPrefix(err.Error(), "第4行「代表小组」") || !strings.HasSuffix(err.Error(), "；全部未导入") {
		t.Fatalf("apply after the group was deleted: %v", err)
	}
	if countRows(t, f.db, "deputies") != 3 {
		t.Fatal("row 3 was written although row 4 failed")
	}
}

func TestImportRowChoiceOverridesPlanChoice(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	sheet := ImportSheet{Kind: ImportDeputies, Rows: []ImportRow{
		deputyRow(3, Deputy{Name: "王建国", Phone: "13900001111"}, nil, "姓名", "联系电话"),
		deputyRow(4, Deputy{Name: "李堃", Phone: "13900002222"}, nil, "姓名", "联系电话"),
	}}
	p := plan(t, f.db, sheet)
	c := ImportChoice{Duplicates: ImportUpdate, Rows: map[int]ImportStatus{4: ImportSkip}}
	res, err := f.db.ApplyImport(ctx, p, c)
	if err != nil || res != (ImportResult{Updated: 1, Skipped: 1}) {
		t.Fatalf("%+v %v", res, err)
	}
	li, _ := f.db.Deputy(ctx, f.li.ID)
	if li.Phone != "" {
		t.Fatal("a skipped row was written")
	}
}

func TestImportLists(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	l, err := f.db.ImportLists(ctx, ImportDeputies)
	must(t, err)
	if strings.Join(l["代表小组"], ",") != "第一代表小组" || strings.Join(l["届次"], ",") != "第十八届" || len(l["民族"]) < 10 ||
		strings.Join(l["代表层级"], ",") != "镇级,县级,市级,省级,全国" {
		t.Fatalf("deputy lists %v", l)
	}
	l, err = f.db.ImportLists(ctx, ImportSuggestions)
	must(t, err)
	if strings.Join(l["人代会"], ",") != "十八届三次" || len(l["主办单位"]) != 3 || len(l["领衔代表"]) != 3 {
		t.Fatalf("suggestion lists %v", l)
	}
}

// A name alone does not match a deputy no longer in office: the row is a new deputy, with a warning.
func TestImportNamesakeOfFormerDeputy(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	w := f.wang
	w.Status, w.VacancyDate, w.VacancyReason = DeputyVacant, "2024-06-01", "调离"
	must(t, f.db.SaveDeputy(ctx, &w))
	sheet := ImportSheet{Kind: ImportDeputies, Columns: []string{"姓名"}, Rows: []ImportRow{
		deputyRow(3, Deputy{Name: w.Name}, nil, "姓名"),
	}}
	p := plan(t, f.db, sheet)
	if n := p.Counts(ImportChoice{Duplicates: ImportUpdate}); n.New != 1 || n.Update != 0 || n.Error != 0 {
		t.Fatalf("counts %+v; problems %v", n, messages(p, ImportChoice{}))
	}
	if got := strings.Join(messages(p, ImportChoice{}), "|"); !strings.Contains(got, "不在任") {
		t.Errorf("no warning about the namesake: %q", got)
	}
}

// 「跳过有错误的行」: the rows without errors are written in one transaction with one history entry, the rows
// with errors are left out with their reasons, and a row about another row says what became of it.
func TestImportSkipErrors(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	sheet := ImportSheet{Kind: ImportDeputies, Columns: []string{"姓名", "民族", "出生年月"}, Rows: []ImportRow{
		deputyRow(3, Deputy{Name: "张三", Ethnicity: "苗苗族"}, nil, "姓名", "民族"),
		deputyRow(4, Deputy{Name: "孙七"}, nil, "姓名"),
		deputyRow(5, Deputy{Name: "张三"}, nil, "姓名"), // the same person as row 3, which has an error
		deputyRow(6, Deputy{Name: "周八", Birth: "1970-02"}, nil, "姓名", "出生年月"),
		deputyRow(7, Deputy{Name: "周八", Birth: "1970-02"}, nil, "姓名", "出生年月"), // row 6 again
		deputyRow(8, Deputy{Name: "王建国", Phone: "139"}, nil, "姓名", "联系电话"),    // the fixture's Wang, a bad phone
	}}
	p := plan(t, f.db, sheet)
	choice := ImportChoice{Duplicates: ImportSkip}
	if n := p.Counts(choice); n.Error != 3 || n.New != 2 || n.Skip != 1 {
		t.Fatalf("counts %+v", n)
	}
	// Without the choice, nothing is written.
	if _, err := f.db.ApplyImport(ctx, p, choice); err == nil {
		t.Fatal("an import with errors went through without SkipErrors")
	}
	choice.SkipErrors = true
	rows := p.ErrorRows(choice)
	var got []string
	for _, r := range rows {
		got = append(got, fmt.Sprintf("%d %s", r.Line, r.Reason))
	}
	want := []string{
		"3 「民族」：「苗苗族」不在民族字典中，请先在设置中添加",
		"5 「姓名」：「张三」与第3行重复；如确是两位同名代表，请分别填写出生年月(第3行也有错误，一并未导入)",
		"7 「姓名」：「周八」与第6行重复；如确是两位同名代表，请分别填写出生年月(第6行已导入)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("error rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	deputies, history := countRows(t, f.db, "deputies"), countRows(t, f.db, "history")
	res, err := f.db.ApplyImport(ctx, p, choice)
	must(t, err)
	if res != (ImportResult{Created: 2, Skipped: 1, Failed: 3}) {
		t.Fatalf("result %+v", res)
	}
	if n := countRows(t, f.db, "deputies"); n != deputies+2 {
		t.Errorf("%d deputies, want %d", n, deputies+2)
	}
	var summary string
	must(t, f.db.SQL().QueryRow(`SELECT changes FROM history WHERE entity = 'database' ORDER BY id DESC LIMIT 1`).Scan(&summary))
	if !strings.Contains(summary, "新增 2、更新 0、跳过 1、有错误未导入 3") {
		t.Errorf("history says %q", summary)
	}
	if n := countRows(t, f.db, "history"); n != history+3 { // two deputies and the import
		t.Errorf("%d history entries added, want 3", n-history)
	}
}

// BeginImport checks an import by writing it, in a transaction left open: the preview is PlanImport's (the
// problems found by a save included), Rollback leaves nothing, a backup taken meanwhile holds the database as it
// was, and Commit writes what ApplyImport would, leaving out the rows with errors under SkipErrors. Each row of
// the sheet keeps only its line and cells, what the workbook of the rows left out repeats.
func TestImportBeginAndCommit(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	f.item(t, "关于修缮村道的建议", "2024-03-01")
	rows := func() []ImportRow {
		assigned := suggestionRow(4, "", "关于整治河道的建议", "2024-04-02")
		assigned.Names["主办单位"] = []string{"镇城建办"}
		assigned.Suggestion.Assigned = "2024-04-05"
		assigned.Given["交办日期"] = true
		early := suggestionRow(5, "", "关于先交办后收到的建议", "2024-03-01") // refused by the save, not the planner
		early.Names["主办单位"] = []string{"镇城建办"}
		early.Suggestion.Assigned = "2024-02-01"
		early.Given["交办日期"] = true
		out := []ImportRow{suggestionRow(3, "", "关于增设路灯的建议", "2024-04-01"), assigned, early,
			suggestionRow(6, "", "关于修缮村道的建议", "2024-03-01")} // the item the database has
		for i := range out {
			out[i].Cells = []string{out[i].Suggestion.Title, "王建国"}
		}
		return out
	}
	choice := ImportChoice{Duplicates: ImportSkip}
	want := plan(t, f.db, ImportSheet{Kind: ImportSuggestions, File: "测试.xlsx", Rows: rows()})
	before, history := countRows(t, f.db, "suggestions"), countRows(t, f.db, "history")

	sheet := ImportSheet{Kind: ImportSuggestions, File: "测试.xlsx", Rows: rows()}
	p, err := f.db.BeginImport(ctx, &sheet, choice)
	must(t, err)
	got, w := strings.Join(messages(p.Plan, choice), "\n"), strings.Join(messages(want, choice), "\n")
	if got != w || got != "第5行「交办日期」(2024年2月1日)不能早于收到日期(2024年3月1日)" || p.Plan.Counts(choice) != want.Counts(choice) {
		t.Fatalf("problems:\n%s\nwant:\n%s\ncounts %+v, want %+v", got, w, p.Plan.Counts(choice), want.Counts(choice))
	}
	for i, r := range sheet.Rows {
		if r.Suggestion != nil || r.Given != nil || r.Names != nil || r.Line != 3+i || strings.Join(r.Cells, "|") != strings.Join(rows()[i].Cells, "|") {
			t.Fatalf("row %d of the sheet after planning: %+v", i, r)
		}
	}
	if _, err := p.Commit(ctx); err == nil || !strings.Contains(err.Error(), "有1行错误，未导入任何建议") {
		t.Fatalf("commit with an error and no SkipErrors: %v", err)
	}
	if countRows(t, f.db, "suggestions") != before || countRows(t, f.db, "history") != history {
		t.Fatal("a refused import wrote")
	}

	choice.SkipErrors = true
	sheet = ImportSheet{Kind: ImportSuggestions, File: "测试.xlsx", Rows: rows()}
	p, err = f.db.BeginImport(ctx, &sheet, choice)
	must(t, err)
	defer p.Rollback()
	backup := filepath.Join(t.TempDir(), "导入前.db")
	must(t, f.db.Backup(ctx, backup))
	old, err := Open(backup)
	must(t, err)
	if n := countRows(t, old, "suggestions"); n != before {
		t.Fatalf("the backup taken during the import has %d items, want %d", n, before)
	}
	old.Close()
	res, err := p.Commit(ctx)
	must(t, err)
	if res != (ImportResult{Created: 2, Skipped: 1, Failed: 1}) {
		t.Fatalf("result %+v", res)
	}
	items, _, _ := f.db.Suggestions(ctx, SuggestionFilter{Sort: "number"})
	var titles []string
	for _, s := range items {
		titles = append(titles, s.Number+" "+s.Title+" "+s.State)
	}
	if strings.Join(titles, "|") != "2024-001 关于修缮村道的建议 待交办|2024-002 关于增设路灯的建议 待交办|2024-003 关于整治河道的建议 办理中" {
		t.Fatalf("items %v", titles)
	}
	for q, want := range map[string]int{"增设路灯": 1, "河道": 1, "先交办": 0} {
		if _, n, err := f.db.Suggestions(ctx, SuggestionFilter{Query: q}); err != nil || n != want {
			t.Errorf("search %q: %d items %v, want %d", q, n, err, want)
		}
	}
	var summary string
	must(t, f.db.SQL().QueryRow(`SELECT changes FROM history WHERE entity = 'database' ORDER BY id DESC LIMIT 1`).Scan(&summary))
	if summary != "文件: 测试.xlsx\n新增 2、更新 0、跳过 1、有错误未导入 1" {
		t.Fatalf("history %q", summary)
	}
}

// A failed backup on record is cleared by the backup an import takes while it is pending, inside the import's
// transaction (a second writer would wait for the import and give up), and stays when the import is abandoned.
func TestPendingImportBackupClearsAFailureOnRecord(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	dir := BackupDir(f.db.Path())
	must(t, os.WriteFile(dir, []byte("不是文件夹"), 0o600))
	if _, _, err := f.db.DailyBackup(ctx); err == nil {
		t.Fatal("the daily backup succeeded")
	}
	must(t, os.Remove(dir))
	onRecord := func() bool {
		var n int
		must(t, f.db.SQL().QueryRow(`SELECT count(*) FROM settings WHERE key = ?`, backupFailureKey).Scan(&n))
		return n > 0
	}
	for _, commit := range []bool{false, true} {
		sheet := ImportSheet{Kind: ImportSuggestions, File: "测试.xlsx", Rows: []ImportRow{suggestionRow(3, "", "关于增设路灯的建议", "2024-03-01")}}
		p, err := f.db.BeginImport(ctx, &sheet, ImportChoice{})
		must(t, err)
		if _, err := p.SafetyBackup(ctx, "导入前"); err != nil {
			t.Fatal(err)
		}
		if !commit {
			p.Rollback()
			if !onRecord() {
				t.Fatal("an abandoned import cleared the failure on record")
			}
			continue
		}
		_, err = p.Commit(ctx)
		must(t, err)
		if onRecord() {
			t.Error("the failure is still on record after the import's backup and commit")
		}
		if _, ok, _ := f.db.LastBackupFailure(ctx); ok {
			t.Error("LastBackupFailure still reports it")
		}
	}
}
