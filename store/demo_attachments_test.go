package store

import (
	"context"
	"testing"
)

func TestGenerateDemoAttachments(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		db := mustOpen(t)
		ctx := context.Background()
		if _, err := db.GenerateDemo(ctx, DemoOptions{Scale: DemoTownship, Seed: 1, Today: "2024-11-30"}); err != nil {
			t.Fatal(err)
		}
		n, err := db.GenerateDemoAttachments(ctx, DemoAttachmentOptions{Bytes: 30 << 20, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		tot, err := db.AttachmentTotals(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if tot.Count != n || tot.Files != n || tot.Bytes < 30<<20 || tot.Bytes > 40<<20 {
			t.Fatalf("%d generated; totals %+v, want %d different files of about 30 MB", n, tot, n)
		}
		res, err := CheckFile(ctx, db.Path())
		if err != nil || !res.OK {
			t.Fatalf("check after generating: %+v %v", res, err)
		}
	})
	t.Run("ErrNotDemo", func(t *testing.T) {
		db := mustOpen(t)
		_, err := db.GenerateDemoAttachments(context.Background(), DemoAttachmentOptions{Bytes: 1 << 20, Seed: 1})
		if ErrorCode(err) != ECONFLICT {
			t.Fatalf("attachments generated into a database without demo data: %v", err)
		}
	})
}
