package display

import (
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// buildProgram builds the rendadesk binary, as the clerk runs it, into a temporary folder.
func buildProgram(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is needed to build the program")
	}
	bin := filepath.Join(t.TempDir(), "rendadesk")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	cmd := exec.Command(goTool, "build", "-o", bin, "rendadesk")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// environ is the test's environment without the variables that name a display, plus extra.
func environ(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "DISPLAY=") && !strings.HasPrefix(kv, "WAYLAND_DISPLAY=") {
			env = append(env, kv)
		}
	}
	return append(env, extra...)
}

// Without a display, or with one whose OpenGL is older than 2.1, the window is not opened: one line in Chinese
// (and the system's cause in English) and exit status 1 instead of a Go panic — and the command line works.
func TestNoDisplayIsSaidNotPanicked(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("DISPLAY is how X11 names the display")
	}
	bin := buildProgram(t)
	db := filepath.Join(t.TempDir(), "t.db")
	cases := []struct {
		name  string
		env   []string
		cause string
	}{
		{"NoDISPLAY", environ(), "no display"},
		{"BogusDISPLAY", environ("DISPLAY=:987654"), "no display"},
	}
	if xvfb, err := exec.LookPath("Xvfb"); err == nil {
		// A display whose OpenGL says 1.4 (Mesa's override): what an old driver or a remote session gives.
		n := 500 + rand.Intn(400)
		x := exec.Command(xvfb, fmt.Sprintf(":%d", n), "-screen", "0", "800x600x24", "-nolisten", "tcp")
		if err := x.Start(); err == nil {
			defer func() { x.Process.Kill(); x.Wait() }()
			for i := 0; i < 50; i++ {
				if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n)); err == nil {
					break
				}
				time.Sleep(100 * time.Millisecond)
			}
			cases = append(cases, struct {
				name  string
				env   []string
				cause string
			}{"OpenGL14", environ(fmt.Sprintf("DISPLAY=:%d", n), "MESA_GL_VERSION_OVERRIDE=1.4", "LIBGL_ALWAYS_SOFTWARE=1"), "no OpenGL 2.1"})
		}
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cmd := exec.Command(bin, "--db", db)
			cmd.Env = c.env
			var stderr strings.Builder
			cmd.Stderr = &stderr
			done := make(chan error, 1)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(30 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("still running after 30 s (a window nobody sees?)\n%s", stderr.String())
			}
			out := stderr.String()
			if code := cmd.ProcessState.ExitCode(); code != 1 {
				t.Errorf("exit status %d, want 1", code)
			}
			if !strings.Contains(out, "错误: "+Message+" (error: "+c.cause) {
				t.Errorf("stderr:\n%s", out)
			}
			if strings.Contains(out, "panic") || strings.Contains(out, "goroutine") {
				t.Errorf("a Go panic:\n%s", out)
			}
			if _, err := os.Stat(db); err == nil {
				t.Error("a database was made for a window that never opened")
			}
		})
	}
	t.Run("CommandLineWorks", func(t *testing.T) {
		for _, args := range [][]string{{"demo", "--db", db, "--seed", "1"}, {"check", "--db", db}} {
			cmd := exec.Command(bin, args...)
			cmd.Env = environ()
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("%s without a display: %v\n%s", args[0], err, out)
			}
		}
	})
}
