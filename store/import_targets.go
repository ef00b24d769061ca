package store

import (
	"fmt"
	"slices"
	"strings"
)

// Planning a row of a 评议对象 sheet (issue 17): the targets of one 评议活动 (ImportSheet.CampaignID) with their
// 测评 counts, as the office's list of units to evaluate or the 计票 sheet of the 述职测评 meeting gives them.
// A row names a unit of the 承办单位 register, or an official (a name with 职务). A unit not in the register
// is refused, as in the 整改事项 sheet: a misspelt 「乡财政所」 added silently would be a second unit that the
// 整改, 办理 and figures never join up with; the clerk adds a truly new unit in 设置 → 承办单位 first. A row
// naming a target the campaign already has updates its counts (the clerk's choice for duplicates).

// CategoryLeader is the 类别 of an official evaluated by name (分管领导), as the window gives one it adds.
const CategoryLeader = "分管领导"

// targetIndex is what a targets sheet is planned against: the campaign, the register's units and the
// campaign's targets by who they are.
type targetIndex struct {
	campaign EvalCampaign
	units    map[string]int64
	targets  map[string]EvalTarget
}

// targetKey is how a target is matched: its unit, or the official's name and post.
func targetKey(t EvalTarget) string {
	if t.UnitID != 0 {
		return fmt.Sprintf("u%d", t.UnitID)
	}
	return "p" + t.Person + "\x00" + t.Post
}

// targetIndex reads, once a sheet, the campaign the sheet's targets go to.
func (pl *planner) targetIndex() (*targetIndex, error) {
	if pl.targets != nil {
		return pl.targets, nil
	}
	c, err := pl.tx.evalCampaign(pl.sheet.CampaignID)
	if err != nil {
		return nil, err
	}
	ti := &targetIndex{campaign: c, units: map[string]int64{}, targets: map[string]EvalTarget{}}
	if err := collect(pl.tx, `SELECT id, name FROM units`, nil, func(s scanner) error {
		var id int64
		var name string
		err := s.Scan(&id, &name)
		ti.units[name] = id
		return err
	}); err != nil {
		return nil, err
	}
	ts, err := pl.tx.evalTargets(c.ID)
	if err != nil {
		return nil, err
	}
	for _, t := range ts {
		ti.targets[targetKey(t)] = t
	}
	pl.targets = ti
	return ti, nil
}

func (pl *planner) evalTarget(r *rowPlan, in *ImportRow) error {
	ti, err := pl.targetIndex()
	if err != nil {
		return err
	}
	var x EvalTarget
	if in.EvalTarget != nil {
		x = *in.EvalTarget
	}
	x.Person, x.Post = cleanName(x.Person), strings.TrimSpace(x.Post)
	if names := in.Names["被评议单位"]; len(names) > 0 {
		name := names[0]
		switch id, ok := ti.units[name]; {
		case ok:
			x.UnitID, x.UnitName = id, name
			r.given["被评议单位"] = true
		case x.Person == "" && (x.Post != "" || x.Category == CategoryLeader):
			x.Person = cleanName(name) // an official: 张三 with 职务 分管农业副镇长
			r.given["被评议人员"] = true
		default:
			r.fail("被评议单位", "「%s」不在承办单位名册中：评议单位时请先在「设置→承办单位」中添加(或改用名册中的名称)；"+
				"评议人员时请填写「职务」", name)
		}
	}
	if x.UnitID == 0 && x.Person == "" && !r.flagged["被评议单位"] {
		r.fail("被评议单位", "不能为空：填写承办单位名册中的单位，或被评议人员的姓名和职务")
	}
	r.Label = x.Name()
	if x.UnitID == 0 && x.Person != "" && x.Category == "" && !r.given["类别"] {
		x.Category = CategoryLeader // as the window adds an official
	}
	if x.Category != "" && !slices.Contains(EvalCategories, x.Category) {
		r.fail("类别", "「%s」应是%s之一", x.Category, strings.Join(EvalCategories, "、"))
	}
	if x.ReportDate == "" && !r.given["述职日期"] {
		x.ReportDate = ti.campaign.EvalDate
	}
	x.CampaignID = ti.campaign.ID
	rec, before := x, EvalTarget{}
	if x.UnitID != 0 || x.Person != "" {
		key := targetKey(x)
		if first, ok := pl.seen["target\x00"+key]; ok {
			r.failRef("被评议单位", first, "与第%d行是同一评议对象", first)
		} else {
			pl.seen["target\x00"+key] = r.Line
			if old, ok := ti.targets[key]; ok {
				r.ExistingID, r.Existing, r.Match = old.ID, old.Name(), "本评议活动已有这个评议对象"
				before = old
				rec = old
				mergeGiven(&rec, &x, r.given)
			}
		}
	}
	var ck checker
	rec.validate(&ck, "", ti.campaign.Scale)
	if err := ck.result(); err != nil {
		r.failErr(err)
	}
	if r.ExistingID != 0 {
		r.Changes = pl.changes(&before, &rec)
	}
	r.EvalTarget = &rec
	return nil
}

// importEvalTarget adds t to its campaign's targets, or puts it in place of the target of its ID, through
// saveEvalTargets: the whole list is checked again and the history records what changed.
func (tx *Tx) importEvalTarget(t EvalTarget) error {
	ts, err := tx.evalTargets(t.CampaignID)
	if err != nil {
		return err
	}
	if i := slices.IndexFunc(ts, func(o EvalTarget) bool { return o.ID == t.ID }); t.ID != 0 && i >= 0 {
		ts[i] = t
	} else {
		t.ID = 0
		ts = append(ts, t)
	}
	return tx.saveEvalTargets(t.CampaignID, ts)
}
