package store

import (
	"fmt"
	"regexp"
	"slices"
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

// checker collects the validation errors of a record, one per field (the first rule the field breaks), so
// that a form can show every problem at once next to its field; Validate methods read as a list of rules.
type checker struct {
	errs FieldErrors
	req  []string // the fields a rule requires, filled or not (Required reads them)
}

// ok reports whether no rule has failed so far.
func (c *checker) ok() bool { return len(c.errs) == 0 }

// has reports whether field has failed a rule already.
func (c *checker) has(field string) bool {
	for _, e := range c.errs {
		if e.Field == field {
			return true
		}
	}
	return false
}

// add keeps e unless its field has an error already (the first rule broken is the one to fix first).
func (c *checker) add(e *Error) {
	if e.Field != "" && c.has(e.Field) {
		return
	}
	c.errs = append(c.errs, e)
}

// result is every error found, or nil.
func (c *checker) result() error {
	if len(c.errs) == 0 {
		return nil
	}
	return c.errs
}

// requiredFields are the fields the rules that ran require, in order.
func (c *checker) requiredFields() []string { return slices.Clone(c.req) }

func (c *checker) fail(field, format string, args ...any) {
	c.add(fieldErr(field, format, args...))
}

// failMsg fails with a whole sentence that names the field itself (no label prefix).
func (c *checker) failMsg(field, msg string) {
	c.add(&Error{Code: EINVALID, Field: field, Message: msg})
}

// need is the rule that the record cannot do without field: it fails when blank says the field is left blank,
// with 「…不能为空」 or the words given. Required reads the fields these rules name, to mark them (＊).
func (c *checker) need(field string, blank bool, format string, args ...any) {
	if !slices.Contains(c.req, field) {
		c.req = append(c.req, field)
	}
	if blank {
		c.fail(field, format, args...)
	}
}

// needMsg is need with a whole sentence that names the field itself.
func (c *checker) needMsg(field string, blank bool, msg string) {
	if !slices.Contains(c.req, field) {
		c.req = append(c.req, field)
	}
	if blank {
		c.failMsg(field, msg)
	}
}

// required fails when v is blank.
func (c *checker) required(field, v string) {
	c.need(field, strings.TrimSpace(v) == "", "不能为空")
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
	if c.need(field, d == "", "不能为空"); d == "" {
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
