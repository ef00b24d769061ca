package export

import (
	"fmt"
	"strings"

	"rendadesk/store"
)

// The work rules' compliance (issue 22): the year's table — rule, required, done, gap — as a sheet of the
// workbook (T22) and as a document of its own (`rendadesk print compliance --year Y`), which adds the records
// each rule counted so that an inspector can check them.

// complianceHeaders are the columns of the compliance table.
var complianceHeaders = []string{"序号", "工作规则", "要求", "全年应完成(次)", "已完成(次)", "未完成(次)", "待完成(次)", "未完成的时段"}

// complianceCells is one rule's row: counts as numbers for the sheet.
func complianceCells(i int, r store.ComplianceRow, asOf store.Date) []any {
	var missed []string
	for _, u := range r.MissedUnits(asOf) {
		w := u.Where()
		if u.Done > 0 {
			w += fmt.Sprintf("(%d/%d)", u.Done, u.Required)
		}
		missed = append(missed, w)
	}
	if len(missed) > complianceMissedShown {
		// A rule per group of a large office misses hundreds of group-quarters: name the first, count the rest
		// (the records of each rule follow the table in the printed document, and 报表 drills down).
		missed = append(missed[:complianceMissedShown], fmt.Sprintf("等共%d个时段", len(missed)))
	}
	return []any{fmt.Sprint(i + 1), r.Rule.Name, r.Rule.Phrase(), r.Required, r.Done, r.Missed, r.Open, strings.Join(missed, "、")}
}

// complianceMissedShown is how many short periods a row names before it counts the rest.
const complianceMissedShown = 12

// complianceNote is the line under the table: the year, the day counted and how.
func complianceNote(year int, asOf store.Date) string {
	return fmt.Sprintf("%d年度，统计截至%s。已完成按各期计入，每期以要求的次数为限；未完成为截至统计日已到期仍不足的次数，待完成为尚未到期的。"+
		"代表小组活动按每个代表小组分别计算。", year, asOf.Chinese())
}

// t22 is 工作规则执行情况: each enabled rule with what the year required, what was done and the gap.
func (w Report) t22() rtable {
	f := w.Figures
	t := rtable{name: "工作规则执行", heading: "工作规则执行情况表", headers: complianceHeaders, landscape: true,
		empty: "没有启用的工作规则(在「设置 → 工作规则」中启用)。", wide: map[int]float64{1: 16, 2: 22, 7: 40}, keyCols: 2}
	last := f.CountedOn()
	if last == "" {
		return t
	}
	for i, r := range f.Compliance {
		t.rows = append(t.rows, trow{cells: complianceCells(i, r, last)})
	}
	t.note = complianceNote(f.ComplianceYear, last)
	return t
}

// ComplianceTable prints the year's compliance table as of asOf, then the records each rule counted, in 公文
// form (A4, the office in the header, 「第 x 页 共 y 页」), signed by the office on signed.
func ComplianceTable(path string, st store.Settings, year int, asOf store.Date, rows []store.ComplianceRow, signed store.Date) error {
	d := newDocument(st.OfficeName, "工作规则执行情况", true)
	d.title(fmt.Sprintf("%s%d年度工作规则执行情况", st.OfficeName, year))
	d.subtitle(fmt.Sprintf("（统计截至%s）", asOf.Chinese()))
	d.writeCompliance(year, asOf, rows)
	d.signature(st.OfficeName, signed.Chinese())
	return d.save(path)
}

// writeCompliance writes the compliance table, its note and the records each rule counted (the printed table
// and the 考评材料's section).
func (d *document) writeCompliance(year int, asOf store.Date, rows []store.ComplianceRow) {
	cols := []column{{"序号", 0, "C"}, {"工作规则", 20, "L"}, {"要求", 24, "L"}, {"全年应完成(次)", 0, "C"}, {"已完成(次)", 0, "C"},
		{"未完成(次)", 0, "C"}, {"待完成(次)", 0, "C"}, {"未完成的时段", 56, "L"}}
	var table [][]string
	for i, r := range rows {
		var line []string
		for _, c := range complianceCells(i, r, asOf) {
			line = append(line, fmt.Sprint(c))
		}
		table = append(table, line)
	}
	if len(table) == 0 {
		d.paragraph("没有启用的工作规则。", paraStyle{})
	} else {
		d.table(cols, table)
	}
	d.moveDown(2)
	d.paragraph(complianceNote(year, asOf), paraStyle{size: 10})
	for _, r := range rows {
		items := r.Items()
		d.heading(fmt.Sprintf("%s（%s）：计入%d次", r.Rule.Name, r.Rule.Phrase(), len(items)))
		if len(items) == 0 {
			d.paragraph("本年度没有计入的记录。", paraStyle{size: 10})
			continue
		}
		var lines [][]string
		for i, it := range items {
			lines = append(lines, []string{itoa(i + 1), it.Date.Chinese(), it.Title, complianceWhere(r, it)})
		}
		d.table([]column{{"序号", 0, "C"}, {"日期", 0, "C"}, {"记录", 60, "L"}, {"计入", 40, "L"}}, lines)
	}
}

// complianceWhere names the periods (and groups) a record counted in.
func complianceWhere(r store.ComplianceRow, it store.ComplianceItem) string {
	var in []string
	for _, u := range r.Units {
		for _, x := range u.Items {
			if x.ID == it.ID && x.Measure == it.Measure {
				in = append(in, u.Where())
			}
		}
	}
	return strings.Join(in, "、")
}

// t23 is 履职积分: the deputies of T10 ranked by their score, with the count of each kind of duty and the
// points the settings give it; the note says the rules and that the ranking only suggests.
func (w Report) t23() rtable {
	headers := []string{"名次", "姓名", "代表小组"}
	for _, k := range store.DutyKeys {
		headers = append(headers, fmt.Sprintf("%s(%s)", k.Label(), k.Unit()))
	}
	headers = append(headers, "履职积分")
	t := rtable{name: "履职积分", heading: "代表履职积分排名表", headers: headers, landscape: true, keyCols: 2,
		empty: "本期没有在任代表。"}
	for _, s := range store.RankScores(w.Records, w.Points) {
		cells := []any{fmt.Sprint(s.Rank), s.Record.Deputy.Name, s.Record.Deputy.GroupName}
		for _, l := range s.Lines {
			cells = append(cells, l.Count)
		}
		t.rows = append(t.rows, trow{cells: append(cells, s.Total)})
	}
	t.note = dutyScoreNote(w.Points)
	return t
}

// dutyScoreNote is the rules printed with a ranking.
func dutyScoreNote(p store.DutyPoints) string {
	return "积分规则：" + p.Rules() + "。各项次数取自代表履职档案，积分为各项次数乘以分值之和；排名仅供评先评优参考。"
}

// dutyShort are the ranking's column heads.
var dutyShort = map[store.DutyKey]string{store.DutyPresent: "出席", store.DutyNonVoting: "列席", store.DutyLeave: "请假",
	store.DutyAbsent: "缺席", store.DutyLed: "领衔建议", store.DutyCosigned: "联名建议", store.DutyReception: "进站接待",
	store.DutyVisit: "联系选民", store.DutyReportBack: "述职", store.DutyTraining: "培训"}

// DutyScores prints the year's 履职积分 ranking with its rules (`rendadesk print duty-scores`), in 公文 form,
// signed by the office on signed.
func DutyScores(path string, st store.Settings, year int, scores []store.DutyScore, p store.DutyPoints, signed store.Date) error {
	d := newDocument(st.OfficeName, "代表履职积分", true)
	d.title(fmt.Sprintf("%s%d年度代表履职积分排名", st.OfficeName, year))
	d.heading("一、积分规则")
	var rules [][]string
	for _, x := range p {
		rules = append(rules, []string{x.Key.Label(), "每" + x.Key.Unit(), fmt.Sprintf("%+d", x.Points)})
	}
	d.table([]column{{"履职事项", 40, "L"}, {"计分单位", 0, "C"}, {"分值", 0, "C"}}, rules)
	d.moveDown(2)
	d.paragraph("各项次数取自代表履职档案，积分为各项次数乘以分值之和；排名仅供评先评优参考，不作为评选结果。", paraStyle{size: 10})
	d.heading("二、积分排名")
	cols := []column{{"名次", 0, "C"}, {"姓名", 0, "C"}, {"代表小组", 0, "C"}}
	for _, k := range store.DutyKeys {
		cols = append(cols, column{dutyShort[k], 0, "C"}) // short heads: fourteen columns across the page
	}
	cols = append(cols, column{"积分", 0, "C"})
	var rows [][]string
	for _, s := range scores {
		r := []string{itoa(s.Rank), s.Record.Deputy.Name, s.Record.Deputy.GroupName}
		for _, l := range s.Lines {
			r = append(r, itoa(l.Count))
		}
		rows = append(rows, append(r, itoa(s.Total)))
	}
	if len(rows) == 0 {
		d.paragraph("本年度没有在任代表。", paraStyle{})
	} else {
		d.table(cols, rows)
	}
	d.signature(st.OfficeName, signed.Chinese())
	return d.save(path)
}
