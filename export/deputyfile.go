package export

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"rendadesk/store"
)

// The deputies' documents of SPEC §6.6: the one-page 履职档案 of each deputy, the table of all deputies' year
// (T10 人大代表履职情况统计表) and the report-back results (T11 代表述职评议测评结果统计表). The figures come
// computed from store.DeputyRecord and store.ReportBack; these functions only lay them out.

// DeputyFile writes the 履职档案 of the deputies in recs, one A4 page each (a deputy with very much to show
// continues on a second): basic data, meetings and activities by kind, suggestions, reception duty and
// report-backs of the year, signed with the clerk and the date.
func DeputyFile(path string, st store.Settings, recs []store.DeputyRecord, year int, date store.Date) error {
	if len(recs) == 0 {
		return fmt.Errorf("没有要打印履职档案的代表")
	}
	d := newDocument(st.OfficeName, "人大代表履职档案", false)
	for i, r := range recs {
		if i > 0 {
			d.addPage()
		}
		deputyFilePage(d, st, r, year, date)
	}
	return d.save(path)
}

// deputyFilePage lays out one deputy's page.
func deputyFilePage(d *document, st store.Settings, r store.DeputyRecord, year int, date store.Date) {
	x := r.Deputy
	d.title(fmt.Sprintf("%s人大代表履职档案（%d年度）", strings.TrimSpace(st.Township), year))
	levels := make([]string, len(x.Levels))
	for i, l := range x.Levels {
		levels[i] = st.LevelLabel(l)
	}
	rows := [][]field{
		{{"姓名", x.Name}, {"性别", x.Gender}, {"民族", x.Ethnicity}},
		{{"出生年月", birthText(x.Birth)}, {"政治面貌", x.Party}, {"文化程度", x.Education}},
		{{"代表层级", strings.Join(levels, "、")}, {"代表小组", x.GroupName}, {"所在村(居)", x.Village}},
		{{"工作单位", x.WorkUnit}, {"职务", x.Post}},
		{{"进站", strings.Join(r.Stations, "、")}, {"联系电话", x.Phone}},
	}
	if x.Status == store.DeputyVacant {
		rows = append(rows, []field{{"状态", fmt.Sprintf("出缺（%s，%s）", x.VacancyReason, x.VacancyDate.Chinese())}})
	}
	if r.Photo != nil {
		photoGrid(d, rows, r.Photo)
	} else {
		infoGrid(d, rows)
	}

	sectionHeading(d, "一、参加会议和活动")
	t := r.Total
	if t.Marked() == 0 {
		d.paragraph("本年度没有参加会议和活动的记录。", paraStyle{size: fileSize + 0.5, indent: true})
	} else {
		line := fmt.Sprintf("本年度应参加或列席各类会议和活动 %d 次：出席 %d 次", t.Marked(), t.Present)
		if t.NonVoting > 0 {
			line += fmt.Sprintf("、列席 %d 次", t.NonVoting)
		}
		line += fmt.Sprintf("，请假 %d 次，缺席 %d 次；参加人代会以外的会议和活动 %d 次", t.Leave, t.Absent, r.Activities)
		if r.Training.Sessions > 0 { // issue 22 part 5: the hours of the trainings attended
			line += fmt.Sprintf("，其中出席培训学习 %d 次、计 %s 学时", r.Training.Sessions, store.FormatHours(r.Training.Hours))
		}
		d.paragraph(line+"。", paraStyle{size: fileSize + 0.5, indent: true, after: 1.5})
		cols := []column{{"会议和活动类型", 2, "L"}, {"出席", 1, "C"}, {"列席", 1, "C"}, {"请假", 1, "C"}, {"缺席", 1, "C"}, {"合计", 1, "C"}}
		var body [][]string
		for _, a := range r.Attendance {
			body = append(body, attendanceCells(a.Kind, a))
		}
		size := fileSize
		if len(body) > 7 {
			size = denseSize // a deputy at many kinds of meeting (评议, 询问 …): the year still on one page
		}
		recordTable(d, cols, body, attendanceCells("合计", t), size, nil)
	}

	sectionHeading(d, "二、提出建议")
	if r.Led+r.Cosigned == 0 {
		d.paragraph("本年度没有领衔或联名的建议。", paraStyle{size: fileSize + 0.5, indent: true})
	} else {
		line := fmt.Sprintf("领衔提出建议 %d 件", r.Led)
		if r.Led > 0 {
			line += fmt.Sprintf("（人代会期间 %d 件、闭会期间 %d 件），其中", r.LedSession, r.LedRecess())
			var parts []string
			for _, o := range store.RecordOutcomes {
				parts = append(parts, fmt.Sprintf("%s %d 件", o, r.LedOutcomes[o]))
			}
			line += strings.Join(parts, "、")
		}
		line += fmt.Sprintf("；联名建议 %d 件。", r.Cosigned)
		d.paragraph(line, paraStyle{size: fileSize + 0.5, indent: true})
	}

	sectionHeading(d, "三、进站接待选民")
	if r.Receptions == 0 {
		d.paragraph("本年度没有进站接待选民的记录。", paraStyle{size: fileSize + 0.5, indent: true})
	} else {
		d.paragraph(fmt.Sprintf("进站接待选民 %d 次，接待选民 %d 人次。", r.Receptions, r.Voters), paraStyle{size: fileSize + 0.5, indent: true})
	}

	sectionHeading(d, "四、向选民述职和评议")
	if len(r.ReportBacks) == 0 {
		d.paragraph("本年度没有向选民述职的记录。", paraStyle{size: fileSize + 0.5, indent: true})
	} else {
		cols := []column{{"述职日期", 1.6, "C"}, {"方式", 0.9, "C"}, {"参加评议", 1, "C"}, {"优秀", 1.5, "C"},
			{"称职", 1.5, "C"}, {"不称职", 1.5, "C"}}
		var body [][]string
		for _, b := range r.ReportBacks {
			body = append(body, []string{b.Date.Chinese(), b.Form + "述职", fmt.Sprintf("%d人", b.Participants),
				gradeText(b, b.Excellent, st.Precision), gradeText(b, b.Competent, st.Precision), gradeText(b, b.Incompetent, st.Precision)})
		}
		recordTable(d, cols, body, nil, fileSize, nil)
	}
	if len(r.Awards) > 0 { // issue 22 part 4: 评先评优
		d.paragraph("表彰："+strings.Join(r.Awards, "、")+"。", paraStyle{size: fileSize + 0.5, indent: true})
	}

	d.moveDown(6)
	made := "制表日期：" + date.Chinese()
	if st.ClerkName != "" {
		made = "制表人：" + st.ClerkName + "　　" + made
	}
	d.paragraph(made, paraStyle{size: 10.5, align: "R"})
}

// fileSize is the type size of the boxes and tables of a 履职档案, half a point under the other forms' so that
// a deputy's year fits on one page.
const fileSize = 10.5

// denseSize is the type size of an attendance table of more than seven kinds of meeting.
const denseSize = 9.0

// infoGrid draws the basic-data box of a 履职档案 on a grid of three label–value pairs a row: a row of two
// pairs widens its first value over the third pair, a row of one pair spans the page, so the labels line up.
func infoGrid(d *document, rows [][]field) { infoGridIn(d, rows, d.width, 0) }

// infoGridIn is infoGrid in a box width millimetres wide from the left margin, each row at least minLines
// lines high.
func infoGridIn(d *document, rows [][]field, width float64, minLines int) {
	const labelW = 22.0
	valueW := (width - 3*labelW) / 3
	for _, r := range rows {
		var cells []cell
		for i, f := range r {
			w := valueW
			if i == 0 {
				w += float64(3-len(r)) * (labelW + valueW)
			}
			cells = append(cells, cell{w: labelW, text: f.label, align: "C", bold: true, shade: true, repeat: true},
				cell{w: w, text: f.value, align: "L", min: minLines, middle: true})
		}
		d.row(cells, fileSize, len(r) == 1)
	}
}

// photoW is the width of the photo cell of a 履职档案: a 1-inch photo (25 × 35 mm) with a margin.
const photoW = 28.0

// photoBesideRows is how many rows of the basic data stand beside the photo, each two lines high: with the photo's
// margin, as high as a 1-inch photo. The rows after them (work unit, phone …) span the page as without one.
const photoBesideRows = 3

// photoGrid draws the basic-data box of a 履职档案 with the deputy's photo at its right, as a registration form
// has it: the first rows narrower by the photo's column and taller, the photo fitted (its shape kept) into
// the cell beside them.
func photoGrid(d *document, rows [][]field, photo *store.PrintImage) {
	n := min(photoBesideRows, len(rows))
	top := d.y()
	infoGridIn(d, rows[:n], d.width-photoW, 2)
	bottom := d.y()
	x := d.right - photoW
	d.pdf.Rect(x, top, photoW, bottom-top, "D")
	drawImage(d, photo, x+1.5, top+1.5, photoW-3, bottom-top-3)
	d.pdf.SetXY(d.left, bottom)
	infoGridIn(d, rows[n:], d.width, 0)
}

// drawImage draws a print image fitted into the box (x, y, w, h) and centred in it, keeping its shape.
func drawImage(d *document, img *store.PrintImage, x, y, w, h float64) {
	if img == nil || img.Width == 0 || img.Height == 0 {
		return
	}
	d.images++
	name := fmt.Sprintf("image-%d", d.images)
	opt := fpdf.ImageOptions{ImageType: "JPG"}
	d.pdf.RegisterImageOptionsReader(name, opt, bytes.NewReader(img.JPEG))
	scale := min(w/float64(img.Width), h/float64(img.Height))
	iw, ih := float64(img.Width)*scale, float64(img.Height)*scale
	d.pdf.ImageOptions(name, x+(w-iw)/2, y+(h-ih)/2, iw, ih, false, opt, 0, "")
}

// sectionHeading is a 履职档案 section title: bold, a little smaller and tighter than document.heading, kept
// with the first lines of its section.
func sectionHeading(d *document, s string) {
	const size = 12.0
	lh := lineHeight(size)
	d.ensure(lh + 20)
	d.moveDown(3.5)
	d.font(true, size)
	d.text(d.left, d.y(), d.width, lh, clean(s), "L")
	d.moveDown(lh + 1)
}

func attendanceCells(label string, a store.AttendanceCount) []string {
	return []string{label, itoa(a.Present), itoa(a.NonVoting), itoa(a.Leave), itoa(a.Absent), itoa(a.Marked())}
}

// gradeText is a grade's count with its share of the participants: 29人（63.0%）.
func gradeText(b store.ReportBack, n, prec int) string {
	return fmt.Sprintf("%d人（%s）", n, b.Percent(n, prec))
}

// birthText renders 1968-05 as 1968年5月.
func birthText(ym string) string {
	y, m, ok := strings.Cut(ym, "-")
	if !ok {
		return ym
	}
	if n, err := strconv.Atoi(m); err == nil {
		return fmt.Sprintf("%s年%d月", y, n)
	}
	return ym
}

// recordTable is the table of the deputies' record documents (履职档案, T10, T11): document.table with a
// closing 合计 row in bold (when total is not nil), set in size points; the header row is repeated on every
// page the table runs over. The columns are sized by document.columnWidths unless widths are given.
func recordTable(d *document, cols []column, rows [][]string, total []string, size float64, widths []float64) {
	all := rows
	if total != nil {
		all = append(append([][]string{}, rows...), total)
	}
	if widths == nil {
		widths = d.columnWidths(cols, all)
	}
	header := func() {
		cells := make([]cell, len(cols))
		for i, c := range cols {
			cells[i] = cell{w: widths[i], text: c.title, align: "C", bold: true, shade: true}
		}
		d.row(cells, size, false)
	}
	d.ensure(2 * (lineHeight(size) + 2*cellPadY))
	header()
	d.onPageBreak = header
	defer func() { d.onPageBreak = nil }()
	for k, r := range all {
		bold := total != nil && k == len(all)-1
		cells := make([]cell, len(cols))
		for i, c := range cols {
			v := ""
			if i < len(r) {
				v = r[i]
			}
			cells[i] = cell{w: widths[i], text: v, align: c.align, bold: bold}
		}
		d.row(cells, size, false)
	}
}

// tableMeta writes the line every yearly table carries (domain.md §5): the office, the period, the clerk and
// the date. The period ends on the date when the table is made during the year.
func tableMeta(d *document, st store.Settings, year int, date store.Date) {
	p := store.YearPeriod(year)
	if date.Year() == year {
		p = p.Until(date)
	}
	parts := []string{"单位：" + orOffice(st), fmt.Sprintf("统计时段：%s至%s", p.From.Chinese(), p.To.Chinese())}
	if st.ClerkName != "" {
		parts = append(parts, "制表人："+st.ClerkName)
	}
	parts = append(parts, "制表日期："+date.Chinese())
	d.paragraph(strings.Join(parts, "　　"), paraStyle{size: 10.5, after: 2})
}

// t10Size is the type size of the T10 table, two points smaller than other tables to fit its sixteen columns.
const t10Size = 9.0

// t10Widths are the column widths of T10 in millimetres: four characters of t10Size with the cell padding
// need 17 mm; the report-back result takes what is left of the page.
func t10Widths(page float64) []float64 {
	w := []float64{10, 17, 19, 16, 17, 17, 11, 11, 12.5, 12.5, 17, 17, 17, 0, 17, 18}
	used := 0.0
	for _, x := range w {
		used += x
	}
	w[13] = page - used
	return w
}

// DeputyTable writes T10 人大代表履职情况统计表 (A4 landscape): one row per deputy with the year's attendance,
// activities, suggestions, reception duty and report-back result, a 合计 row in bold, and the header repeated
// on every page.
func DeputyTable(path string, st store.Settings, recs []store.DeputyRecord, year int, date store.Date) error {
	if len(recs) == 0 {
		return fmt.Errorf("%d年没有在任的代表，未生成履职情况统计表", year)
	}
	d := newDocument(st.OfficeName, "人大代表履职情况统计表", true)
	d.title(strings.TrimSpace(st.Township) + "人大代表履职情况统计表")
	d.subtitle(fmt.Sprintf("（%d年度）", year))
	tableMeta(d, st, year, date)
	// Sixteen columns across a landscape page: the header words are broken by hand into lines of at most
	// four characters, and t10Widths gives the numeric columns room for four characters. The last two are the
	// yearly report's T10 contact columns (store's one rule of the norm: DeputyRecord.VisitsBehind).
	cols := []column{{"序号", 0, "C"}, {"姓名", 0, "C"}, {"代表小组", 0, "C"}, {"人代会\n出席", 0, "C"},
		{"活动参加\n次数", 0, "C"}, {"其中主席\n团会议", 0, "C"}, {"请假", 0, "C"}, {"缺席", 0, "C"}, {"领衔\n建议", 0, "C"},
		{"联名\n建议", 0, "C"}, {"领衔建议\n已解决", 0, "C"}, {"进站接待\n次数", 0, "C"}, {"接待选民\n人次", 0, "C"},
		{"述职评议结果", 0, "C"}, {"联系选民\n次数", 0, "C"}, {"联系选民\n达标", 0, "C"}}
	// The rows and the 合计 are the yearly report's T10, so the two print the same numbers.
	t := Report{ReportData: store.ReportData{Settings: st, Records: recs}}.t10()
	var rows [][]string
	for _, r := range t.rows {
		line := make([]string, len(cols))
		for i := range line {
			if i < len(r.cells) {
				line[i] = cellText(r.cells[i], st.Precision)
			}
		}
		rows = append(rows, line)
	}
	rows, total := rows[:len(rows)-1], rows[len(rows)-1]
	recordTable(d, cols, rows, total, t10Size, t10Widths(d.width))
	d.moveDown(3)
	d.paragraph("注：人代会出席为出席本级人民代表大会会议的次数；活动参加次数为出席或列席人代会以外各类会议和活动（含主席团会议、"+
		"视察、调研、执法检查、代表小组活动、培训学习等）的次数；请假、缺席为各类会议和活动合计；接待选民人次为本人值班时接待的人次，"+
		"多名代表同场值班时各自计入；建议按收到日期计入年度，办理结果为制表时的结果；述职评议结果为优秀票占参加评议人数的比例；"+
		contactNorm(st, year, date)+"。", paraStyle{size: 9.5})
	return d.save(path)
}

// contactNorm says how the printed T10's 联系选民达标 is counted: over the deputies in office at the year's end,
// or on the day the table is made during the year against the visits due by then.
func contactNorm(st store.Settings, year int, date store.Date) string {
	if date.Year() == year && date < store.YearPeriod(year).To {
		return fmt.Sprintf("年度未结束，联系选民达标按%s在任的代表、截至当日应有的联系次数(每年要求次数按月份折算)计，不在任的为「—」", date.Chinese())
	}
	return "联系选民达标按年末在任的代表、每年要求的联系次数计，年内离任的为「—」"
}

// reportBackResult is the T10 cell of a deputy's report-backs of the year: 口头述职 优秀63.0%, one line each.
func reportBackResult(backs []store.ReportBack, prec int) string {
	if len(backs) == 0 {
		return "—"
	}
	parts := make([]string, len(backs))
	for i, b := range backs {
		parts[i] = fmt.Sprintf("%s述职 优秀%s", b.Form, b.Percent(b.Excellent, prec))
	}
	return strings.Join(parts, "\n")
}

// ReportBackTable writes T11 代表述职评议测评结果统计表 (A4 landscape): each report-back of the year with its
// participants and the three grades, each as a number and as a share of the participants (「—」 when nobody
// took part), the ballots left blank or invalid, and a 合计 row in bold.
func ReportBackTable(path string, st store.Settings, rows []store.ReportBack, year int, date store.Date) error {
	if len(rows) == 0 {
		return fmt.Errorf("%d年没有述职评议记录，未生成述职评议统计表", year)
	}
	d := newDocument(st.OfficeName, "代表述职评议测评结果统计表", true)
	d.title(strings.TrimSpace(st.Township) + "人大代表述职评议测评结果统计表")
	d.subtitle(fmt.Sprintf("（%d年度）", year))
	tableMeta(d, st, year, date)
	oral := 0
	deputies := map[int64]bool{}
	for _, r := range rows {
		deputies[r.DeputyID] = true
		if r.Form == "口头" {
			oral++
		}
	}
	d.paragraph(fmt.Sprintf("共 %d 名代表向选民述职 %d 场，其中口头述职 %d 场、书面述职 %d 场。", len(deputies), len(rows), oral, len(rows)-oral),
		paraStyle{size: 10.5, after: 2})
	cols := []column{{"序号", 0, "C"}, {"代表", 0, "C"}, {"述职日期", 0, "C"}, {"述职方式", 0, "C"}, {"参加评议人数", 1, "C"},
		{"优秀(人)", 1, "C"}, {"优秀(%)", 1, "C"}, {"称职(人)", 1, "C"}, {"称职(%)", 1, "C"}, {"不称职(人)", 1, "C"},
		{"不称职(%)", 1, "C"}, {"弃权或无效", 1, "C"}, {"备注", 1.6, "L"}}
	var body [][]string
	var sum store.ReportBack
	for i, r := range rows {
		body = append(body, reportBackCells(itoa(i+1), r.DeputyName, r.Date.Chinese(), r.Form, r, st.Precision, r.Notes))
		sum.Participants += r.Participants
		sum.Excellent += r.Excellent
		sum.Competent += r.Competent
		sum.Incompetent += r.Incompetent
	}
	recordTable(d, cols, body, reportBackCells("合计", fmt.Sprintf("%d人", len(deputies)), "", "", sum, st.Precision, ""), cellSize, nil)
	d.moveDown(3)
	d.paragraph("注：百分比为该等次人数占参加评议人数的比例；弃权或无效为参加评议人数减去三个等次人数之和。", paraStyle{size: 9.5})
	return d.save(path)
}

func reportBackCells(seq, name, date, form string, r store.ReportBack, prec int, notes string) []string {
	if form != "" {
		form += "述职"
	}
	return []string{seq, name, date, form, itoa(r.Participants),
		itoa(r.Excellent), r.Percent(r.Excellent, prec), itoa(r.Competent), r.Percent(r.Competent, prec),
		itoa(r.Incompetent), r.Percent(r.Incompetent, prec), itoa(r.Participants - r.Excellent - r.Competent - r.Incompetent), notes}
}
