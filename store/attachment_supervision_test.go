package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
)

// A 评议活动, an 整改事项 and a 信访件 take attachments, found by the command line's --id (title, number), and
// deleting the record removes them, the history keeping the fact.
func TestAttachmentsOfSupervisionAndPetitions(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	c := NewEvalCampaign(2024, "2024-06-26")
	c.Title = "2024年度站所述职评议"
	must(t, f.db.SaveEvalCampaign(ctx, &c))
	r := Rectification{Source: RectFromCampaign, CampaignID: c.ID, Text: "村道养护资金落实不到位", UnitID: f.unitA.ID,
		Phase: PhaseNearTerm, Raised: "2024-07-01"}
	must(t, f.db.SaveRectification(ctx, &r))
	p := Petition{Received: "2024-08-02", Channel: ChannelLetter, Subject: "反映村口路灯不亮", Petitioner: "张三"}
	must(t, f.db.SavePetition(ctx, &p))
	cases := []struct {
		name, kind, ref string
		id              int64
		date            Date
		del             func() error
	}{
		// The item first: a campaign's items go before the campaign can.
		{"整改事项", OwnerRectification, "", r.ID, "2024-07-01", func() error { return f.db.DeleteRectification(ctx, r.ID) }},
		{"评议活动", OwnerCampaign, c.Title, c.ID, "2024-06-26", func() error { return f.db.DeleteEvalCampaign(ctx, c.ID) }},
		{"信访件", OwnerPetition, p.Number, p.ID, "2024-08-02", func() error { return f.db.DeletePetition(ctx, p.ID) }},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.ref != "" {
				o, err := f.db.FindOwner(ctx, tc.kind, tc.ref)
				must(t, err)
				if o.ID != tc.id {
					t.Fatalf("--id %q found %d, want %d", tc.ref, o.ID, tc.id)
				}
			}
			own := Owner{tc.kind, tc.id}
			_, err := f.db.AddAttachments(ctx, []NewAttachment{{Owner: own, FileName: "扫描件.pdf", Data: testPDF(i+1, false, 100)}})
			must(t, err)
			l, err := f.db.Attachments(ctx, own)
			must(t, err)
			if len(l.Items) != 1 || l.Items[0].Date != tc.date {
				t.Fatalf("attachments %+v, want one dated %s (the record's date)", l.Items, tc.date)
			}
			must(t, tc.del())
			var n int
			must(t, f.db.SQL().QueryRow(`SELECT count(*) FROM attachments WHERE owner_kind = ? AND owner_id = ?`, tc.kind, tc.id).Scan(&n))
			if n != 0 {
				t.Fatalf("%d attachments left after the %s was deleted", n, tc.name)
			}
			hs, _, err := f.db.History(ctx, HistoryFilter{})
			must(t, err)
			if !strings.Contains(hs[0].Label+hs[1].Label, "扫描件.pdf") {
				t.Fatalf("history does not keep the attachment: %+v", hs[:2])
			}
		})
	}
}

// A file at version 11 (before 0012) gets the triggers of the kinds added since 0008 when it is opened.
func TestMigration0012MakesOwnerTriggers(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v11.db")
	old, err := sql.Open("sqlite", dsn(path))
	must(t, err)
	must(t, (&DB{db: old, path: path}).migrateTo(context.Background(), 11))
	var n int
	must(t, old.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = 'attachments_of_petitions'`).Scan(&n))
	old.Close()
	if n != 0 {
		t.Fatal("version 11 already has the petitions' trigger: the test proves nothing")
	}
	db, err := Open(path)
	must(t, err)
	defer db.Close()
	for _, table := range []string{"eval_campaigns", "rectifications", "petitions"} {
		must(t, db.SQL().QueryRow(`SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = ?`, "attachments_of_"+table).Scan(&n))
		if n != 1 {
			t.Errorf("no trigger on %s after migrating from version 11", table)
		}
	}
}
