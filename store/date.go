package store

import (
	"database/sql/driver"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar day written as "2006-01-02"; the zero value "" means no date (NULL in the database).
// ISO text sorts and compares correctly as strings, in Go and in SQL alike.
type Date string

const isoDay = "2006-01-02"

var dateForms = []*regexp.Regexp{
	regexp.MustCompile(`^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$`),
	regexp.MustCompile(`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$`),
	regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`),
}

// ParseDate reads a date in the forms a clerk writes: 2024-03-05, 2024-3-5, 2024/3/5, 2024.3.5,
// 2024年3月5日, 20240305. An empty string gives the zero Date. A day that does not exist (2024-02-30,
// 2024-13-01) is an error whose message quotes the input.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	for _, re := range dateForms {
		m := re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		if y < 1900 || y > 2200 {
			return "", fmt.Errorf("日期「%s」的年份不合理", s)
		}
		if mo < 1 || mo > 12 {
			return "", fmt.Errorf("日期「%s」的月份应在1到12之间", s)
		}
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
		if d < 1 || t.Day() != d {
			return "", fmt.Errorf("日期「%s」不存在(%d年%d月没有%d日)", s, y, mo, d)
		}
		return Date(t.Format(isoDay)), nil
	}
	return "", fmt.Errorf("日期「%s」格式不对，请写成 2024-03-05 或 2024年3月5日", s)
}

// DateOf returns the calendar day of t in t's location.
func DateOf(t time.Time) Date { return Date(t.Format(isoDay)) }

// Valid reports whether d is unset or a real ISO day.
func (d Date) Valid() bool {
	if d == "" {
		return true
	}
	_, err := time.Parse(isoDay, string(d))
	return err == nil
}

// Time returns d at midnight UTC; the zero Date gives the zero time.
func (d Date) Time() time.Time {
	t, _ := time.Parse(isoDay, string(d))
	return t
}

// Year returns the year of d, or 0 when unset.
func (d Date) Year() int {
	if len(d) < 4 {
		return 0
	}
	y, _ := strconv.Atoi(string(d[:4]))
	return y
}

// AddDays returns d moved by n days.
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// AddMonths returns d moved by n calendar months, keeping the day of month but clamping it to the last day
// of a shorter month (1月31日 + 1 month = 2月28日 or 29日), as a clerk counts 办理时限.
func (d Date) AddMonths(n int) Date {
	t := d.Time()
	first := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, n, 0)
	last := first.AddDate(0, 1, -1).Day()
	day := t.Day()
	if day > last {
		day = last
	}
	return DateOf(time.Date(first.Year(), first.Month(), day, 0, 0, 0, 0, time.UTC))
}

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// weekdayNames name the days of the week, Sunday first as time.Weekday counts.
var weekdayNames = []string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}

// ChineseWeekday returns the day of the week of d in Chinese: 星期六.
func (d Date) ChineseWeekday() string { return weekdayNames[d.Weekday()] }

// Chinese returns d as 2024年3月5日, or "" when unset.
func (d Date) Chinese() string {
	if d == "" {
		return ""
	}
	t := d.Time()
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// String returns the ISO form.
func (d Date) String() string { return string(d) }

// Value writes the zero Date as NULL.
func (d Date) Value() (driver.Value, error) {
	if d == "" {
		return nil, nil
	}
	return string(d), nil
}

// Scan reads NULL as the zero Date.
func (d *Date) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		*d = ""
	case string:
		*d = Date(x)
	case []byte:
		*d = Date(x)
	case time.Time:
		*d = DateOf(x)
	default:
		return fmt.Errorf("cannot scan %T into Date", v)
	}
	return nil
}

var yearMonthForms = []*regexp.Regexp{
	regexp.MustCompile(`^(\d{4})\s*[-/.]\s*(\d{1,2})$`),
	regexp.MustCompile(`^(\d{4})\s*年\s*(\d{1,2})\s*月?$`),
	regexp.MustCompile(`^(\d{4})(\d{2})$`),
}

// ParseYearMonth reads a birth month as 1968-05, 1968.05, 1968.5, 1968/5, 1968年5月 or 196805, or a full
// date (the day is dropped), and returns "1968-05". An empty string gives "".
func ParseYearMonth(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	for _, re := range yearMonthForms {
		if m := re.FindStringSubmatch(s); m != nil {
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			if y < 1900 || y > 2200 {
				return "", fmt.Errorf("年月「%s」的年份不合理", s)
			}
			if mo < 1 || mo > 12 {
				return "", fmt.Errorf("年月「%s」的月份应在1到12之间", s)
			}
			return fmt.Sprintf("%04d-%02d", y, mo), nil
		}
	}
	if d, err := ParseDate(s); err == nil {
		return string(d)[:7], nil
	}
	return "", fmt.Errorf("年月「%s」格式不对，请写成 1968-05 或 1968年5月", s)
}
