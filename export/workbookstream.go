package export

import (
	"bytes"
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/xuri/excelize/v2"
)

// excelize's StreamWriter gathers a sheet's XML in a bytes.Buffer (its unexported rawData.buf, excelize
// v2.11.1 stream.go) grown by doubling as the rows go in: the stress year's ledger, ≈ 8 MB of XML, had its
// buffer allocated, cleared and copied at every size up to 16 MB, ≈ 18% of the workbook's CPU, and in a fresh
// process mostly page faults of memory touched for the first time. excelize has no option to size it, so
// streamBuffer reaches the field, checked by name and type, and the table grows it once to the size its rows
// will take (sheetXMLSize). A StreamWriter without that field (another excelize) is left to grow its own:
// the same workbook, only slower, and TestStreamBufferReached fails so that an upgrade is noticed.

// streamBuffer is sw's in-memory buffer, or nil when sw's excelize does not keep it as v2.11.1 does.
func streamBuffer(sw *excelize.StreamWriter) *bytes.Buffer {
	if sw == nil {
		return nil
	}
	raw := reflect.ValueOf(sw).Elem().FieldByName("rawData")
	if !raw.IsValid() || raw.Kind() != reflect.Struct || raw.Type().Name() != "bufferedWriter" {
		return nil
	}
	buf := raw.FieldByName("buf")
	if !buf.IsValid() || buf.Type() != reflect.TypeFor[bytes.Buffer]() {
		return nil
	}
	return (*bytes.Buffer)(unsafe.Pointer(buf.UnsafeAddr()))
}

// presizeStream makes room in sw's buffer for n more bytes at once, up to the size at which excelize moves
// the buffer to a temporary file (StreamChunkSize) and starts it again.
func presizeStream(sw *excelize.StreamWriter, n int) {
	if b := streamBuffer(sw); b != nil {
		b.Grow(min(n, excelize.StreamChunkSize+64<<10))
	}
}

// The bytes of a sheet's XML, as excelize v2.11.1 writes it, apart from the text and numbers themselves: enough
// that a sheet's buffer is grown once (sheetXMLSize), not so much that a sheet holds far more than it needs.
const (
	sheetXMLBase    = 8 << 10 // the elements before and after the rows: the columns, the page setup …
	streamRowXML    = 44      // <row r="" ht="32.5" customHeight="1"></row>, less the row's number
	streamCellXML   = 19      // <c r="" s="12"></c>, less the cell's name
	streamTextXML   = 30      // t="inlineStr"><is><t></t></is>
	streamNumberXML = 7       // <v></v>
	streamMergeXML  = 40      // <mergeCell ref="A12:J12"/>
)

// streamRows writes a table's data rows into a StreamWriter's buffer itself, the bytes its SetRow writes
// (excelize v2.11.1 stream.go SetRow, writeCell; cell.go trimCellValue): SetRow was half of the stress year's
// workbook — a cell name made and a cell struct filled per cell, and every text converted to bytes, escaped
// into a new string, searched with a regular expression (bstrMarshal) and copied. A row with a cell SetRow
// writes in a way of its own is left to SetRow (write reports false): text that keeps its edge spaces
// (xml:space), is cut to Excel's length, holds characters XML cannot, or 「_x」 (excelize's escapes); a number
// that is not a plain int or a short decimal. TestStreamRowsAsSetRow holds the two to the same bytes.
type streamRows struct {
	buf  *bytes.Buffer
	rows *int // the last row written, which SetRow checks the next one against
	cols []string
	line []byte
}

// newStreamRows is a writer of sw's rows for a table of the given number of columns, or nil when sw's excelize
// does not keep its buffer and its row count as v2.11.1 does, or has not started the sheet's rows yet.
func newStreamRows(sw *excelize.StreamWriter, cols int) *streamRows {
	buf := streamBuffer(sw)
	if buf == nil {
		return nil
	}
	v := reflect.ValueOf(sw).Elem()
	rows, started := v.FieldByName("rows"), v.FieldByName("sheetWritten")
	if !rows.IsValid() || rows.Type() != reflect.TypeFor[int]() || !started.IsValid() ||
		started.Type() != reflect.TypeFor[bool]() || !started.Bool() {
		return nil
	}
	s := &streamRows{buf: buf, rows: (*int)(unsafe.Pointer(rows.UnsafeAddr())), cols: make([]string, cols)}
	for i := range s.cols {
		s.cols[i], _ = excelize.ColumnNumberToName(i + 1)
	}
	return s
}

// write writes the cells from column A of row r, as SetRow(A<r>, cells as *Cell, opts) would, and reports
// whether it did; when not, nothing is written.
func (s *streamRows) write(r int, cells []excelize.Cell, opts excelize.RowOpts) bool {
	if s == nil || r <= *s.rows || len(cells) > len(s.cols) || s.buf.Len() >= excelize.StreamChunkSize ||
		opts.StyleID != 0 || opts.OutlineLevel != 0 || opts.Hidden || opts.Height < 0 || opts.Height > excelize.MaxRowHeight {
		return false
	}
	var num [24]byte
	row := strconv.AppendInt(num[:0], int64(r), 10)
	b := append(s.line[:0], `<row r="`...)
	b = append(b, row...)
	b = append(b, '"')
	if opts.Height > 0 {
		b = append(b, ` ht="`...)
		b = strconv.AppendFloat(b, opts.Height, 'f', -1, 64)
		b = append(b, `" customHeight="1"`...)
	}
	b = append(b, '>')
	for i := range cells {
		c := &cells[i]
		if c.StyleID <= 0 || c.Formula != "" {
			return false
		}
		b = append(b, `<c r="`...)
		b = append(b, s.cols[i]...)
		b = append(b, row...)
		b = append(b, `" s="`...)
		b = strconv.AppendInt(b, int64(c.StyleID), 10)
		b = append(b, '"')
		switch v := c.Value.(type) {
		case nil:
			b = append(b, '>')
		case string:
			if !plainText(v) {
				return false
			}
			b = append(b, ` t="inlineStr"><is><t>`...)
			b = appendXMLText(b, v)
			b = append(b, `</t></is>`...)
		case int:
			b = append(b, `><v>`...)
			b = strconv.AppendInt(b, int64(v), 10)
			b = append(b, `</v>`...)
		case float64:
			n := len(b)
			b = append(b, `><v>`...)
			b = strconv.AppendFloat(b, v, 'f', -1, 64)
			if digits(b[n+4:]) > 15 || math.IsInf(v, 0) || math.IsNaN(v) { // excelize rounds to 15 digits
				return false
			}
			b = append(b, `</v>`...)
		default:
			return false
		}
		b = append(b, `</c>`...)
	}
	b = append(b, `</row>`...)
	s.buf.Write(b)
	s.line = b
	*s.rows = r
	return true
}

// plainText reports whether excelize writes s as it is, but for XML's escapes: no edge space, nothing XML
// cannot hold, no 「_x」, not longer than a cell holds.
func plainText(s string) bool {
	if s == "" {
		return true
	}
	if len(s) > excelize.TotalCellChars || isEdgeSpace(s[0]) || isEdgeSpace(s[len(s)-1]) ||
		strings.Contains(s, "_x") || !utf8.ValidString(s) {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
			return false
		case c == 0xEF && i+2 < len(s) && s[i+1] == 0xBF && s[i+2] >= 0xBE: // U+FFFE, U+FFFF
			return false
		}
	}
	return true
}

// isEdgeSpace: the bytes that, first or last in a text, make excelize keep its spaces (xml:space).
func isEdgeSpace(c byte) bool { return c == '\t' || c == '\n' || c == '\r' || c == ' ' }

// appendXMLText appends s escaped as encoding/xml's EscapeText escapes it, with a line break left as it is (as
// excelize puts it back).
func appendXMLText(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\t':
			esc = "&#x9;"
		case '\r':
			esc = "&#xD;"
		default:
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, esc...)
		last = i + 1
	}
	return append(b, s[last:]...)
}

// digits counts the decimal digits in b.
func digits(b []byte) int {
	n := 0
	for _, c := range b {
		if c >= '0' && c <= '9' {
			n++
		}
	}
	return n
}
