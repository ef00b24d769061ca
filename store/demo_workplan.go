package store

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
)

// The demo's work plan (issue 22): each year's plan as the clerk would have made it — the draft of the work
// rules, a few supervision topics planned in their month, one item cancelled and one not done — and linked,
// as the clerk links them, to the records that did each planned item, now and then forgotten. Drawn from a
// stream of its own (demoWorkPlanStream), so that the office above stays the same.

// demoWorkPlanStream is the second word of the PCG state of the plan's stream.
const demoWorkPlanStream uint64 = 0x7C41E95A03D2B866

// writeWorkPlan writes the plan of every demo year, after the records it links to.
func (g *demoGen) writeWorkPlan(w *demoWriter) {
	if w.err != nil {
		return
	}
	r := rand.New(rand.NewPCG(uint64(g.seed), demoWorkPlanStream))
	for _, y := range g.years {
		items, err := w.tx.ruleDraft(y)
		if err != nil {
			w.err = err
			return
		}
		items = append(items, g.demoPlanTopics(r, y)...)
		for i := range items {
			p := &items[i]
			p.Sort = i + 1
			if p.Owner == "" {
				p.Owner = demoPlanOwner[p.Kind]
			}
			stamp := fmt.Sprintf("%04d-01-%02d 09:30:00", y, 5+r.IntN(10))
			var cancelled any
			if p.CancelledOn != "" {
				cancelled = string(p.CancelledOn)
			}
			w.exec(`INSERT INTO plan_items (year, kind, title, month, quarter, owner, notes, rule_id, group_id, sort, cancelled_on,
				cancel_reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, y, p.Kind, p.Title, p.Month,
				p.Quarter, p.Owner, p.Notes, nullID(p.RuleID), nullID(p.GroupID), p.Sort, cancelled, p.CancelReason, stamp, stamp)
		}
		if w.err != nil {
			return
		}
		g.linkDemoPlan(w, r, y)
		if w.err != nil {
			return
		}
	}
}

// demoPlanOwner is who is responsible for each kind of item in the demo office.
var demoPlanOwner = map[string]string{PlanMeeting: "人大主席", PlanActivity: "人大副主席", PlanSupervision: "人大副主席",
	PlanTraining: "人大办", PlanPublicity: "人大办", PlanOther: "人大办"}

// demoPlanTopics are the year's planned supervision topics — up to three of the year's 视察, 调研 and 执法检查,
// planned in their month — with one item cancelled and two without a record (one due in the fourth quarter,
// which 工作提醒 shows in the demo's November).
func (g *demoGen) demoPlanTopics(r *rand.Rand, y int) []PlanItem {
	var out []PlanItem
	for _, m := range g.meetings {
		if m.start.Year() != y || !slices.Contains([]string{MeetingInspect, MeetingResearch, MeetingLawCheck}, m.kind) {
			continue
		}
		if len(out) < 3 && r.Float64() < 0.6 {
			out = append(out, PlanItem{Year: y, Kind: PlanSupervision, Title: m.title, Month: int(m.start.Time().Month())})
		}
	}
	out = append(out, PlanItem{Year: y, Kind: PlanOther, Title: "编印代表履职手册", Quarter: 2},
		PlanItem{Year: y, Kind: PlanActivity, Title: "组织代表走访慰问困难群众", Quarter: 4},
		PlanItem{Year: y, Kind: PlanSupervision, Title: "开展家站点规范化建设专项督查", Quarter: 3})
	if last := out[len(out)-1]; Date(fmt.Sprintf("%04d-08-15", y)) <= g.today {
		last.CancelledOn, last.CancelReason = Date(fmt.Sprintf("%04d-08-15", y)), "并入县人大常委会统一督查"
		out[len(out)-1] = last
	}
	return out
}

// linkDemoPlan links the year's items to the records that did them: the first record of the item's kind in its
// time not linked yet (a group's activity: one of that group), about one in twelve left for the clerk to link.
func (g *demoGen) linkDemoPlan(w *demoWriter, r *rand.Rand, y int) {
	items, err := w.tx.planItems(y, 0)
	if err != nil {
		w.err = err
		return
	}
	group := map[int64]string{}
	for _, gr := range g.groups {
		group[gr.id] = gr.name
	}
	// The topics first: 代表视察 of the year would otherwise take the first 视察, which is a planned topic's.
	slices.SortStableFunc(items, func(a, b PlanItem) int { return boolRank(a.RuleID != 0) - boolRank(b.RuleID != 0) })
	// planCandidates lists every record of an item's kind in its span and which are taken, one query per source;
	// the year's 1 800 group activities (stress) asked it one by one took a third of the generation. Which
	// records an item may take depends only on its kind, rule and span, so each list is read once and the
	// links made here are remembered here (the items are new: nothing else of the year is linked). A group's
	// item takes the first of its group in date order, as from the list planCandidates sorts group-first.
	type candKey struct {
		kind     string
		rule     int64
		from, to Date
	}
	cached := map[candKey][]PlanRecord{} // lookups only
	taken := map[PlanRecord]bool{}       // by Kind and ID
	for _, p := range items {
		if p.CancelledOn != "" || r.Float64() < 0.08 {
			continue
		}
		span := p.Span()
		key := candKey{p.Kind, p.RuleID, span.From, span.To}
		cands, ok := cached[key]
		if !ok {
			q := p
			q.GroupID = 0 // in date order
			if cands, err = w.tx.planCandidates(q); err != nil {
				w.err = err
				return
			}
			cached[key] = cands
		}
		for _, c := range cands {
			id := PlanRecord{Kind: c.Kind, ID: c.ID}
			if taken[id] || c.Date > g.today || (p.GroupID != 0 && !strings.Contains(c.Title, group[p.GroupID])) {
				continue
			}
			if p.RuleID == 0 && !strings.Contains(c.Title, p.Title) {
				continue // an item of the clerk's own is done by a record of its own, not by any of its kind
			}
			w.exec(`UPDATE plan_items SET link_kind = ?, link_id = ? WHERE id = ?`, c.Kind, c.ID, p.ID)
			taken[id] = true
			break
		}
	}
}
