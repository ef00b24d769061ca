package store

import (
	"context"
	"strings"
	"testing"
	"time"
)

// TestContactStatusesOrder: 概览's list of deputies behind on voter contact reads by group in the groups'
// name order, deputies without a group last, then by name — the order is made in Go since the list stopped
// asking SQLite to sort it.
func TestContactStatusesOrder(t *testing.T) {
	db, _ := demoDB(t, "township", 1, time.Date(2026, 11, 20, 12, 0, 0, 0, time.Local))
	ctx := context.Background()
	if _, err := db.SQL().Exec(`UPDATE deputies SET group_id = NULL WHERE id IN (SELECT id FROM deputies ORDER BY id LIMIT 3)`); err != nil {
		t.Fatal(err)
	}
	all, err := db.ContactStatuses(ctx, "2026-11-20", false)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 10 {
		t.Fatalf("%d deputies on the roll", len(all))
	}
	noGroup := 0
	for i := 1; i < len(all); i++ {
		a, b := all[i-1], all[i]
		switch {
		case a.GroupName == "" && b.GroupName != "":
			t.Fatalf("%s (no group) before %s of %s", a.Name, b.Name, b.GroupName)
		case a.GroupName == b.GroupName && strings.Compare(a.Name, b.Name) > 0:
			t.Fatalf("%s before %s in %q", a.Name, b.Name, a.GroupName)
		case a.GroupName != "" && b.GroupName != "" && strings.Compare(a.GroupName, b.GroupName) > 0:
			t.Fatalf("group %s before %s", a.GroupName, b.GroupName)
		}
		if b.GroupName == "" {
			noGroup++
		}
	}
	if noGroup < 2 {
		t.Fatalf("%d deputies without a group at the end, want the 3 made so (or those of them on the roll)", noGroup+1)
	}
}
