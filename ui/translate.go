package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"rendadesk/assets"
)

// translationLocales are the locales our Chinese strings are registered under: every language Fyne ships
// (so the user's locale, whatever it is, resolves to one of them) plus plain zh. Fyne's own zh_Hans has odd
// words (OK → 好, No → 不); ours, registered later, take precedence.
var translationLocales = []fyne.Locale{"en", "zh", "zh-Hans", "zh-Hant", "zh-CN", "zh-TW", "cs", "de", "el", "es",
	"fr", "pl", "pt", "pt-BR", "ru", "sv", "ta", "uk", "ja", "ko"}

// registerTranslations makes Fyne's built-in strings Chinese. It must run before any widget is built.
func registerTranslations() {
	for _, l := range translationLocales {
		if err := lang.AddTranslationsForLocale(assets.TranslationZh, l); err != nil {
			fyne.LogError("注册界面翻译 "+l.String(), err)
		}
	}
}
