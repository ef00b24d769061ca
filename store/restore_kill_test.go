package store

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// restoreKillEnv tells the test binary, re-run as a child, to restore and kill itself at a step:
// "step|database|backup".
const restoreKillEnv = "RENDADESK_TEST_RESTORE_KILL"

// TestRestoreKillHelperProcess is not a test: run as a child by TestRestoreKilledAtEachStep, it restores the
// backup and is killed (SIGKILL, as a power cut or the task manager would end it) right after the step named.
func TestRestoreKillHelperProcess(t *testing.T) {
	spec := os.Getenv(restoreKillEnv)
	if spec == "" {
		t.Skip("only run as a child process")
	}
	parts := strings.Split(spec, "|")
	RestoreStep = func(step string) {
		if step == parts[0] {
			p, _ := os.FindProcess(os.Getpid())
			p.Kill()
			select {}
		}
	}
	_, err := Restore(context.Background(), parts[1], parts[2])
	fmt.Println("not killed:", err)
	os.Exit(3)
}

// killRestoreAt runs a restore of backup onto db in a child process killed after step.
func killRestoreAt(t *testing.T, step, db, backup string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestRestoreKillHelperProcess$")
	cmd.Env = append(os.Environ(), restoreKillEnv+"="+step+"|"+db+"|"+backup)
	out, err := cmd.CombinedOutput()
	if err == nil || cmd.ProcessState.ExitCode() == 3 || !strings.Contains(err.Error(), "killed") {
		t.Fatalf("the child was not killed at %s: %v\n%s", step, err, out)
	}
}

// copyFile copies src to dst, as a crash would leave a file.
func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	must(t, err)
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	must(t, err)
	_, err = io.Copy(out, in)
	must(t, err)
	must(t, out.Close())
}

// A restore killed after any of its steps leaves a database file in place — the old one or the restored one,
// whole — and what the next start needs to finish it: never no file at all. The current file's -wal, with
// changes committed but not yet in the file, is part of the file kept aside and never replayed into the
// restored one.
func TestRestoreKilledAtEachStep(t *testing.T) {
	ctx := context.Background()
	for _, step := range []string{RestoreCopied, RestoreKeptAside, RestoreReplaced} {
		t.Run(step, func(t *testing.T) {
			dir := t.TempDir()
			// The backup: one unit.
			src, err := Open(filepath.Join(dir, "src", "t.db"))
			must(t, err)
			must(t, src.SaveUnit(ctx, &Unit{Name: "备份里的单位", Kind: "镇属部门"}))
			backup := filepath.Join(dir, "backup.db")
			must(t, src.Backup(ctx, backup))
			// The current database as a crash left it: its last change only in the -wal.
			must(t, src.SaveUnit(ctx, &Unit{Name: "只在日志里的单位", Kind: "镇属部门"}))
			db := filepath.Join(dir, "t.db")
			copyFile(t, src.Path(), db)
			copyFile(t, src.Path()+"-wal", db+"-wal")
			src.Close()
			if st, err := os.Stat(db + "-wal"); err != nil || st.Size() == 0 {
				t.Fatal("no log to test with")
			}

			killRestoreAt(t, step, db, backup)

			if !fileExists(db) {
				t.Fatalf("killed after %s: no database file", step)
			}
			left, err := RestoreLeftovers(ctx, db)
			must(t, err)
			got := strings.Join(backupTestUnits(t, db), ",")
			switch step {
			case RestoreCopied, RestoreKeptAside:
				if got != "只在日志里的单位,备份里的单位" {
					t.Errorf("the database after a kill before the replace has %s", got)
				}
				if left.Part == "" {
					t.Fatalf("the checked copy is not found for the next start: %+v", left)
				}
				kept, err := FinishRestore(ctx, db)
				must(t, err)
				if got := strings.Join(backupTestUnits(t, db), ","); got != "备份里的单位" {
					t.Errorf("after FinishRestore the database has %s", got)
				}
				if got := strings.Join(backupTestUnits(t, kept), ","); got != "只在日志里的单位,备份里的单位" {
					t.Errorf("the file kept aside has %s", got)
				}
			case RestoreReplaced:
				if got != "备份里的单位" {
					t.Errorf("the restored database has %s", got)
				}
				if left.Part != "" || len(left.Aside) != 1 {
					t.Fatalf("leftovers after a whole restore: %+v", left)
				}
				if got := strings.Join(backupTestUnits(t, left.Aside[0].Path), ","); got != "只在日志里的单位,备份里的单位" {
					t.Errorf("the file kept aside has %s", got)
				}
			}
			if fileExists(RestorePart(db)) {
				t.Errorf("the copy is still there after the restore was finished")
			}
		})
	}
}
