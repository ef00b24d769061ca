package export

import (
	"fmt"
	"slices"
	"strings"

	"rendadesk/store"
)

// The report's tables of the meetings: T13 视察调研执法检查, T14 主席团会议, T15 人代会.

// supervision are the meeting kinds T13 lists: inspections, research, law checks and special supervision.
var supervision = []string{store.MeetingInspect, store.MeetingResearch, store.MeetingLawCheck, store.MeetingSpecial,
	store.MeetingInquiry, store.MeetingWorkEval, store.MeetingReportEval}

// meetingDate is a meeting's date or date range.
func meetingDate(m store.Meeting) string {
	if m.End != "" && m.End != m.Start {
		return string(m.Start) + "至" + string(m.End)
	}
	return string(m.Start)
}

// t13 lists the period's inspections, research, law checks and supervision activities.
func (w Report) t13() rtable {
	headers := []string{"序号", "日期", "类型", "主题/依据法规", "地点", "主持人", "出席代表", "请假", "发现问题", "备注"}
	var rows []trow
	counts := map[string]int{}
	for _, m := range w.Meetings {
		if !slices.Contains(supervision, m.Kind) {
			continue
		}
		counts[m.Kind]++
		topic := strings.TrimSpace(m.Topic)
		if topic == "" {
			topic = m.Title
		}
		if m.Law != "" {
			topic += "(" + m.Law + ")"
		}
		rows = append(rows, trow{cells: []any{fmt.Sprint(len(rows) + 1), meetingDate(m.Meeting), m.Kind, topic, m.Place, m.Host,
			m.Present + m.NonVoting, m.Leave, m.Problems, m.Notes}})
	}
	var parts []string
	for _, k := range supervision {
		if counts[k] > 0 {
			parts = append(parts, fmt.Sprintf("%s%d次", k, counts[k]))
		}
	}
	summary := "合计 0 次"
	if len(rows) > 0 {
		summary = fmt.Sprintf("合计 %d 次：%s", len(rows), strings.Join(parts, "、"))
	}
	rows = append(rows, trow{cells: []any{summary}, total: true, span: true})
	return rtable{name: "视察调研执法检查", heading: "视察、调研、执法检查及专项监督活动一览表",
		headers: headers, rows: rows, landscape: true, wide: map[int]float64{3: 26, 8: 26, 9: 18}}
}

// agendaText lists a meeting's agenda, one item a line.
func agendaText(d store.MeetingDetail) string {
	var lines []string
	for i, a := range d.Agenda {
		lines = append(lines, fmt.Sprintf("%d. %s", i+1, a.Title))
	}
	return strings.Join(lines, "\n")
}

// resolutionText lists a meeting's resolutions with their votes and result by the rule.
func resolutionText(d store.MeetingDetail, q store.Quorum) (titles, votes string) {
	var t, v []string
	for _, r := range d.Resolutions {
		t = append(t, r.Title)
		result := "未通过"
		if passed, _ := q.ResolutionResult(r); passed {
			result = "通过"
		}
		if q.Base == 0 { // no roll to count a majority from: the clerk's entry, said to be one
			result = "未核定"
			if r.EnteredResult != "" {
				result = r.EnteredResult + "(按录入)"
			}
		}
		v = append(v, strings.TrimSpace(fmt.Sprintf("赞成%d、反对%d、弃权%d %s", r.For, r.Against, r.Abstain, result)))
	}
	return strings.Join(t, "\n"), strings.Join(v, "\n")
}

// t14 lists the period's presidium meetings.
func (w Report) t14() rtable {
	headers := []string{"次序", "日期", "会议名称", "主持人", "应到", "出席", "列席人员", "议题", "通过的决议、决定", "表决结果"}
	var rows []trow
	for _, m := range w.Meetings {
		if m.Kind != store.MeetingPresidium {
			continue
		}
		var guests []string
		for _, g := range m.Detail.Guests {
			guests = append(guests, g.Name)
		}
		titles, votes := resolutionText(m.Detail, m.Quorum)
		var expected any
		if m.Quorum.Base > 0 {
			expected = m.Quorum.Base
		}
		rows = append(rows, trow{cells: []any{fmt.Sprintf("第%d次", len(rows)+1), meetingDate(m.Meeting), m.Title, m.Host,
			expected, m.Present, strings.Join(guests, "、"), agendaText(m.Detail), titles, votes}})
	}
	rows = append(rows, trow{cells: []any{fmt.Sprintf("合计 %d 次", len(rows))}, total: true, span: true})
	return rtable{name: "主席团会议", heading: "人大" + w.Settings.BodyWord + "会议情况一览表", headers: headers,
		rows: rows, landscape: true, wide: map[int]float64{2: 20, 6: 18, 7: 30, 8: 26, 9: 20}}
}

// t15 lists the period's sessions of the people's congress as the figures hold them (store.CongressSession:
// the report text's session paragraph reads the same).
func (w Report) t15() rtable {
	headers := []string{"届次", "会议日期", "应到代表", "实到代表", "请假", "列席人员", "听取审议的报告", "通过的决议、决定", "选举/补选结果",
		"收到代表建议(件)"}
	var rows []trow
	for _, m := range w.Figures.Sessions {
		var elected []string
		for _, e := range m.Elections {
			elected = append(elected, fmt.Sprintf("%s%s：%s", e.Kind, e.Position, strings.Join(e.Elected, "、")))
		}
		rows = append(rows, trow{cells: []any{m.Title, meetingDate(store.Meeting{Start: m.Start, End: m.End}), m.Expected, m.Present,
			m.Leave, strings.Join(m.Guests, "、"), strings.Join(m.Reports, "\n"), strings.Join(m.Passed, "\n"),
			strings.Join(elected, "\n"), m.Received}})
	}
	rows = append(rows, trow{cells: []any{fmt.Sprintf("合计 %d 次", len(rows))}, total: true, span: true})
	return rtable{name: "人民代表大会会议", heading: w.Settings.TownWord + "人民代表大会会议情况表",
		headers: headers, rows: rows, landscape: true, wide: map[int]float64{0: 24, 5: 16, 6: 26, 7: 26, 8: 20},
		note: "应到代表为会议当日在任的" + w.Settings.TownWord + "人大代表；通过的决议、决定按表决票数获全体代表过半数计。"}
}
