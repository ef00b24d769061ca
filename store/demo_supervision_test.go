package store

import (
	"context"
	"fmt"
	"slices"
	"testing"
)

// TestDemoSupervision: every demo year has a campaign with counted ballots, rectification items at every stage,
// an inquiry and a 票决 of 12 candidates with 10 chosen; and every record is one the store's own checks and
// steps would accept — the rows as the methods would have left them.
func TestDemoSupervision(t *testing.T) {
	ctx := context.Background()
	db, _ := demoDB(t, DemoTownship, 1, demoTestToday)
	today := DateOf(demoTestToday)
	for _, y := range []int{2023, 2024, 2025} {
		t.Run(fmt.Sprint(y), func(t *testing.T) {
			cs, n, err := db.EvalCampaigns(ctx, EvalCampaignFilter{Year: y})
			must(t, err)
			if n == 0 && y < 2025 {
				t.Fatalf("no campaign in %d", y)
			}
			for _, c := range cs {
				ts, err := db.EvalTargets(ctx, c.ID)
				must(t, err)
				if len(ts) < 4 || c.Counted != len(ts) || c.MeetingID == 0 {
					t.Errorf("%s: %d targets, %d counted, meeting %d", c.Title, len(ts), c.Counted, c.MeetingID)
				}
				cc := c
				must(t, cc.Validate())
				must(t, ValidateTargets(c, ts))
				m, err := db.Meeting(ctx, c.MeetingID)
				must(t, err)
				if m.Start != c.EvalDate || (m.Kind != MeetingWorkEval && m.Kind != MeetingReportEval) || ts[0].Issued != m.Present {
					t.Errorf("%s: meeting %s %s with %d present, ballots %d", c.Title, m.Kind, m.Start, m.Present, ts[0].Issued)
				}
			}
			f, err := db.YearFigures(ctx, y, "")
			must(t, err)
			s := f.Supervision
			if y < 2025 && (s.Count(SupRectRaised) == 0 || s.Count(SupRectClosed) == 0 || s.Count(SupRectReviewed) == 0) {
				t.Errorf("%d: raised %d closed %d reviewed %d", y, s.Count(SupRectRaised), s.Count(SupRectClosed), s.Count(SupRectReviewed))
			}
			if s.Count(SupVotes) != 1 || s.Count(SupCandidates) != 12 || s.Count(SupChosen) != 10 || s.Count(SupInquiries) == 0 {
				t.Errorf("%d: votes %d candidates %d chosen %d inquiries %d", y, s.Count(SupVotes), s.Count(SupCandidates),
					s.Count(SupChosen), s.Count(SupInquiries))
			}
		})
	}
	rs, _, err := db.Rectifications(ctx, RectificationFilter{})
	must(t, err)
	states := map[string]int{}
	for _, r := range rs {
		states[r.State]++
		rr := r
		if err := rr.Validate(); err != nil {
			t.Errorf("item %d: %v", r.ID, err)
		}
		steps, err := db.RectTimeline(ctx, r.ID)
		must(t, err)
		lastStep := steps[len(steps)-1]
		if steps[0].Step != RectStepRegister || steps[0].Date != r.Raised || lastStep.ToState != r.State {
			t.Errorf("item %d: timeline %+v ends %s, state %s", r.ID, steps, lastStep.ToState, r.State)
		}
		for i, st := range steps {
			if st.Date > today || (i > 0 && st.Date < steps[i-1].Date) || (i > 0 && st.FromState != steps[i-1].ToState) {
				t.Errorf("item %d step %d %+v out of order", r.ID, i, st)
			}
			if i > 0 && !slices.Contains(Rectification{State: steps[i-1].ToState}.RectNextSteps(), st.Step) && st.Step != RectStepReopen {
				t.Errorf("item %d: %s after %s is not a legal step", r.ID, st.Step, steps[i-1].ToState)
			}
		}
		if (r.State == RectClosed) != (r.Closed != "") || r.State != RectOpen && r.Started == "" {
			t.Errorf("item %d: state %s closed %q started %q", r.ID, r.State, r.Closed, r.Started)
		}
	}
	for _, s := range RectStates {
		if states[s] == 0 {
			t.Errorf("no item %s: %v", s, states)
		}
	}
	var reopened int
	must(t, db.SQL().QueryRow(`SELECT count(*) FROM rectification_steps WHERE step = '重新整改'`).Scan(&reopened))
	ps, _, err := db.LivelihoodProjects(ctx, ProjectFilter{})
	must(t, err)
	done := 0
	for _, p := range ps {
		pp := p
		if err := pp.Validate(); err != nil {
			t.Errorf("project %s: %v", p.Name, err)
		}
		if p.Status == ProjectDone {
			done++
		}
	}
	if done == 0 || len(ps) != 3*14 {
		t.Errorf("%d projects, %d done", len(ps), done)
	}
	t.Logf("items by state %v, %d reopened after a 回头看, %d projects (%d done)", states, reopened, len(ps), done)
}
