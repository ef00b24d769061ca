package assets

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"unicode/utf8"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// requiredRunes are the characters every bundled font must draw: common ideographs, full-width
// punctuation, ASCII and the form symbols.
const requiredRunes = "人大代表（），。、Az09□■●×✓"

// rareRunes are ideographs outside GB 2312 (堃 喆, common in names; 㐀 of Extension A): the printing font has
// them, the window's fonts leave them to a system font.
const rareRunes = "堃喆㐀"

// ballotRunes are the symbols only printed ballots use: the printing font has
// them (add_symbols.py), the window's fonts need not.
const ballotRunes = "☐☑☒✔"

// TestFonts checks that each embedded font is a single font of the outline
// kind its reader needs — TrueType glyf for the PDF library, CFF for the
// window (see assets.go) — with a non-empty glyph for every character it
// promises: the printing font every ideograph, the window's GB 2312's. The
// window's fonts must not map the rarer ones (a mapped empty glyph would draw
// nothing instead of falling back to a system font).
func TestFonts(t *testing.T) {
	trueType := []byte{0x00, 0x01, 0x00, 0x00}
	gb := gb2312Ideographs(t)
	fonts := []struct {
		name    string
		data    []byte
		tag     []byte // 0x00010000 marks TrueType outlines, "OTTO" CFF ("ttcf" would be a collection)
		runes   string
		lacking string
	}{
		{"FontRegular", FontRegular(), trueType, requiredRunes + rareRunes + ballotRunes + string(gb), ""},
		{"WindowRegular", UnpackWindowRegular(), []byte("OTTO"), requiredRunes + string(gb), rareRunes},
		{"WindowBold", UnpackWindowBold(), []byte("OTTO"), requiredRunes + string(gb), rareRunes},
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
			for _, r := range f.lacking {
				if idx, err := font.GlyphIndex(&buf, r); err != nil || idx != 0 {
					t.Errorf("%q (U+%04X) maps to glyph %d (%v), want none: the window draws it with a system font", r, r, idx, err)
				}
			}
		})
	}
}

// gb2312Ideographs lists GB 2312's 6 763 ideographs (rows 16 to 87, bytes B0A1 to F7FE) with the GBK
// decoder of golang.org/x/text (GBK keeps GB 2312's codes): what make_fonts.sh keeps in the window's fonts,
// read independently of Python's codec that it uses.
func gb2312Ideographs(t *testing.T) []rune {
	var out []rune
	dec := simplifiedchinese.GBK.NewDecoder()
	for hi := byte(0xB0); hi <= 0xF7; hi++ {
		for lo := byte(0xA1); lo <= 0xFE; lo++ {
			b, err := dec.Bytes([]byte{hi, lo})
			if r, _ := utf8.DecodeRune(b); err == nil && r >= 0x4E00 && r <= 0x9FFF {
				out = append(out, r)
			}
		}
	}
	if len(out) != 6763 || !slices.Contains(out, '鑫') || slices.Contains(out, '喆') {
		t.Fatalf("read %d ideographs of GB 2312, want 6 763 with 鑫 and without 喆", len(out))
	}
	return out
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

// TestFontCache: the printing font is unpacked once per machine and read from the cache folder after, only
// when the copy there is byte for byte the font; a damaged or short copy is replaced, older versions'
// copies removed, and no usable folder still gives the font.
func TestFontCache(t *testing.T) {
	want := gunzip(fontRegularGz)
	calls := 0
	unpack = func(b []byte) []byte { calls++; return gunzip(b) }
	t.Cleanup(func() { unpack = gunzip })

	dir := filepath.Join(t.TempDir(), "rendadesk")
	os.MkdirAll(dir, 0o755)
	stale := filepath.Join(dir, "NotoSansSC-Regular-00000000.ttf")
	os.WriteFile(stale, []byte("an older binary's font"), 0o644)
	get := func(what string, wantCalls int) {
		t.Helper()
		if got := unpackVia(dir, fontRegularGz, "NotoSansSC-Regular.ttf"); !bytes.Equal(got, want) {
			t.Fatalf("%s: not the font (%d bytes, want %d)", what, len(got), len(want))
		}
		if calls != wantCalls {
			t.Errorf("%s: unpacked %d times, want %d", what, calls, wantCalls)
		}
	}
	get("first use", 1)
	copies, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(copies) != 1 || copies[0] == stale {
		t.Fatalf("cache folder holds %v, want the font's copy only", copies)
	}
	if b, _ := os.ReadFile(copies[0]); !bytes.Equal(b, want) {
		t.Fatal("the copy is not the font")
	}
	get("second use", 1)
	if runtime.GOOS == "windows" {
		return // the copy stays mapped by the second use: Windows refuses to rewrite it, as it should
	}

	damaged := bytes.Clone(want)
	damaged[len(damaged)/2] ^= 1
	os.WriteFile(copies[0], damaged, 0o644)
	get("damaged copy", 2)
	os.WriteFile(copies[0], want[:len(want)/2], 0o644)
	get("short copy", 3)
	if b, _ := os.ReadFile(copies[0]); !bytes.Equal(b, want) {
		t.Error("the damaged copy was not replaced")
	}
	get("replaced copy", 3)

	file := filepath.Join(t.TempDir(), "a-file")
	os.WriteFile(file, nil, 0o644)
	calls = 0
	if got := unpackVia(filepath.Join(file, "rendadesk"), fontRegularGz, "NotoSansSC-Regular.ttf"); !bytes.Equal(got, want) || calls != 1 {
		t.Errorf("no usable folder: %d bytes, %d unpackings", len(got), calls)
	}
}

// TestMapFile: a file is mapped with its bytes, writing into them changes the process's copy and never the
// file, and what cannot be mapped (no file, a folder, an empty file) gives nil, for the caller to read instead.
func TestMapFile(t *testing.T) {
	if runtime.GOOS != "windows" && runtime.GOOS != "linux" && runtime.GOOS != "darwin" && runtime.GOOS != "freebsd" {
		t.Skip("no mapping on", runtime.GOOS)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "font.ttf")
	want := bytes.Repeat([]byte("人大工作台 rendadesk "), 50000)
	if err := os.WriteFile(path, want, 0o644); err != nil {
		t.Fatal(err)
	}
	b, unmap := mapFile(path)
	if !bytes.Equal(b, want) {
		t.Fatalf("mapped %d bytes, want the file's %d", len(b), len(want))
	}
	b[0], b[len(b)-1] = 'X', 'Y'
	unmap()
	if got, _ := os.ReadFile(path); !bytes.Equal(got, want) {
		t.Error("a write into the mapped bytes reached the file")
	}
	empty := filepath.Join(dir, "empty")
	os.WriteFile(empty, nil, 0o644)
	for _, p := range []string{filepath.Join(dir, "missing"), dir, empty} {
		if b, unmap := mapFile(p); b != nil || unmap != nil {
			t.Errorf("%s: mapped %d bytes, want nothing", filepath.Base(p), len(b))
		}
	}
}
