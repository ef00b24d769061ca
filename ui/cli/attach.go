package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"rendadesk/store"
)

// The attachments' commands (issue 20): `attach` adds files to a record, `attachments` lists a record's. KIND
// names the record as for `print --id`: an item by its number, a deputy or a station by name, a meeting by its
// id; a reply or an agenda item as its record and position (2024-012/1, 12/3).

const (
	attachUsage      = "attach --db PATH KIND --id N FILE… [--caption T] [--date YYYY-MM-DD] [--shrink]"
	attachmentsUsage = "attachments --db PATH KIND --id N"
)

func init() {
	commands["attach"] = command{attachUsage, "把文件附在记录上(JPG、PNG、PDF、DOCX、XLSX、DOC、XLS、WPS、ET)，KIND: " + ownerKindList(), runAttach}
	commands["attachments"] = command{attachmentsUsage, "列出记录(及其答复、议程)的附件", runAttachments}
}

// ownerKindList names the kinds for usage messages: 「deputy(代表)、station(联络站)…」.
func ownerKindList() string {
	var s []string
	for _, k := range store.OwnerKinds() {
		s = append(s, k.Kind+"("+k.Label+")")
	}
	return strings.Join(s, "、")
}

// ownerArgs are the record flags both commands share.
type ownerArgs struct {
	db, id *string
}

func newOwnerArgs(fs *flag.FlagSet) ownerArgs {
	return ownerArgs{db: fs.String("db", "", "数据库文件"), id: fs.String("id", "", "记录: 建议编号(2024-012)、代表或联络站名称、会议编号；答复和议程写成 记录/第几项(2024-012/1)")}
}

// kindOf checks the KIND argument and that --id was given.
func (o ownerArgs) kindOf(pos []string) (string, error) {
	if len(pos) == 0 {
		return "", usageError{"缺少记录种类 KIND，可以是: " + ownerKindList()}
	}
	kind := pos[0]
	known := false
	for _, k := range store.OwnerKinds() {
		known = known || k.Kind == kind
	}
	if !known {
		return "", usageError{fmt.Sprintf("不认识的记录种类「%s」，可以是: %s", kind, ownerKindList())}
	}
	if strings.TrimSpace(*o.id) == "" {
		return "", usageError{"缺少 --id 记录"}
	}
	// parse with no arguments only resolves --db: the default database, the system's form of the path.
	return kind, parse(flag.NewFlagSet("db", flag.ContinueOnError), nil, o.db)
}

// runAttach is `rendadesk attach --db PATH KIND --id N FILE… [--caption T] [--date D] [--shrink]`: the files are
// attached in one transaction, all or none. A photo larger than store.PhotoMaxSide is stored as it is unless
// --shrink asks for the smaller copy (which a photo over the size limit needs).
func runAttach(ctx context.Context, fs *flag.FlagSet, args []string, out io.Writer) error {
	o := newOwnerArgs(fs)
	caption := fs.String("caption", "", "说明(默认为文件名)")
	date := fs.String("date", "", "日期(默认为照片的拍摄日期，或答复、会议的日期，或今天)")
	shrink := fs.Bool("shrink", false, "大照片存缩小的副本(长边 2560 像素)")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	kind, err := o.kindOf(pos)
	if err != nil {
		return err
	}
	files := pos[1:]
	if len(files) == 0 {
		return usageError{"缺少要附加的文件 FILE"}
	}
	d, err := store.ParseDate(*date)
	if err != nil {
		return usageError{"--date: " + err.Error()}
	}
	var news []store.NewAttachment
	var notes []string
	for _, f := range files {
		n, note, err := readAttachment(nativePath(f), *shrink)
		if err != nil {
			return err
		}
		n.Caption, n.Date = *caption, d
		news = append(news, n)
		if note != "" {
			notes = append(notes, note)
		}
	}
	release, err := store.Lock(*o.db)
	if err != nil {
		return err
	}
	defer release()
	db, err := store.Open(*o.db)
	if err != nil {
		return err
	}
	defer db.Close()
	owner, err := db.FindOwner(ctx, kind, *o.id)
	if err != nil {
		return err
	}
	for i := range news {
		news[i].Owner = owner
	}
	added, err := db.AddAttachments(ctx, news)
	if err != nil {
		return err
	}
	for _, a := range added {
		line := fmt.Sprintf("已添加附件「%s」(编号 %d)到%s：%s，%s，SHA-256 %s", a.Title(), a.ID, a.Part, kindText(a.Attachment), store.SizeText(a.Size), a.SHA256)
		if a.Reused {
			line += "(与已有附件是同一个文件，只存一份)"
		}
		if a.Photo {
			line += "；用作照片"
		}
		fmt.Fprintln(out, line)
	}
	for _, n := range notes {
		fmt.Fprintln(out, "说明："+n)
	}
	return nil
}

// readAttachment reads a file to attach and checks it; a photo larger than store.PhotoMaxSide is shrunk when
// shrink is set, and otherwise a note says it could be.
func readAttachment(path string, shrink bool) (store.NewAttachment, string, error) {
	info, data, err := store.ReadFileToAttach(path)
	if err != nil {
		return store.NewAttachment{}, "", err
	}
	over := info.LimitError()
	note := ""
	switch {
	case shrink && info.IsImage() && (info.Large() || over != nil):
		small, out, err := store.ShrinkImage(info, data)
		if err != nil {
			return store.NewAttachment{}, "", err
		}
		note = fmt.Sprintf("照片「%s」(%d×%d，%s)存为缩小的副本「%s」(%d×%d，%s)", info.Name, info.Width, info.Height, store.SizeText(info.Size),
			small.Name, small.Width, small.Height, store.SizeText(small.Size))
		info, data = small, out
	case over != nil && info.IsImage():
		return store.NewAttachment{}, "", &store.Error{Code: store.EINVALID, Message: store.ErrorMessage(over) + "(加 --shrink)"}
	case over != nil:
		return store.NewAttachment{}, "", over
	case info.Large():
		note = fmt.Sprintf("照片「%s」有 %d×%d 像素(%s)，已按原样保存；加 --shrink 可存缩小的副本", info.Name, info.Width, info.Height, store.SizeText(info.Size))
	}
	return store.NewAttachment{FileName: info.Name, Data: data}, note, nil
}

// kindText is an attachment's type with its pages or pixels: 「PDF 文件，2页」, 「JPG 图片，800×600」.
func kindText(a store.Attachment) string {
	switch {
	case a.IsImage():
		return fmt.Sprintf("%s，%d×%d", store.TypeName(a.Type), a.Width, a.Height)
	case a.Pages > 0:
		return fmt.Sprintf("%s，%d页", store.TypeName(a.Type), a.Pages)
	}
	return store.TypeName(a.Type)
}

// runAttachments is `rendadesk attachments --db PATH KIND --id N`: the attachments of the record and of its
// parts, one a line.
func runAttachments(ctx context.Context, fs *flag.FlagSet, args []string, out io.Writer) error {
	o := newOwnerArgs(fs)
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	kind, err := o.kindOf(pos)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usageError{fmt.Sprintf("多余的参数 %q", pos[1:])}
	}
	db, err := openToRead(*o.db, out)
	if err != nil {
		return err
	}
	defer db.Close()
	owner, err := db.FindOwner(ctx, kind, *o.id)
	if err != nil {
		return err
	}
	l, err := db.Attachments(ctx, owner)
	if err != nil {
		return err
	}
	if len(l.Items) == 0 {
		fmt.Fprintf(out, "%s 没有附件\n", l.Parts[0].Label)
		return nil
	}
	var total int64
	for _, a := range l.Items {
		total += a.Size
	}
	fmt.Fprintf(out, "%s 的附件共 %d 个(%s)：\n", l.Parts[0].Label, len(l.Items), store.SizeText(total))
	for _, a := range l.Items {
		photo := ""
		if a.Photo {
			photo = "　[照片]"
		}
		fmt.Fprintf(out, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s%s\n", a.ID, a.Part, a.Title(), a.FileName, kindText(a), store.SizeText(a.Size),
			a.Date.Chinese(), a.SHA256[:12], photo)
	}
	return nil
}

// attachmentsChecked is check's line about the attachments: how many, the room their files take, and that
// every file matched its SHA-256 (a mismatch fails the check before this); "" for a file without any.
func attachmentsChecked(res store.CheckResult) string {
	n := res.Counts["attachments"]
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("附件: %d 个(文件 %d 个，共 %s)，每个文件的内容都与校验值(SHA-256)一致", n, res.Counts["attachment_files"],
		store.SizeText(int64(res.Counts["attachment_bytes"])))
}

// demoAttachments is `demo --attachments-gb N`: about N GB of generated photos and scans attached to the
// records of a demo database.
func demoAttachments(ctx context.Context, db *store.DB, gb float64, seed int64, out io.Writer) error {
	start := time.Now()
	n, err := db.GenerateDemoAttachments(ctx, store.DemoAttachmentOptions{Bytes: int64(gb * (1 << 30)), Seed: seed})
	if err != nil {
		return err
	}
	t, err := db.AttachmentTotals(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "已添加附件示例数据 %d 个(%s)，用时 %.1f 秒；数据库中共有附件 %d 个，%s\n", n, store.SizeText(int64(gb*(1<<30))),
		time.Since(start).Seconds(), t.Count, store.SizeText(t.Bytes))
	return nil
}
