package ui

import (
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// settingsTestDesk builds the whole window headless on a temp-file database, with the township demo when
// demo is set.
func settingsTestDesk(t *testing.T, demo bool) *desk {
	t.Helper()
	a := test.NewTempApp(t)
	registerTranslations() // dialogs say 是/否 as in the real window
	db, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if demo {
		if _, err := db.GenerateDemo(context.Background(), store.DemoOptions{Scale: "township", Seed: 1, Today: "2024-11-30"}); err != nil {
			t.Fatal(err)
		}
	}
	w := a.NewWindow("t")
	w.Resize(fyne.NewSize(1280, 800))
	d := newDesk(a, w, db)
	w.Show()
	return d
}

// settingsDialogText returns the text of the labels in the dialog on top of the window ("" when none).
func settingsDialogText(d *desk) string {
	top := d.win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var sb strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			sb.WriteString(x.Text)
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(top)
	return sb.String()
}

func TestSettingsOfficeNameRetitlesWindow(t *testing.T) {
	d := settingsTestDesk(t, true)
	o := d.settings.office
	if got := o.office.Text; got == "" {
		t.Fatal("the form should show the stored office name")
	}
	o.office.SetText("河口镇人大主席团")
	o.townWord.SetText("乡")
	o.pane.form.OnSubmit()
	if got, want := d.win.Title(), "人大工作台 — 河口镇人大主席团"; got != want {
		t.Errorf("title = %q, want %q (message %q)", got, want, o.pane.msg.Text)
	}
	s, err := d.db.Settings(d.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if s.OfficeName != "河口镇人大主席团" || s.TownWord != "乡" {
		t.Errorf("stored office %q, town word %q", s.OfficeName, s.TownWord)
	}
	if s.DeadlineMonths != 3 || s.Numbering != "year" || s.Precision != 1 {
		t.Errorf("fields the form does not change were changed: %+v", s)
	}
	if o.pane.msg.Text != "已保存" {
		t.Errorf("message = %q, want 已保存", o.pane.msg.Text)
	}

	t.Run("ErrNameRequired", func(t *testing.T) {
		o.office.SetText("  ")
		o.pane.form.OnSubmit()
		if !strings.Contains(o.pane.msg.Text, "单位名称不能为空") || !o.pane.msg.Visible() {
			t.Errorf("message = %q, want 单位名称不能为空", o.pane.msg.Text)
		}
		if got := d.win.Title(); got != "人大工作台 — 河口镇人大主席团" {
			t.Errorf("title changed to %q on a refused save", got)
		}
	})
	t.Run("Numbering", func(t *testing.T) {
		o.office.SetText("河口镇人大主席团")
		o.numbering.SetSelected(settingsNumberings[1].label)
		o.precision.SetSelected(settingsPrecisions[2])
		o.satisfiedBasic.SetChecked(false)
		o.pane.form.OnSubmit()
		s, _ := d.db.Settings(d.ctx)
		if s.Numbering != "session" || s.Precision != 2 || s.SatisfiedBasic {
			t.Errorf("stored numbering %q precision %d satisfied-basic %v (message %q)", s.Numbering, s.Precision, s.SatisfiedBasic, o.pane.msg.Text)
		}
	})
}

func TestSettingsDictAddVillage(t *testing.T) {
	d := settingsTestDesk(t, true)
	x := d.settings.dict
	x.kinds.SetSelected("村(居)")
	if x.kind != store.DictVillage {
		t.Fatalf("kind = %q after choosing 村(居)", x.kind)
	}
	before := len(x.values)
	test.Type(x.entry, "新民村")
	x.entry.OnSubmitted(x.entry.Text)
	vals, err := d.db.Dict(d.ctx, store.DictVillage)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(vals, "新民村") {
		t.Fatalf("村(居) = %v, want 新民村 in it (message %q)", vals, x.msg.Text)
	}
	if len(x.values) != before+1 || x.entry.Text != "" {
		t.Errorf("list has %d values (was %d), entry %q", len(x.values), before, x.entry.Text)
	}

	t.Run("ErrDuplicate", func(t *testing.T) {
		test.Type(x.entry, "新民村")
		x.add()
		if want := "村(居)中已有「新民村」"; x.msg.Text != want || !x.msg.Visible() || x.msg.Importance != widget.DangerImportance {
			t.Errorf("message = %q, want %q in red", x.msg.Text, want)
		}
		vals, _ := d.db.Dict(d.ctx, store.DictVillage)
		if n := strings.Count(strings.Join(vals, ","), "新民村"); n != 1 {
			t.Errorf("新民村 stored %d times", n)
		}
	})
	t.Run("DeleteAsks", func(t *testing.T) {
		x.list.Select(slices.Index(x.values, "新民村"))
		x.remove()
		if msg := settingsDialogText(d); !strings.Contains(msg, "保留原来的文字") {
			t.Fatalf("confirm says %q, want it to say records keep their text", msg)
		}
		test.Tap(settingsDialogButton(t, d, "是"))
		vals, _ := d.db.Dict(d.ctx, store.DictVillage)
		if slices.Contains(vals, "新民村") {
			t.Errorf("新民村 still in %v after confirming", vals)
		}
	})
}

// settingsDialogButton finds a button of the dialog on top of the window by its text.
func settingsDialogButton(t *testing.T, d *desk, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Button:
			if found == nil && x.Text == text {
				found = x
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	if top := d.win.Canvas().Overlays().Top(); top != nil {
		walk(top)
	}
	if found == nil {
		t.Fatalf("no button %q in the dialog", text)
	}
	return found
}

func TestSettingsTextSizeEnlargesTheme(t *testing.T) {
	d := settingsTestDesk(t, false)
	base := theme.DefaultTheme().Size(theme.SizeNameText)
	if got := d.app.Settings().Theme().Size(theme.SizeNameText); got != base {
		t.Fatalf("standard text size = %v, want %v", got, base)
	}
	d.settings.display.size.SetSelected("特大")
	got := d.app.Settings().Theme().Size(theme.SizeNameText)
	if want := base * 1.3; math.Abs(float64(got-want)) > 0.01 {
		t.Errorf("text size after 特大 = %v, want %v", got, want)
	}
	if s, _ := d.db.Settings(d.ctx); s.TextSize != "特大" {
		t.Errorf("stored text size %q", s.TextSize)
	}
	// A window built later (next start) reads the stored size too.
	d2 := newDesk(d.app, d.app.NewWindow("t2"), d.db)
	if d2.settings.display.size.Selected != "特大" {
		t.Errorf("radio shows %q on a new window", d2.settings.display.size.Selected)
	}
}

func TestSettingsUnitInUseCannotBeDeleted(t *testing.T) {
	d := settingsTestDesk(t, true)
	u := d.settings.units
	items, _, err := d.db.Suggestions(d.ctx, store.SuggestionFilter{Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	var used int64
	for _, s := range items {
		if s.MainUnitID != 0 {
			used = s.MainUnitID
			break
		}
	}
	if used == 0 {
		t.Fatal("the demo should have a suggestion with a handling unit")
	}
	units, _ := d.db.Units(d.ctx)
	for _, x := range units {
		if x.ID == used {
			u.show(x)
		}
	}
	u.remove()
	test.Tap(settingsDialogButton(t, d, "是"))
	if msg := settingsDialogText(d); !strings.Contains(msg, "不能删除") {
		t.Errorf("after deleting a unit in use the window says %q, want the store's refusal", msg)
	}
	if after, _ := d.db.Units(d.ctx); len(after) != len(units) {
		t.Errorf("%d units after a refused delete, want %d", len(after), len(units))
	}
}

func TestSettingsUnitCreate(t *testing.T) {
	d := settingsTestDesk(t, true)
	u := d.settings.units
	n := u.list.total
	u.newRecord()
	items := u.pane.form.Items
	items[0].Widget.(*widget.Entry).SetText("镇试点服务站")
	items[1].Widget.(*widget.Select).SetSelected("站所")
	items[3].Widget.(*widget.Entry).SetText("abc")
	u.pane.form.OnSubmit()
	if !strings.Contains(u.pane.msg.Text, "联系电话") {
		t.Errorf("a bad phone number gives %q, want a message naming 联系电话", u.pane.msg.Text)
	}
	items[3].Widget.(*widget.Entry).SetText("0812-1234567")
	u.pane.form.OnSubmit()
	if u.list.total != n+1 || u.current.ID == 0 {
		t.Errorf("list has %d units (was %d), message %q", u.list.total, n, u.pane.msg.Text)
	}
	// A change made elsewhere (demo data, an import) empties the form: the unit may be gone.
	d.refreshAll()
	if u.current.ID != 0 {
		t.Errorf("the form still holds unit %d after an outside refresh", u.current.ID)
	}
}

func TestSettingsTermShowsChineseName(t *testing.T) {
	d := settingsTestDesk(t, false)
	m := d.settings.terms
	m.newRecord()
	number := m.pane.form.Items[0].Widget.(*widget.Entry)
	named := m.pane.form.Items[1].Widget.(*widget.Label)
	number.SetText("19")
	if named.Text != "第十九届" {
		t.Errorf("19 shows %q, want 第十九届", named.Text)
	}
	m.pane.form.Items[2].Widget.(*dateEntry).SetText("2026-01-01")
	m.pane.form.Items[3].Widget.(*dateEntry).SetText("2025-01-01")
	m.pane.form.OnSubmit()
	if !strings.Contains(m.pane.msg.Text, "结束日期应晚于开始日期") {
		t.Errorf("message = %q", m.pane.msg.Text)
	}
	m.pane.form.Items[3].Widget.(*dateEntry).SetText("2031年1月1日")
	m.pane.form.Items[4].Widget.(*widget.Check).SetChecked(true)
	m.pane.form.OnSubmit()
	cur, err := d.db.CurrentTerm(d.ctx)
	if err != nil || cur.Number != 19 || cur.End != "2031-01-01" {
		t.Errorf("current term %+v, %v (message %q)", cur, err, m.pane.msg.Text)
	}
}

func TestSettingsGroupSaveWithLeader(t *testing.T) {
	d := settingsTestDesk(t, true)
	g := d.settings.groups
	ds, _, _ := d.db.Deputies(d.ctx, store.DeputyFilter{Status: store.DeputyActive, Limit: 2})
	g.newRecord()
	items := g.pane.form.Items
	items[0].Widget.(*widget.Entry).SetText("第八代表小组")
	items[1].Widget.(*widget.Entry).SetText("新民村")
	items[2].Widget.(*settingsChooser).SetSelected(ds[0].ID, ds[0].Name)
	items[3].Widget.(*idPicker).SetSelected([]int64{ds[1].ID})
	g.pane.form.OnSubmit()
	gs, _ := d.db.Groups(d.ctx)
	var saved store.Group
	for _, x := range gs {
		if x.Name == "第八代表小组" {
			saved = x
		}
	}
	if saved.ID == 0 || saved.LeaderID != ds[0].ID || !slices.Equal(saved.DeputyLeaderIDs, []int64{ds[1].ID}) {
		t.Fatalf("saved group %+v (message %q)", saved, g.pane.msg.Text)
	}
	// The deputy tab's group filter offers the new group at once.
	if !slices.Contains(d.deputies.filters.group.Options, "第八代表小组") {
		t.Errorf("deputy group filter = %v, want the new group", d.deputies.filters.group.Options)
	}
	t.Run("ErrLeaderTwice", func(t *testing.T) {
		g.pane.form.Items[3].Widget.(*idPicker).SetSelected([]int64{ds[0].ID})
		g.pane.form.OnSubmit()
		if !strings.Contains(g.pane.msg.Text, "不能与组长是同一人") {
			t.Errorf("message = %q", g.pane.msg.Text)
		}
	})
}

func TestSettingsBackupWritesCheckedCopy(t *testing.T) {
	d := settingsTestDesk(t, true)
	dir := t.TempDir()
	now := time.Date(2024, 3, 5, 14, 30, 0, 0, time.Local)
	out, err := settingsBackup(d, dir, now)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := d.db.Settings(d.ctx)
	if want := filepath.Join(dir, s.OfficeName+"-备份-20240305-143000.db"); out != want {
		t.Errorf("backup at %s, want %s", out, want)
	}
	res, err := store.CheckFile(d.ctx, out)
	if err != nil || !res.OK || res.Counts["deputies"] == 0 {
		t.Errorf("backup check %+v, %v", res, err)
	}
	if _, err := settingsBackup(d, dir, now); store.ErrorCode(err) != store.ECONFLICT {
		t.Errorf("a second backup with the same name gives %v, want a conflict", err)
	}
	if got := settingsBackupName(`a/b:c`, now); got != "a_b_c-备份-20240305-143000.db" {
		t.Errorf("name = %q", got)
	}
	if fi, err := os.Stat(out); err != nil || fi.Size() == 0 {
		t.Errorf("backup file %v, %v", fi, errors.Unwrap(err))
	}
	if got := d.settings.file.size.Text; got == "" || strings.Contains(got, "无法") {
		t.Errorf("size shows %q", got)
	}
}
