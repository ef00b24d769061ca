package store

import (
	"fmt"
	"strings"
)

// What the import planner reads once before it plans a sheet: the deputies, groups, terms, stations, units,
// meetings, dictionaries and suggestions that the file's names and likely duplicates are matched against.

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
	rects    map[string]int64 // 整改事项 by text and unit (rectKey) → id
	// petitions are the saved 信访件 by number and by petitionKey (import_petitions.go).
	petitions petitionRefs
	// districts are the 选区 of the register by level and number (districtKey) → id.
	districts map[string]int64
	// articles are the saved 宣传稿件 by date, title and outlet (articleKey) → id (issue 22 part 6).
	articles map[string]int64
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
	if err := collect(tx, `SELECT id, number, is_current FROM terms WHERE level = '镇级' ORDER BY number DESC`, nil, func(s scanner) error {
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
	if kind == ImportRectifications {
		return idx, idx.loadRectifications(tx)
	}
	if kind == ImportPetitions {
		return idx, idx.loadPetitions(tx)
	}
	if kind == ImportDistricts {
		return idx, idx.loadDistricts(tx)
	}
	if kind == ImportArticles { // issue 22 part 6
		return idx, idx.loadArticles(tx)
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
