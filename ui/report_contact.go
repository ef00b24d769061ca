package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// The 信访和联系群众 part of the 报表 tab (issue 18 §7): each count of Figures.Contact with its measure word
// and the sum beside it (人次), 「口径」 for its definition, and 「明细」 for the records behind it
// (store.ContactItems, in the same window and as of the same date); a petition opens in 信访.

// reportContactKeys are the counts shown, in the order the text says them.
var reportContactKeys = []store.ContactKey{store.CKPetitions, store.CKLetters, store.CKVisits, store.CKGroupVisits, store.CKReferrals,
	store.CKOnSpot, store.CKReferred, store.CKPetitionClosed, store.CKOverdue, store.CKReported, store.CKReceptions, store.CKIssues,
	store.IssueRouteKey(store.RouteExplained), store.IssueRouteKey(store.RouteVillage), store.IssueRouteKey(store.RoutePresidium),
	store.IssueRouteKey(store.RouteSuggestion), store.IssueRouteKey(store.RoutePetition), store.CKDutyDays, store.CKDutyMissed,
	store.CKVoterVisits, store.CKContactMet, store.CKContactBehind, store.CKCardBatches, store.CKCardItems, store.CKBulletins}

// reportContactRow is one count's line.
type reportContactRow struct {
	key   store.ContactKey
	value *widget.Label
}

// newContactTable builds the part; show fills it.
func (t *reportTab) newContactTable() fyne.CanvasObject {
	grid := container.NewVBox()
	cols := &reportColumns{widths: []float32{190, 0, 80, 80}}
	t.contactRows = nil
	for _, k := range reportContactKeys {
		label, _, _ := store.ContactKeyDef(k)
		row := &reportContactRow{key: k, value: widget.NewLabel("")}
		t.contactRows = append(t.contactRows, row)
		def := widget.NewButton("口径", func() { t.explainContact(k) })
		items := widget.NewButton("明细", func() { t.showContactItems(k) })
		grid.Add(container.New(cols, widget.NewLabel(label), row.value, def, items))
	}
	return grid
}

// contactCount is a count as the line shows it: 「26起 57人次」.
func contactCount(c store.ContactFigures, k store.ContactKey) string {
	_, unit, _ := store.ContactKeyDef(k)
	switch k {
	case store.CKContactMet:
		return fmt.Sprintf("%d人(共%d人)", c.ContactMet, c.ContactDeputies)
	case store.CKContactBehind:
		return fmt.Sprintf("%d人", c.ContactDeputies-c.ContactMet)
	}
	s := fmt.Sprintf("%d%s", c.N(k), unit)
	if sum := c.Sum(k); sum > 0 {
		switch k {
		case store.CKVisits, store.CKGroupVisits, store.CKReceptions, store.CKVoterVisits, store.CKPetitions:
			s += fmt.Sprintf(" %d人次", sum)
		case store.CKCardBatches:
			s += fmt.Sprintf(" %d张", sum)
		}
	}
	return s
}

// showContact fills the counts of fig.
func (t *reportTab) showContact(fig store.Figures) {
	for _, r := range t.contactRows {
		r.value.SetText(contactCount(fig.Contact, r.key))
	}
}

// explainContact shows a count's 口径.
func (t *reportTab) explainContact(k store.ContactKey) {
	label, _, def := store.ContactKeyDef(k)
	text := widget.NewLabel(def + "\n统计时段和截至日期与上面的数据相同；日期在截至日期之后的记录不计入。")
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(label+" · 口径", "关闭", text, t.d.win)
	d.Resize(fyne.NewSize(560, 220))
	d.Show()
}

// showContactItems lists the records behind a count, read off the UI goroutine; a petition opens in 信访.
func (t *reportTab) showContactItems(k store.ContactKey) {
	fig := t.fig
	label, _, _ := store.ContactKeyDef(k)
	db, ctx := t.d.db, t.d.ctx
	go func() {
		recs, err := db.ContactItems(ctx, fig, k)
		fyne.Do(func() {
			if err != nil {
				t.d.showError(err)
				return
			}
			t.contactItems = recs
			var dlg dialog.Dialog
			list := widget.NewList(func() int { return len(recs) },
				func() fyne.CanvasObject {
					l := widget.NewLabel("")
					l.Truncation = fyne.TextTruncateEllipsis
					return l
				},
				func(i widget.ListItemID, o fyne.CanvasObject) {
					r := recs[i]
					o.(*widget.Label).SetText(fmt.Sprintf("%s　%s　%s", r.Date, r.Label, r.State))
				})
			list.OnSelected = func(i widget.ListItemID) {
				list.UnselectAll()
				if r := recs[i]; r.Kind == "petition" {
					p, err := db.Petition(ctx, r.ID)
					if err != nil {
						t.d.showError(err)
						return
					}
					dlg.Hide()
					t.d.tabs.Select(t.d.petitions.tabItem())
					t.d.petitions.open(p, nil, nil)
				}
			}
			var body fyne.CanvasObject = list
			if len(recs) == 0 {
				body = emptyDetail("没有记录")
			}
			dlg = dialog.NewCustom(fmt.Sprintf("%s(%d)", label, len(recs)), "关闭",
				container.NewBorder(nil, reportHint("点击一件信访，在「信访」中打开。"), nil, nil, body), t.d.win)
			dlg.Resize(fyne.NewSize(860, 540))
			dlg.Show()
		})
	}()
}
