package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"rendadesk/store"
)

// TestRestoreDraftOfSupervisionForms types into each form of the 监督 tab, leaves the draft behind as a crash
// would (written, window gone), starts again and restores it: the form is back with the typed text, unsaved.
func TestRestoreDraftOfSupervisionForms(t *testing.T) {
	draftDelay = time1h
	defer func() { draftDelay = draftDelayDefault }()
	db := testDB(t, true)
	ctx := t.Context()
	cs, _, err := db.EvalCampaigns(ctx, store.EvalCampaignFilter{Sort: "date", Desc: true, Limit: 1})
	if err != nil || len(cs) == 0 {
		t.Fatalf("the demo has no campaign (%v)", err)
	}
	ts, err := db.EvalTargets(ctx, cs[0].ID)
	if err != nil || len(ts) == 0 {
		t.Fatalf("the demo campaign has no target (%v)", err)
	}
	rs, _, err := db.Rectifications(ctx, store.RectificationFilter{Limit: 1})
	if err != nil || len(rs) == 0 {
		t.Fatalf("the demo has no rectification (%v)", err)
	}
	qs, _, err := db.Inquiries(ctx, store.InquiryFilter{Limit: 1})
	if err != nil || len(qs) == 0 {
		t.Fatalf("the demo has no inquiry (%v)", err)
	}
	year := testToday.Year()
	ps, _, err := db.LivelihoodProjects(ctx, store.ProjectFilter{Year: year, Limit: 1})
	if err != nil || len(ps) == 0 {
		t.Fatalf("the demo has no project in %d (%v)", year, err)
	}
	c, r, q, pr := cs[0], rs[0], qs[0], ps[0]
	sup := func(d *desk) *supervisionTab { return d.super }
	unsaved := func(t *testing.T, d *desk, kind string) {
		t.Helper()
		if s := d.form(kind); s == nil || !s.dirty() {
			t.Fatalf("the restored %s form is not marked unsaved", kind)
		}
	}
	cases := []restoreCase{
		{
			name: "新增评议活动", label: "新增评议活动「对镇财政所的工作评议」的内容",
			edit: func(t *testing.T, d *desk) string {
				d.showTab(sup(d).content)
				sup(d).campaigns.newRecord()
				paneEntry(sup(d).campaigns.pane, "名称").SetText("对镇财政所的工作评议")
				return "对镇财政所的工作评议"
			},
			check: func(t *testing.T, d *desk, typed string) {
				p := sup(d).campaigns
				if p.current.ID != 0 || paneEntry(p.pane, "名称").Text != typed || sup(d).pages.SelectedIndex() != 0 {
					t.Fatalf("restored campaign %d with 名称 %q", p.current.ID, paneEntry(p.pane, "名称").Text)
				}
				unsaved(t, d, formCampaign)
			},
		},
		{
			name: "测评票数", label: "评议活动" + quoted(c.Title) + "的测评票数",
			edit: func(t *testing.T, d *desk) string {
				p := sup(d).campaigns
				d.showTab(sup(d).content)
				p.open(c, nil, nil)
				p.rows[0].iss.SetText("987")
				return "987"
			},
			check: func(t *testing.T, d *desk, typed string) {
				p := sup(d).campaigns
				if p.current.ID != c.ID || p.rows[0].iss.Text != typed || p.sections.SelectedIndex() != 1 {
					t.Fatalf("restored campaign %d on page %d with 发出 %q", p.current.ID, p.sections.SelectedIndex(), p.rows[0].iss.Text)
				}
				unsaved(t, d, formTargets)
			},
		},
		{
			name: "整改事项", label: "整改事项" + quoted(r.Text) + "的内容",
			edit: func(t *testing.T, d *desk) string {
				p := sup(d).rects
				d.showTab(sup(d).content)
				p.open(r, nil, nil)
				paneEntry(p.pane, "备注").SetText("断电前写的备注")
				return "断电前写的备注"
			},
			check: func(t *testing.T, d *desk, typed string) {
				p := sup(d).rects
				if p.current.ID != r.ID || paneEntry(p.pane, "备注").Text != typed || sup(d).pages.SelectedIndex() != 1 {
					t.Fatalf("restored item %d with 备注 %q", p.current.ID, paneEntry(p.pane, "备注").Text)
				}
				unsaved(t, d, formRect)
			},
		},
		{
			name: "提出整改意见(来自评议活动)", label: "新增整改事项「财政所公开预算不及时」的内容",
			edit: func(t *testing.T, d *desk) string {
				p := sup(d).campaigns
				d.showTab(sup(d).content)
				p.open(c, nil, nil)
				test.Tap(findButton(p.detail, "提出整改意见"))
				paneEntry(sup(d).rects.pane, "整改事项").SetText("财政所公开预算不及时")
				return "财政所公开预算不及时"
			},
			check: func(t *testing.T, d *desk, typed string) {
				p := sup(d).rects
				if p.current.ID != 0 || p.current.CampaignID != c.ID || paneEntry(p.pane, "整改事项").Text != typed {
					t.Fatalf("restored item %+v with 整改事项 %q", p.current, paneEntry(p.pane, "整改事项").Text)
				}
				unsaved(t, d, formRect)
			},
		},
		{
			name: "专题询问", label: "专题询问" + quoted(q.Topic) + "的内容",
			edit: func(t *testing.T, d *desk) string {
				p := sup(d).inquiries
				d.showTab(sup(d).content)
				p.open(q, nil, nil)
				paneEntry(p.pane, "询问方案").SetText("先调研后询问")
				return "先调研后询问"
			},
			check: func(t *testing.T, d *desk, typed string) {
				p := sup(d).inquiries
				if p.current.ID != q.ID || paneEntry(p.pane, "询问方案").Text != typed || sup(d).pages.SelectedIndex() != 2 ||
					p.sections.SelectedIndex() != 0 {
					t.Fatalf("restored inquiry %d with 询问方案 %q", p.current.ID, paneEntry(p.pane, "询问方案").Text)
				}
				unsaved(t, d, formInquiry)
			},
		},
		{
			name: "两清单一要求", label: "专题询问" + quoted(q.Topic) + "的两清单一要求",
			edit: func(t *testing.T, d *desk) string {
				p := sup(d).inquiries
				d.showTab(sup(d).content)
				p.open(q, nil, nil)
				e := paneEntry(p.lists, store.InquiryProblems)
				e.SetText(e.Text + "\n村级卫生室缺医少药")
				return "村级卫生室缺医少药"
			},
			check: func(t *testing.T, d *desk, typed string) {
				p := sup(d).inquiries
				if got := paneEntry(p.lists, store.InquiryProblems).Text; p.current.ID != q.ID || !strings.Contains(got, typed) ||
					p.sections.SelectedIndex() != 1 {
					t.Fatalf("restored inquiry %d on page %d with 问题清单 %q", p.current.ID, p.sections.SelectedIndex(), got)
				}
				unsaved(t, d, formInquiryLists)
			},
		},
		{
			name: "民生实事项目", label: "项目" + quoted(pr.Name) + "的内容",
			edit: func(t *testing.T, d *desk) string {
				p := sup(d).projects
				d.showTab(sup(d).content)
				p.open(pr, nil, nil)
				paneEntry(p.pane, "进度情况").SetText("路基已完成")
				return "路基已完成"
			},
			check: func(t *testing.T, d *desk, typed string) {
				p := sup(d).projects
				if p.current.ID != pr.ID || paneEntry(p.pane, "进度情况").Text != typed || sup(d).pages.SelectedIndex() != 3 {
					t.Fatalf("restored project %d with 进度情况 %q", p.current.ID, paneEntry(p.pane, "进度情况").Text)
				}
				unsaved(t, d, formProject)
			},
		},
		{
			name: "往年票决", label: fmt.Sprintf("%d年民生实事票决的内容", year-1),
			edit: func(t *testing.T, d *desk) string {
				p := sup(d).projects
				d.showTab(sup(d).content)
				p.years.SetSelected(fmt.Sprint(year - 1))
				paneEntry(p.vote, "备注").SetText("补登的票决")
				return "补登的票决"
			},
			check: func(t *testing.T, d *desk, typed string) {
				p := sup(d).projects
				if p.year != year-1 || p.years.Selected != fmt.Sprint(year-1) || paneEntry(p.vote, "备注").Text != typed {
					t.Fatalf("restored the 票决 of %d with 备注 %q", p.year, paneEntry(p.vote, "备注").Text)
				}
				unsaved(t, d, formVote)
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := testDesk(t, db)
			typed := c.edit(t, d)
			d.flushDrafts()
			d.drafts.stop()
			d2 := testDesk(t, db)
			d2.offerDrafts()
			var top fyne.CanvasObject
			waitFor(t, "the offer", func() bool {
				top = d2.win.Canvas().Overlays().Top()
				return top != nil && findButton(top, "恢复") != nil
			})
			if text := labelText(top); !strings.Contains(text, c.label+"（") {
				t.Fatalf("the offer says %q, want %q", text, c.label)
			}
			test.Tap(findButton(top, "恢复"))
			c.check(t, d2, typed)
			for _, dr := range draftsOf(t, d2) {
				if err := db.DeleteDraft(ctx, dr.Kind, dr.Key); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}
