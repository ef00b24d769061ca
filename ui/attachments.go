package ui

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // the thumbnails the store keeps are JPEGs
	"os"
	"path/filepath"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/export"
	"rendadesk/store"
)

// The 附件 section of a record's detail pane (issue 20): a strip of thumbnails for the record and one for each
// of its parts (an item's replies, a meeting's agenda items). A file is added by 「添加文件…」 or by dropping it
// on the window; each card opens the file with the system's viewer (a read-only copy in a temporary folder,
// removed when the program ends), saves a copy (export's atomic writer) or deletes it after asking (the
// record's history keeps the fact). The thumbnails are the store's small JPEGs, decoded once per file.

// attachState is what the window keeps for the 附件 sections: the one shown in each record tab and the
// thumbnails decoded so far.
type attachState struct {
	panes  map[recordTab]*attachmentsPane
	thumbs map[string]image.Image // by SHA-256; nil for a file that has no thumbnail
}

// attachable is a record tab whose records take attachments: the record shown, with ID 0 when it is new.
type attachable interface{ attachOwner() store.Owner }

func (t *deputiesTab) attachOwner() store.Owner {
	return store.Owner{Kind: store.OwnerDeputy, ID: t.current.ID}
}
func (t *stationsTab) attachOwner() store.Owner {
	return store.Owner{Kind: store.OwnerStation, ID: t.current.ID}
}
func (t *suggestionsTab) attachOwner() store.Owner {
	return store.Owner{Kind: store.OwnerSuggestion, ID: t.current.ID}
}
func (t *meetingsTab) attachOwner() store.Owner {
	return store.Owner{Kind: store.OwnerMeeting, ID: t.current.ID}
}

// attachOwner of 监督 is the campaign or the 整改 item shown on its page; the other pages take none.
func (t *supervisionTab) attachOwner() store.Owner {
	switch t.pages.SelectedIndex() {
	case 0:
		return store.Owner{Kind: store.OwnerCampaign, ID: t.campaigns.current.ID}
	case 1:
		return store.Owner{Kind: store.OwnerRectification, ID: t.rects.current.ID}
	}
	return store.Owner{}
}
func (t *petitionsTab) attachOwner() store.Owner {
	return store.Owner{Kind: store.OwnerPetition, ID: t.current.ID}
}

// Sizes of the strip, in points.
var (
	attachCardSize  = fyne.NewSize(168, 280)
	attachThumbSize = fyne.NewSize(150, 112)
)

// attachmentsPane is the 附件 section of one record.
type attachmentsPane struct {
	d       *desk
	rec     store.Owner
	list    store.AttachmentList
	strips  []fyne.CanvasObject // one per part, in list.Parts order: where a dropped file lands
	msg     *widget.Label
	box     *fyne.Container
	content fyne.CanvasObject
}

// attachmentsItem builds the 附件 section of the record rec shown in tab, as a tab of its detail pane.
func (d *desk) attachmentsItem(tab recordTab, rec store.Owner) *container.TabItem {
	if d.attach.panes == nil {
		d.attach.panes = map[recordTab]*attachmentsPane{}
	}
	p := &attachmentsPane{d: d, rec: rec, msg: widget.NewLabel(""), box: container.NewVBox()}
	p.msg.Wrapping = fyne.TextWrapWord
	p.msg.Hide()
	// In words, not the extensions: the pane shows no Latin words (the file dialog lists the types).
	hint := widget.NewLabel(fmt.Sprintf("可附加照片、扫描件、文字文档和表格，每个不超过 %d 兆。也可以把文件直接拖到窗口中，添加到正在看的记录。",
		store.MaxAttachmentSize>>20))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	top := container.NewVBox(hint, p.msg)
	if rec.Kind == store.OwnerMeeting {
		// The 活动记录 prints the meeting's photos: offered where the clerk sees them.
		printing := widget.NewButtonWithIcon("打印活动记录（含照片）", theme.DocumentPrintIcon(), func() { d.printTo(d.activityRecord(rec.ID)) })
		top = container.NewVBox(container.NewBorder(nil, nil, nil, printing, hint), p.msg)
	}
	p.content = container.NewBorder(top, nil, nil, nil, container.NewVScroll(p.box))
	d.attach.panes[tab] = p
	p.reload()
	return container.NewTabItem("附件", p.content)
}

// activityRecord is the 活动记录 of a meeting or activity, with its photos.
func (d *desk) activityRecord(id int64) document {
	m, err := d.db.Meeting(d.ctx, id)
	logError("读取会议活动", err) // the document's writer reports it again
	return document{m.Title + "活动记录", func(path string) error {
		doc, err := d.db.ActivityDoc(d.ctx, id)
		if err != nil {
			return err
		}
		return export.ActivityRecord(path, doc, d.today())
	}}
}

// reload reads the record's attachments (never their contents) and rebuilds the strips.
func (p *attachmentsPane) reload() {
	l, err := p.d.db.Attachments(p.d.ctx, p.rec)
	if err != nil {
		p.d.showError(err)
		return
	}
	p.list = l
	p.d.loadThumbs(l.Items)
	p.strips = nil
	var rows []fyne.CanvasObject
	for _, part := range l.Parts {
		part := part
		var cards []fyne.CanvasObject
		for _, a := range l.Items {
			if a.Owner == part.Owner {
				cards = append(cards, p.card(a))
			}
		}
		add := widget.NewButtonWithIcon("添加文件…", theme.ContentAddIcon(), func() { p.ask(part.Owner) })
		head := container.NewBorder(nil, nil, nil, add, boldLabel(part.Label))
		var body fyne.CanvasObject
		if len(cards) == 0 {
			none := widget.NewLabel("没有附件")
			none.Importance = widget.LowImportance
			body = none
		} else {
			body = container.NewGridWrap(attachCardSize, cards...)
		}
		strip := container.NewVBox(head, body, widget.NewSeparator())
		p.strips = append(p.strips, strip)
		rows = append(rows, strip)
	}
	p.box.Objects = rows
	p.box.Refresh()
}

// card is one attachment in the strip: its thumbnail (or an icon with the type and pages), caption, date and
// size, and the buttons 打开, 另存, 删除 (and 设为照片 for an image of a record that prints a photo).
func (p *attachmentsPane) card(a store.Attachment) fyne.CanvasObject {
	var pic fyne.CanvasObject
	if img := p.d.attach.thumbs[a.SHA256]; img != nil {
		ci := canvas.NewImageFromImage(img)
		ci.FillMode = canvas.ImageFillContain
		ci.SetMinSize(attachThumbSize)
		pic = ci
	} else {
		icon := widget.NewIcon(attachIcon(a.Type))
		kind := widget.NewLabel(kindLine(a))
		kind.Alignment = fyne.TextAlignCenter
		pic = container.NewBorder(nil, kind, nil, nil, icon)
	}
	pic = container.NewGridWrap(attachThumbSize, newTapArea(pic, func() { p.open(a) }))
	title := widget.NewLabel(a.Title())
	title.Truncation = fyne.TextTruncateEllipsis
	facts := string(a.Date) + " · " + store.SizeText(a.Size) // the short date: the card is narrow
	info := widget.NewLabel(facts)
	info.Truncation = fyne.TextTruncateEllipsis
	info.Importance = widget.LowImportance
	open := widget.NewButton("打开", func() { p.open(a) })
	save := widget.NewButton("另存", func() { p.save(a) })
	del := widget.NewButton("删除", func() { p.remove(a) })
	buttons := []fyne.CanvasObject{open, save, del}
	if p.photoKind(a.Owner.Kind) && a.IsImage() {
		photo := widget.NewButton("设为照片", func() { p.setPhoto(a) })
		if a.Photo {
			photo.SetText("打印用的照片")
			photo.Disable()
		}
		buttons = append(buttons, photo)
	}
	row := container.NewGridWithColumns(3, buttons[:3]...)
	if len(buttons) > 3 {
		return container.NewVBox(pic, title, info, row, buttons[3])
	}
	return container.NewVBox(pic, title, info, row)
}

// kindLine is a file's type with its pages when known: 「PDF 文件 · 2页」.
func kindLine(a store.Attachment) string {
	if a.Pages > 0 && !a.IsImage() {
		return fmt.Sprintf("%s · %d页", store.TypeName(a.Type), a.Pages)
	}
	return store.TypeName(a.Type)
}

// attachIcon is the icon of a file without a thumbnail.
func attachIcon(t string) fyne.Resource {
	switch t {
	case store.TypePDF:
		return theme.DocumentIcon()
	case store.TypeXLSX, store.TypeXLS, store.TypeET:
		return theme.GridIcon()
	}
	return theme.FileTextIcon()
}

// photoKind reports whether records of kind print a photo (a deputy, a station).
func (p *attachmentsPane) photoKind(kind string) bool {
	for _, k := range store.OwnerKinds() {
		if k.Kind == kind {
			return k.Photo
		}
	}
	return false
}

// loadThumbs decodes the thumbnails of the images among items not decoded before.
func (d *desk) loadThumbs(items []store.Attachment) {
	if d.attach.thumbs == nil {
		d.attach.thumbs = map[string]image.Image{}
	}
	var need []string
	for _, a := range items {
		if _, ok := d.attach.thumbs[a.SHA256]; !ok && a.IsImage() {
			need = append(need, a.SHA256)
		}
	}
	if len(need) == 0 {
		return
	}
	got, err := d.db.AttachmentThumbs(d.ctx, need)
	logError("读取附件的缩略图", err) // the cards show icons instead
	for _, sha := range need {
		var img image.Image
		if b := got[sha]; b != nil {
			img, _, err = image.Decode(bytes.NewReader(b))
			logError("解码缩略图", err)
		}
		d.attach.thumbs[sha] = img
	}
}

// open shows the attachment with the system's viewer: a read-only copy in the program's temporary folder.
func (p *attachmentsPane) open(a store.Attachment) {
	path, err := p.d.viewerCopy(a.ID)
	if err != nil {
		p.d.showError(err)
		return
	}
	p.d.openLocal(path)
}

// save asks where to save a copy of the attachment and writes it there.
func (p *attachmentsPane) save(a store.Attachment) {
	ext := filepath.Ext(a.FileName)
	p.d.askSavePath(store.FolderExports, strings.TrimSuffix(a.FileName, ext), ext, func(path string) {
		_, data, err := p.d.db.AttachmentContent(p.d.ctx, a.ID)
		if err == nil {
			err = export.SaveAttachment(path, data)
		}
		if err != nil {
			p.d.showError(err)
			return
		}
		p.d.showWritten("已保存", "已把附件「"+a.Title()+"」另存到", path)
	})
}

// remove deletes the attachment once the clerk agrees; the record's history keeps what it was.
func (p *attachmentsPane) remove(a store.Attachment) {
	msg := fmt.Sprintf("确定要删除%s的附件「%s」(%s，%s)吗？\n记录的历史中会留下这次删除。", a.Part, a.Title(), a.FileName, store.SizeText(a.Size))
	dialog.ShowConfirm("删除附件", msg, func(ok bool) {
		if !ok {
			return
		}
		if err := p.d.db.DeleteAttachment(p.d.ctx, a.ID); err != nil {
			p.d.showError(err)
			return
		}
		p.reload()
		p.say(widget.SuccessImportance, "已删除附件「"+a.Title()+"」")
	}, p.d.win)
}

// setPhoto makes an image the record's photo on printed documents.
func (p *attachmentsPane) setPhoto(a store.Attachment) {
	if err := p.d.db.SetAttachmentPhoto(p.d.ctx, a.ID); err != nil {
		p.d.showError(err)
		return
	}
	p.reload()
	p.say(widget.SuccessImportance, "「"+a.Title()+"」将用作打印时的照片")
}

// say shows a line over the strips.
func (p *attachmentsPane) say(imp widget.Importance, text string) {
	p.msg.Importance = imp
	p.msg.SetText(text)
	p.msg.Show()
	p.content.Refresh() // the line takes room above the strips
}

// ask lets the clerk choose a file to attach to owner.
func (p *attachmentsPane) ask(owner store.Owner) {
	var exts []string
	for _, t := range store.AttachmentTypes {
		exts = append(exts, "."+t)
	}
	exts = append(exts, ".jpeg")
	p.d.askOpenPath(store.FolderImports, "添加附件", "可附加的文件", exts, func(path string) {
		p.d.addFiles([]string{path}, owner)
	})
}

// partAt is the record or part whose strip is under pos (window coordinates), or the record.
func (p *attachmentsPane) partAt(pos fyne.Position) store.Owner {
	if p.content.Visible() {
		drv := fyne.CurrentApp().Driver()
		for i, s := range p.strips {
			at, size := drv.AbsolutePositionForObject(s), s.Size()
			if pos.Y >= at.Y && pos.Y < at.Y+size.Height && pos.X >= at.X && pos.X < at.X+size.Width && i < len(p.list.Parts) {
				return p.list.Parts[i].Owner
			}
		}
	}
	return p.rec
}

// dropFiles takes files dropped on the window to the record shown in the current tab (to the reply or agenda
// item whose strip they fall on when its 附件 section is in sight).
func (d *desk) dropFiles(pos fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	if len(paths) == 0 {
		return
	}
	t, _ := d.currentRecordTab().(attachable)
	if t == nil || t.attachOwner().ID == 0 {
		dialog.ShowInformation("添加附件", "请先在「代表」「联络站」「建议」「信访」「会议活动」或「监督」的评议活动、整改事项中选中一条已保存的记录，"+
			"再把文件拖到窗口中。", d.win)
		return
	}
	owner := t.attachOwner()
	if p := d.attach.panes[d.currentRecordTab()]; p != nil && p.rec == owner {
		owner = p.partAt(pos)
	}
	d.addFiles(paths, owner)
}

// attachFile is a file read to attach, with what the add dialog asks of it.
type attachFile struct {
	path    string
	info    store.FileInfo
	data    []byte
	caption *widget.Entry
	shrink  *widget.Check // nil unless the image is larger than store.PhotoMaxSide or over the size limit
}

// readToAttach reads and checks a file to attach (store.ReadFileToAttach).
func readToAttach(path string) (attachFile, error) {
	info, data, err := store.ReadFileToAttach(path)
	return attachFile{path: path, info: info, data: data}, err
}

// addFiles reads the files at paths and asks how to attach them to owner (or another part of its record):
// their captions, a date, and for large photos whether to keep a smaller copy. Files that cannot be attached
// are named with the reason, and nothing is added.
func (d *desk) addFiles(paths []string, owner store.Owner) {
	var files []*attachFile
	var bad []string
	for _, path := range paths {
		f, err := readToAttach(path)
		if err != nil {
			bad = append(bad, store.ErrorMessage(err))
			continue
		}
		files = append(files, &f)
	}
	if len(bad) > 0 {
		dialog.ShowError(fmt.Errorf("%s", strings.Join(bad, "\n")), d.win)
		return
	}
	parts, err := d.db.AttachmentParts(d.ctx, owner)
	if err != nil {
		d.showError(err)
		return
	}
	d.showAddDialog(files, parts, owner)
}

// showAddDialog is the dialog addFiles asks in; 添加 writes all the files in one transaction.
func (d *desk) showAddDialog(files []*attachFile, parts []store.OwnerPart, owner store.Owner) *dialog.CustomDialog {
	var labels []string
	chosen := 0
	for i, p := range parts {
		labels = append(labels, p.Label)
		if p.Owner == owner {
			chosen = i
		}
	}
	to := newSelect(labels, nil)
	to.SetSelectedIndex(chosen)
	date := newDateEntry(false)
	date.SetPlaceHolder("留空：照片的拍摄日期，或记录的日期")
	form := widget.NewForm(widget.NewFormItem("附加到", to), widget.NewFormItem("日期", date))
	rows := container.NewVBox()
	for _, f := range files {
		f.caption = widget.NewEntry()
		f.caption.SetText(strings.TrimSuffix(f.info.Name, filepath.Ext(f.info.Name)))
		facts := store.TypeName(f.info.Type) + "，" + store.SizeText(f.info.Size)
		switch {
		case f.info.IsImage():
			facts += fmt.Sprintf("，%d×%d 像素", f.info.Width, f.info.Height)
		case f.info.Pages > 0:
			facts += fmt.Sprintf("，%d页", f.info.Pages)
		}
		rows.Add(boldLabel(f.info.Name + "（" + facts + "）"))
		rows.Add(widget.NewForm(widget.NewFormItem("说明", f.caption)))
		if f.info.Large() || f.info.LimitError() != nil {
			f.shrink = widget.NewCheck(fmt.Sprintf("存缩小的副本（长边 %d 像素，适合打印和查看）", store.PhotoMaxSide), nil)
			f.shrink.SetChecked(true)
			if f.info.LimitError() != nil {
				f.shrink.Disable() // over the limit: only the smaller copy can be kept
				f.shrink.Text += fmt.Sprintf("——原图超过 %s，只能存副本", store.SizeText(store.MaxAttachmentSize))
			}
			rows.Add(f.shrink)
		}
	}
	msg := widget.NewLabel("")
	msg.Wrapping = fyne.TextWrapWord
	msg.Importance = widget.DangerImportance
	msg.Hide()
	var dlg *dialog.CustomDialog
	add := widget.NewButtonWithIcon("添加", theme.ConfirmIcon(), func() {
		target := parts[to.SelectedIndex()].Owner
		if date.Validate() != nil {
			msg.SetText("日期：" + date.Validate().Error())
			msg.Show()
			return
		}
		var news []store.NewAttachment
		for _, f := range files {
			info, data := f.info, f.data
			if f.shrink != nil && f.shrink.Checked {
				var err error
				if info, data, err = store.ShrinkImage(info, data); err != nil {
					msg.SetText(store.ErrorMessage(err))
					msg.Show()
					return
				}
			}
			news = append(news, store.NewAttachment{Owner: target, FileName: info.Name, Data: data, Caption: f.caption.Text, Date: date.Typed()})
		}
		added, err := d.db.AddAttachments(d.ctx, news)
		if err != nil {
			msg.SetText(store.ErrorMessage(err))
			msg.Show()
			return
		}
		dlg.Hide()
		d.attachmentsAdded(target, added)
	})
	add.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", func() { dlg.Hide() })
	body := container.NewBorder(form, container.NewVBox(msg, container.NewHBox(cancel, add)), nil, nil, container.NewVScroll(rows))
	dlg = dialog.NewCustomWithoutButtons(fmt.Sprintf("添加附件（%d 个文件）", len(files)), body, d.win)
	dlg.Resize(fyne.NewSize(620, min(560, 240+float32(len(files))*110)))
	dlg.Show()
	return dlg
}

// attachmentsAdded refreshes the 附件 section that shows owner's record and says what was added.
func (d *desk) attachmentsAdded(owner store.Owner, added []store.AddedAttachment) {
	reused := 0
	for _, a := range added {
		if a.Reused {
			reused++
		}
	}
	text := fmt.Sprintf("已添加 %d 个附件到%s", len(added), added[0].Part)
	if reused > 0 {
		text += fmt.Sprintf("（其中 %d 个与已存的文件相同，只存一份）", reused)
	}
	t := d.currentRecordTab()
	if p := d.attach.panes[t]; p != nil && p.hasPart(owner) {
		p.reload()
		p.say(widget.SuccessImportance, text)
		if p.content.Visible() {
			return
		}
	}
	dialog.ShowInformation("添加附件", text+"。", d.win)
}

// hasPart reports whether o is the pane's record or one of its parts.
func (p *attachmentsPane) hasPart(o store.Owner) bool {
	for _, part := range p.list.Parts {
		if part.Owner == o {
			return true
		}
	}
	return false
}

// The read-only copies opened with the system viewer live in one temporary folder for the program's run.
var viewer struct {
	sync.Mutex
	dir string
}

// viewerCopy writes attachment id's file, checked against its hash, as a read-only file in the viewer folder
// and returns its path; a copy made before is used again.
func (d *desk) viewerCopy(id int64) (string, error) {
	a, data, err := d.db.AttachmentContent(d.ctx, id)
	if err != nil {
		return "", err
	}
	viewer.Lock()
	defer viewer.Unlock()
	if viewer.dir == "" {
		if viewer.dir, err = os.MkdirTemp("", "rendadesk-附件-"); err != nil {
			return "", fmt.Errorf("建立临时文件夹: %w", err)
		}
	}
	// One folder per file: two attachments may have the same name.
	dir := filepath.Join(viewer.dir, a.SHA256[:16])
	path := filepath.Join(dir, a.FileName)
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("建立临时文件夹: %w", err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return "", fmt.Errorf("写临时文件「%s」: %w", a.FileName, err)
	}
	// Read-only, so that an edit in the viewer is not mistaken for a change to the attachment.
	return path, os.Chmod(path, 0o400)
}

// cleanViewerCopies removes the viewer folder (the program is ending); read-only files are made writable
// first, as Windows will not delete them otherwise.
func cleanViewerCopies() {
	viewer.Lock()
	defer viewer.Unlock()
	if viewer.dir == "" {
		return
	}
	filepath.Walk(viewer.dir, func(p string, _ os.FileInfo, err error) error {
		if err == nil {
			os.Chmod(p, 0o700)
		}
		return nil
	})
	logError("删除附件的临时副本", os.RemoveAll(viewer.dir))
	viewer.dir = ""
}

// tapArea makes its content (a thumbnail) open the attachment when tapped.
type tapArea struct {
	widget.BaseWidget
	content fyne.CanvasObject
	onTap   func()
}

func newTapArea(content fyne.CanvasObject, onTap func()) *tapArea {
	t := &tapArea{content: content, onTap: onTap}
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer shows the content.
func (t *tapArea) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(t.content) }

// Tapped opens the attachment.
func (t *tapArea) Tapped(*fyne.PointEvent) { t.onTap() }

// Cursor is the pointing hand: the thumbnail opens.
func (t *tapArea) Cursor() desktop.Cursor { return desktop.PointerCursor }
