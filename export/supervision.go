package export

import (
	"fmt"
	"strings"

	"rendadesk/store"
)

// The printed documents of 监督 (issue 17), each one PDF in 公文 form (A4, the embedded font, 「第 x 页 共 y 页」):
// a campaign's 测评票, 测评结果统计表 and 评议结果通报; the 整改通知书 of a campaign's units and the year's 整改清单/
// 销号台账; the 民生实事 票决票 and its 计票结果; an inquiry's 两清单一要求. They take what the store's document
// loaders read (store.EvalDoc, RectNoticeDoc, RectLedgerDoc, LivelihoodDoc, InquiryDoc).

// EvalBallots is how many 测评票 a campaign's ballots print: one for each deputy at its 述职测评 meeting, else
// the ballots issued to its targets, else one page's worth (two).
func EvalBallots(doc store.EvalDoc) int {
	if doc.Attendees > 0 {
		return doc.Attendees
	}
	n := 0
	for _, t := range doc.Targets {
		n = max(n, t.Issued)
	}
	if n > 0 {
		return n
	}
	return 2
}

// EvaluationBallot writes n 测评票 of the campaign (two to an A4 page when they fit, with a cut line between):
// each lists every target, one line each, with a box under each grade to tick — or a space for the score.
func EvaluationBallot(path string, doc store.EvalDoc, n int) error {
	c := doc.Campaign
	if len(doc.Targets) == 0 {
		return store.Errorf(store.ENOTFOUND, "评议活动「%s」还没有评议对象，不能打印测评票", c.Title)
	}
	n = max(n, 1)
	d := newDocument(doc.Settings.OfficeName, "测评票", false)
	grades := c.Grades()
	d.slips(1, n, 2, func(_ int, s *slip) {
		s.line(c.Title, 13, true, 2)
		s.line("测　评　票", 20, true, 4)
		x0, inner := s.inner()
		numW, gradeW := s.pt(14), s.pt(26)
		cols := grades[:]
		if c.Scale == store.ScaleScore {
			gradeW = s.pt(36)
			cols = []string{"得分"}
		}
		nameW := inner - numW - gradeW*float64(len(cols))
		rowH := 9.0
		s.block(rowH*float64(len(doc.Targets)+1), func(y float64) {
			h := s.pt(rowH)
			head := append([]string{"序号", "被评议单位(人员)"}, cols...)
			widths := []float64{numW, nameW}
			for range cols {
				widths = append(widths, gradeW)
			}
			size := s.pt(cellSize)
			draw := func(y float64, texts []string, bold bool, boxes bool) {
				x := x0
				for k, t := range texts {
					d.pdf.Rect(x, y, widths[k], h, "D")
					if boxes && k >= 2 && c.Scale != store.ScaleScore {
						side := s.pt(5)
						d.checkBox(x+(widths[k]-side)/2, y+(h-side)/2, side)
					} else {
						d.font(bold, size)
						align := "C"
						if k == 1 && !bold {
							align = "L"
						}
						d.text(x+cellPadX, y+(h-lineHeight(size))/2, widths[k]-2*cellPadX, lineHeight(size), t, align)
					}
					x += widths[k]
				}
			}
			draw(y, head, true, false)
			for k, t := range doc.Targets {
				texts := []string{itoa(k + 1), shorten(d, t.Name(), nameW-2*cellPadX)}
				for range cols {
					texts = append(texts, "")
				}
				draw(y+h*float64(k+1), texts, false, true)
			}
		})
		s.block(4, func(float64) {})
		note := fmt.Sprintf("请在每个评议对象所选等次下的方框内划“✓”，每行只能选一项；不选或多选的，该项无效。")
		if c.Scale == store.ScaleScore {
			note = "请在每个评议对象的得分栏内填写0至100的分数；不填的，该项无效。"
		}
		s.note("说明：", note+"本票不记名。", 10)
	})
	return d.save(path)
}

// shorten cuts s to fit width in the table font, with …, for a ballot line that must stay one line.
func shorten(d *document, s string, width float64) string {
	d.font(false, cellSize)
	if d.pdf.GetStringWidth(clean(s)) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && d.pdf.GetStringWidth(clean(string(r))+"…") > width {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

// evalResultRows are the rows of a campaign's results: one per target, with its counts, rate (or score),
// grade, titles and rank; an uncounted target shows blanks.
func evalResultRows(doc store.EvalDoc, precision int) [][]string {
	c := doc.Campaign
	var rows [][]string
	for i, t := range doc.Targets {
		r := doc.Results[i]
		row := []string{itoa(i + 1), t.Name(), t.Category}
		if !r.Counted {
			rows = append(rows, append(row, "", "", "", "", "", "", "", "", "", "未测评"))
			continue
		}
		rate := r.Rate.Percent(precision)
		if c.Scale == store.ScaleScore {
			rate = fmt.Sprintf("%.1f分", r.Score)
		}
		row = append(row, itoa(t.Issued), itoa(t.Returned), itoa(t.Valid), itoa(t.Top), itoa(t.Middle), itoa(t.Bottom),
			rate, r.Grade, itoa(r.Rank), strings.Join(r.Titles, "、"))
		rows = append(rows, row)
	}
	return rows
}

// EvaluationResult writes the 测评结果统计表 of a campaign (A4 landscape): every target's ballots issued,
// returned and valid, the votes of each grade, the rate (or score) and the grade by the campaign's rule, the
// rank and the titles, with the rule stated and lines for the scrutineers.
func EvaluationResult(path string, doc store.EvalDoc, date store.Date) error {
	c := doc.Campaign
	if len(doc.Targets) == 0 {
		return store.Errorf(store.ENOTFOUND, "评议活动「%s」还没有评议对象，不能打印测评结果", c.Title)
	}
	d := newDocument(doc.Settings.OfficeName, "测评结果统计表", true)
	d.title(c.Title + "测评结果统计表")
	sub := "测评日期：" + c.EvalDate.Chinese()
	if doc.Meeting.ID != 0 {
		sub += "　　会议：" + doc.Meeting.Title
	}
	d.subtitle(sub)
	g := c.Grades()
	cols := []column{{"序号", 0, "C"}, {"被评议单位(人员)", 3, "L"}, {"类别", 0, "C"}, {"发出", 0, "C"}, {"收回", 0, "C"},
		{"有效", 0, "C"}, {g[0], 0, "C"}, {g[1], 0, "C"}, {g[2], 0, "C"}, {c.RateName(), 0, "C"}, {"等次", 0, "C"},
		{"名次", 0, "C"}, {"称号", 2, "L"}}
	d.table(cols, evalResultRows(doc, doc.Settings.Precision))
	d.moveDown(3)
	d.paragraph("评定规则："+c.Rule(), paraStyle{size: 10.5, after: 1})
	if counted := countedTargets(doc); counted < len(doc.Targets) {
		d.paragraph(fmt.Sprintf("注：%d个评议对象尚未录入测评票数。", len(doc.Targets)-counted), paraStyle{size: 10.5})
	}
	d.ensure(30)
	d.moveDown(8)
	d.paragraph("计票人：______________　　　监票人：______________", paraStyle{align: "R"})
	d.signature(doc.Settings.OfficeName, date.Chinese())
	return d.save(path)
}

func countedTargets(doc store.EvalDoc) int {
	n := 0
	for _, r := range doc.Results {
		if r.Counted {
			n++
		}
	}
	return n
}

// namesOf lists the names of the targets whose results pass keep: 「乡财政所、国土所」.
func namesOf(doc store.EvalDoc, keep func(store.EvalResult) bool) []string {
	var out []string
	for i, r := range doc.Results {
		if keep(r) {
			out = append(out, doc.Targets[i].Name())
		}
	}
	return out
}

// EvaluationNotice writes the 评议结果通报 of a campaign: how the evaluation was done (only the steps the
// record holds), the results by target, what each grade brings (the title; 限期整改; 通报批评 and evaluation again
// next year), the request to report the rectification, and the office's signature with the copies.
func EvaluationNotice(path string, doc store.EvalDoc, date store.Date) error {
	c := doc.Campaign
	if countedTargets(doc) == 0 {
		return store.Errorf(store.ENOTFOUND, "评议活动「%s」还没有录入测评票数，不能通报评议结果", c.Title)
	}
	st := doc.Settings
	office := orOffice(st)
	d := newDocument(st.OfficeName, "评议结果通报", false)
	d.title(fmt.Sprintf("关于%d年度%s结果的通报", c.Year, c.Method))
	d.paragraph("各被评议单位，镇属各部门、各站所：", paraStyle{after: 1})
	var how []string
	if c.Selection != "" {
		how = append(how, "通过"+c.Selection+"确定了评议对象")
	}
	if c.PlanDate != "" {
		how = append(how, c.PlanDate.Chinese()+"制定了实施方案")
	}
	if c.Groups > 0 {
		how = append(how, fmt.Sprintf("组成了%d个评议调查组", c.Groups))
	}
	var visits []string
	for _, x := range []struct {
		n    int
		text string
	}{{c.Villages, "走访了%d个村(居)"}, {c.Forums, "召开座谈会%d个"}, {c.Interview, "个别谈话%d人次"},
		{c.Letters, "发出征求意见函%d份"}, {c.Surveys, "发放调查表%d份"}} {
		if x.n > 0 {
			visits = append(visits, fmt.Sprintf(x.text, x.n))
		}
	}
	if len(visits) > 0 {
		how = append(how, strings.Join(visits, "，"))
	}
	p1 := fmt.Sprintf("根据工作安排，%s组织代表开展了%s。", office, c.Title)
	if len(how) > 0 {
		p1 += strings.Join(how, "，") + "，广泛听取各方面意见。"
	}
	if c.Opinions > 0 || c.Rectifications > 0 {
		p1 += "调查组共"
		if c.Opinions > 0 {
			p1 += fmt.Sprintf("收集意见建议%d条", c.Opinions)
		}
		if c.Rectifications > 0 {
			if c.Opinions > 0 {
				p1 += "，"
			}
			p1 += fmt.Sprintf("综合整理出整改意见%d条", c.Rectifications)
		}
		p1 += "。"
	}
	g := c.Grades()
	p2 := c.EvalDate.Chinese()
	if doc.Meeting.ID != 0 {
		p2 += "，召开" + doc.Meeting.Title
	}
	p2 += fmt.Sprintf("，听取了%d个评议对象的述职报告", len(doc.Targets))
	if c.Scale == store.ScaleScore {
		p2 += "，并进行了无记名测评打分"
	} else {
		p2 += fmt.Sprintf("，并按%s、%s、%s三个档次进行了无记名投票测评", g[0], g[1], g[2])
	}
	p2 += "。现将测评结果通报如下："
	d.paragraph(p1, paraStyle{indent: true, after: 1})
	d.paragraph(p2, paraStyle{indent: true, after: 3})
	var rows [][]string
	for i, t := range doc.Targets {
		r := doc.Results[i]
		if !r.Counted {
			continue
		}
		rate := r.Rate.Percent(st.Precision)
		if c.Scale == store.ScaleScore {
			rate = fmt.Sprintf("%.1f分", r.Score)
		}
		rows = append(rows, []string{itoa(r.Rank), t.Name(), rate, r.Grade, strings.Join(r.Titles, "、")})
	}
	sortByRank(rows)
	d.table([]column{{"名次", 0, "C"}, {"被评议单位(人员)", 3, "L"}, {c.RateName(), 0, "C"}, {"等次", 0, "C"}, {"称号", 2, "L"}}, rows)
	d.moveDown(3)
	if top := namesOf(doc, func(r store.EvalResult) bool { return r.Grade == g[0] }); len(top) > 0 {
		s := fmt.Sprintf("%s被评为“%s”等次", joinNames(top), g[0])
		if c.Award != "" {
			s += fmt.Sprintf("，授予“%s”称号", c.Award)
		}
		d.paragraph(s+"。", paraStyle{indent: true, after: 1})
	}
	if mid := namesOf(doc, func(r store.EvalResult) bool { return r.Grade == g[1] }); len(mid) > 0 {
		d.paragraph(fmt.Sprintf("%s被评为“%s”等次，请对照整改意见明确整改时限，进一步抓好整改。", joinNames(mid), g[1]),
			paraStyle{indent: true, after: 1})
	}
	if low := namesOf(doc, func(r store.EvalResult) bool { return r.Grade == g[2] }); len(low) > 0 {
		d.paragraph(fmt.Sprintf("%s被评为“%s”等次，予以通报批评，请认真整改，并作为下一年度评议对象。", joinNames(low), g[2]),
			paraStyle{indent: true, after: 1})
	}
	d.paragraph(fmt.Sprintf("请各被评议单位对照评议中代表提出的意见，认真制定整改措施，限期整改到位，并将整改情况书面报告%s。", office),
		paraStyle{indent: true})
	d.signature(st.OfficeName, date.Chinese())
	d.ensure(12)
	d.moveDown(8)
	d.paragraph("抄送："+orDefault(st.Township, "镇")+"党委，各被评议单位主管部门。", paraStyle{size: 10.5})
	return d.save(path)
}

// sortByRank orders the rows of the 通报 by their rank (column 0), keeping the order of equal ranks.
func sortByRank(rows [][]string) {
	for i := 1; i < len(rows); i++ {
		for j := i; j > 0 && atoiSafe(rows[j][0]) < atoiSafe(rows[j-1][0]); j-- {
			rows[j], rows[j-1] = rows[j-1], rows[j]
		}
	}
}

func atoiSafe(s string) int {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return n
		}
		n = 10*n + int(r-'0')
	}
	return n
}

// joinNames is 「甲、乙等3个评议对象」 for more than two, 「甲、乙」 otherwise.
func joinNames(names []string) string {
	if len(names) <= 2 {
		return strings.Join(names, "、")
	}
	return fmt.Sprintf("%s等%d个评议对象", strings.Join(names[:2], "、"), len(names))
}

// RectificationNotice writes the 整改通知书 of a campaign: one letter per responsible unit, each on a new page,
// listing the unit's items with their phase and due date and asking for a written report by the latest one.
func RectificationNotice(path string, doc store.RectNoticeDoc, date store.Date) error {
	st, c := doc.Settings, doc.Campaign
	office := orOffice(st)
	d := newDocument(st.OfficeName, "整改通知书", false)
	for _, u := range doc.Units {
		d.startPart("整改通知书") // each unit's letter is a document of its own, numbered on its own
		d.title("整 改 通 知 书")
		d.paragraph(u.Unit+"：", paraStyle{after: 1})
		last := store.Date("")
		for _, it := range u.Items {
			last = max(last, it.Due)
		}
		body := fmt.Sprintf("在%s中，代表对你单位的工作提出了以下%d条整改意见。请你单位高度重视，认真研究，逐项制定整改措施，明确责任人",
			c.Title, len(u.Items))
		if last != "" {
			body += fmt.Sprintf("，按各项整改时限整改到位，并于%s前将整改情况书面报告%s", last.Chinese(), office)
		} else {
			body += "，限期整改到位，并将整改情况书面报告" + office
		}
		d.paragraph(body+"。", paraStyle{indent: true, after: 3})
		rows := make([][]string, len(u.Items))
		for k, it := range u.Items {
			text := it.Text
			if it.Requirement != "" {
				text += "\n整改要求：" + it.Requirement
			}
			rows[k] = []string{itoa(k + 1), text, it.Phase, it.Due.Chinese()}
		}
		d.table([]column{{"序号", 0, "C"}, {"整改意见", 1, "L"}, {"整改阶段", 0, "C"}, {"整改时限", 0, "C"}}, rows)
		d.moveDown(4)
		d.paragraph("特此通知。", paraStyle{indent: true})
		d.signature(st.OfficeName, date.Chinese())
		if st.ClerkName != "" {
			d.moveDown(6)
			d.paragraph("联系人："+st.ClerkName, paraStyle{size: 10.5})
		}
	}
	return d.save(path)
}

// rectStateText is an item's state for a ledger: 已销号 with the day, 整改中 or 未整改 with 「(逾期)」 when past its
// due date on today.
func rectStateText(r store.Rectification, today store.Date) string {
	switch {
	case r.State == store.RectClosed:
		return "已销号"
	case r.Overdue(today):
		return r.State + "(逾期)"
	}
	return r.State
}

// RectificationLedger writes the 整改清单/销号台账 of a year for the 主席团 (A4 landscape): the counts, then every
// item with its source, unit, phase, due date, state on the day, 销号 date and 回头看.
func RectificationLedger(path string, doc store.RectLedgerDoc) error {
	st := doc.Settings
	d := newDocument(st.OfficeName, "整改销号台账", true)
	d.title(fmt.Sprintf("%d年度整改事项清单和销号台账", doc.Year))
	d.subtitle("（截至" + doc.Today.Chinese() + "）")
	var closed, active, open, overdue, reviewed int
	rows := make([][]string, len(doc.Items))
	for i, it := range doc.Items {
		switch it.State {
		case store.RectClosed:
			closed++
		case store.RectActive:
			active++
		default:
			open++
		}
		if it.Overdue(doc.Today) {
			overdue++
		}
		review := ""
		if it.Reviewed != "" {
			reviewed++
			review = it.Reviewed.Chinese() + " " + it.ReviewGrade
		}
		source := it.Source
		if it.SourceName != "" {
			source += "\n" + it.SourceName
		}
		text := it.Text
		if it.Round > 1 {
			text += fmt.Sprintf("(第%d轮整改)", it.Round)
		}
		rows[i] = []string{itoa(i + 1), source, text, it.UnitName, it.Phase, string(it.Raised), string(it.Due),
			rectStateText(it, doc.Today), string(it.Closed), review}
	}
	n := len(doc.Items)
	summary := fmt.Sprintf("共%d条，已销号%d条(销号率%s)", n, closed, store.Rate{Num: closed, Den: n}.Percent(st.Precision))
	if active > 0 {
		summary += fmt.Sprintf("，整改中%d条", active)
	}
	if open > 0 {
		summary += fmt.Sprintf("，未整改%d条", open)
	}
	if overdue > 0 {
		summary += fmt.Sprintf("，其中逾期未销号%d条", overdue)
	}
	if reviewed > 0 {
		summary += fmt.Sprintf("；已开展回头看%d条", reviewed)
	}
	d.paragraph(summary+"。", paraStyle{bold: true, after: 3})
	d.table([]column{{"序号", 0, "C"}, {"来源", 1.2, "L"}, {"整改事项", 2.6, "L"}, {"责任单位", 0, "C"}, {"整改阶段", 0, "C"},
		{"提出日期", 0, "C"}, {"整改时限", 0, "C"}, {"状态", 0, "C"}, {"销号日期", 0, "C"}, {"回头看", 0, "C"}}, rows)
	d.moveDown(6)
	made := "制表日期：" + doc.Today.Chinese()
	if st.ClerkName != "" {
		made = "制表人：" + st.ClerkName + "　　" + made
	}
	d.paragraph(made, paraStyle{size: 10.5, align: "R"})
	return d.save(path)
}

// LivelihoodBallot writes the 民生实事项目票决票 of a year: copies ballots, one to a page, each listing every
// candidate with 同意/不同意/弃权 boxes, the number to choose and the rule that makes a ballot invalid.
func LivelihoodBallot(path string, doc store.LivelihoodDoc, copies int) error {
	st, v := doc.Settings, doc.Vote
	toChoose := v.ToChoose
	d := newDocument(st.OfficeName, "民生实事项目票决票", false)
	for i := 0; i < max(copies, 1); i++ {
		// Each copy is a ballot of its own, numbered on its own: 「第 1 页 共 1 页」, not 3 of 60 across the stack.
		d.startPart("民生实事项目票决票")
		d.title(fmt.Sprintf("%s%d年民生实事项目\n代表票决票", orDefault(st.Township, ""), v.Year))
		if v.MeetingTitle != "" {
			d.subtitle(v.MeetingTitle)
		}
		choose := fmt.Sprintf("本次票决共有候选项目%d项", len(doc.Candidates))
		if toChoose > 0 {
			choose += fmt.Sprintf("，应选%d项", toChoose)
		}
		d.paragraph("说明：1. "+choose+"。2. 请在每个项目后的“同意”“不同意”“弃权”栏内划“✓”，每项只能选一栏，不选的视为弃权。", paraStyle{size: 10.5})
		if toChoose > 0 {
			d.paragraph(fmt.Sprintf("3. 选“同意”的项目超过%d项的，本票无效。", toChoose), paraStyle{size: 10.5})
		}
		d.moveDown(3)
		widths := []float64{14, 0, 0, 20, 20, 20}
		rest := d.width - 14 - 60
		widths[1], widths[2] = rest*0.42, rest*0.58
		head := []string{"序号", "候选项目", "主要内容", "同意", "不同意", "弃权"}
		cells := make([]cell, len(head))
		for k, h := range head {
			cells[k] = cell{w: widths[k], text: h, align: "C", bold: true, shade: true}
		}
		d.fixedHeightRow(cells, cellSize, 10)
		for k, p := range doc.Candidates {
			row := []cell{{w: widths[0], text: itoa(k + 1), align: "C"}, {w: widths[1], text: p.Name, align: "L"},
				{w: widths[2], text: p.Content, align: "L"}, {w: widths[3]}, {w: widths[4]}, {w: widths[5]}}
			y := d.y()
			d.fixedHeightRow(row, cellSize, 12)
			h := d.y() - y
			x := d.left + widths[0] + widths[1] + widths[2]
			for b := 0; b < 3; b++ {
				d.checkBox(x+(widths[3+b]-5)/2, y+(h-5)/2, 5)
				x += widths[3+b]
			}
		}
		d.moveDown(6)
		d.paragraph("本票不记名。", paraStyle{size: 10.5, align: "R"})
	}
	return d.save(path)
}

// LivelihoodResult writes the 票决计票结果 of a year: the ballots, each candidate's votes, and the result by the
// rule (确定为民生实事项目 / 未获通过 / 得票相同，另行表决), with the rule stated and lines for the scrutineers.
func LivelihoodResult(path string, doc store.LivelihoodDoc) error {
	st, v, t := doc.Settings, doc.Vote, doc.Tally
	if !v.Saved {
		return store.Errorf(store.ENOTFOUND, "%d年的民生实事票决还没有登记，不能打印计票结果", v.Year)
	}
	d := newDocument(st.OfficeName, "民生实事项目票决结果", false)
	d.title(fmt.Sprintf("%d年民生实事项目代表票决计票结果", v.Year))
	if v.MeetingTitle != "" {
		d.subtitle(v.MeetingTitle + "　" + v.Date.Chinese())
	}
	d.fields([]field{{"应到代表", blankZero(v.Expected, v.Expected > 0)}, {"发出选票", itoa(v.Issued)}},
		[]field{{"收回选票", itoa(v.Returned)}, {"有效票", itoa(v.Valid)}})
	d.moveDown(4)
	rows := make([][]string, len(t.Rows))
	for i, r := range t.Rows {
		result := "未获通过"
		switch {
		case r.Chosen:
			result = "确定"
		case r.Tied:
			result = "得票相同，另行表决"
		case r.Passed:
			result = "未进入前" + itoa(v.ToChoose) + "项"
		}
		rank := ""
		if r.Rank > 0 {
			rank = itoa(r.Rank)
		}
		rows[i] = []string{itoa(i + 1), r.Project.Name, itoa(r.Project.For), itoa(r.Project.Against), itoa(r.Project.Abstain), rank, result}
	}
	d.table([]column{{"序号", 0, "C"}, {"候选项目", 1, "L"}, {"同意", 0, "C"}, {"不同意", 0, "C"}, {"弃权", 0, "C"},
		{"名次", 0, "C"}, {"结果", 0, "C"}}, rows)
	d.moveDown(3)
	d.paragraph("票决规则："+v.Rule(), paraStyle{size: 10.5, after: 1})
	d.paragraph(fmt.Sprintf("票决结果：确定民生实事项目%d项。", t.Chosen), paraStyle{bold: true})
	if t.Tie {
		d.paragraph("注：有候选项目得票相同且超出应选项目数，需另行表决。", paraStyle{size: 10.5})
	}
	d.ensure(30)
	d.moveDown(8)
	d.paragraph("计票人：______________　　　监票人：______________", paraStyle{align: "R"})
	d.signature(st.OfficeName, v.Date.Chinese())
	return d.save(path)
}

// InquiryLists writes the 两清单一要求 of an inquiry: the problems, the suggestions and the specific requirements,
// each list numbered, with the unit an entry concerns.
func InquiryLists(path string, doc store.InquiryDoc, date store.Date) error {
	st, q := doc.Settings, doc.Inquiry
	d := newDocument(st.OfficeName, "两清单一要求", false)
	d.title("关于" + strings.TrimPrefix(q.Topic, "关于") + "专题询问的\n问题清单、建议清单和具体要求")
	count := map[string]int{}
	for _, it := range doc.Items {
		count[it.List]++
	}
	d.paragraph(fmt.Sprintf("%s，%s就%s开展专题询问。经梳理归纳，形成问题清单、建议清单和具体要求(简称“两清单一要求”)，包括%d个问题，%d条建议，%d条具体要求，现反馈如下，请认真研究办理，逐项整改落实。",
		q.Date.Chinese(), orOffice(st), q.Topic, count[store.InquiryProblems], count[store.InquirySuggestions], count[store.InquiryRequirements]),
		paraStyle{indent: true, after: 2})
	for k, list := range store.InquiryLists {
		if count[list] == 0 {
			continue
		}
		d.heading(chineseOrdinal(k+1) + list)
		n := 0
		for _, it := range doc.Items {
			if it.List != list {
				continue
			}
			n++
			text := it.Text
			if it.UnitName != "" {
				text += "(" + it.UnitName + ")"
			}
			d.hangingLine(fmt.Sprintf("%d. ", n), text, bodySize, false, 4, 1.5)
		}
	}
	d.signature(st.OfficeName, date.Chinese())
	return d.save(path)
}
