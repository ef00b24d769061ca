package export

import (
	"strings"
	"testing"

	"rendadesk/store"
)

// A panic on one of WriteReport's goroutines comes back as an error instead of ending the program.
func TestParallelRecovers(t *testing.T) {
	err := parallel([]func() error{func() error { return nil }, func() error { panic("坏数据") }})
	if err == nil || !strings.Contains(err.Error(), "坏数据") {
		t.Fatalf("err = %v", err)
	}
}

func TestReportFileName(t *testing.T) {
	r := Report{store.ReportData{Settings: store.Settings{OfficeName: "青山镇人大主席团"}, Figures: store.Figures{From: "2024-01-01"}}}
	for format, want := range map[string]string{
		"xlsx": "青山镇人大主席团2024年度工作统计.xlsx",
		"pdf":  "青山镇人大主席团2024年度工作统计.pdf",
		"txt":  "青山镇人大主席团2024年度工作报告文字稿.txt",
	} {
		if got := ReportFileName(r, format); got != want {
			t.Errorf("%s: %s, want %s", format, got, want)
		}
	}
}
