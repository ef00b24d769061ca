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

// attachFiles writes the files the tests attach: a scanned reply of two pages, a 3000×2000 photo, a PDF over
// the size limit.
func attachFiles(t *testing.T) (dir, scan, photo, huge string) {
	t.Helper()
	dir = t.TempDir()
	scan = filepath.Join(dir, "盖章答复.pdf")
	pdf := "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >> endobj\n" +
		"3 0 obj << /Type /Page /Parent 2 0 R >> endobj\n4 0 obj << /Type /Page /Parent 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
	write := func(p string, b []byte) {
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(scan, []byte(pdf))
	img := image.NewRGBA(image.Rect(0, 0, 3000, 2000))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = uint8(i/4%3000/12), 120, 60, 255
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	photo = filepath.Join(dir, "视察现场.JPG")
	write(photo, b.Bytes())
	huge = filepath.Join(dir, "全年台账.pdf")
	write(huge, append([]byte(pdf), bytes.Repeat([]byte("%"), 21<<20)...))
	return dir, scan, photo, huge
}

func TestAttachCommand(t *testing.T) {
	dir, scan, photo, huge := attachFiles(t)
	db := filepath.Join(dir, "t.db")
	if code, _, errOut := run("demo", "--db", db, "--today", "2024-11-30"); code != ExitOK {
		t.Fatalf("demo: %s", errOut)
	}

	t.Run("Reply", func(t *testing.T) {
		code, out, errOut := run("attach", "--db", db, "reply", "--id", "2024-001/1", scan, "--caption", "盖章答复")
		if code != ExitOK || !strings.Contains(out, "已添加附件「盖章答复」") || !strings.Contains(out, "到第1轮答复(") ||
			!strings.Contains(out, "PDF 文件，2页") {
			t.Fatalf("attach: %d %q %q", code, out, errOut)
		}
		code, out, _ = run("attachments", "--db", db, "suggestion", "--id", "2024-001")
		if code != ExitOK || !strings.Contains(out, "2024-001 的附件共 1 个") || !strings.Contains(out, "第1轮答复(") ||
			!strings.Contains(out, "\t盖章答复\t盖章答复.pdf\tPDF 文件，2页\t") {
			t.Fatalf("attachments: %d %q", code, out)
		}
	})
	t.Run("SameFileElsewhere", func(t *testing.T) {
		code, out, errOut := run("attach", "--db", db, "suggestion", "--id", "2024-002", scan)
		if code != ExitOK || !strings.Contains(out, "只存一份") {
			t.Fatalf("attach: %d %q %q", code, out, errOut)
		}
		code, _, errOut = run("attach", "--db", db, "suggestion", "--id", "2024-002", scan)
		if code != ExitError || !strings.Contains(errOut, "已经附在2024-002上了") || !strings.Contains(errOut, "(error: conflict)") {
			t.Fatalf("the same file twice: %d %q", code, errOut)
		}
	})
	t.Run("LargePhoto", func(t *testing.T) {
		code, out, _ := run("attach", "--db", db, "meeting", "--id", "1", photo)
		if code != ExitOK || !strings.Contains(out, "JPG 图片，3000×2000") || !strings.Contains(out, "加 --shrink 可存缩小的副本") {
			t.Fatalf("attach a large photo: %d %q", code, out)
		}
		code, out, _ = run("attach", "--db", db, "meeting", "--id", "2", photo, "--shrink", "--date", "2024-03-05")
		if code != ExitOK || !strings.Contains(out, "JPG 图片，2560×1707") || !strings.Contains(out, "存为缩小的副本「视察现场.jpg」(2560×1707") {
			t.Fatalf("attach --shrink: %d %q", code, out)
		}
		_, out, _ = run("attachments", "--db", db, "meeting", "--id", "2")
		if !strings.Contains(out, "2024年3月5日") {
			t.Fatalf("the date given is not kept: %q", out)
		}
	})
	t.Run("ErrOverLimit", func(t *testing.T) {
		code, _, errOut := run("attach", "--db", db, "deputy", "--id", "1", huge)
		if code != ExitError || !strings.Contains(errOut, "文件「全年台账.pdf」有 21.0 MB，超过每个附件 20.0 MB 的上限") || strings.Count(errOut, "\n") != 1 {
			t.Fatalf("over the limit: %d %q", code, errOut)
		}
		_, out, _ := run("attachments", "--db", db, "deputy", "--id", "1")
		if !strings.Contains(out, "没有附件") {
			t.Fatalf("something was attached: %q", out)
		}
	})
	t.Run("ErrRecord", func(t *testing.T) {
		for _, c := range []struct {
			args []string
			want string
		}{
			{[]string{"reply", "--id", "2024-001/9", scan}, "没有第9项答复"},
			{[]string{"agenda", "--id", "1", scan}, "议程要写成「会议活动的编号/第几项」"},
			{[]string{"deputy", "--id", "无此人", scan}, "没有「无此人」这个代表"},
			{[]string{"deputy", "--id", "1", filepath.Join(dir, "none.pdf")}, "找不到文件"},
		} {
			code, _, errOut := run(append([]string{"attach", "--db", db}, c.args...)...)
			if code != ExitError || !strings.Contains(errOut, c.want) {
				t.Errorf("%v: %d %q", c.args, code, errOut)
			}
		}
	})
	t.Run("ErrUsage", func(t *testing.T) {
		for _, args := range [][]string{
			{"attach", "--db", db},
			{"attach", "--db", db, "voter", "--id", "1", scan},
			{"attach", "--db", db, "deputy", scan},
			{"attach", "--db", db, "deputy", "--id", "1"},
			{"attach", "--db", db, "deputy", "--id", "1", scan, "--date", "2024-02-30"},
			{"attachments", "--db", db, "deputy", "--id", "1", "extra"},
		} {
			if code, _, errOut := run(args...); code != ExitUsage || errOut == "" {
				t.Errorf("%v: exit %d %q, want 2", args, code, errOut)
			}
		}
	})
	t.Run("Check", func(t *testing.T) {
		code, out, _ := run("check", "--db", db)
		if code != ExitOK || !strings.Contains(out, "附件: 4 个(文件 3 个") || !strings.Contains(out, "每个文件的内容都与校验值(SHA-256)一致") {
			t.Fatalf("check: %d %q", code, out)
		}
	})
}

// The 活动记录 of a meeting prints its photos.
func TestPrintActivityRecord(t *testing.T) {
	if _, err := exec.LookPath("pdfimages"); err != nil {
		t.Skip("pdfimages is not installed (apt-get install poppler-utils)")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	if code, _, errOut := run("demo", "--db", db, "--today", "2024-11-30"); code != ExitOK {
		t.Fatalf("demo: %s", errOut)
	}
	for i, c := range []color.RGBA{{200, 30, 30, 255}, {30, 30, 200, 255}} {
		img := image.NewRGBA(image.Rect(0, 0, 400, 300))
		for k := 0; k < len(img.Pix); k += 4 {
			img.Pix[k], img.Pix[k+1], img.Pix[k+2], img.Pix[k+3] = c.R, c.G, c.B, 255
		}
		var b bytes.Buffer
		jpeg.Encode(&b, img, nil)
		p := filepath.Join(dir, fmt.Sprintf("现场%d.jpg", i+1))
		os.WriteFile(p, b.Bytes(), 0o600)
		if code, _, errOut := run("attach", "--db", db, "meeting", "--id", "3", p, "--caption", fmt.Sprintf("现场照片%d", i+1)); code != ExitOK {
			t.Fatalf("attach: %s", errOut)
		}
	}
	out := filepath.Join(dir, "活动记录.pdf")
	code, stdout, errOut := run("print", "--db", db, "activity-record", "--id", "3", "--out", out)
	if code != ExitOK || !strings.Contains(stdout, "已生成活动记录") {
		t.Fatalf("print: %d %q %q", code, stdout, errOut)
	}
	list, err := exec.Command("pdfimages", "-list", out).Output()
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(list), "\n") - 2; n != 2 {
		t.Fatalf("%d images in the 活动记录, want 2:\n%s", n, list)
	}
	text, err := exec.Command("pdftotext", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"活动照片（2张）", "现场照片1", "现场照片2", "第1页共1页"} {
		if !strings.Contains(string(text), w) {
			t.Errorf("活动记录 lacks %q", w)
		}
	}
	if code, _, errOut := run("print", "--db", db, "activity-record", "--id", "x", "--out", out); code != ExitUsage {
		t.Errorf("a bad --id: %d %q", code, errOut)
	}
}
