//go:build (linux || freebsd || netbsd || openbsd) && !wayland

package main

import "github.com/go-gl/glfw/v3.3/glfw"

// windowClass is the X11 WM_CLASS (instance and class) of the program's windows, and the StartupWMClass of
// its .desktop file (.ci/deb): docks and task bars tie a window to its launcher by it. Left alone, GLFW takes
// the window's title at creation, and ours changes with the office's name.
const windowClass = "org.rendadesk.app"

// fixWindowClass makes the windows created from now on carry windowClass. It runs on the main goroutine
// after the first window exists (Fyne starts GLFW when it makes a window, and starting GLFW resets the hints)
// and before that window is shown (GLFW reads the hints when it creates the X window). Without a working
// GLFW (no display) it does nothing and the start-up reports the problem.
func fixWindowClass() {
	if !glfwStarted() {
		return
	}
	glfw.WindowHintString(glfw.X11ClassName, windowClass)
	glfw.WindowHintString(glfw.X11InstanceName, windowClass)
}

// glfwStarted tells whether GLFW is initialised. GLFW has no call to ask, and the Go binding panics on its
// "not initialized" error: the panic is the answer (and takes that error off the binding's queue).
func glfwStarted() (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return glfw.GetX11Display() != nil
}
