package export

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"rendadesk/store"
)

// Printed documents with the attached files: the deputy's photo on the 履职档案, the photos of an activity on
// its 活动记录, the scanned reply named on the 建议办理过程单.

// solidJPEG is a w×h JPEG of one colour.
func solidJPEG(t *testing.T, w, h int, c color.RGBA) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.R, c.G, c.B, 255
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// onePagePDF is a scanned reply as a minimal PDF of n pages.
func onePagePDF(n int) []byte {
	var kids []string
	for i := 0; i < n; i++ {
		kids = append(kids, fmt.Sprintf("%d 0 R", 3+i))
	}
	s := "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" +
		fmt.Sprintf("2 0 obj << /Type /Pages /Kids [%s] /Count %d >> endobj\n", strings.Join(kids, " "), n)
	for i := 0; i < n; i++ {
		s += fmt.Sprintf("%d 0 obj << /Type /Page /Parent 2 0 R >> endobj\n", 3+i)
	}
	return []byte(s + "trailer << /Root 1 0 R >>\n%%EOF\n")
}

func attach(t *testing.T, db *store.DB, o store.Owner, name string, data []byte, caption string) {
	t.Helper()
	if _, err := db.AddAttachments(ctx, []store.NewAttachment{{Owner: o, FileName: name, Data: data, Caption: caption}}); err != nil {
		t.Fatal(err)
	}
}

// pdfImages lists the images of a PDF (pdfimages -list): width and height of each.
func pdfImages(t *testing.T, path string) [][2]string {
	t.Helper()
	if _, err := exec.LookPath("pdfimages"); err != nil {
		t.Skip("pdfimages is not installed (apt-get install poppler-utils)")
	}
	out, err := exec.Command("pdfimages", "-list", path).Output()
	if err != nil {
		t.Fatalf("pdfimages: %v", err)
	}
	var imgs [][2]string
	for _, l := range strings.Split(string(out), "\n")[2:] {
		if f := strings.Fields(l); len(f) > 4 {
			imgs = append(imgs, [2]string{f[3], f[4]})
		}
	}
	return imgs
}

// renderPage renders page n of a PDF at dpi and returns it.
func renderPage(t *testing.T, path string, n, dpi int) image.Image {
	t.Helper()
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm is not installed (apt-get install poppler-utils)")
	}
	prefix := filepath.Join(t.TempDir(), "page")
	if err := exec.Command("pdftoppm", "-r", fmt.Sprint(dpi), "-png", "-f", fmt.Sprint(n), "-l", fmt.Sprint(n), "-singlefile", path, prefix).Run(); err != nil {
		t.Fatalf("pdftoppm: %v", err)
	}
	f, err := os.Open(prefix + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("RENDADESK_KEEP_PAGES"); dir != "" { // to look at: RENDADESK_KEEP_PAGES=/tmp/pages
		os.MkdirAll(dir, 0o755)
		data, _ := os.ReadFile(prefix + ".png")
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s-%d.png", strings.TrimSuffix(filepath.Base(path), ".pdf"), n)), data, 0o644)
	}
	return img
}

// greenIn counts the pixels in the rectangle r (in millimetres on an A4 page rendered at dpi) that are the
// photos' green.
func greenIn(img image.Image, dpi int, x0, y0, x1, y1 float64) int {
	px := func(mm float64) int { return int(mm / 25.4 * float64(dpi)) }
	n := 0
	for y := px(y0); y < px(y1); y++ {
		for x := px(x0); x < px(x1); x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if g>>8 > 150 && r>>8 < 90 && b>>8 < 90 {
				n++
			}
		}
	}
	return n
}

var green = color.RGBA{30, 180, 40, 255}

func TestDeputyFileWithPhoto(t *testing.T) {
	needPoppler(t)
	db := demoStore(t)
	recs, _ := demoRecords(t, db, 2024)
	dep := recs[0].Deputy
	// A 3:4 portrait: it prints in the photo cell at the right of the basic data, its shape kept.
	attach(t, db, store.Owner{Kind: store.OwnerDeputy, ID: dep.ID}, "证件照.jpg", solidJPEG(t, 300, 400, green), "")
	doc, err := db.DeputyFileDoc(ctx, dep.ID, 2024)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "履职档案-照片.pdf")
	if err := DeputyFile(path, doc.Settings, doc.Records, doc.Year, "2024-11-30"); err != nil {
		t.Fatal(err)
	}
	if pages := checkPDF(t, path); len(pages) != 1 {
		t.Fatalf("%d pages", len(pages))
	}
	mustContain(t, "履职档案", rawPages(t, path)[0], dep.Name, "一、参加会议和活动", "制表日期：2024年11月30日")
	if imgs := pdfImages(t, path); len(imgs) != 1 || imgs[0] != [2]string{"300", "400"} {
		t.Fatalf("images %v, want the 300×400 photo", imgs)
	}
	page := renderPage(t, path, 1, 50)
	// The photo sits in the last 30 mm of the text width (right margin 20 mm), below the title; the basic data
	// to its left stays white and black.
	if n := greenIn(page, 50, 210-20-30, 30, 210-20, 90); n < 1500 {
		t.Errorf("only %d green pixels where the photo should be", n)
	}
	if n := greenIn(page, 50, 20, 30, 150, 90); n != 0 {
		t.Errorf("%d green pixels over the basic data", n)
	}
	// Without a photo the page is as before: no image.
	doc.Records[0].Photo = nil
	plain := filepath.Join(t.TempDir(), "履职档案.pdf")
	if err := DeputyFile(plain, doc.Settings, doc.Records, doc.Year, "2024-11-30"); err != nil {
		t.Fatal(err)
	}
	if imgs := pdfImages(t, plain); len(imgs) != 0 {
		t.Fatalf("images without a photo: %v", imgs)
	}
}

func TestItemHistoryListsAttachments(t *testing.T) {
	needPoppler(t)
	db := demoStore(t)
	items, _, err := db.Suggestions(ctx, store.SuggestionFilter{Year: 2024, States: []string{store.StateClosed}, Limit: 1})
	if err != nil || len(items) == 0 {
		t.Fatal("no closed item in the demo", err)
	}
	it := items[0]
	h, err := db.Handling(ctx, it.ID)
	if err != nil {
		t.Fatal(err)
	}
	attach(t, db, store.Owner{Kind: store.OwnerReply, ID: h.Replies[0].ID}, "scan0001.pdf", onePagePDF(2), "盖章答复")
	attach(t, db, store.Owner{Kind: store.OwnerSuggestion, ID: it.ID}, "现场.jpg", solidJPEG(t, 64, 48, green), "现场照片")
	doc, err := db.SuggestionDoc(ctx, it.ID)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "过程单.pdf")
	if err := ItemHistory(path, doc.Settings, doc.Item, doc.Timeline, doc.Handling, "2024-11-30"); err != nil {
		t.Fatal(err)
	}
	checkPDF(t, path)
	text := squeeze(pdfText(t, path, "-raw"))
	mustContain(t, "办理过程单", text, "附件现场照片（1页）", "附件盖章答复（2页）")
	// Each under its own: the item's after its content, the reply's with the reply's fields, before its text
	// (after the text it was seen alone at the top of the next page).
	if !(strings.Index(text, "附件现场照片") < strings.Index(text, "答复情况") && strings.Index(text, "答复情况") < strings.Index(text, "附件盖章答复") &&
		strings.Index(text, "附件盖章答复") < strings.Index(text, "答复内容")) {
		t.Errorf("the attachments are not where they belong:\n%s", text)
	}
}

func TestActivityRecord(t *testing.T) {
	needPoppler(t)
	db := demoStore(t)
	ms, _, err := db.Meetings(ctx, store.MeetingFilter{Kind: store.MeetingInspect, Limit: 1})
	if err != nil || len(ms) == 0 {
		t.Fatal("no inspection in the demo", err)
	}
	m := ms[0]
	o := store.Owner{Kind: store.OwnerMeeting, ID: m.ID}
	attach(t, db, o, "IMG_0001.jpg", solidJPEG(t, 800, 600, green), "代表察看道路施工现场")
	attach(t, db, o, "IMG_0002.jpg", solidJPEG(t, 600, 800, green), "听取镇城建办汇报")
	attach(t, db, o, "IMG_0003.jpg", solidJPEG(t, 800, 608, green), "")
	attach(t, db, o, "视察报告.pdf", onePagePDF(3), "视察报告")
	doc, err := db.ActivityDoc(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "活动记录.pdf")
	if err := ActivityRecord(path, doc, "2024-11-30"); err != nil {
		t.Fatal(err)
	}
	pages := checkPDF(t, path)
	text := strings.Join(rawPages(t, path), "")
	mustContain(t, "活动记录", text, m.Title, "（视察记录）", "活动类型视察", "参加代表出席", "附件视察报告（3页）",
		"活动照片（3张）", "代表察看道路施工现场", "听取镇城建办汇报", "IMG_0003", "制表日期：2024年11月30日")
	if imgs := pdfImages(t, path); len(imgs) != 3 {
		t.Fatalf("%d images, want the 3 photos", len(imgs))
	}
	// The photos are printed, green on the page(s).
	total := 0
	for i := range pages {
		img := renderPage(t, path, i+1, 60)
		total += greenIn(img, 60, 0, 0, 210, 297)
	}
	if total < 3*1500 {
		t.Errorf("only %d green pixels for three photos", total)
	}
}

func TestSaveAttachment(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "答复.pdf")
	if err := os.WriteFile(path, nil, 0o600); err != nil { // the save dialog's empty file
		t.Fatal(err)
	}
	data := onePagePDF(2)
	if err := SaveAttachment(path, data); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, data) {
		t.Fatal("saved copy differs")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".rendadesk-*")); len(left) != 0 {
		t.Fatalf("left behind %v", left)
	}
	if err := SaveAttachment(filepath.Join(dir, "没有这个文件夹", "a.pdf"), data); err == nil || !strings.Contains(err.Error(), "请换一个文件夹") {
		t.Fatalf("saving into a missing folder: %v", err)
	}
}
