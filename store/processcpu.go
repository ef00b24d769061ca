package store

import (
	"os"
	"strconv"
	"strings"
	"time"
)

// ProcessCPU is the CPU time this process has used so far (user and system, all threads), from
// /proc/self/stat in clock ticks of 1/100 s; 0 where there is no /proc. The benchmarks of every package report
// it per operation beside the wall-clock time (`make bench`), which tells how much of a slow run was the
// machine being busy with other work.
func ProcessCPU() time.Duration {
	data, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return 0
	}
	s := string(data)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:]) // after the command name, which may hold spaces
	if len(f) < 13 {
		return 0
	}
	utime, _ := strconv.ParseInt(f[11], 10, 64) // fields 14 and 15 of proc(5)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(utime+stime) * (time.Second / 100) // USER_HZ is 100 on Linux
}
