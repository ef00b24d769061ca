package export

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"maps"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"

	"codeberg.org/go-pdf/fpdf"
)

// Our documents are written by fpdf with its page compression off, and their pages' contents are compressed
// here, at save, as fpdf would have: the same zlib level and the same dictionary, so the file is the same
// byte for byte (TestCompressStreamsAsFpdf). fpdf makes a new zlib writer for every page (fpdf@v0.12.0
// xcompr.go), about 1.2 MB of compressor state each: the stress year's 2 539 pages allocated 3 GB, 60% of the
// export's allocations, and the collector and the memory limit's returns to the system that come with them.
// Here a few writers are reused, and the pages are compressed on every core: before fpdf's Output when its
// page buffers can be reached (finishPages, then pdfMarker marks the streams), otherwise after it, from the
// whole raw file (pdfCompressor). Both write the same file.

// compressStreams writes the PDF raw (fpdf's output without compression) to w with every page's contents (a
// stream whose dictionary is only its length: what fpdf compresses when asked to; our documents have no
// paletted images, the other stream it would compress) deflated, its dictionary becoming fpdf's
// <</Filter /FlateDecode /Length n>>, and the cross-reference table rewritten for the new offsets. A file it
// cannot read as fpdf writes it is written unchanged (still a valid PDF, only larger).
func compressStreams(w io.Writer, raw []byte) error {
	l, ok := readLayout(raw)
	if !ok {
		_, err := w.Write(raw)
		return err
	}
	deflateAll(raw, l.objs)
	return l.write(w, raw)
}

// pdfCompressor is the writer fpdf's Output writes its uncompressed file to: it compresses the file as it
// is handed over (compressStreams), without a copy of it (the stress year's is 46 MB). fpdf writes the whole
// file in one Write (its buffer's WriteTo); a second would be a new fpdf's change and is refused, never
// written as a broken file.
type pdfCompressor struct {
	w    io.Writer
	done bool
}

func (c *pdfCompressor) Write(p []byte) (int, error) {
	if c.done {
		return 0, errors.New("fpdf wrote its output in more than one piece")
	}
	c.done = true
	if err := compressStreams(c.w, p); err != nil {
		return 0, err
	}
	return len(p), nil
}

// fpdfPages is what the fast save needs of fpdf: the pages' contents, finished (every alias replaced, each
// page deflated) before fpdf's Output, so that Output copies the deflated pages (the stress year's 10 MB
// rather than 46 MB) and has no alias left to look for. The slow way (pdfCompressor) costs the stress year
// about 0.8 s: fpdf's replaceAliases copies every page to a string and searches it, twice for each alias
// (fpdf@v0.12.0 fpdf.go), its putstream copies the 46 MB of pages into an output buffer grown by doubling
// (fresh memory: its zeroing and page faults), and that file is read again to deflate the pages.
//
// Why reflection and unsafe: fpdf has no exported access to a page's contents once drawn, nor a way to take
// an alias back. So fpdfPagesOf reaches its unexported fields, each checked by name and type; a document
// whose fpdf does not have them all as v0.12.0 does (a new version) is saved the slow way, the same file,
// and TestFastSaveTaken fails, so that an upgrade is noticed in CI and fpdfPagesOf brought up to it.
type fpdfPages struct {
	pages     *[]*bytes.Buffer   // fpdf's pages[1..page], raw: its content streams as drawn
	aliasNb   *string            // AliasNbPages: stands for the page count
	aliases   *map[string]string // RegisterAlias's aliases and replacements
	compress  *bool              // fpdf's own compression (off: finishPages deflates)
	encrypted *bool              // SetProtection (never: its streams would be encrypted as raw)
	state     *int               // 2 while a page is open
	out       *bytes.Buffer      // the file fpdf's Output writes, grown once to its size
}

// fastSave is false in tests that save the slow way to compare.
var fastSave = true

// fpdfField is the offset of the unexported field path (a field of a field…) in the struct t when it has
// type T.
func fpdfField[T any](t reflect.Type, path ...string) (uintptr, bool) {
	off, typ, ok := fieldOffset(t, path...)
	return off, ok && typ == reflect.TypeFor[T]()
}

// fieldOffset is the offset of the field path (a field of a field…) in the struct t, and its type.
func fieldOffset(t reflect.Type, path ...string) (uintptr, reflect.Type, bool) {
	off := uintptr(0)
	for _, name := range path {
		if t.Kind() != reflect.Struct {
			return 0, nil, false
		}
		f, ok := t.FieldByName(name)
		if !ok || len(f.Index) != 1 {
			return 0, nil, false
		}
		off, t = off+f.Offset, f.Type
	}
	return off, t, true
}

// fpdfOffsets are where fpdfPagesOf finds its fields in an fpdf.Fpdf, found once; ok is false when this fpdf
// does not keep them as v0.12.0 does. (Reflecting on fpdf's type keeps all of fpdf's exported methods in the
// binary, reflection being able to call them: 0.5 MB of a 62 MB program.)
var fpdfOffsets = sync.OnceValues(func() (offsets [7]uintptr, ok bool) {
	t := reflect.TypeFor[fpdf.Fpdf]()
	var found [7]bool
	offsets[0], found[0] = fpdfField[[]*bytes.Buffer](t, "pages")
	offsets[1], found[1] = fpdfField[string](t, "aliasNbPagesStr")
	offsets[2], found[2] = fpdfField[map[string]string](t, "aliasMap")
	offsets[3], found[3] = fpdfField[bool](t, "compress")
	offsets[4], found[4] = fpdfField[int](t, "state")
	offsets[5], found[5] = fpdfField[bool](t, "protect", "encrypted")
	offsets[6], found[6] = fpdfField[bytes.Buffer](t, "buffer", "Buffer") // fpdf's fmtBuffer embeds it
	return offsets, !slices.Contains(found[:], false)
})

// fpdfPagesOf reaches pdf's pages and aliases, or is nil when this fpdf does not keep them as v0.12.0 does.
func fpdfPagesOf(pdf *fpdf.Fpdf) *fpdfPages {
	off, ok := fpdfOffsets()
	if !fastSave || !ok || pdf == nil {
		return nil
	}
	at := func(i int) unsafe.Pointer { return unsafe.Add(unsafe.Pointer(pdf), off[i]) }
	return &fpdfPages{pages: (*[]*bytes.Buffer)(at(0)), aliasNb: (*string)(at(1)), aliases: (*map[string]string)(at(2)),
		compress: (*bool)(at(3)), state: (*int)(at(4)), encrypted: (*bool)(at(5)), out: (*bytes.Buffer)(at(6))}
}

// ready reports whether pdf will be written as finishPages expects: not compressed nor encrypted by fpdf,
// and its last page open and current (fpdf's Close draws that page's footer, then writes the file).
func (p *fpdfPages) ready(pdf *fpdf.Fpdf) bool {
	return p != nil && !*p.compress && !*p.encrypted && *p.state == 2 && pdf.PageNo() == len(*p.pages)-1 &&
		pdf.PageNo() >= 1 && pdf.Error() == nil
}

// sizePage gives the page just begun a buffer as large as the one before it and an eighth, rather than
// fpdf's empty one doubled as the page is drawn: for the stress year, 2 600 pages of 17 KB each grown
// through 64 bytes … 32 KB, fresh memory each time. The contents are the same.
func (p *fpdfPages) sizePage() {
	if p == nil {
		return
	}
	pages := *p.pages
	n := len(pages) - 1
	if n < 2 {
		return
	}
	want := pages[n-1].Len() + pages[n-1].Len()/8
	if pages[n].Cap() >= want {
		return
	}
	b := bytes.NewBuffer(make([]byte, 0, want))
	b.Write(pages[n].Bytes()) // what fpdf wrote as it began the page (line width, font)
	pages[n] = b
}

// aliasPairs is what fpdf's replaceAliases would replace in each page of a document of n pages, in its
// order: each alias as typed, then each in UTF-16 (as the text of our UTF-8 font is written). ok is false for
// an alias finishPages would not replace as fpdf does: empty, or with a character beyond the BMP or invalid
// UTF-8 (fpdf's UTF-16 of those is its own).
func aliasPairs(p *fpdfPages, n int) (pairs [][2][]byte, ok bool) {
	m := maps.Clone(*p.aliases)
	if *p.aliasNb != "" {
		m[*p.aliasNb] = strconv.Itoa(n) // fpdf's putpages registers it so
	}
	// fpdf takes the aliases in the map's order; ours are never found in one another's replacement (digits)
	// nor overlap in the text (private-use characters, which clean keeps out), so any order is its result.
	aliases := slices.Sorted(maps.Keys(m))
	for _, a := range aliases {
		if a == "" || !bmpUTF8(a) || !bmpUTF8(m[a]) {
			return nil, false
		}
		pairs = append(pairs, [2][]byte{[]byte(a), []byte(m[a])})
	}
	for _, a := range aliases {
		pairs = append(pairs, [2][]byte{utf16BE(a), utf16BE(m[a])})
	}
	return pairs, true
}

// bmpUTF8 reports whether s is valid UTF-8 of characters in the Basic Multilingual Plane.
func bmpUTF8(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || r > 0xFFFF {
			return false
		}
	}
	return utf8.ValidString(s)
}

// utf16BE is s in UTF-16, big-endian, without a byte order mark: fpdf's utf8toutf16(s, false) for s of the
// BMP.
func utf16BE(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for _, r := range s {
		b = append(b, byte(r>>8), byte(r))
	}
	return b
}

// finishPages finishes the document in p before fpdf's Output: the last page's footer drawn (footer, fpdf's
// footer function, then taken from fpdf so that Close does not draw it again), every alias replaced in
// every page as fpdf would, and each page deflated as fpdf would with its compression on, on every core.
// fpdf is left with no alias, so its Output copies the pages as they are; pdfMarker then gives them the
// dictionary of deflated streams. It returns the number of pages.
func finishPages(pdf *fpdf.Fpdf, p *fpdfPages, footer func()) (int, bool) {
	if !p.ready(pdf) {
		return 0, false
	}
	n := pdf.PageNo()
	pairs, ok := aliasPairs(p, n)
	if !ok {
		return 0, false
	}
	footer()
	pdf.SetFooterFunc(nil)
	pages := (*p.pages)[1 : n+1]
	var next, size atomic.Int64
	workers := min(runtime.GOMAXPROCS(0), max(1, len(pages)/16))
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			var scratch [2][]byte                              // a page with its aliases replaced, reused
			zw, _ := zlib.NewWriterLevel(&buf, zlib.BestSpeed) // fpdf's level (xcompr.go); valid, no error
			for i := int(next.Add(1)) - 1; i < len(pages); i = int(next.Add(1)) - 1 {
				b, j := pages[i].Bytes(), 0
				for _, pair := range pairs {
					if bytes.Contains(b, pair[0]) {
						scratch[j] = replaceAll(scratch[j][:0], b, pair[0], pair[1])
						b, j = scratch[j], 1-j
					}
				}
				buf.Reset()
				zw.Reset(&buf)
				zw.Write(b) // writes to a bytes.Buffer do not fail
				zw.Close()
				pages[i] = bytes.NewBuffer(bytes.Clone(buf.Bytes())) // the raw page is let go
				size.Add(int64(buf.Len()))
			}
		}()
	}
	wg.Wait()
	if p.out.Len() == 0 {
		// The file: the pages, about 200 bytes of objects around each, the font subset and the rest.
		p.out.Grow(int(size.Load()) + 256*len(pages) + 2<<20)
	}
	*p.aliasNb = ""
	clear(*p.aliases)
	return n, true
}

// replaceAll appends b with every old replaced by new to dst: bytes.ReplaceAll (and fpdf's strings.Replace)
// for a non-empty old, into a buffer reused from page to page.
func replaceAll(dst, b, old, new []byte) []byte {
	for {
		i := bytes.Index(b, old)
		if i < 0 {
			return append(dst, b...)
		}
		dst = append(append(dst, b[:i]...), new...)
		b = b[i+len(old):]
	}
}

// pdfMarker is the writer fpdf's Output writes its file to when the pages were finished (finishPages): the
// pages' contents are already deflated, as streams of only a length; it gives each fpdf's dictionary of a
// deflated stream and rewrites the cross-reference table. It refuses a file where it does not find the
// pages' contents as fpdf writes them, the whole file in one Write: without their dictionary the pages
// would be unreadable.
type pdfMarker struct {
	w     io.Writer
	pages int // the pages finished
	done  bool
}

func (m *pdfMarker) Write(p []byte) (int, error) {
	if m.done {
		return 0, errors.New("fpdf wrote its output in more than one piece")
	}
	m.done = true
	l, ok := readLayout(p)
	if !ok || l.contents != m.pages {
		return 0, fmt.Errorf("fpdf 输出的文件格式与预期不同(%d 页，找到 %d 页的内容)", m.pages, l.contents)
	}
	for i := range l.objs {
		if o := &l.objs[i]; o.dataTo != 0 {
			o.deflated = p[o.dataFrom:o.dataTo]
		}
	}
	if err := l.write(m.w, p); err != nil {
		return 0, err
	}
	return len(p), nil
}

// pdfObject is one object of fpdf's output: its number, where it starts in the raw file and where it ends,
// and, when it is a plain stream, where its data is.
type pdfObject struct {
	num, start, end  int
	dataFrom, dataTo int // the stream's data in raw; dataTo 0 for an object left as it is
	deflated         []byte
}

// pdfLayout is fpdf's output read: its objects in file order, the pages' contents among them marked with
// where their data is, and the trailer.
type pdfLayout struct {
	objs     []pdfObject // sorted by start
	n        int         // objects 1..n
	trailer  int         // where "trailer" starts
	contents int         // the pages' contents found as plain streams (dataTo != 0)
}

// readLayout reads raw as fpdf writes a file: ok is false for another layout or an encrypted file.
func readLayout(raw []byte) (l pdfLayout, ok bool) {
	xref, offsets, trailer, ok := readXref(raw)
	if !ok || bytes.Contains(raw[trailer:], []byte("/Encrypt")) {
		return l, false
	}
	objs := make([]pdfObject, 0, len(offsets))
	for i, off := range offsets {
		objs = append(objs, pdfObject{num: i + 1, start: off})
	}
	slices.SortFunc(objs, func(a, b pdfObject) int { return a.start - b.start })
	for i := range objs {
		objs[i].end = xref
		if i+1 < len(objs) {
			objs[i].end = objs[i+1].start
		}
		if objs[i].start >= objs[i].end {
			return l, false
		}
	}
	// Only the pages' contents: fpdf writes other plain streams (the font's ToUnicode map) uncompressed even
	// with its compression on.
	contents := map[int]bool{}
	for _, o := range objs {
		if n, ok := pageContents(raw[o.start:o.end], o.num); ok {
			contents[n] = true
		}
	}
	l = pdfLayout{objs: objs, n: len(offsets), trailer: trailer}
	for i := range objs {
		if !contents[objs[i].num] {
			continue
		}
		objs[i].dataFrom, objs[i].dataTo = plainStream(raw[objs[i].start:objs[i].end], objs[i].num)
		if objs[i].dataTo != 0 {
			objs[i].dataFrom += objs[i].start
			objs[i].dataTo += objs[i].start
			l.contents++
		}
	}
	return l, true
}

// write writes the file read as l from raw to w, each page's contents as its deflated data with fpdf's
// dictionary for it, and the cross-reference table for the new offsets.
func (l pdfLayout) write(w io.Writer, raw []byte) error {
	b := countingWriter{w: bufio.NewWriterSize(w, 64<<10)}
	if len(l.objs) > 0 {
		b.Write(raw[:l.objs[0].start])
	}
	newOffsets := make([]int, l.n+1)
	for _, o := range l.objs {
		newOffsets[o.num] = b.n
		if o.dataTo == 0 {
			b.Write(raw[o.start:o.end])
			continue
		}
		fmt.Fprintf(&b, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", o.num, len(o.deflated))
		b.Write(o.deflated)
		b.WriteString("\nendstream\nendobj\n")
	}
	at := b.n
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", l.n+1)
	for _, off := range newOffsets[1:] {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	b.Write(raw[l.trailer : bytes.LastIndex(raw, []byte("\nstartxref\n"))+1])
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", at)
	return b.flush()
}

// countingWriter buffers writes to w and counts the bytes written, for the objects' offsets; the first error
// is kept for flush.
type countingWriter struct {
	w   *bufio.Writer
	n   int
	err error
}

func (c *countingWriter) Write(p []byte) (int, error) {
	if c.err == nil {
		_, c.err = c.w.Write(p)
	}
	c.n += len(p)
	return len(p), nil
}

func (c *countingWriter) WriteString(s string) {
	if c.err == nil {
		_, c.err = c.w.WriteString(s)
	}
	c.n += len(s)
}

func (c *countingWriter) flush() error {
	if c.err != nil {
		return c.err
	}
	return c.w.Flush()
}

// readXref reads fpdf's cross-reference table: where it starts, the offsets of objects 1..n, and where the
// trailer after it starts.
func readXref(raw []byte) (xref int, offsets []int, trailer int, ok bool) {
	sx := bytes.LastIndex(raw, []byte("\nstartxref\n"))
	if sx < 0 {
		return 0, nil, 0, false
	}
	rest := raw[sx+len("\nstartxref\n"):]
	nl := bytes.IndexByte(rest, '\n')
	if nl < 0 {
		return 0, nil, 0, false
	}
	xref, err := strconv.Atoi(string(rest[:nl]))
	if err != nil || xref <= 0 || xref >= sx {
		return 0, nil, 0, false
	}
	p := raw[xref:sx]
	if !bytes.HasPrefix(p, []byte("xref\n0 ")) {
		return 0, nil, 0, false
	}
	eol := bytes.IndexByte(p[len("xref\n0 "):], '\n')
	if eol < 0 {
		return 0, nil, 0, false
	}
	n, err := strconv.Atoi(string(p[len("xref\n0 ") : len("xref\n0 ")+eol]))
	if err != nil || n < 1 {
		return 0, nil, 0, false
	}
	head := len("xref\n0 ") + eol + 1
	const entry = 20 // "0000000123 00000 n \n"
	if len(p) < head+n*entry || string(p[head:head+entry]) != "0000000000 65535 f \n" {
		return 0, nil, 0, false
	}
	offsets = make([]int, n-1)
	for i := range offsets {
		e := p[head+(i+1)*entry : head+(i+2)*entry]
		if string(e[10:]) != " 00000 n \n" {
			return 0, nil, 0, false
		}
		if offsets[i], err = strconv.Atoi(string(e[:10])); err != nil || offsets[i] <= 0 || offsets[i] >= xref {
			return 0, nil, 0, false
		}
	}
	trailer = xref + head + n*entry
	if !bytes.HasPrefix(raw[trailer:], []byte("trailer\n")) {
		return 0, nil, 0, false
	}
	return xref, offsets, trailer, true
}

// pageContents returns the number of the object holding the contents of obj (object num as fpdf writes it)
// when obj is a page: its /Contents n 0 R.
func pageContents(obj []byte, num int) (int, bool) {
	if !bytes.HasPrefix(obj, []byte(strconv.Itoa(num)+" 0 obj\n<</Type /Page\n")) {
		return 0, false
	}
	i := bytes.LastIndex(obj, []byte("\n/Contents "))
	if i < 0 {
		return 0, false
	}
	rest := obj[i+len("\n/Contents "):]
	end := bytes.Index(rest, []byte(" 0 R>>\nendobj\n"))
	if end < 1 || string(rest[end:]) != " 0 R>>\nendobj\n" {
		return 0, false
	}
	n, err := strconv.Atoi(string(rest[:end]))
	return n, err == nil
}

// plainStream finds the data of obj (object num as fpdf writes it) when it is a stream whose dictionary is
// only <</Length n>>; to is 0 otherwise.
func plainStream(obj []byte, num int) (from, to int) {
	head := strconv.Itoa(num) + " 0 obj\n<</Length "
	if !bytes.HasPrefix(obj, []byte(head)) {
		return 0, 0
	}
	rest := obj[len(head):]
	end := bytes.Index(rest, []byte(">>\nstream\n"))
	if end < 1 || end > 12 {
		return 0, 0
	}
	n, err := strconv.Atoi(string(rest[:end]))
	if err != nil || n < 0 {
		return 0, 0
	}
	from = len(head) + end + len(">>\nstream\n")
	to = from + n
	if to > len(obj) || string(obj[to:]) != "\nendstream\nendobj\n" {
		return 0, 0
	}
	return from, to
}

// deflateAll compresses the plain streams of objs at zlib.BestSpeed (fpdf's level), on as many goroutines as
// there are cores, each with one zlib writer reset for every stream.
func deflateAll(raw []byte, objs []pdfObject) {
	var work []int
	for i, o := range objs {
		if o.dataTo != 0 {
			work = append(work, i)
		}
	}
	workers := min(runtime.GOMAXPROCS(0), max(1, len(work)/16))
	var wg sync.WaitGroup
	for k := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			zw, _ := zlib.NewWriterLevel(&buf, zlib.BestSpeed) // the level is valid: no error
			for j := k; j < len(work); j += workers {
				o := &objs[work[j]]
				buf.Reset()
				zw.Reset(&buf)
				zw.Write(raw[o.dataFrom:o.dataTo]) // writes to a bytes.Buffer do not fail
				zw.Close()
				o.deflated = bytes.Clone(buf.Bytes())
			}
		}()
	}
	wg.Wait()
}
