package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// settingsDisplay is the text size (字号) and the theme (主题); a choice takes effect at once.
type settingsDisplay struct {
	t       *settingsTab
	size    *widget.RadioGroup
	theme   *widget.RadioGroup
	msg     *widget.Label
	loading bool
	content fyne.CanvasObject
}

func newSettingsDisplay(t *settingsTab) *settingsDisplay {
	x := &settingsDisplay{t: t}
	x.size = widget.NewRadioGroup(store.TextSizes, func(v string) {
		x.save(func(s *store.Settings) bool { return change(&s.TextSize, v) })
	})
	x.size.Required = true
	x.theme = widget.NewRadioGroup(store.Themes, func(v string) {
		x.save(func(s *store.Settings) bool { return change(&s.Theme, v) })
	})
	x.theme.Required = true
	x.msg = widget.NewLabel("")
	x.msg.Importance = widget.DangerImportance
	x.msg.Hide()
	note := widget.NewLabel("选择后立即生效，所有窗口和对话框的文字都会随之放大。")
	note.Wrapping = fyne.TextWrapWord
	themeNote := widget.NewLabel("默认浅色。选「跟随系统」时，电脑设为深色模式则本程序也用深色。")
	themeNote.Wrapping = fyne.TextWrapWord
	x.content = container.NewVScroll(container.NewVBox(
		boldLabel("字号"), x.size, note, widget.NewSeparator(),
		boldLabel("主题"), x.theme, themeNote, x.msg))
	return x
}

// change sets *field to v when v is a choice (not the empty selection) and differs, and says whether it did.
func change(field *string, v string) bool {
	if v == "" || *field == v {
		return false
	}
	*field = v
	return true
}

func (x *settingsDisplay) load() {
	s, err := x.t.d.db.Settings(x.t.d.ctx)
	if err != nil {
		logError("显示: 读取字号和主题", err) // applySettings has shown it
		return
	}
	x.loading = true
	if x.size.Selected != s.TextSize {
		x.size.SetSelected(s.TextSize)
	}
	if x.theme.Selected != s.Theme {
		x.theme.SetSelected(s.Theme)
	}
	x.loading = false
}

// save stores a changed choice and applies the theme at once.
func (x *settingsDisplay) save(edit func(*store.Settings) bool) {
	if x.loading {
		return
	}
	db, ctx := x.t.d.db, x.t.d.ctx
	s, err := db.Settings(ctx)
	if err == nil && !edit(&s) {
		return
	}
	if err == nil {
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
