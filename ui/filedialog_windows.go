//go:build windows

package ui

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"unicode/utf16"
	"unsafe"

	"fyne.io/fyne/v2"
)

// The system's own file dialogs on Windows: GetOpenFileNameW and GetSaveFileNameW (shown as the Explorer
// dialog on Windows 10 and 11) for files, IFileOpenDialog with FOS_PICKFOLDERS for folders. Called with the
// standard syscall package: github.com/sqweek/dialog wraps the same calls but gives the dialog no owner
// window (so it is not modal and can fall behind ours) and no default extension (so Windows' overwrite
// question would be about 「名册」, not the 「名册.xlsx」 we then write).

var (
	comdlg32                 = syscall.NewLazyDLL("comdlg32.dll")
	procGetOpenFileNameW     = comdlg32.NewProc("GetOpenFileNameW")
	procGetSaveFileNameW     = comdlg32.NewProc("GetSaveFileNameW")
	procCommDlgExtendedError = comdlg32.NewProc("CommDlgExtendedError")

	ole32                = syscall.NewLazyDLL("ole32.dll")
	procCoInitializeEx   = ole32.NewProc("CoInitializeEx")
	procCoUninitialize   = ole32.NewProc("CoUninitialize")
	procCoCreateInstance = ole32.NewProc("CoCreateInstance")
	procCoTaskMemFree    = ole32.NewProc("CoTaskMemFree")

	shell32                         = syscall.NewLazyDLL("shell32.dll")
	procSHCreateItemFromParsingName = shell32.NewProc("SHCreateItemFromParsingName")
)

// openFileName is OPENFILENAMEW.
type openFileName struct {
	structSize    uint32
	owner         uintptr
	instance      uintptr
	filter        *uint16
	customFilter  *uint16
	maxCustFilter uint32
	filterIndex   uint32
	file          *uint16
	maxFile       uint32
	fileTitle     *uint16
	maxFileTitle  uint32
	initialDir    *uint16
	title         *uint16
	flags         uint32
	fileOffset    uint16
	fileExtension uint16
	defExt        *uint16
	custData      uintptr
	hook          uintptr
	templateName  *uint16
	reserved      uintptr
	reserved2     uint32
	flagsEx       uint32
}

const (
	ofnOverwritePrompt = 0x00000002
	ofnHideReadOnly    = 0x00000004
	ofnNoChangeDir     = 0x00000008
	ofnPathMustExist   = 0x00000800
	ofnFileMustExist   = 0x00001000
	ofnExplorer        = 0x00080000

	fosNoChangeDir      = 0x00000008
	fosPickFolders      = 0x00000020
	fosForceFileSystem  = 0x00000040
	fosPathMustExist    = 0x00000800
	sigdnFileSysPath    = 0x80058000
	coinitApartment     = 0x2
	clsctxInprocServer  = 0x1
	hresultCancelled    = 0x800704C7 // HRESULT_FROM_WIN32(ERROR_CANCELLED)
	rpcEChangedMode     = 0x80010106
	maxPathChars        = 32768
	vtblRelease         = 2
	vtblShow            = 3
	vtblSetOptions      = 9
	vtblGetOptions      = 10
	vtblSetFolder       = 12
	vtblSetTitle        = 17
	vtblGetResult       = 20
	vtblGetDisplayName  = 5 // IShellItem
	vtblFileDialogCount = 27
)

var (
	clsidFileOpenDialog = syscall.GUID{Data1: 0xDC1C5A9C, Data2: 0xE88A, Data3: 0x4DDE, Data4: [8]byte{0xA5, 0xA1, 0x60, 0xF8, 0x2A, 0x20, 0xAE, 0xF7}}
	iidFileOpenDialog   = syscall.GUID{Data1: 0xD57C7288, Data2: 0xD4AD, Data3: 0x4768, Data4: [8]byte{0xBE, 0x02, 0x9D, 0x96, 0x95, 0x32, 0xD9, 0x60}}
	iidShellItem        = syscall.GUID{Data1: 0x43826D1E, Data2: 0xE718, Data3: 0x42EE, Data4: [8]byte{0xBC, 0x55, 0xA1, 0xE2, 0x61, 0xC3, 0x7B, 0xFE}}
)

// comObject is a COM interface pointer: a pointer to its table of methods.
type comObject struct{ vtbl *[vtblFileDialogCount]uintptr }

// call calls method i of o with the arguments after o itself.
func (o *comObject) call(i int, args ...uintptr) uintptr {
	r, _, _ := syscall.SyscallN(o.vtbl[i], append([]uintptr{uintptr(unsafe.Pointer(o))}, args...)...)
	return r
}

func (o *comObject) release() { o.call(vtblRelease) }

// chooseFile shows the system's dialog for req, owned by win (so it stays above the window and the window
// waits for it), and calls done with the chosen path, or "" when the clerk cancels. The dialog runs on a
// thread of its own, so the window goes on drawing meanwhile; done runs on the UI goroutine.
func chooseFile(win fyne.Window, req fileRequest, done func(path string)) {
	owner := nativeOwner(win)
	go func() {
		runtime.LockOSThread() // COM and the dialog's messages belong to this thread
		defer runtime.UnlockOSThread()
		var path string
		var err error
		if req.mode == pickFolder {
			path, err = nativeFolder(owner, req)
		} else {
			path, err = nativeFile(owner, req)
		}
		fyne.Do(func() {
			if err != nil {
				fyne.LogError("系统文件对话框", err)
				// The system's dialog failed to open (a policy, a broken shell extension): our own does the job.
				showFileChooser(win, req, done)
				return
			}
			if path == "" || req.mode != saveFile {
				done(path)
				return
			}
			// Windows added the extension and asked before replacing that file. A name typed with another
			// extension (「报告.2024」) gets ours after it, and that file is asked about here, in Chinese.
			ext := ""
			if len(req.exts) > 0 {
				ext = req.exts[0]
			}
			if withExt(path, ext) == path {
				done(path)
				return
			}
			confirmSavePath(win, path, ext, done)
		})
	}()
}

// utf16Ptr is the NUL-terminated UTF-16 form of s ("" → nil).
func utf16Ptr(s string) *uint16 {
	if s == "" {
		return nil
	}
	p, err := syscall.UTF16PtrFromString(s)
	if err != nil {
		return nil // s holds a NUL: leave the field empty rather than pass half of it
	}
	return p
}

// fileFilter is the filter list of GetOpenFileNameW: 「Excel 工作簿 (*.xlsx)\0*.xlsx\0\0」.
func fileFilter(req fileRequest) []uint16 {
	if len(req.exts) == 0 {
		return nil
	}
	pats := make([]string, len(req.exts))
	for i, e := range req.exts {
		pats[i] = "*" + e
	}
	s := req.typeLine() + "\x00" + strings.Join(pats, ";") + "\x00"
	if req.mode == openFile {
		s += "所有文件 (*.*)\x00*.*\x00"
	}
	// The list holds NULs between its parts, which syscall.StringToUTF16 refuses (it panics).
	return utf16.Encode([]rune(s + "\x00"))
}

// nativeFile shows the Open or Save As dialog; "" and no error when the clerk cancels.
func nativeFile(owner uintptr, req fileRequest) (string, error) {
	buf := make([]uint16, maxPathChars)
	if req.mode == saveFile {
		copy(buf[:maxPathChars-1], utf16.Encode([]rune(strings.ReplaceAll(req.name, "\x00", ""))))
	}
	filter := fileFilter(req)
	ofn := openFileName{
		owner:      owner,
		file:       &buf[0],
		maxFile:    uint32(len(buf)),
		initialDir: utf16Ptr(req.dir),
		title:      utf16Ptr(req.title),
		flags:      ofnExplorer | ofnNoChangeDir | ofnPathMustExist | ofnHideReadOnly,
	}
	ofn.structSize = uint32(unsafe.Sizeof(ofn))
	if filter != nil {
		ofn.filter = &filter[0]
		ofn.filterIndex = 1
	}
	proc := procGetOpenFileNameW
	if req.mode == saveFile {
		proc = procGetSaveFileNameW
		ofn.flags |= ofnOverwritePrompt
		if len(req.exts) > 0 {
			// Windows adds it to a name typed without one, before it asks about replacing the file.
			ofn.defExt = utf16Ptr(strings.TrimPrefix(req.exts[0], "."))
		}
	} else {
		ofn.flags |= ofnFileMustExist
	}
	r, _, _ := proc.Call(uintptr(unsafe.Pointer(&ofn)))
	runtime.KeepAlive(filter)
	if r == 0 {
		code, _, _ := procCommDlgExtendedError.Call()
		if code == 0 {
			return "", nil // cancelled
		}
		return "", fmt.Errorf("CommDlgExtendedError %#x", code)
	}
	return syscall.UTF16ToString(buf), nil
}

// nativeFolder shows the Explorer dialog choosing a folder; "" and no error when the clerk cancels.
func nativeFolder(owner uintptr, req fileRequest) (string, error) {
	hr, _, _ := procCoInitializeEx.Call(0, coinitApartment)
	switch uint32(hr) {
	case 0, 1: // S_OK, S_FALSE: ours to undo
		defer procCoUninitialize.Call()
	case rpcEChangedMode: // initialised otherwise on this thread: usable as it is
	default:
		return "", fmt.Errorf("CoInitializeEx %#x", uint32(hr))
	}
	var dlg *comObject
	hr, _, _ = procCoCreateInstance.Call(uintptr(unsafe.Pointer(&clsidFileOpenDialog)), 0, clsctxInprocServer,
		uintptr(unsafe.Pointer(&iidFileOpenDialog)), uintptr(unsafe.Pointer(&dlg)))
	if hr != 0 || dlg == nil {
		return "", fmt.Errorf("CoCreateInstance(FileOpenDialog) %#x", uint32(hr))
	}
	defer dlg.release()
	var opts uint32
	dlg.call(vtblGetOptions, uintptr(unsafe.Pointer(&opts)))
	dlg.call(vtblSetOptions, uintptr(opts|fosPickFolders|fosForceFileSystem|fosPathMustExist|fosNoChangeDir))
	if t := utf16Ptr(req.title); t != nil {
		dlg.call(vtblSetTitle, uintptr(unsafe.Pointer(t)))
	}
	if d := utf16Ptr(filepath.Clean(req.dir)); req.dir != "" && d != nil {
		var item *comObject
		r, _, _ := procSHCreateItemFromParsingName.Call(uintptr(unsafe.Pointer(d)), 0,
			uintptr(unsafe.Pointer(&iidShellItem)), uintptr(unsafe.Pointer(&item)))
		if r == 0 && item != nil {
			dlg.call(vtblSetFolder, uintptr(unsafe.Pointer(item)))
			item.release()
		}
	}
	hr = dlg.call(vtblShow, owner)
	if uint32(hr) == hresultCancelled {
		return "", nil
	}
	if hr != 0 {
		return "", fmt.Errorf("IFileOpenDialog.Show %#x", uint32(hr))
	}
	var item *comObject
	if hr = dlg.call(vtblGetResult, uintptr(unsafe.Pointer(&item))); hr != 0 || item == nil {
		return "", fmt.Errorf("IFileOpenDialog.GetResult %#x", uint32(hr))
	}
	defer item.release()
	var name *uint16
	if hr = item.call(vtblGetDisplayName, sigdnFileSysPath, uintptr(unsafe.Pointer(&name))); hr != 0 || name == nil {
		return "", fmt.Errorf("IShellItem.GetDisplayName %#x", uint32(hr))
	}
	defer procCoTaskMemFree.Call(uintptr(unsafe.Pointer(name)))
	return utf16At(name), nil
}

// utf16At reads the NUL-terminated UTF-16 string the system handed back at p.
func utf16At(p *uint16) string {
	var s []uint16
	for ptr := unsafe.Pointer(p); ; ptr = unsafe.Add(ptr, 2) {
		c := *(*uint16)(ptr)
		if c == 0 {
			break
		}
		s = append(s, c)
	}
	return syscall.UTF16ToString(s)
}
