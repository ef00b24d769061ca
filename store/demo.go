package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"runtime/debug"
	"strings"
)

// The demo-data generator (SPEC §7 「载入示例数据」, §8 `demo`, §9 datasets): a whole office — settings, villages,
// units, terms, deputies with groups and roles, stations with receptions, meetings with attendance, agenda,
// resolutions and elections, report-backs, and three (or ten) years of suggestions taken through the workflow.
//
// Rows are written directly with prepared statements in one transaction (the per-record Save*/workflow methods
// would take minutes at the stress scale), but every suggestion is first simulated step by step with the same
// rules as workflow.go — NextSteps decides which step is legal, Rules computes the deadlines, and the functions
// of steps.go, which the workflow methods apply too, change the item's columns and word its timeline entries —
// so the rows are the ones the workflow methods would have written (TestDemoMatchesWorkflowReplay replays them).
// Output depends only on the seed and Today: one PCG stream, no map iteration, no clock, no goroutines.

// The demo dataset sizes of SPEC §9.
const (
	DemoTownship = "township" // one township office, 3 years
	DemoCounty   = "county"   // about 20 townships' worth
	DemoStress   = "stress"   // 10 years of 10 000 items, 5 000 deputies
)

// DemoScales lists the dataset sizes, smallest first.
var DemoScales = []string{DemoTownship, DemoCounty, DemoStress}

// DemoOptions configures GenerateDemo.
type DemoOptions struct {
	Scale    string                // one of DemoScales; "" is DemoTownship
	Seed     int64                 // the same seed and Today give byte-identical tables
	Today    Date                  // the generated office's "today"; "" = DateOf(db.Now())
	Progress func(done, total int) // optional, called from the generating goroutine
	// Township and Code name the generated township (default 青山镇, no code) and Size scales the township
	// dataset (deputies, stations, items, meetings; 0 = 1): the county demo makes townships of different
	// names and sizes (issue 19).
	Township, Code string
	Size           float64
}

// DemoStats reports what was generated: row counts per table name.
type DemoStats struct{ Rows map[string]int }

// demoTownship is the generated office's township.
const demoTownship = "青山镇"

// demoPCGStream is the second word of the PCG state (the seed is the first).
const demoPCGStream uint64 = 0x9E3779B97F4A7C15

// demoScale sizes a dataset (SPEC §9).
type demoScale struct {
	deputies, stations, units, villages, groups, presidium int
	years                                                  int
	perYear                                                int // suggestions a year
	meetingsPerYear                                        int
	receptionsPerStation                                   int // a year
}

func demoScaleOf(name string) (demoScale, bool) {
	switch name {
	case "", DemoTownship:
		// units 0: the town's departments, five county bureaus and the village committees (≈ 40).
		return demoScale{deputies: 75, stations: 30, units: 0, villages: 18, groups: 7, presidium: 9,
			years: 3, perYear: 250, meetingsPerYear: 70, receptionsPerStation: 6}, true
	case DemoCounty:
		return demoScale{deputies: 1500, stations: 600, units: 800, villages: 300, groups: 136, presidium: 15,
			years: 3, perYear: 5000, meetingsPerYear: 1400, receptionsPerStation: 6}, true
	case DemoStress:
		return demoScale{deputies: 5000, stations: 2000, units: 1500, villages: 600, groups: 450, presidium: 21,
			years: 10, perYear: 10000, meetingsPerYear: 2000, receptionsPerStation: 3}, true
	}
	return demoScale{}, false
}

// sized scales a dataset's people, places and records by f (0.4 and more: below it a township has too few
// deputies of long standing for its presidium), keeping at least one of each.
func (sc demoScale) sized(f float64) demoScale {
	n := func(v int) int {
		if v == 0 {
			return 0
		}
		return max(1, int(float64(v)*f+0.5))
	}
	sc.deputies, sc.stations, sc.villages = n(sc.deputies), n(sc.stations), max(n(sc.villages), 3)
	sc.groups, sc.perYear, sc.meetingsPerYear = n(sc.groups), n(sc.perYear), n(sc.meetingsPerYear)
	// The presidium is drawn from town deputies of long standing: a small township has a small one.
	sc.presidium = min(sc.presidium, max(5, sc.deputies/8))
	return sc
}

// GenerateDemo fills an empty database with a realistic generated office (SPEC §9 datasets) in one
// transaction. A database that already has records is refused.
func (db *DB) GenerateDemo(ctx context.Context, opt DemoOptions) (DemoStats, error) {
	scale := cmp.Or(opt.Scale, DemoTownship)
	sc, ok := demoScaleOf(scale)
	if !ok {
		return DemoStats{}, Errorf(EINVALID, "未知的示例数据规模「%s」，只能是 township(乡镇)、county(县级) 或 stress(压力测试)", opt.Scale)
	}
	today := opt.Today
	if today == "" {
		today = DateOf(db.Now())
	}
	if !today.Valid() || today.Year() < 2000 || today.Year() > 2200 {
		return DemoStats{}, Errorf(EINVALID, "示例数据的当前日期「%s」无效", string(today))
	}
	tx, err := db.begin(ctx)
	if err != nil {
		return DemoStats{}, err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM deputies) + (SELECT count(*) FROM suggestions)
		+ (SELECT count(*) FROM meetings) + (SELECT count(*) FROM stations) + (SELECT count(*) FROM units)
		+ (SELECT count(*) FROM terms) + (SELECT count(*) FROM deputy_groups) + (SELECT count(*) FROM receptions)
		+ (SELECT count(*) FROM report_backs)`).Scan(&n); err != nil {
		return DemoStats{}, fmt.Errorf("检查数据库: %w", err)
	}
	if n > 0 {
		return DemoStats{}, Errorf(ECONFLICT, "数据库中已有数据，示例数据只能载入空数据库")
	}

	if scale == DemoStress {
		// The generated office is held in memory until written, and every garbage collection marks all of it
		// again: a sixth of the CPU time at the default GOGC. Collecting at four times the live heap instead of
		// twice is fewer passes over it (peak RSS 0.57 → 1.1 GB at this scale only); put back when done.
		defer debug.SetGCPercent(debug.SetGCPercent(300))
	}
	// The transaction writes the whole file (340 MB at the stress scale) before it commits: with SQLite's
	// default 2 MB page cache the pages of the growing tables and indexes were spilled to the WAL and read
	// back from it again and again (a sixth of the stress generation's CPU). 32 MB holds what the inserts
	// revisit (more saved nothing more and costs a syscall per page); put back before the commit (a failed
	// generation leaves it on its connection: a bound, not memory held).
	var cacheSize int
	if err := tx.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&cacheSize); err != nil {
		return DemoStats{}, err
	}
	if _, err := tx.ExecContext(ctx, `PRAGMA cache_size = -32768`); err != nil {
		return DemoStats{}, err
	}
	if opt.Size != 0 && (opt.Size < 0.4 || opt.Size > 4) {
		return DemoStats{}, Errorf(EINVALID, "示例数据的规模倍数应在0.4到4之间")
	}
	if opt.Size > 0 && opt.Size != 1 {
		sc = sc.sized(opt.Size)
	}
	g := newDemoGen(sc, scale, opt.Seed, today)
	town := cmp.Or(opt.Township, demoTownship)
	g.township = town
	for _, kv := range [][2]string{{"office_name", town + "人大主席团"}, {"township", town}, {"township_code", opt.Code},
		{"upper_congress", "青川县人大常委会"}, {"clerk_name", g.clerk}, {"numbering", "year"}, {"initialized", "1"}} {
		if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, kv[0], kv[1]); err != nil {
			return DemoStats{}, fmt.Errorf("保存设置: %w", err)
		}
	}
	// The workflow methods read their rules from the database (settings and holiday calendar); so do we.
	if g.rules, err = tx.rules(); err != nil {
		return DemoStats{}, err
	}
	if err := g.build(); err != nil {
		return DemoStats{}, err
	}
	w := &demoWriter{ctx: ctx, tx: tx, stmts: map[string]*sql.Stmt{}, progress: opt.Progress}
	w.total = g.rowCount() + len(g.items) // the last share is the search index
	if opt.Progress != nil {
		opt.Progress(0, w.total)
	}
	g.write(w)
	w.close()
	if g.err != nil {
		return DemoStats{}, fmt.Errorf("生成示例数据时出现内部错误: %w", g.err)
	}
	if w.err != nil {
		return DemoStats{}, fmt.Errorf("写入示例数据: %w", w.err)
	}
	if err := tx.rebuildSearch(); err != nil {
		return DemoStats{}, fmt.Errorf("建立搜索索引: %w", err)
	}
	stats, err := demoCounts(tx)
	if err != nil {
		return DemoStats{}, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO history (at, entity, entity_id, action, label, changes) VALUES (?, ?, 0, ?, ?, ?)`,
		string(today)+" 09:00:00", "database", ActionCreate, "载入示例数据", g.summary(stats)); err != nil {
		return DemoStats{}, fmt.Errorf("记录历史: %w", err)
	}
	stats.Rows["history"]++
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = %d`, cacheSize)); err != nil {
		return DemoStats{}, err
	}
	if err := tx.Commit(); err != nil {
		return DemoStats{}, fmt.Errorf("保存示例数据: %w", err)
	}
	if opt.Progress != nil {
		opt.Progress(w.total, w.total)
	}
	return stats, nil
}

// demoCounts counts the rows of every ordinary table (not the search indexes).
func demoCounts(tx *Tx) (DemoStats, error) {
	st := DemoStats{Rows: map[string]int{}}
	var names []string
	if err := collect(tx, `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'
		AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE '%\_fts\_%' ESCAPE '\' ORDER BY name`, nil, func(s scanner) error {
		var n string
		err := s.Scan(&n)
		names = append(names, n)
		return err
	}); err != nil {
		return st, err
	}
	for _, n := range names {
		var c int
		if err := tx.QueryRow(`SELECT count(*) FROM "` + n + `"`).Scan(&c); err != nil {
			return st, err
		}
		st.Rows[n] = c
	}
	return st, nil
}

func (g *demoGen) summary(st DemoStats) string {
	lines := []string{fmt.Sprintf("规模: %s；随机种子: %d；截至: %s", g.scale, g.seed, g.today.Chinese())}
	for _, x := range []struct{ label, table string }{{"代表", "deputies"}, {"代表小组", "deputy_groups"}, {"联络站", "stations"},
		{"接待选民记录", "receptions"}, {"承办单位", "units"}, {"会议与活动", "meetings"}, {"出席记录", "attendance"},
		{"述职评议", "report_backs"}, {"信访", "petitions"}, {"建议", "suggestions"}, {"答复", "replies"}, {"评价", "evaluations"}, {"办理步骤", "suggestion_steps"},
		{"评议活动", "eval_campaigns"}, {"整改事项", "rectifications"}, {"专题询问", "inquiries"}, {"民生实事项目", "livelihood_projects"}} {
		lines = append(lines, fmt.Sprintf("%s: %d", x.label, st.Rows[x.table]))
	}
	return strings.Join(lines, "\n")
}

// demoGen is the generator: its random stream and rules, and the office it builds in memory before writing it.
type demoGen struct {
	township string // the township's name (DemoOptions.Township)
	r        *rand.Rand
	sc       demoScale
	scale    string
	seed     int64
	today    Date
	rules    Rules
	years    []int
	sysStart Date
	clerk    string
	// formerGov are the mayor and vice mayors of the previous term.
	formerGov [3]string

	villages   []string
	units      []*demoUnit
	unitByName map[string]*demoUnit // lookups only, never iterated
	villageCom map[string]*demoUnit // the 村居 committee of a village
	terms      []*demoTerm          // ascending
	deputies   []*demoDeputy
	town       []int // indexes of town-level deputies
	groups     []*demoGroup
	presidium  []int
	chair      int
	vices      []int
	mayor      int
	viceMayors []int
	stations   []*demoStation
	meetings   []*demoMeeting
	receptions []*demoReception
	backs      []*demoReportBack
	items      []*demoItem
	voters     demoVoters       // issue 18 (demo_voters.go)
	sup        *demoSupervision // 监督 (demo_supervision.go)
	err        error
}

func newDemoGen(sc demoScale, scale string, seed int64, today Date) *demoGen {
	g := &demoGen{r: rand.New(rand.NewPCG(uint64(seed), demoPCGStream)), sc: sc, scale: scale, seed: seed, today: today,
		unitByName: map[string]*demoUnit{}, villageCom: map[string]*demoUnit{}}
	for y := today.Year() - sc.years + 1; y <= today.Year(); y++ {
		g.years = append(g.years, y)
	}
	g.sysStart = YearPeriod(g.years[0]).From
	g.clerk = g.personName(g.chance(0.6))
	for k := range g.formerGov {
		g.formerGov[k] = g.personName(g.chance(0.2))
	}
	return g
}

// build generates the whole office in memory.
func (g *demoGen) build() error {
	g.genVillages()
	g.genUnits()
	g.genTerms()
	g.genDeputies()
	g.genStations()
	g.genMeetings()
	g.genReceptions()
	g.genItems()
	g.genVoters()      // issue 18, on a stream of its own (demo_voters.go)
	g.genSupervision() // last, on its own random stream: the office above is the same without it
	g.genTraining()    // issue 22 part 5: the new deputies' training before a term's first session (demo_training.go)
	if g.err != nil {
		return fmt.Errorf("生成示例数据时出现内部错误: %w", g.err)
	}
	return nil
}
