package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// 征求意见卡 and 政情通报 (issue 18 §6), opened from the 代表 tab's toolbar: the quarter's batches of opinion
// cards sent to the deputies and returned, with the opinions written on them (each can become a suggestion
// the deputy leads), and the bulletins by issue number and date. The figures count both (T1, the text).

// cardsDialog is the dialog with its two lists.
type cardsDialog struct {
	d         *desk
	dlg       dialog.Dialog
	cards     []store.OpinionCard
	bulletins []store.Bulletin
	cardList  *fyne.Container
	bullList  *fyne.Container
}

// showCardsDialog opens 意见卡与通报.
func (t *deputiesTab) showCardsDialog() *cardsDialog {
	c := &cardsDialog{d: t.d, cardList: container.NewStack(), bullList: container.NewStack()}
	addCard := widget.NewButtonWithIcon("登记一批征求意见卡", theme.ContentAddIcon(), func() {
		today := c.d.today()
		c.cardForm(store.OpinionCard{Year: today.Year(), Quarter: (int(today.Time().Month())-1)/3 + 1, SentDate: today})
	})
	addBulletin := widget.NewButtonWithIcon("登记政情通报", theme.ContentAddIcon(), func() {
		today := c.d.today()
		n, err := c.d.db.NextBulletinNo(c.d.ctx, today.Year())
		logError("政情通报: 读取期号", err) // the clerk types the number
		c.bulletinForm(store.Bulletin{Date: today, IssueNo: n})
	})
	tabs := container.NewAppTabs(
		container.NewTabItem("征求意见卡", container.NewBorder(container.NewHBox(addCard), nil, nil, nil, c.cardList)),
		container.NewTabItem("政情通报", container.NewBorder(container.NewHBox(addBulletin), nil, nil, nil, c.bullList)),
	)
	c.reload()
	c.dlg = dialog.NewCustom("征求意见卡与政情通报", "关闭", tabs, t.d.win)
	c.dlg.Resize(fyne.NewSize(900, 560))
	c.dlg.Show()
	return c
}

// reload re-reads both lists.
func (c *cardsDialog) reload() {
	var err error
	if c.cards, err = c.d.db.OpinionCards(c.d.ctx, 0); err != nil {
		c.d.showError(err)
	}
	rows := make([]string, len(c.cards))
	for i, x := range c.cards {
		made := 0
		for _, it := range x.Items {
			if it.SuggestionID != 0 {
				made++
			}
		}
		rows[i] = fmt.Sprintf("%s　%s发放%d张、收回%d张　意见%d条(已转为建议%d条)", x.Label(), x.SentDate, x.Sent, x.Returned, len(x.Items), made)
	}
	c.cardList.Objects = []fyne.CanvasObject{simpleList(fmt.Sprintf("征求意见卡共 %d 批", len(rows)), rows, func(i int) { c.cardForm(c.cards[i]) })}
	c.cardList.Refresh()
	if c.bulletins, err = c.d.db.Bulletins(c.d.ctx, 0); err != nil {
		c.d.showError(err)
	}
	rows = make([]string, len(c.bulletins))
	for i, b := range c.bulletins {
		rows[i] = fmt.Sprintf("%s　%s　发送代表%d人", b.Label(), b.Date, b.Recipients)
	}
	c.bullList.Objects = []fyne.CanvasObject{simpleList(fmt.Sprintf("政情通报共 %d 期", len(rows)), rows, func(i int) { c.bulletinForm(c.bulletins[i]) })}
	c.bullList.Refresh()
}

// cardItemsText is the opinions one a line: 「王建国：村道需要硬化」.
func cardItemsText(items []store.OpinionCardItem) string {
	lines := make([]string, len(items))
	for i, it := range items {
		lines[i] = it.Content
		if it.DeputyName != "" {
			lines[i] = it.DeputyName + "：" + it.Content
		}
	}
	return strings.Join(lines, "\n")
}

// cardForm records or changes a batch; its opinions are typed one a line, 「代表姓名：意见」. A saved batch's
// opinions not yet suggestions each offer 转为建议.
func (c *cardsDialog) cardForm(x store.OpinionCard) {
	db, ctx := c.d.db, c.d.ctx
	quarters := []string{"第一季度", "第二季度", "第三季度", "第四季度"}
	quarter := selectWith(quarters, false)
	if x.Quarter >= 1 && x.Quarter <= 4 {
		quarter.SetSelected(quarters[x.Quarter-1])
	}
	date := dateField(x.SentDate)
	sent, returned := intEntry(), intEntry()
	sent.SetText(fmt.Sprint(x.Sent))
	returned.SetText(fmt.Sprint(x.Returned))
	items := multiline(5)
	items.SetPlaceHolder("一行一条：代表姓名：意见")
	items.SetText(cardItemsText(x.Items))
	var f *stepForm
	var top fyne.CanvasObject
	if x.ID != 0 {
		box := container.NewVBox()
		for _, it := range x.Items {
			if it.SuggestionID != 0 {
				box.Add(widget.NewLabel("已转为建议 " + it.SuggestionNumber + "：" + shortSubject(it.Content)))
				continue
			}
			box.Add(widget.NewButtonWithIcon("转为建议："+shortSubject(it.Content), theme.MailForwardIcon(), func() {
				f.close()
				c.dlg.Hide()
				c.d.items.newFromCard(x, it)
			}))
		}
		if len(box.Objects) > 0 {
			top = box
		}
	}
	title := "登记征求意见卡"
	if x.ID != 0 {
		title = x.Label()
	}
	f = newStepForm(c.d.win, title, "按季度发放给代表的征求意见卡", top, []*widget.FormItem{
		widget.NewFormItem("季度", quarter), widget.NewFormItem("发放日期", date), widget.NewFormItem("发放(张)", sent),
		widget.NewFormItem("收回(张)", returned), widget.NewFormItem("意见", items),
	}, func() error {
		for _, e := range []struct {
			name  string
			entry *textEntry
		}{{"发放(张)", sent}, {"收回(张)", returned}} {
			if err := e.entry.Validate(); err != nil {
				return &store.Error{Code: store.EINVALID, Field: e.name, Message: e.name + err.Error()}
			}
		}
		y := x
		y.SentDate, y.Sent, y.Returned, y.Year = date.Typed(), atoi(sent), atoi(returned), 0
		for i, q := range quarters {
			if q == quarter.Selected {
				y.Quarter = i + 1
			}
		}
		deputies, _, err := db.Deputies(ctx, store.DeputyFilter{})
		if err != nil {
			return err
		}
		kept := map[string]store.OpinionCardItem{}
		for _, it := range x.Items {
			kept[it.Content] = it
		}
		y.Items = nil
		for _, l := range strings.Split(items.Text, "\n") {
			if l = strings.TrimSpace(l); l == "" {
				continue
			}
			var it store.OpinionCardItem
			name, content, ok := strings.Cut(l, "：")
			if !ok {
				name, content, ok = strings.Cut(l, ":")
			}
			content = strings.TrimSpace(content)
			if k, found := kept[content]; ok && found {
				it = k
			} else if k, found := kept[l]; found {
				it = k
			} else {
				it.Content = l
				if ok {
					it.Content = content
					for _, dep := range deputies {
						if dep.Name == strings.TrimSpace(name) {
							it.DeputyID = dep.ID
						}
					}
					if it.DeputyID == 0 {
						return store.Errorf(store.EINVALID, "意见「%s」的代表「%s」不在代表名册中", shortSubject(content), name)
					}
				}
			}
			y.Items = append(y.Items, it)
		}
		return db.SaveOpinionCard(ctx, &y)
	})
	f.after = c.reload
}

// bulletinForm records or changes a bulletin.
func (c *cardsDialog) bulletinForm(b store.Bulletin) {
	db, ctx := c.d.db, c.d.ctx
	no := intEntry()
	no.SetText(fmt.Sprint(b.IssueNo))
	date := dateField(b.Date)
	title := requiredEntry("标题")
	title.SetText(b.Title)
	recipients := intEntry()
	if b.Recipients > 0 {
		recipients.SetText(fmt.Sprint(b.Recipients))
	}
	notes := newTextEntry()
	notes.SetText(b.Notes)
	head := "登记政情通报"
	if b.ID != 0 {
		head = b.Label()
	}
	var f *stepForm
	var top fyne.CanvasObject
	if b.ID != 0 {
		top = container.NewHBox(widget.NewButtonWithIcon("删除这一期", theme.DeleteIcon(), func() {
			if err := db.DeleteBulletin(ctx, b.ID); err != nil {
				f.showError(err)
				return
			}
			f.close()
			c.reload()
		}))
	}
	f = newStepForm(c.d.win, head, "向代表通报的政情", top, []*widget.FormItem{
		widget.NewFormItem("期号", no), widget.NewFormItem("日期", date), widget.NewFormItem("标题", title),
		widget.NewFormItem("发送代表(人)", recipients), widget.NewFormItem("备注", notes),
	}, func() error {
		y := b
		y.IssueNo, y.Date, y.Title, y.Recipients, y.Notes = atoi(no), date.Typed(), title.Text, atoi(recipients), notes.Text
		return db.SaveBulletin(ctx, &y)
	})
	f.after = c.reload
}

// newFromCard switches to 建议 and opens the 登记建议 form for an opinion written on a card: a 代表建议 between
// sessions from 征求意见卡, led by the deputy who wrote it, received on the day the cards went out.
func (t *suggestionsTab) newFromCard(c store.OpinionCard, it store.OpinionCardItem) {
	s := store.Suggestion{
		Kind: store.KindSuggestion, Period: store.PeriodRecess, Source: store.SourceIn(store.SourceCard, t.sources), Scope: store.LevelTown,
		Priority: "一般", LeadDeputyID: it.DeputyID, LeadDeputyName: it.DeputyName, Received: c.SentDate, Content: it.Content,
		RaisedFrom: store.RaisedRef{Kind: store.RaisedCard, ID: it.ID},
	}
	if t.d.tabs != nil {
		t.d.tabs.Select(t.tabItem())
	}
	t.open(s, nil, func() {
		t.pane.title.SetText("登记建议(来自" + c.Label() + ")")
		t.pane.focus(t.d.win)
	})
}
