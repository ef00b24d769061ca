#!/usr/bin/env bash
#
# make_fonts.sh - build the Chinese fonts bundled into the rendadesk binary.
#
# What:
#   Produces, in this directory, from the Simplified Chinese face ("Noto Sans CJK SC")
#   of the Debian package fonts-noto-cjk (SIL Open Font License 1.1, see OFL.txt):
#     NotoSansSC-Regular.ttf.gz  the printed documents' font (TrueType), whose
#                                outlines the window's regular font is cut from
#     NotoSansSC-Bold.otf.gz     the window's bold font (CFF outlines)
#
# Why:
#   Fyne's built-in font has no CJK glyphs, so the app must ship its own.
#   The Debian files are 19-20 MB .ttc collections (JP/KR/SC/TC/HK plus Mono);
#   Fyne wants a single font, never a collection. So for each weight:
#     1. pick the face whose family name is "Noto Sans CJK SC" (looked up by
#        name, not by a fixed index into the collection);
#     2. subset it (fontTools.subset) to Latin, punctuation, full-width forms,
#        CJK Unified Ideographs + Extension A and a few office symbols
#        (ballot boxes, check marks, circled numbers, shapes ...), keeping only
#        the 'kern' layout feature, no hinting, no vertical-layout tables.
#   The PDF library (fpdf) reads TrueType only, so the regular weight is
#     3. converted from cubic CFF to quadratic TrueType 'glyf' outlines
#        (otf2ttf.py beside this script);
#     4. given the ballot boxes ☐ ☑ ☒ and ✔ (U+2610-2612, U+2714), which Noto
#        Sans CJK does not have, built from its own □ ✓ × glyphs
#        (add_symbols.py beside this script): the ballots print them.
#   Printed bold is the regular outline filled and stroked (export/pdf.go), so
#   no bold TrueType font is shipped (5.7 MB less in the binary).
#   The window's regular font is cut from this TrueType font when the program
#   starts (assets.go: GB 2312's 6 763 ideographs and all the rest but the
#   rarer ideographs): Fyne's text library (go-text) unpacks every TrueType
#   glyph when it loads a font (32 MB and 0.23 s for all of them), so the
#   window gets a quarter of them; one regular outline set ships, not two.
#   The window's bold weight keeps the CFF outlines (go-text reads a CFF glyph
#   when it is drawn) and only the ideographs of GB 2312 level 1 (3 755, the
#   most used): bold is labels and headings. For a character the window's
#   fonts lack, Fyne draws it with a system font that has it.
#
# Requirements (Debian/Ubuntu): apt-get install fonts-noto-cjk python3-fonttools
#
# The build is deterministic: the same input fonts and fontTools version give
# byte-identical output (timestamps are taken from the source font).
#
# Usage: assets/fonts/make_fonts.sh   (from any directory)

set -euo pipefail

PYTHON=/usr/bin/python3
SRC_DIR=${NOTO_CJK_DIR:-/usr/share/fonts/opentype/noto}
FAMILY="Noto Sans CJK SC"
OUT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# Code points to keep in the printing font; the window's bold keeps them but for
# the ideographs, of which it has GB 2312 level 1 only (BOLD_HANZI below).
UNICODES=(
	U+0020-00FF # Basic Latin + Latin-1 Supplement (includes U+00D7 ×)
	U+2000-206F # General Punctuation
	U+2116      # Numero sign №
	U+2160-217F # Roman numerals
	U+2190-21FF # Arrows
	U+2460-24FF # Enclosed alphanumerics (①②③ ...)
	U+25A0-25FF # Geometric shapes (□ ■ ○ ● ...)
	U+2610-2612 # Ballot boxes ☐ ☑ ☒ (not in Noto 2.004: added by add_symbols.py)
	U+2713-2714 # Check marks ✓ ✔ (✔ not in Noto 2.004: add_symbols.py)
	U+3000-303F # CJK Symbols and Punctuation
	U+FF00-FFEF # Halfwidth and Fullwidth Forms
)
HANZI=(
	U+3400-4DBF # CJK Unified Ideographs Extension A
	U+4E00-9FFF # CJK Unified Ideographs
)

[[ -x $PYTHON ]] || { echo "missing $PYTHON" >&2; exit 1; }
"$PYTHON" -c 'import fontTools' 2>/dev/null || {
	echo "fontTools not found: apt-get install python3-fonttools" >&2
	exit 1
}

TMP_DIR=$(mktemp -d)
trap 'rm -rf "$TMP_DIR"' EXIT

# Comma-separated lists for pyftsubset, comments stripped.
unicodes=$(printf '%s,' "${UNICODES[@]}")
unicodes=${unicodes%,}
hanzi=$(printf '%s,' "${HANZI[@]}")
hanzi=${hanzi%,}
# GB 2312 level 1: the 3 755 ideographs of rows 16-55 (bytes B0A1-D7F9), by Python's gb2312 codec.
bold_hanzi=$("$PYTHON" -c '
import sys
out = []
for hi in range(0xB0, 0xD8):
    for lo in range(0xA1, 0xFF):
        try:
            out.append(ord(bytes([hi, lo]).decode("gb2312")))
        except UnicodeDecodeError:
            pass
if len(out) != 3755:
    sys.exit(f"GB 2312 level 1 has {len(out)} characters, want 3755")
print(",".join("U+%04X" % c for c in sorted(out)))
')

# Print the index of the face whose family name (name ID 1) is $2 in the
# collection $1.
face_index() {
	"$PYTHON" - "$1" "$2" <<'PY'
import sys
from fontTools.ttLib import TTCollection

path, family = sys.argv[1], sys.argv[2]
for i, font in enumerate(TTCollection(path, lazy=True).fonts):
    if font["name"].getDebugName(1) == family:
        print(i)
        sys.exit(0)
sys.exit(f"{path}: no face with family name {family!r}")
PY
}

for weight in Regular Bold; do
	src="$SRC_DIR/NotoSansCJK-$weight.ttc"
	keep="$unicodes,$hanzi"
	[[ $weight == Bold ]] && keep="$unicodes,$bold_hanzi"
	[[ -f $src ]] || { echo "missing $src: apt-get install fonts-noto-cjk" >&2; exit 1; }

	index=$(face_index "$src" "$FAMILY")
	echo "$weight: using face #$index ($FAMILY) of $src"

	"$PYTHON" -m fontTools.subset "$src" \
		--font-number="$index" \
		--unicodes="$keep" \
		--layout-features=kern \
		--no-hinting \
		--desubroutinize \
		--notdef-outline \
		--drop-tables+=BASE,GSUB,VORG,vhea,vmtx,DSIG \
		--name-IDs=0,1,2,3,4,5,6,13,14 \
		--output-file="$TMP_DIR/NotoSansSC-$weight.otf"

done

# Only gzipped fonts are kept and embedded; the unpacked ones are not committed.
gzip -9 -n -c "$TMP_DIR/NotoSansSC-Bold.otf" >"$OUT_DIR/NotoSansSC-Bold.otf.gz"
echo "Bold: wrote $OUT_DIR/NotoSansSC-Bold.otf.gz ($(stat -c %s "$OUT_DIR/NotoSansSC-Bold.otf.gz") bytes)"

"$PYTHON" "$OUT_DIR/otf2ttf.py" "$TMP_DIR/NotoSansSC-Regular.otf" "$TMP_DIR/quadratic-Regular.ttf"
"$PYTHON" "$OUT_DIR/add_symbols.py" "$TMP_DIR/quadratic-Regular.ttf" "$TMP_DIR/NotoSansSC-Regular.ttf"
gzip -9 -n -c "$TMP_DIR/NotoSansSC-Regular.ttf" >"$OUT_DIR/NotoSansSC-Regular.ttf.gz"
echo "Regular: wrote $OUT_DIR/NotoSansSC-Regular.ttf.gz ($(stat -c %s "$OUT_DIR/NotoSansSC-Regular.ttf.gz") bytes)"
