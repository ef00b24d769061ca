package store

// The generated meetings and activities: sessions with agenda, resolutions and elections, presidium
// meetings, group activities, inspections and the like, and the report-backs to voters.

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

type demoAtt struct {
	dep            int
	status, reason string
}

type demoGuest struct{ name, unit, post string }

type demoAgenda struct {
	id                             int64
	title, kind, report, presenter string
}

type demoRes struct {
	agenda                  int // 1-based position in the meeting's agenda, 0 none
	title, kind, text       string
	votesFor, against, abst int
	result                  string
}

type demoCandidate struct {
	name    string
	deputy  int64
	votes   int
	elected bool
}

type demoElection struct {
	id                       int64
	kind, position           string
	seats, expected, present int
	issued, returned, valid  int
	candidates               []demoCandidate
}

type demoMeeting struct {
	id                            int64
	kind, title                   string
	term                          *demoTerm
	sessionNo                     int
	start, end                    Date
	time, place, host, topic, law string
	minutes, problems             string
	group                         int // for 代表小组活动, else -1
	village                       string
	order                         int
	att                           []demoAtt
	guests                        []demoGuest
	agenda                        []demoAgenda
	res                           []demoRes
	elections                     []demoElection
	assignDay                     Date // 人代会: the day of its 交办会 ("" when not held yet)
}

type demoReportBack struct {
	deputy                             int64
	date                               Date
	form                               string
	participants, excellent, competent int
	incompetent                        int
}

// attend marks deputies present, on leave or absent.
func (g *demoGen) attend(m *demoMeeting, deps []int, leave, absent float64, mustAttend ...int) {
	for _, i := range deps {
		a := demoAtt{dep: i, status: "出席"}
		if !slices.Contains(mustAttend, i) {
			switch u := g.r.Float64(); {
			case u < absent:
				a.status = "缺席"
			case u < absent+leave:
				a.status, a.reason = "请假", g.pick(demoLeaveReasons)
			}
		}
		m.att = append(m.att, a)
	}
}

func (m *demoMeeting) present() []int {
	var out []int
	for _, a := range m.att {
		if a.status == "出席" {
			out = append(out, a.dep)
		}
	}
	return out
}

func (g *demoGen) guests(m *demoMeeting, k int) {
	for _, j := range g.r.Perm(len(demoGuestPosts))[:k] {
		p := demoGuestPosts[j]
		m.guests = append(m.guests, demoGuest{name: g.personName(g.chance(0.3)), unit: p.unit, post: p.post})
	}
}

func (g *demoGen) newMeeting(kind string, day Date) *demoMeeting {
	m := &demoMeeting{kind: kind, start: day, group: -1, order: len(g.meetings),
		time: g.pick([]string{"上午9:00", "上午8:30", "下午2:30", "上午9:30"})}
	g.meetings = append(g.meetings, m)
	return m
}

// government names the mayor (0) or a vice mayor (1, 2) on day: deputies of this term, or the people of the
// previous term (not in the roster).
func (g *demoGen) government(day Date, k int) string {
	if g.termAt(day).current {
		return g.name(append([]int{g.mayor}, g.viceMayors...)[k])
	}
	return g.formerGov[k]
}

// genMeetings generates the meetings and activities of every year, then numbers them in date order.
func (g *demoGen) genMeetings() {
	f := float64(g.sc.meetingsPerYear) / 66 // the kinds below add up to about 66 a year at f = 1
	for _, y := range g.years {
		// 人代会: the annual session in January–February, and in some years a second one later.
		days := []Date{g.yearDay(y, "01-08", "02-25")}
		if g.chance(0.4) {
			days = append(days, g.yearDay(y, "07-01", "12-18"))
		}
		for _, day := range days {
			if day > g.today {
				continue
			}
			g.genSession(day)
		}
		// 主席团会议: quarterly, scaled with the office.
		for k, n := 0, g.roundRand(4*f); k < n; k++ {
			q := k % 4
			day := g.yearDay(y, fmt.Sprintf("%02d-01", 3*q+1), fmt.Sprintf("%02d-28", 3*q+3))
			if day <= g.today {
				g.genPresidium(day)
			}
		}
		// 代表小组活动, round robin over the groups.
		nGroup := g.roundRand(38 * f * (0.9 + 0.2*g.r.Float64()))
		off := g.r.IntN(len(g.groups))
		for k := 0; k < nGroup; k++ {
			day := g.yearDay(y, "01-01", "12-31")
			if day > g.today {
				continue
			}
			g.genGroupActivity(day, g.groups[(off+k)%len(g.groups)], (off+k)%len(g.groups))
		}
		for _, x := range []struct {
			kind string
			base float64
		}{{MeetingInspect, 4}, {MeetingResearch, 4}, {MeetingLawCheck, 2}, {MeetingSpecial, 2}, {MeetingInquiry, 0.5},
			{MeetingWorkEval, 1}, {MeetingReportEval, 1}, {MeetingTraining, 3}, {MeetingForum, 4}, {MeetingOther, 2}} {
			k := g.roundRand(x.base * f * (0.8 + 0.4*g.r.Float64()))
			if x.kind == MeetingReportEval || x.kind == MeetingLawCheck {
				k = max(k, 1) // every year has its report-backs and a law check
			}
			for ; k > 0; k-- {
				day := g.yearDay(y, "01-01", "12-31")
				if day > g.today {
					continue
				}
				g.genActivity(x.kind, day, y)
			}
		}
	}
	kindOrder := func(k string) int { return slices.Index(MeetingKinds, k) }
	sort.SliceStable(g.meetings, func(a, b int) bool {
		ma, mb := g.meetings[a], g.meetings[b]
		if ma.start != mb.start {
			return ma.start < mb.start
		}
		if ka, kb := kindOrder(ma.kind), kindOrder(mb.kind); ka != kb {
			return ka < kb
		}
		return ma.order < mb.order
	})
	perYear := map[int]int{}
	for i, m := range g.meetings {
		m.id = int64(i + 1)
		if m.kind == MeetingPresidium {
			perYear[m.start.Year()]++
			m.title = fmt.Sprintf("%s人大主席团%d年第%s次会议", g.township, m.start.Year(), ChineseNumber(perYear[m.start.Year()]))
		}
	}
	var agendaID, electionID int64
	for _, m := range g.meetings {
		for i := range m.agenda {
			agendaID++
			m.agenda[i].id = agendaID
		}
		for i := range m.elections {
			electionID++
			m.elections[i].id = electionID
		}
	}
}

func (g *demoGen) genSession(day Date) {
	t := g.termAt(day)
	t.sessions++
	m := g.newMeeting(MeetingCongress, day)
	m.term, m.sessionNo = t, t.sessions
	m.title = CongressTitle(g.township, t.number, t.sessions)
	if m.end = g.rules.Calendar.AddWorkdays(day, g.between(0, 1)); m.end > g.today {
		m.end = day
	}
	m.time, m.place, m.host = "上午9:00", "青山镇人民政府大会议室", g.name(g.chair)
	m.topic = "听取和审议镇人民政府工作报告、镇人大主席团工作报告和财政预算报告"
	if m.sessionNo > 1 && day.Time().Month() > 6 {
		m.topic = "听取和审议镇人民政府专项工作报告，审查批准财政预算调整方案"
	}
	m.minutes = fmt.Sprintf("会议由%s主持，应到代表%d名。", m.host, len(g.townInOffice(day)))
	g.attend(m, g.townInOffice(day), 0.05, 0.008, g.presidium...)
	g.guests(m, g.between(3, 6))
	y := day.Year()
	mayor, viceMayor := g.government(day, 0), g.government(day, 1)
	if day.Time().Month() <= 6 {
		m.agenda = []demoAgenda{
			{title: "听取和审议镇人民政府工作报告", kind: "审议报告", report: "政府工作报告", presenter: mayor},
			{title: "听取和审议镇人大主席团工作报告", kind: "审议报告", report: "主席团工作报告", presenter: g.name(g.chair)},
			{title: fmt.Sprintf("审查和批准%d年财政预算执行情况和%d年财政预算", y-1, y), kind: "审议报告", report: "财政预决算报告", presenter: viceMayor},
		}
	} else {
		m.agenda = []demoAgenda{
			{title: "听取和审议镇人民政府关于乡村振兴工作情况的报告", kind: "审议报告", report: "专项工作报告", presenter: mayor},
			{title: fmt.Sprintf("审查和批准%d年财政预算调整方案", y), kind: "审议报告", report: "财政预决算报告", presenter: viceMayor},
		}
	}
	base := len(m.att)
	present := len(m.present())
	// Elections: the whole leadership at the first session of a term, now and then a by-election.
	if m.sessionNo == 1 {
		m.agenda = append(m.agenda, demoAgenda{title: "选举镇人大主席、副主席，镇长、副镇长", kind: "选举", presenter: g.name(g.chair)})
		g.election(m, "选举", "镇人大主席", 1, []int{g.chair}, 0, base, present)
		g.election(m, "选举", "镇人大副主席", len(g.vices), g.vices, 0, base, present)
		if t.current {
			g.election(m, "选举", "镇长", 1, []int{g.mayor}, 0, base, present)
			g.election(m, "选举", "副镇长", 2, g.viceMayors, 1, base, present)
		} else { // the government of the previous term: people no longer in the roster
			g.election(m, "选举", "镇长", 1, nil, 0, base, present)
			g.election(m, "选举", "副镇长", 2, nil, 1, base, present)
		}
	} else if g.chance(0.3) {
		m.agenda = append(m.agenda, demoAgenda{title: "补选青山镇人民政府副镇长", kind: "选举", presenter: g.name(g.chair)})
		g.election(m, "补选", "副镇长", 1, nil, 0, base, present)
	}
	m.agenda = append(m.agenda, demoAgenda{title: "表决通过各项决议", kind: "表决", presenter: g.name(g.chair)})
	// Resolutions: one on each report, and now and then a decision on the year's practical projects.
	for k, a := range m.agenda {
		if a.kind != "审议报告" {
			continue
		}
		core := strings.TrimPrefix(strings.TrimPrefix(a.title, "听取和审议"), "审查和批准")
		if strings.Contains(core, "关于") { // 镇人民政府关于…的报告 → 镇人民政府…报告
			core = strings.Replace(strings.Replace(core, "关于", "", 1), "的报告", "报告", 1)
		}
		title := "《关于" + core + "的决议》"
		g.resolution(m, k+1, title, "决议", base, present)
	}
	if g.chance(0.5) {
		g.resolution(m, len(m.agenda), fmt.Sprintf("《关于%d年镇人民政府民生实事项目的决定》", y), "决定", base, present)
	}
	// The 交办会 after the session hands its items to the units.
	if ad := g.workday(demoAdd(day, g.between(7, 56))); ad <= g.today {
		m.assignDay = ad
		a := g.newMeeting(MeetingAssign, ad)
		a.title = fmt.Sprintf("%s第%s届人大第%s次会议代表建议交办会", g.township, ChineseNumber(t.number), ChineseNumber(t.sessions))
		a.place, a.host, a.topic = g.pick(demoPlaces), g.name(g.vices[0]), "交办镇人代会期间代表提出的建议、批评和意见"
		g.attend(a, g.inOffice(g.presidium, ad), 0.1, 0, g.vices[0])
		g.attend(a, g.sample(ad, g.between(3, 8), g.presidium), 0.1, 0)
	}
	// A 主席团会议 prepares the session.
	if pd := g.workday(demoAdd(day, -g.between(7, 15))); pd.Year() == day.Year() {
		g.genPresidium(pd)
	}
}

func (g *demoGen) election(m *demoMeeting, kind, position string, seats int, winners []int, losers, base, present int) {
	e := demoElection{kind: kind, position: position, seats: seats, expected: base, present: present, issued: present}
	e.returned = e.issued - g.r.IntN(2)
	e.valid = max(0, e.returned-g.r.IntN(3))
	for _, i := range winners {
		e.candidates = append(e.candidates, demoCandidate{name: g.name(i), deputy: g.deputies[i].id, votes: max(0, e.valid-g.r.IntN(6)), elected: true})
	}
	if len(winners) == 0 {
		for k := 0; k < seats; k++ {
			e.candidates = append(e.candidates, demoCandidate{name: g.personName(g.chance(0.3)), votes: max(0, e.valid-g.r.IntN(8)), elected: true})
		}
	}
	for k, tries := 0, 0; k < losers && tries < 100; tries++ {
		i := g.pickTown(m.start)
		if slices.Contains(winners, i) || slices.Contains(g.presidium, i) {
			continue
		}
		k++
		e.candidates = append(e.candidates, demoCandidate{name: g.name(i), deputy: g.deputies[i].id, votes: g.between(min(5, e.valid/3), e.valid/3)})
	}
	for k := range e.candidates {
		c := &e.candidates[k]
		c.elected = c.elected && 2*c.votes > base // more than half of all deputies
	}
	m.elections = append(m.elections, e)
}

func (g *demoGen) resolution(m *demoMeeting, agenda int, title, kind string, base, present int) {
	r := demoRes{agenda: agenda, title: title, kind: kind}
	r.against, r.abst = g.r.IntN(3), g.r.IntN(4)
	if kind == "决定" && g.chance(0.04) { // a decision that fails
		r.against = present / 3
		r.abst = present / 4
	}
	r.against, r.abst = min(r.against, present), min(r.abst, present-min(r.against, present))
	r.votesFor = present - r.against - r.abst
	r.result = "未通过"
	if (Resolution{For: r.votesFor}).Passed(base) {
		r.result = "通过"
	}
	r.text = fmt.Sprintf("%s第%s届人民代表大会第%s次会议审议通过。", g.township, ChineseNumber(m.term.number), ChineseNumber(m.sessionNo))
	if r.result != "通过" {
		r.text = "表决未获通过，提请下次会议再次审议。"
	}
	m.res = append(m.res, r)
}

func (g *demoGen) genPresidium(day Date) {
	m := g.newMeeting(MeetingPresidium, day)
	m.place, m.host = g.pick(demoPlaces), g.name(g.chair)
	topics := []demoAgenda{
		{title: "研究部署本季度人大工作", kind: "其他"},
		{title: "听取镇人民政府关于民生实事项目推进情况的汇报", kind: "审议报告", report: "专项工作报告", presenter: g.government(day, 0)},
		{title: "听取代表建议办理情况的汇报", kind: "审议报告", report: "专项工作报告", presenter: g.government(day, 2)},
		{title: "研究镇人代会筹备工作", kind: "其他"},
		{title: "审议代表小组活动计划", kind: "其他"},
		{title: "研究代表履职考核办法", kind: "其他"},
	}
	for _, k := range g.r.Perm(len(topics))[:g.between(2, 4)] {
		a := topics[k]
		if a.presenter == "" {
			a.presenter = g.name(g.chair)
		}
		m.agenda = append(m.agenda, a)
	}
	m.topic = m.agenda[0].title
	g.attend(m, g.inOffice(g.presidium, day), 0.1, 0, g.chair)
	if g.chance(0.4) {
		for _, i := range g.sample(day, g.between(1, 2), g.presidium) {
			m.att = append(m.att, demoAtt{dep: i, status: "列席"})
		}
	}
	g.guests(m, g.between(1, 3))
	m.minutes = fmt.Sprintf("会议由%s主持，研究了%d项议题。", m.host, len(m.agenda))
}

func (g *demoGen) genGroupActivity(day Date, gr *demoGroup, k int) {
	members := g.inOffice(gr.members, day)
	if len(members) == 0 {
		return
	}
	m := g.newMeeting(MeetingGroup, day)
	m.group = k
	m.village = g.pick(gr.villages)
	m.title = gr.name + g.fill(g.pick(demoGroupActs), m.village, day.Year())
	m.topic = strings.TrimPrefix(m.title, gr.name)
	m.place = m.village + "代表联络站"
	m.host = g.name(members[0])
	lead := []int{}
	if gr.leader >= 0 && slices.Contains(members, gr.leader) {
		m.host = g.name(gr.leader)
		lead = append(lead, gr.leader)
	}
	g.attend(m, members, 0.12, 0.03, lead...)
}

func (g *demoGen) genActivity(kind string, day Date, y int) {
	m := g.newMeeting(kind, day)
	m.village = g.pick(g.villages)
	v := m.village
	switch kind {
	case MeetingInspect:
		m.title = "视察" + g.fill(g.pick(demoInspections), v, y)
	case MeetingResearch:
		m.title = "关于" + g.pick(demoResearchTopics) + "的专题调研"
	case MeetingLawCheck:
		m.law = g.pick(demoLaws)
		m.title = m.law + "贯彻实施情况执法检查"
	case MeetingSpecial:
		m.title = "对" + g.fill(g.pick(demoSupervisions), v, y) + "开展专项监督"
	case MeetingInquiry:
		m.title = "关于" + g.pick(demoResearchTopics) + "的专题询问"
	case MeetingWorkEval:
		m.title = "对" + demoTownUnits[g.r.IntN(len(demoTownUnits))].name + "的工作评议"
	case MeetingReportEval:
		m.title = fmt.Sprintf("%d年度人大代表向选民述职评议会", y)
	case MeetingTraining:
		m.title = g.fill(g.pick(demoTrainings), v, y)
	case MeetingForum:
		m.title = g.fill(g.pick(demoForums), v, y)
	default:
		m.title = g.fill(g.pick(demoOthers), v, y)
	}
	m.topic = m.title
	m.place = g.pick(append([]string{v + "村委会", v + "代表联络站"}, demoPlaces...))
	pres := g.inOffice(g.presidium, day)
	if len(pres) > 0 {
		m.host = g.name(pres[g.r.IntN(len(pres))])
	}
	deps := g.sample(day, g.between(5, 12), nil)
	g.attend(m, deps, 0.08, 0.01)
	switch kind {
	case MeetingInspect, MeetingResearch, MeetingLawCheck, MeetingSpecial:
		var ps []string
		for _, k := range g.r.Perm(len(demoProblems))[:g.between(1, 3)] {
			ps = append(ps, demoProblems[k])
		}
		m.problems = fmt.Sprintf("发现问题%d个：%s。", len(ps), strings.Join(ps, "；"))
	case MeetingReportEval:
		// The deputies who reported back to their voters, with the voters' evaluation.
		for _, a := range m.att {
			if a.status != "出席" {
				continue
			}
			rb := &demoReportBack{deputy: g.deputies[a.dep].id, date: day, form: "口头"}
			if g.chance(0.15) {
				rb.form = "书面"
			}
			rb.participants = g.between(15, 60)
			rb.excellent = int(float64(rb.participants) * (0.6 + 0.3*g.r.Float64()))
			rb.competent = int(float64(rb.participants-rb.excellent) * (0.7 + 0.3*g.r.Float64()))
			rb.incompetent = min(g.r.IntN(2), rb.participants-rb.excellent-rb.competent)
			g.backs = append(g.backs, rb)
		}
	}
	m.minutes = fmt.Sprintf("%d名代表参加。", len(m.present()))
}
