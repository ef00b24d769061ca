package export

import (
	"bytes"
	"reflect"
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
