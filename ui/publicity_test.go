package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// 宣传信息 from the 会议 tab: the year's pieces with their counts against the quotas, the level filter and the search,
// a quota that is not a number named by its level, a changed quota shown with its gap, and the 《人大通讯》.
func TestPublicityInTheWindow(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	d.tabs.SelectIndex(5) // 会议
	if findButton(d.meetings.content, "宣传信息") == nil {
		t.Fatal("no 宣传信息 on the 会议 toolbar")
	}
	p := d.meetings.showPublicity()
	f, err := d.db.Publicity(d.ctx, "2024-01-01", "2024-12-31")
	if err != nil {
		t.Fatal(err)
	}
	if f.Total() == 0 || len(f.Newsletters) == 0 {
		t.Fatalf("the demo's 2024 has %d pieces and %d issues", f.Total(), len(f.Newsletters))
	}
	if want := fmt.Sprintf("2024年合计 %d 篇：", f.Total()); !strings.HasPrefix(p.summary.Text, want) || len(p.articles) != f.Total() {
		t.Fatalf("summary %q, %d listed; want %q", p.summary.Text, len(p.articles), want)
	}
	planShot(t, d, "publicity-articles")

	t.Run("LevelFilter", func(t *testing.T) {
		p.level.SetSelected(store.OutletProvince)
		if len(p.articles) != f.Level(store.OutletProvince).Count {
			t.Fatalf("省级 lists %d, figures %d", len(p.articles), f.Level(store.OutletProvince).Count)
		}
		p.level.SetSelected("全部")
	})
	t.Run("Search", func(t *testing.T) {
		author := strings.Split(f.Articles[0].Authors, "、")[0]
		p.search.SetText(author)
		if len(p.articles) == 0 || len(p.articles) >= f.Total() && author == "" {
			t.Fatalf("searching %q lists %d", author, len(p.articles))
		}
		for _, a := range p.articles {
			if !strings.Contains(a.Title+a.Outlet+a.Authors+a.Notes, author) {
				t.Fatalf("searching %q lists %+v", author, a)
			}
		}
		p.search.SetText("")
	})
	t.Run("ErrQuotaNotANumber", func(t *testing.T) {
		p.quotas[store.OutletCounty].SetText("二十")
		if err := p.saveQuotas(); err == nil || !strings.Contains(p.quotaMsg.Text, "县级任务数") {
			t.Fatalf("saving 二十: %v, %q", err, p.quotaMsg.Text)
		}
	})
	t.Run("QuotaSaved", func(t *testing.T) {
		county := f.Level(store.OutletCounty).Count
		p.quotas[store.OutletCounty].SetText(fmt.Sprint(county + 7))
		if err := p.saveQuotas(); err != nil {
			t.Fatal(err)
		}
		want := fmt.Sprintf("县级%d篇(任务%d篇，差7篇)", county, county+7)
		if got := p.quotaDone[store.OutletCounty].Text; got != want || !strings.Contains(p.summary.Text, want) {
			t.Fatalf("县级 shows %q (summary %q), want %q", got, p.summary.Text, want)
		}
		p.tabs.SelectIndex(2)
		planShot(t, d, "publicity-quotas")
	})
	t.Run("Report", func(t *testing.T) {
		p.dlg.Hide()
		r := reportOpen(t, d)
		r.refresh()
		reportWait(t, r)
		county := r.fig.Publicity.Level(store.OutletCounty)
		var links string
		walk(r.publicity.box, func(o fyne.CanvasObject) {
			if h, ok := o.(*widget.Hyperlink); ok {
				links += h.Text + "|"
			}
		})
		want := fmt.Sprintf("县级%d篇(任务%d篇，差7篇)", county.Count, county.Quota)
		if !strings.Contains(links, fmt.Sprintf("发表 %d 篇|", f.Total())) || !strings.Contains(links, want) {
			t.Fatalf("报表's 宣传信息 %q lacks %q", links, want)
		}
		r.explainPublicity(r.fig.Publicity, store.OutletCounty)
		if list := labelText(r.explainBox); !strings.Contains(list, fmt.Sprintf("县级稿件 %d 篇", county.Count)) {
			t.Fatalf("the 县级 list: %s", list)
		}
		planShot(t, d, "publicity-report")
		r.explainDlg.Hide()
	})
	t.Run("Newsletters", func(t *testing.T) {
		all, err := d.db.Newsletters(d.ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.newsletters) != len(all) || !strings.Contains(labelText(p.newsList), fmt.Sprintf("《人大通讯》共 %d 期", len(all))) {
			t.Fatalf("%d issues listed of %d", len(p.newsletters), len(all))
		}
	})
}
