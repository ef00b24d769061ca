package ui

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// testJPEG writes a w×h JPEG of one colour into dir and returns its path.
func testJPEG(t *testing.T, dir, name string, w, h int, c color.RGBA) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.R, c.G, c.B, 255
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// testScan is a two-page PDF, as a scanner writes a stamped reply.
const testScan = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >> endobj\n" +
	"3 0 obj << /Type /Page /Parent 2 0 R >> endobj\n4 0 obj << /Type /Page /Parent 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

// attachPane is the 附件 section shown in tab, selected.
func attachPane(t *testing.T, d *desk, tab recordTab, sections *container.AppTabs) *attachmentsPane {
	t.Helper()
	p := d.attach.panes[tab]
	if p == nil {
		t.Fatal("the detail pane has no 附件 section")
	}
	for i, it := range sections.Items {
		if it.Text == "附件" {
			sections.SelectIndex(i)
		}
	}
	return p
}

// thumbnails counts the pictures in the strips (icons are resources, not decoded images).
func thumbnails(o fyne.CanvasObject) int {
	n := 0
	walk(o, func(c fyne.CanvasObject) {
		if img, ok := c.(*canvas.Image); ok && img.Image != nil && img.Resource == nil {
			n++
		}
	})
	return n
}

func TestAttachmentsPane(t *testing.T) {
	db := testDB(t, true)
	d := testDesk(t, db)
	dir := t.TempDir()
	d.tabs.SelectIndex(1) // 代表
	dep, _ := d.deputies.list.item(0)
	d.deputies.show(dep)
	p := attachPane(t, d, d.deputies, d.deputies.sections)
	owner := store.Owner{Kind: store.OwnerDeputy, ID: dep.ID}

	t.Run("AddByDialog", func(t *testing.T) {
		photo := testJPEG(t, dir, "证件照.jpg", 300, 400, color.RGBA{200, 40, 40, 255})
		d.addFiles([]string{photo}, owner)
		if txt := dialogText(d); !strings.Contains(txt, "证件照.jpg（JPG 图片，") || !strings.Contains(txt, "300×400 像素") {
			t.Fatalf("the add dialog shows %q", txt)
		}
		test.Tap(dialogButton(t, d, "添加"))
		if !strings.Contains(labelText(p.content), "已添加 1 个附件到"+dep.Name) || findButton(p.content, "打印用的照片") == nil {
			t.Fatalf("the strip after adding: %q", labelText(p.content))
		}
		if n := thumbnails(p.content); n != 1 {
			t.Fatalf("%d thumbnails, want 1", n)
		}
	})

	t.Run("DropOnWindow", func(t *testing.T) {
		scan := filepath.Join(dir, "任职文件.pdf")
		os.WriteFile(scan, []byte(testScan), 0o600)
		d.dropFiles(fyne.NewPos(900, 400), []fyne.URI{storage.NewFileURI(scan)})
		if txt := dialogText(d); !strings.Contains(txt, "任职文件.pdf（PDF 文件，") || !strings.Contains(txt, "2页") {
			t.Fatalf("the add dialog shows %q", txt)
		}
		test.Tap(dialogButton(t, d, "添加"))
		if txt := labelText(p.content); !strings.Contains(txt, "PDF 文件 · 2页") || !strings.Contains(txt, "任职文件") {
			t.Fatalf("the strip after the drop: %q", txt)
		}
	})

	t.Run("ErrOverLimit", func(t *testing.T) {
		huge := filepath.Join(dir, "全年台账.pdf")
		os.WriteFile(huge, append([]byte(testScan), bytes.Repeat([]byte("%"), 21<<20)...), 0o600)
		d.addFiles([]string{huge}, owner)
		if txt := dialogText(d); !strings.Contains(txt, "文件「全年台账.pdf」有 21.0 MB，超过每个附件 20.0 MB 的上限") {
			t.Fatalf("over the limit: %q", txt)
		}
		d.win.Canvas().Overlays().Remove(d.win.Canvas().Overlays().Top())
		if l, _ := db.Attachments(d.ctx, owner); len(l.Items) != 2 {
			t.Fatalf("%d attachments, want 2", len(l.Items))
		}
	})

	t.Run("LargePhotoShrunk", func(t *testing.T) {
		big := testJPEG(t, dir, "全景.jpg", 4000, 3000, color.RGBA{40, 40, 200, 255})
		d.addFiles([]string{big}, owner)
		var shrink *widget.Check
		walk(topDialog(t, d), func(c fyne.CanvasObject) {
			if ch, ok := c.(*widget.Check); ok {
				shrink = ch
			}
		})
		if shrink == nil || !shrink.Checked || !strings.Contains(shrink.Text, "存缩小的副本") {
			t.Fatalf("no smaller copy offered for a 4000×3000 photo: %v", shrink)
		}
		test.Tap(dialogButton(t, d, "添加"))
		l, _ := db.Attachments(d.ctx, owner)
		last := l.Items[len(l.Items)-1]
		if last.Width != 2560 || last.Height != 1920 {
			t.Fatalf("stored %d×%d, want 2560×1920", last.Width, last.Height)
		}
	})

	t.Run("Open", func(t *testing.T) {
		l, _ := db.Attachments(d.ctx, owner)
		path, err := d.viewerCopy(l.Items[1].ID)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := os.ReadFile(path)
		if string(got) != testScan || filepath.Base(path) != "任职文件.pdf" {
			t.Fatalf("the viewer's copy %s holds %d bytes, not the file", path, len(got))
		}
		if st, _ := os.Stat(path); st.Mode().Perm()&0o222 != 0 {
			t.Fatalf("the viewer's copy is writable: %v", st.Mode())
		}
		cleanViewerCopies()
		if _, err := os.Stat(path); !os.IsNotExist(err) {
			t.Fatalf("the copy is still there after cleaning: %v", err)
		}
	})

	t.Run("Delete", func(t *testing.T) {
		before := thumbnails(p.content)
		test.Tap(findButtons(p.content, "删除")[0])
		if txt := dialogText(d); !strings.Contains(txt, "确定要删除"+dep.Name+"的附件「证件照」") {
			t.Fatalf("the confirmation says %q", txt)
		}
		test.Tap(dialogButton(t, d, "是"))
		if n := thumbnails(p.content); n != before-1 {
			t.Fatalf("%d thumbnails after deleting, want %d", n, before-1)
		}
		h, _, _ := db.History(d.ctx, store.HistoryFilter{Entity: "deputy", EntityID: dep.ID})
		if len(h) == 0 || h[0].Action != store.ActionDetach || !strings.Contains(h[0].Changes, "证件照.jpg") {
			t.Fatalf("the history does not keep the deletion: %+v", h[:1])
		}
	})

	t.Run("Screenshot", func(t *testing.T) {
		out := os.Getenv("RENDADESK_ATTACH_SHOT")
		if out == "" {
			t.Skip("RENDADESK_ATTACH_SHOT=file.png saves the window with the strip")
		}
		f, err := os.Create(out)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		png.Encode(f, d.win.Canvas().Capture())
	})
}

// A file dropped with no saved record in sight is not attached anywhere; the clerk is told what to do.
func TestDropWithoutRecord(t *testing.T) {
	db := testDB(t, true)
	d := testDesk(t, db)
	d.tabs.SelectIndex(0) // 概览
	scan := filepath.Join(t.TempDir(), "答复.pdf")
	os.WriteFile(scan, []byte(testScan), 0o600)
	d.dropFiles(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(scan)})
	if txt := dialogText(d); !strings.Contains(txt, "请先在「代表」「联络站」「建议」「信访」「会议活动」或「监督」的评议活动、整改事项中选中一条已保存的记录") {
		t.Fatalf("the drop says %q", txt)
	}
}

// 设置 → 数据文件 says what the attachments take, each file counted once.
func TestSettingsFileAttachments(t *testing.T) {
	db := testDB(t, true)
	d := testDesk(t, db)
	showSettingsSection(t, d, "数据文件")
	if got := d.settings.file.attach.Text; got != "没有附件" {
		t.Fatalf("before any attachment: %q", got)
	}
	scan := bytes.Repeat([]byte("%"), 3<<20)
	var news []store.NewAttachment
	for _, id := range []int64{1, 2} { // the same scan on two deputies: stored once
		news = append(news, store.NewAttachment{Owner: store.Owner{Kind: store.OwnerDeputy, ID: id}, FileName: "答复.pdf", Data: append([]byte(testScan), scan...)})
	}
	if _, err := db.AddAttachments(d.ctx, news); err != nil {
		t.Fatal(err)
	}
	showSettingsSection(t, d, "备份")
	showSettingsSection(t, d, "数据文件")
	if got := d.settings.file.attach.Text; got != "2 个，共 3.0 MB（相同的文件只存一份，省下 3.0 MB）" {
		t.Fatalf("with a 3 MB scan on two deputies: %q", got)
	}
}

// An item's 附件 section has a strip for the item and one for each reply; a file dropped on a reply's strip
// is offered to that reply.
func TestAttachmentsOfParts(t *testing.T) {
	db := testDB(t, true)
	d := testDesk(t, db)
	x, err := db.FindOwner(d.ctx, store.OwnerSuggestion, "2024-001")
	if err != nil {
		t.Fatal(err)
	}
	reply, err := db.FindOwner(d.ctx, store.OwnerReply, "2024-001/1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddAttachments(d.ctx, []store.NewAttachment{{Owner: reply, FileName: "答复.pdf", Data: []byte(testScan), Caption: "盖章答复"}}); err != nil {
		t.Fatal(err)
	}
	item, err := db.Suggestion(d.ctx, x.ID)
	if err != nil {
		t.Fatal(err)
	}
	d.tabs.SelectIndex(3) // 建议
	d.items.show(item)
	p := attachPane(t, d, d.items, d.items.panes)
	if len(p.strips) < 2 {
		t.Fatalf("%d strips, want the item's and its replies'", len(p.strips))
	}
	if txt := labelLines(p.strips[0]); !strings.Contains(txt, "2024-001") || !strings.Contains(txt, "没有附件") {
		t.Fatalf("the item's strip: %q", txt)
	}
	if txt := labelLines(p.strips[1]); !strings.Contains(txt, "第1轮答复(") || !strings.Contains(txt, "盖章答复") || !strings.Contains(txt, "PDF 文件 · 2页") {
		t.Fatalf("the reply's strip: %q", txt)
	}
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(p.strips[1])
	if got := p.partAt(at.Add(fyne.NewPos(20, 20))); got != reply {
		t.Fatalf("a drop on the reply's strip goes to %+v, want the reply %+v", got, reply)
	}
	scan := filepath.Join(t.TempDir(), "第二页.pdf")
	os.WriteFile(scan, append([]byte(testScan), ' '), 0o600)
	d.dropFiles(at.Add(fyne.NewPos(20, 20)), []fyne.URI{storage.NewFileURI(scan)})
	var to *widget.Select
	walk(topDialog(t, d), func(c fyne.CanvasObject) {
		if s, ok := c.(*widget.Select); ok {
			to = s
		}
	})
	if to == nil || !strings.HasPrefix(to.Selected, "第1轮答复(") {
		t.Fatalf("the add dialog offers %v", to)
	}
	test.Tap(dialogButton(t, d, "添加"))
	if l, _ := db.Attachments(d.ctx, x); len(l.Items) != 2 || l.Items[1].Owner != reply {
		t.Fatalf("after the drop: %+v", l.Items)
	}
	if out := os.Getenv("RENDADESK_ATTACH_SHOT"); out != "" {
		f, _ := os.Create(strings.TrimSuffix(out, ".png") + "-item.png")
		png.Encode(f, d.win.Canvas().Capture())
		f.Close()
	}
}

// A meeting's 附件 section prints its 活动记录 with the photos.
func TestActivityRecordFromPane(t *testing.T) {
	if _, err := exec.LookPath("pdfimages"); err != nil {
		t.Skip("pdfimages is not installed (apt-get install poppler-utils)")
	}
	db := testDB(t, true)
	d := testDesk(t, db)
	m, err := db.Meeting(d.ctx, 3)
	if err != nil {
		t.Fatal(err)
	}
	photo, _ := os.ReadFile(testJPEG(t, t.TempDir(), "现场.jpg", 400, 300, color.RGBA{30, 120, 30, 255}))
	if _, err := db.AddAttachments(d.ctx, []store.NewAttachment{{Owner: store.Owner{Kind: store.OwnerMeeting, ID: m.ID}, FileName: "现场.jpg", Data: photo, Caption: "代表察看现场"}}); err != nil {
		t.Fatal(err)
	}
	d.tabs.SelectIndex(5) // 会议
	d.meetings.show(m)
	p := attachPane(t, d, d.meetings, d.meetings.sections)
	if findButton(p.content, "打印活动记录（含照片）") == nil {
		t.Fatal("no 打印活动记录 in the meeting's 附件 section")
	}
	out := filepath.Join(t.TempDir(), "活动记录.pdf")
	if err := d.activityRecord(m.ID).write(out); err != nil {
		t.Fatal(err)
	}
	list, _ := exec.Command("pdfimages", "-list", out).Output()
	text, _ := exec.Command("pdftotext", out, "-").Output()
	if strings.Count(string(list), "jpeg") != 1 || !strings.Contains(string(text), "代表察看现场") || !strings.Contains(string(text), m.Title) {
		t.Fatalf("the 活动记录: images\n%s\ntext %q", list, text)
	}
}
