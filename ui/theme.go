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

// Fonts bundled for Chinese text (Fyne's default font has no CJK glyphs). They hold the characters of
// everyday Chinese text (GB 2312's 6 763 ideographs): for a rarer one, 喆 or 堃 in a name, Fyne looks past the
// theme's font and its own to the system's fonts (Microsoft YaHei on Windows, Noto Sans CJK or WenQuanYi on
// UOS and Kylin), which it indexes at start anyway (see assets.go; TestRareCharactersFallBack).
var (
	fontRegular = &fontResource{name: "NotoSansSC-Regular.otf", unpack: assets.UnpackWindowRegular}
	fontBold    = &fontResource{name: "NotoSansSC-Bold.otf", unpack: assets.UnpackWindowBold}
	appIcon     = fyne.NewStaticResource("icon.png", assets.Icon)
)

// fontResource is a bundled font that the theme does not keep unpacked. Fyne asks for a theme font's bytes
// only when it has no parsed face for a text style (the first text of each style, and after a theme change);
// its text library keeps slices of the bytes (CFF glyphs are read when drawn) for as long as it keeps that
// face, so a copy held here as well would be a second 1.6 MB per weight after a theme change. Each Content
// unpacks anew (~0.01 s), except that one copy can be unpacked ahead (prefetch) while the database opens.
type fontResource struct {
	name   string
	unpack func() []byte
	mu     sync.Mutex
	ahead  chan []byte // the copy being unpacked ahead, nil when there is none
}

// Name is the font file's name.
func (f *fontResource) Name() string { return f.name }

// Content returns the unpacked font: the copy made ahead, when there is one (waiting for it to be done),
// else a new one.
func (f *fontResource) Content() []byte {
	f.mu.Lock()
	ahead := f.ahead
	f.ahead = nil
	f.mu.Unlock()
	if ahead != nil {
		return <-ahead
	}
	return f.unpack()
}

// prefetch starts unpacking a copy for the next Content, unless one is on its way.
func (f *fontResource) prefetch() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.ahead == nil {
		ch := make(chan []byte, 1)
		f.ahead = ch
		go func() { ch <- f.unpack() }()
	}
}

// parseFonts has Fyne parse the window's two fonts (the first measure of each style does, waiting for the
// unpacking: fontResource), so that start-up can do it while the database file is checked. It runs on the
// UI goroutine, as every measure does.
func parseFonts() {
	size := theme.DefaultTheme().Size(theme.SizeNameText)
	fyne.MeasureText("人大工作台", size, fyne.TextStyle{})
	fyne.MeasureText("人大工作台", size, fyne.TextStyle{Bold: true})
}

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
		return fontBold
	}
	return fontRegular
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
