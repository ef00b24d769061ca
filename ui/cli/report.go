package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"rendadesk/export"
	"rendadesk/store"
)

// ReportFormats are the yearly outputs, in the order "all" writes them: the workbook, the PDF and the text.
var ReportFormats = []string{"xlsx", "pdf", "txt"}

// ReportFormatNames are the clerk's words for ReportFormats.
var ReportFormatNames = map[string]string{"xlsx": "Excel 工作簿", "pdf": "PDF 报表", "txt": "报告文字稿"}

// LoadReport gathers everything the yearly outputs print for the period from..to, as it stands on asOf:
// the one figures computation and the lists behind the tables (ledger, roster, stations, deputies' records,
// meetings). The UI's 报表 tab and `rendadesk export` both call it, so they print the same numbers.
func LoadReport(ctx context.Context, db *store.DB, from, to, asOf store.Date) (export.Report, error) {
	var rep export.Report
	st, err := db.Settings(ctx)
	if err != nil {
		return rep, err
	}
	fig, err := db.Figures(ctx, from, to, asOf)
	if err != nil {
		return rep, err
	}
	rep = export.Report{Settings: st, Figures: fig, Made: db.Now()}
	last := min(to, asOf)
	if rep.Ledger, _, err = db.Suggestions(ctx, store.SuggestionFilter{From: from, To: last, Sort: "number"}); err != nil {
		return rep, err
	}
	if rep.Deputies, _, err = db.Deputies(ctx, store.DeputyFilter{Status: store.DeputyActive}); err != nil {
		return rep, err
	}
	if rep.Stations, _, err = db.Stations(ctx, store.StationFilter{}); err != nil {
		return rep, err
	}
	if rep.Records, err = db.DeputyRecords(ctx, from.Year()); err != nil {
		return rep, err
	}
	meetings, _, err := db.Meetings(ctx, store.MeetingFilter{From: from, To: last, Sort: "date"})
	if err != nil {
		return rep, err
	}
	rep.Meetings = make([]export.ReportMeeting, 0, len(meetings))
	for _, m := range meetings {
		rm := export.ReportMeeting{Meeting: m}
		if m.Kind == store.MeetingCongress || m.Kind == store.MeetingPresidium {
			if rm.Detail, err = db.MeetingDetail(ctx, m.ID); err != nil {
				return rep, err
			}
			if rm.Quorum, err = db.Quorum(ctx, m.ID); err != nil {
				return rep, err
			}
		}
		rep.Meetings = append(rep.Meetings, rm)
	}
	return rep, nil
}

// ReportFileName is the file a format of the year's report is saved as:
// 「××镇人大主席团2024年度工作统计.xlsx」, 「…年度工作统计.pdf」, 「…年度工作报告文字稿.txt」.
func ReportFileName(st store.Settings, year int, format string) string {
	base := strings.TrimSuffix(export.WorkbookName(st, year), ".xlsx")
	switch format {
	case "pdf":
		return base + ".pdf"
	case "txt":
		return strings.TrimSuffix(base, "工作统计") + "工作报告文字稿.txt"
	}
	return base + ".xlsx"
}

// WriteReport writes the chosen formats of the report into dir and returns the paths written, in order.
// progress, when not nil, is called before each file with its index and the clerk's name of the format.
// A failure stops at that file; the files already written stay (each is complete: written aside and renamed).
func WriteReport(rep export.Report, dir string, formats []string, progress func(i int, name string)) ([]string, error) {
	var paths []string
	for i, fm := range formats {
		if progress != nil {
			progress(i, ReportFormatNames[fm])
		}
		path := filepath.Join(dir, ReportFileName(rep.Settings, rep.Year(), fm))
		var err error
		switch fm {
		case "xlsx":
			err = export.WorkbookYear(path, rep)
		case "pdf":
			err = export.ReportPDF(path, rep)
		case "txt":
			err = writeText(path, export.ReportText(rep.Settings, rep.Figures))
		default:
			err = fmt.Errorf("未知的格式 %q", fm)
		}
		if err != nil {
			return paths, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}

// reportToday is the day a report is made on: the database's clock unless the command line says otherwise.
func reportToday(db *store.DB, today store.Date) store.Date {
	if today != "" {
		return today
	}
	return store.DateOf(db.Now())
}
