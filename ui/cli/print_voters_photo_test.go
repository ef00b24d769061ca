package cli

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// pdfImages counts the images of a PDF (pdfimages -list: two header lines, then one line an image).
func pdfImages(t *testing.T, path string) int {
	t.Helper()
	list, err := exec.Command("pdfimages", "-list", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Count(string(list), "\n") - 2
}

// A station's photo is printed on its 公示表, A4 and A3; a station without one prints as before.
func TestStationNoticePhoto(t *testing.T) {
	if _, err := exec.LookPath("pdfimages"); err != nil {
		t.Skip("pdfimages is not installed (apt-get install poppler-utils)")
	}
	db, dir := printDemo(t)
	all := noticeOf(t, db, "2024-10", 0)
	withPhoto, without := all.Notices[0].Station, all.Notices[1].Station

	before := filepath.Join(dir, "无照片.pdf")
	if code, _, errOut := run("print", "--db", db, "station-notice", "--month", "2024-10", "--id", without.Name, "--out", before); code != ExitOK {
		t.Fatal(errOut)
	}
	img := image.NewRGBA(image.Rect(0, 0, 800, 600))
	for k := 0; k < len(img.Pix); k += 4 {
		c := color.RGBA{40, 120, 40, 255}
		img.Pix[k], img.Pix[k+1], img.Pix[k+2], img.Pix[k+3] = c.R, c.G, c.B, 255
	}
	var b bytes.Buffer
	jpeg.Encode(&b, img, nil)
	photo := filepath.Join(dir, "站点外景.jpg")
	os.WriteFile(photo, b.Bytes(), 0o600)
	if code, _, errOut := run("attach", "--db", db, "station", "--id", fmt.Sprint(withPhoto.ID), photo, "--caption", "站点外景"); code != ExitOK {
		t.Fatalf("attach: %s", errOut)
	}

	for _, paper := range []string{"A4", "A3"} {
		t.Run(paper, func(t *testing.T) {
			out := filepath.Join(dir, paper+"公示表.pdf")
			if code, _, errOut := run("print", "--db", db, "station-notice", "--month", "2024-10", "--id", withPhoto.Name,
				"--paper", paper, "--out", out); code != ExitOK {
				t.Fatal(errOut)
			}
			if n := pdfImages(t, out); n != 1 {
				t.Errorf("%d images on the 公示表 of a station with a photo, want 1", n)
			}
			if text := readPDF(t, out); !strings.Contains(text, withPhoto.Name+"接待选民情况公示") || !strings.Contains(text, "第1页共") {
				t.Errorf("the notice's text is missing:\n%s", text)
			}
		})
	}
	t.Run("AllStationsOnlyTheOnePhoto", func(t *testing.T) {
		out := filepath.Join(dir, "全部.pdf")
		if code, _, errOut := run("print", "--db", db, "station-notice", "--month", "2024-10", "--out", out); code != ExitOK {
			t.Fatal(errOut)
		}
		if n := pdfImages(t, out); n != 1 {
			t.Errorf("%d images in the notices of %d stations, want the one station's photo", n, len(all.Notices))
		}
	})
	t.Run("WithoutPhotoUnchanged", func(t *testing.T) {
		after := filepath.Join(dir, "无照片2.pdf")
		if code, _, errOut := run("print", "--db", db, "station-notice", "--month", "2024-10", "--id", without.Name, "--out", after); code != ExitOK {
			t.Fatal(errOut)
		}
		a, _ := exec.Command("pdftotext", "-layout", before, "-").Output()
		z, _ := exec.Command("pdftotext", "-layout", after, "-").Output()
		if pdfImages(t, after) != 0 || !bytes.Equal(a, z) {
			t.Errorf("the notice of a station without a photo changed:\n%s\n---\n%s", a, z)
		}
	})
}
