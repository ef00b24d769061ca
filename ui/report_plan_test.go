package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// planLink returns the hyperlink of the plan part in a row (時段 label) and column (0 计划, 1 已完成 …).
func planLink(t *testing.T, r *reportTab, row string, col int) *widget.Hyperlink {
	t.Helper()
	for _, line := range r.plan.box.Objects {
		c, ok := line.(*fyne.Container)
		if !ok || len(c.Objects) < 7 {
			continue
		}
		if l, ok := c.Objects[0].(*widget.Label); ok && l.Text == row {
			if h, ok := c.Objects[1+col].(*widget.Hyperlink); ok {
				return h
			}
			t.Fatalf("%s column %d is not a link", row, col)
		}
	}
	t.Fatalf("no row %s in the plan part", row)
	return nil
}

// The work plan as the clerk meets it in 报表: the demo's 2024 plan by quarter with each number opening its
// items; the plan's dialog refuses an item without a title naming the field, adds one for November, offers
// November's 视察 to link it (nothing links by itself), and the part's 第四季度 counts it done; a second draft
// adds nothing.
func TestWorkPlanInTheWindow(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	r := reportOpen(t, d)
	fig := r.fig.Plan
	if fig.Year != 2024 || len(fig.Items) == 0 {
		t.Fatalf("报表 counts the plan of %d with %d items", fig.Year, len(fig.Items))
	}
	part := labelLines(r.plan.box)
	for _, want := range []string{"第一季度", "第四季度", "全年安排", "合计"} {
		if !strings.Contains(part, want) {
			t.Fatalf("the part lacks %s:\n%s", want, part)
		}
	}
	q4 := fig.Rows[3]
	if h := planLink(t, r, "第四季度", 0); h.Text != fmt.Sprint(q4.Planned) {
		t.Fatalf("第四季度 planned %s, want %d", h.Text, q4.Planned)
	}
	walk(r.content, func(o fyne.CanvasObject) {
		if s, ok := o.(*container.Scroll); ok {
			s.ScrollToBottom() // the part is the last of the figures
		}
	})
	planShot(t, d, "report-plan")
	t.Run("DrillDown", func(t *testing.T) {
		planLink(t, r, "合计", 1).OnTapped()
		shown := dialogText(d)
		if !strings.Contains(shown, fmt.Sprintf("2024年度合计：已完成 %d 项", fig.Total.Done)) || !strings.Contains(shown, "已完成：2024年") {
			t.Fatalf("the done items:\n%s", shown)
		}
		planShot(t, d, "report-plan-items")
		r.plan.itemsDlg.Hide()
	})

	findButton(r.content, "编辑年度计划…").OnTapped()
	e := r.plan.editor
	if e == nil || len(e.items) != len(fig.Items) {
		t.Fatal("the plan's dialog does not list the year's plan")
	}
	planShot(t, d, "report-plan-editor")
	t.Run("DraftAgainAddsNothing", func(t *testing.T) {
		// The demo's rules' items are there already; 2023's topics not made by a rule are carried the first time.
		dialogButton(t, d, "按规则生成草稿").OnTapped()
		if !strings.Contains(e.msg.Text, "按工作规则新增0项") {
			t.Fatalf("the draft over the demo's plan: %q", e.msg.Text)
		}
		n := len(e.items)
		dialogButton(t, d, "按规则生成草稿").OnTapped()
		if !strings.Contains(e.msg.Text, "按工作规则新增0项，沿用上年计划0项") || len(e.items) != n {
			t.Fatalf("the second draft: %q, %d items", e.msg.Text, len(e.items))
		}
	})
	before := len(e.items)
	var added store.PlanItem
	t.Run("ErrNoTitle", func(t *testing.T) {
		dialogButton(t, d, "新增…").OnTapped()
		e.formEntries["类别"].(*widget.Select).SetSelected(store.PlanSupervision)
		e.formEntries["时间安排"].(*widget.Select).SetSelected("11月")
		test.Tap(e.formSave)
		if !strings.Contains(e.formMsg.Text, "工作内容不能为空") || len(e.items) != before {
			t.Fatalf("saving without a title: %q", e.formMsg.Text)
		}
		planShot(t, d, "report-plan-form")
		e.formEntries["工作内容"].(*textEntry).SetText("视察敬老院建设")
		e.formEntries["责任人"].(*textEntry).SetText("李副主席")
		test.Tap(e.formSave)
		if len(e.items) != before+1 {
			t.Fatalf("the item was not added: %q", e.formMsg.Text)
		}
		added = e.items[len(e.items)-1]
		if added.Title != "视察敬老院建设" || added.Month != 11 || added.Kind != store.PlanSupervision {
			t.Fatalf("added %+v", added)
		}
	})
	t.Run("Link", func(t *testing.T) {
		visit := store.Meeting{Kind: store.MeetingInspect, Title: "视察镇敬老院", Start: "2024-11-20"}
		if err := d.db.SaveMeeting(d.ctx, &visit); err != nil {
			t.Fatal(err)
		}
		e.list.Select(len(e.items) - 1)
		test.Tap(e.link)
		cands, err := d.db.PlanCandidates(d.ctx, added.ID)
		if err != nil || len(cands) == 0 {
			t.Fatalf("no November supervision to link: %v", err)
		}
		free := -1
		for i, c := range cands {
			if c.ID == visit.ID && c.Kind == store.LinkMeeting && c.LinkedTo == 0 {
				free = i
			}
		}
		if free < 0 {
			t.Fatalf("November's 视察 is not offered: %+v", cands)
		}
		if it, _ := d.db.PlanItems(d.ctx, 2024); it[len(it)-1].Linked() {
			t.Fatal("opening the list linked the item by itself")
		}
		planShot(t, d, "report-plan-link")
		e.formList.Select(free)
		test.Tap(e.formSave)
		got := e.items[len(e.items)-1]
		if !got.Linked() || got.LinkID != cands[free].ID {
			t.Fatalf("linked %+v, want %+v", got, cands[free])
		}
		reportWait(t, r)
		if now := r.fig.Plan.Rows[3]; now.Done != q4.Done+1 {
			t.Fatalf("第四季度 after linking: %+v, before %+v", now, q4)
		}
	})
	t.Run("Cancel", func(t *testing.T) {
		e.list.Select(len(e.items) - 1)
		test.Tap(e.cancel) // linked: refused with the reason
		e.formEntries["取消原因"].(*textEntry).SetText("改期")
		test.Tap(e.formSave)
		if !strings.Contains(e.formMsg.Text, "已关联完成记录，不能取消") {
			t.Fatalf("cancelling a linked item: %q", e.formMsg.Text)
		}
		e.form.Hide()
	})
}
