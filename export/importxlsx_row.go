package export

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"rendadesk/store"
)

// Reading one data row into a store record: each cell into the field its column names, and what is wrong with
// a cell into the row's problems.

// rowReader reads one row into a record.
type rowReader struct {
	row  store.ImportRow
	rec  reflect.Value // the record, addressable
	line int
}

func (r *rowReader) problem(field, detail string, warning bool) {
	r.row.Problems = append(r.row.Problems, store.RowProblem(r.line, field, detail, warning))
}

// field returns the record's field with the given label tag.
func (r *rowReader) field(label string) (reflect.Value, bool) {
	t := r.rec.Type()
	for i := 0; i < t.NumField(); i++ {
		if t.Field(i).Tag.Get("label") == label {
			return r.rec.Field(i), true
		}
	}
	return reflect.Value{}, false
}

func parseRow(kind store.ImportKind, cols []importColumn, idx map[string][]int, cells []string, line int, x *xlsxImport) store.ImportRow {
	r := &rowReader{line: line, row: store.ImportRow{Line: line, Given: map[string]bool{}, Names: map[string][]string{},
		Cells: slices.Clone(cells)}}
	switch kind {
	case store.ImportDeputies:
		r.row.Deputy = &store.Deputy{}
		r.rec = reflect.ValueOf(r.row.Deputy).Elem()
	case store.ImportStations:
		r.row.Station = &store.Station{}
		r.rec = reflect.ValueOf(r.row.Station).Elem()
	case store.ImportSuggestions:
		r.row.Suggestion = &store.Suggestion{}
		r.rec = reflect.ValueOf(r.row.Suggestion).Elem()
	case store.ImportRectifications:
		r.row.Rectification = &store.Rectification{}
		r.rec = reflect.ValueOf(r.row.Rectification).Elem()
	case store.ImportEvalTargets:
		r.row.EvalTarget = &store.EvalTarget{}
		r.rec = reflect.ValueOf(r.row.EvalTarget).Elem()
	case store.ImportPetitions:
		r.row.Petition = &store.Petition{}
		r.rec = reflect.ValueOf(r.row.Petition).Elem()
	case store.ImportDistricts:
		r.row.District = &store.District{}
		r.rec = reflect.ValueOf(r.row.District).Elem()
	case store.ImportArticles: // issue 22 part 6
		r.row.Article = &store.Article{}
		r.rec = reflect.ValueOf(r.row.Article).Elem()
	}
	for _, c := range cols {
		at := idx[c.label]
		if at == nil {
			continue
		}
		var cell importCell
		for _, i := range at {
			if i < len(cells) && trimCell(cells[i]) != "" {
				cell = importCell{text: cells[i]}
				if c.kind == cDate || c.kind == cYearMonth || c.kind == cPhone || c.kind == cSeats {
					cell = x.cellAt(cells[i], i, line) // only these care whether a cell is a number or a date
					r.row.Cells[i] = shownText(c, cell)
				}
				cell.text = trimCell(cell.text)
				break
			}
		}
		if cell.text == "" {
			continue
		}
		r.read(c, cell)
	}
	return r.row
}

// shownText is a cell as Excel shows it, for the rows an import leaves out: a date cell as 2024-03-05 (1968.05
// for a birth month) rather than the serial number Excel keeps, a long number as its digits.
func shownText(c importColumn, cell importCell) string {
	if cell.isNum && cell.dateFmt {
		if t, ok := excelSerialDate(cell.num, cell.date1904); ok {
			if c.kind == cYearMonth {
				return t.Format("2006.01")
			}
			return t.Format("2006-01-02")
		}
	}
	if c.kind == cPhone {
		return phoneText(cell)
	}
	return cell.text
}

// read puts one cell into the record, or notes what is wrong with it.
func (r *rowReader) read(c importColumn, cell importCell) {
	v := cell.text
	given := func(label string) { r.row.Given[label] = true }
	switch c.kind {
	case cRef:
		r.row.Names[c.label] = []string{strings.Join(strings.Fields(v), " ")}
		return
	case cRefs:
		r.row.Names[c.label] = splitValues(v)
		return
	case cWorkPost:
		unit, post := v, ""
		if i := strings.LastIndexFunc(v, unicode.IsSpace); i > 0 {
			unit, post = trimCell(v[:i]), trimCell(v[i:])
		}
		for _, p := range []struct{ label, v string }{{"工作单位", unit}, {"职务", post}} {
			if f, ok := r.field(p.label); ok && p.v != "" && !r.row.Given[p.label] {
				f.SetString(p.v)
				given(p.label)
			}
		}
		return
	case cHave, cHaves:
		r.readHaves(c, v)
		return
	case cSeats:
		r.readSeats(c, cell)
		return
	}
	f, ok := r.field(c.label)
	if !ok && r.row.Petition != nil {
		f, ok = petitionField(r.rec, c.label)
	}
	if !ok {
		// 交办日期 and 办理时限 fill the suggestion's handling fields, which carry no label.
		if c.kind == cDate && r.row.Suggestion != nil {
			d, ok := r.date(c.label, cell)
			if !ok {
				return
			}
			if c.label == "交办日期" {
				r.row.Suggestion.Assigned = d
			} else {
				r.row.Suggestion.Deadline = d
			}
			given(c.label)
		}
		return
	}
	switch c.kind {
	case cDate:
		d, ok := r.date(c.label, cell)
		if !ok {
			return
		}
		f.SetString(string(d))
	case cYearMonth:
		ym, ok := r.yearMonth(c.label, cell)
		if !ok {
			return
		}
		f.SetString(ym)
	case cBool:
		b, ok := parseYesNo(v, c.trueWord, c.falseWrd)
		if !ok {
			words := "是或否"
			if c.trueWord != "" {
				words = c.trueWord + "或" + c.falseWrd
			}
			r.problem(c.label, fmt.Sprintf("「%s」应填写%s", v, words), false)
			return
		}
		f.SetBool(b)
	case cStars:
		n, ok := parseStars(v)
		if !ok {
			r.problem(c.label, fmt.Sprintf("「%s」应是0到5的数字", clipImport(v, 20)), false)
			return
		}
		f.SetInt(int64(n))
	case cList:
		vals := splitValues(v)
		if c.norm != nil {
			for i := range vals {
				vals[i] = c.norm(vals[i])
			}
		}
		f.Set(reflect.ValueOf(vals))
	case cInt:
		n, err := strconv.Atoi(strings.TrimRight(foldFullWidth(v), "人次件起 "))
		if err != nil || n < 0 {
			r.problem(c.label, fmt.Sprintf("「%s」应是整数", clipImport(v, 20)), false)
			return
		}
		f.SetInt(int64(n))
	case cWhole:
		n, ok := parseCount(v)
		if !ok {
			r.problem(c.label, fmt.Sprintf("「%s」应是数字", clipImport(v, 20)), false)
			return
		}
		f.SetInt(int64(n))
	case cPhone:
		f.SetString(phoneText(cell))
	case cName:
		f.SetString(nameText(v))
	case cCount:
		if !r.readCount(c, f, v) {
			return
		}
	default:
		if c.norm != nil {
			v = c.norm(v)
		}
		f.SetString(v)
	}
	given(c.label)
}

// readSeats reads the 当选日期 of a deputy's levels: one day for every level the deputy holds (a seat without a
// level, which store dates each level with), or 「镇级2021-12-01、县级2022-03-05」 for levels begun on
// different days.
func (r *rowReader) readSeats(c importColumn, cell importCell) {
	d := r.row.Deputy
	if d == nil {
		return
	}
	if day, err := store.ParseDate(foldFullWidth(cell.text)); err == nil || cell.isNum {
		if err != nil { // an Excel date, or a number that is none
			var ok bool
			if day, ok = r.date(c.label, cell); !ok {
				return
			}
		}
		d.Seats = []store.Seat{{Start: day}}
		r.row.Given[c.label] = true
		return
	}
	var seats []store.Seat
	for _, part := range strings.FieldsFunc(foldSeparators(cell.text), func(r rune) bool { return strings.ContainsRune("、,;\n", r) }) {
		part = trimCell(part)
		i := strings.IndexFunc(part, unicode.IsDigit)
		level := store.NormLevel(trimCell(part[:max(i, 0)]))
		if i <= 0 || !slices.Contains(store.DeputyLevels, level) {
			r.problem(c.label, fmt.Sprintf("「%s」看不出是哪一级的日期；写成 2021-12-01，或 镇级2021-12-01、县级2022-03-05", clipImport(part, 20)), false)
			return
		}
		day, ok := r.date(c.label, importCell{text: part[i:]})
		if !ok {
			return
		}
		seats = append(seats, store.Seat{Level: level, Start: day})
	}
	d.Seats = seats
	r.row.Given[c.label] = true
}

// readHaves reads the 「六个有」: a column per item (有/无), or one column listing the items met.
func (r *rowReader) readHaves(c importColumn, v string) {
	st := r.row.Station
	if st == nil {
		return
	}
	if c.kind == cHave {
		b, ok := parseYesNo(v, "", "")
		if !ok {
			r.problem(c.label, fmt.Sprintf("「%s」应填写有或无", clipImport(v, 20)), false)
			return
		}
		st.Haves[slices.Index(store.SixHaves, c.label)] = b
		r.row.Given["六个有·"+c.label] = true
		return
	}
	switch all := strings.ReplaceAll(v, " ", ""); {
	case slices.Contains([]string{"全部", "齐全", "是", "有", "√", "6/6", "6", "六个有"}, all):
		st.Haves = [6]bool{true, true, true, true, true, true}
	case slices.Contains([]string{"无", "否", "没有", "0/6", "0", "×"}, all):
		st.Haves = [6]bool{}
	default:
		var unknown []string
		st.Haves = [6]bool{}
		for _, item := range splitValues(v) {
			if i := slices.Index(store.SixHaves, item); i >= 0 {
				st.Haves[i] = true
			} else {
				unknown = append(unknown, item)
			}
		}
		if len(unknown) > 0 {
			r.problem("六个有", fmt.Sprintf("「%s」看不出具备哪几项，未导入；请分别填写%s各栏(有/无)，或列出具备的项目", clipImport(v, 20), strings.Join(store.SixHaves, "、")), true)
			return
		}
	}
	r.row.Given["六个有"] = true
}
