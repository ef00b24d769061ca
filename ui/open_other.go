//go:build !windows

package ui

// openNative is for Windows (open_windows.go); elsewhere openLocal hands the desktop a file:// URL, which
// Linux file managers and viewers take as it is.
func openNative(string) bool { return false }
