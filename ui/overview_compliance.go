package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// overviewRules is the 概览's list of what the work rules still require in the period holding today
// (issue 22): 「本季度尚未召开主席团会议（还剩18天）」, 「第二代表小组本季度尚无活动（还剩18天）」,
// 「11月公示尚未打印或登记（应于2024年11月10日前，还剩3天）」, and the year's plan items of this month or
// quarter not done (「年度计划本季度安排的「…」尚未完成（还剩31天）」), the nearest due first. The rules are set in
// 设置 → 工作规则; the year's table is in 报表.
type overviewRules struct {
	items []store.Reminder
	head  *widget.Label
	list  *widget.List
	// line is the nearest reminder under the day's date, seen without opening the page, with a button that
	// opens it (the attention tabs overflow at the window's usual width and put 工作提醒 behind 「…」);
	// hidden when nothing is due.
	line     *fyne.Container
	lineText *widget.Label
	open     *widget.Button
}

// newOverviewRules makes the list; show opens its page among the attention tabs.
func newOverviewRules(show func()) *overviewRules {
	o := &overviewRules{head: boldLabel(""), lineText: widget.NewLabel("")}
	o.lineText.Importance = widget.WarningImportance
	o.lineText.Truncation = fyne.TextTruncateEllipsis
	o.open = widget.NewButton("查看全部", show)
	o.open.Importance = widget.LowImportance
	o.line = container.NewBorder(nil, nil, o.open, nil, o.lineText)
	o.head.Importance = widget.WarningImportance
	o.list = widget.NewList(func() int { return len(o.items) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, c fyne.CanvasObject) {
			l := c.(*widget.Label)
			l.SetText(o.items[i].Text)
			if o.items[i].DaysLeft < 0 {
				l.Importance = widget.DangerImportance
			} else {
				l.Importance = widget.MediumImportance
			}
			l.Refresh()
		})
	o.list.OnSelected = func(widget.ListItemID) { o.list.UnselectAll() }
	return o
}

// refresh reads the reminders of today and titles the page.
func (o *overviewRules) refresh(d *desk, today store.Date, item *container.TabItem) {
	var err error
	o.items, err = d.db.Reminders(d.ctx, today)
	if err != nil {
		logError("概览: 读取工作规则提醒", err)
		o.items = nil
	}
	if len(o.items) == 0 {
		o.head.SetText("按工作规则和年度工作计划，本期要做的工作都已完成")
		o.line.Hide()
	} else {
		o.head.SetText(fmt.Sprintf("按工作规则和年度工作计划，本期尚未完成 %d 项(规则在「设置 → 工作规则」中修改，计划在「报表」中编辑)", len(o.items)))
		line := "工作提醒：" + o.items[0].Text
		if len(o.items) > 1 {
			line += fmt.Sprintf("等 %d 项", len(o.items))
		}
		o.lineText.SetText(line)
		o.open.SetText(fmt.Sprintf("查看全部 %d 项", len(o.items)))
		o.line.Show()
	}
	o.list.Refresh()
	item.Text = fmt.Sprintf("工作提醒 (%d)", len(o.items))
}
