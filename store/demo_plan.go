package store

import (
	"fmt"
	"math/rand/v2"
)

// The demo's records of issue 22: the stations' monthly 公示 as posted. The work rules themselves are the
// migration's seeds; everything else they count (meetings, report-backs, opinion cards, bulletins) is already
// in the demo. Drawn from a stream of its own (demoPlanStream), so that the office above stays the same.

// demoPlanStream is the second word of the PCG state of issue 22's stream.
const demoPlanStream uint64 = 0x51A3D2C4B7E9F061

// writePlan writes the 公示 of every month whose 公示日 is past: usually on a working day before the 10th,
// now and then late, and about one month a year not recorded at all, so that the compliance table and the
// overview have a gap to show.
func (g *demoGen) writePlan(w *demoWriter) {
	r := rand.New(rand.NewPCG(uint64(g.seed), demoPlanStream))
	for _, y := range g.years {
		for mo := 1; mo <= 12; mo++ {
			if r.Float64() < 0.08 {
				continue // not posted (or not recorded)
			}
			day := r.IntN(8) + 3 // the 3rd to the 10th
			if r.Float64() < 0.1 {
				day = r.IntN(8) + 11 // late
			}
			posted := g.workday(Date(fmt.Sprintf("%04d-%02d-%02d", y, mo, day)))
			if posted > g.today {
				continue
			}
			shown := MonthOf(Date(fmt.Sprintf("%04d-%02d-01", y, mo))).Prev() // the month of receptions it shows
			w.exec(`INSERT INTO notice_posts (posted, month, notes, created_at) VALUES (?, ?, '', ?)`,
				string(posted), string(shown), string(posted)+" 16:00:00")
		}
	}
}
