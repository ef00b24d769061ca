package export

import (
	"fmt"
	"slices"
	"strings"

	"rendadesk/store"
)

// The suggestion forms of SPEC §6.5, each one PDF file: 交办单, 交办清单, 督办通知, 代表意见征询表 and the
// 建议办理过程单. They take the store's plain values, as its document loaders read them (store/documents.go).

// officeTitle puts the office name before a document's name when the office has one.
func officeTitle(st store.Settings, name string) string {
	return strings.TrimSpace(st.OfficeName) + name
}

// itemFields are the boxes that describe an item, shared by the 交办单 and the 过程单. A voter's item shows the
// voter, how to reach them, and the station and day they raised it.
func itemFields(st store.Settings, it store.NamedSuggestion) [][]field {
	s := it.Suggestion
	category := s.Category
	if s.Priority == "重点" {
		category += "（重点）"
	}
	rows := [][]field{
		{{"编号", s.Number}, {"类别", category}},
		{{"标题", s.Title}},
	}
	if s.FromVoter() {
		rows = append(rows, voterFields(it)...)
		rows = append(rows, []field{{"涉及层面", st.LevelLabel(s.Scope)}, {"转交代表", s.LeadDeputyName}})
	} else {
		rows = append(rows, []field{{"领衔代表", s.LeadDeputyName}, {"涉及层面", st.LevelLabel(s.Scope)}},
			[]field{{"联名代表", strings.Join(it.Cosigners, "、")}})
	}
	return append(rows,
		[]field{{"收到日期", s.Received.Chinese()}, {"交办日期", s.Assigned.Chinese()}},
		[]field{{"主办单位", s.MainUnitName}, {"办理时限", s.Deadline.Chinese()}},
		[]field{{"协办单位", strings.Join(it.AssistUnits, "、")}},
	)
}

// voterFields are the boxes of a voter's item that say who raised it and where: the voter and how to reach
// them, the station and the day of the reception (or the source when it did not come through a station).
func voterFields(it store.NamedSuggestion) [][]field {
	rows := [][]field{{{"选民姓名", it.VoterName}, {"联系方式", it.VoterContact}}}
	if it.Station != "" || it.ReceptionOn != "" {
		return append(rows, []field{{"来源联络站", it.Station}, {"接待日期", it.ReceptionOn.Chinese()}})
	}
	return append(rows, []field{{"来源", it.Source}})
}

// itemWord is what an item is called on its forms: 代表建议, or 选民意见建议 for a voter's.
func itemWord(it store.NamedSuggestion) string {
	if it.FromVoter() {
		return "选民意见建议"
	}
	return "代表建议"
}

// replyTo is how the unit is asked to answer: in writing to the deputies, or to the voter with word back
// to the office.
func replyTo(st store.Settings, it store.NamedSuggestion) string {
	if it.FromVoter() {
		return "答复选民并反馈" + orOffice(st)
	}
	return "书面答复代表，并将答复意见报送" + orOffice(st)
}

// AssignForm writes the 交办单 of one item (代表建议交办单, or 选民意见建议交办单 for a voter's item): its
// boxes, the full content, a line for the unit to sign for it, and the office and date at the bottom right.
func AssignForm(path string, st store.Settings, it store.NamedSuggestion, date store.Date) error {
	name := itemWord(it) + "交办单"
	d := newDocument(st.OfficeName, name, false)
	d.title(officeTitle(st, name))
	d.fields(itemFields(st, it)...)
	d.textBox("建议内容", it.Content, 12)
	d.moveDown(3)
	d.paragraph(fmt.Sprintf("注：请认真研究办理，在办理时限内%s。", replyTo(st, it)), paraStyle{size: 10.5})
	d.ensure(40)
	d.moveDown(8)
	d.paragraph("承办单位签收：________________　　签收日期：______年____月____日", paraStyle{})
	d.signature(st.OfficeName, date.Chinese())
	return d.save(path)
}

// orOffice is the office name, or a generic one when the settings have none yet.
func orOffice(st store.Settings) string {
	if o := strings.TrimSpace(st.OfficeName); o != "" {
		return o
	}
	return "人大" + st.BodyWord
}

// AssignList writes the 交办清单 for the 交办会: one section per unit, each on a new page (A4 landscape),
// listing the items the unit handles and then those it assists, with the number of items.
func AssignList(path string, st store.Settings, year int, sections []store.UnitItems, date store.Date) error {
	d := newDocument(st.OfficeName, "代表建议交办清单", true)
	for i, sec := range sections {
		if i > 0 {
			d.addPage()
		}
		d.title(sec.Unit + "承办代表建议交办清单")
		d.subtitle(fmt.Sprintf("（%d年度）", year))
		if len(sec.Items) > 0 || len(sec.Assisting) == 0 {
			if len(sec.Assisting) > 0 {
				d.heading("主办代表建议")
			}
			listTable(d, sec.Items, "协办单位", func(it store.NamedSuggestion) string { return strings.Join(it.AssistUnits, "、") })
			d.moveDown(2)
			d.paragraph("合计："+countText(sec.Items), paraStyle{bold: true, after: 2})
		}
		if len(sec.Assisting) > 0 {
			d.heading("协办代表建议")
			listTable(d, sec.Assisting, "主办单位", func(it store.NamedSuggestion) string { return it.MainUnitName })
			d.moveDown(2)
			d.paragraph("合计："+countText(sec.Assisting), paraStyle{bold: true, after: 2})
		}
		d.ensure(30)
		d.moveDown(6)
		d.paragraph("承办单位签收：________________　　签收日期：______年____月____日", paraStyle{})
		d.signature(st.OfficeName, date.Chinese())
	}
	return d.save(path)
}

func listTable(d *document, items []store.NamedSuggestion, lastTitle string, last func(store.NamedSuggestion) string) {
	cols := []column{{"序号", 0, "C"}, {"编号", 0, "C"}, {"标题", 55, "L"}, {"领衔代表", 0, "C"}}
	voters := slices.ContainsFunc(items, func(it store.NamedSuggestion) bool { return it.VoterName != "" })
	if voters {
		cols = append(cols, column{"选民", 0, "C"})
	}
	cols = append(cols, column{"交办日期", 0, "C"}, column{"办理时限", 0, "C"}, column{lastTitle, 35, "L"})
	rows := make([][]string, len(items))
	for i, it := range items {
		rows[i] = []string{itoa(i + 1), it.Number, it.Title, it.LeadDeputyName}
		if voters {
			rows[i] = append(rows[i], it.VoterName)
		}
		rows[i] = append(rows[i], it.Assigned.Chinese(), it.Deadline.Chinese(), last(it))
	}
	d.table(cols, rows)
}

// countText counts items in the office's words: 「代表建议 3 件、选民意见建议 2 条」.
func countText(items []store.NamedSuggestion) string {
	plain := make([]store.Suggestion, len(items))
	for i, it := range items {
		plain[i] = it.Suggestion
	}
	return store.CountText(store.CountKinds(plain))
}

// OverdueNotice writes the 督办通知: for each unit a letter, on its own page, listing the unit's items that
// have passed their deadline without a reply as of today and asking for a reply within 7 days — in writing
// to the deputies, or to the voters with word back to the office for voters' items.
func OverdueNotice(path string, st store.Settings, sections []store.UnitItems, today store.Date) error {
	d := newDocument(st.OfficeName, "督办通知", false)
	for i, sec := range sections {
		if i > 0 {
			d.addPage()
		}
		deputies, voters := 0, 0
		for _, it := range sec.Items {
			if it.FromVoter() {
				voters++
			} else {
				deputies++
			}
		}
		what := "代表建议"
		switch {
		case deputies == 0:
			what = "选民意见建议"
		case voters > 0:
			what = "代表建议和选民意见建议"
		}
		reply := "书面答复代表"
		switch {
		case deputies == 0:
			reply = "答复选民并反馈" + orOffice(st)
		case voters > 0:
			reply = "代表建议书面答复代表，选民意见建议答复选民并反馈" + orOffice(st)
		}
		d.title("关于督促办理逾期" + what + "的通知")
		d.paragraph(sec.Unit+"：", paraStyle{after: 1})
		d.paragraph(fmt.Sprintf("截至%s，以下%s已超过办理时限尚未答复，请抓紧办理，于%s前%s。",
			today.Chinese(), countText(sec.Items), today.AddDays(7).Chinese(), reply), paraStyle{indent: true, after: 4})
		rows := make([][]string, len(sec.Items))
		for i, it := range sec.Items {
			days := int(today.Time().Sub(it.Deadline.Time()).Hours() / 24)
			// 提出人 takes the place of the 交办日期 a portrait page has no room for beside the deadline.
			rows[i] = []string{it.Number, it.Title, it.Proposer(), it.Deadline.Chinese(), itoa(days)}
		}
		d.table([]column{{"编号", 0, "C"}, {"标题", 1, "L"}, {"提出人", 0, "C"}, {"办理时限", 0, "C"}, {"逾期天数", 0, "C"}}, rows)
		d.moveDown(4)
		d.paragraph("特此通知。", paraStyle{indent: true})
		d.signature(st.OfficeName, today.Chinese())
		if st.ClerkName != "" {
			d.moveDown(6)
			d.paragraph("联系人："+st.ClerkName, paraStyle{size: 10.5})
		}
	}
	return d.save(path)
}

// SatisfactionForm writes the 代表建议办理情况征询意见表 sent to the lead deputy with the reply: the item,
// the latest reply in full, tick boxes for the evaluation, lines for comments, and room to sign.
func SatisfactionForm(path string, st store.Settings, it store.NamedSuggestion, h store.Handling) error {
	if len(h.Replies) == 0 {
		return store.Errorf(store.ESTATE, "建议「%s」当前状态为「%s」，还没有答复，不能打印征询意见表", it.Number, it.State)
	}
	r := h.Replies[len(h.Replies)-1]
	outcome := it.Outcome
	if outcome == "" {
		outcome = r.Outcome
	}
	units := it.MainUnitName
	if len(it.AssistUnits) > 0 {
		units = fmt.Sprintf("%s（协办：%s）", units, strings.Join(it.AssistUnits, "、"))
	}
	if r.FromUpper || units == "" {
		units = it.ForwardTo
	}
	d := newDocument(st.OfficeName, "征询意见表", false)
	d.title(itemWord(it) + "办理情况征询意见表")
	result := []field{{"办理结果", outcome}}
	if r.Round > 1 {
		result = append(result, field{"答复轮次", fmt.Sprintf("第%d轮", r.Round)})
	}
	who := "代表"
	rows := [][]field{{{"编号", it.Number}, {"领衔代表", it.LeadDeputyName}}}
	if it.FromVoter() {
		who = "选民"
		rows = append([][]field{{{"编号", it.Number}, {"收到日期", it.Received.Chinese()}}}, voterFields(it)...)
	}
	rows = append(rows,
		[]field{{"标题", it.Title}},
		[]field{{"承办单位", units}},
		[]field{{"答复日期", r.Date.Chinese()}, {"答复方式", r.Method}},
		result,
	)
	d.fields(rows...)
	d.textBox("答复内容摘要", r.Content, 6)
	d.moveDown(6)
	evaluationBox(d, who)
	d.moveDown(4)
	d.paragraph(fmt.Sprintf("注：请于收到本表后十日内反馈%s。", orOffice(st)), paraStyle{size: 10.5})
	return d.save(path)
}

// evaluationBox draws the part the deputy (or the voter, who) fills in: a bordered block with the three
// grades to tick, ruled lines for comments and the signature line, kept together on one page.
func evaluationBox(d *document, who string) {
	const lines, gap = 5, 9.0
	lh := lineHeight(bodySize)
	height := 10 + lh + 8 + lh + lines*gap + 10 + lh + 6
	d.heading(who + "对办理情况的评价")
	d.ensure(height)
	top := d.y()
	x := d.left + 6
	d.moveDown(6)
	// The boxes are drawn larger than the words: the font's ☐ is small beside 13 pt text.
	cx, y := x, d.y()
	for i, part := range []string{"评价意见：", "☐", " 满意", "☐", " 基本满意", "☐", " 不满意"} {
		size := 13.0
		if part == "☐" {
			size = 18
		}
		d.font(false, size)
		w := d.pdf.GetStringWidth(part)
		d.text(cx, y, w, lh+2, part, "L")
		cx += w
		if i > 0 && i%2 == 0 {
			cx += 14 // room between the choices
		} else if i == 0 {
			cx += 4
		}
	}
	d.moveDown(lh + 8)
	d.font(false, bodySize)
	d.text(x, d.y(), d.width-12, lh, "意见和建议：", "L")
	d.moveDown(lh)
	d.right -= 6
	d.ruledLines(x, lines, gap)
	d.right += 6
	d.moveDown(10)
	d.font(false, bodySize)
	d.text(x, d.y(), d.width-12, lh, who+"签名：________________　　日期：______年____月____日", "R")
	d.moveDown(lh + 6)
	d.pdf.Rect(d.left, top, d.width, d.y()-top, "D")
}

// ItemHistory writes the 建议办理过程单: the item's boxes, its whole timeline, every reply in full, the
// evaluations and the follow-ups; the attachments of the item and of each reply (h.Attachments) are listed
// under it, 「附件 盖章答复（2页）」.
func ItemHistory(path string, st store.Settings, it store.NamedSuggestion, steps []store.Step, h store.Handling, date store.Date) error {
	d := newDocument(st.OfficeName, "建议办理过程单", false)
	d.title(itemWord(it) + "办理过程单")
	rows := itemFields(st, it)
	status := []field{{"当前状态", it.State}, {"办理结果", it.Outcome}}
	if it.Round > 1 {
		status[0].value += fmt.Sprintf("（第%d轮）", it.Round)
	}
	rows = append(rows, status)
	if it.ForwardTo != "" {
		rows = append(rows, []field{{"转交上级", it.ForwardTo}, {"转交日期", it.Forwarded.Chinese()}})
	}
	if it.ExtensionReason != "" {
		rows = append(rows, []field{{"延期理由", it.ExtensionReason}})
	}
	if it.TerminationKind != "" {
		rows = append(rows, []field{{it.TerminationKind + "理由", it.TerminationReason}})
	}
	d.fields(rows...)
	d.textBox("建议内容", it.Content, 3)
	if files := attachmentsOf(h.Attachments, store.Owner{Kind: store.OwnerSuggestion, ID: it.ID}); files != "" {
		d.fields([]field{{"附件", files}})
	}

	d.heading("办理过程")
	trows := make([][]string, len(steps))
	for i, s := range steps {
		detail := s.Detail
		if s.FromState != s.ToState && s.FromState != "" {
			if detail != "" {
				detail += "；"
			}
			detail += s.FromState + "→" + s.ToState
		}
		trows[i] = []string{s.Date.Chinese(), s.Step, fmt.Sprintf("第%d轮", s.Round), detail}
	}
	d.table([]column{{"日期", 0, "C"}, {"环节", 0, "C"}, {"轮次", 0, "C"}, {"情况", 1, "L"}}, trows)

	if len(h.Replies) > 0 {
		d.ensure(d.boxHeight(2, h.Replies[0].Content, 4) + 15) // the heading with the first reply
		d.heading("答复情况")
		for i, r := range h.Replies {
			if i > 0 {
				d.moveDown(3)
			}
			who := "承办单位答复"
			if r.FromUpper {
				who = "上级答复"
			}
			rows := [][]field{
				{{"答复日期", r.Date.Chinese()}, {"答复方式", r.Method}},
				{{"办理结果", r.Outcome}, {"轮次", fmt.Sprintf("第%d轮（%s）", r.Round, who)}},
			}
			// The reply's files with its date and outcome, above its text: after the text, the 附件 row was
			// seen alone at the top of the next page.
			if files := attachmentsOf(h.Attachments, store.Owner{Kind: store.OwnerReply, ID: r.ID}); files != "" {
				rows = append(rows, []field{{"附件", files}})
			}
			d.ensure(d.boxHeight(len(rows), r.Content, 4)) // a reply's fields with the start of its text
			d.fields(rows...)
			d.textBox("答复内容", r.Content, 2)
		}
	}
	if len(h.Evaluations) > 0 {
		d.heading("代表评价")
		erows := make([][]string, len(h.Evaluations))
		for i, e := range h.Evaluations {
			erows[i] = []string{e.Date.Chinese(), fmt.Sprintf("第%d轮", e.Round), e.Grade, e.Comment}
		}
		d.table([]column{{"日期", 0, "C"}, {"轮次", 0, "C"}, {"评价", 0, "C"}, {"意见", 1, "L"}}, erows)
	}
	if len(h.FollowUps) > 0 {
		d.heading("跟踪办理")
		frows := make([][]string, len(h.FollowUps))
		for i, f := range h.FollowUps {
			outcome := f.Outcome
			if outcome == "" {
				outcome = "—"
			}
			frows[i] = []string{f.Date.Chinese(), outcome, f.Note}
		}
		d.table([]column{{"日期", 0, "C"}, {"办理结果", 0, "C"}, {"情况", 1, "L"}}, frows)
	}
	d.moveDown(6)
	made := "打印日期：" + date.Chinese()
	if st.ClerkName != "" {
		made = "制表人：" + st.ClerkName + "　　" + made
	}
	d.paragraph(made, paraStyle{size: 10.5, align: "R"})
	return d.save(path)
}

// attachmentsOf lists the attachments of one record or part as the forms print them: 「盖章答复（2页）；现场照片（1页）」,
// or "" when it has none.
func attachmentsOf(all []store.Attachment, o store.Owner) string {
	var out []string
	for _, a := range all {
		if a.Owner == o {
			out = append(out, a.Listed())
		}
	}
	return strings.Join(out, "；")
}
