//go:build bench

package ui

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// EnvBench names the environment variable through which `make bench` (.ci/bench) asks the real program, under
// Xvfb, what only a running window can tell: how soon the first frame is on the screen and how much memory the
// window holds. The clerk never sets it.
//
//	RENDADESK_BENCH=first-frame  the window as usual; once its first frame is painted, print a line and quit
//	RENDADESK_BENCH=bare         instead of the desk, a bare Fyne window with one label (the baseline); same
//	RENDADESK_BENCH=tabs         the window as usual; once up, show every tab in turn (with its first row
//	                             chosen, so the detail pane is filled), then print the memory and quit
//
// The line is `rendadesk-bench <mode> unix_ns=… since_init_ms=… vmrss_kb=… vmhwm_kb=…`; unix_ns is the wall clock
// when the frame had been painted, which the script subtracts from the time it started the process.
const EnvBench = "RENDADESK_BENCH"

// benchInit is about when the process started: package variables are set before main runs.
var benchInit = time.Now()

// BenchHook serves RENDADESK_BENCH; without it, it does nothing. main calls it once the app exists and before
// the database is opened: the bare mode runs its window here and exits. It is built only with -tags bench
// (.ci/bench builds so); the clerk's build has a BenchHook that does nothing (benchhook_off.go).
//
// Why the started hook marks the first frame: Fyne's GLFW driver paints a window's first frame inside Show,
// before the event loop starts (Fyne v2.7, internal/driver/glfw/window.go), and calls the lifecycle's started
// hook when the loop starts, right after ShowAndRun's Show has returned.
func BenchHook(a fyne.App) {
	mode := os.Getenv(EnvBench)
	switch mode {
	case "":
		return
	case "bare":
		w := a.NewWindow("bare")
		w.Resize(fyne.NewSize(1280, 720))
		w.SetContent(widget.NewLabel("人大工作台"))
		a.Lifecycle().SetOnStarted(func() { benchReport(a, mode) })
		w.ShowAndRun()
		os.Exit(0)
	case "first-frame":
		a.Lifecycle().SetOnStarted(func() { benchReport(a, mode) })
	case "tabs":
		a.Lifecycle().SetOnStarted(func() { go benchTabs(a) })
	default:
		fmt.Fprintf(os.Stderr, "%s=%q: first-frame, bare or tabs\n", EnvBench, mode)
		os.Exit(2)
	}
}

// benchReport prints the bench line and quits.
func benchReport(a fyne.App, mode string) {
	now := time.Now()
	rss, hwm := procMemory()
	fmt.Printf("rendadesk-bench %s unix_ns=%d since_init_ms=%.1f vmrss_kb=%d vmhwm_kb=%d\n",
		mode, now.UnixNano(), float64(now.Sub(benchInit).Microseconds())/1000, rss, hwm)
	a.Quit()
}

// benchTabs shows every tab of the window in turn, lets each paint, and reports. It runs off the UI goroutine.
func benchTabs(a fyne.App) {
	var tabs *container.AppTabs
	fyne.DoAndWait(func() {
		if ws := a.Driver().AllWindows(); len(ws) > 0 {
			tabs, _ = ws[0].Content().(*container.AppTabs)
		}
	})
	if tabs == nil {
		fmt.Fprintln(os.Stderr, "rendadesk-bench: the window has no tabs (was the database opened?)")
		os.Exit(1)
	}
	var n int
	fyne.DoAndWait(func() { n = len(tabs.Items) })
	for i := 0; i < n; i++ {
		fyne.DoAndWait(func() {
			tabs.SelectIndex(i)
			shotSelectFirst(tabs.Items[i].Content)
		})
		time.Sleep(300 * time.Millisecond) // a few frames at 60 Hz
	}
	fyne.DoAndWait(func() { tabs.SelectIndex(0) })
	time.Sleep(300 * time.Millisecond)
	fyne.Do(func() { benchReport(a, "tabs") })
}

// procMemory returns the resident set and its peak in KiB from /proc/self/status (0, 0 where there is none).
func procMemory() (rss, hwm int64) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var v int64
		switch line := sc.Text(); {
		case strings.HasPrefix(line, "VmRSS:"):
			fmt.Sscanf(strings.TrimPrefix(line, "VmRSS:"), "%d", &v)
			rss = v
		case strings.HasPrefix(line, "VmHWM:"):
			fmt.Sscanf(strings.TrimPrefix(line, "VmHWM:"), "%d", &v)
			hwm = v
		}
	}
	return rss, hwm
}
