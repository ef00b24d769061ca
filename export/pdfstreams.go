package export

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"sync"
)

// Our documents are written by fpdf with its page compression off, and their pages' contents are compressed
// here, at save, as fpdf would have: the same zlib level and the same dictionary, so the file is the same
// byte for byte (TestCompressStreamsAsFpdf). fpdf makes a new zlib writer for every page (fpdf@v0.12.0
// xcompr.go), about 1.2 MB of compressor state each: the stress year's 2 539 pages allocated 3 GB, 60% of the
// export's allocations, and the collector and the memory limit's returns to the system that come with them.
// Here a few writers are reused, and the pages are compressed on every core.

// compressStreams writes the PDF raw (fpdf's output without compression) to w with every page's contents (a
// stream whose dictionary is only its length: what fpdf compresses when asked to; our documents have no
// paletted images, the other stream it would compress) deflated, its dictionary becoming fpdf's
// <</Filter /FlateDecode /Length n>>, and the cross-reference table rewritten for the new offsets. A file it
// cannot read as fpdf writes it is written unchanged (still a valid PDF, only larger).
func compressStreams(w io.Writer, raw []byte) error {
	out, ok := deflateStreams(raw)
	if !ok {
		out = raw
	}
	_, err := w.Write(out)
	return err
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

// pdfObject is one object of fpdf's output: its number, where it starts in the raw file and where it ends,
// and, when it is a plain stream, where its data is.
type pdfObject struct {
	num, start, end  int
	dataFrom, dataTo int // the stream's data in raw; dataTo 0 for an object left as it is
	deflated         []byte
}

// deflateStreams is compressStreams on raw; ok is false when raw is not laid out as fpdf writes a file.
func deflateStreams(raw []byte) (out []byte, ok bool) {
	xref, offsets, trailer, ok := readXref(raw)
	if !ok || bytes.Contains(raw[trailer:], []byte("/Encrypt")) {
		return nil, false
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
			return nil, false
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
	for i := range objs {
		if !contents[objs[i].num] {
			continue
		}
		objs[i].dataFrom, objs[i].dataTo = plainStream(raw[objs[i].start:objs[i].end], objs[i].num)
		if objs[i].dataTo != 0 {
			objs[i].dataFrom += objs[i].start
			objs[i].dataTo += objs[i].start
		}
	}
	deflateAll(raw, objs)

	var b bytes.Buffer
	b.Grow(len(raw) / 3)
	if len(objs) > 0 {
		b.Write(raw[:objs[0].start])
	}
	newOffsets := make([]int, len(offsets)+1)
	for _, o := range objs {
		newOffsets[o.num] = b.Len()
		if o.dataTo == 0 {
			b.Write(raw[o.start:o.end])
			continue
		}
		fmt.Fprintf(&b, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", o.num, len(o.deflated))
		b.Write(o.deflated)
		b.WriteString("\nendstream\nendobj\n")
	}
	at := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, off := range newOffsets[1:] {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	b.Write(raw[trailer : bytes.LastIndex(raw, []byte("\nstartxref\n"))+1])
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", at)
	return b.Bytes(), true
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
