package store

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Finding the records an import file names in the clerk's words: a term by 第十八届, a group by 第一组, a deputy
// by 姓名(小组), a session by 十八届三次, a meeting by its title.

// term finds a term by 第十八届, 十八届, 18 or 第18届.
func (pl *planner) term(s string) (Term, bool) {
	n, ok := parseChineseInt(termNoise.Replace(s))
	if !ok {
		return Term{}, false
	}
	for _, t := range pl.idx.terms {
		if t.Number == n {
			return t, true
		}
	}
	return Term{}, false
}

// group finds a deputy group by name, tolerant of the words clerks leave out: 第一小组, 第一组, 第1代表小组
// all find 第一代表小组.
func (pl *planner) group(s string) (Group, bool) {
	for _, g := range pl.idx.groups {
		if g.Name == s {
			return g, true
		}
	}
	var found []Group
	for _, g := range pl.idx.groups {
		if groupKey(g.Name) == groupKey(s) && groupKey(s) != "" {
			found = append(found, g)
		}
	}
	if len(found) == 1 {
		return found[0], true
	}
	return Group{}, false
}

var digitsRe = regexp.MustCompile(`\d+`)

func groupKey(s string) string {
	s = strings.Join(strings.Fields(s), "")
	s = digitsRe.ReplaceAllStringFunc(s, func(d string) string {
		n, _ := strconv.Atoi(d)
		return ChineseNumber(n)
	})
	for _, w := range []string{"人大代表", "代表", "小组", "组"} {
		s = strings.ReplaceAll(s, w, "")
	}
	return s
}

func (pl *planner) groupNames() string {
	if len(pl.idx.groups) == 0 {
		return "尚无代表小组"
	}
	var names []string
	for _, g := range pl.idx.groups {
		names = append(names, g.Name)
	}
	if len(names) > 8 {
		names = append(names[:8], "…")
	}
	return "：" + strings.Join(names, "、")
}

// deputyByName finds one deputy by 姓名 or by the label pickers show, 姓名(小组) or 姓名(小组·出缺).
func (pl *planner) deputyByName(s string) (int64, error) {
	s = fullWidthParens.Replace(cleanName(s))
	name, qual, _ := strings.Cut(s, "(")
	name = strings.Join(strings.Fields(name), "")
	qual = strings.TrimSuffix(qual, ")")
	var found []deputyRef
	for _, i := range pl.idx.byName[name] {
		x := pl.idx.deputies[i]
		if qual == "" || strings.Contains(qual, x.group) && x.group != "" || DeputyLabel(x.name, x.group, x.status) == s {
			found = append(found, x)
		}
	}
	if len(found) > 1 {
		var active []deputyRef
		for _, x := range found {
			if x.status == DeputyActive {
				active = append(active, x)
			}
		}
		if len(active) == 1 {
			found = active
		}
	}
	switch len(found) {
	case 0:
		return 0, fmt.Errorf("代表「%s」不存在", s)
	case 1:
		return found[0].id, nil
	}
	var labels []string
	for _, x := range found {
		labels = append(labels, DeputyLabel(x.name, x.group, x.status))
	}
	return 0, fmt.Errorf("有%d位代表名叫「%s」(%s)，请写成「%s」这样带小组的形式", len(found), name, strings.Join(labels, "、"), labels[0])
}

// session finds a 人民代表大会会议 by its title, by 十八届三次, or by 第三次会议 in the current term.
func (pl *planner) session(s string) (int64, error) {
	for _, m := range pl.idx.sessions {
		if m.title == s {
			return m.id, nil
		}
	}
	term, session := 0, 0
	if m := sessionRe.FindStringSubmatch(s); m != nil {
		term, _ = parseChineseInt(m[1])
		session, _ = parseChineseInt(m[2])
	} else if m := sessionOnlyRe.FindStringSubmatch(s); m != nil {
		session, _ = parseChineseInt(m[1])
		if t, ok := pl.currentTerm(); ok {
			term = t.Number
		}
	}
	for _, m := range pl.idx.sessions {
		if term > 0 && session > 0 && m.term == term && m.session == session {
			return m.id, nil
		}
	}
	return 0, fmt.Errorf("「%s」不是已登记的人代会会议，请先在「会议」中添加", s)
}

var (
	cnNum         = `([零〇一二三四五六七八九十百两\d]+)`
	sessionRe     = regexp.MustCompile(`第?` + cnNum + `届.*?第?` + cnNum + `次`)
	sessionOnlyRe = regexp.MustCompile(`^第?` + cnNum + `次`)
)

// meeting finds a meeting or activity by its exact title.
func (pl *planner) meeting(s string) (int64, error) {
	ids := pl.idx.meetings[s]
	switch len(ids) {
	case 0:
		return 0, fmt.Errorf("「%s」不是已登记的会议或活动，请先在「会议」中添加", s)
	case 1:
		return ids[0], nil
	}
	return ids[len(ids)-1], nil // the latest of the same name
}

// parseChineseInt reads 18, 十八, 二十一, 一百零五 (up to 999).
func parseChineseInt(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	if n, err := strconv.Atoi(s); err == nil {
		return n, n >= 0
	}
	digit := map[rune]int{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	total, cur := 0, -1
	for _, r := range s {
		switch {
		case r == '百':
			if cur < 0 {
				cur = 1
			}
			total += cur * 100
			cur = -1
		case r == '十':
			if cur < 0 {
				cur = 1
			}
			total += cur * 10
			cur = -1
		default:
			d, ok := digit[r]
			if !ok {
				return 0, false
			}
			if cur > 0 {
				return 0, false // 一二 is not a number
			}
			cur = d
		}
	}
	if cur > 0 {
		total += cur
	}
	return total, true
}

// termNoise is what a term written by hand carries around its number (第十八届 → 十八).
var termNoise = strings.NewReplacer("第", "", "届", "", " ", "")

// fullWidthParens folds full-width parentheses to ASCII ones.
var fullWidthParens = strings.NewReplacer("（", "(", "）", ")")
