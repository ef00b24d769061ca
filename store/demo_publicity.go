package store

import (
	"fmt"
	"math/rand/v2"
)

// The demo's 宣传信息 (issue 22 part 6): each year's pieces — mostly 县级, some 市级 and 省级, now and then a 国家级
// one — written by the office's clerk or a deputy about the year's meetings and activities, and a 《人大通讯》
// most months. Drawn from a stream of its own (demoPublicityStream), so that the office above stays the same.

// demoPublicityStream is the second word of the PCG state of the publicity's stream.
const demoPublicityStream uint64 = 0x3E9B47D1C2A85F06

// demoOutlets are the outlets of each level.
var demoOutlets = map[string][]string{
	OutletNational: {"人民代表报", "中国人大网"},
	OutletProvince: {"省人大网", "《人民之友》", "省人大常委会公众号"},
	OutletCity:     {"市人大网", "市日报", "市电视台", "《市人大工作》"},
	OutletCounty:   {"县人大网", "县融媒体中心", "县电视台", "县人大信息", "“青川人大”公众号"},
	OutletTown:     {"镇政府网站", "镇微信公众号"},
}

// writePublicity writes the pieces and the 《人大通讯》 of every year up to the demo's today.
func (g *demoGen) writePublicity(w *demoWriter) {
	r := rand.New(rand.NewPCG(uint64(g.seed), demoPublicityStream))
	// A piece reports a meeting or activity held a little before it.
	before := func(day Date) string {
		var near []string
		from := day.AddDays(-30) // once, not for each of the meetings (18 893 at the stress scale)
		for _, m := range g.meetings {
			if m.start <= day && m.start >= from {
				near = append(near, m.title)
			}
		}
		if len(near) == 0 {
			return g.township + "人大工作动态"
		}
		return near[r.IntN(len(near))]
	}
	pickLevel := func() string {
		switch x := r.Float64(); {
		case x < 0.02:
			return OutletNational
		case x < 0.2:
			return OutletProvince
		case x < 0.5:
			return OutletCity
		case x < 0.92:
			return OutletCounty
		}
		return OutletTown
	}
	for _, y := range g.years {
		n := 30 + r.IntN(40)
		for k := 0; k < n; k++ {
			day := g.workday(YearPeriod(y).From.AddDays(4 + r.IntN(350)))
			if day > g.today || day.Year() != y {
				continue
			}
			level := pickLevel()
			outlets := demoOutlets[level]
			kind := ArticlePublicity
			if r.Float64() < 0.35 {
				kind = ArticleInfo
			}
			title := before(day)
			if r.IntN(2) == 0 {
				title = g.township + "人大：" + title
			}
			author := g.clerk
			if r.Float64() < 0.4 {
				author = g.deputies[r.IntN(len(g.deputies))].name
			} else if r.Float64() < 0.3 {
				author += "、" + g.deputies[r.IntN(len(g.deputies))].name
			}
			stamp := string(day) + " 16:00:00"
			w.exec(`INSERT INTO articles (kind, title, outlet, level, date, authors, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '', ?, ?)`,
				kind, title, outlets[r.IntN(len(outlets))], level, string(day), author, stamp, stamp)
		}
		issue := 0
		for mo := 1; mo <= 12; mo++ {
			if r.Float64() < 0.2 {
				continue // not every month has an issue
			}
			day := g.workday(Date(fmt.Sprintf("%04d-%02d-%02d", y, mo, 15+r.IntN(10))))
			if day > g.today || day.Year() != y {
				continue
			}
			issue++
			stamp := string(day) + " 16:00:00"
			w.exec(`INSERT INTO newsletters (year, issue_no, date, title, contents, created_at, updated_at) VALUES (?, ?, ?, ?, '', ?, ?)`,
				y, issue, string(day), before(day)+"等", stamp, stamp)
		}
	}
}
