//go:build windows

package ui

import (
	"fmt"
	"path/filepath"
	"syscall"
	"unsafe"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

// printerHint says in the print dialog what 打印 does here.
const printerHint = "「打印」请电脑上的 PDF 阅读器把文件送到默认打印机；阅读器不支持直接打印时(如 Edge)会打开文件，再按 Ctrl+P 打印。「另存为PDF」保存文件，可拷到别的电脑打印。"

var procShellExecuteW = syscall.NewLazyDLL("shell32.dll").NewProc("ShellExecuteW")

// ShellExecuteW's answers at or below 32 are errors; these two mean no program prints this kind of file.
const (
	seErrNoAssoc       = 31
	errorNoAssociation = 1155
)

// nativeOwner is the handle of win, for the windows the system opens on its behalf.
func nativeOwner(win fyne.Window) uintptr {
	var owner uintptr
	if nw, ok := win.(driver.NativeWindow); ok {
		nw.RunNative(func(ctx any) {
			if w, ok := ctx.(driver.WindowsWindowContext); ok {
				owner = w.HWND
			}
		})
	}
	return owner
}

// sendToPrinter asks the program registered for PDF files to print the file at path on the default printer
// (the shell's "print" verb), once per copy. sent is false with no error when no program registered that verb
// (Edge, the default reader of Windows 10 and 11, does not), so the caller opens the file instead.
func sendToPrinter(owner uintptr, path, _ string, copies int) (job string, sent bool, err error) {
	verb, _ := syscall.UTF16PtrFromString("print")
	file, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		return "", false, err
	}
	dir, _ := syscall.UTF16PtrFromString(filepath.Dir(path))
	for i := 0; i < copies; i++ {
		r, _, _ := procShellExecuteW.Call(owner, uintptr(unsafe.Pointer(verb)), uintptr(unsafe.Pointer(file)), 0,
			uintptr(unsafe.Pointer(dir)), 0 /* SW_HIDE */)
		switch {
		case r > 32:
		case r == seErrNoAssoc || r == errorNoAssociation:
			return "", false, nil
		default:
			return "", false, fmt.Errorf("ShellExecute print %d", r)
		}
	}
	return "", true, nil
}
