package store

// The generated supervision (issue 17): for every year an evaluation campaign of stations and offices — in
// some years also a 述职评议 of the vice mayors — with its investigation, the 述职测评 meeting, counted ballots
// and the rectification items it raised taken through their steps; items from inspections and law checks; a
// 专题询问 with its 两清单一要求; and the 民生实事 票决 at the year's first session with the chosen projects'
// follow-up. It runs after everything else on a random stream of its own, so the rest of the office is the
// same with or without it, and every step obeys the rules of rectification.go.

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
)

// demoSupStream is the second word of the supervision generator's PCG state.
const demoSupStream uint64 = 0x7F4A7C159E3779B9

type demoTarget struct {
	unit           *demoUnit
	person, post   string
	category       string
	issued, ret    int
	valid          int
	top, mid, bott int
}

type demoCampaign struct {
	id                                            int64
	year                                          int
	title, method, selection, award               string
	plan, eval                                    Date
	meeting                                       *demoMeeting
	groups, villages, forums, interviews, letters int
	surveys, opinions                             int
	members                                       []int
	targets                                       []*demoTarget
}

type demoRectStep struct {
	step, detail, from, to, grade string
	date, due                     Date
	round                         int
}

type demoRect struct {
	id                int64
	source            string
	campaign          *demoCampaign
	target            int // index in campaign.targets, -1 none
	meeting           *demoMeeting
	inquiry           *demoInquiry
	item              int // index in inquiry.items, -1 none
	text, requirement string
	unit              *demoUnit
	phase             string
	raised            Date
	r                 Rectification // the handling columns, as the steps leave them
	steps             []demoRectStep
}

type demoInquiryItem struct {
	id         int64
	list, text string
	unit       *demoUnit
}

type demoInquiry struct {
	id                         int64
	topic, plan                string
	date                       Date
	meeting                    *demoMeeting
	surveys, sat, basic, unsat int
	items                      []demoInquiryItem
}

type demoProject struct {
	id                            int64
	year, seq                     int
	kind, name, content           string
	budget                        float64
	votesFor, against, abstain    int
	unit                          *demoUnit
	leader, person, status        string
	completed, survey             Date
	progress                      string
	respondents, satisfied, aware int
	checks                        []demoCheck
}

type demoCheck struct {
	date     Date
	meeting  *demoMeeting
	finding  string
	who      string
	progress int
}

type demoVote struct {
	year                    int
	date                    Date
	meeting                 *demoMeeting
	toChoose, expected      int
	issued, returned, valid int
}

// demoSupervision is what the supervision generator made.
type demoSupervision struct {
	campaigns []*demoCampaign
	rects     []*demoRect
	inquiries []*demoInquiry
	votes     []*demoVote
	projects  []*demoProject
}

// Words of the generated supervision.
var (
	demoEvalProblems = []string{"群众办事排队时间长，窗口服务效率不高", "办事指南不清楚，群众多次跑腿", "工作人员服务态度有待改进",
		"政策宣传不到位，群众知晓率不高", "下村入户次数少，联系群众不够紧密", "业务办理时限超过承诺时间", "执法程序不够规范",
		"资金使用公开不及时", "工作台账不完善，资料归档不及时", "夜间和节假日值班安排不合理", "对群众反映问题回应不及时",
		"基础设施维护不及时", "便民服务点覆盖不全", "信息化办公水平不高，群众网上办事难"}
	demoActivityRect = []string{"排水沟渠淤塞，汛前未完成疏浚", "安全警示标识缺失，存在事故隐患", "管护责任未落实到人",
		"项目资金拨付进度偏慢", "食品经营户证照公示不全", "农村垃圾清运不及时", "河道保洁责任不清"}
	demoRectReports = []string{"已制定整改方案，逐项落实到人，现已整改到位。", "已完成整改，并建立长效管理制度。",
		"已召开专题会议研究，问题已解决，群众认可。", "已增加人员力量，压缩办理时限，效果明显。", "已对照清单逐项销号，相关资料已归档。"}
	demoReviewFindings = []string{"整改措施落实到位，群众反映良好。", "问题已基本解决，需巩固整改成果。", "整改成效明显，代表表示满意。",
		"部分村(居)问题仍有反弹，需继续整改。"}
	demoInquiryTopics = []string{"农村人居环境整治", "农村饮水安全", "义务教育均衡发展", "基层医疗卫生服务", "农村道路建设和养护",
		"老旧小区改造和物业管理", "农村养老服务"}
	demoInquiryProblems = []string{"部分村(居)设施建成后管护缺位", "资金投入与群众需求仍有差距", "部门之间协调配合不够",
		"群众参与积极性不高", "考核评价机制不健全", "专业人员力量不足", "信息公开不及时"}
	demoInquirySuggestions = []string{"建立长效管护机制，明确管护责任", "加大财政投入，积极争取上级资金", "健全部门联动工作机制",
		"加强宣传引导，发动群众参与", "完善考核办法，纳入年度考核"}
	demoInquiryRequirements = []string{"年底前完成问题清单的整改并书面报告", "在下次人代会上报告整改情况", "每季度向主席团报告工作进展"}
	demoLivelihood          = []struct{ name, content string }{
		{"{v}村道硬化工程", "硬化村组道路约3公里"}, {"镇区污水管网改造", "改造污水管网1.5公里"}, {"{v}饮水安全提升工程", "新建蓄水池，更换供水管网"},
		{"农村公厕改造", "改造农村公厕12座"}, {"镇卫生院设备更新", "购置DR、彩超等设备"}, {"中心学校食堂改造", "改造食堂和学生宿舍"},
		{"{v}文化广场建设", "建设文化广场2000平方米"}, {"路灯亮化工程", "安装太阳能路灯300盏"}, {"居家养老服务中心建设", "建成居家养老服务中心1个"},
		{"农贸市场提升改造", "改造农贸市场大棚和排水"}, {"{v}河道综合治理", "清淤疏浚河道2公里"}, {"垃圾分类收集点建设", "新建垃圾分类收集点20个"},
		{"便民服务中心提档升级", "改造便民服务大厅"}, {"农村危房改造", "改造农村危房30户"}, {"高标准农田建设", "建设高标准农田1000亩"},
		{"校园周边交通安全设施", "增设减速带和警示标志"}}
	demoKeyProjects = []string{"工业园区标准厂房建设", "乡村振兴示范片建设", "集镇改造提升工程", "特色农产品加工园建设"}
)

// genSupervision generates the supervision of every year with its own random stream; the generator's helpers
// (which draw from g.r) draw from that stream meanwhile.
func (g *demoGen) genSupervision() {
	main := g.r
	g.r = rand.New(rand.NewPCG(uint64(g.seed), demoSupStream))
	defer func() { g.r = main }()
	g.sup = &demoSupervision{}
	nextMeeting := int64(len(g.meetings))
	newMeeting := func(kind string, day Date) *demoMeeting {
		m := &demoMeeting{kind: kind, start: day, group: -1, order: len(g.meetings), time: "上午9:00"}
		nextMeeting++
		m.id = nextMeeting
		g.meetings = append(g.meetings, m)
		return m
	}
	scale := max(1, g.sc.groups/20) // township 1, county 6, stress 22 campaigns (and inquiries) a year
	for _, y := range g.years {
		for k := 0; k < scale; k++ {
			g.genCampaign(y, newMeeting, false)
			if k == 0 && g.chance(0.5) {
				g.genCampaign(y, newMeeting, true)
			}
		}
		g.genActivityRects(y)
		for k := 0; k < scale; k++ {
			g.genInquiry(y, newMeeting)
		}
		g.genLivelihood(y)
	}
	for i, c := range g.sup.campaigns {
		c.id = int64(i + 1)
	}
	for i, q := range g.sup.inquiries {
		q.id = int64(i + 1)
	}
	var itemID int64
	for _, q := range g.sup.inquiries {
		for i := range q.items {
			itemID++
			q.items[i].id = itemID
		}
	}
	for i, r := range g.sup.rects {
		r.id = int64(i + 1)
	}
	for i, p := range g.sup.projects {
		p.id = int64(i + 1)
	}
}

// townUnits are the units a campaign evaluates: the township's 站所 and 镇属部门.
func (g *demoGen) townUnits(kind string) []*demoUnit {
	var out []*demoUnit
	for _, w := range demoTownUnits {
		if u := g.unitByName[w.name]; u != nil && (kind == "" || u.kind == kind) {
			out = append(out, u)
		}
	}
	return out
}

// genCampaign: a 工作评议 of 4–6 stations and offices with a 述职测评 meeting, or (officials) a 述职评议 of the
// vice mayors and two service departments, with the ballots of the deputies present and the items raised.
func (g *demoGen) genCampaign(y int, newMeeting func(string, Date) *demoMeeting, officials bool) {
	day := g.yearDay(y, "06-10", "12-20")
	if officials {
		day = g.yearDay(y, "03-01", "04-30")
	}
	if day > g.today {
		return
	}
	c := &demoCampaign{year: y, eval: day, award: "人大代表满意单位"}
	c.plan = g.workday(demoAdd(day, -g.between(50, 90)))
	if c.plan > g.today {
		c.plan = ""
	}
	c.selection = g.pick(EvalSelections[:3])
	c.groups, c.villages, c.forums = g.between(1, 3), g.between(5, 12), g.between(6, 20)
	c.interviews, c.letters, c.surveys = g.between(40, 120), g.between(20, 80), g.between(100, 300)
	c.members = g.sample(day, 3*c.groups, nil)
	m := newMeeting(MeetingWorkEval, day)
	m.place, m.topic = "青山镇人民政府大会议室", "听取被评议单位述职，进行无记名测评"
	if pres := g.inOffice(g.presidium, day); len(pres) > 0 {
		m.host = g.name(pres[0])
	}
	voters := g.townInOffice(day)
	if len(voters) > 120 { // a county's or the stress data's thousands: the deputies of one township's meeting
		voters = g.sample(day, 80, nil)
	}
	g.attend(m, voters, 0.06, 0.01, g.inOffice(g.presidium, day)...)
	m.minutes = fmt.Sprintf("%d名代表参加测评。", len(m.present()))
	c.meeting = m
	if officials {
		c.method, c.title = EvalReport, fmt.Sprintf("%d年镇政府分管领导和服务部门述职评议", y)
		m.kind, m.title = MeetingReportEval, c.title+"会"
		c.award = "人大代表满意"
		for k := 0; k < 3; k++ {
			c.targets = append(c.targets, &demoTarget{person: g.government(day, k%3), post: []string{"镇长", "分管农业副镇长", "分管城建副镇长"}[k],
				category: "分管领导"})
		}
		for _, u := range g.pickUnits(g.townUnits("镇属部门"), 2) {
			c.targets = append(c.targets, &demoTarget{unit: u, category: "服务部门"})
		}
	} else {
		c.method = g.pick([]string{EvalWork, EvalWork, EvalDemocratic})
		c.title = fmt.Sprintf("%d年度站所和镇属部门%s", y, c.method)
		m.title = c.title + "述职测评大会"
		for _, u := range g.pickUnits(g.townUnits("站所"), g.between(3, 4)) {
			c.targets = append(c.targets, &demoTarget{unit: u, category: "基层站所"})
		}
		for _, u := range g.pickUnits(g.townUnits("镇属部门"), g.between(1, 2)) {
			c.targets = append(c.targets, &demoTarget{unit: u, category: "镇属办公室"})
		}
	}
	present := len(m.present())
	before := len(g.sup.rects)
	worst := g.r.IntN(len(c.targets))
	for i, t := range c.targets {
		t.issued = present
		t.ret = present - g.between(0, 1)
		t.valid = t.ret - g.between(0, 1)
		share := 0.84 + 0.15*g.r.Float64() // (满意+基本满意) share of the valid ballots: most units reach 满意
		if i == worst && g.chance(0.4) {
			share = 0.45 + 0.12*g.r.Float64() // now and then one falls to 不满意
		}
		good := int(share*float64(t.valid) + 0.5)
		t.top = int(float64(good) * (0.55 + 0.35*g.r.Float64()))
		t.mid = good - t.top
		t.bott = t.valid - good - g.between(0, 1)
		t.bott = max(t.bott, 0)
		g.genCampaignRects(c, i, 1+g.between(0, 1)+map[bool]int{true: 2}[share < 0.6])
	}
	c.opinions = 4*(len(g.sup.rects)-before) + g.between(20, 60)
	g.sup.campaigns = append(g.sup.campaigns, c)
}

// pickUnits returns k distinct units of us in a random order.
func (g *demoGen) pickUnits(us []*demoUnit, k int) []*demoUnit {
	var out []*demoUnit
	for _, i := range g.r.Perm(len(us)) {
		if len(out) == k {
			break
		}
		out = append(out, us[i])
	}
	return out
}

// genCampaignRects raises n items on target i of campaign c, a few days after the 测评.
func (g *demoGen) genCampaignRects(c *demoCampaign, i, n int) {
	t := c.targets[i]
	unit := t.unit
	if unit == nil {
		unit = g.unitByName["镇党政办"]
	}
	if unit == nil {
		return
	}
	raised := g.workday(demoAdd(c.eval, g.between(2, 10)))
	if raised > g.today {
		return
	}
	for _, k := range g.r.Perm(len(demoEvalProblems))[:n] {
		r := &demoRect{source: RectFromCampaign, campaign: c, target: i, item: -1, text: demoEvalProblems[k],
			requirement: "请对照问题制定整改措施，限期整改并书面报告整改情况。", unit: unit, raised: raised,
			phase: RectPhases[g.weighted(3, 4, 3, 1)]}
		g.runRect(r)
	}
}

// genActivityRects raises items from some of the year's inspections, research and law checks.
func (g *demoGen) genActivityRects(y int) {
	for _, m := range g.meetings {
		if m.start.Year() != y || m.problems == "" || !g.chance(0.35) {
			continue
		}
		switch m.kind {
		case MeetingInspect, MeetingResearch, MeetingLawCheck, MeetingSpecial:
		default:
			continue
		}
		us := g.townUnits("")
		raised := g.workday(demoAdd(m.start, g.between(3, 15)))
		if raised > g.today {
			continue
		}
		for k := g.between(1, 2); k > 0; k-- {
			r := &demoRect{source: RectFromActivity, meeting: m, target: -1, item: -1, text: g.pick(demoActivityRect),
				unit: us[g.r.IntN(len(us))], raised: raised, phase: RectPhases[g.weighted(3, 4, 3, 0.5)]}
			g.runRect(r)
		}
	}
}

// runRect registers r and takes it through its steps up to today, with the rules of rectification.go.
func (g *demoGen) runRect(r *demoRect) {
	x := &r.r
	x.State, x.Round = RectOpen, 1
	x.Due = g.rules.RectDue(r.phase, r.raised)
	add := func(step, detail string, date Date, from, grade string) {
		r.steps = append(r.steps, demoRectStep{step: step, detail: detail, from: from, to: x.State, date: date, due: x.Due, round: x.Round, grade: grade})
	}
	add(RectStepRegister, fmt.Sprintf("来源: %s；责任单位: %s；%s，整改时限: %s", r.source, r.unit.name, r.phase, x.Due.Chinese()), r.raised, "", "")
	g.sup.rects = append(g.sup.rects, r)
	last := r.raised
	next := func(days int) (Date, bool) {
		d := g.workday(demoAdd(last, days))
		if d > g.today {
			return "", false
		}
		last = d
		return d, true
	}
	span := demoDayNum(x.Due) - demoDayNum(r.raised)
	if d, ok := next(g.between(1, max(2, span/5))); ok && g.chance(0.92) {
		x.State, x.Started = RectActive, d
		add(RectStepStart, "已制定整改措施", d, RectOpen, "")
	} else {
		return
	}
	if g.chance(0.25) {
		if d, ok := next(g.between(10, 40)); ok {
			add(RectStepProgress, "整改正在推进，已完成部分任务", d, RectActive, "")
		}
	}
	if g.chance(0.12) && last < x.Due {
		if d, ok := next(g.between(5, 20)); ok && d < x.Due {
			old := x.Due
			x.Due = g.rules.roll(x.Due.AddMonths(2))
			x.Extension = "涉及资金和上级审批，需延长整改时间"
			add(RectStepExtend, fmt.Sprintf("整改时限: %s → %s；理由: %s", old.Chinese(), x.Due.Chinese(), x.Extension), d, RectActive, "")
		}
	}
	for round := 0; round < 2; round++ {
		// Most are closed by their due date, some late, some still open today.
		days := int(float64(demoDayNum(x.Due)-demoDayNum(last)) * (0.4 + 0.8*g.r.Float64()))
		if !g.chance(0.85) {
			return
		}
		d, ok := next(max(days, 3))
		if !ok {
			return
		}
		x.State, x.Closed, x.Report = RectClosed, d, g.pick(demoRectReports)
		detail := "整改情况: " + x.Report
		if d > x.Due {
			detail += fmt.Sprintf("(超过整改时限%d天)", int(d.Time().Sub(x.Due.Time()).Hours()/24))
		}
		add(RectStepClose, detail, d, RectActive, "")
		// The 回头看 at the end of the year of the closing.
		rd := g.yearDay(d.Year(), "12-05", "12-25")
		if rd <= d || rd > g.today || !g.chance(0.8) {
			return
		}
		last = rd
		grade := []string{GradeSatisfied, GradeSatisfied, GradeSatisfied, GradeBasicSatisfied, GradeUnsatisfied}[g.r.IntN(5)]
		if round == 1 && grade == GradeUnsatisfied {
			grade = GradeBasicSatisfied
		}
		finding := demoReviewFindings[g.r.IntN(3)]
		if grade == GradeUnsatisfied {
			finding = demoReviewFindings[3]
		}
		x.Reviewed, x.Review, x.ReviewGrade = rd, finding, grade
		add(RectStepReview, fmt.Sprintf("满意度: %s；%s", grade, finding), rd, RectClosed, grade)
		if grade != GradeUnsatisfied {
			return
		}
		x.Round++
		x.State, x.Due, x.Closed = RectActive, g.rules.RectDue(PhaseNearTerm, rd), ""
		add(RectStepReopen, fmt.Sprintf("第%d轮整改；整改时限: %s", x.Round, x.Due.Chinese()), rd, RectClosed, "")
	}
}

// genInquiry: a 专题询问 with its meeting (an existing one of the year, or a new one), its lists, the poll, and
// two of its problems turned into rectification items.
func (g *demoGen) genInquiry(y int, newMeeting func(string, Date) *demoMeeting) {
	var m *demoMeeting
	for _, x := range g.meetings {
		if x.kind == MeetingInquiry && x.start.Year() == y && !slices.ContainsFunc(g.sup.inquiries, func(q *demoInquiry) bool { return q.meeting == x }) {
			m = x
			break
		}
	}
	topic := g.pick(demoInquiryTopics)
	if m == nil {
		day := g.yearDay(y, "04-10", "10-30")
		if day > g.today {
			return
		}
		m = newMeeting(MeetingInquiry, day)
		m.title = "关于" + topic + "工作的专题询问会"
		m.topic, m.place = m.title, "青山镇人民政府大会议室"
		g.attend(m, g.sample(day, g.between(12, 20), nil), 0.05, 0.01)
		m.minutes = fmt.Sprintf("%d名代表参加询问。", len(m.present()))
	} else {
		topic = strings.TrimSuffix(strings.TrimPrefix(m.title, "关于"), "的专题询问")
	}
	q := &demoInquiry{topic: topic, date: m.start, meeting: m, surveys: g.between(150, 400)}
	q.plan = "确定询问主题，开展前期调研和问卷调查，梳理问题清单反馈政府，召开专题询问会议，跟踪督促整改。"
	polled := g.between(20, 40)
	q.sat = int(float64(polled) * (0.6 + 0.3*g.r.Float64()))
	q.basic = g.between(0, polled-q.sat)
	q.unsat = polled - q.sat - q.basic
	us := g.townUnits("")
	for _, k := range g.r.Perm(len(demoInquiryProblems))[:g.between(3, 5)] {
		q.items = append(q.items, demoInquiryItem{list: InquiryProblems, text: demoInquiryProblems[k], unit: us[g.r.IntN(len(us))]})
	}
	for _, k := range g.r.Perm(len(demoInquirySuggestions))[:g.between(2, 4)] {
		q.items = append(q.items, demoInquiryItem{list: InquirySuggestions, text: demoInquirySuggestions[k]})
	}
	for _, k := range g.r.Perm(len(demoInquiryRequirements))[:g.between(1, 2)] {
		q.items = append(q.items, demoInquiryItem{list: InquiryRequirements, text: demoInquiryRequirements[k]})
	}
	g.sup.inquiries = append(g.sup.inquiries, q)
	raised := g.workday(demoAdd(q.date, g.between(5, 15)))
	if raised > g.today {
		return
	}
	for i := 0; i < 2; i++ {
		it := q.items[i]
		g.runRect(&demoRect{source: RectFromInquiry, inquiry: q, item: i, target: -1, text: topic + "：" + it.text, unit: it.unit,
			raised: raised, phase: []string{PhaseNearTerm, PhaseThisYear}[i]})
	}
}

// genLivelihood: 12 candidates voted on at the year's first session (10 chosen), two 重点项目, and the chosen
// projects' progress, 督查 at the inspections of the year and the survey once done.
func (g *demoGen) genLivelihood(y int) {
	var session *demoMeeting
	for _, m := range g.meetings {
		if m.kind == MeetingCongress && m.start.Year() == y && (session == nil || m.start < session.start) {
			session = m
		}
	}
	if session == nil || session.start > g.today {
		return
	}
	present := len(session.present())
	v := &demoVote{year: y, date: session.start, meeting: session, toChoose: 10, expected: len(session.att),
		issued: present, returned: present}
	v.valid = present - g.between(0, 1)
	g.sup.votes = append(g.sup.votes, v)
	var cands []*demoProject
	for k, i := range g.r.Perm(len(demoLivelihood))[:12] {
		w := demoLivelihood[i]
		p := &demoProject{year: y, seq: k + 1, kind: ProjectLivelihood, name: strings.ReplaceAll(w.name, "{v}", g.pick(g.villages)),
			content: w.content, budget: float64(g.between(20, 400)), status: ProjectNotStarted}
		// Ten candidates well above half, two below it.
		share := 0.62 + 0.35*g.r.Float64()
		if k >= 10 {
			share = 0.2 + 0.25*g.r.Float64()
		}
		p.votesFor = min(int(share*float64(v.valid)), v.valid)
		p.abstain = g.between(0, min(2, v.valid-p.votesFor))
		p.against = v.valid - p.votesFor - p.abstain
		cands = append(cands, p)
		g.sup.projects = append(g.sup.projects, p)
	}
	for k, name := range g.r.Perm(len(demoKeyProjects))[:2] {
		p := &demoProject{year: y, seq: 13 + k, kind: ProjectKey, name: demoKeyProjects[name], content: "镇党委、政府确定的年度重点项目",
			budget: float64(g.between(500, 3000)), status: ProjectNotStarted}
		cands = append(cands, p)
		g.sup.projects = append(g.sup.projects, p)
	}
	var checks []*demoMeeting
	for _, m := range g.meetings {
		if (m.kind == MeetingSpecial || m.kind == MeetingInspect) && m.start.Year() == y && m.start <= g.today {
			checks = append(checks, m)
		}
	}
	us := g.townUnits("")
	for _, p := range cands {
		if p.kind == ProjectLivelihood && 2*p.votesFor <= v.expected {
			p.status = ProjectDropped
			continue
		}
		p.unit = us[g.r.IntN(len(us))]
		p.leader, p.person = g.government(v.date, 1+g.r.IntN(2)), g.personName(g.chance(0.3))
		start := g.workday(demoAdd(v.date, g.between(30, 90)))
		if start > g.today {
			continue
		}
		p.status, p.progress = ProjectUnderway, "已开工建设"
		for _, m := range checks {
			if m.start > start && len(p.checks) < 2 && g.chance(0.3) {
				progress := g.between(30, 90)
				p.checks = append(p.checks, demoCheck{date: m.start, meeting: m, who: "镇人大主席团督查组", progress: progress,
					finding: g.pick([]string{"施工质量总体良好", "部分路段施工进度滞后", "安全文明施工措施到位", "资金拨付需加快"})})
			}
		}
		done := g.workday(g.randDate(Date(fmt.Sprintf("%d-08-01", y)), Date(fmt.Sprintf("%d-12-20", y))))
		if done > g.today || g.chance(0.12) {
			continue
		}
		p.status, p.completed, p.progress = ProjectDone, done, "已完工并通过验收"
		if sd := g.workday(demoAdd(done, g.between(5, 25))); sd <= g.today {
			p.survey, p.respondents = sd, g.between(30, 80)
			p.satisfied = int(float64(p.respondents) * (0.82 + 0.16*g.r.Float64()))
			p.aware = int(float64(p.respondents) * (0.75 + 0.22*g.r.Float64()))
		}
	}
}

// supervisionRows is the number of rows writeSupervision inserts, for progress.
func (g *demoGen) supervisionRows() int {
	s := g.sup
	if s == nil {
		return 0
	}
	n := len(s.campaigns) + len(s.inquiries) + len(s.votes) + len(s.projects)
	for _, c := range s.campaigns {
		n += len(c.members) + len(c.targets)
	}
	for _, q := range s.inquiries {
		n += len(q.items)
	}
	for _, r := range s.rects {
		n += 1 + len(r.steps)
	}
	for _, p := range s.projects {
		n += len(p.checks)
	}
	return n
}

// writeSupervision inserts the generated supervision (its meetings are written with the others).
func (g *demoGen) writeSupervision(w *demoWriter) {
	s := g.sup
	if s == nil {
		return
	}
	for _, c := range s.campaigns {
		stamp := string(c.eval) + " 17:00:00"
		w.exec(`INSERT INTO eval_campaigns (id, year, title, method, selection, plan_date, eval_date, meeting_id, scale, rate_basic,
			good_line, pass_line, award, groups, villages, forums, interviews, letters, surveys, opinions, notes, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 90, 60, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`, c.id, c.year, c.title, c.method, c.selection,
			demoNullDate(c.plan), string(c.eval), c.meeting.id, ScaleSatisfaction, c.award, c.groups, c.villages, c.forums, c.interviews,
			c.letters, c.surveys, c.opinions, stamp, stamp)
		for _, i := range c.members {
			w.exec(`INSERT INTO eval_campaign_members (campaign_id, deputy_id) VALUES (?, ?)`, c.id, g.deputies[i].id)
		}
	}
	var targetID int64
	targetIDs := map[*demoTarget]int64{}
	for _, c := range s.campaigns {
		for k, t := range c.targets {
			targetID++
			targetIDs[t] = targetID
			var unit any
			if t.unit != nil {
				unit = t.unit.id
			}
			w.exec(`INSERT INTO eval_targets (id, campaign_id, seq, unit_id, person, post, category, report_date, issued, returned, valid,
				top, middle, bottom, title, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '')`, targetID, c.id, k+1, unit,
				t.person, t.post, t.category, string(c.eval), t.issued, t.ret, t.valid, t.top, t.mid, t.bott)
		}
	}
	for _, q := range s.inquiries {
		stamp := string(q.date) + " 17:00:00"
		w.exec(`INSERT INTO inquiries (id, topic, date, meeting_id, plan, surveys, satisfied, basic, unsatisfied, notes, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`, q.id, q.topic, string(q.date), q.meeting.id, q.plan, q.surveys, q.sat, q.basic,
			q.unsat, stamp, stamp)
		seq := map[string]int{}
		for _, it := range q.items {
			seq[it.list]++
			var unit any
			if it.unit != nil {
				unit = it.unit.id
			}
			w.exec(`INSERT INTO inquiry_items (id, inquiry_id, list, seq, text, unit_id) VALUES (?, ?, ?, ?, ?, ?)`, it.id, q.id, it.list,
				seq[it.list], it.text, unit)
		}
	}
	for _, r := range s.rects {
		var campaign, target, meeting, inquiry, item any
		if r.campaign != nil {
			campaign, target = r.campaign.id, targetIDs[r.campaign.targets[r.target]]
		}
		if r.meeting != nil {
			meeting = r.meeting.id
		}
		if r.inquiry != nil {
			inquiry, item = r.inquiry.id, r.inquiry.items[r.item].id
		}
		x := r.r
		stamp := string(r.steps[len(r.steps)-1].date) + " 17:00:00"
		w.exec(`INSERT INTO rectifications (id, source, campaign_id, target_id, meeting_id, inquiry_id, inquiry_item_id, text, requirement,
			unit_id, phase, raised, due, state, round, started, closed, report, reviewed, review, review_grade, extension, notes,
			created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`,
			r.id, r.source, campaign, target, meeting, inquiry, item, r.text, r.requirement, r.unit.id, r.phase, string(r.raised),
			string(x.Due), x.State, x.Round, demoNullDate(x.Started), demoNullDate(x.Closed), x.Report, demoNullDate(x.Reviewed),
			x.Review, x.ReviewGrade, x.Extension, string(r.raised)+" 17:00:00", stamp)
		for _, st := range r.steps {
			w.exec(`INSERT INTO rectification_steps (rectification_id, step, date, round, detail, from_state, to_state, due, grade, at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.id, st.step, string(st.date), st.round, st.detail, st.from, st.to,
				demoNullDate(st.due), st.grade, string(st.date)+" 17:00:00")
		}
	}
	for _, v := range s.votes {
		stamp := string(v.date) + " 17:00:00"
		w.exec(`INSERT INTO livelihood_votes (year, date, meeting_id, to_choose, expected, issued, returned, valid, notes, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`, v.year, string(v.date), v.meeting.id, v.toChoose, v.expected, v.issued, v.returned,
			v.valid, stamp, stamp)
	}
	for _, p := range s.projects {
		var unit any
		if p.unit != nil {
			unit = p.unit.id
		}
		stamp := fmt.Sprintf("%d-01-15 17:00:00", p.year)
		w.exec(`INSERT INTO livelihood_projects (id, year, seq, kind, name, content, budget, votes_for, votes_against, votes_abstain,
			unit_id, leader, person, status, completed, progress, survey_date, respondents, satisfied, aware, notes, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`, p.id, p.year, p.seq, p.kind, p.name, p.content,
			p.budget, p.votesFor, p.against, p.abstain, unit, p.leader, p.person, p.status, demoNullDate(p.completed), p.progress,
			demoNullDate(p.survey), p.respondents, p.satisfied, p.aware, stamp, stamp)
		for _, k := range p.checks {
			w.exec(`INSERT INTO livelihood_checks (project_id, date, meeting_id, finding, who, progress) VALUES (?, ?, ?, ?, ?, ?)`, p.id,
				string(k.date), k.meeting.id, k.finding, k.who, k.progress)
		}
	}
}
