package ui

import (
	"image"
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

func TestWindowHasAllTabs(t *testing.T) {
	a := test.NewTempApp(t)
	db := testDB(t, true)
	// As the program builds it (session.open, without the lock and the file check).
	s := newSession(a, db.Path())
	s.db = db
	s.showDesk()
	w := s.win
	tabs, ok := w.Content().(*container.AppTabs)
	if !ok {
		t.Fatalf("content is %T, want tabs", w.Content())
	}
	var names []string
	for _, it := range tabs.Items {
		names = append(names, it.Text)
	}
	if strings.Join(names, " ") != "概览 代表 联络站 建议 信访 会议 监督 报表 设置" {
		t.Fatalf("tabs %v", names)
	}
	if w.Title() != "人大工作台 — 青山镇人大主席团" {
		t.Fatalf("title %q", w.Title())
	}
}

func TestOpenErrorIsShownInChinese(t *testing.T) {
	a := test.NewTempApp(t)
	s := newSession(a, "/data/坏文件.db")
	s.showProblem(store.Errorf(store.ECORRUPT, "文件 坏文件.db 已损坏或不是数据库文件"))
	w := s.win
	text := labelText(w.Content())
	if !strings.Contains(text, "无法打开数据库文件") || !strings.Contains(text, "已损坏") {
		t.Fatalf("window says %q", text)
	}
}

func TestDeputySearchFiltersTable(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.deputies
	_, active, _ := d.db.Deputies(d.ctx, store.DeputyFilter{Status: store.DeputyActive})
	if tab.list.total != active || tab.filters.status.Selected != store.DeputyActive || active >= 75 {
		t.Fatalf("the list opens on %d deputies (状态 %q), want the %d in office of the demo's 75", tab.list.total,
			tab.filters.status.Selected, active)
	}
	tab.filters.status.SetSelected("全部")
	if tab.list.total != 75 {
		t.Fatalf("demo has %d deputies in the list", tab.list.total)
	}
	first, _ := tab.list.item(0)
	surname := string([]rune(first.Name)[:1])
	_, want, err := d.db.Deputies(d.ctx, store.DeputyFilter{Query: surname})
	if err != nil {
		t.Fatal(err)
	}
	test.Type(tab.search, surname)
	waitFor(t, "the debounced search", func() bool { return tab.list.total == want })
	for row := 0; row < tab.list.total; row++ {
		x, _ := tab.list.item(row)
		if !strings.Contains(x.Name+x.WorkUnit+x.Post+x.Village, surname) {
			t.Errorf("row %d (%s) does not contain %q", row, x.Name, surname)
		}
	}
	tab.search.SetText("")
	waitFor(t, "the cleared search", func() bool { return tab.list.total == 75 })
	tab.filters.level.SetSelected(store.LevelCounty)
	_, county, _ := d.db.Deputies(d.ctx, store.DeputyFilter{Level: store.LevelCounty})
	if tab.list.total != county || county == 0 {
		t.Fatalf("county filter shows %d, store says %d", tab.list.total, county)
	}
}

func TestCreateDeputyThroughForm(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.deputies
	d.tabs.SelectIndex(1)
	tab.newRecord()
	name := tab.pane.byLabel["姓名"].(*textEntry)
	test.Type(name, "欧阳堃")
	tab.pane.byLabel["联系电话"].(*textEntry).SetText("13900001111")
	tab.pane.form.OnSubmit()
	if tab.pane.msg.Visible() && tab.pane.msg.Importance == widget.DangerImportance {
		t.Fatalf("save failed: %s", tab.pane.msg.Text)
	}
	list, n, err := d.db.Deputies(d.ctx, store.DeputyFilter{Query: "欧阳堃"})
	if err != nil || n != 1 || list[0].Phone != "13900001111" || !list[0].HasLevel(store.LevelTown) {
		t.Fatalf("saved deputy %+v (%d, %v)", list, n, err)
	}
	_, active, _ := d.db.Deputies(d.ctx, store.DeputyFilter{Status: store.DeputyActive})
	if tab.current.ID != list[0].ID || tab.list.total != active || selectedItem(t, tab.list).ID != list[0].ID {
		t.Fatalf("pane shows %d, list has %d", tab.current.ID, tab.list.total)
	}
	if tab.pane.msg.Text != "已保存" {
		t.Fatalf("message %q", tab.pane.msg.Text)
	}
}

func TestEmptyNameShowsChineseMessageAndSavesNothing(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	tab := d.deputies
	tab.newRecord()
	name := tab.pane.byLabel["姓名"].(*textEntry)
	if err := name.Validate(); err == nil || err.Error() != "姓名不能为空" {
		t.Fatalf("inline validation: %v", err)
	}
	tab.pane.form.OnSubmit()
	if !tab.pane.msg.Visible() || tab.pane.msg.Text != "姓名不能为空" {
		t.Fatalf("message %q visible=%v", tab.pane.msg.Text, tab.pane.msg.Visible())
	}
	if _, n, _ := d.db.Deputies(d.ctx, store.DeputyFilter{}); n != 75 {
		t.Fatalf("%d deputies after a refused save", n)
	}
}

func TestDeleteAsksAndCancelKeepsRecord(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	x := store.Deputy{Name: "待删除", Levels: []string{store.LevelTown}}
	if err := d.db.SaveDeputy(d.ctx, &x); err != nil {
		t.Fatal(err)
	}
	tab := d.deputies
	tab.show(x)
	tab.remove()
	top := d.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no confirmation dialog")
	}
	text := labelText(top)
	if !strings.Contains(text, "「待删除」") {
		t.Fatalf("the confirmation does not name the deputy: %q", text)
	}
	no := findButton(top, "否")
	if no == nil {
		t.Fatal("no 否 button: Fyne's dialogs are not in Chinese")
	}
	test.Tap(no)
	if _, err := d.db.Deputy(d.ctx, x.ID); err != nil {
		t.Fatalf("cancel deleted the deputy: %v", err)
	}
	tab.remove()
	test.Tap(findButton(d.win.Canvas().Overlays().Top(), "是"))
	if _, err := d.db.Deputy(d.ctx, x.ID); store.ErrorCode(err) != store.ENOTFOUND {
		t.Fatalf("confirmed delete kept the deputy: %v", err)
	}
}

// inkCount counts pixels that differ from the background colour.
func inkCount(img image.Image, bg color.Color) int {
	br, bgG, bb, _ := bg.RGBA()
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if absDiff(r, br)+absDiff(g, bgG)+absDiff(bl, bb) > 0x3000 {
				n++
			}
		}
	}
	return n
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

// Our theme draws Chinese with the bundled font. Missing glyphs would all render as the same box (tofu),
// so two different Chinese strings of equal length must render clearly differently. (Comparing with Fyne's
// default theme is not enough: Fyne ≥ 2.5 falls back to system fonts, and a machine with fonts-noto-cjk
// installed draws Chinese under the default theme too — an office PC may have none.)
func TestChineseRendersAsGlyphs(t *testing.T) {
	th := newTheme("标准")
	if th.Font(fyne.TextStyle{}) != fyne.Resource(fontRegular) || th.Font(fyne.TextStyle{Bold: true}) != fyne.Resource(fontBold) {
		t.Fatal("the theme does not serve the bundled fonts")
	}
	capture := func(th fyne.Theme, text string) (image.Image, color.Color) {
		a := test.NewTempApp(t)
		a.Settings().SetTheme(th)
		w := a.NewWindow("")
		w.SetContent(widget.NewLabel(text))
		w.Resize(fyne.NewSize(400, 60))
		return w.Canvas().Capture(), th.Color(theme.ColorNameBackground, a.Settings().ThemeVariant())
	}
	diff := func(a, b image.Image) int {
		n := 0
		r := a.Bounds()
		for y := r.Min.Y; y < r.Max.Y; y++ {
			for x := r.Min.X; x < r.Max.X; x++ {
				r1, g1, b1, _ := a.At(x, y).RGBA()
				r2, g2, b2, _ := b.At(x, y).RGBA()
				if absDiff(r1, r2)+absDiff(g1, g2)+absDiff(b1, b2) > 0x3000 {
					n++
				}
			}
		}
		return n
	}
	one, bg := capture(th, "人大代表建议堃喆")
	two, _ := capture(th, "办理答复评价满意")
	box, _ := capture(th, "□□□□□□□□")
	ink := inkCount(one, bg)
	t.Logf("ink %d; differs from another string by %d, from boxes by %d", ink, diff(one, two), diff(one, box))
	if ink < 400 {
		t.Fatalf("our theme drew almost nothing (%d pixels)", ink)
	}
	if d := diff(one, two); d < ink/3 {
		t.Fatalf("two different Chinese strings render alike (%d of %d pixels differ): glyphs are missing", d, ink)
	}
	if d := diff(one, box); d < ink/3 {
		t.Fatalf("Chinese renders like boxes (%d of %d pixels differ)", d, ink)
	}
}

// A read that fills a form the clerk opens says so when the store fails, rather than opening the form with
// empty choices and no word of why.
func TestFormReadErrorsAreShown(t *testing.T) {
	for _, c := range []struct {
		name string
		open func(d *desk)
	}{
		{"承办单位", func(d *desk) { d.settings.units.newRecord() }},
		{"届次", func(d *desk) { d.settings.terms.newRecord() }},
		{"联系村(居)", func(d *desk) { d.settings.groups.chooseVillages(newTextEntry()) }},
		{"代表", func(d *desk) { d.deputies.newRecord() }},
		{"建议", func(d *desk) { d.items.newRecord() }},
		{"联络站", func(d *desk) { d.stations.newRecord() }},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := testDesk(t, testDB(t, false))
			if err := d.db.Close(); err != nil {
				t.Fatal(err)
			}
			c.open(d)
			var msg string
			for _, o := range d.win.Canvas().Overlays().List() {
				msg += labelText(o)
			}
			if !strings.Contains(msg, "closed") {
				t.Errorf("the window says %q, want the store's error", msg)
			}
		})
	}
}
