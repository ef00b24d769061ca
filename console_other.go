//go:build !windows

package main

// attachConsole is needed on Windows only (console_windows.go): elsewhere a program started from a terminal
// writes to it.
func attachConsole() {}
