package ui

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// deputyWith finds a demo deputy whose record of year passes ok.
func deputyWith(t *testing.T, d *desk, year int, ok func(store.DeputyRecord) bool) store.DeputyRecord {
	t.Helper()
	recs, err := d.db.DeputyRecords(d.ctx, year)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if ok(r) {
			return r
		}
	}
	t.Fatalf("no deputy in the %d demo fits", year)
	return store.DeputyRecord{}
}

// openReportBackForm shows the deputy, opens the 述职评议 section and taps 新增述职评议.
func openReportBackForm(t *testing.T, tab *deputiesTab, x store.Deputy) *formPane {
	t.Helper()
	tab.show(x)
	tab.sections.SelectIndex(4)
	if tab.sections.Selected().Text != "述职评议" {
		t.Fatalf("section %q", tab.sections.Selected().Text)
	}
	add := findButton(tab.sections.Items[4].Content, "新增述职评议")
	if add == nil {
		t.Fatal("no 「新增述职评议」 button")
	}
	test.Tap(add)
	if tab.rbPane == nil || tab.rbPane.title.Text != "新增述职评议" {
		t.Fatal("the report-back form did not open")
	}
	return tab.rbPane
}

// fillReportBack types a report-back into the form; the labels are the store's.
func fillReportBack(p *formPane, date, form string, counts ...int) {
	p.byLabel["述职日期"].(*dateEntry).SetText(date)
	p.byLabel["述职方式"].(*widget.Select).SetSelected(form)
	for i, label := range []string{"参加评议人数", "优秀", "称职", "不称职"} {
		e := p.byLabel[label].(*textEntry)
		e.SetText("")
		test.Type(e, fmt.Sprint(counts[i]))
	}
}

func TestAddReportBackThroughForm(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.deputies
	d.tabs.SelectIndex(1)
	x, _ := tab.list.item(3)
	before, err := d.db.ReportBacks(d.ctx, 0, x.ID)
	if err != nil {
		t.Fatal(err)
	}
	p := openReportBackForm(t, tab, x)
	if got := p.byLabel["述职日期"].(*dateEntry).Date(); got != "2024-11-30" {
		t.Fatalf("a new report-back defaults to %q, want today", got)
	}
	fillReportBack(p, "2024年11月20日", "书面", 46, 29, 16, 0)
	test.Type(p.byLabel["备注"].(*textEntry), "一票无效")
	p.form.OnSubmit()
	if tab.rbPane.msg.Text != "已保存" {
		t.Fatalf("message %q", tab.rbPane.msg.Text)
	}
	after, err := d.db.ReportBacks(d.ctx, 0, x.ID)
	if err != nil || len(after) != len(before)+1 {
		t.Fatalf("%d report-backs after saving, had %d (%v)", len(after), len(before), err)
	}
	var saved store.ReportBack
	for _, b := range after {
		if b.ID == tab.rbCurrent.ID {
			saved = b
		}
	}
	want := store.ReportBack{ID: saved.ID, DeputyID: x.ID, Date: "2024-11-20", Form: "书面", Participants: 46, Excellent: 29,
		Competent: 16, Notes: "一票无效", DeputyName: x.Name, CreatedAt: saved.CreatedAt, UpdatedAt: saved.UpdatedAt}
	if saved != want {
		t.Fatalf("saved %+v, want %+v", saved, want)
	}
	if got := labelText(tab.rbList); !strings.Contains(got, "书面述职，参加评议 46 人：优秀 29 人(63.0%)、称职 16 人(34.8%)") {
		t.Fatalf("the list says %q", got)
	}
	// The 履职档案 of the year counts it at once.
	if len(tab.record.ReportBacks) != len(before)+1-countOtherYears(before, 2024) {
		t.Fatalf("the 履职档案 shows %d report-backs", len(tab.record.ReportBacks))
	}

	// Correct it: the form of the saved record saves over it.
	p = tab.rbPane
	p.byLabel["优秀"].(*textEntry).SetText("30")
	p.byLabel["称职"].(*textEntry).SetText("15")
	p.form.OnSubmit()
	if tab.rbPane.msg.Text != "已保存" {
		t.Fatalf("message %q", tab.rbPane.msg.Text)
	}
	if bs, _ := d.db.ReportBacks(d.ctx, 0, x.ID); len(bs) != len(after) {
		t.Fatalf("an edit added a record: %d", len(bs))
	}
	bs, _ := d.db.ReportBacks(d.ctx, 2024, x.ID)
	for _, b := range bs {
		if b.ID == saved.ID && (b.Excellent != 30 || b.Competent != 15 || b.Participants != 46) {
			t.Fatalf("the edit was not saved: %+v", b)
		}
	}

	// Delete asks first.
	del := findButton(tab.rbForm, "删除")
	if del == nil {
		t.Fatal("no 删除 button for a saved record")
	}
	test.Tap(del)
	yes := findButton(d.win.Canvas().Overlays().Top(), "是")
	if yes == nil {
		t.Fatal("no confirmation")
	}
	test.Tap(yes)
	if bs, _ := d.db.ReportBacks(d.ctx, 0, x.ID); len(bs) != len(before) {
		t.Fatalf("%d report-backs after deleting, want %d", len(bs), len(before))
	}
}

func countOtherYears(bs []store.ReportBack, year int) int {
	n := 0
	for _, b := range bs {
		if b.Date.Year() != year {
			n++
		}
	}
	return n
}

func TestReportBackGradesOverParticipantsAreRefused(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.deputies
	x, _ := tab.list.item(0)
	before, _ := d.db.ReportBacks(d.ctx, 0, 0)
	p := openReportBackForm(t, tab, x)
	fillReportBack(p, "2024-11-20", "口头", 46, 30, 16, 3)
	p.form.OnSubmit()
	if !p.msg.Visible() || p.msg.Text != "优秀、称职、不称职合计(49)不能多于参加评议人数(46)" {
		t.Fatalf("message %q visible=%v", p.msg.Text, p.msg.Visible())
	}
	// A count that is not a number is named too.
	p.byLabel["称职"].(*textEntry).SetText("十六")
	p.form.OnSubmit()
	if p.msg.Text != "称职请填写0或正整数" {
		t.Fatalf("message %q", p.msg.Text)
	}
	if after, _ := d.db.ReportBacks(d.ctx, 0, 0); len(after) != len(before) {
		t.Fatalf("%d report-backs after refused saves, had %d", len(after), len(before))
	}
}

func TestRecordSectionShowsTheStoreFigures(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.deputies
	r := deputyWith(t, d, 2023, func(r store.DeputyRecord) bool {
		return len(r.ReportBacks) > 0 && r.Led > 0 && r.Receptions > 0 && r.Activities > 0
	})
	tab.show(r.Deputy)
	tab.sections.SelectIndex(3)
	if tab.recordYear.Selected != "2024年" {
		t.Fatalf("the year defaults to %q", tab.recordYear.Selected)
	}
	tab.recordYear.SetSelected("2023年")
	got := labelText(tab.recordBox)
	wants := []string{
		r.Deputy.Name + "　2023年度履职档案",
		fmt.Sprintf("应参加或列席 %d 次：出席 %d 次、列席 %d 次，请假 %d 次，缺席 %d 次；参加人代会以外的会议和活动 %d 次。",
			r.Total.Marked(), r.Total.Present, r.Total.NonVoting, r.Total.Leave, r.Total.Absent, r.Activities),
		fmt.Sprintf("领衔 %d 件（人代会期间 %d 件、闭会期间 %d 件）：已解决 %d 件、正在解决 %d 件、列入计划解决 %d 件、留作参考 %d 件、未答复 %d 件。",
			r.Led, r.LedSession, r.LedRecess(), r.Solved(), r.LedOutcomes[store.OutcomeSolving], r.LedOutcomes[store.OutcomePlanned],
			r.LedOutcomes[store.OutcomeReference], r.LedOutcomes[store.OutcomeUnanswered]),
		fmt.Sprintf("联名 %d 件。", r.Cosigned),
		fmt.Sprintf("进站接待 %d 次，接待选民 %d 人次。", r.Receptions, r.Voters),
		reportBackLine(r.ReportBacks[0], 1),
	}
	// The attendance table is drawn column by column: 类型 with the kinds, then 出席 … 合计 with their numbers.
	columns := []string{"类型", "出席", "列席", "请假", "缺席", "合计"}
	for _, a := range append(append([]store.AttendanceCount{}, r.Attendance...), r.Total) {
		for i, v := range []string{a.Kind, fmt.Sprint(a.Present), fmt.Sprint(a.NonVoting), fmt.Sprint(a.Leave), fmt.Sprint(a.Absent), fmt.Sprint(a.Marked())} {
			columns[i] += v
		}
	}
	wants = append(wants, strings.Join(columns, ""))
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("the 履职档案 section lacks %q:\n%s", w, got)
		}
	}
	// Another year reads again.
	tab.recordYear.SetSelected("2024年")
	r24, _ := d.db.DeputyRecord(d.ctx, r.Deputy.ID, 2024)
	if got := labelText(tab.recordBox); !strings.Contains(got, fmt.Sprintf("领衔 %d 件", r24.Led)) || !strings.Contains(got, "2024年度履职档案") {
		t.Errorf("2024 shows %q", got)
	}
	if findButton(tab.sections.Items[3].Content, "打印履职档案") == nil {
		t.Error("no 「打印履职档案」 button")
	}
}

// The 履职档案 document writes the deputy's file of the year, as `rendadesk print deputy-file` does.
func TestRecordPrintPathWritesTheFile(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	d := testDesk(t, testDB(t, true))
	x, _ := d.deputies.list.item(0)
	out := filepath.Join(t.TempDir(), "档案.pdf")
	if err := d.deputyFile(x, 2023).write(out); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command("pdftotext", "-raw", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(text)), "")
	if !strings.Contains(flat, "履职档案（2023年度）") || !strings.Contains(flat, "姓名"+x.Name) {
		t.Fatalf("the file lacks the title or %s:\n%s", x.Name, text)
	}
	files := []string{}
	for _, c := range d.deputies.printChoices() {
		files = append(files, c.doc.file)
	}
	if strings.Join(files, ",") != "代表名册,代表名册(公开版),2024年度代表履职情况统计表,2024年度代表述职评议统计表" {
		t.Errorf("打印 offers %v", files)
	}
	if b := findButton(d.deputies.content, "打印"); b == nil {
		t.Error("the 代表 toolbar has no 打印")
	}
}

func TestReportBackDialogShowsT11(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.deputies
	test.Tap(findButton(tab.content, "述职评议"))
	v := tab.rbDialog
	if v == nil || v.year.Selected != "2024年" {
		t.Fatal("the dialog did not open on this year")
	}
	v.year.SetSelected("2023年")
	rows, err := d.db.ReportBacks(d.ctx, 2023, 0)
	if err != nil || len(rows) == 0 {
		t.Fatalf("no 2023 report-backs: %v", err)
	}
	if len(v.cells) != len(rows) {
		t.Fatalf("the table has %d rows, the store %d", len(v.cells), len(rows))
	}
	b := rows[0]
	want := []string{b.DeputyName, string(b.Date), b.Form, fmt.Sprint(b.Participants),
		fmt.Sprintf("%d (%s)", b.Excellent, b.Percent(b.Excellent, 1)), fmt.Sprintf("%d (%s)", b.Competent, b.Percent(b.Competent, 1)),
		fmt.Sprintf("%d (%s)", b.Incompetent, b.Percent(b.Incompetent, 1))}
	if strings.Join(v.cells[0], "|") != strings.Join(want, "|") {
		t.Fatalf("first row %v, want %v", v.cells[0], want)
	}
	if !strings.Contains(v.summary.Text, fmt.Sprintf("述职 %d 场", len(rows))) {
		t.Fatalf("summary %q", v.summary.Text)
	}
	for _, label := range []string{"导出", "打印", "关闭"} {
		if findButton(d.win.Canvas().Overlays().Top(), label) == nil {
			t.Errorf("the dialog has no %s", label)
		}
	}
	// 29 of 46 reads 63.0%, as domain.md §2.17 computes it; nobody evaluated reads 「—」.
	got := reportBackRows([]store.ReportBack{{DeputyName: "王文禄", Date: "2024-12-20", Form: "口头", Participants: 46, Excellent: 29, Competent: 16},
		{DeputyName: "张三", Date: "2024-12-21", Form: "书面"}}, 1)
	if got[0][4] != "29 (63.0%)" || got[0][5] != "16 (34.8%)" || got[1][4] != "0 (—)" {
		t.Fatalf("rows %v", got)
	}
}

// T10 and T11 follow the year last chosen in a 履职档案; before any choice they are this year's.
func TestTablesFollowTheChosenYear(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.deputies
	if c := tab.printChoices(); c[2].label != "表9 代表履职情况统计表，2024年" || c[3].doc.file != "2024年度代表述职评议统计表" {
		t.Fatalf("choices %+v", c)
	}
	a, _ := tab.list.item(0)
	b, _ := tab.list.item(1)
	tab.show(a)
	tab.recordYear.SetSelected("2023年")
	tab.show(b)
	if tab.recordYear.Selected != "2023年" || tab.record.Deputy.ID != b.ID || tab.record.Year != 2023 {
		t.Fatalf("the next deputy shows %q, record of %d %d", tab.recordYear.Selected, tab.record.Deputy.ID, tab.record.Year)
	}
	if c := tab.printChoices(); c[2].label != "表9 代表履职情况统计表，2023年" {
		t.Fatalf("choices %+v", c)
	}
	tab.showReportBackDialog()
	if tab.rbDialog.year.Selected != "2023年" || len(tab.rbDialog.cells) == 0 {
		t.Fatalf("the dialog opens on %q with %d rows", tab.rbDialog.year.Selected, len(tab.rbDialog.cells))
	}
}
