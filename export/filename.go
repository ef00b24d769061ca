package export

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits of a file name the program proposes or writes. 255 bytes is the limit of a name on Linux (ext4) and
// of most file systems; a Windows path as a whole is safe within MAX_PATH (260) only when the name leaves
// room for its folder, and an office name can be a whole sentence. So: at most 80 characters, and 240 bytes
// (80 Chinese characters are 240 bytes in UTF-8).
const (
	maxFileNameRunes = 80
	maxFileNameBytes = 240
)

// FileName builds a file name that every file system accepts from head, tail and ext: 「青山镇人大主席团」 +
// 「2024年度工作统计」 + 「.xlsx」. Characters no file system accepts (/ \ : * ? " < > |, control characters) become
// _, invisible and bidirectional control characters are dropped, and a name too long (see maxFileNameRunes) is
// shortened: head first (it is the office or the record, the same in every file), marked with …, then tail;
// ext is always kept. A name Windows reserves (CON, NUL, COM1 …) gets a _ in front.
func FileName(head, tail, ext string) string {
	head, tail = fileNameText(head), fileNameText(tail)
	fits := func(name string) bool {
		name += ext
		return utf8.RuneCountInString(name) <= maxFileNameRunes && len(name) <= maxFileNameBytes
	}
	if !fits(head + tail) {
		h := []rune(head)
		for len(h) > 0 && !fits(string(h)+"…"+tail) {
			h = h[:len(h)-1]
		}
		head = ""
		if len(h) > 0 {
			head = string(h) + "…"
		}
		if !fits(head + tail) { // the tail alone is too long
			t := []rune(tail)
			for len(t) > 0 && !fits(head+string(t)+"…") {
				t = t[:len(t)-1]
			}
			tail = string(t) + "…"
		}
	}
	// Windows drops dots and spaces at the end of a name, and a name must not be empty.
	name := strings.TrimRight(head+tail, ". ")
	if name == "" {
		name = "人大工作台"
	}
	stem, _, _ := strings.Cut(name, ".")
	switch strings.ToUpper(strings.TrimSpace(stem)) {
	case "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
		"LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9":
		name = "_" + name
	}
	return name + ext
}

// fileNameText is s with what a file name cannot hold replaced or dropped (see FileName), and line breaks and
// tabs as spaces.
func fileNameText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' || r == 0x7F:
			return '_'
		case r >= 0x200B && r <= 0x200F || r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 || r == 0x2060 || r == 0xFEFF:
			return -1
		case !unicode.IsPrint(r) && !unicode.IsSpace(r):
			return -1
		}
		return r
	}, s)
}
