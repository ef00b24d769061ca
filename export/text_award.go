package export

import (
	"fmt"
	"strings"

	"rendadesk/store"
)

// awards is template 14 (domain.md §4.2, seed 004 篇二): 「评选第二代表小组为2023年度“先进代表小组”和周运金等10名
// 人大代表为“优秀为民代表”」, from the year's selection as of the report date — with how it was decided and
// where it was (or will be) announced. Before the presidium's decision only the nominations are told; a year
// without a selection says nothing.
func (r reportWriter) awards() string {
	a := r.f.Awards
	if a.Year == 0 || a.NominatedCount() == 0 {
		return ""
	}
	if !a.Decided {
		var parts []string
		for _, c := range a.Categories {
			if n := len(c.Nominated); n > 0 {
				parts = append(parts, fmt.Sprintf("“%s”%d%s", c.Category.Name, n, awardMeasure(c.Category.Candidate)))
			}
		}
		return fmt.Sprintf("%d年度评先评优工作中，各代表小组共推荐%s，待%s集体讨论确定。", a.Year, strings.Join(parts, "、"), r.body())
	}
	var parts []string
	for _, c := range a.Categories {
		if len(c.Elected) == 0 {
			continue
		}
		who := electedPhrase(c)
		if c.Category.Candidate == store.CandidateDeputy {
			who = textAwardDeputies(c)
		}
		parts = append(parts, fmt.Sprintf("%s为“%s”", who, c.Category.Name))
	}
	if len(parts) == 0 {
		return fmt.Sprintf("%d年度评先评优经%s集体讨论，没有评出表彰对象。", a.Year, r.body())
	}
	// The seed's order: 「评选{对象}为{年度}“称号”和…」 — the year goes before the first title.
	s := fmt.Sprintf("采取代表小组推荐、%s办公室考察、%s集体讨论确定的方式，评选%s", r.office(), r.body(),
		strings.Replace(joinAnd(parts), "为“", fmt.Sprintf("为%d年度“", a.Year), 1))
	if a.Announced {
		return s + fmt.Sprintf("，并在%s上进行了公开表彰。", a.Selection.AnnounceMeeting)
	}
	return s + "，将在人民代表大会上进行公开表彰。"
}

// textAwardDeputies names the deputies chosen in a category as the seed does: 「周运金等10名人大代表」, or every
// name for one or two.
func textAwardDeputies(c store.AwardCategoryFigures) string {
	if len(c.Elected) <= 2 {
		names := make([]string, len(c.Elected))
		for i, n := range c.Elected {
			names[i] = n.CandidateName
		}
		return strings.Join(names, "、") + "代表"
	}
	return fmt.Sprintf("%s等%d名人大代表", c.Elected[0].CandidateName, len(c.Elected))
}

// awardMeasure is the measure word of a kind of candidate: 名 for deputies, 个 otherwise.
func awardMeasure(kind string) string {
	if kind == store.CandidateDeputy {
		return "名"
	}
	return "个"
}

// body is the deciding body: 镇人大主席团.
func (r reportWriter) body() string { return r.w.town + strings.TrimSuffix(r.w.presidium, "会议") }

// office is the office whose staff reviews the nominations: 镇人大.
func (r reportWriter) office() string { return r.w.town + "人大" }
