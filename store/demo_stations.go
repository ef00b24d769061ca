package store

// The generated stations (代表之家, 联络站, 联系点, 代表工作室) and their receptions of voters.

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

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

type demoReception struct {
	id       int64
	station  *demoStation
	date     Date
	voters   int
	deputies []int
	topics   []string // what the voters raised (demoReceptionTopics), one issue each (demo_voters.go)
	people   []ReceptionVoter
	issues   []*demoIssue
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
	home := add(g.township+"人大代表之家", "代表之家", g.villages[0])
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
			s.addr = g.township + strings.TrimPrefix(strings.TrimPrefix(specials[k], demoTownship), "镇")
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
				rc.topics = ts
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
