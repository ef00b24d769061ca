package assets

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	"golang.org/x/image/font/sfnt"
)

// subsetTrueType returns a copy of the TrueType font ttf that maps only the runes keep accepts: the other
// glyphs' outlines are dropped (their loca entries become empty, glyph ids are unchanged, so hmtx and the
// kerning tables stay valid) and the cmap is rewritten to list only the kept runes, so that a text library
// falls back to another font for the rest instead of drawing an empty glyph. Only BMP runes are looked at:
// the printing font has no others. Every other table is copied as it is.
func subsetTrueType(ttf []byte, keep func(rune) bool) ([]byte, error) {
	tables, err := sfntTables(ttf)
	if err != nil {
		return nil, err
	}
	head, maxp, loca, glyf := tables["head"], tables["maxp"], tables["loca"], tables["glyf"]
	if len(head) < 54 || len(maxp) < 6 || loca == nil || glyf == nil {
		return nil, errors.New("not a TrueType (glyf) font")
	}
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	offsets, err := locaOffsets(loca, numGlyphs, binary.BigEndian.Uint16(head[50:]) == 1, len(glyf))
	if err != nil {
		return nil, err
	}

	f, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, err
	}
	var buf sfnt.Buffer
	var mapped []cmapEntry
	kept := make([]bool, numGlyphs)
	kept[0] = true // .notdef
	for r := rune(0); r <= 0xFFFF; r++ {
		if (r >= 0xD800 && r <= 0xDFFF) || !keep(r) {
			continue
		}
		gi, err := f.GlyphIndex(&buf, r)
		if err != nil || gi == 0 {
			continue
		}
		if int(gi) >= numGlyphs {
			return nil, fmt.Errorf("cmap maps U+%04X to glyph %d of %d", r, gi, numGlyphs)
		}
		mapped = append(mapped, cmapEntry{r, uint16(gi)})
		if err := keepGlyph(kept, glyf, offsets, int(gi)); err != nil {
			return nil, err
		}
	}

	newGlyf := make([]byte, 0, len(glyf)/2)
	newLoca := make([]byte, 4*(numGlyphs+1))
	for g := 0; g < numGlyphs; g++ {
		binary.BigEndian.PutUint32(newLoca[4*g:], uint32(len(newGlyf)))
		if kept[g] {
			newGlyf = append(newGlyf, glyf[offsets[g]:offsets[g+1]]...)
			if len(newGlyf)%4 != 0 {
				newGlyf = append(newGlyf, make([]byte, 4-len(newGlyf)%4)...)
			}
		}
	}
	binary.BigEndian.PutUint32(newLoca[4*numGlyphs:], uint32(len(newGlyf)))

	newHead := slices.Clone(head)
	binary.BigEndian.PutUint16(newHead[50:], 1) // indexToLocFormat: long offsets
	tables["head"], tables["loca"], tables["glyf"], tables["cmap"] = newHead, newLoca, newGlyf, cmapFormat12(mapped)
	return sfntAssemble(binary.BigEndian.Uint32(ttf), tables), nil
}

// sfntTables splits a single (not collection) sfnt font into its tables by tag.
func sfntTables(b []byte) (map[string][]byte, error) {
	if len(b) < 12 {
		return nil, errors.New("font too short")
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	if len(b) < 12+16*n {
		return nil, errors.New("font table directory cut short")
	}
	tables := make(map[string][]byte, n)
	for i := range n {
		rec := b[12+16*i:]
		off, size := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(size) > uint64(len(b)) {
			return nil, fmt.Errorf("font table %q runs past the end", rec[:4])
		}
		tables[string(rec[:4])] = b[off : off+size]
	}
	return tables, nil
}

// locaOffsets reads the numGlyphs+1 glyph offsets into glyf from a short (halved 16-bit) or long loca table.
func locaOffsets(loca []byte, numGlyphs int, long bool, glyfLen int) ([]int, error) {
	offsets := make([]int, numGlyphs+1)
	for i := range offsets {
		switch {
		case long && len(loca) >= 4*(i+1):
			offsets[i] = int(binary.BigEndian.Uint32(loca[4*i:]))
		case !long && len(loca) >= 2*(i+1):
			offsets[i] = 2 * int(binary.BigEndian.Uint16(loca[2*i:]))
		default:
			return nil, errors.New("loca table too short")
		}
		if offsets[i] > glyfLen || (i > 0 && offsets[i] < offsets[i-1]) {
			return nil, fmt.Errorf("loca offset %d of glyph %d is out of order or past glyf", offsets[i], i)
		}
	}
	return offsets, nil
}

// keepGlyph marks glyph g kept. Composite glyphs (made of others) are refused: make_fonts.sh builds every
// glyph of the printing font as a simple outline (otf2ttf.py, add_symbols.py).
func keepGlyph(kept []bool, glyf []byte, offsets []int, g int) error {
	data := glyf[offsets[g]:offsets[g+1]]
	if len(data) >= 2 && int16(binary.BigEndian.Uint16(data)) < 0 {
		return fmt.Errorf("glyph %d is a composite glyph", g)
	}
	kept[g] = true
	return nil
}

// cmapEntry maps a rune to a glyph id.
type cmapEntry struct {
	r  rune
	gi uint16
}

// cmapFormat12 returns a cmap table with one Unicode subtable (Windows, full repertoire: platform 3,
// encoding 10) of format 12, in groups of consecutive runes mapped to consecutive glyphs. entries are in
// rune order.
func cmapFormat12(entries []cmapEntry) []byte {
	type group struct {
		first, last rune
		gi          uint16
	}
	var groups []group
	for _, e := range entries {
		if n := len(groups); n > 0 {
			g := &groups[n-1]
			if e.r == g.last+1 && int(e.gi) == int(g.gi)+int(e.r-g.first) {
				g.last = e.r
				continue
			}
		}
		groups = append(groups, group{e.r, e.r, e.gi})
	}
	sub := make([]byte, 16+12*len(groups))
	binary.BigEndian.PutUint16(sub[0:], 12)
	binary.BigEndian.PutUint32(sub[4:], uint32(len(sub)))
	binary.BigEndian.PutUint32(sub[12:], uint32(len(groups)))
	for i, g := range groups {
		binary.BigEndian.PutUint32(sub[16+12*i:], uint32(g.first))
		binary.BigEndian.PutUint32(sub[20+12*i:], uint32(g.last))
		binary.BigEndian.PutUint32(sub[24+12*i:], uint32(g.gi))
	}
	out := make([]byte, 12, 12+len(sub))
	binary.BigEndian.PutUint16(out[2:], 1)  // one encoding record
	binary.BigEndian.PutUint16(out[4:], 3)  // platform: Windows
	binary.BigEndian.PutUint16(out[6:], 10) // encoding: Unicode full repertoire
	binary.BigEndian.PutUint32(out[8:], 12) // the subtable follows the record
	return append(out, sub...)
}

// sfntAssemble writes a font of the tables with the given sfnt version: the directory in tag order, each
// table 4-byte aligned with its checksum, and head's checkSumAdjustment for the whole file.
func sfntAssemble(version uint32, tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	size := 0
	for tag, t := range tables {
		tags = append(tags, tag)
		size += (len(t) + 3) &^ 3
	}
	slices.Sort(tags)
	n := len(tags)
	pow := 1
	for pow*2 <= n {
		pow *= 2
	}
	log2 := 0
	for 1<<(log2+1) <= pow {
		log2++
	}
	out := make([]byte, 12+16*n, 12+16*n+size)
	binary.BigEndian.PutUint32(out[0:], version)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(16*pow))
	binary.BigEndian.PutUint16(out[8:], uint16(log2))
	binary.BigEndian.PutUint16(out[10:], uint16(16*(n-pow)))
	headAt := -1
	for i, tag := range tags {
		t := tables[tag]
		if tag == "head" {
			t = slices.Clone(t)
			binary.BigEndian.PutUint32(t[8:], 0) // checkSumAdjustment is computed over the file with it zero
			headAt = len(out)
		}
		rec := out[12+16*i:]
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[4:], sfntChecksum(t))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(t)))
		out = append(out, t...)
		out = append(out, make([]byte, (4-len(t)%4)%4)...)
	}
	if headAt >= 0 {
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-sfntChecksum(out))
	}
	return out
}

// sfntChecksum is the sum of b as big-endian 32-bit words, the last one padded with zeros.
func sfntChecksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
