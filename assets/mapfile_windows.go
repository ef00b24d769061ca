package assets

import (
	"os"
	"syscall"
	"unsafe"
)

// mapFile maps the file at path into memory and returns its bytes and what unmaps them, or nil when it cannot.
// The view is copy on write (FILE_MAP_COPY): a reader that writes into the bytes changes its own copy of a
// page, never the file. See mapfile_unix.go for why.
func mapFile(path string) ([]byte, func()) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil
	}
	defer f.Close() // the view outlives the file's handle and the mapping's
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Size() <= 0 || fi.Size() > 1<<30 {
		return nil, nil
	}
	h, err := syscall.CreateFileMapping(syscall.Handle(f.Fd()), nil, syscall.PAGE_WRITECOPY, 0, 0, nil)
	if err != nil {
		return nil, nil
	}
	addr, err := syscall.MapViewOfFile(h, syscall.FILE_MAP_COPY, 0, 0, uintptr(fi.Size()))
	syscall.CloseHandle(h)
	if err != nil || addr == 0 {
		return nil, nil
	}
	// addr is the view's address, outside Go's heap: read through a pointer-typed copy (go vet's unsafeptr).
	b := unsafe.Slice((*byte)(*(*unsafe.Pointer)(unsafe.Pointer(&addr))), fi.Size())
	return b, func() { syscall.UnmapViewOfFile(addr) }
}
