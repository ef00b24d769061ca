//go:build !bench

package ui

import "fyne.io/fyne/v2"

// BenchHook does nothing in the clerk's build: the measuring modes of `make bench`, which quit the program and
// exit with a status, are built only with -tags bench (benchhook.go).
func BenchHook(fyne.App) {}
