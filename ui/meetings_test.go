package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

func TestMeetingKindFilterNarrowsToCongress(t *testing.T) {
	d, _ := uiTestDesk(t, true)
	tab := d.meetings
	_, all, err := d.db.Meetings(d.ctx, store.MeetingFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if tab.list.total != all {
		t.Fatalf("list shows %d meetings, store has %d", tab.list.total, all)
	}
	first, _ := tab.list.item(0)
	last, _ := tab.list.item(tab.list.total - 1)
	if first.Start < last.Start {
		t.Fatalf("not newest first: %s … %s", first.Start, last.Start)
	}
	_, want, _ := d.db.Meetings(d.ctx, store.MeetingFilter{Kind: store.MeetingCongress})
	if want == 0 || want == all {
		t.Fatalf("the demo has %d 人代会 of %d meetings: the filter would prove nothing", want, all)
	}
	tab.filters.kind.SetSelected(store.MeetingCongress)
	if tab.list.total != want {
		t.Fatalf("类型 filter shows %d, store says %d", tab.list.total, want)
	}
	for row := 0; row < tab.list.total; row++ {
		if x, _ := tab.list.item(row); x.Kind != store.MeetingCongress {
			t.Errorf("row %d (%s) is a %s", row, x.Title, x.Kind)
		}
	}
}

func TestMeetingYearFilter(t *testing.T) {
	d, _ := uiTestDesk(t, true)
	tab := d.meetings
	opts := tab.filters.year.Options
	if len(opts) < 2 || opts[0] != "全部" {
		t.Fatalf("year options %v", opts)
	}
	oldest, _, _ := d.db.Meetings(d.ctx, store.MeetingFilter{Sort: "date", Limit: 1})
	earliest := fmt.Sprintf("%d年", oldest[0].Start.Year())
	if opts[len(opts)-1] != earliest {
		t.Fatalf("year options end with %q, the earliest meeting is in %s", opts[len(opts)-1], earliest)
	}
	tab.filters.year.SetSelected(earliest)
	_, want, _ := d.db.Meetings(d.ctx, store.MeetingFilter{Year: oldest[0].Start.Year()})
	if tab.list.total != want || want == 0 {
		t.Fatalf("year filter shows %d, store says %d", tab.list.total, want)
	}
	tab.filters.year.SetSelected("全部")
	if _, all, _ := d.db.Meetings(d.ctx, store.MeetingFilter{}); tab.list.total != all {
		t.Fatalf("「全部」 shows %d of %d", tab.list.total, all)
	}
}

func TestCongressAttendanceTotalsMatchStore(t *testing.T) {
	d, _ := uiTestDesk(t, true)
	tab := d.meetings
	tab.filters.kind.SetSelected(store.MeetingCongress)
	m, ok := tab.list.item(0)
	if !ok {
		t.Fatal("no 人代会 in the list")
	}
	tab.show(m)
	if tab.sections == nil || tab.sections.Items[1].Text != "出席情况" {
		t.Fatal("no 出席情况 section")
	}
	det, err := d.db.MeetingDetail(d.ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, a := range det.Attendance {
		n[a.Status]++
	}
	if n["出席"] != m.Present || n["请假"] != m.Leave || n["缺席"] != m.Absent {
		t.Fatalf("detail %v disagrees with the list's counts %d/%d/%d", n, m.Present, m.Leave, m.Absent)
	}
	want := fmt.Sprintf("应到 %d 人，实到 %d 人，请假 %d 人，缺席 %d 人，列席 %d 人",
		len(det.Attendance)-n["列席"], n["出席"], n["请假"], n["缺席"], n["列席"])
	got := labelText(tab.sections.Items[1].Content)
	if !strings.HasPrefix(got, want) {
		t.Fatalf("出席情况 says %q, want %q", got, want)
	}
	if n["出席"] == 0 {
		t.Fatal("nobody attended the demo 人代会: the totals prove little")
	}
	// The other sections show what the store recorded.
	if len(det.Resolutions) > 0 && !strings.Contains(labelText(tab.sections.Items[3].Content), det.Resolutions[0].Title) {
		t.Error("决议 does not list the first resolution")
	}
	if len(det.Agenda) > 0 && !strings.Contains(labelText(tab.sections.Items[2].Content), det.Agenda[0].Title) {
		t.Error("议程 does not list the first item")
	}
}

func TestNewCongressMeetingGeneratesTitleAndSaves(t *testing.T) {
	d, _ := uiTestDesk(t, true)
	tab := d.meetings
	tab.newRecord()
	p := tab.pane
	kind := p.byLabel["类型"].(*widget.Select)
	term := p.byLabel["届次"].(*widget.Select)
	session := p.byLabel["会次"].(*widget.Entry)
	if p.title.Text != "新增会议" || kind.Selected != store.MeetingPresidium {
		t.Fatalf("new form %q of kind %q", p.title.Text, kind.Selected)
	}
	if got := p.byLabel["开始日期"].(*dateEntry).Date(); got != "2024-11-30" {
		t.Fatalf("start defaults to %q, want today", got)
	}
	if !term.Disabled() || !session.Disabled() {
		t.Fatal("届次 and 会次 are open for a 主席团会议")
	}
	kind.SetSelected(store.MeetingCongress)
	if term.Disabled() || session.Disabled() {
		t.Fatal("届次 and 会次 stay closed for a 人民代表大会会议")
	}
	cur, err := d.db.CurrentTerm(d.ctx)
	if err != nil {
		t.Fatal(err)
	}
	congresses, _, _ := d.db.Meetings(d.ctx, store.MeetingFilter{Kind: store.MeetingCongress})
	next := 1
	for _, m := range congresses {
		if m.TermID == cur.ID && m.SessionNo >= next {
			next = m.SessionNo + 1
		}
	}
	if term.Selected != cur.Name() || session.Text != fmt.Sprint(next) {
		t.Fatalf("suggested %s %q, want %s %d", term.Selected, session.Text, cur.Name(), next)
	}
	test.Tap(findButton(p.content, "生成标题"))
	s, _ := d.db.Settings(d.ctx)
	want := store.CongressTitle(s.Township, cur.Number, next)
	title := p.byLabel["名称"].(*widget.Entry)
	if title.Text != want || !strings.HasPrefix(want, "青山镇第") {
		t.Fatalf("generated %q, want %q", title.Text, want)
	}

	// A session that is already recorded is refused, in Chinese.
	session.SetText(fmt.Sprint(next - 1))
	p.form.OnSubmit()
	if !strings.Contains(p.msg.Text, "已经登记过") {
		t.Fatalf("duplicate session: message %q", p.msg.Text)
	}
	session.SetText(fmt.Sprint(next))
	p.form.OnSubmit()
	if tab.pane.msg.Text != "已保存" {
		t.Fatalf("message %q", tab.pane.msg.Text)
	}
	got, err := d.db.Meeting(d.ctx, tab.current.ID)
	if err != nil || got.Title != want || got.Kind != store.MeetingCongress || got.TermID != cur.ID || got.SessionNo != next || got.Start != "2024-11-30" {
		t.Fatalf("saved %+v (%v)", got, err)
	}
	if tab.sections == nil {
		t.Fatal("the saved meeting is not shown with its sections")
	}
}

func TestMeetingEmptyTitleShowsChineseMessageAndSavesNothing(t *testing.T) {
	d, _ := uiTestDesk(t, true)
	tab := d.meetings
	_, before, _ := d.db.Meetings(d.ctx, store.MeetingFilter{})
	tab.newRecord()
	if err := tab.pane.byLabel["名称"].(*widget.Entry).Validate(); err == nil || err.Error() != "名称不能为空" {
		t.Fatalf("inline validation: %v", err)
	}
	tab.pane.form.OnSubmit()
	if !tab.pane.msg.Visible() || tab.pane.msg.Text != "名称不能为空" {
		t.Fatalf("message %q", tab.pane.msg.Text)
	}
	if _, after, _ := d.db.Meetings(d.ctx, store.MeetingFilter{}); after != before {
		t.Fatalf("%d meetings after a refused save, had %d", after, before)
	}
}

func TestResolutionDisagreeingWithRuleIsFlagged(t *testing.T) {
	m := store.Meeting{Kind: store.MeetingPresidium}
	det := store.MeetingDetail{
		Attendance: []store.Attendance{{Status: "出席"}, {Status: "出席"}, {Status: "请假"}, {Status: "列席"}},
		Resolutions: []store.Resolution{
			{Title: "《关于甲的决定》", Kind: "决定", For: 2, EnteredResult: "通过"},  // 2 of 3: passes
			{Title: "《关于乙的决定》", Kind: "决定", For: 1, EnteredResult: "通过"},  // 1 of 3: fails
			{Title: "《关于丙的决定》", Kind: "决定", For: 2, EnteredResult: "未通过"}, // passes, entered as failed
		},
	}
	lines := meetingResolutionLines(m, det)
	if strings.Contains(lines[0], "注意") {
		t.Errorf("a correct result is flagged: %q", lines[0])
	}
	if !strings.Contains(lines[1], "应到 3 人") || !strings.Contains(lines[1], "按规则应为「未通过」") {
		t.Errorf("a wrong 通过 is not flagged: %q", lines[1])
	}
	if !strings.Contains(lines[2], "按规则应为「通过」") {
		t.Errorf("a wrong 未通过 is not flagged: %q", lines[2])
	}
	m.Kind = store.MeetingInspect // no passing rule for other meetings
	if strings.Contains(strings.Join(meetingResolutionLines(m, det), ""), "注意") {
		t.Error("a 视察 is held to the passing rule")
	}
}
