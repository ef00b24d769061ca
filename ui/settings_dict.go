package ui

import (
	"encoding/json"
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

// settingsDictOrder lists the dictionaries in the order the clerk meets them.
var settingsDictOrder = []string{store.DictCategory, store.DictSource, store.DictParty, store.DictEducation,
	store.DictEthnicity, store.DictComposition, store.DictRole, store.DictUnitKind, store.DictVillage}

// settingsDict edits one dictionary at a time: choose it, see its values, add or delete one. A value typed
// and not added yet is an unsaved change (guard.go): choosing another dictionary asks first.
type settingsDict struct {
	t        *settingsTab
	kinds    *widget.Select
	choosing bool   // set while the dictionary Select is put back after a cancelled switch
	kind     string // the chosen dictionary's code
	values   []string
	selected int // index in values, -1 for none
	list     *widget.List
	entry    *textEntry
	state    *formState
	msg      *widget.Label
	content  fyne.CanvasObject
}

func newSettingsDict(t *settingsTab) *settingsDict {
	x := &settingsDict{t: t, selected: -1, kind: settingsDictOrder[0]}
	var names []string
	for _, k := range settingsDictOrder {
		names = append(names, store.DictKinds[k])
	}
	x.kinds = newSelect(names, x.choose)
	x.list = widget.NewList(func() int { return len(x.values) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(x.values[i]) })
	x.list.OnSelected = func(i widget.ListItemID) { x.selected = i }
	x.list.OnUnselected = func(widget.ListItemID) { x.selected = -1 }
	x.entry = newTextEntry()
	x.entry.SetPlaceHolder("输入新的值，按回车或点「添加」")
	x.entry.OnSubmitted = func(string) { x.addValue() }
	add := widget.NewButtonWithIcon("添加", theme.ContentAddIcon(), x.addValue)
	add.Importance = widget.HighImportance
	del := widget.NewButtonWithIcon("删除", theme.DeleteIcon(), x.remove)
	x.msg = widget.NewLabel("")
	x.msg.Wrapping = fyne.TextWrapWord
	x.msg.Hide()
	note := widget.NewLabel("这些值是各表单下拉框中的选项。删除一个值不会改动已经填写了它的记录。")
	note.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel("字典"), nil, x.kinds),
		note,
	)
	bottom := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(add, del), x.entry),
		x.msg,
	)
	x.content = container.NewBorder(top, bottom, nil, nil, x.list)
	x.kinds.SetSelected(store.DictKinds[x.kind]) // choose: the list read, the entry tracked
	return x
}

// choose switches to the dictionary named name, once the value typed for the one before is added or let go.
func (x *settingsDict) choose(name string) {
	if x.choosing {
		return
	}
	to := func() {
		for _, k := range settingsDictOrder {
			if store.DictKinds[k] == name {
				x.kind = k
			}
		}
		x.say("", false)
		x.reload()
		x.track()
	}
	if x.state == nil {
		to()
		return
	}
	old := store.DictKinds[x.kind]
	x.t.d.leave([]string{formDict}, to, func() {
		x.choosing = true
		x.kinds.SetSelected(old)
		x.choosing = false
	})
}

// track makes the value being typed a form of the window, for the chosen dictionary.
func (x *settingsDict) track() {
	kind := x.kind
	x.state = x.t.d.trackForm(&formState{kind: formDict, key: kind, part: "新值",
		name: func() string { return "字典「" + store.DictKinds[kind] + "」" },
		get:  func() any { return x.entry.Text },
		set: func(raw json.RawMessage) error {
			var v string
			err := json.Unmarshal(raw, &v)
			x.entry.SetText(v)
			return err
		},
		save: x.add, reveal: func() { x.t.showSection(x.content) }, root: x.content})
	watchInputs(x.entry, x.state.touched)
}

// reload re-reads the chosen dictionary.
func (x *settingsDict) reload() {
	vals, err := x.t.d.db.Dict(x.t.d.ctx, x.kind)
	if err != nil {
		x.say(store.ErrorMessage(err), false)
	}
	x.values = vals
	x.selected = -1
	x.list.UnselectAll()
	x.list.Refresh()
}

// say shows a line under the entry: an error in red, a confirmation in green; "" hides it.
func (x *settingsDict) say(msg string, ok bool) {
	x.msg.Importance = widget.DangerImportance
	if ok {
		x.msg.Importance = widget.SuccessImportance
	}
	x.msg.SetText(msg)
	if msg == "" {
		x.msg.Hide()
	} else {
		x.msg.Show()
	}
}

// addValue is 添加 (and Enter in the entry).
func (x *settingsDict) addValue() {
	if x.state != nil {
		x.state.submit()
	} else {
		x.add()
	}
}

// add adds the value typed to the chosen dictionary.
func (x *settingsDict) add() error {
	v := strings.TrimSpace(x.entry.Text)
	if err := x.t.d.db.AddDictValue(x.t.d.ctx, x.kind, v); err != nil {
		x.say(store.ErrorMessage(err), false)
		x.scrollTo(v) // a duplicate: show the value already there
		return err
	}
	x.entry.SetText("")
	x.reload()
	x.say(fmt.Sprintf("已在%s中添加「%s」", store.DictKinds[x.kind], v), true)
	x.scrollTo(v)
	x.t.changed()
	return nil
}

// scrollTo brings v into view when it is in the list.
func (x *settingsDict) scrollTo(v string) {
	if i := slices.Index(x.values, v); i >= 0 {
		x.list.ScrollTo(i)
	}
}

func (x *settingsDict) remove() {
	if x.selected < 0 || x.selected >= len(x.values) {
		x.say("请先在列表中选择要删除的值", false)
		return
	}
	kind, v := x.kind, x.values[x.selected]
	name := store.DictKinds[kind]
	dialog.ShowConfirm("删除字典值",
		fmt.Sprintf("确定要从「%s」中删除「%s」吗？\n已经填写了「%s」的记录会保留原来的文字，\n只是以后不能再从下拉框中选择它。", name, v, v),
		func(ok bool) {
			if !ok {
				return
			}
			if err := x.t.d.db.RemoveDictValue(x.t.d.ctx, kind, v); err != nil {
				x.say(store.ErrorMessage(err), false)
				return
			}
			x.reload()
			x.say(fmt.Sprintf("已从%s中删除「%s」", name, v), true)
			x.t.changed()
		}, x.t.d.win)
}
