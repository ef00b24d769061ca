package export

import (
	"fmt"
	"strings"

	"rendadesk/store"
)

// supervision is the report text's 监督 part (issue 17), a paragraph each for the campaigns, the rectification,
// the inquiries and the 民生实事, in the words of seed 002 (篇五, 篇十四, 篇十七): 「组织代表对乡财政所等6个单位
// 进行了述职评议……组成了2个评议调查组调查走访了9个村，召开座谈会20个，个别谈话100人次……综合整理出整改意见18条」.
// A clause is said only when the record holds its count; 「均已销号」 only when every item is.
func (r reportWriter) supervision() string {
	s := r.f.Supervision
	if s.Counts == nil {
		return ""
	}
	var paras []string
	for _, c := range s.Campaigns {
		paras = append(paras, r.campaignText(c))
	}
	if p := r.rectificationText(); p != "" {
		paras = append(paras, p)
	}
	for _, q := range s.Inquiries {
		p := fmt.Sprintf("%s，就%s开展专题询问", q.Date.Chinese(), strings.TrimPrefix(q.Topic, "关于"))
		if lists := textJoin("，", textCount("", q.Problems, "个问题"), textCount("", q.Suggestions, "条建议"),
			textCount("", q.Requirements, "条具体要求")); lists != "" {
			p += "，梳理归纳为问题清单、建议清单和具体要求(简称“两清单一要求”)，包括" + lists
		}
		if q.Rectifications > 0 {
			p += fmt.Sprintf("，其中%d项列入整改、逐项对账销号", q.Rectifications)
		}
		paras = append(paras, p+"。")
	}
	if p := r.livelihoodText(); p != "" {
		paras = append(paras, p)
	}
	return strings.Join(paras, "\n　　")
}

// campaignText tells one campaign: whom it evaluated, the investigation, the opinions gathered and the items
// made of them, and the vote with its grades and titles.
func (r reportWriter) campaignText(c store.CampaignSummary) string {
	var whom []string
	if c.Units > 0 {
		if c.Units == 1 && len(c.FirstUnits) > 0 {
			whom = append(whom, c.FirstUnits[0])
		} else if len(c.FirstUnits) > 0 && c.Units > 1 {
			whom = append(whom, fmt.Sprintf("%s等%d个单位", c.FirstUnits[0], c.Units))
		}
	}
	if c.Persons > 0 {
		post := "人员"
		if store.KindCountOf(c.Categories, "分管领导") == c.Persons {
			post = "分管领导"
		}
		whom = append(whom, fmt.Sprintf("%d位%s", c.Persons, post))
	}
	s := r.w.town + "人大" + strings.TrimPrefix(r.presidiumBody(), "人大")
	p := fmt.Sprintf("%d年，%s组织代表对%s进行了%s。", c.Date.Year(), s, strings.Join(whom, "、"), c.Method)
	var how []string
	if c.Plan != "" {
		how = append(how, "认真制订了实施方案")
	}
	if c.Groups > 0 {
		g := fmt.Sprintf("组成了%d个评议调查组", c.Groups)
		if c.Villages > 0 {
			g += fmt.Sprintf("调查走访了%d个村(居)", c.Villages)
		}
		how = append(how, g)
	} else if c.Villages > 0 {
		how = append(how, fmt.Sprintf("调查走访了%d个村(居)", c.Villages))
	}
	how = append(how, textCount("召开座谈会", c.Forums, "个"), textCount("个别谈话", c.Interviews, "人次"),
		textCount("印发征求意见函", c.Letters, "份"))
	if h := textJoin("，", how...); h != "" {
		p += "在评议工作中，" + h + "，广泛听取各方面的意见。"
	}
	switch {
	case c.Opinions > 0 && c.Rectifications > 0:
		p += fmt.Sprintf("调查组共收集建议、意见%d条，综合整理出整改意见%d条。", c.Opinions, c.Rectifications)
	case c.Opinions > 0:
		p += fmt.Sprintf("调查组共收集建议、意见%d条。", c.Opinions)
	case c.Rectifications > 0:
		p += fmt.Sprintf("综合整理出整改意见%d条。", c.Rectifications)
	}
	if c.BallotsCounted > 0 {
		n := c.Top + c.Middle + c.Bottom
		heard := "代表"
		if c.PresentAtMeeting > 0 {
			heard = fmt.Sprintf("%d名代表", c.PresentAtMeeting)
		}
		g := c.Grades
		p += fmt.Sprintf("%s，%s听取了%d个评议对象的述职报告，并按%s、%s、%s三个档次进行无记名投票测评，", c.Date.Chinese(), heard, n,
			g[0], g[1], g[2])
		p += "评为" + textJoin("，", textCount(g[0], c.Top, "个"), textCount(g[1], c.Middle, "个"), textCount(g[2], c.Bottom, "个"))
		if c.Award != "" && c.Awarded > 0 {
			p += fmt.Sprintf("，%d个评议对象被评为“%s”", c.Awarded, c.Award)
		}
		p += "。"
	}
	return p
}

// presidiumBody is the body's name without 「会议」: 人大主席团 / 人大工委.
func (r reportWriter) presidiumBody() string { return strings.TrimSuffix(r.w.presidium, "会议") }

// rectificationText counts the items raised in the period and where they stood on the report date.
func (r reportWriter) rectificationText() string {
	s := r.f.Supervision
	raised := s.Count(store.SupRectRaised)
	if raised == 0 {
		return ""
	}
	closed := s.Count(store.SupRectClosed)
	p := fmt.Sprintf("%s评议、视察调研、执法检查和专题询问中共提出整改意见%d条", r.prefix(), raised)
	var phases []string
	for _, k := range s.RectByPhase {
		phases = append(phases, textCount(k.Name, k.Count, "条"))
	}
	if ph := textJoin("、", phases...); ph != "" {
		p += "，按" + ph + "分阶段交相关单位整改"
	}
	asOf := ""
	if r.f.AsOf != "" {
		asOf = "截至" + r.f.AsOf.Chinese() + "，"
	}
	if closed == raised {
		p += "。" + asOf + "均已整改销号"
	} else {
		p += "。" + asOf + textJoin("、", textCount("已销号", closed, "条"), textCount("整改中", s.Count(store.SupRectActive), "条"),
			textCount("未整改", s.Count(store.SupRectOpen), "条"))
		if closed > 0 {
			p += "，已销号率" + r.pct(s.RateOf(store.SupervisionRateDefs[0])) // 已销号率
		}
	}
	if o := s.Count(store.SupRectOverdue); o > 0 {
		p += fmt.Sprintf("，其中%d条已过整改时限", o)
	}
	if rv := s.Count(store.SupRectReviewed); rv > 0 {
		ok := s.Count(store.SupRectReviewOK)
		p += fmt.Sprintf("；对%d条开展了整改“回头看”，满意%d条", rv, ok)
	}
	return p + "。"
}

// livelihoodText is the 票决 of the period's years and the follow-up of the projects.
func (r reportWriter) livelihoodText() string {
	s := r.f.Supervision
	var parts []string
	for _, v := range s.Votes {
		at := ""
		if v.Meeting != "" {
			at = "在" + v.Meeting + "上"
		}
		parts = append(parts, fmt.Sprintf("%s，%s组织代表对%d个民生实事候选项目进行票决，确定%d项为%d年民生实事项目", v.Date.Chinese(), at,
			v.Candidates, v.Chosen, v.Year))
	}
	if n := s.Count(store.SupProjects); n > 0 {
		f := fmt.Sprintf("对%d个民生实事和重点项目", n)
		if c := s.Count(store.SupChecks); c > 0 {
			f += fmt.Sprintf("开展督查%d次", c)
		} else {
			f += "跟踪监督"
		}
		if done := s.Count(store.SupCompleted); done > 0 {
			f += fmt.Sprintf("，已完成%d项", done)
		}
		if s.Satisfaction.Den > 0 {
			f += fmt.Sprintf("，并对项目实施效果进行满意率、知晓率测评，满意率%s、知晓率%s", r.pct(s.Satisfaction), r.pct(s.Awareness))
		}
		parts = append(parts, f)
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "；") + "。"
}
