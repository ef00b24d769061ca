package store

import (
	"fmt"
	"math/rand/v2"
	"slices"
)

// The demo's 评先评优 (issue 22 part 4): for every year whose nominations are due (mid-November), the default
// categories with 名额 fitted to the office, each group nominating its members with the best 履职积分 and the
// presidium nominating the most active groups and some units, now and then one withdrawn; the presidium's
// decision at the year's last 主席团会议 already held, and the announcement at the next 人代会 already held. It
// reads the records already written (the same transaction) to rank, as the clerk reads the window's ranking —
// the demo's clerk follows the suggestion, which the program itself never does. Drawn from a stream of its own
// (demoAwardStream), so that the office above stays the same.

// demoAwardStream is the second word of the PCG state of the awards' stream.
const demoAwardStream uint64 = 0x3C6EF372FE94F82B

// writeAwards writes the selections. At the larger scales only the last three years get one: ranking every
// deputy of ten years would slow the stress demo for nothing the measures need.
func (g *demoGen) writeAwards(w *demoWriter) {
	if w.err != nil {
		return
	}
	r := rand.New(rand.NewPCG(uint64(g.seed), demoAwardStream))
	points, err := w.tx.dutyPoints()
	if err != nil {
		w.err = err
		return
	}
	years := g.years
	if g.scale != "township" && len(years) > 3 {
		years = years[len(years)-3:]
	}
	var selID, catID int64
	for _, y := range years {
		nominated := g.workday(Date(fmt.Sprintf("%04d-11-%02d", y, 10+r.IntN(8))))
		if nominated > g.today {
			continue
		}
		recs, err := w.tx.deputyRecords(y, 0)
		if err != nil {
			w.err = err
			return
		}
		scores := RankScores(recs, points)
		groups, err := w.tx.complianceGroups()
		if err != nil {
			w.err = err
			return
		}
		yp := YearPeriod(y)
		items, of, err := w.tx.groupActivities(MeasureMeeting+MeetingGroup, yp.From, yp.To, groups)
		if err != nil {
			w.err = err
			return
		}
		activity := map[int64]int{}
		for _, it := range items {
			for _, gid := range of[it.ID] {
				activity[gid]++
			}
		}
		selID++
		stamp := string(nominated) + " 10:00:00"
		w.exec(`INSERT INTO award_selections (id, year, notes, created_at, updated_at) VALUES (?, ?, '', ?, ?)`, selID, y, stamp, stamp)
		cats := []AwardCategory{
			{Name: "先进代表小组", Candidate: CandidateGroup, Quota: max(1, len(groups)/4)},
			{Name: "优秀人大代表", Candidate: CandidateDeputy, Quota: max(1, len(scores)/8)},
			{Name: "优秀为民代表", Candidate: CandidateDeputy, Quota: max(1, len(scores)/15)},
			{Name: "人大代表满意单位", Candidate: CandidateUnit, Quota: 3},
		}
		type nom struct {
			cat    int
			col    string
			id     int64
			name   string
			by     string
			deeds  string
			weight int // the demo clerk's reading of the suggestion: score or activities
		}
		var noms []nom
		// Each group nominates its two best-scored members for 优秀人大代表 and its third for 优秀为民代表; the
		// deputies of no group are the presidium's to nominate.
		taken := map[int64]int{}
		for _, s := range scores {
			d := s.Record.Deputy
			if d.Status != DeputyActive {
				continue
			}
			by := d.GroupName
			key := d.GroupID
			if by == "" {
				by, key = AwardNominatorPresidium, 0
			}
			k := taken[key]
			taken[key]++
			cat := -1
			switch {
			case k < 2:
				cat = 1
			case k == 2:
				cat = 2
			}
			if cat < 0 || (key == 0 && k > 0) {
				continue
			}
			rec := s.Record
			deeds := fmt.Sprintf("%d年出席会议和活动%d次，领衔提出建议%d件、联名%d件，进站接待选民%d次，走访联系选民%d次。%s",
				y, rec.Total.Present, rec.Led, rec.Cosigned, rec.Receptions, rec.Visits, demoDeeds[r.IntN(len(demoDeeds))])
			noms = append(noms, nom{cat, "deputy_id", d.ID, d.Name, by, deeds, s.Total})
		}
		ranked := slices.Clone(groups)
		slices.SortStableFunc(ranked, func(a, b Group) int { return activity[b.ID] - activity[a.ID] })
		for i, gr := range ranked {
			if i > cats[0].Quota {
				break
			}
			noms = append(noms, nom{0, "group_id", gr.ID, gr.Name, AwardNominatorPresidium,
				fmt.Sprintf("%d年开展代表小组活动%d次，组织代表进站接待选民、视察调研，收集反映群众意见建议。", y, activity[gr.ID]), activity[gr.ID]})
		}
		var units []*demoUnit
		for _, u := range g.units {
			if u.kind == "镇属部门" || u.kind == "站所" {
				units = append(units, u)
			}
		}
		for i := 0; i < min(len(units), cats[3].Quota+1); i++ {
			u := units[r.IntN(len(units))]
			if slices.ContainsFunc(noms, func(n nom) bool { return n.cat == 3 && n.id == u.id }) {
				continue
			}
			noms = append(noms, nom{3, "unit_id", u.id, u.name, AwardNominatorPresidium,
				"认真办理代表建议，按时答复，代表满意度高。", r.IntN(100)})
		}
		if len(units) == 0 {
			cats = cats[:3]
		}
		firstCat := catID + 1
		for i, c := range cats {
			catID++
			w.exec(`INSERT INTO award_categories (id, selection_id, name, candidate, quota, sort) VALUES (?, ?, ?, ?, ?, ?)`,
				catID, selID, c.Name, c.Candidate, c.Quota, i+1)
		}

		// The decision: the first 主席团会议 after the nominations (often the next January's), if held by today;
		// the announcement at the next 人代会 after it, if held by today (「在次年人代会上进行表彰」).
		var decision, announce *demoMeeting
		for _, m := range g.meetings {
			switch {
			case m.start > g.today:
			case m.kind == MeetingPresidium && m.start > nominated && (decision == nil || m.start < decision.start):
				decision = m
			}
		}
		for _, m := range g.meetings {
			if m.kind == MeetingCongress && decision != nil && m.start > decision.start && m.start <= g.today &&
				(announce == nil || m.start < announce.start) {
				announce = m
			}
		}
		chosen := map[int]int{} // category → chosen so far
		for k, n := range noms {
			withdrawn := r.Float64() < 0.04
			elected := false
			if decision != nil && !withdrawn && chosen[n.cat] < cats[n.cat].Quota {
				// Nominations are in the order of the suggestion within each category, so the best come first.
				elected = r.Float64() < 0.85
			}
			if elected {
				chosen[n.cat]++
			}
			note := ""
			if withdrawn {
				note = "本人申请不参加评选"
			}
			w.exec(`INSERT INTO award_nominations (category_id, `+n.col+`, candidate_name, nominator, deeds, opinion, review,
				withdrawn, withdraw_note, elected, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				firstCat+int64(n.cat), n.id, n.name, n.by, n.deeds, "同意推荐。", demoReviews[k%len(demoReviews)],
				withdrawn, note, elected, stamp, stamp)
		}
		if decision != nil {
			ann, annDate := any(nil), ""
			if announce != nil {
				ann, annDate = announce.id, string(announce.start)
			}
			w.exec(`UPDATE award_selections SET decision_meeting_id = ?, decision_date = ?, announce_meeting_id = ?, announce_date = ?
				WHERE id = ?`, decision.id, string(decision.start), ann, annDate, selID)
		}
	}
}

// demoDeeds close a deputy's 主要事迹.
var demoDeeds = []string{
	"带头参加村道硬化和人居环境整治，协调解决群众反映的实际困难。",
	"坚持每月进站接待选民，认真听取群众意见，推动解决饮水安全问题。",
	"积极参加视察调研，提出的建议被有关部门采纳。",
	"热心公益事业，帮助困难群众就业增收。",
}

// demoReviews are the office's 审核意见.
var demoReviews = []string{"经考察，事迹属实，同意推荐。", "经考察，履职情况良好，同意推荐。", "情况属实，同意提交主席团会议讨论。"}
