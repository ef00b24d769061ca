package ui

import (
	"image/color"
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

// appTheme embeds Fyne's default theme and overrides only the font (our CJK subset), the text sizes (the
// clerk's 字号 setting) and the variant (the 主题 setting), after fyne-io/terminal and dweymouth/supersonic.
type appTheme struct {
	fyne.Theme
	scale float32
	// variant is the light or dark variant the 主题 setting forces; system (跟随系统) keeps the desktop's.
	variant fyne.ThemeVariant
	system  bool
}

// newTheme returns the light theme for a 字号 setting; an unknown value means 标准.
func newTheme(textSize string) *appTheme { return newThemeMode(textSize, store.ThemeLight) }

// settingsTheme returns the theme of the office settings: their 字号 and 主题.
func settingsTheme(s store.Settings) *appTheme { return newThemeMode(s.TextSize, s.Theme) }

// newThemeMode returns the theme for a 字号 and a 主题 setting; an unknown size means 标准, an unknown theme 浅色.
func newThemeMode(textSize, mode string) *appTheme {
	s := float32(1)
	if i := slices.Index(store.TextSizes, textSize); i >= 0 {
		s = textScales[i]
	}
	t := &appTheme{Theme: theme.DefaultTheme(), scale: s, variant: theme.VariantLight}
	switch mode {
	case store.ThemeDark:
		t.variant = theme.VariantDark
	case store.ThemeSystem:
		t.system = true
	}
	return t
}

// Color gives every colour of the chosen variant: Fyne asks with the desktop's variant, which an office
// program follows only when the clerk chose 跟随系统 (a dark desktop must not make the forms dark unasked).
func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if !t.system {
		v = t.variant
	}
	return t.Theme.Color(n, v)
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
