package ui

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	gotext "github.com/go-text/typesetting/font"
)

// The window's fonts hold the characters of everyday Chinese text (GB 2312's 6 763 ideographs). A rarer
// one — 喆 or 堃 in a deputy's name, 䶮 of Extension A — in a label or a bold heading, Fyne draws
// with a system font that has it (Noto Sans CJK or WenQuanYi on UOS and Kylin, Microsoft YaHei on
// Windows): it draws a character, not the missing-glyph box. Checked headless with Fyne's software painter,
// which resolves fonts as the window does; the machine needs a system CJK font (.ci/deps: fonts-noto-cjk),
// as every office PC has. Measuring is no proof (the box has a width too); what is drawn is.
func TestRareCharactersFallBack(t *testing.T) {
	regular, err := gotext.ParseTTF(bytes.NewReader(fontRegular.Content()))
	if err != nil {
		t.Fatal(err)
	}
	bold, err := gotext.ParseTTF(bytes.NewReader(fontBold.Content()))
	if err != nil {
		t.Fatal(err)
	}
	capture := func(text string, style fyne.TextStyle) (image.Image, int) {
		a := test.NewTempApp(t)
		a.Settings().SetTheme(newTheme("标准"))
		w := a.NewWindow("")
		w.SetContent(widget.NewLabelWithStyle(text, fyne.TextAlignLeading, style))
		w.Resize(fyne.NewSize(200, 50))
		img := w.Canvas().Capture()
		return img, inkCount(img, a.Settings().Theme().Color(theme.ColorNameBackground, a.Settings().ThemeVariant()))
	}
	for _, c := range []struct {
		name  string
		style fyne.TextStyle
		face  *gotext.Face
		rare  string
	}{
		{"Regular", fyne.TextStyle{}, regular, "喆堃䶮"},
		{"Bold", fyne.TextStyle{Bold: true}, bold, "喆堃䶮"},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, r := range c.rare {
				if _, ok := c.face.NominalGlyph(r); ok {
					t.Fatalf("the theme's font has %q: nothing here falls back", r)
				}
			}
			if _, ok := c.face.NominalGlyph('人'); !ok {
				t.Fatal("the theme's font lacks 人")
			}
			rare, ink := capture(c.rare, c.style)
			if dir := os.Getenv("RENDADESK_TEST_SHOTS"); dir != "" {
				f, err := os.Create(filepath.Join(dir, "fallback-"+c.name+".png"))
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				png.Encode(f, rare)
			}
			// Private-use code points no font has: drawn as missing-glyph boxes, as a rare character would be
			// without the fallback.
			boxes, _ := capture("\uE000\uE001\uE002", c.style)
			_, common := capture("人大代", c.style)
			differ := 0
			for y := rare.Bounds().Min.Y; y < rare.Bounds().Max.Y; y++ {
				for x := rare.Bounds().Min.X; x < rare.Bounds().Max.X; x++ {
					r1, g1, b1, _ := rare.At(x, y).RGBA()
					r2, g2, b2, _ := boxes.At(x, y).RGBA()
					if absDiff(r1, r2)+absDiff(g1, g2)+absDiff(b1, b2) > 0x3000 {
						differ++
					}
				}
			}
			t.Logf("%s: %d pixels of ink (人大代: %d), %d differ from three boxes", c.rare, ink, common, differ)
			if ink < common/2 {
				t.Errorf("%s drew %d pixels against 人大代's %d: not drawn", c.rare, ink, common)
			}
			if differ < ink/3 {
				t.Errorf("%s draws like missing-glyph boxes (%d of %d pixels differ): no system font was used", c.rare, differ, ink)
			}
		})
	}
}
