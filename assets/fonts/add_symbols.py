#!/usr/bin/python3
"""Add the ballot-box symbols that Noto Sans CJK lacks to a TrueType font.

Used by make_fonts.sh after otf2ttf.py. Noto Sans CJK 2.004 has
U+25A1 WHITE SQUARE (□), U+2713 CHECK MARK (✓) and U+00D7 MULTIPLICATION
SIGN (×), but not U+2610-2612 BALLOT BOX (☐ ☑ ☒) nor U+2714 HEAVY CHECK
MARK (✔), which the app uses in forms and checklists. They are built here
from the font's own glyphs, so they match its weight and style:

    U+2610 ☐  mapped to the □ glyph
    U+2611 ☑  □ with a ✓ scaled into it
    U+2612 ☒  □ with a × scaled into it
    U+2714 ✔  mapped to the ✓ glyph (the font has no heavier check mark)

A code point that the font already maps is left alone, so a future Noto
release that has these characters wins. New glyphs are plain (not composite)
TrueType outlines. The output is deterministic (timestamps are kept).

Usage: add_symbols.py INPUT.ttf OUTPUT.ttf
"""

import sys

from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.transformPen import TransformPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

BOX, CHECK, CROSS = 0x25A1, 0x2713, 0x00D7

# Glyph inside the box: its larger side is this fraction of the box's side.
CHECK_FRACTION = 0.66
CROSS_FRACTION = 0.60


def bounds(glyph_set, name):
    pen = BoundsPen(glyph_set)
    glyph_set[name].draw(pen)
    return pen.bounds


def boxed(glyph_set, box, inner, fraction):
    """Return a TrueType glyph: the box outline plus inner centred in it."""
    bx0, by0, bx1, by1 = bounds(glyph_set, box)
    ix0, iy0, ix1, iy1 = bounds(glyph_set, inner)
    scale = fraction * (bx1 - bx0) / max(ix1 - ix0, iy1 - iy0)
    dx = (bx0 + bx1) / 2 - scale * (ix0 + ix1) / 2
    dy = (by0 + by1) / 2 - scale * (iy0 + iy1) / 2
    pen = TTGlyphPen(None)
    glyph_set[box].draw(pen)
    glyph_set[inner].draw(TransformPen(pen, (scale, 0, 0, scale, dx, dy)))
    return pen.glyph()


def add_symbols(font):
    cmap = font.getBestCmap()
    for cp in (BOX, CHECK, CROSS):
        if cp not in cmap:
            raise SystemExit(f"add_symbols: font has no glyph for U+{cp:04X}")
    box, check, cross = cmap[BOX], cmap[CHECK], cmap[CROSS]
    glyph_set = font.getGlyphSet()
    glyf, hmtx = font["glyf"], font["hmtx"]

    new_glyphs = {}  # glyph name -> (glyph, advance width)
    mapping = {}  # code point -> glyph name
    if 0x2610 not in cmap:
        mapping[0x2610] = box
    if 0x2611 not in cmap:
        new_glyphs["uni2611"] = (
            boxed(glyph_set, box, check, CHECK_FRACTION), hmtx[box][0])
        mapping[0x2611] = "uni2611"
    if 0x2612 not in cmap:
        new_glyphs["uni2612"] = (
            boxed(glyph_set, box, cross, CROSS_FRACTION), hmtx[box][0])
        mapping[0x2612] = "uni2612"
    if 0x2714 not in cmap:
        mapping[0x2714] = check

    order = list(font.getGlyphOrder())
    for name, (glyph, advance) in new_glyphs.items():
        if name in order:
            raise SystemExit(f"add_symbols: glyph name {name} already used")
        order.append(name)
    font.setGlyphOrder(order)
    glyf.glyphOrder = order
    for name, (glyph, advance) in new_glyphs.items():
        glyf.glyphs[name] = glyph
        glyph.recalcBounds(glyf)
        hmtx[name] = (advance, glyph.xMin)

    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap.update(mapping)
    return sorted(mapping)


def main(argv):
    if len(argv) != 3:
        raise SystemExit(__doc__)
    font = TTFont(argv[1], recalcTimestamp=False)
    added = add_symbols(font)
    font.save(argv[2])
    print("add_symbols: mapped " + " ".join(f"U+{cp:04X}" for cp in added))


if __name__ == "__main__":
    main(sys.argv)
