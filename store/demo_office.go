package store

// The generated office's frame: villages, the units that handle suggestions, and the terms.

import (
	"strings"
)

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
