package store

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// Lock takes the single-instance lock of the database at dbPath (SPEC §10: a second window on the same
// database is refused) and returns the function that releases it. When another process holds it, the error
// is ECONFLICT with a message for the clerk.
//
// Why an OS advisory lock on a file 「<db>.lock」 beside the database: the operating system drops the lock
// when the process ends however it ends, so a crash or a power cut never leaves a stale lock that a clerk
// would have to find and delete (a lock file that merely exists, or a PID written in it, would). On Unix it is
// flock(2) on the whole file, on Windows LockFileEx on its first byte; both conflict between two opens of the
// file even inside one process, so a window cannot open its own database twice either. SQLite's own locks are
// no substitute: they guard single transactions, and two windows would each work on a stale picture and
// overwrite the other's edits. The lock file itself is left in place (deleting it would race with a second
// process that has just opened it); it is empty and private.
func Lock(dbPath string) (release func(), err error) {
	// Every spelling of one file (a symbolic link to it or to its folder, ./x, ../d/x) must find the same
	// lock file, or a second window could open the file through another name.
	abs, err := RealPath(dbPath)
	if err != nil {
		return nil, fmt.Errorf("数据库路径 %s: %w", dbPath, err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return nil, fmt.Errorf("创建数据库文件夹: %w", err)
	}
	path := abs + ".lock"
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("无法创建锁文件 %s(数据库所在的文件夹可能是只读的): %w", path, err)
	}
	held, err := tryLock(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("无法锁定数据库 %s: %w", filepath.Base(abs), err)
	}
	if !held {
		f.Close()
		return nil, Errorf(ECONFLICT, "数据库 %s 已被另一个人大工作台窗口打开(或正被导入、导出等命令使用)。同一个数据库同时只能在一个窗口中使用，"+
			"以免两边的修改互相覆盖：请切换到已经打开的那个窗口(看看任务栏)，或者先关闭它再打开；没有别的窗口时，请等命令结束后再试。", abs)
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			unlock(f)
			f.Close()
		})
	}, nil
}

// RealPath returns the absolute path of the file at path with every symbolic link resolved: the file's own
// (a link to the database) when it exists, else its folder's. The lock and a restore act on the real file,
// so that a link is neither a way around the lock nor replaced by a restore instead of the file it names.
func RealPath(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real, nil
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(dir, filepath.Base(abs)), nil
	}
	return abs, nil
}
