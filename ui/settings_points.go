package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// formDutyPoints is the kind of the 履职积分 form (guard.go, drafts.go).
const formDutyPoints = "settings.duty_points"

// settingsPoints is 设置 → 履职积分 (issue 22): the points of each kind of duty. The scores they make show in
// the 代表 tab's 履职档案, the workbook's 履职积分 sheet and `rendadesk print duty-scores`.
type settingsPoints struct {
	t       *settingsTab
	entries map[store.DutyKey]*textEntry
	pane    *formPane
	content fyne.CanvasObject
}

func newSettingsPoints(t *settingsTab) *settingsPoints {
	x := &settingsPoints{t: t, entries: map[store.DutyKey]*textEntry{}}
	var items []*widget.FormItem
	for _, k := range store.DutyKeys {
		e := newTextEntry()
		e.Validator = func(s string) error {
			if n, err := strconv.Atoi(strings.TrimSpace(s)); err != nil || n < -100 || n > 100 {
				return fmt.Errorf("请填写-100到100之间的整数")
			}
			return nil
		}
		e.OnChanged = func(string) { x.pane.clear() }
		x.entries[k] = e
		it := widget.NewFormItem(k.Label(), e)
		it.HintText = "每" + k.Unit() + "的分值，扣分填负数"
		items = append(items, it)
	}
	x.pane = newFormPane(items, x.save)
	x.pane.title.SetText("履职积分")
	x.pane.check = func() error { return x.build().Validate() }
	x.pane.first = x.entries[store.DutyKeys[0]]
	note := widget.NewLabel("各项次数取自代表的履职档案，积分为各项次数乘以分值之和。积分排名只供评先评优参考。")
	note.Wrapping = fyne.TextWrapWord
	body := x.pane.scroll.Content.(*fyne.Container)
	body.Add(note)
	x.content = container.New(settingsNarrow{}, x.pane.content)
	x.pane.track(t.d, formDutyPoints, "points", nil, func() string { return "设置「履职积分」" }, func() { t.showSection(x.content) })
	return x
}

// build reads the form (a number that is not one reads as 0, and the entry says so).
func (x *settingsPoints) build() store.DutyPoints {
	var p store.DutyPoints
	for _, k := range store.DutyKeys {
		n, _ := strconv.Atoi(strings.TrimSpace(x.entries[k].Text))
		p = append(p, store.DutyPoint{Key: k, Points: n})
	}
	return p
}

// load fills the form from the stored points.
func (x *settingsPoints) load() {
	p, err := x.t.d.db.DutyPoints(x.t.d.ctx)
	if err != nil {
		x.pane.showError(err)
		return
	}
	for _, k := range store.DutyKeys {
		x.entries[k].SetText(strconv.Itoa(p.Of(k)))
	}
	x.pane.clear()
	x.pane.state.reset()
}

// save stores the points; the 代表 tab shows the scores by them.
func (x *settingsPoints) save() error {
	if err := x.t.d.db.SaveDutyPoints(x.t.d.ctx, x.build()); err != nil {
		return err
	}
	x.t.changed()
	x.load()
	x.pane.showInfo("已保存")
	return nil
}

// scoreView is the 履职档案's 履职积分 part: the total, the place among the year's deputies, and each line as
// count × points.
func scoreView(s store.DutyScore, of int) []fyne.CanvasObject {
	head := fmt.Sprintf("履职积分 %d 分", s.Total)
	if of > 0 {
		head += fmt.Sprintf("(本年度 %d 名代表中第 %d 名，仅供参考)", of, s.Rank)
	}
	out := []fyne.CanvasObject{boldLabel(head)}
	var lines []string
	for _, l := range s.Lines {
		if l.Count == 0 || l.Points == 0 {
			continue
		}
		lines = append(lines, fmt.Sprintf("%s %d %s × %d 分 = %d 分", l.Key.Label(), l.Count, l.Key.Unit(), l.Points, l.Subtotal()))
	}
	if len(lines) == 0 {
		lines = []string{"本年度没有计分的履职记录。"}
	}
	l := widget.NewLabel(strings.Join(lines, "\n"))
	l.Wrapping = fyne.TextWrapBreak
	return append(out, l, reportHint("分值在「设置 → 履职积分」中修改。"))
}

// recordScore is the current deputy's score of the record's year, ranked among the year's deputies.
func (t *deputiesTab) recordScore(rec store.DeputyRecord) []fyne.CanvasObject {
	scores, _, err := t.d.db.DutyScores(t.d.ctx, rec.Year)
	if err != nil {
		return []fyne.CanvasObject{widget.NewLabel(store.ErrorMessage(err))}
	}
	for _, s := range scores {
		if s.Record.Deputy.ID == rec.Deputy.ID {
			return scoreView(s, len(scores))
		}
	}
	p, err := t.d.db.DutyPoints(t.d.ctx)
	if err != nil {
		return []fyne.CanvasObject{widget.NewLabel(store.ErrorMessage(err))}
	}
	return scoreView(store.ScoreOf(rec, p), 0) // not in office that year: scored, not ranked
}
