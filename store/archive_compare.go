package store

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// Comparing a kept version (报送存档) with the same period counted today, as of the same date: the figures that
// differ, and for each the records that entered or left the count, with what the history says was done to them
// after the version was made. As of the same date, only a record dated inside the period — entered late,
// backdated, corrected or deleted — can move a number; the causes name it.

// FigureChange is one figure of a kept version that today's count differs from.
type FigureChange struct {
	Figure string   // 解决率(全年)
	Was    string   // as kept: 50.0%(10/20); "" for the line of the breakdowns
	Now    string   // counted today
	Causes []string // 建议2025-031：2026-01-20录入跟踪办理 2025年12月20日：办理结果: 正在解决 → 已解决
}

// String is 「解决率(全年) 50.0%(10/20) → 52.4%(11/21)：建议2025-031 …；…」.
func (c FigureChange) String() string {
	s := c.Figure + " " + c.Was + " → " + c.Now
	if c.Was == "" && c.Now == "" {
		s = c.Figure + "有变化"
	}
	if len(c.Causes) > 0 {
		s += "：" + strings.Join(c.Causes, "；")
	}
	return s
}

// figureValue is a figure's value: a count or a rate.
type figureValue struct {
	n      int
	r      Rate
	isRate bool
}

func (v figureValue) text(precision int) string {
	if v.isRate {
		return v.r.Percent(precision) + "(" + v.r.Explain() + ")"
	}
	return fmt.Sprint(v.n)
}

// figureLine is a figure the comparison looks at: its name, how to read it from Figures, and which records of
// the basis stand behind it.
type figureLine struct {
	label string
	since int // the ArchiveVersion that first kept it
	value func(Figures) figureValue
	// Suggestions: the slice and the keys (a count's, or a rate's numerator and denominator).
	slice *FigureSlice
	keys  []FigureKey
	// Other records: which set of the basis, and the kind (a meeting kind) or level (a deputy's) within it.
	set     string
	kind    string
	members bool // when no record entered or left, the set's records changed since stand behind it (项 of meetings)
}

// Sets of records of ArchiveBasis other than the suggestions, with the history's entity name of each.
const (
	setDeputies    = "deputy"
	setMeetings    = "meeting"
	setStations    = "station"
	setReceptions  = "reception"
	setReportBacks = "report_back"
)

// figureLines lists the figures a version is compared on: the T1 counts and every rate of RateDefs for the
// whole period, the session and between sessions; the meetings; the deputies by level; the stations,
// receptions and report-backs. total names the whole period (全年, or 合计 for a period that is not a year).
func figureLines(total string) []figureLine {
	count := func(n func(Figures) int) func(Figures) figureValue {
		return func(f Figures) figureValue { return figureValue{n: n(f)} }
	}
	var out []figureLine
	periods := []struct {
		name  string
		slice FigureSlice
	}{{total, FigureSlice{}}, {PeriodSession, FigureSlice{Period: PeriodSession}}, {PeriodRecess, FigureSlice{Period: PeriodRecess}}}
	for _, p := range periods {
		s := p.slice
		out = append(out, figureLine{label: "收到件数(" + p.name + ")", since: 1, slice: &s, keys: []FigureKey{FigReceived},
			value: count(func(f Figures) int { return f.Sum(s).Received })})
	}
	voters := FigureSlice{Period: PeriodRecess, Kind: KindVoter}
	out = append(out, figureLine{label: "收到选民意见建议", since: 1, slice: &voters, keys: []FigureKey{FigReceived},
		value: count(func(f Figures) int { return f.Sum(voters).Received })})
	for _, d := range RateDefs {
		for _, p := range periods {
			s, d := p.slice, d
			out = append(out, figureLine{label: d.Name + "(" + p.name + ")", since: 1, slice: &s, keys: []FigureKey{d.Num, d.Den},
				value: func(f Figures) figureValue { return figureValue{r: f.Sum(s).RateOf(d), isRate: true} }})
		}
	}
	for _, k := range MeetingKinds {
		out = append(out, figureLine{label: "召开" + k, since: 1, set: setMeetings, kind: k, members: true,
			value: count(func(f Figures) int { return f.MeetingCount(k) })})
	}
	for _, m := range []struct {
		label string
		n     func(Figures) int
	}{
		{"审议专项工作报告(项)", func(f Figures) int { return f.SpecialReports }},
		{"执法检查(项)", func(f Figures) int { return f.LawChecks }},
		{"视察和调研(项)", func(f Figures) int { return f.InspectionsResearch }},
		{"作出决议、决定(项)", func(f Figures) int { return f.Resolutions }},
	} {
		out = append(out, figureLine{label: m.label, since: 1, set: setMeetings, members: true, value: count(m.n)})
	}
	out = append(out, figureLine{label: "在任代表", since: 1, set: setDeputies,
		value: count(func(f Figures) int { return f.Deputies.All.Deputies })})
	for _, l := range DeputyLevels {
		out = append(out, figureLine{label: "在任" + l + "代表", since: 1, set: setDeputies, kind: l,
			value: count(func(f Figures) int {
				for _, r := range f.Deputies.ByLevel {
					if r.Level == l {
						return r.Deputies
					}
				}
				return 0
			})})
	}
	out = append(out,
		figureLine{label: "家站点(在用)", since: 1, set: setStations, value: count(func(f Figures) int { return f.Stations.Total })},
		figureLine{label: "做到“六个有”的家站点", since: 1, set: setStations, members: true,
			value: count(func(f Figures) int { return f.Stations.SixHaves })},
		figureLine{label: "接待选民(次)", since: 1, set: setReceptions, value: count(func(f Figures) int { return f.Receptions })},
		figureLine{label: "接待选民(人次)", since: 1, set: setReceptions, members: true,
			value: count(func(f Figures) int { return f.ReceptionVoters })},
		figureLine{label: "代表向选民述职(次)", since: 1, set: setReportBacks,
			value: count(func(f Figures) int { return f.ReportBacksOral + f.ReportBacksWritten })},
	)
	return out
}

// counted is a period counted today: its figures and their basis.
type counted struct {
	f Figures
	b ArchiveBasis
}

// compareVersions counts each version's period again, as of its date (once per distinct period and date), and
// fills Changes.
func (tx *Tx) compareVersions(vs []ReportVersion) error {
	if len(vs) == 0 {
		return nil
	}
	since := vs[0].basis.HistoryID
	for _, v := range vs {
		since = min(since, v.basis.HistoryID)
	}
	hist, err := tx.historySince(since)
	if err != nil {
		return err
	}
	now := map[[3]Date]*counted{}
	for i := range vs {
		v := &vs[i]
		v.Compared = true
		if v.Version > ArchiveVersion {
			v.Note = "这个版本由较新版本的人大工作台保存，请用新版程序比较"
			continue
		}
		k := [3]Date{v.From, v.To, v.AsOf}
		c := now[k]
		if c == nil {
			c = &counted{f: Figures{From: v.From, To: v.To, AsOf: v.AsOf}}
			if err := tx.figures(&c.f); err != nil {
				return err
			}
			if c.b, err = tx.archiveBasis(c.f); err != nil {
				return err
			}
			now[k] = c
		}
		var after []HistoryEntry
		for _, h := range hist {
			if h.ID > v.basis.HistoryID {
				after = append(after, h)
			}
		}
		v.Changes = v.compare(c, after)
	}
	return nil
}

// historySince reads the history entries after id, oldest first.
func (tx *Tx) historySince(id int64) ([]HistoryEntry, error) {
	var out []HistoryEntry
	err := collect(tx, `SELECT id, at, entity, entity_id, action, label, changes FROM history WHERE id > ? ORDER BY id`,
		[]any{id}, func(s scanner) error {
			var h HistoryEntry
			err := s.Scan(&h.ID, &h.At, &h.Entity, &h.EntityID, &h.Action, &h.Label, &h.Changes)
			out = append(out, h)
			return err
		})
	return out, err
}

// compare lists the figures of v that differ in c, with their causes from the history entries after v.
func (v ReportVersion) compare(c *counted, after []HistoryEntry) []FigureChange {
	ex := explainer{was: v.basis, now: c.b, after: after}
	var out []FigureChange
	total := "合计"
	if (Period{From: v.From, To: v.To}).IsYear() {
		total = "全年"
	}
	for _, ln := range figureLines(total) {
		if ln.since > v.Version {
			continue
		}
		was, now := ln.value(v.Figures), ln.value(c.f)
		if was == now {
			continue
		}
		out = append(out, FigureChange{Figure: ln.label, Was: was.text(v.Figures.Precision), Now: now.text(c.f.Precision),
			Causes: ex.causes(ln)})
	}
	// A category, source, scope or unit changed on an item moves the breakdowns (T2, T3, T5) though no total moves.
	if moved := ex.regrouped(); len(moved) > 0 {
		out = append(out, FigureChange{Figure: "分项数字(类别、来源、层面、单位)", Causes: ex.itemCauses(moved)})
	}
	return out
}

// explainer finds the records behind a changed figure.
type explainer struct {
	was, now ArchiveBasis
	after    []HistoryEntry
}

// maxCauses is how many records a changed figure names; the rest are counted.
const maxCauses = 10

// causes names the records that entered or left the figure's count since the version was kept.
func (ex explainer) causes(ln figureLine) []string {
	var out []string
	switch {
	case ln.slice != nil:
		out = ex.itemCauses(ex.movedItems(*ln.slice, ln.keys))
	default:
		out = ex.recordCauses(ln)
	}
	if len(out) == 0 {
		out = ex.generalCauses()
	}
	return out
}

// movedItems returns the items that entered or left the count of any of keys within slice, by number.
func (ex explainer) movedItems(s FigureSlice, keys []FigureKey) []ArchivedItem {
	in := func(b ArchiveBasis, k FigureKey) map[int64]ArchivedItem {
		m := map[int64]ArchivedItem{}
		for _, it := range b.Items {
			if itemIn(it, s) && b.has(it, k) {
				m[it.ID] = it
			}
		}
		return m
	}
	moved := map[int64]ArchivedItem{}
	for _, k := range keys {
		if !slices.Contains(ex.was.Keys, k) {
			continue // a key the version did not keep
		}
		a, b := in(ex.was, k), in(ex.now, k)
		for id, it := range a {
			if _, ok := b[id]; !ok {
				moved[id] = it
			}
		}
		for id, it := range b {
			if _, ok := a[id]; !ok {
				moved[id] = it
			}
		}
	}
	out := make([]ArchivedItem, 0, len(moved))
	for _, it := range moved {
		out = append(out, it)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Number < out[j].Number })
	return out
}

// itemIn reports whether an item falls in a slice, by the dimensions it had when counted.
func itemIn(it ArchivedItem, s FigureSlice) bool {
	return (s.Period == "" || s.Period == it.Period) && (s.Kind == "" || s.Kind == it.Kind) &&
		(s.Category == "" || s.Category == it.Category) && (s.Source == "" || s.Source == it.Source) &&
		(s.Scope == "" || s.Scope == it.Scope) && (s.UnitID == 0 || s.UnitID == it.UnitID)
}

// regrouped returns the items counted both times whose category, source, scope, period, kind or main unit
// changed, by number.
func (ex explainer) regrouped() []ArchivedItem {
	was := map[int64]ArchivedItem{}
	for _, it := range ex.was.Items {
		was[it.ID] = it
	}
	var moved []ArchivedItem
	for _, it := range ex.now.Items {
		if o, ok := was[it.ID]; ok && (o.Period != it.Period || o.Kind != it.Kind || o.Category != it.Category ||
			o.Source != it.Source || o.Scope != it.Scope || o.UnitID != it.UnitID) {
			moved = append(moved, it)
		}
	}
	sort.Slice(moved, func(i, j int) bool { return moved[i].Number < moved[j].Number })
	return moved
}

// itemCauses describes each item by what was done to it since the version was kept.
func (ex explainer) itemCauses(items []ArchivedItem) []string {
	var out []string
	for i, it := range items {
		if i == maxCauses {
			out = append(out, fmt.Sprintf("另有%d件", len(items)-maxCauses))
			break
		}
		out = append(out, ex.recordLine("建议"+it.Number, "suggestion", it.ID))
	}
	return out
}

// recordCauses names the deputies, meetings, stations … that entered or left the figure's set, or, for a
// figure counted over the set's records (项, 人次), those changed since when none did.
func (ex explainer) recordCauses(ln figureLine) []string {
	pick := func(b ArchiveBasis) map[int64]ArchivedRecord {
		var recs []ArchivedRecord
		switch ln.set {
		case setDeputies:
			recs = b.Deputies
		case setMeetings:
			recs = b.Meetings
		case setStations:
			recs = b.Stations
		case setReceptions:
			recs = b.Receptions
		case setReportBacks:
			recs = b.ReportBacks
		}
		m := map[int64]ArchivedRecord{}
		for _, r := range recs {
			if ln.kind == "" || r.Kind == ln.kind || (ln.set == setDeputies && slices.Contains(strings.Split(r.Kind, "、"), ln.kind)) {
				m[r.ID] = r
			}
		}
		return m
	}
	a, b := pick(ex.was), pick(ex.now)
	var moved []ArchivedRecord
	for id, r := range a {
		if _, ok := b[id]; !ok {
			moved = append(moved, r)
		}
	}
	for id, r := range b {
		if _, ok := a[id]; !ok {
			moved = append(moved, r)
		}
	}
	if len(moved) == 0 && ln.members {
		for id, r := range b {
			if ex.touched(ln.set, id) {
				moved = append(moved, r)
			}
		}
	}
	sort.Slice(moved, func(i, j int) bool { return moved[i].ID < moved[j].ID })
	var out []string
	for i, r := range moved {
		if i == maxCauses {
			out = append(out, fmt.Sprintf("另有%d项", len(moved)-maxCauses))
			break
		}
		out = append(out, ex.recordLine(EntityNames[ln.set]+"「"+r.Label+"」", ln.set, r.ID))
	}
	return out
}

// touched reports whether the history has an entry on the record after the version.
func (ex explainer) touched(entity string, id int64) bool {
	for _, h := range ex.after {
		if h.Entity == entity && h.EntityID == id {
			return true
		}
	}
	return false
}

// recordLine is 「建议2025-031：2026-01-20录入跟踪办理 2025年12月20日：办理结果: 正在解决 → 已解决」: the record
// and what the history says was done to it since the version (the newest three entries).
func (ex explainer) recordLine(name, entity string, id int64) string {
	var done []string
	for _, h := range ex.after {
		if h.Entity == entity && h.EntityID == id {
			done = append(done, historyLine(h))
		}
	}
	if len(done) == 0 {
		return name + "(制表后没有修改记录)"
	}
	if len(done) > 3 {
		done = append([]string{fmt.Sprintf("(另有%d次较早的修改)", len(done)-3)}, done[len(done)-3:]...)
	}
	return name + "：" + strings.Join(done, "；")
}

// generalCauses are the changes since the version that move figures of every record: the settings (满意率的口径),
// the terms (whose dates decide the roll), the dictionaries.
func (ex explainer) generalCauses() []string {
	var out []string
	for _, h := range ex.after {
		if h.Entity == "settings" || h.Entity == "term" || h.Entity == "dict" {
			out = append(out, EntityNames[h.Entity]+"「"+h.Label+"」："+historyLine(h))
		}
	}
	if len(out) == 0 {
		out = []string{"没有找到制表后的修改记录"}
	}
	return out
}

// historyKeyFields are the lines of a 新增 entry that say when the record counts.
var historyKeyFields = []string{"收到日期", "当选日期", "开始日期", "建成日期", "日期"}

// historyLine puts a history entry in a few words: 「2026-01-20新增(收到日期: 2025-12-30)」, 「2026-01-20修改：类别:
// 城乡建设 → 农业农村」, 「2026-01-20录入跟踪办理 2025年12月20日：办理结果: 正在解决 → 已解决」, 「2026-01-20删除」.
func historyLine(h HistoryEntry) string {
	day := h.At
	if len(day) >= 10 {
		day = day[:10]
	}
	lines := strings.Split(strings.TrimSpace(h.Changes), "\n")
	clip := func(ls []string) string {
		for i, l := range ls {
			if utf8.RuneCountInString(l) > 60 {
				ls[i] = string([]rune(l)[:60]) + "…"
			}
		}
		if len(ls) > 4 {
			ls = append(ls[:4], "…")
		}
		return strings.Join(ls, "；")
	}
	switch h.Action {
	case ActionCreate:
		var key []string
		for _, l := range lines {
			name, _, _ := strings.Cut(l, ":")
			if slices.Contains(historyKeyFields, name) {
				key = append(key, l)
			}
		}
		if len(key) == 0 {
			return day + "新增"
		}
		return day + "新增(" + clip(key) + ")"
	case ActionDelete:
		return day + "删除"
	case ActionState:
		if len(lines) > 1 {
			return day + "录入" + lines[0] + "：" + clip(lines[1:])
		}
		return day + "录入" + lines[0]
	}
	if h.Changes == "" {
		return day + "修改"
	}
	return day + "修改：" + clip(lines)
}
