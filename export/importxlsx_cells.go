package export

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"rendadesk/store"
)

// Reading single cells the ways clerks fill them in: days and birth months as text or as Excel serials, lists,
// names padded to line up, phone numbers, yes and no, stars.

// date reads a day from a cell: text in the forms store.ParseDate reads (and 2024-03-05 00:00:00), an Excel
// date, or a number that can only be an Excel date (45356).
func (r *rowReader) date(label string, cell importCell) (store.Date, bool) {
	if cell.isNum && (cell.dateFmt || isExcelSerial(cell.num)) {
		if d, ok := excelSerialDate(cell.num, cell.date1904); ok {
			return store.Date(d.Format("2006-01-02")), true
		}
	}
	s := foldFullWidth(cell.text)
	if m := dateTimeRe.FindStringSubmatch(s); m != nil {
		s = m[1]
	}
	d, err := store.ParseDate(s)
	if err != nil {
		if n, perr := strconv.ParseFloat(s, 64); perr == nil && isExcelSerial(n) {
			if t, ok := excelSerialDate(n, cell.date1904); ok {
				return store.Date(t.Format("2006-01-02")), true
			}
		}
		r.problem(label, strings.TrimPrefix(err.Error(), "日期"), false)
		return "", false
	}
	return d, true
}

var (
	dateTimeRe   = regexp.MustCompile(`^(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$`)
	oneDecimalRe = regexp.MustCompile(`^\d{4}\.1$`)
)

// yearMonth reads a birth month. A number such as 1968.1 is read as January like the text 1968.1, with a
// warning: Excel keeps 1968.10 (October) as the number 1968.1.
func (r *rowReader) yearMonth(label string, cell importCell) (string, bool) {
	if cell.isNum && (cell.dateFmt || isExcelSerial(cell.num)) {
		if t, ok := excelSerialDate(cell.num, cell.date1904); ok {
			return t.Format("2006-01"), true
		}
	}
	s := foldFullWidth(cell.text)
	if m := dateTimeRe.FindStringSubmatch(s); m != nil {
		s = m[1]
	}
	ym, err := store.ParseYearMonth(s)
	if err != nil {
		r.problem(label, strings.TrimPrefix(err.Error(), "年月"), false)
		return "", false
	}
	if cell.isNum && oneDecimalRe.MatchString(s) {
		r.problem(label, fmt.Sprintf("「%s」已按%s年1月导入；如是10月，请写成%s0并把单元格设为文本", s, s[:4], s), true)
	}
	return ym, true
}

// isExcelSerial reports whether n can only be an Excel date serial: a whole number between 1927 and 2200 as
// Excel counts days (10000–109574). 8-digit dates (20240305) and 6-digit months (196805) are larger.
func isExcelSerial(n float64) bool {
	return n >= 10000 && n <= 109574 && n == math.Trunc(n)
}

// excelSerialDate converts an Excel serial to a day in 1900–2200.
func excelSerialDate(n float64, date1904 bool) (time.Time, bool) {
	if n < 1 || math.IsNaN(n) || math.IsInf(n, 0) || n > 2958465 {
		return time.Time{}, false
	}
	t, err := excelize.ExcelDateToTime(n, date1904)
	if err != nil || t.Year() < 1900 || t.Year() > 2200 {
		return time.Time{}, false
	}
	return t, true
}

// splitValues splits a cell of several values on 、，,;；/ and line breaks, and on spaces when every piece is a
// whole word (张三 李四, not 王 芳 padded to line up).
func splitValues(s string) []string {
	parts := strings.FieldsFunc(foldSeparators(s), func(r rune) bool {
		return strings.ContainsRune("、,;/\n\r|", r)
	})
	var out []string
	for _, p := range parts {
		p = trimCell(p)
		if p == "" {
			continue
		}
		words := strings.Fields(p)
		split := len(words) > 1
		for _, w := range words {
			if utf8.RuneCountInString(w) < 2 {
				split = false
			}
		}
		if split {
			out = append(out, words...)
		} else if isHanName(p) {
			out = append(out, nameText(p))
		} else {
			out = append(out, p)
		}
	}
	return out
}

// foldSeparators turns full-width commas, semicolons and slashes into their ASCII forms.
func foldSeparators(s string) string {
	return fullWidthSeparators.Replace(s)
}

// nameText removes the spaces inside a Chinese name (王　芳 → 王芳); other names are only trimmed.
func nameText(s string) string {
	s = trimCell(s)
	if isHanName(s) {
		return strings.Join(strings.Fields(foldFullWidth(s)), "")
	}
	return s
}

func isHanName(s string) bool {
	han := 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r) || r == '·':
			han++
		case unicode.IsSpace(r):
		default:
			return false
		}
	}
	return han > 0
}

// phoneText keeps a phone number as written; a number Excel stored as 1.3812345678E+10 is written out.
func phoneText(cell importCell) string {
	s := trimCell(foldFullWidth(cell.text))
	if n, err := strconv.ParseFloat(s, 64); err == nil && strings.ContainsAny(s, "eE.") && n == math.Trunc(n) && n > 0 && n < 1e15 {
		return strconv.FormatInt(int64(n), 10)
	}
	return s
}

func parseYesNo(s, yes, no string) (bool, bool) {
	s = strings.ToLower(strings.TrimSpace(foldFullWidth(s)))
	switch {
	case yes != "" && s == yes:
		return true, true
	case no != "" && s == no:
		return false, true
	}
	switch s {
	case "是", "有", "√", "✓", "✔", "y", "yes", "1", "true", "对", "具备", "已具备":
		return true, true
	case "否", "无", "没有", "×", "✗", "✘", "n", "no", "0", "false", "不具备", "未具备":
		return false, true
	}
	return false, false
}

// parseStars reads 3, 3星, 三星, 三星级, ★★★.
func parseStars(s string) (int, bool) {
	s = strings.TrimSpace(foldFullWidth(s))
	if n := strings.Count(s, "★"); n > 0 && strings.Trim(s, "★☆ ") == "" {
		return n, true
	}
	s = strings.TrimSuffix(strings.TrimSuffix(s, "级"), "星")
	if n, err := strconv.Atoi(s); err == nil {
		return n, true
	}
	if i := strings.Index("零一二三四五", s); i >= 0 && utf8.RuneCountInString(s) == 1 {
		return utf8.RuneCountInString("零一二三四五"[:i]), true
	}
	return 0, false
}

// fullWidthSeparators folds the separators a clerk types in Chinese input mode (made once: a replacer built
// per cell was a tenth of reading a large file).
var fullWidthSeparators = strings.NewReplacer("，", ",", "；", ";", "／", "/", "　", " ")
