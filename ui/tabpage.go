package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// tabPage is what the window's AppTabs holds for a tab: a box with the tab's content (or nothing while the
// tab waits to be built, lazytabs.go). AppTabs refreshes the content of every tab whenever a tab is chosen
// (Fyne 2.7, container/tabs.go applyTheme), which redrew the icons and re-measured the text of every tab
// built so far at each switch. A hidden page lets the refresh pass: showing a widget refreshes it (Fyne's
// BaseWidget.Show), so a switch refreshes the tab chosen only. (make bench, every tab of the stress
// database: CPU 7.7 → 6.5 s.)
type tabPage struct {
	widget.BaseWidget
	box *fyne.Container
}

func newTabPage(content fyne.CanvasObject) *tabPage {
	p := &tabPage{box: container.New(layout.NewStackLayout(), content)}
	p.ExtendBaseWidget(p)
	return p
}

// CreateRenderer lays the box out at the page's size.
func (p *tabPage) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(p.box) }

// Refresh refreshes the content when the page is shown; a hidden page is refreshed when it is shown again.
func (p *tabPage) Refresh() {
	if p.Visible() {
		p.box.Refresh()
	}
}

// content is what the page shows (nil while it waits to be built).
func (p *tabPage) content() fyne.CanvasObject {
	if len(p.box.Objects) == 0 {
		return nil
	}
	return p.box.Objects[0]
}

// setContent puts o in the page, sized as the page is laid out (a Table must not be measured at no size:
// lazytabs.go), or empties it for nil.
func (p *tabPage) setContent(o fyne.CanvasObject) {
	if o == nil {
		p.box.Objects = nil
		return
	}
	o.Move(fyne.NewPos(0, 0))
	o.Resize(p.box.Size())
	p.box.Objects = []fyne.CanvasObject{o}
	p.box.Refresh()
}

// tabContent is the content of one of the window's tabs: what its page shows, or what waits to be shown
// there when the tab is first chosen.
func (d *desk) tabContent(it *container.TabItem) fyne.CanvasObject {
	if o, ok := d.deferred[it]; ok {
		return o
	}
	if p, ok := it.Content.(*tabPage); ok {
		return p.content()
	}
	return it.Content
}
