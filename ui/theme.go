package ui

import (
	"slices"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"rendadesk/assets"
	"rendadesk/store"
)

// Fonts bundled for Chinese text (Fyne's default font has no CJK glyphs), unpacked when first asked for.
var (
	fontRegular = sync.OnceValue(func() fyne.Resource {
		return fyne.NewStaticResource("NotoSansSC-Regular.ttf", assets.FontRegular())
	})
	fontBold = sync.OnceValue(func() fyne.Resource {
		return fyne.NewStaticResource("NotoSansSC-Bold.ttf", assets.FontBold())
	})
	appIcon = fyne.NewStaticResource("icon.png", assets.Icon)
)

// textScales are the factors on every text size for store.TextSizes, in the same order.
var textScales = []float32{1.0, 1.15, 1.3}

// appTheme embeds Fyne's default theme and overrides only the font (our CJK subset) and the text sizes
// (the clerk's 字号 setting), after fyne-io/terminal and dweymouth/supersonic.
type appTheme struct {
	fyne.Theme
	scale float32
}

// newTheme returns the theme for a 字号 setting; an unknown value means 标准.
func newTheme(textSize string) *appTheme {
	s := float32(1)
	if i := slices.Index(store.TextSizes, textSize); i >= 0 {
		s = textScales[i]
	}
	return &appTheme{Theme: theme.DefaultTheme(), scale: s}
}

// Font returns the bundled CJK font; monospace text keeps Fyne's monospace font.
func (t *appTheme) Font(style fyne.TextStyle) fyne.Resource {
	switch {
	case style.Monospace || style.Symbol:
		return t.Theme.Font(style)
	case style.Bold:
		return fontBold()
	}
	return fontRegular()
}

// Size scales the text sizes by the 字号 setting.
func (t *appTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.Theme.Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText, theme.SizeNameCaptionText,
		theme.SizeNameInlineIcon:
		return s * t.scale
	}
	return s
}
