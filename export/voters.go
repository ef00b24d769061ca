package export

import (
	"fmt"
	"strings"

	"rendadesk/store"
)

// The printed documents of the office's contact with the public (issue 18), each one PDF in 公文 form: the
// 信访登记表, 转办单 and 反馈单 of a petition, the month's 值班表, and the stations' monthly 公示表 for the wall
// (A4 or A3). They take the store's document values (store/documents_voters.go).

// orDash is the value, or 「—」 when it is empty, for a box that must not look forgotten.
func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// petitionFields are the boxes that describe a case, shared by the 登记表 and the 转办单.
func petitionFields(doc store.PetitionDoc) [][]field {
	p := doc.Petition
	visitors := "—" // a letter or a referral brings no one in person
	if p.Visitors > 0 {
		visitors = itoa(p.Visitors) + "人"
	}
	if p.GroupVisit {
		visitors += "（集体访）"
	}
	category := p.Category
	if p.KeyCase {
		category += "（重点督办）"
	}
	rows := [][]field{
		{{"编号", p.Number}, {"收到日期", p.Received.Chinese()}},
		{{"来源渠道", p.Channel}, {"人次", visitors}},
		{{"信访人", p.Petitioner}, {"村(居)", p.Village}},
		{{"联系方式", p.Contact}, {"类别", category}},
	}
	if p.Referral() {
		rows = append(rows, []field{{"批转机关", p.ReferralFrom}, {"批转文号", p.ReferralNo}},
			[]field{{"报告期限", p.ReportDue.Chinese()}, {"报告日期", orDash(p.Reported.Chinese())}})
	}
	if doc.Source != "" {
		rows = append(rows, []field{{"来源", doc.Source}})
	}
	return append(rows, []field{{"事由", p.Subject}})
}

// PetitionRegister writes the 信访登记表 of one case: its registration, the content, where it was sent and
// every step taken so far.
func PetitionRegister(path string, doc store.PetitionDoc) error {
	const name = "信访登记表"
	p := doc.Petition
	d := newDocument(doc.Settings.OfficeName, name, false)
	d.title(officeTitle(doc.Settings, name))
	d.fields(petitionFields(doc)...)
	d.textBox("信访内容", p.Content, 8)
	d.fields(
		[]field{{"承办单位", orDash(p.UnitName)}, {"责任人", orDash(p.Responsible)}},
		[]field{{"转办日期", orDash(p.Referred.Chinese())}, {"办结时限", orDash(p.Deadline.Chinese())}},
		[]field{{"状态", p.State}, {"办结日期", orDash(p.Closed.Chinese())}},
	)
	d.textBox("办理结果", p.Reply, 3)
	feedback := "—"
	if p.Feedback != "" {
		feedback = p.Feedback.Chinese() + " " + p.FeedbackHow
	}
	d.fields([]field{{"反馈信访人", feedback}})
	if len(doc.Steps) > 0 {
		d.heading("办理过程")
		rows := make([][]string, len(doc.Steps))
		for i, s := range doc.Steps {
			rows[i] = []string{s.Date.Chinese(), s.Step, s.Detail, s.ToState}
		}
		d.table([]column{{"日期", 0, "C"}, {"步骤", 0, "C"}, {"内容", 1, "L"}, {"状态", 0, "C"}}, rows)
	}
	d.moveDown(6)
	d.paragraph("登记人：____________", paraStyle{})
	return d.save(path)
}

// PetitionReferral writes the 转办单 that goes to the unit with the case: the case, the deadline counted on
// the working-day calendar, what is asked back, and a slip for the unit to sign.
func PetitionReferral(path string, doc store.PetitionDoc, date store.Date) error {
	const name = "信访事项转办单"
	p := doc.Petition
	if p.UnitName == "" {
		return fmt.Errorf("信访件%s还没有转办，不能打印转办单：请先在「信访」中转办给承办单位", p.Number)
	}
	d := newDocument(doc.Settings.OfficeName, name, false)
	d.title(officeTitle(doc.Settings, name))
	d.paragraph(p.UnitName+"：", paraStyle{after: 2})
	d.paragraph(fmt.Sprintf("现将%s反映的信访事项转交你单位办理。请于%s前办结，将办理结果答复信访人，并书面反馈%s。",
		orDash(p.Petitioner), p.Deadline.Chinese(), orOffice(doc.Settings)), paraStyle{indent: true, after: 4})
	d.fields(petitionFields(doc)...)
	d.textBox("信访内容", p.Content, 8)
	d.fields(
		[]field{{"承办单位", p.UnitName}, {"责任人", orDash(p.Responsible)}},
		[]field{{"转办日期", p.Referred.Chinese()}, {"办结时限", p.Deadline.Chinese()}},
	)
	d.ensure(40)
	d.moveDown(8)
	d.paragraph("承办单位签收：________________　　签收日期：______年____月____日", paraStyle{})
	d.signature(orOffice(doc.Settings), date.Chinese())
	return d.save(path)
}

// PetitionFeedback writes the 反馈单: the unit's result of a case, for the petitioner and the file, with the
// day and way it reached the petitioner and lines for the petitioner's opinion.
func PetitionFeedback(path string, doc store.PetitionDoc, date store.Date) error {
	const name = "信访事项办理反馈单"
	p := doc.Petition
	if p.Reply == "" {
		return fmt.Errorf("信访件%s还没有办理结果，不能打印反馈单：请先在「信访」中登记答复", p.Number)
	}
	d := newDocument(doc.Settings.OfficeName, name, false)
	d.title(officeTitle(doc.Settings, name))
	d.fields(
		[]field{{"编号", p.Number}, {"收到日期", p.Received.Chinese()}},
		[]field{{"信访人", p.Petitioner}, {"联系方式", p.Contact}},
		[]field{{"事由", p.Subject}},
		[]field{{"承办单位", orDash(p.UnitName)}, {"责任人", orDash(p.Responsible)}},
		[]field{{"答复日期", orDash(p.Replied.Chinese())}, {"办结时限", orDash(p.Deadline.Chinese())}},
	)
	d.textBox("办理结果", p.Reply, 10)
	feedback := "______年____月____日　方式：________"
	if p.Feedback != "" {
		feedback = p.Feedback.Chinese() + "　方式：" + p.FeedbackHow
	}
	d.fields([]field{{"反馈信访人", feedback}})
	d.textBox("信访人意见", "", 4)
	d.ensure(30)
	d.moveDown(8)
	d.paragraph("信访人签字：________________　　日期：______年____月____日", paraStyle{})
	d.signature(orOffice(doc.Settings), date.Chinese())
	return d.save(path)
}

// dutyRows are the rows of a schedule: date and weekday, where, who, and the kind of day.
func dutyRows(days []store.DutyDay) [][]string {
	rows := make([][]string, len(days))
	for i, dd := range days {
		who := dd.DeputyName
		if who == "" && dd.Kind == store.DutyKindReception {
			who = "主席、副主席轮流"
		}
		what := dd.Kind
		if dd.RuleName != "" {
			what = dd.RuleName
		}
		rows[i] = []string{dd.Date.Chinese() + " " + weekdayOf(dd.Date), dd.Where(), orDash(who), what, dd.Note}
	}
	return rows
}

var dutyColumns = []column{{"日期", 0, "C"}, {"地点", 1, "L"}, {"值班(接待)人员", 0, "C"}, {"类型", 0, "C"}, {"备注", 1, "L"}}

// weekdayOf is 「星期一」 … 「星期日」 for the day.
func weekdayOf(d store.Date) string {
	n := int(d.Time().Weekday())
	if n == 0 {
		n = 7
	}
	return store.WeekdayName(n)
}

// DutyRoster writes the 值班表 of a month: every duty day at the stations and every reception day, by date,
// and the rules of the reception days under it.
func DutyRoster(path string, doc store.DutyDoc, date store.Date) error {
	name := "代表进站值班及接待日安排表"
	title := doc.Station + doc.Month.Chinese() + name
	if doc.Station == "" {
		title = officeTitle(doc.Settings, doc.Month.Chinese()+name)
	}
	d := newDocument(doc.Settings.OfficeName, name, false)
	d.title(title)
	d.table(dutyColumns, dutyRows(doc.Days))
	if len(doc.Rules) > 0 {
		d.heading("接待日制度")
		for _, r := range doc.Rules {
			d.paragraph("· "+r.Name+"："+r.Describe(), paraStyle{after: 1})
		}
	}
	d.paragraph("如遇值班代表因故不能到岗，请提前告知人大办公室调整安排。", paraStyle{size: 10.5, after: 2})
	d.signature(orOffice(doc.Settings), date.Chinese())
	return d.save(path)
}

// StationNotices writes the 公示表 of a month, one part per station with its own page numbers, on A4 or A3
// paper: the issues received and how each was handled (voters' names masked, 张**), the suggestions made
// from them with their state, next month's duty days and reception days, and the station's public phone.
func StationNotices(path string, doc store.StationNoticeDoc, paper string) error {
	if paper != "A3" {
		paper = "A4"
	}
	if len(doc.Notices) == 0 {
		return fmt.Errorf("%s没有要公示的联络站，未生成文件", doc.Month.Chinese())
	}
	// The first page is started with the document, so its header names the first station already.
	d := newPaperDocument(doc.Settings.OfficeName, doc.Notices[0].Station.Name+"公示表", paper, false)
	for _, n := range doc.Notices {
		d.startPart(n.Station.Name + "公示表")
		stationNotice(d, doc, n)
	}
	return d.save(path)
}

// stationNotice draws one station's 公示表.
func stationNotice(d *document, doc store.StationNoticeDoc, n store.StationNotice) {
	d.title(n.Station.Name + "接待选民情况公示")
	d.subtitle("（" + doc.Month.Chinese() + "）")
	if n.Photo != nil {
		// The station's photo under the title, as wide as half the page at most, its shape kept.
		d.ensure(stationPhotoH + 4)
		drawImage(d, n.Photo, d.left+d.width/4, d.y(), d.width/2, stationPhotoH)
		d.moveDown(stationPhotoH + 4)
	}
	lead := fmt.Sprintf("%s，本站共接待选民%d次、%d人次，收集意见建议%d条。现将办理情况公示如下，接受群众监督。",
		doc.Month.Chinese(), len(n.Receptions), n.Voters(), n.Issues())
	if len(n.Receptions) == 0 {
		lead = doc.Month.Chinese() + "，本站没有接待记录。"
	}
	d.paragraph(lead, paraStyle{indent: true, after: 3})

	section := 0
	heading := func(s string) {
		section++
		d.heading(chineseOrdinals[section-1] + "、" + s)
	}
	if n.Issues() > 0 {
		heading("选民反映的问题及办理情况")
		var rows [][]string
		for _, r := range n.Receptions {
			for _, i := range r.Issues {
				rows = append(rows, []string{itoa(len(rows) + 1), r.Date.Chinese(), orDash(store.MaskName(i.Voter)), i.Content, i.Handling()})
			}
		}
		d.table([]column{{"序号", 0, "C"}, {"接待日期", 0, "C"}, {"反映人", 0, "C"}, {"反映问题", 3, "L"}, {"办理情况", 2, "L"}}, rows)
	}

	var made [][]string
	for _, r := range n.Receptions {
		for _, i := range r.Issues {
			if s, ok := doc.Suggestions[i.SuggestionID]; ok && i.SuggestionID != 0 {
				state := s.State
				if s.Outcome != "" {
					state += "（" + s.Outcome + "）"
				}
				made = append(made, []string{s.Number, s.Title, orDash(s.MainUnitName), state})
			}
		}
	}
	if len(made) > 0 {
		heading("转为建议的办理情况")
		d.table([]column{{"编号", 0, "C"}, {"标题", 3, "L"}, {"承办单位", 0, "C"}, {"办理状态", 0, "C"}}, made)
	}

	heading(doc.Month.Next().Chinese() + "代表值班及接待日安排")
	if len(n.Duty) > 0 {
		d.table(dutyColumns, dutyRows(n.Duty))
	} else {
		d.paragraph(doc.Month.Next().Chinese()+"的值班安排另行公布。", paraStyle{after: 2})
	}
	for _, r := range n.Rules {
		d.paragraph("· "+r.Name+"："+r.Describe(), paraStyle{size: 10.5, after: 1})
	}
	d.moveDown(3)
	if n.Phone != "" {
		d.paragraph("联系电话："+n.Phone, paraStyle{bold: true, after: 1})
	}
	d.paragraph("选民有意见建议，可在接待日到站反映，也可投入代表信箱。", paraStyle{size: 10.5})
	d.signature(n.Station.Name, doc.Posted.Chinese())
}

// stationPhotoH is the height of the box a station's photo is fitted into on its 公示表 (A4 millimetres; the
// A3 poster is the A4 page enlarged).
const stationPhotoH = 60.0

// chineseOrdinals number the sections of a notice.
var chineseOrdinals = []string{"一", "二", "三"}
