package export

import (
	"fmt"
	"slices"
	"strings"

	"rendadesk/store"
)

// The printed papers of 评先评优 (issue 22 part 4, domain.md §2.24, §3.10): the 推荐表 of one nomination, which the
// group fills in and stamps and the office reviews, and the presidium's 表彰决定 with those chosen by category.
// Both are 公文 form: A4, the embedded font, 「第 x 页 共 y 页」.

// AwardNominationForm writes the 推荐表 of one nomination: the candidate and the award, the 主要事迹, and the
// boxes for the nominator's opinion, the office's 审核意见 and the presidium's opinion, each with room to sign
// and stamp. What is on record is printed in the boxes; the rest is left blank to fill in by hand.
func AwardNominationForm(path string, doc store.AwardNominationDoc) error {
	st, s, n := doc.Settings, doc.Selection, doc.Nomination
	name := fmt.Sprintf("%d年度%s推荐表", n.Year, n.Category)
	d := newDocument(st.OfficeName, name, false)
	d.title(officeTitle(st, name))
	rows := [][]field{{{"推荐对象", n.CandidateName}, {"奖项", n.Category}}}
	if dep := doc.Deputy; dep != nil {
		rows = append(rows,
			[]field{{"性别", dep.Gender}, {"出生年月", dep.Birth}},
			[]field{{"政治面貌", dep.Party}, {"代表小组", dep.GroupName}},
			[]field{{"代表层级", levelsWords(st, dep.Levels)}, {"所在村(居)", dep.Village}},
			[]field{{"工作单位及职务", strings.TrimSpace(dep.WorkUnit + " " + dep.Post)}})
	} else {
		rows = append(rows, []field{{"对象类别", store.CandidateLabel(n.Candidate)}})
	}
	rows = append(rows, []field{{"推荐单位", n.Nominator}, {"推荐日期", store.Date(n.CreatedAt[:min(len(n.CreatedAt), 10)]).Chinese()}})
	d.fields(rows...)
	d.textBox("主要事迹", n.Deeds, 10)
	opinionBox(d, "推荐单位意见", n.Opinion, "推荐单位（盖章）")
	opinionBox(d, "审核意见", n.Review, reviewOffice(st)+"（盖章）")
	decision := ""
	if s.Decided() && n.Elected {
		decision = fmt.Sprintf("经%s（%s）集体讨论，决定授予%s“%s”称号。", s.DecisionMeeting, s.DecisionDate.Chinese(), n.CandidateName, n.Category)
	} else if s.Decided() && !n.Withdrawn {
		decision = fmt.Sprintf("经%s（%s）集体讨论，未列入表彰名单。", s.DecisionMeeting, s.DecisionDate.Chinese())
	}
	opinionBox(d, "主席团意见", decision, orOffice(st)+"（盖章）")
	if n.Withdrawn {
		d.moveDown(3)
		d.paragraph("注：该推荐已撤回（"+n.WithdrawNote+"）。", paraStyle{size: 10.5})
	}
	return d.save(path)
}

// reviewOffice is the office that reviews the nominations (「镇人大办考察」): 「青山镇人大办公室」.
func reviewOffice(st store.Settings) string {
	if t := strings.TrimSpace(st.Township); t != "" {
		return t + "人大办公室"
	}
	return orOffice(st) + "办公室"
}

// levelsWords are a deputy's levels as the office names them: 「镇级、县级」.
func levelsWords(st store.Settings, levels []string) string {
	out := make([]string, len(levels))
	for i, l := range levels {
		out[i] = st.LevelLabel(l)
	}
	return strings.Join(out, "、")
}

// opinionBox draws a form box for an opinion: the text on record (or room to write), and at its foot, right,
// the line to sign and stamp — 「推荐单位（盖章）　　年　月　日」 — kept inside the box. (Full-width brackets, as
// Chinese forms print them; fpdf also garbles the half-width 「章)」.)
func opinionBox(d *document, label, text, signer string) {
	const minLines = 5
	lh := lineHeight(cellSize)
	value := strings.TrimSpace(text) + "\n\n" // two lines free for the signature
	d.ensure(float64(minLines)*lh + 2*cellPadY)
	d.row([]cell{{w: fieldLabelW, text: label, align: "C", bold: true, shade: true, repeat: true},
		{w: d.width - fieldLabelW, text: value, align: "L", min: minLines}}, cellSize, true)
	d.font(false, cellSize)
	bottom := d.y()
	d.text(d.left+fieldLabelW+cellPadX, bottom-cellPadY-lh, d.width-fieldLabelW-2*cellPadX-4, lh,
		signer+"　　　　　年　　月　　日", "R")
	d.pdf.SetXY(d.left, bottom)
}

// AwardDecision writes the presidium's 表彰决定 of a year: 「关于表彰2026年度先进代表小组和优秀人大代表的决定」, the
// decision's meeting and date, the award given in each category, and the lists of those chosen by category.
func AwardDecision(path string, doc store.AwardDecisionDoc) error {
	st, a := doc.Settings, doc.Awards
	s := a.Selection
	var named []string // categories with someone chosen
	for _, c := range a.Categories {
		if len(c.Elected) > 0 {
			named = append(named, c.Category.Name)
		}
	}
	if len(named) == 0 {
		return store.Errorf(store.ESTATE, "%d年度评先评优没有当选的对象，没有可打印的表彰决定", a.Year)
	}
	title := fmt.Sprintf("关于表彰%d年度%s的决定", a.Year, joinAnd(named))
	d := newDocument(st.OfficeName, "表彰决定", false)
	d.title(officeTitle(st, title))
	d.subtitle(fmt.Sprintf("（%s%s通过）", s.DecisionDate.Chinese(), s.DecisionMeeting))
	d.paragraph("各代表小组，全体代表：", paraStyle{after: 2})
	d.paragraph(fmt.Sprintf("%d年，全%s各级人大代表和代表小组认真履行代表职责，密切联系群众，积极建言献策，涌现出一批先进集体和优秀代表。"+
		"为表彰先进、树立典型，经代表小组推荐、%s考察，%s于%s集体讨论，决定：", a.Year, townWord(st), reviewOffice(st),
		s.DecisionMeeting, s.DecisionDate.Chinese()), paraStyle{indent: true, after: 2})
	var clauses []string
	for _, c := range a.Categories {
		if len(c.Elected) > 0 {
			clauses = append(clauses, fmt.Sprintf("%s授予%s“%s”称号", chineseOrdinal(len(clauses)+1), electedPhrase(c), c.Category.Name))
		}
	}
	for i, cl := range clauses {
		end := "；"
		if i == len(clauses)-1 {
			end = "。"
		}
		d.paragraph(cl+end, paraStyle{indent: true})
	}
	d.moveDown(2)
	d.paragraph("希望受到表彰的代表小组和代表珍惜荣誉、再接再厉；全体代表要以先进为榜样，依法履职，更好地发挥代表作用。", paraStyle{indent: true})
	if a.Announced {
		d.paragraph(fmt.Sprintf("本决定于%s在%s上宣布。", s.AnnounceDate.Chinese(), s.AnnounceMeeting), paraStyle{indent: true})
	}
	d.signature(orOffice(st), s.DecisionDate.Chinese())
	d.heading(fmt.Sprintf("附：%d年度受表彰名单", a.Year))
	for _, c := range a.Categories {
		if len(c.Elected) == 0 {
			continue
		}
		unit := "个"
		if c.Category.Candidate == store.CandidateDeputy {
			unit = "名"
		}
		d.paragraph(fmt.Sprintf("%s（%d%s）", c.Category.Name, len(c.Elected), unit), paraStyle{bold: true, after: 1})
		var rows [][]string
		for i, n := range c.Elected {
			rows = append(rows, []string{itoa(i + 1), n.CandidateName, n.Nominator})
		}
		d.table([]column{{"序号", 0, "C"}, {nameHead(c.Category.Candidate), 1, "L"}, {"推荐单位", 1, "L"}}, rows)
		d.moveDown(3)
	}
	return d.save(path)
}

// nameHead is the list's head for the name: 姓名 for deputies, 名称 otherwise.
func nameHead(kind string) string {
	if kind == store.CandidateDeputy {
		return "姓名"
	}
	return "名称"
}

// electedPhrase names those chosen in a category for the decision's sentence: every name for a few, the first
// with a count for many — 「王建国等10名代表」, 「第二代表小组、第五代表小组」.
func electedPhrase(c store.AwardCategoryFigures) string {
	names := make([]string, len(c.Elected))
	for i, n := range c.Elected {
		names[i] = n.CandidateName
	}
	if c.Category.Candidate == store.CandidateDeputy {
		if len(names) <= 3 {
			return strings.Join(names, "、") + "代表"
		}
		return fmt.Sprintf("%s等%d名代表", names[0], len(names))
	}
	if len(names) <= 5 {
		return strings.Join(names, "、")
	}
	return fmt.Sprintf("%s等%d个%s", names[0], len(names), store.CandidateLabel(c.Category.Candidate))
}

// joinAnd joins names as Chinese lists them: 「甲」, 「甲和乙」, 「甲、乙和丙」.
func joinAnd(names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], "、") + "和" + names[len(names)-1]
}

// townWord is the office's word for the township (镇, 乡, 街道).
func townWord(st store.Settings) string {
	if st.TownWord != "" {
		return st.TownWord
	}
	return "镇"
}

// t19 is 评先评优 (domain.md §5.1 T19 评先评优表彰名单): the year's nominations by award, those chosen first,
// with the nominator, the office's 审核意见, the result, the presidium's decision and the 人代会 that announced
// it, from the figures (a decision after the report date is not yet a result). The note is the 口径.
func (w Report) t19() rtable {
	a := w.Figures.Awards
	t := rtable{name: "评先评优", heading: "评先评优推荐和表彰名单", landscape: true, keyCols: 3,
		headers: []string{"序号", "奖项", "推荐对象", "推荐单位", "审核意见", "结果", "主席团决定", "表彰会议"},
		wide:    map[int]float64{4: 30, 6: 30, 7: 30}, empty: "本年度没有评先评优的推荐。"}
	if a.Year == 0 {
		return t
	}
	decision, announce := "", ""
	if a.Decided {
		decision = a.Selection.DecisionDate.Chinese() + " " + a.Selection.DecisionMeeting
	}
	if a.Announced {
		announce = a.Selection.AnnounceDate.Chinese() + " " + a.Selection.AnnounceMeeting
	}
	k := 0
	for _, c := range a.Categories {
		rows := slices.Clone(c.Nominated)
		slices.SortStableFunc(rows, func(x, y store.AwardNomination) int { return boolOrder(y.Elected) - boolOrder(x.Elected) })
		for _, n := range rows {
			k++
			res, dec, ann := n.Status(a.Decided), decision, announce
			if !a.Decided || !n.Elected {
				ann = ""
			}
			if !a.Decided {
				dec = ""
			}
			t.rows = append(t.rows, trow{cells: []any{k, c.Category.Name, n.CandidateName, n.Nominator, n.Review, res, dec, ann}})
		}
	}
	t.note = store.AwardDefinition(a)
	return t
}

// boolOrder is 1 for true, so that a sort puts the true first.
func boolOrder(b bool) int {
	if b {
		return 1
	}
	return 0
}
