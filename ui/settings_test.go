package ui

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

func TestSettingsOfficeNameRetitlesWindow(t *testing.T) {
	d := testDesk(t, testDB(t, true))
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
	d := testDesk(t, testDB(t, true))
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
		if msg := dialogText(d); !strings.Contains(msg, "保留原来的文字") {
			t.Fatalf("confirm says %q, want it to say records keep their text", msg)
		}
		test.Tap(dialogButton(t, d, "是"))
		vals, _ := d.db.Dict(d.ctx, store.DictVillage)
		if slices.Contains(vals, "新民村") {
			t.Errorf("新民村 still in %v after confirming", vals)
		}
	})
}

func TestSettingsTextSizeEnlargesTheme(t *testing.T) {
	d := testDesk(t, testDB(t, false))
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
	d2.loadPending() // as after the first frame
	if d2.settings.display.size.Selected != "特大" {
		t.Errorf("radio shows %q on a new window", d2.settings.display.size.Selected)
	}
}

func TestSettingsUnitInUseCannotBeDeleted(t *testing.T) {
	d := testDesk(t, testDB(t, true))
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
	// The refusal comes first, instead of a question whose 是 could not be done.
	u.remove()
	if msg := dialogText(d); !strings.Contains(msg, "不能删除") || strings.Contains(msg, "删除后不能恢复") {
		t.Errorf("deleting a unit in use says %q, want the store's refusal and no question", msg)
	}
	if findButton(topDialog(t, d), "是") != nil {
		t.Error("deleting a unit in use asks 是/否")
	}
	if after, _ := d.db.Units(d.ctx); len(after) != len(units) {
		t.Errorf("%d units after a refused delete, want %d", len(after), len(units))
	}
}

func TestSettingsUnitCreate(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	u := d.settings.units
	n := u.list.total
	u.newRecord()
	items := u.pane.form.Items
	items[0].Widget.(*textEntry).SetText("镇试点服务站")
	items[1].Widget.(*widget.Select).SetSelected("站所")
	items[3].Widget.(*textEntry).SetText("abc")
	u.pane.form.OnSubmit()
	if !strings.Contains(u.pane.msg.Text, "联系电话") {
		t.Errorf("a bad phone number gives %q, want a message naming 联系电话", u.pane.msg.Text)
	}
	items[3].Widget.(*textEntry).SetText("0812-1234567")
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
	d := testDesk(t, testDB(t, false))
	m := d.settings.terms
	m.newRecord()
	number := m.pane.form.Items[0].Widget.(*textEntry)
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
	d := testDesk(t, testDB(t, true))
	g := d.settings.groups
	ds, _, _ := d.db.Deputies(d.ctx, store.DeputyFilter{Status: store.DeputyActive, Limit: 2})
	g.newRecord()
	items := g.pane.form.Items
	items[0].Widget.(*textEntry).SetText("第八代表小组")
	items[1].Widget.(*textEntry).SetText("新民村")
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
	d := testDesk(t, testDB(t, true))
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

func TestSettingsDeadlineFormSavesRules(t *testing.T) {
	d := testDesk(t, testDB(t, false))
	showSettingsSection(t, d, "办理时限")
	// Another form saved the office's names meanwhile: this form must keep them.
	s, _ := d.db.Settings(d.ctx)
	s.OfficeName, s.Precision, s.Initialized = "青山镇人大主席团", 2, true
	if err := d.db.SaveSettings(d.ctx, s); err != nil {
		t.Fatal(err)
	}
	x := d.settings.deadlines
	for label, want := range map[string]string{"办理时限(月)": "3", "重新办理时限(月)": "1", "延期上限(月)": "6", "闭会期间交办时限(工作日)": "5"} {
		if got := x.pane.byLabel[label].(*textEntry).Text; got != want {
			t.Errorf("%s shows %q, want the default %s", label, got, want)
		}
	}
	if !x.roll.Checked {
		t.Error("时限遇节假日顺延 should be ticked by default")
	}
	// Today is 2024-11-30, a Saturday: + 3 months is 2025-02-28, a Friday.
	if got := labelText(x.content); !strings.Contains(got, "例：今天是 2024年11月30日(星期六)。\n今天交办，办理时限为 2025年2月28日(星期五)，延期最迟到 2025年5月30日(星期五)") {
		t.Errorf("the example says %q", got)
	}

	x.deadline.SetText("")
	test.Type(x.deadline, "2")
	x.pane.form.OnSubmit()
	if x.pane.msg.Text != "已保存" {
		t.Fatalf("message %q", x.pane.msg.Text)
	}
	r, err := d.db.Rules(d.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := r.AssignDeadline("2024-03-15"); got != "2024-05-15" {
		t.Errorf("AssignDeadline(2024-03-15) = %s, want 2024-05-15", got)
	}
	if r.Settings.OfficeName != "青山镇人大主席团" || r.Settings.Precision != 2 || !r.Settings.Initialized || r.Settings.MaxExtensionMonths != 6 {
		t.Errorf("saving the deadlines changed other settings: %+v", r.Settings)
	}
	if got := x.example.Text; !strings.Contains(got, "办理时限为 2025年1月30日(星期四)") || !strings.Contains(got, "应在 2024年12月6日(星期五)前交办") {
		t.Errorf("the example was not recomputed from the saved rules: %q", got)
	}

	t.Run("ErrNotANumber", func(t *testing.T) {
		x.rehandle.SetText("一个月")
		x.pane.form.OnSubmit()
		if want := "重新办理时限(月)请填写0或正整数"; x.pane.msg.Text != want || x.pane.form.message("重新办理时限(月)") != want {
			t.Errorf("message %q, under the field %q", x.pane.msg.Text, x.pane.form.message("重新办理时限(月)"))
		}
		if r, _ := d.db.Rules(d.ctx); r.Settings.RehandleMonths != 1 {
			t.Errorf("重新办理时限 became %d", r.Settings.RehandleMonths)
		}
	})
}

func TestSettingsExtensionNotLongerThanDeadlineIsRefused(t *testing.T) {
	d := testDesk(t, testDB(t, false))
	x := d.settings.deadlines
	x.deadline.SetText("4")
	x.maxExt.SetText("4")
	x.roll.SetChecked(false)
	x.pane.form.OnSubmit()
	if !x.pane.msg.Visible() || x.pane.msg.Text != "延期上限(月)应多于办理时限，且不超过24个月" {
		t.Fatalf("message %q visible=%v", x.pane.msg.Text, x.pane.msg.Visible())
	}
	if x.pane.msg.Importance != widget.DangerImportance {
		t.Error("the refusal is not shown as an error")
	}
	s, _ := d.db.Settings(d.ctx)
	if s.DeadlineMonths != 3 || s.MaxExtensionMonths != 6 || !s.RollToWorkday {
		t.Errorf("a refused save stored %d/%d/%v", s.DeadlineMonths, s.MaxExtensionMonths, s.RollToWorkday)
	}
	if x.maxExt.Text != "4" {
		t.Error("the refused value should stay in the form for the clerk to correct")
	}
}

func TestSettingsHolidaysNationalDay2024(t *testing.T) {
	d := testDesk(t, testDB(t, false))
	showSettingsSection(t, d, "节假日")
	h := d.settings.holidays
	if h.years.Selected != "2024年" || len(h.years.Options) != 5 || h.years.Options[0] != "2022年" || h.years.Options[4] != "2026年" {
		t.Fatalf("year choices %v, selected %q", h.years.Options, h.years.Selected)
	}
	if got := labelText(h.content); !strings.Contains(got, "本年尚未录入节假日，周六、周日按休息日计算") {
		t.Fatalf("an empty year says %q", got)
	}

	h.from.SetText("2024-10-01")
	h.to.SetText("2024年10月7日")
	h.rangeName.SetText("国庆节")
	test.Tap(findButton(h.content, "添加连续放假"))
	for _, day := range []string{"2024-09-29", "2024-10-12"} {
		h.date.SetText(day)
		h.kind.SetSelected("调休上班")
		h.name.SetText("国庆节调休")
		test.Tap(findButton(h.content, "添加"))
	}
	if len(h.entries) != 9 || !h.unsaved.Visible() || h.nothing.Visible() {
		t.Fatalf("%d entries in the list, unsaved mark shown %v, 无需保存 shown %v; message %q", len(h.entries), h.unsaved.Visible(), h.nothing.Visible(), h.msg.Text)
	}
	if hs, _ := d.db.Holidays(d.ctx, 2024); len(hs) != 0 {
		t.Fatalf("%d entries stored before 保存", len(hs))
	}
	text := labelText(h.list.table)
	for _, want := range []string{"2024年9月29日", "星期日", "调休上班", "2024年10月5日", "星期六", "放假", "国庆节"} {
		if !strings.Contains(text, want) {
			t.Errorf("the list does not show %q: %q", want, text)
		}
	}
	if first, _ := h.list.item(0); first.Date != "2024-09-29" || !first.Workday {
		t.Errorf("first row %+v, want the list sorted by date", first)
	}

	test.Tap(findButton(h.content, "保存本年节假日"))
	hs, err := d.db.Holidays(d.ctx, 2024)
	if err != nil || len(hs) != 9 {
		t.Fatalf("%d entries stored (%v); message %q", len(hs), err, h.msg.Text)
	}
	if h.unsaved.Visible() || !h.save.Disabled() || !strings.Contains(h.msg.Text, "已保存2024年节假日") {
		t.Errorf("after saving: unsaved mark %v, message %q", h.unsaved.Visible(), h.msg.Text)
	}
	// A disabled 保存 says why beside it.
	if !h.nothing.Visible() || h.nothing.Text != "本年没有修改，无需保存" {
		t.Errorf("beside the disabled 保存: %q (shown %v)", h.nothing.Text, h.nothing.Visible())
	}
	r, _ := d.db.Rules(d.ctx)
	if got := r.AssignDue("2024-09-27"); got != "2024-10-10" {
		t.Errorf("AssignDue(2024-09-27) = %s, want 2024-10-10", got)
	}

	// 2024-07-01 + 3 months falls on 国庆节: the example says the deadline moved and why.
	if got, want := settingsDeadlineExample(r, "2024-07-01"), "办理时限为 2024年10月8日(星期二；10月1日是节假日，顺延)"; !strings.Contains(got, want) {
		t.Errorf("example %q, want %q", got, want)
	}

	t.Run("DeleteIsKeptUntilSaved", func(t *testing.T) {
		h.list.table.Select(widget.TableCellID{Row: 0, Col: 1})
		test.Tap(findButton(h.content, "删除"))
		if len(h.entries) != 8 || !h.unsaved.Visible() {
			t.Fatalf("%d entries after 删除, unsaved mark %v", len(h.entries), h.unsaved.Visible())
		}
		if hs, _ := d.db.Holidays(d.ctx, 2024); len(hs) != 9 {
			t.Errorf("删除 wrote to the store before 保存: %d entries", len(hs))
		}
	})
}

func TestSettingsHolidayDuplicateDateIsRefused(t *testing.T) {
	d := testDesk(t, testDB(t, false))
	h := d.settings.holidays
	for i := 0; i < 2; i++ {
		h.date.SetText("2024-10-01")
		h.name.SetText("国庆节")
		h.add()
	}
	if !strings.Contains(h.msg.Text, "已经在列表中") {
		t.Errorf("the second 添加 says %q", h.msg.Text)
	}
	h.saveYear()
	if want := "第2行日期「2024年10月1日」重复"; !strings.HasPrefix(h.msg.Text, want) || h.msg.Importance != widget.DangerImportance {
		t.Errorf("message %q, want the store's %q", h.msg.Text, want)
	}
	if h.selected != 1 {
		t.Errorf("row %d selected, want the duplicate (row 2)", h.selected+1)
	}
	if hs, _ := d.db.Holidays(d.ctx, 2024); len(hs) != 0 || !h.unsaved.Visible() {
		t.Errorf("a refused save stored %d entries", len(hs))
	}

	t.Run("ErrOtherYear", func(t *testing.T) {
		h.from.SetText("2024-12-30")
		h.to.SetText("2025-01-01")
		h.addRange()
		if h.msg.Text != "2025年1月1日不在2024年。要录入2025年的节假日，请先在上方选择2025年" {
			t.Errorf("message %q", h.msg.Text)
		}
	})
}

// Leaving a new, unsaved unit asks about it by the name typed so far (the form's first field is our textEntry).
func TestSettingsNewUnitAskedByTypedName(t *testing.T) {
	draftDelay = time1h
	defer func() { draftDelay = draftDelayDefault }()
	d := testDesk(t, testDB(t, true))
	st := d.settings
	l := st.units.settingsList
	st.showSection(l.content)
	l.newRecord()
	test.Type(l.pane.first, "县交通运输局")
	guardRow(t, l.list, 0)
	if q, want := dialogText(d), "新增的"+l.what+"「县交通运输局」有未保存的修改"; !strings.Contains(q, want) {
		t.Fatalf("question %q, want %q in it", q, want)
	}
}
