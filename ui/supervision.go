package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// supervisionTab is 监督 (issue 17): four pages — 评议活动 (campaigns with their targets and 测评), 整改事项 (items
// followed from 未整改 to 已销号 and 回头看), 专题询问 (两清单一要求) and 民生实事 (the year's candidates, the 票决 and
// the chosen projects' follow-up).
type supervisionTab struct {
	item      *container.TabItem // made once (tabItem): the window selects the tab by it
	d         *desk
	pages     *container.AppTabs
	campaigns *campaignsPane
	rects     *rectsPane
	inquiries *inquiriesPane
	projects  *projectsPane
	content   fyne.CanvasObject
}

// The forms of the 监督 tab, for the unsaved-changes guard (guard.go). A kind is at most 20 characters: the
// store refuses a longer draft kind, and the draft would silently not be written.
const (
	formCampaign     = "supervision.campaign"
	formTargets      = "supervision.targets"
	formRect         = "supervision.rect"
	formInquiry      = "supervision.inquiry"
	formProject      = "supervision.project"
	formVote         = "supervision.vote"
	supervisionTitle = "监督"
)

func newSupervisionTab(d *desk) *supervisionTab {
	t := &supervisionTab{d: d}
	t.campaigns = newCampaignsPane(t)
	t.rects = newRectsPane(t)
	t.inquiries = newInquiriesPane(t)
	t.projects = newProjectsPane(t)
	t.pages = container.NewAppTabs(
		container.NewTabItem("评议活动", t.campaigns.content),
		container.NewTabItem("整改事项", t.rects.content),
		container.NewTabItem("专题询问", t.inquiries.content),
		container.NewTabItem("民生实事", t.projects.content),
	)
	t.content = t.pages
	return t
}

func (t *supervisionTab) tabItem() *container.TabItem {
	return onceTab(&t.item, supervisionTitle, t.content)
}

// newRecord (Ctrl+N) adds a record on the page shown.
func (t *supervisionTab) newRecord() {
	switch t.pages.SelectedIndex() {
	case 0:
		t.campaigns.newRecord()
	case 1:
		t.rects.newRecord()
	case 2:
		t.inquiries.newRecord()
	case 3:
		t.projects.newRecord()
	}
}

// refresh re-reads every page's list.
func (t *supervisionTab) refresh() {
	t.campaigns.refresh()
	t.rects.refresh()
	t.inquiries.refresh()
	t.projects.refresh()
}

// reveal brings page (0 评议活动 … 3 民生实事) of the 监督 tab into view, and section page of its detail.
func (t *supervisionTab) reveal(page int, sections *container.AppTabs, section int) {
	t.d.showTab(t.content)
	t.pages.SelectIndex(page)
	if sections != nil {
		sections.SelectIndex(section)
	}
}

// precision is the settings' decimals for percentages (1 when they cannot be read).
func (d *desk) precision() int {
	s, err := d.db.Settings(d.ctx)
	if err != nil {
		logError("读取设置", err)
		return 1
	}
	return s.Precision
}
