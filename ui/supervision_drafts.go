package ui

import (
	"strconv"

	"rendadesk/store"
)

// supervisionDraftTarget is draftTarget for the forms of the 监督 tab: a campaign's form and its 测评 grid, a
// rectification item, an inquiry and its 两清单一要求, a 民生实事 project and a year's 票决. A new record opens
// from its base (which keeps where it came from, e.g. the campaign an 整改 item was raised in).
func (d *desk) supervisionDraftTarget(kind string, id int64, key string, base func(any) bool, missing func(error, string) string) (func(then, cancel func()), string) {
	db, ctx, t := d.db, d.ctx, d.super
	isNew := key == "new"
	switch kind {
	case formCampaign, formTargets:
		var x store.EvalCampaign
		if kind == formCampaign && isNew {
			base(&x)
		} else if y, err := db.EvalCampaign(ctx, id); err != nil {
			return nil, missing(err, "这项评议活动")
		} else {
			x = y
		}
		section := 0
		if kind == formTargets {
			section = 1
		}
		return func(then, cancel func()) {
			t.campaigns.open(x, cancel, func() {
				t.campaigns.reveal(section)
				then()
			})
		}, ""
	case formRect:
		var x store.Rectification
		if isNew {
			base(&x)
		} else if y, err := db.Rectification(ctx, id); err != nil {
			return nil, missing(err, "这条整改事项")
		} else {
			x = y
		}
		return func(then, cancel func()) {
			t.rects.open(x, cancel, func() {
				t.reveal(1, nil, 0)
				then()
			})
		}, ""
	case formInquiry, formInquiryLists:
		var x store.Inquiry
		if kind == formInquiry && isNew {
			base(&x)
		} else if y, err := db.Inquiry(ctx, id); err != nil {
			return nil, missing(err, "这次专题询问")
		} else {
			x = y
		}
		section := 0
		if kind == formInquiryLists {
			section = 1
		}
		return func(then, cancel func()) {
			t.inquiries.open(x, cancel, func() {
				t.reveal(2, t.inquiries.sections, section)
				then()
			})
		}, ""
	case formProject:
		var x store.LivelihoodProject
		if isNew {
			base(&x)
		} else if y, err := db.LivelihoodProject(ctx, id); err != nil {
			return nil, missing(err, "这个项目")
		} else {
			x = y
		}
		return func(then, cancel func()) {
			t.projects.open(x, cancel, func() {
				t.reveal(3, t.projects.sections, 0)
				then()
			})
		}, ""
	case formVote:
		year, err := strconv.Atoi(key)
		if err != nil {
			return nil, "内容无法读取"
		}
		p := t.projects
		return func(then, cancel func()) {
			t.reveal(3, nil, 0)
			d.leave(projectForms, func() {
				p.showYear(year)
				p.showVote()
				then()
			}, cancel)
		}, ""
	}
	return nil, "本程序不认识这种内容"
}
