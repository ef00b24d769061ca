package store

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Month is a calendar month written as "2006-01"; the 值班表 and the 公示表 are made for one.
type Month string

var monthForms = []*regexp.Regexp{
	regexp.MustCompile(`^(\d{4})\s*[-/.]\s*(\d{1,2})$`),
	regexp.MustCompile(`^(\d{4})\s*年\s*(\d{1,2})\s*月?$`),
	regexp.MustCompile(`^(\d{4})(\d{2})$`),
}

// ParseMonth reads a month as 2026-11, 2026/11, 2026.11, 2026年11月 or 202611.
func ParseMonth(s string) (Month, error) {
	s = strings.TrimSpace(s)
	for _, re := range monthForms {
		if m := re.FindStringSubmatch(s); m != nil {
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			if y < 1900 || y > 2200 {
				return "", fmt.Errorf("月份「%s」的年份不合理", s)
			}
			if mo < 1 || mo > 12 {
				return "", fmt.Errorf("月份「%s」应在1到12月之间", s)
			}
			return Month(fmt.Sprintf("%04d-%02d", y, mo)), nil
		}
	}
	return "", fmt.Errorf("月份「%s」格式不对，请写成 2026-11 或 2026年11月", s)
}

// MonthOf returns the month of a day.
func MonthOf(d Date) Month {
	if len(d) < 7 {
		return ""
	}
	return Month(d[:7])
}

// First is the month's first day.
func (m Month) First() Date { return Date(string(m) + "-01") }

// Last is the month's last day.
func (m Month) Last() Date { return m.First().AddMonths(1).AddDays(-1) }

// Next is the month after m.
func (m Month) Next() Month { return MonthOf(m.First().AddMonths(1)) }

// Prev is the month before m.
func (m Month) Prev() Month { return MonthOf(m.First().AddMonths(-1)) }

// Chinese is 2026年11月.
func (m Month) Chinese() string {
	t := m.First().Time()
	return fmt.Sprintf("%d年%d月", t.Year(), int(t.Month()))
}

// Days returns every day of the month in order.
func (m Month) Days() []Date {
	var out []Date
	for d := m.First(); MonthOf(d) == m; d = d.AddDays(1) {
		out = append(out, d)
	}
	return out
}

// isoWeekdayNames are 一 … 日 for Monday … Sunday (1 … 7).
var isoWeekdayNames = []string{"", "一", "二", "三", "四", "五", "六", "日"}

// WeekdayName is 周一 … 周日 for 1 … 7.
func WeekdayName(n int) string {
	if n < 1 || n > 7 {
		return ""
	}
	return "周" + isoWeekdayNames[n]
}

// isoWeekday is 1 for Monday … 7 for Sunday.
func isoWeekday(d Date) int {
	w := int(d.Weekday())
	if w == 0 {
		return 7
	}
	return w
}
