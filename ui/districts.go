package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/export"
	"rendadesk/store"
)

// settingsDistricts is the 选区 register (设置 → 选区): each district of a level with its villages, 应选代表名额
// and 选民数, and, in its form, the deputies elected there in the current term with the seats vacant today.
type settingsDistricts struct {
	*settingsList[store.District]
	rolls  map[int64]store.DistrictRoll // by district id: the current term's seats, held today
	search *searchEntry                 // number, 片区 or village (store.District.Matches)
	query  string
}

func newSettingsDistricts(t *settingsTab) *settingsDistricts {
	m := &settingsDistricts{rolls: map[int64]store.DistrictRoll{}}
	m.settingsList = &settingsList[store.District]{t: t, kind: formDistrict, what: "选区",
		hint:  "在左侧选择一个选区，或点「新增」",
		id:    func(x store.District) int64 { return x.ID },
		name:  func(x store.District) string { return x.Label() },
		all:   m.all,
		fresh: m.next,
		confirm: func(x store.District) string {
			return fmt.Sprintf("确定要删除「%s」吗？\n删除后不能恢复。", x.Label())
		},
		del:  t.d.db.DeleteDistrict,
		form: m.districtForm,
	}
	m.build([]column[store.District]{
		{"选区", 150, "", func(x store.District) string { return x.Label() }},
		{"名额", 50, "", func(x store.District) string { return strconv.Itoa(x.Seats) }},
		{"在任", 50, "", func(x store.District) string { return strconv.Itoa(m.rolls[x.ID].Held) }},
		{"缺额", 50, "", func(x store.District) string {
			if n := m.rolls[x.ID].Vacant(); n > 0 {
				return strconv.Itoa(n)
			}
			return ""
		}},
		{"所辖村(居)", 200, "", func(x store.District) string { return x.Villages }},
	})
	// Forms with unsaved changes are saved or let go first (guard.go): the import may change their records.
	m.tools.Add(widget.NewButtonWithIcon("导入", theme.UploadIcon(), func() {
		t.d.leaveAll(func() { t.d.showImport(store.ImportDistricts) })
	}))
	m.tools.Add(widget.NewButtonWithIcon("导出", theme.DownloadIcon(), m.exportRegister))
	m.search = newSearchEntry("搜索选区编号、片区、村(居)", func(q string) {
		m.query = q
		m.list.reload()
	})
	m.tools.Add(fixedWidth(260, m.search))
	return m
}

// exportRegister writes the register with who holds each seat today as a workbook the import reads back.
func (m *settingsDistricts) exportRegister() {
	d := m.t.d
	rolls, err := d.db.DistrictRolls(d.ctx, "", 0, store.DateOf(d.db.Now()))
	if err != nil {
		d.showError(err)
		return
	}
	st, err := d.db.Settings(d.ctx)
	if err != nil {
		d.showError(err)
		return
	}
	title := export.DistrictsTitle(st.Township)
	d.askSavePath(store.FolderExports, title, ".xlsx", func(path string) {
		if err := export.DistrictsXLSX(path, title, rolls); err != nil {
			d.showError(err)
			return
		}
		d.showWritten("导出完成", fmt.Sprintf("已导出 %d 个选区到", len(rolls)), path)
	})
}

// all reads the districts of every level with their seats held today (in any term: the seats the roll counts).
func (m *settingsDistricts) all() ([]store.District, error) {
	db, ctx := m.t.d.db, m.t.d.ctx
	m.rolls = map[int64]store.DistrictRoll{}
	rolls, err := db.DistrictRolls(ctx, "", 0, store.DateOf(db.Now()))
	if err != nil {
		return nil, err
	}
	var out []store.District
	for _, r := range rolls {
		m.rolls[r.ID] = r
		if r.District.Matches(m.query) {
			out = append(out, r.District)
		}
	}
	return out, nil
}

// next proposes the town district after the highest number.
func (m *settingsDistricts) next() store.District {
	x := store.District{Level: store.LevelTown, Seats: 1, Number: 1}
	all, err := m.t.d.db.Districts(m.t.d.ctx, store.LevelTown)
	if err != nil {
		m.t.d.showError(err)
	}
	for _, d := range all {
		x.Number = max(x.Number, d.Number+1)
	}
	return x
}

// districtForm is the form of a district, with the deputies holding its seats today below it.
func (m *settingsDistricts) districtForm(x store.District) *formPane {
	db, ctx := m.t.d.db, m.t.d.ctx
	level := newSelect(store.DeputyLevels, nil)
	level.SetSelected(x.Level)
	if x.Level == "" {
		level.SetSelected(store.LevelTown)
	}
	number, seats, voters := intEntry(), intEntry(), intEntry()
	number.SetPlaceHolder("如 3(第3选区)")
	if x.Number > 0 {
		number.SetText(strconv.Itoa(x.Number))
	}
	if x.Seats > 0 {
		seats.SetText(strconv.Itoa(x.Seats))
	}
	voters.SetPlaceHolder("不统计可不填")
	if x.Voters > 0 {
		voters.SetText(strconv.Itoa(x.Voters))
	}
	name, villages, notes := newTextEntry(), newTextEntry(), multiline(2)
	name.SetPlaceHolder("如 联霞片区(可不填)")
	name.SetText(x.Name)
	villages.SetPlaceHolder("如 青山村、河东村")
	villages.SetText(x.Villages)
	notes.SetText(x.Notes)
	held := widget.NewLabel(m.heldText(x))
	held.Wrapping = fyne.TextWrapWord
	pane := newFormPane([]*widget.FormItem{
		widget.NewFormItem("层级", level),
		widget.NewFormItem("选区编号", number),
		widget.NewFormItem("片区名称", name),
		widget.NewFormItem("所辖村(居)", villages),
		widget.NewFormItem("应选代表名额", seats),
		widget.NewFormItem("选民数", voters),
		widget.NewFormItem("备注", notes),
		widget.NewFormItem("在任代表", held),
	}, func() error {
		y := x
		var err error
		if y.Number, err = atoiField("选区编号", number.Text, true); err != nil {
			return err
		}
		if y.Seats, err = atoiField("应选代表名额", seats.Text, true); err != nil {
			return err
		}
		if y.Voters, err = atoiField("选民数", voters.Text, false); err != nil {
			return err
		}
		y.Level, y.Name, y.Villages, y.Notes = level.Selected, name.Text, villages.Text, notes.Text
		if err := db.SaveDistrict(ctx, &y); err != nil {
			return err
		}
		m.saved(y)
		return nil
	})
	if x.ID == 0 {
		pane.title.SetText("新增选区")
	} else {
		pane.title.SetText(x.Label())
	}
	pane.first = number
	return pane
}

// heldText lists who holds the district's seats today and how many are vacant: 「王建国(2021年12月1日当选)、…；缺额1名」.
func (m *settingsDistricts) heldText(x store.District) string {
	r, ok := m.rolls[x.ID]
	if x.ID == 0 || !ok {
		return "(保存后，在代表的「当选日期」一行选择选区)"
	}
	var names []string
	for _, s := range r.Seats {
		names = append(names, fmt.Sprintf("%s(%s当选)", s.Name, s.Seat.Start.Chinese()))
	}
	text := strings.Join(names, "、")
	if text == "" {
		text = "无"
	}
	if n := r.Vacant(); n > 0 {
		text += fmt.Sprintf("；缺额%d名", n)
	}
	return text
}

// atoiField reads a whole number typed in field; empty is 0 unless required.
func atoiField(field, s string, required bool) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" && !required {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, &store.Error{Code: store.EINVALID, Field: field, Message: field + "请填写整数"}
	}
	return n, nil
}
