package export

import (
	"testing"

	"rendadesk/store"
)

// A 换届 year's text says how many of the new term's town deputies are 连任 and 新任; another year says nothing of it.
func TestReportTextTermChange(t *testing.T) {
	f := rtFigures()
	f.Deputies.ByLevel = []store.DeputyRow{{Level: store.LevelTown, Deputies: 47, New: 29, Returning: 18}, {Level: store.LevelCounty, Deputies: 9}}
	without := ReportText(rtSettings(), f)
	wantNotIn(t, without, "开始履职", "连任")
	f.NewTerm = &store.Term{Level: store.LevelTown, Number: 19, Start: "2024-12-01"}
	text := ReportText(rtSettings(), f)
	wantIn(t, text, "2024年12月1日，镇第十九届人民代表大会开始履职，新一届镇人大代表47名，其中连任18名、新任29名。")
}
