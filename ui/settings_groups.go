package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// settingsGroups lists the deputy groups with a form for the chosen one.
type settingsGroups struct {
	*settingsList[store.Group]
	names map[int64]string // deputy id → name, for the 组长 column
}

func newSettingsGroups(t *settingsTab) *settingsGroups {
	g := &settingsGroups{names: map[int64]string{}}
	g.settingsList = &settingsList[store.Group]{t: t, kind: formGroup, what: "代表小组",
		hint:  "在左侧选择一个代表小组，或点「新增」",
		id:    func(x store.Group) int64 { return x.ID },
		name:  func(x store.Group) string { return x.Name },
		all:   func() ([]store.Group, error) { return t.d.db.Groups(t.d.ctx) },
		fresh: func() store.Group { return store.Group{} },
		confirm: func(x store.Group) string {
			return fmt.Sprintf("确定要删除代表小组「%s」吗？\n小组的%d名代表会保留，只是不再属于任何小组。\n删除后不能恢复。", x.Name, x.Members)
		},
		del:  t.d.db.DeleteGroup,
		form: g.groupForm,
	}
	g.build([]column[store.Group]{
		{"小组名称", 130, "", func(x store.Group) string { return x.Name }},
		{"组长", 80, "", func(x store.Group) string { return g.names[x.LeaderID] }},
		{"成员", 60, "", func(x store.Group) string { return fmt.Sprintf("%d人", x.Members) }},
		{"联系村(居)", 220, "", func(x store.Group) string { return x.Villages }},
	})
	return g
}

// reload re-reads the deputies' names for the 组长 column, then the list; reset also empties the form.
func (g *settingsGroups) reload(reset bool) {
	g.names = map[int64]string{}
	all, err := g.deputies(false, 0)
	logError("代表小组: 读取代表姓名", err) // the list shows the groups without their leaders' names
	for _, o := range all {
		g.names[o.ID] = strings.SplitN(o.Label, "(", 2)[0]
	}
	g.settingsList.reload(reset)
}

// deputies returns the deputies as choices, 王建国(第一代表小组); only those in office when active, and the
// members of group first (a leader usually comes from the group itself).
func (g *settingsGroups) deputies(active bool, group int64) ([]option, error) {
	f := store.DeputyFilter{}
	if active {
		f.Status = store.DeputyActive
	}
	ds, _, err := g.t.d.db.Deputies(g.t.d.ctx, f)
	if err != nil {
		return nil, err
	}
	if group != 0 {
		slices.SortStableFunc(ds, func(a, b store.Deputy) int {
			switch inA, inB := a.GroupID == group, b.GroupID == group; {
			case inA == inB:
				return 0
			case inA:
				return -1
			}
			return 1
		})
	}
	out := make([]option, len(ds))
	for i, x := range ds {
		label := x.Name
		if x.GroupName != "" {
			label += "(" + x.GroupName + ")"
		}
		out[i] = option{x.ID, label}
	}
	return out, nil
}

// choices are the deputies of deputies for a chooser the clerk opened; a failed read is shown.
func (g *settingsGroups) choices(active bool, group int64) []option {
	out, err := g.deputies(active, group)
	if err != nil {
		g.t.d.showError(err)
	}
	return out
}

// presidium returns the deputies in office who sit on the presidium (主席团成员, 主席, 副主席), or all
// deputies in office when no one is marked so yet.
func (g *settingsGroups) presidium() []option {
	ds, _, err := g.t.d.db.Deputies(g.t.d.ctx, store.DeputyFilter{Status: store.DeputyActive})
	if err != nil {
		g.t.d.showError(err)
		return nil
	}
	var out []option
	for _, x := range ds {
		if slices.ContainsFunc(x.Roles, func(r string) bool { return strings.Contains(r, "主席") }) {
			out = append(out, option{x.ID, x.Name + "(" + strings.Join(x.Roles, "、") + ")"})
		}
	}
	if len(out) == 0 {
		return g.choices(true, 0)
	}
	return out
}

// groupForm is the form of a group; 保存 creates or updates it.
func (g *settingsGroups) groupForm(x store.Group) *formPane {
	db, ctx, win := g.t.d.db, g.t.d.ctx, g.t.d.win
	name := requiredEntry("小组名称")
	name.SetText(x.Name)
	villages := newTextEntry()
	// The action button must be set before SetText, which builds the entry's renderer.
	villages.ActionItem = widget.NewButtonWithIcon("", theme.ListIcon(), func() { g.chooseVillages(villages) })
	villages.SetPlaceHolder("如：青山村、河口村，或点右侧按钮从字典中选择")
	villages.SetText(x.Villages)
	leader := newSettingsChooser("选择组长", func() []option { return g.choices(true, x.ID) }, win)
	leader.SetSelected(x.LeaderID, g.names[x.LeaderID])
	deputyLeaders := newIDPicker("选择副组长", func() []option { return g.choices(true, x.ID) })
	deputyLeaders.SetSelected(x.DeputyLeaderIDs)
	liaison := newSettingsChooser("选择联系的主席团成员", g.presidium, win)
	liaison.SetSelected(x.LiaisonID, g.names[x.LiaisonID])
	notes := multiline(3)
	notes.SetText(x.Notes)
	pane := newFormPane([]*widget.FormItem{
		widget.NewFormItem("小组名称", name),
		widget.NewFormItem("联系村(居)", villages),
		widget.NewFormItem("组长", leader),
		widget.NewFormItem("副组长", deputyLeaders),
		widget.NewFormItem("联系主席团成员", liaison),
		widget.NewFormItem("备注", notes),
	}, nil)
	build := func() store.Group {
		y := x
		y.Name, y.Villages, y.Notes = name.Text, strings.TrimSpace(villages.Text), notes.Text
		y.LeaderID, y.DeputyLeaderIDs, y.LiaisonID = leader.Selected(), deputyLeaders.Selected(), liaison.Selected()
		return y
	}
	pane.check = func() error { y := build(); return y.Validate() }
	pane.require(store.Required(&store.Group{}))
	pane.onSave = func() error {
		y := build()
		if err := db.SaveGroup(ctx, &y); err != nil {
			return err
		}
		g.reload(false)
		gs, err := db.Groups(ctx)
		logError("代表小组: 保存后读取成员人数", err) // saved; the list above says so when the store fails
		for _, z := range gs {
			if z.ID == y.ID {
				y.Members = z.Members
			}
		}
		g.saved(y)
		return nil
	}
	if x.ID == 0 {
		pane.title.SetText("新增代表小组")
	} else {
		pane.title.SetText(fmt.Sprintf("%s(%d名代表)", x.Name, x.Members))
	}
	pane.first = name
	return pane
}

// chooseVillages ticks villages of the 村(居) dictionary into the entry, joined with 、.
func (g *settingsGroups) chooseVillages(e *textEntry) {
	all, err := g.t.d.db.Dict(g.t.d.ctx, store.DictVillage)
	if err != nil {
		g.t.d.showError(err) // the villages already typed can still be ticked
	}
	cur := strings.FieldsFunc(e.Text, func(r rune) bool { return r == '、' || r == ',' || r == '，' || r == ' ' })
	for _, v := range cur {
		all = settingsWithValue(all, v)
	}
	checks := widget.NewCheckGroup(all, nil)
	checks.Selected = cur
	d := dialog.NewCustomConfirm("选择联系村(居)", "确定", "取消", container.NewVScroll(checks), func(ok bool) {
		if !ok {
			return
		}
		var out []string
		for _, v := range all { // dictionary order, not the order of ticking
			if slices.Contains(checks.Selected, v) {
				out = append(out, v)
			}
		}
		e.SetText(strings.Join(out, "、"))
	}, g.t.d.win)
	d.Resize(fyne.NewSize(360, 480))
	d.Show()
}

// settingsChooser picks one deputy (组长, 联系主席团成员): it shows the name and opens a list that filters as
// the clerk types, which beats scrolling a Select of every deputy.
type settingsChooser struct {
	widget.BaseWidget
	title   string
	options func() []option
	win     fyne.Window
	id      int64
	name    string
	label   *widget.Label
	choose  *widget.Button
	clear   *widget.Button
	// OnChange is called after the clerk chose a deputy or cleared the choice.
	OnChange func()
}

func newSettingsChooser(title string, options func() []option, win fyne.Window) *settingsChooser {
	c := &settingsChooser{title: title, options: options, win: win}
	c.label = widget.NewLabel("")
	c.choose = widget.NewButton("选择…", c.open)
	c.clear = widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() { c.chosen(0, "") })
	c.ExtendBaseWidget(c)
	c.SetSelected(0, "")
	return c
}

// Selected returns the chosen deputy's id, 0 for none.
func (c *settingsChooser) Selected() int64 { return c.id }

// SetSelected shows the deputy id named name (0: nobody).
func (c *settingsChooser) SetSelected(id int64, name string) {
	c.id, c.name = id, name
	switch {
	case id == 0:
		c.label.SetText("(未选择)")
	case name == "":
		c.label.SetText(fmt.Sprintf("(编号%d)", id))
	default:
		c.label.SetText(name)
	}
}

// chosen is the clerk's choice: shown, then OnChange.
func (c *settingsChooser) chosen(id int64, name string) {
	c.SetSelected(id, name)
	if c.OnChange != nil {
		c.OnChange()
	}
}

func (c *settingsChooser) open() {
	all := c.options()
	shown := all
	var dlg dialog.Dialog
	list := widget.NewList(func() int { return len(shown) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(shown[i].Label) })
	list.OnSelected = func(i widget.ListItemID) {
		c.chosen(shown[i].ID, strings.SplitN(shown[i].Label, "(", 2)[0])
		dlg.Hide()
	}
	search := newTextEntry()
	search.SetPlaceHolder("输入姓名筛选")
	search.OnChanged = func(q string) {
		shown = filterOptions(all, q)
		list.UnselectAll()
		list.Refresh()
	}
	dlg = dialog.NewCustom(c.title, "取消", container.NewBorder(search, nil, nil, nil, list), c.win)
	dlg.Resize(fyne.NewSize(420, 520))
	dlg.Show()
	c.win.Canvas().Focus(search)
}

// CreateRenderer shows the name, 选择… and a clear button.
func (c *settingsChooser) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, container.NewHBox(c.choose, c.clear), c.label))
}
