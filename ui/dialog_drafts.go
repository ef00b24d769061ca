package ui

import (
	"slices"
	"strconv"

	"rendadesk/store"
)

// The forms of issue 22 that open in a dialog over another (评先评优 over the 代表 tab, 年度工作计划 over 报表,
// 宣传信息 over 会议) are kept like every other form (guard.go): closing one with changes asks, and a draft is
// written and offered at the next start, restored by opening the dialog under it and then the form.
const (
	formNomination      = "award.nomination"     // 评先评优: a nomination (awards.go)
	formAwardCategories = "award.categories"     // 评先评优: a year's awards and 名额 (awards.go)
	formAwardDecision   = "award.decision"       // 评先评优: the presidium's decision of a year (awards.go)
	formAnnounce        = "award.announce"       // 评先评优: the announcement at the 人代会 (awards.go)
	formWithdraw        = "award.withdraw"       // 评先评优: why a nomination is withdrawn (awards.go)
	formPlanItem        = "plan.item"            // 年度工作计划: an item (report_plan.go)
	formPlanCancel      = "plan.cancel"          // 年度工作计划: why an item is cancelled (report_plan.go)
	formArticle         = "publicity.article"    // 宣传信息: a piece published (publicity.go)
	formNewsletter      = "publicity.newsletter" // 宣传信息: an issue of 《人大通讯》 (publicity.go)
	formQuotas          = "publicity.quotas"     // 宣传信息: the 宣传任务 page (publicity.go)
)

// dialogDraftTarget is draftTarget for the dialog forms above. Each draft keeps the record the form was opened
// on as its base (the year and links of a new one); a saved record is read again, and one deleted since is
// said to be gone.
func (d *desk) dialogDraftTarget(kind, key string, id int64, isNew bool, base func(any) bool, missing func(error, string) string) (func(then, cancel func()), string) {
	db, ctx := d.db, d.ctx
	switch kind {
	case formNomination, formWithdraw:
		var x store.AwardNomination
		if kind == formNomination && !base(&x) {
			return nil, "内容无法读取"
		}
		if !isNew {
			y, err := db.AwardNomination(ctx, id)
			if err != nil {
				return nil, missing(err, "这条推荐")
			}
			x = y
		}
		if kind == formWithdraw && (x.Withdrawn || x.Elected) {
			return nil, "这条推荐现在已" + map[bool]string{true: "撤回", false: "当选"}[x.Withdrawn] + "，不能再撤回"
		}
		if _, err := db.AwardSelection(ctx, x.Year); err != nil {
			return nil, missing(err, "这一年度的评先评优")
		}
		return func(then, _ func()) {
			d.showTab(d.deputies.content)
			a := d.deputies.showAwardsDialog()
			a.showYear(x.Year)
			f := a.nominationForm(x)
			if kind == formWithdraw {
				a.withdrawForm(x, f)
			}
			then()
		}, ""
	case formAwardCategories, formAwardDecision, formAnnounce:
		year, err := strconv.Atoi(key)
		if err != nil {
			return nil, "内容无法读取"
		}
		var x store.AwardSelection
		sel, err := db.AwardSelection(ctx, year)
		switch {
		case err == nil:
			x = sel
		case kind == formAwardCategories && store.ErrorCode(err) == store.ENOTFOUND:
			x = store.NewAwardSelection(year) // the year set up for the first time
		default:
			return nil, missing(err, "这一年度的评先评优")
		}
		return func(then, _ func()) {
			d.showTab(d.deputies.content)
			a := d.deputies.showAwardsDialog()
			a.showYear(year)
			switch kind {
			case formAwardCategories:
				a.categoriesForm(x)
			case formAwardDecision:
				a.decisionForm()
			default:
				a.announceForm()
			}
			then()
		}, ""
	case formPlanItem, formPlanCancel:
		var x store.PlanItem
		if !base(&x) {
			return nil, "内容无法读取"
		}
		if !isNew {
			items, err := db.PlanItems(ctx, x.Year)
			if err != nil {
				return nil, missing(err, "")
			}
			i := slices.IndexFunc(items, func(p store.PlanItem) bool { return p.ID == id })
			if i < 0 {
				return nil, "这个计划项已删除"
			}
			x = items[i]
		}
		if kind == formPlanCancel && x.CancelledOn != "" {
			return nil, "这个计划项已经取消"
		}
		t := d.report
		return func(then, _ func()) {
			d.showTab(t.content)
			t.openPlan(x.Year, t.refresh)
			if kind == formPlanItem {
				t.plan.editor.itemForm(x, t.plan.editor.after)
			} else {
				t.plan.editor.cancelForm(x, t.plan.editor.after)
			}
			then()
		}, ""
	case formArticle:
		var x store.Article
		if !base(&x) {
			return nil, "内容无法读取"
		}
		if !isNew {
			all, err := db.Articles(ctx, store.ArticleFilter{})
			if err != nil {
				return nil, missing(err, "")
			}
			i := slices.IndexFunc(all, func(a store.Article) bool { return a.ID == id })
			if i < 0 {
				return nil, "这篇稿件已删除"
			}
			x = all[i]
		}
		return func(then, _ func()) {
			d.showTab(d.meetings.content)
			p := d.meetings.showPublicity()
			p.articleForm(x)
			then()
		}, ""
	case formQuotas:
		return func(then, _ func()) {
			d.showTab(d.meetings.content)
			d.meetings.showPublicity().tabs.SelectIndex(2)
			then()
		}, ""
	case formNewsletter:
		var x store.Newsletter
		if !base(&x) {
			return nil, "内容无法读取"
		}
		if !isNew {
			all, err := db.Newsletters(ctx, 0)
			if err != nil {
				return nil, missing(err, "")
			}
			i := slices.IndexFunc(all, func(n store.Newsletter) bool { return n.ID == id })
			if i < 0 {
				return nil, "这一期《人大通讯》已删除"
			}
			x = all[i]
		}
		return func(then, _ func()) {
			d.showTab(d.meetings.content)
			p := d.meetings.showPublicity()
			p.tabs.SelectIndex(1)
			p.newsletterForm(x)
			then()
		}, ""
	}
	return nil, "本程序不认识这种内容"
}
