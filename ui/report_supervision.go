package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// The 报表 tab's 监督工作 part (issue 17): every count of store.SupervisionDefs and rate of SupervisionRateDefs
// for the period as of its report date, each tappable for its 口径 and the records behind it; a campaign or
// an item among them opens in 监督.

// reportSupRow is one supervision count or rate on screen.
type reportSupRow struct {
	value *widget.Hyperlink
	show  func(f store.SupervisionFigures, prec int) string
}

// newSupervisionBox builds the 监督工作 part: a line per count, then the rates.
func (t *reportTab) newSupervisionBox() fyne.CanvasObject {
	cols := &reportColumns{widths: []float32{200, 140, 0}}
	box := container.NewVBox()
	var rows []reportSupRow
	for _, def := range store.SupervisionDefs {
		v := widget.NewHyperlink("—", nil)
		v.OnTapped = func() { t.explainSupervision(def.Label, def.Definition, def.Key, "") }
		rows = append(rows, reportSupRow{v, func(f store.SupervisionFigures, _ int) string {
			return fmt.Sprintf("%d %s", f.Count(def.Key), def.Unit)
		}})
		box.Add(container.New(cols, widget.NewLabel(def.Label), v, widget.NewLabel("")))
	}
	for _, def := range store.SupervisionRateDefs {
		v := widget.NewHyperlink("—", nil)
		v.OnTapped = func() { t.explainSupervision(def.Name, def.Definition, def.Num, def.Den) }
		rows = append(rows, reportSupRow{v, func(f store.SupervisionFigures, prec int) string {
			r := f.RateOf(def)
			if r.Den == 0 {
				return r.Percent(prec)
			}
			return r.Percent(prec) + "　" + r.Explain()
		}})
		box.Add(container.New(cols, widget.NewLabel(def.Name), v, widget.NewLabel("")))
	}
	t.supRows = rows
	return box
}

// showSupervision fills the part with the figures shown.
func (t *reportTab) showSupervision(st store.Settings, fig store.Figures) {
	for _, r := range t.supRows {
		if fig.Supervision.Counts == nil {
			r.value.SetText("—")
			continue
		}
		r.value.SetText(r.show(fig.Supervision, st.Precision))
	}
}

// explainSupervision shows a count's (or a rate's) 口径 and the records behind it — for a rate, those of its
// numerator and of its denominator.
func (t *reportTab) explainSupervision(name, definition string, num, den store.SupervisionKey) {
	if t.shown.from == "" {
		return
	}
	s := t.fig.Supervision
	def := widget.NewLabel("口径：" + definition + fmt.Sprintf("。统计截至%s。", t.shown.asOf.Chinese()))
	def.Wrapping = fyne.TextWrapWord
	var items []store.SupervisionItem
	var lines []string
	for _, k := range []store.SupervisionKey{num, den} {
		if k == "" {
			continue
		}
		d := k.Def()
		for _, it := range s.Items(k) {
			items = append(items, it)
			lines = append(lines, fmt.Sprintf("[%s] %s　%s　%s", d.Label, it.Kind, it.Label, it.Detail))
		}
	}
	var dlg dialog.Dialog
	list := simpleList(fmt.Sprintf("明细 %d 项(点击评议活动或整改事项在「监督」中打开)", len(items)), lines, func(i int) {
		it := items[i]
		switch it.Kind {
		case "评议活动", "评议对象":
			c, err := t.d.db.EvalCampaign(t.d.ctx, it.ID)
			if err != nil {
				t.d.showError(err)
				return
			}
			dlg.Hide()
			t.d.super.campaigns.open(c, nil, func() { t.d.super.reveal(0, nil, 0) })
		case "整改事项":
			r, err := t.d.db.Rectification(t.d.ctx, it.ID)
			if err != nil {
				t.d.showError(err)
				return
			}
			dlg.Hide()
			t.d.super.rects.open(r, nil, func() { t.d.super.reveal(1, nil, 0) })
		}
	})
	dlg = dialog.NewCustom(name+"口径和明细", "关闭", container.NewBorder(def, nil, nil, nil, list), t.d.win)
	dlg.Resize(fyne.NewSize(820, 480))
	dlg.Show()
}
