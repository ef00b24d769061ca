package export

import (
	"fmt"
	"io"
	"strings"

	"rendadesk/store"
)

// ActivityRecord writes the 活动记录 of a meeting or activity (a 视察, a 代表小组活动 …): what it was, when and
// where, who took part, the agenda, the minutes and the problems found, then its photos two across with their
// captions, and the names of its other attachments — the sheet an office files for each activity.
func ActivityRecord(path string, doc store.ActivityDoc, date store.Date) error {
	m, det := doc.Meeting, doc.Detail
	d := newDocument(doc.Settings.OfficeName, "活动记录", false)
	d.title(m.Title)
	d.subtitle("（" + m.Kind + "记录）")
	md := &meetingDoc{m: m}
	rows := [][]field{{{"活动类型", m.Kind}, {"时间", md.when()}}, {{"地点", m.Place}, {"主持人", m.Host}}}
	if m.Topic != "" {
		rows = append(rows, []field{{"主题", m.Topic}})
	}
	if m.Law != "" {
		rows = append(rows, []field{{"检查的法律法规", m.Law}})
	}
	rows = append(rows, []field{{"参加代表", attendanceText(det.Attendance)}})
	if len(det.Guests) > 0 {
		var gs []string
		for _, g := range det.Guests {
			gs = append(gs, strings.TrimSpace(g.Name+" "+g.Unit+g.Post))
		}
		rows = append(rows, []field{{"列席人员", strings.Join(gs, "、")}})
	}
	d.fields(rows...)
	if len(det.Agenda) > 0 {
		var items []string
		for i, a := range det.Agenda {
			items = append(items, fmt.Sprintf("%d. %s", i+1, a.Title))
		}
		d.textBox("议程", strings.Join(items, "\n"), 1)
	}
	d.textBox("活动情况", m.Minutes, 4)
	if m.Problems != "" {
		d.textBox("发现的问题", m.Problems, 2)
	}
	if len(doc.Files) > 0 {
		var names []string
		for _, a := range doc.Files {
			names = append(names, a.Listed())
		}
		d.fields([]field{{"附件", strings.Join(names, "；")}})
	}
	if len(doc.Photos) > 0 {
		d.heading(fmt.Sprintf("活动照片（%d张）", len(doc.Photos)))
		photoRows(d, doc.Photos)
	}
	d.moveDown(6)
	made := "制表日期：" + date.Chinese()
	if doc.Settings.ClerkName != "" {
		made = "制表人：" + doc.Settings.ClerkName + "　　" + made
	}
	d.paragraph(made, paraStyle{size: 10.5, align: "R"})
	return d.save(path)
}

// attendanceText sums up a meeting's attendance: 「出席 12 人：张三、李四……；请假 1 人：王五」.
func attendanceText(att []store.Attendance) string {
	by := map[string][]string{}
	for _, a := range att {
		name := a.DeputyName
		if a.Status == "请假" && a.Reason != "" {
			name += "（" + a.Reason + "）"
		}
		by[a.Status] = append(by[a.Status], name)
	}
	var parts []string
	for _, st := range []string{"出席", "列席", "请假", "缺席"} {
		if n := len(by[st]); n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d 人：%s", st, n, strings.Join(by[st], "、")))
		}
	}
	if len(parts) == 0 {
		return "未登记"
	}
	return strings.Join(parts, "；")
}

// Photo layout of the activity record: two across, each in a frame as high as a landscape photo is at that
// width, with its caption and date under it.
const (
	photoGap    = 6.0
	photoFrameH = 62.0
)

// photoRows draws the photos two across, a row never split between pages.
func photoRows(d *document, photos []store.ActivityPhoto) {
	w := (d.width - photoGap) / 2
	const size = 10.0
	lh := lineHeight(size)
	for i := 0; i < len(photos); i += 2 {
		pair := photos[i:min(i+2, len(photos))]
		captions := make([][]string, len(pair))
		lines := 0
		for k, p := range pair {
			d.font(false, size)
			text := p.Title()
			if p.Date != "" {
				text += "（" + p.Date.Chinese() + "）"
			}
			captions[k] = d.wrap(text, w)
			lines = max(lines, len(captions[k]))
		}
		h := photoFrameH + 2 + float64(lines)*lh + 4
		d.ensure(h)
		y := d.y()
		for k, p := range pair {
			x := d.left + float64(k)*(w+photoGap)
			drawImage(d, p.Image, x, y, w, photoFrameH)
			d.font(false, size)
			for j, l := range captions[k] {
				d.text(x, y+photoFrameH+2+float64(j)*lh, w, lh, l, "C")
			}
		}
		d.pdf.SetXY(d.left, y+h)
	}
}

// SaveAttachment writes an attachment's bytes to path (the 另存为 of the 附件 strip) through a temporary file
// beside it, so that a failure never leaves half a file where the clerk chose to save.
func SaveAttachment(path string, data []byte) error {
	return writeAtomically(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}
