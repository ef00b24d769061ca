package export

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
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

// fixedDates makes d's file the same each time it is saved.
func fixedDates(d *document) *document {
	fixed := time.Date(2025, 12, 31, 9, 30, 0, 0, time.UTC)
	d.pdf.SetCreationDate(fixed)
	d.pdf.SetModificationDate(fixed)
	return d
}

// saveDocuments are documents with every kind of page count alias, each made the same way when called: the
// table over many pages (pageAlias), meeting materials in parts with a contents page whose page numbers are
// aliases of their own (partAlias, as AssessmentPack's sectionAlias), and an A3 poster (its footer drawn under
// the scale) switching between landscape and portrait.
var saveDocuments = map[string]func(t *testing.T) *document{
	"Table": streamsDocument,
	"Parts": func(t *testing.T) *document {
		d := fixedDates(newDocument("青山镇人大主席团", "会议材料", false))
		d.startPart("会议议程")
		d.pdf.CellFormat(30, 8, "见第 "+sectionAlias(0)+" 页", "", 0, "L", false, 0, "")
		d.moveDown(10)
		for i := range 3 {
			d.startPart(fmt.Sprintf("第%d部分", i+1))
			if i == 1 {
				d.pdf.RegisterAlias(sectionAlias(0), strconv.Itoa(d.pdf.PageNo()))
			}
			for j := range 30 * (i + 1) {
				d.paragraph(fmt.Sprintf("第%d部分第%d段：关于村道硬化（盖章）的说明。", i+1, j+1), paraStyle{indent: true})
			}
		}
		return d
	},
	"PosterA3": func(t *testing.T) *document {
		d := fixedDates(newPaperDocument("青山镇人大主席团", "联络站公示表", "A3", true))
		for i := range 60 {
			d.paragraph(fmt.Sprintf("第%d行 接待代表：王小明、李红", i+1), paraStyle{})
		}
		d.orientation = "P"
		d.breakPage()
		d.paragraph("竖排的一页", paraStyle{})
		return d
	},
}

// saveBoth saves the document made by make once the fast way (the pages finished before fpdf's Output) and
// once the slow way (fpdf's whole raw file compressed after), returning both files.
func saveBoth(t *testing.T, make func(t *testing.T) *document) (fast, slow []byte) {
	t.Helper()
	dir := t.TempDir()
	for _, way := range []bool{true, false} {
		fastSave = way
		err := make(t).save(filepath.Join(dir, fmt.Sprint(way)+".pdf"))
		fastSave = true
		if err != nil {
			t.Fatal(err)
		}
	}
	fast, _ = os.ReadFile(filepath.Join(dir, "true.pdf"))
	slow, _ = os.ReadFile(filepath.Join(dir, "false.pdf"))
	return fast, slow
}

// The fast save writes the file of the slow one, byte for byte, for every kind of alias; the pages read back
// with each part numbered on its own and the contents page's alias replaced.
func TestFastSaveSameFile(t *testing.T) {
	for name, make := range saveDocuments {
		t.Run(name, func(t *testing.T) {
			fast, slow := saveBoth(t, make)
			if len(slow) == 0 || !bytes.Equal(fast, slow) {
				t.Fatalf("the fast save (%d bytes) differs from the slow one (%d bytes)", len(fast), len(slow))
			}
			if bytes.Contains(fast, []byte("/Length")) && !bytes.Contains(fast, []byte("<</Filter /FlateDecode /Length")) {
				t.Fatal("the pages are not compressed")
			}
		})
	}
	t.Run("PartsRead", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "parts.pdf")
		if err := saveDocuments["Parts"](t).save(path); err != nil {
			t.Fatal(err)
		}
		pages := pdfPages(t, path)
		if first := squeeze(pages[0]); len(pages) < 5 || !strings.Contains(first, "第1页共1页") || !strings.Contains(first, "见第3页") {
			t.Fatalf("the agenda page, one page of one, pointing to page 3:\n%s", pages[0])
		}
		last := squeeze(pages[len(pages)-1])
		if m := regexp.MustCompile(`第(\d+)页共(\d+)页`).FindStringSubmatch(last); !strings.Contains(last, "第3部分第90段") || m == nil || m[1] != m[2] || m[1] == "1" {
			t.Errorf("the last page, the last of its part:\n%s", pages[len(pages)-1])
		}
		if all := strings.Join(pages, ""); !strings.Contains(all, "（盖章）") || strings.IndexFunc(all, isAlias) >= 0 {
			t.Errorf("an alias is left in the text, or found inside it")
		}
	})
}

// The fpdf in go.mod is saved the fast way: its pages and aliases are where fpdfPagesOf looks for them. When
// this fails after fpdf is upgraded, every document is still saved (the slow way, the same file), and
// fpdfPagesOf is to be brought up to the new fpdf.
func TestFastSaveTaken(t *testing.T) {
	d := streamsDocument(t)
	p := d.fpdf
	if p == nil {
		t.Fatal("fpdf's pages were not found: this fpdf is saved the slow way")
	}
	if n := len(*p.pages) - 1; n != d.pdf.PageNo() || n < 10 {
		t.Fatalf("%d pages found, the document has %d", n, d.pdf.PageNo())
	}
	if *p.aliasNb != pageAlias {
		t.Fatalf("the page count alias found is %q", *p.aliasNb)
	}
	n, fast := finishPages(d.pdf, p, d.pageFooter)
	if !fast || n != d.pdf.PageNo() {
		t.Fatalf("the pages were not finished (%d, %v)", n, fast)
	}
	var out bytes.Buffer
	if err := d.pdf.Output(&pdfMarker{w: &out, pages: n}); err != nil {
		t.Fatal(err)
	}
	if got := bytes.Count(out.Bytes(), []byte("<</Filter /FlateDecode /Length")); got != n {
		t.Fatalf("%d deflated streams, want one for each of the %d pages", got, n)
	}
}

// A file where the marker does not find every finished page's contents is refused, nothing written: those
// pages would be unreadable without their dictionary.
func TestPDFMarkerRefuses(t *testing.T) {
	d := streamsDocument(t)
	n, ok := finishPages(d.pdf, d.fpdf, d.pageFooter)
	if !ok {
		t.Fatal("the pages were not finished")
	}
	var out bytes.Buffer
	if err := d.pdf.Output(&pdfMarker{w: &out, pages: n + 1}); err == nil || out.Len() != 0 {
		t.Fatalf("a file with a page's contents missing was written (%d bytes, %v)", out.Len(), err)
	}
	m := &pdfMarker{w: &out}
	if _, err := m.Write([]byte("%PDF-1.3\n")); err == nil || out.Len() != 0 {
		t.Fatalf("a file not laid out as fpdf's was written (%d bytes, %v)", out.Len(), err)
	}
}
