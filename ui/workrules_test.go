package ui

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// planShot saves what the window shows as name.png in $PLAN_SHOTS, when set (to look at the screens).
func planShot(t *testing.T, d *desk, name string) {
	dir := os.Getenv("PLAN_SHOTS")
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

// The work rules as the clerk meets them: 概览's 工作提醒 lists what the quarter and the year still require on
// the demo's day, 设置 → 工作规则 refuses a bad number naming the field and switches a rule off, and the rule
// then leaves both the reminders and the 报表 tab's 工作规则执行情况.
func TestWorkRulesInTheWindow(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	ov := d.overview
	ov.refresh()
	want, err := d.db.Reminders(d.ctx, testToday)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) == 0 {
		t.Fatal("the demo has nothing to remind of on its day")
	}
	page := ov.attention.Items[len(ov.attention.Items)-1]
	if page.Text != fmt.Sprintf("工作提醒 (%d)", len(want)) {
		t.Fatalf("page %q for %d reminders", page.Text, len(want))
	}
	ov.attention.Select(page)
	d.tabs.SelectIndex(0)
	shown := labelLines(page.Content)
	for _, r := range want {
		if !strings.Contains(shown, r.Text) {
			t.Fatalf("工作提醒 lacks 「%s」:\n%s", r.Text, shown)
		}
	}
	// The demo's fourth quarter has a group without an activity, 31 days before the quarter ends.
	for _, line := range []string{"代表小组本季度尚无活动（还剩31天）"} {
		if !strings.Contains(shown, line) {
			t.Fatalf("工作提醒 lacks 「%s」:\n%s", line, shown)
		}
	}
	if l := ov.rules.lineText; !ov.rules.line.Visible() || !strings.HasPrefix(l.Text, "工作提醒："+want[0].Text) {
		t.Fatalf("the line under the date: %q", l.Text)
	}
	// The page is the last of the attention tabs, behind 「…」 at the usual width: the line's button opens it.
	ov.attention.SelectIndex(0)
	test.Tap(ov.rules.open)
	if ov.attention.Selected() != page || ov.rules.open.Text != fmt.Sprintf("查看全部 %d 项", len(want)) {
		t.Fatalf("「%s」 opened %q", ov.rules.open.Text, ov.attention.Selected().Text)
	}
	planShot(t, d, "overview-reminders")

	showSettingsSection(t, d, "工作规则")
	rules := d.settings.rules
	all, err := rules.all()
	if err != nil {
		t.Fatal(err)
	}
	row := -1
	for i, r := range all {
		if r.Name == "代表小组活动" {
			row = i
		}
	}
	guardRow(t, rules.list, row)
	p := rules.pane
	t.Run("ErrRequiredZero", func(t *testing.T) {
		e := paneEntry(p, "每期至少(次)")
		e.SetText("0")
		if err := p.save(); err == nil || !strings.Contains(store.ErrorMessage(err), "每期至少(次)应在1到99之间") {
			t.Fatalf("saving 0 a quarter: %v", err)
		}
		e.SetText("1")
	})
	planShot(t, d, "settings-rules")
	t.Run("SwitchedOff", func(t *testing.T) {
		p.byLabel["启用"].(*widget.Check).SetChecked(false)
		if err := p.save(); err != nil {
			t.Fatal(err)
		}
		ov.refresh()
		if shown := labelLines(page.Content); strings.Contains(shown, "本季度尚无活动") || page.Text != fmt.Sprintf("工作提醒 (%d)", len(want)-1) {
			t.Fatalf("a rule switched off still reminds: %s\n%s", page.Text, shown)
		}
		// Only the demo's plan item of the quarter is left (store/demo_workplan.go), no rule's.
		if l := ov.rules.lineText; !ov.rules.line.Visible() || !strings.HasPrefix(l.Text, "工作提醒：年度计划本季度安排的") {
			t.Fatalf("no rule is due, yet the line says %q", l.Text)
		}
		d.tabs.Select(d.report.tabItem())
		d.report.refresh()
		reportWait(t, d.report)
		if d.report.fig.ComplianceYear != 2024 {
			t.Fatalf("报表 counts the rules of %d", d.report.fig.ComplianceYear)
		}
		part := labelLines(d.report.rules.box)
		walk(d.report.content, func(o fyne.CanvasObject) {
			if s, ok := o.(*container.Scroll); ok {
				s.ScrollToBottom() // the part is the last of the figures
			}
		})
		planShot(t, d, "report-rules")
		if !strings.Contains(part, "应4次，已完成4次") || strings.Contains(part, "每个代表小组") || len(d.report.rules.box.Objects) != len(all)-1 {
			t.Fatalf("工作规则执行情况:\n%s", part)
		}
		// 主席团会议's 口径 and records; a meeting among them opens in 会议.
		var link *widget.Hyperlink
		walk(d.report.rules.box, func(o fyne.CanvasObject) {
			if h, ok := o.(*widget.Hyperlink); ok && h.Text == "主席团会议" {
				link = h
			}
		})
		if link == nil {
			t.Fatal("no 主席团会议 in 工作规则执行情况")
		}
		link.OnTapped()
		text := dialogText(d)
		planShot(t, d, "report-rule-detail")
		for _, want := range []string{"口径：每季度至少1次：开始日期在期内的主席团会议", "应4次，已完成4次，未完成0次，待完成0次",
			"计入的记录 6 项", "2024年1月22日　青山镇人大主席团2024年第一次会议"} {
			if !strings.Contains(text, want) {
				t.Fatalf("the rule's dialog lacks 「%s」:\n%s", want, text)
			}
		}
		var rows *widget.List
		walk(topDialog(t, d), func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.List); ok {
				rows = l
			}
		})
		rows.Select(0)
		if d.tabs.Selected().Text != "会议" || d.meetings.current.Title != "青山镇人大主席团2024年第一次会议" {
			t.Fatalf("tab %q shows %q", d.tabs.Selected().Text, d.meetings.current.Title)
		}
	})
}

// The 履职积分 as the clerk meets it: the 履职档案 shows the deputy's score, place and lines as count × points,
// the same as the store ranks; 设置 → 履职积分 refuses a point out of range naming the kind, and a change
// shows in the 履职档案 at once.
func TestDutyScoreInTheWindow(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	scores, _, err := d.db.DutyScores(d.ctx, 2024)
	if err != nil {
		t.Fatal(err)
	}
	top := scores[0]
	tab := d.deputies
	d.tabs.SelectIndex(1)
	tab.show(top.Record.Deputy)
	tab.sections.SelectIndex(3)
	text := labelText(tab.sections.Items[3].Content)
	want := fmt.Sprintf("履职积分 %d 分(本年度 %d 名代表中第 1 名，仅供参考)", top.Total, len(scores))
	if !strings.Contains(text, want) {
		t.Fatalf("the 履职档案 lacks 「%s」:\n%s", want, text)
	}
	for _, l := range top.Lines {
		if l.Count > 0 && l.Points != 0 {
			line := fmt.Sprintf("%s %d %s × %d 分 = %d 分", l.Key.Label(), l.Count, l.Key.Unit(), l.Points, l.Subtotal())
			if !strings.Contains(text, line) {
				t.Fatalf("the 履职档案 lacks 「%s」:\n%s", line, text)
			}
		}
	}
	planShot(t, d, "deputy-score")

	showSettingsSection(t, d, "履职积分")
	p := d.settings.points.pane
	present := top.Lines[0] // 出席会议和活动
	t.Run("ErrOutOfRange", func(t *testing.T) {
		paneEntry(p, "缺席").SetText("-300")
		if err := p.save(); err == nil || !strings.HasPrefix(store.ErrorMessage(err), "缺席") || !strings.Contains(store.ErrorMessage(err), "-100到100之间") {
			t.Fatalf("saving -300: %v", err)
		}
	})
	t.Run("Changed", func(t *testing.T) {
		paneEntry(p, "缺席").SetText("-2")
		paneEntry(p, "出席会议和活动").SetText(fmt.Sprint(present.Points + 1))
		if err := p.save(); err != nil {
			t.Fatal(err)
		}
		planShot(t, d, "settings-points")
		tab.loadRecord()
		text := labelText(tab.sections.Items[3].Content)
		if want := fmt.Sprintf("履职积分 %d 分", top.Total+present.Count); !strings.Contains(text, want) {
			t.Fatalf("after one point more a meeting, the 履职档案 lacks 「%s」:\n%s", want, text)
		}
	})
}

// Printing a 公示表 from 联络站 records the month's 公示 when it is last month's or this month's table; an older
// month's reprint is not a new 公示.
func TestNoticePrintedRecordsThePost(t *testing.T) {
	d := testDesk(t, testDB(t, false))
	count := func() int {
		rows, err := d.db.Compliance(d.ctx, 2024, testToday)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			if r.Rule.Measure == store.MeasureNotice {
				return len(r.Items())
			}
		}
		t.Fatal("no 家站点公示 rule")
		return 0
	}
	d.noticePrinted("2024-08")
	if n := count(); n != 0 {
		t.Fatalf("August's table reprinted in November counted %d 公示", n)
	}
	d.noticePrinted("2024-10")
	if n := count(); n != 1 {
		t.Fatalf("October's table printed on %s counted %d 公示", testToday, n)
	}
	if texts, _ := d.db.Reminders(d.ctx, testToday); len(texts) > 0 {
		for _, r := range texts {
			if strings.Contains(r.Text, "公示") {
				t.Fatalf("November's 公示 printed, yet: %s", r.Text)
			}
		}
	}
}
