//go:build windows

package display

import (
	"os"
	"syscall"
	"unsafe"
)

var stderr = os.Stderr

// MessageBoxW from user32 (a system DLL Windows loads from its own folder), through the standard syscall
// package: no module beyond the standard library for one call.
var procMessageBoxW = syscall.NewLazyDLL("user32.dll").NewProc("MessageBoxW")

const (
	mbOK        = 0x00000000
	mbIconError = 0x00000010
	mbTopmost   = 0x00040000
)

// messageBox shows text in a system message box with an OK button and waits for it to be closed.
func messageBox(title, text string) {
	t, err1 := syscall.UTF16PtrFromString(title)
	m, err2 := syscall.UTF16PtrFromString(text)
	if err1 != nil || err2 != nil || procMessageBoxW.Find() != nil {
		return
	}
	procMessageBoxW.Call(0, uintptr(unsafe.Pointer(m)), uintptr(unsafe.Pointer(t)), mbOK|mbIconError|mbTopmost)
}
