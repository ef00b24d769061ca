package store

import (
	"fmt"
	"strings"
)

// Planning a row of a 整改事项 sheet (issue 17): its responsible unit from the 承办单位 register, its source and
// phase, and the item of the same text and unit it updates. An imported item starts 未整改; its steps are taken
// in the window, where each is dated and recorded.

// rectKey is how an item is matched: its text and its unit.
func rectKey(text string, unitID int64) string {
	return strings.Join(strings.Fields(text), "") + "\x00" + fmt.Sprint(unitID)
}

// loadRectifications reads the saved items' keys and the units they name.
func (idx *importIndex) loadRectifications(tx *Tx) error {
	idx.rects = map[string]int64{}
	if err := collect(tx, `SELECT id, name FROM units`, nil, func(s scanner) error {
		var id int64
		var name string
		err := s.Scan(&id, &name)
		idx.units[name] = id
		return err
	}); err != nil {
		return err
	}
	return collect(tx, `SELECT id, text, unit_id FROM rectifications ORDER BY id`, nil, func(s scanner) error {
		var id, unit int64
		var text string
		err := s.Scan(&id, &text, &unit)
		idx.rects[rectKey(text, unit)] = id
		return err
	})
}

func (pl *planner) rectification(r *rowPlan, in *ImportRow) error {
	var x Rectification
	if in.Rectification != nil {
		x = *in.Rectification
	}
	x.Text = strings.TrimSpace(x.Text)
	r.Label = rectLabel(x.Text)
	if names := in.Names["责任单位"]; len(names) > 0 {
		if id, ok := pl.idx.units[names[0]]; ok {
			x.UnitID = id
			r.given["责任单位"] = true
		} else {
			r.fail("责任单位", "「%s」不在承办单位名册中，请先在「设置→承办单位」中添加", names[0])
		}
	}
	if x.Source == "" && !r.given["来源"] {
		x.Source = RectFromOther
	}
	if x.Raised == "" && !r.given["提出日期"] {
		x.Raised = DateOf(pl.tx.now)
	}
	if x.Text != "" && x.UnitID != 0 {
		key := rectKey(x.Text, x.UnitID)
		if first, ok := pl.seen["rect\x00"+key]; ok {
			r.failRef("整改事项", first, "与第%d行的整改事项和责任单位相同", first)
		} else {
			pl.seen["rect\x00"+key] = r.Line
			if id, ok := pl.idx.rects[key]; ok {
				r.ExistingID, r.Existing, r.Match = id, rectLabel(x.Text), "整改事项和责任单位相同"
			}
		}
	}
	rec, before := x, Rectification{}
	if r.ExistingID != 0 {
		old, err := pl.tx.rectification(r.ExistingID)
		if err != nil {
			return err
		}
		before = old
		mergeGiven(&old, &x, r.given)
		rec = old
	}
	if err := rec.Validate(); err != nil {
		r.failErr(err)
	}
	if rec.Raised > DateOf(pl.tx.now) {
		r.fail("提出日期", "(%s)不能晚于今天", rec.Raised.Chinese())
	}
	if r.ExistingID != 0 {
		r.Changes = pl.changes(&before, &rec)
	}
	r.Rectification = &rec
	return nil
}
