package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"rendadesk/store"
)

func TestItemPrintChoicesFollowTheState(t *testing.T) {
	kinds := func(x store.Suggestion) string {
		var k []string
		for _, c := range (&desk{}).itemPrintChoices(x) {
			k = append(k, c.label)
		}
		return strings.Join(k, ",")
	}
	for _, tc := range []struct {
		x    store.Suggestion
		want string
	}{
		{store.Suggestion{Number: "2024-001", State: store.StatePending}, "建议办理过程单"},
		{store.Suggestion{Number: "2024-002", State: store.StateHandling, Assigned: "2024-03-01"}, "交办单,建议办理过程单"},
		{store.Suggestion{Number: "2024-003", State: store.StateReplied, Assigned: "2024-03-01", LastReply: "2024-04-01"}, "交办单,代表意见征询表,建议办理过程单"},
		{store.Suggestion{Number: "2024-004", State: store.StateReplied, Forwarded: "2024-03-01", LastReply: "2024-04-01"}, "代表意见征询表,建议办理过程单"},
	} {
		if got := kinds(tc.x); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.x.Number, got, tc.want)
		}
	}
}

// The 办理过程单 the window offers writes the item's form readably.
func TestWindowPrintPathWritesForm(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	d := testDesk(t, testDB(t, true))
	items, _, err := d.db.Suggestions(d.ctx, store.SuggestionFilter{States: []string{store.StateClosed}, Limit: 1})
	if err != nil || len(items) == 0 {
		t.Fatalf("no closed item: %v", err)
	}
	x := items[0]
	out := filepath.Join(t.TempDir(), "过程单.pdf")
	choices := d.itemPrintChoices(x)
	if err := choices[len(choices)-1].doc.write(out); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command("pdftotext", "-raw", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(text)), "")
	if !strings.Contains(flat, x.Number) || !strings.Contains(flat, strings.Join(strings.Fields(x.Title), "")) {
		t.Fatalf("the form lacks %s %s:\n%s", x.Number, x.Title, text)
	}
	if st, _ := os.Stat(out); st.Size() < 10000 {
		t.Fatalf("suspiciously small PDF: %d bytes", st.Size())
	}
}
