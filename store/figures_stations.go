package store

import "slices"

// The figures of the stations (家站点) in use on the report date: by type, with 「六个有」 compliance.

// StationTypeCount is the stations of one type and how many meet all of 「六个有」.
type StationTypeCount struct {
	Type     string
	Stations int
	SixHaves int
}

// StationFigures describes the stations in use on the report date.
type StationFigures struct {
	Total        int
	SixHaves     int                // stations meeting all six items of 「六个有」
	SixHavesRate Rate               // SixHaves / Total
	ByType       []StationTypeCount // StationTypes order, zero included
	Building     int                // 筹建
}

// stationCounted is the rule for a station the figures count on a day (the one argument): in use and opened
// by then; prefix qualifies the columns ("s.").
func stationCounted(prefix string) string {
	return prefix + "status = '在用' AND (" + prefix + "opened IS NULL OR " + prefix + "opened = '' OR " + prefix + "opened <= ?)"
}

// stationFigures counts the stations in use on AsOf by type, with their 「六个有」 compliance.
func (tx *Tx) stationFigures(f *Figures) error {
	var st StationFigures
	byType := map[string]StationTypeCount{}
	var extra []string
	if err := collect(tx, `SELECT type, count(*), coalesce(sum(has_place AND has_sign AND has_info AND has_rules AND has_plan AND has_ledger), 0)
		FROM stations WHERE `+stationCounted("")+` GROUP BY type`, []any{f.AsOf}, func(s scanner) error {
		var c StationTypeCount
		err := s.Scan(&c.Type, &c.Stations, &c.SixHaves)
		byType[c.Type] = c
		st.Total += c.Stations
		st.SixHaves += c.SixHaves
		if !slices.Contains(StationTypes, c.Type) {
			extra = append(extra, c.Type)
		}
		return err
	}); err != nil {
		return err
	}
	slices.Sort(extra)
	for _, t := range append(slices.Clone(StationTypes), extra...) {
		c := byType[t]
		c.Type = t
		st.ByType = append(st.ByType, c)
	}
	st.SixHavesRate = Rate{st.SixHaves, st.Total}
	if err := tx.QueryRow(`SELECT count(*) FROM stations WHERE status = '筹建'`).Scan(&st.Building); err != nil {
		return err
	}
	f.Stations = st
	return nil
}
