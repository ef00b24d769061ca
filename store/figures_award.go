package store

import (
	"context"
	"fmt"
)

// The figures of 评先评优 (issue 22 part 4): per award category of the year that holds the last day counted,
// the nominations and those chosen, beside the other figures so that the 报表 tab, the report text and the
// printed 表彰决定 read the same lists. 口径: AwardDefinition.

// AwardCategoryFigures is one category of a year's selection with its nominations.
type AwardCategoryFigures struct {
	Category  AwardCategory
	Nominated []AwardNomination // not withdrawn, in the order made
	Withdrawn int
	Elected   []AwardNomination // chosen by a decision dated on or before the report date
}

// AwardFigures is a year's 评先评优 as of the report date; Year 0 when the year has no selection.
type AwardFigures struct {
	Year       int
	Selection  AwardSelection
	Decided    bool // the presidium decided on or before the report date
	Announced  bool // … and the awards were announced at the 人代会 by then
	Categories []AwardCategoryFigures
}

// NominatedCount is the number of nominations not withdrawn.
func (a AwardFigures) NominatedCount() (n int) {
	for _, c := range a.Categories {
		n += len(c.Nominated)
	}
	return n
}

// ElectedCount is the number chosen.
func (a AwardFigures) ElectedCount() (n int) {
	for _, c := range a.Categories {
		n += len(c.Elected)
	}
	return n
}

// AwardDefinition is the 口径 of the 评先评优 figures.
func AwardDefinition(a AwardFigures) string {
	return fmt.Sprintf("%d年度评先评优：推荐数为各奖项未撤回的推荐对象(代表小组或主席团推荐)；当选数为主席团会议决定当选的对象，"+
		"只计决定日期不晚于数据截至日期的决定；名额为各奖项设定的名额。当选由主席团决定，履职积分排名仅供参考。", a.Year)
}

// awardFigures fills in f.Awards: the selection of the year of CountedOn, with the decision counted when dated
// on or before AsOf (a report for last year made in January still shows a decision taken in December).
func (tx *Tx) awardFigures(f *Figures) error {
	last := f.CountedOn()
	if last < f.From {
		return nil
	}
	a, err := tx.awardsAsOf(last.Year(), f.AsOf)
	if err != nil {
		return err
	}
	f.Awards = a
	return nil
}

// awardsAsOf is a year's selection as of a day (Year 0 when the year has none).
func (tx *Tx) awardsAsOf(year int, asOf Date) (AwardFigures, error) {
	s, err := tx.awardSelection(year)
	if ErrorCode(err) == ENOTFOUND {
		return AwardFigures{}, nil
	}
	if err != nil {
		return AwardFigures{}, err
	}
	a := AwardFigures{Year: year, Selection: s, Decided: s.Decided() && s.DecisionDate <= asOf}
	a.Announced = a.Decided && s.Announced() && s.AnnounceDate <= asOf
	ns, err := tx.awardNominations(`a.year = ?`, year)
	if err != nil {
		return a, err
	}
	for _, c := range s.Categories {
		cf := AwardCategoryFigures{Category: c}
		for _, n := range ns {
			n.Elected = n.Elected && a.Decided // a decision after the day is not yet a result
			switch {
			case n.CategoryID != c.ID:
			case n.Withdrawn:
				cf.Withdrawn++
			default:
				cf.Nominated = append(cf.Nominated, n)
				if n.Elected {
					cf.Elected = append(cf.Elected, n)
				}
			}
		}
		a.Categories = append(a.Categories, cf)
	}
	return a, nil
}

// AwardDecisionDoc is what the 表彰决定 prints: the settings and the year's selection with those chosen.
type AwardDecisionDoc struct {
	Settings Settings
	Awards   AwardFigures
}

// AwardDecisionDoc reads the decision of a year's selection; it is refused before the presidium has decided.
func (db *DB) AwardDecisionDoc(ctx context.Context, year int) (doc AwardDecisionDoc, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		if doc.Settings, err = readSettings(tx); err != nil {
			return err
		}
		if _, err := tx.awardSelection(year); err != nil {
			return err
		}
		if doc.Awards, err = tx.awardsAsOf(year, "9999-12-31"); err != nil {
			return err
		}
		if !doc.Awards.Decided {
			return Errorf(ESTATE, "%d年度评先评优主席团尚未作出决定，还不能打印表彰决定", year)
		}
		return nil
	})
	return doc, err
}

// AwardNominationDoc is what a 推荐表 prints: the settings, the selection and the nomination.
type AwardNominationDoc struct {
	Settings   Settings
	Selection  AwardSelection
	Nomination AwardNomination
	Deputy     *Deputy // the candidate when a deputy (still on record)
}

// AwardNominationDoc reads one nomination for its 推荐表.
func (db *DB) AwardNominationDoc(ctx context.Context, id int64) (doc AwardNominationDoc, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		if doc.Settings, err = readSettings(tx); err != nil {
			return err
		}
		if doc.Nomination, err = tx.awardNomination(id); err != nil {
			return err
		}
		if doc.Selection, err = tx.awardSelection(doc.Nomination.Year); err != nil {
			return err
		}
		if doc.Nomination.Candidate == CandidateDeputy {
			if d, err := tx.deputy(doc.Nomination.CandidateID); err == nil {
				doc.Deputy = &d
			}
		}
		return nil
	})
	return doc, err
}

// recordAwards gives each record the awards its deputy was chosen for in the record's year, by a decision
// dated on or before asOf: 「2026年度优秀人大代表」.
func (tx *Tx) recordAwards(year int, asOf string, index map[int64]*DeputyRecord) error {
	return collect(tx, `SELECT n.deputy_id, c.name FROM award_nominations n JOIN award_categories c ON c.id = n.category_id
		JOIN award_selections a ON a.id = c.selection_id WHERE a.year = ? AND n.elected = 1 AND n.deputy_id IS NOT NULL
		AND a.decision_date != '' AND a.decision_date <= ? ORDER BY c.sort, c.id`, []any{year, asOf}, func(sc scanner) error {
		var id int64
		var name string
		if err := sc.Scan(&id, &name); err != nil {
			return err
		}
		if r := index[id]; r != nil {
			r.Awards = append(r.Awards, fmt.Sprintf("%d年度%s", year, name))
		}
		return nil
	})
}
