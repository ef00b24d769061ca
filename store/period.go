package store

import "fmt"

// Period is a span of days, both ends included: a report's 统计时段, a year's meetings, a unit's figures.
// An empty end is open on that side.
type Period struct {
	From, To Date
}

// YearPeriod is the calendar year y: 1 January to 31 December.
func YearPeriod(y int) Period {
	return Period{Date(fmt.Sprintf("%04d-01-01", y)), Date(fmt.Sprintf("%04d-12-31", y))}
}

// IsYear reports whether the period is exactly one calendar year.
func (p Period) IsYear() bool {
	return p.From != "" && p == YearPeriod(p.From.Year())
}

// Until is the period cut at day d when d falls before its end: the part of a running year up to today.
func (p Period) Until(d Date) Period {
	if d != "" && (p.To == "" || d < p.To) {
		p.To = d
	}
	return p
}

// Chinese names the period: 「2024年」 for a calendar year, otherwise 「2024年1月1日至2024年6月30日」.
func (p Period) Chinese() string {
	if p.IsYear() {
		return fmt.Sprintf("%d年", p.From.Year())
	}
	return p.From.Chinese() + "至" + p.To.Chinese()
}
