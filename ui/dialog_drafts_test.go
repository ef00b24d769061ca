package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rendadesk/store"
)

// dialogForm is one of the issue 22 forms that open in a dialog over another: how to open it on a record of
// the demo (a saved one, or a new one), the entry the clerk types into, and what the store holds in that field.
type dialogForm struct {
	name   string
	kind   string
	ask    string // the saved record as the question names it
	open   func(t *testing.T, d *desk)
	openNw func(t *testing.T, d *desk)
	entry  func(t *testing.T, d *desk) *textEntry // the field typed into, in the form on top
	newFld func(t *testing.T, d *desk) *textEntry // the field typed into in the new record's form
	stored func(t *testing.T, d *desk) string
	typed  string // what the clerk adds to the field ("补充" when empty)
	close  string // the dialog's button that leaves the form ("取消" when empty)
	byYear bool   // the form is of a year (its draft's key), not of a record
}

// quotaEntry is the quota entry of a level on the 宣传任务 page of the dialog on top: the input after its label.
func quotaEntry(t *testing.T, d *desk, level string) *textEntry {
	t.Helper()
	var found *textEntry
	walk(topDialog(t, d), func(o fyne.CanvasObject) {
		if c, ok := o.(*fyne.Container); ok {
			for i, x := range c.Objects[:max(len(c.Objects)-1, 0)] {
				if l, ok := x.(*widget.Label); ok && l.Text == level {
					if e, ok := c.Objects[i+1].(*textEntry); ok {
						found = e
					}
				}
			}
		}
	})
	if found == nil {
		t.Fatalf("no %s quota in the dialog", level)
	}
	return found
}

// catName is the 奖项名称 entry of the first row in the 奖项与名额 form on top.
func catName(t *testing.T, d *desk) *textEntry {
	t.Helper()
	var found *textEntry
	walk(topDialog(t, d), func(o fyne.CanvasObject) {
		if e, ok := o.(*textEntry); ok && e.PlaceHolder == "奖项名称" && found == nil {
			found = e
		}
	})
	if found == nil {
		t.Fatal("no 奖项名称 in the dialog")
	}
	return found
}

// dialogForms are the forms over the demo of 2024: a nomination, a plan item, a piece and an issue of
// 《人大通讯》.
func dialogForms(t *testing.T, db *store.DB) []dialogForm {
	ctx := t.Context()
	noms, err := db.AwardNominations(ctx, 2024)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(noms, func(n store.AwardNomination) bool { return !n.Withdrawn && !n.Elected })
	if i < 0 {
		t.Fatal("the demo has no standing nomination in 2024")
	}
	nom := noms[i]
	plan, err := db.PlanItems(ctx, 2024)
	if err != nil || len(plan) == 0 {
		t.Fatalf("the demo has no plan for 2024 (%v)", err)
	}
	item := plan[0]
	j := slices.IndexFunc(plan, func(p store.PlanItem) bool { return !p.Linked() && p.CancelledOn == "" })
	if j < 0 {
		t.Fatal("the demo's 2024 plan has no open item")
	}
	cancelable := plan[j] // one that can be cancelled
	arts, err := db.Articles(ctx, store.ArticleFilter{Year: 2024})
	if err != nil || len(arts) == 0 {
		t.Fatalf("the demo has no piece in 2024 (%v)", err)
	}
	art := arts[0]
	news, err := db.Newsletters(ctx, 2024)
	if err != nil || len(news) == 0 {
		t.Fatalf("the demo has no 《人大通讯》 in 2024 (%v)", err)
	}
	iss := news[0]
	field := func(label string) func(t *testing.T, d *desk) *textEntry {
		return func(t *testing.T, d *desk) *textEntry { return wfField[*textEntry](t, topDialog(t, d), label) }
	}
	planField := func(label string) func(t *testing.T, d *desk) *textEntry {
		return func(t *testing.T, d *desk) *textEntry { return d.report.plan.editor.formEntries[label].(*textEntry) }
	}
	awards := func(d *desk) *awardsDialog { return d.deputies.showAwardsDialog() }
	sel, err := db.AwardSelection(ctx, 2024)
	if err != nil {
		t.Fatal(err)
	}
	plans := func(d *desk) *planEditor {
		d.report.openPlan(2024, nil)
		return d.report.plan.editor
	}
	return []dialogForm{
		{
			name: "评先评优推荐", kind: formNomination, ask: "2024年度评先评优推荐「" + nom.CandidateName,
			open: func(t *testing.T, d *desk) { awards(d).nominationForm(nom) },
			openNw: func(t *testing.T, d *desk) {
				a := awards(d)
				a.nominationForm(store.AwardNomination{CategoryID: a.sel.Categories[0].ID})
			},
			entry: field("主要事迹"), newFld: field("主要事迹"),
			stored: func(t *testing.T, d *desk) string {
				n, err := d.db.AwardNomination(d.ctx, nom.ID)
				if err != nil {
					t.Fatal(err)
				}
				return n.Deeds
			},
		},
		{
			name: "撤回推荐", kind: formWithdraw, ask: "2024年度" + nom.Category + "推荐「" + nom.CandidateName + "」的撤回原因",
			open: func(t *testing.T, d *desk) {
				a := awards(d)
				a.withdrawForm(nom, a.nominationForm(nom))
			},
			entry: field("撤回原因"),
			stored: func(t *testing.T, d *desk) string {
				n, err := d.db.AwardNomination(d.ctx, nom.ID)
				if err != nil {
					t.Fatal(err)
				}
				return n.WithdrawNote
			},
		},
		{
			name: "奖项与名额", kind: formAwardCategories, ask: "2024年度评先评优的奖项与名额", byYear: true,
			open: func(t *testing.T, d *desk) { awards(d).categoriesForm(sel) },
			openNw: func(t *testing.T, d *desk) {
				a := awards(d)
				a.showYear(2025)
				a.categoriesForm(store.NewAwardSelection(2025))
			},
			entry: catName, newFld: catName,
			stored: func(t *testing.T, d *desk) string {
				s, err := d.db.AwardSelection(d.ctx, 2024)
				if err != nil {
					t.Fatal(err)
				}
				return s.Categories[0].Name
			},
		},
		{
			name: "宣传任务", kind: formQuotas, ask: "宣传信息的宣传任务", typed: "5", close: "关闭",
			open:  func(t *testing.T, d *desk) { d.meetings.showPublicity().tabs.SelectIndex(2) },
			entry: func(t *testing.T, d *desk) *textEntry { return quotaEntry(t, d, store.OutletProvince) },
			stored: func(t *testing.T, d *desk) string {
				q, err := d.db.PublicityQuotas(d.ctx)
				if err != nil {
					t.Fatal(err)
				}
				for _, x := range q {
					if x.Level == store.OutletProvince {
						return fmt.Sprint(x.Quota)
					}
				}
				return "0"
			},
		},
		{
			name: "年度计划项", kind: formPlanItem, ask: "2024年度计划项" + quoted(item.Title),
			open: func(t *testing.T, d *desk) { e := plans(d); e.itemForm(item, e.after) },
			openNw: func(t *testing.T, d *desk) {
				e := plans(d)
				e.itemForm(store.PlanItem{Year: 2024, Kind: store.PlanMeeting}, e.after)
			},
			entry: planField("备注"), newFld: planField("工作内容"),
			stored: func(t *testing.T, d *desk) string {
				items, err := d.db.PlanItems(d.ctx, 2024)
				if err != nil {
					t.Fatal(err)
				}
				return items[slices.IndexFunc(items, func(p store.PlanItem) bool { return p.ID == item.ID })].Notes
			},
		},
		{
			name: "取消计划项", kind: formPlanCancel, ask: "2024年度计划项" + quoted(cancelable.Title) + "的取消原因", close: "返回",
			open:  func(t *testing.T, d *desk) { e := plans(d); e.cancelForm(cancelable, e.after) },
			entry: planField("取消原因"),
			stored: func(t *testing.T, d *desk) string {
				opens, err := d.db.PlanItems(d.ctx, 2024)
				if err != nil {
					t.Fatal(err)
				}
				return opens[slices.IndexFunc(opens, func(p store.PlanItem) bool { return p.ID == cancelable.ID })].CancelReason
			},
		},
		{
			name: "宣传稿件", kind: formArticle, ask: "宣传稿件" + quoted(art.Title),
			open:   func(t *testing.T, d *desk) { d.meetings.showPublicity().articleForm(art) },
			openNw: func(t *testing.T, d *desk) { d.meetings.showPublicity().articleForm(store.Article{Date: testToday}) },
			entry:  field("备注"), newFld: field("标题"),
			stored: func(t *testing.T, d *desk) string {
				all, err := d.db.Articles(d.ctx, store.ArticleFilter{Year: 2024})
				if err != nil {
					t.Fatal(err)
				}
				return all[slices.IndexFunc(all, func(a store.Article) bool { return a.ID == art.ID })].Notes
			},
		},
		{
			name: "人大通讯", kind: formNewsletter, ask: fmt.Sprintf("《人大通讯》2024年第%d期", iss.IssueNo),
			open: func(t *testing.T, d *desk) { d.meetings.showPublicity().newsletterForm(iss) },
			openNw: func(t *testing.T, d *desk) {
				d.meetings.showPublicity().newsletterForm(store.Newsletter{Date: testToday, IssueNo: 99})
			},
			entry: field("内容"), newFld: field("本期要目"),
			stored: func(t *testing.T, d *desk) string {
				all, err := d.db.Newsletters(d.ctx, 2024)
				if err != nil {
					t.Fatal(err)
				}
				return all[slices.IndexFunc(all, func(n store.Newsletter) bool { return n.ID == iss.ID })].Contents
			},
		},
	}
}

// TestIssue22DialogFormsAskBeforeClosing types into each form and leaves it: the form's 取消 asks, naming the
// record; 取消 keeps the form and what was typed; 不保存 closes it with the store unchanged. Typed again, the
// window's close asks too, and 保存 stores the text and closes the window.
func TestIssue22DialogFormsAskBeforeClosing(t *testing.T) {
	draftDelay = time1h
	defer func() { draftDelay = draftDelayDefault }()
	db := testDB(t, true)
	for _, c := range dialogForms(t, db) {
		t.Run(c.name, func(t *testing.T) {
			a, w := testWindow(t)
			cw := &closeTestWindow{Window: w}
			d := newDesk(a, cw, db)
			d.loadPending() // as after the first frame
			t.Cleanup(d.drafts.stop)
			before := c.stored(t, d)
			c.open(t, d)
			form := topDialog(t, d)
			add, leave := c.typed, c.close
			if add == "" {
				add = "补充"
			}
			if leave == "" {
				leave = "取消"
			}
			e := c.entry(t, d)
			test.Type(e, add)
			typed := e.Text
			test.Tap(findButton(form, leave))
			if q := dialogText(d); !strings.Contains(q, c.ask) || !strings.Contains(q, "有未保存的修改") {
				t.Fatalf("取消 asks %q, want it to name %q", q, c.ask)
			}
			test.Tap(dialogButton(t, d, "取消"))
			if d.win.Canvas().Overlays().Top() != form || e.Text != typed {
				t.Fatalf("取消 of the question left the form (text %q)", e.Text)
			}
			test.Tap(findButton(form, leave))
			test.Tap(dialogButton(t, d, "不保存"))
			if d.win.Canvas().Overlays().Top() == form || d.form(c.kind) != nil {
				t.Fatal("不保存 left the form open")
			}
			if got := c.stored(t, d); got != before {
				t.Fatalf("不保存 stored %q (was %q)", got, before)
			}

			c.open(t, d)
			e = c.entry(t, d)
			if e.Text != before {
				t.Fatalf("opened again the form shows %q, want the stored %q", e.Text, before)
			}
			test.Type(e, add)
			typed = e.Text
			cw.pressClose(t)
			if q := dialogText(d); !strings.Contains(q, c.ask) || !strings.Contains(q, "有未保存的修改") {
				t.Fatalf("closing the window asks %q", q)
			}
			test.Tap(dialogButton(t, d, "保存"))
			if !cw.closed {
				t.Fatalf("保存 did not close the window: %q", dialogText(d))
			}
			if got := c.stored(t, d); got != typed {
				t.Fatalf("保存 stored %q, want %q", got, typed)
			}
		})
	}
}

// TestRestoreDraftOfIssue22DialogForms types into each form, saved and new, leaves the draft behind as a crash
// would, starts again and restores it: the dialog under it and the form are open again on the same record,
// with the typed text, marked unsaved.
func TestRestoreDraftOfIssue22DialogForms(t *testing.T) {
	draftDelay = time1h
	defer func() { draftDelay = draftDelayDefault }()
	db := testDB(t, true)
	ctx := t.Context()
	for _, c := range dialogForms(t, db) {
		for _, isNew := range []bool{false, true} {
			name := c.name
			if isNew {
				if c.openNw == nil {
					continue
				}
				name = "新增" + name
			}
			t.Run(name, func(t *testing.T) {
				d := testDesk(t, db)
				entry := c.entry
				if isNew {
					c.openNw(t, d)
					entry = c.newFld
				} else {
					c.open(t, d)
				}
				e := entry(t, d)
				typed := "断电前输入的内容"
				if c.typed != "" {
					typed = "17"
				}
				e.SetText(typed)
				s := d.form(c.kind)
				if s == nil {
					t.Fatalf("the form is not kept (no %s form)", c.kind)
				}
				key, label := s.key, s.draftLabel()
				if !c.byYear && (key == "new") != isNew {
					t.Fatalf("the draft's key is %q", key)
				}
				d.flushDrafts()
				d.drafts.stop()
				if ds := draftsOf(t, d); len(ds) != 1 || ds[0].Kind != c.kind {
					t.Fatalf("drafts %+v, want one of %s", ds, c.kind)
				}

				d2 := testDesk(t, db)
				d2.offerDrafts()
				var top fyne.CanvasObject
				waitFor(t, "the offer", func() bool {
					top = d2.win.Canvas().Overlays().Top()
					return top != nil && findButton(top, "恢复") != nil
				})
				if text := labelText(top); !strings.Contains(text, label+"（") {
					t.Fatalf("the offer says %q, want %q", text, label)
				}
				test.Tap(findButton(top, "恢复"))
				if got := entry(t, d2).Text; got != typed {
					t.Fatalf("the restored form shows %q", got)
				}
				s2 := d2.form(c.kind)
				if s2 == nil || s2.key != key || !s2.dirty() {
					t.Fatalf("the restored form is not marked unsaved on record %s", key)
				}
				if !isNew {
					planShot(t, d2, "restored-"+c.kind)
				}
				for _, dr := range draftsOf(t, d2) {
					if err := db.DeleteDraft(ctx, dr.Kind, dr.Key); err != nil {
						t.Fatal(err)
					}
				}
			})
		}
	}
}

// firstCheck is the first tick box in o.
func firstCheck(t *testing.T, o fyne.CanvasObject) *widget.Check {
	t.Helper()
	var found *widget.Check
	walk(o, func(x fyne.CanvasObject) {
		if c, ok := x.(*widget.Check); ok && found == nil {
			found = c
		}
	})
	if found == nil {
		t.Fatal("no tick box in the dialog")
	}
	return found
}

// TestAwardDecisionKeepsTicks ticks a candidate in the presidium's decision of the demo's 2024 (not decided
// yet): 取消 asks naming the year's decision, 不保存 records nothing; ticked again and left by a crash, the
// tick comes back at the next start, unsaved.
func TestAwardDecisionKeepsTicks(t *testing.T) {
	draftDelay = time1h
	defer func() { draftDelay = draftDelayDefault }()
	db := testDB(t, true)
	elected := func(d *desk) int {
		ns, err := d.db.AwardNominations(d.ctx, 2024)
		if err != nil {
			t.Fatal(err)
		}
		k := 0
		for _, n := range ns {
			if n.Elected {
				k++
			}
		}
		return k
	}
	d := testDesk(t, db)
	d.deputies.showAwardsDialog().decisionForm()
	form := topDialog(t, d)
	ch := firstCheck(t, form)
	if ch.Checked {
		t.Fatal("the demo's 2024 is decided already")
	}
	test.Tap(ch)
	test.Tap(findButton(form, "取消"))
	if q := dialogText(d); !strings.Contains(q, "2024年度评先评优的主席团决定有未保存的修改") {
		t.Fatalf("取消 asks %q", q)
	}
	test.Tap(dialogButton(t, d, "不保存"))
	if d.win.Canvas().Overlays().Top() == form || elected(d) != 0 {
		t.Fatalf("不保存: the form is open %v, %d elected", d.win.Canvas().Overlays().Top() == form, elected(d))
	}

	d.deputies.showAwardsDialog().decisionForm()
	test.Tap(firstCheck(t, topDialog(t, d)))
	d.flushDrafts()
	d.drafts.stop()
	d2 := testDesk(t, db)
	d2.offerDrafts()
	var top fyne.CanvasObject
	waitFor(t, "the offer", func() bool {
		top = d2.win.Canvas().Overlays().Top()
		return top != nil && findButton(top, "恢复") != nil
	})
	if text := labelText(top); !strings.Contains(text, "2024年度评先评优的主席团决定（") {
		t.Fatalf("the offer says %q", text)
	}
	test.Tap(findButton(top, "恢复"))
	if !firstCheck(t, topDialog(t, d2)).Checked {
		t.Fatal("the restored decision lost the tick")
	}
	if s := d2.form(formAwardDecision); s == nil || s.key != "2024" || !s.dirty() {
		t.Fatal("the restored decision is not marked unsaved")
	}
	planShot(t, d2, "restored-award.decision")
}

// TestAwardAnnouncementKeepsTypedDate types the day of the 人代会表彰 of the demo's 2024 (not announced yet):
// 取消 asks naming the year's announcement, 不保存 records nothing; typed again and left by a crash, the day
// comes back at the next start, unsaved.
func TestAwardAnnouncementKeepsTypedDate(t *testing.T) {
	draftDelay = time1h
	defer func() { draftDelay = draftDelayDefault }()
	db := testDB(t, true)
	d := testDesk(t, db)
	d.deputies.showAwardsDialog().announceForm()
	form := topDialog(t, d)
	date := wfField[*dateEntry](t, form, "表彰日期")
	if date.Text != "" {
		t.Fatalf("the demo's 2024 is announced already (%s)", date.Text)
	}
	test.Type(date, "2024-12-20")
	test.Tap(findButton(form, "取消"))
	if q := dialogText(d); !strings.Contains(q, "2024年度评先评优的人代会表彰有未保存的修改") {
		t.Fatalf("取消 asks %q", q)
	}
	test.Tap(dialogButton(t, d, "不保存"))
	if sel, err := d.db.AwardSelection(d.ctx, 2024); err != nil || sel.Announced() || d.win.Canvas().Overlays().Top() == form {
		t.Fatalf("不保存: announced %v (%v), form open %v", sel.Announced(), err, d.win.Canvas().Overlays().Top() == form)
	}

	d.deputies.showAwardsDialog().announceForm()
	test.Type(wfField[*dateEntry](t, topDialog(t, d), "表彰日期"), "2024-12-21")
	d.flushDrafts()
	d.drafts.stop()
	d2 := testDesk(t, db)
	d2.offerDrafts()
	var top fyne.CanvasObject
	waitFor(t, "the offer", func() bool {
		top = d2.win.Canvas().Overlays().Top()
		return top != nil && findButton(top, "恢复") != nil
	})
	if text := labelText(top); !strings.Contains(text, "2024年度评先评优的人代会表彰（") {
		t.Fatalf("the offer says %q", text)
	}
	test.Tap(findButton(top, "恢复"))
	if got := wfField[*dateEntry](t, topDialog(t, d2), "表彰日期").Text; got != "2024-12-21" {
		t.Fatalf("the restored announcement shows %q", got)
	}
	if s := d2.form(formAnnounce); s == nil || s.key != "2024" || !s.dirty() {
		t.Fatal("the restored announcement is not marked unsaved")
	}
}

// TestRestoringNominationAsksAboutTypedText: 恢复推荐 closes the nomination's form, so what was typed in it is
// asked about first; 保存 keeps it.
func TestRestoringNominationAsksAboutTypedText(t *testing.T) {
	draftDelay = time1h
	defer func() { draftDelay = draftDelayDefault }()
	d := testDesk(t, testDB(t, true))
	ns, err := d.db.AwardNominations(d.ctx, 2024)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(ns, func(n store.AwardNomination) bool { return n.Withdrawn })
	if i < 0 {
		t.Fatal("the demo has no withdrawn nomination in 2024")
	}
	n := ns[i]
	d.deputies.showAwardsDialog().nominationForm(n)
	form := topDialog(t, d)
	deeds := wfField[*textEntry](t, form, "主要事迹")
	typeInto(deeds)
	typed := deeds.Text
	test.Tap(findButton(form, "恢复推荐"))
	if q := dialogText(d); !strings.Contains(q, "有未保存的修改") {
		t.Fatalf("恢复推荐 does not ask: %q", q)
	}
	test.Tap(dialogButton(t, d, "保存"))
	got, err := d.db.AwardNomination(d.ctx, n.ID)
	if err != nil || got.Withdrawn || got.Deeds != typed || d.win.Canvas().Overlays().Top() == form {
		t.Fatalf("after 保存: withdrawn %v, 事迹 %q (%v)", got.Withdrawn, got.Deeds, err)
	}
}
