//go:build bench

package ui

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
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
// RENDADESK_BENCH_PROFILE=dir also writes, into dir, a CPU profile from main to the first frame (start.cpu)
// and a heap profile after a garbage collection at the first frame (heap-0-first.pprof) and, in the tabs mode,
// after each tab has been shown (heap-N-<tab>.pprof), printing the resident set and live heap then to stderr.
//
// The line is `rendadesk-bench <mode> unix_ns=… since_init_ms=… cpu_ms=… vmrss_kb=… vmhwm_kb=… heap_kb=…`;
// unix_ns is the wall clock when the frame had been painted, which the script subtracts from the time it
// started the process; cpu_ms the process's CPU time until then; heap_kb the live heap after a collection.
const EnvBench = "RENDADESK_BENCH"

// benchInit is about when the process started: package variables are set before main runs.
var benchInit = time.Now()

// BenchHook serves RENDADESK_BENCH; without it, it does nothing. main calls it once the app exists and before
// the database is opened: the bare mode runs its window here and exits. It is built only with -tags bench
// (.ci/bench builds so); the clerk's build has a BenchHook that does nothing (benchhook_off.go).
//
// Why the started hook marks the first frame: Fyne's GLFW driver paints a window's first frame inside Show,
// before the event loop starts (Fyne v2.7, internal/driver/glfw/window.go), and calls the lifecycle's started
// hook when the loop starts, right after ShowAndRun's Show has returned. The window's own started hook
// (session.painted, which then reads the tabs) calls benchStarted first.
func BenchHook(a fyne.App) {
	mode := os.Getenv(EnvBench)
	if mode == "" {
		return
	}
	benchProfileStart()
	switch mode {
	case "bare":
		w := a.NewWindow("bare")
		w.Resize(fyne.NewSize(1280, 720))
		w.SetContent(widget.NewLabel("人大工作台"))
		a.Lifecycle().SetOnStarted(func() { benchReport(a, mode) })
		w.ShowAndRun()
		os.Exit(0)
	case "first-frame":
		benchStarted = func() { benchReport(a, mode) }
	case "tabs":
		benchStarted = func() { go benchTabs(a) }
	default:
		fmt.Fprintf(os.Stderr, "%s=%q: first-frame, bare or tabs\n", EnvBench, mode)
		os.Exit(2)
	}
}

// benchReport prints the bench line and quits.
func benchReport(a fyne.App, mode string) {
	now := time.Now()
	benchProfileStop()
	rss, hwm := procMemory()
	heap := ""
	if mode != "tabs" {
		heap = benchHeap("0-first")
	} else {
		heap = benchHeap(fmt.Sprintf("%d-end", benchTabsShown+1))
	}
	fmt.Printf("rendadesk-bench %s unix_ns=%d since_init_ms=%.1f cpu_ms=%d vmrss_kb=%d vmhwm_kb=%d%s\n",
		mode, now.UnixNano(), float64(now.Sub(benchInit).Microseconds())/1000, procCPU(), rss, hwm, heap)
	a.Quit()
}

// benchProfileDir is RENDADESK_BENCH_PROFILE: where the profiles go ("" for none).
var benchProfileDir = os.Getenv("RENDADESK_BENCH_PROFILE")

// benchCPUFile is the CPU profile being written until the first frame.
var benchCPUFile *os.File

// benchTabsShown counts the tabs the tabs mode has shown (for the heap profiles' names).
var benchTabsShown int

// benchProfileStart starts the CPU profile when RENDADESK_BENCH_PROFILE asks for one.
func benchProfileStart() {
	if benchProfileDir == "" {
		return
	}
	if err := os.MkdirAll(benchProfileDir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "rendadesk-bench:", err)
		return
	}
	f, err := os.Create(filepath.Join(benchProfileDir, "start.cpu"))
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "rendadesk-bench:", err)
		return
	}
	benchCPUFile = f
}

// benchProfileStop ends the CPU profile (once).
func benchProfileStop() {
	if benchCPUFile != nil {
		pprof.StopCPUProfile()
		benchCPUFile.Close()
		benchCPUFile = nil
	}
}

// benchHeap collects the garbage, writes a heap profile named for the moment when profiles are asked for, and
// returns " heap_kb=N": the bytes of live objects, which unlike RSS do not depend on when the collector last ran.
func benchHeap(name string) string {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if benchProfileDir != "" {
		// The process's mappings, for the resident memory outside the Go heap (the GL driver's, the fonts').
		if b, err := os.ReadFile("/proc/self/smaps"); err == nil {
			logError("smaps", os.WriteFile(filepath.Join(benchProfileDir, "smaps-"+name), b, 0o644))
		}
		if f, err := os.Create(filepath.Join(benchProfileDir, "heap-"+name+".pprof")); err == nil {
			logError("heap profile", pprof.WriteHeapProfile(f))
			f.Close()
		}
	}
	if benchProfileDir != "" {
		// Where the resident set is: the Go heap's spans in use, those free but still held from the system
		// (returned by the scavenger in time), and the runtime's other memory (stacks, GC metadata).
		fmt.Fprintf(os.Stderr, "rendadesk-bench %s heap_inuse_kb=%d heap_idle_held_kb=%d go_other_kb=%d goroutines=%d\n", name,
			ms.HeapInuse/1024, (ms.HeapIdle-ms.HeapReleased)/1024, (ms.Sys-ms.HeapSys)/1024, runtime.NumGoroutine())
	}
	return fmt.Sprintf(" heap_kb=%d", ms.HeapAlloc/1024)
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
		var name string
		fyne.DoAndWait(func() {
			tabs.SelectIndex(i)
			shotSelectFirst(tabs.Items[i].Content)
			name = tabs.Items[i].Text
		})
		time.Sleep(300 * time.Millisecond) // a few frames at 60 Hz
		if benchProfileDir != "" {
			heap := benchHeap(fmt.Sprintf("%d-%s", i+1, name))
			rss, _ := procMemory()
			fmt.Fprintf(os.Stderr, "rendadesk-bench tab %d %s vmrss_kb=%d%s\n", i+1, name, rss, heap)
		}
		benchTabsShown = i + 1
	}
	fyne.DoAndWait(func() { tabs.SelectIndex(0) })
	time.Sleep(300 * time.Millisecond)
	fyne.Do(func() { benchReport(a, "tabs") })
}

// procCPU returns the CPU time (user and system, all threads) the process has used so far in ms, from
// /proc/self/stat (clock ticks of 10 ms; 0 where there is no such file).
func procCPU() int64 {
	b, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return 0
	}
	// The fields after the command name, which is in parentheses and may hold spaces: utime and stime are
	// the 14th and 15th of the line, the 12th and 13th after the name.
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return 0
	}
	var ut, st int64
	fmt.Sscan(f[11], &ut)
	fmt.Sscan(f[12], &st)
	return (ut + st) * 10 // USER_HZ is 100 on Linux
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
