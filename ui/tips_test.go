package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

// drawnText is the text a widget draws: its canvas.Text objects as laid out.
func drawnText(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, x := range test.LaidOutObjects(o) {
		if t, ok := x.(*canvas.Text); ok && x.Visible() {
			b.WriteString(t.Text)
		}
	}
	return b.String()
}

// A list cell ends in 「…」 exactly when its text does not fit, through text changes and resizes (the ellipsis
// is switched on only then: tipLabel.fitTruncation).
func TestTipLabelEllipsisOnlyWhenCut(t *testing.T) {
	_, w := testWindow(t)
	long := "关于加快推进青山镇中心小学周边道路拓宽改造和交通安全设施建设的建议"
	l := newTipLabel(nil)
	w.SetContent(container.NewWithoutLayout(l))
	l.Resize(fyne.NewSize(120, 36))
	l.SetText(long)
	if got := drawnText(l); !strings.HasSuffix(got, "…") || len([]rune(got)) >= len([]rune(long)) {
		t.Fatalf("a narrow cell draws %q; want the start of the text and 「…」", got)
	}
	l.Resize(fyne.NewSize(1200, 36))
	if got := drawnText(l); got != long {
		t.Fatalf("a wide cell draws %q; want the whole text", got)
	}
	l.SetText("短")
	l.Resize(fyne.NewSize(120, 36))
	if got := drawnText(l); got != "短" {
		t.Fatalf("a short text in a narrow cell draws %q", got)
	}
	l.SetText(long)
	if got := drawnText(l); !strings.HasSuffix(got, "…") {
		t.Fatalf("a long text set into a narrow cell draws %q; want 「…」 at its end", got)
	}
}

// A tab's page hidden when AppTabs refreshes every tab lets the refresh pass; shown again it draws what
// changed meanwhile (tabPage relies on Fyne refreshing a widget it shows).
func TestTabPageRefreshesWhenShownAgain(t *testing.T) {
	_, w := testWindow(t)
	l := newTipLabel(nil)
	l.SetText("旧")
	p := newTabPage(l)
	w.SetContent(p)
	if got := drawnText(p); got != "旧" {
		t.Fatalf("the page draws %q", got)
	}
	p.Hide()
	l.Text = "新" // as a theme change or a tab's own update leaves it, for the refresh to draw
	p.Refresh()
	p.Show()
	if got := drawnText(p); got != "新" {
		t.Fatalf("shown again, the page draws %q; want the text set while it was hidden", got)
	}
}
