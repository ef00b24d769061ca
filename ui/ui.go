// Package ui is the Fyne window of 人大工作台: theme, first-run dialog and the tabs. It calls store for data
// and holds no business rule that the command line also needs.
package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// Create builds the main window on db (opened from path). When opening failed (openErr), the window says so
// in Chinese instead of crashing.
func Create(a fyne.App, db *store.DB, path string, openErr error) fyne.Window {
	a.SetIcon(appIcon)
	w := a.NewWindow("人大工作台")
	w.Resize(fyne.NewSize(1100, 720))
	if openErr != nil {
		a.Settings().SetTheme(newTheme(""))
		msg := widget.NewLabel(fmt.Sprintf("无法打开数据库文件：\n%s\n\n%s", path, store.ErrorMessage(openErr)))
		msg.Wrapping = fyne.TextWrapWord
		w.SetContent(container.NewPadded(msg))
		return w
	}
	d := &desk{app: a, win: w, db: db}
	d.applySettings()
	d.overview = newOverview(db)
	w.SetContent(d.overview.content)
	d.overview.refresh()
	s, err := db.Settings(context.Background())
	if err == nil && !s.Initialized {
		// Shown once the window is up, so the dialog is centred on it.
		go fyne.Do(func() { d.firstRun() })
	}
	return w
}

// desk holds the window's parts.
type desk struct {
	app      fyne.App
	win      fyne.Window
	db       *store.DB
	overview *overview
}

// applySettings sets the title and the theme from the office settings.
func (d *desk) applySettings() {
	s, err := d.db.Settings(context.Background())
	if err != nil {
		dialog.ShowError(err, d.win)
		return
	}
	title := "人大工作台"
	if s.OfficeName != "" {
		title += " — " + s.OfficeName
	}
	d.win.SetTitle(title)
	d.app.Settings().SetTheme(newTheme(s.TextSize))
}

// firstRun asks for the office name and the upper congress, then offers demo data or a blank start.
func (d *desk) firstRun() {
	office := widget.NewEntry()
	office.SetPlaceHolder("例如：青山镇人大主席团")
	upper := widget.NewEntry()
	upper.SetPlaceHolder("例如：青川县人大常委会")
	choice := widget.NewRadioGroup([]string{"载入示例数据", "空白开始"}, nil)
	choice.SetSelected("载入示例数据")
	note := widget.NewLabel("示例数据是一个虚构乡镇三年的代表、联络站、建议和会议，便于先熟悉软件；正式使用请选择空白开始。")
	note.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{
		widget.NewFormItem("单位名称", office),
		widget.NewFormItem("上级人大", upper),
		widget.NewFormItem("开始方式", choice),
		widget.NewFormItem("", note),
	}
	dlg := dialog.NewForm("欢迎使用人大工作台", "开始", "稍后再说", items, func(ok bool) {
		if !ok {
			return
		}
		d.startWith(strings.TrimSpace(office.Text), strings.TrimSpace(upper.Text), choice.Selected == "载入示例数据")
	}, d.win)
	dlg.Resize(fyne.NewSize(560, 360))
	dlg.Show()
}

// startWith saves the office names and, when asked, loads the township demo off the UI goroutine.
func (d *desk) startWith(office, upper string, demo bool) {
	ctx := context.Background()
	save := func() error {
		s, err := d.db.Settings(ctx)
		if err != nil {
			return err
		}
		if office != "" {
			s.OfficeName = office
		}
		if upper != "" {
			s.UpperCongress = upper
		}
		if s.OfficeName == "" {
			s.OfficeName = "本镇人大主席团"
		}
		s.Initialized = true
		return d.db.SaveSettings(ctx, s)
	}
	if !demo {
		if err := save(); err != nil {
			dialog.ShowError(err, d.win)
		}
		d.applySettings()
		d.overview.refresh()
		return
	}
	bar := widget.NewProgressBar()
	prog := dialog.NewCustomWithoutButtons("正在生成示例数据…", bar, d.win)
	prog.Resize(fyne.NewSize(400, 100))
	prog.Show()
	go func() {
		_, err := d.db.GenerateDemo(ctx, store.DemoOptions{Scale: "township", Seed: 1, Progress: func(done, total int) {
			fyne.Do(func() { bar.SetValue(float64(done) / float64(total)) })
		}})
		if err == nil {
			err = save()
		}
		fyne.Do(func() {
			prog.Hide()
			if err != nil {
				dialog.ShowError(fmt.Errorf("生成示例数据: %s", store.ErrorMessage(err)), d.win)
			}
			d.applySettings()
			d.overview.refresh()
		})
	}()
}
