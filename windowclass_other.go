//go:build !((linux || freebsd || netbsd || openbsd) && !wayland)

package main

// fixWindowClass is for X11 only (windowclass_x11.go): WM_CLASS is an X11 property, and Windows ties a
// window to its shortcut by the executable.
func fixWindowClass() {}
