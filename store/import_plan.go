package store

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// This file resolves an import sheet into a plan (PlanImport): the names in the file against the database,
// the dictionaries with the shorthand clerks write, likely duplicates in the file and in the database, the
// fields an update changes, and the defaults a new record needs. Here is the planner and what every kind
// shares; each kind's rows are planned in import_deputies.go, import_stations.go and import_suggestions.go,
// the names they refer to are found by import_refs.go in what import_index.go reads.

// planner plans the rows of one sheet.
type planner struct {
	tx       *Tx
	idx      *importIndex
	sheet    *ImportSheet
	plan     *ImportPlan
	seen     map[string]int          // within-file keys (station names, numbers …) → the line that had them first
	deputies map[string][]seenDeputy // within-file deputies by name
	claimed  map[int64]int           // existing record id → the line that matched it first
	named    map[string]bool         // the sheet's columns, by label
	targets  *targetIndex            // an ImportEvalTargets sheet's campaign and its targets (import_targets.go)
}

// notes adds to the plan what applies to every row: defaults for columns the file does not have.
func (pl *planner) notes() {
	pl.named = map[string]bool{}
	for _, c := range pl.sheet.Columns {
		pl.named[c] = true
	}
	note := func(label, what string) {
		if !pl.named[label] {
			pl.plan.Notes = append(pl.plan.Notes, fmt.Sprintf("文件中没有「%s」栏：新增的%s%s", label, pl.sheet.Kind.Label(), what))
		}
	}
	switch pl.sheet.Kind {
	case ImportDeputies:
		note("代表层级", "都按镇级代表导入")
		note("当选日期", "从所在届次的开始日期起计入在任代表；补选的代表请加上这一栏，填写补选日期")
		if t, ok := pl.currentTerm(); ok {
			note("届次", "都按本届("+t.Name()+")导入")
		}
	case ImportSuggestions:
		note("类型", "按有无领衔代表定为「建议、批评和意见」或「选民意见建议」")
		note("提出时段", "按有无人代会定为「人代会期间」或「闭会期间」")
		note("来源", "按类型定为「代表提出」或「家站点(选民)」")
	}
}

func (pl *planner) currentTerm() (Term, bool) {
	for _, t := range pl.idx.terms {
		if t.Current {
			return t, true
		}
	}
	return Term{}, false
}

// rowPlan collects the problems of one row.
type rowPlan struct {
	PlanRow
	given   map[string]bool
	flagged map[string]bool // fields that already have an error: Validate's word on them is not repeated
}

func (r *rowPlan) fail(field, format string, args ...any) {
	r.Errors = append(r.Errors, RowProblem(r.Line, field, fmt.Sprintf(format, args...), false))
	r.flagged[field] = true
}

// failRef records an error about another row of the file, ref (a duplicate): see ImportProblem.Ref.
func (r *rowPlan) failRef(field string, ref int, format string, args ...any) {
	r.fail(field, format, args...)
	r.Errors[len(r.Errors)-1].Ref = ref
}

func (r *rowPlan) warn(field, format string, args ...any) {
	r.Warnings = append(r.Warnings, RowProblem(r.Line, field, fmt.Sprintf(format, args...), true))
}

// failErr records a store error (from Validate or a lookup) unless its field has an error already.
func (r *rowPlan) failErr(err error) {
	var e *Error
	if errors.As(err, &e) && e.Field != "" && r.flagged[e.Field] {
		return
	}
	p := rowProblem(r.Line, err)
	r.Errors = append(r.Errors, p)
	r.flagged[p.Field] = true
}

func (pl *planner) row(in *ImportRow) (PlanRow, error) {
	r := &rowPlan{PlanRow: PlanRow{Line: in.Line}, given: map[string]bool{}, flagged: map[string]bool{}}
	for k, v := range in.Given {
		r.given[k] = v
	}
	for _, p := range in.Problems {
		if p.Warning {
			r.Warnings = append(r.Warnings, p)
		} else {
			r.Errors = append(r.Errors, p)
			r.flagged[p.Field] = true
		}
	}
	var err error
	switch pl.sheet.Kind {
	case ImportDeputies:
		err = pl.deputy(r, in)
	case ImportStations:
		err = pl.station(r, in)
	case ImportSuggestions:
		err = pl.suggestion(r, in)
	case ImportRectifications:
		err = pl.rectification(r, in)
	case ImportEvalTargets:
		err = pl.evalTarget(r, in)
	case ImportPetitions:
		err = pl.petition(r, in)
	case ImportDistricts:
		err = pl.district(r, in)
	case ImportArticles: // issue 22 part 6
		err = pl.article(r, in)
	}
	return r.PlanRow, err
}

// changes describes what an update changes, as the history will: one line a field, 字段: 旧 → 新, with
// the records referred to by name rather than by number. Lists are compared in the order Validate keeps them.
func (pl *planner) changes(old, new any) string {
	o, n := reflect.ValueOf(old).Elem(), reflect.ValueOf(new).Elem()
	var lines []string
	for i := 0; i < n.NumField(); i++ {
		label := n.Type().Field(i).Tag.Get("label")
		if label == "" {
			continue
		}
		a, b := pl.fieldNames(label, o.Field(i)), pl.fieldNames(label, n.Field(i))
		if a != b {
			lines = append(lines, fmt.Sprintf("%s: %s → %s", label, orDash(a), orDash(b)))
		}
	}
	return strings.Join(lines, "\n")
}

// fieldNames renders a field for changes as the history does, but ids as the names of what they refer to.
func (pl *planner) fieldNames(label string, v reflect.Value) string {
	var ids []int64
	switch x := v.Interface().(type) {
	case int64:
		if x != 0 {
			ids = []int64{x}
		}
	case []int64:
		ids = x
	default:
		return fieldText(v)
	}
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = pl.nameOf(label, id)
	}
	return strings.Join(names, "、")
}

// nameOf names the record an id field refers to.
func (pl *planner) nameOf(label string, id int64) string {
	switch label {
	case "届次":
		for _, t := range pl.idx.terms {
			if t.ID == id {
				return t.Name()
			}
		}
	case "代表小组":
		for _, g := range pl.idx.groups {
			if g.ID == id {
				return g.Name
			}
		}
	case "进站", "来源联络站":
		for name, sid := range pl.idx.stations {
			if sid == id {
				return name
			}
		}
	case "进站代表", "领衔代表", "联名代表":
		for _, d := range pl.idx.deputies {
			if d.id == id {
				return d.name
			}
		}
	case "人代会", "来源活动":
		for title, ids := range pl.idx.meetings {
			if slices.Contains(ids, id) {
				return title
			}
		}
	}
	return fmt.Sprint(id)
}

// dictValue checks a single dictionary value, replacing a clerk's shorthand (汉 → 汉族, 本科 → 大学本科) and
// naming the row and field when the value is not in the dictionary.
func (pl *planner) dictValue(r *rowPlan, kind, field string, v *string) {
	*v = strings.TrimSpace(*v)
	if *v == "" || r.flagged[field] {
		return
	}
	if nv, guessed, ok := matchDict(kind, *v, pl.idx.dicts[kind]); ok {
		if guessed {
			r.warn(field, "「%s」按「%s」导入", *v, nv)
		}
		*v = nv
		return
	}
	r.fail(field, "「%s」不在%s字典中，请先在设置中添加", *v, DictKinds[kind])
}

// dictList checks every value of a multi-value field.
func (pl *planner) dictList(r *rowPlan, kind, field string, vs []string) {
	for i, v := range vs {
		if nv, _, ok := matchDict(kind, strings.TrimSpace(v), pl.idx.dicts[kind]); ok {
			vs[i] = nv
		} else if !r.flagged[field] {
			r.fail(field, "「%s」不在%s字典中，请先在设置中添加", v, DictKinds[kind])
		}
	}
}

// mergeGiven copies into dst the labelled fields of src that given names; a station's checklist can also be
// given item by item (「六个有·固定场所」).
func mergeGiven(dst, src any, given map[string]bool) {
	dv, sv := reflect.ValueOf(dst).Elem(), reflect.ValueOf(src).Elem()
	for i := 0; i < dv.NumField(); i++ {
		label := dv.Type().Field(i).Tag.Get("label")
		if label != "" && given[label] {
			dv.Field(i).Set(sv.Field(i))
		}
	}
	if ds, ok := dst.(*Station); ok {
		ss := src.(*Station)
		for i, item := range SixHaves {
			if given["六个有·"+item] && !given["六个有"] {
				ds.Haves[i] = ss.Haves[i]
			}
		}
	}
}
