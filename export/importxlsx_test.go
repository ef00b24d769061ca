package export

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"rendadesk/store"
)

// writeXLSX writes rows (strings, numbers, times …) to the first sheet of a new workbook in dir.
func writeXLSX(t *testing.T, name string, rows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, row := range rows {
		for j, v := range row {
			if v == nil {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := f.SetCellValue("Sheet1", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(t.TempDir(), name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func readSheet(t *testing.T, path string, kind store.ImportKind) store.ImportSheet {
	t.Helper()
	s, err := ReadImportFile(path, kind)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func problemText(ps []store.ImportProblem) string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Message)
	}
	return strings.Join(out, "\n")
}

func TestReadImportFindsHeaderBelowTitleInAnyOrder(t *testing.T) {
	path := writeXLSX(t, "名册.xlsx", [][]any{
		{"青山镇人大代表名册"},
		{"序号", "手机号码", " 姓　名 (必填)", "工作单位及职务", "出生日期", "民族", "层级", "代表小组", "进站联络站", "职务/非职务", "联系人微信"},
		{1, "13812345678", "王　芳", "青山村村委会 主任", "1968.05", "汉", "镇级、县(区)级", "第一小组", "青山村代表联络站", "非职务代表", "wx1"},
		nil,
		{2, nil, "李四", "河东村", "1970年3月", nil, "乡级", nil, nil, "职务代表"},
		{nil, nil, "王建国(示例)"},
		{"制表人：张三"},
	})
	s := readSheet(t, path, store.ImportDeputies)
	if s.HeaderLine != 2 || s.Sheet != "Sheet1" || s.File != "名册.xlsx" {
		t.Fatalf("header at %d in %q of %q", s.HeaderLine, s.Sheet, s.File)
	}
	if got := strings.Join(s.Columns, ","); got != "联系电话,姓名,工作单位及职务,出生年月,民族,代表层级,代表小组,进站,职务代表" {
		t.Fatalf("columns %s", got)
	}
	if strings.Join(s.Ignored, ",") != "联系人微信" {
		t.Fatalf("ignored %v (序号 should pass silently)", s.Ignored)
	}
	if len(s.Rows) != 2 {
		t.Fatalf("%d rows; notes %v", len(s.Rows), s.Notes)
	}
	if strings.Join(s.Notes, "|") != "第6行是模板中的示例，已跳过|第7行只有一格有内容(「制表人：张三」)，不是代表，已跳过" {
		t.Fatalf("notes %v", s.Notes)
	}
	a, b := s.Rows[0], s.Rows[1]
	d := *a.Deputy
	if a.Line != 3 || d.Name != "王芳" || d.Phone != "13812345678" || d.WorkUnit != "青山村村委会" || d.Post != "主任" ||
		d.Birth != "1968-05" || d.Ethnicity != "汉" || !reflect.DeepEqual(d.Levels, []string{"镇级", "县级"}) || d.Official {
		t.Fatalf("row 3 read as %+v", d)
	}
	if !reflect.DeepEqual(a.Names, map[string][]string{"代表小组": {"第一小组"}, "进站": {"青山村代表联络站"}}) {
		t.Fatalf("names %v", a.Names)
	}
	if !a.Given["职务代表"] || !a.Given["职务"] || a.Given["备注"] {
		t.Fatalf("given %v", a.Given)
	}
	if b.Line != 5 || b.Deputy.Birth != "1970-03" || b.Deputy.WorkUnit != "河东村" || b.Given["职务"] || !b.Deputy.Official ||
		!reflect.DeepEqual(b.Deputy.Levels, []string{"镇级"}) {
		t.Fatalf("row 5 read as %+v given %v", b.Deputy, b.Given)
	}
}

func TestImportDateForms(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetRow("Sheet1", "A1", &[]any{"标题", "收到日期", "交办日期"})
	dates := []any{"2024-03-05", "2024.3.5", "2024/3/5", "20240305", "2024年3月5日", "2024-03-05 00:00:00", 45356, time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)}
	for i, v := range dates {
		f.SetCellValue("Sheet1", "A"+strconv.Itoa(i+2), "标题"+strconv.Itoa(i))
		f.SetCellValue("Sheet1", "B"+strconv.Itoa(i+2), v)
	}
	// A date typed in a cell formatted 2024年3月5日 (a built-in Chinese date format) and one in a custom format.
	n := len(dates) + 2
	f.SetCellValue("Sheet1", "A"+strconv.Itoa(n), "标题x")
	f.SetCellFloat("Sheet1", "B"+strconv.Itoa(n), 45356, -1, 64)
	st, _ := f.NewStyle(&excelize.Style{NumFmt: 31})
	f.SetCellStyle("Sheet1", "B"+strconv.Itoa(n), "B"+strconv.Itoa(n), st)
	custom := "yyyy/m/d;@"
	st2, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &custom})
	f.SetCellValue("Sheet1", "A"+strconv.Itoa(n+1), "标题y")
	f.SetCellFloat("Sheet1", "B"+strconv.Itoa(n+1), 45356, -1, 64)
	f.SetCellStyle("Sheet1", "B"+strconv.Itoa(n+1), "B"+strconv.Itoa(n+1), st2)
	path := filepath.Join(t.TempDir(), "dates.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	s := readSheet(t, path, store.ImportSuggestions)
	if len(s.Rows) != len(dates)+2 {
		t.Fatalf("%d rows", len(s.Rows))
	}
	for _, r := range s.Rows {
		if r.Suggestion.Received != "2024-03-05" || len(r.Problems) > 0 {
			t.Errorf("line %d: %q %v", r.Line, r.Suggestion.Received, problemText(r.Problems))
		}
	}
}

// A workbook saved with the 1904 date system (older Mac Excel) counts serial dates from 1904-01-01: the same
// day is a number 1 462 smaller, and must not come in four years early.
func TestImportDate1904(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	yes := true
	if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
		t.Fatal(err)
	}
	f.SetSheetRow("Sheet1", "A1", &[]any{"标题", "收到日期"})
	f.SetCellValue("Sheet1", "A2", "标题")
	f.SetCellFloat("Sheet1", "B2", 45356-1462, -1, 64) // 2024-03-05
	st, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	f.SetCellStyle("Sheet1", "B2", "B2", st)
	path := filepath.Join(t.TempDir(), "d1904.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	s := readSheet(t, path, store.ImportSuggestions)
	if len(s.Rows) != 1 || s.Rows[0].Suggestion.Received != "2024-03-05" {
		t.Fatalf("rows %+v", s.Rows)
	}
}

func TestImportYearMonthForms(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetRow("Sheet1", "A1", &[]any{"姓名", "出生年月"})
	forms := []any{"1968.05", "1968-05", "1968/5", "1968年5月", "1968年5月3日", "196805", 1968.05, time.Date(1968, 5, 3, 0, 0, 0, 0, time.UTC)}
	for i, v := range forms {
		f.SetCellValue("Sheet1", "A"+strconv.Itoa(i+2), "代表"+strconv.Itoa(i))
		f.SetCellValue("Sheet1", "B"+strconv.Itoa(i+2), v)
	}
	n := len(forms) + 2
	f.SetSheetRow("Sheet1", "A"+strconv.Itoa(n), &[]any{"十月", 1968.1})     // Excel keeps 1968.10 as 1968.1
	f.SetSheetRow("Sheet1", "A"+strconv.Itoa(n+1), &[]any{"一月", "1968.1"}) // text: January, as written
	path := filepath.Join(t.TempDir(), "births.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	s := readSheet(t, path, store.ImportDeputies)
	for _, r := range s.Rows[:len(forms)] {
		if r.Deputy.Birth != "1968-05" || len(r.Problems) > 0 {
			t.Errorf("line %d: %q %v", r.Line, r.Deputy.Birth, problemText(r.Problems))
		}
	}
	oct, jan := s.Rows[len(forms)], s.Rows[len(forms)+1]
	if oct.Deputy.Birth != "1968-01" || problemText(oct.Problems) != "第10行「出生年月」：「1968.1」已按1968年1月导入；如是10月，请写成1968.10并把单元格设为文本" ||
		!oct.Problems[0].Warning {
		t.Fatalf("1968.1 as a number: %q %v", oct.Deputy.Birth, problemText(oct.Problems))
	}
	if jan.Deputy.Birth != "1968-01" || len(jan.Problems) > 0 {
		t.Fatalf("1968.1 as text: %q %v", jan.Deputy.Birth, problemText(jan.Problems))
	}
}

// importDB is a database with a term, a group, two villages, a unit and a deputy, for end-to-end imports.
func importDB(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.Now = func() time.Time { return time.Date(2024, 12, 31, 10, 0, 0, 0, time.Local) }
	ctx := context.Background()
	for _, v := range []string{"青山村", "河东村"} {
		if err := db.AddDictValue(ctx, store.DictVillage, v); err != nil {
			t.Fatal(err)
		}
	}
	term := store.Term{Number: 18, Start: "2021-12-01", Current: true}
	g := store.Group{Name: "第一代表小组"}
	u := store.Unit{Name: "镇城建办", Kind: "镇属部门"}
	for _, err := range []error{db.SaveTerm(ctx, &term), db.SaveGroup(ctx, &g), db.SaveUnit(ctx, &u)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	w := store.Deputy{Name: "王建国", Birth: "1968-05", Levels: []string{store.LevelTown}, TermID: term.ID, GroupID: g.ID}
	if err := db.SaveDeputy(ctx, &w); err != nil {
		t.Fatal(err)
	}
	s := store.Suggestion{Kind: store.KindSuggestion, Period: store.PeriodRecess, Source: "代表提出", LeadDeputyID: w.ID,
		Title: "关于修缮村道的建议", Category: "城乡建设", Scope: store.LevelTown, Received: "2024-03-01"}
	if err := db.SaveSuggestion(ctx, &s); err != nil { // 2024-001
		t.Fatal(err)
	}
	return db
}

// TestImportBadInputMessages pins the message a clerk sees for each kind of bad input (SPEC §10).
func TestImportBadInputMessages(t *testing.T) {
	db := importDB(t)
	ctx := context.Background()
	header := []any{"编号", "标题", "领衔代表", "类别", "涉及层面", "收到日期"}
	rowsOf := func(rows ...[]any) [][]any { return append([][]any{{"建议导入"}, header}, rows...) }
	for _, c := range []struct {
		name string
		rows [][]any
		want string
	}{
		{"月份不存在", rowsOf([]any{"", "关于路灯的建议", "王建国", "城乡建设", "镇级", "2024-13-01"}),
			"第3行「收到日期」：「2024-13-01」的月份应在1到12之间"},
		{"日子不存在", rowsOf([]any{"", "关于路灯的建议", "王建国", "城乡建设", "镇级", "2024年2月30日"}),
			"第3行「收到日期」：「2024年2月30日」不存在(2024年2月没有30日)"},
		{"字典里没有", rowsOf([]any{"", "关于路灯的建议", "王建国", "水利", "镇级", "2024-03-05"}),
			"第3行「类别」：「水利」不在建议类别字典中，请先在设置中添加"},
		{"文件内编号重复", rowsOf([]any{"2024-050", "关于路灯的建议", "王建国", "城乡建设", "镇级", "2024-03-05"},
			[]any{"2024-050", "关于垃圾的建议", "王建国", "城乡建设", "镇级", "2024-03-06"}),
			"第4行「编号」：「2024-050」与第3行重复"},
		{"编号已被使用", rowsOf([]any{"2024-001", "关于路灯的建议", "王建国", "城乡建设", "镇级", "2024-03-05"}),
			"第3行「编号」：「2024-001」已被另一件建议「关于修缮村道的建议」使用；请改用其他编号，或清空编号由系统自动编号"},
		{"标题一万字", rowsOf([]any{"", strings.Repeat("路", 10000), "王建国", "城乡建设", "镇级", "2024-03-05"}),
			"第3行「标题」不能超过200个字(现有10000个)"},
		{"领衔代表不存在", rowsOf([]any{"", "关于路灯的建议", "王小二", "城乡建设", "镇级", "2024-03-05"}),
			"第3行「领衔代表」：代表「王小二」不存在"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := readSheet(t, writeXLSX(t, "建议.xlsx", c.rows), store.ImportSuggestions)
			p, err := db.PlanImport(ctx, s)
			if err != nil {
				t.Fatal(err)
			}
			if got := problemText(p.Problems(store.ImportChoice{})); got != c.want {
				t.Fatalf("got  %s\nwant %s", got, c.want)
			}
			if _, err := db.ApplyImport(ctx, p, store.ImportChoice{}); err == nil {
				t.Fatal("an import with errors was applied")
			}
			if _, n, _ := db.Suggestions(ctx, store.SuggestionFilter{}); n != 1 {
				t.Fatalf("%d suggestions after a refused import", n)
			}
		})
	}
	// Dictionary values of deputies too, with the form's own words.
	s := readSheet(t, writeXLSX(t, "代表.xlsx", [][]any{{"姓名", "民族", "政治面貌"}, {"张三", "苗苗族", "党员"}}), store.ImportDeputies)
	p, err := db.PlanImport(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	if got := problemText(p.Problems(store.ImportChoice{})); got != "第2行「民族」：「苗苗族」不在民族字典中，请先在设置中添加" {
		t.Fatalf("got %s", got)
	}
	if p.Rows[0].Deputy.Party != "中共党员" {
		t.Fatalf("党员 read as %q", p.Rows[0].Deputy.Party)
	}
}

// TestImportBrokenFiles: each broken file gives one Chinese message naming the file.
func TestImportBrokenFiles(t *testing.T) {
	dir := t.TempDir()
	good := writeXLSX(t, "好.xlsx", [][]any{{"姓名"}, {"张三"}})
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	emptySheet := writeXLSX(t, "空表.xlsx", nil)
	noHeader := writeXLSX(t, "无表头.xlsx", [][]any{{"张三", "男", "1968.05"}, {"李四", "女", "1970.01"}})
	noKey := writeXLSX(t, "缺姓名.xlsx", [][]any{{"性别", "民族"}, {"男", "汉族"}})
	onlyHeader := writeXLSX(t, "只有表头.xlsx", [][]any{{"代表名册"}, {"姓名", "性别"}})
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, c := range []struct {
		path, want string
	}{
		{write("名册.xlsx", []byte("姓名,性别,民族\n张三,男,汉族\n")),
			"文件「名册.xlsx」实际上是文本(CSV)文件，不是 Excel 工作簿；请用 Excel 打开后「另存为」Excel 工作簿(.xlsx)再导入"},
		{write("截断.xlsx", data[:len(data)/2]),
			"文件「截断.xlsx」已损坏或不完整(可能没有复制完)，无法读取；请在 Excel 中打开后重新保存再导入"},
		{write("零字节.xlsx", nil), "文件「零字节.xlsx」是空的(0字节)"},
		{write("旧版.xlsx", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...)),
			"文件「旧版.xlsx」是旧版 Excel(.xls)文件或设置了密码；请在 Excel 中「另存为」Excel 工作簿(.xlsx)并取消密码后再导入"},
		{write("图片.xlsx", []byte{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0}), "文件「图片.xlsx」不是 Excel 工作簿(.xlsx)，无法导入"},
		{emptySheet, "文件「空表.xlsx」是空的，没有任何内容"},
		{noHeader, "文件「无表头.xlsx」的工作表「Sheet1」中找不到表头：前30行里没有「姓名」「性别」「民族」「出生年月」等栏目名称；请对照模板(可在导入窗口「下载模板」)修改表头"},
		{noKey, "文件「缺姓名.xlsx」的表头(第1行)中没有「姓名」栏，无法导入代表"},
		{onlyHeader, "文件「只有表头.xlsx」的表头(第2行)下面没有代表数据"},
		{filepath.Join(dir, "不存在.xlsx"), "找不到文件「不存在.xlsx」"},
	} {
		_, err := ReadImportFile(c.path, store.ImportDeputies)
		if err == nil || err.Error() != c.want {
			t.Errorf("%s:\n got  %v\n want %s", filepath.Base(c.path), err, c.want)
		}
	}
}

func TestImportColumnsUseStoreLabels(t *testing.T) {
	extra := map[string]bool{"工作单位及职务": true, "主办单位": true, "协办单位": true, "交办日期": true, "办理时限": true}
	for _, k := range store.ImportKinds {
		var typ reflect.Type
		switch k {
		case store.ImportDeputies:
			typ = reflect.TypeOf(store.Deputy{})
		case store.ImportStations:
			typ = reflect.TypeOf(store.Station{})
		case store.ImportRectifications:
			typ = reflect.TypeOf(store.Rectification{})
		case store.ImportEvalTargets:
			typ = reflect.TypeOf(store.EvalTarget{})
		case store.ImportPetitions:
			typ = reflect.TypeOf(store.Petition{})
		case store.ImportDistricts:
			typ = reflect.TypeOf(store.District{})
		case store.ImportArticles: // issue 22 part 6
			typ = reflect.TypeOf(store.Article{})
		default:
			typ = reflect.TypeOf(store.Suggestion{})
		}
		labels := map[string]bool{}
		for i := 0; i < typ.NumField(); i++ {
			labels[typ.Field(i).Tag.Get("label")] = true
		}
		seen := map[string]string{}
		for _, c := range importColumns(k) {
			if !labels[c.label] && !extra[c.label] && !strings.Contains(strings.Join(store.SixHaves, ","), c.label) {
				if _, handling := petitionHandling[c.label]; !(handling && k == store.ImportPetitions) {
					t.Errorf("%s: column %q is no label of %s", k, c.label, typ.Name())
				}
			}
			for _, h := range append([]string{c.label}, c.aliases...) {
				if other, dup := seen[normHeader(h)]; dup {
					t.Errorf("%s: header %q names both %s and %s", k, h, other, c.label)
				}
				seen[normHeader(h)] = c.label
			}
		}
	}
}

func TestImportTemplate(t *testing.T) {
	db := importDB(t)
	ctx := context.Background()
	for _, k := range store.ImportKinds {
		lists, err := db.ImportLists(ctx, k)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), TemplateName(k))
		if err := ImportTemplate(path, k, lists); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		sheet := templateSheet(k)
		title, _ := f.GetCellValue(sheet, "A1")
		rows, _ := f.GetRows(sheet)
		first := strings.Join(rows[2], " ")
		dvs, _ := f.GetDataValidations(sheet)
		visible, _ := f.GetSheetVisible(listSheet)
		if title != templateTitle(k) || !strings.Contains(first, keyColumn(k)+"(必填)") || len(dvs) < 3 || visible {
			t.Fatalf("%s template: title %q, headers %q, %d validations, list sheet visible %v", k, title, first, len(dvs), visible)
		}
		// The template as downloaded has only the example: nothing to import, and the example is never imported.
		if _, err := ReadImportFile(path, k); err == nil || !strings.Contains(err.Error(), "下面没有"+k.Label()+"数据") {
			t.Fatalf("%s: the bare template read as %v", k, err)
		}
		f.Close()
	}
	// A filled template imports: the clerk types a row under the example.
	lists, _ := db.ImportLists(ctx, store.ImportDeputies)
	path := filepath.Join(t.TempDir(), "代表.xlsx")
	if err := ImportTemplate(path, store.ImportDeputies, lists); err != nil {
		t.Fatal(err)
	}
	f, _ := excelize.OpenFile(path)
	f.SetSheetRow("代表导入", "A5", &[]any{"张三", "男", "汉族", "1975.10"})
	f.SetCellValue("代表导入", "M5", "第一代表小组") // the 13th column
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	s := readSheet(t, path, store.ImportDeputies)
	if len(s.Rows) != 1 || s.Rows[0].Deputy.Birth != "1975-10" || s.Rows[0].Names["代表小组"][0] != "第一代表小组" || s.HeaderLine != 3 {
		t.Fatalf("filled template read as %+v (notes %v)", s, s.Notes)
	}
	p, err := db.PlanImport(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	if n := p.Counts(store.ImportChoice{}); n.New != 1 || n.Error != 0 {
		t.Fatalf("counts %+v %s", n, problemText(p.Problems(store.ImportChoice{})))
	}
}

func TestSplitValues(t *testing.T) {
	for in, want := range map[string]string{
		"镇级、县级":          "镇级|县级",
		"张三，李四;王五":       "张三|李四|王五",
		"张三 李四":          "张三|李四",
		"王　芳":            "王芳",
		"王 芳、李  四":       "王芳|李四",
		"村(社区)干部/妇女代表":   "村(社区)干部|妇女代表",
		"张伟(第一代表小组)\n李四": "张伟(第一代表小组)|李四",
	} {
		if got := strings.Join(splitValues(in), "|"); got != want {
			t.Errorf("splitValues(%q) = %q, want %q", in, got, want)
		}
	}
}
