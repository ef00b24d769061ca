package store

import (
	"slices"
	"strings"
)

// Planning a row of a 信访登记台账 (issue 18): the case's registration, and how far its handling got — 转办 to a
// unit, the unit's 答复, 反馈信访人, 办结 — which the import takes as the window's steps would, each dated from the
// row, so that the timeline, the deadlines and the history read as if the clerk had entered them one by one.
//
// A row is the same case as a saved one when it has the same 编号, or, without a 编号, the same 收到日期, 来源渠道,
// 信访人 and 事由 (petitionKey): importing the same ledger twice finds every row a duplicate and writes nothing new.
// An update changes the registration fields the row fills and takes the handling steps the saved case has not
// yet taken; it never undoes a step.

// petitionKey is how a row without a number is matched: the day, the channel, the petitioner and the subject.
func petitionKey(received Date, channel, petitioner, subject string) string {
	squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
	return strings.Join([]string{string(received), channel, squeeze(petitioner), squeeze(subject)}, "\x00")
}

// petitionRefs are the saved cases an import matches rows against.
type petitionRefs struct {
	byNumber map[string]int64
	byKey    map[string]int64
}

// loadPetitions reads the saved cases' numbers and keys and the units they may be referred to.
func (idx *importIndex) loadPetitions(tx *Tx) error {
	idx.petitions = petitionRefs{byNumber: map[string]int64{}, byKey: map[string]int64{}}
	if err := collect(tx, `SELECT id, name FROM units`, nil, func(s scanner) error {
		var id int64
		var name string
		err := s.Scan(&id, &name)
		idx.units[name] = id
		return err
	}); err != nil {
		return err
	}
	return collect(tx, `SELECT id, number, received, channel, petitioner, subject FROM petitions ORDER BY id`, nil, func(s scanner) error {
		var id int64
		var number, channel, petitioner, subject string
		var received Date
		if err := s.Scan(&id, &number, &received, &channel, &petitioner, &subject); err != nil {
			return err
		}
		idx.petitions.byNumber[number] = id
		if k := petitionKey(received, channel, petitioner, subject); idx.petitions.byKey[k] == 0 {
			idx.petitions.byKey[k] = id
		}
		return nil
	})
}

// NormChannel returns the channel a clerk meant by v (信, 来信 → 来信; 走访, 上访 → 来访; 批转 → 上级人大批转 …);
// a word it does not know comes back as written, for Validate to name.
func NormChannel(v string) string {
	v = strings.TrimSpace(v)
	switch v {
	case "信", "信件", "群众来信", "写信", "来信件":
		return ChannelLetter
	case "访", "走访", "上访", "群众来访", "来访件", "到访":
		return ChannelVisit
	case "信箱", "代表意见箱", "意见箱":
		return ChannelMailbox
	case "接待", "代表接待日", "主席接待日", "接待日来访":
		return ChannelDay
	case "联络站", "家站点", "代表联络站", "代表工作站", "站点":
		return ChannelStation
	case "批转", "上级批转", "县人大批转", "上级交办", "上级转办", "县人大常委会批转":
		return ChannelReferral
	}
	return v
}

func (pl *planner) petition(r *rowPlan, in *ImportRow) error {
	var x Petition
	if in.Petition != nil {
		x = *in.Petition
	}
	// The handling columns as read; the registration fields are what the rest of the row plans.
	h := Petition{UnitName: cleanName(x.UnitName), Responsible: cleanName(x.Responsible), Referred: x.Referred,
		Deadline: x.Deadline, Reply: strings.TrimSpace(x.Reply), Replied: x.Replied, Feedback: x.Feedback,
		FeedbackHow: strings.TrimSpace(x.FeedbackHow), Closed: x.Closed, State: strings.TrimSpace(x.State)}
	x.UnitName, x.Responsible, x.Referred, x.Deadline, x.Reply, x.Replied = "", "", "", "", "", ""
	x.Feedback, x.FeedbackHow, x.Closed, x.State = "", "", "", ""
	x.Subject = cleanName(dropControls(x.Subject))
	x.Number = cleanName(x.Number)
	r.Label = strings.TrimSpace(x.Number + " " + x.Subject)
	pl.dictValue(r, DictPetitionCategory, "类别", &x.Category)
	if IsVisit(x.Channel) && x.Visitors == 0 && !r.given["人次"] {
		x.Visitors = 1 // a visit without 人次 is one person
	}
	if x.Received != "" && x.Received > DateOf(pl.tx.now) && !r.flagged["收到日期"] {
		r.fail("收到日期", "(%s)不能晚于今天", x.Received.Chinese())
	}

	// The same case: by number, or by day, channel, petitioner and subject.
	key, match := "", ""
	if x.Number != "" {
		key, match = "number\x00"+x.Number, "编号相同"
	} else if x.Received != "" && x.Subject != "" {
		key, match = "key\x00"+petitionKey(x.Received, x.Channel, x.Petitioner, x.Subject), "收到日期、渠道、信访人和事由相同"
	}
	if key != "" {
		if first, ok := pl.seen["petition\x00"+key]; ok {
			r.failRef("事由", first, "与第%d行是同一件信访(%s)", first, match)
		} else {
			pl.seen["petition\x00"+key] = r.Line
			id := pl.idx.petitions.byNumber[x.Number]
			if x.Number == "" {
				id = pl.idx.petitions.byKey[strings.TrimPrefix(key, "key\x00")]
			}
			if id != 0 {
				r.ExistingID, r.Match = id, match
			}
		}
	}
	rec, before := x, Petition{}
	if r.ExistingID != 0 {
		old, err := pl.tx.petition(r.ExistingID)
		if err != nil {
			return err
		}
		r.Existing = old.PetitionLabel()
		before = old
		mergeGiven(&old, &x, r.given)
		rec = old
	}
	if err := rec.Validate(); err != nil {
		for _, e := range ErrorsOf(err) { // every field Validate names, not only the first
			r.failErr(e)
		}
	}
	if r.ExistingID != 0 {
		r.Changes = pl.changes(&before, &rec)
	}

	// The handling: which steps the row implies, checked here for what a step alone would not say.
	if id, ok := pl.idx.units[h.UnitName]; ok {
		h.UnitID = id
	}
	if h.State != "" && !slices.Contains(PetitionStates, h.State) {
		r.fail("状态", "「%s」应是%s之一", h.State, strings.Join(PetitionStates, "、"))
	}
	onSpot := h.UnitName == "" && IsVisit(rec.Channel)
	switch {
	case h.UnitName == "" && (h.Responsible != "" || h.Referred != "" || h.Deadline != ""):
		r.fail("转办单位", "未填写：填了责任人、转办日期或办结时限的信访件要写明转办给哪个单位")
	case h.UnitName == "" && !onSpot && (h.Replied != "" || h.Closed != ""):
		r.fail("转办单位", "未填写：%s要先转办，才有答复和办结", rec.Channel)
	case onSpot && h.Feedback != "":
		r.fail("反馈日期", "当场答复的来访当面反馈，不另填反馈日期；已转办的请填写转办单位")
	}
	if h.Replied != "" && h.Reply == "" {
		r.fail("办理结果", "未填写：有答复日期的信访件要写明办理结果(答复内容)")
	}
	if h.Feedback != "" && h.FeedbackHow == "" {
		r.fail("反馈方式", "未填写：有反馈日期的要写明反馈方式(%s)", strings.Join(FeedbackMethods, "、"))
	}
	if h.UnitName != "" && h.Referred == "" {
		h.Referred = rec.Received // 「转办日期」 empty: referred the day it came
	}
	r.Petition = &rec
	r.petitionSteps = &h
	return nil
}

// importPetition saves a planned petition row: its registration, then the handling steps the saved case has
// not taken yet, each through the step the window takes, in the import's transaction.
func (tx *Tx) importPetition(r *PlanRow) error {
	p := *r.Petition
	if err := tx.savePetition(&p); err != nil {
		return err
	}
	h := r.petitionSteps
	if h == nil {
		return nil
	}
	cur, err := tx.petition(p.ID)
	if err != nil {
		return err
	}
	step := func(fn func() error) error {
		if err := fn(); err != nil {
			return err
		}
		cur, err = tx.petition(p.ID)
		return err
	}
	if cur.State == PetitionNew {
		switch {
		case h.UnitName != "":
			if err := step(func() error {
				return tx.refer(p.ID, ReferInput{UnitID: h.UnitID, UnitName: h.UnitName, Responsible: h.Responsible,
					Date: h.Referred, Deadline: h.Deadline})
			}); err != nil {
				return err
			}
		case IsVisit(cur.Channel) && (h.Replied != "" || h.Closed != ""):
			day := h.Replied
			if day == "" {
				day = h.Closed
			}
			if err := step(func() error { return tx.onSpot(p.ID, day, h.Reply) }); err != nil {
				return asField(err, "答复内容", "办理结果")
			}
		}
	}
	if cur.State == PetitionHandling && h.Replied != "" {
		if err := step(func() error { return tx.replyPetition(p.ID, h.Replied, h.Reply) }); err != nil {
			return err
		}
	}
	if cur.State == PetitionReplied && cur.Feedback == "" && h.Feedback != "" {
		if err := step(func() error { return tx.feedback(p.ID, h.Feedback, h.FeedbackHow) }); err != nil {
			return err
		}
	}
	if cur.State == PetitionReplied && cur.Feedback != "" && h.Closed != "" {
		if err := step(func() error { return tx.closePetition(p.ID, h.Closed) }); err != nil {
			return err
		}
	}
	if h.State != "" && r.ExistingID == 0 && cur.State != h.State {
		return fieldErr("状态", "「%s」与所填的办理情况不符：按所填的转办、答复、反馈和办结日期，这件信访是「%s」", h.State, cur.State)
	}
	return nil
}

// asField renames the field of a step's error to the column the import file calls it by.
func asField(err error, from, to string) error {
	if e, ok := err.(*Error); ok && e.Field == from {
		return &Error{Code: e.Code, Field: to, Message: strings.Replace(e.Message, from, to, 1)}
	}
	return err
}
