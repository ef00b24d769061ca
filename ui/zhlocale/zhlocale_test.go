package zhlocale

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The program started on a C or POSIX locale prints nothing on stderr for commands that succeed: Fyne's
// lang package, initialised before main, must already see zh_CN.
func TestNoLocaleErrorOnCLocale(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "rendadesk")
	build := exec.Command("go", "build", "-o", bin, "rendadesk")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "t.db")
	if out, err := exec.Command(bin, "demo", "--db", db, "--scale", "township", "--seed", "1").CombinedOutput(); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	for _, env := range [][]string{{"LANG=C.UTF-8"}, {"LANG=C"}, {"LC_ALL=POSIX"}, {"LANG=C.UTF-8", "LC_ALL=C"}, {}} {
		for _, args := range [][]string{{"help"}, {"check", "--db", db}} {
			t.Run(strings.Join(env, ",")+" "+args[0], func(t *testing.T) {
				cmd := exec.Command(bin, args...)
				cmd.Env = append(cleanEnv(), env...)
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				cmd.Stdout = new(bytes.Buffer)
				err := cmd.Run()
				if args[0] == "check" && err != nil {
					t.Fatalf("check failed: %v\n%s", err, stderr.String())
				}
				if strings.Contains(stderr.String(), "Fyne error") || strings.Contains(stderr.String(), "locale") {
					t.Fatalf("stderr:\n%s", stderr.String())
				}
				if args[0] == "check" && stderr.Len() > 0 {
					t.Fatalf("stderr not empty:\n%s", stderr.String())
				}
			})
		}
	}
}

// cleanEnv is the test's environment without any locale variable.
func cleanEnv() []string {
	var out []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "LANG=") || strings.HasPrefix(kv, "LC_") || strings.HasPrefix(kv, "LANGUAGE=") {
			continue
		}
		out = append(out, kv)
	}
	return out
}

func TestApply(t *testing.T) {
	for _, tc := range []struct{ lang, lcAll, wantLang, wantAll string }{
		{"C.UTF-8", "", "zh_CN.UTF-8", ""},
		{"POSIX", "", "zh_CN.UTF-8", ""},
		{"", "C", "", "zh_CN.UTF-8"},
		{"en_US.UTF-8", "", "en_US.UTF-8", ""},
		{"", "", "zh_CN.UTF-8", ""},
		{"Ca_ES", "", "Ca_ES", ""},
	} {
		t.Run(tc.lang+"|"+tc.lcAll, func(t *testing.T) {
			t.Setenv("LANG", tc.lang)
			t.Setenv("LC_ALL", tc.lcAll)
			t.Setenv("LC_MESSAGES", "")
			Apply()
			if got := os.Getenv("LANG"); got != tc.wantLang {
				t.Errorf("LANG = %q, want %q", got, tc.wantLang)
			}
			if got := os.Getenv("LC_ALL"); got != tc.wantAll {
				t.Errorf("LC_ALL = %q, want %q", got, tc.wantAll)
			}
		})
	}
}
