package store

// The supervision lists the yearly outputs print (ReportData.Supervision): the period's campaigns with their
// targets' results, the rectification items raised in the period as they stood on the report date, and the
// years' 民生实事 and 重点项目 with the tally of their 票决. The counts stay in Figures.Supervision.

// CampaignReport is one campaign of the period with its targets, their results and the items raised on each.
type CampaignReport struct {
	Campaign EvalCampaign
	Targets  []EvalTarget
	Results  []EvalResult // by Targets
	Raised   []int        // rectification items raised on each target
	Closed   []int        // … of them 已销号 on the report date
	Due      []Date       // the latest due date among each target's items
}

// RectReportRow is a rectification item raised in the period as it stood on the report date.
type RectReportRow struct {
	Rectification
	StateAsOf  string // the state on the report date
	DueAsOf    Date
	ClosedAsOf Date // the 销号 date when 已销号 on the report date
	GradeAsOf  string
}

// ProjectReportRow is a 民生实事 or 重点项目 of the period's years.
type ProjectReportRow struct {
	LivelihoodProject
	Voted     bool // its year's 票决 is recorded
	Candidate bool // a 民生实事 voted on
	Chosen    bool // chosen by the vote, or supervised without one (重点项目, a year without a 票决)
	Tied      bool
	Checks    []LivelihoodCheck
}

// SupervisionReport is the supervision the yearly outputs list.
type SupervisionReport struct {
	Campaigns      []CampaignReport
	Rectifications []RectReportRow
	Projects       []ProjectReportRow
}

// supervisionReport reads the lists of f's period as of f.AsOf.
func (tx *Tx) supervisionReport(f Figures) (SupervisionReport, error) {
	var out SupervisionReport
	from, last, asOf := f.From, f.last(), f.AsOf
	cs, _, err := tx.evalCampaigns(EvalCampaignFilter{Sort: "date"})
	if err != nil {
		return out, err
	}
	rows := map[int64]*RectReportRow{}
	var order []int64
	err = collect(tx, `SELECT r.id,
		coalesce((SELECT x.to_state FROM rectification_steps x WHERE x.rectification_id = r.id AND x.date <= ?3 ORDER BY x.date DESC, x.id DESC LIMIT 1), ''),
		coalesce((SELECT x.due FROM rectification_steps x WHERE x.rectification_id = r.id AND x.date <= ?3 ORDER BY x.date DESC, x.id DESC LIMIT 1), ''),
		coalesce((SELECT x.date FROM rectification_steps x WHERE x.rectification_id = r.id AND x.step = '销号' AND x.date <= ?3 ORDER BY x.date DESC, x.id DESC LIMIT 1), ''),
		coalesce((SELECT x.grade FROM rectification_steps x WHERE x.rectification_id = r.id AND x.step = '回头看' AND x.date <= ?3 ORDER BY x.date DESC, x.id DESC LIMIT 1), '')
		FROM rectifications r WHERE r.raised BETWEEN ?1 AND ?2 ORDER BY r.raised, r.id`, []any{from, last, asOf}, func(s scanner) error {
		var r RectReportRow
		if err := s.Scan(&r.ID, &r.StateAsOf, &r.DueAsOf, &r.ClosedAsOf, &r.GradeAsOf); err != nil {
			return err
		}
		if r.StateAsOf != RectClosed {
			r.ClosedAsOf = ""
		}
		rows[r.ID] = &r
		order = append(order, r.ID)
		return nil
	})
	if err != nil {
		return out, err
	}
	if len(order) > 0 {
		items, _, err := tx.rectifications(RectificationFilter{IDs: order})
		if err != nil {
			return out, err
		}
		for _, it := range items {
			rows[it.ID].Rectification = it
		}
		for _, id := range order {
			out.Rectifications = append(out.Rectifications, *rows[id])
		}
	}
	for _, c := range cs {
		if c.EvalDate < from || c.EvalDate > last {
			continue
		}
		cr := CampaignReport{Campaign: c}
		if cr.Targets, err = tx.evalTargets(c.ID); err != nil {
			return out, err
		}
		cr.Results = c.Results(cr.Targets)
		cr.Raised, cr.Closed, cr.Due = make([]int, len(cr.Targets)), make([]int, len(cr.Targets)), make([]Date, len(cr.Targets))
		at := map[int64]int{}
		for i, t := range cr.Targets {
			at[t.ID] = i
		}
		// Every item the campaign raised on a target, whenever raised; its state as of the report date.
		err := collect(tx, `SELECT r.target_id,
			coalesce((SELECT x.to_state FROM rectification_steps x WHERE x.rectification_id = r.id AND x.date <= ?2 ORDER BY x.date DESC, x.id DESC LIMIT 1), ''),
			coalesce((SELECT x.due FROM rectification_steps x WHERE x.rectification_id = r.id AND x.date <= ?2 ORDER BY x.date DESC, x.id DESC LIMIT 1), '')
			FROM rectifications r WHERE r.campaign_id = ?1 AND r.target_id IS NOT NULL AND r.raised <= ?2`, []any{c.ID, asOf},
			func(s scanner) error {
				var target int64
				var state string
				var due Date
				if err := s.Scan(&target, &state, &due); err != nil {
					return err
				}
				i, ok := at[target]
				if !ok {
					return nil
				}
				cr.Raised[i]++
				if state == RectClosed {
					cr.Closed[i]++
				}
				cr.Due[i] = max(cr.Due[i], due)
				return nil
			})
		if err != nil {
			return out, err
		}
		out.Campaigns = append(out.Campaigns, cr)
	}
	for y := from.Year(); y <= last.Year(); y++ {
		v, err := tx.livelihoodVote(y)
		if err != nil {
			return out, err
		}
		ps, _, err := tx.projects(ProjectFilter{Year: y})
		if err != nil {
			return out, err
		}
		var cands []LivelihoodProject
		for _, p := range ps {
			if p.Kind == ProjectLivelihood {
				cands = append(cands, p)
			}
		}
		tally := v.Tally(cands)
		chosen, tied := map[int64]bool{}, map[int64]bool{}
		for _, r := range tally.Rows {
			chosen[r.Project.ID], tied[r.Project.ID] = r.Chosen, r.Tied
		}
		for _, p := range ps {
			row := ProjectReportRow{LivelihoodProject: p, Voted: v.Saved, Candidate: v.Saved && p.Kind == ProjectLivelihood}
			row.Chosen = p.Kind == ProjectKey || !v.Saved || chosen[p.ID]
			row.Tied = tied[p.ID]
			if row.Checks, err = tx.livelihoodChecks(p.ID); err != nil {
				return out, err
			}
			out.Projects = append(out.Projects, row)
		}
	}
	return out, nil
}
