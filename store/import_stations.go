package store

import (
	"slices"
)

// Planning a row of a stations sheet: its village, its deputies, and the station of the same name it updates.

func (pl *planner) station(r *rowPlan, in *ImportRow) error {
	var s Station
	if in.Station != nil {
		s = *in.Station
	}
	s.Name = cleanName(s.Name)
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
			r.failRef("名称", first, "「%s」与第%d行重复", s.Name, first)
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
