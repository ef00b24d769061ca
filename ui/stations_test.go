package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

func TestStationListShowsDemoAndTypeFilterNarrows(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.stations
	if tab.list.total != 30 {
		t.Fatalf("demo has %d stations in the list, want 30", tab.list.total)
	}
	const kind = "代表联系点"
	_, want, err := d.db.Stations(d.ctx, store.StationFilter{Type: kind})
	if err != nil {
		t.Fatal(err)
	}
	if want == 0 || want == 30 {
		t.Fatalf("the demo has %d stations of type %s: the filter would prove nothing", want, kind)
	}
	tab.filters.kind.SetSelected(kind)
	if tab.list.total != want {
		t.Fatalf("type filter shows %d, store says %d", tab.list.total, want)
	}
	for row := 0; row < tab.list.total; row++ {
		x, _ := tab.list.item(row)
		if x.Type != kind {
			t.Errorf("row %d (%s) is a %s", row, x.Name, x.Type)
		}
	}
	tab.filters.kind.SetSelected("全部")
	if tab.list.total != 30 {
		t.Fatalf("「全部」 shows %d", tab.list.total)
	}
	// The columns render as the clerk reads them.
	x, _ := tab.list.item(0)
	_, cells := tab.list.rowsText([]store.Station{x})
	if got := cells[0][4]; !strings.HasSuffix(got, "/6") {
		t.Errorf("六个有 column %q", got)
	}
	if got := cells[0][5]; got != stationStarOptions[x.Stars] {
		t.Errorf("星级 column %q for %d stars", got, x.Stars)
	}
}

func TestStationEmptyNameShowsChineseMessageAndSavesNothing(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.stations
	tab.newRecord()
	if tab.pane.title.Text != "新增联络站" {
		t.Fatalf("title %q", tab.pane.title.Text)
	}
	name := tab.pane.byLabel["名称"].(*textEntry)
	test.Type(name, "  ")
	if err := name.Validate(); err == nil || err.Error() != "名称不能为空" {
		t.Fatalf("inline validation: %v", err)
	}
	tab.pane.form.OnSubmit()
	if !tab.pane.msg.Visible() || tab.pane.msg.Text != "名称不能为空" {
		t.Fatalf("message %q visible=%v", tab.pane.msg.Text, tab.pane.msg.Visible())
	}
	if _, n, _ := d.db.Stations(d.ctx, store.StationFilter{}); n != 30 {
		t.Fatalf("%d stations after a refused save", n)
	}
}

func TestCreateStationThroughForm(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.stations
	tab.newRecord()
	test.Type(tab.pane.byLabel["名称"].(*textEntry), "试点代表联系点")
	tab.pane.byLabel["类型"].(*widget.Select).SetSelected("代表联系点")
	tab.pane.byLabel["星级"].(*widget.Select).SetSelected("3星")
	haves := tab.pane.byLabel["六个有"].(*fyne.Container)
	haves.Objects[0].(*widget.Check).SetChecked(true)
	haves.Objects[5].(*widget.Check).SetChecked(true)
	deps, _, _ := d.db.Deputies(d.ctx, store.DeputyFilter{Limit: 2})
	tab.pane.byLabel["进站代表"].(*idPicker).SetSelected([]int64{deps[0].ID, deps[1].ID})
	tab.pane.form.OnSubmit()
	if tab.pane.msg.Text != "已保存" {
		t.Fatalf("message %q", tab.pane.msg.Text)
	}
	got, n, err := d.db.Stations(d.ctx, store.StationFilter{Query: "试点代表联系点"})
	if err != nil || n != 1 {
		t.Fatalf("saved station: %d, %v", n, err)
	}
	s := got[0]
	if s.Type != "代表联系点" || s.Stars != 3 || s.Haves != [6]bool{true, false, false, false, false, true} || len(s.DeputyIDs) != 2 {
		t.Fatalf("saved %+v", s)
	}
	if tab.current.ID != s.ID || tab.list.total != 31 || tab.sections == nil {
		t.Fatalf("pane shows %d, list has %d", tab.current.ID, tab.list.total)
	}
}

func TestAddReceptionThroughStationPane(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.stations
	d.tabs.SelectIndex(2) // 联络站, so that its lists are laid out and draw their rows
	st, _ := tab.list.item(0)
	_, nBefore, err := d.db.Receptions(d.ctx, store.ReceptionFilter{StationID: st.ID})
	if err != nil {
		t.Fatal(err)
	}
	tab.show(st)
	tab.sections.SelectIndex(2)
	if got := labelText(tab.sections.Items[2].Content); !strings.Contains(got, "接待记录共") {
		t.Fatalf("接待记录 section says %q", got)
	}
	add := findButton(tab.sections.Items[2].Content, "新增接待记录")
	if add == nil {
		t.Fatal("no 「新增接待记录」 button")
	}
	test.Tap(add)
	p := tab.recPane
	if p == nil || p.title.Text != "新增接待记录" {
		t.Fatal("the reception form did not open")
	}
	date := p.byLabel["接待日期"].(*dateEntry)
	if date.Date() != "2024-11-30" {
		t.Fatalf("a new record defaults to %q, want today", date.Text)
	}

	// A date in the future is refused in Chinese, naming the field, and saves nothing.
	date.SetText("2024-12-05")
	p.form.OnSubmit()
	if p.msg.Text != "接待日期(2024年12月5日)不能晚于今天" {
		t.Fatalf("message %q", p.msg.Text)
	}

	date.SetText("2024年11月20日")
	voters := p.byLabel["接待选民(人次)"].(*textEntry)
	voters.SetText("")
	test.Type(voters, "12")
	duty := st.DeputyIDs[:1]
	p.byLabel["值班代表"].(*idPicker).SetSelected(duty)
	test.Type(p.byLabel["主要内容"].(*textEntry), "反映村道路灯不亮")
	p.form.OnSubmit()
	if tab.recPane.msg.Text != "已保存" {
		t.Fatalf("message %q", tab.recPane.msg.Text)
	}
	recs, n, err := d.db.Receptions(d.ctx, store.ReceptionFilter{StationID: st.ID})
	if err != nil || n != nBefore+1 {
		t.Fatalf("%d reception records after saving, had %d (%v)", n, nBefore, err)
	}
	var saved *store.Reception
	for i := range recs {
		if recs[i].ID == tab.recCurrent.ID {
			saved = &recs[i]
		}
	}
	if saved == nil || saved.Date != "2024-11-20" || saved.Voters != 12 || saved.Summary != "反映村道路灯不亮" || !slices.Equal(saved.DeputyIDs, duty) {
		t.Fatalf("saved %+v", saved)
	}
	if len(tab.receptions) != n {
		t.Fatalf("the section lists %d records, store has %d", len(tab.receptions), n)
	}
	row, _ := tab.list.item(0)
	if row.ID != st.ID || row.Voters != st.Voters+12 {
		t.Fatalf("the list shows %d voters at %s, want %d", row.Voters, row.Name, st.Voters+12)
	}
	if !strings.Contains(labelText(tab.recList), "反映村道路灯不亮") {
		t.Fatal("the new record is not in the section's list")
	}
}

// A station with reception records is deleted after one question that names the station and says how many
// records go with it (the count is read before asking, not found out after a first 是).
func TestDeleteStationWithReceptionsAsksOnceNamingThem(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.stations
	st, _ := tab.list.item(0)
	if st.Receptions == 0 {
		t.Fatal("the first demo station has no reception records")
	}
	tab.show(st)
	tab.remove()
	first := d.win.Canvas().Overlays().Top()
	if first == nil || !strings.Contains(labelText(first), "「"+st.Name+"」") {
		t.Fatal("the confirmation does not name the station")
	}
	if text := labelText(first); !strings.Contains(text, fmt.Sprintf("删除联络站会一并删除这 %d 条接待记录", st.Receptions)) ||
		!strings.Contains(text, "删除后不能恢复") {
		t.Fatalf("the confirmation does not say how many records go: %q", text)
	}
	test.Tap(findButton(first, "否"))
	if _, err := d.db.Station(d.ctx, st.ID); err != nil {
		t.Fatalf("cancel deleted the station: %v", err)
	}
	if d.win.Canvas().Overlays().Top() != nil {
		t.Fatal("a second question followed 否")
	}
	tab.remove()
	test.Tap(findButton(d.win.Canvas().Overlays().Top(), "是"))
	if top := d.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("a second question after 是: %q", labelText(top))
	}
	if _, err := d.db.Station(d.ctx, st.ID); store.ErrorCode(err) != store.ENOTFOUND {
		t.Fatalf("confirmed delete kept the station: %v", err)
	}
	if _, n, _ := d.db.Receptions(d.ctx, store.ReceptionFilter{StationID: st.ID}); n != 0 {
		t.Fatalf("%d reception records left", n)
	}
	if tab.list.total != 29 || tab.current.ID != 0 {
		t.Fatalf("list %d, pane %d", tab.list.total, tab.current.ID)
	}
}

// visibleTexts collects what the clerk can read inside o: labels, buttons, checks, selects and entries with
// their place holders, and the contents of every tab of an AppTabs.
func visibleTexts(o fyne.CanvasObject) []string {
	var out []string
	walk(o, func(c fyne.CanvasObject) {
		switch x := c.(type) {
		case *widget.Label:
			out = append(out, x.Text)
		case *widget.Button:
			out = append(out, x.Text)
		case *widget.Check:
			out = append(out, x.Text)
		case *widget.Select:
			out = append(out, x.Selected, x.PlaceHolder)
			out = append(out, x.Options...)
		case *widget.Entry:
			out = append(out, x.PlaceHolder)
		case *textEntry:
			out = append(out, x.PlaceHolder)
		case *dateEntry:
			out = append(out, x.PlaceHolder)
		case *searchEntry:
			out = append(out, x.PlaceHolder)
		}
	})
	return out
}

// hasLatinWord reports whether s contains two Latin letters in a row (an English word; not 「6/6」 or 「3星」).
func hasLatinWord(s string) bool {
	prev := false
	for _, r := range s {
		latin := r < unicode.MaxASCII && unicode.IsLetter(r)
		if latin && prev {
			return true
		}
		prev = latin
	}
	return false
}

func TestStationAndMeetingTabsShowNoEnglish(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	st, _ := d.stations.list.item(0)
	d.stations.show(st)
	d.stations.showReception(store.Reception{StationID: st.ID})
	m, _ := d.meetings.list.item(0)
	d.meetings.show(m)
	check := func(where string, o fyne.CanvasObject) {
		for _, s := range visibleTexts(o) {
			if hasLatinWord(s) {
				t.Errorf("%s shows English: %q", where, s)
			}
		}
	}
	check("联络站", d.stations.content)
	for _, it := range d.stations.sections.Items {
		check("联络站/"+it.Text, it.Content)
	}
	check("会议", d.meetings.content)
	for _, it := range d.meetings.sections.Items {
		check("会议/"+it.Text, it.Content)
	}
	d.meetings.newRecord()
	check("新增会议", d.meetings.detail)
	d.stations.newRecord()
	check("新增联络站", d.stations.detail)
}

func TestStationDeputyOpensInDeputiesTab(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	st, _ := d.stations.list.item(0)
	d.stations.show(st)
	if got := labelText(d.stations.sections.Items[1].Content); !strings.Contains(got, fmt.Sprintf("进站代表共 %d 人", len(st.DeputyIDs))) {
		t.Fatalf("进站代表 section says %q", got)
	}
	deps, _, _ := d.db.Deputies(d.ctx, store.DeputyFilter{StationID: st.ID})
	d.stations.openDeputy(deps[0])
	if d.tabs.Selected().Text != "代表" || d.deputies.current.ID != deps[0].ID {
		t.Fatalf("tab %q shows deputy %d, want %d", d.tabs.Selected().Text, d.deputies.current.ID, deps[0].ID)
	}
}

func TestReceptionTurnsIntoSuggestion(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.stations
	d.tabs.SelectIndex(2) // 联络站
	var st store.Station
	for row := 0; row < tab.list.total; row++ {
		if x, _ := tab.list.item(row); x.Receptions > 0 {
			st = x
			break
		}
	}
	if st.ID == 0 {
		t.Fatal("the demo has no station with reception records")
	}
	tab.show(st)
	tab.sections.SelectIndex(2)

	// A record not yet saved cannot be turned into a suggestion.
	test.Tap(findButton(tab.sections.Items[2].Content, "新增接待记录"))
	if findButton(tab.recForm, "转为建议") != nil {
		t.Error("an unsaved reception record offers 「转为建议」")
	}

	r := tab.receptions[0]
	tab.showReception(r)
	if findButton(tab.recForm, "删除") == nil {
		t.Fatal("a saved record has no 删除")
	}
	to := findButton(tab.recForm, "转为建议")
	if to == nil {
		t.Fatal("a saved reception record has no 「转为建议」")
	}
	_, before, _ := d.db.Suggestions(d.ctx, store.SuggestionFilter{})
	test.Tap(to)
	if got := d.tabs.Selected().Text; got != "建议" {
		t.Fatalf("「转为建议」 left the window on %s, want 建议", got)
	}
	x := d.items.current
	if x.ID != 0 || x.StationID != st.ID || x.ReceptionID != r.ID || x.Received != r.Date || x.Kind != store.KindVoter {
		t.Fatalf("the new item is %+v, want station %d, reception %d received %s", x, st.ID, r.ID, r.Date)
	}
	p := d.items.pane
	if got := p.byLabel["收到日期"].(*dateEntry).Date(); got != r.Date {
		t.Errorf("收到日期 shows %q, want the reception day %s", got, r.Date)
	}
	if !strings.Contains(p.title.Text, st.Name) || !strings.Contains(p.title.Text, r.Date.Chinese()) {
		t.Errorf("the form is titled %q, want the station and the day", p.title.Text)
	}
	if _, n, _ := d.db.Suggestions(d.ctx, store.SuggestionFilter{}); n != before {
		t.Errorf("「转为建议」 saved an item before the clerk did: %d items, had %d", n, before)
	}
}
