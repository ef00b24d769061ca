#!/usr/bin/env bash
#
# make_fonts.sh - build the Chinese fonts bundled into the rendadesk binary.
#
# What:
#   Produces, in this directory, from the Simplified Chinese face ("Noto Sans CJK SC")
#   of the Debian package fonts-noto-cjk (SIL Open Font License 1.1, see OFL.txt):
#     NotoSansSC-Regular.otf.gz, NotoSansSC-Bold.otf.gz  the window's fonts (CFF outlines,
#                                                        GB 2312's ideographs)
#     NotoSansSC-Regular.ttf.gz                          the printed documents' font (TrueType,
#                                                        all the ideographs)
#
# Why:
#   Fyne's built-in font has no CJK glyphs, so the app must ship its own.
#   The Debian files are 19-20 MB .ttc collections (JP/KR/SC/TC/HK plus Mono);
#   Fyne wants a single font, never a collection. So for each weight:
#     1. pick the face whose family name is "Noto Sans CJK SC" (looked up by
#        name, not by a fixed index into the collection);
#     2. subset it (fontTools.subset) to Latin, punctuation, full-width forms,
#        a few office symbols (ballot boxes, check marks, circled numbers,
#        shapes ...) and ideographs, keeping only the 'kern' layout feature,
#        no hinting, no vertical-layout tables. The printing font keeps all
#        CJK Unified Ideographs + Extension A (a name in print may need any);
#        the window's fonts keep the 6 763 of GB 2312, the characters of
#        everyday Chinese text: for a rarer one (喆 堃 in a name) Fyne draws
#        the character with a system font that has it (Microsoft YaHei on
#        Windows, Noto Sans CJK or WenQuanYi on UOS and Kylin). That keeps the
#        .exe under SPEC §9's 45 MB: each window font is 1.3 MB, not 5.6.
#   The window keeps the CFF outlines: Fyne's text library (go-text) reads a
#   CFF glyph when it is drawn but unpacks every TrueType glyph when the font
#   is loaded (32 MB and 0.23 s per weight against 8 MB and 0.08 s).
#   The PDF library (fpdf) reads TrueType only, so the regular weight is also
#     3. converted from cubic CFF to quadratic TrueType 'glyf' outlines
#        (otf2ttf.py beside this script);
#     4. given the ballot boxes ☐ ☑ ☒ and ✔ (U+2610-2612, U+2714), which Noto
#        Sans CJK does not have, built from its own □ ✓ × glyphs
#        (add_symbols.py beside this script): the ballots print them.
#   Printed bold is the regular outline filled and stroked (export/pdf.go), so
#   no bold TrueType font is shipped (5.7 MB less in the binary).
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

# Code points to keep in every font; the ideographs follow (HANZI, gb2312).
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
# The printing font's ideographs.
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
# The window's ideographs: GB 2312's 6 763 (rows 16-87, bytes B0A1-F7FE), listed
# by Python's gb2312 codec.
gb2312=$("$PYTHON" -c '
import sys
out = []
for hi in range(0xB0, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            out.append(ord(bytes([hi, lo]).decode("gb2312")))
        except UnicodeDecodeError:
            pass
if len(out) != 6763:
    sys.exit(f"GB 2312 has {len(out)} ideographs, want 6763")
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

# subset SRC INDEX CODEPOINTS OUT: the face #INDEX of the collection SRC cut
# down to CODEPOINTS.
subset() {
	"$PYTHON" -m fontTools.subset "$1" \
		--font-number="$2" \
		--unicodes="$3" \
		--layout-features=kern \
		--no-hinting \
		--desubroutinize \
		--notdef-outline \
		--drop-tables+=BASE,GSUB,VORG,vhea,vmtx,DSIG \
		--name-IDs=0,1,2,3,4,5,6,13,14 \
		--output-file="$4"
}

for weight in Regular Bold; do
	src="$SRC_DIR/NotoSansCJK-$weight.ttc"
	[[ -f $src ]] || { echo "missing $src: apt-get install fonts-noto-cjk" >&2; exit 1; }

	index=$(face_index "$src" "$FAMILY")
	echo "$weight: using face #$index ($FAMILY) of $src"

	subset "$src" "$index" "$unicodes,$gb2312" "$TMP_DIR/NotoSansSC-$weight.otf"
	# Only gzipped fonts are kept and embedded; the unpacked ones are not committed.
	gzip -9 -n -c "$TMP_DIR/NotoSansSC-$weight.otf" >"$OUT_DIR/NotoSansSC-$weight.otf.gz"
	echo "$weight: wrote $OUT_DIR/NotoSansSC-$weight.otf.gz ($(stat -c %s "$OUT_DIR/NotoSansSC-$weight.otf.gz") bytes)"

	if [[ $weight == Regular ]]; then
		subset "$src" "$index" "$unicodes,$hanzi" "$TMP_DIR/all-Regular.otf"
	fi
done

"$PYTHON" "$OUT_DIR/otf2ttf.py" "$TMP_DIR/all-Regular.otf" "$TMP_DIR/quadratic-Regular.ttf"
"$PYTHON" "$OUT_DIR/add_symbols.py" "$TMP_DIR/quadratic-Regular.ttf" "$TMP_DIR/NotoSansSC-Regular.ttf"
gzip -9 -n -c "$TMP_DIR/NotoSansSC-Regular.ttf" >"$OUT_DIR/NotoSansSC-Regular.ttf.gz"
echo "Regular: wrote $OUT_DIR/NotoSansSC-Regular.ttf.gz ($(stat -c %s "$OUT_DIR/NotoSansSC-Regular.ttf.gz") bytes)"
