package store

// The generated contact with the public (issue 18): each reception's voters and issues with their routes, the
// 信访 register taken through its steps, the 接待日 rules, the deputies' contact with voters, the quarterly
// opinion cards and the monthly bulletins. All of it is drawn from a stream of its own (demoVoterStream), so
// that the rest of the office comes out as it did before these records existed; the issues that became
// suggestions are the generated voters' items, the visit and card items that did are suggestions the
// generator made anyway.

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
)

// demoVoterStream is the second word of the PCG state of the voters' stream.
const demoVoterStream uint64 = 0x2545F4914F6CDD1D

type demoIssue struct {
	voter, content, route, referredTo, result string
	item                                      *demoItem     // 转为建议
	petition                                  *demoPetition // 转信访
}

type demoPetition struct {
	p     Petition
	steps []PetitionStep
	issue *demoIssue
}

type demoVisit struct {
	v     VoterVisit
	items []*demoVisitItem
}

type demoVisitItem struct {
	content string
	item    *demoItem
}

type demoCard struct {
	c     OpinionCard
	items []*demoCardItem
}

type demoCardItem struct {
	deputy  int64
	content string
	item    *demoItem
}

// demoVoters is what the voters' stream generates.
type demoVoters struct {
	petitions []*demoPetition
	rules     []ReceptionRule
	contacts  []VoterContact
	visits    []*demoVisit
	cards     []*demoCard
	bulletins []Bulletin
}

// demoTopic words an issue of a reception topic: what voters said, and what they were told on the spot.
type demoTopic struct{ content, answer string }

var demoTopics = map[string]demoTopic{
	"道路维修": {"{v}组道路路面破损，雨天积水，出行不便", "镇城建办已将该路段纳入今年道路维修计划，预计年内完工"},
	"饮水安全": {"{v}部分农户自来水水压不足，时有停水", "已联系镇水利站，本周内派人排查管网"},
	"路灯安装": {"{v}主干道路灯损坏多盏，夜间出行不安全", "已告知村委会统计损坏路灯，报镇城建办维修"},
	"医保报销": {"咨询城乡居民医保异地就医报销办法", "值班代表当场讲解了异地就医备案和报销流程"},
	"养老服务": {"希望{v}开办老年食堂，解决独居老人吃饭难", "已将诉求转镇社会事务办，纳入明年民生实事征集"},
	"河道保洁": {"{r}{v}段河道垃圾较多，无人清理", "河长已安排保洁员每周清理两次"},
	"农田灌溉": {"{v}灌溉渠道年久失修，漏水严重", "镇农业农村办已安排技术人员现场查看"},
	"危房改造": {"询问农村危房改造补助的申请条件", "值班代表当场解释了申请条件和办理程序"},
	"垃圾清运": {"{v}垃圾收集点清运不及时，异味大", "已协调保洁公司增加清运频次"},
	"就业帮扶": {"希望镇里多组织技能培训和就业招聘", "已告知镇社保所近期招聘会和培训班安排"},
	"土地流转": {"反映土地流转租金未按合同按时支付", "已向流转双方了解情况，约定月底前付清"},
	"邻里纠纷": {"邻里之间因排水沟发生纠纷，请求调解", "村调解委员会已上门调解，双方达成一致"},
}

// demoPetitionTopics are the subjects of generated petitions by category.
var demoPetitionTopics = []struct{ category, subject, content string }{
	{"土地资源", "反映承包地被他人占用", "反映其承包地被邻组村民占用种植，多次协商未果，请求依法处理。"},
	{"征地拆迁", "反映征地补偿款未足额发放", "反映修建{v}通村公路征用其土地，补偿款至今未足额发放。"},
	{"劳动和社会保障", "反映被拖欠务工工资", "反映在镇内某工地务工，被拖欠工资八千余元，请求帮助追讨。"},
	{"劳动和社会保障", "反映低保评定不公", "反映{v}低保评定未公示，请求重新评议。"},
	{"城乡建设", "反映自建房审批时间长", "反映申请农村宅基地建房已三个月仍未审批。"},
	{"城乡建设", "反映{v}道路施工扬尘扰民", "反映道路施工扬尘大，影响沿线村民生活。"},
	{"农业农村", "反映惠农补贴未到账", "反映今年耕地地力保护补贴未发放到户。"},
	{"生态环境", "反映养殖场异味扰民", "反映{v}一养殖场离居民点近，夏季异味严重。"},
	{"生态环境", "反映{r}河段有人非法采砂", "反映夜间有人在{r}{v}河段采砂，破坏河堤。"},
	{"村务管理", "反映村务公开不及时", "反映{v}村级财务账目未按季度公开。"},
	{"涉法涉诉", "反映交通事故赔偿纠纷", "反映交通事故赔偿判决后对方未履行，请求协调。"},
	{"矛盾纠纷", "反映邻里宅基地界址纠纷", "反映与邻居因宅基地界址发生纠纷，请求调处。"},
}

var demoPetitionReplies = []string{
	"经调查核实，已责成相关方限期整改，并将处理结果告知信访人。",
	"经现场调查，诉求基本属实，已协调落实解决。",
	"已依政策作出解释，信访人表示理解。",
	"已组织双方调解，达成书面协议。",
	"已纳入工作计划，近期实施。",
}

var demoBulletinTitles = []string{"全镇经济运行情况", "民生实事项目推进情况", "人居环境整治工作情况", "防汛抗旱工作情况",
	"乡村振兴重点工作推进情况", "财政预算执行情况", "安全生产工作情况", "春耕生产工作情况", "重点项目建设情况", "信访维稳工作情况"}

// genVoters generates the contact with the public on the voters' stream.
func (g *demoGen) genVoters() {
	main := g.r
	g.r = rand.New(rand.NewPCG(uint64(g.seed), demoVoterStream))
	defer func() { g.r = main }()
	g.genRules()
	g.genIssues()
	g.genPetitions()
	g.genContact()
	g.genCards()
	g.genBulletins()
	slices.SortStableFunc(g.voters.petitions, func(a, b *demoPetition) int { return strings.Compare(string(a.p.Received), string(b.p.Received)) })
	seq := map[int]int{}
	for i, p := range g.voters.petitions {
		y := p.p.Received.Year()
		seq[y]++
		p.p.ID, p.p.Year, p.p.Seq = int64(i+1), y, seq[y]
		p.p.Number = fmt.Sprintf("信%d-%03d", y, seq[y])
	}
}

// voterScale is how many times the township's volume a scale has (its suggestions a year over 250).
func (g *demoGen) voterScale() float64 { return float64(g.sc.perYear) / 250 }

// genRules: the 主席 (and 副主席 in turn) receive every Monday at the 代表之家; at the township scale also on
// the market days at the market's 联系点.
func (g *demoGen) genRules() {
	home := g.stations[0]
	g.voters.rules = append(g.voters.rules, ReceptionRule{ID: 1, Name: "人大主席接待日", Kind: RuleWeekly, Weekday: 1, StationID: home.id,
		Active: true, Notes: "主席、副主席轮流接待"})
	for _, s := range g.stations {
		if strings.Contains(s.name, "农贸市场") && len(g.vices) > 0 {
			g.voters.rules = append(g.voters.rules, ReceptionRule{ID: 2, Name: "赶集日接访", Kind: RuleMarket, MarketDays: "3,6,9",
				HostID: g.deputies[g.vices[0]].id, StationID: s.id, Active: true})
			break
		}
	}
}

// issueText fills a topic's words for a village.
func (g *demoGen) issueText(s, village string) string {
	return strings.NewReplacer("{v}", village, "{r}", g.pick(demoRivers)).Replace(s)
}

// genIssues gives every reception its named voters and its issues: one per topic it heard, routed, and one
// for each voter's item registered from it (转为建议).
func (g *demoGen) genIssues() {
	fromRec := map[int64][]*demoItem{}
	for _, it := range g.items {
		if it.s.ReceptionID != 0 {
			fromRec[it.s.ReceptionID] = append(fromRec[it.s.ReceptionID], it)
		}
	}
	for _, rc := range g.receptions {
		g.receptionDetail(rc, fromRec[rc.id], true)
	}
}

// firstSentence is a text up to its first 。, without it.
func firstSentence(s string) string {
	s, _, _ = strings.Cut(s, "。")
	return strings.TrimSpace(s)
}

// receptionDetail generates a reception's voters and issues; petitions: an issue may be registered as a
// petition (转信访).
func (g *demoGen) receptionDetail(rc *demoReception, items []*demoItem, petitions bool) {
	named := min(rc.voters, g.between(0, 3))
	for k := 0; k < named; k++ {
		v := ReceptionVoter{Name: g.personName(g.chance(0.45)), Village: rc.station.village}
		if g.chance(0.5) {
			v.Contact = g.phone()
		}
		rc.people = append(rc.people, v)
	}
	voter := func() string {
		if len(rc.people) == 0 || g.chance(0.3) {
			return ""
		}
		return rc.people[g.r.IntN(len(rc.people))].Name
	}
	recent := g.today.AddDays(-20) < rc.date
	for _, t := range rc.topics {
		w := demoTopics[t]
		is := &demoIssue{voter: voter(), content: g.issueText(w.content, rc.station.village)}
		route := g.weighted(45, 25, 20, 2, 6)
		if route == 3 && !petitions {
			route = 2
		}
		switch route {
		case 0:
			is.route, is.result = RouteExplained, w.answer
		case 1:
			committee, _, _ := demoCommittee(rc.station.village)
			is.route, is.referredTo = RouteVillage, committee
			if !recent {
				is.result = "村(居)委会已办理，并向反映人回复"
			}
		case 2:
			is.route = RoutePresidium
			if !recent {
				is.result = w.answer
			}
		case 3:
			is.route = RoutePetition
			g.issuePetition(rc, is)
		default:
			is.route = RouteUndecided
		}
		rc.issues = append(rc.issues, is)
	}
	for _, it := range items {
		rc.issues = append(rc.issues, &demoIssue{voter: it.s.VoterName, content: firstSentence(it.s.Content), route: RouteSuggestion, item: it})
		if it.s.VoterName != "" && len(rc.people) < rc.voters && !slices.ContainsFunc(rc.people, func(v ReceptionVoter) bool { return v.Name == it.s.VoterName }) {
			rc.people = append(rc.people, ReceptionVoter{Name: it.s.VoterName, Village: rc.station.village, Contact: it.s.VoterContact})
		}
	}
}

// issuePetition registers an issue as a petition of the station channel (转信访).
func (g *demoGen) issuePetition(rc *demoReception, is *demoIssue) {
	dp := &demoPetition{issue: is}
	dp.p = Petition{Received: rc.date, Channel: ChannelStation, Visitors: 1, Subject: is.content, Content: "在" + rc.station.name + "接待选民时反映：" + is.content + "。",
		Petitioner: is.voter, Village: rc.station.village, Category: "城乡建设"}
	is.petition = dp
	g.handlePetition(dp, ChannelStation+"；来自"+rc.station.name+rc.date.Chinese()+"接待选民")
}

// genPetitions generates each year's letters, visits, mailbox letters, reception-day visits and referrals.
func (g *demoGen) genPetitions() {
	f := g.voterScale()
	cal := g.rules.Calendar
	for _, y := range g.years {
		add := func(channel string, day Date) *demoPetition {
			if day > g.today {
				return nil
			}
			t := demoPetitionTopics[g.r.IntN(len(demoPetitionTopics))]
			v := g.pick(g.villages)
			dp := &demoPetition{p: Petition{Received: day, Channel: channel, Category: t.category, Village: v,
				Subject: g.issueText(t.subject, v), Content: g.issueText(t.content, v), Petitioner: g.personName(g.chance(0.4))}}
			if g.chance(0.6) {
				dp.p.Contact = g.phone()
			}
			switch {
			case IsVisit(channel):
				dp.p.Visitors = g.weighted(0, 55, 25, 10, 5)
				if g.chance(0.06) {
					dp.p.Visitors, dp.p.GroupVisit = g.between(5, 15), true
					dp.p.Subject = strings.Replace(dp.p.Subject, "反映", "集体反映", 1)
				}
			case channel == ChannelReferral:
				dp.p.ReferralFrom = "青川县人大常委会"
				dp.p.ReferralNo = fmt.Sprintf("青人信转〔%d〕%d号", y, g.between(3, 60))
				dp.p.Subject = "县人大常委会批转：" + dp.p.Subject
				dp.p.Petitioner = string([]rune(dp.p.Petitioner)[:1]) + "某" // the referral names no more
			}
			dp.p.KeyCase = dp.p.GroupVisit || g.chance(0.08)
			dp.p.Leapfrog = channel == ChannelReferral && g.chance(0.3)
			if channel == ChannelReferral {
				dp.p.ReportDue = DefaultVoterSettings().ReportDue(cal, day)
			}
			g.handlePetition(dp, channel)
			return dp
		}
		for k := g.roundRand(float64(g.between(12, 16)) * f); k > 0; k-- {
			add(ChannelLetter, g.yearDay(y, "01-02", "12-28"))
		}
		for k := g.roundRand(float64(g.between(2, 4)) * f); k > 0; k-- {
			add(ChannelMailbox, g.yearDay(y, "01-02", "12-28"))
		}
		for k := g.roundRand(float64(g.between(8, 12)) * f); k > 0; k-- {
			add(ChannelVisit, g.yearDay(y, "01-02", "12-28"))
		}
		for k := g.roundRand(float64(g.between(2, 4)) * f); k > 0; k-- {
			add(ChannelReferral, g.yearDay(y, "01-02", "12-28"))
		}
		// The reception days of the weekly rule: on about one in four someone comes.
		for m := MonthOf(YearPeriod(y).From); m.First().Year() == y; m = m.Next() {
			for _, d := range g.voters.rules[0].Days(m, cal) {
				if g.chance(0.25) {
					add(ChannelDay, d)
				}
			}
		}
	}
}

// handlePetition takes a petition through its steps up to today, as the step methods would (petition_flow.go).
func (g *demoGen) handlePetition(dp *demoPetition, registered string) {
	p := &dp.p
	cal := g.rules.Calendar
	vs := DefaultVoterSettings()
	p.State = PetitionNew
	k := 0
	step := func(name string, date Date, detail, from string) {
		dp.steps = append(dp.steps, PetitionStep{Step: name, Date: date, Detail: detail, FromState: from, ToState: p.State, At: demoStamp(date, k)})
		k++
	}
	g.voters.petitions = append(g.voters.petitions, dp)
	step(StepRegister, p.Received, registered, "")
	p.CreatedAt, p.UpdatedAt = dp.steps[0].At, dp.steps[0].At
	done := func(d Date) bool { return d <= g.today }
	defer func() { p.UpdatedAt = dp.steps[len(dp.steps)-1].At }()
	if IsVisit(p.Channel) && g.chance(0.35) {
		step(PStepOnSpot, p.Received, p.applyOnSpot(p.Received, demoPetitionReplies[2]), PetitionNew)
		return
	}
	day := cal.AddWorkdays(p.Received, g.between(0, 2))
	if !done(day) {
		return
	}
	var u *demoUnit
	for u == nil || u.kind == "上级部门" {
		u = g.units[g.r.IntN(len(g.units))]
	}
	in := ReferInput{UnitID: u.id, UnitName: u.name, Responsible: u.contact, Date: day, Deadline: vs.PetitionDeadline(cal, day)}
	step(PStepRefer, day, p.applyRefer(in), PetitionNew)
	reply := cal.AddWorkdays(day, g.weighted(0, 0, 0, 5, 10, 15, 15, 15, 12, 10, 8, 6, 5, 5, 4, 3, 3, 3, 2, 2, 2))
	if g.today.AddDays(-30) < day && g.chance(0.6) {
		reply = g.today.AddDays(g.between(1, 20)) // the recent cases are mostly still with their units
	}
	if reply > p.Deadline {
		urge := cal.AddWorkdays(p.Deadline, 1)
		if done(urge) {
			step(PStepUrge, urge, "电话催办，要求尽快办结", PetitionHandling)
		}
		if g.chance(0.5) && done(urge) {
			ext := min(cal.AddWorkdays(p.Deadline, 10), p.MaxPetitionDeadline(vs, cal))
			step(PStepExtend, urge, p.applyExtend(ext, "涉及部门较多，需进一步协调"), PetitionHandling)
		}
	}
	if !done(reply) {
		return
	}
	step(PStepReply, reply, p.applyReply(reply, demoPetitionReplies[g.r.IntN(len(demoPetitionReplies))]), PetitionHandling)
	fb := cal.AddWorkdays(reply, g.between(0, 3))
	if !done(fb) {
		return
	}
	step(PStepFeedback, fb, p.applyFeedback(fb, FeedbackMethods[g.weighted(30, 50, 15, 5)]), PetitionReplied)
	closed := cal.AddWorkdays(fb, g.between(0, 1))
	if !done(closed) {
		return
	}
	p.applyClose(closed)
	step(PStepClose, closed, "", PetitionReplied)
	if p.Referral() {
		rep := cal.AddWorkdays(closed, g.between(1, 8))
		if done(rep) {
			step(PStepReport, rep, p.applyReport(rep, "书面报告"), PetitionClosed)
		}
	}
	if dp.issue != nil && dp.issue.result == "" && p.State == PetitionClosed {
		dp.issue.result = "已按信访件办结"
	}
}

// genContact: each deputy's households and some voters by name, and visits every year they are in office (the
// last two years at the stress scale); a visit shortly before a suggestion the deputy raised names it.
func (g *demoGen) genContact() {
	led := map[int64][]*demoItem{}
	for _, it := range g.items {
		if it.s.Source == SourceDeputy && it.s.Period == PeriodRecess && it.s.LeadDeputyID != 0 {
			led[it.s.LeadDeputyID] = append(led[it.s.LeadDeputyID], it)
		}
	}
	years := g.years
	if g.scale == DemoStress {
		years = years[len(years)-2:]
	}
	for _, d := range g.deputies {
		c := VoterContact{DeputyID: d.id}
		if g.chance(0.8) {
			c.Households = 50
			if slices.Contains(d.levels, LevelCounty) {
				c.Households = 100
			}
		}
		if g.scale != DemoStress && g.chance(0.4) {
			for k := g.between(2, 5); k > 0; k-- {
				c.Voters = append(c.Voters, ContactVoter{Name: g.personName(g.chance(0.45)), Village: d.village, Contact: g.phone(), Hardship: g.chance(0.15)})
			}
		}
		if c.Households > 0 || len(c.Voters) > 0 {
			g.voters.contacts = append(g.voters.contacts, c)
		}
		for _, y := range years {
			from, to := max(YearPeriod(y).From, d.start), min(YearPeriod(y).To, g.today)
			if d.vacancyDate != "" {
				to = min(to, d.vacancyDate.AddDays(-1))
			}
			if to < from {
				continue
			}
			for k := g.weighted(8, 15, 42, 25, 10); k > 0; k-- {
				g.addVisit(d, g.workday(g.randDate(from, to)), nil)
			}
			for _, it := range led[d.id] {
				if it.s.Received.Year() == y && g.chance(0.3) {
					day := it.s.Received.AddDays(-g.between(1, 10))
					if day >= from && day <= to {
						g.addVisit(d, day, it)
					}
				}
			}
		}
	}
	slices.SortStableFunc(g.voters.visits, func(a, b *demoVisit) int { return strings.Compare(string(a.v.Date), string(b.v.Date)) })
	for i, v := range g.voters.visits {
		v.v.ID = int64(i + 1)
	}
}

func (g *demoGen) addVisit(d *demoDeputy, day Date, it *demoItem) {
	if day > g.today {
		return
	}
	v := &demoVisit{v: VoterVisit{DeputyID: d.id, Date: day, Mode: VisitModes[g.weighted(40, 20, 20, 10, 10)], Voters: g.between(1, 12),
		Place: d.village}}
	stamp := string(day) + " 17:30:00"
	v.v.CreatedAt, v.v.UpdatedAt = stamp, stamp
	if v.v.Mode == "电话联系" {
		v.v.Voters = 1
	}
	for k := g.weighted(40, 40, 20); k > 0; k-- {
		t := demoReceptionTopics[g.r.IntN(len(demoReceptionTopics))]
		v.items = append(v.items, &demoVisitItem{content: g.issueText(demoTopics[t].content, d.village)})
	}
	if it != nil {
		v.items = append(v.items, &demoVisitItem{content: firstSentence(it.s.Content), item: it})
	}
	v.v.Notes = fmt.Sprintf("走访选民%d人次，听取意见建议%d条。", v.v.Voters, len(v.items))
	g.voters.visits = append(g.voters.visits, v)
}

// genCards: a batch of cards every quarter to the town deputies in office; the suggestions from cards are its
// opinions, with a few more that stayed opinions.
func (g *demoGen) genCards() {
	byQuarter := map[string][]*demoItem{}
	for _, it := range g.items {
		if it.s.Source == SourceCard && it.s.LeadDeputyID != 0 {
			q := fmt.Sprintf("%d-%d", it.s.Received.Year(), (int(it.s.Received.Time().Month())-1)/3+1)
			byQuarter[q] = append(byQuarter[q], it)
		}
	}
	for _, y := range g.years {
		for q := 1; q <= 4; q++ {
			sent := g.workday(Date(fmt.Sprintf("%04d-%02d-%02d", y, 3*q-2, g.between(3, 10))))
			if sent > g.today {
				break
			}
			n := len(g.townInOffice(sent))
			c := &demoCard{c: OpinionCard{ID: int64(len(g.voters.cards) + 1), Year: y, Quarter: q, SentDate: sent, Sent: n,
				Returned: n * g.between(75, 95) / 100}}
			stamp := string(sent) + " 16:00:00"
			c.c.CreatedAt, c.c.UpdatedAt = stamp, stamp
			for _, it := range byQuarter[fmt.Sprintf("%d-%d", y, q)] {
				if it.s.Received >= sent {
					c.items = append(c.items, &demoCardItem{deputy: it.s.LeadDeputyID, content: it.s.Title, item: it})
				}
			}
			for k := g.between(1, 3); k > 0; k-- {
				t := demoReceptionTopics[g.r.IntN(len(demoReceptionTopics))]
				d := g.deputies[g.pickTown(sent)]
				c.items = append(c.items, &demoCardItem{deputy: d.id, content: g.issueText(demoTopics[t].content, d.village)})
			}
			g.voters.cards = append(g.voters.cards, c)
		}
	}
}

// genBulletins: a 政情通报 most months, numbered within the year.
func (g *demoGen) genBulletins() {
	for _, y := range g.years {
		no := 0
		for mo := 1; mo <= 12; mo++ {
			day := g.workday(Date(fmt.Sprintf("%04d-%02d-%02d", y, mo, g.between(5, 20))))
			if day > g.today || !g.chance(0.85) {
				continue
			}
			no++
			stamp := string(day) + " 15:00:00"
			g.voters.bulletins = append(g.voters.bulletins, Bulletin{ID: int64(len(g.voters.bulletins) + 1), Year: y, IssueNo: no, Date: day,
				Title: fmt.Sprintf("%d年%d月%s", y, mo, g.pick(demoBulletinTitles)), Recipients: len(g.townInOffice(day)),
				CreatedAt: stamp, UpdatedAt: stamp})
		}
	}
}

// voterRows is about how many rows writeVoters inserts, for progress.
func (g *demoGen) voterRows() int {
	n := len(g.voters.rules) + len(g.voters.bulletins)
	for _, r := range g.receptions {
		n += len(r.people) + len(r.issues)
	}
	for _, p := range g.voters.petitions {
		n += 3 + len(p.steps)
	}
	for _, c := range g.voters.contacts {
		n += 1 + len(c.Voters)
	}
	for _, v := range g.voters.visits {
		n += 1 + len(v.items)
	}
	for _, c := range g.voters.cards {
		n += 1 + len(c.items)
	}
	return n
}

// writeVoters writes what genVoters made, then the duty days of last month, this month and next (planned as
// GenerateDuty plans them) and, on most past duty days at a station, the reception the deputy on duty held.
func (g *demoGen) writeVoters(w *demoWriter) {
	w.exec(`INSERT INTO settings (key, value) VALUES ('office_phone', '0839-8821000') ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
	base := string(g.sysStart) + " 09:00:00"
	for _, r := range g.voters.rules {
		w.exec(`INSERT INTO reception_rules (id, name, kind, weekday, month_day, market_days, host_id, station_id, place, active, notes, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.ID, r.Name, r.Kind, r.Weekday, r.MonthDay, r.MarketDays, nullID(r.HostID),
			nullID(r.StationID), r.Place, r.Active, r.Notes, base, base)
	}
	for _, p := range g.voters.petitions {
		x := p.p
		w.exec(`INSERT INTO petitions (id, number, year, seq, received, channel, visitors, group_visit, subject, content, category, petitioner,
			village, contact, key_case, leapfrog, referral_from, referral_no, report_due, state, unit_id, unit_name, responsible, referred,
			deadline, reply, replied, feedback, feedback_how, closed, reported, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			x.ID, x.Number, x.Year, x.Seq, string(x.Received), x.Channel, x.Visitors, x.GroupVisit, x.Subject, x.Content, x.Category,
			x.Petitioner, x.Village, x.Contact, x.KeyCase, x.Leapfrog, x.ReferralFrom, x.ReferralNo, demoNullDate(x.ReportDue), x.State,
			nullID(x.UnitID), x.UnitName, x.Responsible, demoNullDate(x.Referred), demoNullDate(x.Deadline), x.Reply, demoNullDate(x.Replied),
			demoNullDate(x.Feedback), x.FeedbackHow, demoNullDate(x.Closed), demoNullDate(x.Reported), x.CreatedAt, x.UpdatedAt)
		for _, s := range p.steps {
			w.exec(`INSERT INTO petition_steps (petition_id, step, date, detail, from_state, to_state, at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
				x.ID, s.Step, string(s.Date), s.Detail, s.FromState, s.ToState, s.At)
		}
		if w.err == nil {
			w.err = writePetitionIndex(w.tx, x, false)
		}
	}
	for _, rc := range g.receptions {
		g.writeReceptionDetail(w, rc.id, rc.people, rc.issues)
	}
	for _, c := range g.voters.contacts {
		if c.Households > 0 {
			w.exec(`INSERT INTO contact_counts (deputy_id, households) VALUES (?, ?)`, c.DeputyID, c.Households)
		}
		for k, v := range c.Voters {
			w.exec(`INSERT INTO contact_voters (deputy_id, seq, name, village, contact, hardship) VALUES (?, ?, ?, ?, ?, ?)`,
				c.DeputyID, k+1, v.Name, v.Village, v.Contact, v.Hardship)
		}
	}
	for _, v := range g.voters.visits {
		x := v.v
		w.exec(`INSERT INTO voter_visits (id, deputy_id, date, mode, voters, place, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			x.ID, x.DeputyID, string(x.Date), x.Mode, x.Voters, x.Place, x.Notes, x.CreatedAt, x.UpdatedAt)
		for k, it := range v.items {
			w.exec(`INSERT INTO visit_items (visit_id, seq, content, suggestion_id) VALUES (?, ?, ?, ?)`, x.ID, k+1, it.content, demoItemID(it.item))
		}
	}
	for _, c := range g.voters.cards {
		x := c.c
		w.exec(`INSERT INTO opinion_cards (id, year, quarter, sent_date, sent, returned, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '', ?, ?)`,
			x.ID, x.Year, x.Quarter, string(x.SentDate), x.Sent, x.Returned, x.CreatedAt, x.UpdatedAt)
		for k, it := range c.items {
			w.exec(`INSERT INTO opinion_card_items (card_id, seq, deputy_id, content, suggestion_id) VALUES (?, ?, ?, ?, ?)`,
				x.ID, k+1, nullID(it.deputy), it.content, demoItemID(it.item))
		}
	}
	for _, b := range g.voters.bulletins {
		w.exec(`INSERT INTO bulletins (id, year, issue_no, date, title, recipients, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '', ?, ?)`,
			b.ID, b.Year, b.IssueNo, string(b.Date), b.Title, b.Recipients, b.CreatedAt, b.UpdatedAt)
	}
	if w.err == nil {
		g.writeDuty(w)
	}
}

func demoItemID(it *demoItem) any {
	if it == nil {
		return nil
	}
	return it.s.ID
}

// writeReceptionDetail writes a reception's named voters and issues.
func (g *demoGen) writeReceptionDetail(w *demoWriter, id int64, people []ReceptionVoter, issues []*demoIssue) {
	for k, v := range people {
		w.exec(`INSERT INTO reception_voters (reception_id, seq, name, village, contact) VALUES (?, ?, ?, ?, ?)`, id, k+1, v.Name, v.Village, v.Contact)
	}
	for k, is := range issues {
		var petition any
		if is.petition != nil && is.petition.p.ID != 0 {
			petition = is.petition.p.ID
		}
		w.exec(`INSERT INTO reception_issues (reception_id, seq, voter, content, route, referred_to, result, suggestion_id, petition_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, k+1, is.voter, is.content, is.route, is.referredTo, is.result, demoItemID(is.item), petition)
	}
}

// writeDuty plans the duty days of last month, this month and next with the rules just written (Tuesdays at
// the stations), writes them, and on about four in five of the past duty days at a station writes the
// reception its deputy on duty held (new records, after the others).
func (g *demoGen) writeDuty(w *demoWriter) {
	main := g.r
	g.r = rand.New(rand.NewPCG(uint64(g.seed), demoVoterStream+1))
	defer func() { g.r = main }()
	this := MonthOf(g.today)
	nextID := int64(len(g.receptions))
	byID := map[int64]*demoStation{}
	for _, s := range g.stations {
		byID[s.id] = s
	}
	for _, m := range []Month{this.Prev(), this, this.Next()} {
		days, err := w.tx.planDuty(m, 2)
		if err != nil {
			w.err = err
			return
		}
		for _, d := range days {
			w.exec(`INSERT INTO duty_days (date, kind, station_id, rule_id, deputy_id, place, note) VALUES (?, ?, ?, ?, ?, ?, '')`,
				string(d.Date), d.Kind, nullID(d.StationID), nullID(d.RuleID), nullID(d.DeputyID), d.Place)
			if d.Kind != DutyKindStation || d.Date >= g.today || !g.chance(0.8) {
				continue
			}
			st := byID[d.StationID]
			nextID++
			voters := g.between(1, 6)
			stamp := string(d.Date) + " 17:00:00"
			w.exec(`INSERT INTO receptions (id, station_id, date, voters, summary, created_at, updated_at) VALUES (?, ?, ?, ?, '', ?, ?)`,
				nextID, d.StationID, string(d.Date), voters, stamp, stamp)
			w.exec(`INSERT INTO reception_deputies (reception_id, deputy_id) VALUES (?, ?)`, nextID, d.DeputyID)
			rc := &demoReception{id: nextID, station: st, date: d.Date, voters: voters, topics: []string{g.pick(demoReceptionTopics)}}
			// No petition from these: it would need a number among the others', written already.
			g.receptionDetail(rc, nil, false)
			g.writeReceptionDetail(w, rc.id, rc.people, rc.issues)
		}
	}
}
