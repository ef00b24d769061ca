package export

import (
	"fmt"
	"slices"
	"strings"

	"rendadesk/store"
)

// Roster writes the 人大代表名册 (domain.md T7) of ds, in their order (the store lists them by group, then
// name), on A4 landscape with the header repeated on every page. The public version, for the station's wall,
// leaves out the birth dates and masks the phone numbers (138****5678).
func Roster(path string, st store.Settings, ds []store.Deputy, public bool, date store.Date) error {
	name := "人大代表名册"
	if public {
		name += "（公开版）"
	}
	d := newDocument(st.OfficeName, name, true)
	d.title(strings.TrimSpace(st.Township) + name)
	if date != "" {
		d.subtitle("（截至" + date.Chinese() + "）")
	}
	cols := []rosterColumn{{"序号", atomCol, 0, "C"}, {"姓名", atomCol, 0, "C"}, {"性别", atomCol, 0, "C"},
		{"民族", atomCol, 0, "C"}, {"出生年月", atomCol, 0, "C"}, {"政治面貌", foldCol, 0, "C"},
		{"文化程度", foldCol, 0, "C"}, {"代表层级", foldCol, 0, "C"}, {"工作单位及职务", flexCol, 3, "L"},
		{"所在村(居)", foldCol, 0, "C"}, {"代表小组", foldCol, 0, "C"}, {"联系电话", atomCol, 0, "C"},
		{"备注", flexCol, 1.8, "L"}}
	if public {
		cols = append(cols[:4:4], cols[5:]...)
	}
	rows := make([][]string, len(ds))
	for i, dp := range ds {
		levels := make([]string, len(dp.Levels))
		for k, l := range dp.Levels {
			levels[k] = st.LevelLabel(l)
		}
		var notes []string
		if dp.Status == store.DeputyVacant {
			v := "出缺"
			if dp.VacancyReason != "" {
				v += "（" + dp.VacancyReason + "）"
			}
			notes = append(notes, v)
		}
		notes = append(notes, rosterRoles(dp.Roles)...)
		phone := dp.Phone
		if public {
			phone = store.MaskPhone(phone)
		}
		row := []string{itoa(i + 1), dp.Name, dp.Gender, dp.Ethnicity, birthMonth(dp.Birth), dp.Party, dp.Education,
			strings.Join(levels, "、"), dp.WorkUnit + dp.Post, dp.Village, dp.GroupName, phone, strings.Join(notes, "、")}
		if public {
			row = append(row[:4:4], row[5:]...)
		}
		rows[i] = row
	}
	d.rosterTable(cols, rows)
	d.moveDown(4)
	d.paragraph(fmt.Sprintf("共 %d 名代表", len(ds)), paraStyle{bold: true, after: 2})
	made := "制表：" + orOffice(st)
	if date != "" {
		made += "　　" + date.Chinese()
	}
	d.paragraph(made, paraStyle{size: 10.5, align: "R"})
	return d.save(path)
}

// birthMonth writes 1968-05 as 1968.05, as rosters do.
func birthMonth(ym string) string { return strings.Replace(ym, "-", ".", 1) }

// rosterSize is the type size of the roster's table: thirteen columns across a landscape page.
const rosterSize = 10.0

// How a roster column is sized.
const (
	atomCol = iota // as wide as its widest entry: names, dates and phone numbers are never broken
	foldCol        // as wide as its widest entry, or half that (two lines) when the page is short of room
	flexCol        // shares what is left, by weight
)

// rosterColumn is one column of the roster.
type rosterColumn struct {
	title  string
	kind   int
	weight float64
	align  string
}

// minFlexShare is the least share of the page the flexible columns (工作单位及职务, 备注) are left before the
// foldable ones are folded onto two lines.
const minFlexShare = 0.4

// rosterTable draws the roster's table at rosterSize with its header repeated on every page. A header of
// four characters may take two lines (出生/年月); a foldable column is folded, widest saving first, only as
// far as the flexible columns need.
func (d *document) rosterTable(cols []rosterColumn, rows [][]string) {
	pad := 2*cellPadX + 0.6
	width := func(s string, bold bool) float64 { return d.stringWidth(s, rosterSize, bold) }
	twoLines := func(s string, bold bool) float64 { // the width s needs when folded onto two lines
		a, b := foldInTwo(clean(s))
		return max(width(a, bold), width(b, bold))
	}
	full := make([]float64, len(cols))
	folded := make([]float64, len(cols))
	for i, c := range cols {
		head := twoLines(c.title, true) // a header of more than two characters may take two lines
		if len([]rune(c.title)) <= 2 {
			head = width(c.title, true)
		}
		full[i], folded[i] = head, head
		for _, r := range rows {
			full[i] = max(full[i], width(r[i], false))
			folded[i] = max(folded[i], twoLines(r[i], false))
		}
		full[i] += pad
		folded[i] += pad
	}
	widths := make([]float64, len(cols))
	fixed, weights := 0.0, 0.0
	for i, c := range cols {
		if c.kind == flexCol {
			weights += c.weight
			continue
		}
		widths[i] = full[i]
		fixed += widths[i]
	}
	for d.width-fixed < d.width*minFlexShare {
		best, saving := -1, 0.0
		for i, c := range cols {
			if c.kind == foldCol && widths[i]-folded[i] > saving {
				best, saving = i, widths[i]-folded[i]
			}
		}
		if best < 0 {
			break
		}
		widths[best] = folded[best]
		fixed -= saving
	}
	for i, c := range cols {
		if c.kind == flexCol {
			widths[i] = (d.width - fixed) * c.weight / weights
		}
	}
	// fold breaks a text too wide for its column into two balanced lines, when they fit.
	fold := func(s string, w float64, bold bool) string {
		s = clean(s)
		if width(s, bold) <= w-pad || twoLines(s, bold) > w-pad {
			return s
		}
		a, b := foldInTwo(s)
		return a + "\n" + b
	}
	header := func() {
		cells := make([]cell, len(cols))
		for i, c := range cols {
			cells[i] = cell{w: widths[i], text: fold(c.title, widths[i], true), align: "C", bold: true, shade: true}
		}
		d.row(cells, rosterSize, false)
	}
	d.ensure(3 * (2*lineHeight(rosterSize) + 2*cellPadY))
	header()
	d.onPageBreak = header
	defer func() { d.onPageBreak = nil }()
	for _, r := range rows {
		cells := make([]cell, len(cols))
		for i, c := range cols {
			text := r[i]
			if c.kind != flexCol {
				text = fold(text, widths[i], false)
			}
			cells[i] = cell{w: widths[i], text: text, align: c.align}
		}
		d.row(cells, rosterSize, false)
	}
}

// rosterRoles orders a deputy's roles by rank for the 备注 column, leaving out 主席团成员 beside 主席 or 副主席,
// which says it already.
func rosterRoles(roles []string) []string {
	rank := []string{"主席", "副主席", "主席团成员", "小组组长", "小组副组长", "站长", "副站长", "联络员", "信息联络员"}
	leader := slices.Contains(roles, "主席") || slices.Contains(roles, "副主席")
	var out []string
	for _, r := range roles {
		if !(leader && r == "主席团成员") {
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, func(a, b string) int {
		ia, ib := slices.Index(rank, a), slices.Index(rank, b)
		if ia < 0 {
			ia = len(rank)
		}
		if ib < 0 {
			ib = len(rank)
		}
		return ia - ib
	})
	return out
}

// foldInTwo splits s into two lines of about equal length: 中共党员 → 中共 / 党员, 镇级、县级 → 镇级、 / 县级,
// a list after a 、, and a group's name before 代表小组 (第十一 / 代表小组). No line starts with closing
// punctuation.
func foldInTwo(s string) (string, string) {
	r := []rune(s)
	if len(r) < 2 {
		return s, ""
	}
	if g := []rune("代表小组"); len(r) > len(g) && strings.HasSuffix(s, string(g)) && len(r)-len(g) <= len(g) {
		return string(r[:len(r)-len(g)]), string(g)
	}
	if strings.ContainsRune(s, '、') { // a list breaks after the 、 nearest the middle: 镇级、 / 县级、市级
		best := -1
		for i, c := range r[:len(r)-1] {
			if c == '、' && (best < 0 || max(i+1, len(r)-i-1) < max(best+1, len(r)-best-1)) {
				best = i
			}
		}
		if best >= 0 {
			return string(r[:best+1]), string(r[best+1:])
		}
	}
	k := (len(r) + 1) / 2
	for k < len(r)-1 && strings.ContainsRune("、，。；：）)》", r[k]) {
		k++
	}
	for k > 1 && strings.ContainsRune("（(《", r[k-1]) {
		k--
	}
	return string(r[:k]), string(r[k:])
}
