package cli

import (
	"os"
	"path/filepath"
	"testing"
)

// TestDefaultDatabasePortable: a "data" folder beside the program (here the test binary) makes it portable —
// the database lives there, before the user's config folder but after RENDADESK_DB; a file called "data" does
// not count.
func TestDefaultDatabasePortable(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Skip("no executable path:", err)
	}
	if real, err := filepath.EvalSymlinks(exe); err == nil {
		exe = real
	}
	data := filepath.Join(filepath.Dir(exe), "data")
	if _, err := os.Lstat(data); err == nil {
		t.Skipf("%s exists already; not touching it", data)
	}
	cfg := t.TempDir()
	t.Setenv(EnvDB, "")
	t.Setenv("XDG_CONFIG_HOME", cfg) // os.UserConfigDir on Linux and the BSDs
	t.Setenv("AppData", cfg)         // on Windows
	inConfig, err := os.UserConfigDir()
	if err != nil {
		t.Skip("no config folder:", err)
	}
	inConfig = filepath.Join(inConfig, "rendadesk", "rendadesk.db")

	if p, err := DefaultDatabase(); err != nil || p != inConfig {
		t.Fatalf("no data folder: %q, %v; want %q", p, err, inConfig)
	}

	if err := os.WriteFile(data, nil, 0o600); err != nil {
		t.Skip("cannot write beside the test binary:", err)
	}
	t.Cleanup(func() { os.RemoveAll(data) })
	if p, _ := DefaultDatabase(); p != inConfig {
		t.Errorf("a file named data: %q; want %q", p, inConfig)
	}

	if err := os.Remove(data); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(data, 0o700); err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(data, "rendadesk.db")
	if p, err := DefaultDatabase(); err != nil || p != want {
		t.Errorf("portable: %q, %v; want %q", p, err, want)
	}

	t.Setenv(EnvDB, filepath.Join(cfg, "chosen.db"))
	if p, _ := DefaultDatabase(); p != filepath.Join(cfg, "chosen.db") {
		t.Errorf("RENDADESK_DB should win over the data folder: %q", p)
	}
}
