package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// settingsDisplay is the text size (字号); a choice takes effect at once.
type settingsDisplay struct {
	t       *settingsTab
	size    *widget.RadioGroup
	msg     *widget.Label
	loading bool
	content fyne.CanvasObject
}

func newSettingsDisplay(t *settingsTab) *settingsDisplay {
	x := &settingsDisplay{t: t}
	x.size = widget.NewRadioGroup(store.TextSizes, x.save)
	x.size.Required = true
	x.msg = widget.NewLabel("")
	x.msg.Importance = widget.DangerImportance
	x.msg.Hide()
	head := boldLabel("字号")
	note := widget.NewLabel("选择后立即生效，所有窗口和对话框的文字都会随之放大。")
	note.Wrapping = fyne.TextWrapWord
	x.content = container.NewVScroll(container.NewVBox(head, x.size, note, x.msg))
	return x
}

func (x *settingsDisplay) load() {
	s, err := x.t.d.db.Settings(x.t.d.ctx)
	if err != nil {
		logError("显示: 读取字号", err) // applySettings has shown it
		return
	}
	if x.size.Selected == s.TextSize {
		return
	}
	x.loading = true
	x.size.SetSelected(s.TextSize)
	x.loading = false
}

// save stores the chosen size and applies the theme at once.
func (x *settingsDisplay) save(size string) {
	if x.loading || size == "" {
		return
	}
	db, ctx := x.t.d.db, x.t.d.ctx
	s, err := db.Settings(ctx)
	if err == nil && s.TextSize == size {
		return
	}
	if err == nil {
		s.TextSize = size
		err = db.SaveSettings(ctx, s)
	}
	if err != nil {
		x.msg.SetText(store.ErrorMessage(err))
		x.msg.Show()
		return
	}
	x.msg.Hide()
	x.t.d.applySettings()
}
