//go:build !windows

package ui

import "fyne.io/fyne/v2"

// chooseFile shows the file dialog req describes over win and calls done with the chosen path, or "" when
// the clerk cancels. Here that is our Fyne chooser: the system's dialog on Linux is GTK's, which a Fyne
// program would have to link in (cgo, and a second toolkit in the window's process).
func chooseFile(win fyne.Window, req fileRequest, done func(path string)) {
	showFileChooser(win, req, done)
}
