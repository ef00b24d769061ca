package ui

import (
	"context"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// superShot saves what the window shows as name.png in $SUPER_SHOTS, when set (to look at the 监督 tab).
func superShot(t *testing.T, d *desk, name string) {
	dir := os.Getenv("SUPER_SHOTS")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, d.win.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

var superUnits = []string{"乡财政所", "国土所", "农技站", "镇党政办", "镇城建所", "镇派出所"}

// A campaign through the 监督 tab as the clerk does it: the form (a missing name refused in Chinese), six
// units added as targets, their ballots typed (one unit 不满意), an item raised on it, taken through 开始整改,
// 销号 and 回头看 with the step dialogs.
func TestSupervisionCampaignThroughTheTab(t *testing.T) {
	db := testDB(t, false)
	ctx := context.Background()
	for _, n := range superUnits {
		u := store.Unit{Name: n, Kind: "站所"}
		if err := db.SaveUnit(ctx, &u); err != nil {
			t.Fatal(err)
		}
	}
	d := testDesk(t, db)
	d.tabs.SelectIndex(5)
	if d.tabs.Selected().Text != "监督" {
		t.Fatalf("tab 6 is %q", d.tabs.Selected().Text)
	}
	p := d.super.campaigns
	p.newRecord()
	p.pane.form.OnSubmit()
	if !strings.Contains(p.pane.msg.Text, "名称") {
		t.Fatalf("empty name: message %q", p.pane.msg.Text)
	}
	test.Type(p.pane.byLabel["名称"].(*textEntry), "2024年度站所述职评议")
	p.pane.byLabel["评议方式"].(*widget.Select).SetSelected(store.EvalReport)
	p.pane.byLabel["测评日期"].(*dateEntry).SetText("2024-06-26")
	p.pane.form.OnSubmit()
	if p.pane.msg.Text != "已保存" || p.current.ID == 0 || p.sections == nil {
		t.Fatalf("save: %q, id %d", p.pane.msg.Text, p.current.ID)
	}
	p.sections.SelectIndex(1)
	for _, n := range superUnits {
		p.adder.unit.SetSelected(n)
		test.Tap(p.adder.add)
	}
	if len(p.rows) != 6 {
		t.Fatalf("%d targets after adding six", len(p.rows))
	}
	ballots := [][6]int{{40, 40, 39, 30, 7, 2}, {40, 40, 40, 28, 10, 2}, {40, 39, 39, 20, 12, 7}, {40, 40, 40, 25, 11, 4},
		{40, 40, 38, 15, 12, 11}, {40, 40, 40, 8, 12, 20}}
	typeBallots := func() {
		for i, b := range ballots {
			r := p.rows[i]
			for k, e := range []*textEntry{r.iss, r.ret, r.valid, r.top, r.mid, r.bt} {
				e.SetText(fmt.Sprint(b[k]))
			}
		}
	}
	typeBallots()
	p.rows[2].valid.SetText("41") // more valid than returned
	p.targets.form.OnSubmit()
	if msg := p.targets.msg.Text; !strings.Contains(msg, "第3行") || !strings.Contains(msg, "有效") {
		t.Fatalf("valid > returned: message %q", msg)
	}
	typeBallots()
	p.targets.form.OnSubmit()
	results := strings.Join(p.resultLines, "\n")
	for _, want := range []string{"1. 乡财政所　满意率94.9%　满意　人大代表满意单位　第2名", "4. 镇党政办　满意率90.0%　满意",
		"6. 镇派出所　满意率50.0%　不满意　第6名"} {
		if !strings.Contains(results, want) {
			t.Errorf("results lack %q:\n%s", want, results)
		}
	}
	if p.current.Counted != 6 {
		t.Errorf("campaign counts %d targets", p.current.Counted)
	}
	superShot(t, d, "campaign-ballots")

	// An item raised on the campaign, for the 不满意 unit.
	test.Tap(findButton(p.detail, "提出整改意见"))
	r := d.super.rects
	if r.pane.title.Text != "新增整改事项" || d.super.pages.SelectedIndex() != 1 {
		t.Fatalf("raise: pane %q, page %d", r.pane.title.Text, d.super.pages.SelectedIndex())
	}
	r.pane.byLabel["整改事项"].(*textEntry).SetText("群众办事排队时间长，窗口服务效率不高")
	r.pane.byLabel["责任单位"].(*widget.Select).SetSelected("镇派出所")
	r.pane.byLabel["整改阶段"].(*widget.Select).SetSelected(store.PhaseAtOnce)
	r.pane.form.OnSubmit()
	if r.pane.msg.Text != "已保存" || r.current.ID == 0 || r.current.CampaignID != p.current.ID {
		t.Fatalf("save item: %q %+v", r.pane.msg.Text, r.current)
	}
	step := func(name string, fill func()) {
		t.Helper()
		test.Tap(findButton(r.detail, name))
		if fill != nil {
			fill()
		}
		test.Tap(dialogButton(t, d, name))
		if top := d.win.Canvas().Overlays().Top(); top != nil {
			t.Fatalf("%s refused: %s", name, labelText(top))
		}
	}
	step(store.RectStepStart, nil)
	step(store.RectStepClose, func() {
		walk(topDialog(t, d), func(o fyne.CanvasObject) {
			if e, ok := o.(*textEntry); ok && e.MultiLine {
				e.SetText("已增设两个窗口，推行预约办理")
			}
		})
	})
	step(store.RectStepReview, func() {
		walk(topDialog(t, d), func(o fyne.CanvasObject) {
			switch x := o.(type) {
			case *widget.Select:
				x.SetSelected(store.GradeSatisfied)
			case *textEntry:
				if x.MultiLine {
					x.SetText("群众反映排队明显减少")
				}
			}
		})
	})
	got, err := db.Rectification(ctx, r.current.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.State != store.RectClosed || got.ReviewGrade != store.GradeSatisfied || got.Report != "已增设两个窗口，推行预约办理" {
		t.Fatalf("item after the steps: %+v", got)
	}
	if s := labelText(r.detail); !strings.Contains(s, "办理过程 4 步") || !strings.Contains(s, "回头看") {
		t.Errorf("timeline:\n%s", s)
	}
	x, _ := r.list.item(0)
	if _, cells := r.list.rowsText([]store.Rectification{x}); cells[0][5] != store.RectClosed {
		t.Errorf("list state %q", cells[0][5])
	}
	superShot(t, d, "rectification")
}

// A 票决 of twelve candidates with ten to choose, entered in the 民生实事 page: the tally says which ten.
func TestSupervisionLivelihoodVote(t *testing.T) {
	db := testDB(t, false)
	ctx := context.Background()
	term := store.Term{Number: 18, Start: "2021-12-01", Current: true}
	if err := db.SaveTerm(ctx, &term); err != nil {
		t.Fatal(err)
	}
	m := store.Meeting{Kind: store.MeetingCongress, Title: "青山镇第十八届人民代表大会第二次会议", Start: "2024-01-20", TermID: term.ID, SessionNo: 2}
	if err := db.SaveMeeting(ctx, &m); err != nil {
		t.Fatal(err)
	}
	votes := []int{55, 54, 53, 52, 51, 50, 49, 48, 47, 46, 20, 45} // the 11th fails, the 12th passes but is 11th
	for i, v := range votes {
		c := store.LivelihoodProject{Year: 2024, Kind: store.ProjectLivelihood, Name: fmt.Sprintf("民生实事候选项目%02d", i+1), For: v}
		if err := db.SaveLivelihoodProject(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
	d := testDesk(t, db)
	d.tabs.SelectIndex(5)
	d.super.pages.SelectIndex(3)
	p := d.super.projects
	if p.list.total != 12 {
		t.Fatalf("%d candidates listed", p.list.total)
	}
	test.Tap(findButton(p.content, "票决"))
	pane := p.vote
	if pane == nil || d.form(formVote) == nil {
		t.Fatal("票决 shows no tracked form")
	}
	pane.byLabel["票决日期"].(*dateEntry).SetText("2024-01-20")
	pane.byLabel["票决会议"].(*widget.Select).SetSelected("2024-01-20 " + m.Title)
	for label, v := range map[string]string{"应选项目数": "10", "应到代表": "60", "发出选票": "58", "收回选票": "58", "有效票": "57"} {
		inputsIn(pane.byLabel[label])[0].(*textEntry).SetText(v)
	}
	pane.form.OnSubmit()
	text := labelText(p.detail)
	if !strings.Contains(text, "计票结果：候选12项，确定10项") {
		t.Fatalf("tally:\n%s", text)
	}
	for _, want := range []string{"1. 民生实事候选项目01　赞成55票　确定", "11. 民生实事候选项目11　赞成20票　未过半数",
		"12. 民生实事候选项目12　赞成45票　未确定", "10. 民生实事候选项目10　赞成46票　确定"} {
		if !strings.Contains(strings.Join(p.tally, "\n"), want) {
			t.Errorf("tally lacks %q", want)
		}
	}
	v, err := db.LivelihoodVote(ctx, 2024)
	if err != nil || !v.Saved || v.ToChoose != 10 || v.MeetingID != m.ID {
		t.Fatalf("saved vote %+v, %v", v, err)
	}
	superShot(t, d, "livelihood-vote")
}

// 概览 lists the 整改事项 past their due date, as the store counts them on today, and a tap opens one in 监督.
func TestOverviewListsOverdueRectifications(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	today := d.today()
	_, want, err := d.db.Rectifications(d.ctx, store.RectificationFilter{Overdue: true, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if want == 0 {
		t.Fatal("the demo has no overdue item on its today: the list would prove nothing")
	}
	o := d.overview
	if got := o.attention.Items[3].Text; got != fmt.Sprintf("逾期整改 (%d)", want) {
		t.Fatalf("tab %q, store counts %d", got, want)
	}
	first := o.rects.items[0]
	if !first.Overdue(today) || !strings.Contains(overviewRectLine(first, today), first.UnitName) {
		t.Fatalf("first line %q for %+v", overviewRectLine(first, today), first)
	}
	o.rects.list.Select(0)
	if d.tabs.Selected().Text != "监督" || d.super.pages.SelectedIndex() != 1 || d.super.rects.current.ID != first.ID {
		t.Fatalf("tap shows tab %q page %d item %d", d.tabs.Selected().Text, d.super.pages.SelectedIndex(), d.super.rects.current.ID)
	}
}

// A ballot count that is no whole number is refused on 保存 naming its line, and nothing is saved.
func TestSupervisionBallotNotANumber(t *testing.T) {
	db := testDB(t, false)
	ctx := context.Background()
	u := store.Unit{Name: "乡财政所", Kind: "站所"}
	if err := db.SaveUnit(ctx, &u); err != nil {
		t.Fatal(err)
	}
	c := store.NewEvalCampaign(2024, "2024-06-26")
	c.Title = "2024年度工作评议"
	if err := db.SaveEvalCampaign(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveEvalTargets(ctx, c.ID, []store.EvalTarget{{UnitID: u.ID}}); err != nil {
		t.Fatal(err)
	}
	d := testDesk(t, db)
	p := d.super.campaigns
	p.open(c, nil, nil)
	p.rows[0].valid.SetText("三十")
	p.targets.form.OnSubmit()
	if msg := p.targets.msg.Text; msg != "评议对象第1行(乡财政所)：票数应是整数" {
		t.Fatalf("message %q", msg)
	}
	ts, _ := db.EvalTargets(ctx, c.ID)
	if ts[0].Valid != 0 {
		t.Fatalf("saved %+v", ts[0])
	}
}

// A target added by mistake is taken off its campaign with the line's 删除 button, after a confirmation.
func TestSupervisionRemoveTarget(t *testing.T) {
	db := testDB(t, false)
	ctx := context.Background()
	var ts []store.EvalTarget
	for _, n := range superUnits[:3] {
		u := store.Unit{Name: n, Kind: "站所"}
		if err := db.SaveUnit(ctx, &u); err != nil {
			t.Fatal(err)
		}
		ts = append(ts, store.EvalTarget{UnitID: u.ID})
	}
	c := store.NewEvalCampaign(2024, "2024-06-26")
	c.Title = "2024年度工作评议"
	if err := db.SaveEvalCampaign(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveEvalTargets(ctx, c.ID, ts); err != nil {
		t.Fatal(err)
	}
	d := testDesk(t, db)
	p := d.super.campaigns
	p.open(c, nil, nil)
	if len(p.rows) != 3 || p.rows[1].del == nil {
		t.Fatalf("%d lines for three targets", len(p.rows))
	}
	test.Tap(p.rows[1].del)
	test.Tap(dialogButton(t, d, "是"))
	got, _ := db.EvalTargets(ctx, c.ID)
	if len(got) != 2 || got[0].UnitName != "乡财政所" || got[1].UnitName != "农技站" || len(p.rows) != 2 {
		t.Fatalf("after removing 国土所: %+v (%d lines)", got, len(p.rows))
	}
}
