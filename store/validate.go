package store

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Text limits (characters). Long fields allow a page of text; short ones a line.
const (
	maxName     = 20
	maxLine     = 100
	maxTitle    = 200
	maxText     = 5000
	maxLongText = 20000
)

// cleanName is a name as it is kept: without the invisible characters that come along when text is pasted
// from a web page, a chat or a PDF — zero-width spaces and joiners (U+200B–U+200D, U+2060, U+FEFF) and the
// bidirectional controls (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) — and without spaces at either end.
// Left in, they make 「王建国」 and 「王​建国」 two deputies that look the same, defeat search and duplicate
// checks, and a bidi control can show a file name built from the name in a misleading order.
func cleanName(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if invisible(r) {
			return -1
		}
		return r
	}, s))
}

// invisible reports whether r is a zero-width or bidirectional control character (see cleanName).
func invisible(r rune) bool {
	return r >= 0x200B && r <= 0x200F || r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 || r == 0x2060 || r == 0xFEFF
}

// checker collects the first validation error, so Validate methods read as a list of rules.
type checker struct{ err error }

// result is the error collected (issue 16's records call it; main's collecting checker has its own).
func (c *checker) result() error { return c.err }

func (c *checker) fail(field, format string, args ...any) {
	if c.err == nil {
		c.err = fieldErr(field, format, args...)
	}
}

// failMsg fails with a whole sentence that names the field itself (no label prefix).
func (c *checker) failMsg(field, msg string) {
	if c.err == nil {
		c.err = &Error{Code: EINVALID, Field: field, Message: msg}
	}
}

// required fails when v is blank.
func (c *checker) required(field, v string) {
	if strings.TrimSpace(v) == "" {
		c.fail(field, "不能为空")
	}
}

// maxLen fails when v has more than n characters.
func (c *checker) maxLen(field, v string, n int) {
	if l := utf8.RuneCountInString(v); l > n {
		c.fail(field, "不能超过%d个字(现有%d个)", n, l)
	}
}

// oneOf fails when v is set and not one of allowed.
func (c *checker) oneOf(field, v string, allowed []string) {
	if v != "" && !oneOf(v, allowed) {
		c.fail(field, "「%s」无效，应为%s之一", v, strings.Join(allowed, "、"))
	}
}

// date fails when d is set but not a real day.
func (c *checker) date(field string, d Date) {
	if !d.Valid() {
		c.fail(field, "「%s」不是有效日期", string(d))
	}
}

// requiredDate fails when d is unset or invalid.
func (c *checker) requiredDate(field string, d Date) {
	if d == "" {
		c.fail(field, "不能为空")
		return
	}
	c.date(field, d)
}

// notBefore fails when d is earlier than limit (both set).
func (c *checker) notBefore(field string, d Date, limitName string, limit Date) {
	if d != "" && limit != "" && d < limit {
		c.fail(field, "(%s)不能早于%s(%s)", d.Chinese(), limitName, limit.Chinese())
	}
}

// nonNegative fails when n < 0.
func (c *checker) nonNegative(field string, n int) {
	if n < 0 {
		c.fail(field, "不能为负数")
	}
}

var phoneRe = regexp.MustCompile(`^[0-9+\-() 转]{5,25}$`)

// phone fails when v is set and does not look like a phone number.
func (c *checker) phone(field, v string) {
	if v != "" && !phoneRe.MatchString(v) {
		c.fail(field, "「%s」不像电话号码，只能包含数字、空格和-", v)
	}
}

// noDuplicates fails when ids repeat.
func (c *checker) noDuplicates(field string, ids []int64) {
	seen := map[int64]bool{}
	for _, id := range ids {
		if seen[id] {
			c.fail(field, "有重复项")
			return
		}
		seen[id] = true
	}
}

// chineseDigits are the numerals used in 第十八届 and 第三次.
var chineseDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// ChineseNumber writes n (0 ≤ n < 1000) in Chinese numerals as used in 届次 and 会次: 3 → 三, 10 → 十,
// 18 → 十八, 21 → 二十一, 105 → 一百零五.
func ChineseNumber(n int) string {
	switch {
	case n < 0 || n >= 1000:
		return fmt.Sprint(n)
	case n < 10:
		return chineseDigits[n]
	case n < 20:
		return "十" + strings.TrimPrefix(ChineseNumber(n%10), "零")
	case n < 100:
		s := chineseDigits[n/10] + "十"
		if n%10 != 0 {
			s += chineseDigits[n%10]
		}
		return s
	default:
		s := chineseDigits[n/100] + "百"
		switch r := n % 100; {
		case r == 0:
		case r < 10:
			s += "零" + chineseDigits[r]
		case r < 20:
			s += "一" + ChineseNumber(r) // 115 → 一百一十五
		default:
			s += ChineseNumber(r)
		}
		return s
	}
}
