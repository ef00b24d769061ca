package store

// The generated suggestions: who raised them, when, from which source and about what.

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// demoItem is a suggestion being generated. s is the item as the workflow methods see it, with every column
// they maintain; the rest is what only the generator needs, and the item's handling records until written.
type demoItem struct {
	s        Suggestion
	village  string
	assignOn Date // 人代会期间: the day of the 交办会
	steps    []Step
	replies  []Reply
	evals    []Evaluation
	follows  []FollowUpRecord
}

// demoStamp is the time a step was recorded: its day, in the morning, a few minutes after the previous step.
func demoStamp(d Date, k int) string {
	return fmt.Sprintf("%s %02d:%02d:00", d, 9+(k*7)/60%9, (k*7)%60)
}

// addStep adds st to the timeline, stamped when it was recorded; touch: the step changes the item's row.
func (it *demoItem) addStep(st Step, touch bool) {
	st.At = demoStamp(st.Date, len(it.steps))
	if st.Step == StepRehandle { // written in the same transaction as the evaluation
		st.At = it.steps[len(it.steps)-1].At
	}
	it.steps = append(it.steps, st)
	if touch {
		it.s.UpdatedAt = st.At
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
		sort.SliceStable(plan, func(a, b int) bool { return plan[a].s.Received < plan[b].s.Received })
		for k, it := range plan {
			it.s.Seq = k + 1
			it.s.Number = numbered(yearPrefix(it.s.Received), it.s.Seq)
			g.items = append(g.items, it)
			it.s.ID = int64(len(g.items))
		}
	}
}

// text fills in title and content from a template of the item's category.
func (g *demoGen) text(it *demoItem) {
	var w []float64
	for _, c := range demoCategories {
		w = append(w, c.weight)
	}
	it.s.Category = demoCategories[g.weighted(w...)].name
	tpls := demoTemplates[it.s.Category]
	tpl := tpls[g.r.IntN(len(tpls))]
	v2 := g.pick(g.villages)
	for v2 == it.village && len(g.villages) > 1 {
		v2 = g.pick(g.villages)
	}
	rp := strings.NewReplacer("{v}", it.village, "{v2}", v2, "{n}", ChineseNumber(g.between(1, 9)), "{t}", g.township,
		"{r}", g.pick(demoRivers))
	it.s.Title = rp.Replace(tpl.title)
	it.s.Content = rp.Replace(tpl.problem)
	advice := demoAdvice[it.s.Category]
	for _, k := range g.r.Perm(len(advice))[:g.between(0, 2)] {
		it.s.Content += advice[k]
	}
	if it.s.Priority == "" {
		it.s.Priority = "一般"
		if g.chance(0.1) {
			it.s.Priority = "重点"
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
	if it.s.Kind == KindMotion {
		k = 3
	}
	var out []int64
	for tries := 0; len(out) < k && tries < 40; tries++ {
		var i int
		if len(pool) > 0 {
			i = pool[g.r.IntN(len(pool))]
		} else {
			i = g.pickTown(it.s.Received)
		}
		id := g.deputies[i].id
		if i == lead || slices.Contains(out, id) || !g.deputies[i].inOffice(it.s.Received) {
			continue
		}
		out = append(out, id)
	}
	slices.Sort(out)
	it.s.CosignerIDs = out
}

func (g *demoGen) sessionItem(m *demoMeeting, pool []int) *demoItem {
	it := &demoItem{s: Suggestion{Kind: KindSuggestion, Period: PeriodSession, SessionID: m.id, Source: SourceDeputy, Received: m.start}, assignOn: m.assignDay}
	if g.chance(0.05) {
		it.s.Kind, it.s.Priority = KindMotion, "重点"
	}
	lead := g.pickTown(m.start)
	if len(pool) > 0 {
		lead = pool[g.r.IntN(len(pool))]
	}
	it.s.LeadDeputyID = g.deputies[lead].id
	it.village = g.deputies[lead].village
	if g.chance(0.4) {
		it.village = g.pick(g.villages)
	}
	it.s.Scope = g.scope(false)
	g.cosign(it, pool, lead)
	g.text(it)
	return it
}

var demoRecessSources = Sources

func (g *demoGen) recessItem(y int, recs []*demoReception, inspections, groupActs []*demoMeeting) *demoItem {
	it := &demoItem{s: Suggestion{Kind: KindSuggestion, Period: PeriodRecess}}
	it.s.Source = demoRecessSources[g.weighted(35, 8, 30, 12, 8, 5, 2)]
	var pool []int
	lead := -1
	switch {
	case it.s.Source == SourceStation && len(recs) > 0:
		rc := recs[g.r.IntN(len(recs))]
		it.s.Kind, it.s.StationID, it.s.ReceptionID, it.s.Received = KindVoter, rc.station.id, rc.id, rc.date
		it.village = rc.station.village
		it.s.VoterName = g.personName(g.chance(0.45))
		switch g.weighted(70, 15, 15) {
		case 0:
			it.s.VoterContact = g.phone()
		case 1:
			it.s.VoterContact = it.village + ChineseNumber(g.between(1, 9)) + "组"
		}
		if g.chance(0.7) {
			lead = rc.deputies[g.r.IntN(len(rc.deputies))]
			it.s.LeadDeputyID = g.deputies[lead].id
		}
		it.s.Scope = g.scope(true)
		g.text(it)
		if it.s.LeadDeputyID != 0 && len(rc.deputies) > 1 && g.chance(0.15) {
			for _, i := range rc.deputies {
				if i != lead {
					it.s.CosignerIDs = []int64{g.deputies[i].id}
					break
				}
			}
		}
		return it
	case (it.s.Source == SourceInspection && len(inspections) > 0) || (it.s.Source == SourceGroup && len(groupActs) > 0):
		list := inspections
		if it.s.Source == SourceGroup {
			list = groupActs
		}
		m := list[g.r.IntN(len(list))]
		it.s.SourceMeetingID, it.s.Received, it.village = m.id, m.start, m.village
		for _, i := range m.present() {
			if g.deputies[i].town() {
				pool = append(pool, i)
			}
		}
		if len(pool) > 0 {
			lead = pool[g.r.IntN(len(pool))]
		}
	default:
		if it.s.Source == SourceStation || it.s.Source == SourceInspection || it.s.Source == SourceGroup {
			it.s.Source = SourceDeputy
		}
		it.s.Received = g.yearDay(y, "01-01", "12-31")
	}
	if it.s.Received > g.today {
		return nil
	}
	if lead < 0 {
		lead = g.pickTown(it.s.Received)
	}
	it.s.LeadDeputyID = g.deputies[lead].id
	if it.village == "" || g.chance(0.3) {
		it.village = g.deputies[lead].village
	}
	it.s.Scope = g.scope(false)
	g.cosign(it, pool, lead)
	g.text(it)
	return it
}
