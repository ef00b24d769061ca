package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"math/rand/v2"
)

// Generated attachments for the bench (`rendadesk demo --attachments-gb N`): an office's years of photos and
// scans in the same file, to measure that the lists and the search do not slow down with them (SPEC §9, issue
// 20). The files are made fast but are what they say: each photo a real JPEG (a small picture, the camera's
// size made up by data after its end, as cameras append previews and maker notes), each scan a PDF whose pages
// are counted, every file different.

// DemoAttachmentOptions configures GenerateDemoAttachments.
type DemoAttachmentOptions struct {
	Bytes    int64                   // about how much to attach
	Seed     int64                   // the same seed on the same records gives the same files
	Progress func(done, total int64) // optional: bytes attached so far
}

// demoAttachmentBatch is how much one transaction writes: the write-ahead log stays this size between
// checkpoints rather than growing to the whole amount.
const demoAttachmentBatch = 128 << 20

// GenerateDemoAttachments attaches generated photos and scans to the records of a demo database (one that
// `demo` made): deputies' photos, photos of meetings and activities, scanned replies. It returns how many
// files it attached. Another database is refused: these files are not the office's.
func (db *DB) GenerateDemoAttachments(ctx context.Context, opt DemoAttachmentOptions) (int, error) {
	if opt.Bytes <= 0 {
		return 0, Errorf(EINVALID, "附件示例数据的大小必须大于0")
	}
	var demo, deputies, meetings, replies []int64
	err := db.view(ctx, func(tx *Tx) error {
		for _, q := range []struct {
			sql string
			out *[]int64
		}{{`SELECT id FROM history WHERE entity = 'database' AND label = '载入示例数据'`, &demo},
			{`SELECT id FROM deputies ORDER BY id`, &deputies}, {`SELECT id FROM meetings ORDER BY id`, &meetings},
			{`SELECT id FROM replies ORDER BY id`, &replies}} {
			if err := collect(tx, q.sql, nil, func(s scanner) error {
				var id int64
				err := s.Scan(&id)
				*q.out = append(*q.out, id)
				return err
			}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	if len(demo) == 0 || len(deputies) == 0 || len(meetings) == 0 || len(replies) == 0 {
		return 0, Errorf(ECONFLICT, "附件示例数据只能加到用 demo 生成的示例数据库中")
	}
	r := rand.New(rand.NewPCG(uint64(opt.Seed), demoPCGStream^0xA77AC4))
	var done int64
	n := 0
	for done < opt.Bytes {
		var batch []prepared
		size := int64(0)
		for size < demoAttachmentBatch && done+size < opt.Bytes {
			p, err := demoAttachment(r, n, deputies, meetings, replies)
			if err != nil {
				return n, err
			}
			batch = append(batch, p)
			size += p.info.Size
			n++
		}
		if err := db.update(ctx, func(tx *Tx) error {
			for _, p := range batch {
				if _, err := tx.addAttachment(p); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			return n - len(batch), fmt.Errorf("写入附件示例数据: %w", err)
		}
		done += size
		if opt.Progress != nil {
			opt.Progress(min(done, opt.Bytes), opt.Bytes)
		}
	}
	return n, nil
}

// demoAttachment makes the n-th generated file: one in ten a deputy's photo (150–400 KB), half photos of a
// meeting (1.5–4 MB), the rest a unit's scanned reply (0.2–1.5 MB, 1–6 pages).
func demoAttachment(r *rand.Rand, n int, deputies, meetings, replies []int64) (prepared, error) {
	var in NewAttachment
	switch k := r.IntN(10); {
	case k == 0:
		in = NewAttachment{Owner: Owner{OwnerDeputy, deputies[r.IntN(len(deputies))]}, FileName: fmt.Sprintf("照片%05d.jpg", n),
			Data: demoJPEG(r, 240, 320, 150<<10+r.IntN(250<<10)), Caption: "代表照片"}
	case k <= 5:
		in = NewAttachment{Owner: Owner{OwnerMeeting, meetings[r.IntN(len(meetings))]}, FileName: fmt.Sprintf("IMG_%05d.jpg", n),
			Data: demoJPEG(r, 320, 240, 1536<<10+r.IntN(2560<<10)), Caption: demoCaptions[r.IntN(len(demoCaptions))]}
	default:
		in = NewAttachment{Owner: Owner{OwnerReply, replies[r.IntN(len(replies))]}, FileName: fmt.Sprintf("扫描件%05d.pdf", n),
			Data: demoPDF(r, 1+r.IntN(6), 200<<10+r.IntN(1300<<10)), Caption: "盖章答复"}
	}
	info, err := in.Validate()
	if err != nil {
		return prepared{}, fmt.Errorf("生成的附件 %s: %w", in.FileName, err)
	}
	thumb, err := thumbnail(info, in.Data)
	if err != nil {
		return prepared{}, err
	}
	sum := sha256.Sum256(in.Data)
	return prepared{in: in, info: info, sum: hex.EncodeToString(sum[:]), thumb: thumb}, nil
}

var demoCaptions = []string{"代表察看现场", "座谈会现场", "听取汇报", "代表发言", "活动合影", "检查台账资料"}

// demoJPEG is a w×h picture (sky, ground and a banner in colours of its own) as a JPEG padded after its end to
// about size bytes.
func demoJPEG(r *rand.Rand, w, h, size int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	sky := color.RGBA{uint8(120 + r.IntN(80)), uint8(160 + r.IntN(60)), uint8(200 + r.IntN(55)), 255}
	ground := color.RGBA{uint8(60 + r.IntN(80)), uint8(90 + r.IntN(80)), uint8(40 + r.IntN(60)), 255}
	banner := color.RGBA{uint8(180 + r.IntN(75)), uint8(20 + r.IntN(40)), uint8(20 + r.IntN(40)), 255}
	horizon := h/2 + r.IntN(h/4)
	bx, by := r.IntN(w/2), r.IntN(h/3)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := sky
			if y > horizon {
				c = ground
			}
			if x >= bx && x < bx+w/2 && y >= by && y < by+h/8 {
				c = banner
			}
			img.SetRGBA(x, y, c)
		}
	}
	b, _ := encodeJPEG(img, 80)
	return pad(r, b, size)
}

// demoPDF is a PDF of the given pages with a stream of random bytes making it about size bytes.
func demoPDF(r *rand.Rand, pages, size int) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [")
	for i := 0; i < pages; i++ {
		fmt.Fprintf(&b, " %d 0 R", 10+i)
	}
	fmt.Fprintf(&b, " ] /Count %d >>\nendobj\n", pages)
	for i := 0; i < pages; i++ {
		fmt.Fprintf(&b, "%d 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 9 0 R >>\nendobj\n", 10+i)
	}
	rest := max(0, size-b.Len()-100)
	fmt.Fprintf(&b, "9 0 obj\n<< /Length %d >>\nstream\n", rest)
	out := pad(r, b.Bytes(), b.Len()+rest)
	return append(out, "\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"...)
}

// pad appends random bytes to b up to size.
func pad(r *rand.Rand, b []byte, size int) []byte {
	out := make([]byte, max(size, len(b)))
	copy(out, b)
	tail := out[len(b):]
	for i := 0; i+8 <= len(tail); i += 8 {
		v := r.Uint64()
		for k := 0; k < 8; k++ {
			tail[i+k] = byte(v >> (8 * k))
		}
	}
	return out
}
