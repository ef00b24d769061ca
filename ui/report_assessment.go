package ui

import (
	"fmt"

	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rendadesk/export"
	"rendadesk/store"
)

// assessmentButton is 「考评材料…」 under the exports (issue 22): the selected year's evidence pack for the
// upper level's assessment as one PDF, counted as of the 数据截至 date, printed or saved like every document.
func (t *reportTab) assessmentButton() *widget.Button {
	return widget.NewButtonWithIcon("考评材料…", theme.DocumentPrintIcon(), func() {
		year := t.selectedYear()
		asOf := t.asOf.Typed()
		if y := store.YearPeriod(year); asOf == "" || asOf > y.To || asOf < y.From {
			asOf = min(y.To, t.today())
		}
		t.d.printTo(t.d.assessmentDoc(year, asOf))
	})
}

// assessmentDoc is the 考评材料 of a year as of asOf.
func (d *desk) assessmentDoc(year int, asOf store.Date) document {
	return document{fmt.Sprintf("%d年度工作考评材料", year), func(path string) error {
		y := store.YearPeriod(year)
		if asOf < y.From {
			return store.Errorf(store.EINVALID, "%d年还没有开始，没有可供考评的材料", year)
		}
		rep, err := d.db.LoadReport(d.ctx, y.From, y.To, asOf)
		if err != nil {
			return err
		}
		return export.AssessmentPack(path, export.Report{ReportData: rep}, d.today())
	}}
}
