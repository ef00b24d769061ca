package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// The overview's two lists of issue 18: the petitions past their deadline (and referred cases not reported up
// in time), and the deputies behind the settings' norm of visits to voters.
type overviewVoters struct {
	petitions     []store.Petition
	petitionsHead *widget.Label
	petitionsList *widget.List
	behind        []store.ContactShort
	behindHead    *widget.Label
	behindList    *widget.List
}

// newOverviewVoters builds the two lists; tapping a petition opens it in 信访, a deputy in 代表.
func newOverviewVoters(d *desk) *overviewVoters {
	v := &overviewVoters{petitionsHead: boldLabel(""), behindHead: boldLabel("")}
	v.petitionsHead.Importance = widget.DangerImportance
	v.behindHead.Importance = widget.WarningImportance
	v.petitionsList = widget.NewList(func() int { return len(v.petitions) },
		func() fyne.CanvasObject { return newTipLabel(func() *tipLayer { return tableTips[v.petitionsList] }) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*tipLabel).SetText(overviewPetitionLine(v.petitions[i], d.today()))
		})
	v.petitionsList.OnSelected = func(i widget.ListItemID) {
		x := v.petitions[i]
		v.petitionsList.UnselectAll()
		d.tabs.Select(d.petitions.tabItem())
		d.petitions.open(x, nil, nil)
	}
	v.behindList = widget.NewList(func() int { return len(v.behind) },
		func() fyne.CanvasObject { return newTipLabel(func() *tipLayer { return tableTips[v.behindList] }) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			s := v.behind[i]
			o.(*tipLabel).SetText(strings.Join([]string{s.Name, s.GroupName, fmt.Sprintf("今年联系选民%d次，应有%d次", s.Visits, s.Due)}, "　"))
		})
	v.behindList.OnSelected = func(i widget.ListItemID) {
		s := v.behind[i]
		v.behindList.UnselectAll()
		x, err := d.db.Deputy(d.ctx, s.DeputyID)
		if err != nil {
			d.showError(err)
			return
		}
		d.tabs.Select(d.deputies.tabItem())
		d.deputies.show(x)
	}
	return v
}

// tabs are the two lists as pages of the overview's attention tabs.
func (v *overviewVoters) tabs() []*container.TabItem {
	return []*container.TabItem{
		container.NewTabItem("信访逾期", overviewCard(v.petitionsHead, withTips(v.petitionsList))),
		container.NewTabItem("联系选民不足", overviewCard(v.behindHead, withTips(v.behindList))),
	}
}

// overviewPetitionLine is 「信2024-013　反映村道积水　镇城建办　时限2024年10月23日，逾期7天」.
func overviewPetitionLine(p store.Petition, today store.Date) string {
	parts := []string{p.Number, p.Subject}
	switch {
	case p.Overdue(today):
		parts = append(parts, p.UnitName, fmt.Sprintf("时限%s，逾期%d天", p.Deadline.Chinese(), daysBetween(p.Deadline, today)))
	case p.ReportOverdue(today):
		parts = append(parts, fmt.Sprintf("%s批转，应于%s前报告结果", p.ReferralFrom, p.ReportDue.Chinese()))
	}
	return strings.Join(parts, "　")
}

// daysBetween counts the days from a to b.
func daysBetween(a, b store.Date) int { return int(b.Time().Sub(a.Time()).Hours() / 24) }

// refresh re-reads both lists as of today and titles their pages (items[0] and items[1]) with their counts.
func (v *overviewVoters) refresh(d *desk, today store.Date, items []*container.TabItem) {
	over, nOver, err := d.db.Petitions(d.ctx, store.PetitionFilter{Overdue: true, Today: today, Sort: "deadline", Limit: overviewListMax})
	logError("概览: 读取逾期信访", err)
	report, nReport, err := d.db.Petitions(d.ctx, store.PetitionFilter{ReportOverdue: true, Today: today, Limit: overviewListMax})
	logError("概览: 读取逾期未报告的批转件", err)
	v.petitions = append(over, report...)
	switch {
	case nOver+nReport == 0:
		v.petitionsHead.SetText("信访逾期：无")
	case nReport == 0:
		v.petitionsHead.SetText(fmt.Sprintf("信访逾期未办结：%d 件", nOver))
	default:
		v.petitionsHead.SetText(fmt.Sprintf("信访逾期未办结：%d 件；批转件逾期未报告结果：%d 件", nOver, nReport))
	}
	v.petitionsList.Refresh()
	v.behind, err = d.db.ContactsBehind(d.ctx, today)
	logError("概览: 读取代表联系选民", err)
	if len(v.behind) == 0 {
		v.behindHead.SetText("联系选民不足：无")
	} else {
		v.behindHead.SetText(fmt.Sprintf("联系选民次数不足：%d 名代表（到今天应有 %d 次）", len(v.behind), v.behind[0].Due))
	}
	v.behindList.Refresh()
	items[0].Text = fmt.Sprintf("信访逾期 (%d)", nOver+nReport)
	items[1].Text = fmt.Sprintf("联系选民不足 (%d)", len(v.behind))
}
