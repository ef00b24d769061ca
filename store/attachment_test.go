package store

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Files the tests attach, made here so that they are what their names say.

// testJPEG is a w×h JPEG whose left half is red and right half blue, so that a test can see which way it is
// turned.
func testJPEG(tb testing.TB, w, h int) []byte {
	tb.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{220, 20, 20, 255}
			if x >= w/2 {
				c = color.RGBA{20, 20, 220, 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	var b bytes.Buffer
	must(tb, jpeg.Encode(&b, img, &jpeg.Options{Quality: 90}))
	return b.Bytes()
}

// withExif puts an APP1 Exif segment with an orientation and a DateTimeOriginal after a JPEG's SOI marker,
// laid out as a camera writes it (big-endian TIFF, IFD0 with Orientation and the Exif IFD pointer).
func withExif(data []byte, orientation uint16, taken string) []byte {
	bo := binary.BigEndian
	var t bytes.Buffer
	t.WriteString("MM")
	binary.Write(&t, bo, uint16(42))
	binary.Write(&t, bo, uint32(8)) // IFD0 at 8
	// IFD0: 2 entries (8 + 2 + 24 + 4 = 38), then the Exif IFD at 38: 1 entry (38 + 2 + 12 + 4 = 56), then the date.
	binary.Write(&t, bo, uint16(2))
	binary.Write(&t, bo, [6]uint16{0x0112, 3, 0, 1, orientation, 0})
	binary.Write(&t, bo, []uint16{0x8769, 4})
	binary.Write(&t, bo, []uint32{1, 38})
	binary.Write(&t, bo, uint32(0))
	binary.Write(&t, bo, uint16(1))
	binary.Write(&t, bo, []uint16{0x9003, 2})
	binary.Write(&t, bo, []uint32{20, 56})
	binary.Write(&t, bo, uint32(0))
	t.WriteString(taken + "\x00")
	seg := append([]byte("Exif\x00\x00"), t.Bytes()...)
	out := append([]byte{0xFF, 0xD8, 0xFF, 0xE1}, byte((len(seg)+2)>>8), byte(len(seg)+2))
	out = append(out, seg...)
	return append(out, data[2:]...)
}

// testPNG is a small PNG.
func testPNG(tb testing.TB) []byte {
	tb.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 40, 30))
	for i := range img.Pix {
		img.Pix[i] = 0x80
	}
	var b bytes.Buffer
	must(tb, png.Encode(&b, img))
	return b.Bytes()
}

// testPDF is a PDF of n pages, its page tree in plain text or, packed, inside a compressed object stream as
// PDF 1.5 writers do. pad adds bytes to reach a size.
func testPDF(n int, packed bool, pad int) []byte {
	var kids, pages []string
	for i := 0; i < n; i++ {
		kids = append(kids, fmt.Sprintf("%d 0 R", 10+i))
		pages = append(pages, fmt.Sprintf("%d 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n", 10+i))
	}
	tree := fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n)
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n")
	if packed {
		var z bytes.Buffer
		w := zlib.NewWriter(&z)
		w.Write([]byte("2 0 " + tree + " " + strings.Join(pages, " ")))
		w.Close()
		fmt.Fprintf(&b, "5 0 obj\n<< /Type /ObjStm /N %d /First 4 /Filter /FlateDecode /Length %d >>\nstream\n", n+1, z.Len())
		b.Write(z.Bytes())
		b.WriteString("\nendstream\nendobj\n")
	} else {
		b.WriteString("2 0 obj\n" + tree + "\nendobj\n")
		for _, p := range pages {
			b.WriteString(p)
		}
	}
	if pad > 0 {
		b.WriteString("% ")
		b.Write(bytes.Repeat([]byte{'x'}, pad))
		b.WriteString("\n")
	}
	b.WriteString("trailer\n<< /Root 1 0 R >>\n%%EOF\n")
	return b.Bytes()
}

// testDOCX is a minimal Word document (a zip with word/document.xml).
func testDOCX(tb testing.TB) []byte {
	tb.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for _, name := range []string{"[Content_Types].xml", "word/document.xml"} {
		w, err := z.Create(name)
		must(tb, err)
		w.Write([]byte("<x/>"))
	}
	must(tb, z.Close())
	return b.Bytes()
}

func sumOf(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// replied assigns and replies to an item, returning the reply's owner.
func (f *fixture) replied(tb testing.TB, s Suggestion, date Date) Owner {
	tb.Helper()
	ctx := context.Background()
	must(tb, f.db.Assign(ctx, s.ID, AssignInput{MainUnitID: f.unitA.ID, Date: s.Received}))
	must(tb, f.db.Reply(ctx, s.ID, ReplyInput{Date: date, Method: MethodWritten, Content: "已列入计划。", Outcome: OutcomePlanned}))
	h, err := f.db.Handling(ctx, s.ID)
	must(tb, err)
	return Owner{OwnerReply, h.Replies[len(h.Replies)-1].ID}
}

func TestAddAttachments(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	item := f.item(t, "关于修缮青山村道路的建议", "2024-03-01")
	reply := f.replied(t, item, "2024-05-06")
	scan := testPDF(2, true, 0)

	t.Run("OK", func(t *testing.T) {
		added, err := f.db.AddAttachments(ctx, []NewAttachment{{Owner: reply, FileName: `D:\扫描\盖章答复.pdf`, Data: scan}})
		must(t, err)
		a := added[0]
		if a.Reused || a.FileName != "盖章答复.pdf" || a.Type != TypePDF || a.Pages != 2 || a.Size != int64(len(scan)) ||
			a.SHA256 != sumOf(scan) || a.Caption != "盖章答复" || a.Date != "2024-05-06" {
			t.Fatalf("added %+v", a)
		}
		if got := a.Listed(); got != "盖章答复（2页）" {
			t.Errorf("listed as %q", got)
		}
		l, err := f.db.Attachments(ctx, Owner{OwnerSuggestion, item.ID})
		must(t, err)
		if len(l.Parts) != 2 || l.Parts[1].Owner != reply || !strings.Contains(l.Parts[1].Label, "第1轮答复(2024-05-06，书面)") {
			t.Fatalf("parts %+v", l.Parts)
		}
		if len(l.Items) != 1 || l.Items[0].Owner != reply || l.Items[0].Part != l.Parts[1].Label {
			t.Fatalf("items %+v", l.Items)
		}
		hs, _, err := f.db.History(ctx, HistoryFilter{Entity: "suggestion", EntityID: item.ID})
		must(t, err)
		if hs[0].Action != ActionAttach || hs[0].Label != item.Number || !strings.Contains(hs[0].Changes, "文件: 盖章答复.pdf") ||
			!strings.Contains(hs[0].Changes, "PDF 文件，2页") || !strings.Contains(hs[0].Changes, "SHA-256: "+sumOf(scan)) {
			t.Fatalf("history %+v", hs[0])
		}
	})
	t.Run("Dedupe", func(t *testing.T) {
		other := f.item(t, "关于河东村路灯的建议", "2024-04-01")
		added, err := f.db.AddAttachments(ctx, []NewAttachment{{Owner: Owner{OwnerSuggestion, other.ID}, FileName: "答复扫描件.pdf", Data: scan, Caption: "同一份答复"}})
		must(t, err)
		if !added[0].Reused {
			t.Error("the same file attached again was not reused")
		}
		if n := countRows(t, f.db, "attachment_contents"); n != 1 {
			t.Fatalf("%d contents stored for one file", n)
		}
		tot, err := f.db.AttachmentTotals(ctx)
		must(t, err)
		if tot.Count != 2 || tot.Files != 1 || tot.Bytes != int64(len(scan)) || tot.Saved != int64(len(scan)) {
			t.Fatalf("totals %+v", tot)
		}
	})
	t.Run("ErrSameRecordTwice", func(t *testing.T) {
		_, err := f.db.AddAttachments(ctx, []NewAttachment{{Owner: reply, FileName: "again.pdf", Data: scan}})
		wantErr(t, err, ECONFLICT, "文件「again.pdf」已经附在第1轮答复", "说明「盖章答复」")
	})
	t.Run("ErrOverLimit", func(t *testing.T) {
		big := testPDF(1, false, MaxAttachmentSize)
		photo := testJPEG(t, 64, 48)
		before := countRows(t, f.db, "attachments")
		_, err := f.db.AddAttachments(ctx, []NewAttachment{
			{Owner: Owner{OwnerDeputy, f.wang.ID}, FileName: "照片.jpg", Data: photo},
			{Owner: Owner{OwnerDeputy, f.wang.ID}, FileName: "全年台账.pdf", Data: big}})
		wantErr(t, err, EINVALID, "文件「全年台账.pdf」有 20.0 MB，超过每个附件 20.0 MB 的上限", "请压缩或拆分")
		if n := countRows(t, f.db, "attachments"); n != before {
			t.Fatalf("a refused batch left %d attachments", n-before)
		}
		bigPhoto := append(photo[:len(photo):len(photo)], make([]byte, MaxAttachmentSize)...)
		_, err = f.db.AddAttachments(ctx, []NewAttachment{{Owner: Owner{OwnerDeputy, f.wang.ID}, FileName: "大照片.jpg", Data: bigPhoto}})
		wantErr(t, err, EINVALID, "超过每个附件", "照片可以存一份缩小的副本")
	})
	t.Run("ErrFiles", func(t *testing.T) {
		for _, c := range []struct {
			name string
			data []byte
			want string
		}{
			{"setup.exe", []byte("MZ"), "不支持「.exe」文件(setup.exe)：附件可以是 JPG、PNG、PDF、DOCX、XLSX、DOC、XLS、WPS、ET 文件"},
			{"README", []byte("x"), "没有扩展名"},
			{"照片.jpg", scan, "文件「照片.jpg」的内容不是JPG 图片"},
			{"报告.docx", scan, "内容不是Word 文档"},
			{"空.pdf", nil, "文件「空.pdf」是空的"},
			{"测评.wps", []byte("plain text"), "内容不是WPS 文字文档"},
		} {
			_, err := f.db.AddAttachments(ctx, []NewAttachment{{Owner: Owner{OwnerDeputy, f.wang.ID}, FileName: c.name, Data: c.data}})
			wantErr(t, err, EINVALID, c.want)
		}
		_, err := f.db.AddAttachments(ctx, []NewAttachment{{Owner: Owner{OwnerDeputy, f.wang.ID}, FileName: "a.pdf", Data: scan, Caption: strings.Repeat("长", maxLine+1)}})
		wantErr(t, err, EINVALID, "说明不能超过100个字")
		_, err = f.db.AddAttachments(ctx, []NewAttachment{{Owner: Owner{OwnerDeputy, 999}, FileName: "a.pdf", Data: scan}})
		wantErr(t, err, ENOTFOUND, "代表不存在(编号999)")
		_, err = f.db.AddAttachments(ctx, []NewAttachment{{Owner: Owner{"unit", 1}, FileName: "a.pdf", Data: scan}})
		wantErr(t, err, EINVALID, "附件不能加在「unit」上")
	})
	t.Run("OfficeFiles", func(t *testing.T) {
		ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 100)...)
		added, err := f.db.AddAttachments(ctx, []NewAttachment{
			{Owner: Owner{OwnerMeeting, f.session.ID}, FileName: "政府工作报告.docx", Data: testDOCX(t)},
			{Owner: Owner{OwnerMeeting, f.session.ID}, FileName: "测评表.WPS", Data: ole},
			{Owner: Owner{OwnerMeeting, f.session.ID}, FileName: "现场.png", Data: testPNG(t)}})
		must(t, err)
		if added[0].Type != TypeDOCX || added[1].Type != TypeWPS || added[2].Type != TypePNG || added[2].Width != 40 || added[2].Pages != 1 {
			t.Fatalf("added %+v", added)
		}
		if added[2].Photo {
			t.Error("a meeting's picture became a photo for printing")
		}
	})
}

// Opening reads the file back as it was attached; a file whose bytes changed in the database is refused.
func TestAttachmentContent(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	photo := withExif(testJPEG(t, 80, 60), 1, "2024:05:06 10:11:12")
	added, err := f.db.AddAttachments(ctx, []NewAttachment{{Owner: Owner{OwnerDeputy, f.li.ID}, FileName: "李堃.jpg", Data: photo}})
	must(t, err)
	a, data, err := f.db.AttachmentContent(ctx, added[0].ID)
	must(t, err)
	if !bytes.Equal(data, photo) || a.FileName != "李堃.jpg" || a.Date != "2024-05-06" || !a.Photo || a.Part != "李堃" {
		t.Fatalf("read back %+v (%d bytes)", a, len(data))
	}
	thumbs, err := f.db.AttachmentThumbs(ctx, []string{a.SHA256, "nothing"})
	must(t, err)
	if img, err := jpeg.Decode(bytes.NewReader(thumbs[a.SHA256])); err != nil || img.Bounds().Dx() != 80 {
		t.Fatalf("thumbnail %v %v", err, img)
	}
	_, err = f.db.SQL().Exec(`UPDATE attachment_contents SET data = substr(data, 1, 100) || x'00' || substr(data, 102)`)
	must(t, err)
	_, _, err = f.db.AttachmentContent(ctx, a.ID)
	wantErr(t, err, ECORRUPT, "附件「李堃.jpg」的文件内容与添加时的校验值(SHA-256)不符")
	_, _, err = f.db.AttachmentContent(ctx, 999)
	wantErr(t, err, ENOTFOUND, "附件不存在")
}

func TestDeleteAttachment(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	scan := testPDF(3, false, 0)
	added, err := f.db.AddAttachments(ctx, []NewAttachment{
		{Owner: Owner{OwnerMeeting, f.session.ID}, FileName: "测评结果.pdf", Data: scan, Caption: "测评结果", Date: "2024-01-21"}})
	must(t, err)
	_, err = f.db.AddAttachments(ctx, []NewAttachment{{Owner: Owner{OwnerDeputy, f.zhao.ID}, FileName: "同一份.pdf", Data: scan}})
	must(t, err)

	t.Run("ContentStaysWhileUsed", func(t *testing.T) {
		must(t, f.db.DeleteAttachment(ctx, added[0].ID))
		l, err := f.db.Attachments(ctx, Owner{OwnerMeeting, f.session.ID})
		must(t, err)
		if len(l.Items) != 0 {
			t.Fatalf("still listed: %+v", l.Items)
		}
		if n := countRows(t, f.db, "attachment_contents"); n != 1 {
			t.Fatalf("the file another record uses was removed (%d contents)", n)
		}
		hs, _, err := f.db.History(ctx, HistoryFilter{Entity: "meeting", EntityID: f.session.ID})
		must(t, err)
		if hs[0].Action != ActionDetach || hs[0].Label != f.session.Title || !strings.Contains(hs[0].Changes, "文件: 测评结果.pdf") ||
			!strings.Contains(hs[0].Changes, "日期: 2024年1月21日") || !strings.Contains(hs[0].Changes, "SHA-256: "+sumOf(scan)) {
			t.Fatalf("history %+v", hs[0])
		}
	})
	t.Run("LastUseRemovesContent", func(t *testing.T) {
		l, err := f.db.Attachments(ctx, Owner{OwnerDeputy, f.zhao.ID})
		must(t, err)
		must(t, f.db.DeleteAttachment(ctx, l.Items[0].ID))
		if n := countRows(t, f.db, "attachment_contents"); n != 0 {
			t.Fatalf("%d contents left without attachments", n)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		wantErr(t, f.db.DeleteAttachment(ctx, added[0].ID), ENOTFOUND, "附件不存在")
	})
}

// A record's attachments go with it (and are logged); an agenda item taken off a meeting leaves its files with
// the meeting; saving a meeting's agenda keeps the items' files with them.
func TestAttachmentsGoWithTheirRecord(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	pdf := func(i int) []byte { return testPDF(1, false, i) }
	attach := func(o Owner, name string, data []byte) Attachment {
		t.Helper()
		a, err := f.db.AddAttachments(ctx, []NewAttachment{{Owner: o, FileName: name, Data: data}})
		must(t, err)
		return a[0].Attachment
	}

	t.Run("Suggestion", func(t *testing.T) {
		item := f.item(t, "关于桥头社区停车的建议", "2024-03-01")
		reply := f.replied(t, item, "2024-04-01")
		attach(Owner{OwnerSuggestion, item.ID}, "建议原件.pdf", pdf(1))
		attach(reply, "答复.pdf", pdf(2))
		must(t, f.db.DeleteSuggestion(ctx, item.ID))
		var n int
		must(t, f.db.SQL().QueryRow(`SELECT count(*) FROM attachments WHERE owner_kind IN ('suggestion', 'reply')`).Scan(&n))
		if n != 0 || countRows(t, f.db, "attachment_contents") != 0 {
			t.Fatalf("%d attachments of a deleted item left", n)
		}
		hs, _, err := f.db.History(ctx, HistoryFilter{Entity: "suggestion", EntityID: item.ID})
		must(t, err)
		logged := map[string]bool{}
		for _, h := range hs {
			if h.Action == ActionDetach {
				logged[h.Label] = strings.Contains(h.Changes, "一并删除")
			}
		}
		if !logged["建议原件.pdf"] || !logged["答复.pdf"] {
			t.Fatalf("deletions not in the item's history: %+v", hs)
		}
	})
	t.Run("Agenda", func(t *testing.T) {
		d := MeetingDetail{Agenda: []AgendaItem{{Title: "审议政府工作报告", Kind: "审议报告", Report: "政府工作报告"}, {Title: "选举", Kind: "选举"}}}
		must(t, f.db.SaveMeetingDetail(ctx, f.session.ID, d))
		got, err := f.db.MeetingDetail(ctx, f.session.ID)
		must(t, err)
		report := attach(Owner{OwnerAgenda, got.Agenda[0].ID}, "政府工作报告.docx", testDOCX(t))
		attach(Owner{OwnerAgenda, got.Agenda[1].ID}, "选票样张.pdf", pdf(3))
		// Saved again, reordered: the items keep their files.
		got.Agenda[0], got.Agenda[1] = got.Agenda[1], got.Agenda[0]
		must(t, f.db.SaveMeetingDetail(ctx, f.session.ID, got))
		l, err := f.db.Attachments(ctx, Owner{OwnerMeeting, f.session.ID})
		must(t, err)
		if len(l.Items) != 2 || l.Items[0].Part != "议程1：选举" || l.Items[1].Part != "议程2：审议政府工作报告" {
			t.Fatalf("after saving the agenda: %+v", l.Items)
		}
		// The report's item taken off: its file stays with the meeting.
		got.Agenda = got.Agenda[:1]
		must(t, f.db.SaveMeetingDetail(ctx, f.session.ID, got))
		l, err = f.db.Attachments(ctx, Owner{OwnerMeeting, f.session.ID})
		must(t, err)
		if len(l.Items) != 2 || l.Items[0].ID != report.ID || l.Items[0].Owner != (Owner{OwnerMeeting, f.session.ID}) {
			t.Fatalf("after removing an item: %+v", l.Items)
		}
		m := Meeting{Kind: MeetingInspect, Title: "视察道路", Start: "2024-03-01"}
		must(t, f.db.SaveMeeting(ctx, &m))
		must(t, f.db.SaveMeetingDetail(ctx, m.ID, MeetingDetail{Agenda: []AgendaItem{{Title: "听取汇报"}}}))
		md, err := f.db.MeetingDetail(ctx, m.ID)
		must(t, err)
		attach(Owner{OwnerAgenda, md.Agenda[0].ID}, "汇报.pdf", pdf(4))
		attach(Owner{OwnerMeeting, m.ID}, "现场.jpg", testJPEG(t, 30, 20))
		must(t, f.db.DeleteMeeting(ctx, m.ID))
		var n int
		must(t, f.db.SQL().QueryRow(`SELECT count(*) FROM attachments WHERE owner_id = ? AND owner_kind = 'meeting' OR file_name IN ('汇报.pdf', '现场.jpg')`, m.ID).Scan(&n))
		if n != 0 {
			t.Fatalf("%d attachments of a deleted meeting left", n)
		}
	})
	t.Run("Deputy", func(t *testing.T) {
		d := Deputy{Name: "钱多多", Levels: []string{LevelTown}}
		must(t, f.db.SaveDeputy(ctx, &d))
		attach(Owner{OwnerDeputy, d.ID}, "照片.jpg", testJPEG(t, 30, 40))
		must(t, f.db.DeleteDeputy(ctx, d.ID))
		var n int
		must(t, f.db.SQL().QueryRow(`SELECT count(*) FROM attachments WHERE owner_kind = 'deputy' AND owner_id = ?`, d.ID).Scan(&n))
		if n != 0 {
			t.Fatal("a deleted deputy's photo is left")
		}
		res, err := CheckFile(ctx, f.db.Path())
		must(t, err)
		if !res.OK {
			t.Fatalf("check after the deletions: %v", res.Problems)
		}
	})
}

// Every kind of record attachments can belong to has the trigger that removes them with the record: a kind
// added to ownerKinds without it (its table made after the attachments' migration) fails here.
func TestOwnerKindsHaveTriggers(t *testing.T) {
	db := mustOpen(t)
	for _, k := range ownerKinds {
		var n int
		must(t, db.SQL().QueryRow(`SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = ? AND tbl_name = ?`,
			"attachments_of_"+k.table, k.table).Scan(&n))
		if n != 1 {
			t.Errorf("no trigger removes the attachments of a deleted %s (%s): add attachmentTriggers to the migration that makes its table", k.label, k.table)
		}
	}
}

// A backup carries the attachments; the check (and so a restore) reads every file against its SHA-256.
func TestBackupRestoreWithAttachments(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	photo := testJPEG(t, 120, 90)
	scan := testPDF(2, false, 50000)
	_, err := f.db.AddAttachments(ctx, []NewAttachment{
		{Owner: Owner{OwnerDeputy, f.wang.ID}, FileName: "王建国.jpg", Data: photo},
		{Owner: Owner{OwnerMeeting, f.session.ID}, FileName: "议程.pdf", Data: scan}})
	must(t, err)
	dir := t.TempDir()
	backup := filepath.Join(dir, "backup.db")
	must(t, f.db.Backup(ctx, backup))

	t.Run("Check", func(t *testing.T) {
		res, err := CheckFile(ctx, backup)
		must(t, err)
		if !res.OK || res.Counts["attachments"] != 2 || res.Counts["attachment_files"] != 2 || res.Counts["attachment_bytes"] != len(photo)+len(scan) {
			t.Fatalf("check of the backup: %+v", res)
		}
	})
	t.Run("Restore", func(t *testing.T) {
		target := filepath.Join(dir, "restored.db")
		other, err := Open(target)
		must(t, err)
		other.Close()
		_, err = Restore(ctx, target, backup)
		must(t, err)
		db, err := Open(target)
		must(t, err)
		defer db.Close()
		for _, o := range []Owner{{OwnerDeputy, f.wang.ID}, {OwnerMeeting, f.session.ID}} {
			l, err := db.Attachments(ctx, o)
			must(t, err)
			a, data, err := db.AttachmentContent(ctx, l.Items[0].ID)
			must(t, err)
			want := photo
			if a.Type == TypePDF {
				want = scan
			}
			if !bytes.Equal(data, want) || sumOf(data) != a.SHA256 {
				t.Errorf("%s restored differs", a.FileName)
			}
		}
	})
	t.Run("ErrDamagedFile", func(t *testing.T) {
		// A byte changed inside a stored file: SQLite's own check does not see it, ours does.
		damaged := filepath.Join(dir, "damaged.db")
		b, err := os.ReadFile(backup)
		must(t, err)
		i := bytes.Index(b, scan[1000:1100])
		if i < 0 {
			t.Fatal("the scan is not in the backup file as it is")
		}
		b[i+50] ^= 0xFF
		must(t, os.WriteFile(damaged, b, 0o600))
		res, err := CheckFile(ctx, damaged)
		must(t, err)
		if res.OK || !strings.Contains(res.Summary(), "1 个附件的文件内容已损坏") ||
			!strings.Contains(strings.Join(res.Problems, "\n"), "附件: 「议程.pdf」(会议活动(编号1))的文件内容与校验值(SHA-256)不符") {
			t.Fatalf("damaged file passed: %+v", res)
		}
		target := filepath.Join(dir, "target.db")
		_, err = Restore(ctx, target, damaged)
		wantErr(t, err, ECORRUPT, "备份文件 damaged.db 不能用，没有恢复", "1 个附件的文件内容已损坏")
	})
}

func TestAttachmentImages(t *testing.T) {
	t.Run("Orientation", func(t *testing.T) {
		// A phone held upright writes a landscape picture and orientation 6: it is seen turned a quarter clockwise.
		data := withExif(testJPEG(t, 200, 100), 6, "2023:09:01 08:00:00")
		info, err := InspectFile("现场.jpg", data)
		must(t, err)
		if info.Width != 100 || info.Height != 200 || info.Taken != "2023-09-01" {
			t.Fatalf("info %+v", info)
		}
		thumb, err := thumbnail(info, data)
		must(t, err)
		img, err := jpeg.Decode(bytes.NewReader(thumb))
		must(t, err)
		// Turned clockwise, the left (red) half is on top.
		top, bottom := img.At(50, 20), img.At(50, 180)
		if r, _, b, _ := top.RGBA(); r < b {
			t.Errorf("top is not red: %v", top)
		}
		if r, _, b, _ := bottom.RGBA(); r > b {
			t.Errorf("bottom is not blue: %v", bottom)
		}
	})
	t.Run("Shrink", func(t *testing.T) {
		data := testJPEG(t, 3000, 2000)
		info, err := InspectFile("航拍.JPG", data)
		must(t, err)
		if !info.Large() {
			t.Fatal("a 3000-pixel photo is not offered a smaller copy")
		}
		small, out, err := ShrinkImage(info, data)
		must(t, err)
		if small.Width != PhotoMaxSide || small.Height != 1707 || small.Name != "航拍.jpg" || small.Size != int64(len(out)) {
			t.Fatalf("small copy %+v", small)
		}
		if again, err := InspectFile(small.Name, out); err != nil || again.Large() {
			t.Fatalf("the copy: %+v %v", again, err)
		}
	})
	t.Run("Photo", func(t *testing.T) {
		ctx := context.Background()
		f := newFixture(t)
		o := Owner{OwnerDeputy, f.wang.ID}
		added, err := f.db.AddAttachments(ctx, []NewAttachment{{Owner: o, FileName: "当选证书.pdf", Data: testPDF(1, false, 0)},
			{Owner: o, FileName: "旧照片.jpg", Data: testJPEG(t, 60, 80)}, {Owner: o, FileName: "新照片.png", Data: testPNG(t)}})
		must(t, err)
		if added[0].Photo || !added[1].Photo || added[2].Photo {
			t.Fatalf("the first picture is not the photo: %+v", added)
		}
		wantErr(t, f.db.SetAttachmentPhoto(ctx, added[0].ID), EINVALID, "不是图片")
		must(t, f.db.SetAttachmentPhoto(ctx, added[2].ID))
		doc, err := f.db.DeputyFileDoc(ctx, f.wang.ID, 2024)
		must(t, err)
		if p := doc.Records[0].Photo; p == nil || p.Width != 40 || p.Height != 30 {
			t.Fatalf("photo of the 履职档案: %+v", p)
		}
		must(t, f.db.DeleteAttachment(ctx, added[2].ID))
		l, err := f.db.Attachments(ctx, o)
		must(t, err)
		if !l.Items[1].Photo {
			t.Error("after the photo was deleted the other picture did not take its place")
		}
	})
}

func TestPDFPages(t *testing.T) {
	for _, c := range []struct {
		name string
		data []byte
		want int
	}{
		{"Plain", testPDF(3, false, 0), 3},
		{"ObjectStream", testPDF(2, true, 0), 2},
		{"ObjectStreamFilterFirst", bytes.Replace(testPDF(4, true, 0), []byte("/Type /ObjStm /N 5 /First 4 /Filter /FlateDecode"),
			[]byte("/Filter /FlateDecode /First 4 /N 5 /Type /ObjStm"), 1), 4},
		{"PageLabelsNotPages", []byte("%PDF-1.4\n1 0 obj << /Type /PageLabels >> endobj 2 0 obj << /Type /Page >> endobj\n%%EOF"), 1},
		{"NoTree", []byte("%PDF-1.4\n1 0 obj << /Type /Page >> endobj 2 0 obj << /Type /Page >> endobj\n%%EOF"), 2},
		{"Unreadable", []byte("%PDF-1.4\nnothing here\n%%EOF"), 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := pdfPages(c.data); got != c.want {
				t.Errorf("%d pages, want %d", got, c.want)
			}
		})
	}
}

func TestFindOwner(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	item := f.item(t, "关于修缮道路的建议", "2024-03-01")
	reply := f.replied(t, item, "2024-04-01")
	must(t, f.db.SaveMeetingDetail(ctx, f.session.ID, MeetingDetail{Agenda: []AgendaItem{{Title: "一"}, {Title: "二"}}}))
	md, err := f.db.MeetingDetail(ctx, f.session.ID)
	must(t, err)
	for _, c := range []struct {
		kind, ref string
		want      Owner
	}{
		{OwnerSuggestion, item.Number, Owner{OwnerSuggestion, item.ID}},
		{OwnerSuggestion, fmt.Sprint(item.ID), Owner{OwnerSuggestion, item.ID}},
		{OwnerReply, item.Number + "/1", reply},
		{OwnerAgenda, fmt.Sprintf("%d/2", f.session.ID), Owner{OwnerAgenda, md.Agenda[1].ID}},
		{OwnerDeputy, "李堃", Owner{OwnerDeputy, f.li.ID}},
		{OwnerMeeting, f.session.Title, Owner{OwnerMeeting, f.session.ID}},
	} {
		got, err := f.db.FindOwner(ctx, c.kind, c.ref)
		must(t, err)
		if got != c.want {
			t.Errorf("%s %s: %+v, want %+v", c.kind, c.ref, got, c.want)
		}
	}
	_, err = f.db.FindOwner(ctx, OwnerReply, item.Number+"/2")
	wantErr(t, err, ENOTFOUND, "建议「"+item.Number+"」没有第2项答复")
	_, err = f.db.FindOwner(ctx, OwnerReply, item.Number)
	wantErr(t, err, EINVALID, "答复要写成「建议的编号/第几项」，例如 2024-012/1")
	_, err = f.db.FindOwner(ctx, OwnerDeputy, "无此人")
	wantErr(t, err, ENOTFOUND, "没有「无此人」这个代表")
	_, err = f.db.FindOwner(ctx, "voter", "1")
	wantErr(t, err, EINVALID, "附件不能加在「voter」上，可以是: deputy(代表)")
}

// No list or search query reads the attachments' files: only the functions that open, print or check one name
// the table that holds them, and no full-text index is built over it.
func TestListsNeverReadFiles(t *testing.T) {
	files, err := filepath.Glob("*.go")
	must(t, err)
	allowed := map[string]bool{"attachment.go": true, "attachment_check.go": true}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || allowed[name] {
			continue
		}
		b, err := os.ReadFile(name)
		must(t, err)
		if bytes.Contains(b, []byte("attachment_contents")) {
			t.Errorf("%s reads attachment_contents: only attachment.go and attachment_check.go may", name)
		}
	}
	b, err := os.ReadFile("attachment.go")
	must(t, err)
	for _, line := range strings.Split(string(b), "\n") {
		if strings.Contains(line, "attachment_contents") && strings.Contains(line, "SELECT") &&
			!strings.Contains(line, "SELECT data FROM") && !strings.Contains(line, "SELECT count(*) FROM attachment_contents WHERE sha256") &&
			!strings.Contains(line, "SELECT sha256, thumb FROM") {
			t.Errorf("attachment.go has a new read of the files: %s", strings.TrimSpace(line))
		}
	}
	db := mustOpen(t)
	var n int
	must(t, db.SQL().QueryRow(`SELECT count(*) FROM sqlite_schema WHERE sql LIKE 'CREATE VIRTUAL%' AND sql LIKE '%attachment%'`).Scan(&n))
	if n != 0 {
		t.Error("a full-text index covers the attachments")
	}
}

func TestReadFileToAttach(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte, size int64) string {
		p := filepath.Join(dir, name)
		must(t, os.WriteFile(p, data, 0o600))
		if size > 0 {
			must(t, os.Truncate(p, size)) // sparse: nothing is written
		}
		return p
	}
	t.Run("LargePhotoComesBack", func(t *testing.T) {
		// A photo over the limit is returned, to be shrunk; its LimitError says so.
		p := write("大照片.jpg", append(testJPEG(t, 3000, 2000), bytes.Repeat([]byte{0}, 21<<20)...), 0)
		info, data, err := ReadFileToAttach(p)
		if err != nil || data == nil || info.LimitError() == nil || !info.Large() {
			t.Fatalf("%+v %d %v", info, len(data), err)
		}
	})
	t.Run("ErrDocumentOverLimit", func(t *testing.T) {
		_, _, err := ReadFileToAttach(write("台账.pdf", []byte("%PDF-1.4\n"), 21<<20))
		if msg := ErrorMessage(err); !strings.Contains(msg, "文件「台账.pdf」有 21.0 MB，超过每个附件 20.0 MB 的上限") {
			t.Fatalf("%q", msg)
		}
	})
	t.Run("ErrFarOverLimit", func(t *testing.T) {
		_, _, err := ReadFileToAttach(write("录像.jpg", []byte{0xFF, 0xD8, 0xFF}, 200<<20))
		if msg := ErrorMessage(err); !strings.Contains(msg, "文件「录像.jpg」有 200.0 MB，超过") {
			t.Fatalf("%q", msg)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		if _, _, err := ReadFileToAttach(filepath.Join(dir, "无.pdf")); ErrorCode(err) != ENOTFOUND {
			t.Fatalf("%v", err)
		}
	})
}
