package assets

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// requiredRunes are the characters the application must be able to display
// with every bundled font: common and rare (堃 喆) ideographs, Extension A,
// full-width punctuation, ASCII and the form symbols.
const requiredRunes = "人大代表堃喆㐀（），。、Az09□■●×✓"

// ballotRunes are the symbols only printed ballots use: the printing font has
// them (add_symbols.py), the window's fonts need not.
const ballotRunes = "☐☑☒✔"

// TestFonts checks that each embedded font is a single font of the outline
// kind its reader needs — TrueType glyf for the PDF library, CFF for the
// window (see assets.go) — with a non-empty glyph for every required rune.
func TestFonts(t *testing.T) {
	trueType := []byte{0x00, 0x01, 0x00, 0x00}
	fonts := []struct {
		name  string
		data  []byte
		tag   []byte // 0x00010000 marks TrueType outlines, "OTTO" CFF ("ttcf" would be a collection)
		runes string
	}{
		{"FontRegular", FontRegular(), trueType, requiredRunes + ballotRunes},
		{"WindowRegular", UnpackWindowRegular(), []byte("OTTO"), requiredRunes},
		{"WindowBold", UnpackWindowBold(), []byte("OTTO"), requiredRunes},
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
			for _, r := range f.runes {
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
		})
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
