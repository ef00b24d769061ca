package store

import (
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"strings"
	"syscall"
)

// Error codes, after the habit of benbjohnson/wtf: the caller branches on the code and shows the message.
const (
	EINVALID  = "invalid"  // bad input; the message names the field
	ENOTFOUND = "notfound" // the record does not exist
	ECONFLICT = "conflict" // a duplicate, or a record still in use
	ESTATE    = "state"    // a workflow step that is not legal in the item's current state
	ECORRUPT  = "corrupt"  // a damaged file
	ESCHEMA   = "schema"   // a foreign file, or a schema newer than this program
)

// Error is an error whose Message is fit to show the clerk (Chinese, naming the field or record).
type Error struct {
	Code    string
	Field   string // the Chinese field label, when the error is about one field
	Message string
}

// Error returns the message.
func (e *Error) Error() string { return e.Message }

// FieldErrors is every problem a record's check found, one per field, in the order of the record's fields. It
// reads as its first error (a command line shows one line), and errors.As finds that first *Error in it; a
// form shows each under its field (ErrorsOf).
type FieldErrors []*Error

// Error returns the first message.
func (fe FieldErrors) Error() string {
	if len(fe) == 0 {
		return ""
	}
	return fe[0].Message
}

// Unwrap returns the errors, so that errors.As and ErrorCode see the first.
func (fe FieldErrors) Unwrap() []error {
	out := make([]error, len(fe))
	for i, e := range fe {
		out[i] = e
	}
	return out
}

// ErrorsOf returns the problems err reports: every one of a FieldErrors in its chain, else the *Error in its
// chain, else nil (an error that is not about the record's fields: a full disk, a damaged file …).
func ErrorsOf(err error) []*Error {
	var fe FieldErrors
	if errors.As(err, &fe) {
		return fe
	}
	var e *Error
	if errors.As(err, &e) {
		return []*Error{e}
	}
	return nil
}

// validator is a record whose rules run on a checker: its Validate is check's errors.
type validator interface{ check(c *checker) }

// Required returns the labels of the fields v cannot be saved without, as its own rules say, filled in v or
// not: the fields ＊ marks on its form. Fields that only some choices require (选民姓名 for a 选民意见建议,
// 人代会 for 人代会期间, 出缺原因 for 出缺) follow those choices in v. The rules may tidy v.
func Required(v validator) []string {
	var c checker
	v.check(&c)
	return c.requiredFields()
}

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// fieldErr is a validation error naming a field: the message begins with the field's label.
func fieldErr(field, format string, args ...any) *Error {
	return &Error{Code: EINVALID, Field: field, Message: field + fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of an *Error in err's chain, or "" for other errors.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

// ErrorMessage returns the message to show the clerk. A cause from the operating system or SQLite inside it
// (a full disk, a folder without write permission, a damaged file, a file another program holds) is said in
// Chinese first with the original after it: 「写入 名册.xlsx 失败: 磁盘空间不足(no space left on device)」. The
// window and the command line both show errors through it.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	msg := err.Error()
	var e *Error
	if errors.As(err, &e) {
		msg = e.Message
	}
	return explainCause(err, msg)
}

// osCause is a failure of the operating system or SQLite the clerk can act on, by its Chinese name and the
// texts it shows up as: Go's and SQLite's English, and Windows' messages in English (a Chinese Windows
// already words them in Chinese, and its error numbers are matched in causeOf).
type osCause struct {
	chinese string
	texts   []string // lower case
	said    []string // Chinese words that mean a message says it already
}

var (
	causeDiskFull = osCause{"磁盘空间不足", []string{"no space left on device", "database or disk is full", "disk quota exceeded",
		"there is not enough space on the disk", "file too large"}, []string{"空间不足", "磁盘已满"}}
	causeNoWrite = osCause{"没有写入权限", []string{"permission denied", "read-only file system", "attempt to write a readonly database",
		"access is denied", "operation not permitted"}, []string{"没有写入权限", "没有权限"}}
	causeDamaged = osCause{"文件已损坏", []string{"database disk image is malformed", "file is not a database", "malformed database schema"}, []string{"已损坏"}}
	causeInUse   = osCause{"文件正被其他程序使用", []string{"database is locked", "database table is locked",
		"the process cannot access the file because it is being used by another process",
		"the process cannot access the file because another process has locked a portion of the file", "text file busy"}, []string{"其他程序使用", "正在使用"}}
	causeDiskIO = osCause{"读写磁盘出错(U盘是否已拔出？)", []string{"disk i/o error", "input/output error", "device not configured",
		"the device is not ready", "no such device"}, []string{"读写磁盘出错"}}
	osCauses = []osCause{causeDiskFull, causeNoWrite, causeDamaged, causeInUse, causeDiskIO}
)

// explainCause puts the Chinese name of the system's cause before its original words in msg: the first
// known cause found by its error number in err's chain, or else by its text in msg. A message that already
// says it in Chinese is left as it is.
func explainCause(err error, msg string) string {
	c, ok := causeOf(err)
	lower := strings.ToLower(msg)
	at := -1
	if ok {
		for _, t := range c.texts {
			if at = strings.Index(lower, t); at >= 0 {
				break
			}
		}
	} else {
		for _, cand := range osCauses {
			for _, t := range cand.texts {
				if i := strings.Index(lower, t); i >= 0 && (at < 0 || i < at) {
					c, at, ok = cand, i, true
				}
			}
		}
	}
	if !ok {
		return msg
	}
	for _, w := range append([]string{c.chinese}, c.said...) {
		if strings.Contains(msg, w) {
			return msg
		}
	}
	if at < 0 || len(lower) != len(msg) {
		// The error number said it, in words not listed (a localised system message): name it at the end.
		return msg + "(" + c.chinese + ")"
	}
	end := strings.IndexAny(msg[at:], ")）；;\n")
	if end < 0 {
		end = len(msg) - at
	}
	if strings.HasPrefix(msg[at+end:], ")") && strings.Count(msg[at:at+end], "(") > strings.Count(msg[at:at+end], ")") {
		end++ // SQLite's 「database is locked (5)」 keeps its number
	}
	return msg[:at] + c.chinese + "(" + msg[at:at+end] + ")" + msg[at+end:]
}

// causeOf finds the cause by the error number in err's chain (syscall.Errno, also inside *fs.PathError).
func causeOf(err error) (osCause, bool) {
	var no syscall.Errno
	if !errors.As(err, &no) {
		return osCause{}, false
	}
	if runtime.GOOS == "windows" {
		switch uintptr(no) {
		case 39, 112: // ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
			return causeDiskFull, true
		case 32, 33: // ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
			return causeInUse, true
		case 19: // ERROR_WRITE_PROTECT
			return causeNoWrite, true
		}
	}
	switch {
	case errors.Is(no, syscall.ENOSPC):
		return causeDiskFull, true
	case errors.Is(no, fs.ErrPermission), errors.Is(no, syscall.EROFS):
		return causeNoWrite, true
	case errors.Is(no, syscall.EIO):
		return causeDiskIO, true
	}
	return osCause{}, false
}
