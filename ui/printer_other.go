//go:build !windows

package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
)

// printerHint says in the print dialog what 打印 does here.
const printerHint = "「打印」把文件送到系统的默认打印机(CUPS)；没有打印机时用 PDF 阅读器打开，再按 Ctrl+P 打印。「另存为PDF」保存文件，可拷到别的电脑打印。"

// nativeOwner is the window a system dialog belongs to; on Linux none is needed.
func nativeOwner(fyne.Window) uintptr { return 0 }

// lpJob reads the job out of lp's answer: 「request id is HP_LaserJet-42 (1 file(s))」.
var lpJob = regexp.MustCompile(`request id is (\S+)`)

// sendToPrinter hands the PDF at path to CUPS' lp for the default printer, copies times, titled title in the
// queue. sent is false with no error when the system has no lp; an lp that refuses the job (no default
// printer, the scheduler stopped) returns its message.
func sendToPrinter(_ uintptr, path, title string, copies int) (job string, sent bool, err error) {
	lp, err := exec.LookPath("lp")
	if err != nil {
		return "", false, nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, lp, "-n", strconv.Itoa(copies), "-t", title, path)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return "", false, errors.New(msg) // lp's own words: 「lp: Error - No default destination.」
		}
		return "", false, fmt.Errorf("lp: %w", err)
	}
	if m := lpJob.FindStringSubmatch(out.String()); m != nil {
		job = m[1]
	}
	return job, true, nil
}
