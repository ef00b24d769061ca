package ui

import (
	"fmt"
	"slices"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// reportVersions is 报表's 已报送版本: the versions of the chosen year that exports kept (报送存档, store.ArchiveReport),
// newest first, each with when it was made, its as-of date and its files, and whether today's count of the same
// period, as of the same date, agrees. The version chosen (the newest that differs, at first) shows side by side
// what it said and what today's count says, and the records that made each difference.
type reportVersions struct {
	t       *reportTab
	item    *container.TabItem
	head    *widget.Label
	list    *fyne.Container // a card per version
	detail  *fyne.Container // the changes of the version chosen
	year    int
	shown   []store.ReportVersion
	chosen  int64 // the version whose changes are shown
	content fyne.CanvasObject

	// gen counts the loads asked for, applied the last one shown; tests wait on them.
	gen, applied atomic.Int64
}

func newReportVersions(t *reportTab) *reportVersions {
	v := &reportVersions{t: t, head: widget.NewLabel(""), list: container.NewVBox(), detail: container.NewVBox()}
	v.head.Wrapping = fyne.TextWrapWord
	hint := reportHint("每次导出报表都自动记入；比较时按各版本的截至日期重新统计。")
	v.content = container.NewBorder(container.NewVBox(v.head, hint), nil, nil, nil,
		container.NewVScroll(container.NewVBox(v.list, widget.NewSeparator(), v.detail)))
	v.item = container.NewTabItem("已报送版本", v.content)
	return v
}

// load reads the versions of a year, compared with today's counts, off the UI goroutine, and shows them unless
// another year was asked for meanwhile.
func (v *reportVersions) load(year int) {
	gen := v.gen.Add(1)
	v.year = year
	db, ctx := v.t.d.db, v.t.d.ctx
	go func() {
		vs, err := db.ReportVersions(ctx, store.ReportVersionFilter{Year: year, Compare: true})
		fyne.Do(func() {
			if v.gen.Load() != gen {
				return
			}
			defer v.applied.Store(gen)
			if err != nil {
				v.shown = nil
				v.head.SetText("无法读取报送存档：" + store.ErrorMessage(err))
				v.list.RemoveAll()
				v.detail.RemoveAll()
				return
			}
			v.show(vs)
		})
	}()
}

// show lists the versions and the changes of the one chosen: the one chosen before if it is still listed, else
// the newest that differs from today's count, else the newest.
func (v *reportVersions) show(vs []store.ReportVersion) {
	v.shown = vs
	differ := 0
	for _, x := range vs {
		if len(x.Changes) > 0 {
			differ++
		}
	}
	title := "已报送版本"
	switch {
	case len(vs) == 0:
		v.head.SetText(fmt.Sprintf("%d年还没有已报送的版本。导出报表(Excel、PDF或文字稿)时，导出的数字和文件校验值会记在这里。", v.year))
	case differ == 0:
		v.head.SetText(fmt.Sprintf("%d年已报送 %d 个版本；今天重新统计，与各版本相同。", v.year, len(vs)))
		title = fmt.Sprintf("已报送版本(%d)", len(vs))
	default:
		v.head.SetText(fmt.Sprintf("%d年已报送 %d 个版本；今天重新统计，有 %d 个版本的数字不同。", v.year, len(vs), differ))
		title = fmt.Sprintf("已报送版本(%d，有变化)", len(vs))
	}
	if v.item.Text != title {
		v.item.Text = title
		if v.t.side != nil {
			v.t.side.Refresh()
		}
	}
	found := false
	for _, x := range vs {
		found = found || x.ID == v.chosen
	}
	if !found {
		v.chosen = 0
		for _, x := range vs {
			if len(x.Changes) > 0 {
				v.chosen = x.ID
				break
			}
		}
		if v.chosen == 0 && len(vs) > 0 {
			v.chosen = vs[0].ID
		}
	}
	v.list.RemoveAll()
	for _, x := range vs {
		v.list.Add(v.card(x))
	}
	v.showChanges()
}

// card is one version: 「第 3 号　2025年(截至2025年12月31日)」, when, where and by whom it was made, its files,
// and whether today's count agrees, with 查看变化.
func (v *reportVersions) card(x store.ReportVersion) fyne.CanvasObject {
	title := boldLabel(fmt.Sprintf("第 %d 号　%s(截至%s)", x.ID, x.PeriodName(), x.AsOf.Chinese()))
	who := x.Via
	if x.MadeBy != "" {
		who += "·" + x.MadeBy
	}
	made := reportHint(fmt.Sprintf("%s 导出(%s)", x.MadeAt[:min(16, len(x.MadeAt))], who))
	files := reportHint("文件：" + x.FileNames())
	files.Truncation, files.Wrapping = fyne.TextTruncateOff, fyne.TextWrapBreak
	status := widget.NewLabel("")
	var action fyne.CanvasObject = widget.NewLabel("")
	switch {
	case x.Note != "":
		status.SetText(x.Note)
		status.Importance = widget.WarningImportance
	case len(x.Changes) == 0:
		status.SetText("与今天的统计相同")
		status.Importance = widget.SuccessImportance
	default:
		status.SetText(fmt.Sprintf("今天重新统计有 %d 项不同", len(x.Changes)))
		status.Importance = widget.DangerImportance
		b := widget.NewButtonWithIcon("查看变化", theme.VisibilityIcon(), func() {
			v.chosen = x.ID
			v.showChanges()
		})
		b.Importance = widget.LowImportance
		action = b
	}
	if x.ID == v.chosen && len(x.Changes) > 0 {
		title.Importance = widget.HighImportance
	}
	return container.NewVBox(title, made, files, container.NewBorder(nil, nil, nil, action, status))
}

// reportChangeWidths are the columns of a change: 项目, 报送时, 今天.
var reportChangeWidths = []float32{230, 130, 0}

// showChanges lays out the changes of the version chosen side by side — 项目, 报送时, 今天 — each followed by the
// records that made it (once for a run of figures moved by the same records).
func (v *reportVersions) showChanges() {
	v.detail.RemoveAll()
	var x *store.ReportVersion
	for i := range v.shown {
		if v.shown[i].ID == v.chosen {
			x = &v.shown[i]
		}
	}
	if x == nil || len(x.Changes) == 0 {
		return
	}
	v.detail.Add(boldLabel(fmt.Sprintf("第 %d 号与今天的统计相比(都截至%s)", x.ID, x.AsOf.Chinese())))
	cols := &reportColumns{widths: reportChangeWidths}
	v.detail.Add(container.New(cols, boldLabel("项目"), boldLabel("报送时"), boldLabel("今天")))
	for i, c := range x.Changes {
		was, now := c.Was, c.Now
		if was == "" && now == "" {
			was, now = "—", "有变化"
		}
		nowLabel := widget.NewLabel(now)
		nowLabel.Importance = widget.DangerImportance
		name := widget.NewLabel(c.Figure)
		name.Truncation = fyne.TextTruncateEllipsis
		v.detail.Add(container.New(cols, name, widget.NewLabel(was), nowLabel))
		if i+1 < len(x.Changes) && slices.Equal(x.Changes[i+1].Causes, c.Causes) {
			continue // the next figure moved for the same records: they are named once, under the last of them
		}
		for _, why := range c.Causes {
			l := widget.NewLabel("· " + why)
			// Break anywhere: a Chinese sentence is one "word", which word wrapping would not break.
			l.Wrapping = fyne.TextWrapBreak
			l.SizeName = theme.SizeNameCaptionText
			v.detail.Add(container.NewPadded(l))
		}
	}
}
