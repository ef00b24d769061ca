package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// column is one column of a record list: its title, width at the standard text size, the store's sort key
// ("" = not sortable) and how a record renders in it. The width grows with the 字号 setting and, for a short
// column (narrower than longTextWidth), with what the first page of records holds in it.
type column[T any] struct {
	title string
	width float32
	sort  string
	text  func(T) string
}

// longTextWidth is the standard width from which a column holds running text (标题, 工作单位): it keeps its
// width and shows the whole text on hover, rather than pushing the other columns out of sight.
const longTextWidth = 180

// baseTextSize is the text size the column widths are given for (Fyne's default, 字号 标准).
const baseTextSize = 14

// revealPages is how many pages a list reads at most looking for a record to select (reveal): enough for a
// township's years, few enough that a stress database is not read whole.
const revealPages = 20

// listPageSize is how many records one query loads; the table asks for pages as it scrolls, so a list of
// 100 000 items costs a few queries, never 100 000 widgets.
const listPageSize = 100

// recordList is the sortable, paged table at the heart of every record tab. load is the tab's query with its
// current filter; the list adds paging and sorting.
type recordList[T any] struct {
	columns  []column[T]
	load     func(offset, limit int, sort string, desc bool) ([]T, int, error)
	onSelect func(T)

	table  *widget.Table
	status *widget.Label
	pages  map[int][]T
	total  int
	sort   string
	desc   bool
	err    error
	// fitted is set once the columns are sized for the text size and the records (fitColumns), at widths;
	// sizing them all again only when the 字号 changes keeps the widths a clerk dragged.
	fitted bool
	widths []float32
	// sized is set once the first reload has given the columns their standard widths.
	sized bool
	// chosen is the row whose record the pane shows, chosen by the clerk or by reveal (-1: none or
	// unknown); showing its record needs no search. undo puts the row chosen before back when the clerk
	// cancels leaving a form with unsaved changes.
	chosen int
	undo   func()
	// quiet is set while the list selects a row itself (reveal, reselect), so onSelect does not run.
	quiet bool
	note  string // said after the count in the status line (a filter cleared by reveal)
}

func newRecordList[T any](cols []column[T], load func(offset, limit int, sort string, desc bool) ([]T, int, error), onSelect func(T)) *recordList[T] {
	l := &recordList[T]{columns: cols, load: load, onSelect: onSelect, pages: map[int][]T{}, chosen: -1}
	l.status = widget.NewLabel("")
	l.table = widget.NewTableWithHeaders(
		func() (int, int) {
			if l.table.Size().Height <= 0 {
				// Not laid out yet (a tab not shown): Fyne 2.7 would take every row as visible and build
				// a row separator for each (widget/table.go visibleRowHeights for a zero height) — 120 000
				// widgets on the stress database. The rows appear with the table's first real layout.
				return 0, len(l.columns)
			}
			return l.total, len(l.columns)
		},
		func() fyne.CanvasObject { return newTipLabel(func() *tipLayer { return tableTips[l.table] }) },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			lb := o.(*tipLabel)
			if r, ok := l.item(id.Row); ok {
				lb.SetText(l.columns[id.Col].text(r))
			} else {
				lb.SetText("")
			}
		})
	l.table.ShowHeaderColumn = false
	l.table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	l.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 || id.Col >= len(l.columns) {
			b.SetText("")
			return
		}
		c := l.columns[id.Col]
		title := c.title
		if c.sort != "" && c.sort == l.sort {
			if l.desc {
				title += " ▼"
			} else {
				title += " ▲"
			}
		}
		b.SetText(title)
		b.OnTapped = func() { l.sortBy(c.sort) }
	}
	// The columns' standard widths are set by the first reload: SetColumnWidth refreshes the table, which
	// would make its renderer (and measure its header) in every tab before the first frame.
	l.chosen = -1
	l.table.OnSelected = func(id widget.TableCellID) {
		r, ok := l.item(id.Row)
		if l.quiet || !ok || l.onSelect == nil {
			l.chosen = id.Row
			return
		}
		prev := l.chosen
		l.chosen = id.Row
		l.undo = func() { l.reselect(prev) }
		l.onSelect(r)
	}
	// A new 字号 sizes the columns afresh.
	if a := fyne.CurrentApp(); a != nil {
		a.Settings().AddListener(func(fyne.Settings) {
			l.fitted = false
			l.fitColumns()
		})
	}
	return l
}

// fitColumns sizes the columns for the text size and for the records of the first page: each is as wide as
// its title, its standard width scaled by the text size, and — for a short column — its longest entry. It
// sizes every column once the list has records and again when the 字号 changes; after a filter or a search it
// only widens a short column whose new entries need more (so the widths a clerk dragged mostly stay).
func (l *recordList[T]) fitColumns() {
	rows := l.pages[0]
	if len(rows) == 0 {
		return
	}
	full := !l.fitted
	l.fitted = true
	if len(l.widths) != len(l.columns) {
		l.widths = make([]float32, len(l.columns))
	}
	th := l.table.Theme()
	size := th.Size(theme.SizeNameText)
	scale := size / baseTextSize
	pad := 2*th.Size(theme.SizeNameInnerPadding) + 2
	for i, c := range l.columns {
		w := max(c.width*scale, fyne.MeasureText(c.title+" ▼", size, fyne.TextStyle{}).Width+2*pad)
		if c.width < longTextWidth {
			for _, r := range rows {
				w = max(w, fyne.MeasureText(c.text(r), size, fyne.TextStyle{}).Width+pad)
			}
		}
		if full || w > l.widths[i] {
			l.widths[i] = w
			l.table.SetColumnWidth(i, w)
		}
	}
}

// reveal selects the record for which match holds, reading up to revealPages pages of the list to find it,
// and scrolls it into view; it reports whether the record is in the list. onSelect does not run for it.
func (l *recordList[T]) reveal(match func(T) bool) bool {
	if l.total == 0 {
		return false
	}
	if r, ok := l.item(l.chosen); ok && match(r) {
		return true // the row the clerk just chose
	}
	for row := 0; row < l.total && row < revealPages*listPageSize; row++ {
		r, ok := l.item(row)
		if !ok {
			return false
		}
		if match(r) {
			l.reselect(row)
			return true
		}
	}
	return false
}

// view is the table with the layer that shows a cell's whole text on hover; the tabs lay it out.
func (l *recordList[T]) view() fyne.CanvasObject { return withTips(l.table) }

// undoSelect selects again the row chosen before the last one, without choosing it anew.
func (l *recordList[T]) undoSelect() {
	if l.undo != nil {
		l.undo()
	}
}

// reselect selects row (none for -1) without calling onSelect.
func (l *recordList[T]) reselect(row int) {
	l.quiet = true
	defer func() { l.quiet = false }()
	l.chosen = row
	if row < 0 {
		l.table.UnselectAll()
		return
	}
	l.table.Select(widget.TableCellID{Row: row, Col: 0})
}

// unselect clears the selection (a new record in the pane).
func (l *recordList[T]) unselect() { l.reselect(-1) }

// sortBy sorts by a column, toggling the direction when it already sorts by it.
func (l *recordList[T]) sortBy(key string) {
	if key == "" {
		return
	}
	if l.sort == key {
		l.desc = !l.desc
	} else {
		l.sort, l.desc = key, false
	}
	l.reload()
}

// reload forgets the loaded pages and asks the store again (after a filter, a sort or an edit).
func (l *recordList[T]) reload() {
	if !l.sized {
		l.sized = true
		for i, c := range l.columns {
			l.table.SetColumnWidth(i, c.width)
		}
	}
	l.note = ""
	l.pages = map[int][]T{}
	l.chosen, l.undo = -1, nil
	l.err = nil
	rows, total, err := l.load(0, listPageSize, l.sort, l.desc)
	if err != nil {
		l.err = err
		l.total = 0
	} else {
		l.pages[0] = rows
		l.total = total
	}
	l.fitColumns()
	l.redraw()
	l.updateStatus()
}

// redraw shows the reloaded rows from the top, once the table has a size. A Table that was never laid out
// (the list of a tab not shown yet) must not be refreshed: Fyne 2.7 then takes every row as visible
// (widget/table.go, visibleRowHeights for a zero height) and builds a row separator for each — 120 000
// widgets and ~100 MB before the first frame on the stress database. Its first layout reads the rows anyway.
func (l *recordList[T]) redraw() {
	l.chosen = -1
	if l.table.Size().Height <= 0 {
		return
	}
	l.table.UnselectAll()
	l.table.Refresh()
	l.table.ScrollToTop()
}

func (l *recordList[T]) updateStatus() {
	if l.err != nil {
		l.status.SetText("查询出错：" + store.ErrorMessage(l.err))
		return
	}
	text := fmt.Sprintf("共 %d 条", l.total)
	if l.note != "" {
		text += "　" + l.note
	}
	l.status.SetText(text)
}

// item returns the record on a row, loading its page when needed.
func (l *recordList[T]) item(row int) (T, bool) {
	var zero T
	if row < 0 || row >= l.total {
		return zero, false
	}
	p := row / listPageSize
	rows, ok := l.pages[p]
	if !ok {
		var err error
		rows, _, err = l.load(p*listPageSize, listPageSize, l.sort, l.desc)
		if err != nil {
			l.err = err
			l.updateStatus()
			return zero, false
		}
		l.pages[p] = rows
	}
	i := row - p*listPageSize
	if i >= len(rows) {
		return zero, false
	}
	return rows[i], true
}

// all returns every record of the current filter and sort, for export.
func (l *recordList[T]) all() ([]T, error) {
	rows, _, err := l.load(0, 0, l.sort, l.desc)
	return rows, err
}

// rowsText renders records as the list shows them, for export.
func (l *recordList[T]) rowsText(rows []T) (headers []string, cells [][]string) {
	for _, c := range l.columns {
		headers = append(headers, c.title)
	}
	for _, r := range rows {
		line := make([]string, len(l.columns))
		for i, c := range l.columns {
			line[i] = c.text(r)
		}
		cells = append(cells, line)
	}
	return headers, cells
}
