// Package display checks, before the window is made, that this computer can show it: a graphical display and
// an OpenGL 2.1 driver, which Fyne needs. Without them Fyne ends the program with a Go panic and a GLFW stack
// trace, which tells a clerk nothing; main asks Problem first and, when there is one, Tells the clerk what
// to do and exits 1, the command line being unaffected. Only main imports it.
package display

import (
	"bytes"
	"errors"
	"fmt"
	"log"
	"runtime"
	"strings"

	"github.com/go-gl/glfw/v3.3/glfw"
)

// GLFW must be called from the program's main thread: keep the main goroutine on it (as Fyne's driver does).
func init() { runtime.LockOSThread() }

// Message is what the clerk is told when no window can be opened.
const Message = "无法打开窗口：没有可用的图形显示或显卡驱动不支持 OpenGL 2.1。请更新显卡驱动，或在本机(而不是远程桌面)上运行。" +
	"命令行功能仍可使用，例如 rendadesk export …"

// Problem returns why no window can be opened, or nil: GLFW cannot start (no display: DISPLAY unset or
// wrong, a service session), or cannot make an OpenGL 2.1 context (an old or missing graphics driver, some
// remote sessions). It makes a hidden 1×1 window with the context Fyne will ask for and closes it again; GLFW
// stays initialised for Fyne. It must be called from main, on the main goroutine.
func Problem() error {
	// go-gl/glfw does not return GLFW's platform errors but logs them (go-gl/glfw#127): catch its words for
	// the cause, and tell a failed start by the panic of the first call that needs it.
	var said bytes.Buffer
	out, flags := log.Writer(), log.Flags()
	log.SetOutput(&said)
	log.SetFlags(0)
	defer func() {
		log.SetOutput(out)
		log.SetFlags(flags)
	}()
	cause := func(what string, err error) error {
		if s := strings.TrimSpace(said.String()); s != "" {
			return fmt.Errorf("%s: %s", what, strings.ReplaceAll(s, "\n", "; "))
		}
		if err != nil {
			return fmt.Errorf("%s: %v", what, err)
		}
		return errors.New(what)
	}
	if err := glfw.Init(); err != nil || !started() {
		return cause("no display", err)
	}
	glfw.WindowHint(glfw.Visible, glfw.False)
	glfw.WindowHint(glfw.ContextVersionMajor, 2)
	glfw.WindowHint(glfw.ContextVersionMinor, 1)
	w, err := glfw.CreateWindow(1, 1, "rendadesk", nil, nil)
	glfw.DefaultWindowHints()
	if err != nil || w == nil {
		glfw.Terminate()
		return cause("no OpenGL 2.1", err)
	}
	w.Destroy()
	return nil
}

// started reports whether glfw.Init succeeded: a call that needs GLFW panics (NotInitialized) when it did not.
func started() (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	glfw.DefaultWindowHints()
	return true
}

// Tell says msg where the clerk sees it: on standard error, and on Windows, where a program started by a
// double click has no console, in a system message box too.
func Tell(msg string, cause error) {
	fmt.Fprintf(stderr, "错误: %s (error: %v)\n", msg, cause)
	messageBox("人大工作台", msg)
}
