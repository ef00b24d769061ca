package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"rendadesk/store"
)

// `rendadesk attach` and `attachments` take the owner kinds of issues 17 and 18: a 评议活动 by its title, an
// 整改事项 by its number, a 信访件 by its 信访编号.
func TestAttachSupervisionAndPetitions(t *testing.T) {
	dir, scan, _, _ := attachFiles(t)
	db := filepath.Join(dir, "t.db")
	if code, _, errOut := run("demo", "--db", db, "--today", "2024-11-30"); code != ExitOK {
		t.Fatalf("demo: %s", errOut)
	}
	d, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	cs, _, err1 := d.EvalCampaigns(ctx, store.EvalCampaignFilter{Limit: 1})
	rs, _, err2 := d.Rectifications(ctx, store.RectificationFilter{Limit: 1})
	ps, _, err3 := d.Petitions(ctx, store.PetitionFilter{Limit: 1})
	d.Close()
	if err1 != nil || err2 != nil || err3 != nil || len(cs) == 0 || len(rs) == 0 || len(ps) == 0 {
		t.Fatalf("the demo lacks a record: %v %v %v", err1, err2, err3)
	}
	rectName := []rune(rs[0].Text) // named by its text's first 30 characters
	rectName = rectName[:min(30, len(rectName))]
	for _, c := range []struct{ kind, id, name string }{
		{"campaign", cs[0].Title, cs[0].Title},
		{"rectification", fmt.Sprint(rs[0].ID), string(rectName)},
		{"petition", ps[0].Number, ps[0].Number},
	} {
		t.Run(c.kind, func(t *testing.T) {
			code, out, errOut := run("attach", "--db", db, c.kind, "--id", c.id, scan, "--caption", "扫描件")
			if code != ExitOK || !strings.Contains(out, "已添加附件「扫描件」") || !strings.Contains(out, c.name) {
				t.Fatalf("attach: %d %q %q", code, out, errOut)
			}
			code, out, _ = run("attachments", "--db", db, c.kind, "--id", c.id)
			if code != ExitOK || !strings.Contains(out, c.name+" 的附件共 1 个") {
				t.Fatalf("attachments: %d %q", code, out)
			}
		})
	}
	_, _, errOut := run("attach", "--db", db, "unit", "--id", "1", scan)
	for _, k := range []string{"campaign(评议活动)", "rectification(整改事项)", "petition(信访件)"} {
		if !strings.Contains(errOut, k) {
			t.Errorf("the kinds offered lack %s: %q", k, errOut)
		}
	}
}
