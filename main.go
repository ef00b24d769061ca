// Command rendadesk is 人大工作台, the records desk of a township people's congress office.
// Without a subcommand it opens the window (or says why it cannot: no display, no OpenGL 2.1); with one (demo,
// check, backup …) it runs headless and exits.
package main

import (
	"flag"
	"fmt"
	"os"

	"fyne.io/fyne/v2/app"

	"rendadesk/ui"
	"rendadesk/ui/cli"
	"rendadesk/ui/display"
	_ "rendadesk/ui/zhlocale" // a C/POSIX locale becomes zh_CN before Fyne's lang reads it (see the package)
)

func main() {
	args := os.Args[1:]
	if cli.IsCommand(args) {
		attachConsole() // Windows: print into the cmd.exe or PowerShell that started us (console_windows.go)
		os.Exit(cli.Run(args, os.Stdout, os.Stderr))
	}
	fs := flag.NewFlagSet("rendadesk", flag.ContinueOnError)
	dbPath := fs.String("db", "", "数据库文件 (database file)")
	fs.Usage = func() { cli.Usage(os.Stderr) }
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		os.Exit(cli.ExitUsage)
	}
	path := *dbPath
	if path == "" {
		var err error
		if path, err = cli.DefaultDatabase(); err != nil {
			fmt.Fprintf(os.Stderr, "错误: %v (error: no database path)\n", err)
			os.Exit(cli.ExitError)
		}
	}
	// Without a display or an OpenGL 2.1 driver Fyne would end in a panic: say what to do instead.
	if err := display.Problem(); err != nil {
		display.Tell(display.Message, err)
		os.Exit(cli.ExitError)
	}
	a := app.NewWithID("org.rendadesk.app")
	ui.BenchHook(a) // RENDADESK_BENCH: make bench measures the first frame and memory (-tags bench; else a no-op)
	// Lock, check and open the file, or offer its newest good backup (ui/startup.go).
	w, done := ui.Start(a, path)
	fixWindowClass() // X11: a fixed WM_CLASS, the .desktop file's StartupWMClass (windowclass_x11.go)
	w.ShowAndRun()
	done()
}
