package store

// The generated suggestions: who raised them, when, from which source and about what.

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

type demoStep struct {
	step, detail, from, to, at string
	date                       Date
	round                      int
}

type demoReply struct {
	round                    int
	date                     Date
	method, content, outcome string
	fromUpper                bool
}

type demoEval struct {
	round          int
	date           Date
	grade, comment string
}

type demoFollow struct {
	date          Date
	note, outcome string
}

// demoItem is a suggestion with every column that the workflow methods maintain, and its timeline.
type demoItem struct {
	id                             int64
	number                         string
	year, seq                      int
	kind, period, source           string
	session, srcMeeting            *demoMeeting
	station                        *demoStation
	reception                      *demoReception
	lead                           int64
	cosigners                      []int64
	voterName, voterContact        string
	title, content, category       string
	scope, priority                string
	received                       Date
	village                        string
	assignOn                       Date // 人代会期间: the day of the 交办会
	state                          string
	round                          int
	mainUnit                       int64
	assist                         []int64
	assigned, deadline, firstDl    Date
	extensionReason, forwardTo     string
	forwarded, firstReply          Date
	lastReply                      Date
	replyMethod, outcome           string
	evaluation, firstEvaluation    string
	evaluated, voterFeedback       Date
	closed, terminated             Date
	terminationKind, terminationRs string
	createdAt, updatedAt           string
	steps                          []demoStep
	replies                        []demoReply
	evals                          []demoEval
	follows                        []demoFollow
}

// demoStamp is the time a step was recorded: its day, in the morning, a few minutes after the previous step.
func demoStamp(d Date, k int) string {
	return fmt.Sprintf("%s %02d:%02d:00", d, 9+(k*7)/60%9, (k*7)%60)
}

func (it *demoItem) addStep(step string, date Date, round int, detail, from, to string, touch bool) {
	at := demoStamp(date, len(it.steps))
	if step == StepRehandle { // written in the same transaction as the evaluation
		at = it.steps[len(it.steps)-1].at
	}
	it.steps = append(it.steps, demoStep{step: step, date: date, round: round, detail: detail, from: from, to: to, at: at})
	if touch {
		it.updatedAt = at
	}
}

// genItems plans every year's suggestions and numbers them in the order received. write takes each one
// through the workflow up to Today just before writing it, so that only one item's handling is in memory.
func (g *demoGen) genItems() {
	f := float64(g.sc.perYear) / 250
	for _, y := range g.years {
		var plan []*demoItem
		target := int(float64(g.sc.perYear) * (0.92 + 0.16*g.r.Float64()))
		var inspections, groupActs []*demoMeeting
		for _, m := range g.meetings {
			if m.start.Year() != y {
				continue
			}
			switch m.kind {
			case MeetingCongress:
				k := g.roundRand(float64(g.between(20, 40)) * f)
				target -= k
				pool := m.present()
				for ; k > 0; k-- {
					plan = append(plan, g.sessionItem(m, pool))
				}
			case MeetingInspect, MeetingResearch, MeetingLawCheck, MeetingSpecial:
				inspections = append(inspections, m)
			case MeetingGroup:
				groupActs = append(groupActs, m)
			}
		}
		var recs []*demoReception
		for _, r := range g.receptions {
			if r.date.Year() == y {
				recs = append(recs, r)
			}
		}
		for ; target > 0; target-- {
			if it := g.recessItem(y, recs, inspections, groupActs); it != nil {
				plan = append(plan, it)
			}
		}
		sort.SliceStable(plan, func(a, b int) bool { return plan[a].received < plan[b].received })
		for k, it := range plan {
			it.year, it.seq = y, k+1
			it.number = fmt.Sprintf("%d-%03d", y, k+1)
			g.items = append(g.items, it)
			it.id = int64(len(g.items))
		}
	}
}

// text fills in title and content from a template of the item's category.
func (g *demoGen) text(it *demoItem) {
	var w []float64
	for _, c := range demoCategories {
		w = append(w, c.weight)
	}
	it.category = demoCategories[g.weighted(w...)].name
	tpls := demoTemplates[it.category]
	tpl := tpls[g.r.IntN(len(tpls))]
	v2 := g.pick(g.villages)
	for v2 == it.village && len(g.villages) > 1 {
		v2 = g.pick(g.villages)
	}
	rp := strings.NewReplacer("{v}", it.village, "{v2}", v2, "{n}", ChineseNumber(g.between(1, 9)), "{t}", demoTownship,
		"{r}", g.pick(demoRivers))
	it.title = rp.Replace(tpl.title)
	it.content = rp.Replace(tpl.problem)
	advice := demoAdvice[it.category]
	for _, k := range g.r.Perm(len(advice))[:g.between(0, 2)] {
		it.content += advice[k]
	}
	if it.priority == "" {
		it.priority = "一般"
		if g.chance(0.1) {
			it.priority = "重点"
		}
	}
}

func (g *demoGen) scope(voter bool) string {
	if voter {
		return []string{LevelTown, LevelVillage, LevelCounty, LevelCity}[g.weighted(40, 50, 8, 2)]
	}
	return []string{LevelTown, LevelVillage, LevelCounty, LevelCity}[g.weighted(60, 30, 8, 2)]
}

// cosign adds 0–3 co-signers (3 for a 议案) from pool (or any town deputy in office), never the lead.
func (g *demoGen) cosign(it *demoItem, pool []int, lead int) {
	k := g.weighted(45, 25, 18, 12)
	if it.kind == KindMotion {
		k = 3
	}
	var out []int64
	for tries := 0; len(out) < k && tries < 40; tries++ {
		var i int
		if len(pool) > 0 {
			i = pool[g.r.IntN(len(pool))]
		} else {
			i = g.pickTown(it.received)
		}
		id := g.deputies[i].id
		if i == lead || slices.Contains(out, id) || !g.deputies[i].inOffice(it.received) {
			continue
		}
		out = append(out, id)
	}
	slices.Sort(out)
	it.cosigners = out
}

func (g *demoGen) sessionItem(m *demoMeeting, pool []int) *demoItem {
	it := &demoItem{kind: KindSuggestion, period: PeriodSession, session: m, source: SourceDeputy, received: m.start, assignOn: m.assignDay}
	if g.chance(0.05) {
		it.kind, it.priority = KindMotion, "重点"
	}
	lead := g.pickTown(m.start)
	if len(pool) > 0 {
		lead = pool[g.r.IntN(len(pool))]
	}
	it.lead = g.deputies[lead].id
	it.village = g.deputies[lead].village
	if g.chance(0.4) {
		it.village = g.pick(g.villages)
	}
	it.scope = g.scope(false)
	g.cosign(it, pool, lead)
	g.text(it)
	return it
}

var demoRecessSources = Sources

func (g *demoGen) recessItem(y int, recs []*demoReception, inspections, groupActs []*demoMeeting) *demoItem {
	it := &demoItem{kind: KindSuggestion, period: PeriodRecess}
	it.source = demoRecessSources[g.weighted(35, 8, 30, 12, 8, 5, 2)]
	var pool []int
	lead := -1
	switch {
	case it.source == SourceStation && len(recs) > 0:
		rc := recs[g.r.IntN(len(recs))]
		it.kind, it.station, it.reception, it.received = KindVoter, rc.station, rc, rc.date
		it.village = rc.station.village
		it.voterName = g.personName(g.chance(0.45))
		switch g.weighted(70, 15, 15) {
		case 0:
			it.voterContact = g.phone()
		case 1:
			it.voterContact = it.village + ChineseNumber(g.between(1, 9)) + "组"
		}
		if g.chance(0.7) {
			lead = rc.deputies[g.r.IntN(len(rc.deputies))]
			it.lead = g.deputies[lead].id
		}
		it.scope = g.scope(true)
		g.text(it)
		if it.lead != 0 && len(rc.deputies) > 1 && g.chance(0.15) {
			for _, i := range rc.deputies {
				if i != lead {
					it.cosigners = []int64{g.deputies[i].id}
					break
				}
			}
		}
		return it
	case (it.source == SourceInspection && len(inspections) > 0) || (it.source == SourceGroup && len(groupActs) > 0):
		list := inspections
		if it.source == SourceGroup {
			list = groupActs
		}
		m := list[g.r.IntN(len(list))]
		it.srcMeeting, it.received, it.village = m, m.start, m.village
		for _, i := range m.present() {
			if g.deputies[i].town() {
				pool = append(pool, i)
			}
		}
		if len(pool) > 0 {
			lead = pool[g.r.IntN(len(pool))]
		}
	default:
		if it.source == SourceStation || it.source == SourceInspection || it.source == SourceGroup {
			it.source = SourceDeputy
		}
		it.received = g.yearDay(y, "01-01", "12-31")
	}
	if it.received > g.today {
		return nil
	}
	if lead < 0 {
		lead = g.pickTown(it.received)
	}
	it.lead = g.deputies[lead].id
	if it.village == "" || g.chance(0.3) {
		it.village = g.deputies[lead].village
	}
	it.scope = g.scope(false)
	g.cosign(it, pool, lead)
	g.text(it)
	return it
}
