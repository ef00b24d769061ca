package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// The 报表 tab's 评先评优 part (issue 22 part 4): each award of the year's selection with its 名额, the
// nominations and those chosen, from the same figures as the report text; tapping an award shows its 口径 and
// the candidates (a deputy opens in 代表).

// reportAwards is the part on screen: rebuilt for the figures shown, since the awards are the clerk's.
type reportAwards struct {
	reportPart
}

// newAwardsBox builds the part, empty until figures are shown.
func (t *reportTab) newAwardsBox() fyne.CanvasObject {
	part, content := newReportPart("评先评优", nil)
	t.awards = &reportAwards{part}
	return content
}

// showAwards fills the part with the figures' selection.
func (t *reportTab) showAwards(fig store.Figures) {
	r := t.awards
	r.box.RemoveAll()
	a := fig.Awards
	if fig.From == "" {
		r.head.SetText("")
		return
	}
	if a.Year == 0 {
		r.head.SetText("")
		r.box.Add(widget.NewLabel(fmt.Sprintf("%d年度还没有评先评优(在「代表 → 评先评优」中建立)。", fig.CountedOn().Year())))
		return
	}
	state := "主席团尚未作出决定"
	if a.Decided {
		state = "主席团决定：" + a.Selection.DecisionDate.Chinese()
	}
	r.head.SetText(fmt.Sprintf("%d年度，%s；点击奖项查看口径和名单", a.Year, state))
	cols := &reportColumns{widths: []float32{150, 90, 0}}
	for _, c := range a.Categories {
		name := widget.NewHyperlink(c.Category.Name, nil)
		name.OnTapped = func() { t.explainAward(a, c) }
		r.box.Add(container.New(cols, name, widget.NewLabel(fmt.Sprintf("名额%d", c.Category.Quota)), widget.NewLabel(awardLine(c))))
	}
}

// awardLine is 「推荐7个，当选4个，撤回1个」.
func awardLine(c store.AwardCategoryFigures) string {
	s := fmt.Sprintf("推荐%d个，当选%d个", len(c.Nominated), len(c.Elected))
	if c.Withdrawn > 0 {
		s += fmt.Sprintf("，撤回%d个", c.Withdrawn)
	}
	return s
}

// explainAward shows an award's 口径 and its candidates, the chosen first; a deputy opens in 代表.
func (t *reportTab) explainAward(a store.AwardFigures, c store.AwardCategoryFigures) {
	def := widget.NewLabel("口径：" + store.AwardDefinition(a) + "\n" + c.Category.Name + "：" + awardLine(c) + fmt.Sprintf("，名额%d个。", c.Category.Quota))
	def.Wrapping = fyne.TextWrapWord
	var items []store.AwardNomination
	for _, n := range c.Nominated {
		if n.Elected && a.Decided {
			items = append(items, n)
		}
	}
	for _, n := range c.Nominated {
		if !n.Elected || !a.Decided {
			items = append(items, n)
		}
	}
	lines := make([]string, len(items))
	for i, n := range items {
		lines[i] = fmt.Sprintf("%s　%s推荐　%s", n.CandidateName, n.Nominator, n.Status(a.Decided))
	}
	var dlg dialog.Dialog
	list := simpleList(fmt.Sprintf("推荐对象 %d 个(点击代表在「代表」中打开)", len(items)), lines, func(i int) {
		n := items[i]
		if n.Candidate != store.CandidateDeputy {
			return
		}
		x, err := t.d.db.Deputy(t.d.ctx, n.CandidateID)
		if err != nil {
			t.d.showError(err)
			return
		}
		dlg.Hide()
		t.d.showTab(t.d.deputies.content)
		t.d.deputies.show(x)
	})
	dlg = dialog.NewCustom(fmt.Sprintf("%d年度%s：口径和名单", a.Year, c.Category.Name), "关闭", container.NewBorder(def, nil, nil, nil, list), t.d.win)
	dlg.Resize(fyne.NewSize(820, 480))
	dlg.Show()
}
