package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// reportPart is one part of the 报表 tab below the rates (工作规则, 年度计划, 培训学习, 宣传信息, 评先评优): its title in
// bold with a hint beside it, and a box that the part fills from the figures.
type reportPart struct {
	head *widget.Label
	box  *fyne.Container
}

// newReportPart makes an empty part titled title and what the tab shows of it; action, when not nil, stands at
// the right of the title line (container.NewBorder leaves out a nil part).
func newReportPart(title string, action fyne.CanvasObject) (reportPart, fyne.CanvasObject) {
	p := reportPart{head: reportHint(""), box: container.NewVBox()}
	return p, container.NewVBox(container.NewBorder(nil, nil, boldLabel(title), action, p.head), p.box)
}
