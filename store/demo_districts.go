package store

// writeDistricts fills the 选区 register from the generated deputies (issue 16): each town district their
// records name, with the villages its deputies live in and a seat for each town deputy elected there, so
// that the seats of the deputies who left during the term show as vacant; the town seats point at it.
func (g *demoGen) writeDistricts(w *demoWriter, created string) {
	w.exec(`INSERT INTO districts (level, number, villages, seats, voters, created_at, updated_at)
		SELECT '镇级', CAST(substr(d.district, 2, length(d.district) - 3) AS INTEGER), group_concat(DISTINCT d.village), min(99, count(*)),
			800 + 37 * count(*) * CAST(substr(d.district, 2, length(d.district) - 3) AS INTEGER) % 900, ?, ?
		FROM deputies d JOIN deputy_levels l ON l.deputy_id = d.id AND l.level = '镇级'
		WHERE d.district LIKE '第%选区' GROUP BY d.district`, created, created)
	w.exec(`UPDATE deputy_levels SET district_id = (SELECT ds.id FROM deputies d JOIN districts ds ON ds.level = '镇级'
		AND '第' || ds.number || '选区' = d.district WHERE d.id = deputy_levels.deputy_id) WHERE level = '镇级'`)
}
