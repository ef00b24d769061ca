// Package zhlocale replaces a "C" or "POSIX" locale (a bare terminal, a service account, LANG=C.UTF-8) by
// zh_CN.UTF-8 before Fyne reads it. The program speaks Chinese whatever the locale, and Fyne's lang package
// logs 「Fyne error: Error parsing user locale C」 for these when it loads its translations.
//
// That happens in lang's package init, before main runs, so the fix must be an init that runs earlier. Go
// initialises packages in the order of their import paths, each once its imports are done (the spec's rule
// since Go 1.21). This package imports only "os": it is ready as soon as os is, and fyne.io/fyne/v2/lang is
// not ready before text/template, strings and sync, whose paths sort after "rendadesk/ui/zhlocale". So this
// init runs first although "rendadesk/…" sorts after "fyne.io/…". main imports it for this side effect only;
// it must keep importing nothing but os (zhlocale_test.go builds the program and checks stderr is empty).
package zhlocale

import "os"

func init() { Apply() }

// Apply sets LC_ALL, LC_MESSAGES or LANG to zh_CN.UTF-8 where it is C or POSIX (or C.something), and LANG
// when none of them is set. Locales a user chose (en_US.UTF-8, zh_TW.UTF-8 …) are left alone.
func Apply() {
	set := false
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		switch v := os.Getenv(name); {
		case v == "C" || v == "POSIX" || len(v) > 2 && v[:2] == "C.":
			os.Setenv(name, "zh_CN.UTF-8")
			set = true
		case v != "":
			set = true
		}
	}
	if !set {
		os.Setenv("LANG", "zh_CN.UTF-8")
	}
}
