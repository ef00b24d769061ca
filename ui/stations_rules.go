package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// The 接待日 rules (issue 18 §3), from the 值班与接待日 section: the 主席/副主席 reception days every week, on a
// day of each month, or on market days, who receives (one person, or the 主席 and 副主席 in turn) and where.
// 按规则生成 reads the active ones.

// showRulesDialog lists the rules; a tap changes one, 新增接待日 adds one.
func (t *stationsTab) showRulesDialog() {
	list := container.NewStack()
	var load func()
	load = func() {
		rules, err := t.d.db.ReceptionRules(t.d.ctx)
		if err != nil {
			list.Objects = []fyne.CanvasObject{widget.NewLabel(store.ErrorMessage(err))}
			list.Refresh()
			return
		}
		rows := make([]string, len(rules))
		for i, r := range rules {
			rows[i] = ruleLine(r)
		}
		list.Objects = []fyne.CanvasObject{simpleList(fmt.Sprintf("接待日规则共 %d 条", len(rules)), rows, func(i int) { t.ruleDialog(rules[i], load) })}
		list.Refresh()
	}
	load()
	add := widget.NewButtonWithIcon("新增接待日", theme.ContentAddIcon(), func() {
		t.ruleDialog(store.ReceptionRule{Kind: store.RuleWeekly, Weekday: 1, Active: true}, load)
	})
	dlg := dialog.NewCustom("接待日规则", "关闭", container.NewBorder(container.NewHBox(add), nil, nil, nil, list), t.d.win)
	dlg.Resize(fyne.NewSize(820, 460))
	dlg.Show()
}

// ruleLine is 「主席接待日　每周一(遇节假日不安排)　主席、副主席轮流　镇人大办公室」.
func ruleLine(r store.ReceptionRule) string {
	host := r.HostName
	if host == "" {
		host = "主席、副主席轮流"
	}
	where := r.StationName
	if where == "" {
		where = r.Place
	}
	parts := []string{r.Name, r.Describe(), host, where}
	if !r.Active {
		parts = append(parts, "(停用)")
	}
	return strings.Join(parts, "　")
}

// ruleDialog records or changes a rule; then runs after a save or delete.
func (t *stationsTab) ruleDialog(r store.ReceptionRule, then func()) {
	db, ctx := t.d.db, t.d.ctx
	name := requiredEntry("名称")
	name.SetPlaceHolder("如 主席接待日")
	name.SetText(r.Name)
	kind := selectWith(store.RuleKinds, false)
	kind.SetSelected(r.Kind)
	weekdays := make([]string, 7)
	for i := range weekdays {
		weekdays[i] = store.WeekdayName(i + 1)
	}
	weekday := selectWith(weekdays, true)
	if r.Weekday >= 1 && r.Weekday <= 7 {
		weekday.SetSelected(weekdays[r.Weekday-1])
	}
	monthDay := intEntry()
	monthDay.SetPlaceHolder("每月几日，如 10")
	if r.MonthDay > 0 {
		monthDay.SetText(fmt.Sprint(r.MonthDay))
	}
	market := newTextEntry()
	market.SetPlaceHolder("如 3,6,9(逢三、六、九)")
	market.SetText(r.MarketDays)
	hosts := deputyOptions(t.d)
	hostLabels := make([]string, len(hosts))
	for i, o := range hosts {
		hostLabels[i] = o.Label
	}
	host := selectWith(hostLabels, true)
	for _, o := range hosts {
		if o.ID == r.HostID {
			host.SetSelected(o.Label)
		}
	}
	stations, _, err := db.Stations(ctx, store.StationFilter{Sort: "name"})
	logError("接待日: 读取联络站", err) // the rule can name a place instead
	stationNames := make([]string, len(stations))
	for i, s := range stations {
		stationNames[i] = s.Name
	}
	station := selectWith(stationNames, true)
	station.SetSelected(r.StationName)
	place := newTextEntry()
	place.SetPlaceHolder("不在联络站时填写，如 镇人大办公室")
	place.SetText(r.Place)
	active := widget.NewCheck("启用(按规则生成时安排)", nil)
	active.SetChecked(r.Active)
	var f *stepForm
	var top fyne.CanvasObject
	if r.ID != 0 {
		top = container.NewHBox(widget.NewButtonWithIcon("删除这条规则", theme.DeleteIcon(), func() {
			if err := db.DeleteReceptionRule(ctx, r.ID); err != nil {
				f.showError(err)
				return
			}
			f.close()
			then()
		}))
	}
	title := "新增接待日"
	if r.ID != 0 {
		title = r.Name
	}
	f = newStepForm(t.d.win, title, "主席、副主席接待选民的固定日子；接待人不选则由主席、副主席轮流", top, []*widget.FormItem{
		widget.NewFormItem("名称", name), widget.NewFormItem("方式", kind), widget.NewFormItem("星期", weekday),
		widget.NewFormItem("每月日期", monthDay), widget.NewFormItem("赶集日", market), widget.NewFormItem("接待人", host),
		widget.NewFormItem("联络站", station), widget.NewFormItem("地点", place), widget.NewFormItem("", active),
	}, func() error {
		if err := monthDay.Validate(); err != nil {
			return &store.Error{Code: store.EINVALID, Field: "每月日期", Message: "每月日期" + err.Error()}
		}
		y := r
		y.Name, y.Kind, y.MonthDay, y.MarketDays, y.Place, y.Active = name.Text, kind.Selected, atoi(monthDay), market.Text, place.Text, active.Checked
		y.Weekday, y.HostID, y.StationID = 0, 0, 0
		for i, w := range weekdays {
			if w == weekday.Selected {
				y.Weekday = i + 1
			}
		}
		for _, o := range hosts {
			if o.Label == host.Selected {
				y.HostID = o.ID
			}
		}
		for _, s := range stations {
			if s.Name == station.Selected {
				y.StationID = s.ID
			}
		}
		return db.SaveReceptionRule(ctx, &y)
	})
	f.after = then
}
