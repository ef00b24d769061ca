package store

import (
	"errors"
	"fmt"
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

// ErrorMessage returns the message to show the clerk.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return err.Error()
}
