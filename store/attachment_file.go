package store

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	_ "image/png" // image.Decode reads PNG too
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/image/draw"
)

// What a file to attach may be, and what the program learns from its bytes before it is stored: its type
// (from the name, checked against the content), a PDF's pages, an image's size and date, and for an image its
// thumbnail and, when it is large, a smaller copy. The window and `rendadesk attach` both go through here.

// MaxAttachmentSize is the largest file that can be attached: 20 MB, a long scanned document or a photo
// straight from a camera. A larger photo can be stored as a smaller copy (ShrinkImage).
const MaxAttachmentSize = 20 << 20

// PhotoMaxSide is the longest side, in pixels, of a photo kept as it is without asking: larger ones are offered
// a smaller copy (ShrinkImage), still sharp on an A4 page at 200 dpi.
const PhotoMaxSide = 2560

// thumbSide is the longest side of the thumbnails kept with images: twice the strip's 120 points, so they
// stay sharp on a screen scaled 200%.
const thumbSide = 240

// File types that can be attached.
const (
	TypeJPG  = "jpg"
	TypePNG  = "png"
	TypePDF  = "pdf"
	TypeDOCX = "docx"
	TypeXLSX = "xlsx"
	TypeDOC  = "doc"
	TypeXLS  = "xls"
	TypeWPS  = "wps" // WPS 文字
	TypeET   = "et"  // WPS 表格
)

// AttachmentTypes are the types that can be attached, in the order messages name them.
var AttachmentTypes = []string{TypeJPG, TypePNG, TypePDF, TypeDOCX, TypeXLSX, TypeDOC, TypeXLS, TypeWPS, TypeET}

// AttachmentExtensions are the file name extensions the file dialog offers (lower case, with the dot).
var AttachmentExtensions = []string{".jpg", ".jpeg", ".png", ".pdf", ".docx", ".xlsx", ".doc", ".xls", ".wps", ".et"}

// typeNames are the types as the clerk calls them.
var typeNames = map[string]string{TypeJPG: "JPG 图片", TypePNG: "PNG 图片", TypePDF: "PDF 文件", TypeDOCX: "Word 文档",
	TypeXLSX: "Excel 表格", TypeDOC: "Word 文档", TypeXLS: "Excel 表格", TypeWPS: "WPS 文字文档", TypeET: "WPS 表格"}

// TypeName is the type as the clerk calls it: 「PDF 文件」, 「JPG 图片」.
func TypeName(t string) string {
	if n, ok := typeNames[t]; ok {
		return n
	}
	return strings.ToUpper(t)
}

// FileInfo is what InspectFile learned of a file.
type FileInfo struct {
	Name   string // the base name, cleaned
	Type   string // one of AttachmentTypes
	Size   int64
	Pages  int  // a PDF's pages when they could be counted (0 when not); 1 for an image
	Width  int  // an image's size in pixels as it is seen (turned upright)
	Height int  //
	Taken  Date // a photo's date from its EXIF data, "" when it has none
	// orientation is the EXIF orientation of a JPEG (1 = upright, 6 = turn a quarter clockwise …).
	orientation int
}

// IsImage reports whether the file is a picture (JPG or PNG).
func (f FileInfo) IsImage() bool { return f.Type == TypeJPG || f.Type == TypePNG }

// Large reports whether the file is an image larger than PhotoMaxSide, for which a smaller copy is offered.
func (f FileInfo) Large() bool { return f.IsImage() && max(f.Width, f.Height) > PhotoMaxSide }

// LimitError says why the file is too big to attach, or nil when it is not: over MaxAttachmentSize.
func (f FileInfo) LimitError() error {
	if f.Size <= MaxAttachmentSize {
		return nil
	}
	msg := fmt.Sprintf("文件「%s」有 %s，超过每个附件 %s 的上限", f.Name, SizeText(f.Size), SizeText(MaxAttachmentSize))
	if f.IsImage() {
		msg += "；照片可以存一份缩小的副本"
	} else {
		msg += "；请压缩或拆分后再附加(扫描件可用较低的分辨率重新扫描)"
	}
	return &Error{Code: EINVALID, Field: "文件", Message: msg}
}

// ReadFileToAttach reads the file at path to attach it and inspects it (InspectFile). A file far over the size
// limit is refused before it is read: not even a photo that big can be shrunk. Over the limit, a document is
// refused and an image comes back, to be attached as its smaller copy (ShrinkImage); info.LimitError() tells.
func ReadFileToAttach(path string) (FileInfo, []byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return FileInfo{}, nil, Errorf(ENOTFOUND, "找不到文件 %s", path)
	}
	if st.IsDir() {
		return FileInfo{}, nil, Errorf(EINVALID, "「%s」是文件夹，不是文件", st.Name())
	}
	if st.Size() > 8*MaxAttachmentSize {
		return FileInfo{}, nil, FileInfo{Name: st.Name(), Size: st.Size()}.LimitError()
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return FileInfo{}, nil, Errorf(EINVALID, "读不出文件「%s」：%v", st.Name(), err)
	}
	info, err := InspectFile(path, data)
	if err != nil {
		return info, nil, err
	}
	if over := info.LimitError(); over != nil && !info.IsImage() {
		return info, nil, over
	}
	return info, data, nil
}

// SizeText is a size in bytes as the clerk reads it: 「1.2 MB」, 「512 KB」, 「2.1 GB」.
func SizeText(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d 字节", n)
}

// typeByExt maps file name extensions to types.
var typeByExt = map[string]string{".jpg": TypeJPG, ".jpeg": TypeJPG, ".png": TypePNG, ".pdf": TypePDF, ".docx": TypeDOCX,
	".xlsx": TypeXLSX, ".doc": TypeDOC, ".xls": TypeXLS, ".wps": TypeWPS, ".et": TypeET}

// Magic numbers of the file types.
var (
	magicJPG = []byte{0xFF, 0xD8, 0xFF}
	magicPNG = []byte("\x89PNG\r\n\x1a\n")
	magicZIP = []byte("PK\x03\x04")
	magicOLE = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1} // .doc, .xls, .wps, .et
)

// InspectFile checks that a file named name with the bytes data can be attached — one of AttachmentTypes, with
// content that is what its name says, not empty — and reads what the lists show of it. The size limit is
// checked separately (LimitError), so that a large photo can still be offered a smaller copy.
func InspectFile(name string, data []byte) (FileInfo, error) {
	f := FileInfo{Name: cleanFileName(name), Size: int64(len(data))}
	ext := strings.ToLower(filepath.Ext(f.Name))
	f.Type = typeByExt[ext]
	fail := func(format string, args ...any) (FileInfo, error) {
		return f, &Error{Code: EINVALID, Field: "文件", Message: fmt.Sprintf(format, args...)}
	}
	switch {
	case f.Name == "" || f.Name == ext:
		return fail("文件名不能为空")
	case utf8.RuneCountInString(f.Name) > maxLine:
		return fail("文件名「%s」太长(不能超过%d个字)，请改短后再附加", f.Name, maxLine)
	case f.Type == "":
		if ext == "" {
			return fail("文件「%s」没有扩展名，不知道是什么文件：附件可以是 %s 文件", f.Name, typeList())
		}
		return fail("不支持「%s」文件(%s)：附件可以是 %s 文件", ext, f.Name, typeList())
	case len(data) == 0:
		return fail("文件「%s」是空的(0 字节)", f.Name)
	}
	notWhat := func() (FileInfo, error) {
		return fail("文件「%s」的内容不是%s(可能已损坏，或扩展名与内容不符)", f.Name, TypeName(f.Type))
	}
	switch f.Type {
	case TypeJPG, TypePNG:
		magic := magicJPG
		if f.Type == TypePNG {
			magic = magicPNG
		}
		if !bytes.HasPrefix(data, magic) {
			return notWhat()
		}
		cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
			return notWhat()
		}
		f.Width, f.Height, f.Pages = cfg.Width, cfg.Height, 1
		if f.Type == TypeJPG {
			f.orientation, f.Taken = exifOf(data)
			if f.orientation >= 5 { // turned a quarter: seen the other way round
				f.Width, f.Height = f.Height, f.Width
			}
		}
	case TypePDF:
		if !bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")) {
			return notWhat()
		}
		f.Pages = pdfPages(data)
	case TypeDOCX, TypeXLSX:
		part := "word/document.xml"
		if f.Type == TypeXLSX {
			part = "xl/workbook.xml"
		}
		if !bytes.HasPrefix(data, magicZIP) || !zipHas(data, part) {
			return notWhat()
		}
	default: // the older Office formats and WPS's own: an OLE compound file, or a newer one saved as zip
		if !bytes.HasPrefix(data, magicOLE) && !bytes.HasPrefix(data, magicZIP) {
			return notWhat()
		}
	}
	return f, nil
}

// typeList is the attachable types for messages: 「JPG、PNG、PDF……」.
func typeList() string {
	s := make([]string, len(AttachmentTypes))
	for i, t := range AttachmentTypes {
		s[i] = strings.ToUpper(t)
	}
	return strings.Join(s, "、")
}

// cleanFileName is the base name of a path as it is kept: without folders (of either system's separator) and
// without invisible and control characters.
func cleanFileName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || invisible(r) {
			return -1
		}
		return r
	}, strings.ToValidUTF8(name, ""))
	return strings.TrimSpace(name)
}

// zipHas reports whether the zip archive data has a file named part.
func zipHas(data []byte, part string) bool {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	for _, f := range z.File {
		if f.Name == part {
			return true
		}
	}
	return false
}

// ---- PDF pages ----

var (
	pdfCount  = regexp.MustCompile(`/Count\s+(\d+)`)
	pdfType   = []byte("/Type")
	pdfObjStm = []byte("/ObjStm")
)

// pdfPages counts the pages of a PDF without a PDF library: the /Count of its page tree (the largest one, the
// root's), or else the page objects, also inside compressed object streams (PDF 1.5 and later, as scanners
// and Word write). It returns 0 when it cannot tell. Only the bytes around each /Type are looked at, so a
// scan of many megabytes is counted in milliseconds.
func pdfPages(data []byte) int {
	count, pages := pdfTree(data)
	for i := 0; ; {
		j := bytes.Index(data[i:], pdfObjStm)
		if j < 0 {
			break
		}
		if s := pdfStream(data, i+j); s != nil {
			c, p := pdfTree(s)
			count, pages = max(count, c), pages+p
		}
		i += j + len(pdfObjStm)
	}
	if count > 0 {
		return count
	}
	return pages
}

// pdfTree finds the /Type /Pages dictionaries (keeping the largest /Count) and counts the /Type /Page ones in
// the PDF text t.
func pdfTree(t []byte) (count, pages int) {
	for i := 0; ; {
		j := bytes.Index(t[i:], pdfType)
		if j < 0 {
			return count, pages
		}
		at := i + j + len(pdfType)
		i = at
		k := at
		for k < len(t) && (t[k] == ' ' || t[k] == '\r' || t[k] == '\n' || t[k] == '\t') {
			k++
		}
		if !bytes.HasPrefix(t[k:], []byte("/Page")) {
			continue
		}
		k += len("/Page")
		if k < len(t) && t[k] == 's' {
			// The dictionary around it: back to its << and on to its >> (never far in a page tree node).
			from := max(0, bytes.LastIndex(t[max(0, at-2048):at], []byte("<<"))+max(0, at-2048))
			to := min(len(t), k+2048)
			if e := bytes.Index(t[k:to], []byte(">>")); e >= 0 {
				to = k + e
			}
			if m := pdfCount.FindSubmatch(t[from:to]); m != nil {
				if n, err := strconv.Atoi(string(m[1])); err == nil && n < 100000 {
					count = max(count, n)
				}
			}
			continue
		}
		if k >= len(t) || !isPDFNameChar(t[k]) {
			pages++
		}
	}
}

// isPDFNameChar reports whether c continues a PDF name (/Page in /PageLabels is not a page).
func isPDFNameChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-'
}

// pdfStream inflates the Flate stream whose dictionary contains the byte at offset at, or returns nil.
func pdfStream(data []byte, at int) []byte {
	end := bytes.Index(data[at:], []byte("stream"))
	if end < 0 || end > 4096 {
		return nil
	}
	dict := data[max(0, at-512) : at+end] // the filter may come before /Type in the dictionary
	if !bytes.Contains(dict, []byte("/FlateDecode")) {
		return nil
	}
	start := at + end + len("stream")
	for start < len(data) && (data[start] == '\r' || data[start] == '\n') {
		start++
	}
	stop := bytes.Index(data[start:], []byte("endstream"))
	if stop < 0 {
		return nil
	}
	r, err := zlib.NewReader(bytes.NewReader(data[start : start+stop]))
	if err != nil {
		return nil
	}
	out, _ := io.ReadAll(io.LimitReader(r, 8<<20))
	return out
}

// ---- images ----

// exifOf reads a JPEG's EXIF orientation (1 when it has none) and the date it was taken.
func exifOf(data []byte) (orientation int, taken Date) {
	orientation = 1
	tiff := exifBlock(data)
	if len(tiff) < 8 {
		return
	}
	var bo binary.ByteOrder
	switch string(tiff[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return
	}
	// entries reads the 12-byte entries of the IFD at off: tag, type, count, value (or its offset).
	entries := func(off uint32, fn func(tag, typ uint16, count uint32, val []byte)) {
		if int(off)+2 > len(tiff) {
			return
		}
		n := int(bo.Uint16(tiff[off:]))
		for i := 0; i < n; i++ {
			e := int(off) + 2 + 12*i
			if e+12 > len(tiff) {
				return
			}
			fn(bo.Uint16(tiff[e:]), bo.Uint16(tiff[e+2:]), bo.Uint32(tiff[e+4:]), tiff[e+8:e+12])
		}
	}
	text := func(count uint32, val []byte) string {
		off := bo.Uint32(val)
		if count < 19 || int(off)+19 > len(tiff) {
			return ""
		}
		return string(tiff[off : off+19])
	}
	var exifIFD uint32
	var dateTime string
	entries(bo.Uint32(tiff[4:]), func(tag, typ uint16, count uint32, val []byte) {
		switch tag {
		case 0x0112: // Orientation, a SHORT
			if typ == 3 {
				if o := int(bo.Uint16(val)); o >= 1 && o <= 8 {
					orientation = o
				}
			}
		case 0x8769: // the Exif IFD
			exifIFD = bo.Uint32(val)
		case 0x0132: // DateTime: when the file was last changed
			dateTime = text(count, val)
		}
	})
	if exifIFD != 0 {
		entries(exifIFD, func(tag, typ uint16, count uint32, val []byte) {
			if tag == 0x9003 { // DateTimeOriginal: when the photo was taken
				if s := text(count, val); s != "" {
					dateTime = s
				}
			}
		})
	}
	// "2024:05:06 10:11:12"
	if d, err := ParseDate(strings.ReplaceAll(strings.SplitN(dateTime, " ", 2)[0], ":", "-")); err == nil && d != "" {
		taken = d
	}
	return
}

// exifBlock returns the TIFF data of a JPEG's APP1 Exif segment, or nil.
func exifBlock(data []byte) []byte {
	i := 2
	for i+4 <= len(data) && data[i] == 0xFF {
		marker := data[i+1]
		if marker == 0xDA || marker == 0xD9 { // the image data begins: no more metadata
			return nil
		}
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if n < 2 || i+2+n > len(data) {
			return nil
		}
		seg := data[i+4 : i+2+n]
		if marker == 0xE1 && bytes.HasPrefix(seg, []byte("Exif\x00\x00")) {
			return seg[6:]
		}
		i += 2 + n
	}
	return nil
}

// decodeUpright decodes an image and turns it as its EXIF orientation says, scaled to fit in side×side
// pixels (not enlarged); white stands under transparent parts, as on paper.
func decodeUpright(f FileInfo, data []byte, side int) (*image.RGBA, error) {
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, Errorf(EINVALID, "图片「%s」无法读取(%v)", f.Name, err)
	}
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	// The scaled size before turning: the longer side of the upright picture is the longer side here too.
	scale := min(1, float64(side)/float64(max(w, h)))
	sw, sh := max(1, int(float64(w)*scale+0.5)), max(1, int(float64(h)*scale+0.5))
	scaled := image.NewRGBA(image.Rect(0, 0, sw, sh))
	draw.Draw(scaled, scaled.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	if sw == w && sh == h {
		draw.Draw(scaled, scaled.Bounds(), src, b.Min, draw.Over)
	} else {
		// Halve with a box filter first: Catmull-Rom over a camera's 12 million pixels would take seconds.
		for float64(b.Dx()) > 2*float64(sw) && float64(b.Dy()) > 2*float64(sh) {
			src = halve(src)
			b = src.Bounds()
		}
		draw.CatmullRom.Scale(scaled, scaled.Bounds(), src, b, draw.Over, nil)
	}
	return orient(scaled, f.orientation), nil
}

// halve returns the image at half its size, each pixel the average of four.
func halve(src image.Image) image.Image {
	b := src.Bounds()
	w, h := b.Dx()/2, b.Dy()/2
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	rgba, _ := src.(*image.RGBA)
	ycc, _ := src.(*image.YCbCr)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			var r, g, bl, a uint32
			for dy := 0; dy < 2; dy++ {
				for dx := 0; dx < 2; dx++ {
					px, py := b.Min.X+2*x+dx, b.Min.Y+2*y+dy
					var c color.Color
					switch {
					case rgba != nil:
						c = rgba.RGBAAt(px, py)
					case ycc != nil:
						c = ycc.YCbCrAt(px, py)
					default:
						c = src.At(px, py)
					}
					cr, cg, cb, ca := c.RGBA()
					r, g, bl, a = r+cr, g+cg, bl+cb, a+ca
				}
			}
			dst.SetRGBA(x, y, color.RGBA{uint8(r >> 10), uint8(g >> 10), uint8(bl >> 10), uint8(a >> 10)})
		}
	}
	return dst
}

// orient turns an upright-to-be image as the EXIF orientation o says (1: as it is).
func orient(src *image.RGBA, o int) *image.RGBA {
	if o <= 1 || o > 8 {
		return src
	}
	w, h := src.Bounds().Dx(), src.Bounds().Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := 0; y < dh; y++ {
		for x := 0; x < dw; x++ {
			var sx, sy int
			switch o {
			case 2:
				sx, sy = w-1-x, y
			case 3:
				sx, sy = w-1-x, h-1-y
			case 4:
				sx, sy = x, h-1-y
			case 5:
				sx, sy = y, x
			case 6:
				sx, sy = y, h-1-x
			case 7:
				sx, sy = w-1-y, h-1-x
			case 8:
				sx, sy = w-1-y, x
			}
			dst.SetRGBA(x, y, src.RGBAAt(sx, sy))
		}
	}
	return dst
}

// encodeJPEG encodes an image as JPEG of the given quality.
func encodeJPEG(img image.Image, quality int) ([]byte, error) {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: quality}); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// thumbnail makes the small JPEG the strip shows of an image (nil for other files).
func thumbnail(f FileInfo, data []byte) ([]byte, error) {
	if !f.IsImage() {
		return nil, nil
	}
	img, err := decodeUpright(f, data, thumbSide)
	if err != nil {
		return nil, err
	}
	return encodeJPEG(img, 80)
}

// ShrinkImage makes the smaller copy offered for a large photo: a JPEG whose longer side is PhotoMaxSide
// pixels (a smaller image is only re-encoded), turned upright, named as the original with .jpg. It returns the
// copy's FileInfo and bytes.
func ShrinkImage(f FileInfo, data []byte) (FileInfo, []byte, error) {
	if !f.IsImage() {
		return f, nil, Errorf(EINVALID, "文件「%s」不是图片，不能缩小", f.Name)
	}
	img, err := decodeUpright(f, data, PhotoMaxSide)
	if err != nil {
		return f, nil, err
	}
	out, err := encodeJPEG(img, 85)
	if err != nil {
		return f, nil, fmt.Errorf("缩小图片「%s」: %w", f.Name, err)
	}
	small := f
	small.Name = strings.TrimSuffix(f.Name, filepath.Ext(f.Name)) + ".jpg"
	small.Type, small.Size, small.orientation = TypeJPG, int64(len(out)), 1
	small.Width, small.Height = img.Bounds().Dx(), img.Bounds().Dy()
	return small, out, nil
}

// PrintImage is an image made ready for a printed document: a JPEG, upright, at most side pixels long.
type PrintImage struct {
	JPEG          []byte
	Width, Height int
}

// printImage prepares an attached image for printing.
func printImage(f FileInfo, data []byte, side int) (*PrintImage, error) {
	img, err := decodeUpright(f, data, side)
	if err != nil {
		return nil, err
	}
	out, err := encodeJPEG(img, 88)
	if err != nil {
		return nil, err
	}
	return &PrintImage{JPEG: out, Width: img.Bounds().Dx(), Height: img.Bounds().Dy()}, nil
}
