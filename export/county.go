package export

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"rendadesk/store"
)

// The county's outputs (issue 19 §3): the townships side by side, the packages received, the consolidated
// ledger and the county deputies, as a workbook, a PDF and a text — from store.CountyFigures, laid out by the
// same table writers as the yearly report.

// County is what the county's outputs print.
type County struct {
	Settings store.Settings // the county's own
	Figures  store.CountyFigures
	Made     time.Time // 制表日期; zero: now
}

// report is the County dressed as a Report for the writers' header block: the county's office and clerk, the
// period (as of its end: each township's own date is in 表1), the date made.
func (c County) report() Report {
	f := c.Figures
	return Report{ReportData: store.ReportData{Settings: c.Settings, Made: c.Made,
		Figures: store.Figures{From: f.From, To: f.To, AsOf: f.To, Precision: f.Precision}}}
}

// countyTitle is 「2025年度各乡镇人大工作汇总」.
func (c County) countyTitle() string {
	return ReportPeriodName(store.Figures{From: c.Figures.From, To: c.Figures.To}) + "各" + c.Settings.TownWord + "人大工作汇总"
}

// CountyFileName is 「青川县人大常委会2025年度各乡镇人大工作汇总.xlsx」 (.pdf, 工作汇总文字稿.txt).
func CountyFileName(c County, format string) string {
	name := c.countyTitle()
	if format == "txt" {
		name += "文字稿"
	}
	return FileName(officeName(c.Settings), name, "."+format)
}

// WriteCounty writes the chosen formats (xlsx, pdf, txt) of the county's tables into dir and returns the paths.
func WriteCounty(c County, dir string, formats []string) ([]string, error) {
	var paths []string
	fns := make([]func() error, len(formats))
	for i, fm := range formats {
		path := filepath.Join(dir, CountyFileName(c, fm))
		paths = append(paths, path)
		fns[i] = func() error {
			switch fm {
			case "xlsx":
				return writeWorkbook(path, c.report(), c.tables(), c.countyTitle())
			case "pdf":
				return tablesPDF(path, c.report(), c.tables(), c.countyTitle(), c.countyTitle())
			case "txt":
				return WriteText(path, CountyText(c))
			}
			return fmt.Errorf("未知的格式 %q", fm)
		}
	}
	return paths, parallel(fns)
}

// CountyTableNames are the county's tables in order, for the window's list.
var CountyTableNames = []string{"各乡镇主要数据对比", "报送情况", "代表建议办理情况一览表", "县级人大代表分布"}

// tables are the county's four tables.
func (c County) tables() []rtable {
	out := []rtable{c.compare(), c.received(), c.ledger(), c.deputies()}
	for i := range out {
		out[i].no, out[i].name = i+1, CountyTableNames[i]
		out[i] = out[i].withRows()
		if out[i].keyCols == 0 {
			out[i].keyCols = 2
		}
	}
	return out
}

// compare is 表1: a row per township that sent (named in the first column, which the chart's bars are labelled by), ranked by 办结率 and 满意率, and the 合计 from the counts.
func (c County) compare() rtable {
	f := c.Figures
	t := rtable{heading: "各" + c.Settings.TownWord + "人大工作主要数据对比表", landscape: true,
		wide: map[int]float64{1: 16}, keyCols: 1,
		headers: []string{c.Settings.TownWord, "数据截至", "收到建议(件)", "答复率", "办结率", "按期办结率", "解决率", "满意率",
			"办结率排名", "满意率排名", "主席团会议(次)", "家站点(个)", "接待选民(人次)", "在任代表(名)", "其中县级代表(名)"},
		empty: "本期还没有" + c.Settings.TownWord + "报送",
		note: "合计行的各项比率由各" + c.Settings.TownWord + "的件数相加后重新计算（不是各" + c.Settings.TownWord +
			"比率的平均数）；县级代表按姓名、性别、出生年月认定同一人，只计一次。排名相同的并列。" + unreported(f, c.Settings.TownWord)}
	rank := func(n int) any {
		if n == 0 {
			return "—"
		}
		return n
	}
	row := func(r store.CountyRow) []any {
		return []any{r.Name, r.AsOf.Chinese(), r.Received, r.ReplyRate, r.CloseRate, r.OnTimeRate, r.SolveRate, r.SatisfactionRate,
			rank(r.CloseRank), rank(r.SatisfactionRank), r.Presidium, r.Stations, r.ReceptionVoters, r.Deputies, r.CountyDeputies}
	}
	for _, r := range f.Rows {
		t.rows = append(t.rows, trow{cells: row(r)})
	}
	if len(f.Rows) > 0 {
		total := row(f.Total)
		total[1], total[8], total[9] = "", "", ""
		t.rows = append(t.rows, trow{cells: total, total: true})
		t.charts = []rchart{{kind: "bar", title: "各" + c.Settings.TownWord + "办结率", col: 4, from: 0, to: len(f.Rows) - 1}}
	}
	return t
}

// unreported is the note's sentence naming the townships that sent nothing.
func unreported(f store.CountyFigures, word string) string {
	if len(f.Unreported) == 0 {
		return ""
	}
	return "尚未报送的" + word + "：" + strings.Join(f.Unreported, "、") + "。"
}

// received is 表2: every township of the register with its state and the package the tables are made of.
func (c County) received() rtable {
	t := rtable{heading: "报送情况", landscape: true, wide: map[int]float64{4: 16, 5: 18, 6: 18, 7: 40, 8: 50},
		headers: []string{"序号", c.Settings.TownWord, "代码", "状态", "数据截至", "制作时间", "导入时间", "文件", "更正内容"},
		empty:   "登记的" + c.Settings.TownWord + "为空"}
	for i, tw := range c.Figures.Townships {
		cells := []any{i + 1, tw.Name, tw.Code, tw.State, "", "", "", "", ""}
		if p := tw.Current(); p != nil {
			cells[4], cells[5], cells[6], cells[7] = p.Manifest.AsOf.Chinese(), p.Manifest.MadeAt, p.ImportedAt, p.File
			var changes []string
			for _, q := range tw.Packages {
				changes = append(changes, q.Changes...)
			}
			cells[8] = strings.Join(changes, "；")
		}
		t.rows = append(t.rows, trow{cells: cells})
	}
	return t
}

// ledger is 表3: T4 of every township, with the township first.
func (c County) ledger() rtable {
	t := rtable{heading: "代表建议办理情况一览表", landscape: true, keyCols: 3, wide: map[int]float64{3: 36},
		headers: []string{"序号", c.Settings.TownWord, "编号", "标题", "类别", "收到日期", "办理状态", "答复日期", "办理结果", "代表评价"},
		empty:   "本期各" + c.Settings.TownWord + "没有报送建议"}
	for i, it := range c.Figures.Ledger {
		t.rows = append(t.rows, trow{cells: []any{i + 1, it.Township, it.Number, it.Title, it.Category, it.Received.Chinese(),
			it.AsOf.State, it.AsOf.FirstReply.Chinese(), it.AsOf.Outcome, it.AsOf.Grade}})
	}
	return t
}

// deputies is 表4: the county deputies on the townships' rolls, each person once with every township naming them.
func (c County) deputies() rtable {
	t := rtable{heading: "县级人大代表分布情况", wide: map[int]float64{5: 30},
		headers: []string{"序号", "姓名", "性别", "出生年月", "政治面貌", "工作单位及职务", "所在" + c.Settings.TownWord},
		empty:   "各" + c.Settings.TownWord + "名册中没有县级代表"}
	for i, d := range c.Figures.Deputies {
		t.rows = append(t.rows, trow{cells: []any{i + 1, d.Name, d.Gender, d.Birth, d.Party, d.WorkUnit + d.Post,
			strings.Join(d.Townships, "、")}})
	}
	return t
}

// CountyText is the county's summary in the report's words: how many townships sent, the items and their
// rates over all townships, the highest and lowest 办结率.
func CountyText(c County) string {
	f, w, p := c.Figures, c.Settings.TownWord, c.Figures.Precision
	var b strings.Builder
	fmt.Fprintf(&b, "%s，全%s%d个%s中已有%d个报送", periodWords(f.From, f.To), c.Settings.UpperWord, len(f.Townships), w, len(f.Rows))
	if len(f.Unreported) > 0 {
		fmt.Fprintf(&b, "，%s尚未报送", strings.Join(f.Unreported, "、"))
	}
	b.WriteString("。")
	if len(f.Rows) == 0 {
		return b.String() + "\n"
	}
	t := f.Total
	fmt.Fprintf(&b, "已报送的%s共收到代表建议%d件，已交办%d件，答复率%s，办结率%s，按期办结率%s，解决率%s，代表满意率%s；",
		w, t.Received, t.Handed, t.ReplyRate.Percent(p), t.CloseRate.Percent(p), t.OnTimeRate.Percent(p), t.SolveRate.Percent(p),
		t.SatisfactionRate.Percent(p))
	fmt.Fprintf(&b, "召开主席团会议%d次，建成家站点%d个，接待选民%d人次；在任代表%d名，其中县级代表%d名。", t.Presidium, t.Stations,
		t.ReceptionVoters, t.Deputies, t.CountyDeputies)
	var first, last []string
	for _, r := range f.Rows {
		if r.CloseRank == 1 {
			first = append(first, r.Name)
		}
	}
	worst := 0
	for _, r := range f.Rows {
		worst = max(worst, r.CloseRank)
	}
	for _, r := range f.Rows {
		if r.CloseRank == worst && worst > 1 {
			last = append(last, r.Name+"("+r.CloseRate.Percent(p)+")")
		}
	}
	if len(first) > 0 && len(last) > 0 {
		fmt.Fprintf(&b, "办结率最高的是%s，最低的是%s。", strings.Join(first, "、"), strings.Join(last, "、"))
	}
	return b.String() + "\n"
}
