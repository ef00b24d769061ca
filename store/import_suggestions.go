package store

import (
	"fmt"
	"strings"
)

// Planning a row of a suggestions sheet: the records it names, the assignment it gives, the item it duplicates
// (by number, or by title, proposer and date received) and the defaults of a new item.

func (pl *planner) suggestion(r *rowPlan, in *ImportRow) error {
	var s Suggestion
	if in.Suggestion != nil {
		s = *in.Suggestion
	}
	s.Number, s.Title = cleanName(s.Number), cleanName(s.Title)
	r.Label = suggestionLabel(s.Number, s.Title)
	pl.dictValue(r, DictSource, "来源", &s.Source)
	pl.dictValue(r, DictCategory, "类别", &s.Category)
	ref := func(label string, resolve func(string) (int64, error), set func(int64)) {
		names := in.Names[label]
		if len(names) == 0 {
			return
		}
		id, err := resolve(names[0])
		if err != nil {
			r.fail(label, "%s", err.Error())
			return
		}
		set(id)
		r.given[label] = true
	}
	ref("人代会", pl.session, func(id int64) { s.SessionID = id })
	if r.given["人代会"] && !r.given["提出时段"] {
		s.Period, r.given["提出时段"] = PeriodSession, true // a session named means it was raised there
	}
	ref("来源活动", pl.meeting, func(id int64) { s.SourceMeetingID = id })
	ref("来源联络站", func(n string) (int64, error) {
		if id, ok := pl.idx.stations[n]; ok {
			return id, nil
		}
		return 0, fmt.Errorf("联络站「%s」不存在", n)
	}, func(id int64) { s.StationID = id })
	ref("领衔代表", pl.deputyByName, func(id int64) { s.LeadDeputyID = id })
	if names := in.Names["联名代表"]; len(names) > 0 {
		s.CosignerIDs = nil
		for _, n := range names {
			id, err := pl.deputyByName(n)
			if err != nil {
				r.fail("联名代表", "%s", err.Error())
				continue
			}
			s.CosignerIDs = append(s.CosignerIDs, id)
		}
		r.given["联名代表"] = true
	}
	var assign *AssignInput
	if names := in.Names["主办单位"]; len(names) > 0 || in.Given["交办日期"] {
		assign = &AssignInput{Date: s.Assigned, Deadline: s.Deadline}
		if len(names) == 0 {
			r.fail("主办单位", "填写了交办日期时不能为空")
		} else if id, ok := pl.idx.units[names[0]]; ok {
			assign.MainUnitID = id
		} else {
			r.fail("主办单位", "「%s」不存在，请先在设置的「承办单位」中添加", names[0])
		}
		for _, n := range in.Names["协办单位"] {
			if id, ok := pl.idx.units[n]; ok {
				assign.AssistUnitIDs = append(assign.AssistUnitIDs, id)
			} else {
				r.fail("协办单位", "「%s」不存在，请先在设置的「承办单位」中添加", n)
			}
		}
		if s.Assigned == "" && !r.flagged["交办日期"] && len(names) > 0 {
			r.fail("交办日期", "填写了主办单位时不能为空")
		}
	} else if len(in.Names["协办单位"]) > 0 {
		r.fail("主办单位", "填写了协办单位时不能为空")
	}
	s.Assigned, s.Deadline = "", ""

	if err := pl.matchSuggestion(r, s); err != nil {
		return err
	}
	rec, before := s, Suggestion{}
	if r.ExistingID != 0 {
		old, err := pl.tx.suggestion(r.ExistingID)
		if err != nil {
			return err
		}
		before = old
		mergeGiven(&old, &s, r.given)
		rec = old
		if assign != nil && old.State != StatePending {
			r.warn("主办单位", "这件建议已经交办(%s)，主办单位和交办日期未改动", old.State)
			assign = nil
		}
	} else {
		pl.suggestionDefaults(r, &rec)
	}
	if err := rec.Validate(); err != nil {
		r.failErr(err)
	}
	if r.ExistingID != 0 {
		r.Changes = pl.changes(&before, &rec)
	}
	r.Suggestion = &rec
	r.assign = assign
	return nil
}

func suggestionLabel(number, title string) string {
	if t := []rune(title); len(t) > 40 {
		title = string(t[:40]) + "…"
	}
	return strings.TrimSpace(number + " " + title)
}

// suggestionDefaults fills what a new item needs and the file left empty: the kind from who raised it, the
// period from the session, the source from the kind. Each default is said in a warning.
func (pl *planner) suggestionDefaults(r *rowPlan, s *Suggestion) {
	if s.Kind == "" && !r.flagged["类型"] {
		s.Kind = KindSuggestion
		if s.LeadDeputyID == 0 && s.VoterName != "" {
			s.Kind = KindVoter
		}
		if pl.named["类型"] {
			r.warn("类型", "未填写，按「%s」导入", s.Kind)
		}
	}
	if s.Period == "" && !r.flagged["提出时段"] {
		s.Period = PeriodRecess
		if s.SessionID != 0 {
			s.Period = PeriodSession
		}
		if pl.named["提出时段"] {
			r.warn("提出时段", "未填写，按「%s」导入", s.Period)
		}
	}
	if s.Source == "" && !r.flagged["来源"] {
		s.Source = SourceOfKind(s.Kind)
		if pl.named["来源"] {
			r.warn("来源", "未填写，按「%s」导入", s.Source)
		}
	}
}

// matchSuggestion finds the item in the file and in the database: by number, or by title, proposer and
// date received. A number already used by a different item is an error, never an update of that item.
func (pl *planner) matchSuggestion(r *rowPlan, s Suggestion) error {
	if s.Number != "" {
		if first, ok := pl.seen["number\x00"+s.Number]; ok {
			r.failRef("编号", first, "「%s」与第%d行重复", s.Number, first)
			return nil
		}
		pl.seen["number\x00"+s.Number] = r.Line
	}
	key := ""
	if s.Title != "" && s.Received != "" && (s.LeadDeputyID != 0 || s.VoterName != "") && !r.flagged["领衔代表"] {
		key = itemKey(s.Title, s.LeadDeputyID, s.VoterName, s.Received)
		if first, ok := pl.seen["item\x00"+key]; ok {
			r.failRef("标题", first, "与第%d行是同一件建议(标题、提出人和收到日期都相同)，请只保留一行", first)
			return nil
		}
		pl.seen["item\x00"+key] = r.Line
	}
	var match suggestionRef
	if old, ok := pl.idx.numbers[s.Number]; ok && s.Number != "" {
		same := normTitle(old.title) == normTitle(s.Title) ||
			(s.Received != "" && old.received == s.Received && (s.LeadDeputyID != 0 && old.lead == s.LeadDeputyID || s.VoterName != "" && old.voter == s.VoterName))
		if !same {
			r.fail("编号", "「%s」已被另一件建议「%s」使用；请改用其他编号，或清空编号由系统自动编号", s.Number, old.title)
			return nil
		}
		match, r.Match = old, "编号相同"
	} else if key != "" {
		if olds := pl.idx.items[key]; len(olds) > 0 {
			match, r.Match = olds[0], "标题、提出人和收到日期相同"
		}
	}
	if match.id == 0 {
		return nil
	}
	if first, ok := pl.claimed[match.id]; ok {
		r.failRef("编号", first, "与第%d行对应同一件已有建议「%s」，请只保留一行", first, match.number)
		return nil
	}
	pl.claimed[match.id] = r.Line
	r.ExistingID, r.Existing = match.id, suggestionLabel(match.number, match.title)
	return nil
}

func normTitle(s string) string { return strings.Join(strings.Fields(s), "") }
