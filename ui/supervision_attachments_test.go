package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"rendadesk/store"
)

// TestAttachmentsOfCampaignsRectificationsPetitions drops a scan on the window while a 评议活动, an 整改事项
// and a 信访件 are shown: each lands on the record shown and appears in its 附件 section.
func TestAttachmentsOfCampaignsRectificationsPetitions(t *testing.T) {
	db := testDB(t, true)
	ctx := t.Context()
	d := testDesk(t, db)
	dir := t.TempDir()
	cs, _, err := db.EvalCampaigns(ctx, store.EvalCampaignFilter{Limit: 1})
	if err != nil || len(cs) == 0 {
		t.Fatalf("the demo has no campaign (%v)", err)
	}
	rs, _, err := db.Rectifications(ctx, store.RectificationFilter{Limit: 1})
	if err != nil || len(rs) == 0 {
		t.Fatalf("the demo has no rectification (%v)", err)
	}
	ps, _, err := db.Petitions(ctx, store.PetitionFilter{Limit: 1})
	if err != nil || len(ps) == 0 {
		t.Fatalf("the demo has no petition (%v)", err)
	}
	cases := []struct {
		name, file string
		owner      store.Owner
		show       func() (recordTab, *container.AppTabs)
	}{
		{"评议活动", "测评计票表.pdf", store.Owner{Kind: store.OwnerCampaign, ID: cs[0].ID}, func() (recordTab, *container.AppTabs) {
			d.showTab(d.super.content)
			d.super.pages.SelectIndex(0)
			d.super.campaigns.open(cs[0], nil, nil)
			return d.super, d.super.campaigns.sections
		}},
		{"整改事项", "整改情况报告.pdf", store.Owner{Kind: store.OwnerRectification, ID: rs[0].ID}, func() (recordTab, *container.AppTabs) {
			d.showTab(d.super.content)
			d.super.pages.SelectIndex(1)
			d.super.rects.open(rs[0], nil, nil)
			return d.super, d.super.rects.sections
		}},
		{"信访件", "来信扫描件.pdf", store.Owner{Kind: store.OwnerPetition, ID: ps[0].ID}, func() (recordTab, *container.AppTabs) {
			d.showTab(d.petitions.content)
			d.petitions.open(ps[0], nil, nil)
			return d.petitions, d.petitions.sections
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tab, sections := c.show()
			p := attachPane(t, d, tab, sections)
			if p.rec != c.owner {
				t.Fatalf("the 附件 section is of %+v, want %+v", p.rec, c.owner)
			}
			scan := filepath.Join(dir, c.file)
			if err := os.WriteFile(scan, []byte(testScan), 0o600); err != nil {
				t.Fatal(err)
			}
			d.dropFiles(fyne.NewPos(900, 400), []fyne.URI{storage.NewFileURI(scan)})
			test.Tap(dialogButton(t, d, "添加"))
			name := strings.TrimSuffix(c.file, ".pdf")
			if txt := labelText(p.content); !strings.Contains(txt, "PDF 文件 · 2页") || !strings.Contains(txt, name) {
				t.Fatalf("the strip after the drop: %q", txt)
			}
			superShot(t, d, "attachments-"+c.owner.Kind)
			if l, _ := db.Attachments(ctx, c.owner); len(l.Items) != 1 || l.Items[0].FileName != c.file {
				t.Fatalf("the store has %+v", l.Items)
			}
		})
	}
}
