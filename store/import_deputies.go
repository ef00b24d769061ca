package store

import (
	"slices"
	"strings"
)

// Planning a row of a deputies sheet: its dictionary values and references, and whether the file or the
// database already has the deputy (the same name, told apart by the birth month and the phone number).

func (pl *planner) deputy(r *rowPlan, in *ImportRow) error {
	var d Deputy
	if in.Deputy != nil {
		d = *in.Deputy
	}
	d.Name = cleanName(d.Name)
	r.Label = d.Name
	pl.dictValue(r, DictEthnicity, "民族", &d.Ethnicity)
	pl.dictValue(r, DictParty, "政治面貌", &d.Party)
	pl.dictValue(r, DictEducation, "文化程度", &d.Education)
	pl.dictValue(r, DictVillage, "所在村(居)", &d.Village)
	pl.dictList(r, DictComposition, "代表构成", d.Tags)
	pl.dictList(r, DictRole, "职务角色", d.Roles)
	if names := in.Names["届次"]; len(names) > 0 {
		if t, ok := pl.term(names[0]); ok {
			d.TermID = t.ID
			r.given["届次"] = true
		} else {
			r.fail("届次", "「%s」不存在，请先在设置中添加届次", names[0])
		}
	}
	if names := in.Names["代表小组"]; len(names) > 0 {
		if g, ok := pl.group(names[0]); ok {
			d.GroupID = g.ID
			r.given["代表小组"] = true
		} else {
			r.fail("代表小组", "「%s」不存在(现有%s)；请改正，或先在设置中添加这个小组", names[0], pl.groupNames())
		}
	}
	if names := in.Names["进站"]; len(names) > 0 {
		d.StationIDs = nil
		var missing []string
		for _, n := range names {
			if id, ok := pl.idx.stations[n]; ok {
				if !slices.Contains(d.StationIDs, id) {
					d.StationIDs = append(d.StationIDs, id)
				}
			} else {
				missing = append(missing, n)
			}
		}
		if len(missing) > 0 {
			r.warn("进站", "联络站「%s」不存在，未设置这些进站；可先导入联络站，再在联络站的「进站代表」中补上", strings.Join(missing, "、"))
		}
		r.given["进站"] = len(d.StationIDs) > 0
	}

	// Likely duplicates: in the file first, then in the database.
	if line, ok := pl.fileDuplicateDeputy(d, r.Line); ok {
		r.failRef("姓名", line, "「%s」与第%d行重复；如确是两位同名代表，请分别填写出生年月", d.Name, line)
	} else if d.Name != "" {
		if err := pl.matchDeputy(r, d); err != nil {
			return err
		}
	}

	rec, before := d, Deputy{}
	if r.ExistingID != 0 {
		old, err := pl.tx.deputy(r.ExistingID)
		if err != nil {
			return err
		}
		before = old
		mergeGiven(&old, &d, r.given)
		rec = old
	} else {
		if len(rec.Levels) == 0 {
			rec.Levels = []string{LevelTown}
			if pl.named["代表层级"] && !r.flagged["代表层级"] {
				r.warn("代表层级", "未填写，按镇级代表导入")
			}
		}
		if rec.TermID == 0 && !r.flagged["届次"] {
			if t, ok := pl.currentTerm(); ok {
				rec.TermID = t.ID
			}
		}
	}
	if err := rec.Validate(); err != nil {
		r.failErr(err)
	}
	if err := pl.seatDefaults(r, &rec); err != nil {
		return err
	}
	if r.ExistingID != 0 {
		r.Changes = pl.changes(&before, &rec)
	}
	r.Deputy = &rec
	return nil
}

// seatDefaults dates the levels the row leaves without a 当选日期 as saving will (seat.go), so that the preview
// shows the day each level is counted from; a new deputy's empty cell is pointed out, as a by-election's date
// belongs there.
func (pl *planner) seatDefaults(r *rowPlan, d *Deputy) error {
	var start Date
	for i, st := range d.Seats {
		if st.Start != "" {
			continue
		}
		if start == "" {
			var err error
			if start, err = pl.tx.defaultSeatStart(d.TermID); err != nil {
				return err
			}
		}
		d.Seats[i].Start = start
	}
	if start != "" && r.ExistingID == 0 && pl.named["当选日期"] && !r.flagged["当选日期"] {
		r.warn("当选日期", "未填写，按%s计；补选的代表请填写补选日期", start.Chinese())
	}
	return nil
}

// fileDuplicateDeputy finds an earlier row of the file with the same name whose birth month does not tell
// the two apart, and remembers this row for the rows after it.
func (pl *planner) fileDuplicateDeputy(d Deputy, line int) (int, bool) {
	if d.Name == "" {
		return 0, false
	}
	birth := normBirth(d.Birth)
	for _, o := range pl.deputies[d.Name] {
		if o.birth == "" || birth == "" || o.birth == birth {
			return o.line, true
		}
	}
	pl.deputies[d.Name] = append(pl.deputies[d.Name], seenDeputy{line, birth})
	return 0, false
}

// seenDeputy is a row of the file already planned.
type seenDeputy struct {
	line  int
	birth string
}

func normBirth(s string) string {
	ym, err := ParseYearMonth(s)
	if err != nil {
		return ""
	}
	return ym
}

func phoneDigits(p string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, p)
}

// matchDeputy looks for the deputy in the database. A township rarely has two deputies of the same name, so
// the same name is taken as the same person unless the birth months differ; when several deputies share
// the name, the birth month and then the phone number choose between them.
func (pl *planner) matchDeputy(r *rowPlan, d Deputy) error {
	var cands []deputyRef
	birth, phone := normBirth(d.Birth), phoneDigits(d.Phone)
	for _, i := range pl.idx.byName[d.Name] {
		x := pl.idx.deputies[i]
		if birth != "" && x.birth != "" && x.birth != birth {
			continue // a namesake
		}
		cands = append(cands, x)
	}
	if len(cands) > 1 && phone != "" {
		var same []deputyRef
		for _, x := range cands {
			if phoneDigits(x.phone) == phone {
				same = append(same, x)
			}
		}
		if len(same) > 0 {
			cands = same
		}
	}
	if len(cands) > 1 && birth != "" {
		var same []deputyRef
		for _, x := range cands {
			if x.birth == birth {
				same = append(same, x)
			}
		}
		if len(same) > 0 {
			cands = same
		}
	}
	switch len(cands) {
	case 0:
		if n := len(pl.idx.byName[d.Name]); n > 0 {
			r.warn("姓名", "已有%d位同名代表「%s」，但出生年月不同，将作为另一位代表新增", n, d.Name)
		}
		return nil
	case 1:
	default:
		var labels []string
		for _, x := range cands {
			labels = append(labels, DeputyLabel(x.name, x.group, x.status))
		}
		r.fail("姓名", "已有%d位同名代表(%s)，无法确定是哪一位；请填写出生年月或联系电话以区分", len(cands), strings.Join(labels, "、"))
		return nil
	}
	x := cands[0]
	switch {
	case birth != "" && x.birth == birth:
		r.Match = "姓名和出生年月相同"
	case phone != "" && phoneDigits(x.phone) == phone:
		r.Match = "姓名和联系电话相同"
	default:
		if x.status != DeputyActive {
			// A name alone says little about someone no longer in office (出缺, a former term): a new
			// deputy of that name is more likely than the old one back, and updating would overwrite them.
			r.warn("姓名", "已有同名的%s，但不在任，本行将作为另一位代表新增；如是同一人，请填写出生年月或联系电话",
				DeputyLabel(x.name, x.group, x.status))
			return nil
		}
		r.Match = "同名"
	}
	if first, ok := pl.claimed[x.id]; ok {
		r.failRef("姓名", first, "与第%d行对应同一位已有代表「%s」，请只保留一行", first, x.name)
		return nil
	}
	pl.claimed[x.id] = r.Line
	r.ExistingID, r.Existing = x.id, DeputyLabel(x.name, x.group, x.status)
	return nil
}
