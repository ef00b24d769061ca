package export

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"rendadesk/store"
)

// A list of pieces as a clerk keeps it: headers in the clerk's words, the levels in theirs (区级, 省), one row
// with a level the office does not know and one without its outlet; the preview names both rows and fields, and
// the good rows, once written, are counted by level in the workbook's sheet and the printed list.
func TestImportArticles(t *testing.T) {
	db, st := workbookData(t)
	ctx := context.Background()
	path := writeXLSX(t, "2024年宣传稿件.xlsx", [][]any{
		{"2024年度人大宣传稿件登记表"},
		{"序号", "发表日期", "稿件标题", "刊发媒体", "媒体级别", "撰稿人", "稿件类型"},
		{1, "2024-03-05", "镇人大开展代表活动日活动", "县人大网", "区级", "刘芳，王建国", ""},
		{2, "2024年4月1日", "青山镇票决民生实事项目", "省人大网", "省", "刘芳", "人大信息"},
		{3, "2024-05-01", "代表进站接待选民", "村广播", "村级", "刘芳", ""},
		{4, "2024-06-01", "视察人居环境整治", "", "县级", "刘芳", ""},
	})
	s := readSheet(t, path, store.ImportArticles)
	if len(s.Rows) != 4 {
		t.Fatalf("%d rows, notes %v, columns %v", len(s.Rows), s.Notes, s.Columns)
	}
	plan, err := db.PlanImport(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	if c := plan.Counts(store.ImportChoice{}); c.New != 2 || c.Error != 2 {
		t.Fatalf("counts %s", c)
	}
	bad := problemText(append(plan.Rows[2].Errors, plan.Rows[3].Errors...))
	for _, want := range []string{"第5行", "级别", "第6行", "媒体/平台"} {
		if !strings.Contains(bad, want) {
			t.Fatalf("the bad rows' messages lack %q:\n%s", want, bad)
		}
	}
	if _, err := db.ApplyImport(ctx, plan, store.ImportChoice{SkipErrors: true}); err != nil {
		t.Fatal(err)
	}
	// Importing the same list again finds the two pieces already there.
	plan, err = db.PlanImport(ctx, readSheet(t, path, store.ImportArticles))
	if err != nil {
		t.Fatal(err)
	}
	if c := plan.Counts(store.ImportChoice{}); c.New != 0 || c.Skip != 2 {
		t.Fatalf("the same list again: %s", c)
	}

	t.Run("Workbook", func(t *testing.T) {
		x, _ := writeYear(t, db, st, 2024, 1)
		sheet := TableName("TPublicity") + " 宣传信息"
		row := findRow(t, x, sheet, map[int]string{4: "镇人大开展代表活动日活动"})
		if shown, _ := cellOf(t, x, sheet, "B", row); shown != "县级" {
			t.Fatalf("级别 %q", shown)
		}
		if shown, _ := cellOf(t, x, sheet, "G", row); shown != "刘芳、王建国" {
			t.Fatalf("作者 %q", shown)
		}
		rows, err := x.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		all := ""
		for _, r := range rows {
			all += strings.Join(r, "|") + "\n"
		}
		wantIn(t, all, "合计 2 篇：国家级0篇；省级1篇(任务2篇，差1篇)；市级0篇(任务5篇，差5篇)；县级1篇(任务20篇，差19篇)；镇级0篇",
			"发表人大宣传稿件2篇，其中省级1篇、县级1篇(含被采用的人大信息1条)。")
	})
	t.Run("PDF", func(t *testing.T) {
		needPoppler(t)
		f, err := db.Publicity(ctx, "2024-01-01", "2024-12-31")
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(t.TempDir(), "宣传.pdf")
		if err := PublicityList(out, st, 2024, "2024-12-31", f, "2025-01-05"); err != nil {
			t.Fatal(err)
		}
		checkPDF(t, out)
		text := squeeze(pdfText(t, out, "-raw"))
		wantIn(t, text, "青山镇人大主席团2024年度宣传信息统计表", "省级121", "县级12019", "合计2",
			"省级(1篇)", "12024年4月1日青山镇票决民生实事项目省人大网人大信息刘芳", "县级(1篇)", "第1页共2页", "第2页共2页")
	})
	t.Run("ReportText", func(t *testing.T) {
		fig, err := db.YearFigures(ctx, 2024, "")
		if err != nil {
			t.Fatal(err)
		}
		wantIn(t, ReportText(st, fig), "宣传工作方面，镇人大发表人大宣传稿件2篇，其中省级1篇、县级1篇")
	})
}

// An exported list imports again as the same pieces: every row a duplicate, nothing to change.
func TestArticleListRoundTrip(t *testing.T) {
	db, _ := workbookData(t)
	ctx := context.Background()
	for _, a := range []store.Article{
		{Title: "镇人大开展代表活动日活动", Outlet: "县人大网", Level: store.OutletCounty, Date: "2024-03-05", Authors: "刘芳、王建国"},
		{Title: "青山镇票决民生实事项目", Outlet: "省人大网", Level: store.OutletProvince, Date: "2024-04-01", Kind: store.ArticleInfo},
	} {
		if err := db.SaveArticle(ctx, &a); err != nil {
			t.Fatal(err)
		}
	}
	as, err := db.Articles(ctx, store.ArticleFilter{Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	h, rows := ArticleList(as)
	path := filepath.Join(t.TempDir(), "宣传稿件.xlsx")
	if err := ListXLSX(path, "宣传稿件", h, rows); err != nil {
		t.Fatal(err)
	}
	plan, err := db.PlanImport(ctx, readSheet(t, path, store.ImportArticles))
	if err != nil {
		t.Fatal(err)
	}
	if c := plan.Counts(store.ImportChoice{Duplicates: store.ImportUpdate}); c.Update != 2 || c.New != 0 || c.Error != 0 {
		t.Fatalf("the exported list imported again: %s", c)
	}
	for _, r := range plan.Rows {
		if r.Changes != "" {
			t.Fatalf("row %d would change %q", r.Line, r.Changes)
		}
	}
}
