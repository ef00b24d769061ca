package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// How the suggestion figures are counted: one row per item as of the report date (figureRows), one SQL
// condition per FigureKey (figureConds) shared by the sums and by the click-through FigureItems.

// figureRows is one row per suggestion received in the window with its state as of the report date:
// the columns the figures count. ?1 = AsOf, ?2 = From, ?3 = the last day counted.
// The outcome, the evaluations and 见面 look into the dated tables only when the item's current columns
// could differ from their value on AsOf (something happened after it), or, for 见面, when it had several
// rounds: a second reply needs a 不满意 evaluation, which opens round 2, so in round 1 the reply on the row
// (reply_method, the latest reply's method) is the only one.
const figureRows = `SELECT s.id, s.period, s.kind, s.category, s.source, s.scope,
	CASE WHEN s.assigned <= ?1 THEN s.main_unit_id END AS unit_id,
	coalesce(s.assigned <= ?1, 0) AS assigned,
	coalesce(s.forwarded <= ?1, 0) AS forwarded,
	coalesce(s.terminated <= ?1, 0) AS terminated,
	coalesce(s.first_reply <= ?1, 0) AS replied,
	coalesce(s.closed <= ?1, 0) AS closed,
	coalesce(s.assigned <= ?1 AND (s.first_reply <= ?1 OR s.first_deadline < ?1), 0) AS due,
	coalesce(s.assigned <= ?1 AND s.first_reply <= ?1 AND s.first_reply <= s.first_deadline, 0) AS on_time,
	CASE
		WHEN s.first_reply IS NULL OR s.first_reply > ?1 THEN ''
		WHEN s.last_reply <= ?1 AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.suggestion_id = s.id AND f.date > ?1)
			THEN s.outcome
		ELSE coalesce(
			(SELECT f.outcome FROM followups f WHERE f.suggestion_id = s.id AND f.outcome != '' AND f.date <= ?1
				AND f.date >= (SELECT max(r.date) FROM replies r WHERE r.suggestion_id = s.id AND r.date <= ?1)
				ORDER BY f.date DESC, f.id DESC LIMIT 1),
			(SELECT r.outcome FROM replies r WHERE r.suggestion_id = s.id AND r.date <= ?1 ORDER BY r.date DESC, r.id DESC LIMIT 1), '')
	END AS outcome,
	CASE
		WHEN s.evaluated IS NULL THEN ''
		WHEN s.evaluated <= ?1 THEN s.evaluation
		ELSE coalesce((SELECT e.grade FROM evaluations e WHERE e.suggestion_id = s.id AND e.date <= ?1
			ORDER BY e.date DESC, e.id DESC LIMIT 1), '')
	END AS grade,
	CASE
		WHEN s.evaluated IS NULL THEN ''
		WHEN s.evaluated <= ?1 OR (SELECT min(e.date) FROM evaluations e WHERE e.suggestion_id = s.id) <= ?1 THEN s.first_evaluation
		ELSE ''
	END AS first_grade,
	CASE
		WHEN s.first_reply IS NULL OR s.first_reply > ?1 THEN 0
		WHEN s.last_reply <= ?1 AND s.reply_method = '见面' THEN 1
		WHEN s.last_reply <= ?1 AND s.round = 1 THEN 0 -- one round, one reply: the one on the row
		ELSE EXISTS (SELECT 1 FROM replies r WHERE r.suggestion_id = s.id AND r.method = '见面' AND r.date <= ?1)
	END AS in_person
	FROM suggestions s WHERE s.received BETWEEN ?2 AND ?3`

// figureConds is the SQL condition of each key over a row of figureRows (alias x): the aggregate is
// sum(condition), the click-through is WHERE condition, so the two cannot disagree.
func figureConds(satisfiedBasic bool) map[FigureKey]string {
	sat := `('满意')`
	if satisfiedBasic {
		sat = `('满意', '基本满意')`
	}
	return map[FigureKey]string{
		FigReceived:         `1`,
		FigAssigned:         `x.assigned`,
		FigForwarded:        `x.forwarded`,
		FigHanded:           `(x.assigned OR x.forwarded)`,
		FigPending:          `NOT (x.assigned OR x.forwarded OR x.terminated)`,
		FigTerminated:       `x.terminated`,
		FigReplied:          `x.replied`,
		FigUnanswered:       `NOT x.replied`,
		FigClosed:           `x.closed`,
		FigDue:              `x.due`,
		FigOnTime:           `x.on_time`,
		FigSolved:           `x.outcome = '已解决'`,
		FigSolving:          `x.outcome = '正在解决'`,
		FigPlanned:          `x.outcome = '列入计划解决'`,
		FigReference:        `x.outcome = '留作参考'`,
		FigInPerson:         `x.in_person`,
		FigEvaluated:        `x.grade != ''`,
		FigSatisfied:        `x.grade IN ` + sat,
		FigFirstSatisfied:   `x.first_grade IN ` + sat,
		FigGradeSatisfied:   `x.grade = '满意'`,
		FigGradeBasic:       `x.grade = '基本满意'`,
		FigGradeUnsatisfied: `x.grade = '不满意'`,
	}
}

// figureMask is the SQL of an integer over a row of figureRows (alias x) with bit i set when the row counts in
// keys[i] by figureConds: one column for all the keys, where a column per key cost a locked fetch each.
func figureMask(satisfiedBasic bool, keys []FigureKey) string {
	conds := figureConds(satisfiedBasic)
	bits := make([]string, len(keys))
	for i, k := range keys {
		bits[i] = "(coalesce(" + conds[k] + ", 0) << " + strconv.Itoa(i) + ")"
	}
	return strings.Join(bits, " | ")
}

// ledCounts is what the deputies led among the window's items: the items, those of the session, and the
// count of each outcome on the report date (T10's 领衔 columns).
type ledCounts struct {
	led, session int
	outcomes     [4]int // Outcomes order
}

// windowLed is the ledCounts by lead deputy of a window's items (figureRows' arguments: the report date,
// the first and the last day received), counted with the figures for the 履职档案 of the same window.
type windowLed struct {
	asOf, from, to string
	byDeputy       map[int64]*ledCounts
}

// cellKey is the grain of FigureCell.
type cellKey struct{ period, kind, category, source, scope string }

// suggestionFigures fills the suggestion figures from one statement: the rows of the window computed once
// (MATERIALIZED), each with the mask of the keys it counts in (figureMask), added up here by period, kind,
// category, source and scope (at most a few hundred cells), by main unit and, for the 履职档案, by lead
// deputy. Summing the masks' bits is sum(condition) of every key, without SQL evaluating 44 aggregates per row.
func (tx *Tx) suggestionFigures(f *Figures) error {
	f.Cells, f.ByUnit = nil, nil
	keys := FigureKeys
	cells := map[cellKey]*FigureCell{}
	units := map[int64]*SuggestionFigures{}
	led := &windowLed{asOf: string(f.AsOf), from: string(f.From), to: string(f.last()), byDeputy: map[int64]*ledCounts{}}
	outcomeKeys := []FigureKey{FigSolved, FigSolving, FigPlanned, FigReference} // Outcomes order
	add := func(c *SuggestionFigures, mask uint64) {
		for i, k := range keys {
			if mask&(1<<i) != 0 {
				*c.field(k)++
			}
		}
	}
	err := collect(tx, `WITH x AS MATERIALIZED (`+figureRows+`)
		SELECT x.period, x.kind, x.category, x.source, x.scope, coalesce(x.unit_id, 0), coalesce(s.lead_deputy_id, 0), `+
		figureMask(f.SatisfiedBasic, keys)+` FROM x JOIN suggestions s ON s.id = x.id`,
		[]any{f.AsOf, f.From, f.last()}, func(s scanner) error {
			var k cellKey
			var unit, lead, m int64
			if err := s.Scan(&k.period, &k.kind, &k.category, &k.source, &k.scope, &unit, &lead, &m); err != nil {
				return err
			}
			mask := uint64(m)
			c := cells[k]
			if c == nil {
				c = &FigureCell{Period: k.period, Kind: k.kind, Category: k.category, Source: k.source, Scope: k.scope}
				cells[k] = c
			}
			add(&c.SuggestionFigures, mask)
			if unit != 0 {
				u := units[unit]
				if u == nil {
					u = &SuggestionFigures{}
					units[unit] = u
				}
				add(u, mask)
			}
			if lead != 0 {
				l := led.byDeputy[lead]
				if l == nil {
					l = &ledCounts{}
					led.byDeputy[lead] = l
				}
				l.led++
				if k.period == PeriodSession {
					l.session++
				}
				for i, ok := range outcomeKeys {
					if mask&(1<<slices.Index(keys, ok)) != 0 {
						l.outcomes[i]++
					}
				}
			}
			return nil
		})
	if err != nil {
		return err
	}
	f.led = led
	// In the order GROUP BY gave them: by the five columns, compared as SQLite compares text (bytewise).
	for _, c := range cells {
		c.finish()
		f.Cells = append(f.Cells, *c)
	}
	slices.SortFunc(f.Cells, func(a, b FigureCell) int {
		return cmp.Or(strings.Compare(a.Period, b.Period), strings.Compare(a.Kind, b.Kind),
			strings.Compare(a.Category, b.Category), strings.Compare(a.Source, b.Source), strings.Compare(a.Scope, b.Scope))
	})
	// The units with items, by id (the order the join grouped them in before), with their name and kind.
	if len(units) > 0 {
		if err := collect(tx, `SELECT id, name, kind FROM units ORDER BY id`, nil, func(s scanner) error {
			var u UnitFigures
			if err := s.Scan(&u.UnitID, &u.Name, &u.Kind); err != nil {
				return err
			}
			if c := units[u.UnitID]; c != nil {
				c.finish()
				u.SuggestionFigures = *c
				f.ByUnit = append(f.ByUnit, u)
			}
			return nil
		}); err != nil {
			return err
		}
	}
	unitKinds, err := tx.dict(DictUnitKind)
	if err != nil {
		return err
	}
	sort.SliceStable(f.ByUnit, func(i, j int) bool {
		a, b := dictRank(unitKinds, f.ByUnit[i].Kind), dictRank(unitKinds, f.ByUnit[j].Kind)
		if a != b {
			return a < b
		}
		return f.ByUnit[i].Name < f.ByUnit[j].Name
	})

	f.All = f.Sum(FigureSlice{})
	f.Session = f.Sum(FigureSlice{Period: PeriodSession})
	f.Recess = f.Sum(FigureSlice{Period: PeriodRecess})
	categories, err := tx.dict(DictCategory)
	if err != nil {
		return err
	}
	sources, err := tx.dict(DictSource)
	if err != nil {
		return err
	}
	f.ByKind = f.breakdown(SuggestionKinds, func(c FigureCell) string { return c.Kind }, func(s *FigureSlice, v string) { s.Kind = v })
	f.ByCategory = f.breakdown(categories, func(c FigureCell) string { return c.Category }, func(s *FigureSlice, v string) { s.Category = v })
	f.BySource = f.breakdown(sources, func(c FigureCell) string { return c.Source }, func(s *FigureSlice, v string) { s.Source = v })
	f.ByScope = f.breakdown(ScopeLevels, func(c FigureCell) string { return c.Scope }, func(s *FigureSlice, v string) { s.Scope = v })
	return nil
}

// breakdown splits the suggestions by one dimension: the listed values in order (zero rows included), then
// any other value the items carry (a dictionary value removed since), by name.
func (f Figures) breakdown(listed []string, dim func(FigureCell) string, set func(*FigureSlice, string)) []Breakdown {
	names := slices.Clone(listed)
	var extra []string
	for _, c := range f.Cells {
		if v := dim(c); !slices.Contains(names, v) && !slices.Contains(extra, v) {
			extra = append(extra, v)
		}
	}
	slices.Sort(extra)
	names = append(names, extra...)
	out := make([]Breakdown, len(names))
	for i, n := range names {
		var all, session, recess FigureSlice
		set(&all, n)
		set(&session, n)
		set(&recess, n)
		session.Period, recess.Period = PeriodSession, PeriodRecess
		out[i] = Breakdown{Name: n, All: f.Sum(all), Session: f.Sum(session), Recess: f.Sum(recess)}
	}
	return out
}

// dictRank is the position of v in a dictionary, after every listed value when it is not listed.
func dictRank(dict []string, v string) int {
	if i := slices.Index(dict, v); i >= 0 {
		return i
	}
	return len(dict)
}

// FigureItems returns the ids of the suggestions behind a count of f — a figure, or the numerator or the
// denominator of a rate (RateDef.Num, RateDef.Den) — within a slice of the period, as of f's report date and
// with f's 满意率 setting, in id order. len(ids) equals f.Sum(slice).Count(key).
func (db *DB) FigureItems(ctx context.Context, f Figures, slice FigureSlice, key FigureKey) ([]int64, error) {
	cond, ok := figureConds(f.SatisfiedBasic)[key]
	if !ok {
		return nil, Errorf(EINVALID, "未知的统计项「%s」", key)
	}
	if _, err := db.figurePeriod(f.From, f.To, f.AsOf); err != nil {
		return nil, err
	}
	w := &where{}
	w.add(cond)
	for _, d := range []struct{ col, v string }{{"x.period", slice.Period}, {"x.kind", slice.Kind},
		{"x.category", slice.Category}, {"x.source", slice.Source}, {"x.scope", slice.Scope}} {
		if d.v != "" {
			w.add(d.col+" = ?", d.v)
		}
	}
	if slice.UnitID != 0 {
		w.add("x.unit_id = ?", slice.UnitID)
	}
	var ids []int64
	err := db.view(ctx, func(tx *Tx) error {
		return collect(tx, `SELECT x.id FROM (`+figureRows+`) x WHERE `+w.sql()+` ORDER BY x.id`,
			append([]any{f.AsOf, f.From, f.last()}, w.args...), func(s scanner) error {
				var id int64
				err := s.Scan(&id)
				ids = append(ids, id)
				return err
			})
	})
	if err != nil {
		return nil, fmt.Errorf("查询统计明细: %w", err)
	}
	return ids, nil
}
