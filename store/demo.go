package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"time"
)

// The demo-data generator (SPEC §7 「载入示例数据」, §8 `demo`, §9 datasets): a whole office — settings, villages,
// units, terms, deputies with groups and roles, stations with receptions, meetings with attendance, agenda,
// resolutions and elections, report-backs, and three (or ten) years of suggestions taken through the workflow.
//
// Rows are written directly with prepared statements in one transaction (the per-record Save*/workflow methods
// would take minutes at the stress scale), but every suggestion is first simulated step by step with the same
// rules as workflow.go — NextSteps decides which step is legal, Rules computes the deadlines, and the rows and
// timeline entries are the ones the workflow methods would have written. Output depends only on the seed and
// Today: one PCG stream, no map iteration, no clock, no goroutines.

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

	g := newDemoGen(sc, scale, opt.Seed, today)
	for _, kv := range [][2]string{{"office_name", demoTownship + "人大主席团"}, {"township", demoTownship},
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
		{"述职评议", "report_backs"}, {"建议", "suggestions"}, {"答复", "replies"}, {"评价", "evaluations"}, {"办理步骤", "suggestion_steps"}} {
		lines = append(lines, fmt.Sprintf("%s: %d", x.label, st.Rows[x.table]))
	}
	return strings.Join(lines, "\n")
}

// ---------------------------------------------------------------------------------------------------------
// In-memory model of the generated office.

type demoUnit struct {
	id             int64
	name, kind     string
	contact, phone string
	village        string // for 村居 units
}

type demoTerm struct {
	id         int64
	number     int
	start, end Date
	current    bool
	sessions   int
}

type demoDeputy struct {
	id                                               int64
	name, gender, ethnicity, birth, party, education string
	workUnit, post, phone, village, district         string
	group                                            int // index into groups, -1 none
	official, isNew                                  bool
	status, vacancyReason                            string
	vacancyDate                                      Date
	levels, tags, roles                              []string
	stations                                         []int64
	start                                            Date // in office from
	rare                                             bool
	presidium                                        bool
}

func (d *demoDeputy) inOffice(day Date) bool {
	return d.start <= day && (d.vacancyDate == "" || d.vacancyDate > day)
}

func (d *demoDeputy) town() bool { return slices.Contains(d.levels, LevelTown) }

func (d *demoDeputy) addRole(r string) {
	if !slices.Contains(d.roles, r) {
		d.roles = append(d.roles, r)
	}
}

type demoGroup struct {
	id                   int64
	name                 string
	villages             []string
	members              []int // deputy indexes
	leader, deputyLeader int   // deputy index, -1 none
	liaison              int
}

type demoStation struct {
	id                       int64
	name, typ, village, addr string
	opened                   Date
	contact, phone, schedule string
	day                      int
	haves                    [6]bool
	stars                    int
	status                   string
	deputies                 []int // deputy indexes
	owner                    int   // the deputy a 代表工作室 is named after, else -1
}

type demoAtt struct {
	dep            int
	status, reason string
}

type demoGuest struct{ name, unit, post string }

type demoAgenda struct {
	id                             int64
	title, kind, report, presenter string
}

type demoRes struct {
	agenda                  int // 1-based position in the meeting's agenda, 0 none
	title, kind, text       string
	votesFor, against, abst int
	result                  string
}

type demoCandidate struct {
	name    string
	deputy  int64
	votes   int
	elected bool
}

type demoElection struct {
	id                       int64
	kind, position           string
	seats, expected, present int
	issued, returned, valid  int
	candidates               []demoCandidate
}

type demoMeeting struct {
	id                            int64
	kind, title                   string
	term                          *demoTerm
	sessionNo                     int
	start, end                    Date
	time, place, host, topic, law string
	minutes, problems             string
	group                         int // for 代表小组活动, else -1
	village                       string
	order                         int
	att                           []demoAtt
	guests                        []demoGuest
	agenda                        []demoAgenda
	res                           []demoRes
	elections                     []demoElection
	assignDay                     Date // 人代会: the day of its 交办会 ("" when not held yet)
}

type demoReception struct {
	id       int64
	station  *demoStation
	date     Date
	voters   int
	summary  string
	deputies []int
}

type demoReportBack struct {
	deputy                             int64
	date                               Date
	form                               string
	participants, excellent, competent int
	incompetent                        int
}

// ---------------------------------------------------------------------------------------------------------
// The generator.

type demoGen struct {
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

func (g *demoGen) chance(p float64) bool { return g.r.Float64() < p }
func (g *demoGen) between(a, b int) int {
	if b <= a {
		return a
	}
	return a + g.r.IntN(b-a+1)
}
func (g *demoGen) pick(list []string) string { return list[g.r.IntN(len(list))] }

// weighted returns an index drawn with the given weights.
func (g *demoGen) weighted(w ...float64) int {
	sum := 0.0
	for _, x := range w {
		sum += x
	}
	u := g.r.Float64() * sum
	for i, x := range w {
		if u < x {
			return i
		}
		u -= x
	}
	return len(w) - 1
}

// roundRand rounds x up or down at random so that the expectation is x.
func (g *demoGen) roundRand(x float64) int {
	n := int(x)
	if g.r.Float64() < x-float64(n) {
		n++
	}
	return n
}

func demoDayNum(d Date) int { return int(d.Time().Unix() / 86400) }
func demoDateOf(n int) Date { return Date(time.Unix(int64(n)*86400, 0).UTC().Format(isoDay)) }

// addDays is Date.AddDays without the round trip through a layout parse for each call.
func demoAdd(d Date, n int) Date { return demoDateOf(demoDayNum(d) + n) }

// randDate returns a day in [a, b].
func (g *demoGen) randDate(a, b Date) Date {
	x, y := demoDayNum(a), demoDayNum(b)
	if y <= x {
		return a
	}
	return demoDateOf(x + g.r.IntN(y-x+1))
}

// workday moves d to the next working day of the office's calendar.
func (g *demoGen) workday(d Date) Date { return g.rules.Calendar.NextWorkday(d) }

// yearDay returns a working day in year y (never moved into the next year).
func (g *demoGen) yearDay(y int, from, to string) Date {
	d := g.workday(g.randDate(Date(fmt.Sprintf("%04d-%s", y, from)), Date(fmt.Sprintf("%04d-%s", y, to))))
	for d.Year() != y {
		d = demoAdd(d, -3)
		d = g.workday(d)
	}
	return d
}

func (g *demoGen) phone() string {
	return fmt.Sprintf("%s%08d", g.pick(demoPhonePrefixes), g.r.IntN(100000000))
}

// personName returns a Chinese name: surname and one or two given characters, now and then a rare one.
func (g *demoGen) personName(female bool) string {
	n, _ := g.personNameRare(female, false)
	return n
}

func (g *demoGen) personNameRare(female, forceRare bool) (string, bool) {
	var sb strings.Builder
	if g.chance(0.01) {
		sb.WriteString(g.pick(demoCompoundSurnames))
	} else {
		sb.WriteString(g.pick(demoSurnames))
	}
	given := 1
	if g.chance(0.65) {
		given = 2
	}
	rareAt := -1
	if forceRare || g.chance(0.035) {
		rareAt = g.r.IntN(given)
	}
	for i := 0; i < given; i++ {
		switch {
		case i == rareAt:
			sb.WriteString(g.pick(demoRareChars))
		case female:
			sb.WriteString(g.pick(demoGivenFemale))
		default:
			sb.WriteString(g.pick(demoGivenMale))
		}
	}
	return sb.String(), rareAt >= 0
}

// fill replaces the placeholders of a template.
func (g *demoGen) fill(s, v string, year int) string {
	if !strings.Contains(s, "{") {
		return s
	}
	v2 := g.pick(g.villages)
	for v2 == v && len(g.villages) > 1 {
		v2 = g.pick(g.villages)
	}
	return strings.NewReplacer("{v}", v, "{v2}", v2, "{n}", ChineseNumber(g.between(1, 9)), "{t}", demoTownship,
		"{r}", g.pick(demoRivers), "{y}", fmt.Sprint(year)).Replace(s)
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
	if g.err != nil {
		return fmt.Errorf("生成示例数据时出现内部错误: %w", g.err)
	}
	return nil
}

func (g *demoGen) genVillages() {
	seen := map[string]bool{}
	for _, v := range demoVillages {
		if len(g.villages) == g.sc.villages {
			break
		}
		g.villages = append(g.villages, v)
		seen[v] = true
	}
	for len(g.villages) < g.sc.villages {
		name := g.pick(demoVillageFirst) + g.pick(demoVillageSecond)
		if g.chance(0.12) {
			name += "社区"
		} else {
			name += "村"
		}
		if seen[name] {
			continue
		}
		seen[name] = true
		g.villages = append(g.villages, name)
	}
}

func demoCommittee(v string) (committee, supervision, coop string) {
	if strings.HasSuffix(v, "社区") {
		return v + "居委会", v + "居务监督委员会", v + "股份经济合作社"
	}
	return v + "村委会", v + "村务监督委员会", v + "股份经济合作社"
}

func (g *demoGen) addUnit(name, kind, village string) {
	u := &demoUnit{id: int64(len(g.units) + 1), name: name, kind: kind, village: village,
		contact: g.personName(g.chance(0.35)), phone: g.phone()}
	g.units = append(g.units, u)
	g.unitByName[name] = u
}

func (g *demoGen) genUnits() {
	for _, u := range demoTownUnits {
		g.addUnit(u.name, u.kind, "")
	}
	nUpper := 5
	if g.sc.units > 0 {
		nUpper = len(demoUpperUnits)
	}
	for _, u := range demoUpperUnits[:nUpper] {
		g.addUnit(u, "上级部门", "")
	}
	for _, v := range g.villages {
		c, _, _ := demoCommittee(v)
		g.addUnit(c, "村居", v)
		g.villageCom[v] = g.units[len(g.units)-1]
	}
	for kind := 1; kind <= 2 && len(g.units) < g.sc.units; kind++ {
		for _, v := range g.villages {
			if len(g.units) >= g.sc.units {
				break
			}
			_, s, c := demoCommittee(v)
			if kind == 1 {
				g.addUnit(s, "村居", v)
			} else {
				g.addUnit(c, "村居", v)
			}
		}
	}
}

// genTerms: the current term (第十八届) starts on 1 January of the first generated year, or — when more
// than five years are generated — five years before the end, with 第十七届 before it.
func (g *demoGen) genTerms() {
	first := g.years[0]
	start18 := g.today.Year() - (len(g.years)-1)%5
	if start18 > first {
		t17 := &demoTerm{id: 1, number: 17, start: YearPeriod(start18 - 5).From,
			end: YearPeriod(start18 - 1).To}
		g.terms = append(g.terms, t17)
	}
	g.terms = append(g.terms, &demoTerm{id: int64(len(g.terms) + 1), number: 18, current: true,
		start: YearPeriod(start18).From, end: YearPeriod(start18 + 4).To})
}

func (g *demoGen) termAt(d Date) *demoTerm {
	for i := len(g.terms) - 1; i >= 0; i-- {
		if g.terms[i].start <= d {
			return g.terms[i]
		}
	}
	return g.terms[0]
}

// deputy profiles: how a deputy earns a living decides the work unit, post and composition tags.
const (
	profCadre = iota
	profFarmer
	profBoss
	profTech
	profOfficial
	profWorker
)

func (g *demoGen) genDeputies() {
	n := g.sc.deputies
	cur := g.terms[len(g.terms)-1]
	prev := cur
	if len(g.terms) > 1 {
		prev = g.terms[0]
	}
	nVice := 1 + g.r.IntN(2)
	g.chair, g.mayor = 0, 1+nVice
	for i := 1; i <= nVice; i++ {
		g.vices = append(g.vices, i)
	}
	g.viceMayors = []int{g.mayor + 1, g.mayor + 2}
	rareWanted := max(2, n/40)
	rare := 0
	for i := 0; i < n; i++ {
		female := g.chance(0.3)
		d := &demoDeputy{id: int64(i + 1), group: -1, status: DeputyActive, ethnicity: "汉族"}
		d.name, d.rare = g.personNameRare(female, false)
		if d.rare {
			rare++
		}
		d.gender = "男"
		if female {
			d.gender = "女"
		}
		if g.chance(0.07) {
			d.ethnicity = g.pick([]string{"回族", "藏族", "苗族", "彝族", "土家族", "羌族", "满族"})
			if d.ethnicity == "羌族" { // not in the seeded dictionary
				d.ethnicity = "其他"
			}
		}
		d.birth = fmt.Sprintf("%04d-%02d", g.between(1955, 1998), g.between(1, 12))
		d.party = []string{"中共党员", "群众", "中共预备党员", "共青团员", "民主党派", "无党派人士"}[g.weighted(62, 24, 2, 3, 3, 6)]
		if d.party == "共青团员" && d.birth < "1990" { // the Youth League is for the young
			d.party = "群众"
		}
		d.education = []string{"研究生", "大学本科", "大学专科", "中专", "高中", "初中", "小学"}[g.weighted(3, 28, 30, 10, 15, 12, 2)]
		if i < len(g.villages) {
			d.village = g.villages[i]
		} else {
			d.village = g.pick(g.villages)
		}
		vi := slices.Index(g.villages, d.village)
		d.district = fmt.Sprintf("第%d选区", vi*2+1+g.r.IntN(2))
		d.phone = g.phone()
		d.isNew = g.chance(0.55)
		d.levels = []string{LevelTown}
		switch u := g.r.Float64(); {
		case u < 0.04:
			d.levels = []string{LevelCounty}
		case u < 0.06:
			d.levels = []string{LevelTown, LevelCounty, LevelCity}
		case u < 0.21:
			d.levels = []string{LevelTown, LevelCounty}
		}
		switch {
		case i == g.chair:
			g.official(d, "青山镇人大主席团", "镇人大主席")
			d.isNew, d.levels = false, []string{LevelTown, LevelCounty}
		case i >= 1 && i <= nVice:
			g.official(d, "青山镇人大主席团", g.pick([]string{"镇人大副主席", "镇人大专职副主席"}))
			d.isNew, d.levels = false, []string{LevelTown}
		case i == g.mayor:
			g.official(d, "青山镇人民政府", "镇长")
			d.levels = []string{LevelTown, LevelCounty}
		case i == g.mayor+1 || i == g.mayor+2:
			g.official(d, "青山镇人民政府", "副镇长")
			d.levels = []string{LevelTown}
		default:
			g.profile(d, female)
		}
		if female && g.chance(0.6) {
			d.tags = append(d.tags, "妇女代表")
		}
		d.start = cur.start
		if !d.isNew {
			d.start = prev.start
		}
		g.deputies = append(g.deputies, d)
	}
	for rare < rareWanted {
		d := g.deputies[g.r.IntN(n)]
		if d.rare {
			continue
		}
		d.name, d.rare = g.personNameRare(d.gender == "女", true)
		rare++
	}
	for i, d := range g.deputies {
		if d.town() {
			g.town = append(g.town, i)
		}
	}
	// The presidium: the chair, the vice chairs and town deputies of long standing (in office since the
	// earliest generated term, so that every 主席团会议 has them all).
	g.presidium = append([]int{g.chair}, g.vices...)
	for len(g.presidium) < g.sc.presidium {
		i := g.town[g.r.IntN(len(g.town))]
		d := g.deputies[i]
		if slices.Contains(g.presidium, i) || d.isNew || i == g.mayor || slices.Contains(g.viceMayors, i) {
			continue
		}
		g.presidium = append(g.presidium, i)
	}
	for _, i := range g.presidium {
		d := g.deputies[i]
		d.presidium = true
		d.addRole("主席团成员")
	}
	g.deputies[g.chair].addRole("主席")
	for _, i := range g.vices {
		g.deputies[i].addRole("副主席")
	}
	// Groups cover consecutive villages; a deputy belongs to the group of their village.
	for k := 0; k < g.sc.groups; k++ {
		gr := &demoGroup{id: int64(k + 1), name: "第" + ChineseNumber(k+1) + "代表小组", leader: -1, deputyLeader: -1}
		lo, hi := k*len(g.villages)/g.sc.groups, (k+1)*len(g.villages)/g.sc.groups
		if hi <= lo {
			hi = lo + 1
		}
		gr.villages = g.villages[lo:min(hi, len(g.villages))]
		gr.liaison = g.presidium[k%len(g.presidium)]
		g.groups = append(g.groups, gr)
	}
	groupOf := map[string]int{}
	for k, gr := range g.groups {
		for _, v := range gr.villages {
			groupOf[v] = k
		}
	}
	for i, d := range g.deputies {
		if k, ok := groupOf[d.village]; ok {
			d.group = k
			g.groups[k].members = append(g.groups[k].members, i)
		}
	}
	for _, gr := range g.groups {
		if len(gr.members) == 0 {
			continue
		}
		// Prefer a village cadre of long standing as the leader, and leave the presidium to its own work.
		gr.leader = gr.members[0]
		best := 0
		for _, m := range gr.members {
			d := g.deputies[m]
			score := 1
			if !d.presidium && !d.official {
				score = 2
				if slices.Contains(d.tags, "村(社区)干部") && !d.isNew {
					score = 3
				}
			}
			if score > best {
				gr.leader, best = m, score
			}
		}
		g.deputies[gr.leader].addRole("小组组长")
		if len(gr.members) >= 3 {
			for _, m := range gr.members {
				if m != gr.leader {
					gr.deputyLeader = m
					g.deputies[m].addRole("小组副组长")
					break
				}
			}
		}
	}
	// A few seats fell vacant during the term.
	vacant := max(2, n/100)
	for tries := 0; vacant > 0 && tries < 100*n; tries++ {
		i := g.r.IntN(n)
		d := g.deputies[i]
		if d.status == DeputyVacant || d.presidium || len(d.roles) > 0 || i <= g.mayor+2 {
			continue
		}
		from, to := demoAdd(cur.start, 180), demoAdd(g.today, -30)
		if to <= from {
			break
		}
		d.status, d.vacancyReason = DeputyVacant, []string{"调离", "辞职", "去世", "其他"}[g.weighted(5, 2, 1, 1)]
		d.vacancyDate = g.randDate(from, to)
		vacant--
	}
	// 联络员: a few deputies help the office keep in touch with the others.
	for k := 0; k < max(2, n/40); k++ {
		d := g.deputies[g.r.IntN(n)]
		if d.status == DeputyActive {
			d.addRole("联络员")
		}
	}
}

func (g *demoGen) official(d *demoDeputy, unit, post string) {
	d.workUnit, d.post, d.official, d.party = unit, post, true, "中共党员"
	if d.education == "初中" || d.education == "小学" || d.education == "高中" {
		d.education = "大学本科"
	}
	d.tags = append(d.tags, "党政干部")
	if y := d.birth[:4]; y < "1965" || y > "1988" {
		d.birth = fmt.Sprintf("%04d-%02d", g.between(1968, 1985), g.between(1, 12))
	}
}

func (g *demoGen) profile(d *demoDeputy, female bool) {
	com, _, _ := demoCommittee(d.village)
	switch g.weighted(30, 25, 14, 12, 9, 10) {
	case profCadre:
		d.workUnit = com
		posts := []string{"党支部书记、主任", "党总支书记", "村委会主任", "村委会副主任", "村务监督委员会主任"}
		if strings.HasSuffix(d.village, "社区") {
			posts = []string{"党总支书记、主任", "社区居委会主任", "社区居委会副主任"}
		}
		if female && g.chance(0.4) {
			posts = []string{"妇联主席", "村委会委员"}
		}
		d.post = g.pick(posts)
		d.tags = append(d.tags, "村(社区)干部")
		if d.party == "群众" && g.chance(0.7) {
			d.party = "中共党员"
		}
	case profFarmer:
		d.workUnit = d.village + ChineseNumber(g.between(1, 9)) + "组"
		d.post = g.pick([]string{"村民", "村民", "种植大户", "养殖户", "家庭农场主", "合作社理事长"})
		d.tags = append(d.tags, "农民代表", "一线代表")
		if d.post != "村民" && g.chance(0.6) {
			d.tags = append(d.tags, "致富带头人")
		}
		if d.education == "研究生" || d.education == "大学本科" {
			d.education = "高中"
		}
	case profBoss:
		d.workUnit = "青川县" + g.pick(demoCompanyWords) + g.pick(demoIndustries)
		d.post = g.pick([]string{"董事长", "总经理", "厂长", "负责人", "理事长"})
		d.tags = append(d.tags, "企业负责人")
		if g.chance(0.4) {
			d.tags = append(d.tags, "致富带头人")
		}
	case profTech:
		switch g.r.IntN(3) {
		case 0:
			d.workUnit, d.post = "青山镇卫生院", g.pick([]string{"院长", "医生", "护士长", "主治医师"})
		case 1:
			d.workUnit, d.post = g.pick([]string{"青山镇中心学校", "青山镇中心小学", "青山镇初级中学"}), g.pick([]string{"校长", "教师", "教导主任"})
		default:
			d.workUnit, d.post = d.village+"卫生室", "乡村医生"
		}
		d.tags = append(d.tags, "专业技术人员", "一线代表")
		if d.education == "初中" || d.education == "小学" || d.education == "高中" {
			d.education = "大学专科"
		}
	case profOfficial:
		g.official(d, g.pick([]string{"青山镇人民政府", "中共青山镇委员会"}), g.pick([]string{"党委委员", "纪委书记", "武装部长", "组织委员", "宣传委员", "党政办主任"}))
		d.levels = []string{LevelTown}
	default:
		if g.chance(0.4) {
			d.workUnit, d.post = demoTownship+"个体工商户", g.pick([]string{"经营者", "店主"})
		} else {
			d.workUnit = "青川县" + g.pick(demoCompanyWords) + g.pick(demoIndustries)
			d.post = g.pick([]string{"车间主任", "技术员", "职工", "驾驶员"})
		}
		d.tags = append(d.tags, "一线代表")
	}
}

// genStations: one 代表之家, a 联络站 in each village, then 联系点 and a few 代表工作室.
func (g *demoGen) genStations() {
	n := g.sc.stations
	seen := map[string]bool{}
	add := func(name, typ, village string) *demoStation {
		s := &demoStation{id: int64(len(g.stations) + 1), name: name, typ: typ, village: village, status: "在用", owner: -1}
		seen[name] = true
		g.stations = append(g.stations, s)
		return s
	}
	home := add(demoTownship+"人大代表之家", "代表之家", g.villages[0])
	home.addr = "青山镇人民政府院内一楼"
	for _, v := range g.villages {
		if len(g.stations) >= n {
			break
		}
		s := add(v+"代表联络站", "代表联络站", v)
		office := "村委会办公楼一楼"
		if strings.HasSuffix(v, "社区") {
			office = "居委会办公楼一楼"
		}
		s.addr = v + g.pick([]string{"党群服务中心二楼", office, "便民服务站内"})
	}
	specials := []string{"镇卫生院", "镇中心学校", "青山工业园区", "青山镇集镇农贸市场", "镇便民服务中心"}
	for k := 0; len(g.stations) < n; k++ {
		var s *demoStation
		switch {
		case k < len(specials):
			s = add(specials[k]+"代表联系点", "代表联系点", g.villages[0])
			s.addr = demoTownship + strings.TrimPrefix(strings.TrimPrefix(specials[k], demoTownship), "镇")
		case k%9 == 4:
			i := g.r.IntN(len(g.deputies))
			d := g.deputies[i]
			name := d.name + "代表工作室"
			if seen[name] || d.presidium || d.status != DeputyActive {
				continue
			}
			s = add(name, "代表工作室", d.village)
			s.addr = d.village + "党群服务中心"
			s.owner = i
		default:
			v := g.pick(g.villages)
			name := v + ChineseNumber(g.between(1, 12)) + "组代表联系点"
			if seen[name] {
				continue
			}
			s = add(name, "代表联系点", v)
			s.addr = strings.TrimSuffix(name, "代表联系点") + "活动室"
		}
	}
	for _, s := range g.stations {
		s.day = []int{5, 10, 15, 20, 25}[g.r.IntN(5)]
		s.schedule = fmt.Sprintf("每月%d日接待选民", s.day)
		s.opened = g.randDate(Date(fmt.Sprintf("%04d-03-01", g.years[0]-4)), Date(fmt.Sprintf("%04d-06-30", g.years[0])))
		for i := range s.haves {
			s.haves[i] = true
		}
		if g.chance(0.15) {
			for k := g.between(1, 2); k > 0; k-- {
				s.haves[g.r.IntN(6)] = false
			}
		}
		switch s.typ {
		case "代表之家":
			s.stars = 5
		case "代表联络站":
			s.stars = g.between(3, 5)
		default:
			s.stars = g.between(1, 4)
		}
		if s.typ != "代表之家" && g.chance(0.03) {
			s.status, s.opened, s.stars = "筹建", "", 0
			s.haves = [6]bool{true, false, false, true, false, false}
		} else if s.typ == "代表联系点" && g.chance(0.01) {
			s.status = "撤销"
		}
		if !s.haves[0] && s.stars > 3 {
			s.stars = 3
		}
	}
	// Each deputy is stationed at the station of their village, and some at a second one.
	stationOf := map[string]*demoStation{}
	for _, s := range g.stations {
		if s.typ == "代表联络站" {
			stationOf[s.village] = s
		}
	}
	station := func(i int, s *demoStation) {
		d := g.deputies[i]
		if slices.Contains(d.stations, s.id) {
			return
		}
		d.stations = append(d.stations, s.id)
		s.deputies = append(s.deputies, i)
	}
	for i, d := range g.deputies {
		if s, ok := stationOf[d.village]; ok {
			station(i, s)
		} else {
			station(i, home)
		}
	}
	for _, i := range g.presidium {
		station(i, home)
	}
	for _, s := range g.stations {
		if s.owner >= 0 {
			station(s.owner, s)
		}
		want := 1 + g.r.IntN(2)
		for tries := 0; len(s.deputies) < want && tries < 1000; tries++ {
			i := g.r.IntN(len(g.deputies))
			if len(g.deputies[i].stations) < 2 && g.deputies[i].status == DeputyActive {
				station(i, s)
			}
		}
	}
	for i, d := range g.deputies {
		if len(d.stations) == 1 && g.chance(0.15) {
			station(i, g.stations[g.r.IntN(len(g.stations))])
		}
	}
	for _, d := range g.deputies {
		slices.Sort(d.stations)
	}
	// The head of a station (站长) is one of its deputies and its contact.
	for _, s := range g.stations {
		head, best := -1, 0
		for _, i := range s.deputies {
			d := g.deputies[i]
			score := 0
			switch {
			case d.status != DeputyActive:
				continue
			case slices.Contains(d.tags, "村(社区)干部") && d.village == s.village:
				score = 3
			case !d.official && !d.presidium:
				score = 2
			default:
				score = 1
			}
			if score > best {
				head, best = i, score
			}
		}
		if head < 0 {
			s.contact, s.phone = g.personName(false), g.phone()
			continue
		}
		d := g.deputies[head]
		s.contact, s.phone = d.name, d.phone
		if s.typ == "代表之家" || s.typ == "代表联络站" {
			d.addRole("站长")
		}
	}
	for _, d := range g.deputies {
		slices.Sort(d.roles)
		slices.Sort(d.tags)
		d.tags = slices.Compact(d.tags)
	}
}

// inOffice returns the deputies among idx in office on day.
func (g *demoGen) inOffice(idx []int, day Date) []int {
	var out []int
	for _, i := range idx {
		if g.deputies[i].inOffice(day) {
			out = append(out, i)
		}
	}
	return out
}

// townInOffice returns the town-level deputies in office on day.
func (g *demoGen) townInOffice(day Date) []int { return g.inOffice(g.town, day) }

// sample returns k distinct deputies in office on day (fewer if there are not enough).
func (g *demoGen) sample(day Date, k int, exclude []int) []int {
	var out []int
	for tries := 0; len(out) < k && tries < 20*k+50; tries++ {
		i := g.r.IntN(len(g.deputies))
		if !g.deputies[i].inOffice(day) || slices.Contains(out, i) || slices.Contains(exclude, i) {
			continue
		}
		out = append(out, i)
	}
	slices.Sort(out)
	return out
}

// attend marks deputies present, on leave or absent.
func (g *demoGen) attend(m *demoMeeting, deps []int, leave, absent float64, mustAttend ...int) {
	for _, i := range deps {
		a := demoAtt{dep: i, status: "出席"}
		if !slices.Contains(mustAttend, i) {
			switch u := g.r.Float64(); {
			case u < absent:
				a.status = "缺席"
			case u < absent+leave:
				a.status, a.reason = "请假", g.pick(demoLeaveReasons)
			}
		}
		m.att = append(m.att, a)
	}
}

func (m *demoMeeting) present() []int {
	var out []int
	for _, a := range m.att {
		if a.status == "出席" {
			out = append(out, a.dep)
		}
	}
	return out
}

func (g *demoGen) guests(m *demoMeeting, k int) {
	for _, j := range g.r.Perm(len(demoGuestPosts))[:k] {
		p := demoGuestPosts[j]
		m.guests = append(m.guests, demoGuest{name: g.personName(g.chance(0.3)), unit: p.unit, post: p.post})
	}
}

func (g *demoGen) newMeeting(kind string, day Date) *demoMeeting {
	m := &demoMeeting{kind: kind, start: day, group: -1, order: len(g.meetings),
		time: g.pick([]string{"上午9:00", "上午8:30", "下午2:30", "上午9:30"})}
	g.meetings = append(g.meetings, m)
	return m
}

func (g *demoGen) name(i int) string { return g.deputies[i].name }

// government names the mayor (0) or a vice mayor (1, 2) on day: deputies of this term, or the people of the
// previous term (not in the roster).
func (g *demoGen) government(day Date, k int) string {
	if g.termAt(day).current {
		return g.name(append([]int{g.mayor}, g.viceMayors...)[k])
	}
	return g.formerGov[k]
}

// genMeetings generates the meetings and activities of every year, then numbers them in date order.
func (g *demoGen) genMeetings() {
	f := float64(g.sc.meetingsPerYear) / 66 // the kinds below add up to about 66 a year at f = 1
	for _, y := range g.years {
		// 人代会: the annual session in January–February, and in some years a second one later.
		days := []Date{g.yearDay(y, "01-08", "02-25")}
		if g.chance(0.4) {
			days = append(days, g.yearDay(y, "07-01", "12-18"))
		}
		for _, day := range days {
			if day > g.today {
				continue
			}
			g.genSession(day)
		}
		// 主席团会议: quarterly, scaled with the office.
		for k, n := 0, g.roundRand(4*f); k < n; k++ {
			q := k % 4
			day := g.yearDay(y, fmt.Sprintf("%02d-01", 3*q+1), fmt.Sprintf("%02d-28", 3*q+3))
			if day <= g.today {
				g.genPresidium(day)
			}
		}
		// 代表小组活动, round robin over the groups.
		nGroup := g.roundRand(38 * f * (0.9 + 0.2*g.r.Float64()))
		off := g.r.IntN(len(g.groups))
		for k := 0; k < nGroup; k++ {
			day := g.yearDay(y, "01-01", "12-31")
			if day > g.today {
				continue
			}
			g.genGroupActivity(day, g.groups[(off+k)%len(g.groups)], (off+k)%len(g.groups))
		}
		for _, x := range []struct {
			kind string
			base float64
		}{{MeetingInspect, 4}, {MeetingResearch, 4}, {MeetingLawCheck, 2}, {MeetingSpecial, 2}, {MeetingInquiry, 0.5},
			{MeetingWorkEval, 1}, {MeetingReportEval, 1}, {MeetingTraining, 3}, {MeetingForum, 4}, {MeetingOther, 2}} {
			k := g.roundRand(x.base * f * (0.8 + 0.4*g.r.Float64()))
			if x.kind == MeetingReportEval || x.kind == MeetingLawCheck {
				k = max(k, 1) // every year has its report-backs and a law check
			}
			for ; k > 0; k-- {
				day := g.yearDay(y, "01-01", "12-31")
				if day > g.today {
					continue
				}
				g.genActivity(x.kind, day, y)
			}
		}
	}
	kindOrder := func(k string) int { return slices.Index(MeetingKinds, k) }
	sort.SliceStable(g.meetings, func(a, b int) bool {
		ma, mb := g.meetings[a], g.meetings[b]
		if ma.start != mb.start {
			return ma.start < mb.start
		}
		if ka, kb := kindOrder(ma.kind), kindOrder(mb.kind); ka != kb {
			return ka < kb
		}
		return ma.order < mb.order
	})
	perYear := map[int]int{}
	for i, m := range g.meetings {
		m.id = int64(i + 1)
		if m.kind == MeetingPresidium {
			perYear[m.start.Year()]++
			m.title = fmt.Sprintf("%s人大主席团%d年第%s次会议", demoTownship, m.start.Year(), ChineseNumber(perYear[m.start.Year()]))
		}
	}
	var agendaID, electionID int64
	for _, m := range g.meetings {
		for i := range m.agenda {
			agendaID++
			m.agenda[i].id = agendaID
		}
		for i := range m.elections {
			electionID++
			m.elections[i].id = electionID
		}
	}
}

func (g *demoGen) genSession(day Date) {
	t := g.termAt(day)
	t.sessions++
	m := g.newMeeting(MeetingCongress, day)
	m.term, m.sessionNo = t, t.sessions
	m.title = CongressTitle(demoTownship, t.number, t.sessions)
	if m.end = g.rules.Calendar.AddWorkdays(day, g.between(0, 1)); m.end > g.today {
		m.end = day
	}
	m.time, m.place, m.host = "上午9:00", "青山镇人民政府大会议室", g.name(g.chair)
	m.topic = "听取和审议镇人民政府工作报告、镇人大主席团工作报告和财政预算报告"
	if m.sessionNo > 1 && day.Time().Month() > 6 {
		m.topic = "听取和审议镇人民政府专项工作报告，审查批准财政预算调整方案"
	}
	m.minutes = fmt.Sprintf("会议由%s主持，应到代表%d名。", m.host, len(g.townInOffice(day)))
	g.attend(m, g.townInOffice(day), 0.05, 0.008, g.presidium...)
	g.guests(m, g.between(3, 6))
	y := day.Year()
	mayor, viceMayor := g.government(day, 0), g.government(day, 1)
	if day.Time().Month() <= 6 {
		m.agenda = []demoAgenda{
			{title: "听取和审议镇人民政府工作报告", kind: "审议报告", report: "政府工作报告", presenter: mayor},
			{title: "听取和审议镇人大主席团工作报告", kind: "审议报告", report: "主席团工作报告", presenter: g.name(g.chair)},
			{title: fmt.Sprintf("审查和批准%d年财政预算执行情况和%d年财政预算", y-1, y), kind: "审议报告", report: "财政预决算报告", presenter: viceMayor},
		}
	} else {
		m.agenda = []demoAgenda{
			{title: "听取和审议镇人民政府关于乡村振兴工作情况的报告", kind: "审议报告", report: "专项工作报告", presenter: mayor},
			{title: fmt.Sprintf("审查和批准%d年财政预算调整方案", y), kind: "审议报告", report: "财政预决算报告", presenter: viceMayor},
		}
	}
	base := len(m.att)
	present := len(m.present())
	// Elections: the whole leadership at the first session of a term, now and then a by-election.
	if m.sessionNo == 1 {
		m.agenda = append(m.agenda, demoAgenda{title: "选举镇人大主席、副主席，镇长、副镇长", kind: "选举", presenter: g.name(g.chair)})
		g.election(m, "选举", "镇人大主席", 1, []int{g.chair}, 0, base, present)
		g.election(m, "选举", "镇人大副主席", len(g.vices), g.vices, 0, base, present)
		if t.current {
			g.election(m, "选举", "镇长", 1, []int{g.mayor}, 0, base, present)
			g.election(m, "选举", "副镇长", 2, g.viceMayors, 1, base, present)
		} else { // the government of the previous term: people no longer in the roster
			g.election(m, "选举", "镇长", 1, nil, 0, base, present)
			g.election(m, "选举", "副镇长", 2, nil, 1, base, present)
		}
	} else if g.chance(0.3) {
		m.agenda = append(m.agenda, demoAgenda{title: "补选青山镇人民政府副镇长", kind: "选举", presenter: g.name(g.chair)})
		g.election(m, "补选", "副镇长", 1, nil, 0, base, present)
	}
	m.agenda = append(m.agenda, demoAgenda{title: "表决通过各项决议", kind: "表决", presenter: g.name(g.chair)})
	// Resolutions: one on each report, and now and then a decision on the year's practical projects.
	for k, a := range m.agenda {
		if a.kind != "审议报告" {
			continue
		}
		core := strings.TrimPrefix(strings.TrimPrefix(a.title, "听取和审议"), "审查和批准")
		if strings.Contains(core, "关于") { // 镇人民政府关于…的报告 → 镇人民政府…报告
			core = strings.Replace(strings.Replace(core, "关于", "", 1), "的报告", "报告", 1)
		}
		title := "《关于" + core + "的决议》"
		g.resolution(m, k+1, title, "决议", base, present)
	}
	if g.chance(0.5) {
		g.resolution(m, len(m.agenda), fmt.Sprintf("《关于%d年镇人民政府民生实事项目的决定》", y), "决定", base, present)
	}
	// The 交办会 after the session hands its items to the units.
	if ad := g.workday(demoAdd(day, g.between(7, 56))); ad <= g.today {
		m.assignDay = ad
		a := g.newMeeting(MeetingAssign, ad)
		a.title = fmt.Sprintf("%s第%s届人大第%s次会议代表建议交办会", demoTownship, ChineseNumber(t.number), ChineseNumber(t.sessions))
		a.place, a.host, a.topic = g.pick(demoPlaces), g.name(g.vices[0]), "交办镇人代会期间代表提出的建议、批评和意见"
		g.attend(a, g.inOffice(g.presidium, ad), 0.1, 0, g.vices[0])
		g.attend(a, g.sample(ad, g.between(3, 8), g.presidium), 0.1, 0)
	}
	// A 主席团会议 prepares the session.
	if pd := g.workday(demoAdd(day, -g.between(7, 15))); pd.Year() == day.Year() {
		g.genPresidium(pd)
	}
}

func (g *demoGen) election(m *demoMeeting, kind, position string, seats int, winners []int, losers, base, present int) {
	e := demoElection{kind: kind, position: position, seats: seats, expected: base, present: present, issued: present}
	e.returned = e.issued - g.r.IntN(2)
	e.valid = max(0, e.returned-g.r.IntN(3))
	for _, i := range winners {
		e.candidates = append(e.candidates, demoCandidate{name: g.name(i), deputy: g.deputies[i].id, votes: max(0, e.valid-g.r.IntN(6)), elected: true})
	}
	if len(winners) == 0 {
		for k := 0; k < seats; k++ {
			e.candidates = append(e.candidates, demoCandidate{name: g.personName(g.chance(0.3)), votes: max(0, e.valid-g.r.IntN(8)), elected: true})
		}
	}
	for k, tries := 0, 0; k < losers && tries < 100; tries++ {
		i := g.pickTown(m.start)
		if slices.Contains(winners, i) || slices.Contains(g.presidium, i) {
			continue
		}
		k++
		e.candidates = append(e.candidates, demoCandidate{name: g.name(i), deputy: g.deputies[i].id, votes: g.between(min(5, e.valid/3), e.valid/3)})
	}
	for k := range e.candidates {
		c := &e.candidates[k]
		c.elected = c.elected && 2*c.votes > base // more than half of all deputies
	}
	m.elections = append(m.elections, e)
}

func (g *demoGen) resolution(m *demoMeeting, agenda int, title, kind string, base, present int) {
	r := demoRes{agenda: agenda, title: title, kind: kind}
	r.against, r.abst = g.r.IntN(3), g.r.IntN(4)
	if kind == "决定" && g.chance(0.04) { // a decision that fails
		r.against = present / 3
		r.abst = present / 4
	}
	r.against, r.abst = min(r.against, present), min(r.abst, present-min(r.against, present))
	r.votesFor = present - r.against - r.abst
	r.result = "未通过"
	if (Resolution{For: r.votesFor}).Passed(base) {
		r.result = "通过"
	}
	r.text = fmt.Sprintf("%s第%s届人民代表大会第%s次会议审议通过。", demoTownship, ChineseNumber(m.term.number), ChineseNumber(m.sessionNo))
	if r.result != "通过" {
		r.text = "表决未获通过，提请下次会议再次审议。"
	}
	m.res = append(m.res, r)
}

func (g *demoGen) genPresidium(day Date) {
	m := g.newMeeting(MeetingPresidium, day)
	m.place, m.host = g.pick(demoPlaces), g.name(g.chair)
	topics := []demoAgenda{
		{title: "研究部署本季度人大工作", kind: "其他"},
		{title: "听取镇人民政府关于民生实事项目推进情况的汇报", kind: "审议报告", report: "专项工作报告", presenter: g.government(day, 0)},
		{title: "听取代表建议办理情况的汇报", kind: "审议报告", report: "专项工作报告", presenter: g.government(day, 2)},
		{title: "研究镇人代会筹备工作", kind: "其他"},
		{title: "审议代表小组活动计划", kind: "其他"},
		{title: "研究代表履职考核办法", kind: "其他"},
	}
	for _, k := range g.r.Perm(len(topics))[:g.between(2, 4)] {
		a := topics[k]
		if a.presenter == "" {
			a.presenter = g.name(g.chair)
		}
		m.agenda = append(m.agenda, a)
	}
	m.topic = m.agenda[0].title
	g.attend(m, g.inOffice(g.presidium, day), 0.1, 0, g.chair)
	if g.chance(0.4) {
		for _, i := range g.sample(day, g.between(1, 2), g.presidium) {
			m.att = append(m.att, demoAtt{dep: i, status: "列席"})
		}
	}
	g.guests(m, g.between(1, 3))
	m.minutes = fmt.Sprintf("会议由%s主持，研究了%d项议题。", m.host, len(m.agenda))
}

func (g *demoGen) genGroupActivity(day Date, gr *demoGroup, k int) {
	members := g.inOffice(gr.members, day)
	if len(members) == 0 {
		return
	}
	m := g.newMeeting(MeetingGroup, day)
	m.group = k
	m.village = g.pick(gr.villages)
	m.title = gr.name + g.fill(g.pick(demoGroupActs), m.village, day.Year())
	m.topic = strings.TrimPrefix(m.title, gr.name)
	m.place = m.village + "代表联络站"
	m.host = g.name(members[0])
	lead := []int{}
	if gr.leader >= 0 && slices.Contains(members, gr.leader) {
		m.host = g.name(gr.leader)
		lead = append(lead, gr.leader)
	}
	g.attend(m, members, 0.12, 0.03, lead...)
}

func (g *demoGen) genActivity(kind string, day Date, y int) {
	m := g.newMeeting(kind, day)
	m.village = g.pick(g.villages)
	v := m.village
	switch kind {
	case MeetingInspect:
		m.title = "视察" + g.fill(g.pick(demoInspections), v, y)
	case MeetingResearch:
		m.title = "关于" + g.pick(demoResearchTopics) + "的专题调研"
	case MeetingLawCheck:
		m.law = g.pick(demoLaws)
		m.title = m.law + "贯彻实施情况执法检查"
	case MeetingSpecial:
		m.title = "对" + g.fill(g.pick(demoSupervisions), v, y) + "开展专项监督"
	case MeetingInquiry:
		m.title = "关于" + g.pick(demoResearchTopics) + "的专题询问"
	case MeetingWorkEval:
		m.title = "对" + demoTownUnits[g.r.IntN(len(demoTownUnits))].name + "的工作评议"
	case MeetingReportEval:
		m.title = fmt.Sprintf("%d年度人大代表向选民述职评议会", y)
	case MeetingTraining:
		m.title = g.fill(g.pick(demoTrainings), v, y)
	case MeetingForum:
		m.title = g.fill(g.pick(demoForums), v, y)
	default:
		m.title = g.fill(g.pick(demoOthers), v, y)
	}
	m.topic = m.title
	m.place = g.pick(append([]string{v + "村委会", v + "代表联络站"}, demoPlaces...))
	pres := g.inOffice(g.presidium, day)
	if len(pres) > 0 {
		m.host = g.name(pres[g.r.IntN(len(pres))])
	}
	deps := g.sample(day, g.between(5, 12), nil)
	g.attend(m, deps, 0.08, 0.01)
	switch kind {
	case MeetingInspect, MeetingResearch, MeetingLawCheck, MeetingSpecial:
		var ps []string
		for _, k := range g.r.Perm(len(demoProblems))[:g.between(1, 3)] {
			ps = append(ps, demoProblems[k])
		}
		m.problems = fmt.Sprintf("发现问题%d个：%s。", len(ps), strings.Join(ps, "；"))
	case MeetingReportEval:
		// The deputies who reported back to their voters, with the voters' evaluation.
		for _, a := range m.att {
			if a.status != "出席" {
				continue
			}
			rb := &demoReportBack{deputy: g.deputies[a.dep].id, date: day, form: "口头"}
			if g.chance(0.15) {
				rb.form = "书面"
			}
			rb.participants = g.between(15, 60)
			rb.excellent = int(float64(rb.participants) * (0.6 + 0.3*g.r.Float64()))
			rb.competent = int(float64(rb.participants-rb.excellent) * (0.7 + 0.3*g.r.Float64()))
			rb.incompetent = min(g.r.IntN(2), rb.participants-rb.excellent-rb.competent)
			g.backs = append(g.backs, rb)
		}
	}
	m.minutes = fmt.Sprintf("%d名代表参加。", len(m.present()))
}

// genReceptions: each station in use receives voters on its day of the month, some months a year.
func (g *demoGen) genReceptions() {
	for _, y := range g.years {
		for _, s := range g.stations {
			if s.status != "在用" || len(s.deputies) == 0 {
				continue
			}
			k := g.between(max(1, g.sc.receptionsPerStation-2), g.sc.receptionsPerStation+2)
			months := g.r.Perm(12)[:k]
			slices.Sort(months)
			for _, mo := range months {
				day := g.workday(Date(fmt.Sprintf("%04d-%02d-%02d", y, mo+1, s.day)))
				if day > g.today || day < s.opened {
					continue
				}
				duty := g.inOffice(s.deputies, day)
				if len(duty) == 0 {
					continue
				}
				if len(duty) > 3 {
					g.r.Shuffle(len(duty), func(a, b int) { duty[a], duty[b] = duty[b], duty[a] })
					duty = duty[:g.between(1, 3)]
					slices.Sort(duty)
				}
				rc := &demoReception{station: s, date: day, voters: g.between(1, 30), deputies: duty}
				var ts []string
				for _, t := range g.r.Perm(len(demoReceptionTopics))[:g.between(1, 3)] {
					ts = append(ts, demoReceptionTopics[t])
				}
				rc.summary = fmt.Sprintf("接待选民%d人次，主要反映%s等问题。", rc.voters, strings.Join(ts, "、"))
				g.receptions = append(g.receptions, rc)
			}
		}
	}
	sort.SliceStable(g.receptions, func(a, b int) bool {
		if g.receptions[a].date != g.receptions[b].date {
			return g.receptions[a].date < g.receptions[b].date
		}
		return g.receptions[a].station.id < g.receptions[b].station.id
	})
	for i, r := range g.receptions {
		r.id = int64(i + 1)
	}
}

// ---------------------------------------------------------------------------------------------------------
// Suggestions.

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

func (g *demoGen) pickTown(day Date) int {
	for tries := 0; tries < 50; tries++ {
		i := g.town[g.r.IntN(len(g.town))]
		if g.deputies[i].inOffice(day) {
			return i
		}
	}
	if in := g.townInOffice(day); len(in) > 0 {
		return in[g.r.IntN(len(in))]
	}
	return g.town[0]
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

// ---- the workflow, step by step, with the rules of workflow.go ----

// legal checks a step the way the workflow methods do: NextSteps must offer it, the date must not be after
// Today nor before the dates it follows. A failure is a bug of the generator, reported by GenerateDemo.
func (g *demoGen) legal(it *demoItem, step string, date Date, notBefore ...Date) bool {
	if g.err != nil {
		return false
	}
	s := Suggestion{Number: it.number, State: it.state, Scope: it.scope, Deadline: it.deadline, Assigned: it.assigned,
		LeadDeputyID: it.lead, Outcome: it.outcome, Kind: it.kind, VoterFeedback: it.voterFeedback}
	switch {
	case !slices.Contains(s.NextSteps(g.rules), step):
		g.err = stepRefused(s, step, whyNot(s, step))
	case date == "" || date > g.today:
		g.err = fmt.Errorf("%s: %s日期%s晚于今天", it.number, step, date)
	default:
		for _, nb := range notBefore {
			if nb != "" && date < nb {
				g.err = fmt.Errorf("%s: %s日期%s早于%s", it.number, step, date, nb)
			}
		}
	}
	return g.err == nil
}

func (g *demoGen) unitName(id int64) string { return g.units[id-1].name }

func (g *demoGen) assign(it *demoItem, date Date, main int64, assist []int64) {
	if !g.legal(it, StepAssign, date, it.received) {
		return
	}
	deadline := g.rules.AssignDeadline(date)
	if max := g.rules.MaxExtension(date); deadline > max {
		deadline = max
	}
	from, round := it.state, it.round
	it.state, it.mainUnit, it.assist, it.assigned, it.deadline, it.firstDl = StateHandling, main, assist, date, deadline, deadline
	detail := "主办单位: " + g.unitName(main)
	if len(assist) > 0 {
		var names []string
		for _, u := range assist {
			names = append(names, g.unitName(u))
		}
		detail += "；协办单位: " + strings.Join(names, "、")
	}
	it.addStep(StepAssign, date, round, detail+"；办理时限: "+deadline.Chinese(), from, it.state, true)
}

func (g *demoGen) forward(it *demoItem, to string, date Date) {
	if !g.legal(it, StepForward, date, it.received) {
		return
	}
	from, round := it.state, it.round
	it.state, it.forwardTo, it.forwarded = StateForwarded, to, date
	it.addStep(StepForward, date, round, "转交: "+to, from, it.state, true)
}

func (g *demoGen) terminate(it *demoItem, kind, reason string, date Date) {
	if !g.legal(it, kind, date, it.received) {
		return
	}
	from, round := it.state, it.round
	it.state, it.terminated, it.terminationKind, it.terminationRs = StateTerminated, date, kind, reason
	it.addStep(kind, date, round, "理由: "+reason, from, it.state, true)
}

func (g *demoGen) reply(it *demoItem, date Date, method, outcome string) {
	fromUpper := it.state == StateForwarded
	ok := false
	if fromUpper {
		ok = g.legal(it, StepReply, date, it.forwarded)
	} else {
		ok = g.legal(it, StepReply, date, it.assigned, it.evaluated)
	}
	if !ok {
		return
	}
	texts := demoReplyTexts[outcome]
	content := texts[g.r.IntN(len(texts))]
	from, round := it.state, it.round
	it.replies = append(it.replies, demoReply{round: round, date: date, method: method, content: content, outcome: outcome, fromUpper: fromUpper})
	it.state = StateReplied
	if it.firstReply == "" {
		it.firstReply = date
	}
	it.lastReply, it.replyMethod, it.outcome = date, method, outcome
	detail := fmt.Sprintf("%s答复，办理结果: %s", method, outcome)
	if fromUpper {
		detail = "上级" + detail
	}
	if !fromUpper && it.deadline != "" && date > it.deadline {
		detail += fmt.Sprintf("(超过办理时限%d天)", int(date.Time().Sub(it.deadline.Time()).Hours()/24))
	}
	it.addStep(StepReply, date, round, detail, from, it.state, true)
}

func (g *demoGen) evaluate(it *demoItem, date Date, grade, comment string) {
	if !g.legal(it, StepEvaluate, date, it.lastReply) {
		return
	}
	from, round := it.state, it.round
	it.evals = append(it.evals, demoEval{round: round, date: date, grade: grade, comment: comment})
	it.evaluation, it.evaluated = grade, date
	if it.firstEvaluation == "" {
		it.firstEvaluation = grade
	}
	detail := "评价: " + grade
	if comment != "" {
		detail += "；意见: " + comment
	}
	if grade != GradeUnsatisfied {
		it.state, it.closed = StateClosed, date
		it.addStep(StepEvaluate, date, round, detail, from, it.state, true)
		return
	}
	it.addStep(StepEvaluate, date, round, detail, from, it.state, true)
	deadline := g.rules.RehandleDeadline(date)
	it.round++
	it.state, it.deadline = StateHandling, deadline
	it.addStep(StepRehandle, date, it.round, fmt.Sprintf("第%d轮办理；办理时限: %s", it.round, deadline.Chinese()), StateReplied, StateHandling, true)
}

func (g *demoGen) extend(it *demoItem, date, deadline Date, reason string) {
	if !g.legal(it, StepExtend, date, it.assigned) {
		return
	}
	if deadline <= it.deadline || deadline > g.rules.MaxExtension(it.assigned) {
		g.err = fmt.Errorf("%s: 延期后的办理时限%s不合规", it.number, deadline)
		return
	}
	from, round := it.state, it.round
	detail := fmt.Sprintf("办理时限: %s → %s；理由: %s", it.deadline.Chinese(), deadline.Chinese(), reason)
	if it.round == 1 {
		it.firstDl = deadline
	}
	it.deadline, it.extensionReason = deadline, reason
	it.addStep(StepExtend, date, round, detail, from, it.state, true)
}

func (g *demoGen) followUp(it *demoItem, date Date, note, outcome string) {
	if !g.legal(it, StepFollowUp, date, it.lastReply) {
		return
	}
	if outcome != "" && slices.Index(Outcomes, outcome) >= slices.Index(Outcomes, it.outcome) {
		g.err = fmt.Errorf("%s: 跟踪办理结果%s并不比%s更进一步", it.number, outcome, it.outcome)
		return
	}
	it.follows = append(it.follows, demoFollow{date: date, note: note, outcome: outcome})
	detail := note
	if outcome != "" {
		detail = fmt.Sprintf("办理结果: %s → %s；%s", it.outcome, outcome, note)
		it.outcome = outcome
	}
	it.addStep(StepFollowUp, date, it.round, detail, it.state, it.state, outcome != "")
}

func (g *demoGen) feedback(it *demoItem, date Date) {
	if !g.legal(it, StepFeedback, date, it.lastReply) {
		return
	}
	it.voterFeedback = date
	it.addStep(StepFeedback, date, it.round, "已向选民"+it.voterName+"反馈办理情况", it.state, it.state, true)
}

func (g *demoGen) closeVoter(it *demoItem, date Date) {
	if !g.legal(it, StepClose, date, it.voterFeedback) {
		return
	}
	from := it.state
	it.state, it.closed = StateClosed, date
	it.addStep(StepClose, date, it.round, "", from, it.state, true)
}

func (g *demoGen) method() string {
	return ReplyMethods[g.weighted(55, 35, 10)]
}

// replyDay is when the unit answers: mostly before the deadline, now and then late.
func (g *demoGen) replyDay(from, deadline Date, late float64) Date {
	if g.chance(late) {
		return g.workday(demoAdd(deadline, g.between(1, 30)))
	}
	span := demoDayNum(deadline) - demoDayNum(from)
	d := g.workday(demoAdd(from, g.between(min(10, span/2), max(1, span-1))))
	if d > deadline && deadline >= from {
		d = deadline
	}
	return d
}

// unitsFor picks the main unit and 0–2 assisting units for an item.
func (g *demoGen) unitsFor(it *demoItem) (int64, []int64) {
	var main *demoUnit
	switch {
	case it.scope == LevelVillage && g.chance(0.45):
		main = g.villageCom[it.village]
	case (it.scope == LevelCounty || it.scope == LevelCity) && g.chance(0.5):
		var upper []*demoUnit
		for _, u := range g.units {
			if u.kind == "上级部门" {
				upper = append(upper, u)
			}
		}
		main = upper[g.r.IntN(len(upper))]
	}
	cands := demoCategoryUnits[it.category]
	if main == nil {
		main = g.unitByName[cands[g.r.IntN(len(cands))]]
	}
	var assist []int64
	k := g.weighted(55, 35, 10)
	for tries := 0; len(assist) < k && tries < 20; tries++ {
		var u *demoUnit
		switch {
		case it.scope == LevelVillage && tries == 0:
			u = g.villageCom[it.village]
		case g.chance(0.7):
			u = g.unitByName[cands[g.r.IntN(len(cands))]]
		default:
			u = g.units[g.r.IntN(len(g.units))]
		}
		if u.id == main.id || slices.Contains(assist, u.id) {
			continue
		}
		assist = append(assist, u.id)
	}
	slices.Sort(assist)
	return main.id, assist
}

// simulate takes an item from registration through the workflow as far as Today allows.
func (g *demoGen) simulate(it *demoItem) {
	it.state, it.round = StatePending, 1
	it.createdAt = demoStamp(it.received, 0)
	it.addStep(StepRegister, it.received, 1, it.source, "", StatePending, true)
	cal := g.rules.Calendar
	high := it.scope == LevelCity || it.scope == LevelCounty
	switch {
	case g.chance(0.025):
		day := cal.AddWorkdays(it.received, g.between(1, 8))
		if day > g.today {
			return
		}
		if g.chance(0.65) {
			g.terminate(it, TerminateRejected, g.pick(demoRejectReasons), day)
		} else {
			g.terminate(it, TerminateWithdrawn, g.pick(demoWithdrawReasons), day)
		}
		return
	case high && g.chance(0.5):
		day := cal.AddWorkdays(it.received, g.between(1, 10))
		if day > g.today {
			return
		}
		g.forward(it, g.pick(demoForwardTargets[it.scope]), day)
		if g.chance(0.12) {
			return // the upper level has not answered
		}
		rd := g.workday(demoAdd(day, g.between(20, 120)))
		if rd > g.today {
			return
		}
		g.reply(it, rd, g.method(), Outcomes[g.weighted(40, 8, 32, 20)])
		g.afterReply(it)
		return
	}
	var ad Date
	if it.period == PeriodSession {
		if ad = it.assignOn; ad == "" {
			return // the 交办会 has not been held yet
		}
	} else {
		k := []int{g.between(1, 5), g.between(6, 10), g.between(11, 25)}[g.weighted(80, 15, 5)]
		ad = cal.AddWorkdays(it.received, k)
	}
	if ad > g.today {
		return
	}
	main, assist := g.unitsFor(it)
	g.assign(it, ad, main, assist)
	if g.chance(0.04) && demoDayNum(g.today)-demoDayNum(ad) < 365 {
		return // the unit has not answered yet: overdue once the deadline passes
	}
	from := ad
	if g.chance(0.07) {
		ed := g.workday(demoAdd(ad, g.between(30, 75)))
		if ed > it.deadline {
			ed = it.deadline
		}
		nd := g.workday(it.deadline.AddMonths(g.between(1, 3)))
		if max := g.rules.MaxExtension(ad); nd > max {
			nd = max
		}
		if ed <= g.today && nd > it.deadline {
			g.extend(it, ed, nd, g.pick(demoExtensionReasons))
			from = ed
		}
	}
	rd := g.replyDay(from, it.deadline, 0.08)
	if rd > g.today {
		return
	}
	g.reply(it, rd, g.method(), Outcomes[g.weighted(39, 4, 41, 16)])
	g.afterReply(it)
}

// afterReply: the lead deputy evaluates (不满意 starts another round), or the clerk feeds a voter's item back
// and closes it; answers 正在解决/列入计划解决 are followed up.
func (g *demoGen) afterReply(it *demoItem) {
	for g.err == nil {
		last := it.lastReply
		if it.kind == KindVoter && (it.lead == 0 || g.chance(0.7)) {
			fd := g.workday(demoAdd(last, g.between(1, 14)))
			if fd > g.today {
				g.followUps(it, last)
				return
			}
			g.feedback(it, fd)
			end := fd
			if g.chance(0.93) {
				if cd := g.workday(demoAdd(fd, g.between(0, 7))); cd <= g.today {
					g.closeVoter(it, cd)
					end = cd
				}
			}
			g.followUps(it, end)
			return
		}
		if it.lead == 0 || g.chance(0.03) {
			g.followUps(it, last)
			return
		}
		ed := g.workday(demoAdd(last, g.between(3, 30)))
		if ed > g.today {
			g.followUps(it, last)
			return
		}
		grade := Grades[g.weighted(72, 22, 6)]
		if grade == GradeUnsatisfied && (it.forwarded != "" || it.round >= 3) {
			// A forwarded item sent back to 办理中 would have no unit to handle it; see the report.
			grade = GradeBasicSatisfied
		}
		cs := demoEvalComments[grade]
		g.evaluate(it, ed, grade, cs[g.r.IntN(len(cs))])
		if grade != GradeUnsatisfied {
			end := ed
			if it.kind == KindVoter && g.chance(0.5) {
				if fd := g.workday(demoAdd(ed, g.between(1, 10))); fd <= g.today {
					g.feedback(it, fd)
					end = fd
				}
			}
			g.followUps(it, end)
			return
		}
		rd := g.replyDay(ed, it.deadline, 0.1)
		if rd > g.today {
			return
		}
		g.reply(it, rd, g.method(), Outcomes[g.weighted(60, 10, 25, 5)])
	}
}

// followUps records progress on items answered 正在解决 or 列入计划解决, sometimes upgrading the outcome.
func (g *demoGen) followUps(it *demoItem, after Date) {
	if !g.chance(0.65) {
		return
	}
	for n := 0; n < 3 && (it.outcome == OutcomeSolving || it.outcome == OutcomePlanned) && g.err == nil; n++ {
		d := g.workday(demoAdd(after, g.between(25, 100)))
		if d > g.today {
			return
		}
		var better string
		u := g.r.Float64()
		switch {
		case it.outcome == OutcomePlanned && u < 0.16:
			better = OutcomeSolved
		case it.outcome == OutcomePlanned && u < 0.3:
			better = OutcomeSolving
		case it.outcome == OutcomeSolving && u < 0.45:
			better = OutcomeSolved
		}
		g.followUp(it, d, g.pick(demoFollowNotes[better]), better)
		after = d
	}
}

// ---------------------------------------------------------------------------------------------------------
// Writing.

// demoWriter executes inserts with statements prepared once in the transaction.
type demoWriter struct {
	ctx         context.Context
	tx          *Tx
	stmts       map[string]*sql.Stmt // lookups only; closing order does not matter
	done, total int
	progress    func(done, total int)
	quiet       bool // items report their own progress
	err         error
}

func (w *demoWriter) exec(q string, args ...any) {
	if w.err != nil {
		return
	}
	st, ok := w.stmts[q]
	if !ok {
		if st, w.err = w.tx.PrepareContext(w.ctx, q); w.err != nil {
			return
		}
		w.stmts[q] = st
	}
	if _, w.err = st.ExecContext(w.ctx, args...); w.err != nil {
		w.err = fmt.Errorf("%w (%.60s…)", w.err, strings.Join(strings.Fields(q), " "))
		return
	}
	w.done++
	if w.progress != nil && w.done%5000 == 0 && !w.quiet {
		w.progress(w.done, w.total)
	}
}

func (w *demoWriter) close() {
	for _, st := range w.stmts {
		st.Close()
	}
}

// rowCount is the number of rows write inserts, for progress.
func (g *demoGen) rowCount() int {
	n := len(g.villages) + len(g.terms) + 2*len(g.groups) + len(g.units) + len(g.receptions) + len(g.backs)
	for _, gr := range g.groups {
		if gr.deputyLeader >= 0 {
			n++
		}
	}
	for _, d := range g.deputies {
		n += 1 + len(d.levels) + len(d.tags) + len(d.roles) + len(d.stations)
	}
	n += len(g.stations)
	for _, m := range g.meetings {
		n += 1 + len(m.att) + len(m.guests) + len(m.agenda) + len(m.res) + len(m.elections)
		for _, e := range m.elections {
			n += len(e.candidates)
		}
	}
	for _, r := range g.receptions {
		n += len(r.deputies)
	}
	return n + demoItemRows*len(g.items)
}

func demoNullDate(d Date) any {
	if d == "" {
		return nil
	}
	return string(d)
}

func (g *demoGen) write(w *demoWriter) {
	base := string(g.sysStart) + " 09:00:00"
	for i, v := range g.villages {
		w.exec(`INSERT OR IGNORE INTO dict (kind, value, sort) VALUES ('village', ?, ?)`, v, i+1)
	}
	for _, t := range g.terms {
		w.exec(`INSERT INTO terms (id, number, start_date, end_date, is_current, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			t.id, t.number, string(t.start), string(t.end), t.current, base, base)
	}
	for _, gr := range g.groups {
		w.exec(`INSERT INTO deputy_groups (id, name, villages, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
			gr.id, gr.name, strings.Join(gr.villages, "、"), base, base)
	}
	term := g.terms[len(g.terms)-1].id
	for _, d := range g.deputies {
		var group any
		if d.group >= 0 {
			group = g.groups[d.group].id
		}
		upd := base
		if d.vacancyDate != "" {
			upd = string(d.vacancyDate) + " 09:00:00"
		}
		w.exec(`INSERT INTO deputies (id, name, gender, ethnicity, birth, party, education, work_unit, post, phone, village,
			term_id, district, group_id, is_official, is_new, status, vacancy_reason, vacancy_date, notes, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`,
			d.id, d.name, d.gender, d.ethnicity, d.birth, d.party, d.education, d.workUnit, d.post, d.phone, d.village,
			term, d.district, group, d.official, d.isNew, d.status, d.vacancyReason, demoNullDate(d.vacancyDate), base, upd)
		for _, l := range d.levels {
			w.exec(`INSERT INTO deputy_levels (deputy_id, level) VALUES (?, ?)`, d.id, l)
		}
		for _, t := range d.tags {
			w.exec(`INSERT INTO deputy_tags (deputy_id, tag) VALUES (?, ?)`, d.id, t)
		}
		for _, r := range d.roles {
			w.exec(`INSERT INTO deputy_roles (deputy_id, role) VALUES (?, ?)`, d.id, r)
		}
	}
	for _, gr := range g.groups {
		var leader any
		if gr.leader >= 0 {
			leader = g.deputies[gr.leader].id
		}
		w.exec(`UPDATE deputy_groups SET leader_id = ?, liaison_id = ? WHERE id = ?`, leader, g.deputies[gr.liaison].id, gr.id)
		if gr.deputyLeader >= 0 {
			w.exec(`INSERT INTO group_deputy_leaders (group_id, deputy_id) VALUES (?, ?)`, gr.id, g.deputies[gr.deputyLeader].id)
		}
	}
	for _, s := range g.stations {
		h := s.haves
		w.exec(`INSERT INTO stations (id, name, type, village, address, opened, contact, phone, schedule, has_place, has_sign,
			has_info, has_rules, has_plan, has_ledger, stars, status, notes, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`,
			s.id, s.name, s.typ, s.village, s.addr, demoNullDate(s.opened), s.contact, s.phone, s.schedule,
			h[0], h[1], h[2], h[3], h[4], h[5], s.stars, s.status, base, base)
		for _, i := range s.deputies {
			w.exec(`INSERT INTO station_deputies (station_id, deputy_id) VALUES (?, ?)`, s.id, g.deputies[i].id)
		}
	}
	for _, u := range g.units {
		w.exec(`INSERT INTO units (id, name, kind, contact, phone, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '', ?, ?)`,
			u.id, u.name, u.kind, u.contact, u.phone, base, base)
	}
	for _, m := range g.meetings {
		var term any
		var session any
		if m.term != nil {
			term, session = m.term.id, m.sessionNo
		}
		stamp := string(m.start) + " 17:00:00"
		w.exec(`INSERT INTO meetings (id, kind, title, term_id, session_no, start_date, end_date, time, place, host, topic, law,
			minutes, problems, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`,
			m.id, m.kind, m.title, term, session, string(m.start), demoNullDate(m.end), m.time, m.place, m.host, m.topic, m.law,
			m.minutes, m.problems, stamp, stamp)
		for _, a := range m.att {
			w.exec(`INSERT INTO attendance (meeting_id, deputy_id, status, reason) VALUES (?, ?, ?, ?)`, m.id, g.deputies[a.dep].id, a.status, a.reason)
		}
		for _, gu := range m.guests {
			w.exec(`INSERT INTO meeting_guests (meeting_id, name, unit, post) VALUES (?, ?, ?, ?)`, m.id, gu.name, gu.unit, gu.post)
		}
		for k, a := range m.agenda {
			w.exec(`INSERT INTO agenda_items (id, meeting_id, seq, title, kind, report, presenter) VALUES (?, ?, ?, ?, ?, ?, ?)`,
				a.id, m.id, k+1, a.title, a.kind, a.report, a.presenter)
		}
		for k, r := range m.res {
			var item any
			if r.agenda > 0 {
				item = m.agenda[r.agenda-1].id
			}
			w.exec(`INSERT INTO resolutions (meeting_id, agenda_item_id, seq, title, kind, text, votes_for, votes_against, votes_abstain, entered_result)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, m.id, item, k+1, r.title, r.kind, r.text, r.votesFor, r.against, r.abst, r.result)
		}
		for _, e := range m.elections {
			w.exec(`INSERT INTO elections (id, meeting_id, kind, position, seats, expected, present, ballots_issued, ballots_returned, ballots_valid, notes)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')`, e.id, m.id, e.kind, e.position, e.seats, e.expected, e.present, e.issued, e.returned, e.valid)
			for _, c := range e.candidates {
				w.exec(`INSERT INTO candidates (election_id, name, deputy_id, votes, elected) VALUES (?, ?, ?, ?, ?)`,
					e.id, c.name, nullID(c.deputy), c.votes, c.elected)
			}
		}
	}
	for _, r := range g.receptions {
		stamp := string(r.date) + " 17:00:00"
		w.exec(`INSERT INTO receptions (id, station_id, date, voters, summary, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			r.id, r.station.id, string(r.date), r.voters, r.summary, stamp, stamp)
		for _, i := range r.deputies {
			w.exec(`INSERT INTO reception_deputies (reception_id, deputy_id) VALUES (?, ?)`, r.id, g.deputies[i].id)
		}
	}
	for _, b := range g.backs {
		stamp := string(b.date) + " 17:00:00"
		w.exec(`INSERT INTO report_backs (deputy_id, date, form, participants, excellent, competent, incompetent, notes, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?)`, b.deputy, string(b.date), b.form, b.participants, b.excellent, b.competent, b.incompetent, stamp, stamp)
	}
	rows := w.done
	w.quiet = true
	for n, it := range g.items {
		g.simulate(it)
		if g.err != nil {
			return
		}
		g.writeItem(w, it)
		if w.err != nil {
			return
		}
		it.steps, it.replies, it.evals, it.follows = nil, nil, nil, nil
		if w.progress != nil && ((n+1)%1000 == 0 || n+1 == len(g.items)) {
			w.progress(rows+(n+1)*demoItemRows, w.total)
		}
	}
}

// demoItemRows is about how many rows an item has (itself, co-signers, units, replies … and the timeline):
// the progress bar counts items in these units.
const demoItemRows = 15

func demoMeetingID(m *demoMeeting) any {
	if m == nil {
		return nil
	}
	return m.id
}

func (g *demoGen) writeItem(w *demoWriter, it *demoItem) {
	var station, reception any
	if it.station != nil {
		station = it.station.id
	}
	if it.reception != nil {
		reception = it.reception.id
	}
	w.exec(`INSERT INTO suggestions (id, number, year, seq, kind, period, session_id, source, source_meeting_id, station_id,
		reception_id, lead_deputy_id, voter_name, voter_contact, title, content, category, scope, priority, received, state, round,
		main_unit_id, assigned, deadline, first_deadline, extension_reason, forward_to, forwarded, first_reply, last_reply,
		reply_method, outcome, evaluation, first_evaluation, evaluated, voter_feedback, closed, terminated, termination_kind,
		termination_reason, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		it.id, it.number, it.year, it.seq, it.kind, it.period, demoMeetingID(it.session), it.source, demoMeetingID(it.srcMeeting), station,
		reception, nullID(it.lead), it.voterName, it.voterContact, it.title, it.content, it.category, it.scope, it.priority,
		string(it.received), it.state, it.round, nullID(it.mainUnit), demoNullDate(it.assigned), demoNullDate(it.deadline),
		demoNullDate(it.firstDl), it.extensionReason, it.forwardTo, demoNullDate(it.forwarded), demoNullDate(it.firstReply),
		demoNullDate(it.lastReply), it.replyMethod, it.outcome, it.evaluation, it.firstEvaluation, demoNullDate(it.evaluated),
		demoNullDate(it.voterFeedback), demoNullDate(it.closed), demoNullDate(it.terminated), it.terminationKind, it.terminationRs,
		it.createdAt, it.updatedAt)
	for _, c := range it.cosigners {
		w.exec(`INSERT INTO suggestion_cosigners (suggestion_id, deputy_id) VALUES (?, ?)`, it.id, c)
	}
	for _, u := range it.assist {
		w.exec(`INSERT INTO suggestion_assist_units (suggestion_id, unit_id) VALUES (?, ?)`, it.id, u)
	}
	for _, r := range it.replies {
		w.exec(`INSERT INTO replies (suggestion_id, round, date, method, content, outcome, from_upper) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			it.id, r.round, string(r.date), r.method, r.content, r.outcome, r.fromUpper)
	}
	for _, e := range it.evals {
		w.exec(`INSERT INTO evaluations (suggestion_id, round, date, grade, comment) VALUES (?, ?, ?, ?, ?)`, it.id, e.round, string(e.date), e.grade, e.comment)
	}
	for _, f := range it.follows {
		w.exec(`INSERT INTO followups (suggestion_id, date, note, outcome) VALUES (?, ?, ?, ?)`, it.id, string(f.date), f.note, f.outcome)
	}
	for _, s := range it.steps {
		w.exec(`INSERT INTO suggestion_steps (suggestion_id, step, date, round, detail, from_state, to_state, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			it.id, s.step, string(s.date), s.round, s.detail, s.from, s.to, s.at)
	}
}
