package store

import (
	"slices"
	"strings"
)

// The figures of the stations (家站点) on the day the figures count (Figures.CountedOn): by type, with
// 「六个有」 compliance; and T9's rows, each station's work in the period (ReportStation).

// StationTypeCount is the stations of one type and how many meet all of 「六个有」.
type StationTypeCount struct {
	Type     string
	Stations int
	SixHaves int
}

// StationFigures describes the stations in use on the day counted.
type StationFigures struct {
	Total        int
	SixHaves     int                // stations meeting all six items of 「六个有」
	SixHavesRate Rate               // SixHaves / Total
	ByType       []StationTypeCount // StationTypes order, zero included
	Building     int                // 筹建 on the day counted
}

// stationStatusOn is the SQL expression of the status of station <prefix> on day (an SQL expression). A status
// has no date of its own, so the history stands in for one: a status changed in the program after the day
// was, on the day, the old value of the first such change ("状态: 在用 → 撤销" read back as 在用); without a
// later change it is the status today. A status changed outside the program (no history) reads as today's.
func stationStatusOn(prefix, day string) string {
	var cases []string
	for _, s := range StationStatuses {
		cases = append(cases, `WHEN instr(char(10) || h.changes, char(10) || '状态: `+s+` → ') > 0 THEN '`+s+`'`)
	}
	return `coalesce((SELECT CASE ` + strings.Join(cases, " ") + ` END FROM history h
		WHERE h.entity = 'station' AND h.entity_id = ` + prefix + `id AND h.action = '` + ActionUpdate + `'
			AND substr(h.at, 1, 10) > ` + day + ` AND instr(char(10) || h.changes, char(10) || '状态: ') > 0
		ORDER BY h.id LIMIT 1), ` + prefix + `status)`
}

// stationCountedOn is THE condition for station <prefix> counting on day (an SQL expression): in use (在用) on
// that day by stationStatusOn, and opened on or before it (or with no opening date recorded).
func stationCountedOn(prefix, day string) string {
	return `(` + stationStatusOn(prefix, day) + ` = '在用' AND (` + prefix + `opened IS NULL OR ` + prefix + `opened = '' OR ` +
		prefix + `opened <= ` + day + `))`
}

// stationCounted is stationCountedOn with the day as its one positional argument; prefix qualifies the
// columns and must name the table ("s."), since the history's own id would otherwise be read.
func stationCounted(prefix string) string {
	return `EXISTS (SELECT 1 FROM (SELECT ? AS day) sd WHERE ` + stationCountedOn(prefix, "sd.day") + `)`
}

// stationFigures counts the stations in use on the day counted by type, with their 「六个有」 compliance.
func (tx *Tx) stationFigures(f *Figures) error {
	var st StationFigures
	byType := map[string]StationTypeCount{}
	var extra []string
	day := f.CountedOn()
	if err := collect(tx, `SELECT s.type, count(*), coalesce(sum(s.has_place AND s.has_sign AND s.has_info AND s.has_rules AND s.has_plan AND s.has_ledger), 0)
		FROM stations s WHERE `+stationCountedOn("s.", "?1")+` GROUP BY s.type`, []any{day}, func(s scanner) error {
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
	if err := tx.QueryRow(`SELECT count(*) FROM stations s WHERE `+stationStatusOn("s.", "?1")+` = '筹建'`, day).Scan(&st.Building); err != nil {
		return err
	}
	f.Stations = st
	return nil
}

// ReportStation is one row of T9: a station with its status on the day counted and its work in the period —
// the receptions and voters of the window (the same window as Figures.Receptions and ReceptionVoters), the
// suggestions it collected (received in the window with the station as their origin) and how many of those
// were replied by the report date (the figures' 答复, figureRows).
type ReportStation struct {
	Station    Station // as recorded today (its Receptions and Voters are of all time: T9 does not print them)
	StatusOn   string  // the status on the day counted (stationStatusOn)
	Counted    bool    // counted in Figures.Stations that day
	Receptions int     // receptions in the window
	Voters     int     // voters received at them (人次)
	Collected  int     // suggestions collected at the station, received in the window (条)
	Handled    int     // of which replied by the report date
}

// reportStations lists T9's stations: those counted on the day counted, and any other with receptions or
// collected suggestions in the window (a station closed since the period's work), so that T9's sums are the
// period's figures. Ordered as the station list orders them: by type, then name.
func (tx *Tx) reportStations(f Figures) ([]ReportStation, error) {
	var out []ReportStation
	// ?1 AsOf, ?2 From, ?3 the last day counted (the window's end and the day the stations count on).
	err := collect(tx, `WITH rc AS (SELECT station_id, count(*) AS n, coalesce(sum(voters), 0) AS v FROM receptions
			WHERE date BETWEEN ?2 AND ?3 GROUP BY station_id),
		sg AS (SELECT s.station_id, count(*) AS n, coalesce(sum(x.replied), 0) AS h FROM (`+figureRows+`) x
			JOIN suggestions s ON s.id = x.id WHERE s.station_id IS NOT NULL GROUP BY s.station_id)
		SELECT `+stationColumns+`, `+stationStatusOn("s.", "?3")+`, `+stationCountedOn("s.", "?3")+`,
			coalesce(rc.n, 0), coalesce(rc.v, 0), coalesce(sg.n, 0), coalesce(sg.h, 0)
		FROM stations s LEFT JOIN rc ON rc.station_id = s.id LEFT JOIN sg ON sg.station_id = s.id
		WHERE `+stationCountedOn("s.", "?3")+` OR rc.n > 0 OR sg.n > 0
		ORDER BY CASE s.type WHEN '代表之家' THEN 1 WHEN '代表联络站' THEN 2 WHEN '代表联系点' THEN 3 ELSE 4 END, s.name, s.id`,
		[]any{f.AsOf, f.From, f.last()}, func(sc scanner) error {
			var r ReportStation
			var err error
			r.Station, err = scanStation(sc, &r.StatusOn, &r.Counted, &r.Receptions, &r.Voters, &r.Collected, &r.Handled)
			out = append(out, r)
			return err
		})
	return out, err
}
