package assets

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"slices"
	"testing"

	gotext "github.com/go-text/typesetting/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// requiredRunes are the characters every bundled font must draw: common ideographs, full-width
// punctuation, ASCII and the form symbols.
const requiredRunes = "人大代表（），。、Az09□■●×✓"

// rareRunes are ideographs outside GB 2312 (堃 喆, common in names; 㐀 of Extension A): the printing font has
// them, the window's fonts leave them to a system font.
const rareRunes = "堃喆㐀"

// ballotRunes are the symbols only printed ballots use: the printing font has
// them (add_symbols.py), the window's bold need not.
const ballotRunes = "☐☑☒✔"

// TestFonts checks that each embedded font is a single font of the outline
// kind its reader needs — TrueType glyf for the PDF library and the window's
// regular (cut from it at run time), CFF for the window's bold (see assets.go) —
// with a non-empty glyph for every character it promises, and none for the
// characters it leaves to a system font (a mapped empty glyph would draw as
// nothing instead of falling back).
func TestFonts(t *testing.T) {
	trueType := []byte{0x00, 0x01, 0x00, 0x00}
	fonts := []struct {
		name    string
		data    []byte
		tag     []byte // 0x00010000 marks TrueType outlines, "OTTO" CFF ("ttcf" would be a collection)
		runes   string
		hanzi   []rune // ideographs it must have, besides runes
		lacking string
	}{
		{"FontRegular", FontRegular(), trueType, requiredRunes + rareRunes + ballotRunes, gb2312Ideographs(0xF7), ""},
		{"WindowRegular", UnpackWindowRegular(), trueType, requiredRunes + ballotRunes, gb2312Ideographs(0xF7), rareRunes},
		// 亍 is the first ideograph of GB 2312 level 2.
		{"WindowBold", UnpackWindowBold(), []byte("OTTO"), requiredRunes, gb2312Ideographs(0xD7), rareRunes + "亍"},
	}
	for _, f := range fonts {
		t.Run(f.name, func(t *testing.T) {
			if len(f.data) < 4 {
				t.Fatalf("font is empty (%d bytes)", len(f.data))
			}
			if tag := f.data[:4]; !bytes.Equal(tag, f.tag) {
				t.Fatalf("sfnt version is %q, want %q", tag, f.tag)
			}
			font, err := sfnt.Parse(f.data)
			if err != nil {
				t.Fatalf("sfnt.Parse: %v", err)
			}
			var buf sfnt.Buffer
			for _, r := range f.runes + string(f.hanzi) {
				idx, err := font.GlyphIndex(&buf, r)
				if err != nil {
					t.Errorf("GlyphIndex(%q): %v", r, err)
					continue
				}
				if idx == 0 {
					t.Errorf("no glyph for %q (U+%04X)", r, r)
					continue
				}
				segs, err := font.LoadGlyph(&buf, idx, fixed.I(16), nil)
				if err != nil {
					t.Errorf("LoadGlyph(%q): %v", r, err)
				} else if len(segs) == 0 {
					t.Errorf("glyph for %q (U+%04X) has no outline", r, r)
				}
			}
			for _, r := range f.lacking {
				if idx, err := font.GlyphIndex(&buf, r); err != nil || idx != 0 {
					t.Errorf("%q (U+%04X) maps to glyph %d (%v), want none: the window draws it with a system font", r, r, idx, err)
				}
			}
		})
	}
}

// TestGB2312 checks the character lists the window's fonts are cut to: GB 2312 has 3 755 ideographs in
// level 1 and 6 763 in all, 鑫 among them and not 喆.
func TestGB2312(t *testing.T) {
	if n := len(gb2312Ideographs(0xD7)); n != 3755 {
		t.Errorf("level 1 has %d ideographs, want 3755", n)
	}
	if n := len(gb2312Ideographs(0xF7)); n != 6763 {
		t.Errorf("GB 2312 has %d ideographs, want 6763", n)
	}
	for r, want := range map[rune]bool{'鑫': true, '亍': true, '喆': false, '㐀': false, '，': true, 'A': true} {
		if got := WindowRegularRunes(r); got != want {
			t.Errorf("WindowRegularRunes(%q) = %v, want %v", r, got, want)
		}
	}
}

// TestWindowRegularIsPrintingOutlines: the window's regular font is the printing font's outlines, glyph
// for glyph, and the window's text library (go-text, which Fyne draws with) reads it: what the clerk sees
// is what prints.
func TestWindowRegularIsPrintingOutlines(t *testing.T) {
	window, printing := UnpackWindowRegular(), FontRegular()
	wf, err := sfnt.Parse(window)
	if err != nil {
		t.Fatal(err)
	}
	pf, err := sfnt.Parse(printing)
	if err != nil {
		t.Fatal(err)
	}
	var wb, pb sfnt.Buffer
	kept := 0
	for r := rune(0x20); r <= 0xFFEF; r++ {
		pi, _ := pf.GlyphIndex(&pb, r)
		wi, _ := wf.GlyphIndex(&wb, r)
		if pi == 0 || !WindowRegularRunes(r) {
			continue
		}
		kept++
		if wi != pi {
			t.Fatalf("U+%04X: window glyph %d, printing glyph %d", r, wi, pi)
		}
		ws, err1 := wf.LoadGlyph(&wb, wi, fixed.I(64), nil)
		ps, err2 := pf.LoadGlyph(&pb, pi, fixed.I(64), nil)
		if err1 != nil || err2 != nil || !slices.Equal(ws, ps) {
			t.Fatalf("U+%04X: outline differs (%v, %v)", r, err1, err2)
		}
	}
	if kept < 6763+500 {
		t.Errorf("only %d characters kept", kept)
	}

	face, err := gotext.ParseTTF(bytes.NewReader(window))
	if err != nil {
		t.Fatalf("go-text: %v", err)
	}
	for _, r := range "人大，A鑫" {
		if gid, ok := face.NominalGlyph(r); !ok || face.HorizontalAdvance(gid) <= 0 {
			t.Errorf("go-text: %q has glyph %d (%v), advance %v", r, gid, ok, face.HorizontalAdvance(gid))
		}
	}
	if _, ok := face.NominalGlyph('喆'); ok {
		t.Errorf("go-text: the window's regular maps 喆: Fyne would not fall back to a system font for it")
	}
}

// TestGunzipExactSize: the fonts unpack into a slice of exactly their size (the gzip trailer's), and a file
// whose trailer understates it is refused rather than cut short.
func TestGunzipExactSize(t *testing.T) {
	var z bytes.Buffer
	w := gzip.NewWriter(&z)
	want := bytes.Repeat([]byte("人大代表"), 10000)
	w.Write(want)
	w.Close()
	got := gunzip(z.Bytes())
	if !bytes.Equal(got, want) || cap(got) != len(want) {
		t.Fatalf("unpacked %d bytes (capacity %d), want %d", len(got), cap(got), len(want))
	}
	t.Run("TrailerTooShort", func(t *testing.T) {
		bad := bytes.Clone(z.Bytes())
		binary.LittleEndian.PutUint32(bad[len(bad)-4:], uint32(len(want)-1))
		defer func() {
			if recover() == nil {
				t.Fatal("a file longer than its trailer says was accepted")
			}
		}()
		gunzip(bad)
	})
}
