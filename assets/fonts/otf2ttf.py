#!/usr/bin/python3
"""Convert a CFF-flavoured OpenType font (.otf) into a TrueType (.ttf) font.

Used by make_fonts.sh. The cubic CFF outlines are approximated with quadratic
curves (fontTools.pens.cu2quPen) and stored in a new 'glyf'/'loca' table pair;
the 'CFF ' table is removed, 'maxp' becomes version 1.0 and 'post' becomes
format 3 (no glyph names, which saves space for ~30k CID glyphs).

This follows the logic of fontTools' Snippets/otf2ttf.py (MIT licence).

The output is deterministic: the 'head' timestamps of the input are kept
(recalcTimestamp=False), so the same input gives the same bytes.

Usage: otf2ttf.py INPUT.otf OUTPUT.ttf
"""

import sys

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

# Maximum approximation error in font units (the em is 1000 units for Noto
# Sans CJK, so this is 0.1% of the em: invisible at any UI size).
MAX_ERR = 1.0

# CFF contours run counter-clockwise, TrueType contours clockwise.
REVERSE_DIRECTION = True


def glyphs_to_quadratic(glyph_set, glyph_order):
    """Draw every glyph through cu2qu into TrueType glyph objects."""
    quad = {}
    for name in glyph_order:
        tt_pen = TTGlyphPen(None)
        glyph_set[name].draw(
            Cu2QuPen(tt_pen, MAX_ERR, reverse_direction=REVERSE_DIRECTION)
        )
        quad[name] = tt_pen.glyph()
    return quad


def otf_to_ttf(font):
    if font.sfntVersion != "OTTO" or "CFF " not in font:
        raise SystemExit("otf2ttf: input is not a CFF-based OpenType font")

    glyph_order = font.getGlyphOrder()

    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = glyphs_to_quadratic(font.getGlyphSet(), glyph_order)
    del font["CFF "]
    for tag in ("VORG", "CFF2"):
        if tag in font:
            del font[tag]
    glyf.compile(font)  # computes the glyph bounding boxes

    # TrueType rasterisers expect lsb == xMin.
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)

    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    maxp.maxTwilightPoints = 0
    maxp.maxStorage = 0
    maxp.maxFunctionDefs = 0
    maxp.maxInstructionDefs = 0
    maxp.maxStackElements = 0
    maxp.maxSizeOfInstructions = 0
    maxp.maxComponentElements = 0
    maxp.compile(font)

    post = font["post"]
    post.formatType = 3.0
    post.extraNames = []
    post.mapping = {}

    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def main(argv):
    if len(argv) != 3:
        raise SystemExit(__doc__)
    font = TTFont(argv[1], recalcTimestamp=False)
    otf_to_ttf(font)
    font.save(argv[2])


if __name__ == "__main__":
    main(sys.argv)
