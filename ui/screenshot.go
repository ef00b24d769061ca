package ui

import (
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// The pictures are asked for with RENDADESK_SCREENSHOTS in a build with -tags shots (screenshot_shots.go),
// whose hook calls captureAll and quits; the clerk's build has no such hook (screenshot_off.go). What is here
// exits nothing, so the tests run it in the ordinary build.

// shotSettle is how long a tab is given to lay out and paint before it is captured.
const shotSettle = 400 * time.Millisecond

// captureAll shows each tab in turn (a record tab with its first row chosen, so the detail pane is filled;
// 报表 once its figures are in), writes dir/NN-<tab>.png, and finally one picture of the 代表 form opened by
// 新增. It must be called off the UI goroutine: it waits for each tab to paint, and touches the widgets through
// fyne.DoAndWait.
func (d *desk) captureAll(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("创建截图文件夹: %w", err)
	}
	var n int
	fyne.DoAndWait(func() { n = len(d.tabs.Items) })
	for i := 0; i < n; i++ {
		var name string
		fyne.DoAndWait(func() {
			d.tabs.SelectIndex(i)
			name = d.tabs.Items[i].Text
			if d.currentRecordTab() != nil {
				shotSelectFirst(d.tabs.Items[i].Content)
			}
		})
		d.report.waitIdle(10 * time.Second) // 报表 computes its figures off the UI goroutine when selected
		if err := d.shotSave(filepath.Join(dir, fmt.Sprintf("%02d-%s.png", i+1, name))); err != nil {
			return err
		}
	}
	fyne.DoAndWait(func() {
		for _, it := range d.tabs.Items {
			if d.tabContent(it) == d.deputies.content {
				d.tabs.Select(it)
			}
		}
		d.deputies.newRecord()
	})
	return d.shotSave(filepath.Join(dir, fmt.Sprintf("%02d-代表-新增.png", n+1)))
}

// shotSoftware paints a window without the graphics driver; set only in builds with -tags shots (see
// screenshot_shots.go).
var shotSoftware func(fyne.Window) image.Image

// shotSave waits for the window to paint, captures it and writes the PNG.
func (d *desk) shotSave(path string) error {
	time.Sleep(shotSettle)
	var err error
	fyne.DoAndWait(func() {
		img := d.win.Canvas().Capture()
		if shotBlank(img) && shotSoftware != nil {
			img = shotSoftware(d.win)
		}
		if shotBlank(img) {
			err = errors.New("窗口画面读回来是一片空白(Xvfb 等显卡驱动不支持)，请用 go build -tags shots 构建后再截图")
			return
		}
		var f *os.File
		if f, err = os.Create(path); err != nil {
			return
		}
		if err = png.Encode(f, img); err != nil {
			f.Close()
			return
		}
		err = f.Close()
	})
	if err != nil {
		return fmt.Errorf("保存截图 %s: %w", path, err)
	}
	return nil
}

// shotBlank reports whether img is missing or one flat colour: what a graphics driver that cannot read the
// window back returns. A real window always has text on it.
func shotBlank(img image.Image) bool {
	if img == nil {
		return true
	}
	b := img.Bounds()
	if b.Empty() {
		return true
	}
	first := img.At(b.Min.X, b.Min.Y)
	r0, g0, b0, a0 := first.RGBA()
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			if r, g, bl, a := img.At(x, y).RGBA(); r != r0 || g != g0 || bl != b0 || a != a0 {
				return false
			}
		}
	}
	return true
}

// shotSelectFirst chooses the first row of the first visible table or list under o (a record tab's list is
// the first one met: it is the leading side of the split) and reports whether it found one. It walks the
// containers a record tab is built of, so it needs no knowledge of each tab's fields.
func shotSelectFirst(o fyne.CanvasObject) bool {
	if o == nil || !o.Visible() {
		return false
	}
	switch x := o.(type) {
	case *widget.Table:
		if rows, cols := x.Length(); rows > 0 && cols > 0 {
			x.Select(widget.TableCellID{Row: 0, Col: 0})
			return true
		}
	case *widget.List:
		if x.Length() > 0 {
			x.Select(0)
			return true
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			if shotSelectFirst(c) {
				return true
			}
		}
	case *tabPage:
		return shotSelectFirst(x.content())
	case *container.Split:
		return shotSelectFirst(x.Leading) || shotSelectFirst(x.Trailing)
	case *container.Scroll:
		return shotSelectFirst(x.Content)
	case *container.AppTabs:
		if it := x.Selected(); it != nil {
			return shotSelectFirst(it.Content)
		}
	}
	return false
}
