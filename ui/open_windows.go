//go:build windows

package ui

import (
	"path/filepath"
	"runtime"

	"fyne.io/fyne/v2"
	"golang.org/x/sys/windows"
)

// openNative opens a file in the program Windows associates with it (a .xlsx in WPS or Excel, a .pdf in the
// PDF reader) or a folder in Explorer, and reports whether that worked. It hands Windows the native path
// (C:\Users\Public\代表名册.xlsx): a file:// URL carries the Chinese name percent-encoded, and not every
// program decodes it.
func openNative(path string) bool {
	err := shellExecute("open", path)
	if err != nil {
		fyne.LogError("ShellExecute open "+filepath.FromSlash(path), err)
	}
	return err == nil
}

// shellExecute asks the Windows shell to apply verb ("open", "print" …) to the file or folder at path, as
// Explorer does for a double-click or a context-menu entry.
func shellExecute(verb, path string) error {
	v, err := windows.UTF16PtrFromString(verb)
	if err != nil {
		return err
	}
	p, err := windows.UTF16PtrFromString(filepath.FromSlash(path))
	if err != nil {
		return err
	}
	done := make(chan error, 1)
	// The shell may hand the file to an extension through COM, which wants a single-threaded apartment on
	// the calling thread: a thread of its own keeps that away from Fyne's main thread.
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		if err := windows.CoInitializeEx(0, windows.COINIT_APARTMENTTHREADED|windows.COINIT_DISABLE_OLE1DDE); err == nil {
			defer windows.CoUninitialize()
		}
		done <- windows.ShellExecute(0, v, p, nil, nil, windows.SW_SHOWNORMAL)
	}()
	return <-done
}
