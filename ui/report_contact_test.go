package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// The 报表 tab's 信访和联系群众 counts are the figures', 「明细」 lists as many records as the count says, and a
// petition tapped there opens in 信访.
func TestReportContactCounts(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	r := reportOpen(t, d)
	c := r.fig.Contact
	if c.N(store.CKLetters) == 0 || c.N(store.CKIssues) == 0 {
		t.Fatalf("the demo year has no letters or issues")
	}
	row := func(k store.ContactKey) *reportContactRow {
		for _, x := range r.contactRows {
			if x.key == k {
				return x
			}
		}
		t.Fatalf("no row for %s", k)
		return nil
	}
	if got, want := row(store.CKVisits).value.Text, fmt.Sprintf("%d起 %d人次", c.N(store.CKVisits), c.Sum(store.CKVisits)); got != want {
		t.Errorf("来访 shows %q, want %q", got, want)
	}
	if got, want := row(store.IssueRouteKey(store.RouteSuggestion)).value.Text, fmt.Sprintf("%d条", c.N(store.IssueRouteKey(store.RouteSuggestion))); got != want {
		t.Errorf("转为建议 shows %q, want %q", got, want)
	}
	if !strings.Contains(r.text.Text, fmt.Sprintf("受理群众来信%d件", c.N(store.CKLetters))) {
		t.Errorf("the text does not say the letters: %q", r.text.Text)
	}

	r.showContactItems(store.CKLetters)
	waitFor(t, "the 明细 dialog", func() bool { return len(r.contactItems) > 0 && d.win.Canvas().Overlays().Top() != nil })
	if n := len(r.contactItems); n != c.N(store.CKLetters) {
		t.Fatalf("明细 lists %d letters, the count is %d", n, c.N(store.CKLetters))
	}
	var list *widget.List
	walk(topDialog(t, d), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.List); ok {
			list = l
		}
	})
	list.Select(0)
	if d.tabs.Selected().Text != "信访" || d.petitions.current.ID != r.contactItems[0].ID {
		t.Errorf("tapping a letter shows tab %s, petition %d", d.tabs.Selected().Text, d.petitions.current.ID)
	}
}
