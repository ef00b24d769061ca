package export

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// streamsDocument is a document of many pages (a table over them, with the 第 x 页 共 y 页 footers) and a JPEG
// photo, made the same way each time it is called.
func streamsDocument(t *testing.T) *document {
	t.Helper()
	fixed := time.Date(2025, 12, 31, 9, 30, 0, 0, time.UTC)
	d := newDocument("青山镇人大主席团", "代表建议办理情况一览", false)
	d.pdf.SetCreationDate(fixed)
	d.pdf.SetModificationDate(fixed)
	d.title("代表建议办理情况一览")
	var img bytes.Buffer
	m := image.NewRGBA(image.Rect(0, 0, 40, 50))
	for i := range m.Pix {
		m.Pix[i] = uint8(i * 7)
	}
	m.Set(0, 0, color.White)
	if err := jpeg.Encode(&img, m, nil); err != nil {
		t.Fatal(err)
	}
	opt := fpdf.ImageOptions{ImageType: "JPG"}
	d.pdf.RegisterImageOptionsReader("photo", opt, bytes.NewReader(img.Bytes()))
	d.pdf.ImageOptions("photo", d.left, d.y(), 20, 25, false, opt, 0, "")
	d.moveDown(30)
	for i := 1; i <= 400; i++ {
		d.row([]cell{{w: 30, text: fmt.Sprintf("2025-%04d", i), align: "C"},
			{w: d.width - 30, text: fmt.Sprintf("关于第%d条道路硬化和路灯安装的建议，请镇城建办在雨季前完成", i)}}, bodySize, false)
	}
	return d
}

// The pages compressed at save are the bytes fpdf writes with its own compression on: same streams, same
// dictionaries, same cross-reference table. The PDF reads back whole (pdftotext), every page with its footer.
func TestCompressStreamsAsFpdf(t *testing.T) {
	want := streamsDocument(t)
	want.endPart()
	want.endScale()
	want.pdf.SetCompression(true)
	var fpdfOut bytes.Buffer
	if err := want.pdf.Output(&fpdfOut); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "a.pdf")
	if err := streamsDocument(t).save(path); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, fpdfOut.Bytes()) {
		t.Fatalf("the saved PDF (%d bytes) differs from fpdf's compressed output (%d bytes)", len(got), fpdfOut.Len())
	}
	if bytes.Count(got, []byte("/Filter /FlateDecode")) < 10 {
		t.Fatalf("the pages are not compressed")
	}
	pages := pdfPages(t, path)
	if len(pages) < 10 {
		t.Fatalf("%d pages, want the table over more than 10", len(pages))
	}
	checkFooters(t, pages)
	if all := strings.Join(pages, ""); !strings.Contains(all, "2025-0400") || !strings.Contains(all, "关于第400条道路硬化") {
		t.Errorf("the last row is not in the text")
	}
}

// A file not laid out as fpdf writes one is written as it is: never a broken PDF.
func TestCompressStreamsUnknownLayout(t *testing.T) {
	for name, raw := range map[string]string{
		"Empty":       "",
		"NoXref":      "%PDF-1.3\n1 0 obj\n<</Length 3>>\nstream\nabc\nendstream\nendobj\n",
		"BadOffset":   "%PDF-1.3\n1 0 obj\n<</Length 3>>\nstream\nabc\nendstream\nendobj\nxref\n0 2\n0000000000 65535 f \n0000099999 00000 n \ntrailer\n<<\n>>\nstartxref\n60\n%%EOF\n",
		"WrongLength": "%PDF-1.3\n1 0 obj\n<</Length 5>>\nstream\nabc\nendstream\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<<\n>>\nstartxref\n60\n%%EOF\n",
	} {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := compressStreams(&b, []byte(raw)); err != nil {
				t.Fatal(err)
			}
			if b.String() != raw {
				t.Errorf("changed:\n%q", b.String())
			}
		})
	}
}

// A document begun ahead (PreparePDF, while the data loads) is the document begun when it is drawn: the
// same file.
func TestPreparedPDFSameFile(t *testing.T) {
	dir := t.TempDir()
	fresh, ahead := filepath.Join(dir, "fresh.pdf"), filepath.Join(dir, "ahead.pdf")
	if err := streamsDocument(t).save(fresh); err != nil {
		t.Fatal(err)
	}
	PreparePDF()
	prepared.Lock()
	waiting := prepared.pdf != nil
	prepared.Unlock()
	if !waiting {
		t.Fatal("PreparePDF left no document to take")
	}
	if err := streamsDocument(t).save(ahead); err != nil {
		t.Fatal(err)
	}
	prepared.Lock()
	left := prepared.pdf != nil
	prepared.Unlock()
	if left {
		t.Fatal("the A4 portrait document did not take the prepared one")
	}
	a, _ := os.ReadFile(fresh)
	b, _ := os.ReadFile(ahead)
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Fatalf("the file from a prepared document differs (%d and %d bytes)", len(a), len(b))
	}
}

// fpdf hands its file over in one Write; a second piece is refused rather than written as a broken file.
func TestPDFCompressorOnePiece(t *testing.T) {
	var out bytes.Buffer
	c := &pdfCompressor{w: &out}
	if _, err := c.Write([]byte("%PDF-1.3\n")); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Write([]byte("1 0 obj\n")); err == nil {
		t.Fatal("a second piece was accepted")
	}
	if out.String() != "%PDF-1.3\n" {
		t.Fatalf("wrote %q", out.String())
	}
}
