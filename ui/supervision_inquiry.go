package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/export"
	"rendadesk/store"
)

// inquiriesPane is the 专题询问 page of 监督: the inquiries, and for the chosen one its form with the
// satisfaction poll, its 两清单一要求 (one entry a line in each list) and the entries made 整改事项.
type inquiriesPane struct {
	t        *supervisionTab
	d        *desk
	filter   store.InquiryFilter
	list     *recordList[store.Inquiry]
	search   *searchEntry
	current  store.Inquiry
	pane     *formPane
	lists    *formPane
	detail   *fyne.Container
	sections *container.AppTabs // 基本信息 / 两清单一要求 of a saved inquiry
	content  fyne.CanvasObject
}

// formInquiryLists is the kind of an inquiry's 两清单一要求 form (guard.go; 20 characters at most).
const formInquiryLists = "supervision.lists"

var inquiryForms = []string{formInquiry, formInquiryLists}

func newInquiriesPane(t *supervisionTab) *inquiriesPane {
	d := t.d
	p := &inquiriesPane{t: t, d: d}
	cols := []column[store.Inquiry]{
		{"日期", 90, "", func(x store.Inquiry) string { return string(x.Date) }},
		{"询问主题", longTextWidth, "", func(x store.Inquiry) string { return x.Topic }},
		{"问题", 45, "", func(x store.Inquiry) string { return fmt.Sprint(x.Problems) }},
		{"建议", 45, "", func(x store.Inquiry) string { return fmt.Sprint(x.Suggestions) }},
		{"要求", 45, "", func(x store.Inquiry) string { return fmt.Sprint(x.Requirements) }},
		{"整改", 45, "", func(x store.Inquiry) string { return fmt.Sprint(x.Rectifications) }},
	}
	p.list = newRecordList(cols, func(offset, limit int, sort string, desc bool) ([]store.Inquiry, int, error) {
		f := p.filter
		f.Offset, f.Limit = offset, limit
		return d.db.Inquiries(d.ctx, f)
	}, func(x store.Inquiry) { p.open(x, p.list.undoSelect, nil) })
	p.search = newSearchEntry("搜索询问主题", func(q string) {
		p.filter.Query = q
		p.list.reload()
	})
	p.detail = container.NewStack(emptyDetail("在左侧选择一次专题询问，或点「新增」"))
	tb := newToolbar(p.newRecord, func() {
		if p.pane != nil {
			p.pane.focus(d.win)
		}
	}, p.remove, func() { exportRecords(d, "专题询问一览", p.list) })
	p.content = recordFrame(tb, p.search, nil, p.list.table, p.list.status, p.detail)
	return p
}

func (p *inquiriesPane) refresh() { p.list.reload() }

func (p *inquiriesPane) newRecord() {
	p.open(store.Inquiry{Date: p.d.today()}, nil, p.list.unselect)
}

func (p *inquiriesPane) remove() {
	if p.current.ID == 0 {
		p.d.showError(fmt.Errorf("请先在列表中选择要删除的专题询问"))
		return
	}
	cur := p.current
	p.d.confirmDelete("专题询问", cur.Topic, nil, func() error {
		if err := p.d.db.DeleteInquiry(p.d.ctx, cur.ID); err != nil {
			return err
		}
		p.current, p.pane, p.lists = store.Inquiry{}, nil, nil
		p.d.dropForms(inquiryForms...)
		p.detail.Objects = []fyne.CanvasObject{emptyDetail("已删除专题询问「" + cur.Topic + "」")}
		p.detail.Refresh()
		p.list.reload()
		return nil
	})
}

func (p *inquiriesPane) open(x store.Inquiry, cancel, then func()) {
	p.d.switchRecord(inquiryForms, x.ID != 0 && x.ID == p.current.ID, func() { p.display(x) }, cancel, then)
}

func (p *inquiriesPane) display(x store.Inquiry) {
	keep, page := p.d.samePane(x.ID != 0 && x.ID == p.current.ID, p.sections, inquiryForms...)
	p.current = x
	form := p.form(x)
	var body fyne.CanvasObject = form.content
	p.sections = nil
	if x.ID != 0 {
		tabs := container.NewAppTabs(container.NewTabItem("基本信息", form.content), container.NewTabItem("两清单一要求", p.listsOf(x)))
		tabs.SelectIndex(page)
		p.sections = tabs
		print := widget.NewButtonWithIcon("打印两清单一要求", theme.DocumentPrintIcon(), func() {
			p.d.printTo(document{x.Topic + "两清单一要求", func(path string) error {
				doc, err := p.d.db.InquiryDoc(p.d.ctx, x.ID)
				if err != nil {
					return err
				}
				return export.InquiryLists(path, doc, doc.Inquiry.Date)
			}})
		})
		body = container.NewBorder(nil, container.NewHBox(print), nil, nil, tabs)
	}
	p.detail.Objects = []fyne.CanvasObject{body}
	p.detail.Refresh()
	p.d.putBack(keep)
	p.list.reveal(func(q store.Inquiry) bool { return q.ID == x.ID && x.ID != 0 })
}

func (p *inquiriesPane) form(x store.Inquiry) *formPane {
	db, ctx := p.d.db, p.d.ctx
	topic := requiredEntry("询问主题")
	topic.SetText(x.Topic)
	date := newDateEntry(true)
	date.SetDate(x.Date)
	names, ids := []string{}, map[string]int64{}
	ms, _, err := db.Meetings(ctx, store.MeetingFilter{Kind: store.MeetingInquiry})
	if err != nil {
		p.d.showError(err)
	}
	for _, m := range ms {
		n := string(m.Start) + " " + m.Title
		names = append(names, n)
		ids[n] = m.ID
	}
	meeting := selectWith(names, true)
	for n, id := range ids {
		if id == x.MeetingID && id != 0 {
			meeting.SetSelected(n)
		}
	}
	plan := multiline(2)
	plan.SetText(x.Plan)
	surveys, sat, basic, unsat := numberEntry(x.Surveys, true), numberEntry(x.Satisfied, true), numberEntry(x.Basic, true), numberEntry(x.Unsatisfied, true)
	notes := multiline(2)
	notes.SetText(x.Notes)
	var pane *formPane
	pane = newFormPane([]*widget.FormItem{
		widget.NewFormItem("询问主题", topic),
		widget.NewFormItem("询问会议日期", date),
		widget.NewFormItem("询问会议", meeting),
		widget.NewFormItem("询问方案", plan),
		widget.NewFormItem("问卷调查(份)", fixedWidth(80, surveys)),
		widget.NewFormItem("满意度测评满意", fixedWidth(80, sat)),
		widget.NewFormItem("满意度测评基本满意", fixedWidth(80, basic)),
		widget.NewFormItem("满意度测评不满意", fixedWidth(80, unsat)),
		widget.NewFormItem("备注", notes),
	}, func() error {
		for _, e := range []*textEntry{surveys, sat, basic, unsat} {
			if err := e.Validate(); err != nil {
				return store.Errorf(store.EINVALID, "问卷和测评人数应是整数")
			}
		}
		y := x
		y.Topic, y.Date, y.MeetingID, y.Plan = strings.TrimSpace(topic.Text), date.Typed(), ids[meeting.Selected], plan.Text
		y.Surveys, y.Satisfied, y.Basic, y.Unsatisfied, y.Notes = atoi(surveys), atoi(sat), atoi(basic), atoi(unsat), notes.Text
		if err := db.SaveInquiry(ctx, &y); err != nil {
			return err
		}
		if fresh, err := db.Inquiry(ctx, y.ID); err == nil {
			y = fresh
		}
		p.list.reload()
		p.display(y)
		p.pane.showInfo("已保存")
		return nil
	})
	if x.ID == 0 {
		pane.title.SetText("新增专题询问")
	} else {
		pane.title.SetText(x.Topic)
	}
	pane.first = topic
	p.pane = pane
	pane.track(p.d, formInquiry, recordKey(x.ID), x, func() string { return "专题询问" + quoted(topic.Text) }, func() { p.t.reveal(2, nil, 0) })
	return pane
}

// listsOf edits the three lists, one entry a line, and lists the entries with 「列为整改」 for those not yet
// made 整改事项.
func (p *inquiriesPane) listsOf(x store.Inquiry) fyne.CanvasObject {
	db, ctx := p.d.db, p.d.ctx
	p.d.dropFormsQuietly(formInquiryLists)
	items, err := db.InquiryItems(ctx, x.ID)
	if err != nil {
		return widget.NewLabel(store.ErrorMessage(err))
	}
	byList := map[string][]store.InquiryItem{}
	for _, it := range items {
		byList[it.List] = append(byList[it.List], it)
	}
	entries := map[string]*textEntry{}
	var fi []*widget.FormItem
	for _, l := range store.InquiryLists {
		e := multiline(4)
		var lines []string
		for _, it := range byList[l] {
			lines = append(lines, it.Text)
		}
		e.SetText(strings.Join(lines, "\n"))
		e.SetPlaceHolder("一行一条")
		entries[l] = e
		fi = append(fi, widget.NewFormItem(l, e))
	}
	var pane *formPane
	pane = newFormPane(fi, func() error {
		var out []store.InquiryItem
		for _, l := range store.InquiryLists {
			k := 0
			for _, line := range strings.Split(entries[l].Text, "\n") {
				line = strings.TrimSpace(line)
				if line == "" {
					continue
				}
				it := store.InquiryItem{List: l, Text: line}
				if k < len(byList[l]) { // the k-th line keeps the k-th saved entry (and its 整改 link)
					it.ID, it.UnitID = byList[l][k].ID, byList[l][k].UnitID
				}
				k++
				out = append(out, it)
			}
		}
		if err := db.SaveInquiryItems(ctx, x.ID, out); err != nil {
			return err
		}
		fresh, err := db.Inquiry(ctx, x.ID)
		if err == nil {
			p.current = fresh
		}
		p.list.reload()
		p.display(p.current)
		return nil
	})
	pane.title.SetText(fmt.Sprintf("问题%d个、建议%d条、具体要求%d条", x.Problems, x.Suggestions, x.Requirements))
	p.lists = pane
	pane.track(p.d, formInquiryLists, recordKey(x.ID), x.ID, func() string { return "专题询问" + quoted(x.Topic) },
		func() { p.t.reveal(2, p.sections, 1) }).part = "两清单一要求"
	var lines []string
	var open []store.InquiryItem
	for _, it := range items {
		if it.RectificationID != 0 {
			continue
		}
		open = append(open, it)
		lines = append(lines, fmt.Sprintf("%s第%d条　%s", it.List, it.Seq, it.Text))
	}
	toRect := simpleList("点击一条，列为整改事项", lines, func(i int) {
		it := open[i]
		p.t.rects.newFrom(store.Rectification{Source: store.RectFromInquiry, InquiryID: x.ID, InquiryItemID: it.ID, Text: it.Text,
			UnitID: it.UnitID, UnitName: it.UnitName, Raised: p.d.today(), SourceName: x.Topic})
	})
	split := container.NewVSplit(pane.content, toRect)
	split.Offset = 0.7
	return split
}
