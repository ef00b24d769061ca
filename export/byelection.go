package export

import (
	"fmt"

	"rendadesk/store"
)

// ByElectionReport writes the two documents of a by-election (domain.md §3.5), each numbered on its own: the
// 补选结果报告 to the upper congress that approved it (the vacancy, the approval, the meeting, the ballots, each
// candidate's votes and who was elected), and the 代表资格审查报告, the list of the deputies it elected that the
// presidium members sign.
func ByElectionReport(path string, st store.Settings, r store.ByElectionResult, date store.Date) error {
	d := newDocument(st.OfficeName, "补选结果报告", false)
	d.startPart("补选结果报告")
	byElectionResult(d, st, r, date)
	d.startPart("代表资格审查报告")
	qualificationReview(d, st, r, date)
	d.endPart()
	return d.save(path)
}

// seatName is 「第3选区镇人大代表」, or 「镇人大代表」 without a district.
func seatName(st store.Settings, r store.ByElectionResult) string {
	seat := st.LevelLabel(r.Level) + "人大代表"
	if r.Level == store.LevelTown {
		seat = "镇人大代表"
	}
	if r.District != "" {
		return store.DistrictName(districtNumber(r)) + seat
	}
	return seat
}

// districtNumber is the number of the by-election's 选区 (from its label 第3选区(…)).
func districtNumber(r store.ByElectionResult) int { return store.ParseDistrict(r.District) }

func byElectionResult(d *document, st store.Settings, r store.ByElectionResult, date store.Date) {
	e := r.Election
	seat := seatName(st, r)
	d.title("关于补选" + seat + "选举结果的报告")
	d.paragraph(r.ApprovedBy+"：", paraStyle{after: 1})
	reason := r.VacancyReason
	if reason == "" {
		reason = "出缺"
	}
	d.paragraph(fmt.Sprintf("原%s%s因%s，于%s出缺。经%s%s批准，%s于%s%s召开%s，依法补选%s%d名。",
		seat, r.VacatedName, reason, r.VacancyDate.Chinese(), r.ApprovedBy, r.Approved.Chinese(), orOffice(st),
		r.MeetingDate.Chinese(), placeOf(r.Meeting), r.Meeting.Title, seat, max(1, e.Seats)), paraStyle{indent: true, after: 2})
	valid := e.BallotsReturned <= e.BallotsIssued
	turnout := e.Expected > 0 && 2*e.BallotsReturned > e.Expected
	ballots := fmt.Sprintf("本次选举应到%d人，实到%d人；发出选票%d张，收回%d张，其中有效票%d张、无效票%d张。",
		e.Expected, e.Present, e.BallotsIssued, e.BallotsReturned, e.BallotsValid, max(0, e.BallotsReturned-e.BallotsValid))
	switch {
	case !valid:
		ballots += "收回的选票多于发出的选票，选举无效。"
	case turnout:
		ballots += "参加投票的人数超过应到人数的半数，收回的选票不多于发出的选票，选举有效。"
	case e.Expected > 0:
		ballots += "参加投票的人数未超过应到人数的半数。"
	}
	d.paragraph(ballots, paraStyle{indent: true, after: 3})
	rows := make([][]string, len(e.Candidates))
	var elected []string
	for i, c := range e.Candidates {
		share := store.Rate{Num: c.Votes, Den: e.BallotsReturned}.Percent(st.Precision)
		result := "未当选"
		if c.Elected {
			result = "当选"
			elected = append(elected, c.Name)
		}
		rows[i] = []string{itoa(i + 1), c.Name, itoa(c.Votes), share, result}
	}
	d.table([]column{{"序号", 0, "C"}, {"候选人", 1, "C"}, {"得票数", 0, "C"}, {"得票率(占收回选票)", 0, "C"}, {"结果", 0, "C"}}, rows)
	d.moveDown(4)
	switch len(elected) {
	case 0:
		d.paragraph("本次选举没有候选人当选。", paraStyle{indent: true})
	default:
		d.paragraph(fmt.Sprintf("%s得票超过参加投票人数的半数，当选为%s。", joinComrades(elected), seat), paraStyle{indent: true})
	}
	d.paragraph("特此报告。", paraStyle{indent: true})
	d.signature(st.OfficeName, date.Chinese())
}

func qualificationReview(d *document, st store.Settings, r store.ByElectionResult, date store.Date) {
	seat := seatName(st, r)
	d.title("代表资格审查报告")
	d.paragraph(fmt.Sprintf("根据《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》的规定，%s对%s补选产生的%s的代表资格进行了审查。"+
		"经审查，下列代表的选举符合法律规定，确认其代表资格有效。", orOffice(st), r.MeetingDate.Chinese(), seat), paraStyle{indent: true, after: 3})
	e := r.Elected
	if e.ID == 0 {
		d.paragraph("(这次补选尚未确认当选人。)", paraStyle{indent: true})
	} else {
		votes := ""
		for _, c := range r.Election.Candidates {
			if c.Name == r.ElectedName {
				votes = fmt.Sprintf("%d/%d", c.Votes, r.Election.BallotsReturned)
			}
		}
		d.table([]column{{"选区", 0, "C"}, {"姓名", 0, "C"}, {"性别", 0, "C"}, {"出生年月", 0, "C"}, {"政治面貌", 0, "C"},
			{"工作单位及职务", 1, "L"}, {"当选日期", 0, "C"}, {"得票/收回", 0, "C"}},
			[][]string{{store.DistrictName(districtNumber(r)), e.Name, e.Gender, e.Birth, e.Party, e.WorkUnit + e.Post,
				r.MeetingDate.Chinese(), votes}})
	}
	d.moveDown(6)
	d.paragraph("主席团成员签名：", paraStyle{bold: true, after: 2})
	names := r.Presidium
	if len(names) == 0 {
		names = []string{"", "", "", "", ""}
	}
	rows := make([][]string, 0, (len(names)+1)/2)
	for i := 0; i < len(names); i += 2 {
		row := []string{names[i], ""}
		if i+1 < len(names) {
			row = append(row, names[i+1], "")
		} else {
			row = append(row, "", "")
		}
		rows = append(rows, row)
	}
	d.table([]column{{"主席团成员", 0, "C"}, {"签名", 1, "C"}, {"主席团成员", 0, "C"}, {"签名", 1, "C"}}, rows)
	day := r.Qualified
	if day == "" {
		day = date
	}
	d.signature(orOffice(st), day.Chinese())
}

// placeOf is 「在桥头社区会议室」, or "" without a place.
func placeOf(m store.Meeting) string {
	if m.Place == "" {
		return ""
	}
	return "在" + m.Place
}

// joinComrades is 「张三、李四同志」.
func joinComrades(names []string) string { return joinPlain(names) + "同志" }

// DistrictRoster writes the 选区名册: every 选区 of the register with the villages it covers, its 应选代表名额
// and 选民数, the deputies holding its seats on day (with the day each was elected) and its vacant seats.
func DistrictRoster(path string, st store.Settings, rolls []store.DistrictRoll, day store.Date) error {
	d := newDocument(st.OfficeName, "选区名册", true)
	d.title(officeTitle(st, "选区名册"))
	d.subtitle("截至" + day.Chinese())
	rows := make([][]string, 0, len(rolls))
	seats, held := 0, 0
	for _, r := range rolls {
		var names []string
		for _, s := range r.Seats {
			names = append(names, fmt.Sprintf("%s(%s当选)", s.Name, s.Seat.Start.Chinese()))
		}
		voters := ""
		if r.Voters > 0 {
			voters = itoa(r.Voters)
		}
		vacant := ""
		if n := r.Vacant(); n > 0 {
			vacant = itoa(n)
		}
		level := st.LevelLabel(r.Level)
		rows = append(rows, []string{level, r.District.Label(), r.Villages, itoa(r.District.Seats), voters, joinPlain(names), vacant})
		seats += r.District.Seats
		held += r.Held
	}
	rows = append(rows, []string{"合计", fmt.Sprintf("%d个选区", len(rolls)), "", itoa(seats), "", fmt.Sprintf("在任%d名", held),
		itoa(max(0, seats-held))})
	d.table([]column{{"层级", 0, "C"}, {"选区", 0, "L"}, {"所辖村(居)", 1, "L"}, {"应选名额", 0, "C"}, {"选民数", 0, "C"},
		{"在任代表(当选日期)", 2, "L"}, {"缺额", 0, "C"}}, rows)
	d.moveDown(4)
	d.signature(st.OfficeName, day.Chinese())
	return d.save(path)
}

// joinPlain is 「张三、李四」.
func joinPlain(names []string) string {
	out := ""
	for i, n := range names {
		if i > 0 {
			out += "、"
		}
		out += n
	}
	return out
}
