package export

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// wrapText breaks text into lines no wider than width, as measured by measure (fpdf's GetStringWidth for
// the current font). We do not use fpdf's MultiCell or SplitText: they drop one Chinese character at every
// line break (go-pdf/fpdf#80).
//
// The rules are those of Chinese typesetting:
//   - a line may break between any two Han characters (and other CJK characters and full-width forms);
//   - a run of Latin letters, digits and ASCII punctuation (a word, 2024-012, 13812345678, 3.5%) stays whole,
//     unless the run alone is wider than a line; then it is broken between characters;
//   - spaces are break opportunities and hang at the end of a line (they are invisible, so they may reach
//     past the width; see isHangingSpace);
//   - every "\n" ends a line, and an empty paragraph gives an empty line;
//   - no line starts with closing punctuation and no line ends with opening punctuation (避头尾): the
//     character before is pulled down to the next line instead — unless the line is too narrow for that.
//
// Nothing is lost: joining the lines gives text without the "\n"s it was split on. A line is wider than
// width only when it holds a single character that is wider than width by itself.
//
// Each piece is measured once and widths are added up, which is exact for fpdf (a string's width is the sum
// of its glyphs' advances; there is no kerning) and keeps wrapping linear in the length of the text.
func wrapText(measure func(string) float64, text string, width float64) []string {
	var out []string
	for para := range strings.SplitSeq(text, "\n") { // no slice of the paragraphs: a report wraps ~10⁵ cells
		out = wrapParagraph(out, measure, para, width)
	}
	return out
}

// WrapText breaks text into lines no wider than width by the rules of Chinese typesetting the PDFs follow
// (see wrapText): no line starts with 「，」, a number or a word is not split. measure gives a string's width
// in the unit of width. The window sets the report text with it too, so the screen breaks lines as paper does.
func WrapText(measure func(string) float64, text string, width float64) []string {
	return wrapText(measure, text, width)
}

// A token is what the wrapper places as a whole: one CJK character, one Latin/digit run, or one space.
type token struct {
	text  string
	w     float64
	space bool
}

// tokenize splits a paragraph into tokens. Latin runs are every maximal run of runes below the CJK
// blocks (U+2E80) that are not spaces; everything from U+2E80 up (Han, kana, CJK punctuation, full-width
// forms) is a token of its own, and so is an invalid byte.
func tokenize(para string) []token {
	var toks []token
	start := -1 // start of the current Latin run
	flush := func(end int) {
		if start >= 0 {
			toks = append(toks, token{text: para[start:end]})
			start = -1
		}
	}
	for i := 0; i < len(para); {
		r, size := utf8.DecodeRuneInString(para[i:]) // an invalid byte is RuneError of size 1, kept as it is
		switch {
		case isHangingSpace(r):
			flush(i)
			toks = append(toks, token{text: para[i : i+size], space: true})
		case isWordRune(r):
			if start < 0 {
				start = i
			}
		default:
			flush(i)
			toks = append(toks, token{text: para[i : i+size]})
		}
		i += size
	}
	flush(len(para))
	return toks
}

// isHangingSpace reports whether r is a space that may hang past the end of a line. The ideographic
// space U+3000 is not one: Chinese paragraphs are indented with it, so it is placed like a character.
func isHangingSpace(r rune) bool {
	return r != '\n' && r != '\u3000' && unicode.IsSpace(r)
}

// isWordRune reports whether r belongs to a run that is kept whole: letters, digits and punctuation of
// the alphabetic scripts, up to the CJK blocks.
func isWordRune(r rune) bool {
	return r < 0x2E80 && r != utf8.RuneError && !isHangingSpace(r) && r != '\n'
}

// closing is the punctuation that may not start a line (行首禁则).
const closing = "，。、；：？！）》」』】〕〗〙〛〉…—–％‰,.;:?!)]}’”›»・·～﹚﹜﹞｝］｠︰〞"

// opening is the punctuation that may not end a line (行尾禁则).
const opening = "（《「『【〔〖〘〚〈([{“‘‹«｛［｟〝"

func startsClosing(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune(closing, r)
}

func endsOpening(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(opening, r)
}

// visible trims the hanging spaces from the end of a line: they take no room on paper.
func visible(s string) string { return strings.TrimRightFunc(s, isHangingSpace) }

func joinTokens(toks []token) string {
	var b strings.Builder
	for _, t := range toks {
		b.WriteString(t.text)
	}
	return b.String()
}

const widthSlack = 1e-9 // float rounding when a line is exactly full

// wrapParagraph appends the lines of one paragraph (no "\n") to lines.
func wrapParagraph(lines []string, measure func(string) float64, para string, width float64) []string {
	// Most paragraphs (a table cell: a name, a date, a count) fit on one line: measured whole, with none of
	// the tokens below. The tokens' widths add up to the whole's, so the wrapping below would give the same
	// single line; the comparison is against width itself, not limit, so that the sum's rounding (far below
	// widthSlack) cannot decide differently.
	if measure(para) <= width {
		return append(lines, para)
	}
	return wrapTokens(lines, measure, para, width)
}

// wrapTokens is wrapParagraph placing the paragraph token by token.
func wrapTokens(lines []string, measure func(string) float64, para string, width float64) []string {
	limit := width + widthSlack
	var cur []token // the line being filled
	curW := 0.0     // its width, counting the spaces at its end
	add := func(t token) {
		cur = append(cur, t)
		curW += t.w
	}
	place := func(t token) {
		if curW+t.w <= limit || len(cur) == 0 { // fits, or a character wider than a line on its own
			add(t)
			return
		}
		k, ok := breakPoint(cur, t, limit)
		if !ok {
			// The line ends in a Latin run that cannot move down with the punctuation after it (an e-mail
			// address and its 。 filling the line): run and mark are too wide together, so break the run.
			if head, tail, ok := splitRun(measure, cur[len(cur)-1], t, limit); ok {
				cur[len(cur)-1] = head
				lines = append(lines, joinTokens(cur))
				cur, curW = nil, 0
				add(tail)
				add(t)
				return
			}
		}
		lines = append(lines, joinTokens(cur[:k]))
		rest := cur[k:]
		cur, curW = nil, 0
		for _, r := range rest {
			add(r)
		}
		add(t)
	}
	for _, t := range tokenize(para) {
		t.w = measure(t.text)
		switch {
		case t.space:
			add(t) // spaces hang
		case t.w > limit && utf8.RuneCountInString(t.text) > 1:
			// A Latin run wider than a whole line is broken between its characters.
			for _, r := range t.text {
				c := string(r)
				place(token{text: c, w: measure(c)})
			}
		default:
			place(t)
		}
	}
	return append(lines, joinTokens(cur))
}

// breakPoint chooses where the current line ends when next does not fit on it: cur[:k] stays, cur[k:]
// moves down with next. It is the last point where the new line does not start with closing punctuation
// or a space, the old line does not end with opening punctuation, and the moved characters still fit.
// When there is no such point (a very narrow column, or a run of punctuation), ok is false and the line
// simply ends: k = len(cur).
func breakPoint(cur []token, next token, limit float64) (k int, ok bool) {
	moved := next.w // the width of the new line: cur[k:] and next
	for k := len(cur); k >= 1; k-- {
		first := next
		if k < len(cur) {
			first = cur[k]
			moved += first.w
			if moved > limit {
				break // moving more only makes the new line wider
			}
		}
		if first.space || startsClosing(first.text) {
			continue
		}
		last := k - 1 // the last visible token of the old line
		for last >= 0 && cur[last].space {
			last--
		}
		if last < 0 || endsOpening(cur[last].text) {
			continue
		}
		return k, true
	}
	return len(cur), false
}

// splitRun breaks the Latin run last, when it is too wide for a line together with the punctuation next,
// so that its tail can go down with next: the longest head whose tail and next fit on a line, with
// neither side breaking the punctuation rules.
func splitRun(measure func(string) float64, last, next token, limit float64) (head, tail token, ok bool) {
	if last.space || last.w+next.w <= limit || utf8.RuneCountInString(last.text) < 2 {
		return head, tail, false // only a run that is too wide with its punctuation is broken
	}
	moved := next.w
	for j := len(last.text); j > 0; {
		r, size := utf8.DecodeLastRuneInString(last.text[:j]) // a Latin run is valid UTF-8
		j -= size
		if j == 0 {
			break // the whole run would move: that is no split
		}
		moved += measure(string(r))
		if moved > limit {
			break
		}
		h, t := last.text[:j], last.text[j:]
		if !startsClosing(t) && !endsOpening(h) {
			return token{text: h, w: measure(h)}, token{text: t, w: moved - next.w}, true
		}
	}
	return head, tail, false
}
