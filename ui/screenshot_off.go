//go:build !shots

package ui

// maybeCaptureAndQuit does nothing in the clerk's build: the screenshot mode, which quits the program and exits
// with a status, is built only with -tags shots (screenshot_shots.go).
func (d *desk) maybeCaptureAndQuit() {}
