//go:build shots

package ui

import (
	"fmt"
	"image"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"
)

// screenshotDir, from RENDADESK_SCREENSHOTS, asks the window to photograph each tab into that folder and quit:
// how the pictures in the documentation and the reviews of the UI are made on a machine without a display
// (under Xvfb).
var screenshotDir = os.Getenv("RENDADESK_SCREENSHOTS")

// maybeCaptureAndQuit, when RENDADESK_SCREENSHOTS is set, captures every tab once the window is up and then
// quits the application; when a picture cannot be taken it says why and exits with status 1, so that a script
// notices.
func (d *desk) maybeCaptureAndQuit() {
	if screenshotDir == "" {
		return
	}
	go func() {
		time.Sleep(1500 * time.Millisecond) // let the window appear and draw first
		if err := d.captureAll(screenshotDir); err != nil {
			fmt.Fprintln(os.Stderr, "截图失败:", err)
			os.Exit(1) // nothing was written to the database
		}
		fmt.Fprintln(os.Stderr, "截图已保存到", screenshotDir)
		fyne.Do(d.app.Quit)
	}()
}

// Built with -tags shots, the screenshot mode can paint the window in software when the graphics driver cannot
// read the window back (Xvfb gives black pictures). It is a build tag because Fyne's software painter comes
// with Fyne's test package, which the program the clerk runs has no use for.
func init() { shotSoftware = shotPaintSoftware }

// shotPaintSoftware lends the window's content to an in-memory canvas of the same size and scale, paints it
// there, and gives it back. Dialogs on top of the window are not painted.
func shotPaintSoftware(w fyne.Window) image.Image {
	content := w.Content()
	c := software.NewCanvas()
	c.SetPadded(w.Padded())
	c.SetScale(w.Canvas().Scale())
	c.Resize(w.Canvas().Size())
	c.SetContent(content)
	img := c.Capture()
	w.SetContent(content)
	return img
}
