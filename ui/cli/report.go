package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"

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
//
// The lists are independent reads, so they are loaded side by side (SQLite in WAL mode serves several readers
// at once); each is a consistent snapshot of its own.
func LoadReport(ctx context.Context, db *store.DB, from, to, asOf store.Date) (export.Report, error) {
	var rep export.Report
	st, err := db.Settings(ctx)
	if err != nil {
		return rep, err
	}
	rep = export.Report{Settings: st, Made: db.Now()}
	last := min(to, asOf)
	var meetings []store.Meeting
	loads := []func() error{
		func() (err error) { rep.Figures, err = db.Figures(ctx, from, to, asOf); return err },
		func() (err error) {
			rep.Ledger, _, err = db.Suggestions(ctx, store.SuggestionFilter{From: from, To: last, Sort: "number"})
			return err
		},
		func() (err error) {
			rep.Deputies, _, err = db.Deputies(ctx, store.DeputyFilter{Status: store.DeputyActive})
			return err
		},
		func() (err error) {
			rep.Stations, _, err = db.Stations(ctx, store.StationFilter{CountedOn: asOf})
			return err
		},
		func() (err error) { rep.Records, err = db.DeputyRecordsIn(ctx, from, last); return err },
		func() (err error) {
			meetings, _, err = db.Meetings(ctx, store.MeetingFilter{From: from, To: last, Sort: "date"})
			return err
		},
	}
	if err := parallel(loads); err != nil {
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

// parallel runs fns at once and returns the first error (in the order of fns). A panic in one of them (a
// library's bug on odd data) becomes its error: a recover in the caller would not see another goroutine's
// panic, and the clerk's window must not close over a report.
func parallel(fns []func() error) error {
	errs := make([]error, len(fns))
	var wg sync.WaitGroup
	for i, fn := range fns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if p := recover(); p != nil {
					errs[i] = fmt.Errorf("生成报表时出错(%v)，请把此信息告诉维护人员", p)
				}
			}()
			errs[i] = fn()
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
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

// WriteReport writes the chosen formats of the report into dir and returns the paths written, in the order
// of formats. The files are made side by side (the workbook and the PDF are each about half the work);
// progress, when not nil, is called (from any goroutine) as each file is finished, with the number finished
// and the clerk's name of the format. A failure of one file leaves the others: each is complete, written
// aside and renamed into place.
func WriteReport(rep export.Report, dir string, formats []string, progress func(done int, name string)) ([]string, error) {
	paths := make([]string, len(formats))
	var mu sync.Mutex
	done := 0
	fns := make([]func() error, len(formats))
	for i, fm := range formats {
		path := filepath.Join(dir, ReportFileName(rep.Settings, rep.Year(), fm))
		fns[i] = func() error {
			var err error
			switch fm {
			case "xlsx":
				err = export.WorkbookYear(path, rep)
			case "pdf":
				err = export.ReportPDF(path, rep)
			case "txt":
				err = export.WriteText(path, export.ReportText(rep.Settings, rep.Figures))
			default:
				err = fmt.Errorf("未知的格式 %q", fm)
			}
			if err != nil {
				return err
			}
			paths[i] = path
			if progress != nil {
				mu.Lock()
				done++
				progress(done, ReportFormatNames[fm])
				mu.Unlock()
			}
			return nil
		}
	}
	err := parallel(fns)
	written := paths[:0]
	for _, p := range paths {
		if p != "" {
			written = append(written, p)
		}
	}
	return written, err
}

// reportToday is the day a report is made on: the database's clock unless the command line says otherwise.
func reportToday(db *store.DB, today store.Date) store.Date {
	if today != "" {
		return today
	}
	return store.DateOf(db.Now())
}
