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

// awardCount is the number of nominations of a year.
func awardCount(t *testing.T, d *desk, year int) int {
	t.Helper()
	ns, err := d.db.AwardNominations(d.ctx, year)
	if err != nil {
		t.Fatal(err)
	}
	return len(ns)
}

// listIn returns the first list inside o.
func listIn(t *testing.T, o fyne.CanvasObject) *widget.List {
	t.Helper()
	var l *widget.List
	walk(o, func(c fyne.CanvasObject) {
		if x, ok := c.(*widget.List); ok && l == nil {
			l = x
		}
	})
	if l == nil {
		t.Fatal("no list")
	}
	return l
}

// 评先评优 as the clerk meets it on the demo's 2024-11-30: the year's nominations with the 履职积分 ranking
// beside them — shown, nothing nominated by it until the clerk saves a form opened from a row; the presidium's
// decision refused while more are ticked than an award's 名额 (the message names the award), then recorded;
// the chosen deputy's 履职档案 says so.
func TestAwardsInTheWindow(t *testing.T) {
	d := testDesk(t, testDB(t, true))
	d.tabs.SelectIndex(1)
	test.Tap(findButton(d.deputies.content, "评先评优"))
	dlg := topDialog(t, d)
	if text := labelText(dlg); !strings.Contains(text, "优秀为民代表推荐") || !strings.Contains(text, "主席团尚未作出决定") {
		t.Fatalf("the dialog does not show the year's selection:\n%s", text)
	}
	before := awardCount(t, d, 2024)
	sel, err := d.db.AwardSelection(d.ctx, 2024)
	if err != nil {
		t.Fatal(err)
	}
	const award = "优秀为民代表"
	var cat store.AwardCategory
	for _, c := range sel.Categories {
		if c.Name == award {
			cat = c
		}
	}
	test.Tap(findButton(dlg, "关闭"))
	a := d.deputies.showAwardsDialog()
	a.sugCat.SetSelected(award)
	scores, _, err := d.db.DutyScores(d.ctx, 2024)
	if err != nil {
		t.Fatal(err)
	}
	first := fmt.Sprintf("第1名　%s　%d分", scores[0].Record.Deputy.Name, scores[0].Total)
	// The ranking is counted off the UI goroutine: wait for the last one asked before reading or tapping it.
	settled := func() { waitFor(t, "the ranking", func() bool { return a.shown.Load() == int64(a.gen) }) }
	settled()
	hint := labelText(a.hint)
	if !strings.Contains(hint, "仅供参考：不会自动推荐或当选") || !strings.Contains(hint, first) {
		t.Fatalf("the ranking is not shown (want 「%s」):\n%s", first, hint)
	}
	planShot(t, d, "awards")
	t.Run("RankingNominatesNothing", func(t *testing.T) {
		if n := awardCount(t, d, 2024); n != before {
			t.Fatalf("showing the ranking made %d nominations", n-before)
		}
		// A row not yet nominated opens the form with the candidate; cancelling leaves nothing.
		ns, _ := d.db.AwardNominations(d.ctx, 2024)
		pick := slices.IndexFunc(scores, func(s store.DutyScore) bool {
			return !slices.ContainsFunc(ns, func(n store.AwardNomination) bool {
				return n.CategoryID == cat.ID && n.CandidateID == s.Record.Deputy.ID
			})
		})
		settled()
		listIn(t, a.hint).Select(pick)
		form := topDialog(t, d)
		if got := wfField[*filterSelect](t, form, "推荐对象").Selected; !strings.HasPrefix(got, scores[pick].Record.Deputy.Name) {
			t.Fatalf("the form's candidate is %q, want %s", got, scores[pick].Record.Deputy.Name)
		}
		test.Tap(findButton(form, "取消"))
		if n := awardCount(t, d, 2024); n != before {
			t.Fatalf("a cancelled form nominated")
		}
		settled()
		listIn(t, a.hint).Select(pick)
		planShot(t, d, "awards-nomination-form")
		test.Tap(findButton(topDialog(t, d), "确定"))
		if n := awardCount(t, d, 2024); n != before+1 {
			t.Fatalf("saving the form made %d nominations, want 1: %q", n-before, dialogText(d))
		}
	})

	ns, _ := d.db.AwardNominations(d.ctx, 2024)
	var standing []store.AwardNomination
	for _, n := range ns {
		if n.CategoryID == cat.ID && !n.Withdrawn {
			standing = append(standing, n)
		}
	}
	if len(standing) <= cat.Quota {
		t.Fatalf("the demo has %d standing for %s (名额 %d): nothing to refuse", len(standing), award, cat.Quota)
	}
	test.Tap(findButton(topDialog(t, d), "主席团决定"))
	form := topDialog(t, d)
	meeting := wfField[*widget.Select](t, form, "决定会议")
	meeting.SetSelectedIndex(0) // the latest
	checks := map[string]*widget.Check{}
	walk(form, func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok {
			checks[c.Text] = c
		}
	})
	for _, n := range standing {
		checks[n.CandidateName+"("+n.Nominator+")"].SetChecked(true)
	}
	t.Run("ErrOverQuota", func(t *testing.T) {
		test.Tap(findButton(form, "确定"))
		want := fmt.Sprintf("奖项「%s」当选%d个，超过名额%d个", award, len(standing), cat.Quota)
		if !strings.Contains(labelText(form), want) {
			t.Fatalf("the form does not say 「%s」:\n%s", want, labelText(form))
		}
		planShot(t, d, "awards-over-quota")
		s, _ := d.db.AwardSelection(d.ctx, 2024)
		if s.Decided() {
			t.Fatal("a refused decision was recorded")
		}
	})
	for _, n := range standing[cat.Quota:] {
		checks[n.CandidateName+"("+n.Nominator+")"].SetChecked(false)
	}
	test.Tap(findButton(form, "确定"))
	if top := d.win.Canvas().Overlays().Top(); top == nil || !strings.Contains(labelText(top), "主席团决定：") {
		t.Fatalf("the decision is not shown: %q", dialogText(d))
	}
	chosen := standing[0]
	t.Run("InTheDutyRecord", func(t *testing.T) {
		test.Tap(findButton(topDialog(t, d), "关闭"))
		x, err := d.db.Deputy(d.ctx, chosen.CandidateID)
		if err != nil {
			t.Fatal(err)
		}
		d.deputies.show(x)
		d.deputies.sections.SelectIndex(3)
		text := labelText(d.deputies.sections.Items[3].Content)
		if !strings.Contains(text, "表彰：2024年度"+award) {
			t.Fatalf("the 履职档案 of %s lacks the award:\n%s", x.Name, text)
		}
		planShot(t, d, "awards-record")
	})
	t.Run("InTheReport", func(t *testing.T) {
		r := reportOpen(t, d)
		part := labelLines(r.awards.box)
		if !strings.Contains(part, fmt.Sprintf("名额%d", cat.Quota)) ||
			!strings.Contains(part, fmt.Sprintf("推荐%d个，当选%d个", len(standing), cat.Quota)) {
			t.Fatalf("评先评优 in 报表:\n%s", part)
		}
		if !strings.Contains(r.text.Text, fmt.Sprintf("%s等%d名人大代表为2024年度“%s”", chosen.CandidateName, cat.Quota, award)) {
			t.Fatalf("the report text does not name those chosen:\n%s", r.text.Text)
		}
		var link *widget.Hyperlink
		walk(r.awards.box, func(o fyne.CanvasObject) {
			if h, ok := o.(*widget.Hyperlink); ok && h.Text == award {
				link = h
			}
		})
		if link == nil {
			t.Fatalf("no %s in 评先评优", award)
		}
		link.OnTapped()
		text := dialogText(d)
		planShot(t, d, "report-awards")
		for _, want := range []string{"口径：2024年度评先评优", "当选数为主席团会议决定当选的对象", chosen.CandidateName + "　" + chosen.Nominator + "推荐　当选"} {
			if !strings.Contains(text, want) {
				t.Fatalf("the award's dialog lacks 「%s」:\n%s", want, text)
			}
		}
	})
	t.Run("SetUpAYear", func(t *testing.T) {
		a := d.deputies.showAwardsDialog()
		a.year.SetSelected("2025年度")
		test.Tap(findButton(topDialog(t, d), "建立2025年度评选"))
		form := topDialog(t, d)
		var quotas []*textEntry
		walk(form, func(o fyne.CanvasObject) {
			if e, ok := o.(*textEntry); ok && e.Text == "2" { // 先进代表小组's default 名额
				quotas = append(quotas, e)
			}
		})
		if len(quotas) != 1 {
			t.Fatalf("%d entries hold 2", len(quotas))
		}
		quotas[0].SetText("0")
		test.Tap(findButton(form, "确定"))
		if !strings.Contains(labelText(form), "奖项「先进代表小组」的名额应在1到999之间") {
			t.Fatalf("名额 0 is not refused by name:\n%s", labelText(form))
		}
		quotas[0].SetText("3")
		test.Tap(findButton(form, "确定"))
		sel, err := d.db.AwardSelection(d.ctx, 2025)
		if err != nil || len(sel.Categories) != 4 || sel.Categories[0].Quota != 3 || awardCount(t, d, 2025) != 0 {
			t.Fatalf("the 2025 selection %+v (%v), %d nominations", sel, err, awardCount(t, d, 2025))
		}
		// 新增推荐 without a candidate names the field.
		test.Tap(findButton(topDialog(t, d), "新增推荐"))
		form = topDialog(t, d)
		test.Tap(findButton(form, "确定"))
		if msg := formIn(t, form).message("推荐对象"); !strings.Contains(msg, "不能为空") || awardCount(t, d, 2025) != 0 {
			t.Fatalf("a nomination without a candidate: %q", msg)
		}
		test.Tap(findButton(form, "取消"))
	})
}

func init() {
	// The ranking is counted in place in the tests (see rankingOffUI).
	rankingOffUI = func(count func()) { count() }
}
