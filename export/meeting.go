package export

import (
	"fmt"
	"slices"
	"strings"

	"rendadesk/store"
)

// The meeting materials of SPEC §6.4 (domain.md §5.2): what the office prints for a 人代会 or a 主席团会议 —
// the agenda, the sign-in sheet, the list of non-voting attendees, the ballots on the resolutions and the
// tally sheet, the resolutions' text, the election ballots and the election report. One PDF, each part
// starting on a new page and numbered on its own, in the order of MeetingParts. Ballots are printed as many
// to a sheet as asked, as many copies as deputies are expected.

// MeetingParts are the parts of a meeting's materials, by their Chinese names, in the order they are printed.
var MeetingParts = []string{"会议议程", "代表签到表", "列席人员名单", "表决票", "计票结果单", "决议文本", "选票", "选举结果报告"}

// meetingDoc is a meeting's materials being written.
type meetingDoc struct {
	d        *document
	st       store.Settings
	m        store.Meeting
	det      store.MeetingDetail
	q        store.Quorum
	expected []store.Deputy
	perSheet int // ballots on one sheet
	copies   int // of each ballot
}

// has reports whether the meeting has the data a part is made from.
func (md *meetingDoc) has(part string) bool { return MeetingPartHas(part, md.det, len(md.expected)) }

// MeetingPartHas reports whether a meeting has the data a part of its materials (MeetingParts) is made from:
// the agenda, deputies for the sign-in sheet (signIn: how many it lists), guests, resolutions or elections.
// The meeting editor offers only these parts; MeetingMaterials refuses the others.
func MeetingPartHas(part string, d store.MeetingDetail, signIn int) bool {
	switch part {
	case "会议议程":
		return len(d.Agenda) > 0
	case "代表签到表":
		return signIn > 0
	case "列席人员名单":
		return len(d.Guests) > 0
	case "表决票", "计票结果单", "决议文本":
		return len(d.Resolutions) > 0
	case "选票", "选举结果报告":
		return len(d.Elections) > 0
	}
	return false
}

// missing says in the clerk's words why a part cannot be printed.
var missing = map[string]string{
	"会议议程":   "没有登记议程",
	"代表签到表":  "没有应到的代表",
	"列席人员名单": "没有登记列席人员",
	"表决票":    "没有登记决议",
	"计票结果单":  "没有登记决议",
	"决议文本":   "没有登记决议",
	"选票":     "没有登记选举",
	"选举结果报告": "没有登记选举",
}

// MeetingPrint says what to print of a meeting's materials.
type MeetingPrint struct {
	Parts []string // of MeetingParts; none: every part the meeting has data for
	// PerSheet is how many 表决票 or 选票 go on one A4 sheet, with cut lines between them: 1, 2 or 4 (0 means
	// 2). A ballot too tall for a quarter or a half of the sheet gets the next larger share.
	PerSheet int
	// Copies is how many of each ballot are printed: 0 means one for every deputy expected (应到). With more
	// than one, each resolution's or election's ballots start on a sheet of their own, so a cut stack holds
	// one kind.
	Copies int
}

// BallotsPerSheet are the choices of MeetingPrint.PerSheet.
var BallotsPerSheet = []int{1, 2, 4}

// DefaultCopies is the number of each ballot printed when none is asked for: the deputies expected at the
// meeting (应到), as the quorum counts them or else as the sign-in sheet lists them; at least one.
func DefaultCopies(q store.Quorum, expected int) int {
	switch {
	case q.Expected > 0:
		return q.Expected
	case expected > 0:
		return expected
	}
	return 1
}

// MeetingMaterials writes the chosen parts of a meeting's materials (MeetingParts; none chosen: every part the
// meeting has data for) to one PDF, each part numbered on its own. q is the meeting's quorum and expected the
// deputies expected at it, by group (store.DB.Quorum and store.DB.ExpectedAttendees). A part that is not one
// of MeetingParts, or that the meeting has no data for, is refused with a message that says so, as is a
// number of ballots per sheet other than 1, 2 or 4, or a negative number of copies.
func MeetingMaterials(path string, st store.Settings, m store.Meeting, d store.MeetingDetail, q store.Quorum,
	expected []store.Deputy, p MeetingPrint) error {
	md := &meetingDoc{st: st, m: m, det: d, q: q, expected: expected, perSheet: p.PerSheet, copies: p.Copies}
	if md.perSheet == 0 {
		md.perSheet = 2
	}
	if !slices.Contains(BallotsPerSheet, md.perSheet) {
		return store.Errorf(store.EINVALID, "每张纸印的选票(表决票)张数只能是 1、2 或 4，不能是 %d", p.PerSheet)
	}
	if md.copies < 0 || md.copies > 2000 {
		return store.Errorf(store.EINVALID, "选票(表决票)份数应在 1 到 2000 之间，不能是 %d", p.Copies)
	}
	if md.copies == 0 {
		md.copies = DefaultCopies(q, len(expected))
	}
	var chosen []string
	for _, part := range p.Parts {
		part = strings.TrimSpace(part)
		if !slices.Contains(MeetingParts, part) {
			return store.Errorf(store.EINVALID, "不认识的会议材料「%s」，可以是: %s", part, strings.Join(MeetingParts, "、"))
		}
		if !md.has(part) {
			return store.Errorf(store.ENOTFOUND, "「%s」%s，不能打印%s", m.Title, missing[part], part)
		}
	}
	for _, part := range MeetingParts { // in the printed order, each once
		if len(p.Parts) == 0 && md.has(part) || slices.Contains(p.Parts, part) {
			chosen = append(chosen, part)
		}
	}
	if len(chosen) == 0 {
		return store.Errorf(store.ENOTFOUND, "「%s」还没有登记议程、代表、决议或选举，没有可打印的会议材料", m.Title)
	}
	md.d = newDocument(st.OfficeName, chosen[0], false)
	for _, part := range chosen {
		md.d.startPart(part) // each part from a new page, numbered on its own
		switch part {
		case "会议议程":
			md.agenda()
		case "代表签到表":
			md.signIn()
		case "列席人员名单":
			md.guests()
		case "表决票":
			md.ballots()
		case "计票结果单":
			md.tally()
		case "决议文本":
			md.resolutions()
		case "选票":
			md.electionBallots()
		case "选举结果报告":
			md.electionReport()
		}
	}
	return md.d.save(path)
}

// when is the meeting's date and time: 2024年9月2日上午9:00, or 2024年9月2日上午9:00至9月3日 over days.
func (md *meetingDoc) when() string {
	m := md.m
	s := m.Start.Chinese() + m.Time
	if m.End != "" && m.End != m.Start {
		end := m.End.Chinese()
		if m.End.Year() == m.Start.Year() {
			end = strings.TrimPrefix(end, fmt.Sprintf("%d年", m.End.Year()))
		}
		s += "至" + end
	}
	return s
}

// voteDay is the day the meeting votes: its last day.
func (md *meetingDoc) voteDay() store.Date {
	if md.m.End != "" {
		return md.m.End
	}
	return md.m.Start
}

// chineseOrdinal is the Chinese ordinal of a list item: 一、二、…
func chineseOrdinal(i int) string { return store.ChineseNumber(i) + "、" }

// agenda writes the 会议议程: the meeting's title over 「议程」, when, where and who presides, and the numbered
// items with who presents each.
func (md *meetingDoc) agenda() {
	d := md.d
	d.title(md.m.Title + "\n议　　程")
	info := [][2]string{{"时　间", md.when()}, {"地　点", md.m.Place}, {"主持人", md.m.Host}}
	d.moveDown(2)
	for _, f := range info {
		if strings.TrimSpace(f[1]) == "" {
			continue
		}
		d.hangingLine(f[0]+"：", f[1], bodySize+1, false, 16, 0)
		d.moveDown(1.5)
	}
	d.moveDown(8)
	for i, a := range md.det.Agenda {
		d.ensure(2*lineHeight(bodySize+2) + 6)
		d.hangingLine(chineseOrdinal(i+1), a.Title, bodySize+2, true, 8, 0)
		if p := strings.TrimSpace(a.Presenter); p != "" {
			label := "主持人："
			if a.Kind == "审议报告" {
				label = "报告人："
			}
			d.moveDown(1)
			d.hangingLine("", label+p, bodySize, false, 8+d.stringWidth(chineseOrdinal(i+1), bodySize+2, true), 0)
		}
		d.moveDown(6)
	}
}

// stringWidth measures s in the given font.
func (d *document) stringWidth(s string, size float64, bold bool) float64 {
	d.font(bold, size)
	return d.pdf.GetStringWidth(clean(s))
}

// hangingLine writes label then text, the text's wrapped lines aligned after the label: a numbered item
// 「一、听取和审议……」 or a field 「地　点：……」. indent is from the left margin; it breaks pages between lines.
func (d *document) hangingLine(label, text string, size float64, bold bool, indent, after float64) {
	lw := d.stringWidth(label, size, bold)
	lh := lineHeight(size) * 1.15
	lines := d.wrap(text, d.width-indent-lw)
	if len(lines) == 0 {
		lines = []string{""}
	}
	for i, l := range lines {
		if d.room() < lh {
			d.breakPage()
			d.font(bold, size)
		}
		if i == 0 && label != "" {
			d.text(d.left+indent, d.y(), lw, lh, clean(label), "L")
		}
		d.text(d.left+indent+lw, d.y(), d.width-indent-lw, lh, l, "L")
		d.moveDown(lh)
	}
	d.moveDown(after)
}

// signInRowH is the height of a row of the sign-in sheet: room to sign a name by hand.
const signInRowH = 10.5

// fixedHeightRow draws a table row at least h high, its cells' text centred vertically; a row that does not
// fit on the page goes whole to the next one, where the table's header is redrawn.
func (d *document) fixedHeightRow(cells []cell, size, h float64) {
	lh := lineHeight(size)
	n := 1
	for i := range cells {
		d.font(cells[i].bold, size)
		cells[i].lines = d.wrap(cells[i].text, cells[i].w-2*cellPadX)
		n = max(n, len(cells[i].lines))
	}
	h = max(h, 2*cellPadY+float64(n)*lh)
	if d.room() < h && !d.freshPage() {
		d.breakPage()
	}
	x, y := d.left, d.y()
	for _, c := range cells {
		style := "D"
		if c.shade {
			d.pdf.SetFillColor(238, 238, 238)
			style = "FD"
		}
		d.pdf.Rect(x, y, c.w, h, style)
		d.font(c.bold, size)
		top := y + (h-float64(len(c.lines))*lh)/2
		for i, l := range c.lines {
			d.text(x+cellPadX, top+float64(i)*lh, c.w-2*cellPadX, lh, l, c.align)
		}
		x += c.w
	}
	d.pdf.SetXY(d.left, y+h)
}

// airyTable draws a table of rows at least rowH high under a shaded header that is repeated on every page:
// a list to read out or hand round, set more loosely than a data table.
func (d *document) airyTable(titles []string, widths []float64, aligns []string, rows [][]string, rowH float64) {
	header := func() {
		cells := make([]cell, len(titles))
		for i, t := range titles {
			cells[i] = cell{w: widths[i], text: t, align: "C", bold: true, shade: true}
		}
		d.fixedHeightRow(cells, cellSize, 9)
	}
	d.ensure(9 + rowH)
	header()
	d.onPageBreak = header
	defer func() { d.onPageBreak = nil }()
	for _, r := range rows {
		cells := make([]cell, len(titles))
		for i := range titles {
			cells[i] = cell{w: widths[i], text: r[i], align: aligns[i]}
		}
		d.fixedHeightRow(cells, cellSize, rowH)
	}
}

// signIn writes the 代表签到表: the expected deputies by group under a heading row per group, each with a
// box to sign in and, when attendance is already recorded, the leave marked; then the totals.
func (md *meetingDoc) signIn() {
	d := md.d
	d.title(md.m.Title + "\n代表签到表")
	sub := "时间：" + md.when()
	if md.m.Place != "" {
		sub += "　　地点：" + md.m.Place
	}
	d.subtitle(sub)
	widths := []float64{14, 28, 36, 0, 42}
	widths[3] = d.width - widths[0] - widths[1] - widths[2] - widths[4] // the signature box takes the rest
	titles := []string{"序号", "姓名", "代表小组/选区", "签　到", "备　注"}
	header := func() {
		cells := make([]cell, len(titles))
		for i, t := range titles {
			cells[i] = cell{w: widths[i], text: t, align: "C", bold: true, shade: true}
		}
		d.fixedHeightRow(cells, cellSize, 9)
	}
	marks := map[int64]store.Attendance{}
	for _, a := range md.det.Attendance {
		marks[a.DeputyID] = a
	}
	groupRow := func(text string) {
		d.fixedHeightRow([]cell{{w: d.width, text: text, align: "L", bold: true, shade: true}}, cellSize, 8)
	}
	cont := "" // the group whose rows go on over a page break
	d.ensure(9 + 8 + signInRowH)
	header()
	d.onPageBreak = func() {
		header()
		if cont != "" {
			groupRow(cont + "（续）")
		}
	}
	groupSize := map[string]int{}
	for _, dp := range md.expected {
		groupSize[dp.GroupName]++
	}
	group := "\x00" // no group yet
	for i, dp := range md.expected {
		if dp.GroupName != group {
			group = dp.GroupName
			name := group
			if name == "" {
				name = "未编入小组的代表"
			}
			cont = ""
			d.ensure(8 + signInRowH)
			groupRow(fmt.Sprintf("%s（%d 人）", name, groupSize[group]))
			cont = name
		}
		where := dp.District
		if where == "" {
			where = dp.GroupName
		}
		note := ""
		switch a := marks[dp.ID]; a.Status {
		case "请假":
			note = "请假"
			if a.Reason != "" {
				note += "（" + a.Reason + "）"
			}
		case "缺席":
			note = "缺席"
		}
		d.fixedHeightRow([]cell{{w: widths[0], text: itoa(i + 1), align: "C"}, {w: widths[1], text: dp.Name, align: "C"},
			{w: widths[2], text: where, align: "C"}, {w: widths[3]}, {w: widths[4], text: note, align: "C"}},
			cellSize, signInRowH)
	}
	d.onPageBreak = nil
	// The totals are store.CountAttendance's (md.q); a sheet not yet marked leaves boxes to fill in, under the
	// number of deputies it lists.
	q := md.q
	total := fmt.Sprintf("应到 %d 人　　实到 ____ 人　　请假 ____ 人", len(md.expected))
	if len(md.det.Attendance) > 0 {
		total = fmt.Sprintf("应到 %d 人　　实到 %d 人　　请假 %d 人", q.Expected, q.Present, q.Leave)
		if q.Absent > 0 {
			total += fmt.Sprintf("　　缺席 %d 人", q.Absent)
		}
		if q.NonVoting > 0 {
			total += fmt.Sprintf("　　列席 %d 人", q.NonVoting)
		}
	}
	d.ensure(30)
	d.moveDown(6)
	d.paragraph(total, paraStyle{bold: true, size: bodySize + 1, after: 6})
	d.paragraph("统计人：______________", paraStyle{align: "R"})
}

// guests writes the 列席人员名单.
func (md *meetingDoc) guests() {
	d := md.d
	d.title(md.m.Title + "\n列席人员名单")
	rows := make([][]string, len(md.det.Guests))
	for i, g := range md.det.Guests {
		rows[i] = []string{itoa(i + 1), g.Name, g.Unit, g.Post}
	}
	widths := []float64{16, 30, 0, 50}
	widths[2] = d.width - widths[0] - widths[1] - widths[3]
	d.airyTable([]string{"序号", "姓名", "单位", "职务"}, widths, []string{"C", "C", "L", "L"}, rows, 10)
	d.moveDown(5)
	d.paragraph(fmt.Sprintf("共 %d 人", len(md.det.Guests)), paraStyle{bold: true})
}

// slip lays out one ballot from the top down inside its frame: a dry slip only measures how high it is.
// Sizes are given for a half sheet and multiplied by scale (smaller in a quarter).
type slip struct {
	d     *document
	dry   bool
	x, w  float64 // the frame's left edge and width
	y     float64
	scale float64
}

// slipInset is how far a ballot's text stays inside its frame (half sheet).
const slipInset = 12.0

// pt is a size of a half-sheet ballot at the slip's scale.
func (s *slip) pt(v float64) float64 { return v * s.scale }

// inner is the left edge and width of the text inside the frame.
func (s *slip) inner() (float64, float64) {
	in := s.pt(slipInset)
	return s.x + in, s.w - 2*in
}

// line writes centred, wrapped text.
func (s *slip) line(text string, size float64, bold bool, after float64) {
	d := s.d
	x, w := s.inner()
	size = s.pt(size)
	d.font(bold, size)
	lh := lineHeight(size) * 1.1
	for _, l := range d.wrap(text, w) {
		if !s.dry {
			d.font(bold, size)
			d.text(x, s.y, w, lh, l, "C")
		}
		s.y += lh
	}
	s.y += s.pt(after)
}

// note writes a note after its label: centred when it takes one line, else wrapped with its lines aligned
// under the text.
func (s *slip) note(label, text string, size float64) {
	d := s.d
	size = s.pt(size)
	lw := d.stringWidth(label, size, false)
	x, w := s.inner()
	w -= lw
	lh := lineHeight(size) * 1.1
	d.font(false, size)
	lines := d.wrap(text, w)
	if len(lines) == 1 {
		x += (w - d.stringWidth(lines[0], size, false)) / 2
	}
	for i, l := range lines {
		if !s.dry {
			d.font(false, size)
			if i == 0 {
				d.text(x, s.y, lw, lh, clean(label), "L")
			}
			d.text(x+lw, s.y, w, lh, l, "L")
		}
		s.y += lh
	}
}

// block reserves h millimetres (at the slip's scale) drawn by fn at the slip's current y.
func (s *slip) block(h float64, fn func(y float64)) {
	if !s.dry {
		fn(s.y)
	}
	s.y += s.pt(h)
}

// checkBox draws the square a voter marks, side mm wide, its top left corner at (x, y).
func (d *document) checkBox(x, y, side float64) {
	d.pdf.SetLineWidth(0.4)
	d.pdf.Rect(x, y, side, side, "D")
	d.pdf.SetLineWidth(0.25)
}

// cutGap is the room between two ballots on a sheet, with the cut line in its middle.
const cutGap = 12.0

// slipCell is where one ballot goes on its sheet.
type slipCell struct{ x, y, w, h float64 }

// slipCells divides the body of a sheet into per frames, row by row, around cut lines at the middle of the
// paper (where a guillotine cuts a stack in half): one frame across the page, two one above the other, or
// four in two rows of two. The frames shrink to fit the margins.
func (d *document) slipCells(per int) []slipCell {
	pw, ph := d.pdf.GetPageSize()
	midX, midY := pw/2, ph/2
	full := slipCell{d.left, d.top, d.width, d.bottom - d.top}
	if per == 1 {
		return []slipCell{full}
	}
	topH := midY - cutGap/2 - d.top
	botH := d.bottom - (midY + cutGap/2)
	h := min(topH, botH)
	rows := []float64{midY - cutGap/2 - h, midY + cutGap/2}
	if per == 2 {
		return []slipCell{{d.left, rows[0], d.width, h}, {d.left, rows[1], d.width, h}}
	}
	w := min(midX-cutGap/2-d.left, d.right-(midX+cutGap/2))
	cols := []float64{midX - cutGap/2 - w, midX + cutGap/2}
	return []slipCell{{cols[0], rows[0], w, h}, {cols[1], rows[0], w, h}, {cols[0], rows[1], w, h}, {cols[1], rows[1], w, h}}
}

// slipScale is the size of a ballot's text in a frame of a sheet cut in per: a quarter sheet is narrower.
func slipScale(per int) float64 {
	if per == 4 {
		return 0.72
	}
	return 1
}

// slips writes kinds ballots (one per resolution or election), copies of each, per to a sheet with dashed cut
// lines between them; a ballot too tall for its frame gets the next larger share of the sheet (4 → 2 → 1).
// With more than one copy, each kind starts on a sheet of its own. The first ballot starts on the current
// page, which is a fresh one.
func (d *document) slips(kinds, copies, per int, draw func(i int, s *slip)) {
	for ; per > 1; per /= 2 {
		fits := true
		cell := d.slipCells(per)[0]
		for i := 0; i < kinds && fits; i++ {
			m := &slip{d: d, dry: true, w: cell.w, scale: slipScale(per)}
			draw(i, m)
			fits = m.y+10 <= cell.h
		}
		if fits {
			break
		}
	}
	cells := d.slipCells(per)
	k := 0 // the frame on the current sheet the next ballot goes into
	for i := 0; i < kinds; i++ {
		if copies > 1 && k > 0 {
			k = 0 // a kind's stack starts on a sheet of its own
			d.addPage()
		}
		for c := 0; c < copies; c++ {
			if k == len(cells) {
				k = 0
				d.addPage()
			}
			d.cutLines(per, k)
			cell := cells[k]
			m := &slip{d: d, dry: true, w: cell.w, scale: slipScale(per)}
			draw(i, m)
			h := cell.h
			if per == 1 {
				h = min(cell.h, m.y+20) // a whole sheet: the frame as high as the ballot
			}
			d.pdf.SetLineWidth(0.3)
			d.pdf.Rect(cell.x, cell.y, cell.w, h, "D")
			d.pdf.SetLineWidth(0.25)
			draw(i, &slip{d: d, x: cell.x, w: cell.w, y: cell.y + (h-m.y)/2, scale: slipScale(per)})
			d.pdf.SetXY(d.left, cell.y+h)
			k++
		}
	}
}

// cutLines draws the cut lines a sheet needs once frame k of per is used: the line across the middle with
// the second row, the line down the middle beside each row's second frame.
func (d *document) cutLines(per, k int) {
	pw, ph := d.pdf.GetPageSize()
	switch {
	case per == 2 && k == 1, per == 4 && k == 2:
		d.cutLine(ph / 2)
	}
	if per == 4 && (k == 1 || k == 3) {
		top, bottom := 8.0, ph/2
		if k == 3 {
			top, bottom = ph/2, d.bottom+3 // clear of the page number under it
		}
		d.cutLineDown(pw/2, top, bottom)
	}
}

// cutLine draws a dashed line across the page at y, with 「裁剪线」 in its middle.
func (d *document) cutLine(y float64) {
	p := d.pdf
	w, _ := p.GetPageSize()
	label := "裁　剪　线"
	d.font(false, smallSize)
	lw := p.GetStringWidth(label) + 6
	mid := w / 2
	p.SetDrawColor(120, 120, 120)
	p.SetLineWidth(0.2)
	p.SetDashPattern([]float64{2, 1.5}, 0)
	p.Line(8, y, mid-lw/2, y)
	p.Line(mid+lw/2, y, w-8, y)
	p.SetDashPattern([]float64{}, 0)
	p.SetTextColor(120, 120, 120)
	d.text(mid-lw/2, y-2.5, lw, 5, label, "C")
	p.SetTextColor(0, 0, 0)
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.25)
}

// cutLineDown draws a dashed line down the page at x from top to bottom, leaving the crossing with the line
// across free.
func (d *document) cutLineDown(x, top, bottom float64) {
	p := d.pdf
	_, ph := p.GetPageSize()
	p.SetDrawColor(120, 120, 120)
	p.SetLineWidth(0.2)
	p.SetDashPattern([]float64{2, 1.5}, 0)
	if top < ph/2 {
		bottom -= 4
	} else {
		top += 4
	}
	p.Line(x, top, x, bottom)
	p.SetDashPattern([]float64{}, 0)
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.25)
}

// ballots writes the 表决票: copies of one per resolution, with the three choices to mark.
func (md *meetingDoc) ballots() {
	d := md.d
	d.slips(len(md.det.Resolutions), md.copies, md.perSheet, func(i int, s *slip) {
		r := md.det.Resolutions[i]
		s.line(md.m.Title, 14, true, 3)
		s.line("表　决　票", 24, true, 5)
		s.line(r.Title, 14, true, 10)
		s.block(14, func(y float64) {
			side, gap, size := s.pt(9), s.pt(3), s.pt(18)
			choices := []string{"赞成", "反对", "弃权"}
			left, width := s.inner()
			third := width / 3
			for k, c := range choices {
				ww := side + gap + d.stringWidth(c, size, false)
				x := left + third*float64(k) + (third-ww)/2
				d.checkBox(x, y+s.pt(1), side)
				d.font(false, size)
				d.text(x+side+gap, y+s.pt(1), ww-side-gap, side, c, "L")
			}
		})
		s.block(10, func(float64) {})
		s.note("说明：", "请在选定的方框内划“✓”，只能选一项。", 11)
	})
}

// resolutionResult is a resolution's result by the rule (more than half of the base votes for it), or as the
// clerk entered it when the meeting has no voting base; "" before the vote.
func (md *meetingDoc) resolutionResult(r store.Resolution) (result string, disagrees bool) {
	if r.For+r.Against+r.Abstain == 0 && r.EnteredResult == "" {
		return "", false
	}
	if md.q.Base == 0 {
		return r.EnteredResult, false
	}
	passed, disagrees := md.q.ResolutionResult(r)
	if passed {
		return "通过", disagrees
	}
	return "未通过", disagrees
}

// tally writes the 计票结果单: for each resolution 应到, 实到, 赞成, 反对, 弃权 and the result by the rule, blank
// before the vote, with lines for the scrutineers to sign.
func (md *meetingDoc) tally() {
	d := md.d
	d.title(md.m.Title + "\n表决计票结果单")
	if md.q.Base > 0 {
		d.paragraph(fmt.Sprintf("表决规则：赞成票超过%s（%d 人）的半数，即不少于 %d 票，为通过。",
			orDefault(md.q.BaseName, "全体代表"), md.q.Base, md.q.Needed()), paraStyle{size: 10.5, after: 2})
	}
	recorded := len(md.det.Attendance) > 0
	titles := []string{"应到", "实到", "赞成", "反对", "弃权", "结果"}
	w := d.width / float64(len(titles))
	for i, r := range md.det.Resolutions {
		d.ensure(75)
		d.moveDown(6)
		d.hangingLine(chineseOrdinal(i+1), r.Title, 13, true, 0, 3)
		head := make([]cell, len(titles))
		for k, t := range titles {
			head[k] = cell{w: w, text: t, align: "C", bold: true, shade: true}
		}
		d.fixedHeightRow(head, cellSize, 9)
		result, disagrees := md.resolutionResult(r)
		values := []string{blankZero(md.q.Base, md.q.Base > 0), blankZero(md.q.Present, recorded), "", "", "", result}
		if result != "" {
			values[2], values[3], values[4] = itoa(r.For), itoa(r.Against), itoa(r.Abstain)
		}
		cells := make([]cell, len(values))
		for k, v := range values {
			cells[k] = cell{w: w, text: v, align: "C", bold: k == 5}
		}
		d.fixedHeightRow(cells, bodySize+1, 13)
		if disagrees {
			d.moveDown(1)
			d.paragraph(fmt.Sprintf("注：登记的表决结果为“%s”，按表决规则应为“%s”，请核对。", r.EnteredResult, result),
				paraStyle{size: 9.5})
		}
		d.moveDown(7)
		d.paragraph("监票人：______________　　　计票人：______________", paraStyle{align: "R"})
	}
	d.ensure(20)
	d.moveDown(10)
	d.paragraph(md.voteDay().Chinese(), paraStyle{align: "R"})
}

// blankZero is n as text when known is set, else "" (a box to fill in by hand).
func blankZero(n int, known bool) string {
	if !known {
		return ""
	}
	return itoa(n)
}

func orDefault(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

// bareTitle drops the 《》 around a resolution's title for its heading.
func bareTitle(t string) string {
	t = strings.TrimSpace(t)
	if strings.HasPrefix(t, "《") && strings.HasSuffix(t, "》") && strings.Count(t, "《") == 1 {
		return strings.TrimSuffix(strings.TrimPrefix(t, "《"), "》")
	}
	return t
}

// resolutions writes the 决议文本: each resolution on its own page, under the meeting's title and its own, with
// 「（2024年9月3日……会议通过）」 when it passed by the rule or 「（草案）」 when it has not, then its text as entered.
func (md *meetingDoc) resolutions() {
	d := md.d
	for i, r := range md.det.Resolutions {
		if i > 0 {
			d.addPage()
		}
		d.title(md.m.Title + "\n" + bareTitle(r.Title))
		if result, _ := md.resolutionResult(r); result == "通过" {
			d.subtitle(fmt.Sprintf("（%s%s通过）", md.voteDay().Chinese(), md.m.Title))
		} else {
			d.subtitle("（草案）")
		}
		d.moveDown(4)
		text := strings.TrimSpace(r.Text)
		if text == "" {
			d.paragraph("（正文未录入）", paraStyle{align: "C"})
			continue
		}
		for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
			if p = strings.TrimSpace(p); p != "" {
				d.paragraph(p, paraStyle{indent: true, after: 2})
			}
		}
	}
}

// electionName is what an election elects: 「选举镇人大主席」, 「补选副镇长」.
func electionName(e store.Election) string {
	return orDefault(e.Kind, "选举") + e.Position
}

// electionBallots writes the 选票: copies of one per election, with a box beside each candidate, blank lines to write
// in someone else, and how to mark it.
func (md *meetingDoc) electionBallots() {
	d := md.d
	d.slips(len(md.det.Elections), md.copies, md.perSheet, func(i int, s *slip) {
		e := md.det.Elections[i]
		cands := slices.Clone(e.Candidates)
		slices.SortStableFunc(cands, func(a, b store.Candidate) int { // as entered, not by votes
			switch {
			case a.ID < b.ID:
				return -1
			case a.ID > b.ID:
				return 1
			}
			return 0
		})
		s.line(md.m.Title, 14, true, 2)
		s.line("选　　票", 22, true, 3)
		s.line("（"+electionName(e)+"）", 14, true, 1)
		s.line(fmt.Sprintf("应选 %d 名，候选人 %d 名", e.Seats, len(cands)), bodySize, false, 4)
		const rowMM, nameMM, boxMM = 9.0, 78.0, 36.0
		rowH, nameW, boxW, size := s.pt(rowMM), s.pt(nameMM), s.pt(boxMM), s.pt(13)
		left, width := s.inner()
		if nameW+boxW > width { // a quarter sheet: the table as wide as the frame allows
			nameW, boxW = width*nameMM/(nameMM+boxMM), width*boxMM/(nameMM+boxMM)
		}
		x := left + (width-nameW-boxW)/2
		row := func(y float64, name string, shade, bold, box bool) {
			if shade {
				d.pdf.SetFillColor(238, 238, 238)
				d.pdf.Rect(x, y, nameW+boxW, rowH, "FD")
			}
			d.pdf.Rect(x, y, nameW, rowH, "D")
			d.pdf.Rect(x+nameW, y, boxW, rowH, "D")
			d.font(bold, size)
			d.text(x, y, nameW, rowH, name, "C")
			if box {
				d.checkBox(x+nameW+(boxW-s.pt(6.5))/2, y+s.pt(1.25), s.pt(6.5))
			}
		}
		s.block(rowMM, func(y float64) {
			row(y, "候选人姓名", true, true, false)
			d.font(true, size)
			d.text(x+nameW, y, boxW, rowH, "划写符号", "C")
		})
		for _, c := range cands {
			s.block(rowMM, func(y float64) { row(y, c.Name, false, false, true) })
		}
		s.block(rowMM, func(y float64) {
			d.pdf.SetFillColor(238, 238, 238)
			d.pdf.Rect(x, y, nameW+boxW, rowH, "FD")
			d.font(true, size)
			d.text(x, y, nameW+boxW, rowH, "另选他人", "C")
		})
		for k := 0; k < max(1, e.Seats); k++ {
			s.block(rowMM, func(y float64) { row(y, "", false, false, true) })
		}
		s.block(5, func(float64) {})
		s.note("说明：", "赞成候选人的，在其姓名右边的方框内划“○”，不赞成的划“×”，弃权的不划任何符号；"+
			"另选他人的，在“另选他人”栏内写上其姓名，并在右边的方框内划“○”。所选人数多于应选人数的为无效票。", 10.5)
	})
}

// electionReport writes the 选举结果报告: for each election the ballots issued, returned, valid and invalid,
// the candidates' votes, who is elected, and a sentence to read out.
func (md *meetingDoc) electionReport() {
	d := md.d
	d.title(md.m.Title + "\n选举结果报告")
	for i, e := range md.det.Elections {
		d.ensure(70)
		d.moveDown(4)
		d.hangingLine(chineseOrdinal(i+1), fmt.Sprintf("%s（应选 %d 名）", electionName(e), e.Seats), 13, true, 0, 3)
		invalid := max(0, e.BallotsReturned-e.BallotsValid)
		d.table([]column{{"应到", 1, "C"}, {"实到", 1, "C"}, {"发出选票", 1, "C"}, {"收回选票", 1, "C"},
			{"有效票", 1, "C"}, {"无效票", 1, "C"}},
			[][]string{{itoa(e.Expected), itoa(e.Present), itoa(e.BallotsIssued), itoa(e.BallotsReturned),
				itoa(e.BallotsValid), itoa(invalid)}})
		d.moveDown(3)
		var elected []string
		rows := make([][]string, len(e.Candidates))
		for k, c := range e.Candidates {
			result := "未当选"
			if c.Elected {
				result = "当选"
				elected = append(elected, c.Name)
			}
			rows[k] = []string{itoa(k + 1), c.Name, itoa(c.Votes), result}
		}
		d.table([]column{{"序号", 1, "C"}, {"候选人", 3, "C"}, {"得票数", 2, "C"}, {"结果", 2, "C"}}, rows)
		d.moveDown(3)
		d.paragraph(electionSentence(e, elected), paraStyle{indent: true, after: 2})
	}
	d.ensure(40)
	d.moveDown(12)
	d.paragraph("总监票人：______________　　　计票人：______________", paraStyle{align: "R", after: 8})
	d.paragraph(md.voteDay().Chinese(), paraStyle{align: "R"})
}

// electionSentence reads out an election's result: 「本次选举发出选票72张，收回72张，收回选票数不多于发出选票数，
// 选举有效。闫伟德当选为镇人大主席。」
func electionSentence(e store.Election, elected []string) string {
	s := fmt.Sprintf("本次%s，应到 %d 人，实到 %d 人，发出选票 %d 张，收回 %d 张，", electionName(e), e.Expected,
		e.Present, e.BallotsIssued, e.BallotsReturned)
	if e.BallotsReturned <= e.BallotsIssued {
		s += "收回选票数不多于发出选票数，选举有效。"
	} else {
		s += "收回选票数多于发出选票数，选举无效。"
	}
	switch {
	case len(elected) == 0:
		return s + fmt.Sprintf("没有候选人获得全体代表过半数的选票，%s无人当选。", e.Position)
	case len(elected) < e.Seats:
		return s + fmt.Sprintf("%s当选为%s；应选 %d 名，当选 %d 名，缺额 %d 名。", strings.Join(elected, "、"), e.Position,
			e.Seats, len(elected), e.Seats-len(elected))
	}
	return s + fmt.Sprintf("%s当选为%s。", strings.Join(elected, "、"), e.Position)
}
