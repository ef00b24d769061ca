package export

import (
	"fmt"
	"strings"

	"rendadesk/store"
)

// contact is the paragraph of the office's contact with the public (issue 18 §7), as the seeds phrase it:
// 「受理群众来信18件，接待来访26起57人次」, the handling, the stations' issues by route, the deputies' visits
// to voters against the norm, the opinion cards and the bulletins. A clause whose count is 0 is left out.
func (r reportWriter) contact() string {
	c := r.f.Contact
	if c.Counts == nil {
		return ""
	}
	var sentences []string

	var got []string
	if n := c.N(store.CKLetters); n > 0 {
		got = append(got, fmt.Sprintf("受理群众来信%d件", n))
	}
	if n := c.N(store.CKVisits); n > 0 {
		s := fmt.Sprintf("接待来访%d起%d人次", n, c.Sum(store.CKVisits))
		if g := c.N(store.CKGroupVisits); g > 0 {
			s += fmt.Sprintf("(其中集体访%d起%d人次)", g, c.Sum(store.CKGroupVisits))
		}
		got = append(got, s)
	}
	if n := c.N(store.CKReferrals); n > 0 {
		got = append(got, fmt.Sprintf("办理上级人大批转信访件%d件", n))
	}
	if len(got) > 0 {
		var done []string
		if n := c.N(store.CKOnSpot); n > 0 {
			done = append(done, fmt.Sprintf("当场答复%d件", n))
		}
		if n := c.N(store.CKReferred); n > 0 {
			done = append(done, fmt.Sprintf("转交有关单位办理%d件", n))
		}
		total, closed := c.N(store.CKPetitions), c.N(store.CKPetitionClosed)
		switch {
		case closed == total:
			done = append(done, "均已办结")
		case closed > 0:
			done = append(done, fmt.Sprintf("已办结%d件", closed))
		}
		if n := c.N(store.CKOverdue); n > 0 {
			done = append(done, fmt.Sprintf("尚有%d件超过办结时限", n))
		}
		s := r.prefix() + strings.Join(got, "，")
		if len(done) > 0 {
			s += "，其中" + strings.Join(done, "，")
		}
		sentences = append(sentences, s+"。")
	}

	if n := c.N(store.CKIssues); n > 0 {
		var routes []string
		for _, rt := range store.IssueRoutes {
			if k := c.N(store.IssueRouteKey(rt)); k > 0 {
				routes = append(routes, fmt.Sprintf("%s%d条", rt, k))
			}
		}
		s := fmt.Sprintf("各家站点接待选民%d次，收集意见建议%d条", c.N(store.CKReceptions), n)
		if len(routes) > 0 {
			s += "，其中" + strings.Join(routes, "、")
		}
		sentences = append(sentences, s+"。")
	}

	if n := c.N(store.CKVoterVisits); n > 0 {
		s := fmt.Sprintf("代表联系选民%d次%d人次", n, c.Sum(store.CKVoterVisits))
		if k := c.N(store.CKVisitItems); k > 0 {
			s += fmt.Sprintf("，收集意见%d条", k)
		}
		if c.ContactDeputies > 0 && c.VisitNorm > 0 {
			// Who is counted and against what: store's one rule (ContactKeyDef(CKContactMet) says it).
			norm := fmt.Sprintf("每年联系选民不少于%d次的要求", c.VisitNorm)
			if !c.YearClosed() {
				norm = fmt.Sprintf("截至%d月应有的联系选民次数(每年不少于%d次，按月折算为%d次)", c.ContactOn.Time().Month(), c.VisitNorm, c.VisitsDue)
			}
			if c.ContactMet == c.ContactDeputies {
				s += fmt.Sprintf("，在任的%d名代表均达到%s", c.ContactDeputies, norm)
			} else {
				s += fmt.Sprintf("，在任的%d名代表(兼任各级的计一人)中有%d名达到%s", c.ContactDeputies, c.ContactMet, norm)
			}
		}
		sentences = append(sentences, s+"。")
	}

	var other []string
	if c.CardsSent > 0 {
		s := fmt.Sprintf("发放征求意见卡%d张、收回%d张", c.CardsSent, c.CardsReturned)
		if k := c.N(store.CKCardItems); k > 0 {
			s += fmt.Sprintf("，收集意见%d条", k)
		}
		other = append(other, s)
	}
	if n := c.N(store.CKBulletins); n > 0 {
		other = append(other, fmt.Sprintf("编发政情通报%d期", n))
	}
	if len(other) > 0 {
		sentences = append(sentences, strings.Join(other, "，")+"。")
	}
	return strings.Join(sentences, "")
}
