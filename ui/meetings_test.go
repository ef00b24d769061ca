package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/export"
	"rendadesk/store"
)

func TestMeetingKindFilterNarrowsToCongress(t *testing.T) {
	d := testDesk(t, testDB(t, true))
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
	d := testDesk(t, testDB(t, true))
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
	d := testDesk(t, testDB(t, true))
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
	// The totals on screen are the store's quorum figures: 应到 is every town deputy in office.
	q, err := d.db.Quorum(d.ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("应到 %d 人，实到 %d 人，请假 %d 人，缺席 %d 人", q.Base, q.Present, q.Leave, q.Absent)
	if n["列席"] > 0 {
		want += fmt.Sprintf("，列席 %d 人", n["列席"])
	}
	got := labelText(tab.sections.Items[1].Content)
	if !strings.Contains(got, want) || want != q.Totals() || !strings.Contains(got, q.Verdict()) {
		t.Fatalf("出席情况 says %q, want %q (store: %q)", got, want, q.Describe())
	}
	if q.Present == 0 || q.Base < 50 {
		t.Fatalf("the demo 人代会 has %d of %d present: the totals prove little", q.Present, q.Base)
	}
	// The other sections show what the store recorded.
	if len(det.Resolutions) == 0 || !strings.Contains(entryText(tab.sections.Items[3].Content), det.Resolutions[0].Title) {
		t.Error("决议 does not list the first resolution")
	}
	if len(det.Agenda) == 0 || !strings.Contains(entryText(tab.sections.Items[2].Content), det.Agenda[0].Title) {
		t.Error("议程 does not list the first item")
	}
}

func TestNewCongressMeetingGeneratesTitleAndSaves(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.meetings
	tab.newRecord()
	p := tab.pane
	kind := p.byLabel["类型"].(*widget.Select)
	term := p.byLabel["届次"].(*widget.Select)
	session := p.byLabel["会次"].(*textEntry)
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
	title := p.byLabel["名称"].(*textEntry)
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
	d := testDesk(t, testDB(t, true))
	tab := d.meetings
	_, before, _ := d.db.Meetings(d.ctx, store.MeetingFilter{})
	tab.newRecord()
	if err := tab.pane.byLabel["名称"].(*textEntry).Validate(); err == nil || err.Error() != "名称不能为空" {
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

// entryText joins the text of every entry inside o.
func entryText(o fyne.CanvasObject) string {
	var sb strings.Builder
	walk(o, func(c fyne.CanvasObject) {
		if e, ok := c.(*textEntry); ok {
			sb.WriteString(e.Text + "\n")
		}
	})
	return sb.String()
}

// showMeetingSection shows the newest meeting of a kind in the 会议 tab, opened on the section named.
func showMeetingSection(t *testing.T, d *desk, kind, section string) store.Meeting {
	t.Helper()
	tab := d.meetings
	d.showTab(tab.content) // built when first chosen (lazytabs.go)
	tab.filters.kind.SetSelected(kind)
	m, ok := tab.list.item(0)
	if !ok {
		t.Fatalf("no %s in the demo", kind)
	}
	tab.show(m)
	for i, it := range tab.sections.Items {
		if it.Text == section {
			tab.sections.SelectIndex(i)
			return m
		}
	}
	t.Fatalf("no section %s", section)
	return m
}

// attendanceItems are the deputy lines the attendance list shows now.
func attendanceItems(s *attendanceSheet) []*attendanceItem {
	var out []*attendanceItem
	walk(s.list, func(c fyne.CanvasObject) {
		if it, ok := c.(*attendanceItem); ok && it.row.Visible() && it.name.Text != "" {
			out = append(out, it)
		}
	})
	return out
}

// marksOf is a meeting's saved attendance as deputy → 「状态/原因」.
func marksOf(t *testing.T, d *desk, id int64) map[int64]string {
	t.Helper()
	det, err := d.db.MeetingDetail(d.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	out := map[int64]string{}
	for _, a := range det.Attendance {
		out[a.DeputyID] = a.Status + "/" + a.Reason
	}
	return out
}

func TestAttendanceAllPresentThenOneOnLeaveSaves(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	m := showMeetingSection(t, d, store.MeetingCongress, "出席情况")
	before := marksOf(t, d, m.ID)
	expected, err := d.db.ExpectedAttendees(d.ctx, m.ID)
	if err != nil || len(expected) < 50 {
		t.Fatalf("%d expected (%v)", len(expected), err)
	}
	sheet := d.meetings.rec.att
	if len(sheet.rows) < len(expected) {
		t.Fatalf("the sheet has %d rows for %d expected deputies", len(sheet.rows), len(expected))
	}
	test.Tap(findButton(sheet.content, "全部出席"))
	items := attendanceItems(sheet)
	if len(items) == 0 || len(items) > 40 {
		t.Fatalf("the list shows %d deputy lines: not a virtual list, or nothing", len(items))
	}
	for _, it := range items {
		if it.radio.Selected != "出席" || !it.reason.Disabled() {
			t.Fatalf("%s after 全部出席: %q, reason open %v", it.name.Text, it.radio.Selected, !it.reason.Disabled())
		}
	}
	pick := items[len(items)/2]
	pick.radio.SetSelected("请假") // what tapping 请假 does
	if pick.reason.Disabled() {
		t.Fatal("the reason stays closed for 请假")
	}
	test.Type(pick.reason, "外出学习")
	var pickID int64
	for _, row := range sheet.rows {
		if row.name == pick.name.Text && row.status == "请假" {
			pickID = row.id
		}
	}
	if pickID == 0 {
		t.Fatal("the mark did not reach the sheet")
	}
	if got := sheet.totals.Text; !strings.Contains(got, "请假 1 人") || !strings.Contains(got, "缺席 0 人") {
		t.Fatalf("totals %q", got)
	}
	test.Tap(findButton(sheet.content, "保存出席情况"))
	if sheet.msg.Text != "已保存" {
		t.Fatalf("message %q", sheet.msg.Text)
	}

	// Exactly: every expected deputy present, but the one on leave; others keep 列席 or become 出席.
	want := map[int64]string{}
	for _, x := range expected {
		want[x.ID] = "出席/"
	}
	for id, mark := range before {
		if _, ok := want[id]; !ok {
			want[id] = "出席/"
			if strings.HasPrefix(mark, "列席") {
				want[id] = "列席/"
			}
		}
	}
	want[pickID] = "请假/外出学习"
	got := marksOf(t, d, m.ID)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("saved %d marks %v\nwant %d %v", len(got), got, len(want), want)
	}
	// The other lists are kept as they were.
	det, _ := d.db.MeetingDetail(d.ctx, m.ID)
	if len(det.Resolutions) != 3 || len(det.Agenda) != 3 || det.Resolutions[0].AgendaItemID != 1 {
		t.Fatalf("saving the attendance changed the rest: %d resolutions, %d agenda items", len(det.Resolutions), len(det.Agenda))
	}
	// The list's counts follow, and the meeting shown again has the mark.
	if row, _ := d.meetings.list.item(0); row.ID != m.ID || row.Leave != 1 || row.Present != len(want)-1-countPrefix(want, "列席") {
		t.Fatalf("list row %+v", row)
	}
	d.meetings.show(m)
	for _, row := range d.meetings.rec.att.rows {
		if row.id == pickID && (row.status != "请假" || row.reason != "外出学习") {
			t.Fatalf("shown again: %q %q", row.status, row.reason)
		}
	}
}

func countPrefix(m map[int64]string, prefix string) int {
	n := 0
	for _, v := range m {
		if strings.HasPrefix(v, prefix) {
			n++
		}
	}
	return n
}

func TestAttendanceQuorumLine(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	evenCongressBase(t, d)
	m := showMeetingSection(t, d, store.MeetingCongress, "出席情况")
	sheet := d.meetings.rec.att
	base := d.meetings.rec.quorum.Base
	if base%2 != 0 || base < 50 {
		t.Fatalf("base %d", base)
	}
	test.Tap(findButton(sheet.content, "全部出席"))
	if q := sheet.quorum.Text; q != "超过半数，符合法定人数" || sheet.quorum.Importance != widget.SuccessImportance {
		t.Fatalf("all present: %q", q)
	}
	// Exactly half present, the rest absent: not enough.
	n := 0
	for _, row := range sheet.rows {
		if !row.member {
			continue
		}
		row.status = "缺席"
		if n < base/2 {
			row.status = "出席"
		}
		n++
	}
	sheet.list.Refresh()
	sheet.updateTotals()
	wantLine := fmt.Sprintf("应到 %d 人，实到 %d 人，请假 0 人，缺席 %d 人", base, base/2, base-base/2)
	if !strings.HasPrefix(sheet.totals.Text, wantLine) {
		t.Fatalf("totals %q, want %q", sheet.totals.Text, wantLine)
	}
	want := fmt.Sprintf("未超过半数(至少需要 %d 人)，不符合法定人数", base/2+1)
	if sheet.quorum.Text != want || sheet.quorum.Importance != widget.DangerImportance {
		t.Fatalf("exactly half: %q, want %q", sheet.quorum.Text, want)
	}
	// The store agrees once saved.
	test.Tap(findButton(sheet.content, "保存出席情况"))
	q, _ := d.db.Quorum(d.ctx, m.ID)
	if q.Met() || q.Present != base/2 || !strings.HasPrefix(q.Describe(), wantLine) {
		t.Fatalf("store: %s", q.Describe())
	}
	// One more present is more than half.
	sheet.list.ScrollToBottom() // the absent are at the end
	for _, item := range attendanceItems(sheet) {
		if item.radio.Selected == "缺席" {
			item.radio.SetSelected("出席")
			break
		}
	}
	if !strings.Contains(sheet.quorum.Text, "符合法定人数") || strings.Contains(sheet.quorum.Text, "不符合") {
		t.Fatalf("half plus one: %q", sheet.quorum.Text)
	}
	// 清空 leaves nobody marked.
	test.Tap(findButton(sheet.content, "清空"))
	if !strings.Contains(sheet.totals.Text, fmt.Sprintf("实到 0 人，请假 0 人，缺席 0 人；尚未标记 %d 人", base)) {
		t.Fatalf("after 清空: %q", sheet.totals.Text)
	}
}

// evenCongressBase adds a town deputy when the latest 人代会 has an odd number of them, so that exactly half
// can be constructed.
func evenCongressBase(t *testing.T, d *desk) {
	t.Helper()
	congresses, _, _ := d.db.Meetings(d.ctx, store.MeetingFilter{Kind: store.MeetingCongress})
	if q, _ := d.db.Quorum(d.ctx, congresses[0].ID); q.Base%2 == 1 {
		x := store.Deputy{Name: "补足数", Levels: []string{store.LevelTown}}
		if err := d.db.SaveDeputy(d.ctx, &x); err != nil {
			t.Fatal(err)
		}
	}
}

func TestAttendanceOfOtherMeetingsHasNoQuorum(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	showMeetingSection(t, d, store.MeetingInspect, "出席情况")
	sheet := d.meetings.rec.att
	if sheet.quorum.Visible() {
		t.Fatalf("a 视察 shows a quorum: %q", sheet.quorum.Text)
	}
	if strings.Contains(sheet.totals.Text, "尚未标记") {
		t.Fatalf("a 视察 counts the whole roster as expected: %q", sheet.totals.Text)
	}
}

func TestAddDeputyToAttendance(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	m := showMeetingSection(t, d, store.MeetingPresidium, "出席情况")
	sheet := d.meetings.rec.att
	others := sheet.others()
	if len(others) == 0 || len(others)+len(sheet.rows) != 75 {
		t.Fatalf("%d others beside %d on the sheet", len(others), len(sheet.rows))
	}
	guest := others[0].ID
	sheet.addDeputies([]int64{guest}) // what ticking a deputy in 添加代表 does
	test.Tap(findButton(sheet.content, "保存出席情况"))
	if got := marksOf(t, d, m.ID)[guest]; got != "列席/" {
		t.Fatalf("the added deputy is saved as %q", got)
	}
	if len(sheet.others()) != len(others)-1 {
		t.Fatal("the added deputy is still offered")
	}
}

// lastCard is the card of the last row of an editor's box (cards are followed by separators).
func lastCard(box *fyne.Container) fyne.CanvasObject { return box.Objects[len(box.Objects)-2] }

// numberEntries are the whole-number entries inside o, in order.
func numberEntries(o fyne.CanvasObject) []*textEntry {
	var out []*textEntry
	walk(o, func(c fyne.CanvasObject) {
		if e, ok := c.(*textEntry); ok && e.Validator != nil {
			out = append(out, e)
		}
	})
	return out
}

func TestResolutionAtExactlyHalfFails(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	evenCongressBase(t, d)
	m := showMeetingSection(t, d, store.MeetingCongress, "决议")
	ed := d.meetings.rec.res
	base := d.meetings.rec.quorum.Base
	before := len(ed.rows)
	test.Tap(findButton(ed.content, "添加决议"))
	card := lastCard(ed.box)
	var title *textEntry
	walk(card, func(c fyne.CanvasObject) {
		if e, ok := c.(*textEntry); ok && title == nil {
			title = e
		}
	})
	test.Type(title, "《关于半数的决议》")
	votes := numberEntries(card)
	if len(votes) != 3 {
		t.Fatalf("%d vote entries", len(votes))
	}
	half := base / 2
	if base%2 == 1 || base < 50 {
		t.Fatalf("base %d", base)
	}
	test.Type(votes[0], fmt.Sprint(half))
	want := fmt.Sprintf("按规则：未通过(赞成 %d 票，未超过全体 %d 人的半数)", half, base)
	if !strings.Contains(labelText(card), want) {
		t.Fatalf("card says %q, want %q", labelText(card), want)
	}
	warn := func() bool {
		shown := false
		card := lastCard(ed.box)
		walk(card, func(c fyne.CanvasObject) {
			if l, ok := c.(*widget.Label); ok && l.Text == "录入的结果与规则不符" && l.Visible() {
				shown = true
			}
		})
		return shown
	}
	if warn() {
		t.Fatal("a warning before any result is entered")
	}
	var result *widget.Select
	walk(card, func(c fyne.CanvasObject) {
		if s, ok := c.(*widget.Select); ok && len(s.Options) == 3 && s.Options[2] == resultNone {
			result = s
		}
	})
	result.SetSelected("通过")
	if !warn() {
		t.Fatal("通过 at exactly half is not flagged")
	}
	votes[0].SetText(fmt.Sprint(half + 1))
	if warn() || !strings.Contains(labelText(card), fmt.Sprintf("按规则：通过(赞成 %d 票，超过全体 %d 人的半数)", half+1, base)) {
		t.Fatalf("half plus one: %q", labelText(card))
	}
	votes[0].SetText(fmt.Sprint(half))
	// The clerk's result is kept as entered, with the warning.
	test.Tap(findButton(ed.content, "保存决议"))
	if ed.msg.Text != "已保存" {
		t.Fatalf("message %q", ed.msg.Text)
	}
	det, _ := d.db.MeetingDetail(d.ctx, m.ID)
	if len(det.Resolutions) != before+1 {
		t.Fatalf("%d resolutions", len(det.Resolutions))
	}
	got := det.Resolutions[before]
	if got.Title != "《关于半数的决议》" || got.For != half || got.EnteredResult != "通过" || got.Kind != "决议" {
		t.Fatalf("saved %+v", got)
	}
	if !warn() {
		t.Fatal("the warning is gone after saving")
	}
}

func TestResolutionRuleOnlyForVotingMeetings(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	showMeetingSection(t, d, store.MeetingInspect, "决议")
	ed := d.meetings.rec.res
	test.Tap(findButton(ed.content, "添加决议"))
	card := lastCard(ed.box)
	numberEntries(card)[0].SetText("1")
	if text := labelText(card); !strings.Contains(text, "本类会议不适用表决规则") || strings.Contains(text, "按规则") {
		t.Fatalf("a 视察 says %q", text)
	}
}

func TestElectionPresentAboveExpectedIsRefused(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	m := showMeetingSection(t, d, store.MeetingCongress, "选举")
	before, _ := d.db.MeetingDetail(d.ctx, m.ID)
	ed := d.meetings.rec.elect
	test.Tap(findButton(ed.content, "添加选举"))
	card := lastCard(ed.box)
	var position *textEntry
	walk(card, func(c fyne.CanvasObject) {
		if e, ok := c.(*textEntry); ok && position == nil {
			position = e
		}
	})
	test.Type(position, "镇长")
	nums := numberEntries(card) // 应选人数, 应到, 实到, 发出, 收回, 有效
	if len(nums) != 6 {
		t.Fatalf("%d number entries", len(nums))
	}
	test.Type(nums[1], "10")
	test.Type(nums[2], "12")
	test.Tap(findButton(ed.content, "保存选举"))
	want := fmt.Sprintf("选举第%d项实到(12)不能多于应到(10)", len(before.Elections)+1)
	if ed.msg.Text != want || ed.msg.Importance != widget.DangerImportance {
		t.Fatalf("message %q, want %q", ed.msg.Text, want)
	}
	after, _ := d.db.MeetingDetail(d.ctx, m.ID)
	if fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatal("a refused save changed the meeting's record")
	}
	// Corrected, with a candidate, it saves.
	nums[2].SetText("9")
	test.Tap(findButton(card, "添加候选人"))
	card = lastCard(ed.box)
	nums = numberEntries(card)
	for i, v := range []string{"9", "9", "8"} {
		nums[3+i].SetText(v)
	}
	var name *textEntry
	walk(card, func(c fyne.CanvasObject) {
		if e, ok := c.(*textEntry); ok && e.PlaceHolder == "候选人姓名" {
			name = e
		}
	})
	test.Type(name, "周宏杰")
	nums[6].SetText("8")
	test.Tap(findButton(ed.content, "保存选举"))
	if ed.msg.Text != "已保存" {
		t.Fatalf("message %q", ed.msg.Text)
	}
	after, _ = d.db.MeetingDetail(d.ctx, m.ID)
	e := after.Elections[len(after.Elections)-1]
	if e.Position != "镇长" || e.Expected != 10 || e.Present != 9 || e.BallotsValid != 8 || len(e.Candidates) != 1 || e.Candidates[0].Votes != 8 {
		t.Fatalf("saved %+v", e)
	}
}

func TestAgendaMoveKeepsResolutionsOnTheirItem(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	m := showMeetingSection(t, d, store.MeetingCongress, "议程")
	before, _ := d.db.MeetingDetail(d.ctx, m.ID)
	itemOf := func(det store.MeetingDetail) map[string]string {
		out := map[string]string{}
		for _, r := range det.Resolutions {
			if r.AgendaItemID > 0 {
				out[r.Title] = det.Agenda[r.AgendaItemID-1].Title
			}
		}
		return out
	}
	linked := itemOf(before)
	if len(linked) == 0 {
		t.Fatal("no resolution is linked to an agenda item in the demo")
	}
	ed := d.meetings.rec.agenda
	ed.rows[0], ed.rows[1] = ed.rows[1], ed.rows[0] // what 下移 on the first item does
	ed.rebuild()
	test.Tap(findButton(ed.content, "添加议程"))
	test.Type(numberlessEntry(lastCard(ed.box)), "审议代表资格审查报告")
	test.Tap(findButton(ed.content, "保存议程"))
	if ed.msg.Text != "已保存" {
		t.Fatalf("message %q", ed.msg.Text)
	}
	after, _ := d.db.MeetingDetail(d.ctx, m.ID)
	if len(after.Agenda) != len(before.Agenda)+1 || after.Agenda[0].Title != before.Agenda[1].Title || after.Agenda[0].Seq != 1 {
		t.Fatalf("agenda %+v", after.Agenda)
	}
	if fmt.Sprint(itemOf(after)) != fmt.Sprint(linked) {
		t.Fatalf("resolutions moved off their items: %v, were %v", itemOf(after), linked)
	}
	// The 决议 section follows too: saving it now keeps the links.
	test.Tap(findButton(d.meetings.rec.res.content, "保存决议"))
	again, _ := d.db.MeetingDetail(d.ctx, m.ID)
	if fmt.Sprint(itemOf(again)) != fmt.Sprint(linked) {
		t.Fatalf("saving 决议 after the agenda moved: %v", itemOf(again))
	}
}

// numberlessEntry is the first entry inside o.
func numberlessEntry(o fyne.CanvasObject) *textEntry {
	var found *textEntry
	walk(o, func(c fyne.CanvasObject) {
		if e, ok := c.(*textEntry); ok && found == nil {
			found = e
		}
	})
	return found
}

func TestGuestsAddAndRemove(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	m := showMeetingSection(t, d, store.MeetingCongress, "列席人员")
	ed := d.meetings.rec.guests
	before := len(ed.rows)
	test.Tap(findButton(ed.content, "添加列席人员"))
	test.Tap(findButton(ed.content, "保存列席人员"))
	if ed.msg.Text != fmt.Sprintf("列席人员第%d行姓名不能为空", before+1) {
		t.Fatalf("blank name: %q", ed.msg.Text)
	}
	ed.rows[before].Name, ed.rows[before].Unit, ed.rows[before].Post = "赵明", "县人大常委会", "主任"
	test.Tap(findButton(ed.content, "保存列席人员"))
	det, _ := d.db.MeetingDetail(d.ctx, m.ID)
	if len(det.Guests) != before+1 || det.Guests[before].Name != "赵明" || det.Guests[before].Post != "主任" {
		t.Fatalf("guests %+v", det.Guests)
	}
	if !strings.Contains(entryText(ed.content), "县人大常委会") {
		t.Fatal("the saved guest is not shown")
	}
}

func TestNewSuggestionFromMeeting(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	for _, c := range []struct{ kind, source, period string }{
		{store.MeetingInspect, "视察调研执法检查", store.PeriodRecess},
		{store.MeetingGroup, "代表小组活动", store.PeriodRecess},
		{store.MeetingCongress, "其他", store.PeriodSession},
	} {
		m := showMeetingSection(t, d, c.kind, "基本信息")
		test.Tap(findButton(d.meetings.detail, "据此登记建议"))
		items := d.items
		if d.tabs.Selected().Text != "建议" {
			t.Fatalf("%s: tab %q", c.kind, d.tabs.Selected().Text)
		}
		p := items.pane
		x := items.current
		if x.SourceMeetingID != m.ID || x.ID != 0 {
			t.Fatalf("%s: source meeting %d, want %d", c.kind, x.SourceMeetingID, m.ID)
		}
		if got := p.byLabel["来源"].(*widget.Select).Selected; got != c.source {
			t.Errorf("%s: 来源 %q, want %q", c.kind, got, c.source)
		}
		if got := p.byLabel["收到日期"].(*dateEntry).Date(); got != m.Start {
			t.Errorf("%s: 收到日期 %q, want %q", c.kind, got, m.Start)
		}
		if got := p.byLabel["提出时段"].(*widget.Select).Selected; got != c.period {
			t.Errorf("%s: 提出时段 %q", c.kind, got)
		}
		session := p.byLabel["人代会"].(*widget.Select).Selected
		if (c.kind == store.MeetingCongress) != (session == m.Title) {
			t.Errorf("%s: 人代会 %q", c.kind, session)
		}
		if got := p.byLabel["内容"].(*textEntry).Text; got != m.Problems {
			t.Errorf("%s: 内容 %q, want %q", c.kind, got, m.Problems)
		}
		if !strings.Contains(p.title.Text, m.Title) {
			t.Errorf("%s: form title %q", c.kind, p.title.Text)
		}
		if c.kind != store.MeetingInspect {
			continue
		}
		// Completed and saved, it keeps the link to the inspection.
		p.byLabel["标题"].(*textEntry).SetText("关于视察中发现问题的建议")
		p.byLabel["类别"].(*widget.Select).SetSelected("城乡建设")
		ds, _, _ := d.db.Deputies(d.ctx, store.DeputyFilter{Limit: 1})
		p.byLabel["领衔代表"].(*suggestionDeputyPicker).SetDeputy(ds[0].ID, ds[0].Name)
		p.form.OnSubmit()
		if !strings.HasPrefix(items.pane.msg.Text, "已登记") {
			t.Fatalf("save: %q", items.pane.msg.Text)
		}
		got, err := d.db.Suggestion(d.ctx, items.current.ID)
		if err != nil || got.SourceMeetingID != m.ID || got.Source != c.source || got.Received != m.Start || got.Period != store.PeriodRecess {
			t.Fatalf("saved %+v (%v)", got, err)
		}
	}
}

func TestPrintMaterialsOffersPartsWithData(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	m := showMeetingSection(t, d, store.MeetingCongress, "基本信息")
	det, _ := d.db.MeetingDetail(d.ctx, m.ID)
	if len(det.Elections) != 0 || len(det.Resolutions) == 0 {
		t.Fatalf("the latest demo 人代会 has %d elections, %d resolutions: the test needs none and some", len(det.Elections), len(det.Resolutions))
	}
	var got store.Meeting
	var gotParts []string
	d.meetings.print = func(m store.Meeting, p export.MeetingPrint) { got, gotParts = m, p.Parts }
	test.Tap(findButton(d.meetings.detail, "打印会议材料"))
	dlg := d.win.Canvas().Overlays().Top()
	if dlg == nil {
		t.Fatal("no dialog")
	}
	var want []string
	walk(dlg, func(c fyne.CanvasObject) {
		ch, ok := c.(*widget.Check)
		if !ok {
			return
		}
		election := ch.Text == "选票" || ch.Text == "选举结果报告"
		if election != ch.Disabled() || election == ch.Checked {
			t.Errorf("%s: ticked %v, disabled %v", ch.Text, ch.Checked, ch.Disabled())
		}
		if ch.Text == "列席人员名单" && len(det.Guests) == 0 {
			return
		}
		if ch.Checked {
			want = append(want, ch.Text)
		}
		if ch.Text == "表决票" {
			ch.SetChecked(false) // the clerk leaves one out
			want = want[:len(want)-1]
		}
	})
	if len(want) < 4 {
		t.Fatalf("parts %v", want)
	}
	test.Tap(findButton(dlg, "生成"))
	if got.ID != m.ID || fmt.Sprint(gotParts) != fmt.Sprint(want) {
		t.Fatalf("printed meeting %d parts %v, want %d %v", got.ID, gotParts, m.ID, want)
	}
	if file := d.meetingMaterials(got, export.MeetingPrint{Parts: gotParts}).file; file != m.Title+"材料" || !strings.HasSuffix(m.Title, "会议") {
		t.Fatalf("file %q", file)
	}
}

// iconButtons are the buttons showing icon inside o, in order.
func iconButtons(o fyne.CanvasObject, icon fyne.Resource) []*widget.Button {
	var out []*widget.Button
	walk(o, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok && b.Icon != nil && b.Icon.Name() == icon.Name() {
			out = append(out, b)
		}
	})
	return out
}

// The card lists of the sections (cardList) move and remove cards with the buttons on each card, and count
// them in the heading; nothing is saved until 保存.
func TestCardListMovesAndRemovesCards(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	m := showMeetingSection(t, d, store.MeetingCongress, "议程")
	ed := d.meetings.rec.agenda
	saved := len(ed.rows)
	if saved < 3 {
		t.Fatalf("the demo session has %d agenda items, want 3 or more", saved)
	}
	if want := fmt.Sprintf("议程共 %d 项", saved); ed.head.Text != want {
		t.Fatalf("heading %q, want %q", ed.head.Text, want)
	}
	first, second := ed.rows[0].Item.Title, ed.rows[1].Item.Title
	ups, downs := iconButtons(ed.box, theme.MoveUpIcon()), iconButtons(ed.box, theme.MoveDownIcon())
	if len(ups) != saved || len(downs) != saved || !ups[0].Disabled() || !downs[saved-1].Disabled() || downs[0].Disabled() {
		t.Fatalf("%d 上移 and %d 下移 buttons for %d cards; the first 上移 and the last 下移 must be off", len(ups), len(downs), saved)
	}
	test.Tap(downs[0])
	if ed.rows[0].Item.Title != second || ed.rows[1].Item.Title != first {
		t.Fatalf("after 下移 on the first card: %q, %q", ed.rows[0].Item.Title, ed.rows[1].Item.Title)
	}
	test.Tap(iconButtons(ed.box, theme.MoveUpIcon())[1])
	if ed.rows[0].Item.Title != first {
		t.Fatalf("上移 did not bring %q back first: %q", first, ed.rows[0].Item.Title)
	}
	dels := iconButtons(ed.box, theme.DeleteIcon())
	test.Tap(dels[len(dels)-1])
	if len(ed.rows) != saved-1 || ed.head.Text != fmt.Sprintf("议程共 %d 项", saved-1) {
		t.Fatalf("after 删除: %d cards, heading %q", len(ed.rows), ed.head.Text)
	}
	if det, _ := d.db.MeetingDetail(d.ctx, m.ID); len(det.Agenda) != saved {
		t.Fatalf("删除 wrote to the store before 保存: %d items", len(det.Agenda))
	}

	// 列席人员 are one-line cards under a line of column names, shown only when there is a line.
	g := d.meetings.rec.guests
	for len(g.rows) > 0 {
		test.Tap(iconButtons(g.box, theme.DeleteIcon())[0])
	}
	if len(g.box.Objects) != 0 || g.head.Text != "未登记列席人员" {
		t.Fatalf("no guests: %d objects, heading %q", len(g.box.Objects), g.head.Text)
	}
	test.Tap(findButton(g.content, "添加列席人员"))
	if len(g.box.Objects) != 2 || !strings.Contains(labelText(g.box.Objects[0]), "姓名单位职务") {
		t.Fatalf("one guest: %d objects, first says %q", len(g.box.Objects), labelText(g.box.Objects[0]))
	}
}
