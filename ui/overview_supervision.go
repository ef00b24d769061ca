package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// overviewRects is the 概览's list of 整改事项 past their due date and not 已销号 (逾期整改), like the overdue
// suggestions beside it; a tap opens the item in 监督 → 整改事项.
type overviewRects struct {
	items []store.Rectification
	total int
	head  *widget.Label
	list  *widget.List
}

func newOverviewRects(d *desk) *overviewRects {
	o := &overviewRects{head: boldLabel("")}
	o.head.Importance = widget.DangerImportance
	o.list = widget.NewList(func() int { return len(o.items) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, c fyne.CanvasObject) {
			c.(*widget.Label).SetText(overviewRectLine(o.items[i], d.today()))
		})
	o.list.OnSelected = func(i widget.ListItemID) {
		x := o.items[i]
		o.list.UnselectAll()
		d.super.rects.open(x, nil, func() { d.super.reveal(1, nil, 0) })
	}
	return o
}

// overviewRectLine is an overdue item as one line: due date, days past it, unit, state and text.
func overviewRectLine(x store.Rectification, today store.Date) string {
	days := int(today.Time().Sub(x.Due.Time()).Hours()/24 + 0.5)
	return fmt.Sprintf("%s到期(逾期%d天)　%s　%s　%s", x.Due, days, x.UnitName, x.State, x.Text)
}

// refresh reads the overdue items of today, the earliest due first.
func (o *overviewRects) refresh(d *desk, today store.Date) {
	var err error
	o.items, o.total, err = d.db.Rectifications(d.ctx, store.RectificationFilter{Overdue: true, Today: today, Sort: "due", Limit: 200})
	if err != nil {
		logError("概览: 读取逾期整改", err)
		o.items, o.total = nil, 0
	}
	o.head.SetText(fmt.Sprintf("逾期未销号的整改事项 %d 条(按整改时限)", o.total))
	o.list.Refresh()
}
