package store

// The generator's dice: random choices, days and names, all drawn from its one PCG stream.

import (
	"fmt"
	"strings"
	"time"
)

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
	return strings.NewReplacer("{v}", v, "{v2}", v2, "{n}", ChineseNumber(g.between(1, 9)), "{t}", g.township,
		"{r}", g.pick(demoRivers), "{y}", fmt.Sprint(year)).Replace(s)
}
