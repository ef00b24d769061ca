package store

import (
	"context"
	"testing"
	"time"
)

func TestDrafts(t *testing.T) {
	ctx := context.Background()
	t.Run("SaveReplaceDelete", func(t *testing.T) {
		db := mustOpen(t)
		at := time.Date(2026, 12, 2, 9, 41, 30, 0, time.Local)
		db.Now = func() time.Time { return at }
		d := Draft{Kind: "suggestion", Key: "12", Label: "建议「2026-229 关于修复村口路灯的建议」的内容", Fields: `{"form":{"内容":"村口路灯坏了三盏"}}`}
		must(t, db.SaveDraft(ctx, &d))
		if !d.UpdatedAt.Equal(at) {
			t.Fatalf("UpdatedAt %v, want %v", d.UpdatedAt, at)
		}
		// The same form and record again: one row, the newer values and time.
		at = at.Add(5 * time.Minute)
		d.Fields = `{"form":{"内容":"村口路灯坏了四盏"}}`
		must(t, db.SaveDraft(ctx, &d))
		must(t, db.SaveDraft(ctx, &Draft{Kind: "suggestion", Key: "new", Label: "新登记的建议的内容", Fields: `{}`}))
		got, err := db.Drafts(ctx)
		must(t, err)
		if len(got) != 2 || got[0].Key != "12" || got[0].Fields != d.Fields || !got[0].UpdatedAt.Equal(at) || got[0].Label != d.Label {
			t.Fatalf("drafts %+v", got)
		}
		must(t, db.DeleteDraft(ctx, "suggestion", "12"))
		must(t, db.DeleteDraft(ctx, "suggestion", "12")) // gone already: not an error
		got, err = db.Drafts(ctx)
		must(t, err)
		if len(got) != 1 || got[0].Key != "new" {
			t.Fatalf("after delete %+v", got)
		}
	})
	t.Run("LongFormName", func(t *testing.T) {
		// Form names grow with the forms (supervision.campaign.targets): a name past 20 characters was refused,
		// and the window's draft writer only logged it — the form's text was not kept.
		db := mustOpen(t)
		must(t, db.SaveDraft(ctx, &Draft{Kind: "supervision.campaign.targets", Key: "3", Label: "评议活动的评议对象", Fields: `{}`}))
	})
	t.Run("ErrFieldsNotJSON", func(t *testing.T) {
		db := mustOpen(t)
		wantErr(t, db.SaveDraft(ctx, &Draft{Kind: "deputy", Key: "new", Label: "新增代表的内容", Fields: `{"姓名":`}), EINVALID, "草稿内容", "JSON")
		if got, _ := db.Drafts(ctx); len(got) != 0 {
			t.Fatalf("a bad draft was written: %+v", got)
		}
	})
	t.Run("ErrKindRequired", func(t *testing.T) {
		db := mustOpen(t)
		wantErr(t, db.SaveDraft(ctx, &Draft{Key: "new", Label: "x", Fields: `{}`}), EINVALID, "草稿类型")
	})
}
