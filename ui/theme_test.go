package ui

import (
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"rendadesk/store"
	_ "rendadesk/ui/zhlocale" // as main does: no locale error from Fyne in the test log on LANG=C.UTF-8
)

// saveShot writes what window w shows as name.png into $RENDADESK_TEST_SHOTS when that is set: the pictures
// the closing note of a change lists. Without it the test only asserts.
func saveShot(t *testing.T, w fyne.Window, name string) {
	t.Helper()
	dir := os.Getenv("RENDADESK_TEST_SHOTS")
	if dir == "" {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	return (0.299*float64(r) + 0.587*float64(g) + 0.114*float64(b)) / 0xffff
}

// The window is light unless the clerk chooses otherwise, whatever the desktop's variant; 深色 is dark on a
// light desktop; 跟随系统 follows the desktop.
func TestThemeChoice(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	bg := func(v fyne.ThemeVariant) float64 {
		return luminance(d.app.Settings().Theme().Color(theme.ColorNameBackground, v))
	}
	if s, _ := d.db.Settings(d.ctx); s.Theme != store.ThemeLight || d.settings.display.theme.Selected != store.ThemeLight {
		t.Fatalf("a new office's theme is %q (radio %q), want 浅色", s.Theme, d.settings.display.theme.Selected)
	}
	if l := bg(theme.VariantDark); l < 0.8 {
		t.Errorf("浅色 under a dark desktop: background luminance %.2f, want light", l)
	}
	showSettingsSection(t, d, "显示")
	saveShot(t, d.win, "theme-light")

	d.settings.display.theme.SetSelected(store.ThemeDark)
	if l := bg(theme.VariantLight); l > 0.3 {
		t.Errorf("深色 under a light desktop: background luminance %.2f, want dark", l)
	}
	if s, _ := d.db.Settings(d.ctx); s.Theme != store.ThemeDark {
		t.Errorf("stored theme %q after choosing 深色", s.Theme)
	}
	test.ApplyTheme(t, d.app.Settings().Theme())
	saveShot(t, d.win, "theme-dark")

	d.settings.display.theme.SetSelected(store.ThemeSystem)
	if l, k := bg(theme.VariantLight), bg(theme.VariantDark); l < 0.8 || k > 0.3 {
		t.Errorf("跟随系统: light desktop %.2f, dark desktop %.2f; want each as the desktop", l, k)
	}
	// The text size stays as it was while the theme changes.
	if got, want := d.app.Settings().Theme().Size(theme.SizeNameText), theme.DefaultTheme().Size(theme.SizeNameText); got != want {
		t.Errorf("text size %v after changing the theme, want %v", got, want)
	}
	// A window built later (the next start) shows the stored choice.
	d2 := newDesk(d.app, d.app.NewWindow("t2"), d.db)
	d2.loadPending() // as after the first frame
	if d2.settings.display.theme.Selected != store.ThemeSystem {
		t.Errorf("radio shows %q on a new window", d2.settings.display.theme.Selected)
	}
}
