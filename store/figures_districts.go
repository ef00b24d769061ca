package store

import (
	"slices"
	"strings"
)

// The deputies of the last day counted by 选区 (issue 16): T6's rows per district with 应选代表名额 and 缺额,
// and T7's grouping. A seat counts in the district that elected it from its start to its end (seatHeld), so a
// report of a past day groups the deputies as they were elected then.

// DistrictFigure is one 选区 of the register on the day counted: its 应选代表名额, the composition of the
// deputies holding one of its seats that day (Row, as T6 counts a level) and who they are (for T7 and the
// drill-down). A row with District.ID 0 gathers the seats of a level held that day with no 选区 recorded.
type DistrictFigure struct {
	District  District
	Row       DeputyRow
	DeputyIDs []int64 // holding one of its seats on the day counted, by name
}

// Label is 「第3选区(联霞片区)」, or 「镇级未登记选区」 for the seats without one.
func (f DistrictFigure) Label() string {
	if f.District.ID == 0 {
		return f.District.Level + "未登记选区"
	}
	return f.District.Label()
}

// Vacant is how many of the 应选代表名额 nobody held on the day counted (0 for the row without a 选区).
func (f DistrictFigure) Vacant() int {
	if f.District.ID == 0 {
		return 0
	}
	return max(0, f.District.Seats-f.Row.Deputies)
}

// DistrictSeats sums 应选代表名额 and 缺额 over the districts of a level (ok false when the register has none).
func (d DeputyFigures) DistrictSeats(level string) (seats, vacant int, ok bool) {
	for _, f := range d.ByDistrict {
		if f.District.Level == level && f.District.ID != 0 {
			seats, vacant, ok = seats+f.District.Seats, vacant+f.Vacant(), true
		}
	}
	return seats, vacant, ok
}

// districtFigures fills d.ByDistrict for day: per level (the town's first), every district of the register by
// number, vacant ones included, then the seats of that level held with no district, when there are any. Nothing
// when the register is empty.
func (tx *Tx) districtFigures(d *DeputyFigures, day Date) error {
	districts, err := tx.districts("")
	if err != nil {
		return err
	}
	type key struct {
		level string
		id    int64
	}
	rows := map[key]*DeputyRow{}
	levelHeld, err := tx.seatHeldOn("?1", day) // seatHeld(?1, ?1), the ended terms read once
	if err != nil {
		return err
	}
	if err := collect(tx, `SELECT l.level, coalesce(l.district_id, 0), `+deputyColumnsT6("l.is_new")+`
		FROM deputies d JOIN deputy_levels l ON l.deputy_id = d.id WHERE `+levelHeld+` GROUP BY l.level, l.district_id`,
		[]any{day}, func(s scanner) error {
			var k key
			var r DeputyRow
			err := scanDeputyRow(s, &r, &k.level, &k.id)
			r.Level = k.level
			rows[k] = &r
			return err
		}); err != nil {
		return err
	}
	tags := map[key]map[string]int{}
	ids := map[key][]int64{}
	if err := collect(tx, `SELECT l.level, coalesce(l.district_id, 0), d.id, coalesce((SELECT group_concat(t.tag, char(31))
		FROM deputy_tags t WHERE t.deputy_id = d.id), '')
		FROM deputies d JOIN deputy_levels l ON l.deputy_id = d.id WHERE `+levelHeld+` ORDER BY d.name, d.id`,
		[]any{day}, func(s scanner) error {
			var k key
			var id int64
			var ts string
			if err := s.Scan(&k.level, &k.id, &id, &ts); err != nil {
				return err
			}
			ids[k] = append(ids[k], id)
			if tags[k] == nil {
				tags[k] = map[string]int{}
			}
			if ts != "" {
				for _, t := range strings.Split(ts, "\x1f") {
					tags[k][t]++
				}
			}
			return nil
		}); err != nil {
		return err
	}
	figure := func(dist District) DistrictFigure {
		k := key{dist.Level, dist.ID}
		f := DistrictFigure{District: dist, DeputyIDs: ids[k]}
		if r := rows[k]; r != nil {
			f.Row = *r
		}
		f.Row.Level = dist.Level
		for _, t := range d.All.Tags {
			f.Row.Tags = append(f.Row.Tags, KindCount{t.Name, tags[k][t.Name]})
		}
		return f
	}
	d.ByDistrict = nil
	if len(districts) == 0 {
		return nil // an office that keeps no register: nothing to group by
	}
	levels := []string{LevelTown}
	for _, dist := range districts {
		if !slices.Contains(levels, dist.Level) {
			levels = append(levels, dist.Level)
		}
	}
	for _, l := range levels {
		for _, dist := range districts {
			if dist.Level == l {
				d.ByDistrict = append(d.ByDistrict, figure(dist))
			}
		}
		if rows[key{l, 0}] != nil {
			d.ByDistrict = append(d.ByDistrict, figure(District{Level: l}))
		}
	}
	return nil
}
