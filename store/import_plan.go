package store

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file resolves an import sheet into a plan (PlanImport): the names in the file against the database,
// the dictionaries with the shorthand clerks write, likely duplicates in the file and in the database, the
// fields an update changes, and the defaults a new record needs.

// deputyRef is a deputy as the importer matches them.
type deputyRef struct {
	id                                int64
	name, group, status, birth, phone string
}

// suggestionRef is a suggestion as the importer matches them.
type suggestionRef struct {
	id                   int64
	number, title, voter string
	lead                 int64
	received             Date
	state                string
}

// sessionRef is a 人民代表大会会议 with the numbers of its term and session.
type sessionRef struct {
	id            int64
	title         string
	term, session int
}

// importIndex holds what resolving a file's names needs, read once: a few hundred rows for a township, some
// megabytes for the stress data set.
type importIndex struct {
	deputies []deputyRef
	byName   map[string][]int // deputy name → indexes into deputies
	groups   []Group
	terms    []Term
	stations map[string]int64 // station name → id
	units    map[string]int64 // unit name → id
	sessions []sessionRef
	meetings map[string][]int64 // meeting title → ids
	dicts    map[string][]string
	numbers  map[string]suggestionRef // suggestion number → item
	items    map[string][]suggestionRef
}

func loadImportIndex(tx *Tx, kind ImportKind) (*importIndex, error) {
	idx := &importIndex{byName: map[string][]int{}, stations: map[string]int64{}, units: map[string]int64{},
		meetings: map[string][]int64{}, dicts: map[string][]string{}, numbers: map[string]suggestionRef{}, items: map[string][]suggestionRef{}}
	for k := range DictKinds {
		vs, err := tx.dict(k)
		if err != nil {
			return nil, err
		}
		idx.dicts[k] = vs
	}
	err := collect(tx, `SELECT d.id, d.name, coalesce(g.name, ''), d.status, d.birth, d.phone FROM deputies d
		LEFT JOIN deputy_groups g ON g.id = d.group_id ORDER BY d.id`, nil, func(s scanner) error {
		var d deputyRef
		if err := s.Scan(&d.id, &d.name, &d.group, &d.status, &d.birth, &d.phone); err != nil {
			return err
		}
		idx.byName[d.name] = append(idx.byName[d.name], len(idx.deputies))
		idx.deputies = append(idx.deputies, d)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := collect(tx, `SELECT id, name FROM deputy_groups ORDER BY id`, nil, func(s scanner) error {
		var g Group
		err := s.Scan(&g.ID, &g.Name)
		idx.groups = append(idx.groups, g)
		return err
	}); err != nil {
		return nil, err
	}
	if err := collect(tx, `SELECT id, number, is_current FROM terms ORDER BY number DESC`, nil, func(s scanner) error {
		var t Term
		err := s.Scan(&t.ID, &t.Number, &t.Current)
		idx.terms = append(idx.terms, t)
		return err
	}); err != nil {
		return nil, err
	}
	if err := collect(tx, `SELECT id, name FROM stations`, nil, func(s scanner) error {
		var id int64
		var name string
		err := s.Scan(&id, &name)
		idx.stations[name] = id
		return err
	}); err != nil {
		return nil, err
	}
	if kind != ImportSuggestions {
		return idx, nil
	}
	if err := collect(tx, `SELECT id, name FROM units`, nil, func(s scanner) error {
		var id int64
		var name string
		err := s.Scan(&id, &name)
		idx.units[name] = id
		return err
	}); err != nil {
		return nil, err
	}
	if err := collect(tx, `SELECT m.id, m.kind, m.title, coalesce(t.number, 0), coalesce(m.session_no, 0)
		FROM meetings m LEFT JOIN terms t ON t.id = m.term_id ORDER BY m.start_date, m.id`, nil, func(s scanner) error {
		var m sessionRef
		var kind string
		if err := s.Scan(&m.id, &kind, &m.title, &m.term, &m.session); err != nil {
			return err
		}
		idx.meetings[m.title] = append(idx.meetings[m.title], m.id)
		if kind == MeetingCongress {
			idx.sessions = append(idx.sessions, m)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	return idx, collect(tx, `SELECT id, number, title, voter_name, coalesce(lead_deputy_id, 0), received, state FROM suggestions`, nil,
		func(s scanner) error {
			var r suggestionRef
			if err := s.Scan(&r.id, &r.number, &r.title, &r.voter, &r.lead, &r.received, &r.state); err != nil {
				return err
			}
			idx.numbers[r.number] = r
			k := itemKey(r.title, r.lead, r.voter, r.received)
			idx.items[k] = append(idx.items[k], r)
			return nil
		})
}

// itemKey identifies a suggestion by what it says, who raised it and when.
func itemKey(title string, lead int64, voter string, received Date) string {
	return fmt.Sprintf("%s\x00%d\x00%s\x00%s", strings.Join(strings.Fields(title), ""), lead, voter, received)
}

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
	}
	return r.PlanRow, err
}

// ---- deputies ----

func (pl *planner) deputy(r *rowPlan, in *ImportRow) error {
	var d Deputy
	if in.Deputy != nil {
		d = *in.Deputy
	}
	d.Name = strings.TrimSpace(d.Name)
	r.Label = d.Name
	pl.dictValue(r, DictEthnicity, "民族", &d.Ethnicity)
	pl.dictValue(r, DictParty, "政治面貌", &d.Party)
	pl.dictValue(r, DictEducation, "文化程度", &d.Education)
	pl.dictValue(r, DictVillage, "所在村(居)", &d.Village)
	pl.dictList(r, DictComposition, "代表构成", d.Tags)
	pl.dictList(r, DictRole, "职务角色", d.Roles)
	if names := in.Names["届次"]; len(names) > 0 {
		if t, ok := pl.term(names[0]); ok {
			d.TermID = t.ID
			r.given["届次"] = true
		} else {
			r.fail("届次", "「%s」不存在，请先在设置中添加届次", names[0])
		}
	}
	if names := in.Names["代表小组"]; len(names) > 0 {
		if g, ok := pl.group(names[0]); ok {
			d.GroupID = g.ID
			r.given["代表小组"] = true
		} else {
			r.fail("代表小组", "「%s」不存在(现有%s)；请改正，或先在设置中添加这个小组", names[0], pl.groupNames())
		}
	}
	if names := in.Names["进站"]; len(names) > 0 {
		d.StationIDs = nil
		var missing []string
		for _, n := range names {
			if id, ok := pl.idx.stations[n]; ok {
				if !slices.Contains(d.StationIDs, id) {
					d.StationIDs = append(d.StationIDs, id)
				}
			} else {
				missing = append(missing, n)
			}
		}
		if len(missing) > 0 {
			r.warn("进站", "联络站「%s」不存在，未设置这些进站；可先导入联络站，再在联络站的「进站代表」中补上", strings.Join(missing, "、"))
		}
		r.given["进站"] = len(d.StationIDs) > 0
	}

	// Likely duplicates: in the file first, then in the database.
	if line, ok := pl.fileDuplicateDeputy(d, r.Line); ok {
		r.fail("姓名", "「%s」与第%d行重复；如确是两位同名代表，请分别填写出生年月", d.Name, line)
	} else if d.Name != "" {
		if err := pl.matchDeputy(r, d); err != nil {
			return err
		}
	}

	rec, before := d, Deputy{}
	if r.ExistingID != 0 {
		old, err := pl.tx.deputy(r.ExistingID)
		if err != nil {
			return err
		}
		before = old
		mergeGiven(&old, &d, r.given)
		rec = old
	} else {
		if len(rec.Levels) == 0 {
			rec.Levels = []string{LevelTown}
			if pl.named["代表层级"] && !r.flagged["代表层级"] {
				r.warn("代表层级", "未填写，按镇级代表导入")
			}
		}
		if rec.TermID == 0 && !r.flagged["届次"] {
			if t, ok := pl.currentTerm(); ok {
				rec.TermID = t.ID
			}
		}
	}
	if err := rec.Validate(); err != nil {
		r.failErr(err)
	}
	if r.ExistingID != 0 {
		r.Changes = pl.changes(&before, &rec)
	}
	r.Deputy = &rec
	return nil
}

// fileDuplicateDeputy finds an earlier row of the file with the same name whose birth month does not tell
// the two apart, and remembers this row for the rows after it.
func (pl *planner) fileDuplicateDeputy(d Deputy, line int) (int, bool) {
	if d.Name == "" {
		return 0, false
	}
	birth := normBirth(d.Birth)
	for _, o := range pl.deputies[d.Name] {
		if o.birth == "" || birth == "" || o.birth == birth {
			return o.line, true
		}
	}
	pl.deputies[d.Name] = append(pl.deputies[d.Name], seenDeputy{line, birth})
	return 0, false
}

// seenDeputy is a row of the file already planned.
type seenDeputy struct {
	line  int
	birth string
}

func normBirth(s string) string {
	ym, err := ParseYearMonth(s)
	if err != nil {
		return ""
	}
	return ym
}

func phoneDigits(p string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, p)
}

// matchDeputy looks for the deputy in the database. A township rarely has two deputies of the same name, so
// the same name is taken as the same person unless the birth months differ; when several deputies share
// the name, the birth month and then the phone number choose between them.
func (pl *planner) matchDeputy(r *rowPlan, d Deputy) error {
	var cands []deputyRef
	birth, phone := normBirth(d.Birth), phoneDigits(d.Phone)
	for _, i := range pl.idx.byName[d.Name] {
		x := pl.idx.deputies[i]
		if birth != "" && x.birth != "" && x.birth != birth {
			continue // a namesake
		}
		cands = append(cands, x)
	}
	if len(cands) > 1 && phone != "" {
		var same []deputyRef
		for _, x := range cands {
			if phoneDigits(x.phone) == phone {
				same = append(same, x)
			}
		}
		if len(same) > 0 {
			cands = same
		}
	}
	if len(cands) > 1 && birth != "" {
		var same []deputyRef
		for _, x := range cands {
			if x.birth == birth {
				same = append(same, x)
			}
		}
		if len(same) > 0 {
			cands = same
		}
	}
	switch len(cands) {
	case 0:
		if n := len(pl.idx.byName[d.Name]); n > 0 {
			r.warn("姓名", "已有%d位同名代表「%s」，但出生年月不同，将作为另一位代表新增", n, d.Name)
		}
		return nil
	case 1:
	default:
		var labels []string
		for _, x := range cands {
			labels = append(labels, DeputyLabel(x.name, x.group, x.status))
		}
		r.fail("姓名", "已有%d位同名代表(%s)，无法确定是哪一位；请填写出生年月或联系电话以区分", len(cands), strings.Join(labels, "、"))
		return nil
	}
	x := cands[0]
	switch {
	case birth != "" && x.birth == birth:
		r.Match = "姓名和出生年月相同"
	case phone != "" && phoneDigits(x.phone) == phone:
		r.Match = "姓名和联系电话相同"
	default:
		if x.status != DeputyActive {
			// A name alone says little about someone no longer in office (出缺, a former term): a new
			// deputy of that name is more likely than the old one back, and updating would overwrite them.
			r.warn("姓名", "已有同名的%s，但不在任，本行将作为另一位代表新增；如是同一人，请填写出生年月或联系电话",
				DeputyLabel(x.name, x.group, x.status))
			return nil
		}
		r.Match = "同名"
	}
	if first, ok := pl.claimed[x.id]; ok {
		r.fail("姓名", "与第%d行对应同一位已有代表「%s」，请只保留一行", first, x.name)
		return nil
	}
	pl.claimed[x.id] = r.Line
	r.ExistingID, r.Existing = x.id, DeputyLabel(x.name, x.group, x.status)
	return nil
}

// term finds a term by 第十八届, 十八届, 18 or 第18届.
func (pl *planner) term(s string) (Term, bool) {
	n, ok := parseChineseInt(strings.NewReplacer("第", "", "届", "", " ", "").Replace(s))
	if !ok {
		return Term{}, false
	}
	for _, t := range pl.idx.terms {
		if t.Number == n {
			return t, true
		}
	}
	return Term{}, false
}

// group finds a deputy group by name, tolerant of the words clerks leave out: 第一小组, 第一组, 第1代表小组
// all find 第一代表小组.
func (pl *planner) group(s string) (Group, bool) {
	for _, g := range pl.idx.groups {
		if g.Name == s {
			return g, true
		}
	}
	var found []Group
	for _, g := range pl.idx.groups {
		if groupKey(g.Name) == groupKey(s) && groupKey(s) != "" {
			found = append(found, g)
		}
	}
	if len(found) == 1 {
		return found[0], true
	}
	return Group{}, false
}

var digitsRe = regexp.MustCompile(`\d+`)

func groupKey(s string) string {
	s = strings.Join(strings.Fields(s), "")
	s = digitsRe.ReplaceAllStringFunc(s, func(d string) string {
		n, _ := strconv.Atoi(d)
		return ChineseNumber(n)
	})
	for _, w := range []string{"人大代表", "代表", "小组", "组"} {
		s = strings.ReplaceAll(s, w, "")
	}
	return s
}

func (pl *planner) groupNames() string {
	if len(pl.idx.groups) == 0 {
		return "尚无代表小组"
	}
	var names []string
	for _, g := range pl.idx.groups {
		names = append(names, g.Name)
	}
	if len(names) > 8 {
		names = append(names[:8], "…")
	}
	return "：" + strings.Join(names, "、")
}

// ---- stations ----

func (pl *planner) station(r *rowPlan, in *ImportRow) error {
	var s Station
	if in.Station != nil {
		s = *in.Station
	}
	s.Name = strings.TrimSpace(s.Name)
	r.Label = s.Name
	pl.dictValue(r, DictVillage, "所在村(居)", &s.Village)
	if names := in.Names["进站代表"]; len(names) > 0 {
		s.DeputyIDs = nil
		for _, n := range names {
			id, err := pl.deputyByName(n)
			if err != nil {
				r.warn("进站代表", "%s，未设置", err.Error())
				continue
			}
			if !slices.Contains(s.DeputyIDs, id) {
				s.DeputyIDs = append(s.DeputyIDs, id)
			}
		}
		r.given["进站代表"] = len(s.DeputyIDs) > 0
	}
	if s.Name != "" {
		if first, ok := pl.seen["station\x00"+s.Name]; ok {
			r.fail("名称", "「%s」与第%d行重复", s.Name, first)
		} else {
			pl.seen["station\x00"+s.Name] = r.Line
			if id, ok := pl.idx.stations[s.Name]; ok {
				r.ExistingID, r.Existing, r.Match = id, s.Name, "名称相同"
			}
		}
	}
	rec, before := s, Station{}
	if r.ExistingID != 0 {
		old, err := pl.tx.station(r.ExistingID)
		if err != nil {
			return err
		}
		before = old
		mergeGiven(&old, &s, r.given)
		rec = old
	}
	if err := rec.Validate(); err != nil {
		r.failErr(err)
	}
	if r.ExistingID != 0 {
		r.Changes = pl.changes(&before, &rec)
	}
	r.Station = &rec
	return nil
}

// deputyByName finds one deputy by 姓名 or by the label pickers show, 姓名(小组) or 姓名(小组·出缺).
func (pl *planner) deputyByName(s string) (int64, error) {
	s = strings.NewReplacer("（", "(", "）", ")").Replace(strings.TrimSpace(s))
	name, qual, _ := strings.Cut(s, "(")
	name = strings.Join(strings.Fields(name), "")
	qual = strings.TrimSuffix(qual, ")")
	var found []deputyRef
	for _, i := range pl.idx.byName[name] {
		x := pl.idx.deputies[i]
		if qual == "" || strings.Contains(qual, x.group) && x.group != "" || DeputyLabel(x.name, x.group, x.status) == s {
			found = append(found, x)
		}
	}
	if len(found) > 1 {
		var active []deputyRef
		for _, x := range found {
			if x.status == DeputyActive {
				active = append(active, x)
			}
		}
		if len(active) == 1 {
			found = active
		}
	}
	switch len(found) {
	case 0:
		return 0, fmt.Errorf("代表「%s」不存在", s)
	case 1:
		return found[0].id, nil
	}
	var labels []string
	for _, x := range found {
		labels = append(labels, DeputyLabel(x.name, x.group, x.status))
	}
	return 0, fmt.Errorf("有%d位代表名叫「%s」(%s)，请写成「%s」这样带小组的形式", len(found), name, strings.Join(labels, "、"), labels[0])
}

// ---- suggestions ----

func (pl *planner) suggestion(r *rowPlan, in *ImportRow) error {
	var s Suggestion
	if in.Suggestion != nil {
		s = *in.Suggestion
	}
	s.Number, s.Title = strings.TrimSpace(s.Number), strings.TrimSpace(s.Title)
	r.Label = suggestionLabel(s.Number, s.Title)
	pl.dictValue(r, DictSource, "来源", &s.Source)
	pl.dictValue(r, DictCategory, "类别", &s.Category)
	ref := func(label string, resolve func(string) (int64, error), set func(int64)) {
		names := in.Names[label]
		if len(names) == 0 {
			return
		}
		id, err := resolve(names[0])
		if err != nil {
			r.fail(label, "%s", err.Error())
			return
		}
		set(id)
		r.given[label] = true
	}
	ref("人代会", pl.session, func(id int64) { s.SessionID = id })
	if r.given["人代会"] && !r.given["提出时段"] {
		s.Period, r.given["提出时段"] = PeriodSession, true // a session named means it was raised there
	}
	ref("来源活动", pl.meeting, func(id int64) { s.SourceMeetingID = id })
	ref("来源联络站", func(n string) (int64, error) {
		if id, ok := pl.idx.stations[n]; ok {
			return id, nil
		}
		return 0, fmt.Errorf("联络站「%s」不存在", n)
	}, func(id int64) { s.StationID = id })
	ref("领衔代表", pl.deputyByName, func(id int64) { s.LeadDeputyID = id })
	if names := in.Names["附议代表"]; len(names) > 0 {
		s.CosignerIDs = nil
		for _, n := range names {
			id, err := pl.deputyByName(n)
			if err != nil {
				r.fail("附议代表", "%s", err.Error())
				continue
			}
			s.CosignerIDs = append(s.CosignerIDs, id)
		}
		r.given["附议代表"] = true
	}
	var assign *AssignInput
	if names := in.Names["主办单位"]; len(names) > 0 || in.Given["交办日期"] {
		assign = &AssignInput{Date: s.Assigned, Deadline: s.Deadline}
		if len(names) == 0 {
			r.fail("主办单位", "填写了交办日期时不能为空")
		} else if id, ok := pl.idx.units[names[0]]; ok {
			assign.MainUnitID = id
		} else {
			r.fail("主办单位", "「%s」不存在，请先在设置的「承办单位」中添加", names[0])
		}
		for _, n := range in.Names["协办单位"] {
			if id, ok := pl.idx.units[n]; ok {
				assign.AssistUnitIDs = append(assign.AssistUnitIDs, id)
			} else {
				r.fail("协办单位", "「%s」不存在，请先在设置的「承办单位」中添加", n)
			}
		}
		if s.Assigned == "" && !r.flagged["交办日期"] && len(names) > 0 {
			r.fail("交办日期", "填写了主办单位时不能为空")
		}
	} else if len(in.Names["协办单位"]) > 0 {
		r.fail("主办单位", "填写了协办单位时不能为空")
	}
	s.Assigned, s.Deadline = "", ""

	if err := pl.matchSuggestion(r, s); err != nil {
		return err
	}
	rec, before := s, Suggestion{}
	if r.ExistingID != 0 {
		old, err := pl.tx.suggestion(r.ExistingID)
		if err != nil {
			return err
		}
		before = old
		mergeGiven(&old, &s, r.given)
		rec = old
		if assign != nil && old.State != StatePending {
			r.warn("主办单位", "这件建议已经交办(%s)，主办单位和交办日期未改动", old.State)
			assign = nil
		}
	} else {
		pl.suggestionDefaults(r, &rec)
	}
	if err := rec.Validate(); err != nil {
		r.failErr(err)
	}
	if r.ExistingID != 0 {
		r.Changes = pl.changes(&before, &rec)
	}
	r.Suggestion = &rec
	r.assign = assign
	return nil
}

func suggestionLabel(number, title string) string {
	if t := []rune(title); len(t) > 40 {
		title = string(t[:40]) + "…"
	}
	return strings.TrimSpace(number + " " + title)
}

// suggestionDefaults fills what a new item needs and the file left empty: the kind from who raised it, the
// period from the session, the source from the kind. Each default is said in a warning.
func (pl *planner) suggestionDefaults(r *rowPlan, s *Suggestion) {
	if s.Kind == "" && !r.flagged["类型"] {
		s.Kind = KindSuggestion
		if s.LeadDeputyID == 0 && s.VoterName != "" {
			s.Kind = KindVoter
		}
		if pl.named["类型"] {
			r.warn("类型", "未填写，按「%s」导入", s.Kind)
		}
	}
	if s.Period == "" && !r.flagged["提出时段"] {
		s.Period = PeriodRecess
		if s.SessionID != 0 {
			s.Period = PeriodSession
		}
		if pl.named["提出时段"] {
			r.warn("提出时段", "未填写，按「%s」导入", s.Period)
		}
	}
	if s.Source == "" && !r.flagged["来源"] {
		s.Source = SourceOfKind(s.Kind)
		if pl.named["来源"] {
			r.warn("来源", "未填写，按「%s」导入", s.Source)
		}
	}
}

// matchSuggestion finds the item in the file and in the database: by number, or by title, proposer and
// date received. A number already used by a different item is an error, never an update of that item.
func (pl *planner) matchSuggestion(r *rowPlan, s Suggestion) error {
	if s.Number != "" {
		if first, ok := pl.seen["number\x00"+s.Number]; ok {
			r.fail("编号", "「%s」与第%d行重复", s.Number, first)
			return nil
		}
		pl.seen["number\x00"+s.Number] = r.Line
	}
	key := ""
	if s.Title != "" && s.Received != "" && (s.LeadDeputyID != 0 || s.VoterName != "") && !r.flagged["领衔代表"] {
		key = itemKey(s.Title, s.LeadDeputyID, s.VoterName, s.Received)
		if first, ok := pl.seen["item\x00"+key]; ok {
			r.fail("标题", "与第%d行是同一件建议(标题、提出人和收到日期都相同)，请只保留一行", first)
			return nil
		}
		pl.seen["item\x00"+key] = r.Line
	}
	var match suggestionRef
	if old, ok := pl.idx.numbers[s.Number]; ok && s.Number != "" {
		same := normTitle(old.title) == normTitle(s.Title) ||
			(s.Received != "" && old.received == s.Received && (s.LeadDeputyID != 0 && old.lead == s.LeadDeputyID || s.VoterName != "" && old.voter == s.VoterName))
		if !same {
			r.fail("编号", "「%s」已被另一件建议「%s」使用；请改用其他编号，或清空编号由系统自动编号", s.Number, old.title)
			return nil
		}
		match, r.Match = old, "编号相同"
	} else if key != "" {
		if olds := pl.idx.items[key]; len(olds) > 0 {
			match, r.Match = olds[0], "标题、提出人和收到日期相同"
		}
	}
	if match.id == 0 {
		return nil
	}
	if first, ok := pl.claimed[match.id]; ok {
		r.fail("编号", "与第%d行对应同一件已有建议「%s」，请只保留一行", first, match.number)
		return nil
	}
	pl.claimed[match.id] = r.Line
	r.ExistingID, r.Existing = match.id, suggestionLabel(match.number, match.title)
	return nil
}

func normTitle(s string) string { return strings.Join(strings.Fields(s), "") }

// session finds a 人民代表大会会议 by its title, by 十八届三次, or by 第三次会议 in the current term.
func (pl *planner) session(s string) (int64, error) {
	for _, m := range pl.idx.sessions {
		if m.title == s {
			return m.id, nil
		}
	}
	term, session := 0, 0
	if m := sessionRe.FindStringSubmatch(s); m != nil {
		term, _ = parseChineseInt(m[1])
		session, _ = parseChineseInt(m[2])
	} else if m := sessionOnlyRe.FindStringSubmatch(s); m != nil {
		session, _ = parseChineseInt(m[1])
		if t, ok := pl.currentTerm(); ok {
			term = t.Number
		}
	}
	for _, m := range pl.idx.sessions {
		if term > 0 && session > 0 && m.term == term && m.session == session {
			return m.id, nil
		}
	}
	return 0, fmt.Errorf("「%s」不是已登记的人代会会议，请先在「会议」中添加", s)
}

var (
	cnNum         = `([零〇一二三四五六七八九十百两\d]+)`
	sessionRe     = regexp.MustCompile(`第?` + cnNum + `届.*?第?` + cnNum + `次`)
	sessionOnlyRe = regexp.MustCompile(`^第?` + cnNum + `次`)
)

// meeting finds a meeting or activity by its exact title.
func (pl *planner) meeting(s string) (int64, error) {
	ids := pl.idx.meetings[s]
	switch len(ids) {
	case 0:
		return 0, fmt.Errorf("「%s」不是已登记的会议或活动，请先在「会议」中添加", s)
	case 1:
		return ids[0], nil
	}
	return ids[len(ids)-1], nil // the latest of the same name
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
	case "进站代表", "领衔代表", "附议代表":
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

// ---- dictionaries ----

// dictAliases are what clerks write for dictionary values, used only when the value itself is not in the
// dictionary and the alias's target is.
var dictAliases = map[string]map[string]string{
	DictParty: {
		"党员": "中共党员", "中共": "中共党员", "共产党员": "中共党员", "中国共产党党员": "中共党员", "中国共产党": "中共党员",
		"预备党员": "中共预备党员", "中共预备": "中共预备党员", "团员": "共青团员", "共青团": "共青团员",
		"无党派": "无党派人士", "民革": "民主党派", "民盟": "民主党派", "民建": "民主党派", "民进": "民主党派",
		"农工党": "民主党派", "致公党": "民主党派", "九三学社": "民主党派", "台盟": "民主党派",
	},
	DictEducation: {
		"本科": "大学本科", "大学": "大学本科", "大本": "大学本科", "大专": "大学专科", "专科": "大学专科",
		"硕士": "研究生", "博士": "研究生", "硕士研究生": "研究生", "博士研究生": "研究生", "研究生学历": "研究生",
	},
}

// dictValue checks a single dictionary value, replacing a clerk's shorthand (汉 → 汉族, 本科 → 大学本科) and
// naming the row and field when the value is not in the dictionary.
func (pl *planner) dictValue(r *rowPlan, kind, field string, v *string) {
	*v = strings.TrimSpace(*v)
	if *v == "" || r.flagged[field] {
		return
	}
	if nv, ok := pl.dictMatch(kind, *v); ok {
		if nv != *v && kind != DictEthnicity && dictAliases[kind][*v] == "" {
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
		if nv, ok := pl.dictMatch(kind, strings.TrimSpace(v)); ok {
			vs[i] = nv
		} else if !r.flagged[field] {
			r.fail(field, "「%s」不在%s字典中，请先在设置中添加", v, DictKinds[kind])
		}
	}
}

func (pl *planner) dictMatch(kind, v string) (string, bool) {
	values := pl.idx.dicts[kind]
	if slices.Contains(values, v) {
		return v, true
	}
	if a := dictAliases[kind][v]; a != "" && slices.Contains(values, a) {
		return a, true
	}
	switch kind {
	case DictEthnicity:
		if slices.Contains(values, v+"族") {
			return v + "族", true
		}
	case DictCategory, DictSource:
		// 社会保障 → 社会保障和改善民生, 家站点 → 家站点(选民): one value that begins with what was written.
		var found []string
		for _, x := range values {
			if utf8.RuneCountInString(v) >= 2 && strings.HasPrefix(x, v) {
				found = append(found, x)
			}
		}
		if len(found) == 1 {
			return found[0], true
		}
	}
	return v, false
}

// ---- helpers ----

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

// parseChineseInt reads 18, 十八, 二十一, 一百零五 (up to 999).
func parseChineseInt(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	if n, err := strconv.Atoi(s); err == nil {
		return n, n >= 0
	}
	digit := map[rune]int{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	total, cur := 0, -1
	for _, r := range s {
		switch {
		case r == '百':
			if cur < 0 {
				cur = 1
			}
			total += cur * 100
			cur = -1
		case r == '十':
			if cur < 0 {
				cur = 1
			}
			total += cur * 10
			cur = -1
		default:
			d, ok := digit[r]
			if !ok {
				return 0, false
			}
			if cur > 0 {
				return 0, false // 一二 is not a number
			}
			cur = d
		}
	}
	if cur > 0 {
		total += cur
	}
	return total, true
}
