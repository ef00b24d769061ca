package ui

import (
	"strings"
	"testing"
	"time"

	"rendadesk/store"
)

// An export keeps a version; 已报送版本 lists it, and after a change dated inside the period shows what it said
// and what today's count says, naming the item and the day.
func TestReportVersions(t *testing.T) {
	d := reportTestDesk(t, false)
	r := reportOpen(t, d)
	v := r.versions
	waitUpTo(t, reportLimit, "the versions", func() bool { return v.applied.Load() == v.gen.Load() && v.gen.Load() > 0 })
	if !strings.Contains(labelLines(v.content), "2024年还没有已报送的版本") {
		t.Fatalf("before any export: %q", labelLines(v.content))
	}
	r.exportTo(t.TempDir(), []string{"txt"})
	waitUpTo(t, time.Minute, "the export", func() bool { return r.exported.Load() == 1 })
	waitUpTo(t, reportLimit, "the versions", func() bool { return v.applied.Load() == v.gen.Load() && len(v.shown) == 1 })
	text := labelLines(v.content)
	for _, want := range []string{"第 1 号　2024年(截至2024年12月31日)", "2024-12-31 10:00 导出(报表)", "青山镇人大主席团2024年度工作报告文字稿.txt",
		"与今天的统计相同"} {
		if !strings.Contains(text, want) {
			t.Errorf("the list does not say %q:\n%s", want, text)
		}
	}
	if v.item.Text != "已报送版本(1)" {
		t.Errorf("tab %q", v.item.Text)
	}

	// The 14th item, answered 列入计划解决, was in fact solved on 20 December: recorded after the export.
	items, _, err := d.db.Suggestions(d.ctx, store.SuggestionFilter{Query: "会期建议14"})
	if err != nil || len(items) != 1 {
		t.Fatalf("item 14: %v %v", items, err)
	}
	if err := d.db.FollowUp(d.ctx, items[0].ID, store.FollowUpInput{Date: "2024-12-20", Note: "已完工", Outcome: store.OutcomeSolved}); err != nil {
		t.Fatal(err)
	}
	r.refresh()
	reportWait(t, r)
	waitUpTo(t, reportLimit, "the versions", func() bool { return v.applied.Load() == v.gen.Load() })
	text = labelLines(v.content)
	for _, want := range []string{"今天重新统计有", "第 1 号与今天的统计相比(都截至2024年12月31日)", "解决率(人代会期间)", "56.5%(13/23)", "60.9%(14/23)",
		"建议" + items[0].Number + "：2024-12-31录入跟踪办理 2024年12月20日：办理结果: 列入计划解决 → 已解决"} {
		if !strings.Contains(text, want) {
			t.Errorf("the changes do not say %q:\n%s", want, text)
		}
	}
	if v.item.Text != "已报送版本(1，有变化)" {
		t.Errorf("tab %q", v.item.Text)
	}
}
