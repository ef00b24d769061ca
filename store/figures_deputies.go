package store

import "slices"

// The figures of the deputies holding a seat on the last day of the period (T6): by level, sex, ethnicity, party, age,
// education, composition tag and group.

// DeputyRow describes the deputies of one level, or all of them (T6).
type DeputyRow struct {
	Level       string // a DeputyLevels value; "" for the row of all deputies
	Deputies    int
	Male        int
	Female      int
	Minority    int // ethnicity given and not 汉族
	CPC         int // 中共党员 and 中共预备党员
	Official    int // 职务代表
	NonOfficial int
	New         int         // 新任
	Returning   int         // 连任
	Presidium   int         // 主席团成员
	Ages        [5]int      // by AgeBands, age on the day counted
	Education   [5]int      // by EducationBands
	Tags        []KindCount // by composition tag, in dictionary order (all tags, zero included)
}

// AgeBands are the age bands of T6 (inferred in domain.md; the last counts deputies without a birth month).
var AgeBands = []string{"35岁及以下", "36至45岁", "46至55岁", "56岁及以上", "未填"}

// EducationBands are the education bands of T6 over the education dictionary; the last is 未填/其他.
var EducationBands = []string{"大学及以上", "大专", "高中/中专", "初中及以下", "未填"}

// GroupCount is a deputy group with its deputies in office.
type GroupCount struct {
	GroupID  int64
	Name     string
	Deputies int
}

// DeputyFigures describes the deputies in office on the report date.
type DeputyFigures struct {
	All     DeputyRow   // every deputy in office, each once
	ByLevel []DeputyRow // by DeputyLevels order; only levels someone holds
	ByGroup []GroupCount
	NoGroup int // deputies in office in no group
	Groups  int // deputy groups (代表小组)
	// ByDistrict is the deputies by 选区 with 应选名额 and 缺额 (figures_districts.go); empty without a register.
	ByDistrict []DistrictFigure
}

// deputyColumnsT6 are the sums of a DeputyRow over deputies d in office; ?1 = the day counted (for the age);
// isNew is the SQL of 新任 (a seat's own for a level, personNew for a person).
func deputyColumnsT6(isNew string) string {
	return `count(*), coalesce(sum(d.gender = '男'), 0), coalesce(sum(d.gender = '女'), 0),
	coalesce(sum(d.ethnicity NOT IN ('', '汉族')), 0), coalesce(sum(d.party IN ('中共党员', '中共预备党员')), 0),
	coalesce(sum(d.is_official), 0), coalesce(sum(NOT d.is_official), 0), coalesce(sum(` + isNew + `), 0), coalesce(sum(NOT ` + isNew + `), 0),
	coalesce(sum(EXISTS (SELECT 1 FROM deputy_roles ro WHERE ro.deputy_id = d.id AND ro.role = '主席团成员')), 0),
	coalesce(sum(` + deputyAge + ` <= 35), 0), coalesce(sum(` + deputyAge + ` BETWEEN 36 AND 45), 0),
	coalesce(sum(` + deputyAge + ` BETWEEN 46 AND 55), 0), coalesce(sum(` + deputyAge + ` >= 56), 0), coalesce(sum(length(d.birth) < 7), 0),
	coalesce(sum(d.education IN ('研究生', '大学本科')), 0), coalesce(sum(d.education = '大学专科'), 0),
	coalesce(sum(d.education IN ('高中', '中专')), 0), coalesce(sum(d.education IN ('初中', '小学')), 0),
	coalesce(sum(d.education NOT IN ('研究生', '大学本科', '大学专科', '高中', '中专', '初中', '小学')), 0)`
}

// personNew is 新任 for a person on the day counted: 连任 when any seat held that day (held: seatHeldOn) is 连任
// in its term (a town deputy re-elected is 连任 even if new at the county level), 新任 otherwise.
func personNew(held string) string {
	return `NOT EXISTS (SELECT 1 FROM deputy_levels l WHERE l.deputy_id = d.id AND NOT l.is_new AND ` + held + `)`
}

// deputyAge is the age in whole years on ?1 of a deputy d ('YYYY-MM' birth month; NULL without one, so that
// no age band counts the deputy).
const deputyAge = `(CASE WHEN length(d.birth) >= 7 THEN CAST(substr(?1, 1, 4) AS INTEGER) - CAST(substr(d.birth, 1, 4) AS INTEGER)
	- (substr(?1, 6, 2) < substr(d.birth, 6, 2)) END)`

func scanDeputyRow(s scanner, r *DeputyRow, extra ...any) error {
	dest := append(extra, &r.Deputies, &r.Male, &r.Female, &r.Minority, &r.CPC, &r.Official, &r.NonOfficial, &r.New,
		&r.Returning, &r.Presidium)
	for i := range r.Ages {
		dest = append(dest, &r.Ages[i])
	}
	for i := range r.Education {
		dest = append(dest, &r.Education[i])
	}
	return s.Scan(dest...)
}

// deputyFigures describes the deputies on the roll of the last day counted (f.CountedOn: the period's end, or
// the report date when earlier): all of them, by level, by composition tag and by group. A deputy counts in a
// level when that level's seat is held that day (?1), each level within its own terms (seat.go).
func (tx *Tx) deputyFigures(f *Figures) error {
	day := f.CountedOn()
	// seatHeld(?1, ?1) with the terms followed by a newer one read first (seatHeldOn), not for every seat of
	// every query.
	levelHeld, err := tx.seatHeldOn("?1", day)
	if err != nil {
		return err
	}
	inOffice := `EXISTS (SELECT 1 FROM deputy_levels l WHERE l.deputy_id = d.id AND ` + levelHeld + `)` // deputyHeld(?1, ?1)
	var d DeputyFigures
	if err := scanDeputyRow(tx.QueryRow(`SELECT `+deputyColumnsT6(personNew(levelHeld))+` FROM deputies d WHERE `+inOffice, day), &d.All); err != nil {
		return err
	}
	byLevel := map[string]*DeputyRow{}
	var extra []string
	if err := collect(tx, `SELECT l.level, `+deputyColumnsT6("l.is_new")+` FROM deputies d JOIN deputy_levels l ON l.deputy_id = d.id
		WHERE `+levelHeld+` GROUP BY l.level`, []any{day}, func(s scanner) error {
		var r DeputyRow
		if err := scanDeputyRow(s, &r, &r.Level); err != nil {
			return err
		}
		byLevel[r.Level] = &r
		if !slices.Contains(DeputyLevels, r.Level) {
			extra = append(extra, r.Level)
		}
		return nil
	}); err != nil {
		return err
	}
	tags, err := tx.dict(DictComposition)
	if err != nil {
		return err
	}
	tagCounts := map[[2]string]int{}
	if err := collect(tx, `SELECT '', t.tag, count(*) FROM deputies d JOIN deputy_tags t ON t.deputy_id = d.id WHERE `+inOffice+` GROUP BY t.tag
		UNION ALL SELECT l.level, t.tag, count(*) FROM deputies d JOIN deputy_levels l ON l.deputy_id = d.id
			JOIN deputy_tags t ON t.deputy_id = d.id WHERE `+levelHeld+` GROUP BY l.level, t.tag`, []any{day}, func(s scanner) error {
		var level, tag string
		var n int
		err := s.Scan(&level, &tag, &n)
		tagCounts[[2]string{level, tag}] = n
		if err == nil && !slices.Contains(tags, tag) {
			tags = append(tags, tag)
		}
		return err
	}); err != nil {
		return err
	}
	tagsOf := func(level string) []KindCount {
		out := make([]KindCount, len(tags))
		for i, t := range tags {
			out[i] = KindCount{t, tagCounts[[2]string{level, t}]}
		}
		return out
	}
	d.All.Tags = tagsOf("")
	slices.Sort(extra)
	for _, l := range append(slices.Clone(DeputyLevels), extra...) {
		if r := byLevel[l]; r != nil {
			r.Tags = tagsOf(l)
			d.ByLevel = append(d.ByLevel, *r)
		}
	}
	if err := collect(tx, `SELECT g.id, g.name, count(d.id) FROM deputy_groups g
		LEFT JOIN deputies d ON d.group_id = g.id AND `+inOffice+` GROUP BY g.id ORDER BY g.id`, []any{day}, func(s scanner) error {
		var g GroupCount
		err := s.Scan(&g.GroupID, &g.Name, &g.Deputies)
		d.ByGroup = append(d.ByGroup, g)
		return err
	}); err != nil {
		return err
	}
	d.Groups = len(d.ByGroup)
	if err := tx.QueryRow(`SELECT count(*) FROM deputies d WHERE d.group_id IS NULL AND `+inOffice, day).Scan(&d.NoGroup); err != nil {
		return err
	}
	if err := tx.districtFigures(&d, day); err != nil {
		return err
	}
	f.Deputies = d
	return nil
}
