package store

import (
	"context"
	"testing"
)

// The seeds' sentence from the pieces: 5 pieces in 2024 (国家级 1, 省级 1, 县级 3) against the seeded quotas (省级 2,
// 市级 5, 县级 20), one 2023 piece outside the year, and two 《人大通讯》.
func TestPublicityCountsAgainstQuota(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	db := f.db
	for _, a := range []Article{
		{Title: "镇人大开展代表活动日", Outlet: "人民代表报", Level: "国家", Date: "2024-03-01", Authors: "刘芳 王建国"},
		{Title: "青山镇票决民生实事", Outlet: "省人大网", Level: OutletProvince, Date: "2024-04-01"},
		{Title: "代表进站接待选民", Outlet: "县人大网", Level: "区级", Date: "2024-05-01", Kind: ArticleInfo},
		{Title: "视察人居环境整治", Outlet: "县融媒体中心", Level: OutletCounty, Date: "2024-06-01"},
		{Title: "主席团会议审议报告", Outlet: "县人大信息", Level: OutletCounty, Date: "2024-07-01", Kind: ArticleInfo},
		{Title: "上一年的稿件", Outlet: "县人大网", Level: OutletCounty, Date: "2023-12-31"},
	} {
		must(t, db.SaveArticle(ctx, &a))
	}
	for i, d := range []Date{"2024-02-20", "2024-08-20"} {
		must(t, db.SaveNewsletter(ctx, &Newsletter{IssueNo: i + 1, Date: d, Title: "人代会专刊"}))
	}
	fig, err := db.YearFigures(ctx, 2024, "")
	must(t, err)
	p := fig.Publicity
	t.Run("ByLevel", func(t *testing.T) {
		if p.Total() != 5 {
			t.Fatalf("%d pieces in 2024, want 5", p.Total())
		}
		for _, want := range []LevelCount{{OutletNational, 1, 0}, {OutletProvince, 1, 2}, {OutletCity, 0, 5}, {OutletCounty, 3, 20}, {OutletTown, 0, 0}} {
			if got := p.Level(want.Level); got != want {
				t.Errorf("%s: %+v, want %+v", want.Level, got, want)
			}
		}
		if g := p.Level(OutletCounty).Gap(); g != 17 {
			t.Errorf("县级 gap %d, want 20 - 3 = 17", g)
		}
		if g := p.Level(OutletNational).Gap(); g != 0 {
			t.Errorf("国家级 without a quota: gap %d", g)
		}
	})
	t.Run("Sentence", func(t *testing.T) {
		want := "发表人大宣传稿件5篇，其中国家级1篇、省级1篇、县级3篇(含被采用的人大信息2条)，编印《人大通讯》2期。"
		if s := p.Sentence(); s != want {
			t.Fatalf("sentence\n%s\nwant\n%s", s, want)
		}
	})
	t.Run("QuotaChanged", func(t *testing.T) {
		q, err := db.PublicityQuotas(ctx)
		must(t, err)
		for i := range q {
			if q[i].Level == OutletNational {
				q[i].Quota = 3
			}
		}
		must(t, db.SavePublicityQuotas(ctx, q))
		fig, err := db.YearFigures(ctx, 2024, "")
		must(t, err)
		if l := fig.Publicity.Level(OutletNational); l.Quota != 3 || l.Gap() != 2 {
			t.Fatalf("国家级 %+v gap %d, want quota 3 gap 2", l, l.Gap())
		}
		q[0].Quota = -1
		wantErr(t, db.SavePublicityQuotas(ctx, q), EINVALID, "国家级任务数", "0到10000")
	})
	t.Run("Authors", func(t *testing.T) {
		as, err := db.Articles(ctx, ArticleFilter{Query: "王建国"})
		must(t, err)
		if len(as) != 1 || as[0].Authors != "刘芳、王建国" || as[0].Level != OutletNational {
			t.Fatalf("found %+v", as)
		}
	})
}

func TestArticleAndNewsletterValidate(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	t.Run("ErrLevel", func(t *testing.T) {
		err := f.db.SaveArticle(ctx, &Article{Title: "稿件", Outlet: "县人大网", Level: "村级", Date: "2024-03-01"})
		wantErr(t, err, EINVALID, "级别")
	})
	t.Run("ErrOutletRequired", func(t *testing.T) {
		err := f.db.SaveArticle(ctx, &Article{Title: "稿件", Level: OutletCounty, Date: "2024-03-01"})
		wantErr(t, err, EINVALID, "媒体/平台")
	})
	t.Run("ErrFuture", func(t *testing.T) {
		err := f.db.SaveArticle(ctx, &Article{Title: "稿件", Outlet: "县人大网", Level: OutletCounty, Date: "2025-03-01"})
		wantErr(t, err, EINVALID, "刊发日期", "不能晚于今天")
	})
	t.Run("ErrNewsletterNumberTaken", func(t *testing.T) {
		must(t, f.db.SaveNewsletter(ctx, &Newsletter{IssueNo: 1, Date: "2024-02-20", Title: "第一期"}))
		err := f.db.SaveNewsletter(ctx, &Newsletter{IssueNo: 1, Date: "2024-05-20", Title: "又一个第一期"})
		wantErr(t, err, ECONFLICT, "2024年已有第1期《人大通讯》")
	})
}
