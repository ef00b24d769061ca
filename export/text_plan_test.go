package export

import (
	"context"
	"testing"

	"rendadesk/store"
)

// The report text's sentences of the work rules, the plan and the 履职积分, on the office of workPlanData: one
// 主席团会议 held of four, the session held, the plan's 38 items, and the one deputy's 120 points; and, on
// 30 June, 「已」 instead of 「实际」 and no quarter after the second named short.
func TestReportTextWorkRules(t *testing.T) {
	db, st, _ := workPlanData(t)
	ctx := context.Background()
	t.Run("YearEnd", func(t *testing.T) {
		f, err := db.YearFigures(ctx, 2024, "2024-12-31")
		if err != nil {
			t.Fatal(err)
		}
		text := ReportText(st, f)
		wantIn(t, text, "按照工作规则，2024年全年应召开人民代表大会会议1次，实际召开1次；",
			"全年应召开主席团会议4次，实际召开1次（第二季度、第三季度、第四季度未召开）；",
			"全年应开展代表培训学习1次，实际开展0次，未达到要求；",
			"家站点全年应按月公示12次，实际公示0次（1月、2月、3月等12个时段未公示）；",
			"全年应下发政情通报12次，实际下发0次（1月、2月、3月等12个时段未下发）。",
			"2024年度工作计划共安排工作38项，已完成2项，未完成35项，取消1项，完成率5.4%。",
			"按履职积分排名，依次为李堃(120分)。")
		wantNotIn(t, text, "各代表小组") // no group, no sentence of 0 activities
	})
	t.Run("MidYear", func(t *testing.T) {
		f, err := db.YearFigures(ctx, 2024, "2024-06-30")
		if err != nil {
			t.Fatal(err)
		}
		text := ReportText(st, f)
		wantIn(t, text, "全年应召开主席团会议4次，已召开1次（第二季度未召开）；", "全年应开展代表视察1次，已开展0次；",
			"另有", "项尚未到期")
	})
	t.Run("TopThreeOfMany", func(t *testing.T) {
		f := store.Figures{From: "2024-01-01", To: "2024-12-31", AsOf: "2024-12-31"}
		for _, s := range []struct {
			name        string
			total, rank int
		}{{"王建国", 48, 1}, {"李堃", 40, 2}, {"赵喆", 40, 2}} {
			f.Duty.Top = append(f.Duty.Top, store.DutyScore{Record: store.DeputyRecord{Deputy: store.Deputy{Name: s.name}}, Total: s.total, Rank: s.rank})
		}
		f.Duty.Scored = 73
		wantIn(t, ReportText(st, f), "按履职积分排名，73名代表中排在前三名的是王建国(48分)、李堃(40分)、赵喆(40分)。")
	})
}
