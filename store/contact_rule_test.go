package store

import (
	"context"
	"testing"
	"time"
)

// The contact norm has one definition: the report text's 「N名代表中有M名」 (Figures.Contact), T10's 达标 column
// (DeputyRecord) and 概览's list of those behind (ContactStatuses) count the same deputies — in office on the
// counted day, each once whatever their levels — against the same number of visits: the yearly norm for a
// closed year, the norm to date in the current one.
func TestContactNormOneRule(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	db.Now = func() time.Time { return demoTestToday } // 2025-10-15
	if _, err := db.GenerateDemo(ctx, DemoOptions{Seed: 1}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name           string
		from, to, asOf Date
		closed         bool
	}{
		{"closed year", "2024-01-01", "2024-12-31", "", true},
		{"current year to date", "2025-01-01", "2025-12-31", "", false},
		{"current year as of May", "2025-01-01", "2025-12-31", "2025-05-31", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			rep, err := db.LoadReport(ctx, c.from, c.to, c.asOf)
			if err != nil {
				t.Fatal(err)
			}
			cf := rep.Figures.Contact
			counted, met, prorated := 0, 0, 0
			for _, r := range rep.Records {
				if !r.ContactCounted() {
					if r.VisitsBehind() {
						t.Errorf("%s is out of office on %s but counted behind", r.Deputy.Name, cf.ContactOn)
					}
					continue
				}
				counted++
				if !r.VisitsBehind() {
					met++
					if r.Visits < r.VisitNorm {
						prorated++
					}
				}
			}
			if counted != cf.ContactDeputies || met != cf.ContactMet || counted == 0 {
				t.Errorf("T10 counts %d of %d deputies meeting the norm, the text %d of %d", met, counted, cf.ContactMet, cf.ContactDeputies)
			}
			behind, err := db.ContactStatuses(ctx, rep.Figures.CountedOn(), true)
			if err != nil {
				t.Fatal(err)
			}
			if len(behind) != counted-met {
				t.Errorf("概览 lists %d behind, T10 %d", len(behind), counted-met)
			}
			if cf.YearClosed() != c.closed {
				t.Errorf("year closed: %v on %s", cf.YearClosed(), cf.ContactOn)
			}
			if c.closed && (prorated != 0 || cf.VisitsDue != cf.VisitNorm) {
				t.Errorf("a closed year: %d deputies met the norm with fewer than %d visits (due %d)", prorated, cf.VisitNorm, cf.VisitsDue)
			}
			// By the end of May one visit of two is due: a deputy with one is on track, counted met.
			if c.asOf == "2025-05-31" && (cf.VisitsDue != 1 || prorated == 0) {
				t.Errorf("as of May: due %d, %d deputies on track with fewer visits than the yearly %d", cf.VisitsDue, prorated, cf.VisitNorm)
			}
		})
	}
}
