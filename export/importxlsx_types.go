package export

import (
	"bytes"
	"encoding/xml"
	"path"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Which cells hold numbers, and in which style, read in one pass over the worksheet's XML. excelize answers
// the same per cell (GetCellType, GetCellStyle) only after unpacking the whole worksheet into memory: for a
// file of 50 000 rows that was most of an import's memory, though only the date and number columns ask.

// cellKey is a cell by its row (1-based, as in the sheet) and column (1-based).
type cellKey struct{ row, col int }

// numberCells returns the style of every cell of sheet that holds a number (type n, d or none), by cell;
// false when the worksheet's XML cannot be found in the file as read (excelize keeps a very large sheet in a
// temporary file instead), and then the caller asks excelize cell by cell.
func numberCells(f *excelize.File, sheet string) (map[cellKey]int, bool) {
	name, ok := sheetPart(f, sheet)
	if !ok {
		return nil, false
	}
	v, ok := f.Pkg.Load(name)
	if !ok {
		return nil, false
	}
	data, ok := v.([]byte)
	if !ok {
		return nil, false
	}
	out := map[cellKey]int{}
	d := xml.NewDecoder(bytes.NewReader(data))
	row, col := 0, 0
	for {
		tok, err := d.RawToken()
		if err != nil {
			break // io.EOF, or XML excelize would have refused already
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch el.Name.Local {
		case "row":
			row++
			col = 0
			if r, err := strconv.Atoi(attr(el, "r")); err == nil && r > 0 {
				row = r
			}
		case "c":
			col++
			if ref := attr(el, "r"); ref != "" {
				if c, r, err := excelize.CellNameToCoordinates(ref); err == nil {
					col, row = c, r
				}
			}
			switch attr(el, "t") {
			case "", "n", "d":
				s, _ := strconv.Atoi(attr(el, "s"))
				out[cellKey{row, col}] = s
			}
		}
	}
	return out, true
}

// attr is the value of the attribute local of el, or "".
func attr(el xml.StartElement, local string) string {
	for _, a := range el.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// sheetPart is the name of the part in the package that holds sheet: xl/workbook.xml names its relation,
// xl/_rels/workbook.xml.rels the part.
func sheetPart(f *excelize.File, sheet string) (string, bool) {
	load := func(name string) []byte {
		if v, ok := f.Pkg.Load(name); ok {
			if b, ok := v.([]byte); ok {
				return b
			}
		}
		return nil
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(load("xl/workbook.xml"), &wb); err != nil {
		return "", false
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(load("xl/_rels/workbook.xml.rels"), &rels); err != nil {
		return "", false
	}
	for _, s := range wb.Sheets {
		if s.Name != sheet {
			continue
		}
		for _, r := range rels.Rels {
			if r.ID == s.ID {
				if strings.HasPrefix(r.Target, "/") {
					return strings.TrimPrefix(r.Target, "/"), true
				}
				return path.Join("xl", r.Target), true
			}
		}
	}
	return "", false
}
