package ui

import (
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
)

// Tabs built when first chosen. AppTabs measures every tab's content for its own minimum size and refreshes
// every one on a theme change, so a window holding all nine tabs' widgets creates, measures and keeps the
// renderers of all of them before its first frame (most of the start-up time after the fonts, and tens of
// MB on the stress database). Each tab's struct and widgets are still made by newDesk — Ctrl+N, a search jump,
// a restored draft or the close guard find them as before — but the content of every tab except the selected
// one waits aside in desk.deferred, and the tab holds an empty placeholder until it is first chosen.
//
// The content goes in only once the window has laid the tab out: it gets the placeholder's size before it is
// measured or rendered. That also keeps the reason all tabs were once given at once: AppTabs.Append refreshed
// tabs before the window had sized them, and a Table laid out at zero height makes Fyne 2.7 build a row
// separator for every row of its list (widget/table.go visibleRowHeights).

// deferTabs puts a placeholder in every tab of items but the first and keeps their contents in d.deferred.
func (d *desk) deferTabs(items []*container.TabItem) []*container.TabItem {
	for _, it := range items[1:] {
		d.deferred[it] = it.Content
		it.Content = container.New(layout.NewStackLayout())
	}
	return items
}

// buildTab puts the content of it, a tab just chosen, in place of its placeholder (once).
func (d *desk) buildTab(it *container.TabItem) {
	content, ok := d.deferred[it]
	if !ok {
		return
	}
	delete(d.deferred, it)
	placeholder := it.Content
	content.Move(placeholder.Position())
	content.Resize(placeholder.Size())
	it.Content = content
	d.tabs.Refresh()
}
