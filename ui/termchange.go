package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// termChangeWizard is 设置 → 届次 → 「开始新一届」 (the 换届): the new term's number and dates; each town
// deputy of the current term with 连任 or 不再担任; the newly elected deputies, one a line, or from a roster
// file (termchange_import.go); whether the continuing deputies' groups and stations are cleared; then a
// preview of what will change, and only then 「确认换届」, which backs the database up and writes everything in one transaction (store.ChangeTerm).
type termChangeWizard struct {
	d        *desk
	dlg      dialog.Dialog
	number   *textEntry
	start    *dateEntry
	end      *dateEntry
	list     *fyne.Container // the deputies' choices
	deputies []store.Deputy
	choices  []*widget.RadioGroup // by deputies
	newOnes  *textEntry
	// imported are the 新任 taken from a file (termchange_import.go), listed in importedBox.
	imported    []store.Deputy
	importedBox *fyne.Container
	scroll      *container.Scroll // the wizard's body, laid out again when importedBox grows
	groups      *widget.Check
	stations    *widget.Check
	preview     *widget.Label
	msg         *widget.Label
	confirm     *widget.Button
	checked     string // the change the preview showed, as a key: confirming another asks for a new preview
}

// startTermChange opens the wizard (nil when the terms cannot be read; the error is shown).
func (d *desk) startTermChange() *termChangeWizard {
	w := &termChangeWizard{d: d}
	cur, err := d.db.CurrentTerm(d.ctx)
	if err != nil && store.ErrorCode(err) != store.ENOTFOUND {
		d.showError(err)
		return nil
	}
	w.confirm = widget.NewButton("确认换届", func() { w.apply() })
	w.confirm.Importance = widget.HighImportance
	w.msg = widget.NewLabel("")
	w.msg.Importance = widget.DangerImportance
	w.msg.Wrapping = fyne.TextWrapWord
	w.number = newTextEntry() // not intEntry: a 届次 that is not a number is named by change()
	w.start, w.end = newDateEntry(true), newDateEntry(false)
	if cur.ID != 0 {
		w.number.SetText(strconv.Itoa(cur.Number + 1))
		if cur.End != "" {
			w.start.SetDate(cur.End.AddDays(1))
		}
	}
	if w.start.Text == "" {
		w.start.SetDate(store.DateOf(d.db.Now()))
	}
	w.newOnes = newTextEntry()
	w.newOnes.MultiLine = true
	w.newOnes.SetMinRowsVisible(4)
	w.newOnes.SetPlaceHolder("每行一名新任代表：姓名 性别，如\n张三 男\n李四 女")
	w.groups = widget.NewCheck("清空连任代表的代表小组(重新编组)", nil)
	w.stations = widget.NewCheck("清空连任代表的进站安排", nil)
	w.preview = widget.NewLabel("点「预览」查看换届将做的修改。")
	w.preview.Wrapping = fyne.TextWrapWord
	w.list = container.NewVBox()
	w.loadDeputies()
	w.start.OnChanged = func(string) { w.loadDeputies() } // the roll of the eve of another day
	head := widget.NewForm(widget.NewFormItem("新一届届次", fixedWidth(120, w.number)), widget.NewFormItem("开始日期", w.start),
		widget.NewFormItem("结束日期", w.end))
	body := container.NewVBox(head,
		boldLabel("本届镇人大代表：连任或不再担任"), w.list,
		w.importBar(), w.newOnes, w.groups, w.stations)
	buttons := container.NewHBox(layout.NewSpacer(), widget.NewButton("取消", func() { w.dlg.Hide() }),
		widget.NewButton("预览", w.showPreview), w.confirm)
	w.scroll = container.NewVScroll(body)
	w.dlg = dialog.NewCustomWithoutButtons("开始新一届(换届)", container.NewBorder(nil, container.NewVBox(boldLabel("预览"), w.preview, w.msg, buttons), nil, nil,
		w.scroll), d.win)
	w.dlg.Resize(fyne.NewSize(900, 680))
	w.dlg.Show()
	return w
}

// loadDeputies lists the town deputies on the roll the day before the new term, each 连任 by default; a
// preview made before is no longer valid.
func (w *termChangeWizard) loadDeputies() {
	w.confirm.Disable()
	day := w.start.Date()
	if day == "" {
		day = store.DateOf(w.d.db.Now())
	}
	ds, _, err := w.d.db.Deputies(w.d.ctx, store.DeputyFilter{OnRoll: day.AddDays(-1), Level: store.LevelTown})
	if err != nil {
		w.msg.SetText(store.ErrorMessage(err))
	}
	w.deputies, w.choices = ds, nil
	grid := container.NewGridWithColumns(2)
	for _, x := range ds {
		r := widget.NewRadioGroup(store.TermChoices, func(string) { w.confirm.Disable() })
		r.Horizontal = true
		r.SetSelected(store.TermContinue)
		w.choices = append(w.choices, r)
		name := x.Name
		if x.District != "" {
			name += "(" + x.District + ")"
		}
		grid.Add(container.NewBorder(nil, nil, fixedWidth(150, widget.NewLabel(name)), nil, r))
	}
	if len(ds) == 0 {
		grid.Add(widget.NewLabel("(没有在任的镇人大代表)"))
	}
	w.list.Objects = []fyne.CanvasObject{grid}
	w.list.Refresh()
}

// change collects the wizard's fields.
func (w *termChangeWizard) change() (store.TermChange, error) {
	var c store.TermChange
	n, err := strconv.Atoi(strings.TrimSpace(w.number.Text))
	if err != nil {
		return c, &store.Error{Code: store.EINVALID, Field: "届次", Message: "届次请填写数字，如 19 表示第十九届"}
	}
	c.Term = store.Term{Number: n, Start: w.start.Typed(), End: w.end.Typed()}
	for i, x := range w.deputies {
		c.Choices = append(c.Choices, store.TermChoice{DeputyID: x.ID, Choice: w.choices[i].Selected})
	}
	for i, line := range strings.Split(w.newOnes.Text, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		d := store.Deputy{Name: f[0], Levels: []string{store.LevelTown}, Status: store.DeputyActive}
		if len(f) > 1 {
			d.Gender = f[1]
		}
		if len(f) > 2 {
			return c, &store.Error{Code: store.EINVALID, Field: "新任代表", Message: fmt.Sprintf("新任代表第%d行「%s」：每行只写姓名和性别", i+1, line)}
		}
		c.NewDeputies = append(c.NewDeputies, d)
	}
	c.NewDeputies = append(c.NewDeputies, w.imported...)
	c.ClearGroups, c.ClearStations = w.groups.Checked, w.stations.Checked
	return c, nil
}

// showPreview shows what the change will do and lets the clerk confirm it.
func (w *termChangeWizard) showPreview() {
	w.msg.SetText("")
	c, err := w.change()
	if err != nil {
		w.msg.SetText(store.ErrorMessage(err))
		return
	}
	key := fmt.Sprint(c) // before Validate fills in defaults
	if err := c.Validate(); err != nil {
		w.msg.SetText(store.ErrorMessage(err))
		return
	}
	p, err := w.d.db.PreviewTermChange(w.d.ctx, c)
	if err != nil {
		w.msg.SetText(store.ErrorMessage(err))
		return
	}
	w.preview.SetText(strings.Join(p.Lines(c), "\n") + "\n确认后先自动备份数据库，再一次性保存以上修改；上一届的会议、报表和统计数字保持不变。")
	w.checked = key
	w.confirm.Enable()
}

// apply carries the change out off the UI goroutine (the backup takes a moment).
func (w *termChangeWizard) apply() {
	c, err := w.change()
	if err != nil || fmt.Sprint(c) != w.checked {
		w.confirm.Disable()
		w.msg.SetText("内容在预览后有改动，请重新预览")
		return
	}
	w.confirm.Disable()
	w.msg.SetText("正在备份并换届…")
	go func() {
		p, err := w.d.db.ChangeTerm(w.d.ctx, &c)
		fyne.Do(func() {
			if err != nil {
				w.msg.SetText(store.ErrorMessage(err))
				w.confirm.Enable()
				return
			}
			w.dlg.Hide()
			w.d.refreshAll()
			dialog.ShowInformation("换届完成", fmt.Sprintf("%s已开始：连任%d名，新任%d名，不再担任%d名，上届转入建议%d件。",
				c.Term.Name(), len(p.Continuing), len(c.NewDeputies), len(p.Leaving), len(p.Carried)), w.d.win)
		})
	}()
}
