package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rendadesk/export"
	"rendadesk/store"
)

// reportTestDesk is a window on an office whose 2024 figures are known by hand (as in export's workbook
// tests): 23 items raised at the session, all assigned on 1 February and replied on 1 March — 13 已解决,
// 6 列入计划解决, 4 留作参考, so 解决率 = 13/23 = 56.5% at one decimal — and one item raised between sessions,
// never assigned. Today is 31 December 2024. With empty set, the database has nothing in it.
func reportTestDesk(t *testing.T, empty bool) *desk {
	t.Helper()
	ctx := context.Background()
	db := testDB(t, false)
	db.Now = func() time.Time { return time.Date(2024, 12, 31, 10, 0, 0, 0, time.Local) }
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	st, err := db.Settings(ctx)
	must(err)
	st.OfficeName, st.Township, st.Precision, st.Initialized = "青山镇人大主席团", "青山镇", 1, true
	must(db.SaveSettings(ctx, st))
	if !empty {
		term := store.Term{Number: 18, Start: "2021-12-01", Current: true}
		must(db.SaveTerm(ctx, &term))
		unit := store.Unit{Name: "镇城建办", Kind: "镇属部门"}
		must(db.SaveUnit(ctx, &unit))
		dep := store.Deputy{Name: "李堃", Gender: "男", Levels: []string{store.LevelTown}, TermID: term.ID}
		must(db.SaveDeputy(ctx, &dep))
		session := store.Meeting{Kind: store.MeetingCongress, Title: store.CongressTitle("青山镇", 18, 3), TermID: term.ID,
			SessionNo: 3, Start: "2024-01-20"}
		must(db.SaveMeeting(ctx, &session))
		var ids []int64
		for i := 1; i <= 23; i++ {
			s := store.Suggestion{Kind: store.KindSuggestion, Period: store.PeriodSession, SessionID: session.ID, Source: "代表提出",
				LeadDeputyID: dep.ID, Title: fmt.Sprintf("会期建议%d", i), Category: "生态建设", Scope: store.LevelTown, Received: "2024-01-20"}
			must(db.SaveSuggestion(ctx, &s))
			ids = append(ids, s.ID)
		}
		must(db.AssignMany(ctx, ids, store.AssignInput{MainUnitID: unit.ID, Date: "2024-02-01"}))
		for i, id := range ids {
			outcome := store.OutcomeSolved // 1–13
			switch {
			case i >= 19:
				outcome = store.OutcomeReference // 20–23
			case i >= 13:
				outcome = store.OutcomePlanned // 14–19
			}
			must(db.Reply(ctx, id, store.ReplyInput{Date: "2024-03-01", Method: store.MethodWritten, Content: "答复", Outcome: outcome}))
		}
		recess := store.Suggestion{Kind: store.KindSuggestion, Period: store.PeriodRecess, Source: "代表提出", LeadDeputyID: dep.ID,
			Title: "闭会期间建议", Category: "城乡建设", Scope: store.LevelTown, Received: "2024-03-10"}
		must(db.SaveSuggestion(ctx, &recess))
	}
	return testDesk(t, db)
}

// reportLimit is how long a report test waits for what 报表 computes off the UI goroutine. It is generous: on a
// machine busy with other work two seconds can pass, and a test that gave up would leave the computation to
// paint the widgets while the next test runs.
const reportLimit = 20 * time.Second

// reportWait waits until the figures last asked for are on screen.
func reportWait(t *testing.T, r *reportTab) {
	t.Helper()
	waitUpTo(t, reportLimit, "the figures", func() bool { return r.applied.Load() == r.gen.Load() })
}

// reportOpen selects 报表, as the clerk does, and waits for its figures.
func reportOpen(t *testing.T, d *desk) *reportTab {
	t.Helper()
	d.tabs.Select(d.report.tabItem())
	reportWait(t, d.report)
	return d.report
}

// reportRate returns the cell of a rate (by name) in a column (0 全年, 1 人代会期间, 2 闭会期间).
func reportRate(t *testing.T, r *reportTab, name string, col int) *reportRateCell {
	t.Helper()
	i := slices.IndexFunc(store.RateDefs, func(d store.RateDef) bool { return d.Name == name })
	if i < 0 {
		t.Fatalf("no rate %s", name)
	}
	return r.rates[i][col]
}

// text is the count a tile shows (「23」).
func (c *reportTile) text() string {
	return c.value.Segments[0].(*widget.TextSegment).Text
}

// reportTileText returns what the tile with a caption shows.
func reportTileText(t *testing.T, r *reportTab, caption string) string {
	t.Helper()
	for _, tile := range r.tiles {
		if tile.label.Text == caption {
			return tile.text() + " " + tile.unit
		}
	}
	t.Fatalf("no tile %s", caption)
	return ""
}

// reportTap taps a percentage in its middle, where its text is (a hyperlink ignores taps beside its text).
func reportTap(c *reportRateCell) {
	test.TapAt(c.value, fyne.NewPos(c.value.Size().Width/2, c.value.Size().Height/2))
}

func TestReportShowsFiguresAndExplainsThem(t *testing.T) {
	d := reportTestDesk(t, false)
	r := reportOpen(t, d)
	if r.year.Selected != "2024年" || r.span.Selected != reportSpanYear || r.asOf.Text != "2024-12-31" {
		t.Fatalf("default period %q %q as of %q, want 2024年 全年 as of today", r.year.Selected, r.span.Selected, r.asOf.Text)
	}
	for caption, want := range map[string]string{"收到建议合计": "24 件", "人代会期间收到": "23 件", "闭会期间收到": "1 件",
		"人代会": "1 次", "在任代表": "1 人", "已交办(含转交上级)": "23 件"} {
		if got := reportTileText(t, r, caption); got != want {
			t.Errorf("tile %s shows %q, want %q", caption, got, want)
		}
	}
	solved := reportRate(t, r, "解决率", 1)
	if solved.value.Text != "56.5%" || solved.frac.Text != "13/23" {
		t.Fatalf("会期 解决率 shows %q %q, want 56.5%% 13/23", solved.value.Text, solved.frac.Text)
	}
	if all := reportRate(t, r, "解决率", 0); all.value.Text != "54.2%" { // 13/24
		t.Errorf("全年 解决率 shows %q", all.value.Text)
	}
	if recess := reportRate(t, r, "答复率", 2); recess.value.Text != "—" || recess.frac.Text != "" {
		t.Errorf("闭会期间 答复率 (nothing assigned) shows %q %q, want —", recess.value.Text, recess.frac.Text)
	}
	if !strings.Contains(r.text.Text, "解决率为56.5%") {
		t.Errorf("report text lacks 解决率为56.5%%:\n%s", r.text.Text)
	}
	if !strings.Contains(r.status.Text, "2024年1月1日至2024年12月31日") || !strings.Contains(r.status.Text, "截至2024年12月31日(今天)") {
		t.Errorf("status %q", r.status.Text)
	}

	// Tapping the percentage explains it: the definition, 13 over 23 for the session.
	reportTap(solved)
	text := labelText(r.explainBox)
	for _, want := range []string{"截至统计日办理结果为已解决的件数 ÷ 收到件数", "分子：已解决", "分母：收到件数", "56.5%", "13 件", "23 件"} {
		if !strings.Contains(text, want) {
			t.Fatalf("口径 %q lacks %q", text, want)
		}
	}
	// 查看明细 of the session's numerator (rows 全年, 人代会期间, 闭会期间; numerator then denominator) lists the 13.
	details := findButtons(r.explainBox, "查看明细")
	if len(details) != 6 {
		t.Fatalf("%d 查看明细 buttons, want 6", len(details))
	}
	test.Tap(details[2])
	waitUpTo(t, reportLimit, "the items", func() bool { return len(r.itemsShown) == 13 })
	for _, x := range r.itemsShown {
		if x.Outcome != store.OutcomeSolved || x.Period != store.PeriodSession {
			t.Fatalf("item %s %s %s in the numerator of 会期 解决率", x.Number, x.Period, x.Outcome)
		}
	}
	if r.itemsList.Length() != 13 {
		t.Fatalf("the list shows %d lines", r.itemsList.Length())
	}
	// A tap opens the item in 建议.
	first := r.itemsShown[0]
	r.itemsList.Select(0)
	if d.tabs.Selected().Text != "建议" || d.items.current.ID != first.ID {
		t.Fatalf("tab %q shows item %d, want %d in 建议", d.tabs.Selected().Text, d.items.current.ID, first.ID)
	}

	// 口径 of a rate with the denominator of 闭会期间: the one unassigned item is 未答复.
	reportTap(reportRate(t, r, "未答复占比", 2))
	details = findButtons(r.explainBox, "查看明细")
	test.Tap(details[4])
	waitUpTo(t, reportLimit, "the items", func() bool { return len(r.itemsShown) == 1 && r.itemsShown[0].Title == "闭会期间建议" })
}

func TestReportPeriods(t *testing.T) {
	d := reportTestDesk(t, false)
	r := reportOpen(t, d)

	// 年初以来 as of 15 February: every item was assigned, none replied yet.
	r.span.SetSelected(reportSpanToDate)
	r.asOf.SetText("2024-02-15")
	reportWait(t, r)
	if r.shown.to != "2024-02-15" || r.shown.asOf != "2024-02-15" || r.rateHead.Text != "合计" {
		t.Fatalf("period %+v, head %q", r.shown, r.rateHead.Text)
	}
	if c := reportRate(t, r, "解决率", 1); c.value.Text != "0.0%" || c.frac.Text != "0/23" {
		t.Errorf("解决率 on 15 February %q %q, want 0.0%% 0/23", c.value.Text, c.frac.Text)
	}
	if c := reportRate(t, r, "答复率", 1); c.value.Text != "0.0%" {
		t.Errorf("答复率 on 15 February %q", c.value.Text)
	}
	if got := reportTileText(t, r, "闭会期间收到"); got != "0 件" {
		t.Errorf("an item received on 10 March counted on 15 February: %q", got)
	}

	// Back to 全年: 截至 goes back to today; a day after today is refused in Chinese.
	r.span.SetSelected(reportSpanYear)
	reportWait(t, r)
	if r.asOf.Text != "2024-12-31" || reportRate(t, r, "解决率", 1).value.Text != "56.5%" || r.rateHead.Text != "全年" {
		t.Fatalf("全年 as of %q: %q", r.asOf.Text, reportRate(t, r, "解决率", 1).value.Text)
	}
	r.asOf.SetText("2025-06-30")
	reportWait(t, r)
	if r.status.Importance != widget.DangerImportance || !strings.Contains(r.status.Text, "截至日期(2025年6月30日)不能晚于今天(2024年12月31日)") {
		t.Errorf("截至 after today: status %q", r.status.Text)
	}

	// 自定义: the dates start from the year; a period ending before it starts is refused in Chinese and
	// nothing of another period stays on screen.
	r.span.SetSelected(reportSpanCustom)
	reportWait(t, r)
	if r.from.Text != "2024-01-01" || r.to.Text != "2024-12-31" || !r.custom.Visible() || r.yearBox.Visible() {
		t.Fatalf("custom %q–%q visible %v", r.from.Text, r.to.Text, r.custom.Visible())
	}
	r.to.SetText("2023-06-30")
	reportWait(t, r)
	if r.status.Importance != widget.DangerImportance || !strings.Contains(r.status.Text, "不能早于起始日期") {
		t.Fatalf("status %q", r.status.Text)
	}
	if c := reportRate(t, r, "解决率", 1); c.value.Text != "—" || r.text.Text != "" {
		t.Fatalf("a refused period still shows %q", c.value.Text)
	}
	// The session only: 1–31 January.
	r.to.SetText("2024-01-31")
	reportWait(t, r)
	if r.shown.to != "2024-01-31" || r.shown.asOf != "2024-01-31" || reportTileText(t, r, "人代会期间收到") != "23 件" {
		t.Fatalf("period %+v shows %s", r.shown, reportTileText(t, r, "人代会期间收到"))
	}

	// The same January as of the year's end: the period's items, their handling on the later day (replied in
	// March) — the period and the 截至 date are two settings.
	r.asOf.SetText("2024-12-31")
	reportWait(t, r)
	if r.shown.to != "2024-01-31" || r.shown.asOf != "2024-12-31" || reportTileText(t, r, "人代会期间收到") != "23 件" ||
		reportRate(t, r, "解决率", 1).value.Text != "56.5%" {
		t.Fatalf("January as of 31 December: %+v shows %s, 解决率 %s", r.shown, reportTileText(t, r, "人代会期间收到"),
			reportRate(t, r, "解决率", 1).value.Text)
	}
	if !strings.Contains(r.status.Text, "统计时段：2024年1月1日至2024年1月31日") || !strings.Contains(r.status.Text, "数据截至2024年12月31日") {
		t.Errorf("status %q", r.status.Text)
	}
	r.asOf.SetText("2024-01-31")
	reportWait(t, r)
	if c := reportRate(t, r, "解决率", 1); c.value.Text != "0.0%" {
		t.Errorf("January as of its end: 解决率 %q, want 0.0%%", c.value.Text)
	}

	// A recomputation overtaken by another is dropped: the screen shows the last period asked for.
	r.to.SetText("2024-12-31")
	r.asOf.SetText("2024-02-15")
	r.asOf.SetText("2024-12-31")
	reportWait(t, r)
	if r.shown.asOf != "2024-12-31" || reportRate(t, r, "解决率", 1).value.Text != "56.5%" {
		t.Fatalf("after quick changes the tab shows %+v %q", r.shown, reportRate(t, r, "解决率", 1).value.Text)
	}
}

func TestReportEmptyYearShowsDashes(t *testing.T) {
	d := reportTestDesk(t, true)
	r := reportOpen(t, d)
	if r.year.Selected != "2024年" || len(r.year.Options) != 1 {
		t.Fatalf("years %v, chosen %q", r.year.Options, r.year.Selected)
	}
	for i, def := range store.RateDefs {
		for j, c := range r.rates[i] {
			if c.value.Text != "—" || c.frac.Text != "" {
				t.Errorf("%s column %d shows %q %q, want —", def.Name, j, c.value.Text, c.frac.Text)
			}
		}
	}
	if got := reportTileText(t, r, "收到建议合计"); got != "0 件" {
		t.Errorf("tile %q", got)
	}
	if strings.Contains(r.text.Text, "%") || r.text.Text == "" {
		t.Errorf("text of an empty year %q", r.text.Text)
	}
}

func TestReportCopyAndShortcut(t *testing.T) {
	d := reportTestDesk(t, false)
	r := reportOpen(t, d)
	test.Tap(findButton(r.content, "复制"))
	if got := d.app.Clipboard().Content(); got != r.text.Text || !strings.Contains(got, "解决率为56.5%") {
		t.Fatalf("clipboard %q", got)
	}
	if r.copyMsg.Text != "已复制到剪贴板" {
		t.Errorf("copy message %q", r.copyMsg.Text)
	}

	// Ctrl+1…8 reach every tab in its order: 6 is 监督, 7 is 报表, 8 is 设置.
	sc := d.win.Canvas().(fyne.Shortcutable)
	for key, want := range map[fyne.KeyName]string{fyne.Key8: "设置", fyne.Key7: "报表", fyne.Key6: "监督"} {
		sc.TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault})
		if d.tabs.Selected().Text != want {
			t.Fatalf("Ctrl+%s selects %q, want %s", key, d.tabs.Selected().Text, want)
		}
	}
}

func TestReportExportAll(t *testing.T) {
	d := reportTestDesk(t, false)
	r := reportOpen(t, d)
	dir := t.TempDir()
	r.exportTo(dir, export.ReportFormats)
	for _, b := range r.exports {
		if !b.Disabled() {
			t.Fatalf("%s is enabled while exporting", b.Text)
		}
	}
	// Writing the PDF with its fonts takes a while on a busy machine.
	for end := time.Now().Add(2 * time.Minute); r.exported.Load() == 0; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatal("the export did not finish")
		}
	}
	st, _ := d.db.Settings(d.ctx)
	if len(r.written) != 3 {
		t.Fatalf("written %v", r.written)
	}
	rep := export.Report{ReportData: store.ReportData{Settings: st, Figures: store.Figures{From: "2024-01-01", To: "2024-12-31", AsOf: "2024-12-31"}}}
	for i, f := range export.ReportFormats {
		want := filepath.Join(dir, export.ReportFileName(rep, f))
		if r.written[i] != want {
			t.Errorf("file %d is %s, want %s", i, r.written[i], want)
		}
		if fi, err := os.Stat(want); err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v", want, err)
		}
	}
	txt, err := os.ReadFile(r.written[2])
	if err != nil || !strings.Contains(string(txt), "解决率为56.5%") {
		t.Errorf("text file %q (%v)", txt, err)
	}
	for _, b := range r.exports {
		if b.Disabled() {
			t.Errorf("%s stays disabled after the export", b.Text)
		}
	}
	if r.progressBox.Visible() {
		t.Error("the progress bar stays on screen")
	}
	// The done dialog offers the files and the folder.
	top := d.win.Canvas().Overlays().Top()
	if top == nil || len(findButtons(top, "打开文件")) != 3 || findButton(top, "打开所在文件夹") == nil {
		t.Fatal("no dialog with 打开文件 ×3 and 打开所在文件夹")
	}
}

func TestReportExportErrorInChinese(t *testing.T) {
	d := reportTestDesk(t, false)
	r := reportOpen(t, d)
	r.exportTo(filepath.Join(t.TempDir(), "不存在的文件夹"), []string{"txt"})
	for end := time.Now().Add(time.Minute); r.exported.Load() == 0; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatal("the export did not finish")
		}
	}
	if len(r.written) != 0 {
		t.Fatalf("written %v into a missing folder", r.written)
	}
	top := d.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(labelText(top), "导出报表：") {
		t.Fatalf("error dialog says %q", labelText(top))
	}
}
