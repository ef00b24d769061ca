package store

import "fmt"

// Where a voter's suggestion can be registered from (issue 18): an issue raised at a reception (转为建议), an
// item a deputy heard on a visit to voters, or an opinion on a 征求意见卡. Suggestion.RaisedFrom names it when
// the suggestion is registered; the same transaction makes the item point at the new suggestion, so that the
// item shows what became of it and one item becomes one suggestion at most.

// The kinds of item a suggestion is raised from.
const (
	RaisedIssue = "reception_issue" // reception_issues
	RaisedVisit = "visit_item"      // visit_items
	RaisedCard  = "card_item"       // opinion_card_items
)

// RaisedRef names the item a suggestion is registered from.
type RaisedRef struct {
	Kind string
	ID   int64
}

// linkRaised points the item ref at the suggestion just registered (and turns a reception issue's route to
// 转为建议), refusing an item that already became a suggestion or a petition.
func (tx *Tx) linkRaised(ref RaisedRef, suggestionID int64) error {
	switch ref.Kind {
	case RaisedIssue:
		i, rid, err := tx.issue(ref.ID)
		if err != nil {
			return err
		}
		switch {
		case i.SuggestionID != 0:
			return Errorf(ECONFLICT, "这条问题已登记为建议%s", i.SuggestionNumber)
		case i.PetitionID != 0:
			return Errorf(ECONFLICT, "这条问题已登记为信访件%s，不能再转为建议", i.PetitionNumber)
		}
		if _, err := tx.Exec(`UPDATE reception_issues SET suggestion_id = ?, route = ? WHERE id = ?`, suggestionID, RouteSuggestion, ref.ID); err != nil {
			return err
		}
		r, err := tx.reception(rid)
		if err != nil {
			return err
		}
		return tx.logHistory("reception", rid, ActionUpdate, r.StationName+" "+r.Date.Chinese(),
			fmt.Sprintf("问题「%s」转为建议", shortText(i.Content)))
	case RaisedVisit, RaisedCard:
		table, what := "visit_items", "走访中反映的这条意见"
		if ref.Kind == RaisedCard {
			table, what = "opinion_card_items", "征求意见卡上的这条意见"
		}
		var linked int64
		if err := tx.QueryRow(`SELECT coalesce(suggestion_id, 0) FROM `+table+` WHERE id = ?`, ref.ID).Scan(&linked); err != nil {
			return Errorf(ENOTFOUND, "%s已不存在", what)
		}
		if linked != 0 {
			var number string
			_ = tx.QueryRow(`SELECT number FROM suggestions WHERE id = ?`, linked).Scan(&number)
			return Errorf(ECONFLICT, "%s已登记为建议%s", what, number)
		}
		_, err := tx.Exec(`UPDATE `+table+` SET suggestion_id = ? WHERE id = ?`, suggestionID, ref.ID)
		return err
	}
	return Errorf(EINVALID, "不认识的建议出处「%s」", ref.Kind)
}

func init() {
	for k, v := range map[string]string{"petition": "信访", "reception_rule": "接待日", "duty": "值班安排",
		"voter_contact": "联系选民", "voter_visit": "联系选民", "opinion_card": "征求意见卡", "bulletin": "政情通报"} {
		EntityNames[k] = v
	}
}
