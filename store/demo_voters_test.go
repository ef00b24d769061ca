package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// The township demo has the contact with the public a newcomer should see: receptions with named voters and
// issues of every route, petitions in every state (some overdue, some referred cases reported and some not),
// a schedule with days kept and days missed, deputies' visits (some behind), opinion cards and bulletins.
func TestDemoVoters(t *testing.T) {
	db, _ := demoDB(t, DemoTownship, 1, demoTestToday)
	today := DateOf(demoTestToday)
	for _, c := range []struct {
		what     string
		q        string
		min, max int
	}{
		{"issues answered on the spot", `SELECT count(*) FROM reception_issues WHERE route = '当场解释答复' AND result != ''`, 50, 2000},
		{"issues passed to a village", `SELECT count(*) FROM reception_issues WHERE route = '转村(居)' AND referred_to LIKE '%委会'`, 20, 2000},
		{"issues passed to the office", `SELECT count(*) FROM reception_issues WHERE route = '转镇人大主席团'`, 20, 2000},
		{"issues registered as petitions", `SELECT count(*) FROM reception_issues WHERE route = '转信访' AND petition_id IS NOT NULL`, 5, 500},
		{"issues not decided", `SELECT count(*) FROM reception_issues WHERE route = ''`, 5, 500},
		{"every voter item from a reception is one of its issues", `SELECT count(*) FROM suggestions s WHERE s.reception_id IS NOT NULL
			AND NOT EXISTS (SELECT 1 FROM reception_issues i WHERE i.suggestion_id = s.id AND i.reception_id = s.reception_id AND i.route = '转为建议')`, 0, 0},
		{"named voters within 人次", `SELECT count(*) FROM receptions r WHERE (SELECT count(*) FROM reception_voters WHERE reception_id = r.id) > r.voters`, 0, 0},
		{"letters", `SELECT count(*) FROM petitions WHERE channel IN ('来信', '代表信箱') AND year = 2024`, 12, 25},
		{"visits", `SELECT count(*) FROM petitions WHERE channel IN ('来访', '接待日', '工作站') AND year = 2024`, 20, 60},
		{"group visits", `SELECT count(*) FROM petitions WHERE group_visit = 1 AND visitors >= 5`, 1, 30},
		{"petitions overdue today", `SELECT count(*) FROM petitions WHERE state = '办理中' AND deadline < ?`, 0, 30},
		{"petitions being handled", `SELECT count(*) FROM petitions WHERE state = '办理中'`, 1, 40},
		{"extended", `SELECT count(*) FROM petition_steps WHERE step = '延期'`, 1, 100},
		{"late replies", `SELECT count(*) FROM petition_steps WHERE step = '答复' AND detail LIKE '%超过办结时限%'`, 1, 100},
		{"referred cases reported", `SELECT count(*) FROM petitions WHERE channel = '上级人大批转' AND reported IS NOT NULL`, 3, 20},
		{"past duty days kept", `SELECT count(*) FROM duty_days u WHERE u.date < ? AND ` + dutyRecorded, 10, 500},
		{"past duty days missed", `SELECT count(*) FROM duty_days u WHERE u.date < ? AND NOT ` + dutyRecorded, 1, 200},
		{"next month's schedule", `SELECT count(*) FROM duty_days WHERE date > '2025-10-31'`, 20, 300},
		{"visits naming a suggestion", `SELECT count(*) FROM visit_items WHERE suggestion_id IS NOT NULL`, 5, 300},
		{"card opinions naming a suggestion", `SELECT count(*) FROM opinion_card_items WHERE suggestion_id IS NOT NULL`, 5, 100},
		{"bulletins numbered from 1 each year", `SELECT count(*) FROM (SELECT year FROM bulletins GROUP BY year HAVING min(issue_no) != 1 OR max(issue_no) != count(*))`, 0, 0},
	} {
		args := []any{}
		if strings.Contains(c.q, "?") {
			args = append(args, today)
		}
		if n := demoCount(t, db, c.q, args...); n < c.min || n > c.max {
			t.Errorf("%s: %d, want %d–%d", c.what, n, c.min, c.max)
		}
	}
	fig, err := db.YearFigures(context.Background(), 2024, "")
	must(t, err)
	c := fig.Contact
	t.Logf("2024: 来信%d件，来访%d起%d人次；联系选民达标%d/%d", c.N(CKLetters), c.N(CKVisits), c.Sum(CKVisits), c.ContactMet, c.ContactDeputies)
	if c.ContactMet == 0 || c.ContactMet == c.ContactDeputies {
		t.Errorf("voter contact: %d of %d deputies met the norm; the demo should show both", c.ContactMet, c.ContactDeputies)
	}
	if c.N(CKIssues) == 0 || c.N(CKIssues) != c.N(IssueRouteKey(RouteExplained))+c.N(IssueRouteKey(RouteVillage))+
		c.N(IssueRouteKey(RoutePresidium))+c.N(IssueRouteKey(RouteSuggestion))+c.N(IssueRouteKey(RoutePetition))+c.N(IssueRouteKey(RouteUndecided)) {
		t.Errorf("issues by route do not add up: %v", c.Counts)
	}
}

// Every generated petition is what the step methods would have written: it replays through them into the
// same row and the same timeline.
func TestDemoPetitionsMatchTheSteps(t *testing.T) {
	ctx := context.Background()
	a, _ := demoDB(t, DemoTownship, 11, demoTestToday)
	b, _ := demoDB(t, DemoTownship, 11, demoTestToday)
	if _, err := b.SQL().Exec(`DELETE FROM petitions`); err != nil {
		t.Fatal(err)
	}
	at := func(stamp string) {
		t.Helper()
		tm, err := time.ParseInLocation("2006-01-02 15:04:05", stamp, time.Local)
		if err != nil {
			t.Fatalf("stamp %q: %v", stamp, err)
		}
		b.Now = func() time.Time { return tm }
	}
	ps, _, err := a.Petitions(ctx, PetitionFilter{Sort: "number"})
	must(t, err)
	seen := map[string]int{}
	for _, p := range ps {
		steps, err := a.PetitionTimeline(ctx, p.ID)
		must(t, err)
		np := Petition{Number: p.Number, Received: p.Received, Channel: p.Channel, Visitors: p.Visitors, GroupVisit: p.GroupVisit,
			Subject: p.Subject, Content: p.Content, Category: p.Category, Petitioner: p.Petitioner, Village: p.Village, Contact: p.Contact,
			KeyCase: p.KeyCase, Leapfrog: p.Leapfrog, ReferralFrom: p.ReferralFrom, ReferralNo: p.ReferralNo, ReportDue: p.ReportDue}
		_ = a.SQL().QueryRow(`SELECT id FROM reception_issues WHERE petition_id = ?`, p.ID).Scan(&np.FromIssue)
		at(steps[0].At)
		if err := b.SavePetition(ctx, &np); err != nil || np.ID != p.ID {
			t.Fatalf("%s: register: id %d, %v", p.Number, np.ID, err)
		}
		for _, st := range steps[1:] {
			seen[st.Step]++
			at(st.At)
			var err error
			switch st.Step {
			case PStepOnSpot:
				err = b.OnSpot(ctx, p.ID, st.Date, p.Reply)
			case PStepRefer:
				err = b.Refer(ctx, p.ID, ReferInput{UnitID: p.UnitID, Responsible: p.Responsible, Date: st.Date})
			case PStepUrge:
				err = b.Urge(ctx, p.ID, st.Date, st.Detail)
			case PStepExtend:
				reason := st.Detail[strings.Index(st.Detail, "理由: ")+len("理由: "):]
				err = b.ExtendPetition(ctx, p.ID, p.Deadline, reason, st.Date)
			case PStepReply:
				err = b.ReplyPetition(ctx, p.ID, st.Date, p.Reply)
			case PStepFeedback:
				err = b.Feedback(ctx, p.ID, st.Date, p.FeedbackHow)
			case PStepClose:
				err = b.ClosePetition(ctx, p.ID, st.Date)
			case PStepReport:
				err = b.ReportResult(ctx, p.ID, st.Date, "书面报告")
			default:
				t.Fatalf("%s: unknown step %s", p.Number, st.Step)
			}
			if err != nil {
				t.Fatalf("%s: the steps refuse %s on %s: %v", p.Number, st.Step, st.Date, err)
			}
		}
		got, err := b.Petition(ctx, p.ID)
		must(t, err)
		if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", p) {
			t.Fatalf("%s: replayed row differs:\n got %+v\nwant %+v", p.Number, got, p)
		}
		gotSteps, err := b.PetitionTimeline(ctx, p.ID)
		must(t, err)
		for i := range steps {
			if i >= len(gotSteps) {
				t.Fatalf("%s: replay has %d steps, generated %d", p.Number, len(gotSteps), len(steps))
			}
			g, w := gotSteps[i], steps[i]
			g.ID, w.ID = 0, 0
			if g != w {
				t.Fatalf("%s: step %d differs:\n got %+v\nwant %+v", p.Number, i+1, g, w)
			}
		}
	}
	for _, k := range []string{PStepOnSpot, PStepRefer, PStepUrge, PStepExtend, PStepReply, PStepFeedback, PStepClose, PStepReport} {
		if seen[k] == 0 {
			t.Errorf("no generated petition has a %s step to compare", k)
		}
	}
	t.Logf("replayed %d petitions: %v", len(ps), seen)
}
