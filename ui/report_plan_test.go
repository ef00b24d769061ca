package ui

import (
	"fmt"
	"os/exec"
	"path/filepath"
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
	t.Run("ReminderInTheOverview", func(t *testing.T) {
		ov := d.overview
		ov.refresh()
		page := ov.attention.Items[len(ov.attention.Items)-1]
		ov.attention.Select(page)
		d.tabs.SelectIndex(0) // the list draws its rows once on screen
		shown := labelLines(page.Content)
		d.tabs.Select(r.tabItem())
		if !strings.Contains(shown, "年度计划本季度安排的「组织代表走访慰问困难群众」尚未完成（还剩31天）") {
			t.Fatalf("工作提醒 lacks the demo's fourth-quarter item:\n%s", shown)
		}
	})
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

// 「考评材料…」 under the exports offers the selected year's pack to print or save, and the pack and the plan
// dialog's 工作要点 write what the clerk expects, read back with pdftotext.
func TestAssessmentPackAndWorkPlanFromTheWindow(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	d := testDesk(t, testDB(t, true))
	r := reportOpen(t, d)
	b := findButton(r.content, "考评材料…")
	if b == nil {
		t.Fatal("no 考评材料… in 报表")
	}
	b.OnTapped()
	if !strings.Contains(dialogText(d), "「2024年度工作考评材料」") {
		t.Fatalf("the print dialog: %s", dialogText(d))
	}
	read := func(doc document) string {
		out := filepath.Join(t.TempDir(), doc.file+".pdf")
		if err := doc.write(out); err != nil {
			t.Fatal(err)
		}
		text, err := exec.Command("pdftotext", "-raw", out, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		return strings.Join(strings.Fields(string(text)), "")
	}
	pack := read(d.assessmentDoc(2024, testToday))
	for _, want := range []string{"青山镇人大主席团2024年度工作考评材料", "（统计截至2024年11月30日）", "一、工作规则执行情况第", "六、代表履职积分排名"} {
		if !strings.Contains(pack, want) {
			t.Errorf("the pack lacks 「%s」", want)
		}
	}
	plan := read(d.workPlanDoc(2024))
	for _, want := range []string{"青山镇人大主席团2024年工作要点", "一、会议", "主席团会议（每季度）"} {
		if !strings.Contains(plan, want) {
			t.Errorf("the 工作要点 lacks 「%s」", want)
		}
	}
}
