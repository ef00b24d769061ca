package cli

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestLimitMemory: an import runs under the soft memory limit and puts the process's back afterwards; a limit
// the user set (GOMEMLIMIT) is kept.
func TestLimitMemory(t *testing.T) {
	orig := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(orig)
	debug.SetMemoryLimit(math.MaxInt64)
	restore := limitMemory(importMemoryLimit)
	if got := debug.SetMemoryLimit(-1); got != importMemoryLimit {
		t.Fatalf("limit during the import %d, want %d", got, importMemoryLimit)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Fatalf("limit after the import %d, want none", got)
	}
	debug.SetMemoryLimit(1 << 30)
	restore = limitMemory(importMemoryLimit)
	if got := debug.SetMemoryLimit(-1); got != 1<<30 {
		t.Fatalf("the user's limit became %d", got)
	}
	restore()
}
