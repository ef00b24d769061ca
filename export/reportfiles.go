package export

import (
	"fmt"
	"path/filepath"
	"sync"
)

// ReportFormats are the yearly outputs, in the order "all" writes them: the workbook, the PDF and the text.
var ReportFormats = []string{"xlsx", "pdf", "txt"}

// ReportFormatNames are the clerk's words for ReportFormats and for csv, the tables as CSV files (one a
// table, WriteCSV) for a county that collects them; "all" does not include csv.
var ReportFormatNames = map[string]string{"xlsx": "Excel 工作簿", "pdf": "PDF 报表", "txt": "报告文字稿", "csv": "CSV 表格"}

// ReportFileName is the file a format of the report is saved as, named by its period (ReportPeriodName):
// 「××镇人大主席团2024年度工作统计.xlsx」, 「…2024年度工作统计.pdf」, 「…2024年度工作报告文字稿.txt」 for a calendar
// year; 「…2026年1月1日至6月30日工作统计.xlsx」 for any other period, so that it never takes, or replaces, the
// year's file; 「…2026年度工作统计(截至11月30日).xlsx」 for a period not over on its report date. A long office
// name is shortened (FileName), the period and the extension kept. CSV files are named by table (CSVFileName).
func ReportFileName(r Report, format string) string {
	f := r.Figures
	switch format {
	case "pdf":
		return FileName(officeName(r.Settings), reportTitle(f), ".pdf")
	case "txt":
		return FileName(officeName(r.Settings), ReportPeriodName(f)+"工作报告文字稿"+reportCutOff(f), ".txt")
	}
	return FileName(officeName(r.Settings), reportTitle(f), ".xlsx")
}

// WriteReport writes the chosen formats of the report into dir and returns the paths written, in the order
// of formats (csv: one file a table, in the workbook's order). The files are made side by side (the workbook and the PDF are each about half the work);
// progress, when not nil, is called (from any goroutine, one call at a time) as each file is finished, with
// the number finished and the clerk's name of the format. A failure of one file leaves the others: each is
// complete, written aside and renamed into place.
func WriteReport(r Report, dir string, formats []string, progress func(done int, name string)) ([]string, error) {
	paths := make([][]string, len(formats))
	tabled := 0
	for _, fm := range formats {
		if fm != "txt" {
			tabled++
		}
	}
	if tabled > 1 {
		// The workbook, the PDF and the CSV files print the same tables: built once, read by each (none
		// changes them).
		built, err := r.buildTables()
		if err != nil {
			return nil, err
		}
		r.built = built
	}
	var mu sync.Mutex
	done := 0
	fns := make([]func() error, len(formats))
	for i, fm := range formats {
		path := filepath.Join(dir, ReportFileName(r, fm))
		fns[i] = func() error {
			var err error
			written := []string{path}
			switch fm {
			case "xlsx":
				err = WorkbookYear(path, r)
			case "pdf":
				err = ReportPDF(path, r)
			case "txt":
				err = WriteText(path, ReportText(r.Settings, r.Figures))
			case "csv":
				written, err = WriteCSV(dir, r)
			default:
				err = fmt.Errorf("未知的格式 %q", fm)
			}
			if err != nil {
				return err
			}
			paths[i] = written
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
	var written []string
	for _, p := range paths {
		written = append(written, p...)
	}
	return written, err
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
