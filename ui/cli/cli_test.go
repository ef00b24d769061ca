package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = Run(args, &o, &e)
	return code, o.String(), e.String()
}

func TestDemoCheckBackup(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	code, out, errOut := run("demo", "--db", db, "--scale", "township", "--seed", "7", "--today", "2024-11-30")
	if code != ExitOK {
		t.Fatalf("demo exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "已生成示例数据") || !strings.Contains(out, "suggestions") {
		t.Fatalf("demo output %q", out)
	}
	code, out, errOut = run("check", "--db", db)
	if code != ExitOK || !strings.HasPrefix(out, "ok: ") {
		t.Fatalf("check exit %d: %q %q", code, out, errOut)
	}
	code, _, errOut = run("demo", "--db", db)
	if code != ExitError || !strings.Contains(errOut, "示例数据只能载入空数据库") || !strings.Contains(errOut, "(error: conflict)") {
		t.Fatalf("second demo: exit %d, %q", code, errOut)
	}
	backup := filepath.Join(dir, "b.db")
	if code, out, errOut = run("backup", "--db", db, "--out", backup); code != ExitOK || !strings.Contains(out, "已备份到") {
		t.Fatalf("backup exit %d: %q %q", code, out, errOut)
	}
	if code, out, _ = run("check", "--db", backup); code != ExitOK {
		t.Fatalf("check of backup: %d %q", code, out)
	}
	if code, _, errOut = run("backup", "--db", db, "--out", backup); code != ExitError || !strings.Contains(errOut, "已存在") {
		t.Fatalf("backup over an existing file: %d %q", code, errOut)
	}
}

func TestCheckDamaged(t *testing.T) {
	p := filepath.Join(t.TempDir(), "bad.db")
	if err := os.WriteFile(p, bytes.Repeat([]byte("不是数据库"), 1000), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := run("check", "--db", p)
	if code != ExitError || !strings.Contains(errOut, "错误:") || !strings.Contains(errOut, "(error: database damaged)") ||
		strings.Count(errOut, "\n") != 1 {
		t.Fatalf("check of garbage: exit %d, %q", code, errOut)
	}
	code, _, errOut = run("check", "--db", filepath.Join(t.TempDir(), "none.db"))
	if code != ExitError || !strings.Contains(errOut, "找不到数据库文件") {
		t.Fatalf("check of a missing file: exit %d, %q", code, errOut)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"frobnicate"},
		{"demo", "--scale", "city"},
		{"demo", "--nope"},
		{"demo", "--today", "2024-13-01"},
		{"backup", "--db", "x.db"},
		{"check", "--db", "x.db", "extra"},
	} {
		code, _, errOut := run(args...)
		if code != ExitUsage {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, errOut)
		}
		if errOut == "" {
			t.Errorf("%v: no message", args)
		}
	}
	if code, out, _ := run("help"); code != ExitOK || !strings.Contains(out, "rendadesk demo") {
		t.Errorf("help: %d %q", code, out)
	}
}

func TestDefaultDatabase(t *testing.T) {
	t.Setenv(EnvDB, "/tmp/chosen.db")
	if p, _ := DefaultDatabase(); p != "/tmp/chosen.db" {
		t.Fatalf("env not honoured: %s", p)
	}
	t.Setenv(EnvDB, "")
	t.Setenv("XDG_CONFIG_HOME", "/tmp/cfg")
	if p, _ := DefaultDatabase(); p != filepath.Join("/tmp/cfg", "rendadesk", "rendadesk.db") {
		t.Fatalf("config folder: %s", p)
	}
	if !IsCommand([]string{"demo"}) || IsCommand([]string{"--db", "x"}) || IsCommand(nil) {
		t.Fatal("IsCommand")
	}
}
