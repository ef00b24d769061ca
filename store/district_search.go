package store

import (
	"strings"
	"unicode/utf8"
)

// Searching the 选区 register (issue 16). The register holds a few dozen rows, read whole by the list, so a
// query is matched in Go rather than through an FTS table: every term must match the district's number
// (3, 第3选区, 三选区), its 片区 name, a village it covers or its notes.

// Matches reports whether every term of q (split as the other searches split it) matches the district.
func (d District) Matches(q string) bool {
	for _, t := range searchTerms(q) {
		if !d.matchesTerm(t) {
			return false
		}
	}
	return true
}

func (d District) matchesTerm(t string) bool {
	if strings.Contains(d.Name, t) || strings.Contains(d.Villages, t) || strings.Contains(d.Notes, t) ||
		strings.Contains(d.Level, t) {
		return true
	}
	// A number alone, or with 第…选区 around it: 3 finds 第3选区 and not 第13选区.
	rest := strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(t, "第"), "选区"), "区")
	if rest == "" || utf8.RuneCountInString(rest) > 4 {
		return false
	}
	n := ParseDistrict(rest)
	return n > 0 && n == d.Number && districtNumber.FindString(rest) == rest
}
