package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// bulkEdit is 批量修改 in 代表: the clerk ticks deputies of the current list and sets their 代表小组, 选区,
// 村(居) or 进站 at once — after a re-election or a redrawn district, one change instead of seventy forms.
type bulkEdit struct {
	t        *deputiesTab
	deputies []store.Deputy
	ticked   map[int64]bool
	list     *widget.List
	all      *widget.Check
	count    *widget.Label

	group, village, join, leave *widget.Select
	setDistrict                 *widget.Check
	district                    *textEntry
	msg                         *widget.Label
	save                        *widget.Button
	dlg                         dialog.Dialog

	groups   []store.Group
	stations []option
}

// bulkKeep is the choice that leaves a field as it is.
const bulkKeep = "不修改"

// bulkNoGroup is the choice of no 代表小组.
const bulkNoGroup = "未编入小组"

// bulkEdit opens 批量修改 over the deputies the list shows now.
func (t *deputiesTab) bulkEdit() *bulkEdit {
	rows, err := t.list.all()
	if err != nil {
		t.d.showError(err)
		return nil
	}
	if len(rows) == 0 {
		dialog.ShowInformation("批量修改", "当前筛选条件下没有代表。", t.d.win)
		return nil
	}
	villages, err := t.d.db.Dict(t.d.ctx, store.DictVillage)
	if err != nil {
		t.d.showError(err)
		return nil
	}
	b := &bulkEdit{t: t, deputies: rows, ticked: map[int64]bool{}, groups: t.groups, stations: t.stationOptions()}
	b.count = widget.NewLabel("")
	b.list = widget.NewList(func() int { return len(b.deputies) },
		func() fyne.CanvasObject { return widget.NewCheck("", nil) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*widget.Check)
			x := b.deputies[i]
			c.OnChanged = nil
			c.SetText(bulkLine(x))
			c.SetChecked(b.ticked[x.ID])
			c.OnChanged = func(on bool) {
				b.ticked[x.ID] = on
				b.update()
			}
		})
	b.all = widget.NewCheck("全选", func(on bool) {
		for _, x := range b.deputies {
			b.ticked[x.ID] = on
		}
		b.list.Refresh()
		b.update()
	})

	groupNames := []string{bulkKeep, bulkNoGroup}
	for _, g := range b.groups {
		groupNames = append(groupNames, g.Name)
	}
	b.group = keepSelect(groupNames)
	b.village = keepSelect(append([]string{bulkKeep}, villages...))
	stationNames := []string{bulkKeep}
	for _, s := range b.stations {
		stationNames = append(stationNames, s.Label)
	}
	b.join = keepSelect(stationNames)
	b.leave = keepSelect(stationNames)
	b.district = newTextEntry()
	b.district.SetPlaceHolder("例如：第3选区")
	b.district.Disable()
	b.setDistrict = widget.NewCheck("修改为", func(on bool) {
		if on {
			b.district.Enable()
		} else {
			b.district.Disable()
		}
	})
	form := widget.NewForm(
		widget.NewFormItem("代表小组", b.group),
		widget.NewFormItem("选区", container.NewBorder(nil, nil, b.setDistrict, nil, b.district)),
		widget.NewFormItem("所在村(居)", b.village),
		widget.NewFormItem("加入联络站", b.join),
		widget.NewFormItem("退出联络站", b.leave),
	)
	b.msg = widget.NewLabel("")
	b.msg.Importance = widget.DangerImportance
	b.msg.Wrapping = fyne.TextWrapBreak
	b.msg.Hide()
	b.save = widget.NewButton("保存修改", b.apply)
	b.save.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", func() { b.dlg.Hide() })
	head := widget.NewLabel(fmt.Sprintf("当前列表中的代表 %d 人，勾选要修改的代表，再选择要改成什么(「不修改」的项保持原样)：", len(rows)))
	head.Wrapping = fyne.TextWrapBreak
	list := container.NewBorder(container.NewBorder(nil, nil, b.all, b.count), nil, nil, nil, b.list)
	content := container.NewBorder(head, container.NewVBox(widget.NewSeparator(), form, b.msg,
		container.NewHBox(layout.NewSpacer(), cancel, b.save)), nil, nil, list)
	b.dlg = dialog.NewCustomWithoutButtons("批量修改代表信息", content, t.d.win)
	size := t.d.win.Canvas().Size()
	b.dlg.Resize(fyne.NewSize(min(760, size.Width*0.95), min(680, size.Height*0.95)))
	b.update()
	b.dlg.Show()
	return b
}

// keepSelect is a choice whose first option, 不修改, is chosen.
func keepSelect(options []string) *widget.Select {
	s := newSelect(options, nil)
	s.SetSelected(bulkKeep)
	return s
}

// bulkLine is a deputy to tick: 「王建国　第一代表小组　青山村　第3选区」.
func bulkLine(x store.Deputy) string {
	parts := []string{x.Name}
	for _, v := range []string{x.GroupName, x.Village, x.District} {
		if v != "" {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, "　")
}

// chosen are the ticked deputies' ids, in the list's order.
func (b *bulkEdit) chosen() []int64 {
	var ids []int64
	for _, x := range b.deputies {
		if b.ticked[x.ID] {
			ids = append(ids, x.ID)
		}
	}
	return ids
}

// update counts the ticked deputies; 保存修改 waits for one.
func (b *bulkEdit) update() {
	n := len(b.chosen())
	b.count.SetText(fmt.Sprintf("已勾选 %d 人", n))
	if n == 0 {
		b.save.Disable()
	} else {
		b.save.Enable()
	}
}

// change is what the form asks for.
func (b *bulkEdit) change() store.DeputyChange {
	var c store.DeputyChange
	switch v := b.group.Selected; v {
	case bulkKeep, "":
	case bulkNoGroup:
		none := int64(0)
		c.GroupID = &none
	default:
		for _, g := range b.groups {
			if g.Name == v {
				id := g.ID
				c.GroupID = &id
			}
		}
	}
	if b.setDistrict.Checked {
		d := strings.TrimSpace(b.district.Text)
		c.District = &d
	}
	if v := b.village.Selected; v != bulkKeep && v != "" {
		c.Village = &v
	}
	for _, s := range b.stations {
		if s.Label == b.join.Selected {
			c.AddStation = s.ID
		}
		if s.Label == b.leave.Selected {
			c.RemoveStation = s.ID
		}
	}
	return c
}

// apply saves the change for the ticked deputies in one transaction, or says why not in the dialog.
func (b *bulkEdit) apply() {
	ids := b.chosen()
	if err := b.t.d.db.UpdateDeputies(b.t.d.ctx, ids, b.change()); err != nil {
		b.msg.SetText(store.ErrorMessage(err))
		b.msg.Show()
		return
	}
	b.dlg.Hide()
	b.t.refresh()
	if b.t.current.ID != 0 {
		if x, err := b.t.d.db.Deputy(b.t.d.ctx, b.t.current.ID); err == nil {
			b.t.show(x)
		}
	}
	dialog.ShowInformation("批量修改", fmt.Sprintf("已修改 %d 位代表的信息。", len(ids)), b.t.d.win)
}
