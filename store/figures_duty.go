package store

// The 履职积分 in the figures (issue 22): the head of the year's ranking for the report text, counted from the
// same 履职档案 as 表20 (LoadReport's Records, scored by the points of 设置 → 履职积分), so that the sentence
// and the table name the same deputies with the same totals.

// DutyFigures is the ranking's head: how many deputies were scored, and those in the first places.
type DutyFigures struct {
	Scored int
	Top    []DutyScore // the deputies placed first to dutyTopPlaces (equal totals share a place, so maybe more)
}

// dutyTopPlaces is how many places the report text names.
const dutyTopPlaces = 3

// dutyFigures fills in f.Duty for the deputies of the period, their records counted as LoadReport counts them.
func (tx *Tx) dutyFigures(f *Figures) error {
	last := f.CountedOn()
	if last < f.From {
		return nil
	}
	recs, err := tx.deputyRecordsKnowing(f.From.Year(), string(f.From), string(last), string(f.AsOf), 0, f)
	if err != nil {
		return err
	}
	points, err := tx.dutyPoints()
	if err != nil {
		return err
	}
	f.records = recs
	ranked := RankScores(recs, points)
	f.Duty = DutyFigures{Scored: len(ranked)}
	for _, s := range ranked {
		if s.Rank > dutyTopPlaces {
			break
		}
		f.Duty.Top = append(f.Duty.Top, s)
	}
	return nil
}

// RuleVerb is how the office does what a rule counts, for a sentence: 召开 a meeting, 开展 an activity, 发放 a
// card, 下发 a bulletin.
func RuleVerb(measure string) string { return reminderVerb(measure) }
