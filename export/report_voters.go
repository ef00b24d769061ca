package export

import (
	"fmt"

	"rendadesk/store"
)

// The tables of the office's contact with the public (issue 18 §7): T16 信访 by month and T17 the stations'
// receptions by month, both from Figures.Contact. Both are always in the report (reportTables); a period
// without petitions, or without receptions and duty days, prints the table's 「本期没有…」 line.

// t16 is 信访情况: the petitions received in each month of the window, by channel and handling, with a 合计 row.
func (w Report) t16() rtable {
	headers := []string{"月份", "来信(件)", "来访(起)", "来访(人次)", "其中集体访(起)", "上级人大批转(件)", "当场答复(件)", "转办(件)",
		"已办结(件)", "重点督办(件)", "越级上访(件)"}
	t := rtable{name: "信访情况", heading: "群众来信来访情况统计表", headers: headers, landscape: true,
		empty: "本期没有收到群众来信来访。"}
	c := w.Figures.Contact
	if c.N(store.CKPetitions) == 0 {
		return t
	}
	var rows []trow
	var sum [10]int
	for _, m := range w.Figures.Contact.Months {
		v := [10]int{m.Letters, m.Visits, m.VisitVoters, m.GroupVisits, m.Referrals, m.OnSpot, m.Referred, m.Closed, m.KeyCases, m.Leapfrog}
		cells := []any{m.Month.Chinese()}
		for i, n := range v {
			cells = append(cells, n)
			sum[i] += n
		}
		rows = append(rows, trow{cells: cells})
	}
	total := []any{"合计"}
	for _, n := range sum {
		total = append(total, n)
	}
	t.rows = append(rows, trow{cells: total, total: true})
	t.note = fmt.Sprintf("按收到日期计入月份；办理情况截至统计日。截至统计日逾期未办结%d件，批转件已报告结果%d件。",
		c.N(store.CKOverdue), c.N(store.CKReported))
	return t
}

// t17 is 家站点接待: each month's reception records, voters and issues by route, and the duty days kept.
func (w Report) t17() rtable {
	headers := []string{"月份", "接待(次)", "接待选民(人次)", "反映问题(条)"}
	for _, r := range store.IssueRoutes {
		headers = append(headers, r)
	}
	headers = append(headers, "未定", "值班和接待日(天)", "无接待记录(天)")
	t := rtable{name: "家站点接待", heading: "代表“家站点”接待选民情况统计表", headers: headers, landscape: true,
		empty: "本期没有家站点接待选民和值班记录。"}
	if c := w.Figures.Contact; c.N(store.CKReceptions) == 0 && c.N(store.CKDutyDays) == 0 {
		return t
	}
	var rows []trow
	sum := make([]int, len(headers)-1)
	for _, m := range w.Figures.Contact.StationMonths {
		v := append([]int{m.Receptions, m.Voters, m.Issues}, m.ByRoute...)
		v = append(v, m.DutyDays, m.DutyMissed)
		cells := []any{m.Month.Chinese()}
		for i, n := range v {
			cells = append(cells, n)
			if i < len(sum) {
				sum[i] += n
			}
		}
		rows = append(rows, trow{cells: cells})
	}
	total := []any{"合计"}
	for _, n := range sum {
		total = append(total, n)
	}
	t.rows = append(rows, trow{cells: total, total: true})
	t.note = "值班和接待日只计已过去的日子；无接待记录指当天该联络站没有接待选民记录。"
	return t
}
