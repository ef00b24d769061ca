package export

import (
	"fmt"
	"strings"

	"rendadesk/store"
)

// 宣传信息 (issue 22 part 6): the period's pieces by level against the quotas, then every piece, as a sheet of the
// workbook and as the printed 宣传信息统计表 (`rendadesk print publicity --year Y`: the year's list by level, then
// the 《人大通讯》 issued). publicityPart writes the printed list into a document, so that the assessment pack
// prints it as one of its parts.

// publicityHeaders are the columns of the pieces' list.
var publicityHeaders = []string{"序号", "级别", "刊发日期", "标题", "媒体/平台", "类型", "作者"}

// PublicityLevelLine is one level against its quota: 「市级 42篇(任务5篇，已完成)」.
func PublicityLevelLine(l store.LevelCount) string {
	switch {
	case l.Quota == 0:
		return fmt.Sprintf("%s%d篇", l.Level, l.Count)
	case l.Gap() == 0:
		return fmt.Sprintf("%s%d篇(任务%d篇，已完成)", l.Level, l.Count, l.Quota)
	}
	return fmt.Sprintf("%s%d篇(任务%d篇，差%d篇)", l.Level, l.Count, l.Quota, l.Gap())
}

// publicityByLevel orders the pieces by level (国家级 first), then date: the printed list's order.
func publicityByLevel(f store.PublicityFigures) []store.Article {
	var out []store.Article
	for _, l := range store.OutletLevels {
		for i := len(f.Articles) - 1; i >= 0; i-- { // Articles are newest first
			if f.Articles[i].Level == l {
				out = append(out, f.Articles[i])
			}
		}
	}
	return out
}

// publicityCells is one piece's row.
func publicityCells(i int, a store.Article) []any {
	return []any{fmt.Sprint(i + 1), a.Level, a.Date.Chinese(), a.Title, a.Outlet, a.Kind, a.Authors}
}

// tPublicity is 宣传信息: the levels with their counts, quotas and gaps, then every piece by level; the sentence
// and the 口径 below.
func (w Report) tPublicity() rtable {
	f := w.Figures.Publicity
	t := rtable{name: "宣传信息", heading: "宣传信息统计表", headers: publicityHeaders, landscape: true, keyCols: 2,
		wide: map[int]float64{3: 44, 4: 22, 6: 18}, empty: "本期没有登记宣传稿件(在「会议 → 宣传信息」中登记或导入)。"}
	if f.Total() > 0 {
		var levels []string
		for _, l := range f.ByLevel {
			levels = append(levels, PublicityLevelLine(l))
		}
		t.rows = append(t.rows, trow{span: true, total: true, cells: []any{fmt.Sprintf("合计 %d 篇：%s", f.Total(), strings.Join(levels, "；"))}})
		for i, a := range publicityByLevel(f) {
			t.rows = append(t.rows, trow{cells: publicityCells(i, a)})
		}
	}
	t.note = f.Sentence() + "口径：" + store.PublicityDefinition
	return t
}

// PublicityList prints the year's 宣传信息统计表 as of asOf (`rendadesk print publicity --year Y`), signed by the
// office on signed.
func PublicityList(path string, st store.Settings, year int, asOf store.Date, f store.PublicityFigures, signed store.Date) error {
	d := newDocument(st.OfficeName, "宣传信息统计表", true)
	publicityPart(d, st.OfficeName, year, asOf, f)
	d.signature(st.OfficeName, signed.Chinese())
	return d.save(path)
}

// publicityPart writes the 宣传信息统计表 into d as a part of its own (a new page, numbered on its own): the
// levels against the quotas, the pieces by level, the 《人大通讯》 issued.
func publicityPart(d *document, office string, year int, asOf store.Date, f store.PublicityFigures) {
	d.startPart("宣传信息统计表")
	d.title(fmt.Sprintf("%s%d年度宣传信息统计表", office, year))
	d.subtitle(fmt.Sprintf("（统计截至%s）", asOf.Chinese()))
	publicityBody(d, f)
}

// publicityBody is the 宣传信息统计表 below its title: its own part's, or a section of the 考评材料.
func publicityBody(d *document, f store.PublicityFigures) {
	var rows [][]string
	for _, l := range f.ByLevel {
		quota, gap := "—", "—"
		if l.Quota > 0 {
			quota, gap = itoa(l.Quota), itoa(l.Gap())
		}
		rows = append(rows, []string{l.Level, itoa(l.Count), quota, gap})
	}
	rows = append(rows, []string{"合计", itoa(f.Total()), "", ""})
	d.table([]column{{"级别", 20, "C"}, {"发表(篇)", 20, "C"}, {"全年任务(篇)", 20, "C"}, {"差额(篇)", 20, "C"}}, rows)
	if s := f.Sentence(); s != "" {
		d.moveDown(2)
		d.paragraph(s, paraStyle{size: 10})
	}
	for _, l := range store.OutletLevels {
		var lines [][]string
		for _, a := range publicityByLevel(f) {
			if a.Level == l {
				lines = append(lines, []string{itoa(len(lines) + 1), a.Date.Chinese(), a.Title, a.Outlet, a.Kind, a.Authors})
			}
		}
		if len(lines) == 0 {
			continue
		}
		d.heading(fmt.Sprintf("%s(%d篇)", l, len(lines)))
		d.table([]column{{"序号", 0, "C"}, {"刊发日期", 0, "C"}, {"标题", 56, "L"}, {"媒体/平台", 24, "L"}, {"类型", 0, "C"},
			{"作者", 20, "L"}}, lines)
	}
	if len(f.Newsletters) > 0 {
		d.heading(fmt.Sprintf("编印《人大通讯》%d期", len(f.Newsletters)))
		var lines [][]string
		for i := len(f.Newsletters) - 1; i >= 0; i-- {
			n := f.Newsletters[i]
			lines = append(lines, []string{fmt.Sprintf("第%d期", n.IssueNo), n.Date.Chinese(), n.Title})
		}
		d.table([]column{{"期号", 0, "C"}, {"日期", 0, "C"}, {"本期要目", 80, "L"}}, lines)
	}
	if f.Total() == 0 && len(f.Newsletters) == 0 {
		d.paragraph("本年度没有登记宣传稿件和《人大通讯》。", paraStyle{})
	}
	d.moveDown(2)
	d.paragraph("口径："+store.PublicityDefinition, paraStyle{size: 10})
}
