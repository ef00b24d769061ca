//go:build shots

package ui

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"
)

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
