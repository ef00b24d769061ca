package ui

import (
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// closing are characters no line may start with (避头尾), as the PDFs are set.
const closing = "，。、；：？！）」』”’%"

var numberRun = regexp.MustCompile(`[0-9][0-9.]*%?`)

// The 报告文字稿 on screen breaks lines as the PDF does: no line starts with 「，」, no number or rate is split
// over two lines, and nothing is lost.
func TestReportTextBreaksLinesByTheRules(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	d.win.Resize(fyne.NewSize(1100, 720))
	r := reportOpen(t, d)
	for _, size := range []string{"标准", "特大"} {
		d.settings.display.size.SetSelected(size)
		d.tabs.Select(r.tabItem())
		r.text.Refresh()
		shown := r.text.label.Text
		lines := strings.Split(shown, "\n")
		if len(lines) < 10 {
			t.Fatalf("%s: %d lines for %d characters at %.0f wide", size, len(lines), len([]rune(r.text.label.Text)), r.text.Size().Width)
		}
		for i, l := range lines {
			if l != "" && strings.ContainsRune(closing, []rune(l)[0]) {
				t.Errorf("%s: line %d starts with %q: %q", size, i+1, []rune(l)[0], l)
			}
		}
		if got := strings.ReplaceAll(shown, "\n", ""); got != strings.ReplaceAll(r.text.label.Text, "\n", "") {
			t.Errorf("%s: the text changed in breaking", size)
		}
		for _, n := range numberRun.FindAllString(strings.ReplaceAll(r.text.label.Text, "\n", ""), -1) {
			if !numberRun.MatchString(n) || !strings.Contains(shown, n) {
				t.Errorf("%s: %q is split over two lines", size, n)
			}
		}
		if size == "特大" {
			saveShot(t, d.win, "report-text-tedai")
		}
	}
}

// Changing the 字号 with the 报表 tab built does not take the window down (a label that both wrapped and
// truncated made Fyne's RichText index out of range).
func TestTextSizeChangeWithReportOpen(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	d.win.Resize(fyne.NewSize(1100, 720))
	reportOpen(t, d)
	for _, size := range []string{"特大", "大", "标准"} {
		d.settings.display.size.SetSelected(size)
	}
}
