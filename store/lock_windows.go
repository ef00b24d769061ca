//go:build windows

package store

import (
	"os"
	"syscall"
	"unsafe"
)

// LockFileEx and UnlockFileEx from kernel32 (a system DLL Windows always loads from its own folder), called
// through the standard syscall package so that the store needs no module beyond the driver.
var (
	kernel32         = syscall.NewLazyDLL("kernel32.dll")
	procLockFileEx   = kernel32.NewProc("LockFileEx")
	procUnlockFileEx = kernel32.NewProc("UnlockFileEx")
)

const (
	lockfileFailImmediately = 0x1
	lockfileExclusiveLock   = 0x2
	errorLockViolation      = syscall.Errno(33)  // ERROR_LOCK_VIOLATION
	errorIOPending          = syscall.Errno(997) // ERROR_IO_PENDING
)

// tryLock takes an exclusive lock on the first byte of f without waiting; false means another handle holds it.
// Windows releases it when the handle is closed, also when the process dies.
func tryLock(f *os.File) (bool, error) {
	var ol syscall.Overlapped
	r, _, err := procLockFileEx.Call(f.Fd(), lockfileExclusiveLock|lockfileFailImmediately, 0, 1, 0, uintptr(unsafe.Pointer(&ol)))
	if r != 0 {
		return true, nil
	}
	if err == errorLockViolation || err == errorIOPending {
		return false, nil
	}
	return false, err
}

// unlock releases the lock at once: Microsoft documents that a lock left to the closing of its handle may
// linger for a while.
func unlock(f *os.File) {
	var ol syscall.Overlapped
	procUnlockFileEx.Call(f.Fd(), 0, 1, 0, uintptr(unsafe.Pointer(&ol)))
}
