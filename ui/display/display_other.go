//go:build !windows

package display

import "os"

var stderr = os.Stderr

// messageBox does nothing where a program is started from a terminal or a desktop launcher that shows its
// standard error; Linux desktops have no message box without a display anyway.
func messageBox(title, text string) {}
