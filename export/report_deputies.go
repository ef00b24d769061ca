package export

import (
	"fmt"
	"slices"
	"strings"

	"rendadesk/store"
)

// The report's tables of the deputies and stations: T6 代表构成, T7 名册, T9 家站点, T10 代表履职, T11 述职评议.

// t6 is the composition of the deputies in office on the last day counted, by level and in all, then by 选区
// (issue 16) with each 选区's 应选名额 and 缺额 on that day.
func (w Report) t6() rtable {
	d := w.Figures.Deputies
	headers := []string{"代表层级", "人数", "应选名额", "缺额", "男", "女", "少数民族", "中共党员", "非中共党员"}
	headers = append(headers, store.AgeBands...)
	for _, e := range store.EducationBands {
		headers = append(headers, "学历"+e)
	}
	headers = append(headers, "职务代表", "非职务代表", "新任", "连任", "主席团成员")
	for _, t := range d.All.Tags {
		headers = append(headers, t.Name)
	}
	// seats and vacant are the 应选名额 and 缺额 cells: nil where they mean nothing (合计, no register).
	line := func(name string, r store.DeputyRow, seats, vacant any, isTotal bool) trow {
		cells := []any{name, r.Deputies, seats, vacant, r.Male, r.Female, r.Minority, r.CPC, r.Deputies - r.CPC}
		for _, a := range r.Ages {
			cells = append(cells, a)
		}
		for _, e := range r.Education {
			cells = append(cells, e)
		}
		cells = append(cells, r.Official, r.NonOfficial, r.New, r.Returning, r.Presidium)
		for _, t := range d.All.Tags {
			n := 0
			for _, x := range r.Tags {
				if x.Name == t.Name {
					n = x.Count
				}
			}
			cells = append(cells, n)
		}
		return trow{cells: cells, total: isTotal}
	}
	var rows []trow
	for _, r := range d.ByLevel {
		var seats, vacant any
		if n, v, ok := d.DistrictSeats(r.Level); ok {
			seats, vacant = n, v
		}
		rows = append(rows, line(r.Level+"代表", r, seats, vacant, false))
	}
	rows = append(rows, line("合计(每人计一次)", d.All, nil, nil, true))
	note := "统计" + w.Figures.CountedOn().Chinese() + "在任的代表(按各级当选日期和出缺日期)。" +
		"一名代表同时是几级代表的，在各层级行中分别计入，在合计行中只计一次。"
	if len(d.ByDistrict) > 0 {
		rows = append(rows, trow{cells: []any{"按选区(代表计入当选的选区；应选名额按选区登记，缺额为应选名额减在任人数)"}, span: true})
		for _, f := range d.ByDistrict {
			var seats, vacant any
			if f.District.ID != 0 {
				seats, vacant = f.District.Seats, f.Vacant()
			}
			rows = append(rows, line(f.Label(), f.Row, seats, vacant, false))
		}
		note += "层级行的应选名额、缺额为该层级各选区之和。"
	}
	return rtable{name: "代表构成", heading: "人大代表基本情况统计表", headers: headers, rows: rows,
		landscape: true, wide: map[int]float64{0: 22}, note: note}
}

// t7 is the roster of the deputies given: those in office on the last day the report counts, with the day each
// began (a deputy who has left since is still on it; one elected since is not). With a 选区 register the
// roster is grouped by the town 选区 each deputy held a seat of that day, each group headed by its 应选名额,
// 在任 and 缺额, and a 选区 nobody held is listed with its vacancy.
func (w Report) t7() rtable {
	headers := []string{"序号", "姓名", "性别", "民族", "出生年月", "政治面貌", "文化程度", "工作单位及职务", "代表层级",
		"选区", "代表小组", "联系电话", "当选日期", "备注"}
	var rows []trow
	n := 0
	add := func(d store.Deputy, district string) {
		n++
		work := strings.TrimSpace(d.WorkUnit + d.Post)
		rows = append(rows, trow{cells: []any{fmt.Sprint(n), d.Name, d.Gender, d.Ethnicity, d.Birth, d.Party, d.Education,
			work, strings.Join(d.Levels, "、"), district, d.GroupName, d.Phone, seatStarts(d), strings.Join(d.Roles, "、")}})
	}
	var groups []store.DistrictFigure
	for _, f := range w.Figures.Deputies.ByDistrict {
		if f.District.Level == store.LevelTown {
			groups = append(groups, f)
		}
	}
	if len(groups) == 0 {
		for _, d := range w.Deputies {
			add(d, d.District)
		}
	} else {
		placed := map[int64]bool{}
		at := make(map[int64]int, len(w.Deputies)) // a deputy's place in the roster
		for i, d := range w.Deputies {
			at[d.ID] = i
		}
		for _, g := range groups {
			head := fmt.Sprintf("%s：应选%d名，在任%d名", g.Label(), g.District.Seats, g.Row.Deputies)
			if g.District.ID == 0 {
				head = fmt.Sprintf("%s：在任%d名", g.Label(), g.Row.Deputies)
			} else if v := g.Vacant(); v > 0 {
				head += fmt.Sprintf("，缺额%d名", v)
			}
			rows = append(rows, trow{cells: []any{head}, span: true})
			label := ""
			if g.District.ID != 0 {
				label = store.DistrictName(g.District.Number)
			}
			var in []int // the group's deputies by their place in the roster: its own order within the group
			for _, id := range g.DeputyIDs {
				if i, ok := at[id]; ok && !placed[id] {
					in = append(in, i)
				}
			}
			slices.Sort(in)
			for _, i := range slices.Compact(in) {
				d := w.Deputies[i]
				placed[d.ID] = true
				add(d, label)
			}
		}
		var rest []store.Deputy
		for _, d := range w.Deputies {
			if !placed[d.ID] {
				rest = append(rest, d)
			}
		}
		if len(rest) > 0 {
			rows = append(rows, trow{cells: []any{fmt.Sprintf("非镇级代表：%d名", len(rest))}, span: true})
			for _, d := range rest {
				add(d, d.District)
			}
		}
	}
	note := "名册为" + w.Figures.CountedOn().Chinese() + "在任的代表"
	if len(groups) > 0 {
		note += "，按当日所在的镇级选区分组"
	}
	return rtable{name: "代表名册", heading: "人大代表名册", headers: headers, rows: rows, landscape: true, keyCols: 2,
		empty: "没有在任的代表。", note: note + "。"}
}

// seatStarts is the 当选日期 column: one day when every level began on it, else 「镇级2021-12-01、县级2022-03-05」.
func seatStarts(d store.Deputy) string {
	var parts []string
	same := true
	for _, s := range d.Seats {
		same = same && s.Start == d.Seats[0].Start
		parts = append(parts, s.Level+string(s.Start))
	}
	if same && len(d.Seats) > 0 {
		return string(d.Seats[0].Start)
	}
	return strings.Join(parts, "、")
}

// t9 is the stations with their 「六个有」 and their status on the day counted, and each one's work in the
// period: receptions, voters received and suggestions collected (the figures' window, so that the 合计 row is
// T1's), with a 合计 row.
func (w Report) t9() rtable {
	fig := w.Figures
	headers := []string{"名称", "类型", "所在村(居)", "建成日期", "联系人", "进站代表数"}
	for _, h := range store.SixHaves {
		headers = append(headers, "有"+h)
	}
	headers = append(headers, "六个有达标", "星级", "状态", "接待次数", "接待选民人次", "收集意见建议(条)", "已办理或答复")
	var rows []trow
	var deputies, met, counted, receptions, voters, collected, handled int
	for _, rs := range w.Stations {
		s := rs.Station
		cells := []any{s.Name, s.Type, s.Village, string(s.Opened), s.Contact, len(s.DeputyIDs)}
		for _, h := range s.Haves {
			cells = append(cells, yesNo(h))
		}
		cells = append(cells, yesNo(s.SixHavesMet()), s.Stars, rs.StatusOn, rs.Receptions, rs.Voters, rs.Collected, rs.Handled)
		rows = append(rows, trow{cells: cells})
		deputies += len(s.DeputyIDs)
		receptions += rs.Receptions
		voters += rs.Voters
		collected += rs.Collected
		handled += rs.Handled
		if rs.Counted {
			counted++
			if s.SixHavesMet() {
				met++
			}
		}
	}
	total := []any{"合计", fmt.Sprintf("在用 %d 个", counted), nil, nil, nil, deputies}
	for range store.SixHaves {
		total = append(total, nil)
	}
	total = append(total, fmt.Sprintf("%d 个", met), nil, nil, receptions, voters, collected, handled)
	rows = append(rows, trow{cells: total, total: true})
	return rtable{name: "家站点建设情况", heading: "代表“家站点”建设情况统计表", headers: headers, rows: rows,
		landscape: true, note: "状态为" + fig.CountedOn().Chinese() + "的情况(在用的计入合计)，“六个有”按现有记录(没有历史)；接待次数、接待选民人次和收集意见建议为统计时段内的数字，" +
			"合计与" + TableName("T1") + "一致；已办理或答复按数据截至日计。"}
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

// t10 is every deputy's year (履职情况), the same columns as the printed T10 (DeputyTable), with a 合计 row.
func (w Report) t10() rtable {
	headers := []string{"序号", "姓名", "代表小组", "人代会出席", "活动参加次数", "其中主席团会议", "请假", "缺席", "领衔建议",
		"联名建议", "领衔建议已解决", "进站接待次数", "接待选民人次", "述职评议结果",
		"联系选民次数", "联系选民达标"} // issue 18: after 述职评议结果; the printed T10 (DeputyTable) has them too
	var rows []trow
	var sum [10]int
	backs, visits, met := 0, 0, 0
	for i, r := range w.Records {
		v := [10]int{r.Kind(store.MeetingCongress).Present, r.Activities, r.Kind(store.MeetingPresidium).TookPart(),
			r.Total.Leave, r.Total.Absent, r.Led, r.Cosigned, r.Solved(), r.Receptions, r.Voters}
		cells := []any{fmt.Sprint(i + 1), r.Deputy.Name, r.Deputy.GroupName}
		for j, n := range v {
			cells = append(cells, n)
			sum[j] += n
		}
		cells = append(cells, reportBackResult(r.ReportBacks, w.Settings.Precision))
		if len(r.ReportBacks) > 0 {
			backs++
		}
		met1 := "—" // not in office on the counted day: not counted for the norm
		if r.ContactCounted() {
			met1 = yesNo(!r.VisitsBehind())
			if !r.VisitsBehind() {
				met++
			}
		}
		cells = append(cells, r.Visits, met1)
		visits += r.Visits
		rows = append(rows, trow{cells: cells})
	}
	total := []any{"合计", fmt.Sprintf("%d人", len(w.Records)), nil}
	for _, n := range sum {
		total = append(total, n)
	}
	total = append(total, fmt.Sprintf("%d人述职", backs), visits, fmt.Sprintf("%d人达标", met))
	rows = append(rows, trow{cells: total, total: true})
	// 联系选民达标: the one rule of store (ContactKeyDef(CKContactMet)); the heading says which norm.
	c := w.Figures.Contact
	headers[len(headers)-1] = fmt.Sprintf("联系选民达标(每年%d次)", c.VisitNorm)
	contactNote := fmt.Sprintf("联系选民达标按%s在任的代表计(不在任的为「—」)，要求为每年联系选民不少于%d次。", c.ContactOn.Chinese(), c.VisitNorm)
	if !c.YearClosed() {
		headers[len(headers)-1] = fmt.Sprintf("联系选民达标(截至%s应有%d次)", monthDay(c.ContactOn), c.VisitsDue)
		contactNote = fmt.Sprintf("年度未结束：联系选民达标按%s在任的代表、截至当日应有的次数计(每年%d次按月折算为%d次)，不在任的为「—」。",
			c.ContactOn.Chinese(), c.VisitNorm, c.VisitsDue)
	}
	return rtable{name: "代表履职情况", heading: "人大代表履职情况统计表", headers: headers, rows: rows,
		landscape: true, wide: map[int]float64{13: 24}, keyCols: 2,
		note: "活动参加次数为出席或列席人代会以外各类会议和活动的次数；请假、缺席为各类会议和活动合计；建议按收到日期计入统计时段，" +
			"领衔建议已解决按数据截至日(" + w.Figures.AsOf.Chinese() + ")的办理结果计。" + contactNote}
}

// monthDay is a day as 11月30日.
func monthDay(d store.Date) string {
	t := d.Time()
	return fmt.Sprintf("%d月%d日", t.Month(), t.Day())
}

// t11 is the report-backs of the period (述职评议测评结果, domain.md §5.1 T11): each with its participants and
// the three grades, each as a count and as a share of the participants (「—」 when nobody took part), the
// ballots left blank or invalid, and a 合计 row.
func (w Report) t11() rtable {
	headers := []string{"序号", "代表姓名", "代表层级", "选区", "述职日期", "述职形式", "参加评议人数", "优秀(人)", "优秀(%)",
		"称职(人)", "称职(%)", "不称职(人)", "不称职(%)", "弃权或无效", "备注"}
	who := map[int64]store.Deputy{}
	for _, r := range w.Records {
		who[r.Deputy.ID] = r.Deputy
	}
	for _, d := range w.Deputies {
		who[d.ID] = d
	}
	var rows []trow
	var sum store.ReportBack
	deputies := map[int64]bool{}
	line := func(seq, name, levels, district, date, form string, b store.ReportBack, notes string, total bool) trow {
		share := func(n int) store.Rate { return store.Rate{Num: n, Den: max(b.Participants, 0)} }
		if form != "" {
			form += "述职"
		}
		return trow{total: total, cells: []any{seq, name, levels, district, date, form, b.Participants, b.Excellent, share(b.Excellent),
			b.Competent, share(b.Competent), b.Incompetent, share(b.Incompetent),
			b.Participants - b.Excellent - b.Competent - b.Incompetent, notes}}
	}
	for i, b := range w.ReportBacks {
		d := who[b.DeputyID]
		rows = append(rows, line(fmt.Sprint(i+1), b.DeputyName, strings.Join(d.Levels, "、"), d.District, string(b.Date), b.Form, b,
			b.Notes, false))
		deputies[b.DeputyID] = true
		sum.Participants += b.Participants
		sum.Excellent += b.Excellent
		sum.Competent += b.Competent
		sum.Incompetent += b.Incompetent
	}
	if len(rows) > 0 {
		rows = append(rows, line("合计", fmt.Sprintf("%d人", len(deputies)), "", "", "", "", sum, "", true))
	}
	return rtable{name: "述职评议", heading: "代表述职评议测评结果统计表", headers: headers, rows: rows, landscape: true,
		keyCols: 2, empty: "本期没有代表述职评议记录。",
		note: "百分比为该等次人数占参加评议人数的比例；弃权或无效为参加评议人数减去三个等次人数之和。"}
}
