package ui

import (
	"fyne.io/fyne/v2/container"
)

// Tabs built when first chosen. AppTabs measures every tab's content for its own minimum size and refreshes
// every one on a theme change, so a window holding all nine tabs' widgets creates, measures and keeps the
// renderers of all of them before its first frame (most of the start-up time after the fonts, and tens of
// MB on the stress database). Each tab's struct and widgets are still made by newDesk — Ctrl+N, a search jump,
// a restored draft or the close guard find them as before — but the content of every tab except the selected
// one waits aside in desk.deferred, and the tab holds an empty page (tabpage.go) until it is first chosen.
//
// The content goes in only once the window has laid the tab out: it gets the page's size before it is
// measured or rendered. That also keeps the reason all tabs were once given at once: AppTabs.Append refreshed
// tabs before the window had sized them, and a Table laid out at zero height makes Fyne 2.7 build a row
// separator for every row of its list (widget/table.go visibleRowHeights).

// Tabs read after the first frame. The window's first frame needs only what 概览 shows without its figures;
// every tab's first read (the records of its list, the options of its filters, 概览's counts) waits in
// desk.pending until the frame is on the screen, then runs at once on the UI goroutine, before any event is
// handled (session.painted), so no click finds a tab unread. A tab chosen before that (only a test can) runs its
// own read when it is built. 概览 says 「正在统计…」 where its figures go until they are read.

// pendingLoad is the first read of one tab: the tab's item and what reads it.
type pendingLoad struct {
	item *container.TabItem
	load func()
}

// addPending makes load the first read of the tab it, run by loadPending or when the tab is built.
func (d *desk) addPending(it *container.TabItem, load func()) {
	d.pending = append(d.pending, pendingLoad{it, load})
}

// loadPending runs every first read still waiting, in the order of the tabs.
func (d *desk) loadPending() {
	for len(d.pending) > 0 {
		p := d.pending[0]
		d.pending = d.pending[1:]
		p.load()
	}
}

// loadTab runs the first read of the tab it if it is still waiting.
func (d *desk) loadTab(it *container.TabItem) {
	for i, p := range d.pending {
		if p.item == it {
			d.pending = append(d.pending[:i:i], d.pending[i+1:]...)
			p.load()
			return
		}
	}
}

// deferTabs empties the page of every tab of items but the first and keeps their contents in d.deferred.
func (d *desk) deferTabs(items []*container.TabItem) []*container.TabItem {
	for _, it := range items[1:] {
		p := it.Content.(*tabPage)
		d.deferred[it] = p.content()
		p.setContent(nil)
	}
	return items
}

// buildTab puts the content of it, a tab just chosen, in its empty page (once), after its first
// read when that has not run yet.
func (d *desk) buildTab(it *container.TabItem) {
	d.loadTab(it)
	content, ok := d.deferred[it]
	if !ok {
		return
	}
	delete(d.deferred, it)
	it.Content.(*tabPage).setContent(content)
}
