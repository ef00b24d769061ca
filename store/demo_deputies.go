package store

// The generated deputies: profiles, the presidium, groups with their leaders, vacancies and roles.

import (
	"fmt"
	"slices"
	"strings"
)

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
			d.workUnit, d.post = g.township+"个体工商户", g.pick([]string{"经营者", "店主"})
		} else {
			d.workUnit = "青川县" + g.pick(demoCompanyWords) + g.pick(demoIndustries)
			d.post = g.pick([]string{"车间主任", "技术员", "职工", "驾驶员"})
		}
		d.tags = append(d.tags, "一线代表")
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

func (g *demoGen) name(i int) string { return g.deputies[i].name }

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
