package export

import (
	"fmt"
	"strconv"
	"strings"

	"rendadesk/store"
)

// The 考评材料 (issue 22, domain.md §3.12 「查阅记录和有关材料」): the evidence the upper level's assessment team
// reads, as one PDF — a contents page naming each section with the page it starts on, then the sections, the
// pages numbered 「第 x 页 共 y 页」 across the pack. Every section is written from the one report of the year
// (store.LoadReport), so its numbers are the workbook's. A section is a title and a function writing into the
// document: a new one is a line in assessmentSections.

// assessmentSection is one section of the pack.
type assessmentSection struct {
	title     string
	landscape bool // its pages are landscape (wide tables)
	write     func(d *document, r Report)
}

// assessmentSections are the pack's sections in order.
var assessmentSections = []assessmentSection{
	{"工作规则执行情况", true, packCompliance},
	{"年度工作计划执行情况", true, packPlan},
	{"会议和活动一览", false, packMeetings},
	{"代表建议办理情况", true, packSuggestions},
	{"家站点「六个有」建设情况", true, packStations},
	{"代表履职积分排名", true, packDutyScores},
	{"代表培训学习情况", true, func(d *document, r Report) { trainingBody(d, r.Figures.Training) }},
	{"宣传信息工作情况", false, func(d *document, r Report) { publicityBody(d, r.Figures.Publicity) }},
}

// AssessmentSectionTitles are the titles of the pack's sections, in order.
func AssessmentSectionTitles() []string {
	out := make([]string, len(assessmentSections))
	for i, s := range assessmentSections {
		out[i] = s.title
	}
	return out
}

// sectionAlias stands for the first page of section i on the contents page until the section is written
// (fpdf replaces it in the output). Two private-use characters, as pageAlias and for its reason: U+E080 + i
// alone was found across 章 and a character from U+8000 (bytes 7A E0 81 E3).
func sectionAlias(i int) string { return "\uE0E0" + string(rune(0xE200+i)) }

// AssessmentPack prints the year's 考评材料 from the year's report r (store.LoadReport of the year): the
// contents, then each section from a new page, signed by the office on signed at the end.
func AssessmentPack(path string, r Report, signed store.Date) error {
	st, f := r.Settings, r.Figures
	office := officeName(st)
	year := f.From.Year()
	d := newDocument(office, fmt.Sprintf("%d年度工作考评材料", year), false)
	d.pdf.Bookmark("目录", 0, -1)
	d.moveDown(20)
	d.title(fmt.Sprintf("%s%d年度工作考评材料", office, year))
	d.subtitle(fmt.Sprintf("（统计截至%s）", f.CountedOn().Chinese()))
	d.moveDown(8)
	d.font(true, 15)
	d.text(d.left, d.y(), d.width, lineHeight(15), "目　　录", "C")
	d.moveDown(lineHeight(15) + 6)
	d.font(false, bodySize)
	lh := lineHeight(bodySize) * 1.6
	x, w := d.left+d.width*0.12, d.width*0.76
	for i, s := range assessmentSections {
		d.text(x, d.y(), w-30, lh, fmt.Sprintf("%s、%s", store.ChineseNumber(i+1), s.title), "L")
		// The page number is drawn raw: clean would strip the alias, which the finished document replaces.
		d.pdf.SetXY(x+w-30, d.y())
		d.pdf.CellFormat(30, lh, "第 "+sectionAlias(i)+" 页", "", 0, "R", false, 0, "")
		d.moveDown(lh)
	}
	for i, s := range assessmentSections {
		d.newPage(s.landscape)
		d.pdf.RegisterAlias(sectionAlias(i), strconv.Itoa(d.pdf.PageNo()))
		title := fmt.Sprintf("%s、%s", store.ChineseNumber(i+1), s.title)
		d.pdf.Bookmark(clean(title), 0, -1)
		d.title(title)
		s.write(d, r)
	}
	d.signature(office, signed.Chinese())
	return d.save(path)
}

// packCompliance is the compliance table with the records each rule counted (as `print compliance`).
func packCompliance(d *document, r Report) {
	f := r.Figures
	if f.ComplianceYear == 0 {
		d.paragraph("本期还没有开始。", paraStyle{})
		return
	}
	d.writeCompliance(f.ComplianceYear, f.CountedOn(), f.Compliance)
}

// packPlan is the plan's execution by quarter and every item with what did it.
func packPlan(d *document, r Report) {
	p := r.Figures.Plan
	if len(p.Items) == 0 {
		d.paragraph(fmt.Sprintf("%d年度没有编制工作计划。", r.Figures.From.Year()), paraStyle{})
		return
	}
	reportTable(d, r.build("T24").withRows(), r.Figures.Precision)
	d.moveDown(2)
	d.paragraph("注："+planNote(p), paraStyle{size: 9.5})
	d.heading("计划项及完成情况")
	var rows [][]string
	for i, it := range p.Items {
		st := it.StatusOn(p.AsOf)
		switch st {
		case store.PlanDone:
			st = it.LinkDate.Chinese() + " " + it.LinkTitle
		case store.PlanCancelled:
			st = "已取消：" + it.CancelReason
		}
		rows = append(rows, []string{itoa(i + 1), it.Kind, it.Title, it.When(), it.Owner, st})
	}
	d.table([]column{{"序号", 0, "C"}, {"类别", 0, "C"}, {"工作内容", 40, "L"}, {"时间", 0, "C"}, {"责任人", 0, "C"},
		{"完成情况", 48, "L"}}, rows)
}

// packMeetings lists the year's meetings and activities by date, with how many deputies attended.
func packMeetings(d *document, r Report) {
	if len(r.Meetings) == 0 {
		d.paragraph("本期没有会议和活动记录。", paraStyle{})
		return
	}
	byKind := map[string]int{}
	var rows [][]string
	for i, m := range r.Meetings {
		byKind[m.Kind]++
		rows = append(rows, []string{itoa(i + 1), m.Start.Chinese(), m.Kind, m.Title, m.Place, itoa(m.Present)})
	}
	var kinds []string
	for _, k := range store.MeetingKinds {
		if byKind[k] > 0 {
			kinds = append(kinds, fmt.Sprintf("%s%d次", k, byKind[k]))
		}
	}
	d.paragraph(fmt.Sprintf("共%d次：%s。", len(r.Meetings), strings.Join(kinds, "，")), paraStyle{indent: true, after: 2})
	d.table([]column{{"序号", 0, "C"}, {"日期", 0, "C"}, {"类型", 0, "C"}, {"名称", 50, "L"}, {"地点", 20, "L"},
		{"出席代表(人)", 0, "C"}}, rows)
}

// packSuggestions is the suggestions' handling: the counts and rates of the year, the session and the recess,
// then the units' table (T5).
func packSuggestions(d *document, r Report) {
	f, prec := r.Figures, r.Figures.Precision
	parts := []store.SuggestionFigures{f.All, f.Session, f.Recess}
	var rows [][]string
	for _, k := range []store.FigureKey{store.FigReceived, store.FigHanded, store.FigReplied, store.FigClosed, store.FigUnanswered} {
		row := []string{k.Label() + "(件)"}
		for _, p := range parts {
			row = append(row, itoa(p.Count(k)))
		}
		rows = append(rows, row)
	}
	for _, def := range store.RateDefs {
		row := []string{def.Name}
		for _, p := range parts {
			rt := p.RateOf(def)
			v := rt.Percent(prec)
			if rt.Den != 0 {
				v += " " + rt.Explain()
			}
			row = append(row, v)
		}
		rows = append(rows, row)
	}
	d.table([]column{{"项目", 30, "L"}, {"全年", 20, "C"}, {"人代会期间", 20, "C"}, {"闭会期间", 20, "C"}}, rows)
	d.heading("承办单位办理情况")
	reportTable(d, r.build("T5").withRows(), prec)
}

// packStations is each station's 「六个有」 with whether it meets them all, and its stars.
func packStations(d *document, r Report) {
	if len(r.Stations) == 0 {
		d.paragraph("本期没有在用的家站点。", paraStyle{})
		return
	}
	cols := []column{{"序号", 0, "C"}, {"名称", 30, "L"}, {"类型", 0, "C"}, {"所在村(居)", 0, "C"}}
	for _, h := range store.SixHaves {
		cols = append(cols, column{"有" + h, 0, "C"})
	}
	cols = append(cols, column{"六个有达标", 0, "C"}, column{"星级", 0, "C"}, column{"接待(次)", 0, "C"})
	var rows [][]string
	met := 0
	for i, rs := range r.Stations {
		s := rs.Station
		row := []string{itoa(i + 1), s.Name, s.Type, s.Village}
		all := true
		for _, h := range s.Haves {
			row = append(row, map[bool]string{true: "有", false: "无"}[h])
			all = all && h
		}
		if all {
			met++
		}
		stars := ""
		if s.Stars > 0 {
			stars = fmt.Sprintf("%d星", s.Stars)
		}
		rows = append(rows, append(row, map[bool]string{true: "达标", false: "未达标"}[all], stars, itoa(rs.Receptions)))
	}
	d.paragraph(fmt.Sprintf("家站点%d个，「六个有」全部达标%d个。", len(r.Stations), met), paraStyle{indent: true, after: 2})
	d.table(cols, rows)
}

// packDutyScores is the 履职积分 ranking (T20) with its rules.
func packDutyScores(d *document, r Report) {
	t := r.build("T23").withRows()
	d.paragraph(t.note, paraStyle{size: 10, after: 2})
	reportTable(d, t, r.Figures.Precision)
}
