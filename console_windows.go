//go:build windows

package main

import (
	"log"
	"os"

	"golang.org/x/sys/windows"
)

// attachParentProcess is ATTACH_PARENT_PROCESS, (DWORD)-1: the console of the process that started us.
const attachParentProcess = ^uint32(0)

var procAttachConsole = windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")

// attachConsole lets `rendadesk.exe check …` typed in cmd.exe or PowerShell print there. The .exe is a
// GUI-subsystem program (no console window flashes up when the clerk double-clicks it), so Windows gives it
// no console: it joins the console of the program that started it, and standard output and error that are
// not already redirected (to a file or a pipe, which keep working as they are) are reopened on it.
// Started from Explorer there is no such console and nothing changes. Only the commands call it: a window
// attached to a console would be closed with that console.
func attachConsole() {
	if usableStdHandle(windows.STD_OUTPUT_HANDLE) && usableStdHandle(windows.STD_ERROR_HANDLE) {
		return
	}
	// ERROR_ACCESS_DENIED: we already have a console (Wine gives one to every program it starts from one).
	if r, _, err := procAttachConsole.Call(uintptr(attachParentProcess)); r == 0 && err != windows.ERROR_ACCESS_DENIED {
		return
	}
	out := reopenOnConsole(windows.STD_OUTPUT_HANDLE, &os.Stdout, "/dev/stdout")
	reopenOnConsole(windows.STD_ERROR_HANDLE, &os.Stderr, "/dev/stderr")
	log.SetOutput(os.Stderr) // the log package keeps the *os.File it started with
	if out {
		// The shell printed its next prompt when it started us (it does not wait for a GUI program):
		// begin on a line of our own rather than after the prompt.
		os.Stdout.WriteString("\r\n")
	}
}

// usableStdHandle tells whether a standard handle leads somewhere: a file, a pipe or a console.
func usableStdHandle(which uint32) bool {
	h, err := windows.GetStdHandle(which)
	if err != nil || h == 0 || h == windows.InvalidHandle {
		return false
	}
	t, err := windows.GetFileType(h)
	return err == nil && t != windows.FILE_TYPE_UNKNOWN
}

// reopenOnConsole points the standard handle which, and *f, at the console's output buffer (CONOUT$) when the
// handle leads nowhere; it reports whether it did. os.NewFile sees a console handle and writes UTF-16 with
// WriteConsoleW, so Chinese shows whatever the console's code page.
func reopenOnConsole(which uint32, f **os.File, name string) bool {
	if usableStdHandle(which) {
		return false
	}
	conout, err := windows.UTF16PtrFromString("CONOUT$")
	if err != nil {
		return false
	}
	h, err := windows.CreateFile(conout, windows.GENERIC_READ|windows.GENERIC_WRITE,
		windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return false
	}
	windows.SetStdHandle(which, h)
	*f = os.NewFile(uintptr(h), name)
	return true
}
