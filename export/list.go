// Package export turns store values into files: .xlsx (excelize), .pdf (fpdf) and .txt. It takes plain
// values and never runs SQL.
package export

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unicode"

	"github.com/xuri/excelize/v2"
)

// SheetName makes s a valid Excel sheet name: at most 31 characters, none of : \ / ? * [ ].
func SheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]：`, r) {
			return '-'
		}
		return r
	}, s)
	if r := []rune(s); len(r) > 31 {
		s = string(r[:31])
	}
	if s == "" {
		s = "Sheet1"
	}
	return s
}

// displayWidth counts a CJK or full-width character as 2 columns, others as 1, as Excel sizes columns.
func displayWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		// The common cases first: nothing below U+2E80 is wide, all of U+4E00–U+9FFF is Han.
		if r < 0x2E80 {
			w++
		} else if (r >= 0x4E00 && r <= 0x9FFF) || unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) ||
			(r >= 0xFF00 && r <= 0xFFEF) {
			w += 2
		} else {
			w += 1
		}
	}
	return w
}

// ListXLSX writes one sheet: a merged title row, a bold bordered header, the rows as text in 宋体 with
// borders, the header frozen, columns wide enough for their Chinese text (capped), set up for A4 landscape
// printing with the header repeated. The file is written beside path and renamed into place, so a failure
// never leaves half a file.
func ListXLSX(path, title string, headers []string, rows [][]string) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := SheetName(title)
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	font := &excelize.Font{Family: "宋体", Size: 11}
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	titleStyle, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 16, Bold: true},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	headStyle, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 11, Bold: true}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Color: []string{"DDEBF7"}, Pattern: 1},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	cellStyle, _ := f.NewStyle(&excelize.Style{Font: font, Border: border,
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	last, _ := excelize.ColumnNumberToName(max(1, len(headers)))
	widths := make([]float64, len(headers))
	for i, h := range headers {
		widths[i] = displayWidth(h) + 2
	}
	for _, row := range rows {
		for i := range headers {
			if i < len(row) {
				widths[i] = max(widths[i], displayWidth(row[i])+2)
			}
		}
	}
	// Fitted to the page's width: a property the stream writes when it starts, so set before it.
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	// Right to left: excelize puts each column's width before those set already, and Excel wants them in order.
	for i := len(widths) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, min(widths[i], 60)); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	// The stream writer must write every row from the first, so the title and header go through it too.
	titleRow := make([]any, len(headers))
	titleRow[0] = excelize.Cell{StyleID: titleStyle, Value: title}
	for i := 1; i < len(titleRow); i++ {
		titleRow[i] = excelize.Cell{StyleID: titleStyle}
	}
	if err := sw.SetRow("A1", titleRow, excelize.RowOpts{Height: 30}); err != nil {
		return err
	}
	head := make([]any, len(headers))
	for i, h := range headers {
		head[i] = excelize.Cell{StyleID: headStyle, Value: h}
	}
	if err := sw.SetRow("A2", head, excelize.RowOpts{Height: 22}); err != nil {
		return err
	}
	for r, row := range rows {
		cells := make([]any, len(headers))
		for i := range headers {
			v := ""
			if i < len(row) {
				v = row[i]
			}
			// Values go in as strings, so text beginning with = + - @ stays text, never a formula.
			cells[i] = excelize.Cell{StyleID: cellStyle, Value: v}
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+3)
		if err := sw.SetRow(cell, cells); err != nil {
			return err
		}
	}
	if err := sw.MergeCell("A1", last+"1"); err != nil {
		return err
	}
	// Before Flush: after it excelize reads the streamed sheet back into a copy that is never saved, and the
	// list printed portrait at 100% (the stream writes the page setup at Flush).
	landscape := "landscape"
	a4 := 9
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: intPtr(1),
		FitToHeight: intPtr(0)}); err != nil {
		return err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$1:$2", sheet),
		Scope: sheet}); err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return saveAtomically(f, path)
}

func intPtr(n int) *int { return &n }

// saveAtomically writes the workbook beside path and renames it into place. The zip goes straight into the
// file, through a buffer of zipBufferSize: excelize's Write builds the whole file in a bytes.Buffer grown by
// doubling (WriteToBuffer) and then copies it out, 3.6 MB for the stress year's workbook; here its zip writer is
// handed our file instead of that buffer, which stays empty (checked: a workbook excelize wrote anywhere else
// would be incomplete, and is refused). Our workbooks are neither encrypted nor over 4 GB, the two cases in which
// excelize v2.11.1 rewrites its buffer after the zip is closed.
func saveAtomically(f *excelize.File, path string) error {
	return writeAtomically(path, func(file io.Writer) error {
		out := bufio.NewWriterSize(file, zipBufferSize)
		var zw *closeNotedZip
		f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
			zw = &closeNotedZip{ZipWriter: fastZip(out)}
			return zw
		})
		var rest countWriter
		if err := f.Write(&rest); err != nil {
			return err
		}
		if zw == nil || !zw.closed || rest.n != 0 {
			return errors.New("excelize 未按预期写出工作簿")
		}
		return out.Flush()
	})
}

// zipBufferSize is the buffer between the zip and the file: a write to the disk every 256 KB, not every 4 KB
// (archive/zip's own buffer, which takes ours in its place).
const zipBufferSize = 256 << 10

// closeNotedZip notes that excelize closed the zip (its central directory written).
type closeNotedZip struct {
	excelize.ZipWriter
	closed bool
}

func (z *closeNotedZip) Close() error {
	z.closed = true
	return z.ZipWriter.Close()
}

// countWriter counts what excelize copies out of its own buffer: nothing, when the zip went to the file.
type countWriter struct{ n int }

func (c *countWriter) Write(p []byte) (int, error) {
	c.n += len(p)
	return len(p), nil
}

// writeAtomically writes a file through write into a temporary file beside path (the same folder, so the
// rename cannot cross disks), then renames it into place: a failure never leaves half a file, and the
// messages name the folder or the file the clerk chose, never the temporary one.
func writeAtomically(path string, write func(io.Writer) error) error {
	dir, base := filepath.Dir(path), filepath.Base(path)
	tmp, err := os.CreateTemp(dir, ".rendadesk-*"+filepath.Ext(path))
	if err != nil {
		return fmt.Errorf("无法在文件夹 %s 中写入 %s(%v)，请换一个文件夹", dir, base, cause(err))
	}
	name := tmp.Name()
	if err := write(tmp); err != nil {
		tmp.Close()
		os.Remove(name)
		return fmt.Errorf("写入 %s 失败: %v", base, cause(err))
	}
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return fmt.Errorf("写入 %s 失败(磁盘已满?): %v", base, cause(err))
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return fmt.Errorf("保存 %s 失败: %v", base, cause(err))
	}
	return nil
}

// fastZip deflates the workbook's parts at flate.BestSpeed: for the yearly workbook of a 10 000-item year
// the default level took half of excelize's time (17% of the whole export), for a file about 15% smaller.
// The compressors are reused (as archive/zip does with its own): a flate.Writer is a ~1 MB allocation, cleared
// when made, and a workbook has dozens of parts — a tenth of a small office's export.
func fastZip(w io.Writer) excelize.ZipWriter {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		if fw, ok := zipFlaters.Get().(*flate.Writer); ok {
			fw.Reset(out)
			return pooledFlater{fw}, nil
		}
		fw, err := flate.NewWriter(out, flate.BestSpeed)
		if err != nil {
			return nil, err
		}
		return pooledFlater{fw}, nil
	})
	return zw
}

// zipFlaters holds the flate.Writers (flate.BestSpeed) of finished workbook parts.
var zipFlaters sync.Pool

// pooledFlater returns its writer to zipFlaters when the part is closed (archive/zip closes each once).
type pooledFlater struct{ *flate.Writer }

func (p pooledFlater) Close() error {
	err := p.Writer.Close()
	zipFlaters.Put(p.Writer)
	return err
}

// cause strips the path from an *os.PathError or *os.LinkError (the temporary file's) so the Chinese message
// does not repeat it.
func cause(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
