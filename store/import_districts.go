package store

import "fmt"

// Planning a row of a 选区 sheet (issue 16): the district of the same level and number it updates (the register
// is kept by number: 第3选区 is 第3选区 whatever its 片区 is called this term).

// districtKey is how a district is matched: its level and number.
func districtKey(level string, number int) string { return level + "\x00" + fmt.Sprint(number) }

// loadDistricts reads the register's keys.
func (idx *importIndex) loadDistricts(tx *Tx) error {
	idx.districts = map[string]int64{}
	return collect(tx, `SELECT id, level, number FROM districts`, nil, func(s scanner) error {
		var id int64
		var level string
		var n int
		err := s.Scan(&id, &level, &n)
		idx.districts[districtKey(level, n)] = id
		return err
	})
}

func (pl *planner) district(r *rowPlan, in *ImportRow) error {
	var x District
	if in.District != nil {
		x = *in.District
	}
	if x.Level == "" {
		x.Level = LevelTown
	}
	r.Label = x.Label()
	if x.Number != 0 {
		key := districtKey(x.Level, x.Number)
		if first, ok := pl.seen["district\x00"+key]; ok {
			r.failRef("选区编号", first, "%s与第%d行重复", DistrictName(x.Number), first)
		} else {
			pl.seen["district\x00"+key] = r.Line
			if id, ok := pl.idx.districts[key]; ok {
				r.ExistingID, r.Match = id, "层级和选区编号相同"
			}
		}
	}
	rec, before := x, District{}
	if r.ExistingID != 0 {
		old, err := pl.tx.district(r.ExistingID)
		if err != nil {
			return err
		}
		before = old
		r.Existing = old.Label()
		mergeGiven(&old, &x, r.given)
		rec = old
	}
	if err := rec.Validate(); err != nil {
		r.failErr(err)
	}
	if r.ExistingID != 0 {
		r.Changes = pl.changes(&before, &rec)
	}
	r.District = &rec
	return nil
}
