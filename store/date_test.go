package store

import (
	"strings"
	"testing"
)

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in, want, err string
	}{
		{"2024-03-05", "2024-03-05", ""},
		{"2024-3-5", "2024-03-05", ""},
		{"2024/3/5", "2024-03-05", ""},
		{"2024.03.05", "2024-03-05", ""},
		{"2024年3月5日", "2024-03-05", ""},
		{" 2024 年 3 月 5 日 ", "2024-03-05", ""},
		{"20240305", "2024-03-05", ""},
		{"2024-02-29", "2024-02-29", ""},
		{"", "", ""},
		{"2024-13-01", "", "日期「2024-13-01」的月份应在1到12之间"},
		{"2024年2月30日", "", "日期「2024年2月30日」不存在(2024年2月没有30日)"},
		{"2023-02-29", "", "不存在"},
		{"2024-00-10", "", "月份应在1到12之间"},
		{"明天", "", "格式不对"},
		{"1800-01-01", "", "年份不合理"},
	} {
		got, err := ParseDate(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("ParseDate(%q) error = %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || string(got) != tc.want {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func TestAddMonthsClampsToMonthEnd(t *testing.T) {
	for _, tc := range []struct {
		d    Date
		n    int
		want Date
	}{
		{"2024-01-31", 1, "2024-02-29"},
		{"2023-01-31", 1, "2023-02-28"},
		{"2024-11-30", 3, "2025-02-28"},
		{"2024-03-15", 3, "2024-06-15"},
		{"2024-08-31", 6, "2025-02-28"},
		{"2024-12-31", -1, "2024-11-30"},
	} {
		if got := tc.d.AddMonths(tc.n); got != tc.want {
			t.Errorf("%s + %d months = %s, want %s", tc.d, tc.n, got, tc.want)
		}
	}
}

func TestDateChinese(t *testing.T) {
	if got := Date("2024-03-05").Chinese(); got != "2024年3月5日" {
		t.Fatalf("got %q", got)
	}
	if Date("").Chinese() != "" {
		t.Fatal("zero date must render empty")
	}
}

func TestParseYearMonth(t *testing.T) {
	for in, want := range map[string]string{"1968.05": "1968-05", "1968-5": "1968-05", "1968年5月": "1968-05",
		"196805": "1968-05", "1968/05": "1968-05", "1968-05-17": "1968-05", "": ""} {
		got, err := ParseYearMonth(in)
		if err != nil || got != want {
			t.Errorf("ParseYearMonth(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"1968.13", "68年5月", "五月"} {
		if _, err := ParseYearMonth(bad); err == nil {
			t.Errorf("ParseYearMonth(%q) accepted", bad)
		}
	}
}

func TestChineseNumber(t *testing.T) {
	for n, want := range map[int]string{1: "一", 3: "三", 10: "十", 11: "十一", 18: "十八", 20: "二十", 21: "二十一",
		99: "九十九", 100: "一百", 105: "一百零五", 115: "一百一十五", 120: "一百二十"} {
		if got := ChineseNumber(n); got != want {
			t.Errorf("ChineseNumber(%d) = %q, want %q", n, got, want)
		}
	}
}
